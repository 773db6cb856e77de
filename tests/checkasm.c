/* checkasm-style harness: walks the registry, so every kernel added to
 * src/simdact_kernels.h is covered without new code here.
 *
 * For every activation and parameter set, and every kernel of it this CPU runs:
 *   - against its scalar twin on special values and dense random data: bit for
 *     bit for tier exact (NaN against any NaN), else within the sum of both
 *     kernels' bounds;
 *   - against the reference on the same data (tier exact: the correctly
 *     rounded value, bit for bit including the sign of zero);
 *   - every length 0 .. 3*16+1, x and y at different misalignments, in place,
 *     with guard words before and after y that must stay untouched, and x
 *     unchanged when out of place.
 * Parameter sets: NULL (when the API accepts it) plus non-default ones for the
 * activations that take parameters.  Inputs per output are 1, except maxout
 * (k).  The reference is reference/ (ref_f32 and friends, MPFR-backed; not in
 * builds without the tools, such as the NEON cross build, where the kernels
 * are still compared with their scalar twin); rowwise activations (softmax)
 * are compared with their scalar twin only. */
#include "config.h"

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simdact.h"
#include "tap.h"
#ifdef SIMDACT_TOOLS
#include "reference/ref.h"
#endif

#define MAX_LANES 16
#define MAX_TAIL (3 * MAX_LANES + 1)
#define GUARD 16
#define MAX_MISALIGN 4
static const uint32_t guard_bits = 0x7fa5a5a5u; /* a signalling NaN: no kernel makes it */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint32_t rnd32(void) { /* xorshift64* */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return (uint32_t)((rng_state * 0x2545f4914f6cdd1dull) >> 32);
}
static float bits_f(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static uint32_t f_bits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static float rnd_uniform(float lo, float hi) { return lo + (hi - lo) * (float)(rnd32() >> 8) * 0x1p-24f; }

/* ---- inputs ---------------------------------------------------------------- */

static float *inputs;
static size_t ninputs;

static void add_input(float x) { inputs[ninputs++] = x; }

/* x and its neighbours up to 4 ulps either side (crossing zero into the
 * subnormals of the other sign). */
static void add_around(float x) {
  float up = x, down = x;
  add_input(x);
  for (int i = 0; i < 4; i++) {
    up = nextafterf(up, INFINITY);
    down = nextafterf(down, -INFINITY);
    add_input(up);
    add_input(down);
  }
}

static void build_inputs(void) {
  static const uint32_t special[] = {
      0x00000000, 0x80000000, 0x7f800000, 0xff800000,             /* +-0, +-inf */
      0x7fc00000, 0xffc00000, 0x7fc12345, 0xffd00001,             /* quiet NaNs with payloads */
      0x7f800001, 0xffa00000, 0x7fbfffff,                         /* signalling NaNs */
      0x00000001, 0x80000001, 0x00000003, 0x007fffff, 0x807fffff, /* subnormals */
      0x00400000, 0x80400000,
      0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff,             /* FLT_MIN, FLT_MAX */
      0x337fffff, 0x34400000, 0x34400001, 0xb4400000,             /* 2^-24(1-2^-23), 3*2^-24 */
  };
  static const float branch[] = {0.0f, 3.0f, -3.0f, 1.0f, -1.0f, 6.0f, -6.0f, 0.5f, -0.5f,
                                 2.0f, -2.0f, 0x1p-24f, 0x1p-126f, -0x1p-126f, 1e30f, -1e30f};
  size_t cap = 1 << 18;
  inputs = malloc(cap * sizeof *inputs);
  for (size_t i = 0; i < sizeof special / sizeof *special; i++) add_input(bits_f(special[i]));
  for (size_t i = 0; i < sizeof branch / sizeof *branch; i++) add_around(branch[i]);
  /* Under emulation (qemu CPU models, the NEON cross check) a sixteenth. */
  int shift = getenv("SIMDACT_TEST_EMULATED") ? 4 : 0;
  for (int i = 0; i < 1 << (15 - shift); i++) add_input(bits_f(rnd32())); /* every exponent */
  for (int i = 0; i < 1 << (15 - shift); i++) add_input(rnd_uniform(-8.0f, 8.0f)); /* busy range */
  for (int i = 0; i < 1 << (14 - shift); i++) add_input(rnd_uniform(-3.5f, 3.5f));
  for (int i = 0; i < 1 << (13 - shift); i++) add_input(rnd_uniform(-0x1p-20f, 0x1p-20f)); /* near 0 */
  /* Shuffle a copy of the specials into the random part too, so they also meet
   * vector lanes other than the ones the list order gives them. */
  for (size_t i = 0; i < sizeof special / sizeof *special; i++)
    inputs[sizeof special / sizeof *special + 200 + rnd32() % (ninputs / 2)] = bits_f(special[i]);
}

/* ---- parameter sets -------------------------------------------------------- */

typedef struct {
  const char *desc;
  simdact_params p;
  int is_null; /* pass NULL */
} pset;

static float prelu_slopes[1000];

static size_t psets_for(const char *act, pset *out) {
  size_t n = 0;
  memset(out, 0, sizeof *out);
  out[n].desc = "p=NULL";
  out[n++].is_null = 1;
#define PSET(desc_, ...)                    \
  do {                                      \
    out[n].desc = desc_;                    \
    out[n].is_null = 0;                     \
    simdact_params_default(act, &out[n].p); \
    __VA_ARGS__;                            \
    n++;                                    \
  } while (0)
  if (strcmp(act, "linear") == 0) {
    PSET("alpha=1+2^-23 beta=1", out[n].p.alpha = 1.0f + 0x1p-23f, out[n].p.beta = 1.0f);
    PSET("alpha=-2.5 beta=0.75", out[n].p.alpha = -2.5f, out[n].p.beta = 0.75f);
    PSET("alpha=2^-100 beta=2^-130", out[n].p.alpha = 0x1p-100f, out[n].p.beta = 0x1p-130f);
    PSET("alpha=3e38 beta=-1", out[n].p.alpha = 3e38f, out[n].p.beta = -1.0f);
  } else if (strcmp(act, "leaky_relu") == 0) {
    PSET("alpha=0.2", out[n].p.alpha = 0.2f);
    PSET("alpha=-0.5", out[n].p.alpha = -0.5f);
    PSET("alpha=0", out[n].p.alpha = 0.0f);
    PSET("alpha=2^-140", out[n].p.alpha = 0x1p-140f);
    PSET("alpha=3", out[n].p.alpha = 3.0f);
  } else if (strcmp(act, "prelu") == 0) {
    static const size_t channels[] = {1, 3, 16, 17, 37, 100, 1000};
    static const char *const desc[] = {"channels=1", "channels=3", "channels=16", "channels=17",
                                       "channels=37", "channels=100", "channels=1000"};
    for (size_t c = 0; c < sizeof channels / sizeof *channels; c++)
      PSET(desc[c], out[n].p.slope = prelu_slopes, out[n].p.channels = channels[c]);
  } else if (strcmp(act, "maxout") == 0) {
    static const size_t ks[] = {1, 2, 3, 5, 16, 17, 33};
    static const char *const desc[] = {"k=1", "k=2", "k=3", "k=5", "k=16", "k=17", "k=33"};
    for (size_t c = 0; c < sizeof ks / sizeof *ks; c++) PSET(desc[c], out[n].p.k = ks[c]);
  }
#undef PSET
  return n;
}

static const simdact_params *pptr(const pset *s) { return s->is_null ? NULL : &s->p; }

/* Inputs read per output. */
static size_t span_of(const char *act, const simdact_params *p) {
  return strcmp(act, "maxout") == 0 ? (p ? p->k : 1) : 1;
}

/* ---- comparisons ----------------------------------------------------------- */

static int same(float a, float b) { return f_bits(a) == f_bits(b) || (a != a && b != b); }

/* |a - b| in ulps of the smaller magnitude's binade (DESIGN.md metric with b
 * standing in for the exact value); NaN against NaN is 0, NaN against a number
 * is infinite, infinities count as 2^128. */
static double ulp_diff(float a, float b) {
  if (a != a || b != b) return (a != a && b != b) ? 0.0 : INFINITY;
  if (a == b) return 0.0;
  double da = isinf(a) ? copysign(0x1p128, a) : a, db = isinf(b) ? copysign(0x1p128, b) : b;
  double m = fmin(fabs(da), fabs(db));
  int e = m == 0.0 ? ilogb(fmax(fabs(da), fabs(db))) : ilogb(m);
  if (e < -126) e = -126;
  return fabs(da - db) / ldexp(1.0, e - 23);
}

static int is_exact(const simdact_kernel *k) { return strcmp(k->tier, "exact") == 0; }

/* y against want (the twin's outputs): the first bad index, or n. */
static size_t first_mismatch(const simdact_kernel *k, const simdact_kernel *twin, const float *y,
                             const float *want, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (is_exact(k) && is_exact(twin) ? !same(y[i], want[i])
                                      : !(ulp_diff(y[i], want[i]) <= k->max_ulp + twin->max_ulp))
      return i;
  }
  return n;
}

