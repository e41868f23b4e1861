/*
 * levelset.c — the levelset type (see levelset.h): its levels, the flat
 * form, text and binary I/O, equality and the accessors level_count,
 * level_distinct and level_direction.  The aggregate that builds levelsets
 * is in levelset_agg.c, the lookups in levelset_lookup.c.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/sortsupport.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "levelset.h"
#include "pgutil.h"

/* ---------------------------------------------------------------- levels */

/*
 * numeric's sort support comparator (what ORDER BY uses), prepared once per
 * backend: the comparison without a function-manager call per probe.
 */
static SortSupportData lv_numeric_ssup;
static bool lv_numeric_ssup_ready = false;

int
lv_level_cmp(Numeric a, Numeric b)
{
	if (!lv_numeric_ssup_ready)
	{
		memset(&lv_numeric_ssup, 0, sizeof(lv_numeric_ssup));
		lv_numeric_ssup.ssup_cxt = TopMemoryContext;
		lv_numeric_ssup.ssup_collation = InvalidOid;
		PrepareSortSupportFromOrderingOp(lookup_type_cache(NUMERICOID, TYPECACHE_LT_OPR)->lt_opr,
										 &lv_numeric_ssup);
		lv_numeric_ssup_ready = true;
	}
	return lv_numeric_ssup.comparator(NumericGetDatum(a), NumericGetDatum(b),
									  &lv_numeric_ssup);
}

uint32
lv_level_hash(Numeric a)
{
	return DatumGetUInt32(DirectFunctionCall1(hash_numeric, NumericGetDatum(a)));
}

Numeric
lv_level_canonical(Numeric a)
{
	return DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale, NumericGetDatum(a)));
}

char *
lv_level_text(Numeric a)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(a)));
}

/* 22023: levels are finite */
static void
lv_require_finite(Numeric a)
{
	if (numeric_is_nan(a) || numeric_is_inf(a))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("level %s is not a finite number", lv_level_text(a)),
				 errhint("Levels are finite numbers; leave a missing level NULL.")));
}

Numeric
lv_level_arg(FunctionCallInfo fcinfo, int argno)
{
	Numeric		a = PG_GETARG_NUMERIC(argno);

	lv_require_finite(a);
	return a;
}

/* ---------------------------------------------------------------- flat form */

Size
lv_flat_size(int d, Size levels_bytes)
{
	Size		size = LV_ARRAYS_END(d) + levels_bytes;

	if (d > (int) (LV_MAX_SIZE / 16) || size > LV_MAX_SIZE)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("levelset too large"),
				 errdetail("%d distinct levels need %zu bytes; the limit is %zu.",
						   d, size, (Size) LV_MAX_SIZE)));
	return size;
}

void
lv_write_flat(LevelSet *dst, Size size, int dir, int d,
			  const Numeric *levels, const int64 *counts)
{
	int64	   *cum;
	uint32	   *off;
	Size		pos = LV_ARRAYS_END(d);
	int64		run = 0;

	memset(dst, 0, size);
	SET_VARSIZE(dst, size);
	dst->version = LV_VERSION;
	dst->direction = (uint8) dir;
	dst->ndistinct = d;
	cum = (int64 *) ((char *) dst + LV_HDRSZ);
	off = (uint32 *) ((char *) dst + LV_HDRSZ + sizeof(int64) * d);
	for (int i = 0; i < d; i++)
	{
		Size		len = VARSIZE(levels[i]);

		run += counts[i];
		cum[i] = run;
		off[i] = (uint32) pos;
		memcpy((char *) dst + pos, levels[i], len);
		pos += INTALIGN(len);
	}
	dst->total = run;
	Assert(pos == size);
}

/* ---------------------------------------------------------------- building */

/* growable arrays of levels and counts for the input functions */
typedef struct LvBuild
{
	int			dir;
	int			n;
	int			cap;
	Numeric    *levels;
	int64	   *counts;
	Size		levels_bytes;
	int64		total;
} LvBuild;

static void
lv_build_init(LvBuild *b, int dir)
{
	b->dir = dir;
	b->n = 0;
	b->cap = 16;
	b->levels = palloc(b->cap * sizeof(Numeric));
	b->counts = palloc(b->cap * sizeof(int64));
	b->levels_bytes = 0;
	b->total = 0;
}

