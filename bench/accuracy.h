/* Accuracy of one implementation (kernel or peer) of an activation, from the
 * project's scan engine (reference/): the same figures for simdact's kernels
 * and for the peers.  Sampled by default, exhaustive on request. */
#ifndef SIMDACT_BENCH_ACCURACY_H
#define SIMDACT_BENCH_ACCURACY_H

#include <stdint.h>
#include "simdact.h"

typedef enum {
  ACC_NOT_RUN = 0,     /* not measured (accuracy disabled, or ISA skipped) */
  ACC_OK,              /* figures below are valid */
  ACC_UNAVAILABLE      /* the engine has no reference for this activation */
} bench_acc_status;

typedef struct bench_accuracy {
  bench_acc_status status;
  int exhaustive;            /* 1: all 2^32 inputs; 0: sampled */
  uint64_t inputs;           /* inputs evaluated */
  double max_ulp;            /* the ULP figure of DESIGN.md section 4 */
  uint32_t max_ulp_input;    /* binary32 bits of the input of max_ulp */
  double mean_ulp;
  uint64_t above_half, above_1, above_2;  /* counts of inputs above 0.5 / 1 / 2 ULP */
  double max_abs, max_rel;
  uint64_t nonfinite_mismatch;  /* NaN/inf where the reference is finite, or the reverse */
  uint64_t zero_sign_mismatch;  /* +0 for -0 or the reverse */
} bench_accuracy;

/* 1 if the engine is built into this bench (else every status is UNAVAILABLE). */
int bench_accuracy_engine(const char **name);

/* Measure fn as an implementation of act with parameters p (which must be the
 * ones the timing runs use).  samples == 0 means every binary32 input;
 * otherwise `samples` inputs: every special value, then a fixed, seeded mix
 * of uniformly random bit patterns (all exponents) and dense points in
 * [-20, 20].  Row-wise activations (softmax, log_softmax) and maxout are
 * measured on rows/groups built from those inputs. */
void bench_measure_accuracy(const char *act, simdact_kernel_fn fn, const simdact_params *p,
                            uint64_t samples, bench_accuracy *out);

#endif
