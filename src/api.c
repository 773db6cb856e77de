/* Error strings, version, parameter defaults. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "params.h"
#include "simdact.h"

const char *simdact_version(void) { return SIMDACT_VERSION_STRING; }

const char *simdact_strerror(int err) {
  switch (err) {
  case SIMDACT_OK: return "success";
  case SIMDACT_ENULL: return "NULL pointer where data is required (x, y or prelu slope with n > 0)";
  case SIMDACT_EOVERLAP: return "x and y overlap without being the same buffer";
  case SIMDACT_EPARAM:
    return "invalid parameter (k, cols or channels is 0, missing params, a NaN or infinite "
           "alpha/beta, elu alpha <= 0, or softplus/swish |beta| outside [2^-4, 2^20])";
  case SIMDACT_ESHAPE: return "n does not fit the shape (n not a multiple of cols, or n*k overflows)";
  case SIMDACT_EUNKNOWN: return "unknown activation, tier or ISA name";
  case SIMDACT_EUNSUPPORTED: return "ISA not built in, or not supported by this CPU/OS";
  case SIMDACT_ENOBOUND: return "no kernel meets the requested ULP bound";
  default: return "unknown simdact error code";
  }
}

int simdact_params_default(const char *act, simdact_params *out) {
  if (!out) return SIMDACT_ENULL;
  memset(out, 0, sizeof *out);
  out->alpha = 1.0f;
  out->k = 1;
  if (!act) return SIMDACT_ENULL;
#define SIMDACT_DEFAULT(name, a, b, rule) \
  if (strcmp(act, #name) == 0) { out->alpha = a; out->beta = b; return SIMDACT_OK; }
#include "defaults.h"
#undef SIMDACT_DEFAULT
  for (size_t i = 0; i < simdact_kernel_count(); i++)
    if (strcmp(simdact_kernel_at(i)->act, act) == 0) return SIMDACT_OK;
  return SIMDACT_EUNKNOWN;
}

int simdact_params_check(const char *act, const simdact_params *p) {
  if (!act) return SIMDACT_ENULL;
  return params_rule_check(params_rule(act), p);
}
