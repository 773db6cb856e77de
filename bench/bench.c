/* simdact-bench: speed and accuracy of every kernel in the registry and of
 * the peers a user would pick instead, on this machine.
 *
 * Walks simdact_kernel_at() (so every kernel that lands shows up with no
 * bench code), adds the peers (peers.h), measures each one's accuracy with
 * the scan engine (accuracy.h), times each at the configured sizes and input
 * distributions through Google Benchmark (gbench.h), and writes
 * <out>/<machine>/{bench,accuracy,machine}.json, then REPORT.md and the plots
 * (report.h).  `simdact-bench --help` lists the options. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>


#include "accuracy.h"
#include "gbench.h"
#include <jansson.h>
#include "machine.h"
#include "peers.h"
#include "report.h"
#include "reference/ref.h"
#include "simdact.h"

/* ---------------------------------------------------------------- options */

#define MAX_SIZES 16
#define MAX_DISTS 4

typedef struct {
  char name[32];  /* "uniform", "normal" (or as given) */
  int normal;
  double a, b;    /* uniform: [a, b]; normal: mean a, deviation b */
} dist;

typedef struct {
  const char *mode;         /* tiny | quick | full */
  size_t sizes[MAX_SIZES];
  int nsizes;
  dist dists[MAX_DISTS];
  int ndists;
  int dists_everywhere;     /* 0: distributions after the first at the middle size only */
  uint64_t samples;         /* accuracy inputs per implementation; 0 = exhaustive */
  int accuracy;             /* 0: skip the scan */
  double min_time;          /* seconds per repetition (quick/full) */
  int repetitions;
  int64_t iterations;       /* fixed iteration count (tiny), else 0 */
  const char *out_root;     /* results root: <root>/<machine>/ */
  const char *dir;          /* exact output folder (overrides out_root) */
  int report;
  int list;
  int all_peers;            /* peers of every activation, not only the registry's */
} options;

static void usage(FILE *f) {
  fprintf(f,
      "usage: simdact-bench [options] [--benchmark_* flags]\n\n"
      "Times every kernel this CPU runs and the peers (libm loops, SLEEF\n"
      "compositions, a memcpy copy loop) at L1, L2 and DRAM sizes, measures\n"
      "their accuracy with the scan engine, and writes <out>/<machine>/:\n"
      "bench.json (Google Benchmark JSON), accuracy.json, machine.json,\n"
      "REPORT.md and one plot per activation.\n\n"
      "  --mode=full|quick|tiny  presets (default full); options below override\n"
      "       full:  sizes 4096,65536,16777216 on uniform inputs, normal inputs\n"
      "              at 65536; 5 repetitions of >= 0.04 s CPU; 2^20 accuracy samples\n"
      "       quick: same sizes; uniform; 3 repetitions of >= 0.01 s; 2^16 samples\n"
      "       tiny:  size 4096; uniform; 3 iterations; 2^12 samples (tests)\n"
      "  --sizes=N,N,...         elements per call\n"
      "  --dist=D,D,...          uniform[:LO:HI] (default -10:10), normal[:MEAN:SD]\n"
      "                          (default 0:1); the first at every size, the others\n"
      "                          at the middle size only (unless --dists-everywhere)\n"
      "  --dists-everywhere      every distribution at every size\n"
      "  --samples=N             accuracy inputs per implementation\n"
      "  --exhaustive            accuracy over all 2^32 inputs (slow)\n"
      "  --no-accuracy           skip the accuracy scan\n"
      "  --min-time=S --repetitions=N --iterations=N\n"
      "  --out=ROOT              results root (default results): ROOT/<machine>/\n"
      "  --dir=DIR               write exactly into DIR\n"
      "  --no-report             JSON only, no REPORT.md or plots\n"
      "  --all-peers             peers for every activation they exist for, also\n"
      "                          those without kernels in this build\n"
      "  --softmax-cols=N        softmax/log_softmax row length (default 1024; the\n"
      "                          whole call when N does not divide it, or N = 0)\n"
      "  --list                  print what would be measured, and exit\n"
      "  --machine-name          print the machine folder name, and exit\n\n"
      "Google Benchmark's flags (--benchmark_filter=REGEX, ...) pass through.\n"
      "SIMDACT_ISA=avx2 (for example) caps the ISAs measured, peers included.\n");
}

