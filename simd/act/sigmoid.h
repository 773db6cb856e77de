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
 *         (With vf_scalef, AVX-512, approx and u4 differ: see there.)
 * u1:     with FMA (AVX2, AVX-512, NEON): 1/(1 + e^-b) for either sign of
 *         b, e^-b from the table-driven core (simd/math/exptab.h), the
 *         reciprocal estimate r0 and its residual e = 1 - r0 D, r0 (1 + e)
 *         rounded once by a final FMA (see sigmoid_u1_rcp_).  Without FMA
 *         (scalar, SSE4.1): E = Eh + El (2^-27), D = 1 + E as Dh + Dl (exact
 *         Fast2Sum), and N/D in double (cheaper there than emulated FMAs).
 *         Lanes with |b| > 80 (z < -80: E below 2^-115) go through a rare
 *         vector branch that carries E * 2^64 and rounds once
 *         (sm_unscale_k).
 *
 * swish(x) = x * sigmoid(beta x); silu = swish with beta = 1 (own kernels: no
 * beta product).  u1 carries beta*x as a double-float (FMA residual) into the
 * exponential and multiplies x into the double-float quotient, rounding once.
 * Below beta*x = -120 the result is a signed zero (|x e^(beta x)| < 2^-150
 * there for beta >= 1/16), and +inf gives +inf. */

#if VF_HAS_SCALEF
/* ---- approx with vf_scalef (AVX-512): t = -b log2 e (one product; swish
 * folds beta into the constant), E = e^-b = 2^t by sm_exp2_sf_approx (no
 * clamp), and for t <= SIG_T_TAIL (b >= -85.95)
 *   sigmoid = vf_rcp14(1 + E),
 * 1 + E below 2^125 (E <= 2^124 p(f), p < 2), inside the estimate's range,
 * so the reciprocal is a normal number.  Error: E's 2^-13.7 (damped by
 * E/(1 + E)), the estimate's 2^-14 and the roundings: about 2^-12.8 in all.
 * t = -inf (b = +inf) gives E = 0, NaN stays NaN.  Lanes with t above
 * SIG_T_TAIL (sigmoid below 2^-124, subnormal below b = -87.3, and the
 * infinite t) are rare and go to sigmoid_approx_tail (a vector branch).
 * The tail test compares t's bits as integers (positive floats order as
 * their bits; a NaN with a clear sign bit takes the tail too, and stays NaN
 * there). */
#define SIG_T_TAIL 124.0f
VEC_INLINE vm sigmoid_t_tail(vf t) { return vi_gt(vf_as_vi(t), vf_as_vi(vf_set1(SIG_T_TAIL))); }
/* Tail lanes: 1 + E carried times SIG_SF_K = 2^-32 (folded into the
 * exponential's coefficients: E 2^-32 stays finite up to t = 160, beyond
 * which sigmoid < 2^-160 rounds to 0 and E 2^-32 = inf gives it), divided
 * (one rounding, subnormal results too):
 *   sigmoid = RN(2^-32 / D), D = RN(E' + 2^-32), E' = 2^t 2^-32.
 * x is clamped to the finite range (swish/silu, xm): there the product with
 * a zero sigmoid is a zero with the sign of x, not NaN. */
#define SIG_SF_K 0x1p-32f
VEC_INLINE vf sigmoid_approx_tail_s(vf t) {
  vf e = sm_exp2_sf_approx(t, SIG_SF_K);
  return vf_div(vf_set1(SIG_SF_K), vf_add(e, vf_set1(SIG_SF_K)));
}
static __attribute__((noinline, unused)) vf sigmoid_approx_tail(vf t, vf y) {
  return vf_select(sigmoid_t_tail(t), sigmoid_approx_tail_s(t), y);
}
static __attribute__((noinline, unused)) vf swish_approx_tail(vf x, vf t, vf y) {
  vf xm = vf_min(vf_set1(0x1.fffffep127f), vf_max(vf_set1(-0x1.fffffep127f), x));
  return vf_select(sigmoid_t_tail(t), vf_mul(xm, sigmoid_approx_tail_s(t)), y);
}
VEC_INLINE vf sigmoid_approx_t(vf t) {
  return vf_rcp14(vf_add(vf_set1(1.0f), sm_exp2_sf_approx(t, 1.0f)));
}
VEC_INLINE vf sigmoid_approx_core(vf b) {
  vf t = vf_mul(b, vf_set1(-SM_LOG2E));
  vf y = sigmoid_approx_t(t);
  if (vm_any(sigmoid_t_tail(t))) y = sigmoid_approx_tail(t, y);
  return y;
}
/* x sigmoid(b), t = -b log2 e = x * nlb (nlb = RN(-beta log2 e)): for
 * |beta| in [2^-4, 2^20] (simdact_params_check) the two roundings move t
 * by |t| 2^-23, 2^-17.6 of E at the tail's edge */
