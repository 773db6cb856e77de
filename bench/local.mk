# The benchmark harness: `make bench` (Google Benchmark + SLEEF, optional),
# and the report writer, which the simdact CLI carries (`simdact report`).
bench_report_sources = bench/report.c bench/report.h
if TOOLS
simdact_SOURCES += $(bench_report_sources) bench/report_cli.c
endif

EXTRA_DIST += bench/sleef_peers.h

if HAVE_BENCH
noinst_PROGRAMS += bench/simdact-bench
bench_simdact_bench_SOURCES = bench/bench.c bench/gbench.h bench/gbench.cc \
  bench/peers.h bench/peers_libm.c bench/accuracy.c bench/accuracy.h \
  bench/machine.c bench/machine.h $(bench_report_sources)
bench_simdact_bench_CPPFLAGS = $(AM_CPPFLAGS) $(SLEEF_CFLAGS) $(BENCHMARK_CFLAGS) $(JANSSON_CFLAGS) \
  -DBENCH_CC='"$(CC)"' -DBENCH_CFLAGS='"$(CFLAGS)"' -DBENCH_SRCDIR='"$(abs_top_srcdir)"'
bench_simdact_bench_CXXFLAGS = -std=c++17 -O2 -Wall -Wextra
bench_simdact_bench_LDADD = libsimdact.la libsimdref.la $(MPFR_LIBS) $(BENCH_SLEEF_LIBS) $(SLEEF_LIBS) \
  $(BENCHMARK_LIBS) $(JANSSON_LIBS) -lm

# SLEEF peers, one library per x86 ISA, each with that ISA's flags only.
BENCH_SLEEF_LIBS =
if ISA_SSE41
noinst_LTLIBRARIES += bench/libsleef_sse41.la
bench_libsleef_sse41_la_SOURCES = bench/sleef_sse41.c
bench_libsleef_sse41_la_CFLAGS = $(AM_CFLAGS) $(KERNEL_CFLAGS) $(SSE41_CFLAGS) $(SLEEF_CFLAGS)
BENCH_SLEEF_LIBS += bench/libsleef_sse41.la
endif
if ISA_AVX2
noinst_LTLIBRARIES += bench/libsleef_avx2.la
bench_libsleef_avx2_la_SOURCES = bench/sleef_avx2.c
bench_libsleef_avx2_la_CFLAGS = $(AM_CFLAGS) $(KERNEL_CFLAGS) $(AVX2_CFLAGS) $(SLEEF_CFLAGS)
BENCH_SLEEF_LIBS += bench/libsleef_avx2.la
endif
if ISA_AVX512
noinst_LTLIBRARIES += bench/libsleef_avx512.la
bench_libsleef_avx512_la_SOURCES = bench/sleef_avx512.c
bench_libsleef_avx512_la_CFLAGS = $(AM_CFLAGS) $(KERNEL_CFLAGS) $(AVX512_CFLAGS) $(SLEEF_CFLAGS)
BENCH_SLEEF_LIBS += bench/libsleef_avx512.la
endif

# make bench [BENCH=quick|full|tiny] [BENCH_FLAGS=...]: results/<machine>/.
BENCH = full
bench: bench/simdact-bench simdact
	@echo "simdact-bench --mode=$(BENCH): results go to $(abs_top_srcdir)/results/<machine>/"
	@start=$$(date +%s); \
	./bench/simdact-bench --mode=$(BENCH) --out=$(abs_top_srcdir)/results $(BENCH_FLAGS) || exit 1; \
	echo "make bench BENCH=$(BENCH): $$(( $$(date +%s) - start )) s"
else
bench:
	@echo "make bench needs the tools (not --disable-tools) and SLEEF, which configure did not find."
	@echo "Debian: sudo apt-get install libbenchmark-dev libsleef-dev libjansson-dev libmpfr-dev gnuplot-nox, then ./configure"
	@exit 1
endif
.PHONY: bench

# make softmax-speed: softmax/log_softmax at rows of 1000, 4096 and 65536
# against the SLEEF and libm compositions in the same run (issue 5);
# results/<machine>/softmax-speed.md.
if HAVE_BENCH
softmax-speed: bench/simdact-bench
	srcdir='$(abs_top_srcdir)' $(SHELL) $(srcdir)/bench/softmax-speed.sh
endif
.PHONY: softmax-speed
EXTRA_DIST += bench/softmax-speed.sh bench/issue4-table.py
