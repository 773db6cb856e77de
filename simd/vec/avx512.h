/* Vector layer, AVX-512 (F, DQ, BW, VL): vf is 16 floats, masks are k
 * registers.  Op semantics: see scalar.h. */
#ifndef SIMDACT_VEC_AVX512_H
#define SIMDACT_VEC_AVX512_H

#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#define VF_ISA avx512
#define VF_LANES 16
#define VD_LANES 8
#define VF_HAS_FMA 1
#define VF_HAS_SCALEF 1 /* vscalefps */
#define VF_FAST_DIV 1 /* see scalar.h */
#define VF_FAST_LUT32 1 /* see scalar.h */
#define VD_HAS_FMA 1

typedef __m512 vf;
typedef __m512i vi;
typedef __mmask16 vm;
typedef __m512d vd;
typedef __mmask8 vdm;

#define VEC_INLINE static inline __attribute__((always_inline))

VEC_INLINE vf vf_loadu(const float *p) { return _mm512_loadu_ps(p); }
VEC_INLINE void vf_storeu(float *p, vf v) { _mm512_storeu_ps(p, v); }
/* Masked lanes neither fault nor get written. */
VEC_INLINE vf vf_load_partial(const float *p, size_t n) {
  return _mm512_maskz_loadu_ps((__mmask16)((1u << n) - 1), p);
}
VEC_INLINE void vf_store_partial(float *p, vf v, size_t n) {
  _mm512_mask_storeu_ps(p, (__mmask16)((1u << n) - 1), v);
}

/* Strides up to 4: the (n - 1) s + 1 floats are loaded as whole vectors
 * (masked at the end) and each lane is permuted out of the pair of vectors
 * that holds it (vpermt2ps), 2-3x faster than vgatherdps on Zen 5; the cost
 * grows with s, so larger strides use the gather.  Masked lanes are not read. */
