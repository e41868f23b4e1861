/*
 * stdcode.c — the stdcode type (standard numbers): I/O, binary I/O,
 * comparison, hashing, sort support and the std_* accessors.
 *
 * Parsing and the sort key come from stdcode_parse.c.  The datum keeps what
 * comparisons need, so no comparison re-parses text:
 *
 *   varlena header (1 byte when stored: STORAGE main allows short headers)
 *   byte 0        flags: kind (bits 0-2), nature (bits 4-5)
 *   byte 1        K, the length of the sort key
 *   bytes 2..K+1  the sort key (memcmp order = the documented order)
 *   the rest      the canonical text (ASCII, not NUL-terminated)
 *
 * Order: memcmp of the keys (shorter first on a common prefix), then memcmp
 * of the canonical texts.  The key is a function of the canonical text, so
 * this is a total order whose equality is equality of the canonical text,
 * and = is a plain comparison of the payload bytes.  Comparisons and hashes
 * never raise.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/sortsupport.h"

#include "core/stdcode_parse.h"
#include "pgutil.h"

#define STDCODE_TYPNAME		"stdcode"
#define STDCODE_HDR			2	/* flags, key length */
#define STDCODE_BINARY_VERSION 1

/* ------------------------------------------------------------------ */
/* datum layout                                                         */

typedef struct StdView
{
	const unsigned char *key;
	int			key_len;
	const char *text;
	int			text_len;
	int			flags;
} StdView;

/* Never raises, even on a malformed datum (lengths are clamped). */
static inline void
std_view(const struct varlena *v, StdView *out)
{
	const unsigned char *p = (const unsigned char *) VARDATA_ANY(v);
	int			size = (int) VARSIZE_ANY_EXHDR(v);

	if (size < STDCODE_HDR)
	{
		out->key = p;
		out->key_len = 0;
		out->text = (const char *) p;
		out->text_len = 0;
		out->flags = 0;
		return;
	}
	out->flags = p[0];
	out->key = p + STDCODE_HDR;
	out->key_len = Min((int) p[1], size - STDCODE_HDR);
	out->text = (const char *) (out->key + out->key_len);
	out->text_len = size - STDCODE_HDR - out->key_len;
}

static struct varlena *
std_make(const StdCode *sc)
{
	Size		size = VARHDRSZ + STDCODE_HDR + sc->key_len + sc->text_len;
	struct varlena *v = (struct varlena *) palloc(size);
	unsigned char *p = (unsigned char *) VARDATA(v);

	StaticAssertStmt(STD_MAX_KEY <= 255, "key length must fit in one byte");
	SET_VARSIZE(v, size);
	p[0] = (unsigned char) ((int) sc->kind | ((int) sc->nature << 4));
	p[1] = (unsigned char) sc->key_len;
	memcpy(p + STDCODE_HDR, sc->key, sc->key_len);
	memcpy(p + STDCODE_HDR + sc->key_len, sc->text, sc->text_len);
	return v;
}

/* Parse normalised text; raise 22P02 (naming the input as typed) on error. */
static struct varlena *
std_from_normalized(const char *norm, size_t len, const char *typed)
{
	StdCode		sc;
	FrError		err;

	fr_error_init(&err);
	if (!std_parse(norm, len, &sc, &err))
		fr_pg_raise_input(&err, STDCODE_TYPNAME, typed);
	return std_make(&sc);
}

/* Text input (stdcode_in, and the text of a binary message): normalise, parse. */
static struct varlena *
std_from_text(const char *str)
{
	size_t		len;
	char	   *norm = fr_pg_normalize(str, &len, STDCODE_TYPNAME);

	return std_from_normalized(norm, len, str);
}

/* The view of argument 0 (detoasted as needed; never raises). */
static inline void
std_view_arg(FunctionCallInfo fcinfo, StdView *view)
{
	std_view(PG_GETARG_VARLENA_PP(0), view);
}

/* Re-parse a stored value (for the accessors that need its structure). */
static void
std_reparse(const struct varlena *v, StdCode *sc)
{
	StdView		view;
	FrError		err;

	std_view(v, &view);
	fr_error_init(&err);
	if (!std_parse(view.text, view.text_len, sc, &err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored stdcode value \"%.*s\" is corrupt", view.text_len, view.text),
				 errdetail("%s", err.detail)));
}

