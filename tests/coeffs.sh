#!/bin/sh
# Every committed coefficient header is what its Sollya script prints now:
# the COEFFS script:header pairs of simd/local.mk (what `make coeffs` runs)
# are read here and each script is rerun into a temporary file, compared
# byte for byte.  Skipped when sollya is not installed.
#
# Environment (tests/local.mk): abs_top_srcdir.
. "$abs_top_srcdir/tests/tap.sh"
command -v sollya >/dev/null 2>&1 || tap_skip_all "sollya not installed"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/simdact-coeffs.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
sed -n 's|^COEFFS +*= *\([^:]*\):\(.*\)$|simd/math/\1 simd/math/\2|p' \
  "$abs_top_srcdir/simd/local.mk" > "$tmp/rules"
n=$(wc -l < "$tmp/rules")
test "$n" -ge 5
tap_ok $? "simd/local.mk has $n COEFFS scripts"
while read -r script header; do
  (cd "$abs_top_srcdir" && sollya "$script" > "$tmp/out" 2> "$tmp/err")
  rc=$?
  cmp -s "$tmp/out" "$abs_top_srcdir/$header"
  same=$?
  test "$rc" -eq 0 && test "$same" -eq 0
  tap_ok $? "$script reproduces $header (sollya status $rc, identical: $([ $same = 0 ] && echo yes || echo no))"
done < "$tmp/rules"
tap_done
