/* REPORT.md, plots and the cross-machine table from stored bench JSON: see
 * report.h. */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include "report.h"

#define MAX_SIZES 16
#define MAX_DISTS 4

/* One implementation (kernel or peer) as the stored JSON describes it. */
typedef struct {
  char name[96], act[48], tier[24], isa[16], kind[8];
  double bound;                  /* NAN for peers */
  double max_ulp;                /* measured; NAN when not measured */
  int exhaustive;
  double ulp_all;                /* max ULP over all 2^32 inputs (scans/); NAN when none */
  int floor_row;                 /* a yardstick, not this activation (see is_floor) */
  double nonfinite;              /* non-finite mismatches (NAN: unknown) */
  char skip[128];                /* skip message, "" when it ran */
  double ns[MAX_DISTS][MAX_SIZES];  /* ns/element (median of repetitions), NAN if absent */
  double bps[MAX_DISTS][MAX_SIZES]; /* bytes/s */
  int pareto;
} impl;

typedef struct {
  impl *v;
  size_t n, cap;
  long sizes[MAX_SIZES];
  int nsizes;
  char dists[MAX_DISTS][32];
  int ndists;
  json_t *machine;    /* may be NULL */
  json_t *accuracy;   /* may be NULL */
  char acc_mode[32];
  char scans[512];    /* the activations scans/ has exhaustive figures for */
} dataset;

/* Typed member access: the fallback when absent or of another type. */
static const char *jstr(const json_t *o, const char *key, const char *fallback) {
  const json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : fallback;
}
static double jnum(const json_t *o, const char *key, double fallback) {
  const json_t *v = json_object_get(o, key);
  return json_is_number(v) ? json_number_value(v) : fallback;
}

/* Parse a JSON file; NULL with "path:line:col: reason" in err. */
static json_t *load_json(const char *path, char *err, size_t errlen) {
  json_error_t je;
  json_t *v = json_load_file(path, 0, &je);
  if (!v) snprintf(err, errlen, "%s:%d:%d: %s", path, je.line, je.column, je.text);
  return v;
}

static int fail(char *err, size_t errlen, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  return -1;
}

static impl *find_impl(dataset *d, const char *name, int create) {
  for (size_t i = 0; i < d->n; i++)
    if (strcmp(d->v[i].name, name) == 0) return &d->v[i];
  if (!create) return NULL;
  if (d->n == d->cap) {
    size_t nc = d->cap ? d->cap * 2 : 64;
    impl *nv = realloc(d->v, nc * sizeof *nv);
    if (!nv) return NULL;
    d->v = nv;
    d->cap = nc;
  }
  impl *m = &d->v[d->n++];
  memset(m, 0, sizeof *m);
  snprintf(m->name, sizeof m->name, "%s", name);
  /* <act>.<tier>.<isa>: act has no '.', neither has isa. */
  char tmp[96];
  snprintf(tmp, sizeof tmp, "%s", name);
  char *a = strtok(tmp, "."), *t = strtok(NULL, "."), *i = strtok(NULL, ".");
  snprintf(m->act, sizeof m->act, "%s", a ? a : "?");
  snprintf(m->tier, sizeof m->tier, "%s", t ? t : "?");
  snprintf(m->isa, sizeof m->isa, "%s", i ? i : "?");
  static const char *const kernel_tiers[] = {"exact", "u1", "u4", "approx"};
  snprintf(m->kind, sizeof m->kind, "peer");
  for (size_t k = 0; k < 4; k++)
    if (strcmp(m->tier, kernel_tiers[k]) == 0) snprintf(m->kind, sizeof m->kind, "kernel");
  m->bound = m->max_ulp = m->nonfinite = m->ulp_all = NAN;
  /* Yardsticks that do not compute the activation: the copy (bandwidth
   * ceiling) and softmax.sleef_exp_scale (one exp pass + one scale pass, the
   * floor issue 5 measures softmax against).  They are shown, but are no
   * Pareto candidates, no SLEEF reference, and their ULP means nothing. */
  m->floor_row = strcmp(m->act, "copy") == 0 || strstr(m->tier, "exp_scale") != NULL;
  for (int x = 0; x < MAX_DISTS; x++)
    for (int s = 0; s < MAX_SIZES; s++) m->ns[x][s] = m->bps[x][s] = NAN;
  return m;
}

static int size_index(dataset *d, long size) {
  for (int i = 0; i < d->nsizes; i++)
    if (d->sizes[i] == size) return i;
  if (d->nsizes == MAX_SIZES) return -1;
  int i = d->nsizes++;
  /* keep ascending */
  while (i > 0 && d->sizes[i - 1] > size) { d->sizes[i] = d->sizes[i - 1]; i--; }
  d->sizes[i] = size;
  return -2; /* inserted: indices shifted, caller must redo */
}

static int dist_index(dataset *d, const char *name) {
  for (int i = 0; i < d->ndists; i++)
    if (strcmp(d->dists[i], name) == 0) return i;
  if (d->ndists == MAX_DISTS) return -1;
  snprintf(d->dists[d->ndists], sizeof d->dists[0], "%s", name);
  return d->ndists++;
}

/* "relu.exact.avx512/uniform/4096[/iterations:3][/real_time]" -> its three
 * parts (Google Benchmark appends the instance's settings). */
static int split_run_name(const char *run, char *name, size_t nl, char *dist, size_t dl, long *size) {
  const char *s1 = strchr(run, '/');
  if (!s1) return -1;
  const char *s2 = strchr(s1 + 1, '/');
  if (!s2) return -1;
  snprintf(name, nl, "%.*s", (int)(s1 - run), run);
  snprintf(dist, dl, "%.*s", (int)(s2 - s1 - 1), s1 + 1);
  char *end;
  *size = strtol(s2 + 1, &end, 10);
  return (*end == 0 || *end == '/') && *size > 0 ? 0 : -1;
}

static void dataset_free(dataset *d) {
  free(d->v);
  json_decref(d->machine);
  json_decref(d->accuracy);
  memset(d, 0, sizeof *d);
}

