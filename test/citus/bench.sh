#!/usr/bin/env bash
# The ranking and the benchmark comparison on the Citus cluster beside one
# node, on the same data (README "Scaling out"):
#
#   bash test/citus/bench.sh [SCALE]     (after make; default 20000)
#
# On a private 3-node cluster (test/citus/citusenv.sh) two databases get the
# same generated data: "postgres" the registry distributed by
# citus_distribute(), "frontrunner_one" the registry on one node (no citus
# extension there).  The data: test/bench/ranking_data.sql (SCALE published
# disclosures of SCALE/4 enterprises × 5 core indicators, plan BENCH) and
# test/fixtures/benchmark.sql's standards with SCALE published textile
# disclosures × 3 indicators of SCALE/4 other enterprises, loaded without the
# rule triggers (generated data, every row what the rules accept).  Checks
# that rank_plan('BENCH') and benchmark_summary answer the same on both, then
# times each (median of FR_BENCH_ROUNDS, default 3) and prints RESULT lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${CITUS_WORK:-}" ]; then
  exec bash test/citus/citusenv.sh bash test/citus/bench.sh "$@"
fi
scale=${1:-20000}
rounds=${FR_BENCH_ROUNDS:-3}
citus=postgres
one=frontrunner_one
q() { psql -X -qAt -v ON_ERROR_STOP=1 "$@"; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# generated rows go in without the rule triggers: on the cluster the setting
# travels to the shards' connections with the transaction (SET LOCAL)
without_rules() {
  sed -e '/^CREATE EXTENSION frontrunner;$/d' \
      -e 's/^SET session_replication_role = replica;$/BEGIN; SET LOCAL citus.multi_shard_modify_mode = sequential; SET LOCAL citus.propagate_set_commands = local; SET LOCAL session_replication_role = replica;/' \
      -e 's/^SET session_replication_role = origin;$/COMMIT;/' "$1" |
  # (the lateral VALUES per disclosure over the disclosures read first: Citus
  # pushes no lateral VALUES down to the shards)
  perl -0pe 's/FROM disclosure d\nCROSS JOIN LATERAL \(VALUES/FROM (WITH x AS MATERIALIZED (SELECT * FROM disclosure) SELECT * FROM x) d\nCROSS JOIN LATERAL (VALUES/'
}

createdb "$one"
for db in "$citus" "$one"; do
  t0=$(date +%s)
  q -d "$db" -c "CREATE EXTENSION frontrunner"
  [ "$db" = "$citus" ] && q -d "$db" -c "SELECT count(*) FROM frontrunner.citus_distribute()" >/dev/null
  without_rules test/bench/ranking_data.sql | q -d "$db" -v scale="$scale" >/dev/null
  q -d "$db" -v scale="$scale" >/dev/null <<SQL
SET search_path = frontrunner, public;
\i test/fixtures/benchmark.sql
INSERT INTO enterprise (uscc, name)
SELECT uscc_complete('91110000MB' || lpad(i::text, 7, '0')), '纺织企业' || i
FROM generate_series(1, greatest(:scale / 4, 1)) i;
CREATE TABLE bench.tex AS
SELECT row_number() OVER (ORDER BY uscc) - 1 AS n, uscc FROM enterprise WHERE name LIKE '纺织企业%';
BEGIN;
SET LOCAL citus.multi_shard_modify_mode = sequential;
SET LOCAL citus.propagate_set_commands = local;
SET LOCAL session_replication_role = replica;
INSERT INTO disclosure (enterprise, category, product, standard, status, published_at, below_recommended_statement)
SELECT e.uscc, 'textile-a', 'textile ' || i, ('Q/BJSL ' || lpad((i % 9000 + 1)::text, 4, '0') || 'S-2024')::stdcode,
       'published', now(), 'bench'
FROM generate_series(1, :scale) i JOIN bench.tex e ON e.n = i % greatest(:scale / 4, 1);
INSERT INTO disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
SELECT d.enterprise, d.id, v.k, v.r::indicator, v.m::stdcode
FROM (WITH x AS MATERIALIZED (SELECT * FROM disclosure WHERE category = 'textile-a' AND product LIKE 'textile %') SELECT * FROM x) d
CROSS JOIN LATERAL (VALUES
  ('formaldehyde', '≤ ' || round(5 + bench.u(d.id, 11) * 15, 1) || ' mg/kg', 'GB/T 2912.1-2009'),
  ('ph', round(4 + bench.u(d.id, 12) * 1.5, 1) || ' ~ ' || round(6.5 + bench.u(d.id, 13), 1), 'GB/T 7573-2009'),
  ('fastness_water', '≥ ' || (3.5 + 0.5 * floor(bench.u(d.id, 14) * 4)) || ' 级', 'GB/T 5713-2013')) v(k, r, m);
COMMIT;
VACUUM ANALYZE;
SQL
  echo "# $db: loaded in $(( $(date +%s) - t0 )) s ($(q -d "$db" -c "SELECT count(*) FROM frontrunner.disclosure") disclosures, $(q -d "$db" -c "SELECT count(*) FROM frontrunner.disclosed_indicator") indicators)"
done

rc=0
for case in "rank_plan|SELECT * FROM frontrunner.rank_plan('BENCH') ORDER BY rank" \
            "benchmark_summary|SELECT * FROM frontrunner.benchmark_summary ORDER BY 1, 2, 3"; do
  name=${case%%|*}; sql=${case#*|}
  a=$(q -d "$citus" -c "SELECT md5(string_agg(x::text, E'\n')), count(*) FROM ($sql) x")
  b=$(q -d "$one" -c "SELECT md5(string_agg(x::text, E'\n')), count(*) FROM ($sql) x")
  if [ "$a" = "$b" ]; then echo "ok - $name: the same rows on both (${a#*|})"; else echo "not ok - $name: cluster $a, one node $b"; rc=1; fi
  for db in "$citus" "$one"; do
    t=$(for r in $(seq "$rounds"); do
          q -d "$db" <<SQL | tail -1
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
\o /dev/null
SELECT count(*) FROM ($sql) x;
\o
SELECT round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 3);
SQL
        done | median)
    echo "RESULT case=$name scale=$scale db=$([ "$db" = "$citus" ] && echo citus-3-nodes || echo one-node) seconds=$t"
  done
done
exit $rc
