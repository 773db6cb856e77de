/* Vector layer, scalar: vf is one float.  The same op set as every other
 * simd/vec/<isa>.h, so the scalar kernels run the same algorithm as the SIMD
 * ones.  Semantics of each op are documented here once; the other ISA headers
 * must match them lane by lane (tests compare every kernel with its scalar
 * twin bit for bit where the algorithm is exact).
 *
 * Compiled with -mno-sse3 -fno-tree-vectorize -ffp-contract=off (x86) so the
 * compiler cannot widen it behind our back. */
#ifndef SIMDACT_VEC_SCALAR_H
#define SIMDACT_VEC_SCALAR_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define VF_ISA scalar
#define VF_LANES 1
#define VD_LANES 1   /* a vf converts to VF_LANES / VD_LANES vd halves; here 1 */
#define VF_HAS_FMA 0 /* vf_fma is still exact (libm fmaf); vf_mla is mul + add */
#define VD_HAS_FMA 0
/* VF_HAS_SCALEF: vf_scalef is one instruction (AVX-512 vscalefps) rather
 * than the per-lane fallback: kernels pick their scalef-based algorithm only
 * where it is 1 (the other ISAs keep their shift-based 2^n). */
#define VF_HAS_SCALEF 0
/* VF_FAST_DIV: vf_div has its own unit beside the FMA/add pipes and beats
 * vf_rcp14 + a Newton step + a product (AVX2, AVX-512 on Zen 4/5): the u4
 * kernels divide there (one rounding) instead of refining the estimate. */
#define VF_FAST_DIV 0
/* VF_FAST_LUT32: vf_lut32 is one register permute (AVX-512 vpermt2ps), so
 * kernels may fetch per-lane polynomial coefficients from 32-entry tables
 * (simd/math/logtab.h); elsewhere it is a blend of permutes or indexed
 * loads, and those kernels keep their other algorithm. */
#define VF_FAST_LUT32 0

typedef float vf;      /* VF_LANES floats */
typedef int32_t vi;    /* VF_LANES int32 */
typedef uint32_t vm;   /* mask: all ones or all zeros per lane */
typedef double vd;     /* VD_LANES doubles */
typedef uint64_t vdm;  /* double mask */

#define VEC_INLINE static inline __attribute__((always_inline))

/* ---- memory: unaligned; partial versions touch only n < VF_LANES lanes,
 * the other lanes read as +0. ---- */
VEC_INLINE vf vf_loadu(const float *p) { return *p; }
VEC_INLINE void vf_storeu(float *p, vf v) { *p = v; }
VEC_INLINE vf vf_load_partial(const float *p, size_t n) { return n ? *p : 0.0f; }
VEC_INLINE void vf_store_partial(float *p, vf v, size_t n) { if (n) *p = v; }
/* Strided load: lane l is p[l * stride] (a gather where the ISA has one).
 * stride * VF_LANES must stay below 2^31.  The partial version reads only
 * lanes l < n; the others are +0. */
VEC_INLINE vf vf_load_stride(const float *p, size_t stride) { (void)stride; return *p; }
VEC_INLINE vf vf_load_stride_partial(const float *p, size_t stride, size_t n) {
  (void)stride;
  return n ? *p : 0.0f;
}

/* ---- constants ---- */
VEC_INLINE vf vf_set1(float a) { return a; }
VEC_INLINE vf vf_zero(void) { return 0.0f; }
VEC_INLINE vi vi_set1(int32_t a) { return a; }

/* ---- arithmetic (IEEE, round to nearest) ---- */
VEC_INLINE vf vf_add(vf a, vf b) { return a + b; }
VEC_INLINE vf vf_sub(vf a, vf b) { return a - b; }
VEC_INLINE vf vf_mul(vf a, vf b) { return a * b; }
VEC_INLINE vf vf_div(vf a, vf b) { return a / b; }
VEC_INLINE vf vf_sqrt(vf a) { return sqrtf(a); }
/* Approximate 1/a: relative error below 2^-14 for finite a with
 * 2^-126 <= |a| <= 2^126 (outside that range, and for 0/inf/NaN, only NaN in
 * -> NaN out is promised).  The bits differ between ISAs (a hardware estimate,
 * refined by a Newton step where the estimate is coarser); one more step
 * r + r (1 - a r) gives about 2^-23.  For 1 <= a < 2 the result is >= 1/2
 * on every ISA (so 1 - r is exact: simd/act/sigmoid.h relies on it; the
 * estimate of 2 itself is below 1/2 on AVX2 and NEON).  Here: an exact
 * division. */
VEC_INLINE vf vf_rcp14(vf a) { return 1.0f / a; }
/* a*b + c with one rounding on every ISA (emulated where the ISA lacks FMA). */
VEC_INLINE vf vf_fma(vf a, vf b, vf c) { return fmaf(a, b, c); }
/* a*b + c: fused where VF_HAS_FMA, else a rounded product then a rounded sum.
 * Use it where either is acceptable and speed matters. */
VEC_INLINE vf vf_mla(vf a, vf b, vf c) { return a * b + c; }

