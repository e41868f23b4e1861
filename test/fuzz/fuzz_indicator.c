/*
 * fuzz_indicator.c — libFuzzer target for the indicator parser.
 * Input is normalised first, as the type input does.  Properties:
 *   - never crashes, never reads out of bounds;
 *   - a parsed value passes fr_indicator_check (what binary input demands);
 *   - canonical output reads back to an equal value whose output is
 *     byte-identical (output is a fixed point);
 *   - the Chinese ('zh') output reads back to an equal value;
 *   - the order is reflexive and <@ holds both ways for the round trip.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "core/error.h"
#include "core/indicator_cmp.h"
#include "core/indicator_parse.h"
#include "core/normalize.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
reread(const FrIndicator *v, FrIndStyle style)
{
	char		out[FR_IND_OUTSZ];
	char		again[FR_IND_OUTSZ];
	char	   *norm;
	size_t		normlen;
	FrIndicator w;
	FrError		err;
	size_t		n = fr_indicator_format(v, style, out);

	fr_error_init(&err);
	if (!fr_normalize(out, n, arena_alloc, &norm, &normlen, &err))
		abort();
	if (!fr_indicator_parse(norm, normlen, &w, &err))
		abort();				/* output must be valid input */
	if (fr_ind_order(v, &w) != 0 || !fr_ind_equal(v, &w) ||
		!fr_ind_contained(v, &w) || !fr_ind_contained(&w, v))
		abort();				/* and read back equal */
	if (style == FR_IND_STYLE_CANONICAL)
	{
		fr_indicator_format(&w, style, again);
		if (strcmp(out, again) != 0)
			abort();			/* canonical output is a fixed point */
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FrError		err;
	char	   *norm;
	size_t		normlen;
	FrIndicator v;

	fr_error_init(&err);
	if (fr_normalize((const char *) data, size, arena_alloc, &norm, &normlen, &err))
	{
		fr_error_init(&err);
		if (fr_indicator_parse(norm, normlen, &v, &err))
		{
			if (!fr_indicator_check(&v, &err))
				abort();
			if (fr_ind_order(&v, &v) != 0 || fr_ind_relation(&v, &v) != FR_REL_EQUAL)
				abort();
			reread(&v, FR_IND_STYLE_CANONICAL);
			reread(&v, FR_IND_STYLE_ZH);
		}
		else if (err.code == FR_OK || err.detail[0] == '\0' ||
				 !fr_error_is_sentence(err.detail) || !fr_error_is_sentence(err.hint))
			abort();			/* a failure always says why, in sentences */
	}
	arena_reset();
	return 0;
}
