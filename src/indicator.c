/*
 * indicator.c — the indicator type: text and binary I/O, storage, the
 * btree and hash support, the set operators <@ @> &&, accessors, to_unit
 * and to_text.  Parsing and formatting live in indicator_parse.c, the set
 * comparisons in indicator_cmp.c.
 */
#include "postgres.h"

#include "access/hash.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/sortsupport.h"

#include "core/indicator_cmp.h"
#include "core/quantity.h"
#include "decimal.h"
#include "indicator.h"
#include "pgutil.h"

#define TYPNAME "indicator"

/* ---------------------------------------------------------------- storage */

static const char *
ind_data(Datum d, struct varlena **detoasted)
{
	struct varlena *p = PG_DETOAST_DATUM_PACKED(d);

	*detoasted = p;
	return VARDATA_ANY(p);
}

static void
copy_core(const char *data, FrIndicator *v)
{
	FrIndDisk	disk;

	memcpy(&disk, data, sizeof(FrIndDisk));
	v->form = disk.form;
	v->flags = disk.flags;
	v->lo = disk.lo;
	v->hi = disk.hi;
	v->unit = disk.unit;
}

void
fr_ind_load_core(Datum d, FrIndicator *v)
{
	struct varlena *p;
	const char *data = ind_data(d, &p);

	copy_core(data, v);
	if ((Pointer) p != DatumGetPointer(d))
		pfree(p);
}

void
fr_ind_load(Datum d, FrIndicator *v)
{
	struct varlena *p;
	const char *data = ind_data(d, &p);
	FrIndDisk	disk;
	size_t		off = sizeof(FrIndDisk);
	size_t		ulen;

	memset(v, 0, sizeof(FrIndicator));
	memcpy(&disk, data, sizeof(FrIndDisk));
	copy_core(data, v);
	if (v->form == FR_IND_TOL)
	{
		memcpy(&v->nominal, data + off, sizeof(FrDec));
		memcpy(&v->dev_up, data + off + sizeof(FrDec), sizeof(FrDec));
		memcpy(&v->dev_down, data + off + 2 * sizeof(FrDec), sizeof(FrDec));
		off += 3 * sizeof(FrDec);
	}
	ulen = Min(disk.unitlen, FR_UNIT_MAXLEN - 1);
	memcpy(v->unittext, data + off, ulen);
	v->unittext[ulen] = '\0';
	if ((Pointer) p != DatumGetPointer(d))
		pfree(p);
}

struct varlena *
fr_ind_store(const FrIndicator *v)
{
	FrIndDisk	disk;
	size_t		ulen = strlen(v->unittext);
	size_t		size = VARHDRSZ + sizeof(FrIndDisk) + ulen +
		(v->form == FR_IND_TOL ? 3 * sizeof(FrDec) : 0);
	struct varlena *r = (struct varlena *) palloc0(size);
	char	   *data = VARDATA(r);
	size_t		off = sizeof(FrIndDisk);

	SET_VARSIZE(r, size);
	memset(&disk, 0, sizeof(disk));
	disk.version = FR_IND_VERSION;
	disk.form = v->form;
	disk.flags = v->flags;
	disk.unitlen = (uint16) ulen;
	/* canonical zero padding so that equal values store identical bytes */
	disk.lo.coef = (v->flags & FR_IND_LO_INF) ? 0 : v->lo.coef;
	disk.lo.scale = (v->flags & FR_IND_LO_INF) ? 0 : v->lo.scale;
	disk.hi.coef = (v->flags & FR_IND_HI_INF) ? 0 : v->hi.coef;
	disk.hi.scale = (v->flags & FR_IND_HI_INF) ? 0 : v->hi.scale;
	if (!(v->flags & FR_IND_ANYUNIT))
		disk.unit = v->unit;
	memcpy(data, &disk, sizeof(disk));
	if (v->form == FR_IND_TOL)
	{
		FrDec		t[3];

		memset(t, 0, sizeof(t));
		t[0].coef = v->nominal.coef;
		t[0].scale = v->nominal.scale;
		t[1].coef = v->dev_up.coef;
		t[1].scale = v->dev_up.scale;
		t[2].coef = v->dev_down.coef;
		t[2].scale = v->dev_down.scale;
		memcpy(data + off, t, sizeof(t));
		off += sizeof(t);
	}
	memcpy(data + off, v->unittext, ulen);
	return r;
}

