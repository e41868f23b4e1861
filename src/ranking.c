/*
 * ranking.c — C helpers of the tier ranking (sql/install/61_ranking.sql)
 *
 * levels_json(keys, units, levels, tiers, places, n) builds the `levels`
 * column of rank_plan(): per core indicator {"level", "unit", "tier",
 * "standing"}, the standing place / (2·(n - 1)) (level_place(), 1 when
 * n = 1) as the numeric division level_standing() does.  rank_plan() calls
 * it once per ranked disclosure; building the object here costs a fraction
 * of nested jsonb_build_object() calls or of parsing JSON text, which is
 * what it replaces.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/syscache.h"

#include "levelset.h"
#include "pgutil.h"

PG_FUNCTION_INFO_V1(fr_levels_json);

/*
 * What one call site keeps across the rows of a query (fn_extra): the enum
 * labels of the tier type, the element type properties of the arrays, and
 * the standings already computed — a plan's places repeat (one per distinct
 * level and indicator), so most rows divide nothing.
 */
#define FR_TIER_CACHE 8
#define FR_TYPE_CACHE 4
#define FR_STANDING_SLOTS 1024

typedef struct StandingSlot
{
	int64		place;
	int64		total;			/* 0: empty */
	Numeric		standing;		/* trimmed, in fn_mcxt */
} StandingSlot;

typedef struct LevelsJsonCache
{
	int			ntiers;
	Oid			tier_oid[FR_TIER_CACHE];
	char	   *tier_label[FR_TIER_CACHE];
	int			ntypes;
	Oid			type_oid[FR_TYPE_CACHE];
	int16		typlen[FR_TYPE_CACHE];
	bool		typbyval[FR_TYPE_CACHE];
	char		typalign[FR_TYPE_CACHE];
	StandingSlot slots[FR_STANDING_SLOTS];
} LevelsJsonCache;

static LevelsJsonCache *
levels_json_cache(FunctionCallInfo fcinfo)
{
	return (LevelsJsonCache *) fr_fn_cache(fcinfo, sizeof(LevelsJsonCache));
}

static const char *
tier_label(FunctionCallInfo fcinfo, Oid value)
{
	LevelsJsonCache *c = levels_json_cache(fcinfo);
	HeapTuple	tup;
	char	   *label;

	for (int i = 0; i < c->ntiers; i++)
		if (c->tier_oid[i] == value)
			return c->tier_label[i];

	tup = SearchSysCache1(ENUMOID, ObjectIdGetDatum(value));
	if (!HeapTupleIsValid(tup))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid internal value for enum: %u", value)));
	label = MemoryContextStrdup(fcinfo->flinfo->fn_mcxt,
								NameStr(((Form_pg_enum) GETSTRUCT(tup))->enumlabel));
	ReleaseSysCache(tup);
	if (c->ntiers < FR_TIER_CACHE)
	{
		c->tier_oid[c->ntiers] = value;
		c->tier_label[c->ntiers] = label;
		c->ntiers++;
	}
	return label;
}

/*
 * place / (2·(n - 1)) as numeric_div() gives it, trimmed; 1 when n = 1.
 * The result is a copy in the caller's context: a later key of the same
 * row may evict the slot.
 */
static Datum
standing_of(FunctionCallInfo fcinfo, int64 place, int64 total)
{
	LevelsJsonCache *c = levels_json_cache(fcinfo);
	StandingSlot *slot = &c->slots[(uint64) (place * INT64CONST(0x9E3779B97F4A7C15)) >> 54];
	MemoryContext old;
	Numeric		standing;

	if (slot->total == total && slot->place == place)
		return datumCopy(NumericGetDatum(slot->standing), false, -1);
	standing = lv_standing_of(place, total);
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (slot->total != 0)
		pfree(slot->standing);
	slot->standing = DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
														 NumericGetDatum(standing)));
	MemoryContextSwitchTo(old);
	slot->place = place;
	slot->total = total;
	return datumCopy(NumericGetDatum(slot->standing), false, -1);
}

/* a string as key (WJB_KEY) or value (WJB_VALUE) */
static void
push_string(JsonbParseState **st, JsonbIteratorToken token, const char *s, int len)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) s;
	v.val.string.len = len;
	pushJsonbValue(st, token, &v);
}

static void
push_numeric(JsonbParseState **st, Datum d, bool isnull)
{
	JsonbValue	v;

	if (isnull)
		v.type = jbvNull;
	else
	{
		v.type = jbvNumeric;
		v.val.numeric = DatumGetNumeric(d);
	}
	pushJsonbValue(st, WJB_VALUE, &v);
}

