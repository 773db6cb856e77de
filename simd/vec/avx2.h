/* Vector layer, AVX2 + FMA: vf is 8 floats.  Op semantics: see scalar.h. */
#ifndef SIMDACT_VEC_AVX2_H
#define SIMDACT_VEC_AVX2_H

#include <immintrin.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#define VF_ISA avx2
#define VF_LANES 8
#define VD_LANES 4
#define VF_HAS_FMA 1
#define VF_HAS_SCALEF 0 /* see scalar.h */
#define VF_FAST_DIV 1 /* see scalar.h */
#define VF_FAST_LUT32 0 /* see scalar.h */
#define VD_HAS_FMA 1

typedef __m256 vf;
typedef __m256i vi;
typedef __m256 vm;   /* lanes all ones / all zeros */
typedef __m256d vd;
typedef __m256d vdm;

#define VEC_INLINE static inline __attribute__((always_inline))

/* Lane i of the tail mask is set when i < n: a sliding window over a
 * constant row, so there is no table per n. */
VEC_INLINE __m256i vec_tailmask_(size_t n) {
  static const int32_t window[16] = {-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
  return _mm256_loadu_si256((const __m256i *)(window + 8 - n));
}

VEC_INLINE vf vf_loadu(const float *p) { return _mm256_loadu_ps(p); }
VEC_INLINE void vf_storeu(float *p, vf v) { _mm256_storeu_ps(p, v); }
/* vmaskmovps: masked lanes neither fault nor get written. */
VEC_INLINE vf vf_load_partial(const float *p, size_t n) { return _mm256_maskload_ps(p, vec_tailmask_(n)); }
VEC_INLINE void vf_store_partial(float *p, vf v, size_t n) { _mm256_maskstore_ps(p, vec_tailmask_(n), v); }

/* Strides below 8: the (n - 1) s + 1 floats are loaded as whole vectors
 * (the last one masked) and each lane is permuted out of the vector that
 * holds it.  Larger strides: one scalar load per lane.  No vgatherdps: it is
 * no faster here on Zen 5, and qemu-x86_64 7.2 (the Haswell dispatch test)
 * computes wrong lanes for it. */
VEC_INLINE vf vec_load_stride_n_(const float *p, size_t s, size_t n) {
  if (s >= 8) {
    float b[8] = {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f};
    for (size_t l = 0; l < n; l++) b[l] = p[l * s];
    return _mm256_loadu_ps(b);
  }
  __m256i f = _mm256_mullo_epi32(_mm256_set1_epi32((int)s), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
  __m256i src = _mm256_srli_epi32(f, 3);
  size_t total = (n - 1) * s + 1;
  __m256 r = _mm256_setzero_ps();
  for (size_t v = 0; 8 * v < total; v++) {
    size_t left = total - 8 * v;
    __m256 a = left >= 8 ? _mm256_loadu_ps(p + 8 * v) : _mm256_maskload_ps(p + 8 * v, vec_tailmask_(left));
    __m256 m = _mm256_castsi256_ps(_mm256_cmpeq_epi32(src, _mm256_set1_epi32((int)v)));
    r = _mm256_blendv_ps(r, _mm256_permutevar8x32_ps(a, f), m);
  }
  return n == 8 ? r : _mm256_and_ps(r, _mm256_castsi256_ps(vec_tailmask_(n)));
}
VEC_INLINE vf vf_load_stride(const float *p, size_t s) { return vec_load_stride_n_(p, s, 8); }
VEC_INLINE vf vf_load_stride_partial(const float *p, size_t s, size_t n) {
  return n ? vec_load_stride_n_(p, s, n) : _mm256_setzero_ps();
}

VEC_INLINE vf vf_set1(float a) { return _mm256_set1_ps(a); }
VEC_INLINE vf vf_zero(void) { return _mm256_setzero_ps(); }
VEC_INLINE vi vi_set1(int32_t a) { return _mm256_set1_epi32(a); }

VEC_INLINE vf vf_add(vf a, vf b) { return _mm256_add_ps(a, b); }
VEC_INLINE vf vf_sub(vf a, vf b) { return _mm256_sub_ps(a, b); }
VEC_INLINE vf vf_mul(vf a, vf b) { return _mm256_mul_ps(a, b); }
VEC_INLINE vf vf_div(vf a, vf b) { return _mm256_div_ps(a, b); }
VEC_INLINE vf vf_sqrt(vf a) { return _mm256_sqrt_ps(a); }
/* VRCPPS (2^-11.4) and one Newton step r + r (1 - a r): about 2^-22 */
VEC_INLINE vf vf_rcp14(vf a) {
  __m256 r = _mm256_rcp_ps(a);
  return _mm256_fmadd_ps(_mm256_fnmadd_ps(a, r, _mm256_set1_ps(1.0f)), r, r);
}
VEC_INLINE vf vf_fma(vf a, vf b, vf c) { return _mm256_fmadd_ps(a, b, c); }
VEC_INLINE vf vf_mla(vf a, vf b, vf c) { return _mm256_fmadd_ps(a, b, c); }

VEC_INLINE vf vf_max(vf a, vf b) { return _mm256_max_ps(a, b); }
VEC_INLINE vf vf_min(vf a, vf b) { return _mm256_min_ps(a, b); }

VEC_INLINE vf vf_and(vf a, vf b) { return _mm256_and_ps(a, b); }
VEC_INLINE vf vf_or(vf a, vf b) { return _mm256_or_ps(a, b); }
VEC_INLINE vf vf_xor(vf a, vf b) { return _mm256_xor_ps(a, b); }
VEC_INLINE vf vf_andnot(vf a, vf b) { return _mm256_andnot_ps(a, b); }
VEC_INLINE vf vf_abs(vf a) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a); }
/* unary minus flips the sign bit (NaN too) like the xor, and lets the
 * compiler fold it into FNMADD/FMSUB */
