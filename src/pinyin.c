/*
 * pinyin.c — romanisation of enterprise names for search:
 *
 *   frontrunner.pinyin(text)         → '格力电器' → 'ge li dian qi'
 *   frontrunner.pinyin_compact(text) → '格力电器' → 'gelidianqi'
 *
 * The text is NFKC-folded (fr_normalize: full-width letters and digits become
 * ASCII), then run through the ICU transform "Han-Latin; Latin-ASCII; Lower":
 * Han characters become toneless pinyin syllables, accented Latin letters
 * lose their accents, everything is lower case.  The spaced form collapses
 * every run of white space to one space and trims; the compact form keeps
 * only the ASCII letters and digits, so that what a user types ("geli",
 * "GeLi", "ge li") matches by prefix once passed through the same function.
 *
 * ICU picks one reading for polyphonic characters (重庆 → "zhong qing"):
 * that is ICU's dictionary, documented as a limitation.
 *
 * The transliterator is opened once per backend and kept.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/memutils.h"
#include "utils/builtins.h"

#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "pgutil.h"

PG_FUNCTION_INFO_V1(fr_pinyin);
PG_FUNCTION_INFO_V1(fr_pinyin_compact);

#define FR_PINYIN_TRANSFORM "Han-Latin; Latin-ASCII; Lower"

static UTransliterator *fr_pinyin_trans = NULL;

static UTransliterator *
fr_pinyin_transliterator(void)
{
	UChar		id[64];
	UParseError perr;
	UErrorCode	status = U_ZERO_ERROR;
	UTransliterator *t;

	if (fr_pinyin_trans != NULL)
		return fr_pinyin_trans;

	u_uastrcpy(id, FR_PINYIN_TRANSFORM);
	t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, &perr, &status);
	if (U_FAILURE(status) || t == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
				 errmsg("could not open the ICU transliterator \"%s\"",
						FR_PINYIN_TRANSFORM),
				 errdetail("ICU error: %s.", u_errorName(status)),
				 errhint("Check that the ICU data installed with the server includes the Han-Latin transform.")));
	fr_pinyin_trans = t;
	return t;
}

/*
 * Transliterate UTF-8 text; returns a palloc'd UTF-8 string of ASCII
 * characters (Latin-ASCII leaves characters it cannot map, which the callers
 * then filter).
 */
static char *
fr_pinyin_utf8(const char *in, size_t inlen, int32_t *outlen)
{
	UTransliterator *t = fr_pinyin_transliterator();
	UErrorCode	status = U_ZERO_ERROR;
	int32_t		ulen;
	int32_t		cap;
	int32_t		limit;
	int32_t		textlen;
	UChar	   *src;
	UChar	   *buf;
	char	   *out;
	int32_t		olen;

	if (inlen > (size_t) (MaxAllocSize / 32))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("text too long for pinyin transliteration"),
				 errdetail("The text has %zu bytes; the limit is %zu.",
						   inlen, (size_t) (MaxAllocSize / 32))));

	/* UTF-8 -> UTF-16 */
	u_strFromUTF8(NULL, 0, &ulen, in, (int32_t) inlen, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("invalid UTF-8 in pinyin input"),
				 errdetail("ICU error: %s.", u_errorName(status))));
	status = U_ZERO_ERROR;
	src = palloc((ulen + 1) * sizeof(UChar));
	u_strFromUTF8(src, ulen + 1, NULL, in, (int32_t) inlen, &status);
	if (U_FAILURE(status))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("invalid UTF-8 in pinyin input"),
				 errdetail("ICU error: %s.", u_errorName(status))));

	/* one Han character gives at most 6 letters and a space */
	cap = ulen * 8 + 16;
	for (;;)
	{
		buf = palloc(cap * sizeof(UChar));
		memcpy(buf, src, ulen * sizeof(UChar));
		textlen = ulen;
		limit = ulen;
		status = U_ZERO_ERROR;
		utrans_transUChars(t, buf, &textlen, cap, 0, &limit, &status);
		if (status == U_BUFFER_OVERFLOW_ERROR && cap < ulen * 64 + 64)
		{
			pfree(buf);
			cap = cap * 4;
			continue;
		}
		if (U_FAILURE(status))
			ereport(ERROR,
					(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
					 errmsg("pinyin transliteration failed"),
					 errdetail("ICU error: %s.", u_errorName(status))));
		break;
	}

	/* UTF-16 -> UTF-8 */
	status = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &olen, buf, textlen, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
				 errmsg("pinyin transliteration failed"),
				 errdetail("ICU error: %s.", u_errorName(status))));
	status = U_ZERO_ERROR;
	out = palloc(olen + 1);
	u_strToUTF8(out, olen + 1, NULL, buf, textlen, &status);
	if (U_FAILURE(status))
		ereport(ERROR,
				(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
				 errmsg("pinyin transliteration failed"),
				 errdetail("ICU error: %s.", u_errorName(status))));
	pfree(buf);
	pfree(src);
	*outlen = olen;
	return out;
}

/*
 * Shared body: normalise, transliterate, then keep the ASCII letters and
 * digits; in the spaced form every other run of characters (spaces,
 * punctuation, brackets, characters ICU left untouched) becomes one space
 * between words.
 */
static text *
fr_pinyin_text(text *arg, bool compact)
{
	char	   *in = text_to_cstring(arg);
	size_t		nlen;
	char	   *norm = fr_pg_normalize(in, &nlen, "text");
	int32_t		tlen;
	char	   *tr = fr_pinyin_utf8(norm, nlen, &tlen);
	char	   *res = palloc(tlen + 1);
	int			n = 0;
	bool		gap = false;

	for (int i = 0; i < tlen; i++)
	{
		unsigned char c = (unsigned char) tr[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		{
			if (gap && n > 0 && !compact)
				res[n++] = ' ';
			gap = false;
			res[n++] = (char) c;
		}
		else if (c >= 'A' && c <= 'Z')
		{
			/* "Lower" folds these; kept for safety with odd ICU data */
			if (gap && n > 0 && !compact)
				res[n++] = ' ';
			gap = false;
			res[n++] = (char) (c - 'A' + 'a');
		}
		else
			gap = true;
	}
	res[n] = '\0';
	return cstring_to_text_with_len(res, n);
}

Datum
fr_pinyin(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(fr_pinyin_text(PG_GETARG_TEXT_PP(0), false));
}

Datum
fr_pinyin_compact(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(fr_pinyin_text(PG_GETARG_TEXT_PP(0), true));
}
