/* The vector layer op by op, for one ISA (compiled once per ISA with that
 * ISA's flags: tests/local.mk; VEC_ISA_<NAME> picks the header).  Every op of
 * simd/vec/scalar.h is run over pairs of special and ordinary values and its
 * lanes are compared with the documented semantics, computed here in plain C
 * (not with the op set).  Ops that pick or move bits (min/max, select, bit
 * ops, loads) must match bit for bit, NaN payloads included; arithmetic must
 * match bit for bit except that any NaN matches any NaN.
 *
 * tests/vec.c calls vec_check_<isa>() only when the CPU runs the ISA. */
#include "config.h"

#if defined VEC_ISA_SCALAR
#include "simd/vec/scalar.h"
#elif defined VEC_ISA_SSE41
#include "simd/vec/sse41.h"
#elif defined VEC_ISA_AVX2
#include "simd/vec/avx2.h"
#elif defined VEC_ISA_AVX512
#include "simd/vec/avx512.h"
#elif defined VEC_ISA_NEON
#include "simd/vec/neon.h"
#else
#error "define VEC_ISA_<NAME>"
#endif

#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "tests/vec_check.h"

#define VC_CAT_(a, b) a##b
#define VC_CAT(a, b) VC_CAT_(a, b)
#define VC_STR_(a) #a
#define VC_STR(a) VC_STR_(a)

static uint32_t f2u(float a) { uint32_t u; memcpy(&u, &a, 4); return u; }
static float u2f(uint32_t u) { float a; memcpy(&a, &u, 4); return a; }
static uint64_t d2u(double a) { uint64_t u; memcpy(&u, &a, 8); return u; }

/* Special values first, then ordinary ones; the pairs (a, b) below run over
 * every combination of the specials. */
/* the reference of vf_scalef as the test calls it (n = round(-y) within
 * +-1e6): ldexpf rounds once, subnormal results included */
static float r_scalef(float x, float y) {
  float n = -y;
  if (n != n) return x + n;
  n = nearbyintf(n > 1e6f ? 1e6f : n < -1e6f ? -1e6f : n);
  return ldexpf(x, n > 512.0f ? 512 : n < -512.0f ? -512 : (int)n);
}

/* and for any n (non-integral: floor(n); +-inf), a finite and nonzero
 * (other a replaced by 1.5 in the test) */
static float r_scalef_floor(float x, float y) {
  if (!isfinite(x) || x == 0.0f) x = 1.5f;
  if (y != y) return x + y;
  return ldexpf(x, y > 512.0f ? 512 : y < -512.0f ? -512 : (int)floorf(y));
}

static const uint32_t special_bits[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3fc00000, 0xc0200000, /* 0 -0 1 -1 1.5 -2.5 */
    0x3f000000, 0x40200000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, /* .5 2.5 inf -inf NaN -NaN */
    0x7fa00123, 0x7f7fffff, 0xff7fffff, 0x00800000, 0x00000001, 0x807fffff, /* sNaN max -max min sub -sub */
    0x4b000001, 0xcb7fffff, 0x4effffff, 0xcf000000, 0x3effffff, 0x40400000, /* 2^23+1 .. 2^31-128 -2^31 ... 3 */
};
#define NSPECIAL (sizeof special_bits / sizeof special_bits[0])
#define NPAIR (NSPECIAL * NSPECIAL + 64) /* + ordinary values; a multiple of 16 */

static float A[NPAIR], B[NPAIR], C[NPAIR];
static float NEXP[NPAIR]; /* integral exponents in [-1022, 1023] (vd_scalef) */

static void fill(void) {
  uint32_t s = 12345;
  for (size_t i = 0; i < NPAIR; i++) {
    if (i < NSPECIAL * NSPECIAL) {
      A[i] = u2f(special_bits[i / NSPECIAL]);
      B[i] = u2f(special_bits[i % NSPECIAL]);
    } else {
      s = s * 1103515245u + 12345u;
      A[i] = (float)(int32_t)(s >> 8) / 4096.0f;
      s = s * 1103515245u + 12345u;
      B[i] = (float)(int32_t)(s >> 8) / 65536.0f;
    }
    C[i] = B[(i * 7 + 3) % NPAIR];
    NEXP[i] = (float)((int)((i * 389u) % 2046u) - 1022);
  }
}

