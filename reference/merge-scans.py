#!/usr/bin/env python3
"""Merge exhaustive scans into one table per activation.

    reference/merge-scans.py [--neon NEON.json] [--twin A=B]... OUTDIR FILE@COMMIT...

Each FILE is the --json output of `simdact ulp --exhaustive` (whole
activations or one tier/ISA).  Per kernel the LAST file naming it wins, so
list them oldest first: a later scan of a changed kernel replaces the
earlier figure.  Writes OUTDIR/<act>.json (the same format, which
`simdact report` reads from results/<machine>/scans/, each kernel with the
commit it was scanned at), OUTDIR/README.md (one row per kernel) and
OUTDIR/TABLE.md (one row per activation and tier, a column per ISA, NEON's
sampled figure from `make check-neon-accuracy`'s JSON when given).
--twin A=B: activation A's kernels run B's code at the default parameters
(swish at beta = 1 is silu), so A's figures are B's (marked twin_of).
--twin K=L with full kernel names (gelu.u1.sse41=gelu.u1.scalar): kernel K
gives the same bits as kernel L on all 2^32 inputs (`tests/bitcmp.sh . .
K=L`), so L's scan is K's, unless K has a scan of its own.
"""
import json, os, re, sys

neon = None
if sys.argv[1] == "--neon":
    neon = {k["kernel"]: k for k in json.load(open(sys.argv[2]))["kernels"]}
    del sys.argv[1:3]
twins = []
while sys.argv[1] == "--twin":
    twins.append(sys.argv[2].split("="))
    del sys.argv[1:3]
out, args = sys.argv[1], sys.argv[2:]
# the bounds registered now (the scan files carry the bound of their day)
reg = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "simdact_kernels.h")
bounds = {(m[0], m[1]): float(m[2]) for m in
          re.findall(r"^SIMDACT_KERNEL\((\w+),\s*(\w+),\s*([0-9.e+]+)", open(reg).read(), re.M)}
acts = {}  # act -> {kernel name -> entry}
for a in args:
    path, _, commit = a.partition("@")
    for sc in json.load(open(path))["scans"]:
        if sc.get("mode") != "exhaustive":
            continue
        ks = acts.setdefault(sc["act"], {})
        for k in sc["kernels"]:
            k = dict(k, commit=commit, seconds_of_scan=sc.get("seconds"))
            k["bound"] = bounds.get((sc["act"], k["tier"]), k["bound"])
            k["holds"] = k["max_ulp"] <= k["bound"] and not (k["nonfinite"] or k["zero_sign"] or k["lane"])
            ks[k["name"]] = k
for a, b in twins:
    if a.count(".") == 2:
        act = a.split(".")[0]
        k = acts.get(b.split(".")[0], {}).get(b)
        if k is not None and a not in acts.setdefault(act, {}):
            acts[act][a] = dict(k, name=a, isa=a.rsplit(".", 1)[1], twin_of=b)
        continue
    acts[a] = {n.replace(b + ".", a + ".", 1): dict(k, name=k["name"].replace(b + ".", a + ".", 1),
                                                     twin_of=k["name"])
               for n, k in acts.get(b, {}).items()}
order = {"scalar": 0, "sse41": 1, "avx2": 2, "avx512": 3, "neon": 4}
tiers = {"exact": 0, "u1": 1, "u4": 2, "approx": 3}
os.makedirs(out, exist_ok=True)


def ulp(v):
    """4 digits, more where they would hide an error just above half an ULP
    (softsign's 0.500000001 is not 0.5)."""
    s = "%.4g" % v
    return "%.10g" % v if float(s) <= 0.5 < v else s


rows = []
for act, ks in sorted(acts.items()):
    kl = sorted(ks.values(), key=lambda k: (tiers.get(k["tier"], 9), order.get(k["isa"], 9)))
    doc = {"scans": [{"act": act, "mode": "exhaustive", "inputs": 4294967296, "kernels": kl}]}
    with open(os.path.join(out, act + ".json"), "w") as f:
        json.dump(doc, f, indent=1)
    rows += kl
with open(os.path.join(out, "README.md"), "w") as f:
    f.write("# Exhaustive scans on this machine\n\n"
            "Every binary32 input (2^32) through each kernel, scored against the correctly\n"
            "rounded reference (double-double with MPFR escalation):\n\n"
            "    ./simdact ulp --exhaustive --act ACT [--tier T] [--isa I] --threads 2 --json F\n\n"
            "merged per kernel, newest scan last, by `reference/merge-scans.py` (the\n"
            "commit column is the build each kernel was scanned at; a later commit\n"
            "changed none of that kernel's outputs, or changed them only where a\n"
            "`--range` scan listed in the README covers them).  `simdact report` shows\n"
            "these figures in its max ULP all 2^32 column.  \"bits of K\": the kernel\n"
            "gives K's outputs bit for bit on all 2^32 inputs (`tests/bitcmp.sh . .\n"
            "NAME=K`), so K's scan is its own.\n\n"
            "| kernel | bound | max ULP | at x | mean ULP | non-finite | zero sign | holds | commit |\n"
            "|---|--:|--:|---|--:|--:|--:|---|---|\n")
    for k in rows:
        f.write("| %s | %.7g | %s | %s | %.4g | %d | %d | %s | %s |\n" % (
            k["name"], k["bound"], ulp(k["max_ulp"]), k["max_ulp_x"], k["mean_ulp"], k["nonfinite"],
            k["zero_sign"], "yes" if k["holds"] else "**NO**",
            k["commit"] + (" (bits of %s)" % k["twin_of"] if k.get("twin_of", "").count(".") == 2
                           and k["twin_of"].split(".")[0] == k["name"].split(".")[0] else "")))

isas = ["scalar", "sse41", "avx2", "avx512"]
with open(os.path.join(out, "TABLE.md"), "w") as f:
    f.write("| kernel | bound | " + " | ".join(isas) + (" | neon (qemu, sampled) |" if neon else " |") + "\n")
    f.write("|---|--:|" + "--:|" * (len(isas) + (1 if neon else 0)) + "\n")
    seen = []
    for k in rows:
        at = (k["name"].rsplit(".", 1)[0], k["bound"])
        if at not in seen:
            seen.append(at)
    for name, bound in seen:
        cells = []
        for i in isas:
            k = next((r for r in rows if r["name"] == name + "." + i), None)
            cells.append("-" if k is None else ulp(k["max_ulp"]) + ("" if k["holds"] else " **NO**"))
        if neon:
            n = neon.get(name + ".neon")
            cells.append("-" if n is None else ulp(n["max_ulp"]))
        f.write("| %s | %.7g | %s |\n" % (name, bound, " | ".join(cells)))
