/*
 * decimal.h — exact decimal numbers as written in requirements.
 *
 * A value is coef × 10^(-scale).  The scale is the number of decimals as
 * written: "0.30" is {30, 2} and stays 0.30 (GB/T 8170 judges at the
 * limit's last written digit).  A power of ten keeps its written precision
 * as a negative scale: "13×10²" is {13, -2}, the value 1300 rounded to
 * hundreds.  Every value's exact decimal fits 18 digits (|value| < 10^18)
 * and 18 decimals.  No floating point anywhere.  Backend-free.
 */
#ifndef FR_DECIMAL_H
#define FR_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

/* at most 18 significant digits: every coef fits int64 with room */
#define FR_DEC_MAX_DIGITS 18
/* 10^FR_DEC_MAX_DIGITS: |coef| stays below */
#define FR_DEC_COEF_LIMIT INT64_C(1000000000000000000)
/* decimals as written: FR_DEC_MIN_SCALE .. FR_DEC_MAX_SCALE */
#define FR_DEC_MAX_SCALE 18
/* a negative scale: trailing zeros of a written power of ten (13×10²) */
#define FR_DEC_MIN_SCALE (-18)
/* room to print any FrDec: sign, 18 digits, point, leading "0.", NUL */
#define FR_DEC_BUFSZ 48

typedef struct FrDec
{
	int64_t		coef;			/* |coef| < 10^18 */
	int16_t		scale;			/* FR_DEC_MIN_SCALE .. FR_DEC_MAX_SCALE */
} FrDec;

/*
 * Parse an unsigned or signed decimal at s[0..len): [+-]digits[.digits] or
 * [+-].digits (no exponent, no thousands separators).  Stops at the first
 * character that cannot continue the number and stores the bytes consumed
 * in *used.  Too many digits is FR_ERR_RANGE (22003), no digit at all is
 * FR_ERR_SYNTAX.  Leading zeros are not significant ("007" = {7,0}).
 */
extern bool fr_dec_parse(const char *s, size_t len, size_t *used,
						 FrDec *out, FrError *err);

/* Exact three-way comparison of the values (0.30 and 0.3 compare equal). */
extern int	fr_dec_cmp(FrDec a, FrDec b);

/* True when the values are equal AND written with the same scale. */
extern bool fr_dec_identical(FrDec a, FrDec b);

/*
 * Print with exactly a.scale decimals ("0.30", "-5", "0.005"; a negative
 * scale as its trailing zeros: {13, -2} is "1300"); returns length.
 */
extern size_t fr_dec_format(FrDec a, char *buf);

/*
 * GB/T 8170 rounding: round a to `scale` decimals once, half to even
 * (drop < 5; raise > 5 or 5 followed by non-zero digits; exactly 5 → even).
 * When a.scale <= scale the value is returned with its scale raised to
 * `scale` (exact).  Fails with FR_ERR_RANGE only if the result does not fit.
 */
extern bool fr_dec_round_half_even(FrDec a, int scale, FrDec *out,
								   FrError *err);

/* Exact a + b, a - b (scale = max of the scales); FR_ERR_RANGE on overflow. */
extern bool fr_dec_add(FrDec a, FrDec b, FrDec *out, FrError *err);
extern bool fr_dec_sub(FrDec a, FrDec b, FrDec *out, FrError *err);

/* Exact a × b (scale = sum of scales, trailing zeros dropped to fit). */
extern bool fr_dec_mul(FrDec a, FrDec b, FrDec *out, FrError *err);

/* Exact a / 10^k (k >= 0: a percentage is fr_dec_div_pow10(a, 2)). */
extern bool fr_dec_div_pow10(FrDec a, int k, FrDec *out, FrError *err);

/* Value with trailing zeros removed (canonical form for hashing). */
extern FrDec fr_dec_strip(FrDec a);

/*
 * Is a valid: scale in range, |coef| < 10^18, and the exact decimal fits
 * 18 digits (for a negative scale, |coef| × 10^-scale < 10^18)?
 */
extern bool fr_dec_valid(FrDec a);

/*
 * a × 10^k keeping the written precision: the mantissa 1.0 with k = 4 is
 * {10, -3} (10000, precise to thousands), 5.0 with k = -3 is {50, 4}
 * (0.0050).  FR_ERR_RANGE (22003) when the exact decimal needs more than
 * 18 decimals or 18 digits, with a DETAIL saying which.
 */
extern bool fr_dec_scale10(FrDec a, int k, FrDec *out, FrError *err);

#endif							/* FR_DECIMAL_H */
