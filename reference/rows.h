/* Row scans for softmax and log_softmax: per-element ULP against the
 * correctly rounded row reference, the normwise error in units of 2^-24 and
 * |sum - 1| (log_softmax: |sum exp(y) - 1|), over the samples of
 * reference/rowgen.h: adversarial rows (spread 1e4, ties, one dominant
 * element, subnormal results and differences, +-inf, NaN, extremes, ...) and
 * random rows (normal, uniform over [-100, 100], logits-like) of lengths 1,
 * 2, 3, 7, 16, 1000, 4096, 65536, 2^20 and 2^24 (those <= max_len), short
 * rows many to a kernel call.
 *
 * Row semantics (README "Reference semantics"): a NaN anywhere makes the row
 * NaN; exactly one +inf gives a one-hot row (log_softmax: 0 there, -inf
 * elsewhere); two or more +inf, or every entry -inf, is undefined: NaN; a -inf
 * entry among finite ones gives 0 (log_softmax -inf). */
#ifndef SIMDACT_ROWS_H
#define SIMDACT_ROWS_H

#include <stdio.h>

#include "scan.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rows_stats rows_stats;
typedef struct rows_config {
  const char *act;     /* softmax | log_softmax */
  uint64_t rows;       /* random samples after the ROWGEN_ADV adversarial ones */
  uint64_t seed;
  size_t max_len;      /* longest row: 0 means 2^20 */
  int threads;         /* 0: every online CPU; 1: samples in order, kernels in
                          order within a sample (a kernel that replays outputs
                          computed elsewhere relies on it) */
  rows_stats *per_class; /* optional: rows_class_count() x nk statistics per
                            row class (rowgen.h), kernel-minor */
} rows_config;

struct rows_stats {
  uint64_t rows, count;  /* rows and elements scored */
  double max_ulp, sum_ulp;
  uint64_t max_row;    /* sample (rowgen_make index) of the worst element */
  size_t max_col;      /* its index in the sample */
  uint64_t over_half, over_1, over_2;
  double max_norm;     /* max over rows of ||y - f||_2 / ||f||_2 / 2^-24 */
  double max_sum_dev;  /* max over rows of |sum - 1| */
  uint64_t nonfinite, zero_sign;
  int holds;
};

/* The correctly rounded reference of one row (MPFR-checked where the double
 * evaluation cannot decide). */
void ref_softmax_row(const float *x, size_t n, int log, float *y);

int rows_run(const rows_config *cfg, const scan_kernel *ks, size_t nk, rows_stats *out);
/* Row classes of a scan with cfg's max_len, and their table (the worst
 * figures of each tier over the kernels). */
int rows_class_count(const rows_config *cfg);
void rows_print_classes(FILE *f, const rows_config *cfg, const scan_kernel *ks, size_t nk, const rows_stats *per_class);
/* The same as a JSON array: per class its name, rows, elements and per kernel
 * max_ulp, normwise_2m24, max_sum_dev, nonfinite. */
void rows_print_classes_json(FILE *f, const rows_config *cfg, const scan_kernel *ks, size_t nk,
                             const rows_stats *per_class);
void rows_print_markdown(FILE *f, const scan_kernel *ks, size_t nk, const rows_stats *st);
void rows_print_json(FILE *f, const scan_kernel *ks, size_t nk, const rows_stats *st);

#ifdef __cplusplus
}
#endif
#endif
