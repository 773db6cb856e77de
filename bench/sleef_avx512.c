/* SLEEF peers at avx512: SLEEF's f16 functions (the avx512f builds). */
#include "config.h"

#include "simd/vec/avx512.h"
#include <sleef.h>
#define SLEEF_FN(fn, u) Sleef_##fn##f16_##u##avx512f
#include "bench/sleef_peers.h"
