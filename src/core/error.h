/*
 * error.h — errors raised by backend-free code (parsers, normalisation).
 *
 * The parsers and the normalisation layer know nothing of PostgreSQL, so
 * that a fuzzer or a unit test can run them alone.  They report failure by
 * returning false and filling an FrError; the backend glue (pgutil.c) turns
 * that into ereport(ERROR) with the SQLSTATE, DETAIL and HINT below.
 */
#ifndef FR_ERROR_H
#define FR_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum FrErrCode
{
	FR_OK = 0,
	FR_ERR_SYNTAX,				/* 22P02 invalid_text_representation */
	FR_ERR_RANGE,				/* 22003 numeric_value_out_of_range */
	FR_ERR_ARGUMENT,			/* 22023 invalid_parameter_value */
	FR_ERR_LIMIT,				/* 54000 program_limit_exceeded */
	FR_ERR_ENCODING,			/* 22021 character_not_in_repertoire */
	FR_ERR_INTERNAL				/* XX000: a bug, never user-caused */
} FrErrCode;

#define FR_ERR_TEXT 384

/*
 * detail and hint are in one register, that of PostgreSQL's errdetail and
 * errhint: each a full sentence (or several), capital first letter, ending
 * with a period (a question in a hint: "Did you mean …?"), so the server
 * passes them on as they are; a text cut at FR_ERR_TEXT ends in "….".  detail says
 * what is wrong, with the values ("A unified social credit code has 18
 * characters; this one has 17."); hint what would be right, or "".  The
 * primary message (errmsg) is never taken from them: the SQL face writes
 * its own ("invalid input syntax for type uscc: \"…\"").  A producer that
 * embeds a lower layer's detail in its own sentence takes it through
 * fr_error_clause().  The fuzz targets check the register on every error.
 */
typedef struct FrError
{
	FrErrCode	code;
	int			position;		/* byte offset in the (normalised) input
								 * where parsing stopped, or -1 */
	char		detail[FR_ERR_TEXT];	/* what is wrong: sentences */
	char		hint[FR_ERR_TEXT];		/* what would be right: sentences, or "" */
} FrError;

static inline void
fr_error_init(FrError *e)
{
	e->code = FR_OK;
	e->position = -1;
	e->detail[0] = '\0';
	e->hint[0] = '\0';
}

/*
 * Record an error.  Always returns false so that a parser can write
 *     return fr_error(err, FR_ERR_SYNTAX, pos, "…", …);
 */
extern bool fr_error(FrError *e, FrErrCode code, int position,
					 const char *detailfmt,...)
			__attribute__((format(printf, 4, 5)));

/*
 * A detail sentence as a clause to embed in another sentence: the first
 * letter lower-cased (unless the second is upper case too: "ICU …"), the
 * final period dropped.
 */
extern void fr_error_clause(const char *sentence, char *buf, size_t cap);

/* True when s is in the register above (empty counts as true). */
extern bool fr_error_is_sentence(const char *s);

/* Replace the detail of an error already recorded (the code stays). */
extern void fr_error_detail(FrError *e, const char *detailfmt,...)
			__attribute__((format(printf, 2, 3)));

/* Set (or replace) the hint of an error already recorded. */
extern void fr_error_hint(FrError *e, const char *hintfmt,...)
			__attribute__((format(printf, 2, 3)));

#endif							/* FR_ERROR_H */
