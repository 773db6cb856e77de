/* The sse41 instantiation of every kernel. */
#include "simd/vec/sse41.h"
#include "simd/acts.h"
