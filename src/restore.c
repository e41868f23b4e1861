/*
 * restore.c — recognising a restore in the registry's INSERT triggers.
 *
 * pg_dump keeps the registry's rows (its tables are registered with
 * pg_extension_config_dump), and a restore loads them with COPY after
 * CREATE EXTENSION has created the tables and their rule triggers.  The
 * rows are published disclosures with their clocks, history entries,
 * published lists: exactly what the rules refuse from a client.  So the
 * registry's INSERT triggers carry WHEN (NOT restoring(table)), and a
 * restore is recognised when all of these hold:
 *   - the rows come from a COPY … FROM into this very table (the statement
 *     of the active portal), as pg_dump's scripts and pg_restore load data;
 *   - row_security is off, as every session of pg_dump's scripts and of
 *     pg_restore sets it;
 *   - the role issuing it (outside any SECURITY DEFINER function) is a
 *     superuser or owns the table: a role that could disable the table's
 *     triggers anyway (ALTER TABLE … DISABLE TRIGGER).
 * Nobody else takes this path: a non-superuser's COPY, and every INSERT,
 * go through every rule, so a restore never lets anyone back-date or change
 * published data they could not change before.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "nodes/plannodes.h"
#include "tcop/pquery.h"
#include "utils/portal.h"
#include "utils/rls.h"

#include "compat.h"

PG_FUNCTION_INFO_V1(fr_restoring);

/* Is the active portal's statement a COPY … FROM into relid? */
static bool
copying_into(Oid relid)
{
	Portal		portal = ActivePortal;
	ListCell   *lc;

	if (portal == NULL || portal->commandTag != CMDTAG_COPY)
		return false;
	foreach(lc, portal->stmts)
	{
		PlannedStmt *ps = lfirst_node(PlannedStmt, lc);
		CopyStmt   *copy;

		if (ps->commandType != CMD_UTILITY || !IsA(ps->utilityStmt, CopyStmt))
			continue;
		copy = (CopyStmt *) ps->utilityStmt;
		if (copy->is_from && copy->relation != NULL &&
			RangeVarGetRelid(copy->relation, NoLock, true) == relid)
			return true;
	}
	return false;
}

Datum
fr_restoring(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	Oid			role = GetOuterUserId();

	if (row_security)
		PG_RETURN_BOOL(false);
	if (!superuser_arg(role) && !fr_class_ownercheck(relid, role))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(copying_into(relid));
}
