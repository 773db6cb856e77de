/* make bench, in miniature: run bench/simdact-bench in its tiny mode (one
 * size, three iterations, peers of every activation) and check what it
 * writes: bench.json is Google Benchmark JSON with a row for every kernel of
 * the registry and every peer, accuracy.json and machine.json parse, and
 * REPORT.md has a table per activation that `simdact report` rebuilds
 * identically from the JSON.  No speed is asserted. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "simdact.h"
#include "tap.h"

#define OUT "tests/bench-tiny.out"

/* The peers the bench promises (README, DESIGN.md section 7): a libm loop
 * for every activation of the design's list, SLEEF compositions for the
 * transcendental ones (x86: SLEEF's vector functions), and the copy loop. */
static const char *const libm_acts[] = {
    "binary_step", "linear", "relu", "leaky_relu", "prelu", "elu", "selu",
    "sigmoid", "tanh", "softplus", "softsign", "swish", "silu", "gelu",
    "gelu_tanh", "mish", "hard_sigmoid", "hard_swish", "maxout", "softmax",
    "log_softmax"};
static const char *const sleef_acts[] = {"sigmoid", "tanh", "elu", "selu", "softplus", "swish",
                                         "silu", "gelu", "gelu_tanh", "mish", "softmax", "log_softmax"};
#define COUNT(a) (sizeof a / sizeof a[0])

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  if (s && fread(s, 1, (size_t)n, f) != (size_t)n) { free(s); s = NULL; }
  if (s) s[n] = 0;
  fclose(f);
  return s;
}

static const char *str(const json_t *o, const char *key, const char *fallback) {
  const json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : fallback;
}
static double num(const json_t *o, const char *key) {
  const json_t *v = json_object_get(o, key);
  return json_is_number(v) ? json_number_value(v) : NAN;
}
static json_t *load(const char *path, char *err, size_t errlen) {
  json_error_t je;
  json_t *v = json_load_file(path, 0, &je);
  if (!v) snprintf(err, errlen, "%d:%d: %s", je.line, je.column, je.text);
  return v;
}

/* The first run whose run_name starts with "<impl>/". */
static const json_t *row_of(const json_t *runs, const char *impl) {
  size_t l = strlen(impl);
  for (size_t i = 0; i < json_array_size(runs); i++) {
    const char *rn = str(json_array_get(runs, i), "run_name", "");
    if (strncmp(rn, impl, l) == 0 && rn[l] == '/') return json_array_get(runs, i);
  }
  return NULL;
}

static int is_error(const json_t *r) { return json_is_true(json_object_get(r, "error_occurred")); }

/* A timed row: no error, positive finite rates and ns/element. */
static int timed(const json_t *r) {
  double ns = num(r, "ns_per_element"), ips = num(r, "items_per_second"), bps = num(r, "bytes_per_second");
  return r && !is_error(r) && ns > 0 && isfinite(ns) && ips > 0 && bps > 0;
}

/* s with its first "/4096" replaced by "/16777216" (static buffer). */
static const char *to_dram(const char *s) {
  static char buf[256];
  const char *p = strstr(s, "/4096");
  if (!p) return s;
  snprintf(buf, sizeof buf, "%.*s/16777216%s", (int)(p - s), s, p + 5);
  return buf;
}

/* The DRAM bandwidth section from a bench.json edited here: the tiny run's
 * rows again at 16M elements, with times set so that the verdicts follow
 * from the edit.  The copy loop takes 1.0 ns/element at 16M; relu.exact.scalar
 * is memory-bound (0.5 at 4K) but 1.3x the copy at 16M, linear.exact.scalar
 * 1.1x; sigmoid.u1.scalar is compute-bound (2.0 at 4K); every other kernel
 * 0.2 at 4K and 0.9 at 16M. */
