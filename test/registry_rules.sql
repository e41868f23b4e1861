-- Disclosure rules 1-4 and 6: each accepted and refused, on
-- its SQLSTATE.
BEGIN;
SELECT plan(46);
\ir fixtures/registry.sql

CREATE TEMP TABLE ids (name text PRIMARY KEY, id bigint);
CREATE FUNCTION pg_temp.draft(name text, std text, category text DEFAULT 'textile-b',
                              ent text DEFAULT '91110108558521630L') RETURNS bigint
LANGUAGE sql AS $$
  WITH d AS (INSERT INTO frontrunner.disclosure (enterprise, category, product, standard)
             VALUES (ent::frontrunner.uscc, category, name, std::frontrunner.stdcode) RETURNING id)
  INSERT INTO ids SELECT name, id FROM d RETURNING id
$$;
CREATE FUNCTION pg_temp.id(name text) RETURNS bigint LANGUAGE sql AS $$ SELECT id FROM ids WHERE ids.name = $1 $$;
CREATE FUNCTION pg_temp.put(d text, ind text, req text, tm text DEFAULT 'GB/T 2912.1-2009') RETURNS void
LANGUAGE sql AS $$
  INSERT INTO frontrunner.disclosed_indicator VALUES (pg_temp.id(d), ind, req::frontrunner.indicator, tm::frontrunner.stdcode)
$$;
CREATE FUNCTION pg_temp.publish(d text) RETURNS void LANGUAGE sql AS $$
  UPDATE frontrunner.disclosure SET status = 'published' WHERE id = pg_temp.id(d)
$$;

-- rule 1: numbering ------------------------------------------------------------
SELECT throws_ok($$SELECT pg_temp.draft('undated', 'Q/BJSL 0001')$$, 'FR001',
  'rule 1 (numbering): enterprise standard Q/BJSL 0001 has no year',
  'rule 1: an enterprise standard without a year is refused');
SELECT throws_ok($$SELECT pg_temp.draft('future', 'Q/BJSL 0001-' || (extract(year FROM CURRENT_DATE) + 1))$$, 'FR001',
  NULL, 'rule 1: an enterprise standard dated next year is refused');
SELECT lives_ok($$SELECT pg_temp.draft('own', 'Q/BJSL 0001-' || extract(year FROM CURRENT_DATE))$$,
  'rule 1: an enterprise standard of this year is accepted');
SELECT throws_ok($$UPDATE disclosure SET standard = 'Q/BJSL 0001' WHERE id = pg_temp.id('own')$$, 'FR001',
  NULL, 'rule 1: also checked when a draft changes its standard');
SELECT lives_ok($$SELECT pg_temp.draft('national', 'GB 18401-2010')$$,
  'rule 1: a national standard number needs no enterprise year');
SELECT pg_temp.draft('withdrawn-std', 'GB 18401-2003');
SELECT pg_temp.put('withdrawn-std', 'formaldehyde', '≤30 mg/kg');
SELECT throws_ok($$SELECT pg_temp.publish('withdrawn-std')$$, 'FR001',
  'rule 1 (numbering): standard GB 18401-2003 was withdrawn on 2011-08-01',
  'rule 1: executing a withdrawn standard is refused at publication');

-- unknown indicator ---------------------------------------------------------------
SELECT throws_ok($$SELECT pg_temp.put('own', 'lead', '≤1 mg/kg')$$, '23503',
  'indicator "lead" is not defined for category "textile-b"',
  'an indicator not defined for the category is refused');

-- rule 3: mandatory floor at data entry ---------------------------------------------
SELECT throws_ok($$SELECT pg_temp.put('own', 'formaldehyde', '≤100 mg/kg')$$, 'FR003',
  'rule 3 (mandatory floor): indicator "formaldehyde" is looser than mandatory standard GB 18401-2010',
  'rule 3: looser than the mandatory standard is refused at data entry (drafts too)');
