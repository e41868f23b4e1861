/*
 * registry_trigger.c — the row triggers of disclosure, their common path in C.
 *
 *   disclosure_row()   BEFORE INSERT, UPDATE and DELETE row trigger of
 *                      disclosure (disclosure_10_insert, _update, _delete)
 *
 * Nearly every row a client writes breaks no rule and needs only its clock
 * columns set: a draft inserted, a draft edited, a draft published without
 * superseding another version, a draft deleted.  Those rows are handled
 * here, without entering PL/pgSQL:
 *   INSERT  status 'draft', the standard number not an enterprise standard
 *           (Q/…) without its year or dated after the current year (rule 1):
 *           published_at and withdrawn_at cleared;
 *   UPDATE  of a draft that stays a draft, or becomes published with no
 *           supersedes, id and standard number unchanged: withdrawn_at
 *           cleared, published_at cleared (a draft) or stamped with clock()
 *           (a publication; rules 1-4 over the whole disclosure are the
 *           statement trigger's, disclosure_after_statement());
 *   DELETE  of a draft.
 * Every other row — each one that breaks a rule, a changed standard number,
 * a new version, a withdrawal, a supersession — is passed, with the same
 * trigger data, to the PL/pgSQL function that defines the rule
 * (disclosure_before_insert(), disclosure_before_update(),
 * disclosure_before_delete() in the trigger function's schema): the rules,
 * their order and their messages stay in one place, and this file only
 * recognises the rows they let through unchanged but for the clocks.
 *
 * Per statement (fn_extra: the trigger's FmgrInfo lives as long as the
 * statement's executor state) the column numbers, the PL/pgSQL functions
 * and clock() — constant within a transaction on one node, the
 * distributed transaction's stamp on Citus — are looked up once.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "executor/tuptable.h"
#include "fmgr.h"
#include "nodes/makefuncs.h"
#include "parser/parse_func.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/datum.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/tuplestore.h"

#include "compat.h"

PG_FUNCTION_INFO_V1(fr_disclosure_row);

/* stdcode.c */
extern Datum std_kind(PG_FUNCTION_ARGS);
extern Datum std_year(PG_FUNCTION_ARGS);

enum
{
	OP_INSERT,
	OP_UPDATE,
	OP_DELETE,
	N_OPS
};

static const char *const delegate_name[N_OPS] = {
	"disclosure_before_insert", "disclosure_before_update", "disclosure_before_delete"
};

typedef struct RowCache
{
	TupleDesc	desc;			/* the columns below are this descriptor's */
	int			id;
	int			status;
	int			standard;
	int			published_at;
	int			withdrawn_at;
	int			supersedes;
	char	   *schema;			/* of the trigger function */
	bool		have[N_OPS];
	FmgrInfo	delegate[N_OPS];
	bool		have_clock;
	Datum		clock;
} RowCache;

static int
column(TupleDesc desc, const char *name)
{
	int			n = SPI_fnumber(desc, name);

	if (n <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("disclosure_row() fired on a table without column \"%s\"", name)));
	return n;
}

static RowCache *
row_cache(FunctionCallInfo fcinfo, TriggerData *td)
{
	RowCache   *c = (RowCache *) fcinfo->flinfo->fn_extra;
	TupleDesc	desc = RelationGetDescr(td->tg_relation);

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RowCache));
		c->schema = MemoryContextStrdup(fcinfo->flinfo->fn_mcxt,
										get_namespace_name(get_func_namespace(td->tg_trigger->tgfoid)));
		fcinfo->flinfo->fn_extra = c;
	}
	if (c->desc != desc)
	{
		c->id = column(desc, "id");
		c->status = column(desc, "status");
		c->standard = column(desc, "standard");
		c->published_at = column(desc, "published_at");
		c->withdrawn_at = column(desc, "withdrawn_at");
		c->supersedes = column(desc, "supersedes");
		c->desc = desc;
	}
	return c;
}

/* a function of the extension's schema (that of the trigger function) */
static Oid
extension_function(const char *schema, const char *name)
{
	return LookupFuncName(list_make2(makeString(pstrdup(schema)), makeString(pstrdup(name))),
						  0, NULL, false);
}

static Oid
schema_function(RowCache *c, const char *name)
{
	return extension_function(c->schema, name);
}

/* the PL/pgSQL trigger function of the rule, called as the trigger */
static Datum
delegate(FunctionCallInfo fcinfo, RowCache *c, int op)
{
	LOCAL_FCINFO(call, 0);
	Datum		result;

	if (!c->have[op])
	{
		fmgr_info_cxt(schema_function(c, delegate_name[op]), &c->delegate[op],
					  fcinfo->flinfo->fn_mcxt);
		c->have[op] = true;
	}
	InitFunctionCallInfoData(*call, &c->delegate[op], 0, InvalidOid, fcinfo->context, NULL);
	result = FunctionCallInvoke(call);
	if (call->isnull)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger function %s.%s() returned null value", c->schema, delegate_name[op])));
	return result;
}

