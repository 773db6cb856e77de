/* Run every elementwise kernel of one ISA (argv[1], default: the active one)
 * over kernel_dump_inputs() with default parameters and write the outputs to
 * stdout (format: tests/kernel_dump.h).  tests/neon.sh runs the cross-built
 * one under qemu-aarch64 and pipes it into tests/kernel_check, which has the
 * references that the cross build lacks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simdact.h"
#include "tests/kernel_dump.h"

static float x[KERNEL_DUMP_MAX], y[KERNEL_DUMP_MAX];

int main(int argc, char **argv) {
  const char *isa = argc > 1 ? argv[1] : simdact_isa_active();
  if (!simdact_isa_supported(isa)) {
    fprintf(stderr, "kernel_dump: this CPU cannot run %s\n", isa);
    return 2;
  }
  size_t n = kernel_dump_inputs(x);
  for (size_t i = 0; i < simdact_kernel_count(); i++) {
    const simdact_kernel *k = simdact_kernel_at(i);
    if (strcmp(k->isa, isa) != 0) continue;
    /* Elementwise only: prelu and maxout need parameters, softmax rows. */
    if (!strcmp(k->act, "prelu") || !strcmp(k->act, "maxout") || strstr(k->act, "softmax"))
      continue;
    if (simdact_run(k, x, y, n, NULL) != SIMDACT_OK) continue;
    printf("kernel %s %zu\n", k->name, n);
    if (fwrite(y, sizeof(float), n, stdout) != n) return 1;
  }
  printf("end\n");
  return fflush(stdout) == 0 ? 0 : 1;
}
