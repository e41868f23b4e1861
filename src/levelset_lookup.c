/*
 * levelset_lookup.c — what a levelset answers (see levelset.h): the cutoff
 * at a fraction of the members, whether a level reaches it, a member's
 * place and standing, the worse/equal/better counts of any level, and the
 * levels as rows.  Each is a binary search on the flat datum, with no
 * allocation.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"

#include "levelset.h"
#include "pgutil.h"

/*
 * The levelset argument of a lookup function.  A levelset read from a table
 * may be compressed or stored out of line; detoasting it for each of a
 * million calls would cost more than the lookup, so the detoasted copy is
 * kept in fn_extra and reused while the raw datum (the toast pointer, or the
 * compressed bytes) is the same; a few levelsets (one per indicator of a
 * plan) are kept at once.
 */
#define LV_ARG_CACHE_SLOTS 16

typedef struct LvArgSlot
{
	Size		rawlen;
	char	   *raw;
	const LevelSet *flat;
} LvArgSlot;

typedef struct LvArgCache
{
	int			next;			/* slot to replace next (round robin) */
	LvArgSlot	slots[LV_ARG_CACHE_SLOTS];
} LvArgCache;

static const LevelSet *
lv_getarg_cached(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	LvArgCache *c;
	LvArgSlot  *slot;
	MemoryContext old;
	Size		rawlen;

	if (!VARATT_IS_EXTERNAL_ONDISK(raw) && !VARATT_IS_COMPRESSED(raw))
		return (const LevelSet *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
	rawlen = VARSIZE_ANY(raw);
	c = (LvArgCache *) fr_fn_cache(fcinfo, sizeof(LvArgCache));
	for (int i = 0; i < LV_ARG_CACHE_SLOTS; i++)
		if (c->slots[i].rawlen == rawlen && memcmp(c->slots[i].raw, raw, rawlen) == 0)
			return c->slots[i].flat;
	slot = &c->slots[c->next];
	c->next = (c->next + 1) % LV_ARG_CACHE_SLOTS;
	if (slot->raw != NULL)
	{
		pfree(slot->raw);
		pfree((void *) slot->flat);
		slot->raw = NULL;
		slot->flat = NULL;
		slot->rawlen = 0;
	}
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	slot->flat = (const LevelSet *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
	slot->raw = palloc(rawlen);
	memcpy(slot->raw, raw, rawlen);
	slot->rawlen = rawlen;
	MemoryContextSwitchTo(old);
	return slot->flat;
}

/*
 * Binary search for q in ls: returns the number of distinct levels strictly
 * better than q, and sets *found when q is a member (at that index).
 */
static int
lv_search(const LevelSet *ls, Numeric q, bool *found)
{
	int			lo = 0,
				hi = ls->ndistinct;

	*found = false;
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = lv_order(ls->direction, LV_LEVEL(ls, mid), q);

		if (c < 0)
			lo = mid + 1;
		else
		{
			if (c == 0)
				*found = true;
			hi = mid;
		}
	}
	return lo;
}

/* index of the level at 1-based position k (1 <= k <= n) */
static int
lv_index_of_position(const LevelSet *ls, int64 k)
{
	const int64 *cum = LV_CUM(ls);
	int			lo = 0,
				hi = ls->ndistinct - 1;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (cum[mid] >= k)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* ceil(fraction · n) for a fraction in (0, 1] (22023 otherwise), exact */
static int64
lv_position(FunctionCallInfo fcinfo, int argno, int64 n)
{
	Numeric		f = PG_GETARG_NUMERIC(argno);
	Datum		prod;

	if (numeric_is_nan(f) || numeric_is_inf(f) ||
		lv_level_cmp(f, int64_to_numeric(0)) <= 0 ||
		lv_level_cmp(f, int64_to_numeric(1)) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("fraction %s is not in (0, 1]", lv_level_text(f)),
				 errhint("Give the share of the best members that reach the cutoff, such as 0.05 for the best 5 %%.")));
	prod = DirectFunctionCall2(numeric_mul, NumericGetDatum(f),
							   NumericGetDatum(int64_to_numeric(n)));
	return DatumGetInt64(DirectFunctionCall1(numeric_int8,
											 DirectFunctionCall1(numeric_ceil, prod)));
}

PG_FUNCTION_INFO_V1(fr_level_cutoff);

/* level_cutoff(levelset, fraction): the level at position ceil(fraction · n) */
Datum
fr_level_cutoff(PG_FUNCTION_ARGS)
{
	const LevelSet *ls = lv_getarg_cached(fcinfo, 0);
	int64		k = lv_position(fcinfo, 1, ls->total);
	Numeric		lvl;
	Numeric		res;

	if (ls->total == 0)
		PG_RETURN_NULL();
	lvl = LV_LEVEL(ls, lv_index_of_position(ls, k));
	res = palloc(VARSIZE(lvl));
	memcpy(res, lvl, VARSIZE(lvl));
	PG_RETURN_NUMERIC(res);
}

PG_FUNCTION_INFO_V1(fr_level_reaches);

/* level_reaches(levelset, level, fraction): level at least as good as the cutoff */
Datum
fr_level_reaches(PG_FUNCTION_ARGS)
{
	const LevelSet *ls = lv_getarg_cached(fcinfo, 0);
	Numeric		q = lv_level_arg(fcinfo, 1);
	int64		k = lv_position(fcinfo, 2, ls->total);

	if (ls->total == 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(lv_order(ls->direction, q,
							LV_LEVEL(ls, lv_index_of_position(ls, k))) <= 0);
}

/* the levelset (argno 0) and level (argno 1) arguments, and where the level stands */
typedef struct LvCounts
{
	const LevelSet *ls;
	Numeric		level;
	int64		worse;
	int64		equal;
	int64		better;
	bool		member;
} LvCounts;

static void
lv_counts(FunctionCallInfo fcinfo, LvCounts *c)
{
	bool		found;
	int			i;
	const int64 *cum;

	c->ls = lv_getarg_cached(fcinfo, 0);
	c->level = lv_level_arg(fcinfo, 1);
	i = lv_search(c->ls, c->level, &found);
	cum = LV_CUM(c->ls);
	c->better = i == 0 ? 0 : cum[i - 1];
	c->equal = found ? lv_count_at(c->ls, i) : 0;
	c->worse = c->ls->total - c->better - c->equal;
	c->member = found;
}

/*
 * The place 2·worse + equal - 1 of the level argument in the levelset
 * argument, and the levelset's n.  Standings and places are defined for the
 * members only (22023 otherwise).
 */
static int64
lv_member_place(FunctionCallInfo fcinfo, int64 *total)
{
	LvCounts	c;

	lv_counts(fcinfo, &c);
	if (!c.member)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("level %s is not a member of the levelset", lv_level_text(c.level)),
				 errdetail("The levelset holds " INT64_FORMAT " members at %d distinct levels.",
						   c.ls->total, c.ls->ndistinct),
				 errhint("A standing is defined for the levels the set was built from; level_counts() places any level.")));
	*total = c.ls->total;
	return 2 * c.worse + c.equal - 1;
}

