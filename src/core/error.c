/*
 * error.c — FrError helpers for backend-free code.  See error.h.
 */
#include "core/error.h"

#include <stdio.h>

bool
fr_error(FrError *e, FrErrCode code, int position, const char *detailfmt,...)
{
	va_list		ap;

	e->code = code;
	e->position = position;
	va_start(ap, detailfmt);
	vsnprintf(e->detail, sizeof(e->detail), detailfmt, ap);
	va_end(ap);
	e->hint[0] = '\0';
	return false;
}

void
fr_error_hint(FrError *e, const char *hintfmt,...)
{
	va_list		ap;

	va_start(ap, hintfmt);
	vsnprintf(e->hint, sizeof(e->hint), hintfmt, ap);
	va_end(ap);
}
