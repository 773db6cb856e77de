/* Row scans for softmax and log_softmax (see rows.h).
 *
 * Double reference of a row with max m (first index imax), d_i = x_i - m held
 * exactly as a double-double, e_i = e^d_i, T = sum of e_i over i != imax
 * (compensated), S = 1 + T:
 *   softmax_i     = e_i / S                 error <= 10u f   (u = 2^-53)
 *   softmax_imax  = 1 - T/(1+T)             error <=  6u T/(1+T)
 *   log_softmax_i = d_i - log1p(T)          error <=  6u log1p(T)
 * (exp 2u, the compensated sum 3u, log1p 2u; every term positive, so no
 * cancellation; d_i - log1p(T) adds two numbers of the same sign).  Where the
 * bound leaves a rounding or a figure open, the row is recomputed with MPFR
 * at 192 bits (T, then each element). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ref_impl.h"
#include "rows.h"

#define ROW_PREC 192

struct rowref {
  size_t n;
  ref_dd *v;
  float *r;
  unsigned char *exact;
  int mpfr_done;
};

/* Classify the row: 0 finite max at *imax; 1 NaN row; 2 one-hot at *imax. */
static int row_kind(const float *x, size_t n, size_t *imax) {
  size_t kinf = 0, kninf = 0, im = 0, ii = 0;
  float m = -INFINITY;
  int have = 0;
  for (size_t i = 0; i < n; i++) {
    if (isnan(x[i])) return 1;
    if (isinf(x[i])) {
      if (x[i] > 0) { kinf++; ii = i; } else kninf++;
      continue;
    }
    if (!have || x[i] > m) { m = x[i]; im = i; have = 1; }
  }
  if (kinf >= 2 || kninf == n) return 1;
  if (kinf == 1) { *imax = ii; return 2; }
  *imax = im;
  return 0;
}

static void row_double(const float *x, size_t n, int log, struct rowref *R) {
  size_t imax = 0;
  int kind = row_kind(x, n, &imax);
  R->mpfr_done = 0;
  for (size_t i = 0; i < n; i++) {
    R->exact[i] = 1;
    R->v[i].lo = R->v[i].err = 0;
  }
  if (kind == 1) {
    for (size_t i = 0; i < n; i++) { R->v[i].hi = NAN; R->r[i] = NAN; }
    return;
  }
  if (kind == 2) {
    for (size_t i = 0; i < n; i++) {
      R->v[i].hi = i == imax ? (log ? 0.0 : 1.0) : (log ? -INFINITY : 0.0);
      R->r[i] = (float)R->v[i].hi;
    }
    return;
  }
  double m = x[imax], T = 0, c = 0;
  for (size_t i = 0; i < n; i++) {
    if (i == imax || isinf(x[i])) continue;
    double dh, dl;
    ref_two_sum(x[i], -m, &dh, &dl);
    double e = exp(dh) * (1 + dl), t = T + e; /* Neumaier */
    c += fabs(T) >= fabs(e) ? (T - t) + e : (e - t) + T;
    T = t;
  }
  T += c;
  double L = log1p(T);
  for (size_t i = 0; i < n; i++) {
    ref_dd *v = &R->v[i];
    R->exact[i] = 0;
    if (isinf(x[i])) { v->hi = log ? -INFINITY : 0.0; R->exact[i] = 1; }
    else if (i == imax) {
      if (log) { v->hi = -L; v->err = 6 * REF_U * L; }
      else if (T < 1) {
        double w = T / (1 + T);
        ref_two_sum(1.0, -w, &v->hi, &v->lo);
        v->err = 6 * REF_U * w;
      } else { v->hi = 1 / (1 + T); v->err = 10 * REF_U * v->hi; }
    } else {
      double dh, dl;
      ref_two_sum(x[i], -m, &dh, &dl);
      if (log) {
        ref_two_sum(dh, -L, &v->hi, &v->lo);
        v->lo += dl;
        v->err = 6 * REF_U * L;
      } else {
        v->hi = exp(dh) * (1 + dl) / (1 + T);
        v->err = 10 * REF_U * v->hi;
      }
    }
    if (!R->exact[i]) v->err += REF_ERR_FLOOR;
    int dec;
    R->r[i] = ref_dd_round(v, &dec);
    if (!dec) R->exact[i] = 2; /* needs MPFR */
  }
}