/* same: bits equal; nan_any: any NaN matches any NaN */
static int same(float got, float want, int nan_any) {
  if (nan_any && isnan(got) && isnan(want)) return 1;
  return f2u(got) == f2u(want);
}
static int same_d(double got, double want) {
  if (isnan(got) && isnan(want)) return 1;
  return d2u(got) == d2u(want);
}

static char why[200];

/* Run a lane-wise float op over all pairs; REF computes one lane in C. */
#define CHECK_F(name, nan_any, EXPR, REF)                                               \
  do {                                                                                  \
    int ok_ = 1;                                                                        \
    for (size_t i = 0; ok_ && i < NPAIR; i += VF_LANES) {                               \
      vf a = vf_loadu(A + i), b = vf_loadu(B + i), c = vf_loadu(C + i);                 \
      float out[VF_LANES];                                                              \
      (void)a; (void)b; (void)c;                                                        \
      vf_storeu(out, (EXPR));                                                           \
      for (size_t l = 0; l < VF_LANES; l++) {                                           \
        float x = A[i + l], y = B[i + l], z = C[i + l];                                 \
        float want = (REF);                                                             \
        (void)x; (void)y; (void)z;                                                      \
        if (!same(out[l], want, nan_any)) {                                             \
          snprintf(why, sizeof why, " (a=%a b=%a c=%a: got %a, want %a)", x, y, z,      \
                   out[l], want);                                                       \
          ok_ = 0;                                                                      \
          break;                                                                        \
        }                                                                               \
      }                                                                                 \
    }                                                                                   \
    report(ok_, "%s %s%s", VC_STR(VF_ISA), name, ok_ ? "" : why);                      \
  } while (0)

/* A mask op, seen through vf_select(m, 1, 0). */
#define CHECK_M(name, MEXPR, REF) \
  CHECK_F(name, 0, vf_select((MEXPR), vf_set1(1.0f), vf_zero()), (REF) ? 1.0f : 0.0f)

/* Reference semantics of scalar.h, in plain C. */
static float r_max(float x, float y) { return x > y ? x : y; }
static float r_min(float x, float y) { return x < y ? x : y; }
static float r_bits(uint32_t u) { return u2f(u); }
static float r_mla(float x, float y, float z) {
#if VF_HAS_FMA
  return fmaf(x, y, z);
#else
  volatile float p = x * y;
  return p + z;
#endif
}
/* |x| < 2^31 for the float -> int conversion tests */
static int in_int_range(float x) { return fabsf(x) < 2147483648.0f; }
static float r_round_int(float x) { return in_int_range(x) ? (float)(int32_t)lrintf(x) : 0.0f; }
/* vf_frac_floor: x - floor(x) rounded toward -inf (fesetround: the
 * reference shares no code with simd/vec/frac_ops.h), +0 for +-inf */
static float r_frac_floor(float x) {
  if (isinf(x)) return 0.0f;
  volatile float xv = x, fl = floorf(x), d;
  fesetround(FE_DOWNWARD);
  d = xv - fl;
  fesetround(FE_TONEAREST);
  return d;
}
static float r_frac_near(float x) { return isinf(x) ? 0.0f : x - nearbyintf(x); }

