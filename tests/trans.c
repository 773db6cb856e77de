/* The exp-family transcendental kernels (sigmoid, swish, silu, tanh, elu,
 * selu, softplus, mish) against the MPFR-backed reference (reference/ref.h):
 * special values and tails (NaN payloads, infinities, zeros, subnormals,
 * FLT_MAX, the subnormal-output ranges) plus a stride through all 2^32
 * inputs, for every registered tier on every ISA this CPU runs.  Each
 * kernel's max ULP must stay within its registered bound, with no
 * non-finite mismatch and no wrong zero sign.  The exhaustive proof of the
 * bounds is `make check-exhaustive`; this is the fast sampled version. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference/ref.h"
#include "simdact.h"
#include "tap.h"

static const char *const acts[] = {"sigmoid", "swish", "silu", "tanh", "elu",
                                   "selu", "softplus", "mish", "softsign", "gelu",
                                   "gelu_tanh"};

static float f_of(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }

/* Inputs: specials, tails, then every STRIDE-th bit pattern (odd stride,
 * so all exponents and both signs are hit). */
#define STRIDE 40503u
static size_t make_inputs(float *x, size_t cap) {
  size_t n = 0;
  static const uint32_t bits[] = {
    0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000,
    0x7f800001, 0xff812345, 0x7fbfffff, 0x7fc0dead, 0x00000001, 0x80000001,
    0x007fffff, 0x807fffff, 0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff,
    0x33800000, 0xb3800000, 0x3f800000, 0xbf800000};
  for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) x[n++] = f_of(bits[i]);
  /* dense walks over the tails: subnormal outputs of sigmoid/silu/softplus
   * (x in [-110, -80]), large |x|, and the region around 0 */
  for (float v = -120.0f; v < -60.0f; v += 0.0137f) x[n++] = v;
  for (float v = -20.0f; v < 20.0f; v += 0.00731f) x[n++] = v;
  for (float v = 1e-6f; v < 1.0f; v *= 1.0013f) { x[n++] = v; x[n++] = -v; }
  /* every float around FLT_MAX / lambda, where selu's lambda x crosses the
   * overflow threshold (RN(RN(lambda) x) overflows one float early) */
  float c = (float)(FLT_MAX / 1.0507009873554805);
  uint32_t cu;
  memcpy(&cu, &c, 4);
  for (uint32_t u = cu - 2048; u <= cu + 2048; u++) x[n++] = f_of(u);
  for (uint64_t u = 7; u < (1ull << 32) && n < cap; u += STRIDE) x[n++] = f_of((uint32_t)u);
  return n;
}

/* Non-default parameters: the registered bound is for the defaults; at
 * these values every kernel must stay within its tier (u1 1 ULP, u4 4,
 * approx 4096) with no non-finite or zero-sign mismatch.  The inputs add a
 * dense walk of x with beta x (alpha: x) over [-130, -60] and [-20, 20]. */
#define PARAM_VALUES 7
static const struct { const char *act; int is_beta; float v[PARAM_VALUES]; } param_cases[] = {
  {"elu", 0, {0.1f, 0.5f, 2.0f, 5.0f, 0x1p-126f, 1e30f, 3e38f}},
  /* beta: the edges of simdact_params_check's domain, |beta| in [2^-4, 2^20],
   * and negative beta (x -> +inf is the zero side there) */
  {"swish", 1, {0.2f, 0.5f, 1.702f, 3.0f, 0x1p-4f, -0x1p20f, -2.0f}},
  {"softplus", 1, {0.1f, 0.5f, 2.0f, 10.0f, -0x1p-4f, 0x1p20f, -0.5f}},
};
static double tier_ceiling(const char *tier) {
  return !strcmp(tier, "u1") ? 1.0 : !strcmp(tier, "u4") ? 4.0 : 4096.0;
}

