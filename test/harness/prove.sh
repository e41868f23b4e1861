#!/usr/bin/env bash
# pgTAP: a fresh database with pgtap and frontrunner, then pg_prove over
# test/*.sql.  Expects PGHOST/PGPORT/PGUSER of a running server with the
# extension installed (make install).  With FR_TAP_FROM=<release> the
# extension is created at that earlier release and updated in place
# (ALTER EXTENSION frontrunner UPDATE) before the tests run: the suite on an
# upgraded database.
set -uo pipefail
cd "$(dirname "$0")/../.."
db=frontrunner_tap
dropdb --if-exists "$db" 2>/dev/null
createdb "$db" || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<SQL || exit 1
CREATE EXTENSION pgtap;
CREATE EXTENSION frontrunner${FR_TAP_FROM:+ VERSION '$FR_TAP_FROM'};
${FR_TAP_FROM:+ALTER EXTENSION frontrunner UPDATE;}
SELECT frontrunner.setup_search_path();
SQL
files=${TAP_FILES:-$(ls test/*.sql 2>/dev/null)}
[ -n "$files" ] || { echo "no pgTAP files"; exit 0; }
pg_prove --verbose --dbname "$db" $files