/*
 * clock() — the database clock of the rules (published_at, withdrawn_at, the
 * plan and review stamps, the history): on a Citus cluster, where
 * pg_catalog.get_current_transaction_id() exists, the stamp of the
 * distributed transaction, the same on every node it touches (each node's
 * now() is its own transaction's start); now() on one node and before a
 * distributed transaction's first statement.
 */
PG_FUNCTION_INFO_V1(fr_clock);

static Datum
database_clock(void)
{
	Oid			fn = LookupFuncName(list_make2(makeString(pstrdup("pg_catalog")),
											   makeString(pstrdup("get_current_transaction_id"))),
									0, NULL, true);

	if (OidIsValid(fn))
	{
		FmgrInfo	flinfo;
		LOCAL_FCINFO(call, 0);
		Datum		id;

		fmgr_info(fn, &flinfo);
		InitFunctionCallInfoData(*call, &flinfo, 0, InvalidOid, NULL, NULL);
		id = FunctionCallInvoke(call);
		if (!call->isnull)
		{
			bool		isnull;
			Datum		stamp = GetAttributeByName(DatumGetHeapTupleHeader(id), "transaction_stamp", &isnull);

			if (!isnull)
				return stamp;
		}
	}
	return TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
}

Datum
fr_clock(PG_FUNCTION_ARGS)
{
	return database_clock();
}

/* clock(), once per statement */
static Datum
clock_value(RowCache *c)
{
	if (!c->have_clock)
	{
		c->clock = database_clock();	/* timestamptz: by value */
		c->have_clock = true;
	}
	return c->clock;
}

static bool
text_is(Datum d, const char *s)
{
	text	   *t = DatumGetTextPP(d);
	size_t		n = strlen(s);
	bool		r = VARSIZE_ANY_EXHDR(t) == n && memcmp(VARDATA_ANY(t), s, n) == 0;

	if ((Pointer) t != DatumGetPointer(d))
		pfree(t);
	return r;
}

/*
 * Rule 1 has nothing to say about this standard number: not an enterprise
 * standard, or one with its year, not after the current year (what
 * standard_number_problem() returns NULL for).
 */
static bool
numbering_fine(Datum standard)
{
	Datum		kind = DirectFunctionCall1(std_kind, standard);
	bool		enterprise = text_is(kind, "enterprise");
	LOCAL_FCINFO(call, 1);
	Datum		year;
	int			y,
				m,
				d;

	pfree(DatumGetPointer(kind));
	if (!enterprise)
		return true;
	InitFunctionCallInfoData(*call, NULL, 1, InvalidOid, NULL, NULL);
	call->args[0].value = standard;
	call->args[0].isnull = false;
	year = std_year(call);
	if (call->isnull)
		return false;
	j2date(GetSQLCurrentDate() + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	return DatumGetInt32(year) <= y;
}

static HeapTuple
set_clocks(HeapTuple tup, TupleDesc desc, RowCache *c, bool pub_null, Datum published)
{
	bool		pnull;
	bool		wnull;
	int			cols[2];
	Datum		values[2];
	bool		nulls[2];
	int			n = 0;

	(void) heap_getattr(tup, c->published_at, desc, &pnull);
	(void) heap_getattr(tup, c->withdrawn_at, desc, &wnull);
	if (!pub_null || !pnull)
	{
		cols[n] = c->published_at;
		values[n] = published;
		nulls[n] = pub_null;
		n++;
	}
	if (!wnull)
	{
		cols[n] = c->withdrawn_at;
		values[n] = (Datum) 0;
		nulls[n] = true;
		n++;
	}
	if (n == 0)
		return tup;
	return heap_modify_tuple_by_cols(tup, desc, n, cols, values, nulls);
}

Datum
fr_disclosure_row(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	RowCache   *c;
	bool		isnull;
	Datum		d;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_BEFORE(td->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("disclosure_row() must be a BEFORE row trigger")));
	desc = RelationGetDescr(td->tg_relation);
	c = row_cache(fcinfo, td);

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event))
	{
		HeapTuple	tup = td->tg_trigtuple;

		d = heap_getattr(tup, c->status, desc, &isnull);
		if (isnull || !text_is(d, "draft"))
			return delegate(fcinfo, c, OP_INSERT);
		d = heap_getattr(tup, c->standard, desc, &isnull);
		if (!isnull && !numbering_fine(d))
			return delegate(fcinfo, c, OP_INSERT);
		return PointerGetDatum(set_clocks(tup, desc, c, true, (Datum) 0));
	}
	if (TRIGGER_FIRED_BY_DELETE(td->tg_event))
	{
		d = heap_getattr(td->tg_trigtuple, c->status, desc, &isnull);
		if (isnull || !text_is(d, "draft"))
			return delegate(fcinfo, c, OP_DELETE);
		return PointerGetDatum(td->tg_trigtuple);
	}
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		HeapTuple	old = td->tg_trigtuple;
		HeapTuple	tup = td->tg_newtuple;
		bool		onull;
		Datum		o;
		bool		publish;
		Form_pg_attribute sa = TupleDescAttr(desc, c->standard - 1);

		o = heap_getattr(old, c->status, desc, &onull);
		if (onull || !text_is(o, "draft"))
			return delegate(fcinfo, c, OP_UPDATE);
		d = heap_getattr(tup, c->status, desc, &isnull);
		if (isnull)
			return delegate(fcinfo, c, OP_UPDATE);
		publish = text_is(d, "published");
		if (!publish && !text_is(d, "draft"))
			return delegate(fcinfo, c, OP_UPDATE);
		o = heap_getattr(old, c->id, desc, &onull);
		d = heap_getattr(tup, c->id, desc, &isnull);
		if (onull || isnull || DatumGetInt64(o) != DatumGetInt64(d))
			return delegate(fcinfo, c, OP_UPDATE);
		o = heap_getattr(old, c->standard, desc, &onull);
		d = heap_getattr(tup, c->standard, desc, &isnull);
		if (onull || isnull || !datumIsEqual(o, d, sa->attbyval, sa->attlen))
			return delegate(fcinfo, c, OP_UPDATE);
		if (publish)
		{
			(void) heap_getattr(tup, c->supersedes, desc, &isnull);
			if (!isnull)
				return delegate(fcinfo, c, OP_UPDATE);
			return PointerGetDatum(set_clocks(tup, desc, c, false, clock_value(c)));
		}
		return PointerGetDatum(set_clocks(tup, desc, c, true, (Datum) 0));
	}
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("disclosure_row() fires on INSERT, UPDATE or DELETE")));
	PG_RETURN_NULL();			/* not reached */
}