VEC_INLINE vf vf_neg(vf a) { return -a; }
VEC_INLINE vf vf_signbit(vf a) { return _mm256_and_ps(_mm256_set1_ps(-0.0f), a); }
VEC_INLINE vi vf_as_vi(vf a) { return _mm256_castps_si256(a); }
VEC_INLINE vf vi_as_vf(vi a) { return _mm256_castsi256_ps(a); }

VEC_INLINE vi vi_add(vi a, vi b) { return _mm256_add_epi32(a, b); }
VEC_INLINE vi vi_sub(vi a, vi b) { return _mm256_sub_epi32(a, b); }
VEC_INLINE vi vi_and(vi a, vi b) { return _mm256_and_si256(a, b); }
VEC_INLINE vi vi_or(vi a, vi b) { return _mm256_or_si256(a, b); }
#define vi_shl(a, k) _mm256_slli_epi32((a), (k))
#define vi_shr(a, k) _mm256_srli_epi32((a), (k))
#define vi_sra(a, k) _mm256_srai_epi32((a), (k))
VEC_INLINE vf vi_to_vf(vi a) { return _mm256_cvtepi32_ps(a); }
VEC_INLINE vi vf_to_vi_round(vf a) { return _mm256_cvtps_epi32(a); }
VEC_INLINE vf vf_round(vf a) { return _mm256_round_ps(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
#include "simd/vec/scalef_lanes.h"
VEC_INLINE vf vec_floor_(vf a) { return _mm256_round_ps(a, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC); }
VEC_INLINE vm vi_eq(vi a, vi b) { return _mm256_castsi256_ps(_mm256_cmpeq_epi32(a, b)); }
VEC_INLINE vm vi_gt(vi a, vi b) { return _mm256_castsi256_ps(_mm256_cmpgt_epi32(a, b)); }
/* two vpermps (low 3 bits) and a blend on bit 3 (moved to the sign bit) */
VEC_INLINE vf vf_lut16(const float *tab, vi idx) {
  __m256 lo = _mm256_permutevar8x32_ps(_mm256_loadu_ps(tab), idx);
  __m256 hi = _mm256_permutevar8x32_ps(_mm256_loadu_ps(tab + 8), idx);
  return _mm256_blendv_ps(lo, hi, _mm256_castsi256_ps(_mm256_slli_epi32(idx, 28)));
}
/* four vpermps, blends on bits 3 and 4 (moved to the sign bit) */
VEC_INLINE vf vf_lut32(const float *tab, vi idx) {
  __m256 b3 = _mm256_castsi256_ps(_mm256_slli_epi32(idx, 28));
  __m256 lo = _mm256_blendv_ps(_mm256_permutevar8x32_ps(_mm256_loadu_ps(tab), idx),
                               _mm256_permutevar8x32_ps(_mm256_loadu_ps(tab + 8), idx), b3);
  __m256 hi = _mm256_blendv_ps(_mm256_permutevar8x32_ps(_mm256_loadu_ps(tab + 16), idx),
                               _mm256_permutevar8x32_ps(_mm256_loadu_ps(tab + 24), idx), b3);
  return _mm256_blendv_ps(lo, hi, _mm256_castsi256_ps(_mm256_slli_epi32(idx, 27)));
}
VEC_INLINE vi vi_max(vi a, vi b) { return _mm256_max_epi32(a, b); }

VEC_INLINE vm vf_lt(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_LT_OQ); }
VEC_INLINE vm vf_le(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_LE_OQ); }
VEC_INLINE vm vf_gt(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_GT_OQ); }
VEC_INLINE vm vf_ge(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_GE_OQ); }
VEC_INLINE vm vf_eq(vf a, vf b) { return _mm256_cmp_ps(a, b, _CMP_EQ_OQ); }
VEC_INLINE vm vf_isnan(vf a) { return _mm256_cmp_ps(a, a, _CMP_UNORD_Q); }
VEC_INLINE vf vf_select(vm m, vf a, vf b) { return _mm256_blendv_ps(b, a, m); }
VEC_INLINE vf vf_mla_mask(vm m, vf a, vf b, vf c) { return vf_select(m, vf_mla(a, b, c), a); }
VEC_INLINE vm vm_and(vm a, vm b) { return _mm256_and_ps(a, b); }
VEC_INLINE vm vm_or(vm a, vm b) { return _mm256_or_ps(a, b); }
VEC_INLINE vm vm_andnot(vm a, vm b) { return _mm256_andnot_ps(a, b); }
VEC_INLINE vm vm_not(vm a) { return _mm256_xor_ps(a, _mm256_castsi256_ps(_mm256_set1_epi32(-1))); }
VEC_INLINE int vm_any(vm a) { return _mm256_movemask_ps(a) != 0; }
VEC_INLINE int vm_all(vm a) { return _mm256_movemask_ps(a) == 0xff; }

