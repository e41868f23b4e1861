/*
 * indicator_parse.c — text forms of the indicator type (backend-free).
 *
 * Grammar, on normalised text (NFKC, ≦≧ → ≤≥, dashes → "-", wave dashes
 * → "~", full-width punctuation → ASCII, superscripts → "^digits"); spaces
 * are optional everywhere:
 *
 *   indicator := [shall] (nd | plan | bracket | clause [tail])
 *   shall     := 应 [为] | [应] 在 … (之间 | 范围内)           0.2.0
 *   nd        := ("ND" | "N.D." | "not detected" | 不得检出 | 不应检出
 *                 | 不可检出 | 未检出) ["(" [label] [upper-op] number unit ")"]
 *   plan      := "n=" int sep "c=" int sep "m=" number [unit]
 *                [sep "M=" (number [unit] | "-")]                 0.2.0
 *   bracket   := ("[" | "(") number "," number ("]" | ")") unit
 *              | "(" number tol ")" unit                   (65±2) dB
 *   clause    := [op] number ["-" integer 级] unit [postfix]  ≥3-4级
 *   tail      := ("~" | 至 | 到 | "-") number unit              range
 *              | "±" number unit                            tolerance
 *              | ("+"|"-") number [%] ["/"] ("+"|"-") number unit
 *              | [conjunction] clause                       ≥6.5, ≤8.5
 *   number    := decimal [power]                                  0.2.0
 *   decimal   := [+-] digits (" " ddd)* ["." [" "] digits (" " ddd)*]
 *   power     := ("E"|"e") [+-] digits | "×" "10" ["^" [+-] digits]
 *              | "×" "1" "0"+            (13×10², 1.0E+04, 14×100)
 *              | a bare "10^k" for the whole number               10^4
 *   unit      := a unit (units.h), then qualifiers "(…)"          0.2.0
 *
 * Comparison words (Chinese inclusion rules: 以上/以下/以内/不超过/不大于/
 * 不小于 include the number; 超过/大于/小于/不满 exclude it):
 *   ≤ : ≤ <= 不大于 不高于 不超过 不多于 至多 最多 最大 最高 小于等于 小于或等于
 *       低于或等于 不得超过 不得大于 不得高于 不得多于 不应大于 不应超过 不应高于
 *       不应多于; postfix 以下 以内
 *   < : < 小于 低于 不满 未满 不足 少于
 *   ≥ : ≥ >= 不小于 不低于 不少于 至少 最少 最小 最低 大于等于 大于或等于 高于或等于
 *       不得低于 不得小于 不得少于 不应低于 不应小于 不应少于; postfix 以上
 *   > : > 大于 高于 超过 多于
 * (不得超过 is "must not exceed", ≤, although 超过 alone is exclusive.)
 *
 * Numbers: a space between digit groups of three joins them (1 000,
 * 9 192 631 770, 6.626 070 15), as does a space after the decimal point
 * (8. 0); any other space between two numbers is refused (45 40 10: three
 * values in one cell).  A power of ten keeps its written precision (13×10²
 * is 1300 rounded to hundreds, {13, -2}); a power printed flat (13×102,
 * 10-5, 10 2) is refused, never read as a product.  A comma between digit
 * groups (10,000) is refused: 10000 in one convention, 10.000 in another.
 *
 * Tolerance rule: a unit written only after the tolerance belongs to both
 * numbers ("65±2 dB" is (65 ± 2) dB, "50±5%" is (50 ± 5) %, i.e. 45 % to
 * 55 %).  A tolerance in % is relative only when the nominal carries its own
 * unit that is not % itself: "50 mm ± 5 %" is 47.5 mm to 52.5 mm, "220 V
 * +7%/-10%" is 198 V to 235.4 V.
 *
 * Hyphen ranges: two unsigned numbers joined by a dash are a range
 * (6.5-8.5, 0.10—0.13, 198V-235.4V) — except in grades, where 3-4级 stays
 * the half grade 3.5 级 (only N-(N+1) with the unit 级).
 *
 * Qualifiers (indicator_basis.h): parenthesised groups after the unit (or
 * right after the number when there is none): 以Pb计, 以干基计, 质量分数,
 * V/V …, several in one group separated by commas.  A group with another
 * number in it (0.2 (湖、库0.05): two limits in one cell), a second unit
 * (CFU/g(mL)) or anything else unknown is refused, naming it.
 *
 * Why one file of about 2,300 lines: the parser is one recursive descent
 * over one context (Parser: the normalised text, the position, the error
 * being written), and every part below — errors, lexing, numbers, units and
 * their qualifiers, forms, plans, entry — reads and advances that context
 * through the same few helpers.  Split by part, the context and two dozen
 * helpers (with short names such as accept and trim, which would then be
 * global symbols of the module) would have to be exported in a header of
 * their own, for no reader's gain.  What is a concern of its own is already
 * elsewhere: the unit table and grammar (units.c), the qualifiers
 * (indicator_basis.c), the decimal arithmetic (decimal.c), the comparison
 * (indicator_cmp.c) and the output (indicator_format.c).  The sections
 * below follow the order the parser uses them.
 */
#include <stdio.h>
#include <string.h>

#include "core/indicator_parse.h"

#define OP_NONE 0
#define OP_LE	1
#define OP_LT	2
#define OP_GE	3
#define OP_GT	4

/* a number as written */
typedef struct Num
{
	FrDec		v;				/* the value (a power's precision kept) */
	int8_t		exp;			/* the power of ten written */
	uint8_t		pow;			/* FR_POW_* */
	bool		signed_;		/* written with a sign */
} Num;

/*
 * The last number read successfully: where it started (after spaces), the
 * input length and comma rule then, what it was and where it ended.  A
 * hyphen is tried as a half grade, a range and a tolerance, and each reads
 * the number after it again; the second and third reads take it from here.
 */
typedef struct NumMemo
{
	bool		valid;
	bool		comma_sep;		/* a comma separated bounds (bracketed) */
	size_t		start;
	size_t		len;
	size_t		end;
	Num			num;
} NumMemo;

typedef struct Parser
{
	const char *s;
	size_t		len;
	size_t		pos;
	bool		bracket;		/* inside [a, b]: a comma separates bounds */
	FrError    *err;
	NumMemo    *memo;			/* shared by copies of the parser */
} Parser;

/* the qualifiers of a unit span */
typedef struct Quals
{
	uint8_t		fraction;
	uint8_t		sample;
	char		species[FR_SPECIES_MAXLEN];
	size_t		pos;			/* where the first was written */
	bool		any;
} Quals;

/* a unit as written: the span of the unit itself, and its qualifiers */
typedef struct UnitSpan
{
	size_t		start;
	size_t		len;			/* 0 = no unit written */
	Quals		q;
} UnitSpan;

typedef struct Clause
{
	int			op;
	size_t		start;
	size_t		numpos;
	Num			num;
	bool		half;			/* half grade N-(N+1) */
	UnitSpan	unit;
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
	{"不得超过", OP_LE}, {"不得大于", OP_LE}, {"不得高于", OP_LE}, {"不得多于", OP_LE},
	{"不应超过", OP_LE}, {"不应大于", OP_LE}, {"不应高于", OP_LE}, {"不应多于", OP_LE},
	{"不得低于", OP_GE}, {"不得小于", OP_GE}, {"不得少于", OP_GE},
	{"不应低于", OP_GE}, {"不应小于", OP_GE}, {"不应少于", OP_GE},
	{"小于或等于", OP_LE}, {"小于等于", OP_LE}, {"低于或等于", OP_LE},
	{"大于或等于", OP_GE}, {"大于等于", OP_GE}, {"高于或等于", OP_GE},
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

/* 应在 6.5~8.5 之间 */
static const char *const between_ends[] = {"之间", "范围内", NULL};

#define TIMES "\xC3\x97"		/* × U+00D7 */

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

/* "at character 4 ("-8.5")" or "at the end of the input" */
static void
where_text(const Parser *p, size_t pos, char *where, size_t cap)
{
	if (pos >= p->len)
		snprintf(where, cap, "at the end of the input");
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
		snprintf(where, cap, "at character %d (\"%.*s%s\")",
				 char_index(p->s, pos), (int) n, p->s + pos,
				 pos + n < p->len ? "…" : "");
	}
}

/*
 * Record a syntax error at pos: the detail says where parsing stopped (as
 * a character number and the text there) and why.
 */
