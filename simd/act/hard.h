/* hard_sigmoid and hard_swish, tier exact (correctly rounded for every
 * binary32 input).
 *
 *   hard_sigmoid(x) = min(max(x/6 + 1/2, 0), 1) = clamp((x + 3)/6, 0, 1)
 *   hard_swish(x)   = x * hard_sigmoid(x):  x(x + 3)/6 on (-3, 3), x for
 *                     x >= 3, and for x <= -3 the IEEE product x * 0 = -0.
 *
 * Naive float formulas, or x/6 + 1/2 in double, round twice.  What works:
 *
 * Division path.  Let N be the numerator x + 3 or x(x + 3), exact in double
 * (x + 3: for |x| >= 2^-28 and |x| < 3; x(x + 3): for 2^-4 <= |x| < 3, where
 * 24 + 29 bits suffice), and q = RN(N/6) in double.  If N/6 is a float
 * rounding boundary M (a float or a midpoint), it has at most 53 bits and
 * q = M exactly, and the conversion to float breaks the tie to even as
 * correct rounding does.  Otherwise |N - 6M| is a nonzero multiple of
 * g = min(lsb(N), lsb(M)) > 2^-53 N, so |N/6 - M| > 2^-53 N/6 >= |q - N/6|:
 * q lies on the same side of every boundary as N/6, and converting q to float
 * is correctly rounded.  For |x| < 2^-28, hard_sigmoid is 1/2 + x/6 with
 * |x/6| < 2^-30, and q, within 2^-51 of it, converts to 1/2 as well.
 *
 * Bracket, for hard_swish with |x| < 2^-4 (N inexact): q is within 2^-51
 * relative of N/6 (three roundings of 2^-53), so q (1 -+ 2^-49) bracket the
 * exact value; when both round to the same float, q does and so does the
 * exact value (rounding is monotone), and that float is the result.
 *
 * Exact path, for the lanes where the bracket straddles a rounding boundary
 * (rare: about 2^-24 of random inputs there): x is clamped to [-3, 3] in
 * float (NaN becomes -3 there and is put back at the end), the numerator is
 * formed exactly as a double-double (3x + x*x by Fast2Sum: 3x and x*x are
 * exact in double, and 3x is the larger on [-3, 3]), and vd_dd_div6_odd()
 * gives the round-to-odd 53-bit quotient, whose conversion to float is the
 * correctly rounded result (see simd/math/exact.h).  Each lane's result
 * depends on that lane alone, so an exhaustive scan covers every path. */

#define HARD_BRACKET 0x1p-49 /* > 3 * 2^-53: see above */

static inline vd hard_swish_num_div6(vd x) {
  vd s, e;
  vd_fast2sum(vd_mul(x, vd_set1(3.0)), vd_mul(x, x), &s, &e);
  return vd_dd_div6_odd(s, e);
}

/* x clamped to [-3, 3]; NaN gives -3 (vf_max returns its second operand when
 * the first is NaN). */
static inline vf hard_clamp3(vf x) {
  return vf_min(vf_max(x, vf_set1(-3.0f)), vf_set1(3.0f));
}

/* RN(N/6) */
static inline vd hard_sigmoid_quotient(vd x) { return vd_div(vd_add(x, vd_set1(3.0)), vd_set1(6.0)); }
static inline vd hard_swish_quotient(vd x) {
  return vd_div(vd_mul(x, vd_add(x, vd_set1(3.0))), vd_set1(6.0));
}

/* At x = -3 the quotient is +0 (clamped x <= -3 included). */
static inline vf hard_sigmoid_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf xc = hard_clamp3(x);
  vf y = vf_from_vd(hard_sigmoid_quotient(vd_from_vf_lo(xc)), hard_sigmoid_quotient(vd_from_vf_hi(xc)));
  return vf_select(vf_isnan(x), x, y);
}
SIMDACT_ELEMENTWISE(hard_sigmoid, exact, simdact_noctx, simdact_noprep, hard_sigmoid_body)

/* A zero result takes the sign of x: the quotient is +-0 for x = +-0 and for
 * clamped x <= -3, where the answer is x (+-0) or x * 0 = -0; negative x
 * whose result underflows already give -0 and positive x never give 0.
 * x >= 3 and NaN pass through. */
static inline vf hard_swish_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf xc = hard_clamp3(x);
  vd lo = vd_from_vf_lo(xc), hi = vd_from_vf_hi(xc);
  vd qlo = hard_swish_quotient(lo), qhi = hard_swish_quotient(hi);
  vf y = vf_from_vd(qlo, qhi);
  vm small = vf_lt(vf_abs(xc), vf_set1(0x1p-4f));
  if (vm_any(small)) {
    const vd below = vd_set1(1.0 - HARD_BRACKET), above = vd_set1(1.0 + HARD_BRACKET);
    vf dn = vf_from_vd(vd_mul(qlo, below), vd_mul(qhi, below));
    vf up = vf_from_vd(vd_mul(qlo, above), vd_mul(qhi, above));
    vm sure = vm_or(vm_not(small), vf_eq(dn, up));
    if (!vm_all(sure))
      y = vf_select(sure, y, vf_from_vd(hard_swish_num_div6(lo), hard_swish_num_div6(hi)));
  }
  y = vf_select(vf_eq(y, vf_zero()), vf_signbit(x), y);
  return vf_select(vm_or(vf_isnan(x), vf_ge(x, vf_set1(3.0f))), x, y);
}
SIMDACT_ELEMENTWISE(hard_swish, exact, simdact_noctx, simdact_noprep, hard_swish_body)
