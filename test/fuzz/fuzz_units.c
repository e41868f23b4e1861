/*
 * fuzz_units.c — libFuzzer target for the unit parser and unit algebra.
 *
 * Input: "unit_a|unit_b|value_a|value_b" (missing fields are allowed).
 * Properties:
 *   - fr_unit_parse never crashes, whatever the bytes;
 *   - a unit's canonical spelling re-parses to an identical unit with the
 *     same canonical spelling;
 *   - comparison is reflexive and antisymmetric, and agrees with the hash
 *     key (keys equal ⇔ values compare equal);
 *   - an exact conversion a → b gives a value that compares equal to the
 *     original and has the same key, and converting it back gives a value
 *     equal to the original;
 *   - (0.2.0) a power of ten applied to a decimal (negative scales: 13×10²
 *     is {13, -2}) stays a valid decimal whose text reads back equal, and
 *     a fraction qualifier applied to a unit, when accepted, makes it that
 *     fraction.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/quantity.h"
#include "core/units.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
parse_unit_checked(const char *s, size_t len, FrUnit *u)
{
	char		canon[FR_UNIT_MAXLEN];
	char		canon2[FR_UNIT_MAXLEN];
	FrUnit		again;
	FrError		err;

	fr_error_init(&err);
	if (!fr_unit_parse(s, len, u, canon, &err))
	{
		if (err.code == FR_OK || err.detail[0] == '\0' ||
			!fr_error_is_sentence(err.detail) || !fr_error_is_sentence(err.hint))
			abort();			/* a failure must say why, in sentences */
		return false;
	}
	fr_error_init(&err);
	if (!fr_unit_parse(canon, strlen(canon), &again, canon2, &err))
		abort();				/* canonical spelling must re-parse */
	if (memcmp(u, &again, sizeof(FrUnit)) != 0 || !fr_unit_identical(u, &again))
		abort();				/* ... to the identical unit */
	if (strcmp(canon, canon2) != 0)
		abort();				/* canonical spelling is a fixed point */
	return true;
}

static bool
parse_dec(const char *s, size_t len, FrDec *d)
{
	size_t		used;
	FrError		err;

	fr_error_init(&err);
	return len > 0 && fr_dec_parse(s, len, &used, d, &err) && used == len;
}