static int cmp_names(const void *a, const void *b) { return strcmp(a, b); }

/* Exhaustive figures: every JSON file in dir/scans/ holding the output of
 * `simdact ulp --exhaustive --json FILE` (kernels over all 2^32 inputs).
 * Sampled or row scans in those files are ignored; a file that does not
 * parse is reported and skipped. */
static void load_scans(dataset *d, const char *dir) {
  char path[4200];
  snprintf(path, sizeof path, "%s/scans", dir);
  DIR *dh = opendir(path);
  if (!dh) return;
  /* Sorted file names, so the list of activations is stable. */
  char names[128][256];
  int nn = 0;
  for (struct dirent *e; (e = readdir(dh)) && nn < 128;) {
    size_t l = strlen(e->d_name);
    if (l > 5 && l < 256 && strcmp(e->d_name + l - 5, ".json") == 0) snprintf(names[nn++], 256, "%s", e->d_name);
  }
  closedir(dh);
  qsort(names, (size_t)nn, sizeof names[0], cmp_names);
  for (int f = 0; f < nn; f++) {
    char msg[4700];
    snprintf(path, sizeof path, "%s/scans/%.255s", dir, names[f]);
    json_t *j = load_json(path, msg, sizeof msg);
    if (!j) { fprintf(stderr, "simdact report: %s (skipped)\n", msg); continue; }
    const json_t *scans = json_object_get(j, "scans");
    for (size_t i = 0; i < json_array_size(scans); i++) {
      const json_t *sc = json_array_get(scans, i);
      if (strcmp(jstr(sc, "mode", ""), "exhaustive")) continue;
      const json_t *ks = json_object_get(sc, "kernels");
      int used = 0;
      for (size_t k = 0; k < json_array_size(ks); k++) {
        const json_t *kj = json_array_get(ks, k);
        impl *m = find_impl(d, jstr(kj, "name", ""), 0);
        const json_t *mu = json_object_get(kj, "max_ulp");
        if (!m || !json_is_number(mu)) continue;
        m->ulp_all = json_number_value(mu);
        used = 1;
      }
      const char *act = jstr(sc, "act", "?");
      if (used && strlen(d->scans) + strlen(act) + 3 < sizeof d->scans)
        snprintf(d->scans + strlen(d->scans), sizeof d->scans - strlen(d->scans), "%s%s", d->scans[0] ? ", " : "", act);
    }
    json_decref(j);
  }
}

static int load(dataset *d, const char *dir, char *err, size_t errlen) {
  memset(d, 0, sizeof *d);
  char path[4200], msg[4700];
  snprintf(path, sizeof path, "%s/bench.json", dir);
  json_t *b = load_json(path, msg, sizeof msg);
  if (!b) return fail(err, errlen, "%s", msg);
  json_t *runs = json_object_get(b, "benchmarks");
  if (!json_is_array(runs)) {
    json_decref(b);
    return fail(err, errlen, "%s: not Google Benchmark JSON (no \"benchmarks\" array)", path);
  }
  /* Two passes: sizes first (so indices are stable), then values.  Within
   * an instance, the "median" aggregate wins over single iterations; with
   * one repetition there is no aggregate and the run itself is used. */
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < json_array_size(runs); i++) {
      const json_t *r = json_array_get(runs, i);
      const char *run = jstr(r, "run_name", jstr(r, "name", NULL));
      char name[96], dist[32];
      long size;
      if (!run || split_run_name(run, name, sizeof name, dist, sizeof dist, &size)) continue;
      if (pass == 0) { size_index(d, size); continue; }
      int si = size_index(d, size), di = dist_index(d, dist);
      if (si < 0 || di < 0) continue;
      impl *m = find_impl(d, name, 1);
      if (!m) { json_decref(b); return fail(err, errlen, "out of memory"); }
      const char *label = jstr(r, "label", "");
      const char *k = strstr(label, "kind=");
      if (k) snprintf(m->kind, sizeof m->kind, "%.*s", (int)strcspn(k + 5, " "), k + 5);
      if (json_is_true(json_object_get(r, "error_occurred"))) {
        snprintf(m->skip, sizeof m->skip, "%s", jstr(r, "error_message", "skipped"));
        continue;
      }
      const char *rt = jstr(r, "run_type", "iteration");
      const char *agg = jstr(r, "aggregate_name", "");
      int is_median = strcmp(rt, "aggregate") == 0 && strcmp(agg, "median") == 0;
      if (strcmp(rt, "aggregate") == 0 && !is_median) continue;
      double ns = jnum(r, "ns_per_element", NAN);
      double ips = jnum(r, "items_per_second", NAN);
      if (isnan(ns) && ips > 0) ns = 1e9 / ips;
      if (is_median || isnan(m->ns[di][si])) {
        m->ns[di][si] = ns;
        m->bps[di][si] = jnum(r, "bytes_per_second", NAN);
      }
      double mu = jnum(r, "max_ulp", NAN), bu = jnum(r, "bound_ulp", NAN);
      if (!isnan(mu)) m->max_ulp = mu;
      if (!isnan(bu)) m->bound = bu;
    }
  }
  json_decref(b);

  snprintf(path, sizeof path, "%s/accuracy.json", dir);
  d->accuracy = access(path, F_OK) == 0 ? load_json(path, msg, sizeof msg) : NULL;
  if (!d->accuracy && access(path, F_OK) == 0) fprintf(stderr, "simdact report: %s (accuracy columns from bench.json)\n", msg);
  snprintf(d->acc_mode, sizeof d->acc_mode, "%s", jstr(d->accuracy, "mode", "unknown"));
  json_t *acc = json_object_get(d->accuracy, "implementations");
  for (size_t i = 0; i < json_array_size(acc); i++) {
    const json_t *a = json_array_get(acc, i);
    const char *name = jstr(a, "name", NULL);
    impl *m = name ? find_impl(d, name, 0) : NULL; /* timed rows only */
    if (!m) continue;
    const char *kind = jstr(a, "kind", NULL);
    if (kind) snprintf(m->kind, sizeof m->kind, "%s", kind);
    double bu = jnum(a, "bound_ulp", NAN);
    if (!isnan(bu)) m->bound = bu;
    if (strcmp(jstr(a, "status", ""), "ok") == 0) {
      const json_t *mu = json_object_get(a, "max_ulp");
      /* null: the engine's figure was not finite */
      m->max_ulp = json_is_number(mu) ? json_number_value(mu) : INFINITY;
      m->nonfinite = jnum(a, "nonfinite_mismatches", NAN);
      m->exhaustive = json_is_true(json_object_get(a, "exhaustive"));
    }
  }
  load_scans(d, dir);
  snprintf(path, sizeof path, "%s/machine.json", dir);
  d->machine = access(path, F_OK) == 0 ? load_json(path, msg, sizeof msg) : NULL;
  if (!d->machine && access(path, F_OK) == 0) fprintf(stderr, "simdact report: %s\n", msg);
  if (d->n == 0) return fail(err, errlen, "%s/bench.json: no benchmark runs named <impl>/<dist>/<n>", dir);
  if (d->nsizes == 0 || d->ndists == 0) return fail(err, errlen, "%s/bench.json: no sizes", dir);
  return 0;
}

