/* simdact compare BASE NEW: per-benchmark speed and accuracy changes between
 * two Google Benchmark runs, each speed change judged against its run-to-run
 * noise, plus the formats CI trackers ingest (Markdown, github-action-benchmark
 * JSON, CSV history).
 *
 * Speed: for every benchmark present in both runs, the medians of the
 * per-repetition ns/element are compared; the change counts only when it is
 * both larger than the threshold (the minimum effect size, default 5%) and
 * significant under a two-sided Mann-Whitney U test at level alpha (default
 * 0.01).  Verdicts: regressed / improved (both hold), unchanged (|change| at
 * most the threshold), noisy (beyond the threshold but not significant).
 * Accuracy: max ULP above the claimed bound, above BASE's figure, or more
 * non-finite mismatches than BASE is a regression, whatever the speed. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchdata.h"
#include "cli.h"
#include "compare.h"
#include "stats.h"

enum verdict { V_UNCHANGED, V_IMPROVED, V_REGRESSED, V_NOISY, V_ONLY_BASE, V_ONLY_NEW, V_ERROR };
static const char *const verdict_name[] = {"unchanged", "improved",    "regressed", "noisy",
                                           "only in BASE", "only in NEW", "error"};

typedef struct cmp_row {
  const bench_row *base, *new_;
  enum verdict v;
  double med_base, med_new, change; /* change: med_new / med_base - 1 */
  double p;
  const char *acc;                  /* accuracy regression reason, or NULL */
  const char *note;                 /* why a row is an error */
} cmp_row;

typedef struct cmp_opts {
  double threshold; /* fraction */
  double alpha;
  int allow_cross;
  const char *markdown, *json, *csv, *commit, *filter, *clock;
  int quiet;
  int no_control;
} cmp_opts;

static void compare_usage(FILE *f) {
  fprintf(f,
          "usage: simdact compare [options] BASE NEW\n\n"
          "Compare two benchmark runs (Google Benchmark JSON files, or results folders\n"
          "holding bench.json and machine.json): per-benchmark median ns/element and\n"
          "max-ULP changes.  A speed change counts only if it exceeds the threshold AND\n"
          "a two-sided Mann-Whitney U test over the repetitions finds it significant.\n"
          "BASE and NEW may each be a comma-separated list of runs whose repetitions\n"
          "are pooled: rounds of BASE and NEW interleaved in time share the machine's\n"
          "drift, which separate runs do not (ci/bench-compare.sh --rounds).\n\n"
          "options:\n"
          "  --threshold PCT        smallest speed change that counts (default 5)\n"
          "  --alpha A              significance level of the U test (default 0.01)\n"
          "  --clock cpu|real|measured  time per element from CPU time (default: the\n"
          "                         thread's descheduled time is the machine's load, not\n"
          "                         the code), wall-clock time, or the benchmark's own\n"
          "  --no-control           do not withhold kernel verdicts when peers moved\n"
          "  --allow-cross-machine  compare runs from different machines (else refused)\n"
          "  --markdown FILE        write a Markdown report (a PR comment); '-' = stdout\n"
          "  --json FILE            write NEW in github-action-benchmark's\n"
          "                         customSmallerIsBetter format; '-' = stdout\n"
          "  --csv FILE             append one history row per benchmark of NEW\n"
          "  --commit ID            commit recorded in the CSV (default $GITHUB_SHA,\n"
          "                         else $CI_COMMIT_SHA, else empty)\n"
          "  --filter TEXT          only benchmarks whose name contains TEXT\n"
          "  --quiet                no per-benchmark table on stdout, only the summary\n\n"
          "verdicts: improved, regressed, unchanged, noisy (beyond the threshold but not\n"
          "significant), only in BASE / only in NEW, error.  Peers (label kind=peer:\n"
          "libm, SLEEF, copy) are the control group: if one of them moved for real, the\n"
          "machine changed speed between the runs and the kernels' speed verdicts are\n"
          "withheld (noisy); peers never fail the comparison.\n"
          "exit status: 0 clean; 1 a significant speed regression beyond the threshold;\n"
          "2 an accuracy regression (max ULP above the claimed bound or above BASE, or\n"
          "new non-finite mismatches); 3 bad input (missing, truncated or non-Google\n"
          "Benchmark files, different machines without --allow-cross-machine).\n");
}

