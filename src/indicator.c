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
#include "lib/hyperloglog.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/sortsupport.h"

#include "core/indicator_abbrev.h"
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

/* where the parts of a stored value are */
typedef struct Layout
{
	FrIndDisk	disk;
	FrIndExt	ext;
	size_t		tol_off;
	size_t		unit_off;
	size_t		species_off;
} Layout;

static void
read_layout(const char *data, Layout *l)
{
	size_t		off = sizeof(FrIndDisk);

	memcpy(&l->disk, data, sizeof(FrIndDisk));
	if (l->disk.version >= FR_IND_VERSION && (l->disk.flags & FR_IND_DISK_EXT))
	{
		memcpy(&l->ext, data + off, sizeof(FrIndExt));
		off += sizeof(FrIndExt);
	}
	else
		memset(&l->ext, 0, sizeof(FrIndExt));
	l->tol_off = off;
	if (l->disk.form == FR_IND_TOL)
		off += 3 * sizeof(FrDec);
	l->unit_off = off;
	l->species_off = off + l->disk.unitlen;
}

static bool
dimensionless(const FrUnit *u)
{
	for (int i = 0; i < FR_UNIT_NDIM; i++)
		if (u->dim[i] != 0)
			return false;
	return true;
}

/* form, flags, bounds and unit: what the btree order looks at first */
static void
copy_bounds(const char *data, const Layout *l, FrIndicator *v)
{
	v->form = l->disk.form;
	v->flags = l->disk.flags & ~FR_IND_DISK_EXT;
	v->lo = l->disk.lo;
	v->hi = l->disk.hi;
	v->unit = l->disk.unit;

	/*
	 * 0.1.0 stored a volume fraction (mL/L, %vol) and %RH as dimensionless:
	 * their unit is derived again from the text, by 0.2.0's algebra.
	 */
	if (l->disk.version == FR_IND_VERSION_0_1 && l->disk.unitlen > 0 &&
		!(v->flags & FR_IND_ANYUNIT) && dimensionless(&v->unit))
	{
		char		canon[FR_UNIT_MAXLEN];
		FrError		err;

		fr_error_init(&err);
		if (!fr_indicator_unit_parse(data + l->unit_off, l->disk.unitlen, &v->unit, canon, &err))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("stored indicator has a unit this release cannot read"),
					 errdetail_internal("%s", err.detail)));
	}
}

/* bounds, flags, unit, basis and plan: what comparisons need */
static void
copy_core(const char *data, FrIndicator *v)
{
	Layout		l;
	size_t		sl;

	read_layout(data, &l);
	copy_bounds(data, &l, v);
	v->lo_exp = l.ext.lo_exp;
	v->hi_exp = l.ext.hi_exp;
	v->max_exp = l.ext.max_exp;
	v->lo_pow = l.ext.lo_pow;
	v->hi_pow = l.ext.hi_pow;
	v->max_pow = l.ext.max_pow;
	v->fraction_q = l.ext.fraction_q;
	v->sample_q = l.ext.sample_q;
	v->plan_n = l.ext.plan_n;
	v->plan_c = l.ext.plan_c;
	v->plan_max = l.ext.plan_max;
	sl = Min(l.ext.specieslen, FR_SPECIES_MAXLEN - 1);
	memcpy(v->species, data + l.species_off, sl);
	v->species[sl] = '\0';
}

/* only what copy_bounds copies (the abbreviated sort key's part) */
static void
ind_load_bounds(Datum d, FrIndicator *v)
{
	struct varlena *p;
	const char *data = ind_data(d, &p);
	Layout		l;

	memcpy(&l.disk, data, sizeof(FrIndDisk));
	l.unit_off = sizeof(FrIndDisk);
	if (l.disk.version == FR_IND_VERSION_0_1 && l.disk.unitlen > 0)
		read_layout(data, &l);
	copy_bounds(data, &l, v);
	if ((Pointer) p != DatumGetPointer(d))
		pfree(p);
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
	Layout		l;
	size_t		ulen;

	memset(v, 0, sizeof(FrIndicator));
	read_layout(data, &l);
	copy_core(data, v);
	if (v->form == FR_IND_TOL)
	{
		memcpy(&v->nominal, data + l.tol_off, sizeof(FrDec));
		memcpy(&v->dev_up, data + l.tol_off + sizeof(FrDec), sizeof(FrDec));
		memcpy(&v->dev_down, data + l.tol_off + 2 * sizeof(FrDec), sizeof(FrDec));
	}
	ulen = Min(l.disk.unitlen, FR_UNIT_MAXLEN - 1);
	memcpy(v->unittext, data + l.unit_off, ulen);
	v->unittext[ulen] = '\0';
	if ((Pointer) p != DatumGetPointer(d))
		pfree(p);
}

