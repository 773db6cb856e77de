/* Default parameters, one place: the kernels use them when p is NULL and
 * simdact_params_default() reports them; simdact_params_check() rejects
 * values outside the domain where the tiers are verified (rule: the
 * SIMDACT_PARAM_* flags below; tests/trans.c and `make param-evidence` check
 * its edges).  Below |beta| = 2^-4 swish approx leaves its tier (4703 ULP at
 * 2^-6, where x sigmoid(beta x) multiplies a subnormal sigmoid by |x| >
 * 2^13); above 2^20 softplus u1 does (1.006 ULP at 1e10); elu with alpha <= 0
 * gets zero signs wrong, and alpha = 0 is not an elu.
 * SIMDACT_DEFAULT(act, alpha, beta, rule) for every activation that has any. */
#ifndef SIMDACT_PARAM_FINITE_ALPHA
#define SIMDACT_PARAM_FINITE_ALPHA 1u   /* alpha is used: it must be finite */
#define SIMDACT_PARAM_POSITIVE_ALPHA 2u /* and > 0 */
#define SIMDACT_PARAM_FINITE_BETA 4u    /* beta is used: it must be finite */
#define SIMDACT_PARAM_BETA_RANGE 8u     /* and 2^-4 <= |beta| <= 2^20 */
#endif
SIMDACT_DEFAULT(linear, 1.0f, 0.0f, SIMDACT_PARAM_FINITE_ALPHA | SIMDACT_PARAM_FINITE_BETA)
SIMDACT_DEFAULT(leaky_relu, 0.01f, 0.0f, SIMDACT_PARAM_FINITE_ALPHA)
SIMDACT_DEFAULT(elu, 1.0f, 0.0f, SIMDACT_PARAM_FINITE_ALPHA | SIMDACT_PARAM_POSITIVE_ALPHA)
SIMDACT_DEFAULT(softplus, 0.0f, 1.0f, SIMDACT_PARAM_FINITE_BETA | SIMDACT_PARAM_BETA_RANGE)
SIMDACT_DEFAULT(swish, 0.0f, 1.0f, SIMDACT_PARAM_FINITE_BETA | SIMDACT_PARAM_BETA_RANGE)
