-- Living in a bureau's database: the supported search path ("$user", public,
-- frontrunner), setup_search_path(), and what names resolve to there — the
-- bureau's own tables and compare(text, text) stay theirs; driver
-- parameters typed text or varchar (psycopg 3 binary, pgJDBC setString) and
-- untyped ones (node-postgres, psycopg) reach the extension's columns,
-- validated as text input; no expression that resolved before resolves
-- differently or becomes ambiguous.
BEGIN;
SELECT plan(44);

-- search_path_elements(): the setting as PostgreSQL reads it ------------------------------
SELECT is(search_path_elements('"$user", public'), ARRAY['$user', 'public'], 'elements: "$user" and public');
SELECT is(search_path_elements(' A ,"B c" , "x""y,z",,'), ARRAY['a', 'B c', 'x"y,z'],
  'elements: unquoted folded and trimmed, quoted kept with commas and "", empty ones dropped');
SELECT is(search_path_elements(''), '{}'::text[], 'elements: an empty setting has none');

-- setup_search_path() on this database ------------------------------------------------------
-- (prove.sh ran setup_search_path(): the supported setting)
SELECT is(database_search_path(current_database()), '"$user", public, frontrunner',
  'the test database has the supported search_path');
-- the order of 0.1.0's README, which this release replaces
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = frontrunner, public', current_database()); END $$;
SELECT is(setup_search_path(), 'public, frontrunner', 'setup_search_path() moves frontrunner last');
SELECT is(setup_search_path(), 'public, frontrunner', 'setup_search_path() is idempotent');
SELECT is((SELECT array_agg(c) FROM pg_db_role_setting s, unnest(s.setconfig) c
           WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) AND s.setrole = 0),
          ARRAY['search_path=public, frontrunner'], 'it is the database''s own setting (ALTER DATABASE … SET)');
SET LOCAL search_path = public;
SELECT is(frontrunner.database_search_path(current_database()), 'public, frontrunner', 'a session''s SET does not change the database''s setting');
SET LOCAL search_path = frontrunner, public;
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = "Bureau Data", "$user", public', current_database()); END $$;
SELECT is(setup_search_path(current_database()), '"Bureau Data", "$user", public, frontrunner',
  'setup_search_path() appends frontrunner to the database''s setting, quoting as needed');
SELECT is_empty($$SELECT * FROM search_path_problems()$$, 'search_path_problems(): none after setup_search_path()');
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET search_path', current_database()); END $$;
SELECT is(database_search_path(current_database()), (SELECT boot_val FROM pg_settings WHERE name = 'search_path'),
  'a database without a setting of its own starts with the server''s');
SELECT results_eq($$SELECT role::text COLLATE "default", problem FROM search_path_problems()$$,
  $$VALUES (NULL::text, 'the search_path of database ' || current_database()::text COLLATE "default" || ' does not name frontrunner')$$,
  'search_path_problems(): the database''s search_path without frontrunner');
SELECT is(setup_search_path(), '"$user", public, frontrunner', 'setup_search_path(): the supported setting from PostgreSQL''s default');
SELECT throws_ok($$SELECT setup_search_path('no_such_database')$$, '3D000',
  'database "no_such_database" does not exist', 'setup_search_path(): an unknown database');

-- a login of a group role with a search_path of its own that hides the extension
CREATE TEMP TABLE sp_grants AS SELECT * FROM setup_roles();
CREATE ROLE frontrunner_test_sp LOGIN IN ROLE frontrunner_reader;
ALTER ROLE frontrunner_test_sp SET search_path = public;
SELECT results_eq($$SELECT role::text COLLATE "default", setting, hint FROM search_path_problems()$$,
  $$VALUES ('frontrunner_test_sp', 'public',
            'ALTER ROLE frontrunner_test_sp RESET search_path (the database''s then applies), or end its search_path with frontrunner.')$$,
  'search_path_problems(): a role whose own search_path overrides the database''s without frontrunner');
SELECT ok(NOT EXISTS (SELECT FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
                      WHERE r.rolname LIKE 'frontrunner\_%' AND r.rolname <> 'frontrunner_test_sp'),
  'setup_roles() gives no role a search_path of its own');
ALTER ROLE frontrunner_test_sp RESET search_path;