/*
 * ---------------------------------------------------------------------------
 * The statement triggers of disclosure and disclosed_indicator, their common
 * path in C.
 *
 *   disclosure_after_statement()        AFTER INSERT, UPDATE and DELETE
 *                                       statement trigger of disclosure
 *                                       (disclosure_20_*; SECURITY DEFINER:
 *                                       it writes the history)
 *   disclosed_indicator_insert_check()  AFTER INSERT statement trigger of
 *                                       disclosed_indicator
 *   disclosure_publication_suspect(ids), indicator_entry_suspect(rows)
 *                                       the lean pre-checks
 *
 * On one node (the citus extension not installed) the statements a client
 * writes are handled here with plans prepared once per backend (SPI,
 * SPI_keepplan), without entering PL/pgSQL:
 *   INSERT or DELETE of disclosures: the history (create, delete) written
 *           from the transition table by one INSERT … SELECT;
 *   UPDATE  whose changed rows are all drafts published without supersedes
 *           (or drafts edited): the publication check — the pre-check, then
 *           disclosure_publication_check() only when it suspects a
 *           violation — then the history;
 *   INSERT of indicators: the disclosures locked against a concurrent
 *           publication (but those this transaction inserted), the
 *           pre-check, then indicator_entry_check() only when it suspects a
 *           violation.
 * Up to 20 disclosures or 100 indicator rows the pre-checks are plans kept
 * per backend over the rows' ids; above, queries over the transition table
 * planned for the statement's rows (*_bulk_sql).
 * Every other statement — a withdrawal, a supersession, every statement on
 * a Citus cluster (the rules on its shards name their tenants) — goes to
 * the PL/pgSQL rules as before (disclosure_after_statement_general(),
 * indicator_entry_check()): the errors are composed there alone.
 *
 * The pre-checks answer one question: may any of these rows break a rule
 * (what disclosure_violations() and indicator_violations() check, without
 * composing their messages)?  False is final; true sends the rows to the
 * rules, which say which rule and how.  Their conditions repeat the rules'
 * predicates (41_registry_rules.sql, commented at both places): a change to
 * a rule changes both.
 * ---------------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(fr_disclosure_after_statement);
PG_FUNCTION_INFO_V1(fr_disclosed_indicator_insert_check);
PG_FUNCTION_INFO_V1(fr_disclosure_publication_suspect);
PG_FUNCTION_INFO_V1(fr_indicator_entry_suspect);

/* a few rows: the pre-checks' limits (those of the PL/pgSQL rules) */
#define FEW_PUBLISHED	20
#define FEW_INDICATORS	100

/* what disclosure_violations() checks, without composing it (rules 1-4, 23503) */
static const char *const publication_suspect_sql =
"SELECT EXISTS ("
"  SELECT FROM frontrunner.disclosure d"
"  WHERE d.id = ANY ($1)"
"    AND ((frontrunner.std_kind(d.standard) = 'enterprise'"
"          AND (frontrunner.std_year(d.standard) IS NULL"
"               OR frontrunner.std_year(d.standard) > extract(year FROM CURRENT_DATE)"
"               OR EXISTS (SELECT FROM frontrunner.indicator_def x"
"                          WHERE x.category = d.category AND x.required"
"                            AND NOT EXISTS (SELECT FROM frontrunner.disclosed_indicator i"
"                                            WHERE i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = d.id"
"                                              AND i.indicator = x.key AND i.test_method IS NOT NULL))))"
"         OR EXISTS (SELECT FROM frontrunner.standard s"
"                    WHERE s.code OPERATOR(frontrunner.=) d.standard AND s.withdrawn_on <= CURRENT_DATE)"
"         OR EXISTS (SELECT FROM frontrunner.disclosed_indicator i"
"                    WHERE i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = d.id"
"                      AND (NOT EXISTS (SELECT FROM frontrunner.indicator_def x"
"                                       WHERE x.category = d.category AND x.key = i.indicator)"
"                           OR EXISTS (SELECT FROM frontrunner.requirement_in_force_typed f"
"                                      WHERE f.category = d.category AND f.indicator = i.indicator"
"                                        AND (f.nature = 'mandatory'"
"                                             OR (f.nature = 'recommended' AND f.kind IN ('national', 'industry')"
"                                                 AND coalesce(btrim(d.below_recommended_statement), '') = ''))"
"                                        AND frontrunner.compare(i.requirement, f.requirement) NOT IN ('stricter', 'equal'))))))";

