#!/usr/bin/env bash
# Registry benchmark: publishing SCALE disclosures with 5 indicators each
# through the rule triggers (insert drafts, insert indicators, publish) vs
# plain INSERTs of the same final rows into the same tables with the user
# triggers disabled (foreign keys and CHECKs still on in both).
#
#   bash test/bench/registry.sh [SCALE]      (default 100000)
#
# Runs inside a cluster environment (PGHOST/PGPORT/PGUSER set, e.g. under
# pg_virtualenv) with the extension installed.  Creates and drops its own
# database.  Prints RESULT lines (shared/spec/benchmarks.md) and rows/s.
set -euo pipefail
scale=${1:-100000}
[ -n "$scale" ] || scale=100000
rounds=${FR_BENCH_ROUNDS:-3}
db=frontrunner_bench_registry
fixture="$(cd "$(dirname "$0")/.." && pwd)/fixtures/registry.sql"

dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT

psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<SQL >/dev/null
CREATE EXTENSION frontrunner;
SET search_path = frontrunner, public;
\i $fixture
-- a category of five indicators, all required, with a mandatory and a
-- recommended standard on them
INSERT INTO category VALUES ('bench', 'benchmark category');
INSERT INTO indicator_def (category, key, direction, unit, required) VALUES
  ('bench', 'k1', 'lower_better', 'mg/kg', true), ('bench', 'k2', 'lower_better', 'mg/kg', true),
  ('bench', 'k3', 'higher_better', '%', true), ('bench', 'k4', 'target', NULL, true),
  ('bench', 'k5', 'higher_better', '级', true);
INSERT INTO standard (code, issued_on) VALUES ('GB 99001-2020', '2020-01-01'), ('GB/T 99002-2020', '2020-01-01');
INSERT INTO standard_requirement VALUES
  ('GB 99001-2020', 'bench', 'k1', '≤ 100 mg/kg', NULL), ('GB 99001-2020', 'bench', 'k2', '≤ 0.5 %', NULL),
  ('GB 99001-2020', 'bench', 'k4', '4.0 ~ 9.0', NULL), ('GB/T 99002-2020', 'bench', 'k3', '≥ 90 %', NULL),
  ('GB/T 99002-2020', 'bench', 'k5', '≥ 3 级', NULL);
INSERT INTO enterprise (uscc, name)
SELECT uscc_complete('91110000MA' || lpad(i::text, 7, '0')), '基准测试企业' || i
FROM generate_series(1, 1000) i;

CREATE SCHEMA bench;
CREATE TABLE bench.src AS
SELECT i, e.uscc AS enterprise, 'product ' || i AS product,
       ('Q/BENCH ' || lpad((i % 9000 + 1)::text, 4, '0') || '-2024')::stdcode AS standard
FROM generate_series(1, $scale) i
JOIN (SELECT row_number() OVER () - 1 AS n, uscc FROM enterprise WHERE name LIKE '基准测试企业%') e ON e.n = i % 1000;
CREATE TABLE bench.ind (key text, requirement indicator, test_method stdcode);
INSERT INTO bench.ind VALUES ('k1', '≤ 20 mg/kg', 'GB/T 2912.1-2009'), ('k2', '≤ 100 mg/kg', 'GB/T 2912.1-2009'),
  ('k3', '≥ 95 %', 'GB/T 2912.1-2009'), ('k4', '5.0 ~ 7.5', 'GB/T 7573-2009'), ('k5', '≥ 4 级', 'GB/T 5713-2013');
ANALYZE;

-- the rules path: drafts, indicators, publication
CREATE FUNCTION bench.ours() RETURNS numeric LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard)
  SELECT enterprise, 'bench', product, standard FROM bench.src ORDER BY i;
  INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method)
  SELECT d.id, k.key, k.requirement, k.test_method
  FROM frontrunner.disclosure d CROSS JOIN bench.ind k WHERE d.category = 'bench';
  UPDATE frontrunner.disclosure SET status = 'published' WHERE category = 'bench' AND status = 'draft';
  RETURN extract(epoch FROM clock_timestamp() - t0);
END \$\$;
-- the baseline: the same final rows, user triggers disabled
CREATE FUNCTION bench.base() RETURNS numeric LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz;
BEGIN
  ALTER TABLE frontrunner.disclosure DISABLE TRIGGER USER;
  ALTER TABLE frontrunner.disclosed_indicator DISABLE TRIGGER USER;
  t0 := clock_timestamp();
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, status, published_at)
  SELECT enterprise, 'bench', product, standard, 'published', now() FROM bench.src ORDER BY i;
  INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method)
  SELECT d.id, k.key, k.requirement, k.test_method
  FROM frontrunner.disclosure d CROSS JOIN bench.ind k WHERE d.category = 'bench';
  RETURN extract(epoch FROM clock_timestamp() - t0);
END \$\$;
CREATE FUNCTION bench.reset() RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  TRUNCATE frontrunner.spot_check, frontrunner.disclosed_indicator, frontrunner.disclosure,
           frontrunner.disclosure_event RESTART IDENTITY CASCADE;
  ALTER TABLE frontrunner.disclosure ENABLE TRIGGER USER;
  ALTER TABLE frontrunner.disclosed_indicator ENABLE TRIGGER USER;
END \$\$;
SQL

run() { # case -> seconds (own transaction, then reset and vacuum)
  local s
  s=$(psql -X -qAt -v ON_ERROR_STOP=1 -d "$db" -c "SELECT bench.$1()")
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "SELECT bench.reset()" -c "VACUUM ANALYZE frontrunner.disclosure, frontrunner.disclosed_indicator" >/dev/null
  echo "$s"
}
check() { # the rules path really published everything
  psql -X -qAt -v ON_ERROR_STOP=1 -d "$db" -c "SELECT bench.ours()" >/dev/null
  psql -X -qAt -d "$db" -c "SELECT count(*) FILTER (WHERE status = 'published') || ' ' || count(*) FROM frontrunner.disclosure WHERE category = 'bench'"
  psql -X -q -d "$db" -c "SELECT bench.reset()" >/dev/null
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

counts=$(check)
read -r published total <<<"$counts"
if [ "$published" != "$scale" ] || [ "$total" != "$scale" ]; then
  echo "registry bench: expected $scale published disclosures, got $published of $total" >&2
  exit 1
fi
run ours >/dev/null; run base >/dev/null        # warm-up
ours=(); base=()
for ((r = 0; r < rounds; r++)); do
  ours+=("$(run ours)"); base+=("$(run base)")
done
o=$(printf '%s\n' "${ours[@]}" | median)
b=$(printf '%s\n' "${base[@]}" | median)
rows=$((scale * 6))
awk -v n="$scale" -v o="$o" -v b="$b" -v rows="$rows" 'BEGIN {
  printf "RESULT case=registry_publish rows=%d ours_s=%.3f base=insert_no_triggers base_s=%.3f ratio=%.2f\n", n, o, b, o / b
  printf "registry_publish: %d disclosures + %d indicators: %.0f rows/s through the rules, %.0f rows/s plain (target ratio <= 3)\n", n, n * 5, rows / o, rows / b
}'
