#!/usr/bin/env bash
# make load: the registry under concurrent writers.  pgbench runs the
# scripts of test/reliability/load/ (disclose, publish, supersede, spot
# check, rank, publish_ranking: each writes through the rules, as a client
# does) with FR_LOAD_CLIENTS clients (16) for FR_LOAD_SECONDS seconds
# (short mode 15, FR_LONG=1: 600), --max-tries 100 (serialization failures
# and deadlocks retried); each client notes every transaction the server
# acknowledged (a line after its COMMIT returned).  Then the invariants
# (load/invariants.sql: one current version per chain, no published row
# changed, every conforms right, no failed leader unrevoked, every
# acknowledged transaction present, nothing half-written).  Prints TAP and
# the figures (transactions and retries per script, throughput); runs
# inside a cluster environment of pgenv.sh (make load sets one up; make
# test runs it in the suite's).
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/reliability/tap.sh
here=test/reliability
db=frontrunner_load
clients=${FR_LOAD_CLIENTS:-16}
secs=${FR_LOAD_SECONDS:-15}
[ "${FR_LONG:-0}" = 1 ] && secs=${FR_LOAD_SECONDS:-600}
export FR_ACK
FR_ACK=$(mktemp /tmp/frontrunner-ack.XXXXXX)
out=$(mktemp)
chmod 666 "$FR_ACK"
trap 'rm -f "$FR_ACK" "$out"; dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db" || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION frontrunner" -f "$here/load/setup.sql" >/dev/null
check $? "the load fixture: 64 enterprises with a published disclosure each, plan LD and its first list"
start=$(date +%s)
pgbench -n -c "$clients" -j 2 -T "$secs" --max-tries=100 \
  -f "$here/load/disclose.sql@30" -f "$here/load/publish.sql@25" -f "$here/load/supersede.sql@15" \
  -f "$here/load/spot_check.sql@15" -f "$here/load/rank.sql@10" -f "$here/load/publish_ranking.sql@5" "$db" > "$out" 2>&1
rc=$?
check "$rc" "pgbench: $clients clients for ${secs} s, no client aborted (exit status $rc)"
[ "$rc" = 0 ] || tail -30 "$out"
# the figures: totals, then per script (transactions, failed after every
# retry, retried)
grep -E '^(number of (transactions actually processed|failed transactions|transactions retried)|total number of retries|tps = )' "$out" |
  sed -E 's/ \(without initial connection time\)//; s/^/# /'
awk '/^SQL script [0-9]+:/ { name = $4; sub(/.*\//, "", name) }
     name && / - [0-9]+ transactions/ { tx = $2 }
     name && / - number of failed transactions:/ { failed = $6 }
     name && / - number of transactions retried:/ { retried = $6; printf "#   %-20s %6s transactions, %s failed, %s retried\n", name, tx, failed, retried; name = "" }' "$out"
echo "# load: $(( $(date +%s) - start )) s"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE TABLE load.ack (line text)" -c "\\copy load.ack FROM '$FR_ACK'"
psql -X -qAt -v ON_ERROR_STOP=1 -d "$db" -f "$here/load/invariants.sql" > "$out" 2>&1
rc=$?
while read -r line; do
  case "$line" in
    "invariant "*": 0") check 0 "${line%: 0}: no violation" ;;
    "invariant "*) check 1 "$line violations" ;;
    *) echo "# $line" ;;
  esac
done < "$out"
check "$rc" "the invariants ran and hold"
tap_done
