/*
 * indicator_parse.h — the indicator value and its text forms (backend-free).
 *
 * An indicator is a set of acceptable numbers in one unit: a point, an
 * upper bound, a lower bound, a range, a nominal value with a tolerance, or
 * "not detected" (ND) — or, since 0.2.0, a microbiological sampling plan
 * (n, c, m, M: of n sample results none above M and at most c above m),
 * stored as its marginal limit "every sample ≤ m" (lower −∞, upper m) with
 * n, c and M beside it.  Every form is stored as an interval
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
 * A value may carry the basis it is expressed on (0.2.0): a species
 * (以Pb计: which species the number counts), a sample basis (以干基计: what
 * it is a fraction of) and a fraction qualifier (% (V/V), %(质量分数): which
 * fraction a plain % is); see indicator_basis.h.  Numbers keep the power of
 * ten they were written with (1×10⁴, 1.0E+04) for the output, and its
 * precision for GB/T 8170 (13×10² is {13, -2}: rounded to hundreds).
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
#include "core/indicator_basis.h"
#include "core/units.h"

/* the form as written: decides the output, never the comparisons */
typedef enum FrIndForm
{
	FR_IND_POINT = 1,			/* 0.15 mg/kg */
	FR_IND_UPPER = 2,			/* ≤ 0.2 mg/kg, < 5 dB */
	FR_IND_LOWER = 3,			/* ≥ 98.5 %, > 3 */
	FR_IND_RANGE = 4,			/* 6.5 ~ 8.5, [6.5, 8.5) */
	FR_IND_TOL = 5,				/* 65 ± 2 dB, 10 +0.5/-0.2 mm, 50 mm ± 5 % */
	FR_IND_ND = 6,				/* ND, ND (≤ 0.01 mg/kg) */
	FR_IND_PLAN = 7				/* n=5, c=2, m=100, M=1000 CFU/g (0.2.0) */
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
#define FR_IND_PLAN_M		0x0100	/* sampling plan with an M (three-class) */
#define FR_IND_ALLFLAGS		0x01FF

/* how a number was written (lo_pow, hi_pow, max_pow) */
#define FR_POW_WRITTEN		0x01	/* with a power of ten: 1×10^4, 1.0E+04 */
#define FR_POW_BARE			0x02	/* the power alone: 10^4 (mantissa 1) */
#define FR_POW_ALL			0x03
/* |exponent| of a written power of ten */
#define FR_POW_MAX_EXP		60

/* largest n of a sampling plan */
#define FR_PLAN_MAX_N		1000

/* input longer than this (bytes, normalised) is refused with 54000 */
#define FR_IND_MAXINPUT		1024
/* room for any output text */
#define FR_IND_OUTSZ		(6 * FR_DEC_BUFSZ + 2 * FR_UNIT_MAXLEN + FR_SPECIES_MAXLEN + 160)

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

	/* 0.2.0: powers of ten as written (lo, hi = m of a plan, M) */
	int8_t		lo_exp;
	int8_t		hi_exp;
	int8_t		max_exp;
	uint8_t		lo_pow;			/* FR_POW_* */
	uint8_t		hi_pow;
	uint8_t		max_pow;
	/* 0.2.0: the basis (indicator_basis.h), 0 / "" = none */
	uint8_t		fraction_q;		/* fraction qualifier spelling */
	uint8_t		sample_q;		/* sample basis spelling */
	char		species[FR_SPECIES_MAXLEN];	/* 以X计: X as written */
	/* 0.2.0: sampling plan (FR_IND_PLAN): hi is m, lo is −∞ */
	uint16_t	plan_n;
	uint16_t	plan_c;
	FrDec		plan_max;		/* M, with FR_IND_PLAN_M */
} FrIndicator;

/* Does v use anything beyond 0.1.0's forms (a power, a basis, a plan)? */
extern bool fr_indicator_extended(const FrIndicator *v);

/*
 * The largest value a sample may take under a plan: M (three-class), m
 * (c = 0: every sample ≤ m), or none (two-class with c > 0): *unbounded.
 */
extern FrDec fr_plan_effective_max(const FrIndicator *v, bool *unbounded);

/*
 * Parse normalised UTF-8 text s[0..len).  On failure err says where parsing
 * stopped (position = byte offset) and why; FR_ERR_SYNTAX (22P02) for text
 * that is no indicator, FR_ERR_RANGE (22003) for numbers that do not fit,
 * FR_ERR_LIMIT (54000) for absurdly long input.
 */
extern bool fr_indicator_parse(const char *s, size_t len, FrIndicator *out,
							   FrError *err);

/*
 * Parse a unit as the indicator parser does (through its small cache of
 * recent units): the loader of values 0.1.0 stored re-derives their unit
 * with it.
 */
extern bool fr_indicator_unit_parse(const char *s, size_t len, FrUnit *u,
									char *canon, FrError *err);

/* The bounds a tolerance means (absolute, or relative to the nominal). */
extern bool fr_tolerance_bounds(const FrIndicator *v, FrDec *lo, FrDec *hi,
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
