#!/bin/sh
# The simdact CLI as a user drives it: --version, --help of every command,
# list (with filters), a small ulp scan of every activation (and one with
# --json), compare on real and bad input, and bad arguments: each ends in
# its documented exit status, never a crash.  In the sanitizer pass
# (ci/sanitize.sh) this runs the CLI under ASan + UBSan.  (compare's
# statistics: tests/compare.sh; report: tests/bench.)
#
# Environment (tests/local.mk): abs_top_srcdir abs_top_builddir.
. "$abs_top_srcdir/tests/tap.sh"
b=$abs_top_builddir
[ -f "$b/simdact" ] || tap_skip_all "no CLI (configure --disable-tools)"
unset SIMDACT_ISA
tmp=$(mktemp -d "${TMPDIR:-/tmp}/simdact-cli.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# cli WANT-STATUS DESCRIPTION ARGS...: run ./simdact ARGS (stdout in
# $tmp/out, stderr in $tmp/err); pass when it exits with WANT-STATUS.
cli() {
  want=$1 what=$2
  shift 2
  (cd "$b" && ./simdact "$@") > "$tmp/out" 2> "$tmp/err"
  rc=$?
  [ "$rc" -eq "$want" ]
  tap_ok $? "$what: exit $rc (want $want)"
  [ "$rc" -eq "$want" ] || sed 's/^/#   /' "$tmp/err" | head -n 30
}
# has FILE PATTERN DESCRIPTION: FILE has a line matching the ERE PATTERN.
has() {
  grep -Eq -- "$2" "$1"
  tap_ok $? "$3"
}

cli 0 "simdact --version" --version
has "$tmp/out" '^simdact [0-9]+\.[0-9]+\.[0-9]+$' "--version prints 'simdact X.Y.Z'"
cli 0 "simdact --help" --help
for c in list compare report ulp; do
  has "$tmp/out" "^  $c " "--help lists '$c'"
done
for c in list compare report ulp; do
  cli 0 "simdact $c --help" $c --help
  has "$tmp/out" "^usage: simdact $c" "simdact $c --help prints its usage"
done

cli 0 "simdact list" list
has "$tmp/out" '^active ISA: (scalar|sse41|avx2|avx512|neon)$' "list names the active ISA"
has "$tmp/out" '^relu\.exact\.scalar +relu +exact +scalar +0\.5 +yes$' "list: relu.exact.scalar, bound 0.5, runs here"
cli 0 "simdact list --act relu --isa scalar" list --act relu --isa scalar
n=$(grep -c '\.exact\.\|\.u[14]\.\|\.approx\.' "$tmp/out")
[ "$n" -eq 1 ]
tap_ok $? "list --act relu --isa scalar: one kernel ($n)"

# Every activation, every kernel this CPU runs: a small scan (a few seconds;
# softmax and log_softmax scan rows: one random row plus the adversarial ones).
(cd "$b" && ./simdact list) | awk 'NR > 1 && $2 != "" && $1 ~ /\./ { print $2 }' | sort -u > "$tmp/acts"
nacts=$(wc -l < "$tmp/acts")
[ "$nacts" -ge 8 ]
tap_ok $? "list: $nacts activations"
for a in $(cat "$tmp/acts"); do
  case $a in softmax|log_softmax) s=1 ;; *) s=3000 ;; esac
  cli 0 "simdact ulp --act $a --samples $s (every bound holds)" ulp --act $a --samples $s --quiet
  has "$tmp/out" "^### $a " "ulp --act $a prints its table"
done
cli 0 "simdact ulp --act sigmoid --isa scalar --samples 2000 --json FILE" \
  ulp --act sigmoid --isa scalar --samples 2000 --json "$tmp/u.json" --quiet
if command -v python3 > /dev/null 2>&1; then
  python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/u.json" 2> "$tmp/err"
  tap_ok $? "ulp --json writes valid JSON"
else
  tap_ok 0 "ulp --json writes valid JSON # SKIP no python3"
fi
cli 0 "simdact ulp --range -1 1 --act relu --isa scalar" ulp --range -1e-30 1e-30 --act relu --isa scalar --quiet

# compare on a real Google Benchmark file (tests/gbench_fixture) and on bad
# input: exit 3 with a message, never a crash.  (The statistics and the
# other bad inputs: tests/compare.sh.)
if [ -x "$b/tests/gbench_fixture" ]; then
  (cd "$b" && tests/gbench_fixture --benchmark_min_time=0.001 --benchmark_repetitions=2 \
     --benchmark_format=json) > "$tmp/a.json" 2> "$tmp/err"
  tap_ok $? "tests/gbench_fixture writes benchmark JSON"
  cli 0 "compare A A: nothing changed" compare "$tmp/a.json" "$tmp/a.json"
  has "$tmp/out" '^0 regressed, 0 improved' "compare A A: 0 regressed, 0 improved"
  head -c 200 "$tmp/a.json" > "$tmp/trunc.json"
  cli 3 "compare with a truncated file" compare "$tmp/a.json" "$tmp/trunc.json"
  : > "$tmp/empty.json"
  cli 3 "compare with an empty file" compare "$tmp/empty.json" "$tmp/a.json"
  echo '{"benchmarks": [{"name": 1}]}' > "$tmp/odd.json"
  cli 3 "compare with a malformed benchmark entry" compare "$tmp/a.json" "$tmp/odd.json"
  cli 3 "compare with a missing file" compare "$tmp/a.json" "$tmp/nonexistent.json"
else
  tap_ok 0 "compare # SKIP no tests/gbench_fixture"
fi

# Bad arguments: exit 2 with a message, nothing else.
cli 2 "no command" 
cli 2 "unknown command" frobnicate
cli 2 "list --isa mmx" list --isa mmx
has "$tmp/err" "unknown ISA 'mmx'" "list --isa mmx says why"
cli 2 "list --act (missing value)" list --act
cli 2 "ulp --act nosuch" ulp --act nosuch
has "$tmp/err" "unknown activation 'nosuch'" "ulp --act nosuch says why"
# non-default parameters: beta 1.702 gives other outputs than the default
cli 0 "simdact ulp --act swish --beta 1.702 (3000 samples, exit 0)" \
  ulp --act swish --tier u1 --isa scalar --beta 1.702 --samples 3000 --json "$tmp/b.json" --quiet
has "$tmp/out" 'Parameters: beta = 0x1\.b3b646p\+0 \(1\.702\)' "ulp --beta prints the parameter"
cli 2 "ulp --beta without --act" ulp --beta 2 --samples 10
has "$tmp/err" "need --act" "ulp --beta without --act says why"
cli 2 "ulp --beta 2x" ulp --act swish --beta 2x --samples 10
has "$tmp/err" "bad --beta '2x'" "ulp --beta 2x says why"
cli 2 "ulp --samples x" ulp --samples x
cli 2 "ulp --samples (missing value)" ulp --samples
cli 2 "ulp --range 1 (missing HI)" ulp --range 1
cli 2 "ulp --threads -3" ulp --threads -3
cli 2 "ulp --threads x" ulp --threads x

tap_done
