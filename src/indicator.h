/*
 * indicator.h — the indicator type in the server: storage and access.
 *
 * Storage (varlena), read with memcpy so that a datum needs no alignment
 * and short (1-byte header) datums are used in place:
 *
 *   FrIndDisk   version, form, flags, unit text length, lower, upper, the
 *               parsed unit (plain data: comparisons never re-parse)
 *   FrIndExt    powers of ten, basis, sampling plan   (version 2, only when
 *               the value has any: flag FR_IND_DISK_EXT)
 *   3 × FrDec   nominal, upper and lower deviation   (tolerance form only)
 *   unit text   canonical spelling, not NUL-terminated
 *   species     as written, not NUL-terminated       (FrIndExt.specieslen)
 *
 * Version 1 is what 0.1.0 wrote: the same without FrIndExt, and its parsed
 * unit from 0.1.0's algebra, where a volume fraction (mL/L, %vol) and %RH
 * were dimensionless.  Such a unit (an all-zero dimension) is re-derived
 * from its text when a version-1 datum is read, so 0.1.0's values read
 * with the same text and compare as 0.2.0 says.  Version 2 is written
 * since 0.2.0.
 */
#ifndef FR_INDICATOR_H
#define FR_INDICATOR_H

#include "postgres.h"

#include "fmgr.h"

#include "compat.h"
#include "core/indicator_parse.h"

#define FR_IND_VERSION 2
#define FR_IND_VERSION_0_1 1

/* storage only: an FrIndExt follows the FrIndDisk */
#define FR_IND_DISK_EXT 0x8000

typedef struct FrIndDisk
{
	uint8		version;
	uint8		form;
	uint16		flags;
	uint16		unitlen;
	uint16		pad;
	FrDec		lo;
	FrDec		hi;
	FrUnit		unit;
} FrIndDisk;

typedef struct FrIndExt
{
	int8		lo_exp;
	int8		hi_exp;
	int8		max_exp;
	uint8		lo_pow;
	uint8		hi_pow;
	uint8		max_pow;
	uint8		fraction_q;
	uint8		sample_q;
	uint16		plan_n;
	uint16		plan_c;
	uint16		specieslen;
	uint16		pad;
	FrDec		plan_max;
} FrIndExt;

/* datum → value (full, with tolerance and unit text) */
extern void fr_ind_load(Datum d, FrIndicator *v);

/* datum → bounds, flags and unit only (what comparisons need) */
extern void fr_ind_load_core(Datum d, FrIndicator *v);

/* value → new varlena */
extern struct varlena *fr_ind_store(const FrIndicator *v);

/* Raise 22023 naming both units when a and b cannot be compared. */
extern void fr_ind_require_commensurable(const FrIndicator *a, const FrIndicator *b);

/* unit text for messages: "mg/kg", "(no unit)", "(any unit: ND)" */
extern const char *fr_ind_unit_label(const FrIndicator *v);

/* the basis for messages: "以Pb计", "以Pb计, 以干基计", "no basis (as received)" */
extern void fr_ind_basis_label(const FrIndicator *v, char *buf, size_t cap);

/* a unit given as a text argument; 22023 when it is not a unit */
extern void fr_ind_parse_unit_arg(text *t, FrUnit *u, char *canon);

/* Raise 22023 when v cannot be expressed in unit u (canonical text canon). */
extern void fr_ind_require_unit(const FrIndicator *v, const FrUnit *u,
								const char *canon);

/*
 * Raise the ERROR an FrError from the compare layer describes: its SQLSTATE,
 * the caller's errmsg (lower case), the FrError's detail and hint.
 */
pg_noreturn extern void fr_ind_raise(const FrError *err, const char *message);

#endif							/* FR_INDICATOR_H */
