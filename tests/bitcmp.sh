#!/bin/sh
# Bit-identity of kernels between two builds over all 2^32 binary32 inputs: the
# proof a refactor of simd/ changed no output bit.  A dev tool, not part of
# make check (it needs two builds).
#
#   tests/bitcmp.sh OLD_BUILD NEW_BUILD KERNEL...
#
# OLD_BUILD, NEW_BUILD: build directories with .libs/libsimdact.so, e.g. a
# worktree of main before the change (git worktree add --detach ../base main;
# cd ../base && ./bootstrap && make libsimdact.la) and the changed tree.
# KERNEL: a full name (mish.u1.avx2) or a name prefix (mish, sigmoid.u1,
# gelu.) standing for every elementwise kernel with that prefix that
# NEW_BUILD has and this CPU runs (scalar, sse41, avx2, avx512 here); or
# NEW_NAME=OLD_NAME, two full names: with OLD_BUILD = NEW_BUILD, two ISAs of
# one build (tests/bitcmp.sh . . gelu.u1.sse41=gelu.u1.scalar), so that one
# exhaustive scan covers both.
# tests/bitcmp.c (compiled here) loads both libraries in one process and
# compares the outputs of each kernel for every input, default parameters.
# One line per kernel ("identical ..." or "DIFFER ...: N inputs, first ...");
# exit status 1 if any kernel differs.  About 10-60 s per kernel.
#
# Example: tests/bitcmp.sh ../base . mish swish.u1 silu.u1
set -u
[ $# -ge 3 ] || { sed -n '6,18p' "$0" >&2; exit 2; }
src=$(cd "$(dirname "$0")/.." && pwd)
old=$1 new=$2
shift 2
for b in "$old" "$new"; do
  [ -f "$b/.libs/libsimdact.so" ] ||
    { echo "bitcmp: no $b/.libs/libsimdact.so (make -C $b libsimdact.la)" >&2; exit 2; }
done
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# Copies: a rebuild during the run must not swap a library under it.
cp "$old/.libs/libsimdact.so" "$tmp/old.so" && cp "$new/.libs/libsimdact.so" "$tmp/new.so" || exit 2
${CC:-cc} -O2 -std=gnu11 -I"$src/src" "$src/tests/bitcmp.c" -ldl -o "$tmp/bitcmp" || exit 2
"$tmp/bitcmp" "$tmp/old.so" "$tmp/new.so" "$@"
