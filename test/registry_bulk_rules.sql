-- The rules on statements of many rows: an INSERT of more than 100
-- disclosed indicators and a publication of more than 20 disclosures take
-- the set-based pre-checks (src/registry_trigger.c, over the statement's
-- transition table), which send the statement to the PL/pgSQL rules only
-- when they suspect a violation.  One bad row among many is refused with
-- its rule's SQLSTATE and message; a statement without one is accepted.
BEGIN;
SELECT plan(15);
\ir fixtures/registry.sql

-- 30 drafts executing the national standard, and the rows they disclose
INSERT INTO disclosure (enterprise, category, product, standard)
SELECT '91110108558521630L', 'textile-b', 'bulk ' || g, 'GB 18401-2010' FROM generate_series(1, 30) g;
CREATE TEMP TABLE bulk AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM disclosure WHERE product LIKE 'bulk %';
CREATE TEMP TABLE good (indicator text, requirement indicator, test_method stdcode);
INSERT INTO good VALUES ('formaldehyde', '≤40 mg/kg', 'GB/T 2912.1-2009'), ('ph', '5.0~7.5', 'GB/T 7573-2009'),
  ('fastness_water', '≥4 级', 'GB/T 5713-2013'), ('fastness_rubbing', '≥4 级', 'GB/T 3920-2008');
-- (30 × 4 = 120 rows in each INSERT below)
CREATE FUNCTION pg_temp.rows(bad_n int, bad_key text, bad_req text) RETURNS TABLE (disclosure bigint, indicator text,
  requirement indicator, test_method stdcode) LANGUAGE sql AS $$
  SELECT b.id, CASE WHEN b.n = bad_n AND g.indicator = 'formaldehyde' THEN coalesce(bad_key, g.indicator) ELSE g.indicator END,
         CASE WHEN b.n = bad_n AND g.indicator = 'formaldehyde' THEN coalesce(bad_req::indicator, g.requirement) ELSE g.requirement END,
         g.test_method
  FROM pg_temp.bulk b CROSS JOIN pg_temp.good g ORDER BY b.id, g.indicator
$$;

-- data entry ------------------------------------------------------------------------
SELECT throws_ok($$INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
                   SELECT * FROM pg_temp.rows(17, NULL, '≤100 mg/kg')$$, 'FR003',
  'rule 3 (mandatory floor): indicator "formaldehyde" is looser than mandatory standard GB 18401-2010',
  'rule 3 over 120 rows: the one looser than the mandatory standard is refused');
SELECT throws_ok($$INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
                   SELECT * FROM pg_temp.rows(30, 'lead', '≤1 mg/kg')$$, '23503',
  'indicator "lead" is not defined for category "textile-b"',
  '23503 over 120 rows: the one indicator the category does not define is refused');
-- a published disclosure among the drafts
INSERT INTO disclosure (enterprise, category, product, standard)
VALUES ('91110108558521630L', 'textile-b', 'published one', 'GB 18401-2010');
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
SELECT d.id, g.indicator, g.requirement, g.test_method FROM disclosure d CROSS JOIN good g WHERE d.product = 'published one';
UPDATE disclosure SET status = 'published' WHERE product = 'published one';
SELECT throws_ok($$INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
                   SELECT * FROM pg_temp.rows(0, NULL, NULL) WHERE disclosure <> (SELECT min(id) FROM pg_temp.bulk)
                   UNION ALL SELECT d.id, 'odour', '≤1', NULL FROM disclosure d WHERE d.product = 'published one'$$, 'FR005',
  NULL, 'rule 5 over 117 rows: an indicator written into a published disclosure is refused');
SELECT lives_ok($$INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
                  SELECT * FROM pg_temp.rows(0, NULL, NULL)$$,
  '120 rows breaking no rule are accepted');
SELECT is((SELECT count(*) FROM disclosed_indicator i JOIN pg_temp.bulk b ON b.id = i.disclosure), 120::bigint,
  'and written');
SELECT is((SELECT count(*) FROM disclosed_indicator i JOIN pg_temp.bulk b ON b.id = i.disclosure
           WHERE i.enterprise = '91110108558521630L'), 120::bigint, 'each with its disclosure''s enterprise');