/* Fewest repetitions per side with which the test can reach alpha. */
static size_t reps_needed(double alpha) {
  for (size_t n = 2; n < 100; n++)
    if (stats_mwu_min_p(n, n) < alpha) return n;
  return 100;
}

static int differs(const char *a, const char *b) { return a && b && strcmp(a, b); }

/* Accuracy regression of a NEW row (against BASE when there is one). */
static const char *accuracy_regression(const bench_row *b, const bench_row *n) {
  if (n->peer) return NULL; /* libm, SLEEF, copy: shown, not ours to fail on */
  if (!isnan(n->max_ulp) && !isnan(n->claimed_ulp) && n->max_ulp > n->claimed_ulp)
    return "max ULP above the claimed bound";
  if (b && !isnan(n->max_ulp) && !isnan(b->claimed_ulp) && isnan(n->claimed_ulp) &&
      n->max_ulp > b->claimed_ulp)
    return "max ULP above BASE's claimed bound";
  /* A sampled figure against an exhaustive one (or the reverse) says nothing
   * about a change: only like against like. */
  int same_mode = !b || !b->acc_mode || !n->acc_mode || !strcmp(b->acc_mode, n->acc_mode);
  if (b && same_mode && !isnan(n->max_ulp) && !isnan(b->max_ulp) && n->max_ulp > b->max_ulp)
    return "max ULP above BASE";
  if (!isnan(n->nonfinite) && n->nonfinite > (b && !isnan(b->nonfinite) ? b->nonfinite : 0))
    return "new non-finite mismatches";
  return NULL;
}

static void judge(cmp_row *c, const cmp_opts *o) {
  const bench_row *b = c->base, *n = c->new_;
  c->med_base = c->med_new = c->change = c->p = NAN;
  if (!n) { c->v = V_ONLY_BASE; return; }
  c->acc = accuracy_regression(b, n);
  if (!b) { c->v = V_ONLY_NEW; c->med_new = stats_median(n->v, n->n); return; }
  if (b->error || n->error || !b->n || !n->n) {
    c->v = V_ERROR;
    c->note = n->error ? n->error : b->error ? b->error : "no measurement";
    return;
  }
  if (strcmp(b->unit, n->unit)) { c->v = V_ERROR; c->note = "units differ"; return; }
  /* The unit of replication: the repetitions of one run, or, when a side
   * pools several runs, each run's median (repetitions inside one run share
   * the machine's state of the moment and are not independent across runs). */
  int by_run = b->nrun > 1 && n->nrun > 1;
  const double *bv = by_run ? b->runmed : b->v, *nv = by_run ? n->runmed : n->v;
  size_t bn = by_run ? b->nrun : b->n, nn = by_run ? n->nrun : n->n;
  c->med_base = stats_median(bv, bn);
  c->med_new = stats_median(nv, nn);
  c->change = c->med_new / c->med_base - 1;
  stats_mwu t;
  stats_mwu_test(bv, bn, nv, nn, &t);
  c->p = t.p;
  if (fabs(c->change) <= o->threshold) c->v = V_UNCHANGED;
  else if (!(c->p < o->alpha)) c->v = V_NOISY;
  else c->v = c->change > 0 ? V_REGRESSED : V_IMPROVED;
}

static FILE *open_out(const char *path, const char *mode) {
  if (!strcmp(path, "-")) return stdout;
  FILE *f = fopen(path, mode);
  if (!f) fprintf(stderr, "simdact compare: cannot write %s: %s\n", path, strerror(errno));
  return f;
}