/* max ULP, non-finite and zero-sign mismatches of kn over x[0..n) with p */
static double score(const simdact_kernel *kn, const simdact_params *p, const float *x, float *y,
                    size_t n, long *nonfinite, long *zsign, float *at) {
  ref_par q;
  ref_par_init(&q, ref_act_id(kn->act), p);
  kn->fn(x, y, n, p);
  double mx = 0;
  *nonfinite = *zsign = 0;
  *at = 0;
  for (size_t i = 0; i < n; i++) {
    float r = ref_f32_id(&q, x[i]);
    /* the correctly rounded result is within every bound (the metric
     * would score an overflow to inf against the exact value beyond
     * 2^128: see the report) */
    double e = (y[i] == r && !r == !y[i]) || (isnan(r) && isnan(y[i]))
                   ? 0 : ref_ulp_error_id(&q, x[i], y[i]);
    if (isfinite(r) != isfinite(y[i]) || isnan(r) != isnan(y[i]) ||
        (isinf(r) && r != y[i]))
      (*nonfinite)++;
    if (r == 0 && y[i] == 0 && signbit(r) != signbit(y[i])) (*zsign)++;
    if (!(e <= mx)) { mx = e; *at = x[i]; }
  }
  return mx;
}

int main(void) {
  size_t cap = 1u << 18;
  float *x = malloc(cap * sizeof *x), *y = malloc(cap * sizeof *y);
  size_t n = make_inputs(x, cap);
  int tested = 0;
  for (size_t k = 0; k < simdact_kernel_count(); k++) {
    const simdact_kernel *kn = simdact_kernel_at(k);
    int mine = 0;
    for (size_t a = 0; a < sizeof acts / sizeof acts[0]; a++) mine |= !strcmp(kn->act, acts[a]);
    if (!mine) continue;
    if (!simdact_isa_supported(kn->isa)) {
      tap_skip("%s: ISA not supported here", kn->name);
      continue;
    }
    long nonfinite, zsign;
    float at;
    double mx = score(kn, NULL, x, y, n, &nonfinite, &zsign, &at);
    tap_ok(mx <= kn->max_ulp && nonfinite == 0 && zsign == 0,
           "%s: max %.4g ULP (bound %.4g) at %a, %ld non-finite mismatches, %ld zero signs, %zu inputs",
           kn->name, mx, kn->max_ulp, at, nonfinite, zsign, n);
    tested++;
  }
  tap_ok(tested > 0, "some exp-family kernels were tested (%d)", tested);

  size_t base = n - 30000; /* keep the specials and most of the stride */
  float *xp = malloc(cap * sizeof *xp);
  for (size_t c = 0; c < sizeof param_cases / sizeof param_cases[0]; c++)
    for (int j = 0; j < PARAM_VALUES; j++) {
      float v = param_cases[c].v[j];
      simdact_params p;
      simdact_params_default(param_cases[c].act, &p);
      if (param_cases[c].is_beta) p.beta = v; else p.alpha = v;
      float scale = param_cases[c].is_beta ? v : 1.0f;
      size_t m = 0;
      for (size_t i = 0; i < base; i++) xp[m++] = x[i];
      for (float t = -130.0f; t < -60.0f && m < cap; t += 0.0047f) xp[m++] = t / scale;
      for (float t = -20.0f; t < 20.0f && m < cap; t += 0.0029f) xp[m++] = t / scale;
      for (size_t k = 0; k < simdact_kernel_count(); k++) {
        const simdact_kernel *kn = simdact_kernel_at(k);
        if (strcmp(kn->act, param_cases[c].act)) continue;
        if (!simdact_isa_supported(kn->isa)) {
          tap_skip("%s: ISA not supported here", kn->name);
          continue;
        }
        long nonfinite, zsign;
        float at;
        double mx = score(kn, &p, xp, y, m, &nonfinite, &zsign, &at);
        double ceil = tier_ceiling(kn->tier);
        tap_ok(mx <= ceil && nonfinite == 0 && zsign == 0,
               "%s %s = %g: max %.4g ULP (tier %g) at %a, %ld non-finite, %ld zero signs, %zu inputs",
               kn->name, param_cases[c].is_beta ? "beta" : "alpha", (double)v, mx, ceil, at,
               nonfinite, zsign, m);
      }
    }
  free(xp);
  free(x);
  free(y);
  return tap_done();
}
