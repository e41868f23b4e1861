/*
 * units.c — the unit parser.  See units.h.
 *
 * A parsed unit is a vector of dimension exponents and an exact factor
 * num/den × 10^exp10 to the coherent base unit (plus 273.15 K for a lone
 * °C), built from the table in units_table.c.  Comparison and conversion
 * of values in these units are in quantity.c.  Backend-free.
 */
#include "core/units.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/bignum.h"
#include "core/units_int.h"

/* ================================================================ factors */

/*
 * Working form of an exact positive factor: 2^e2 × 5^e5 × n/d with n and d
 * coprime to each other and to 10.  Products never lose exactness; a
 * factor whose n or d would reach FAC_MAX is refused (FR_ERR_LIMIT).
 */
#define FAC_MAX		((uint64_t) 1 << 62)
#define FAC_EXP_MAX 1000

typedef struct Fac
{
	int32_t		e2;
	int32_t		e5;
	uint64_t	n;
	uint64_t	d;
} Fac;

static const Fac fac_one = {0, 0, 1, 1};

static bool
fac_make(uint64_t num, uint64_t den, int32_t exp10, Fac *f)
{
	uint64_t	g;

	if (num == 0 || den == 0)
		return false;
	f->e2 = exp10;
	f->e5 = exp10;
	fr_strip25(&num, &f->e2, &f->e5, 1);
	fr_strip25(&den, &f->e2, &f->e5, -1);
	g = fr_gcd64(num, den);
	f->n = num / g;
	f->d = den / g;
	return f->n < FAC_MAX && f->d < FAC_MAX;
}

static bool
fac_mul(Fac a, Fac b, Fac *out)
{
	uint64_t	g1 = fr_gcd64(a.n, b.d);
	uint64_t	g2 = fr_gcd64(b.n, a.d);
	fr_u128		n = (fr_u128) (a.n / g1) * (b.n / g2);
	fr_u128		d = (fr_u128) (a.d / g2) * (b.d / g1);

	if (n >= FAC_MAX || d >= FAC_MAX)
		return false;
	out->n = (uint64_t) n;
	out->d = (uint64_t) d;
	out->e2 = a.e2 + b.e2;
	out->e5 = a.e5 + b.e5;
	return out->e2 <= FAC_EXP_MAX && out->e2 >= -FAC_EXP_MAX &&
		out->e5 <= FAC_EXP_MAX && out->e5 >= -FAC_EXP_MAX;
}

static Fac
fac_inv(Fac a)
{
	Fac			r = {-a.e2, -a.e5, a.d, a.n};

	return r;
}

static bool
fac_pow(Fac a, int k, Fac *out)
{
	Fac			r = fac_one;

	if (k < 0)
	{
		a = fac_inv(a);
		k = -k;
	}
	for (int i = 0; i < k; i++)
		if (!fac_mul(r, a, &r))
			return false;
	*out = r;
	return true;
}

/*
 * Canonical FrFactor: exp10 = min(e2, e5); the other power goes into num,
 * so num is not divisible by 10, den is coprime to 10, and equal factors
 * have equal fields.
 */
static bool
fac_to_factor(Fac f, FrFactor *out)
{
	int32_t		e = f.e2 < f.e5 ? f.e2 : f.e5;
	fr_u128		num = f.n;

	for (int i = 0; i < f.e2 - e; i++)
		if ((num *= 2) > (fr_u128) INT64_MAX)
			return false;
	for (int i = 0; i < f.e5 - e; i++)
		if ((num *= 5) > (fr_u128) INT64_MAX)
			return false;
	if (e > FR_UNIT_MAX_EXP10 || e < -FR_UNIT_MAX_EXP10 || f.d > (uint64_t) INT64_MAX)
		return false;
	out->num = (int64_t) num;
	out->den = (int64_t) f.d;
	out->exp10 = e;
	return true;
}

/* =============================================================== parsing */

#define UNIT_MAX_INPUT 256		/* bytes of unit text after cleaning */
#define UNIT_MAX_DEPTH 8		/* nested parentheses */
#define UNIT_MAX_POWER 12		/* |n| in m^n */
#define UNIT_MAX_DIM   60		/* |exponent| of a dimension */

/* a unit under construction */
typedef struct U
{
	int			dim[FR_DIM_NBASE];
	int			gross[FR_DIM_NBASE];	/* |exponent| summed over the
										 * symbols: what cancelled (mL/L) */
	int			scale;			/* FrScaleId */
	int			scale_exp;
	Fac			f;
} U;

typedef struct Parser
{
	const char *orig;			/* text as given */
	size_t		origlen;
	char		buf[UNIT_MAX_INPUT + 1];	/* cleaned text */
	int			pos[UNIT_MAX_INPUT + 1];	/* byte offset in orig */
	size_t		len;
	size_t		i;
	char		canon[FR_UNIT_MAXLEN];
	size_t		cl;
	bool		canon_full;
	int			depth;
	int			nterms;
	int			nsymbols;		/* unit symbols read (a number alone is no unit) */
	size_t		term_start;		/* where the last term began */
	const FrAtom *lone;			/* the atom of a one-word term at depth 0 */
	FrError    *err;
} Parser;

