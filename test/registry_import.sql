-- Bulk import (import_disclosures): platform CSV through COPY into the
-- staging table, applied disclosure by disclosure through the rules, with
-- every reject reported instead of aborting the batch.
BEGIN;
SELECT plan(17);
\ir fixtures/registry.sql

\copy disclosure_import (source_ref, uscc, enterprise_name, category, product, standard, supersedes_ref, below_recommended_statement, published, indicator, requirement, test_method) FROM 'test/fixtures/registry_import.csv' WITH (FORMAT csv, HEADER)
SELECT is((SELECT count(*) FROM disclosure_import), 14::bigint, 'the CSV export is staged, one row per disclosed indicator');

CREATE TEMP TABLE report AS SELECT * FROM import_disclosures();

SELECT is((SELECT count(*) FROM report), 14::bigint, 'one report row per staged row');
SELECT results_eq($$SELECT source_ref, array_agg(DISTINCT outcome) FROM report WHERE source_ref IS NOT NULL GROUP BY source_ref ORDER BY source_ref$$,
  $$VALUES ('P001', ARRAY['published']), ('P002', ARRAY['rejected']), ('P003', ARRAY['rejected']),
           ('P004', ARRAY['rejected']), ('P005', ARRAY['rejected']), ('P006', ARRAY['published']),
           ('P007', ARRAY['rejected']), ('P008', ARRAY['rejected'])$$,
  'good disclosures are published, bad ones rejected, the batch goes on');
SELECT results_eq($$SELECT line, sqlstate FROM report WHERE source_ref = 'P002'$$,
  $$VALUES (3::bigint, 'FR003')$$, 'a rule violation is reported on the offending line with its SQLSTATE');
SELECT alike((SELECT message FROM report WHERE source_ref = 'P002'), 'rule 3 (mandatory floor)%GB 18401-2010',
  'and its message');
SELECT alike((SELECT detail FROM report WHERE source_ref = 'P002'), 'Disclosed requirement: ≤ 100 mg/kg; GB 18401-2010 requires: ≤ 75 mg/kg%',
  'and its detail');
SELECT results_eq($$SELECT line, sqlstate FROM report WHERE source_ref = 'P003' ORDER BY line$$,
  $$VALUES (4::bigint, '22P02'), (5::bigint, '22P02'), (6::bigint, NULL)$$,
  'every malformed value of a disclosure is reported, row by row');
SELECT is((SELECT message FROM report WHERE line = 6), 'disclosure P003 not imported: 2 other row(s) of it are invalid',
  'its valid rows say why they were not imported');
SELECT results_eq($$SELECT DISTINCT sqlstate FROM report WHERE source_ref = 'P004'$$,
  $$VALUES ('FR002')$$, 'completeness (rule 2) rejects the whole disclosure');
SELECT results_eq($$SELECT sqlstate, count(*) FROM report WHERE source_ref IN ('P005') GROUP BY 1$$,
  $$VALUES ('22023', 2::bigint)$$, 'rows of one disclosure that disagree are rejected');
SELECT results_eq($$SELECT sqlstate FROM report WHERE source_ref = 'P007'$$, $$VALUES ('22P02')$$, 'a bad USCC is rejected');
SELECT results_eq($$SELECT sqlstate FROM report WHERE source_ref IS NULL$$, $$VALUES ('23502')$$, 'a row without source_ref is rejected');
SELECT results_eq($$SELECT line, sqlstate FROM report WHERE source_ref = 'P008'$$, $$VALUES (14::bigint, '23503')$$, 'an undefined indicator is rejected on its line');

SELECT results_eq($$SELECT d.source_ref, d.status, e.name, d.source_published FROM disclosure d JOIN enterprise e ON e.uscc = d.enterprise ORDER BY d.source_ref$$,
  $$VALUES ('P001', 'superseded', '苏州示例针织有限公司', '2024-03-01 10:00'), ('P006', 'published', '苏州示例针织有限公司', '2024-06-01')$$,
  'imported: a new enterprise, P001 then P006 superseding it; nothing of the rejected ones');
SELECT is((SELECT count(*) FROM disclosure_import), 10::bigint, 'imported rows leave the staging table, rejected rows stay to be fixed');

UPDATE disclosure_import SET requirement = '≤45 mg/kg', below_recommended_statement = NULL WHERE source_ref = 'P002';
SELECT results_eq($$SELECT source_ref, outcome FROM import_disclosures() WHERE source_ref = 'P002'$$,
  $$VALUES ('P002', 'published')$$, 'a fixed row is imported by the next run');
INSERT INTO disclosure_import (source_ref, uscc, enterprise_name, category, product, standard, indicator, requirement)
VALUES ('P001', '91320500MA1X000011', '苏州示例针织有限公司', 'textile-b', '针织 T 恤', 'GB 18401-2010', 'formaldehyde', '≤30 mg/kg');
SELECT results_eq($$SELECT source_ref, sqlstate FROM import_disclosures() WHERE source_ref = 'P001'$$,
  $$VALUES ('P001', '23505')$$, 'a disclosure imported twice is rejected (source_ref is unique)');

SELECT * FROM finish();
ROLLBACK;
