/*
 * levelset_agg.c — the aggregate level_stats(numeric, direction), whose
 * state type is levelset (see levelset.h).
 *
 * The transition function does not copy the state per row: the first call
 * creates an expanded object (utils/expandeddatum.h) in the aggregate's
 * memory context — a hash table of the distinct levels with their counts —
 * and returns a read/write pointer to it, which nodeAgg adopts without
 * copying (as it does for array_append).  The object is flattened (sorted)
 * only when it leaves the aggregate: the final function, or a partial
 * aggregate's output, which the tuple machinery flattens for the Gather
 * queue or for Citus.  The combine function merges a state (flat or
 * expanded) into a read/write one.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/expandeddatum.h"
#include "utils/memutils.h"
#include "utils/sortsupport.h"
#include "utils/typcache.h"

#include "levelset.h"
#include "pgutil.h"

typedef struct LvEntry
{
	Numeric		key;			/* stored form (lv_level_canonical), in the arena */
	int64		count;
	uint32		hash;
	char		status;
} LvEntry;

#define SH_PREFIX lvh
#define SH_ELEMENT_TYPE LvEntry
#define SH_KEY_TYPE Numeric
#define SH_KEY key
#define SH_HASH_KEY(tb, k) lv_level_hash(k)
#define SH_EQUAL(tb, a, b) (lv_level_cmp(a, b) == 0)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

#define LV_EX_MAGIC 0x4C565345	/* "LVSE" */
#define LV_ARENA_BLOCK 65536

typedef struct LvExpanded
{
	ExpandedObjectHeader hdr;
	int32		magic;
	int			direction;
	int64		total;
	lvh_hash   *hash;
	Size		levels_bytes;	/* sum of INTALIGN(VARSIZE(key)) */
	char	   *arena;			/* bump allocator for the stored levels */
	Size		arena_left;
} LvExpanded;

static Size lv_ex_get_flat_size(ExpandedObjectHeader *eohptr);
static void lv_ex_flatten_into(ExpandedObjectHeader *eohptr,
							   void *result, Size allocated_size);

static const ExpandedObjectMethods lv_ex_methods = {
	lv_ex_get_flat_size,
	lv_ex_flatten_into
};

static LvExpanded *
lv_ex_new(MemoryContext parent, int dir)
{
	MemoryContext ctx = AllocSetContextCreate(parent, "levelset",
											  ALLOCSET_DEFAULT_SIZES);
	LvExpanded *ex = MemoryContextAllocZero(ctx, sizeof(LvExpanded));

	EOH_init_header(&ex->hdr, &lv_ex_methods, ctx);
	ex->magic = LV_EX_MAGIC;
	ex->direction = dir;
	ex->hash = lvh_create(ctx, 64, NULL);
	return ex;
}

/* our expanded object behind d, or NULL */
static LvExpanded *
lv_ex_of(Datum d)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	LvExpanded *ex;

	if (!VARATT_IS_EXTERNAL_EXPANDED(v))
		return NULL;
	ex = (LvExpanded *) DatumGetEOHP(d);
	if (ex->hdr.eoh_methods != &lv_ex_methods || ex->magic != LV_EX_MAGIC)
		return NULL;
	return ex;
}

static char *
lv_ex_alloc(LvExpanded *ex, Size len)
{
	char	   *p;

	len = INTALIGN(len);
	if (len > LV_ARENA_BLOCK / 8)
		return MemoryContextAlloc(ex->hdr.eoh_context, len);
	if (len > ex->arena_left)
	{
		ex->arena = MemoryContextAlloc(ex->hdr.eoh_context, LV_ARENA_BLOCK);
		ex->arena_left = LV_ARENA_BLOCK;
	}
	p = ex->arena;
	ex->arena += len;
	ex->arena_left -= len;
	return p;
}

/*
 * Add `count` members of level v (hash: lv_level_hash(v)) to ex.  A new
 * level is copied into the arena in its stored form; `stored` says v is in
 * that form already (a level of another levelset).
 */
static void
lv_ex_add(LvExpanded *ex, Numeric v, uint32 hash, bool stored, int64 count)
{
	LvEntry    *e;
	bool		found;

	e = lvh_insert_hash(ex->hash, v, hash, &found);
	if (!found)
	{
		Numeric		canon = stored ? v : lv_level_canonical(v);
		Size		len = VARSIZE(canon);
		char	   *copy = lv_ex_alloc(ex, len);

		memcpy(copy, canon, len);
		if (canon != v)
			pfree(canon);
		e->key = (Numeric) copy;
		e->count = 0;
		ex->levels_bytes += INTALIGN(len);
	}
	e->count += count;
	ex->total += count;
	if (ex->total >= LV_MAX_TOTAL)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("levelset too large"),
				 errdetail("A levelset holds fewer than 2^62 members.")));
}