/*
 * Append a level (a numeric from numeric_in/numeric_recv) and its count.
 * Returns NULL, or what is wrong as a DETAIL sentence (the caller raises
 * with its SQLSTATE).
 */
static const char *
lv_build_add(LvBuild *b, Datum num, int64 count)
{
	Numeric		v = DatumGetNumeric(num);

	if (numeric_is_nan(v) || numeric_is_inf(v))
		return psprintf("Level %s is not a finite number.", lv_level_text(v));
	if (count < 1)
		return psprintf("Level %s has count " INT64_FORMAT "; counts are at least 1.",
						lv_level_text(v), count);
	v = lv_level_canonical(v);
	if (b->n > 0 && lv_order(b->dir, b->levels[b->n - 1], v) >= 0)
		return psprintf("Level %s does not come after %s: levels are listed best first (%s), each once.",
						lv_level_text(v), lv_level_text(b->levels[b->n - 1]),
						b->dir == FR_HIGHER_BETTER ? "descending" : "ascending");
	if (count >= LV_MAX_TOTAL - b->total)
		return pstrdup("The counts add up to 2^62 or more.");
	if (b->n == b->cap)
	{
		if (b->cap >= (int) (LV_MAX_SIZE / 16))
			return pstrdup("Too many distinct levels.");
		b->cap *= 2;
		b->levels = repalloc_huge(b->levels, b->cap * sizeof(Numeric));
		b->counts = repalloc_huge(b->counts, b->cap * sizeof(int64));
	}
	b->levels[b->n] = v;
	b->counts[b->n] = count;
	b->n++;
	b->total += count;
	b->levels_bytes += INTALIGN(VARSIZE(v));
	return NULL;
}

static LevelSet *
lv_build_finish(LvBuild *b)
{
	Size		size = lv_flat_size(b->n, b->levels_bytes);
	LevelSet   *ls = palloc_extended(size, MCXT_ALLOC_HUGE);

	lv_write_flat(ls, size, b->dir, b->n, b->levels, b->counts);
	return ls;
}

/* ---------------------------------------------------------------- text I/O */

pg_noreturn static void lv_raise_syntax(const char *input, const char *detail,
										const char *hint);

static void
lv_raise_syntax(const char *input, const char *detail, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type levelset: \"%s\"", input),
			 errdetail_internal("%s", detail),
			 hint ? errhint("%s", hint) : 0));
}

#define LV_FORMAT_HINT "Write a direction and the levels best first with their counts: lower_better {0.2:3, 0.5:10}."

static const char *
lv_skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}


PG_FUNCTION_INFO_V1(fr_levelset_in);

/*
 * levelset_in: "direction {level:count, ...}", levels best first.
 * Whitespace is free around the tokens; a level is a plain decimal
 * ([+-]digits[.digits]); trailing zeros are trimmed (0.20 reads as 0.2).
 */