SELECT throws_ok($$SELECT pg_temp.put('own', 'ph', '3.5~8.5')$$, 'FR003',
  NULL, 'rule 3: a range reaching outside the mandatory range is refused');
SELECT throws_ok($$SELECT pg_temp.put('own', 'formaldehyde', '≤0.5 NTU')$$, 'FR003',
  NULL, 'rule 3: a requirement in another dimension is refused (not comparable)');
SELECT lives_ok($$SELECT pg_temp.put('own', 'formaldehyde', '≤75 mg/kg')$$,
  'rule 3: equal to the mandatory requirement is accepted');
SELECT throws_ok($$UPDATE disclosed_indicator SET requirement = '≤80 mg/kg'
                   WHERE disclosure = pg_temp.id('own') AND indicator = 'formaldehyde'$$, 'FR003',
  NULL, 'rule 3: checked on UPDATE of a disclosed indicator');
SELECT lives_ok($$UPDATE disclosed_indicator SET requirement = '≤40 mg/kg'
                  WHERE disclosure = pg_temp.id('own') AND indicator = 'formaldehyde'$$,
  'rule 3: stricter than the mandatory requirement is accepted');
SELECT lives_ok($$SELECT pg_temp.put('national', 'formaldehyde', '≤60 mg/kg')$$,
  'rule 3: a withdrawn mandatory edition (GB 18401-2003, ≤30) no longer applies');
SELECT lives_ok($$SELECT pg_temp.put('own', 'odour', '≤1 级')$$,
  'rule 3: an indicator no mandatory standard covers is accepted');

-- rule 2: completeness at publication -------------------------------------------------
SELECT throws_ok($$SELECT pg_temp.publish('own')$$, 'FR002',
  'rule 2 (completeness): disclosure ' || pg_temp.id('own') || ' does not disclose every required indicator of category "textile-b"',
  'rule 2: an own standard missing a required indicator cannot be published');
SELECT pg_temp.put('own', 'ph', '5.0~7.5', NULL);
SELECT throws_ok($$SELECT pg_temp.publish('own')$$, 'FR002',
  'rule 2 (completeness): disclosure ' || pg_temp.id('own') || ' gives no test method for required indicators',
  'rule 2: a required indicator without test method blocks publication');
UPDATE disclosed_indicator SET test_method = 'GB/T 7573-2009' WHERE disclosure = pg_temp.id('own') AND indicator = 'ph';
SELECT lives_ok($$SELECT pg_temp.publish('own')$$,
  'rule 2: complete, with test methods: published');
SELECT is((SELECT status FROM disclosure WHERE id = pg_temp.id('own')), 'published', 'the own-standard disclosure is published');
SELECT pg_temp.draft('national-partial', 'GB 18401-2010');
SELECT pg_temp.put('national-partial', 'formaldehyde', '≤40 mg/kg', NULL);
SELECT lives_ok($$SELECT pg_temp.publish('national-partial')$$,
  'rule 2: a disclosure executing a national standard need not list every required indicator');

-- rule 4: recommended floor -------------------------------------------------------------
SELECT throws_ok($$SELECT pg_temp.publish('national')$$, 'FR004',
  'rule 4 (recommended floor): indicator "formaldehyde" is looser than recommended standard FZ/T 73020-2019 and no statement is given',
  'rule 4: looser than an in-force recommended industry standard without a statement is refused');
UPDATE disclosure SET below_recommended_statement = '   ' WHERE id = pg_temp.id('national');
SELECT throws_ok($$SELECT pg_temp.publish('national')$$, 'FR004',
  NULL, 'rule 4: a blank statement is no statement');
UPDATE disclosure SET below_recommended_statement = '甲醛含量低于 FZ/T 73020-2019 的要求' WHERE id = pg_temp.id('national');
SELECT lives_ok($$SELECT pg_temp.publish('national')$$,
  'rule 4: with the explicit statement it is published');