-- a bureau's database: its own objects in public --------------------------------------------
CREATE TABLE public.enterprise (id int PRIMARY KEY, name text);
CREATE TABLE public.standard (code text PRIMARY KEY);
CREATE TABLE public.category (code text PRIMARY KEY);
CREATE TABLE public.disclosure (id int, note text);
CREATE TABLE public.tier (name text);
CREATE FUNCTION public.compare(a text, b text) RETURNS text LANGUAGE sql AS $$ SELECT 'bureau: ' || a || ' vs ' || b $$;
INSERT INTO public.enterprise VALUES (1, '区市场监管局');
SET LOCAL search_path = "$user", public, frontrunner;

SELECT is((SELECT count(*) FROM enterprise), 1::bigint, 'enterprise is the bureau''s table');
SELECT is((SELECT name FROM enterprise), '区市场监管局', 'and reads the bureau''s rows');
INSERT INTO disclosure VALUES (7, 'the bureau''s own');
SELECT is((SELECT count(*) FROM public.disclosure), 1::bigint, 'an unqualified INSERT INTO disclosure goes into the bureau''s table');
SELECT is(pg_typeof((SELECT t FROM tier t LIMIT 1))::text, 'tier', 'tier is the bureau''s table (its row type)');
SELECT is(compare('6.0 ~ 8.0', '6.5 ~ 8.5'), 'bureau: 6.0 ~ 8.0 vs 6.5 ~ 8.5',
  'compare() of untyped literals is the bureau''s compare(text, text): unknown prefers text');
SELECT is(compare('6.0 ~ 8.0'::varchar, '6.5 ~ 8.5'::varchar), 'bureau: 6.0 ~ 8.0 vs 6.5 ~ 8.5',
  'compare() of varchar is the bureau''s too (text is the preferred string type)');
SELECT is(frontrunner.compare('6.0 ~ 8.0', '6.5 ~ 8.5'), 'overlapping', 'frontrunner.compare(…) is the extension''s');
SELECT is(compare('6.0 ~ 8.0'::indicator, indicator '6.5 ~ 8.5'), 'overlapping', 'typed literals pick the extension''s');
SELECT is(lower('≤0.2 mg/kg'), '≤0.2 mg/kg', 'lower() of an untyped literal is pg_catalog.lower(text)');
SELECT is(lower('≥0.2 mg/kg'::indicator), 0.2, 'lower() of an indicator is the extension''s');
SELECT is((SELECT count(*) FROM frontrunner.enterprise), (SELECT count(*) FROM frontrunner.enterprise e WHERE e.uscc = e.uscc),
  'the extension''s tables are reached qualified');

-- driver parameters on the extension's columns -----------------------------------------------
CREATE TEMP TABLE typed_cols (u uscc, s stdcode, i indicator);
CREATE INDEX ON typed_cols (u);
PREPARE ins_varchar(varchar, varchar, varchar) AS INSERT INTO typed_cols VALUES ($1, $2, $3);
PREPARE ins_text(text, text, text) AS INSERT INTO typed_cols VALUES ($1, $2, $3);
PREPARE ins_unknown AS INSERT INTO typed_cols VALUES ($1, $2, $3);
EXECUTE ins_varchar('91110108558521630L', 'GB 18401-2010', '≤ 20 mg/kg');
EXECUTE ins_text('911101085585216-30l', 'gb18401—2010', '6.5～8.5');
EXECUTE ins_unknown('91110108558521630L', 'GB/T 18885-2020', '不得检出');
SELECT results_eq($$SELECT u::text, s::text, i::text FROM typed_cols ORDER BY s, i::text$$,
  $$VALUES ('91110108558521630L', 'GB 18401-2010', '6.5 ~ 8.5'), ('91110108558521630L', 'GB 18401-2010', '≤ 20 mg/kg'),
           ('91110108558521630L', 'GB/T 18885-2020', 'ND')$$,
  'INSERT with varchar, text and untyped parameters: read and canonicalised as text input');
