/* simdact compare: judge a benchmark run against a baseline (see compare.c). */
#ifndef SIMDACT_COMPARE_H
#define SIMDACT_COMPARE_H

/* Exit statuses of `simdact compare`, most severe last. */
enum {
  COMPARE_OK = 0,           /* no speed regression, no accuracy regression */
  COMPARE_SLOWER = 1,       /* a significant speed regression beyond the threshold */
  COMPARE_LESS_ACCURATE = 2,/* max ULP above the bound or BASE, or new non-finite mismatches */
  COMPARE_BAD_INPUT = 3     /* unreadable, truncated or foreign input; refused cross-machine */
};

#endif
