/* The scan driver (see scan.h).  Work is cut into chunks that threads take in
 * turn; each chunk keeps its own statistics, merged in chunk order at the
 * end, so a scan gives the same numbers on any number of threads. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ref_impl.h"
#include "scan.h"

#define BATCH 2048  /* inputs per kernel call: the batch's arrays stay in L1 */
#define OUTS_STRIDE (2 * BATCH + 64)
#define GAP 9      /* every GAP-th slot of a kernel's input is a neighbour special */

/* Neighbours put between the scanned inputs, and maxout's second values:
 * NaNs (quiet, negative with payload, signalling), infinities, extremes,
 * subnormals, signed zeros, and arbitrary bit patterns. */
static const uint32_t garbage_bits[] = {
    0x7fc00000u, 0xffc12345u, 0x7f800001u, 0x7f800000u, 0xff800000u, 0x7f7fffffu,
    0xff7fffffu, 0x00000001u, 0x807fffffu, 0x80000000u, 0x00000000u, 0x7149f2cau,
    0xf149f2cau, 0x3f800000u, 0xdeadbeefu, 0x12345678u, 0xc2c80000u, 0x42c80000u};
#define NG (sizeof garbage_bits / sizeof *garbage_bits)

/* SCAN_SAMPLES starts with these. */
static const uint32_t special_bits[] = {
    0x00000000u, 0x80000000u, 0x00000001u, 0x80000001u, 0x007fffffu, 0x807fffffu,
    0x00800000u, 0x80800000u, 0x3f800000u, 0xbf800000u, 0x3f000000u, 0xbf000000u,
    0x40400000u, 0xc0400000u, 0x7f7fffffu, 0xff7fffffu, 0x7f800000u, 0xff800000u,
    0x7fc00000u, 0xffc00000u, 0x7f800001u, 0x7fffffffu, 0x33800000u, 0xb3800000u,
    0x42b00000u, 0xc2b00000u, 0x42cf0000u, 0xc2cf0000u, 0x41200000u, 0xc1200000u};
#define NSPECIAL (sizeof special_bits / sizeof *special_bits)

/* order-preserving map of non-NaN floats to unsigned integers */
static inline uint32_t to_ordered(uint32_t u) { return (u & 0x80000000u) ? ~u : u | 0x80000000u; }
static inline uint32_t from_ordered(uint32_t o) { return (o & 0x80000000u) ? o & 0x7fffffffu : ~o; }

struct scan {
  const scan_config *cfg;
  const scan_kernel *ks;
  size_t nk;
  ref_par q;
  simdact_params kp;
  int maxout;
  uint64_t total, chunk, nchunks;
  uint32_t range_lo; /* ordered */
  atomic_uint_fast64_t next, done;
  scan_stats *cs;    /* nchunks * nk */
  uint32_t *gref;    /* nk * NG: each kernel's own answer for each neighbour */
};

static inline uint32_t input_bits(const struct scan *s, uint64_t i) {
  switch (s->cfg->mode) {
  case SCAN_ALL: return (uint32_t)i;
  case SCAN_RANGE: return from_ordered(s->range_lo + (uint32_t)i);
  case SCAN_SAMPLES: return i < NSPECIAL ? special_bits[i] : (uint32_t)ref_mix64(s->cfg->seed ^ (i * 0x2545f4914f6cdd1dull));
  case SCAN_LIST: return ref_fbits(s->cfg->list[i]);
  }
  return 0;
}

static inline int same_result(uint32_t a, uint32_t b) {
  float fa = ref_bitsf(a), fb = ref_bitsf(b);
  return a == b || (isnan(fa) && isnan(fb));
}

/* The metric against hi + lo (inline twin of ref_ulp_dd for the hot loop). */
static inline double fast_scale(double hi, double lo) {
  if (hi == 0) return 0x1p-149;
  uint64_t b = ref_dbits(hi);
  int e = (int)((b >> 52) & 0x7ff) - 1023;
  if (e == -1023) e = ilogb(hi);
  if ((b & 0x000fffffffffffffull) == 0 && lo != 0 && ((lo < 0) != (hi < 0))) e -= 1;
  if (e < -126) e = -126;
  uint64_t sb = (uint64_t)(e - 23 + 1023) << 52;
  double sc;
  memcpy(&sc, &sb, 8);
  return sc;
}

/* Whether the binade of v = hi + lo can change within err (strictly: the
 * bounds are strict for every transcendental value). */