VEC_INLINE vf swish_approx_core(vf x, vf nlb, vf beta) {
  (void)beta;
  vf t = vf_mul(x, nlb);
  vf y = vf_mul(x, sigmoid_approx_t(t));
  if (vm_any(sigmoid_t_tail(t))) y = swish_approx_tail(x, t, y);
  return y;
}

/* ---- u4 with vf_scalef: y = 1 / (1 + e^-b) for every b, no select.  b is
 * clamped to [-110, 110] (NaN kept): beyond, sigmoid is 1 or rounds to 0
 * (e^-110 < 2^-158).  1 + e^-b is carried times SIG_SF_K = 2^-32 (folded
 * into the exponential's coefficients), so it stays below 2^127 up to e^110
 * and its reciprocal stays normal:
 *   sigmoid = RN(2^-32 / D), D = RN(E' + 2^-32), E' = e^-b 2^-32: the
 *   division rounds once (subnormal results too), so the error is E''s
 *   (sm_exp_sf_u4, 2^-23.3 and the reduction's roundings) and D's rounding.
 * vdivps runs beside the FMA and add pipes (Zen 4): about 3 FMA-pipe cycles,
 * as much as an estimate and a Newton step, and exact. */
#define SIG_SF_BMAX 110.0f
VEC_INLINE vf sigmoid_sf_clamp(vf b) {
  return vf_min(vf_set1(SIG_SF_BMAX), vf_max(vf_set1(-SIG_SF_BMAX), b));
}
VEC_INLINE vf sigmoid_u4_core(vf b) {
  vf e = sm_exp_sf_u4(vf_neg(sigmoid_sf_clamp(b)), SIG_SF_K);
  return vf_div(vf_set1(SIG_SF_K), vf_add(e, vf_set1(SIG_SF_K)));
}
#else
/* ---- approx and u4: y = N / (1 + E), N = b < 0 ? E : 1 ---- */
VEC_INLINE vf sigmoid_approx_nd(vf b) {
  vf e = sm_exp_approx(vf_or(b, vf_set1(-0.0f)));
  vf n = vf_select(vf_lt(b, vf_zero()), e, vf_set1(1.0f));
#if VF_FAST_DIV
  return vf_div(n, vf_add(vf_set1(1.0f), e));
#else
  return vf_mul(n, vf_rcp14(vf_add(vf_set1(1.0f), e)));
#endif
}
#if VF_FAST_DIV
/* ---- approx, AVX2 (the divider is the bound there): as the AVX-512 form,
 * t = -b log2 e by one product (beta folded in for swish), but 2^t from
 * n = rint(t) by the round-to-integer shift (k = t + SM_EXP_SHIFT0 holds
 * n + 127 in its low bits), f = t - n in [-1/2, 1/2] (exact), 2^f of degree
 * 3 (SM_EXP2_3, 7.5e-5) times 2^n built by one shift, and
 *   sigmoid = 1 / (1 + E),  swish = x / (1 + E)
 * by one division (one rounding) for |t| <= SIG_T_TAIL, where 2^n is a
 * normal number and 1 + E < 2^125.  Lanes with |t| > 124 (|b| > 85.95:
 * subnormal sigmoid below, sigmoid = 1 above, infinities) take a rare
 * branch through sigmoid_approx_nd; NaN stays NaN. */
#define SIG_T_TAIL 124.0f
VEC_INLINE vm sigmoid_t_tail2(vf t) { return vf_gt(vf_abs(t), vf_set1(SIG_T_TAIL)); }
VEC_INLINE vf sigmoid_approx_d(vf t) {
  vf k = vf_add(t, vf_set1(SM_EXP_SHIFT0));
  vf f = vf_sub(t, vf_sub(k, vf_set1(SM_EXP_SHIFT0)));
  vf p = vf_mla(vf_set1(SM_EXP2_3_C3), f, vf_set1(SM_EXP2_3_C2));
  p = vf_mla(p, f, vf_set1(SM_EXP2_3_C1));
  p = vf_mla(p, f, vf_set1(SM_EXP2_3_C0));
  return vf_add(vf_set1(1.0f), vf_mul(p, vi_as_vf(vi_shl(vf_as_vi(k), 23))));
}
/* tail lanes: x sigmoid(b) by the generic formula; where sigmoid is 0 and
 * x infinite, a zero with the sign of x */
