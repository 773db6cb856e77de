/* SLEEF peers, composed the obvious way from SLEEF's vector functions over
 * the project's vector layer.  Included by bench/sleef_<isa>.c after its
 * simd/vec/<isa>.h, <sleef.h> and a definition of
 *   SLEEF_FN(fn, u)   the SLEEF symbol of fn at accuracy u for this ISA
 * The loop and tail come from SIMDACT_ELEMENTWISE (simd/kernel.h), so a peer
 * handles any n exactly as a kernel does; symbols are
 * simdact_<act>_sleef_<u10|u35>_<isa>, local to the bench. */
#include <math.h>

#include "simd/kernel.h"
#include "peers.h"

/* selu's constants and sqrt(2/pi), 1/sqrt(2): as in peers_libm.c. */
#define SLEEF_SELU_LAMBDA 1.0507009873554805f
#define SLEEF_SELU_ALPHA 1.6732632423543772f
#define SLEEF_SQRT_2_OVER_PI 0.7978845608028654f
#define SLEEF_SQRT1_2 0.7071067811865476f

typedef struct { vf alpha, beta; } sleef_ctx;
static inline void sleef_prep_elu(sleef_ctx *c, const simdact_params *p) {
  c->alpha = vf_set1(SIMDACT_ALPHA(p, elu));
}
static inline void sleef_prep_softplus(sleef_ctx *c, const simdact_params *p) {
  c->beta = vf_set1(SIMDACT_BETA(p, softplus));
}
static inline void sleef_prep_swish(sleef_ctx *c, const simdact_params *p) {
  c->beta = vf_set1(SIMDACT_BETA(p, swish));
}