static inline int binade_open(const ref_dd *v) {
  if (v->err == 0 || v->hi == 0 || !isfinite(v->hi)) return v->hi == 0 && v->err > 0x1p-126;
  double a = fabs(v->hi), sl = v->hi < 0 ? -v->lo : v->lo;
  int e = ref_ilogb(a);
  double p0 = ldexp(1.0, e), p1 = ldexp(1.0, e + 1);
  if (e >= -125 && fabs((a - p0) + sl) < v->err) return 1;
  if (fabs((p1 - a) - sl) < v->err) return 1;
  return 0;
}

static void escalate(struct scan *s, float x, ref_dd *v, float *r) {
  ref_exact e;
  ref_mpfr_eval(&s->q, x, NULL, &e);
  v->hi = e.hi;
  v->lo = e.lo;
  v->err = 0;
  *r = e.r;
}

static inline void note_x(uint64_t cnt, uint32_t *slot, uint32_t x) {
  if (cnt == 1) *slot = x;
}

void scan_merge(scan_stats *a, const scan_stats *b) {
  if (b->max_set && (b->max_ulp > a->max_ulp || !a->max_set)) {
    a->max_ulp = b->max_ulp; a->max_x = b->max_x; a->max_y = b->max_y; a->max_set = 1;
  }
  if (b->max_abs > a->max_abs) { a->max_abs = b->max_abs; a->max_abs_x = b->max_abs_x; }
  if (b->max_rel > a->max_rel) { a->max_rel = b->max_rel; a->max_rel_x = b->max_rel_x; }
  if (!a->nonfinite && b->nonfinite) a->nonfinite_x = b->nonfinite_x;
  if (!a->zero_sign && b->zero_sign) a->zero_sign_x = b->zero_sign_x;
  if (!a->wrong_rounding && b->wrong_rounding) a->wrong_x = b->wrong_x;
  a->count += b->count; a->sum_ulp += b->sum_ulp;
  a->over_half += b->over_half; a->over_1 += b->over_1; a->over_2 += b->over_2;
  a->over_bound += b->over_bound; a->wrong_rounding += b->wrong_rounding;
  a->nonfinite += b->nonfinite; a->zero_sign += b->zero_sign; a->lane += b->lane;
}

struct tbuf {
  float x[BATCH], r[BATCH], comp[BATCH];
  ref_dd v[BATCH];
  unsigned char esc[BATCH];
  uint32_t pos[BATCH];
  float in[2 * BATCH + 64], out[2 * BATCH + 64], expect[2 * BATCH + 64];
  uint32_t gidx[BATCH / (GAP - 1) + 8], gpos[BATCH / (GAP - 1) + 8];
  double ur[BATCH], ab[BATCH], rl[BATCH]; /* figures of r itself */
  unsigned char rnan[BATCH];
  /* each kernel's outputs and figures for the current batch: a kernel whose
   * outputs equal an earlier one's bit for bit (ISAs of one tier usually
   * pair up: with FMA and without) takes its figures without rescoring */
  float *outs;        /* nk * (2 * BATCH + 64) */
  scan_stats *bstats; /* nk */
};

