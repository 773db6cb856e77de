/* The kernel registry and the validated, dispatched entry points, all
 * expanded from the one list in simdact_kernels.h. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "isa.h"
#include "params.h"
#include "simdact.h"

enum shape { ELEMENTWISE, PRELU, MAXOUT, ROWWISE };

/* Declarations of every kernel of every built ISA. */
#define SIMDACT_KERNEL(act, tier, bound, shape) \
  void simdact_##act##_##tier##_scalar(const float *, float *, size_t, const simdact_params *);
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
#ifdef HAVE_ISA_SSE41
#define SIMDACT_KERNEL(act, tier, bound, shape) \
  void simdact_##act##_##tier##_sse41(const float *, float *, size_t, const simdact_params *);
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
#endif
#ifdef HAVE_ISA_AVX2
#define SIMDACT_KERNEL(act, tier, bound, shape) \
  void simdact_##act##_##tier##_avx2(const float *, float *, size_t, const simdact_params *);
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
#endif
#ifdef HAVE_ISA_AVX512
#define SIMDACT_KERNEL(act, tier, bound, shape) \
  void simdact_##act##_##tier##_avx512(const float *, float *, size_t, const simdact_params *);
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
#endif
#ifdef HAVE_ISA_NEON
#define SIMDACT_KERNEL(act, tier, bound, shape) \
  void simdact_##act##_##tier##_neon(const float *, float *, size_t, const simdact_params *);
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
#endif

/* Position of each (act, tier) in the list. */
enum {
#define SIMDACT_KERNEL(act, tier, bound, shape) SLOT_##act##_##tier,
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
  SLOT_COUNT
};

static const enum shape slot_shape[SLOT_COUNT] = {
#define SIMDACT_KERNEL(act, tier, bound, shape) shape,
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
};

/* The parameter rule of each slot: every case folds to a constant. */
static unsigned slot_rule(int slot) {
  switch (slot) {
#define SIMDACT_KERNEL(act, tier, bound, shape) \
  case SLOT_##act##_##tier: return params_rule(#act);
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
  default: return 0;
  }
}

