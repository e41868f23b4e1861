/*
 * compat.h — differences between the PostgreSQL majors the module builds
 * against, in one place.  Every PG_VERSION_NUM test of the module is here;
 * the other files call the names defined below.
 */
#ifndef FR_COMPAT_H
#define FR_COMPAT_H

#include "postgres.h"

#include "utils/acl.h"

/* is role the owner of relation relid (or a member of its owner)?  PG 16
 * folded the per-class ownership checks into object_ownercheck() */
#if PG_VERSION_NUM >= 160000
#include "catalog/pg_class.h"
#define fr_class_ownercheck(relid, role) object_ownercheck(RelationRelationId, (relid), (role))
#else
#define fr_class_ownercheck(relid, role) pg_class_ownercheck((relid), (role))
#endif

#endif							/* FR_COMPAT_H */