Numeric
lv_standing_of(int64 place, int64 n)
{
	if (n == 1)
		return int64_to_numeric(1);
	return numeric_div_opt_error(int64_to_numeric(place),
								 int64_to_numeric(2 * (n - 1)), NULL);
}

PG_FUNCTION_INFO_V1(fr_level_standing);

/*
 * level_standing(levelset, level): the mid-rank standing
 *   s = (worse + (equal - 1) / 2) / (n - 1), computed as the numeric
 *   division (2·worse + equal - 1) / (2·(n - 1)); 1 when n = 1.
 */
Datum
fr_level_standing(PG_FUNCTION_ARGS)
{
	int64		n;
	int64		place = lv_member_place(fcinfo, &n);

	PG_RETURN_NUMERIC(lv_standing_of(place, n));
}

PG_FUNCTION_INFO_V1(fr_level_place);

/*
 * level_place(levelset, level): the integer 2·worse + equal - 1, the
 * numerator of the standing over the common denominator 2·(n - 1).  Tier
 * ranking adds the weighted places of a disclosure's indicators exactly —
 * one integer (or exact numeric) per disclosure — and divides once for the
 * score, so equal scores compare equal and no rounding of a standing can
 * reorder two disclosures.
 */
Datum
fr_level_place(PG_FUNCTION_ARGS)
{
	int64		n;

	PG_RETURN_INT64(lv_member_place(fcinfo, &n));
}

/* the row type of a set-returning or record function, blessed */
static TupleDesc
lv_result_type(FunctionCallInfo fcinfo, const char *fname)
{
	TupleDesc	tupdesc;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s must be called in a context that accepts a record", fname)));
	return BlessTupleDesc(tupdesc);
}

PG_FUNCTION_INFO_V1(fr_level_counts);

/* level_counts(levelset, level, OUT worse, OUT equal, OUT better) */
Datum
fr_level_counts(PG_FUNCTION_ARGS)
{
	LvCounts	c;
	TupleDesc	tupdesc = lv_result_type(fcinfo, "level_counts()");
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	lv_counts(fcinfo, &c);
	values[0] = Int64GetDatum(c.worse);
	values[1] = Int64GetDatum(c.equal);
	values[2] = Int64GetDatum(c.better);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

PG_FUNCTION_INFO_V1(fr_levels);

/* levels(levelset) → TABLE(level numeric, count bigint, position bigint) */
Datum
fr_levels(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	const LevelSet *ls;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		funcctx->tuple_desc = lv_result_type(fcinfo, "levels()");
		funcctx->user_fctx = PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
		funcctx->max_calls = ((const LevelSet *) funcctx->user_fctx)->ndistinct;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	ls = (const LevelSet *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			i = (int) funcctx->call_cntr;
		Numeric		lvl = LV_LEVEL(ls, i);
		Numeric		copy = palloc(VARSIZE(lvl));
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		memcpy(copy, lvl, VARSIZE(lvl));
		values[0] = NumericGetDatum(copy);
		values[1] = Int64GetDatum(lv_count_at(ls, i));
		values[2] = Int64GetDatum(i == 0 ? 1 : LV_CUM(ls)[i - 1] + 1);
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc,
														  values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
