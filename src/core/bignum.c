/*
 * bignum.c — the exact integer arithmetic under the unit algebra: gcd, the
 * powers of 2 and 5 of an integer, and fixed-width unsigned bignums.  See
 * bignum.h.  Backend-free.
 */
#include "core/bignum.h"

#include <string.h>

/* ================================================================ integers */

fr_u128
fr_gcd128(fr_u128 a, fr_u128 b)
{
	while (b != 0)
	{
		fr_u128		t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* remove the factors 2 and 5 of *x, adding sign × their counts to e2, e5 */
void
fr_strip25(uint64_t *x, int32_t *e2, int32_t *e5, int sign)
{
	if (*x == 0)
		return;
	while ((*x & 1) == 0)
	{
		*x >>= 1;
		*e2 += sign;
	}
	while (*x % 5 == 0)
	{
		*x /= 5;
		*e5 += sign;
	}
}

/* ================================================================ bignums */


void
fr_bn_set(FrBn *a, fr_u128 v)
{
	a->over = false;
	a->n = 0;
	while (v != 0)
	{
		a->d[a->n++] = (uint64_t) v;
		v >>= 64;
	}
}

bool
fr_bn_is_zero(const FrBn *a)
{
	return a->n == 0;
}

void
fr_bn_mul_u64(FrBn *a, uint64_t m)
{
	fr_u128		carry = 0;

	if (m == 0)
	{
		a->n = 0;
		return;
	}
	for (int i = 0; i < a->n; i++)
	{
		fr_u128		t = (fr_u128) a->d[i] * m + carry;

		a->d[i] = (uint64_t) t;
		carry = t >> 64;
	}
	if (carry != 0)
	{
		if (a->n >= FR_BN_LIMBS)
			a->over = true;
		else
			a->d[a->n++] = (uint64_t) carry;
	}
}

static const uint64_t pow10_19 = 10000000000000000000ULL;

void
fr_bn_mul_pow10(FrBn *a, int k)
{
	uint64_t	m = 1;

	for (; k >= 19 && !a->over; k -= 19)
		fr_bn_mul_u64(a, pow10_19);
	for (; k > 0; k--)
		m *= 10;
	fr_bn_mul_u64(a, m);
}

void
fr_bn_add(FrBn *a, const FrBn *b)
{
	fr_u128		carry = 0;
	int			n = a->n > b->n ? a->n : b->n;

	for (int i = 0; i < n; i++)
	{
		fr_u128		t = carry;

		if (i < a->n)
			t += a->d[i];
		if (i < b->n)
			t += b->d[i];
		a->d[i] = (uint64_t) t;
		carry = t >> 64;
	}
	a->n = n;
	if (carry != 0)
	{
		if (a->n >= FR_BN_LIMBS)
			a->over = true;
		else
			a->d[a->n++] = (uint64_t) carry;
	}
	a->over |= b->over;
}

int
fr_bn_cmp(const FrBn *a, const FrBn *b)
{
	if (a->n != b->n)
		return a->n > b->n ? 1 : -1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->d[i] != b->d[i])
			return a->d[i] > b->d[i] ? 1 : -1;
	return 0;
}

/* a -= b, requires a >= b */
void
fr_bn_sub(FrBn *a, const FrBn *b)
{
	uint64_t	borrow = 0;

	for (int i = 0; i < a->n; i++)
	{
		uint64_t	bi = i < b->n ? b->d[i] : 0;
		fr_u128		t = (fr_u128) a->d[i] - bi - borrow;

		a->d[i] = (uint64_t) t;
		borrow = (t >> 64) != 0 ? 1 : 0;
	}
	while (a->n > 0 && a->d[a->n - 1] == 0)
		a->n--;
}

/* a /= m, returns the remainder */
uint64_t
fr_bn_div_u64(FrBn *a, uint64_t m)
{
	fr_u128		r = 0;

	for (int i = a->n - 1; i >= 0; i--)
	{
		fr_u128		t = (r << 64) | a->d[i];

		a->d[i] = (uint64_t) (t / m);
		r = t % m;
	}
	while (a->n > 0 && a->d[a->n - 1] == 0)
		a->n--;
	return (uint64_t) r;
}

static int
fr_bn_bits(const FrBn *a)
{
	if (a->n == 0)
		return 0;
	return (a->n - 1) * 64 + (64 - __builtin_clzll(a->d[a->n - 1]));
}

void
fr_bn_shl1(FrBn *a)
{
	uint64_t	carry = 0;

	for (int i = 0; i < a->n; i++)
	{
		uint64_t	next = a->d[i] >> 63;

		a->d[i] = (a->d[i] << 1) | carry;
		carry = next;
	}
	if (carry != 0)
	{
		if (a->n >= FR_BN_LIMBS)
			a->over = true;
		else
			a->d[a->n++] = carry;
	}
}

/* q = a / b, r = a % b (b != 0): binary long division */
void
fr_bn_divmod(const FrBn *a, const FrBn *b, FrBn *q, FrBn *r)
{
	int			bits = fr_bn_bits(a);

	fr_bn_set(q, 0);
	fr_bn_set(r, 0);
	q->n = a->n;
	memset(q->d, 0, sizeof(uint64_t) * a->n);
	for (int i = bits - 1; i >= 0; i--)
	{
		fr_bn_shl1(r);
		if ((a->d[i / 64] >> (i % 64)) & 1)
		{
			if (r->n == 0)
			{
				r->n = 1;
				r->d[0] = 0;
			}
			r->d[0] |= 1;
		}
		if (fr_bn_cmp(r, b) >= 0)
		{
			fr_bn_sub(r, b);
			q->d[i / 64] |= (uint64_t) 1 << (i % 64);
		}
	}
	while (q->n > 0 && q->d[q->n - 1] == 0)
		q->n--;
}

/* the low 128 bits */
fr_u128
fr_bn_low128(const FrBn *a)
{
	fr_u128		v = 0;

	if (a->n > 1)
		v = (fr_u128) a->d[1] << 64;
	if (a->n > 0)
		v |= a->d[0];
	return v;
}

/* decimal digits of a into out (no sign, no leading zeros, "0" for 0) */
size_t
fr_bn_to_digits(const FrBn *a, char *out, size_t cap)
{
	FrBn			t = *a;
	char		rev[FR_BN_DIGITS_MAX];
	size_t		n = 0;

	if (fr_bn_is_zero(&t))
		rev[n++] = '0';
	while (!fr_bn_is_zero(&t))
	{
		uint64_t	chunk = fr_bn_div_u64(&t, pow10_19);

		for (int j = 0; j < 19; j++)
		{
			rev[n++] = (char) ('0' + chunk % 10);
			chunk /= 10;
			if (fr_bn_is_zero(&t) && chunk == 0)
				break;
		}
	}
	if (n + 1 > cap)
		return 0;
	for (size_t j = 0; j < n; j++)
		out[j] = rev[n - 1 - j];
	out[n] = '\0';
	return n;
}