/* Accuracy of tanh in each composition; everything else is u10 (u15 erfc). */
#define SLEEF_COMPOSE(U, TANH_U)                                                       \
  static inline vf sigmoid_##U(vf x, const simdact_noctx *c) {                          \
    (void)c;                                                                            \
    return vf_div(vf_set1(1.0f), vf_add(vf_set1(1.0f), SLEEF_FN(exp, u10)(vf_neg(x)))); \
  }                                                                                     \
  static inline vf tanh_##U(vf x, const simdact_noctx *c) {                             \
    (void)c;                                                                            \
    return SLEEF_FN(tanh, TANH_U)(x);                                                   \
  }                                                                                     \
  static inline vf elu_##U(vf x, const sleef_ctx *c) {                                  \
    return vf_select(vf_gt(x, vf_zero()), x, vf_mul(c->alpha, SLEEF_FN(expm1, u10)(x))); \
  }                                                                                     \
  static inline vf selu_##U(vf x, const simdact_noctx *c) {                             \
    (void)c;                                                                            \
    vf neg = vf_mul(vf_set1(SLEEF_SELU_ALPHA), SLEEF_FN(expm1, u10)(x));                \
    return vf_mul(vf_set1(SLEEF_SELU_LAMBDA), vf_select(vf_gt(x, vf_zero()), x, neg));  \
  }                                                                                     \
  static inline vf softplus_##U(vf x, const sleef_ctx *c) {                             \
    return vf_div(SLEEF_FN(log1p, u10)(SLEEF_FN(exp, u10)(vf_mul(c->beta, x))), c->beta); \
  }                                                                                     \
  static inline vf swish_##U(vf x, const sleef_ctx *c) {                                \
    return vf_div(x, vf_add(vf_set1(1.0f), SLEEF_FN(exp, u10)(vf_neg(vf_mul(c->beta, x))))); \
  }                                                                                     \
  static inline vf silu_##U(vf x, const simdact_noctx *c) {                             \
    (void)c;                                                                            \
    return vf_div(x, vf_add(vf_set1(1.0f), SLEEF_FN(exp, u10)(vf_neg(x))));             \
  }                                                                                     \
  static inline vf gelu_##U(vf x, const simdact_noctx *c) {                             \
    (void)c;                                                                            \
    vf e = SLEEF_FN(erfc, u15)(vf_mul(vf_neg(x), vf_set1(SLEEF_SQRT1_2)));              \
    return vf_mul(vf_mul(vf_set1(0.5f), x), e);                                         \
  }                                                                                     \
  static inline vf gelu_tanh_##U(vf x, const simdact_noctx *c) {                        \
    (void)c;                                                                            \
    vf x3 = vf_mul(vf_mul(x, x), x);                                                    \
    vf in = vf_mul(vf_set1(SLEEF_SQRT_2_OVER_PI), vf_add(x, vf_mul(vf_set1(0.044715f), x3))); \
    vf t = vf_add(vf_set1(1.0f), SLEEF_FN(tanh, TANH_U)(in));                           \
    return vf_mul(vf_mul(vf_set1(0.5f), x), t);                                         \
  }                                                                                     \
  static inline vf mish_##U(vf x, const simdact_noctx *c) {                             \
    (void)c;                                                                            \
    vf sp = SLEEF_FN(log1p, u10)(SLEEF_FN(exp, u10)(x));                                \
    return vf_mul(x, SLEEF_FN(tanh, TANH_U)(sp));                                       \
  }                                                                                     \
  SIMDACT_ELEMENTWISE(sigmoid, sleef_##U, simdact_noctx, simdact_noprep, sigmoid_##U)   \
  SIMDACT_ELEMENTWISE(tanh, sleef_##U, simdact_noctx, simdact_noprep, tanh_##U)         \
  SIMDACT_ELEMENTWISE(elu, sleef_##U, sleef_ctx, sleef_prep_elu, elu_##U)               \
  SIMDACT_ELEMENTWISE(selu, sleef_##U, simdact_noctx, simdact_noprep, selu_##U)         \
  SIMDACT_ELEMENTWISE(softplus, sleef_##U, sleef_ctx, sleef_prep_softplus, softplus_##U) \
  SIMDACT_ELEMENTWISE(swish, sleef_##U, sleef_ctx, sleef_prep_swish, swish_##U)         \
  SIMDACT_ELEMENTWISE(silu, sleef_##U, simdact_noctx, simdact_noprep, silu_##U)         \
  SIMDACT_ELEMENTWISE(gelu, sleef_##U, simdact_noctx, simdact_noprep, gelu_##U)         \
  SIMDACT_ELEMENTWISE(gelu_tanh, sleef_##U, simdact_noctx, simdact_noprep, gelu_tanh_##U) \
  SIMDACT_ELEMENTWISE(mish, sleef_##U, simdact_noctx, simdact_noprep, mish_##U)

SLEEF_COMPOSE(u10, u10)
SLEEF_COMPOSE(u35, u35)

/* softmax / log_softmax composed the obvious way from SLEEF's expf u10
 * (rows of p->cols): a max pass, an exp pass that stores e^(x - max) and
 * sums it in float, a scale pass by 1/sum (log_softmax: x - max - logf(sum),
 * no store in the exp pass).  And sleef_exp_scale, which is NOT a softmax:
 * one SLEEF exp pass and one scale pass over the row, the time floor that
 * issue 5 measures the softmax kernels against (its accuracy is meaningless). */
static inline float sleef_row_max(const float *x, size_t c) {
  vf m = vf_set1(-__builtin_inff());
  size_t i = 0;
  for (; i + VF_LANES <= c; i += VF_LANES) m = vf_max(vf_loadu(x + i), m);
  float r = vf_reduce_max(m);
  for (; i < c; i++) r = x[i] > r ? x[i] : r;
  return r;
}
/* y = e^(x - m) (store) and the float sum of it */
static inline float sleef_row_exp(const float *x, float *y, size_t c, float m, int store) {
  vf vm = vf_set1(m), acc = vf_zero();
  size_t i = 0;
  for (; i + VF_LANES <= c; i += VF_LANES) {
    vf e = SLEEF_FN(exp, u10)(vf_sub(vf_loadu(x + i), vm));
    if (store) vf_storeu(y + i, e);
    acc = vf_add(acc, e);
  }
  float s = vf_reduce_add(acc);
  if (i < c) {
    float t[VF_LANES];
    vf_storeu(t, SLEEF_FN(exp, u10)(vf_sub(vf_load_partial(x + i, c - i), vm)));
    for (size_t j = 0; j < c - i; j++) {
      s += t[j];
      if (store) y[i + j] = t[j];
    }
  }
  return s;
}
static inline void sleef_row_scale(float *y, size_t c, float r) {
  vf vr = vf_set1(r);
  size_t i = 0;
  for (; i + VF_LANES <= c; i += VF_LANES) vf_storeu(y + i, vf_mul(vf_loadu(y + i), vr));
  if (i < c) vf_store_partial(y + i, vf_mul(vf_load_partial(y + i, c - i), vr), c - i);
}
#define SLEEF_ROWS(name, BODY)                                                           \
  void SIMDACT_SYM(name, sleef_u10)(const float *x, float *y, size_t n, const simdact_params *p) { \
    size_t c = p && p->cols ? p->cols : n;                                               \
    for (size_t r = 0; c && r + c <= n; r += c) {                                        \
      const float *xr = x + r;                                                           \
      float *yr = y + r;                                                                 \
      BODY                                                                               \
    }                                                                                    \
  }
SLEEF_ROWS(softmax, {
  float m = sleef_row_max(xr, c);
  sleef_row_scale(yr, c, 1.0f / sleef_row_exp(xr, yr, c, m, 1));
})
SLEEF_ROWS(log_softmax, {
  float m = sleef_row_max(xr, c);
  vf sub = vf_set1(m + logf(sleef_row_exp(xr, yr, c, m, 0)));
  size_t i = 0;
  for (; i + VF_LANES <= c; i += VF_LANES) vf_storeu(yr + i, vf_sub(vf_loadu(xr + i), sub));
  if (i < c) vf_store_partial(yr + i, vf_sub(vf_load_partial(xr + i, c - i), sub), c - i);
})
/* the floor: y = e^x, then y *= 1/c; impl sleef_exp_scale */
void SIMDACT_SYM(softmax, sleef_exp_scale)(const float *x, float *y, size_t n, const simdact_params *p) {
  size_t c = p && p->cols ? p->cols : n;
  for (size_t r = 0; c && r + c <= n; r += c) {
    sleef_row_exp(x + r, y + r, c, 0.0f, 1);
    sleef_row_scale(y + r, c, 1.0f / (float)c);
  }
}

#define SLEEF_STR_(x) #x
#define SLEEF_STR(x) SLEEF_STR_(x)
#define SLEEF_PEER(act, u) {#act, "sleef_" #u, SLEEF_STR(VF_ISA), SIMDACT_SYM(act, sleef_##u)}
#define SLEEF_TABLE_(isa) bench_sleef_peers_##isa
#define SLEEF_TABLE(isa) SLEEF_TABLE_(isa)
#define SLEEF_COUNT_(isa) bench_sleef_peer_count_##isa
#define SLEEF_COUNT(isa) SLEEF_COUNT_(isa)

const bench_peer SLEEF_TABLE(VF_ISA)[] = {
    SLEEF_PEER(sigmoid, u10), SLEEF_PEER(tanh, u10), SLEEF_PEER(tanh, u35),
    SLEEF_PEER(elu, u10), SLEEF_PEER(selu, u10), SLEEF_PEER(softplus, u10),
    SLEEF_PEER(swish, u10), SLEEF_PEER(silu, u10), SLEEF_PEER(gelu, u10),
    SLEEF_PEER(gelu_tanh, u10), SLEEF_PEER(gelu_tanh, u35),
    SLEEF_PEER(mish, u10), SLEEF_PEER(mish, u35),
    SLEEF_PEER(softmax, u10), SLEEF_PEER(log_softmax, u10), SLEEF_PEER(softmax, exp_scale),
};
const size_t SLEEF_COUNT(VF_ISA) = sizeof SLEEF_TABLE(VF_ISA) / sizeof SLEEF_TABLE(VF_ISA)[0];
