#!/usr/bin/env bash
# The whole test suite on a throwaway cluster:
#   dependencies -> build (warnings are errors) -> install -> pg_virtualenv
#   -> pg_regress + pgTAP (+ fuzzers) -> "N passed, N failed".
# Exit status is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.."

bash test/harness/deps.sh || { echo "0 passed, 1 failed"; exit 1; }

# One PostgreSQL installation per machine: builds in other work trees must
# not swap the installed module under a running suite.  The lock's fd is
# closed for the cluster (9>&-) so that a server left behind by a killed run
# cannot hold it.
exec 9>/tmp/frontrunner-install.lock
flock 9

echo "== build"
make -s clean >/dev/null 2>&1
if ! make -s -j2 COPT='-Werror' 2>&1; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi
make -s install >/dev/null || { echo "install failed"; echo "0 passed, 1 failed"; exit 1; }

# the cluster belongs to postgres; let it read the tree
chmod -R a+rX . 2>/dev/null || true
# pg_virtualenv prints the server log after a failure; the totals are
# kept aside and printed last.
export FR_TOTALS
FR_TOTALS=$(mktemp)
pg_virtualenv -t -o 'max_worker_processes=8' bash test/harness/suite.sh 9>&-
rc=$?
totals=$(cat "$FR_TOTALS" 2>/dev/null)
rm -f "$FR_TOTALS"
[ -n "$totals" ] || { totals="0 passed, 1 failed"; rc=1; }
echo "$totals"
exit $rc
