/* simdact kernel list: the one place that names every (activation, tier) pair.
 *
 * SIMDACT_KERNEL(act, tier, max_ulp, shape)
 *   act      activation name, as in the public API (simdact_<act>_<tier>)
 *   tier     exact | u1 | u4 | approx
 *   max_ulp  the bound verified over every binary32 input on every ISA
 *   shape    how arguments are validated: ELEMENTWISE, PRELU, MAXOUT, ROWWISE
 *
 * Every ISA builds every entry, so a kernel name is <act>.<tier>.<isa> and its
 * C symbol is simdact_<act>_<tier>_<isa>.  The registry, the dispatched entry
 * points, the tests and the benchmarks all expand this list; a new tier is one
 * line here plus its code in simd/act/. */
#ifndef SIMDACT_KERNEL
#error "define SIMDACT_KERNEL(act, tier, max_ulp, shape) before including simdact_kernels.h"
#endif
SIMDACT_KERNEL(binary_step,  exact, 0.5, ELEMENTWISE)
SIMDACT_KERNEL(linear,       exact, 0.5, ELEMENTWISE)
SIMDACT_KERNEL(relu,         exact, 0.5, ELEMENTWISE)
SIMDACT_KERNEL(leaky_relu,   exact, 0.5, ELEMENTWISE)
SIMDACT_KERNEL(prelu,        exact, 0.5, PRELU)
SIMDACT_KERNEL(hard_sigmoid, exact, 0.5, ELEMENTWISE)
SIMDACT_KERNEL(hard_swish,   exact, 0.5, ELEMENTWISE)
SIMDACT_KERNEL(maxout,       exact, 0.5, MAXOUT)
/* exp-family transcendentals (simd/act/sigmoid.h, tanh.h, elu.h, mish.h).
 * softplus: exhaustive (5d29f69; later changes touch only |x| > 80, rescanned
 * with --range -121 -80): u1 0.8142 scalar/sse41, 0.6833 avx2/avx512; u4
 * 3.816 sse41 (3.264 scalar, 3.206 FMA); approx 1887 avx512.
 * mish u1: exhaustive (5d29f69) 0.8521 scalar/sse41 at the same input as
 * swish's (their shared tail), 0.8388 avx2/avx512; approx 2408 avx512
 * (1802 scalar); u4 (8e8b0b5, after the fix of scalar/sse41, which had
 * reached 4.046) 3.538 avx512, 3.434 avx2, 3.423 scalar/sse41.
 * silu u4: exhaustive 3.529 sse41 (2991e78; 3.222 scalar, 3.344 avx2, 2.395
 * avx512 at 302d447): the sampled-plus-margin 3.5 was too tight; approx
 * 1802 scalar (1801 sse41, 1772 avx2, 1291 avx512), was 2500.  swish at
 * beta = 1 runs silu's code (swish_ctx.unit), so its bounds are silu's.
 * swish/silu u1: exhaustive (4ea7cdd) 0.8521 scalar/sse41 at -0x1.6a00d2p+6
 * (the sampled 0.85 was too tight), 0.6689 avx2/avx512.
 * sigmoid, tanh, elu, selu: the max over exhaustive 2^32 scans of scalar/sse41/
 * avx2/avx512, rounded up (tanh: 0.6478, 3.151, 893.2; elu: 0.6667, 1.0390,
 * 306.85; selu (7aabb3a, plus the lambda x overflow fix, which bitcmp.sh
 * shows changes one input's output to the right FLT_MAX): 0.74999993
 * scalar/sse41, 0.6691 avx2/avx512, 1.9595, 270.03; sigmoid u1 since c28be9b:
 * 0.8142 scalar/sse41, 0.6398 avx2/avx512; sigmoid u4/approx at 8e8b0b5:
 * 3.584 sse41 (2.819 scalar, 2.402 avx2, 2.481 avx512), approx 1448 scalar
 * (1447 sse41, 1398 avx2, 1232 avx512), bound 1450 (was 1900); the tables
 * are in results/amd-epyc-avx512/scans/).  tanh/elu/selu approx since
 * the register-table kernels (AVX-512 piecewise quadratics, AVX2 tanh odd
 * rational; the other ISAs' outputs unchanged, bitcmp): exhaustive tanh
 * 1821.2 avx512, 1471.4 avx2 (893.2 scalar/sse41) -> 1830 (was 900); elu
 * 2112.0 avx512 (306.85 elsewhere) -> 2120 (was 310); selu 2113.2 avx512
 * (270.03 elsewhere) -> 2120 (was 271): accuracy traded within the approx
 * tier for 1.3-2x speed (/work/scans/new, README).  elu/selu u4 on
 * AVX-512 since the table core sm_expm1_tab: exhaustive elu 1.7703 (1.0390
 * elsewhere) -> 1.78 (was 1.04: D_k = RN(expm1(k/2)) adds up to 1 ULP near
 * x = -1/4), selu 1.9588 (1.9595 elsewhere) -> 1.96.  softplus u1: 0.82, its FMA-less
 * tail is sigmoid's (0.8142 at -0x1.590c66p+6 on sse41).  The others: 1/211 (1/1009 mish)
 * scans of every x86 ISA plus the margin sigmoid's exhaustive scan needed
 * over its sampled one (+0.05 ULP u1, +0.25 u4), until their exhaustive
 * scans (`./simdact ulp --exhaustive --act A`) have run.
 * sigmoid/silu/swish approx since 800f52f (AVX-512: vreduceps + scalef
 * exp2 and vrcp14 instead of the exact division; AVX2: one division of N by
 * 1 + 2^t; scalar/sse41 unchanged, bit-identical): exhaustive sigmoid 1932
 * avx512 at 0xc09b4270, 1398 avx2 (bound 1940, was 1450: the 2^-14 estimate
 * adds to the 2^-13.7 polynomial); silu 1891 avx512 at 0xc20afccb,
 * 1610 avx2 (bound 1900, was 1810); swish approx at beta = 1 gives
 * silu's outputs bit for bit (all 2^32 inputs compared, avx512 and avx2). */