static Datum
std_text_datum(const char *s, int len)
{
	return PointerGetDatum(cstring_to_text_with_len(s, len));
}

/* ------------------------------------------------------------------ */
/* text and binary I/O                                                  */

PG_FUNCTION_INFO_V1(stdcode_in);
Datum
stdcode_in(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(std_from_text(PG_GETARG_CSTRING(0)));
}

PG_FUNCTION_INFO_V1(stdcode_out);
Datum
stdcode_out(PG_FUNCTION_ARGS)
{
	StdView		view;

	std_view_arg(fcinfo, &view);
	/* canonical text is ASCII: valid in every server encoding */
	PG_RETURN_CSTRING(pnstrdup(view.text, view.text_len));
}

/*
 * Binary: a version byte (1), then the text, read exactly as text input
 * (client encoding, verified by PostgreSQL: 22021; then normalised and
 * parsed: 22P02 with the same DETAIL and HINT).
 */
PG_FUNCTION_INFO_V1(stdcode_recv);
Datum
stdcode_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);

	fr_pg_recv_version(buf, STDCODE_TYPNAME, STDCODE_BINARY_VERSION);
	PG_RETURN_POINTER(std_from_text(fr_pg_recv_text(buf)));
}

PG_FUNCTION_INFO_V1(stdcode_send);
Datum
stdcode_send(PG_FUNCTION_ARGS)
{
	StdView		view;
	StringInfoData buf;

	std_view_arg(fcinfo, &view);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STDCODE_BINARY_VERSION);
	pq_sendbytes(&buf, view.text, view.text_len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ------------------------------------------------------------------ */
/* comparison                                                           */

static inline int
bytes_cmp(const void *a, int alen, const void *b, int blen)
{
	int			r = memcmp(a, b, Min(alen, blen));

	if (r != 0)
		return r < 0 ? -1 : 1;
	return alen < blen ? -1 : alen > blen ? 1 : 0;
}

static int
std_cmp_internal(const struct varlena *a, const struct varlena *b)
{
	StdView		va;
	StdView		vb;
	int			r;

	std_view(a, &va);
	std_view(b, &vb);
	r = bytes_cmp(va.key, va.key_len, vb.key, vb.key_len);
	if (r != 0)
		return r;
	return bytes_cmp(va.text, va.text_len, vb.text, vb.text_len);
}

static bool
std_eq_internal(const struct varlena *a, const struct varlena *b)
{
	Size		alen = VARSIZE_ANY_EXHDR(a);

	return alen == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), alen) == 0;
}

#define STD_CMP_FN(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	struct varlena *a = PG_GETARG_VARLENA_PP(0); \
	struct varlena *b = PG_GETARG_VARLENA_PP(1); \
	bool		result = (expr); \
\
	PG_FREE_IF_COPY(a, 0); \
	PG_FREE_IF_COPY(b, 1); \
	PG_RETURN_BOOL(result); \
}

STD_CMP_FN(stdcode_eq, std_eq_internal(a, b))
STD_CMP_FN(stdcode_ne, !std_eq_internal(a, b))
STD_CMP_FN(stdcode_lt, std_cmp_internal(a, b) < 0)
STD_CMP_FN(stdcode_le, std_cmp_internal(a, b) <= 0)
STD_CMP_FN(stdcode_gt, std_cmp_internal(a, b) > 0)
STD_CMP_FN(stdcode_ge, std_cmp_internal(a, b) >= 0)

PG_FUNCTION_INFO_V1(stdcode_cmp);
Datum
stdcode_cmp(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_VARLENA_PP(0);
	struct varlena *b = PG_GETARG_VARLENA_PP(1);
	int			result = std_cmp_internal(a, b);

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	PG_RETURN_INT32(result);
}

/* min() and max(): the larger or smaller of two values (the first on a tie) */
PG_FUNCTION_INFO_V1(stdcode_larger);
Datum
stdcode_larger(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_VARLENA_PP(0);
	struct varlena *b = PG_GETARG_VARLENA_PP(1);

	PG_RETURN_POINTER(std_cmp_internal(a, b) >= 0 ? a : b);
}

