/*
 * units_fn.c — SQL access to the unit table and the unit algebra:
 * frontrunner.units(), unit_prefixes(), unit_canonical(), unit_dimension(),
 * unit_commensurable(), unit_convert(), unit_compare(), unit_value_key().
 * The algebra itself is backend-free (units.c); this file is the glue.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "core/quantity.h"
#include "core/units.h"
#include "decimal.h"
#include "pgutil.h"

PG_FUNCTION_INFO_V1(fr_units_list);
PG_FUNCTION_INFO_V1(fr_unit_prefixes_list);
PG_FUNCTION_INFO_V1(fr_unit_canonical_text);
PG_FUNCTION_INFO_V1(fr_unit_dimension_sql);
PG_FUNCTION_INFO_V1(fr_unit_commensurable_sql);
PG_FUNCTION_INFO_V1(fr_unit_convert_sql);
PG_FUNCTION_INFO_V1(fr_unit_compare_sql);
PG_FUNCTION_INFO_V1(fr_unit_value_key_sql);

/* text in the server encoding, from UTF-8 */
static text *
utf8_text(const char *s)
{
	return cstring_to_text(fr_pg_from_utf8(s));
}

/* parse a unit argument; raises 22P02 (unknown unit) or 54000 */
static void
unit_arg(text *t, FrUnit *u, char *canon, char **shown)
{
	char	   *raw = text_to_cstring(t);
	size_t		len;
	char	   *norm = fr_pg_normalize(raw, &len, "unit");
	FrError		err;

	fr_error_init(&err);
	if (!fr_unit_parse(norm, len, u, canon, &err))
		ereport(ERROR,
				(errcode(fr_pg_sqlstate(err.code)),
				 errmsg("invalid unit \"%s\"", raw),
				 err.detail[0] ? errdetail("%s", fr_pg_from_utf8(err.detail)) : 0,
				 err.hint[0] ? errhint("%s", fr_pg_from_utf8(err.hint)) : 0));
	if (shown)
		*shown = raw;
}

static void
require_commensurable(const FrUnit *a, const char *as, const FrUnit *b,
					  const char *bs)
{
	char		da[FR_UNIT_MAXLEN * 2];
	char		db[FR_UNIT_MAXLEN * 2];

	if (fr_unit_commensurable(a, b))
		return;
	fr_unit_dimension_text(a, da, sizeof(da));
	fr_unit_dimension_text(b, db, sizeof(db));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("units \"%s\" and \"%s\" are not commensurable", as, bs),
			 errdetail("\"%s\" is %s; \"%s\" is %s.", as, fr_pg_from_utf8(da),
					   bs, fr_pg_from_utf8(db)),
			 errhint("Only units of the same dimension convert into each other.")));
}

