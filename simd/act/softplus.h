/* softplus(x) = log(1 + e^(beta x)) / beta in three tiers:
 * with b = beta x and E = e^-|b| in (0, 1] (never overflows),
 *   softplus = (max(b, 0) + log1p(E)) / beta,
 * log1p(E) = k ln 2 + log1p(f) with k = E > 1/2, f = k ? (E - 1)/2 : E
 * (exact, f in (-1/4, 1/2]), and log1p(f) = 2 atanh(s), s = f / (2 + f),
 * |s| <= 1/5: 2 s + s^3 (2/3 + 2/5 s^2 + ...) (Taylor coefficients of
 * 2 atanh, truncation below 2^-16.7 (approx, to s^5), 2^-26.7 (u4, to s^9),
 * 2^-31.5 (u1, to s^11)).  Lanes with b < -80 (E below 2^-115, softplus =
 * E to 2^-115) take the sigmoid u1 tail, which rounds E once, subnormal
 * results included.  The bound is for beta = 1 (the default); approx and
 * u4 stay within their tier for other betas (softplus_beta_ below).
 *
 * approx: degree-3 exp, s from the reciprocal estimate.
 * u4:     degree-6 exp, s with a Newton step.
 * u1 with FMA: no k split: E = H (1 + w) (table-driven, simd/math/exptab.h,
 *         2^-28), s = E/(2 + E) in (0, 1/3] from a float reciprocal estimate
 *         and its residual (as sigmoid u1: r0 = vf_rcp14(2 + RN(E)),
 *         e = 1 - r0 (2 + E) = ((1 - 2 r0) - r0 H) - r0 RN(H w), 1 - 2 r0
 *         exact), carried doubled: 2s = p2 + g2 with p2 = RN(2 r0 H) and
 *         g2 = 2 r0 (RN(H w) + RN(E) e) + (2 r0 H - p2);
 *         log1p(E) = 2s + 2s u Q(u), u = s^2 <= 1/9, Q of degree 4
 *         (SM_ATANH_Q*, exptab.sollya, 2^-31.7; coefficients scaled by
 *         4^-(i+1) for (2s)^2), and max(b, 0) + p2 by Fast2Sum of the max
 *         and min, one final rounding.  Relative error before it: about
 *         2^-26 (b <= 0; for b > 0 the sum is >= ln 2 and the error of the
 *         log1p part is damped).  beta = 1 skips both scalings.
 * u1 without FMA (scalar, SSE4.1): E, 2 + f, s (ddiv quotient) and log1p
 *         as double-floats, ln 2 as a double-float, the sum with max(b, 0)
 *         by TwoSum, one rounding. */

/* SM_ATANH2_A*, SM_LN2_F*: simd/math/exp_coeffs.h (simd/math/sollya/exp.sollya);
 * SM_ATANH_Q*: simd/math/exptab_coeffs.h (simd/math/sollya/exptab.sollya) */

typedef struct {
  vf beta, rbeta;
  vf rbl;   /* 1/beta - rbeta (u1: 1/beta as a double-float) */
  vf zero;  /* a zero with the sign of beta (the sign of softplus's zeros) */
  int unit; /* beta == 1: the u1 kernel skips both scalings (exact anyway) */
} softplus_ctx;
static inline void softplus_prep(softplus_ctx *c, const simdact_params *p) {
  float b = SIMDACT_BETA(p, softplus);
  c->beta = vf_set1(b);
  c->rbeta = vf_set1(1.0f / b);
  c->rbl = vf_set1((float)(1.0 / b - (double)(1.0f / b)));
  c->zero = vf_set1(b < 0 ? -0.0f : 0.0f);
  c->unit = b == 1.0f;
}

/* k and f from E */
VEC_INLINE vf softplus_f(vf e, vm *k) {
  *k = vf_gt(e, vf_set1(0.5f));
  return vf_select(*k, vf_mul(vf_sub(e, vf_set1(1.0f)), vf_set1(0.5f)), e);
}

