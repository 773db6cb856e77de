/* mish(x) = x tanh(softplus(x)) in three tiers, without a logarithm:
 * with E = e^-|x| (never overflows),
 *   x < 0:  tanh(softplus(x)) = N/D, N = E (E + 2),  D = N + 2
 *   x >= 0: tanh(softplus(x)) = N/D, N = 1 + 2E,     D = N + 2 E^2
 * (from tanh(log p) = (p^2 - 1)/(p^2 + 1), p = 1 + e^x), no cancellation.
 * |x| > 80 lanes take the swish tail of simd/act/sigmoid.h: N/D is E to
 * 2^-115 (x < 0) or 1 to 2^-230 (x > 0), so mish is RN(x E) with E scaled by
 * 2^64 (subnormal outputs down to x = -108 rounded once) or x.  x is clamped
 * at -FLT_MAX for the product (mish(-inf) = -0, not -inf * 0).
 *
 * approx: degree-3 exp, reciprocal estimate (no tail branch: subnormal
 *         outputs are within 52 subnormal ULP of the truth).
 * u4:     degree-6 exp, N rounded once, D with its rounding error, and the
 *         reciprocal estimate corrected to second order.
 * u1:     E as a double-float, N and D as double-floats (TwoSum where the
 *         magnitudes can cross), the ddiv quotient, x times it rounded once. */

/* N and D from E (plain float) */
VEC_INLINE void mish_nd(vf x, vf e, vf *n, vf *d) {
  vm neg = vf_lt(x, vf_zero());
  vf e2 = vf_add(e, e);
  vf nneg = vf_mul(e, vf_add(e, vf_set1(2.0f)));
  vf npos = vf_add(vf_set1(1.0f), e2);
  *n = vf_select(neg, nneg, npos);
  *d = vf_select(neg, vf_add(nneg, vf_set1(2.0f)), vf_mla(e2, e, npos));
}

static inline vf mish_approx_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf n, d;
  mish_nd(x, sm_exp_approx(vf_or(x, vf_set1(-0.0f))), &n, &d);
  return vf_mul(silu_clamp(x), vf_mul(n, vf_rcp14(d)));
}

/* u4: N with one rounding each (fma), D = N + k with its rounding error dl
 * (exact: Fast2Sum for x < 0, an FMA residual for x >= 0), and
 * x N r0 (1 + e), e = 1 - r0 (D + dl), so D's rounding does not count. */
static inline vf mish_u4_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf one = vf_set1(1.0f), two = vf_set1(2.0f);
  vf e = sm_exp_u4(vf_or(x, vf_set1(-0.0f)));
  vm neg = vf_lt(x, vf_zero());
  vf e2 = vf_add(e, e);
  vf nneg = vf_mla(e, e, e2);        /* E^2 + 2E */
  vf npos = vf_mla(two, e, one);     /* 1 + 2E */
  vf dneg = vf_add(nneg, two);
  vf dlneg = vf_add(vf_sub(two, dneg), nneg);
  vf dpos = vf_mla(e2, e, npos);     /* N + 2E^2 */
  vf dlpos = vf_fma(e2, e, vf_sub(npos, dpos));
  vf n = vf_select(neg, nneg, npos);
  vf d = vf_select(neg, dneg, dpos), dl = vf_select(neg, dlneg, dlpos);
  vf r0 = vf_rcp14(d);
  /* the residuals need one rounding (vf_fma, exact also without FMA: with
   * a product and a sum, scalar/SSE4.1 reached 4.046 ULP, exhaustive) */
  vf res = vf_fma(vf_neg(d), r0, one);
  res = vf_fma(vf_neg(dl), r0, res);
  vf q = vf_mul(vf_mul(silu_clamp(x), n), r0);
  /* (q = 0 kept: q + q t would give +0 for q = -0 and t < 0) */
  vf y = vf_select(vf_eq(q, vf_zero()), q, vf_mla(vf_mla(res, res, res), q, q));
  if (vm_any(vf_lt(vf_or(x, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z))))
    y = swish_u1_tail(x, x, vf_zero(), y);
  return y;
}

/* s = a + b exactly as (*h, *l), any magnitudes (Knuth's TwoSum) */
VEC_INLINE void mish_two_sum(vf a, vf b, vf *h, vf *l) {
  vf s = vf_add(a, b);
  vf bb = vf_sub(s, a);
  *l = vf_add(vf_sub(a, vf_sub(s, bb)), vf_sub(b, bb));
  *h = s;
}

static inline vf mish_u1_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf eh, el, one = vf_set1(1.0f), two = vf_set1(2.0f);
  sm_exp_u1_normal(vf_or(x, vf_set1(-0.0f)), &eh, &el);
  vm neg = vf_lt(x, vf_zero());
  /* x < 0: N = E (E + 2); E + 2 by Fast2Sum (2 > E), then the product */
  vf p = vf_add(two, eh);
  vf pl = vf_add(vf_add(vf_sub(two, p), eh), el);
  vf ah = vf_mul(eh, p);
  vf al = vf_fma(eh, p, vf_neg(ah));
  al = vf_fma(eh, pl, vf_fma(el, p, al));
  /* x >= 0: N = 1 + 2E (TwoSum: 2E can exceed 1) */
  vf bh, bl;
  mish_two_sum(one, vf_add(eh, eh), &bh, &bl);
  bl = vf_fma(two, el, bl);
  vf nh = vf_select(neg, ah, bh), nl = vf_select(neg, al, bl);
  /* D = N + (x < 0 ? 2 : 2 E^2) */
  vf e2h = vf_mul(vf_add(eh, eh), eh);
  vf e2l = vf_fma(vf_add(eh, eh), eh, vf_neg(e2h));
  e2l = vf_fma(vf_set1(4.0f), vf_mul(eh, el), e2l);
  vf kh = vf_select(neg, two, e2h), kl = vf_select(neg, vf_zero(), e2l);
  vf dh, dl;
  mish_two_sum(nh, kh, &dh, &dl);
  dl = vf_add(dl, vf_add(nl, kl));
  vf t = vf_add(dh, dl); /* renormalise D for ddiv */
  dl = vf_sub(dl, vf_sub(t, dh));
  dh = t;
  vf xm = silu_clamp(x);
  vf y = sm_mul_ddiv(xm, nh, nl, dh, dl);
  if (vm_any(vf_lt(vf_or(x, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z))))
    y = swish_u1_tail(x, x, vf_zero(), y);
  /* |x| < 2^-60: mish(x) = 0.6 x (tanh ln 2 = 3/5) to 2^-61; the product
   * x yl in sm_mul_ddiv would underflow near 2^-126, so take RN(0.6 x) with
   * 0.6 as a double-float on x 2^64 and round once (rare branch; zeros
   * kept). */
  vm tiny = vm_andnot(vf_eq(x, vf_zero()), vf_lt(vf_abs(x), vf_set1(0x1p-60f)));
  if (vm_any(tiny)) {
    vf k = vf_set1(0x1.333334p-1f); /* RN(3/5) */
    vf kl = vf_set1((float)(0.6 - (double)0x1.333334p-1f));
    y = vf_select(tiny, sm_mul_dd_unscale_k(x, k, kl), y);
  }
  return y;
}

SIMDACT_ELEMENTWISE(mish, approx, simdact_noctx, simdact_noprep, mish_approx_body)
SIMDACT_ELEMENTWISE(mish, u4, simdact_noctx, simdact_noprep, mish_u4_body)
SIMDACT_ELEMENTWISE(mish, u1, simdact_noctx, simdact_noprep, mish_u1_body)