static int close_out(FILE *f, const char *path) {
  int bad = ferror(f);
  if (f == stdout) return fflush(f) || bad ? -1 : 0;
  if (fclose(f) || bad) {
    fprintf(stderr, "simdact compare: error writing %s\n", path);
    return -1;
  }
  return 0;
}

static void fmt_num(char *buf, size_t len, double x) {
  if (isnan(x)) snprintf(buf, len, "-");
  else snprintf(buf, len, "%.4g", x);
}

static void fmt_change(char *buf, size_t len, double c) {
  if (isnan(c)) snprintf(buf, len, "-");
  else snprintf(buf, len, "%+.1f%%", 100 * c);
}

static void fmt_p(char *buf, size_t len, double p) {
  if (isnan(p)) snprintf(buf, len, "-");
  else if (p < 0.001) snprintf(buf, len, "<0.001");
  else snprintf(buf, len, "%.3f", p);
}

typedef struct counts { size_t v[7], acc, slower_ours, withheld, peers_moved; } counts;

/* A row is "flagged" for the Markdown summary when it needs a reader's eye:
 * a real change, an accuracy regression, a row in one run only, an error. */
static int flagged(const cmp_row *c) { return (c->v != V_UNCHANGED && c->v != V_NOISY) || c->acc; }

/* The table of rows (only the flagged ones if only_flagged); in Markdown at
 * most max_bytes of rows (a pull-request comment holds 65536 characters),
 * then a line saying how many were left out.  max_bytes 0: no limit. */
static void print_table(FILE *f, const cmp_row *rows, size_t n, int md, int only_flagged, size_t max_bytes) {
  size_t written = 0, left = 0;
  size_t w = 9;
  for (size_t i = 0; i < n; i++) {
    const char *name = rows[i].base ? rows[i].base->name : rows[i].new_->name;
    if (strlen(name) > w) w = strlen(name);
  }
  if (md) {
    fprintf(f, "| benchmark | BASE | NEW | change | p | verdict | max ULP BASE | max ULP NEW | bound | accuracy |\n"
               "|---|--:|--:|--:|--:|---|--:|--:|--:|---|\n");
  } else {
    fprintf(f, "%-*s %10s %10s %8s %7s %-12s %9s %9s %7s  %s\n", (int)w, "benchmark", "BASE", "NEW",
            "change", "p", "verdict", "ULP BASE", "ULP NEW", "bound", "accuracy");
  }
  for (size_t i = 0; i < n; i++) {
    const cmp_row *c = &rows[i];
    if (only_flagged && !flagged(c)) continue;
    if (max_bytes && written > max_bytes) { left++; continue; }
    const bench_row *any = c->base ? c->base : c->new_;
    char mb[32], mn[32], ch[32], p[32], ub[32], un[32], bd[32];
    fmt_num(mb, sizeof mb, c->base && c->base->n ? stats_median(c->base->v, c->base->n) : NAN);
    fmt_num(mn, sizeof mn, c->new_ && c->new_->n ? stats_median(c->new_->v, c->new_->n) : NAN);
    fmt_change(ch, sizeof ch, c->change);
    fmt_p(p, sizeof p, c->p);
    fmt_num(ub, sizeof ub, c->base ? c->base->max_ulp : NAN);
    fmt_num(un, sizeof un, c->new_ ? c->new_->max_ulp : NAN);
    fmt_num(bd, sizeof bd, c->new_ && !isnan(c->new_->claimed_ulp) ? c->new_->claimed_ulp
                           : c->base                               ? c->base->claimed_ulp
                                                                   : NAN);
    const char *acc = c->acc ? c->acc : c->note ? c->note : any->peer ? "ok (peer)" : "ok";
    if (md)
      written += (size_t)fprintf(f, "| `%s` | %s | %s | %s | %s | %s%s%s | %s | %s | %s | %s%s%s |\n", any->name, mb, mn, ch, p,
              c->v == V_REGRESSED ? "**" : "", verdict_name[c->v], c->v == V_REGRESSED ? "**" : "", ub,
              un, bd, c->acc ? "**" : "", acc, c->acc ? "**" : "");
    else
      fprintf(f, "%-*s %10s %10s %8s %7s %-12s %9s %9s %7s  %s\n", (int)w, any->name, mb, mn, ch, p,
              verdict_name[c->v], ub, un, bd, acc);
  }
  if (left) fprintf(f, "\n%zu more rows left out here (the terminal output and --csv have them all)\n", left);
}

