/* Row references (softmax, log_softmax) on hand cases, the row scan on
 * test-only kernels (a careful double one must score <= 1 ULP, one with a
 * planted error must be reported), and the registered bound of every softmax
 * and log_softmax kernel this CPU runs over a sample of the scan's rows: the
 * 30 adversarial rows and 2 random samples of every row class up to 65536
 * floats (the evidence run, `make softmax-evidence`, takes 100 per class up
 * to 2^20). */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "reference/rows.h"
#include "tap.h"

/* softmax in double per row (cols = n here): max, exp, sum, divide */
static void soft_d(const float *x, float *y, size_t n, int log) {
  double m = -INFINITY, t = 0; /* t: the sum without the max term */
  size_t im = 0;
  for (size_t i = 0; i < n; i++) if (x[i] > m) { m = x[i]; im = i; }
  for (size_t i = 0; i < n; i++) if (i != im) t += exp((double)x[i] - m);
  for (size_t i = 0; i < n; i++) y[i] = log ? (float)((double)x[i] - m - log1p(t)) : (float)(exp((double)x[i] - m) / (1 + t));
}
static int row_special(const float *x, size_t n, float *y, int log) {
  size_t kinf = 0, kninf = 0, at = 0;
  for (size_t i = 0; i < n; i++) {
    if (isnan(x[i])) { for (size_t j = 0; j < n; j++) y[j] = NAN; return 1; }
    if (x[i] == INFINITY) { kinf++; at = i; }
    if (x[i] == -INFINITY) kninf++;
  }
  if (kinf >= 2 || kninf == n) { for (size_t j = 0; j < n; j++) y[j] = NAN; return 1; }
  if (kinf == 1) { for (size_t j = 0; j < n; j++) y[j] = j == at ? (log ? 0.0f : 1.0f) : (log ? -INFINITY : 0.0f); return 1; }
  return 0;
}
static void k_soft(const float *x, float *y, size_t n, const simdact_params *p) {
  for (size_t r = 0; r < n; r += p->cols)
    if (!row_special(x + r, p->cols, y + r, 0)) soft_d(x + r, y + r, p->cols, 0);
}
static void k_logsoft(const float *x, float *y, size_t n, const simdact_params *p) {
  for (size_t r = 0; r < n; r += p->cols)
    if (!row_special(x + r, p->cols, y + r, 1)) soft_d(x + r, y + r, p->cols, 1);
}
/* wrong: the first element of rows of length 16 is 8 ULP high */
static void k_soft_wrong(const float *x, float *y, size_t n, const simdact_params *p) {
  k_soft(x, y, n, p);
  if (p->cols == 16 && isfinite(y[0]) && y[0] > 0) { uint32_t u; memcpy(&u, &y[0], 4); u += 8; memcpy(&y[0], &u, 4); }
}

