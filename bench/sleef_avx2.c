/* SLEEF peers at avx2: SLEEF's f8 functions (the avx2 builds). */
#include "config.h"

#include "simd/vec/avx2.h"
#include <sleef.h>
#define SLEEF_FN(fn, u) Sleef_##fn##f8_##u##avx2
#include "bench/sleef_peers.h"
