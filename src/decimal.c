/*
 * decimal.c — exact decimals as SQL numerics, both ways; see decimal.h.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "decimal.h"

/*
 * coef / 10^scale with display scale = scale, the value and scale
 * numeric_in() gives the decimal text, built without the text round trip
 * (a negative scale, 13×10², is the integer 1300).
 */
Datum
fr_dec_to_numeric(FrDec d)
{
	int64		coef = d.coef;

	/* a power of ten's negative scale: its zeros (|value| < 10^18 fits) */
	for (int i = d.scale; i < 0; i++)
		coef *= 10;
	return NumericGetDatum(int64_div_fast_to_numeric(coef, Max(d.scale, 0)));
}

FrDec
fr_numeric_to_dec(Numeric n, const char *what)
{
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(n)));
	FrDec		d;
	size_t		used = 0;
	FrError		err;

	if (numeric_is_nan(n) || numeric_is_inf(n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s %s is not a finite number", what, s),
				 errhint("Give a finite decimal number.")));
	fr_error_init(&err);
	if (!fr_dec_parse(s, strlen(s), &used, &d, &err) || used != strlen(s))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s cannot be represented exactly", what, s),
				 err.detail[0] ? errdetail("%s", err.detail) : 0,
				 errhint("Exact values have at most %d significant digits and %d decimal places.",
						 FR_DEC_MAX_DIGITS, FR_DEC_MAX_SCALE)));
	return d;
}
