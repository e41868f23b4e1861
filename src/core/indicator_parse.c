/*
 * indicator_parse.c — text forms of the indicator type (backend-free).
 *
 * Grammar, on normalised text (NFKC, ≦≧ → ≤≥, dashes → "-", wave dashes
 * → "~", full-width punctuation → ASCII); spaces are optional everywhere:
 *
 *   indicator := nd | bracket | clause [tail]
 *   nd        := ("ND" | "N.D." | "not detected" | 不得检出 | 不应检出
 *                 | 不可检出 | 未检出) ["(" [label] [upper-op] number unit ")"]
 *   bracket   := ("[" | "(") number "," number ("]" | ")") unit
 *              | "(" number tol ")" unit                   (65±2) dB
 *   clause    := [op] number ["-" integer] unit [postfix]  ≥3-4级
 *   tail      := ("~" | 至 | 到) number unit                   range
 *              | "±" number unit                            tolerance
 *              | ("+"|"-") number ["/"] ("+"|"-") number unit
 *              | [conjunction] clause                       ≥6.5, ≤8.5
 *
 * Comparison words (Chinese inclusion rules: 以上/以下/以内/不超过/不大于/
 * 不小于 include the number; 超过/大于/小于/不满 exclude it):
 *   ≤ : ≤ <= 不大于 不高于 不超过 不多于 至多 最多 最大 最高; postfix 以下 以内
 *   < : < 小于 低于 不满 未满 不足 少于
 *   ≥ : ≥ >= 不小于 不低于 不少于 至少 最少 最小 最低; postfix 以上
 *   > : > 大于 高于 超过 多于
 *
 * Tolerance rule: a unit written only after the tolerance belongs to both
 * numbers ("65±2 dB" is (65 ± 2) dB, "50±5%" is (50 ± 5) %, i.e. 45 % to
 * 55 %).  A tolerance in % is relative only when the nominal carries its own
 * unit that is not % itself: "50 mm ± 5 %" is 47.5 mm to 52.5 mm.
 *
 * Grades: "3-4级" is the half grade 3.5 级 (only N-(N+1) with the unit 级);
 * other hyphens between numbers are refused (a range is written "6.5~8.5").
 */
#include <stdio.h>
#include <string.h>

#include "core/indicator_parse.h"

#define OP_NONE 0
#define OP_LE	1
#define OP_LT	2
#define OP_GE	3
#define OP_GT	4

typedef struct Parser
{
	const char *s;
	size_t		len;
	size_t		pos;
	FrError    *err;
} Parser;

typedef struct Clause
{
	int			op;
	size_t		start;
	size_t		numpos;
	FrDec		num;
	bool		half;			/* half grade N-(N+1) */
	size_t		ustart;
	size_t		ulen;			/* 0 = no unit written */
} Clause;

typedef struct Word
{
	const char *text;
	int			op;
} Word;

/* longest first where one word ends another (不大于 before 大于) */
static const Word prefix_words[] = {
	{"not more than", OP_LE}, {"not less than", OP_GE},
	{"at most", OP_LE}, {"at least", OP_GE},
	{"less than", OP_LT}, {"more than", OP_GT}, {"greater than", OP_GT},
	{"不大于", OP_LE}, {"不高于", OP_LE}, {"不超过", OP_LE}, {"不多于", OP_LE},
	{"不小于", OP_GE}, {"不低于", OP_GE}, {"不少于", OP_GE},
	{"至多", OP_LE}, {"最多", OP_LE}, {"最大", OP_LE}, {"最高", OP_LE},
	{"至少", OP_GE}, {"最少", OP_GE}, {"最小", OP_GE}, {"最低", OP_GE},
	{"不满", OP_LT}, {"未满", OP_LT}, {"不足", OP_LT},
	{"小于", OP_LT}, {"低于", OP_LT}, {"少于", OP_LT},
	{"大于", OP_GT}, {"高于", OP_GT}, {"超过", OP_GT}, {"多于", OP_GT},
	{"≤", OP_LE}, {"<=", OP_LE}, {"=<", OP_LE},
	{"≥", OP_GE}, {">=", OP_GE}, {"=>", OP_GE},
	{"<", OP_LT}, {">", OP_GT},
	{NULL, 0}
};