Datum
fr_levelset_in(PG_FUNCTION_ARGS)
{
	const char *input = PG_GETARG_CSTRING(0);
	const char *p = lv_skip_space(input);
	const char *start = p;
	LvBuild		b;
	int			dir;

	while ((*p >= 'a' && *p <= 'z') || *p == '_')
		p++;
	dir = fr_direction_from_label(start, p - start);
	if (dir < 0)
		lv_raise_syntax(input,
						psprintf("Unknown direction \"%.*s\".", (int) (p - start), start),
						"Start with lower_better, higher_better or target.");
	lv_build_init(&b, dir);
	p = lv_skip_space(p);
	if (*p != '{')
		lv_raise_syntax(input,
						psprintf("Expected \"{\" at position %d.", (int) (p - input) + 1),
						LV_FORMAT_HINT);
	p = lv_skip_space(p + 1);
	if (*p != '}')
	{
		for (;;)
		{
			const char *ns = p;
			const char *digits;
			int			ndig = 0;
			int64		count = 0;
			Datum		num;
			const char *bad;

			if (*p == '+' || *p == '-')
				p++;
			digits = p;
			while (isdigit((unsigned char) *p))
				p++, ndig++;
			if (*p == '.')
			{
				p++;
				while (isdigit((unsigned char) *p))
					p++, ndig++;
			}
			if (ndig == 0)
			{
				const char *we = digits;

				while (isalpha((unsigned char) *we))
					we++;
				if (we > digits)
					lv_raise_syntax(input,
									psprintf("\"%.*s\" at position %d is not a finite number.",
											 (int) (we - ns), ns, (int) (ns - input) + 1),
									"Levels are finite decimals such as 0.2 or 15.");
				lv_raise_syntax(input,
								psprintf("Expected a level (a decimal number) at position %d.",
										 (int) (ns - input) + 1),
								LV_FORMAT_HINT);
			}
			num = DirectFunctionCall3(numeric_in,
									  CStringGetDatum(pnstrdup(ns, p - ns)),
									  ObjectIdGetDatum(InvalidOid),
									  Int32GetDatum(-1));
			p = lv_skip_space(p);
			if (*p != ':')
				lv_raise_syntax(input,
								psprintf("Expected \":\" and a count after level %.*s at position %d.",
										 (int) (p - ns), ns, (int) (p - input) + 1),
								LV_FORMAT_HINT);
			p = lv_skip_space(p + 1);
			if (!isdigit((unsigned char) *p))
				lv_raise_syntax(input,
								psprintf("Expected a count (a positive integer) at position %d.",
										 (int) (p - input) + 1),
								LV_FORMAT_HINT);
			while (isdigit((unsigned char) *p))
			{
				if (count > (PG_INT64_MAX - 9) / 10)
					lv_raise_syntax(input,
									psprintf("The count at position %d is too large.",
											 (int) (p - input) + 1),
									"A levelset holds fewer than 2^62 members.");
				count = count * 10 + (*p - '0');
				p++;
			}
			bad = lv_build_add(&b, num, count);
			if (bad != NULL)
				lv_raise_syntax(input, bad,
								"List each level once, best first, with a count of at least 1.");
			p = lv_skip_space(p);
			if (*p == ',')
			{
				p = lv_skip_space(p + 1);
				continue;
			}
			if (*p == '}')
				break;
			lv_raise_syntax(input,
							psprintf("Expected \",\" or \"}\" at position %d.",
									 (int) (p - input) + 1),
							LV_FORMAT_HINT);
		}
	}
	p = lv_skip_space(p + 1);
	if (*p != '\0')
		lv_raise_syntax(input,
						psprintf("Unexpected text after \"}\" at position %d.",
								 (int) (p - input) + 1),
						LV_FORMAT_HINT);
	PG_RETURN_POINTER(lv_build_finish(&b));
}

PG_FUNCTION_INFO_V1(fr_levelset_out);

Datum
fr_levelset_out(PG_FUNCTION_ARGS)
{
	const LevelSet *ls = PG_GETARG_LEVELSET(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, fr_direction_label[ls->direction]);
	appendStringInfoString(&buf, " {");
	for (int i = 0; i < ls->ndistinct; i++)
	{
		char	   *s = lv_level_text(LV_LEVEL(ls, i));

		if (i > 0)
			appendStringInfoString(&buf, ", ");
		appendStringInfo(&buf, "%s:" INT64_FORMAT, s, lv_count_at(ls, i));
		pfree(s);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/* ---------------------------------------------------------------- binary I/O */

/*
 * Binary format, version 1:
 *   uint8 version (1), uint8 direction (0 lower_better, 1 higher_better,
 *   2 target), int32 ndistinct, then per level best first:
 *   int32 length, that many bytes of numeric_send, int64 count.
 */

pg_noreturn static void lv_raise_binary(const char *detail);

static void
lv_raise_binary(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary levelset"),
			 errdetail_internal("%s", detail)));
}

PG_FUNCTION_INFO_V1(fr_levelset_recv);

