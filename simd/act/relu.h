/* Piecewise-linear activations whose correctly rounded value needs at most one
 * IEEE operation: binary_step, linear, relu, leaky_relu, prelu.  Tier exact.
 * NaN in gives NaN out in each (compares are ordered, so NaN takes the
 * "otherwise" branch, which is chosen to carry it). */

/* x > 0 ? 1 : 0 */
static inline vf binary_step_body(vf x, const simdact_noctx *c) {
  (void)c;
  vf step = vf_select(vf_gt(x, vf_zero()), vf_set1(1.0f), vf_zero());
  return vf_select(vf_isnan(x), x, step);
}
SIMDACT_ELEMENTWISE(binary_step, exact, simdact_noctx, simdact_noprep, binary_step_body)

/* alpha*x + beta with one rounding */
typedef struct { vf a, b; } linear_ctx;
static inline void linear_prep(linear_ctx *c, const simdact_params *p) {
  c->a = vf_set1(SIMDACT_ALPHA(p, linear));
  c->b = vf_set1(SIMDACT_BETA(p, linear));
}
static inline vf linear_body(vf x, const linear_ctx *c) { return vf_fma(c->a, x, c->b); }
SIMDACT_ELEMENTWISE(linear, exact, linear_ctx, linear_prep, linear_body)

/* x > 0 ? x : +0.  x <= 0 is false for NaN, so NaN passes through. */
static inline vf relu_body(vf x, const simdact_noctx *c) {
  (void)c;
  return vf_select(vf_le(x, vf_zero()), vf_zero(), x);
}
SIMDACT_ELEMENTWISE(relu, exact, simdact_noctx, simdact_noprep, relu_body)

/* x > 0 ? x : alpha*x */
typedef struct { vf alpha; } leaky_relu_ctx;
static inline void leaky_relu_prep(leaky_relu_ctx *c, const simdact_params *p) {
  c->alpha = vf_set1(SIMDACT_ALPHA(p, leaky_relu));
}
static inline vf leaky_relu_body(vf x, const leaky_relu_ctx *c) {
  return vf_select(vf_gt(x, vf_zero()), x, vf_mul(c->alpha, x));
}
SIMDACT_ELEMENTWISE(leaky_relu, exact, leaky_relu_ctx, leaky_relu_prep, leaky_relu_body)
