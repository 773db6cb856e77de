# The reference and accuracy engine: MPFR and double references, the ULP
# metric, the scan driver.  A convenience library for the CLI and the tests.
# It needs MPFR, which the NEON cross build goes without.
if TOOLS
noinst_LTLIBRARIES += libsimdref.la
libsimdref_la_SOURCES = reference/ref.c reference/ref.h reference/ref_impl.h \
  reference/scan.c reference/scan.h reference/rows.c reference/rows.h
# no contraction: the error-free transformations need exact products and sums
libsimdref_la_CFLAGS = $(AM_CFLAGS) -ffp-contract=off
libsimdref_la_LIBADD = $(MPFR_LIBS) -lm
endif
