/*
 * indicator_abbrev.c — abbreviated keys of the indicator btree order; see
 * indicator_abbrev.h for the layout and the one property they keep.
 *
 * Every step truncates toward an exact floor and is monotone: the
 * dimension rank by binary search in a sorted table, the value by its
 * exact leading digits (128-bit long division, or a bignum for a unit
 * with an offset).  No floating point.  Backend-free.
 */
#include "core/indicator_abbrev.h"

#include <stdlib.h>
#include <string.h>

#include "core/bignum.h"
#include "core/units.h"

/* the upper bound of a lower-unbounded value: 11 digits, 10^-500 .. 10^499 */
#define AB_DIGITS 11
#define AB_EMIN (-500)
#define AB_EMAX 499
/* the codes of values: 2^47 ± magnitude code, below 2^48 - 1 (+∞) */
#define AB_VALUE_BITS 48
#define AB_INF (((uint64_t) 1 << AB_VALUE_BITS) - 1)
/* the dimension rank: 14 bits, odd ranks for the table's vectors */
#define AB_DIM_BITS 14
#define AB_DIM_MAX ((1 << (AB_DIM_BITS - 1)) - 1)

/* ========================================================== dimensions */

typedef struct DimVec
{
	int8_t		d[FR_UNIT_NDIM];
} DimVec;

static DimVec dim_table[AB_DIM_MAX];
static int	dim_count = -1;

