/* Every activation's algorithm, instantiated once per ISA by simd/isa/<isa>.c
 * (which includes its simd/vec/<isa>.h first). */
#include "simd/kernel.h"
#include "simd/math/exp.h"
#include "simd/math/expm1.h"
#include "simd/math/ddiv.h"
#include "simd/act/relu.h"
#include "simd/math/exact.h"
#include "simd/act/hard.h"
#include "simd/act/maxout.h"
#include "simd/act/sigmoid.h"
#include "simd/act/tanh.h"
#include "simd/act/elu.h"
#include "simd/act/mish.h"
