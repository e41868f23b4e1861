/*
 * normalize.c — ICU NFKC plus the domain folding; see normalize.h.
 */
#include "core/normalize.h"

#include <string.h>

#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

/* Longest input we accept: type literals are short; this bounds memory. */
#define FR_NORMALIZE_MAX_INPUT (64 * 1024)

bool
fr_is_ascii(const char *s, size_t len)
{
	size_t		i = 0;

	/* word-at-a-time scan: input functions call this on every value */
	for (; i + 8 <= len; i += 8)
	{
		unsigned long long w;

		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			return false;
	}
	for (; i < len; i++)
		if ((unsigned char) s[i] & 0x80)
			return false;
	return true;
}

/* a byte below 0x20 in s[0..len) (7-bit bytes: NUL, tab, line breaks, …) */
static bool
ascii_has_control(const char *s, size_t len)
{
	const unsigned long long ones = 0x0101010101010101ULL;
	size_t		i = 0;

	/* a byte below 0x20 in a word of 7-bit bytes: (w - 0x20…) borrows into bit 7 */
	for (; i + 8 <= len; i += 8)
	{
		unsigned long long w;

		memcpy(&w, s + i, 8);
		if ((w - ones * 0x20) & ~w & (ones * 0x80))
			return true;
	}
	for (; i < len; i++)
		if ((unsigned char) s[i] < 0x20)
			return true;
	return false;
}

/* superscript code point -> ASCII character, or 0 */
static char
superscript_ascii(UChar32 c)
{
	switch (c)
	{
		case 0x2070:
			return '0';
		case 0x00B9:
			return '1';
		case 0x00B2:
			return '2';
		case 0x00B3:
			return '3';
		case 0x2074:
		case 0x2075:
		case 0x2076:
		case 0x2077:
		case 0x2078:
		case 0x2079:
			return (char) ('4' + (c - 0x2074));
		case 0x207A:
			return '+';
		case 0x207B:
			return '-';
		default:
			return 0;
	}
}

#define FOLD_DROP (-1)

/*
 * The domain folding NFKC does not do.  Returns the replacement code point,
 * FOLD_DROP to drop the character, or c itself.
 */
static UChar32
post_fold(UChar32 c)
{
	switch (c)
	{
		case 0x2266:			/* ≦ */
			return 0x2264;		/* ≤ */
		case 0x2267:			/* ≧ */
			return 0x2265;		/* ≥ */
		case 0x2010:			/* hyphen */
		case 0x2011:			/* non-breaking hyphen */
		case 0x2012:			/* figure dash */
		case 0x2013:			/* en dash */
		case 0x2014:			/* em dash */
		case 0x2015:			/* horizontal bar */
		case 0x2212:			/* minus sign */
		case 0x2E3A:			/* two-em dash */
		case 0x2E3B:			/* three-em dash */
		case 0x30FC:			/* katakana prolonged sound mark, seen as a dash */
			return '-';
		case 0x301C:			/* wave dash 〜 */
		case 0x223C:			/* tilde operator */
		case 0x2053:			/* swung dash */
			return '~';
		case 0x22C5:			/* dot operator */
		case 0x2219:			/* bullet operator */
		case 0x2022:			/* bullet */
		case 0x30FB:			/* katakana middle dot */
		case 0x2027:			/* hyphenation point */
			return 0x00B7;		/* middle dot */
		case 0x200B:			/* zero-width space */
		case 0x200C:
		case 0x200D:
		case 0x2060:			/* word joiner */
		case 0xFEFF:			/* BOM */
			return FOLD_DROP;
		case '\t':
		case '\n':
		case '\r':
		case 0x3000:			/* ideographic space (NFKC does it too) */
			return ' ';
		default:
			return c;
	}
}

static bool
append16(UChar *buf, int32_t cap, int32_t *n, UChar32 c)
{
	if (*n + 2 > cap)
		return false;
	if (c <= 0xFFFF)
		buf[(*n)++] = (UChar) c;
	else
	{
		buf[(*n)++] = U16_LEAD(c);
		buf[(*n)++] = U16_TRAIL(c);
	}
	return true;
}

static bool
ascii_copy(const char *in, size_t len, FrAllocFn alloc, char **out,
		   size_t *outlen)
{
	char	   *s = alloc(len + 1);

	memcpy(s, in, len);
	s[len] = '\0';
	/* the ASCII subset of the folding: control whitespace -> space */
	if (ascii_has_control(in, len))
		for (size_t i = 0; i < len; i++)
			if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
				s[i] = ' ';
	*out = s;
	*outlen = len;
	return true;
}

/*
 * Apply fold() to in[0..n) into a new buffer; *changed tells whether any
 * character was replaced or dropped.
 */
static UChar *
fold16(const UChar *in, int32_t n, FrAllocFn alloc, int32_t *nout,
	   bool *changed)
{
	int32_t		cap = n + 2;
	UChar	   *out = alloc(sizeof(UChar) * cap);
	int32_t		i;

	*nout = 0;
	*changed = false;
	for (i = 0; i < n;)
	{
		UChar32		c;
		UChar32		f;

		U16_NEXT(in, i, n, c);
		f = post_fold(c);
		if (f != c)
			*changed = true;
		if (f != FOLD_DROP)
			(void) append16(out, cap, nout, f);
	}
	return out;
}

