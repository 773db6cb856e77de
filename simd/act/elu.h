/* elu and selu in three tiers, over simd/math/expm1.h.
 *
 * elu(x) = x >= 0 ? x : alpha expm1(x); the x >= 0 test keeps both zeros
 * (elu(-0) = -0) and sends NaN to the expm1 side, which returns it.  -inf
 * gives -alpha.  Subnormal and tiny x: expm1(x) = x exactly (n = 0, r = x).
 * selu(x) = lambda elu(x, alpha) with the SELU constants: lambda x (in u1
 * with lambda as a double-float, rounded once); below 0, lambda alpha
 * expm1(x).
 *
 * approx: degree-4 expm1, u4: degree-6 expm1, one product each; on
 *     AVX-512 (VF_FAST_LUT32) approx is a piecewise quadratic instead and
 *     u4 the table core sm_expm1_tab with alpha in its tables.
 * u1: expm1 as a double-float (h + l), and alpha (h + l) with one rounding:
 *     fma(alpha, h, alpha l); selu multiplies by lambda*alpha as a
 *     double-float constant.  The elu bound holds for any alpha (the
 *     product is rounded once), the selu one for its fixed constants. */

/* ELU_U4_TAB: the u4 tiers take the table core sm_expm1_tab (AVX-512) */
#define ELU_U4_TAB VF_FAST_LUT32
typedef struct { vf alpha; } elu_ctx;
static inline void elu_prep(elu_ctx *c, const simdact_params *p) {
  c->alpha = vf_set1(SIMDACT_ALPHA(p, elu));
}
VEC_INLINE vf elu_neg_arg(vf x) { return vf_min(vf_zero(), x); } /* NaN kept */

#if VF_FAST_LUT32
/* The AVX-512 kernels' tables (up to three of 32 floats), scaled by alpha
 * once per call: t[i][k] = alpha src_i[k], each rounded once (alpha = 1
 * copies them, -0 included; else within 2^-24 of alpha times the entry). */
typedef struct { float t[3][32] __attribute__((aligned(64))); } elu_tab_ctx;
static inline void elu_tab_scale(elu_tab_ctx *c, const simdact_params *p, const float *s0,
                                 const float *s1, const float *s2) {
  vf alpha = vf_set1(SIMDACT_ALPHA(p, elu));
  const float *src[3] = {s0, s1, s2};
  for (int i = 0; i < 3 && src[i]; i++)
    for (int j = 0; j < 32; j += VF_LANES) vf_storeu(c->t[i] + j, vf_mul(alpha, vf_loadu(src[i] + j)));
}
/* approx: the expm1 tables of simd/math/logtab.h */
static inline void elu_approx_prep(elu_tab_ctx *c, const simdact_params *p) {
  elu_tab_scale(c, p, sm_lt_expm1n_a0, sm_lt_expm1n_a1, sm_lt_expm1n_a2);
}
/* alpha expm1 x for x < 0 as a quadratic in x per quarter
 * binade of |x|, 2^-4 to 16 (x clamped above -16, where expm1 is within
 * 2 ULP of -1; NaN kept by vf_max's operand order), the last FMA masked to
 * the lanes x < 0: the others keep max(-16, x) = x (+-0, NaN, x > 0).
 * max, max, shift, three vpermt2ps, compare, two FMAs. */
VEC_INLINE vf elu_lt_neg(vf x, const float *a0, const float *a1, const float *a2) {
  vf xc = vf_max(vf_set1(-0x1.fffffep3f), x);
  sm_lt_piece p = sm_lt_eval(xc, -0x1p-4f, a0, a1, a2);
  return vf_mla_mask(vf_lt(x, vf_zero()), xc, p.q, p.a0);
}
static inline vf elu_approx_body(vf x, const elu_tab_ctx *c) {
  return elu_lt_neg(x, c->t[0], c->t[1], c->t[2]);
}
#else
/* x > 0 needs no min(0, x) first: its lanes (garbage, no trap) are not
 * selected */
static inline vf elu_approx_body(vf x, const elu_ctx *c) {
  vf y = vf_mul(c->alpha, sm_expm1_approx(x));
  return vf_select(vf_ge(x, vf_zero()), x, y);
}
#endif
#if ELU_U4_TAB
/* AVX-512 u4: sm_expm1_tab with alpha E_k, alpha D_k */
static inline void elu_u4_prep(elu_tab_ctx *c, const simdact_params *p) {
  elu_tab_scale(c, p, sm_et_e, sm_et_d, NULL);
}
static inline vf elu_u4_body(vf x, const elu_tab_ctx *c) {
  return vf_select(vf_lt(x, vf_zero()), sm_expm1_tab(x, c->t[0], c->t[1]), x);
}
#else
static inline vf elu_u4_body(vf x, const elu_ctx *c) {
  vf y = vf_mul(c->alpha, sm_expm1_u4(x)); /* x > 0: garbage, not selected */
  return vf_select(vf_ge(x, vf_zero()), x, y);
}
#endif
static inline vf elu_u1_body(vf x, const elu_ctx *c) {
  vf h, l;
  sm_expm1_u1(elu_neg_arg(x), &h, &l);
  vf y = vf_fma(c->alpha, h, vf_mul(c->alpha, l));
  return vf_select(vf_ge(x, vf_zero()), x, y);
}

