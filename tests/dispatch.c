/* Dispatch: which ISA the library chose, and what SIMDACT_ISA does.
 *
 * Run plainly it checks that the choice is consistent with what the library
 * reports as supported.  tests/dispatch-qemu.sh and tests/neon.sh run it under
 * qemu CPU models and tell it what to expect through the environment:
 *   SIMDACT_EXPECT_ISA=avx2           simdact_isa_active() must be this
 *   SIMDACT_EXPECT_SUPPORTED="a b"    exactly these ISAs (of those built) run
 *   SIMDACT_EXPECT_ERROR=EUNSUPPORTED SIMDACT_ISA names something unusable:
 *                                     dispatched calls fail with this code
 *                                     (or EUNKNOWN) and write nothing. */
#include <stdlib.h>
#include <string.h>

#include "simdact.h"
#include "tap.h"

static const char *const isa_names[] = {"scalar", "sse41", "avx2", "avx512", "neon"};
#define NISA (sizeof isa_names / sizeof isa_names[0])

static int isa_built(const char *isa) {
  for (size_t i = 0; i < simdact_kernel_count(); i++)
    if (strcmp(simdact_kernel_at(i)->isa, isa) == 0) return 1;
  return 0;
}

/* Is word a blank-separated word of list? */
static int has_word(const char *list, const char *word) {
  size_t n = strlen(word);
  for (const char *p = list; (p = strstr(p, word)) != NULL; p += n)
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return 1;
  return 0;
}

#define N 11
static const float xs[N] = {-3.5f, -1.0f, -0.0f, 0.0f, 1e-40f, 2.5f, -1e-40f, 7.0f, -7.0f, 0.5f, 3e38f};

/* relu computed here, not by the library */
static int relu_ok(const float *y) {
  for (int i = 0; i < N; i++) {
    float want = xs[i] > 0.0f ? xs[i] : 0.0f;
    if (memcmp(&y[i], &want, sizeof want) != 0) return 0;
  }
  return 1;
}

static int untouched(const float *y) {
  for (int i = 0; i < N; i++)
    if (y[i] != 42.0f) return 0;
  return 1;
}

int main(void) {
  const char *forced = getenv("SIMDACT_ISA");
  const char *expect_isa = getenv("SIMDACT_EXPECT_ISA");
  const char *expect_supported = getenv("SIMDACT_EXPECT_SUPPORTED");
  const char *expect_error = getenv("SIMDACT_EXPECT_ERROR");
  const char *active = simdact_isa_active();
  float y[N];

  tap_diag("SIMDACT_ISA=%s, active ISA: %s", forced ? forced : "(unset)", active);
  for (size_t i = 0; i < NISA; i++)
    tap_diag("%-7s built %d, supported %d", isa_names[i], isa_built(isa_names[i]),
             simdact_isa_supported(isa_names[i]));

  /* What this CPU runs: scalar always, nothing that is not built, and
   * exactly the expected set under a known CPU model. */
  tap_ok(simdact_isa_supported("scalar"), "scalar is supported");
  for (size_t i = 0; i < NISA; i++) {
    const char *isa = isa_names[i];
    if (!isa_built(isa))
      tap_ok(!simdact_isa_supported(isa), "%s is not built, so not supported", isa);
    else if (expect_supported)
      tap_ok(simdact_isa_supported(isa) == has_word(expect_supported, isa),
             "%s %s on this CPU", isa, has_word(expect_supported, isa) ? "runs" : "does not run");
  }

  /* Every kernel of an ISA this CPU lacks is refused, without running it. */
  int refused = 1, nlacking = 0;
  for (size_t i = 0; i < simdact_kernel_count(); i++) {
    const simdact_kernel *k = simdact_kernel_at(i);
    if (simdact_isa_supported(k->isa)) continue;
    simdact_params p;
    simdact_params_default(k->act, &p);
    for (int j = 0; j < N; j++) y[j] = 42.0f;
    nlacking++;
    refused &= simdact_run(k, xs, y, 1, &p) == SIMDACT_EUNSUPPORTED && untouched(y);
  }
  tap_ok(refused, "simdact_run refuses the %d kernels this CPU cannot run", nlacking);

  if (expect_error) {
    int code = strcmp(expect_error, "EUNKNOWN") == 0 ? SIMDACT_EUNKNOWN : SIMDACT_EUNSUPPORTED;
    tap_ok(strcmp(active, "none") == 0, "SIMDACT_ISA=%s: no active ISA (got %s)",
           forced ? forced : "", active);
    for (int j = 0; j < N; j++) y[j] = 42.0f;
    int err = simdact_relu_exact(xs, y, N, NULL);
    tap_ok(err == code, "dispatched relu returns %s (%d): got %d, %s", expect_error, code, err,
           simdact_strerror(err));
    tap_ok(untouched(y), "dispatched relu wrote nothing");
    tap_ok(simdact_find("relu", "exact", NULL) == NULL && simdact_find_error() == code,
           "find(relu, exact, active ISA) fails with %s", expect_error);
    tap_ok(simdact_fastest("relu", 1.0) == NULL && simdact_find_error() == code,
           "fastest(relu) fails with %s", expect_error);
    const simdact_kernel *k = simdact_find("relu", "exact", "scalar");
    for (int j = 0; j < N; j++) y[j] = 42.0f;
    tap_ok(k && simdact_run(k, xs, y, N, NULL) == SIMDACT_OK && relu_ok(y),
           "an explicitly chosen scalar kernel still runs");
    return tap_done();
  }

  tap_ok(strcmp(active, "none") != 0, "an ISA is active");
  if (forced && *forced)
    tap_ok(strcmp(active, forced) == 0, "SIMDACT_ISA=%s is honoured (active %s)", forced, active);
  if (expect_isa)
    tap_ok(strcmp(active, expect_isa) == 0, "active ISA is %s (got %s)", expect_isa, active);
  if (!forced || !*forced) {
    /* Unforced, dispatch takes the best ISA this CPU runs. */
    const char *best = "none";
    for (size_t i = 0; i < NISA; i++)
      if (simdact_isa_supported(isa_names[i])) best = isa_names[i];
    tap_ok(strcmp(active, best) == 0, "dispatch chose the best supported ISA %s (got %s)", best,
           active);
  }
  tap_ok(simdact_isa_supported(active), "the active ISA %s is supported", active);
  const simdact_kernel *k = simdact_find("relu", "exact", NULL);
  tap_ok(k && strcmp(k->isa, active) == 0, "find(relu, exact) gives the %s kernel (%s)", active,
         k ? k->name : "NULL");
  for (int j = 0; j < N; j++) y[j] = 42.0f;
  tap_ok(simdact_relu_exact(xs, y, N, NULL) == SIMDACT_OK && relu_ok(y),
         "dispatched relu runs and is right");
  return tap_done();
}
