/*
 * units.h — the unit table and the unit parser (backend-free).  The exact
 * algebra of values in these units is in quantity.h.
 *
 * A unit is parsed into a product of powers of base dimensions with an
 * exact scale factor to the coherent base unit (and, for a lone temperature
 * unit, an offset), so that values in different units compare exactly:
 * ≤0.05 % = ≤500 mg/kg = ≤0.5 g/kg = ≤500 ppm; 1 kW·h = 3.6 MJ;
 * 100 °C = 373.15 K; 0.5 h = 30 min; 1 L = 1000 mL.
 *
 * Dimensions: the seven SI base dimensions, plus "scale" dimensions for
 * units that name a scale rather than a quantity (dB, dB(A), NTU, 度, 级,
 * pH, 倍, %RH) and count units (CFU, MPN, …) which compare only with
 * themselves but still combine (CFU/mL vs CFU/100mL convert).  Fractions
 * are three quantities (0.2.0): mass fractions (mg/kg, g/100g, and by the
 * convention of Chinese product standards a plain %, ‰, ppm, ppb, and a
 * bare number) have dimension 0; volume fractions (mL/L, μL/L, %vol, a
 * ratio of volumes) a dimension of their own; mass concentrations (mg/L,
 * g/100mL) are M·L⁻³.
 *
 * The table lives in C, never in a SQL table: type input must not depend on
 * table contents.
 */
#ifndef FR_UNITS_H
#define FR_UNITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/decimal.h"
#include "core/error.h"

/* number of dimension slots (SI 7 + scale/count dimensions + spare) */
#define FR_UNIT_NDIM 16
/* longest unit text kept (bytes, UTF-8, NUL included) */
#define FR_UNIT_MAXLEN 64

/*
 * Exact factor num/den × 10^exp10 (num, den > 0, reduced, neither divisible
 * by 10 after moving powers of ten into exp10 — implementation's choice, as
 * long as equal factors compare equal through the functions below).
 */
typedef struct FrFactor
{
	int64_t		num;
	int64_t		den;
	int32_t		exp10;
} FrFactor;

/*
 * A parsed unit.  Plain old data, fixed size, no pointers: it may be copied
 * into a datum as is.  value_in_base = value × factor + offset.
 */
typedef struct FrUnit
{
	int8_t		dim[FR_UNIT_NDIM];	/* exponent per dimension */
	FrFactor	factor;
	FrDec		offset;			/* only lone temperature units: °C → +273.15 */
	bool		has_offset;
} FrUnit;

/*
 * Parse a unit at s[0..len) (already normalised text, see normalize.h).
 * The whole span must be a unit; len == 0 is the dimensionless unit "".
 * Compound units: "/", "·", "*", "." as product, "^n" / trailing digits as
 * powers ("m^2", "m2", "s^-1"), numeric factors ("kW·h/24h", "MPN/100mL"),
 * parentheses where needed ("W/(m·K)").  Inside a compound, a temperature
 * unit means a temperature difference (°C acts as K, no offset).
 * On success writes the unit and its canonical spelling into canon
 * (capacity FR_UNIT_MAXLEN): the unit as written, spaces removed,
 * "*" and "." as "·", powers as superscripts ("m²", "s⁻¹"), micro as "μ".
 * An unknown unit is FR_ERR_SYNTAX with the position and a hint naming
 * close units or pointing at frontrunner.units().
 */
extern bool fr_unit_parse(const char *s, size_t len, FrUnit *u,
						  char *canon, FrError *err);

/* The three fractions (and none): what a unit's dimension says it is. */
typedef enum FrFraction
{
	FR_FRAC_NONE = 0,
	FR_FRAC_MASS = 1,			/* mg/kg, %, a bare number: dimension 0 */
	FR_FRAC_VOLUME = 2,			/* mL/L, %vol */
	FR_FRAC_CONCENTRATION = 3	/* mg/L, g/100mL: M·L⁻³ */
} FrFraction;

extern FrFraction fr_unit_fraction(const FrUnit *u);

/*
 * Apply a fraction qualifier (% (V/V), % (m/V), %(质量分数)) to a unit
 * parsed with canonical spelling canon: a plain ratio (%, ‰, ‱, ppm, ppb)
 * becomes that fraction (1 % (m/V) = 1 g/100 mL); any other unit must
 * already be one (mL/L (V/V) is fine, mg/kg (V/V) is FR_ERR_SYNTAX).
 */
extern bool fr_unit_apply_fraction(FrUnit *u, const char *canon, FrFraction q,
								   FrError *err);

/* Same dimension vector (commensurable)? */
extern bool fr_unit_commensurable(const FrUnit *a, const FrUnit *b);

/* Same unit exactly (dimension, factor and offset): values compare as is. */
extern bool fr_unit_identical(const FrUnit *a, const FrUnit *b);

/* Same factor and offset, whatever the dimension. */
extern bool fr_unit_same_scale(const FrUnit *a, const FrUnit *b);

/*
 * Human-readable dimension for error messages: "mass concentration
 * (M·L⁻³)", "dimensionless ratio", "dB", … into buf (FR_UNIT_MAXLEN * 2).
 */
extern void fr_unit_dimension_text(const FrUnit *u, char *buf, size_t cap);

/* The unit table, for frontrunner.units() and the README list. */
typedef struct FrUnitInfo
{
	const char *symbol;			/* "mg/kg", "kW·h", "℃", … */
	const char *name;			/* "milligram per kilogram" */
	const char *kind;			/* "mass fraction", "energy", "scale", … */
	bool		prefixable;		/* takes SI prefixes */
} FrUnitInfo;

extern int	fr_unit_table_size(void);
extern const FrUnitInfo *fr_unit_table_entry(int i);

/* The SI prefixes the prefixable symbols take ("k", "μ", "u", "da", …). */
extern int	fr_unit_prefix_count(void);
extern bool fr_unit_prefix_entry(int i, const char **symbol,
								 const char **name, int *exp10);

/* k in superscript digits ("⁻³") into buf (cap bytes); returns the length */
extern size_t fr_superscript_int(int k, char *buf, size_t cap);

/* largest |exp10| of a unit's factor (Ym³ is 10^72) */
#define FR_UNIT_MAX_EXP10 90

#endif							/* FR_UNITS_H */
