/* The vector layer op by op on every ISA this build has and this CPU runs
 * (tests/vec_isa.c has the checks).  Under qemu-aarch64 this is the direct
 * test of simd/vec/neon.h. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "simdact.h"
#include "tap.h"
#include "tests/vec_check.h"

static void report(int ok, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  tap_ok(ok, "%s", msg);
}

static void run(const char *isa, int built, void (*check)(vec_report_fn)) {
  if (!built)
    tap_skip("%s: not built here", isa);
  else if (!simdact_isa_supported(isa))
    tap_skip("%s: this CPU cannot run it", isa);
  else
    check(report);
}

int main(void) {
  tap_diag("active ISA %s", simdact_isa_active());
  run("scalar", 1, vec_check_scalar);
#ifdef HAVE_ISA_SSE41
  run("sse41", 1, vec_check_sse41);
#else
  run("sse41", 0, NULL);
#endif
#ifdef HAVE_ISA_AVX2
  run("avx2", 1, vec_check_avx2);
#else
  run("avx2", 0, NULL);
#endif
#ifdef HAVE_ISA_AVX512
  run("avx512", 1, vec_check_avx512);
#else
  run("avx512", 0, NULL);
#endif
#ifdef HAVE_ISA_NEON
  run("neon", 1, vec_check_neon);
#else
  run("neon", 0, NULL);
#endif
  return tap_done();
}
