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

/* x > 0 ? x : slope*x; NaN x gives slope*x, a NaN.  A zero slope at -inf
 * gives the limit, -0 (reference/ semantics), not the IEEE 0 * inf = NaN:
 * where the product is NaN it is redone as |slope| * max(-FLT_MAX, x), which
 * is -0 there and still NaN for a NaN x or slope. */
static inline vf relu_sloped(vf x, vf slope) {
  vf y = vf_mul(slope, x);
  y = vf_select(vf_isnan(y), vf_mul(vf_abs(slope), vf_max(vf_set1(-0x1.fffffep127f), x)), y);
  return vf_select(vf_gt(x, vf_zero()), x, y);
}

/* x > 0 ? x : alpha*x */
typedef struct { vf alpha; } leaky_relu_ctx;
static inline void leaky_relu_prep(leaky_relu_ctx *c, const simdact_params *p) {
  c->alpha = vf_set1(SIMDACT_ALPHA(p, leaky_relu));
}
static inline vf leaky_relu_body(vf x, const leaky_relu_ctx *c) {
  return relu_sloped(x, c->alpha);
}
SIMDACT_ELEMENTWISE(leaky_relu, exact, leaky_relu_ctx, leaky_relu_prep, leaky_relu_body)

/* prelu: x > 0 ? x : slope[i % channels]*x, channels-last.
 *
 * Channels a multiple of VF_LANES (always on scalar): row by row, each vector
 * meets the slopes at the same offset.  Otherwise, when the period
 * lcm(channels, VF_LANES) is short, the slopes are replicated into a pattern
 * of one period so every vector is full and loads its slopes at a fixed
 * offset; for channels < VF_LANES this is always the case (period <= VF_LANES^2).
 * Long periods go row by row with a partial vector at the end of each row.
 * Without slopes (p NULL, slope NULL or channels 0; the API refuses these)
 * the kernel uses one slope of 0.25, PyTorch's initial slope, as reference/
 * does. */
#define PRELU_PATTERN_MAX 1024 /* floats: 4 KiB of stack, and a period <= n/4 */

static inline void prelu_rows(const float *x, float *y, size_t n, const float *slope, size_t c) {
  for (size_t r = 0; r < n; r += c) {
    size_t len = n - r < c ? n - r : c, j = 0;
    for (; j + VF_LANES <= len; j += VF_LANES)
      vf_storeu(y + r + j, relu_sloped(vf_loadu(x + r + j), vf_loadu(slope + j)));
    if (j < len)
      vf_store_partial(y + r + j, relu_sloped(vf_load_partial(x + r + j, len - j),
                                              vf_load_partial(slope + j, len - j)), len - j);
  }
}

void SIMDACT_SYM(prelu, exact)(const float *x, float *y, size_t n, const simdact_params *p) {
  static const float no_slope = 0.25f;
  int have = p && p->slope && p->channels;
  const float *slope = have ? p->slope : &no_slope;
  size_t c = have ? p->channels : 1;
  size_t period = c;
  if (c % VF_LANES != 0 && c < PRELU_PATTERN_MAX)
    while (period % VF_LANES) period += c; /* lcm(c, VF_LANES), at most VF_LANES*c */
  if (c % VF_LANES == 0 || period > PRELU_PATTERN_MAX || (c >= VF_LANES && n < 4 * period)) {
    prelu_rows(x, y, n, slope, c);
    return;
  }
  float pattern[PRELU_PATTERN_MAX];
  size_t used = n < period ? n : period;
  for (size_t j = 0, ch = 0; j < used; j++) {
    pattern[j] = slope[ch];
    if (++ch == c) ch = 0;
  }
  /* Whole periods, then the rest; the pattern repeats every period. */
  size_t i = 0;
  for (; i + period <= n; i += period)
    for (size_t j = 0; j < period; j += VF_LANES)
      vf_storeu(y + i + j, relu_sloped(vf_loadu(x + i + j), vf_loadu(pattern + j)));
  prelu_rows(x + i, y + i, n - i, pattern, period);
}
