#!/usr/bin/env bash
# The main job on an embedded default: installs what is missing, builds,
# installs, starts a throwaway cluster, loads the bundled demo data and
# prints what a bureau came for.  Nothing is left behind.
set -euo pipefail
cd "$(dirname "$0")/../.."

FR_NO_FUZZ=1 bash test/harness/deps.sh
make -s -j2 >/dev/null
chmod -R a+rX test/demo 2>/dev/null || true
bash test/harness/pgenv.sh bash -c '
  set -e
  createdb frontrunner_demo
  psql -X -q -v ON_ERROR_STOP=1 -d frontrunner_demo -c "CREATE EXTENSION frontrunner"
  for f in test/demo/[0-9]*.sql; do
    psql -X -q -v ON_ERROR_STOP=1 -P pager=off -d frontrunner_demo -f "$f"
  done
'
