#!/bin/sh
# Every simd/vec/<isa>.h defines every op of simd/vec/scalar.h (the op set
# the kernels are written against) and the same VF_/VD_ macros, whether or
# not this host compiles that ISA.  Extra ops beyond scalar.h are reported.
#
# Environment (tests/local.mk): abs_top_srcdir.
. "$abs_top_srcdir/tests/tap.sh"
v=$abs_top_srcdir/simd/vec

# Names a header defines, with the simd/vec/ headers it includes (shared
# fallbacks such as scalef_lanes.h): inline ops, macro ops and VF_/VD_
# constants.  Helpers ending in '_' (vec_fma_half_, VEC_U_) are private.
ops() {
  sed -n -e 's/^VEC_INLINE [a-z0-9_]* \([a-z][a-z0-9_]*\)(.*/\1/p' \
         -e 's/^#define \([a-zA-Z][A-Za-z0-9_]*\)[ (].*/\1/p' \
      "$1" $(sed -n "s|^#include \"simd/vec/\(.*\)\"|$v/\1|p" "$1") |
    grep -v '_$' | grep -v '^SIMDACT_' | grep -v '^VEC_INLINE$' | sort -u
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/simdact-vecops.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
ops "$v/scalar.h" > "$tmp/scalar"
n=$(wc -l < "$tmp/scalar")
test "$n" -gt 40
tap_ok $? "scalar.h defines the op set ($n names)"

for isa in sse41 avx2 avx512 neon; do
  ops "$v/$isa.h" > "$tmp/$isa"
  missing=$(comm -23 "$tmp/scalar" "$tmp/$isa" | tr '\n' ' ')
  extra=$(comm -13 "$tmp/scalar" "$tmp/$isa" | tr '\n' ' ')
  [ -n "$extra" ] && tap_diag "$isa.h has ops scalar.h lacks (add them everywhere): $extra"
  test -z "$missing"
  tap_ok $? "$isa.h defines every op of scalar.h${missing:+ (missing: $missing)}"
done

tap_done
