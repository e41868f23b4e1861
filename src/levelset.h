/*
 * levelset.h — the levelset type, shared by its three files:
 *   levelset.c         the flat type: text and binary I/O, equality,
 *                      count/distinct/direction, the level helpers below;
 *   levelset_agg.c     the aggregate level_stats() and its expanded state;
 *   levelset_lookup.c  level_cutoff, level_reaches, level_standing,
 *                      level_place, level_counts, levels().
 *
 * A levelset is the multiset of the levels of one indicator with its
 * direction.  Its flat (varlena) form holds the distinct levels sorted best
 * first, each with the cumulative count of the members at least as good, so
 * that every lookup is a binary search on the flat datum itself:
 *
 *   header (24 bytes)
 *   int64  cum[ndistinct]    members at least as good as level i
 *   uint32 off[ndistinct]    byte offset of level i from the datum start
 *   levels                   numerics with a 4-byte header, int-aligned,
 *                            best first
 *
 * Levels are numerics compared and hashed with numeric's own functions
 * (numeric_cmp, hash_numeric); a level that is kept is stored as
 * trim_scale() returns it, so 0.20 and 0.2 are one level, printed 0.2,
 * stored as the same bytes whatever the order of the rows or the parallel
 * split.  Padding bytes are zero, so equal levelsets are equal bytes.
 */
#ifndef FR_LEVELSET_H
#define FR_LEVELSET_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/numeric.h"

#include "direction.h"

typedef struct LevelSet
{
	int32		vl_len_;
	uint8		version;		/* LV_VERSION */
	uint8		direction;		/* FrDirection */
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
#define LV_LEVEL(ls, i) ((Numeric) ((const char *) (ls) + LV_OFF(ls)[i]))
#define LV_ARRAYS_END(d) INTALIGN(LV_HDRSZ + (Size) (d) * (sizeof(int64) + sizeof(uint32)))
/* a levelset must stay well below the 1 GB varlena limit */
#define LV_MAX_SIZE ((Size) 0x3FFFFFFF - 1024)
/* n is kept below 2^62 so that 2·(n - 1) cannot overflow */
#define LV_MAX_TOTAL (INT64CONST(1) << 62)

#define PG_GETARG_LEVELSET(n) ((const LevelSet *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n)))

/* ---------------------------------------------------------------- levels */

/* three-way comparison of two levels (numeric_cmp) */
extern int	lv_level_cmp(Numeric a, Numeric b);

/* hash of a level, equal for equal values (hash_numeric: 0.2 and 0.20 alike) */
extern uint32 lv_level_hash(Numeric a);

/* order of two levels, best first: negative when a is better than b */
static inline int
lv_order(int dir, Numeric a, Numeric b)
{
	return dir == FR_HIGHER_BETTER ? lv_level_cmp(b, a) : lv_level_cmp(a, b);
}

/* the stored form of a level: trim_scale(), a 4-byte header, palloc'd */
extern Numeric lv_level_canonical(Numeric a);

/* the level text for messages */
extern char *lv_level_text(Numeric a);

/*
 * A level argument (any header), detoasted; 22023 when it is NaN or
 * ±Infinity.
 */
extern Numeric lv_level_arg(FunctionCallInfo fcinfo, int argno);

/* ---------------------------------------------------------------- flat form */

static inline int64
lv_count_at(const LevelSet *ls, int i)
{
	const int64 *cum = LV_CUM(ls);

	return i == 0 ? cum[0] : cum[i] - cum[i - 1];
}

/* bytes of a flat levelset of d levels; 54000 beyond LV_MAX_SIZE */
extern Size lv_flat_size(int d, Size levels_bytes);

/*
 * Write a flat levelset into dst (size bytes, zeroed here) from levels best
 * first (stored form) and their counts.
 */
extern void lv_write_flat(LevelSet *dst, Size size, int dir, int d,
						  const Numeric *levels, const int64 *counts);

/*
 * The standing of place p among n members: p / (2·(n - 1)) as numeric
 * division (numeric_div's scale), 1 when n = 1.
 */
extern Numeric lv_standing_of(int64 place, int64 n);

#endif							/* FR_LEVELSET_H */
