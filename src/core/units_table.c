/*
 * units_table.c — the unit table: symbols, SI prefixes, common compound
 * units (for the documentation list) and names of dimensions.
 *
 * Exact by construction: each symbol is worth num/den × 10^exp10 coherent
 * base units (kg, m, s, A, K, mol, cd; degree for plane angles; one count
 * or one step of a scale), so no conversion ever goes through floating
 * point.  The table lives in C, never in SQL: type input must not depend on
 * table contents.  Backend-free.
 */
#include "core/units_int.h"

#define D(slot)		[FR_DIM_##slot]

/* a symbol: spelling, canonical spelling, name, kind, prefixable, value */
#define ATOM(sym, canon, name, kind, pfx, num, den, e10, ...) \
	{ {sym, name, kind, pfx}, canon, {__VA_ARGS__}, 0, num, den, e10, false, {0, 0} }
#define SCALE(sym, canon, name, id) \
	{ {sym, name, "scale", false}, canon, {0}, id, 1, 1, 0, false, {0, 0} }
/* a plain ratio 10^e10 (a mass fraction by convention) */
#define RATIO(sym, name, e10) \
	ATOM(sym, sym, name, "mass fraction (plain ratio)", false, 1, 1, e10, 0)
/* an SI base unit, prefixable, worth 10^e10 of its coherent unit */
#define BASE(sym, name, kind, e10, slot) \
	ATOM(sym, sym, name, kind, true, 1, 1, e10, D(slot) = 1)

