/*
 * stdcode_parse.c — standard numbers: parser, canonical text, sort key.
 * See stdcode_parse.h for the grammar and the guarantees.
 *
 * Pipeline: the normalised input is first reduced to an ASCII buffer with
 * spaces folded (runs become one space, and a space survives only between
 * two letters or digits: "GB/T 19001 - 2016" reads as "GB/T 19001-2016"),
 * then upper-cased for matching.  The recursive-descent parser below walks
 * that buffer, writes the canonical text and the sort key as it goes, and
 * on failure says where it stopped and what was expected.
 *
 * Why one file of about 1,500 lines: the parser is one recursive descent
 * over one context (Ctx: the input, the canonical text and the sort key
 * being written, the error), and every rule below — prefix, number, year,
 * amendments, adopted standards — writes through the same few Ctx helpers
 * and reads the same families table.  Split by rule, each part would need
 * the context and its writers exported in a header of its own, for no
 * reader's gain; the sections below (families, characters, output, errors,
 * prefix, number and year, one standard number, entry point) are the
 * concerns, in the order the parser uses them.
 */
#include "core/stdcode_parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* families: how a prefix writes its number, year and amendments        */

typedef enum StdFamily
{
	FAM_CN,						/* dotted parts, year "-2016" or "-93" */
	FAM_ISO,					/* parts '-' '.', ":2015", "/Amd 1:2024" */
	FAM_IEC,					/* parts '-' '.', ":2020", "/AMD1:2016" */
	FAM_EURO,					/* EN, BS, DIN, NF: ":2005", "+A1:2008" */
	FAM_JIS,					/* "C 9335-1:2014": division letter first */
	FAM_COLON,					/* UL: parts '-' '.', ":YYYY", no amendments */
	FAM_DASH4,					/* ANSI, Codex, ASME: parts, "-YYYY" */
	FAM_IEEE,					/* DASH4, letters after digits lower case */
	FAM_ASTM,					/* D638-14, C33/C33M-18, E84-21a,
								 * D1193-06(2018)e1 */
	FAM_UNDATED					/* ITU-T G.711, AOAC 991.43 */
} StdFamily;

typedef struct Prefix
{
	char		text[48];		/* canonical prefix */
	int			len;
	StdKind		kind;
	StdNature	nature;
	StdFamily	fam;
	int			adopt_skip;		/* "BS EN ISO": 3 bytes ("BS ") to drop to
								 * name the adopted standard; 0 if none */
} Prefix;

typedef struct Ctx
{
	const char *s;				/* folded input, case as typed */
	const char *u;				/* the same, upper case */
	int			len;
	int			pos;
	StdCode    *out;
	FrError    *err;
	int			extra;			/* bytes the amendments would take more if
								 * spelt the ISO way */
} Ctx;

/* Chinese industry standard codes (行业标准代号); DB and GBZ are handled
 * apart because they look like other codes. */
static const char *const industry_codes[] = {
	"AQ", "BB", "CB", "CH", "CJ", "CY", "DA", "DL", "DZ", "EJ", "FZ", "GA",
	"GH", "GM", "GY", "HB", "HG", "HJ", "HS", "HY", "JB", "JC", "JG", "JR",
	"JT", "JY", "LB", "LD", "LS", "LY", "MH", "MT", "MZ", "NB", "NY", "QB",
	"QC", "QJ", "QX", "RB", "SB", "SC", "SF", "SH", "SJ", "SL", "SN", "SY",
	"TB", "TD", "TY", "WB", "WH", "WJ", "WM", "WS", "WW", "XB", "XF", "YB",
	"YC", "YD", "YS", "YY", "YZ", "ZY"
};

#define GENERAL_HINT \
	"A standard number is an issuer prefix, a number and usually a year, e.g. " \
	"GB/T 19001-2016, GB 4806.1-2016, QB/T 1333-2018, DB11/ 501-2017, " \
	"T/CAS 115-2005, Q/GDMD 0001S-2019, ISO 9001:2015, EN 71-3:2019 or ASTM D638-14."

#define PREFIX_HINT \
	"Known prefixes: GB, GB/T, GB/Z; industry codes such as QB/T, HG, NY/T, HJ, YY, GBZ, " \
	"DB/T; local DB11/ and DB11/T; group T/…; enterprise Q/…; JJF, JJG; ISO, ISO/IEC, " \
	"ISO/TS, IEC, ITU-T, CAC/GL, CXS; EN, BS, DIN, NF (and BS EN ISO …), ASTM, ANSI, " \
	"ANSI/UL, UL, IEEE, JIS, ASME, ASHRAE, NSF, AOAC."

static const char *
family_example(StdFamily fam)
{
	switch (fam)
	{
		case FAM_CN:
			return "GB/T 19001-2016, GB 4806.1-2016, DB11/ 501-2017, T/CAS 115-2005 or "
				"Q/GDMD 0001S-2019: dotted parts, then the year after a dash (four "
				"digits, or two for 1950-1999)";
		case FAM_ISO:
			return "ISO 9001:2015, ISO/IEC 17025:2017 or ISO 9001:2015/Amd 1:2024: "
				"parts joined by dashes, the year after a colon";
		case FAM_IEC:
			return "IEC 60335-2-24:2020 or IEC 60335-1:2010/AMD1:2013: parts joined "
				"by dashes, the year after a colon";
		case FAM_EURO:
			return "EN 196-3:2005+A1:2008, BS EN ISO 9001:2015 or DIN EN 71-3:2019: "
				"parts joined by dashes, the year after a colon";
		case FAM_JIS:
			return "JIS C 9335-1:2014: division letter, number, the year after a colon";
		case FAM_COLON:
			return "UL 1995 or ANSI/UL 1995 (a year, when given, after a colon)";
		case FAM_DASH4:
			return "ANSI Z535.1-2017, CXS 192-1995 or CAC/GL 21-1997: the four-digit "
				"year after a dash";
		case FAM_IEEE:
			return "IEEE 802.11-2020: the four-digit year after a dash";
		case FAM_ASTM:
			return "ASTM D638-14, ASTM C33/C33M-18 or ASTM E84-21a: a letter A-G, "
				"digits, the two-digit year after a dash";
		case FAM_UNDATED:
			return "ITU-T G.711 or AOAC 991.43 (without a year)";
	}
	return "";
}

/* ------------------------------------------------------------------ */
/* characters (ASCII only, no locale)                                   */