/*
 * Write a field of a stored struct at data + off.  The value is built in
 * place, its padding zeroed by palloc0 (equal values store identical
 * bytes): a struct built on the stack and copied whole would be read back
 * with wide loads right after its narrow stores, which the store buffer
 * cannot forward (it showed in profiles of indicator input).
 */
#define PUT(data, off, x) memcpy((data) + (off), &(x), sizeof(x))

/* an FrDec at data + off (its padding zeroed already) */
static inline void
put_dec(char *data, size_t off, FrDec d)
{
	PUT(data, off + offsetof(FrDec, coef), d.coef);
	PUT(data, off + offsetof(FrDec, scale), d.scale);
}

struct varlena *
fr_ind_store(const FrIndicator *v)
{
	bool		ext = fr_indicator_extended(v);
	size_t		ulen = strlen(v->unittext);
	size_t		slen = ext ? strlen(v->species) : 0;
	size_t		fixed = sizeof(FrIndDisk) + (ext ? sizeof(FrIndExt) : 0) +
		(v->form == FR_IND_TOL ? 3 * sizeof(FrDec) : 0);
	size_t		size = VARHDRSZ + fixed + ulen + slen;
	/* zeroed: the padding, and the unit of a value with no unit */
	struct varlena *r = (struct varlena *) palloc0(size);
	char	   *data = VARDATA(r);
	size_t		off = sizeof(FrIndDisk);
	FrDec		zero = {0, 0};
	uint8		version = FR_IND_VERSION;
	uint8		form = v->form;
	uint16		flags = v->flags | (ext ? FR_IND_DISK_EXT : 0);
	uint16		unitlen = (uint16) ulen;

	SET_VARSIZE(r, size);
	PUT(data, offsetof(FrIndDisk, version), version);
	PUT(data, offsetof(FrIndDisk, form), form);
	PUT(data, offsetof(FrIndDisk, flags), flags);
	PUT(data, offsetof(FrIndDisk, unitlen), unitlen);
	put_dec(data, offsetof(FrIndDisk, lo), (v->flags & FR_IND_LO_INF) ? zero : v->lo);
	put_dec(data, offsetof(FrIndDisk, hi), (v->flags & FR_IND_HI_INF) ? zero : v->hi);
	if (!(v->flags & FR_IND_ANYUNIT))
		PUT(data, offsetof(FrIndDisk, unit), v->unit);
	if (ext)
	{
		uint16		specieslen = (uint16) slen;

		PUT(data, off + offsetof(FrIndExt, lo_exp), v->lo_exp);
		PUT(data, off + offsetof(FrIndExt, hi_exp), v->hi_exp);
		PUT(data, off + offsetof(FrIndExt, max_exp), v->max_exp);
		PUT(data, off + offsetof(FrIndExt, lo_pow), v->lo_pow);
		PUT(data, off + offsetof(FrIndExt, hi_pow), v->hi_pow);
		PUT(data, off + offsetof(FrIndExt, max_pow), v->max_pow);
		PUT(data, off + offsetof(FrIndExt, fraction_q), v->fraction_q);
		PUT(data, off + offsetof(FrIndExt, sample_q), v->sample_q);
		PUT(data, off + offsetof(FrIndExt, plan_n), v->plan_n);
		PUT(data, off + offsetof(FrIndExt, plan_c), v->plan_c);
		PUT(data, off + offsetof(FrIndExt, specieslen), specieslen);
		put_dec(data, off + offsetof(FrIndExt, plan_max), v->plan_max);
		off += sizeof(FrIndExt);
	}
	if (v->form == FR_IND_TOL)
	{
		put_dec(data, off, v->nominal);
		put_dec(data, off + sizeof(FrDec), v->dev_up);
		put_dec(data, off + 2 * sizeof(FrDec), v->dev_down);
		off += 3 * sizeof(FrDec);
	}
	memcpy(data + off, v->unittext, ulen);
	memcpy(data + off + ulen, v->species, slen);
	return r;
}