static void
u_one(U *u)
{
	memset(u, 0, sizeof(*u));
	u->f = fac_one;
}

/* byte offset in the original text of cleaned position i */
static int
p_pos(const Parser *p, size_t i)
{
	return i < p->len ? p->pos[i] : (int) p->origlen;
}

/* 1-based character number of a byte offset of the original text */
static int
p_charno(const Parser *p, int off)
{
	int			n = 1;

	for (int j = 0; j < off && j < (int) p->origlen; j++)
		if (((unsigned char) p->orig[j] & 0xC0) != 0x80)
			n++;
	return n;
}

static void
canon_put(Parser *p, const char *s, size_t n)
{
	if (p->cl + n >= FR_UNIT_MAXLEN)
	{
		p->canon_full = true;
		return;
	}
	memcpy(p->canon + p->cl, s, n);
	p->cl += n;
	p->canon[p->cl] = '\0';
}

static void
canon_str(Parser *p, const char *s)
{
	canon_put(p, s, strlen(s));
}

static const char *const superscript_digits[10] = {
	"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"
};

size_t
fr_superscript_int(int k, char *buf, size_t cap)
{
	char		digits[16];
	int			nd = snprintf(digits, sizeof(digits), "%d", k < 0 ? -k : k);
	size_t		n = 0;

	buf[0] = '\0';
	if (k < 0 && n + 4 <= cap)
	{
		memcpy(buf, "⁻", strlen("⁻") + 1);
		n += strlen("⁻");
	}
	for (int i = 0; i < nd; i++)
	{
		const char *d = superscript_digits[digits[i] - '0'];

		if (n + strlen(d) + 1 > cap)
			break;
		memcpy(buf + n, d, strlen(d) + 1);
		n += strlen(d);
	}
	return n;
}

static void
canon_power(Parser *p, int k)
{
	char		sup[32];

	fr_superscript_int(k, sup, sizeof(sup));
	canon_str(p, sup);
}

/* characters the cleaning pass rewrites (beyond what normalize.c did) */
typedef struct Rewrite
{
	const char *from;
	const char *to;				/* NULL: superscript, to[0] is its ASCII */
	char		sup;
} Rewrite;

static const Rewrite rewrites[] = {
	{"\xC2\xA0", "", 0},		/* no-break space */
	{"\xE3\x80\x80", "", 0},	/* ideographic space */
	{"µ", "μ", 0},				/* micro sign */
	{"℃", "°C", 0},
	{"Ω", "Ω", 0},				/* ohm sign */
	{"⋅", "·", 0},
	{"∙", "·", 0},
	{"•", "·", 0},
	{"・", "·", 0},
	{"⁰", NULL, '0'}, {"¹", NULL, '1'}, {"²", NULL, '2'}, {"³", NULL, '3'},
	{"⁴", NULL, '4'}, {"⁵", NULL, '5'}, {"⁶", NULL, '6'}, {"⁷", NULL, '7'},
	{"⁸", NULL, '8'}, {"⁹", NULL, '9'}, {"⁺", NULL, '+'}, {"⁻", NULL, '-'},
};

/*
 * Cleaning pass: drop spaces, fold the few characters above, turn runs of
 * superscripts into "^digits", and remember where each byte came from.
 */
static bool
p_clean(Parser *p, const char *s, size_t len)
{
	size_t		j = 0;
	bool		in_sup = false;

	p->len = 0;
	while (j < len)
	{
		unsigned char c = (unsigned char) s[j];
		const Rewrite *rw = NULL;
		size_t		adv = 1;
		const char *out;
		char		one[3];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		{
			j++;
			in_sup = false;
			continue;
		}
		if (c >= 0x80)
		{
			for (size_t r = 0; r < sizeof(rewrites) / sizeof(rewrites[0]); r++)
			{
				size_t		fl = strlen(rewrites[r].from);

				if (fl <= len - j && memcmp(s + j, rewrites[r].from, fl) == 0)
				{
					rw = &rewrites[r];
					adv = fl;
					break;
				}
			}
		}
		if (rw != NULL && rw->to == NULL)
		{
			/* superscript: "^" once per run, then the ASCII character */
			if (!in_sup)
			{
				one[0] = '^';
				one[1] = rw->sup;
				one[2] = '\0';
			}
			else
			{
				one[0] = rw->sup;
				one[1] = '\0';
			}
			out = one;
			in_sup = true;
		}
		else if (rw != NULL)
		{
			out = rw->to;
			in_sup = false;
		}
		else
		{
			one[0] = (char) c;
			one[1] = '\0';
			out = one;
			in_sup = false;
		}
		for (size_t k = 0; out[k] != '\0'; k++)
		{
			if (p->len >= UNIT_MAX_INPUT)
				return fr_error(p->err, FR_ERR_LIMIT, (int) j,
								"A unit is at most %d bytes long.", UNIT_MAX_INPUT);
			p->buf[p->len] = out[k];
			p->pos[p->len] = (int) j;
			p->len++;
		}
		j += adv;
	}
	p->buf[p->len] = '\0';
	return true;
}