static inline bool
is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static inline bool
is_alpha(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

static inline bool
is_alnum(char ch)
{
	return is_digit(ch) || is_alpha(ch);
}

static inline char
to_upper(char ch)
{
	return (ch >= 'a' && ch <= 'z') ? (char) (ch - 'a' + 'A') : ch;
}

static inline char
to_lower(char ch)
{
	return (ch >= 'A' && ch <= 'Z') ? (char) (ch - 'A' + 'a') : ch;
}

static inline char
at(const Ctx *c, int off)
{
	int			p = c->pos + off;

	return (p >= 0 && p < c->len) ? c->u[p] : '\0';
}

static inline char
cur(const Ctx *c)
{
	return at(c, 0);
}

/* number of digits starting at pos + off */
static int
digits_at(const Ctx *c, int off)
{
	int			n = 0;

	while (is_digit(at(c, off + n)))
		n++;
	return n;
}

static int
digits_value(const Ctx *c, int off, int n)
{
	int			v = 0;

	for (int i = 0; i < n; i++)
		v = v * 10 + (at(c, off + i) - '0');
	return v;
}

/* Is the upper-case literal at pos?  A literal ending in a letter must not
 * be followed by a letter ("GB" does not match "GBZ"). */
static bool
looking_at(const Ctx *c, const char *lit)
{
	int			n = (int) strlen(lit);

	if (c->pos + n > c->len || memcmp(c->u + c->pos, lit, n) != 0)
		return false;
	if (is_alpha(lit[n - 1]) && is_alpha(at(c, n)))
		return false;
	return true;
}

static bool
accept_lit(Ctx *c, const char *lit)
{
	if (!looking_at(c, lit))
		return false;
	c->pos += (int) strlen(lit);
	return true;
}

/* ------------------------------------------------------------------ */
/* output                                                               */

static bool
too_long(Ctx *c)
{
	fr_error(c->err, FR_ERR_LIMIT, c->pos,
			 "The canonical standard number would exceed %d bytes.", STD_MAX_TEXT);
	fr_error_hint(c->err, "%s", GENERAL_HINT);
	return false;
}

static bool
emit(Ctx *c, const char *s, int n)
{
	StdCode    *o = c->out;

	if (o->text_len + n > STD_MAX_TEXT)
		return too_long(c);
	memcpy(o->text + o->text_len, s, n);
	o->text_len += n;
	o->text[o->text_len] = '\0';
	return true;
}

static bool
emitc(Ctx *c, char ch)
{
	return emit(c, &ch, 1);
}

static bool
emitf(Ctx *c, const char *fmt, int v)
{
	char		buf[16];
	int			n = snprintf(buf, sizeof(buf), fmt, v);

	return emit(c, buf, n);
}

static bool
kemit(Ctx *c, unsigned char b)
{
	StdCode    *o = c->out;

	if (o->key_len >= STD_MAX_KEY)
	{
		fr_error(c->err, FR_ERR_LIMIT, c->pos,
				 "The standard number has too many parts (its sort key would exceed %d bytes).",
				 STD_MAX_KEY);
		fr_error_hint(c->err, "%s", GENERAL_HINT);
		return false;
	}
	o->key[o->key_len++] = b;
	return true;
}

static bool
kemit_year(Ctx *c, int year)
{
	if (year == 0)
		return kemit(c, 0x00);
	return kemit(c, 0x01) && kemit(c, (unsigned char) (year >> 8)) &&
		kemit(c, (unsigned char) (year & 0xFF));
}

/*
 * Sort key of a number, from its canonical text text[a, b): digit runs
 * compare numerically (0x02, count of significant digits, the digits),
 * letter runs by their bytes (0x03, letters, 0x00), any separator is 0x01,
 * the end 0x00.  So GB 2 < GB 10, 4806 < 4806.1 < 4806.2 < 4806.10.
 */
static bool
key_number(Ctx *c, int a, int b)
{
	const char *t = c->out->text;
	int			i = a;

	while (i < b)
	{
		if (is_digit(t[i]))
		{
			int			j = i;
			int			z;

			while (j < b && is_digit(t[j]))
				j++;
			z = i;
			while (z < j - 1 && t[z] == '0')
				z++;
			if (!kemit(c, 0x02) || !kemit(c, (unsigned char) (j - z)))
				return false;
			for (; z < j; z++)
				if (!kemit(c, (unsigned char) t[z]))
					return false;
			i = j;
		}
		else if (is_alpha(t[i]))
		{
			if (!kemit(c, 0x03))
				return false;
			while (i < b && is_alpha(t[i]))
				if (!kemit(c, (unsigned char) t[i++]))
					return false;
			if (!kemit(c, 0x00))
				return false;
		}
		else
		{
			if (!kemit(c, 0x01))
				return false;
			i++;
		}
	}
	return kemit(c, 0x00);
}

/* ------------------------------------------------------------------ */
/* errors                                                               */

/* The rest of the input from pos, as typed, for messages. */
static const char *
rest(const Ctx *c)
{
	return c->s + (c->pos < c->len ? c->pos : c->len);
}

static bool syntax(Ctx *c, const char *hint, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));
static bool family_error(Ctx *c, StdFamily fam, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

/* A 22P02 error at pos with the given hint. */
static bool
syntax(Ctx *c, const char *hint, const char *fmt,...)
{
	va_list		ap;
	char		buf[4 * FR_ERR_TEXT];	/* fr_error() cuts it to a sentence */

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fr_error(c->err, FR_ERR_SYNTAX, c->pos, "%s", buf);
	fr_error_hint(c->err, "%s", hint);
	return false;
}

/* A 22P02 error at pos whose hint shows the family's shape. */
static bool
family_error(Ctx *c, StdFamily fam, const char *fmt,...)
{
	va_list		ap;
	char		buf[4 * FR_ERR_TEXT];	/* fr_error() cuts it to a sentence */

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fr_error(c->err, FR_ERR_SYNTAX, c->pos, "%s", buf);
	fr_error_hint(c->err, "Write it as, e.g., %s.", family_example(fam));
	return false;
}

static bool
year_range_error(Ctx *c, StdFamily fam, int year)
{
	char		y[16];

	snprintf(y, sizeof(y), "%d", year);
	return family_error(c, fam, "The year %s is out of range (%s).", y,
						"1900 to 2099");
}

/* ------------------------------------------------------------------ */
/* prefix                                                               */

static void
set_prefix(Prefix *p, const char *text, StdKind kind, StdNature nature,
		   StdFamily fam)
{
	p->len = snprintf(p->text, sizeof(p->text), "%s", text);
	p->kind = kind;
	p->nature = nature;
	p->fam = fam;
	p->adopt_skip = 0;
}

static bool
is_industry_code(const char *w)
{
	for (size_t i = 0; i < sizeof(industry_codes) / sizeof(industry_codes[0]); i++)
		if (strcmp(w, industry_codes[i]) == 0)
			return true;
	return false;
}

/* first two digits of a local standard code: a province-level division */
static bool
is_province(int code)
{
	return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) ||
		(code >= 31 && code <= 37) || (code >= 41 && code <= 46) ||
		(code >= 50 && code <= 54) || (code >= 61 && code <= 65) ||
		code == 71 || code == 81 || code == 82;
}

