/*
 * indicator.h — the indicator type in the server: storage and access.
 *
 * Storage (varlena, version 1), read with memcpy so that a datum needs no
 * alignment and short (1-byte header) datums are used in place:
 *
 *   FrIndDisk   version, form, flags, unit text length, lower, upper, the
 *               parsed unit (plain data: comparisons never re-parse)
 *   3 × FrDec   nominal, upper and lower deviation   (tolerance form only)
 *   unit text   canonical spelling, not NUL-terminated
 */
#ifndef FR_INDICATOR_H
#define FR_INDICATOR_H

#include "postgres.h"

#include "fmgr.h"

#include "compat.h"
#include "core/indicator_parse.h"

#define FR_IND_VERSION 1

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