static bool
p_is_dot(const Parser *p, size_t i)
{
	return i + 1 < p->len && (unsigned char) p->buf[i] == 0xC2 &&
		(unsigned char) p->buf[i + 1] == 0xB7;
}

/* does byte i start (or continue) a word, i.e. a unit symbol? */
static bool
p_is_word(const Parser *p, size_t i)
{
	char		c;

	if (i >= p->len || p_is_dot(p, i))
		return false;
	c = p->buf[i];
	return !((c >= '0' && c <= '9') || c == '/' || c == '*' || c == '.' ||
			 c == '^' || c == '(' || c == ')' || c == '+' || c == '-');
}

static bool
p_is_digit(const Parser *p, size_t i)
{
	return i < p->len && p->buf[i] >= '0' && p->buf[i] <= '9';
}

/* a product operator at i: "·", "*", or "." not starting a number */
static size_t
p_product(const Parser *p, size_t i)
{
	if (p_is_dot(p, i))
		return 2;
	if (i < p->len && (p->buf[i] == '*' || p->buf[i] == '.'))
		return 1;
	return 0;
}

/* the text of the character at cleaned position i, for messages */
static void
p_char_text(const Parser *p, size_t i, char *out)
{
	size_t		n = 1;

	if (i >= p->len)
	{
		strcpy(out, "end of text");
		return;
	}
	while (i + n < p->len && ((unsigned char) p->buf[i + n] & 0xC0) == 0x80 && n < 4)
		n++;
	out[0] = '"';
	memcpy(out + 1, p->buf + i, n);
	out[n + 1] = '"';
	out[n + 2] = '\0';
}

static bool
p_fail(Parser *p, FrErrCode code, size_t i, const char *what)
{
	int			off = p_pos(p, i);

	char		clause[FR_ERR_TEXT];

	fr_error_clause(what, clause, sizeof(clause));
	if (clause[0] >= 'a' && clause[0] <= 'z')
		clause[0] = (char) (clause[0] - 'a' + 'A');
	return fr_error(p->err, code, off, "%s at character %d of unit \"%.*s\".",
					clause, p_charno(p, off), (int) p->origlen, p->orig);
}

static bool
u_check_dims(Parser *p, U *u)
{
	for (int d = 0; d < FR_DIM_NBASE; d++)
		if (u->dim[d] > UNIT_MAX_DIM || u->dim[d] < -UNIT_MAX_DIM)
			return p_fail(p, FR_ERR_LIMIT, p->i, "a dimension exponent is out of range");
	if (u->scale_exp > UNIT_MAX_DIM || u->scale_exp < -UNIT_MAX_DIM)
		return p_fail(p, FR_ERR_LIMIT, p->i, "a dimension exponent is out of range");
	return true;
}

static bool
u_mul(Parser *p, U *a, const U *b)
{
	for (int d = 0; d < FR_DIM_NBASE; d++)
	{
		a->dim[d] += b->dim[d];
		a->gross[d] += b->gross[d];
	}
	if (b->scale != FR_SCALE_NONE)
	{
		if (a->scale != FR_SCALE_NONE && a->scale != b->scale)
		{
			p_fail(p, FR_ERR_SYNTAX, p->term_start, "two different scale units in one unit");
			fr_error_hint(p->err, "\"%s\" and \"%s\" name scales and cannot be combined.",
						  fr_scale_symbols[a->scale], fr_scale_symbols[b->scale]);
			return false;
		}
		a->scale = b->scale;
		a->scale_exp += b->scale_exp;
		if (a->scale_exp == 0)
			a->scale = FR_SCALE_NONE;
	}
	if (!fac_mul(a->f, b->f, &a->f))
		return p_fail(p, FR_ERR_LIMIT, p->i, "the unit's conversion factor is too large to keep exact");
	return u_check_dims(p, a);
}

static bool
u_pow(Parser *p, U *a, int k)
{
	for (int d = 0; d < FR_DIM_NBASE; d++)
	{
		a->dim[d] *= k;
		a->gross[d] *= k < 0 ? -k : k;
	}
	a->scale_exp *= k;
	if (!fac_pow(a->f, k, &a->f))
		return p_fail(p, FR_ERR_LIMIT, p->i, "the unit's conversion factor is too large to keep exact");
	return u_check_dims(p, a);
}

static bool
u_div(Parser *p, U *a, U *b)
{
	return u_pow(p, b, -1) && u_mul(p, a, b);
}

