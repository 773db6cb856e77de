# The library core (no ISA flags here) and the CLI.
lib_LTLIBRARIES += libsimdact.la
libsimdact_la_SOURCES = src/api.c src/cpu.c src/registry.c src/isa.h src/defaults.h
libsimdact_la_LDFLAGS = -version-info $(SIMDACT_LT_VERSION) -export-symbols-regex '^simdact_'
libsimdact_la_LIBADD = $(SIMD_LIBS) -lm
include_HEADERS += src/simdact.h src/simdact_kernels.h

bin_PROGRAMS += simdact
simdact_SOURCES = src/cli.c src/cli.h
simdact_LDADD = libsimdact.la libsimdref.la
