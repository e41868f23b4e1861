/*
 * indicator_gist.c — GiST support for <@, @> and && on indicators.
 *
 * A key is a bounding interval: a lower and an upper end point, each with
 * its own unit (the unit of the value it came from), so that the union of
 * values written in g/kg and mg/kg needs no conversion — end points are
 * compared exactly with fr_value_cmp.  A key that covers values of several
 * dimensions, or a unit-less ND together with other values, is MIXED and
 * matches every query (its children decide).
 *
 * Searches are exact up to the recheck: consistent() answers "may match";
 * the executor rechecks the operator on the heap value.  Rows whose unit
 * measures something else than the query's, or whose basis is another
 * (以N计 against 以NO3计, 以干基计 against as received), are skipped by an
 * index scan (a sequential scan raises 22023 on them).
 *
 * 0.2.0: a sampling plan's key is its hull, (−∞, M'], every value a
 * sample may take under it: the hull of each operand is a necessary
 * condition for <@ (hull ⊆ hull), @> and && (hulls meet), see
 * indicator_cmp.h.  A key carries its basis (a hash of the species key
 * and the sample basis), or BASIS_MIXED when its values have several.  A
 * key of an index built by 0.1.0 (shorter, without the basis) is read as
 * MIXED until the index is rebuilt (ALTER EXTENSION … UPDATE rebuilds it).
 */
#include "postgres.h"

#include <float.h>
#include <math.h>

#include "access/gist.h"
#include "access/stratnum.h"
#include "common/hashfn.h"
#include "fmgr.h"

#include "core/indicator_cmp.h"
#include "core/quantity.h"
#include "indicator.h"

#define GK_MIXED	0x0100		/* several dimensions below: match all */
#define GK_BASIS_MIXED 0x0200	/* several bases below */

typedef struct GKey
{
	int32		vl_len_;
	uint16		flags;			/* FR_IND_* bound flags, FR_IND_ANYUNIT,
								 * GK_MIXED, GK_BASIS_MIXED */
	uint16		pad;
	FrDec		lo;
	FrDec		hi;
	FrUnit		lounit;
	FrUnit		hiunit;
	/* 0.2.0 */
	uint32		species;		/* hash of the species key, 0 = none */
	uint8		sample;			/* FrSample, as received said so = none */
	uint8		pad2[3];
} GKey;

/* the size of a key 0.1.0 wrote */
#define GKEY_SIZE_0_1 offsetof(GKey, species)

#define BOUNDFLAGS (FR_IND_LO_INF | FR_IND_HI_INF | FR_IND_LO_INC | FR_IND_HI_INC | FR_IND_HI_EPS)

/* the sample basis as the index compares it */
static uint8
key_sample(const FrIndicator *v)
{
	FrSample	s = fr_sample_of(v->sample_q);

	return (uint8) (s == FR_SAMPLE_FRESH ? FR_SAMPLE_NONE : s);
}

static uint32
key_species(const FrIndicator *v)
{
	char		key[FR_SPECIES_MAXLEN];
	uint32		h;

	if (v->species[0] == '\0')
		return 0;
	fr_species_key(v->species, key);
	h = hash_bytes((const unsigned char *) key, (int) strlen(key));
	return h ? h : 1;
}

/* v as a key (a plan as its hull) */
static void
key_set(GKey *k, const FrIndicator *v)
{
	memset(k, 0, sizeof(GKey));
	SET_VARSIZE(k, sizeof(GKey));
	k->flags = v->flags & (BOUNDFLAGS | FR_IND_ANYUNIT);
	k->lo = v->lo;
	k->hi = v->hi;
	if (v->form == FR_IND_PLAN)
	{
		bool		unbounded;

		k->hi = fr_plan_effective_max(v, &unbounded);
		if (unbounded)
			k->flags |= FR_IND_HI_INF;
	}
	k->lounit = v->unit;
	k->hiunit = v->unit;
	k->species = key_species(v);
	k->sample = key_sample(v);
}

static GKey *
key_from_value(const FrIndicator *v)
{
	GKey	   *k = palloc(sizeof(GKey));

	key_set(k, v);
	return k;
}

/*
 * A stored key, copied.  A key of an index 0.1.0 built has no basis (none
 * was written then) and its units' dimensions of 0.1.0: right for every
 * unit but the dimensionless ones (a volume fraction was one), so such a
 * key matches everything until the index is rebuilt.
 */