SELECT pg_temp.draft('vs-group', 'GB 18401-2010');
SELECT pg_temp.put('vs-group', 'formaldehyde', '≤50 mg/kg');
SELECT lives_ok($$SELECT pg_temp.publish('vs-group')$$,
  'rule 4: looser than a group standard (T/CNTAC 8-2018, ≤20) is not a floor');
SELECT pg_temp.draft('fastness', 'GB 18401-2010');
SELECT pg_temp.put('fastness', 'fastness_water', '≥3 级');
SELECT throws_ok($$SELECT pg_temp.publish('fastness')$$, 'FR004',
  NULL, 'rule 4: higher-is-better indicators too (≥3 级 looser than ≥4 级)');

-- rule 3 again at publication -------------------------------------------------------------
SELECT pg_temp.draft('late', 'GB 18401-2010');
SELECT pg_temp.put('late', 'formaldehyde', '≤45 mg/kg');
UPDATE disclosure SET below_recommended_statement = 'n/a' WHERE id = pg_temp.id('late');
INSERT INTO standard (code, title, issued_on) VALUES ('GB 99999-2020', 'a stricter mandatory standard (test)', '2020-01-01');
INSERT INTO standard_requirement VALUES ('GB 99999-2020', 'textile-b', 'formaldehyde', '≤42 mg/kg', NULL);
SELECT throws_ok($$SELECT pg_temp.publish('late')$$, 'FR003',
  'rule 3 (mandatory floor): indicator "formaldehyde" is looser than mandatory standard GB 99999-2020',
  'rule 3: checked again at publication (a mandatory standard added after data entry)');
UPDATE standard SET effective_on = CURRENT_DATE + 30 WHERE code = 'GB 99999-2020';
SELECT lives_ok($$SELECT pg_temp.publish('late')$$,
  'rule 3: a mandatory standard not yet in force does not apply');

-- the category changed after the indicators were written --------------------------------------
SELECT pg_temp.draft('moved', 'GB 18401-2010');
SELECT pg_temp.put('moved', 'formaldehyde', '≤40 mg/kg');
UPDATE disclosure SET category = 'water' WHERE id = pg_temp.id('moved');
SELECT throws_ok($$SELECT pg_temp.publish('moved')$$, '23503',
  NULL, 'publication re-checks that every indicator belongs to the (changed) category');

-- every violation at once: disclosure_violations() --------------------------------------------
SELECT pg_temp.draft('many', 'GB 18401-2003');
SELECT pg_temp.put('many', 'fastness_water', '≥3 级');
SELECT pg_temp.put('many', 'formaldehyde', '≤60 mg/kg');
SELECT results_eq(
  $$SELECT i.name, v.indicator, v.rule, v.sqlstate, v.table_name, v.column_name
    FROM disclosure_violations(ARRAY[pg_temp.id('many'), pg_temp.id('moved')]) WITH ORDINALITY v
    JOIN ids i ON i.id = v.disclosure ORDER BY v.ordinality$$,
  $$VALUES ('moved', 'formaldehyde', 'indicator_def', '23503', 'disclosed_indicator', 'indicator'),
           ('many', NULL, 'rule 1', 'FR001', 'disclosure', 'standard'),
           ('many', 'fastness_water', 'rule 4', 'FR004', 'disclosure', 'below_recommended_statement'),
           ('many', 'formaldehyde', 'rule 4', 'FR004', 'disclosure', 'below_recommended_statement')$$,
  'disclosure_violations: every violation, the first bad disclosure first, within one in the order of the checks');
SELECT throws_ok($$SELECT disclosure_publication_check(ARRAY[pg_temp.id('many'), pg_temp.id('moved')])$$, '23503',
  'indicator "formaldehyde" is not defined for category "water"',
  'disclosure_publication_check raises the first violation (the first bad disclosure''s)');
SELECT throws_ok($$SELECT disclosure_publication_check(ARRAY[pg_temp.id('many')])$$, 'FR001',
  'rule 1 (numbering): standard GB 18401-2003 was withdrawn on 2011-08-01',
  'disclosure_publication_check: the first check that fails decides (rule 1 before rule 4)');