const FrAtom fr_atoms[] = {
	/*
	 * Plain ratios: by the convention of Chinese product standards a plain
	 * %, ‰, ppm or ppb is a mass fraction (the dimension of mg/kg and of a
	 * plain number); a volume fraction is written %vol, mL/L or % (V/V).
	 */
	RATIO("%", "percent (1/100)", -2),
	RATIO("‰", "per mille (1/1000)", -3),
	RATIO("‱", "per ten thousand (1/10000)", -4),
	RATIO("ppm", "parts per million (10^-6)", -6),
	RATIO("ppb", "parts per billion (10^-9)", -9),
	ATOM("%vol", "%vol", "percent by volume, alcoholic strength (1/100)", "volume fraction", false, 1, 1, -2, D(VFRAC) = 1),
	SCALE("%RH", "%RH", "percent relative humidity (a scale of its own)", FR_SCALE_RH),

	/* SI base units (the kilogram through the gram) */
	BASE("m", "metre", "length", 0, L),
	BASE("g", "gram", "mass", -3, M),
	BASE("s", "second", "time", 0, T),
	BASE("A", "ampere", "electric current", 0, I),
	BASE("K", "kelvin", "temperature", 0, TH),
	BASE("mol", "mole", "amount of substance", 0, N),
	BASE("cd", "candela", "luminous intensity", 0, J),

	/* units accepted for use with the SI */
	ATOM("t", "t", "tonne (1000 kg)", "mass", false, 1, 1, 3, D(M) = 1),
	ATOM("L", "L", "litre (dm³)", "volume", true, 1, 1, -3, D(L) = 3),
	ATOM("l", "l", "litre (dm³, lower-case symbol)", "volume", true, 1, 1, -3, D(L) = 3),
	ATOM("ha", "ha", "hectare (10000 m²)", "area", false, 1, 1, 4, D(L) = 2),
	ATOM("min", "min", "minute (60 s)", "time", false, 6, 1, 1, D(T) = 1),
	ATOM("h", "h", "hour (3600 s)", "time", false, 36, 1, 2, D(T) = 1),
	ATOM("d", "d", "day (86400 s)", "time", false, 864, 1, 2, D(T) = 1),
	ATOM("a", "a", "year (365 d)", "time", false, 31536, 1, 3, D(T) = 1),
	ATOM("年", "年", "year (365 d)", "time", false, 31536, 1, 3, D(T) = 1),

	/* temperature: °C alone is a point on the scale (offset 273.15 K);
	 * inside a compound unit it is a difference (°C/min = K/min) */
	{{"°C", "degree Celsius (K - 273.15)", "temperature", false}, "°C",
	{D(TH) = 1}, 0, 1, 1, 0, true, {27315, 2}},
	{{"oC", "degree Celsius (ASCII spelling of °C)", "temperature", false}, "°C",
	{D(TH) = 1}, 0, 1, 1, 0, true, {27315, 2}},

	/* SI derived units */
	ATOM("Hz", "Hz", "hertz (s⁻¹)", "frequency", true, 1, 1, 0, D(T) = -1),
	ATOM("N", "N", "newton (kg·m·s⁻²)", "force", true, 1, 1, 0, D(L) = 1, D(M) = 1, D(T) = -2),
	ATOM("Pa", "Pa", "pascal (N/m²)", "pressure", true, 1, 1, 0, D(L) = -1, D(M) = 1, D(T) = -2),
	ATOM("bar", "bar", "bar (100000 Pa)", "pressure", true, 1, 1, 5, D(L) = -1, D(M) = 1, D(T) = -2),
	ATOM("atm", "atm", "standard atmosphere (101325 Pa)", "pressure", false, 101325, 1, 0, D(L) = -1, D(M) = 1, D(T) = -2),
	ATOM("mmHg", "mmHg", "millimetre of mercury (133.322387415 Pa)", "pressure", false, 133322387415LL, 1, -9, D(L) = -1, D(M) = 1, D(T) = -2),
	ATOM("J", "J", "joule (N·m)", "energy", true, 1, 1, 0, D(L) = 2, D(M) = 1, D(T) = -2),
	ATOM("Wh", "Wh", "watt hour (3600 J)", "energy", true, 36, 1, 2, D(L) = 2, D(M) = 1, D(T) = -2),
	ATOM("cal", "cal", "thermochemical calorie (4.184 J)", "energy", true, 4184, 1, -3, D(L) = 2, D(M) = 1, D(T) = -2),
	ATOM("W", "W", "watt (J/s)", "power", true, 1, 1, 0, D(L) = 2, D(M) = 1, D(T) = -3),
	ATOM("VA", "VA", "volt-ampere (apparent power, W)", "power", true, 1, 1, 0, D(L) = 2, D(M) = 1, D(T) = -3),
	ATOM("V", "V", "volt (W/A)", "voltage", true, 1, 1, 0, D(L) = 2, D(M) = 1, D(T) = -3, D(I) = -1),
	ATOM("Ω", "Ω", "ohm (V/A)", "electric resistance", true, 1, 1, 0, D(L) = 2, D(M) = 1, D(T) = -3, D(I) = -2),
	ATOM("S", "S", "siemens (A/V)", "electric conductance", true, 1, 1, 0, D(L) = -2, D(M) = -1, D(T) = 3, D(I) = 2),
	ATOM("Ah", "Ah", "ampere hour (3600 A·s)", "electric charge", true, 36, 1, 2, D(T) = 1, D(I) = 1),
	ATOM("lm", "lm", "lumen (cd·sr)", "luminous flux", true, 1, 1, 0, D(J) = 1),
	ATOM("lx", "lx", "lux (lm/m²)", "illuminance", true, 1, 1, 0, D(L) = -2, D(J) = 1),
	ATOM("Bq", "Bq", "becquerel (s⁻¹)", "activity", true, 1, 1, 0, D(T) = -1),
	ATOM("Gy", "Gy", "gray (J/kg)", "absorbed dose", true, 1, 1, 0, D(L) = 2, D(T) = -2),
	ATOM("Sv", "Sv", "sievert (J/kg)", "equivalent dose", true, 1, 1, 0, D(L) = 2, D(T) = -2),

	/* plane angle: the degree is the coherent unit (the radian needs π) */
	ATOM("°", "°", "degree of arc", "plane angle", false, 1, 1, 0, D(ANG) = 1),
	ATOM("r", "r", "revolution (360°)", "plane angle", false, 36, 1, 1, D(ANG) = 1),
	ATOM("rpm", "rpm", "revolutions per minute (r/min)", "rotational speed", false, 6, 1, 0, D(ANG) = 1, D(T) = -1),

	/* counts: compare only with the same count, combine with SI units */
	ATOM("CFU", "CFU", "colony-forming unit", "count", false, 1, 1, 0, D(CFU) = 1),
	ATOM("cfu", "CFU", "colony-forming unit (lower-case spelling, read as CFU)", "count", false, 1, 1, 0, D(CFU) = 1),
	ATOM("MPN", "MPN", "most probable number", "count", false, 1, 1, 0, D(MPN) = 1),
	ATOM("mpn", "MPN", "most probable number (lower-case spelling, read as MPN)", "count", false, 1, 1, 0, D(MPN) = 1),
	ATOM("个", "个", "piece (个)", "count", false, 1, 1, 0, D(PCS) = 1),
	ATOM("次", "次", "times, cycles (次)", "count", false, 1, 1, 0, D(CYC) = 1),

	/* scales: names of scales, each its own dimension */
	SCALE("dB", "dB", "decibel", FR_SCALE_DB),
	SCALE("dB(A)", "dB(A)", "A-weighted decibel", FR_SCALE_DBA),
	SCALE("dBA", "dB(A)", "A-weighted decibel (spelling of dB(A))", FR_SCALE_DBA),
	SCALE("dB(C)", "dB(C)", "C-weighted decibel", FR_SCALE_DBC),
	SCALE("NTU", "NTU", "nephelometric turbidity unit", FR_SCALE_NTU),
	SCALE("度", "度", "degree of a named scale (colour, hardness, …)", FR_SCALE_DU),
	SCALE("级", "级", "grade, class (级)", FR_SCALE_JI),
	SCALE("pH", "pH", "pH value", FR_SCALE_PH),
	SCALE("倍", "倍", "times, dilution factor (倍)", FR_SCALE_BEI),
};
const int	fr_natoms = sizeof(fr_atoms) / sizeof(fr_atoms[0]);