static int parse_sizes(const char *s, options *o) {
  o->nsizes = 0;
  while (*s) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || errno || v == 0 || v > ((size_t)1 << 34) || o->nsizes == MAX_SIZES) return -1;
    if (*end == 'k' || *end == 'K') { v <<= 10; end++; }
    else if (*end == 'M') { v <<= 20; end++; }
    o->sizes[o->nsizes++] = (size_t)v;
    if (*end == ',') end++;
    else if (*end) return -1;
    s = end;
  }
  return o->nsizes ? 0 : -1;
}

static int parse_dists(const char *s, options *o) {
  o->ndists = 0;
  char buf[256];
  snprintf(buf, sizeof buf, "%s", s);
  for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
    if (o->ndists == MAX_DISTS) return -1;
    dist *d = &o->dists[o->ndists];
    char kind[16] = "";
    double a, b;
    int got = sscanf(tok, "%15[a-z]:%lf:%lf", kind, &a, &b);
    if (strcmp(kind, "uniform") == 0) { d->normal = 0; d->a = -10; d->b = 10; }
    else if (strcmp(kind, "normal") == 0) { d->normal = 1; d->a = 0; d->b = 1; }
    else return -1;
    if (got == 3) { d->a = a; d->b = b; }
    else if (got != 1) return -1;
    if (d->normal ? !(d->b > 0) : !(d->a < d->b)) return -1;
    /* The name stays short when the parameters are the defaults. */
    if (got == 3) snprintf(d->name, sizeof d->name, "%s:%g:%g", kind, d->a, d->b);
    else snprintf(d->name, sizeof d->name, "%s", kind);
    o->ndists++;
  }
  return o->ndists ? 0 : -1;
}

static void set_mode(options *o, const char *mode) {
  o->mode = mode;
  static const size_t three[] = {4096, 65536, (size_t)16 << 20};
  o->nsizes = 3;
  memcpy(o->sizes, three, sizeof three);
  parse_dists("uniform", o);
  o->accuracy = 1;
  o->iterations = 0;
  if (strcmp(mode, "full") == 0) {
    parse_dists("uniform,normal", o);
    o->samples = 1 << 20;
    o->min_time = 0.04;
    o->repetitions = 5;
  } else if (strcmp(mode, "quick") == 0) {
    o->samples = 1 << 16;
    o->min_time = 0.01;
    o->repetitions = 3;
  } else { /* tiny */
    o->nsizes = 1;
    o->sizes[0] = 4096;
    o->samples = 1 << 12;
    o->min_time = 0;
    o->repetitions = 1;
    o->iterations = 3;
  }
}

/* --------------------------------------------------------------- progress */

static int progress_tty;

static void progress(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (progress_tty) fputs("\r\033[K", stderr);
  vfprintf(stderr, fmt, ap);
  if (!progress_tty) fputc('\n', stderr);
  fflush(stderr);
  va_end(ap);
}

static void progress_end(void) {
  if (progress_tty) fputc('\n', stderr);
}

/* Non-terminal output gets a line per tenth of the work, not per step. */
static int progress_due(int done, int total) {
  if (progress_tty || done == total) return 1;
  int step = total / 10 > 0 ? total / 10 : 1;
  return done % step == 0;
}

/* ------------------------------------------------------------------ items */

/* One implementation measured: a kernel of the registry or a peer. */
typedef struct {
  char name[96];   /* <act>.<tier>.<isa> for kernels and peers alike */
  const char *act, *tier, *isa;
  const char *kind;      /* "kernel" or "peer" */
  double bound;          /* the kernel's verified bound; NAN for peers */
  simdact_kernel_fn fn;
  char skip[96];         /* why it is not run here; "" when it runs */
  bench_accuracy acc;
} item;

static item *items;
static size_t nitems, items_cap;

static item *add_item(const char *act, const char *tier, const char *isa, const char *kind,
                      double bound, simdact_kernel_fn fn) {
  if (nitems == items_cap) {
    items_cap = items_cap ? items_cap * 2 : 64;
    items = realloc(items, items_cap * sizeof *items);
    if (!items) { fprintf(stderr, "simdact-bench: out of memory\n"); exit(1); }
  }
  item *it = &items[nitems++];
  memset(it, 0, sizeof *it);
  snprintf(it->name, sizeof it->name, "%s.%s.%s", act, tier, isa);
  it->act = act;
  it->tier = tier;
  it->isa = isa;
  it->kind = kind;
  it->bound = bound;
  it->fn = fn;
  return it;
}

static const char *const isa_order[] = {"scalar", "sse41", "avx2", "avx512", "neon"};

static int isa_rank(const char *isa) {
  for (int i = 0; i < (int)(sizeof isa_order / sizeof *isa_order); i++)
    if (strcmp(isa, isa_order[i]) == 0) return i;
  return -1;
}

