#!/usr/bin/env bash
# make sqlsmith: random SQL (Debian's sqlsmith) against the demo database,
# as an unprivileged login (a member of frontrunner_reader only: the public
# views and functions; with no group at all sqlsmith finds no relation to
# query and spins) and as the owner (the superuser), each with a random
# seed: FR_SMITH_QUERIES queries per role (short mode 2,500, so 5,000;
# FR_LONG=1: 50,000, so 100,000), 200 ms per statement.
# Fails on a crash (a server process terminated by a signal), a broken
# connection (sqlsmith's exit status), or an internal error (XX000) raised
# in the extension's C code: the database logs every error with its
# SQLSTATE and source location (log_error_verbosity = verbose), and an
# XX000 whose location is a file of src/ is ours.  XX000s that core raises
# are listed and ignored.  Prints TAP and the figures; runs inside a
# cluster environment of pgenv.sh (make sqlsmith sets one up; make test
# runs it in the suite's).
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/reliability/tap.sh
db=frontrunner_smith
per_role=${FR_SMITH_QUERIES:-2500}
[ "${FR_LONG:-0}" = 1 ] && per_role=${FR_SMITH_QUERIES:-50000}
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db" || exit 1
{
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION frontrunner" &&
  for f in test/demo/[0-9]*.sql; do psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$f" || exit 1; done
} >/dev/null 2>&1
check $? "the demo database loads"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fr_smith') THEN CREATE ROLE fr_smith LOGIN; END IF;
END \$\$;
SELECT count(*) FROM frontrunner.setup_roles();
GRANT frontrunner_reader TO fr_smith;
ALTER ROLE fr_smith IN DATABASE $db SET statement_timeout = '200ms';
ALTER ROLE postgres IN DATABASE $db SET statement_timeout = '200ms';
ALTER DATABASE $db SET log_error_verbosity = verbose;
ALTER DATABASE $db SET log_min_error_statement = panic;
SQL
check $? "an unprivileged login fr_smith (frontrunner_reader) and the owner, 200 ms per statement, errors logged with their location"
logstart=$(wc -l < "$FR_PGLOG")
start=$(date +%s)
total=0
for role in fr_smith postgres; do
  seed=$(( (RANDOM << 15) | RANDOM ))
  out=$(mktemp)
  timeout $(( per_role / 2 + 600 )) sqlsmith --target="host=$PGHOST port=$PGPORT dbname=$db user=$role" \
    --seed="$seed" --max-queries="$per_role" --exclude-catalog > "$out" 2>&1
  rc=$?
  check "$rc" "sqlsmith as $role: $per_role queries (seed $seed), no broken connection (exit status $rc)"
  [ "$rc" = 0 ] || tail -20 "$out"
  rm -f "$out"
  total=$((total + per_role))
  pg_isready -q -h "$PGHOST" -p "$PGPORT"
  check $? "the server answers after sqlsmith as $role"
done
secs=$(( $(date +%s) - start ))
log=$(mktemp)
tail -n +"$((logstart + 1))" "$FR_PGLOG" > "$log"
crashes=$(grep -c 'was terminated by signal' "$log")
errors=$(grep -cE '] ERROR:  [0-9A-Z]{5}:' "$log")
ours=$(cd src && ls *.c core/*.c | xargs -n1 basename | paste -sd'|')
# each XX000 and the location of its LOCATION line ("function, file:line"),
# which follows its DETAIL, HINT and CONTEXT lines
awk '/] ERROR:  XX000: / { msg = $0; sub(/.*ERROR:  XX000: /, "", msg); want = 1; next }
     want && /] LOCATION:  / { loc = $0; sub(/.*LOCATION:  /, "", loc); print loc "\t" msg; want = 0; next }
     want && /] [A-Z]+:  / && !/] (DETAIL|HINT|CONTEXT):  / { print "unknown\t" msg; want = 0 }' "$log" > "$log.xx"
ext=$(grep -cE "[ ,](${ours}):[0-9]+" "$log.xx")
core=$(( $(wc -l < "$log.xx") - ext ))
echo "# sqlsmith: $total queries ($per_role per role, 2 roles), ${secs} s; $errors errors; crashes $crashes; internal errors (XX000): $ext in the extension, $core in core"
if [ "$core" != 0 ]; then
  echo "# core's internal errors (ignored), by location:"
  grep -vE "[ ,](${ours}):[0-9]+" "$log.xx" | cut -f1 | sed 's/:[0-9]*$//' | sort | uniq -c | sort -rn | sed 's/^/#   /' | head -20
fi
check "$crashes" "no server process terminated by a signal ($crashes)"
[ "$crashes" = 0 ] || grep -B2 -A8 'was terminated by signal' "$log" | head -60
check "$ext" "no internal error (XX000) raised in the extension ($ext)"
[ "$ext" = 0 ] || grep -E "[ ,](${ours}):[0-9]+" "$log.xx" | sort | uniq -c | head -20
rm -f "$log" "$log.xx"
dropdb --if-exists "$db" >/dev/null 2>&1
tap_done