/* approx and u4 with any beta: softplus = (b > 0 ? x : 0) + log1p(E) / beta
 * (b > 0 contributes b / beta = x exactly: no overflow of beta x for
 * |beta| > 1, no double rounding).  beta x = b + bl (beta != 1): the
 * rounding of b moves log1p(e^-|b|) by bl times its derivative
 * (softplus_dl_), 60 ULP at beta = 10, x = -7.3: added back. */
VEC_INLINE vf softplus_beta_(vf x, vf b, vf l, const softplus_ctx *c) {
  vf m = vf_select(vf_gt(b, vf_zero()), x, c->zero);
  return vf_add(m, c->unit ? l : vf_mul(l, c->rbeta));
}
/* lanes with |b| > 80: x (b > 0), else RN(e^(b + bl) / beta) rounded once
 * (E 2^64 times 1/beta, then sm_unscale_k), subnormal results included;
 * a zero below b = -120 */
static __attribute__((noinline, unused)) vf softplus_y_tail(vf x, vf b, vf bl, vf y,
                                                           const softplus_ctx *c) {
  vf flip = vf_andnot(b, vf_set1(-0.0f));
  vf eh, el;
  sm_exp_u1_dd_k(vf_xor(b, flip), vf_xor(bl, flip), &eh, &el);
  vf hi = vf_mul(eh, c->rbeta);
  vf t = sm_unscale_k(hi, vf_add(vf_fma(eh, c->rbeta, vf_neg(hi)),
                                 vf_mla(el, c->rbeta, vf_mul(eh, c->rbl))));
  t = vf_select(vf_lt(b, vf_set1(SM_EXP_XMIN)), c->zero, t); /* bl up to 2^103 there */
  t = vf_select(vf_gt(b, vf_zero()), x, t);
  return vf_select(vf_lt(vf_or(b, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z)), t, y);
}

/* d log1p(e^-|b|) / db = -sign(b) E / (1 + E), from an estimate e of E
 * (the correction it scales is 2^-17 of the result at most) */
VEC_INLINE vf softplus_dl_(vf b, vf e) {
  vf d = vf_mul(e, vf_rcp14(vf_add(vf_set1(1.0f), e)));
  return vf_xor(d, vf_andnot(b, vf_set1(-0.0f)));
}
/* u1 with beta != 1: RN(xpart + (lh + ll + bl dl/db) / beta), with
 * 1/beta = rbeta + rbl and e an estimate of E for sigmoid; the tail lanes
 * as in softplus_y_tail */
VEC_INLINE vf softplus_u1_beta_(vf x, vf b, vf bl, vf e, vf lh, vf ll, const softplus_ctx *c) {
  ll = vf_mla(softplus_dl_(b, e), bl, ll);
  vf q = vf_mul(lh, c->rbeta);
  vf qe = vf_add(vf_fma(lh, c->rbeta, vf_neg(q)), vf_mla(ll, c->rbeta, vf_mul(lh, c->rbl)));
  /* TwoSum of xpart and q (same sign, either larger) */
  vf m = vf_select(vf_gt(b, vf_zero()), x, c->zero);
  vf S = vf_add(m, q);
  vf bb = vf_sub(S, m);
  vf err = vf_add(vf_sub(m, vf_sub(S, bb)), vf_sub(q, bb));
  vf y = vf_add(S, vf_add(err, qe));
  if (vm_any(vf_lt(vf_or(b, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z))))
    y = softplus_y_tail(x, b, bl, y, c);
  return y;
}

