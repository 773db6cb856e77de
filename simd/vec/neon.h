/* Vector layer, NEON (AArch64 Advanced SIMD): vf is 4 floats, vd 2 doubles.
 * Op semantics: see scalar.h; every op here gives the same lane values.
 * Where NEON's own instruction means something else, the x86 meaning wins:
 *  - vf_max/vf_min are compare + select (a > b ? a : b), not FMAX/FMIN, which
 *    propagate NaN from either operand and order -0 < +0;
 *  - compares are FCMxx, which are ordered (false when either is NaN);
 *  - vf_to_vi_round is FCVTNS (nearest, ties to even), vf_round is FRINTN;
 *  - partial loads/stores use lane loads/stores, so they never touch memory
 *    at or beyond p[n] (no fault past the end of an array, no race with
 *    another thread's data).
 * AArch64 always has fused multiply-add: vf_fma and vf_mla are both FMLA. */
#ifndef SIMDACT_VEC_NEON_H
#define SIMDACT_VEC_NEON_H

#include <arm_neon.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#define VF_ISA neon
#define VF_LANES 4
#define VD_LANES 2
#define VF_HAS_FMA 1
#define VF_HAS_SCALEF 0 /* see scalar.h */
#define VF_FAST_DIV 0 /* see scalar.h */
#define VF_FAST_LUT32 0 /* see scalar.h */
#define VD_HAS_FMA 1

typedef float32x4_t vf;
typedef int32x4_t vi;
typedef uint32x4_t vm;
typedef float64x2_t vd;
typedef uint64x2_t vdm;

#define VEC_INLINE static inline __attribute__((always_inline))

/* ---- memory ---- */
VEC_INLINE vf vf_loadu(const float *p) { return vld1q_f32(p); }
VEC_INLINE void vf_storeu(float *p, vf v) { vst1q_f32(p, v); }
/* n < 4 lanes, one lane load each; the rest are +0. */
VEC_INLINE vf vf_load_partial(const float *p, size_t n) {
  vf v = vdupq_n_f32(0.0f);
  if (n > 0) v = vld1q_lane_f32(p, v, 0);
  if (n > 1) v = vld1q_lane_f32(p + 1, v, 1);
  if (n > 2) v = vld1q_lane_f32(p + 2, v, 2);
  return v;
}
VEC_INLINE void vf_store_partial(float *p, vf v, size_t n) {
  if (n > 0) vst1q_lane_f32(p, v, 0);
  if (n > 1) vst1q_lane_f32(p + 1, v, 1);
  if (n > 2) vst1q_lane_f32(p + 2, v, 2);
}

/* Strided: lane l is p[l * s]; the partial version reads lanes l < n only. */
VEC_INLINE vf vf_load_stride(const float *p, size_t s) {
  vf v = vld1q_dup_f32(p);
  v = vld1q_lane_f32(p + s, v, 1);
  v = vld1q_lane_f32(p + 2 * s, v, 2);
  return vld1q_lane_f32(p + 3 * s, v, 3);
}
VEC_INLINE vf vf_load_stride_partial(const float *p, size_t s, size_t n) {
  vf v = vdupq_n_f32(0.0f);
  if (n > 0) v = vld1q_lane_f32(p, v, 0);
  if (n > 1) v = vld1q_lane_f32(p + s, v, 1);
  if (n > 2) v = vld1q_lane_f32(p + 2 * s, v, 2);
  return v;
}

/* ---- constants ---- */
VEC_INLINE vf vf_set1(float a) { return vdupq_n_f32(a); }
VEC_INLINE vf vf_zero(void) { return vdupq_n_f32(0.0f); }
VEC_INLINE vi vi_set1(int32_t a) { return vdupq_n_s32(a); }