/* ASCII case-insensitive equality of a[0..al) and b */
static bool
ci_equal(const char *a, size_t al, const char *b)
{
	size_t		bl = strlen(b);

	if (al != bl)
		return false;
	for (size_t i = 0; i < al; i++)
	{
		char		x = a[i],
					y = b[i];

		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y)
			return false;
	}
	return true;
}

/* a[0..al) and b differ by at most one edit (insert, delete, replace) */
static bool
one_edit(const char *a, size_t al, const char *b)
{
	size_t		bl = strlen(b);
	size_t		i = 0,
				j = 0;
	int			edits = 0;

	if (al > bl + 1 || bl > al + 1)
		return false;
	while (i < al && j < bl)
	{
		if (a[i] == b[j])
		{
			i++;
			j++;
			continue;
		}
		if (++edits > 1)
			return false;
		if (al > bl)
			i++;
		else if (bl > al)
			j++;
		else
		{
			i++;
			j++;
		}
	}
	edits += (int) ((al - i) + (bl - j));
	return edits <= 1;
}

typedef struct Hints
{
	const char *items[6];
	char		storage[6][FR_UNIT_MAXLEN];
	int			n;
} Hints;

static void
hint_add(Hints *h, const char *s)
{
	for (int i = 0; i < h->n; i++)
		if (strcmp(h->items[i], s) == 0)
			return;
	if (h->n < 6)
	{
		snprintf(h->storage[h->n], FR_UNIT_MAXLEN, "%s", s);
		h->items[h->n] = h->storage[h->n];
		h->n++;
	}
}

static const struct
{
	const char *wrong;
	const char *right;
}			hint_aliases[] = {
	{"C", "°C"}, {"deg", "°"}, {"degC", "°C"}, {"ohm", "Ω"}, {"Ohm", "Ω"},
	{"sec", "s"}, {"hr", "h"}, {"hrs", "h"}, {"cc", "mL"}, {"kWH", "kW·h"},
	{"KWH", "kW·h"}, {"kwh", "kW·h"},
};

static void
unknown_hint(Parser *p, const char *w, size_t wl)
{
	Hints		h;
	char		combo[FR_UNIT_MAXLEN];

	h.n = 0;
	for (size_t a = 0; a < sizeof(hint_aliases) / sizeof(hint_aliases[0]); a++)
		if (strlen(hint_aliases[a].wrong) == wl &&
			memcmp(hint_aliases[a].wrong, w, wl) == 0)
			hint_add(&h, hint_aliases[a].right);
	/* same letters in another case: KG → kg, kw → kW */
	for (int a = 0; a < fr_natoms; a++)
	{
		if (ci_equal(w, wl, fr_atoms[a].info.symbol))
			hint_add(&h, fr_atoms[a].canon);
		if (!fr_atoms[a].info.prefixable)
			continue;
		for (int q = 0; q < fr_nprefixes; q++)
		{
			if (strcmp(fr_prefixes[q].symbol, fr_prefixes[q].canon) != 0)
				continue;
			snprintf(combo, sizeof(combo), "%s%s", fr_prefixes[q].symbol,
					 fr_atoms[a].info.symbol);
			if (ci_equal(w, wl, combo))
				hint_add(&h, combo);
		}
	}
	/* one typing mistake away, for words long enough to be sure */
	if (wl >= 3)
		for (int a = 0; a < fr_natoms; a++)
			if (strlen(fr_atoms[a].info.symbol) >= 3 &&
				one_edit(w, wl, fr_atoms[a].info.symbol))
				hint_add(&h, fr_atoms[a].canon);

	if (h.n == 0)
		fr_error_hint(p->err, "SELECT * FROM frontrunner.units() lists the supported unit symbols; "
					  "SI prefixes (k, m, μ or u, …) apply to the prefixable ones.");
	else
	{
		char		list[FR_ERR_TEXT];
		size_t		n = 0;

		list[0] = '\0';
		for (int i = 0; i < h.n && n < sizeof(list); i++)
			n += snprintf(list + n, sizeof(list) - n, "%s\"%s\"",
						  i == 0 ? "" : (i == h.n - 1 ? " or " : ", "), h.items[i]);
		fr_error_hint(p->err, "Did you mean %s? SELECT * FROM frontrunner.units() lists the supported unit symbols.",
					  list);
	}
}

static const FrAtom *
atom_exact(const char *w, size_t wl)
{
	for (int a = 0; a < fr_natoms; a++)
	{
		const char *s = fr_atoms[a].info.symbol;

		if (s[0] == w[0] && strlen(s) == wl && memcmp(s, w, wl) == 0)
			return &fr_atoms[a];
	}
	return NULL;
}