/* Whether this process may run isa: the CPU supports it, and SIMDACT_ISA
 * (when set) does not cap below it.  Sets why when not. */
static int isa_runnable(const char *isa, char *why, size_t whylen) {
  if (strcmp(isa, "scalar") == 0) return 1;
  if (!simdact_isa_supported(isa)) {
    snprintf(why, whylen, "skipped: this CPU/OS does not run %s", isa);
    return 0;
  }
  const char *cap = getenv("SIMDACT_ISA");
  if (cap && *cap && isa_rank(cap) >= 0 && isa_rank(isa) > isa_rank(cap) &&
      !(strcmp(cap, "neon") == 0 || strcmp(isa, "neon") == 0)) {
    snprintf(why, whylen, "skipped: above SIMDACT_ISA=%s", cap);
    return 0;
  }
  return 1;
}

static int act_seen(const char *act, size_t upto) {
  for (size_t i = 0; i < upto; i++)
    if (strcmp(items[i].act, act) == 0) return 1;
  return 0;
}

/* SLEEF peer tables per built x86 ISA (sleef_<isa>.c). */
#define SLEEF_DECL(isa)                                \
  extern const bench_peer bench_sleef_peers_##isa[];   \
  extern const size_t bench_sleef_peer_count_##isa;
#ifdef HAVE_ISA_AVX512
SLEEF_DECL(avx512)
#endif
#ifdef HAVE_ISA_AVX2
SLEEF_DECL(avx2)
#endif
#ifdef HAVE_ISA_SSE41
SLEEF_DECL(sse41)
#endif

const bench_peer *bench_sleef_peers(const char *isa, size_t *count) {
  *count = 0;
#ifdef HAVE_ISA_AVX512
  if (strcmp(isa, "avx512") == 0) { *count = bench_sleef_peer_count_avx512; return bench_sleef_peers_avx512; }
#endif
#ifdef HAVE_ISA_AVX2
  if (strcmp(isa, "avx2") == 0) { *count = bench_sleef_peer_count_avx2; return bench_sleef_peers_avx2; }
#endif
#ifdef HAVE_ISA_SSE41
  if (strcmp(isa, "sse41") == 0) { *count = bench_sleef_peer_count_sse41; return bench_sleef_peers_sse41; }
#endif
  return NULL;
}

/* Every kernel of the registry, then for each activation that has kernels its
 * peers (libm; SLEEF at the widest ISA this process runs), then the copy. */
static void add_peers(const char *act, const char *sleef_isa) {
  for (size_t j = 0; j < bench_libm_peer_count; j++)
    if (strcmp(bench_libm_peers[j].act, act) == 0)
      add_item(act, bench_libm_peers[j].impl, bench_libm_peers[j].isa, "peer", NAN, bench_libm_peers[j].fn);
  size_t c = 0;
  const bench_peer *sp = sleef_isa ? bench_sleef_peers(sleef_isa, &c) : NULL;
  for (size_t j = 0; j < c; j++)
    if (strcmp(sp[j].act, act) == 0) add_item(act, sp[j].impl, sp[j].isa, "peer", NAN, sp[j].fn);
}

static void build_items(int all_peers) {
  for (size_t i = 0; i < simdact_kernel_count(); i++) {
    const simdact_kernel *k = simdact_kernel_at(i);
    item *it = add_item(k->act, k->tier, k->isa, "kernel", k->max_ulp, k->fn);
    isa_runnable(k->isa, it->skip, sizeof it->skip);
  }
  size_t nkernels = nitems;
  const char *sleef_isa = NULL;
  for (int r = (int)(sizeof isa_order / sizeof *isa_order) - 1; r > 0 && !sleef_isa; r--) {
    size_t c;
    char why[96];
    if (bench_sleef_peers(isa_order[r], &c) && isa_runnable(isa_order[r], why, sizeof why))
      sleef_isa = isa_order[r];
  }
  for (size_t i = 0; i < nkernels; i++)
    if (!act_seen(items[i].act, i)) add_peers(items[i].act, sleef_isa);
  /* With --all-peers, the activations only peers have, in the libm order. */
  for (size_t j = 0; all_peers && j < bench_libm_peer_count; j++)
    if (!act_seen(bench_libm_peers[j].act, nkernels)) add_peers(bench_libm_peers[j].act, sleef_isa);
  add_item(bench_copy_peer.act, bench_copy_peer.impl, bench_copy_peer.isa, "peer", NAN, bench_copy_peer.fn);
}

/* ---------------------------------------------------------------- shapes */