/* ---- arithmetic ---- */
VEC_INLINE vf vf_add(vf a, vf b) { return vaddq_f32(a, b); }
VEC_INLINE vf vf_sub(vf a, vf b) { return vsubq_f32(a, b); }
VEC_INLINE vf vf_mul(vf a, vf b) { return vmulq_f32(a, b); }
VEC_INLINE vf vf_div(vf a, vf b) { return vdivq_f32(a, b); }
VEC_INLINE vf vf_sqrt(vf a) { return vsqrtq_f32(a); }
/* FRECPE (about 2^-8) and one FRECPS Newton step: about 2^-16 */
VEC_INLINE vf vf_rcp14(vf a) {
  float32x4_t r = vrecpeq_f32(a);
  return vmulq_f32(vrecpsq_f32(a, r), r);
}
VEC_INLINE vf vf_fma(vf a, vf b, vf c) { return vfmaq_f32(c, a, b); }
VEC_INLINE vf vf_mla(vf a, vf b, vf c) { return vfmaq_f32(c, a, b); }

/* ---- min / max: x86 operand order (NaN in either gives b; max(-0, +0) is
 * +0 and max(+0, -0) is -0, as MAXPS does) ---- */
VEC_INLINE vf vf_max(vf a, vf b) { return vbslq_f32(vcgtq_f32(a, b), a, b); }
VEC_INLINE vf vf_min(vf a, vf b) { return vbslq_f32(vcltq_f32(a, b), a, b); }

/* ---- bits ---- */
#define VEC_U_(a) vreinterpretq_u32_f32(a)
#define VEC_F_(a) vreinterpretq_f32_u32(a)
VEC_INLINE vf vf_and(vf a, vf b) { return VEC_F_(vandq_u32(VEC_U_(a), VEC_U_(b))); }
VEC_INLINE vf vf_or(vf a, vf b) { return VEC_F_(vorrq_u32(VEC_U_(a), VEC_U_(b))); }
VEC_INLINE vf vf_xor(vf a, vf b) { return VEC_F_(veorq_u32(VEC_U_(a), VEC_U_(b))); }
VEC_INLINE vf vf_andnot(vf a, vf b) { return VEC_F_(vbicq_u32(VEC_U_(b), VEC_U_(a))); } /* ~a & b */
VEC_INLINE vf vf_abs(vf a) { return VEC_F_(vandq_u32(VEC_U_(a), vdupq_n_u32(0x7fffffffu))); }
VEC_INLINE vf vf_neg(vf a) { return VEC_F_(veorq_u32(VEC_U_(a), vdupq_n_u32(0x80000000u))); }
VEC_INLINE vf vf_signbit(vf a) { return VEC_F_(vandq_u32(VEC_U_(a), vdupq_n_u32(0x80000000u))); }
VEC_INLINE vi vf_as_vi(vf a) { return vreinterpretq_s32_f32(a); }
VEC_INLINE vf vi_as_vf(vi a) { return vreinterpretq_f32_s32(a); }

/* ---- int32 lanes ---- */
VEC_INLINE vi vi_add(vi a, vi b) { return vaddq_s32(a, b); }
VEC_INLINE vi vi_sub(vi a, vi b) { return vsubq_s32(a, b); }
VEC_INLINE vi vi_and(vi a, vi b) { return vandq_s32(a, b); }
VEC_INLINE vi vi_or(vi a, vi b) { return vorrq_s32(a, b); }
/* Register shifts: k need not be a literal, and the compiler still emits the
 * immediate form when it is.  A negative count shifts right (SSHL/USHL). */
#define vi_shl(a, k) vshlq_s32((a), vdupq_n_s32((int32_t)(k)))
#define vi_shr(a, k) \
  vreinterpretq_s32_u32(vshlq_u32(vreinterpretq_u32_s32(a), vdupq_n_s32(-(int32_t)(k))))
