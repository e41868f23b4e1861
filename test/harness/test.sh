#!/usr/bin/env bash
# The whole test suite on a throwaway cluster:
#   dependencies -> build (warnings are errors) -> a private PostgreSQL
#   with this build installed (pgenv.sh) -> pg_regress + pgTAP (+ fuzzers)
#   -> "N passed, N failed".
# Exit status is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.."

bash test/harness/deps.sh || { echo "0 passed, 1 failed"; exit 1; }

echo "== build"
make -s clean >/dev/null 2>&1
if ! make -s -j2 COPT='-Werror' 2>&1; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

# the cluster belongs to postgres; let it read the tree
chmod -R a+rX . 2>/dev/null || true
# The suite runs against a PostgreSQL of its own (test/harness/pgenv.sh:
# a private copy of the installation with this build installed into it),
# so runs in other work trees never swap the module under it.  pgenv.sh
# prints the server log after a failure; the totals are kept aside and
# printed last.
export FR_TOTALS
FR_TOTALS=$(mktemp)
bash test/harness/pgenv.sh -o 'max_worker_processes=8' bash test/harness/suite.sh
rc=$?
totals=$(cat "$FR_TOTALS" 2>/dev/null)
rm -f "$FR_TOTALS"
[ -n "$totals" ] || { totals="0 passed, 1 failed"; rc=1; }
echo "$totals"
exit $rc