/* ---- the reference --------------------------------------------------------- */

static int is_maxout(const char *act) { return strcmp(act, "maxout") == 0; }

/* ref[0..nout) for inputs x (nout * span floats): the correctly rounded
 * values.  0 when there is no reference here. */
static int reference(const char *act, const float *x, size_t nout, const simdact_params *p,
                     float *ref) {
#ifdef SIMDACT_TOOLS
  int id = ref_act_id(act);
  if (id < 0) return 0;
  if (is_maxout(act)) {
    size_t k = p ? p->k : 1;
    for (size_t i = 0; i < nout; i++) ref[i] = ref_maxout_f32(x + i * k, k);
    return 1;
  }
  if (!ref_act_elementwise(id)) return 0;
  ref_par q;
  ref_par_init(&q, id, p);
  for (size_t i = 0; i < nout; i++)
    ref[i] = strcmp(act, "prelu") == 0 && p ? ref_prelu_f32(x[i], p->slope[i % p->channels])
                                            : ref_f32_id(&q, x[i]);
  return 1;
#else
  (void)act, (void)x, (void)nout, (void)p, (void)ref;
  return 0;
#endif
}

/* Within the kernel's bound of the exact value, for tiers other than exact.
 * The correctly rounded value always is (an overflow to inf scores far
 * above any bound in the metric, which counts inf as 2^128). */
