#!/bin/sh
# Dispatch on real lesser CPUs: the test suite under qemu-x86_64 CPU models
# (qemu64: scalar, Nehalem: SSE4.1, Haswell: AVX2+FMA) must pass and pick
# the expected ISA; SIMDACT_ISA forcing works for every ISA the CPU has and
# fails cleanly (error codes, CLI exit status and message) for the rest.
# Natively: forcing each ISA this CPU has (by /proc/cpuinfo), unknown names.
#
# Environment (tests/local.mk): abs_top_srcdir abs_top_builddir host_cpu
# cross_compiling QEMU_X86_64 DISPATCH_TESTS.
. "$abs_top_srcdir/tests/tap.sh"
b=$abs_top_builddir

case $host_cpu in
  x86_64) ;;
  *) tap_skip_all "x86-64 CPU models: this build is for $host_cpu" ;;
esac
[ "$cross_compiling" = yes ] && tap_skip_all "cross build: its programs do not run here"
[ -n "$QEMU_X86_64" ] && [ -x "$QEMU_X86_64" ] ||
  tap_skip_all "qemu-x86_64 not found (Debian: apt-get install qemu-user; then re-run configure)"

unset SIMDACT_ISA SIMDACT_EXPECT_ISA SIMDACT_EXPECT_SUPPORTED SIMDACT_EXPECT_ERROR
unset SIMDACT_TEST_EMULATED

tmp=$(mktemp -d "${TMPDIR:-/tmp}/simdact-dispatch.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

built=scalar
for isa in sse41 avx2 avx512; do
  grep -q "^#define HAVE_ISA_$(echo $isa | tr a-z A-Z) 1" "$b/config.h" && built="$built $isa"
done
tap_diag "ISAs built: $built"

# run CPU PREFIX [VAR=VALUE...] PROGRAM [ARGS]: run a test program of this
# build (libtool wrappers resolved) under qemu -cpu CPU, or natively if CPU is
# "native", and fold its TAP into ours.
run() {
  cpu=$1 prefix=$2
  shift 2
  if [ "$cpu" = native ]; then
    (cd "$b" && env "$@") > "$tmp/out" 2> "$tmp/err"
  else
    # Heavy tests may sample instead of sweeping when emulated.
    (cd "$b" && env SIMDACT_QEMU_CPU="$cpu" SIMDACT_TEST_EMULATED=qemu-x86_64 sh -c '
       while [ $# -gt 0 ]; do case $1 in *=*) export "$1"; shift ;; *) break ;; esac; done
       exec ./libtool --mode=execute "$QEMU_X86_64" -cpu "$SIMDACT_QEMU_CPU" "$@"' sh "$@") \
      > "$tmp/out" 2> "$tmp/err"
  fi
  rc=$?
  grep -v "TCG doesn't support requested feature" "$tmp/err" | sed 's/^/# stderr: /'
  tap_relay "$prefix" "$tmp/out" $rc
}

# cli CPU SIMDACT_ISA_VALUE: run 'simdact list' with SIMDACT_ISA set; sets
# cli_rc and leaves stdout/stderr in $tmp/cli.out, $tmp/cli.err.
cli() {
  if [ "$1" = native ]; then
    (cd "$b" && SIMDACT_ISA=$2 ./libtool --mode=execute ./simdact list)
  else
    (cd "$b" && SIMDACT_ISA=$2 ./libtool --mode=execute "$QEMU_X86_64" -cpu "$1" ./simdact list)
  fi > "$tmp/cli.out" 2> "$tmp/cli.raw"
  cli_rc=$?
  grep -v "TCG doesn't support requested feature" "$tmp/cli.raw" > "$tmp/cli.err"
}

# cli_active CPU ISA: 'simdact list' names ISA as the active one.
cli_active() {
  [ -f "$b/simdact" ] || { tap_ok 0 "$1: simdact list # SKIP no CLI (configure --disable-tools)"; return; }
  cli "$1" ""
  grep -q "^active ISA: $2\$" "$tmp/cli.out"
  tap_ok $? "$1: 'simdact list' reports active ISA $2 ($(grep '^active ISA' "$tmp/cli.out"))"
}

# cli_refuses CPU VALUE: with SIMDACT_ISA=VALUE the CLI exits non-zero (not by
# a signal) and says why.
cli_refuses() {
  [ -f "$b/simdact" ] || { tap_ok 0 "$1: SIMDACT_ISA=$2 simdact list # SKIP no CLI (configure --disable-tools)"; return; }
  cli "$1" "$2"
  test "$cli_rc" -ne 0 && test "$cli_rc" -lt 128 && grep -q "SIMDACT_ISA=$2" "$tmp/cli.err"
  tap_ok $? "$1: SIMDACT_ISA=$2 simdact list fails cleanly (status $cli_rc: $(head -n 1 "$tmp/cli.err"))"
}

suite=
for t in $DISPATCH_TESTS; do
  case $t in tests/dispatch) ;; *) suite="$suite $t" ;; esac
done

# check_cpu CPU ISAS...: the CPU model runs exactly ISAS (best last).
check_cpu() {
  cpu=$1
  shift
  has="$*"
  best=
  for isa in $has; do
    case " $built " in *" $isa "*) best=$isa ;; esac
  done

  run "$cpu" "$cpu: dispatch" SIMDACT_EXPECT_ISA="$best" SIMDACT_EXPECT_SUPPORTED="$has" tests/dispatch
  cli_active "$cpu" "$best"
  for t in $suite; do
    run "$cpu" "$cpu: $t" "$t"
  done

  for isa in $built; do
    case " $has " in
      *" $isa "*)
        run "$cpu" "$cpu: SIMDACT_ISA=$isa" SIMDACT_ISA=$isa SIMDACT_EXPECT_ISA=$isa tests/dispatch ;;
      *)
        run "$cpu" "$cpu: SIMDACT_ISA=$isa" SIMDACT_ISA=$isa SIMDACT_EXPECT_ERROR=EUNSUPPORTED tests/dispatch
        cli_refuses "$cpu" "$isa" ;;
    esac
  done
}

check_cpu qemu64 scalar
check_cpu Nehalem scalar sse41
check_cpu Haswell scalar sse41 avx2

# Native: what /proc/cpuinfo says this CPU has, not what the library says.
flags=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null)
native=scalar
case " $flags " in *" sse4_1 "*) native="$native sse41" ;; esac
case " $flags " in *" avx2 "*) case " $flags " in *" fma "*) native="$native avx2" ;; esac ;; esac
n512=0
for f in avx512f avx512dq avx512bw avx512vl; do
  case " $flags " in *" $f "*) n512=$((n512 + 1)) ;; esac
done
[ $n512 -eq 4 ] && native="$native avx512"
tap_diag "native CPU runs: $native"
run native "native: dispatch" SIMDACT_EXPECT_SUPPORTED="$native" tests/dispatch
for isa in $built; do
  case " $native " in
    *" $isa "*)
      run native "native: SIMDACT_ISA=$isa" SIMDACT_ISA=$isa SIMDACT_EXPECT_ISA=$isa tests/dispatch
      run native "native: SIMDACT_ISA=$isa tests/api" SIMDACT_ISA=$isa tests/api ;;
  esac
done
for bad in neon mmx; do
  code=EUNSUPPORTED
  [ $bad = mmx ] && code=EUNKNOWN
  run native "native: SIMDACT_ISA=$bad" SIMDACT_ISA=$bad SIMDACT_EXPECT_ERROR=$code tests/dispatch
  cli_refuses native $bad
done

tap_done
