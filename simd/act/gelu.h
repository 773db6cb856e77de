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
 * Coefficients: simd/math/gelu_coeffs.h from simd/math/sollya/gelu.sol
 * (u1 has its own P, GELU_U1_P). */
#include "simd/math/gelu_coeffs.h"

#define GELU_P 0.375       /* 3/8, the t = 1/(1 + P z) map of gelu.sol */
#define GELU_ZMAX 14.375f  /* gelu.sol: gelu(-14.375) < 2^-150 */
#define GELU_LOG2E 1.4426950408889634 /* log2(e) */
#define GELU_LN2 0x1.62e42fefa39efp-1 /* ln 2 rounded to double */

/* z = min(|x|, zmax) (NaN -> zmax) and *xc = max(x, -zmax) (-inf -> -zmax,
 * keeps -0) */
VEC_INLINE vf gelu_clamp(vf x, float zmax, vf *xc) {
  vf zm = vf_set1(zmax);
  *xc = vf_max(x, vf_neg(zm));
  return vf_min(vf_abs(x), zm);
}

/* c[n] x^n + ... + c[0] by Horner in double (vd_mla), c a constant array */
VEC_INLINE vd gelu_vd_horner(vd x, const double *c, int n) {
  vd p = vd_set1(c[n]);
  _Pragma("GCC unroll 16") for (int i = n - 1; i >= 0; i--) p = vd_mla(p, x, vd_set1(c[i]));
  return p;
}

/* e^r = EU(u) for u = -2r, |r| <= ln2/2 (+2^-14), in double (gelu.sol:
 * the degree-6 fit of e^r, its coefficients scaled by (-1/2)^i; gelu and
 * gelu_tanh u1) */
static const double gelu_u1_eu[] = {GELU_U1_EU_C0, GELU_U1_EU_C1, GELU_U1_EU_C2, GELU_U1_EU_C3,
                                    GELU_U1_EU_C4, GELU_U1_EU_C5, GELU_U1_EU_C6};
VEC_INLINE vd gelu_u1_exp_u(vd u) { return gelu_vd_horner(u, gelu_u1_eu, 6); }
/* G(t), degree 9 (gelu.sol) */
static const double gelu_u1_g[] = {GELU_U1_G_C0, GELU_U1_G_C1, GELU_U1_G_C2, GELU_U1_G_C3,
                                   GELU_U1_G_C4, GELU_U1_G_C5, GELU_U1_G_C6, GELU_U1_G_C7,
                                   GELU_U1_G_C8, GELU_U1_G_C9};

/* ---- u1: the core in double precision ----
 * Only xs = clamp(x, -zmax, zmax) is converted to double (two conversions
 * and two back per vector: each costs FMA-pipe cycles on Zen 4); z = |xs|.
 * z^2 is exact in double (48 bits), so the exponent -z^2/2 carries no
 * rounding error at all; exp is 2^k e^r with k = round(-z^2/2 log2 e) from
 * the rounded double product (k in [-149, 0], rounded by adding and
 * subtracting 1.5 2^52: the same k on every ISA), and e^r evaluated in
 * u = -2r = z^2 + k 2 ln2 (one FMA, no product by -1/2; gelu_u1_exp_u).
 * t = 1/(1 + P z) by a double division (P z exact, 1 + P z rounded once):
 * rcp14 + Newton steps cost as many FMA-pipe cycles on Zen 4 as vdivpd.
 * G(t) has degree 9 (2^-27.4 with P = 33/128).  w = e g 2^k (vd_scalef,
 * exact: 2^k >= 2^-149 is a normal double), and zs w or zs (1 - w) is
 * rounded once, from double to float: w carries about 2^-27 relative error,
 * so about 0.5 + 2^-3 ULP, subnormal outputs included.  Above zmax,
 * gelu(x) rounds to x (w < 2^-150) and NaN stays NaN: one select at the
 * end, on the float x.
 * Exhaustive (avx512; scalar, sse41 and avx2 give the same bits): max
 * 0.6242 ULP at 0xc12e6568, 0 non-finite or zero-sign mismatches.
 * AVX-512 (Zen 4, 4096 floats, one run): 1.05 ns/element against the libm
 * loop's 12.9 (12.3x) and SLEEF's 3.13, 0.855 of the time of the former
 * core (k and 2^k in float, xc, z, k and 2^k converted, G of degree 10:
 * 1.20 ns).  Measured per change: the two conversions instead of eight and
 * k in double 0.90, then degree 9 0.855; a vdivpd costs about 3 FMA-pipe
 * cycles, so rcp14 + Newton steps would not be cheaper. */
