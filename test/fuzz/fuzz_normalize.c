/*
 * fuzz_normalize.c — libFuzzer target for the input normalisation.
 * Properties: never crashes; output is valid UTF-8 when it succeeds;
 * normalisation is idempotent (normalising the output changes nothing).
 */
#include <stdint.h>
#include <string.h>

#include <unicode/ustring.h>

#include "arena.h"
#include "core/normalize.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FrError		err;
	char	   *out;
	char	   *again;
	size_t		outlen;
	size_t		againlen;

	fr_error_init(&err);
	if (fr_normalize((const char *) data, size, arena_alloc, &out, &outlen, &err))
	{
		fr_error_init(&err);
		if (!fr_normalize(out, outlen, arena_alloc, &again, &againlen, &err))
			abort();			/* output of a success must be valid input */
		if (againlen != outlen || memcmp(again, out, outlen) != 0)
			abort();			/* not idempotent */
	}
	arena_reset();
	return 0;
}
