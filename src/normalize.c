/*
 * normalize_fn.c — SQL access to the input normalisation:
 * frontrunner.normalize_input(text) shows what the type parsers see.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "pgutil.h"

PG_FUNCTION_INFO_V1(fr_normalize_text);

Datum
fr_normalize_text(PG_FUNCTION_ARGS)
{
	char	   *in = text_to_cstring(PG_GETARG_TEXT_PP(0));
	size_t		len;
	char	   *out = fr_pg_normalize(in, &len, "text");

	PG_RETURN_TEXT_P(cstring_to_text(fr_pg_from_utf8(out)));
}
