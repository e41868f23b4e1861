/*
 * levelset.c — the levels of one indicator over a set of disclosures, and
 * the aggregate that builds them (tier ranking, api.md §5).
 *
 * A levelset is the multiset of the levels of one indicator with its
 * direction.  Its flat (varlena) form holds the distinct levels sorted best
 * first, each with the cumulative count of the members at least as good,
 * so that every lookup (cutoff, standing, counts) is a binary search on the
 * flat datum itself, with no allocation.
 *
 * The aggregate level_stats(numeric, direction) has levelset as its state
 * type.  Its transition function does not copy the state per row: the first
 * call creates an expanded object (utils/expandeddatum.h) in the aggregate's
 * memory context — a hash table of the distinct levels with their counts —
 * and returns a read/write pointer to it, which nodeAgg adopts without
 * copying (as it does for array_append).  The object is flattened (sorted)
 * only when it leaves the aggregate: the final function, or a partial
 * aggregate's output, which the tuple machinery flattens for the Gather
 * queue or for Citus.  The combine function merges a state (flat or
 * expanded) into a read/write one.
 *
 * Levels are numeric.  To hash and compare them at speed this file reads
 * the numeric on-disk format (sign, weight, base-10000 digits) directly —
 * the format pg_upgrade keeps stable.  A level that is kept is written back
 * in that format trimmed of trailing zeros (display scale = the digits it
 * needs), with the header numeric.c's make_result() would choose, so 0.20
 * and 0.2 are one level, printed 0.2, stored as the same bytes whatever the
 * order of the rows or the parallel split.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/syscache.h"

/* ---------------------------------------------------------------- numbers */

/*
 * A numeric read in place: value = sign × Σ digit[i] × 10000^(weight - i),
 * leading and trailing zero digits skipped; zero has sign 0 and no digits.
 * The digits stay where they are (possibly unaligned, in a short-header
 * datum), read with memcpy.
 */
typedef struct LvNum
{
	const char *digits;			/* int16 base-10000 digits, native order */
	int32		weight;
	int32		ndigits;
	int16		dscale;			/* display scale as stored */
	int8		sign;			/* -1, 0, +1 */
	bool		special;		/* NaN or ±Infinity */
} LvNum;

/* the numeric header bits (src/backend/utils/adt/numeric.c) */
#define LV_NUM_SIGN_MASK		0xC000
#define LV_NUM_NEG				0x4000
#define LV_NUM_SHORT			0x8000
#define LV_NUM_SPECIAL			0xC000
#define LV_NUM_SHORT_SIGN		0x2000
#define LV_NUM_SHORT_DSCALE		0x1F80
#define LV_NUM_SHORT_DSCALE_SHIFT 7
#define LV_NUM_SHORT_WSIGN		0x0040
#define LV_NUM_SHORT_WMASK		0x003F
#define LV_NUM_DSCALE_MASK		0x3FFF

static inline int
lv_digit(const char *digits, int i)
{
	int16		d;

	memcpy(&d, digits + 2 * i, sizeof(int16));
	return d;
}

/* v: a numeric varlena, any header, not compressed nor external */
static void
lv_decode(const struct varlena *v, LvNum *q)
{
	const char *data = VARDATA_ANY(v);
	Size		len = VARSIZE_ANY_EXHDR(v);
	uint16		h;

	memcpy(&h, data, sizeof(uint16));
	q->special = false;
	if ((h & LV_NUM_SIGN_MASK) == LV_NUM_SPECIAL)
	{
		q->special = true;
		q->sign = 0;
		q->weight = 0;
		q->ndigits = 0;
		q->dscale = 0;
		q->digits = data;
		return;
	}
	if ((h & LV_NUM_SIGN_MASK) == LV_NUM_SHORT)
	{
		q->sign = (h & LV_NUM_SHORT_SIGN) ? -1 : 1;
		q->dscale = (h & LV_NUM_SHORT_DSCALE) >> LV_NUM_SHORT_DSCALE_SHIFT;
		q->weight = (h & LV_NUM_SHORT_WSIGN) ?
			(int32) (~LV_NUM_SHORT_WMASK | (h & LV_NUM_SHORT_WMASK)) :
			(int32) (h & LV_NUM_SHORT_WMASK);
		q->digits = data + sizeof(uint16);
		q->ndigits = (len - sizeof(uint16)) / sizeof(int16);
	}
	else
	{
		int16		w;

		q->sign = (h & LV_NUM_NEG) ? -1 : 1;
		q->dscale = h & LV_NUM_DSCALE_MASK;
		memcpy(&w, data + sizeof(uint16), sizeof(int16));
		q->weight = w;
		q->digits = data + 2 * sizeof(uint16);
		q->ndigits = (len - 2 * sizeof(uint16)) / sizeof(int16);
	}
	while (q->ndigits > 0 && lv_digit(q->digits, 0) == 0)
	{
		q->digits += sizeof(int16);
		q->ndigits--;
		q->weight--;
	}
	while (q->ndigits > 0 && lv_digit(q->digits, q->ndigits - 1) == 0)
		q->ndigits--;
	if (q->ndigits == 0)
	{
		q->sign = 0;
		q->weight = 0;
	}
}

/* exact three-way comparison of the values */
static int
lv_cmp(const LvNum *a, const LvNum *b)
{
	int			c = 0;

	if (a->sign != b->sign)
		return a->sign < b->sign ? -1 : 1;
	if (a->sign == 0)
		return 0;
	if (a->weight != b->weight)
		c = a->weight < b->weight ? -1 : 1;
	else
	{
		int			n = Min(a->ndigits, b->ndigits);

		for (int i = 0; i < n && c == 0; i++)
		{
			int			da = lv_digit(a->digits, i);
			int			db = lv_digit(b->digits, i);

			if (da != db)
				c = da < db ? -1 : 1;
		}
		if (c == 0 && a->ndigits != b->ndigits)
			c = a->ndigits < b->ndigits ? -1 : 1;
	}
	return a->sign > 0 ? c : -c;
}