static __attribute__((noinline, unused)) vf swish_approx_tail2(vf x, vf b, vf t, vf y, int mul) {
  vf s = sigmoid_approx_nd(b);
  if (mul) s = vf_select(vf_eq(s, vf_zero()), vf_signbit(x), vf_mul(x, s));
  return vf_select(sigmoid_t_tail2(t), s, y);
}
VEC_INLINE vf sigmoid_approx_core(vf b) {
  vf t = vf_mul(b, vf_set1(-SM_LOG2E));
  vf y = vf_div(vf_set1(1.0f), sigmoid_approx_d(t));
  if (vm_any(sigmoid_t_tail2(t))) y = swish_approx_tail2(b, b, t, y, 0);
  return y;
}
/* x sigmoid(beta x) = x / (1 + E), t = x nlb (nlb = RN(-beta log2 e)) */
VEC_INLINE vf swish_approx_core(vf x, vf nlb, vf beta) {
  vf t = vf_mul(x, nlb);
  vf y = vf_div(x, sigmoid_approx_d(t));
  if (vm_any(sigmoid_t_tail2(t))) y = swish_approx_tail2(x, vf_mul(beta, x), t, y, 1);
  return y;
}
#else
VEC_INLINE vf sigmoid_approx_core(vf b) { return sigmoid_approx_nd(b); }
#endif
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
#if VF_FAST_DIV
/* AVX2: N / (1 + E) by one division, rounded once */
VEC_INLINE vf sigmoid_u4_core(vf b) {
  vf one = vf_set1(1.0f);
  vf e = sm_exp_u4(vf_or(b, vf_set1(-0.0f)));
  return vf_div(vf_select(vf_lt(b, vf_zero()), e, one), vf_add(one, e));
}
#else
VEC_INLINE vf sigmoid_u4_core(vf b) { return sigmoid_u4_core_(b, 0); }
#endif
#endif

/* ---- u1 ----
 * Without FMA: sigmoid(bh + bl) = (nh + nl) / (dh + dl) for bh > -87 (other
 * lanes: garbage below -87; sigmoid_u1_tail takes z < -80). */
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
/* With FMA, one formula for both signs: sigmoid(b) = 1/D, D = 1 + E',
 * E' = e^-b = H (1 + w) from the table-driven core (simd/math/exptab.h,
 * relative error below 2^-28) for b in [-80, 80] (E' up to e^80 < 2^116: no
 * overflow; 1/D keeps its relative accuracy however large D is, so there is
 * no select between 1/(1 + E) and E/(1 + E)).  With W = RN(H w),
 *   r0 = vf_rcp14(RN(1 + RN(H + W)))                      (2^-14)
 *   e  = 1 - r0 D = (RN(Oh - r0 H) + RN(Ol - r0 W))        (|e| <= 2^-14)
 * where Oh + Ol = 1 - r0 exactly (Fast2Sum: r0 <= 1 + 2^-14 has 1's
 * exponent; Ol = 0 when r0 >= 1/2).  Oh - r0 H and Ol - r0 W are at most
 * 0.022 (1 - r0 and r0 H cancel to e + r0 W - Ol): 2^-30 each, and W's
 * rounding times r0 2^-29.5, so e is within 2^-28.6 absolute; the final
 * add rounds below 2^-38.  Then 1/D = r0 (1 + e) + r0 e^2 (2^-28), so
 *   sigmoid(b) = RN(r0 + r0 e)   (one FMA),
 * and x sigmoid(b) = RN(x r0 + RN(RN(x e) r0)).  Error before the final
 * rounding: E' (2^-28, damped by E'/D <= 1), e (2^-28.6), e^2 (2^-28) and
 * the products' roundings (2^-38): below 2^-26.4 for every b, so at most
 * 0.69 ULP in all (exhaustive silu.u1.avx512: 0.60 on [-80, 80], 0.67 in
 * the tail); no select, no double-float product with N.  Lanes with
 * |b| > 80 take the rare tail branches (sigmoid_u1_tail, swish_u1_small). */
