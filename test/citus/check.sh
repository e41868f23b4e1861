#!/usr/bin/env bash
# make citus-check: the registry distributed on a real 3-node Citus 13.2.2
# cluster (test/citus/citusenv.sh: a private copy of PostgreSQL 15 with the
# shared Citus build and this build, a coordinator and two workers on
# loopback) against the same registry on one node, side by side on the
# coordinator: database "postgres" has the citus extension and the
# distributed registry, database "frontrunner_one" has no citus extension
# (Citus does nothing there) and the registry on one node.
#   1. citus_distribute(): not needed on one node (nothing changed), refused
#      on a worker, with settings that break the rules and with data; then
#      the layout: tenant tables distributed by enterprise and co-located,
#      catalogs as reference tables, the tenant in every key on every node,
#      history ids in a range per worker;
#   2. setup_roles() on both: the roles and the privileges on every node;
#   3. the demo loaded into both through the rules, in the form a 0.2.0
#      client writes it (test/citus/client.sql); its output is the same;
#   4. every rule refuses on both with the same SQLSTATE, message, DETAIL
#      and HINT (test/citus/rules.sql, test/citus/errors.pl);
#   5. row-level security and the history, role by role, reads and writes
#      (test/citus/visibility.sql);
#   6. the same answers (test/citus/results.sql): rank_plan, eligibility,
#      indicator_lists, plan_cutoffs, benchmark comparison, reports, JSON,
#      import, publish_ranking, inspection campaigns (a draw made on both, the
#      stored draws and results, the reports, a plan ranked by the methods'
#      limits, district_report's findings);
#   7. EXPLAIN: the ranking's statistics (level_stats) computed on the
#      workers, combined on the coordinator.
# Prints TAP lines (test/harness/suite.sh counts them) and the time taken.
#
#   bash test/citus/check.sh            (after make; starts and removes its cluster)
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${CITUS_WORK:-}" ]; then
  t0=$(date +%s)
  bash test/citus/citusenv.sh bash test/citus/check.sh "$@"
  rc=$?
  echo "# citus-check: $(( $(date +%s) - t0 )) s, cluster start and stop included"
  exit $rc
fi

n=0; failed=0
tp=$(date +%s)
phase() { echo "# $1: $(( $(date +%s) - tp )) s"; tp=$(date +%s); }
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; return "$1"; }
work=$(mktemp -d)
chmod 755 "$work"
trap '[ -n "${CITUS_KEEP:-}" ] || rm -rf "$work"' EXIT
citus=postgres
one=frontrunner_one
read -r coord w1 w2 <<<"$CITUS_PORTS"
q() { psql -X -qAt -v ON_ERROR_STOP=1 "$@"; }
# the diff of two outputs, the database clock's stamps left out (and the
# width of psql's columns, which follows their digits), and what
# Citus adds to an error raised on a shard (README "Scaling out"): the
# CONTEXT line naming the node, the shard's number in a table's name
same() {  # same FILE1 FILE2 TITLE
  local a=$work/a.$$ b=$work/b.$$ f x
  for f in "$1" "$2"; do
    x=$a; [ "$f" = "$2" ] && x=$b
    sed -E -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}(:[0-9]{2})?)?/<time>/g' \
           -e '/^CONTEXT:  while executing command on [0-9.]+:[0-9]+$/d' \
           -e 's/^(ERROR: .*for table "[a-z_]+)_[0-9]{6,}"/\1"/' \
           -e 's/ +/ /g; s/-{2,}/--/g' "$f" > "$x"
  done
  if diff -q "$a" "$b" >/dev/null; then ok 0 "$3"; else ok 1 "$3"; diff "$a" "$b" | head -20 | sed 's/^/# /'; fi
  rm -f "$a" "$b"
}
# one section (between "result NAME" lines) of an output
section() { awk -v s="result $2" '$0 == s {on = 1; next} /^result / {on = 0} on' "$1"; }

