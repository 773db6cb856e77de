/* The scan driver on deliberately wrong test-only kernels (it must report
 * exactly the planted errors), on a kernel that reads its neighbours, its
 * determinism across thread counts, and sampled scans of every registry
 * kernel this CPU runs (each must keep its claimed bound with no non-finite
 * mismatch).  REF_SCAN_SAMPLES sets the registry sample count (default 2^21). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reference/ref.h"
#include "reference/scan.h"
#include "tap.h"

static uint32_t fb(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static float bf(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }

/* relu, wrong at three known inputs: +1 ULP, +3 ULP, and 0 for a subnormal result */
#define BAD1 1.5f
#define BAD3 3.0f
#define BADSUB 0x1p-140f
static void relu_wrong(const float *x, float *y, size_t n, const simdact_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float v = x[i], r = (v > 0 || v != v) ? v : 0.0f;
    if (v == BAD1) r = bf(fb(r) + 1);
    if (v == BAD3) r = bf(fb(r) + 3);
    if (v == BADSUB) r = 0.0f;
    y[i] = r;
  }
}

/* sigmoid from the reference itself, wrong at three known inputs */
static const float sig_bad[3] = {0.5f, -2.0f, -100.5f};
static float sig_bad_y(int i) {
  float r = ref_f32("sigmoid", sig_bad[i], NULL);
  return i == 0 ? bf(fb(r) + 1) : i == 1 ? bf(fb(r) - 3) : 0.0f;
}
static void sigmoid_wrong(const float *x, float *y, size_t n, const simdact_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    y[i] = ref_f32("sigmoid", x[i], NULL);
    for (int k = 0; k < 3; k++)
      if (x[i] == sig_bad[k]) y[i] = sig_bad_y(k);
  }
}

/* relu whose answer depends on the next lane: NaN when the neighbour is NaN */
static void relu_nosy(const float *x, float *y, size_t n, const simdact_params *p) {
  (void)p;
  for (size_t i = 0; i < n; i++) {
    float v = x[i];
    y[i] = (v > 0 || v != v) ? v : 0.0f;
    if (i + 1 < n && isnan(x[i + 1])) y[i] = NAN;
  }
}

static uint64_t rng = 88172645463325252ull;
static float rnd_float(void) {
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return bf((uint32_t)(rng >> 13));
}

