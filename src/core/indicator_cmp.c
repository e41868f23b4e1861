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
fr_ind_units_commensurable(const FrIndicator *a, const FrIndicator *b)
{
	return ((a->flags | b->flags) & FR_IND_ANYUNIT) != 0 ||
		fr_unit_commensurable(&a->unit, &b->unit);
}

bool
fr_ind_basis_compatible(const FrIndicator *a, const FrIndicator *b)
{
	if (a->species[0] == '\0' && b->species[0] == '\0' && a->sample_q == b->sample_q)
		return true;
	return fr_basis_compatible(a->species, a->sample_q, b->species, b->sample_q);
}

bool
fr_ind_commensurable(const FrIndicator *a, const FrIndicator *b)
{
	return fr_ind_units_commensurable(a, b) && fr_ind_basis_compatible(a, b);
}

FrDec
fr_plan_effective_max(const FrIndicator *v, bool *unbounded)
{
	FrDec		zero = {0, 0};

	*unbounded = false;
	if (v->plan_c == 0)
		return v->hi;
	if (v->flags & FR_IND_PLAN_M)
		return v->plan_max;
	*unbounded = true;
	return zero;
}

/*
 * The hull of a plan: every value a sample may take under it, (−∞, M']
 * (M' = M, m when c = 0, unbounded for a two-class plan with c > 0).
 * Other values are their own hull.
 */
static void
hull(const FrIndicator *v, FrIndicator *h)
{
	bool		unbounded;

	*h = *v;
	if (v->form != FR_IND_PLAN)
		return;
	h->hi = fr_plan_effective_max(v, &unbounded);
	if (unbounded)
		h->flags |= FR_IND_HI_INF;
}

/* M' of two plans: -1, 0, 1 (unbounded above everything) */
static int
max_max(const FrIndicator *a, const FrIndicator *b, bool same)
{
	bool		ua,
				ub;
	FrDec		ma = fr_plan_effective_max(a, &ua);
	FrDec		mb = fr_plan_effective_max(b, &ub);

	if (ua || ub)
		return ua == ub ? 0 : (ua ? 1 : -1);
	return sgn(vcmp(ma, a, mb, b, same));
}

/* the parts of the order beyond the set: basis, then the plan */
static int
order_extended(const FrIndicator *a, const FrIndicator *b, bool same)
{
	int			c;

	if (a->species[0] || b->species[0])
	{
		char		ka[FR_SPECIES_MAXLEN];
		char		kb[FR_SPECIES_MAXLEN];

		fr_species_key(a->species, ka);
		fr_species_key(b->species, kb);
		c = strcmp(ka, kb);
		if (c != 0)
			return sgn(c);
	}
	c = (int) fr_sample_of(a->sample_q) - (int) fr_sample_of(b->sample_q);
	if (c != 0)
		return sgn(c);
	c = (int) (a->form == FR_IND_PLAN) - (int) (b->form == FR_IND_PLAN);
	if (c != 0 || a->form != FR_IND_PLAN)
		return c;
	c = (int) a->plan_n - (int) b->plan_n;
	if (c == 0)
		c = (int) a->plan_c - (int) b->plan_c;
	if (c != 0)
		return sgn(c);
	return max_max(a, b, same);
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
	c = hi_hi(a, b, same);
	if (c != 0 || !(fr_indicator_extended(a) || fr_indicator_extended(b)))
		return c;
	return order_extended(a, b, same);
}

bool
fr_ind_equal(const FrIndicator *a, const FrIndicator *b)
{
	return fr_ind_order(a, b) == 0;
}

/* intervals (a plan as its core, every sample ≤ m) */
static bool
interval_contained(const FrIndicator *a, const FrIndicator *b, bool same)
{
	return lo_lo(b, a, same) <= 0 && hi_hi(a, b, same) <= 0;
}

/*
 * Plans: P1 accepts only results P2 accepts.  Same n: m1 ≤ m2, M1' ≤ M2'
 * and c1 ≤ c2 — or M1' ≤ m2 (no sample P1 accepts exceeds m2, so no c2
 * matters).  Different n: only through a plain limit, M1' ≤ m2.
 */
static bool
plan_contained(const FrIndicator *a, const FrIndicator *b, bool same)
{
	bool		ua;
	FrDec		ma = fr_plan_effective_max(a, &ua);
	bool		below_m2 = !ua && vcmp(ma, a, b->hi, b, same) <= 0;

	if (a->plan_n != b->plan_n)
		return below_m2;
	if (vcmp(a->hi, a, b->hi, b, same) > 0 || max_max(a, b, same) > 0)
		return false;
	return a->plan_c <= b->plan_c || below_m2;
}