static bool
perr(Parser *p, size_t pos, const char *why, const char *hint)
{
	char		where[96];

	where_text(p, pos, where, sizeof(where));
	fr_error(p->err, FR_ERR_SYNTAX, (int) pos, "Parsing stopped %s: %s.", where, why);
	/* hints are sentences: "e.g. X" becomes "Write it like X." */
	if (hint && strncmp(hint, "e.g. ", 5) == 0)
		fr_error_hint(p->err, "Write it like %s.", hint + 5);
	else if (hint)
		fr_error_hint(p->err, "%c%s%s", (hint[0] >= 'a' && hint[0] <= 'z') ? hint[0] - 'a' + 'A' : hint[0],
					  hint + 1, hint[strlen(hint) - 1] == '.' ? "" : ".");
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

static inline void
skip_sp(Parser *p)
{
	while (p->pos < p->len && p->s[p->pos] == ' ')
		p->pos++;
}

static inline bool
at_end(Parser *p)
{
	skip_sp(p);
	return p->pos >= p->len;
}

static inline char
lower_ascii(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : c;
}

static inline bool
is_alpha(char c)
{
	c = lower_ascii(c);
	return c >= 'a' && c <= 'z';
}

static inline bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Does kw start at p->pos?  ASCII letters compare case-insensitively, and a
 * keyword ending in a letter must not be followed by another letter
 * ("nd" is not the start of "ndx").
 */
static inline size_t
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
	return is_digit(c) || c == '-' || c == '+' || c == '.';
}

/*
 * The words of a list by first byte (ASCII letters folded, as starts_with
 * compares), built on first use: at a position only the words starting
 * with its byte are tried, in their order in the list (a word with another
 * first byte cannot match there, so the first match is the same).
 * prefix_words has some 60 words, and "<=" was the 52nd tried.
 */
#define WORDS_MAX 96

typedef struct WordIndex
{
	bool		built;
	bool		linear;			/* more than WORDS_MAX words: try them all */
	uint8_t		head[256];		/* 1 + the first word with this first byte, 0: none */
	uint8_t		next[WORDS_MAX];	/* 1 + the next word with the same first byte */
	const char *text[WORDS_MAX];	/* the words */
} WordIndex;

static WordIndex prefix_index,
			postfix_index,
			nd_index,
			lod_index,
			range_index,
			conj_index;

/* word i of a list of Word, of a list of strings (NULL after the last) */
typedef const char *(*WordAt) (const void *list, int i);

static const char *
op_word_at(const void *list, int i)
{
	return ((const Word *) list)[i].text;
}

static const char *
word_at(const void *list, int i)
{
	return ((const char *const *) list)[i];
}

/* once per list: kept out of line, off the path of every other call */
__attribute__((noinline)) static void
index_words(WordIndex *x, WordAt at, const void *list)
{
	uint8_t		tail[256];
	int			n = 0;

	memset(x->head, 0, sizeof(x->head));
	memset(tail, 0, sizeof(tail));
	while (at(list, n) != NULL)
		n++;
	x->linear = n > WORDS_MAX;
	for (int i = 0; i < n && !x->linear; i++)
	{
		unsigned char c = (unsigned char) lower_ascii(at(list, i)[0]);

		x->text[i] = at(list, i);
		x->next[i] = 0;
		if (x->head[c] == 0)
			x->head[c] = (uint8_t) (i + 1);
		else
			x->next[tail[c] - 1] = (uint8_t) (i + 1);
		tail[c] = (uint8_t) (i + 1);
	}
	x->built = true;
}

/* a list too long for its index (out of line, as index_words) */
__attribute__((noinline)) static int
accept_linear(Parser *p, WordAt at, const void *list)
{
	for (int i = 0; at(list, i) != NULL; i++)
		if (accept(p, at(list, i)))
			return i;
	return -1;
}

/* accept the first word of the list that starts at p->pos: its index, or -1 */
static inline int
accept_indexed(Parser *p, WordIndex *x, WordAt at, const void *list)
{
	if (at_number_char(p))
		return -1;
	if (!x->built)
		index_words(x, at, list);
	if (x->linear)
		return accept_linear(p, at, list);
	for (int i = x->head[(unsigned char) lower_ascii(p->s[p->pos])]; i != 0; i = x->next[i - 1])
		if (accept(p, x->text[i - 1]))
			return i - 1;
	return -1;
}

static int
accept_word(Parser *p, const Word *words, WordIndex *x)
{
	int			i = accept_indexed(p, x, op_word_at, words);

	return i < 0 ? OP_NONE : words[i].op;
}

static bool
accept_any(Parser *p, const char *const *words, WordIndex *x)
{
	return accept_indexed(p, x, word_at, words) >= 0;
}

static inline bool
number_starts(const Parser *p, size_t pos)
{
	if (pos < p->len && (p->s[pos] == '+' || p->s[pos] == '-'))
		pos++;
	if (pos < p->len && p->s[pos] == '.')
		pos++;
	return pos < p->len && is_digit(p->s[pos]);
}

/* number of ASCII digits from pos */
static inline size_t
digit_run(const Parser *p, size_t pos)
{
	size_t		n = 0;

	while (pos + n < p->len && is_digit(p->s[pos + n]))
		n++;
	return n;
}

/* spaces from pos */
static inline size_t
space_run(const Parser *p, size_t pos)
{
	size_t		n = 0;

	while (pos + n < p->len && p->s[pos + n] == ' ')
		n++;
	return n;
}

/* ---------------------------------------------------------------- numbers */

#define NUMBUF 80

/*
 * The decimal at p->pos with its digit groups joined, into buf (NUL
 * terminated) and map (buf index → input offset); p->pos after it.
 */
static void
scan_decimal(Parser *p, char *buf, size_t *map, size_t *blen)
{
	size_t		n = 0;
	size_t		i = p->pos;
	size_t		d;

#define PUT(at) do { if (n < NUMBUF - 1) { buf[n] = p->s[at]; map[n] = (at); n++; } } while (0)
	if (i < p->len && (p->s[i] == '+' || p->s[i] == '-'))
	{
		PUT(i);
		i++;
	}
	d = digit_run(p, i);
	for (size_t k = 0; k < d; k++)
		PUT(i + k);
	i += d;
	/* 1 000 000: groups of three after a first group of one to three */
	if (d >= 1 && d <= 3)
		for (;;)
		{
			size_t		sp = space_run(p, i);
			size_t		g = sp ? digit_run(p, i + sp) : 0;

			if (g != 3)
				break;
			for (size_t k = 0; k < 3; k++)
				PUT(i + sp + k);
			i += sp + 3;
		}
	/* fraction: "." then digits, a space after the point tolerated (8. 0) */
	if (i < p->len && p->s[i] == '.')
	{
		size_t		sp = space_run(p, i + 1);
		size_t		f = digit_run(p, i + 1 + sp);

		if (f > 0)
		{
			PUT(i);
			for (size_t k = 0; k < f; k++)
				PUT(i + 1 + sp + k);
			i += 1 + sp + f;
			/* 6.626 070 15: more groups after a group of three */
			while (f == 3)
			{
				size_t		sp2 = space_run(p, i);
				size_t		g = sp2 ? digit_run(p, i + sp2) : 0;

				if (g < 1 || g > 3 || (i + sp2 + g < p->len && p->s[i + sp2 + g] == '.'))
					break;
				for (size_t k = 0; k < g; k++)
					PUT(i + sp2 + k);
				i += sp2 + g;
				f = g;
			}
		}
	}
#undef PUT
	buf[n] = '\0';
	map[n] = i;
	*blen = n;
	p->pos = i;
}

/*
 * The common case of scan_decimal: [+-] digits ["." digits] with nothing
 * after it that scan_decimal would join (a space or a point, then spaces,
 * then a digit: 1 000, 8. 0, 6.626 070) and shorter than its buffer.  Then
 * the decimal is s[start..start + *n) as written, and scan_decimal would
 * copy exactly that.
 */
static bool
contiguous_decimal(const Parser *p, size_t start, size_t *n)
{
	size_t		i = start;
	size_t		k;

	if (i < p->len && (p->s[i] == '+' || p->s[i] == '-'))
		i++;
	i += digit_run(p, i);
	if (i + 1 < p->len && p->s[i] == '.' && is_digit(p->s[i + 1]))
		i += 1 + digit_run(p, i + 1);
	if (i - start >= NUMBUF - 1)
		return false;
	if (i < p->len && (p->s[i] == ' ' || p->s[i] == '.'))
	{
		k = i + 1 + space_run(p, i + 1);
		if (k < p->len && is_digit(p->s[k]))
			return false;
	}
	*n = i - start;
	return true;
}

/*
 * A signed exponent of at most two digits at j ([+-] digits): its length
 * in *n (0 when there is none or it is longer) and its value in *k.
 */
static void
scan_exponent(const Parser *p, size_t j, size_t *n, int *k)
{
	size_t		start = j;
	int			sign = 1;
	size_t		nd;

	*n = 0;
	*k = 0;
	if (j < p->len && (p->s[j] == '+' || p->s[j] == '-'))
		sign = p->s[j++] == '-' ? -1 : 1;
	nd = digit_run(p, j);
	if (nd == 0 || nd > 2)
		return;
	for (size_t q = 0; q < nd; q++)
		*k = *k * 10 + (p->s[j + q] - '0');
	*k *= sign;
	*n = j + nd - start;
}

/*
 * A power of ten after the decimal at p->pos (or none): *k the exponent.
 * Refuses what looks like a power printed flat.
 */