static inline bool
lv_equal(const LvNum *a, const LvNum *b)
{
	return a->sign == b->sign && a->weight == b->weight &&
		a->ndigits == b->ndigits &&
		memcmp(a->digits, b->digits, a->ndigits * sizeof(int16)) == 0;
}

static inline uint32
lv_hash(const LvNum *q)
{
	uint32		h = hash_bytes((const unsigned char *) q->digits,
							   q->ndigits * sizeof(int16));

	return hash_combine(h, murmurhash32((uint32) q->weight ^
										((uint32) (q->sign + 1) << 24)));
}

/* the display scale with trailing zeros removed */
static int
lv_min_scale(const LvNum *q)
{
	int			frac = q->ndigits - q->weight - 1;
	int			last;
	int			s;

	if (q->ndigits == 0 || frac <= 0)
		return 0;
	last = lv_digit(q->digits, q->ndigits - 1);
	s = frac * 4;
	while (last % 10 == 0)
	{
		last /= 10;
		s--;
	}
	return s;
}

/*
 * The canonical numeric for q trimmed of trailing zeros, written into dst
 * (lv_encoded_size(q) bytes, 4-byte header): the short header when the
 * scale and weight allow it, as numeric.c's make_result() chooses, so that
 * equal levels are equal bytes.
 */
static inline bool
lv_short_ok(const LvNum *q, int dscale)
{
	return dscale <= (LV_NUM_SHORT_DSCALE >> LV_NUM_SHORT_DSCALE_SHIFT) &&
		q->weight <= LV_NUM_SHORT_WMASK && q->weight >= -(LV_NUM_SHORT_WMASK + 1);
}

static Size
lv_encoded_size(const LvNum *q)
{
	return VARHDRSZ + (lv_short_ok(q, lv_min_scale(q)) ? 2 : 4) +
		(Size) q->ndigits * sizeof(int16);
}

static void
lv_encode(const LvNum *q, struct varlena *dst)
{
	int			dscale = lv_min_scale(q);
	char	   *p = VARDATA(dst);
	uint16		h;

	SET_VARSIZE(dst, lv_encoded_size(q));
	if (lv_short_ok(q, dscale))
	{
		h = LV_NUM_SHORT | (q->sign < 0 ? LV_NUM_SHORT_SIGN : 0) |
			(uint16) (dscale << LV_NUM_SHORT_DSCALE_SHIFT) |
			(q->weight < 0 ? LV_NUM_SHORT_WSIGN : 0) |
			(uint16) (q->weight & LV_NUM_SHORT_WMASK);
		memcpy(p, &h, sizeof(uint16));
		p += sizeof(uint16);
	}
	else
	{
		int16		w = (int16) q->weight;

		h = (q->sign < 0 ? LV_NUM_NEG : 0) | (uint16) (dscale & LV_NUM_DSCALE_MASK);
		memcpy(p, &h, sizeof(uint16));
		memcpy(p + sizeof(uint16), &w, sizeof(int16));
		p += 2 * sizeof(uint16);
	}
	memcpy(p, q->digits, (Size) q->ndigits * sizeof(int16));
}

/* a numeric argument, packed header allowed */
static inline struct varlena *
lv_num_arg(Datum d)
{
	return (struct varlena *) PG_DETOAST_DATUM_PACKED(d);
}

/* ---------------------------------------------------------------- direction */

typedef enum LvDirection
{
	LV_LOWER_BETTER = 0,
	LV_HIGHER_BETTER = 1,
	LV_TARGET = 2
} LvDirection;

#define LV_NDIRECTIONS 3

static const char *const lv_direction_label[LV_NDIRECTIONS] = {
	"lower_better", "higher_better", "target"
};

static int
lv_direction_from_label(const char *s, size_t len)
{
	for (int i = 0; i < LV_NDIRECTIONS; i++)
		if (strlen(lv_direction_label[i]) == len &&
			memcmp(lv_direction_label[i], s, len) == 0)
			return i;
	return -1;
}

/*
 * order of two levels, best first: negative when a is better than b.
 * lower_better and target (a range width) improve downwards.
 */
static inline int
lv_order(int dir, const LvNum *a, const LvNum *b)
{
	return dir == LV_HIGHER_BETTER ? lv_cmp(b, a) : lv_cmp(a, b);
}

/* per-call cache of an enum value's direction (same OID every row) */
typedef struct LvDirCache
{
	Oid			oid;
	int			dir;
} LvDirCache;

static int
lv_direction_arg(FunctionCallInfo fcinfo, int argno)
{
	Oid			oid = PG_GETARG_OID(argno);
	LvDirCache *cache = (LvDirCache *) fcinfo->flinfo->fn_extra;
	char	   *label;
	int			dir;

	if (cache != NULL && cache->oid == oid)
		return cache->dir;
	label = DatumGetCString(DirectFunctionCall1(enum_out, ObjectIdGetDatum(oid)));
	dir = lv_direction_from_label(label, strlen(label));
	if (dir < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown direction \"%s\"", label),
				 errhint("Use lower_better, higher_better or target.")));
	if (cache == NULL)
	{
		cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(LvDirCache));
		fcinfo->flinfo->fn_extra = cache;
	}
	cache->oid = oid;
	cache->dir = dir;
	return dir;
}

/* ---------------------------------------------------------------- flat form */