/* ---- min / max: x86 operand-order semantics on every ISA, so NaN handling is
 * the same everywhere: vf_max(a, b) = a > b ? a : b (a NaN in either gives b),
 * vf_min(a, b) = a < b ? a : b.  Put the value whose NaN must survive second. */
VEC_INLINE vf vf_max(vf a, vf b) { return a > b ? a : b; }
VEC_INLINE vf vf_min(vf a, vf b) { return a < b ? a : b; }

/* ---- bits ---- */
VEC_INLINE uint32_t vec_f2u_(float a) { uint32_t u; memcpy(&u, &a, 4); return u; }
VEC_INLINE float vec_u2f_(uint32_t u) { float a; memcpy(&a, &u, 4); return a; }
VEC_INLINE vf vf_and(vf a, vf b) { return vec_u2f_(vec_f2u_(a) & vec_f2u_(b)); }
VEC_INLINE vf vf_or(vf a, vf b) { return vec_u2f_(vec_f2u_(a) | vec_f2u_(b)); }
VEC_INLINE vf vf_xor(vf a, vf b) { return vec_u2f_(vec_f2u_(a) ^ vec_f2u_(b)); }
VEC_INLINE vf vf_andnot(vf a, vf b) { return vec_u2f_(~vec_f2u_(a) & vec_f2u_(b)); } /* ~a & b */
VEC_INLINE vf vf_abs(vf a) { return vec_u2f_(vec_f2u_(a) & 0x7fffffffu); }
VEC_INLINE vf vf_neg(vf a) { return vec_u2f_(vec_f2u_(a) ^ 0x80000000u); }
VEC_INLINE vf vf_signbit(vf a) { return vec_u2f_(vec_f2u_(a) & 0x80000000u); } /* -0 or +0 */
VEC_INLINE vi vf_as_vi(vf a) { return (vi)vec_f2u_(a); }
VEC_INLINE vf vi_as_vf(vi a) { return vec_u2f_((uint32_t)a); }

/* ---- int32 lanes ---- */
VEC_INLINE vi vi_add(vi a, vi b) { return (vi)((uint32_t)a + (uint32_t)b); }
VEC_INLINE vi vi_sub(vi a, vi b) { return (vi)((uint32_t)a - (uint32_t)b); }
VEC_INLINE vi vi_and(vi a, vi b) { return a & b; }
VEC_INLINE vi vi_or(vi a, vi b) { return a | b; }
#define vi_shl(a, k) ((vi)((uint32_t)(a) << (k)))
#define vi_shr(a, k) ((vi)((uint32_t)(a) >> (k)))   /* logical */
#define vi_sra(a, k) ((vi)((int32_t)(a) >> (k)))    /* arithmetic */
VEC_INLINE vf vi_to_vf(vi a) { return (float)a; }
/* Nearest integer, ties to even; |a| must be below 2^31. */
VEC_INLINE vi vf_to_vi_round(vf a) { return (vi)lrintf(a); }
/* Round to an integral float, ties to even. */
VEC_INLINE vf vf_round(vf a) { return nearbyintf(a); }
/* Round toward -inf (private: vf_frac_floor's fallback in frac_ops.h). */
VEC_INLINE vf vec_floor_(vf a) { return floorf(a); }
/* Fractional parts, one vreduceps on AVX-512 (frac_ops.h elsewhere):
 * vf_frac_floor(a) = a - floor(a) rounded toward -inf, so it is in [0, 1)
 *   (a tiny negative a gives 1 - 2^-24, not 1), -0 for integral a (+-0
 *   included), +0 for +-inf, NaN for NaN.  Exact except for a in (-1/2, 0).
 * vf_frac_near(a) = a - rint(a) (ties to even), exact, in [-1/2, 1/2], +0
 *   for integral a and for +-inf, NaN for NaN. */
/* a * 2^n rounded once (subnormal results included; overflow gives +-inf,
 * underflow +-0), for n an integral float of any magnitude; NaN in a or n
 * gives NaN.  A non-integral n counts as floor(n) (vscalefps does), so
 * vf_scalef(p, t) is p 2^floor(t); for finite nonzero a, n = +inf gives
 * +-inf and n = -inf +-0 (a = 0 or +-inf with an infinite n: unspecified).
 * One vscalefps on
 * AVX-512 (VF_HAS_SCALEF); elsewhere a per-lane ldexpf fallback that no
 * kernel uses on its fast path. */
VEC_INLINE vf vf_scalef(vf a, vf n) {
  if (n != n) return a + n;
  return ldexpf(a, n > 512.0f ? 512 : n < -512.0f ? -512 : (int)floorf(n));
}
VEC_INLINE vm vi_eq(vi a, vi b) { return a == b ? ~0u : 0u; }
VEC_INLINE vm vi_gt(vi a, vi b) { return a > b ? ~0u : 0u; }
/* Table lookup: lane l is tab[idx_l & 15] (a register permute where the ISA
 * has one: keep tab a constant array so its load leaves the loop). */
