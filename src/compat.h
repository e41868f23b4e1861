/*
 * compat.h — differences between the PostgreSQL majors the module builds
 * against (15, 16, 17, 18), in one place.  Every PG_VERSION_NUM test of the
 * module is here; the other files include this header (pgutil.h and indicator.h do) and
 * call the names defined below.
 */
#ifndef FR_COMPAT_H
#define FR_COMPAT_H

#include "postgres.h"

#include "utils/acl.h"

/* VARDATA, VARSIZE_ANY_EXHDR, SET_VARSIZE…: PG 16 moved them out of
 * postgres.h into varatt.h */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* is role the owner of relation relid (or a member of its owner)?  PG 16
 * folded the per-class ownership checks into object_ownercheck() */
#if PG_VERSION_NUM >= 160000
#include "catalog/pg_class.h"
#define fr_class_ownercheck(relid, role) object_ownercheck(RelationRelationId, (relid), (role))
#else
#define fr_class_ownercheck(relid, role) pg_class_ownercheck((relid), (role))
#endif

/* a function that does not return: PG 18 replaced pg_attribute_noreturn(),
 * written after the declarator, with pg_noreturn, written before the
 * declaration (`pg_noreturn extern void f(void);`).  Before 18 the same
 * place takes the attribute (GCC and clang accept it there; elsewhere
 * pg_attribute_noreturn() is empty, as it was). */
#if PG_VERSION_NUM < 180000
#define pg_noreturn pg_attribute_noreturn()
#endif

#endif							/* FR_COMPAT_H */
