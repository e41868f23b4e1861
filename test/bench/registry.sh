#!/usr/bin/env bash
# Registry benchmark: publishing disclosures with 5 indicators each through
# the rule triggers (insert drafts, insert indicators, publish: one statement
# each per batch) vs the same INSERTs of the same final rows into the same
# tables with the user triggers disabled (foreign keys and CHECKs still on in
# both), at batch sizes of 1,000, 10,000 and 100,000 disclosures (those up to
# SCALE).  A case publishes up to 10 batches (at most SCALE disclosures in
# all), each batch its own three statements, in one transaction, into a
# registry already holding FR_BENCH_PRELOAD (20000) published disclosures,
# analysed (the plans of a registry in use, not of empty tables).
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
preload=${FR_BENCH_PRELOAD:-20000}
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
FROM generate_series(1, $scale + $preload) i
JOIN (SELECT row_number() OVER () - 1 AS n, uscc FROM enterprise WHERE name LIKE '基准测试企业%') e ON e.n = i % 1000;
CREATE TABLE bench.ind (key text, requirement indicator, test_method stdcode);
INSERT INTO bench.ind VALUES ('k1', '≤ 20 mg/kg', 'GB/T 2912.1-2009'), ('k2', '≤ 100 mg/kg', 'GB/T 2912.1-2009'),
  ('k3', '≥ 95 %', 'GB/T 2912.1-2009'), ('k4', '5.0 ~ 7.5', 'GB/T 7573-2009'), ('k5', '≥ 4 级', 'GB/T 5713-2013');
ANALYZE;

-- the rules path: drafts, indicators, publication, batch by batch (the
-- identities restart at 1 for every case, after the preload: disclosure i
-- of bench.src has id off + i)
CREATE FUNCTION bench.ours(total int, batch int, off int) RETURNS numeric LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
  FOR lo IN 1 .. total BY batch LOOP
    INSERT INTO frontrunner.disclosure (enterprise, category, product, standard)
    SELECT enterprise, 'bench', product, standard FROM bench.src WHERE i BETWEEN off + lo AND off + lo + batch - 1 ORDER BY i;
    INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method, enterprise)
    SELECT d.id, k.key, k.requirement, k.test_method, d.enterprise
    FROM frontrunner.disclosure d CROSS JOIN bench.ind k WHERE d.id BETWEEN off + lo AND off + lo + batch - 1;
    UPDATE frontrunner.disclosure SET status = 'published' WHERE id BETWEEN off + lo AND off + lo + batch - 1 AND status = 'draft';
  END LOOP;
  RETURN extract(epoch FROM clock_timestamp() - t0);
END \$\$;
-- the baseline: the same final rows, user triggers disabled
CREATE FUNCTION bench.base(total int, batch int, off int) RETURNS numeric LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz;
BEGIN
  ALTER TABLE frontrunner.disclosure DISABLE TRIGGER USER;
  ALTER TABLE frontrunner.disclosed_indicator DISABLE TRIGGER USER;
  t0 := clock_timestamp();
  FOR lo IN 1 .. total BY batch LOOP
    INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, status, published_at)
    SELECT enterprise, 'bench', product, standard, 'published', now() FROM bench.src WHERE i BETWEEN off + lo AND off + lo + batch - 1 ORDER BY i;
    INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method, enterprise)
    SELECT d.id, k.key, k.requirement, k.test_method, d.enterprise
    FROM frontrunner.disclosure d CROSS JOIN bench.ind k WHERE d.id BETWEEN off + lo AND off + lo + batch - 1;
  END LOOP;
  RETURN extract(epoch FROM clock_timestamp() - t0);
END \$\$;
-- every case starts from a registry holding n published disclosures (a
-- registry in use: the plans of the rules are made from its statistics)
CREATE FUNCTION bench.reset(n int) RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  TRUNCATE frontrunner.spot_check, frontrunner.disclosed_indicator, frontrunner.disclosure,
           frontrunner.disclosure_event RESTART IDENTITY CASCADE;
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, status, published_at)
  SELECT enterprise, 'bench', product, standard, 'published', now() FROM bench.src WHERE i <= n ORDER BY i;
  INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method, enterprise)
  SELECT d.id, k.key, k.requirement, k.test_method, d.enterprise FROM frontrunner.disclosure d CROSS JOIN bench.ind k;
  INSERT INTO frontrunner.disclosure_event (disclosure, action, old_status, new_status, enterprise)
  SELECT d.id, a.action, a.old, a.new, d.enterprise FROM frontrunner.disclosure d
  CROSS JOIN (VALUES (1, 'create', NULL, 'draft'), (2, 'publish', 'draft', 'published')) a(o, action, old, new) ORDER BY d.id, a.o;
  ALTER TABLE frontrunner.disclosure ENABLE TRIGGER USER;
  ALTER TABLE frontrunner.disclosed_indicator ENABLE TRIGGER USER;
END \$\$;
SQL

psql -X -q -d "$db" -c "CREATE UNIQUE INDEX ON bench.src (i)" -c "ANALYZE bench.src" >/dev/null

run() { # case total batch -> seconds (own transaction, then reset and vacuum)
  local s
  s=$(psql -X -qAt -v ON_ERROR_STOP=1 -d "$db" -c "SELECT bench.$1($2, $3, $preload)")
  reset
  echo "$s"
}
reset() {
  PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "SELECT bench.reset($preload)" -c "VACUUM ANALYZE frontrunner.disclosure, frontrunner.disclosed_indicator, frontrunner.disclosure_event" >/dev/null
}
check() { # the rules path really published everything
  psql -X -qAt -v ON_ERROR_STOP=1 -d "$db" -c "SELECT bench.ours($1, $2, $preload)" >/dev/null
  psql -X -qAt -d "$db" -c "SELECT count(*) FILTER (WHERE status = 'published') - $preload || ' ' || count(*) - $preload FROM frontrunner.disclosure WHERE category = 'bench'"
  reset
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

reset
for batch in ${FR_BENCH_BATCHES:-1000 10000 100000}; do
  [ "$batch" -le "$scale" ] || continue
  total=$(( batch * 10 < scale ? batch * 10 : scale / batch * batch ))
  counts=$(check "$total" "$batch")
  read -r published all <<<"$counts"
  if [ "$published" != "$total" ] || [ "$all" != "$total" ]; then
    echo "registry bench: expected $total published disclosures, got $published of $all" >&2
    exit 1
  fi
  run ours "$total" "$batch" >/dev/null; run base "$total" "$batch" >/dev/null        # warm-up
  ours=(); base=()
  for ((r = 0; r < rounds; r++)); do
    ours+=("$(run ours "$total" "$batch")"); base+=("$(run base "$total" "$batch")")
  done
  o=$(printf '%s\n' "${ours[@]}" | median)
  b=$(printf '%s\n' "${base[@]}" | median)
  awk -v n="$total" -v batch="$batch" -v o="$o" -v b="$b" 'BEGIN {
    rows = n * 6
    printf "RESULT case=registry_publish_b%d rows=%d ours_s=%.3f base=insert_no_triggers base_s=%.3f ratio=%.2f\n", batch, n, o, b, o / b
    printf "registry_publish: %d disclosures + %d indicators in batches of %d: %.0f rows/s through the rules, %.0f rows/s plain (target ratio <= 1.5)\n", n, n * 5, batch, rows / o, rows / b
  }'
done