#define PRELU_CHANNELS 64
#define MAXOUT_K 4
static size_t softmax_cols = 1024; /* --softmax-cols; 0: one row per call */
static float prelu_slopes[PRELU_CHANNELS];

/* The parameters every run of act uses: the defaults, plus a 64-channel
 * prelu slope table, k = 4 for maxout and rows of 1024 (--softmax-cols; n
 * when that does not divide n, or is 0) for softmax and log_softmax. */
static void bench_params(const char *act, size_t n, simdact_params *p) {
  if (simdact_params_default(act, p) != SIMDACT_OK) simdact_params_default("relu", p);
  p->slope = prelu_slopes;
  p->channels = PRELU_CHANNELS;
  if (strcmp(act, "maxout") == 0) p->k = MAXOUT_K;
  p->cols = softmax_cols && n % softmax_cols == 0 ? softmax_cols : n;
}

/* Outputs of one call over n input elements (maxout reduces k to 1). */
static size_t outputs_for(const char *act, size_t n) {
  return strcmp(act, "maxout") == 0 ? n / MAXOUT_K : n;
}

/* ------------------------------------------------------------------ inputs */

static uint64_t rng_state = 0x5eed5eed12345678ull;
static uint64_t rng_next(void) { /* splitmix64 */
  uint64_t z = ref_mix64(rng_state);
  rng_state += 0x9e3779b97f4a7c15ull;
  return z;
}
static double rng_unit(void) { return (double)(rng_next() >> 11) * 0x1p-53; } /* [0, 1) */

static float *alloc_floats(size_t n) {
  float *p = NULL;
  if (posix_memalign((void **)&p, 64, (n ? n : 1) * sizeof(float))) return NULL;
  memset(p, 0, n * sizeof(float)); /* fault the pages in before timing */
  return p;
}

static void fill(float *x, size_t n, const dist *d) {
  for (size_t i = 0; i < n; i++) {
    if (!d->normal) {
      x[i] = (float)(d->a + (d->b - d->a) * rng_unit());
    } else { /* Box-Muller */
      double u = rng_unit(), v = rng_unit();
      x[i] = (float)(d->a + d->b * sqrt(-2.0 * log(1.0 - u)) * cos(2.0 * M_PI * v));
    }
  }
}

/* Whether --benchmark_filter (a POSIX extended regex searched in the run
 * name; a leading '-' negates, as Google Benchmark does) keeps some run of
 * it: the accuracy scan is skipped for the others. */
static int selected(const item *it, const options *o, const char *filter) {
  if (!filter || !*filter || strcmp(filter, "all") == 0) return 1;
  int negate = filter[0] == '-';
  regex_t re;
  if (regcomp(&re, filter + negate, REG_EXTENDED | REG_NOSUB)) return 1;
  int keep = 0;
  for (int d = 0; d < o->ndists && !keep; d++)
    for (int s = 0; s < o->nsizes && !keep; s++) {
      char name[192];
      snprintf(name, sizeof name, "%s/%s/%zu", it->name, o->dists[d].name, o->sizes[s]);
      keep = (regexec(&re, name, 0, NULL, 0) == 0) != negate;
    }
  regfree(&re);
  return keep;
}

/* -------------------------------------------------------------- benchmarks */

typedef struct {
  const item *it;
  const float *x;  /* input of this distribution, max size */
  float *y;        /* shared output, max size */
  const char *dist;
} run_ctx;

static void run_one(gbench_state *st, void *vctx) {
  const run_ctx *c = vctx;
  const item *it = c->it;
  size_t n = (size_t)gbench_arg(st, 0);
  if (it->skip[0]) { gbench_skip(st, it->skip); return; }
  simdact_params p;
  bench_params(it->act, n, &p);
  size_t nout = outputs_for(it->act, n);
  while (gbench_keep_running(st)) {
    it->fn(c->x, c->y, nout, &p);
    gbench_clobber();
  }
  int64_t iters = gbench_iterations_done(st);
  gbench_set_items_processed(st, iters * (int64_t)n);
  gbench_set_bytes_processed(st, iters * (int64_t)(n + nout) * (int64_t)sizeof(float));
  /* ns per element: n * 1e-9 per iteration as a rate, inverted. */
  gbench_set_counter(st, "ns_per_element", (double)n * 1e-9,
                     GBENCH_RATE | GBENCH_ITERATION_INVARIANT | GBENCH_INVERT);
  char label[160];
  snprintf(label, sizeof label, "act=%s tier=%s isa=%s kind=%s dist=%s", it->act, it->tier,
           it->isa, it->kind, c->dist);
  gbench_set_label(st, label);
}

