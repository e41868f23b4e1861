-- Sampling plans in the registry (0.2.0): a disclosed plan is held to the
-- mandatory standard's plan by rule 3, ranks by its m, and a spot check of
-- it records the results of its n sample units (spot_check.results), from
-- which the database judges conforms and sets measured to the largest.
BEGIN;
SELECT plan(14);

INSERT INTO category (code, name) VALUES ('milk-powder', '乳粉');
INSERT INTO indicator_def (category, key, name, direction, unit, required) VALUES
  ('milk-powder', 'aerobic_count', '菌落总数', 'lower_better', 'CFU/g', false),
  ('milk-powder', 'lead', '铅(以Pb计)', 'lower_better', 'mg/kg', false);
-- GB 19644-2010 (乳粉) as transcribed in test/corpus/requirements.tsv's
-- sources: verify against the official text before regulatory use
INSERT INTO standard (code, title, issued_on, effective_on) VALUES
  ('GB 19644-2010', '食品安全国家标准 乳粉', '2010-03-26', '2010-12-01');
INSERT INTO standard_requirement (standard, category, indicator, requirement) VALUES
  ('GB 19644-2010', 'milk-powder', 'aerobic_count', 'n=5,c=2,m=50000,M=200000 CFU/g'),
  ('GB 19644-2010', 'milk-powder', 'lead', '≤0.5 mg/kg');
INSERT INTO enterprise (uscc, name) VALUES ('91110108558521630L', '北京示例乳业有限公司');

CREATE TEMP TABLE d AS
WITH x AS (INSERT INTO disclosure (enterprise, category, product, standard)
           VALUES ('91110108558521630L', 'milk-powder', '全脂乳粉', 'GB 19644-2010') RETURNING id)
SELECT id FROM x;

SELECT throws_ok($$INSERT INTO disclosed_indicator (disclosure, indicator, requirement)
                   SELECT id, 'aerobic_count', 'n=5,c=3,m=50000,M=200000 CFU/g' FROM d$$, 'FR003', NULL,
  'rule 3: a plan allowing more samples above m than the mandatory plan is looser');
SELECT lives_ok($$INSERT INTO disclosed_indicator (disclosure, indicator, requirement)
                  SELECT id, 'aerobic_count', 'n=5,c=2,m=10^4,M=10^5 CFU/g' FROM d$$,
  'rule 3: a plan with lower m and M is at least as strict');
SELECT lives_ok($$INSERT INTO disclosed_indicator (disclosure, indicator, requirement)
                  SELECT id, 'lead', '≤0.2 mg/kg(以Pb计)' FROM d$$,
  'rule 3: a limit on the species basis 以Pb计 is held to the mandatory limit without one');
SELECT lives_ok($$UPDATE disclosure SET status = 'published' WHERE id = (SELECT id FROM d)$$,
  'the disclosure with a plan is published');

SELECT is((SELECT b.verdict || ' ' || b.margin FROM benchmark((SELECT id FROM d)) b WHERE b.indicator = 'aerobic_count'),
  'stricter 0.8', 'benchmark: the plan against the standard''s plan, margin on m');

-- spot checks of the plan: the results of the five sample units
INSERT INTO spot_check (disclosure, indicator, sampled_on, results)
SELECT id, 'aerobic_count', CURRENT_DATE - 3, ARRAY[8000, 12000, 30000, 9000, 500] FROM d;
SELECT results_eq($$SELECT conforms, measured::text FROM spot_check WHERE results[1] = 8000$$,
  $$VALUES (true, '30000 CFU/g')$$,
  'rule 6: two of five results above m, none above M: conforms; measured is the largest result');
INSERT INTO spot_check (disclosure, indicator, sampled_on, results, measured, conforms)
SELECT id, 'aerobic_count', CURRENT_DATE - 2, ARRAY[12000, 12000, 30000, 9000, 500], '1 CFU/g', true FROM d;
SELECT results_eq($$SELECT conforms, measured::text FROM spot_check WHERE results[1] = 12000$$,
  $$VALUES (false, '30000 CFU/g')$$,
  'rule 6: three results above m fail whatever the client sent (measured and conforms set by the database)');
INSERT INTO spot_check (disclosure, indicator, sampled_on, results, method)
SELECT id, 'aerobic_count', CURRENT_DATE - 1, ARRAY[100400, 900, 800, 700, 600], m FROM d,
       unnest(ARRAY['full', 'rounded']) m;
SELECT results_eq($$SELECT method, conforms FROM spot_check WHERE results[1] = 100400 ORDER BY method$$,
  $$VALUES ('full', false), ('rounded', true)$$,
  'rule 6: GB/T 8170 on each result — 100400 above M = 10^5 in full, 10^5 rounded to M''s precision');
SELECT throws_ok($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
                   SELECT id, 'aerobic_count', CURRENT_DATE, '20000 CFU/g' FROM d$$, 'FR006', NULL,
  'rule 6: a plan needs the results of its sample units');
SELECT throws_ok($$INSERT INTO spot_check (disclosure, indicator, sampled_on, results)
                   SELECT id, 'aerobic_count', CURRENT_DATE, ARRAY[1, 2, 3] FROM d$$, 'FR006', NULL,
  'rule 6: as many results as the plan''s n');
SELECT throws_ok($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured, results)
                   SELECT id, 'lead', CURRENT_DATE, '0.1 mg/kg', ARRAY[0.1, 0.2] FROM d$$, 'FR006', NULL,
  'rule 6: results are refused for a requirement that is no plan');
SELECT is((SELECT conforms FROM spot_check c JOIN d ON c.disclosure = d.id
           WHERE c.indicator = 'aerobic_count' AND c.results[1] = 12000), false,
  'the failing check is recorded');

-- the ranking level of a plan is its m, in the plan indicator's unit
SELECT is(comparable_level('n=5,c=2,m=10^4,M=10^5 CFU/g', 'lower_better', 'CFU/g'), 10000::numeric,
  'level of a plan: m');
SELECT is(comparable_level('n=5,c=2,m=10^4,M=10^5 CFU/g', 'higher_better', 'CFU/g'), NULL::numeric,
  'a plan has no level for higher_better');

SELECT * FROM finish();
ROLLBACK;
