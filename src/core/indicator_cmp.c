/*
 * indicator_cmp.c — set comparisons of indicators (backend-free); see
 * indicator_cmp.h for the model.
 */
#include <string.h>

#include "core/indicator_cmp.h"

#include "core/quantity.h"

/* Same scale: values compare as decimals, no unit conversion. */
static inline bool
same_scale(const FrIndicator *a, const FrIndicator *b)
{
	return ((a->flags | b->flags) & FR_IND_ANYUNIT) != 0 ||
		fr_unit_identical(&a->unit, &b->unit);
}

static inline int
vcmp(FrDec x, const FrIndicator *a, FrDec y, const FrIndicator *b, bool same)
{
	if (same)
		return fr_dec_cmp(x, y);
	return fr_value_cmp(x, &a->unit, y, &b->unit);
}

static inline int
lo_eps(const FrIndicator *v)
{
	return (v->flags & FR_IND_LO_INC) ? 0 : 1;
}

static inline int
hi_eps(const FrIndicator *v)
{
	if (v->flags & FR_IND_HI_EPS)
		return 1;
	return (v->flags & FR_IND_HI_INC) ? 0 : -1;
}

static inline int
sgn(int x)
{
	return (x > 0) - (x < 0);
}

/* lower point of a vs lower point of b */
static int
lo_lo(const FrIndicator *a, const FrIndicator *b, bool same)
{
	bool		ai = a->flags & FR_IND_LO_INF;
	bool		bi = b->flags & FR_IND_LO_INF;
	int			c;

	if (ai || bi)
		return ai == bi ? 0 : (ai ? -1 : 1);
	c = vcmp(a->lo, a, b->lo, b, same);
	if (c != 0)
		return sgn(c);
	return sgn(lo_eps(a) - lo_eps(b));
}

/* upper point of a vs upper point of b */
static int
hi_hi(const FrIndicator *a, const FrIndicator *b, bool same)
{
	bool		ai = a->flags & FR_IND_HI_INF;
	bool		bi = b->flags & FR_IND_HI_INF;
	int			c;

	if (ai || bi)
		return ai == bi ? 0 : (ai ? 1 : -1);
	c = vcmp(a->hi, a, b->hi, b, same);
	if (c != 0)
		return sgn(c);
	return sgn(hi_eps(a) - hi_eps(b));
}

/* lower point of a vs upper point of b */
static int
lo_hi(const FrIndicator *a, const FrIndicator *b, bool same)
{
	int			c;

	if ((a->flags & FR_IND_LO_INF) || (b->flags & FR_IND_HI_INF))
		return -1;
	c = vcmp(a->lo, a, b->hi, b, same);
	if (c != 0)
		return sgn(c);
	return sgn(lo_eps(a) - hi_eps(b));
}

bool
fr_ind_commensurable(const FrIndicator *a, const FrIndicator *b)
{
	return ((a->flags | b->flags) & FR_IND_ANYUNIT) != 0 ||
		fr_unit_commensurable(&a->unit, &b->unit);
}

int
fr_ind_order(const FrIndicator *a, const FrIndicator *b)
{
	bool		aw = a->flags & FR_IND_ANYUNIT;
	bool		bw = b->flags & FR_IND_ANYUNIT;
	bool		same;
	int			c;

	if (aw != bw)
		return aw ? -1 : 1;
	same = aw || fr_unit_identical(&a->unit, &b->unit);
	if (!same)
	{
		c = memcmp(a->unit.dim, b->unit.dim, sizeof(a->unit.dim));
		if (c != 0)
		{
			/* lexicographic on the signed exponents */
			for (int i = 0; i < FR_UNIT_NDIM; i++)
				if (a->unit.dim[i] != b->unit.dim[i])
					return a->unit.dim[i] < b->unit.dim[i] ? -1 : 1;
		}
	}
	c = lo_lo(a, b, same);
	if (c != 0)
		return c;
	return hi_hi(a, b, same);
}

bool
fr_ind_equal(const FrIndicator *a, const FrIndicator *b)
{
	bool		same = same_scale(a, b);

	return lo_lo(a, b, same) == 0 && hi_hi(a, b, same) == 0;
}

bool
fr_ind_contained(const FrIndicator *a, const FrIndicator *b)
{
	bool		same = same_scale(a, b);

	return lo_lo(b, a, same) <= 0 && hi_hi(a, b, same) <= 0;
}

