/* Vector layer, SSE4.1: vf is 4 floats.  Op semantics: see scalar.h.
 * No FMA on this ISA: vf_fma is emulated exactly (double arithmetic with a
 * round-to-odd fix-up), vf_mla is a product and a sum. */
#ifndef SIMDACT_VEC_SSE41_H
#define SIMDACT_VEC_SSE41_H

#include <smmintrin.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define VF_ISA sse41
#define VF_LANES 4
#define VD_LANES 2
#define VF_HAS_FMA 0
#define VF_HAS_SCALEF 0 /* see scalar.h */
#define VF_FAST_DIV 0 /* see scalar.h */
#define VF_FAST_LUT32 0 /* see scalar.h */
#define VD_HAS_FMA 0

typedef __m128 vf;
typedef __m128i vi;
typedef __m128 vm;
typedef __m128d vd;
typedef __m128d vdm;

#define VEC_INLINE static inline __attribute__((always_inline))

/* Tails go through a stack buffer: SSE has no masked load/store that is
 * guaranteed not to touch memory past the end. */
VEC_INLINE vf vf_loadu(const float *p) { return _mm_loadu_ps(p); }
VEC_INLINE void vf_storeu(float *p, vf v) { _mm_storeu_ps(p, v); }
VEC_INLINE vf vf_load_partial(const float *p, size_t n) {
  float buf[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  memcpy(buf, p, n * sizeof(float));
  return _mm_loadu_ps(buf);
}
VEC_INLINE void vf_store_partial(float *p, vf v, size_t n) {
  float buf[4];
  _mm_storeu_ps(buf, v);
  memcpy(p, buf, n * sizeof(float));
}

VEC_INLINE vf vf_load_stride(const float *p, size_t s) {
  return _mm_set_ps(p[3 * s], p[2 * s], p[s], p[0]);
}
VEC_INLINE vf vf_load_stride_partial(const float *p, size_t s, size_t n) {
  float buf[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  for (size_t l = 0; l < n; l++) buf[l] = p[l * s];
  return _mm_loadu_ps(buf);
}

VEC_INLINE vf vf_set1(float a) { return _mm_set1_ps(a); }
VEC_INLINE vf vf_zero(void) { return _mm_setzero_ps(); }
VEC_INLINE vi vi_set1(int32_t a) { return _mm_set1_epi32(a); }

VEC_INLINE vf vf_add(vf a, vf b) { return _mm_add_ps(a, b); }
VEC_INLINE vf vf_sub(vf a, vf b) { return _mm_sub_ps(a, b); }
VEC_INLINE vf vf_mul(vf a, vf b) { return _mm_mul_ps(a, b); }
VEC_INLINE vf vf_div(vf a, vf b) { return _mm_div_ps(a, b); }
VEC_INLINE vf vf_sqrt(vf a) { return _mm_sqrt_ps(a); }
/* RCPPS (2^-11.4) and one Newton step r (2 - a r): about 2^-21 */
VEC_INLINE vf vf_rcp14(vf a) {
  __m128 r = _mm_rcp_ps(a);
  return _mm_mul_ps(r, _mm_sub_ps(_mm_set1_ps(2.0f), _mm_mul_ps(a, r)));
}
VEC_INLINE vf vf_mla(vf a, vf b, vf c) { return _mm_add_ps(_mm_mul_ps(a, b), c); }

/* Exact a*b + c for two lanes in double: the product is exact (24+24 bits),
 * the sum is rounded to odd (TwoSum gives its exact error; an inexact sum with
 * an even last bit moves one ulp toward the error), and rounding that to float
 * is the correctly rounded fma (53 >= 24 + 2 bits, Boldo-Melquiond). */
VEC_INLINE __m128d vec_fma_half_(__m128d a, __m128d b, __m128d c) {
  __m128d p = _mm_mul_pd(a, b);
  __m128d s = _mm_add_pd(p, c);
  __m128d bb = _mm_sub_pd(s, p);
  __m128d e = _mm_add_pd(_mm_sub_pd(p, _mm_sub_pd(s, bb)), _mm_sub_pd(c, bb));
  __m128d one = _mm_castsi128_pd(_mm_set1_epi64x(1));
  __m128d odd = _mm_or_pd(s, one);
  __m128d even = _mm_cmpeq_pd(_mm_and_pd(s, one), _mm_setzero_pd()); /* NaN/inf: e is NaN below */
  __m128d inexact = _mm_and_pd(_mm_cmpneq_pd(e, _mm_setzero_pd()), _mm_cmpord_pd(e, e));
  __m128d down = _mm_sub_pd(s, _mm_sub_pd(odd, s));
  /* blendv reads the sign bit: e and s of opposite signs move toward zero */
  __m128d nudged = _mm_blendv_pd(odd, down, _mm_xor_pd(e, s));
  return _mm_blendv_pd(s, nudged, _mm_and_pd(even, inexact));
}
VEC_INLINE vf vf_fma(vf a, vf b, vf c) {
  __m128d lo = vec_fma_half_(_mm_cvtps_pd(a), _mm_cvtps_pd(b), _mm_cvtps_pd(c));
  __m128d hi = vec_fma_half_(_mm_cvtps_pd(_mm_movehl_ps(a, a)), _mm_cvtps_pd(_mm_movehl_ps(b, b)),
                             _mm_cvtps_pd(_mm_movehl_ps(c, c)));
  return _mm_movelh_ps(_mm_cvtpd_ps(lo), _mm_cvtpd_ps(hi));
}

VEC_INLINE vf vf_max(vf a, vf b) { return _mm_max_ps(a, b); }
VEC_INLINE vf vf_min(vf a, vf b) { return _mm_min_ps(a, b); }

VEC_INLINE vf vf_and(vf a, vf b) { return _mm_and_ps(a, b); }
VEC_INLINE vf vf_or(vf a, vf b) { return _mm_or_ps(a, b); }
VEC_INLINE vf vf_xor(vf a, vf b) { return _mm_xor_ps(a, b); }
VEC_INLINE vf vf_andnot(vf a, vf b) { return _mm_andnot_ps(a, b); }
VEC_INLINE vf vf_abs(vf a) { return _mm_andnot_ps(_mm_set1_ps(-0.0f), a); }
VEC_INLINE vf vf_neg(vf a) { return _mm_xor_ps(_mm_set1_ps(-0.0f), a); }
VEC_INLINE vf vf_signbit(vf a) { return _mm_and_ps(_mm_set1_ps(-0.0f), a); }
VEC_INLINE vi vf_as_vi(vf a) { return _mm_castps_si128(a); }
VEC_INLINE vf vi_as_vf(vi a) { return _mm_castsi128_ps(a); }

VEC_INLINE vi vi_add(vi a, vi b) { return _mm_add_epi32(a, b); }
VEC_INLINE vi vi_sub(vi a, vi b) { return _mm_sub_epi32(a, b); }
VEC_INLINE vi vi_and(vi a, vi b) { return _mm_and_si128(a, b); }
VEC_INLINE vi vi_or(vi a, vi b) { return _mm_or_si128(a, b); }
#define vi_shl(a, k) _mm_slli_epi32((a), (k))
#define vi_shr(a, k) _mm_srli_epi32((a), (k))
#define vi_sra(a, k) _mm_srai_epi32((a), (k))
VEC_INLINE vf vi_to_vf(vi a) { return _mm_cvtepi32_ps(a); }
VEC_INLINE vi vf_to_vi_round(vf a) { return _mm_cvtps_epi32(a); }
VEC_INLINE vf vf_round(vf a) { return _mm_round_ps(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
#include "simd/vec/scalef_lanes.h"
VEC_INLINE vf vec_floor_(vf a) { return _mm_round_ps(a, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC); }
VEC_INLINE vm vi_eq(vi a, vi b) { return _mm_castsi128_ps(_mm_cmpeq_epi32(a, b)); }
VEC_INLINE vm vi_gt(vi a, vi b) { return _mm_castsi128_ps(_mm_cmpgt_epi32(a, b)); }
/* no variable 32-bit permute in SSE4.1: four indexed loads */
VEC_INLINE vf vf_lut16(const float *tab, vi idx) {
  return _mm_setr_ps(tab[_mm_extract_epi32(idx, 0) & 15], tab[_mm_extract_epi32(idx, 1) & 15],
                     tab[_mm_extract_epi32(idx, 2) & 15], tab[_mm_extract_epi32(idx, 3) & 15]);
}
VEC_INLINE vf vf_lut32(const float *tab, vi idx) {
  return _mm_setr_ps(tab[_mm_extract_epi32(idx, 0) & 31], tab[_mm_extract_epi32(idx, 1) & 31],
                     tab[_mm_extract_epi32(idx, 2) & 31], tab[_mm_extract_epi32(idx, 3) & 31]);
}
VEC_INLINE vi vi_max(vi a, vi b) { return _mm_max_epi32(a, b); }

VEC_INLINE vm vf_lt(vf a, vf b) { return _mm_cmplt_ps(a, b); }
VEC_INLINE vm vf_le(vf a, vf b) { return _mm_cmple_ps(a, b); }
VEC_INLINE vm vf_gt(vf a, vf b) { return _mm_cmpgt_ps(a, b); }
VEC_INLINE vm vf_ge(vf a, vf b) { return _mm_cmpge_ps(a, b); }
VEC_INLINE vm vf_eq(vf a, vf b) { return _mm_cmpeq_ps(a, b); }
VEC_INLINE vm vf_isnan(vf a) { return _mm_cmpunord_ps(a, a); }
VEC_INLINE vf vf_select(vm m, vf a, vf b) { return _mm_blendv_ps(b, a, m); }
VEC_INLINE vf vf_mla_mask(vm m, vf a, vf b, vf c) { return vf_select(m, vf_mla(a, b, c), a); }
VEC_INLINE vm vm_and(vm a, vm b) { return _mm_and_ps(a, b); }
VEC_INLINE vm vm_or(vm a, vm b) { return _mm_or_ps(a, b); }
VEC_INLINE vm vm_andnot(vm a, vm b) { return _mm_andnot_ps(a, b); }
VEC_INLINE vm vm_not(vm a) { return _mm_xor_ps(a, _mm_castsi128_ps(_mm_set1_epi32(-1))); }
VEC_INLINE int vm_any(vm a) { return _mm_movemask_ps(a) != 0; }
VEC_INLINE int vm_all(vm a) { return _mm_movemask_ps(a) == 0xf; }

VEC_INLINE float vf_first(vf a) { return _mm_cvtss_f32(a); }
VEC_INLINE float vf_reduce_add(vf a) {
  __m128 s = _mm_add_ps(a, _mm_movehl_ps(a, a));
  s = _mm_add_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}
VEC_INLINE float vf_reduce_max(vf a) {
  __m128 s = _mm_max_ps(a, _mm_movehl_ps(a, a));
  s = _mm_max_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}

VEC_INLINE vd vd_from_vf_lo(vf a) { return _mm_cvtps_pd(a); }
VEC_INLINE vd vd_from_vf_hi(vf a) { return _mm_cvtps_pd(_mm_movehl_ps(a, a)); }
VEC_INLINE vf vf_from_vd(vd lo, vd hi) { return _mm_movelh_ps(_mm_cvtpd_ps(lo), _mm_cvtpd_ps(hi)); }
VEC_INLINE vd vd_set1(double a) { return _mm_set1_pd(a); }
VEC_INLINE vd vd_add(vd a, vd b) { return _mm_add_pd(a, b); }
VEC_INLINE vd vd_sub(vd a, vd b) { return _mm_sub_pd(a, b); }
VEC_INLINE vd vd_mul(vd a, vd b) { return _mm_mul_pd(a, b); }
VEC_INLINE vd vd_div(vd a, vd b) { return _mm_div_pd(a, b); }
VEC_INLINE vd vd_mla(vd a, vd b, vd c) { return _mm_add_pd(_mm_mul_pd(a, b), c); }
VEC_INLINE vd vd_scalef(vd a, vd n) {
  __m128i e = _mm_castpd_si128(_mm_add_pd(n, _mm_set1_pd(0x1p52 + 1023.0)));
  return _mm_mul_pd(a, _mm_castsi128_pd(_mm_slli_epi64(e, 52)));
}
VEC_INLINE vd vd_and(vd a, vd b) { return _mm_and_pd(a, b); }
VEC_INLINE vd vd_or(vd a, vd b) { return _mm_or_pd(a, b); }
VEC_INLINE vd vd_xor(vd a, vd b) { return _mm_xor_pd(a, b); }
VEC_INLINE vd vd_from_bits(uint64_t u) { return _mm_castsi128_pd(_mm_set1_epi64x((long long)u)); }
VEC_INLINE vdm vd_lt(vd a, vd b) { return _mm_cmplt_pd(a, b); }
VEC_INLINE vdm vd_gt(vd a, vd b) { return _mm_cmpgt_pd(a, b); }
VEC_INLINE vdm vd_eq(vd a, vd b) { return _mm_cmpeq_pd(a, b); }
VEC_INLINE vdm vd_ne(vd a, vd b) { return _mm_cmpneq_pd(a, b); }
VEC_INLINE vdm vdm_and(vdm a, vdm b) { return _mm_and_pd(a, b); }
VEC_INLINE vdm vdm_xor(vdm a, vdm b) { return _mm_xor_pd(a, b); }
VEC_INLINE vd vd_select(vdm m, vd a, vd b) { return _mm_blendv_pd(b, a, m); }

#include "simd/vec/frac_ops.h"

#endif
