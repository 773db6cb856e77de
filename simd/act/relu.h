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

#include <string.h>

/* x > 0 ? x : slope*x; NaN x gives slope*x, a NaN.  A zero slope at -inf
 * gives the limit, -0 (reference/ semantics), not the IEEE 0 * inf = NaN:
 * where the product is NaN it is redone as |slope| * max(-FLT_MAX, x), which
 * is -0 there and still NaN for a NaN x or slope.  zero_slope: 0 when no
 * slope is zero (no repair), 2 when one is (always repair), 1 when unknown
 * (repair vectors with a NaN product: one test and a predictable branch). */
static inline vf relu_sloped(vf x, vf slope, int zero_slope) {
  vf y = vf_mul(slope, x);
  if (zero_slope) {
    vm nan = vf_isnan(y);
    if (zero_slope > 1 || vm_any(nan))
      y = vf_select(nan, vf_mul(vf_abs(slope), vf_max(vf_set1(-0x1.fffffep127f), x)), y);
  }
  return vf_select(vf_gt(x, vf_zero()), x, y);
}

/* x > 0 ? x : alpha*x */
typedef struct { vf alpha; int zero; } leaky_relu_ctx;
static inline void leaky_relu_prep(leaky_relu_ctx *c, const simdact_params *p) {
  float a = SIMDACT_ALPHA(p, leaky_relu);
  c->alpha = vf_set1(a);
  c->zero = a == 0.0f ? 2 : 0;
}
static inline vf leaky_relu_body(vf x, const leaky_relu_ctx *c) {
  return relu_sloped(x, c->alpha, c->zero);
}
SIMDACT_ELEMENTWISE(leaky_relu, exact, leaky_relu_ctx, leaky_relu_prep, leaky_relu_body)

/* prelu: x > 0 ? x : slope[i % channels]*x, channels-last.
 *
 * Short periods lcm(channels, VF_LANES) (channels below 8 vectors, or not a
 * multiple of VF_LANES with n at least 4 periods): the slopes are replicated
 * into a stack pattern of whole periods, at least 8 vectors long, so every
 * vector is full, loads its slopes at a fixed offset, and the inner loop is
 * long enough to run at full speed.  Otherwise row by row (channels a
 * multiple of VF_LANES: no tails; else a partial vector at the end of each
 * row).  Without slopes (p NULL, slope NULL or channels 0; the API refuses
 * these) the kernel uses one slope of 0.25, PyTorch's initial slope, as
 * reference/ does. */
#define PRELU_PATTERN_MAX 1024 /* floats: 4 KiB of stack */

static inline void prelu_rows(const float *x, float *y, size_t n, const float *slope, size_t c) {
  for (size_t r = 0; r < n; r += c) {
    size_t len = n - r < c ? n - r : c, j = 0;
    for (; j + VF_LANES <= len; j += VF_LANES)
      vf_storeu(y + r + j, relu_sloped(vf_loadu(x + r + j), vf_loadu(slope + j), 1));
    if (j < len)
      vf_store_partial(y + r + j, relu_sloped(vf_load_partial(x + r + j, len - j),
                                              vf_load_partial(slope + j, len - j), 1),
                       len - j);
  }
}

void SIMDACT_SYM(prelu, exact)(const float *x, float *y, size_t n, const simdact_params *p) {
  static const float no_slope = 0.25f;
  int have = p && p->slope && p->channels;
  const float *slope = have ? p->slope : &no_slope;
  size_t c = have ? p->channels : 1;
  size_t period = c;
  if (c < PRELU_PATTERN_MAX)
    while (period % VF_LANES) period += c; /* lcm(c, VF_LANES), at most VF_LANES*c */
  int short_rows = c < 8 * VF_LANES || (c % VF_LANES != 0 && n >= 4 * period);
  if (period > PRELU_PATTERN_MAX || !short_rows) {
    prelu_rows(x, y, n, slope, c);
    return;
  }
  while (period < 8 * VF_LANES && 2 * period <= PRELU_PATTERN_MAX) period *= 2;
  float pattern[PRELU_PATTERN_MAX];
  size_t used = n < period ? n : period;
  size_t have_n = used < c ? used : c; /* slopes in place; then doubling copies */
  memcpy(pattern, slope, have_n * sizeof *slope);
  for (; have_n < used; have_n *= 2)
    memcpy(pattern + have_n, pattern, (used - have_n < have_n ? used - have_n : have_n) * sizeof *slope);
  /* Whole periods, then the rest; the pattern repeats every period. */
  size_t i = 0;
  for (; i + period <= n; i += period)
    for (size_t j = 0; j < period; j += VF_LANES)
      vf_storeu(y + i + j, relu_sloped(vf_loadu(x + i + j), vf_loadu(pattern + j), 1));
  prelu_rows(x + i, y + i, n - i, pattern, period);
}