/* "/T" recommended, "/Z" guidance, nothing: mandatory */
static void
chinese_nature(Ctx *c, Prefix *p, const char *word, StdKind kind)
{
	char		buf[16];

	if (accept_lit(c, "/T"))
	{
		snprintf(buf, sizeof(buf), "%s/T", word);
		set_prefix(p, buf, kind, STD_NATURE_RECOMMENDED, FAM_CN);
	}
	else if (accept_lit(c, "/Z"))
	{
		snprintf(buf, sizeof(buf), "%s/Z", word);
		set_prefix(p, buf, kind, STD_NATURE_GUIDANCE, FAM_CN);
	}
	else
		set_prefix(p, word, kind, STD_NATURE_MANDATORY, FAM_CN);
}

static bool
unknown_prefix(Ctx *c, const char *word)
{
	fr_error(c->err, FR_ERR_SYNTAX, c->pos, "Unknown standard prefix \"%s\".", word);
	if (strcmp(word, "GBT") == 0 || strcmp(word, "GBZT") == 0)
		fr_error_hint(c->err, "Recommended national standards are written GB/T (with a slash): GB/T 19001-2016.");
	else
		fr_error_hint(c->err, "%s", PREFIX_HINT);
	return false;
}

/* DB: local standards DB11/, DB11/T, DB2301/T; or the seismology code DB/T */
static bool
prefix_db(Ctx *c, Prefix *p)
{
	int			save = c->pos;
	int			n;
	char		buf[32];

	if (cur(c) == ' ' && is_digit(at(c, 1)))
		c->pos++;
	n = digits_at(c, 0);
	if (n > 0)
	{
		char		code[8];
		int			province;

		if (n != 2 && n != 4 && n != 6)
		{
			snprintf(code, sizeof(code), "%.*s", n > 6 ? 6 : n, c->u + c->pos);
			return syntax(c, "Local standard numbers start with DB and a two-digit province code "
						  "(DB11/T 1322-2016) or a four-digit city code (DB2301/T 97-2021).",
						  "The local standard code \"DB%s%s\" has neither 2, 4 nor 6 digits.",
						  code, n > 6 ? "…" : "");
		}
		memcpy(code, c->u + c->pos, n);
		code[n] = '\0';
		province = (code[0] - '0') * 10 + (code[1] - '0');
		if (!is_province(province))
			return syntax(c, "The first two digits of a local standard code are a province-level "
						  "division code: 11 Beijing, 12 Tianjin, …, 31 Shanghai, …, 44 Guangdong, …, "
						  "65 Xinjiang, 71 Taiwan, 81 Hong Kong, 82 Macao.",
						  "\"DB%s\" does not name a province-level division.", code);
		c->pos += n;
		if (cur(c) != '/')
			return syntax(c, "Local standard numbers are written DB11/ 501-2017 (mandatory) or "
						  "DB11/T 1322-2016 (recommended).",
						  "The local standard code \"DB%s\" must be followed by \"/\" or \"/T\"; found \"%s\".",
						  code, rest(c));
		c->pos++;
		if (accept_lit(c, "T"))
		{
			snprintf(buf, sizeof(buf), "DB%s/T", code);
			set_prefix(p, buf, STD_KIND_LOCAL, STD_NATURE_RECOMMENDED, FAM_CN);
		}
		else
		{
			snprintf(buf, sizeof(buf), "DB%s/", code);
			set_prefix(p, buf, STD_KIND_LOCAL, STD_NATURE_MANDATORY, FAM_CN);
		}
		return true;
	}
	c->pos = save;
	if (looking_at(c, "/T") || looking_at(c, "/Z"))
	{
		chinese_nature(c, p, "DB", STD_KIND_INDUSTRY);
		return true;
	}
	return syntax(c, "Local standards: DB11/ 501-2017 or DB11/T 1322-2016 (DB, province code, "
				  "slash); seismology industry standards: DB/T 15-2009.",
				  "\"DB\" must be followed by a province code (local standard) or by \"/T\" "
				  "(seismology industry standard); found \"%s\".", rest(c));
}

/* T/CAS group standards, Q/GDMD enterprise standards */
static bool
prefix_org(Ctx *c, Prefix *p, bool group)
{
	const char *what = group ? "group" : "enterprise";
	const char *example = group ? "T/CAS 115-2005" : "Q/GDMD 0001S-2019";
	int			n = 0;
	char		buf[40];

	if (cur(c) != '/')
		return syntax(c, group ? "Group standard numbers are written T/CAS 115-2005."
					  : "Enterprise standard numbers are written Q/GDMD 0001S-2019.",
					  "A %s standard prefix is written with a slash and the issuer code (%s).",
					  what, example);
	c->pos++;
	if (group)
	{
		while (is_alpha(at(c, n)))
			n++;
	}
	else
	{
		/* an enterprise code may mix letters and digits when a space ends
		 * it; written without the space, the code is its leading letters */
		while (is_alnum(at(c, n)))
			n++;
		if (at(c, n) != ' ')
		{
			n = 0;
			while (is_alpha(at(c, n)))
				n++;
		}
	}
	if (n < (group ? 2 : 1) || n > 20)
	{
		char		found[24];

		snprintf(found, sizeof(found), "%.*s", n > 20 ? 20 : n, c->u + c->pos);
		return syntax(c, group ? "Group standard numbers are written T/CAS 115-2005: T/, the "
					  "association's code in letters, the number, the year."
					  : "Enterprise standard numbers are written Q/GDMD 0001S-2019: Q/, the "
					  "enterprise code, a space, the number, the year.",
					  n == 0 ? "The %s standard prefix has no issuer code%s."
					  : "The %s issuer code \"%s\" is too long or too short.",
					  what, n == 0 ? "" : found);
	}
	snprintf(buf, sizeof(buf), "%c/%.*s", group ? 'T' : 'Q', n, c->u + c->pos);
	c->pos += n;
	set_prefix(p, buf, group ? STD_KIND_GROUP : STD_KIND_ENTERPRISE,
			   STD_NATURE_NONE, FAM_CN);
	return true;
}

