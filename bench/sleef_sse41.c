/* SLEEF peers at sse41: SLEEF's f4 functions (the sse4 builds). */
#include "config.h"

#include "simd/vec/sse41.h"
#include <sleef.h>
#define SLEEF_FN(fn, u) Sleef_##fn##f4_##u##sse4
#include "bench/sleef_peers.h"
