/*
 * indicator_basis.h — the basis a requirement is expressed on (0.2.0),
 * backend-free: the qualifiers real standards print in parentheses after
 * the unit.
 *
 *   species    以X计 (X an element, ion or compound: 以Pb计, 以CaCO₃计,
 *              以P₂O₅计, 以脂肪酸计): which species the number counts.
 *              Values on different species are incomparable; a value
 *              without one is compatible with any (the species is usually
 *              printed in the indicator's name, 铅(以Pb计)).
 *   sample     以干基计 (dry matter), 以脂肪计 (on fat), 以鲜重计 / 以湿基计
 *              (as received), 按100%酒精度折算 (per litre of pure ethanol,
 *              GB 2757): what the number is a fraction of.  None means as
 *              received; different sample bases are incomparable.
 *   fraction   质量分数, 体积分数, m/m, V/V, m/V: which of the three
 *              fractions a plain % is (units.h, FrFraction).
 *
 * Spellings are kept as written (for the output) by their number in one
 * table; the numbers are stored on disk, so the table only ever grows at
 * its end.
 */
#ifndef FR_INDICATOR_BASIS_H
#define FR_INDICATOR_BASIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/units.h"

/* room for a species as written (UTF-8, NUL included) */
#define FR_SPECIES_MAXLEN 40

typedef enum FrSample
{
	FR_SAMPLE_NONE = 0,			/* as received, by default */
	FR_SAMPLE_DRY = 1,			/* 以干基计: dry matter */
	FR_SAMPLE_FAT = 2,			/* 以脂肪计: on the fat */
	FR_SAMPLE_FRESH = 3,		/* 以鲜重计, 以湿基计: as received, said so */
	FR_SAMPLE_ETHANOL = 4		/* 按100%酒精度折算: per pure ethanol */
} FrSample;

typedef enum FrQualKind
{
	FR_QUAL_FRACTION = 1,
	FR_QUAL_SAMPLE = 2,
	FR_QUAL_SPECIES = 3
} FrQualKind;

/* one qualifier, as read from the text */
typedef struct FrQualifier
{
	FrQualKind	kind;
	uint8_t		spelling;		/* FRACTION, SAMPLE: its number in the table */
	char		species[FR_SPECIES_MAXLEN];	/* SPECIES: X of 以X计 */
} FrQualifier;

/*
 * Read one qualifier item s[0..len) (no parentheses, trimmed).  False when
 * it is none we know; *why then holds a clause for the message ("… is not a
 * chemical species") or "".
 */
extern bool fr_qualifier_read(const char *s, size_t len, FrQualifier *q,
							  const char **why);

/* the spelling of a fraction or sample qualifier number ("" when unknown) */
extern const char *fr_qualifier_spelling(FrQualKind kind, uint8_t spelling);

/* what a spelling means (FR_FRAC_NONE / FR_SAMPLE_NONE when unknown) */
extern FrFraction fr_fraction_of(uint8_t spelling);
extern FrSample fr_sample_of(uint8_t spelling);

/* the name of a sample basis for SQL: dry, fat, as received, pure ethanol */
extern const char *fr_sample_name(FrSample s);

/* the name of a fraction for SQL: mass, volume, concentration */
extern const char *fr_fraction_name(FrFraction f);

/* Is X (of 以X计) a species we accept: a chemical formula or name? */
extern bool fr_species_valid(const char *x, size_t len);

/*
 * The key two species are compared by: the formula as written, a Chinese
 * element name as its symbol (以氮计 = 以N计).  Writes into key
 * (FR_SPECIES_MAXLEN).
 */
extern void fr_species_key(const char *species, char *key);

/*
 * Are two bases compatible (may their values be compared)?  Species: equal
 * keys, or one absent.  Sample: the same, as received (none) being the
 * same as 以鲜重计.
 */
extern bool fr_basis_compatible(const char *species_a, uint8_t sample_a,
								const char *species_b, uint8_t sample_b);

/* the qualifiers a message lists as known (one sentence) */
#define FR_QUALIFIER_HINT \
	"A qualifier in parentheses after the unit is a basis (以Pb计, 以CaCO3计: the species counted; " \
	"以干基计, 以脂肪计, 以鲜重计, 按100%酒精度折算: what the number is a fraction of) or a fraction " \
	"(质量分数, 体积分数, m/m, V/V, m/V); write any other condition in the indicator's name."

#endif							/* FR_INDICATOR_BASIS_H */