PREPARE upd_varchar(varchar, varchar) AS UPDATE typed_cols SET i = $1 WHERE s = $2;
EXECUTE upd_varchar('≤ 75 mg/kg', 'GB/T 18885-2020');
SELECT is((SELECT i::text FROM typed_cols WHERE s = 'GB/T 18885-2020'), '≤ 75 mg/kg', 'UPDATE … SET i = $1::varchar WHERE s = $2::varchar');
PREPARE by_uscc(varchar) AS SELECT count(*) FROM typed_cols WHERE u = $1;
PREPARE by_std(text) AS SELECT count(*) FROM typed_cols WHERE s = $1;
PREPARE within(varchar) AS SELECT count(*) FROM typed_cols WHERE i <@ $1;
PREPARE covering(text) AS SELECT count(*) FROM typed_cols WHERE $1 @> i;
PREPARE same(varchar) AS SELECT count(*) FROM typed_cols WHERE i = $1;
CREATE FUNCTION pg_temp.run(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint; BEGIN EXECUTE q INTO n; RETURN n; END $$;
CREATE FUNCTION pg_temp.explain_lines(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE l text; BEGIN FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP RETURN NEXT l; END LOOP; END $$;
SELECT is(pg_temp.run($$EXECUTE by_uscc('9111 0108 5585 2163 0L')$$), 3::bigint, 'WHERE uscc = $1::varchar');
SELECT is(pg_temp.run($$EXECUTE by_std('GB 18401-2010')$$), 2::bigint, 'WHERE stdcode = $1::text');
SELECT is(pg_temp.run($$EXECUTE within('≤ 100 mg/kg')$$), 2::bigint, 'WHERE indicator <@ $1::varchar');
SELECT is(pg_temp.run($$EXECUTE covering('≤ 30 mg/kg')$$), 1::bigint, 'WHERE $1::text @> indicator');
SELECT is(pg_temp.run($$EXECUTE same('0.0065 ~ 0.0085 mg/L')$$), 0::bigint, 'WHERE indicator = $1::varchar');
SELECT throws_ok($$EXECUTE by_uscc('91110108558521630X')$$, '22P02',
  'invalid input syntax for type uscc: "91110108558521630X"', 'a bad varchar parameter: the error of text input');
SELECT throws_ok($$EXECUTE ins_text('91110108558521630L', 'GB 18401', '≤ 20 mg/kgg')$$, '22P02', NULL,
  'a bad text parameter into an indicator column: 22P02 as for text input');
SELECT throws_ok($$EXECUTE ins_varchar('91110108558521630L', 'Q/ABC', '≤ 20')$$, '22P02', NULL,
  'a bad varchar parameter into a stdcode column: 22P02');
SET LOCAL enable_seqscan = off;
SET LOCAL plan_cache_mode = force_generic_plan;
SELECT ok((SELECT string_agg(p, ' ') FROM (SELECT * FROM pg_temp.explain_lines('EXECUTE by_uscc(''91110108558521630L'')')) e(p)) ~ 'Index',
  'WHERE uscc = $1::varchar uses the index on the column (the parameter is cast, not the column)');

-- resolution: the casts add no candidate where text or varchar already resolved -----------------
CREATE TEMP TABLE strings (t text, v varchar, c char(3), u uscc);
-- (pg_get_viewdef qualifies the columns of a one-table view before 16, not since)
CREATE TEMP VIEW resolved AS
SELECT v = v AS vv, t = v AS tv, v = 'x' AS vu, max(v) AS mx, lower(v) AS lw, v || u AS cat, t = u::text AS tu
FROM strings GROUP BY t, v, u;
SELECT matches(pg_get_viewdef('resolved'::regclass),
  '\((strings\.)?v\)::text = \((strings\.)?v\)::text', 'varchar = varchar is still text = text');
SELECT matches(pg_get_viewdef('resolved'::regclass), 'max\(\((strings\.)?v\)::text\)', 'max(varchar) is still max(text)');
SELECT matches(pg_get_viewdef('resolved'::regclass), 'lower\(\((strings\.)?v\)::text\)', 'lower(varchar) is still lower(text)');
SELECT matches(pg_get_viewdef('resolved'::regclass), '\((strings\.)?v\)::text \|\| (strings\.)?u', 'varchar || uscc is still text || anynonarray');
CREATE TEMP VIEW resolved_to_ours AS SELECT u = t AS ut, u = v AS uv FROM strings;
SELECT matches(pg_get_viewdef('resolved_to_ours'::regclass), '(strings\.)?u = \((strings\.)?t\)::(frontrunner\.)?uscc',
  'uscc = text: the text side is cast to uscc (uscc -> text is an assignment cast, so text = text is no candidate)');
SELECT throws_ok($$SELECT c = u FROM strings$$, '42883', NULL, 'char(n) has no cast to uscc: an error, as before');

SELECT * FROM finish();
ROLLBACK;