/* the "ISO …" prefixes */
static void
prefix_iso(Ctx *c, Prefix *p)
{
	const char *t = "ISO";

	if (accept_lit(c, "/IEC"))
	{
		if (accept_lit(c, "/IEEE"))
			t = "ISO/IEC/IEEE";
		else if (accept_lit(c, " TS") || accept_lit(c, "/TS"))
			t = "ISO/IEC TS";
		else if (accept_lit(c, " TR") || accept_lit(c, "/TR"))
			t = "ISO/IEC TR";
		else if (accept_lit(c, " GUIDE"))
			t = "ISO/IEC Guide";
		else
			t = "ISO/IEC";
	}
	else if (accept_lit(c, "/TS"))
		t = "ISO/TS";
	else if (accept_lit(c, "/TR"))
		t = "ISO/TR";
	else if (accept_lit(c, "/PAS"))
		t = "ISO/PAS";
	else if (accept_lit(c, "/ASTM"))
		t = "ISO/ASTM";
	else if (accept_lit(c, "/IEEE"))
		t = "ISO/IEEE";
	else if (accept_lit(c, " GUIDE"))
		t = "ISO Guide";
	set_prefix(p, t, STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_ISO);
}

/* EN, BS, DIN, NF and their adoptions: "BS EN ISO", "DIN EN", "EN IEC" */
static void
prefix_euro(Ctx *c, Prefix *p, const char *word)
{
	char		buf[32];
	const char *tail = "";

	if (strcmp(word, "EN") != 0 && accept_lit(c, " EN"))
	{
		if (accept_lit(c, " ISO/IEC"))
			tail = " EN ISO/IEC";
		else if (accept_lit(c, " ISO"))
			tail = " EN ISO";
		else if (accept_lit(c, " IEC"))
			tail = " EN IEC";
		else
			tail = " EN";
	}
	else if (accept_lit(c, " ISO/IEC"))
		tail = " ISO/IEC";
	else if (accept_lit(c, " ISO"))
		tail = " ISO";
	else if (accept_lit(c, " IEC"))
		tail = " IEC";
	snprintf(buf, sizeof(buf), "%s%s", word, tail);
	set_prefix(p, buf, STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_EURO);
	if (*tail)
		p->adopt_skip = (int) strlen(word) + 1;
}