static bool
keys_equal(FrDec a, const FrUnit *ua, FrDec b, const FrUnit *ub)
{
	FrValueKey	ka,
				kb;

	fr_value_key(a, ua, &ka);
	fr_value_key(b, ub, &kb);
	return memcmp(&ka, &kb, sizeof(ka)) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	const char *field[4] = {NULL, NULL, NULL, NULL};
	size_t		flen[4] = {0, 0, 0, 0};
	int			nf = 0;
	size_t		start = 0;
	FrUnit		ua,
				ub;
	FrDec		va = {1, 0},
				vb = {1, 0};
	char		dimtext[FR_UNIT_MAXLEN * 2];

	for (size_t i = 0; i <= size && nf < 4; i++)
		if (i == size || s[i] == '|')
		{
			field[nf] = s + start;
			flen[nf] = i - start;
			nf++;
			start = i + 1;
		}
	/* decimals: format → parse is the identity, add/sub invert each other */
	if (nf > 2 && parse_dec(field[2], flen[2], &va))
	{
		char		text[FR_DEC_BUFSZ];
		FrDec		again,
					sum,
					back,
					rounded;
		FrError		err;

		fr_dec_format(va, text);
		if (!parse_dec(text, strlen(text), &again) || !fr_dec_identical(va, again))
			abort();
		if (nf > 3 && parse_dec(field[3], flen[3], &vb))
		{
			fr_error_init(&err);
			if (fr_dec_add(va, vb, &sum, &err))
			{
				fr_error_init(&err);
				if (!fr_dec_sub(sum, vb, &back, &err) || fr_dec_cmp(back, va) != 0)
					abort();
			}
			if (fr_dec_cmp(va, vb) != -fr_dec_cmp(vb, va))
				abort();
		}
		fr_error_init(&err);
		if (fr_dec_round_half_even(va, va.scale > 0 ? va.scale - 1 : 0, &rounded, &err) &&
			fr_dec_cmp(fr_dec_strip(va), va) != 0)
			abort();
		for (int k = -21; k <= 21; k += 3)
		{
			FrDec		p;
			FrUnit		one;

			memset(&one, 0, sizeof(one));
			one.factor.num = one.factor.den = 1;
			fr_error_init(&err);
			if (!fr_dec_scale10(va, k, &p, &err))
				continue;
			fr_dec_format(p, text);
			if (!fr_dec_valid(p) || !parse_dec(text, strlen(text), &again) ||
				fr_dec_cmp(again, p) != 0 || fr_value_cmp(p, &one, again, &one) != 0 ||
				!keys_equal(p, &one, again, &one) ||
				fr_dec_cmp(p, va) != (va.coef == 0 ? 0 : (va.coef > 0) == (k > 0) ? (k == 0 ? 0 : 1) : (k == 0 ? 0 : -1)))
				abort();
		}
		va.coef = 1;
		va.scale = 0;
		vb = va;
	}
	if (!parse_unit_checked(field[0], flen[0], &ua))
		return 0;
	fr_unit_dimension_text(&ua, dimtext, sizeof(dimtext));
	for (int q = FR_FRAC_MASS; q <= FR_FRAC_CONCENTRATION; q++)
	{
		FrUnit		u = ua;
		char		canon[FR_UNIT_MAXLEN];
		FrError		err;

		fr_error_init(&err);
		if (!fr_unit_parse(field[0], flen[0], &u, canon, &err))
			abort();
		fr_error_init(&err);
		if (fr_unit_apply_fraction(&u, canon, (FrFraction) q, &err) &&
			fr_unit_fraction(&u) != (FrFraction) q)
			abort();
	}
	if (nf < 2 || !parse_unit_checked(field[1], flen[1], &ub))
		return 0;
	if (nf > 2)
		parse_dec(field[2], flen[2], &va);
	if (nf > 3)
		parse_dec(field[3], flen[3], &vb);
	if (!fr_unit_commensurable(&ua, &ub))
		return 0;

	/* reflexive, antisymmetric, consistent with the key */
	if (fr_value_cmp(va, &ua, va, &ua) != 0 || !keys_equal(va, &ua, va, &ua))
		abort();
	{
		int			c1 = fr_value_cmp(va, &ua, vb, &ub);
		int			c2 = fr_value_cmp(vb, &ub, va, &ua);

		if (c1 != -c2 || c1 < -1 || c1 > 1)
			abort();
		if ((c1 == 0) != keys_equal(va, &ua, vb, &ub))
			abort();
	}
	/* exact conversion round trip */
	{
		FrDec		conv,
					back;
		FrError		err;
		char		buf[2048];
		bool		exact;

		fr_error_init(&err);
		if (fr_value_convert(va, &ua, &ub, &conv, &err))
		{
			if (fr_value_cmp(va, &ua, conv, &ub) != 0 || !keys_equal(va, &ua, conv, &ub))
				abort();
			/* the comparison's fast paths agree with the bignum conversion */
			if (fr_value_cmp(va, &ua, vb, &ub) != fr_dec_cmp(conv, vb))
				abort();
			fr_error_init(&err);
			if (fr_value_convert(conv, &ub, &ua, &back, &err) &&
				fr_dec_cmp(back, va) != 0)
				abort();
		}
		fr_error_init(&err);
		if (fr_value_convert_text(va, &ua, &ub, 30, buf, sizeof(buf), &exact, &err))
		{
			if (strlen(buf) >= sizeof(buf))
				abort();
		}
		else if (err.code == FR_OK)
			abort();
	}
	return 0;
}
