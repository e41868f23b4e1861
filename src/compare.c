/*
 * compare.c — the compare layer in SQL: compare(), satisfies() (GB/T 8170
 * full-value and rounded-value judgement), level() and margin().  The set
 * logic itself is in indicator_cmp.c (backend-free).
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "core/indicator_cmp.h"
#include "core/quantity.h"
#include "decimal.h"
#include "direction.h"
#include "indicator.h"
#include "pgutil.h"

/* ---------------------------------------------------------------- compare */

PG_FUNCTION_INFO_V1(fr_indicator_compare);

Datum
fr_indicator_compare(PG_FUNCTION_ARGS)
{
	FrIndicator a,
				b;

	fr_ind_load_core(PG_GETARG_DATUM(0), &a);
	fr_ind_load_core(PG_GETARG_DATUM(1), &b);
	PG_RETURN_TEXT_P(cstring_to_text(fr_ind_relation_name(fr_ind_relation(&a, &b))));
}

/* ---------------------------------------------------------------- satisfies */

static bool
method_rounded(text *t)
{
	const char *d = VARDATA_ANY(t);
	size_t		n = VARSIZE_ANY_EXHDR(t);
	char	   *m;

	if (n == 4 && memcmp(d, "full", 4) == 0)
		return false;
	if (n == 7 && memcmp(d, "rounded", 7) == 0)
		return true;
	m = text_to_cstring(t);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown judgement method \"%s\"", m),
			 errdetail("GB/T 8170 defines the full-value comparison and the rounded-value comparison."),
			 errhint("Use \"full\" (全数值比较法, the default) or \"rounded\" (修约值比较法).")));
	return false;				/* not reached */
}

static bool
judge(const FrIndicator *m, const FrIndicator *s, bool rounded)
{
	FrError		err;
	bool		result;

	fr_error_init(&err);
	if (!fr_ind_satisfies(m, s, rounded, &result, &err))
		fr_ind_raise(&err, "cannot judge the value against this requirement");
	return result;
}

PG_FUNCTION_INFO_V1(fr_indicator_satisfies);
PG_FUNCTION_INFO_V1(fr_indicator_satisfies_numeric);

Datum
fr_indicator_satisfies(PG_FUNCTION_ARGS)
{
	FrIndicator m,
				s;
	bool		rounded = method_rounded(PG_GETARG_TEXT_PP(2));

	fr_ind_load_core(PG_GETARG_DATUM(0), &m);
	fr_ind_load_core(PG_GETARG_DATUM(1), &s);
	if (!fr_ind_commensurable(&m, &s))
	{
		/* the message names the units: load them */
		fr_ind_load(PG_GETARG_DATUM(0), &m);
		fr_ind_load(PG_GETARG_DATUM(1), &s);
		fr_ind_require_commensurable(&m, &s);
	}
	PG_RETURN_BOOL(judge(&m, &s, rounded));
}

Datum
fr_indicator_satisfies_numeric(PG_FUNCTION_ARGS)
{
	FrIndicator m,
				s;
	bool		rounded = method_rounded(PG_GETARG_TEXT_PP(2));
	FrDec		x = fr_numeric_to_dec(PG_GETARG_NUMERIC(0), "measured value");

	fr_ind_load_core(PG_GETARG_DATUM(1), &s);
	/* the number is taken in the spec's unit */
	memset(&m, 0, sizeof(m));
	m.form = FR_IND_POINT;
	m.flags = FR_IND_LO_INC | FR_IND_HI_INC | (s.flags & FR_IND_ANYUNIT);
	m.lo = m.hi = x;
	m.unit = s.unit;
	PG_RETURN_BOOL(judge(&m, &s, rounded));
}

PG_FUNCTION_INFO_V1(fr_indicator_satisfies_results);

/*
 * satisfies(results numeric[], spec, method): the n results of a spot
 * check's sample units (in the spec's unit) against a sampling plan (none
 * above M, at most c above m), or each against a plain limit.
 */