static int within_bound(const simdact_kernel *k, const float *x, size_t i, const simdact_params *p,
                        float y, float ref) {
  if (same(y, ref)) return 1;
#ifdef SIMDACT_TOOLS
  if (!is_maxout(k->act)) {
    simdact_params one;
    if (strcmp(k->act, "prelu") == 0 && p) {
      one = *p;
      one.slope = p->slope + i % p->channels;
      one.channels = 1;
      p = &one;
    }
    return ref_ulp_error(k->act, x[i], y, p) <= k->max_ulp;
  }
#endif
  (void)x, (void)i, (void)p;
  return ulp_diff(y, ref) <= k->max_ulp;
}

/* Failures found by this harness in other people's kernels and reported to
 * them; reported as TODO (expected failures) until fixed, then they pass
 * plainly.  Remove an entry with its fix. */
static const struct {
  const char *kernel, *why;
} known_failures[] = {
    /* {"tanh.u1.avx2", "1 ULP at 0x00800001 (bound 0.63)"}: fixed in c38cd10 */
    {NULL, NULL},
};

static const char *known_failure(const simdact_kernel *k) {
  for (size_t i = 0; known_failures[i].kernel; i++)
    if (strcmp(known_failures[i].kernel, k->name) == 0) return known_failures[i].why;
  return NULL;
}

