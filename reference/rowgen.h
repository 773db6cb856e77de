/* The rows of the softmax / log_softmax scans (reference/rows.c), header-only
 * and free of MPFR so that the NEON cross build's tests/kernel_dump makes the
 * very same rows under qemu-aarch64 as the checker on the host.
 *
 * Every value comes from integer arithmetic, one int -> float conversion and
 * scalings by powers of two (exact): no libm call and no product that an FMA
 * contraction could round differently, so the rows are bit-identical on every
 * machine and compiler.
 *
 * A scan is ROWGEN_ADV adversarial samples followed by random ones.  Sample
 * r >= ROWGEN_ADV belongs to random class (r - ROWGEN_ADV) % classes: a
 * distribution (normal, uniform over [-100, 100], logits-like) times a row
 * length (1, 2, 3, 7, 16, 1000, 4096, 65536, 2^20, 2^24, those <= max_len),
 * plus a mixed class (log-uniform length 1 .. max_len, uniform values of a
 * random scale 1/16 .. 128).  A sample is one kernel call over n = rows * cols
 * floats: rows shorter than 1000 go 1024 / cols to a call (the multi-row
 * path), longer ones one to a call.  Adversarial samples (the list below)
 * are one row each; three of them have length max_len. */
#ifndef SIMDACT_ROWGEN_H
#define SIMDACT_ROWGEN_H

#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ref.h"

#define ROWGEN_ADV 30
#define ROWGEN_DISTS 3
#define ROWGEN_LENS 10
#define ROWGEN_DEFAULT_MAX ((size_t)1 << 20)

static const size_t rowgen_lens[ROWGEN_LENS] = {1, 2, 3, 7, 16, 1000, 4096, 65536, (size_t)1 << 20,
                                                (size_t)1 << 24};
static const char *const rowgen_dist_names[ROWGEN_DISTS] = {"normal", "uniform [-100, 100]", "logits-like"};

/* Adversarial samples: name and length (0: max_len). */
static const struct { const char *name; size_t len; } rowgen_adv[ROWGEN_ADV] = {
    {"single element", 1},
    {"+-FLT_MAX (x - max overflows)", 2},
    {"all equal", 3},
    {"spread 1e4", 1000},
    {"ties at the max", 16},
    {"one +inf", 17},
    {"-inf entries", 33},
    {"a NaN", 100},
    {"spread 2e4", 1000},
    {"subnormal entries", 4099},
    {"several +inf", 65},
    {"all -inf", 31},
    {"near e^x overflow (88 + u)", 9},
    {"single -FLT_MAX", 1},
    {"+0 and -0", 2},
    {"1e30 and -1e-30", 257},
    {"one dominant (others 20..100 below)", 1000},
    {"one dominant (30 above normal), long", 0},
    {"subnormal results (max 0, others -104..-86)", 4096},
    {"subnormal differences (FLT_MIN + k 2^-149)", 1000},
    {"ties at the max (every 3rd), long", 0},
    {"all equal, long", 0},
    {"spread 1e4, long", 0},
    {"-inf entries and tied maxima", 7},
    {"two tied maxima, others far below", 64},
    {"one finite among -inf", 4},
    {"logits, temperature 1/50 (spread ~ 400)", 4096},
    {"near FLT_MAX (x - max of huge floats)", 100},
    {"one dominant, all others subnormal results", 999},
    {"one -inf only, length 1 (NaN row)", 1},
};

typedef struct rowgen_rng { uint64_t s; } rowgen_rng;
static inline uint64_t rowgen_next(rowgen_rng *g) { /* splitmix64 */
  uint64_t z = ref_mix64(g->s);
  g->s += 0x9e3779b97f4a7c15ull;
  return z;
}
/* 24 random bits */
static inline int64_t rowgen_u24(rowgen_rng *g) { return (int64_t)(rowgen_next(g) >> 40); }
/* integer below k */
static inline size_t rowgen_below(rowgen_rng *g, size_t k) { return (size_t)(rowgen_next(g) % k); }
/* uniform in [-h, h) for an integer h: (u - 2^23) h 2^-23 */
static inline float rowgen_sym(rowgen_rng *g, int64_t h) {
  return ldexpf((float)((rowgen_u24(g) - (1 << 23)) * h), -23);
}
/* about N(0, 1) * sd for an integer sd: Irwin-Hall sum of 12 uniforms */
static inline float rowgen_normal(rowgen_rng *g, int64_t sd) {
  int64_t s = 0;
  for (int i = 0; i < 12; i++) s += rowgen_u24(g);
  return ldexpf((float)((s - 6 * ((int64_t)1 << 24)) * sd), -24);
}

/* The random classes for max_len: lengths <= max_len, then the mixed class. */
static inline int rowgen_nlens(size_t max_len) {
  int k = 0;
  while (k < ROWGEN_LENS && rowgen_lens[k] <= max_len) k++;
  return k;
}
static inline int rowgen_random_classes(size_t max_len) { return ROWGEN_DISTS * rowgen_nlens(max_len) + 1; }
/* All classes: the adversarial samples, then the random classes. */
static inline int rowgen_classes(size_t max_len) { return ROWGEN_ADV + rowgen_random_classes(max_len); }
static inline int rowgen_class_of(uint64_t r, size_t max_len) {
  return r < ROWGEN_ADV ? (int)r : ROWGEN_ADV + (int)((r - ROWGEN_ADV) % (uint64_t)rowgen_random_classes(max_len));
}
static inline void rowgen_class_name(int cls, size_t max_len, char *buf, size_t len) {
  if (cls < ROWGEN_ADV) {
    size_t n = rowgen_adv[cls].len ? rowgen_adv[cls].len : max_len;
    snprintf(buf, len, "adversarial: %s (cols %zu)", rowgen_adv[cls].name, n);
    return;
  }
  int c = cls - ROWGEN_ADV, nl = rowgen_nlens(max_len);
  if (c == ROWGEN_DISTS * nl) snprintf(buf, len, "mixed: cols log-uniform 1..%zu", max_len);
  else snprintf(buf, len, "%s, cols %zu", rowgen_dist_names[c / nl], rowgen_lens[c % nl]);
}

