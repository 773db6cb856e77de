/* The ULP metric and the exact-tier references against hand-computed cases
 * and against independent single IEEE operations (hardware float multiply and
 * fmaf are correctly rounded, subnormals included). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "reference/ref.h"
#include "tap.h"

static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static int same(float a, float b) { return (isnan(a) && isnan(b)) || fbits(a) == fbits(b); }

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint32_t rnd32(void) {
  rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
  return (uint32_t)(rng >> 16);
}
static float rndf(void) {
  float f;
  do { uint32_t u = rnd32(); memcpy(&f, &u, 4); } while (isnan(f));
  return f;
}

int main(void) {
  /* ---- the metric against hand-computed values ---- */
  tap_ok(ref_ulp_dd(1.0, 0, 1.0f) == 0, "exact value scores 0");
  tap_ok(ref_ulp_dd(1.0, 0, nextafterf(1.0f, 2.0f)) == 1.0, "one float above 1 scores 1");
  tap_ok(ref_ulp_dd(1.0, 0, nextafterf(1.0f, 0.0f)) == 0.5, "one float below 1 scores 0.5 (binade of f)");
  tap_ok(ref_ulp_dd(1.0, -0x1p-30, 1.0f) == 0x1p-6, "f = 1 - 2^-30, y = 1: 2^-6 (binade below 1)");
  tap_ok(ref_ulp_dd(1.0, -0x1p-30, nextafterf(1.0f, 0.0f)) == 1 - 0x1p-6,
         "f = 1 - 2^-30, y = 1 - 2^-24: 1 - 2^-6");
  tap_ok(ref_ulp_dd(1.0 + 0x1p-24, 0, 1.0f) == 0.5 && ref_ulp_dd(1.0 + 0x1p-24, 0, 1.0f + 0x1p-23f) == 0.5,
         "midpoint scores 0.5 both ways");
  tap_ok(ref_ulp_dd(1.0 + 0x1p-25, 0, 1.0f) == 0.25, "quarter ULP");
  tap_ok(ref_ulp_dd(1.25 * 0x1p-149, 0, 0x1p-149f) == 0.25, "subnormal f: 0.25");
  tap_ok(ref_ulp_dd(1.25 * 0x1p-149, 0, 0.0f) == 1.25, "subnormal f, y = 0: 1.25");
  tap_ok(ref_ulp_dd(1.25 * 0x1p-149, 0, 0x1p-148f) == 0.75, "subnormal f, y = 2^-148: 0.75");
  tap_ok(ref_ulp_dd(0x1p-130, 0, 0.0f) == 0x1p19, "subnormal floor: f = 2^-130, y = 0 is 2^19 ULP");
  tap_ok(ref_ulp_dd(0.0, 0, 0x1p-149f) == 1.0, "f = 0, y = smallest subnormal: 1");
  tap_ok(ref_ulp_dd(-0.0, 0, 0.0f) == 0 && ref_ulp_dd(0.0, 0, -0.0f) == 0, "+0 and -0 are equal");
  tap_ok(ref_ulp_dd(0x1p-126, 0, 0x1p-126f + 0x1p-149f) == 1.0, "smallest normal: 1 ULP is 2^-149");
  tap_ok(ref_ulp_dd(INFINITY, 0, INFINITY) == 0, "inf vs inf: 0");
  tap_ok(ref_ulp_dd(FLT_MAX, 0, INFINITY) == 1.0, "f = FLT_MAX, y = inf (as 2^128): 1 ULP");
  tap_ok(ref_ulp_dd(INFINITY, 0, FLT_MAX) == 0.5, "f = inf (as 2^128), y = FLT_MAX: 0.5 (binade 2^128)");
  tap_ok(ref_ulp_dd(3.6e38, 0, INFINITY) == 0 && ref_ulp_dd(-3.6e38, 0, -INFINITY) == 0,
         "f beyond the overflow threshold, y = inf (the correctly rounded value): 0");
  tap_ok(ref_ulp_error("selu", FLT_MAX, INFINITY, NULL) == 0 && ref_f32("selu", FLT_MAX, NULL) == INFINITY,
         "selu(FLT_MAX) rounds to inf and inf scores 0");
  tap_ok(ref_ulp_dd(3.6e38, 0, FLT_MAX) > 0.5, "f beyond the threshold, y = FLT_MAX: more than 0.5");
  tap_ok(ref_ulp_dd(NAN, 0, NAN) == 0, "NaN vs NaN: 0");
  tap_ok(isinf(ref_ulp_dd(NAN, 0, 1.0f)) && isinf(ref_ulp_dd(1.0, 0, NAN)), "NaN vs number: inf");
  tap_ok(ref_ulp_dd(-3.0, 0, -3.0f - 0x1p-22f) == 1.0, "negative values: 1 ULP");

  /* ---- correctly rounded results score <= 0.5, neighbours > 0.5 ---- */
  static const char *const acts[] = {"sigmoid", "tanh", "gelu", "elu", "softplus", "mish",
                                     "swish", "selu", "gelu_tanh", "softsign", "hard_swish"};
  int okr = 1, okn = 1;
  double worst_r = 0, best_n = 1e9;
  for (int i = 0; i < 2000; i++) {
    const char *a = acts[i % 11];
    float x = (float)((int)(rnd32() % 4001) - 2000) / 128.0f * (i % 3 ? 1.0f : 0.01f);
    float r = ref_f32(a, x, NULL);
    double e = ref_ulp_error(a, x, r, NULL);
    if (e > worst_r) worst_r = e;
    if (!(e <= 0.5)) okr = 0;
    if (r == 0 || isinf(r)) continue;
    for (int d = -1; d <= 1; d += 2) {
      float n = nextafterf(r, d * INFINITY);
      double en = ref_ulp_error(a, x, n, NULL);
      if (en < best_n) best_n = en;
      if (!(en > 0.5 && en <= 3.0)) okn = 0; /* up to 3: r = 2^k with f just below it */
    }
  }
  tap_ok(okr, "2000 correctly rounded results score <= 0.5 (worst %.6f)", worst_r);
  tap_ok(okn, "their neighbours score in (0.5, 3] (least %.6f)", best_n);

  /* ---- exact tier against single IEEE operations ---- */
  int ok_l = 1, ok_lr = 1, ok_p = 1, ok_r = 1;
  simdact_params lp = {0};
  for (int i = 0; i < 200000; i++) {
    float a = rndf(), b = rndf(), x = rndf();
    if (i % 4 == 0) { a = (float)(rnd32() % 1000) / 64.0f; b = ldexpf((float)(rnd32() % 3) - 1.0f, -(int)(rnd32() % 160)); }
    lp.alpha = a; lp.beta = b;
    if (isfinite(x) && !same(ref_f32("linear", x, &lp), fmaf(a, x, b)) && a != 0) ok_l = 0;
    if (!same(ref_f32("leaky_relu", x, NULL), x > 0 ? x : 0.01f * x)) ok_lr = 0;
    if (!same(ref_prelu_f32(x, a), x > 0 ? x : a * x) && isfinite(x)) ok_p = 0;
    if (!same(ref_f32("relu", x, NULL), x > 0 ? x : 0.0f)) ok_r = 0;
  }
  tap_ok(ok_l, "linear equals fmaf(a, x, b) on 200000 random triples (ties, subnormals)");
  tap_ok(ok_lr, "leaky_relu equals x > 0 ? x : 0.01f*x");
  tap_ok(ok_p, "prelu equals x > 0 ? x : slope*x");
  tap_ok(ok_r, "relu equals x > 0 ? x : +0");
  simdact_params tie = {.alpha = 1.0f + 0x1p-12f, .beta = -0x1p-149f};
  tap_ok(ref_f32("linear", 1.0f + 0x1p-12f, &tie) == 1.0f + 0x1p-11f,
         "linear: product on a midpoint, tiny b breaks the tie downwards");
  tap_ok(ref_f32("hard_sigmoid", 0x1p-24f * 3, NULL) == 0.5f, "hard_sigmoid: tie to even (down)");
  tap_ok(ref_f32("hard_sigmoid", 0x1p-24f * 9, NULL) == 0.5f + 0x1p-23f, "hard_sigmoid: tie to even (up)");
  tap_ok(ref_f32("hard_sigmoid", -3.0f, NULL) == 0 && ref_f32("hard_sigmoid", 3.0f, NULL) == 1,
         "hard_sigmoid clamps at +-3");
  tap_ok(ref_f32("hard_sigmoid", 1.0f, NULL) == 2.0f / 3.0f, "hard_sigmoid(1) = 2/3 rounded");
  float hs = ref_f32("hard_swish", -3.0f, NULL), hs4 = ref_f32("hard_swish", -4.0f, NULL);
  tap_ok(hs == 0 && signbit(hs) && hs4 == 0 && signbit(hs4), "hard_swish(x <= -3) = -0");
  tap_ok(ref_f32("hard_swish", 1.0f, NULL) == 4.0f / 6.0f && ref_f32("hard_swish", 3.0f, NULL) == 3.0f,
         "hard_swish(1) = 2/3, hard_swish(3) = 3");
  tap_ok(ref_f32("hard_swish", 0x1p-140f, NULL) == 0x1p-141f, "hard_swish(tiny) = x/2 (subnormal exact)");
  tap_ok(ref_f32("binary_step", 0x1p-149f, NULL) == 1 && ref_f32("binary_step", 0.0f, NULL) == 0 &&
         !signbit(ref_f32("binary_step", -1.0f, NULL)), "binary_step: 1 above 0, +0 otherwise");
  float mx1[2] = {-0.0f, 0.0f}, mx2[3] = {1.0f, NAN, 2.0f}, mx3[2] = {-INFINITY, -3.0f};
  tap_ok(!signbit(ref_maxout_f32(mx1, 2)) && isnan(ref_maxout_f32(mx2, 3)) && ref_maxout_f32(mx3, 2) == -3,
         "maxout: +0 > -0, NaN wins, -inf loses");

  /* ---- the exact tier's fast rounded batch agrees with ref_f32 ---- */
  static const char *const ex[] = {"binary_step", "relu", "leaky_relu", "linear", "hard_sigmoid", "hard_swish", "prelu"};
  static float bx[4096], br[4096];
  for (size_t a = 0; a < sizeof ex / sizeof *ex; a++) {
    simdact_params lp2 = {.alpha = 1.5f, .beta = 0.375f};
    const simdact_params *pp = strcmp(ex[a], "linear") == 0 ? &lp2 : NULL;
    ref_par q;
    ref_par_init(&q, ref_act_id(ex[a]), pp);
    long bad = 0, done = 0;
    for (int rep = 0; rep < 64; rep++) {
      for (int i = 0; i < 4096; i++) {
        bx[i] = rndf();
        if (i % 2) bx[i] = ldexpf(bx[i], -(int)(rnd32() % 200)) ; /* small and subnormal too */
        if (i % 7 == 0) bx[i] = (float)((int)(rnd32() % 12001) - 6000) / 1000.0f; /* around +-3 */
        if (i % 11 == 0) bx[i] = 3.0f * (float)((int)(rnd32() % 4097)) * 0x1p-24f; /* ties */
      }
      if (!ref_round_batch(&q, bx, 4096, br)) break;
      for (int i = 0; i < 4096; i++, done++) bad += !same(br[i], ref_f32(ex[a], bx[i], pp));
    }
    tap_ok(done > 0 && bad == 0, "%s: fast rounded batch equals ref_f32 on %ld inputs (%ld differ)", ex[a], done, bad);
  }

  /* ---- special values ---- */
  float v;
  tap_ok((v = ref_f32("sigmoid", -INFINITY, NULL)) == 0 && !signbit(v), "sigmoid(-inf) = +0");
  tap_ok(ref_f32("tanh", INFINITY, NULL) == 1 && ref_f32("tanh", -INFINITY, NULL) == -1, "tanh(+-inf) = +-1");
  tap_ok((v = ref_f32("gelu", -INFINITY, NULL)) == 0 && signbit(v), "gelu(-inf) = -0");
  tap_ok(ref_f32("elu", -INFINITY, NULL) == -1, "elu(-inf) = -alpha");
  tap_ok(ref_f32("selu", -INFINITY, NULL) == (float)(-1.0507009873554805 * 1.6732632423543772),
         "selu(-inf) = -lambda*alpha");
  tap_ok(isnan(ref_f32("relu", NAN, NULL)) && isnan(ref_f32("sigmoid", -NAN, NULL)), "NaN -> NaN");
  tap_ok((v = ref_f32("tanh", -0.0f, NULL)) == 0 && signbit(v), "tanh(-0) = -0");
  tap_ok((v = ref_f32("relu", -0.0f, NULL)) == 0 && !signbit(v), "relu(-0) = +0");
  tap_ok(ref_f32("sigmoid", 0.0f, NULL) == 0.5f && ref_f32("softplus", -0.0f, NULL) == (float)M_LN2,
         "sigmoid(0) = 0.5, softplus(-0) = ln 2");
  tap_ok((v = ref_f32("swish", -200.0f, NULL)) == 0 && signbit(v), "swish(-200) underflows to -0");
  tap_ok(ref_f32("sigmoid", -100.0f, NULL) == (float)exp(-100.0), "sigmoid(-100) = e^-100 (subnormal-free)");
  tap_ok(ref_f32("sigmoid", -103.0f, NULL) > 0 && ref_f32("sigmoid", -103.0f, NULL) < FLT_MIN,
         "sigmoid(-103) is a subnormal, not flushed");
  tap_ok(ref_ulp_error("sigmoid", 0.0f, 0.5f, NULL) == 0, "sigmoid(0) = 0.5 exactly scores 0");
  return tap_done();
}
