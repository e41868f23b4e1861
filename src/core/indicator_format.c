/*
 * indicator_format.c — the indicator type's value checks and its text
 * forms (canonical and Chinese), backend-free.  The parser is in
 * indicator_parse.c; both are declared in indicator_parse.h.
 */
#include <stdio.h>
#include <string.h>

#include "core/indicator_parse.h"

/* ---------------------------------------------------------------- checks */

static bool
dec_ok(FrDec d)
{
	return d.scale >= 0 && d.scale <= FR_DEC_MAX_SCALE &&
		d.coef < FR_DEC_COEF_LIMIT && d.coef > -FR_DEC_COEF_LIMIT;
}

bool
fr_indicator_check(const FrIndicator *v, FrError *err)
{
	uint16_t	f = v->flags;
	bool		lo_inf = f & FR_IND_LO_INF;
	bool		hi_inf = f & FR_IND_HI_INF;
	const char *bad = NULL;

	if (f & ~FR_IND_ALLFLAGS)
		bad = "Unknown flags.";
	else if ((!lo_inf && !dec_ok(v->lo)) || (!hi_inf && !dec_ok(v->hi)))
		bad = "A bound is not a valid decimal.";
	else if ((f & FR_IND_ANYUNIT) && v->form != FR_IND_ND)
		bad = "Only \"not detected\" may have no unit.";
	else if ((f & (FR_IND_TOL_SYM | FR_IND_TOL_REL)) && v->form != FR_IND_TOL)
		bad = "Tolerance flags on a value that is no tolerance.";
	else if ((f & FR_IND_HI_EPS) && v->form != FR_IND_ND)
		bad = "An infinitesimal bound on a value that is not ND.";
	else
	{
		switch (v->form)
		{
			case FR_IND_POINT:
				if (lo_inf || hi_inf || fr_dec_cmp(v->lo, v->hi) != 0 ||
					(f & (FR_IND_LO_INC | FR_IND_HI_INC)) != (FR_IND_LO_INC | FR_IND_HI_INC))
					bad = "A point must have equal included bounds.";
				break;
			case FR_IND_UPPER:
				if (!lo_inf || hi_inf)
					bad = "An upper bound must have only an upper bound.";
				break;
			case FR_IND_LOWER:
				if (lo_inf || !hi_inf)
					bad = "A lower bound must have only a lower bound.";
				break;
			case FR_IND_RANGE:
			case FR_IND_TOL:
				if (lo_inf || hi_inf)
					bad = "A range must have both bounds.";
				else
				{
					int			c = fr_dec_cmp(v->lo, v->hi);

					if (c > 0 || (c == 0 && (f & (FR_IND_LO_INC | FR_IND_HI_INC)) !=
								  (FR_IND_LO_INC | FR_IND_HI_INC)))
						bad = "The range is empty.";
				}
				if (!bad && v->form == FR_IND_TOL)
				{
					FrDec		lo,
								hi;
					FrError		e2;

					fr_error_init(&e2);
					if (!dec_ok(v->nominal) || !dec_ok(v->dev_up) || !dec_ok(v->dev_down))
						bad = "The tolerance is not valid.";
					else if (f & FR_IND_TOL_REL)
					{
						FrDec		t,
									delta;

						if (!fr_dec_mul(v->nominal, v->dev_up, &t, &e2) ||
							!fr_dec_div_pow10(t, 2, &delta, &e2))
							bad = "The tolerance does not fit.";
						else
						{
							if (delta.coef < 0)
								delta.coef = -delta.coef;
							if (!fr_dec_add(v->nominal, delta, &hi, &e2) ||
								!fr_dec_sub(v->nominal, delta, &lo, &e2) ||
								!fr_dec_identical(lo, v->lo) || !fr_dec_identical(hi, v->hi))
								bad = "The bounds do not match the relative tolerance.";
						}
					}
					else if (!fr_dec_add(v->nominal, v->dev_up, &hi, &e2) ||
							 !fr_dec_add(v->nominal, v->dev_down, &lo, &e2) ||
							 !fr_dec_identical(lo, v->lo) || !fr_dec_identical(hi, v->hi))
						bad = "The bounds do not match the tolerance.";
					if (!bad && (f & FR_IND_TOL_SYM) && !(f & FR_IND_TOL_REL) &&
						(v->dev_up.coef < 0 || v->dev_up.coef != -v->dev_down.coef ||
						 v->dev_up.scale != v->dev_down.scale))
						bad = "A ± tolerance must be symmetric.";
					if (!bad && (f & (FR_IND_LO_INC | FR_IND_HI_INC)) != (FR_IND_LO_INC | FR_IND_HI_INC))
						bad = "A tolerance includes its bounds.";
				}
				break;
			case FR_IND_ND:
				if (!lo_inf || hi_inf)
					bad = "Not detected must have only an upper bound.";
				else if ((f & FR_IND_HI_EPS) &&
						 (!(f & FR_IND_ANYUNIT) || v->hi.coef != 0))
					bad = "Not detected without a limit is malformed.";
				else if (!(f & FR_IND_HI_EPS) &&
						 ((f & FR_IND_ANYUNIT) || v->hi.coef <= 0))
					bad = "A detection limit must be positive and have a unit.";
				break;
			default:
				bad = "Unknown form.";
		}
	}
	if (bad)
		return fr_error(err, FR_ERR_SYNTAX, -1, "%s", bad);
	return true;
}

