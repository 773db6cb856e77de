#!/bin/sh
# The sanitizer pass ('make check-sanitize'; CI runs it): the test suite built
# with AddressSanitizer + UndefinedBehaviorSanitizer in san-build/ and run
# there, aborting at the first report.
#
# san-build/src is a copy made by 'make distdir' (the tree we run in may be
# configured in place, which rules out a VPATH build from it; distdir keeps
# time stamps, so a re-run rebuilds only what changed), san-build/build its
# build.  The sanitizer flags go in CFLAGS/CXXFLAGS/LDFLAGS, which Automake
# puts after every per-target flag set: they reach each per-ISA kernel
# library, the references, the CLI and the C++ Google Benchmark programs.
# The suite runs with SIMDACT_SKIP_EXHAUSTIVE=1 (tests/ref_exact_all is a
# bit-for-bit 2^32 sweep, minutes even uninstrumented) and without
# tests/dispatch-qemu.sh and tests/neon.sh (qemu runs other binaries or
# cannot host ASan's shadow memory) and tests/compare.sh (speed verdicts on
# timed runs, which want a quiet machine; tests/cli.sh runs compare here);
# 'make check' covers those unsanitized.  The list: tests/local.mk.
# Its .trs files stay in san-build/build, where .ci/run counts them.
#
# Usage: ci/sanitize.sh [BUILDDIR]  (run by 'make check-sanitize' from the
# build tree; BUILDDIR defaults to the current directory).
# Environment: SANITIZE_JOBS (make -j, default 2), SANITIZE_FLAGS (the
# instrumentation flags), MAKE.
set -u
b=$(cd "${1:-.}" && pwd) || exit 2
[ -f "$b/Makefile" ] || { echo "ci/sanitize.sh: $b is not a configured build tree" >&2; exit 2; }
x=$b/san-build
jobs=${SANITIZE_JOBS:-2}
flags=${SANITIZE_FLAGS:--fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all}
MAKE=${MAKE:-make}
# The inner makes are our own, not jobs of the make that runs this script.
unset MAKEFLAGS MFLAGS MAKELEVEL DESTDIR SIMDACT_ISA

mkdir -p "$x" || exit 2
log=$x/build.log
: > "$log"
fail() { echo "ci/sanitize.sh: $1 failed (log: $log)"; tail -n 40 "$log"; exit 1; }

# Leaks fail too; a report names the bad access and its stack.  Sanitizer
# reports abort the program (-fno-sanitize-recover=all), so its test fails.
# detect_stack_use_after_return stays off (GCC 12's default): its fake stack
# frames do not keep the 64-byte alignment GCC gives a float[16] local in
# AVX-512 code, so a vf_loadu of one (softmax_load_tail) becomes a faulting
# vmovaps -- a runtime defect, fixed in LLVM's compiler-rt by
# llvm/llvm-project#152819 ("[asan] Fix misalignment of variables in fake
# stack frames"), not a bug of the code.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

echo "== sanitizer pass: $flags"
echo "== copying the sources (make distdir) into $x/src"
$MAKE -C "$b" distdir distdir="$x/src" >> "$log" 2>&1 || fail "make distdir"

# Configure once (again when the flags change).
stamp="$x/build/sanitize-flags"
if [ ! -f "$x/build/Makefile" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$flags" ]; then
  echo "== configuring $x/build"
  rm -rf "$x/build"
  mkdir -p "$x/build"
  (cd "$x/build" && "$x/src/configure" \
     CFLAGS="-O1 -g $flags" CXXFLAGS="-O1 -g $flags" LDFLAGS="$flags") >> "$log" 2>&1 ||
    { rm -f "$x/build/Makefile"; fail "configure"; }
  echo "$flags" > "$stamp"
fi

echo "== building (make -j$jobs all and the test programs)"
start=$(date +%s)
$MAKE -C "$x/build" -j"$jobs" all >> "$log" 2>&1 || fail "make all"
# Every object of the build was compiled with the flags (every per-ISA
# kernel library included): the ASan module constructor is in each.
missing=
for o in $(find "$x/build" -name '*.o' ! -name 'conftest*'); do
  nm "$o" 2>/dev/null | grep -q '__asan_init\|__asan_version_mismatch_check' || missing="$missing ${o#"$x/build/"}"
done
[ -z "$missing" ] || { echo "ci/sanitize.sh: objects built without ASan:$missing"; exit 1; }
echo "== built in $(( $(date +%s) - start )) s; every object is instrumented"

# The suite, without the qemu tests.
tests=$($MAKE -s -C "$x/build" print-sanitize-tests) || fail "listing the tests"
start=$(date +%s)
find "$x/build" -name '*.trs' -exec rm -f {} +
echo "== make check in $x/build (SIMDACT_SKIP_EXHAUSTIVE=1; not run: tests/dispatch-qemu.sh tests/neon.sh tests/compare.sh)"
SIMDACT_SKIP_EXHAUSTIVE=1 $MAKE -C "$x/build" -j"$jobs" check TESTS="$tests"
st=$?
echo "== sanitized make check: status $st in $(( $(date +%s) - start )) s"
if [ $st -ne 0 ]; then
  for f in $(grep -l '^:test-result: \(FAIL\|ERROR\)' $(find "$x/build" -name '*.trs')); do
    echo "== ${f%.trs}.log"
    grep -B2 -A30 'ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error:\|^not ok' "${f%.trs}.log" | head -n 80
  done
fi
exit $st
