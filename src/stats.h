/* Small statistics for judging benchmark timings against their noise:
 * medians and the two-sided Mann-Whitney U (Wilcoxon rank-sum) test. */
#ifndef SIMDACT_STATS_H
#define SIMDACT_STATS_H

#include <stddef.h>

/* Pooled sample size up to which stats_mwu() computes the exact p-value
 * (permutation distribution of the rank sum, ties included); above it the
 * normal approximation with tie and continuity corrections is used. */
#define STATS_MWU_EXACT_MAX 60

typedef struct stats_mwu {
  double u1;    /* U of the first sample: pairs (a, b) with a > b, ties count 1/2 */
  double u2;    /* n1*n2 - u1 */
  double z;     /* normal score of u1 (tie and continuity corrected); 0 if exact */
  double p;     /* two-sided p-value */
  int exact;    /* 1 if p comes from the exact permutation distribution */
} stats_mwu;

/* Median of x[0..n) (mean of the two middle values for even n); x is not
 * modified.  NaN for n == 0. */
double stats_median(const double *x, size_t n);

/* Smallest and largest value, and the sample standard deviation (0 if n < 2). */
double stats_min(const double *x, size_t n);
double stats_max(const double *x, size_t n);
double stats_stddev(const double *x, size_t n);

/* Two-sided Mann-Whitney U test of a[0..n1) against b[0..n2).  The exact
 * p-value is P(|S - E S| >= |s - E S|) for the rank sum S of a random n1-subset
 * of the pooled midranks (so it is exact under ties too).  Returns 0, or -1
 * when a sample is empty or holds a NaN (r is then all NaN). */
int stats_mwu_test(const double *a, size_t n1, const double *b, size_t n2, stats_mwu *r);

/* The same with the p-value method chosen: STATS_MWU_AUTO (as above),
 * STATS_MWU_EXACT (any size; the cost grows as n^3 * n1) or STATS_MWU_NORMAL. */
enum { STATS_MWU_AUTO, STATS_MWU_EXACT, STATS_MWU_NORMAL };
int stats_mwu_test_method(const double *a, size_t n1, const double *b, size_t n2, int method,
                          stats_mwu *r);

/* The smallest two-sided p-value the test can give for these sample sizes
 * (the samples completely separated, no ties): 2 / C(n1+n2, n1), capped at 1. */
double stats_mwu_min_p(size_t n1, size_t n2);

#endif