#undef PUT

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
fr_ind_basis_label(const FrIndicator *v, char *buf, size_t cap)
{
	const char *sample = fr_qualifier_spelling(FR_QUAL_SAMPLE, v->sample_q);

	if (v->species[0] && sample[0])
		snprintf(buf, cap, "以%s计, %s", v->species, sample);
	else if (v->species[0])
		snprintf(buf, cap, "以%s计", v->species);
	else if (sample[0])
		snprintf(buf, cap, "%s", sample);
	else
		snprintf(buf, cap, "no basis (as received)");
}

void
fr_ind_require_commensurable(const FrIndicator *a, const FrIndicator *b)
{
	char		da[FR_UNIT_MAXLEN * 2];
	char		db[FR_UNIT_MAXLEN * 2];

	if (fr_ind_commensurable(a, b))
		return;
	if (fr_ind_units_commensurable(a, b))
	{
		/* same quantity, different bases: 以N计 vs 以NO3计, 以干基计 vs as received */
		char		ba[FR_SPECIES_MAXLEN + 64];
		char		bb[FR_SPECIES_MAXLEN + 64];

		fr_ind_basis_label(a, ba, sizeof(ba));
		fr_ind_basis_label(b, bb, sizeof(bb));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot compare indicators on different bases: %s and %s",
						fr_pg_from_utf8(ba), fr_pg_from_utf8(bb)),
				 errdetail("Values on different bases count different things (nitrate as N is about 4.43 times nitrate as NO3); a value on no species basis is compatible with any species."),
				 errhint("compare(a, b) returns \"incomparable\" for such pairs instead of raising.")));
	}
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
	const char *norm = fr_pg_normalize_const(str, &len, TYPNAME);
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
 * Binary format, version 1 (what 0.1.0 sends; still sent for a value that
 * has nothing of 0.2.0: no power of ten, basis or plan):
 *   int8 version, int8 form, int16 flags,
 *   lower, upper: int64 coefficient, int16 scale each (0 when infinite),
 *   tolerance form only: nominal, upper deviation, lower deviation (same),
 *   int32 length + UTF-8 canonical unit text.
 * Version 2 (0.2.0) continues version 1 with
 *   int8 lower, upper and M exponents, int8 lower, upper and M power flags
 *   (FR_POW_*: 1 written with a power of ten, 2 the bare power 10^k),
 *   int8 fraction qualifier, int8 sample basis (their spellings' numbers),
 *   int16 n, int16 c, M (int64, int16) of a sampling plan,
 *   int32 length + UTF-8 species (以X计: X).
 * Scales may be negative in version 2 (13×10² is {13, -2}).  The unit is
 * re-parsed on input (and a fraction qualifier applied to it), and the
 * value checked: a client cannot hand the server an inconsistent value.
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

	memset(&d, 0, sizeof(d));
	d.coef = pq_getmsgint64(buf);
	d.scale = (int16) pq_getmsgint(buf, 2);
	return d;
}

static void
send_text(StringInfo buf, const char *t)
{
	size_t		n = strlen(t);

	pq_sendint32(buf, (uint32) n);
	pq_sendbytes(buf, t, (int) n);
}

Datum
fr_indicator_send(PG_FUNCTION_ARGS)
{
	FrIndicator v;
	StringInfoData buf;
	bool		ext;
	FrDec		zero = {0, 0};

	fr_ind_load(PG_GETARG_DATUM(0), &v);
	ext = fr_indicator_extended(&v);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, ext ? FR_IND_VERSION : FR_IND_VERSION_0_1);
	pq_sendbyte(&buf, v.form);
	pq_sendint16(&buf, v.flags);
	send_dec(&buf, (v.flags & FR_IND_LO_INF) ? zero : v.lo);
	send_dec(&buf, (v.flags & FR_IND_HI_INF) ? zero : v.hi);
	if (v.form == FR_IND_TOL)
	{
		send_dec(&buf, v.nominal);
		send_dec(&buf, v.dev_up);
		send_dec(&buf, v.dev_down);
	}
	send_text(&buf, v.unittext);
	if (ext)
	{
		pq_sendbyte(&buf, (uint8) v.lo_exp);
		pq_sendbyte(&buf, (uint8) v.hi_exp);
		pq_sendbyte(&buf, (uint8) v.max_exp);
		pq_sendbyte(&buf, v.lo_pow);
		pq_sendbyte(&buf, v.hi_pow);
		pq_sendbyte(&buf, v.max_pow);
		pq_sendbyte(&buf, v.fraction_q);
		pq_sendbyte(&buf, v.sample_q);
		pq_sendint16(&buf, v.plan_n);
		pq_sendint16(&buf, v.plan_c);
		send_dec(&buf, v.plan_max);
		send_text(&buf, v.species);
	}
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