bool
fr_ind_contained(const FrIndicator *a, const FrIndicator *b)
{
	bool		same = same_scale(a, b);
	bool		ap = a->form == FR_IND_PLAN;
	bool		bp = b->form == FR_IND_PLAN;

	if (ap && bp)
		return plan_contained(a, b, same);
	if (ap)
	{
		/* every sample the plan accepts lies in b */
		FrIndicator h;

		hull(a, &h);
		return interval_contained(&h, b, same);
	}
	/* b a plan: a within its core (−∞, m] */
	return interval_contained(a, b, same);
}

bool
fr_ind_overlaps(const FrIndicator *a, const FrIndicator *b)
{
	bool		same = same_scale(a, b);

	/* a plan and an interval meet where the interval meets (−∞, m] */
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
	if (a->form == FR_IND_PLAN || b->form == FR_IND_PLAN)
	{
		bool		ab = fr_ind_contained(a, b);
		bool		ba = fr_ind_contained(b, a);

		if (ab && ba)
			return FR_REL_EQUAL;
		if (ab)
			return FR_REL_STRICTER;
		if (ba)
			return FR_REL_LOOSER;
		return fr_ind_overlaps(a, b) ? FR_REL_OVERLAPPING : FR_REL_DISJOINT;
	}
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

	if (s->form == FR_IND_PLAN && m->form != FR_IND_PLAN)
	{
		fr_error(err, FR_ERR_ARGUMENT, -1,
				 "A sampling plan (n=%u, c=%u) judges the results of %u sample units, not one measured value.",
				 (unsigned) s->plan_n, (unsigned) s->plan_c, (unsigned) s->plan_n);
		fr_error_hint(err, "Give the %u results as an array: satisfies(ARRAY[…]::numeric[], plan).",
					  (unsigned) s->plan_n);
		return false;
	}
	if (m->form == FR_IND_PLAN)
	{
		/* a requirement judged against one: at least as strict */
		*result = fr_ind_contained(m, s);
		return true;
	}
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

/* is result x (in spec's unit) above limit l of spec (GB/T 8170 method)? */
static bool
above(FrDec x, FrDec l, const FrIndicator *spec, const FrIndicator *point,
	  bool rounded, bool *r, FrError *err)
{
	int			c;

	if (!rounded)
		c = fr_dec_cmp(x, l);
	else if (!fr_ind_cmp_rounded(x, point, l, spec, &c, err))
		return false;
	*r = c > 0;
	return true;
}

bool
fr_ind_satisfies_results(const FrDec *x, int n, const FrIndicator *spec,
						 bool rounded, bool *result, FrError *err)
{
	FrIndicator m;

	if (n < 1)
		return fr_error(err, FR_ERR_ARGUMENT, -1, "No sample results were given.");
	memset(&m, 0, sizeof(m));
	m.form = FR_IND_POINT;
	m.flags = FR_IND_LO_INC | FR_IND_HI_INC | (spec->flags & FR_IND_ANYUNIT);
	m.unit = spec->unit;
	if (spec->form != FR_IND_PLAN)
	{
		/* a plain limit: every result meets it */
		for (int i = 0; i < n; i++)
		{
			bool		ok;

			m.lo = m.hi = x[i];
			if (!fr_ind_satisfies(&m, spec, rounded, &ok, err))
				return false;
			if (!ok)
			{
				*result = false;
				return true;
			}
		}
		*result = true;
		return true;
	}
	if (n != spec->plan_n)
	{
		fr_error(err, FR_ERR_ARGUMENT, -1,
				 "The sampling plan takes the results of n=%u sample units; %d were given.",
				 (unsigned) spec->plan_n, n);
		fr_error_hint(err, "Give one result per sample unit, in the plan's unit%s%s.",
					  spec->unittext[0] ? " " : "", spec->unittext);
		return false;
	}
	{
		bool		unbounded;
		FrDec		big = fr_plan_effective_max(spec, &unbounded);
		int			over_m = 0;

		for (int i = 0; i < n; i++)
		{
			bool		r;

			if (!unbounded)
			{
				if (!above(x[i], big, spec, &m, rounded, &r, err))
					return false;
				if (r)
				{
					/* a result above M rejects the lot */
					*result = false;
					return true;
				}
			}
			if (!above(x[i], spec->hi, spec, &m, rounded, &r, err))
				return false;
			over_m += r;
		}
		*result = over_m <= spec->plan_c;
	}
	return true;
}