/* a symbol, or a prefix followed by a prefixable symbol */
static const FrAtom *
atom_resolve(const char *w, size_t wl, const FrPrefix **prefix)
{
	const FrAtom *a = atom_exact(w, wl);

	*prefix = NULL;
	if (a != NULL)
		return a;
	for (int q = 0; q < fr_nprefixes; q++)
	{
		size_t		pl = strlen(fr_prefixes[q].symbol);

		if (pl < wl && fr_prefixes[q].symbol[0] == w[0] &&
			memcmp(fr_prefixes[q].symbol, w, pl) == 0)
		{
			a = atom_exact(w + pl, wl - pl);
			if (a != NULL && a->info.prefixable)
			{
				*prefix = &fr_prefixes[q];
				return a;
			}
		}
	}
	return NULL;
}

static bool parse_unit(Parser *p, U *u);

/* "^" [+-] digits, or (bare) digits directly after a symbol */
static bool
parse_power(Parser *p, bool bare, int *k)
{
	size_t		start = p->i;
	int			sign = 1;
	int			v = 0;
	int			nd = 0;

	if (!bare)
	{
		p->i++;					/* the "^" */
		if (p->i < p->len && (p->buf[p->i] == '+' || p->buf[p->i] == '-'))
		{
			sign = p->buf[p->i] == '-' ? -1 : 1;
			p->i++;
		}
	}
	while (p_is_digit(p, p->i))
	{
		v = v * 10 + (p->buf[p->i] - '0');
		p->i++;
		if (++nd > 2)
			break;
	}
	if (nd == 0)
		return p_fail(p, FR_ERR_SYNTAX, p->i, "a power was expected");
	if (v == 0 || v > UNIT_MAX_POWER || nd > 2)
	{
		p_fail(p, FR_ERR_SYNTAX, start, "invalid power");
		fr_error_hint(p->err, "Powers are integers from -%d to %d other than 0, as in \"m^2\", \"m²\", \"m2\" or \"s^-1\".",
					  UNIT_MAX_POWER, UNIT_MAX_POWER);
		return false;
	}
	*k = sign * v;
	canon_power(p, *k);
	return true;
}

/* a symbol (with prefix) or a parenthesised unit */
static bool
parse_atom(Parser *p, U *u, const FrAtom **word, bool *parens)
{
	*word = NULL;
	*parens = false;
	if (p->i < p->len && p->buf[p->i] == '(')
	{
		size_t		open = p->i;

		if (++p->depth > UNIT_MAX_DEPTH)
			return p_fail(p, FR_ERR_LIMIT, p->i, "too many nested parentheses");
		p->i++;
		canon_str(p, "(");
		if (!parse_unit(p, u))
			return false;
		if (p->i >= p->len || p->buf[p->i] != ')')
		{
			p_fail(p, FR_ERR_SYNTAX, p->i, "\")\" expected");
			fr_error_hint(p->err, "The \"(\" at character %d is not closed.",
						  p_charno(p, p_pos(p, open)));
			return false;
		}
		p->i++;
		p->depth--;
		canon_str(p, ")");
		*parens = true;
		return true;
	}
	else
	{
		size_t		start = p->i;
		size_t		wl;
		const FrAtom *a;
		const FrPrefix *prefix;
		Fac			pf;

		while (p_is_word(p, p->i))
			p->i++;
		wl = p->i - start;
		/* a weighting suffix: dB(A), dB(C) */
		if (p->i + 2 < p->len && p->buf[p->i] == '(' && p->buf[p->i + 2] == ')' &&
			wl + 3 < FR_UNIT_MAXLEN && atom_exact(p->buf + start, wl + 3) != NULL)
		{
			p->i += 3;
			wl += 3;
		}
		a = atom_resolve(p->buf + start, wl, &prefix);
		if (a == NULL)
		{
			int			off = p_pos(p, start);
			char		shown[FR_UNIT_MAXLEN];

			snprintf(shown, sizeof(shown), "%.*s", (int) (wl < 48 ? wl : 48), p->buf + start);
			fr_error(p->err, FR_ERR_SYNTAX, off,
					 "Unknown unit symbol \"%s\" at character %d of unit \"%.*s\".",
					 shown, p_charno(p, off), (int) p->origlen, p->orig);
			unknown_hint(p, p->buf + start, wl);
			return false;
		}
		u_one(u);
		for (int d = 0; d < FR_DIM_NBASE; d++)
		{
			u->dim[d] = a->dim[d];
			u->gross[d] = a->dim[d] < 0 ? -a->dim[d] : a->dim[d];
		}
		p->nsymbols++;
		if (a->scale != FR_SCALE_NONE)
		{
			u->scale = a->scale;
			u->scale_exp = 1;
		}
		if (!fac_make((uint64_t) a->num, (uint64_t) a->den, a->exp10, &u->f))
			return p_fail(p, FR_ERR_INTERNAL, start, "bad unit table entry");
		if (prefix != NULL)
		{
			if (!fac_make(1, 1, prefix->exp10, &pf) || !fac_mul(u->f, pf, &u->f))
				return p_fail(p, FR_ERR_INTERNAL, start, "bad prefix table entry");
			canon_str(p, prefix->canon);
		}
		canon_str(p, a->canon);
		*word = a;
		return true;
	}
}