/* SELU constants as DESIGN.md defines them (Klambauer et al. 2017, the
 * decimal doubles lambda = 1.0507009873554805, alpha = 1.6732632423543772):
 * SELU_L = RN(lambda); SELU_LA = RN(lambda alpha) and SELU_LA_LO the rest,
 * computed at compile time in double (lambda alpha in double is within
 * 2^-53 of the real product, far below what a float low part holds). */
#define SELU_L 0x1.0cfabep+0f
#define SELU_LA 0x1.c212ccp+0f
#define SELU_LA_LO ((float)(1.0507009873554805 * 1.6732632423543772 - (double)SELU_LA))
/* u1: lambda rounded DOWN, so that the low part is positive and
 * lambda x = fma(SELU_LD, x, SELU_LD_LO x) keeps the sign of x = -0 */
#define SELU_LD 0x1.0cfabcp+0f
#define SELU_LD_LO ((float)(1.0507009873554805 - (double)SELU_LD))

/* approx and u4: lambda x as RN(SELU_L x), within 1.06 ULP.  SELU_L is
 * above lambda, and at one input, SELU_XCAP (the largest float whose
 * lambda x rounds to FLT_MAX rather than inf; exact rational arithmetic), that product
 * overflows: it gets FLT_MAX.  tests/trans.c walks the floats around it. */
#define SELU_XCAP 0x1.e74b30p+127f
VEC_INLINE vf selu_pos(vf x) {
  return vf_select(vf_eq(x, vf_set1(SELU_XCAP)), vf_set1(0x1.fffffep127f),
                   vf_mul(vf_set1(SELU_L), x));
}

static inline vf selu_approx_body(vf x, const simdact_noctx *c) {
  (void)c;
#if VF_FAST_LUT32
  /* the tables fitted to lambda alpha expm1 (simd/math/logtab.h); the
   * masked FMA leaves x where x >= 0 (or NaN), replaced by lambda x */
  vf y = elu_lt_neg(x, sm_lt_selun_a0, sm_lt_selun_a1, sm_lt_selun_a2);
  return vf_select(vf_lt(x, vf_zero()), y, selu_pos(x));
#else
  vf y = vf_mul(vf_set1(SELU_LA), sm_expm1_approx(x)); /* x > 0: not selected */
  return vf_select(vf_ge(x, vf_zero()), selu_pos(x), y);
#endif
}
static inline vf selu_u4_body(vf x, const simdact_noctx *c) {
  (void)c;
#if ELU_U4_TAB
  /* AVX-512: the tables of lambda alpha E_k and lambda alpha D_k */
  return vf_select(vf_lt(x, vf_zero()), sm_expm1_tab(x, sm_et_selu_e, sm_et_selu_d),
                   selu_pos(x));
#else
  vf y = vf_mul(vf_set1(SELU_LA), sm_expm1_u4(x)); /* x > 0: not selected */
  return vf_select(vf_ge(x, vf_zero()), selu_pos(x), y);
#endif
}
static inline vf selu_u1_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf h, l;
  sm_expm1_u1(elu_neg_arg(x), &h, &l);
  vf la = vf_set1(SELU_LA);
  vf y = vf_fma(la, h, vf_mla(vf_set1(SELU_LA_LO), h, vf_mul(la, l)));
  /* lambda x, rounded once; the low product takes x capped at FLT_MAX so
   * that x = +inf gives inf + finite, not inf - inf */
  vf yp = vf_fma(vf_set1(SELU_LD), x,
                 vf_mul(vf_set1(SELU_LD_LO), vf_min(vf_set1(0x1.fffffep127f), x)));
  y = vf_select(vf_ge(x, vf_zero()), yp, y);
  /* Below 2^-90 the low product underflows and would round on its own: the
   * rare branch takes lambda x scaled by 2^64 and rounds once
   * (sm_mul_dd_unscale_k).  Both signs: lambda alpha expm1(x) is
   * lambda alpha x there. */
  vm tiny = vf_lt(vf_abs(x), vf_set1(0x1p-90f));
  if (vm_any(tiny)) {
    vf k = vf_select(vf_ge(x, vf_zero()), vf_set1(SELU_LD), la);
    vf kl = vf_select(vf_ge(x, vf_zero()), vf_set1(SELU_LD_LO), vf_set1(SELU_LA_LO));
    /* keep the zero's sign: x = -0 must give -0 */
    y = vf_select(vm_and(tiny, vm_not(vf_eq(x, vf_zero()))), sm_mul_dd_unscale_k(x, k, kl), y);
  }
  return y;
}

#if VF_FAST_LUT32
SIMDACT_ELEMENTWISE(elu, approx, elu_tab_ctx, elu_approx_prep, elu_approx_body)
#else
SIMDACT_ELEMENTWISE(elu, approx, elu_ctx, elu_prep, elu_approx_body)
#endif
#if ELU_U4_TAB
SIMDACT_ELEMENTWISE(elu, u4, elu_tab_ctx, elu_u4_prep, elu_u4_body)
#else
SIMDACT_ELEMENTWISE(elu, u4, elu_ctx, elu_prep, elu_u4_body)
#endif
SIMDACT_ELEMENTWISE(elu, u1, elu_ctx, elu_prep, elu_u1_body)
SIMDACT_ELEMENTWISE(selu, approx, simdact_noctx, simdact_noprep, selu_approx_body)
SIMDACT_ELEMENTWISE(selu, u4, simdact_noctx, simdact_noprep, selu_u4_body)
SIMDACT_ELEMENTWISE(selu, u1, simdact_noctx, simdact_noprep, selu_u1_body)