/* ---------------------------------------------------------------- errors */

const char *
fr_ind_unit_label(const FrIndicator *v)
{
	if (v->flags & FR_IND_ANYUNIT)
		return "(no unit: ND)";
	if (v->unittext[0] == '\0')
		return "(no unit)";
	return v->unittext;
}

void
fr_ind_raise(const FrError *err, const char *message)
{
	ereport(ERROR,
			(errcode(fr_pg_sqlstate(err->code)),
			 errmsg("%s", message),
			 err->detail[0] ? errdetail("%s", err->detail) : 0,
			 err->hint[0] ? errhint("%s", err->hint) : 0));
	pg_unreachable();
}

void
fr_ind_require_commensurable(const FrIndicator *a, const FrIndicator *b)
{
	char		da[FR_UNIT_MAXLEN * 2];
	char		db[FR_UNIT_MAXLEN * 2];

	if (fr_ind_commensurable(a, b))
		return;
	fr_unit_dimension_text(&a->unit, da, sizeof(da));
	fr_unit_dimension_text(&b->unit, db, sizeof(db));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot compare an indicator in \"%s\" with one in \"%s\"",
					fr_pg_from_utf8(fr_ind_unit_label(a)),
					fr_pg_from_utf8(fr_ind_unit_label(b))),
			 errdetail("\"%s\" measures %s, \"%s\" measures %s.",
					   fr_pg_from_utf8(fr_ind_unit_label(a)), fr_pg_from_utf8(da),
					   fr_pg_from_utf8(fr_ind_unit_label(b)), fr_pg_from_utf8(db)),
			 errhint("compare(a, b) returns \"incomparable\" for such pairs instead of raising.")));
}

/* ---------------------------------------------------------------- text I/O */

PG_FUNCTION_INFO_V1(fr_indicator_in);
PG_FUNCTION_INFO_V1(fr_indicator_out);
PG_FUNCTION_INFO_V1(fr_indicator_recv);
PG_FUNCTION_INFO_V1(fr_indicator_send);

Datum
fr_indicator_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len;
	char	   *norm = fr_pg_normalize(str, &len, TYPNAME);
	FrIndicator v;
	FrError		err;

	fr_error_init(&err);
	if (!fr_indicator_parse(norm, len, &v, &err))
		fr_pg_raise_input(&err, TYPNAME, str);
	PG_RETURN_POINTER(fr_ind_store(&v));
}

Datum
fr_indicator_out(PG_FUNCTION_ARGS)
{
	FrIndicator v;
	char		buf[FR_IND_OUTSZ];

	fr_ind_load(PG_GETARG_DATUM(0), &v);
	fr_indicator_format(&v, FR_IND_STYLE_CANONICAL, buf);
	PG_RETURN_CSTRING(pstrdup(fr_pg_from_utf8(buf)));
}

/*
 * Binary format, version 1:
 *   int8 version, int8 form, int16 flags,
 *   lower, upper: int64 coefficient, int16 scale each (0 when infinite),
 *   tolerance form only: nominal, upper deviation, lower deviation (same),
 *   int32 length + UTF-8 canonical unit text.
 * The unit is re-parsed on input, and the value checked: a client cannot
 * hand the server an inconsistent value.
 */
static void
send_dec(StringInfo buf, FrDec d)
{
	pq_sendint64(buf, d.coef);
	pq_sendint16(buf, (uint16) d.scale);
}

static FrDec
recv_dec(StringInfo buf)
{
	FrDec		d;

	d.coef = pq_getmsgint64(buf);
	d.scale = (int16) pq_getmsgint(buf, 2);
	return d;
}