static void
key_read(Datum d, GKey *k)
{
	const GKey *s = (const GKey *) DatumGetPointer(d);
	bool		dimensionless = true;

	if (VARSIZE(s) == sizeof(GKey))
	{
		memcpy(k, s, sizeof(GKey));
		return;
	}
	memset(k, 0, sizeof(GKey));
	if (VARSIZE(s) == GKEY_SIZE_0_1)
		memcpy(k, s, GKEY_SIZE_0_1);
	SET_VARSIZE(k, sizeof(GKey));
	for (int i = 0; i < FR_UNIT_NDIM; i++)
		if (k->lounit.dim[i] != 0)
			dimensionless = false;
	if (VARSIZE(s) != GKEY_SIZE_0_1 || (dimensionless && !(k->flags & FR_IND_ANYUNIT)))
		k->flags = GK_MIXED;
}

/* same unit for comparing raw decimals? (a unit-less ND: yes) */
static int
vcmp(FrDec a, const FrUnit *ua, bool aw, FrDec b, const FrUnit *ub, bool bw)
{
	if (aw || bw || fr_unit_identical(ua, ub))
		return fr_dec_cmp(a, b);
	return fr_value_cmp(a, ua, b, ub);
}

static int
sgn(int x)
{
	return (x > 0) - (x < 0);
}

/* lower end points: −∞ < x (incl) < x (excl) */
static int
lo_cmp(uint16 fa, FrDec a, const FrUnit *ua, uint16 fb, FrDec b, const FrUnit *ub)
{
	bool		ai = fa & FR_IND_LO_INF;
	bool		bi = fb & FR_IND_LO_INF;
	int			c;

	if (ai || bi)
		return ai == bi ? 0 : (ai ? -1 : 1);
	c = vcmp(a, ua, fa & FR_IND_ANYUNIT, b, ub, fb & FR_IND_ANYUNIT);
	if (c != 0)
		return sgn(c);
	return sgn(((fa & FR_IND_LO_INC) ? 0 : 1) - ((fb & FR_IND_LO_INC) ? 0 : 1));
}

static int
hi_eps(uint16 f)
{
	if (f & FR_IND_HI_EPS)
		return 1;
	return (f & FR_IND_HI_INC) ? 0 : -1;
}

/* upper end points: x (excl) < x (incl) < x⁺ < +∞ */
static int
hi_cmp(uint16 fa, FrDec a, const FrUnit *ua, uint16 fb, FrDec b, const FrUnit *ub)
{
	bool		ai = fa & FR_IND_HI_INF;
	bool		bi = fb & FR_IND_HI_INF;
	int			c;

	if (ai || bi)
		return ai == bi ? 0 : (ai ? 1 : -1);
	c = vcmp(a, ua, fa & FR_IND_ANYUNIT, b, ub, fb & FR_IND_ANYUNIT);
	if (c != 0)
		return sgn(c);
	return sgn(hi_eps(fa) - hi_eps(fb));
}

/* lower end of a vs upper end of b, for overlap */
static int
lo_hi_cmp(uint16 fa, FrDec a, const FrUnit *ua, uint16 fb, FrDec b, const FrUnit *ub)
{
	int			c;

	if ((fa & FR_IND_LO_INF) || (fb & FR_IND_HI_INF))
		return -1;
	c = vcmp(a, ua, fa & FR_IND_ANYUNIT, b, ub, fb & FR_IND_ANYUNIT);
	if (c != 0)
		return sgn(c);
	return sgn(((fa & FR_IND_LO_INC) ? 0 : 1) - hi_eps(fb));
}

static const FrUnit *
key_unit(const GKey *k)
{
	return &k->lounit;
}

/*
 * May the key and the query (as a key) be compared: same dimension, and
 * compatible bases (or several below)?
 */
static bool
key_comparable(const GKey *k, const GKey *q)
{
	if (!(k->flags & GK_BASIS_MIXED) &&
		(k->sample != q->sample || (k->species && q->species && k->species != q->species)))
		return false;
	if ((k->flags | q->flags) & FR_IND_ANYUNIT)
		return true;
	return fr_unit_commensurable(key_unit(k), key_unit(q));
}

/* Fold b into a (a is palloc'd and modified). */
static void
key_union(GKey *a, const GKey *b)
{
	bool		aw = a->flags & FR_IND_ANYUNIT;
	bool		bw = b->flags & FR_IND_ANYUNIT;

	if (a->flags & GK_MIXED)
		return;
	if ((b->flags & GK_MIXED) || aw != bw ||
		(!aw && !fr_unit_commensurable(&a->lounit, &b->lounit)))
	{
		a->flags = GK_MIXED;
		return;
	}
	if ((b->flags & GK_BASIS_MIXED) || a->species != b->species || a->sample != b->sample)
		a->flags |= GK_BASIS_MIXED;
	if (lo_cmp(b->flags, b->lo, &b->lounit, a->flags, a->lo, &a->lounit) < 0)
	{
		a->flags = (a->flags & ~(FR_IND_LO_INF | FR_IND_LO_INC)) |
			(b->flags & (FR_IND_LO_INF | FR_IND_LO_INC));
		a->lo = b->lo;
		a->lounit = b->lounit;
	}
	if (hi_cmp(b->flags, b->hi, &b->hiunit, a->flags, a->hi, &a->hiunit) > 0)
	{
		a->flags = (a->flags & ~(FR_IND_HI_INF | FR_IND_HI_INC | FR_IND_HI_EPS)) |
			(b->flags & (FR_IND_HI_INF | FR_IND_HI_INC | FR_IND_HI_EPS));
		a->hi = b->hi;
		a->hiunit = b->hiunit;
	}
}

