#!/bin/sh
# Speed of softmax and log_softmax (issue 5), one command:
#   make softmax-speed [SOFTMAX_SPEED_FLAGS=...]
# Rows of 1000, 4096 and 65536 floats (the issue's sizes) and 2^20, 2^24
# (DRAM-sized rows: whether a length-dependent algorithm would pay), one row per call, every kernel this
# CPU runs, next to the peers in the same run: the SLEEF composition
# (expf u10: max pass, exp pass with a float sum, scale pass), the plain C
# loop over libm expf, and sleef_exp_scale (one SLEEF exp pass plus one scale
# pass: not a softmax, the floor the issue measures against).  ns/element is
# CPU time, the median of 9 repetitions run interleaved at random with the
# other benchmarks (so load changes hit all alike); the ratios compare numbers of the
# same run (the machine may be shared).  Writes results/<machine>/softmax-speed.md
# and the Google Benchmark JSON beside it.
set -u
srcdir=${srcdir:-.}
machine=$(./bench/simdact-bench --machine-name) || exit 2
out=${SOFTMAX_OUT:-$srcdir/results/$machine}
mkdir -p "$out" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
./bench/simdact-bench --mode=quick --sizes=1000,4096,65536,1048576,16777216 --softmax-cols=0 --repetitions=9 --min-time=0.03 \
  --no-accuracy --no-report --dir="$tmp" '--benchmark_filter=softmax' --benchmark_enable_random_interleaving=true ${SOFTMAX_SPEED_FLAGS:-} > /dev/null || exit 1
cp "$tmp/bench.json" "$out/softmax-speed.json"
python3 - "$tmp/bench.json" "$machine" > "$out/softmax-speed.md" <<'EOF' || exit 1
import json, statistics, sys
d = json.load(open(sys.argv[1]))
ns = {}
for b in d["benchmarks"]:
    if b.get("run_type") != "iteration" or "ns_per_element" not in b:
        continue
    name, _, size = b["name"].rsplit("/", 2)
    ns.setdefault((name, int(size)), []).append(b["ns_per_element"])
med = {k: statistics.median(v) for k, v in ns.items()}
sizes = sorted({s for _, s in med})
names = sorted({n for n, _ in med})
isa_rank = {"scalar": 0, "sse41": 1, "avx2": 2, "avx512": 3, "neon": 4}
def key(n):
    act, tier, isa = n.split(".")
    return (act != "softmax", tier.startswith("sleef") or tier == "libm", tier, isa_rank.get(isa, 9))
names.sort(key=key)
ctx = d.get("context", {})
print(f"# softmax / log_softmax speed ({sys.argv[2]})\n")
print("`make softmax-speed`: one row per call, CPU time, median of 9 repetitions interleaved at random, "
      f"{ctx.get('date', '')}; load average at the start {ctx.get('load_avg', '')}.\n")
print("Peers: libm (plain C loop, expf twice per element), sleef_u10 (SLEEF expf u10: max pass, exp "
      "pass with a float sum, scale pass), sleef_exp_scale (one SLEEF exp pass and one scale pass: not a "
      "softmax, the floor of the work).")
def table(title, cell):
    print(f"\n{title}\n")
    print("| implementation |" + "".join(f" {s} |" for s in sizes))
    print("|---|" + "---:|" * len(sizes))
    for n in names:
        print(f"| {n} |" + "".join(f" {cell(n, s)} |" for s in sizes))
def ratio(num, den, fmt):
    return fmt % (num / den) if num and den else ""
table("ns/element (row length in the header):", lambda n, s: ratio(med.get((n, s)), 1, "%.3f"))
table("Over the floor (time / softmax.sleef_exp_scale; issue 5: u4 AVX-512 softmax <= 2):",
      lambda n, s: ratio(med.get((n, s)), med.get(("softmax.sleef_exp_scale.avx512", s)), "%.2f"))
table("Speedup over the plain C libm loop of the same activation (issue 5: >= 3):",
      lambda n, s: ratio(med.get((n.split(".")[0] + ".libm.scalar", s)), med.get((n, s)), "%.1f"))
table("Time over the SLEEF composition of the same activation:",
      lambda n, s: ratio(med.get((n, s)), med.get((n.split(".")[0] + ".sleef_u10.avx512", s)), "%.2f"))
EOF
cat "$out/softmax-speed.md"