int scan_score(scan_stats *st, double bound, uint32_t xb, const ref_dd *v, float r, float y, int exact_ref) {
  uint32_t yb = ref_fbits(y), rb = ref_fbits(r);
  int yn = isnan(y), rn = isnan(r);
  if (yn || rn || isinf(y) || isinf(r)) {
    if (yn && rn) { st->count++; return 0; }
    if (yn != rn || yb != rb) {
      st->nonfinite++; note_x(st->nonfinite, &st->nonfinite_x, xb);
      st->wrong_rounding++; note_x(st->wrong_rounding, &st->wrong_x, xb);
      return 0;
    }
  }
  double Y = isinf(y) ? copysign(0x1p128, y) : (double)y;
  double hi = isinf(v->hi) ? copysign(0x1p128, v->hi) : v->hi, lo = isinf(v->hi) ? 0 : v->lo;
  double sc = fast_scale(hi, lo);
  /* |y - f| as an exact double-double dh + dl (Y - hi is exact near f) */
  double dh, dl;
  ref_two_sum(Y - hi, -lo, &dh, &dl);
  if (dh < 0) { dh = -dh; dl = -dl; }
  double diff = dh + dl, ulp = diff / sc;
  /* the figure against each threshold T, decided exactly: sign of (|y-f| - T sc) */
  static const double thr[3] = {0.5, 1, 2};
  int over[4];
  double ts[4] = {thr[0] * sc, thr[1] * sc, thr[2] * sc, bound * sc};
  int correct = yb == rb || (y == 0 && r == 0);
  /* escalate only where the reference's uncertainty is more than 2^-60 ULP:
   * below that, a wrong count would need f within 2^-84 relative of a float
   * grid point (chance 2^-28 over all 2^32 inputs), and the sign of a sticky
   * underflowed tail (ref.c) is exact */
  int open_ok = !correct && v->err > 0 && !exact_ref && v->err > 0x1p-60 * sc;
  for (int i = 0; i < 4; i++) {
    double g = (dh - ts[i]) + dl;
    over[i] = g > 0;
    if (open_ok && fabs(g) < v->err * 1.0001 && isfinite(ts[i]))
      return 1; /* the reference's error reaches the threshold: the caller escalates */
  }
  if (correct) {
    /* r is the correctly rounded value: within half an ULP */
    if (ulp > 0.5) ulp = 0.5;
    over[0] = over[1] = over[2] = 0;
    over[3] = bound < 0.5 && ulp > bound;
  } else if (open_ok && binade_open(v)) {
    return 1;
  }
  if (yb != rb) {
    if (y == 0 && r == 0) { st->zero_sign++; note_x(st->zero_sign, &st->zero_sign_x, xb); }
    else { st->wrong_rounding++; note_x(st->wrong_rounding, &st->wrong_x, xb); }
  }
  st->count++;
  st->sum_ulp += ulp;
  if (ulp > st->max_ulp || !st->max_set) { st->max_ulp = ulp; st->max_x = xb; st->max_y = y; st->max_set = 1; }
  st->over_half += over[0];
  st->over_1 += over[1];
  st->over_2 += over[2];
  st->over_bound += over[3];
  if (isfinite(y) && isfinite(v->hi)) {
    if (diff > st->max_abs) { st->max_abs = diff; st->max_abs_x = xb; }
    double f = fabs(hi + lo);
    if (f > 0 && diff / f > st->max_rel) { st->max_rel = diff / f; st->max_rel_x = xb; }
  }
  return 0;
}

static void score(struct scan *s, struct tbuf *t, size_t j, const scan_kernel *k, scan_stats *st, float y) {
  if (scan_score(st, k->bound, ref_fbits(t->x[j]), &t->v[j], t->r[j], y, t->esc[j])) {
    escalate(s, t->x[j], &t->v[j], &t->r[j]);
    t->esc[j] = 1;
    scan_score(st, k->bound, ref_fbits(t->x[j]), &t->v[j], t->r[j], y, 1);
  }
}

/* The double-double reference of the batch (MPFR where it cannot round). */
static void ref_batch(struct scan *s, struct tbuf *t, size_t n) {
  ref_eval_batch(&s->q, t->x, n, t->v, t->r, t->esc);
  if (s->cfg->mpfr_only) memset(t->esc, 1, n);
  for (size_t j = 0; j < n; j++)
    if (t->esc[j]) escalate(s, t->x[j], &t->v[j], &t->r[j]); /* esc stays 1: exact */
}

