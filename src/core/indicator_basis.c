/*
 * indicator_basis.c — qualifiers and bases of requirements (0.2.0); see
 * indicator_basis.h.  Backend-free.
 */
#include "core/indicator_basis.h"

#include <string.h>

/*
 * Fraction and sample spellings, numbered from 1 in this order.  The
 * numbers are stored on disk: append only, never reorder.
 */
typedef struct Spelling
{
	const char *text;
	FrQualKind	kind;
	int			meaning;		/* FrFraction or FrSample */
} Spelling;

static const Spelling spellings[] = {
	{"质量分数", FR_QUAL_FRACTION, FR_FRAC_MASS},
	{"m/m", FR_QUAL_FRACTION, FR_FRAC_MASS},
	{"w/w", FR_QUAL_FRACTION, FR_FRAC_MASS},
	{"体积分数", FR_QUAL_FRACTION, FR_FRAC_VOLUME},
	{"V/V", FR_QUAL_FRACTION, FR_FRAC_VOLUME},
	{"v/v", FR_QUAL_FRACTION, FR_FRAC_VOLUME},
	{"m/V", FR_QUAL_FRACTION, FR_FRAC_CONCENTRATION},
	{"m/v", FR_QUAL_FRACTION, FR_FRAC_CONCENTRATION},
	{"w/v", FR_QUAL_FRACTION, FR_FRAC_CONCENTRATION},
	{"以干基计", FR_QUAL_SAMPLE, FR_SAMPLE_DRY},
	{"以干物质计", FR_QUAL_SAMPLE, FR_SAMPLE_DRY},
	{"以干重计", FR_QUAL_SAMPLE, FR_SAMPLE_DRY},
	{"干基", FR_QUAL_SAMPLE, FR_SAMPLE_DRY},
	{"干重计", FR_QUAL_SAMPLE, FR_SAMPLE_DRY},
	{"以脂肪计", FR_QUAL_SAMPLE, FR_SAMPLE_FAT},
	{"以鲜重计", FR_QUAL_SAMPLE, FR_SAMPLE_FRESH},
	{"以湿基计", FR_QUAL_SAMPLE, FR_SAMPLE_FRESH},
	{"以湿重计", FR_QUAL_SAMPLE, FR_SAMPLE_FRESH},
	{"按100%酒精度折算", FR_QUAL_SAMPLE, FR_SAMPLE_ETHANOL},
	{"以100%酒精度计", FR_QUAL_SAMPLE, FR_SAMPLE_ETHANOL},
};
#define NSPELLINGS ((int) (sizeof(spellings) / sizeof(spellings[0])))

/* the 118 element symbols */
static const char *const elements[] = {
	"H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S",
	"Cl", "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga",
	"Ge", "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd",
	"Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm",
	"Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os",
	"Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa",
	"U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr", "Rf", "Db", "Sg",
	"Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og", NULL
};

/* Chinese names of the elements standards name in 以X计 */
static const struct
{
	const char *name;
	const char *symbol;
}			element_names[] = {
	{"氢", "H"}, {"硼", "B"}, {"碳", "C"}, {"氮", "N"}, {"氧", "O"}, {"氟", "F"}, {"钠", "Na"},
	{"镁", "Mg"}, {"铝", "Al"}, {"硅", "Si"}, {"磷", "P"}, {"硫", "S"}, {"氯", "Cl"}, {"钾", "K"},
	{"钙", "Ca"}, {"钛", "Ti"}, {"钒", "V"}, {"铬", "Cr"}, {"锰", "Mn"}, {"铁", "Fe"}, {"钴", "Co"},
	{"镍", "Ni"}, {"铜", "Cu"}, {"锌", "Zn"}, {"砷", "As"}, {"硒", "Se"}, {"溴", "Br"}, {"锶", "Sr"},
	{"钼", "Mo"}, {"银", "Ag"}, {"镉", "Cd"}, {"锡", "Sn"}, {"锑", "Sb"}, {"碘", "I"}, {"钡", "Ba"},
	{"钨", "W"}, {"铂", "Pt"}, {"金", "Au"}, {"汞", "Hg"}, {"铊", "Tl"}, {"铅", "Pb"}, {"铋", "Bi"},
	{"铀", "U"}, {"铍", "Be"}, {"锂", "Li"},
};
#define NELEMENT_NAMES ((int) (sizeof(element_names) / sizeof(element_names[0])))

