/* gelu(x) = x * Phi(x) = 0.5 * x * erfc(-x / sqrt 2).
 *
 * Every tier uses the same cancellation-free form.  With z = |x|,
 *   Phi(-z) = exp(-z^2/2) * G(z),  G(z) = erfc(z/sqrt 2)/2 * exp(z^2/2),
 * where G is smooth (G(0) = 1/2, G(z) ~ 1/(z sqrt(2 pi))) and is a polynomial
 * in t = 1/(1 + P z).  Then gelu(x) = x * w for x <= 0 and x * (1 - w) for
 * x > 0, with w = Phi(-z) <= 1/2: no 1 + erf cancellation anywhere, so the
 * negative tail keeps full relative accuracy down to the subnormal outputs.
 * Beyond z = ZMAX gelu(-z) is below 2^-150 and rounds to -0: z and x are
 * clamped to it, so +-inf and huge |x| need no special case.
 * Coefficients: simd/math/gelu_coeffs.h from simd/math/sollya/gelu.sol. */
#include "simd/math/gelu_coeffs.h"

#define GELU_P 0.375       /* 3/8, the t = 1/(1 + P z) map of gelu.sol */
#define GELU_ZMAX 14.375f  /* gelu.sol: gelu(-14.375) < 2^-150 */
#define GELU_LOG2E 1.4426950408889634 /* log2(e) */
#define GELU_LN2 0x1.62e42fefa39efp-1 /* ln 2 rounded to double */

/* ---- u1: the core in double precision ----
 * z^2 is exact in double (48 bits), so the exponent -z^2/2 carries no
 * rounding error at all; exp is 2^k * e^r with k = round(-z^2/2 log2 e)
 * taken in float (off by at most 2^-16 from the exact product, which only
 * widens |r| <= ln2/2 by that much) and 2^k built as a float (k >= -149 with
 * the clamp, so 2^k is exact even when subnormal).  w carries about 2^-27.5
 * relative error, and the product x * w or x * (1 - w) is rounded once, from
 * double to float: about 0.5 + 2^-3.5 ULP, subnormal outputs included. */
VEC_INLINE vd gelu_u1_half(vd xc, vd z, vd k, vd p2k, vd t0) {
  vd a = vd_mul(vd_mul(z, z), vd_set1(-0.5));           /* -z^2/2, exact */
  vd r = vd_mla(k, vd_set1(-GELU_LN2), a);               /* |r| <= 0.3466 */
  vd e = vd_set1(GELU_U1_E_C6);
  e = vd_mla(e, r, vd_set1(GELU_U1_E_C5));
  e = vd_mla(e, r, vd_set1(GELU_U1_E_C4));
  e = vd_mla(e, r, vd_set1(GELU_U1_E_C3));
  e = vd_mla(e, r, vd_set1(GELU_U1_E_C2));
  e = vd_mla(e, r, vd_set1(GELU_U1_E_C1));
  e = vd_mla(e, r, vd_set1(GELU_U1_E_C0));               /* e^r */
  /* t = 1/(1 + P z): one Newton step from the float quotient t0.  d*t0 is
   * exact in double (27 x 24 bits), so this holds without an FMA too. */
  vd d = vd_mla(z, vd_set1(GELU_P), vd_set1(1.0));
  vd t = vd_mla(t0, vd_sub(vd_set1(1.0), vd_mul(d, t0)), t0);
  vd g = vd_set1(GELU_U1_G_C10);
  g = vd_mla(g, t, vd_set1(GELU_U1_G_C9));
  g = vd_mla(g, t, vd_set1(GELU_U1_G_C8));
  g = vd_mla(g, t, vd_set1(GELU_U1_G_C7));
  g = vd_mla(g, t, vd_set1(GELU_U1_G_C6));
  g = vd_mla(g, t, vd_set1(GELU_U1_G_C5));
  g = vd_mla(g, t, vd_set1(GELU_U1_G_C4));
  g = vd_mla(g, t, vd_set1(GELU_U1_G_C3));
  g = vd_mla(g, t, vd_set1(GELU_U1_G_C2));
  g = vd_mla(g, t, vd_set1(GELU_U1_G_C1));
  g = vd_mla(g, t, vd_set1(GELU_U1_G_C0));               /* G(z) */
  vd w = vd_mul(vd_mul(e, g), p2k);                      /* Phi(-z), p2k exact */
  vd f = vd_select(vd_gt(xc, vd_set1(0.0)), vd_sub(vd_set1(1.0), w), w);     /* Phi(x) */
  return vd_mul(xc, f);
}

/* 2^k for integral k in [-149, 0], exact (a product of two normal powers). */
VEC_INLINE vf gelu_pow2(vf k) {
  vf ka = vf_max(k, vf_set1(-126.0f));
  vf kb = vf_sub(k, ka);
  vf pa = vi_as_vf(vi_shl(vi_add(vf_to_vi_round(ka), vi_set1(127)), 23));
  vf pb = vi_as_vf(vi_shl(vi_add(vf_to_vi_round(kb), vi_set1(127)), 23));
  return vf_mul(pa, pb);
}

VEC_INLINE vf gelu_u1_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf zmax = vf_set1(GELU_ZMAX);
  vf z = vf_min(vf_abs(x), zmax);                     /* NaN -> ZMAX */
  vf xc = vf_max(x, vf_neg(zmax));                    /* -inf -> -ZMAX; keeps -0 */
  vf k = vf_round(vf_mul(vf_mul(z, z), vf_set1((float)(-0.5 * GELU_LOG2E))));
  vf p2k = gelu_pow2(k);
  vf t0 = vf_div(vf_set1(1.0f), vf_mla(z, vf_set1((float)GELU_P), vf_set1(1.0f)));
  vd lo = gelu_u1_half(vd_from_vf_lo(xc), vd_from_vf_lo(z), vd_from_vf_lo(k),
                       vd_from_vf_lo(p2k), vd_from_vf_lo(t0));
  vd hi = gelu_u1_half(vd_from_vf_hi(xc), vd_from_vf_hi(z), vd_from_vf_hi(k),
                       vd_from_vf_hi(p2k), vd_from_vf_hi(t0));
  vf y = vf_from_vd(lo, hi);
  return vf_select(vf_isnan(x), x, y);
}
SIMDACT_ELEMENTWISE(gelu, u1, simdact_noctx, simdact_noprep, gelu_u1_body)
