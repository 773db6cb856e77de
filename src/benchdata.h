/* Reading benchmark results: Google Benchmark JSON (bench.json, as written
 * by `make bench` or any Google Benchmark program run with
 * --benchmark_format=json or --benchmark_out), optionally inside a results
 * folder that also holds machine.json.
 *
 * Fields read from each benchmark entry besides Google Benchmark's own
 * (name, run_name, run_type, real_time, cpu_time, time_unit, items_per_second,
 * label, error_occurred, error_message) -- the bench writes them as counters:
 *   ns_per_element        nanoseconds per element (else 1e9/items_per_second,
 *                         else cpu_time per iteration)
 *   max_ulp               measured max ULP error of the kernel or peer
 *   bound_ulp             the kernel's claimed bound (registry max_ulp);
 *                         "claimed_ulp" is read too
 *   nonfinite_mismatch    count of inputs with a wrong NaN/inf result;
 *                         "nonfinite_mismatches" is read too
 *   accuracy              "sampled" or "exhaustive" (max_ulp null then means a
 *                         non-finite max ULP: counted as infinite)
 * and the label: "kind=peer" in it marks a peer (libm, SLEEF, copy), whose
 * accuracy changes are reported but are not ours to fail on.
 * Machine identity: machine.json "machine" beside bench.json, else the
 * context field "simdact_machine", else CPU count and cache sizes. */
#ifndef SIMDACT_BENCHDATA_H
#define SIMDACT_BENCHDATA_H

#include <stddef.h>

typedef struct bench_row {
  char *name;          /* run_name, e.g. "sigmoid.u1.avx512/4096/uniform" */
  char *label;         /* Google Benchmark label, or NULL */
  const char *unit;    /* "ns/element" or "ns/iteration" */
  double *v;           /* one value per repetition (run_type "iteration") */
  size_t n, cap;
  double *runmed;      /* median of each run's repetitions (several runs: a list) */
  size_t nrun;
  double max_ulp;      /* NAN when absent */
  double claimed_ulp;  /* NAN when absent */
  double nonfinite;    /* NAN when absent */
  char *error;         /* error_message when the benchmark failed, else NULL */
  int peer;            /* label says kind=peer */
  char *acc_mode;      /* "accuracy": "sampled", "exhaustive", ... or NULL */
} bench_row;

typedef struct bench_set {
  char *path;             /* the JSON file read */
  bench_row *rows;
  size_t nrows, cap;
  size_t reps_min;        /* fewest repetitions of any row without error */
  size_t runs;            /* how many runs (files) were pooled */
  char *date;             /* context.date */
  char *host;             /* context.host_name */
  char *machine;          /* machine identity (see above) */
  const char *machine_from; /* "machine.json", "context" or "cpus+caches" */
  char *simdact_version;  /* machine.json or context, or NULL */
  char *gbench_version;   /* context.library_version, or NULL */
  char *compiler;         /* machine.json or context, or NULL */
  char *mode;             /* context.simdact_mode (quick/full/...), or NULL */
} bench_set;

/* Which clock per-element times come from: Google Benchmark measures both;
 * the benchmark's own choice (real time for "/real_time" names) is
 * BENCH_CLOCK_MEASURED.  BENCH_CLOCK_CPU (the default) leaves out the time the
 * thread was descheduled, which on a shared machine is load, not code;
 * memory stalls still count. */
enum bench_clock { BENCH_CLOCK_CPU, BENCH_CLOCK_REAL, BENCH_CLOCK_MEASURED };
void bench_set_clock(enum bench_clock c);

/* Load PATH (a JSON file, or a folder holding bench.json).  Returns 0, or -1
 * with a one-line reason in err: missing file, invalid or truncated JSON,
 * JSON that is not Google Benchmark output, no benchmark in it. */
int bench_set_load(const char *path, bench_set *s, char *err, size_t errlen);
void bench_set_free(bench_set *s);

/* Load a comma-separated list of such paths as one set: the runs of one
 * side (e.g. rounds interleaved with the other side's) pool their
 * repetitions; max ULP and non-finite counts take the worst.  All runs must
 * come from one machine. */
int bench_set_load_list(const char *list, bench_set *s, char *err, size_t errlen);

/* The row named name, or NULL. */
const bench_row *bench_set_find(const bench_set *s, const char *name);

#endif
