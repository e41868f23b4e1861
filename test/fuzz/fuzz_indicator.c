/*
 * fuzz_indicator.c — libFuzzer target for the indicator parser.
 * Input is normalised first, as the type input does.  Properties:
 *   - never crashes, never reads out of bounds;
 *   - a parsed value passes fr_indicator_check (what binary input demands);
 *   - canonical output reads back to an equal value whose output is
 *     byte-identical (output is a fixed point);
 *   - the Chinese ('zh') output reads back to an equal value;
 *   - the order is reflexive and <@ holds both ways for the round trip;
 *   - input "A|B" (0.2.0): both halves are parsed and, when both are
 *     values, the order is antisymmetric, 0 only for equal values, and
 *     compare(), <@ and && agree (mirror images both ways, containment
 *     both ways exactly for "equal", a contained value overlaps, a disjoint
 *     pair does not, = implies "equal");
 *   - a sampling plan accepts n results all at m (satisfies_results);
 *   - the abbreviated sort keys never contradict the order (a before b
 *     implies key(a) <= key(b)), and equal values have equal keys.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "core/error.h"
#include "core/indicator_abbrev.h"
#include "core/indicator_cmp.h"
#include "core/indicator_parse.h"
#include "core/normalize.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
reread(const FrIndicator *v, FrIndStyle style)
{
	char		out[FR_IND_OUTSZ];
	char		again[FR_IND_OUTSZ];
	char	   *norm;
	size_t		normlen;
	FrIndicator w;
	FrError		err;
	size_t		n = fr_indicator_format(v, style, out);

	fr_error_init(&err);
	if (!fr_normalize(out, n, arena_alloc, &norm, &normlen, &err))
		abort();
	if (!fr_indicator_parse(norm, normlen, &w, &err))
		abort();				/* output must be valid input */
	if (fr_ind_order(v, &w) != 0 || !fr_ind_equal(v, &w) ||
		!fr_ind_contained(v, &w) || !fr_ind_contained(&w, v))
		abort();				/* and read back equal */
	if (style == FR_IND_STYLE_CANONICAL)
	{
		fr_indicator_format(&w, style, again);
		if (strcmp(out, again) != 0)
			abort();			/* canonical output is a fixed point */
	}
}

static FrIndRelation
mirror(FrIndRelation r)
{
	return r == FR_REL_STRICTER ? FR_REL_LOOSER : r == FR_REL_LOOSER ? FR_REL_STRICTER : r;
}

static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

/* a normalised and parsed half of the input, or false */
static bool
parse_part(const uint8_t *data, size_t size, FrIndicator *v)
{
	FrError		err;
	char	   *norm;
	size_t		normlen;

	fr_error_init(&err);
	return fr_normalize((const char *) data, size, arena_alloc, &norm, &normlen, &err) &&
		fr_indicator_parse(norm, normlen, v, &err);
}

static void
pair(const FrIndicator *a, const FrIndicator *b)
{
	FrIndRelation r,
				rr;
	bool		ab,
				ba;

	if (sign(fr_ind_order(a, b)) != -sign(fr_ind_order(b, a)))
		abort();				/* antisymmetric */
	if ((fr_ind_order(a, b) == 0) != fr_ind_equal(a, b))
		abort();
	if ((fr_ind_order(a, b) < 0 && fr_ind_abbrev(a) > fr_ind_abbrev(b)) ||
		(fr_ind_order(a, b) > 0 && fr_ind_abbrev(a) < fr_ind_abbrev(b)) ||
		(fr_ind_order(a, b) == 0 && fr_ind_abbrev(a) != fr_ind_abbrev(b)))
		abort();				/* the sort keys follow the order */
	if (!fr_ind_commensurable(a, b))
	{
		if (fr_ind_relation(a, b) != FR_REL_INCOMPARABLE || fr_ind_order(a, b) == 0)
			abort();
		return;
	}
	r = fr_ind_relation(a, b);
	rr = fr_ind_relation(b, a);
	ab = fr_ind_contained(a, b);
	ba = fr_ind_contained(b, a);
	if (rr != mirror(r) || (ab && ba) != (r == FR_REL_EQUAL) ||
		(r == FR_REL_STRICTER && !(ab && !ba)) || (r == FR_REL_LOOSER && !(ba && !ab)) ||
		(ab && !fr_ind_overlaps(a, b)) || (r == FR_REL_DISJOINT && fr_ind_overlaps(a, b)) ||
		fr_ind_overlaps(a, b) != fr_ind_overlaps(b, a) ||
		(fr_ind_equal(a, b) && r != FR_REL_EQUAL))
		abort();
}

/* n results all at m pass a plan, in both methods */
static void
plan_results(const FrIndicator *v)
{
	FrDec		x[FR_PLAN_MAX_N];
	FrError		err;
	bool		ok;

	if (v->form != FR_IND_PLAN)
		return;
	for (int i = 0; i < v->plan_n; i++)
		x[i] = v->hi;
	for (int rounded = 0; rounded < 2; rounded++)
	{
		fr_error_init(&err);
		if (fr_ind_satisfies_results(x, v->plan_n, v, rounded, &ok, &err) && !ok)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FrError		err;
	char	   *norm;
	size_t		normlen;
	FrIndicator v;

	fr_error_init(&err);
	if (fr_normalize((const char *) data, size, arena_alloc, &norm, &normlen, &err))
	{
		fr_error_init(&err);
		if (fr_indicator_parse(norm, normlen, &v, &err))
		{
			if (!fr_indicator_check(&v, &err))
				abort();
			if (fr_ind_order(&v, &v) != 0 || fr_ind_relation(&v, &v) != FR_REL_EQUAL)
				abort();
			reread(&v, FR_IND_STYLE_CANONICAL);
			reread(&v, FR_IND_STYLE_ZH);
			plan_results(&v);
		}
		else if (err.code == FR_OK || err.detail[0] == '\0' ||
				 !fr_error_is_sentence(err.detail) || !fr_error_is_sentence(err.hint))
			abort();			/* a failure always says why, in sentences */
	}
	/* A|B: a pair */
	{
		const uint8_t *bar = memchr(data, '|', size);
		FrIndicator a,
					b;

		if (bar && parse_part(data, (size_t) (bar - data), &a) &&
			parse_part(bar + 1, size - (size_t) (bar - data) - 1, &b))
			pair(&a, &b);
	}
	arena_reset();
	return 0;
}