static void summary_line(FILE *f, const counts *k, int md) {
  fprintf(f, "%s%zu regressed, %zu improved, %zu noisy, %zu unchanged; %zu accuracy regression%s",
          md ? "**" : "", k->v[V_REGRESSED], k->v[V_IMPROVED], k->v[V_NOISY], k->v[V_UNCHANGED],
          k->acc, k->acc == 1 ? "" : "s");
  if (k->withheld)
    fprintf(f, "; %zu kernel verdicts withheld because %zu peers moved (the machine changed speed)",
            k->withheld, k->peers_moved);
  if (k->v[V_ONLY_BASE] || k->v[V_ONLY_NEW] || k->v[V_ERROR])
    fprintf(f, "; %zu only in BASE, %zu only in NEW, %zu with errors", k->v[V_ONLY_BASE],
            k->v[V_ONLY_NEW], k->v[V_ERROR]);
  fprintf(f, "%s\n", md ? "**" : "");
}

static void write_markdown(FILE *f, const bench_set *b, const bench_set *n, const cmp_row *rows,
                           size_t nrows, const counts *k, const cmp_opts *o, int rc) {
  static const char *const head[] = {"no regression", "speed regression", "accuracy regression"};
  fprintf(f, "## simdact benchmark comparison: %s\n\n", head[rc < 3 ? rc : 0]);
  summary_line(f, k, 1);
  fprintf(f, "\n- BASE: `%s` (%s, %s)\n- NEW: `%s` (%s, %s)\n- machine: %s\n", b->path,
          b->date ? b->date : "?", b->host ? b->host : "?", n->path, n->date ? n->date : "?",
          n->host ? n->host : "?", n->machine);
  int by_run = b->runs > 1 && n->runs > 1;
  fprintf(f, "- speed: medians over %zu (BASE) and %zu (NEW) %s; a change counts when it "
             "exceeds %.3g%% and a two-sided Mann-Whitney U test gives p < %.3g\n\n",
          by_run ? b->runs : b->reps_min, by_run ? n->runs : n->reps_min,
          by_run ? "runs (each run's median is one sample)" : "repetitions", 100 * o->threshold, o->alpha);
  size_t nflagged = 0;
  for (size_t i = 0; i < nrows; i++) nflagged += flagged(&rows[i]);
  if (nflagged) {
    fprintf(f, "### Changes\n\n");
    print_table(f, rows, nrows, 1, 1, 30000);
    fprintf(f, "\n");
  }
  fprintf(f, "<details><summary>All %zu benchmarks (time unit: %s)</summary>\n\n", nrows,
          nrows && (rows[0].new_ ? rows[0].new_ : rows[0].base)->unit
              ? (rows[0].new_ ? rows[0].new_ : rows[0].base)->unit
              : "ns/element");
  print_table(f, rows, nrows, 1, 0, 25000);
  fprintf(f, "\n</details>\n");
}

/* github-action-benchmark "customSmallerIsBetter": [{name, unit, value, range, extra}].
 * One entry per benchmark of NEW (median time), and one per kernel with its max ULP. */