Datum
fr_indicator_send(PG_FUNCTION_ARGS)
{
	FrIndicator v;
	StringInfoData buf;
	size_t		ulen;

	fr_ind_load(PG_GETARG_DATUM(0), &v);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, FR_IND_VERSION);
	pq_sendbyte(&buf, v.form);
	pq_sendint16(&buf, v.flags);
	send_dec(&buf, (v.flags & FR_IND_LO_INF) ? (FrDec) {0, 0} : v.lo);
	send_dec(&buf, (v.flags & FR_IND_HI_INF) ? (FrDec) {0, 0} : v.hi);
	if (v.form == FR_IND_TOL)
	{
		send_dec(&buf, v.nominal);
		send_dec(&buf, v.dev_up);
		send_dec(&buf, v.dev_down);
	}
	ulen = strlen(v.unittext);
	pq_sendint32(&buf, (uint32) ulen);
	pq_sendbytes(&buf, v.unittext, (int) ulen);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

pg_noreturn static void raise_binary(const char *detail);

static void
raise_binary(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary indicator"),
			 errdetail_internal("%s", fr_pg_from_utf8(detail))));
}

Datum
fr_indicator_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	FrIndicator v;
	FrError		err;
	int			version;
	uint32		ulen;
	char		canon[FR_UNIT_MAXLEN];

	memset(&v, 0, sizeof(v));
	version = pq_getmsgbyte(buf);
	if (version != FR_IND_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported binary format version %d for type indicator", version),
				 errhint("This server reads version %d.", FR_IND_VERSION)));
	v.form = (uint8) pq_getmsgbyte(buf);
	v.flags = (uint16) pq_getmsgint(buf, 2);
	v.lo = recv_dec(buf);
	v.hi = recv_dec(buf);
	if (v.form == FR_IND_TOL)
	{
		v.nominal = recv_dec(buf);
		v.dev_up = recv_dec(buf);
		v.dev_down = recv_dec(buf);
	}
	ulen = (uint32) pq_getmsgint(buf, 4);
	if (ulen >= FR_UNIT_MAXLEN)
		raise_binary(psprintf("The unit text has %u bytes; at most %d are allowed.",
							  ulen, FR_UNIT_MAXLEN - 1));
	memcpy(v.unittext, pq_getmsgbytes(buf, (int) ulen), ulen);
	v.unittext[ulen] = '\0';
	fr_error_init(&err);
	if (v.flags & FR_IND_ANYUNIT)
	{
		if (ulen != 0)
			raise_binary("A unit-less ND carries a unit.");
	}
	else
	{
		memset(canon, 0, sizeof(canon));
		if (!fr_unit_parse(v.unittext, ulen, &v.unit, canon, &err))
			raise_binary(err.detail);
		if (strcmp(canon, v.unittext) != 0)
			raise_binary(psprintf("Unit \"%s\" is not in its canonical spelling \"%s\".",
								  v.unittext, canon));
	}
	if (!fr_indicator_check(&v, &err))
		raise_binary(err.detail);
	PG_RETURN_POINTER(fr_ind_store(&v));
}

/* ---------------------------------------------------------------- btree */

static int
cmp_datums(Datum a, Datum b)
{
	FrIndicator x,
				y;

	fr_ind_load_core(a, &x);
	fr_ind_load_core(b, &y);
	return fr_ind_order(&x, &y);
}

PG_FUNCTION_INFO_V1(fr_indicator_cmp);
PG_FUNCTION_INFO_V1(fr_indicator_eq);
PG_FUNCTION_INFO_V1(fr_indicator_ne);
PG_FUNCTION_INFO_V1(fr_indicator_lt);
PG_FUNCTION_INFO_V1(fr_indicator_le);
PG_FUNCTION_INFO_V1(fr_indicator_gt);
PG_FUNCTION_INFO_V1(fr_indicator_ge);
PG_FUNCTION_INFO_V1(fr_indicator_sortsupport);

Datum
fr_indicator_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)));
}

Datum
fr_indicator_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) == 0);
}

Datum
fr_indicator_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) != 0);
}

Datum
fr_indicator_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) < 0);
}

Datum
fr_indicator_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) <= 0);
}

Datum
fr_indicator_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) > 0);
}

Datum
fr_indicator_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(cmp_datums(PG_GETARG_DATUM(0), PG_GETARG_DATUM(1)) >= 0);
}

static int
fr_indicator_fastcmp(Datum a, Datum b, SortSupport ssup)
{
	return cmp_datums(a, b);
}

Datum
fr_indicator_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = fr_indicator_fastcmp;
	PG_RETURN_VOID();
}