static bool
scan_power(Parser *p, bool *has, int *k)
{
	size_t		i = p->pos;
	size_t		start;

	*has = false;
	*k = 0;
	/* what can begin a power: e, E, a space before ×, or × (0xC3 0x97) */
	if (i >= p->len || (p->s[i] != 'e' && p->s[i] != 'E' && p->s[i] != ' ' &&
						(unsigned char) p->s[i] != 0xC3))
		return true;
	/* 1.0E+04, 2e3 */
	if (i < p->len && (p->s[i] == 'e' || p->s[i] == 'E') && number_starts(p, i + 1) &&
		p->s[i + 1] != '.')
	{
		size_t		n;

		scan_exponent(p, i + 1, &n, k);
		if (n == 0)
			return perr(p, i, "the exponent has more than two digits", NULL);
		*has = true;
		p->pos = i + 1 + n;
		return true;
	}
	/* × 10^k, ×10, ×100 */
	i += space_run(p, i);
	if (!(i + 2 <= p->len && memcmp(p->s + i, TIMES, 2) == 0))
		return true;
	start = i;
	i += 2;
	i += space_run(p, i);
	{
		size_t		nd = digit_run(p, i);
		bool		ones = nd >= 2 && p->s[i] == '1';

		for (size_t q = 1; q < nd && ones; q++)
			if (p->s[i + q] != '0')
				ones = false;
		if (nd == 2 && ones && i + 2 < p->len && p->s[i + 2] == '^')
		{
			size_t		n;

			scan_exponent(p, i + 3, &n, k);
			if (n == 0)
				return perr(p, i, "expected the exponent of the power of ten after \"10^\", of at most two digits",
							"e.g. 1×10^4 or 1×10⁴");
			p->pos = i + 3 + n;
		}
		else if (ones && nd <= 19)
		{
			size_t		after = i + nd;
			size_t		sp = space_run(p, after);

			/* 13×10 2, 10-5: the superscript lost in print */
			if ((sp > 0 && after + sp < p->len && is_digit(p->s[after + sp])) ||
				(after + 1 < p->len && p->s[after] == '-' && is_digit(p->s[after + 1])))
				return perr(p, start, "a power of ten seems to have lost its superscript: reading it as a product or a range would be a guess",
							"write the exponent with a caret or as a superscript, e.g. 13×10^2, 13×10², 4×10^-5 or 4×10⁻⁵");
			*k = (int) nd - 1;
			p->pos = after;
		}
		else if (nd > 2 && p->s[i] == '1' && p->s[i + 1] == '0')
		{
			char		why[160];

			snprintf(why, sizeof(why),
					 "\"×%.*s\" is not a power of ten: it looks like 10^%.*s printed without its superscript",
					 (int) (nd > 24 ? 24 : nd), p->s + i, (int) (nd - 2 > 22 ? 22 : nd - 2), p->s + i + 2);
			return perr(p, start, why, "write the power with a caret or a superscript, e.g. 13×10^2 or 13×10²");
		}
		else
			return perr(p, start, "\"×\" is not followed by a power of ten (10, 100, 10^k)",
						"a value is written with a power of ten as 2×10^6, 2×10⁶ or 2E+06; a product of two numbers is not a value");
	}
	*has = true;
	return true;
}

/*
 * A number at p->pos: the decimal with its digit groups, a power of ten
 * (or a bare 10^k), checked to fit.  bracketed: inside [a, b], where a
 * comma separates the bounds.
 */
static bool
read_value(Parser *p, Num *out, const char *what, bool bracketed)
{
	char		buf[NUMBUF];
	size_t		map[NUMBUF];
	size_t		blen;
	size_t		used = 0;
	size_t		start;
	bool		has_pow = false;
	bool		ten;
	bool		contiguous;
	int			k = 0;
	FrDec		m;

	/* parse_value skipped the spaces */
	start = p->pos;
	memset(out, 0, sizeof(*out));
	if (!number_starts(p, start))
	{
		char		why[96];

		snprintf(why, sizeof(why), "expected %s", what);
		return perr(p, start, why,
					"an indicator is a number with an optional comparison and unit, e.g. \"≤ 0.2 mg/kg\", \"6.5 ~ 8.5\", \"65 ± 2 dB\", \"ND\"");
	}
	out->signed_ = p->s[start] == '+' || p->s[start] == '-';
	contiguous = contiguous_decimal(p, start, &blen);
	if (contiguous && blen <= FR_DEC_MAX_DIGITS)
	{
		/*
		 * At most 18 characters: at most 18 digits and decimals, within
		 * every limit of fr_dec_parse, whose value this is (the digits as
		 * one integer, the decimals written as the scale).
		 */
		const char *d = p->s + start;
		size_t		q = (d[0] == '+' || d[0] == '-') ? 1 : 0;
		int64_t		coef = 0;
		int			scale = -1;

		for (; q < blen; q++)
		{
			if (d[q] == '.')
				scale = 0;
			else
			{
				coef = coef * 10 + (d[q] - '0');
				if (scale >= 0)
					scale++;
			}
		}
		m.coef = d[0] == '-' ? -coef : coef;
		m.scale = (int16_t) (scale < 0 ? 0 : scale);
		p->pos = start + blen;
		ten = blen == 2 && d[0] == '1' && d[1] == '0';
	}
	else if (contiguous)
	{
		/* no digit groups to join: parsed in place (map is the identity) */
		if (!fr_dec_parse(p->s + start, blen, &used, &m, p->err))
		{
			size_t		at = p->err->position >= 0 && (size_t) p->err->position <= blen ?
				start + (size_t) p->err->position : start;

			p->err->position = 0;
			return relocate(p, at);
		}
		p->pos = start + blen;
		ten = blen == 2 && p->s[start] == '1' && p->s[start + 1] == '0';
	}
	else
	{
		scan_decimal(p, buf, map, &blen);
		if (!fr_dec_parse(buf, blen, &used, &m, p->err))
		{
			size_t		at = p->err->position >= 0 && (size_t) p->err->position <= blen ?
				map[p->err->position] : start;

			p->err->position = 0;
			return relocate(p, at);
		}
		ten = strcmp(buf, "10") == 0;
	}
	/* a bare power of ten: 10^4 (the mantissa 1 is not written) */
	if (ten && p->pos < p->len && p->s[p->pos] == '^')
	{
		size_t		n;

		scan_exponent(p, p->pos + 1, &n, &k);
		if (n == 0)
			return perr(p, p->pos, "expected the exponent of the power of ten after \"10^\", of at most two digits",
						"e.g. 10^4 or 10⁴");
		p->pos += 1 + n;
		m.coef = 1;
		m.scale = 0;
		has_pow = true;
		out->pow = FR_POW_WRITTEN | FR_POW_BARE;
	}
	else
	{
		if (!scan_power(p, &has_pow, &k))
			return false;
		if (has_pow)
			out->pow = FR_POW_WRITTEN;
	}
	if (has_pow)
	{
		if (!fr_dec_scale10(m, k, &out->v, p->err))
			return relocate(p, start);
		out->exp = (int8_t) k;
	}
	else
	{
		/* by field: m was just written so, and is read back so (see copy_num) */
		out->v.coef = m.coef;
		out->v.scale = m.scale;
	}

	/* what may not follow a number */
	{
		size_t		i = p->pos;
		size_t		sp = space_run(p, i);

		if (i + sp < p->len && is_digit(p->s[i + sp]))
			return perr(p, i + sp, "two numbers stand side by side: several values in one cell, or a power of ten printed without its superscript",
						"write one value per requirement, and a power of ten as 13×10^2 or 13×10²");
		if (!bracketed && !p->bracket && sp == 0 && i < p->len && p->s[i] == ',' &&
			digit_run(p, i + 1) == 3 && !(i + 4 < p->len && p->s[i + 4] == '.'))
			return perr(p, i, "a comma between digit groups is ambiguous (10,000 is 10000 in one convention, 10.000 in another)",
						"write the number without separators, e.g. 10000, or with spaces, 10 000");
		if (sp == 0 && i + 1 < p->len && (p->s[i] == 'x' || p->s[i] == 'X' || p->s[i] == '*') &&
			is_digit(p->s[i + 1]))
			return perr(p, i, "the letter x or * is not the multiplication sign of a power of ten",
						"write a power of ten as 2×10^6 (× is U+00D7), 2×10⁶ or 2E+06");
	}
	return true;
}

/*
 * *dst = *src field by field: a Num is written so just before it is copied,
 * and a copy as a whole would read those narrow stores back with wide
 * loads, which stall (seen in profiles of indicator input).
 */
static inline void
copy_num(Num *dst, const Num *src)
{
	dst->v.coef = src->v.coef;
	dst->v.scale = src->v.scale;
	dst->exp = src->exp;
	dst->pow = src->pow;
	dst->signed_ = src->signed_;
}

