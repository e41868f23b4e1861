/*
 * fuzz_uscc.c — libFuzzer target for the USCC parser (after normalisation,
 * as the server runs it).  Properties: never crashes; an accepted code is
 * 18 alphabet characters with digits in positions 3-8 (weak or not); its unchecked mark agrees with the check
 * character; it re-parses to itself; strict parsing accepts it exactly when
 * it is checked (or carries the "!").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "core/error.h"
#include "core/normalize.h"
#include "core/uscc_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FrError		err;
	char	   *norm;
	size_t		len;
	char		code[FR_USCC_LEN];
	char		again[FR_USCC_LEN];
	bool		unchecked;
	bool		unchecked2;

	fr_error_init(&err);
	if (!fr_normalize((const char *) data, size, arena_alloc, &norm, &len, &err))
		goto done;
	fr_error_init(&err);
	if (!fr_uscc_parse(norm, len, true, code, &unchecked, &err))
	{
		if (err.code != FR_ERR_SYNTAX || err.detail[0] == '\0' ||
			!fr_error_is_sentence(err.detail) || !fr_error_is_sentence(err.hint))
			abort();			/* every refusal is a 22P02 with a DETAIL */
		goto done;
	}
	for (int i = 0; i < FR_USCC_LEN; i++)
		if (fr_uscc_char_value(code[i]) < 0 || (i >= 2 && i < 8 && (code[i] < '0' || code[i] > '9')))
			abort();			/* the alphabet; digits in the division code */
	if (unchecked != (fr_uscc_check_char(code) != code[17]))
		abort();
	fr_error_init(&err);
	if (!fr_uscc_parse(code, FR_USCC_LEN, false, again, &unchecked2, &err))
	{
		if (!unchecked)
			abort();			/* a checked code must pass strict parsing */
	}
	else if (unchecked || memcmp(code, again, FR_USCC_LEN) != 0)
		abort();
	if (fr_uscc_complete(code, FR_USCC_LEN - 1, again, &err) &&
		again[17] != fr_uscc_check_char(code))
		abort();
done:
	arena_reset();
	return 0;
}
