#!/usr/bin/env bash
# Backup and restore as a DBA does it, with no special option: the demo
# database (every part of test/demo, roles and logins set up, a login
# mapped to an enterprise) is dumped three ways —
#   pg_dump -Fc | pg_restore -d new
#   pg_dump | psql new                         (plain SQL, with and without ON_ERROR_STOP)
#   pg_dump --data-only | psql new             (into a database where CREATE EXTENSION ran)
# — and each restore must end with exit status 0 and no error, hold every
# row of every table of the extension (ids, clocks, published lists,
# history), the identity sequences' positions and the same answers to the
# roles' queries.  Afterwards the rules hold for everybody: the illegal
# writes are refused — from a superuser's ordinary session, from an INSERT
# with row_security off, and from non-superusers loading rows with COPY the
# way a restore does (which the triggers recognise as a restore only for a
# superuser or the tables' owner).  Prints TAP lines.
#
# Runs inside a cluster environment (pgenv.sh: PGHOST/PGPORT/PGUSER of a
# superuser) with the extension installed.
set -uo pipefail
cd "$(dirname "$0")/../.."
src=frontrunner_dump_src
work=$(mktemp -d)
chmod 755 "$work"
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
q() { psql -X -qAt -v ON_ERROR_STOP=1 -d "$@"; }
show() { sed 's/^/#   /' "$1" | cut -c1-200 | head -"${2:-10}"; }
dbs="$src frontrunner_dump_fc frontrunner_dump_plain frontrunner_dump_plain2 frontrunner_dump_data"
cleanup() {
  for d in $dbs; do dropdb --if-exists "$d" >/dev/null 2>&1; done
  psql -X -q -d postgres -c "DROP ROLE IF EXISTS fr_dump_ent, fr_dump_reg" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
cleanup >/dev/null 2>&1; work=$(mktemp -d); chmod 755 "$work"

# the source: the demo, the group roles, a regulator login and an enterprise login
ent=$(cat <<'SQL'
SELECT d.enterprise FROM frontrunner.disclosure d
WHERE d.status = 'published'
  AND EXISTS (SELECT FROM frontrunner.disclosure x WHERE x.enterprise OPERATOR(frontrunner.=) d.enterprise AND x.status = 'draft')
ORDER BY d.id LIMIT 1
SQL
)
(
  createdb "$src" && q "$src" -c "CREATE EXTENSION frontrunner" &&
  for f in test/demo/[0-9]*.sql; do psql -X -q -v ON_ERROR_STOP=1 -d "$src" -f "$f" >/dev/null || exit 1; done &&
  q "$src" -c "SELECT count(*) FROM frontrunner.setup_roles()" >/dev/null &&
  q "$src" -c "CREATE ROLE fr_dump_ent LOGIN IN ROLE frontrunner_enterprise" \
           -c "CREATE ROLE fr_dump_reg LOGIN IN ROLE frontrunner_regulator" \
           -c "INSERT INTO frontrunner.account (role, enterprise) SELECT 'fr_dump_ent', ($ent)" \
           -c "INSERT INTO frontrunner.account (role) VALUES ('fr_dump_reg')"
) > "$work/src.log" 2>&1
rc=$?; [ $rc = 0 ] || show "$work/src.log" 20
ok $rc "source: the demo database, roles set up, an enterprise and a regulator login"

tables=$(q "$src" -c "SELECT c.relname FROM pg_class c JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e' JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'frontrunner' WHERE c.relkind = 'r' ORDER BY 1")
picture() {
  local t
  for t in $tables; do
    q "$1" -c "SELECT '$t ' || count(*) || ' ' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM frontrunner.$t x"
  done
  q "$1" -c "SELECT 'sequence ' || sequencename || ' ' || coalesce(last_value::text, 'unused') FROM pg_sequences WHERE schemaname = 'frontrunner' ORDER BY 1"
}
# what a tenant sees: the enterprise login's rows, through RLS
tenant_view() {
  psql -X -qAt -d "$1" -U fr_dump_ent <<'SQL'
SELECT 'disclosures ' || count(*) || ' drafts ' || count(*) FILTER (WHERE status = 'draft') FROM frontrunner.disclosure;
SELECT 'indicators ' || count(*) FROM frontrunner.disclosed_indicator;
SELECT 'history ' || count(*) FROM frontrunner.disclosure_event;
SQL
}
picture "$src" > "$work/src.picture"
tenant_view "$src" > "$work/src.tenant"
nonempty=$(grep -v '^sequence ' "$work/src.picture" | grep -vc ' 0 $')
for t in disclosure disclosed_indicator disclosure_event spot_check evaluation_plan ranking ranking_entry plan_review account; do
  grep -q "^$t [1-9]" "$work/src.picture" || nonempty=0
done
[ "$nonempty" -gt 0 ]
ok $? "the source holds the registry's data: disclosures, indicators, history, spot checks, plans, reviews, published lists, accounts ($nonempty of $(echo $tables | wc -w) tables non-empty)"

pg_dump -Fc -f "$work/demo.dump" "$src" 2> "$work/dump.err"
ok $? "pg_dump -Fc"
pg_dump -f "$work/demo.sql" "$src" 2>> "$work/dump.err"
ok $? "pg_dump (plain SQL)"
pg_dump --data-only -f "$work/demo_data.sql" "$src" 2>> "$work/dump.err"
ok $? "pg_dump --data-only"

check_restore() { # db how
  local db=$1 how=$2
  picture "$db" > "$work/$db.picture"
  diff "$work/src.picture" "$work/$db.picture" > "$work/$db.diff"
  rc=$?; [ $rc = 0 ] || show "$work/$db.diff" 12
  ok $rc "$how: every row of every table and every sequence position as in the source ($(echo $tables | wc -w) tables)"
  tenant_view "$db" > "$work/$db.tenant" 2>&1
  diff "$work/src.tenant" "$work/$db.tenant" > "$work/$db.tdiff"
  rc=$?; [ $rc = 0 ] || show "$work/$db.tdiff" 6
  ok $rc "$how: the enterprise login sees what it saw (RLS policies and grants restored: $(tr '\n' ' ' < "$work/$db.tenant"))"
}

createdb frontrunner_dump_fc && pg_restore -d frontrunner_dump_fc "$work/demo.dump" > "$work/fc.log" 2>&1
rc=$?; [ $rc = 0 ] || show "$work/fc.log" 12
ok $rc "pg_restore -d new demo.dump: exit status 0, no error"
check_restore frontrunner_dump_fc "pg_restore"

createdb frontrunner_dump_plain && psql -X -q -v ON_ERROR_STOP=1 -d frontrunner_dump_plain -f "$work/demo.sql" > "$work/plain.log" 2>&1
rc=$?; [ $rc = 0 ] || show "$work/plain.log" 12
ok $rc "psql -v ON_ERROR_STOP=1 new < demo.sql: exit status 0"
check_restore frontrunner_dump_plain "psql < demo.sql"

createdb frontrunner_dump_plain2 && pg_dump "$src" 2>/dev/null | psql -X -q -d frontrunner_dump_plain2 > "$work/plain2.log" 2>&1
rc=$?; ! grep -q 'ERROR' "$work/plain2.log"
e=$?; [ $e = 0 ] || show "$work/plain2.log" 12
[ $rc = 0 ] && [ $e = 0 ]
ok $? "pg_dump src | psql new (no ON_ERROR_STOP): exit status 0 and not one ERROR line"
picture frontrunner_dump_plain2 | diff -q "$work/src.picture" - >/dev/null
ok $? "pg_dump | psql: every row and sequence position as in the source"

createdb frontrunner_dump_data && q frontrunner_dump_data -c "CREATE EXTENSION frontrunner" &&
  psql -X -q -v ON_ERROR_STOP=1 -d frontrunner_dump_data -f "$work/demo_data.sql" > "$work/data.log" 2>&1
rc=$?; [ $rc = 0 ] || show "$work/data.log" 12
ok $rc "CREATE EXTENSION, then psql new < demo_data.sql (data-only): exit status 0"
q frontrunner_dump_data -c "SELECT count(*) FROM frontrunner.setup_roles()" >/dev/null
check_restore frontrunner_dump_data "data-only restore"

# the rules hold afterwards, for everybody (on the pg_restore'd database)
db=frontrunner_dump_fc
pub=$(q $db -c "SELECT min(id) FROM frontrunner.disclosure WHERE status = 'published'")
new=$(q $db -c "INSERT INTO frontrunner.disclosure (enterprise, category, product, standard) SELECT enterprise, category, 'after the restore', standard FROM frontrunner.disclosure WHERE id = $pub RETURNING id")
last=$(awk '$1 == "sequence" && $2 == "disclosure_id_seq" {print $3}' "$work/src.picture")
[ "$new" = $((last + 1)) ]
ok $? "a new disclosure after the restore is a draft with the next id ($new after $last)"
h=$(q $db -c "SELECT string_agg(action, ',' ORDER BY event) FROM frontrunner.disclosure_history($new)")
[ "$h" = create ]
ok $? "and its history is written by the rules again ($h)"

refused() { # expected-sqlstate description sql [psql options]
  local want=$1 what=$2 sql=$3; shift 3
  local out
  out=$(psql -X -qAt -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d $db "$@" -c "$sql" 2>&1)
  case "$out" in *"ERROR:  $want:"*) ok 0 "$what ($want)" ;; *) ok 1 "$what (want $want)"; echo "$out" | sed 's/^/#   /' | head -5 ;; esac
}
refused FR005 "a superuser's UPDATE of a published disclosure is refused" \
  "UPDATE frontrunner.disclosure SET product = 'changed' WHERE id = $pub"