/*
 * The most common number, read in one pass: unsigned digits with an
 * optional fraction, at most 18 characters, and an optional exponent
 * (E+03) that keeps the value within limits, followed by nothing that
 * read_value would look at twice (a power, digit groups, a second number,
 * a comma before three digits, an x or *).  Then the number is what
 * read_value would make of it.  False, and nothing changed, otherwise.
 */
static inline bool
plain_value(Parser *p, Num *out, bool comma_sep)
{
	const char *s = p->s;
	size_t		len = p->len;
	size_t		start = p->pos;
	size_t		i = start;
	uint64_t	coef = 0;		/* wraps harmlessly on a number too long */
	int			scale = 0;
	int			k = 0;			/* the power of ten */
	uint8_t		pow = 0;
	FrDec		d;

	while (i < len && is_digit(s[i]))
		coef = coef * 10 + (uint64_t) (s[i++] - '0');
	if (i == start)
		return false;			/* a sign or a point first */
	if (i + 1 < len && s[i] == '.' && is_digit(s[i + 1]))
		for (i++; i < len && is_digit(s[i]); i++, scale++)
			coef = coef * 10 + (uint64_t) (s[i] - '0');
	if (i - start > FR_DEC_MAX_DIGITS)
		return false;
	/* 1.0E+04: an exponent of one or two digits, the value within limits */
	if (i < len && (s[i] == 'e' || s[i] == 'E'))
	{
		size_t		j = i + 1;
		int			sign = 1;
		int			nd = 0;

		if (j < len && (s[j] == '+' || s[j] == '-'))
			sign = s[j++] == '-' ? -1 : 1;
		for (; j < len && is_digit(s[j]) && nd < 3; j++, nd++)
			k = k * 10 + (s[j] - '0');
		k *= sign;
		if (nd == 0 || nd > 2 || k > 60 || k < -60 ||
			scale - k > FR_DEC_MAX_SCALE || scale - k < FR_DEC_MIN_SCALE)
			return false;
		d.coef = (int64_t) coef;
		d.scale = (int16_t) (scale - k);
		if (!fr_dec_valid(d))
			return false;
		pow = FR_POW_WRITTEN;
		i = j;
	}
	else
	{
		d.coef = (int64_t) coef;
		d.scale = (int16_t) scale;
	}
	if (i < len)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == ' ')
		{
			size_t		k = i + space_run(p, i);

			/* digit groups, a second number, a power "× 10" */
			if (k < len && (is_digit(s[k]) || (unsigned char) s[k] == 0xC3))
				return false;
		}
		else if (c == '.' || c == 'e' || c == 'E' || c == 0xC3 || c == '^' ||
				 c == 'x' || c == 'X' || c == '*')
			return false;
		else if (c == ',' && !comma_sep && digit_run(p, i + 1) == 3)
			return false;
	}
	out->v.coef = d.coef;
	out->v.scale = d.scale;
	out->exp = (int8_t) k;
	out->pow = pow;
	out->signed_ = false;
	p->pos = i;
	return true;
}

/*
 * read_value through the memo: the same text read with the same comma rule
 * gives the same number (errors are not kept: they are read again).
 */
static bool
parse_value(Parser *p, Num *out, const char *what, bool bracketed)
{
	NumMemo    *m = p->memo;
	bool		comma_sep = bracketed || p->bracket;
	size_t		start;

	skip_sp(p);
	start = p->pos;
	if (m->valid && m->start == start && m->len == p->len && m->comma_sep == comma_sep)
	{
		copy_num(out, &m->num);
		p->pos = m->end;
		return true;
	}
	if (!plain_value(p, out, comma_sep) && !read_value(p, out, what, bracketed))
		return false;
	m->valid = true;
	m->comma_sep = comma_sep;
	m->start = start;
	m->len = p->len;
	m->end = p->pos;
	copy_num(&m->num, out);
	return true;
}

/* a number alone (bounds, deviations, detection limits) */
static bool
parse_number(Parser *p, Num *out, const char *what)
{
	return parse_value(p, out, what, false);
}

/* a number that may carry no power of ten (tolerances, grades) */
static bool
plain_number(Parser *p, const Num *n, size_t pos, const char *what)
{
	char		why[96];

	if (n->pow == 0)
		return true;
	snprintf(why, sizeof(why), "a power of ten is not accepted in %s", what);
	return perr(p, pos, why, "write the number in full, e.g. 65 ± 2 dB");
}

/* ---------------------------------------------------------------- units */

/*
 * The bytes scan_unit looks at: parentheses, the ASCII delimiters, "-",
 * the space (before "and") and every byte of a non-ASCII character (the
 * words of unit_stops).  Any other byte continues the unit at any depth.
 */
#define U8(c) [(unsigned char) (c)] = true
#define U16(c) U8(c), U8((c) + 1), U8((c) + 2), U8((c) + 3), U8((c) + 4), U8((c) + 5), \
	U8((c) + 6), U8((c) + 7), U8((c) + 8), U8((c) + 9), U8((c) + 10), U8((c) + 11), \
	U8((c) + 12), U8((c) + 13), U8((c) + 14), U8((c) + 15)
static const bool unit_special[256] = {
	U8('('), U8(')'), U8(']'), U8('~'), U8(','), U8(';'), U8('<'), U8('>'), U8('+'),
	U8('-'), U8(' '),
	U16(0x80), U16(0x90), U16(0xA0), U16(0xB0), U16(0xC0), U16(0xD0), U16(0xE0), U16(0xF0)
};
#undef U16
#undef U8

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

		/* a letter, a digit, "/", "%", "^", ".": part of the unit at any depth */
		if (!unit_special[(unsigned char) c])
			continue;
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

/* parse s[0..len) as a unit, through the cache; err as fr_unit_parse's */
static bool
unit_cached(const char *s, size_t len, FrUnit *u, char *canon, FrError *err)
{
	UnitCacheEntry *e;

	if (len < FR_UNIT_MAXLEN)
	{
		for (int i = 0; i < ucache_used; i++)
		{
			e = &ucache[i];
			if (e->len == len && memcmp(e->text, s, len) == 0)
			{
				*u = e->unit;
				memcpy(canon, e->canon, FR_UNIT_MAXLEN);
				return true;
			}
		}
	}
	memset(u, 0, sizeof(FrUnit));
	memset(canon, 0, FR_UNIT_MAXLEN);
	if (!fr_unit_parse(s, len, u, canon, err))
		return false;
	canon[FR_UNIT_MAXLEN - 1] = '\0';
	if (len < FR_UNIT_MAXLEN)
	{
		e = &ucache[ucache_next];
		e->len = len;
		memcpy(e->text, s, len);
		e->unit = *u;
		memcpy(e->canon, canon, FR_UNIT_MAXLEN);
		ucache_next = (ucache_next + 1) % UCACHE_SIZE;
		if (ucache_used < UCACHE_SIZE)
			ucache_used++;
	}
	return true;
}

bool
fr_indicator_unit_parse(const char *s, size_t len, FrUnit *u, char *canon, FrError *err)
{
	return unit_cached(s, len, u, canon, err);
}

static bool
resolve_unit(Parser *p, size_t ustart, size_t ulen, FrUnit *u, char *canon)
{
	if (!unit_cached(p->s + ustart, ulen, u, canon, p->err))
		return relocate(p, ustart);
	/* ".5Ω", "2 50000": a number where the unit should begin */
	if (is_digit(canon[0]) || canon[0] == '.')
		return perr(p, ustart, "a unit cannot begin with a number: two numbers side by side, or a power of ten printed without its superscript",
					"write one value per requirement, a power of ten as 13×10^2 or 13×10², and a factor of a unit after its symbol (CFU/100mL)");
	return true;
}

/* does s[a..b) parse as a unit (no error kept)? */
static bool
is_unit(const Parser *p, size_t a, size_t b)
{
	FrUnit		u;
	char		canon[FR_UNIT_MAXLEN];
	FrError		e;

	fr_error_init(&e);
	return b > a && unit_cached(p->s + a, b - a, &u, canon, &e);
}

static void
trim(const Parser *p, size_t *a, size_t *b)
{
	while (*a < *b && p->s[*a] == ' ')
		(*a)++;
	while (*b > *a && p->s[*b - 1] == ' ')
		(*b)--;
}

/* Record one qualifier of a group; conflicts are errors. */
static bool
add_qualifier(Parser *p, Quals *q, const FrQualifier *item, size_t pos)
{
	const char *kind = NULL;

	switch (item->kind)
	{
		case FR_QUAL_FRACTION:
			if (q->fraction && fr_fraction_of(q->fraction) != fr_fraction_of(item->spelling))
				kind = "fraction";
			q->fraction = item->spelling;
			break;
		case FR_QUAL_SAMPLE:
			if (q->sample && fr_sample_of(q->sample) != fr_sample_of(item->spelling))
				kind = "sample basis";
			q->sample = item->spelling;
			break;
		case FR_QUAL_SPECIES:
			if (q->species[0] && strcmp(q->species, item->species) != 0)
				kind = "species";
			memcpy(q->species, item->species, FR_SPECIES_MAXLEN);
			break;
	}
	if (kind)
	{
		char		why[96];

		snprintf(why, sizeof(why), "two different %s qualifiers for one value", kind);
		return perr(p, pos, why, "a value is expressed on one basis; write the other requirement separately");
	}
	if (!q->any)
		q->pos = pos;
	q->any = true;
	return true;
}