SELECT is((SELECT count(*) FROM disclosure_violations(ARRAY[pg_temp.id('national-partial'), pg_temp.id('vs-group')])),
  0::bigint, 'disclosure_violations: none for disclosures that pass');

-- rule 6: spot checks ------------------------------------------------------------------------
SELECT pg_temp.draft('drafty', 'GB 18401-2010');
SELECT pg_temp.put('drafty', 'formaldehyde', '≤40 mg/kg');
SELECT throws_ok($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
                   VALUES (pg_temp.id('drafty'), 'formaldehyde', CURRENT_DATE, '30 mg/kg')$$, 'FR006',
  NULL, 'rule 6: no spot check of a draft');
SELECT throws_ok($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
                   VALUES (pg_temp.id('own'), 'fastness_water', CURRENT_DATE, '3 级')$$, 'FR006',
  'rule 6 (spot check): disclosure ' || pg_temp.id('own') || ' does not disclose indicator "fastness_water"',
  'rule 6: only a disclosed indicator is checked');
SELECT throws_ok($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
                   VALUES (pg_temp.id('own'), 'formaldehyde', CURRENT_DATE + 1, '30 mg/kg')$$, 'FR006',
  NULL, 'rule 6: no sampling date in the future');
SELECT throws_ok($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
                   VALUES (pg_temp.id('own'), 'formaldehyde', CURRENT_DATE, '3 NTU')$$, 'FR006',
  NULL, 'rule 6: a measured value of another dimension is refused');

INSERT INTO spot_check (disclosure, indicator, sampled_on, measured, conforms)
VALUES (pg_temp.id('own'), 'formaldehyde', CURRENT_DATE - 10, '41 mg/kg', true);
SELECT is((SELECT conforms FROM spot_check WHERE measured::text LIKE '41%'), false,
  'rule 6: conforms is computed (41 > 40 fails) whatever the client sent');
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured, conforms)
VALUES (pg_temp.id('national'), 'formaldehyde', CURRENT_DATE - 400, '12 mg/kg', false);
SELECT is((SELECT conforms FROM spot_check WHERE measured::text LIKE '12%'), true,
  'rule 6: a conforming result is true whatever the client sent');
UPDATE spot_check SET conforms = true WHERE measured::text LIKE '41%';
SELECT is((SELECT conforms FROM spot_check WHERE measured::text LIKE '41%'), false,
  'rule 6: an UPDATE cannot set conforms either');
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured, method)
VALUES (pg_temp.id('own'), 'formaldehyde', CURRENT_DATE - 5, '40.4 mg/kg', 'rounded'),
       (pg_temp.id('own'), 'formaldehyde', CURRENT_DATE - 5, '40.4 mg/kg', 'full');
SELECT results_eq($$SELECT method, conforms FROM spot_check WHERE measured::text LIKE '40.4%' ORDER BY method$$,
  $$VALUES ('full', false), ('rounded', true)$$,
  'rule 6: GB/T 8170 method — 40.4 against ≤40 fails in full, passes rounded');

-- rule 6: exclusion --------------------------------------------------------------------------
SELECT ok(excluded('91110108558521630L', now()), 'excluded: a failing check 10 days ago excludes now');
SELECT ok(NOT excluded('91110108558521630L', now() - interval '20 days'), 'excluded: not before the sampling date');
SELECT ok(NOT excluded('91110108558521630L', now() + interval '400 days'), 'excluded: not after exclusion_days (365)');
SELECT ok(excluded('91110108558521630L', now() + interval '400 days', 500), 'excluded: a longer exclusion_days reaches further');
SELECT ok(NOT excluded('91330100799655058B', now()), 'excluded: another enterprise is not excluded');
SELECT throws_ok($$SELECT excluded('91110108558521630L', now(), -1)$$, '22023',
  'exclusion_days must not be negative', 'excluded: negative exclusion_days is an error');

SELECT * FROM finish();
ROLLBACK;