# -- 1. citus_distribute -------------------------------------------------------------------
q -d "$citus" -c "CREATE EXTENSION frontrunner"
createdb "$one" 2>/dev/null
q -d "$one" -c "CREATE EXTENSION frontrunner"
schema_of() { q -d "$1" -c "SELECT md5(string_agg(c.conrelid::regclass || ' ' || pg_get_constraintdef(c.oid), ',' ORDER BY 1)) FROM pg_constraint c WHERE c.connamespace = 'frontrunner'::regnamespace"; }
before=$(schema_of "$one")
out=$(psql -X -At -d "$one" -c "SELECT count(*) FROM frontrunner.citus_distribute()" 2>&1)
echo "$out" | grep -q 'NOTICE:  frontrunner.citus_distribute() is not needed here: this database is one node' && [ "$(echo "$out" | tail -1)" = 0 ] && [ "$(schema_of "$one")" = "$before" ]
ok $? "one node: citus_distribute() says it is not needed and changes nothing"
out=$(psql -X -At -p "$w1" -d "$citus" -v VERBOSITY=verbose -c "SELECT frontrunner.citus_distribute()" 2>&1)
echo "$out" | grep -q 'ERROR:  55000: citus_distribute() runs on the Citus coordinator'
ok $? "a worker: refused (55000)"
out=$(psql -X -At -d "$citus" -v VERBOSITY=verbose -c "SET citus.shard_replication_factor = 2" -c "SELECT frontrunner.citus_distribute()" 2>&1)
echo "$out" | grep -q 'ERROR:  55000: the Citus settings do not allow the registry to be distributed' && echo "$out" | grep -q 'citus.shard_replication_factor = 2'
ok $? "citus.shard_replication_factor = 2: refused (55000), the setting named" || echo "$out" | sed 's/^/# /'
psql -X -q -p "$w2" -c "ALTER SYSTEM SET citus.skip_advisory_lock_permission_checks = off" -c "SELECT pg_reload_conf()" >/dev/null; sleep 1
out=$(psql -X -At -d "$citus" -v VERBOSITY=verbose -c "SELECT frontrunner.citus_distribute()" 2>&1)
psql -X -q -p "$w2" -c "ALTER SYSTEM RESET citus.skip_advisory_lock_permission_checks" -c "SELECT pg_reload_conf()" >/dev/null; sleep 1
echo "$out" | grep -q 'ERROR:  55000: the Citus settings do not allow the registry to be distributed' && echo "$out" | grep -q "citus.skip_advisory_lock_permission_checks is not on at 127.0.0.1:$w2"
ok $? "citus.skip_advisory_lock_permission_checks off on a worker: refused (55000), the node named" || echo "$out" | sed 's/^/# /'
out=$(psql -X -At -d "$citus" -v VERBOSITY=verbose -c "BEGIN" -c "INSERT INTO frontrunner.category VALUES ('c', 'c')" -c "SELECT frontrunner.citus_distribute()" -c "ROLLBACK" 2>&1)
echo "$out" | grep -q 'ERROR:  55000: the registry holds data' && echo "$out" | grep -q 'Rows in: category (1)'
ok $? "data present: refused (55000), the tables named" || echo "$out" | sed 's/^/# /'
[ "$(q -d "$citus" -c "SELECT count(*) FROM frontrunner.citus_distribute()")" = "$(q -d "$citus" -c "SELECT count(*) FROM frontrunner.citus_layout()")" ]
ok $? "the coordinator: distributed, every table of citus_layout()"
out=$(psql -X -At -d "$citus" -c "SELECT count(*) FROM frontrunner.citus_distribute()" 2>&1)
echo "$out" | grep -q 'NOTICE:  the registry is already distributed'
ok $? "a second run says the registry is distributed already"
layout=$(q -d "$citus" <<'SQL'
SELECT string_agg(l.relation || ' ' || l.layout, ', ' ORDER BY l.relation) FILTER (WHERE
         CASE l.layout
           WHEN 'reference' THEN p.partmethod IS DISTINCT FROM 'n'
           WHEN 'local' THEN p.partmethod IS NOT NULL
           ELSE p.partmethod IS DISTINCT FROM 'h'
                OR p.colocationid IS DISTINCT FROM (SELECT x.colocationid FROM pg_dist_partition x WHERE x.logicalrelid = 'frontrunner.disclosure'::regclass)
                OR column_to_column_name(p.logicalrelid, p.partkey) <> 'enterprise' END)
FROM frontrunner.citus_layout() l
LEFT JOIN pg_dist_partition p ON p.logicalrelid = ('frontrunner.' || l.relation)::regclass
SQL
)
[ -z "$layout" ]
ok $? "the layout: tenant tables hash-distributed by enterprise and co-located with disclosure, catalogs reference tables, staging local${layout:+ (not so: $layout)}"
keys=$(q -d "$citus" <<'SQL'
SELECT string_agg(n.nodeport || ': ' || r.result, '; ')
FROM run_command_on_all_nodes($$SELECT count(*) FROM pg_constraint c
  WHERE c.contype IN ('p', 'u', 'f') AND c.conrelid::regclass::text IN (SELECT 'frontrunner.' || l.relation FROM frontrunner.citus_layout() l WHERE l.layout IN ('distributed', 'colocated'))
    AND NOT (c.conkey[1] = (SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attname = 'enterprise')
             OR (c.contype = 'f' AND c.confrelid::regclass::text NOT IN (SELECT 'frontrunner.' || l.relation FROM frontrunner.citus_layout() l WHERE l.layout IN ('distributed', 'colocated'))))$$) r
JOIN pg_dist_node n USING (nodeid) WHERE r.result <> '0'
SQL
)
[ -z "$keys" ]
ok $? "every key and every reference between tenant tables begins with the tenant, on every node${keys:+ (not on $keys)}"
ranges=$(q -d "$citus" -c "SELECT string_agg(r.result, ' ' ORDER BY nodeport) FROM run_command_on_workers(\$\$SELECT s.seqmin || '-' || s.seqmax FROM pg_sequence s WHERE s.seqrelid = 'frontrunner.disclosure_event_id_seq'::regclass\$\$) r")
[ "$ranges" = "281474976710657-562949953421311 562949953421313-844424930131967" ]
ok $? "history ids on the workers in a range of their own (group << 48): $ranges"

