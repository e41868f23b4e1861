#!/usr/bin/env bash
# Streaming the ranking: time to the first 1000 rows and to the last,
# fetched through a cursor as a reporting job does, for
#   function — DECLARE … CURSOR FOR SELECT * FROM rank_plan('BENCH'): the
#              PL/pgSQL function computes and keeps every row before the
#              first comes back;
#   cursor   — rank_plan_cursor('BENCH'): the same query as a cursor; the
#              ranking is sorted before the first row too, but each row's
#              levels JSON is built as it is fetched and nothing else is kept.
# The data are the ranking benchmark's (test/bench/ranking_data.sql).
#
#   bash test/bench/streaming.sh "20000 100000"
#
# Runs inside a cluster environment (PGHOST/PGPORT/PGUSER set) with the
# extension installed.  Prints STREAM lines, median of FR_BENCH_ROUNDS.
set -euo pipefail
scales=${1:-"20000 100000"}
rounds=${FR_BENCH_ROUNDS:-3}
here="$(cd "$(dirname "$0")" && pwd)"
db=frontrunner_bench_streaming
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT
median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# "first total" seconds of one way, in a fresh session
one() {
  psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" <<SQL | tail -1
SET search_path = frontrunner, public;
SET work_mem = '64MB';
SET client_min_messages = warning;
BEGIN;
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
$( if [ "$1" = function ]; then echo "DECLARE ranks NO SCROLL CURSOR FOR SELECT * FROM rank_plan('BENCH');"
   else echo "SELECT rank_plan_cursor('BENCH', 'ranks') \\g /dev/null"; fi )
\o /dev/null
FETCH 1000 FROM ranks;
\o
SELECT extract(epoch FROM clock_timestamp()) AS t1 \gset
\o /dev/null
FETCH ALL FROM ranks;
\o
SELECT round((:t1 - :t0)::numeric, 3) || ' ' || round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 3);
COMMIT;
SQL
}

for scale in $scales; do
  dropdb --if-exists "$db" >/dev/null 2>&1
  createdb "$db"
  psql -X -q -v ON_ERROR_STOP=1 -v scale="$scale" -d "$db" -f "$here/ranking_data.sql" >/dev/null
  for way in function cursor; do
    one "$way" >/dev/null   # warm-up
    : > /tmp/fr_stream.$$
    for _ in $(seq "$rounds"); do one "$way" >> /tmp/fr_stream.$$; done
    first=$(cut -d' ' -f1 /tmp/fr_stream.$$ | median)
    total=$(cut -d' ' -f2 /tmp/fr_stream.$$ | median)
    echo "STREAM case=rank_plan_$way rows=$scale first_1000_s=$first total_s=$total"
  done
  rm -f /tmp/fr_stream.$$
done