#define vi_sra(a, k) vshlq_s32((a), vdupq_n_s32(-(int32_t)(k)))
VEC_INLINE vf vi_to_vf(vi a) { return vcvtq_f32_s32(a); }
VEC_INLINE vi vf_to_vi_round(vf a) { return vcvtnq_s32_f32(a); }
VEC_INLINE vf vf_round(vf a) { return vrndnq_f32(a); }
#include "simd/vec/scalef_lanes.h"
VEC_INLINE vf vec_floor_(vf a) { return vrndmq_f32(a); }
VEC_INLINE vm vi_eq(vi a, vi b) { return vceqq_s32(a, b); }
VEC_INLINE vm vi_gt(vi a, vi b) { return vcgtq_s32(a, b); }
/* TBL over the 64 table bytes: byte b of lane l is byte 4 (idx_l & 15) + b */
VEC_INLINE vf vf_lut16(const float *tab, vi idx) {
  uint8x16x4_t t = {{vld1q_u8((const uint8_t *)tab), vld1q_u8((const uint8_t *)tab + 16),
                     vld1q_u8((const uint8_t *)tab + 32), vld1q_u8((const uint8_t *)tab + 48)}};
  uint32x4_t b = vshlq_n_u32(vandq_u32(vreinterpretq_u32_s32(idx), vdupq_n_u32(15)), 2);
  b = vmlaq_u32(vdupq_n_u32(0x03020100u), b, vdupq_n_u32(0x01010101u));
  return vreinterpretq_f32_u8(vqtbl4q_u8(t, vreinterpretq_u8_u32(b)));
}
/* TBL over the first 64 table bytes, TBX over the next 64 (out-of-range
 * byte indices keep the TBL result) */
VEC_INLINE vf vf_lut32(const float *tab, vi idx) {
  const uint8_t *t8 = (const uint8_t *)tab;
  uint8x16x4_t lo = {{vld1q_u8(t8), vld1q_u8(t8 + 16), vld1q_u8(t8 + 32), vld1q_u8(t8 + 48)}};
  uint8x16x4_t hi = {{vld1q_u8(t8 + 64), vld1q_u8(t8 + 80), vld1q_u8(t8 + 96), vld1q_u8(t8 + 112)}};
  uint32x4_t b = vshlq_n_u32(vandq_u32(vreinterpretq_u32_s32(idx), vdupq_n_u32(31)), 2);
  b = vmlaq_u32(vdupq_n_u32(0x03020100u), b, vdupq_n_u32(0x01010101u));
  uint8x16_t r = vqtbl4q_u8(lo, vreinterpretq_u8_u32(b));
  r = vqtbx4q_u8(r, hi, vsubq_u8(vreinterpretq_u8_u32(b), vdupq_n_u8(64)));
  return vreinterpretq_f32_u8(r);
}
VEC_INLINE vi vi_max(vi a, vi b) { return vmaxq_s32(a, b); }

/* ---- compares (FCMxx: ordered) ---- */
VEC_INLINE vm vf_lt(vf a, vf b) { return vcltq_f32(a, b); }
VEC_INLINE vm vf_le(vf a, vf b) { return vcleq_f32(a, b); }
VEC_INLINE vm vf_gt(vf a, vf b) { return vcgtq_f32(a, b); }
VEC_INLINE vm vf_ge(vf a, vf b) { return vcgeq_f32(a, b); }
VEC_INLINE vm vf_eq(vf a, vf b) { return vceqq_f32(a, b); }
VEC_INLINE vm vf_isnan(vf a) { return vmvnq_u32(vceqq_f32(a, a)); }
VEC_INLINE vf vf_select(vm m, vf a, vf b) { return vbslq_f32(m, a, b); }
VEC_INLINE vf vf_mla_mask(vm m, vf a, vf b, vf c) { return vf_select(m, vf_mla(a, b, c), a); }
VEC_INLINE vm vm_and(vm a, vm b) { return vandq_u32(a, b); }
VEC_INLINE vm vm_or(vm a, vm b) { return vorrq_u32(a, b); }
VEC_INLINE vm vm_andnot(vm a, vm b) { return vbicq_u32(b, a); } /* ~a & b */
VEC_INLINE vm vm_not(vm a) { return vmvnq_u32(a); }
VEC_INLINE int vm_any(vm a) { return vmaxvq_u32(a) != 0; }
VEC_INLINE int vm_all(vm a) { return vminvq_u32(a) != 0; }

