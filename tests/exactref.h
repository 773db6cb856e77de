/* Exact references for the tier-exact activations, written independently of
 * the kernels: the definitions of the README table evaluated with MPFR, whose
 * intermediate results here are exact (the division by 6 aside: see
 * exactref_hard), and one final rounding to float (mpfr_get_flt rounds
 * subnormals correctly).
 *
 * exactref_f32(act, x, p, &y) returns 1 and sets y for the elementwise acts it
 * knows (prelu: p->slope[0] is the slope of x), 0 for any other act.
 * exactref_maxout() is maxout's definition on one row of k pieces. */
#ifndef SIMDACT_TESTS_EXACTREF_H
#define SIMDACT_TESTS_EXACTREF_H

#include <math.h>
#include <mpfr.h>
#include <string.h>

#include "simdact.h"

/* IEEE 754-2019 maximum of x[0..k): the first NaN, else the largest, with
 * +0 above -0. */
__attribute__((unused)) static float exactref_maxout(const float *x, size_t k) {
  if (k == 0) return -INFINITY;
  for (size_t j = 0; j < k; j++)
    if (x[j] != x[j]) return x[j];
  float m = x[0];
  for (size_t j = 1; j < k; j++)
    if (x[j] > m || (x[j] == 0.0f && m == 0.0f && !signbit(x[j]))) m = x[j];
  return m;
}

/* Working variables, one set per thread; exactref_free() releases them. */
static _Thread_local int exactref_ready;
static _Thread_local mpfr_t exactref_t, exactref_u, exactref_h, exactref_hx;

static void exactref_init(void) {
  if (exactref_ready) return;
  mpfr_init2(exactref_t, 640);
  mpfr_init2(exactref_u, 640);
  mpfr_init2(exactref_h, 192);
  mpfr_init2(exactref_hx, 24);
  exactref_ready = 1;
}

__attribute__((unused)) static void exactref_free(void) {
  if (exactref_ready) {
    mpfr_clear(exactref_t);
    mpfr_clear(exactref_u);
    mpfr_clear(exactref_h);
    mpfr_clear(exactref_hx);
    exactref_ready = 0;
  }
  mpfr_free_cache();
}

/* RN(a*x + b): exact at 640 bits (a*x needs 48 bits, and the sum spans at
 * most 2^256 .. 2^-298), then one rounding. */
static float exactref_axpb(float a, float x, float b) {
  exactref_init();
  mpfr_set_flt(exactref_t, a, MPFR_RNDN);
  mpfr_set_flt(exactref_u, x, MPFR_RNDN);
  mpfr_mul(exactref_t, exactref_t, exactref_u, MPFR_RNDN);
  mpfr_set_flt(exactref_u, b, MPFR_RNDN);
  mpfr_add(exactref_t, exactref_t, exactref_u, MPFR_RNDN);
  return mpfr_get_flt(exactref_t, MPFR_RNDN);
}

/* RN(a*x); adding -0 keeps the sign of a zero product */
static float exactref_mul(float a, float x) { return exactref_axpb(a, x, -0.0f); }

/* N/6 with N = x + 3 (at most 152 bits) or x(x + 3) (at most 176 bits), both
 * exact at 192 bits, for -3 < x < 3, x != 0.  The quotient is rounded to 192
 * bits first: if N/6 is not a float rounding boundary M (a float or a
 * midpoint), |N - 6M| is at least the granularity of N, at least 2^-178 |N|,
 * far more than that rounding can move it; if it is one, M is kept exactly. */
static float exactref_hard(float x, int swish) {
  exactref_init();
  mpfr_set_flt(exactref_hx, x, MPFR_RNDN);
  mpfr_add_ui(exactref_h, exactref_hx, 3, MPFR_RNDN);
  if (swish) mpfr_mul(exactref_h, exactref_h, exactref_hx, MPFR_RNDN);
  mpfr_div_ui(exactref_h, exactref_h, 6, MPFR_RNDN);
  return mpfr_get_flt(exactref_h, MPFR_RNDN);
}

static int exactref_f32(const char *act, float x, const simdact_params *p, float *y) {
  int nan = x != x;
  if (strcmp(act, "binary_step") == 0) {
    *y = nan ? x : x > 0.0f ? 1.0f : 0.0f;
  } else if (strcmp(act, "relu") == 0) {
    *y = nan ? x : x > 0.0f ? x : 0.0f;
  } else if (strcmp(act, "linear") == 0) {
    *y = exactref_axpb(p ? p->alpha : 1.0f, x, p ? p->beta : 0.0f);
  } else if (strcmp(act, "leaky_relu") == 0) {
    *y = nan ? x : x > 0.0f ? x : exactref_mul(p ? p->alpha : 0.01f, x);
  } else if (strcmp(act, "prelu") == 0) {
    if (!p || !p->slope || p->channels != 1) return 0;
    *y = nan ? x : x > 0.0f ? x : exactref_mul(p->slope[0], x);
  } else if (strcmp(act, "hard_sigmoid") == 0) {
    *y = nan ? x : x <= -3.0f ? 0.0f : x >= 3.0f ? 1.0f : exactref_hard(x, 0);
  } else if (strcmp(act, "hard_swish") == 0) {
    /* x >= 3: x; x <= -3: x * 0 = -0; +-0: +-0 */
    *y = nan ? x : x >= 3.0f ? x : x <= -3.0f ? -0.0f : x == 0.0f ? x : exactref_hard(x, 1);
  } else {
    return 0;
  }
  return 1;
}

#endif