static void run_chunk(struct scan *s, struct tbuf *t, uint64_t c) {
  uint64_t start = c * s->chunk, end = start + s->chunk;
  int have_v;
  if (end > s->total) end = s->total;
  scan_stats *cs = s->cs + c * s->nk;
  for (uint64_t b = start; b < end; b += BATCH) {
    size_t n = (size_t)(end - b < BATCH ? end - b : BATCH);
    /* inputs and their reference, once */
    have_v = 1;
    for (size_t j = 0; j < n; j++) {
      t->x[j] = ref_bitsf(input_bits(s, b + j));
      t->esc[j] = 0;
    }
    if (s->maxout) {
      for (size_t j = 0; j < n; j++) {
        float pair[2] = {t->x[j], ref_bitsf(garbage_bits[(b + j) % NG])};
        t->comp[j] = pair[1];
        t->r[j] = ref_maxout_f32(pair, 2);
        t->v[j].hi = t->r[j]; t->v[j].lo = 0; t->v[j].err = 0;
      }
    } else if (s->cfg->bitwise && ref_round_batch(&s->q, t->x, n, t->r)) {
      have_v = 0; /* the double-doubles only if a kernel differs */
    } else {
      ref_batch(s, t, n);
    }
    /* the kernels' input: scanned values with a neighbour special every GAP slots */
    size_t slots = 0, ng = 0;
    if (s->maxout) {
      for (size_t j = 0; j < n; j++) { t->in[2 * j] = t->x[j]; t->in[2 * j + 1] = t->comp[j]; t->pos[j] = (uint32_t)j; }
      slots = n;
    } else {
      size_t j = 0;
      uint64_t g = b / BATCH;
      while (j < n) {
        if (slots % GAP == GAP - 1) {
          t->gidx[ng] = (uint32_t)((g + ng) % NG);
          t->gpos[ng] = (uint32_t)slots;
          t->in[slots++] = ref_bitsf(garbage_bits[t->gidx[ng++]]);
        } else {
          t->pos[j] = (uint32_t)slots;
          t->in[slots++] = t->x[j++];
        }
      }
    }
    /* the correctly rounded values scored once: a kernel output equal to r
     * (bit for bit, or both NaN) takes these figures without rescoring */
    for (size_t j = 0; j < n && !s->cfg->bitwise; j++) {
      const ref_dd *v = &t->v[j];
      float r = t->r[j];
      t->rnan[j] = isnan(r);
      if ((v->lo == 0 && v->hi == (double)r) || t->rnan[j] || !isfinite(v->hi) || !isfinite(r)) {
        t->ur[j] = t->ab[j] = t->rl[j] = 0; /* exact, or scored the slow way (inf) */
        if (!t->rnan[j] && (!isfinite(v->hi) || !isfinite(r)) && !(v->hi == (double)r)) t->rnan[j] = 2;
        continue;
      }
      double d = fabs(((double)r - v->hi) - v->lo), f = fabs(v->hi + v->lo);
      double u = d / fast_scale(v->hi, v->lo);
      t->ur[j] = u > 0.5 ? 0.5 : u;
      t->ab[j] = d;
      t->rl[j] = f > 0 ? d / f : 0;
    }
    /* the expected output (r at the scanned slots) and the batch's figures
     * when every output is r: a kernel that matches bit for bit takes them
     * after one memcmp */
    int agg_ready = 0;
    scan_stats agg;
    for (size_t j = 0; j < n; j++) t->expect[t->pos[j]] = t->r[j];
    unsigned char scored[s->nk];
    memset(scored, 0, s->nk);
    for (size_t k = 0; k < s->nk; k++) {
      const scan_kernel *kr = &s->ks[k];
      scan_stats *st = &cs[k];
      kr->fn(t->in, t->out, slots, &s->kp);
      for (size_t gi = 0; gi < ng; gi++) t->expect[t->gpos[gi]] = ref_bitsf(s->gref[k * NG + t->gidx[gi]]);
      if (memcmp(t->out, t->expect, slots * sizeof(float)) == 0) {
        if (s->cfg->bitwise) { st->count += n; continue; }
        if (!agg_ready) {
          memset(&agg, 0, sizeof agg);
          /* locals, not the struct: keeps the loop out of memory */
          uint64_t cnt = 0;
          double sum = 0, mu = 0, ma = 0, mr = 0;
          size_t ju = 0, ja = 0, jr = 0;
          for (size_t j = 0; j < n; j++) {
            if (t->rnan[j] == 2) { /* infinite r: the slow scorer */
              scan_score(&agg, INFINITY, ref_fbits(t->x[j]), &t->v[j], t->r[j], t->r[j], 1);
              continue;
            }
            double u = t->ur[j];
            cnt++;
            sum += u;
            if (u > mu) { mu = u; ju = j; }
            if (t->ab[j] > ma) { ma = t->ab[j]; ja = j; }
            if (t->rl[j] > mr) { mr = t->rl[j]; jr = j; }
          }
          if (cnt) {
            scan_stats f;
            memset(&f, 0, sizeof f);
            f.count = cnt; f.sum_ulp = sum;
            f.max_ulp = mu; f.max_x = ref_fbits(t->x[ju]); f.max_y = t->r[ju]; f.max_set = 1;
            f.max_abs = ma; f.max_abs_x = ref_fbits(t->x[ja]);
            f.max_rel = mr; f.max_rel_x = ref_fbits(t->x[jr]);
            scan_stats g = agg;
            memset(&agg, 0, sizeof agg);
            scan_merge(&agg, &f);
            scan_merge(&agg, &g);
          }
          agg_ready = 1;
        }
        scan_merge(st, &agg);
        continue;
      }
      for (size_t gi = 0; gi < ng; gi++)
        if (!same_result(ref_fbits(t->out[t->gpos[gi]]), s->gref[k * NG + t->gidx[gi]])) st->lane++;
      if (s->cfg->bitwise) { /* no precomputed figures: score every element */
        if (!have_v) { ref_batch(s, t, n); have_v = 1; }
        for (size_t j = 0; j < n; j++) score(s, t, j, kr, st, t->out[t->pos[j]]);
        continue;
      }
      /* a twin scored earlier in this batch (same bound: same over-bound count) */
      size_t twin = k;
      for (size_t e = 0; e < k && twin == k; e++)
        if (scored[e] && s->ks[e].bound == kr->bound &&
            memcmp(t->outs + e * OUTS_STRIDE, t->out, slots * sizeof(float)) == 0)
          twin = e;
      if (twin != k) { scan_merge(st, &t->bstats[twin]); continue; }
      scan_stats *bs = &t->bstats[k];
      memset(bs, 0, sizeof *bs);
      scored[k] = 1;
      memcpy(t->outs + k * OUTS_STRIDE, t->out, slots * sizeof(float));
      for (size_t j = 0; j < n; j++) {
        float y = t->out[t->pos[j]];
        uint32_t yb = ref_fbits(y), rb = ref_fbits(t->r[j]);
        if ((yb == rb && t->rnan[j] != 2) || (t->rnan[j] == 1 && isnan(y))) {
          double u = t->ur[j];
          bs->count++;
          bs->sum_ulp += u;
          if (u > bs->max_ulp || !bs->max_set) { bs->max_ulp = u; bs->max_x = ref_fbits(t->x[j]); bs->max_y = y; bs->max_set = 1; }
          if (t->ab[j] > bs->max_abs) { bs->max_abs = t->ab[j]; bs->max_abs_x = ref_fbits(t->x[j]); }
          if (t->rl[j] > bs->max_rel) { bs->max_rel = t->rl[j]; bs->max_rel_x = ref_fbits(t->x[j]); }
          continue;
        }
        score(s, t, j, kr, bs, y);
      }
      scan_merge(st, bs);
    }
    atomic_fetch_add_explicit(&s->done, n, memory_order_relaxed);
  }
}

