#!/usr/bin/env bash
# make crash: the TAP tests of test/crash/ (PostgreSQL::Test::Cluster, as
# core's recovery tests), run by PGXS's prove (make crash-prove) with this
# build's binaries first in PATH — the private installation of pgenv.sh
# (FR_PGBIN), so Cluster finds initdb and the module of this checkout.  As
# root they run as the postgres user (initdb refuses root).  Runs inside a
# cluster environment of pgenv.sh (make crash sets one up; its own cluster
# is not used).
set -uo pipefail
cd "$(dirname "$0")/../.."
testdir=$(mktemp -d /tmp/frontrunner-crash.XXXXXX)
trap 'rm -rf "$testdir"' EXIT
chmod 755 "$testdir"
run=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$testdir"
  run=(runuser -u postgres --)
fi
# PostgreSQL::Test::Utils writes its data and logs below TESTDIR/tmp_check
# on 15; from 16 on it reads TESTDATADIR and TESTLOGDIR instead (which
# PGXS's prove_installcheck sets), else uses ./tmp_check and ./log in the
# checkout, which the postgres user may not write: both given, the same
# directories
"${run[@]}" env PATH="$FR_PGBIN:$PATH" FR_TESTDIR="$testdir" \
  TESTDATADIR="$testdir/tmp_check" TESTLOGDIR="$testdir/tmp_check/log" \
  make -s --no-print-directory crash-prove PROVE_FLAGS=--verbose
rc=$?
if [ "$rc" != 0 ]; then
  for f in "$testdir"/tmp_check/log/regress_log_*; do
    [ -f "$f" ] && { echo "== $(basename "$f") (last 60 lines)"; tail -60 "$f"; }
  done
fi
exit $rc