/* [number [^power]] [atom [power]] */
static bool
parse_term(Parser *p, U *t)
{
	bool		has_num = false;
	bool		has_pow = false;
	const FrAtom *word = NULL;
	bool		parens = false;
	int			k;

	u_one(t);
	p->term_start = p->i;
	if (p_is_digit(p, p->i) ||
		(p->i + 1 < p->len && p->buf[p->i] == '.' && p_is_digit(p, p->i + 1)))
	{
		FrDec		v;
		size_t		used;
		char		text[FR_DEC_BUFSZ];

		if (!fr_dec_parse(p->buf + p->i, p->len - p->i, &used, &v, p->err))
		{
			char		what[FR_ERR_TEXT];

			char		clause[FR_ERR_TEXT];

			fr_error_clause(p->err->detail, clause, sizeof(clause));
			snprintf(what, sizeof(what), "bad numeric factor (%.300s)", clause);
			return p_fail(p, p->err->code, p->i, what);
		}
		if (v.coef <= 0)
			return p_fail(p, FR_ERR_SYNTAX, p->i, "a numeric factor in a unit must be positive");
		fr_dec_format(v, text);
		canon_str(p, text);
		p->i += used;
		if (!fac_make((uint64_t) v.coef, 1, -v.scale, &t->f))
			return p_fail(p, FR_ERR_LIMIT, p->i, "the numeric factor is too large");
		has_num = true;
		if (p->i < p->len && p->buf[p->i] == '^')
		{
			if (!parse_power(p, false, &k) || !u_pow(p, t, k))
				return false;
			has_pow = true;
		}
	}
	if (p_is_word(p, p->i) || (p->i < p->len && p->buf[p->i] == '('))
	{
		U			a;

		if (!parse_atom(p, &a, &word, &parens))
			return false;
		if (p->i < p->len && p->buf[p->i] == '^')
		{
			if (!parse_power(p, false, &k) || !u_pow(p, &a, k))
				return false;
			has_pow = true;
		}
		else if (!parens && p_is_digit(p, p->i))
		{
			if (!parse_power(p, true, &k) || !u_pow(p, &a, k))
				return false;
			has_pow = true;
		}
		if (!u_mul(p, t, &a))
			return false;
	}
	else if (!has_num)
	{
		char		c[16];
		char		what[64];

		p_char_text(p, p->i, c);
		snprintf(what, sizeof(what), "a unit symbol was expected, found %s", c);
		return p_fail(p, FR_ERR_SYNTAX, p->i, what);
	}
	p->nterms++;
	p->lone = (!has_num && !has_pow && !parens && p->depth == 0) ? word : NULL;
	return true;
}

/* term (product term)* */
static bool
parse_group(Parser *p, U *g)
{
	size_t		n;

	if (!parse_term(p, g))
		return false;
	while ((n = p_product(p, p->i)) > 0)
	{
		U			t;

		p->i += n;
		canon_str(p, "·");
		if (!parse_term(p, &t) || !u_mul(p, g, &t))
			return false;
	}
	return true;
}

/*
 * group ("/" group)*: everything after a "/" up to the next "/" is the
 * divisor, so W/m·K is W/(m·K) as Chinese standards mean it.
 */
static bool
parse_unit(Parser *p, U *u)
{
	/* "/25g": per 25 grams (a count of what the indicator names) */
	if (p->i < p->len && p->buf[p->i] == '/')
		u_one(u);
	else if (!parse_group(p, u))
		return false;
	while (p->i < p->len && p->buf[p->i] == '/')
	{
		U			g;

		p->i++;
		canon_str(p, "/");
		if (!parse_group(p, &g) || !u_div(p, u, &g))
			return false;
	}
	return true;
}

