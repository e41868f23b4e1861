/*
 * quantity.c — exact algebra of quantities (a decimal in a unit): three-way
 * comparison across units, the hash key of a value in base units, and
 * conversion between units.  See quantity.h.
 *
 * value in base units = coef × 10^-scale × num/den × 10^exp10 (+ offset for
 * a lone °C).  A comparison is a 128-bit product when it fits and a bignum
 * sum otherwise; a conversion is the exact rational P/Q × 10^k, printed
 * exactly when it terminates and rounded half to even otherwise.  No
 * floating point anywhere.  Backend-free.
 */
#include "core/quantity.h"

#include <stdio.h>
#include <string.h>

#include "core/bignum.h"

/* decimals a non-terminating conversion is rounded to at the most */
#define BN_MAX_SCALE 300

/* |c| · m1 · m2 · 10^e (e >= 0) */
static void
bn_term(FrBn *out, uint64_t c, uint64_t m1, uint64_t m2, int e)
{
	fr_bn_set(out, (fr_u128) c * m1);
	fr_bn_mul_u64(out, m2);
	if (e > 0)
		fr_bn_mul_pow10(out, e);
}

static uint64_t
abs64(int64_t v)
{
	return v < 0 ? (uint64_t) 0 - (uint64_t) v : (uint64_t) v;
}

/* a signed sum kept as two unsigned sums */
typedef struct Signed
{
	FrBn			pos;
	FrBn			neg;
} Signed;

static void
signed_init(Signed *s)
{
	fr_bn_set(&s->pos, 0);
	fr_bn_set(&s->neg, 0);
}

static void
signed_add(Signed *s, bool negative, const FrBn *t)
{
	fr_bn_add(negative ? &s->neg : &s->pos, t);
}

/* ========================================================== comparison */

/*
 * X = value × den × 10^-m in integers, where value (in base units, plus
 * the unit's offset) = X / den × 10^m, written into *s as a signed sum.
 * m must not exceed the exponents involved.
 */
static void
value_terms(Signed *s, FrDec v, const FrUnit *u, uint64_t extra, int m)
{
	FrBn			t;

	if (v.coef != 0)
	{
		bn_term(&t, abs64(v.coef), (uint64_t) u->factor.num, extra,
				u->factor.exp10 - v.scale - m);
		signed_add(s, v.coef < 0, &t);
	}
	if (u->has_offset && u->offset.coef != 0)
	{
		bn_term(&t, abs64(u->offset.coef), (uint64_t) u->factor.den, extra,
				-u->offset.scale - m);
		signed_add(s, u->offset.coef < 0, &t);
	}
}

static int
min_exp(FrDec v, const FrUnit *u)
{
	int			m = u->factor.exp10 - v.scale;

	if (u->has_offset && -u->offset.scale < m)
		m = -u->offset.scale;
	return m;
}

static int
cmp_general(FrDec a, const FrUnit *ua, FrDec b, const FrUnit *ub)
{
	Signed		sa,
				sb;
	int			ma = min_exp(a, ua),
				mb = min_exp(b, ub);
	int			m = ma < mb ? ma : mb;

	/* A × da × db × 10^-m  vs  B × da × db × 10^-m */
	signed_init(&sa);
	signed_init(&sb);
	value_terms(&sa, a, ua, (uint64_t) ub->factor.den, m);
	value_terms(&sb, b, ub, (uint64_t) ua->factor.den, m);
	/* A > B  ⟺  posA + negB > posB + negA */
	fr_bn_add(&sa.pos, &sb.neg);
	fr_bn_add(&sb.pos, &sa.neg);
	return fr_bn_cmp(&sa.pos, &sb.pos);
}

/* x × 10^k with overflow detection */
static bool
mul_pow10_128(fr_u128 *x, int k)
{
	for (; k > 0; k--)
		if (__builtin_mul_overflow(*x, (fr_u128) 10, x))
			return false;
	return true;
}