/* ------------------------------------------------------------ ordering */

static int rank_of(const char *s, const char *const *list, int n) {
  for (int i = 0; i < n; i++)
    if (strcmp(s, list[i]) == 0) return i;
  return n;
}

static int impl_cmp(const void *pa, const void *pb) {
  const impl *a = pa, *b = pb;
  static const char *const tiers[] = {"exact", "u1", "u4", "approx", "libm", "sleef_u10", "sleef_u35"};
  static const char *const isas[] = {"scalar", "sse41", "avx2", "avx512", "neon"};
  int c = strcmp(a->kind, b->kind); /* "kernel" < "peer" */
  if (c) return c;
  c = rank_of(a->tier, tiers, 7) - rank_of(b->tier, tiers, 7);
  if (c) return c;
  c = strcmp(a->tier, b->tier);
  if (c) return c;
  return rank_of(a->isa, isas, 5) - rank_of(b->isa, isas, 5);
}

/* The activations in first-seen order (copy excluded). */
static int acts_of(const dataset *d, const char **acts, int max) {
  int n = 0;
  for (size_t i = 0; i < d->n; i++) {
    if (strcmp(d->v[i].act, "copy") == 0) continue;
    int seen = 0;
    for (int j = 0; j < n; j++) seen |= strcmp(acts[j], d->v[i].act) == 0;
    if (!seen && n < max) acts[n++] = d->v[i].act;
  }
  return n;
}

/* The size where speedups and the Pareto front are judged: the middle one
 * (L2 for the default 4096, 65536, 16M), in cache and past call overhead. */
static int ref_size(const dataset *d) { return d->nsizes / 2; }

/* The ULP figure a row is judged by: measured, else the kernel's bound. */
static double ulp_of(const impl *m) { return !isnan(m->max_ulp) ? m->max_ulp : m->bound; }

/* ------------------------------------------------------------ formatting */

static void fmt_num(char *b, size_t bl, double v) {
  if (isnan(v)) snprintf(b, bl, "—");
  else if (isinf(v)) snprintf(b, bl, "inf");
  else if (v == 0) snprintf(b, bl, "0");
  else if (fabs(v) >= 1e5 || fabs(v) < 1e-3) snprintf(b, bl, "%.2e", v);
  else if (fabs(v) >= 100) snprintf(b, bl, "%.0f", v);
  else snprintf(b, bl, "%.3g", v);
}

static void fmt_size(char *b, size_t bl, long n) {
  if (n % (1 << 20) == 0) snprintf(b, bl, "%ldM", n >> 20);
  else if (n % 1024 == 0) snprintf(b, bl, "%ldK", n >> 10);
  else snprintf(b, bl, "%ld", n);
}

static int on_front_candidate(const impl *m, int rs) {
  double u = ulp_of(m);
  return !m->skip[0] && !m->floor_row && isfinite(u) && !isnan(m->ns[0][rs]) && !(m->nonfinite > 0);
}