/*
 * Last characters of Chinese names of chemical species (acids, salts,
 * sugars, alcohols, … and the element names above): 脂肪酸, 葡萄糖,
 * 亚硝酸钠, 氨基酸态氮.  A basis like 以冲调后乳汁计 ("as reconstituted
 * milk") ends otherwise and is refused as an unknown qualifier.
 */
static const char *const species_suffixes[] = {
	"酸", "盐", "碱", "糖", "醇", "醛", "酮", "酯", "酚", "胺", "醚", "烷", "烯", "炔", "苯",
	"素", "苷", "铵", NULL
};

/* ---------------------------------------------------------------- spellings */

bool
fr_qualifier_read(const char *s, size_t len, FrQualifier *q, const char **why)
{
	memset(q, 0, sizeof(*q));
	*why = "";
	for (int i = 0; i < NSPELLINGS; i++)
		if (strlen(spellings[i].text) == len && memcmp(spellings[i].text, s, len) == 0)
		{
			q->kind = spellings[i].kind;
			q->spelling = (uint8_t) (i + 1);
			return true;
		}
	/* 以X计 */
	if (len > strlen("以计") && memcmp(s, "以", strlen("以")) == 0 &&
		memcmp(s + len - strlen("计"), "计", strlen("计")) == 0)
	{
		const char *x = s + strlen("以");
		size_t		xl = len - strlen("以") - strlen("计");

		if (xl >= FR_SPECIES_MAXLEN || !fr_species_valid(x, xl))
		{
			*why = "is not a chemical species (an element, ion or compound) nor a sample basis this parser knows";
			return false;
		}
		q->kind = FR_QUAL_SPECIES;
		memcpy(q->species, x, xl);
		q->species[xl] = '\0';
		return true;
	}
	return false;
}

const char *
fr_qualifier_spelling(FrQualKind kind, uint8_t spelling)
{
	if (spelling == 0 || spelling > NSPELLINGS || spellings[spelling - 1].kind != kind)
		return "";
	return spellings[spelling - 1].text;
}

FrFraction
fr_fraction_of(uint8_t spelling)
{
	if (spelling == 0 || spelling > NSPELLINGS || spellings[spelling - 1].kind != FR_QUAL_FRACTION)
		return FR_FRAC_NONE;
	return (FrFraction) spellings[spelling - 1].meaning;
}

FrSample
fr_sample_of(uint8_t spelling)
{
	if (spelling == 0 || spelling > NSPELLINGS || spellings[spelling - 1].kind != FR_QUAL_SAMPLE)
		return FR_SAMPLE_NONE;
	return (FrSample) spellings[spelling - 1].meaning;
}

const char *
fr_sample_name(FrSample s)
{
	switch (s)
	{
		case FR_SAMPLE_DRY:
			return "dry";
		case FR_SAMPLE_FAT:
			return "fat";
		case FR_SAMPLE_FRESH:
			return "as received";
		case FR_SAMPLE_ETHANOL:
			return "pure ethanol";
		case FR_SAMPLE_NONE:
			break;
	}
	return NULL;
}

const char *
fr_fraction_name(FrFraction f)
{
	switch (f)
	{
		case FR_FRAC_MASS:
			return "mass";
		case FR_FRAC_VOLUME:
			return "volume";
		case FR_FRAC_CONCENTRATION:
			return "concentration";
		case FR_FRAC_NONE:
			break;
	}
	return NULL;
}

/* ---------------------------------------------------------------- species */

/* length of the UTF-8 character at s (1 for a broken byte) */
static size_t
u8len(const char *s, size_t avail)
{
	unsigned char c = (unsigned char) s[0];
	size_t		n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

	return n <= avail ? n : 1;
}

