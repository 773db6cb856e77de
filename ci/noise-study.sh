#!/bin/sh
# How often does `simdact compare` cry wolf on this machine, and what
# slowdown does it catch?
#
#   ci/noise-study.sh [--rounds K] [--splits S] [--compare-flags "..."] RUN1 RUN2 ...
#
# RUNs are bench.json files or results folders from repeated runs of the SAME
# code on one machine, in the order they ran (e.g. `simdact-bench --mode=quick
# --dir=run$i` in a loop).
#   default:     every ordered pair of single runs (i, j) is compared, the way
#                a CI compares one BASE run with one NEW run;
#   --rounds K:  S splits (default 20) of the runs into BASE and NEW sides of K
#                runs each: the first split alternates (1,3,5.. against
#                2,4,6..), the others are random -- the way
#                `ci/bench-compare.sh --rounds K` interleaves the two builds.
# For each comparison: kernel benchmarks judged regressed or improved (false
# positives; peers are the control group and are not counted) and whether the
# exit status is non-zero; then NEW's kernels (not its peers) are made s%
# slower on every repetition and the share judged regressed is printed ("reliably detected" = at least 95%).  Needs python3.
set -u
SIMDACT=${SIMDACT:-./simdact}
exec python3 - "$SIMDACT" "$@" <<'PY'
import json, os, random, subprocess, sys, tempfile, shutil
simdact, args = sys.argv[1], sys.argv[2:]
rounds, splits, flags = 0, 20, []
while args and args[0].startswith("--"):
    if args[0] == "--rounds": rounds = int(args[1])
    elif args[0] == "--splits": splits = int(args[1])
    elif args[0] == "--compare-flags": flags = args[1].split()
    else: sys.exit("unknown option " + args[0])
    args = args[2:]
runs = [os.path.join(r, "bench.json") if os.path.isdir(r) else r for r in args]
if len(runs) < 2 or (rounds and 2 * rounds > len(runs)):
    sys.exit("need at least 2 runs (2*K with --rounds K)")
tmp = tempfile.mkdtemp()

def slowed(path, pct, tag):
    d = json.loads(open(path).read().replace("-nan", "NaN"))
    f = 1 + pct / 100
    for b in d["benchmarks"]:
        if (b.get("run_type", "iteration") == "iteration" and not b.get("error_occurred")
                and "kind=peer" not in b.get("label", "")):   # a code change moves kernels only
            b["real_time"] *= f; b["cpu_time"] *= f
            for k in ("items_per_second", "bytes_per_second"):
                if k in b: b[k] /= f
            if "ns_per_element" in b: b["ns_per_element"] *= f
    out = os.path.join(tmp, "%s_%s.json" % (tag, os.path.basename(os.path.dirname(path)) or "x") + str(abs(hash(path))))
    json.dump(d, open(out, "w"))
    return out

def compare(base, new):
    p = subprocess.run([simdact, "compare"] + flags + [",".join(base), ",".join(new)],
                       capture_output=True, text=True)
    verdicts = {}
    for line in p.stdout.splitlines():
        if line.endswith("(peer)"): continue   # the control group: never fails, not counted
        for v in ("regressed", "improved", "unchanged", "noisy"):
            if (" %s " % v) in line:
                verdicts[v] = verdicts.get(v, 0) + 1
    return p.returncode, verdicts

if rounds:
    rng = random.Random(1)
    idx = list(range(2 * rounds))
    pairs = [([runs[i] for i in idx[0::2]], [runs[i] for i in idx[1::2]])]
    for _ in range(splits - 1):
        rng.shuffle(idx)
        pairs.append(([runs[i] for i in idx[:rounds]], [runs[i] for i in idx[rounds:2 * rounds]]))
    what = "%d splits into %d BASE runs and %d NEW runs" % (len(pairs), rounds, rounds)
else:
    pairs = [([a], [b]) for a in runs for b in runs if a != b]
    what = "%d ordered pairs of single runs" % len(pairs)

tot = fp = bad = noisy = 0
for base, new in pairs:
    rc, v = compare(base, new)
    bad += rc != 0
    fp += v.get("regressed", 0) + v.get("improved", 0)
    noisy += v.get("noisy", 0)
    tot += sum(v.values())
print("unchanged code, %s (%d benchmark comparisons):" % (what, tot))
print("  comparisons with a non-zero exit: %d / %d" % (bad, len(pairs)))
print("  benchmarks judged regressed or improved: %d / %d (%.2f%%)" % (fp, tot, 100.0 * fp / max(tot, 1)))
print("  benchmarks judged noisy: %d / %d" % (noisy, tot))
print("synthetic slowdown of NEW (every benchmark, every repetition):")
for pct in (3, 5, 6, 7, 8, 10, 15, 20, 30, 50):
    det = n = exits = 0
    for base, new in pairs:
        rc, v = compare(base, [slowed(p, pct, "s%d" % pct) for p in new])
        det += v.get("regressed", 0); n += sum(v.values()); exits += rc == 1
    print("  +%d%%: regressed %d / %d benchmarks (%.0f%%), exit 1 in %d / %d" % (pct, det, n, 100.0 * det / max(n, 1), exits, len(pairs)))
shutil.rmtree(tmp)
PY
