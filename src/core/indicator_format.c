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
	return fr_dec_valid(d);
}

/*
 * A number as written: a negative scale only with a written power of ten,
 * whose mantissa (the value × 10^-exp) has 0 .. 18 decimals; a bare 10^k
 * has the mantissa 1.
 */
static bool
pow_ok(FrDec d, int8_t exp, uint8_t pow)
{
	int			mscale = d.scale + exp;

	if (pow & ~FR_POW_ALL)
		return false;
	if (!(pow & FR_POW_WRITTEN))
		return pow == 0 && exp == 0 && d.scale >= 0;
	if (exp > FR_POW_MAX_EXP || exp < -FR_POW_MAX_EXP || mscale < 0 || mscale > FR_DEC_MAX_SCALE)
		return false;
	if (pow & FR_POW_BARE)
		return d.coef == 1 && mscale == 0;
	return true;
}

bool
fr_indicator_extended(const FrIndicator *v)
{
	return v->form == FR_IND_PLAN || v->lo_pow || v->hi_pow || v->max_pow ||
		v->fraction_q || v->sample_q || v->species[0] != '\0';
}

/* the basis and the plan parts: a problem, or NULL */
static const char *
check_extensions(const FrIndicator *v)
{
	uint16_t	f = v->flags;

	if ((!(f & FR_IND_LO_INF) && !pow_ok(v->lo, v->lo_exp, v->lo_pow)) ||
		(!(f & FR_IND_HI_INF) && !pow_ok(v->hi, v->hi_exp, v->hi_pow)))
		return "A power of ten is not valid.";
	if (((f & FR_IND_LO_INF) && (v->lo_pow || v->lo_exp)) ||
		((f & FR_IND_HI_INF) && (v->hi_pow || v->hi_exp)))
		return "An infinite bound has a power of ten.";
	if (v->form == FR_IND_TOL && (v->lo_pow || v->hi_pow))
		return "A tolerance has a power of ten.";
	if ((f & FR_IND_HI_EPS) && v->hi_pow)
		return "An infinitesimal bound has a power of ten.";
	if (v->fraction_q && fr_fraction_of(v->fraction_q) == FR_FRAC_NONE)
		return "Unknown fraction qualifier.";
	if (v->sample_q && fr_sample_of(v->sample_q) == FR_SAMPLE_NONE)
		return "Unknown sample basis.";
	if (memchr(v->species, '\0', FR_SPECIES_MAXLEN) == NULL ||
		(v->species[0] && !fr_species_valid(v->species, strlen(v->species))))
		return "The species is not valid.";
	if ((f & FR_IND_ANYUNIT) && (v->fraction_q || v->sample_q || v->species[0]))
		return "Not detected without a limit has no basis.";
	if (v->fraction_q && v->unittext[0] == '\0')
		return "A fraction qualifier needs a unit.";
	if (v->form != FR_IND_PLAN)
	{
		if ((f & FR_IND_PLAN_M) || v->plan_n || v->plan_c || v->max_pow || v->max_exp ||
			v->plan_max.coef || v->plan_max.scale)
			return "Sampling plan fields on a value that is no plan.";
		return NULL;
	}
	if (!(f & FR_IND_LO_INF) || (f & (FR_IND_HI_INF | FR_IND_HI_EPS | FR_IND_TOL_SYM | FR_IND_TOL_REL)) ||
		!(f & FR_IND_HI_INC))
		return "A sampling plan is stored as its limit m, included.";
	if (v->plan_n < 1 || v->plan_n > FR_PLAN_MAX_N || v->plan_c >= v->plan_n)
		return "A sampling plan needs 1 <= n and 0 <= c < n.";
	if (f & FR_IND_PLAN_M)
	{
		if (!dec_ok(v->plan_max) || !pow_ok(v->plan_max, v->max_exp, v->max_pow))
			return "M is not a valid decimal.";
		if (fr_dec_cmp(v->hi, v->plan_max) > 0)
			return "M is below m.";
	}
	else if (v->max_pow || v->max_exp || v->plan_max.coef || v->plan_max.scale)
		return "A two-class plan has no M.";
	return NULL;
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
	else if ((bad = check_extensions(v)) != NULL)
		;
	else
	{
		switch (v->form)
		{
			case FR_IND_POINT:
				if (lo_inf || hi_inf || !fr_dec_identical(v->lo, v->hi) ||
					v->lo_exp != v->hi_exp || v->lo_pow != v->hi_pow ||
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
					if (!dec_ok(v->nominal) || !dec_ok(v->dev_up) || !dec_ok(v->dev_down) ||
						v->nominal.scale < 0 || v->dev_up.scale < 0 || v->dev_down.scale < 0)
						bad = "The tolerance is not valid.";
					else if (!fr_tolerance_bounds(v, &lo, &hi, &e2))
						bad = "The tolerance does not fit.";
					else if (!fr_dec_identical(lo, v->lo) || !fr_dec_identical(hi, v->hi))
						bad = (f & FR_IND_TOL_REL) ? "The bounds do not match the relative tolerance." :
							"The bounds do not match the tolerance.";
					if (!bad && (f & FR_IND_TOL_SYM) &&
						(v->dev_up.coef < 0 || v->dev_up.coef != -v->dev_down.coef ||
						 v->dev_up.scale != v->dev_down.scale))
						bad = "A ± tolerance must be symmetric.";
					if (!bad && fr_dec_cmp(v->dev_up, v->dev_down) < 0)
						bad = "The upper deviation is below the lower deviation.";
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
			case FR_IND_PLAN:
				break;			/* checked with the extensions */
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
	FrIndStyle	style;
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

/* the exponent of a power of ten: ^-3 (canonical), ⁻³ (zh) */
static void
put_exp(Out *o, int k)
{
	char		b[32];

	if (o->style == FR_IND_STYLE_CANONICAL)
		snprintf(b, sizeof(b), "^%d", k);
	else
		fr_superscript_int(k, b, sizeof(b));
	put(o, b);
}

/* a number as written: 0.2, 1×10^4, 5.0×10^-3, 10^4 */
static void
put_num(Out *o, FrDec d, int8_t exp, uint8_t pow)
{
	FrDec		mantissa = d;

	if (!(pow & FR_POW_WRITTEN))
	{
		put_dec(o, d);
		return;
	}
	if (!(pow & FR_POW_BARE))
	{
		mantissa.scale = (int16_t) (d.scale + exp);
		put_dec(o, mantissa);
		put(o, "×");
	}
	put(o, "10");
	put_exp(o, exp);
}

static void
put_lo(Out *o, const FrIndicator *v)
{
	put_num(o, v->lo, v->lo_exp, v->lo_pow);
}

static void
put_hi(Out *o, const FrIndicator *v)
{
	put_num(o, v->hi, v->hi_exp, v->hi_pow);
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
put_num_zh(Out *o, const FrIndicator *v, FrDec d, int8_t exp, uint8_t pow)
{
	if (is_grade(v) && v->form != FR_IND_RANGE && pow == 0 &&
		d.scale == 1 && d.coef >= 5 && d.coef % 10 == 5)
	{
		char		b[64];

		snprintf(b, sizeof(b), "%lld-%lld", (long long) (d.coef / 10),
				 (long long) (d.coef / 10 + 1));
		put(o, b);
	}
	else
		put_num(o, d, exp, pow);
}

static void
put_unit(Out *o, const FrIndicator *v)
{
	const unsigned char *u = (const unsigned char *) v->unittext;

	if (u[0] == '\0')
		return;
	if (o->style == FR_IND_STYLE_ZH &&
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

/* the qualifiers after the unit: (质量分数) (以Pb计) (以干基计) */
static void
put_quals(Out *o, const FrIndicator *v)
{
	const char *open = o->style == FR_IND_STYLE_ZH ? "(" : " (";

	if (v->fraction_q)
	{
		put(o, open);
		put(o, fr_qualifier_spelling(FR_QUAL_FRACTION, v->fraction_q));
		put(o, ")");
	}
	if (v->species[0])
	{
		put(o, open);
		put(o, "以");
		put(o, v->species);
		put(o, "计)");
	}
	if (v->sample_q)
	{
		put(o, open);
		put(o, fr_qualifier_spelling(FR_QUAL_SAMPLE, v->sample_q));
		put(o, ")");
	}
}

static void
put_unit_quals(Out *o, const FrIndicator *v)
{
	put_unit(o, v);
	put_quals(o, v);
}

/* n=5, c=2, m=100, M=1000 (zh: full-width commas, as GB 29921 prints) */
static void
put_plan(Out *o, const FrIndicator *v)
{
	const char *sep = o->style == FR_IND_STYLE_ZH ? "，" : ", ";
	char		b[48];

	snprintf(b, sizeof(b), "n=%u%sc=%u%sm=", (unsigned) v->plan_n, sep, (unsigned) v->plan_c, sep);
	put(o, b);
	put_hi(o, v);
	if (v->flags & FR_IND_PLAN_M)
	{
		put(o, sep);
		put(o, "M=");
		put_num(o, v->plan_max, v->max_exp, v->max_pow);
	}
}

/* the tolerance part after the nominal value */
static void
put_tolerance(Out *o, const FrIndicator *v)
{
	bool		zh = o->style == FR_IND_STYLE_ZH;

	if (v->flags & FR_IND_TOL_REL)
	{
		put_unit(o, v);
		if (v->flags & FR_IND_TOL_SYM)
		{
			put(o, zh ? "±" : " ± ");
			put_dec(o, v->dev_up);
			put(o, zh ? "%" : " %");
		}
		else
		{
			put(o, zh ? "" : " ");
			put_signed(o, v->dev_up, false);
			put(o, zh ? "%/" : " %/");
			put_signed(o, v->dev_down, true);
			put(o, zh ? "%" : " %");
		}
		put_quals(o, v);
		return;
	}
	if (v->flags & FR_IND_TOL_SYM)
	{
		put(o, zh ? "±" : " ± ");
		put_dec(o, v->dev_up);
	}
	else
	{
		if (!zh)
			put(o, " ");
		put_signed(o, v->dev_up, false);
		put(o, "/");
		put_signed(o, v->dev_down, true);
	}
	put_unit_quals(o, v);
}

/* a point, a bound or a range, canonical: ≤ 0.2, 6.5 ~ 8.5, [6.5, 8.5) */
static void
put_interval_canonical(Out *o, const FrIndicator *v)
{
	bool		loinc = v->flags & FR_IND_LO_INC;
	bool		hiinc = v->flags & FR_IND_HI_INC;

	switch (v->form)
	{
		case FR_IND_POINT:
			put_lo(o, v);
			break;
		case FR_IND_UPPER:
			put(o, hiinc ? "≤ " : "< ");
			put_hi(o, v);
			break;
		case FR_IND_LOWER:
			put(o, loinc ? "≥ " : "> ");
			put_lo(o, v);
			break;
		default:
			if (loinc && hiinc)
			{
				put_lo(o, v);
				put(o, " ~ ");
				put_hi(o, v);
			}
			else
			{
				put(o, loinc ? "[" : "(");
				put_lo(o, v);
				put(o, ", ");
				put_hi(o, v);
				put(o, hiinc ? "]" : ")");
			}
	}
}

/* the same in Chinese: 不大于0.2, 6.5～8.5, 不小于6.5且小于8.5 */
static void
put_interval_zh(Out *o, const FrIndicator *v)
{
	bool		loinc = v->flags & FR_IND_LO_INC;
	bool		hiinc = v->flags & FR_IND_HI_INC;
	bool		range = v->form == FR_IND_RANGE;

	if (v->form == FR_IND_POINT)
	{
		put_num_zh(o, v, v->lo, v->lo_exp, v->lo_pow);
		return;
	}
	if (range && loinc && hiinc)
	{
		put_num_zh(o, v, v->lo, v->lo_exp, v->lo_pow);
		put(o, "～");
		put_num_zh(o, v, v->hi, v->hi_exp, v->hi_pow);
		return;
	}
	if (v->form == FR_IND_LOWER || range)
	{
		put(o, loinc ? (is_grade(v) && !range ? "不低于" : "不小于") : "大于");
		put_num_zh(o, v, v->lo, v->lo_exp, v->lo_pow);
	}
	if (range)
		put(o, "且");
	if (v->form == FR_IND_UPPER || range)
	{
		put(o, hiinc ? "不大于" : "小于");
		put_num_zh(o, v, v->hi, v->hi_exp, v->hi_pow);
	}
}

static size_t
format(const FrIndicator *v, Out *o)
{
	bool		zh = o->style == FR_IND_STYLE_ZH;

	switch (v->form)
	{
		case FR_IND_TOL:
			put_dec(o, v->nominal);
			put_tolerance(o, v);
			return o->n;
		case FR_IND_ND:
			put(o, zh ? "不得检出" : "ND");
			if (!(v->flags & FR_IND_HI_EPS))
			{
				if (v->flags & FR_IND_HI_INC)
					put(o, zh ? "(检出限" : " (≤ ");
				else
					put(o, zh ? "(小于" : " (< ");
				put_hi(o, v);
				put_unit_quals(o, v);
				put(o, ")");
			}
			return o->n;
		case FR_IND_PLAN:
			put_plan(o, v);
			break;
		default:
			if (zh)
				put_interval_zh(o, v);
			else
				put_interval_canonical(o, v);
	}
	put_unit_quals(o, v);
	return o->n;
}

size_t
fr_indicator_format(const FrIndicator *v, FrIndStyle style, char *buf)
{
	Out			o;

	o.buf = buf;
	o.n = 0;
	o.style = style;
	buf[0] = '\0';
	return format(v, &o);
}
