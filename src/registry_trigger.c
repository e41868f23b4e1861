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
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "nodes/makefuncs.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

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

static Oid
schema_function(RowCache *c, const char *name)
{
	return LookupFuncName(list_make2(makeString(c->schema), makeString(pstrdup(name))),
						  0, NULL, false);
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

/* clock(), once per statement */
static Datum
clock_value(FunctionCallInfo fcinfo, RowCache *c)
{
	if (!c->have_clock)
	{
		Oid			fn = schema_function(c, "clock");

		c->clock = OidFunctionCall0(fn);	/* timestamptz: by value */
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
			return PointerGetDatum(set_clocks(tup, desc, c, false, clock_value(fcinfo, c)));
		}
		return PointerGetDatum(set_clocks(tup, desc, c, true, (Datum) 0));
	}
	ereport(ERROR,
			(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
			 errmsg("disclosure_row() fires on INSERT, UPDATE or DELETE")));
	PG_RETURN_NULL();			/* not reached */
}
