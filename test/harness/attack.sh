#!/usr/bin/env bash
# Planted-object attack: an unprivileged role that may
# create objects in schema public plants look-alikes of what the install
# script and the extension's functions use — functions named like
# pg_catalog's (each records its call in public.attack_log), operators on
# text, tables named like the extension's, a type named uscc — before
# CREATE EXTENSION, again before an update from 0.1.0 (CREATE EXTENSION …
# VERSION '0.1.0', then ALTER EXTENSION … UPDATE), and before a DROP and
# CREATE EXTENSION.
# A superuser installs the extension and runs the fixture workflow
# (disclosures, publication, spot check, plans, ranking, setup_roles) with
# search_path = frontrunner, public.  Passes when installation succeeds and
# no planted object was called or written.  Prints TAP lines.
#
# Runs inside a cluster environment (PGHOST/PGPORT/PGUSER of a superuser).
set -uo pipefail
cd "$(dirname "$0")/../.."
db=frontrunner_attack
n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
q() { psql -X -qAt -v ON_ERROR_STOP=1 -d "$db" "$@"; }
cleanup() {
  dropdb --if-exists "$db" >/dev/null 2>&1
  psql -X -q -d postgres -c "DROP ROLE IF EXISTS fr_attacker, fr_attack_ent" >/dev/null 2>&1
  if [ "$had_roles" = 0 ]; then
    psql -X -q -d postgres -c "DROP ROLE IF EXISTS frontrunner_regulator, frontrunner_agency, frontrunner_enterprise, frontrunner_reader" >/dev/null 2>&1
  fi
}
had_roles=$(psql -X -qAt -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'frontrunner\_%'" 2>/dev/null || echo 1)
trap cleanup EXIT
cleanup

echo "1..12"
createdb "$db" && psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'SQL'
CREATE ROLE fr_attacker LOGIN;
-- PostgreSQL 15 no longer lets PUBLIC create in schema public; a database
-- set up the old way (or by a careless DBA) does:
GRANT CREATE ON SCHEMA public TO PUBLIC;
CREATE EXTENSION pgtap;
SQL
ok $? "fresh database; an unprivileged role may create in public"

plant() {
  # the connection is the superuser's (pg_virtualenv has password auth);
  # SET SESSION AUTHORIZATION makes the session fr_attacker's, unprivileged
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
SET SESSION AUTHORIZATION fr_attacker;
SET search_path = public;
CREATE TABLE IF NOT EXISTS public.attack_log (what text, by_user name DEFAULT current_user, at timestamptz DEFAULT clock_timestamp());
GRANT INSERT, SELECT ON public.attack_log TO PUBLIC;
-- record a call; SECURITY DEFINER so that any caller can write the log
CREATE OR REPLACE FUNCTION public.attack_note(what text) RETURNS void
LANGUAGE sql SECURITY DEFINER AS $$ INSERT INTO public.attack_log (what) VALUES (what) $$;
-- look-alikes of functions the install script and the bodies use, same or
-- better-matching signatures
CREATE OR REPLACE FUNCTION public.btrim(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('btrim(text)'); RETURN pg_catalog.btrim($1); END $$;
CREATE OR REPLACE FUNCTION public.btrim(varchar) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('btrim(varchar)'); RETURN pg_catalog.btrim($1); END $$;
CREATE OR REPLACE FUNCTION public.now() RETURNS timestamptz LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('now()'); RETURN pg_catalog.now(); END $$;
CREATE OR REPLACE FUNCTION public.format(text, text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('format(text,text)'); RETURN pg_catalog.format($1, $2); END $$;
CREATE OR REPLACE FUNCTION public.format(text, bigint) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('format(text,bigint)'); RETURN pg_catalog.format($1, $2); END $$;
CREATE OR REPLACE FUNCTION public.upper(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('upper(text)'); RETURN pg_catalog.upper($1); END $$;
CREATE OR REPLACE FUNCTION public.regexp_replace(text, text, text, text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('regexp_replace'); RETURN pg_catalog.regexp_replace($1, $2, $3, $4); END $$;
CREATE OR REPLACE FUNCTION public.coalesce_(text) RETURNS text LANGUAGE sql AS $$ SELECT $1 $$;
CREATE OR REPLACE FUNCTION public.quote_literal(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('quote_literal'); RETURN pg_catalog.quote_literal($1); END $$;
CREATE OR REPLACE FUNCTION public.trim_scale(numeric) RETURNS numeric LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('trim_scale'); RETURN pg_catalog.trim_scale($1); END $$;
CREATE OR REPLACE FUNCTION public.jsonb_build_object(text, numeric) RETURNS jsonb LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('jsonb_build_object'); RETURN pg_catalog.jsonb_build_object($1, $2); END $$;
CREATE OR REPLACE FUNCTION public.pg_has_role(name, oid, text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('pg_has_role'); RETURN true; END $$;
CREATE OR REPLACE FUNCTION public.current_setting(text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('current_setting'); RETURN pg_catalog.current_setting($1); END $$;
CREATE OR REPLACE FUNCTION public.pg_extension_config_dump(regclass, text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('pg_extension_config_dump'); END $$;
CREATE OR REPLACE FUNCTION public.string_agg_(text) RETURNS text LANGUAGE sql AS $$ SELECT $1 $$;
CREATE OR REPLACE FUNCTION public.num_nonnulls(text, text) RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('num_nonnulls'); RETURN 0; END $$;
-- operators on text
CREATE OR REPLACE FUNCTION public.evil_eq(text, text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('= (text,text)'); RETURN $1 OPERATOR(pg_catalog.=) $2; END $$;
CREATE OR REPLACE FUNCTION public.evil_ne(text, text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('<> (text,text)'); RETURN $1 OPERATOR(pg_catalog.<>) $2; END $$;
CREATE OR REPLACE FUNCTION public.evil_re(text, text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('~ (text,text)'); RETURN $1 OPERATOR(pg_catalog.~) $2; END $$;
CREATE OR REPLACE FUNCTION public.evil_eq_varchar(varchar, text) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN PERFORM public.attack_note('= (varchar,text)'); RETURN $1 OPERATOR(pg_catalog.=) $2; END $$;
DO $$ BEGIN
  CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, FUNCTION = public.evil_eq);
  CREATE OPERATOR public.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = public.evil_ne);
  CREATE OPERATOR public.~ (LEFTARG = text, RIGHTARG = text, FUNCTION = public.evil_re);
  CREATE OPERATOR public.= (LEFTARG = varchar, RIGHTARG = text, FUNCTION = public.evil_eq_varchar);
EXCEPTION WHEN duplicate_function THEN NULL;
END $$;
-- tables and a type named like the extension's
CREATE TABLE IF NOT EXISTS public.disclosure (id bigint, enterprise text, status text);
CREATE TABLE IF NOT EXISTS public.disclosure_event (id bigint, disclosure bigint, action text);
CREATE TABLE IF NOT EXISTS public.account (role name, enterprise text, agency text);
CREATE TABLE IF NOT EXISTS public.evaluation_plan (id bigint, code text, agency text);
CREATE TABLE IF NOT EXISTS public.ranking (id bigint, plan bigint);
GRANT ALL ON public.disclosure, public.disclosure_event, public.account, public.evaluation_plan, public.ranking TO PUBLIC;
INSERT INTO public.account SELECT 'fr_attacker', '91110108558521630L', 'agency'
WHERE NOT EXISTS (SELECT FROM public.account);
DO $$ BEGIN
  CREATE DOMAIN public.uscc AS text;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
SQL
}

plant
rc=$?
owned=$(q -c "SELECT count(*) FROM pg_proc WHERE proowner = 'fr_attacker'::regrole AND pronamespace = 'public'::regnamespace
              AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = 'fr_attacker')")
[ "$rc" = 0 ] && [ "${owned:-0}" -gt 10 ]
ok $? "look-alike functions, operators, tables and a type planted in public by an unprivileged role ($owned functions)"

out=$(psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION frontrunner" 2>&1)
ok $? "CREATE EXTENSION frontrunner succeeds ${out:+($out)}"

workflow() {
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'SQL'
SET search_path = frontrunner, public;
BEGIN;
\i test/fixtures/registry.sql
\i test/fixtures/ranking.sql
SELECT count(*) FROM frontrunner.setup_roles();
INSERT INTO frontrunner.disclosure (enterprise, category, product, standard)
VALUES ('91110108558521630L', 'textile-b', 'attack v1', 'GB 18401-2010'),
       ('91330100799655058B', 'textile-b', 'attack own', 'Q/HZSL 0001-2024');
INSERT INTO frontrunner.disclosed_indicator
SELECT d.id, v.k, v.r::frontrunner.indicator, v.m::frontrunner.stdcode
FROM frontrunner.disclosure d, (VALUES ('formaldehyde', '≤ 40 mg/kg', 'GB/T 2912.1-2009'), ('ph', '5.0~7.5', 'GB/T 7573-2009')) v(k, r, m)
WHERE d.product IN ('attack v1', 'attack own');
UPDATE frontrunner.disclosure SET status = 'published' WHERE product IN ('attack v1', 'attack own');
SELECT frontrunner.withdraw_disclosure(id, '停产') FROM frontrunner.disclosure WHERE product = 'attack own';
SELECT * FROM frontrunner.disclosure_history(1);
SELECT * FROM frontrunner.enterprise_search('geli');
SELECT * FROM frontrunner.rank_plan('KT-2026');
SELECT * FROM frontrunner.eligibility('KT-2026');
SELECT * FROM frontrunner.indicator_lists('KT-2026');
SELECT * FROM frontrunner.plan_cutoffs('KT-2026');
SELECT frontrunner.publish_ranking('KT-2026');
SELECT frontrunner.leaders_json('KT-2026');
INSERT INTO frontrunner.spot_check (disclosure, indicator, sampled_on, measured)
SELECT id, 'standby', CURRENT_DATE, '5 W' FROM frontrunner.disclosure WHERE product = '电水壶 D1';
SELECT * FROM frontrunner.leaderboard;
SELECT * FROM frontrunner.current_leaders;
SELECT * FROM frontrunner.spot_check_failure;
DROP ROLE IF EXISTS fr_attack_ent;
CREATE ROLE fr_attack_ent IN ROLE frontrunner_enterprise;
INSERT INTO frontrunner.account (role, enterprise) VALUES ('fr_attack_ent', '91110108558521630L');
SET LOCAL ROLE fr_attack_ent;
SELECT count(*) FROM frontrunner.disclosure;
SELECT count(*) FROM frontrunner.disclosed_indicator;
INSERT INTO frontrunner.disclosure (enterprise, category, product, standard)
VALUES ('91110108558521630L', 'textile-b', 'attack by enterprise', 'GB 18401-2010');
RESET ROLE;
COMMIT;
SQL
}

workflow
ok $? "the fixture workflow runs (rules, publication, withdrawal, spot check, ranking, setup_roles, RLS as a tenant)"

calls=$(q -c "SELECT coalesce(string_agg(DISTINCT what, ', '), '') FROM public.attack_log")
rows=$(q -c "SELECT (SELECT count(*) FROM public.disclosure) + (SELECT count(*) FROM public.disclosure_event)
               + (SELECT count(*) FROM public.evaluation_plan) + (SELECT count(*) FROM public.ranking)
               + (SELECT count(*) FROM public.account) - 1")
[ -z "$calls" ] && [ "$rows" = 0 ]
ok $? "install and workflow called no planted object (calls: ${calls:-none}) and wrote no planted table (rows: $rows)"

# the update: the extension at 0.1.0 (as shipped), the objects planted
# again, ALTER EXTENSION … UPDATE to this release, the workflow on it; then
# DROP and CREATE EXTENSION again
out=$(psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "DROP EXTENSION frontrunner CASCADE" -c "CREATE EXTENSION frontrunner VERSION '0.1.0'" 2>&1)
ok $? "DROP EXTENSION, CREATE EXTENSION frontrunner VERSION '0.1.0' with planted objects ${out:+($out)}"
plant >/dev/null 2>&1
out=$(psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "ALTER EXTENSION frontrunner UPDATE" 2>&1)
ok $? "ALTER EXTENSION frontrunner UPDATE (0.1.0 → this release) with planted objects ${out:+($out)}"
workflow
ok $? "the workflow runs on the upgraded extension"

out=$(psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "DROP EXTENSION frontrunner CASCADE" -c "CREATE EXTENSION frontrunner" 2>&1)
ok $? "DROP and CREATE EXTENSION again with planted objects"

workflow
ok $? "the workflow runs again on the reinstalled extension"

calls=$(q -c "SELECT coalesce(string_agg(DISTINCT what, ', '), '') FROM public.attack_log")
rows=$(q -c "SELECT (SELECT count(*) FROM public.disclosure) + (SELECT count(*) FROM public.disclosure_event)
               + (SELECT count(*) FROM public.evaluation_plan) + (SELECT count(*) FROM public.ranking)
               + (SELECT count(*) FROM public.account) - 1")
[ -z "$calls" ] && [ "$rows" = 0 ]
ok $? "after the update and the reinstall still no planted object called (calls: ${calls:-none}) or written (rows: $rows)"

# control: the look-alikes do fire for SQL that resolves to them (public
# before pg_catalog), so the empty log above means something
calls=$(psql -X -qAt -d "$db" -c "SET search_path = public, pg_catalog" -c "SELECT now() IS NOT NULL" \
          -c "SELECT string_agg(DISTINCT what, ', ') FROM public.attack_log" 2>&1 | tail -1)
[ "$calls" = "now()" ]
ok $? "control: with public before pg_catalog an unqualified now() calls the planted one (log: $calls)"

[ "$failed" = 0 ]
