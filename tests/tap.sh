# TAP for the shell tests (sourced; POSIX sh).  Each check is one test point,
# tap_done prints the plan.  tap_relay folds the TAP of a program run inside
# this test (under qemu, in a cross build) into this test's own numbering, so
# every inner result counts on its own.

tap_n=0
tap_failed=0

# tap_ok STATUS DESCRIPTION...: STATUS 0 passes.
tap_ok() {
  tap_status=$1
  shift
  tap_n=$((tap_n + 1))
  if [ "$tap_status" -eq 0 ]; then
    echo "ok $tap_n - $*"
  else
    echo "not ok $tap_n - $*"
    tap_failed=$((tap_failed + 1))
  fi
}

tap_diag() { echo "# $*"; }

# tap_skip_all REASON: the whole test is skipped.
tap_skip_all() {
  echo "1..0 # SKIP $*"
  exit 0
}

tap_done() {
  echo "1..$tap_n"
  [ "$tap_failed" -eq 0 ]
}

# tap_relay PREFIX FILE STATUS: FILE holds the TAP output of a program that
# exited with STATUS.  Its test points are renumbered and prefixed; a missing
# or wrong plan, no test points, or a non-zero status add a failing point.
tap_relay() {
  tap_prefix=$1
  tap_file=$2
  tap_rc=$3
  awk -v n="$tap_n" -v prefix="$tap_prefix" '
    /^(not )?ok([ \t]|$)/ {
      inner++
      notok = ($0 ~ /^not ok/)
      if (notok && $0 !~ /#[ \t]*[Tt][Oo][Dd][Oo]/) fails++
      line = $0
      sub(/^(not )?ok[ \t]*[0-9]*[ \t]*(-[ \t]*)?/, "", line)
      printf "%sok %d - %s: %s\n", notok ? "not " : "", ++n, prefix, line
      next
    }
    /^Bail out!/ { fails++; printf "not ok %d - %s: %s\n", ++n, prefix, $0; next }
    /^1\.\.[0-9]+/ {
      planned = 1; plan = substr($1, 4) + 0
      if ($0 ~ /#[ \t]*[Ss][Kk][Ii][Pp]/) { skip = $0; sub(/^[^#]*#[ \t]*[Ss][Kk][Ii][Pp][ \t]*/, "", skip) }
      next
    }
    /^#/ { print; next }
    NF { print "# " prefix ": " $0 }
    END {
      if (planned && plan == 0 && inner == 0) printf "ok %d - %s # SKIP %s\n", ++n, prefix, skip
      else if (!planned || plan != inner || inner == 0) {
        fails++
        printf "not ok %d - %s: plan (%s) does not match the %d test points\n", ++n, prefix, planned ? plan : "none", inner
      }
      printf "%d %d\n", n, fails
    }' "$tap_file" > "$tap_file.relay"
  sed '$d' "$tap_file.relay"
  set -- $(tail -n 1 "$tap_file.relay")
  tap_n=$1
  tap_failed=$((tap_failed + $2))
  rm -f "$tap_file.relay"
  [ "$tap_rc" -eq 0 ] || tap_ok 1 "$tap_prefix: exited with status $tap_rc"
}
