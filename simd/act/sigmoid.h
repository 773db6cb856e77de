/* sigmoid, swish and silu in three tiers, over simd/math/exp.h.
 *
 * All of them use E = e^z, z = -|b| (b = x, or beta*x for swish), so the
 * exponential never overflows:
 *   b >= 0: sigmoid(b) = 1 / (1 + E)        b < 0: sigmoid(b) = E / (1 + E)
 * NaN propagates through E; +-inf give the limits; below b = -87.3, E (and
 * sigmoid) is subnormal and is computed, not flushed.
 *
 * approx: degree-3 exp (2^-13.2) times a 2^-14 reciprocal estimate.
 * u4:     degree-6 exp (< 1 ULP), reciprocal estimate + one Newton step.
 *         Both round subnormal E once (coefficients pre-scaled by 2^-K).
 * u1:     E = Eh + El (2^-27), D = 1 + E as Dh + Dl (exact Fast2Sum), and
 *         N/D with the reciprocal estimate r0 and its residual
 *         e = 1 - r0 D to second order, N r0 (1 + e + e^2), rounded once by
 *         a final FMA.  Without hardware FMA (scalar, SSE4.1) the quotient is
 *         taken in double instead (cheaper there than emulated FMAs).  Lanes
 *         with z < -80 (E below 2^-115) go through a rare vector branch that
 *         carries E * 2^64 and rounds once (sm_unscale_k).
 *
 * swish(x) = x * sigmoid(beta x); silu = swish with beta = 1 (own kernels: no
 * beta product).  u1 carries beta*x as a double-float (FMA residual) into the
 * exponential and multiplies x into the double-float quotient, rounding once.
 * Below beta*x = -120 the result is a signed zero (|x e^(beta x)| < 2^-150
 * there for beta >= 1/16), and +inf gives +inf. */

/* ---- approx and u4: y = N / (1 + E), N = b < 0 ? E : 1 ---- */
VEC_INLINE vf sigmoid_approx_core(vf b) {
  vf e = sm_exp_approx(vf_or(b, vf_set1(-0.0f)));
  vf n = vf_select(vf_lt(b, vf_zero()), e, vf_set1(1.0f));
  return vf_mul(n, vf_rcp14(vf_add(vf_set1(1.0f), e)));
}
/* comp (compile-time): also carry the rounding error of 1 + E into the
 * Newton step (swish, whose product with x rounds once more) */
VEC_INLINE vf sigmoid_u4_core_(vf b, int comp) {
  vf one = vf_set1(1.0f);
  vf e = sm_exp_u4(vf_or(b, vf_set1(-0.0f)));
  vf n = vf_select(vf_lt(b, vf_zero()), e, one);
  vf d = vf_add(one, e);
  vf r = vf_rcp14(d);
  vf res = vf_mla(vf_neg(d), r, one);
  if (comp) res = vf_mla(vf_neg(vf_add(vf_sub(one, d), e)), r, res);
  r = vf_mla(res, r, r);
  return vf_mul(n, r);
}
VEC_INLINE vf sigmoid_u4_core(vf b) { return sigmoid_u4_core_(b, 0); }

/* ---- u1 ----
 * sigmoid(bh + bl) = (nh + nl) / (dh + dl) for bh > -87 (other lanes:
 * garbage below -87; sigmoid_u1_tail takes z < -80). */
VEC_INLINE void sigmoid_u1_nd_(vf bh, vf bl, int has_bl, vf *nh, vf *nl, vf *dh, vf *dl) {
  vf eh, el;
  if (has_bl) {
    /* z = -|b| as a double-float: flip both parts where bh has a clear sign */
    vf flip = vf_andnot(bh, vf_set1(-0.0f));
    sm_exp_u1_dd_normal(vf_xor(bh, flip), vf_xor(bl, flip), &eh, &el);
  } else {
    sm_exp_u1_normal(vf_or(bh, vf_set1(-0.0f)), &eh, &el);
  }
  /* D = 1 + E = dh + dl by Fast2Sum (1 >= eh) */
  vf one = vf_set1(1.0f);
  vf h = vf_add(one, eh);
  *dl = vf_add(vf_add(vf_sub(one, h), eh), el);
  *dh = h;
  vm neg = vf_lt(bh, vf_zero());
  *nh = vf_select(neg, eh, one);
  *nl = vf_select(neg, el, vf_zero());
}