/*
 * Flat levelset:
 *   header (24 bytes)
 *   int64  cum[ndistinct]    members at least as good as level i
 *   uint32 off[ndistinct]    byte offset of level i from the datum start
 *   levels                   numerics with a 4-byte header, int-aligned,
 *                            trimmed of trailing zeros, best first
 * Padding bytes are zero, so equal levelsets are equal bytes.
 */
typedef struct LevelSet
{
	int32		vl_len_;
	uint8		version;		/* LV_VERSION */
	uint8		direction;		/* LvDirection */
	uint16		flags;			/* 0 */
	int64		total;			/* n: number of members */
	int32		ndistinct;		/* d */
	int32		pad;
} LevelSet;

#define LV_VERSION 1
#define LV_HDRSZ MAXALIGN(sizeof(LevelSet))
#define LV_CUM(ls) ((const int64 *) ((const char *) (ls) + LV_HDRSZ))
#define LV_OFF(ls) ((const uint32 *) ((const char *) (ls) + LV_HDRSZ + \
										sizeof(int64) * (ls)->ndistinct))
#define LV_LEVEL(ls, i) ((const struct varlena *) ((const char *) (ls) + LV_OFF(ls)[i]))
#define LV_ARRAYS_END(d) INTALIGN(LV_HDRSZ + (Size) (d) * (sizeof(int64) + sizeof(uint32)))
/* a levelset must stay well below the 1 GB varlena limit */
#define LV_MAX_SIZE ((Size) 0x3FFFFFFF - 1024)
/* n is kept below 2^62 so that 2·(n - 1) cannot overflow */
#define LV_MAX_TOTAL (INT64CONST(1) << 62)

#define PG_GETARG_LEVELSET(n) ((const LevelSet *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

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
	LvArgCache *c = (LvArgCache *) fcinfo->flinfo->fn_extra;
	LvArgSlot  *slot;
	MemoryContext old;
	Size		rawlen;

	if (!VARATT_IS_EXTERNAL_ONDISK(raw) && !VARATT_IS_COMPRESSED(raw))
		return (const LevelSet *) PG_DETOAST_DATUM(PG_GETARG_DATUM(argno));
	rawlen = VARSIZE_ANY(raw);
	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(LvArgCache));
		fcinfo->flinfo->fn_extra = c;
	}
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

static inline int64
lv_count_at(const LevelSet *ls, int i)
{
	const int64 *cum = LV_CUM(ls);

	return i == 0 ? cum[0] : cum[i] - cum[i - 1];
}

/*
 * Write a flat levelset into dst (size bytes, zeroed here) from levels best
 * first (4-byte-header numerics) and their counts.
 */
static void
lv_write_flat(LevelSet *dst, Size size, int dir, int d,
			  const struct varlena *const *levels, const int64 *counts)
{
	int64	   *cum;
	uint32	   *off;
	Size		pos = LV_ARRAYS_END(d);
	int64		run = 0;

	memset(dst, 0, size);
	SET_VARSIZE(dst, size);
	dst->version = LV_VERSION;
	dst->direction = (uint8) dir;
	dst->ndistinct = d;
	cum = (int64 *) ((char *) dst + LV_HDRSZ);
	off = (uint32 *) ((char *) dst + LV_HDRSZ + sizeof(int64) * d);
	for (int i = 0; i < d; i++)
	{
		Size		len = VARSIZE(levels[i]);

		run += counts[i];
		cum[i] = run;
		off[i] = (uint32) pos;
		memcpy((char *) dst + pos, levels[i], len);
		pos += INTALIGN(len);
	}
	dst->total = run;
	Assert(pos == size);
}

static Size
lv_flat_size(int d, Size levels_bytes)
{
	Size		size = LV_ARRAYS_END(d) + levels_bytes;

	if (d > (int) (LV_MAX_SIZE / 16) || size > LV_MAX_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("levelset too large"),
				 errdetail("%d distinct levels need %zu bytes; the limit is %zu.",
						   d, size, (Size) LV_MAX_SIZE)));
	return size;
}

/*
 * Binary search for q in ls: returns the number of distinct levels strictly
 * better than q, and sets *found when q is a member (at that index).
 */
