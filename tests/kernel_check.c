/* Check the output stream of tests/kernel_dump (stdin) against reference/:
 * for each kernel, every output within the kernel's verified bound of the
 * exact value (ref_ulp_error), no non-finite mismatch, no wrong zero sign;
 * softmax / log_softmax kernels by the row scan (rows_run over the same
 * rowgen.h samples, the kernel replaying the stream).  TAP, one test point
 * per kernel.  This is how the NEON kernels, run under qemu-aarch64 in a
 * cross build without MPFR, meet the references.  With KERNEL_CHECK_ROWS_MD
 * set, the row-scan tables are appended to that file. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference/ref.h"
#include "reference/rowgen.h"
#include "reference/rows.h"
#include "simdact.h"
#include "tap.h"
#include "tests/kernel_dump.h"

static float x[KERNEL_DUMP_MAX], y[KERNEL_DUMP_MAX];

/* A kernel that replays the stream: rows_run with one thread asks for the
 * samples in the order tests/kernel_dump wrote them. */
static int replay_short;
static void replay(const float *in, float *out, size_t n, const simdact_params *p) {
  (void)in; (void)p;
  if (fread(out, sizeof(float), n, stdin) != n) {
    replay_short = 1;
    for (size_t i = 0; i < n; i++) out[i] = 1e30f; /* scores as a failure */
  }
}

static void check_rows(const char *name, const char *act, const char *tier, double bound, unsigned long long rows,
                       size_t max_len, unsigned long long seed) {
  scan_kernel k = {name, tier, strrchr(name, '.') + 1, bound, replay};
  rows_config cfg = {.act = act, .rows = rows, .seed = seed, .max_len = max_len, .threads = 1};
  int ncls = rows_class_count(&cfg);
  rows_stats st, *pc = calloc((size_t)ncls, sizeof *pc);
  cfg.per_class = pc;
  replay_short = 0;
  int rc = pc ? rows_run(&cfg, &k, 1, &st) : -1;
  const char *md = getenv("KERNEL_CHECK_ROWS_MD");
  FILE *f = md && *md && rc == 0 ? fopen(md, "a") : NULL;
  if (f) {
    fprintf(f, "\n#### %s (%d adversarial + %llu random samples, rows up to %zu, seed %llu)\n\n", name,
            ROWGEN_ADV, rows, max_len, seed);
    rows_print_markdown(f, &k, 1, &st);
    fprintf(f, "\n");
    rows_print_classes(f, &cfg, &k, 1, pc);
    fclose(f);
  }
  free(pc);
  tap_ok(rc == 0 && !replay_short && st.holds,
         "%s: %llu rows (%llu elements) within %g ULP: max %.4g (sample %llu, index %zu), normwise %.3g x 2^-24, "
         "max |sum-1| %.3g, %llu non-finite, %llu wrong zero signs",
         name, (unsigned long long)st.rows, (unsigned long long)st.count, bound, st.max_ulp,
         (unsigned long long)st.max_row, st.max_col, st.max_norm, st.max_sum_dev, (unsigned long long)st.nonfinite,
         (unsigned long long)st.zero_sign);
}

int main(void) {
  size_t n = kernel_dump_inputs(x), m;
  char line[256], name[128];
  int kernels = 0;
  while (fgets(line, sizeof line, stdin)) {
    if (strcmp(line, "end\n") == 0) {
      tap_ok(kernels > 0, "stream complete, %d kernels", kernels);
      return tap_done();
    }
    unsigned long long rows, seed;
    size_t max_len;
    if (sscanf(line, "rows %127s %llu %zu %llu", name, &rows, &max_len, &seed) == 4) {
      kernels++;
      char act[128], tier[128];
      const char *dot = strchr(name, '.'), *dot2 = dot ? strchr(dot + 1, '.') : NULL;
      const simdact_kernel *twin = NULL;
      if (dot && dot2) {
        snprintf(act, sizeof act, "%.*s", (int)(dot - name), name);
        snprintf(tier, sizeof tier, "%.*s", (int)(dot2 - dot - 1), dot + 1);
        twin = simdact_find(act, tier, "scalar");
      }
      if (!twin) {
        tap_ok(0, "%s: no registered scalar twin (the bound)", name);
        return tap_done(); /* the stream cannot be skipped without the row lengths */
      }
      check_rows(name, act, tier, twin->max_ulp, rows, max_len, seed);
      if (replay_short) return tap_done();
      continue;
    }
    if (sscanf(line, "kernel %127s %zu", name, &m) != 2 || m != n) {
      tap_ok(0, "stream: unexpected line '%.60s' (expected %zu outputs)", line, n);
      return tap_done();
    }
    if (fread(y, sizeof(float), n, stdin) != n) {
      tap_ok(0, "%s: stream ends early", name);
      return tap_done();
    }
    kernels++;
    char act[128], tier[128];
    const char *dot = strchr(name, '.'), *dot2 = dot ? strchr(dot + 1, '.') : NULL;
    if (!dot || !dot2) { tap_ok(0, "%s: not act.tier.isa", name); continue; }
    snprintf(act, sizeof act, "%.*s", (int)(dot - name), name);
    snprintf(tier, sizeof tier, "%.*s", (int)(dot2 - dot - 1), dot + 1);
    /* The bound is per act and tier, the same on every ISA. */
    const simdact_kernel *twin = simdact_find(act, tier, "scalar");
    int id = ref_act_id(act);
    if (!twin || id < 0 || !ref_act_elementwise(id)) {
      tap_skip("%s: no elementwise reference here", name);
      continue;
    }
    double worst = 0.0;
    size_t at = 0, bad = 0, zsign = 0;
    for (size_t i = 0; i < n; i++) {
      double e = ref_ulp_error(act, x[i], y[i], NULL);
      if (!(e <= twin->max_ulp)) bad++;
      if (!(e <= worst)) { worst = e; at = i; }
      if (y[i] == 0.0f) {
        float r = ref_f32(act, x[i], NULL);
        if (r == 0.0f && signbit(r) != signbit(y[i])) zsign++;
      }
    }
    uint32_t xb;
    memcpy(&xb, &x[at], 4);
    tap_ok(bad == 0 && zsign == 0,
           "%s: %zu outputs within %g ULP (max %.3g at 0x%08" PRIx32 "), %zu over, %zu wrong zero signs",
           name, n, twin->max_ulp, worst, xb, bad, zsign);
  }
  tap_ok(0, "stream ends without 'end' after %d kernels", kernels);
  return tap_done();
}