/* One activation's table (Markdown) to f. */
static void write_table(FILE *f, dataset *d, const char *act, const impl *copy) {
  int rs = ref_size(d), big = d->nsizes - 1;
  size_t nrows = 0;
  impl **rows = malloc((d->n + 1) * sizeof *rows);
  if (!rows) return;
  for (size_t i = 0; i < d->n; i++)
    if (strcmp(d->v[i].act, act) == 0) rows[nrows++] = &d->v[i];
  /* Sort a copy of the pointers by kind, tier, ISA. */
  impl *tmp = malloc(nrows * sizeof *tmp + 1);
  for (size_t i = 0; i < nrows; i++) tmp[i] = *rows[i];
  qsort(tmp, nrows, sizeof *tmp, impl_cmp);

  /* References for speedups: libm, and the fastest SLEEF composition. */
  double t_libm = NAN, t_sleef = NAN;
  for (size_t i = 0; i < nrows; i++) {
    double t = tmp[i].ns[0][rs];
    if (strcmp(tmp[i].tier, "libm") == 0) t_libm = t;
    if (strncmp(tmp[i].tier, "sleef", 5) == 0 && !tmp[i].floor_row && !isnan(t) && (isnan(t_sleef) || t < t_sleef))
      t_sleef = t;
  }
  /* The full-domain column, when scans/ has figures for this activation (a
   * run that was itself exhaustive has them in its own column already). */
  int have_all = 0;
  for (size_t i = 0; i < nrows; i++) have_all |= !isnan(tmp[i].ulp_all);
  if (strcmp(d->acc_mode, "exhaustive") == 0) have_all = 0;
  /* Pareto front over rows that ran, have a finite ULP figure and no
   * non-finite mismatch (a wrong NaN or infinity is not a trade-off). */
  for (size_t i = 0; i < nrows; i++) {
    impl *a = &tmp[i];
    double ua = ulp_of(a), ta = a->ns[0][rs];
    a->pareto = on_front_candidate(a, rs);
    for (size_t j = 0; j < nrows && a->pareto; j++) {
      const impl *b = &tmp[j];
      double ub = ulp_of(b), tb = b->ns[0][rs];
      if (j == i || !on_front_candidate(b, rs)) continue;
      if (ub <= ua && tb <= ta && (ub < ua || tb < ta)) a->pareto = 0;
    }
  }
  char sz[32], v[64];
  fprintf(f, "| implementation | kind | tier | ISA | bound |%s max ULP %s |", have_all ? " max ULP all 2^32 |" : "",
          strcmp(d->acc_mode, "exhaustive") == 0 ? "all 2^32" : "sampled");
  for (int s = 0; s < d->nsizes; s++) {
    fmt_size(sz, sizeof sz, d->sizes[s]);
    fprintf(f, " ns/el %s |", sz);
  }
  for (int x = 1; x < d->ndists; x++) {
    fmt_size(sz, sizeof sz, d->sizes[rs]);
    fprintf(f, " ns/el %s %s |", sz, d->dists[x]);
  }
  fmt_size(sz, sizeof sz, d->sizes[big]);
  fprintf(f, " GB/s %s | × libm | × SLEEF | Pareto |\n", sz);
  fprintf(f, "|---|---|---|---|--:|--:|%s", have_all ? "--:|" : "");
  for (int s = 0; s < d->nsizes + d->ndists - 1; s++) fprintf(f, "--:|");
  fprintf(f, "--:|--:|--:|:-:|\n");
  for (size_t i = 0; i <= nrows; i++) {
    const impl *m = i < nrows ? &tmp[i] : copy;
    if (!m) break;
    fprintf(f, "| %s%s | %s | %s | %s |", m->name,
            i == nrows ? " (bandwidth ceiling)" : m->floor_row ? " (yardstick: exp pass + scale pass, not the activation)" : "",
            m->kind, m->tier, m->isa);
    fmt_num(v, sizeof v, m->bound);
    fprintf(f, " %s |", v);
    if (have_all) {
      fmt_num(v, sizeof v, m->ulp_all);
      /* judged against today's bound, not the one the scan was run with */
      fprintf(f, " %s%s |", v, m->ulp_all > m->bound ? " (above bound!)" : "");
    }
    if (m->skip[0]) {
      fprintf(f, " %s |", m->skip);
      for (int s = 0; s < d->nsizes + d->ndists - 1 + 3; s++) fprintf(f, " |");
      fprintf(f, " |\n");
      continue;
    }
    fmt_num(v, sizeof v, m->max_ulp);
    if (m->floor_row) snprintf(v, sizeof v, "—");
    fprintf(f, " %s%s |", v, m->nonfinite > 0 && !m->floor_row ? " (non-finite!)" : "");
    for (int s = 0; s < d->nsizes; s++) {
      fmt_num(v, sizeof v, m->ns[0][s]);
      fprintf(f, " %s |", v);
    }
    for (int x = 1; x < d->ndists; x++) {
      fmt_num(v, sizeof v, m->ns[x][rs]);
      fprintf(f, " %s |", v);
    }
    fmt_num(v, sizeof v, m->bps[0][big] / 1e9);
    fprintf(f, " %s |", v);
    double t = m->ns[0][rs];
    fmt_num(v, sizeof v, t_libm / t);
    fprintf(f, " %s |", v);
    fmt_num(v, sizeof v, t_sleef / t);
    fprintf(f, " %s | %s |\n", v, i < nrows && m->pareto ? "●" : "");
  }
  /* Pareto flags back into the dataset (for the plot). */
  for (size_t i = 0; i < nrows; i++) find_impl(d, tmp[i].name, 0)->pareto = tmp[i].pareto;
  free(tmp);
  free(rows);
}