pg_noreturn static void lv_raise_direction_mismatch(int have, int got);

static void
lv_raise_direction_mismatch(int have, int got)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("the direction changes within a level_stats group"),
			 errdetail("The group has direction %s, a row has direction %s.",
					   fr_direction_label[have], fr_direction_label[got]),
			 errhint("Aggregate the levels of one indicator per group, with its one direction.")));
}

/* merge a flat levelset into ex */
static void
lv_ex_merge_flat(LvExpanded *ex, const LevelSet *ls)
{
	if (ls->direction != ex->direction)
		lv_raise_direction_mismatch(ex->direction, ls->direction);
	for (int i = 0; i < ls->ndistinct; i++)
		lv_ex_add(ex, LV_LEVEL(ls, i), lv_level_hash(LV_LEVEL(ls, i)), true,
				  lv_count_at(ls, i));
}

/* merge another expanded levelset into ex */
static void
lv_ex_merge_ex(LvExpanded *ex, LvExpanded *src)
{
	lvh_iterator it;
	LvEntry    *e;

	if (src->direction != ex->direction)
		lv_raise_direction_mismatch(ex->direction, src->direction);
	lvh_start_iterate(src->hash, &it);
	while ((e = lvh_iterate(src->hash, &it)) != NULL)
		lv_ex_add(ex, e->key, e->hash, true, e->count);
}

/* a levelset datum (flat, or expanded of ours) merged into ex */
static void
lv_ex_merge_datum(LvExpanded *ex, Datum d)
{
	LvExpanded *src = lv_ex_of(d);

	if (src != NULL)
		lv_ex_merge_ex(ex, src);
	else
		lv_ex_merge_flat(ex, (const LevelSet *) PG_DETOAST_DATUM(d));
}

/* the direction of a levelset datum (flat or expanded) */
static int
lv_datum_direction(Datum d)
{
	LvExpanded *src = lv_ex_of(d);

	if (src != NULL)
		return src->direction;
	return ((const LevelSet *) PG_DETOAST_DATUM(d))->direction;
}

/* ---------------------------------------------------------------- flattening */

static Size
lv_ex_get_flat_size(ExpandedObjectHeader *eohptr)
{
	LvExpanded *ex = (LvExpanded *) eohptr;

	return lv_flat_size(ex->hash->members, ex->levels_bytes);
}

/*
 * The distinct levels are sorted with numeric's sort support, abbreviated
 * keys first (numeric's own order-preserving 64-bit prefix), the full
 * comparison for ties; higher_better sorts descending.
 */
typedef struct LvSortItem
{
	Datum		abbrev;
	const LvEntry *e;
} LvSortItem;

static inline int
lv_sort_cmp(const LvSortItem *a, const LvSortItem *b, SortSupport ssup)
{
	int			c = ApplySortComparator(a->abbrev, false, b->abbrev, false, ssup);

	if (c == 0 && ssup->abbrev_converter != NULL)
		c = ApplySortAbbrevFullComparator(NumericGetDatum(a->e->key), false,
										  NumericGetDatum(b->e->key), false, ssup);
	return c;
}

#define ST_SORT lv_sort_items
#define ST_ELEMENT_TYPE LvSortItem
#define ST_COMPARE(a, b, arg) lv_sort_cmp(a, b, arg)
#define ST_COMPARE_ARG_TYPE SortSupportData
#define ST_SCOPE static
#define ST_DECLARE
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * Flattening runs in whatever memory context the caller has current: the
 * tuple machinery's (heap_fill_tuple, for the Gather queue), a sort's tuple
 * context (tuplesort_puttupleslot, below a Gather Merge), Citus's.  Since
 * PostgreSQL 17 a sort stores its tuples in a bump context, which has no
 * chunk headers and cannot pfree: scratch memory palloc'd there and freed
 * (16+: "pfree called with invalid pointer" in the parallel worker), or the
 * sort support state left there (a leak into the caller's context on every
 * major), is wrong.  So the scratch work — the sort items, the arrays, the
 * numeric sort support and its abbreviation state — lives in a context of
 * its own below the object's, deleted when the flat form is written; the
 * only write into the caller's memory is the flat form itself, into the
 * space the caller allocated.
 */