/* Lanes with bh < -80 (NaN is never < -80): from there on the low part of
 * the unscaled E would lose bits to underflow.
 * sigmoid(b) = E (1 - E) with E < 2^-115 is RN(E) for b < 0, and 1 for
 * b > 0; swish multiplies x in before the single rounding. */
#define SIG_TAIL_Z (-80.0f)

static __attribute__((noinline, unused)) vf sigmoid_u1_tail(vf bh, vf bl, vf y) {
  vf flip = vf_andnot(bh, vf_set1(-0.0f));
  vf eh, el;
  sm_exp_u1_dd_k(vf_xor(bh, flip), vf_xor(bl, flip), &eh, &el);
  vf t = vf_select(vf_lt(bh, vf_zero()), sm_unscale_k(eh, el), vf_set1(1.0f));
  return vf_select(vf_lt(vf_or(bh, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z)), t, y);
}

#if VF_HAS_FMA
/* With FMA: E = H (1 + w) from the table-driven core (simd/math/exptab.h,
 * relative error below 2^-28), D = 1 + E, W = RN(H w), eh = RN(H + W), and
 *   r0 = vf_rcp14(d0), d0 = RN((1 - 2^-23) + eh) in [1 - 2^-23, 2)
 *   e  = 1 - r0 D = ((1 - r0) - r0 H) - r0 W
 * (1 - r0 is exact: r0 >= 1/2 on [1, 2), simd/vec/scalar.h; d0 stays below
 * 2 because the AVX2/NEON estimates of 2 itself are below 1/2).  |e| <= 2^-14,
 * its error below 2^-29 (roundings of (1 - r0) - r0 H, at most 0.0218, and of
 * W).  Then 1/D = r0 (1 + e + e^2 + ...) and E/D = E r0 (1 + e), so with
 *   (A, C) = (1, e) for b >= 0,   (H, W + eh e) for b < 0:
 *   sigmoid(b) ~ A r0 + r0 C = fma(A, r0, RN(r0 RN(C)))
 * (A r0 exact inside the FMA).  Error before the final rounding: e^2 <= 2^-28,
 * e's own, E's (damped by E/(1 + E) <= 1/2 for b >= 0) and the roundings of
 * C and r0 C (2^-29.5 each, relative): below 2^-27.3 (b >= 0) and 2^-25.9
 * (b < 0), so at most 0.6 and 0.77 ULP in all; no double or double-float
 * division.  Lanes with z < -80 (E below 2^-115, subnormal sigmoid) take
 * sigmoid_u1_tail. */
typedef struct {
  vf r0, A, C; /* sigmoid(b) = A r0 + r0 C (+ 2^-25.9 relative) */
  vf H, W, eh;
} sigmoid_u1_q;
/* sigmoid of bh + bl (has_bl: compile-time), z = -|bh + bl| = zh + zl */
VEC_INLINE sigmoid_u1_q sigmoid_u1_quot_(vm neg, vf zh, vf zl, int has_zl) {
  sigmoid_u1_q q;
  vf w, one = vf_set1(1.0f);
  sm_expt(zh, zl, has_zl, &q.H, &w);
  q.W = vf_mul(q.H, w);
  q.eh = vf_add(q.H, q.W);
  q.r0 = vf_rcp14(vf_add(vf_set1(0x1.fffffcp-1f /* 1 - 2^-23 */), q.eh));
  /* (negating H and W, each used once, lets the compiler use FNMADD) */
  vf e = vf_fma(vf_neg(q.W), q.r0, vf_fma(vf_neg(q.H), q.r0, vf_sub(one, q.r0)));
  q.A = vf_select(neg, q.H, one);
  q.C = vf_select(neg, vf_fma(q.eh, e, q.W), e); /* a masked FMA on AVX-512 */
  return q;
}

