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
