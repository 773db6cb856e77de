/* simdact report DIR...: see report.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "report.h"

static void report_usage(FILE *f) {
  fprintf(f, "usage: simdact report [--cross FILE] DIR...\n"
             "       simdact report --history FILE ...   (see simdact report --history --help)\n\n"
             "Rebuild DIR/REPORT.md and DIR/plots/ from the stored bench.json,\n"
             "accuracy.json and machine.json of each results folder (as written by\n"
             "`make bench`), printing the tables.  With several folders, also write a\n"
             "cross-machine table to FILE (default: standard output).\n");
}

int cli_report(int argc, char **argv) {
  /* --history FILE: the compare history plot (src/history.c). */
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], "--history") == 0) return cli_report_history(argc, argv);
  if (cli_wants_help(argc, argv)) { report_usage(stdout); return 0; }
  const char *cross = NULL;
  const char **dirs = calloc((size_t)argc, sizeof *dirs);
  int ndirs = 0;
  if (!dirs) return 1;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--cross") == 0) {
      if (i + 1 >= argc) { report_usage(stderr); free(dirs); return 2; }
      cross = argv[++i];
    } else if (argv[i][0] == '-') {
      fprintf(stderr, "simdact report: unknown option '%s'\n", argv[i]);
      report_usage(stderr);
      free(dirs);
      return 2;
    } else {
      dirs[ndirs++] = argv[i];
    }
  }
  if (ndirs == 0) { report_usage(stderr); free(dirs); return 2; }
  char err[1024];
  int status = 0;
  for (int i = 0; i < ndirs; i++)
    if (bench_report(dirs[i], ndirs == 1 ? stdout : NULL, err, sizeof err)) {
      fprintf(stderr, "simdact report: %s\n", err);
      status = 1;
    } else if (ndirs > 1) {
      printf("report: %s/REPORT.md\n", dirs[i]);
    }
  if (ndirs > 1 && status == 0) {
    FILE *out = cross ? fopen(cross, "w") : stdout;
    if (!out) { fprintf(stderr, "simdact report: %s: %s\n", cross, strerror(errno)); free(dirs); return 1; }
    if (bench_report_cross(dirs, ndirs, out, err, sizeof err)) {
      fprintf(stderr, "simdact report: %s\n", err);
      status = 1;
    }
    if (cross && fclose(out)) { fprintf(stderr, "simdact report: %s: write error\n", cross); status = 1; }
  }
  free(dirs);
  return status;
}
