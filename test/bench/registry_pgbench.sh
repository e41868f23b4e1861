#!/usr/bin/env bash
# Registry benchmark, one disclosure per transaction, the way a web back end
# publishes: pgbench with several clients, each transaction a draft, its 5
# indicators (one INSERT) and the publication UPDATE through the rule
# triggers, vs the same INSERTs of the same final rows (the disclosure
# inserted as published) with the user triggers disabled (foreign keys and
# CHECKs still on in both).
#
#   bash test/bench/registry_pgbench.sh [TRANSACTIONS] [CLIENTS...]
#        (default 1000 transactions per client; clients 2 and 4)
#
# Runs inside a cluster environment (PGHOST/PGPORT/PGUSER set, e.g. under
# test/harness/pgenv.sh) with the extension installed.  Creates and drops
# its own database.  Prints RESULT lines (shared/spec/benchmarks.md): ours_s
# and base_s are the seconds the clients took for all their transactions
# (pgbench's tps without the connection time), the median of the rounds
# after a warm-up, each round of ours beside one of the baseline.  Every
# round starts from a registry of FR_BENCH_PRELOAD (20000) published
# disclosures.  First, where valgrind is installed (FR_BENCH_INSTRUCTIONS=0:
# not), an INSTRUCTIONS line: the backend's instructions per transaction,
# ours and base, which a busy machine does not change.
set -euo pipefail
per_client=${1:-1000}
preload=${FR_BENCH_PRELOAD:-20000}
[ -n "$per_client" ] || per_client=1000
shift || true
clients=${*:-2 4}
rounds=${FR_BENCH_ROUNDS:-3}
db=frontrunner_bench_pgbench
fixture="$(cd "$(dirname "$0")/.." && pwd)/fixtures/registry.sql"
work=$(mktemp -d)
dropdb --if-exists "$db" >/dev/null 2>&1 || true
createdb "$db"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<SQL >/dev/null
CREATE EXTENSION frontrunner;
SET search_path = frontrunner, public;
\i $fixture
-- the category of test/bench/registry.sh: five required indicators, a
-- mandatory and a recommended standard on them
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
CREATE TABLE bench.ent (n int PRIMARY KEY, uscc uscc NOT NULL);
INSERT INTO bench.ent SELECT row_number() OVER (ORDER BY uscc), uscc FROM enterprise WHERE name LIKE '基准测试企业%';
CREATE TABLE bench.ind (key text, requirement indicator, test_method stdcode);
INSERT INTO bench.ind VALUES ('k1', '≤ 20 mg/kg', 'GB/T 2912.1-2009'), ('k2', '≤ 100 mg/kg', 'GB/T 2912.1-2009'),
  ('k3', '≥ 95 %', 'GB/T 2912.1-2009'), ('k4', '5.0 ~ 7.5', 'GB/T 7573-2009'), ('k5', '≥ 4 级', 'GB/T 5713-2013');
ANALYZE;
-- every round starts from a registry holding \$1 published disclosures (the
-- plans of the rules and of the foreign keys, made once per session, are
-- those of a registry in use, not of empty tables)
CREATE FUNCTION bench.reset(n int) RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  TRUNCATE frontrunner.spot_check, frontrunner.disclosed_indicator, frontrunner.disclosure,
           frontrunner.disclosure_event RESTART IDENTITY CASCADE;
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, status, published_at)
  SELECT e.uscc, 'bench', 'product ' || i, ('Q/BENCH ' || lpad((i % 9000 + 1)::text, 4, '0') || '-2024')::frontrunner.stdcode,
         'published', now()
  FROM generate_series(1, n) i JOIN bench.ent e ON e.n = i % 1000 + 1 ORDER BY i;
  INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method, enterprise)
  SELECT d.id, k.key, k.requirement, k.test_method, d.enterprise FROM frontrunner.disclosure d CROSS JOIN bench.ind k;
  INSERT INTO frontrunner.disclosure_event (disclosure, action, old_status, new_status, enterprise)
  SELECT d.id, a.action, a.old, a.new, d.enterprise FROM frontrunner.disclosure d
  CROSS JOIN (VALUES (1, 'create', NULL, 'draft'), (2, 'publish', 'draft', 'published')) a(o, action, old, new) ORDER BY d.id, a.o;
  ALTER TABLE frontrunner.disclosure ENABLE TRIGGER USER;
  ALTER TABLE frontrunner.disclosed_indicator ENABLE TRIGGER USER;
END \$\$;
SQL

# the rules path: a draft, its indicators, its publication
cat > "$work/ours.sql" <<'SQL'
\set e random(1, 1000)
BEGIN;
INSERT INTO frontrunner.disclosure (enterprise, category, product, standard) SELECT e.uscc, 'bench', 'product ' || :e, ('Q/BENCH ' || lpad((:e % 9000 + 1)::text, 4, '0') || '-2024')::frontrunner.stdcode FROM bench.ent e WHERE e.n = :e RETURNING id
\gset
INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method, enterprise) SELECT :id, k.key, k.requirement, k.test_method, e.uscc FROM bench.ind k, bench.ent e WHERE e.n = :e;
UPDATE frontrunner.disclosure SET status = 'published' WHERE id = :id;
END;
SQL
# the baseline: the same final rows, written as they end up
cat > "$work/base.sql" <<'SQL'
\set e random(1, 1000)
BEGIN;
INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, status, published_at) SELECT e.uscc, 'bench', 'product ' || :e, ('Q/BENCH ' || lpad((:e % 9000 + 1)::text, 4, '0') || '-2024')::frontrunner.stdcode, 'published', now() FROM bench.ent e WHERE e.n = :e RETURNING id
\gset
INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method, enterprise) SELECT :id, k.key, k.requirement, k.test_method, e.uscc FROM bench.ind k, bench.ent e WHERE e.n = :e;
END;
SQL

