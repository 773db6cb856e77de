/* CPU feature detection and the one-time ISA choice. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isa.h"
#include "simdact.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif
#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#ifndef HWCAP_ASIMD
#define HWCAP_ASIMD (1 << 1)
#endif
#endif

const char *const simdact_isa_names[ISA_COUNT] = {"scalar", "sse41", "avx2", "avx512", "neon"};

int simdact_isa_from_name(const char *name) {
  if (!name) return -1;
  for (int i = 0; i < ISA_COUNT; i++)
    if (strcmp(name, simdact_isa_names[i]) == 0) return i;
  return -1;
}

int simdact_isa_built(int isa) {
  switch (isa) {
  case ISA_SCALAR: return 1;
#ifdef HAVE_ISA_SSE41
  case ISA_SSE41: return 1;
#endif
#ifdef HAVE_ISA_AVX2
  case ISA_AVX2: return 1;
#endif
#ifdef HAVE_ISA_AVX512
  case ISA_AVX512: return 1;
#endif
#ifdef HAVE_ISA_NEON
  case ISA_NEON: return 1;
#endif
  default: return 0;
  }
}

#if defined(__x86_64__) || defined(__i386__)
/* XCR0: which register states the OS saves on context switch.  Without the
 * YMM (bit 2) or opmask/ZMM (bits 5-7) state the instructions would run but
 * the registers would be corrupted by the first context switch. */
static unsigned long long read_xcr0(void) {
  unsigned int lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return ((unsigned long long)hi << 32) | lo;
}

static int x86_has(int isa) {
  unsigned int a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
  const int sse41 = (c >> 19) & 1, fma = (c >> 12) & 1, osxsave = (c >> 27) & 1,
            avx = (c >> 28) & 1;
  if (isa == ISA_SSE41) return sse41;
  if (!osxsave || !avx) return 0;
  const unsigned long long xcr0 = read_xcr0();
  if ((xcr0 & 0x6) != 0x6) return 0; /* XMM and YMM state */
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
  const int avx2 = (b >> 5) & 1;
  if (isa == ISA_AVX2) return avx2 && fma;
  if (isa == ISA_AVX512) {
    const int f = (b >> 16) & 1, dq = (b >> 17) & 1, bw = (b >> 30) & 1, vl = (b >> 31) & 1;
    return avx2 && fma && f && dq && bw && vl && (xcr0 & 0xe6) == 0xe6;
  }
  return 0;
}
#endif

int simdact_cpu_has(int isa) {
  if (isa == ISA_SCALAR) return 1;
#if defined(__x86_64__) || defined(__i386__)
  if (isa == ISA_SSE41 || isa == ISA_AVX2 || isa == ISA_AVX512) return x86_has(isa);
#endif
#if defined(__aarch64__)
  if (isa == ISA_NEON) {
#if defined(__linux__)
    return (getauxval(AT_HWCAP) & HWCAP_ASIMD) != 0;
#else
    return 1; /* AdvSIMD is architecturally mandatory on AArch64 */
#endif
  }
#endif
  return 0;
}

int simdact_isa_supported(const char *name) {
  int isa = simdact_isa_from_name(name);
  return isa >= 0 && simdact_isa_built(isa) && simdact_cpu_has(isa);
}

static pthread_once_t choose_once = PTHREAD_ONCE_INIT;
static int chosen_isa = -1; /* -1: SIMDACT_ISA asked for something unusable */
static int env_error = SIMDACT_OK;

static void choose(void) {
  const char *want = getenv("SIMDACT_ISA");
  if (want && *want) {
    int isa = simdact_isa_from_name(want);
    if (isa < 0) {
      env_error = SIMDACT_EUNKNOWN;
      fprintf(stderr, "simdact: SIMDACT_ISA=%s is not an ISA name "
                      "(scalar, sse41, avx2, avx512, neon)\n", want);
    } else if (!simdact_isa_built(isa)) {
      env_error = SIMDACT_EUNSUPPORTED;
      fprintf(stderr, "simdact: SIMDACT_ISA=%s: this build has no %s kernels\n", want, want);
    } else if (!simdact_cpu_has(isa)) {
      env_error = SIMDACT_EUNSUPPORTED;
      fprintf(stderr, "simdact: SIMDACT_ISA=%s: this CPU or OS cannot run %s\n", want, want);
    } else {
      chosen_isa = isa;
    }
    return;
  }
  for (int isa = ISA_COUNT - 1; isa >= 0; isa--)
    if (simdact_isa_built(isa) && simdact_cpu_has(isa)) { chosen_isa = isa; return; }
}

int simdact_isa_chosen(void) {
  pthread_once(&choose_once, choose);
  return chosen_isa;
}

int simdact_isa_env_error(void) {
  pthread_once(&choose_once, choose);
  return env_error;
}

const char *simdact_isa_active(void) {
  int isa = simdact_isa_chosen();
  return isa < 0 ? "none" : simdact_isa_names[isa];
}