int
fr_value_cmp(FrDec a, const FrUnit *ua, FrDec b, const FrUnit *ub)
{
	int			sa,
				sb,
				ea,
				eb,
				r;
	fr_u128		x,
				y;

	/* the common case: same factor, same offset */
	if (fr_unit_same_scale(ua, ub))
		return fr_dec_cmp(a, b);

	if (!ua->has_offset && !ub->has_offset)
	{
		sa = (a.coef > 0) - (a.coef < 0);
		sb = (b.coef > 0) - (b.coef < 0);
		if (sa != sb)
			return sa > sb ? 1 : -1;
		if (sa == 0)
			return 0;
		/* |a|·na·db·10^ea  vs  |b|·nb·da·10^eb, in 128 bits when it fits */
		x = (fr_u128) abs64(a.coef) * (uint64_t) ua->factor.num;
		y = (fr_u128) abs64(b.coef) * (uint64_t) ub->factor.num;
		ea = ua->factor.exp10 - a.scale;
		eb = ub->factor.exp10 - b.scale;
		if (!__builtin_mul_overflow(x, (fr_u128) (uint64_t) ub->factor.den, &x) &&
			!__builtin_mul_overflow(y, (fr_u128) (uint64_t) ua->factor.den, &y) &&
			ea - eb < 40 && eb - ea < 40 &&
			mul_pow10_128(ea > eb ? &x : &y, ea > eb ? ea - eb : eb - ea))
		{
			r = (x > y) - (x < y);
			return sa > 0 ? r : -r;
		}
	}
	r = cmp_general(a, ua, b, ub);
	return r > 0 ? 1 : (r < 0 ? -1 : 0);
}

/* ================================================================== keys */

void
fr_value_key(FrDec v, const FrUnit *u, FrValueKey *key)
{
	fr_u128		x;
	uint64_t	den = (uint64_t) u->factor.den;
	int			m;
	int32_t		e2,
				e5;
	uint64_t	g;

	memset(key, 0, sizeof(*key));
	memcpy(key->dim, u->dim, sizeof(key->dim));
	key->den[0] = 1;

	if (!u->has_offset)
	{
		if (v.coef == 0)
			return;
		key->sign = v.coef < 0 ? -1 : 1;
		x = (fr_u128) abs64(v.coef) * (uint64_t) u->factor.num;
		m = u->factor.exp10 - v.scale;
	}
	else
	{
		Signed		s;
		FrBn		   *mag;

		m = min_exp(v, u);
		signed_init(&s);
		value_terms(&s, v, u, 1, m);
		if (fr_bn_cmp(&s.pos, &s.neg) == 0)
			return;
		if (fr_bn_cmp(&s.pos, &s.neg) > 0)
		{
			key->sign = 1;
			fr_bn_sub(&s.pos, &s.neg);
			mag = &s.pos;
		}
		else
		{
			key->sign = -1;
			fr_bn_sub(&s.neg, &s.pos);
			mag = &s.neg;
		}
		/* reduce by den while the magnitude is still a bignum */
		if (den > 1)
		{
			FrBn			t = *mag;

			g = fr_gcd64(fr_bn_div_u64(&t, den), den);
			if (g > 1)
			{
				fr_bn_div_u64(mag, g);
				den /= g;
			}
		}
		/* strip factors 10 until it fits 128 bits (parsed units: always) */
		while (mag->n > 2)
		{
			FrBn			t = *mag;

			if (fr_bn_div_u64(&t, 10) != 0)
				break;
			*mag = t;
			m++;
		}
		x = fr_bn_low128(mag);
		for (int i = 2; i < mag->n; i++)
			x ^= (fr_u128) mag->d[i] * (uint64_t) (i + 1);
	}
	if (den > 1)
	{
		g = (uint64_t) fr_gcd128(x % den, den);
		if (g > 1)
		{
			x /= g;
			den /= g;
		}
	}
	e2 = m;
	e5 = m;
	while (x != 0 && (x & 1) == 0)
	{
		x >>= 1;
		e2++;
	}
	while (x != 0 && x % 5 == 0)
	{
		x /= 5;
		e5++;
	}
	fr_strip25(&den, &e2, &e5, -1);
	key->exp2 = e2;
	key->exp5 = e5;
	key->num[0] = (uint64_t) x;
	key->num[1] = (uint64_t) (x >> 64);
	key->den[0] = den;
}

/* =========================================================== conversion */

/*
 * The exact result of converting v: sign × P / Q × 10^k, with P and Q
 * reduced.  Q = 2^a 5^b means a terminating decimal.
 */
typedef struct Conv
{
	int			sign;
	FrBn			P;
	FrBn			Q;
	int			k;
	bool		terminating;
	FrBn			C;				/* terminating: value = sign × C × 10^E */
	int			E;
} Conv;

