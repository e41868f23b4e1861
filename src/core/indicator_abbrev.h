/*
 * indicator_abbrev.h — abbreviated keys of the indicator btree order
 * (backend-free; indicator.c's sort support puts them under tuplesort).
 *
 * fr_ind_abbrev(v) is a 64-bit unsigned key that never contradicts
 * fr_ind_order (indicator_cmp.h): fr_ind_order(a, b) < 0 implies
 * key(a) <= key(b).  Equal keys say nothing, and the sort then calls
 * fr_ind_order itself, so the order is exactly the comparison function's.
 *
 * The key follows the order's own steps, as far as 64 bits take them:
 *   bit 63        0 for the unit-less ND (it sorts first), 1 otherwise
 *   bits 62..49   the dimension vector's rank among the dimensions of the
 *                 unit table and their products and quotients (odd: the
 *                 vector is there; even: between two, and nothing follows)
 *   bit 48        lower bound finite (−∞ first)
 *   bits 47..0    a finite lower bound: its value (27 bits: sign, decimal
 *                 exponent −24..23 and 6 significant digits), and when
 *                 those say it exactly, its inclusivity (1 bit) and the
 *                 upper bound (20 bits: 4 digits, +∞ last);
 *                 no lower bound: the upper bound (sign, exponent
 *                 −500..499, 11 digits; +∞ last).
 * Every value is taken in base units, exactly, and truncated (floor of
 * its magnitude).  Values that agree on all of that tie and are compared
 * in full.
 */
#ifndef FR_INDICATOR_ABBREV_H
#define FR_INDICATOR_ABBREV_H

#include <stdint.h>

#include "core/indicator_parse.h"

extern uint64_t fr_ind_abbrev(const FrIndicator *v);

/*
 * The order-preserving code of a value in base units, in [1, 2^48 - 2]:
 * a <= b (exactly, fr_value_cmp) implies code(a) <= code(b).
 */
extern uint64_t fr_value_abbrev(FrDec v, const FrUnit *u);

#endif							/* FR_INDICATOR_ABBREV_H */
