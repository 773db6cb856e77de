/* Accuracy of the implementations (kernels and peers) of one activation,
 * from the project's scan driver (reference/scan.h, reference/rows.h): one
 * pass per activation, the reference computed once per input for all of
 * them, the same rules for simdact's kernels and for the peers.  Sampled by
 * default, exhaustive on request. */
#ifndef SIMDACT_BENCH_ACCURACY_H
#define SIMDACT_BENCH_ACCURACY_H

#include <stddef.h>
#include <stdint.h>
#include "simdact.h"

typedef enum {
  ACC_NOT_RUN = 0,     /* not measured (accuracy disabled, filtered out, or ISA skipped) */
  ACC_OK,              /* figures below are valid */
  ACC_UNAVAILABLE      /* the engine cannot scan this activation */
} bench_acc_status;

typedef struct bench_accuracy {
  bench_acc_status status;
  int exhaustive;            /* 1: all 2^32 inputs; 0: sampled */
  int rowwise;               /* softmax, log_softmax: figures over rows */
  uint64_t inputs;           /* outputs scored */
  double max_ulp;            /* the ULP figure of DESIGN.md section 4 */
  uint32_t max_ulp_input;    /* binary32 bits of the input of max_ulp (elementwise) */
  double mean_ulp;
  uint64_t above_half, above_1, above_2;  /* outputs above 0.5 / 1 / 2 ULP */
  double max_abs, max_rel;
  uint64_t nonfinite_mismatch;  /* NaN/inf class or sign differs from the reference */
  uint64_t zero_sign_mismatch;  /* +0 for -0 or the reverse */
  int holds;                 /* the claimed bound held on these inputs (kernels) */
  double max_norm;           /* rows: max normwise error in units of 2^-24 */
  double max_sum_dev;        /* rows: max |sum - 1| */
} bench_accuracy;

/* One implementation to measure; bound is NAN for peers. */
typedef struct bench_acc_target {
  const char *name, *tier, *isa;
  double bound;
  simdact_kernel_fn fn;
  bench_accuracy *out;
} bench_acc_target;

/* A short description of the engine, for accuracy.json. */
const char *bench_accuracy_engine(void);

/* Measure every target as an implementation of act, in one scan, with the
 * scan driver's default parameters (prelu: one channel; maxout: k = 2).
 * samples == 0: every binary32 input (rows: 4096 random rows up to 2^20
 * long); otherwise `samples` inputs: specials, then random bit patterns from
 * a fixed seed (rows: samples / 4096 random rows up to 4096 long, at least
 * 16), after the engine's adversarial rows. */
void bench_measure_act(const char *act, bench_acc_target *targets, size_t n, uint64_t samples);

#endif