int main(void) {
  float y[4];
  float a[2] = {0, 0};
  ref_softmax_row(a, 2, 0, y);
  tap_ok(y[0] == 0.5f && y[1] == 0.5f, "softmax(0, 0) = (1/2, 1/2)");
  ref_softmax_row(a, 2, 1, y);
  tap_ok(y[0] == (float)-M_LN2 && y[1] == (float)-M_LN2, "log_softmax(0, 0) = -ln 2");
  float b[1] = {-3e38f};
  ref_softmax_row(b, 1, 0, y);
  tap_ok(y[0] == 1, "softmax of one element is 1");
  float c[3] = {1, INFINITY, -2};
  ref_softmax_row(c, 3, 0, y);
  tap_ok(y[0] == 0 && y[1] == 1 && y[2] == 0, "one +inf: one-hot");
  ref_softmax_row(c, 3, 1, y);
  tap_ok(y[0] == -INFINITY && y[1] == 0 && y[2] == -INFINITY, "log_softmax, one +inf: 0 there, -inf elsewhere");
  float d[3] = {1, NAN, 2}, e[2] = {INFINITY, INFINITY}, f[2] = {-INFINITY, -INFINITY};
  ref_softmax_row(d, 3, 0, y);
  int nan1 = isnan(y[0]) && isnan(y[2]);
  ref_softmax_row(e, 2, 0, y);
  int nan2 = isnan(y[0]);
  ref_softmax_row(f, 2, 0, y);
  tap_ok(nan1 && nan2 && isnan(y[0]), "NaN, two +inf, all -inf: NaN rows");
  float g[2] = {0, -200};
  ref_softmax_row(g, 2, 1, y);
  tap_ok(y[0] == -(float)exp(-200.0) && y[1] == -200.0f, "log_softmax(0, -200) = (-e^-200, -200): no cancellation");
  ref_softmax_row(g, 2, 0, y);
  tap_ok(y[0] == 1 && y[1] == 0, "softmax(0, -200) = (1, e^-200 -> 0)");
  float h[2] = {0, -100};
  ref_softmax_row(h, 2, 0, y);
  tap_ok(y[1] == (float)exp(-100.0), "softmax(0, -100)[1] = e^-100");

  scan_kernel ks[3] = {{"softmax.dtest.test", "u1", "scalar", 1.0, k_soft},
                       {"softmax.wrong.test", "u1", "scalar", 1.0, k_soft_wrong},
                       {"log_softmax.dtest.test", "u1", "scalar", 1.0, k_logsoft}};
  rows_stats st[2];
  rows_config cfg = {.act = "softmax", .rows = 40, .seed = 5, .max_len = 1u << 16};
  tap_ok(rows_run(&cfg, ks, 2, st) == 0, "softmax row scan runs");
  tap_diag("double softmax: max %.4g ULP, normwise %.3g, |sum-1| %.3g; wrong: max %.4g, >2 %llu",
           st[0].max_ulp, st[0].max_norm, st[0].max_sum_dev, st[1].max_ulp, (unsigned long long)st[1].over_2);
  tap_ok(st[0].holds && st[0].nonfinite == 0 && st[0].max_ulp <= 1, "careful double softmax holds 1 ULP");
  tap_ok(!st[1].holds && st[1].over_2 >= 1 && st[1].max_ulp > 7, "planted 8-ULP error in rows of 16 is reported");
  tap_ok(st[0].max_norm < 2 && st[0].max_sum_dev < 1e-6, "normwise error < 2 units of 2^-24, |sum - 1| small");
  rows_config lc = {.act = "log_softmax", .rows = 40, .seed = 5, .max_len = 1u << 16};
  int rc = rows_run(&lc, ks + 2, 1, st);
  tap_diag("log_softmax: max at row %llu col %zu, >0.5 %llu, sumdev %g", (unsigned long long)st[0].max_row, st[0].max_col,
           (unsigned long long)st[0].over_half, st[0].max_sum_dev);
  tap_ok(rc == 0 && st[0].holds && st[0].max_ulp <= 1,
         "careful double log_softmax holds 1 ULP (max %.4g, normwise %.3g, non-finite %llu)", st[0].max_ulp, st[0].max_norm, (unsigned long long)st[0].nonfinite);

  /* the registry: every kernel's bound over the sample */
  static const char *const acts[2] = {"softmax", "log_softmax"};
  for (int a = 0; a < 2; a++) {
    scan_kernel rk[16];
    size_t nk = scan_registry_kernels(acts[a], NULL, NULL, rk, 16);
    rows_stats rs[16];
    rows_config rc = {.act = acts[a], .seed = 7, .max_len = 65536};
    rc.rows = 2 * (uint64_t)(rows_class_count(&rc) - 30);
    int ok = nk > 0 && rows_run(&rc, rk, nk, rs) == 0;
    tap_ok(ok, "%s: row scan of %zu registered kernels runs", acts[a], nk);
    for (size_t k = 0; ok && k < nk; k++)
      tap_ok(rs[k].holds && rs[k].nonfinite == 0 && rs[k].zero_sign == 0,
             "%s within its registered %g ULP over %llu rows: max %.4g, normwise %.3g x 2^-24, |sum-1| %.3g, "
             "%llu non-finite, %llu zero signs", rk[k].name, rk[k].bound, (unsigned long long)rs[k].rows, rs[k].max_ulp,
             rs[k].max_norm, rs[k].max_sum_dev, (unsigned long long)rs[k].nonfinite, (unsigned long long)rs[k].zero_sign);
    /* the same scan fails a claim tighter than the kernel meets */
    if (ok) {
      scan_kernel tight = rk[0];
      tight.bound = 0.5;
      rows_stats ts;
      rc.rows = 8;
      int trc = rows_run(&rc, &tight, 1, &ts);
      tap_ok(trc == 0 && !ts.holds, "%s claimed at 0.5 ULP is refuted (max %.4g)", tight.name, ts.max_ulp);
    }
  }
  return tap_done();
}
