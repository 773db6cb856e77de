#!/bin/sh
# NEON: cross-build this source tree for aarch64 in neon-aarch64/ (a copy made
# by 'make distdir', configured with --host=aarch64-linux-gnu --disable-tools, as the
# target has no MPFR, jansson or Google Benchmark),
# run its 'make check' with every test program under qemu-aarch64, and report
# each of its results here.  Then check that dispatch there chose neon.
# Re-runs rebuild only what changed.  'make check-neon' runs just this test.
#
# Environment (tests/local.mk): abs_top_srcdir abs_top_builddir host_cpu
# cross_compiling MAKE QEMU_AARCH64 AARCH64_CC; QEMU_LD_PREFIX (the aarch64
# sysroot, default /usr/aarch64-linux-gnu).
. "$abs_top_srcdir/tests/tap.sh"
. "$abs_top_srcdir/tests/neon-build.sh"
b=$abs_top_builddir

[ "$cross_compiling" = yes ] && tap_skip_all "this is itself a cross build"
case $host_cpu in
  aarch64*) tap_skip_all "native aarch64 build: the ordinary test suite already runs the NEON kernels" ;;
esac
why=$(neon_missing) || tap_skip_all "$why"

# The inner makes are our own, not jobs of the make that runs this test.
unset MAKEFLAGS MFLAGS MAKELEVEL DESTDIR SIMDACT_ISA SIMDACT_EXPECT_ISA \
  SIMDACT_EXPECT_SUPPORTED SIMDACT_EXPECT_ERROR
SIMDACT_TEST_EMULATED=qemu-aarch64
export SIMDACT_TEST_EMULATED
MAKE=${MAKE:-make}
x=$neon_x
log=$neon_log
run_qemu=$neon_run_qemu
show_log() { neon_show_log; }

# 1-3. The cross build (tests/neon-build.sh).
neon_copy
st=$?
tap_ok $st "neon: copy the sources (make distdir)"
[ $st -eq 0 ] || { show_log; tap_done; exit 1; }
neon_configure
st=$?
[ $st -eq 0 ] || show_log
tap_ok $st "neon: configure --host=aarch64-linux-gnu"
[ $st -eq 0 ] || { tap_done; exit 1; }
grep -q '^#define HAVE_ISA_NEON 1' "$x/build/config.h"
tap_ok $? "neon: configure found NEON ($(grep 'ISAs:' "$log" | tail -n 1 | sed 's/^ *//'))"

# Then the cross build's own 'make check', each test program run by
# qemu-aarch64 (libtool --mode=execute finds the real binary behind the
# wrapper and sets the library path, which qemu passes on).
neon_make
st=$?
tap_ok $st "neon: build"
[ $st -eq 0 ] || { show_log; tap_done; exit 1; }

elf_machine() { od -An -tu2 -j18 -N2 "$1" 2>/dev/null | tr -d ' '; }
lib=$(ls "$x/build/.libs/libsimdact.so."*.*.* 2>/dev/null | head -n 1)
test "$(elf_machine "$lib")" = 183
tap_ok $? "neon: the library is an AArch64 ELF ($(basename "${lib:-none}"))"

find "$x/build" -name '*.trs' -exec rm -f {} +
$MAKE -C "$x/build" -j2 check LOG_COMPILER="$run_qemu" >> "$log" 2>&1
check_status=$?

# Each inner result (Automake's "PASS: tests/api 3 - ..." lines) as TAP.
for trs in $(find "$x/build" -name '*.trs' | sort); do
  inner=${trs%.trs}.log
  name=${inner#"$x/build/"}
  name=${name%.log}
  awk '
    /^(PASS|FAIL|XFAIL|XPASS|SKIP|ERROR): / {
      r = $1; sub(/^[A-Z]+: /, "")
      if (r == "PASS:") print "ok - " $0
      else if (r == "SKIP:") print "ok - " $0 (($0 ~ /# SKIP/) ? "" : " # SKIP")
      else if (r == "XFAIL:") print "not ok - " $0 " # TODO expected failure"
      else print "not ok - " $0
      n++
    }
    END { print "1.." n }' "$inner" > "$x/relay.tap"
  tap_relay "neon" "$x/relay.tap" 0
done
tap_ok $check_status "neon: make check of the cross build under qemu-aarch64"
[ $check_status -eq 0 ] || show_log

# 4. Dispatch there: neon active, forcing works, x86 ISAs refused.
cd "$x/build" || exit 99
SIMDACT_EXPECT_ISA=neon SIMDACT_EXPECT_SUPPORTED="scalar neon" $run_qemu tests/dispatch > "$x/out" 2>&1
tap_relay "neon: dispatch" "$x/out" $?
SIMDACT_ISA=scalar SIMDACT_EXPECT_ISA=scalar $run_qemu tests/dispatch > "$x/out" 2>&1
tap_relay "neon: SIMDACT_ISA=scalar" "$x/out" $?
SIMDACT_ISA=avx2 SIMDACT_EXPECT_ERROR=EUNSUPPORTED $run_qemu tests/dispatch > "$x/out" 2>&1
tap_relay "neon: SIMDACT_ISA=avx2" "$x/out" $?
# 5. The NEON (and aarch64 scalar) kernels against the references, which
#    the cross build lacks: their outputs go through a pipe to the checker
#    of this build.
if [ -f "$b/tests/kernel_check" ] || [ -f "$b/tests/kernel_check$EXEEXT" ]; then
  for isa in neon scalar; do
    { $run_qemu tests/kernel_dump $isa 2> "$x/dump.err"; echo $? > "$x/dump.rc"; } |
      (cd "$b" && ./libtool --mode=execute tests/kernel_check) > "$x/out" 2>&1
    st=$?
    sed 's/^/# /' "$x/dump.err"
    tap_relay "neon: $isa kernels vs reference" "$x/out" $st
    tap_ok "$(cat "$x/dump.rc")" "neon: tests/kernel_dump $isa ran under qemu-aarch64"
  done
else
  tap_ok 0 "neon: kernels vs reference # SKIP no tests/kernel_check (configure --disable-tools)"
fi

if [ -f ./simdact ]; then
  $run_qemu ./simdact list > "$x/out" 2>&1
  st=$?
  grep -q '^active ISA: neon$' "$x/out" && [ $st -eq 0 ]
  tap_ok $? "neon: 'simdact list' reports active ISA neon"
else
  tap_ok 0 "neon: 'simdact list' # SKIP the CLI is a tool (configure --disable-tools here)"
fi

tap_done
