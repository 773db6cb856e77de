/* softsign(x) = x / (1 + |x|), in three tiers that are three algorithms:
 *
 * u1:     the quotient in double, one conversion to float (0.500000001 ULP).
 * u4:     the float quotient |x| / (1 + |x|) (two roundings).
 * approx: |x| times a reciprocal estimate of 1 + |x| (vf_rcp14: 2^-14 on
 *         AVX-512, about 2^-16 on NEON, FRECPE and the Newton step inside
 *         vf_rcp14); on scalar, SSE4.1 and AVX2 the u4 quotient (below).
 * Measured ULP and speed: README.md (softsign) and src/simdact_kernels.h.
 *
 * u1: in double, 1 + |x| is exact for |x| >= 2^-29 (and for smaller |x| the
 * result is x itself, far from any rounding boundary), so q = x / (1 + |x|)
 * carries one double rounding (2^-53) and the conversion to float rounds once
 * more.  That is correctly rounded except where q lands exactly on a float
 * midpoint: the scan finds 2 such inputs out of 2^32 (0x3c0b8116 and its
 * negative, 0.500000001 ULP).  Measured alternative: a float quotient
 * corrected by the exact FMA residual of x - q*(hi + lo) (1 + |x| = hi + lo by
 * 2Sum) misses 22 inputs by the same margin, is only about 1.3x faster on
 * AVX-512 and 8x slower on SSE4.1 (emulated FMA).
 *
 * Totality, all tiers: NaN propagates (|x| keeps the NaN, the sign goes back
 * on with an or); -0 -> -0 and subnormal x -> x (1 + |x| rounds to 1: exact in
 * u1/u4, one estimate of 1/1 in approx); +-inf -> +-1 exactly. */

/* u4 works on |x| clamped to SOFTSIGN_BIG = 2^26 and puts x's sign back:
 * for |x| >= 2^25 the correctly rounded softsign is 1 (x/(1 + x) = 1 - 1/(1 +
 * x) lies within 2^-25 of 1, nearer to 1 than to 1 - 2^-24, or a tie that
 * rounds to the even 1), and the float quotient gives exactly 1 at |x| = 2^26
 * (1 + 2^26 rounds to 2^26), so the clamp changes no finite result and takes
 * +-inf to +-1 without a compare.  vf_min(BIG, a) keeps a NaN a (x86 operand
 * order). */
#define SOFTSIGN_BIG 0x1p26f
VEC_INLINE vf softsign_mag(vf x) { return vf_min(vf_set1(SOFTSIGN_BIG), vf_abs(x)); }
/* y >= 0 (or NaN) with the sign of x */
VEC_INLINE vf softsign_sign(vf y, vf x) { return vf_or(y, vf_signbit(x)); }

/* u1 (scanned as it stands) replaces inf/inf by +-1 with a compare instead. */
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

/* u4: a / (1 + a) rounds twice: the sum's rounding moves the quotient by at
 * most 2^-24 relative (< 1 ULP), the quotient's by 0.5 ULP, so < 1.5 ULP;
 * the scans measure 1.499 (0x44ffebff) on every ISA.  On AVX-512 it is one
 * vdivps per 16 floats (6 cycles on Zen 4), which bounds its speed. */
VEC_INLINE vf softsign_u4_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf a = softsign_mag(x);
  return softsign_sign(vf_div(a, vf_add(vf_set1(1.0f), a)), x);
}

/* approx: a * rcp14(1 + a), relative error about the estimate's (2^-14 at
 * most: 2^-14 of y near 1 is 1024 ULP; with the two roundings < 1026 ULP;
 * scanned 912.6 on AVX-512, NEON sampled 138).  |x| is not clamped before the
 * estimate (vf_rcp14 is only specified for 1 + a <= 2^126: beyond it RCPPS and
 * FRECPE flush to 0, and inf * 0 is NaN); instead every |x| >= 2^25, +-inf
 * included, selects 1, which is softsign's correctly rounded value there (see
 * SOFTSIGN_BIG).  An estimate above 1/(1 + a) can push a * r above 1 (when its
 * relative error exceeds 1/a, so for a > 2^13), hence min(1, .) keeps |y| <= 1
 * (vf_min(1, y) keeps a NaN y).
 *
 * The estimate pays only where vf_rcp14 is one instruction (AVX-512) or the
 * division is slow (NEON: VF_FAST_DIV 0 with FMA).  Elsewhere vf_rcp14 is a
 * division (scalar) or an estimate plus a Newton step, and the u4 quotient
 * measured faster on Zen 4 (4096 floats: sse41 0.29 vs 0.50 ns/element, avx2
 * 0.13 vs 0.19, scalar 1.54 vs 1.81), so approx runs u4's code there, and
 * its bound there is u4's. */
#define SOFTSIGN_APPROX_RCP (VF_HAS_SCALEF || (VF_HAS_FMA && !VF_FAST_DIV))
VEC_INLINE vf softsign_approx_body(vf x, const simdact_noctx *c) {
#if SOFTSIGN_APPROX_RCP
  (void)c;
  vf one = vf_set1(1.0f);
  vf a = vf_abs(x);
  vf y = vf_min(one, vf_mul(a, vf_rcp14(vf_add(one, a))));
  y = vf_select(vf_ge(a, vf_set1(0x1p25f)), one, y);
  return softsign_sign(y, x);
#else
  return softsign_u4_body(x, c);
#endif
}

SIMDACT_ELEMENTWISE(softsign, u1, simdact_noctx, simdact_noprep, softsign_body)
SIMDACT_ELEMENTWISE(softsign, u4, simdact_noctx, simdact_noprep, softsign_u4_body)
SIMDACT_ELEMENTWISE(softsign, approx, simdact_noctx, simdact_noprep, softsign_approx_body)
