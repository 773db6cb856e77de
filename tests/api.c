/* API contract: argument validation, error codes, introspection. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "simdact.h"
#include "tap.h"

int main(void) {
  float x[64], y[64];
  for (int i = 0; i < 64; i++) x[i] = (float)i - 32.0f;

  /* Introspection contract */
  tap_ok(simdact_kernel_count() > 0, "registry is not empty (%zu kernels)", simdact_kernel_count());
  tap_ok(simdact_kernel_at(simdact_kernel_count()) == NULL, "kernel_at past the end is NULL");
  tap_ok(simdact_isa_supported("scalar") == 1, "scalar is always supported");
  tap_ok(simdact_isa_supported("mmx") == 0, "unknown ISA name is not supported");
  tap_ok(simdact_isa_supported(NULL) == 0, "NULL ISA name is not supported");
  tap_ok(simdact_isa_supported(simdact_isa_active()) == 1, "active ISA (%s) is supported",
         simdact_isa_active());

  /* Validation: nothing is written on error */
  for (int i = 0; i < 64; i++) y[i] = 42.0f;
  tap_ok(simdact_relu_exact(NULL, y, 3, NULL) == SIMDACT_ENULL, "relu: NULL x with n > 0");
  tap_ok(simdact_relu_exact(x, NULL, 3, NULL) == SIMDACT_ENULL, "relu: NULL y with n > 0");
  tap_ok(simdact_relu_exact(NULL, NULL, 0, NULL) == SIMDACT_OK, "relu: NULL with n == 0 is fine");
  memcpy(y, x, sizeof x);
  tap_ok(simdact_relu_exact(y, y + 1, 8, NULL) == SIMDACT_EOVERLAP, "relu: partial overlap refused");
  int untouched = 1;
  for (int i = 0; i < 64; i++) untouched &= y[i] == x[i];
  tap_ok(untouched, "relu: refused call wrote nothing");
  tap_ok(simdact_relu_exact(y, y, 64, NULL) == SIMDACT_OK, "relu: in place is allowed");
  tap_ok(strcmp(simdact_strerror(SIMDACT_EOVERLAP), simdact_strerror(SIMDACT_ENULL)) != 0,
         "strerror distinguishes codes");
  tap_ok(simdact_find("relu", "exact", "mmx") == NULL && simdact_find_error() == SIMDACT_EUNKNOWN,
         "find with unknown ISA: EUNKNOWN");
  tap_ok(simdact_find("nope", "exact", NULL) == NULL && simdact_find_error() == SIMDACT_EUNKNOWN,
         "find with unknown activation: EUNKNOWN");
  const simdact_kernel *k = simdact_fastest("relu", 0.5);
  tap_ok(k && strcmp(k->act, "relu") == 0 && k->max_ulp <= 0.5, "fastest relu within 0.5 ULP");
  tap_ok(simdact_fastest("relu", 0.1) == NULL && simdact_find_error() == SIMDACT_ENOBOUND,
         "no relu within 0.1 ULP: ENOBOUND");
  return tap_done();
}