phase "distribute"
# -- 2. roles -------------------------------------------------------------------------------
for db in "$citus" "$one"; do q -d "$db" -c "SELECT count(*) FROM frontrunner.setup_roles()" >/dev/null; done
q -d "$citus" <<'SQL'
CREATE ROLE fr_regulator LOGIN IN ROLE frontrunner_regulator;
CREATE ROLE fr_agency LOGIN IN ROLE frontrunner_agency;
CREATE ROLE fr_enterprise LOGIN IN ROLE frontrunner_enterprise;
CREATE ROLE fr_reader LOGIN IN ROLE frontrunner_reader;
CREATE ROLE fr_nobody LOGIN;
SQL
grants=$(q -d "$citus" -c "SELECT string_agg(DISTINCT r.result, ' ') FROM run_command_on_all_nodes(\$\$SELECT
  has_function_privilege('fr_enterprise', 'frontrunner.account_enterprise(name)', 'EXECUTE')::text || '/' ||
  has_function_privilege('fr_enterprise', 'frontrunner.raise_violation(text,text,text,text,text,text)', 'EXECUTE') || '/' ||
  has_function_privilege('fr_reader', 'frontrunner.raise_violation(text,text,text,text,text,text)', 'EXECUTE') || '/' ||
  has_table_privilege('fr_enterprise', 'frontrunner.disclosure', 'INSERT') || '/' ||
  has_table_privilege('fr_reader', 'frontrunner.benchmark_summary', 'SELECT') || '/' ||
  has_table_privilege('fr_reader', 'frontrunner.disclosure', 'SELECT') || '/' ||
  pg_has_role('fr_agency', 'frontrunner_agency', 'MEMBER')\$\$) r")
[ "$grants" = "true/true/false/true/true/false/true" ]
ok $? "setup_roles(): roles, memberships and the privileges of tables, views and functions the same on every node ($grants)"

phase "roles"
# -- 3. the demo through the rules ----------------------------------------------------------
demo_ok=0
# (the client's UPDATE and DELETE of those rows name the table itself: Citus
# modifies no view, and a statement on the table needs no tenant)
mkdir -p "$work/test/demo"; ln -s "$PWD/test/fixtures" "$work/test/fixtures"
for f in test/demo/[0-9]*.sql; do
  sed -E 's/^(UPDATE|DELETE FROM) (disclosed_indicator|spot_check)\b/\1 frontrunner.\2/' "$f" > "$work/$f"
