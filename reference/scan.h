/* The scan driver: every binary32 input (or a sample, an interval, a list)
 * through all kernels of one activation in one pass, the reference computed
 * once per input, on all cores.  Per kernel it collects the DESIGN section 4
 * statistics and whether the kernel's claimed bound holds. */
#ifndef SIMDACT_SCAN_H
#define SIMDACT_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "simdact.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A kernel to scan: registry entries, or test-only ones. */
typedef struct scan_kernel {
  const char *name, *tier, *isa;
  double bound;            /* claimed max ULP */
  simdact_kernel_fn fn;
} scan_kernel;

typedef struct scan_stats {
  uint64_t count;          /* inputs scored */
  double max_ulp;          /* exact (MPFR-rescored) figure of the worst input */
  uint32_t max_x;          /* its input bits */
  float max_y;             /* the kernel's output there */
  int max_set;             /* max_x/max_y name a scored input (bitwise scans may
                              score none: all matched, max_ulp is then 0.5) */
  double sum_ulp;          /* mean = sum_ulp / count */
  uint64_t over_half, over_1, over_2, over_bound;
  uint64_t wrong_rounding; /* y != correctly rounded f(x) (bits; NaNs equal; zeros: zero_sign) */
  uint32_t wrong_x;
  double max_abs, max_rel; /* |y - f|, |y - f| / |f| (f != 0), finite pairs */
  uint32_t max_abs_x, max_rel_x;
  uint64_t nonfinite;      /* NaN/inf class or sign of y differs from the rounded f */
  uint32_t nonfinite_x;
  uint64_t zero_sign;      /* y and rounded f both zero with different signs */
  uint32_t zero_sign_x;
  uint64_t lane;           /* neighbour lanes (specials, garbage) whose result changed */
  int holds;               /* max_ulp <= bound, no non-finite or lane mismatch;
                              exact tier: also no wrong rounding or zero sign */
} scan_stats;

enum scan_mode { SCAN_ALL, SCAN_SAMPLES, SCAN_RANGE, SCAN_LIST };

typedef struct scan_config {
  const char *act;
  const simdact_params *params; /* NULL: defaults (prelu: one channel, slope 0.25;
                                   maxout: k = 2, the second value cycling
                                   through specials and garbage) */
  enum scan_mode mode;
  uint64_t samples, seed;       /* SCAN_SAMPLES: specials first, then random bits */
  float lo, hi;                 /* SCAN_RANGE: every float in [lo, hi] */
  const float *list;            /* SCAN_LIST */
  size_t list_n;
  int bitwise;                  /* only prove every output is the correctly rounded
                                   value (bit for bit, NaN = NaN): batches that
                                   match skip the figures (count only); a batch
                                   that does not is scored in full.  For the
                                   exact tier's all-inputs check. */
  int mpfr_only;                /* every reference from MPFR (to measure its cost) */
  int threads;                  /* 0: every online CPU */
  int progress;                 /* progress line on stderr when it is a terminal */
} scan_config;

typedef struct scan_info {
  uint64_t inputs;
  uint64_t escalations;         /* MPFR evaluations made by this scan */
  double seconds;
  int threads;
} scan_info;

/* 0 on success, -1 on a bad configuration (message on stderr). */
int scan_run(const scan_config *cfg, const scan_kernel *ks, size_t nk, scan_stats *out,
             scan_info *info);

/* Score one output y of a kernel with claimed bound against the reference
 * v (rounded: r) into st.  Returns 1, without scoring, when v's error bound
 * leaves the figure open (a threshold or a binade edge within reach): the
 * caller then replaces v and r by the MPFR value and calls again with
 * exact_ref = 1.  xkey identifies the input in the statistics. */
struct ref_dd;
int scan_score(scan_stats *st, double bound, uint32_t xkey, const struct ref_dd *v, float r, float y,
               int exact_ref);
/* Add b's statistics to a (b after a in scan order). */
void scan_merge(scan_stats *a, const scan_stats *b);
/* After the last scan_score/scan_merge of one kernel: rescore the worst input
 * against MPFR (q NULL: the figures are exact already, as for maxout) and
 * set holds (bound; exact tier: no wrong rounding or zero sign either).
 * bitwise: the scan skipped outputs equal to the rounded reference. */
struct ref_par;
void scan_finish(const struct ref_par *q, scan_stats *st, double bound, const char *tier, int bitwise);

/* Registry kernels of act (tier / isa filters may be NULL) that this CPU runs. */
size_t scan_registry_kernels(const char *act, const char *tier, const char *isa,
                             scan_kernel *out, size_t max);

#ifdef __cplusplus
}
#endif
#endif
