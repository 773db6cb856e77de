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
#include "rowgen.h"
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
    /* log_softmax at the maximum is -log1p(T): -0 when it rounds to zero (T
     * > 0 underflowed, or T = 0), as the double evaluation's -L gives */
    mpfr_set_zero(A, log && i == imax ? -1 : 1);
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

/* ---------------- the scan over rowgen.h's samples ---------------- */

/* The sub-row [off, off + cols) of R as a rowref of its own. */
static struct rowref row_view(const struct rowref *R, size_t off, size_t cols) {
  struct rowref v = {cols, R->v + off, R->r + off, R->exact + off, 0};
  return v;
}

/* The reference of a sample: rows of cols, each exact (MPFR where the double
 * evaluation cannot round). */
static void sample_ref(const float *x, size_t n, size_t cols, int log, struct rowref *R) {
  for (size_t off = 0; off < n; off += cols) {
    struct rowref v = row_view(R, off, cols);
    row_double(x + off, cols, log, &v);
    for (size_t i = 0; i < cols; i++)
      if (v.exact[i] == 2) { row_mpfr(x + off, cols, log, &v); break; }
  }
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

/* Score the outputs y of one kernel over sample (x, n, cols) into rs. */
static void score_sample(int log, double bound, uint64_t sample, const float *x, size_t n, size_t cols,
                         struct rowref *R, const float *y, rows_stats *rs) {
  scan_stats tmp;
  memset(&tmp, 0, sizeof tmp);
  memset(rs, 0, sizeof *rs);
  for (size_t off = 0; off < n; off += cols) {
    struct rowref v = row_view(R, off, cols);
    double num = 0, den = 0, sum = 0, c = 0;
    for (size_t i = 0; i < cols; i++) {
      if (scan_score(&tmp, bound, (uint32_t)(off + i), &v.v[i], v.r[i], y[off + i], v.exact[i] == 1)) {
        row_mpfr(x + off, cols, log, &v);
        scan_score(&tmp, bound, (uint32_t)(off + i), &v.v[i], v.r[i], y[off + i], 1);
      }
      double f = v.v[i].hi + v.v[i].lo, yi = y[off + i];
      if (isfinite(yi) && isfinite(f)) { num += (yi - f) * (yi - f); den += f * f; }
      double term = log ? exp(yi) : yi, t = sum + term; /* Neumaier */
      c += fabs(sum) >= fabs(term) ? (sum - t) + term : (term - t) + sum;
      sum = t;
    }
    double norm = den > 0 ? sqrt(num / den) / 0x1p-24 : 0;
    double dev = isnan(v.v[0].hi) ? 0 : fabs(sum + c - 1); /* NaN rows have no sum */
    if (isnan(dev)) dev = INFINITY;
    if (norm > rs->max_norm) rs->max_norm = norm;
    if (dev > rs->max_sum_dev) rs->max_sum_dev = dev;
  }
  rs->rows = n / cols;
  rs->count = tmp.count;
  rs->max_ulp = tmp.max_ulp;
  rs->sum_ulp = tmp.sum_ulp;
  rs->max_row = sample;
  rs->max_col = tmp.max_x;
  rs->over_half = tmp.over_half; rs->over_1 = tmp.over_1; rs->over_2 = tmp.over_2;
  rs->nonfinite = tmp.nonfinite; rs->zero_sign = tmp.zero_sign;
  rs->holds = tmp.over_bound == 0 && tmp.nonfinite == 0;
}

static void *rworker(void *arg) {
  struct rscan *s = arg;
  size_t cap = rowgen_max_n(s->max_len);
  float *x = malloc(cap * sizeof *x), *y = malloc(cap * sizeof *y);
  struct rowref R = {0, NULL, NULL, NULL, 0};
  if (!x || !y || row_alloc(&R, cap)) { free(x); free(y); row_free(&R); return NULL; }
  for (;;) {
    uint64_t r = atomic_fetch_add(&s->next, 1);
    if (r >= s->total) break;
    size_t cols, n = rowgen_make(r, s->cfg->seed, s->max_len, x, &cols);
    sample_ref(x, n, cols, s->log, &R);
    simdact_params p;
    memset(&p, 0, sizeof p);
    p.cols = cols;
    p.k = 1;
    for (size_t k = 0; k < s->nk; k++) {
      s->ks[k].fn(x, y, n, &p);
      score_sample(s->log, s->ks[k].bound, r, x, n, cols, &R, y, &s->per[r * s->nk + k]);
    }
  }
  row_free(&R);
  free(x);
  free(y);
  mpfr_free_cache();
  return NULL;
}

/* a += b (b's sample index names b's worst element) */
static void rows_merge(rows_stats *a, const rows_stats *b, double bound) {
  if (b->count && (b->max_ulp > a->max_ulp || a->count == 0)) {
    a->max_ulp = b->max_ulp; a->max_row = b->max_row; a->max_col = b->max_col;
  }
  a->rows += b->rows; a->count += b->count; a->sum_ulp += b->sum_ulp;
  a->over_half += b->over_half; a->over_1 += b->over_1; a->over_2 += b->over_2;
  a->nonfinite += b->nonfinite; a->zero_sign += b->zero_sign;
  if (b->max_norm > a->max_norm) a->max_norm = b->max_norm;
  if (b->max_sum_dev > a->max_sum_dev) a->max_sum_dev = b->max_sum_dev;
  a->holds = a->holds && b->holds && a->max_ulp <= bound;
}

int rows_run(const rows_config *cfg, const scan_kernel *ks, size_t nk, rows_stats *out) {
  struct rscan s;
  memset(&s, 0, sizeof s);
  s.cfg = cfg; s.ks = ks; s.nk = nk;
  if (!cfg->act || (strcmp(cfg->act, "softmax") && strcmp(cfg->act, "log_softmax"))) return -1;
  s.log = strcmp(cfg->act, "log_softmax") == 0;
  s.max_len = cfg->max_len ? cfg->max_len : ROWGEN_DEFAULT_MAX;
  s.total = ROWGEN_ADV + cfg->rows;
  s.per = calloc(s.total * nk + 1, sizeof *s.per);
  if (!s.per) return -1;
  int threads = cfg->threads > 0 ? cfg->threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
  if (threads < 1) threads = 1;
  if (threads == 1) rworker(&s); /* in order: replayed outputs rely on it */
  else {
    pthread_t *th = calloc((size_t)threads, sizeof *th);
    int started = 0;
    for (int i = 0; th && i < threads; i++)
      if (pthread_create(&th[i], NULL, rworker, &s) == 0) started++;
    if (!started) rworker(&s);
    for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
    free(th);
  }
  int ncls = rowgen_classes(s.max_len);
  if (cfg->per_class)
    for (size_t j = 0; j < (size_t)ncls * nk; j++) {
      memset(&cfg->per_class[j], 0, sizeof cfg->per_class[j]);
      cfg->per_class[j].holds = 1;
    }
  for (size_t k = 0; k < nk; k++) {
    rows_stats *o = &out[k];
    memset(o, 0, sizeof *o);
    o->holds = 1;
    for (uint64_t r = 0; r < s.total; r++) {
      const rows_stats *p = &s.per[r * nk + k];
      rows_merge(o, p, ks[k].bound);
      if (cfg->per_class) rows_merge(&cfg->per_class[(size_t)rowgen_class_of(r, s.max_len) * nk + k], p, ks[k].bound);
    }
  }
  free(s.per);
  return 0;
}

int rows_class_count(const rows_config *cfg) {
  return rowgen_classes(cfg->max_len ? cfg->max_len : ROWGEN_DEFAULT_MAX);
}

void rows_print_classes(FILE *f, const rows_config *cfg, const scan_kernel *ks, size_t nk, const rows_stats *pc) {
  size_t max_len = cfg->max_len ? cfg->max_len : ROWGEN_DEFAULT_MAX;
  int ncls = rowgen_classes(max_len);
  const char *tiers[8];
  size_t nt = 0;
  for (size_t k = 0; k < nk; k++) {
    size_t t = 0;
    while (t < nt && strcmp(tiers[t], ks[k].tier)) t++;
    if (t == nt && nt < 8) tiers[nt++] = ks[k].tier;
  }
  fprintf(f, "| row class | rows | elements |");
  for (size_t t = 0; t < nt; t++) fprintf(f, " %s max ULP | %s normwise | %s abs(sum-1) |", tiers[t], tiers[t], tiers[t]);
  fprintf(f, " non-finite | zero sign |\n|---|---:|---:|");
  for (size_t t = 0; t < nt; t++) fprintf(f, "---:|---:|---:|");
  fprintf(f, "---:|---:|\n");
  for (int c = 0; c < ncls; c++) {
    char name[128];
    rowgen_class_name(c, max_len, name, sizeof name);
    const rows_stats *first = &pc[(size_t)c * nk];
    if (!first->rows) continue;
    uint64_t nonfinite = 0, zsign = 0;
    for (size_t k = 0; k < nk; k++) zsign += pc[(size_t)c * nk + k].zero_sign;
    fprintf(f, "| %s | %llu | %llu |", name, (unsigned long long)first->rows, (unsigned long long)first->count);
    for (size_t t = 0; t < nt; t++) {
      double mu = 0, mn = 0, md = 0;
      for (size_t k = 0; k < nk; k++) {
        const rows_stats *p = &pc[(size_t)c * nk + k];
        nonfinite += strcmp(ks[k].tier, tiers[t]) ? 0 : p->nonfinite;
        if (strcmp(ks[k].tier, tiers[t])) continue;
        if (p->max_ulp > mu) mu = p->max_ulp;
        if (p->max_norm > mn) mn = p->max_norm;
        if (p->max_sum_dev > md) md = p->max_sum_dev;
      }
      fprintf(f, " %.4g | %.3g | %.3g |", mu, mn, md);
    }
    fprintf(f, " %llu | %llu |\n", (unsigned long long)nonfinite, (unsigned long long)zsign);
  }
}

void rows_print_classes_json(FILE *f, const rows_config *cfg, const scan_kernel *ks, size_t nk,
                             const rows_stats *pc) {
  size_t max_len = cfg->max_len ? cfg->max_len : ROWGEN_DEFAULT_MAX;
  int ncls = rowgen_classes(max_len), first = 1;
  fprintf(f, "[");
  for (int c = 0; c < ncls; c++) {
    char name[128];
    rowgen_class_name(c, max_len, name, sizeof name);
    const rows_stats *p0 = &pc[(size_t)c * nk];
    if (!p0->rows) continue;
    fprintf(f, "%s\n      {\"class\": \"%s\", \"rows\": %llu, \"elements\": %llu, \"kernels\": {", first ? "" : ",",
            name, (unsigned long long)p0->rows, (unsigned long long)p0->count);
    first = 0;
    for (size_t k = 0; k < nk; k++) {
      const rows_stats *p = &pc[(size_t)c * nk + k];
      fprintf(f, "%s\"%s\": {\"max_ulp\": %.17g, \"normwise_2m24\": %.17g, \"max_sum_dev\": %.17g, \"nonfinite\": %llu, \"zero_sign\": %llu}",
              k ? ", " : "", ks[k].name, p->max_ulp, p->max_norm, isfinite(p->max_sum_dev) ? p->max_sum_dev : -1.0,
              (unsigned long long)p->nonfinite, (unsigned long long)p->zero_sign);
    }
    fprintf(f, "}}");
  }
  fprintf(f, "]");
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