done
for db in "$citus" "$one"; do
  : > "$work/demo.$db"
  for f in test/demo/[0-9]*.sql; do
    psql -X -q -v ON_ERROR_STOP=1 -P pager=off -d "$db" -f test/citus/client.sql -f "$work/$f" >> "$work/demo.$db" 2>&1 || { demo_ok=1; echo "# $db: $f failed"; tail -5 "$work/demo.$db" | sed 's/^/# /'; }
  done
  # Citus says that the session's own functions and views stay on the coordinator
  sed -i -E '/has dependency on unsupported object "schema pg_temp/{N;d}' "$work/demo.$db"
done
ok $demo_ok "the demo loads into both through the rules (child rows with their enterprise, as a 0.2.0 client writes them)"
same "$work/demo.$one" "$work/demo.$citus" "the demo's output is the same on both"
for db in "$citus" "$one"; do
  q -d "$db" <<'SQL'
INSERT INTO frontrunner.account (role, enterprise)
SELECT 'fr_enterprise', d.enterprise FROM frontrunner.disclosure d WHERE d.status = 'draft' ORDER BY d.id LIMIT 1;
INSERT INTO frontrunner.account (role, agency) VALUES ('fr_agency', '北京市纺织品评估中心 (示例)');
SQL
done

# an inspection campaign is drawn by draw_campaign() (the demo's: the same
# draw on both); UPDATE … SET status = 'drawn' runs on every node's copy of
# the campaign, where the population cannot be read: on Citus it is refused
# (0A000) and names draw_campaign(), on one node it draws
for db in "$citus" "$one"; do
  psql -X -At -d "$db" -v VERBOSITY=verbose > "$work/drawn.$db" 2>&1 <<'SQL'
BEGIN;
INSERT INTO frontrunner.inspection_campaign (code, title, authority, category, district, sample_size, inspectors, team_size, seed)
VALUES ('CITUS-DRAW', '抽查 (示例)', '北京市市场监督管理局 (示例)', 'infant-textile', '1101', 2, '{bj_insp_zhang,bj_insp_li}', 1, 'seed');
UPDATE frontrunner.inspection_campaign SET status = 'drawn' WHERE code = 'CITUS-DRAW';
SELECT 'draw rows ' || count(*) FROM frontrunner.inspection_draw x JOIN frontrunner.inspection_campaign c ON c.id = x.campaign WHERE c.code = 'CITUS-DRAW';
ROLLBACK;
SQL
done
grep -q "ERROR:  0A000: inspection campaign: on a distributed registry campaign CITUS-DRAW is drawn by draw_campaign()" "$work/drawn.$citus" \
  && grep -q "HINT:  SELECT \* FROM frontrunner.draw_campaign('CITUS-DRAW') draws it" "$work/drawn.$citus" \
  && grep -qx 'draw rows 2' "$work/drawn.$one" && ! grep -q ERROR "$work/drawn.$one"
ok $? "UPDATE … SET status = 'drawn': on Citus refused (0A000, naming draw_campaign()), on one node it draws" || sed 's/^/# /' "$work/drawn.$citus" "$work/drawn.$one"
d1=$(q -d "$one" -c "SELECT string_agg(x.disclosure || ':' || x.inspector, ',' ORDER BY x.n) FROM frontrunner.draw_campaign('BJ-2026-SSJ-01') WITH ORDINALITY x(disclosure, inspector, n)")
d2=$(q -d "$citus" -c "SELECT string_agg(x.disclosure || ':' || x.inspector, ',' ORDER BY x.n) FROM frontrunner.draw_campaign('BJ-2026-SSJ-01') WITH ORDINALITY x(disclosure, inspector, n)")
ents=$(q -d "$citus" -c "SELECT string_agg(DISTINCT x.enterprise::text, ',') FROM frontrunner.inspection_draw x")
p2=$(q -d "$citus" -c "SELECT count(DISTINCT p.groupid) FROM unnest(string_to_array('$ents', ',')) e JOIN pg_dist_placement p ON p.shardid = get_shard_id_for_distribution_column('frontrunner.inspection_draw', e::frontrunner.uscc)")
[ -n "$d1" ] && [ "$d1" = "$d2" ] && [ "$p2" = 2 ]
ok $? "the demo's campaign drawn on Citus as on one node ($(tr ',' '\n' <<<"$d1" | wc -l) drawn pairs, stored on the shards of both workers)" || echo "# one node: $d1; Citus: $d2; workers: $p2"