VEC_INLINE vf sigmoid_u1_core(vf x) {
  vf z = vf_or(x, vf_set1(-0.0f));
  sigmoid_u1_q q = sigmoid_u1_quot_(vf_lt(x, vf_zero()), z, z, 0);
  vf y = vf_fma(q.A, q.r0, vf_mul(q.r0, q.C));
  if (vm_any(vf_lt(z, vf_set1(SIG_TAIL_Z)))) y = sigmoid_u1_tail(x, vf_zero(), y);
  return y;
}
#else
/* Without FMA: the double-float quotient in double (simd/math/ddiv.h). */
VEC_INLINE vf sigmoid_u1_core(vf x) {
  vf nh, nl, dh, dl;
  sigmoid_u1_nd_(x, x, 0, &nh, &nl, &dh, &dl);
  vf y = sm_ddiv(nh, nl, dh, dl);
  if (vm_any(vf_lt(vf_or(x, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z))))
    y = sigmoid_u1_tail(x, vf_zero(), y);
  return y;
}
#endif

static inline vf sigmoid_approx_body(vf x, const simdact_noctx *c) {
  (void)c;
  return sigmoid_approx_core(x);
}
static inline vf sigmoid_u4_body(vf x, const simdact_noctx *c) {
  (void)c;
  return sigmoid_u4_core(x);
}
static inline vf sigmoid_u1_body(vf x, const simdact_noctx *c) {
  (void)c;
  return sigmoid_u1_core(x);
}
SIMDACT_ELEMENTWISE(sigmoid, approx, simdact_noctx, simdact_noprep, sigmoid_approx_body)
SIMDACT_ELEMENTWISE(sigmoid, u4, simdact_noctx, simdact_noprep, sigmoid_u4_body)
SIMDACT_ELEMENTWISE(sigmoid, u1, simdact_noctx, simdact_noprep, sigmoid_u1_body)

/* ---- swish(x) = x sigmoid(beta x), silu(x) = x sigmoid(x) ----
 * Where sigmoid(beta x) is 0 (beta x below -104) and x is infinite, x * 0
 * would be NaN; the limit is a zero with the sign of x.  The factor x is
 * clamped to the finite range on the side where that can happen (below for
 * beta > 0, above for beta < 0): +-FLT_MAX * 0 is the right zero, and on the
 * other side sigmoid is 1 and the infinity must survive. */
typedef struct {
  vf beta, lo, hi; /* beta, and x is clamped to [lo, hi] */
  int unit;        /* beta == 1: swish u1 takes silu's path (b = x exactly) */
} swish_ctx;
static inline void swish_prep(swish_ctx *c, const simdact_params *p) {
  float b = SIMDACT_BETA(p, swish);
  c->beta = vf_set1(b);
  c->lo = vf_set1(b > 0 ? -0x1.fffffep127f : -__builtin_inff());
  c->hi = vf_set1(b < 0 ? 0x1.fffffep127f : __builtin_inff());
  c->unit = b == 1.0f;
}
/* vf_max(c, x) / vf_min(c, x) keep a NaN x */
VEC_INLINE vf swish_clamp(vf x, const swish_ctx *c) {
  return vf_min(c->hi, vf_max(c->lo, x));
}
VEC_INLINE vf silu_clamp(vf x) { return vf_max(vf_set1(-0x1.fffffep127f), x); }