static void *worker(void *arg) {
  struct scan *s = arg;
  struct tbuf *t = malloc(sizeof *t);
  if (!t) return NULL;
  t->outs = malloc(s->nk * OUTS_STRIDE * sizeof(float));
  t->bstats = malloc(s->nk * sizeof(scan_stats));
  if (!t->outs || !t->bstats) { free(t->outs); free(t->bstats); free(t); return NULL; }
  for (;;) {
    uint64_t c = atomic_fetch_add(&s->next, 1);
    if (c >= s->nchunks) break;
    run_chunk(s, t, c);
  }
  free(t->outs);
  free(t->bstats);
  free(t);
  mpfr_free_cache();
  return NULL;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int scan_run(const scan_config *cfg, const scan_kernel *ks, size_t nk, scan_stats *out,
             scan_info *info) {
  struct scan s;
  memset(&s, 0, sizeof s);
  s.cfg = cfg; s.ks = ks; s.nk = nk;
  int act = ref_act_id(cfg->act);
  if (act < 0 || act == REF_SOFTMAX || act == REF_LOG_SOFTMAX) {
    fprintf(stderr, "scan: '%s' is not an elementwise activation or maxout\n", cfg->act ? cfg->act : "(null)");
    return -1;
  }
  static const float default_slope = 0.25f;
  if (cfg->params) s.kp = *cfg->params;
  else {
    simdact_params_default(cfg->act, &s.kp);
    if (act == REF_PRELU) { s.kp.slope = &default_slope; s.kp.channels = 1; }
    if (act == REF_MAXOUT) s.kp.k = 2;
  }
  s.maxout = act == REF_MAXOUT;
  if (s.maxout && s.kp.k != 2) { fprintf(stderr, "scan: maxout is scanned with k = 2\n"); return -1; }
  ref_par_init(&s.q, act, &s.kp);
  switch (cfg->mode) {
  case SCAN_ALL: s.total = 1ull << 32; break;
  case SCAN_SAMPLES: s.total = cfg->samples; break;
  case SCAN_LIST: s.total = cfg->list_n; break;
  case SCAN_RANGE:
    if (isnan(cfg->lo) || isnan(cfg->hi) || cfg->lo > cfg->hi) {
      fprintf(stderr, "scan: bad range\n");
      return -1;
    }
    s.range_lo = to_ordered(ref_fbits(cfg->lo));
    s.total = (uint64_t)to_ordered(ref_fbits(cfg->hi)) - s.range_lo + 1;
    break;
  }
  int threads = cfg->threads > 0 ? cfg->threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
  if (threads < 1) threads = 1;
  s.chunk = s.total / ((uint64_t)threads * 32);
  if (s.chunk < 16384) s.chunk = 16384;
  if (s.chunk > (1u << 20)) s.chunk = 1u << 20;
  s.chunk = (s.chunk + BATCH - 1) / BATCH * BATCH;
  s.nchunks = (s.total + s.chunk - 1) / s.chunk;
  s.cs = calloc(s.nchunks ? s.nchunks * nk : 1, sizeof *s.cs);
  s.gref = calloc(nk * NG + 1, sizeof *s.gref);
  if (!s.cs || !s.gref) { free(s.cs); free(s.gref); fprintf(stderr, "scan: out of memory\n"); return -1; }
  /* each kernel's own answer for each neighbour value, computed with the
   * same value in every lane */
  for (size_t k = 0; k < nk && !s.maxout; k++)
    for (size_t g = 0; g < NG; g++) {
      float in[64], o[64];
      for (int i = 0; i < 64; i++) in[i] = ref_bitsf(garbage_bits[g]);
      ks[k].fn(in, o, 64, &s.kp);
      s.gref[k * NG + g] = ref_fbits(o[0]);
    }
  uint64_t esc0 = ref_mpfr_count();
  double t0 = now();
  pthread_t *th = calloc((size_t)threads, sizeof *th);
  int started = 0;
  for (int i = 0; i < threads; i++)
    if (pthread_create(&th[i], NULL, worker, &s) == 0) started++;
    else break;
  if (!started) worker(&s);
  int tty = cfg->progress && isatty(2);
  while (tty && atomic_load(&s.done) < s.total) {
    struct timespec ts = {0, 500000000};
    nanosleep(&ts, NULL);
    uint64_t d = atomic_load(&s.done);
    double el = now() - t0, rate = el > 0 ? d / el : 0;
    fprintf(stderr, "\r%s: %5.1f%%  %.2f M inputs/s  ETA %.0f s   ", cfg->act, 100.0 * d / s.total,
            rate / 1e6, rate > 0 ? (s.total - d) / rate : 0);
  }
  for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
  free(th);
  if (tty) fprintf(stderr, "\r%*s\r", 60, "");
  for (size_t k = 0; k < nk; k++) {
    memset(&out[k], 0, sizeof out[k]);
    for (uint64_t c = 0; c < s.nchunks; c++) scan_merge(&out[k], &s.cs[c * nk + k]);
    scan_finish(s.maxout ? NULL : &s.q, &out[k], ks[k].bound, ks[k].tier, cfg->bitwise);
  }
  if (info) {
    info->inputs = s.total;
    info->escalations = ref_mpfr_count() - esc0;
    info->seconds = now() - t0;
    info->threads = started ? started : 1;
  }
  free(s.cs);
  free(s.gref);
  return 0;
}

void scan_finish(const ref_par *q, scan_stats *st, double bound, const char *tier, int bitwise) {
  /* the worst input, rescored against MPFR */
  /* bitwise: outputs that matched r were not scored; they are within 0.5 */
  int matched = bitwise && st->count;
  if (st->max_set && q) {
    ref_exact e;
    ref_mpfr_eval(q, ref_bitsf(st->max_x), &st->max_y, &e);
    if (ref_fbits(e.r) == ref_fbits(st->max_y) && e.ulp > 0.5) e.ulp = 0.5;
    st->max_ulp = e.ulp;
  }
  if (matched && st->max_ulp < 0.5) st->max_ulp = 0.5;
  st->holds = st->max_ulp <= bound && st->nonfinite == 0 && st->lane == 0 && st->over_bound == 0;
  if (tier && strcmp(tier, "exact") == 0)
    st->holds = st->holds && st->wrong_rounding == 0 && st->zero_sign == 0;
}

size_t scan_registry_kernels(const char *act, const char *tier, const char *isa, scan_kernel *out,
                             size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < simdact_kernel_count(); i++) {
    const simdact_kernel *k = simdact_kernel_at(i);
    if ((act && strcmp(act, k->act)) || (tier && strcmp(tier, k->tier)) || (isa && strcmp(isa, k->isa)))
      continue;
    if (!simdact_isa_supported(k->isa)) continue;
    if (n < max) {
      out[n].name = k->name; out[n].tier = k->tier; out[n].isa = k->isa;
      out[n].bound = k->max_ulp; out[n].fn = k->fn;
    }
    n++;
  }
  return n;
}