/* an int32 length and that many bytes, into dst (cap bytes, NUL added) */
static uint32
recv_text(StringInfo buf, char *dst, size_t cap, const char *what)
{
	uint32		n = (uint32) pq_getmsgint(buf, 4);

	if (n >= cap)
		raise_binary(psprintf("The %s has %u bytes; at most %zu are allowed.", what, n, cap - 1));
	memcpy(dst, pq_getmsgbytes(buf, (int) n), n);
	dst[n] = '\0';
	return n;
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
	if (version != FR_IND_VERSION && version != FR_IND_VERSION_0_1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported binary format version %d for type indicator", version),
				 errhint("This server reads versions %d and %d.", FR_IND_VERSION_0_1, FR_IND_VERSION)));
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
	ulen = recv_text(buf, v.unittext, FR_UNIT_MAXLEN, "unit text");
	if (version == FR_IND_VERSION)
	{
		v.lo_exp = (int8) pq_getmsgbyte(buf);
		v.hi_exp = (int8) pq_getmsgbyte(buf);
		v.max_exp = (int8) pq_getmsgbyte(buf);
		v.lo_pow = (uint8) pq_getmsgbyte(buf);
		v.hi_pow = (uint8) pq_getmsgbyte(buf);
		v.max_pow = (uint8) pq_getmsgbyte(buf);
		v.fraction_q = (uint8) pq_getmsgbyte(buf);
		v.sample_q = (uint8) pq_getmsgbyte(buf);
		v.plan_n = (uint16) pq_getmsgint(buf, 2);
		v.plan_c = (uint16) pq_getmsgint(buf, 2);
		v.plan_max = recv_dec(buf);
		recv_text(buf, v.species, FR_SPECIES_MAXLEN, "species");
	}
	else if ((v.flags & FR_IND_ALLFLAGS) != (v.flags & 0x00FF) || v.form == FR_IND_PLAN ||
			 (!(v.flags & FR_IND_LO_INF) && v.lo.scale < 0) ||
			 (!(v.flags & FR_IND_HI_INF) && v.hi.scale < 0))
		raise_binary("Version 1 has no sampling plans and no powers of ten.");
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
		if (!fr_unit_apply_fraction(&v.unit, v.unittext, fr_fraction_of(v.fraction_q), &err))
			raise_binary(err.detail);
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

/*
 * Abbreviated keys (core/indicator_abbrev.h): a sort compares 64-bit keys
 * and loads the two values only when the keys tie, so the order stays
 * exactly fr_ind_order's.  As numeric and text do, the sort gives up the
 * keys early when a HyperLogLog estimate says they hardly tell the values
 * apart (fewer than one distinct key in 10,000 values).
 */
typedef struct IndSortSupport
{
	double		input_count;
	bool		estimating;
	hyperLogLogState abbr_card;
} IndSortSupport;

static Datum
ind_abbrev_convert(Datum original, SortSupport ssup)
{
	IndSortSupport *iss = (IndSortSupport *) ssup->ssup_extra;
	FrIndicator v;
	uint64		key;

	ind_load_bounds(original, &v);
	key = fr_ind_abbrev(&v);
	iss->input_count += 1;
	if (iss->estimating)
		addHyperLogLog(&iss->abbr_card,
					   DatumGetUInt32(hash_uint32((uint32) (key ^ (key >> 32)))));
	return UInt64GetDatum(key);
}