/* ---------------------------------------------------------------- hash */

/*
 * Hash of the set: equal sets (as fr_ind_order says) hash alike, whatever
 * unit they were written in, because each finite bound is hashed through
 * its exact value in base units (fr_value_key).
 */
typedef struct IndHashKey
{
	int8		dim[FR_UNIT_NDIM];
	int8		lo_inf;
	int8		lo_eps;
	int8		hi_inf;
	int8		hi_eps;
	FrValueKey	lo;
	FrValueKey	hi;
} IndHashKey;

static void
hash_key(Datum d, IndHashKey *k)
{
	FrIndicator v;

	fr_ind_load_core(d, &v);
	memset(k, 0, sizeof(IndHashKey));
	if (v.flags & FR_IND_ANYUNIT)
	{
		/* only the unit-less ND: one set */
		k->hi_eps = 2;
		return;
	}
	memcpy(k->dim, v.unit.dim, sizeof(k->dim));
	k->lo_inf = (v.flags & FR_IND_LO_INF) != 0;
	k->hi_inf = (v.flags & FR_IND_HI_INF) != 0;
	if (!k->lo_inf)
	{
		k->lo_eps = (v.flags & FR_IND_LO_INC) ? 0 : 1;
		fr_value_key(v.lo, &v.unit, &k->lo);
	}
	if (!k->hi_inf)
	{
		k->hi_eps = (v.flags & FR_IND_HI_EPS) ? 1 : (v.flags & FR_IND_HI_INC) ? 0 : -1;
		fr_value_key(v.hi, &v.unit, &k->hi);
	}
}

PG_FUNCTION_INFO_V1(fr_indicator_hash);
PG_FUNCTION_INFO_V1(fr_indicator_hash_extended);

Datum
fr_indicator_hash(PG_FUNCTION_ARGS)
{
	IndHashKey	k;

	hash_key(PG_GETARG_DATUM(0), &k);
	return hash_any((unsigned char *) &k, sizeof(k));
}

Datum
fr_indicator_hash_extended(PG_FUNCTION_ARGS)
{
	IndHashKey	k;

	hash_key(PG_GETARG_DATUM(0), &k);
	return hash_any_extended((unsigned char *) &k, sizeof(k), PG_GETARG_INT64(1));
}

/* ---------------------------------------------------------------- set operators */

PG_FUNCTION_INFO_V1(fr_indicator_contained);
PG_FUNCTION_INFO_V1(fr_indicator_contains);
PG_FUNCTION_INFO_V1(fr_indicator_overlaps);

/*
 * Load both arguments of a set operator for comparison; 22023 naming both
 * units (loaded in full only then) when they are not commensurable.
 */
static void
load_operands(FunctionCallInfo fcinfo, FrIndicator *a, FrIndicator *b)
{
	fr_ind_load_core(PG_GETARG_DATUM(0), a);
	fr_ind_load_core(PG_GETARG_DATUM(1), b);
	if (!fr_ind_commensurable(a, b))
	{
		fr_ind_load(PG_GETARG_DATUM(0), a);
		fr_ind_load(PG_GETARG_DATUM(1), b);
		fr_ind_require_commensurable(a, b);
	}
}

Datum
fr_indicator_contained(PG_FUNCTION_ARGS)
{
	FrIndicator a,
				b;

	load_operands(fcinfo, &a, &b);
	PG_RETURN_BOOL(fr_ind_contained(&a, &b));
}

Datum
fr_indicator_contains(PG_FUNCTION_ARGS)
{
	FrIndicator a,
				b;

	load_operands(fcinfo, &a, &b);
	PG_RETURN_BOOL(fr_ind_contained(&b, &a));
}

Datum
fr_indicator_overlaps(PG_FUNCTION_ARGS)
{
	FrIndicator a,
				b;

	load_operands(fcinfo, &a, &b);
	PG_RETURN_BOOL(fr_ind_overlaps(&a, &b));
}

/* ---------------------------------------------------------------- accessors */