SIMDACT_KERNEL(sigmoid,      u1,     0.82, ELEMENTWISE)
SIMDACT_KERNEL(sigmoid,      u4,     3.6,  ELEMENTWISE)
SIMDACT_KERNEL(sigmoid,      approx, 1940, ELEMENTWISE)
SIMDACT_KERNEL(swish,        u1,     0.86, ELEMENTWISE)
SIMDACT_KERNEL(swish,        u4,     3.53, ELEMENTWISE)
SIMDACT_KERNEL(swish,        approx, 1900, ELEMENTWISE)
SIMDACT_KERNEL(silu,         u1,     0.86, ELEMENTWISE)
SIMDACT_KERNEL(silu,         u4,     3.53, ELEMENTWISE)
SIMDACT_KERNEL(silu,         approx, 1900, ELEMENTWISE)
SIMDACT_KERNEL(tanh,         u1,     0.65, ELEMENTWISE)
SIMDACT_KERNEL(tanh,         u4,     3.2,  ELEMENTWISE)
SIMDACT_KERNEL(tanh,         approx, 1830, ELEMENTWISE)
SIMDACT_KERNEL(elu,          u1,     0.67, ELEMENTWISE)
SIMDACT_KERNEL(elu,          u4,     1.78, ELEMENTWISE)
SIMDACT_KERNEL(elu,          approx, 2120, ELEMENTWISE)
SIMDACT_KERNEL(selu,         u1,     0.75, ELEMENTWISE)
SIMDACT_KERNEL(selu,         u4,     1.96, ELEMENTWISE)
SIMDACT_KERNEL(selu,         approx, 2120, ELEMENTWISE)
SIMDACT_KERNEL(mish,         u1,     0.86, ELEMENTWISE)
SIMDACT_KERNEL(mish,         u4,     3.54, ELEMENTWISE)
SIMDACT_KERNEL(mish,         approx, 2410, ELEMENTWISE)
SIMDACT_KERNEL(softplus,     u1,     0.82, ELEMENTWISE)
SIMDACT_KERNEL(softplus,     u4,     3.82, ELEMENTWISE)
SIMDACT_KERNEL(softplus,     approx, 1890, ELEMENTWISE)
/* gelu family, softmax (simd/act/gelu.h, softsign.h, softmax.h).  u1: the
 * exhaustive scans of all four x86 ISAs (gelu_tanh 0.5329), rounded up;
 * gelu u1 (degree-9 G, u1speed): 0.6242 at 0xc12e6568, exhaustive avx512
 * (/work/scans/s12/gelu-u1-avx512.json), scalar/sse41/avx2 bit-identical to
 * it (tests/bitcmp.sh); softsign u1 (rcp14 + exact residual where the ISA
 * has FMA, see simd/act/softsign.h; scans of 58a23cb, results/amd-epyc-avx512/scans/):
 * avx512 0.548006 (0x4978f76f), avx2 0.5000002 (0x39888811), scalar/sse41
 * 0.500000001 (the double quotient, bit-identical to its earlier scans), NEON
 * (qemu, sampled) 0.5008; rounded up to 0.55.  approx: gelu exhaustive
 * (a5d94df) 2228 scalar/sse41, 2207 avx2/avx512 (registered 2230); gelu_tanh
 * exhaustive (5d29f69) 2002 scalar/sse41,
 * 1971 avx2/avx512 (registered 2010; it was the tier bound 4096).
 * softmax/log_softmax: rows are not enumerable, so the bound is what the row
 * scan (reference/rowgen.h; `make softmax-evidence`, results/<machine>/
 * softmax-rows.md) shows on every ISA (scalar, sse41, avx2, avx512; neon and
 * aarch64 scalar under qemu), rounded up to the next half ULP (u4) or 100
 * ULP (approx): 30 adversarial rows (spread 1e4, ties at the max, one
 * dominant element, subnormal results and differences, +-inf, NaN, all
 * equal, extremes) and 3100 random samples, 100 per class of {normal,
 * uniform [-100, 100], logits-like} x cols {1, 2, 3, 7, 16, 1000, 4096,
 * 65536, 2^20} plus mixed lengths: 695888 rows, 3.9e8 elements per kernel;
 * rows up to cols = 2^24 (1.2e8 elements); the NEON build over 620 samples
 * up to cols = 65536 (6.1e6 elements).  Measured maxima: softmax u4 2.964
 * (sse41/scalar; 2.533 avx2/avx512, 2.307 neon), approx 2420; log_softmax
 * u4 2.116, approx 1753.  make check (tests/ref_rows, tests/neon.sh)
 * re-checks every bound on 62 samples up to 65536. */