/* the order of fr_ind_order: lexicographic on the signed exponents */
static int
dim_cmp(const int8_t *a, const int8_t *b)
{
	for (int i = 0; i < FR_UNIT_NDIM; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

static int
dim_qsort_cmp(const void *a, const void *b)
{
	return dim_cmp(((const DimVec *) a)->d, ((const DimVec *) b)->d);
}

/* a ± b, false when an exponent leaves int8 or the scale slots mix */
static bool
dim_combine(const DimVec *a, const DimVec *b, int sign, DimVec *out)
{
	for (int i = 0; i < FR_UNIT_NDIM; i++)
	{
		int			e = a->d[i] + sign * b->d[i];

		if (e < -100 || e > 100)
			return false;
		out->d[i] = (int8_t) e;
	}
	return true;
}

static int
dim_unique(DimVec *v, int n)
{
	int			k = 0;

	qsort(v, n, sizeof(DimVec), dim_qsort_cmp);
	for (int i = 0; i < n; i++)
		if (k == 0 || dim_cmp(v[k - 1].d, v[i].d) != 0)
			v[k++] = v[i];
	return k;
}

/*
 * The dimensions of the unit table's symbols (and the volume fraction a
 * qualifier gives a plain ratio), with their pairwise products and
 * quotients: mg/L, m/s², W/(m·K) are there.  Built once; any sorted set
 * keeps the rank monotone, so a full table simply stops growing.
 */
static void
dim_build(void)
{
	int			nsym = fr_unit_table_size();
	DimVec	   *base = malloc(sizeof(DimVec) * (nsym + 2));
	DimVec	   *all;
	int			nb = 0;
	int			na = 0;

	if (base == NULL)
	{
		dim_count = 0;
		return;
	}
	memset(&base[nb++], 0, sizeof(DimVec));
	for (int i = -1; i < nsym; i++)
	{
		/* a ratio of volumes is a dimension of its own (units.h) */
		const char *sym = i < 0 ? "mL/L" : fr_unit_table_entry(i)->symbol;
		FrUnit		u;
		char		canon[FR_UNIT_MAXLEN];
		FrError		err;

		fr_error_init(&err);
		if (fr_unit_parse(sym, strlen(sym), &u, canon, &err))
			memcpy(base[nb++].d, u.dim, FR_UNIT_NDIM);
	}
	nb = dim_unique(base, nb);
	all = malloc(sizeof(DimVec) * (size_t) nb * (2 * nb + 1));
	if (all == NULL)
	{
		memcpy(dim_table, base, sizeof(DimVec) * (nb < AB_DIM_MAX ? nb : AB_DIM_MAX));
		dim_count = nb < AB_DIM_MAX ? nb : AB_DIM_MAX;
		free(base);
		return;
	}
	for (int i = 0; i < nb; i++)
	{
		all[na++] = base[i];
		for (int j = 0; j < nb; j++)
		{
			if (dim_combine(&base[i], &base[j], 1, &all[na]))
				na++;
			if (dim_combine(&base[i], &base[j], -1, &all[na]))
				na++;
		}
	}
	na = dim_unique(all, na);
	dim_count = na < AB_DIM_MAX ? na : AB_DIM_MAX;
	memcpy(dim_table, all, sizeof(DimVec) * dim_count);
	free(all);
	free(base);
}

/* 2i + 1 when the vector is the table's i-th, 2i when it sorts before it */
static uint64_t
dim_rank(const int8_t *dim)
{
	/* a sort mostly meets one dimension over and over */
	static int8_t last[FR_UNIT_NDIM];
	static uint64_t last_rank;
	static bool have_last = false;
	int			lo = 0,
				hi;

	if (have_last && memcmp(last, dim, FR_UNIT_NDIM) == 0)
		return last_rank;
	if (dim_count < 0)
		dim_build();
	hi = dim_count;
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (dim_cmp(dim_table[mid].d, dim) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	memcpy(last, dim, FR_UNIT_NDIM);
	if (lo < dim_count && dim_cmp(dim_table[lo].d, dim) == 0)
		last_rank = 2 * (uint64_t) lo + 1;
	else
		last_rank = 2 * (uint64_t) lo;
	have_last = true;
	return last_rank;
}

/* ============================================================== values */

/* significant digits the leading-digit step computes */
#define LEAD_DIGITS 19

typedef struct Lead
{
	int			sign;			/* -1, 0, 1 */
	int			e;				/* decimal exponent of |value| */
	uint64_t	digits;			/* its first LEAD_DIGITS digits, floor */
	bool		inexact;		/* more non-zero digits follow */
} Lead;

static uint64_t
abs64(int64_t v)
{
	return v < 0 ? (uint64_t) 0 - (uint64_t) v : (uint64_t) v;
}

/* 10^k, k <= 38 */
static fr_u128
pow10_128(int k)
{
	static fr_u128 p[39];

	if (p[0] == 0)
	{
		p[0] = 1;
		for (int i = 1; i < 39; i++)
			p[i] = p[i - 1] * 10;
	}
	return p[k];
}

static int
digits128(fr_u128 x)
{
	int			n = 1;

	while (n < 39 && x >= pow10_128(n))
		n++;
	return n;
}

/* x / den × 10^m (x > 0) by long division, exact */
static void
lead_u128(fr_u128 x, uint64_t den, int m, Lead *l)
{
	fr_u128		q = den == 1 ? x : x / den;
	fr_u128		r = den == 1 ? 0 : x % den;
	fr_u128		p;
	int			k = 0;
	int			len;

	if (r == 0 && digits128(q) < LEAD_DIGITS)
	{
		/* a terminating quotient: scale up at once */
		k = LEAD_DIGITS - digits128(q);
		q *= pow10_128(k);
	}
	while (q < pow10_128(LEAD_DIGITS - 1))
	{
		r *= 10;
		q = q * 10 + r / den;
		r %= den;
		k++;
	}
	len = digits128(q);
	l->inexact = r != 0;
	if (len > LEAD_DIGITS)
	{
		p = pow10_128(len - LEAD_DIGITS);
		l->inexact |= q % p != 0;
		q /= p;
	}
	l->digits = (uint64_t) q;
	l->e = len - 1 + m - k;
}

/* |c| · m1 · 10^k as a bignum */
static void
bn_scaled(FrBn *out, uint64_t c, uint64_t m1, int k)
{
	fr_bn_set(out, (fr_u128) c * m1);
	if (k > 0)
		fr_bn_mul_pow10(out, k);
}

/*
 * The same for a unit with an offset (a lone temperature unit): the value
 * v × factor + offset, signed, through a bignum.
 */
static void
lead_offset(FrDec v, const FrUnit *u, Lead *l)
{
	int			ev = u->factor.exp10 - v.scale;
	int			eo = -u->offset.scale;
	int			m = ev < eo ? ev : eo;
	uint64_t	den = (uint64_t) u->factor.den;
	FrBn		pos,
				neg,
				t;
	FrBn	   *mag;
	char		buf[FR_BN_DIGITS_MAX];
	size_t		len;
	uint64_t	rem;

	/* X / den × 10^m = v · num/den · 10^exp10 + offset */
	fr_bn_set(&pos, 0);
	fr_bn_set(&neg, 0);
	if (v.coef != 0)
	{
		bn_scaled(&t, abs64(v.coef), (uint64_t) u->factor.num, ev - m);
		fr_bn_add(v.coef < 0 ? &neg : &pos, &t);
	}
	if (u->offset.coef != 0)
	{
		bn_scaled(&t, abs64(u->offset.coef), den, eo - m);
		fr_bn_add(u->offset.coef < 0 ? &neg : &pos, &t);
	}
	l->sign = fr_bn_cmp(&pos, &neg);
	if (l->sign == 0)
		return;
	if (l->sign > 0)
	{
		fr_bn_sub(&pos, &neg);
		mag = &pos;
	}
	else
	{
		fr_bn_sub(&neg, &pos);
		mag = &neg;
	}
	/* X ≥ 1 and den < 2^63: X · 10^40 / den has more than 20 digits */
	fr_bn_mul_pow10(mag, 40);
	rem = fr_bn_div_u64(mag, den);
	len = fr_bn_to_digits(mag, buf, sizeof(buf));
	if (mag->over || len < LEAD_DIGITS)
	{
		/* not a parsed unit: every such value ties, above the others */
		l->e = INT16_MAX;
		l->digits = 0;
		l->inexact = true;
		return;
	}
	l->digits = 0;
	for (int i = 0; i < LEAD_DIGITS; i++)
		l->digits = l->digits * 10 + (uint64_t) (buf[i] - '0');
	l->inexact = rem != 0;
	for (size_t i = LEAD_DIGITS; i < len; i++)
		l->inexact |= buf[i] != '0';
	l->e = (int) len - 1 + m - 40;
}

/* the value v in unit u (base units, plus the offset) */
static void
value_lead(FrDec v, const FrUnit *u, Lead *l)
{
	if (u->has_offset)
	{
		lead_offset(v, u, l);
		return;
	}
	l->sign = (v.coef > 0) - (v.coef < 0);
	if (l->sign != 0)
		lead_u128((fr_u128) abs64(v.coef) * (uint64_t) u->factor.num,
				  (uint64_t) u->factor.den, u->factor.exp10 - v.scale, l);
}

/*
 * A code of width `bits` for values: zero in the middle (2^(bits-1)),
 * then sign × (1 below 10^emin, 2 + the position of the exponent and the
 * first `digits` digits, the top beyond 10^(emax+1)).  Monotone; *exact
 * says whether the code stands for this value alone (no digit dropped,
 * the exponent in range).  The caller sizes bits for 2 + (emax - emin + 1)
 * · 9 · 10^(digits - 1) < 2^(bits - 1).
 */
static uint64_t
lead_code(const Lead *l, int bits, int digits, int emin, int emax, bool *exact)
{
	uint64_t	zero = (uint64_t) 1 << (bits - 1);
	uint64_t	low = (uint64_t) pow10_128(digits - 1);
	uint64_t	cut = (uint64_t) pow10_128(LEAD_DIGITS - digits);
	uint64_t	mag;

	*exact = l->sign == 0;
	if (l->sign == 0)
		return zero;
	if (l->e < emin)
		mag = 1;
	else if (l->e > emax)
		mag = 2 + (uint64_t) (emax - emin + 1) * 9 * low;
	else
	{
		mag = 2 + (uint64_t) (l->e - emin) * 9 * low + (l->digits / cut - low);
		*exact = !l->inexact && l->digits % cut == 0;
	}
	return l->sign > 0 ? zero + mag : zero - mag;
}

uint64_t
fr_value_abbrev(FrDec v, const FrUnit *u)
{
	Lead		l;
	bool		exact;

	value_lead(v, u, &l);
	return lead_code(&l, AB_VALUE_BITS, AB_DIGITS, AB_EMIN, AB_EMAX, &exact);
}

/* ================================================================= key */

/*
 * A finite lower bound takes the 48 bits as lo (27 bits: 6 digits,
 * exponents −24..23), its ε (1 bit) and the upper bound (20 bits: 4
 * digits, +∞ last) when lo's code is exact.  When it is not, lo lies
 * strictly between its code's value and the next: after every exact value
 * of that code when positive (the tail all ones), before them when
 * negative (the tail zero); out of the exponent range a constant tail.
 */
#define LO_BITS 27
#define LO_DIGITS 6
#define HI_BITS 20
#define HI_DIGITS 4
#define SMALL_EMIN (-24)
#define SMALL_EMAX 23

static uint64_t
lower_bound_part(const FrIndicator *v)
{
	Lead		l;
	bool		exact;
	uint64_t	lo;
	uint64_t	hi;
	uint64_t	tail;

	value_lead(v->lo, &v->unit, &l);
	lo = lead_code(&l, LO_BITS, LO_DIGITS, SMALL_EMIN, SMALL_EMAX, &exact);
	if (exact)
	{
		if (v->flags & FR_IND_HI_INF)
			hi = ((uint64_t) 1 << HI_BITS) - 1;
		else
		{
			value_lead(v->hi, &v->unit, &l);
			hi = lead_code(&l, HI_BITS, HI_DIGITS, SMALL_EMIN, SMALL_EMAX, &exact);
		}
		tail = ((v->flags & FR_IND_LO_INC) ? 0 : (uint64_t) 1 << HI_BITS) | hi;
	}
	else if (l.sign > 0 && l.e >= SMALL_EMIN && l.e <= SMALL_EMAX)
		tail = ((uint64_t) 1 << (HI_BITS + 1)) - 1;
	else
		tail = 0;
	return (lo << (HI_BITS + 1)) | tail;
}

uint64_t
fr_ind_abbrev(const FrIndicator *v)
{
	uint64_t	key = (uint64_t) 1 << 63;
	uint64_t	rank;

	if (v->flags & FR_IND_ANYUNIT)
		return 0;
	rank = dim_rank(v->unit.dim);
	key |= rank << (AB_VALUE_BITS + 1);
	if ((rank & 1) == 0)
		return key;
	if (!(v->flags & FR_IND_LO_INF))
		return key | ((uint64_t) 1 << AB_VALUE_BITS) | lower_bound_part(v);
	if (v->flags & FR_IND_HI_INF)
		return key | AB_INF;
	return key | fr_value_abbrev(v->hi, &v->unit);
}