/* an end point in base units, approximately, for penalties and splits only */
static double
approx(FrDec d, const FrUnit *u, bool anyunit)
{
	double		x = (double) d.coef * pow(10.0, -d.scale);

	if (anyunit)
		return x;
	x *= (double) u->factor.num / (double) u->factor.den * pow(10.0, u->factor.exp10);
	if (u->has_offset)
		x += (double) u->offset.coef * pow(10.0, -u->offset.scale);
	return x;
}

#define BIG 1e30

static double
key_lo(const GKey *k)
{
	return (k->flags & FR_IND_LO_INF) ? -BIG : approx(k->lo, &k->lounit, k->flags & FR_IND_ANYUNIT);
}

static double
key_hi(const GKey *k)
{
	return (k->flags & FR_IND_HI_INF) ? BIG : approx(k->hi, &k->hiunit, k->flags & FR_IND_ANYUNIT);
}

static double
key_size(const GKey *k)
{
	double		w;

	if (k->flags & GK_MIXED)
		return 4 * BIG;
	w = key_hi(k) - key_lo(k);
	return isfinite(w) ? Max(w, 0.0) : 4 * BIG;
}

/* ---------------------------------------------------------------- support functions */

PG_FUNCTION_INFO_V1(fr_indicator_gist_compress);
PG_FUNCTION_INFO_V1(fr_indicator_gist_decompress);
PG_FUNCTION_INFO_V1(fr_indicator_gist_consistent);
PG_FUNCTION_INFO_V1(fr_indicator_gist_union);
PG_FUNCTION_INFO_V1(fr_indicator_gist_penalty);
PG_FUNCTION_INFO_V1(fr_indicator_gist_picksplit);
PG_FUNCTION_INFO_V1(fr_indicator_gist_same);

Datum
fr_indicator_gist_compress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *retval;
	FrIndicator v;

	if (!entry->leafkey)
		PG_RETURN_POINTER(entry);
	fr_ind_load_core(entry->key, &v);
	retval = palloc(sizeof(GISTENTRY));
	gistentryinit(*retval, PointerGetDatum(key_from_value(&v)),
				  entry->rel, entry->page, entry->offset, false);
	PG_RETURN_POINTER(retval);
}

Datum
fr_indicator_gist_decompress(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(PG_GETARG_POINTER(0));
}

Datum
fr_indicator_gist_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	GKey		k;
	GKey		q;
	FrIndicator qv;
	bool		leaf = GIST_LEAF(entry);
	bool		r;

	*recheck = true;
	key_read(PointerGetDatum(PG_DETOAST_DATUM(entry->key)), &k);
	if (k.flags & GK_MIXED)
		PG_RETURN_BOOL(true);
	fr_ind_load_core(PG_GETARG_DATUM(1), &qv);
	key_set(&q, &qv);			/* the query's hull */
	if (!key_comparable(&k, &q))
		PG_RETURN_BOOL(false);

	switch (strategy)
	{
		case RTContainedByStrategyNumber:	/* value <@ q */
			if (leaf)
				r = lo_cmp(q.flags, q.lo, &q.lounit, k.flags, k.lo, &k.lounit) <= 0 &&
					hi_cmp(k.flags, k.hi, &k.hiunit, q.flags, q.hi, &q.hiunit) <= 0;
			else
				r = lo_hi_cmp(k.flags, k.lo, &k.lounit, q.flags, q.hi, &q.hiunit) <= 0 &&
					lo_hi_cmp(q.flags, q.lo, &q.lounit, k.flags, k.hi, &k.hiunit) <= 0;
			break;
		case RTContainsStrategyNumber:	/* value @> q: the key contains q */
			r = lo_cmp(k.flags, k.lo, &k.lounit, q.flags, q.lo, &q.lounit) <= 0 &&
				hi_cmp(q.flags, q.hi, &q.hiunit, k.flags, k.hi, &k.hiunit) <= 0;
			break;
		case RTOverlapStrategyNumber:
			r = lo_hi_cmp(k.flags, k.lo, &k.lounit, q.flags, q.hi, &q.hiunit) <= 0 &&
				lo_hi_cmp(q.flags, q.lo, &q.lounit, k.flags, k.hi, &k.hiunit) <= 0;
			break;
		default:
			elog(ERROR, "indicator GiST: unrecognized strategy number %d", strategy);
			r = false;
	}
	PG_RETURN_BOOL(r);
}