bool
fr_unit_parse(const char *s, size_t len, FrUnit *u, char *canon, FrError *err)
{
	Parser		p;
	U			r;

	memset(u, 0, sizeof(*u));
	u->factor.num = 1;
	u->factor.den = 1;
	canon[0] = '\0';
	p.orig = s;
	p.origlen = len;
	p.i = 0;
	p.cl = 0;
	p.canon[0] = '\0';
	p.canon_full = false;
	p.depth = 0;
	p.nterms = 0;
	p.nsymbols = 0;
	p.term_start = 0;
	p.lone = NULL;
	p.err = err;
	if (len > 4 * UNIT_MAX_INPUT)
		return fr_error(err, FR_ERR_LIMIT, 0, "A unit is at most %d bytes long.", UNIT_MAX_INPUT);
	if (!p_clean(&p, s, len))
		return false;
	if (p.len == 0)
		return true;			/* the dimensionless unit "" */

	if (!parse_unit(&p, &r))
		return false;
	if (p.i < p.len)
	{
		char		c[16];
		char		what[64];

		p_char_text(&p, p.i, c);
		snprintf(what, sizeof(what), "unexpected %s", c);
		p_fail(&p, FR_ERR_SYNTAX, p.i, what);
		if (p.buf[p.i] == '-')
			fr_error_hint(err, "Write a negative power as \"^-1\", as in \"s^-1\".");
		else if (p.buf[p.i] == ')')
			fr_error_hint(err, "There is no \"(\" to close.");
		else
			fr_error_hint(err, "Combine units with \"/\", \"·\" (or \"*\", \".\") and powers, as in \"kW·h/24h\" or \"W/(m²·K)\".");
		return false;
	}
	if (p.canon_full)
		return fr_error(err, FR_ERR_LIMIT, 0, "A unit is at most %d bytes long in canonical spelling.",
						FR_UNIT_MAXLEN - 1);
	if (p.nsymbols == 0)
	{
		fr_error(err, FR_ERR_SYNTAX, 0, "\"%.*s\" is a number, not a unit.", (int) len, s);
		fr_error_hint(err, "A unit names what is counted or measured (mg/kg, CFU/100mL); "
					  "two numbers side by side are two values, not a value and a unit.");
		return false;
	}
	/* a ratio of volumes (mL/L, mL/100mL, L/m³) is a volume fraction */
	{
		bool		cancelled = true;
		bool		others = false;

		for (int d = 0; d < FR_DIM_NBASE; d++)
		{
			if (r.dim[d] != 0)
				cancelled = false;
			if (d != FR_DIM_L && r.gross[d] != 0)
				others = true;
		}
		if (cancelled && r.scale == FR_SCALE_NONE && !others &&
			r.gross[FR_DIM_L] > 0 && r.gross[FR_DIM_L] % 6 == 0)
			r.dim[FR_DIM_VFRAC] = 1;
	}

	for (int d = 0; d < FR_DIM_NBASE; d++)
		u->dim[d] = (int8_t) r.dim[d];
	u->dim[FR_DIM_SCALE_ID] = (int8_t) r.scale;
	u->dim[FR_DIM_SCALE_EXP] = (int8_t) r.scale_exp;
	if (!fac_to_factor(r.f, &u->factor))
	{
		memset(u, 0, sizeof(*u));
		return fr_error(err, FR_ERR_LIMIT, 0,
						"The conversion factor of unit \"%.*s\" is outside 10^-%d .. 10^%d or too long to keep exact.",
						(int) len, s, FR_UNIT_MAX_EXP10, FR_UNIT_MAX_EXP10);
	}
	/* a lone temperature symbol is a point on its scale */
	if (p.nterms == 1 && p.lone != NULL && p.lone->has_offset)
	{
		u->has_offset = true;
		u->offset = p.lone->offset;
	}
	memcpy(canon, p.canon, p.cl + 1);
	return true;
}

/* ============================================================ fractions */

FrFraction
fr_unit_fraction(const FrUnit *u)
{
	bool		zero = true;
	bool		vfrac = true;
	bool		conc = true;

	for (int d = 0; d < FR_UNIT_NDIM; d++)
	{
		int			e = u->dim[d];

		if (e != 0)
			zero = false;
		if (e != (d == FR_DIM_VFRAC ? 1 : 0))
			vfrac = false;
		if (e != (d == FR_DIM_M ? 1 : d == FR_DIM_L ? -3 : 0))
			conc = false;
	}
	return zero ? FR_FRAC_MASS : vfrac ? FR_FRAC_VOLUME : conc ? FR_FRAC_CONCENTRATION : FR_FRAC_NONE;
}

static bool
is_plain_ratio(const char *canon)
{
	static const char *const plain[] = {"%", "‰", "‱", "ppm", "ppb", NULL};

	for (int i = 0; plain[i]; i++)
		if (strcmp(canon, plain[i]) == 0)
			return true;
	return false;
}

static const char *
fraction_name(FrFraction f)
{
	switch (f)
	{
		case FR_FRAC_MASS:
			return "a mass fraction";
		case FR_FRAC_VOLUME:
			return "a volume fraction";
		case FR_FRAC_CONCENTRATION:
			return "a mass concentration";
		case FR_FRAC_NONE:
			break;
	}
	return "no fraction";
}

bool
fr_unit_apply_fraction(FrUnit *u, const char *canon, FrFraction q, FrError *err)
{
	FrFraction	has;

	if (q == FR_FRAC_NONE)
		return true;
	has = fr_unit_fraction(u);
	if (canon[0] == '\0')
		return fr_error(err, FR_ERR_SYNTAX, -1,
						"A fraction qualifier (m/m, V/V, m/V, 质量分数, 体积分数) qualifies a unit, and there is none.");
	if (is_plain_ratio(canon))
	{
		/* a plain ratio is a mass fraction until qualified */
		if (q == FR_FRAC_VOLUME)
			u->dim[FR_DIM_VFRAC] = 1;
		else if (q == FR_FRAC_CONCENTRATION)
		{
			/* 1 % (m/V) = 1 g/100 mL = 10 kg/m³: the ratio's factor × 10³ */
			u->dim[FR_DIM_M] = 1;
			u->dim[FR_DIM_L] = -3;
			u->factor.exp10 += 3;
		}
		return true;
	}
	if (has == q)
		return true;
	return fr_error(err, FR_ERR_SYNTAX, -1,
					"The unit \"%s\" measures %s, but the qualifier says %s.",
					canon, fraction_name(has), fraction_name(q));
}

