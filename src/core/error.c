/*
 * error.c — FrError helpers for backend-free code.  See error.h.
 */
#include "core/error.h"

#include <stdio.h>
#include <string.h>

/*
 * vsnprintf into buf; a text cut at cap ends in "…." at a UTF-8 character
 * boundary, so that a long input echoed in a detail still leaves a
 * sentence.
 */
static void fr_vformat(char *buf, size_t cap, const char *fmt, va_list ap)
			__attribute__((format(printf, 3, 0)));

static void
fr_vformat(char *buf, size_t cap, const char *fmt, va_list ap)
{
	int			r = vsnprintf(buf, cap, fmt, ap);
	size_t		n;

	if (r < 0)
	{
		buf[0] = '\0';
		return;
	}
	if ((size_t) r < cap)
		return;
	n = cap - 5;				/* room for "…." (3 + 1 bytes) and the NUL */
	while (n > 0 && ((unsigned char) buf[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf + n, "\u2026.", 5);
}

bool
fr_error(FrError *e, FrErrCode code, int position, const char *detailfmt,...)
{
	va_list		ap;

	e->code = code;
	e->position = position;
	va_start(ap, detailfmt);
	fr_vformat(e->detail, sizeof(e->detail), detailfmt, ap);
	va_end(ap);
	e->hint[0] = '\0';
	return false;
}

void
fr_error_detail(FrError *e, const char *detailfmt,...)
{
	va_list		ap;
	char		tmp[FR_ERR_TEXT];

	va_start(ap, detailfmt);
	fr_vformat(tmp, sizeof(tmp), detailfmt, ap);
	va_end(ap);
	memcpy(e->detail, tmp, sizeof(tmp));
}

void
fr_error_hint(FrError *e, const char *hintfmt,...)
{
	va_list		ap;

	va_start(ap, hintfmt);
	fr_vformat(e->hint, sizeof(e->hint), hintfmt, ap);
	va_end(ap);
}

void
fr_error_clause(const char *sentence, char *buf, size_t cap)
{
	size_t		n;

	if (cap == 0)
		return;
	snprintf(buf, cap, "%s", sentence);
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';
	if (n > 1 && buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] = (char) (buf[0] - 'A' + 'a');
}

bool
fr_error_is_sentence(const char *s)
{
	size_t		n = strlen(s);

	if (n == 0)
		return true;
	return !(s[0] >= 'a' && s[0] <= 'z') && (s[n - 1] == '.' || s[n - 1] == '?');
}