/* The table: one block of SLOT_COUNT kernels per built ISA, in ISA order. */
#define ENTRY(act, tier, bound, isa) \
  {#act "." #tier "." #isa, #act, #tier, #isa, bound, simdact_##act##_##tier##_##isa},
static const simdact_kernel table[] = {
#define SIMDACT_KERNEL(act, tier, bound, shape) ENTRY(act, tier, bound, scalar)
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
#ifdef HAVE_ISA_SSE41
#define SIMDACT_KERNEL(act, tier, bound, shape) ENTRY(act, tier, bound, sse41)
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
#endif
#ifdef HAVE_ISA_AVX2
#define SIMDACT_KERNEL(act, tier, bound, shape) ENTRY(act, tier, bound, avx2)
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
#endif
#ifdef HAVE_ISA_AVX512
#define SIMDACT_KERNEL(act, tier, bound, shape) ENTRY(act, tier, bound, avx512)
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
#endif
#ifdef HAVE_ISA_NEON
#define SIMDACT_KERNEL(act, tier, bound, shape) ENTRY(act, tier, bound, neon)
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
#endif
};
#define TABLE_SIZE (sizeof table / sizeof table[0])

size_t simdact_kernel_count(void) { return TABLE_SIZE; }

const simdact_kernel *simdact_kernel_at(size_t i) { return i < TABLE_SIZE ? &table[i] : NULL; }

/* First table index of each ISA's block, -1 when the ISA is not built: a
 * compile-time constant, so a dispatched call is a lookup and one indirect call. */
enum {
  BLOCK_SSE41 = 1,
#ifdef HAVE_ISA_SSE41
  BLOCK_AVX2 = BLOCK_SSE41 + 1,
#else
  BLOCK_AVX2 = BLOCK_SSE41,
#endif
#ifdef HAVE_ISA_AVX2
  BLOCK_AVX512 = BLOCK_AVX2 + 1,
#else
  BLOCK_AVX512 = BLOCK_AVX2,
#endif
#ifdef HAVE_ISA_AVX512
  BLOCK_NEON = BLOCK_AVX512 + 1,
#else
  BLOCK_NEON = BLOCK_AVX512,
#endif
};
static const long block_start[ISA_COUNT] = {
    [ISA_SCALAR] = 0,
#ifdef HAVE_ISA_SSE41
    [ISA_SSE41] = BLOCK_SSE41 * SLOT_COUNT,
#else
    [ISA_SSE41] = -1,
#endif
#ifdef HAVE_ISA_AVX2
    [ISA_AVX2] = BLOCK_AVX2 * SLOT_COUNT,
#else
    [ISA_AVX2] = -1,
#endif
#ifdef HAVE_ISA_AVX512
    [ISA_AVX512] = BLOCK_AVX512 * SLOT_COUNT,
#else
    [ISA_AVX512] = -1,
#endif
#ifdef HAVE_ISA_NEON
    [ISA_NEON] = BLOCK_NEON * SLOT_COUNT,
#else
    [ISA_NEON] = -1,
#endif
};
static long isa_block(int isa) { return block_start[isa]; }

static _Thread_local int last_find_error;
int simdact_find_error(void) { return last_find_error; }

static int slot_of(const char *act, const char *tier) {
  for (int s = 0; s < SLOT_COUNT; s++)
    if (strcmp(table[s].act, act) == 0 && (!tier || strcmp(table[s].tier, tier) == 0)) return s;
  return -1;
}

const simdact_kernel *simdact_find(const char *act, const char *tier, const char *isa_name) {
  if (!act || !tier) { last_find_error = SIMDACT_ENULL; return NULL; }
  int slot = slot_of(act, tier);
  if (slot < 0) { last_find_error = SIMDACT_EUNKNOWN; return NULL; }
  int isa;
  if (isa_name) {
    isa = simdact_isa_from_name(isa_name);
    if (isa < 0) { last_find_error = SIMDACT_EUNKNOWN; return NULL; }
  } else {
    isa = simdact_isa_chosen();
    if (isa < 0) { last_find_error = simdact_isa_env_error(); return NULL; }
  }
  long block = isa_block(isa);
  if (block < 0) { last_find_error = SIMDACT_EUNSUPPORTED; return NULL; }
  last_find_error = SIMDACT_OK;
  return &table[block + slot];
}

/* Tiers from fastest to most accurate. */
static const char *const tier_speed_order[] = {"approx", "u4", "u1", "exact"};

const simdact_kernel *simdact_fastest(const char *act, double max_ulp) {
  if (!act) { last_find_error = SIMDACT_ENULL; return NULL; }
  if (slot_of(act, NULL) < 0) { last_find_error = SIMDACT_EUNKNOWN; return NULL; }
  int isa = simdact_isa_chosen();
  if (isa < 0) { last_find_error = simdact_isa_env_error(); return NULL; }
  long block = isa_block(isa);
  for (size_t t = 0; t < sizeof tier_speed_order / sizeof *tier_speed_order; t++) {
    int slot = slot_of(act, tier_speed_order[t]);
    if (slot >= 0 && table[block + slot].max_ulp <= max_ulp) {
      last_find_error = SIMDACT_OK;
      return &table[block + slot];
    }
  }
  last_find_error = SIMDACT_ENOBOUND;
  return NULL;
}

/* [a, a + na) and [b, b + nb) share a byte but do not start at the same place. */
static int partial_overlap(const float *a, size_t na, const float *b, size_t nb) {
  uintptr_t a0 = (uintptr_t)a, a1 = a0 + na * sizeof(float);
  uintptr_t b0 = (uintptr_t)b, b1 = b0 + nb * sizeof(float);
  return a0 != b0 && a0 < b1 && b0 < a1;
}

static int validate(enum shape shape, const float *x, float *y, size_t n, const simdact_params *p) {
  size_t nin = n;
  switch (shape) {
  case ELEMENTWISE:
    break;
  case PRELU:
    if (!p || p->channels == 0) return SIMDACT_EPARAM;
    if (n > 0 && !p->slope) return SIMDACT_ENULL;
    break;
  case MAXOUT: /* p NULL: the default k = 1 */
    if (p && p->k == 0) return SIMDACT_EPARAM;
    if (p && n > SIZE_MAX / sizeof(float) / p->k) return SIMDACT_ESHAPE;
    nin = p ? n * p->k : n;
    break;
  case ROWWISE:
    if (p && p->cols == 0) return SIMDACT_EPARAM;
    if (p && n % p->cols != 0) return SIMDACT_ESHAPE;
    break;
  }
  if (n == 0) return SIMDACT_OK;
  if (!x || !y) return SIMDACT_ENULL;
  if (n > SIZE_MAX / sizeof(float)) return SIMDACT_ESHAPE;
  if (partial_overlap(x, nin, y, n)) return SIMDACT_EOVERLAP;
  return SIMDACT_OK;
}

int simdact_run(const simdact_kernel *k, const float *x, float *y, size_t n,
                const simdact_params *p) {
  if (!k) return SIMDACT_ENULL;
  if (k < table || k >= table + TABLE_SIZE) return SIMDACT_EUNKNOWN;
  int isa = simdact_isa_from_name(k->isa);
  if (!simdact_cpu_has(isa)) return SIMDACT_EUNSUPPORTED;
  int slot = (int)((k - table) % SLOT_COUNT);
  int err = validate(slot_shape[slot], x, y, n, p);
  if (!err) err = params_rule_check(slot_rule(slot), p);
  if (err) return err;
  if (n) k->fn(x, y, n, p);
  return SIMDACT_OK;
}

/* simdact_<act>_<tier>: the active ISA's kernel, validated. */
#define SIMDACT_KERNEL(act, tier, bound, shape)                                       \
  int simdact_##act##_##tier(const float *x, float *y, size_t n, const simdact_params *p) { \
    int isa = simdact_isa_chosen();                                                   \
    if (isa < 0) return simdact_isa_env_error();                                      \
    int err = validate(shape, x, y, n, p);                                            \
    if (!err) err = params_rule_check(params_rule(#act), p);                          \
    if (err) return err;                                                              \
    if (n) table[isa_block(isa) + SLOT_##act##_##tier].fn(x, y, n, p);               \
    return SIMDACT_OK;                                                                \
  }
#include "simdact_kernels.h"
#undef SIMDACT_KERNEL