static void check_dram_section(const json_t *b) {
  json_t *e = json_deep_copy(b);
  json_t *runs = json_object_get(e, "benchmarks"), *dram = json_array();
  size_t nkernels = 0;
  for (size_t i = 0; i < json_array_size(runs); i++) {
    json_t *r = json_array_get(runs, i);
    const char *rn = str(r, "run_name", "");
    if (is_error(r) || !strstr(rn, "/4096")) continue;
    char impl[128];
    snprintf(impl, sizeof impl, "%.*s", (int)strcspn(rn, "/"), rn);
    int kernel = strstr(str(r, "label", ""), "kind=kernel") != NULL;
    double t4k = NAN, tdram = NAN;
    if (strcmp(impl, "copy.memcpy.scalar") == 0) tdram = 1.0;
    else if (strcmp(impl, "relu.exact.scalar") == 0) t4k = 0.5, tdram = 1.3;
    else if (strcmp(impl, "linear.exact.scalar") == 0) t4k = 0.5, tdram = 1.1;
    else if (strcmp(impl, "sigmoid.u1.scalar") == 0) t4k = 2.0, tdram = 2.1;
    else if (kernel) t4k = 0.2, tdram = 0.9;
    nkernels += kernel;
    if (!isnan(t4k)) json_object_set_new(r, "ns_per_element", json_real(t4k));
    json_t *d = json_deep_copy(r);
    json_object_set_new(d, "run_name", json_string(to_dram(rn)));
    json_object_set_new(d, "name", json_string(to_dram(str(r, "name", rn))));
    if (!isnan(tdram)) json_object_set_new(d, "ns_per_element", json_real(tdram));
    json_array_append_new(dram, d);
  }
  json_array_extend(runs, dram);
  json_decref(dram);
  int st = system("rm -rf " OUT "-dram && mkdir -p " OUT "-dram");
  st = st || json_dump_file(e, OUT "-dram/bench.json", JSON_INDENT(1));
  json_decref(e);
  st = st || system("./simdact report " OUT "-dram > tests/bench-report-dram.log 2>&1");
  char *rep = st ? NULL : slurp(OUT "-dram/REPORT.md");
  char *sec = rep ? strstr(rep, "\n## DRAM bandwidth\n") : NULL;
  if (!tap_ok(sec != NULL, "simdact report writes a DRAM bandwidth section for a run with a 16M size")) {
    free(rep);
    return;
  }
  char *end = strstr(sec + 1, "\n## ");
  if (end) *end = 0;
  /* all kernels but sigmoid.u1.scalar are memory-bound, all but relu within */
  char want[256];
  snprintf(want, sizeof want,
           "**%zu of %zu memory-bound kernels run within 15%% of the copy loop**; not within: "
           "`relu.exact.scalar` (1.30×).\n", nkernels - 2, nkernels - 1);
  tap_ok(strstr(sec, want) != NULL, "DRAM section: %zu of %zu kernels within 15%%, relu.exact.scalar not",
         nkernels - 2, nkernels - 1);
  tap_ok(strstr(sec, "| relu.exact.scalar | 0.5 | 1.3 | 1.30 | no |") != NULL,
         "DRAM section: a kernel at 1.3x the copy loop is outside 15%%");
  tap_ok(strstr(sec, "| linear.exact.scalar | 0.5 | 1.1 | 1.10 | yes |") != NULL,
         "DRAM section: a kernel at 1.1x the copy loop is within 15%%");
  const char *cb = strstr(sec, "**Compute-bound at 16M**: 1 kernels");
  tap_ok(cb && strstr(cb, "- sigmoid: `sigmoid.u1.scalar` (2)\n") && !strstr(sec, "| sigmoid.u1.scalar |"),
         "DRAM section: the kernel slower at 4K than the copy at 16M is listed as compute-bound only");
  free(rep);
}

