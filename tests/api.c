/* API contract: argument validation, error codes, introspection. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "simdact.h"
#include "tap.h"

/* SIMDACT_ISA is read once, at the first dispatched call: each case runs in a
 * child process forked before this process dispatches anything.  The child
 * reports the call's result and whether y was left alone. */
static void check_isa_env(const char *value, int want_err, const char *want_active) {
  pid_t pid = fork();
  if (pid == 0) {
    setenv("SIMDACT_ISA", value, 1);
    float x[8] = {-1, 2, -3, 4, -5, 6, -7, 8}, y[8] = {0};
    int err = simdact_relu_exact(x, y, 8, NULL);
    int ok = err == want_err && strcmp(simdact_isa_active(), want_active) == 0;
    for (int i = 0; i < 8; i++) ok &= err ? y[i] == 0.0f : y[i] == (x[i] > 0 ? x[i] : 0.0f);
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  tap_ok(pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
         "SIMDACT_ISA=%s: %s, active ISA \"%s\", y %s", value, simdact_strerror(want_err),
         want_active, want_err ? "untouched" : "computed");
}

static int all_equal(const float *a, float v, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (memcmp(&a[i], &v, sizeof v) != 0) return 0;
  return 1;
}

/* Argument validation of every activation through simdact_run on the active
 * ISA: each refused call returns its code and writes nothing. */
static void check_validation(void) {
  enum { N = 64 };
  static float buf[4 * N], x[N], y[N];
  const float sentinel = -12345.0f;
  for (int i = 0; i < N; i++) x[i] = (float)i - 32.5f;
  const char *done[64];
  size_t ndone = 0;
  for (size_t i = 0; i < simdact_kernel_count(); i++) {
    const simdact_kernel *k0 = simdact_kernel_at(i);
    const simdact_kernel *k = simdact_find(k0->act, k0->tier, NULL);
    int seen = 0;
    for (size_t j = 0; j < ndone; j++) seen |= strcmp(done[j], k0->act) == 0;
    if (!k || seen || ndone == 64) continue;
    done[ndone++] = k0->act;
    simdact_params p;
    simdact_params_default(k->act, &p);
    static const float slope[3] = {0.5f, -1.0f, 2.0f};
    if (strcmp(k->act, "prelu") == 0) {
      p.slope = slope;
      p.channels = 3;
    }
    if (strcmp(k->act, "softmax") == 0 || strcmp(k->act, "log_softmax") == 0)
      p.cols = 4; /* rows of 4: divides the n = 4 and n = 8 calls below */
    size_t span = strcmp(k->act, "maxout") == 0 ? (p.k = 3) : 1;

    for (int j = 0; j < N; j++) y[j] = sentinel;
    tap_ok(simdact_run(k, NULL, y, 4, &p) == SIMDACT_ENULL && all_equal(y, sentinel, N),
           "%s: NULL x with n > 0 is ENULL, nothing written", k->name);
    tap_ok(simdact_run(k, x, NULL, 4, &p) == SIMDACT_ENULL, "%s: NULL y with n > 0 is ENULL", k->name);
    tap_ok(simdact_run(k, NULL, NULL, 0, &p) == SIMDACT_OK, "%s: NULL x, y with n = 0 is fine", k->name);

    /* Overlap, both directions, with the input span n * span. */
    size_t n = 8, nin = n * span;
    for (size_t j = 0; j < 4 * N; j++) buf[j] = sentinel;
    int r1 = simdact_run(k, buf, buf + nin - 1, n, &p);  /* y starts inside x's last piece */
    int r2 = simdact_run(k, buf + 1, buf, n, &p);        /* y starts just before x */
    int r3 = simdact_run(k, buf + n - 1 + nin, buf + nin, n, &p); /* y's last overlaps x's first */
    tap_ok(r1 == SIMDACT_EOVERLAP && r2 == SIMDACT_EOVERLAP && r3 == SIMDACT_EOVERLAP &&
               all_equal(buf, sentinel, 4 * N),
           "%s: partial overlap either way is EOVERLAP (%d %d %d), nothing written", k->name, r1, r2, r3);
    tap_ok(simdact_run(k, buf, buf + nin, n, &p) == SIMDACT_OK,
           "%s: y right after the %zu inputs is not an overlap", k->name, nin);
    for (size_t j = 0; j < nin; j++) buf[j] = (float)j - 4.5f;
    tap_ok(simdact_run(k, buf, buf, n, &p) == SIMDACT_OK, "%s: in place is allowed", k->name);
  }
}

/* The shape-specific errors. */
static void check_params(void) {
  float x[64], y[64];
  const float sentinel = -12345.0f;
  for (int i = 0; i < 64; i++) x[i] = (float)i - 32.5f;
  static const float slope[2] = {0.5f, 0.25f};
  simdact_params p;

  simdact_params_default("maxout", &p);
  p.k = 0;
  for (int i = 0; i < 64; i++) y[i] = sentinel;
  tap_ok(simdact_maxout_exact(x, y, 4, &p) == SIMDACT_EPARAM && all_equal(y, sentinel, 64),
         "maxout: k = 0 is EPARAM, nothing written");
  p.k = SIZE_MAX / 2;
  tap_ok(simdact_maxout_exact(x, y, 4, &p) == SIMDACT_ESHAPE && all_equal(y, sentinel, 64),
         "maxout: n * k overflowing is ESHAPE");
  tap_ok(simdact_maxout_exact(x, y, 4, NULL) == SIMDACT_OK && memcmp(x, y, 4 * sizeof *x) == 0,
         "maxout: p NULL means k = 1, a copy");
  p.k = 2;
  tap_ok(simdact_maxout_exact(x, y, 4, &p) == SIMDACT_OK && y[0] == x[1] && y[3] == x[7],
         "maxout: k = 2 takes the larger of each pair");

  for (int i = 0; i < 64; i++) y[i] = sentinel;
  tap_ok(simdact_prelu_exact(x, y, 4, NULL) == SIMDACT_EPARAM && all_equal(y, sentinel, 64),
         "prelu: p NULL (no slopes) is EPARAM, nothing written");
  simdact_params_default("prelu", &p);
  p.slope = slope;
  p.channels = 0;
  tap_ok(simdact_prelu_exact(x, y, 4, &p) == SIMDACT_EPARAM && all_equal(y, sentinel, 64),
         "prelu: channels = 0 is EPARAM, nothing written");
  p.slope = NULL;
  p.channels = 2;
  tap_ok(simdact_prelu_exact(x, y, 4, &p) == SIMDACT_ENULL && all_equal(y, sentinel, 64),
         "prelu: NULL slope with n > 0 is ENULL, nothing written");
  tap_ok(simdact_prelu_exact(x, y, 0, &p) == SIMDACT_OK, "prelu: NULL slope with n = 0 is fine");
  p.slope = slope;
  tap_ok(simdact_prelu_exact(x, y, 4, &p) == SIMDACT_OK && y[0] == x[0] * 0.5f && y[1] == x[1] * 0.25f,
         "prelu: slope[i %% channels] applies");

  /* alpha/beta outside the verified domain (simdact_params_check): EPARAM
   * from both entry points, nothing written; its edges and negative beta run */
  static const struct { const char *act; float alpha, beta; int ok; } dom[] = {
      {"elu", NAN, 0, 0},       {"elu", 0.0f, 0, 0},      {"elu", -1.0f, 0, 0},
      {"elu", 0x1p-126f, 0, 1}, {"elu", 5.0f, 0, 1},      {"leaky_relu", INFINITY, 0, 0},
      {"linear", 1.0f, NAN, 0}, {"softplus", 0, 0.0f, 0}, {"softplus", 0, 0x1.fffffep-5f, 0},
      {"softplus", 0, 0x1p-4f, 1}, {"softplus", 0, -0x1p20f, 1}, {"softplus", 0, 0x1.000002p20f, 0},
      {"swish", 0, -INFINITY, 0}, {"swish", 0, -0x1p-4f, 1}, {"swish", 0, -0x1p-5f, 0},
      {"swish", 0, 0x1p20f, 1}, {"swish", 0, 0x1p21f, 0},   {"swish", 0, -2.0f, 1},
  };
  for (size_t d = 0; d < sizeof dom / sizeof dom[0]; d++) {
    simdact_params_default(dom[d].act, &p);
    if (strcmp(dom[d].act, "softplus") && strcmp(dom[d].act, "swish")) p.alpha = dom[d].alpha;
    if (strcmp(dom[d].act, "elu") && strcmp(dom[d].act, "leaky_relu")) p.beta = dom[d].beta;
    int want = dom[d].ok ? SIMDACT_OK : SIMDACT_EPARAM;
    int chk = simdact_params_check(dom[d].act, &p);
    for (size_t i = 0; i < simdact_kernel_count(); i++) {
      const simdact_kernel *k = simdact_kernel_at(i);
      if (strcmp(k->act, dom[d].act) || !simdact_isa_supported(k->isa)) continue;
      for (int j = 0; j < 64; j++) y[j] = sentinel;
      int got = simdact_run(k, x, y, 4, &p);
      int untouched = all_equal(y, sentinel, 64);
      tap_ok(chk == want && got == want && untouched == !dom[d].ok,
             "%s alpha %a beta %a: %s (check %d, run %d)", k->name, (double)p.alpha, (double)p.beta,
             dom[d].ok ? "runs" : "EPARAM, nothing written", chk, got);
      break; /* one kernel per activation through simdact_run */
    }
  }
  for (int j = 0; j < 64; j++) y[j] = sentinel;
  simdact_params_default("softplus", &p);
  p.beta = 0;
  tap_ok(simdact_softplus_u1(x, y, 4, &p) == SIMDACT_EPARAM && all_equal(y, sentinel, 64),
         "softplus_u1 entry point: beta 0 is EPARAM, nothing written");
  p.beta = -1;
  tap_ok(simdact_softplus_u1(x, y, 4, &p) == SIMDACT_OK && !all_equal(y, sentinel, 4),
         "softplus_u1 entry point: beta -1 runs");
  tap_ok(simdact_params_check("softplus", NULL) == SIMDACT_OK && simdact_params_check(NULL, &p) == SIMDACT_ENULL,
         "params_check: NULL params are the defaults, NULL act is ENULL");

  /* Rowwise activations: cols = 0 and n not a multiple of cols. */
  const simdact_kernel *rowwise = NULL;
  for (size_t i = 0; i < simdact_kernel_count() && !rowwise; i++) {
    const simdact_kernel *k = simdact_kernel_at(i);
    if (strcmp(k->act, "softmax") == 0 || strcmp(k->act, "log_softmax") == 0)
      rowwise = simdact_find(k->act, k->tier, NULL);
  }
  if (rowwise) {
    simdact_params_default(rowwise->act, &p);
    p.cols = 0;
    for (int i = 0; i < 64; i++) y[i] = sentinel;
    tap_ok(simdact_run(rowwise, x, y, 8, &p) == SIMDACT_EPARAM && all_equal(y, sentinel, 64),
           "%s: cols = 0 is EPARAM, nothing written", rowwise->name);
    p.cols = 3;
    tap_ok(simdact_run(rowwise, x, y, 8, &p) == SIMDACT_ESHAPE && all_equal(y, sentinel, 64),
           "%s: n %% cols != 0 is ESHAPE, nothing written", rowwise->name);
  } else {
    tap_skip("no rowwise (softmax) kernel in this build yet: cols checks");
  }

  /* Names */
  tap_ok(simdact_find("relu", "u7", NULL) == NULL && simdact_find_error() == SIMDACT_EUNKNOWN,
         "find with unknown tier: EUNKNOWN");
  tap_ok(simdact_find(NULL, "exact", NULL) == NULL && simdact_find_error() == SIMDACT_ENULL,
         "find with NULL act: ENULL");
  tap_ok(simdact_params_default("nope", &p) == SIMDACT_EUNKNOWN, "params_default of unknown act: EUNKNOWN");
  tap_ok(simdact_fastest("nope", 1.0) == NULL && simdact_find_error() == SIMDACT_EUNKNOWN,
         "fastest of unknown act: EUNKNOWN");
  int unbuilt = 0;
  static const char *const isas[] = {"sse41", "avx2", "avx512", "neon"};
  for (size_t i = 0; i < 4; i++) {
    if (simdact_find("relu", "exact", isas[i]) == NULL) {
      unbuilt = 1;
      tap_ok(simdact_find_error() == SIMDACT_EUNSUPPORTED, "find relu on unbuilt %s: EUNSUPPORTED", isas[i]);
      break;
    }
  }
  if (!unbuilt) tap_skip("every ISA is built here: no unbuilt-ISA lookup to check");
  for (size_t i = 0; i < simdact_kernel_count(); i++) {
    const simdact_kernel *k = simdact_kernel_at(i);
    if (!simdact_isa_supported(k->isa)) {
      tap_ok(simdact_run(k, x, y, 4, NULL) == SIMDACT_EUNSUPPORTED,
             "run %s on a CPU without %s: EUNSUPPORTED", k->name, k->isa);
      break;
    }
  }
}

int main(void) {
  float x[64], y[64];
  for (int i = 0; i < 64; i++) x[i] = (float)i - 32.0f;

  /* Before anything in this process dispatches (see check_isa_env). */
  check_isa_env("mmx", SIMDACT_EUNKNOWN, "none");
  check_isa_env("scalar", SIMDACT_OK, "scalar");
  check_isa_env(simdact_isa_supported("neon") ? "sse41" : "neon", SIMDACT_EUNSUPPORTED, "none");

  /* Introspection contract */
  tap_ok(simdact_kernel_count() > 0, "registry is not empty (%zu kernels)", simdact_kernel_count());
  tap_ok(simdact_kernel_at(simdact_kernel_count()) == NULL, "kernel_at past the end is NULL");
  tap_ok(simdact_isa_supported("scalar") == 1, "scalar is always supported");
  tap_ok(simdact_isa_supported("mmx") == 0, "unknown ISA name is not supported");
  tap_ok(simdact_isa_supported(NULL) == 0, "NULL ISA name is not supported");
  tap_ok(simdact_isa_supported(simdact_isa_active()) == 1, "active ISA (%s) is supported",
         simdact_isa_active());

  /* Validation: nothing is written on error */
  for (int i = 0; i < 64; i++) y[i] = 42.0f;
  tap_ok(simdact_relu_exact(NULL, y, 3, NULL) == SIMDACT_ENULL, "relu: NULL x with n > 0");
  tap_ok(simdact_relu_exact(x, NULL, 3, NULL) == SIMDACT_ENULL, "relu: NULL y with n > 0");
  tap_ok(simdact_relu_exact(NULL, NULL, 0, NULL) == SIMDACT_OK, "relu: NULL with n == 0 is fine");
  memcpy(y, x, sizeof x);
  tap_ok(simdact_relu_exact(y, y + 1, 8, NULL) == SIMDACT_EOVERLAP, "relu: partial overlap refused");
  int untouched = 1;
  for (int i = 0; i < 64; i++) untouched &= y[i] == x[i];
  tap_ok(untouched, "relu: refused call wrote nothing");
  tap_ok(simdact_relu_exact(y, y, 64, NULL) == SIMDACT_OK, "relu: in place is allowed");
  tap_ok(strcmp(simdact_strerror(SIMDACT_EOVERLAP), simdact_strerror(SIMDACT_ENULL)) != 0,
         "strerror distinguishes codes");
  tap_ok(simdact_find("relu", "exact", "mmx") == NULL && simdact_find_error() == SIMDACT_EUNKNOWN,
         "find with unknown ISA: EUNKNOWN");
  tap_ok(simdact_find("nope", "exact", NULL) == NULL && simdact_find_error() == SIMDACT_EUNKNOWN,
         "find with unknown activation: EUNKNOWN");
  const simdact_kernel *k = simdact_fastest("relu", 0.5);
  tap_ok(k && strcmp(k->act, "relu") == 0 && k->max_ulp <= 0.5, "fastest relu within 0.5 ULP");
  tap_ok(simdact_fastest("relu", 0.1) == NULL && simdact_find_error() == SIMDACT_ENOBOUND,
         "no relu within 0.1 ULP: ENOBOUND");
  check_validation();
  check_params();
  return tap_done();
}
