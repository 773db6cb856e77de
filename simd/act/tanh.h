/* tanh in three tiers, over simd/math/expm1.h.
 *
 * With z = -2|x| and m = -expm1(z) in [0, 1):  tanh|x| = m / (2 - m), and
 * the sign of x is put back last (so tanh(-0) = -0, NaN stays NaN, +-inf
 * give +-1: z is clamped, m -> 1).  expm1 keeps the relative accuracy for
 * small |x| (r = z exactly when n = 0), so there is no cancellation anywhere
 * and no separate small-|x| branch; subnormal x give x.
 *
 * approx: degree-4 expm1 (2^-15.5), reciprocal estimate (2^-14); on
 *         AVX-512 (VF_FAST_LUT32) a piecewise quadratic instead, on AVX2
 *         an odd rational and one division.
 * u4:     degree-6 expm1 (2^-26), estimate + one Newton step (a division
 *         where VF_FAST_DIV).
 * u1:     expm1 as a double-float (2^-27), 2 - m as a double-float (Fast2Sum),
 *         the double-float quotient of simd/math/ddiv.h, one rounding. */

VEC_INLINE vf tanh_z(vf x) { return vf_or(vf_add(x, x), vf_set1(-0.0f)); } /* -|2x| */
/* |y| with the sign of x */
VEC_INLINE vf tanh_sign(vf y, vf x) { return vf_xor(vf_abs(y), vf_signbit(x)); }

#if VF_FAST_LUT32
/* AVX-512: tanh |x| as a quadratic in |x| per quarter binade, 2^-5 to 8
 * (simd/math/logtab.h; below 2^-5 one piece v (a1 + a2 v)), |x| clamped
 * below 8 (tanh 8 is within 4 ULP of 1), NaN kept by vf_min's operand
 * order.  The piece is >= +0 (+0 at v = 0), so the sign of x is or-ed in:
 * abs, min, max, shift, three vpermt2ps, two FMAs, or. */
static inline vf tanh_approx_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf v = vf_min(vf_set1(0x1.fffffep2f), vf_abs(x));
  sm_lt_piece p = sm_lt_eval(v, 0x1p-5f, sm_lt_tanh_a0, sm_lt_tanh_a1, sm_lt_tanh_a2);
  return vf_or(vf_mla(v, p.q, p.a0), vf_signbit(x));
}
#elif VF_FAST_DIV
/* AVX2: the odd rational x P(x^2) / Q(x^2) of degrees 5 and 4 (no exp):
 * x clamped to +-5.5 (NaN kept by the operand order), two products, four
 * FMAs and one vdivps, relative error 2^-13.5 (simd/math/tanhrat_coeffs.h);
 * zeros keep their sign (x P / Q with Q = 1). */
static inline vf tanh_approx_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf xc = vf_min(vf_set1(SM_TANHR_CLAMP), vf_max(vf_set1(-SM_TANHR_CLAMP), x));
  vf s = vf_mul(xc, xc);
  vf p = vf_mla(vf_mla(vf_set1(SM_TANHR_P2), s, vf_set1(SM_TANHR_P1)), s, vf_set1(SM_TANHR_P0));
  vf q = vf_mla(vf_mla(vf_set1(SM_TANHR_Q2), s, vf_set1(SM_TANHR_Q1)), s, vf_set1(1.0f));
  return vf_div(vf_mul(xc, p), q);
}
#else
static inline vf tanh_approx_body(vf x, const simdact_noctx *c) {
  (void)c;
  sm_expm1_red e = sm_expm1_reduce(tanh_z(x), 0, 0, NULL);
  /* m = (1 - S) - S s, one rounding (S s exact) */
  vf m = vf_mla(vf_neg(e.S), sm_expm1_poly4(e.r), vf_sub(vf_set1(1.0f), e.S));
  vf y = vf_mul(m, vf_rcp14(vf_sub(vf_set1(2.0f), m)));
  return tanh_sign(y, x);
}
#endif

static inline vf tanh_u4_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf one = vf_set1(1.0f);
  sm_expm1_red e = sm_expm1_reduce(tanh_z(x), 1, 1, NULL);
  vf m = vf_mla(vf_neg(e.S), sm_expm1_poly6(e.r), vf_sub(one, e.S));
  vf d = vf_sub(vf_set1(2.0f), m);
#if VF_FAST_DIV
  /* AVX2, AVX-512: one vdivps (its unit runs beside the FMA pipes) instead of
   * rcp14, a Newton step and a product, and the quotient rounded once */
  (void)one;
  return tanh_sign(vf_div(m, d), x);
#else
  vf r = vf_rcp14(d);
  r = vf_mla(vf_mla(vf_neg(d), r, one), r, r);
  return tanh_sign(vf_mul(m, r), x);
#endif
}

static inline vf tanh_u1_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf h, l;
  sm_expm1_u1(tanh_z(x), &h, &l); /* expm1(z) = h + l <= 0 */
  vf two = vf_set1(2.0f);
  vf dh = vf_add(two, h); /* Fast2Sum: 2 > |h| */
  vf dl = vf_add(vf_add(vf_sub(two, dh), h), l);
  vf y = sm_ddiv(vf_neg(h), vf_neg(l), dh, dl);
  /* Below 2^-13, tanh x rounds to x (x^2/3 < 2^-27); there the quotient's
   * correction term would sink below the subnormal grid near 2^-126. */
  return vf_select(vf_lt(vf_abs(x), vf_set1(0x1p-13f)), x, tanh_sign(y, x));
}

SIMDACT_ELEMENTWISE(tanh, approx, simdact_noctx, simdact_noprep, tanh_approx_body)
SIMDACT_ELEMENTWISE(tanh, u4, simdact_noctx, simdact_noprep, tanh_u4_body)
SIMDACT_ELEMENTWISE(tanh, u1, simdact_noctx, simdact_noprep, tanh_u1_body)
