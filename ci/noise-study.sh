#!/bin/sh
# How often does `simdact compare` cry wolf, and what slowdown does it catch?
#
#   ci/noise-study.sh [--compare-flags "..."] RUN1 RUN2 RUN3 ...
#
# RUNs are bench.json files or results folders from repeated runs of the SAME
# code on one machine (e.g. `make bench BENCH=quick` five times, copying
# results/<machine> away after each).  Every ordered pair (i, j), i != j, is
# compared:
#   - false positives: benchmarks judged regressed or improved, and pairs whose
#     exit status is not 0;
#   - detection: NEW is made s% slower on every repetition of every benchmark
#     (a synthetic slowdown), for several s, and the share of benchmarks judged
#     regressed is printed.  "Reliably detected" = at least 95%.
# Needs python3.  Prints a small table; exit 0.
set -u
SIMDACT=${SIMDACT:-./simdact}
flags=
[ "${1:-}" = --compare-flags ] && { flags=$2; shift 2; }
[ $# -ge 2 ] || { echo "usage: $0 [--compare-flags '...'] RUN1 RUN2 [RUN3 ...]" >&2; exit 3; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
i=0
for r in "$@"; do
  i=$((i + 1)); [ -d "$r" ] && r="$r/bench.json"; cp "$r" "$T/run$i.json"
done
nruns=$i
slow() { python3 - "$1" "$2" "$3" <<'PY'
import json, sys
src, dst, f = sys.argv[1], sys.argv[2], 1 + float(sys.argv[3]) / 100
d = json.load(open(src))
for b in d["benchmarks"]:
    if b.get("run_type", "iteration") == "iteration" and not b.get("error_occurred"):
        b["real_time"] *= f; b["cpu_time"] *= f
        for k in ("items_per_second", "bytes_per_second"):
            if k in b: b[k] /= f
        if "ns_per_element" in b: b["ns_per_element"] *= f
json.dump(d, open(dst, "w"))
PY
}
count() { # count FILE VERDICT...: rows of the terminal table with these verdicts
  f=$1; shift; pat=$(echo "$*" | sed 's/ /|/g')
  grep -Ec " ($pat) " "$f"
}
pairs=0 fp_pairs=0 fp=0 rows=0
for a in $(seq 1 $nruns); do for b in $(seq 1 $nruns); do
  [ $a = $b ] && continue
  "$SIMDACT" compare $flags "$T/run$a.json" "$T/run$b.json" >"$T/out" 2>/dev/null; rc=$?
  pairs=$((pairs + 1)); [ $rc = 0 ] || fp_pairs=$((fp_pairs + 1))
  fp=$((fp + $(count "$T/out" regressed improved)))
  rows=$((rows + $(count "$T/out" regressed improved unchanged noisy)))
  noisy=$((${noisy:-0} + $(count "$T/out" noisy)))
done; done
echo "unchanged code: $pairs ordered pairs, $rows benchmark comparisons"
echo "  pairs with a non-zero exit: $fp_pairs / $pairs"
echo "  benchmarks judged regressed or improved: $fp / $rows"
echo "  benchmarks judged noisy: $noisy / $rows"
echo "synthetic slowdown of NEW (all benchmarks, every repetition):"
for s in 3 5 6 7 8 10 12 15 20; do
  det=0 tot=0 exits=0
  for a in $(seq 1 $nruns); do for b in $(seq 1 $nruns); do
    [ $a = $b ] && continue
    slow "$T/run$b.json" "$T/slow.json" $s
    "$SIMDACT" compare $flags "$T/run$a.json" "$T/slow.json" >"$T/out" 2>/dev/null; rc=$?
    [ $rc = 1 ] && exits=$((exits + 1))
    det=$((det + $(count "$T/out" regressed)))
    tot=$((tot + $(count "$T/out" regressed improved unchanged noisy)))
  done; done
  echo "  +$s%: regressed $det / $tot benchmarks ($(( 100 * det / tot ))%), exit 1 in $exits / $pairs pairs"
done
