/*
 * tenant.c — the tenant of a row that belongs to a disclosure.
 *
 * Every row that belongs to one disclosure (disclosed_indicator,
 * spot_check, spot_check_request, feedback) carries the disclosure's
 * enterprise, so that keys and references include the tenant (one shard per
 * enterprise when the registry is distributed) and a policy can read it
 * from the row.  Clients written for 0.1.0 do not write it: this BEFORE
 * INSERT OR UPDATE trigger fills it from the disclosure.
 *
 *   tenant_fill(key_column, constraint_name)
 *
 * When the row's key (the disclosure id in key_column) is set and its
 * enterprise is NULL — or the key changed in an UPDATE that left the
 * enterprise as it was — enterprise becomes the disclosure's.  An
 * enterprise the client wrote is kept: the composite foreign key
 * (enterprise, key) → disclosure (enterprise, id) named constraint_name
 * refuses it when it is not the disclosure's.  A key with no disclosure
 * raises the error that foreign key raises (23503, "Key (…)=(…) is not
 * present in table "disclosure"").
 *
 * The disclosure is read as the table's owner without row-level security,
 * as PostgreSQL's foreign-key checks read it: whether the writer may write
 * a row for that disclosure is the policies' decision, not this lookup's.
 * The query is prepared once per backend with every name qualified (the
 * caller's search_path plays no part).  Consecutive rows of one statement
 * usually share their disclosure; the last one looked up is kept for the
 * statement (a stale answer could only make the foreign key fail, which it
 * checks under lock).
 */
#include "postgres.h"

#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

PG_FUNCTION_INFO_V1(fr_tenant_fill);

typedef struct TenantCache
{
	bool		valid;
	int64		key;
	Datum		enterprise;		/* a copy in the trigger's memory context */
	int16		typlen;
	bool		typbyval;
} TenantCache;

static SPIPlanPtr tenant_plan = NULL;

static Datum
tenant_lookup(Relation rel, int64 key, const char *keycol, const char *conname,
			  TenantCache *cache, MemoryContext cxt)
{
	Oid			save_uid;
	int			save_sec;
	Datum		arg = Int64GetDatum(key);
	int			rc;
	bool		isnull;
	Datum		value;

	if (cache->valid && cache->key == key)
		return cache->enterprise;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "tenant_fill: SPI_connect failed");
	if (tenant_plan == NULL)
	{
		Oid			argtype = INT8OID;
		SPIPlanPtr	p = SPI_prepare("SELECT d.enterprise FROM frontrunner.disclosure d "
									"WHERE d.id OPERATOR(pg_catalog.=) $1",
									1, &argtype);

		if (p == NULL)
			elog(ERROR, "tenant_fill: SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
		SPI_keepplan(p);
		tenant_plan = p;
	}
	/* as the foreign key reads it: the table owner, row-level security off */
	GetUserIdAndSecContext(&save_uid, &save_sec);
	SetUserIdAndSecContext(rel->rd_rel->relowner,
						   save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
	rc = SPI_execute_plan(tenant_plan, &arg, NULL, true, 1);
	SetUserIdAndSecContext(save_uid, save_sec);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "tenant_fill: SPI_execute_plan returned %s", SPI_result_code_string(rc));
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
				 errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
						RelationGetRelationName(rel), conname),
				 errdetail("Key (%s)=(" INT64_FORMAT ") is not present in table \"disclosure\".",
						   keycol, key),
				 errtableconstraint(rel, conname)));
	value = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (isnull)
		elog(ERROR, "tenant_fill: disclosure " INT64_FORMAT " has no enterprise", key);

	if (cache->valid && !cache->typbyval)
		pfree(DatumGetPointer(cache->enterprise));
	get_typlenbyval(SPI_gettypeid(SPI_tuptable->tupdesc, 1), &cache->typlen, &cache->typbyval);
	{
		MemoryContext old = MemoryContextSwitchTo(cxt);

		cache->enterprise = datumCopy(value, cache->typbyval, cache->typlen);
		MemoryContextSwitchTo(old);
	}
	cache->key = key;
	cache->valid = true;
	SPI_finish();
	return cache->enterprise;
}

Datum
fr_tenant_fill(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Relation	rel;
	TupleDesc	desc;
	HeapTuple	tup;
	const char *keycol;
	const char *conname;
	int			keyno;
	int			entno;
	bool		keynull;
	bool		entnull;
	Datum		key;
	Datum		ent;
	bool		replace = false;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(td->tg_event) || TRIGGER_FIRED_BY_UPDATE(td->tg_event)) ||
		td->tg_trigger->tgnargs != 2)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("tenant_fill() must be a BEFORE INSERT OR UPDATE row trigger with two arguments")));

	rel = td->tg_relation;
	desc = RelationGetDescr(rel);
	tup = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	keycol = td->tg_trigger->tgargs[0];
	conname = td->tg_trigger->tgargs[1];
	keyno = SPI_fnumber(desc, keycol);
	entno = SPI_fnumber(desc, "enterprise");
	if (keyno <= 0 || entno <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("table \"%s\" has no column \"%s\" or \"enterprise\"",
						RelationGetRelationName(rel), keycol)));

	key = SPI_getbinval(tup, desc, keyno, &keynull);
	if (keynull)
		return PointerGetDatum(tup);	/* NOT NULL or a nullable key says the rest */
	ent = SPI_getbinval(tup, desc, entno, &entnull);
	if (entnull)
		replace = true;
	else if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		bool		oknull;
		bool		oenull;
		Datum		okey = SPI_getbinval(td->tg_trigtuple, desc, keyno, &oknull);
		Datum		oent = SPI_getbinval(td->tg_trigtuple, desc, entno, &oenull);
		Form_pg_attribute ea = TupleDescAttr(desc, entno - 1);

		/* the row moved to another disclosure and kept its old enterprise */
		replace = (oknull || DatumGetInt64(okey) != DatumGetInt64(key)) && !oenull &&
			datumIsEqual(oent, ent, ea->attbyval, ea->attlen);
	}
	if (replace)
	{
		TenantCache *cache = (TenantCache *) fcinfo->flinfo->fn_extra;
		bool		isnull = false;

		if (cache == NULL)
			cache = fcinfo->flinfo->fn_extra =
				MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TenantCache));
		ent = tenant_lookup(rel, DatumGetInt64(key), keycol, conname, cache,
							fcinfo->flinfo->fn_mcxt);
		tup = heap_modify_tuple_by_cols(tup, desc, 1, &entno, &ent, &isnull);
	}
	return PointerGetDatum(tup);
}