static void header(FILE *f, const dataset *d, const char *dir) {
  const json_t *m = d->machine;
  fprintf(f, "# simdact bench: %s\n\n", jstr(m, "machine", dir));
  fprintf(f, "| | |\n|---|---|\n");
  static const char *const keys[][2] = {
      {"cpu", "CPU"}, {"caches", "caches"}, {"widest_isa", "widest ISA"},
      {"compiler", "compiler"}, {"cflags", "CFLAGS"}, {"os", "OS"},
      {"simdact_version", "simdact"}, {"git", "git"},
      {"google_benchmark_version", "Google Benchmark"}, {"sleef_version", "SLEEF"},
      {"date", "date"}, {"mode", "mode"}, {"dists", "inputs"}};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
    const char *v = jstr(m, keys[i][0], NULL);
    if (v && *v) fprintf(f, "| %s | %s |\n", keys[i][1], v);
  }
  double cores = jnum(m, "cores", NAN), secs = jnum(m, "seconds", NAN);
  if (!isnan(cores)) fprintf(f, "| cores | %.0f |\n", cores);
  if (!isnan(secs)) fprintf(f, "| bench wall time | %.0f s |\n", secs);
  double samples = jnum(d->accuracy, "samples", NAN);
  const char *engine = jstr(d->accuracy, "engine", "");
  if (strcmp(d->acc_mode, "exhaustive") == 0)
    fprintf(f, "| accuracy | all 2^32 inputs (%s) |\n", engine);
  else if (!isnan(samples))
    fprintf(f, "| accuracy | %.0f sampled inputs per implementation (%s) |\n", samples, engine);
  char sz[32], szs[160] = "";
  fmt_size(sz, sizeof sz, d->sizes[ref_size(d)]);
  for (int i = 0; i < d->nsizes; i++) {
    char one[32];
    fmt_size(one, sizeof one, d->sizes[i]);
    snprintf(szs + strlen(szs), sizeof szs - strlen(szs), "%s%s", i ? ", " : "", one);
  }
  const char *mode = jstr(m, "mode", "full");
  fprintf(f, "\nReproduce: `./bootstrap && make bench%s` (writes `results/%s/`); "
             "`simdact report results/%s` rebuilds this file and the plots from the JSON.\n\n",
          strcmp(mode, "full") == 0 ? "" : strcmp(mode, "quick") == 0 ? " BENCH=quick" : " BENCH=tiny",
          jstr(m, "machine", "<machine>"), jstr(m, "machine", "<machine>"));

  /* What a time is. */
  double reps = jnum(m, "repetitions", NAN), mt = jnum(m, "min_time", NAN);
  fprintf(f, "**Timing (%s mode).** Every implementation is called on %s elements of %s inputs", mode, szs,
          d->dists[0]);
  for (int x = 1; x < d->ndists; x++) fprintf(f, ", and on %s inputs at %s", d->dists[x], sz);
  if (mt > 0 && reps >= 1)
    fprintf(f, ". Each figure is the median of %.0f repetitions; a repetition repeats the call until it has "
               "used at least %g s of CPU time (at least one call: one pass over the data at the DRAM size), "
               "so a figure averages thousands of calls at the cache sizes. ", reps, mt);
  else
    fprintf(f, ". Each figure is a fixed handful of calls: a smoke test of the harness, not a measurement. ");
  fprintf(f, "*ns/el* is CPU time per element (time the process waited for a core on a shared machine is "
             "not counted; memory stalls are), input and output buffers are distinct, 64-byte aligned and "
             "touched before timing; at the L1 size the same input is timed again and again, so branch "
             "predictors learn it. `make bench` (full) uses 5 repetitions of >= 0.04 s; `BENCH=quick` 3 of "
             ">= 0.01 s (same tables, a few %% noisier); `simdact compare` judges two runs with their "
             "repetitions.\n\n");

  /* What the columns are. */
  fprintf(f, "**Columns.** *bound*: the kernel's registered max-ULP bound, the library's promise over all "
             "2^32 binary32 inputs (`src/simdact_kernels.h` says how each was established: exhaustive "
             "scans, or sampled scans plus a margin; row scans for softmax/log_softmax, whose domain is "
             "not enumerable). ");
  if (d->scans[0])
    fprintf(f, "*max ULP all 2^32*: the maximum over every binary32 input from an exhaustive scan "
               "(`simdact ulp --exhaustive --json`, files in `scans/`: %s), the full-domain figure; "
               "\"(above bound!)\" if it exceeds the bound. ", d->scans);
  if (strcmp(d->acc_mode, "exhaustive") == 0)
    fprintf(f, "*max ULP all 2^32*: measured in this run over every binary32 input by the scan engine "
               "(`reference/`), for kernels and peers alike. ");
  else
    fprintf(f, "*max ULP sampled*: measured in this run by the scan engine (`reference/`) for kernels and "
               "peers alike on %.0f inputs each (specials, random bit patterns, dense [-20, 20]; rows for "
               "softmax), a lower bound on the full-domain maximum and the only figure the peers have "
               "(`BENCH_FLAGS=--exhaustive` scans every input, slowly). ",
            jnum(d->accuracy, "samples", NAN));
  fprintf(f, "\"non-finite!\": NaN or infinity where the exact value is finite, or the reverse. "
             "*GB/s*: bytes read plus written per second at the DRAM size. *× libm*, *× SLEEF*: speedup at "
             "%s elements over the libm loop and over the fastest SLEEF composition. *Pareto*: no other row "
             "is both at least as fast (at %s) and at least as accurate (the max ULP of this run, the same "
             "method for every row; the bound where none), and better in one; rows with non-finite "
             "mismatches and yardsticks are not candidates. "
             "Peers: `libm` is the plain `<math.h>` loop, `sleef_u10`/`sleef_u35` the SLEEF vector "
             "functions at the widest ISA composed the obvious way (u35 only where SLEEF has one: tanh), "
             "`copy.memcpy` the bandwidth ceiling; `softmax.sleef_exp_scale` is a yardstick (one SLEEF exp "
             "pass and one scale pass), not a softmax.\n\n", sz, sz);
}

/* "0.412 (0.52)": ns/element at size index si and the max ULP of this run. */
static void fmt_cell(char *b, size_t bl, const impl *m, int si) {
  char t[32], u[32];
  if (!m) { snprintf(b, bl, "—"); return; }
  fmt_num(t, sizeof t, m->ns[0][si]);
  fmt_num(u, sizeof u, m->max_ulp);
  snprintf(b, bl, "%s (%s%s)", t, u, m->nonfinite > 0 ? ", non-finite!" : "");
}

static int tier_rank(const char *tier) {
  static const char *const tiers[] = {"exact", "u1", "u4", "approx"};
  return rank_of(tier, tiers, 4);
}

/* The summary at the smallest size: per activation, the fastest kernel of
 * its most accurate tier (lowest bound), the fastest kernel of any tier, the
 * fastest SLEEF composition and the libm loop. */