static int
lv_search(const LevelSet *ls, const LvNum *q, bool *found)
{
	int			lo = 0,
				hi = ls->ndistinct;

	*found = false;
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		LvNum		m;
		int			c;

		lv_decode(LV_LEVEL(ls, mid), &m);
		c = lv_order(ls->direction, &m, q);
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

/* ---------------------------------------------------------------- expanded form */

typedef struct LvEntry
{
	const struct varlena *key;	/* trimmed level, 4-byte header, in the arena */
	int64		count;
	uint32		hash;
	char		status;
} LvEntry;

/*
 * The table's private data is the decoded level being inserted, so that a
 * probe decodes only the stored key.
 */
static inline bool
lv_equal_query(const struct varlena *stored, const LvNum *q)
{
	LvNum		s;

	lv_decode(stored, &s);
	return lv_equal(&s, q);
}

static inline uint32
lv_hash_varlena(const struct varlena *v)
{
	LvNum		q;

	lv_decode(v, &q);
	return lv_hash(&q);
}

#define SH_PREFIX lvh
#define SH_ELEMENT_TYPE LvEntry
#define SH_KEY_TYPE const struct varlena *
#define SH_KEY key
#define SH_HASH_KEY(tb, k) lv_hash_varlena(k)
#define SH_EQUAL(tb, a, b) lv_equal_query(a, (const LvNum *) (tb)->private_data)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

/*
 * Sorting the distinct levels when a state is flattened: an order-preserving
 * 64-bit prefix of each level (sign, weight, first three digits) decides
 * almost every comparison; equal prefixes fall back to the full comparison.
 */
typedef struct LvSortItem
{
	uint64		prefix;
	const LvEntry *e;
} LvSortItem;

static uint64
lv_prefix(const LvNum *q)
{
	uint64		mag;

	if (q->sign == 0)
		return UINT64CONST(1) << 63;
	mag = (uint64) (q->weight + 65536) << 46;
	for (int i = 0; i < 3; i++)
		mag |= (uint64) (i < q->ndigits ? lv_digit(q->digits, i) : 0) << (28 - 14 * i);
	return q->sign > 0 ? (UINT64CONST(1) << 63) + mag : (UINT64CONST(1) << 63) - 1 - mag;
}

static inline int
lv_sort_cmp(const LvSortItem *a, const LvSortItem *b, int *dir)
{
	LvNum		na,
				nb;

	if (a->prefix != b->prefix)
	{
		int			c = a->prefix < b->prefix ? -1 : 1;

		return *dir == LV_HIGHER_BETTER ? -c : c;
	}
	lv_decode(a->e->key, &na);
	lv_decode(b->e->key, &nb);
	return lv_order(*dir, &na, &nb);
}

#define ST_SORT lv_sort_items
#define ST_ELEMENT_TYPE LvSortItem
#define ST_COMPARE(a, b, arg) lv_sort_cmp(a, b, arg)
#define ST_COMPARE_ARG_TYPE int
#define ST_SCOPE static
#define ST_DECLARE
#define ST_DEFINE
#include "lib/sort_template.h"

#define LV_EX_MAGIC 0x4C565345	/* "LVSE" */
#define LV_ARENA_BLOCK 65536

typedef struct LvExpanded
{
	ExpandedObjectHeader hdr;
	int32		magic;
	int			direction;
	int64		total;
	lvh_hash   *hash;
	LvNum		query;			/* the level being inserted (hash private data) */
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
	ex->hash = lvh_create(ctx, 64, &ex->query);
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

static void
lv_raise_special(const struct varlena *v)
{
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out,
														PointerGetDatum(v)));

	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("level_stats: level %s is not a finite number", s),
			 errhint("Levels are finite numbers; leave a missing level NULL.")));
}

/*
 * Add `count` members of level v (numeric varlena, any header, decoded as q)
 * to ex.  A new level is trimmed and copied into the arena.
 */
static void
lv_ex_add(LvExpanded *ex, const struct varlena *v, const LvNum *q, int64 count)
{
	LvEntry    *e;
	bool		found;

	ex->query = *q;
	e = lvh_insert_hash(ex->hash, v, lv_hash(q), &found);
	if (!found)
	{
		Size		len = lv_encoded_size(q);
		struct varlena *copy = (struct varlena *) lv_ex_alloc(ex, len);

		lv_encode(q, copy);
		e->key = copy;
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

static void
lv_raise_direction_mismatch(int have, int got)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("level_stats: the direction changes within a group"),
			 errdetail("The group has direction %s, a row has direction %s.",
					   lv_direction_label[have], lv_direction_label[got]),
			 errhint("Aggregate the levels of one indicator per group, with its one direction.")));
}

/* merge a flat levelset into ex */
static void
lv_ex_merge_flat(LvExpanded *ex, const LevelSet *ls)
{
	if (ls->direction != ex->direction)
		lv_raise_direction_mismatch(ex->direction, ls->direction);
	for (int i = 0; i < ls->ndistinct; i++)
	{
		LvNum		q;

		lv_decode(LV_LEVEL(ls, i), &q);
		lv_ex_add(ex, LV_LEVEL(ls, i), &q, lv_count_at(ls, i));
	}
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
	{
		LvNum		q;

		lv_decode(e->key, &q);
		lv_ex_add(ex, e->key, &q, e->count);
	}
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

static Size
lv_ex_get_flat_size(ExpandedObjectHeader *eohptr)
{
	LvExpanded *ex = (LvExpanded *) eohptr;

	return lv_flat_size(ex->hash->members, ex->levels_bytes);
}

static void
lv_ex_flatten_into(ExpandedObjectHeader *eohptr, void *result,
				   Size allocated_size)
{
	LvExpanded *ex = (LvExpanded *) eohptr;
	int			d = ex->hash->members;
	LvSortItem *items = palloc_extended(Max(d, 1) * sizeof(LvSortItem),
										MCXT_ALLOC_HUGE);
	const struct varlena **levels = palloc_extended(Max(d, 1) * sizeof(void *),
													MCXT_ALLOC_HUGE);
	int64	   *counts = palloc_extended(Max(d, 1) * sizeof(int64),
										 MCXT_ALLOC_HUGE);
	lvh_iterator it;
	LvEntry    *e;
	int			i = 0;

	lvh_start_iterate(ex->hash, &it);
	while ((e = lvh_iterate(ex->hash, &it)) != NULL)
	{
		LvNum		q;

		lv_decode(e->key, &q);
		items[i].prefix = lv_prefix(&q);
		items[i].e = e;
		i++;
	}
	Assert(i == d);
	lv_sort_items(items, d, &ex->direction);
	for (i = 0; i < d; i++)
	{
		levels[i] = items[i].e->key;
		counts[i] = items[i].e->count;
	}
	lv_write_flat((LevelSet *) result, allocated_size, ex->direction, d,
				  levels, counts);
	pfree(items);
	pfree(levels);
	pfree(counts);
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
	struct varlena *v;
	LvNum		q;
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
				 errmsg("level_stats: the direction is NULL"),
				 errhint("Give lower_better, higher_better or target.")));
	dir = lv_direction_arg(fcinfo, 2);
	if (!AggCheckCallContext(fcinfo, &aggctx))
		aggctx = CurrentMemoryContext;

	v = lv_num_arg(PG_GETARG_DATUM(1));
	lv_decode(v, &q);
	if (q.special)
		lv_raise_special(v);

	if (PG_ARGISNULL(0))
		ex = lv_ex_new(aggctx, dir);
	else
		ex = lv_ex_writable(PG_GETARG_DATUM(0), aggctx);
	if (ex->direction != dir)
		lv_raise_direction_mismatch(ex->direction, dir);
	lv_ex_add(ex, v, &q, 1);
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
	{
		ex = lv_ex_new(aggctx, lv_datum_direction(PG_GETARG_DATUM(1)));
		lv_ex_merge_datum(ex, PG_GETARG_DATUM(1));
	}
	else
	{
		ex = lv_ex_writable(PG_GETARG_DATUM(0), aggctx);
		lv_ex_merge_datum(ex, PG_GETARG_DATUM(1));
	}
	PG_RETURN_DATUM(EOHPGetRWDatum(&ex->hdr));
}

