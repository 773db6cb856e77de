/* simdact reference engine: what every activation's answer is, and how far a
 * result is from it.
 *
 * - ref_f32: the correctly rounded binary32 value of f(x) (round to nearest,
 *   ties to even), with the special-value semantics of ref_special() (the one
 *   place they are defined; README "Reference semantics" is its table).
 * - ref_ulp_error: the DESIGN section 4 metric of y against the exact f(x).
 * - ref_eval: the fast path the scan uses: a double-double approximation of
 *   f(x) with a rigorous absolute error bound; MPFR (REF_PREC bits) decides
 *   whenever that bound leaves a rounding or a threshold open.
 *
 * Thread-safe (MPFR state is per call; the constants are built once). */
#ifndef SIMDACT_REF_H
#define SIMDACT_REF_H

#include <stddef.h>
#include <stdint.h>

#include "simdact.h"

#ifdef __cplusplus
extern "C" {
#endif

/* SplitMix64's step and mix: a well-spread 64-bit value of z, for the seeded
 * input streams of the scans, the row generator, the tests and the bench. */
static inline uint64_t ref_mix64(uint64_t z) {
  z += 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/* Every activation of DESIGN section 3, kernels or not. */
enum ref_act {
  REF_BINARY_STEP, REF_LINEAR, REF_RELU, REF_LEAKY_RELU, REF_PRELU, REF_ELU, REF_SELU,
  REF_SIGMOID, REF_TANH, REF_SOFTPLUS, REF_SOFTSIGN, REF_SWISH, REF_SILU, REF_GELU,
  REF_GELU_TANH, REF_MISH, REF_HARD_SIGMOID, REF_HARD_SWISH, REF_MAXOUT, REF_SOFTMAX,
  REF_LOG_SOFTMAX,
  /* not activations: libm functions, to cross-check the instrument against
   * published measurements of glibc (tests/ref_glibc) */
  REF_FN_EXPM1, REF_FN_LOG1P, REF_FN_ERF,
  REF_ACT_COUNT
};

/* -1 when name is not an activation. */
int ref_act_id(const char *name);
const char *ref_act_name(int id);
/* 1 for elementwise acts (everything but maxout, softmax, log_softmax). */
int ref_act_elementwise(int id);

/* The real parameters of one activation: p resolved against the defaults of
 * src/defaults.h (p NULL = defaults).  prelu: a = slope (p->slope[0] if given,
 * else 0.25); linear: a*x + b; leaky_relu/elu: a = alpha; softplus/swish:
 * b = beta (silu: beta = 1 always). */
typedef struct ref_par {
  int act;
  double a, b;
} ref_par;
int ref_par_init(ref_par *q, int act, const simdact_params *p); /* -1 if act unknown */

/* Correctly rounded f(x).  Elementwise acts only (maxout: ref_maxout_f32). */
float ref_f32(const char *act, float x, const simdact_params *p);
float ref_f32_id(const ref_par *q, float x);
/* prelu of one element with its channel's slope. */
float ref_prelu_f32(float x, float slope);
/* max over k values: NaN if any is NaN; +0 > -0. */
float ref_maxout_f32(const float *x, size_t k);

/* ULP error of y against the exact f(x) (DESIGN section 4): NaN vs NaN is 0,
 * NaN vs non-NaN is +inf, an infinite y (or exact infinite f) counts as
 * +-2^128, +0 and -0 are equal here.  Elementwise acts. */
double ref_ulp_error(const char *act, float x, float y, const simdact_params *p);
double ref_ulp_error_id(const ref_par *q, float x, float y);

/* Special inputs (NaN, +-inf, +-0): 1 and *out = the defined result, else 0.
 * The single definition of the special-value semantics. */
int ref_special(const ref_par *q, float x, float *out);

/* ---- the fast path ---- */

/* f(x) ~ hi + lo with |hi + lo - f(x)| <= err (absolute, rigorous by the
 * stated per-activation bounds in ref_double.c, checked by tests/ref_double).
 * err == 0 means hi + lo is exact.  For special inputs hi is the special
 * result, lo = err = 0. */
typedef struct ref_dd {
  double hi, lo, err;
} ref_dd;
void ref_eval(const ref_par *q, float x, ref_dd *out);

/* ref_eval + ref_dd_round over n inputs (fast loops for the piecewise
 * acts); undecided[j] = 1 where the rounding needs MPFR. */
void ref_eval_batch(const ref_par *q, const float *x, size_t n, ref_dd *v, float *r,
                    unsigned char *undecided);

/* Only the rounded values (binary_step, relu, leaky_relu/prelu with slope >
 * 0, linear, hard_sigmoid, hard_swish): 1 if done, 0 if act needs
 * ref_eval_batch. */
int ref_round_batch(const ref_par *q, const float *x, size_t n, float *r);

/* Round an exact or approximate double-double to binary32 (ties to even,
 * overflow to inf).  *decided = 0 when err leaves the rounding open. */
float ref_dd_round(const ref_dd *v, int *decided);

/* The metric of y against the value hi + lo, treated as exact. */
double ref_ulp_dd(double hi, double lo, float y);
/* Scale of the metric: 2^(max(floor(log2|v|), -126) - 23) for a nonzero
 * finite v = hi + lo (binade taken from the double-double). */
double ref_ulp_scale(double hi, double lo);

/* MPFR at REF_PREC bits: f(x) as a double-double (hi = f rounded to double,
 * lo = the rest rounded), the correctly rounded float, and the metric of y.
 * Slow (microseconds): the scan's escalation. */
#define REF_PREC 256
typedef struct ref_exact {
  float r;         /* correctly rounded f(x) */
  double ulp;      /* metric of the y passed (if any) */
  double abs_err;  /* |y - f(x)| (inf-as-2^128) */
  double hi, lo;   /* f(x) ~ hi + lo to about 2^-106 relative */
} ref_exact;
void ref_mpfr_eval(const ref_par *q, float x, const float *y, ref_exact *out);

/* Number of MPFR evaluations made so far by this process (for reports). */
uint64_t ref_mpfr_count(void);

#ifdef __cplusplus
}
#endif
#endif