static void on_progress(const char *name, int done, int total, double ns, const char *error, void *ctx) {
  (void)ctx;
  if (!progress_due(done, total)) return;
  if (error) progress("[%4d/%d] timing  %-44s %s", done, total, name, error);
  else progress("[%4d/%d] timing  %-44s %8.3f ns/element", done, total, name, ns);
}

/* ---------------------------------------------------------------- outputs */

static int mkdir_p(const char *path) {
  char buf[4096];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *q = buf + 1; *q; q++) {
    if (*q != '/') continue;
    *q = 0;
    if (mkdir(buf, 0777) && errno != EEXIST) return -1;
    *q = '/';
  }
  return mkdir(buf, 0777) && errno != EEXIST ? -1 : 0;
}

/* A JSON number, or null when not finite (JSON has no infinities). */
static json_t *jreal(double v) { return isfinite(v) ? json_real(v) : json_null(); }

/* Google Benchmark writes non-finite statistics as bare NaN / Infinity
 * (e.g. the coefficient of variation of a constant-zero counter), which is
 * not JSON.  Outside strings, those words become null. */
static void sanitize_json(char *s, size_t *len) {
  static const char *const words[] = {"-Infinity", "Infinity", "-NaN", "NaN", "-nan", "nan", "-inf", "inf"};
  size_t o = 0;
  int in_str = 0;
  for (size_t i = 0; i < *len;) {
    char c = s[i];
    if (in_str) {
      s[o++] = c;
      i++;
      if (c == '\\' && i < *len) s[o++] = s[i++];
      else if (c == '"') in_str = 0;
      continue;
    }
    if (c == '"') { in_str = 1; s[o++] = c; i++; continue; }
    size_t w = 0;
    for (size_t k = 0; k < sizeof words / sizeof *words && !w; k++) {
      size_t l = strlen(words[k]);
      if (i + l <= *len && memcmp(s + i, words[k], l) == 0) w = l;
    }
    if (w) { memcpy(s + o, "null", 4); o += 4; i += w; continue; } /* w >= 3: fits */
    s[o++] = c;
    i++;
  }
  *len = o;
}

/* bench.json as Google Benchmark wrote it, made strict JSON, with each
 * run's accuracy figures added as fields (not counters: their repetition
 * statistics would be meaningless): max_ulp (null when not finite),
 * claimed_ulp (kernels), nonfinite_mismatches, accuracy ("sampled",
 * "exhaustive" or why there is no figure). */
static int finish_bench_json(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  size_t cap = 1 << 20, len = 0;
  char *buf = malloc(cap);
  for (size_t got; buf && (got = fread(buf + len, 1, cap - len, f)) > 0;) {
    len += got;
    if (len == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) { free(buf); buf = NULL; }
      buf = nb;
    }
  }
  fclose(f);
  if (!buf) return -1;
  sanitize_json(buf, &len);
  json_error_t je;
  json_t *root = json_loadb(buf, len, 0, &je);
  free(buf);
  if (!root) {
    fprintf(stderr, "simdact-bench: %s:%d: %s\n", path, je.line, je.text);
    return -1;
  }
  json_t *runs = json_object_get(root, "benchmarks");
  for (size_t i = 0; i < json_array_size(runs); i++) {
    json_t *r = json_array_get(runs, i);
    const char *rn = json_string_value(json_object_get(r, "run_name"));
    if (!rn) continue;
    size_t l = strcspn(rn, "/");
    for (size_t k = 0; k < nitems; k++) {
      const item *it = &items[k];
      if (strlen(it->name) != l || strncmp(it->name, rn, l) != 0) continue;
      const bench_accuracy *a = &it->acc;
      if (isfinite(it->bound)) json_object_set_new(r, "claimed_ulp", json_real(it->bound));
      if (a->status == ACC_OK) {
        json_object_set_new(r, "max_ulp", jreal(a->max_ulp));
        json_object_set_new(r, "nonfinite_mismatches", json_integer((json_int_t)a->nonfinite_mismatch));
      }
      json_object_set_new(r, "accuracy", json_string(a->status == ACC_OK ? (a->exhaustive ? "exhaustive" : "sampled")
                                                     : a->status == ACC_UNAVAILABLE ? "unavailable" : "not_run"));
      break;
    }
  }
  int rc = json_dump_file(root, path, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
  json_decref(root);
  return rc;
}