Datum
fr_indicator_satisfies_results(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	bool		rounded = method_rounded(PG_GETARG_TEXT_PP(2));
	FrIndicator s;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	FrDec	   *x;
	FrError		err;
	bool		result;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("sample results must be a one-dimensional array"),
				 errhint("Give one result per sample unit, e.g. ARRAY[120, 80, 450, 60, 95].")));
	deconstruct_array(arr, NUMERICOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	x = palloc(sizeof(FrDec) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("sample result %d is null", i + 1),
					 errhint("Every sample unit of a spot check has a result.")));
		x[i] = fr_numeric_to_dec(DatumGetNumeric(elems[i]), "sample result");
	}
	fr_ind_load(PG_GETARG_DATUM(1), &s);
	fr_error_init(&err);
	if (!fr_ind_satisfies_results(x, n, &s, rounded, &result, &err))
		fr_ind_raise(&err, n == 0 ? "no sample results to judge" :
					 "the sample results do not fit the requirement's sampling plan");
	PG_RETURN_BOOL(result);
}

/* ---------------------------------------------------------------- level, margin */

/* value x of v converted to unit u, as numeric (rounded beyond 20 decimals) */
static Datum
convert_numeric(FrDec x, const FrIndicator *v, const FrUnit *u)
{
	char		buf[128];
	bool		exact;
	FrError		err;

	if ((v->flags & FR_IND_ANYUNIT) || fr_unit_identical(&v->unit, u))
		return fr_dec_to_numeric(x);
	fr_error_init(&err);
	if (!fr_value_convert_text(x, &v->unit, u, 20, buf, sizeof(buf), &exact, &err))
		fr_ind_raise(&err, "cannot convert the level to the requested unit");
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/*
 * The level of v for a direction, in unit u (NULL: v's own unit).  Sets
 * *isnull when the form has no such bound.
 */
static Datum
level_of(const FrIndicator *v, FrDirection dir, const FrUnit *u, bool *isnull)
{
	const FrUnit *to = u ? u : &v->unit;

	*isnull = false;
	switch (dir)
	{
		case FR_LOWER_BETTER:
			/* upper bound; for ND the detection limit, or 0 */
			if (v->flags & FR_IND_HI_INF)
				break;
			return convert_numeric(v->hi, v, to);
		case FR_HIGHER_BETTER:
			if (v->flags & FR_IND_LO_INF)
				break;
			return convert_numeric(v->lo, v, to);
		case FR_TARGET:
			if (v->flags & (FR_IND_LO_INF | FR_IND_HI_INF))
				break;
			return DirectFunctionCall2(numeric_sub,
									   convert_numeric(v->hi, v, to),
									   convert_numeric(v->lo, v, to));
	}
	*isnull = true;
	return (Datum) 0;
}

/*
 * level()'s direction and unit arguments are the same on every row of a
 * query (a constant, or one per plan indicator): the enum label lookup and
 * the unit parse are kept in fn_extra and redone only when the argument
 * changes.
 */
typedef struct LevelArgCache
{
	FrDirectionCache dir;
	bool		unit_valid;
	int			unit_len;
	char		unit_raw[FR_UNIT_MAXLEN];
	FrUnit		unit;
	char		canon[FR_UNIT_MAXLEN];
} LevelArgCache;

static LevelArgCache *
level_arg_cache(FunctionCallInfo fcinfo)
{
	return (LevelArgCache *) fr_fn_cache(fcinfo, sizeof(LevelArgCache));
}

/* the parsed unit argument; c->canon holds its canonical spelling */
static const FrUnit *
level_unit_arg(FunctionCallInfo fcinfo, LevelArgCache *c, int argno)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);
	int			len = VARSIZE_ANY_EXHDR(t);

	if (c->unit_valid && len == c->unit_len &&
		memcmp(VARDATA_ANY(t), c->unit_raw, len) == 0)
		return &c->unit;
	c->unit_valid = false;
	fr_ind_parse_unit_arg(t, &c->unit, c->canon);
	if (len < FR_UNIT_MAXLEN)
	{
		memcpy(c->unit_raw, VARDATA_ANY(t), len);
		c->unit_len = len;
		c->unit_valid = true;
	}
	return &c->unit;
}

