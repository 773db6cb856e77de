/* Internal to reference/: MPFR values and double-double helpers. */
#ifndef SIMDACT_REF_IMPL_H
#define SIMDACT_REF_IMPL_H

#include <math.h>
#include <mpfr.h>
#include <stdint.h>
#include <string.h>

#include "ref.h"

/* f(x) for a finite x that ref_special did not handle, into f (its precision
 * is set by the caller to at least ref_mpfr_prec(q)). */
void ref_mpfr_value(const ref_par *q, float x, mpfr_t f);
/* Working precision for act: REF_PREC, more where a*x+b needs it exact. */
mpfr_prec_t ref_mpfr_prec(const ref_par *q);
/* f = A + B at a precision that keeps the side of A that B puts f on. */
void ref_mpfr_combine(mpfr_t f, mpfr_srcptr A, mpfr_srcptr B, mpfr_prec_t prec);
/* r, hi, lo (and the metric of *y if y) from the MPFR value f. */
void ref_exact_of(mpfr_srcptr f, const float *y, ref_exact *out);
/* Count one MPFR evaluation made outside ref.c (row references). */
void ref_mpfr_note_call(void);
/* Metric of y against the MPFR value f (any precision). */
double ref_ulp_mpfr(mpfr_srcptr f, float y);
/* |y - f| with an infinite y as +-2^128. */
double ref_abs_err_mpfr(mpfr_srcptr f, float y);

/* One unit in the last place of a double near 1: the rounding-error unit u. */
#define REF_U 0x1p-53
/* Floor of every absolute error bound: far below the smallest float ULP
 * (2^-149), covers double underflow in the references. */
#define REF_ERR_FLOOR 0x1p-1000

static inline void ref_two_sum(double a, double b, double *s, double *e) {
  double x = a + b, bb = x - a;
  *s = x;
  *e = (a - (x - bb)) + (b - bb);
}
static inline void ref_two_prod(double a, double b, double *p, double *e) {
  double x = a * b;
  *p = x;
  *e = fma(a, b, -x);
}
static inline uint32_t ref_fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static inline float ref_bitsf(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static inline uint64_t ref_dbits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

/* floor(log2|d|) for a finite nonzero double (normal or subnormal). */
static inline int ref_ilogb(double d) {
  uint64_t b = ref_dbits(d);
  int e = (int)((b >> 52) & 0x7ff);
  if (e) return e - 1023;
  return ilogb(d);
}

#endif