/* ---------------------------------------------------------------- output */

typedef struct Out
{
	char	   *buf;
	size_t		n;
} Out;

static void
put(Out *o, const char *s)
{
	size_t		l = strlen(s);

	if (o->n + l >= FR_IND_OUTSZ)
		l = FR_IND_OUTSZ - 1 - o->n;
	memcpy(o->buf + o->n, s, l);
	o->n += l;
	o->buf[o->n] = '\0';
}

static void
put_dec(Out *o, FrDec d)
{
	char		b[FR_DEC_BUFSZ];

	fr_dec_format(d, b);
	put(o, b);
}

/* a deviation with an explicit sign: +0.5, -0.2 */
static void
put_signed(Out *o, FrDec d, bool zero_minus)
{
	if (d.coef > 0 || (d.coef == 0 && !zero_minus))
		put(o, "+");
	else if (d.coef == 0)
		put(o, "-");
	put_dec(o, d);
}

static bool
is_grade(const FrIndicator *v)
{
	return strcmp(v->unittext, "级") == 0;
}

/*
 * Chinese style: 3-4级 for the half grade 3.5 级, where the number stands
 * right before the unit (a point or a bound; in a range "3-4～5" would not
 * read back, so ranges keep decimals).
 */
static void
put_num_zh(Out *o, const FrIndicator *v, FrDec d)
{
	if (is_grade(v) && v->form != FR_IND_RANGE &&
		d.scale == 1 && d.coef >= 5 && d.coef % 10 == 5)
	{
		char		b[64];

		snprintf(b, sizeof(b), "%lld-%lld", (long long) (d.coef / 10),
				 (long long) (d.coef / 10 + 1));
		put(o, b);
	}
	else
		put_dec(o, d);
}

static void
put_unit(Out *o, const FrIndicator *v, FrIndStyle style)
{
	const unsigned char *u = (const unsigned char *) v->unittext;

	if (u[0] == '\0')
		return;
	if (style == FR_IND_STYLE_ZH &&
		(u[0] == '%' || u[0] >= 0xE3 ||
		 strncmp((const char *) u, "‰", strlen("‰")) == 0 ||
		 strncmp((const char *) u, "°", strlen("°")) == 0))
	{
		put(o, v->unittext);
		return;
	}
	put(o, " ");
	put(o, v->unittext);
}

