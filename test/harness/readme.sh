#!/usr/bin/env bash
# README test: builds the demo database as make demo does (CREATE EXTENSION
# frontrunner, then test/demo/[0-9]*.sql in order), then runs the README's
# checks (test/harness/readme.pl): every sql block as written, in order,
# its output as shown; every repository path it names exists; its lists of
# views, tables, reader views and SQLSTATEs match the extension.  Prints
# TAP lines.  Afterwards the database and the roles the README created are
# dropped.
#
# Runs inside a cluster environment (PGHOST/PGPORT/PGUSER of a superuser,
# e.g. bash test/harness/pgenv.sh bash test/harness/readme.sh, which is
# what make readmecheck runs).
set -uo pipefail
cd "$(dirname "$0")/../.."
db=frontrunner_demo
roles_before=$(psql -X -qAt -d postgres -c "SELECT string_agg(quote_literal(rolname), ',') FROM pg_roles") || exit 1
cleanup() {
  dropdb --if-exists "$db" >/dev/null 2>&1
  for r in $(psql -X -qAt -d postgres -c "SELECT quote_ident(rolname) FROM pg_roles WHERE rolname NOT IN ($roles_before)" 2>/dev/null); do
    psql -X -q -d postgres -c "DROP ROLE $r" >/dev/null 2>&1
  done
}
trap cleanup EXIT
dropdb --if-exists "$db" >/dev/null 2>&1

log=$(mktemp)
(
  createdb "$db" &&
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION frontrunner" &&
  for f in test/demo/[0-9]*.sql; do
    psql -X -q -v ON_ERROR_STOP=1 -P pager=off -d "$db" -f "$f" || exit 1
  done
) > "$log" 2>&1
rc=$?
if [ "$rc" != 0 ]; then
  echo "not ok 1 - the demo database loads (CREATE EXTENSION, test/demo/[0-9]*.sql)"
  sed 's/^/# /' "$log" | tail -30
  rm -f "$log"
  exit 1
fi
rm -f "$log"
echo "ok 1 - the demo database loads (CREATE EXTENSION, test/demo/[0-9]*.sql)"
perl test/harness/readme.pl --db "$db" --first 2 README.md