PG_FUNCTION_INFO_V1(fr_indicator_lower);
PG_FUNCTION_INFO_V1(fr_indicator_upper);
PG_FUNCTION_INFO_V1(fr_indicator_lower_inc);
PG_FUNCTION_INFO_V1(fr_indicator_upper_inc);
PG_FUNCTION_INFO_V1(fr_indicator_is_nd);
PG_FUNCTION_INFO_V1(fr_indicator_unit);

Datum
fr_indicator_lower(PG_FUNCTION_ARGS)
{
	FrIndicator v;

	fr_ind_load_core(PG_GETARG_DATUM(0), &v);
	if (v.flags & FR_IND_LO_INF)
		PG_RETURN_NULL();
	return fr_dec_to_numeric(v.lo);
}

Datum
fr_indicator_upper(PG_FUNCTION_ARGS)
{
	FrIndicator v;

	fr_ind_load_core(PG_GETARG_DATUM(0), &v);
	if (v.flags & FR_IND_HI_INF)
		PG_RETURN_NULL();
	return fr_dec_to_numeric(v.hi);
}

Datum
fr_indicator_lower_inc(PG_FUNCTION_ARGS)
{
	FrIndicator v;

	fr_ind_load_core(PG_GETARG_DATUM(0), &v);
	PG_RETURN_BOOL(!(v.flags & FR_IND_LO_INF) && (v.flags & FR_IND_LO_INC));
}

Datum
fr_indicator_upper_inc(PG_FUNCTION_ARGS)
{
	FrIndicator v;

	fr_ind_load_core(PG_GETARG_DATUM(0), &v);
	PG_RETURN_BOOL(!(v.flags & FR_IND_HI_INF) && (v.flags & FR_IND_HI_INC));
}

Datum
fr_indicator_is_nd(PG_FUNCTION_ARGS)
{
	FrIndicator v;

	fr_ind_load_core(PG_GETARG_DATUM(0), &v);
	PG_RETURN_BOOL(v.form == FR_IND_ND);
}

Datum
fr_indicator_unit(PG_FUNCTION_ARGS)
{
	FrIndicator v;

	fr_ind_load(PG_GETARG_DATUM(0), &v);
	if (v.flags & FR_IND_ANYUNIT)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(fr_pg_from_utf8(v.unittext)));
}

/* ---------------------------------------------------------------- to_text, to_unit */

PG_FUNCTION_INFO_V1(fr_indicator_to_text);

Datum
fr_indicator_to_text(PG_FUNCTION_ARGS)
{
	FrIndicator v;
	char	   *style = text_to_cstring(PG_GETARG_TEXT_PP(1));
	FrIndStyle	st;
	char		buf[FR_IND_OUTSZ];

	if (pg_strcasecmp(style, "zh") == 0)
		st = FR_IND_STYLE_ZH;
	else if (pg_strcasecmp(style, "canonical") == 0)
		st = FR_IND_STYLE_CANONICAL;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown indicator text style \"%s\"", style),
				 errhint("Known styles: \"canonical\" (≤ 0.2 mg/kg) and \"zh\" (不大于0.2 mg/kg).")));
	fr_ind_load(PG_GETARG_DATUM(0), &v);
	fr_indicator_format(&v, st, buf);
	PG_RETURN_TEXT_P(cstring_to_text(fr_pg_from_utf8(buf)));
}

/*
 * Parse a unit argument (text) into u and its canonical spelling; 22023
 * when it is not a unit.
 */
void
fr_ind_parse_unit_arg(text *t, FrUnit *u, char *canon)
{
	char	   *raw = text_to_cstring(t);
	size_t		len;
	char	   *norm = fr_pg_normalize(raw, &len, "unit");
	FrError		err;
	size_t		a = 0,
				b = len;

	while (a < b && norm[a] == ' ')
		a++;
	while (b > a && norm[b - 1] == ' ')
		b--;
	fr_error_init(&err);
	memset(canon, 0, FR_UNIT_MAXLEN);
	if (!fr_unit_parse(norm + a, b - a, u, canon, &err))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" is not a unit", raw),
				 err.detail[0] ? errdetail("%s", err.detail) : 0,
				 err.hint[0] ? errhint("%s", err.hint) : 0));
}