PG_FUNCTION_INFO_V1(fr_level_stats_final);

/* level_stats_final(levelset): the flat levelset (the state is not changed) */
Datum
fr_level_stats_final(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(lv_flatten_datum(PG_GETARG_DATUM(0)));
}

/* ---------------------------------------------------------------- text I/O */

static void lv_raise_syntax(const char *input, const char *detail,
							const char *hint) pg_attribute_noreturn();

static void
lv_raise_syntax(const char *input, const char *detail, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type levelset: \"%s\"", input),
			 errdetail_internal("%s", detail),
			 hint ? errhint("%s", hint) : 0));
}

#define LV_FORMAT_HINT "Write a direction and the levels best first with their counts: lower_better {0.2:3, 0.5:10}."

static const char *
lv_skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* growable arrays of levels and counts for the input functions */
typedef struct LvBuild
{
	int			dir;
	int			n;
	int			cap;
	struct varlena **levels;
	int64	   *counts;
	Size		levels_bytes;
	int64		total;
	LvNum		prev;
} LvBuild;

static void
lv_build_init(LvBuild *b, int dir)
{
	b->dir = dir;
	b->n = 0;
	b->cap = 16;
	b->levels = palloc(b->cap * sizeof(struct varlena *));
	b->counts = palloc(b->cap * sizeof(int64));
	b->levels_bytes = 0;
	b->total = 0;
}

/*
 * Append a level (a numeric from numeric_in/numeric_recv) and its count.
 * Returns NULL, or what is wrong (the caller raises with its SQLSTATE).
 */
static const char *
lv_build_add(LvBuild *b, Datum num, int64 count)
{
	struct varlena *v = (struct varlena *) PG_DETOAST_DATUM(num);
	struct varlena *canon;
	LvNum		q;

	lv_decode(v, &q);
	if (q.special)
		return psprintf("Level %s is not a finite number.",
						DatumGetCString(DirectFunctionCall1(numeric_out, num)));
	if (count < 1)
		return psprintf("Level %s has count " INT64_FORMAT "; counts are at least 1.",
						DatumGetCString(DirectFunctionCall1(numeric_out, num)), count);
	/* the canonical form: trimmed, the header make_result() would choose */
	canon = palloc(lv_encoded_size(&q));
	lv_encode(&q, canon);
	v = canon;
	lv_decode(v, &q);
	if (b->n > 0 && lv_order(b->dir, &b->prev, &q) >= 0)
		return psprintf("Level %s does not come after %s: levels are listed best first (%s), each once.",
						DatumGetCString(DirectFunctionCall1(numeric_out, PointerGetDatum(v))),
						DatumGetCString(DirectFunctionCall1(numeric_out,
															PointerGetDatum(b->levels[b->n - 1]))),
						b->dir == LV_HIGHER_BETTER ? "descending" : "ascending");
	if (count >= LV_MAX_TOTAL - b->total)
		return pstrdup("The counts add up to 2^62 or more.");
	if (b->n == b->cap)
	{
		if (b->cap >= (int) (LV_MAX_SIZE / 16))
			return pstrdup("Too many distinct levels.");
		b->cap *= 2;
		b->levels = repalloc_huge(b->levels, b->cap * sizeof(struct varlena *));
		b->counts = repalloc_huge(b->counts, b->cap * sizeof(int64));
	}
	b->levels[b->n] = v;
	b->counts[b->n] = count;
	b->n++;
	b->total += count;
	b->levels_bytes += INTALIGN(VARSIZE(v));
	lv_decode(v, &b->prev);
	return NULL;
}

static LevelSet *
lv_build_finish(LvBuild *b)
{
	Size		size = lv_flat_size(b->n, b->levels_bytes);
	LevelSet   *ls = palloc_extended(size, MCXT_ALLOC_HUGE);

	lv_write_flat(ls, size, b->dir, b->n,
				  (const struct varlena *const *) b->levels, b->counts);
	return ls;
}

PG_FUNCTION_INFO_V1(fr_levelset_in);

/*
 * levelset_in: "direction {level:count, ...}", levels best first.
 * Whitespace is free around the tokens; a level is a plain decimal
 * ([+-]digits[.digits]); trailing zeros are trimmed (0.20 reads as 0.2).
 */
