/* Shared kernel scaffolding, included by simd/isa/<isa>.c after its vec header.
 * An activation header supplies a per-vector body; these macros wrap it into
 * the kernel signature with the main loop and a masked/partial tail, so no
 * activation writes its own loop. */
#ifndef SIMDACT_KERNEL_H
#define SIMDACT_KERNEL_H

#include <stddef.h>
#include "simdact.h"

#define SIMDACT_CAT3_(a, b, c) a##_##b##_##c
#define SIMDACT_CAT3(a, b, c) SIMDACT_CAT3_(a, b, c)
/* C symbol of <act>.<tier>.<this ISA>: simdact_<act>_<tier>_<isa> */
#define SIMDACT_SYM(act, tier) SIMDACT_CAT3(simdact_##act, tier, VF_ISA)

/* Elementwise kernel over a context type.  PREP(ctx, p) fills the context from
 * the parameters (p may be NULL: defaults); BODY(x, ctx) maps one vf.  The tail
 * (n % VF_LANES elements) goes through partial loads/stores, which read and
 * write only y[0..n). */
#define SIMDACT_ELEMENTWISE(act, tier, ctx_t, PREP, BODY)                          \
  void SIMDACT_SYM(act, tier)(const float *x, float *y, size_t n,                  \
                              const simdact_params *p) {                           \
    ctx_t ctx;                                                                     \
    PREP(&ctx, p);                                                                 \
    SIMDACT_LOOP_(BODY)                                                            \
  }
/* The same with two bodies: COND(&ctx) is tested once per call and picks
 * BODY1 (a cheaper path for some parameter value, e.g. swish at beta = 1)
 * or BODY0, so the loop carries no per-vector test of it. */
#define SIMDACT_ELEMENTWISE_IF(act, tier, ctx_t, PREP, COND, BODY1, BODY0)        \
  void SIMDACT_SYM(act, tier)(const float *x, float *y, size_t n,                  \
                              const simdact_params *p) {                           \
    ctx_t ctx;                                                                     \
    PREP(&ctx, p);                                                                 \
    if (COND(&ctx)) {                                                              \
      SIMDACT_LOOP_(BODY1)                                                         \
    } else {                                                                       \
      SIMDACT_LOOP_(BODY0)                                                         \
    }                                                                              \
  }
/* main loop and masked tail over x, y, n, ctx */
#define SIMDACT_LOOP_(BODY)                                                        \
  size_t i = 0;                                                                    \
  for (; i + VF_LANES <= n; i += VF_LANES)                                         \
    vf_storeu(y + i, BODY(vf_loadu(x + i), &ctx));                                 \
  if (i < n)                                                                       \
    vf_store_partial(y + i, BODY(vf_load_partial(x + i, n - i), &ctx), n - i);

/* Default alpha/beta of each activation, from src/defaults.h:
 * SIMDACT_ALPHA(p, leaky_relu) is p->alpha, or the default when p is NULL. */
#define SIMDACT_DEFAULT(act, alpha, beta, rule) \
  static const float simdact_default_alpha_##act = alpha, simdact_default_beta_##act = beta;
#include "defaults.h"
#undef SIMDACT_DEFAULT
#define SIMDACT_ALPHA(p, act) ((p) ? (p)->alpha : simdact_default_alpha_##act)
#define SIMDACT_BETA(p, act) ((p) ? (p)->beta : simdact_default_beta_##act)

/* For activations without parameters. */
typedef struct { char unused; } simdact_noctx;
static inline void simdact_noprep(simdact_noctx *c, const simdact_params *p) {
  (void)c; (void)p;
}

#endif