static void summary(FILE *f, const dataset *d, const char *const *acts, int nacts) {
  char sz[32];
  fmt_size(sz, sizeof sz, d->sizes[0]);
  fprintf(f, "## Summary: ns/element at %s elements (%s inputs), max ULP in parentheses\n\n", sz, d->dists[0]);
  fprintf(f, "*most accurate*: the fastest kernel (any ISA) of the activation's most accurate tier; "
             "*fastest*: the fastest kernel of any tier; *best SLEEF*: the fastest SLEEF composition; "
             "*× SLEEF*, *× libm*: speedup of the most accurate kernel over those.\n\n");
  fprintf(f, "| activation | most accurate | ns/el (max ULP) | fastest | ns/el (max ULP) | best SLEEF | "
             "ns/el (max ULP) | libm ns/el (max ULP) | × SLEEF | × libm |\n");
  fprintf(f, "|---|---|--:|---|--:|---|--:|--:|--:|--:|\n");
  for (int a = 0; a < nacts; a++) {
    const impl *acc = NULL, *fast = NULL, *sleef = NULL, *libm = NULL;
    for (size_t i = 0; i < d->n; i++) {
      const impl *m = &d->v[i];
      double t = m->ns[0][0];
      if (strcmp(m->act, acts[a]) || m->skip[0] || m->floor_row || isnan(t)) continue;
      if (strcmp(m->kind, "kernel") == 0) {
        if (!fast || t < fast->ns[0][0]) fast = m;
        int c = acc ? (m->bound < acc->bound ? -1 : m->bound > acc->bound ? 1
                                                  : tier_rank(m->tier) - tier_rank(acc->tier))
                    : -1;
        if (c < 0 || (c == 0 && strcmp(m->tier, acc->tier) == 0 && t < acc->ns[0][0])) acc = m;
      } else if (strncmp(m->tier, "sleef", 5) == 0) {
        if (!sleef || t < sleef->ns[0][0]) sleef = m;
      } else if (strcmp(m->tier, "libm") == 0) {
        libm = m;
      }
    }
    char c1[96], c2[96], c3[96], c4[96], r1[32], r2[32];
    fmt_cell(c1, sizeof c1, acc, 0);
    fmt_cell(c2, sizeof c2, fast, 0);
    fmt_cell(c3, sizeof c3, sleef, 0);
    fmt_cell(c4, sizeof c4, libm, 0);
    fmt_num(r1, sizeof r1, acc && sleef ? sleef->ns[0][0] / acc->ns[0][0] : NAN);
    fmt_num(r2, sizeof r2, acc && libm ? libm->ns[0][0] / acc->ns[0][0] : NAN);
    fprintf(f, "| %s | %s%s%s%s | %s | %s%s%s%s | %s | %s | %s | %s | %s | %s |\n", acts[a],
            acc ? acc->tier : "—", acc ? "." : "", acc ? acc->isa : "", "", c1,
            fast ? fast->tier : "—", fast ? "." : "", fast ? fast->isa : "", "", c2,
            sleef ? sleef->tier : "—", c3, c4, r1, r2);
  }
  fprintf(f, "\n");
}

/* The issue's DRAM criterion: at the largest size, every kernel whose
 * smallest-size (L1) ns/element is below the copy loop's ns/element at the
 * largest size must run within 15% of the copy; the others are compute-bound
 * there.  From the first distribution's figures alone. */
#define DRAM_TOLERANCE 1.15

static int impl_ptr_cmp(const void *a, const void *b) {
  return impl_cmp(*(const impl *const *)a, *(const impl *const *)b);
}

/* The L3 size in bytes from machine.json's "caches" ("... L3 32768K"), 0 if
 * not known. */
static double l3_bytes(const dataset *d) {
  const char *c = strstr(jstr(d->machine, "caches", ""), "L3 ");
  if (!c) return 0;
  char *end;
  double v = strtod(c + 3, &end);
  return *end == 'K' ? v * 1024 : *end == 'M' ? v * 1048576 : 0;
}

static void dram_section(FILE *f, dataset *d, const char *const *acts, int nacts) {
  int big = d->nsizes - 1;
  char l1[32], dram[32], v[64];
  fmt_size(l1, sizeof l1, d->sizes[0]);
  fmt_size(dram, sizeof dram, d->sizes[big]);
  fprintf(f, "## DRAM bandwidth\n\n");
  if (big == 0) {
    fprintf(f, "This run has one size (%s): no DRAM figures to hold the kernels against the copy loop "
               "(the full and quick modes have them).\n\n", l1);
    return;
  }
  const impl *copy = find_impl(d, "copy.memcpy.scalar", 0);
  double c = copy && !copy->skip[0] ? copy->ns[0][big] : NAN;
  if (!(c > 0)) {
    fprintf(f, "No copy loop (`copy.memcpy.scalar`) figure at %s elements: nothing to hold the kernels "
               "against.\n\n", dram);
    return;
  }
  /* The kernels with both figures, per activation in report order. */
  impl **mem = malloc((d->n + 1) * sizeof *mem), **cpu = malloc((d->n + 1) * sizeof *cpu);
  if (!mem || !cpu) { free(mem); free(cpu); return; }
  size_t nm = 0, nc = 0, nwithin = 0, nmissing = 0;
  for (int a = 0; a < nacts; a++) {
    size_t m0 = nm, c0 = nc;
    for (size_t i = 0; i < d->n; i++) {
      impl *m = &d->v[i];
      if (strcmp(m->act, acts[a]) || strcmp(m->kind, "kernel")) continue;
      if (m->skip[0] || isnan(m->ns[0][0]) || isnan(m->ns[0][big])) { nmissing++; continue; }
      if (m->ns[0][0] < c) mem[nm++] = m;
      else cpu[nc++] = m;
    }
    qsort(mem + m0, nm - m0, sizeof *mem, impl_ptr_cmp);
    qsort(cpu + c0, nc - c0, sizeof *cpu, impl_ptr_cmp);
  }
  for (size_t i = 0; i < nm; i++) nwithin += mem[i]->ns[0][big] / c <= DRAM_TOLERANCE;

  fmt_num(v, sizeof v, c);
  fprintf(f, "The copy loop (`copy.memcpy.scalar`) takes **%s ns/element** at %s elements (%s inputs; ", v,
          dram, d->dists[0]);
  fmt_num(v, sizeof v, copy->bps[0][big] / 1e9);
  fprintf(f, "%s GB/s read plus written; input and output %.0f MiB", v, 8.0 * (double)d->sizes[big] / 1048576);
  double l3 = l3_bytes(d);
  if (l3 > 0)
    fprintf(f, ", %s the %.0f MiB L3%s", 8.0 * (double)d->sizes[big] > l3 ? "past" : "within", l3 / 1048576,
            8.0 * (double)d->sizes[big] > l3 ? "" : ": not a DRAM figure");
  fprintf(f, "). A kernel whose ns/element at %s (in L1) is below that is memory-bound at %s and should run "
             "within 15%% of the copy loop there: *× copy* is its %s ns/element over the copy's, within "
             "15%% when <= %.2f. The other kernels are compute-bound even at %s (listed below the table).\n\n",
          l1, dram, dram, DRAM_TOLERANCE, dram);
  if (nm == 0) {
    fprintf(f, "**No kernel is memory-bound at %s** (none is faster at %s than the copy loop at %s).\n\n", dram,
            l1, dram);
  } else {
    fprintf(f, "**%zu of %zu memory-bound kernels run within 15%% of the copy loop**", nwithin, nm);
    if (nwithin == nm) {
      fprintf(f, "; all of them.\n\n");
    } else {
      fprintf(f, "; not within:");
      const char *sep = " ";
      for (size_t i = 0; i < nm; i++) {
        double r = mem[i]->ns[0][big] / c;
        if (r <= DRAM_TOLERANCE) continue;
        fprintf(f, "%s`%s` (%.2f×)", sep, mem[i]->name, r);
        sep = ", ";
      }
      fprintf(f, ".\n\n");
    }
    fprintf(f, "| kernel | ns/el %s | ns/el %s | × copy | within 15%% |\n|---|--:|--:|--:|:-:|\n", l1, dram);
    for (size_t i = 0; i < nm; i++) {
      char t1[32], t2[32];
      double r = mem[i]->ns[0][big] / c;
      fmt_num(t1, sizeof t1, mem[i]->ns[0][0]);
      fmt_num(t2, sizeof t2, mem[i]->ns[0][big]);
      fprintf(f, "| %s | %s | %s | %.2f | %s |\n", mem[i]->name, t1, t2, r, r <= DRAM_TOLERANCE ? "yes" : "no");
    }
    fprintf(f, "\n");
  }
  fmt_num(v, sizeof v, c);
  fprintf(f, "**Compute-bound at %s**: %zu kernels, their ns/element at %s (at or above the copy's %s) in "
             "parentheses%s\n", dram, nc, l1, v, nc ? ":\n" : ".");
  for (size_t i = 0; i < nc; i++) {
    int first = i == 0 || strcmp(cpu[i]->act, cpu[i - 1]->act);
    fmt_num(v, sizeof v, cpu[i]->ns[0][0]);
    if (first) fprintf(f, "%s- %s:", i ? "\n" : "", cpu[i]->act);
    fprintf(f, "%s`%s` (%s)", first ? " " : ", ", cpu[i]->name, v);
  }
  fprintf(f, "%s", nc ? "\n\n" : "");
  if (nmissing)
    fprintf(f, "%zu kernels have no figure at %s or %s (skipped on this CPU or filtered out) and are left "
               "out.\n\n", nmissing, l1, dram);
  free(mem);
  free(cpu);
}