/* NFKC of in[0..n) into a new buffer */
static UChar *
nfkc16(const UChar *in, int32_t n, FrAllocFn alloc, int32_t *nout,
	   FrError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
	UChar	   *out;
	int32_t		len;

	if (U_FAILURE(status))
	{
		fr_error(err, FR_ERR_INTERNAL, -1,
				 "The ICU NFKC normaliser is unavailable: %s.", u_errorName(status));
		return NULL;
	}
	len = unorm2_normalize(nfkc, in, n, NULL, 0, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
	{
		fr_error(err, FR_ERR_INTERNAL, -1,
				 "ICU NFKC normalisation failed: %s.", u_errorName(status));
		return NULL;
	}
	status = U_ZERO_ERROR;
	out = alloc(sizeof(UChar) * (len + 1));
	len = unorm2_normalize(nfkc, in, n, out, len + 1, &status);
	if (U_FAILURE(status))
	{
		fr_error(err, FR_ERR_INTERNAL, -1,
				 "ICU NFKC normalisation failed: %s.", u_errorName(status));
		return NULL;
	}
	*nout = len;
	return out;
}

bool
fr_normalize_is_identity(const char *in, size_t len)
{
	const unsigned long long ones = 0x0101010101010101ULL;
	size_t		i = 0;

	if (len > FR_NORMALIZE_MAX_INPUT)
		return false;
	/* fr_is_ascii and ascii_has_control in one pass: a byte >= 0x80 or < 0x20 */
	for (; i + 8 <= len; i += 8)
	{
		unsigned long long w;

		memcpy(&w, in + i, 8);
		if ((w | ((w - ones * 0x20) & ~w)) & (ones * 0x80))
			return false;
	}
	for (; i < len; i++)
		if ((unsigned char) in[i] >= 0x80 || (unsigned char) in[i] < 0x20)
			return false;
	return true;
}

/*
 * Non-ASCII path: superscripts -> ^n, fold, NFKC, fold again; when that
 * last fold changed something (NFKC can produce foldable characters, and a
 * folded character can compose with a following combining mark), NFKC once
 * more.  The result is a fixpoint: normalising it again changes nothing.
 */
bool
fr_normalize(const char *in, size_t len, FrAllocFn alloc,
			 char **out, size_t *outlen, FrError *err)
{
	UErrorCode	status = U_ZERO_ERROR;
	UChar	   *u16;
	UChar	   *pre;
	UChar	   *cur;
	int32_t		n16 = 0;
	int32_t		npre = 0;
	int32_t		ncur;
	int32_t		cap;
	int32_t		i;
	int32_t		n8 = 0;
	bool		in_sup = false;
	bool		changed;
	char	   *res;

	if (len > FR_NORMALIZE_MAX_INPUT)
		return fr_error(err, FR_ERR_LIMIT, -1,
						"The input is %zu bytes long; at most %d bytes are accepted.",
						len, FR_NORMALIZE_MAX_INPUT);

	if (fr_is_ascii(in, len))
		return ascii_copy(in, len, alloc, out, outlen);

	/* UTF-8 -> UTF-16; an invalid sequence is an error, not a U+FFFD */
	u16 = alloc(sizeof(UChar) * (len + 1));
	u_strFromUTF8(u16, (int32_t) len + 1, &n16, in, (int32_t) len, &status);
	if (U_FAILURE(status))
		return fr_error(err, FR_ERR_ENCODING, -1, "The input is not valid UTF-8.");

	/* superscripts -> "^" + ASCII, before NFKC can flatten them */
	cap = 2 * n16 + 2;
	pre = alloc(sizeof(UChar) * cap);
	for (i = 0; i < n16;)
	{
		UChar32		c;
		char		sup;

		U16_NEXT(u16, i, n16, c);
		sup = superscript_ascii(c);
		if (sup)
		{
			if (!in_sup)
				pre[npre++] = '^';	/* one caret per run: ⁻¹ -> ^-1 */
			pre[npre++] = (UChar) sup;
			in_sup = true;
		}
		else
		{
			(void) append16(pre, cap, &npre, c);
			in_sup = false;
		}
	}

	cur = fold16(pre, npre, alloc, &ncur, &changed);
	cur = nfkc16(cur, ncur, alloc, &ncur, err);
	if (cur == NULL)
		return false;
	cur = fold16(cur, ncur, alloc, &ncur, &changed);
	if (changed)
	{
		cur = nfkc16(cur, ncur, alloc, &ncur, err);
		if (cur == NULL)
			return false;
	}

	/* UTF-16 -> UTF-8 */
	status = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &n8, cur, ncur, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return fr_error(err, FR_ERR_INTERNAL, -1,
						"ICU UTF-8 conversion failed: %s.", u_errorName(status));
	status = U_ZERO_ERROR;
	res = alloc(n8 + 1);
	u_strToUTF8(res, n8 + 1, &n8, cur, ncur, &status);
	if (U_FAILURE(status))
		return fr_error(err, FR_ERR_INTERNAL, -1,
						"ICU UTF-8 conversion failed: %s.", u_errorName(status));
	res[n8] = '\0';
	*out = res;
	*outlen = (size_t) n8;
	return true;
}