int main(void) {
  if (access("bench/simdact-bench", X_OK) != 0) {
    tap_skip("bench/simdact-bench not built (configure found no Google Benchmark or SLEEF)");
    return tap_done();
  }
  const char *forced = getenv("SIMDACT_ISA");
  int st = system("rm -rf " OUT " && ./bench/simdact-bench --mode=tiny --all-peers --dir=" OUT
                  " > tests/bench-tiny.log 2>&1");
  if (!tap_ok(st == 0, "simdact-bench --mode=tiny runs (log: tests/bench-tiny.log)")) return tap_done();

  char err[512];
  json_t *b = load(OUT "/bench.json", err, sizeof err);
  if (!tap_ok(b != NULL, "bench.json parses (%s)", b ? "ok" : err)) return tap_done();
  const json_t *runs = json_object_get(b, "benchmarks");
  tap_ok(json_object_get(b, "context") && json_array_size(runs) > 0,
         "bench.json is Google Benchmark JSON (context, benchmarks)");
  if (!json_is_array(runs)) return tap_done();

  /* Every kernel of the registry: timed where this CPU runs it, reported as
   * skipped where it does not. */
  size_t nk = simdact_kernel_count(), missing = 0, bad = 0, skipped = 0;
  for (size_t i = 0; i < nk; i++) {
    const simdact_kernel *k = simdact_kernel_at(i);
    const json_t *r = row_of(runs, k->name);
    if (!r) { missing++; tap_diag("no row for kernel %s", k->name); continue; }
    if (!simdact_isa_supported(k->isa) || (forced && *forced && is_error(r))) {
      int ok = is_error(r) && strstr(str(r, "error_message", ""), "skipped");
      skipped++;
      if (!ok) { bad++; tap_diag("kernel %s should be reported as skipped", k->name); }
    } else if (!timed(r)) {
      bad++;
      tap_diag("kernel %s has no valid timing", k->name);
    }
  }
  tap_ok(missing == 0, "a row for each of the %zu kernels of the registry (%zu missing)", nk, missing);
  tap_ok(bad == 0, "runnable kernels are timed, the others reported skipped (%zu skipped, %zu bad)",
         skipped, bad);

  missing = 0;
  char name[128];
  for (size_t i = 0; i < COUNT(libm_acts); i++) {
    snprintf(name, sizeof name, "%s.libm.scalar", libm_acts[i]);
    if (!timed(row_of(runs, name))) { missing++; tap_diag("no timed row for %s", name); }
  }
  tap_ok(missing == 0, "a timed libm peer for each of the %zu activations", COUNT(libm_acts));
  tap_ok(timed(row_of(runs, "copy.memcpy.scalar")), "the copy peer is timed");
#if defined(__x86_64__) || defined(__i386__)
  missing = 0;
  for (size_t i = 0; i < COUNT(sleef_acts); i++) {
    int found = 0;
    for (size_t j = 0; j < json_array_size(runs) && !found; j++) {
      const char *rn = str(json_array_get(runs, j), "run_name", "");
      snprintf(name, sizeof name, "%s.sleef_u10.", sleef_acts[i]);
      found = strncmp(rn, name, strlen(name)) == 0 && timed(json_array_get(runs, j));
    }
    if (!found) { missing++; tap_diag("no timed SLEEF u10 row for %s", sleef_acts[i]); }
  }
  tap_ok(missing == 0, "a timed SLEEF u10 composition for each of the %zu transcendental activations",
         COUNT(sleef_acts));
#endif

  /* Every row names its activation, tier, ISA and kind in its label. */
  bad = 0;
  for (size_t i = 0; i < json_array_size(runs); i++) {
    const char *label = str(json_array_get(runs, i), "label", "");
    if (!is_error(json_array_get(runs, i)) && !(strstr(label, "act=") && strstr(label, "kind="))) bad++;
  }
  tap_ok(bad == 0, "every timed row has an act=... kind=... label (%zu without)", bad);

  /* accuracy.json: one entry per implementation in bench.json. */
  json_t *a = load(OUT "/accuracy.json", err, sizeof err);
  tap_ok(a != NULL, "accuracy.json parses (%s)", a ? "ok" : err);
  const json_t *impls = json_object_get(a, "implementations");
  size_t nimpls = json_array_size(impls);
  missing = 0;
  for (size_t i = 0; i < nimpls; i++) {
    const char *n = str(json_array_get(impls, i), "name", "");
    if (!row_of(runs, n)) { missing++; tap_diag("accuracy.json names %s, bench.json does not", n); }
  }
  tap_ok(nimpls >= nk + COUNT(libm_acts) + 1 && missing == 0,
         "accuracy.json lists every implementation (%zu)", nimpls);

  json_t *m = load(OUT "/machine.json", err, sizeof err);
  tap_ok(m && str(m, "cpu", NULL) && str(m, "compiler", NULL) && str(m, "simdact_version", NULL) &&
             str(m, "date", NULL) && str(m, "machine", NULL),
         "machine.json parses and names cpu, compiler, versions, date");

  /* REPORT.md: a heading and a table for each activation, every
   * implementation in it. */
  char *rep = slurp(OUT "/REPORT.md");
  tap_ok(rep != NULL, "REPORT.md written");
  if (rep) {
    size_t nact = 0, bad_act = 0, absent = 0;
    for (size_t i = 0; i < COUNT(libm_acts); i++) {
      char head[96];
      snprintf(head, sizeof head, "\n## %s\n\n| implementation |", libm_acts[i]);
      nact++;
      if (!strstr(rep, head)) { bad_act++; tap_diag("REPORT.md has no table for %s", libm_acts[i]); }
    }
    for (size_t i = 0; i < nimpls; i++) {
      snprintf(name, sizeof name, "| %s ", str(json_array_get(impls, i), "name", "?"));
      if (!strstr(rep, name)) { absent++; tap_diag("REPORT.md has no row %s", name); }
    }
    tap_ok(bad_act == 0, "REPORT.md has a table for each of the %zu activations", nact);
    /* The summary: one row per activation. */
    const char *sum = strstr(rep, "\n## Summary");
    bad_act = 0;
    for (size_t i = 0; sum && i < COUNT(libm_acts); i++) {
      char row[96];
      snprintf(row, sizeof row, "\n| %s | ", libm_acts[i]);
      const char *r = strstr(sum, row);
      if (!r || r > strstr(sum + 1, "\n## ")) { bad_act++; tap_diag("no summary row for %s", libm_acts[i]); }
    }
    tap_ok(sum && bad_act == 0, "REPORT.md's summary has a row for each activation");
    tap_ok(absent == 0, "every implementation has a row in REPORT.md (%zu absent)", absent);

    /* simdact report rebuilds the same file from the JSON alone. */
    remove(OUT "/REPORT.md");
    st = system("./simdact report " OUT " > tests/bench-report.log 2>&1");
    char *again = slurp(OUT "/REPORT.md");
    tap_ok(st == 0 && again && strcmp(again, rep) == 0,
           "simdact report rebuilds REPORT.md identically from the stored JSON");
    free(again);

    /* Exhaustive figures from scans/ (simdact ulp --exhaustive --json):
     * one kernel within its bound, one above it. */
    FILE *sf = fopen(OUT "/scans-fixture.json", "w");
    if (sf) {
      fprintf(sf, "{\"scans\": [{\"act\": \"relu\", \"mode\": \"exhaustive\", \"kernels\": ["
                  "{\"name\": \"relu.exact.scalar\", \"max_ulp\": 0.25, \"holds\": true}]},"
                  "{\"act\": \"linear\", \"mode\": \"exhaustive\", \"kernels\": ["
                  "{\"name\": \"linear.exact.scalar\", \"max_ulp\": 7.5, \"holds\": false}]}]}\n");
      fclose(sf);
    }
    st = system("mkdir -p " OUT "/scans && mv " OUT "/scans-fixture.json " OUT "/scans/ && ./simdact report " OUT
                " > tests/bench-report.log 2>&1");
    char *ex = slurp(OUT "/REPORT.md");
    const char *relu = ex ? strstr(ex, "\n## relu\n") : NULL, *lin = ex ? strstr(ex, "\n## linear\n") : NULL;
    tap_ok(st == 0 && relu && strstr(relu, "| max ULP all 2^32 |") &&
               strstr(relu, "| relu.exact.scalar | kernel | exact | scalar | 0.5 | 0.25 |"),
           "simdact report shows the exhaustive figures of scans/ in a max ULP all 2^32 column");
    tap_ok(lin && strstr(lin, "| 7.5 (above bound!) |"), "an exhaustive figure above the bound is flagged");
    free(ex);
    if (system("gnuplot --version > /dev/null 2>&1") == 0) {
      int plots = access(OUT "/plots/relu.svg", R_OK) == 0 && access(OUT "/plots/relu.png", R_OK) == 0 &&
                  access(OUT "/plots/sigmoid.svg", R_OK) == 0;
      tap_ok(plots, "plots written (relu, sigmoid: SVG and PNG)");
    } else {
      tap_skip("gnuplot not installed: no plots");
    }
  }

  tap_ok(rep && strstr(rep, "\n## DRAM bandwidth\n\nThis run has one size (4K): no DRAM figures"),
         "REPORT.md of a one-size run says its DRAM bandwidth section has no figures");
  check_dram_section(b);

  /* Bad input is an error, not a silent pass. */
  st = system("rm -rf " OUT "-bad && mkdir -p " OUT "-bad && head -c 300 " OUT "/bench.json > " OUT
              "-bad/bench.json && ./simdact report " OUT "-bad > tests/bench-report-bad.log 2>&1");
  tap_ok(st != 0, "simdact report fails on a truncated bench.json");
  st = system("./simdact report " OUT " " OUT " --cross " OUT "/cross.md > /dev/null 2>&1");
  char *cross = slurp(OUT "/cross.md");
  tap_ok(st == 0 && cross && strstr(cross, "\n## relu\n"), "simdact report DIR DIR writes a cross-machine table");
  free(cross);
  free(rep);
  json_decref(m);
  json_decref(a);
  json_decref(b);
  /* Keep the outputs only when something failed (make distcheck wants a
   * clean build tree). */
  if (tap_failed_ == 0 && system("rm -rf " OUT " " OUT "-bad " OUT "-dram") != 0) tap_diag("could not remove " OUT);
  return tap_done();
}
