# make check: TAP tests through Automake's driver.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
TEST_LDADD = libsimdact.la -lm

check_PROGRAMS += tests/api
tests_api_SOURCES = tests/api.c tests/tap.h
tests_api_LDADD = $(TEST_LDADD)
TESTS += tests/api

# reference/: the metric, the references, the scan (issue 3).  The tools
# need MPFR, jansson, Google Benchmark: not in the NEON cross build.
if TOOLS
REF_LDADD = libsimdref.la libsimdact.la $(MPFR_LIBS) -lm
check_PROGRAMS += tests/ref_metric
tests_ref_metric_SOURCES = tests/ref_metric.c tests/tap.h
tests_ref_metric_LDADD = $(REF_LDADD)
TESTS += tests/ref_metric
check_PROGRAMS += tests/ref_double
tests_ref_double_SOURCES = tests/ref_double.c tests/tap.h
tests_ref_double_LDADD = $(REF_LDADD)
TESTS += tests/ref_double
check_PROGRAMS += tests/ref_scan
tests_ref_scan_SOURCES = tests/ref_scan.c tests/tap.h
tests_ref_scan_LDADD = $(REF_LDADD)
TESTS += tests/ref_scan
check_PROGRAMS += tests/ref_glibc
tests_ref_glibc_SOURCES = tests/ref_glibc.c tests/tap.h
tests_ref_glibc_LDADD = $(REF_LDADD)
TESTS += tests/ref_glibc
check_PROGRAMS += tests/ref_rows
tests_ref_rows_SOURCES = tests/ref_rows.c tests/tap.h
tests_ref_rows_LDADD = $(REF_LDADD)
TESTS += tests/ref_rows
# every exact-tier kernel over all 2^32 inputs, bit for bit
check_PROGRAMS += tests/ref_exact_all
tests_ref_exact_all_SOURCES = tests/ref_exact_all.c tests/tap.h
tests_ref_exact_all_LDADD = $(REF_LDADD)
# About 260 CPU-s (2.2 min on two cores); SIMDACT_SKIP_EXHAUSTIVE=1 skips it
# (CI sets it for distcheck, which would only repeat it).
TESTS += tests/ref_exact_all
endif

# simdact compare: the U test, and compare/report --history on real Google
# Benchmark output from a tiny fixture program (needs python3 and gnuplot).
check_PROGRAMS += tests/stats
tests_stats_SOURCES = tests/stats.c tests/tap.h src/stats.c src/stats.h
tests_stats_LDADD = -lm
TESTS += tests/stats
if TOOLS
check_PROGRAMS += tests/gbench_fixture
tests_gbench_fixture_SOURCES = tests/gbench_fixture.cc
tests_gbench_fixture_CXXFLAGS = $(AM_CXXFLAGS) $(BENCHMARK_CFLAGS)
tests_gbench_fixture_LDADD = $(BENCHMARK_LIBS) -lpthread
TESTS += tests/compare.sh
endif
EXTRA_DIST += tests/compare.sh tests/gbench_fixture.cc

# Dispatch: what the library chose; run plainly and by tests/dispatch-qemu.sh and
# tests/neon.sh under qemu CPU models with expectations in the environment.
check_PROGRAMS += tests/dispatch
tests_dispatch_SOURCES = tests/dispatch.c tests/tap.h
tests_dispatch_LDADD = $(TEST_LDADD)
TESTS += tests/dispatch

