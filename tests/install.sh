#!/bin/sh
# Install into a scratch DESTDIR and use the result as a user would: the
# files are in place, 'pkg-config --cflags --libs simdact' builds a program
# against the shared library and 'pkg-config --static' one against the static
# library, both run and compute relu right, and the installed CLI runs.
#
# Environment (tests/local.mk): abs_top_srcdir abs_top_builddir MAKE CC
# CFLAGS (the build's: a sanitized build links its runtime) cross_compiling
# prefix exec_prefix libdir includedir bindir.
. "$abs_top_srcdir/tests/tap.sh"
b=$abs_top_builddir

[ "$cross_compiling" = yes ] && tap_skip_all "cross build: the installed programs do not run here"
command -v pkg-config >/dev/null 2>&1 || tap_skip_all "pkg-config not found"

unset MAKEFLAGS MFLAGS MAKELEVEL SIMDACT_ISA
MAKE=${MAKE:-make}
d=$(mktemp -d "${TMPDIR:-/tmp}/simdact-install.XXXXXX") || exit 99
trap 'rm -rf "$d"' EXIT

$MAKE -C "$b" install DESTDIR="$d/root" > "$d/install.log" 2>&1
st=$?
[ $st -eq 0 ] || tail -n 20 "$d/install.log" | sed 's/^/# /'
tap_ok $st "make install DESTDIR=..."

L=$d/root$libdir
for f in "$L/libsimdact.so" "$L/libsimdact.a" "$d/root$includedir/simdact.h" \
         "$d/root$includedir/simdact_kernels.h" "$L/pkgconfig/simdact.pc" \
         $(test -f "$b/simdact" && echo "$d/root$bindir/simdact"); do
  test -f "$f"
  tap_ok $? "installed ${f#"$d/root"}"
done
# The convenience libraries are inside libsimdact, not installed beside it.
test -z "$(ls "$L" | grep libsimd_)"
tap_ok $? "no per-ISA convenience library installed"

cat > "$d/use.c" <<'EOF'
#include <simdact.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  float x[5] = {-2.0f, -0.0f, 0.5f, 3.0f, -1e-40f}, y[5];
  if (simdact_relu_exact(x, y, 5, NULL) != SIMDACT_OK) return 1;
  for (int i = 0; i < 5; i++) {
    float want = x[i] > 0.0f ? x[i] : 0.0f;
    if (memcmp(&y[i], &want, sizeof want) != 0) return 2;
  }
  printf("%s %s %d\n", simdact_version(), simdact_isa_active(), SIMDACT_VERSION);
  return simdact_kernel_count() > 0 ? 0 : 3;
}
EOF

pc() { PKG_CONFIG_PATH=$L/pkgconfig PKG_CONFIG_SYSROOT_DIR=$d/root pkg-config "$@"; }
pc --exists simdact
tap_ok $? "pkg-config finds simdact ($(pc --modversion simdact 2>&1))"

# Shared
flags="$(pc --cflags --libs simdact)"
${CC:-cc} $CFLAGS -o "$d/use" "$d/use.c" $flags > "$d/cc.log" 2>&1
st=$?
[ $st -eq 0 ] || sed 's/^/# /' "$d/cc.log"
tap_ok $st "cc use.c \$(pkg-config --cflags --libs simdact): $flags"
out=$(LD_LIBRARY_PATH=$L "$d/use" 2>&1)
st=$?
tap_ok $st "the program runs against the installed shared library: $out"
LD_LIBRARY_PATH=$L ldd "$d/use" 2>/dev/null | grep -q "$L/libsimdact.so"
tap_ok $? "it loaded the installed libsimdact.so"

# Static
${CC:-cc} $CFLAGS -o "$d/use-static" "$d/use.c" $(pc --cflags simdact) "$L/libsimdact.a" \
  $(pc --static --libs-only-l simdact | sed 's/-lsimdact//') > "$d/cc.log" 2>&1
st=$?
[ $st -eq 0 ] || sed 's/^/# /' "$d/cc.log"
tap_ok $st "cc use.c libsimdact.a \$(pkg-config --static --libs-only-l simdact)"
out=$("$d/use-static" 2>&1)
tap_ok $? "the statically linked program runs: $out"

[ -f "$b/simdact" ] || { tap_done; exit; } # configure --disable-tools: no CLI
out=$(LD_LIBRARY_PATH=$L "$d/root$bindir/simdact" --version 2>&1)
st=$?
case $out in "simdact "*) ;; *) st=1 ;; esac
tap_ok $st "the installed CLI runs: $out"

tap_done
