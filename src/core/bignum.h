/*
 * bignum.h — exact integer arithmetic for the unit algebra (backend-free).
 *
 * Unsigned fixed-width integers, little-endian 64-bit limbs, n = limbs in
 * use.  Units have |exp10| <= FR_UNIT_MAX_EXP10 and num, den < 2^63, so a
 * comparison needs under 900 bits and a conversion (at most 300 decimals)
 * under 3000: FR_BN_LIMBS × 64 = 4096 bits is never exceeded for parsed
 * units.  Should a hand-made FrUnit try, `over` is set instead of writing
 * out of bounds, and the caller refuses the result.
 */
#ifndef FR_BIGNUM_H
#define FR_BIGNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef unsigned __int128 fr_u128;

#define FR_BN_LIMBS 64

typedef struct FrBn
{
	int			n;
	bool		over;			/* a result did not fit FR_BN_LIMBS limbs */
	uint64_t	d[FR_BN_LIMBS];
} FrBn;

/* greatest common divisor (gcd(a, 0) = a) */
extern fr_u128 fr_gcd128(fr_u128 a, fr_u128 b);

static inline uint64_t
fr_gcd64(uint64_t a, uint64_t b)
{
	return (uint64_t) fr_gcd128(a, b);
}

/* remove the factors 2 and 5 of *x, adding sign × their counts to e2, e5 */
extern void fr_strip25(uint64_t *x, int32_t *e2, int32_t *e5, int sign);

extern void fr_bn_set(FrBn *a, fr_u128 v);
extern bool fr_bn_is_zero(const FrBn *a);
extern void fr_bn_mul_u64(FrBn *a, uint64_t m);
extern void fr_bn_mul_pow10(FrBn *a, int k);
extern void fr_bn_add(FrBn *a, const FrBn *b);
extern int	fr_bn_cmp(const FrBn *a, const FrBn *b);
/* a -= b, requires a >= b */
extern void fr_bn_sub(FrBn *a, const FrBn *b);
/* a /= m, returns the remainder */
extern uint64_t fr_bn_div_u64(FrBn *a, uint64_t m);
/* a <<= 1 */
extern void fr_bn_shl1(FrBn *a);
/* q = a / b, r = a % b (b != 0) */
extern void fr_bn_divmod(const FrBn *a, const FrBn *b, FrBn *q, FrBn *r);
/* the low 128 bits */
extern fr_u128 fr_bn_low128(const FrBn *a);
/* decimal digits of a into out (no sign, no leading zeros, "0" for 0); 0 if cap is too small */
extern size_t fr_bn_to_digits(const FrBn *a, char *out, size_t cap);

/* bytes fr_bn_to_digits may need (digits and the NUL) */
#define FR_BN_DIGITS_MAX (FR_BN_LIMBS * 20 + 1)

#endif							/* FR_BIGNUM_H */