/* what indicator_violations(rows, false) checks, without composing it (rule 5, 23503, rule 3) */
static const char *const entry_suspect_sql =
"SELECT EXISTS ("
"  SELECT FROM pg_catalog.unnest($1) r"
"  JOIN frontrunner.disclosure d ON d.id = r.disclosure"
"  WHERE d.status <> 'draft'"
"     OR NOT EXISTS (SELECT FROM frontrunner.indicator_def x WHERE x.category = d.category AND x.key = r.indicator)"
"     OR EXISTS (SELECT FROM frontrunner.requirement_in_force_typed f"
"                WHERE f.category = d.category AND f.indicator = r.indicator AND f.nature = 'mandatory'"
"                  AND frontrunner.compare(r.requirement, f.requirement) NOT IN ('stricter', 'equal')))";

/*
 * The same questions over many rows, read from the statement's transition
 * table as joins planned for the statement's rows, where the few-row forms
 * above run their subqueries row by row: the registry's tables are read by
 * key for the rows of the statement only (LATERAL … OFFSET 0: index probes,
 * whatever the tables' size or the estimates), everything else joined by
 * hashing (nested loops off while they are planned: the materialised rows
 * have no statistics, and a nested loop over a misestimate is quadratic).
 * Their conditions are those of the few-row forms; on one node a disclosed
 * indicator's enterprise is its disclosure's (the foreign key), so
 * indicators are read by disclosure alone.
 */
/* what disclosure_violations() checks (publication_suspect_sql), over new_rows */
static const char *const publication_suspect_bulk_sql =
"WITH p AS MATERIALIZED ("
"  SELECT d.id, d.category, d.standard,"
"         frontrunner.std_kind(d.standard) = 'enterprise' AS own,"
"         coalesce(btrim(d.below_recommended_statement), '') = '' AS no_statement"
"  FROM new_rows d WHERE d.status <> 'draft'"
"), i AS MATERIALIZED ("
"  SELECT p.id, p.category, p.no_statement, i.indicator, i.requirement, i.test_method"
"  FROM p CROSS JOIN LATERAL (SELECT i.indicator, i.requirement, i.test_method"
"                             FROM frontrunner.disclosed_indicator i WHERE i.disclosure = p.id OFFSET 0) i"
")"
"SELECT EXISTS (SELECT FROM p WHERE p.own AND (frontrunner.std_year(p.standard) IS NULL"
"                                    OR frontrunner.std_year(p.standard) > extract(year FROM CURRENT_DATE)))"
"    OR EXISTS (SELECT FROM p JOIN frontrunner.standard s ON s.code OPERATOR(frontrunner.=) p.standard"
"               WHERE s.withdrawn_on <= CURRENT_DATE)"
"    OR EXISTS (SELECT FROM p JOIN frontrunner.indicator_def x ON x.category = p.category AND x.required"
"               WHERE p.own AND NOT EXISTS (SELECT FROM i WHERE i.id = p.id AND i.indicator = x.key"
"                                                      AND i.test_method IS NOT NULL))"
"    OR EXISTS (SELECT FROM i WHERE NOT EXISTS (SELECT FROM frontrunner.indicator_def x"
"                                               WHERE x.category = i.category AND x.key = i.indicator))"
"    OR EXISTS (SELECT FROM i JOIN frontrunner.requirement_in_force_typed f"
"                 ON f.category = i.category AND f.indicator = i.indicator"
"               WHERE (f.nature = 'mandatory'"
"                      OR (f.nature = 'recommended' AND f.kind IN ('national', 'industry') AND i.no_statement))"
"                 AND frontrunner.compare(i.requirement, f.requirement) NOT IN ('stricter', 'equal'))";

/* what indicator_violations(rows, false) checks (entry_suspect_sql), over new_rows */
static const char *const entry_suspect_bulk_sql =
"WITH n AS MATERIALIZED ("
"  SELECT r.indicator, r.requirement, d.status, d.category"
"  FROM new_rows r CROSS JOIN LATERAL (SELECT d.status, d.category"
"                                     FROM frontrunner.disclosure d WHERE d.id = r.disclosure OFFSET 0) d"
")"
"SELECT EXISTS (SELECT FROM n WHERE n.status <> 'draft')"
"    OR EXISTS (SELECT FROM n WHERE NOT EXISTS (SELECT FROM frontrunner.indicator_def x"
"                                               WHERE x.category = n.category AND x.key = n.indicator))"
"    OR EXISTS (SELECT FROM n JOIN frontrunner.requirement_in_force_typed f"
"                 ON f.category = n.category AND f.indicator = n.indicator"
"               WHERE f.nature = 'mandatory'"
"                 AND frontrunner.compare(n.requirement, f.requirement) NOT IN ('stricter', 'equal'))";