static void
lv_ex_flatten_into(ExpandedObjectHeader *eohptr, void *result,
				   Size allocated_size)
{
	LvExpanded *ex = (LvExpanded *) eohptr;
	int			d = ex->hash->members;
	MemoryContext scratch = AllocSetContextCreate(ex->hdr.eoh_context,
												  "levelset flatten",
												  ALLOCSET_DEFAULT_SIZES);
	MemoryContext oldcxt = MemoryContextSwitchTo(scratch);
	LvSortItem *items = palloc_extended(Max(d, 1) * sizeof(LvSortItem),
										MCXT_ALLOC_HUGE);
	Numeric    *levels = palloc_extended(Max(d, 1) * sizeof(Numeric),
										 MCXT_ALLOC_HUGE);
	int64	   *counts = palloc_extended(Max(d, 1) * sizeof(int64),
										 MCXT_ALLOC_HUGE);
	SortSupportData ssup;
	lvh_iterator it;
	LvEntry    *e;
	int			i = 0;

	memset(&ssup, 0, sizeof(ssup));
	ssup.ssup_cxt = scratch;
	ssup.ssup_collation = InvalidOid;
	ssup.abbreviate = true;
	PrepareSortSupportFromOrderingOp(lookup_type_cache(NUMERICOID, TYPECACHE_LT_OPR)->lt_opr,
									 &ssup);
	/* after Prepare…, which sets it from the operator: best first */
	ssup.ssup_reverse = ex->direction == FR_HIGHER_BETTER;
	lvh_start_iterate(ex->hash, &it);
	while ((e = lvh_iterate(ex->hash, &it)) != NULL)
	{
		items[i].abbrev = ssup.abbrev_converter != NULL ?
			ssup.abbrev_converter(NumericGetDatum(e->key), &ssup) :
			NumericGetDatum(e->key);
		items[i].e = e;
		i++;
	}
	Assert(i == d);
	lv_sort_items(items, d, &ssup);
	for (i = 0; i < d; i++)
	{
		levels[i] = items[i].e->key;
		counts[i] = items[i].e->count;
	}
	lv_write_flat((LevelSet *) result, allocated_size, ex->direction, d,
				  levels, counts);
	MemoryContextSwitchTo(oldcxt);
	MemoryContextDelete(scratch);
}

/* a flat copy of a levelset datum, in the current memory context */
static Datum
lv_flatten_datum(Datum d)
{
	LvExpanded *ex = lv_ex_of(d);
	Size		size;
	void	   *flat;

	if (ex == NULL)
		return PointerGetDatum(PG_DETOAST_DATUM_COPY(d));
	size = EOH_get_flat_size(&ex->hdr);
	flat = palloc_extended(size, MCXT_ALLOC_HUGE);
	EOH_flatten_into(&ex->hdr, flat, size);
	return PointerGetDatum(flat);
}

/*
 * The read/write working object behind a state datum: the object itself
 * when the state is already ours and read/write, else a new one in ctx
 * holding a copy of it.
 */
static LvExpanded *
lv_ex_writable(Datum state, MemoryContext ctx)
{
	LvExpanded *ex = lv_ex_of(state);
	LvExpanded *copy;

	if (ex != NULL && VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(state)))
		return ex;
	copy = lv_ex_new(ctx, lv_datum_direction(state));
	lv_ex_merge_datum(copy, state);
	return copy;
}

/* ---------------------------------------------------------------- aggregate */

PG_FUNCTION_INFO_V1(fr_level_stats_transfn);

/* level_stats_transfn(levelset, numeric, direction): not strict */
Datum
fr_level_stats_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx;
	LvExpanded *ex;
	Numeric		v;
	int			dir;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	if (PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the direction of level_stats is NULL"),
				 errhint("Give lower_better, higher_better or target.")));
	dir = fr_direction_of(fr_fn_cache(fcinfo, sizeof(FrDirectionCache)),
						  PG_GETARG_OID(2));
	if (!AggCheckCallContext(fcinfo, &aggctx))
		aggctx = CurrentMemoryContext;

	v = lv_level_arg(fcinfo, 1);
	if (PG_ARGISNULL(0))
		ex = lv_ex_new(aggctx, dir);
	else
		ex = lv_ex_writable(PG_GETARG_DATUM(0), aggctx);
	if (ex->direction != dir)
		lv_raise_direction_mismatch(ex->direction, dir);
	lv_ex_add(ex, v, lv_level_hash(v), false, 1);
	PG_RETURN_DATUM(EOHPGetRWDatum(&ex->hdr));
}

PG_FUNCTION_INFO_V1(fr_level_stats_combine);

/* level_stats_combine(levelset, levelset): not strict */
Datum
fr_level_stats_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx;
	LvExpanded *ex;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	if (!AggCheckCallContext(fcinfo, &aggctx))
		aggctx = CurrentMemoryContext;
	if (PG_ARGISNULL(0))
		ex = lv_ex_new(aggctx, lv_datum_direction(PG_GETARG_DATUM(1)));
	else
		ex = lv_ex_writable(PG_GETARG_DATUM(0), aggctx);
	lv_ex_merge_datum(ex, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&ex->hdr));
}

PG_FUNCTION_INFO_V1(fr_level_stats_final);

/* level_stats_final(levelset): the flat levelset (the state is not changed) */
Datum
fr_level_stats_final(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(lv_flatten_datum(PG_GETARG_DATUM(0)));
}
