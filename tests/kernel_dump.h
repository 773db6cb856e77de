/* The inputs and the stream format shared by tests/kernel_dump.c (runs the
 * kernels of one ISA, possibly under qemu in a cross build without the
 * references) and tests/kernel_check.c (checks that stream against
 * reference/ on the build machine, and compares it with the kernels of this
 * machine's ISAs).
 *
 * Input sets: the special values, then the tail and branch regions below
 * (each every step-th bit pattern of its interval), then every stride-th bit
 * pattern of all 2^32 from an odd start (every exponent, both signs; the
 * strides are prime, so the low mantissa bits vary too).
 *   check     what 'make check-neon' runs (about 0.1 M inputs, a second or
 *             two of qemu CPU for all kernels of one ISA);
 *   accuracy  tests/neon-accuracy.sh: dense regions (3.6 M inputs) and
 *             every 509th pattern (8.4 M); the exact-tier kernels, which are
 *             cheap, every 61st (70 M).
 *
 * Stream: "set <name>\n"; then chunk by chunk (KERNEL_DUMP_CHUNK inputs of
 * the set, in order), for each kernel that has inputs in the chunk, a line
 * "kernel <name> <start> <n>\n" and n binary32 outputs (host byte order: both
 * ends are little-endian here) for inputs start .. start+n-1 of its set;
 * then a line "cpu <name> <seconds>\n" per kernel (process CPU time spent in
 * it: under qemu-user, the emulator's); then "end\n". */
#ifndef SIMDACT_TESTS_KERNEL_DUMP_H
#define SIMDACT_TESTS_KERNEL_DUMP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define KERNEL_DUMP_CHUNK 65536

enum { KERNEL_DUMP_CHECK, KERNEL_DUMP_ACCURACY, KERNEL_DUMP_SETS };
static const char *const kernel_dump_set_name[KERNEL_DUMP_SETS] = {"check", "accuracy"};

/* A bit-pattern interval [lo, hi] (raw order: for negative values the
 * magnitude grows with the bits), sampled every step[set]-th pattern. */
typedef struct kernel_dump_region {
  uint32_t lo, hi, step[KERNEL_DUMP_SETS];
  const char *what;
} kernel_dump_region;

/* Threshold neighbourhoods: +-2^12 patterns around each, both signs. */
#define KD_NEAR(b, what) {(b) - 4096u, (b) + 4096u, {256, 1}, what}, \
                         {(b) + 0x80000000u - 4096u, (b) + 0x80000000u + 4096u, {256, 1}, what}

static const kernel_dump_region kernel_dump_regions[] = {
    /* sigmoid/swish/silu subnormal outputs (below -87.3), mish/softplus
     * tails, the u1 tail branch (below -80) and SM_EXP_XMIN (-120): [-128, -80] */
    {0xc2a00000u, 0xc3000000u, {1024, 8}, "x in [-128, -80]: subnormal sigmoid/silu/softplus/mish, u1 tail branch"},
    {0xc1000000u, 0xc2a00000u, {8192, 64}, "x in [-80, -8]: mish/softplus/sigmoid negative tails"},
    {0x41000000u, 0x42c80000u, {8192, 64}, "x in [8, 100]: saturation of sigmoid/tanh, softplus ~ x"},
    /* gelu / gelu_tanh negative tail (1 + erf cancellation), to past underflow */
    {0xc0400000u, 0xc1700000u, {16384, 64}, "x in [-15, -3]: gelu/gelu_tanh negative tail"},
    /* elu/selu near -0, subnormal x everywhere */
    {0x80000001u, 0x807fffffu, {16384, 32}, "negative subnormal x"},
    {0x00000001u, 0x007fffffu, {16384, 32}, "positive subnormal x"},
    {0x80800000u, 0xb5800000u, {1u << 20, 4096}, "x in [-2^-20, -2^-126]: elu/selu near -0"},
    /* softplus and the others for large |x|, up to FLT_MAX */
    {0x41800000u, 0x4b800000u, {1u << 18, 512}, "x in [16, 2^24]: softplus large x"},
    {0xc1800000u, 0xcb800000u, {1u << 18, 512}, "x in [-2^24, -16]: large negative x"},
    {0x4b800000u, 0x7f7fffffu, {1u << 20, 4096}, "x in [2^24, FLT_MAX]: huge x"},
    {0xcb800000u, 0xff7fffffu, {1u << 20, 4096}, "x in [-FLT_MAX, -2^24]: huge negative x"},
    {0x7f7ff000u, 0x7f7fffffu, {64, 1}, "the 4096 largest finite x"},
    {0xff7ff000u, 0xff7fffffu, {64, 1}, "the 4096 most negative finite x"},
    /* NaN payloads (quiet and signalling, both signs) */
    {0x7f800001u, 0x7fffffffu, {1u << 16, 4099}, "NaN payloads, positive"},
    {0xff800001u, 0xffffffffu, {1u << 16, 4099}, "NaN payloads, negative"},
    /* branch thresholds of simd/act and simd/math */
    KD_NEAR(0x42a00000u, "|x| near 80 (SIG_TAIL_Z)"),
    KD_NEAR(0x42f00000u, "|x| near 120 (SM_EXP_XMIN)"),
    KD_NEAR(0x42ae0000u, "|x| near 87 (subnormal e^-|x|)"),
    KD_NEAR(0x42b17218u, "|x| near 88.72 (e^x overflow)"),
    KD_NEAR(0x42200000u, "|x| near 40 (exp big)"),
    KD_NEAR(0x41660000u, "|x| near 14.375 (GELU_ZMAX)"),
    KD_NEAR(0x41400000u, "|x| near 12 (GELU_TANH_ZMAX)"),
    KD_NEAR(0x39000000u, "|x| near 2^-13 (tanh u1 cut)"),
    KD_NEAR(0x21800000u, "|x| near 2^-60 (mish tiny)"),
    KD_NEAR(0x12800000u, "|x| near 2^-90 (selu tiny)"),
    KD_NEAR(0x3d800000u, "|x| near 2^-4 (hard_swish small)"),
    KD_NEAR(0x40400000u, "|x| near 3 (hard_sigmoid/hard_swish corners)"),
    KD_NEAR(0x00800000u, "|x| near 2^-126 (smallest normal)"),
};
#define KERNEL_DUMP_NREGIONS (sizeof kernel_dump_regions / sizeof kernel_dump_regions[0])

