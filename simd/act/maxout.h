/* maxout, tier exact: y[i] = max over j < k of x[i*k + j]; outputs n, reads n*k.
 *
 * The maximum is IEEE 754-2019 maximum(): any NaN among the k pieces gives a
 * NaN (the first one, bits unchanged), and +0 counts as larger than -0.  With
 * p NULL, k is 1 (a copy); k = 0 (refused by the API) gives -inf, the maximum
 * of nothing, and reads nothing.
 *
 * Lanes accumulate three things per piece: the vf_max (ties and NaN keep the
 * accumulator), the AND of all pieces (its sign bit is set only if every
 * piece is negative: when the maximum is a zero, that is its sign), and a NaN
 * mask.  A NaN, rare, sends the affected outputs to maxout_pieces().
 *   k < VF_LANES: one output per lane, pieces gathered with stride k.
 *   k >= VF_LANES: one output per row, contiguous loads (the last one overlaps
 *     the previous: max is idempotent), then a reduction over the lanes.
 * In place (x == y) works: output i is stored after pieces [i*k, i*k + k) are
 * read, and the pieces still to be read start at or after index i + 1. */

#include <math.h>

/* The exact maximum of x[0..k), k >= 1, with the rules above. */
static inline float maxout_pieces(const float *x, size_t k) {
  for (size_t j = 0; j < k; j++)
    if (isnan(x[j])) return x[j];
  float m = x[0];
  for (size_t j = 1; j < k; j++)
    if (x[j] > m || (x[j] == m && !signbit(x[j]))) m = x[j];
  return m;
}

typedef struct { vf max, all; vm nan; } maxout_acc;

static inline maxout_acc maxout_first(vf v) {
  maxout_acc a = {v, v, vf_isnan(v)};
  return a;
}

static inline void maxout_step(maxout_acc *a, vf v) {
  a->max = vf_max(v, a->max);
  a->all = vf_and(a->all, v);
  a->nan = vm_or(a->nan, vf_isnan(v));
}

/* The lane maxima with the sign of zero settled (NaN lanes are handled apart). */
static inline vf maxout_result(const maxout_acc *a) {
  return vf_select(vf_eq(a->max, vf_zero()), vf_and(a->all, vf_set1(-0.0f)), a->max);
}

/* Outputs y[0..m), m <= VF_LANES, of pieces x with k < VF_LANES. */
static inline void maxout_lanes(const float *x, float *y, size_t m, size_t k) {
  maxout_acc a = maxout_first(m == VF_LANES ? vf_load_stride(x, k) : vf_load_stride_partial(x, k, m));
  for (size_t j = 1; j < k; j++)
    maxout_step(&a, m == VF_LANES ? vf_load_stride(x + j, k) : vf_load_stride_partial(x + j, k, m));
  if (vm_any(a.nan)) {
    float out[VF_LANES];
    for (size_t l = 0; l < m; l++) out[l] = maxout_pieces(x + l * k, k);
    for (size_t l = 0; l < m; l++) y[l] = out[l];
  } else if (m == VF_LANES) {
    vf_storeu(y, maxout_result(&a));
  } else {
    vf_store_partial(y, maxout_result(&a), m);
  }
}

void SIMDACT_SYM(maxout, exact)(const float *x, float *y, size_t n, const simdact_params *p) {
  size_t k = p ? p->k : 1, i = 0;
  if (k == 0) {
    for (; i < n; i++) y[i] = -INFINITY;
  } else if (k == 1) {
    for (; i + VF_LANES <= n; i += VF_LANES) vf_storeu(y + i, vf_loadu(x + i));
    if (i < n) vf_store_partial(y + i, vf_load_partial(x + i, n - i), n - i);
  } else if (k < VF_LANES) {
    for (; i + VF_LANES <= n; i += VF_LANES) maxout_lanes(x + i * k, y + i, VF_LANES, k);
    if (i < n) maxout_lanes(x + i * k, y + i, n - i, k);
  } else {
    for (; i < n; i++) {
      const float *row = x + i * k;
      maxout_acc a = maxout_first(vf_loadu(row));
      size_t j = VF_LANES;
      for (; j + VF_LANES <= k; j += VF_LANES) maxout_step(&a, vf_loadu(row + j));
      if (j < k) maxout_step(&a, vf_loadu(row + k - VF_LANES));
      float r = vf_reduce_max(a.max);
      /* NaN, or a zero whose sign the lane reduction may have lost: exact scan */
      y[i] = vm_any(a.nan) || r == 0.0f ? maxout_pieces(row, k) : r;
    }
  }
}
