/* What machine a bench ran on: CPU model and flags, ISAs, compiler, library
 * versions, date; written as machine.json beside bench.json. */
#ifndef SIMDACT_BENCH_MACHINE_H
#define SIMDACT_BENCH_MACHINE_H

#include <stdint.h>

typedef struct machine_info {
  char cpu[256];        /* "AMD EPYC 9B45" (/proc/cpuinfo model name, or uname -m) */
  char flags[4096];     /* /proc/cpuinfo flags (x86) or Features (arm) */
  char widest_isa[16];  /* best ISA built in and run by this CPU (SIMDACT_ISA caps it) */
  char folder[192];     /* results folder name: sanitized cpu + "-" + widest_isa */
  int cores;
} machine_info;

typedef struct bench_run_info {
  const char *mode, *sizes, *dists;
  uint64_t samples;
  int repetitions;
  double min_time;
  double seconds;   /* wall time of the run */
} bench_run_info;

void machine_probe(machine_info *m);
/* Lower-case ASCII letters and digits, runs of anything else as one '-'. */
void machine_sanitize(const char *in, char *out, int outlen);
/* 0 on success, -1 with errno on failure. */
int machine_write_json(const machine_info *m, const bench_run_info *r, const char *path);

#endif