phase "demo loaded into both"
# -- 4. every rule ----------------------------------------------------------------------------
for db in "$citus" "$one"; do psql -X -d "$db" -f test/citus/rules.sql > "$work/rules.$db" 2>&1; done
perl test/citus/errors.pl "$work/rules.$one" "$work/rules.$citus" > "$work/errors"
grep -vE '^ok [0-9]+ ' "$work/errors"
p=$(grep -cE '^ok [0-9]+ ' "$work/errors"); f=$(grep -cE '^not ok [0-9]+ ' "$work/errors")
[ "$f" = 0 ] && [ "$p" -gt 0 ]
ok $? "every rule refuses on Citus what it refuses on one node: $p of $((p + f)) comparisons hold"

phase "rules"
# -- 5. row-level security and the history, role by role -----------------------------------------
for role in postgres fr_regulator fr_agency fr_enterprise fr_reader fr_nobody; do
  for db in "$citus" "$one"; do
    psql -X -d "$db" -c "SET ROLE $role" -f test/citus/visibility.sql > "$work/vis.$role.$db" 2>&1
  done
  same "$work/vis.$role.$one" "$work/vis.$role.$citus" "$role sees the same rows of every table and view, history included"
done
# writes under the policies: an enterprise's new version, an agency's plan
for db in "$citus" "$one"; do
  psql -X -q -d "$db" -v VERBOSITY=default > "$work/writes.$db" 2>&1 <<'SQL'
SET ROLE fr_enterprise;
SET search_path = frontrunner, public;
INSERT INTO disclosure (enterprise, category, product, standard)
SELECT current_enterprise(), d.category, 'new model', d.standard FROM disclosure d WHERE d.enterprise = current_enterprise() ORDER BY d.id LIMIT 1
RETURNING id AS mine \gset
INSERT INTO disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
SELECT current_enterprise(), :mine, i.indicator, i.requirement, i.test_method
FROM disclosed_indicator i JOIN disclosure d ON d.enterprise = i.enterprise AND d.id = i.disclosure
WHERE d.enterprise = current_enterprise() AND d.id = (SELECT min(x.id) FROM disclosure x WHERE x.enterprise = current_enterprise());
SELECT publish_disclosure(:mine) IS NOT NULL AS published;
INSERT INTO disclosed_indicator (enterprise, disclosure, indicator, requirement)
SELECT d.enterprise, d.id, 'ph', '5.0~7.0' FROM disclosure d WHERE d.enterprise <> current_enterprise() AND d.status = 'draft' ORDER BY d.id LIMIT 1;
SELECT action, old_status, new_status, by_user FROM disclosure_history(:mine);
RESET ROLE;
SET ROLE fr_agency;
INSERT INTO evaluation_plan (code, agency, category, title, deadline) VALUES ('AG-1', current_agency(), 'infant-textile', 'agency plan', '2030-01-01');
INSERT INTO plan_indicator (plan, indicator) SELECT id, 'formaldehyde' FROM evaluation_plan WHERE code = 'AG-1';
INSERT INTO evaluation_plan (code, agency, category, title, deadline) VALUES ('AG-2', 'another agency', 'infant-textile', 'not mine', '2030-01-01');
SELECT code, status, agency FROM evaluation_plan WHERE status = 'draft' ORDER BY code;
SQL
done
same "$work/writes.$one" "$work/writes.$citus" "writes under the policies (an enterprise's new version, an agency's plan) answer the same, history included"
for role in fr_enterprise fr_agency; do
  for db in "$citus" "$one"; do
    psql -X -d "$db" -c "SET ROLE $role" -f test/citus/visibility.sql > "$work/vis2.$role.$db" 2>&1
  done
  same "$work/vis2.$role.$one" "$work/vis2.$role.$citus" "$role sees the same rows after its writes"
