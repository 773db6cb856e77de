/* simdact report --history FILE: draw the CSV history that
 * `simdact compare --csv` appends to (one row per benchmark per run) as time
 * series with gnuplot: one plot per activation (the benchmark name up to its
 * first '.'), one line per benchmark, median ns/element with min-max bars,
 * one x position per run (labelled with its commit, else its date). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "cli.h"

typedef struct hist_row {
  char *run;       /* "date commit": one x position */
  char *label;     /* x tic label */
  char *series;    /* benchmark (and machine when several) */
  char *group;
  char *unit;
  double median, min, max;
} hist_row;

static void history_usage(FILE *f) {
  fprintf(f, "usage: simdact report --history FILE [--out DIR] [--filter TEXT] [--png]\n\n"
             "Plot the history CSV that 'simdact compare --csv FILE' appends to: one SVG\n"
             "(and PNG with --png) per activation, median ns/element per run with min-max\n"
             "bars, one line per benchmark.  --filter keeps benchmarks whose name contains\n"
             "TEXT.  Plots go to DIR (default: the CSV's folder) as history-<act>.svg.\n");
}

static char *dupn(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (!d) { fprintf(stderr, "simdact: out of memory\n"); exit(3); }
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

/* Split one CSV line (RFC 4180 quoting, no embedded newlines) into at most
 * max fields; returns the count.  Fields are allocated. */
static size_t csv_split(const char *line, char **out, size_t max) {
  size_t n = 0;
  const char *p = line;
  for (;;) {
    char buf[1024];
    size_t len = 0;
    if (*p == '"') {
      for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
        if (*p == '"') p++;
        if (len < sizeof buf - 1) buf[len++] = *p;
      }
      if (*p == '"') p++;
    }
    while (*p && *p != ',' && *p != '\n' && *p != '\r') {
      if (len < sizeof buf - 1) buf[len++] = *p;
      p++;
    }
    if (n < max) out[n++] = dupn(buf, len);
    if (*p != ',') break;
    p++;
  }
  return n;
}

static int col_index(char **hdr, size_t nh, const char *name) {
  for (size_t i = 0; i < nh; i++)
    if (!strcmp(hdr[i], name)) return (int)i;
  return -1;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Distinct strings of v (sorted), or in first-appearance order when keep_order. */
static size_t distinct(char **v, size_t n, char **out, int keep_order) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    size_t j = 0;
    while (j < k && strcmp(out[j], v[i])) j++;
    if (j == k) out[k++] = v[i];
  }
  if (!keep_order) qsort(out, k, sizeof *out, cmp_str);
  return k;
}

static void gp_quote(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') fputc('\\', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

static int plot_group(const char *dir, const char *group, hist_row *rows, size_t n, char **runs,
                      size_t nruns, int png) {
  char **names = malloc(n * sizeof *names), **series = malloc(n * sizeof *series);
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (!strcmp(rows[i].group, group)) names[m++] = rows[i].series;
  size_t ns = distinct(names, m, series, 0);
  int rc = 0;
  for (int pass = 0; pass < (png ? 2 : 1) && rc == 0; pass++) {
    const char *ext = pass ? "png" : "svg";
    char out[4096];
    snprintf(out, sizeof out, "%s/history-%s.%s", dir, group, ext);
    FILE *gp = popen("gnuplot", "w");
    if (!gp) { fprintf(stderr, "simdact report: cannot run gnuplot: %s\n", strerror(errno)); rc = -1; break; }
    fprintf(gp, "set terminal %s size 1000,600 noenhanced\nset output ", pass ? "pngcairo" : "svg");
    gp_quote(gp, out);
    fprintf(gp, "\nset title ");
    gp_quote(gp, group);
    const char *unit = "time";
    for (size_t i = 0; i < n; i++)
      if (!strcmp(rows[i].group, group)) { unit = rows[i].unit; break; }
    fprintf(gp, "\nset ylabel 'median %s (min-max bars)'\nset xlabel 'run'\nset logscale y\n"
                "set key outside right top\nset grid\nset xrange [-0.5:%zu.5]\nset xtics rotate by -45 (",
            unit, nruns - 1);
    for (size_t r = 0; r < nruns; r++) {
      const char *lab = "";
      for (size_t i = 0; i < n; i++)
        if (!strcmp(rows[i].run, runs[r])) { lab = rows[i].label; break; }
      if (r) fputc(',', gp);
      gp_quote(gp, lab);
      fprintf(gp, " %zu", r);
    }
    fprintf(gp, ")\nplot ");
    for (size_t s = 0; s < ns; s++) {
      fprintf(gp, "%s'-' using 1:2:3:4 with yerrorlines title ", s ? ", " : "");
      gp_quote(gp, series[s]);
    }
    fprintf(gp, "\n");
    for (size_t s = 0; s < ns; s++) {
      for (size_t r = 0; r < nruns; r++)
        for (size_t i = 0; i < n; i++)
          if (!strcmp(rows[i].series, series[s]) && !strcmp(rows[i].run, runs[r]))
            fprintf(gp, "%zu %.9g %.9g %.9g\n", r, rows[i].median, rows[i].min, rows[i].max);
      fprintf(gp, "e\n");
    }
    int st = pclose(gp);
    if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st)) {
      fprintf(stderr, "simdact report: gnuplot failed on %s\n", out);
      rc = -1;
    } else {
      printf("wrote %s\n", out);
    }
  }
  free(names);
  free(series);
  return rc;
}