SIMDACT_KERNEL(softsign,     u1,     0.55, ELEMENTWISE)
/* softsign u4/approx (simd/act/softsign.h): every non-NaN binary32 on
 * scalar/sse41/avx2/avx512 in 5 `simdact ulp --range` scans of 44faaa7
 * (b8375ca), zero non-finite and zero-sign mismatches: u4 1.4992 on every ISA
 * (0x44ffebff; < 1.5 from its two roundings); approx 912.63 avx512 (rcp14, at
 * 0x4678c8ff), 1.4992 elsewhere (u4's code there); NEON (qemu, sampled) u4
 * bit-identical to x86, approx 138. */
SIMDACT_KERNEL(softsign,     u4,     1.5,  ELEMENTWISE)
SIMDACT_KERNEL(softsign,     approx, 913,  ELEMENTWISE)
SIMDACT_KERNEL(gelu,         u1,     0.63, ELEMENTWISE)
SIMDACT_KERNEL(gelu_tanh,    u1,     0.54, ELEMENTWISE)
SIMDACT_KERNEL(gelu,         approx, 2230, ELEMENTWISE)
SIMDACT_KERNEL(gelu_tanh,    approx, 2010, ELEMENTWISE)
SIMDACT_KERNEL(softmax,      u4,     3.5,  ROWWISE)
SIMDACT_KERNEL(softmax,      approx, 2500, ROWWISE)
SIMDACT_KERNEL(log_softmax,  u4,     2.5,  ROWWISE)
SIMDACT_KERNEL(log_softmax,  approx, 1800, ROWWISE)