# The vector layer op by op: tests/vec_isa.c once per ISA with that ISA's
# flags (like the kernel libraries), driven by tests/vec.c.
VEC_CHECK_CFLAGS = $(AM_CFLAGS) $(KERNEL_CFLAGS)
check_LTLIBRARIES += libvec_scalar.la
libvec_scalar_la_SOURCES = tests/vec_isa.c tests/vec_check.h
libvec_scalar_la_CPPFLAGS = $(AM_CPPFLAGS) -DVEC_ISA_SCALAR
libvec_scalar_la_CFLAGS = $(VEC_CHECK_CFLAGS) $(SCALAR_CFLAGS)
VEC_CHECK_LIBS = libvec_scalar.la
if ISA_SSE41
check_LTLIBRARIES += libvec_sse41.la
libvec_sse41_la_SOURCES = tests/vec_isa.c tests/vec_check.h
libvec_sse41_la_CPPFLAGS = $(AM_CPPFLAGS) -DVEC_ISA_SSE41
libvec_sse41_la_CFLAGS = $(VEC_CHECK_CFLAGS) $(SSE41_CFLAGS)
VEC_CHECK_LIBS += libvec_sse41.la
endif
if ISA_AVX2
check_LTLIBRARIES += libvec_avx2.la
libvec_avx2_la_SOURCES = tests/vec_isa.c tests/vec_check.h
libvec_avx2_la_CPPFLAGS = $(AM_CPPFLAGS) -DVEC_ISA_AVX2
libvec_avx2_la_CFLAGS = $(VEC_CHECK_CFLAGS) $(AVX2_CFLAGS)
VEC_CHECK_LIBS += libvec_avx2.la
endif
if ISA_AVX512
check_LTLIBRARIES += libvec_avx512.la
libvec_avx512_la_SOURCES = tests/vec_isa.c tests/vec_check.h
libvec_avx512_la_CPPFLAGS = $(AM_CPPFLAGS) -DVEC_ISA_AVX512
libvec_avx512_la_CFLAGS = $(VEC_CHECK_CFLAGS) $(AVX512_CFLAGS)
VEC_CHECK_LIBS += libvec_avx512.la
endif
if ISA_NEON
check_LTLIBRARIES += libvec_neon.la
libvec_neon_la_SOURCES = tests/vec_isa.c tests/vec_check.h
libvec_neon_la_CPPFLAGS = $(AM_CPPFLAGS) -DVEC_ISA_NEON
libvec_neon_la_CFLAGS = $(VEC_CHECK_CFLAGS) $(NEON_CFLAGS)
VEC_CHECK_LIBS += libvec_neon.la
endif
check_PROGRAMS += tests/vec
tests_vec_SOURCES = tests/vec.c tests/vec_check.h tests/tap.h
tests_vec_LDADD = $(VEC_CHECK_LIBS) $(TEST_LDADD)
TESTS += tests/vec

# The kernels of one ISA against reference/ across a process boundary:
# tests/kernel_dump (every build, so the cross build too) writes outputs,
# tests/kernel_check (the tools) checks them; tests/neon.sh pipes the NEON
# ones from qemu-aarch64 into the host's checker.
check_PROGRAMS += tests/kernel_dump
tests_kernel_dump_SOURCES = tests/kernel_dump.c tests/kernel_dump.h
tests_kernel_dump_LDADD = $(TEST_LDADD)
if TOOLS
check_PROGRAMS += tests/kernel_check
tests_kernel_check_SOURCES = tests/kernel_check.c tests/kernel_dump.h tests/tap.h
tests_kernel_check_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
tests_kernel_check_LDADD = libsimdref.la libsimdact.la $(MPFR_LIBS) $(JANSSON_LIBS) -lm
endif

# tests/bitcmp.sh OLD_BUILD NEW_BUILD KERNEL...: a dev tool, not run by make
# check (it needs two builds): proves that a refactor changed no output bit of
# the named kernels over all 2^32 inputs.  It compiles tests/bitcmp.c itself.
EXTRA_DIST += tests/bitcmp.sh tests/bitcmp.c

# Test programs that tests/dispatch-qemu.sh runs under each qemu-x86_64 CPU model
# (the suite that must pass on lesser CPUs; keep them fast when
# SIMDACT_TEST_EMULATED is set: qemu-x86_64 or qemu-aarch64).
DISPATCH_TESTS = tests/api tests/dispatch tests/vec

