/*
 * stdcode_parse.h — standard numbers (标准编号): parse, canonicalise, sort key.
 *
 * Backend-free (no postgres.h): the type in stdcode.c, the fuzz target and
 * tools share it.  Input is the text after fr_normalize() (NFKC, dashes
 * folded to '-'); the parser folds case and spaces itself.
 *
 * A standard number is
 *     prefix ' ' number [year] {amendment} ['/' adopted | '/XG' sheet ['-' year]]
 * where the prefix names the issuer (GB/T, DB11/, T/CAS, ISO/IEC, BS EN ISO,
 * ASTM, …) and fixes the "family": how the year is written (Chinese "-2016"
 * or "-93", ISO/IEC/EN ":2015", ASTM "-14", IEEE "-2020", ITU "(11/1988)"),
 * which separators the number has, and how amendments are spelt.  A Chinese
 * number may instead be one of its amendment sheets (修改单, "/XG1-2012").
 *
 * The result is the canonical text and a sort key: a byte string whose
 * memcmp() order is the documented order (prefix text, number parts
 * numerically, year with undated first, ASTM revision/reapproval,
 * amendments, adopted standard).  Ties in the key are broken by the
 * canonical text, so (key, text) is a total order consistent with equality
 * of the canonical text.  The key is a function of the canonical text
 * (parsing the canonical text yields the same key; the fuzz target checks).
 */
#ifndef FR_STDCODE_PARSE_H
#define FR_STDCODE_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

#define STD_MAX_INPUT	512		/* bytes of normalised input accepted */

/*
 * Bytes of canonical text, counting amendments as if spelt the ISO way
 * ("Amd 1", the longest spelling): the undated form and the adopted
 * standard of an accepted value (BS EN ISO 9001:2015/A1:2024 adopts
 * ISO 9001:2015/Amd 1:2024) are then accepted too, and every canonical
 * text is valid input (STD_MAX_TEXT <= STD_MAX_INPUT).
 */
#define STD_MAX_TEXT	256
#define STD_MAX_KEY		255		/* bytes of sort key */

/*
 * ASTM writes two-digit years: "D638-14".  A fixed pivot (never the current
 * date, so that input is IMMUTABLE): 00-49 are 2000-2049, 50-99 are
 * 1950-1999.
 */
#define STD_ASTM_PIVOT	50

/* Four-digit years accepted anywhere. */
#define STD_YEAR_MIN	1900
#define STD_YEAR_MAX	2099

typedef enum StdKind
{
	STD_KIND_NATIONAL = 1,		/* GB, GB/T, GB/Z; JJF/JJG metrology */
	STD_KIND_INDUSTRY,			/* QB/T, HG, …, GBZ, DB/T (seismology) */
	STD_KIND_LOCAL,				/* DB11/, DB11/T, DB2301/T */
	STD_KIND_GROUP,				/* T/CAS */
	STD_KIND_ENTERPRISE,		/* Q/GDMD */
	STD_KIND_INTERNATIONAL,		/* ISO, IEC, ISO/IEC, ITU-T, Codex */
	STD_KIND_FOREIGN			/* EN, BS, DIN, ASTM, ANSI, UL, IEEE, JIS, … */
} StdKind;

typedef enum StdNature
{
	STD_NATURE_NONE = 0,		/* not applicable */
	STD_NATURE_MANDATORY,		/* GB, XX, DB11/ */
	STD_NATURE_RECOMMENDED,		/* GB/T, XX/T, DB11/T */
	STD_NATURE_GUIDANCE			/* GB/Z, XX/Z */
} StdNature;

typedef struct StdCode
{
	StdKind		kind;			/* of the main standard */
	StdNature	nature;
	int			year;			/* four-digit year of the main standard; 0 if
								 * undated */
	int			text_len;
	int			prefix_len;		/* text[0, prefix_len) is the prefix */
	int			number_off;		/* text[number_off, +number_len) the number */
	int			number_len;
	int			undated_len;	/* text[0, undated_len): prefix and number */
	int			adopts_off;		/* text[adopts_off, text_len) is the adopted
								 * standard, or -1 */
	int			key_len;
	char		text[STD_MAX_TEXT + 1]; /* canonical, NUL-terminated ASCII */
	unsigned char key[STD_MAX_KEY];
} StdCode;

/*
 * Parse in[0, len) (normalised UTF-8, need not be NUL-terminated).  On
 * success fills *out and returns true; otherwise fills *err (22P02 for a
 * malformed number, 54000 for absurd length) and returns false.
 */
extern bool std_parse(const char *in, size_t len, StdCode *out, FrError *err);

/* "national", "industry", … ; "mandatory", "recommended", "guidance" or NULL */
extern const char *std_kind_name(StdKind kind);
extern const char *std_nature_name(StdNature nature);

#endif							/* FR_STDCODE_PARSE_H */
