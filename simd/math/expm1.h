/* expm1 cores for z <= 0 (elu, selu, tanh), over simd/vec/ and the
 * reduction constants of simd/math/exp.h.
 *
 *   sm_expm1_approx(z)  expm1(z), relative error < 2^-15 (plus the clamp
 *                       below -16.6, where the result is within 2 ULP of -1)
 *   sm_expm1_u4(z)      expm1(z), relative error < 2^-23
 *   sm_expm1_u1(z, &h, &l)  expm1(z) = h + l, relative error < 2^-27
 *   sm_expm1_red_*      the pieces, for callers that need S = 2^n and s:
 *                       expm1(z) = S (1 + s) - 1 = (S - 1) + S s
 *
 * Domain: z <= 0.35 or NaN (NaN in, NaN out); -inf gives -1.  Every z
 * between -0.35 and 0 (n = 0) has r = z exactly and expm1 = s, with the
 * relative accuracy of the polynomial, so tiny and subnormal z give z.
 *
 * Reduction: n = round(z log2 e), clamped to n >= -24 so that S - 1 is exact
 * (z is clamped to -18.5 first: expm1 is -1 to float precision below -17.4,
 * and the polynomial, evaluated up to r = -1.9 there, only feeds the S s term
 * below 2^-24).  Coefficients: simd/math/sollya/exp.sollya. */
#ifndef SIMDACT_MATH_EXPM1_H
#define SIMDACT_MATH_EXPM1_H

#include "simd/math/exp.h"
#include "simd/math/logtab_coeffs.h"

typedef struct {
  vf r, nf, S;
} sm_expm1_red;

/* cw2: two-constant (Cody-Waite) reduction, else one constant (approx).
 * rhi_out: r_hi, for the rounding error of r (NULL: not needed).  The
 * subtraction order gives r = z exactly, zero sign included, when n = 0. */
VEC_INLINE sm_expm1_red sm_expm1_reduce(vf z, int clamp_n, int cw2, vf *rhi_out) {
  sm_expm1_red e;
  z = vf_max(vf_set1(clamp_n ? -18.5f : -16.5f), z);
  vf t = vf_mla(z, vf_set1(SM_LOG2E), vf_set1(SM_EXP_SHIFT0));
  if (clamp_n) t = vf_max(vf_set1(SM_EXP_SHIFT0 - 24.0f), t);
  e.nf = vf_sub(t, vf_set1(SM_EXP_SHIFT0));
  if (cw2) {
    vf rhi = vf_mla(vf_neg(e.nf), vf_set1(SM_LN2_HI), z);
    e.r = vf_mla(vf_neg(e.nf), vf_set1(SM_LN2_LO), rhi);
    if (rhi_out) *rhi_out = rhi;
  } else {
    e.r = vf_mla(vf_neg(e.nf), vf_set1(0.693147182464599609375f /* RN(ln 2) */), z);
  }
  e.S = vi_as_vf(vi_shl(vf_as_vi(t), 23));
  return e;
}

/* expm1(r), degree 4 (relative error 2^-15.5) */
VEC_INLINE vf sm_expm1_poly4(vf r) {
  vf p = vf_mla(vf_set1(SM_EXPM1_4_C4), r, vf_set1(SM_EXPM1_4_C3));
  p = vf_mla(p, r, vf_set1(SM_EXPM1_4_C2));
  return vf_mla(vf_mul(r, r), p, r);
}
/* expm1(r), degree 6 (relative error 2^-26) */
VEC_INLINE vf sm_expm1_poly6(vf r) {
  vf p = vf_mla(vf_set1(SM_EXPM1_6_C6), r, vf_set1(SM_EXPM1_6_C5));
  p = vf_mla(p, r, vf_set1(SM_EXPM1_6_C4));
  p = vf_mla(p, r, vf_set1(SM_EXPM1_6_C3));
  p = vf_mla(p, r, vf_set1(0.5f));
  return vf_mla(vf_mul(r, r), p, r);
}

/* expm1(z) = (S - 1) + S s with one rounding (S s is exact) */
VEC_INLINE vf sm_expm1_approx(vf z) {
  sm_expm1_red e = sm_expm1_reduce(z, 0, 0, NULL);
  return vf_mla(e.S, sm_expm1_poly4(e.r), vf_sub(e.S, vf_set1(1.0f)));
}
VEC_INLINE vf sm_expm1_u4(vf z) {
  sm_expm1_red e = sm_expm1_reduce(z, 1, 1, NULL);
  return vf_mla(e.S, sm_expm1_poly6(e.r), vf_sub(e.S, vf_set1(1.0f)));
}