VEC_INLINE vf softplus_fast(vf e, int u4) {
  vm k;
  vf f = softplus_f(e, &k);
  vf d = vf_add(vf_set1(2.0f), f);
  vf r = vf_rcp14(d);
  if (u4) r = vf_mla(vf_mla(vf_neg(d), r, vf_set1(1.0f)), r, r);
  vf s = vf_mul(f, r);
  vf u = vf_mul(s, s);
  vf p;
  if (u4) {
    p = vf_mla(vf_set1(SM_ATANH2_A9), u, vf_set1(SM_ATANH2_A7));
    p = vf_mla(p, u, vf_set1(SM_ATANH2_A5));
    p = vf_mla(p, u, vf_set1(SM_ATANH2_A3));
  } else {
    p = vf_mla(vf_set1(SM_ATANH2_A5), u, vf_set1(SM_ATANH2_A3));
  }
  vf l = vf_mla(vf_mul(s, u), p, vf_add(s, s));          /* log1p(f) */
  return vf_add(vf_select(k, vf_set1(SM_LN2_F), vf_zero()), l); /* + k ln 2 */
}

static inline vf softplus_approx_body(vf x, const softplus_ctx *c) {
  vf b = c->unit ? x : vf_mul(c->beta, x);
  vf l = softplus_fast(sm_exp_approx(vf_or(b, vf_set1(-0.0f))), 0);
  return softplus_beta_(x, b, l, c);
}
static inline vf softplus_u4_body(vf x, const softplus_ctx *c) {
  vf b = c->unit ? x : vf_mul(c->beta, x);
  vf bl = c->unit ? vf_zero() : vf_fma(c->beta, x, vf_neg(b));
  vf e = sm_exp_u4(vf_or(b, vf_set1(-0.0f)));
  vf l = softplus_fast(e, 1);
  if (!c->unit) l = vf_mla(softplus_dl_(b, e), bl, l);
  vf y = softplus_beta_(x, b, l, c);
  if (vm_any(vf_lt(vf_or(b, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z))))
    y = softplus_y_tail(x, b, bl, y, c);
  return y;
}

