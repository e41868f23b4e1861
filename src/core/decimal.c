/*
 * decimal.c — exact decimals as written (coef × 10^-scale).  See decimal.h.
 *
 * Every operation is integer arithmetic: two aligned coefficients need at
 * most 18 + 18 decimal digits, which fits a signed 128-bit integer, so
 * comparison, addition and rounding are exact and never overflow silently.
 * Backend-free.
 */
#include "core/decimal.h"

#include <string.h>

typedef __int128 i128;

/* 10^0 .. 10^18 */
static const int64_t dec_pow10[19] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL
};


bool
fr_dec_parse(const char *s, size_t len, size_t *used, FrDec *out, FrError *err)
{
	size_t		i = 0;
	bool		neg = false;
	int64_t		coef = 0;
	int			sig = 0;		/* significant digits kept in coef */
	int			scale = 0;
	int			ndigits = 0;	/* digits seen, zeros included */

	if (i < len && (s[i] == '+' || s[i] == '-'))
	{
		neg = (s[i] == '-');
		i++;
	}
	/* integer part */
	while (i < len && s[i] >= '0' && s[i] <= '9')
	{
		int			d = s[i] - '0';

		if (sig > 0 || d != 0)
		{
			if (sig >= FR_DEC_MAX_DIGITS)
				return fr_error(err, FR_ERR_RANGE, (int) i,
								"A number has at most %d significant digits.",
								FR_DEC_MAX_DIGITS);
			coef = coef * 10 + d;
			sig++;
		}
		ndigits++;
		i++;
	}
	/* fraction: a point continues the number only when a digit follows */
	if (i + 1 < len && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9')
	{
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
		{
			int			d = s[i] - '0';

			if (scale >= FR_DEC_MAX_SCALE)
				return fr_error(err, FR_ERR_RANGE, (int) i,
								"A number has at most %d decimal places.",
								FR_DEC_MAX_SCALE);
			if (sig > 0 || d != 0)
			{
				if (sig >= FR_DEC_MAX_DIGITS)
					return fr_error(err, FR_ERR_RANGE, (int) i,
									"A number has at most %d significant digits.",
									FR_DEC_MAX_DIGITS);
				sig++;
			}
			coef = coef * 10 + d;
			scale++;
			ndigits++;
			i++;
		}
	}
	if (ndigits == 0)
		return fr_error(err, FR_ERR_SYNTAX, (int) i, "A number was expected.");
	out->coef = neg ? -coef : coef;
	out->scale = (int16_t) scale;
	*used = i;
	return true;
}

/* coef × 10^shift as a 128-bit integer (shift 0 .. 36: always fits) */
static inline i128
dec_shift(int64_t coef, int shift)
{
	i128		v = coef;

	while (shift > 18)
	{
		v *= dec_pow10[18];
		shift -= 18;
	}
	return v * dec_pow10[shift];
}

int
fr_dec_cmp(FrDec a, FrDec b)
{
	i128		x,
				y;

	if (a.scale == b.scale)
		return (a.coef > b.coef) - (a.coef < b.coef);
	/* different signs (or zero) decide without aligning */
	if ((a.coef < 0) != (b.coef < 0) || a.coef == 0 || b.coef == 0)
		return (a.coef > b.coef) - (a.coef < b.coef);
	if (a.scale < b.scale)
	{
		x = dec_shift(a.coef, b.scale - a.scale);
		y = b.coef;
	}
	else
	{
		x = a.coef;
		y = dec_shift(b.coef, a.scale - b.scale);
	}
	return (x > y) - (x < y);
}

bool
fr_dec_identical(FrDec a, FrDec b)
{
	return a.coef == b.coef && a.scale == b.scale;
}

size_t
fr_dec_format(FrDec a, char *buf)
{
	char		digits[24];
	int			nd = 0;
	uint64_t	mag;
	size_t		n = 0;
	int			scale = a.scale;

	mag = a.coef < 0 ? (uint64_t) 0 - (uint64_t) a.coef : (uint64_t) a.coef;
	do
	{
		digits[nd++] = (char) ('0' + mag % 10);
		mag /= 10;
	} while (mag > 0);
	/* at least scale + 1 digits: "0.005" */
	while (nd < scale + 1)
		digits[nd++] = '0';
	if (a.coef < 0)
		buf[n++] = '-';
	for (int i = nd - 1; i >= 0; i--)
	{
		buf[n++] = digits[i];
		if (i == scale && scale > 0)
			buf[n++] = '.';
	}
	/* a negative scale: the trailing zeros of a power of ten */
	for (int i = scale; i < 0 && a.coef != 0; i++)
		buf[n++] = '0';
	buf[n] = '\0';
	return n;
}

bool
fr_dec_valid(FrDec a)
{
	if (a.scale < FR_DEC_MIN_SCALE || a.scale > FR_DEC_MAX_SCALE ||
		a.coef >= FR_DEC_COEF_LIMIT || a.coef <= -FR_DEC_COEF_LIMIT)
		return false;
	/* a negative scale: the value itself below 10^18 */
	return a.scale >= 0 ||
		(a.coef < FR_DEC_COEF_LIMIT / dec_pow10[-a.scale] &&
		 a.coef > -FR_DEC_COEF_LIMIT / dec_pow10[-a.scale]);
}

/* store a 128-bit coefficient if the value fits FrDec */
static bool
dec_store(i128 v, int scale, FrDec *out, FrError *err)
{
	FrDec		d;

	d.coef = (v >= FR_DEC_COEF_LIMIT || v <= -FR_DEC_COEF_LIMIT) ? FR_DEC_COEF_LIMIT : (int64_t) v;
	d.scale = (int16_t) scale;
	if (!fr_dec_valid(d))
		return fr_error(err, FR_ERR_RANGE, -1,
						"The result has more than %d significant digits.",
						FR_DEC_MAX_DIGITS);
	*out = d;
	return true;
}

bool
fr_dec_scale10(FrDec a, int k, FrDec *out, FrError *err)
{
	int			scale = a.scale - k;
	FrDec		d;

	if (k > 60)
		return fr_error(err, FR_ERR_RANGE, -1,
						"The exact value has more than %d digits before the decimal point.",
						FR_DEC_MAX_DIGITS);
	if (k < -60 || scale > FR_DEC_MAX_SCALE)
		return fr_error(err, FR_ERR_RANGE, -1,
						"The exact value needs %d decimal places; an exact decimal keeps at most %d.",
						scale, FR_DEC_MAX_SCALE);
	d.coef = a.coef;
	d.scale = (int16_t) scale;
	if (scale < FR_DEC_MIN_SCALE || !fr_dec_valid(d))
		return fr_error(err, FR_ERR_RANGE, -1,
						"The exact value has more than %d digits before the decimal point.",
						FR_DEC_MAX_DIGITS);
	*out = d;
	return true;
}

bool
fr_dec_round_half_even(FrDec a, int scale, FrDec *out, FrError *err)
{
	int64_t		div,
				q,
				r,
				mag,
				half;

	if (scale < 0 || scale > FR_DEC_MAX_SCALE)
		return fr_error(err, FR_ERR_ARGUMENT, -1,
						"The rounding scale %d is outside 0 .. %d.",
						scale, FR_DEC_MAX_SCALE);
	if (a.scale <= scale)
		return dec_store(dec_shift(a.coef, scale - a.scale), scale, out, err);

	div = dec_pow10[a.scale - scale];
	mag = a.coef < 0 ? -a.coef : a.coef;
	q = mag / div;
	r = mag % div;
	half = div / 2;				/* div is a power of ten >= 10: even */
	if (r > half || (r == half && (q & 1) == 1))
		q++;
	out->coef = a.coef < 0 ? -q : q;
	out->scale = (int16_t) scale;
	return true;
}

static bool
dec_addsub(FrDec a, FrDec b, bool negate_b, FrDec *out, FrError *err)
{
	int			scale = a.scale > b.scale ? a.scale : b.scale;
	i128		x = dec_shift(a.coef, scale - a.scale);
	i128		y = dec_shift(b.coef, scale - b.scale);

	return dec_store(negate_b ? x - y : x + y, scale, out, err);
}

bool
fr_dec_add(FrDec a, FrDec b, FrDec *out, FrError *err)
{
	return dec_addsub(a, b, false, out, err);
}

bool
fr_dec_sub(FrDec a, FrDec b, FrDec *out, FrError *err)
{
	return dec_addsub(a, b, true, out, err);
}

FrDec
fr_dec_strip(FrDec a)
{
	if (a.coef == 0)
	{
		a.scale = 0;
		return a;
	}
	while (a.scale > 0 && a.coef % 10 == 0)
	{
		a.coef /= 10;
		a.scale--;
	}
	return a;
}

/* Fit coef × 10^-scale into an FrDec, dropping trailing zeros if needed. */
static bool
dec_fit(i128 coef, int scale, FrDec *out, FrError *err)
{
	while ((coef >= FR_DEC_COEF_LIMIT || coef <= -FR_DEC_COEF_LIMIT ||
			scale > FR_DEC_MAX_SCALE) && scale > 0 && coef % 10 == 0)
	{
		coef /= 10;
		scale--;
	}
	while (scale < 0)
	{
		if (coef >= FR_DEC_COEF_LIMIT / 10 || coef <= -FR_DEC_COEF_LIMIT / 10)
			break;
		coef *= 10;
		scale++;
	}
	if (coef >= FR_DEC_COEF_LIMIT || coef <= -FR_DEC_COEF_LIMIT ||
		scale > FR_DEC_MAX_SCALE || scale < 0)
		return fr_error(err, FR_ERR_RANGE, -1,
						"The result needs more than %d significant digits or %d decimals.",
						FR_DEC_MAX_DIGITS, FR_DEC_MAX_SCALE);
	out->coef = (int64_t) coef;
	out->scale = (int16_t) scale;
	return true;
}

bool
fr_dec_mul(FrDec a, FrDec b, FrDec *out, FrError *err)
{
	return dec_fit((i128) a.coef * (i128) b.coef, a.scale + b.scale, out, err);
}

bool
fr_dec_div_pow10(FrDec a, int k, FrDec *out, FrError *err)
{
	return dec_fit((i128) a.coef, a.scale + k, out, err);
}