void
fr_ind_require_unit(const FrIndicator *v, const FrUnit *u, const char *canon)
{
	char		da[FR_UNIT_MAXLEN * 2];
	char		db[FR_UNIT_MAXLEN * 2];

	if ((v->flags & FR_IND_ANYUNIT) || fr_unit_commensurable(&v->unit, u))
		return;
	fr_unit_dimension_text(&v->unit, da, sizeof(da));
	fr_unit_dimension_text(u, db, sizeof(db));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot express an indicator in \"%s\" in \"%s\"",
					fr_pg_from_utf8(fr_ind_unit_label(v)), fr_pg_from_utf8(canon)),
			 errdetail("\"%s\" measures %s, \"%s\" measures %s.",
					   fr_pg_from_utf8(fr_ind_unit_label(v)), fr_pg_from_utf8(da),
					   fr_pg_from_utf8(canon), fr_pg_from_utf8(db)),
			 errhint("Give a unit of the same kind of quantity.")));
}

static void
convert_or_raise(FrDec x, const FrIndicator *v, const FrUnit *to, const char *tocanon,
				 FrDec *out)
{
	FrError		err;
	char		b[FR_DEC_BUFSZ];

	fr_error_init(&err);
	if (!fr_value_convert(x, &v->unit, to, out, &err))
	{
		fr_dec_format(x, b);
		ereport(ERROR,
				(errcode(fr_pg_sqlstate(err.code == FR_OK ? FR_ERR_RANGE : err.code)),
				 errmsg("%s %s cannot be expressed exactly in %s",
						b, fr_pg_from_utf8(v->unittext), fr_pg_from_utf8(tocanon)),
				 err.detail[0] ? errdetail("%s", err.detail) : 0,
				 errhint("Choose a unit in which the value is a decimal of at most %d digits.",
						 FR_DEC_MAX_DIGITS)));
	}
}

PG_FUNCTION_INFO_V1(fr_indicator_to_unit);

Datum
fr_indicator_to_unit(PG_FUNCTION_ARGS)
{
	FrIndicator v;
	FrIndicator r;
	FrUnit		u;
	char		canon[FR_UNIT_MAXLEN];
	FrError		err;

	fr_ind_load(PG_GETARG_DATUM(0), &v);
	fr_ind_parse_unit_arg(PG_GETARG_TEXT_PP(1), &u, canon);
	if (v.flags & FR_IND_ANYUNIT)
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));	/* ND is ND in every unit */
	r = v;
	r.unit = u;
	memcpy(r.unittext, canon, FR_UNIT_MAXLEN);
	fr_ind_require_unit(&v, &u, canon);
	if (!(v.flags & FR_IND_LO_INF))
		convert_or_raise(v.lo, &v, &u, canon, &r.lo);
	if (!(v.flags & FR_IND_HI_INF))
		convert_or_raise(v.hi, &v, &u, canon, &r.hi);
	if (v.form == FR_IND_POINT)
		r.hi = r.lo;
	else if (v.form == FR_IND_TOL)
	{
		/* deviations are differences: converted as hi' - nominal' */
		fr_error_init(&err);
		convert_or_raise(v.nominal, &v, &u, canon, &r.nominal);
		if (!fr_dec_sub(r.hi, r.nominal, &r.dev_up, &err) ||
			!fr_dec_sub(r.lo, r.nominal, &r.dev_down, &err))
			fr_ind_raise(&err, "cannot express the tolerance exactly in the new unit");
		if (v.flags & (FR_IND_TOL_SYM | FR_IND_TOL_REL))
		{
			/* a relative tolerance becomes the absolute one it means */
			r.flags &= ~FR_IND_TOL_REL;
			r.flags |= FR_IND_TOL_SYM;
			r.dev_down = r.dev_up;
			r.dev_down.coef = -r.dev_up.coef;
		}
		if (!fr_dec_add(r.nominal, r.dev_up, &r.hi, &err) ||
			!fr_dec_add(r.nominal, r.dev_down, &r.lo, &err))
			fr_ind_raise(&err, "cannot express the tolerance exactly in the new unit");
	}
	fr_error_init(&err);
	if (!fr_indicator_check(&r, &err))
		fr_ind_raise(&err, "the indicator converted to the new unit is not valid");
	PG_RETURN_POINTER(fr_ind_store(&r));
}
