#!/bin/sh
# The per-ISA caps hold in the machine code: no AVX (VEX/EVEX, ymm, zmm) and
# no BMI/LZCNT/POPCNT/MOVBE in the scalar and SSE4.1 kernels, no AVX-512 (zmm,
# k masks, xmm16-31, EVEX-only instructions) in the AVX2 kernels, and no AVX in
# the library core.  The caps are explicit -mno-* flags, which GCC keeps even
# after a -march=native in CFLAGS; the core has no caps, so there a widening
# CFLAGS (configure warned about it) turns the finding into TODO.
#
# Environment (tests/local.mk): abs_top_srcdir abs_top_builddir host_cpu
# OBJDUMP CFLAGS.
. "$abs_top_srcdir/tests/tap.sh"
b=$abs_top_builddir

case $host_cpu in
  x86_64) ;;
  *) tap_skip_all "the caps checked here are x86 ones (host $host_cpu)" ;;
esac
command -v "${OBJDUMP:-objdump}" >/dev/null 2>&1 || tap_skip_all "objdump not found (binutils)"

todo=
case " $CFLAGS " in
  *" -march="*|*" -mavx"*|*" -mfma"*) todo=" # TODO CFLAGS ($CFLAGS) widen the core; configure warned" ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/simdact-caps.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# Registers and instructions that need AVX, and that need AVX-512.
avx='^v[a-z0-9]+ |%ymm|%zmm'
avx512='%zmm|%k[0-7]|%[xy]mm(1[6-9]|2[0-9]|3[01])|\{1to[0-9]+\}|^(vpternlog|vperm[it]2|vrndscale|vscalef|vgetexp|vgetmant|vfixupimm|vrange|vreduce|vpmov[a-z]*2m|vpmovm2|vcvt[a-z]*2u|vcvtu|vpcompress|vpexpand|vcompress|vexpand|kmov|kand|kor|kxor|knot|kortest|ktest)'

# check LIB PATTERN WHAT: the objects of the convenience library LIB contain
# no instruction matching PATTERN.
check() {
  lib=$b/.libs/$1.a
  if [ ! -f "$lib" ]; then
    tap_ok 0 "$1: not built # SKIP"
    return
  fi
  # Mnemonic and operands only: "vaddps %ymm1,%ymm2,%ymm3".
  "${OBJDUMP:-objdump}" -d --no-show-raw-insn "$lib" 2>/dev/null |
    awk -F'\t' '/^ *[0-9a-f]+:\t/ { print $2 }' | sed 's/  */ /g' > "$tmp/insns"
  n=$(wc -l < "$tmp/insns")
  grep -E "$2" "$tmp/insns" | sort | uniq -c | sort -rn | head -n 5 > "$tmp/bad"
  if [ "$n" -gt 0 ] && [ ! -s "$tmp/bad" ]; then
    tap_ok 0 "$1: $n instructions, none $3"
  else
    sed 's/^/# /' "$tmp/bad"
    tap_ok 1 "$1: $n instructions, some $3"
  fi
}

# Beyond x86-64 and SSE4.1, outside the vector extensions (Penryn has SSE4.1
# and none of these).
bmi='^(andn|bextr|blsi|blsmsk|blsr|bzhi|lzcnt|tzcnt|mulx|pdep|pext|rorx|sarx|shlx|shrx|movbe|popcnt) '
sse41='^(round|blendv|ptest|pmulld|pminsd|pmaxsd|insertps|extractps|dpps|pcmpeqq|pblendvb)'
check libsimd_scalar "$avx|$bmi|$sse41" "needs AVX, BMI/LZCNT/POPCNT/MOVBE or SSE4.1"
check libsimd_sse41 "$avx|$bmi" "needs AVX or BMI/LZCNT/POPCNT/MOVBE"
check libsimd_avx2 "$avx512" "needs AVX-512"

# The library core is built without ISA flags: no AVX anywhere outside the
# kernel libraries.
core=$(ls "$b"/src/.libs/*.o 2>/dev/null)
if [ -n "$core" ]; then
  "${OBJDUMP:-objdump}" -d --no-show-raw-insn $core 2>/dev/null |
    awk -F'\t' '/^ *[0-9a-f]+:\t/ { print $2 }' | grep -E "$avx" | head -n 5 > "$tmp/bad"
  if [ -s "$tmp/bad" ] && [ -n "$todo" ]; then
    echo "not ok $((tap_n += 1)) - library core (src/): AVX instructions$todo"
  else
    [ ! -s "$tmp/bad" ]
    tap_ok $? "library core (src/): no AVX instructions"
  fi
fi

tap_done
