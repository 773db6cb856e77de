# The reference and accuracy engine: MPFR and double references, the ULP
# metric, the scan driver.  A convenience library for the CLI and the tests.
# It needs MPFR, which the NEON cross build goes without.
if TOOLS
noinst_LTLIBRARIES += libsimdref.la
libsimdref_la_SOURCES = reference/ref.c reference/ref.h reference/ref_impl.h \
  reference/scan.c reference/scan.h reference/rows.c reference/rows.h \
  reference/rowgen.h
# no contraction: the error-free transformations need exact products and sums
libsimdref_la_CFLAGS = $(AM_CFLAGS) -ffp-contract=off
libsimdref_la_LIBADD = $(MPFR_LIBS) -lm
endif

# make check-exhaustive: every kernel this CPU runs over all 2^32 inputs
# (fails on any bound violation; tables in ulp-exhaustive.md/.json), the
# double references against MPFR at 10^6 inputs per activation, and glibc's
# tanhf/expm1f/log1pf/erff over all inputs against published maxima.
if TOOLS
check-exhaustive: all $(check_PROGRAMS)
	./simdact ulp --exhaustive --json ulp-exhaustive.json > ulp-exhaustive.md; \
	  st=$$?; cat ulp-exhaustive.md; test $$st -eq 0
	./tests/ref_exact_all
	REF_DOUBLE_N=1000000 ./tests/ref_double
	REF_GLIBC_EXHAUSTIVE=1 ./tests/ref_glibc
CLEANFILES += ulp-exhaustive.md ulp-exhaustive.json
endif
.PHONY: check-exhaustive

# make softmax-evidence: the row-scan evidence of softmax and log_softmax
# (issue 5) into results/<machine>/softmax-rows.md and JSON; NEON from the
# cross build of make check-neon.  About 15 CPU-minutes with the defaults.
SOFTMAX_SAMPLES = 3100
SOFTMAX_LONG = 34
SOFTMAX_NEON = 620
if TOOLS
softmax-evidence: all tests/kernel_check$(EXEEXT)
	SOFTMAX_SAMPLES=$(SOFTMAX_SAMPLES) SOFTMAX_LONG=$(SOFTMAX_LONG) SOFTMAX_NEON=$(SOFTMAX_NEON) \
	  QEMU_AARCH64='$(QEMU_AARCH64)' srcdir='$(abs_top_srcdir)' \
	  $(SHELL) $(srcdir)/reference/softmax-evidence.sh
endif
.PHONY: softmax-evidence
EXTRA_DIST += reference/softmax-evidence.sh

# make param-evidence: accuracy at non-default alpha/beta (elu, swish,
# softplus) into results/<machine>/params.md and params.json; a few minutes.
PARAM_SAMPLES = 1000000
if TOOLS
param-evidence: all
	PARAM_SAMPLES=$(PARAM_SAMPLES) srcdir='$(abs_top_srcdir)' $(SHELL) $(srcdir)/reference/param-evidence.sh
endif
.PHONY: param-evidence
EXTRA_DIST += reference/param-evidence.sh
