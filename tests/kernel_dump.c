/* Run every elementwise kernel of one ISA (argv[1], default: the active one)
 * over kernel_dump_inputs() with default parameters, then every softmax /
 * log_softmax kernel over the row samples of reference/rowgen.h (argv[2]
 * random samples, default 62; rows up to argv[3] floats, default 4096; seed
 * argv[4], default 1), and write the outputs to stdout (format:
 * tests/kernel_dump.h).  tests/neon.sh runs the cross-built one under
 * qemu-aarch64 and pipes it into tests/kernel_check, which has the
 * references that the cross build lacks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference/rowgen.h"
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
  unsigned long long rows = argc > 2 ? strtoull(argv[2], NULL, 10) : 62;
  size_t max_len = argc > 3 ? (size_t)strtoull(argv[3], NULL, 10) : 4096;
  unsigned long long seed = argc > 4 ? strtoull(argv[4], NULL, 10) : 1;
  if (max_len < 1) max_len = 1;
  float *rx = malloc(rowgen_max_n(max_len) * sizeof *rx), *ry = malloc(rowgen_max_n(max_len) * sizeof *ry);
  if (!rx || !ry) return 1;
  for (size_t i = 0; i < simdact_kernel_count(); i++) {
    const simdact_kernel *k = simdact_kernel_at(i);
    if (strcmp(k->isa, isa) != 0 || !strstr(k->act, "softmax")) continue;
    printf("rows %s %llu %zu %llu\n", k->name, rows, max_len, seed);
    for (uint64_t r = 0; r < ROWGEN_ADV + rows; r++) {
      size_t cols, n = rowgen_make(r, seed, max_len, rx, &cols);
      simdact_params p;
      memset(&p, 0, sizeof p);
      p.cols = cols;
      k->fn(rx, ry, n, &p);
      if (fwrite(ry, sizeof(float), n, stdout) != n) return 1;
    }
  }
  free(rx);
  free(ry);
  printf("end\n");
  return fflush(stdout) == 0 ? 0 : 1;
}
