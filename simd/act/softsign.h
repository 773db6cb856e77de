/* softsign(x) = x / (1 + |x|), in three tiers that are three algorithms:
 *
 * u1:     where the ISA has a true FMA (AVX2, AVX-512, NEON), a reciprocal
 *         estimate refined by the exact residual of a / (1 + a) (no
 *         division); on scalar and SSE4.1 (FMA emulated) the quotient in
 *         double, one conversion to float.
 * u4:     the float quotient |x| / (1 + |x|) (two roundings).
 * approx: |x| times a reciprocal estimate of 1 + |x| (vf_rcp14: 2^-14 on
 *         AVX-512, about 2^-16 on NEON, FRECPE and the Newton step inside
 *         vf_rcp14); on scalar, SSE4.1 and AVX2 the u4 quotient (below).
 * Measured ULP and speed: README.md (softsign) and src/simdact_kernels.h.
 *
 * Totality, all tiers: NaN propagates (|x| keeps the NaN, the sign goes back
 * on with an or); -0 -> -0 and subnormal x -> x (1 + |x| rounds to 1: exact in
 * u1/u4, one estimate of 1/1 in approx); +-inf -> +-1 exactly. */

/* u4 and u1 (with FMA) work on |x| clamped to SOFTSIGN_BIG = 2^26 and put
 * x's sign back: for |x| >= 2^25 the correctly rounded softsign is 1
 * (x/(1 + x) = 1 - 1/(1 + x) lies within 2^-25 of 1, nearer to 1 than to
 * 1 - 2^-24, or a tie that rounds to the even 1), and the float quotient
 * gives exactly 1 at |x| = 2^26 (1 + 2^26 rounds to 2^26; u1 gives 1 there
 * too, below), so the clamp changes no finite result and takes +-inf to +-1
 * without a compare.  vf_min(BIG, a) keeps a NaN a (x86 operand order). */
#define SOFTSIGN_BIG 0x1p26f
VEC_INLINE vf softsign_mag(vf x) { return vf_min(vf_set1(SOFTSIGN_BIG), vf_abs(x)); }
/* y >= 0 (or NaN) with the sign of x */
VEC_INLINE vf softsign_sign(vf y, vf x) { return vf_or(y, vf_signbit(x)); }

/* u1 with an FMA: a = min(2^26, |x|) (softsign_mag), d = fl(1 + a) and
 * dl = 1 + a - d exactly (Fast2Sum of hi = max(a, 1) and lo = min(a, 1); the
 * code keeps ndl = -dl = (d - hi) - lo so that every product-sum is one
 * FMA-family instruction).  With r = vf_rcp14(d) (relative error e <= 2^-14)
 * and q0 = fl(a r), the residual res = a - q0 (d + dl) is taken by two fmas
 * (the first is a - q0 d rounded once: a - q0 d is about 2^-14 a, so its
 * rounding is about 2^-38 a; the second adds q0 ndl, about 2^-24 a, rounded
 * likewise), and q = fma(res, r, q0).  Then with Q = a / (1 + a),
 *   q - Q = -(Q - q0) (1 - r (d + dl)) + O(2^-38 Q),
 * and |Q - q0| <= (2^-14 + 2^-24) Q, |1 - r (d + dl)| <= 2^-14 + 2^-24: about
 * 2^-28 Q before the final rounding, i.e. at most 1/16 ULP (an ULP is at
 * least 2^-24 Q): 0.5 + 1/16 ULP in all; the AVX-512 scan (vrcp14ps) measures
 * 0.548 (0x4978f76f); AVX2 and NEON refine the estimate by a Newton step
 * inside vf_rcp14 (2^-22, 2^-16): 0.5000002 (all 2^32) and 0.5008 (qemu,
 * sampled).
 * Edges: subnormal a: d = 1, dl = a, q0 = fl(a r) is a within a few
 * subnormal steps, res = a - q0 exactly (the a*dl term underflows to 0) and
 * q = q0 + res r rounds back to a; +-0: q0 = res = +0, q = +0, the sign goes
 * back on; NaN: a, d, r and q0 are NaN (hi, lo are 1: x86 min/max order);
 * |x| >= 2^25 (+-inf included, clamped to 2^26): Q > 1 - 2^-25 and
 * q <= Q + 2^-28 < 1 + 2^-24, so q rounds to 1, never above it.
 * Speed (4096 floats, Zen 4, simdact-bench, one run): avx512 0.145
 * ns/element (u4 0.103, the double quotient before 0.32), avx2 0.213 (double
 * 0.33; a float division for q0 instead of rcp14 measured no faster).  The
 * avx512 loop is 13 zmm ops, about 7 cycles per 16 floats (1.2x u4's
 * vdivps-bound 6 in a min-of-4000 timing).  Dropping the Fast2Sum for
 * ndl = (d - 1) - a saves 2 ops (1.05x u4) but d - 1 rounds for 2^24 < d <=
 * 2^25: 0.9999998 ULP there. */
#define SOFTSIGN_U1_RCP VF_HAS_FMA
#if SOFTSIGN_U1_RCP
VEC_INLINE vf softsign_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf one = vf_set1(1.0f);
  vf a = softsign_mag(x);
  vf hi = vf_max(a, one), lo = vf_min(a, one);
  vf d = vf_add(a, one);                       /* = hi + lo, off the Fast2Sum chain */
  vf ndl = vf_sub(vf_sub(d, hi), lo);          /* -(1 + a - d), exact */
  vf r = vf_rcp14(d);
  vf q0 = vf_mul(a, r);
  vf res = vf_fma(vf_neg(q0), d, a);           /* a - q0 d */
  res = vf_fma(q0, ndl, res);                  /* a - q0 (d + dl) */
  return softsign_sign(vf_fma(res, r, q0), x);
}
#else
/* u1 without an FMA (scalar, SSE4.1, where vf_fma is emulated: the code
 * above measured 5.3 and 7.0 ns/element there, this 1.6 and 0.65): in double,
 * 1 + |x| is exact for |x| >= 2^-29 (and for smaller |x| the result is x
 * itself, far from any rounding boundary), so q = x / (1 + |x|) carries one
 * double rounding (2^-53) and the conversion to float rounds once more.
 * That is correctly rounded except where q lands exactly on a float
 * midpoint: the scan finds 2 such inputs out of 2^32 (0x3c0b8116 and its
 * negative, 0.500000001 ULP).  inf/inf is replaced by +-1 with a compare. */
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
#endif

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