static int write_json(const char *path, const bench_set *n, const cmp_row *rows, size_t nrows) {
  json_t *arr = json_array();
  for (size_t i = 0; i < nrows; i++) {
    const cmp_row *c = &rows[i];
    const bench_row *r = c->new_;
    if (!r || !r->n) continue;
    char range[64], extra[512], ch[32], p[32];
    snprintf(range, sizeof range, "± %.3g", stats_stddev(r->v, r->n));
    fmt_change(ch, sizeof ch, c->change);
    fmt_p(p, sizeof p, c->p);
    snprintf(extra, sizeof extra, "repetitions: %zu\nmin: %.4g\nmax: %.4g\nchange vs BASE: %s (p %s)\nverdict: %s",
             r->n, stats_min(r->v, r->n), stats_max(r->v, r->n), ch, p, verdict_name[c->v]);
    json_array_append_new(arr, json_pack("{s:s, s:s, s:f, s:s, s:s}", "name", r->name, "unit", r->unit,
                                         "value", stats_median(r->v, r->n), "range", range, "extra", extra));
  }
  /* Max ULP per kernel: the part of the benchmark name before the first '/'. */
  for (size_t i = 0; i < nrows; i++) {
    const bench_row *r = rows[i].new_;
    if (!r || isnan(r->max_ulp)) continue;
    size_t len = strcspn(r->name, "/");
    int seen = 0;
    for (size_t j = 0; j < i && !seen; j++) {
      const bench_row *q = rows[j].new_;
      seen = q && !isnan(q->max_ulp) && strcspn(q->name, "/") == len && !strncmp(q->name, r->name, len);
    }
    if (seen) continue;
    char name[512], extra[128];
    snprintf(name, sizeof name, "%.*s max ULP", (int)len, r->name);
    if (isnan(r->claimed_ulp)) snprintf(extra, sizeof extra, "no claimed bound");
    else snprintf(extra, sizeof extra, "claimed bound: %g ULP", r->claimed_ulp);
    json_array_append_new(arr, json_pack("{s:s, s:s, s:f, s:s, s:s}", "name", name, "unit", "ULP", "value",
                                         r->max_ulp, "range", "± 0", "extra", extra));
  }
  (void)n;
  FILE *f = open_out(path, "w");
  if (!f) { json_decref(arr); return -1; }
  json_dumpf(arr, f, JSON_INDENT(2));
  fputc('\n', f);
  json_decref(arr);
  return close_out(f, path);
}

static const char csv_header[] =
    "date,commit,machine,benchmark,unit,median,min,max,repetitions,max_ulp,claimed_ulp,change_pct,p_value,verdict";

static void csv_field(FILE *f, const char *s, int last) {
  s = s ? s : "";
  if (strpbrk(s, ",\"\n")) {
    fputc('"', f);
    for (; *s; s++) {
      if (*s == '"') fputc('"', f);
      fputc(*s == '\n' ? ' ' : *s, f);
    }
    fputc('"', f);
  } else {
    fputs(s, f);
  }
  fputc(last ? '\n' : ',', f);
}

static void csv_num(FILE *f, double x, int last) {
  if (!isnan(x)) fprintf(f, "%.6g", x);
  fputc(last ? '\n' : ',', f);
}

static int write_csv(const char *path, const bench_set *n, const cmp_row *rows, size_t nrows, const char *commit) {
  /* An existing history must have our header: appending to anything else
   * would corrupt it. */
  FILE *chk = fopen(path, "r");
  if (chk) {
    char line[512] = "";
    int empty = !fgets(line, sizeof line, chk);
    fclose(chk);
    line[strcspn(line, "\r\n")] = 0;
    if (!empty && strcmp(line, csv_header)) {
      fprintf(stderr, "simdact compare: %s is not a simdact history CSV (its header differs); not appending\n", path);
      return -1;
    }
    if (!empty) chk = (FILE *)1;
    else chk = NULL;
  }
  FILE *f = fopen(path, "a");
  if (!f) {
    fprintf(stderr, "simdact compare: cannot append to %s: %s\n", path, strerror(errno));
    return -1;
  }
  if (!chk) fprintf(f, "%s\n", csv_header);
  for (size_t i = 0; i < nrows; i++) {
    const cmp_row *c = &rows[i];
    const bench_row *r = c->new_;
    if (!r || !r->n) continue;
    csv_field(f, n->date, 0);
    csv_field(f, commit, 0);
    csv_field(f, n->machine, 0);
    csv_field(f, r->name, 0);
    csv_field(f, r->unit, 0);
    csv_num(f, stats_median(r->v, r->n), 0);
    csv_num(f, stats_min(r->v, r->n), 0);
    csv_num(f, stats_max(r->v, r->n), 0);
    fprintf(f, "%zu,", r->n);
    csv_num(f, r->max_ulp, 0);
    csv_num(f, r->claimed_ulp, 0);
    csv_num(f, 100 * c->change, 0);
    csv_num(f, c->p, 0);
    csv_field(f, verdict_name[c->v], 1);
  }
  return close_out(f, path);
}