/* ---- table core (VF_FAST_LUT32: AVX-512), u4 tier ----
 * expm1(z) for z <= 0 or NaN (z > 0: garbage, no trap) by a table of
 * e^(k/2): k = rint(2 z) from the 0x1.8p22 shift (its bits end in k), raised
 * to k >= -31 by an integer max, g = z - k/2 exactly (|g| <= 1/4, and g = z
 * while k = 0: tiny and subnormal z keep their relative accuracy), and
 *   expm1 z = E_k expm1(g) + D_k = fma(E_k, g + g^2 (c2 + ... + c6 g^4), D_k)
 * with E_k = RN(a e^(k/2)), D_k = RN(a expm1(k/2)) from te/td (a = 1:
 * sm_et_e/sm_et_d; callers may pass tables scaled by a factor a).  z is
 * clamped at -17.5 (expm1 there is within 0.42 ULP of -1; g reaches -2 below
 * k = -31, where the polynomial's error is damped by E_-31 = 1.9e-7).
 * Tables and coefficients: simd/math/sollya/logtab.sollya (2^-28.9 for the
 * polynomial; D_k's rounding adds up to 1 ULP near z = -1/4). */
VEC_INLINE vf sm_expm1_tab(vf z, const float *te, const float *td) {
  vf shift = vf_set1(0x1.8p22f);
  vf zc = vf_max(vf_set1(-17.5f), z); /* NaN kept */
  vi k = vi_max(vf_as_vi(vf_add(zc, shift)), vf_as_vi(vf_set1(0x1.8p22f - 15.5f)));
  vf g = vf_sub(zc, vf_sub(vi_as_vf(k), shift));
  vf q = vf_mla(vf_set1(SM_ET_C6), g, vf_set1(SM_ET_C5));
  q = vf_mla(q, g, vf_set1(SM_ET_C4));
  q = vf_mla(q, g, vf_set1(SM_ET_C3));
  q = vf_mla(q, g, vf_set1(SM_ET_C2));
  vf p = vf_mla(vf_mul(g, g), q, g);
  return vf_mla(vf_lut32(te, k), p, vf_lut32(td, k));
}

/* expm1(z) = h + l.  s = expm1(r + rlo) as sh + sl: expm1(r) = r + r T with
 * T = r/2 + r^2 (c3 + ... + c7 r^4) (degree 7, relative error 2^-31),
 * sh = RN(r + r T) and sl its residual (r - sh is exact), plus
 * rlo (1 + sh).  Then (S - 1) + S sh by Fast2Sum (|S - 1| >= 1/2 > |S sh|
 * when n < 0; when n = 0, S - 1 = 0 and h = sh), and S sl into the low part.
 * S - 1, S sh and S sl are exact. */
VEC_INLINE void sm_expm1_u1(vf z, vf *h, vf *l) {
  vf rhi;
  sm_expm1_red e = sm_expm1_reduce(z, 1, 1, &rhi);
  vf r = e.r;
  vf rlo = vf_mla(vf_neg(e.nf), vf_set1(SM_LN2_LO), vf_sub(rhi, r));
  vf q = vf_mla(vf_set1(SM_EXPM1_7_C7), r, vf_set1(SM_EXPM1_7_C6));
  q = vf_mla(q, r, vf_set1(SM_EXPM1_7_C5));
  q = vf_mla(q, r, vf_set1(SM_EXPM1_7_C4));
  q = vf_mla(q, r, vf_set1(SM_EXPM1_7_C3));
  vf T = vf_mla(vf_mul(r, r), q, vf_mul(r, vf_set1(0.5f)));
  vf sh = vf_fma(r, T, r);
  vf sl = vf_fma(r, T, vf_sub(r, sh));
  sl = vf_add(sl, vf_mla(rlo, sh, rlo));
  vf sm1 = vf_sub(e.S, vf_set1(1.0f));
  vf ssh = vf_mul(e.S, sh);
  vf hh = vf_add(sm1, ssh);
  *l = vf_mla(e.S, sl, vf_add(vf_sub(sm1, hh), ssh));
  *h = hh;
}

#endif