#define GELU_SHIFT 0x1.8p52 /* 1.5 2^52: x + SHIFT - SHIFT = rint(x), |x| < 2^51 */
VEC_INLINE vd gelu_u1_half(vd xs) {
  vd z = vd_and(xs, vd_from_bits(0x7fffffffffffffffull));
  vd z2 = vd_mul(z, z);                                  /* exact */
  vd k = vd_sub(vd_add(vd_mul(z2, vd_set1(-0.5 * GELU_LOG2E)), vd_set1(GELU_SHIFT)),
                vd_set1(GELU_SHIFT));
  vd e = gelu_u1_exp_u(vd_mla(k, vd_set1(2.0 * GELU_LN2), z2)); /* e^r */
  vd t = vd_div(vd_set1(1.0), vd_mla(z, vd_set1(GELU_U1_P), vd_set1(1.0)));
  vd g = gelu_vd_horner(t, gelu_u1_g, 9);               /* G(z) */
  vd w = vd_scalef(vd_mul(e, g), k);                     /* Phi(-z) */
  vd f = vd_select(vd_gt(xs, vd_set1(0.0)), vd_sub(vd_set1(1.0), w), w); /* Phi(x) */
  return vd_mul(xs, f);
}

VEC_INLINE vf gelu_u1_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf zm = vf_set1(GELU_ZMAX);
  vf xs = vf_min(vf_max(x, vf_neg(zm)), zm);
  vf y = vf_from_vd(gelu_u1_half(vd_from_vf_lo(xs)), gelu_u1_half(vd_from_vf_hi(xs)));
  return vf_select(vm_or(vf_isnan(x), vf_gt(x, zm)), x, y);
}
SIMDACT_ELEMENTWISE(gelu, u1, simdact_noctx, simdact_noprep, gelu_u1_body)

/* gelu_tanh(x) = 0.5 x (1 + tanh(u)), u = sqrt(2/pi) (x + 0.044715 x^3).
 * 1 + tanh(u) = 2 sigmoid(2u), so gelu_tanh(x) = x s with s = sigmoid(v),
 * v = 2u, and with E = e^-|v| <= 1: s = 1/(1 + E) for x > 0 and E/(1 + E)
 * for x <= 0 (v has the sign of x).  No cancellation on either side.
 *
 * u1: in double.  v = C1 z + C3 z^3 (z = |x|) is exact to 2^-52 relative in
 * double (z^2 exact, two roundings after), so the exponent keeps its digits
 * where |v| is large: a float v would be off by 2^-24 * 140 absolute in the
 * negative tail, hundreds of ULPs.  E = 2^k e^r, e^r from gelu_u1_exp_u
 * as in gelu u1, k and 2^k from a float v, converted; 2^k is carried as
 * the normal float 2^(k + 100) and the 2^-100 applied in double, because
 * here the result x E stays representable well below E = 2^-149 (k reaches
 * -205 at the clamp |x| = 12, where x E < 2^-180 rounds to -0 and
 * 1/(1 + E) = 1).  s is one double division; x s rounds
 * once to float.  NaN: the clamps turn it into 12, the final select puts it
 * back. */
#define GELU_TANH_C1 0x1.9884533d43651p+0 /* 2 sqrt(2/pi), rounded to double */
#define GELU_TANH_C3 0x1.2444f2a4d8b4bp-4 /* 2 sqrt(2/pi) 0.044715, rounded to double */
#define GELU_TANH_ZMAX 12.0f
#define GELU_TANH_K 100
/* v = C1 z + C3 z^3 in float */
VEC_INLINE vf gelu_tanh_v(vf z) {
  return vf_mul(z, vf_mla(vf_mul(z, z), vf_set1((float)GELU_TANH_C3), vf_set1((float)GELU_TANH_C1)));
}
VEC_INLINE vd gelu_tanh_u1_half(vd xc, vd z, vd k, vd p2k) {
  vd z2 = vd_mul(z, z);                                   /* exact */
  /* 2v (constants doubled: exact), u = 2v + k 2 ln2 = -2r, r = -v - k ln2 */
  vd v2 = vd_mul(z, vd_mla(z2, vd_set1(2.0 * GELU_TANH_C3), vd_set1(2.0 * GELU_TANH_C1)));
  vd e = gelu_u1_exp_u(vd_mla(k, vd_set1(2.0 * GELU_LN2), v2));
  vd E = vd_mul(vd_mul(e, p2k), vd_set1(0x1p-100));       /* e^-v, exact scalings */
  vd num = vd_select(vd_gt(xc, vd_set1(0.0)), vd_set1(1.0), E);
  return vd_mul(xc, vd_div(num, vd_add(vd_set1(1.0), E)));
}
VEC_INLINE vf gelu_tanh_u1_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf xc, z = gelu_clamp(x, GELU_TANH_ZMAX, &xc);
  /* k = round(-v log2 e) from a float v (within 2^-14 of the exact product,
   * which widens |r| <= ln2/2 by less than 2^-14: inside the polynomial's
   * 0.3466 range) */
  vf k = vf_round(vf_mul(vf_neg(gelu_tanh_v(z)), vf_set1((float)GELU_LOG2E)));
  vf p2k = vi_as_vf(vi_shl(vi_add(vf_to_vi_round(k), vi_set1(127 + GELU_TANH_K)), 23));
  vd lo = gelu_tanh_u1_half(vd_from_vf_lo(xc), vd_from_vf_lo(z), vd_from_vf_lo(k), vd_from_vf_lo(p2k));
  vd hi = gelu_tanh_u1_half(vd_from_vf_hi(xc), vd_from_vf_hi(z), vd_from_vf_hi(k), vd_from_vf_hi(p2k));
  return vf_select(vf_isnan(x), x, vf_from_vd(lo, hi));
}
SIMDACT_ELEMENTWISE(gelu_tanh, u1, simdact_noctx, simdact_noprep, gelu_tanh_u1_body)

