/*
 * pgutil.h — backend glue shared by every type: normalised input, errors
 * from backend-free code, output in the server encoding.
 */
#ifndef FR_PGUTIL_H
#define FR_PGUTIL_H

#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"

#include "compat.h"
#include "core/error.h"

/* palloc with the FrAllocFn signature */
extern void *fr_palloc(size_t size);

/*
 * The call site's cache (fn_extra): size zeroed bytes in the function's
 * memory context, allocated on the first call, the same block afterwards.
 */
extern void *fr_fn_cache(FunctionCallInfo fcinfo, Size size);

/*
 * Normalise a type input string: server encoding -> UTF-8, then
 * fr_normalize() (NFKC + folding; ASCII fast path).  Raises on failure.
 * The result is palloc'd, NUL-terminated UTF-8.
 */
extern char *fr_pg_normalize(const char *str, size_t *outlen,
							 const char *typname);

/*
 * The same, but str itself when normalising would not change it (pure
 * ASCII without control characters, the common case): no copy is made, and
 * the result is read-only.
 */
extern const char *fr_pg_normalize_const(const char *str, size_t *outlen,
										 const char *typname);

/*
 * Raise the ERROR an FrError describes.  The primary message is the
 * PostgreSQL one for the error's class, naming the type and the input as the
 * user wrote it:  invalid input syntax for type uscc: "…"  — DETAIL and HINT
 * come from the FrError.
 */
pg_noreturn extern void fr_pg_raise_input(const FrError *err, const char *typname,
										  const char *input);

/*
 * The rest of a binary message (after its version byte) as the text input
 * reads a string: the bytes are in the client encoding, as for text's own
 * recv; PostgreSQL verifies and converts them (invalid bytes: 22021, its
 * message shows them in hex, never raw).  palloc'd, NUL-terminated, in the
 * server encoding: what the type's input function is given.
 */
extern char *fr_pg_recv_text(StringInfo buf);

/* The version byte of a binary message: raises 22P03 unless it is version. */
extern void fr_pg_recv_version(StringInfo buf, const char *typname, int version);

/* Map an FrErrCode to a SQLSTATE (ERRCODE_…). */
extern int	fr_pg_sqlstate(FrErrCode code);

/*
 * A UTF-8 string (as the parsers produce) converted to the server
 * encoding, palloc'd.  Identity in a UTF8 database.
 */
extern char *fr_pg_from_utf8(const char *utf8);

#endif							/* FR_PGUTIL_H */