static const uint32_t kernel_dump_special[] = {
    0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001,
    0xff812345, 0x7fc0dead, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000,
    0x80800000, 0x7f7fffff, 0xff7fffff, 0x33800000, 0xb3800000, 0x3f800000, 0xbf800000,
    0x42b00000, 0xc2b00000, 0x42c80000, 0xc2c80000, 0x41200000, 0xc1200000, 0x3e800000};
#define KERNEL_DUMP_NSPECIAL (sizeof kernel_dump_special / sizeof kernel_dump_special[0])

/* Every stride-th pattern of all 2^32 from KERNEL_DUMP_START: per set, and
 * for the exact tier of the accuracy set a smaller one.  Primes. */
#define KERNEL_DUMP_START 12345u
static inline uint32_t kernel_dump_stride(int set, int exact) {
  if (set == KERNEL_DUMP_CHECK) return 65521u;
  return exact ? 61u : 509u;
}

static inline uint64_t kernel_dump_region_count(const kernel_dump_region *r, int set) {
  return (uint64_t)(r->hi - r->lo) / r->step[set] + 1;
}

/* Number of inputs of a set (exact: for the exact-tier kernels). */
static inline uint64_t kernel_dump_count(int set, int exact) {
  uint64_t n = KERNEL_DUMP_NSPECIAL;
  for (size_t i = 0; i < KERNEL_DUMP_NREGIONS; i++) n += kernel_dump_region_count(&kernel_dump_regions[i], set);
  uint32_t s = kernel_dump_stride(set, exact);
  return n + ((UINT64_C(1) << 32) - 1 - KERNEL_DUMP_START) / s + 1;
}

/* Inputs start .. start+n-1 of a set into x. */
static inline void kernel_dump_fill(int set, int exact, uint64_t start, size_t n, float *x) {
  uint64_t i = start, base = 0;
  size_t k = 0;
  for (; k < n && i < KERNEL_DUMP_NSPECIAL; k++, i++) memcpy(&x[k], &kernel_dump_special[i], 4);
  base = KERNEL_DUMP_NSPECIAL;
  for (size_t r = 0; r < KERNEL_DUMP_NREGIONS && k < n; r++) {
    const kernel_dump_region *g = &kernel_dump_regions[r];
    uint64_t c = kernel_dump_region_count(g, set);
    for (; k < n && i < base + c; k++, i++) {
      uint32_t b = g->lo + (uint32_t)(i - base) * g->step[set];
      memcpy(&x[k], &b, 4);
    }
    base += c;
  }
  uint32_t s = kernel_dump_stride(set, exact);
  for (; k < n; k++, i++) {
    uint32_t b = KERNEL_DUMP_START + (uint32_t)(i - base) * s;
    memcpy(&x[k], &b, 4);
  }
}

#endif