/* ------------------------------------------------------------ plots */

static int have_gnuplot(void) { return system("gnuplot --version >/dev/null 2>&1") == 0; }

/* Shell-quote-free path check: the plot commands run through system(). */
static int path_is_plain(const char *p) {
  for (; *p; p++)
    if (!(isalnum((unsigned char)*p) || strchr("/._-+:@", *p))) return 0;
  return 1;
}

/* The x range of the plots: 0 ULP is drawn at the left edge, anything above
 * 1048576 ULP (overflowing compositions, wrong NaNs) at the right edge. */
#define PLOT_ULP_MIN 0.01
#define PLOT_ULP_MAX 1048576.0

static int write_plot(dataset *d, const char *dir, const char *act) {
  char path[4200];
  snprintf(path, sizeof path, "%s/plots/%s.gp", dir, act);
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  int rs = ref_size(d);
  char sz[32];
  fmt_size(sz, sizeof sz, d->sizes[rs]);
  fprintf(f, "# %s: ns/element at %s elements against max ULP (gnuplot %s.gp)\n", act, sz, act);
  /* Points: kernels, peers, and the front, with 0 ULP drawn at 0.01.  Empty
   * blocks are left out (gnuplot 5.4 crashes on labels from empty data). */
  const char *blocks[] = {"kernels", "peers", "front"};
  int count[3];
  for (int b = 0; b < 3; b++) {
    impl *sel[512];
    int ns = 0;
    for (size_t i = 0; i < d->n && ns < 512; i++) {
      impl *m = &d->v[i];
      double u = ulp_of(m), t = m->ns[0][rs];
      if (strcmp(m->act, act) || m->skip[0] || isnan(u) || isnan(t)) continue;
      if (b == 0 && strcmp(m->kind, "kernel")) continue;
      if (b == 1 && strcmp(m->kind, "peer")) continue;
      if (b == 2 && !m->pareto) continue;
      sel[ns++] = m;
    }
    count[b] = ns;
    if (!ns) continue;
    /* the front sorted by ULP so its line is monotone */
    for (int i = 1; i < ns; i++)
      for (int j = i; j > 0 && ulp_of(sel[j]) < ulp_of(sel[j - 1]); j--) {
        impl *t = sel[j]; sel[j] = sel[j - 1]; sel[j - 1] = t;
      }
    fprintf(f, "$%s << EOD\n", blocks[b]);
    for (int i = 0; i < ns; i++) {
      double u = ulp_of(sel[i]);
      fprintf(f, "%.6g %.6g \"%s%s\"\n", u < PLOT_ULP_MIN ? PLOT_ULP_MIN : u > PLOT_ULP_MAX ? PLOT_ULP_MAX : u,
              sel[i]->ns[0][rs], sel[i]->name,
              u > PLOT_ULP_MAX ? (isinf(u) || sel[i]->nonfinite > 0 ? " (non-finite)" : " (off scale)") : "");
    }
    fprintf(f, "EOD\n");
  }
  fprintf(f,
          "set logscale xy\n"
          "set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'\n"
          "set ylabel 'ns/element at %s elements'\n"
          "set title '%s: speed against accuracy (%s)'\n"
          "set grid\n"
          "set key outside right top\n"
          "set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1\n",
          sz, act, jstr(d->machine, "machine", ""));
  const char *sep = "plot ";
  if (count[2]) {
    fprintf(f, "%s$front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front'", sep);
    sep = ", \\\n     ";
  }
  if (count[0]) {
    fprintf(f, "%s$kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \\\n"
               "     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle", sep);
    sep = ", \\\n     ";
  }
  if (count[1]) {
    fprintf(f, "%s$peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \\\n"
               "     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle", sep);
    sep = ", \\\n     ";
  }
  if (!count[0] && !count[1]) fprintf(f, "set label 'no point has both a time and a ULP figure' at graph 0.5, graph 0.5 center\n"
               "set xrange [0.01:100]\nset yrange [0.01:100]\nplot 1e9 notitle");
  fprintf(f, "\n");
  fclose(f);
  char cmd[9000];
  snprintf(cmd, sizeof cmd,
           "cd '%s/plots' && gnuplot -e \"set terminal svg size 900,600 dynamic; set output '%s.svg'\" %s.gp 2>/dev/null "
           "&& gnuplot -e \"set terminal pngcairo size 900,600; set output '%s.png'\" %s.gp 2>/dev/null",
           dir, act, act, act, act);
  return system(cmd) == 0 ? 0 : -1;
}

