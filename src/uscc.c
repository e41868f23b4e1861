/*
 * uscc.c — the uscc type: I/O, binary I/O, comparison, hashing, accessors.
 *
 * On disk a uscc is its 18 characters (fixed length, by reference).  The
 * "unchecked" mark of codes accepted under frontrunner.uscc_weak is not
 * stored: it is exactly "the check character is wrong", recomputed when
 * needed.  The byte order of the characters is the order of the alphabet,
 * so memcmp is the btree order.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "core/uscc_parse.h"
#include "frontrunner.h"
#include "pgutil.h"

/* binary format version (first byte of uscc_send) */
#define USCC_BINARY_VERSION 1

typedef struct Uscc
{
	char		code[FR_USCC_LEN];
} Uscc;

#define DatumGetUsccP(d)	((Uscc *) DatumGetPointer(d))
#define PG_GETARG_USCC_P(n) DatumGetUsccP(PG_GETARG_DATUM(n))

static bool
uscc_unchecked(const Uscc *u)
{
	return fr_uscc_check_char(u->code) != u->code[17];
}

/* how uscc_from_text() reads its text */
typedef enum UsccRead
{
	USCC_READ_STRICT,			/* a wrong check character is an error */
	USCC_READ_WEAK,				/* ... accepted as unchecked */
	USCC_READ_COMPLETE			/* 17 characters, the check character added */
} UsccRead;

/*
 * Text input (uscc_in, the text of a binary message, uscc_complete()):
 * normalise, then parse or complete; errors name the text as given.
 */
static Uscc *
uscc_from_text(const char *str, UsccRead how)
{
	size_t		len;
	char	   *norm = fr_pg_normalize(str, &len, "uscc");
	Uscc	   *result = palloc(sizeof(Uscc));
	bool		unchecked;
	bool		ok;
	FrError		err;

	fr_error_init(&err);
	if (how == USCC_READ_COMPLETE)
		ok = fr_uscc_complete(norm, len, result->code, &err);
	else
		ok = fr_uscc_parse(norm, len, how == USCC_READ_WEAK, result->code, &unchecked, &err);
	if (!ok)
		fr_pg_raise_input(&err, "uscc", str);
	return result;
}

PG_FUNCTION_INFO_V1(uscc_in);
Datum
uscc_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(uscc_from_text(PG_GETARG_CSTRING(0),
									 fr_uscc_weak ? USCC_READ_WEAK : USCC_READ_STRICT));
}

PG_FUNCTION_INFO_V1(uscc_out);
Datum
uscc_out(PG_FUNCTION_ARGS)
{
	Uscc	   *u = PG_GETARG_USCC_P(0);
	char	   *out = palloc(FR_USCC_LEN + 2);

	memcpy(out, u->code, FR_USCC_LEN);
	if (uscc_unchecked(u))
	{
		out[FR_USCC_LEN] = '!';
		out[FR_USCC_LEN + 1] = '\0';
	}
	else
		out[FR_USCC_LEN] = '\0';
	PG_RETURN_CSTRING(out);
}

/*
 * Binary: version byte, then the 18 characters.  Receiving reads the text
 * exactly as text input (client encoding, verified by PostgreSQL: 22021;
 * then the same checks and errors: 22P02), except that a wrong check
 * character is accepted as unchecked (as a printed "…!" is), so binary
 * dumps of weak codes restore.
 */
PG_FUNCTION_INFO_V1(uscc_send);
Datum
uscc_send(PG_FUNCTION_ARGS)
{
	Uscc	   *u = PG_GETARG_USCC_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, USCC_BINARY_VERSION);
	pq_sendbytes(&buf, u->code, FR_USCC_LEN);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(uscc_recv);
Datum
uscc_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);

	fr_pg_recv_version(buf, "uscc", USCC_BINARY_VERSION);
	PG_RETURN_POINTER(uscc_from_text(fr_pg_recv_text(buf), USCC_READ_WEAK));
}

/* ---------------------------------------------------------------- order */

static int
uscc_cmp_internal(const Uscc *a, const Uscc *b)
{
	return memcmp(a->code, b->code, FR_USCC_LEN);
}

PG_FUNCTION_INFO_V1(uscc_cmp);
Datum
uscc_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(uscc_cmp_internal(PG_GETARG_USCC_P(0), PG_GETARG_USCC_P(1)));
}

#define USCC_CMP_FN(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(uscc_cmp_internal(PG_GETARG_USCC_P(0), PG_GETARG_USCC_P(1)) op 0); \
}

USCC_CMP_FN(uscc_eq, ==)
USCC_CMP_FN(uscc_ne, !=)
USCC_CMP_FN(uscc_lt, <)
USCC_CMP_FN(uscc_le, <=)
USCC_CMP_FN(uscc_gt, >)
USCC_CMP_FN(uscc_ge, >=)

PG_FUNCTION_INFO_V1(uscc_hash);
Datum
uscc_hash(PG_FUNCTION_ARGS)
{
	return hash_any((const unsigned char *) PG_GETARG_USCC_P(0)->code, FR_USCC_LEN);
}

PG_FUNCTION_INFO_V1(uscc_hash_extended);
Datum
uscc_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_any_extended((const unsigned char *) PG_GETARG_USCC_P(0)->code,
							 FR_USCC_LEN, PG_GETARG_INT64(1));
}

/* ---------------------------------------------------------------- parts */

static text *
uscc_slice(const Uscc *u, int from, int count)
{
	return cstring_to_text_with_len(u->code + from - 1, count);
}

/* positions from..from+count-1 of the code, as text */
#define USCC_SLICE_FN(name, from, count) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_TEXT_P(uscc_slice(PG_GETARG_USCC_P(0), from, count)); \
}

USCC_SLICE_FN(uscc_registry, 1, 1)
USCC_SLICE_FN(uscc_entity, 2, 1)
USCC_SLICE_FN(uscc_region, 3, 6)
USCC_SLICE_FN(uscc_org_code, 9, 9)

PG_FUNCTION_INFO_V1(uscc_is_valid);
Datum
uscc_is_valid(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!uscc_unchecked(PG_GETARG_USCC_P(0)));
}

/*
 * uscc_complete(text): the 17 leading characters plus the check character
 * they call for — how test and demo data get valid codes.
 */
PG_FUNCTION_INFO_V1(uscc_complete);
Datum
uscc_complete(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(uscc_from_text(text_to_cstring(PG_GETARG_TEXT_PP(0)), USCC_READ_COMPLETE));
}