bool
fr_ind_overlaps(const FrIndicator *a, const FrIndicator *b)
{
	bool		same = same_scale(a, b);

	return lo_hi(a, b, same) <= 0 && lo_hi(b, a, same) <= 0;
}

FrIndRelation
fr_ind_relation(const FrIndicator *a, const FrIndicator *b)
{
	bool		same;
	int			l,
				h;

	if (!fr_ind_commensurable(a, b))
		return FR_REL_INCOMPARABLE;
	same = same_scale(a, b);
	l = lo_lo(a, b, same);
	h = hi_hi(a, b, same);
	if (l == 0 && h == 0)
		return FR_REL_EQUAL;
	if (l >= 0 && h <= 0)
		return FR_REL_STRICTER;
	if (l <= 0 && h >= 0)
		return FR_REL_LOOSER;
	if (lo_hi(a, b, same) <= 0 && lo_hi(b, a, same) <= 0)
		return FR_REL_OVERLAPPING;
	return FR_REL_DISJOINT;
}

const char *
fr_ind_relation_name(FrIndRelation r)
{
	switch (r)
	{
		case FR_REL_STRICTER:
			return "stricter";
		case FR_REL_EQUAL:
			return "equal";
		case FR_REL_LOOSER:
			return "looser";
		case FR_REL_OVERLAPPING:
			return "overlapping";
		case FR_REL_DISJOINT:
			return "disjoint";
		case FR_REL_INCOMPARABLE:
			break;
	}
	return "incomparable";
}

bool
fr_ind_cmp_rounded(FrDec x, const FrIndicator *m, FrDec l,
				   const FrIndicator *s, int *result, FrError *err)
{
	bool		same = same_scale(m, s);
	FrDec		below,
				above;
	bool		even;
	int			c;

	if (same && x.scale <= l.scale)
	{
		/* nothing to round */
		*result = sgn(fr_dec_cmp(x, l));
		return true;
	}
	if (l.scale >= FR_DEC_MAX_SCALE ||
		l.coef >= 100000000000000000LL || l.coef <= -100000000000000000LL)
		return fr_error(err, FR_ERR_RANGE, -1,
						"The limit has too many digits to round a measured value to it (at most %d decimals and %d digits).",
						FR_DEC_MAX_SCALE - 1, FR_DEC_MAX_DIGITS - 1);
	/* limit ± half a unit of its last digit */
	below.coef = l.coef * 10 - 5;
	above.coef = l.coef * 10 + 5;
	below.scale = above.scale = (int16_t) (l.scale + 1);
	even = (l.coef % 2) == 0;

	c = vcmp(x, m, below, s, same);
	if (c < 0)
		*result = -1;
		/* exactly half way: to the even neighbour */
	else if (c == 0)
		*result = even ? 0 : -1;
	else
	{
		c = vcmp(x, m, above, s, same);
		if (c > 0)
			*result = 1;
		else if (c == 0)
			*result = even ? 0 : 1;
		else
			*result = 0;
	}
	return true;
}

bool
fr_ind_satisfies(const FrIndicator *m, const FrIndicator *s, bool rounded,
				 bool *result, FrError *err)
{
	int			c;

	if (!rounded || ((m->flags | s->flags) & FR_IND_ANYUNIT))
	{
		*result = fr_ind_contained(m, s);
		return true;
	}

	/* lower side: lo(s) ≤ lo(m) with lo(m) rounded to lo(s)'s decimals */
	if (!(s->flags & FR_IND_LO_INF))
	{
		if (m->flags & FR_IND_LO_INF)
		{
			*result = false;
			return true;
		}
		if (!fr_ind_cmp_rounded(m->lo, m, s->lo, s, &c, err))
			return false;
		if (c < 0 || (c == 0 && lo_eps(s) > lo_eps(m)))
		{
			*result = false;
			return true;
		}
	}
	/* upper side: hi(m) rounded ≤ hi(s) */
	if (!(s->flags & FR_IND_HI_INF))
	{
		if (m->flags & FR_IND_HI_INF)
		{
			*result = false;
			return true;
		}
		if (s->flags & FR_IND_HI_EPS)
			c = sgn(vcmp(m->hi, m, s->hi, s, same_scale(m, s)));
		else if (!fr_ind_cmp_rounded(m->hi, m, s->hi, s, &c, err))
			return false;
		if (c > 0 || (c == 0 && hi_eps(m) > hi_eps(s)))
		{
			*result = false;
			return true;
		}
	}
	*result = true;
	return true;
}
