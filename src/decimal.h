/*
 * decimal.h — exact decimals (core/decimal.h) as SQL numerics, both ways.
 */
#ifndef FR_PG_DECIMAL_H
#define FR_PG_DECIMAL_H

#include "postgres.h"

#include "utils/numeric.h"

#include "core/decimal.h"

/* d as numeric, with its written scale (0.500 stays 0.500) */
extern Datum fr_dec_to_numeric(FrDec d);

/*
 * A numeric as an exact decimal with its scale.  `what` names the value in
 * the messages ("value", "measured value"): 22023 when it is NaN or
 * ±Infinity, 22003 when it has more digits than an FrDec keeps.
 */
extern FrDec fr_numeric_to_dec(Numeric n, const char *what);

#endif							/* FR_PG_DECIMAL_H */
