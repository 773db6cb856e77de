/* Every activation's algorithm, instantiated once per ISA by simd/isa/<isa>.c
 * (which includes its simd/vec/<isa>.h first). */
#include "simd/kernel.h"
#include "simd/math/exp.h"
#include "simd/act/relu.h"
#include "simd/math/exact.h"
#include "simd/act/hard.h"
#include "simd/act/maxout.h"
#include "simd/act/sigmoid.h"