refused FR005 "a superuser's INSERT of a back-dated published disclosure is refused, row_security off or not" \
  "SET row_security = off; INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, status, published_at) SELECT enterprise, category, 'back-dated', standard, 'published', '2001-01-01' FROM frontrunner.disclosure WHERE id = $pub"
refused FR005 "changing the history is refused" "DELETE FROM frontrunner.disclosure_event WHERE disclosure = $pub"
refused FR007 "changing a published ranking entry is refused" "UPDATE frontrunner.ranking_entry SET score = 100 WHERE rank = 1"
refused FR005 "TRUNCATE of the registry is refused" "TRUNCATE frontrunner.disclosure CASCADE"
# COPY from stdin needs the data on stdin: the rows the enterprise login would forge
forge=$(q $db -c "SELECT enterprise || E'\t' || category || E'\tforged\t' || standard || E'\tpublished\t2001-01-01 00:00:00+00' FROM frontrunner.disclosure WHERE id = $pub")
out=$(printf '%s\n\\.\n' "$forge" | psql -X -qAt -d $db -U fr_dump_ent -c "SET row_security = off" -c "COPY frontrunner.disclosure (enterprise, category, product, standard, status, published_at) FROM stdin" 2>&1)
case "$out" in *"rule 5 (publication): a disclosure is created as a draft"*|*"row-level security"*) r=0 ;; *) r=1; echo "# $out" ;; esac
ok $r "an enterprise login loading a back-dated published row with COPY (row_security off) is refused"
out=$(printf '%s\n\\.\n' "$forge" | psql -X -qAt -d $db -U fr_dump_reg -c "SET row_security = off" -c "COPY frontrunner.disclosure (enterprise, category, product, standard, status, published_at) FROM stdin" 2>&1)
case "$out" in *"rule 5 (publication): a disclosure is created as a draft"*|*"row-level security"*) r=0 ;; *) r=1; echo "# $out" ;; esac
ok $r "a regulator login (not a superuser) loading it with COPY (row_security off) is refused"
ind=$(q $db -c "SELECT i.disclosure || E'\t' || i.indicator FROM frontrunner.disclosed_indicator i JOIN frontrunner.disclosure d ON d.id = i.disclosure WHERE d.status = 'published' AND i.indicator = 'formaldehyde' AND frontrunner.unit(i.requirement) = 'mg/kg' ORDER BY 1 LIMIT 1")
out=$(printf '%s\t%s\t1000 mg/kg\tt\n\\.\n' "$ind" "$(date +%F)" | psql -X -qAt -d $db -U fr_dump_reg -c "COPY frontrunner.spot_check (disclosure, indicator, sampled_on, measured, conforms) FROM stdin" 2>&1)
[ -z "$out" ] || echo "# $out"
c=$(q $db -c "SELECT string_agg(conforms::text, ',') FROM frontrunner.spot_check WHERE measured OPERATOR(frontrunner.=) '1000 mg/kg'")
[ "$c" = false ]
ok $? "a regulator's COPY of a spot check claiming conforms = true gets the database's verdict instead ($c)"
# the restore's own path is a superuser's COPY with row_security off, and only that
out=$(printf '%s\n\\.\n' "$forge" | psql -X -qAt -d $db -c "COPY frontrunner.disclosure (enterprise, category, product, standard, status, published_at) FROM stdin" 2>&1)
case "$out" in *"rule 5 (publication): a disclosure is created as a draft"*) r=0 ;; *) r=1; echo "# $out" ;; esac
ok $r "a superuser's COPY with row_security on (an ordinary bulk load) goes through the rules"

grep -v -E 'circular foreign-key constraints|^pg_dump: (detail|hint):' "$work/dump.err" > "$work/dump.err2"
[ ! -s "$work/dump.err2" ]
ok $? "pg_dump printed no warning but the data-only dump's note on disclosure.supersedes"

echo "1..$n"
[ "$failed" = 0 ]