/*
 * The group s[open..close] ("(" … ")"): when every comma-separated item in
 * it is a qualifier, record them and return true with *isq.  Otherwise
 * *isq is false and *bad, *badlen name the first item that is not.
 */
static bool
read_group(Parser *p, size_t open, size_t close, Quals *q, bool *isq,
		   size_t *bad, size_t *badlen, const char **why)
{
	size_t		i = open + 1;
	Quals		trial = *q;
	bool		ok;

	*isq = false;
	*why = "";
	while (i <= close)
	{
		size_t		a = i,
					b = i;
		FrQualifier item;

		while (b < close && p->s[b] != ',' && p->s[b] != ';' &&
			   !(b + 3 <= close && memcmp(p->s + b, "、", 3) == 0))
			b++;
		i = (b < close && p->s[b] != ',' && p->s[b] != ';') ? b + 3 : b + 1;
		trim(p, &a, &b);
		/* spaces are optional everywhere: 以 Pb 计, V / V */
		{
			char		compact[FR_IND_MAXINPUT];
			size_t		n = 0;

			for (size_t k = a; k < b; k++)
				if (p->s[k] != ' ')
					compact[n++] = p->s[k];
			ok = fr_qualifier_read(compact, n, &item, why);
		}
		if (!ok)
		{
			*bad = a;
			*badlen = b - a;
			return true;
		}
		if (!add_qualifier(p, &trial, &item, open))
			return false;
	}
	*q = trial;
	*isq = true;
	return true;
}

/* matching "(" of the ")" at close, or (size_t) -1 */
static size_t
open_of(const Parser *p, size_t from, size_t close)
{
	int			depth = 0;

	for (size_t i = close + 1; i-- > from;)
	{
		if (p->s[i] == ')')
			depth++;
		else if (p->s[i] == '(' && --depth == 0)
			return i;
	}
	return (size_t) -1;
}

/* a group that is no qualifier and no part of the unit: say what it is */
static bool
bad_group(Parser *p, size_t open, size_t close, size_t bad, size_t badlen,
		  const char *why, size_t unit_a, size_t unit_b)
{
	char		msg[FR_ERR_TEXT / 2];
	int			glen = (int) (close + 1 - open);
	bool		digits = false;

	/* a number of its own (库0.05, 30), not a digit of a symbol (E1级) */
	for (size_t i = open + 1; i < close; i++)
		if (is_digit(p->s[i]) && !is_alpha(p->s[i - 1]) && !is_digit(p->s[i - 1]))
			digits = true;
	if (digits && !is_unit(p, open + 1, close))
	{
		snprintf(msg, sizeof(msg),
				 "\"%.*s\" holds another number: two requirements (or a value and a note) in one cell",
				 glen > 80 ? 80 : glen, p->s + open);
		return perr(p, open, msg,
					"write each requirement as a value of its own (≤ 0.2 mg/L, and ≤ 0.05 mg/L for lakes and reservoirs), and the condition in the indicator's name");
	}
	if (unit_b > unit_a && is_unit(p, open + 1, close))
	{
		snprintf(msg, sizeof(msg),
				 "\"%.*s%.*s\" names two units, \"%.*s\" and \"%.*s\": two requirements in one cell",
				 (int) (unit_b - unit_a), p->s + unit_a, glen, p->s + open,
				 (int) (unit_b - unit_a), p->s + unit_a, (int) (close - open - 1), p->s + open + 1);
		return perr(p, open, msg,
					"write one unit per requirement, e.g. n=5, c=2, m=100, M=1000 CFU/g for solids and the same in CFU/mL for liquids");
	}
	if (why[0] != '\0')
		snprintf(msg, sizeof(msg), "the qualifier \"%.*s\" %s", (int) (badlen > 60 ? 60 : badlen),
				 p->s + bad, why);
	else
		snprintf(msg, sizeof(msg), "unknown qualifier \"%.*s\"", glen > 80 ? 80 : glen, p->s + open);
	return perr(p, open, msg, FR_QUALIFIER_HINT);
}

/*
 * Peel the qualifier groups off a unit span: trailing "(…)" groups, and a
 * group right at its start (1.0(干重计)).  A group that is part of the unit
 * (dB(A), W/(m·K)) stays; anything else is refused, naming it.
 */
static bool
peel(Parser *p, UnitSpan *u)
{
	size_t		a = u->start,
				b = u->start + u->len;

	trim(p, &a, &b);
	while (b > a && p->s[b - 1] == ')')
	{
		size_t		close = b - 1;
		size_t		open = open_of(p, a, close);
		bool		isq;
		size_t		bad = 0,
					badlen = 0;
		const char *why;

		if (open == (size_t) -1)
			break;
		if (!read_group(p, open, close, &u->q, &isq, &bad, &badlen, &why))
			return false;
		if (isq)
		{
			b = open;
			trim(p, &a, &b);
			continue;
		}
		if (is_unit(p, a, b))
			break;
		return bad_group(p, open, close, bad, badlen, why, a, open);
	}
	if (b > a && p->s[a] == '(')
	{
		size_t		close = a;
		int			depth = 0;

		for (; close < b; close++)
		{
			if (p->s[close] == '(')
				depth++;
			else if (p->s[close] == ')' && --depth == 0)
				break;
		}
		if (close < b)
		{
			bool		isq;
			size_t		bad = 0,
						badlen = 0;
			const char *why;

			if (!read_group(p, a, close, &u->q, &isq, &bad, &badlen, &why))
				return false;
			if (isq)
			{
				a = close + 1;
				trim(p, &a, &b);
			}
			else if (!is_unit(p, a, b))
				return bad_group(p, a, close, bad, badlen, why, 0, 0);
		}
	}
	u->start = a;
	u->len = b - a;
	return true;
}

/* scan a unit span and peel its qualifiers */
static bool
scan_unit_span(Parser *p, UnitSpan *u)
{
	memset(u, 0, sizeof(*u));
	scan_unit(p, &u->start, &u->len);
	/* "x1023", "*102": a multiplication sign that is none */
	if (u->len > 1 && (p->s[u->start] == 'x' || p->s[u->start] == '*') &&
		is_digit(p->s[u->start + 1]))
		return perr(p, u->start, "the letter x or * is not the multiplication sign of a power of ten",
					"write a power of ten as 2×10^6 (× is U+00D7), 2×10⁶ or 2E+06");
	return peel(p, u);
}

/* merge the qualifiers of a second span into the first */
static bool
merge_quals(Parser *p, Quals *into, const Quals *from)
{
	FrQualifier item;

	if (!from->any)
		return true;
	memset(&item, 0, sizeof(item));
	if (from->fraction)
	{
		item.kind = FR_QUAL_FRACTION;
		item.spelling = from->fraction;
		if (!add_qualifier(p, into, &item, from->pos))
			return false;
	}
	if (from->sample)
	{
		item.kind = FR_QUAL_SAMPLE;
		item.spelling = from->sample;
		if (!add_qualifier(p, into, &item, from->pos))
			return false;
	}
	if (from->species[0])
	{
		item.kind = FR_QUAL_SPECIES;
		memcpy(item.species, from->species, FR_SPECIES_MAXLEN);
		if (!add_qualifier(p, into, &item, from->pos))
			return false;
	}
	return true;
}

/* Set the value's unit (empty span: dimensionless) and its qualifiers. */
static bool
set_unit(Parser *p, FrIndicator *v, const UnitSpan *u)
{
	if (!resolve_unit(p, u->start, u->len, &v->unit, v->unittext))
		return false;
	v->fraction_q = u->q.fraction;
	v->sample_q = u->q.sample;
	memcpy(v->species, u->q.species, FR_SPECIES_MAXLEN);
	if (!fr_unit_apply_fraction(&v->unit, v->unittext, fr_fraction_of(v->fraction_q), p->err))
	{
		relocate(p, u->q.pos);
		fr_error_hint(p->err, "A fraction qualifier says which fraction a plain %%, ‰, ppm or ppb is (%% (V/V), %%(质量分数), %% (m/V)); "
					  "a unit that names its fraction (mg/kg, mL/L, mg/L) needs none.");
		return false;
	}
	return true;
}

/*
 * The unit of two numbers written each with an optional unit: one written
 * unit applies to both; two must be the same.  Qualifiers of either apply
 * to the value.
 */
