/*
 * units_int.h — private to units.c and units_table.c: the layout of the
 * unit table (atoms, prefixes, named dimensions, scale units).
 */
#ifndef FR_UNITS_INT_H
#define FR_UNITS_INT_H

#include "core/units.h"

/*
 * Dimension slots of FrUnit.dim.  0..6 are the SI base dimensions; 7 is
 * plane angle (its coherent unit is the degree: the radian would need π);
 * 8..11 are counts (CFU, MPN, pieces 个, times 次) that combine with the SI
 * dimensions; 12 marks a volume fraction (0.2.0: a ratio of volumes,
 * mL/L, %vol, is not a ratio of masses, mg/kg, %); 13 is spare; 14 holds
 * the id of the one scale unit a unit may contain (dB, NTU, 度, …) and 15
 * its exponent.
 */
enum
{
	FR_DIM_L = 0,				/* length, m */
	FR_DIM_M,					/* mass, kg */
	FR_DIM_T,					/* time, s */
	FR_DIM_I,					/* electric current, A */
	FR_DIM_TH,					/* thermodynamic temperature, K */
	FR_DIM_N,					/* amount of substance, mol */
	FR_DIM_J,					/* luminous intensity, cd */
	FR_DIM_ANG,					/* plane angle, ° */
	FR_DIM_CFU,					/* colony-forming units */
	FR_DIM_MPN,					/* most probable number */
	FR_DIM_PCS,					/* pieces, 个 */
	FR_DIM_CYC,					/* times, cycles, 次 */
	FR_DIM_VFRAC,				/* volume fraction (V/V) */
	FR_DIM_NBASE,				/* number of exponent slots above */
	FR_DIM_SCALE_ID = 14,		/* which scale unit (FrScaleId), 0 = none */
	FR_DIM_SCALE_EXP = 15		/* its exponent */
};

typedef enum FrScaleId
{
	FR_SCALE_NONE = 0,
	FR_SCALE_DB,
	FR_SCALE_DBA,
	FR_SCALE_DBC,
	FR_SCALE_NTU,
	FR_SCALE_DU,				/* 度 */
	FR_SCALE_JI,				/* 级 */
	FR_SCALE_PH,
	FR_SCALE_BEI,				/* 倍 */
	FR_SCALE_RH,				/* %RH, relative humidity (0.2.0) */
	FR_SCALE_COUNT
} FrScaleId;

/*
 * One symbol of the table.  One `symbol` is worth num/den × 10^exp10
 * coherent base units (kg, m, s, A, K, mol, cd, °, one count, one step of
 * its scale), plus `offset` base units for °C.
 */
typedef struct FrAtom
{
	FrUnitInfo	info;			/* symbol as matched, name, kind, prefixable */
	const char *canon;			/* spelling in canonical text (aliases) */
	int8_t		dim[FR_DIM_NBASE];
	int8_t		scale;			/* FrScaleId */
	int64_t		num;
	int64_t		den;
	int32_t		exp10;
	bool		has_offset;
	FrDec		offset;
} FrAtom;

typedef struct FrPrefix
{
	const char *symbol;			/* as matched: "k", "μ", "µ", "u", "da" */
	const char *canon;			/* "μ" for the three micro spellings */
	const char *name;
	int32_t		exp10;
} FrPrefix;

typedef struct FrDimName
{
	int8_t		dim[FR_DIM_NBASE];
	const char *name;
} FrDimName;

extern const FrAtom fr_atoms[];
extern const int fr_natoms;
extern const FrPrefix fr_prefixes[];
extern const int fr_nprefixes;
extern const FrUnitInfo fr_compounds[];
extern const int fr_ncompounds;
extern const FrDimName fr_dim_names[];
extern const int fr_ndim_names;
extern const char *const fr_dim_symbols[FR_DIM_NBASE];
extern const char *const fr_scale_symbols[FR_SCALE_COUNT];

#endif							/* FR_UNITS_INT_H */