static void write_accuracy_json(const char *path, const options *o) {
  const char *engine = bench_accuracy_engine();
  json_t *list = json_array();
  for (size_t i = 0; i < nitems; i++) {
    const item *it = &items[i];
    const bench_accuracy *a = &it->acc;
    const char *status = it->skip[0] ? "skipped" : a->status == ACC_OK ? "ok"
                         : a->status == ACC_UNAVAILABLE ? "unavailable" : "not_run";
    json_t *e = json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:s}", "name", it->name, "act", it->act,
                          "tier", it->tier, "isa", it->isa, "kind", it->kind, "bound_ulp",
                          jreal(it->bound), "status", status);
    if (a->status == ACC_OK) {
      char hex[16];
      snprintf(hex, sizeof hex, "0x%08x", a->max_ulp_input);
      json_object_update_new(e, json_pack("{s:b, s:I, s:o, s:s, s:o, s:I, s:I, s:I, s:o, s:o, s:I, s:I}",
          "exhaustive", a->exhaustive, "inputs", (json_int_t)a->inputs, "max_ulp", jreal(a->max_ulp),
          "max_ulp_input", hex, "mean_ulp", jreal(a->mean_ulp), "above_0_5", (json_int_t)a->above_half,
          "above_1", (json_int_t)a->above_1, "above_2", (json_int_t)a->above_2, "max_abs",
          jreal(a->max_abs), "max_rel", jreal(a->max_rel), "nonfinite_mismatches",
          (json_int_t)a->nonfinite_mismatch, "zero_sign_mismatches", (json_int_t)a->zero_sign_mismatch));
      if (isfinite(it->bound)) json_object_set_new(e, "bound_holds", json_boolean(a->holds));
      if (a->rowwise) {
        json_object_del(e, "max_ulp_input");
        json_object_update_new(e, json_pack("{s:b, s:o, s:o}", "rowwise", 1, "max_norm_2m24",
                                            jreal(a->max_norm), "max_sum_dev", jreal(a->max_sum_dev)));
      }
    }
    json_array_append_new(list, e);
  }
  json_t *root = json_pack("{s:s, s:s, s:I, s:o}", "engine", engine, "mode",
                           o->samples ? "sampled" : "exhaustive", "samples", (json_int_t)o->samples,
                           "implementations", list);
  if (!root || json_dump_file(root, path, JSON_INDENT(1) | JSON_REAL_PRECISION(12))) {
    fprintf(stderr, "simdact-bench: cannot write %s\n", path);
    exit(1);
  }
  json_decref(root);
}

/* ------------------------------------------------------------------- main */

