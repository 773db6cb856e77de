/* The neon instantiation of every kernel. */
#include "simd/vec/neon.h"
#include "simd/acts.h"