/* 1/(1 + e^-(bh + bl)) = r0 (1 + e) (has_bl: compile-time) */
VEC_INLINE void sigmoid_u1_rcp_(vf bh, vf bl, int has_bl, vf *r0, vf *e) {
  vf H, w, one = vf_set1(1.0f);
  sm_expt_neg(bh, bl, has_bl, &H, &w);
  vf W = vf_mul(H, w);
  *r0 = vf_rcp14(vf_add(one, vf_add(H, W)));
  vf oh = vf_sub(one, *r0);
  vf ol = vf_sub(vf_sub(one, oh), *r0);
  /* (negating H and W, each used once, lets the compiler use FNMADD) */
  *e = vf_add(vf_fma(vf_neg(H), *r0, oh), vf_fma(vf_neg(W), *r0, ol));
}

VEC_INLINE vf sigmoid_u1_core(vf x) {
  vf r0, e;
  sigmoid_u1_rcp_(x, x, 0, &r0, &e);
  vf y = vf_fma(r0, e, r0);
  if (vm_any(vf_lt(vf_or(x, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z))))
    y = sigmoid_u1_tail(x, vf_zero(), y);
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
  vf nlb;          /* RN(-beta log2 e) (the scalef approx core) */
  int unit;        /* beta == 1: swish u1 takes silu's path (b = x exactly) */
} swish_ctx;
static inline void swish_prep(swish_ctx *c, const simdact_params *p) {
  float b = SIMDACT_BETA(p, swish);
  c->beta = vf_set1(b);
  c->lo = vf_set1(b > 0 ? -0x1.fffffep127f : -__builtin_inff());
  c->hi = vf_set1(b < 0 ? 0x1.fffffep127f : __builtin_inff());
  c->nlb = vf_set1(-b * SM_LOG2E);
  c->unit = b == 1.0f;
}
/* vf_max(c, x) / vf_min(c, x) keep a NaN x */
VEC_INLINE vf swish_clamp(vf x, const swish_ctx *c) {
  return vf_min(c->hi, vf_max(c->lo, x));
}
VEC_INLINE vf silu_clamp(vf x) { return vf_max(vf_set1(-0x1.fffffep127f), x); }

#if VF_HAS_SCALEF || VF_FAST_DIV
/* (x = +-inf on the side where sigmoid is 0 has t = +inf: the tail) */
static inline vf swish_approx_body(vf x, const swish_ctx *c) {
  return swish_approx_core(x, c->nlb, c->beta);
}
static inline vf silu_approx_body(vf x, const simdact_noctx *c) {
  (void)c;
  return swish_approx_core(x, vf_set1(-SM_LOG2E), vf_set1(1.0f));
}
#else
static inline vf swish_approx_body(vf x, const swish_ctx *c) {
  return vf_mul(swish_clamp(x, c), sigmoid_approx_core(vf_mul(c->beta, x)));
}
static inline vf silu_approx_body(vf x, const simdact_noctx *c) {
  (void)c;
  return vf_mul(silu_clamp(x), sigmoid_approx_core(x));
}
#endif

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
 * sigmoid and take the u1 tail branch (rare: a vector with such a lane).
 * beta x = b + bl (has_bl: beta != 1): the rounding of b moves sigmoid(b)
 * by the relative (1 - s) bl, up to 65 ULP (beta = 1.702, x = -40), added
 * back (1 - s is needed to a few bits only: an estimate); lanes where bl is
 * NaN (x infinite) have |b| > 80 and take the tail. */
VEC_INLINE vf swish_u4_core(vf x, vf xm, vf b, vf bl, int has_bl) {
  vf one = vf_set1(1.0f), oms;
#if VF_HAS_SCALEF
  /* x / (1 + e^-b), one division (e^-b < 2^116 on the lanes kept).  No
   * clamp of b or x: the lanes where it would matter (|b| > 80, x infinite)
   * are replaced by the tail below, NaN stays NaN. */
  vf e = sm_exp_sf_u4(vf_neg(b), 1.0f);
  vf d = vf_add(one, e);
  vf y = vf_div(x, d);
  (void)xm;
  if (has_bl) oms = vf_mul(e, vf_rcp14(d));
#elif VF_FAST_DIV
  /* AVX2: x N / (1 + E) by one division (two roundings with x N) instead
   * of the estimate, a compensated Newton step and two products */
  vf e = sm_exp_u4(vf_or(b, vf_set1(-0.0f)));
  vm neg = vf_lt(b, vf_zero());
  vf d = vf_add(one, e);
  vf y = vf_div(vf_mul(xm, vf_select(neg, e, one)), d);
  if (has_bl) oms = vf_mul(vf_select(neg, one, e), vf_rcp14(d));
#else
  vf s = sigmoid_u4_core_(b, 1);
  vf y = vf_mul(xm, s);
  if (has_bl) oms = vf_sub(one, s);
#endif
  /* (y = 0 kept as it is: y + 0 would turn -0 into +0) */
  if (has_bl) y = vf_select(vf_eq(y, vf_zero()), y, vf_mla(vf_mul(y, oms), bl, y));
  if (vm_any(vf_lt(vf_or(b, vf_set1(-0.0f)), vf_set1(SIG_TAIL_Z))))
    y = swish_u1_tail(x, b, has_bl ? bl : vf_zero(), y);
  return y;
}
static inline vf swish_u4_body(vf x, const swish_ctx *c) {
  if (c->unit) return swish_u4_core(x, swish_clamp(x, c), x, x, 0);
  vf b = vf_mul(c->beta, x);
  return swish_u4_core(x, swish_clamp(x, c), b, vf_fma(c->beta, x, vf_neg(b)), 1);
}
static inline vf silu_u4_body(vf x, const simdact_noctx *c) {
  (void)c;
  return swish_u4_core(x, silu_clamp(x), x, x, 0);
}