static bool
parse_prefix(Ctx *c, Prefix *p)
{
	char		w[12];
	int			wl = 0;

	while (is_alpha(at(c, wl)))
		wl++;
	if (wl == 0)
		return syntax(c, GENERAL_HINT,
					  "A standard number starts with its issuer prefix (GB, GB/T, ISO, …); "
					  "found \"%s\".", rest(c));
	if (wl >= (int) sizeof(w))
	{
		snprintf(w, sizeof(w), "%.*s", (int) sizeof(w) - 1, c->u + c->pos);
		return unknown_prefix(c, w);
	}
	memcpy(w, c->u + c->pos, wl);
	w[wl] = '\0';
	c->pos += wl;

	if (strcmp(w, "GB") == 0)
		chinese_nature(c, p, "GB", STD_KIND_NATIONAL);
	else if (strcmp(w, "GBZ") == 0)
		chinese_nature(c, p, "GBZ", STD_KIND_INDUSTRY);
	else if (wl == 2 && is_industry_code(w))
		chinese_nature(c, p, w, STD_KIND_INDUSTRY);
	else if (strcmp(w, "DB") == 0)
		return prefix_db(c, p);
	else if (strcmp(w, "T") == 0)
		return prefix_org(c, p, true);
	else if (strcmp(w, "Q") == 0)
		return prefix_org(c, p, false);
	else if (strcmp(w, "JJF") == 0 || strcmp(w, "JJG") == 0)
		set_prefix(p, w, STD_KIND_NATIONAL, STD_NATURE_NONE, FAM_CN);
	else if (strcmp(w, "ISO") == 0)
		prefix_iso(c, p);
	else if (strcmp(w, "IEC") == 0)
	{
		const char *t = "IEC";

		if (accept_lit(c, " TS") || accept_lit(c, "/TS"))
			t = "IEC TS";
		else if (accept_lit(c, " TR") || accept_lit(c, "/TR"))
			t = "IEC TR";
		else if (accept_lit(c, "/IEEE"))
			t = "IEC/IEEE";
		set_prefix(p, t, STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_IEC);
	}
	else if (strcmp(w, "ITU") == 0)
	{
		if (accept_lit(c, "-T"))
			set_prefix(p, "ITU-T", STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_UNDATED);
		else if (accept_lit(c, "-R"))
			set_prefix(p, "ITU-R", STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_UNDATED);
		else
			return syntax(c, "ITU recommendations are written ITU-T G.711 or ITU-R BT.709.",
						  "\"ITU\" must be followed by \"-T\" or \"-R\"; found \"%s\".",
						  rest(c));
	}
	else if (strcmp(w, "CAC") == 0)
	{
		static const char *const series[] = {"/GL", "/RCP", "/MRL", "/MISC"};
		char		buf[16];

		for (int i = 0; i < 4; i++)
			if (accept_lit(c, series[i]))
			{
				snprintf(buf, sizeof(buf), "CAC%s", series[i]);
				set_prefix(p, buf, STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_DASH4);
				return true;
			}
		return syntax(c, "Codex texts are written CXS 192-1995, CXG 21-1997, CAC/GL 21-1997 or "
					  "CAC/RCP 1-1969.",
					  "\"CAC\" must be followed by a series: /GL, /RCP, /MRL or /MISC; found \"%s\".",
					  rest(c));
	}
	else if (strcmp(w, "CODEX") == 0)
	{
		if (!accept_lit(c, " STAN"))
			return syntax(c, "Codex standards are written CXS 192-1995 or CODEX STAN 192-1995.",
						  "\"CODEX\" must be followed by \"STAN\"; found \"%s\".", rest(c));
		set_prefix(p, "CODEX STAN", STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_DASH4);
	}
	else if (strcmp(w, "CXS") == 0 || strcmp(w, "CXG") == 0 || strcmp(w, "CXC") == 0 ||
			 strcmp(w, "CXM") == 0 || strcmp(w, "CXA") == 0)
		set_prefix(p, w, STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_DASH4);
	else if (strcmp(w, "EN") == 0 || strcmp(w, "BS") == 0 || strcmp(w, "DIN") == 0 ||
			 strcmp(w, "NF") == 0)
		prefix_euro(c, p, w);
	else if (strcmp(w, "ASTM") == 0)
		set_prefix(p, "ASTM", STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_ASTM);
	else if (strcmp(w, "ANSI") == 0)
	{
		if (cur(c) == '/')
		{
			static const char *const orgs[] = {"/UL", "/IEEE", "/ASHRAE", "/ASME", "/NSF",
			"/AAMI", "/ISA"};
			char		buf[16];

			for (int i = 0; i < 7; i++)
				if (accept_lit(c, orgs[i]))
				{
					snprintf(buf, sizeof(buf), "ANSI%s", orgs[i]);
					set_prefix(p, buf, STD_KIND_FOREIGN, STD_NATURE_NONE,
							   i == 0 ? FAM_COLON : i == 1 ? FAM_IEEE : FAM_DASH4);
					return true;
				}
			return syntax(c, "American National Standards are written ANSI Z535.1-2017, "
						  "ANSI/UL 1995 or ANSI/IEEE C37.90-1989.",
						  "\"ANSI/\" must be followed by UL, IEEE, ASHRAE, ASME, NSF, AAMI or ISA; "
						  "found \"%s\".", rest(c));
		}
		set_prefix(p, "ANSI", STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_DASH4);
	}
	else if (strcmp(w, "UL") == 0)
		set_prefix(p, "UL", STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_COLON);
	else if (strcmp(w, "IEEE") == 0)
	{
		/* "IEEE Std 802.11-2020": "Std" is not part of the number */
		if (looking_at(c, " STD") && (at(c, 4) == ' ' || at(c, 4) == '.'))
			c->pos += 5;
		if (c->pos + 3 <= c->len && memcmp(c->u + c->pos, "STD", 3) == 0)
			return syntax(c, "IEEE standards are written IEEE 802.11-2020 (\"Std\" may be written once "
						  "before the number).",
						  "The IEEE number \"%s\" starts with \"Std\".", rest(c));
		set_prefix(p, "IEEE", STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_IEEE);
	}
	else if (strcmp(w, "JIS") == 0)
		set_prefix(p, "JIS", STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_JIS);
	else if (strcmp(w, "ASME") == 0 || strcmp(w, "ASHRAE") == 0)
		set_prefix(p, w, STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_DASH4);
	else if (strcmp(w, "NSF") == 0)
	{
		set_prefix(p, accept_lit(c, "/ANSI") ? "NSF/ANSI" : "NSF", STD_KIND_FOREIGN,
				   STD_NATURE_NONE, FAM_DASH4);
	}
	else if (strcmp(w, "AOAC") == 0)
		set_prefix(p, "AOAC", STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_UNDATED);
	else
	{
		c->pos -= wl;
		return unknown_prefix(c, w);
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* number and year                                                      */

static bool
missing_number(Ctx *c, const Prefix *p)
{
	return family_error(c, p->fam,
						cur(c) == '\0' ? "The prefix \"%s\" is not followed by a number%s."
						: "The prefix \"%s\" is not followed by a number; found \"%s\".",
						p->text, rest(c));
}

/*
 * At pos: "-dddd", a year in range?  In the families that write the year
 * after a dash it always is (whatever follows), so that dropping the year
 * never turns a part into a year.
 */
static bool
dash_year_ahead(const Ctx *c)
{
	int			n;
	int			v;
	char		after;

	if (cur(c) != '-' || (n = digits_at(c, 1)) != 4)
		return false;
	v = digits_value(c, 1, 4);
	after = at(c, 5);
	if (is_alnum(after))
		return false;
	return v >= STD_YEAR_MIN && v <= STD_YEAR_MAX;
}

/*
 * The parts of a number: letter-and-digit runs joined by '.' (every family)
 * or '-' (all but the Chinese, whose dash introduces the year).
 */
static bool
parse_parts(Ctx *c, const Prefix *p)
{
	bool		has_digit = false;
	bool		dash_sep = p->fam != FAM_CN;
	int			start = c->out->text_len;
	int			last_part = start;
	char		last_sep = '\0';

	if (!is_alnum(cur(c)))
		return missing_number(c, p);

	/*
	 * A number starts with digits or a short letter code (D638, G.711,
	 * BT.709, Z535.1).  A longer word, or TS/TR, would be read as part of
	 * the prefix when the number is written after another prefix
	 * (std_adopts of "EN IEC TS1" would be "IEC TS" 1).
	 */
	{
		int			n = 0;

		while (is_alpha(at(c, n)))
			n++;
		if (n > 2 || (n == 2 && (looking_at(c, "TS") || looking_at(c, "TR"))))
			return family_error(c, p->fam,
								"The number \"%s\" after \"%s\" starts with a word; a number starts "
								"with digits or a letter code such as D638 or G.711.",
								rest(c), p->text);
	}
	for (;;)
	{
		bool		lower = false;

		last_part = c->out->text_len;
		while (is_alnum(cur(c)))
		{
			char		ch = cur(c);

			if (is_digit(ch))
			{
				has_digit = true;
				lower = (p->fam == FAM_IEEE);	/* 802.11ax */
			}
			else
				ch = lower ? to_lower(ch) : ch;
			if (!emitc(c, ch))
				return false;
			c->pos++;
		}
		if ((cur(c) == '.' || (cur(c) == '-' && dash_sep)) && is_alnum(at(c, 1)))
		{
			if ((p->fam == FAM_DASH4 || p->fam == FAM_IEEE) && dash_year_ahead(c))
				break;
			last_sep = cur(c);
			if (!emitc(c, last_sep))
				return false;
			c->pos++;
			continue;
		}
		break;
	}
	if (!has_digit)
	{
		c->pos -= c->out->text_len - start;
		return family_error(c, p->fam, "The number \"%s\" after \"%s\" has no digits.",
							c->out->text + start, p->text);
	}

	/*
	 * "ISO 9001-2015": a year written after a dash where the family writes
	 * it after a colon would silently read as a part; refuse a last part that
	 * looks like a year (whether or not a real year follows, so that the
	 * undated form of an accepted number is accepted too).
	 */
	if ((p->fam == FAM_ISO || p->fam == FAM_IEC || p->fam == FAM_EURO ||
		 p->fam == FAM_JIS || p->fam == FAM_COLON) &&
		last_sep == '-' && c->out->text_len - last_part == 4)
	{
		const char *t = c->out->text + last_part;
		int			v = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');

		if (is_digit(t[0]) && is_digit(t[1]) && is_digit(t[2]) && is_digit(t[3]) &&
			v >= 1950 && v <= STD_YEAR_MAX)
		{
			char		num[STD_MAX_TEXT + 1];

			snprintf(num, sizeof(num), "%.*s", last_part - 1 - start, c->out->text + start);
			return family_error(c, p->fam,
								"\"-%s\" after \"%s\" looks like a year written after a dash; "
								"this prefix writes the year after a colon.",
								t, num);
		}
	}
	return true;
}

/* Chinese year after a dash: four digits, or two meaning 1950-1999 */
static bool
year_cn(Ctx *c, const Prefix *p, int *year)
{
	int			n;
	int			v;
	char		ys[16];

	c->pos++;					/* the dash */
	n = digits_at(c, 0);
	snprintf(ys, sizeof(ys), "%.*s", n > 8 ? 8 : n, c->u + c->pos);
	if (n == 0)
		return family_error(c, p->fam, "The dash after the number must be followed by the year; found \"%s\".",
							rest(c));
	if (is_alpha(at(c, n)))
		return family_error(c, p->fam, "The year \"%s\" is followed by \"%s\".", ys, rest(c) + n);
	v = digits_value(c, 0, n > 8 ? 8 : n);
	if (n == 4)
	{
		if (v < STD_YEAR_MIN || v > STD_YEAR_MAX)
			return year_range_error(c, p->fam, v);
		*year = v;
	}
	else if (n == 2)
	{
		if (v < 50)
			return family_error(c, p->fam,
								"The two-digit year \"%s\" is ambiguous: two-digit years mean 19xx, "
								"and 19%s predates Chinese standards; write the year in full.",
								ys, ys);
		*year = 1900 + v;
	}
	else
		return family_error(c, p->fam,
							"The year \"%s\" has %s digits; write four (or two for 1950-1999).",
							ys, n == 1 ? "1" : n == 3 ? "3" : "too many");
	c->pos += n;
	return true;
}

/* ISO/IEC/EN year after a colon: four digits */
static bool
year_colon(Ctx *c, const Prefix *p, int *year)
{
	int			n;
	int			v;
	char		ys[16];

	c->pos++;					/* the colon */
	n = digits_at(c, 0);
	snprintf(ys, sizeof(ys), "%.*s", n > 8 ? 8 : n, c->u + c->pos);
	if (n != 4 || is_alpha(at(c, n)))
		return family_error(c, p->fam,
							n == 0 ? "The colon must be followed by a four-digit year; found \"%s\"."
							: "The year after the colon must have four digits; found \"%s\".",
							n == 0 ? rest(c) : ys);
	v = digits_value(c, 0, 4);
	if (v < STD_YEAR_MIN || v > STD_YEAR_MAX)
		return year_range_error(c, p->fam, v);
	*year = v;
	c->pos += 4;
	return true;
}

/*
 * Amendments and corrigenda of ISO, IEC and European standards:
 * "/Amd 1:2024", "/Cor 1:2020" (ISO), "/AMD1:2016" (IEC), "+A1:2008",
 * "+AC:2009" (EN).  Read in any spelling, written in the family's.  The
 * separator is kept: '+' is a consolidated text, '/' the amendment itself.
 * Key: per amendment 0x01, separator, type, number, year; then 0x00.
 */
static bool
parse_amendments(Ctx *c, const Prefix *p, int year)
{
	int			count = 0;

	for (;;)
	{
		char		sep = cur(c);
		int			wl = 0;
		int			type;		/* 1 amendment, 2 corrigendum */
		int			n;
		int			number = -1;
		int			ayear;
		char		word[8];

		if (sep != '/' && sep != '+')
			break;
		while (is_alpha(at(c, 1 + wl)))
			wl++;
		if (wl == 0 || wl > 3)
			break;
		snprintf(word, sizeof(word), "%.*s", wl, c->u + c->pos + 1);
		if (strcmp(word, "AMD") == 0 || strcmp(word, "A") == 0)
			type = 1;
		else if (strcmp(word, "COR") == 0 || strcmp(word, "AC") == 0)
			type = 2;
		else
			break;
		{
			char		after = at(c, 1 + wl);

			if (!(is_digit(after) || after == ' ' || after == '.' || after == ':'))
				break;
		}
		if (year == 0)
			return family_error(c, p->fam,
								"The amendment \"%s\" follows an undated number; an amendment "
								"belongs to one dated edition.", rest(c));
		c->pos += 1 + wl;
		if ((cur(c) == '.' || cur(c) == ' ') && is_digit(at(c, 1)))
			c->pos++;
		n = digits_at(c, 0);
		if (n > 4)
			return family_error(c, p->fam, "The amendment number \"%s\" is too long.", rest(c));
		if (n > 0)
		{
			number = digits_value(c, 0, n);
			c->pos += n;
		}
		else if (type == 1)
			return family_error(c, p->fam, "The amendment has no number; found \"%s\".",
								rest(c));
		if (cur(c) != ':' || digits_at(c, 1) != 4 || is_alnum(at(c, 5)))
			return family_error(c, p->fam,
								"An amendment or corrigendum needs its year after a colon; found \"%s\".",
								rest(c));
		ayear = digits_value(c, 1, 4);
		if (ayear < year || ayear > STD_YEAR_MAX)
		{
			char		ys[16];

			snprintf(ys, sizeof(ys), "%d", ayear);
			return family_error(c, p->fam,
								"The amendment year %s is out of range (%s).", ys,
								ayear < year ? "before the year of the standard it amends"
								: "1900 to 2099");
		}
		c->pos += 5;
		if (++count > 8)
			return family_error(c, p->fam, "More than 8 amendments.");

		if (!emitc(c, sep))
			return false;
		switch (p->fam)
		{
			case FAM_ISO:
				if (!emit(c, type == 1 ? "Amd" : "Cor", 3) ||
					(number >= 0 && !emitf(c, " %d", number)))
					return false;
				break;
			case FAM_IEC:
				if (!emit(c, type == 1 ? "AMD" : "COR", 3) ||
					(number >= 0 && !emitf(c, "%d", number)))
					return false;
				break;
			default:
				if (!emit(c, type == 1 ? "A" : "AC", type == 1 ? 1 : 2) ||
					(number >= 0 && !emitf(c, "%d", number)))
					return false;
				break;
		}
		if (!emitf(c, ":%04d", ayear))
			return false;
		{
			int			digits = number < 0 ? 0 : number >= 1000 ? 4 : number >= 100 ? 3 :
				number >= 10 ? 2 : 1;
			int			iso_len = 3 + (number < 0 ? 0 : 1 + digits);
			int			written = p->fam == FAM_ISO ? iso_len :
				p->fam == FAM_IEC ? 3 + digits : (type == 1 ? 1 : 2) + digits;

			c->extra += iso_len - written;
		}
		if (!kemit(c, 0x01) || !kemit(c, (unsigned char) sep) ||
			!kemit(c, (unsigned char) type) ||
			!kemit(c, number >= 0 ? 0x01 : 0x00) ||
			!kemit(c, (unsigned char) ((number < 0 ? 0 : number) >> 8)) ||
			!kemit(c, (unsigned char) ((number < 0 ? 0 : number) & 0xFF)) ||
			!kemit_year(c, ayear))
			return false;
	}
	return kemit(c, 0x00);
}

/*
 * ASTM designations: letter A-G, digits, optional metric companion
 * "/C33M", optional "-YY" year, revision letter, "(YYYY)" reapproval and
 * "e1" editorial change.  Key: number, year, revision, reapproval,
 * editorial.
 */
static bool
parse_astm(Ctx *c, const Prefix *p, bool top)
{
	StdCode    *o = c->out;
	int			num_off = o->text_len;
	int			n;
	int			year = 0;
	int			reapproved = 0;
	char		revision = 0;
	char		editorial = 0;

	if (!is_alpha(cur(c)))
		return missing_number(c, p);
	if (cur(c) < 'A' || cur(c) > 'G')
		return family_error(c, p->fam, "ASTM designations start with a letter A to G; found \"%s\".",
							rest(c));
	for (int companion = 0; companion < 2; companion++)
	{
		if (!emitc(c, cur(c)))
			return false;
		c->pos++;
		if (cur(c) == ' ' && is_digit(at(c, 1)))
			c->pos++;
		n = digits_at(c, 0);
		if (n == 0)
			return family_error(c, p->fam, "The ASTM designation letter must be followed by digits; found \"%s\".",
								rest(c));
		if (!emit(c, c->u + c->pos, n))
			return false;
		c->pos += n;
		if (companion == 1)
		{
			if (cur(c) != 'M' || is_alpha(at(c, 1)))
				return family_error(c, p->fam, "The metric companion designation must end in \"M\" "
									"(C33/C33M); found \"%s\".", rest(c));
			if (!emitc(c, 'M'))
				return false;
			c->pos++;
		}
		else if (cur(c) == '/' && at(c, 1) >= 'A' && at(c, 1) <= 'G')
		{
			if (!emitc(c, '/'))
				return false;
			c->pos++;
			continue;
		}
		break;
	}
	if (top)
	{
		o->number_off = num_off;
		o->number_len = o->text_len - num_off;
		o->undated_len = o->text_len;
	}
	if (!key_number(c, num_off, o->text_len))
		return false;

	if (cur(c) == '-')
	{
		char		ys[16];

		c->pos++;
		n = digits_at(c, 0);
		snprintf(ys, sizeof(ys), "%.*s", n > 8 ? 8 : n, c->u + c->pos);
		if (n == 2)
		{
			int			v = digits_value(c, 0, 2);

			year = v < STD_ASTM_PIVOT ? 2000 + v : 1900 + v;
		}
		else if (n == 4)
		{
			year = digits_value(c, 0, 4);
			if (year < 1900 + STD_ASTM_PIVOT || year >= 2000 + STD_ASTM_PIVOT)
			{
				snprintf(ys, sizeof(ys), "%d", year);
				return family_error(c, p->fam,
									"The ASTM year %s cannot be written with two digits "
									"(two-digit years are read as %d to %d).", ys,
									1900 + STD_ASTM_PIVOT, 1999 + STD_ASTM_PIVOT);
			}
		}
		else
			return family_error(c, p->fam, "The ASTM year after the dash must have two digits; found \"%s\".",
								n == 0 ? rest(c) : ys);
		c->pos += n;
		if (!emitf(c, "-%02d", year % 100))
			return false;
		/* revision letter, not "e1" */
		if (is_alpha(cur(c)) && !(cur(c) == 'E' && is_digit(at(c, 1))) && !is_alpha(at(c, 1)))
		{
			revision = to_lower(cur(c));
			c->pos++;
			if (!emitc(c, revision))
				return false;
		}
		if (cur(c) == '(')
		{
			if (digits_at(c, 1) != 4 || at(c, 5) != ')')
				return family_error(c, p->fam, "A reapproval year is written in parentheses: "
									"D1193-06(2018); found \"%s\".", rest(c));
			reapproved = digits_value(c, 1, 4);
			if (reapproved < year || reapproved > STD_YEAR_MAX)
				return year_range_error(c, p->fam, reapproved);
			c->pos += 6;
			if (!emitf(c, "(%04d)", reapproved))
				return false;
		}
		if (cur(c) == 'E' && is_digit(at(c, 1)) && !is_alnum(at(c, 2)))
		{
			editorial = at(c, 1);
			c->pos += 2;
			if (!emitc(c, 'e') || !emitc(c, editorial))
				return false;
		}
	}
	if (top)
		o->year = year;
	return kemit_year(c, year) &&
		kemit(c, (unsigned char) revision) &&
		kemit_year(c, reapproved) &&
		kemit(c, (unsigned char) editorial) &&
		kemit(c, 0x00);			/* no amendments */
}

/* ------------------------------------------------------------------ */
/* one standard number; a Chinese one may carry the one it adopts       */

static bool
parse_single(Ctx *c, bool top, StdKind *kind)
{
	StdCode    *o = c->out;
	Prefix		p;
	int			start = o->text_len;
	int			num_off;
	int			year = 0;

	if (!parse_prefix(c, &p))
		return false;
	*kind = p.kind;
	if (!emit(c, p.text, p.len) || !emitc(c, ' '))
		return false;
	for (int i = 0; i < p.len; i++)
		if (!kemit(c, (unsigned char) p.text[i]))
			return false;
	if (!kemit(c, 0x00))
		return false;
	if (top)
	{
		o->kind = p.kind;
		o->nature = p.nature;
		o->prefix_len = p.len;
		if (p.adopt_skip > 0)
			o->adopts_off = start + p.adopt_skip;
	}
	if (cur(c) == ' ')
		c->pos++;
	num_off = o->text_len;

	if (p.fam == FAM_ASTM)
	{
		if (!parse_astm(c, &p, top))
			return false;
	}
	else
	{
		if (p.fam == FAM_JIS)
		{
			/* division letter, then one space: "C 9335-1" */
			if (!is_alpha(cur(c)) || !(at(c, 1) == ' ' || is_digit(at(c, 1))))
				return family_error(c, p.fam, "A JIS number starts with its division letter; found \"%s\".",
									rest(c));
			if (!emitc(c, cur(c)) || !emitc(c, ' '))
				return false;
			c->pos += at(c, 1) == ' ' ? 2 : 1;
		}
		if (!parse_parts(c, &p))
			return false;
		if (top)
		{
			o->number_off = num_off;
			o->number_len = o->text_len - num_off;
			o->undated_len = o->text_len;
		}
		if (!key_number(c, num_off, o->text_len))
			return false;

		switch (p.fam)
		{
			case FAM_CN:
				if (cur(c) == '-' && !year_cn(c, &p, &year))
					return false;
				break;
			case FAM_ISO:
			case FAM_IEC:
			case FAM_EURO:
			case FAM_JIS:
			case FAM_COLON:
				if (cur(c) == ':' && !year_colon(c, &p, &year))
					return false;
				break;
			case FAM_DASH4:
			case FAM_IEEE:
				if (dash_year_ahead(c))
				{
					year = digits_value(c, 1, 4);
					c->pos += 5;
				}
				break;
			case FAM_ASTM:
			case FAM_UNDATED:
				break;
		}
		if (year != 0 && !emitf(c, (p.fam == FAM_CN || p.fam == FAM_DASH4 ||
									 p.fam == FAM_IEEE) ? "-%04d" : ":%04d", year))
			return false;
		if (top)
			o->year = year;
		if (!kemit_year(c, year))
			return false;
		if (p.fam == FAM_ISO || p.fam == FAM_IEC || p.fam == FAM_EURO)
		{
			if (!parse_amendments(c, &p, year))
				return false;
		}
		else if (!kemit(c, 0x00))
			return false;
	}

	/* dual number: GB/T 19001-2016/ISO 9001:2015 */
	if (top && p.fam == FAM_CN && cur(c) == '/')
	{
		StdKind		adopted;
		int			adopted_off;

		c->pos++;
		if (cur(c) == ' ')
			c->pos++;
		if (!emitc(c, '/'))
			return false;
		adopted_off = o->text_len;
		if (!kemit(c, 0x01) || !parse_single(c, false, &adopted))
			return false;
		if (adopted != STD_KIND_INTERNATIONAL && adopted != STD_KIND_FOREIGN)
		{
			char		main[STD_MAX_TEXT + 1];

			snprintf(main, sizeof(main), "%.*s", adopted_off - 1, o->text);
			return syntax(c, "A dual number names the international or foreign standard a Chinese "
						  "standard adopts: GB/T 19001-2016/ISO 9001:2015.",
						  "\"%s\" after \"%s/\" is not an international or foreign standard.",
						  o->text + adopted_off, main);
		}
		o->adopts_off = adopted_off;
		return true;
	}
	return kemit(c, 0x00);
}

/* ------------------------------------------------------------------ */
/* entry point                                                          */

static bool
bad_char(const char *in, size_t len, size_t i, FrError *err)
{
	unsigned char ch = (unsigned char) in[i];
	int			position = 1;
	unsigned int cp = ch;
	int			extra = 0;

	for (size_t k = 0; k < i; k++)
		if (((unsigned char) in[k] & 0xC0) != 0x80)
			position++;
	if (ch >= 0xF0 && ch < 0xF8)
	{
		cp = ch & 0x07;
		extra = 3;
	}
	else if (ch >= 0xE0)
	{
		cp = ch & 0x0F;
		extra = 2;
	}
	else if (ch >= 0xC0)
	{
		cp = ch & 0x1F;
		extra = 1;
	}
	for (int k = 1; k <= extra; k++)
	{
		if (i + k >= len || ((unsigned char) in[i + k] & 0xC0) != 0x80)
		{
			cp = ch;
			break;
		}
		cp = (cp << 6) | ((unsigned char) in[i + k] & 0x3F);
	}
	if (ch > 0x20 && ch < 0x7F)
		fr_error(err, FR_ERR_SYNTAX, (int) i,
				 "Character \"%c\" at position %d is not allowed in a standard number.",
				 ch, position);
	else
		fr_error(err, FR_ERR_SYNTAX, (int) i,
				 "Character U+%04X at position %d is not allowed in a standard number.",
				 cp, position);
	fr_error_hint(err, "A standard number is written with Latin letters, digits, spaces and "
				  "/ - : . + ( ), e.g. GB/T 19001-2016 or ISO 9001:2015.");
	return false;
}

bool
std_parse(const char *in, size_t len, StdCode *out, FrError *err)
{
	char		s[STD_MAX_INPUT + 1];
	char		u[STD_MAX_INPUT + 1];
	int			n = 0;
	bool		space = false;
	Ctx			c;
	StdKind		kind;

	memset(out, 0, offsetof(StdCode, text));
	out->text[0] = '\0';
	out->adopts_off = -1;

	if (len > STD_MAX_INPUT)
	{
		fr_error(err, FR_ERR_LIMIT, -1,
				 "The input is %zu bytes long; a standard number has at most %d.",
				 len, STD_MAX_INPUT);
		fr_error_hint(err, "%s", GENERAL_HINT);
		return false;
	}
	for (size_t i = 0; i < len; i++)
	{
		char		ch = in[i];

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
		{
			space = true;
			continue;
		}
		if (!is_alnum(ch) && ch != '/' && ch != '-' && ch != ':' && ch != '.' &&
			ch != '+' && ch != '(' && ch != ')')
			return bad_char(in, len, i, err);
		if (space && n > 0 && is_alnum(s[n - 1]) && is_alnum(ch))
			s[n++] = ' ';
		space = false;
		s[n++] = ch;
	}
	s[n] = '\0';
	for (int i = 0; i <= n; i++)
		u[i] = to_upper(s[i]);
	if (n == 0)
	{
		fr_error(err, FR_ERR_SYNTAX, 0, "The standard number is empty.");
		fr_error_hint(err, "%s", GENERAL_HINT);
		return false;
	}

	c.s = s;
	c.u = u;
	c.len = n;
	c.pos = 0;
	c.out = out;
	c.err = err;
	c.extra = 0;
	if (!parse_single(&c, true, &kind))
		return false;
	if (c.pos < c.len)
	{
		/* out->text holds the canonical text read so far */
		char		done[STD_MAX_TEXT + 1];
		int			dl = out->text_len;

		snprintf(done, sizeof(done), "%.*s", dl, out->text);
		fr_error(err, FR_ERR_SYNTAX, c.pos, "Unexpected \"%s\" after \"%s\".", rest(&c), done);
		if (kind == STD_KIND_NATIONAL || kind == STD_KIND_INDUSTRY ||
			kind == STD_KIND_LOCAL || kind == STD_KIND_GROUP ||
			kind == STD_KIND_ENTERPRISE)
			fr_error_hint(err, "Write it as, e.g., %s.", family_example(FAM_CN));
		else
			fr_error_hint(err, "%s", GENERAL_HINT);
		return false;
	}
	if (out->text_len + c.extra > STD_MAX_TEXT)
	{
		fr_error(err, FR_ERR_LIMIT, -1,
				 "The standard number is %d bytes long in canonical form; at most %d are accepted.",
				 out->text_len + c.extra, STD_MAX_TEXT);
		fr_error_hint(err, "%s", GENERAL_HINT);
		return false;
	}
	return true;
}

const char *
std_kind_name(StdKind kind)
{
	switch (kind)
	{
		case STD_KIND_NATIONAL:
			return "national";
		case STD_KIND_INDUSTRY:
			return "industry";
		case STD_KIND_LOCAL:
			return "local";
		case STD_KIND_GROUP:
			return "group";
		case STD_KIND_ENTERPRISE:
			return "enterprise";
		case STD_KIND_INTERNATIONAL:
			return "international";
		case STD_KIND_FOREIGN:
			return "foreign";
	}
	return NULL;
}

const char *
std_nature_name(StdNature nature)
{
	switch (nature)
	{
		case STD_NATURE_MANDATORY:
			return "mandatory";
		case STD_NATURE_RECOMMENDED:
			return "recommended";
		case STD_NATURE_GUIDANCE:
			return "guidance";
		case STD_NATURE_NONE:
			break;
	}
	return NULL;
}