#if VF_HAS_FMA
static inline vf softplus_u1_body(vf x, const softplus_ctx *c) {
  vf b = c->unit ? x : vf_mul(c->beta, x);
  vf z = vf_or(b, vf_set1(-0.0f));
  vf H, w, one = vf_set1(1.0f);
  sm_expt(z, z, 0, &H, &w);
  vf W = vf_mul(H, w);
  vf eh = vf_add(H, W);
  vf r0 = vf_rcp14(vf_add(vf_set1(2.0f), eh));
  vf e = vf_fma(vf_neg(W), r0, vf_fma(vf_neg(H), r0, vf_fma(r0, vf_set1(-2.0f), one)));
  vf C = vf_fma(eh, e, W);
  /* 2s = p2 + g2, p2 = RN(2 r0 H), |g2| < 2^-5 p2 */
  vf R = vf_add(r0, r0);
  vf p2 = vf_mul(H, R);
  vf g2 = vf_fma(R, C, vf_fma(H, R, vf_neg(p2)));
  vf s2 = vf_add(p2, g2);
  vf u = vf_mul(s2, s2); /* (2s)^2: Q's coefficients scaled by 4^-(i+1) */
  vf q = vf_fma(vf_set1(SM_ATANH_Q4 * 0x1p-10f), u, vf_set1(SM_ATANH_Q3 * 0x1p-8f));
  q = vf_fma(q, u, vf_set1(SM_ATANH_Q2 * 0x1p-6f));
  q = vf_fma(q, u, vf_set1(SM_ATANH_Q1 * 0x1p-4f));
  q = vf_fma(q, u, vf_set1(SM_ATANH_Q0 * 0x1p-2f));
  vf T = vf_fma(vf_mul(s2, u), q, g2);
  if (!c->unit) {
    vf lh = vf_add(p2, T); /* log1p(E) = lh + ll (Fast2Sum: |T| < p2) */
    return softplus_u1_beta_(x, b, vf_fma(c->beta, x, vf_neg(b)), eh, lh,
                             vf_sub(T, vf_sub(lh, p2)), c);
  }
  /* max(b, 0) + p2 + T: Fast2Sum of the larger and the smaller (both >= 0) */
  vf m = vf_max(vf_zero(), b);
  vf hi = vf_max(m, p2), lo = vf_min(m, p2);
  vf S = vf_add(hi, lo);
  vf err = vf_sub(lo, vf_sub(S, hi));
  vf y = vf_add(S, vf_add(err, T));
  if (vm_any(vf_lt(z, vf_set1(SIG_TAIL_Z))))
    y = softplus_y_tail(x, b, vf_zero(), y, c); /* beta = 1: bl = 0 */
  return y;
}
#else
static inline vf softplus_u1_body(vf x, const softplus_ctx *c) {
  vf b = vf_mul(c->beta, x);
  vf eh, el, two = vf_set1(2.0f);
  sm_exp_u1_normal(vf_or(b, vf_set1(-0.0f)), &eh, &el);
  vm k = vf_gt(eh, vf_set1(0.5f));
  vf fh = vf_select(k, vf_mul(vf_sub(eh, vf_set1(1.0f)), vf_set1(0.5f)), eh);
  vf fl = vf_select(k, vf_mul(el, vf_set1(0.5f)), el);
  vf dh = vf_add(two, fh);
  vf dl = vf_add(vf_add(vf_sub(two, dh), fh), fl);
  vf sh, sl;
  vd qlo, qhi;
  sm_ddiv_d(fh, fl, dh, dl, &qlo, &qhi);
  sh = vf_from_vd(qlo, qhi);
  sl = vf_from_vd(vd_sub(qlo, vd_from_vf_lo(sh)), vd_sub(qhi, vd_from_vf_hi(sh)));
  vf u = vf_mul(sh, sh);
  vf p = vf_mla(vf_set1(SM_ATANH2_A11), u, vf_set1(SM_ATANH2_A9));
  p = vf_mla(p, u, vf_set1(SM_ATANH2_A7));
  p = vf_mla(p, u, vf_set1(SM_ATANH2_A5));
  p = vf_mla(p, u, vf_set1(SM_ATANH2_A3));
  vf s2 = vf_add(sh, sh);
  vf T = vf_mla(vf_mul(sh, u), p, vf_add(sl, sl));
  vf lh = vf_add(s2, T);
  vf ll = vf_add(vf_sub(s2, lh), T);
  /* + k ln 2 (Fast2Sum: ln 2 > |lh| when k) */
  vf a = vf_select(k, vf_set1(SM_LN2_F), vf_zero());
  vf mh = vf_add(a, lh);
  vf ml = vf_add(vf_add(vf_sub(a, mh), lh), vf_add(ll, vf_select(k, vf_set1(SM_LN2_F_LO), vf_zero())));
  if (!c->unit) return softplus_u1_beta_(x, b, vf_fma(c->beta, x, vf_neg(b)), eh, mh, ml, c);
  /* + max(b, 0) by TwoSum, one final rounding */
  vf m = vf_max(vf_zero(), b);
  vf s = vf_add(m, mh);
  vf bb = vf_sub(s, m);
  vf err = vf_add(vf_sub(m, vf_sub(s, bb)), vf_sub(mh, bb));
  vf y = vf_add(s, vf_add(err, ml));
  if (vm_any(vf_lt(vf_or(b, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z))))
    y = softplus_y_tail(x, b, vf_zero(), y, c); /* beta = 1: bl = 0 */
  return y;
}
#endif

SIMDACT_ELEMENTWISE(softplus, approx, softplus_ctx, softplus_prep, softplus_approx_body)
SIMDACT_ELEMENTWISE(softplus, u4, softplus_ctx, softplus_prep, softplus_u4_body)
SIMDACT_ELEMENTWISE(softplus, u1, softplus_ctx, softplus_prep, softplus_u1_body)