/* The row at ROW_PREC bits: every element exact (double-double of MPFR). */
static void row_mpfr(const float *x, size_t n, int log, struct rowref *R) {
  size_t imax = 0;
  if (row_kind(x, n, &imax) != 0) return; /* already exact */
  ref_mpfr_note_call();
  mpfr_t m, T, t, A, B, f;
  mpfr_inits2(ROW_PREC, m, T, t, B, (mpfr_ptr)0);
  mpfr_init2(A, 320); /* x_i - m exactly: two floats span at most 277 bits */
  mpfr_init2(f, ROW_PREC);
  mpfr_set_flt(m, x[imax], MPFR_RNDN);
  mpfr_set_zero(T, 1);
  for (size_t i = 0; i < n; i++) {
    if (i == imax || isinf(x[i])) continue;
    mpfr_set_flt(t, x[i], MPFR_RNDN);
    mpfr_sub(t, t, m, MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    mpfr_add(T, T, t, MPFR_RNDN);
  }
  for (size_t i = 0; i < n; i++) {
    if (isinf(x[i])) continue;
    mpfr_set_zero(A, 1);
    if (log) {
      mpfr_log1p(B, T, MPFR_RNDN);
      mpfr_neg(B, B, MPFR_RNDN);
      if (i != imax) {
        mpfr_set_flt(A, x[i], MPFR_RNDN);
        mpfr_sub(A, A, m, MPFR_RNDN); /* exact: 192 bits hold any float difference */
      }
    } else if (i == imax) {
      mpfr_add_ui(t, T, 1, MPFR_RNDN);
      mpfr_div(B, T, t, MPFR_RNDN);
      mpfr_neg(B, B, MPFR_RNDN);
      mpfr_set_ui(A, 1, MPFR_RNDN);
    } else {
      mpfr_set_flt(t, x[i], MPFR_RNDN);
      mpfr_sub(t, t, m, MPFR_RNDN);
      mpfr_exp(B, t, MPFR_RNDN);
      mpfr_add_ui(t, T, 1, MPFR_RNDN);
      mpfr_div(B, B, t, MPFR_RNDN);
    }
    ref_mpfr_combine(f, A, B, ROW_PREC);
    ref_exact e;
    ref_exact_of(f, NULL, &e);
    R->v[i].hi = e.hi; R->v[i].lo = e.lo; R->v[i].err = 0;
    R->r[i] = e.r;
    R->exact[i] = 1;
  }
  mpfr_clears(m, T, t, A, B, f, (mpfr_ptr)0);
  R->mpfr_done = 1;
}

static int row_alloc(struct rowref *R, size_t n) {
  R->n = n;
  R->v = malloc(n * sizeof *R->v);
  R->r = malloc(n * sizeof *R->r);
  R->exact = malloc(n);
  return R->v && R->r && R->exact ? 0 : -1;
}
static void row_free(struct rowref *R) { free(R->v); free(R->r); free(R->exact); }

void ref_softmax_row(const float *x, size_t n, int log, float *y) {
  struct rowref R;
  if (!n || row_alloc(&R, n)) { row_free(&R); return; }
  row_double(x, n, log, &R);
  for (size_t i = 0; i < n; i++)
    if (R.exact[i] == 2) { row_mpfr(x, n, log, &R); break; }
  memcpy(y, R.r, n * sizeof *y);
  row_free(&R);
}

/* ---------------- rows: generation and the scan ---------------- */

static uint64_t mix(uint64_t z) {
  z += 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}
static double unif(uint64_t *s) { *s = mix(*s); return (*s >> 11) * 0x1p-53; }

#define N_ADVERSARIAL 16

/* Row r: adversarial ones first, then random ones, lengths log-uniform. */
static size_t make_row(uint64_t r, uint64_t seed, size_t max_len, float *x) {
  uint64_t s = seed * 0x9e3779b97f4a7c15ull ^ (r + 1) * 0xd1b54a32d192ed03ull;
  size_t n;
  if (r < N_ADVERSARIAL) {
    static const size_t lens[N_ADVERSARIAL] = {1, 2, 3, 7, 16, 17, 33, 100, 1000, 4099, 65, 31, 9, 1, 2, 257};
    n = lens[r] < max_len ? lens[r] : max_len;
    for (size_t i = 0; i < n; i++) {
      double u = unif(&s);
      switch (r) {
      case 0: x[i] = 5.0f; break;                                  /* length 1 */
      case 1: x[i] = i ? -FLT_MAX : FLT_MAX; break;                /* extremes */
      case 2: x[i] = 42.0f; break;                                 /* all equal */
      case 3: x[i] = (float)(1e4 * (u - 0.5)); break;              /* spread 1e4 */
      case 4: x[i] = i % 4 == 0 ? 3.0f : (float)(u * 3); break;    /* ties at the max */
      case 5: x[i] = i == 5 ? INFINITY : (float)u; break;          /* one +inf */
      case 6: x[i] = i % 5 == 0 ? -INFINITY : (float)(u * 10); break; /* -inf entries */
      case 7: x[i] = i == 50 ? NAN : (float)u; break;              /* NaN */
      case 8: x[i] = (float)(20000 * (u - 0.5)); break;            /* spread 2e4 */
      case 9: x[i] = (float)ldexp(u, -140); break;                 /* subnormals */
      case 10: x[i] = i % 2 ? INFINITY : 1.0f; break;              /* several +inf */
      case 11: x[i] = -INFINITY; break;                            /* all -inf */
      case 12: x[i] = (float)(88 + u); break;                      /* near exp overflow */
      case 13: x[i] = -FLT_MAX; break;
      case 14: x[i] = i ? 0.0f : -0.0f; break;
      default: x[i] = (float)(u < 0.5 ? 1e30 * u : -1e-30 * u); break;
      }
    }
    return n;
  }
  double lg = unif(&s) * 20.0;
  n = (size_t)ldexp(1.0, (int)lg) + (size_t)(unif(&s) * ldexp(1.0, (int)lg));
  if (n < 1) n = 1;
  if (n > max_len) n = max_len;
  double scale = ldexp(1.0, (int)(unif(&s) * 12) - 4); /* 1/16 .. 128 */
  for (size_t i = 0; i < n; i++) x[i] = (float)(scale * (2 * unif(&s) - 1));
  return n;
}

struct rscan {
  const rows_config *cfg;
  const scan_kernel *ks;
  size_t nk, max_len;
  int log;
  uint64_t total;
  atomic_uint_fast64_t next;
  rows_stats *per; /* total * nk */
};

static void score_row(struct rscan *s, uint64_t row, const float *x, size_t n, struct rowref *R, float *y) {
  for (size_t k = 0; k < s->nk; k++) {
    rows_stats *rs = &s->per[row * s->nk + k];
    simdact_params p;
    memset(&p, 0, sizeof p);
    p.cols = n;
    p.k = 1;
    s->ks[k].fn(x, y, n, &p);
    scan_stats tmp;
    memset(&tmp, 0, sizeof tmp);
    double num = 0, den = 0, sum = 0, c = 0;
    for (size_t i = 0; i < n; i++) {
      if (scan_score(&tmp, s->ks[k].bound, (uint32_t)i, &R->v[i], R->r[i], y[i], R->exact[i] == 1)) {
        row_mpfr(x, n, s->log, R);
        scan_score(&tmp, s->ks[k].bound, (uint32_t)i, &R->v[i], R->r[i], y[i], 1);
      }
      double f = R->v[i].hi + R->v[i].lo;
      if (isfinite(y[i]) && isfinite(f)) { num += (y[i] - f) * (y[i] - f); den += f * f; }
      double term = s->log ? exp((double)y[i]) : (double)y[i], t = sum + term;
      c += fabs(sum) >= fabs(term) ? (sum - t) + term : (term - t) + sum;
      sum = t;
    }
    rs->rows = 1;
    rs->count = tmp.count;
    rs->max_ulp = tmp.max_ulp;
    rs->sum_ulp = tmp.sum_ulp;
    rs->max_row = row;
    rs->max_col = tmp.max_x;
    rs->over_half = tmp.over_half; rs->over_1 = tmp.over_1; rs->over_2 = tmp.over_2;
    rs->nonfinite = tmp.nonfinite; rs->zero_sign = tmp.zero_sign;
    rs->max_norm = den > 0 ? sqrt(num / den) / 0x1p-24 : 0;
    sum += c;
    rs->max_sum_dev = isnan(R->v[0].hi) ? 0 : fabs(sum - 1);
    if (isnan(rs->max_sum_dev)) rs->max_sum_dev = INFINITY;
    rs->holds = tmp.over_bound == 0 && tmp.nonfinite == 0;
  }
}

static void *rworker(void *arg) {
  struct rscan *s = arg;
  float *x = malloc(s->max_len * sizeof *x), *y = malloc(s->max_len * sizeof *y);
  struct rowref R;
  if (!x || !y || row_alloc(&R, s->max_len)) { free(x); free(y); return NULL; }
  for (;;) {
    uint64_t r = atomic_fetch_add(&s->next, 1);
    if (r >= s->total) break;
    size_t n = make_row(r, s->cfg->seed, s->max_len, x);
    row_double(x, n, s->log, &R);
    for (size_t i = 0; i < n; i++)
      if (R.exact[i] == 2) { row_mpfr(x, n, s->log, &R); break; }
    score_row(s, r, x, n, &R, y);
  }
  row_free(&R);
  free(x);
  free(y);
  mpfr_free_cache();
  return NULL;
}

int rows_run(const rows_config *cfg, const scan_kernel *ks, size_t nk, rows_stats *out) {
  struct rscan s;
  memset(&s, 0, sizeof s);
  s.cfg = cfg; s.ks = ks; s.nk = nk;
  if (!cfg->act || (strcmp(cfg->act, "softmax") && strcmp(cfg->act, "log_softmax"))) return -1;
  s.log = strcmp(cfg->act, "log_softmax") == 0;
  s.max_len = cfg->max_len ? cfg->max_len : (size_t)1 << 20;
  s.total = N_ADVERSARIAL + cfg->rows;
  s.per = calloc(s.total * nk + 1, sizeof *s.per);
  if (!s.per) return -1;
  int threads = cfg->threads > 0 ? cfg->threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
  if (threads < 1) threads = 1;
  pthread_t *th = calloc((size_t)threads, sizeof *th);
  int started = 0;
  for (int i = 0; i < threads; i++)
    if (pthread_create(&th[i], NULL, rworker, &s) == 0) started++;
  if (!started) rworker(&s);
  for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
  free(th);
  for (size_t k = 0; k < nk; k++) {
    rows_stats *o = &out[k];
    memset(o, 0, sizeof *o);
    o->holds = 1;
    for (uint64_t r = 0; r < s.total; r++) {
      const rows_stats *p = &s.per[r * nk + k];
      if (p->count && (p->max_ulp > o->max_ulp || o->count == 0)) {
        o->max_ulp = p->max_ulp; o->max_row = p->max_row; o->max_col = p->max_col;
      }
      o->rows += p->rows; o->count += p->count; o->sum_ulp += p->sum_ulp;
      o->over_half += p->over_half; o->over_1 += p->over_1; o->over_2 += p->over_2;
      o->nonfinite += p->nonfinite; o->zero_sign += p->zero_sign;
      if (p->max_norm > o->max_norm) o->max_norm = p->max_norm;
      if (p->max_sum_dev > o->max_sum_dev) o->max_sum_dev = p->max_sum_dev;
      o->holds &= p->holds;
    }
    o->holds = o->holds && o->max_ulp <= ks[k].bound;
  }
  free(s.per);
  return 0;
}

void rows_print_markdown(FILE *f, const scan_kernel *ks, size_t nk, const rows_stats *st) {
  fprintf(f, "| kernel | bound | max ULP | at row:col | mean ULP | >0.5 | >1 | >2 | normwise (2^-24) | max abs(sum-1) | non-finite | zero sign | holds |\n");
  fprintf(f, "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
  for (size_t k = 0; k < nk; k++) {
    const rows_stats *s = &st[k];
    fprintf(f, "| %s | %g | %.4g | %llu:%zu | %.4g | %llu | %llu | %llu | %.4g | %.3g | %llu | %llu | %s |\n",
            ks[k].name, ks[k].bound, s->max_ulp, (unsigned long long)s->max_row, s->max_col,
            s->count ? s->sum_ulp / s->count : 0.0, (unsigned long long)s->over_half,
            (unsigned long long)s->over_1, (unsigned long long)s->over_2, s->max_norm, s->max_sum_dev,
            (unsigned long long)s->nonfinite, (unsigned long long)s->zero_sign, s->holds ? "yes" : "**NO**");
  }
}

void rows_print_json(FILE *f, const scan_kernel *ks, size_t nk, const rows_stats *st) {
  for (size_t k = 0; k < nk; k++) {
    const rows_stats *s = &st[k];
    fprintf(f, "%s\n      {\"name\": \"%s\", \"tier\": \"%s\", \"isa\": \"%s\", \"bound\": %.17g, "
               "\"max_ulp\": %.17g, \"max_row\": %llu, \"max_col\": %zu, \"mean_ulp\": %.17g, "
               "\"over_0_5\": %llu, \"over_1\": %llu, \"over_2\": %llu, \"normwise_2m24\": %.17g, "
               "\"max_sum_dev\": %.17g, \"nonfinite\": %llu, \"zero_sign\": %llu, \"holds\": %s}",
            k ? "," : "", ks[k].name, ks[k].tier, ks[k].isa, ks[k].bound, s->max_ulp,
            (unsigned long long)s->max_row, s->max_col, s->count ? s->sum_ulp / s->count : 0.0,
            (unsigned long long)s->over_half, (unsigned long long)s->over_1, (unsigned long long)s->over_2,
            s->max_norm, isfinite(s->max_sum_dev) ? s->max_sum_dev : -1.0, (unsigned long long)s->nonfinite,
            (unsigned long long)s->zero_sign, s->holds ? "true" : "false");
  }
}
