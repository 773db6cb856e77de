# One libtool convenience library per ISA, each with its own flags: the
# algorithms in simd/act/ are compiled once per ISA over simd/vec/<isa>.h.
simd_kernel_headers = simd/kernel.h simd/acts.h simd/act/relu.h simd/act/hard.h simd/act/maxout.h \
  simd/math/exact.h \
  simd/vec/scalar.h simd/vec/sse41.h simd/vec/avx2.h simd/vec/avx512.h simd/vec/neon.h simd/vec/scalef_lanes.h simd/vec/frac_ops.h
noinst_HEADERS += $(simd_kernel_headers)
SIMD_LIBS = libsimd_scalar.la

noinst_LTLIBRARIES += libsimd_scalar.la
libsimd_scalar_la_SOURCES = simd/isa/scalar.c
libsimd_scalar_la_CFLAGS = $(AM_CFLAGS) $(KERNEL_CFLAGS) $(SCALAR_CFLAGS)

if ISA_SSE41
noinst_LTLIBRARIES += libsimd_sse41.la
libsimd_sse41_la_SOURCES = simd/isa/sse41.c
libsimd_sse41_la_CFLAGS = $(AM_CFLAGS) $(KERNEL_CFLAGS) $(SSE41_CFLAGS)
SIMD_LIBS += libsimd_sse41.la
endif
if ISA_AVX2
noinst_LTLIBRARIES += libsimd_avx2.la
libsimd_avx2_la_SOURCES = simd/isa/avx2.c
libsimd_avx2_la_CFLAGS = $(AM_CFLAGS) $(KERNEL_CFLAGS) $(AVX2_CFLAGS)
SIMD_LIBS += libsimd_avx2.la
endif
if ISA_AVX512
noinst_LTLIBRARIES += libsimd_avx512.la
libsimd_avx512_la_SOURCES = simd/isa/avx512.c
libsimd_avx512_la_CFLAGS = $(AM_CFLAGS) $(KERNEL_CFLAGS) $(AVX512_CFLAGS)
SIMD_LIBS += libsimd_avx512.la
endif
if ISA_NEON
noinst_LTLIBRARIES += libsimd_neon.la
libsimd_neon_la_SOURCES = simd/isa/neon.c
libsimd_neon_la_CFLAGS = $(AM_CFLAGS) $(KERNEL_CFLAGS) $(NEON_CFLAGS)
SIMD_LIBS += libsimd_neon.la
endif

# exp-family cores (simd/math/exp.h); `make coeffs` regenerates the
# coefficient headers from the committed Sollya scripts (the build never runs Sollya).
noinst_HEADERS += simd/math/exp.h simd/math/exp_coeffs.h simd/act/sigmoid.h \
  simd/math/expm1.h simd/math/ddiv.h simd/act/tanh.h simd/act/elu.h simd/act/mish.h simd/act/softplus.h
EXTRA_DIST += simd/math/sollya/exp.sollya
SOLLYA = sollya
COEFFS = sollya/exp.sollya:exp_coeffs.h

# table-driven exp for the u1 sigmoid/swish/silu cores (simd/math/exptab.h)
noinst_HEADERS += simd/math/exptab.h simd/math/exptab_coeffs.h
EXTRA_DIST += simd/math/sollya/exptab.sollya
COEFFS += sollya/exptab.sollya:exptab_coeffs.h

# piecewise-quadratic tables indexed by float bits, for the AVX-512 approx
# tanh/elu/selu (simd/math/logtab.h)
noinst_HEADERS += simd/math/logtab.h simd/math/logtab_coeffs.h
EXTRA_DIST += simd/math/sollya/logtab.sollya
COEFFS += sollya/logtab.sollya:logtab_coeffs.h

# odd rational for the AVX2 approx tanh (simd/act/tanh.h)
noinst_HEADERS += simd/math/tanhrat_coeffs.h
EXTRA_DIST += simd/math/sollya/tanhrat.sollya
COEFFS += sollya/tanhrat.sollya:tanhrat_coeffs.h

# gelu / softsign (simd/act/gelu.h, simd/act/softsign.h); `make coeffs`
# regenerates simd/math/gelu_coeffs.h from simd/math/sollya/gelu.sol.
noinst_HEADERS += simd/act/softsign.h simd/act/gelu.h simd/math/gelu_coeffs.h simd/act/softmax.h
EXTRA_DIST += simd/math/sollya/gelu.sol

COEFFS += sollya/gelu.sol:gelu_coeffs.h

# `make coeffs`: each COEFFS script (under simd/math) rewrites its header;
# tests/coeffs.sh reruns them in make check and compares.
.PHONY: coeffs
coeffs:
	@set -e; for p in $(COEFFS); do s=$${p%%:*} h=$${p#*:}; \
	  echo "$(SOLLYA) simd/math/$$s > simd/math/$$h"; \
	  $(SOLLYA) $(srcdir)/simd/math/$$s > $(srcdir)/simd/math/$$h.tmp; \
	  mv $(srcdir)/simd/math/$$h.tmp $(srcdir)/simd/math/$$h; done
