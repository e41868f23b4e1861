-- Registry schema: documented columns, pg_dump registration, indexes,
-- pinyin and enterprise search.
BEGIN;
SELECT plan(22);

SELECT tables_are('frontrunner', ARRAY['enterprise', 'standard', 'category', 'indicator_def',
  'standard_requirement', 'disclosure', 'disclosed_indicator', 'spot_check', 'disclosure_event',
  'disclosure_import'] || ARRAY(SELECT c.relname::text FROM pg_class c
                                WHERE c.relnamespace = 'frontrunner'::regnamespace AND c.relkind = 'r'
                                  AND c.relname NOT IN ('enterprise', 'standard', 'category', 'indicator_def',
                                    'standard_requirement', 'disclosure', 'disclosed_indicator', 'spot_check',
                                    'disclosure_event', 'disclosure_import')),
  'the registry tables exist');
SELECT is_empty($$
  SELECT c.relname || '.' || a.attname
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE c.relnamespace = 'frontrunner'::regnamespace
    AND c.relname IN ('enterprise', 'standard', 'category', 'indicator_def', 'standard_requirement',
                      'disclosure', 'disclosed_indicator', 'spot_check', 'disclosure_event', 'disclosure_import',
                      'requirement_in_force', 'spot_check_failure')
    AND col_description(c.oid, a.attnum) IS NULL$$,
  'every column of the registry tables and views has a comment');
SELECT is_empty($$
  SELECT c.relname FROM pg_class c
  WHERE c.relnamespace = 'frontrunner'::regnamespace AND c.relkind IN ('r', 'v')
    AND obj_description(c.oid, 'pg_class') IS NULL$$,
  'every table and view has a comment');
SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM pg_proc p
  WHERE p.pronamespace = 'frontrunner'::regnamespace AND obj_description(p.oid, 'pg_proc') IS NULL$$,
  'every function has a comment');
SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM pg_proc p
  WHERE p.pronamespace = 'frontrunner'::regnamespace AND p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('sql', 'plpgsql'))
    AND NOT coalesce(p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp'], false)$$,
  'every SQL and PL/pgSQL function pins search_path');
SELECT set_has($$SELECT c.relname::text FROM pg_class c
                  WHERE c.oid = ANY ((SELECT e.extconfig FROM pg_extension e WHERE e.extname = 'frontrunner')::oid[])$$,
  $$VALUES ('enterprise'), ('standard'), ('category'), ('indicator_def'), ('standard_requirement'),
           ('disclosure'), ('disclosure_id_seq'), ('disclosed_indicator'), ('spot_check'), ('spot_check_id_seq'),
           ('disclosure_event'), ('disclosure_event_id_seq'), ('disclosure_import'), ('disclosure_import_line_seq')$$,
  'tables and identity sequences are registered with pg_extension_config_dump');
SELECT is_empty($$SELECT c.relname FROM pg_class c
                  JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
                  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'frontrunner'
                  WHERE c.relkind IN ('r', 'p', 'S') AND c.oid <> ALL (e.extconfig::oid[])$$,
  'every table and sequence of the extension is registered for pg_dump (sql/install/95_pg_dump.sql)');
SELECT col_is_pk('frontrunner', 'indicator_def', ARRAY['category', 'key'], 'indicator_def key');
SELECT col_is_pk('frontrunner', 'standard_requirement', ARRAY['standard', 'category', 'indicator'], 'standard_requirement key');
SELECT col_is_pk('frontrunner', 'disclosed_indicator', ARRAY['disclosure', 'indicator'], 'disclosed_indicator key');
SELECT col_type_is('frontrunner', 'disclosure', 'id', 'bigint', 'disclosure.id is bigint');
SELECT is((SELECT attidentity::text FROM pg_attribute WHERE attrelid = 'frontrunner.disclosure'::regclass AND attname = 'id'),
  'a', 'disclosure.id is an identity assigned by the database');
SELECT has_index('frontrunner', 'enterprise', 'enterprise_name_pinyin_idx', 'name_pinyin', 'pinyin prefix index');
SELECT has_index('frontrunner', 'standard_requirement', 'standard_requirement_indicator_idx', ARRAY['category', 'indicator'], 'requirements by category and indicator');

SELECT is(pinyin('格力'), 'ge li', 'pinyin() spaced: 格力 → ge li');
SELECT is(pinyin_compact('格力电器'), 'gelidianqi', 'pinyin_compact(): 格力电器 → gelidianqi');
SELECT is(pinyin('Ｈａｉｅｒ 海尔（青岛）'), 'haier hai er qing dao', 'full-width letters folded, punctuation is a word break');
SELECT is(pinyin(''), '', 'empty text');

INSERT INTO enterprise (uscc, name) VALUES ('91440400192548256N', '珠海格力电器股份有限公司'),
  ('91110108558521630L', '北京格林服饰有限公司'), ('91330100799655058B', 'Geli_%Trading');
SELECT results_eq($$SELECT name, matched FROM enterprise_search('geli')$$,
  $$VALUES ('Geli_%Trading', 'pinyin prefix'), ('北京格林服饰有限公司', 'pinyin'), ('珠海格力电器股份有限公司', 'pinyin')$$,
  'enterprise_search: pinyin prefix first, then pinyin substrings (geli is in gelin too)');
SELECT results_eq($$SELECT name, matched FROM enterprise_search('Ge Li Dian')$$,
  $$VALUES ('珠海格力电器股份有限公司', 'pinyin')$$,
  'enterprise_search: typed pinyin with spaces and capitals, gelidian finds 格力电器 only');
SELECT results_eq($$SELECT name FROM enterprise_search('_%')$$,
  $$VALUES ('Geli_%Trading')$$, 'LIKE wildcards in the query are taken literally');
SELECT is((SELECT region FROM enterprise WHERE uscc = '91440400192548256N'), '440400',
  'region defaults to the division code of the USCC');

SELECT * FROM finish();
ROLLBACK;