static int parse_double(const char *s, double *out) {
  char *end;
  errno = 0;
  double x = strtod(s, &end);
  if (errno || end == s || *end || !isfinite(x)) return -1;
  *out = x;
  return 0;
}

int cli_compare(int argc, char **argv) {
  cmp_opts o = {.threshold = 0.05, .alpha = 0.01};
  const char *paths[2] = {NULL, NULL};
  int npaths = 0;
  if (cli_wants_help(argc, argv)) { compare_usage(stdout); return 0; }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char **sval = !strcmp(a, "--markdown") ? &o.markdown
                        : !strcmp(a, "--json")   ? &o.json
                        : !strcmp(a, "--csv")    ? &o.csv
                        : !strcmp(a, "--commit") ? &o.commit
                        : !strcmp(a, "--filter") ? &o.filter
                        : !strcmp(a, "--clock")  ? &o.clock
                                                 : NULL;
    int numeric = !strcmp(a, "--threshold") || !strcmp(a, "--alpha");
    if (sval || numeric) {
      if (i + 1 >= argc) {
        fprintf(stderr, "simdact compare: missing value after %s\n", a);
        return COMPARE_BAD_INPUT;
      }
      if (sval) { *sval = argv[++i]; continue; }
      double x;
      if (parse_double(argv[++i], &x) || (!strcmp(a, "--alpha") ? !(x > 0 && x < 1) : !(x >= 0))) {
        fprintf(stderr, "simdact compare: bad value '%s' for %s (%s)\n", argv[i], a,
                !strcmp(a, "--alpha") ? "a level between 0 and 1" : "a percentage >= 0");
        return COMPARE_BAD_INPUT;
      }
      if (!strcmp(a, "--alpha")) o.alpha = x;
      else o.threshold = x / 100;
    } else if (!strcmp(a, "--no-control")) {
      o.no_control = 1;
    } else if (!strcmp(a, "--allow-cross-machine")) {
      o.allow_cross = 1;
    } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
      o.quiet = 1;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "simdact compare: unknown option '%s'\n", a);
      compare_usage(stderr);
      return COMPARE_BAD_INPUT;
    } else if (npaths < 2) {
      paths[npaths++] = a;
    } else {
      fprintf(stderr, "simdact compare: more than two inputs ('%s')\n", a);
      return COMPARE_BAD_INPUT;
    }
  }
  if (npaths != 2) {
    fprintf(stderr, "simdact compare: need BASE and NEW\n");
    compare_usage(stderr);
    return COMPARE_BAD_INPUT;
  }
  if (o.clock) {
    if (!strcmp(o.clock, "cpu")) bench_set_clock(BENCH_CLOCK_CPU);
    else if (!strcmp(o.clock, "real")) bench_set_clock(BENCH_CLOCK_REAL);
    else if (!strcmp(o.clock, "measured")) bench_set_clock(BENCH_CLOCK_MEASURED);
    else {
      fprintf(stderr, "simdact compare: bad value '%s' for --clock (cpu, real or measured)\n", o.clock);
      return COMPARE_BAD_INPUT;
    }
  }
  if (!o.commit) o.commit = getenv("GITHUB_SHA");
  if (!o.commit) o.commit = getenv("CI_COMMIT_SHA");

  bench_set b, n;
  char err[1024];
  if (bench_set_load_list(paths[0], &b, err, sizeof err)) {
    fprintf(stderr, "simdact compare: BASE %s\n", err);
    bench_set_free(&b);
    return COMPARE_BAD_INPUT;
  }
  if (bench_set_load_list(paths[1], &n, err, sizeof err)) {
    fprintf(stderr, "simdact compare: NEW %s\n", err);
    bench_set_free(&b);
    bench_set_free(&n);
    return COMPARE_BAD_INPUT;
  }
  int rc = COMPARE_OK;
  if (strcmp(b.machine, n.machine)) {
    fprintf(stderr, "simdact compare: %s: BASE and NEW come from different machines:\n"
                    "  BASE: %s (%s, host %s)\n  NEW:  %s (%s, host %s)\n",
            o.allow_cross ? "warning" : "error", b.machine, b.machine_from, b.host ? b.host : "?",
            n.machine, n.machine_from, n.host ? n.host : "?");
    if (!o.allow_cross) {
      fprintf(stderr, "simdact compare: speed is only comparable on one machine; pass "
                      "--allow-cross-machine to compare anyway\n");
      rc = COMPARE_BAD_INPUT;
      goto done;
    }
  }
  if (differs(b.simdact_version, n.simdact_version))
    fprintf(stderr, "simdact compare: warning: simdact versions differ (BASE %s, NEW %s)\n",
            b.simdact_version, n.simdact_version);
  if (differs(b.gbench_version, n.gbench_version))
    fprintf(stderr, "simdact compare: warning: Google Benchmark versions differ (BASE %s, NEW %s)\n",
            b.gbench_version, n.gbench_version);
  if (differs(b.mode, n.mode))
    fprintf(stderr, "simdact compare: warning: bench modes differ (BASE %s, NEW %s): sizes, repetitions "
                    "and accuracy sampling may not match\n", b.mode, n.mode);
  if (differs(b.compiler, n.compiler))
    fprintf(stderr, "simdact compare: warning: compilers differ (BASE %s, NEW %s)\n", b.compiler,
            n.compiler);
  size_t need = reps_needed(o.alpha);
  int by_run = b.runs > 1 && n.runs > 1;
  size_t nb = by_run ? b.runs : b.reps_min, nn = by_run ? n.runs : n.reps_min;
  size_t have = nb < nn ? nb : nn;
  if (stats_mwu_min_p(nb, nn) >= o.alpha)
    fprintf(stderr, "simdact compare: warning: only %zu %s per side: the U test cannot reach alpha %g, "
                    "so changes beyond the threshold show as 'noisy'; %s%zu or more%s\n",
            have, by_run ? "runs" : "repetitions", o.alpha,
            by_run ? "give each side " : "run the bench with --repetitions=", need,
            by_run ? " runs" : " (Google Benchmark: --benchmark_repetitions)");

  cmp_row *rows = calloc(b.nrows + n.nrows, sizeof *rows);
  if (!rows) { fprintf(stderr, "simdact compare: out of memory\n"); rc = COMPARE_BAD_INPUT; goto done; }
  size_t nrows = 0;
  for (size_t i = 0; i < b.nrows; i++) {
    if (o.filter && !strstr(b.rows[i].name, o.filter)) continue;
    rows[nrows].base = &b.rows[i];
    rows[nrows++].new_ = bench_set_find(&n, b.rows[i].name);
  }
  for (size_t i = 0; i < n.nrows; i++) {
    if (o.filter && !strstr(n.rows[i].name, o.filter)) continue;
    if (!bench_set_find(&b, n.rows[i].name)) rows[nrows++].new_ = &n.rows[i];
  }
  if (nrows == 0) {
    fprintf(stderr, "simdact compare: no benchmark matches --filter '%s'\n", o.filter);
    free(rows);
    rc = COMPARE_BAD_INPUT;
    goto done;
  }
  counts k = {{0}, 0, 0, 0, 0};
  for (size_t i = 0; i < nrows; i++) {
    judge(&rows[i], &o);
    const bench_row *r = rows[i].new_ ? rows[i].new_ : rows[i].base;
    k.peers_moved += r->peer && (rows[i].v == V_REGRESSED || rows[i].v == V_IMPROVED);
  }
  /* Peers (libm, SLEEF, copy) are code this change does not touch: the
   * control group.  When one of them moved for real, the machine's speed
   * changed between the runs, and our kernels' speed verdicts would be the
   * machine's, not the code's: they are withheld (shown as noisy). */
  if (k.peers_moved && !o.no_control)
    for (size_t i = 0; i < nrows; i++) {
      const bench_row *r = rows[i].new_ ? rows[i].new_ : rows[i].base;
      if (!r->peer && (rows[i].v == V_REGRESSED || rows[i].v == V_IMPROVED)) {
        rows[i].v = V_NOISY;
        rows[i].note = "withheld: peers moved";
        k.withheld++;
      }
    }
  for (size_t i = 0; i < nrows; i++) {
    const bench_row *r = rows[i].new_ ? rows[i].new_ : rows[i].base;
    k.v[rows[i].v]++;
    k.acc += rows[i].acc != NULL;
    k.slower_ours += !r->peer && rows[i].v == V_REGRESSED;
  }
  if (k.peers_moved)
    fprintf(stderr, "simdact compare: warning: %zu peer benchmark%s (libm, SLEEF, copy: code this change "
                    "does not touch) changed speed significantly: the machine's speed changed between "
                    "the runs%s\n", k.peers_moved, k.peers_moved == 1 ? "" : "s",
            o.no_control ? "" : "; speed verdicts of the kernels are withheld (noisy). Interleave "
                                "BASE and NEW runs (ci/bench-compare.sh --rounds) or use a quieter machine");
  rc = k.acc ? COMPARE_LESS_ACCURATE : k.slower_ours ? COMPARE_SLOWER : COMPARE_OK;

  if (!o.quiet) {
    printf("BASE %s (%s)\nNEW  %s (%s)\n", b.path, b.date ? b.date : "?", n.path, n.date ? n.date : "?");
    printf("unit: %s medians; change counts beyond %.3g%% with two-sided Mann-Whitney U p < %.3g\n\n",
           rows[0].new_ ? rows[0].new_->unit : rows[0].base->unit, 100 * o.threshold, o.alpha);
    print_table(stdout, rows, nrows, 0, 0, 0);
    printf("\n");
  }
  summary_line(stdout, &k, 0);
  for (size_t i = 0; i < nrows; i++) {
    const cmp_row *c = &rows[i];
    if (c->v == V_REGRESSED)
      printf("REGRESSED%s %s: %.4g -> %.4g %s (%+.1f%%, p %.2g)\n", c->base->peer ? " (peer)" : "", c->base->name, c->med_base, c->med_new,
             c->base->unit, 100 * c->change, c->p);
    if (c->acc)
      printf("ACCURACY %s: %s (max ULP %g%s%g, bound %g)\n", c->new_->name, c->acc,
             c->base ? c->base->max_ulp : NAN, " -> ", c->new_->max_ulp, c->new_->claimed_ulp);
  }
  int wrc = 0;
  if (o.markdown) {
    FILE *f = open_out(o.markdown, "w");
    if (f) {
      write_markdown(f, &b, &n, rows, nrows, &k, &o, rc);
      wrc |= close_out(f, o.markdown);
    } else {
      wrc = -1;
    }
  }
  if (o.json) wrc |= write_json(o.json, &n, rows, nrows);
  if (o.csv) wrc |= write_csv(o.csv, &n, rows, nrows, o.commit);
  if (wrc) rc = COMPARE_BAD_INPUT;
  free(rows);
done:
  bench_set_free(&b);
  bench_set_free(&n);
  return rc;
}
