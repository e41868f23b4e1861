-- The tenant in every row that belongs to a disclosure, and the restore
-- path of the INSERT triggers (README "Architecture"): clients written for
-- 0.1.0 never write enterprise, the database fills it; a row never names
-- another enterprise than its disclosure's; every INSERT trigger of the
-- registry stands aside for a restore and only for one.
BEGIN;
SELECT plan(24);
\i test/fixtures/registry.sql
SET search_path = frontrunner, public;

CREATE TEMP TABLE t (name text PRIMARY KEY, id bigint);
WITH d AS (
  INSERT INTO disclosure (enterprise, category, product, standard)
  VALUES ('91110108558521630L', 'textile-b', 'tenant a', 'GB 18401-2010'),
         ('91330100799655058B', 'textile-b', 'tenant b', 'GB 18401-2010')
  RETURNING id, product)
INSERT INTO t SELECT product, id FROM d;

-- the columns and keys
SELECT col_not_null('frontrunner', 'disclosed_indicator', 'enterprise', 'disclosed_indicator.enterprise is NOT NULL');
SELECT col_not_null('frontrunner', 'spot_check', 'enterprise', 'spot_check.enterprise is NOT NULL');
SELECT col_not_null('frontrunner', 'spot_check_request', 'enterprise', 'spot_check_request.enterprise is NOT NULL');
SELECT col_is_unique('frontrunner', 'disclosure', ARRAY['enterprise', 'id'], 'disclosure has UNIQUE (enterprise, id)');
SELECT results_eq($$
  SELECT (SELECT r.relname::text COLLATE "default" FROM pg_class r WHERE r.oid = c.conrelid), array_to_string(ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                                                           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o), ',') COLLATE "default"
  FROM pg_constraint c
  WHERE c.contype = 'f' AND c.confrelid = 'frontrunner.disclosure'::regclass AND c.conrelid <> c.confrelid
  ORDER BY 1$$,
  $$VALUES ('disclosed_indicator', 'enterprise,disclosure'), ('feedback', 'enterprise,disclosure'),
           ('inspection_draw', 'enterprise,disclosure'), ('inspection_finding', 'enterprise,disclosure'),
           ('inspection_result', 'enterprise,disclosure'),
           ('ranking_entry', 'enterprise,disclosure'), ('spot_check', 'enterprise,disclosure'),
           ('spot_check_request', 'enterprise,disclosure')$$,
  'every reference to a disclosure names its enterprise too: (enterprise, disclosure) → disclosure (enterprise, id)');

-- filled by the database, as a 0.1.0 client writes the rows
INSERT INTO disclosed_indicator VALUES ((SELECT id FROM t WHERE name = 'tenant a'), 'formaldehyde', '≤ 40 mg/kg', 'GB/T 2912.1-2009');
INSERT INTO disclosed_indicator (disclosure, indicator, requirement)
SELECT id, 'ph', '5.0~7.5' FROM t;
SELECT results_eq($$SELECT i.disclosure, i.enterprise::text FROM disclosed_indicator i JOIN t ON t.id = i.disclosure ORDER BY 1, i.indicator$$,
  $$SELECT t.id, d.enterprise::text FROM t JOIN disclosure d ON d.id = t.id
    CROSS JOIN LATERAL (SELECT 1 FROM generate_series(1, CASE t.name WHEN 'tenant a' THEN 2 ELSE 1 END)) g ORDER BY 1$$,
  'indicators written without enterprise (positionally, and by column list) get their disclosure''s');
SELECT throws_ok(format($$INSERT INTO disclosed_indicator (disclosure, indicator, requirement, enterprise)
                          VALUES (%s, 'fastness_water', '≥ 4 级', '91330100799655058B')$$, (SELECT id FROM t WHERE name = 'tenant a')),
  '23503', 'insert or update on table "disclosed_indicator" violates foreign key constraint "disclosed_indicator_disclosure_fkey"',
  'an indicator naming another enterprise than its disclosure''s is refused by the foreign key');
SELECT throws_ok($$INSERT INTO disclosed_indicator (disclosure, indicator, requirement) VALUES (999999, 'ph', '5~7')$$,
  '23503', 'insert or update on table "disclosed_indicator" violates foreign key constraint "disclosed_indicator_disclosure_fkey"',
  'an indicator of a disclosure that does not exist gets the foreign key''s error, as in 0.1.0');
SELECT throws_like($$INSERT INTO disclosed_indicator (disclosure, indicator, requirement) VALUES (NULL, 'ph', '5~7')$$,
  '%null value in column "disclosure"%', 'a NULL disclosure is the NOT NULL violation of its own column');

-- an indicator moved to another draft takes that draft's enterprise
UPDATE disclosed_indicator SET disclosure = (SELECT id FROM t WHERE name = 'tenant b')
WHERE disclosure = (SELECT id FROM t WHERE name = 'tenant a') AND indicator = 'formaldehyde';
SELECT is((SELECT enterprise::text FROM disclosed_indicator WHERE indicator = 'formaldehyde' AND disclosure = (SELECT id FROM t WHERE name = 'tenant b')),
  '91330100799655058B', 'an indicator moved to another disclosure takes its enterprise');