/* ---- tests ----------------------------------------------------------------- */

static void diag_mismatch(const char *what, const simdact_kernel *k, const float *x, size_t span,
                          size_t i, float got, float want) {
  tap_diag("%s: %s output %zu (input 0x%08" PRIx32 " %a%s): got 0x%08" PRIx32 " %a, want 0x%08" PRIx32
           " %a",
           what, k->name, i, f_bits(x[i * span]), x[i * span], span > 1 ? " ..." : "", f_bits(got),
           got, f_bits(want), want);
}

/* Every length 0..MAX_TAIL, misaligned x and y, out of place and in place,
 * guards around y.  Returns a description of the first failure, or NULL. */
static const char *check_tails(const simdact_kernel *k, const simdact_kernel *twin,
                               const simdact_params *p, size_t span, char *msg, size_t msglen) {
  size_t cap = GUARD + MAX_MISALIGN + MAX_TAIL * span + GUARD;
  float *xb = malloc(cap * sizeof *xb), *yb = malloc(cap * sizeof *yb);
  float *want = malloc((MAX_TAIL + 1) * sizeof *want), *src = malloc(MAX_TAIL * span * sizeof *src);
  const char *fail = NULL;
  for (size_t mis = 0; mis < MAX_MISALIGN && !fail; mis++) {
    for (size_t n = 0; n <= MAX_TAIL && !fail; n++) {
      size_t nin = n * span, start = rnd32() % (ninputs - nin);
      memcpy(src, inputs + start, nin * sizeof *src);
      if (n) twin->fn(src, want, n, p);
      for (int inplace = 0; inplace < 2 && !fail; inplace++) {
        size_t xoff = GUARD + mis, yoff = GUARD + (inplace ? mis : (mis + 1) % MAX_MISALIGN);
        for (size_t i = 0; i < cap; i++) yb[i] = bits_f(guard_bits);
        float *x = inplace ? yb + yoff : xb + xoff, *y = yb + yoff;
        memcpy(x, src, nin * sizeof *src);
        k->fn(x, y, n, p);
        size_t bad = first_mismatch(k, twin, y, want, n);
        if (bad < n) {
          diag_mismatch(inplace ? "in place" : "out of place", k, src, span, bad, y[bad], want[bad]);
          snprintf(msg, msglen, "n=%zu misalign=%zu %s: output %zu differs", n, mis,
                   inplace ? "in place" : "out of place", bad);
          fail = msg;
        }
        size_t written_end = yoff + (inplace ? nin : n);
        for (size_t i = 0; i < cap && !fail; i++) {
          int guarded = i < yoff || i >= written_end;
          if (guarded && f_bits(yb[i]) != guard_bits) {
            snprintf(msg, msglen, "n=%zu misalign=%zu %s: wrote y[%td]", n, mis,
                     inplace ? "in place" : "out of place", (ptrdiff_t)i - (ptrdiff_t)yoff);
            fail = msg;
          }
        }
        /* in place: the inputs past the n outputs stay; out of place: x stays */
        const float *keep = inplace ? y + n : x;
        const float *orig = inplace ? src + n : src;
        size_t nkeep = inplace ? nin - n : nin;
        for (size_t i = 0; i < nkeep && !fail; i++)
          if (f_bits(keep[i]) != f_bits(orig[i])) {
            snprintf(msg, msglen, "n=%zu misalign=%zu %s: changed input %zu", n, mis,
                     inplace ? "in place" : "out of place", i + (inplace ? n : 0));
            fail = msg;
          }
      }
    }
  }
  free(xb);
  free(yb);
  free(want);
  free(src);
  return fail;
}