#if VF_HAS_FMA
/* x sigmoid(bh + bl) (has_bl 0: b = x exactly, silu or beta = 1).  With FMA,
 * from sigmoid = r0 (1 + e) (sigmoid_u1_rcp_): x s = RN(x r0 + RN(x g)),
 * g = RN(r0 e) (the roundings of g and x g are 2^-38 of x s).  Where x s is
 * below 2^-100 (x tiny or zero, or a large beta), RN(x g) could round in the
 * subnormal range or give the wrong zero sign: those lanes, and those with
 * |b| > 80, go to the rare swish_u1_small branch.  With b = x that is
 * |x| outside [2^-99, 80] (one integer range check on the bits of -|x|: y
 * is at least 80 e^-80 > 2^-110 inside); else it is tested on y.  x is not
 * clamped (xm unused): lanes where the clamp matters (x = +-inf) have
 * |b| > 80. */
#define SWISH_SMALL_Y 0x1p-100f
VEC_INLINE void swish_u1_s_(vf bh, vf bl, int has_bl, vf *r0, vf *g) {
  vf e;
  sigmoid_u1_rcp_(bh, bl, has_bl, r0, &e);
  *g = vf_mul(*r0, e);
}
/* every lane again with x scaled by 2^64 (exact; no subnormal product) and
 * one rounding at the end (sm_unscale_k), the sign of x restored on zeros;
 * then the |b| > 80 lanes from swish_u1_tail */
static __attribute__((noinline, unused)) vf swish_u1_small(vf x, vf bh, vf bl, vf y) {
  vf r0, g;
  swish_u1_s_(bh, bl, 1, &r0, &g);
  vf X = vf_mul(x, vf_set1(SM_EXP_2K));
  vf hi = vf_mul(X, r0);
  vf lo = vf_fma(X, g, vf_fma(X, r0, vf_neg(hi)));
  vf t = vf_or(sm_unscale_k(hi, lo), vf_signbit(x));
  y = vf_select(vf_lt(vf_abs(y), vf_set1(SWISH_SMALL_Y)), t, y);
  return swish_u1_tail(x, bh, bl, y);
}
VEC_INLINE vf swish_u1_core(vf x, vf xm, vf bh, vf bl, int has_bl) {
  (void)xm;
  vf r0, g;
  swish_u1_s_(bh, bl, has_bl, &r0, &g);
  vf y = vf_fma(x, r0, vf_mul(x, g));
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
/* beta x = bh + bl exactly (FMA residual; emulated exactly without FMA) */
VEC_INLINE vf swish_u1_body(vf x, const swish_ctx *c) {
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
/* swish u1 at beta = 1 is silu u1 (same bits), picked once per call: the
 * per-vector test of c->unit cost swish 2-3% against silu (AVX-512, Zen 4) */
static inline int swish_unit(const swish_ctx *c) { return c->unit; }
static inline vf swish_u1_unit_body(vf x, const swish_ctx *c) {
  (void)c;
  return silu_u1_body(x, NULL);
}
SIMDACT_ELEMENTWISE_IF(swish, u1, swish_ctx, swish_prep, swish_unit, swish_u1_unit_body, swish_u1_body)
SIMDACT_ELEMENTWISE(silu, approx, simdact_noctx, simdact_noprep, silu_approx_body)
SIMDACT_ELEMENTWISE(silu, u4, simdact_noctx, simdact_noprep, silu_u4_body)
SIMDACT_ELEMENTWISE(silu, u1, simdact_noctx, simdact_noprep, silu_u1_body)