static int
deconstruct(FunctionCallInfo fcinfo, ArrayType *a, Oid elemtype, const char *what,
			Datum **values, bool **nulls)
{
	LevelsJsonCache *c = levels_json_cache(fcinfo);
	int			t;
	int			n;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("the %s array must be one-dimensional", what)));
	for (t = 0; t < c->ntypes && c->type_oid[t] != elemtype; t++)
		;
	if (t == c->ntypes)
	{
		if (t == FR_TYPE_CACHE)
			t = 0;				/* not reached: four element types */
		else
			c->ntypes++;
		c->type_oid[t] = elemtype;
		get_typlenbyvalalign(elemtype, &c->typlen[t], &c->typbyval[t], &c->typalign[t]);
	}
	deconstruct_array(a, elemtype, c->typlen[t], c->typbyval[t], c->typalign[t],
					  values, nulls, &n);
	return n;
}

Datum
fr_levels_json(PG_FUNCTION_ARGS)
{
	ArrayType  *keys = PG_GETARG_ARRAYTYPE_P(0);
	ArrayType  *units = PG_GETARG_ARRAYTYPE_P(1);
	ArrayType  *levels = PG_GETARG_ARRAYTYPE_P(2);
	ArrayType  *tiers = PG_GETARG_ARRAYTYPE_P(3);
	ArrayType  *places = PG_GETARG_ARRAYTYPE_P(4);
	int64		total = PG_GETARG_INT64(5);
	Datum	   *kv,
			   *uv,
			   *lv,
			   *tv,
			   *sv;
	bool	   *kn,
			   *un,
			   *ln,
			   *tn,
			   *sn;
	int			n;
	JsonbParseState *st = NULL;
	JsonbValue *res;

	n = deconstruct(fcinfo, keys, TEXTOID, "keys", &kv, &kn);
	if (deconstruct(fcinfo, units, TEXTOID, "units", &uv, &un) != n ||
		deconstruct(fcinfo, levels, NUMERICOID, "levels", &lv, &ln) != n ||
		deconstruct(fcinfo, tiers, ARR_ELEMTYPE(tiers), "tiers", &tv, &tn) != n ||
		deconstruct(fcinfo, places, INT8OID, "places", &sv, &sn) != n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the keys, units, levels, tiers and places arrays must have the same length"),
				 errdetail("keys has %d elements; units %d, levels %d, tiers %d, places %d.",
						   n, ArrayGetNItems(ARR_NDIM(units), ARR_DIMS(units)),
						   ArrayGetNItems(ARR_NDIM(levels), ARR_DIMS(levels)),
						   ArrayGetNItems(ARR_NDIM(tiers), ARR_DIMS(tiers)),
						   ArrayGetNItems(ARR_NDIM(places), ARR_DIMS(places)))));
	if (total < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the number of ranked disclosures must be at least 1"),
				 errdetail("n is " INT64_FORMAT ".", total),
				 errhint("Give the number of ranked disclosures.")));

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < n; i++)
	{
		if (kn[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("key %d of the levels is NULL", i + 1)));
		push_string(&st, WJB_KEY, VARDATA_ANY(kv[i]), VARSIZE_ANY_EXHDR(kv[i]));
		pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);

		push_string(&st, WJB_KEY, "level", 5);
		push_numeric(&st, lv[i], ln[i]);

		push_string(&st, WJB_KEY, "unit", 4);
		if (un[i])
			push_numeric(&st, (Datum) 0, true);
		else
			push_string(&st, WJB_VALUE, VARDATA_ANY(uv[i]), VARSIZE_ANY_EXHDR(uv[i]));

		push_string(&st, WJB_KEY, "tier", 4);
		if (tn[i])
			push_numeric(&st, (Datum) 0, true);
		else
		{
			const char *label = tier_label(fcinfo, DatumGetObjectId(tv[i]));

			push_string(&st, WJB_VALUE, label, strlen(label));
		}

		push_string(&st, WJB_KEY, "standing", 8);
		if (sn[i])
			push_numeric(&st, (Datum) 0, true);
		else
		{
			int64		place = DatumGetInt64(sv[i]);

			if (place < 0 || (total > 1 && place > 2 * (total - 1)))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("place " INT64_FORMAT " is not in [0, 2·(n - 1)]", place),
						 errdetail("The place is that of key %d; n is " INT64_FORMAT ".", i + 1, total),
						 errhint("Give level_place() of the level in the levelset of the n ranked disclosures.")));
			push_numeric(&st, standing_of(fcinfo, place, total), false);
		}

		pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	}
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	PG_RETURN_POINTER(JsonbValueToJsonb(res));
}