done
bs=$(q -d "$citus" -c "SELECT by_user || '/' || by_session FROM frontrunner.disclosure_event WHERE by_user = 'fr_enterprise' AND action = 'publish'")
[ "$bs" = "fr_enterprise/fr_enterprise" ]
ok $? "history on Citus: by_user the role, by_session the role the coordinator connected as ($bs; one node: $(q -d "$one" -c "SELECT by_user || '/' || by_session FROM frontrunner.disclosure_event WHERE by_user = 'fr_enterprise' AND action = 'publish'"))"

phase "row-level security"
# -- 6. the same answers ------------------------------------------------------------------------
for db in "$citus" "$one"; do psql -X -d "$db" -f test/citus/results.sql > "$work/results.$db" 2>&1; done
for s in rank_plan eligibility indicator_lists plan_cutoffs benchmark_summary benchmark_gap benchmark_profile \
         benchmark_profile_of_an_enterprise benchmark_of_a_disclosure disclosure_json leaders reports exclusion \
         violations_of_the_drafts history import publish_ranking draw_campaign inspection_draw inspection_result \
         campaign_report campaign_audit claim_verifiability reference_report unverifiable_leader rank_plan_method_limits \
         district_report_findings import_batched; do
  section "$work/results.$citus" "$s" > "$work/s.citus"
  section "$work/results.$one" "$s" > "$work/s.one"
  if [ -s "$work/s.one" ] && ! grep -q 'ERROR' "$work/s.one" "$work/s.citus"; then
    same "$work/s.one" "$work/s.citus" "$s: the same on Citus as on one node ($(grep -cE '^\(?[0-9]+ rows?\)?$' "$work/s.one" | tr -d ' ') results, $(wc -l < "$work/s.one") lines)"
  else
    ok 1 "$s: answered on both"; grep -h -A3 ERROR "$work/s.one" "$work/s.citus" | head -8 | sed 's/^/# /'
  fi
done

phase "results"
# -- 7. the ranking's statistics on the workers ----------------------------------------------------
plan=$(q -d "$citus" -c "EXPLAIN (VERBOSE, COSTS OFF) $(q -d "$citus" -c "SELECT frontrunner.ranking_query(frontrunner.plan_id('BJ-2026-TEX'), 'cutoffs')")")
echo "$plan" > "$work/plan"
grep -q 'coord_combine_agg' "$work/plan" && grep -q "worker_partial_agg('frontrunner.level_stats(numeric,frontrunner.direction)'" "$work/plan" && grep -q 'Task Count: 8' "$work/plan"
ok $? "EXPLAIN: level_stats partial on the workers (worker_partial_agg, 8 shard tasks), combined on the coordinator (coord_combine_agg)"

phase "EXPLAIN"
# -- 8. BI on a streaming replica of the coordinator ---------------------------------------------
# a hot standby of the coordinator (pg_basebackup -R): the reader's views
# read there as on the coordinator (Citus reads the workers from it), and a
# write is refused as on any standby
# a follower cluster: a hot standby of each node, registered as its
# secondary (the coordinator's too: it holds the reference tables), the
# coordinator's reading the secondaries
# (citus.use_secondary_nodes = always): Citus's own read replicas
standby=$(( coord + 7 )); sdir=$CITUS_WORK/n1s
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
standby_of() {  # standby_of PRIMARY_PORT PORT DIR [SETTING]
  as_server "$FR_PGBIN/pg_basebackup" -h 127.0.0.1 -p "$1" -U postgres -D "$3" -R -X stream -c fast >/dev/null 2>&1 &&
    sed -i "s/^port = .*/port = $2/" "$3/postgresql.conf" &&
    { [ -z "${4:-}" ] || echo "$4" >> "$3/postgresql.conf"; } &&
    as_server "$FR_PGBIN/pg_ctl" -D "$3" -l "$3.log" -w -t 60 start >/dev/null
}
rc=0
standby_of "$w1" $(( coord + 8 )) "$CITUS_WORK/n2s" || rc=1
standby_of "$w2" $(( coord + 9 )) "$CITUS_WORK/n3s" || rc=1
q -d "$citus" -c "SELECT citus_add_secondary_node('127.0.0.1', $(( coord + 8 )), '127.0.0.1', $w1)" -c "SELECT citus_add_secondary_node('127.0.0.1', $(( coord + 9 )), '127.0.0.1', $w2)" \
  -c "SELECT citus_add_secondary_node('127.0.0.1', $standby, '127.0.0.1', $coord)" >/dev/null || rc=1