static bool
ind_abbrev_abort(int memtupcount, SortSupport ssup)
{
	IndSortSupport *iss = (IndSortSupport *) ssup->ssup_extra;
	double		abbr_card;

	if (memtupcount < 10000 || iss->input_count < 10000 || !iss->estimating)
		return false;
	abbr_card = estimateHyperLogLog(&iss->abbr_card);
	/* beyond 100k distinct keys abbreviation pays whatever follows */
	if (abbr_card > 100000.0)
	{
		iss->estimating = false;
		return false;
	}
	return abbr_card < iss->input_count / 10000.0 + 0.5;
}

Datum
fr_indicator_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = fr_indicator_fastcmp;
#if SIZEOF_DATUM == 8
	if (ssup->abbreviate)
	{
		MemoryContext old = MemoryContextSwitchTo(ssup->ssup_cxt);
		IndSortSupport *iss = palloc0(sizeof(IndSortSupport));

		iss->estimating = true;
		initHyperLogLog(&iss->abbr_card, 10);
		MemoryContextSwitchTo(old);
		ssup->ssup_extra = iss;
		ssup->abbrev_full_comparator = fr_indicator_fastcmp;
		ssup->comparator = ssup_datum_unsigned_cmp;
		ssup->abbrev_converter = ind_abbrev_convert;
		ssup->abbrev_abort = ind_abbrev_abort;
	}
#endif
	PG_RETURN_VOID();
}

/* ---------------------------------------------------------------- hash */

