/* Reading Google Benchmark JSON and results folders (see benchdata.h). */
#include "config.h"

#include "benchdata.h"
#include "stats.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static enum bench_clock clock_choice = BENCH_CLOCK_CPU;
void bench_set_clock(enum bench_clock c) { clock_choice = c; }

static char *xstrdup(const char *s) {
  if (!s) return NULL;
  char *d = strdup(s);
  if (!d) { fprintf(stderr, "simdact: out of memory\n"); exit(3); }
  return d;
}

__attribute__((format(printf, 3, 4))) static int fail(char *err, size_t errlen, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  return -1;
}

static char *join_path(const char *dir, const char *file) {
  size_t n = strlen(dir) + strlen(file) + 2;
  char *p = malloc(n);
  if (!p) { fprintf(stderr, "simdact: out of memory\n"); exit(3); }
  snprintf(p, n, "%s/%s", dir, file);
  return p;
}

static int is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *str_field(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static double num_field(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_number(v) ? json_number_value(v) : NAN;
}

/* Nanoseconds per time_unit, or 0 for an unknown unit. */
static double unit_ns(const char *u) {
  if (!u) return 0;
  if (!strcmp(u, "ns")) return 1;
  if (!strcmp(u, "us")) return 1e3;
  if (!strcmp(u, "ms")) return 1e6;
  if (!strcmp(u, "s")) return 1e9;
  return 0;
}

static bench_row *row_get(bench_set *s, const char *name) {
  /* Repetitions of one benchmark are usually adjacent: try the last row first. */
  if (s->nrows && !strcmp(s->rows[s->nrows - 1].name, name)) return &s->rows[s->nrows - 1];
  for (size_t i = 0; i < s->nrows; i++)
    if (!strcmp(s->rows[i].name, name)) return &s->rows[i];
  if (s->nrows == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 64;
    bench_row *r = realloc(s->rows, s->cap * sizeof *r);
    if (!r) { fprintf(stderr, "simdact: out of memory\n"); exit(3); }
    s->rows = r;
  }
  bench_row *r = &s->rows[s->nrows++];
  memset(r, 0, sizeof *r);
  r->name = xstrdup(name);
  r->max_ulp = r->claimed_ulp = r->nonfinite = NAN;
  return r;
}

static void row_push(bench_row *r, double x) {
  if (r->n == r->cap) {
    r->cap = r->cap ? 2 * r->cap : 8;
    double *v = realloc(r->v, r->cap * sizeof *v);
    if (!v) { fprintf(stderr, "simdact: out of memory\n"); exit(3); }
    r->v = v;
  }
  r->v[r->n++] = x;
}

/* The larger of two figures where NAN means absent. */
static double max_present(double a, double b) {
  if (isnan(a)) return b;
  if (isnan(b)) return a;
  return a > b ? a : b;
}

static void push_runmed(bench_row *r, double m) {
  double *v = realloc(r->runmed, (r->nrun + 1) * sizeof *v);
  if (!v) { fprintf(stderr, "simdact: out of memory\n"); exit(3); }
  r->runmed = v;
  r->runmed[r->nrun++] = m;
}

static void recount_reps(bench_set *s) {
  s->reps_min = 0;
  for (size_t k = 0; k < s->nrows; k++)
    if (s->rows[k].n && (s->reps_min == 0 || s->rows[k].n < s->reps_min)) s->reps_min = s->rows[k].n;
}

/* machine.json beside the bench JSON, when there is one.  A machine.json
 * that exists but does not parse is bad input too. */
static int read_machine_json(bench_set *s, const char *dir, char *err, size_t errlen) {
  char *mpath = join_path(dir, "machine.json");
  FILE *f = fopen(mpath, "r");
  if (!f) { free(mpath); return 0; }
  json_error_t je;
  json_t *m = json_loadf(f, 0, &je);
  fclose(f);
  if (!json_is_object(m)) {
    int rc = fail(err, errlen, "%s: not a JSON object (%s, line %d)", mpath,
                  m ? "wrong type" : je.text, je.line);
    json_decref(m);
    free(mpath);
    return rc;
  }
  const char *id = str_field(m, "machine");
  if (id) { free(s->machine); s->machine = xstrdup(id); s->machine_from = "machine.json"; }
  const char *ver = str_field(m, "simdact_version");
  if (!ver) ver = str_field(m, "library_version");
  if (ver) { free(s->simdact_version); s->simdact_version = xstrdup(ver); }
  const char *gb = str_field(m, "google_benchmark_version");
  if (gb) { free(s->gbench_version); s->gbench_version = xstrdup(gb); }
  const char *cc = str_field(m, "compiler");
  if (cc) { free(s->compiler); s->compiler = xstrdup(cc); }
  json_decref(m);
  free(mpath);
  return 0;
}

/* A machine identity from Google Benchmark's own context: CPU count and
 * cache hierarchy (the host name differs between identical CI runners). */
static char *context_machine(json_t *ctx) {
  char buf[512];
  size_t len = 0;
  double cpus = num_field(ctx, "num_cpus");
  len += (size_t)snprintf(buf + len, sizeof buf - len, "%g cpus", isnan(cpus) ? 0 : cpus);
  json_t *caches = json_object_get(ctx, "caches");
  size_t i;
  json_t *c;
  if (json_is_array(caches)) json_array_foreach(caches, i, c) {
      const char *type = str_field(c, "type");
      double level = num_field(c, "level"), size = num_field(c, "size");
      if (len < sizeof buf - 64)
        len += (size_t)snprintf(buf + len, sizeof buf - len, ", L%g%s %gK", level,
                                type && !strcmp(type, "Data")          ? "d"
                                : type && !strcmp(type, "Instruction") ? "i"
                                                                       : "",
                                size / 1024);
    }
  return xstrdup(buf);
}

/* Google Benchmark writes non-finite doubles as the bare tokens NaN and
 * Infinity (with an optional '-'), which are not JSON: the coefficient of
 * variation of a constant counter is NaN in every real bench.json.  Outside
 * strings, NaN becomes null (absent) and Infinity 1e308 (larger than any
 * bound), leaving line numbers intact for error messages. */
static char *read_gbench_text(FILE *f, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *raw = malloc(cap);
  if (!raw) return NULL;
  for (size_t got; (got = fread(raw + n, 1, cap - n, f)) > 0;) {
    n += got;
    if (n == cap) {
      char *r = realloc(raw, cap *= 2);
      if (!r) { free(raw); return NULL; }
      raw = r;
    }
  }
  char *out = malloc(2 * n + 1); /* "NaN" -> "null" grows by at most 1/3 */
  if (!out) { free(raw); return NULL; }
  size_t o = 0;
  int in_str = 0;
  for (size_t i = 0; i < n;) {
    char ch = raw[i];
    if (in_str) {
      out[o++] = ch;
      i++;
      if (ch == '\\' && i < n) out[o++] = raw[i++];
      else if (ch == '"') in_str = 0;
      continue;
    }
    if (ch == '"') in_str = 1;
    size_t neg = ch == '-';
    if (n - i - neg >= 3 && !memcmp(raw + i + neg, "NaN", 3)) {
      memcpy(out + o, "null", 4), o += 4, i += neg + 3;
      continue;
    }
    if (n - i - neg >= 8 && !memcmp(raw + i + neg, "Infinity", 8)) {
      if (neg) out[o++] = '-';
      memcpy(out + o, "1e308", 5), o += 5, i += neg + 8;
      continue;
    }
    out[o++] = ch;
    i++;
  }
  free(raw);
  *len = o;
  return out;
}

int bench_set_load(const char *path, bench_set *s, char *err, size_t errlen) {
  memset(s, 0, sizeof *s);
  s->path = is_dir(path) ? join_path(path, "bench.json") : xstrdup(path);
  FILE *f = fopen(s->path, "r");
  if (!f) {
    int e = errno;
    return fail(err, errlen, "%s: %s%s", s->path, strerror(e),
                is_dir(path) ? " (a results folder must hold bench.json)" : "");
  }
  json_error_t je;
  size_t len = 0;
  char *text = read_gbench_text(f, &len);
  fclose(f);
  if (!text) return fail(err, errlen, "%s: out of memory reading it", s->path);
  json_t *root = json_loadb(text, len, 0, &je);
  free(text);
  if (!root)
    return fail(err, errlen, "%s: not valid JSON (truncated or corrupt file?): %s at line %d, column %d",
                s->path, je.text, je.line, je.column);

  int rc = -1;
  json_t *ctx = json_object_get(root, "context");
  json_t *list = json_object_get(root, "benchmarks");
  if (!json_is_object(root) || !json_is_object(ctx) || !json_is_array(list)) {
    fail(err, errlen, "%s: not Google Benchmark output (expected an object with \"context\" and "
         "\"benchmarks\"; run the benchmark with --benchmark_format=json or --benchmark_out=FILE)",
         s->path);
    goto out;
  }
  s->date = xstrdup(str_field(ctx, "date"));
  s->host = xstrdup(str_field(ctx, "host_name"));
  s->gbench_version = xstrdup(str_field(ctx, "library_version"));
  s->simdact_version = xstrdup(str_field(ctx, "simdact_version"));
  s->compiler = xstrdup(str_field(ctx, "compiler"));
  s->mode = xstrdup(str_field(ctx, "simdact_mode"));
  const char *cm = str_field(ctx, "simdact_machine");
  if (cm) { s->machine = xstrdup(cm); s->machine_from = "context"; }
  else { s->machine = context_machine(ctx); s->machine_from = "cpus+caches"; }

  size_t i;
  json_t *b;
  json_array_foreach(list, i, b) {
    const char *name = json_is_object(b) ? str_field(b, "name") : NULL;
    if (!name) {
      fail(err, errlen, "%s: not Google Benchmark output: benchmarks[%zu] has no \"name\"", s->path, i);
      goto out;
    }
    const char *run_type = str_field(b, "run_type");
    if (run_type && strcmp(run_type, "iteration")) continue; /* aggregates: recomputed here */
    const char *run_name = str_field(b, "run_name");
    bench_row *r = row_get(s, run_name ? run_name : name);
    if (!r->label && str_field(b, "label")) {
      r->label = xstrdup(str_field(b, "label"));
      r->peer = strstr(r->label, "kind=peer") != NULL;
    }
    if (json_is_true(json_object_get(b, "error_occurred"))) {
      const char *msg = str_field(b, "error_message");
      if (!r->error) r->error = xstrdup(msg ? msg : "error");
      continue;
    }
    double scale = unit_ns(str_field(b, "time_unit"));
    double cpu = num_field(b, "cpu_time"), real = num_field(b, "real_time");
    if (scale == 0 || !isfinite(cpu) || !isfinite(real)) {
      fail(err, errlen, "%s: not Google Benchmark output: benchmarks[%zu] (%s) lacks a valid "
           "\"time_unit\", \"cpu_time\" or \"real_time\"", s->path, i, name);
      goto out;
    }
    double x = num_field(b, "ns_per_element"), ips = num_field(b, "items_per_second");
    const char *unit = "ns/element";
    if (isnan(x)) x = ips > 0 ? 1e9 / ips : NAN;
    if (isnan(x)) {
      x = (clock_choice == BENCH_CLOCK_REAL ? real : cpu) * scale;
      unit = "ns/iteration";
    } else if (clock_choice != BENCH_CLOCK_MEASURED && cpu > 0 && real > 0) {
      /* x is per element on the clock the benchmark used: real time when its
       * name ends in /real_time (or /manual_time), else CPU time. */
      int used_real = strstr(name, "/real_time") || strstr(name, "/manual_time");
      if (used_real && clock_choice == BENCH_CLOCK_CPU) x *= cpu / real;
      if (!used_real && clock_choice == BENCH_CLOCK_REAL) x *= real / cpu;
    }
    if (!(x > 0) || !isfinite(x)) {
      fail(err, errlen, "%s: benchmarks[%zu] (%s): time per %s is %g, not a positive number",
           s->path, i, name, unit + 3, x);
      goto out;
    }
    if (r->unit && strcmp(r->unit, unit)) {
      fail(err, errlen, "%s: benchmark %s mixes repetitions with and without items_per_second",
           s->path, r->name);
      goto out;
    }
    r->unit = unit;
    row_push(r, x);
    const char *accm = str_field(b, "accuracy");
    if (accm && !r->acc_mode) r->acc_mode = xstrdup(accm);
    double mu = num_field(b, "max_ulp");
    if (isnan(mu) && accm && (!strcmp(accm, "sampled") || !strcmp(accm, "exhaustive")))
      mu = INFINITY; /* measured, but not finite: the bench writes null */
    r->max_ulp = max_present(r->max_ulp, mu);
    r->claimed_ulp = max_present(r->claimed_ulp, num_field(b, "bound_ulp"));
    r->claimed_ulp = max_present(r->claimed_ulp, num_field(b, "claimed_ulp"));
    r->nonfinite = max_present(r->nonfinite, num_field(b, "nonfinite_mismatch"));
    r->nonfinite = max_present(r->nonfinite, num_field(b, "nonfinite_mismatches"));
  }
  if (s->nrows == 0) {
    fail(err, errlen, "%s: Google Benchmark output without any benchmark result", s->path);
    goto out;
  }
  recount_reps(s);
  s->runs = 1;
  for (size_t k = 0; k < s->nrows; k++)
    if (s->rows[k].n) push_runmed(&s->rows[k], stats_median(s->rows[k].v, s->rows[k].n));

  /* machine.json lives beside bench.json in a results folder. */
  char *dir = xstrdup(s->path);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = 0; else strcpy(dir, ".");
  rc = read_machine_json(s, dir, err, errlen);
  free(dir);
out:
  json_decref(root);
  return rc;
}

int bench_set_load_list(const char *list, bench_set *s, char *err, size_t errlen) {
  char *copy = xstrdup(list), *save = NULL;
  int rc = 0, first = 1;
  memset(s, 0, sizeof *s);
  for (char *p = strtok_r(copy, ",", &save); p && rc == 0; p = strtok_r(NULL, ",", &save)) {
    if (first) {
      rc = bench_set_load(p, s, err, errlen);
      first = 0;
      continue;
    }
    bench_set t;
    rc = bench_set_load(p, &t, err, errlen);
    if (rc == 0 && strcmp(t.machine, s->machine))
      rc = fail(err, errlen, "%s and %s, runs of one side, come from different machines (%s; %s)",
                s->path, t.path, s->machine, t.machine);
    for (size_t i = 0; rc == 0 && i < t.nrows; i++) {
      const bench_row *tr = &t.rows[i];
      bench_row *r = row_get(s, tr->name);
      if (r->unit && tr->unit && strcmp(r->unit, tr->unit)) {
        rc = fail(err, errlen, "%s: benchmark %s has other units than in %s", t.path, tr->name, s->path);
        break;
      }
      if (!r->unit) r->unit = tr->unit;
      for (size_t k = 0; k < tr->n; k++) row_push(r, tr->v[k]);
      for (size_t k = 0; k < tr->nrun; k++) push_runmed(r, tr->runmed[k]);
      if (!r->label && tr->label) { r->label = xstrdup(tr->label); r->peer = tr->peer; }
      if (!r->error && tr->error) r->error = xstrdup(tr->error);
      if (!r->acc_mode && tr->acc_mode) r->acc_mode = xstrdup(tr->acc_mode);
      r->max_ulp = max_present(r->max_ulp, tr->max_ulp);
      r->claimed_ulp = max_present(r->claimed_ulp, tr->claimed_ulp);
      r->nonfinite = max_present(r->nonfinite, tr->nonfinite);
    }
    if (rc == 0) {
      size_t l = strlen(s->path) + strlen(t.path) + 2;
      char *joined = malloc(l);
      if (!joined) { fprintf(stderr, "simdact: out of memory\n"); exit(3); }
      snprintf(joined, l, "%s,%s", s->path, t.path);
      free(s->path);
      s->path = joined;
      s->runs++;
    }
    bench_set_free(&t);
  }
  if (first && rc == 0) rc = fail(err, errlen, "empty list of runs '%s'", list);
  free(copy);
  if (rc == 0) recount_reps(s);
  return rc;
}

void bench_set_free(bench_set *s) {
  for (size_t i = 0; i < s->nrows; i++) {
    free(s->rows[i].name);
    free(s->rows[i].label);
    free(s->rows[i].v);
    free(s->rows[i].runmed);
    free(s->rows[i].acc_mode);
    free(s->rows[i].error);
  }
  free(s->rows);
  free(s->path);
  free(s->date);
  free(s->host);
  free(s->machine);
  free(s->simdact_version);
  free(s->gbench_version);
  free(s->compiler);
  free(s->mode);
  memset(s, 0, sizeof *s);
}

const bench_row *bench_set_find(const bench_set *s, const char *name) {
  for (size_t i = 0; i < s->nrows; i++)
    if (!strcmp(s->rows[i].name, name)) return &s->rows[i];
  return NULL;
}