static inline vf swish_approx_body(vf x, const swish_ctx *c) {
  return vf_mul(swish_clamp(x, c), sigmoid_approx_core(vf_mul(c->beta, x)));
}
static inline vf silu_approx_body(vf x, const simdact_noctx *c) {
  (void)c;
  return vf_mul(silu_clamp(x), sigmoid_approx_core(x));
}

/* Tail lanes (bh < -80 or > 80): b > 0: x (sigmoid rounds to 1 against
 * anything x carries); b < 0: RN(x E) with E carried as E 2^64 (the factor
 * 1 - E is below 2^-115 away from 1); below b = -120, where the exponential
 * is clamped, a zero with the sign of x. */
static __attribute__((noinline, unused)) vf swish_u1_tail(vf x, vf bh, vf bl, vf y) {
  vf flip = vf_andnot(bh, vf_set1(-0.0f));
  vf eh, el;
  sm_exp_u1_dd_k(vf_xor(bh, flip), vf_xor(bl, flip), &eh, &el);
  vf ph = vf_mul(x, eh);
  vf pl = vf_fma(x, el, vf_fma(x, eh, vf_neg(ph)));
  vf t = vf_select(vf_lt(bh, vf_zero()), sm_unscale_k(ph, pl), x);
  t = vf_select(vf_lt(bh, vf_set1(SM_EXP_XMIN)), vf_signbit(x), t);
  return vf_select(vf_lt(vf_or(bh, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z)), t, y);
}

/* u4: x sigmoid(b) rounds once more than sigmoid; lanes whose sigmoid is
 * below 2^-115 (b < -80) would lose the product to the subnormal rounding of
 * sigmoid and take the u1 tail branch (rare: a vector with such a lane). */
VEC_INLINE vf swish_u4_core(vf x, vf xm, vf b) {
  vf y = vf_mul(xm, sigmoid_u4_core_(b, 1));
  if (vm_any(vf_lt(vf_or(b, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z))))
    y = swish_u1_tail(x, b, vf_zero(), y);
  return y;
}
static inline vf swish_u4_body(vf x, const swish_ctx *c) {
  return swish_u4_core(x, swish_clamp(x, c), vf_mul(c->beta, x));
}
static inline vf silu_u4_body(vf x, const simdact_noctx *c) {
  (void)c;
  return swish_u4_core(x, silu_clamp(x), x);
}

#if VF_HAS_FMA
/* x sigmoid(bh + bl) (has_bl 0: b = x exactly, silu or beta = 1).  With FMA,
 * from the sigmoid quotient s = A r0 + r0 C (sigmoid_u1_quot_): A r0 = ph + pl
 * exactly, g = RN(r0 C + pl), and x s = RN(x ph + RN(x g)) rounds once more
 * than that (the rounding of x g is 2^-29.5 of x s).  Where x s is below
 * 2^-100 (x tiny or zero, or a large beta), RN(x g) could round in the
 * subnormal range or give the wrong zero sign: those lanes, and those with
 * |b| > 80, go to the rare swish_u1_small branch.  With b = x that is
 * z = -|x| outside [-80, -2^-99] (one integer range check on z's bits: y
 * is at least 80 e^-80 > 2^-110 inside); else it is tested on y.  x is not
 * clamped (xm unused): lanes where the clamp matters (x = +-inf) have
 * |b| > 80. */
#define SWISH_SMALL_Y 0x1p-100f
VEC_INLINE void swish_u1_s_(vf bh, vf bl, int has_bl, vf *ph, vf *g) {
  vf flip = vf_andnot(bh, vf_set1(-0.0f)), zh = vf_or(bh, vf_set1(-0.0f));
  sigmoid_u1_q q = sigmoid_u1_quot_(vf_lt(bh, vf_zero()), zh, vf_xor(bl, flip), has_bl);
  *ph = vf_mul(q.A, q.r0);
  *g = vf_fma(q.r0, q.C, vf_fma(q.A, q.r0, vf_neg(*ph)));
}
/* every lane again with x scaled by 2^64 (exact; no subnormal product) and
 * one rounding at the end (sm_unscale_k), the sign of x restored on zeros;
 * then the |b| > 80 lanes from swish_u1_tail */