/* 1/d to about 2^-23 relative for d in [1, 2^7]: the vf_rcp14 estimate and
 * one Newton step (no division: faster than vf_div on every x86 ISA). */
VEC_INLINE vf gelu_recip(vf d) {
  vf r = vf_rcp14(d);
  return vf_mla(r, vf_mla(vf_neg(d), r, vf_set1(1.0f)), r);
}

/* ---- approx tiers (<= 4096 ULP): float throughout ----
 * gelu: E = sm_exp_approx(-z^2/2) (relative error 1.1e-4; the float
 * exponent is off by at most 103 * 2^-24, 2^-17 relative in E), G of degree
 * 5 (2^-15.2), t = 1/(1 + P z) from gelu_recip (2^-23).  q = x G first, then q E, so a
 * subnormal E (z > 13.2) costs at most |q| <= 0.4 of its half-ulp.  x > 0:
 * x - q E, where q E <= x/2 (no cancellation). */
VEC_INLINE vf gelu_approx_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf xc, z = gelu_clamp(x, GELU_ZMAX, &xc);
  xc = vf_min(xc, vf_set1(GELU_ZMAX));               /* +inf * G * E would be NaN */
  vf E = sm_exp_approx(vf_mul(vf_mul(z, z), vf_set1(-0.5f)));
  vf t = gelu_recip(vf_mla(z, vf_set1((float)GELU_P), vf_set1(1.0f)));
  vf g = vf_mla(vf_set1(GELU_APPROX_G_C5), t, vf_set1(GELU_APPROX_G_C4));
  g = vf_mla(g, t, vf_set1(GELU_APPROX_G_C3));
  g = vf_mla(g, t, vf_set1(GELU_APPROX_G_C2));
  g = vf_mla(g, t, vf_set1(GELU_APPROX_G_C1));
  g = vf_mla(g, t, vf_set1(GELU_APPROX_G_C0));
  vf qe = vf_mul(vf_mul(xc, g), E);                    /* x Phi(-z) */
  vf y = vf_select(vf_gt(x, vf_zero()), vf_sub(x, qe), qe);
  return vf_select(vf_isnan(x), x, y);
}
SIMDACT_ELEMENTWISE(gelu, approx, simdact_noctx, simdact_noprep, gelu_approx_body)

/* gelu_tanh approx: v = C1 z + C3 z^3 in float (2^-24 * 142 absolute at the
 * clamp: 2^-17 relative in E), E = sm_exp_approx(-v), s = (x > 0 ? 1 : E) /
 * (1 + E) with gelu_recip, y = x s. */
VEC_INLINE vf gelu_tanh_approx_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf xc, z = gelu_clamp(x, GELU_TANH_ZMAX, &xc);
  vf E = sm_exp_approx(vf_neg(gelu_tanh_v(z)));
  vm pos = vf_gt(x, vf_zero());
  vf s = vf_mul(vf_select(pos, vf_set1(1.0f), E), gelu_recip(vf_add(vf_set1(1.0f), E)));
  vf y = vf_mul(xc, s);
  return vf_select(vf_isnan(x), x, y);
}
SIMDACT_ELEMENTWISE(gelu_tanh, approx, simdact_noctx, simdact_noprep, gelu_tanh_approx_body)
