/* The avx512 instantiation of every kernel. */
#include "simd/vec/avx512.h"
#include "simd/acts.h"