const FrPrefix fr_prefixes[] = {
	{"Y", "Y", "yotta", 24},
	{"Z", "Z", "zetta", 21},
	{"E", "E", "exa", 18},
	{"P", "P", "peta", 15},
	{"T", "T", "tera", 12},
	{"G", "G", "giga", 9},
	{"M", "M", "mega", 6},
	{"k", "k", "kilo", 3},
	{"h", "h", "hecto", 2},
	{"da", "da", "deca", 1},
	{"d", "d", "deci", -1},
	{"c", "c", "centi", -2},
	{"m", "m", "milli", -3},
	{"μ", "μ", "micro", -6},
	{"µ", "μ", "micro (micro sign, read as μ)", -6},
	{"u", "μ", "micro (ASCII spelling, read as μ)", -6},
	{"n", "n", "nano", -9},
	{"p", "p", "pico", -12},
	{"f", "f", "femto", -15},
	{"a", "a", "atto", -18},
	{"z", "z", "zepto", -21},
	{"y", "y", "yocto", -24},
};
const int	fr_nprefixes = sizeof(fr_prefixes) / sizeof(fr_prefixes[0]);

/* compound units common in Chinese product standards (documentation) */
const FrUnitInfo fr_compounds[] = {
	{"mg/kg", "milligram per kilogram", "mass fraction", false},
	{"μg/kg", "microgram per kilogram", "mass fraction", false},
	{"g/kg", "gram per kilogram", "mass fraction", false},
	{"g/100g", "gram per 100 grams", "mass fraction", false},
	{"mg/100g", "milligram per 100 grams", "mass fraction", false},
	{"mL/L", "millilitre per litre", "volume fraction", false},
	{"μL/L", "microlitre per litre", "volume fraction", false},
	{"mL/100mL", "millilitre per 100 millilitres", "volume fraction", false},
	{"g/100mL", "gram per 100 millilitres", "mass concentration", false},
	{"mg/L", "milligram per litre", "mass concentration", false},
	{"μg/L", "microgram per litre", "mass concentration", false},
	{"mg/m³", "milligram per cubic metre", "mass concentration", false},
	{"g/cm³", "gram per cubic centimetre", "density", false},
	{"kg/m³", "kilogram per cubic metre", "density", false},
	{"g/m²", "gram per square metre", "mass per area", false},
	{"mmol/L", "millimole per litre", "amount concentration", false},
	{"CFU/g", "colony-forming units per gram", "count per mass", false},
	{"CFU/mL", "colony-forming units per millilitre", "count per volume", false},
	{"CFU/100mL", "colony-forming units per 100 millilitres", "count per volume", false},
	{"MPN/g", "most probable number per gram", "count per mass", false},
	{"MPN/100g", "most probable number per 100 grams", "count per mass", false},
	{"MPN/100mL", "most probable number per 100 millilitres", "count per volume", false},
	{"kW·h", "kilowatt hour", "energy", false},
	{"kW·h/24h", "kilowatt hours per 24 hours", "power (energy per day)", false},
	{"kW·h/a", "kilowatt hours per year", "power (energy per year)", false},
	{"kJ/100g", "kilojoules per 100 grams", "specific energy", false},
	{"m²", "square metre", "area", false},
	{"m³", "cubic metre", "volume", false},
	{"m³/h", "cubic metres per hour", "volume flow", false},
	{"L/min", "litres per minute", "volume flow", false},
	{"m/s", "metres per second", "velocity", false},
	{"km/h", "kilometres per hour", "velocity", false},
	{"r/min", "revolutions per minute", "rotational speed", false},
	{"N·m", "newton metre", "torque", false},
	{"W/(m·K)", "watts per metre kelvin", "thermal conductivity", false},
	{"W/(m²·K)", "watts per square metre kelvin", "heat transfer coefficient", false},
	{"lm/W", "lumens per watt", "luminous efficacy", false},
	{"cd/m²", "candelas per square metre", "luminance", false},
	{"Bq/L", "becquerels per litre", "activity concentration", false},
	{"Bq/kg", "becquerels per kilogram", "specific activity", false},
	{"μS/cm", "microsiemens per centimetre", "electric conductivity", false},
	{"mSv", "millisievert", "equivalent dose", false},
};
const int	fr_ncompounds = sizeof(fr_compounds) / sizeof(fr_compounds[0]);

