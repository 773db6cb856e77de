/* SLEEF peers, composed the obvious way from SLEEF's vector functions over
 * the project's vector layer.  Included by bench/sleef_<isa>.c after its
 * simd/vec/<isa>.h, <sleef.h> and a definition of
 *   SLEEF_FN(fn, u)   the SLEEF symbol of fn at accuracy u for this ISA
 * The loop and tail come from SIMDACT_ELEMENTWISE (simd/kernel.h), so a peer
 * handles any n exactly as a kernel does; symbols are
 * simdact_<act>_sleef_<u10|u35>_<isa>, local to the bench. */
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
};
const size_t SLEEF_COUNT(VF_ISA) = sizeof SLEEF_TABLE(VF_ISA) / sizeof SLEEF_TABLE(VF_ISA)[0];