static bool
set_common_unit(Parser *p, FrIndicator *v, const UnitSpan *a, const UnitSpan *b)
{
	const UnitSpan *w = b->len > 0 ? b : a;
	UnitSpan	u;

	/* by field: start and len were just written so (see copy_num) */
	u.start = w->start;
	u.len = w->len;
	u.q = a->q;
	if (!merge_quals(p, &u.q, &b->q))
		return false;
	if (a->len > 0 && b->len > 0)
	{
		FrUnit		ua;
		char		ca[FR_UNIT_MAXLEN];

		if (!resolve_unit(p, a->start, a->len, &ua, ca) || !set_unit(p, v, &u))
			return false;
		if (strcmp(v->unittext, ca) != 0)
		{
			char		why[FR_ERR_TEXT / 2];

			snprintf(why, sizeof(why),
					 "the two numbers are written in different units (\"%s\" and \"%s\")",
					 ca, v->unittext);
			return perr(p, b->start, why,
						"write both numbers in the same unit, or the unit once at the end");
		}
		return true;
	}
	return set_unit(p, v, &u);
}

/* ---------------------------------------------------------------- forms */

/* by field, as copy_num: a Num's value is written so */
static void
set_lo(FrIndicator *v, const Num *n)
{
	v->lo.coef = n->v.coef;
	v->lo.scale = n->v.scale;
	v->lo_exp = n->exp;
	v->lo_pow = n->pow;
}

static void
set_hi(FrIndicator *v, const Num *n)
{
	v->hi.coef = n->v.coef;
	v->hi.scale = n->v.scale;
	v->hi_exp = n->exp;
	v->hi_pow = n->pow;
}

