/*
 * indicator_cmp.h — set comparisons of indicators (backend-free core of
 * the compare layer; compare.c and indicator.c put SQL on top of it).
 *
 * Each value is the interval [lower point, upper point] (see
 * indicator_parse.h).  A point is −∞, +∞, or (x, ε) with ε ∈ {−1, 0, +1}:
 * an exclusive upper bound x is (x, −1), an inclusive bound (x, 0), an
 * exclusive lower bound (x, +1), the ND upper bound 0⁺ is (0, +1).  Points
 * compare by value (exactly, across units) then by ε.  Then
 *   a ⊆ b   ⟺  lo(b) ≤ lo(a) and hi(a) ≤ hi(b)
 *   a ∩ b ≠ ∅ ⟺  lo(a) ≤ hi(b) and lo(b) ≤ hi(a)
 *   a = b   ⟺  lo(a) = lo(b) and hi(a) = hi(b)       (same set)
 *
 * 0.2.0: bases and sampling plans.  Values on different bases are not
 * commensurable (a species against another species, one sample basis
 * against another; none is as received and compatible with any species).
 * A sampling plan P = (n, c, m, M) accepts sets of n results; its core is
 * "every sample ≤ m" (what it stores as its interval) and its hull
 * "every sample ≤ M'" (M' = M, m for c = 0, unbounded for a two-class plan
 * with c > 0).  A plain value I is "every sample in I":
 *   P ⊆ I   ⟺  hull(P) ⊆ I          I ⊆ P  ⟺  I ⊆ core(P)
 *   P ∩ I   ⟺  core(P) ∩ I ≠ ∅      P1 ∩ P2 always (all results low)
 *   P1 ⊆ P2 ⟺  same n: m1 ≤ m2, M1' ≤ M2', and c1 ≤ c2 or M1' ≤ m2;
 *              different n: M1' ≤ m2.
 * The btree order and = go beyond the set: the species key, the sample
 * basis (as received said so is not = to nothing said) and the plan's
 * (n, c, M') break ties, so = stays an equivalence and never raises.
 */
#ifndef FR_INDICATOR_CMP_H
#define FR_INDICATOR_CMP_H

#include "core/indicator_parse.h"

typedef enum FrIndRelation
{
	FR_REL_STRICTER,			/* a ⊂ b */
	FR_REL_EQUAL,				/* a = b */
	FR_REL_LOOSER,				/* b ⊂ a */
	FR_REL_OVERLAPPING,			/* neither contains the other, they meet */
	FR_REL_DISJOINT,
	FR_REL_INCOMPARABLE			/* different dimensions */
} FrIndRelation;

/*
 * Can a and b be compared: same dimension (or one is a unit-less ND) and
 * compatible bases?
 */
extern bool fr_ind_commensurable(const FrIndicator *a, const FrIndicator *b);

/* the two halves of it */
extern bool fr_ind_units_commensurable(const FrIndicator *a, const FrIndicator *b);
extern bool fr_ind_basis_compatible(const FrIndicator *a, const FrIndicator *b);

/*
 * Total order used by the btree opclass; never fails.  Values of different
 * dimensions order by their dimension vectors (a unit-less ND first), then
 * by lower point, then by upper point: 0 exactly when the sets are equal.
 */
extern int	fr_ind_order(const FrIndicator *a, const FrIndicator *b);

/* The following require fr_ind_commensurable(a, b). */
extern bool fr_ind_equal(const FrIndicator *a, const FrIndicator *b);
extern bool fr_ind_contained(const FrIndicator *a, const FrIndicator *b);
extern bool fr_ind_overlaps(const FrIndicator *a, const FrIndicator *b);
extern FrIndRelation fr_ind_relation(const FrIndicator *a, const FrIndicator *b);

extern const char *fr_ind_relation_name(FrIndRelation r);

/*
 * GB/T 8170 judgement: is measured within spec?  (A sampling plan is
 * judged on its n results, fr_ind_satisfies_results: FR_ERR_ARGUMENT; a
 * requirement against a requirement is fr_ind_contained.)  rounded = false: the full
 * value is compared (全数值比较法).  rounded = true: each bound of the
 * measured value is first rounded, once and half to even, to the number of
 * decimals of the spec limit it is compared with (修约值比较法); done exactly
 * by comparing with limit ± half a unit of its last digit, so no
 * conversion between units is needed.  Fails (FR_ERR_RANGE) only when a
 * limit has so many digits that limit ± half a digit does not fit.
 */
extern bool fr_ind_satisfies(const FrIndicator *measured, const FrIndicator *spec,
							 bool rounded, bool *result, FrError *err);

/*
 * GB/T 8170 judgement of the n results x[0..n) (in spec's unit) of a spot
 * check: for a sampling plan, none above M' and at most c above m (each
 * result judged with the method); for any other requirement, every
 * result satisfies it.  FR_ERR_ARGUMENT when n is not the plan's n.
 */
extern bool fr_ind_satisfies_results(const FrDec *x, int n, const FrIndicator *spec,
									 bool rounded, bool *result, FrError *err);

/*
 * Compare value x of measured with limit l of spec after rounding x to
 * l's decimals (half to even): -1, 0, +1.
 */
extern bool fr_ind_cmp_rounded(FrDec x, const FrIndicator *measured, FrDec l,
							   const FrIndicator *spec, int *result, FrError *err);

#endif							/* FR_INDICATOR_CMP_H */