/* fold key d into *acc (a new key the first time) */
static void
key_fold(GKey **acc, Datum d)
{
	GKey		k;

	key_read(d, &k);
	if (*acc == NULL)
	{
		*acc = palloc(sizeof(GKey));
		memcpy(*acc, &k, sizeof(GKey));
	}
	else
		key_union(*acc, &k);
}

Datum
fr_indicator_gist_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *ev = (GistEntryVector *) PG_GETARG_POINTER(0);
	int		   *size = (int *) PG_GETARG_POINTER(1);
	GKey	   *u = NULL;

	for (int i = 0; i < ev->n; i++)
		key_fold(&u, ev->vector[i].key);
	*size = sizeof(GKey);
	PG_RETURN_POINTER(u);
}

Datum
fr_indicator_gist_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *orig = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *add = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *penalty = (float *) PG_GETARG_POINTER(2);
	GKey		o;
	GKey		a;
	GKey		u;
	double		p;

	key_read(orig->key, &o);
	key_read(add->key, &a);
	memcpy(&u, &o, sizeof(GKey));
	key_union(&u, &a);
	p = key_size(&u) - key_size(&o);
	if (!isfinite(p) || p < 0)
		p = (u.flags & GK_MIXED) && !(o.flags & GK_MIXED) ? FLT_MAX : 0;
	*penalty = (float) Min(p, (double) FLT_MAX);
	PG_RETURN_POINTER(penalty);
}

typedef struct SortItem
{
	OffsetNumber off;
	GKey		k;
} SortItem;

/* by dimension, then lower end, then upper end (approximate is enough) */
static int
sort_cmp(const void *a, const void *b)
{
	const GKey *x = &((const SortItem *) a)->k;
	const GKey *y = &((const SortItem *) b)->k;
	int			c;
	double		dx,
				dy;

	c = (int) ((x->flags & GK_MIXED) != 0) - (int) ((y->flags & GK_MIXED) != 0);
	if (c == 0)
		c = (int) ((x->flags & FR_IND_ANYUNIT) != 0) - (int) ((y->flags & FR_IND_ANYUNIT) != 0);
	if (c == 0 && !(x->flags & (GK_MIXED | FR_IND_ANYUNIT)))
		c = memcmp(x->lounit.dim, y->lounit.dim, sizeof(x->lounit.dim));
	if (c == 0)
		c = (x->species > y->species) - (x->species < y->species);
	if (c == 0)
		c = (int) x->sample - (int) y->sample;
	if (c != 0)
		return c;
	dx = key_lo(x);
	dy = key_lo(y);
	if (dx != dy)
		return dx < dy ? -1 : 1;
	dx = key_hi(x);
	dy = key_hi(y);
	return (dx > dy) - (dx < dy);
}

Datum
fr_indicator_gist_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *ev = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = ev->n - 1;
	int			n = maxoff - FirstOffsetNumber + 1;
	SortItem   *items = palloc(sizeof(SortItem) * n);
	int			half;
	GKey	   *left = NULL,
			   *right = NULL;

	for (OffsetNumber i = FirstOffsetNumber; i <= maxoff; i = OffsetNumberNext(i))
	{
		items[i - FirstOffsetNumber].off = i;
		key_read(ev->vector[i].key, &items[i - FirstOffsetNumber].k);
	}
	qsort(items, n, sizeof(SortItem), sort_cmp);
	half = n / 2;
	v->spl_left = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_right = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_nleft = v->spl_nright = 0;
	for (int i = 0; i < n; i++)
	{
		key_fold(i < half ? &left : &right, PointerGetDatum(&items[i].k));
		if (i < half)
			v->spl_left[v->spl_nleft++] = items[i].off;
		else
			v->spl_right[v->spl_nright++] = items[i].off;
	}
	v->spl_ldatum = PointerGetDatum(left);
	v->spl_rdatum = PointerGetDatum(right);
	PG_RETURN_POINTER(v);
}

Datum
fr_indicator_gist_same(PG_FUNCTION_ARGS)
{
	GKey	   *a = (GKey *) PG_GETARG_POINTER(0);
	GKey	   *b = (GKey *) PG_GETARG_POINTER(1);
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
	PG_RETURN_POINTER(result);
}
