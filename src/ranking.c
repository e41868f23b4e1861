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
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(fr_levels_json);

/* enum labels of the tier type, looked up once per query */
#define FR_TIER_CACHE 8
typedef struct TierLabels
{
	int			n;
	Oid			oid[FR_TIER_CACHE];
	char	   *label[FR_TIER_CACHE];
} TierLabels;

static const char *
tier_label(FunctionCallInfo fcinfo, Oid value)
{
	TierLabels *c = (TierLabels *) fcinfo->flinfo->fn_extra;
	HeapTuple	tup;
	char	   *label;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(TierLabels));
		fcinfo->flinfo->fn_extra = c;
	}
	for (int i = 0; i < c->n; i++)
		if (c->oid[i] == value)
			return c->label[i];

	tup = SearchSysCache1(ENUMOID, ObjectIdGetDatum(value));
	if (!HeapTupleIsValid(tup))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid internal value for enum: %u", value)));
	label = MemoryContextStrdup(fcinfo->flinfo->fn_mcxt,
								NameStr(((Form_pg_enum) GETSTRUCT(tup))->enumlabel));
	ReleaseSysCache(tup);
	if (c->n < FR_TIER_CACHE)
	{
		c->oid[c->n] = value;
		c->label[c->n] = label;
		c->n++;
	}
	return label;
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
deconstruct(ArrayType *a, Oid elemtype, const char *what, Datum **values, bool **nulls)
{
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int			n;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("levels_json: %s must be a one-dimensional array", what)));
	get_typlenbyvalalign(elemtype, &typlen, &typbyval, &typalign);
	deconstruct_array(a, elemtype, typlen, typbyval, typalign, values, nulls, &n);
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
	Numeric		denominator = NULL;
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

	n = deconstruct(keys, TEXTOID, "keys", &kv, &kn);
	if (deconstruct(units, TEXTOID, "units", &uv, &un) != n ||
		deconstruct(levels, NUMERICOID, "levels", &lv, &ln) != n ||
		deconstruct(tiers, ARR_ELEMTYPE(tiers), "tiers", &tv, &tn) != n ||
		deconstruct(places, INT8OID, "places", &sv, &sn) != n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("levels_json: the five arrays must have the same length"),
				 errdetail("keys has %d elements; units %d, levels %d, tiers %d, places %d.",
						   n, ArrayGetNItems(ARR_NDIM(units), ARR_DIMS(units)),
						   ArrayGetNItems(ARR_NDIM(levels), ARR_DIMS(levels)),
						   ArrayGetNItems(ARR_NDIM(tiers), ARR_DIMS(tiers)),
						   ArrayGetNItems(ARR_NDIM(places), ARR_DIMS(places)))));
	if (total < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("levels_json: n must be at least 1"),
				 errdetail("n = " INT64_FORMAT ".", total),
				 errhint("Give the number of ranked disclosures.")));
	if (total > 1)
		denominator = int64_to_numeric(2 * (total - 1));

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < n; i++)
	{
		if (kn[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("levels_json: key %d is NULL", i + 1)));
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
			Numeric		standing;

			if (place < 0 || (total > 1 && place > 2 * (total - 1)))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("levels_json: place " INT64_FORMAT " is not in [0, 2·(n - 1)]", place),
						 errdetail("n = " INT64_FORMAT ", key %d.", total, i + 1),
						 errhint("Give level_place() of the level in the levelset of the n ranked disclosures.")));
			standing = denominator == NULL ? int64_to_numeric(1) :
				numeric_div_opt_error(int64_to_numeric(place), denominator, NULL);
			push_numeric(&st, DirectFunctionCall1(numeric_trim_scale, NumericGetDatum(standing)), false);
		}

		pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	}
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	PG_RETURN_POINTER(JsonbValueToJsonb(res));
}
