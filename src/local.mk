# The library core (no ISA flags here) and the CLI.
lib_LTLIBRARIES += libsimdact.la
libsimdact_la_SOURCES = src/api.c src/cpu.c src/registry.c src/isa.h src/defaults.h src/params.h
libsimdact_la_LDFLAGS = -version-info $(SIMDACT_LT_VERSION) -export-symbols-regex '^simdact_'
libsimdact_la_LIBADD = $(SIMD_LIBS) -lm
include_HEADERS += src/simdact.h src/simdact_kernels.h

# The CLI needs the tools' libraries (configure --disable-tools, the default
# in cross builds, leaves it out).
if TOOLS
bin_PROGRAMS += simdact
simdact_SOURCES = src/cli.c src/cli.h src/cli_ulp.c
simdact_LDADD = libsimdref.la libsimdact.la

# simdact compare / report --history (CI performance tracking).
simdact_SOURCES += src/compare.c src/compare.h src/benchdata.c src/benchdata.h \
	src/stats.c src/stats.h src/history.c
simdact_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
simdact_LDADD += $(JANSSON_LIBS) -lm
endif
