/* simdact: neural-network activation functions on SIMD hardware.
 *
 * Every activation exists in scalar, SSE4.1, AVX2+FMA, AVX-512 and NEON
 * variants; the best one this CPU runs is chosen once, at first use.  Each
 * kernel carries the ULP bound verified for it over every binary32 input. */
#ifndef SIMDACT_H
#define SIMDACT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SIMDACT_VERSION_MAJOR 0
#define SIMDACT_VERSION_MINOR 1
#define SIMDACT_VERSION_PATCH 0
#define SIMDACT_VERSION_STRING "0.1.0"
/* One number that orders versions: major * 10000 + minor * 100 + patch. */
#define SIMDACT_VERSION \
  (SIMDACT_VERSION_MAJOR * 10000 + SIMDACT_VERSION_MINOR * 100 + SIMDACT_VERSION_PATCH)

/* The version of the library actually linked (may differ from the header's). */
const char *simdact_version(void);

typedef struct simdact_params {
  float alpha, beta;   /* per-activation meaning: see simdact_params_default */
  const float *slope;  /* prelu: one slope per channel */
  size_t channels;     /* prelu: x is channels-last, channel of x[i] is i % channels */
  size_t k;            /* maxout: pieces per output */
  size_t cols;         /* softmax, log_softmax: row length */
} simdact_params;      /* NULL means the defaults */

/* The defaults of one activation (alpha, beta as in the README table, k = 1,
 * cols = 0, slope = NULL, channels = 0).  Unknown names give all zeros with
 * alpha = 1 and return SIMDACT_EUNKNOWN. */
int simdact_params_default(const char *act, simdact_params *out);

/* SIMDACT_EPARAM if p is outside the domain where act's tiers are verified:
 * a NaN or infinite alpha (linear, leaky_relu, elu) or beta (linear,
 * softplus, swish), elu alpha <= 0, softplus or swish |beta| outside
 * [2^-4, 2^20] (either sign); SIMDACT_OK otherwise (p NULL: the defaults).
 * Inside, every kernel stays within its tier (u1 1 ULP, u4 4, approx 4096);
 * the registered bounds are those of the defaults. */
int simdact_params_check(const char *act, const simdact_params *p);

typedef void (*simdact_kernel_fn)(const float *x, float *y, size_t n,
                                  const simdact_params *p);

typedef struct simdact_kernel {
  const char *name;   /* "sigmoid.u1.avx512" */
  const char *act;    /* "sigmoid" */
  const char *tier;   /* "exact" "u1" "u4" "approx" */
  const char *isa;    /* "scalar" "sse41" "avx2" "avx512" "neon" */
  double max_ulp;     /* verified bound over all binary32 inputs */
  simdact_kernel_fn fn;
} simdact_kernel;

size_t simdact_kernel_count(void);               /* every kernel in this build */
const simdact_kernel *simdact_kernel_at(size_t i);
int simdact_isa_supported(const char *isa);      /* 1 if this CPU and OS run it */
const char *simdact_isa_active(void);            /* what dispatch chose */

/* Error codes: 0 is success, the rest are negative. */
enum {
  SIMDACT_OK = 0,
  SIMDACT_ENULL = -1,      /* NULL pointer with n > 0 (x, y, or prelu slope) */
  SIMDACT_EOVERLAP = -2,   /* x and y overlap without being the same buffer */
  SIMDACT_EPARAM = -3,     /* a parameter is invalid: k = 0, cols = 0, channels = 0,
                              alpha/beta outside simdact_params_check's domain */
  SIMDACT_ESHAPE = -4,     /* n does not fit the shape: n % cols != 0, n * k overflows */
  SIMDACT_EUNKNOWN = -5,   /* unknown activation, tier or ISA name */
  SIMDACT_EUNSUPPORTED = -6, /* the ISA is not built in, or this CPU/OS cannot run it */
  SIMDACT_ENOBOUND = -7    /* no kernel meets the requested ULP bound */
};
const char *simdact_strerror(int err);

/* Validated, dispatched entry points: simdact_<act>_<tier>(x, y, n, p).
 * n is the number of outputs; maxout reads n * k inputs.  x == y (in place)
 * is allowed; any other overlap is SIMDACT_EOVERLAP.  Nothing is written when
 * an error is returned. */
#define SIMDACT_KERNEL(act, tier, max_ulp, shape) \
  int simdact_##act##_##tier(const float *x, float *y, size_t n, const simdact_params *p);
#include <simdact_kernels.h>
#undef SIMDACT_KERNEL

/* Look up the kernel <act>.<tier>.<isa>; isa NULL means the active ISA.
 * Returns NULL if there is none (see simdact_find_error for why). */
const simdact_kernel *simdact_find(const char *act, const char *tier, const char *isa);

/* The fastest kernel of act on the active ISA whose verified bound is at most
 * max_ulp (tiers are ordered approx < u4 < u1 < exact by speed).  NULL if no
 * tier meets the bound. */
const simdact_kernel *simdact_fastest(const char *act, double max_ulp);

/* Validate arguments for kernel k's activation and run it.  The per-activation
 * entry points above are this with k = the active ISA's kernel. */
int simdact_run(const simdact_kernel *k, const float *x, float *y, size_t n,
                const simdact_params *p);

/* Why the last simdact_find / simdact_fastest of this thread returned NULL. */
int simdact_find_error(void);

#ifdef __cplusplus
}
#endif
#endif