/* The largest sample (floats) of a scan with this max_len. */
static inline size_t rowgen_max_n(size_t max_len) { return max_len > 1024 ? max_len : 1024; }

/* Sample r of the scan (seed, max_len): its floats in x (room for
 * rowgen_max_n(max_len)), n returned, *cols the row length (divides n). */
static inline size_t rowgen_make(uint64_t r, uint64_t seed, size_t max_len, float *x, size_t *cols) {
  rowgen_rng g = {seed * 0x9e3779b97f4a7c15ull ^ (r + 1) * 0xd1b54a32d192ed03ull};
  size_t n;
  if (r < ROWGEN_ADV) {
    n = rowgen_adv[r].len ? rowgen_adv[r].len : max_len;
    if (n > max_len) n = max_len;
    *cols = n;
    size_t hot = rowgen_below(&g, n);
    for (size_t i = 0; i < n; i++) {
      int64_t u = rowgen_u24(&g);
      float f = ldexpf((float)u, -24); /* [0, 1) */
      switch (r) {
      case 0: x[i] = 5.0f; break;
      case 1: x[i] = i ? -FLT_MAX : FLT_MAX; break;
      case 2: x[i] = 42.0f; break;
      case 3: x[i] = ldexpf((float)((u - (1 << 23)) * 10000), -24); break;
      case 4: x[i] = i % 4 == 0 ? 3.0f : 3.0f * f; break;
      case 5: x[i] = i == 5 ? INFINITY : f; break;
      case 6: x[i] = i % 5 == 0 ? -INFINITY : 10.0f * f; break;
      case 7: x[i] = i == 50 ? NAN : f; break;
      case 8: x[i] = ldexpf((float)((u - (1 << 23)) * 20000), -24); break;
      case 9: x[i] = ldexpf(f, -140); break;
      case 10: x[i] = i % 2 ? INFINITY : 1.0f; break;
      case 11: x[i] = -INFINITY; break;
      case 12: x[i] = 88.0f + f; break;
      case 13: x[i] = -FLT_MAX; break;
      case 14: x[i] = i ? 0.0f : -0.0f; break;
      case 15: x[i] = u & 1 ? 1e30f * f : -1e-30f * f; break;
      case 16: x[i] = i == hot ? 0.0f : -20.0f - ldexpf((float)(u * 80), -24); break;
      case 17: x[i] = i == hot ? 30.0f : rowgen_normal(&g, 1); break;
      case 18: x[i] = i == hot ? 0.0f : -86.0f - ldexpf((float)(u * 18), -24); break;
      case 19: x[i] = FLT_MIN + ldexpf((float)(u >> 10), -149); break;
      case 20: x[i] = i % 3 == 0 ? 7.0f : 7.0f - 8.0f * f; break;
      case 21: x[i] = -3.25f; break;
      case 22: x[i] = ldexpf((float)((u - (1 << 23)) * 10000), -24); break;
      case 23: { static const float v[7] = {-INFINITY, 2, -INFINITY, 2, 1, -INFINITY, 0}; x[i] = v[i % 7]; } break;
      case 24: x[i] = i < 2 ? 1.0f : -150.0f - ldexpf((float)(u * 50), -24); break;
      case 25: x[i] = i == 2 ? 3.0f : -INFINITY; break;
      case 26: x[i] = rowgen_normal(&g, 50); break;
      case 27: x[i] = FLT_MAX - ldexpf((float)(u & 0xffff), 100); break;
      case 28: x[i] = i == hot ? 1.0f : -88.0f - ldexpf((float)(u * 14), -24); break;
      default: x[i] = -INFINITY; break;
      }
    }
    return n;
  }
  int nl = rowgen_nlens(max_len);
  int c = (int)((r - ROWGEN_ADV) % (uint64_t)rowgen_random_classes(max_len));
  if (c == ROWGEN_DISTS * nl) { /* mixed */
    int lg = (int)rowgen_below(&g, 21);
    n = ((size_t)1 << lg) + rowgen_below(&g, (size_t)1 << lg);
    if (n > max_len) n = max_len;
    int sc = (int)rowgen_below(&g, 12) - 4; /* 1/16 .. 128 */
    for (size_t i = 0; i < n; i++) x[i] = ldexpf(rowgen_sym(&g, 1), sc);
    *cols = n;
    return n;
  }
  int dist = c / nl;
  size_t len = rowgen_lens[c % nl];
  *cols = len;
  n = len < 1000 ? 1024 / len * len : len;
  int64_t sd = 1 + 3 * (int64_t)rowgen_below(&g, 4); /* normal: sd 1, 4, 7 or 10 */
  for (size_t i0 = 0; i0 < n; i0 += len) {
    size_t nhot = 1 + rowgen_below(&g, 4);
    for (size_t i = i0; i < i0 + len; i++) {
      if (dist == 0) x[i] = rowgen_normal(&g, sd);
      else if (dist == 1) x[i] = rowgen_sym(&g, 100);
      else x[i] = rowgen_normal(&g, 2);
    }
    /* logits-like: a few classes stand out by 4 .. 16 */
    for (size_t h = 0; dist == 2 && h < nhot; h++)
      x[i0 + rowgen_below(&g, len)] += 4.0f + ldexpf((float)(rowgen_u24(&g) * 12), -24);
  }
  return n;
}

#endif