VEC_INLINE vf vec_load_stride_n_(const float *p, size_t s, size_t n) {
  __mmask16 lanes = (__mmask16)((1u << n) - 1);
  __m512i f = _mm512_mullo_epi32(_mm512_set1_epi32((int)s),
                                 _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
  if (s > 4) return _mm512_mask_i32gather_ps(_mm512_setzero_ps(), lanes, f, p, 4);
  __m512i pair = _mm512_srli_epi32(f, 5);
  size_t total = (n - 1) * s + 1;
  __m512 r = _mm512_setzero_ps();
  for (size_t v = 0; 16 * v < total; v += 2) {
    size_t left = total - 16 * v;
    __m512 a = _mm512_maskz_loadu_ps(left >= 16 ? 0xffff : (__mmask16)((1u << left) - 1), p + 16 * v);
    __m512 b = _mm512_setzero_ps();
    if (left > 16)
      b = _mm512_maskz_loadu_ps(left >= 32 ? 0xffff : (__mmask16)((1u << (left - 16)) - 1), p + 16 * v + 16);
    __mmask16 m = _mm512_mask_cmpeq_epi32_mask(lanes, pair, _mm512_set1_epi32((int)(v / 2)));
    r = _mm512_mask_mov_ps(r, m, _mm512_permutex2var_ps(a, f, b));
  }
  return r;
}
VEC_INLINE vf vf_load_stride(const float *p, size_t s) { return vec_load_stride_n_(p, s, 16); }
VEC_INLINE vf vf_load_stride_partial(const float *p, size_t s, size_t n) {
  return n ? vec_load_stride_n_(p, s, n) : _mm512_setzero_ps();
}

VEC_INLINE vf vf_set1(float a) { return _mm512_set1_ps(a); }
VEC_INLINE vf vf_zero(void) { return _mm512_setzero_ps(); }
VEC_INLINE vi vi_set1(int32_t a) { return _mm512_set1_epi32(a); }

VEC_INLINE vf vf_add(vf a, vf b) { return _mm512_add_ps(a, b); }
VEC_INLINE vf vf_sub(vf a, vf b) { return _mm512_sub_ps(a, b); }
VEC_INLINE vf vf_mul(vf a, vf b) { return _mm512_mul_ps(a, b); }
VEC_INLINE vf vf_div(vf a, vf b) { return _mm512_div_ps(a, b); }
VEC_INLINE vf vf_sqrt(vf a) { return _mm512_sqrt_ps(a); }
VEC_INLINE vf vf_rcp14(vf a) { return _mm512_rcp14_ps(a); } /* 2^-14 */
VEC_INLINE vf vf_fma(vf a, vf b, vf c) { return _mm512_fmadd_ps(a, b, c); }
VEC_INLINE vf vf_mla(vf a, vf b, vf c) { return _mm512_fmadd_ps(a, b, c); }

VEC_INLINE vf vf_max(vf a, vf b) { return _mm512_max_ps(a, b); }
VEC_INLINE vf vf_min(vf a, vf b) { return _mm512_min_ps(a, b); }

VEC_INLINE vf vf_and(vf a, vf b) { return _mm512_and_ps(a, b); }
VEC_INLINE vf vf_or(vf a, vf b) { return _mm512_or_ps(a, b); }
VEC_INLINE vf vf_xor(vf a, vf b) { return _mm512_xor_ps(a, b); }
VEC_INLINE vf vf_andnot(vf a, vf b) { return _mm512_andnot_ps(a, b); }
VEC_INLINE vf vf_abs(vf a) { return _mm512_andnot_ps(_mm512_set1_ps(-0.0f), a); }
/* unary minus flips the sign bit (NaN too) like the xor, and lets the
 * compiler fold it into FNMADD/FMSUB */
VEC_INLINE vf vf_neg(vf a) { return -a; }
VEC_INLINE vf vf_signbit(vf a) { return _mm512_and_ps(_mm512_set1_ps(-0.0f), a); }
VEC_INLINE vi vf_as_vi(vf a) { return _mm512_castps_si512(a); }
VEC_INLINE vf vi_as_vf(vi a) { return _mm512_castsi512_ps(a); }

VEC_INLINE vi vi_add(vi a, vi b) { return _mm512_add_epi32(a, b); }
VEC_INLINE vi vi_sub(vi a, vi b) { return _mm512_sub_epi32(a, b); }
VEC_INLINE vi vi_and(vi a, vi b) { return _mm512_and_si512(a, b); }
VEC_INLINE vi vi_or(vi a, vi b) { return _mm512_or_si512(a, b); }
#define vi_shl(a, k) _mm512_slli_epi32((a), (k))
#define vi_shr(a, k) _mm512_srli_epi32((a), (k))
#define vi_sra(a, k) _mm512_srai_epi32((a), (k))
VEC_INLINE vf vi_to_vf(vi a) { return _mm512_cvtepi32_ps(a); }
VEC_INLINE vi vf_to_vi_round(vf a) { return _mm512_cvtps_epi32(a); }
VEC_INLINE vf vf_round(vf a) { return _mm512_roundscale_ps(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
VEC_INLINE vf vf_scalef(vf a, vf n) { return _mm512_scalef_ps(a, n); }
/* vreduceps: imm 1 = a - floor(a), the subtraction rounded down as well
 * (scalar.h's semantics, checked on all 2^32 inputs); imm 0 = a - rint(a);
 * 8: no precision exception */
VEC_INLINE vf vf_frac_floor(vf a) { return _mm512_reduce_ps(a, 1 | 8); }
VEC_INLINE vf vf_frac_near(vf a) { return _mm512_reduce_ps(a, 0 | 8); }
VEC_INLINE vm vi_eq(vi a, vi b) { return _mm512_cmpeq_epi32_mask(a, b); }
VEC_INLINE vm vi_gt(vi a, vi b) { return _mm512_cmpgt_epi32_mask(a, b); }
/* vpermps: the index's low 4 bits pick the lane */
VEC_INLINE vf vf_lut16(const float *tab, vi idx) {
  return _mm512_permutexvar_ps(idx, _mm512_loadu_ps(tab));
}
/* vpermt2ps over the two table halves: the index's low 5 bits pick */
VEC_INLINE vf vf_lut32(const float *tab, vi idx) {
  return _mm512_permutex2var_ps(_mm512_loadu_ps(tab), idx, _mm512_loadu_ps(tab + 16));
}
VEC_INLINE vi vi_max(vi a, vi b) { return _mm512_max_epi32(a, b); }
VEC_INLINE vf vf_mla_mask(vm m, vf a, vf b, vf c) { return _mm512_mask_fmadd_ps(a, m, b, c); }

VEC_INLINE vm vf_lt(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ); }
VEC_INLINE vm vf_le(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_LE_OQ); }
VEC_INLINE vm vf_gt(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_GT_OQ); }
VEC_INLINE vm vf_ge(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_GE_OQ); }
VEC_INLINE vm vf_eq(vf a, vf b) { return _mm512_cmp_ps_mask(a, b, _CMP_EQ_OQ); }
VEC_INLINE vm vf_isnan(vf a) { return _mm512_cmp_ps_mask(a, a, _CMP_UNORD_Q); }
VEC_INLINE vf vf_select(vm m, vf a, vf b) { return _mm512_mask_blend_ps(m, b, a); }
VEC_INLINE vm vm_and(vm a, vm b) { return (vm)(a & b); }
VEC_INLINE vm vm_or(vm a, vm b) { return (vm)(a | b); }
VEC_INLINE vm vm_andnot(vm a, vm b) { return (vm)(~a & b); }
VEC_INLINE vm vm_not(vm a) { return (vm)~a; }
VEC_INLINE int vm_any(vm a) { return a != 0; }
VEC_INLINE int vm_all(vm a) { return a == 0xffff; }

