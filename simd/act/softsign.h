/* softsign(x) = x / (1 + |x|).
 *
 * One kernel, registered as u1 with its exhaustive bound 0.5000001 ULP: the
 * quotient is taken in double, where 1 + |x| is exact for |x| >= 2^-29 (and
 * for smaller |x| the result is x itself, far from any rounding boundary), so
 * q = x / (1 + |x|) carries one double rounding (2^-53) and the conversion to
 * float rounds once more.  That is correctly rounded except where q lands
 * exactly on a float midpoint: the scan finds 2 such inputs out of 2^32
 * (0x3c0b8116 and its negative, 0.500000001 ULP).
 *
 * Measured alternatives: a float quotient corrected by the exact FMA residual
 * of x - q*(hi + lo) (1 + |x| = hi + lo by 2Sum) misses 22 inputs by the same
 * margin, is only about 1.3x faster on AVX-512 and 8x slower on SSE4.1
 * (emulated FMA); a plain float x / (1 + |x|) is 1.0 ULP.  Lower tiers would
 * be the same code, so there is one kernel.
 *
 * Totality: +-inf gives inf/inf, replaced by +-1; NaN propagates; subnormal x
 * gives x. */
VEC_INLINE vd softsign_half(vd x) {
  vd a = vd_and(x, vd_from_bits(0x7fffffffffffffffull)); /* |x| */
  return vd_div(x, vd_add(vd_set1(1.0), a));
}
VEC_INLINE vf softsign_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf y = vf_from_vd(softsign_half(vd_from_vf_lo(x)), softsign_half(vd_from_vf_hi(x)));
  vf lim = vf_or(vf_set1(1.0f), vf_signbit(x));        /* softsign(+-inf) = +-1 */
  return vf_select(vf_eq(vf_abs(x), vf_set1(__builtin_inff())), lim, y);
}
SIMDACT_ELEMENTWISE(softsign, u1, simdact_noctx, simdact_noprep, softsign_body)