/* the history of the statement, in id order (as disclosure_after_statement_general() writes it) */
static const char *const history_create_sql =
"INSERT INTO frontrunner.disclosure_event (disclosure, at, action, old_status, new_status, enterprise)"
" SELECT n.id, $1, 'create', NULL, n.status, n.enterprise FROM new_rows n ORDER BY n.id";
static const char *const history_delete_sql =
"INSERT INTO frontrunner.disclosure_event (disclosure, at, action, old_status, new_status, enterprise)"
" SELECT o.id, $1, 'delete', o.status, NULL, o.enterprise FROM old_rows o ORDER BY o.id";
static const char *const history_publish_sql =
"INSERT INTO frontrunner.disclosure_event (disclosure, at, action, old_status, new_status, note, enterprise)"
" SELECT n.id, $1, 'publish', 'draft', n.status, NULL, n.enterprise FROM new_rows n"
" WHERE n.status <> 'draft' ORDER BY n.id";
static const char *const publication_check_sql =
"SELECT frontrunner.disclosure_publication_check($1, NULL)";
/* the disclosures of the rows, locked (in id order) against a concurrent
 * publication, but for those this transaction wrote (as indicator_entry_check()) */
static const char *const entry_lock_sql =
"SELECT FROM frontrunner.disclosure d"
" WHERE d.id IN (SELECT r.disclosure FROM new_rows r)"
"   AND ($1 IS NULL OR d.xmin OPERATOR(pg_catalog.<>) $1)"
" ORDER BY d.id FOR SHARE OF d";
static const char *const entry_check_sql =
"SELECT frontrunner.indicator_entry_check(ARRAY(SELECT n::frontrunner.disclosed_indicator FROM new_rows n))";

enum
{
	P_PUBLICATION_SUSPECT,
	P_ENTRY_SUSPECT,
	P_HISTORY_CREATE,
	P_HISTORY_DELETE,
	P_HISTORY_PUBLISH,
	P_PUBLICATION_CHECK,
	P_ENTRY_LOCK,
	P_ENTRY_CHECK,
	N_PLANS
};

typedef struct SavedPlan
{
	SPIPlanPtr	plan;
	Oid			argtype;		/* of $1: a plan for another type is made again */
} SavedPlan;

static SavedPlan plans[N_PLANS];

/*
 * The plan of query, prepared once per backend (generic: the plans do not
 * depend on the values) inside the caller's SPI connection — with the
 * transition tables registered when the query reads them.  Every name in
 * the queries is qualified; the functions calling this pin search_path.
 */
static SPIPlanPtr
saved_plan(int which, const char *query, Oid argtype)
{
	SavedPlan  *s = &plans[which];

	if (s->plan != NULL && s->argtype != argtype)
	{
		SPI_freeplan(s->plan);
		s->plan = NULL;
	}
	if (s->plan == NULL)
	{
		int			nargs = OidIsValid(argtype) ? 1 : 0;
		SPIPlanPtr	p = SPI_prepare_cursor(query, nargs, &argtype, CURSOR_OPT_GENERIC_PLAN);

		if (p == NULL)
			elog(ERROR, "SPI_prepare failed for \"%s\": %s", query, SPI_result_code_string(SPI_result));
		if (SPI_keepplan(p) != 0)
			elog(ERROR, "SPI_keepplan failed");
		s->plan = p;
		s->argtype = argtype;
	}
	return s->plan;
}

static void
run(int which, const char *query, Oid argtype, Datum arg, bool argnull, bool read_only, int expect)
{
	char		nulls = argnull ? 'n' : ' ';
	int			rc = SPI_execute_plan(saved_plan(which, query, argtype), &arg, &nulls, read_only, 0);

	if (rc != expect)
		elog(ERROR, "SPI_execute_plan returned %s for \"%s\"", SPI_result_code_string(rc), query);
}

/* the boolean the pre-check just run returned */
static bool
suspected(void)
{
	bool		isnull;
	bool		r;

	if (SPI_processed != 1)
		elog(ERROR, "pre-check returned " UINT64_FORMAT " rows", SPI_processed);
	r = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	return !isnull && r;
}

static bool
suspect(int which, const char *query, Oid argtype, Datum arg)
{
	run(which, query, argtype, arg, false, true, SPI_OK_SELECT);
	return suspected();
}

/*
 * A query over the transition table planned for this statement's rows (not
 * kept: many rows, once per statement); a boolean for a pre-check.
 */
static void
run_once(const char *query, Oid argtype, Datum arg, bool argnull, bool read_only, int expect)
{
	char		nulls = argnull ? 'n' : ' ';
	int			nargs = OidIsValid(argtype) ? 1 : 0;
	int			rc = SPI_execute_with_args(query, nargs, &argtype, &arg, &nulls, read_only, 0);

	if (rc != expect)
		elog(ERROR, "SPI_execute_with_args returned %s for \"%s\"", SPI_result_code_string(rc), query);
}

