"""Issue 4's speed table from one bench.json: 4096 uniform floats, median (or min)
ns/element (sampled max ULP).  usage: bench/issue4-table.py [--min] results/<machine>/bench.json"""
import json, sys
use_min = "--min" in sys.argv
b = json.load(open([a for a in sys.argv[1:] if a != "--min"][0]))["benchmarks"]
med = {x["name"].split("/")[0]: x for x in b if x["name"].endswith("/uniform/4096_median")}
if use_min:  # min over the repetitions, max_ulp from the median entry
    for x in b:
        if x["name"].endswith("/uniform/4096") and x.get("run_type") == "iteration":
            m = med.get(x["name"].split("/")[0])
            if m and x["ns_per_element"] < m["ns_per_element"]:
                med[x["name"].split("/")[0]] = dict(m, ns_per_element=x["ns_per_element"])
acts = ["sigmoid", "swish", "silu", "tanh", "elu", "selu", "softplus", "softsign", "mish", "gelu", "gelu_tanh"]
cols = [("u1 avx512", "u1.avx512"), ("u4 avx512", "u4.avx512"), ("approx avx512", "approx.avx512"),
        ("u4 avx2", "u4.avx2"), ("approx avx2", "approx.avx2"), ("SLEEF u10", "sleef_u10.avx512"),
        ("SLEEF u35", "sleef_u35.avx512"), ("libm", "libm.scalar")]
def ns(a, k):
    x = med.get(f"{a}.{k}")
    return x["ns_per_element"] if x else None
def cell(a, k):
    x = med.get(f"{a}.{k}")
    return f"{x['ns_per_element']:.3f} ({x['max_ulp']:.4g})" if x else "-"
print("| activation | " + " | ".join(c for c, _ in cols) + " | u1 x SLEEF u10 | slowest tier x libm | avx2/avx512 approx |")
print("|---|" + "--:|" * (len(cols) + 3))
for a in acts:
    tiers = [ns(a, f"{t}.avx512") for t in ("u1", "u4", "approx") if ns(a, f"{t}.avx512")]
    s, l = ns(a, "sleef_u10.avx512"), ns(a, "libm.scalar")
    u1 = ns(a, "u1.avx512")
    r1 = f"{s / u1:.2f}" if s and u1 else "-"
    rl = f"{l / max(tiers):.1f}" if l and tiers else "-"
    aa = ns(a, "approx.avx2"), ns(a, "approx.avx512")
    ra = f"{aa[0] / aa[1]:.2f}" if all(aa) else "-"
    print(f"| {a} | " + " | ".join(cell(a, k) for _, k in cols) + f" | {r1} | {rl} | {ra} |")
