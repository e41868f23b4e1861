/*
 * rls.c — the parent-row lookup of the policies on a disclosure's rows.
 *
 *   disclosure_visible(enterprise uscc, id bigint) → boolean
 *
 * true when the caller sees disclosure id of enterprise (under the policies
 * of disclosure): the read policies of its indicators and its history call
 * it for every row they filter.  The lookup is the query
 *
 *   SELECT EXISTS (SELECT FROM frontrunner.disclosure d
 *                  WHERE d.enterprise = $1 AND d.id = $2)
 *
 * run as the caller (so under disclosure's policies), prepared once per
 * backend.  Consecutive rows of one scan usually belong to one disclosure:
 * the answer for the last (enterprise, id) is kept for the rest of the
 * query (the call site's cache lives as long as the query's expression
 * state, within one snapshot, and a STABLE function may be answered so).
 *
 * On a distributed registry the policies run on the workers, inside the
 * shard queries, and the query reads the disclosure's shard, co-located with
 * the row's (the SQL declaration sets citus.allow_nested_distributed_execution
 * for it).  Without the cache every row paid a distributed lookup.
 *
 * A caller without SELECT on disclosure cannot run that query.  On one node
 * such a caller never gets here (it reads the rows only through a view,
 * with the view owner's rights); on a distributed registry Citus reads a
 * view's shards with the caller's rights, so the policy runs for it: it then
 * sees the rows of the public record (the disclosures that are not drafts,
 * what disclosure's read policy shows anybody), looked up with the rights of
 * disclosure's owner.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

#include "pgutil.h"

PG_FUNCTION_INFO_V1(fr_disclosure_visible);

typedef struct VisibleCache
{
	bool		valid;
	int64		id;
	Datum		enterprise;		/* copied into the call site's context */
	int16		typlen;
	bool		typbyval;
	bool		visible;
} VisibleCache;

static SPIPlanPtr visible_plan = NULL;
static SPIPlanPtr public_plan = NULL;

static SPIPlanPtr
prepare_lookup(SPIPlanPtr *plan, const char *query, Oid enttype)
{
	if (*plan == NULL)
	{
		Oid			argtypes[2] = {enttype, INT8OID};
		SPIPlanPtr	p = SPI_prepare(query, 2, argtypes);

		if (p == NULL)
			elog(ERROR, "disclosure_visible: SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		*plan = p;
	}
	return *plan;
}

Datum
fr_disclosure_visible(PG_FUNCTION_ARGS)
{
	VisibleCache *cache = (VisibleCache *) fr_fn_cache(fcinfo, sizeof(VisibleCache));
	Datum		enterprise = PG_GETARG_DATUM(0);
	int64		id = PG_GETARG_INT64(1);
	Oid			enttype = get_fn_expr_argtype(fcinfo->flinfo, 0);
	Datum		args[2];
	bool		isnull;
	int			rc;
	Oid			disclosure;

	if (!OidIsValid(enttype))
		elog(ERROR, "disclosure_visible: the type of the enterprise argument is unknown");
	if (!cache->valid)
		get_typlenbyval(enttype, &cache->typlen, &cache->typbyval);
	if (cache->valid && cache->id == id &&
		datumIsEqual(cache->enterprise, enterprise, cache->typbyval, cache->typlen))
		PG_RETURN_BOOL(cache->visible);

	disclosure = get_relname_relid("disclosure", get_namespace_oid("frontrunner", false));
	if (!OidIsValid(disclosure))
		elog(ERROR, "disclosure_visible: table frontrunner.disclosure not found");
	args[0] = enterprise;
	args[1] = Int64GetDatum(id);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "disclosure_visible: SPI_connect failed");
	if (pg_class_aclcheck(disclosure, GetUserId(), ACL_SELECT) == ACLCHECK_OK)
	{
		rc = SPI_execute_plan(prepare_lookup(&visible_plan,
											 "SELECT EXISTS (SELECT FROM frontrunner.disclosure d "
											 "WHERE d.enterprise OPERATOR(frontrunner.=) $1 "
											 "AND d.id OPERATOR(pg_catalog.=) $2)", enttype),
							  args, NULL, true, 1);
	}
	else
	{
		/* the public record, read as disclosure's owner */
		HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(disclosure));
		Oid			owner;
		Oid			save_userid;
		int			save_sec_context;

		if (!HeapTupleIsValid(tup))
			elog(ERROR, "disclosure_visible: cache lookup failed for relation %u", disclosure);
		owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
		ReleaseSysCache(tup);
		GetUserIdAndSecContext(&save_userid, &save_sec_context);
		SetUserIdAndSecContext(owner, save_sec_context | SECURITY_LOCAL_USERID_CHANGE);
		/* (an error restores the user id with the (sub)transaction's abort) */
		rc = SPI_execute_plan(prepare_lookup(&public_plan,
											 "SELECT EXISTS (SELECT FROM frontrunner.disclosure d "
											 "WHERE d.enterprise OPERATOR(frontrunner.=) $1 "
											 "AND d.id OPERATOR(pg_catalog.=) $2 "
											 "AND d.status OPERATOR(pg_catalog.<>) 'draft')", enttype),
							  args, NULL, true, 1);
		SetUserIdAndSecContext(save_userid, save_sec_context);
	}
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "disclosure_visible: SPI_execute_plan returned %s", SPI_result_code_string(rc));
	cache->visible = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)) && !isnull;
	SPI_finish();

	if (cache->valid && !cache->typbyval)
		pfree(DatumGetPointer(cache->enterprise));
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		cache->enterprise = datumCopy(enterprise, cache->typbyval, cache->typlen);
		MemoryContextSwitchTo(old);
	}
	cache->id = id;
	cache->valid = true;
	PG_RETURN_BOOL(cache->visible);
}