static bool
suspect_once(const char *query)
{
	int			level = NewGUCNestLevel();

	(void) set_config_option("enable_nestloop", "off", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_LOCAL, true, 0, false);
	/* (the cost of the nested loops kept by LATERAL is inflated: no JIT for it) */
	(void) set_config_option("jit", "off", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_LOCAL, true, 0, false);
	run_once(query, InvalidOid, (Datum) 0, false, true, SPI_OK_SELECT);
	AtEOXact_GUC(true, level);
	return suspected();
}

static void
connect_spi(TriggerData *td)
{
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (td != NULL && SPI_register_trigger_data(td) != SPI_OK_TD_REGISTER)
		elog(ERROR, "SPI_register_trigger_data failed");
}

static void
finish_spi(void)
{
	if (SPI_finish() != SPI_OK_FINISH)
		elog(ERROR, "SPI_finish failed");
}

/*
 * Citus installed in this database: the rules there run on the shards and
 * name their tenants (citus_distributed(), citus_tenants()); they stay the
 * PL/pgSQL rules'.
 */
static bool
citus_here(void)
{
	return OidIsValid(get_relname_relid("pg_dist_partition", PG_CATALOG_NAMESPACE));
}

/* the pre-checks, inside an SPI connection (the triggers': theirs) */
static bool
publication_suspect(ArrayType *ids)
{
	return suspect(P_PUBLICATION_SUSPECT, publication_suspect_sql, INT8ARRAYOID, PointerGetDatum(ids));
}

static bool
entry_suspect(ArrayType *rows)
{
	Oid			type = get_array_type(ARR_ELEMTYPE(rows));

	if (!OidIsValid(type))
		elog(ERROR, "indicator_entry_suspect: no array type of type %u", ARR_ELEMTYPE(rows));
	return suspect(P_ENTRY_SUSPECT, entry_suspect_sql, type, PointerGetDatum(rows));
}

/* disclosure_publication_suspect(ids bigint[]) */
Datum
fr_disclosure_publication_suspect(PG_FUNCTION_ARGS)
{
	bool		r;

	connect_spi(NULL);
	r = publication_suspect(PG_GETARG_ARRAYTYPE_P(0));
	finish_spi();
	PG_RETURN_BOOL(r);
}

/* indicator_entry_suspect(rows disclosed_indicator[]) */
Datum
fr_indicator_entry_suspect(PG_FUNCTION_ARGS)
{
	bool		r;

	connect_spi(NULL);
	r = entry_suspect(PG_GETARG_ARRAYTYPE_P(0));
	finish_spi();
	PG_RETURN_BOOL(r);
}

/* a Citus shard of table: table_<shard id> */
static bool
is_shard_of(const char *relname, const char *table)
{
	size_t		len = strlen(table);
	const char *id = relname + len + 1;

	return strncmp(relname, table, len) == 0 && relname[len] == '_' &&
		*id != '\0' && strspn(id, "0123456789") == strlen(id);
}

/*
 * An AFTER statement trigger of the extension's table (or, on Citus, of one
 * of its shards, in the same schema): the history these functions write as
 * their owner (SECURITY DEFINER) is the registry's and nothing else's.
 */
static void
require_statement_trigger(FunctionCallInfo fcinfo, const char *name, const char *table)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Oid			schema;
	const char *relname;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(td->tg_event) ||
		!TRIGGER_FIRED_FOR_STATEMENT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("%s() must be an AFTER statement trigger", name)));
	schema = get_func_namespace(fcinfo->flinfo->fn_oid);
	relname = RelationGetRelationName(td->tg_relation);
	if (RelationGetNamespace(td->tg_relation) != schema ||
		(strcmp(relname, table) != 0 && !is_shard_of(relname, table)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("%s() fires only on %s.%s", name, get_namespace_name(schema), table),
				 errdetail("Trigger \"%s\" is on %s.%s.", td->tg_trigger->tgname,
						   get_namespace_name(RelationGetNamespace(td->tg_relation)), relname)));
}

/* the transition table the trigger names, as the queries above name it */
static Tuplestorestate *
transition_table(TriggerData *td, bool old, const char *name)
{
	const char *given = old ? td->tg_trigger->tgoldtable : td->tg_trigger->tgnewtable;
	Tuplestorestate *ts = old ? td->tg_oldtable : td->tg_newtable;

	if (given == NULL || strcmp(given, name) != 0 || ts == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" must name its transition table %s", td->tg_trigger->tgname, name)));
	return ts;
}

/* the schema of the statement trigger function called */
static char *
own_schema(FunctionCallInfo fcinfo)
{
	return get_namespace_name(get_func_namespace(fcinfo->flinfo->fn_oid));
}

/* the PL/pgSQL function that has the rules of a statement, called as the trigger */
static Datum
delegate_statement(FunctionCallInfo fcinfo, const char *name)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	FmgrInfo	flinfo;
	LOCAL_FCINFO(call, 0);

	fmgr_info(extension_function(own_schema(fcinfo), name), &flinfo);
	InitFunctionCallInfoData(*call, &flinfo, 0, InvalidOid, (Node *) td, NULL);
	(void) FunctionCallInvoke(call);
	return PointerGetDatum(NULL);
}

