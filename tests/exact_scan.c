/* Exhaustive check of tier-exact elementwise kernels: every binary32 input,
 * every ISA this CPU runs, against reference/ (ref_f32: double-double with a
 * rigorous bound, MPFR where that cannot decide), bit for bit (NaN against
 * NaN).  Not part of make check (minutes per activation):
 *   tests/exact_scan [act...]      default: hard_sigmoid hard_swish
 * Uses all cores (SIMDACT_SCAN_THREADS to change; SIMDACT_SCAN_SAMPLE=N
 * checks every N-th block of 65536 inputs only); prints the mismatches and
 * a summary line per activation; exit status 1 on any mismatch. */
#include <inttypes.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "reference/ref.h"
#include "simdact.h"

#define CHUNK 65536u

static const simdact_kernel *kernels[16];
static int nkernels;
static const char *act;
static simdact_params params;
static ref_par rpar;
static uint64_t next_chunk, mismatches, done_chunks, sample = 1;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg) {
  (void)arg;
  float *x = malloc(CHUNK * sizeof *x), *y = malloc(CHUNK * sizeof *y * 16);
  for (;;) {
    pthread_mutex_lock(&lock);
    uint64_t c = next_chunk;
    next_chunk += sample;
    pthread_mutex_unlock(&lock);
    if (c >= (1ull << 32) / CHUNK) break;
    for (uint32_t i = 0; i < CHUNK; i++) {
      uint32_t u = (uint32_t)(c * CHUNK + i);
      memcpy(&x[i], &u, 4);
    }
    for (int k = 0; k < nkernels; k++) kernels[k]->fn(x, y + (size_t)k * CHUNK, CHUNK, &params);
    uint64_t bad = 0;
    for (uint32_t i = 0; i < CHUNK; i++) {
      float r = ref_f32_id(&rpar, x[i]);
      for (int k = 0; k < nkernels; k++) {
        float v = y[(size_t)k * CHUNK + i];
        uint32_t ur, uv;
        memcpy(&ur, &r, 4);
        memcpy(&uv, &v, 4);
        if (!(ur == uv || (r != r && v != v))) {
          if (bad++ < 5) {
            uint32_t ux;
            memcpy(&ux, &x[i], 4);
            printf("MISMATCH %s x=0x%08" PRIx32 " (%a): got 0x%08" PRIx32 " (%a) want 0x%08" PRIx32 " (%a)\n",
                   kernels[k]->name, ux, x[i], uv, v, ur, r);
          }
        }
      }
    }
    pthread_mutex_lock(&lock);
    mismatches += bad;
    done_chunks++;
    pthread_mutex_unlock(&lock);
  }
  free(x);
  free(y);
  return NULL;
}

int main(int argc, char **argv) {
  static const char *defaults[] = {"hard_sigmoid", "hard_swish"};
  const char **acts = argc > 1 ? (const char **)argv + 1 : defaults;
  int nacts = argc > 1 ? argc - 1 : 2;
  long threads = sysconf(_SC_NPROCESSORS_ONLN);
  if (getenv("SIMDACT_SCAN_THREADS")) threads = atol(getenv("SIMDACT_SCAN_THREADS"));
  if (threads < 1) threads = 1;
  if (getenv("SIMDACT_SCAN_SAMPLE")) sample = strtoull(getenv("SIMDACT_SCAN_SAMPLE"), NULL, 0);
  if (sample < 1) sample = 1;
  int failed = 0;
  for (int a = 0; a < nacts; a++) {
    act = acts[a];
    simdact_params_default(act, &params);
    nkernels = 0;
    for (size_t i = 0; i < simdact_kernel_count(); i++) {
      const simdact_kernel *k = simdact_kernel_at(i);
      if (strcmp(k->act, act) == 0 && strcmp(k->tier, "exact") == 0 && simdact_isa_supported(k->isa) &&
          nkernels < 16)
        kernels[nkernels++] = k;
    }
    int id = ref_act_id(act);
    if (!nkernels || id < 0 || !ref_act_elementwise(id) || ref_par_init(&rpar, id, &params) < 0) {
      printf("%s: no exact kernel or no reference here\n", act);
      failed = 1;
      continue;
    }
    next_chunk = mismatches = done_chunks = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pthread_t tid[64];
    if (threads > 64) threads = 64;
    for (long t = 0; t < threads; t++) pthread_create(&tid[t], NULL, worker, NULL);
    for (long t = 0; t < threads; t++) pthread_join(tid[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%s: %d kernels (", act, nkernels);
    for (int k = 0; k < nkernels; k++) printf("%s%s", k ? " " : "", kernels[k]->isa);
    printf(") x 2^32/%" PRIu64 " inputs:", sample);
    printf(" %" PRIu64 " mismatches, %.1f s on %ld threads\n", mismatches,
           (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec), threads);
    fflush(stdout);
    if (mismatches) failed = 1;
  }
  return failed;
}