reset() {
  PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "SELECT bench.reset($preload)" \
    -c "VACUUM ANALYZE frontrunner.disclosure, frontrunner.disclosed_indicator, frontrunner.disclosure_event" >/dev/null
}
run() { # case clients -> seconds for all transactions
  local out tps
  if [ "$1" = base ]; then
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "ALTER TABLE frontrunner.disclosure DISABLE TRIGGER USER" \
      -c "ALTER TABLE frontrunner.disclosed_indicator DISABLE TRIGGER USER" >/dev/null
  fi
  out=$(pgbench -n -c "$2" -j "$2" -t "$per_client" -f "$work/$1.sql" "$db" 2>&1) || { echo "$out" >&2; return 1; }
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' <<<"$out")
  [ -n "$tps" ] || { echo "$out" >&2; return 1; }
  if [ "$1" = ours ]; then
    local n
    n=$(psql -X -qAt -d "$db" -c "SELECT count(*) FILTER (WHERE status = 'published' AND published_at IS NOT NULL) - $preload FROM frontrunner.disclosure")
    if [ "$n" != $(( $2 * per_client )) ]; then
      echo "registry pgbench: expected $(( $2 * per_client )) published disclosures, got $n" >&2
      return 1
    fi
  fi
  reset
  awk -v n=$(( $2 * per_client )) -v tps="$tps" 'BEGIN {printf "%.3f\n", n / tps}'
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

reset

# Backend instructions per transaction (valgrind's callgrind), the same two
# transactions run by the backend alone: a count that does not depend on what
# else the machine runs, as pgbench's tps does.  The cluster's own server is
# stopped for it, the backend started single-user on its data directory
# (test/harness/pgenv.sh's), N=40 and N=240 transactions each, the
# difference over 200; one disclosure of a different enterprise each time.
instructions() {
  local data c n out
  local -A ir
  data=$(dirname "${FR_PGLOG:?instructions need test/harness/pgenv.sh}")/data
  as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  chmod 777 "$work"
  as_server pg_ctl -D "$data" -w stop >/dev/null
  for c in ours base; do
    for n in 40 240; do
      {
        if [ "$c" = base ]; then echo "ALTER TABLE frontrunner.disclosure DISABLE TRIGGER USER; ALTER TABLE frontrunner.disclosed_indicator DISABLE TRIGGER USER;"; fi
        for ((i = 1; i <= n; i++)); do
          # (one statement a line, as pgbench sends them; the id of the
          # draft from its sequence)
          sed -e "s/:e/$(( (i * 37) % 1000 + 1 ))/g" -e '/^\\set /d' -e '/^\\gset$/d' -e 's/RETURNING id$/RETURNING id;/' \
              -e "s/SELECT :id,/SELECT currval('frontrunner.disclosure_id_seq'),/" \
              -e "s/WHERE id = :id;/WHERE id = (SELECT currval('frontrunner.disclosure_id_seq'));/" "$work/$c.sql"
        done
        if [ "$c" = base ]; then echo "ALTER TABLE frontrunner.disclosure ENABLE TRIGGER USER; ALTER TABLE frontrunner.disclosed_indicator ENABLE TRIGGER USER;"; fi
      } > "$work/cg_$c.sql"
      out="$work/cg.$c.$n"
      as_server valgrind --tool=callgrind --callgrind-out-file="$out" "$(command -v postgres)" --single -D "$data" "$db" \
        < "$work/cg_$c.sql" > "$work/cg.$c.$n.log" 2>&1
      if grep -q ERROR "$work/cg.$c.$n.log"; then grep -m3 ERROR "$work/cg.$c.$n.log" >&2; as_server pg_ctl -D "$data" -l "$FR_PGLOG" -w start >/dev/null; return 1; fi
      ir[$c,$n]=$(sed -n 's/^summary: \([0-9]*\).*/\1/p' "$out")
    done
  done
  as_server pg_ctl -D "$data" -l "$FR_PGLOG" -w start >/dev/null
  awk -v o=$(( (ir[ours,240] - ir[ours,40]) / 200 )) -v b=$(( (ir[base,240] - ir[base,40]) / 200 )) 'BEGIN {
    printf "INSTRUCTIONS case=registry_publish_tx ours=%d base=%d ratio=%.2f\n", o, b, o / b }'
  reset
}
if [ "${FR_BENCH_INSTRUCTIONS:-1}" = 1 ] && command -v valgrind >/dev/null; then instructions; fi

for c in $clients; do
  run ours "$c" >/dev/null; run base "$c" >/dev/null        # warm-up
  ours=(); base=()
  for ((r = 0; r < rounds; r++)); do
    ours+=("$(run ours "$c")"); base+=("$(run base "$c")")
  done
  o=$(printf '%s\n' "${ours[@]}" | median)
  b=$(printf '%s\n' "${base[@]}" | median)
  awk -v c="$c" -v n=$(( c * per_client )) -v o="$o" -v b="$b" 'BEGIN {
    printf "RESULT case=registry_publish_pgbench_c%d rows=%d ours_s=%.3f base=insert_no_triggers base_s=%.3f ratio=%.2f\n", c, n, o, b, o / b
    printf "registry_publish: %d clients, one disclosure + 5 indicators per transaction: %.0f tps through the rules, %.0f tps plain (target ratio <= 2)\n", c, n / o, n / b
  }'
done