static const Word postfix_words[] = {
	{"及以下", OP_LE}, {"或以下", OP_LE}, {"及以内", OP_LE}, {"以下", OP_LE},
	{"以内", OP_LE}, {"及以上", OP_GE}, {"或以上", OP_GE}, {"以上", OP_GE},
	{NULL, 0}
};

static const char *const nd_words[] = {
	"not detected", "n.d.", "nd", "不得检出", "不应检出", "不可检出",
	"未检出", NULL
};

static const char *const lod_labels[] = {
	"方法检出限", "检出限", "LOD", "DL", NULL
};

static const char *const range_seps[] = {"~", "至", "到", NULL};

static const char *const conjunctions[] = {
	"并且", "而且", "且", "和", "、", ",", ";", "and", NULL
};

/* where a unit ends (at parenthesis depth 0) */
static const char *const unit_stops[] = {
	"以下", "以上", "以内", "及以", "或以", "至", "到", "且", "并且", "而且",
	"和", "、", "±", "≤", "≥", NULL
};

/* ---------------------------------------------------------------- errors */

static int
char_index(const char *s, size_t pos)
{
	int			n = 1;

	for (size_t i = 0; i < pos; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * Record a syntax error at pos: the detail says where parsing stopped (as
 * a character number and the text there) and why.
 */
static bool
perr(Parser *p, size_t pos, const char *why, const char *hint)
{
	char		where[96];

	if (pos >= p->len)
		snprintf(where, sizeof(where), "at the end of the input");
	else
	{
		size_t		n = 0;
		int			chars = 0;

		/* up to 12 characters of what follows, cut at a character boundary */
		while (pos + n < p->len && chars < 12)
		{
			n++;
			while (pos + n < p->len && ((unsigned char) p->s[pos + n] & 0xC0) == 0x80)
				n++;
			chars++;
		}
		snprintf(where, sizeof(where), "at character %d (\"%.*s%s\")",
				 char_index(p->s, pos), (int) n, p->s + pos,
				 pos + n < p->len ? "…" : "");
	}
	fr_error(p->err, FR_ERR_SYNTAX, (int) pos, "Parsing stopped %s: %s.", where, why);
	/* hints are sentences: "e.g. X" becomes "Write it like X." */
	if (hint && strncmp(hint, "e.g. ", 5) == 0)
		fr_error_hint(p->err, "Write it like %s.", hint + 5);
	else if (hint)
		fr_error_hint(p->err, "%c%s.", (hint[0] >= 'a' && hint[0] <= 'z') ? hint[0] - 'a' + 'A' : hint[0],
					  hint + 1);
	return false;
}

/* Prefix the detail of an error from a lower layer with the position. */
static bool
relocate(Parser *p, size_t base)
{
	char		detail[FR_ERR_TEXT];
	int			pos = p->err->position >= 0 ? (int) base + p->err->position : (int) base;

	if ((size_t) pos > p->len)
		pos = (int) p->len;
	fr_error_clause(p->err->detail, detail, sizeof(detail));
	p->err->position = pos;
	if (p->err->code == FR_ERR_SYNTAX || p->err->code == FR_ERR_RANGE)
		fr_error_detail(p->err, "Parsing stopped at character %d: %s.",
						char_index(p->s, (size_t) pos), detail);
	return false;
}

/* ---------------------------------------------------------------- lexing */

static void
skip_sp(Parser *p)
{
	while (p->pos < p->len && p->s[p->pos] == ' ')
		p->pos++;
}

static bool
at_end(Parser *p)
{
	skip_sp(p);
	return p->pos >= p->len;
}

static char
lower_ascii(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : c;
}

static bool
is_alpha(char c)
{
	c = lower_ascii(c);
	return c >= 'a' && c <= 'z';
}

/*
 * Does kw start at p->pos?  ASCII letters compare case-insensitively, and a
 * keyword ending in a letter must not be followed by another letter
 * ("nd" is not the start of "ndx").
 */
static size_t
starts_with(const Parser *p, size_t pos, const char *kw)
{
	size_t		i;

	/* first byte first: this runs for every keyword at every position */
	if (pos >= p->len || lower_ascii(p->s[pos]) != lower_ascii(kw[0]))
		return 0;
	for (i = 1; kw[i] != '\0'; i++)
		if (pos + i >= p->len || lower_ascii(p->s[pos + i]) != lower_ascii(kw[i]))
			return 0;
	if (is_alpha(kw[i - 1]) && pos + i < p->len && is_alpha(p->s[pos + i]))
		return 0;
	return i;
}

static bool
accept(Parser *p, const char *kw)
{
	size_t		n = starts_with(p, p->pos, kw);

	if (n == 0)
		return false;
	p->pos += n;
	return true;
}

/* no keyword starts like a number: skip the keyword lists there */
static inline bool
at_number_char(const Parser *p)
{
	char		c;

	if (p->pos >= p->len)
		return true;
	c = p->s[p->pos];
	return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
}

static int
accept_word(Parser *p, const Word *words)
{
	if (at_number_char(p))
		return OP_NONE;
	for (int i = 0; words[i].text; i++)
		if (accept(p, words[i].text))
			return words[i].op;
	return OP_NONE;
}

static bool
accept_any(Parser *p, const char *const *words)
{
	if (at_number_char(p))
		return false;
	for (int i = 0; words[i]; i++)
		if (accept(p, words[i]))
			return true;
	return false;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
number_starts(const Parser *p, size_t pos)
{
	if (pos < p->len && (p->s[pos] == '+' || p->s[pos] == '-'))
		pos++;
	if (pos < p->len && p->s[pos] == '.')
		pos++;
	return pos < p->len && is_digit(p->s[pos]);
}

static bool
parse_number(Parser *p, FrDec *out, const char *what)
{
	size_t		used = 0;
	size_t		start;

	skip_sp(p);
	start = p->pos;
	if (!number_starts(p, start))
	{
		char		why[96];

		snprintf(why, sizeof(why), "expected %s", what);
		return perr(p, start, why,
					"an indicator is a number with an optional comparison and unit, e.g. \"≤ 0.2 mg/kg\", \"6.5 ~ 8.5\", \"65 ± 2 dB\", \"ND\"");
	}
	if (!fr_dec_parse(p->s + start, p->len - start, &used, out, p->err))
		return relocate(p, start);
	p->pos = start + used;
	if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E') &&
		number_starts(p, p->pos + 1))
		return perr(p, p->pos, "exponent notation is not accepted",
					"write the number in full, e.g. 0.001 instead of 1e-3");
	return true;
}

/*
 * Scan a unit span from p->pos: up to the end, a delimiter, or a closing
 * parenthesis / bracket at depth 0.  Trailing spaces are not part of it.
 */
static void
scan_unit(Parser *p, size_t *ustart, size_t *ulen)
{
	int			depth = 0;
	size_t		i;
	size_t		end;

	skip_sp(p);
	*ustart = p->pos;
	for (i = p->pos; i < p->len; i++)
	{
		char		c = p->s[i];
		bool		stop = false;

		if (c == '(')
			depth++;
		else if (c == ')')
		{
			if (depth == 0)
				break;
			depth--;
		}
		if (depth > 0)
			continue;
		if (c == ']' || c == '~' || c == ',' || c == ';' || c == '<' || c == '>' || c == '+')
			break;
		if (c == '-' && !(i > 0 && p->s[i - 1] == '^'))
			break;
		if (c == ' ' && (starts_with(p, i + 1, "and") && i + 4 <= p->len &&
						 (i + 4 == p->len || p->s[i + 4] == ' ' || !is_alpha(p->s[i + 4]))))
			break;
		/* every word in unit_stops starts with a non-ASCII byte */
		if ((unsigned char) c >= 0x80)
			for (int k = 0; unit_stops[k]; k++)
				if (starts_with(p, i, unit_stops[k]))
				{
					stop = true;
					break;
				}
		if (stop)
			break;
	}
	end = i;
	while (end > *ustart && p->s[end - 1] == ' ')
		end--;
	*ulen = end - *ustart;
	p->pos = end;
}

/* ---------------------------------------------------------------- units */

/*
 * A few recently parsed units, so that a column of values in the same unit
 * does not parse the unit text each time (process-local; units parse to
 * the same result every time).
 */
#define UCACHE_SIZE 8

typedef struct UnitCacheEntry
{
	size_t		len;
	char		text[FR_UNIT_MAXLEN];
	FrUnit		unit;
	char		canon[FR_UNIT_MAXLEN];
} UnitCacheEntry;

static UnitCacheEntry ucache[UCACHE_SIZE];
static int	ucache_used = 0;
static int	ucache_next = 0;

static bool
resolve_unit(Parser *p, size_t ustart, size_t ulen, FrUnit *u, char *canon)
{
	UnitCacheEntry *e;

	if (ulen < FR_UNIT_MAXLEN)
	{
		for (int i = 0; i < ucache_used; i++)
		{
			e = &ucache[i];
			if (e->len == ulen && memcmp(e->text, p->s + ustart, ulen) == 0)
			{
				*u = e->unit;
				memcpy(canon, e->canon, FR_UNIT_MAXLEN);
				return true;
			}
		}
	}
	memset(u, 0, sizeof(FrUnit));
	memset(canon, 0, FR_UNIT_MAXLEN);
	if (!fr_unit_parse(p->s + ustart, ulen, u, canon, p->err))
		return relocate(p, ustart);
	canon[FR_UNIT_MAXLEN - 1] = '\0';
	if (ulen < FR_UNIT_MAXLEN)
	{
		e = &ucache[ucache_next];
		e->len = ulen;
		memcpy(e->text, p->s + ustart, ulen);
		e->unit = *u;
		memcpy(e->canon, canon, FR_UNIT_MAXLEN);
		ucache_next = (ucache_next + 1) % UCACHE_SIZE;
		if (ucache_used < UCACHE_SIZE)
			ucache_used++;
	}
	return true;
}

/* Set the value's unit from a span (empty span: dimensionless). */
static bool
set_unit(Parser *p, FrIndicator *v, size_t ustart, size_t ulen)
{
	return resolve_unit(p, ustart, ulen, &v->unit, v->unittext);
}

/*
 * The unit of two numbers written each with an optional unit: one written
 * unit applies to both; two must be the same.
 */
static bool
set_common_unit(Parser *p, FrIndicator *v, const Clause *a, const Clause *b)
{
	if (a->ulen > 0 && b->ulen > 0)
	{
		FrUnit		ub;
		char		cb[FR_UNIT_MAXLEN];

		if (!set_unit(p, v, a->ustart, a->ulen) ||
			!resolve_unit(p, b->ustart, b->ulen, &ub, cb))
			return false;
		if (strcmp(v->unittext, cb) != 0)
		{
			char		why[FR_ERR_TEXT / 2];

			snprintf(why, sizeof(why),
					 "the two numbers are written in different units (\"%s\" and \"%s\")",
					 v->unittext, cb);
			return perr(p, b->ustart, why,
						"write both numbers in the same unit, or the unit once at the end");
		}
		return true;
	}
	if (b->ulen > 0)
		return set_unit(p, v, b->ustart, b->ulen);
	return set_unit(p, v, a->ustart, a->ulen);
}

/* ---------------------------------------------------------------- forms */

static void
set_bounds_from_op(FrIndicator *v, int op, FrDec num)
{
	switch (op)
	{
		case OP_LE:
		case OP_LT:
			v->form = FR_IND_UPPER;
			v->flags |= FR_IND_LO_INF;
			v->hi = num;
			if (op == OP_LE)
				v->flags |= FR_IND_HI_INC;
			break;
		case OP_GE:
		case OP_GT:
			v->form = FR_IND_LOWER;
			v->flags |= FR_IND_HI_INF;
			v->lo = num;
			if (op == OP_GE)
				v->flags |= FR_IND_LO_INC;
			break;
		default:
			v->form = FR_IND_POINT;
			v->flags |= FR_IND_LO_INC | FR_IND_HI_INC;
			v->lo = num;
			v->hi = num;
			break;
	}
}

static bool
check_order(Parser *p, FrIndicator *v, size_t pos)
{
	int			c = fr_dec_cmp(v->lo, v->hi);

	if (c > 0 || (c == 0 && (v->flags & (FR_IND_LO_INC | FR_IND_HI_INC)) !=
				  (FR_IND_LO_INC | FR_IND_HI_INC)))
	{
		char		a[FR_DEC_BUFSZ];
		char		b[FR_DEC_BUFSZ];
		char		why[160];

		fr_dec_format(v->lo, a);
		fr_dec_format(v->hi, b);
		snprintf(why, sizeof(why), "the range is empty: lower bound %s, upper bound %s", a, b);
		return perr(p, pos, why, c > 0 ? "write the smaller number first, e.g. 6.5 ~ 8.5"
					: "a range with equal bounds must include both, e.g. [5, 5]");
	}
	return true;
}

/*
 * A clause: [op] number [-integer 级] unit [postfix].  Leaves p->pos after
 * it.
 */
static bool
parse_clause(Parser *p, Clause *c)
{
	int			post;

	memset(c, 0, sizeof(Clause));
	skip_sp(p);
	c->start = p->pos;
	c->op = accept_word(p, prefix_words);
	skip_sp(p);
	c->numpos = p->pos;
	if (!parse_number(p, &c->num, c->op ? "a number after the comparison" : "a number or a comparison such as ≤"))
		return false;

	/* half grade N-(N+1)级 */
	{
		size_t		save = p->pos;

		skip_sp(p);
		if (p->pos < p->len && p->s[p->pos] == '-' &&
			(p->pos + 1 < p->len) &&
			(is_digit(p->s[p->pos + 1]) || p->s[p->pos + 1] == ' '))
		{
			size_t		dash = p->pos;
			size_t		after;
			FrDec		second;
			size_t		us,
						ul;

			p->pos++;
			skip_sp(p);
			if (number_starts(p, p->pos) && p->s[p->pos] != '-' && p->s[p->pos] != '+')
			{
				if (!parse_number(p, &second, "a number"))
					return false;
				after = p->pos;
				skip_sp(p);
				if (p->pos < p->len && (p->s[p->pos] == '/' || p->s[p->pos] == '+'))
				{
					/* 10 -0.2/+0.5 mm: an asymmetric tolerance */
					p->pos = save;
					goto unit;
				}
				scan_unit(p, &us, &ul);
				if (ul == strlen("级") && memcmp(p->s + us, "级", ul) == 0)
				{
					if (c->num.scale != 0 || second.scale != 0 || c->num.coef < 0 ||
						second.coef != c->num.coef + 1 ||
						c->num.coef > 100000000000000000LL)
						return perr(p, dash, "a half grade is written with two consecutive whole grades",
									"e.g. 3-4级 (the grade 3.5)");
					c->num.coef = c->num.coef * 10 + 5;
					c->num.scale = 1;
					c->half = true;
					p->pos = after;
				}
				else
					return perr(p, dash, "a hyphen between two numbers is only accepted in a half grade such as 3-4级",
								"write a range as 6.5 ~ 8.5 or 6.5至8.5");
			}
			else
				p->pos = save;
		}
		else
			p->pos = save;
	}

unit:
	scan_unit(p, &c->ustart, &c->ulen);
	skip_sp(p);
	{
		size_t		ppos = p->pos;

		post = accept_word(p, postfix_words);
		if (post != OP_NONE)
		{
			if (c->op != OP_NONE)
				return perr(p, ppos, "the number has a comparison both before and after it",
							"write either \"不小于6.5\" or \"6.5以上\"");
			c->op = post;
		}
	}
	return true;
}

/* after the last number: nothing may follow */
static bool
expect_end(Parser *p, const char *what)
{
	if (!at_end(p))
	{
		char		why[128];

		snprintf(why, sizeof(why), "unexpected text after %s", what);
		return perr(p, p->pos, why, NULL);
	}
	return true;
}

/*
 * Tolerance after the nominal clause; p->pos is at "±", "+" or "-".
 * closing: ')' expected after the tolerance (parenthesised form), else 0.
 */
static bool
parse_tolerance(Parser *p, FrIndicator *v, const Clause *nom, char closing)
{
	FrDec		d1,
				d2;
	size_t		us = 0,
				ul = 0;
	size_t		tpos;
	FrError    *err = p->err;

	v->form = FR_IND_TOL;
	v->flags |= FR_IND_LO_INC | FR_IND_HI_INC;
	v->nominal = nom->num;
	skip_sp(p);
	if (nom->op != OP_NONE)
		return perr(p, p->pos, "a tolerance follows a nominal value, not a comparison",
					"e.g. 65 ± 2 dB");
	if (nom->half)
		return perr(p, p->pos, "a half grade cannot carry a tolerance", NULL);
	tpos = p->pos;
	if (accept(p, "±") || accept(p, "+-") || accept(p, "+/-"))
	{
		if (!parse_number(p, &d1, "the tolerance after ±"))
			return false;
		if (d1.coef < 0 || p->s[tpos] == '-')
			return perr(p, tpos, "the tolerance after ± must not be negative", NULL);
		v->flags |= FR_IND_TOL_SYM;
		v->dev_up = d1;
		v->dev_down = d1;
		v->dev_down.coef = -d1.coef;
	}
	else
	{
		char		s1 = p->s[p->pos];
		char		s2;

		if (!parse_number(p, &d1, "a signed deviation such as +0.5"))
			return false;
		skip_sp(p);
		if (p->pos < p->len && p->s[p->pos] == '/')
			p->pos++;
		skip_sp(p);
		s2 = p->pos < p->len ? p->s[p->pos] : '\0';
		if (s2 != '+' && s2 != '-')
			return perr(p, p->pos, "expected the second deviation, with its sign",
						"write an asymmetric tolerance as 10 +0.5/-0.2 mm");
		if (!parse_number(p, &d2, "the second deviation"))
			return false;
		if (s1 == '-' && s2 == '+')
		{
			FrDec		t = d1;

			d1 = d2;
			d2 = t;
		}
		if (fr_dec_cmp(d1, d2) < 0)
			return perr(p, tpos, "the upper deviation is below the lower deviation",
						"write the upper deviation first, e.g. 10 +0.5/-0.2 mm");
		v->dev_up = d1;
		v->dev_down = d2;
	}
	scan_unit(p, &us, &ul);
	if (closing)
	{
		skip_sp(p);
		if (p->pos >= p->len || p->s[p->pos] != closing)
			return perr(p, p->pos, "expected \")\" after the tolerance", "e.g. (65 ± 2) dB");
		p->pos++;
		if (nom->ulen > 0 || ul > 0)
			return perr(p, nom->ulen > 0 ? nom->ustart : us,
						"in the form (65 ± 2) dB the unit follows the parenthesis", NULL);
		scan_unit(p, &us, &ul);
	}

	/* units: see the rule at the top of the file */
	if (nom->ulen > 0 && ul > 0)
	{
		FrUnit		tu;
		char		tc[FR_UNIT_MAXLEN];

		if (!set_unit(p, v, nom->ustart, nom->ulen) ||
			!resolve_unit(p, us, ul, &tu, tc))
			return false;
		if (strcmp(tc, "%") == 0 && strcmp(v->unittext, "%") != 0 &&
			v->unittext[0] != '\0' && (v->flags & FR_IND_TOL_SYM))
			v->flags |= FR_IND_TOL_REL;
		else if (strcmp(tc, v->unittext) != 0)
		{
			char		why[FR_ERR_TEXT / 2];

			snprintf(why, sizeof(why),
					 "the tolerance is in \"%s\" but the nominal value in \"%s\"",
					 tc, v->unittext);
			return perr(p, us, why,
						"write the tolerance in the unit of the nominal value (65 dB ± 2 dB), or a relative one as 50 mm ± 5 %");
		}
	}
	else if (!set_unit(p, v, ul > 0 ? us : nom->ustart, ul > 0 ? ul : nom->ulen))
		return false;

	if (v->flags & FR_IND_TOL_REL)
	{
		FrDec		delta;
		FrDec		t;

		if (!fr_dec_mul(v->nominal, v->dev_up, &t, err) ||
			!fr_dec_div_pow10(t, 2, &delta, err))
			return relocate(p, tpos);
		if (delta.coef < 0)
			delta.coef = -delta.coef;
		if (!fr_dec_add(v->nominal, delta, &v->hi, err))
			return relocate(p, tpos);
		if (!fr_dec_sub(v->nominal, delta, &v->lo, err))
			return relocate(p, tpos);
	}
	else
	{
		if (!fr_dec_add(v->nominal, v->dev_up, &v->hi, err) ||
			!fr_dec_add(v->nominal, v->dev_down, &v->lo, err))
			return relocate(p, tpos);
	}
	return expect_end(p, "the tolerance");
}

/* ND, with an optional detection limit in parentheses */
static bool
parse_nd(Parser *p, FrIndicator *v)
{
	v->form = FR_IND_ND;
	v->flags |= FR_IND_LO_INF;
	skip_sp(p);
	if (p->pos >= p->len)
	{
		v->flags |= FR_IND_HI_INC | FR_IND_HI_EPS | FR_IND_ANYUNIT;
		v->hi.coef = 0;
		v->hi.scale = 0;
		v->unittext[0] = '\0';
		return true;
	}
	if (p->s[p->pos] != '(')
		return perr(p, p->pos, "expected a detection limit in parentheses after \"not detected\"",
					"e.g. ND (≤ 0.01 mg/kg) or 不得检出(检出限0.01 mg/kg)");
	p->pos++;
	skip_sp(p);
	if (accept_any(p, lod_labels))
	{
		skip_sp(p);
		if (!accept(p, ":") && !accept(p, "="))
			accept(p, "为");
	}
	skip_sp(p);
	{
		size_t		oppos = p->pos;
		int			op = accept_word(p, prefix_words);
		Clause		c;

		if (op == OP_GE || op == OP_GT)
			return perr(p, oppos, "a detection limit is an upper bound",
						"e.g. ND (≤ 0.01 mg/kg) or ND (< 0.01 mg/kg)");
		if (!parse_number(p, &v->hi, "the detection limit"))
			return false;
		if (v->hi.coef <= 0)
			return perr(p, oppos, "a detection limit must be positive", NULL);
		v->flags |= (op == OP_LT) ? 0 : FR_IND_HI_INC;
		memset(&c, 0, sizeof(c));
		scan_unit(p, &c.ustart, &c.ulen);
		skip_sp(p);
		if (p->pos >= p->len || p->s[p->pos] != ')')
			return perr(p, p->pos, "expected \")\" after the detection limit", NULL);
		if (!set_unit(p, v, c.ustart, c.ulen))
			return false;
		p->pos++;
	}
	return expect_end(p, "the detection limit");
}

/* [6.5, 8.5) unit, or (65 ± 2) unit */
static bool
parse_bracket(Parser *p, FrIndicator *v)
{
	char		open = p->s[p->pos];
	size_t		openpos = p->pos;
	Clause		c1;
	FrDec		hi;
	size_t		us,
				ul;

	p->pos++;
	if (!parse_clause(p, &c1))
		return false;
	skip_sp(p);
	if (c1.op == OP_NONE && open == '(' && p->pos < p->len &&
		(p->s[p->pos] == '+' || p->s[p->pos] == '-' || starts_with(p, p->pos, "±")))
		return parse_tolerance(p, v, &c1, ')');
	if (c1.op != OP_NONE || c1.ulen > 0 || c1.half)
		return perr(p, c1.ulen > 0 ? c1.ustart : c1.start,
					"in the interval form the numbers stand alone and the unit follows the bracket",
					"e.g. [6.5, 8.5) mg/L");
	if (!accept(p, ","))
		return perr(p, p->pos, "expected \",\" between the bounds of an interval",
					"e.g. [6.5, 8.5)");
	if (!parse_number(p, &hi, "the upper bound"))
		return false;
	skip_sp(p);
	if (p->pos >= p->len || (p->s[p->pos] != ']' && p->s[p->pos] != ')'))
		return perr(p, p->pos, "expected \"]\" or \")\" closing the interval", NULL);
	v->form = FR_IND_RANGE;
	v->lo = c1.num;
	v->hi = hi;
	if (open == '[')
		v->flags |= FR_IND_LO_INC;
	if (p->s[p->pos] == ']')
		v->flags |= FR_IND_HI_INC;
	p->pos++;
	scan_unit(p, &us, &ul);
	if (!check_order(p, v, openpos))
		return false;
	if (!set_unit(p, v, us, ul))
		return false;
	return expect_end(p, "the interval");
}

bool
fr_indicator_parse(const char *s, size_t len, FrIndicator *v, FrError *err)
{
	Parser		p;
	Clause		c1,
				c2;

	memset(v, 0, sizeof(FrIndicator));
	p.s = s;
	p.len = len;
	p.pos = 0;
	p.err = err;
	if (len > FR_IND_MAXINPUT)
		return fr_error(err, FR_ERR_LIMIT, -1,
						"The input is %zu bytes long; an indicator is at most %d.",
						len, FR_IND_MAXINPUT);
	if (memchr(s, '\0', len) != NULL)
		return perr(&p, (size_t) ((const char *) memchr(s, '\0', len) - s),
					"the input contains a NUL byte", NULL);
	if (at_end(&p))
		return perr(&p, p.pos, "the input is empty",
					"write an indicator such as ≤ 0.2 mg/kg, ≥ 98.5 %, 6.5 ~ 8.5, 65 ± 2 dB or ND");

	if (accept_any(&p, nd_words))
		return parse_nd(&p, v);
	if (p.s[p.pos] == '[' || p.s[p.pos] == '(')
		return parse_bracket(&p, v);

	if (!parse_clause(&p, &c1))
		return false;
	skip_sp(&p);

	if (p.pos >= p.len)
	{
		set_bounds_from_op(v, c1.op, c1.num);
		return set_unit(&p, v, c1.ustart, c1.ulen);
	}

	if (c1.op == OP_NONE)
	{
		size_t		seppos = p.pos;

		if (accept_any(&p, range_seps))
		{
			if (!parse_clause(&p, &c2))
				return false;
			if (c2.op != OP_NONE)
				return perr(&p, c2.start, "a range \"A ~ B\" takes two plain numbers",
							"e.g. 6.5 ~ 8.5, or \"≥ 6.5, ≤ 8.5\"");
			if (c1.half != c2.half && (c1.half || c2.half))
			{
				/* 3-4级 ~ 5级 is fine: both in 级, checked below */
			}
			v->form = FR_IND_RANGE;
			v->flags |= FR_IND_LO_INC | FR_IND_HI_INC;
			v->lo = c1.num;
			v->hi = c2.num;
			if (!check_order(&p, v, seppos))
				return false;
			if (!set_common_unit(&p, v, &c1, &c2))
				return false;
			return expect_end(&p, "the range");
		}
		if (p.s[p.pos] == '+' || p.s[p.pos] == '-' || starts_with(&p, p.pos, "±"))
			return parse_tolerance(&p, v, &c1, 0);
		return perr(&p, p.pos, "unexpected text after the value",
					"a range is written 6.5 ~ 8.5, a tolerance 65 ± 2 dB");
	}

	/* two bounds: ≥6.5, ≤8.5 / 不小于6.5且不大于8.5 */
	{
		size_t		cpos = p.pos;
		const Clause *lo,
				   *hi;

		accept_any(&p, conjunctions);
		if (!parse_clause(&p, &c2))
			return false;
		if (c2.op == OP_NONE)
			return perr(&p, c2.start, "the second bound needs a comparison",
						"e.g. 不小于6.5且不大于8.5, or ≥ 6.5, ≤ 8.5");
		if ((c1.op == OP_LE || c1.op == OP_LT) == (c2.op == OP_LE || c2.op == OP_LT))
			return perr(&p, c2.start, "both bounds limit the same side",
						"combine a lower and an upper bound, e.g. ≥ 6.5, ≤ 8.5");
		lo = (c1.op == OP_GE || c1.op == OP_GT) ? &c1 : &c2;
		hi = (lo == &c1) ? &c2 : &c1;
		v->form = FR_IND_RANGE;
		v->lo = lo->num;
		v->hi = hi->num;
		if (lo->op == OP_GE)
			v->flags |= FR_IND_LO_INC;
		if (hi->op == OP_LE)
			v->flags |= FR_IND_HI_INC;
		if (!check_order(&p, v, cpos))
			return false;
		if (!set_common_unit(&p, v, &c1, &c2))
			return false;
		return expect_end(&p, "the second bound");
	}
}