PG_FUNCTION_INFO_V1(stdcode_smaller);
Datum
stdcode_smaller(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_VARLENA_PP(0);
	struct varlena *b = PG_GETARG_VARLENA_PP(1);

	PG_RETURN_POINTER(std_cmp_internal(a, b) <= 0 ? a : b);
}

static int
stdcode_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(x);
	struct varlena *b = PG_DETOAST_DATUM_PACKED(y);
	int			result = std_cmp_internal(a, b);

	if ((Pointer) a != DatumGetPointer(x))
		pfree(a);
	if ((Pointer) b != DatumGetPointer(y))
		pfree(b);
	return result;
}

PG_FUNCTION_INFO_V1(stdcode_sortsupport);
Datum
stdcode_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = stdcode_fastcmp;
	PG_RETURN_VOID();
}

/* hashes of the canonical text: equal values, equal hashes */
PG_FUNCTION_INFO_V1(stdcode_hash);
Datum
stdcode_hash(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_VARLENA_PP(0);
	StdView		view;
	Datum		h;

	std_view(v, &view);
	h = hash_any((const unsigned char *) view.text, view.text_len);
	PG_FREE_IF_COPY(v, 0);
	return h;
}

PG_FUNCTION_INFO_V1(stdcode_hash_extended);
Datum
stdcode_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_VARLENA_PP(0);
	uint64		seed = (uint64) PG_GETARG_INT64(1);
	StdView		view;
	Datum		h;

	std_view(v, &view);
	h = hash_any_extended((const unsigned char *) view.text, view.text_len, seed);
	PG_FREE_IF_COPY(v, 0);
	return h;
}

/* ------------------------------------------------------------------ */
/* accessors                                                            */

PG_FUNCTION_INFO_V1(std_kind);
Datum
std_kind(PG_FUNCTION_ARGS)
{
	StdView		view;
	const char *name;

	std_view_arg(fcinfo, &view);
	name = std_kind_name((StdKind) (view.flags & 0x07));
	if (name == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("stored stdcode value \"%.*s\" is corrupt", view.text_len, view.text)));
	PG_RETURN_DATUM(std_text_datum(name, strlen(name)));
}

PG_FUNCTION_INFO_V1(std_nature);
Datum
std_nature(PG_FUNCTION_ARGS)
{
	StdView		view;
	const char *name;

	std_view_arg(fcinfo, &view);
	name = std_nature_name((StdNature) ((view.flags >> 4) & 0x03));
	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(std_text_datum(name, strlen(name)));
}

/* the key starts with the canonical prefix and a NUL */
PG_FUNCTION_INFO_V1(std_prefix);
Datum
std_prefix(PG_FUNCTION_ARGS)
{
	StdView		view;
	const unsigned char *end;

	std_view_arg(fcinfo, &view);
	end = memchr(view.key, '\0', view.key_len);
	PG_RETURN_DATUM(std_text_datum((const char *) view.key,
								   end ? (int) (end - view.key) : view.key_len));
}

PG_FUNCTION_INFO_V1(std_number);
Datum
std_number(PG_FUNCTION_ARGS)
{
	StdCode		sc;

	std_reparse(PG_GETARG_VARLENA_PP(0), &sc);
	PG_RETURN_DATUM(std_text_datum(sc.text + sc.number_off, sc.number_len));
}

PG_FUNCTION_INFO_V1(std_year);
Datum
std_year(PG_FUNCTION_ARGS)
{
	StdCode		sc;

	std_reparse(PG_GETARG_VARLENA_PP(0), &sc);
	if (sc.year == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(sc.year);
}

PG_FUNCTION_INFO_V1(std_undated);
Datum
std_undated(PG_FUNCTION_ARGS)
{
	StdCode		sc;

	std_reparse(PG_GETARG_VARLENA_PP(0), &sc);
	PG_RETURN_POINTER(std_from_normalized(sc.text, sc.undated_len, sc.text));
}

PG_FUNCTION_INFO_V1(std_adopts);
Datum
std_adopts(PG_FUNCTION_ARGS)
{
	StdCode		sc;

	std_reparse(PG_GETARG_VARLENA_PP(0), &sc);
	if (sc.adopts_off < 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(std_from_normalized(sc.text + sc.adopts_off,
										  sc.text_len - sc.adopts_off,
										  sc.text + sc.adopts_off));
}