PG_FUNCTION_INFO_V1(fr_indicator_level);

/* level(indicator, direction, unit text DEFAULT NULL): not strict in unit */
Datum
fr_indicator_level(PG_FUNCTION_ARGS)
{
	LevelArgCache *c;
	FrIndicator v;
	bool		isnull;
	Datum		r;
	FrDirection dir;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	c = level_arg_cache(fcinfo);
	dir = fr_direction_of(&c->dir, PG_GETARG_OID(1));
	fr_ind_load(PG_GETARG_DATUM(0), &v);
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
	{
		const FrUnit *u = level_unit_arg(fcinfo, c, 2);

		fr_ind_require_unit(&v, u, c->canon);
		r = level_of(&v, dir, u, &isnull);
	}
	else
		r = level_of(&v, dir, NULL, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(r);
}

PG_FUNCTION_INFO_V1(fr_indicator_comparable_level);

/*
 * comparable_level(indicator, direction, unit text): the level in unit, or
 * NULL when the requirement has no bound in that direction or is in a unit
 * of another kind of quantity (where level() raises 22023).  Tier ranking
 * reads every disclosed indicator through it: a disclosure whose level
 * cannot be taken in the plan's unit is ineligible, not an error.
 */
Datum
fr_indicator_comparable_level(PG_FUNCTION_ARGS)
{
	LevelArgCache *c = level_arg_cache(fcinfo);
	FrDirection dir = fr_direction_of(&c->dir, PG_GETARG_OID(1));
	const FrUnit *u = level_unit_arg(fcinfo, c, 2);
	FrIndicator v;
	bool		isnull;
	Datum		r;

	fr_ind_load(PG_GETARG_DATUM(0), &v);
	if (!(v.flags & FR_IND_ANYUNIT) && !fr_unit_commensurable(&v.unit, u))
		PG_RETURN_NULL();
	r = level_of(&v, dir, u, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(r);
}

static bool
numeric_is_zero(Datum n)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, n,
											 NumericGetDatum(int64_to_numeric(0)))) == 0;
}

PG_FUNCTION_INFO_V1(fr_indicator_margin);

/*
 * margin(a, b, direction): how much stricter a is than b, as a fraction of
 * b's level, a's level taken in b's unit.  NULL when either level is NULL
 * or b's level (width) is 0.
 */
Datum
fr_indicator_margin(PG_FUNCTION_ARGS)
{
	FrIndicator a,
				b;
	FrDirection dir = fr_direction_of(fr_fn_cache(fcinfo, sizeof(FrDirectionCache)),
									  PG_GETARG_OID(2));
	Datum		la,
				lb;
	bool		na,
				nb;
	const FrUnit *bu;
	Datum		r;

	fr_ind_load(PG_GETARG_DATUM(0), &a);
	fr_ind_load(PG_GETARG_DATUM(1), &b);
	fr_ind_require_commensurable(&a, &b);
	bu = (b.flags & FR_IND_ANYUNIT) ? ((a.flags & FR_IND_ANYUNIT) ? NULL : &a.unit) : &b.unit;
	la = level_of(&a, dir, bu, &na);
	lb = level_of(&b, dir, bu, &nb);
	if (na || nb || numeric_is_zero(lb))
		PG_RETURN_NULL();
	switch (dir)
	{
		case FR_LOWER_BETTER:
			r = DirectFunctionCall2(numeric_div, DirectFunctionCall2(numeric_sub, lb, la), lb);
			break;
		case FR_HIGHER_BETTER:
			r = DirectFunctionCall2(numeric_div, DirectFunctionCall2(numeric_sub, la, lb), lb);
			break;
		case FR_TARGET:
		default:
			r = DirectFunctionCall2(numeric_sub,
									NumericGetDatum(int64_to_numeric(1)),
									DirectFunctionCall2(numeric_div, la, lb));
			break;
	}
	/* 0.5, not 0.50000000000000000000 */
	PG_RETURN_DATUM(DirectFunctionCall1(numeric_trim_scale, r));
}
