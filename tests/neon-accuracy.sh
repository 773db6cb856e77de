#!/bin/sh
# NEON accuracy under qemu-aarch64 ('make check-neon-accuracy'): the NEON
# kernels of the cross build (tests/neon-build.sh) over the 'accuracy' input
# set of tests/kernel_dump.h (tail and branch regions densely, every 509th bit
# pattern of all 2^32, every 61st for the exact tier), scored by this build's
# tests/kernel_check against reference/ and compared bit for bit with the x86
# kernels of this machine.  Writes neon-accuracy.md and neon-accuracy.json to
# $NEON_ACCURACY_DIR (default results/neon-qemu in the source tree: qemu's
# floating point is the same on every host).  About 3 CPU-minutes of qemu and
# 1 of this machine.  Exit status: 0 when every kernel keeps its bound.
#
# The kernels whose code (the kernel function and every function it calls in
# the library) holds a reciprocal or square-root estimate instruction
# (FRECPE, FRECPS, FRSQRTE, FRSQRTS, FRECPX) are found in the disassembly:
# for them, equality with an x86 ISA on the sample does not carry that ISA's
# exhaustive scan over (the estimates differ between ISAs).
#
# Environment (tests/local.mk): abs_top_srcdir abs_top_builddir MAKE
# QEMU_AARCH64 AARCH64_CC; QEMU_LD_PREFIX; NEON_ACCURACY_DIR;
# NEON_ACCURACY_SET (default accuracy; 'check' is the seconds-long set of
# make check-neon, to try this script out).
. "$abs_top_srcdir/tests/neon-build.sh"

die() { echo "neon-accuracy: $*" >&2; exit 1; }
why=$(neon_missing) || die "$why"
out=${NEON_ACCURACY_DIR:-$abs_top_srcdir/results/neon-qemu}
mkdir -p "$out" || die "cannot create $out"
checker=$abs_top_builddir/tests/kernel_check
[ -x "$checker" ] || die "no $checker (configure without --disable-tools, then make tests/kernel_check)"

echo "neon-accuracy: cross build in $neon_x (log: $neon_log)"
neon_copy && neon_configure && neon_make tests/kernel_dump || { neon_show_log; die "the cross build failed"; }
lib=$(ls "$neon_x/build/.libs/libsimdact.so."*.*.* 2>/dev/null | head -n 1)
[ -n "$lib" ] || die "no libsimdact.so in the cross build"

# Kernels using estimate instructions: functions by address, their calls and
# tail calls (bl/b to another function's start), closed transitively.
objdump=${AARCH64_CC%gcc}objdump
est=$neon_x/estimates.txt
"$objdump" -d --no-show-raw-insn "$lib" | awk '
  /^[0-9a-f]+ <[^>]+>:$/ {
    f = $1; sub(/^0+/, "", f); name[f] = substr($2, 2, length($2) - 3); next
  }
  /^ *[0-9a-f]+:\t/ && f != "" {
    split($0, p, "\t"); op = p[2]
    if (op ~ /^(frecpe|frecps|frsqrte|frsqrts|frecpx)$/) est[f] = 1
    if ((op == "bl" || op == "b") && p[3] ~ /^[0-9a-f]+ <[^+>]+>$/) {
      t = p[3]; sub(/ .*/, "", t); sub(/^0+/, "", t); calls[f] = calls[f] " " t
    }
  }
  function uses(g,   n, c, i) {
    if (g in seen) return seen[g]
    seen[g] = est[g] + 0
    n = split(calls[g], c, " ")
    for (i = 1; i <= n; i++) if (uses(c[i])) seen[g] = 1
    return seen[g]
  }
  END {
    for (g in name) {
      s = name[g]
      if (s !~ /^simdact_.*_(exact|u1|u4|approx)_(neon|scalar)$/) continue
      if (!uses(g)) continue
      n = split(s, w, "_"); act = w[2]
      for (i = 3; i < n - 1; i++) act = act "_" w[i]
      print act "." w[n - 1] "." w[n]
    }
  }' | sort > "$est" || die "disassembly failed"
echo "neon-accuracy: $(grep -c '\.neon$' "$est") NEON kernels use estimate instructions"

# The source revision, taken before the reports change (changes under
# results/ do not make it dirty).
rev=$(cd "$abs_top_srcdir" && git rev-parse --short HEAD 2>/dev/null) || rev=unknown
[ "$rev" = unknown ] || [ -z "$(cd "$abs_top_srcdir" && git status --porcelain --untracked-files=no -- . ':!results' 2>/dev/null)" ] ||
  rev="$rev-dirty"
t0=$(date +%s)
rcf=$neon_x/accuracy.rc
(cd "$neon_x/build" && { $neon_run_qemu tests/kernel_dump neon --set "${NEON_ACCURACY_SET:-accuracy}"; echo $? > "$rcf"; }) |
  (cd "$abs_top_builddir" && ./libtool --mode=execute tests/kernel_check --md "$out/neon-accuracy.md" \
     --json "$out/neon-accuracy.json" --estimates "$est" \
     --title "NEON kernels under qemu-aarch64: sampled accuracy and bit equality with x86") > "$neon_x/accuracy.tap"
st=$?
t1=$(date +%s)
dump_rc=$(cat "$rcf" 2>/dev/null || echo 1)
grep -v '^ok' "$neon_x/accuracy.tap"
qemu_cpu=$(awk -F'"qemu_cpu_s": ' 'NF > 1 { s += $2 + 0 } END { printf "%.0f", s }' "$out/neon-accuracy.json")
{
  echo
  echo "## Provenance"
  echo
  echo "- command: \`make check-neon-accuracy\` (tests/neon-accuracy.sh)"
  echo "- source: $rev"
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), $((t1 - t0)) s wall, $qemu_cpu s of qemu CPU in the kernels"
  echo "- NEON build: $("$AARCH64_CC" --version | head -n 1), CFLAGS=-O2, $(basename "$lib")"
  echo "- emulator: $("$QEMU_AARCH64" --version | head -n 1)"
  echo "- x86 twins: this build's kernels on $(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')"
  echo "- kernels with estimate instructions (from the disassembly): $(grep '\.neon$' "$est" | tr '\n' ' ')"
} >> "$out/neon-accuracy.md"
echo "neon-accuracy: $out/neon-accuracy.md, $((t1 - t0)) s"
[ "$dump_rc" -eq 0 ] || die "tests/kernel_dump failed under qemu (status $dump_rc)"
[ $st -eq 0 ] || die "a NEON kernel misses its bound (see above)"
