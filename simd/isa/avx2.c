/* The avx2 instantiation of every kernel. */
#include "simd/vec/avx2.h"
#include "simd/acts.h"