standby_of "$coord" "$standby" "$sdir" "citus.use_secondary_nodes = 'always'" || rc=1
ok $rc "a follower cluster: hot standbys of the workers as their secondaries, of the coordinator reading them (citus.use_secondary_nodes = always)"
views="SELECT format('SELECT %L AS view, count(*), md5(coalesce(string_agg(v::text, '','' ORDER BY v::text), '''')) FROM frontrunner.%I v;', o.name, o.name)
       FROM frontrunner.security_objects() o WHERE o.kind = 'view' AND o.class = 'public_view' ORDER BY o.name"
q -d "$citus" -c "$views" > "$work/standby.sql"
for port in "$coord" "$standby"; do
  psql -X -q -At -h 127.0.0.1 -p "$port" -d "$citus" -c "SET ROLE fr_reader" -f "$work/standby.sql" > "$work/standby.$port" 2>&1
done
psql -X -q -At -d "$one" -c "SET ROLE fr_reader" -f "$work/standby.sql" > "$work/standby.one" 2>&1
[ -s "$work/standby.$coord" ] && ! grep -q -E '(ERROR|WARNING)' "$work/standby.one" "$work/standby.$coord" "$work/standby.$standby"
ok $? "the reader's $(wc -l < "$work/standby.sql" | tr -d ' ') views answer on one node, on the coordinator and on its standby" || grep -h -E '(ERROR|WARNING)' "$work/standby.one" "$work/standby.$coord" "$work/standby.$standby" | head -12 | sed 's/^/# /'
# (the rows against one node's: section 5, stamps aside)
same "$work/standby.$coord" "$work/standby.$standby" "and on the standby the coordinator's rows"
out=$(psql -X -q -At -h 127.0.0.1 -p "$standby" -d "$citus" -v VERBOSITY=verbose -c "SELECT frontrunner.publish_ranking('BJ-2026-WAT')" 2>&1)
grep -q '25006' <<<"$out"
ok $? "a write on the standby is refused (25006, read-only transaction)" || sed 's/^/# /' <<<"$out"
for d in "$sdir" "$CITUS_WORK/n2s" "$CITUS_WORK/n3s"; do as_server "$FR_PGBIN/pg_ctl" -D "$d" -m immediate -w stop >/dev/null 2>&1; done

phase "standby"
# -- 9. rule 8 refusing (frontrunner.unverifiable_claims = refuse) ---------------------------------
# the DBA's setting, ALTER DATABASE … SET on the coordinator, which Citus
# gives the workers (the rules run on the shards, where a session setting of
# the coordinator does not reach): a leader's
# claim the method cannot verify, disclosed again as a draft and published,
# refused with FR009 on both
for db in "$citus" "$one"; do q -d "$db" -c "ALTER DATABASE $db SET frontrunner.unverifiable_claims = 'refuse'"; done
# (Citus gives ALTER DATABASE … SET to the workers, and refuses it there)
q -d "$citus" -c "SELECT count(*) FROM run_command_on_workers('SHOW frontrunner.unverifiable_claims') WHERE success AND result = 'refuse'" > "$work/rule8.set"
for db in "$citus" "$one"; do
  psql -X -q -At -d "$db" -v VERBOSITY=default -v SHOW_CONTEXT=never > "$work/rule8.$db" 2>&1 <<'SQL'
