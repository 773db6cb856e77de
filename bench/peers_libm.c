/* libm peers: the loop a user writes with <math.h>, compiled with the
 * project's ordinary flags (no ISA flags, no -ffast-math).  Each follows the
 * definition table of the README literally; the bench's accuracy scan says
 * how that fares (overflow in log1pf(expf(x)), NaN through x > 0 ? x : 0, ...). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "peers.h"

/* The parameters of act: p, or the library's defaults when p is NULL. */
static const simdact_params *params(const char *act, const simdact_params *p, simdact_params *d) {
  if (p) return p;
  simdact_params_default(act, d);
  return d;
}

#define ELEMENTWISE_PEER(act, expr)                                                 \
  static void libm_##act(const float *x, float *y, size_t n, const simdact_params *p) { \
    simdact_params d_;                                                              \
    const simdact_params *P = params(#act, p, &d_);                                 \
    (void)P;                                                                        \
    for (size_t i = 0; i < n; i++) {                                                \
      float v = x[i];                                                               \
      y[i] = (expr);                                                                \
    }                                                                               \
  }

/* selu's constants (README table). */
#define SELU_LAMBDA 1.0507009873554805f
#define SELU_ALPHA 1.6732632423543772f
/* sqrt(2/pi) and 1/sqrt(2), rounded to float. */
#define SQRT_2_OVER_PI 0.7978845608028654f
#define SQRT1_2 0.7071067811865476f

ELEMENTWISE_PEER(binary_step, v > 0.0f ? 1.0f : 0.0f)
ELEMENTWISE_PEER(linear, P->alpha * v + P->beta)
ELEMENTWISE_PEER(relu, v > 0.0f ? v : 0.0f)
ELEMENTWISE_PEER(leaky_relu, v > 0.0f ? v : P->alpha * v)
ELEMENTWISE_PEER(elu, v > 0.0f ? v : P->alpha * expm1f(v))
ELEMENTWISE_PEER(selu, SELU_LAMBDA * (v > 0.0f ? v : SELU_ALPHA * expm1f(v)))
ELEMENTWISE_PEER(sigmoid, 1.0f / (1.0f + expf(-v)))
ELEMENTWISE_PEER(tanh, tanhf(v))
ELEMENTWISE_PEER(softplus, log1pf(expf(P->beta * v)) / P->beta)
ELEMENTWISE_PEER(softsign, v / (1.0f + fabsf(v)))
ELEMENTWISE_PEER(swish, v / (1.0f + expf(-P->beta * v)))
ELEMENTWISE_PEER(silu, v / (1.0f + expf(-v)))
ELEMENTWISE_PEER(gelu, 0.5f * v * erfcf(-v * SQRT1_2))
ELEMENTWISE_PEER(gelu_tanh, 0.5f * v * (1.0f + tanhf(SQRT_2_OVER_PI * (v + 0.044715f * v * v * v))))
ELEMENTWISE_PEER(mish, v * tanhf(log1pf(expf(v))))
ELEMENTWISE_PEER(hard_sigmoid, fminf(fmaxf(v / 6.0f + 0.5f, 0.0f), 1.0f))
ELEMENTWISE_PEER(hard_swish, v * fminf(fmaxf(v / 6.0f + 0.5f, 0.0f), 1.0f))

static void libm_prelu(const float *x, float *y, size_t n, const simdact_params *p) {
  for (size_t i = 0; i < n; i++) {
    float s = p->slope[i % p->channels];
    y[i] = x[i] > 0.0f ? x[i] : s * x[i];
  }
}

static void libm_maxout(const float *x, float *y, size_t n, const simdact_params *p) {
  size_t k = p ? p->k : 1;
  for (size_t i = 0; i < n; i++) {
    float m = x[i * k];
    for (size_t j = 1; j < k; j++) m = x[i * k + j] > m ? x[i * k + j] : m;
    y[i] = m;
  }
}

/* Row-wise, rows of p->cols (the whole input when p is NULL or cols is 0). */
static void libm_softmax_rows(const float *x, float *y, size_t n, const simdact_params *p, int log_form) {
  size_t cols = p && p->cols ? p->cols : n;
  for (size_t r = 0; r + cols <= n && cols; r += cols) {
    const float *xr = x + r;
    float *yr = y + r;
    float m = xr[0];
    for (size_t j = 1; j < cols; j++) m = xr[j] > m ? xr[j] : m;
    float s = 0.0f;
    for (size_t j = 0; j < cols; j++) s += expf(xr[j] - m);
    if (log_form) {
      float ls = logf(s);
      for (size_t j = 0; j < cols; j++) yr[j] = xr[j] - m - ls;
    } else {
      for (size_t j = 0; j < cols; j++) yr[j] = expf(xr[j] - m) / s;
    }
  }
}
static void libm_softmax(const float *x, float *y, size_t n, const simdact_params *p) {
  libm_softmax_rows(x, y, n, p, 0);
}
static void libm_log_softmax(const float *x, float *y, size_t n, const simdact_params *p) {
  libm_softmax_rows(x, y, n, p, 1);
}

#define PEER(act) {#act, "libm", "scalar", libm_##act}
const bench_peer bench_libm_peers[] = {
    PEER(binary_step), PEER(linear), PEER(relu), PEER(leaky_relu), PEER(prelu),
    PEER(elu), PEER(selu), PEER(sigmoid), PEER(tanh), PEER(softplus),
    PEER(softsign), PEER(swish), PEER(silu), PEER(gelu), PEER(gelu_tanh),
    PEER(mish), PEER(hard_sigmoid), PEER(hard_swish), PEER(maxout),
    PEER(softmax), PEER(log_softmax),
};
const size_t bench_libm_peer_count = sizeof bench_libm_peers / sizeof bench_libm_peers[0];

static void copy_memcpy(const float *x, float *y, size_t n, const simdact_params *p) {
  (void)p;
  if (x != y) memcpy(y, x, n * sizeof *x);
}
const bench_peer bench_copy_peer = {"copy", "memcpy", "scalar", copy_memcpy};