-- publication of the 30 at once ----------------------------------------------------
-- one of them looser than the recommended industry standard FZ/T 73020-2019 (≤50)
UPDATE disclosed_indicator SET requirement = '≤60 mg/kg'
WHERE disclosure = (SELECT id FROM pg_temp.bulk WHERE n = 9) AND indicator = 'formaldehyde';
CREATE FUNCTION pg_temp.publish_bulk(extra text DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
  UPDATE disclosure SET status = 'published'
  WHERE id IN (SELECT id FROM pg_temp.bulk) OR product = extra
$$;
SELECT throws_ok($$SELECT pg_temp.publish_bulk()$$, 'FR004',
  'rule 4 (recommended floor): indicator "formaldehyde" is looser than recommended standard FZ/T 73020-2019 and no statement is given',
  'rule 4 over 30 disclosures: the one below the recommended standard without a statement is refused');
SELECT is((SELECT count(*) FROM disclosure d JOIN pg_temp.bulk b ON b.id = d.id WHERE d.status = 'draft'), 30::bigint,
  'and none of the 30 is published');
UPDATE disclosure SET below_recommended_statement = '本产品甲醛含量低于推荐性行业标准 FZ/T 73020-2019'
WHERE id = (SELECT id FROM pg_temp.bulk WHERE n = 9);

-- with a draft executing a withdrawn standard
INSERT INTO disclosure (enterprise, category, product, standard)
VALUES ('91110108558521630L', 'textile-b', 'withdrawn one', 'GB 18401-2003');
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
SELECT d.id, g.indicator, g.requirement, g.test_method FROM disclosure d CROSS JOIN good g WHERE d.product = 'withdrawn one';
SELECT throws_ok($$SELECT pg_temp.publish_bulk('withdrawn one')$$, 'FR001',
  'rule 1 (numbering): standard GB 18401-2003 was withdrawn on 2011-08-01',
  'rule 1 over 31 disclosures: the one executing a withdrawn standard is refused');

-- with an own enterprise standard that does not disclose a required indicator
INSERT INTO disclosure (enterprise, category, product, standard)
VALUES ('91110108558521630L', 'textile-b', 'incomplete one', 'Q/BJSL 0007-' || extract(year FROM CURRENT_DATE));
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
SELECT d.id, g.indicator, g.requirement, g.test_method FROM disclosure d CROSS JOIN good g
WHERE d.product = 'incomplete one' AND g.indicator <> 'ph';
SELECT throws_ok($$SELECT pg_temp.publish_bulk('incomplete one')$$, 'FR002',
  NULL, 'rule 2 over 31 disclosures: the own standard missing a required indicator is refused');
-- and one that gives no test method for one
INSERT INTO disclosure (enterprise, category, product, standard)
VALUES ('91110108558521630L', 'textile-b', 'no method', 'Q/BJSL 0008-' || extract(year FROM CURRENT_DATE));
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
SELECT d.id, g.indicator, g.requirement, CASE WHEN g.indicator = 'ph' THEN NULL ELSE g.test_method END
FROM disclosure d CROSS JOIN good g WHERE d.product = 'no method';
SELECT throws_ok($$SELECT pg_temp.publish_bulk('no method')$$, 'FR002',
  NULL, 'rule 2 over 31 disclosures: the own standard without a test method for a required indicator is refused');

SELECT lives_ok($$SELECT pg_temp.publish_bulk()$$, '30 disclosures breaking no rule are published in one statement');
SELECT is((SELECT count(*) FROM disclosure d JOIN pg_temp.bulk b ON b.id = d.id
           WHERE d.status = 'published' AND d.published_at IS NOT NULL), 30::bigint, 'all 30 published, stamped');
SELECT is((SELECT count(*) FROM disclosure_event e JOIN pg_temp.bulk b ON b.id = e.disclosure WHERE e.action = 'publish'),
  30::bigint, 'each with its publication in the history');

-- a mandatory standard coming into force after data entry: checked again at publication
INSERT INTO disclosure (enterprise, category, product, standard)
SELECT '91110108558521630L', 'textile-b', 'later ' || g, 'GB 18401-2010' FROM generate_series(1, 25) g;
TRUNCATE pg_temp.bulk;
INSERT INTO pg_temp.bulk SELECT id, row_number() OVER (ORDER BY id) FROM disclosure WHERE product LIKE 'later %';
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method) SELECT * FROM pg_temp.rows(0, NULL, NULL);
INSERT INTO standard (code, title, issued_on, effective_on) VALUES ('GB 99018-2024', 'stricter mandatory (test values)', '2024-01-01', '2024-06-01');
INSERT INTO standard_requirement (standard, category, indicator, requirement) VALUES ('GB 99018-2024', 'textile-b', 'formaldehyde', '≤30 mg/kg');
SELECT throws_ok($$SELECT pg_temp.publish_bulk()$$, 'FR003',
  'rule 3 (mandatory floor): indicator "formaldehyde" is looser than mandatory standard GB 99018-2024',
  'rule 3 over 25 disclosures: a mandatory standard in force since data entry refuses their publication');

SELECT * FROM finish();
ROLLBACK;