static bool
is_cjk(const char *s, size_t n)
{
	unsigned char c0 = (unsigned char) s[0];

	/* U+4E00 .. U+9FFF: E4 B8 80 .. E9 BF BF */
	return n == 3 && c0 >= 0xE4 && c0 <= 0xE9 &&
		!(c0 == 0xE4 && (unsigned char) s[1] < 0xB8);
}

static bool
one_of(const char *s, size_t n, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
			return true;
	return false;
}

static const char *
element_of_name(const char *s, size_t n)
{
	for (int i = 0; i < NELEMENT_NAMES; i++)
		if (strlen(element_names[i].name) == n && memcmp(element_names[i].name, s, n) == 0)
			return element_names[i].symbol;
	return NULL;
}

/* formula := (Element [digits] | "(" formula ")" [digits])+ [charge] */
static bool
formula_valid(const char *x, size_t len)
{
	size_t		i = 0;
	int			depth = 0;
	int			items = 0;

	while (i < len)
	{
		char		c = x[i];

		if (c >= 'A' && c <= 'Z')
		{
			size_t		el = (i + 1 < len && x[i + 1] >= 'a' && x[i + 1] <= 'z') ? 2 : 1;
			char		sym[3] = {0, 0, 0};

			memcpy(sym, x + i, el);
			if (!one_of(sym, el, elements))
			{
				/* a two-letter try failed: the one-letter element, then more */
				if (el == 2 && one_of(sym, 1, elements))
					el = 1;
				else
					return false;
			}
			i += el;
			items++;
		}
		else if (c == '(')
		{
			depth++;
			i++;
		}
		else if (c == ')')
		{
			if (depth-- == 0)
				return false;
			i++;
		}
		else if (c >= '0' && c <= '9')
		{
			if (i == 0 || x[i - 1] == '(')
				return false;
			i++;
		}
		else
			break;
	}
	if (depth != 0 || items == 0)
		return false;
	/* a charge at the end: ^2+, ^-, +, 3- */
	if (i < len && x[i] == '^')
		i++;
	while (i < len && x[i] >= '0' && x[i] <= '9')
		i++;
	if (i < len && (x[i] == '+' || x[i] == '-'))
		i++;
	return i == len;
}

bool
fr_species_valid(const char *x, size_t len)
{
	size_t		i = 0;
	size_t		last = 0;
	size_t		lastlen = 0;
	int			chars = 0;

	if (len == 0)
		return false;
	if ((unsigned char) x[0] < 0x80)
		return formula_valid(x, len);
	/* a Chinese name: CJK characters only */
	while (i < len)
	{
		size_t		n = u8len(x + i, len - i);

		if (!is_cjk(x + i, n))
			return false;
		last = i;
		lastlen = n;
		chars++;
		i += n;
	}
	if (chars == 1)
		return element_of_name(x, len) != NULL;
	return element_of_name(x + last, lastlen) != NULL ||
		one_of(x + last, lastlen, species_suffixes);
}

void
fr_species_key(const char *species, char *key)
{
	const char *sym = element_of_name(species, strlen(species));

	strncpy(key, sym ? sym : species, FR_SPECIES_MAXLEN - 1);
	key[FR_SPECIES_MAXLEN - 1] = '\0';
}

bool
fr_basis_compatible(const char *species_a, uint8_t sample_a,
					const char *species_b, uint8_t sample_b)
{
	FrSample	sa = fr_sample_of(sample_a);
	FrSample	sb = fr_sample_of(sample_b);

	if (sa == FR_SAMPLE_FRESH)
		sa = FR_SAMPLE_NONE;
	if (sb == FR_SAMPLE_FRESH)
		sb = FR_SAMPLE_NONE;
	if (sa != sb)
		return false;
	if (species_a[0] != '\0' && species_b[0] != '\0')
	{
		char		ka[FR_SPECIES_MAXLEN];
		char		kb[FR_SPECIES_MAXLEN];

		fr_species_key(species_a, ka);
		fr_species_key(species_b, kb);
		return strcmp(ka, kb) == 0;
	}
	return true;
}
