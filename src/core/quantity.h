/*
 * quantity.h — exact algebra of quantities, a decimal in a unit
 * (backend-free): comparison across units, hash keys, conversion.
 *
 * Values in different units compare exactly: ≤0.05 % = ≤500 mg/kg =
 * ≤0.5 g/kg; 1 kW·h = 3.6 MJ; 100 °C = 373.15 K; 0.5 h = 30 min.  The
 * arithmetic is integer (a 128-bit fast path, bignum.h beyond it), never
 * floating point.
 */
#ifndef FR_QUANTITY_H
#define FR_QUANTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/decimal.h"
#include "core/error.h"
#include "core/units.h"

/*
 * Exact three-way comparison of a (in ua) with b (in ub).  Precondition:
 * commensurable.  Never fails, never rounds: internally wide integers.
 */
extern int	fr_value_cmp(FrDec a, const FrUnit *ua, FrDec b, const FrUnit *ub);

/*
 * Convert v from one unit to another (commensurable).  Writes the decimal
 * text of the result into buf (cap bytes): exact when the result is a
 * terminating decimal, otherwise rounded half to even to max_scale decimals
 * and *exact set false.  Returns false with FR_ERR_RANGE if it cannot fit.
 */
extern bool fr_value_convert_text(FrDec v, const FrUnit *from,
								  const FrUnit *to, int max_scale,
								  char *buf, size_t cap, bool *exact,
								  FrError *err);

/*
 * Same, into an FrDec when the exact result fits (≤ 18 digits, scale ≤ 18);
 * false (FR_ERR_RANGE, with a DETAIL saying why) otherwise.
 */
extern bool fr_value_convert(FrDec v, const FrUnit *from, const FrUnit *to,
							 FrDec *out, FrError *err);

/*
 * Canonical key of a value in base units, for hashing: equal values (as
 * fr_value_cmp says) in commensurable units give identical keys, and the
 * key includes the dimension vector.  Fixed size; hash its bytes.
 */
typedef struct FrValueKey
{
	int8_t		dim[FR_UNIT_NDIM];
	int8_t		sign;
	uint8_t		pad[3];
	int32_t		exp2;
	int32_t		exp5;
	uint64_t	num[2];			/* odd part of the reduced rational, 128 bits */
	uint64_t	den[2];
} FrValueKey;

extern void fr_value_key(FrDec v, const FrUnit *u, FrValueKey *key);

#endif							/* FR_QUANTITY_H */
