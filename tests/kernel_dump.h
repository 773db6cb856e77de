/* The inputs and the stream format shared by tests/kernel_dump.c (runs the
 * kernels of one ISA, possibly under qemu in a cross build without the
 * references) and tests/kernel_check.c (checks that stream against
 * reference/ on the build machine).
 *
 * Stream: for each kernel, a line "kernel <name> <n>\n" and then n binary32
 * outputs (host byte order: both ends are little-endian here), in the order
 * of kernel_dump_inputs(); then "end\n". */
#ifndef SIMDACT_TESTS_KERNEL_DUMP_H
#define SIMDACT_TESTS_KERNEL_DUMP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Every STRIDE-th bit pattern from an odd start (all exponents, both signs),
 * after the special values. */
#define KERNEL_DUMP_STRIDE 65521u
#define KERNEL_DUMP_MAX 70000

static inline size_t kernel_dump_inputs(float *x) {
  static const uint32_t special[] = {
      0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001,
      0xff812345, 0x7fc0dead, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000,
      0x80800000, 0x7f7fffff, 0xff7fffff, 0x33800000, 0xb3800000, 0x3f800000, 0xbf800000,
      0x42b00000, 0xc2b00000, 0x42c80000, 0xc2c80000, 0x41200000, 0xc1200000, 0x3e800000};
  size_t n = 0;
  for (size_t i = 0; i < sizeof special / sizeof special[0]; i++) memcpy(&x[n++], &special[i], 4);
  for (uint64_t u = 12345; u < (UINT64_C(1) << 32); u += KERNEL_DUMP_STRIDE) {
    uint32_t b = (uint32_t)u;
    memcpy(&x[n++], &b, 4);
  }
  return n;
}

#endif
