#!/usr/bin/env bash
# Runs debian/tests/ as autopkgtest would on a testbed where the package is
# installed already (matrix.sh: a clean chroot): for each stanza of
# debian/tests/control, its Depends installed with apt ("@", the package
# itself, is there), then each of its Tests from the source tree, with
# AUTOPKGTEST_TMP; without "Restrictions: allow-stderr" a test that writes
# to stderr fails, as there.  Prints "ok N - <test>" / "not ok N - <test>".
#
#   bash test/harness/autopkgtest.sh [source tree]
set -uo pipefail
cd "${1:-$(dirname "$0")/../..}"
export DEBIAN_FRONTEND=noninteractive

# the stanzas as "tests|depends|restrictions" lines (continuation lines
# joined, comments dropped)
stanzas=$(awk '
  function flush() { if (t != "") print t "|" d "|" r; t = d = r = ""; field = "" }
  /^#/ { next }
  /^[[:space:]]*$/ { flush(); next }
  /^[[:space:]]/ { v = $0; sub(/^[[:space:]]+/, "", v)
                   if (field == "tests") t = t " " v; else if (field == "depends") d = d " " v
                   else if (field == "restrictions") r = r " " v; next }
  { f = tolower($0); sub(/:.*/, "", f); v = $0; sub(/^[^:]*:[[:space:]]*/, "", v); field = f
    if (f == "tests") t = v; else if (f == "depends") d = v; else if (f == "restrictions") r = v }
  END { flush() }' debian/tests/control)
[ -n "$stanzas" ] || { echo "not ok 1 - debian/tests/control names no test"; exit 1; }

# a port nothing answers on: the testbed shares the host's network
port=$(( 20000 + RANDOM % 20000 ))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
export PGPORT=$port

n=0 failed=0
while IFS='|' read -r tests depends restrictions; do
  deps=$(echo "$depends" | tr ',' '\n' | sed 's/^[[:space:]]*//; s/[[:space:]]*$//' | grep -v '^@$' | grep -v '^$' | xargs)
  if [ -n "$deps" ] && ! apt-get install -y -q $deps > /tmp/autopkgtest-deps.log 2>&1; then
    tail -20 /tmp/autopkgtest-deps.log
    n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - dependencies of $tests: $deps"; continue
  fi
  for t in $tests; do
    n=$((n + 1))
    echo "== autopkgtest $t"
    tmp=$(mktemp -d); err=$(mktemp)
    AUTOPKGTEST_TMP=$tmp "debian/tests/$t" 2> >(tee "$err" >&2)
    rc=$?
    sleep 0.2   # the tee of stderr
    if [ "$rc" = 0 ] && [ -s "$err" ] && [[ " $restrictions " != *" allow-stderr "* ]]; then
      echo "# $t wrote to stderr and does not allow it"; rc=1
    fi
    if [ "$rc" = 0 ]; then echo "ok $n - $t"; else echo "not ok $n - $t (exit $rc)"; failed=$((failed + 1)); fi
    rm -rf "$tmp" "$err"
  done
done <<< "$stanzas"
echo "1..$n"
[ "$failed" = 0 ]