/* ------------------------------------------------------------ entry points */

int bench_report(const char *dir, FILE *term, char *err, size_t errlen) {
  dataset d;
  if (!path_is_plain(dir)) return fail(err, errlen, "%s: use a folder name of letters, digits and /._-+:@", dir);
  if (load(&d, dir, err, errlen)) { dataset_free(&d); return -1; }
  char path[4200], tmp[4300];
  snprintf(path, sizeof path, "%s/REPORT.md", dir);
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *f = fopen(tmp, "w");
  if (!f) { dataset_free(&d); return fail(err, errlen, "%s: %s", tmp, strerror(errno)); }
  header(f, &d, dir);
  const char *acts[256];
  int nacts = acts_of(&d, acts, 256);
  summary(f, &d, acts, nacts);
  if (term) summary(term, &d, acts, nacts);
  dram_section(f, &d, acts, nacts);
  if (term) dram_section(term, &d, acts, nacts);
  const impl *copy = NULL;
  for (size_t i = 0; i < d.n; i++)
    if (strcmp(d.v[i].act, "copy") == 0) copy = &d.v[i];
  int plots = have_gnuplot();
  if (plots) {
    snprintf(path, sizeof path, "%s/plots", dir);
    if (mkdir(path, 0777) && errno != EEXIST) plots = 0;
  } else {
    fprintf(stderr, "simdact report: gnuplot not found, no plots (Debian: apt-get install gnuplot-nox)\n");
  }
  for (int a = 0; a < nacts; a++) {
    fprintf(f, "## %s\n\n", acts[a]);
    write_table(f, &d, acts[a], copy);
    if (plots && write_plot(&d, dir, acts[a]) == 0)
      fprintf(f, "\n![%s: ns/element against max ULP](plots/%s.svg)\n", acts[a], acts[a]);
    fprintf(f, "\n");
    if (term) {
      fprintf(term, "\n== %s ==\n", acts[a]);
      write_table(term, &d, acts[a], copy);
    }
  }
  int bad = ferror(f);
  if (fclose(f) || bad) { dataset_free(&d); return fail(err, errlen, "%s: write error", tmp); }
  snprintf(path, sizeof path, "%s/REPORT.md", dir);
  if (rename(tmp, path)) { dataset_free(&d); return fail(err, errlen, "%s: %s", path, strerror(errno)); }
  if (term) fprintf(term, "\nreport: %s\n", path);
  dataset_free(&d);
  return 0;
}

int bench_report_cross(const char *const *dirs, int ndirs, FILE *out, char *err, size_t errlen) {
  dataset *ds = calloc((size_t)ndirs, sizeof *ds);
  if (!ds) return fail(err, errlen, "out of memory");
  int rc = 0;
  for (int i = 0; i < ndirs && !rc; i++) rc = load(&ds[i], dirs[i], err, errlen);
  if (!rc) {
    fprintf(out, "# simdact bench: %d machines\n\n", ndirs);
    fprintf(out, "ns/element at each machine's middle size (uniform inputs unless noted), and max ULP.\n\n");
    for (int i = 0; i < ndirs; i++) {
      char sz[32];
      fmt_size(sz, sizeof sz, ds[i].sizes[ref_size(&ds[i])]);
      fprintf(out, "- **%s**: %s, %s elements, %s (`%s`)\n", jstr(ds[i].machine, "machine", dirs[i]),
              jstr(ds[i].machine, "cpu", "?"), sz, ds[i].dists[0], dirs[i]);
    }
    /* Activations over all machines, rows = names over all machines. */
    const char *acts[512];
    int nacts = 0;
    for (int i = 0; i < ndirs; i++) {
      const char *a[256];
      int n = acts_of(&ds[i], a, 256);
      for (int j = 0; j < n; j++) {
        int seen = 0;
        for (int k = 0; k < nacts; k++) seen |= strcmp(acts[k], a[j]) == 0;
        if (!seen && nacts < 512) acts[nacts++] = a[j];
      }
    }
    for (int a = 0; a < nacts; a++) {
      fprintf(out, "\n## %s\n\n| implementation |", acts[a]);
      for (int i = 0; i < ndirs; i++) fprintf(out, " %s ns/el | max ULP |", jstr(ds[i].machine, "machine", dirs[i]));
      fprintf(out, "\n|---|");
      for (int i = 0; i < ndirs; i++) fprintf(out, "--:|--:|");
      fprintf(out, "\n");
      /* every name of this act, first-seen order over machines */
      for (int i = 0; i < ndirs; i++)
        for (size_t r = 0; r < ds[i].n; r++) {
          const impl *m = &ds[i].v[r];
          if (strcmp(m->act, acts[a])) continue;
          int seen = 0;
          for (int j = 0; j < i && !seen; j++) seen = find_impl(&ds[j], m->name, 0) != NULL;
          if (seen) continue;
          fprintf(out, "| %s |", m->name);
          for (int j = 0; j < ndirs; j++) {
            const impl *o = find_impl(&ds[j], m->name, 0);
            char t[64], u[64];
            if (!o) { fprintf(out, " — | — |"); continue; }
            if (o->skip[0]) { fprintf(out, " skipped | |"); continue; }
            fmt_num(t, sizeof t, o->ns[0][ref_size(&ds[j])]);
            fmt_num(u, sizeof u, ulp_of(o));
            fprintf(out, " %s | %s |", t, u);
          }
          fprintf(out, "\n");
        }
    }
  }
  for (int i = 0; i < ndirs; i++) dataset_free(&ds[i]);
  free(ds);
  return rc;
}