static void check_kernel(const simdact_kernel *k, const simdact_kernel *twin, const pset *s,
                         const float *ref, const float *want) {
  const simdact_params *p = pptr(s);
  size_t span = span_of(k->act, p), nout = ninputs / span;
  float *y = malloc(nout * sizeof *y);
  char msg[200];

  k->fn(inputs, y, nout, p);
  if (k != twin) {
    size_t bad = first_mismatch(k, twin, y, want, nout);
    if (bad < nout) diag_mismatch("vs scalar", k, inputs, span, bad, y[bad], want[bad]);
    tap_ok(bad == nout, "%s %s: agrees with %s on %zu outputs (%s)", k->name, s->desc, twin->name,
           nout, is_exact(k) ? "bit for bit" : "within both bounds");
  }
  if (ref) {
    size_t bad = nout;
    for (size_t i = 0; i < nout && bad == nout; i++)
      if (is_exact(k) ? !same(y[i], ref[i]) : !within_bound(k, inputs, i, p, y[i], ref[i])) bad = i;
    if (bad < nout) diag_mismatch("vs reference", k, inputs, span, bad, y[bad], ref[bad]);
    if (known_failure(k))
      tap_todo(bad == nout, known_failure(k), "%s %s: matches the reference on %zu outputs", k->name,
               s->desc, nout);
    else
      tap_ok(bad == nout, "%s %s: matches the reference on %zu outputs", k->name, s->desc, nout);
  } else {
    tap_skip("%s %s: no reference for %s here", k->name, s->desc, k->act);
  }
  const char *fail = check_tails(k, twin, p, span, msg, sizeof msg);
  tap_ok(!fail, "%s %s: lengths 0..%d, misaligned, in place, guards%s%s", k->name, s->desc,
         MAX_TAIL, fail ? ": " : "", fail ? fail : "");
  free(y);
}

int main(void) {
  build_inputs();
  for (size_t i = 0; i < sizeof prelu_slopes / sizeof *prelu_slopes; i++) {
    static const float pick[] = {0.25f, 0.0f, -1.0f, 1e-40f, 2.5f, -0.0f};
    prelu_slopes[i] = i < 6 ? pick[i] : rnd_uniform(-2.0f, 2.0f);
  }
  size_t count = simdact_kernel_count(), tested = 0;
  for (size_t a = 0; a < count; a++) {
    const simdact_kernel *first = simdact_kernel_at(a);
    /* one pass per (act, tier): at its scalar kernel */
    if (strcmp(first->isa, "scalar") != 0) continue;
    const simdact_kernel *twin = first;
    pset sets[16];
    size_t nsets = psets_for(twin->act, sets);
    for (size_t si = 0; si < nsets; si++) {
      const pset *s = &sets[si];
      const simdact_params *p = pptr(s);
      float probe_x[64] = {0}, probe_y[64];
      if (simdact_run(twin, probe_x, probe_y, 1, p) != SIMDACT_OK) {
        tap_diag("%s.%s %s: the API refuses these parameters; skipped", twin->act, twin->tier, s->desc);
        continue;
      }
      size_t span = span_of(twin->act, p), nout = ninputs / span;
      float *want = malloc(nout * sizeof *want), *ref = malloc(nout * sizeof *ref);
      twin->fn(inputs, want, nout, p);
      int have_ref = reference(twin->act, inputs, nout, p, ref);
      for (size_t b = 0; b < count; b++) {
        const simdact_kernel *k = simdact_kernel_at(b);
        if (strcmp(k->act, twin->act) || strcmp(k->tier, twin->tier)) continue;
        if (!simdact_isa_supported(k->isa)) {
          if (si == 0) tap_skip("%s: this CPU does not run %s", k->name, k->isa);
          continue;
        }
        check_kernel(k, twin, s, have_ref ? ref : NULL, want);
        tested++;
      }
      free(want);
      free(ref);
    }
  }
  tap_ok(tested > 0, "%zu (kernel, parameter set) pairs checked", tested);
  free(inputs);
  return tap_done();
}
