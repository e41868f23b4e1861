#!/usr/bin/env bash
# Benchmark comparison (对标) benchmark: the view benchmark_summary over
# SCALE disclosed indicators (published disclosures of the fixture's
# category, three indicators each, four benchmark standards per indicator)
# vs the same aggregation in plain SQL over plain numeric columns (bounds
# converted to the indicator's unit, verdict by numeric comparison of the
# bounds, margin by numeric arithmetic).  Both give the same counts and
# medians (checked before timing).
#
#   bash test/bench/benchmark.sh [SCALE]      (default 100000, at most 1000000)
#
# Runs inside a cluster environment (PGHOST/PGPORT/PGUSER set, e.g. under
# pg_virtualenv) with the extension installed.  Creates and drops its own
# database.  Prints a RESULT line (shared/spec/benchmarks.md).
set -euo pipefail
scale=${1:-100000}
[ -n "$scale" ] || scale=100000
[ "$scale" -le 1000000 ] || scale=1000000
rounds=${FR_BENCH_ROUNDS:-3}
db=frontrunner_bench_benchmark
fixture="$(cd "$(dirname "$0")/.." && pwd)/fixtures/benchmark.sql"
plain="$(cd "$(dirname "$0")" && pwd)/plain_summary.sql"

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
[ -n "${FR_BENCH_KEEP:-}" ] || trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT

psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<SQL >/dev/null
CREATE EXTENSION frontrunner;
SET search_path = frontrunner, public;
\i $fixture
SELECT setseed(0.20260101);

-- published disclosures of three indicators each, loaded without the rule
-- triggers (data generation only); every value respects the mandatory floor
CREATE SCHEMA bench;
CREATE TABLE bench.gen AS
SELECT i,
       -- formaldehyde: ≤ 5.0 … 20.0 mg/kg, one in five written in %
       round((5 + random() * 15)::numeric, 1) AS f,
       i % 5 = 0 AS f_pct,
       -- pH: a range inside 4.0 ~ 7.5
       round((4 + random() * 1.5)::numeric, 1) AS ph_lo,
       round((6.5 + random() * 1)::numeric, 1) AS ph_hi,
       -- colour fastness: ≥ 3.5, 4, 4.5 or 5 级
       (3.5 + 0.5 * floor(random() * 4))::numeric(2,1) AS g
FROM generate_series(1, ($scale + 2) / 3) i;
SET session_replication_role = replica;
INSERT INTO disclosure (enterprise, category, product, standard, status, published_at, below_recommended_statement)
SELECT '91110108558521630L', 'textile-a', 'bench ' || i,
       ('Q/BJSL ' || lpad((i % 9000 + 1)::text, 4, '0') || 'S-2024')::stdcode,
       'published', now(), 'bench'
FROM bench.gen ORDER BY i;
CREATE TABLE bench.map AS
SELECT g.*, d.id FROM bench.gen g JOIN disclosure d ON d.product = 'bench ' || g.i;
-- (triggers off: the tenant column is written too)
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method, enterprise)
SELECT id, 'formaldehyde',
       (CASE WHEN f_pct THEN '≤ ' || trim_scale(f / 10000)::text || ' %' ELSE '≤ ' || f::text || ' mg/kg' END)::indicator,
       'GB/T 2912.1-2009', '91110108558521630L'
FROM bench.map
UNION ALL SELECT id, 'ph', (ph_lo::text || ' ~ ' || ph_hi::text)::indicator, 'GB/T 7573-2009', '91110108558521630L' FROM bench.map
UNION ALL SELECT id, 'fastness_water', ('≥ ' || g::text || ' 级')::indicator, 'GB/T 5713-2013', '91110108558521630L' FROM bench.map;
RESET session_replication_role;

-- the baseline's plain tables and view (bounds as numeric in the
-- indicator's unit): test/bench/plain_summary.sql
\i $plain

CREATE FUNCTION bench.timed(q text) RETURNS numeric LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz;
BEGIN
  t0 := clock_timestamp();
  EXECUTE q;
  RETURN extract(epoch FROM clock_timestamp() - t0);
END \$\$;
SQL

settings="SET max_parallel_workers_per_gather = 0; SET jit = off; SET work_mem = '256MB';"
ours_q="SELECT count(*), sum(compared), sum(stricter), sum(median_margin) FROM frontrunner.benchmark_summary"
base_q="SELECT count(*), sum(compared), sum(stricter), sum(median_margin) FROM bench.plain_summary"

# the two agree, row for row (margins compared rounded to 12 decimals: the
# plain division keeps numeric's default scale, margin() trims it)
diff=$(psql -X -qAt -v ON_ERROR_STOP=1 -d "$db" -c "$settings" -c "
  SELECT count(*) FROM (
    (SELECT category, indicator, standard, compared, stricter, equal, looser, other, share_at_least_as_strict,
            round(median_margin, 12) FROM frontrunner.benchmark_summary
     EXCEPT ALL
     SELECT category, indicator, standard, compared, stricter, equal, looser, other, share_at_least_as_strict,
            round(median_margin, 12) FROM bench.plain_summary)
    UNION ALL
    (SELECT category, indicator, standard, compared, stricter, equal, looser, other, share_at_least_as_strict,
            round(median_margin, 12) FROM bench.plain_summary
     EXCEPT ALL
     SELECT category, indicator, standard, compared, stricter, equal, looser, other, share_at_least_as_strict,
            round(median_margin, 12) FROM frontrunner.benchmark_summary)) x")
if [ "$diff" != 0 ]; then
  echo "benchmark bench: benchmark_summary and the plain baseline differ on $diff rows" >&2
  exit 1
fi
rows=$(psql -X -qAt -d "$db" -c "SELECT count(*) FROM frontrunner.disclosed_indicator i JOIN frontrunner.disclosure d ON d.id = i.disclosure WHERE d.status = 'published'")

run() { # query -> seconds
  psql -X -qAt -v ON_ERROR_STOP=1 -d "$db" -c "$settings" -c "SELECT bench.timed(\$q\$$1\$q\$)"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

run "$ours_q" >/dev/null; run "$base_q" >/dev/null        # warm-up
ours=(); base=()
for ((r = 0; r < rounds; r++)); do
  ours+=("$(run "$ours_q")"); base+=("$(run "$base_q")")
done
o=$(printf '%s\n' "${ours[@]}" | median)
b=$(printf '%s\n' "${base[@]}" | median)
awk -v n="$rows" -v o="$o" -v b="$b" 'BEGIN {
  printf "RESULT case=benchmark_summary rows=%d ours_s=%.3f base=plain_numeric_sql base_s=%.3f ratio=%.2f\n", n, o, b, o / b
}'