bool
fr_unit_commensurable(const FrUnit *a, const FrUnit *b)
{
	return memcmp(a->dim, b->dim, sizeof(a->dim)) == 0;
}

bool
fr_unit_same_scale(const FrUnit *a, const FrUnit *b)
{
	if (a->factor.num != b->factor.num || a->factor.den != b->factor.den ||
		a->factor.exp10 != b->factor.exp10 || a->has_offset != b->has_offset)
		return false;
	return !a->has_offset || fr_dec_cmp(a->offset, b->offset) == 0;
}

bool
fr_unit_identical(const FrUnit *a, const FrUnit *b)
{
	return fr_unit_commensurable(a, b) && fr_unit_same_scale(a, b);
}

/* ============================================================ dimensions */

static size_t
append(char *buf, size_t cap, size_t n, const char *s)
{
	size_t		l = strlen(s);

	if (n + l + 1 > cap)
		return n;
	memcpy(buf + n, s, l + 1);
	return n + l;
}

void
fr_unit_dimension_text(const FrUnit *u, char *buf, size_t cap)
{
	char		formula[FR_UNIT_MAXLEN * 2];
	size_t		n = 0;
	bool		any = false;
	int			scale = u->dim[FR_DIM_SCALE_ID];
	int			scale_exp = u->dim[FR_DIM_SCALE_EXP];
	const char *name = NULL;

	if (cap == 0)
		return;
	buf[0] = '\0';
	formula[0] = '\0';
	/* positive exponents first, then negative ones: M·L⁻³ */
	for (int pass = 0; pass < 2; pass++)
	{
		for (int d = 0; d < FR_DIM_NBASE + 1; d++)
		{
			int			e;
			const char *sym;

			if (d < FR_DIM_NBASE)
			{
				e = u->dim[d];
				sym = fr_dim_symbols[d];
			}
			else
			{
				e = scale_exp;
				sym = (scale > 0 && scale < FR_SCALE_COUNT) ? fr_scale_symbols[scale] : "?";
			}
			if (e == 0 || (pass == 0) != (e > 0))
				continue;
			if (any)
				n = append(formula, sizeof(formula), n, "·");
			n = append(formula, sizeof(formula), n, sym);
			if (e != 1)
			{
				char		digits[8];
				int			nd;
				int			m = e < 0 ? -e : e;

				if (e < 0)
					n = append(formula, sizeof(formula), n, "⁻");
				nd = snprintf(digits, sizeof(digits), "%d", m);
				for (int j = 0; j < nd; j++)
					n = append(formula, sizeof(formula), n, superscript_digits[digits[j] - '0']);
			}
			any = true;
		}
	}
	if (!any)
	{
		snprintf(buf, cap, "mass fraction or dimensionless ratio");
		return;
	}
	if (scale == FR_SCALE_NONE)
	{
		for (int i = 0; i < fr_ndim_names; i++)
			if (memcmp(fr_dim_names[i].dim, u->dim, FR_DIM_NBASE) == 0)
			{
				name = fr_dim_names[i].name;
				break;
			}
	}
	else
	{
		bool		pure = scale_exp == 1;

		for (int d = 0; d < FR_DIM_NBASE; d++)
			if (u->dim[d] != 0)
				pure = false;
		if (pure)
		{
			snprintf(buf, cap, "%s scale", formula);
			return;
		}
	}
	if (name != NULL)
		snprintf(buf, cap, "%s (%s)", name, formula);
	else
		snprintf(buf, cap, "%s", formula);
}

/* ================================================================ table */

int
fr_unit_table_size(void)
{
	return fr_natoms + fr_ncompounds;
}

const FrUnitInfo *
fr_unit_table_entry(int i)
{
	if (i < 0 || i >= fr_natoms + fr_ncompounds)
		return NULL;
	if (i < fr_natoms)
		return &fr_atoms[i].info;
	return &fr_compounds[i - fr_natoms];
}

int
fr_unit_prefix_count(void)
{
	return fr_nprefixes;
}

bool
fr_unit_prefix_entry(int i, const char **symbol, const char **name, int *exp10)
{
	if (i < 0 || i >= fr_nprefixes)
		return false;
	*symbol = fr_prefixes[i].symbol;
	*name = fr_prefixes[i].name;
	*exp10 = fr_prefixes[i].exp10;
	return true;
}