# Shell tests, TAP through tests/tap.sh.  LOG_COMPILER stays empty: the NEON
# check runs the cross build's test programs under qemu by setting it there.
TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)
SH_LOG_DRIVER = $(LOG_DRIVER)
AM_TESTS_ENVIRONMENT = \
  abs_top_srcdir='$(abs_top_srcdir)' abs_top_builddir='$(abs_top_builddir)' \
  host_cpu='$(host_cpu)' cross_compiling='$(cross_compiling)' MAKE='$(MAKE)' \
  CC='$(CC)' CFLAGS='$(CFLAGS)' OBJDUMP='$(OBJDUMP)' \
  QEMU_X86_64='$(QEMU_X86_64)' QEMU_AARCH64='$(QEMU_AARCH64)' AARCH64_CC='$(AARCH64_CC)' \
  DISPATCH_TESTS='$(DISPATCH_TESTS)' prefix='$(prefix)' exec_prefix='$(exec_prefix)' \
  libdir='$(libdir)' includedir='$(includedir)' bindir='$(bindir)'; \
  export abs_top_srcdir abs_top_builddir host_cpu cross_compiling MAKE CC CFLAGS OBJDUMP \
  QEMU_X86_64 QEMU_AARCH64 AARCH64_CC DISPATCH_TESTS prefix exec_prefix libdir includedir bindir;
shell_tests = tests/dispatch-qemu.sh tests/neon.sh tests/isa-caps.sh tests/install.sh \
  tests/vec-ops.sh tests/cli.sh tests/coeffs.sh
TESTS += $(shell_tests)
EXTRA_DIST += $(shell_tests) tests/tap.sh tests/neon-build.sh tests/neon-accuracy.sh

# 'make check-neon': only the NEON cross build and its tests under qemu.
check-neon: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS=tests/neon.sh
.PHONY: check-neon
# 'make check-neon-accuracy': the NEON kernels over a large structured sample
# under qemu (tests/neon-accuracy.sh), report in results/neon-qemu/ (or
# NEON_ACCURACY_DIR).  Not part of make check: about 3 CPU-minutes of qemu.
check-neon-accuracy: all tests/kernel_check$(EXEEXT)
	@$(AM_TESTS_ENVIRONMENT) NEON_ACCURACY_DIR='$(NEON_ACCURACY_DIR)'; export NEON_ACCURACY_DIR; \
	  $(SHELL) $(srcdir)/tests/neon-accuracy.sh
.PHONY: check-neon-accuracy
clean-local: clean-neon
clean-neon:
	-rm -rf neon-aarch64
.PHONY: clean-neon

# The bench in miniature (skips itself when bench/simdact-bench is not built).
if TOOLS
check_PROGRAMS += tests/bench
tests_bench_SOURCES = tests/bench.c tests/tap.h
tests_bench_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
tests_bench_LDADD = $(TEST_LDADD) $(JANSSON_LIBS)
TESTS += tests/bench
endif
CLEANFILES += tests/bench-tiny.log tests/bench-report.log tests/bench-report-bad.log tests/bench-report-dram.log

# exp-family transcendentals (issue 4): sampled accuracy against reference/
if TOOLS
check_PROGRAMS += tests/trans
tests_trans_SOURCES = tests/trans.c tests/tap.h
tests_trans_LDADD = $(REF_LDADD)
TESTS += tests/trans
endif

# checkasm-style harness over the whole registry.  Built everywhere; with
# the tools it also checks every kernel against reference/.
check_PROGRAMS += tests/checkasm
tests_checkasm_SOURCES = tests/checkasm.c tests/tap.h
tests_checkasm_LDADD = $(TEST_LDADD)
if TOOLS
tests_checkasm_LDADD += libsimdref.la $(MPFR_LIBS)
endif
TESTS += tests/checkasm
DISPATCH_TESTS += tests/checkasm

# 'make check-sanitize' (CI runs it): the suite built with ASan + UBSan in
# san-build/ and run there (ci/sanitize.sh), without the qemu tests, which
# would run unsanitized programs or ASan under qemu, and tests/compare.sh,
# whose speed verdicts on timed runs need a quiet machine (make check runs
# it; tests/cli.sh runs compare on real and bad input under the sanitizers).
SANITIZE_TESTS = $(filter-out tests/dispatch-qemu.sh tests/neon.sh tests/compare.sh,$(TESTS))
check-sanitize: all
	MAKE='$(MAKE)' $(SHELL) $(srcdir)/ci/sanitize.sh .
print-sanitize-tests:
	@echo $(SANITIZE_TESTS)
.PHONY: check-sanitize print-sanitize-tests
EXTRA_DIST += ci/sanitize.sh
clean-local: clean-sanitize
clean-sanitize:
	-rm -rf san-build
.PHONY: clean-sanitize