Datum
fr_levelset_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version;
	int			dir;
	int			d;
	LvBuild		b;

	if (buf->len - buf->cursor < 6)
		lv_raise_binary("The value is shorter than its header.");
	version = pq_getmsgbyte(buf);
	if (version != LV_VERSION)
		lv_raise_binary(psprintf("Unknown format version %d (expected %d).",
								 version, LV_VERSION));
	dir = pq_getmsgbyte(buf);
	if (dir < 0 || dir >= FR_NDIRECTIONS)
		lv_raise_binary(psprintf("Unknown direction code %d.", dir));
	d = pq_getmsgint(buf, 4);
	if (d < 0 || (Size) d > (Size) (buf->len - buf->cursor) / 12)
		lv_raise_binary(psprintf("Level count %d does not fit the message.", d));
	lv_build_init(&b, dir);
	for (int i = 0; i < d; i++)
	{
		int			len;
		StringInfoData sub;
		Datum		num;
		int64		count;
		const char *bad;

		if (buf->len - buf->cursor < 4)
			lv_raise_binary("The message ends inside a level.");
		len = pq_getmsgint(buf, 4);
		if (len < 0 || len > buf->len - buf->cursor - 8)
			lv_raise_binary(psprintf("Level %d has length %d, past the end of the message.",
									 i + 1, len));
		sub.data = (char *) pq_getmsgbytes(buf, len);
		sub.len = len;
		sub.maxlen = len;
		sub.cursor = 0;
		num = DirectFunctionCall3(numeric_recv, PointerGetDatum(&sub),
								  ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
		if (sub.cursor != sub.len)
			lv_raise_binary(psprintf("Level %d has %d trailing bytes.",
									 i + 1, sub.len - sub.cursor));
		count = (int64) pq_getmsgint64(buf);
		bad = lv_build_add(&b, num, count);
		if (bad != NULL)
			lv_raise_binary(bad);
	}
	if (buf->cursor != buf->len)
		lv_raise_binary("Trailing bytes after the last level.");
	PG_RETURN_POINTER(lv_build_finish(&b));
}

PG_FUNCTION_INFO_V1(fr_levelset_send);

Datum
fr_levelset_send(PG_FUNCTION_ARGS)
{
	const LevelSet *ls = PG_GETARG_LEVELSET(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, LV_VERSION);
	pq_sendbyte(&buf, ls->direction);
	pq_sendint32(&buf, ls->ndistinct);
	for (int i = 0; i < ls->ndistinct; i++)
	{
		bytea	   *nb = DatumGetByteaPP(DirectFunctionCall1(numeric_send,
															 PointerGetDatum(LV_LEVEL(ls, i))));

		pq_sendint32(&buf, VARSIZE_ANY_EXHDR(nb));
		pq_sendbytes(&buf, VARDATA_ANY(nb), VARSIZE_ANY_EXHDR(nb));
		pq_sendint64(&buf, lv_count_at(ls, i));
		pfree(nb);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------- equality */

static bool
lv_equal_flat(const LevelSet *a, const LevelSet *b)
{
	return VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
}

PG_FUNCTION_INFO_V1(fr_levelset_eq);

/* same direction and the same levels with the same counts (never raises) */
Datum
fr_levelset_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(lv_equal_flat(PG_GETARG_LEVELSET(0), PG_GETARG_LEVELSET(1)));
}

PG_FUNCTION_INFO_V1(fr_levelset_ne);

Datum
fr_levelset_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!lv_equal_flat(PG_GETARG_LEVELSET(0), PG_GETARG_LEVELSET(1)));
}

/* ---------------------------------------------------------------- accessors */

PG_FUNCTION_INFO_V1(fr_level_count);

Datum
fr_level_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_LEVELSET(0)->total);
}

PG_FUNCTION_INFO_V1(fr_level_distinct);

Datum
fr_level_distinct(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PG_GETARG_LEVELSET(0)->ndistinct);
}

/* the OID of the enum value frontrunner.direction = label, cached */
typedef struct LvEnumCache
{
	Oid			oids[FR_NDIRECTIONS];
} LvEnumCache;

PG_FUNCTION_INFO_V1(fr_level_direction);

Datum
fr_level_direction(PG_FUNCTION_ARGS)
{
	const LevelSet *ls = PG_GETARG_LEVELSET(0);
	LvEnumCache *cache = (LvEnumCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
		Oid			typoid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
											 CStringGetDatum("direction"),
											 ObjectIdGetDatum(nsp));

		if (!OidIsValid(typoid))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("type direction not found in the schema of level_direction()")));
		cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(LvEnumCache));
		for (int i = 0; i < FR_NDIRECTIONS; i++)
			cache->oids[i] = DatumGetObjectId(DirectFunctionCall2(enum_in,
																  CStringGetDatum(fr_direction_label[i]),
																  ObjectIdGetDatum(typoid)));
		fcinfo->flinfo->fn_extra = cache;
	}
	PG_RETURN_OID(cache->oids[ls->direction]);
}