SET search_path = frontrunner, public;
SELECT v.disclosure AS src, v.enterprise AS src_ent FROM unverifiable_leader v ORDER BY v.plan, v.rank LIMIT 1 \gset
INSERT INTO disclosure (enterprise, category, product, standard)
SELECT d.enterprise, d.category, d.product || ' (rule 8)', d.standard FROM disclosure d WHERE d.enterprise = :'src_ent' AND d.id = :src
RETURNING id AS draft \gset
INSERT INTO disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
SELECT i.enterprise, :draft, i.indicator, i.requirement, i.test_method FROM disclosed_indicator i WHERE i.enterprise = :'src_ent' AND i.disclosure = :src;
SELECT unverifiable_claims_setting();
UPDATE disclosure SET status = 'published' WHERE enterprise = :'src_ent' AND id = :draft;
SELECT status FROM disclosure WHERE enterprise = :'src_ent' AND id = :draft;
SQL
  sed -i -E '/^CONTEXT:  while executing command on/d; s/(disclosure|Disclosure) [0-9]+/\1 N/g' "$work/rule8.$db"
done
[ "$(cat "$work/rule8.set")" = 2 ] && grep -q 'FR009\|rule 8 (verifiability)' "$work/rule8.$one"
ok $? "rule 8 set to refuse (ALTER DATABASE on the coordinator; the workers have it too): one node refuses the unverifiable claim ($(grep -m1 -o 'rule 8[^:]*' "$work/rule8.$one"))" || sed 's/^/# /' "$work/rule8.$one"
same "$work/rule8.$one" "$work/rule8.$citus" "and the cluster refuses it the same, the draft left a draft"
for db in "$citus" "$one"; do q -d "$db" -c "ALTER DATABASE $db RESET frontrunner.unverifiable_claims"; done

phase "rule 8"
# -- 10. pg_dump of the coordinator ----------------------------------------------------------------
# a plain pg_dump of the coordinator holds the registry's rows: Citus
# gathers a distributed table's COPY from its shards
pg_dump -d "$citus" > "$work/dump.sql" 2>/dev/null
counts=$(awk '/^COPY frontrunner\.(disclosure|disclosed_indicator) /{t=$2; n=0; next} /^\\\.$/{if (t != "") printf "%s=%d ", t, n; t=""; next} t != "" {n++}' "$work/dump.sql")
want=$(q -d "$citus" -c "SELECT format('frontrunner.disclosure=%s frontrunner.disclosed_indicator=%s ', (SELECT count(*) FROM frontrunner.disclosure), (SELECT count(*) FROM frontrunner.disclosed_indicator))")
[ "$counts" = "$want" ]
ok $? "pg_dump of the coordinator holds every disclosure and disclosed indicator (${counts:-none}; the cluster: $want)"

phase "pg_dump"
# -- 11. the database clock ------------------------------------------------------------------------
# clock() on the coordinator: now() before the transaction's first
# distributed statement, then the distributed transaction's stamp, the one
# the rules on the shards (on the workers) stamp the history with
psql -X -qAt -v ON_ERROR_STOP=1 -d "$citus" > "$work/clock.out" 2>&1 <<'SQL'
SET search_path = frontrunner, public;
BEGIN;
SELECT clock() = now() AS before;
SELECT pg_sleep(0.02);
SELECT d.enterprise AS cent, d.category AS ccat, d.standard AS cstd FROM disclosure d
WHERE std_kind(d.standard) <> 'enterprise' ORDER BY d.enterprise, d.id LIMIT 1 \gset
INSERT INTO disclosure (enterprise, category, product, standard)
VALUES (:'cent', :'ccat', 'clock probe', :'cstd') RETURNING id AS cid \gset
-- (the worker's transaction started 20 ms after the coordinator's: its own
-- now() is later than the stamp)
SELECT clock() = (pg_catalog.get_current_transaction_id()).transaction_stamp,
       (SELECT e.at FROM disclosure_event e WHERE e.enterprise = :'cent' AND e.disclosure = :cid AND e.action = 'create') = clock();
ROLLBACK;
SQL
[ "$(tr '\n' ' ' < "$work/clock.out")" = "t  t|t " ]
ok $? "clock() on the cluster: now() before the first distributed statement, then the distributed transaction's stamp, which the shard's rule stamped the history with" || sed 's/^/# /' "$work/clock.out"

phase "clock"
echo "1..$n"
[ "$failed" = 0 ]