void VC_CAT(vec_check_, VF_ISA)(vec_report_fn report) {
  fill();
  report(1, "%s: VF_LANES %d, VD_LANES %d, VF_HAS_FMA %d, VD_HAS_FMA %d", VC_STR(VF_ISA),
         VF_LANES, VD_LANES, VF_HAS_FMA, VD_HAS_FMA);

  /* ---- memory and constants ---- */
  CHECK_F("vf_loadu/vf_storeu", 0, a, x);
  CHECK_F("vf_set1", 0, vf_set1(-2.75f), -2.75f);
  CHECK_F("vf_zero", 0, vf_zero(), 0.0f);
  CHECK_F("vi_set1", 0, vi_as_vf(vi_set1(-123456)), r_bits((uint32_t)-123456));

  /* ---- arithmetic ---- */
  CHECK_F("vf_add", 1, vf_add(a, b), x + y);
  CHECK_F("vf_sub", 1, vf_sub(a, b), x - y);
  CHECK_F("vf_mul", 1, vf_mul(a, b), x * y);
  CHECK_F("vf_div", 1, vf_div(a, b), x / y);
  CHECK_F("vf_sqrt", 1, vf_sqrt(a), sqrtf(x));
  {
    /* vf_rcp14: relative error below 2^-14 for 2^-126 <= |a| <= 2^126, NaN
     * stays NaN; the bits may differ between ISAs. */
    int ok = 1;
    for (size_t i = 0; ok && i < NPAIR; i += VF_LANES) {
      float out[VF_LANES];
      vf_storeu(out, vf_rcp14(vf_loadu(A + i)));
      for (size_t l = 0; l < VF_LANES; l++) {
        float x = A[i + l];
        double ax = fabs((double)x), err = fabs((double)out[l] * x - 1.0);
        int in_range = ax >= 0x1p-126 && ax <= 0x1p126;
        if (isnan(x) ? !isnan(out[l]) : in_range && !(err < 0x1p-14)) {
          snprintf(why, sizeof why, " (a=%a: got %a, relative error %g)", x, out[l], err);
          ok = 0;
          break;
        }
      }
    }
    /* and every 2^-16 step of the mantissa, at a few exponents and signs
     * from 2^-126 to 2^125 (the range ends at 2^126) */
    static const uint32_t exps[] = {0x00800000, 0x3f800000, 0xbf000000, 0x7e000000, 0x81000000};
    for (size_t e = 0; ok && e < sizeof exps / sizeof exps[0]; e++)
      for (uint32_t k = 0; ok && k < 65536; k += VF_LANES) {
        float in[VF_LANES], out[VF_LANES];
        for (size_t l = 0; l < VF_LANES; l++) in[l] = u2f(exps[e] | (k + (uint32_t)l) << 7);
        vf_storeu(out, vf_rcp14(vf_loadu(in)));
        for (size_t l = 0; l < VF_LANES; l++) {
          double err = fabs((double)out[l] * in[l] - 1.0);
          if (!(err < 0x1p-14)) {
            snprintf(why, sizeof why, " (a=%a: got %a, relative error %g)", in[l], out[l], err);
            ok = 0;
          }
        }
      }
    report(ok, "%s vf_rcp14 (relative error < 2^-14)%s", VC_STR(VF_ISA), ok ? "" : why);
    /* and >= 1/2 on all of [1, 2) */
    ok = 1;
    for (uint32_t u = 0x3f800000u; ok && u < 0x40000000u; u += VF_LANES) {
      float in[VF_LANES], out[VF_LANES];
      for (size_t l = 0; l < VF_LANES; l++) in[l] = u2f(u + (uint32_t)l);
      vf_storeu(out, vf_rcp14(vf_loadu(in)));
      for (size_t l = 0; l < VF_LANES; l++)
        if (!(out[l] >= 0.5f)) {
          snprintf(why, sizeof why, " (a=%a: got %a)", in[l], out[l]);
          ok = 0;
        }
    }
    report(ok, "%s vf_rcp14 >= 1/2 on [1, 2)%s", VC_STR(VF_ISA), ok ? "" : why);
  }
  CHECK_F("vf_fma (one rounding)", 1, vf_fma(a, b, c), fmaf(x, y, z));
  CHECK_F("vf_mla (fused iff VF_HAS_FMA)", 1, vf_mla(a, b, c), r_mla(x, y, z));

  /* ---- min / max: x86 operand order, bit exact (NaN -> b, +-0 -> b) ---- */
  CHECK_F("vf_max", 0, vf_max(a, b), r_max(x, y));
  CHECK_F("vf_min", 0, vf_min(a, b), r_min(x, y));

  /* ---- bits ---- */
  CHECK_F("vf_and", 0, vf_and(a, b), r_bits(f2u(x) & f2u(y)));
  CHECK_F("vf_or", 0, vf_or(a, b), r_bits(f2u(x) | f2u(y)));
  CHECK_F("vf_xor", 0, vf_xor(a, b), r_bits(f2u(x) ^ f2u(y)));
  CHECK_F("vf_andnot", 0, vf_andnot(a, b), r_bits(~f2u(x) & f2u(y)));
  CHECK_F("vf_abs", 0, vf_abs(a), r_bits(f2u(x) & 0x7fffffffu));
  CHECK_F("vf_neg", 0, vf_neg(a), r_bits(f2u(x) ^ 0x80000000u));
  CHECK_F("vf_signbit", 0, vf_signbit(a), r_bits(f2u(x) & 0x80000000u));
  CHECK_F("vf_as_vi/vi_as_vf", 0, vi_as_vf(vf_as_vi(a)), x);

  /* ---- int32 lanes (the float bits as integers) ---- */
  CHECK_F("vi_add", 0, vi_as_vf(vi_add(vf_as_vi(a), vf_as_vi(b))), r_bits(f2u(x) + f2u(y)));
  CHECK_F("vi_sub", 0, vi_as_vf(vi_sub(vf_as_vi(a), vf_as_vi(b))), r_bits(f2u(x) - f2u(y)));
  CHECK_F("vi_and", 0, vi_as_vf(vi_and(vf_as_vi(a), vf_as_vi(b))), r_bits(f2u(x) & f2u(y)));
  CHECK_F("vi_or", 0, vi_as_vf(vi_or(vf_as_vi(a), vf_as_vi(b))), r_bits(f2u(x) | f2u(y)));
  CHECK_F("vi_shl 1", 0, vi_as_vf(vi_shl(vf_as_vi(a), 1)), r_bits(f2u(x) << 1));
  CHECK_F("vi_shl 23", 0, vi_as_vf(vi_shl(vf_as_vi(a), 23)), r_bits(f2u(x) << 23));
  CHECK_F("vi_shr 9", 0, vi_as_vf(vi_shr(vf_as_vi(a), 9)), r_bits(f2u(x) >> 9));
  CHECK_F("vi_shr 31", 0, vi_as_vf(vi_shr(vf_as_vi(a), 31)), r_bits(f2u(x) >> 31));
  CHECK_F("vi_sra 9", 0, vi_as_vf(vi_sra(vf_as_vi(a), 9)), r_bits((uint32_t)((int32_t)f2u(x) >> 9)));
  CHECK_F("vi_sra 31", 0, vi_as_vf(vi_sra(vf_as_vi(a), 31)), r_bits((uint32_t)((int32_t)f2u(x) >> 31)));
  CHECK_F("vi_to_vf (nearest even)", 0, vi_to_vf(vf_as_vi(a)), (float)(int32_t)f2u(x));
  /* Only |a| < 2^31 is defined: other lanes are replaced by 0 first. */
  CHECK_F("vf_to_vi_round (ties to even)", 0,
          vi_to_vf(vf_to_vi_round(vf_select(vf_lt(vf_abs(a), vf_set1(2147483648.0f)), a, vf_zero()))),
          r_round_int(x));
  CHECK_F("vf_round (ties to even)", 1, vf_round(a), nearbyintf(x));
  CHECK_F("vf_frac_floor (x - floor(x) rounded down, -0 on integers)", 1, vf_frac_floor(a),
          r_frac_floor(x));
  CHECK_F("vf_frac_near (x - rint(x))", 1, vf_frac_near(a), r_frac_near(x));
  {
    /* and where vf_frac_floor rounds: every 2^-12 step of the mantissa of
     * negative a from -2^-1 down to -2^-40 and -2^-149, with a few integers
     * and halves around them */
    int ok = 1;
    for (uint32_t e = 0x00000000u; ok && e <= 0x3e800000u; e += 0x00800000u)
      for (uint32_t k = 0; ok && k < 4096; k += VF_LANES) {
        float in[VF_LANES], out[VF_LANES], out2[VF_LANES];
        for (size_t l = 0; l < VF_LANES; l++)
          in[l] = u2f(0x80000000u | e | ((k + (uint32_t)l) << 11) | (uint32_t)(l * 97u & 0x7ffu));
        vf_storeu(out, vf_frac_floor(vf_loadu(in)));
        vf_storeu(out2, vf_frac_near(vf_loadu(in)));
        for (size_t l = 0; l < VF_LANES; l++)
          if (!same(out[l], r_frac_floor(in[l]), 0) || !same(out2[l], r_frac_near(in[l]), 0)) {
            snprintf(why, sizeof why, " (a=%a: got %a / %a, want %a / %a)", in[l], out[l],
                     out2[l], r_frac_floor(in[l]), r_frac_near(in[l]));
            ok = 0;
          }
      }
    report(ok, "%s vf_frac_floor/vf_frac_near on (-1/2, 0)%s", VC_STR(VF_ISA), ok ? "" : why);
  }
  /* vf_scalef(a, n) = a 2^n rounded once, n integral: n = round(-b) clamped
   * to +-1e6 (NaN kept); the ordinary b (0 to 256) put a 2^n among the
   * subnormals and below */
  CHECK_F("vf_scalef (one rounding)", 1,
          vf_scalef(a, vf_round(vf_min(vf_set1(1e6f), vf_max(vf_set1(-1e6f), vf_neg(b))))),
          r_scalef(x, y));
  CHECK_F("vf_scalef (n floored, +-inf n saturate)", 1,
          vf_scalef(vf_select(vm_and(vf_lt(vf_abs(a), vf_set1(__builtin_inff())),
                                     vf_gt(vf_abs(a), vf_zero())), a, vf_set1(1.5f)), b),
          r_scalef_floor(x, y));
  CHECK_M("vi_eq", vi_eq(vf_as_vi(a), vf_as_vi(c)), f2u(x) == f2u(z));
  CHECK_M("vi_eq (same)", vi_eq(vf_as_vi(a), vf_as_vi(a)), 1);
  CHECK_M("vi_gt (signed)", vi_gt(vf_as_vi(a), vf_as_vi(b)), (int32_t)f2u(x) > (int32_t)f2u(y));
  {
    /* vf_lut16: lane l is tab[idx_l & 15], bit for bit (NaN payload in the
     * table included), for every bit pattern of the index lanes here */
    static const float tab[16] = {1.0f, -2.0f, 0x1.fffffep127f, -0.0f, 0x1p-149f, 3.5f, 6.0f, 7.0f,
                                  8.0f, 9.0f, -10.0f, 11.0f, 0x1.8p-126f, 13.0f, 14.0f, 15.0f};
    static float ntab[16];
    memcpy(ntab, tab, sizeof tab);
    ntab[6] = u2f(0x7fc01234u);
    CHECK_F("vf_lut16", 0, vf_lut16(tab, vf_as_vi(a)), tab[f2u(x) & 15]);
    CHECK_F("vf_lut16 (NaN entry)", 0, vf_lut16(ntab, vf_as_vi(b)), ntab[f2u(y) & 15]);
  }
  {
    /* vf_lut32: lane l is tab[idx_l & 31], bit for bit */
    static float tab32[32];
    for (int i = 0; i < 32; i++) tab32[i] = (float)(i * i) - 100.5f;
    tab32[3] = -0.0f;
    tab32[17] = u2f(0x7fc05678u);
    tab32[30] = 0x1p-149f;
    CHECK_F("vf_lut32", 0, vf_lut32(tab32, vf_as_vi(a)), tab32[f2u(x) & 31]);
    CHECK_F("vf_lut32 (b)", 0, vf_lut32(tab32, vf_as_vi(b)), tab32[f2u(y) & 31]);
  }
  CHECK_F("vi_max (signed)", 0, vi_as_vf(vi_max(vf_as_vi(a), vf_as_vi(b))),
          r_bits((int32_t)f2u(x) > (int32_t)f2u(y) ? f2u(x) : f2u(y)));
  CHECK_F("vf_mla_mask", 1, vf_mla_mask(vf_lt(a, c), a, b, c), x < z ? r_mla(x, y, z) : x);

  /* ---- compares: ordered ---- */
  CHECK_M("vf_lt", vf_lt(a, b), x < y);
  CHECK_M("vf_le", vf_le(a, b), x <= y);
  CHECK_M("vf_gt", vf_gt(a, b), x > y);
  CHECK_M("vf_ge", vf_ge(a, b), x >= y);
  CHECK_M("vf_eq", vf_eq(a, b), x == y);
  CHECK_M("vf_isnan", vf_isnan(a), x != x);
  CHECK_F("vf_select", 0, vf_select(vf_lt(a, c), a, b), x < z ? x : y);
  CHECK_M("vm_and", vm_and(vf_lt(a, b), vf_lt(c, b)), x < y && z < y);
  CHECK_M("vm_or", vm_or(vf_lt(a, b), vf_lt(c, b)), x < y || z < y);
  CHECK_M("vm_andnot", vm_andnot(vf_lt(a, b), vf_lt(c, b)), !(x < y) && z < y);
  CHECK_M("vm_not", vm_not(vf_lt(a, b)), !(x < y));

  {
    int ok = 1;
    for (size_t i = 0; i < NPAIR; i += VF_LANES) {
      vm m = vf_lt(vf_loadu(A + i), vf_loadu(B + i));
      int any = 0, all = 1;
      for (size_t l = 0; l < VF_LANES; l++) {
        any |= A[i + l] < B[i + l];
        all &= A[i + l] < B[i + l];
      }
      ok &= vm_any(m) == any && vm_all(m) == all;
    }
    vm ones = vf_eq(vf_zero(), vf_zero()), zeros = vf_lt(vf_zero(), vf_zero());
    ok &= vm_any(ones) && vm_all(ones) && !vm_any(zeros) && !vm_all(zeros);
    report(ok, "%s vm_any/vm_all", VC_STR(VF_ISA));
  }

  /* ---- reductions: on values whose sum is exact and whose maximum is
   * unique, so the order of the tree does not matter ---- */
  {
    int ok = 1;
    for (int t = 0; t < 64; t++) {
      float v[VF_LANES], sum = 0.0f, mx = -INFINITY;
      for (size_t l = 0; l < VF_LANES; l++) {
        v[l] = (float)((int)((l * 37 + t * 11) % 101) - 50) + 0.25f * (float)l;
        sum += v[l];
        mx = v[l] > mx ? v[l] : mx;
      }
      vf x = vf_loadu(v);
      ok &= vf_reduce_add(x) == sum && vf_reduce_max(x) == mx && same(vf_first(x), v[0], 0);
    }
    report(ok, "%s vf_reduce_add/vf_reduce_max/vf_first", VC_STR(VF_ISA));
  }

  /* ---- doubles ---- */
  {
    int ok = 1;
    const char *bad = "";
    for (size_t i = 0; ok && i < NPAIR; i += VF_LANES) {
      vf fa = vf_loadu(A + i), fb = vf_loadu(B + i), fc = vf_loadu(C + i);
      for (int half = 0; ok && half < VF_LANES / VD_LANES; half++) {
        vd a = half ? vd_from_vf_hi(fa) : vd_from_vf_lo(fa);
        vd b = half ? vd_from_vf_hi(fb) : vd_from_vf_lo(fb);
        vd c = half ? vd_from_vf_hi(fc) : vd_from_vf_lo(fc);
        vf fn = vf_loadu(NEXP + i);
        vd n = half ? vd_from_vf_hi(fn) : vd_from_vf_lo(fn);
        struct { const char *name; vd v; int kind; } r[] = {
            {"vd_from_vf", a, 0}, {"vd_add", vd_add(a, b), 1}, {"vd_sub", vd_sub(a, b), 2},
            {"vd_mul", vd_mul(a, b), 3}, {"vd_div", vd_div(a, b), 4}, {"vd_mla", vd_mla(a, b, c), 5},
            {"vd_and", vd_and(a, b), 6}, {"vd_or", vd_or(a, b), 7}, {"vd_xor", vd_xor(a, b), 8},
            {"vd_lt/vd_select", vd_select(vd_lt(a, b), a, c), 9},
            {"vd_gt/vd_select", vd_select(vd_gt(a, b), a, c), 10},
            {"vd_eq/vd_select", vd_select(vd_eq(a, b), a, c), 11},
            {"vd_ne/vd_select", vd_select(vd_ne(a, b), a, c), 12},
            {"vdm_and", vd_select(vdm_and(vd_lt(a, b), vd_lt(c, b)), a, c), 13},
            {"vdm_xor", vd_select(vdm_xor(vd_lt(a, b), vd_lt(c, b)), a, c), 14},
            {"vd_set1", vd_set1(-0.1), 15}, {"vd_from_bits", vd_from_bits(0x7ff8000000000123u), 16},
            {"vd_scalef", vd_scalef(a, n), 17},
        };
        for (size_t k = 0; ok && k < sizeof r / sizeof r[0]; k++) {
          double got[VD_LANES];
          memcpy(got, &r[k].v, sizeof got);
          for (int l = 0; ok && l < VD_LANES; l++) {
            size_t j = i + (size_t)half * VD_LANES + (size_t)l;
            double x = A[j], y = B[j], z = C[j], want = 0.0;
            switch (r[k].kind) {
            case 0: want = x; break;
            case 1: want = x + y; break;
            case 2: want = x - y; break;
            case 3: want = x * y; break;
            case 4: want = x / y; break;
#if VD_HAS_FMA
            case 5: want = fma(x, y, z); break;
#else
            case 5: { volatile double p = x * y; want = p + z; } break;
#endif
            case 6: { uint64_t u = d2u(x) & d2u(y); memcpy(&want, &u, 8); } break;
            case 7: { uint64_t u = d2u(x) | d2u(y); memcpy(&want, &u, 8); } break;
            case 8: { uint64_t u = d2u(x) ^ d2u(y); memcpy(&want, &u, 8); } break;
            case 9: want = x < y ? x : z; break;
            case 10: want = x > y ? x : z; break;
            case 11: want = x == y ? x : z; break;
            case 12: want = x != y ? x : z; break;
            case 13: want = x < y && z < y ? x : z; break;
            case 14: want = (x < y) != (z < y) ? x : z; break;
            case 15: want = -0.1; break;
            case 16: { uint64_t u = 0x7ff8000000000123u; memcpy(&want, &u, 8); } break;
            case 17: want = ldexp(x, (int)NEXP[j]); break;
            }
            /* Bit ops and selects are exact, NaN payloads included (for
             * non-NaN inputs: float -> double may quiet a NaN either way). */
            int exact = r[k].kind >= 6 && !isnan(x) && !isnan(y) && !isnan(z);
            if (exact ? d2u(got[l]) != d2u(want) : !same_d(got[l], want)) {
              ok = 0;
              bad = r[k].name;
              snprintf(why, sizeof why, " (%s: a=%a b=%a c=%a: got %a, want %a)", bad, x, y, z,
                       got[l], want);
            }
          }
        }
      }
    }
    report(ok, "%s vd ops%s", VC_STR(VF_ISA), ok ? "" : why);
  }
  CHECK_F("vf_from_vd (rounds to nearest even)", 1,
          vf_from_vd(vd_mul(vd_from_vf_lo(a), vd_set1(1.0 + 0x1p-30)),
                     vd_mul(vd_from_vf_hi(a), vd_set1(1.0 + 0x1p-30))),
          (float)((double)x * (1.0 + 0x1p-30)));

  /* ---- partial loads and stores: lanes below n only; the rest load as +0;
   * nothing at or past p[n] is read or written.  The data ends where an
   * inaccessible page begins, so touching p[n] would fault. ---- */
  {
    /* qemu-x86_64 (7.2) faults on the masked-off lanes of VMASKMOVPS, which
     * the hardware never touches: no guard page there (tests/dispatch-qemu.sh
     * sets SIMDACT_TEST_EMULATED=qemu-x86_64); the lanes are still checked. */
    const char *emu = getenv("SIMDACT_TEST_EMULATED");
    int guard = !(emu && strstr(emu, "x86") && (VF_LANES == 8 || VF_LANES == 16));
    long pg = sysconf(_SC_PAGESIZE);
    unsigned char *map = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int ok = map != MAP_FAILED && (!guard || mprotect(map + pg, (size_t)pg, PROT_NONE) == 0);
    if (!ok) {
      report(0, "%s partial loads/stores: cannot map a guard page", VC_STR(VF_ISA));
    } else {
      for (size_t n = 0; n < VF_LANES; n++) {
        float *p = (float *)(map + pg) - n; /* p[n] is the first inaccessible float */
        for (size_t l = 0; l < n; l++) p[l] = A[l + 3];
        float out[VF_LANES];
        vf_storeu(out, vf_load_partial(p, n));
        for (size_t l = 0; l < VF_LANES; l++) ok &= same(out[l], l < n ? A[l + 3] : 0.0f, 0);
        /* store: y[0..n) takes the lanes, the floats before p stay */
        float *q = p - VF_LANES;
        for (size_t l = 0; l < VF_LANES + n; l++) q[l] = 42.0f;
        vf_store_partial(p, vf_loadu(B + 5), n);
        for (size_t l = 0; l < VF_LANES; l++) ok &= q[l] == 42.0f;
        for (size_t l = 0; l < n; l++) ok &= same(p[l], B[5 + l], 0);
        if (!guard) { /* then the floats past the end are there to check */
          p[n] = 42.0f;
          vf_store_partial(p, vf_loadu(B + 5), n);
          ok &= p[n] == 42.0f;
        }
      }
      report(ok, "%s vf_load_partial/vf_store_partial: lanes < n, +0 above, nothing past the end%s",
             VC_STR(VF_ISA), guard ? "" : " (no guard page under qemu-x86_64)");
      munmap(map, (size_t)pg * 2);
    }
  }
}