/*
 * Hash of the set: equal sets (as fr_ind_order says) hash alike, whatever
 * unit they were written in, because each finite bound is hashed through
 * its exact value in base units (fr_value_key).  A value with a basis or a
 * sampling plan (0.2.0) mixes in what = compares beyond the set: the
 * species key, the sample basis and the plan's n, c and M'.  A value
 * without them hashes as in 0.1.0.
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

typedef struct IndHashExt
{
	char		species[FR_SPECIES_MAXLEN];
	int8		sample;
	int8		plan;
	uint16		plan_n;
	uint16		plan_c;
	int8		max_inf;
	int8		pad;
	FrValueKey	max;
} IndHashExt;

/* the keys of d; false when it has no extension to hash */
static bool
hash_key(Datum d, IndHashKey *k, IndHashExt *x)
{
	FrIndicator v;

	fr_ind_load_core(d, &v);
	memset(k, 0, sizeof(IndHashKey));
	if (v.flags & FR_IND_ANYUNIT)
	{
		/* only the unit-less ND: one set */
		k->hi_eps = 2;
		return false;
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
	if (v.form != FR_IND_PLAN && v.species[0] == '\0' && v.sample_q == 0)
		return false;
	memset(x, 0, sizeof(IndHashExt));
	fr_species_key(v.species, x->species);
	x->sample = (int8) fr_sample_of(v.sample_q);
	if (v.form == FR_IND_PLAN)
	{
		bool		unbounded;
		FrDec		big = fr_plan_effective_max(&v, &unbounded);

		x->plan = 1;
		x->plan_n = v.plan_n;
		x->plan_c = v.plan_c;
		x->max_inf = unbounded;
		if (!unbounded)
			fr_value_key(big, &v.unit, &x->max);
	}
	return true;
}

PG_FUNCTION_INFO_V1(fr_indicator_hash);
PG_FUNCTION_INFO_V1(fr_indicator_hash_extended);

Datum
fr_indicator_hash(PG_FUNCTION_ARGS)
{
	IndHashKey	k;
	IndHashExt	x;
	uint32		h;

	if (!hash_key(PG_GETARG_DATUM(0), &k, &x))
		return hash_any((unsigned char *) &k, sizeof(k));
	h = DatumGetUInt32(hash_any((unsigned char *) &k, sizeof(k)));
	PG_RETURN_UINT32(hash_combine(h, DatumGetUInt32(hash_any((unsigned char *) &x, sizeof(x)))));
}

Datum
fr_indicator_hash_extended(PG_FUNCTION_ARGS)
{
	IndHashKey	k;
	IndHashExt	x;
	uint64		seed = PG_GETARG_INT64(1);
	uint64		h;

	if (!hash_key(PG_GETARG_DATUM(0), &k, &x))
		return hash_any_extended((unsigned char *) &k, sizeof(k), seed);
	h = DatumGetUInt64(hash_any_extended((unsigned char *) &k, sizeof(k), seed));
	PG_RETURN_UINT64(hash_combine64(h, DatumGetUInt64(hash_any_extended((unsigned char *) &x, sizeof(x), seed))));
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

/* one end of the argument: false when it has none */
typedef struct Bound
{
	FrDec		d;
	bool		inc;
	bool		eps;			/* the 0⁺ of ND without a limit */
} Bound;

static bool
bound_of(FunctionCallInfo fcinfo, bool upper, Bound *b)
{
	FrIndicator v;

	fr_ind_load_core(PG_GETARG_DATUM(0), &v);
	if (v.flags & (upper ? FR_IND_HI_INF : FR_IND_LO_INF))
		return false;
	b->d = upper ? v.hi : v.lo;
	b->inc = (v.flags & (upper ? FR_IND_HI_INC : FR_IND_LO_INC)) != 0;
	b->eps = upper && (v.flags & FR_IND_HI_EPS);
	return true;
}

/* the unit of the last written digit: 0.01 for 0.30, 100 for 13×10² */
static Datum
precision_of(const Bound *b)
{
	FrDec		one = {1, b->d.scale};

	return fr_dec_to_numeric(one);
}

static Datum
text_datum(const char *s)
{
	return PointerGetDatum(cstring_to_text(fr_pg_from_utf8(s)));
}

PG_FUNCTION_INFO_V1(fr_indicator_lower);
PG_FUNCTION_INFO_V1(fr_indicator_upper);
PG_FUNCTION_INFO_V1(fr_indicator_lower_inc);
PG_FUNCTION_INFO_V1(fr_indicator_upper_inc);
PG_FUNCTION_INFO_V1(fr_indicator_lower_precision);
PG_FUNCTION_INFO_V1(fr_indicator_upper_precision);
PG_FUNCTION_INFO_V1(fr_indicator_is_nd);
PG_FUNCTION_INFO_V1(fr_indicator_unit);
PG_FUNCTION_INFO_V1(fr_indicator_form);
PG_FUNCTION_INFO_V1(fr_indicator_species);
PG_FUNCTION_INFO_V1(fr_indicator_sample_basis);
PG_FUNCTION_INFO_V1(fr_indicator_fraction);
PG_FUNCTION_INFO_V1(fr_indicator_plan_n);
PG_FUNCTION_INFO_V1(fr_indicator_plan_c);
PG_FUNCTION_INFO_V1(fr_indicator_plan_m);
PG_FUNCTION_INFO_V1(fr_indicator_plan_max);

Datum
fr_indicator_lower(PG_FUNCTION_ARGS)
{
	Bound		b;

	if (!bound_of(fcinfo, false, &b))
		PG_RETURN_NULL();
	return fr_dec_to_numeric(b.d);
}

Datum
fr_indicator_upper(PG_FUNCTION_ARGS)
{
	Bound		b;

	if (!bound_of(fcinfo, true, &b))
		PG_RETURN_NULL();
	return fr_dec_to_numeric(b.d);
}

Datum
fr_indicator_lower_inc(PG_FUNCTION_ARGS)
{
	Bound		b;

	PG_RETURN_BOOL(bound_of(fcinfo, false, &b) && b.inc);
}

Datum
fr_indicator_upper_inc(PG_FUNCTION_ARGS)
{
	Bound		b;

	PG_RETURN_BOOL(bound_of(fcinfo, true, &b) && b.inc);
}

Datum
fr_indicator_lower_precision(PG_FUNCTION_ARGS)
{
	Bound		b;

	if (!bound_of(fcinfo, false, &b))
		PG_RETURN_NULL();
	return precision_of(&b);
}

Datum
fr_indicator_upper_precision(PG_FUNCTION_ARGS)
{
	Bound		b;

	if (!bound_of(fcinfo, true, &b) || b.eps)
		PG_RETURN_NULL();
	return precision_of(&b);
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
	return text_datum(v.unittext);
}

Datum
fr_indicator_form(PG_FUNCTION_ARGS)
{
	static const char *const names[] = {
		"", "point", "upper", "lower", "range", "tolerance", "nd", "plan"
	};
	FrIndicator v;

	fr_ind_load_core(PG_GETARG_DATUM(0), &v);
	return text_datum(v.form <= FR_IND_PLAN ? names[v.form] : "");
}

Datum
fr_indicator_species(PG_FUNCTION_ARGS)
{
	FrIndicator v;

	fr_ind_load_core(PG_GETARG_DATUM(0), &v);
	if (v.species[0] == '\0')
		PG_RETURN_NULL();
	return text_datum(v.species);
}

Datum
fr_indicator_sample_basis(PG_FUNCTION_ARGS)
{
	FrIndicator v;
	const char *name;

	fr_ind_load_core(PG_GETARG_DATUM(0), &v);
	name = fr_sample_name(fr_sample_of(v.sample_q));
	if (name == NULL)
		PG_RETURN_NULL();
	return text_datum(name);
}

Datum
fr_indicator_fraction(PG_FUNCTION_ARGS)
{
	FrIndicator v;
	const char *name;

	fr_ind_load(PG_GETARG_DATUM(0), &v);
	if ((v.flags & FR_IND_ANYUNIT) || v.unittext[0] == '\0')
		PG_RETURN_NULL();
	name = fr_fraction_name(fr_unit_fraction(&v.unit));
	if (name == NULL)
		PG_RETURN_NULL();
	return text_datum(name);
}

/* the argument, when it is a sampling plan */
static bool
plan_of(FunctionCallInfo fcinfo, FrIndicator *v)
{
	fr_ind_load_core(PG_GETARG_DATUM(0), v);
	return v->form == FR_IND_PLAN;
}

Datum
fr_indicator_plan_n(PG_FUNCTION_ARGS)
{
	FrIndicator v;

	if (!plan_of(fcinfo, &v))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v.plan_n);
}

Datum
fr_indicator_plan_c(PG_FUNCTION_ARGS)
{
	FrIndicator v;

	if (!plan_of(fcinfo, &v))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v.plan_c);
}

