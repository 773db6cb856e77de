/* Medians and the Mann-Whitney U test (see stats.h). */
#include "config.h"

#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *pa, const void *pb) {
  double a = *(const double *)pa, b = *(const double *)pb;
  return a < b ? -1 : a > b;
}

double stats_median(const double *x, size_t n) {
  if (n == 0) return NAN;
  double *s = malloc(n * sizeof *s);
  if (!s) return NAN;
  memcpy(s, x, n * sizeof *s);
  qsort(s, n, sizeof *s, cmp_double);
  double m = n % 2 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  free(s);
  return m;
}

double stats_min(const double *x, size_t n) {
  double m = n ? x[0] : NAN;
  for (size_t i = 1; i < n; i++) m = x[i] < m ? x[i] : m;
  return m;
}

double stats_max(const double *x, size_t n) {
  double m = n ? x[0] : NAN;
  for (size_t i = 1; i < n; i++) m = x[i] > m ? x[i] : m;
  return m;
}

double stats_stddev(const double *x, size_t n) {
  if (n < 2) return 0;
  double mean = 0, ss = 0;
  for (size_t i = 0; i < n; i++) mean += x[i];
  mean /= (double)n;
  for (size_t i = 0; i < n; i++) ss += (x[i] - mean) * (x[i] - mean);
  return sqrt(ss / (double)(n - 1));
}

double stats_mwu_min_p(size_t n1, size_t n2) {
  /* C(n1+n2, n1) computed in floating point: only its size matters here. */
  double c = 1;
  for (size_t i = 1; i <= n1; i++) c = c * (double)(n2 + i) / (double)i;
  double p = 2 / c;
  return p < 1 ? p : 1;
}

typedef struct { double v; int first; } pooled;

static int cmp_pooled(const void *pa, const void *pb) {
  return cmp_double(&((const pooled *)pa)->v, &((const pooled *)pb)->v);
}

int stats_mwu_test(const double *a, size_t n1, const double *b, size_t n2, stats_mwu *r) {
  return stats_mwu_test_method(a, n1, b, n2, STATS_MWU_AUTO, r);
}

int stats_mwu_test_method(const double *a, size_t n1, const double *b, size_t n2, int method,
                          stats_mwu *r) {
  r->u1 = r->u2 = r->z = r->p = NAN;
  r->exact = 0;
  if (n1 == 0 || n2 == 0) return -1;
  size_t n = n1 + n2;
  pooled *v = malloc(n * sizeof *v);
  long *rank2 = malloc(n * sizeof *rank2); /* doubled midranks: integers */
  if (!v || !rank2) { free(v); free(rank2); return -1; }
  for (size_t i = 0; i < n; i++) {
    v[i].v = i < n1 ? a[i] : b[i - n1];
    v[i].first = i < n1;
    if (isnan(v[i].v)) { free(v); free(rank2); return -1; }
  }
  qsort(v, n, sizeof *v, cmp_pooled);

  /* Midranks of tie groups, the rank sum of a and the tie term sum(t^3 - t). */
  long s_obs2 = 0;
  double ties = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j + 1 < n && v[j + 1].v == v[i].v) j++;
    double t = (double)(j - i + 1);
    ties += t * t * t - t;
    for (size_t k = i; k <= j; k++) {
      rank2[k] = (long)(i + j + 2); /* 2 * mean of ranks i+1 .. j+1 */
      if (v[k].first) s_obs2 += rank2[k];
    }
    i = j + 1;
  }
  double nn1 = (double)n1, nn2 = (double)n2, nn = (double)n;
  r->u1 = (double)s_obs2 / 2 - nn1 * (nn1 + 1) / 2;
  r->u2 = nn1 * nn2 - r->u1;

  long center2 = (long)(n1 * (n + 1)); /* 2 * E[rank sum of a] */
  long d_obs = labs(s_obs2 - center2);
  if (method == STATS_MWU_EXACT || (method == STATS_MWU_AUTO && n <= STATS_MWU_EXACT_MAX)) {
    /* cnt[k][s]: number of k-subsets of the items seen so far whose doubled
     * rank sum is s.  Items are added one at a time (0/1 knapsack). */
    long smax = (long)(n * (n + 1));
    size_t width = (size_t)smax + 1;
    double *cnt = calloc((n1 + 1) * width, sizeof *cnt);
    if (!cnt) { free(v); free(rank2); return -1; }
    cnt[0] = 1;
    for (size_t i = 0; i < n; i++) {
      size_t kmax = i + 1 < n1 ? i + 1 : n1;
      for (size_t k = kmax; k >= 1; k--)
        for (long s = smax; s >= rank2[i]; s--)
          cnt[k * width + (size_t)s] += cnt[(k - 1) * width + (size_t)(s - rank2[i])];
    }
    double total = 0, tail = 0;
    for (long s = 0; s <= smax; s++) {
      double c = cnt[n1 * width + (size_t)s];
      total += c;
      if (labs(s - center2) >= d_obs) tail += c;
    }
    free(cnt);
    r->p = tail / total;
    r->z = 0;
    r->exact = 1;
  } else {
    double var = nn1 * nn2 / 12 * ((nn + 1) - ties / (nn * (nn - 1)));
    double dev = r->u1 - nn1 * nn2 / 2;
    if (var <= 0) {
      r->z = 0;
      r->p = 1;
    } else {
      double m = fabs(dev) - 0.5;
      r->z = (m > 0 ? m : 0) / sqrt(var) * (dev < 0 ? -1 : 1);
      r->p = erfc(fabs(r->z) / sqrt(2.0));
    }
  }
  if (r->p > 1) r->p = 1;
  free(v);
  free(rank2);
  return 0;
}