Datum
fr_units_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < fr_unit_table_size(); i++)
	{
		const FrUnitInfo *e = fr_unit_table_entry(i);
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = PointerGetDatum(utf8_text(e->symbol));
		values[1] = PointerGetDatum(utf8_text(e->name));
		values[2] = PointerGetDatum(utf8_text(e->kind));
		values[3] = BoolGetDatum(e->prefixable);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

Datum
fr_unit_prefixes_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < fr_unit_prefix_count(); i++)
	{
		const char *sym;
		const char *name;
		int			exp10;
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		char		num[64];

		fr_unit_prefix_entry(i, &sym, &name, &exp10);
		if (exp10 >= 0)
			snprintf(num, sizeof(num), "1%0*d", exp10, 0);
		else
			snprintf(num, sizeof(num), "0.%0*d1", -exp10 - 1, 0);
		if (exp10 == 0)
			strcpy(num, "1");
		else if (exp10 == -1)
			strcpy(num, "0.1");
		values[0] = PointerGetDatum(utf8_text(sym));
		values[1] = PointerGetDatum(utf8_text(name));
		values[2] = DirectFunctionCall3(numeric_in, CStringGetDatum(num),
										ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

Datum
fr_unit_canonical_text(PG_FUNCTION_ARGS)
{
	FrUnit		u;
	char		canon[FR_UNIT_MAXLEN];

	unit_arg(PG_GETARG_TEXT_PP(0), &u, canon, NULL);
	PG_RETURN_TEXT_P(utf8_text(canon));
}

Datum
fr_unit_dimension_sql(PG_FUNCTION_ARGS)
{
	FrUnit		u;
	char		canon[FR_UNIT_MAXLEN];
	char		dim[FR_UNIT_MAXLEN * 2];

	unit_arg(PG_GETARG_TEXT_PP(0), &u, canon, NULL);
	fr_unit_dimension_text(&u, dim, sizeof(dim));
	PG_RETURN_TEXT_P(utf8_text(dim));
}

Datum
fr_unit_commensurable_sql(PG_FUNCTION_ARGS)
{
	FrUnit		a,
				b;
	char		canon[FR_UNIT_MAXLEN];

	unit_arg(PG_GETARG_TEXT_PP(0), &a, canon, NULL);
	unit_arg(PG_GETARG_TEXT_PP(1), &b, canon, NULL);
	PG_RETURN_BOOL(fr_unit_commensurable(&a, &b));
}

/* significant digits of a decimal text */
static int
significant_digits(const char *s)
{
	int			n = 0;
	bool		started = false;

	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
		{
			if (*s != '0')
				started = true;
			if (started)
				n++;
		}
	return n;
}

#define CONVERT_DIGITS 20		/* significant digits of an inexact result */
#define CONVERT_MAX_SCALE 300

Datum
fr_unit_convert_sql(PG_FUNCTION_ARGS)
{
	FrDec		v = fr_numeric_to_dec(PG_GETARG_NUMERIC(0), "value");
	FrUnit		from,
				to;
	char		canon[FR_UNIT_MAXLEN];
	char	   *fs,
			   *ts;
	char		buf[2048];
	bool		exact;
	int			max_scale = CONVERT_DIGITS;
	FrError		err;

	unit_arg(PG_GETARG_TEXT_PP(1), &from, canon, &fs);
	unit_arg(PG_GETARG_TEXT_PP(2), &to, canon, &ts);
	require_commensurable(&from, fs, &to, ts);
	for (;;)
	{
		int			sig;

		fr_error_init(&err);
		if (!fr_value_convert_text(v, &from, &to, max_scale, buf, sizeof(buf), &exact, &err))
			ereport(ERROR,
					(errcode(fr_pg_sqlstate(err.code)),
					 errmsg("cannot convert from \"%s\" to \"%s\"", fs, ts),
					 errdetail("%s", err.detail)));
		if (exact || max_scale >= CONVERT_MAX_SCALE)
			break;
		/* not a terminating decimal: keep CONVERT_DIGITS significant digits */
		sig = significant_digits(buf);
		if (sig >= CONVERT_DIGITS)
			break;
		max_scale += CONVERT_DIGITS - sig + (sig == 0 ? CONVERT_DIGITS : 0);
		if (max_scale > CONVERT_MAX_SCALE)
			max_scale = CONVERT_MAX_SCALE;
	}
	PG_RETURN_DATUM(DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
										ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
}

Datum
fr_unit_compare_sql(PG_FUNCTION_ARGS)
{
	FrDec		a = fr_numeric_to_dec(PG_GETARG_NUMERIC(0), "value");
	FrDec		b = fr_numeric_to_dec(PG_GETARG_NUMERIC(2), "value");
	FrUnit		ua,
				ub;
	char		canon[FR_UNIT_MAXLEN];
	char	   *as,
			   *bs;

	unit_arg(PG_GETARG_TEXT_PP(1), &ua, canon, &as);
	unit_arg(PG_GETARG_TEXT_PP(3), &ub, canon, &bs);
	require_commensurable(&ua, as, &ub, bs);
	PG_RETURN_INT32(fr_value_cmp(a, &ua, b, &ub));
}

Datum
fr_unit_value_key_sql(PG_FUNCTION_ARGS)
{
	FrDec		v = fr_numeric_to_dec(PG_GETARG_NUMERIC(0), "value");
	FrUnit		u;
	char		canon[FR_UNIT_MAXLEN];
	FrValueKey	key;
	bytea	   *out = palloc(VARHDRSZ + sizeof(FrValueKey));

	unit_arg(PG_GETARG_TEXT_PP(1), &u, canon, NULL);
	fr_value_key(v, &u, &key);
	SET_VARSIZE(out, VARHDRSZ + sizeof(FrValueKey));
	memcpy(VARDATA(out), &key, sizeof(FrValueKey));
	PG_RETURN_BYTEA_P(out);
}