/* ---- reductions: the same association as sse41.h, so the two 4-lane ISAs
 * agree bit for bit: (a0 + a2) + (a1 + a3), max(max(a0, a2), max(a1, a3)) ---- */
VEC_INLINE float vf_first(vf a) { return vgetq_lane_f32(a, 0); }
VEC_INLINE float vf_reduce_add(vf a) {
  float32x2_t s = vadd_f32(vget_low_f32(a), vget_high_f32(a));
  return vget_lane_f32(s, 0) + vget_lane_f32(s, 1);
}
VEC_INLINE float vf_reduce_max(vf a) {
  float32x2_t lo = vget_low_f32(a), hi = vget_high_f32(a);
  float32x2_t s = vbsl_f32(vcgt_f32(lo, hi), lo, hi);
  float s0 = vget_lane_f32(s, 0), s1 = vget_lane_f32(s, 1);
  return s0 > s1 ? s0 : s1;
}

/* ---- doubles ---- */
VEC_INLINE vd vd_from_vf_lo(vf a) { return vcvt_f64_f32(vget_low_f32(a)); }
VEC_INLINE vd vd_from_vf_hi(vf a) { return vcvt_high_f64_f32(a); }
VEC_INLINE vf vf_from_vd(vd lo, vd hi) { return vcvt_high_f32_f64(vcvt_f32_f64(lo), hi); }
VEC_INLINE vd vd_set1(double a) { return vdupq_n_f64(a); }
VEC_INLINE vd vd_add(vd a, vd b) { return vaddq_f64(a, b); }
VEC_INLINE vd vd_sub(vd a, vd b) { return vsubq_f64(a, b); }
VEC_INLINE vd vd_mul(vd a, vd b) { return vmulq_f64(a, b); }
VEC_INLINE vd vd_div(vd a, vd b) { return vdivq_f64(a, b); }
VEC_INLINE vd vd_mla(vd a, vd b, vd c) { return vfmaq_f64(c, a, b); }
VEC_INLINE vd vd_fma(vd a, vd b, vd c) { return vfmaq_f64(c, a, b); }
#define VEC_DU_(a) vreinterpretq_u64_f64(a)
#define VEC_UD_(a) vreinterpretq_f64_u64(a)
VEC_INLINE vd vd_scalef(vd a, vd n) {
  uint64x2_t e = vreinterpretq_u64_f64(vaddq_f64(n, vdupq_n_f64(0x1p52 + 1023.0)));
  return vmulq_f64(a, vreinterpretq_f64_u64(vshlq_n_u64(e, 52)));
}
VEC_INLINE vd vd_and(vd a, vd b) { return VEC_UD_(vandq_u64(VEC_DU_(a), VEC_DU_(b))); }
VEC_INLINE vd vd_or(vd a, vd b) { return VEC_UD_(vorrq_u64(VEC_DU_(a), VEC_DU_(b))); }
VEC_INLINE vd vd_xor(vd a, vd b) { return VEC_UD_(veorq_u64(VEC_DU_(a), VEC_DU_(b))); }
VEC_INLINE vd vd_from_bits(uint64_t u) { return VEC_UD_(vdupq_n_u64(u)); }
VEC_INLINE vdm vd_lt(vd a, vd b) { return vcltq_f64(a, b); }
VEC_INLINE vdm vd_gt(vd a, vd b) { return vcgtq_f64(a, b); }
VEC_INLINE vdm vd_eq(vd a, vd b) { return vceqq_f64(a, b); }
VEC_INLINE vdm vd_ne(vd a, vd b) { /* true on NaN */
  return vreinterpretq_u64_u32(vmvnq_u32(vreinterpretq_u32_u64(vceqq_f64(a, b))));
}
VEC_INLINE vdm vdm_and(vdm a, vdm b) { return vandq_u64(a, b); }
VEC_INLINE vdm vdm_xor(vdm a, vdm b) { return veorq_u64(a, b); }
VEC_INLINE vd vd_select(vdm m, vd a, vd b) { return vbslq_f64(m, a, b); }

#include "simd/vec/frac_ops.h"

#endif