VEC_INLINE float vf_first(vf a) { return _mm256_cvtss_f32(a); }
VEC_INLINE float vf_reduce_add(vf a) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(a), _mm256_extractf128_ps(a, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}
VEC_INLINE float vf_reduce_max(vf a) {
  __m128 s = _mm_max_ps(_mm256_castps256_ps128(a), _mm256_extractf128_ps(a, 1));
  s = _mm_max_ps(s, _mm_movehl_ps(s, s));
  s = _mm_max_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}

VEC_INLINE vd vd_from_vf_lo(vf a) { return _mm256_cvtps_pd(_mm256_castps256_ps128(a)); }
VEC_INLINE vd vd_from_vf_hi(vf a) { return _mm256_cvtps_pd(_mm256_extractf128_ps(a, 1)); }
VEC_INLINE vf vf_from_vd(vd lo, vd hi) {
  return _mm256_insertf128_ps(_mm256_castps128_ps256(_mm256_cvtpd_ps(lo)), _mm256_cvtpd_ps(hi), 1);
}
VEC_INLINE vd vd_set1(double a) { return _mm256_set1_pd(a); }
VEC_INLINE vd vd_add(vd a, vd b) { return _mm256_add_pd(a, b); }
VEC_INLINE vd vd_sub(vd a, vd b) { return _mm256_sub_pd(a, b); }
VEC_INLINE vd vd_mul(vd a, vd b) { return _mm256_mul_pd(a, b); }
VEC_INLINE vd vd_div(vd a, vd b) { return _mm256_div_pd(a, b); }
VEC_INLINE vd vd_mla(vd a, vd b, vd c) { return _mm256_fmadd_pd(a, b, c); }
VEC_INLINE vd vd_fma(vd a, vd b, vd c) { return _mm256_fmadd_pd(a, b, c); }
VEC_INLINE vd vd_scalef(vd a, vd n) {
  __m256i e = _mm256_castpd_si256(_mm256_add_pd(n, _mm256_set1_pd(0x1p52 + 1023.0)));
  return _mm256_mul_pd(a, _mm256_castsi256_pd(_mm256_slli_epi64(e, 52)));
}
VEC_INLINE vd vd_and(vd a, vd b) { return _mm256_and_pd(a, b); }
VEC_INLINE vd vd_or(vd a, vd b) { return _mm256_or_pd(a, b); }
VEC_INLINE vd vd_xor(vd a, vd b) { return _mm256_xor_pd(a, b); }
VEC_INLINE vd vd_from_bits(uint64_t u) { return _mm256_castsi256_pd(_mm256_set1_epi64x((long long)u)); }
VEC_INLINE vdm vd_lt(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
VEC_INLINE vdm vd_gt(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_GT_OQ); }
VEC_INLINE vdm vd_eq(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_EQ_OQ); }
VEC_INLINE vdm vd_ne(vd a, vd b) { return _mm256_cmp_pd(a, b, _CMP_NEQ_UQ); }
VEC_INLINE vdm vdm_and(vdm a, vdm b) { return _mm256_and_pd(a, b); }
VEC_INLINE vdm vdm_xor(vdm a, vdm b) { return _mm256_xor_pd(a, b); }
VEC_INLINE vd vd_select(vdm m, vd a, vd b) { return _mm256_blendv_pd(b, a, m); }

#include "simd/vec/frac_ops.h"

#endif
