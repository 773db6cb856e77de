/* The bench's view of the accuracy engine: see accuracy.h.  All figures come
 * from reference/ (scan_run, rows_run). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "reference/ref.h"
#include "reference/rows.h"
#include "reference/scan.h"

/* Fixed, so that two runs of the bench score the same inputs. */
#define BENCH_SCAN_SEED 0x5eedbe4cull

const char *bench_accuracy_engine(void) {
  return "reference/ scan driver (double-double reference, MPFR escalation)";
}

void bench_measure_act(const char *act, bench_acc_target *t, size_t n, uint64_t samples) {
  for (size_t i = 0; i < n; i++) {
    memset(t[i].out, 0, sizeof *t[i].out);
    t[i].out->exhaustive = samples == 0;
    t[i].out->status = ACC_UNAVAILABLE;
  }
  int id = ref_act_id(act);
  if (id < 0 || n == 0) return;
  scan_kernel *ks = calloc(n, sizeof *ks);
  if (!ks) return;
  for (size_t i = 0; i < n; i++) {
    /* Peers claim nothing: an infinite bound never fails. */
    ks[i] = (scan_kernel){t[i].name, t[i].tier, t[i].isa, isnan(t[i].bound) ? INFINITY : t[i].bound, t[i].fn};
  }
  if (id == REF_SOFTMAX || id == REF_LOG_SOFTMAX) {
    rows_stats *st = calloc(n, sizeof *st);
    rows_config rc = {.act = act, .rows = samples ? (samples >> 12 > 16 ? samples >> 12 : 16) : 4096,
                      .seed = BENCH_SCAN_SEED, .max_len = samples ? 4096 : 0};
    if (st && rows_run(&rc, ks, n, st) == 0)
      for (size_t i = 0; i < n; i++) {
        bench_accuracy *a = t[i].out;
        const rows_stats *s = &st[i];
        a->status = ACC_OK;
        a->rowwise = 1;
        a->inputs = s->count;
        a->max_ulp = s->max_ulp;
        a->mean_ulp = s->count ? s->sum_ulp / (double)s->count : 0;
        a->above_half = s->over_half;
        a->above_1 = s->over_1;
        a->above_2 = s->over_2;
        a->nonfinite_mismatch = s->nonfinite;
        a->zero_sign_mismatch = s->zero_sign;
        a->holds = s->holds;
        a->max_norm = s->max_norm;
        a->max_sum_dev = s->max_sum_dev;
        a->max_abs = a->max_rel = NAN;
      }
    free(st);
    free(ks);
    return;
  }
  scan_stats *st = calloc(n, sizeof *st);
  scan_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.act = act;
  cfg.params = NULL; /* the scan's defaults: prelu one channel, maxout k = 2 */
  cfg.mode = samples ? SCAN_SAMPLES : SCAN_ALL;
  cfg.samples = samples;
  cfg.seed = BENCH_SCAN_SEED;
  if (st && scan_run(&cfg, ks, n, st, NULL) == 0)
    for (size_t i = 0; i < n; i++) {
      bench_accuracy *a = t[i].out;
      const scan_stats *s = &st[i];
      a->status = ACC_OK;
      a->inputs = s->count;
      a->max_ulp = s->max_ulp;
      a->max_ulp_input = s->max_x;
      a->mean_ulp = s->count ? s->sum_ulp / (double)s->count : 0;
      a->above_half = s->over_half;
      a->above_1 = s->over_1;
      a->above_2 = s->over_2;
      a->max_abs = s->max_abs;
      a->max_rel = s->max_rel;
      a->nonfinite_mismatch = s->nonfinite;
      a->zero_sign_mismatch = s->zero_sign;
      a->holds = s->holds;
      a->max_norm = a->max_sum_dev = NAN;
    }
  free(st);
  free(ks);
}