Datum
fr_levelset_in(PG_FUNCTION_ARGS)
{
	const char *input = PG_GETARG_CSTRING(0);
	const char *p = lv_skip_space(input);
	const char *start = p;
	LvBuild		b;
	int			dir;

	while ((*p >= 'a' && *p <= 'z') || *p == '_')
		p++;
	dir = lv_direction_from_label(start, p - start);
	if (dir < 0)
		lv_raise_syntax(input,
						psprintf("Unknown direction \"%.*s\".", (int) (p - start), start),
						"Start with lower_better, higher_better or target.");
	lv_build_init(&b, dir);
	p = lv_skip_space(p);
	if (*p != '{')
		lv_raise_syntax(input,
						psprintf("Expected \"{\" at position %d.", (int) (p - input) + 1),
						LV_FORMAT_HINT);
	p = lv_skip_space(p + 1);
	if (*p != '}')
	{
		for (;;)
		{
			const char *ns = p;
			const char *digits;
			int			ndig = 0;
			int64		count = 0;
			Datum		num;
			const char *bad;

			if (*p == '+' || *p == '-')
				p++;
			digits = p;
			while (isdigit((unsigned char) *p))
				p++, ndig++;
			if (*p == '.')
			{
				p++;
				while (isdigit((unsigned char) *p))
					p++, ndig++;
			}
			if (ndig == 0)
			{
				const char *we = digits;

				while (isalpha((unsigned char) *we))
					we++;
				if (we > digits)
					lv_raise_syntax(input,
									psprintf("\"%.*s\" at position %d is not a finite number.",
											 (int) (we - ns), ns, (int) (ns - input) + 1),
									"Levels are finite decimals such as 0.2 or 15.");
				lv_raise_syntax(input,
								psprintf("Expected a level (a decimal number) at position %d.",
										 (int) (ns - input) + 1),
								LV_FORMAT_HINT);
			}
			num = DirectFunctionCall3(numeric_in,
									  CStringGetDatum(pnstrdup(ns, p - ns)),
									  ObjectIdGetDatum(InvalidOid),
									  Int32GetDatum(-1));
			p = lv_skip_space(p);
			if (*p != ':')
				lv_raise_syntax(input,
								psprintf("Expected \":\" and a count after level %.*s at position %d.",
										 (int) (p - ns), ns, (int) (p - input) + 1),
								LV_FORMAT_HINT);
			p = lv_skip_space(p + 1);
			if (!isdigit((unsigned char) *p))
				lv_raise_syntax(input,
								psprintf("Expected a count (a positive integer) at position %d.",
										 (int) (p - input) + 1),
								LV_FORMAT_HINT);
			while (isdigit((unsigned char) *p))
			{
				if (count > (PG_INT64_MAX - 9) / 10)
					lv_raise_syntax(input,
									psprintf("The count at position %d is too large.",
											 (int) (p - input) + 1),
									"A levelset holds fewer than 2^62 members.");
				count = count * 10 + (*p - '0');
				p++;
			}
			bad = lv_build_add(&b, num, count);
			if (bad != NULL)
				lv_raise_syntax(input, bad,
								"List each level once, best first, with a count of at least 1.");
			p = lv_skip_space(p);
			if (*p == ',')
			{
				p = lv_skip_space(p + 1);
				continue;
			}
			if (*p == '}')
				break;
			lv_raise_syntax(input,
							psprintf("Expected \",\" or \"}\" at position %d.",
									 (int) (p - input) + 1),
							LV_FORMAT_HINT);
		}
	}
	p = lv_skip_space(p + 1);
	if (*p != '\0')
		lv_raise_syntax(input,
						psprintf("Unexpected text after \"}\" at position %d.",
								 (int) (p - input) + 1),
						LV_FORMAT_HINT);
	PG_RETURN_POINTER(lv_build_finish(&b));
}

PG_FUNCTION_INFO_V1(fr_levelset_out);

Datum
fr_levelset_out(PG_FUNCTION_ARGS)
{
	const LevelSet *ls = PG_GETARG_LEVELSET(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, lv_direction_label[ls->direction]);
	appendStringInfoString(&buf, " {");
	for (int i = 0; i < ls->ndistinct; i++)
	{
		char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out,
															PointerGetDatum(LV_LEVEL(ls, i))));

		if (i > 0)
			appendStringInfoString(&buf, ", ");
		appendStringInfo(&buf, "%s:" INT64_FORMAT, s, lv_count_at(ls, i));
		pfree(s);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/* ---------------------------------------------------------------- binary I/O */

/*
 * Binary format, version 1:
 *   uint8 version (1), uint8 direction (0 lower_better, 1 higher_better,
 *   2 target), int32 ndistinct, then per level best first:
 *   int32 length, that many bytes of numeric_send, int64 count.
 */

static void lv_raise_binary(const char *detail) pg_attribute_noreturn();

static void
lv_raise_binary(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary levelset"),
			 errdetail_internal("%s", detail)));
}

PG_FUNCTION_INFO_V1(fr_levelset_recv);