/*
 * The rows an UPDATE changed, as disclosure_before_update() lets them
 * through: true when every row that is not a draft is a publication without
 * supersedes (ids: theirs, in id order; none when every row stayed a draft);
 * false when the statement withdrew, superseded or published a new version.
 */
static int
int64_cmp(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

static bool
plain_publications(TriggerData *td, Tuplestorestate *ts, ArrayType **ids, int *n)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	int			idno = column(desc, "id");
	int			statusno = column(desc, "status");
	int			supno = column(desc, "supersedes");
	TupleTableSlot *slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	int64	   *v = NULL;
	int			cap = 0;
	bool		plain = true;

	*n = 0;
	tuplestore_select_read_pointer(ts, 0);
	tuplestore_rescan(ts);
	while (tuplestore_gettupleslot(ts, true, false, slot))
	{
		bool		isnull;
		Datum		d = slot_getattr(slot, statusno, &isnull);

		if (isnull)
		{
			plain = false;
			break;
		}
		if (text_is(d, "draft"))
			continue;
		if (!text_is(d, "published"))
		{
			plain = false;
			break;
		}
		(void) slot_getattr(slot, supno, &isnull);
		if (!isnull)
		{
			plain = false;
			break;
		}
		d = slot_getattr(slot, idno, &isnull);
		if (isnull)
		{
			plain = false;
			break;
		}
		if (*n == cap)
		{
			cap = cap ? cap * 2 : 16;
			v = v ? repalloc(v, cap * sizeof(int64)) : palloc(cap * sizeof(int64));
		}
		v[(*n)++] = DatumGetInt64(d);
	}
	ExecDropSingleTupleTableSlot(slot);
	tuplestore_rescan(ts);
	*ids = NULL;
	if (plain && *n > 0)
	{
		Datum	   *elems = palloc(*n * sizeof(Datum));
		int			i;

		qsort(v, *n, sizeof(int64), int64_cmp);
		for (i = 0; i < *n; i++)
			elems[i] = Int64GetDatum(v[i]);
		*ids = construct_array(elems, *n, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE);
	}
	return plain;
}

/*
 * The disclosures this transaction inserted (the last MINE_MAX, from the
 * insert trigger's transition table): invisible to every other transaction
 * until it commits, so no concurrent publication can change them, and
 * indicators written into them need no lock.  Forgotten at the end of the
 * transaction and whenever a subtransaction aborts (its rows are gone); an
 * id not remembered is locked as before.
 */
#define MINE_MAX	64

static int64 mine_ids[MINE_MAX];
static int	mine_n;
static bool mine_callbacks;

static void
mine_forget_xact(XactEvent event, void *arg)
{
	mine_n = 0;
}

static void
mine_forget_subxact(SubXactEvent event, SubTransactionId sub, SubTransactionId parent, void *arg)
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
		mine_n = 0;
}

/* the values of a bigint column of the transition table's rows; false when one is null */
static bool
transition_int8s(TriggerData *td, Tuplestorestate *ts, const char *name, int64 **values, int *n)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	int			attno = column(desc, name);
	TupleTableSlot *slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	bool		complete = true;

	*values = palloc(Max(tuplestore_tuple_count(ts), 1) * sizeof(int64));
	*n = 0;
	tuplestore_select_read_pointer(ts, 0);
	tuplestore_rescan(ts);
	while (tuplestore_gettupleslot(ts, true, false, slot))
	{
		bool		isnull;
		Datum		d = slot_getattr(slot, attno, &isnull);

		if (isnull)
			complete = false;
		else
			(*values)[(*n)++] = DatumGetInt64(d);
	}
	ExecDropSingleTupleTableSlot(slot);
	tuplestore_rescan(ts);
	return complete;
}

static void
remember_inserted(TriggerData *td, Tuplestorestate *ts)
{
	int64	   *ids;
	int			n;
	int			i;

	if (!mine_callbacks)
	{
		RegisterXactCallback(mine_forget_xact, NULL);
		RegisterSubXactCallback(mine_forget_subxact, NULL);
		mine_callbacks = true;
	}
	if (tuplestore_tuple_count(ts) > MINE_MAX)
		return;					/* a bulk insert: its indicators take the rules' path */
	(void) transition_int8s(td, ts, "id", &ids, &n);
	for (i = 0; i < n; i++)
	{
		if (mine_n == MINE_MAX)
		{
			memmove(mine_ids, mine_ids + 1, (MINE_MAX - 1) * sizeof(int64));
			mine_n--;
		}
		mine_ids[mine_n++] = ids[i];
	}
	pfree(ids);
}

static bool
inserted_here(int64 id)
{
	int			i;

	for (i = mine_n - 1; i >= 0; i--)
		if (mine_ids[i] == id)
			return true;
	return false;
}