int main(void) {
  enum { NL = 300000 };
  float *list = malloc(NL * sizeof *list);
  for (int i = 0; i < NL; i++) list[i] = rnd_float();
  list[1000] = BAD1; list[2000] = BAD3; list[3000] = BADSUB;
  list[4000] = sig_bad[0]; list[5000] = sig_bad[1]; list[6000] = sig_bad[2];
  for (int i = 0; i < NL; i++) /* no accidental second copy of the planted inputs */
    if (i % 1000 && (list[i] == BAD1 || list[i] == BAD3 || list[i] == BADSUB || list[i] == sig_bad[0] ||
                     list[i] == sig_bad[1] || list[i] == sig_bad[2]))
      list[i] = 7.0f;

  /* ---- relu off by 1 and 3 ULP and a flushed subnormal ---- */
  scan_kernel kw = {"relu.wrong.test", "exact", "scalar", 0.5, relu_wrong};
  scan_stats st;
  scan_info info;
  scan_config cfg = {.act = "relu", .mode = SCAN_LIST, .list = list, .list_n = NL};
  scan_run(&cfg, &kw, 1, &st, &info);
  tap_ok(st.count == NL, "relu_wrong: every input scored (%llu)", (unsigned long long)st.count);
  tap_ok(st.max_ulp == 512 && st.max_x == fb(BADSUB), "relu_wrong: max 512 ULP at 2^-140 (got %g at 0x%08x)",
         st.max_ulp, st.max_x);
  tap_ok(st.over_half == 3 && st.over_1 == 2 && st.over_2 == 2,
         "relu_wrong: >0.5: 3, >1: 2, >2: 2 (got %llu %llu %llu)", (unsigned long long)st.over_half,
         (unsigned long long)st.over_1, (unsigned long long)st.over_2);
  tap_ok(st.wrong_rounding == 3 && st.nonfinite == 0 && st.zero_sign == 0 && st.lane == 0,
         "relu_wrong: 3 wrong roundings, nothing else");
  tap_ok(fabs(st.sum_ulp - 516) < 1e-9, "relu_wrong: mean ULP = 516/N (sum %.17g)", st.sum_ulp);
  tap_ok(st.max_abs == 0x3p-22 && st.max_abs_x == fb(BAD3) && st.max_rel == 1 && st.max_rel_x == fb(BADSUB),
         "relu_wrong: max abs error 3*2^-22 at 3.0, max relative error 1 at the subnormal");
  tap_ok(!st.holds, "relu_wrong: the claimed 0.5 ULP bound is reported broken");
  cfg.bitwise = 1;
  scan_run(&cfg, &kw, 1, &st, &info);
  tap_ok(st.count == NL && st.wrong_rounding == 3 && st.max_ulp == 512 && st.over_2 == 2 && !st.holds,
         "relu_wrong, bitwise mode: the same 3 wrong roundings, max 512 ULP");
  cfg.bitwise = 0;
  cfg.mode = SCAN_RANGE; cfg.lo = 1.0f; cfg.hi = 4.0f;
  scan_run(&cfg, &kw, 1, &st, &info);
  tap_ok(info.inputs == (2u << 23) + 1 && st.max_ulp == 3 && st.max_x == fb(BAD3) && st.over_half == 2 &&
         st.over_1 == 1 && st.over_2 == 1,
         "relu_wrong over [1, 4]: %llu inputs, max %g at 3.0, >0.5: %llu", (unsigned long long)info.inputs,
         st.max_ulp, (unsigned long long)st.over_half);

  /* ---- sigmoid, planted errors checked against the metric computed alone ---- */
  scan_kernel ks = {"sigmoid.wrong.test", "u1", "scalar", 1.0, sigmoid_wrong};
  cfg.act = "sigmoid"; cfg.mode = SCAN_LIST; cfg.list_n = 20000; /* the reference per element is slow */
  scan_stats s1, s2;
  cfg.threads = 1;
  scan_run(&cfg, &ks, 1, &s1, &info);
  cfg.threads = 2;
  scan_run(&cfg, &ks, 1, &s2, &info);
  double e[3], emax = 0;
  unsigned o5 = 0, o1 = 0, o2 = 0;
  for (int i = 0; i < 3; i++) {
    e[i] = ref_ulp_error("sigmoid", sig_bad[i], sig_bad_y(i), NULL);
    if (e[i] > emax) emax = e[i];
    o5 += e[i] > 0.5; o1 += e[i] > 1; o2 += e[i] > 2;
  }
  tap_diag("planted sigmoid errors: %.6f %.6f %.6f ULP", e[0], e[1], e[2]);
  tap_ok(fabs(s1.max_ulp - emax) < 1e-6 && s1.over_half == o5 && s1.over_1 == o1 && s1.over_2 == o2 &&
         s1.wrong_rounding == 3,
         "sigmoid_wrong: max %.6f, >0.5 %llu, >1 %llu, >2 %llu, wrong %llu, as planted", s1.max_ulp,
         (unsigned long long)s1.over_half, (unsigned long long)s1.over_1, (unsigned long long)s1.over_2,
         (unsigned long long)s1.wrong_rounding);
  tap_ok(s1.max_x == fb(sig_bad[2]) && !s1.holds, "sigmoid_wrong: worst at the flushed subnormal, bound broken");
  tap_ok(memcmp(&s1, &s2, sizeof s1) == 0, "same numbers on 1 and 2 threads");

  /* ---- lane independence ---- */
  scan_kernel kn = {"relu.nosy.test", "exact", "scalar", 0.5, relu_nosy};
  cfg.act = "relu"; cfg.mode = SCAN_SAMPLES; cfg.samples = 100000; cfg.seed = 3; cfg.threads = 0;
  scan_run(&cfg, &kn, 1, &st, &info);
  tap_ok(!st.holds && st.nonfinite > 0 && st.lane > 0,
         "a kernel reading its neighbour lane is caught (%llu non-finite, %llu lane mismatches)",
         (unsigned long long)st.nonfinite, (unsigned long long)st.lane);

  /* ---- every registry kernel this CPU runs, sampled ---- */
  uint64_t samples = 1u << 21;
  if (getenv("REF_SCAN_SAMPLES")) samples = strtoull(getenv("REF_SCAN_SAMPLES"), NULL, 10);
  size_t nall = simdact_kernel_count();
  scan_kernel *rk = calloc(nall, sizeof *rk);
  scan_stats *rs = calloc(nall, sizeof *rs);
  for (int id = 0; id < REF_ACT_COUNT; id++) {
    const char *act = ref_act_name(id);
    if (id == REF_SOFTMAX || id == REF_LOG_SOFTMAX) continue; /* tests/ref_rows */
    size_t n = scan_registry_kernels(act, NULL, NULL, rk, nall);
    if (!n) continue;
    scan_config c = {.act = act, .mode = SCAN_SAMPLES, .samples = samples, .seed = 7};
    if (scan_run(&c, rk, n, rs, &info)) { tap_ok(0, "%s: scan failed", act); continue; }
    for (size_t k = 0; k < n; k++)
      tap_ok(rs[k].holds && rs[k].nonfinite == 0,
             "%-24s %llu samples: max %.4g ULP at 0x%08x (bound %g), non-finite %llu, zero-sign %llu, lanes %llu",
             rk[k].name, (unsigned long long)rs[k].count, rs[k].max_ulp, rs[k].max_x, rk[k].bound,
             (unsigned long long)rs[k].nonfinite, (unsigned long long)rs[k].zero_sign, (unsigned long long)rs[k].lane);
  }
  free(rk); free(rs); free(list);
  return tap_done();
}