int main(int argc, char **argv) {
  options o;
  memset(&o, 0, sizeof o);
  set_mode(&o, "full");
  o.out_root = "results";
  o.report = 1;
  int machine_name_only = 0;
  progress_tty = isatty(2);

  /* Our options first (the mode sets defaults the others override), then
   * the rest goes to Google Benchmark. */
  char **gargv = calloc((size_t)argc + 8, sizeof *gargv);
  int gargc = 0;
  if (!gargv) return 1;
  gargv[gargc++] = argv[0];
  for (int i = 1; i < argc; i++)
    if (strncmp(argv[i], "--mode=", 7) == 0) {
      const char *m = argv[i] + 7;
      if (strcmp(m, "full") && strcmp(m, "quick") && strcmp(m, "tiny")) {
        fprintf(stderr, "simdact-bench: --mode must be full, quick or tiny\n");
        return 2;
      }
      set_mode(&o, m);
    }
  char *user_out = NULL;
  const char *filter = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int bad = 0;
    if (strncmp(a, "--mode=", 7) == 0) continue;
    else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { usage(stdout); return 0; }
    else if (strncmp(a, "--sizes=", 8) == 0) bad = parse_sizes(a + 8, &o);
    else if (strncmp(a, "--dist=", 7) == 0) bad = parse_dists(a + 7, &o);
    else if (strncmp(a, "--samples=", 10) == 0) bad = (o.samples = strtoull(a + 10, NULL, 10)) == 0;
    else if (strcmp(a, "--exhaustive") == 0) o.samples = 0;
    else if (strcmp(a, "--no-accuracy") == 0) o.accuracy = 0;
    else if (strcmp(a, "--dists-everywhere") == 0) o.dists_everywhere = 1;
    else if (strncmp(a, "--min-time=", 11) == 0) bad = !((o.min_time = atof(a + 11)) > 0);
    else if (strncmp(a, "--repetitions=", 14) == 0) bad = (o.repetitions = atoi(a + 14)) < 1;
    else if (strncmp(a, "--iterations=", 13) == 0) bad = (o.iterations = atoll(a + 13)) < 1;
    else if (strncmp(a, "--out=", 6) == 0) o.out_root = a + 6;
    else if (strncmp(a, "--dir=", 6) == 0) o.dir = a + 6;
    else if (strcmp(a, "--no-report") == 0) o.report = 0;
    else if (strcmp(a, "--list") == 0) o.list = 1;
    else if (strcmp(a, "--all-peers") == 0) o.all_peers = 1;
    else if (strncmp(a, "--softmax-cols=", 15) == 0) {
      char *e;
      softmax_cols = (size_t)strtoull(a + 15, &e, 10);
      bad = *e != 0;
    } else if (strcmp(a, "--machine-name") == 0) machine_name_only = 1;
    else if (strncmp(a, "--benchmark_", 12) == 0) {
      if (strncmp(a, "--benchmark_out=", 16) == 0) user_out = argv[i];
      if (strncmp(a, "--benchmark_filter=", 19) == 0) filter = a + 19;
      continue;
    } else {
      fprintf(stderr, "simdact-bench: unknown option '%s'\n", a);
      usage(stderr);
      return 2;
    }
    if (bad) { fprintf(stderr, "simdact-bench: bad value in '%s'\n", a); return 2; }
  }

  /* Ascending sizes: the middle one is the report's reference (L2). */
  for (int i = 1; i < o.nsizes; i++)
    for (int j = i; j > 0 && o.sizes[j] < o.sizes[j - 1]; j--) {
      size_t t = o.sizes[j]; o.sizes[j] = o.sizes[j - 1]; o.sizes[j - 1] = t;
    }

  machine_info mi;
  machine_probe(&mi);
  if (machine_name_only) { printf("%s\n", mi.folder); return 0; }

  build_items(o.all_peers);
  if (o.list) {
    for (size_t i = 0; i < nitems; i++)
      printf("%-32s %-6s %s\n", items[i].name, items[i].kind, items[i].skip[0] ? items[i].skip : "runs");
    return 0;
  }

  char dir[4096];
  if (o.dir) snprintf(dir, sizeof dir, "%s", o.dir);
  else snprintf(dir, sizeof dir, "%s/%s", o.out_root, mi.folder);
  if (mkdir_p(dir)) { fprintf(stderr, "simdact-bench: cannot create %s: %s\n", dir, strerror(errno)); return 1; }

  /* Google Benchmark flags: ours first, so the user's own come later and win. */
  static char flag_out[4200], flag_min[64], flag_rep[64];
  snprintf(flag_out, sizeof flag_out, "--benchmark_out=%s/bench.json", dir);
  gargv[gargc++] = flag_out;
  gargv[gargc++] = "--benchmark_out_format=json";
  if (o.min_time > 0) {
    snprintf(flag_min, sizeof flag_min, "--benchmark_min_time=%g", o.min_time);
    gargv[gargc++] = flag_min;
  }
  snprintf(flag_rep, sizeof flag_rep, "--benchmark_repetitions=%d", o.repetitions);
  gargv[gargc++] = flag_rep;
  for (int i = 1; i < argc; i++)
    if (strncmp(argv[i], "--benchmark_", 12) == 0) gargv[gargc++] = argv[i];
  gargv[gargc] = NULL;
  gbench_init(&gargc, gargv);
  if (gargc > 1) {
    fprintf(stderr, "simdact-bench: unknown Google Benchmark flag '%s'\n", gargv[1]);
    return 2;
  }
  char bench_json[4200];
  if (user_out) snprintf(bench_json, sizeof bench_json, "%s", user_out + 16);
  else snprintf(bench_json, sizeof bench_json, "%s/bench.json", dir);

  for (int i = 0; i < PRELU_CHANNELS; i++) prelu_slopes[i] = 0.01f + 0.24f * (float)i / PRELU_CHANNELS;

  size_t maxn = 0;
  for (int i = 0; i < o.nsizes; i++) maxn = o.sizes[i] > maxn ? o.sizes[i] : maxn;
  float *xs[MAX_DISTS] = {0}, *y = alloc_floats(maxn);
  for (int d = 0; d < o.ndists; d++) {
    xs[d] = alloc_floats(maxn);
    if (!xs[d]) break;
    fill(xs[d], maxn, &o.dists[d]);
  }
  if (!y || !xs[o.ndists - 1]) { fprintf(stderr, "simdact-bench: cannot allocate %zu floats\n", maxn); return 1; }

  time_t t0 = time(NULL);
  size_t nruns = 0;
  for (size_t i = 0; i < nitems; i++) nruns += !items[i].skip[0];

  /* Accuracy first, one scan per activation over all of its runnable,
   * selected implementations (the copy is not a function of its input). */
  if (o.accuracy) {
    bench_acc_target *tg = calloc(nitems, sizeof *tg);
    size_t nacts = 0, done_acts = 0;
    for (size_t i = 0; i < nitems; i++) nacts += strcmp(items[i].act, "copy") && !act_seen(items[i].act, i);
    for (size_t i = 0; tg && i < nitems; i++) {
      const char *act = items[i].act;
      if (!strcmp(act, "copy") || act_seen(act, i)) continue;
      size_t nt = 0;
      for (size_t j = i; j < nitems; j++) {
        item *it = &items[j];
        if (strcmp(it->act, act) || it->skip[0] || !selected(it, &o, filter)) continue;
        tg[nt++] = (bench_acc_target){it->name, it->tier, it->isa, it->bound, it->fn, &it->acc};
      }
      done_acts++;
      if (!nt) continue;
      progress("[%3zu/%zu] accuracy %-14s %zu implementations, %s", done_acts, nacts, act, nt,
               o.samples ? "sampled" : "every input");
      bench_measure_act(act, tg, nt, o.samples);
    }
    progress_end();
    free(tg);
  }

  /* One benchmark family per (implementation, distribution), one instance
   * per size: <act>.<tier>.<isa>/<dist>/<n>.  The first distribution runs at
   * every size; the others (normal, in full mode) at the middle size only,
   * where the report shows them (the sizes test the memory hierarchy, the
   * distributions the code's data dependence: one size is enough for that). */
  run_ctx *ctx = calloc(nitems * (size_t)o.ndists, sizeof *ctx);
  if (!ctx) return 1;
  for (size_t i = 0; i < nitems; i++)
    for (int d = 0; d < o.ndists; d++) {
      run_ctx *c = &ctx[i * (size_t)o.ndists + (size_t)d];
      c->it = &items[i];
      c->x = xs[d];
      c->y = y;
      c->dist = o.dists[d].name;
      char name[160];
      snprintf(name, sizeof name, "%s/%s", items[i].name, o.dists[d].name);
      gbench *b = gbench_register(name, run_one, c);
      if (!b) { fprintf(stderr, "simdact-bench: cannot register %s\n", name); return 1; }
      for (int s = 0; s < o.nsizes; s++)
        if (d == 0 || o.dists_everywhere || s == o.nsizes / 2) gbench_add_arg(b, (int64_t)o.sizes[s]);
      if (o.iterations) gbench_iterations(b, o.iterations);
      /* CPU time, not wall time: single-threaded runs on a shared machine
       * are then not charged for the time other processes hold the core. */
    }

  gbench_add_context("simdact_version", simdact_version());
  gbench_add_context("simdact_machine", mi.folder);
  gbench_add_context("simdact_mode", o.mode);
  gbench_run(on_progress, NULL);
  progress_end();

  if (finish_bench_json(bench_json)) {
    fprintf(stderr, "simdact-bench: cannot rewrite %s with the accuracy fields\n", bench_json);
    return 1;
  }
  /* accuracy.json and machine.json beside bench.json. */
  char path[4300];
  snprintf(path, sizeof path, "%s/accuracy.json", dir);
  write_accuracy_json(path, &o);
  snprintf(path, sizeof path, "%s/machine.json", dir);
  char sizes[256] = "", dists[256] = "";
  for (int i = 0; i < o.nsizes; i++)
    snprintf(sizes + strlen(sizes), sizeof sizes - strlen(sizes), "%s%zu", i ? "," : "", o.sizes[i]);
  for (int i = 0; i < o.ndists; i++)
    snprintf(dists + strlen(dists), sizeof dists - strlen(dists), "%s%s", i ? "," : "", o.dists[i].name);
  bench_run_info ri = {o.mode, sizes, dists, o.samples, o.repetitions, o.min_time,
                       (double)(time(NULL) - t0)};
  if (machine_write_json(&mi, &ri, path)) {
    fprintf(stderr, "simdact-bench: %s: %s\n", path, strerror(errno));
    return 1;
  }
  fprintf(stderr, "simdact-bench: %zu implementations (%zu run here) in %.0f s; results in %s\n",
          nitems, nruns, ri.seconds, dir);

  int rc = 0;
  char err[512];
  if (o.report && bench_report(dir, stdout, err, sizeof err)) {
    fprintf(stderr, "simdact-bench: report: %s\n", err);
    rc = 1;
  }
  free(ctx);
  for (int d = 0; d < o.ndists; d++) free(xs[d]);
  free(y);
  free(gargv);
  return rc;
}
