/* Peers: what a user would pick instead of simdact, measured in the same run
 * and scanned by the same accuracy engine.  Each has the kernel signature, so
 * the bench and the scan treat peers and kernels alike. */
#ifndef SIMDACT_BENCH_PEERS_H
#define SIMDACT_BENCH_PEERS_H

#include <stddef.h>
#include "simdact.h"

typedef struct bench_peer {
  const char *act;   /* the activation it computes */
  const char *impl;  /* "libm", "sleef_u10", "sleef_u35", "memcpy" */
  const char *isa;   /* ISA of its code: "scalar" (plain C), "avx512", ... */
  simdact_kernel_fn fn;
} bench_peer;

/* Plain C loops over <math.h>, one per activation (peers_libm.c). */
extern const bench_peer bench_libm_peers[];
extern const size_t bench_libm_peer_count;

/* The copy loop (memcpy): the bandwidth ceiling, act "copy". */
extern const bench_peer bench_copy_peer;

/* SLEEF vector functions composed into each transcendental activation the
 * obvious way, one table per x86 ISA built (sleef_<isa>.c).  The u35 rows
 * exist only where SLEEF has a u35 function the composition uses (tanh):
 * exp, expm1, log1p and erf come in u10 only. */
const bench_peer *bench_sleef_peers(const char *isa, size_t *count);

#endif
