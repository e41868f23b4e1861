/*
 * fuzz_stdcode.c — libFuzzer target for the standard number parser.
 * Input: arbitrary bytes, normalised as the type input does, then parsed.
 * Properties: never crashes; a failure always says why (22P02 or 54000 with
 * a detail); on success the canonical text re-parses to the same canonical
 * text, sort key, kind, nature, year and offsets (so the key is a function
 * of the canonical text, and equality of text and order agree); the undated
 * form and the adopted standard are themselves valid standard numbers.
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "core/error.h"
#include "core/normalize.h"
#include "core/stdcode_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
must_parse(const char *s, size_t len, StdCode *sc)
{
	FrError		err;

	fr_error_init(&err);
	if (!std_parse(s, len, sc, &err))
		abort();				/* canonical output must be valid input */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FrError		err;
	char	   *norm;
	size_t		normlen;
	StdCode		a;
	StdCode		b;
	StdCode		c;

	fr_error_init(&err);
	if (!fr_normalize((const char *) data, size, arena_alloc, &norm, &normlen, &err))
	{
		arena_reset();
		return 0;
	}
	fr_error_init(&err);
	if (!std_parse(norm, normlen, &a, &err))
	{
		if ((err.code != FR_ERR_SYNTAX && err.code != FR_ERR_LIMIT) || err.detail[0] == '\0' ||
			!fr_error_is_sentence(err.detail) || !fr_error_is_sentence(err.hint))
			abort();			/* every failure says what is wrong, in sentences */
		arena_reset();
		return 0;
	}
	if (a.text_len <= 0 || a.text_len > STD_MAX_TEXT || (int) strlen(a.text) != a.text_len)
		abort();
	for (int i = 0; i < a.text_len; i++)
		if ((unsigned char) a.text[i] < 0x20 || (unsigned char) a.text[i] >= 0x7F)
			abort();			/* canonical text is printable ASCII */

	/* output -> input -> same value */
	must_parse(a.text, a.text_len, &b);
	if (strcmp(a.text, b.text) != 0 || a.key_len != b.key_len ||
		memcmp(a.key, b.key, a.key_len) != 0 || a.kind != b.kind ||
		a.nature != b.nature || a.year != b.year || a.prefix_len != b.prefix_len ||
		a.number_off != b.number_off || a.number_len != b.number_len ||
		a.undated_len != b.undated_len || a.adopts_off != b.adopts_off)
		abort();

	/* the undated form: valid, undated, its own undated form */
	must_parse(a.text, a.undated_len, &c);
	if (c.year != 0 || c.text_len != a.undated_len ||
		memcmp(c.text, a.text, a.undated_len) != 0 || c.kind != a.kind)
		abort();

	/* the adopted standard: valid, international or foreign */
	if (a.adopts_off >= 0)
	{
		must_parse(a.text + a.adopts_off, a.text_len - a.adopts_off, &c);
		if (c.kind != STD_KIND_INTERNATIONAL && c.kind != STD_KIND_FOREIGN)
			abort();
	}
	arena_reset();
	return 0;
}