static void
set_bounds_from_op(FrIndicator *v, int op, const Num *num)
{
	switch (op)
	{
		case OP_LE:
		case OP_LT:
			v->form = FR_IND_UPPER;
			v->flags |= FR_IND_LO_INF;
			set_hi(v, num);
			if (op == OP_LE)
				v->flags |= FR_IND_HI_INC;
			break;
		case OP_GE:
		case OP_GT:
			v->form = FR_IND_LOWER;
			v->flags |= FR_IND_HI_INF;
			set_lo(v, num);
			if (op == OP_GE)
				v->flags |= FR_IND_LO_INC;
			break;
		default:
			v->form = FR_IND_POINT;
			v->flags |= FR_IND_LO_INC | FR_IND_HI_INC;
			set_lo(v, num);
			set_hi(v, num);
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
 * it; a hyphen that is no half grade is left for the caller (a range or a
 * tolerance).
 */
static bool
parse_clause(Parser *p, Clause *c)
{
	int			post;

	/* every field is set below (no memset: it showed in profiles) */
	c->half = false;
	skip_sp(p);
	c->start = p->pos;
	c->op = accept_word(p, prefix_words, &prefix_index);
	skip_sp(p);
	c->numpos = p->pos;
	if (c->op == OP_NONE && starts_with(p, p->pos, "±"))
		return perr(p, p->pos, "a tolerance needs the nominal value it applies to",
					"e.g. 380 V ±7% or 65 ± 2 dB");
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
			Num			second;
			size_t		us,
						ul;

			p->pos++;
			skip_sp(p);
			if (number_starts(p, p->pos) && p->s[p->pos] != '-' && p->s[p->pos] != '+')
			{
				if (!parse_number(p, &second, "a number"))
					return false;
				after = p->pos;
				/* the unit can be 级 only if its first byte is 级's */
				skip_sp(p);
				if (p->pos < p->len && p->s[p->pos] == "级"[0])
					scan_unit(p, &us, &ul);
				else
					ul = 0;
				if (ul == strlen("级") && memcmp(p->s + us, "级", ul) == 0)
				{
					if (c->num.v.scale != 0 || second.v.scale != 0 || c->num.v.coef < 0 ||
						c->num.pow || second.pow ||
						second.v.coef != c->num.v.coef + 1 ||
						c->num.v.coef > 100000000000000000LL)
						return perr(p, dash, "a half grade is written with two consecutive whole grades",
									"e.g. 3-4级 (the grade 3.5)");
					c->num.v.coef = c->num.v.coef * 10 + 5;
					c->num.v.scale = 1;
					c->half = true;
					p->pos = after;
				}
				else
					p->pos = save;	/* a hyphen range or a tolerance */
			}
			else
				p->pos = save;
		}
		else
			p->pos = save;
	}

	if (!scan_unit_span(p, &c->unit))
		return false;
	skip_sp(p);
	{
		size_t		ppos = p->pos;

		post = accept_word(p, postfix_words, &postfix_index);
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

/* The bounds of a relative tolerance: nominal + |nominal| × deviation / 100. */
static bool
relative_bound(FrDec nominal, FrDec dev, FrDec *out, FrError *err)
{
	FrDec		t,
				delta;
	FrDec		mag = nominal;

	if (mag.coef < 0)
		mag.coef = -mag.coef;
	return fr_dec_mul(mag, dev, &t, err) &&
		fr_dec_div_pow10(t, 2, &delta, err) &&
		fr_dec_add(nominal, delta, out, err);
}

bool
fr_tolerance_bounds(const FrIndicator *v, FrDec *lo, FrDec *hi, FrError *err)
{
	if (v->flags & FR_IND_TOL_REL)
		return relative_bound(v->nominal, v->dev_up, hi, err) &&
			relative_bound(v->nominal, v->dev_down, lo, err);
	return fr_dec_add(v->nominal, v->dev_up, hi, err) &&
		fr_dec_add(v->nominal, v->dev_down, lo, err);
}

/*
 * Tolerance after the nominal clause; p->pos is at "±", "+" or "-".
 * closing: ')' expected after the tolerance (parenthesised form), else 0.
 */
static bool
parse_tolerance(Parser *p, FrIndicator *v, const Clause *nom, char closing)
{
	Num			d1,
				d2;
	UnitSpan	tu;
	size_t		tpos;
	bool		percent = false;

	v->form = FR_IND_TOL;
	v->flags |= FR_IND_LO_INC | FR_IND_HI_INC;
	v->nominal = nom->num.v;
	skip_sp(p);
	if (nom->op != OP_NONE)
		return perr(p, p->pos, "a tolerance follows a nominal value, not a comparison",
					"e.g. 65 ± 2 dB");
	if (nom->half)
		return perr(p, p->pos, "a half grade cannot carry a tolerance", NULL);
	if (!plain_number(p, &nom->num, nom->numpos, "a tolerance"))
		return false;
	tpos = p->pos;
	if (accept(p, "±") || accept(p, "+-") || accept(p, "+/-"))
	{
		if (!parse_number(p, &d1, "the tolerance after ±") ||
			!plain_number(p, &d1, tpos, "a tolerance"))
			return false;
		if (d1.v.coef < 0 || p->s[tpos] == '-')
			return perr(p, tpos, "the tolerance after ± must not be negative", NULL);
		v->flags |= FR_IND_TOL_SYM;
		v->dev_up = d1.v;
		v->dev_down = d1.v;
		v->dev_down.coef = -d1.v.coef;
	}
	else
	{
		char		s1 = p->s[p->pos];
		char		s2;

		if (!parse_number(p, &d1, "a signed deviation such as +0.5") ||
			!plain_number(p, &d1, tpos, "a tolerance"))
			return false;
		skip_sp(p);
		/* 220 V +7%/-10%: a percent after each deviation */
		if (p->pos < p->len && p->s[p->pos] == '%')
		{
			percent = true;
			p->pos++;
			skip_sp(p);
		}
		if (p->pos < p->len && p->s[p->pos] == '/')
			p->pos++;
		skip_sp(p);
		s2 = p->pos < p->len ? p->s[p->pos] : '\0';
		if (s2 != '+' && s2 != '-')
			return perr(p, p->pos, "expected the second deviation, with its sign",
						"write an asymmetric tolerance as 10 +0.5/-0.2 mm");
		if (!parse_number(p, &d2, "the second deviation"))
			return false;
		if (!plain_number(p, &d2, tpos, "a tolerance"))
			return false;
		if (s1 == '-' && s2 == '+')
		{
			Num			t = d1;

			d1 = d2;
			d2 = t;
		}
		if (fr_dec_cmp(d1.v, d2.v) < 0)
			return perr(p, tpos, "the upper deviation is below the lower deviation",
						"write the upper deviation first, e.g. 10 +0.5/-0.2 mm");
		v->dev_up = d1.v;
		v->dev_down = d2.v;
	}
	if (!scan_unit_span(p, &tu))
		return false;
	if (closing)
	{
		skip_sp(p);
		if (p->pos >= p->len || p->s[p->pos] != closing)
			return perr(p, p->pos, "expected \")\" after the tolerance", "e.g. (65 ± 2) dB");
		p->pos++;
		if (nom->unit.len > 0 || tu.len > 0 || nom->unit.q.any || tu.q.any)
			return perr(p, nom->unit.len > 0 ? nom->unit.start : tu.start,
						"in the form (65 ± 2) dB the unit follows the parenthesis", NULL);
		if (!scan_unit_span(p, &tu))
			return false;
	}
	if (percent)
	{
		if (tu.len != 1 || p->s[tu.start] != '%')
			return perr(p, tu.start, "a relative tolerance gives both deviations in %",
						"e.g. 220 V +7%/-10%");
		if (nom->unit.len == 0)
			return perr(p, tpos, "a relative tolerance needs a nominal value with its unit",
						"e.g. 220 V +7%/-10%");
	}

	/* units: see the rule at the top of the file */
	if (nom->unit.len > 0 && tu.len > 0)
	{
		FrUnit		u;
		char		tc[FR_UNIT_MAXLEN];
		UnitSpan	nu = nom->unit;

		if (!merge_quals(p, &nu.q, &tu.q) || !set_unit(p, v, &nu) ||
			!resolve_unit(p, tu.start, tu.len, &u, tc))
			return false;
		if (strcmp(tc, "%") == 0 && strcmp(v->unittext, "%") != 0 &&
			v->unittext[0] != '\0' && ((v->flags & FR_IND_TOL_SYM) || percent))
			v->flags |= FR_IND_TOL_REL;
		else if (strcmp(tc, v->unittext) != 0)
		{
			char		why[FR_ERR_TEXT / 2];

			snprintf(why, sizeof(why),
					 "the tolerance is in \"%s\" but the nominal value in \"%s\"",
					 tc, v->unittext);
			return perr(p, tu.start, why,
						"write the tolerance in the unit of the nominal value (65 dB ± 2 dB), or a relative one as 50 mm ± 5 %");
		}
	}
	else
	{
		UnitSpan	u = tu.len > 0 ? tu : nom->unit;

		u.q = nom->unit.q;
		if (!merge_quals(p, &u.q, &tu.q) || !set_unit(p, v, &u))
			return false;
	}
	if (!fr_tolerance_bounds(v, &v->lo, &v->hi, p->err))
		return relocate(p, tpos);
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
	if (accept_any(p, lod_labels, &lod_index))
	{
		skip_sp(p);
		if (!accept(p, ":") && !accept(p, "="))
			accept(p, "为");
	}
	skip_sp(p);
	{
		size_t		oppos = p->pos;
		int			op = accept_word(p, prefix_words, &prefix_index);
		Num			lim;
		UnitSpan	u;

		if (op == OP_GE || op == OP_GT)
			return perr(p, oppos, "a detection limit is an upper bound",
						"e.g. ND (≤ 0.01 mg/kg) or ND (< 0.01 mg/kg)");
		if (!parse_number(p, &lim, "the detection limit"))
			return false;
		if (lim.v.coef <= 0)
			return perr(p, oppos, "a detection limit must be positive", NULL);
		set_hi(v, &lim);
		v->flags |= (op == OP_LT) ? 0 : FR_IND_HI_INC;
		if (!scan_unit_span(p, &u))
			return false;
		skip_sp(p);
		if (p->pos >= p->len || p->s[p->pos] != ')')
			return perr(p, p->pos, "expected \")\" after the detection limit", NULL);
		if (!set_unit(p, v, &u))
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
	Num			hi;
	UnitSpan	u;

	p->pos++;
	p->bracket = true;
	if (!parse_clause(p, &c1))
		return false;
	p->bracket = false;
	skip_sp(p);
	if (c1.op == OP_NONE && open == '(' && p->pos < p->len &&
		(p->s[p->pos] == '+' || p->s[p->pos] == '-' || starts_with(p, p->pos, "±")))
		return parse_tolerance(p, v, &c1, ')');
	if (c1.op != OP_NONE || c1.unit.len > 0 || c1.unit.q.any || c1.half)
		return perr(p, c1.unit.len > 0 ? c1.unit.start : c1.start,
					"in the interval form the numbers stand alone and the unit follows the bracket",
					"e.g. [6.5, 8.5) mg/L");
	if (!accept(p, ","))
		return perr(p, p->pos, "expected \",\" between the bounds of an interval",
					"e.g. [6.5, 8.5)");
	if (!parse_value(p, &hi, "the upper bound", true))
		return false;
	skip_sp(p);
	if (p->pos >= p->len || (p->s[p->pos] != ']' && p->s[p->pos] != ')'))
		return perr(p, p->pos, "expected \"]\" or \")\" closing the interval", NULL);
	v->form = FR_IND_RANGE;
	set_lo(v, &c1.num);
	set_hi(v, &hi);
	if (open == '[')
		v->flags |= FR_IND_LO_INC;
	if (p->s[p->pos] == ']')
		v->flags |= FR_IND_HI_INC;
	p->pos++;
	if (!scan_unit_span(p, &u))
		return false;
	if (!check_order(p, v, openpos))
		return false;
	if (!set_unit(p, v, &u))
		return false;
	return expect_end(p, "the interval");
}

/* ---------------------------------------------------------------- plans */

/* a plan label "n" "=" (case-sensitive for m and M); labels: its one or two spellings */
static bool
plan_label(Parser *p, const char *labels, const char *what)
{
	skip_sp(p);
	if (p->pos < p->len && p->s[p->pos] != '\0' &&
		(p->s[p->pos] == labels[0] || (labels[1] != '\0' && p->s[p->pos] == labels[1])))
	{
		size_t		save = p->pos;

		p->pos++;
		skip_sp(p);
		if (p->pos < p->len && p->s[p->pos] == '=')
		{
			p->pos++;
			return true;
		}
		p->pos = save;
	}
	{
		char		why[96];

		snprintf(why, sizeof(why), "expected %s of the sampling plan", what);
		return perr(p, p->pos, why, "write a plan as n=5, c=2, m=100, M=1000 CFU/g (GB 4789.1)");
	}
}

/* "," ";" or "、" between the parts of a plan (required: an error if not) */
static bool
plan_sep(Parser *p, bool required)
{
	skip_sp(p);
	if (accept(p, ",") || accept(p, ";") || accept(p, "、"))
		return true;
	if (required)
		return perr(p, p->pos, "expected \",\" between the parts of a sampling plan",
					"write a plan as n=5, c=2, m=100, M=1000 CFU/g (GB 4789.1)");
	return false;
}

static bool
plan_int(Parser *p, int *out, const char *what)
{
	Num			n;
	size_t		pos;

	skip_sp(p);
	pos = p->pos;
	if (!parse_number(p, &n, what))
		return false;
	if (n.pow || n.signed_ || n.v.scale != 0 || n.v.coef > FR_PLAN_MAX_N)
	{
		char		why[96];

		snprintf(why, sizeof(why), "%s must be a whole number from 0 to %d", what, FR_PLAN_MAX_N);
		return perr(p, pos, why, "e.g. n=5, c=2, m=100, M=1000 CFU/g");
	}
	*out = (int) n.v.coef;
	return true;
}

/* n=5, c=2, m=100 CFU/g, M=1000 CFU/g */
static bool
parse_plan(Parser *p, FrIndicator *v)
{
	int			n,
				c;
	Num			m,
				big;
	UnitSpan	um,
				uM;
	size_t		Mpos = 0;
	bool		has_M = false;

	memset(&uM, 0, sizeof(uM));
	if (!plan_label(p, "nN", "n, the number of sample units,") || !plan_int(p, &n, "n"))
		return false;
	if (!plan_sep(p, true) || !plan_label(p, "cC", "c, the number of samples allowed above m,") ||
		!plan_int(p, &c, "c"))
		return false;
	if (n < 1)
		return perr(p, p->pos, "a sampling plan takes at least one sample unit (n ≥ 1)",
					"e.g. n=5, c=2, m=100, M=1000 CFU/g");
	if (c >= n)
		return perr(p, p->pos, "c must be smaller than n (c = n would accept every lot)",
					"e.g. n=5, c=2");
	if (!plan_sep(p, true) || !plan_label(p, "m", "m, the marginal limit,"))
		return false;
	if (!parse_number(p, &m, "the value of m") || !scan_unit_span(p, &um))
		return false;
	if (plan_sep(p, false))
	{
		if (!plan_label(p, "M", "M, the maximum limit (M=- for none),"))
			return false;
		skip_sp(p);
		Mpos = p->pos;
		/* M=- : no M (GB 29921 prints it so for two-class plans) */
		if (p->pos < p->len && (p->s[p->pos] == '-' || p->s[p->pos] == '/') &&
			!number_starts(p, p->pos))
		{
			p->pos++;
			if (!scan_unit_span(p, &uM))
				return false;
		}
		else
		{
			if (!parse_number(p, &big, "the value of M") || !scan_unit_span(p, &uM))
				return false;
			has_M = true;
		}
	}
	if (!expect_end(p, "the sampling plan"))
		return false;

	v->form = FR_IND_PLAN;
	v->flags |= FR_IND_LO_INF | FR_IND_HI_INC;
	v->plan_n = (uint16_t) n;
	v->plan_c = (uint16_t) c;
	set_hi(v, &m);
	if (has_M)
	{
		if (fr_dec_cmp(m.v, big.v) > 0)
			return perr(p, Mpos, "M is below m (m is the marginal limit, M the maximum)",
						"e.g. n=5, c=2, m=100, M=1000 CFU/g");
		v->flags |= FR_IND_PLAN_M;
		v->plan_max = big.v;
		v->max_exp = big.exp;
		v->max_pow = big.pow;
	}
	return set_common_unit(p, v, &um, &uM);
}

/* ---------------------------------------------------------------- entry */

/* does the text at p->pos look like the start of a plan: n = */
static bool
plan_starts(const Parser *p)
{
	size_t		i = p->pos;

	if (i >= p->len || (p->s[i] != 'n' && p->s[i] != 'N'))
		return false;
	i++;
	i += space_run(p, i);
	return i < p->len && p->s[i] == '=';
}

/*
 * After a first number with no comparison and a "-": a hyphen range (two
 * unsigned numbers), unless what follows is the second deviation of a
 * tolerance (10 -0.2/+0.5 mm, 220 V -10%/+7%).
 */
static bool
hyphen_range_ahead(Parser *p, const Clause *c1)
{
	Parser		q;
	FrError		e;
	Num			n;

	if (c1->num.signed_ || c1->half || p->pos >= p->len || p->s[p->pos] != '-')
		return false;
	/* a copy by field: p->pos was just written (see copy_num) */
	q.s = p->s;
	q.len = p->len;
	q.bracket = p->bracket;
	q.memo = p->memo;
	q.pos = p->pos + 1;
	skip_sp(&q);
	if (!number_starts(&q, q.pos) || q.s[q.pos] == '-' || q.s[q.pos] == '+')
		return false;
	fr_error_init(&e);
	q.err = &e;
	if (!parse_number(&q, &n, "a number"))
		return true;			/* the range reports it */
	skip_sp(&q);
	if (q.pos < q.len && q.s[q.pos] == '%')
	{
		q.pos++;
		skip_sp(&q);
	}
	if (q.pos < q.len && q.s[q.pos] == '/')
		return false;
	if (q.pos + 1 < q.len && (q.s[q.pos] == '+' || q.s[q.pos] == '-') &&
		(is_digit(q.s[q.pos + 1]) || q.s[q.pos + 1] == '.'))
		return false;
	return true;
}

/* the value after any shall-wording */
static bool
parse_body(Parser *p, FrIndicator *v)
{
	Clause		c1,
				c2;

	/* "n =" first: no word of nd_words starts so (n.d., nd, not detected) */
	if (plan_starts(p))
		return parse_plan(p, v);
	if (accept_any(p, nd_words, &nd_index))
		return parse_nd(p, v);
	if (p->s[p->pos] == '[' || p->s[p->pos] == '(')
		return parse_bracket(p, v);

	if (!parse_clause(p, &c1))
		return false;
	skip_sp(p);

	if (p->pos >= p->len)
	{
		set_bounds_from_op(v, c1.op, &c1.num);
		return set_unit(p, v, &c1.unit);
	}

	if (c1.op == OP_NONE)
	{
		size_t		seppos = p->pos;
		bool		hyphen = hyphen_range_ahead(p, &c1);

		if (hyphen || accept_any(p, range_seps, &range_index))
		{
			if (hyphen)
				p->pos++;
			if (!parse_clause(p, &c2))
				return false;
			if (c2.op != OP_NONE)
				return perr(p, c2.start, "a range \"A ~ B\" takes two plain numbers",
							"e.g. 6.5 ~ 8.5, or \"≥ 6.5, ≤ 8.5\"");
			v->form = FR_IND_RANGE;
			v->flags |= FR_IND_LO_INC | FR_IND_HI_INC;
			set_lo(v, &c1.num);
			set_hi(v, &c2.num);
			if (!check_order(p, v, seppos))
				return false;
			if (!set_common_unit(p, v, &c1.unit, &c2.unit))
				return false;
			return expect_end(p, "the range");
		}
		if (p->s[p->pos] == '+' || p->s[p->pos] == '-' || starts_with(p, p->pos, "±"))
			return parse_tolerance(p, v, &c1, 0);
		return perr(p, p->pos, "unexpected text after the value",
					"a range is written 6.5 ~ 8.5, a tolerance 65 ± 2 dB");
	}

	/* two bounds: ≥6.5, ≤8.5 / 不小于6.5且不大于8.5 */
	{
		size_t		cpos = p->pos;
		const Clause *lo,
				   *hi;

		accept_any(p, conjunctions, &conj_index);
		if (!parse_clause(p, &c2))
			return false;
		if (c2.op == OP_NONE)
			return perr(p, c2.start, "the second bound needs a comparison",
						"e.g. 不小于6.5且不大于8.5, or ≥ 6.5, ≤ 8.5");
		if ((c1.op == OP_LE || c1.op == OP_LT) == (c2.op == OP_LE || c2.op == OP_LT))
			return perr(p, c2.start, "both bounds limit the same side",
						"combine a lower and an upper bound, e.g. ≥ 6.5, ≤ 8.5");
		lo = (c1.op == OP_GE || c1.op == OP_GT) ? &c1 : &c2;
		hi = (lo == &c1) ? &c2 : &c1;
		v->form = FR_IND_RANGE;
		set_lo(v, &lo->num);
		set_hi(v, &hi->num);
		if (lo->op == OP_GE)
			v->flags |= FR_IND_LO_INC;
		if (hi->op == OP_LE)
			v->flags |= FR_IND_HI_INC;
		if (!check_order(p, v, cpos))
			return false;
		if (!set_common_unit(p, v, &c1.unit, &c2.unit))
			return false;
		return expect_end(p, "the second bound");
	}
}

/*
 * Does s[0..len) hold a byte below 0x20 (NUL included) or 0x7F?  Eight
 * bytes at a time: every value passes here.
 */
static bool
has_control(const char *s, size_t len)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t highs = UINT64_C(0x8080808080808080);
	size_t		i = 0;

	for (; i + 8 <= len; i += 8)
	{
		uint64_t	w;
		uint64_t	del;

		memcpy(&w, s + i, 8);
		del = w ^ (ones * 0x7F);
		/* a byte < 0x20, a byte == 0x7F (the classic "has less", "has zero") */
		if (((w - ones * 0x20) & ~w & highs) || ((del - ones) & ~del & highs))
			return true;
	}
	for (; i < len; i++)
		if ((unsigned char) s[i] < 0x20 || s[i] == 0x7F)
			return true;
	return false;
}

bool
fr_indicator_parse(const char *s, size_t len, FrIndicator *v, FrError *err)
{
	Parser		p;
	NumMemo		memo;

	memset(v, 0, sizeof(FrIndicator));
	memo.valid = false;
	p.s = s;
	p.len = len;
	p.pos = 0;
	p.bracket = false;
	p.err = err;
	p.memo = &memo;
	if (len > FR_IND_MAXINPUT)
		return fr_error(err, FR_ERR_LIMIT, -1,
						"The input is %zu bytes long; an indicator is at most %d.",
						len, FR_IND_MAXINPUT);
	if (has_control(s, len))
	{
		if (memchr(s, '\0', len) != NULL)
			return perr(&p, (size_t) ((const char *) memchr(s, '\0', len) - s),
						"the input contains a NUL byte", NULL);
		/* normalisation made tabs and line breaks spaces; other controls are noise */
		for (size_t i = 0; i < len; i++)
			if ((unsigned char) s[i] < 0x20 || s[i] == 0x7F)
				return perr(&p, i, "the input contains a control character", NULL);
	}
	if (at_end(&p))
		return perr(&p, p.pos, "the input is empty",
					"write an indicator such as ≤ 0.2 mg/kg, ≥ 98.5 %, 6.5 ~ 8.5, 65 ± 2 dB or ND");

	/* shall-wording: 应≤0.2, 应不大于0.2, 应为6.5～8.5, 应在6.5～8.5之间 */
	if (accept(&p, "应"))
	{
		skip_sp(&p);
		if (!accept(&p, "为"))
			accept(&p, "是");
	}
	skip_sp(&p);
	if (accept(&p, "在"))
	{
		size_t		end = p.len;
		bool		found = false;

		while (end > p.pos && s[end - 1] == ' ')
			end--;
		for (int i = 0; between_ends[i] && !found; i++)
		{
			size_t		n = strlen(between_ends[i]);

			if (end - p.pos > n && memcmp(s + end - n, between_ends[i], n) == 0)
			{
				p.len = end - n;
				found = true;
			}
		}
		if (!found)
			return perr(&p, end, "\"在\" opens a range that \"之间\" must close",
						"e.g. 应在6.5～8.5之间");
		if (!parse_body(&p, v))
			return false;
		if (v->form != FR_IND_RANGE && v->form != FR_IND_TOL)
			return perr(&p, 0, "\"在…之间\" takes a range", "e.g. 应在6.5～8.5之间");
		return true;
	}
	if (at_end(&p))
		return perr(&p, p.pos, "expected the requirement after \"应\"", "e.g. 应不大于0.2 mg/kg");
	return parse_body(&p, v);
}
