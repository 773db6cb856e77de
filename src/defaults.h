/* Default parameters, one place: the kernels use them when p is NULL and
 * simdact_params_default() reports them.
 * SIMDACT_DEFAULT(act, alpha, beta) for every activation that has any. */
SIMDACT_DEFAULT(linear, 1.0f, 0.0f)
SIMDACT_DEFAULT(leaky_relu, 0.01f, 0.0f)
SIMDACT_DEFAULT(elu, 1.0f, 0.0f)
SIMDACT_DEFAULT(softplus, 0.0f, 1.0f)
SIMDACT_DEFAULT(swish, 0.0f, 1.0f)
