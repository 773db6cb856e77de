#!/bin/sh
# Benchmark this checkout against a baseline and judge the difference with
# `simdact compare`.  Works in any CI (or by hand): POSIX sh, git, and the
# Debian packages in packages-debian.txt.
#
#   ci/bench-compare.sh --base-ref REF  [options]   build REF too and bench both here
#   ci/bench-compare.sh --base-dir DIR  [options]   compare against stored results
#   ci/bench-compare.sh --no-base       [options]   first run: record history only
#
# options:
#   --out DIR         where everything goes (default bench-ci)
#   --mode M          bench mode (default quick)
#   --rounds K        with --base-ref: bench BASE and NEW K times each,
#                     interleaved B N N B B N ... so that the machine's drift
#                     hits both alike; each run's median is one sample
#                     (default 5, the fewest for alpha 0.01)
#   --reps N          repetitions per benchmark and run (default 3 with
#                     --base-ref, 10 otherwise: one run needs >= 5)
#   --threshold PCT   smallest speed change that counts (default 5)
#   --history FILE    append the CSV history row per benchmark (and plot it)
#   --commit ID       commit recorded in the history (default: git rev-parse HEAD)
#   --allow-cross-machine   with --base-dir from another machine
#
# Outputs in DIR: base/ and new/ (results folders; with --base-ref one per
# round, base/rK/<machine>/), last/ (NEW's last results folder), compare.md (for a pull
# request comment), track.json (github-action-benchmark customSmallerIsBetter),
# compare.txt (the terminal table).  Exit status: simdact compare's (0 clean,
# 1 speed regression, 2 accuracy regression, 3 bad input), or 4 when building
# or benchmarking failed.
set -u
base_ref= base_dir= no_base= out=bench-ci mode=quick reps= rounds=5 threshold=5 history= commit= cross=
while [ $# -gt 0 ]; do
  case $1 in
    --base-ref) base_ref=$2; shift 2 ;;
    --base-dir) base_dir=$2; shift 2 ;;
    --no-base) no_base=1; shift ;;
    --out) out=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --threshold) threshold=$2; shift 2 ;;
    --history) history=$2; shift 2 ;;
    --commit) commit=$2; shift 2 ;;
    --allow-cross-machine) cross=$1; shift ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed 's/^# \{0,1\}//; /^set -u/d'; exit 0 ;;
    *) echo "bench-compare: unknown argument '$1' (see --help)" >&2; exit 3 ;;
  esac
done
if [ -z "$base_ref$base_dir$no_base" ]; then
  echo "bench-compare: give --base-ref REF, --base-dir DIR or --no-base (see --help)" >&2; exit 3
fi
if [ -n "$base_dir" ] && [ ! -e "$base_dir" ]; then
  echo "bench-compare: --base-dir $base_dir does not exist" >&2; exit 3
fi
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out" && out=$(cd "$out" && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
[ -n "$commit" ] || commit=$(git -C "$top" rev-parse HEAD 2>/dev/null || echo "")

# build SRCDIR: bootstrap when needed and make (the library, CLI and bench).
build() {
  ( cd "$1" && { [ -f Makefile ] || ./bootstrap >"$out/build-$2.log" 2>&1; } &&
    make -j"$jobs" >>"$out/build-$2.log" 2>&1 ) ||
    { echo "bench-compare: building $2 failed; see $out/build-$2.log" >&2; tail -20 "$out/build-$2.log" >&2; exit 4; }
}
[ -n "$reps" ] || { [ -n "$base_ref" ] && reps=3 || reps=10; }
# bench SRCDIR NAME: results into $out/NAME/<machine>/.
bench() {
  rm -rf "$out/$2" && mkdir -p "$out/$2"
  log="$out/bench-$(echo "$2" | tr / -).log"
  [ -x "$1/bench/simdact-bench" ] || { echo "bench-compare: $2 has no bench/simdact-bench (older than the bench?)" >&2; exit 4; }
  echo "bench-compare: benchmarking $2 (mode $mode, $reps repetitions)" >&2
  "$1/bench/simdact-bench" --mode="$mode" --repetitions="$reps" --no-report --out="$out/$2" >"$log" 2>&1 ||
    { echo "bench-compare: the $2 bench failed; see $log" >&2; tail -20 "$log" >&2; exit 4; }
}
folder() { for d in "$out/$1"/*/; do [ -f "$d/bench.json" ] && { echo "${d%/}"; return; }; done; echo "$out/$1"; }

build "$top" new
if [ -n "$base_ref" ]; then
  wt="$out/base-src"
  rm -rf "$wt"; git -C "$top" worktree prune
  trap 'git -C "$top" worktree remove --force "$wt" >/dev/null 2>&1' EXIT
  git -C "$top" worktree add --detach "$wt" "$base_ref" >/dev/null 2>&1 ||
    { echo "bench-compare: cannot check out $base_ref" >&2; exit 3; }
  build "$wt" base
  # Same machine, same job, interleaved: B N, N B, B N, ... so that drift in
  # the machine's speed falls on both sides alike.
  base= new=
  for r in $(seq 1 "$rounds"); do
    if [ $((r % 2)) = 1 ]; then bench "$wt" "base/r$r"; bench "$top" "new/r$r"
    else bench "$top" "new/r$r"; bench "$wt" "base/r$r"; fi
    base="$base${base:+,}$(folder "base/r$r")"
    new="$new${new:+,}$(folder "new/r$r")"
  done
  git -C "$top" worktree remove --force "$wt" >/dev/null 2>&1
else
  bench "$top" new
  new=$(folder new)
fi
[ -n "$base_dir" ] && base=$base_dir
[ -n "$no_base" ] && base=$new   # NEW against itself: all unchanged, history recorded
# The tracker and history take NEW's last run.
last=${new##*,}
rm -rf "$out/last" && cp -r "$last" "$out/last"

set -- --threshold "$threshold" --markdown "$out/compare.md" --json "$out/track.json" --commit "$commit"
[ -n "$history" ] && set -- "$@" --csv "$history"
[ -n "$cross" ] && set -- "$@" "$cross"
"$top/simdact" compare "$@" "$base" "$new" >"$out/compare.txt"
status=$?
cat "$out/compare.txt"
if [ -n "$history" ] && [ $status -ne 3 ] && command -v gnuplot >/dev/null; then
  "$top/simdact" report --history "$history" --out "$out/history" >/dev/null || true
fi
exit $status
