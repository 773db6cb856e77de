/* Internal: the parameter domain of src/defaults.h as inline functions, so
 * that params_rule("elu") with a literal name folds to a constant (GCC and
 * Clang evaluate strcmp of two literals): the dispatched entry points and
 * simdact_run check parameters without comparing names at run time. */
#ifndef SIMDACT_PARAMS_H
#define SIMDACT_PARAMS_H

#include <math.h>
#include <string.h>

#include "simdact.h"

/* The SIMDACT_PARAM_* rule of act (0: no parameters checked). */
static inline unsigned params_rule(const char *act) {
#define SIMDACT_DEFAULT(name, a, b, rule) \
  if (strcmp(act, #name) == 0) return rule;
#include "defaults.h"
#undef SIMDACT_DEFAULT
  return 0;
}

/* SIMDACT_EPARAM if p breaks rule; p NULL means the defaults, which hold. */
static inline int params_rule_check(unsigned rule, const simdact_params *p) {
  if (!p || !rule) return SIMDACT_OK;
  if ((rule & SIMDACT_PARAM_FINITE_ALPHA) && !isfinite(p->alpha)) return SIMDACT_EPARAM;
  if ((rule & SIMDACT_PARAM_POSITIVE_ALPHA) && !(p->alpha > 0)) return SIMDACT_EPARAM;
  if ((rule & SIMDACT_PARAM_FINITE_BETA) && !isfinite(p->beta)) return SIMDACT_EPARAM;
  if ((rule & SIMDACT_PARAM_BETA_RANGE) && !(fabsf(p->beta) >= 0x1p-4f && fabsf(p->beta) <= 0x1p20f))
    return SIMDACT_EPARAM;
  return SIMDACT_OK;
}

#endif
