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
 * Why one file of about 2,000 lines: the parser is one recursive descent
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
	FAM_YY,						/* ACI 318-19: dotted parts, "-YY" */
	FAM_OIML,					/* "R 76-1:2006": series letter first,
								 * ":2006" (or "-2006" as Chinese texts
								 * cite it) */
	FAM_ITU,					/* ITU-T G.711, edition "(11/1988)" */
	FAM_UNDATED					/* AOAC 991.43 */
} StdFamily;

/* Chinese numbering variants (Prefix.flags) */
#define CN_DASH_PARTS	0x01	/* JTG, JTS: "-01" after the number is a part */
#define CN_VOLUME		0x02	/* JTG: "F80/1", the volume after a slash */
#define CN_COLON_YEAR	0x04	/* CECS: the year also after a colon, "88:97" */
#define CN_LETTERED		0x08	/* JTG: a number led by a letter may touch the
								 * code: JTGD60, JTG/TF50 */

typedef struct Prefix
{
	char		text[48];		/* canonical prefix */
	int			len;
	StdKind		kind;
	StdNature	nature;
	StdFamily	fam;
	int			adopt_skip;		/* "BS EN ISO": 3 bytes ("BS ") to drop to
								 * name the adopted standard; 0 if none */
	unsigned	flags;			/* CN_* */
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

/*
 * The other Chinese codes (the two-letter industry codes and DB are read
 * apart).  The engineering-construction codes are those of the national
 * and ministries' catalogues: GB 50xxx is an ordinary GB number; GBJ and
 * TJ are the national construction codes GB 50xxx replaced; JGJ and CJJ
 * the housing ministry's (building, urban construction); JTG, JTS and the
 * older JTJ the transport ministry's (highways, waterways, both before
 * 2004); TBJ the railway codes TB 10xxx replaced; CECS the pre-2018
 * association standards of the China Association for Engineering
 * Construction Standardization (since 2018 numbered T/CECS).
 *
 * Nature without a suffix: GB and the ministries' codes are mandatory,
 * /T recommended, /Z guidance; JJF/JJG (metrology) and CECS have none.
 * JTG has none either: since JTG 1001-2017 the highway codes without /T
 * are recommended too (the cover of JTG 3362-2018 reads 行业推荐性标准),
 * earlier ones mandatory, so the number does not tell.
 */
typedef struct CnCode
{
	const char *code;
	StdKind		kind;
	StdNature	plain;			/* nature without /T or /Z */
	const char *suffixes;		/* the suffixes written: "TZ" (/T, /Z), "T", "" */
	unsigned	flags;			/* CN_* */
} CnCode;

static const CnCode cn_codes[] = {
	{"GB", STD_KIND_NATIONAL, STD_NATURE_MANDATORY, "TZ", 0},
	{"GBZ", STD_KIND_INDUSTRY, STD_NATURE_MANDATORY, "TZ", 0},
	{"JJF", STD_KIND_NATIONAL, STD_NATURE_NONE, "", 0},
	{"JJG", STD_KIND_NATIONAL, STD_NATURE_NONE, "", 0},
	{"GBJ", STD_KIND_NATIONAL, STD_NATURE_MANDATORY, "", 0},
	{"TJ", STD_KIND_NATIONAL, STD_NATURE_MANDATORY, "", 0},
	{"JGJ", STD_KIND_INDUSTRY, STD_NATURE_MANDATORY, "T", 0},
	{"CJJ", STD_KIND_INDUSTRY, STD_NATURE_MANDATORY, "T", 0},
	{"JTJ", STD_KIND_INDUSTRY, STD_NATURE_MANDATORY, "T", 0},
	{"TBJ", STD_KIND_INDUSTRY, STD_NATURE_MANDATORY, "", 0},
	{"JTS", STD_KIND_INDUSTRY, STD_NATURE_MANDATORY, "T", CN_DASH_PARTS},
	{"JTG", STD_KIND_INDUSTRY, STD_NATURE_NONE, "T", CN_DASH_PARTS | CN_VOLUME | CN_LETTERED},
	{"CECS", STD_KIND_GROUP, STD_NATURE_NONE, "", CN_COLON_YEAR}
};

#define GENERAL_HINT \
	"A standard number is an issuer prefix, a number and usually a year, e.g. " \
	"GB/T 19001-2016, GB 4806.1-2016, QB/T 1333-2018, DB11/ 501-2017, " \
	"T/CAS 115-2005, Q/GDMD 0001S-2019, ISO 9001:2015, EN 71-3:2019 or ASTM D638-14."

#define PREFIX_HINT \
	"Known prefixes: GB, GB/T, GB/Z; industry codes such as QB/T, HG, NY/T, HJ, YY, GBZ, " \
	"DB/T; engineering codes JGJ, CJJ, JTG, JTS, JTJ, GBJ, TJ, TBJ, CECS; local DB11/, " \
	"DB11/T, DBS11/; group T/…; enterprise Q/…; JJF, JJG; ISO, ISO/IEC, IEC, CISPR, ITU-T, " \
	"OIML, CXS, CAC/GL; EN, CEN/TS, BS, DIN, NF (BS EN ISO …), ASTM, ACI, ANSI, UL, IEEE, " \
	"JIS, ASME, ASHRAE, NSF, AOAC."

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
		case FAM_YY:
			return "ACI 318-19: the two-digit year after a dash";
		case FAM_OIML:
			return "OIML R 76-1:2006 or OIML D 11:2013: the series letter, the number, "
				"the year after a colon";
		case FAM_ITU:
			return "ITU-T G.711 or ITU-T G.711 (11/1988): the edition date, when given, "
				"as (month/year)";
		case FAM_UNDATED:
			return "AOAC 991.43 (without a year)";
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
	p->flags = 0;
}