VEC_INLINE float vf_first(vf a) { return _mm512_cvtss_f32(a); }
VEC_INLINE float vf_reduce_add(vf a) { return _mm512_reduce_add_ps(a); }
VEC_INLINE float vf_reduce_max(vf a) { return _mm512_reduce_max_ps(a); }

VEC_INLINE vd vd_from_vf_lo(vf a) { return _mm512_cvtps_pd(_mm512_castps512_ps256(a)); }
VEC_INLINE vd vd_from_vf_hi(vf a) { return _mm512_cvtps_pd(_mm512_extractf32x8_ps(a, 1)); }
VEC_INLINE vf vf_from_vd(vd lo, vd hi) {
  return _mm512_insertf32x8(_mm512_castps256_ps512(_mm512_cvtpd_ps(lo)), _mm512_cvtpd_ps(hi), 1);
}
VEC_INLINE vd vd_set1(double a) { return _mm512_set1_pd(a); }
VEC_INLINE vd vd_add(vd a, vd b) { return _mm512_add_pd(a, b); }
VEC_INLINE vd vd_sub(vd a, vd b) { return _mm512_sub_pd(a, b); }
VEC_INLINE vd vd_mul(vd a, vd b) { return _mm512_mul_pd(a, b); }
VEC_INLINE vd vd_div(vd a, vd b) { return _mm512_div_pd(a, b); }
VEC_INLINE vd vd_mla(vd a, vd b, vd c) { return _mm512_fmadd_pd(a, b, c); }
VEC_INLINE vd vd_fma(vd a, vd b, vd c) { return _mm512_fmadd_pd(a, b, c); }
VEC_INLINE vd vd_scalef(vd a, vd n) { return _mm512_scalef_pd(a, n); }
VEC_INLINE vd vd_and(vd a, vd b) { return _mm512_and_pd(a, b); }
VEC_INLINE vd vd_or(vd a, vd b) { return _mm512_or_pd(a, b); }
VEC_INLINE vd vd_xor(vd a, vd b) { return _mm512_xor_pd(a, b); }
VEC_INLINE vd vd_from_bits(uint64_t u) { return _mm512_castsi512_pd(_mm512_set1_epi64((long long)u)); }
VEC_INLINE vdm vd_lt(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ); }
VEC_INLINE vdm vd_gt(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_GT_OQ); }
VEC_INLINE vdm vd_eq(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ); }
VEC_INLINE vdm vd_ne(vd a, vd b) { return _mm512_cmp_pd_mask(a, b, _CMP_NEQ_UQ); }
VEC_INLINE vdm vdm_and(vdm a, vdm b) { return (vdm)(a & b); }
VEC_INLINE vdm vdm_xor(vdm a, vdm b) { return (vdm)(a ^ b); }
VEC_INLINE vd vd_select(vdm m, vd a, vd b) { return _mm512_mask_blend_pd(m, b, a); }

#endif
