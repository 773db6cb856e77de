/* gbench: a small C API over Google Benchmark, so that benchmark programs can
 * be written in C.  One C++ file (gbench.cc) implements it.
 *
 *   static void run(gbench_state *st, void *ctx) {
 *     size_t n = (size_t)gbench_arg(st, 0);
 *     while (gbench_keep_running(st)) { work(ctx, n); gbench_clobber(); }
 *     gbench_set_items_processed(st, gbench_iterations(st) * n);
 *   }
 *   gbench_init(&argc, argv);                      // takes the --benchmark_* flags
 *   gbench *b = gbench_register("work", run, ctx);
 *   gbench_add_arg(b, 4096);                       // one instance per argument
 *   gbench_run(NULL);                              // JSON via --benchmark_out=FILE
 *
 * Benchmarks are run in registration order; the --benchmark_* flags
 * (filter, min_time, repetitions, out, out_format, ...) work as usual. */
#ifndef SIMDACT_GBENCH_H
#define SIMDACT_GBENCH_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gbench gbench;             /* a registered benchmark family */
typedef struct gbench_state gbench_state; /* one running instance */
typedef void (*gbench_fn)(gbench_state *st, void *ctx);

/* Counter flags (Google Benchmark's benchmark::Counter::Flags). */
enum {
  GBENCH_DEFAULT = 0,
  GBENCH_RATE = 1 << 0,                /* value / elapsed seconds */
  GBENCH_ITERATION_INVARIANT = 1 << 2, /* value * iterations */
  GBENCH_AVG_ITERATIONS = 1 << 3,      /* value / iterations */
  GBENCH_INVERT = 1 << 4               /* 1 / result (applied last) */
};

/* Parses and removes the --benchmark_* flags from argv (argc updated).
 * Call once, before gbench_run.  Returns 0. */
int gbench_init(int *argc, char **argv);

/* Register fn(state, ctx) under name.  ctx must outlive gbench_run.  Returns
 * a handle for the configuration calls below (NULL on allocation failure). */
gbench *gbench_register(const char *name, gbench_fn fn, void *ctx);
void gbench_add_arg(gbench *b, int64_t arg);              /* one instance per arg */
void gbench_add_args(gbench *b, const int64_t *args, int n); /* one instance, n args */
void gbench_range(gbench *b, int64_t lo, int64_t hi, int multiplier);
void gbench_arg_name(gbench *b, const char *name);        /* "n" -> name/n:4096 */
void gbench_min_time(gbench *b, double seconds);
void gbench_iterations(gbench *b, int64_t iterations);    /* fixed count */
void gbench_repetitions(gbench *b, int n);
void gbench_use_real_time(gbench *b);

/* Inside the callback. */
int gbench_keep_running(gbench_state *st);          /* the timing loop */
int64_t gbench_arg(const gbench_state *st, int i);  /* i-th argument */
int64_t gbench_iterations_done(const gbench_state *st);
void gbench_pause_timing(gbench_state *st);
void gbench_resume_timing(gbench_state *st);
void gbench_set_items_processed(gbench_state *st, int64_t items);
void gbench_set_bytes_processed(gbench_state *st, int64_t bytes);
void gbench_set_counter(gbench_state *st, const char *name, double value, unsigned flags);
void gbench_set_label(gbench_state *st, const char *label);
/* Report this instance as skipped with a message (the run is kept in the
 * output with "error_occurred": true).  Return without timing afterwards. */
void gbench_skip(gbench_state *st, const char *message);
/* Compiler barrier: memory written before it counts as observed. */
void gbench_clobber(void);

/* Key/value written into the "context" of the JSON output. */
void gbench_add_context(const char *key, const char *value);

/* Progress callback: called after each finished instance with its name,
 * the number done so far and the total; ns_per_item is the measured time
 * per item (0 when skipped or unknown). */
typedef void (*gbench_progress_fn)(const char *name, int done, int total,
                                   double ns_per_item, const char *error, void *ctx);

/* Run every registered benchmark matching --benchmark_filter.  With progress
 * NULL, Google Benchmark's console table is printed; otherwise only progress
 * is called.  --benchmark_out=FILE writes the JSON file as usual.  Returns
 * the number of instances run. */
int gbench_run(gbench_progress_fn progress, void *progress_ctx);

#ifdef __cplusplus
}
#endif
#endif