static bool
convert_exact(FrDec v, const FrUnit *from, const FrUnit *to, Conv *c, FrError *err)
{
	Signed		s;
	int			m = min_exp(v, from);
	FrBn		   *mag;
	FrBn			q,
				r,
				g;
	fr_u128		qq,
				rr,
				gg;
	int			a2 = 0,
				b5 = 0,
				mx;

	if (to->has_offset && -to->offset.scale < m)
		m = -to->offset.scale;
	signed_init(&s);
	value_terms(&s, v, from, 1, m);
	if (to->has_offset && to->offset.coef != 0)
	{
		FrBn			t;

		bn_term(&t, abs64(to->offset.coef), (uint64_t) from->factor.den, 1,
				-to->offset.scale - m);
		signed_add(&s, to->offset.coef > 0, &t);
	}
	c->sign = fr_bn_cmp(&s.pos, &s.neg);
	if (c->sign >= 0)
	{
		fr_bn_sub(&s.pos, &s.neg);
		mag = &s.pos;
	}
	else
	{
		fr_bn_sub(&s.neg, &s.pos);
		mag = &s.neg;
	}
	c->P = *mag;
	fr_bn_mul_u64(&c->P, (uint64_t) to->factor.den);
	fr_bn_set(&c->Q, (fr_u128) (uint64_t) from->factor.den * (uint64_t) to->factor.num);
	c->k = m - to->factor.exp10;
	if (c->P.over || s.pos.over || s.neg.over || fr_bn_is_zero(&c->Q))
		return fr_error(err, FR_ERR_RANGE, -1, "The conversion is too large to compute exactly.");

	/* reduce P/Q (Q fits 128 bits) */
	qq = fr_bn_low128(&c->Q);
	if (!fr_bn_is_zero(&c->P))
	{
		fr_bn_divmod(&c->P, &c->Q, &q, &r);
		rr = fr_bn_low128(&r);
		gg = fr_gcd128(rr, qq);
		if (gg > 1)
		{
			fr_bn_set(&g, gg);
			fr_bn_divmod(&c->P, &g, &q, &r);
			c->P = q;
			qq /= gg;
		}
	}
	else
		qq = 1;
	fr_bn_set(&c->Q, qq);
	while ((qq & 1) == 0)
	{
		qq >>= 1;
		a2++;
	}
	while (qq % 5 == 0)
	{
		qq /= 5;
		b5++;
	}
	c->terminating = (qq == 1);
	if (c->terminating)
	{
		mx = a2 > b5 ? a2 : b5;
		c->C = c->P;
		for (int i = 0; i < mx - a2; i++)
			fr_bn_mul_u64(&c->C, 2);
		for (int i = 0; i < mx - b5; i++)
			fr_bn_mul_u64(&c->C, 5);
		c->E = c->k - mx;
		/* strip trailing zeros */
		while (!fr_bn_is_zero(&c->C))
		{
			FrBn			t = c->C;

			if (fr_bn_div_u64(&t, 10) != 0)
				break;
			c->C = t;
			c->E++;
		}
		if (fr_bn_is_zero(&c->C))
			c->E = 0;
		if (c->C.over)
			return fr_error(err, FR_ERR_RANGE, -1, "The conversion is too large to compute exactly.");
	}
	return true;
}

/*
 * Scale of an exact result: when the units differ by a power of ten the
 * written precision moves with it (1500 mL = 1.500 L, 0.30 % = 3000 mg/kg,
 * 373.15 K = 100.00 °C); otherwise the shortest exact form (0.50 h = 30
 * min, 1 kW·h = 3.6 MJ).  Never fewer decimals than the exact value needs.
 */
static int
convert_scale(FrDec v, const FrUnit *from, const FrUnit *to, const Conv *c)
{
	int			minimal = c->E < 0 ? -c->E : 0;
	int			desired;

	if (from->factor.num != to->factor.num || from->factor.den != to->factor.den)
		return minimal;
	desired = v.scale - (from->factor.exp10 - to->factor.exp10);
	return desired > minimal ? desired : minimal;
}

/* sign, digits of D, a point before the last `scale` digits */
static bool
format_scaled(int sign, const FrBn *D, int scale, char *buf, size_t cap,
			  FrError *err)
{
	char		digits[FR_BN_DIGITS_MAX];
	size_t		nd = fr_bn_to_digits(D, digits, sizeof(digits));
	size_t		n = 0;
	size_t		intlen = nd > (size_t) scale ? nd - scale : 0;
	size_t		need = (sign < 0 ? 1 : 0) + (intlen ? intlen : 1) + (scale > 0 ? scale + 1 : 0) + 1;

	if (nd == 0 || need > cap)
		return fr_error(err, FR_ERR_RANGE, -1,
						"The converted value needs %zu characters, more than %zu.",
						need - 1, cap > 0 ? cap - 1 : 0);
	if (sign < 0 && !fr_bn_is_zero(D))
		buf[n++] = '-';
	if (intlen == 0)
		buf[n++] = '0';
	else
	{
		memcpy(buf + n, digits, intlen);
		n += intlen;
	}
	if (scale > 0)
	{
		buf[n++] = '.';
		for (size_t z = nd; z < (size_t) scale; z++)
			buf[n++] = '0';
		memcpy(buf + n, digits + intlen, nd - intlen);
		n += nd - intlen;
	}
	buf[n] = '\0';
	return true;
}