static size_t
format_canonical(const FrIndicator *v, Out *o)
{
	bool		loinc = v->flags & FR_IND_LO_INC;
	bool		hiinc = v->flags & FR_IND_HI_INC;

	switch (v->form)
	{
		case FR_IND_POINT:
			put_dec(o, v->lo);
			break;
		case FR_IND_UPPER:
			put(o, hiinc ? "≤ " : "< ");
			put_dec(o, v->hi);
			break;
		case FR_IND_LOWER:
			put(o, loinc ? "≥ " : "> ");
			put_dec(o, v->lo);
			break;
		case FR_IND_RANGE:
			if (loinc && hiinc)
			{
				put_dec(o, v->lo);
				put(o, " ~ ");
				put_dec(o, v->hi);
			}
			else
			{
				put(o, loinc ? "[" : "(");
				put_dec(o, v->lo);
				put(o, ", ");
				put_dec(o, v->hi);
				put(o, hiinc ? "]" : ")");
			}
			break;
		case FR_IND_TOL:
			put_dec(o, v->nominal);
			if (v->flags & FR_IND_TOL_REL)
			{
				put_unit(o, v, FR_IND_STYLE_CANONICAL);
				put(o, " ± ");
				put_dec(o, v->dev_up);
				put(o, " %");
				return o->n;
			}
			if (v->flags & FR_IND_TOL_SYM)
			{
				put(o, " ± ");
				put_dec(o, v->dev_up);
			}
			else
			{
				put(o, " ");
				put_signed(o, v->dev_up, false);
				put(o, "/");
				put_signed(o, v->dev_down, true);
			}
			break;
		case FR_IND_ND:
			put(o, "ND");
			if (!(v->flags & FR_IND_HI_EPS))
			{
				put(o, hiinc ? " (≤ " : " (< ");
				put_dec(o, v->hi);
				put_unit(o, v, FR_IND_STYLE_CANONICAL);
				put(o, ")");
			}
			return o->n;
	}
	put_unit(o, v, FR_IND_STYLE_CANONICAL);
	return o->n;
}

static size_t
format_zh(const FrIndicator *v, Out *o)
{
	bool		loinc = v->flags & FR_IND_LO_INC;
	bool		hiinc = v->flags & FR_IND_HI_INC;

	switch (v->form)
	{
		case FR_IND_POINT:
			put_num_zh(o, v, v->lo);
			break;
		case FR_IND_UPPER:
			put(o, hiinc ? "不大于" : "小于");
			put_num_zh(o, v, v->hi);
			break;
		case FR_IND_LOWER:
			put(o, loinc ? (is_grade(v) ? "不低于" : "不小于") : "大于");
			put_num_zh(o, v, v->lo);
			break;
		case FR_IND_RANGE:
			if (loinc && hiinc)
			{
				put_num_zh(o, v, v->lo);
				put(o, "～");
				put_num_zh(o, v, v->hi);
			}
			else
			{
				put(o, loinc ? "不小于" : "大于");
				put_num_zh(o, v, v->lo);
				put(o, "且");
				put(o, hiinc ? "不大于" : "小于");
				put_num_zh(o, v, v->hi);
			}
			break;
		case FR_IND_TOL:
			put_dec(o, v->nominal);
			if (v->flags & FR_IND_TOL_REL)
			{
				put_unit(o, v, FR_IND_STYLE_ZH);
				put(o, "±");
				put_dec(o, v->dev_up);
				put(o, "%");
				return o->n;
			}
			if (v->flags & FR_IND_TOL_SYM)
			{
				put(o, "±");
				put_dec(o, v->dev_up);
			}
			else
			{
				put_signed(o, v->dev_up, false);
				put(o, "/");
				put_signed(o, v->dev_down, true);
			}
			break;
		case FR_IND_ND:
			put(o, "不得检出");
			if (!(v->flags & FR_IND_HI_EPS))
			{
				put(o, hiinc ? "(检出限" : "(小于");
				put_dec(o, v->hi);
				put_unit(o, v, FR_IND_STYLE_ZH);
				put(o, ")");
			}
			return o->n;
	}
	put_unit(o, v, FR_IND_STYLE_ZH);
	return o->n;
}

size_t
fr_indicator_format(const FrIndicator *v, FrIndStyle style, char *buf)
{
	Out			o;

	o.buf = buf;
	o.n = 0;
	buf[0] = '\0';
	if (style == FR_IND_STYLE_ZH)
		return format_zh(v, &o);
	return format_canonical(v, &o);
}
