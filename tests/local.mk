# make check: TAP tests through Automake's driver.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
TEST_LDADD = libsimdact.la -lm

check_PROGRAMS += tests/api
tests_api_SOURCES = tests/api.c tests/tap.h
tests_api_LDADD = $(TEST_LDADD)
TESTS += tests/api

# reference/: the metric, the references, the scan (issue 3)
REF_LDADD = libsimdref.la libsimdact.la $(MPFR_LIBS) -lm
check_PROGRAMS += tests/ref_metric
tests_ref_metric_SOURCES = tests/ref_metric.c tests/tap.h
tests_ref_metric_LDADD = $(REF_LDADD)
TESTS += tests/ref_metric

# simdact compare: the U test, and compare/report --history on real Google
# Benchmark output from a tiny fixture program (needs python3 and gnuplot).
check_PROGRAMS += tests/stats tests/gbench_fixture
tests_stats_SOURCES = tests/stats.c tests/tap.h src/stats.c src/stats.h
tests_stats_LDADD = -lm
tests_gbench_fixture_SOURCES = tests/gbench_fixture.cc
tests_gbench_fixture_CXXFLAGS = $(AM_CXXFLAGS) $(BENCHMARK_CFLAGS)
tests_gbench_fixture_LDADD = $(BENCHMARK_LIBS) -lpthread
TESTS += tests/stats tests/compare.sh
EXTRA_DIST += tests/compare.sh