static bool
is_industry_code(const char *w)
{
	for (size_t i = 0; i < sizeof(industry_codes) / sizeof(industry_codes[0]); i++)
		if (strcmp(w, industry_codes[i]) == 0)
			return true;
	return false;
}

static const CnCode *
cn_code(const char *w)
{
	for (size_t i = 0; i < sizeof(cn_codes) / sizeof(cn_codes[0]); i++)
		if (strcmp(w, cn_codes[i].code) == 0)
			return &cn_codes[i];
	return NULL;
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

/*
 * A Chinese code and its suffix: "/T" recommended, "/Z" guidance, nothing
 * the code's plain nature.  A highway code's lettered number may follow
 * "/T" without a space (JTG/TF50).
 */
static bool
cn_prefix(Ctx *c, Prefix *p, const CnCode *cc)
{
	char		buf[16];
	char		suffix = at(c, 1);
	bool		ends = !is_alpha(at(c, 2)) ||
		((cc->flags & CN_LETTERED) && is_digit(at(c, 3)));

	if (cur(c) == '/' && (suffix == 'T' || suffix == 'Z') && ends &&
		strchr(cc->suffixes, suffix) == NULL)
		return syntax(c, strchr(cc->suffixes, 'T') == NULL
					  ? "This code is written without a suffix: JJF 1070-2005, TBJ 2-85, CECS 21-2000."
					  : "Its recommended standards are written with /T: JGJ/T 294-2013.",
					  "\"%s/%c\" is not a standard prefix: %s has no %s standards.", cc->code, suffix,
					  cc->code, suffix == 'T' ? "recommended (/T)" : "guidance (/Z)");
	if (cur(c) == '/' && (suffix == 'T' || suffix == 'Z') && ends)
	{
		c->pos += 2;
		snprintf(buf, sizeof(buf), "%s/%c", cc->code, suffix);
		set_prefix(p, buf, cc->kind,
				   suffix == 'T' ? STD_NATURE_RECOMMENDED : STD_NATURE_GUIDANCE, FAM_CN);
	}
	else
		set_prefix(p, cc->code, cc->kind, cc->plain, FAM_CN);
	p->flags = cc->flags;
	return true;
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

/*
 * DB: local standards DB11/, DB11/T, DB2301/T; or the seismology code DB/T.
 * DBS (food safety, 食品安全地方标准): a province's, always mandatory,
 * DBS52/ 049-2020.
 */
static bool
prefix_db(Ctx *c, Prefix *p, bool food)
{
	int			save = c->pos;
	int			n;
	char		buf[32];
	const char *db = food ? "DBS" : "DB";

	if (cur(c) == ' ' && is_digit(at(c, 1)))
		c->pos++;
	n = digits_at(c, 0);
	if (n > 0)
	{
		char		code[8];
		int			province;

		if (food && n != 2)
		{
			snprintf(code, sizeof(code), "%.*s", n > 6 ? 6 : n, c->u + c->pos);
			return syntax(c, "Food-safety local standards are issued by provinces: DBS, the two-digit "
						  "province code, a slash (DBS52/ 049-2020).",
						  "The food-safety local standard code \"DBS%s%s\" does not have 2 digits.",
						  code, n > 6 ? "…" : "");
		}
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
						  "\"%s%s\" does not name a province-level division.", db, code);
		c->pos += n;
		if (cur(c) != '/')
			return syntax(c, food ? "Food-safety local standard numbers are written DBS52/ 049-2020."
						  : "Local standard numbers are written DB11/ 501-2017 (mandatory) or "
						  "DB11/T 1322-2016 (recommended).",
						  food ? "The food-safety local standard code \"DBS%s\" must be followed by \"/\"; found \"%s\"."
						  : "The local standard code \"DB%s\" must be followed by \"/\" or \"/T\"; found \"%s\".",
						  code, rest(c));
		c->pos++;
		if (looking_at(c, "T"))
		{
			if (food)
				return syntax(c, "Food-safety local standards are mandatory: DBS52/ 049-2020.",
							  "\"DBS%s/T\": a food-safety local standard is never recommended.", code);
			c->pos++;
			snprintf(buf, sizeof(buf), "DB%s/T", code);
			set_prefix(p, buf, STD_KIND_LOCAL, STD_NATURE_RECOMMENDED, FAM_CN);
		}
		else
		{
			snprintf(buf, sizeof(buf), "%s%s/", db, code);
			set_prefix(p, buf, STD_KIND_LOCAL, STD_NATURE_MANDATORY, FAM_CN);
		}
		return true;
	}
	c->pos = save;
	if (food)
		return syntax(c, "Food-safety local standard numbers are written DBS52/ 049-2020: DBS, the "
					  "two-digit province code, a slash.",
					  "\"DBS\" must be followed by a province code; found \"%s\".", rest(c));
	if (looking_at(c, "/T") || looking_at(c, "/Z"))
	{
		static const CnCode seismology = {"DB", STD_KIND_INDUSTRY, STD_NATURE_MANDATORY, "TZ", 0};

		return cn_prefix(c, p, &seismology);
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

/*
 * Alternatives after a word: the first literal that matches names the
 * prefix (longer literals first where one begins another: " ISO/IEC"
 * before " ISO").
 */
typedef struct Alt
{
	const char *lit;
	const char *name;
} Alt;

#define ALT(c, alts, otherwise) accept_alt(c, alts, sizeof(alts) / sizeof(alts[0]), otherwise)

static const char *
accept_alt(Ctx *c, const Alt *alts, size_t n, const char *otherwise)
{
	for (size_t i = 0; i < n; i++)
		if (accept_lit(c, alts[i].lit))
			return alts[i].name;
	return otherwise;
}

static const Alt iso_iec_alts[] = {
	{"/IEEE", "ISO/IEC/IEEE"}, {" TS", "ISO/IEC TS"}, {"/TS", "ISO/IEC TS"},
	{" TR", "ISO/IEC TR"}, {"/TR", "ISO/IEC TR"}, {" GUIDE", "ISO/IEC Guide"}
};
static const Alt iso_alts[] = {
	{"/TS", "ISO/TS"}, {"/TR", "ISO/TR"}, {"/PAS", "ISO/PAS"}, {"/ASTM", "ISO/ASTM"},
	{"/IEEE", "ISO/IEEE"}, {" GUIDE", "ISO Guide"}
};
static const Alt iec_alts[] = {
	{" TS", "IEC TS"}, {"/TS", "IEC TS"}, {" TR", "IEC TR"}, {"/TR", "IEC TR"},
	{"/IEEE", "IEC/IEEE"}
};
/* what a European or national body adopts: "BS EN ISO", "DIN EN", "EN IEC" */
static const Alt adopted_alts[] = {
	{" ISO/IEC", " ISO/IEC"}, {" ISO", " ISO"}, {" IEC", " IEC"}
};
static const Alt en_adopted_alts[] = {
	{" ISO/IEC", " EN ISO/IEC"}, {" ISO", " EN ISO"}, {" IEC", " EN IEC"}
};
static const Alt itu_alts[] = {{"-T", "ITU-T"}, {"-R", "ITU-R"}};
static const Alt cac_alts[] = {
	{"/GL", "CAC/GL"}, {"/RCP", "CAC/RCP"}, {"/MRL", "CAC/MRL"}, {"/MISC", "CAC/MISC"}
};
static const Alt cispr_alts[] = {{" TR", "CISPR TR"}};
static const Alt cen_alts[] = {{"/TS", "/TS"}, {"/TR", "/TR"}};

/* EN, BS, DIN, NF and their adoptions: "BS EN ISO", "DIN EN", "EN IEC" */
static void
prefix_euro(Ctx *c, Prefix *p, const char *word)
{
	char		buf[32];
	const char *tail;

	if (strcmp(word, "EN") != 0 && accept_lit(c, " EN"))
		tail = ALT(c, en_adopted_alts, " EN");
	else
		tail = ALT(c, adopted_alts, "");
	snprintf(buf, sizeof(buf), "%s%s", word, tail);
	set_prefix(p, buf, STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_EURO);
	if (*tail)
		p->adopt_skip = (int) strlen(word) + 1;
}

/* "IEEE Std 802.11-2020", "ANSI/IEEE Std 242-1986": "Std" is not part of the number */
static bool
skip_std(Ctx *c)
{
	if (looking_at(c, " STD") && (at(c, 4) == ' ' || at(c, 4) == '.'))
		c->pos += 5;
	if (c->pos + 3 <= c->len && memcmp(c->u + c->pos, "STD", 3) == 0)
		return syntax(c, "IEEE standards are written IEEE 802.11-2020 (\"Std\" may be written once "
					  "before the number).",
					  "The IEEE number \"%s\" starts with \"Std\".", rest(c));
	return true;
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

	/* "JTGD60": a lettered number written against its code */
	if (wl > 1 && cn_code(w) == NULL && is_digit(cur(c)))
	{
		const CnCode *cc;

		w[wl - 1] = '\0';
		cc = cn_code(w);
		if (cc != NULL && (cc->flags & CN_LETTERED))
		{
			wl--;
			c->pos--;
		}
		else
			w[wl - 1] = c->u[c->pos - 1];
	}

	if (cn_code(w) != NULL)
		return cn_prefix(c, p, cn_code(w));
	else if (wl == 2 && is_industry_code(w))
	{
		const CnCode industry = {w, STD_KIND_INDUSTRY, STD_NATURE_MANDATORY, "TZ", 0};

		return cn_prefix(c, p, &industry);
	}
	else if (strcmp(w, "DB") == 0 || strcmp(w, "DBS") == 0)
		return prefix_db(c, p, wl == 3);
	else if (strcmp(w, "T") == 0)
		return prefix_org(c, p, true);
	else if (strcmp(w, "Q") == 0)
		return prefix_org(c, p, false);
	else if (strcmp(w, "ISO") == 0)
		set_prefix(p, accept_lit(c, "/IEC") ? ALT(c, iso_iec_alts, "ISO/IEC") : ALT(c, iso_alts, "ISO"),
				   STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_ISO);
	else if (strcmp(w, "IEC") == 0)
		set_prefix(p, ALT(c, iec_alts, "IEC"), STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_IEC);
	else if (strcmp(w, "CISPR") == 0)
	{
		/* the IEC's special committee on radio interference */
		set_prefix(p, ALT(c, cispr_alts, "CISPR"), STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_IEC);
	}
	else if (strcmp(w, "OIML") == 0)
		set_prefix(p, "OIML", STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_OIML);
	else if (strcmp(w, "ITU") == 0)
	{
		const char *t = ALT(c, itu_alts, NULL);

		if (t == NULL)
			return syntax(c, "ITU recommendations are written ITU-T G.711 or ITU-R BT.709.",
						  "\"ITU\" must be followed by \"-T\" or \"-R\"; found \"%s\".",
						  rest(c));
		set_prefix(p, t, STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_ITU);
	}
	else if (strcmp(w, "CAC") == 0)
	{
		const char *t = ALT(c, cac_alts, NULL);

		if (t == NULL)
			return syntax(c, "Codex texts are written CXS 192-1995, CXG 21-1997, CAC/GL 21-1997 or "
						  "CAC/RCP 1-1969.",
						  "\"CAC\" must be followed by a series: /GL, /RCP, /MRL or /MISC; found \"%s\".",
						  rest(c));
		set_prefix(p, t, STD_KIND_INTERNATIONAL, STD_NATURE_NONE, FAM_DASH4);
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
	else if (strcmp(w, "CEN") == 0 || strcmp(w, "CLC") == 0)
	{
		/* European technical specifications and reports (CEN, CENELEC) */
		char		buf[16];
		const char *t = ALT(c, cen_alts, NULL);

		if (t == NULL)
			return syntax(c, "European technical specifications and reports are written CEN/TS 16986, "
						  "CEN/TR 15641 or CLC/TS 50625-2; European standards EN 71-3:2019.",
						  "\"%s\" must be followed by \"/TS\" or \"/TR\"; found \"%s\".", w, rest(c));
		snprintf(buf, sizeof(buf), "%s%s", w, t);
		set_prefix(p, buf, STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_EURO);
	}
	else if (strcmp(w, "ASTM") == 0)
		set_prefix(p, "ASTM", STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_ASTM);
	else if (strcmp(w, "ACI") == 0)
		set_prefix(p, "ACI", STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_YY);
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
					return i != 1 || skip_std(c);
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
		set_prefix(p, "IEEE", STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_IEEE);
		return skip_std(c);
	}
	else if (strcmp(w, "JIS") == 0)
		set_prefix(p, "JIS", STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_JIS);
	else if (strcmp(w, "ASME") == 0 || strcmp(w, "ASHRAE") == 0)
		set_prefix(p, w, STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_DASH4);
	else if (strcmp(w, "NSF") == 0)
	{
		/* NSF/ANSI/CAN: the tri-national designation */
		const char *t = "NSF";

		if (accept_lit(c, "/ANSI"))
			t = accept_lit(c, "/CAN") ? "NSF/ANSI/CAN" : "NSF/ANSI";
		set_prefix(p, t, STD_KIND_FOREIGN, STD_NATURE_NONE, FAM_DASH4);
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
 * At pos, in a number: a separator that joins two parts?  Every family
 * joins parts with '.'; all but the Chinese and ACI with '-' as well (theirs
 * introduces the year).  The transport ministry numbers a series' parts
 * with a dash and one or two digits (JTG/T 3360-01-2018, JTS 180-3; its
 * years have four digits), and the volumes of a highway code after a slash
 * (JTG F80/1-2004).
 */
static bool
part_separator(const Ctx *c, const Prefix *p)
{
	char		sep = cur(c);
	int			n;

	if (!is_alnum(at(c, 1)))
		return false;
	switch (sep)
	{
		case '.':
			return true;
		case '-':
			if (p->fam == FAM_CN)
			{
				n = digits_at(c, 1);
				return (p->flags & CN_DASH_PARTS) && (n == 1 || n == 2) && !is_alnum(at(c, 1 + n));
			}
			if (p->fam == FAM_YY)
				return false;
			/* the families that write the year after a dash */
			return !((p->fam == FAM_DASH4 || p->fam == FAM_IEEE || p->fam == FAM_OIML) &&
					 dash_year_ahead(c));
		case '/':
			return (p->flags & CN_VOLUME) && is_digit(at(c, 1));
		default:
			return false;
	}
}

/*
 * The parts of a number: letter-and-digit runs joined by the separators
 * part_separator() accepts.
 */
static bool
parse_parts(Ctx *c, const Prefix *p)
{
	bool		has_digit = false;
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
		if (!part_separator(c, p))
			break;
		last_sep = cur(c);
		if (!emitc(c, last_sep))
			return false;
		c->pos++;
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

/*
 * Past the separator at pos (a dash or a colon): the count of digits that
 * follow, and up to 8 of them in ys for messages.
 */
static int
year_digits(Ctx *c, char ys[16])
{
	int			n;

	c->pos++;
	n = digits_at(c, 0);
	snprintf(ys, 16, "%.*s", n > 8 ? 8 : n, c->u + c->pos);
	return n;
}

/* Chinese year after a dash (CECS: or a colon): four digits, or two meaning 1950-1999 */
static bool
year_cn(Ctx *c, const Prefix *p, int *year)
{
	const char *sep = cur(c) == ':' ? "colon" : "dash";
	char		ys[16];
	int			n = year_digits(c, ys);
	int			v;

	if (n == 0)
		return family_error(c, p->fam, "The %s after the number must be followed by the year; found \"%s\".",
							sep, rest(c));
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
	char		ys[16];
	int			n = year_digits(c, ys);
	int			v;

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
 * ASTM's and ACI's year after a dash: two digits (STD_ASTM_PIVOT), or four
 * that two can write; written with two.
 */
static bool
year_yy(Ctx *c, const Prefix *p, int *year)
{
	char		ys[16];
	int			n = year_digits(c, ys);

	if (n == 2)
	{
		int			v = digits_value(c, 0, 2);

		*year = v < STD_ASTM_PIVOT ? 2000 + v : 1900 + v;
	}
	else if (n == 4)
	{
		*year = digits_value(c, 0, 4);
		if (*year < 1900 + STD_ASTM_PIVOT || *year >= 2000 + STD_ASTM_PIVOT)
		{
			snprintf(ys, sizeof(ys), "%d", *year);
			return family_error(c, p->fam,
								"The %s year %s cannot be written with two digits "
								"(two-digit years are read as %d to %d).", p->text, ys,
								1900 + STD_ASTM_PIVOT, 1999 + STD_ASTM_PIVOT);
		}
	}
	else
		return family_error(c, p->fam, "The %s year after the dash must have two digits; found \"%s\".",
							p->text, n == 0 ? rest(c) : ys);
	c->pos += n;
	return emitf(c, "-%02d", *year % 100);
}

/* ITU's edition date, when given: " (11/1988)", month and year */
static bool
year_itu(Ctx *c, const Prefix *p, int *year, int *month)
{
	char		ms[16];

	if (!(is_digit(at(c, 1)) && is_digit(at(c, 2)) && at(c, 3) == '/' &&
		  digits_at(c, 4) == 4 && at(c, 8) == ')'))
		return family_error(c, p->fam,
							"An ITU edition date is written in parentheses as month and year, "
							"(11/1988); found \"%s\".", rest(c));
	*month = digits_value(c, 1, 2);
	*year = digits_value(c, 4, 4);
	snprintf(ms, sizeof(ms), "%02d", *month);
	if (*month < 1 || *month > 12)
		return family_error(c, p->fam, "The month %s of the edition date is not 01 to 12.", ms);
	if (*year < STD_YEAR_MIN || *year > STD_YEAR_MAX)
		return year_range_error(c, p->fam, *year);
	c->pos += 9;
	return emitf(c, " (%02d", *month) && emitf(c, "/%04d)", *year);
}

/*
 * The key of one amendment: 0x01, separator, type, number (present flag,
 * two bytes), year.  The list of amendments ends with 0x00.
 */
static bool
kemit_amendment(Ctx *c, char sep, int type, int number, int year)
{
	int			v = number < 0 ? 0 : number;

	return kemit(c, 0x01) && kemit(c, (unsigned char) sep) &&
		kemit(c, (unsigned char) type) &&
		kemit(c, number >= 0 ? 0x01 : 0x00) &&
		kemit(c, (unsigned char) (v >> 8)) && kemit(c, (unsigned char) (v & 0xFF)) &&
		kemit_year(c, year);
}

/*
 * Amendments and corrigenda of ISO, IEC, European and Japanese standards:
 * "/Amd 1:2024", "/Cor 1:2020" (ISO), "/AMD1:2016" (IEC), "+A1:2008",
 * "+AC:2009" (EN), "/AMENDMENT 1:2022" (JIS, amendments only).  Read in any
 * spelling, written in the family's.  The separator is kept: '+' is a
 * consolidated text, '/' the amendment itself.
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
		int			before;
		int			iso_len;
		char		word[12];

		if (sep != '/' && sep != '+')
			break;
		while (is_alpha(at(c, 1 + wl)))
			wl++;
		if (wl == 0 || wl > 9)
			break;
		snprintf(word, sizeof(word), "%.*s", wl, c->u + c->pos + 1);
		if (strcmp(word, "AMD") == 0 || strcmp(word, "A") == 0 || strcmp(word, "AMENDMENT") == 0)
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
		if (p->fam == FAM_JIS && (sep != '/' || type != 1))
			return family_error(c, p->fam,
								"\"%s\": JIS amendments are written /AMENDMENT 1:2022, and JIS has "
								"no corrigenda.", rest(c));
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
		before = c->out->text_len;
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
			case FAM_JIS:
				if (!emitf(c, "AMENDMENT %d", number))
					return false;
				break;
			default:
				if (!emit(c, type == 1 ? "A" : "AC", type == 1 ? 1 : 2) ||
					(number >= 0 && !emitf(c, "%d", number)))
					return false;
				break;
		}
		/* what "Amd 1" (the ISO spelling, for an adopted standard) would take more */
		iso_len = 3 + (number < 0 ? 0 : 1 + (number >= 1000 ? 4 : number >= 100 ? 3 :
											 number >= 10 ? 2 : 1));
		if (iso_len > c->out->text_len - before)
			c->extra += iso_len - (c->out->text_len - before);
		if (!emitf(c, ":%04d", ayear) || !kemit_amendment(c, sep, type, number, ayear))
			return false;
	}
	return kemit(c, 0x00);
}

/*
 * A Chinese amendment sheet (修改单) of a dated number: "/XG1-2012", the
 * sheet's number and year (typed "第1号修改单", without the year: "/XG1").
 * One sheet per value: each sheet is a document of its own, ordered right
 * after the edition it amends (key: amendment type 3).  *sheet tells
 * whether one was read.
 */
static bool
parse_sheet(Ctx *c, const Prefix *p, int year, bool *sheet)
{
	int			n;
	int			number;
	int			syear = 0;
	char		ns[16];

	*sheet = cur(c) == '/' && at(c, 1) == 'X' && at(c, 2) == 'G' && is_digit(at(c, 3));
	if (!*sheet)
		return kemit(c, 0x00);
	if (year == 0)
		return family_error(c, p->fam,
							"The amendment sheet \"%s\" follows an undated number; a sheet amends "
							"one dated edition (GB 24315-2009/XG1-2012).", rest(c));
	c->pos += 3;
	n = digits_at(c, 0);
	snprintf(ns, sizeof(ns), "%.*s", n > 8 ? 8 : n, c->u + c->pos);
	number = digits_value(c, 0, n > 3 ? 3 : n);
	if (n > 3 || number == 0)
		return family_error(c, p->fam, "The amendment sheet number \"%s\" is not 1 to 999.", ns);
	c->pos += n;
	if (cur(c) == '-')
	{
		char		ys[16];

		n = year_digits(c, ys);
		if (n != 4 || is_alnum(at(c, 4)))
			return family_error(c, p->fam,
								"The year of an amendment sheet is written in full after a dash "
								"(/XG1-2012); found \"%s\".", n == 0 ? rest(c) : ys);
		syear = digits_value(c, 0, 4);
		if (syear < year || syear > STD_YEAR_MAX)
		{
			snprintf(ys, sizeof(ys), "%d", syear);
			return family_error(c, p->fam, "The amendment sheet year %s is out of range (%s).", ys,
								syear < year ? "before the year of the edition it amends"
								: "1900 to 2099");
		}
		c->pos += 4;
	}
	if (is_alnum(cur(c)))
		return family_error(c, p->fam, "The amendment sheet XG%d is followed by \"%s\".", number,
							rest(c));
	if (!emitf(c, "/XG%d", number) || (syear != 0 && !emitf(c, "-%04d", syear)) ||
		!kemit_amendment(c, '/', 3, number, syear) || !kemit(c, 0x00))
		return false;
	if (cur(c) == '/')
		return family_error(c, p->fam,
							"\"%s\" after the amendment sheet: a value is one edition or one of its "
							"sheets, written GB 24315-2009/XG1-2012.", rest(c));
	return true;
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
		if (!year_yy(c, p, &year))
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
		int			month = 0;

		if (p.fam == FAM_JIS || p.fam == FAM_OIML)
		{
			/* division or series letter, then one space: "C 9335-1", "R 76-1" */
			if (!is_alpha(cur(c)) || !(at(c, 1) == ' ' || is_digit(at(c, 1))) ||
				(p.fam == FAM_OIML && strchr("BDEGRV", cur(c)) == NULL))
				return family_error(c, p.fam, p.fam == FAM_JIS
									? "A JIS number starts with its division letter; found \"%s\"."
									: "An OIML number starts with its series letter (R, D, B, E, G or V); "
									"found \"%s\".", rest(c));
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
				if ((cur(c) == '-' || (cur(c) == ':' && (p.flags & CN_COLON_YEAR))) &&
					!year_cn(c, &p, &year))
					return false;
				break;
			case FAM_ISO:
			case FAM_IEC:
			case FAM_EURO:
			case FAM_JIS:
			case FAM_COLON:
			case FAM_OIML:
				if (cur(c) == ':' && !year_colon(c, &p, &year))
					return false;
				if (p.fam != FAM_OIML || year != 0)
					break;
				/* OIML R 89-1990, as Chinese metrology texts cite it */
				/* FALLTHROUGH */
			case FAM_DASH4:
			case FAM_IEEE:
				if (dash_year_ahead(c))
				{
					year = digits_value(c, 1, 4);
					c->pos += 5;
				}
				break;
			case FAM_YY:
				if (cur(c) == '-' && !year_yy(c, &p, &year))
					return false;
				break;
			case FAM_ITU:
				if (cur(c) == '(' && !year_itu(c, &p, &year, &month))
					return false;
				break;
			case FAM_ASTM:
			case FAM_UNDATED:
				break;
		}
		/* the families whose year is not written by its reader above */
		if (year != 0 && p.fam != FAM_YY && p.fam != FAM_ITU &&
			!emitf(c, (p.fam == FAM_CN || p.fam == FAM_DASH4 ||
					   p.fam == FAM_IEEE) ? "-%04d" : ":%04d", year))
			return false;
		if (top)
			o->year = year;
		if (!kemit_year(c, year) || (month != 0 && !kemit(c, (unsigned char) month)))
			return false;
		if (p.fam == FAM_ISO || p.fam == FAM_IEC || p.fam == FAM_EURO || p.fam == FAM_JIS)
		{
			if (!parse_amendments(c, &p, year))
				return false;
		}
		else if (p.fam == FAM_CN)
		{
			bool		sheet;

			if (!parse_sheet(c, &p, year, &sheet))
				return false;
			if (sheet)
				return kemit(c, 0x00);
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
	if (ch == ',')
		fr_error_hint(err, "A comma ends the number and starts a note (\",MOD\" of an adoption, "
					  "\", Rev 3-1997\" of a Codex text): keep the number, drop the note.");
	else
		fr_error_hint(err, "A standard number is written with Latin letters, digits, spaces and "
					  "/ - : . + ( ), e.g. GB/T 19001-2016 or ISO 9001:2015.");
	return false;
}

/*
 * What catalogues print after a number that is not part of it (refused, so
 * that equal standards stay equal): the hint, or NULL.  u is the rest of
 * the folded, upper-cased input.
 */
static const char *
annotation_hint(const char *u)
{
	static const char *const forms[] = {" CSV", " RLV", " EXV", " CMV", " PRV", " SER"};

	if (u[0] == '(' && is_alpha(u[1]) && u[2] == ')')
		return "A letter in parentheses such as (E) marks the language of a copy, not the standard: "
			"drop it (ISO 9001:2015, OIML R 135:2004).";
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		if (strncmp(u, forms[i], 4) == 0 && u[4] == '\0')
			return "CSV (consolidated), RLV (redline) and the other IEC publication forms are "
				"printings of the same text, not part of its number: drop the suffix (a consolidated "
				"version is the number with its amendments, IEC 60335-1:2020+AMD1:2025).";
	if (strcmp(u, " REDLINE") == 0)
		return "A redline is a printing of the same edition, not part of its number: drop it "
			"(IEEE 1547-2018).";
	if (strncmp(u, "/COR", 4) == 0 || strncmp(u, "/AMD", 4) == 0)
		return "Amendments and corrigenda are read for ISO, IEC, European and JIS numbers, after "
			"the dated edition; record the edition itself (IEEE C37.09-1999).";
	if (strncmp(u, "/XG", 3) == 0 && is_digit(u[3]))
		return "An amendment sheet follows the Chinese number it amends, without the adopted "
			"standard: GB/T 19001-2016/XG1-2020.";
	if (u[0] == '(' && is_digit(u[1]))
		return "Dates and notes in parentheses after a number are not part of it: drop them (ITU "
			"alone writes its edition date so: ITU-T G.711 (11/1988)).";
	return NULL;
}

/*
 * "第1号修改单" (amendment sheet no. 1) at in[i], as labels and notices
 * type a sheet: its bytes, with the sheet written "/XG1" at s[*n]; 0 when
 * the words are not there.
 */
static size_t
sheet_words(const char *in, size_t len, size_t i, char *s, int *n)
{
	static const char di[] = "\xE7\xAC\xAC";	/* 第 */
	static const char tail[] = "\xE5\x8F\xB7\xE4\xBF\xAE\xE6\x94\xB9\xE5\x8D\x95";	/* 号修改单 */
	size_t		k = i + 3;
	size_t		d;
	size_t		nd;

	if (len - i < 3 || memcmp(in + i, di, 3) != 0)
		return 0;
	while (k < len && in[k] == ' ')
		k++;
	d = k;
	while (k < len && is_digit(in[k]))
		k++;
	nd = k - d;
	while (k < len && in[k] == ' ')
		k++;
	if (nd == 0 || nd > 8 || len - k < sizeof(tail) - 1 ||
		memcmp(in + k, tail, sizeof(tail) - 1) != 0)
		return 0;
	memcpy(s + *n, "/XG", 3);
	memcpy(s + *n + 3, in + d, nd);
	*n += 3 + (int) nd;
	return k + sizeof(tail) - 1 - i;
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
		if ((unsigned char) ch >= 0x80)
		{
			size_t		used = sheet_words(in, len, i, s, &n);

			if (used == 0)
				return bad_char(in, len, i, err);
			i += used - 1;
			space = false;
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

		const char *note = annotation_hint(c.u + c.pos);

		snprintf(done, sizeof(done), "%.*s", dl, out->text);
		fr_error(err, FR_ERR_SYNTAX, c.pos, "Unexpected \"%s\" after \"%s\".", rest(&c), done);
		if (note != NULL)
			fr_error_hint(err, "%s", note);
		else if (kind == STD_KIND_NATIONAL || kind == STD_KIND_INDUSTRY ||
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
