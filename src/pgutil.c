/*
 * pgutil.c — backend glue shared by every type; see pgutil.h.
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"

#include "core/normalize.h"
#include "pgutil.h"

void *
fr_palloc(size_t size)
{
	return palloc(size);
}

void *
fr_fn_cache(FunctionCallInfo fcinfo, Size size)
{
	if (fcinfo->flinfo->fn_extra == NULL)
		fcinfo->flinfo->fn_extra = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, size);
	return fcinfo->flinfo->fn_extra;
}

int
fr_pg_sqlstate(FrErrCode code)
{
	switch (code)
	{
		case FR_ERR_SYNTAX:
			return ERRCODE_INVALID_TEXT_REPRESENTATION;
		case FR_ERR_RANGE:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case FR_ERR_ARGUMENT:
			return ERRCODE_INVALID_PARAMETER_VALUE;
		case FR_ERR_LIMIT:
			return ERRCODE_PROGRAM_LIMIT_EXCEEDED;
		case FR_ERR_ENCODING:
			return ERRCODE_CHARACTER_NOT_IN_REPERTOIRE;
		case FR_OK:
		case FR_ERR_INTERNAL:
			break;
	}
	return ERRCODE_INTERNAL_ERROR;
}

void
fr_pg_raise_input(const FrError *err, const char *typname, const char *input)
{
	const char *detail = err->detail[0] ? err->detail : NULL;
	const char *hint = err->hint[0] ? err->hint : NULL;

	switch (err->code)
	{
		case FR_ERR_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("value \"%s\" is out of range for type %s",
							input, typname),
					 detail ? errdetail("%s", detail) : 0,
					 hint ? errhint("%s", hint) : 0));
			break;
		case FR_ERR_LIMIT:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("input is too long for type %s", typname),
					 detail ? errdetail("%s", detail) : 0,
					 hint ? errhint("%s", hint) : 0));
			break;
		case FR_ERR_INTERNAL:
			elog(ERROR, "frontrunner internal error in %s input: %s",
				 typname, err->detail);
			break;
		default:
			ereport(ERROR,
					(errcode(fr_pg_sqlstate(err->code)),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							typname, input),
					 detail ? errdetail("%s", detail) : 0,
					 hint ? errhint("%s", hint) : 0));
	}
	pg_unreachable();
}

char *
fr_pg_normalize(const char *str, size_t *outlen, const char *typname)
{
	const char *utf8 = str;
	size_t		len = strlen(str);
	char	   *out;
	FrError		err;

	if (GetDatabaseEncoding() != PG_UTF8 && !fr_is_ascii(str, len))
	{
		utf8 = (const char *) pg_do_encoding_conversion((unsigned char *) str,
														(int) len,
														GetDatabaseEncoding(),
														PG_UTF8);
		len = strlen(utf8);
	}
	fr_error_init(&err);
	if (!fr_normalize(utf8, len, fr_palloc, &out, outlen, &err))
		fr_pg_raise_input(&err, typname, str);
	return out;
}

const char *
fr_pg_normalize_const(const char *str, size_t *outlen, const char *typname)
{
	size_t		len = strlen(str);

	/* ASCII is ASCII in every server encoding */
	if (fr_normalize_is_identity(str, len))
	{
		*outlen = len;
		return str;
	}
	return fr_pg_normalize(str, outlen, typname);
}

void
fr_pg_recv_version(StringInfo buf, const char *typname, int version)
{
	int			got = pq_getmsgbyte(buf);

	if (got != version)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported binary format version %d for type %s", got, typname),
				 errhint("This server reads %s binary format version %d.", typname, version)));
}

char *
fr_pg_recv_text(StringInfo buf)
{
	int			nbytes;
	char	   *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);

	/* the encoding checks refuse NUL already; a value is a C string */
	if (strlen(str) != (size_t) nbytes)
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("invalid byte sequence: the value contains a NUL byte")));
	return str;
}

char *
fr_pg_from_utf8(const char *utf8)
{
	if (GetDatabaseEncoding() == PG_UTF8)
		return (char *) utf8;
	return (char *) pg_do_encoding_conversion((unsigned char *) utf8,
											  (int) strlen(utf8),
											  PG_UTF8,
											  GetDatabaseEncoding());
}
