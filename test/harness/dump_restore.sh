#!/usr/bin/env bash
# Acceptance check: pg_dump of a database using frontrunner, restored into a
# fresh database, keeps all registry data (tables, history, identity
# sequences) and the rules still hold afterwards.  Prints TAP lines.
#
# Runs inside a cluster environment (PGHOST/PGPORT/PGUSER set, e.g. under
# pg_virtualenv) with the extension installed.
#
# The restore runs with session_replication_role = replica (as a superuser,
# which restoring this extension needs anyway): the rows come back as they
# were — published rows with their original published_at, history rows
# once — instead of being replayed through the rule triggers, which would
# refuse rows that are not drafts and stamp new clocks (rule 5).
set -uo pipefail
cd "$(dirname "$0")/../.."
src=frontrunner_dump_src
dst=frontrunner_dump_dst
dump=$(mktemp)
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
q() { psql -X -qAt -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
cleanup() { dropdb --if-exists "$src" >/dev/null 2>&1; dropdb --if-exists "$dst" >/dev/null 2>&1; rm -f "$dump"; }
trap cleanup EXIT
cleanup

echo "1..12"
createdb "$src" && psql -X -q -v ON_ERROR_STOP=1 -d "$src" >/dev/null 2>&1 <<'SQL'
CREATE EXTENSION frontrunner;
SET search_path = frontrunner, public;
\i test/fixtures/registry.sql
INSERT INTO disclosure (enterprise, category, product, standard)
VALUES ('91110108558521630L', 'textile-b', 'v1', 'GB 18401-2010'),
       ('91330100799655058B', 'textile-b', 'other', 'Q/HZSL 0001-2024'),
       ('91440400192548256N', 'textile-b', 'draft', 'GB 18401-2010');
INSERT INTO disclosed_indicator VALUES
  (1, 'formaldehyde', '≤ 40 mg/kg', 'GB/T 2912.1-2009'), (1, 'ph', '5.0~7.5', 'GB/T 7573-2009'),
  (2, 'formaldehyde', '不大于30 mg/kg', 'GB/T 2912.1-2009'), (2, 'ph', '4.0～7.5', 'GB/T 7573-2009'),
  (3, 'formaldehyde', '≤ 20 mg/kg', NULL);
UPDATE disclosure SET status = 'published' WHERE id IN (1, 2);
INSERT INTO disclosure (enterprise, category, product, standard, supersedes)
VALUES ('91110108558521630L', 'textile-b', 'v2', 'GB 18401-2010', 1);
INSERT INTO disclosed_indicator VALUES (4, 'formaldehyde', '≤ 35 mg/kg', NULL);
UPDATE disclosure SET status = 'published' WHERE id = 4;
UPDATE disclosure SET status = 'withdrawn', withdraw_reason = '产品停产' WHERE id = 2;
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured, method)
VALUES (4, 'formaldehyde', CURRENT_DATE - 3, '36 mg/kg', 'full'),
       (4, 'formaldehyde', CURRENT_DATE - 3, '35.4 mg/kg', 'rounded');
INSERT INTO disclosure_import (source_ref, uscc, category, product, standard, indicator, requirement)
VALUES ('P9', '91110108558521630L', 'textile-b', 'staged', 'GB 18401-2010', 'formaldehyde', '≤ 10 mg/kg');
SQL
ok $? "source database with published, superseded, withdrawn and draft disclosures, spot checks, history"

pg_dump -Fc -f "$dump" "$src" 2>&1
ok $? "pg_dump"

createdb "$dst" && PGOPTIONS='-c session_replication_role=replica' pg_restore -d "$dst" "$dump" 2>&1
ok $? "pg_restore into a fresh database"

rs=0
tables="enterprise standard category indicator_def standard_requirement disclosure disclosed_indicator spot_check disclosure_event disclosure_import"
for t in $tables; do
  sql="SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM frontrunner.$t x"
  a=$(q "$src" "$sql"); b=$(q "$dst" "$sql")
  [ -n "$a" ] && [ "$a" = "$b" ] && [ "${a%%:*}" != 0 ]
  r=$?
  [ $r = 0 ] || echo "# $t: source $a, restored $b"
  [ $r = 0 ] || rs=1
done
ok "$rs" "every registry table has the same rows after the restore ($tables)"

sql="SELECT string_agg(last_value::text, ',' ORDER BY sequencename) FROM pg_sequences WHERE schemaname = 'frontrunner'"
a=$(q "$src" "$sql"); b=$(q "$dst" "$sql")
[ -n "$a" ] && [ "$a" = "$b" ]
ok $? "identity sequences keep their positions ($a / $b)"

sql="SELECT string_agg(id || ' ' || status || ' ' || published_at, ', ' ORDER BY id) FROM frontrunner.disclosure WHERE published_at IS NOT NULL"
a=$(q "$src" "$sql"); b=$(q "$dst" "$sql")
[ -n "$a" ] && [ "$a" = "$b" ]
ok $? "published_at of every disclosure is the original one"

b=$(q "$dst" "INSERT INTO frontrunner.disclosure (enterprise, category, product, standard) VALUES ('91110108558521630L', 'textile-b', 'after restore', 'GB 18401-2010') RETURNING id" 2>&1)
[ "$b" = 5 ]
ok $? "a new disclosure after the restore gets the next id ($b)"

b=$(q "$dst" "UPDATE frontrunner.disclosure SET product = 'x' WHERE id = 4" 2>&1)
case "$b" in *"rule 5 (publication)"*) r=0 ;; *) r=1 ;; esac
ok $r "published disclosures are still immutable after the restore"

b=$(q "$dst" "SELECT string_agg(action, ',' ORDER BY event) FROM frontrunner.disclosure_history(1)" 2>&1)
[ "$b" = "create,publish,supersede" ]
ok $? "history is kept once, not replayed ($b)"

b=$(q "$dst" "SELECT string_agg(conforms::text, ',' ORDER BY id) FROM frontrunner.spot_check" 2>&1)
[ "$b" = "false,true" ]
ok $? "spot checks keep conforms ($b)"

b=$(q "$dst" "SELECT count(*) FROM frontrunner.enterprise_search('geli')" 2>&1)
[ "$b" = 1 ]
ok $? "generated pinyin column recomputed: enterprise_search('geli') finds 格力"

b=$(q "$dst" "SELECT outcome FROM frontrunner.import_disclosures()" 2>&1)
[ "$b" = published ]
ok $? "staged import rows survive the restore and import ($b)"

[ "$failed" = 0 ]
