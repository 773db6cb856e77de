/* Error-free transformations and exact rounding helpers on vd (double) lanes,
 * for kernels whose float result must be correctly rounded.  Written against
 * the vec layer only (include after simd/vec/<isa>.h).
 *
 * The idea used throughout: compute a 53-bit value q that is a faithful
 * approximation of the exact result v (no double lies strictly between q and
 * v), plus the exact sign of v - q; rounding q to odd with that sign gives
 * RO53(v), and converting RO53(v) to float (round to nearest) is the correctly
 * rounded float of v because 53 >= 24 + 2 (Boldo & Melquiond, "When double
 * rounding is odd", 2005; it also holds for the fixed subnormal grid). */
#ifndef SIMDACT_MATH_EXACT_H
#define SIMDACT_MATH_EXACT_H

/* Fast2Sum (Dekker): *s + *e == a + b exactly, *s = RN(a + b).  Requires
 * exponent(a) >= exponent(b) (|a| >= |b| suffices) or a == 0, and no overflow. */
static inline void vd_fast2sum(vd a, vd b, vd *s, vd *e) {
  vd sum = vd_add(a, b);
  *s = sum;
  *e = vd_sub(b, vd_sub(sum, a));
}

/* TwoSum (Knuth, Moller): *s + *e == a + b exactly for any order of a and b. */
static inline void vd_two_sum(vd a, vd b, vd *s, vd *e) {
  vd sum = vd_add(a, b);
  vd bb = vd_sub(sum, a);
  *s = sum;
  *e = vd_add(vd_sub(a, vd_sub(sum, bb)), vd_sub(b, bb));
}

/* Round to odd at 53 bits.  q is a faithful double approximation of an exact
 * value v (q != 0 when v != 0, |q| normal), and r has the sign of v - q and is
 * zero exactly when v == q.  Returns RO53(v): q itself when it is exact or
 * odd, else the neighbour of q on v's side, which is odd.
 *   away from zero:  q | 1 (q even, so this adds one ulp to the magnitude)
 *   toward zero:     RN(q * (1 - 2^-53)), the exact predecessor in magnitude
 *                    of a normal double, including at a power of two where
 *                    the spacing below is half the spacing above. */
static inline vd vd_round_odd(vd q, vd r) {
  const vd zero = vd_set1(0.0), lsb = vd_from_bits(1);
  vdm even = vd_eq(vd_and(q, lsb), zero); /* the AND is +0 or the subnormal 2^-1074 */
  vdm inexact = vd_ne(r, zero);
  vdm toward_zero = vdm_xor(vd_gt(r, zero), vd_gt(q, zero));
  vd moved = vd_select(toward_zero, vd_mul(q, vd_set1(0x1.fffffffffffffp-1)), vd_or(q, lsb));
  return vd_select(vdm_and(even, inexact), moved, q);
}

/* RO53((s + e) / 6) for a double-double s + e (|e| <= ulp(s)/2, as Fast2Sum
 * and TwoSum give) with 2^-900 < |s| < 2^900 or s == e == 0.
 *
 *   q0 = RN(s * c), c = RN(1/6):  |q0 - s/6| < 1.5 ulp(q0).
 *   6 q0 = p + pe exactly (Fast2Sum of 4 q0 and 2 q0; both products exact).
 *   A = (s - p) - pe: s - p is exact (Sterbenz: p and s agree to 2^-50), and
 *     A = s - 6 q0 is a multiple of ulp(q0)/2 below 2^5 ulp(q0): exact.
 *   The exact remainder is A + e = (s + e) - 6 q0, so v = q0 + (A + e)/6.
 *   q = RN(q0 + RN(RN(A + e) * c)): the correction term is off by less than
 *     2^-40 ulp(q0), so q is faithful (and q == v when v is a double).
 *   d = q - q0 is exact (Sterbenz) and a few ulps, so 6d and A - 6d are exact;
 *     RN((A - 6d) + e) has the exact sign of (s + e) - 6q, zero iff exact. */
static inline vd vd_dd_div6_odd(vd s, vd e) {
  const vd c = vd_set1(1.0 / 6.0); /* RN(1/6), from the compiler's correctly rounded division */
  vd q0 = vd_mul(s, c);
  vd p, pe;
  vd_fast2sum(vd_mul(q0, vd_set1(4.0)), vd_add(q0, q0), &p, &pe);
  vd a = vd_sub(vd_sub(s, p), pe);
  vd q = vd_add(q0, vd_mul(vd_add(a, e), c));
  vd d = vd_sub(q, q0);
  vd r = vd_add(vd_sub(a, vd_mul(d, vd_set1(6.0))), e);
  return vd_round_odd(q, r);
}

#endif