/* every disclosure the indicator rows name was inserted by this transaction */
static bool
all_inserted_here(TriggerData *td, Tuplestorestate *ts)
{
	int64	   *ids;
	int			n;
	int			i;
	bool		all;

	if (mine_n == 0)
		return false;
	all = transition_int8s(td, ts, "disclosure", &ids, &n);
	for (i = 0; all && i < n; i++)
		all = inserted_here(ids[i]);
	pfree(ids);
	return all;
}

Datum
fr_disclosure_after_statement(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Tuplestorestate *ts;
	Datum		stamp;

	require_statement_trigger(fcinfo, "disclosure_after_statement", "disclosure");
	if (citus_here())
		return delegate_statement(fcinfo, "disclosure_after_statement_general");

	if (TRIGGER_FIRED_BY_INSERT(td->tg_event) || TRIGGER_FIRED_BY_DELETE(td->tg_event))
	{
		bool		insert = TRIGGER_FIRED_BY_INSERT(td->tg_event);

		ts = transition_table(td, !insert, insert ? "new_rows" : "old_rows");
		if (tuplestore_tuple_count(ts) == 0)
			return PointerGetDatum(NULL);
		stamp = database_clock();
		connect_spi(td);
		if (insert)
		{
			remember_inserted(td, ts);
			run(P_HISTORY_CREATE, history_create_sql, TIMESTAMPTZOID, stamp, false, false, SPI_OK_INSERT);
		}
		else
			run(P_HISTORY_DELETE, history_delete_sql, TIMESTAMPTZOID, stamp, false, false, SPI_OK_INSERT);
		finish_spi();
		return PointerGetDatum(NULL);
	}
	if (TRIGGER_FIRED_BY_UPDATE(td->tg_event))
	{
		ArrayType  *ids;
		int			n;

		ts = transition_table(td, false, "new_rows");
		if (!plain_publications(td, ts, &ids, &n))
			return delegate_statement(fcinfo, "disclosure_after_statement_general");
		if (n == 0)
			return PointerGetDatum(NULL);	/* drafts edited: no state change */
		stamp = database_clock();
		connect_spi(td);
		/* rules 1-4 over every disclosure the statement published */
		if (n <= FEW_PUBLISHED ? publication_suspect(ids) : suspect_once(publication_suspect_bulk_sql))
			run(P_PUBLICATION_CHECK, publication_check_sql, INT8ARRAYOID, PointerGetDatum(ids), false,
				true, SPI_OK_SELECT);
		run(P_HISTORY_PUBLISH, history_publish_sql, TIMESTAMPTZOID, stamp, false, false, SPI_OK_INSERT);
		finish_spi();
		return PointerGetDatum(NULL);
	}
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("disclosure_after_statement() fires on INSERT, UPDATE or DELETE")));
	return PointerGetDatum(NULL);	/* not reached */
}

/* the rows of the transition table as an array of the table's row type */
static ArrayType *
rows_array(TriggerData *td, Tuplestorestate *ts, int n)
{
	TupleDesc	desc = RelationGetDescr(td->tg_relation);
	TupleTableSlot *slot = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	Datum	   *elems = palloc(n * sizeof(Datum));
	int			i = 0;

	tuplestore_select_read_pointer(ts, 0);
	tuplestore_rescan(ts);
	while (i < n && tuplestore_gettupleslot(ts, true, false, slot))
		elems[i++] = heap_copy_tuple_as_datum(ExecFetchSlotHeapTuple(slot, false, NULL), desc);
	ExecDropSingleTupleTableSlot(slot);
	tuplestore_rescan(ts);
	return construct_array(elems, i, td->tg_relation->rd_rel->reltype, -1, false, TYPALIGN_DOUBLE);
}

Datum
fr_disclosed_indicator_insert_check(PG_FUNCTION_ARGS)
{
	TriggerData *td = (TriggerData *) fcinfo->context;
	Tuplestorestate *ts;
	int64		n;

	require_statement_trigger(fcinfo, "disclosed_indicator_insert_check", "disclosed_indicator");
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("disclosed_indicator_insert_check() fires on INSERT")));
	ts = transition_table(td, false, "new_rows");
	n = tuplestore_tuple_count(ts);
	if (n == 0)
		return PointerGetDatum(NULL);
	connect_spi(td);
	if (!citus_here())
	{
		TransactionId mine = GetTopTransactionIdIfAny();
		bool		few = n <= FEW_INDICATORS;

		if (!few)
			run_once(entry_lock_sql, XIDOID, TransactionIdGetDatum(mine),
					 !TransactionIdIsValid(mine), false, SPI_OK_SELECT);
		else if (!all_inserted_here(td, ts))
			run(P_ENTRY_LOCK, entry_lock_sql, XIDOID, TransactionIdGetDatum(mine),
				!TransactionIdIsValid(mine), false, SPI_OK_SELECT);
		if (!(few ? entry_suspect(rows_array(td, ts, (int) n)) : suspect_once(entry_suspect_bulk_sql)))
		{
			finish_spi();
			return PointerGetDatum(NULL);
		}
	}
	/* a Citus cluster, or a violation suspected: the rules */
	run(P_ENTRY_CHECK, entry_check_sql, InvalidOid, (Datum) 0, false, false, SPI_OK_SELECT);
	finish_spi();
	return PointerGetDatum(NULL);
}