VEC_INLINE vf vf_lut16(const float *tab, vi idx) { return tab[(uint32_t)idx & 15u]; }
/* Lane l is tab[idx_l & 31] (fast only where VF_FAST_LUT32). */
VEC_INLINE vf vf_lut32(const float *tab, vi idx) { return tab[(uint32_t)idx & 31u]; }
/* Signed int32 maximum. */
VEC_INLINE vi vi_max(vi a, vi b) { return a > b ? a : b; }
/* m ? a*b + c : a, lane by lane, the product-sum as vf_mla (a masked FMA on
 * AVX-512: the select is free there). */
VEC_INLINE vf vf_mla_mask(vm m, vf a, vf b, vf c) { return m ? vf_mla(a, b, c) : a; }

/* ---- compares: ordered (false when either is NaN) except vf_isnan ---- */
VEC_INLINE vm vf_lt(vf a, vf b) { return a < b ? ~0u : 0u; }
VEC_INLINE vm vf_le(vf a, vf b) { return a <= b ? ~0u : 0u; }
VEC_INLINE vm vf_gt(vf a, vf b) { return a > b ? ~0u : 0u; }
VEC_INLINE vm vf_ge(vf a, vf b) { return a >= b ? ~0u : 0u; }
VEC_INLINE vm vf_eq(vf a, vf b) { return a == b ? ~0u : 0u; }
VEC_INLINE vm vf_isnan(vf a) { return a != a ? ~0u : 0u; }
/* m ? a : b, lane by lane */
VEC_INLINE vf vf_select(vm m, vf a, vf b) { return m ? a : b; }
VEC_INLINE vm vm_and(vm a, vm b) { return a & b; }
VEC_INLINE vm vm_or(vm a, vm b) { return a | b; }
VEC_INLINE vm vm_andnot(vm a, vm b) { return ~a & b; }
VEC_INLINE vm vm_not(vm a) { return ~a; }
VEC_INLINE int vm_any(vm a) { return a != 0; }
VEC_INLINE int vm_all(vm a) { return a != 0; }

/* ---- reductions over the lanes ---- */
VEC_INLINE float vf_reduce_add(vf a) { return a; }
VEC_INLINE float vf_reduce_max(vf a) { return a; } /* vf_max order, lane 0 first */
VEC_INLINE float vf_first(vf a) { return a; }

/* ---- doubles: a vf splits into VF_LANES / VD_LANES vd, lo half first ---- */
VEC_INLINE vd vd_from_vf_lo(vf a) { return (double)a; }
VEC_INLINE vd vd_from_vf_hi(vf a) { (void)a; return 0.0; }
/* Round both halves to float (nearest even) and join them, lo lanes first. */
VEC_INLINE vf vf_from_vd(vd lo, vd hi) { (void)hi; return (float)lo; }
VEC_INLINE vd vd_set1(double a) { return a; }
VEC_INLINE vd vd_add(vd a, vd b) { return a + b; }
VEC_INLINE vd vd_sub(vd a, vd b) { return a - b; }
VEC_INLINE vd vd_mul(vd a, vd b) { return a * b; }
VEC_INLINE vd vd_div(vd a, vd b) { return a / b; }
VEC_INLINE vd vd_mla(vd a, vd b, vd c) { return a * b + c; }
VEC_INLINE uint64_t vec_d2u_(double a) { uint64_t u; memcpy(&u, &a, 8); return u; }
VEC_INLINE double vec_u2d_(uint64_t u) { double a; memcpy(&a, &u, 8); return a; }
/* a * 2^n for an integral n in [-1022, 1023] (2^n a normal double), rounded
 * once (subnormal results included): vscalefpd on AVX-512, elsewhere the
 * product with 2^n built from n's bits (n + 2^52 + 1023 holds the biased
 * exponent in its low bits, shifted into place). */
VEC_INLINE vd vd_scalef(vd a, vd n) { return ldexp(a, (int)n); }
VEC_INLINE vd vd_and(vd a, vd b) { return vec_u2d_(vec_d2u_(a) & vec_d2u_(b)); }
VEC_INLINE vd vd_or(vd a, vd b) { return vec_u2d_(vec_d2u_(a) | vec_d2u_(b)); }
VEC_INLINE vd vd_xor(vd a, vd b) { return vec_u2d_(vec_d2u_(a) ^ vec_d2u_(b)); }
VEC_INLINE vd vd_from_bits(uint64_t u) { return vec_u2d_(u); }
VEC_INLINE vdm vd_lt(vd a, vd b) { return a < b ? ~(uint64_t)0 : 0; }
VEC_INLINE vdm vd_gt(vd a, vd b) { return a > b ? ~(uint64_t)0 : 0; }
VEC_INLINE vdm vd_eq(vd a, vd b) { return a == b ? ~(uint64_t)0 : 0; }
VEC_INLINE vdm vd_ne(vd a, vd b) { return a != b ? ~(uint64_t)0 : 0; } /* true on NaN */
VEC_INLINE vdm vdm_and(vdm a, vdm b) { return a & b; }
VEC_INLINE vdm vdm_xor(vdm a, vdm b) { return a ^ b; }
VEC_INLINE vd vd_select(vdm m, vd a, vd b) { return m ? a : b; }

#include "simd/vec/frac_ops.h"

#endif
