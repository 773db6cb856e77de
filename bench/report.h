/* The bench report: REPORT.md and one gnuplot plot per activation, rebuilt
 * from the JSON files of a results folder (bench.json, accuracy.json,
 * machine.json); and a cross-machine table over several folders.  Used by
 * simdact-bench at the end of a run and by `simdact report`. */
#ifndef SIMDACT_BENCH_REPORT_H
#define SIMDACT_BENCH_REPORT_H

#include <stdio.h>

/* Writes dir/REPORT.md and dir/plots/<act>.{gp,svg,png} (plots only when
 * gnuplot is found; a note on stderr otherwise).  When term is not NULL the
 * tables are printed there too.  Returns 0, or -1 with a message in err. */
int bench_report(const char *dir, FILE *term, char *err, size_t errlen);

/* The cross-machine table over ndirs results folders, as Markdown to out.
 * Returns 0, or -1 with a message in err. */
int bench_report_cross(const char *const *dirs, int ndirs, FILE *out, char *err, size_t errlen);

#endif
