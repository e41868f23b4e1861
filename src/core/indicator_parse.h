/*
 * indicator_parse.h — the indicator value and its text forms (backend-free).
 *
 * An indicator is a set of acceptable numbers in one unit: a point, an
 * upper bound, a lower bound, a range, a nominal value with a tolerance, or
 * "not detected" (ND).  Every form is stored as an interval
 *
 *     lower point  ≤  x  ≤  upper point
 *
 * whose end points are exact decimals (FrDec, written scale kept) in the
 * value's unit, each either infinite, inclusive or exclusive.  ND without a
 * detection limit is "below any positive limit": its upper point is 0⁺, an
 * infinitesimal above zero (0 < 0⁺ < every positive number), so that
 * ND <@ ≤0.01 mg/kg holds and ND(≤0.01 mg/kg) <@ ND does not.  ND without a
 * limit carries no unit and is commensurable with every unit.
 *
 * The parser works on normalised text (normalize.h) and knows nothing of
 * PostgreSQL, so the fuzzer (test/fuzz/fuzz_indicator.c) runs it alone.
 * The comparison layer (compare.c) works on the same struct.
 */
#ifndef FR_INDICATOR_PARSE_H
#define FR_INDICATOR_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/decimal.h"
#include "core/error.h"
#include "core/units.h"

/* the form as written: decides the output, never the comparisons */
typedef enum FrIndForm
{
	FR_IND_POINT = 1,			/* 0.15 mg/kg */
	FR_IND_UPPER = 2,			/* ≤ 0.2 mg/kg, < 5 dB */
	FR_IND_LOWER = 3,			/* ≥ 98.5 %, > 3 */
	FR_IND_RANGE = 4,			/* 6.5 ~ 8.5, [6.5, 8.5) */
	FR_IND_TOL = 5,				/* 65 ± 2 dB, 10 +0.5/-0.2 mm, 50 mm ± 5 % */
	FR_IND_ND = 6				/* ND, ND (≤ 0.01 mg/kg) */
} FrIndForm;

/* flags */
#define FR_IND_LO_INF		0x0001	/* no lower bound */
#define FR_IND_HI_INF		0x0002	/* no upper bound */
#define FR_IND_LO_INC		0x0004	/* lower bound included */
#define FR_IND_HI_INC		0x0008	/* upper bound included */
#define FR_IND_HI_EPS		0x0010	/* upper point is hi⁺ (ND without limit) */
#define FR_IND_ANYUNIT		0x0020	/* no unit: commensurable with all */
#define FR_IND_TOL_SYM		0x0040	/* tolerance written ±t */
#define FR_IND_TOL_REL		0x0080	/* tolerance written ±t % of nominal */
#define FR_IND_ALLFLAGS		0x00FF

/* input longer than this (bytes, normalised) is refused with 54000 */
#define FR_IND_MAXINPUT		1024
/* room for any output text */
#define FR_IND_OUTSZ		(6 * FR_DEC_BUFSZ + 2 * FR_UNIT_MAXLEN + 64)

typedef struct FrIndicator
{
	uint8_t		form;			/* FrIndForm */
	uint16_t	flags;
	FrDec		lo;				/* valid unless FR_IND_LO_INF */
	FrDec		hi;				/* valid unless FR_IND_HI_INF */
	FrUnit		unit;			/* meaningless with FR_IND_ANYUNIT */
	/* tolerance as written (FR_IND_TOL only) */
	FrDec		nominal;
	FrDec		dev_up;			/* upper deviation, signed (+0.5);
								 * relative: the percentage */
	FrDec		dev_down;		/* lower deviation, signed (-0.2) */
	char		unittext[FR_UNIT_MAXLEN];	/* canonical spelling, "" = none */
} FrIndicator;

/*
 * Parse normalised UTF-8 text s[0..len).  On failure err says where parsing
 * stopped (position = byte offset) and why; FR_ERR_SYNTAX (22P02) for text
 * that is no indicator, FR_ERR_RANGE (22003) for numbers that do not fit,
 * FR_ERR_LIMIT (54000) for absurdly long input.
 */
extern bool fr_indicator_parse(const char *s, size_t len, FrIndicator *out,
							   FrError *err);

/* output styles */
typedef enum FrIndStyle
{
	FR_IND_STYLE_CANONICAL = 0, /* ≤ 0.2 mg/kg (reads back identical) */
	FR_IND_STYLE_ZH = 1			/* 不大于0.2 mg/kg */
} FrIndStyle;

/* Write the text form into buf (FR_IND_OUTSZ bytes); returns its length. */
extern size_t fr_indicator_format(const FrIndicator *v, FrIndStyle style,
								  char *buf);

/*
 * Check the invariants of a value (used on binary input): bounds present
 * as the form requires, lower ≤ upper, flags consistent.  Fails with
 * FR_ERR_SYNTAX and a detail.
 */
extern bool fr_indicator_check(const FrIndicator *v, FrError *err);

#endif							/* FR_INDICATOR_PARSE_H */