/* names of common dimension vectors (the formula is always added) */
#define DN(name, ...)	{ {__VA_ARGS__}, name }
const FrDimName fr_dim_names[] = {
	DN("length", D(L) = 1),
	DN("area", D(L) = 2),
	DN("volume", D(L) = 3),
	DN("mass", D(M) = 1),
	DN("time", D(T) = 1),
	DN("electric current", D(I) = 1),
	DN("temperature", D(TH) = 1),
	DN("amount of substance", D(N) = 1),
	DN("luminous intensity or flux", D(J) = 1),
	DN("plane angle", D(ANG) = 1),
	DN("frequency or activity", D(T) = -1),
	DN("velocity", D(L) = 1, D(T) = -1),
	DN("acceleration", D(L) = 1, D(T) = -2),
	DN("rotational speed", D(ANG) = 1, D(T) = -1),
	DN("mass concentration or density", D(M) = 1, D(L) = -3),
	DN("mass per area", D(M) = 1, D(L) = -2),
	DN("mass per length", D(M) = 1, D(L) = -1),
	DN("volume flow", D(L) = 3, D(T) = -1),
	DN("mass flow", D(M) = 1, D(T) = -1),
	DN("force", D(L) = 1, D(M) = 1, D(T) = -2),
	DN("pressure", D(L) = -1, D(M) = 1, D(T) = -2),
	DN("energy or torque", D(L) = 2, D(M) = 1, D(T) = -2),
	DN("power", D(L) = 2, D(M) = 1, D(T) = -3),
	DN("electric charge", D(T) = 1, D(I) = 1),
	DN("voltage", D(L) = 2, D(M) = 1, D(T) = -3, D(I) = -1),
	DN("electric resistance", D(L) = 2, D(M) = 1, D(T) = -3, D(I) = -2),
	DN("electric conductance", D(L) = -2, D(M) = -1, D(T) = 3, D(I) = 2),
	DN("electric conductivity", D(L) = -3, D(M) = -1, D(T) = 3, D(I) = 2),
	DN("amount concentration", D(N) = 1, D(L) = -3),
	DN("amount per mass", D(N) = 1, D(M) = -1),
	DN("illuminance or luminance", D(J) = 1, D(L) = -2),
	DN("luminous efficacy", D(J) = 1, D(L) = -2, D(M) = -1, D(T) = 3),
	DN("specific energy or dose", D(L) = 2, D(T) = -2),
	DN("activity concentration", D(T) = -1, D(L) = -3),
	DN("specific activity", D(T) = -1, D(M) = -1),
	DN("thermal conductivity", D(L) = 1, D(M) = 1, D(T) = -3, D(TH) = -1),
	DN("heat transfer coefficient", D(M) = 1, D(T) = -3, D(TH) = -1),
	DN("specific heat capacity", D(L) = 2, D(T) = -2, D(TH) = -1),
	DN("heat flux density or irradiance", D(M) = 1, D(T) = -3),
	DN("rate of temperature change", D(TH) = 1, D(T) = -1),
	DN("colony count", D(CFU) = 1),
	DN("colony count per mass", D(CFU) = 1, D(M) = -1),
	DN("colony count per volume", D(CFU) = 1, D(L) = -3),
	DN("colony count per area", D(CFU) = 1, D(L) = -2),
	DN("most probable number", D(MPN) = 1),
	DN("most probable number per mass", D(MPN) = 1, D(M) = -1),
	DN("most probable number per volume", D(MPN) = 1, D(L) = -3),
	DN("number of pieces", D(PCS) = 1),
	DN("pieces per area", D(PCS) = 1, D(L) = -2),
	DN("pieces per volume", D(PCS) = 1, D(L) = -3),
	DN("pieces per mass", D(PCS) = 1, D(M) = -1),
	DN("number of times", D(CYC) = 1),
	DN("volume fraction", D(VFRAC) = 1),
	DN("times per time", D(CYC) = 1, D(T) = -1),
};
const int	fr_ndim_names = sizeof(fr_dim_names) / sizeof(fr_dim_names[0]);

const char *const fr_dim_symbols[FR_DIM_NBASE] = {
	"L", "M", "T", "I", "Θ", "N", "J", "∠", "CFU", "MPN", "个", "次", "V/V"
};

const char *const fr_scale_symbols[FR_SCALE_COUNT] = {
	"", "dB", "dB(A)", "dB(C)", "NTU", "度", "级", "pH", "倍", "%RH"
};