Datum
fr_indicator_plan_m(PG_FUNCTION_ARGS)
{
	FrIndicator v;

	if (!plan_of(fcinfo, &v))
		PG_RETURN_NULL();
	return fr_dec_to_numeric(v.hi);
}

Datum
fr_indicator_plan_max(PG_FUNCTION_ARGS)
{
	FrIndicator v;

	if (!plan_of(fcinfo, &v) || !(v.flags & FR_IND_PLAN_M))
		PG_RETURN_NULL();
	return fr_dec_to_numeric(v.plan_max);
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
	fr_ind_require_unit(&v, &u, canon);
	r = v;
	memcpy(r.unittext, canon, FR_UNIT_MAXLEN);
	if (strcmp(canon, v.unittext) != 0)
		r.fraction_q = 0;		/* the new unit says which fraction it is */
	if (fr_unit_identical(&v.unit, &u))
	{
		/* the same unit spelled otherwise (l, L): the numbers as written */
		fr_error_init(&err);
		if (!fr_unit_apply_fraction(&u, canon, fr_fraction_of(r.fraction_q), &err))
			fr_ind_raise(&err, "the indicator converted to the new unit is not valid");
		r.unit = u;
		PG_RETURN_POINTER(fr_ind_store(&r));
	}
	r.unit = u;
	/* converted numbers are plain decimals */
	r.lo_exp = r.hi_exp = r.max_exp = 0;
	r.lo_pow = r.hi_pow = r.max_pow = 0;
	if (!(v.flags & FR_IND_LO_INF))
		convert_or_raise(v.lo, &v, &u, canon, &r.lo);
	if (!(v.flags & FR_IND_HI_INF))
		convert_or_raise(v.hi, &v, &u, canon, &r.hi);
	if (v.form == FR_IND_POINT)
		r.hi = r.lo;
	else if (v.form == FR_IND_PLAN && (v.flags & FR_IND_PLAN_M))
		convert_or_raise(v.plan_max, &v, &u, canon, &r.plan_max);
	else if (v.form == FR_IND_TOL)
	{
		/* deviations are differences: converted as hi' - nominal' */
		fr_error_init(&err);
		convert_or_raise(v.nominal, &v, &u, canon, &r.nominal);
		if (!fr_dec_sub(r.hi, r.nominal, &r.dev_up, &err) ||
			!fr_dec_sub(r.lo, r.nominal, &r.dev_down, &err))
			fr_ind_raise(&err, "cannot express the tolerance exactly in the new unit");
		/* a relative tolerance becomes the absolute one it means */
		r.flags &= ~FR_IND_TOL_REL;
		if (v.flags & FR_IND_TOL_SYM)
		{
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
