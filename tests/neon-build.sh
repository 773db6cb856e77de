# The NEON cross build, shared by tests/neon.sh (make check) and
# tests/neon-accuracy.sh (sourced; POSIX sh).  It lives in
# $abs_top_builddir/neon-aarch64: src/ a copy made by 'make distdir', build/
# configured with --host=aarch64-linux-gnu --disable-tools (the target has no
# MPFR, jansson or Google Benchmark).  Re-runs rebuild only what changed.
#
# Environment (tests/local.mk): abs_top_builddir MAKE QEMU_AARCH64 AARCH64_CC;
# QEMU_LD_PREFIX (the aarch64 sysroot, default /usr/aarch64-linux-gnu).
# Sets neon_x (the folder), neon_log, neon_run_qemu (a command prefix that
# runs a program of the cross build under qemu-aarch64).

neon_x=$abs_top_builddir/neon-aarch64
neon_log=$neon_x/build.log
neon_sysroot=${QEMU_LD_PREFIX:-/usr/aarch64-linux-gnu}
neon_run_qemu="$neon_x/build/libtool --mode=execute $QEMU_AARCH64 -L $neon_sysroot"

# neon_missing: prints why the cross build cannot run here (status 1), or
# nothing (status 0).
neon_missing() {
  if ! { [ -n "$AARCH64_CC" ] && command -v "$AARCH64_CC" >/dev/null 2>&1; }; then
    echo "aarch64-linux-gnu-gcc not found (Debian: apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross; then re-run configure)"
  elif ! { [ -n "$QEMU_AARCH64" ] && [ -x "$QEMU_AARCH64" ]; }; then
    echo "qemu-aarch64 not found (Debian: apt-get install qemu-user; then re-run configure)"
  elif [ ! -d "$neon_sysroot/lib" ]; then
    echo "no aarch64 sysroot at $neon_sysroot (Debian: libc6-dev-arm64-cross; or set QEMU_LD_PREFIX)"
  else
    return 0
  fi
  return 1
}

neon_show_log() { tail -n 40 "$neon_log" | sed 's/^/# /'; }

# 1. A clean copy of the sources: the tree we run in may be configured in
#    place, which rules out a VPATH build from it.  distdir keeps time stamps,
#    so an existing cross build only rebuilds what changed.
neon_copy() {
  mkdir -p "$neon_x" || return 99
  : > "$neon_log"
  # The inner makes are our own, not jobs of the make that runs this.
  (unset MAKEFLAGS MFLAGS MAKELEVEL DESTDIR; ${MAKE:-make} -C "$abs_top_builddir" distdir distdir="$neon_x/src") >> "$neon_log" 2>&1
}

# 2. Configure once.
neon_configure() {
  [ -f "$neon_x/build/Makefile" ] && return 0
  rm -rf "$neon_x/build"
  mkdir -p "$neon_x/build"
  (cd "$neon_x/build" && "$neon_x/src/configure" --host=aarch64-linux-gnu --disable-tools CC="$AARCH64_CC" CFLAGS=-O2) >> "$neon_log" 2>&1 && return 0
  rm -f "$neon_x/build/Makefile"
  return 1
}

# 3. Build the library and tools, then the given check programs (in a second
#    make: one parallel make of 'all' and a check program races on libtool
#    objects).
neon_make() {
  (unset MAKEFLAGS MFLAGS MAKELEVEL DESTDIR; ${MAKE:-make} -C "$neon_x/build" -j2 all &&
    { [ $# -eq 0 ] || ${MAKE:-make} -C "$neon_x/build" "$@"; }) >> "$neon_log" 2>&1
}
