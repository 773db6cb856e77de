/* The scalar instantiation of every kernel. */
#include "simd/vec/scalar.h"
#include "simd/acts.h"
