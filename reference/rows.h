/* Row scans for softmax and log_softmax: per-element ULP against the
 * correctly rounded row reference, the normwise error in units of 2^-24 and
 * |sum - 1| (log_softmax: |sum exp(y) - 1|), over random rows of lengths 1 to
 * 2^20 and adversarial rows (spread 1e4, ties, all equal, +-inf, NaN,
 * extremes, subnormals).
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

typedef struct rows_config {
  const char *act;     /* softmax | log_softmax */
  uint64_t rows;       /* random rows after the adversarial ones */
  uint64_t seed;
  size_t max_len;      /* 0: 2^20 */
  int threads;         /* 0: every online CPU */
} rows_config;

typedef struct rows_stats {
  uint64_t rows, count;
  double max_ulp, sum_ulp;
  uint64_t max_row;    /* row index of the worst element */
  size_t max_col;
  uint64_t over_half, over_1, over_2;
  double max_norm;     /* max over rows of ||y - f||_2 / ||f||_2 / 2^-24 */
  double max_sum_dev;  /* max over rows of |sum - 1| */
  uint64_t nonfinite, zero_sign;
  int holds;
} rows_stats;

/* The correctly rounded reference of one row (MPFR-checked where the double
 * evaluation cannot decide). */
void ref_softmax_row(const float *x, size_t n, int log, float *y);

int rows_run(const rows_config *cfg, const scan_kernel *ks, size_t nk, rows_stats *out);
void rows_print_markdown(FILE *f, const scan_kernel *ks, size_t nk, const rows_stats *st);
void rows_print_json(FILE *f, const scan_kernel *ks, size_t nk, const rows_stats *st);

#ifdef __cplusplus
}
#endif
#endif
