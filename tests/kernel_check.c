/* Check the output stream of tests/kernel_dump (stdin) against reference/:
 * for each kernel, every output within the kernel's verified bound of the
 * exact value (ref_ulp_error), no non-finite mismatch, no wrong zero sign.
 * TAP, one test point per kernel.  This is how the NEON kernels, run under
 * qemu-aarch64 in a cross build without MPFR, meet the references. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reference/ref.h"
#include "simdact.h"
#include "tap.h"
#include "tests/kernel_dump.h"

static float x[KERNEL_DUMP_MAX], y[KERNEL_DUMP_MAX];

int main(void) {
  size_t n = kernel_dump_inputs(x), m;
  char line[256], name[128];
  int kernels = 0;
  while (fgets(line, sizeof line, stdin)) {
    if (strcmp(line, "end\n") == 0) {
      tap_ok(kernels > 0, "stream complete, %d kernels", kernels);
      return tap_done();
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
