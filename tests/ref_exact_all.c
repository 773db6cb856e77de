/* Every exact-tier kernel this CPU runs, over all 2^32 inputs: each output
 * must be the correctly rounded value bit for bit (NaN for NaN), with no
 * neighbour-lane effect (scan_config.bitwise: one memcmp per batch, full
 * scoring only where something differs).  SIMDACT_SKIP_EXHAUSTIVE=1 skips it
 * (emulated runs). */
#include <stdlib.h>

#include "reference/ref.h"
#include "reference/scan.h"
#include "tap.h"

int main(void) {
  if (getenv("SIMDACT_SKIP_EXHAUSTIVE") && atoi(getenv("SIMDACT_SKIP_EXHAUSTIVE"))) {
    tap_skip("SIMDACT_SKIP_EXHAUSTIVE is set");
    return tap_done();
  }
  size_t nall = simdact_kernel_count();
  scan_kernel *ks = calloc(nall, sizeof *ks);
  scan_stats *st = calloc(nall, sizeof *st);
  double total = 0;
  for (int id = 0; id < REF_ACT_COUNT; id++) {
    const char *act = ref_act_name(id);
    size_t n = scan_registry_kernels(act, "exact", NULL, ks, nall);
    if (!n) continue;
    scan_config c = {.act = act, .mode = SCAN_ALL, .bitwise = 1};
    scan_info info;
    if (scan_run(&c, ks, n, st, &info)) { tap_ok(0, "%s: scan failed", act); continue; }
    total += info.seconds;
    tap_diag("%s: 2^32 inputs x %zu kernels in %.1f s", act, n, info.seconds);
    for (size_t k = 0; k < n; k++)
      tap_ok(st[k].holds && st[k].wrong_rounding == 0 && st[k].zero_sign == 0 && st[k].nonfinite == 0 &&
                 st[k].lane == 0 && st[k].count == 1ull << 32,
             "%-24s all 2^32 inputs correctly rounded (wrong %llu at 0x%08x, zero-sign %llu, non-finite %llu, "
             "lanes %llu)",
             ks[k].name, (unsigned long long)st[k].wrong_rounding, st[k].wrong_x,
             (unsigned long long)st[k].zero_sign, (unsigned long long)st[k].nonfinite,
             (unsigned long long)st[k].lane);
  }
  tap_diag("total %.1f s", total);
  free(ks);
  free(st);
  return tap_done();
}
