-- Bulk import in batches (import_disclosures with frontrunner.import_batch):
-- the same staged export, imported one disclosure at a time in line order
-- (import_batch = 1, 0.1.0's way) and in batches of several sizes, gives the
-- same report row for row and the same registry — across the cases where
-- disclosures depend on each other (supersessions within an enterprise and
-- across enterprises, forwards and backwards; renames; rows without a name;
-- one USCC written two ways) and with rejects of every kind scattered
-- through the batches, so that each batch is split down to its faults.
BEGIN;
SELECT plan(16);
\ir fixtures/registry.sql

-- a disclosure already in the registry (a second import of it is 23505)
INSERT INTO disclosure (enterprise, category, product, standard, source_ref)
VALUES ('91110108558521630L', 'textile-b', '旧衬衫', 'GB 18401-2010', 'NX7');
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
SELECT id, 'formaldehyde', '≤40 mg/kg', 'GB/T 2912.1-2009' FROM disclosure WHERE source_ref = 'NX7';
UPDATE disclosure SET status = 'published' WHERE source_ref = 'NX7';

-- 360 disclosures of 40 enterprises (two rows each: formaldehyde and pH)
CREATE TEMP TABLE gen AS
SELECT i, 'NX' || i AS ref,
       uscc_complete('91320500MA' || lpad((1 + i % 40)::text, 7, '0'))::text AS uscc,
       CASE WHEN i % 19 = 0 THEN '' WHEN i % 13 = 0 THEN format('改名企业%s有限公司', i)
            ELSE format('批量企业%s有限公司', 1 + i % 40) END AS name,
       CASE WHEN i % 53 = 0 THEN format('Q/PL %s', i)          -- no year: FR001
            ELSE 'GB 18401-2010' END AS standard,
       CASE WHEN i % 29 = 0 THEN 'NX' || (i - 40)              -- earlier, same enterprise
            WHEN i % 31 = 0 THEN 'NX' || (i + 1)               -- later, another enterprise
            WHEN i % 37 = 0 THEN 'NX' || (i - 3)               -- earlier, another enterprise
            WHEN i % 59 = 0 THEN 'NX-missing' END AS sup,      -- not in the registry
       CASE WHEN i % 17 = 0 THEN '≤100 mg/kg'                  -- FR003
            WHEN i % 23 = 0 THEN 'about 5 mg/kg'               -- 22P02
            WHEN i % 47 = 0 THEN '≤60 mg/kg'                   -- FR004 (FZ/T 73020-2019: ≤50)
            ELSE format('≤%s mg/kg', 20 + i % 30) END AS formaldehyde,
       CASE WHEN i % 43 = 0 THEN 'lead' ELSE 'ph' END AS second -- 23503
FROM generate_series(1, 360) i;
INSERT INTO disclosure_import (source_ref, uscc, enterprise_name, category, product, standard, supersedes_ref,
                               published, indicator, requirement, test_method)
SELECT g.ref,
       -- one enterprise's code also written in lower case with spaces
       CASE WHEN g.i % 41 = 0 THEN lower(substr(g.uscc, 1, 6) || ' ' || substr(g.uscc, 7)) ELSE g.uscc END,
       g.name, 'textile-b', '产品 ' || (g.i % 7), g.standard, g.sup, '2024-05-01',
       x.indicator, x.requirement, x.method
FROM gen g
CROSS JOIN LATERAL (VALUES (1, 'formaldehyde', g.formaldehyde, 'GB/T 2912.1-2009'),
                           (2, g.second, '4.0~7.5', 'GB/T 7573-2009')) x (o, indicator, requirement, method)
ORDER BY g.i, x.o;
-- rows of one disclosure that disagree, a row without source_ref, a bad
-- USCC, an unknown enterprise without a name, the registry's NX7 again
UPDATE disclosure_import SET product = '另一个产品' WHERE source_ref = 'NX61' AND indicator = 'ph';
UPDATE disclosure_import SET source_ref = NULL WHERE source_ref = 'NX67' AND indicator = 'ph';
UPDATE disclosure_import SET uscc = '91320500MA0000000X' WHERE source_ref = 'NX71';
UPDATE disclosure_import SET uscc = uscc_complete('91320500MA9999999')::text, enterprise_name = ''
WHERE source_ref = 'NX73';

SELECT is((SELECT count(*) FROM disclosure_import), 720::bigint, 'the export is staged');

-- what a run leaves: its report (ids aside: they depend on the order of
-- writing), the registry, the staging table
CREATE TEMP TABLE report AS SELECT * FROM import_disclosures() WITH NO DATA;
CREATE TEMP VIEW outcome AS
SELECT (SELECT json_agg(json_build_array(r.source_ref, r.line, r.outcome, r.sqlstate,
                                         regexp_replace(r.message, '(isclosures?|version) [0-9]+', '\1 #', 'g'),
                                         regexp_replace(r.detail, '(isclosures?|version) [0-9]+', '\1 #', 'g'))
                        ORDER BY r.line, r.sqlstate, r.message) FROM pg_temp.report r) AS report,
       (SELECT json_agg(json_build_array(d.source_ref, d.status, d.enterprise::text, e.name, p.source_ref,
                                         d.published_at IS NOT NULL,
                                         (SELECT json_agg(json_build_array(i.indicator, i.requirement::text, i.test_method::text)
                                                          ORDER BY i.indicator)
                                          FROM disclosed_indicator i WHERE i.disclosure = d.id))
                        ORDER BY d.source_ref)
        FROM disclosure d JOIN enterprise e ON e.uscc = d.enterprise
        LEFT JOIN disclosure p ON p.id = d.supersedes) AS registry,
       (SELECT json_agg(json_build_array(e.uscc::text, e.name) ORDER BY e.uscc) FROM enterprise e) AS enterprises,
       (SELECT json_agg(s.line ORDER BY s.line) FROM disclosure_import s) AS staged;

-- one at a time, in line order
SAVEPOINT run;
SET LOCAL frontrunner.import_batch = 1;
INSERT INTO report SELECT * FROM import_disclosures();
SELECT report AS one_report, registry AS one_registry, enterprises AS one_enterprises, staged AS one_staged FROM outcome \gset
SELECT cmp_ok((SELECT count(*) FROM report WHERE outcome = 'published'), '>', 200::bigint,
              'one at a time: most disclosures are published');
SELECT results_eq($$SELECT DISTINCT sqlstate FROM report WHERE sqlstate IS NOT NULL ORDER BY 1$$,
  $$VALUES ('22023'), ('22P02'), ('23502'), ('23503'), ('23505'), ('FR001'), ('FR003'), ('FR004'), ('FR005')$$,
  'one at a time: rejects of every kind');
SELECT is((SELECT count(*) FROM disclosure WHERE status = 'superseded'), (SELECT count(DISTINCT d.supersedes) FROM disclosure d WHERE d.status = 'published'),
          'one at a time: every published new version superseded its previous one');
ROLLBACK TO SAVEPOINT run;

-- in batches of several sizes (the default 1000: one batch a wave)
SELECT is((SELECT count(*) FROM disclosure_import), 720::bigint, 'the staging table is back');
SAVEPOINT run;
INSERT INTO report SELECT * FROM import_disclosures();
SELECT is((SELECT report FROM outcome)::text, :'one_report', 'batches of 1000: the same report row for row');
SELECT is((SELECT registry FROM outcome)::text, :'one_registry', 'batches of 1000: the same disclosures, versions and indicators');
SELECT is((SELECT enterprises FROM outcome)::text, :'one_enterprises', 'batches of 1000: the same enterprises and names');
SELECT is((SELECT staged FROM outcome)::text, :'one_staged', 'batches of 1000: the same rows left staged');
ROLLBACK TO SAVEPOINT run;

SAVEPOINT run;
SET LOCAL frontrunner.import_batch = 7;
INSERT INTO report SELECT * FROM import_disclosures();
SELECT is((SELECT report FROM outcome)::text, :'one_report', 'batches of 7: the same report');
SELECT is((SELECT registry FROM outcome)::text, :'one_registry', 'batches of 7: the same registry');
SELECT is((SELECT enterprises FROM outcome)::text, :'one_enterprises', 'batches of 7: the same enterprises');
ROLLBACK TO SAVEPOINT run;

SAVEPOINT run;
SET LOCAL frontrunner.import_batch = 2;
INSERT INTO report SELECT * FROM import_disclosures(false);
SELECT is((SELECT count(*) FROM report WHERE outcome = 'draft'), (SELECT count(*) FROM disclosed_indicator i JOIN disclosure d ON d.id = i.disclosure WHERE d.status = 'draft'),
          'publish false: every imported row is a draft''s indicator');
ROLLBACK TO SAVEPOINT run;

-- the setting
SELECT throws_ok($$SET frontrunner.import_batch = 0$$, '22023', NULL, 'import_batch is at least 1');
SELECT throws_ok($$SET frontrunner.import_batch = 'many'$$, '22023', NULL, 'import_batch is a number');
SELECT is(current_setting('frontrunner.import_batch'), '1000', 'import_batch defaults to 1000');

SELECT * FROM finish();
ROLLBACK;