-- a draft given to another enterprise takes its indicators along
UPDATE disclosure SET enterprise = '91440400192548256N' WHERE id = (SELECT id FROM t WHERE name = 'tenant b');
SELECT is((SELECT array_agg(DISTINCT enterprise::text) FROM disclosed_indicator WHERE disclosure = (SELECT id FROM t WHERE name = 'tenant b')),
  ARRAY['91440400192548256N'], 'a draft''s new enterprise cascades to its indicators');
UPDATE disclosure SET enterprise = '91330100799655058B' WHERE id = (SELECT id FROM t WHERE name = 'tenant b');

-- history, spot checks, requests, ranking entries carry the tenant
UPDATE disclosure SET status = 'published' WHERE id IN (SELECT id FROM t);
SELECT is_empty($$SELECT e.id FROM disclosure_event e JOIN disclosure d ON d.id = e.disclosure
                  WHERE e.disclosure IN (SELECT id FROM t) AND e.enterprise IS DISTINCT FROM d.enterprise$$,
  'every history event of the disclosures names their enterprise');
SELECT is((SELECT count(*)::int FROM disclosure_event WHERE disclosure IN (SELECT id FROM t)), 4,
  'created and published: four events');
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
SELECT id, 'ph', CURRENT_DATE, '6.0' FROM t WHERE name = 'tenant a';
SELECT is((SELECT enterprise::text FROM spot_check WHERE disclosure = (SELECT id FROM t WHERE name = 'tenant a')),
  '91110108558521630L', 'a spot check gets its disclosure''s enterprise');
SELECT throws_ok($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured) VALUES (999999, 'ph', CURRENT_DATE, '6.0')$$,
  'FR006', NULL, 'a spot check of a missing disclosure keeps rule 6''s error (the rule''s trigger runs before the tenant''s)');
SELECT throws_ok(format($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured, enterprise)
                          VALUES (%s, 'ph', CURRENT_DATE, '6.0', '91440400192548256N')$$, (SELECT id FROM t WHERE name = 'tenant a')),
  '23503', NULL, 'a spot check naming another enterprise is refused');
INSERT INTO feedback (reporter_kind, disclosure, body) SELECT 'anonymous', id, 'test' FROM t WHERE name = 'tenant a';
SELECT is((SELECT enterprise::text FROM feedback WHERE disclosure = (SELECT id FROM t WHERE name = 'tenant a')),
  '91110108558521630L', 'a report about a disclosure names its enterprise');

-- every INSERT trigger of the registry stands aside for a restore, and only for one
SELECT is_empty($$
  SELECT c.relname || '.' || tg.tgname
  FROM pg_trigger tg
  JOIN pg_class c ON c.oid = tg.tgrelid
  JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = tg.tgrelid AND d.deptype = 'e'
  JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'frontrunner'
  WHERE NOT tg.tgisinternal AND (tg.tgtype & 4) <> 0
    AND pg_get_triggerdef(tg.oid) !~ ('WHEN \(+NOT (frontrunner\.)?restoring\(''(frontrunner\.)?' || c.relname || '''::regclass\)')$$,
  'every INSERT trigger of an extension table carries WHEN (NOT restoring(<its table>))');
SELECT is(restoring('frontrunner.disclosure'), false, 'restoring() is false in an ordinary statement');
SET LOCAL row_security = off;
SELECT is(restoring('frontrunner.disclosure'), false, 'and with row_security off, outside a COPY into the table');
RESET row_security;
SELECT throws_ok($$SET LOCAL row_security = off; INSERT INTO disclosure (enterprise, category, product, standard, status, published_at)
                   VALUES ('91110108558521630L', 'textile-b', 'back-dated', 'GB 18401-2010', 'published', '2001-01-01')$$,
  'FR005', 'rule 5 (publication): a disclosure is created as a draft',
  'a superuser''s INSERT with row_security off still goes through the rules');
-- a COPY that is not the statement's own (run from a function, here pgTAP's
-- EXECUTE) is no restore, row_security off or not; an ordinary top-level
-- COPY with row_security on is checked by test/harness/dump_restore.sh
SELECT throws_ok($$SET LOCAL row_security = off; COPY disclosure (enterprise, category, product, standard, status, published_at)
                   FROM PROGRAM 'printf "91110108558521630L\ttextile-b\tcopied\tGB 18401-2010\tpublished\t2001-01-01\n"'$$,
  'FR005', 'rule 5 (publication): a disclosure is created as a draft',
  'a COPY run inside another statement goes through the rules, even a superuser''s with row_security off');
RESET row_security;
SET LOCAL row_security = off;
COPY disclosure (enterprise, category, product, standard, status, published_at)
  FROM PROGRAM 'printf "91110108558521630L\ttextile-b\trestored\tGB 18401-2010\tpublished\t2001-01-01 00:00:00+00\n"';
RESET row_security;
SELECT results_eq($$SELECT status, published_at FROM disclosure WHERE product = 'restored'$$,
  $$VALUES ('published'::text, '2001-01-01 00:00:00+00'::timestamptz)$$,
  'a superuser''s COPY with row_security off is a restore: the row comes in as it was dumped');
SELECT is_empty($$SELECT FROM disclosure_event e JOIN disclosure d ON d.id = e.disclosure WHERE d.product = 'restored'$$,
  'and the history is not written again (it is restored with its own rows)');

SELECT * FROM finish();
ROLLBACK;
