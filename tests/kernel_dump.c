/* Run every elementwise kernel of one ISA over an input set of
 * tests/kernel_dump.h with default parameters, then (input set 'check')
 * every softmax / log_softmax kernel over the row samples of
 * reference/rowgen.h, and write the outputs to stdout (the stream format is
 * in tests/kernel_dump.h).
 *
 *   kernel_dump [ISA [ROWS [MAXLEN [SEED]]]] [--set check|accuracy] [--only ACT.TIER]...
 * ISA: default the active one.  Rows: ROWS random samples (default 62),
 * rows up to MAXLEN floats (default 4096), seed SEED (default 1).  --set:
 * the input set (default check; accuracy leaves the rows to make
 * softmax-evidence).  --only: just these kernels (repeatable).
 * tests/neon.sh, tests/neon-accuracy.sh and reference/softmax-evidence.sh run
 * the cross-built one under qemu-aarch64 and pipe it into tests/kernel_check,
 * which has the references that the cross build lacks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reference/rowgen.h"
#include "simdact.h"
#include "tests/kernel_dump.h"

static float x[KERNEL_DUMP_CHUNK], y[KERNEL_DUMP_CHUNK];

static double cpu_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static const char *only[64];
static int nonly;
static int wanted(const simdact_kernel *k) {
  if (!nonly) return 1;
  char at[128];
  snprintf(at, sizeof at, "%s.%s", k->act, k->tier);
  for (int i = 0; i < nonly; i++)
    if (!strcmp(only[i], at)) return 1;
  return 0;
}

int main(int argc, char **argv) {
  const char *pos[4] = {NULL, NULL, NULL, NULL};
  int npos = 0, set = KERNEL_DUMP_CHECK;
  for (int a = 1; a < argc; a++) {
    if (!strcmp(argv[a], "--set") && a + 1 < argc) {
      a++;
      for (set = 0; set < KERNEL_DUMP_SETS && strcmp(argv[a], kernel_dump_set_name[set]); set++) {}
      if (set == KERNEL_DUMP_SETS) {
        fprintf(stderr, "kernel_dump: unknown input set '%s' (check, accuracy)\n", argv[a]);
        return 2;
      }
    } else if (!strcmp(argv[a], "--only") && a + 1 < argc && nonly < 64) {
      only[nonly++] = argv[++a];
    } else if (argv[a][0] != '-' && npos < 4) {
      pos[npos++] = argv[a];
    } else {
      fprintf(stderr, "kernel_dump: unexpected argument '%s'\n", argv[a]);
      return 2;
    }
  }
  const char *isa = pos[0] ? pos[0] : simdact_isa_active();
  if (!simdact_isa_supported(isa)) {
    fprintf(stderr, "kernel_dump: this CPU cannot run %s\n", isa);
    return 2;
  }
  const simdact_kernel *ks[256];
  double cpu[256];
  size_t nk = 0;
  for (size_t i = 0; i < simdact_kernel_count() && nk < 256; i++) {
    const simdact_kernel *k = simdact_kernel_at(i);
    if (strcmp(k->isa, isa) != 0 || !wanted(k)) continue;
    /* Elementwise only: prelu and maxout need parameters, softmax rows. */
    if (!strcmp(k->act, "prelu") || !strcmp(k->act, "maxout") || strstr(k->act, "softmax"))
      continue;
    cpu[nk] = 0;
    ks[nk++] = k;
  }
  printf("set %s\n", kernel_dump_set_name[set]);
  uint64_t most = 0;
  for (size_t j = 0; j < nk; j++) {
    uint64_t c = kernel_dump_count(set, !strcmp(ks[j]->tier, "exact"));
    if (c > most) most = c;
  }
  for (uint64_t start = 0; start < most; start += KERNEL_DUMP_CHUNK) {
    for (size_t j = 0; j < nk; j++) {
      int exact = !strcmp(ks[j]->tier, "exact");
      uint64_t count = kernel_dump_count(set, exact);
      if (start >= count) continue;
      size_t n = (size_t)(count - start < KERNEL_DUMP_CHUNK ? count - start : KERNEL_DUMP_CHUNK);
      kernel_dump_fill(set, exact, start, n, x);
      double t0 = cpu_seconds();
      if (simdact_run(ks[j], x, y, n, NULL) != SIMDACT_OK) {
        fprintf(stderr, "kernel_dump: %s refused the input\n", ks[j]->name);
        return 1;
      }
      cpu[j] += cpu_seconds() - t0;
      printf("kernel %s %llu %zu\n", ks[j]->name, (unsigned long long)start, n);
      if (fwrite(y, sizeof(float), n, stdout) != n) return 1;
    }
  }
  for (size_t j = 0; j < nk; j++) printf("cpu %s %.3f\n", ks[j]->name, cpu[j]);
  if (set == KERNEL_DUMP_CHECK) {
    unsigned long long rows = pos[1] ? strtoull(pos[1], NULL, 10) : 62;
    size_t max_len = pos[2] ? (size_t)strtoull(pos[2], NULL, 10) : 4096;
    unsigned long long seed = pos[3] ? strtoull(pos[3], NULL, 10) : 1;
    if (max_len < 1) max_len = 1;
    float *rx = malloc(rowgen_max_n(max_len) * sizeof *rx), *ry = malloc(rowgen_max_n(max_len) * sizeof *ry);
    if (!rx || !ry) return 1;
    for (size_t i = 0; i < simdact_kernel_count(); i++) {
      const simdact_kernel *k = simdact_kernel_at(i);
      if (strcmp(k->isa, isa) != 0 || !strstr(k->act, "softmax") || !wanted(k)) continue;
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
  }
  printf("end\n");
  return fflush(stdout) == 0 ? 0 : 1;
}