int cli_report_history(int argc, char **argv) {
  const char *file = NULL, *outdir = NULL, *filter = NULL;
  int png = 0;
  if (cli_wants_help(argc, argv)) { history_usage(stdout); return 0; }
  for (int i = 1; i < argc; i++) {
    const char **slot = !strcmp(argv[i], "--history") ? &file
                        : !strcmp(argv[i], "--out")   ? &outdir
                        : !strcmp(argv[i], "--filter") ? &filter
                                                       : NULL;
    if (!strcmp(argv[i], "--png")) { png = 1; continue; }
    if (!slot || i + 1 >= argc) {
      fprintf(stderr, "simdact report: %s '%s'\n", slot ? "missing value after" : "unknown argument", argv[i]);
      history_usage(stderr);
      return 2;
    }
    *slot = argv[++i];
  }
  if (!file) { history_usage(stderr); return 2; }
  FILE *f = fopen(file, "r");
  if (!f) { fprintf(stderr, "simdact report: %s: %s\n", file, strerror(errno)); return 2; }
  char line[4096];
  char *hdr[32];
  size_t nh = fgets(line, sizeof line, f) ? csv_split(line, hdr, 32) : 0;
  int cdate = col_index(hdr, nh, "date"), ccommit = col_index(hdr, nh, "commit"),
      cmach = col_index(hdr, nh, "machine"), cname = col_index(hdr, nh, "benchmark"),
      cmed = col_index(hdr, nh, "median"), cunit = col_index(hdr, nh, "unit"), cmin = col_index(hdr, nh, "min"), cmax = col_index(hdr, nh, "max");
  for (size_t i = 0; i < nh; i++) free(hdr[i]);
  if (cdate < 0 || ccommit < 0 || cmach < 0 || cname < 0 || cmed < 0 || cmin < 0 || cmax < 0) {
    fprintf(stderr, "simdact report: %s is not a history CSV written by 'simdact compare --csv'\n", file);
    fclose(f);
    return 2;
  }
  hist_row *rows = NULL;
  size_t n = 0, cap = 0;
  char **machines = NULL;
  size_t lineno = 1;
  int rc = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    if (line[0] == '\n' || line[0] == 0) continue;
    char *fl[32];
    size_t nf = csv_split(line, fl, 32);
    char *end;
    if (nf != nh) {
      fprintf(stderr, "simdact report: %s:%zu: %zu fields, expected %zu\n", file, lineno, nf, nh);
      rc = 2;
    } else if (!filter || strstr(fl[cname], filter)) {
      double med = strtod(fl[cmed], &end);
      if (*end || !(med > 0)) {
        fprintf(stderr, "simdact report: %s:%zu: bad median '%s'\n", file, lineno, fl[cmed]);
        rc = 2;
      } else {
        if (n == cap) {
          cap = cap ? 2 * cap : 256;
          rows = realloc(rows, cap * sizeof *rows);
          machines = realloc(machines, cap * sizeof *machines);
          if (!rows || !machines) { fprintf(stderr, "simdact: out of memory\n"); exit(3); }
        }
        hist_row *r = &rows[n];
        size_t lr = strlen(fl[cdate]) + strlen(fl[ccommit]) + 2;
        r->run = malloc(lr);
        snprintf(r->run, lr, "%s %s", fl[cdate], fl[ccommit]);
        r->label = fl[ccommit][0] ? dupn(fl[ccommit], strnlen(fl[ccommit], 8))
                                  : dupn(fl[cdate], strnlen(fl[cdate], 16));
        r->median = med;
        r->unit = cunit >= 0 && strspn(fl[cunit], "abcdefghijklmnopqrstuvwxyz/") == strlen(fl[cunit]) && fl[cunit][0]
                      ? dupn(fl[cunit], strlen(fl[cunit]))
                      : dupn("time", 4);
        r->min = strtod(fl[cmin], NULL);
        r->max = strtod(fl[cmax], NULL);
        if (!(r->min > 0)) r->min = med;
        if (!(r->max > 0)) r->max = med;
        size_t gl = strcspn(fl[cname], "./");
        r->group = dupn(fl[cname], gl ? gl : strlen(fl[cname]));
        for (char *g = r->group; *g; g++)
          if (!((*g >= 'a' && *g <= 'z') || (*g >= 'A' && *g <= 'Z') || (*g >= '0' && *g <= '9') || *g == '-' || *g == '_'))
            *g = '_';
        size_t ls = strlen(fl[cname]) + strlen(fl[cmach]) + 4;
        r->series = malloc(ls);
        snprintf(r->series, ls, "%s @ %s", fl[cname], fl[cmach]);
        machines[n] = strrchr(r->series, '@') + 2;
        n++;
      }
    }
    for (size_t i = 0; i < nf; i++) free(fl[i]);
    if (rc) break;
  }
  fclose(f);
  if (rc == 0 && n == 0) {
    fprintf(stderr, "simdact report: %s has no rows%s\n", file, filter ? " matching --filter" : "");
    rc = 2;
  }
  if (rc == 0) {
    /* One machine: series are just benchmark names. */
    char **tmp = malloc(n * sizeof *tmp);
    if (distinct(machines, n, tmp, 1) == 1)
      for (size_t i = 0; i < n; i++) *strstr(rows[i].series, " @ ") = 0;
    char **runsv = malloc(n * sizeof *runsv), **runs = malloc(n * sizeof *runs);
    for (size_t i = 0; i < n; i++) runsv[i] = rows[i].run;
    size_t nruns = distinct(runsv, n, runs, 1);
    char **groupsv = malloc(n * sizeof *groupsv), **groups = malloc(n * sizeof *groups);
    for (size_t i = 0; i < n; i++) groupsv[i] = rows[i].group;
    size_t ng = distinct(groupsv, n, groups, 0);
    char *dir;
    if (outdir) {
      dir = dupn(outdir, strlen(outdir));
    } else {
      const char *slash = strrchr(file, '/');
      dir = slash ? dupn(file, (size_t)(slash - file)) : dupn(".", 1);
    }
    mkdir(dir, 0777);
    for (size_t g = 0; g < ng && rc == 0; g++)
      if (plot_group(dir, groups[g], rows, n, runs, nruns, png)) rc = 2;
    free(dir);
    free(tmp);
    free(runsv);
    free(runs);
    free(groupsv);
    free(groups);
  }
  for (size_t i = 0; i < n; i++) {
    free(rows[i].run);
    free(rows[i].label);
    free(rows[i].series);
    free(rows[i].group);
    free(rows[i].unit);
  }
  free(rows);
  free(machines);
  return rc;
}

/* `simdact report` belongs to the bench (it rebuilds REPORT.md and plots from
 * results folders); its definition replaces this weak one and must hand
 * --history over to cli_report_history().  Until it exists, `report` does
 * only --history. */
__attribute__((weak)) int cli_report(int argc, char **argv) {
  for (int i = 1; i < argc; i++)
    if (!strcmp(argv[i], "--history") || !strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
      return cli_report_history(argc, argv);
  fprintf(stderr, "simdact report: this build only draws histories: simdact report --history FILE\n");
  return 2;
}