bool
fr_value_convert_text(FrDec v, const FrUnit *from, const FrUnit *to,
					  int max_scale, char *buf, size_t cap, bool *exact,
					  FrError *err)
{
	Conv		c;

	if (!convert_exact(v, from, to, &c, err))
		return false;
	if (max_scale < 0)
		max_scale = 0;
	if (max_scale > BN_MAX_SCALE)
		max_scale = BN_MAX_SCALE;
	if (c.terminating)
	{
		int			scale = convert_scale(v, from, to, &c);
		FrBn			D = c.C;

		*exact = true;
		fr_bn_mul_pow10(&D, c.E + scale);
		if (D.over)
			return fr_error(err, FR_ERR_RANGE, -1, "The converted value is too large.");
		return format_scaled(c.sign, &D, scale, buf, cap, err);
	}
	else
	{
		/* round(P × 10^(k + max_scale) / Q), half to even */
		int			t = c.k + max_scale;
		FrBn			N = c.P,
					Dn = c.Q,
					q,
					r;

		*exact = false;
		if (t >= 0)
			fr_bn_mul_pow10(&N, t);
		else
			fr_bn_mul_pow10(&Dn, -t);
		if (N.over || Dn.over)
			return fr_error(err, FR_ERR_RANGE, -1, "The converted value is too large.");
		fr_bn_divmod(&N, &Dn, &q, &r);
		fr_bn_shl1(&r);
		{
			int			h = fr_bn_cmp(&r, &Dn);

			if (h > 0 || (h == 0 && q.n > 0 && (q.d[0] & 1)))
			{
				FrBn			one;

				fr_bn_set(&one, 1);
				fr_bn_add(&q, &one);
			}
		}
		return format_scaled(fr_bn_is_zero(&q) ? 1 : c.sign, &q, max_scale, buf, cap, err);
	}
}

bool
fr_value_convert(FrDec v, const FrUnit *from, const FrUnit *to, FrDec *out,
				 FrError *err)
{
	Conv		c;
	char		text[FR_BN_DIGITS_MAX + 8];
	size_t		used;
	int			scale;

	if (!convert_exact(v, from, to, &c, err))
		return false;
	if (!c.terminating)
		return fr_error(err, FR_ERR_RANGE, -1,
						"The converted value is not a terminating decimal.");
	/* the written scale if it fits, else the shortest exact form */
	scale = convert_scale(v, from, to, &c);
	for (int attempt = 0; attempt < 2; attempt++)
	{
		FrBn			D = c.C;
		int			digits;

		if (attempt == 1)
			scale = c.E < 0 ? -c.E : 0;
		fr_bn_mul_pow10(&D, c.E + scale);
		digits = (int) fr_bn_to_digits(&D, text, sizeof(text));
		if (D.over || digits == 0)
			continue;
		if (digits <= FR_DEC_MAX_DIGITS && scale <= FR_DEC_MAX_SCALE)
		{
			FrError		e2;

			fr_error_init(&e2);
			if (!format_scaled(c.sign, &D, scale, text, sizeof(text), &e2) ||
				!fr_dec_parse(text, strlen(text), &used, out, &e2))
				continue;
			return true;
		}
	}
	{
		char		shown[64];
		bool		ex;
		FrError		e3;

		fr_error_init(&e3);
		if (!fr_value_convert_text(v, from, to, 0, text, sizeof(text), &ex, &e3))
			snprintf(shown, sizeof(shown), "(too long to show)");
		else if (strlen(text) > 40)
			snprintf(shown, sizeof(shown), "%.36s…", text);
		else
			snprintf(shown, sizeof(shown), "%.40s", text);
		return fr_error(err, FR_ERR_RANGE, -1,
						"The converted value %s needs more than %d significant digits or %d decimal places.",
						shown, FR_DEC_MAX_DIGITS, FR_DEC_MAX_SCALE);
	}
}