static __attribute__((noinline, unused)) vf swish_u1_small(vf x, vf bh, vf bl, vf y) {
  vf ph, g;
  swish_u1_s_(bh, bl, 1, &ph, &g);
  vf X = vf_mul(x, vf_set1(SM_EXP_2K));
  vf hi = vf_mul(X, ph);
  vf lo = vf_fma(X, g, vf_fma(X, ph, vf_neg(hi)));
  vf t = vf_or(sm_unscale_k(hi, lo), vf_signbit(x));
  y = vf_select(vf_lt(vf_abs(y), vf_set1(SWISH_SMALL_Y)), t, y);
  return swish_u1_tail(x, bh, bl, y);
}
VEC_INLINE vf swish_u1_core(vf x, vf xm, vf bh, vf bl, int has_bl) {
  (void)xm;
  vf ph, g;
  swish_u1_s_(bh, bl, has_bl, &ph, &g);
  vf y = vf_fma(x, ph, vf_mul(x, g));
  vm out;
  if (has_bl) {
    out = vm_or(vf_lt(vf_or(bh, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z)),
                vf_lt(vf_abs(y), vf_set1(SWISH_SMALL_Y)));
  } else {
    /* bits(z) - bits(-2^-99) > bits(-80) - bits(-2^-99) as unsigned, as a
     * signed compare of both sides plus 2^31: z = -0, NaN, -inf included */
    vi zb = vf_as_vi(vf_or(x, vf_set1(-0.0f)));
    out = vi_gt(vi_sub(zb, vi_set1(0x0e000000)), vi_set1((int32_t)0xb4a00000u));
  }
  if (vm_any(out)) y = swish_u1_small(x, bh, has_bl ? bl : vf_zero(), y);
  return y;
}
#else
/* x sigmoid(bh + bl), xm = x clamped (see above); the double-float quotient
 * and the product with xm in double, one rounding */
VEC_INLINE vf swish_u1_core(vf x, vf xm, vf bh, vf bl, int has_bl) {
  vf nh, nl, dh, dl;
  sigmoid_u1_nd_(bh, bl, has_bl, &nh, &nl, &dh, &dl);
  vf y = sm_mul_ddiv(xm, nh, nl, dh, dl);
  if (vm_any(vf_lt(vf_or(bh, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z))))
    y = swish_u1_tail(x, bh, has_bl ? bl : vf_zero(), y);
  return y;
}
#endif
VEC_INLINE vf swish_u1_body(vf x, const swish_ctx *c) {
  if (c->unit) return swish_u1_core(x, silu_clamp(x), x, x, 0);
  /* beta x = bh + bl exactly (FMA residual; emulated exactly without FMA) */
  vf bh = vf_mul(c->beta, x);
  vf bl = vf_fma(c->beta, x, vf_neg(bh));
  return swish_u1_core(x, swish_clamp(x, c), bh, bl, 1);
}
static inline vf silu_u1_body(vf x, const simdact_noctx *c) {
  (void)c;
  return swish_u1_core(x, silu_clamp(x), x, x, 0);
}

SIMDACT_ELEMENTWISE(swish, approx, swish_ctx, swish_prep, swish_approx_body)
SIMDACT_ELEMENTWISE(swish, u4, swish_ctx, swish_prep, swish_u4_body)
SIMDACT_ELEMENTWISE(swish, u1, swish_ctx, swish_prep, swish_u1_body)
SIMDACT_ELEMENTWISE(silu, approx, simdact_noctx, simdact_noprep, silu_approx_body)
SIMDACT_ELEMENTWISE(silu, u4, simdact_noctx, simdact_noprep, silu_u4_body)
SIMDACT_ELEMENTWISE(silu, u1, simdact_noctx, simdact_noprep, silu_u1_body)