Datum
fr_levelset_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version;
	int			dir;
	int			d;
	LvBuild		b;

	if (buf->len - buf->cursor < 6)
		lv_raise_binary("The value is shorter than its header.");
	version = pq_getmsgbyte(buf);
	if (version != LV_VERSION)
		lv_raise_binary(psprintf("Unknown format version %d (expected %d).",
								 version, LV_VERSION));
	dir = pq_getmsgbyte(buf);
	if (dir < 0 || dir >= LV_NDIRECTIONS)
		lv_raise_binary(psprintf("Unknown direction code %d.", dir));
	d = pq_getmsgint(buf, 4);
	if (d < 0 || (Size) d > (Size) (buf->len - buf->cursor) / 12)
		lv_raise_binary(psprintf("Level count %d does not fit the message.", d));
	lv_build_init(&b, dir);
	for (int i = 0; i < d; i++)
	{
		int			len;
		StringInfoData sub;
		Datum		num;
		int64		count;
		const char *bad;

		if (buf->len - buf->cursor < 4)
			lv_raise_binary("The message ends inside a level.");
		len = pq_getmsgint(buf, 4);
		if (len < 0 || len > buf->len - buf->cursor - 8)
			lv_raise_binary(psprintf("Level %d has length %d, past the end of the message.",
									 i + 1, len));
		sub.data = (char *) pq_getmsgbytes(buf, len);
		sub.len = len;
		sub.maxlen = len;
		sub.cursor = 0;
		num = DirectFunctionCall3(numeric_recv, PointerGetDatum(&sub),
								  ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
		if (sub.cursor != sub.len)
			lv_raise_binary(psprintf("Level %d has %d trailing bytes.",
									 i + 1, sub.len - sub.cursor));
		count = (int64) pq_getmsgint64(buf);
		bad = lv_build_add(&b, num, count);
		if (bad != NULL)
			lv_raise_binary(bad);
	}
	if (buf->cursor != buf->len)
		lv_raise_binary("Trailing bytes after the last level.");
	PG_RETURN_POINTER(lv_build_finish(&b));
}

PG_FUNCTION_INFO_V1(fr_levelset_send);

Datum
fr_levelset_send(PG_FUNCTION_ARGS)
{
	const LevelSet *ls = PG_GETARG_LEVELSET(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, LV_VERSION);
	pq_sendbyte(&buf, ls->direction);
	pq_sendint32(&buf, ls->ndistinct);
	for (int i = 0; i < ls->ndistinct; i++)
	{
		bytea	   *nb = DatumGetByteaPP(DirectFunctionCall1(numeric_send,
															 PointerGetDatum(LV_LEVEL(ls, i))));

		pq_sendint32(&buf, VARSIZE_ANY_EXHDR(nb));
		pq_sendbytes(&buf, VARDATA_ANY(nb), VARSIZE_ANY_EXHDR(nb));
		pq_sendint64(&buf, lv_count_at(ls, i));
		pfree(nb);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------- equality */

static bool
lv_equal_flat(const LevelSet *a, const LevelSet *b)
{
	return VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
}

PG_FUNCTION_INFO_V1(fr_levelset_eq);

/* same direction and the same levels with the same counts (never raises) */
Datum
fr_levelset_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(lv_equal_flat(PG_GETARG_LEVELSET(0), PG_GETARG_LEVELSET(1)));
}

PG_FUNCTION_INFO_V1(fr_levelset_ne);

Datum
fr_levelset_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!lv_equal_flat(PG_GETARG_LEVELSET(0), PG_GETARG_LEVELSET(1)));
}

/* ---------------------------------------------------------------- accessors */

PG_FUNCTION_INFO_V1(fr_level_count);

Datum
fr_level_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_LEVELSET(0)->total);
}

PG_FUNCTION_INFO_V1(fr_level_distinct);

Datum
fr_level_distinct(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_LEVELSET(0)->ndistinct);
}

/* the OID of the enum value frontrunner.direction = label, cached */
typedef struct LvEnumCache
{
	Oid			oids[LV_NDIRECTIONS];
} LvEnumCache;

PG_FUNCTION_INFO_V1(fr_level_direction);

Datum
fr_level_direction(PG_FUNCTION_ARGS)
{
	const LevelSet *ls = PG_GETARG_LEVELSET(0);
	LvEnumCache *cache = (LvEnumCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
		Oid			typoid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
											 CStringGetDatum("direction"),
											 ObjectIdGetDatum(nsp));

		if (!OidIsValid(typoid))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("type direction not found in the schema of level_direction()")));
		cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(LvEnumCache));
		for (int i = 0; i < LV_NDIRECTIONS; i++)
			cache->oids[i] = DatumGetObjectId(DirectFunctionCall2(enum_in,
																  CStringGetDatum(lv_direction_label[i]),
																  ObjectIdGetDatum(typoid)));
		fcinfo->flinfo->fn_extra = cache;
	}
	PG_RETURN_OID(cache->oids[ls->direction]);
}

/* a level argument, decoded; NaN and ±Infinity are rejected */
static struct varlena *
lv_level_arg(FunctionCallInfo fcinfo, int argno, const char *fname, LvNum *q)
{
	struct varlena *v = lv_num_arg(PG_GETARG_DATUM(argno));

	lv_decode(v, q);
	if (q->special)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: level %s is not a finite number", fname,
						DatumGetCString(DirectFunctionCall1(numeric_out,
															PointerGetDatum(v)))),
				 errhint("Levels are finite numbers.")));
	return v;
}

/*
 * ceil(fraction · n) for a fraction in (0, 1] (22023 otherwise), exact.
 * A fraction of at most 16 decimals is done in 128-bit integers, a longer
 * one in numeric arithmetic.
 */
static int64
lv_position(FunctionCallInfo fcinfo, int argno, int64 n, const char *fname)
{
	struct varlena *v = lv_num_arg(PG_GETARG_DATUM(argno));
	LvNum		f;
	int			frac;

	lv_decode(v, &f);
	if (f.special || f.sign <= 0 || f.weight > 0 ||
		(f.weight == 0 && !(f.ndigits == 1 && lv_digit(f.digits, 0) == 1)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: fraction %s is not in (0, 1]", fname,
						DatumGetCString(DirectFunctionCall1(numeric_out,
															PointerGetDatum(v)))),
				 errhint("Give the share of the best members that reach the cutoff, such as 0.05 for the best 5 %%.")));
	if (f.weight == 0)
		return n;				/* fraction 1 */
	frac = f.ndigits - f.weight - 1;	/* base-10000 places after the point */
	if (frac <= 4)
	{
		int128		num = 0;
		int128		den = 1;
		int128		prod;
		int64		k;

		for (int i = 0; i < f.ndigits; i++)
			num = num * 10000 + lv_digit(f.digits, i);
		for (int i = 0; i < frac; i++)
			den *= 10000;
		prod = num * (int128) n;
		k = (int64) (prod / den);
		if (prod % den != 0)
			k++;
		return k;
	}
	else
	{
		Datum		prod = DirectFunctionCall2(numeric_mul, PointerGetDatum(v),
											   NumericGetDatum(int64_to_numeric(n)));

		return DatumGetInt64(DirectFunctionCall1(numeric_int8,
												 DirectFunctionCall1(numeric_ceil, prod)));
	}
}

