/* hard_sigmoid and hard_swish, tier exact (correctly rounded for every
 * binary32 input).
 *
 *   hard_sigmoid(x) = min(max(x/6 + 1/2, 0), 1) = clamp((x + 3)/6, 0, 1)
 *   hard_swish(x)   = x * hard_sigmoid(x):  x(x + 3)/6 on (-3, 3), x for
 *                     x >= 3, and for x <= -3 the IEEE product x * 0 = -0.
 *
 * Naive float or double formulas round twice (e.g. (x + 3)/6 in double, then
 * to float), and x + 3, x*x + 3x are not exact even in double for tiny |x|.
 * Instead: x is clamped to [-3, 3] in float (NaN becomes -3 there and is put
 * back at the end), the numerator is formed exactly as a double-double (x + 3
 * and 3x + x*x by Fast2Sum: 3x and x*x are exact in double, and the first
 * operand is the larger in magnitude on [-3, 3]), and vd_dd_div6_odd() gives
 * the round-to-odd 53-bit quotient, whose conversion to float is the correctly
 * rounded result (see simd/math/exact.h). */

static inline vd hard_sigmoid_num_div6(vd x) {
  vd s, e;
  vd_fast2sum(vd_set1(3.0), x, &s, &e);
  return vd_dd_div6_odd(s, e);
}

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

/* At x = -3 and x = +-0 the quotient is +0 (clamped x <= -3 included). */
static inline vf hard_sigmoid_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf xc = hard_clamp3(x);
  vf y = vf_from_vd(hard_sigmoid_num_div6(vd_from_vf_lo(xc)),
                    hard_sigmoid_num_div6(vd_from_vf_hi(xc)));
  return vf_select(vf_isnan(x), x, y);
}
SIMDACT_ELEMENTWISE(hard_sigmoid, exact, simdact_noctx, simdact_noprep, hard_sigmoid_body)

/* A zero result takes the sign of x: the double-double numerator is +0 for
 * x = +-0 and for clamped x <= -3, where the answer is x (+-0) or x * 0 = -0;
 * negative x whose result underflows already give -0 and positive x never
 * give 0.  x >= 3 and NaN pass through. */
static inline vf hard_swish_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf xc = hard_clamp3(x);
  vf y = vf_from_vd(hard_swish_num_div6(vd_from_vf_lo(xc)),
                    hard_swish_num_div6(vd_from_vf_hi(xc)));
  y = vf_select(vf_eq(y, vf_zero()), vf_signbit(x), y);
  return vf_select(vm_or(vf_isnan(x), vf_ge(x, vf_set1(3.0f))), x, y);
}
SIMDACT_ELEMENTWISE(hard_swish, exact, simdact_noctx, simdact_noprep, hard_swish_body)