PG_FUNCTION_INFO_V1(fr_level_cutoff);

/* level_cutoff(levelset, fraction): the level at position ceil(fraction · n) */
Datum
fr_level_cutoff(PG_FUNCTION_ARGS)
{
	const LevelSet *ls = lv_getarg_cached(fcinfo, 0);
	int64		k = lv_position(fcinfo, 1, ls->total, "level_cutoff");
	const struct varlena *lvl;
	struct varlena *res;

	if (ls->total == 0)
		PG_RETURN_NULL();
	lvl = LV_LEVEL(ls, lv_index_of_position(ls, k));
	res = palloc(VARSIZE(lvl));
	memcpy(res, lvl, VARSIZE(lvl));
	PG_RETURN_POINTER(res);
}

PG_FUNCTION_INFO_V1(fr_level_reaches);

/* level_reaches(levelset, level, fraction): level at least as good as the cutoff */
Datum
fr_level_reaches(PG_FUNCTION_ARGS)
{
	const LevelSet *ls = lv_getarg_cached(fcinfo, 0);
	LvNum		q,
				c;
	int64		k;

	lv_level_arg(fcinfo, 1, "level_reaches", &q);
	k = lv_position(fcinfo, 2, ls->total, "level_reaches");
	if (ls->total == 0)
		PG_RETURN_NULL();
	lv_decode(LV_LEVEL(ls, lv_index_of_position(ls, k)), &c);
	PG_RETURN_BOOL(lv_order(ls->direction, &q, &c) <= 0);
}

/* worse / equal / better counts of a level in ls */
static void
lv_counts(const LevelSet *ls, const LvNum *q, int64 *worse, int64 *equal,
		  int64 *better, bool *member)
{
	bool		found;
	int			i = lv_search(ls, q, &found);
	const int64 *cum = LV_CUM(ls);

	*better = i == 0 ? 0 : cum[i - 1];
	*equal = found ? lv_count_at(ls, i) : 0;
	*worse = ls->total - *better - *equal;
	*member = found;
}

/*
 * The place 2·worse + equal - 1 of the level argument (argno 1) in the
 * levelset argument (argno 0), and the levelset's n.  Standings and places
 * are defined for the members only (22023 otherwise).
 */
static int64
lv_member_place(FunctionCallInfo fcinfo, const char *fname, int64 *total)
{
	const LevelSet *ls = lv_getarg_cached(fcinfo, 0);
	LvNum		q;
	struct varlena *v = lv_level_arg(fcinfo, 1, fname, &q);
	int64		worse,
				equal,
				better;
	bool		member;

	lv_counts(ls, &q, &worse, &equal, &better, &member);
	if (!member)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: level %s is not a member of the levelset", fname,
						DatumGetCString(DirectFunctionCall1(numeric_out, PointerGetDatum(v)))),
				 errdetail("The levelset holds " INT64_FORMAT " members at %d distinct levels.",
						   ls->total, ls->ndistinct),
				 errhint("A standing is defined for the levels the set was built from; level_counts() places any level.")));
	*total = ls->total;
	return 2 * worse + equal - 1;
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
	int64		place = lv_member_place(fcinfo, "level_standing", &n);

	if (n == 1)
		PG_RETURN_NUMERIC(int64_to_numeric(1));
	PG_RETURN_NUMERIC(numeric_div_opt_error(int64_to_numeric(place),
											int64_to_numeric(2 * (n - 1)),
											NULL));
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

	PG_RETURN_INT64(lv_member_place(fcinfo, "level_place", &n));
}

PG_FUNCTION_INFO_V1(fr_level_counts);

/* level_counts(levelset, level, OUT worse, OUT equal, OUT better) */
Datum
fr_level_counts(PG_FUNCTION_ARGS)
{
	const LevelSet *ls = lv_getarg_cached(fcinfo, 0);
	LvNum		q;
	int64		worse,
				equal,
				better;
	bool		member;
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	lv_level_arg(fcinfo, 1, "level_counts", &q);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("level_counts must be called in a context that accepts a record")));
	tupdesc = BlessTupleDesc(tupdesc);
	lv_counts(ls, &q, &worse, &equal, &better, &member);
	values[0] = Int64GetDatum(worse);
	values[1] = Int64GetDatum(equal);
	values[2] = Int64GetDatum(better);
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
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("levels must be called in a context that accepts a record")));
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->user_fctx = PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
		funcctx->max_calls = ((const LevelSet *) funcctx->user_fctx)->ndistinct;
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	ls = (const LevelSet *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			i = (int) funcctx->call_cntr;
		const struct varlena *lvl = LV_LEVEL(ls, i);
		struct varlena *copy = palloc(VARSIZE(lvl));
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		memcpy(copy, lvl, VARSIZE(lvl));
		values[0] = PointerGetDatum(copy);
		values[1] = Int64GetDatum(lv_count_at(ls, i));
		values[2] = Int64GetDatum(i == 0 ? 1 : LV_CUM(ls)[i - 1] + 1);
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc,
														  values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
