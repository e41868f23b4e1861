-- Benchmark comparison (对标): benchmark(), benchmark_requirement,
-- benchmark_summary, benchmark_profile (view and function), benchmark_gap,
-- disclosure_json(), standard_edition(), and their errors.  Every expected
-- verdict and margin is computed by hand from the fixture's values
-- (test/fixtures/benchmark.sql has the table); margins with 20 decimals are
-- numeric division results (20 decimals, last digit rounded half up).
BEGIN;
SELECT plan(55);
\ir fixtures/benchmark.sql

CREATE FUNCTION pg_temp.ref(r text) RETURNS bigint LANGUAGE sql AS
$$ SELECT id FROM frontrunner.disclosure WHERE source_ref = r $$;

-- ---------------------------------------------------------------- editions
SELECT is(standard_edition('GB 18401')::text, 'GB 18401-2010',
  'undated GB 18401: the latest edition in force (2026 is issued but not yet in force)');
SELECT is(standard_edition('ISO 99184')::text, 'ISO 99184:2022',
  'undated ISO 99184: 2022 (2015 is withdrawn)');
SELECT is(standard_edition('GB 18401-2003')::text, 'GB 18401-2003', 'a dated number is returned as is');
SELECT is(standard_edition('GB 99999')::text, 'GB 99999', 'an unknown undated number is returned as is');
INSERT INTO standard (code, issued_on, withdrawn_on) VALUES
  ('EN 77777:2010', '2010-01-01', '2015-01-01'), ('EN 77777:2015', '2015-01-01', '2020-01-01');
SELECT is(standard_edition('EN 77777')::text, 'EN 77777:2015',
  'no edition in force: the latest edition present');

-- ---------------------------------------------------------------- requirements
SELECT results_eq(
  $$ SELECT indicator, standard::text, benchmark_class, requirement::text, cited::text
     FROM benchmark_requirement WHERE category = 'textile-a'
     ORDER BY indicator, class_rank, standard $$,
  $$ VALUES
     ('fastness_water', 'GB 18401-2010', 'mandatory', '≥ 3.5 级', 'GB 18401-2010'),
     ('fastness_water', 'GB/T 18885-2020', 'recommended', '≥ 4 级', 'GB/T 18885-2020'),
     ('fastness_water', 'ISO 99184:2022', 'international', '≥ 4.5 级', 'ISO 99184'),
     ('fastness_water', 'EN 99401:2023', 'foreign', '≥ 4 级', 'EN 99401:2023'),
     ('formaldehyde', 'GB 18401-2010', 'mandatory', '≤ 20 mg/kg', 'GB 18401-2010'),
     ('formaldehyde', 'GB/T 18885-2020', 'recommended', '≤ 16 mg/kg', 'GB/T 18885-2020'),
     ('formaldehyde', 'ISO 99184:2022', 'international', '≤ 15 ppm', 'ISO 99184:2022'),
     ('formaldehyde', 'EN 99401:2023', 'foreign', '≤ 0.001 %', 'EN 99401:2023'),
     ('ph', 'GB 18401-2010', 'mandatory', '4.0 ~ 7.5', 'GB 18401-2010'),
     ('ph', 'GB/T 18885-2020', 'recommended', '4.5 ~ 7.5', 'GB/T 18885-2020'),
     ('ph', 'ISO 99184:2022', 'international', '5.0 ~ 7.5', 'ISO 99184:2022'),
     ('ph', 'EN 99401:2023', 'foreign', '4.5 ~ 7.0', 'EN 99401:2023') $$,
  'benchmarks in force: withdrawn GB 18401-2003 and ISO 99184:2015 and not-yet GB 18401-2026 left out; '
  'undated ISO 99184 resolved to 2022, its formaldehyde row shadowed by the edition''s own');

-- ---------------------------------------------------------------- benchmark()
SELECT results_eq(
  format($$ SELECT indicator, standard::text, std_kind, verdict, margin FROM benchmark(%s) $$, pg_temp.ref('BM-D1')),
  $$ VALUES
     -- fastness ≥ 4.5 级 (higher_better: (a - b) / b)
     ('fastness_water', 'GB 18401-2010', 'national', 'stricter', 0.28571428571428571429),  -- (4.5 - 3.5) / 3.5
     ('fastness_water', 'GB/T 18885-2020', 'national', 'stricter', 0.125),                 -- (4.5 - 4) / 4
     ('fastness_water', 'ISO 99184:2022', 'international', 'equal', 0),                    -- 4.5 = 4.5
     ('fastness_water', 'EN 99401:2023', 'foreign', 'stricter', 0.125),                    -- (4.5 - 4) / 4
     -- formaldehyde ≤ 10 mg/kg (lower_better: (b - a) / b, a in b's unit)
     ('formaldehyde', 'GB 18401-2010', 'national', 'stricter', 0.5),                       -- (20 - 10) / 20
     ('formaldehyde', 'GB/T 18885-2020', 'national', 'stricter', 0.375),                   -- (16 - 10) / 16
     ('formaldehyde', 'ISO 99184:2022', 'international', 'stricter', 0.33333333333333333333), -- (15 - 10) / 15 ppm
     ('formaldehyde', 'EN 99401:2023', 'foreign', 'equal', 0),                             -- 10 mg/kg = 0.001 %
     -- pH 5.0 ~ 7.0, width 2.0 (target: 1 - width(a) / width(b))
     ('ph', 'GB 18401-2010', 'national', 'stricter', 0.42857142857142857143),              -- 1 - 2.0/3.5 = 1 - 0.57142857142857142857
     ('ph', 'GB/T 18885-2020', 'national', 'stricter', 0.33333333333333333333),            -- 1 - 2.0/3.0 = 1 - 0.66666666666666666667
     ('ph', 'ISO 99184:2022', 'international', 'stricter', 0.2),                           -- 1 - 2.0/2.5
     ('ph', 'EN 99401:2023', 'foreign', 'stricter', 0.2) $$,                               -- 1 - 2.0/2.5
  'benchmark(D1): every indicator against every benchmark, ordered indicator, mandatory → foreign, standard');

SELECT results_eq(
  format($$ SELECT unit, disclosed_level, required_level, std_nature, benchmark_class, direction::text
            FROM benchmark(%s) WHERE indicator = 'formaldehyde' $$, pg_temp.ref('BM-D1')),
  $$ VALUES ('mg/kg', 10::numeric, 20::numeric, 'mandatory', 'mandatory', 'lower_better'),
            ('mg/kg', 10, 16, 'recommended', 'recommended', 'lower_better'),
            ('mg/kg', 10, 15, NULL, 'international', 'lower_better'),     -- 15 ppm = 15 mg/kg
            ('mg/kg', 10, 10, NULL, 'foreign', 'lower_better') $$,       -- 0.001 % = 10 mg/kg
  'levels in indicator_def.unit across units (ppm, %)');

SELECT results_eq(
  format($$ SELECT disclosed_level, required_level FROM benchmark(%s) WHERE indicator = 'ph' $$, pg_temp.ref('BM-D1')),
  $$ VALUES (2.0::numeric, 3.5::numeric), (2.0, 3.0), (2.0, 2.5), (2.0, 2.5) $$,
  'target levels are range widths');

SELECT results_eq(
  format($$ SELECT standard::text FROM benchmark(%s) WHERE executed $$, pg_temp.ref('BM-D3')),
  $$ VALUES ('GB 18401-2010'), ('GB 18401-2010'), ('GB 18401-2010') $$,
  'D3 executes the undated GB 18401: executed marks the rows of the edition in force');
SELECT results_eq(
  format($$ SELECT indicator, standard::text FROM benchmark(%s) WHERE executed $$, pg_temp.ref('BM-D2')),
  $$ VALUES ('fastness_water', 'GB/T 18885-2020'), ('formaldehyde', 'GB/T 18885-2020'), ('ph', 'GB/T 18885-2020') $$,
  'D2 executes GB/T 18885-2020');
SELECT is((SELECT count(*) FROM benchmark(pg_temp.ref('BM-D1')) WHERE executed), 0::bigint,
  'an own enterprise standard is never a benchmark');

SELECT results_eq(
  format($$ SELECT indicator, verdict, margin FROM benchmark(%s) $$, pg_temp.ref('BM-D3')),
  $$ VALUES
     ('fastness_water', 'equal', 0::numeric),                 -- 3.5 = 3.5
     ('fastness_water', 'looser', -0.125),                    -- (3.5 - 4) / 4
     ('fastness_water', 'looser', -0.22222222222222222222),   -- (3.5 - 4.5) / 4.5
     ('fastness_water', 'looser', -0.125),
     ('formaldehyde', 'equal', 0),                            -- 20 = 20
     ('formaldehyde', 'looser', -0.25),                       -- (16 - 20) / 16
     ('formaldehyde', 'looser', -0.33333333333333333333),     -- (15 - 20) / 15
     ('formaldehyde', 'looser', -1),                          -- (0.001 - 0.002) / 0.001 (%)
     ('ph', 'equal', 0),                                      -- 4.0~7.5 = 4.0~7.5
     ('ph', 'looser', -0.16666666666666666667),               -- 1 - 3.5/3.0 = 1 - 1.16666666666666666667
     ('ph', 'looser', -0.4),                                  -- 1 - 3.5/2.5
     ('ph', 'looser', -0.4) $$,
  'benchmark(D3): equal to the mandatory standard, looser than the others (with the statement)');

SELECT results_eq(
  format($$ SELECT indicator, verdict, margin FROM benchmark(%s) $$, pg_temp.ref('BM-D4')),
  $$ VALUES
     ('formaldehyde', 'stricter', 1::numeric),                -- ND: level 0, (20 - 0) / 20
     ('formaldehyde', 'stricter', 1),
     ('formaldehyde', 'stricter', 1),
     ('formaldehyde', 'stricter', 1),
     ('ph', 'stricter', 0.91428571428571428571),              -- 1 - 0.3/3.5 = 1 - 0.08571428571428571429
     ('ph', 'stricter', 0.9),                                 -- 1 - 0.3/3.0
     ('ph', 'stricter', 0.88),                                -- 1 - 0.3/2.5
     ('ph', 'disjoint', 0.88) $$,                             -- 7.2~7.5 vs 4.5~7.0: no value in common
  'benchmark(D4): not detected is stricter than every limit; a narrower range outside the benchmark is disjoint');

SELECT results_eq(
  format($$ SELECT indicator, standard::text, verdict, margin FROM benchmark(%s)
            WHERE std_kind IN ('international', 'foreign') $$, pg_temp.ref('BM-D6')),
  $$ VALUES
     ('fastness_water', 'ISO 99184:2022', 'looser', -0.22222222222222222222),  -- (3.5 - 4.5) / 4.5
     ('fastness_water', 'EN 99401:2023', 'looser', -0.125),                    -- (3.5 - 4) / 4
     ('formaldehyde', 'ISO 99184:2022', 'equal', 0::numeric),                  -- 15 mg/kg = 15 ppm
     ('formaldehyde', 'EN 99401:2023', 'looser', -0.5),                        -- (0.001 - 0.0015) / 0.001
     ('ph', 'ISO 99184:2022', 'equal', 0),
     ('ph', 'EN 99401:2023', 'overlapping', 0) $$,                             -- 5.0~7.5 vs 4.5~7.0, same width
  'benchmark(D6): equal across units, overlapping ranges');

SELECT results_eq(
  format($$ SELECT indicator, verdict, margin FROM benchmark(%s) $$, pg_temp.ref('BM-D8')),
  $$ VALUES
     ('formaldehyde', 'stricter', 0.4::numeric),   -- (20 - 12) / 20
     ('formaldehyde', 'stricter', 0.25),           -- (16 - 12) / 16
     ('formaldehyde', 'stricter', 0.2),            -- (15 - 12) / 15
     ('formaldehyde', 'looser', -0.2),             -- (10 - 12) / 10
     ('ph', 'stricter', 0.57142857142857142857),   -- 1 - 1.5/3.5 = 1 - 0.42857142857142857143
     ('ph', 'stricter', 0.5),                      -- 1 - 1.5/3.0
     ('ph', 'stricter', 0.4),                      -- 1 - 1.5/2.5
     ('ph', 'stricter', 0.4) $$,
  'a draft is benchmarked (its enterprise checks it before publication)');

SELECT is_empty('SELECT * FROM benchmark(NULL)', 'benchmark(NULL) returns no rows');

SELECT is_empty($$
  SELECT * FROM benchmark_pair_typed p
  WHERE p.verdict IS DISTINCT FROM compare(p.disclosed, p.required)
     OR (p.verdict <> 'incomparable' AND p.margin IS DISTINCT FROM margin(p.disclosed, p.required, p.direction)) $$,
  'benchmark_pair_typed: verdict = compare(), margin = margin() on every pair');
SELECT set_eq(
  'SELECT * FROM benchmark_pair',
  $$SELECT p.disclosure, p.enterprise::text, p.category, p.status, p.indicator, p.direction::text, p.unit,
           p.disclosed::text, p.standard::text, p.std_kind, p.std_nature, p.benchmark_class, p.class_rank,
           p.required::text, p.test_method::text, p.verdict, p.margin
    FROM benchmark_pair_typed p$$,
  'benchmark_pair: the rows of benchmark_pair_typed, as text');
SELECT set_eq(
  'SELECT * FROM benchmark_requirement',
  $$SELECT r.category, r.indicator, r.standard::text, r.kind, r.nature, r.benchmark_class, r.class_rank,
           r.requirement::text, r.test_method::text, r.cited::text, r.direction::text, r.unit
    FROM benchmark_requirement_typed r$$,
  'benchmark_requirement: the rows of benchmark_requirement_typed, as text');
SELECT set_eq('SELECT * FROM standard_latest',
  'SELECT series::text, edition::text, in_force FROM standard_latest_typed',
  'standard_latest: the rows of standard_latest_typed, as text');
SELECT set_eq('SELECT * FROM requirement_in_force',
  $$SELECT category, indicator, standard::text, kind, nature, requirement::text, test_method::text
    FROM requirement_in_force_typed$$,
  'requirement_in_force: the rows of requirement_in_force_typed, as text');

SELECT is((SELECT count(*) FROM benchmark_pair WHERE disclosure = pg_temp.ref('BM-D8')), 0::bigint,
  'benchmark_pair leaves drafts out (benchmark() reads them with the caller''s rights)');

-- a role granted the views alone reads the summaries (they use the owner's rights)
CREATE ROLE frontrunner_test_bi;
GRANT USAGE ON SCHEMA frontrunner TO frontrunner_test_bi;
GRANT SELECT ON benchmark_summary, benchmark_profile, benchmark_gap TO frontrunner_test_bi;
SET LOCAL ROLE frontrunner_test_bi;
CREATE TEMP TABLE bi_counts AS
SELECT (SELECT count(*) FROM frontrunner.benchmark_summary) AS s, (SELECT count(*) FROM frontrunner.benchmark_profile) AS p,
       (SELECT count(*) FROM frontrunner.benchmark_gap) AS g;
RESET ROLE;
SELECT is((SELECT ARRAY[s, p, g] FROM bi_counts), ARRAY[12, 5, 16]::bigint[],
  'a role with SELECT on the views only reads benchmark_summary, benchmark_profile and benchmark_gap');

-- errors
SELECT throws_ok(format('SELECT * FROM benchmark(%s)', pg_temp.ref('BM-D5')), '55000',
  format('disclosure %s is superseded: only current disclosures are benchmarked', pg_temp.ref('BM-D5')),
  'benchmark() of a superseded disclosure: 55000');
SELECT throws_ok(format('SELECT * FROM benchmark(%s)', pg_temp.ref('BM-D7')), '55000',
  format('disclosure %s is withdrawn: only current disclosures are benchmarked', pg_temp.ref('BM-D7')),
  'benchmark() of a withdrawn disclosure: 55000');
SELECT throws_ok('SELECT * FROM benchmark(-7)', 'P0002', 'disclosure -7 does not exist',
  'benchmark() of a missing disclosure: P0002');

-- ---------------------------------------------------------------- summary
SELECT results_eq(
  $$ SELECT indicator, standard, compared, stricter, equal, looser, other, overlapping, disjoint, incomparable,
            share_at_least_as_strict, median_margin
     FROM benchmark_summary WHERE category = 'textile-a' ORDER BY indicator, class_rank, standard $$,
  $$ VALUES
     -- fastness: D1 4.5, D2 4, D3 3.5, D6 3.5 (D4 does not disclose it); an even count: mean of the middle two
     ('fastness_water', 'GB 18401-2010', 4::bigint, 2::bigint, 2::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint,
      1.0000, 0.07142857142857142857),      -- margins 0, 0, 1/7, 2/7: (0 + 0.14285714285714285714) / 2
     ('fastness_water', 'GB/T 18885-2020', 4, 1, 1, 2, 0, 0, 0, 0,
      0.5000, -0.0625),                     -- -0.125, -0.125, 0, 0.125: (-0.125 + 0) / 2
     ('fastness_water', 'ISO 99184:2022', 4, 0, 1, 3, 0, 0, 0, 0,
      0.2500, -0.166666666666666666665),    -- -2/9, -2/9, -1/9, 0: (-0.22222222222222222222 - 0.11111111111111111111) / 2, exact
     ('fastness_water', 'EN 99401:2023', 4, 1, 1, 2, 0, 0, 0, 0,
      0.5000, -0.0625),
     -- formaldehyde: D1 10, D2 16, D3 20, D4 ND, D6 15 mg/kg
     ('formaldehyde', 'GB 18401-2010', 5, 4, 1, 0, 0, 0, 0, 0,
      1.0000, 0.25),                        -- 0, 0.2, 0.25, 0.5, 1
     ('formaldehyde', 'GB/T 18885-2020', 5, 3, 1, 1, 0, 0, 0, 0,
      0.8000, 0.0625),                      -- -0.25, 0, 0.0625, 0.375, 1
     ('formaldehyde', 'ISO 99184:2022', 5, 2, 1, 2, 0, 0, 0, 0,
      0.6000, 0),                           -- -1/3, -1/15, 0, 1/3, 1
     ('formaldehyde', 'EN 99401:2023', 5, 1, 1, 3, 0, 0, 0, 0,
      0.4000, -0.5),                        -- -1, -0.6, -0.5, 0, 1
     -- pH: D1 5.0~7.0, D2 4.5~7.5, D3 4.0~7.5, D4 7.2~7.5, D6 5.0~7.5
     ('ph', 'GB 18401-2010', 5, 4, 1, 0, 0, 0, 0, 0,
      1.0000, 0.28571428571428571429),      -- 0, 1/7, 2/7, 3/7, 0.914…
     ('ph', 'GB/T 18885-2020', 5, 3, 1, 1, 0, 0, 0, 0,
      0.8000, 0.16666666666666666667),      -- -1/6, 0, 1/6, 1/3, 0.9
     ('ph', 'ISO 99184:2022', 5, 2, 1, 2, 0, 0, 0, 0,
      0.6000, 0),                           -- -0.4, -0.2, 0, 0.2, 0.88
     ('ph', 'EN 99401:2023', 5, 1, 0, 2, 2, 1, 1, 0,
      0.2000, 0) $$,                        -- -0.4, -0.2, 0 (overlapping), 0.2, 0.88 (disjoint)
  'benchmark_summary: current published disclosures only (not the superseded D5, the withdrawn D7, the draft D8)');

SELECT results_eq(
  $$ SELECT min_margin, max_margin, std_kind, std_nature, benchmark_class, direction, required
     FROM benchmark_summary WHERE indicator = 'formaldehyde' ORDER BY class_rank $$,
  $$ VALUES (0::numeric, 1::numeric, 'national', 'mandatory', 'mandatory', 'lower_better', '≤ 20 mg/kg'),
            (-0.25, 1, 'national', 'recommended', 'recommended', 'lower_better', '≤ 16 mg/kg'),
            (-0.33333333333333333333, 1, 'international', NULL, 'international', 'lower_better', '≤ 15 ppm'),
            (-1, 1, 'foreign', NULL, 'foreign', 'lower_better', '≤ 0.001 %') $$,
  'benchmark_summary: min and max margin, kind, nature, class, direction, requirement');

SELECT results_eq(
  $$ SELECT indicator, standard, compared, stricter, equal, looser FROM benchmark_summary ORDER BY 1, 2 $$,
  $$ SELECT b.indicator, b.standard::text, count(*), count(*) FILTER (WHERE b.verdict = 'stricter'),
            count(*) FILTER (WHERE b.verdict = 'equal'), count(*) FILTER (WHERE b.verdict = 'looser')
     FROM disclosure d CROSS JOIN LATERAL benchmark(d.id) b
     WHERE d.status = 'published' GROUP BY 1, 2 ORDER BY 1, 2 $$,
  'benchmark_summary agrees with benchmark() over every published disclosure');

SELECT is_empty($$
  SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_type t ON t.oid = a.atttypid
  WHERE c.relname IN ('benchmark_summary', 'benchmark_profile', 'benchmark_gap')
    AND c.relnamespace = 'frontrunner'::regnamespace AND a.attnum > 0
    AND t.typnamespace <> 'pg_catalog'::regnamespace $$,
  'benchmark_summary, benchmark_profile and benchmark_gap have plain column types only');

-- ---------------------------------------------------------------- profile
SELECT results_eq(
  $$ SELECT d.source_ref, f.enterprise, f.indicators, f.benchmarked, f.at_least_as_strict, f.not_as_strict,
            f.not_as_strict_indicators
     FROM benchmark_profile f JOIN disclosure d ON d.id = f.disclosure ORDER BY d.source_ref $$,
  $$ VALUES
     ('BM-D1', '91110108558521630L', 3::bigint, 3::bigint, 3::bigint, 0::bigint, NULL::text),
     ('BM-D2', '91330100799655058B', 3, 3, 0, 3, 'fastness_water, formaldehyde, ph'),  -- looser than ISO on all three
     ('BM-D3', '91330100799655058B', 3, 3, 0, 3, 'fastness_water, formaldehyde, ph'),
     ('BM-D4', '91110108558521630L', 2, 2, 1, 1, 'ph'),                                -- disjoint from EN
     ('BM-D6', uscc_complete('91310115MA1K40000')::text, 3, 3, 0, 3, 'fastness_water, formaldehyde, ph') $$,
  'benchmark_profile view: one row per current published disclosure');

SELECT results_eq(
  $$ SELECT product, indicators, not_as_strict, indicator, benchmark, std_kind, disclosed, required, verdict, margin
     FROM benchmark_profile('91110108558521630L') $$,
  $$ VALUES ('婴儿连体衣 BJ-100', 3::bigint, 0::bigint, NULL, NULL, NULL, NULL, NULL, NULL, NULL::numeric),
            ('婴儿口水巾 BJ-400', 2, 1, 'ph', 'EN 99401:2023', 'foreign', '7.2 ~ 7.5', '4.5 ~ 7.0', 'disjoint', 0.88) $$,
  'benchmark_profile(uscc): a disclosure without gap gives one row, a gap one row each');

SELECT results_eq(
  format($$ SELECT indicator, benchmark, disclosed, required, verdict, margin FROM benchmark_profile(%L) $$,
         uscc_complete('91310115MA1K40000')),
  $$ VALUES ('fastness_water', 'ISO 99184:2022', '≥ 3.5 级', '≥ 4.5 级', 'looser', -0.22222222222222222222),
            ('fastness_water', 'EN 99401:2023', '≥ 3.5 级', '≥ 4 级', 'looser', -0.125),
            ('formaldehyde', 'EN 99401:2023', '≤ 15 mg/kg', '≤ 0.001 %', 'looser', -0.5),
            ('ph', 'EN 99401:2023', '5.0 ~ 7.5', '4.5 ~ 7.0', 'overlapping', 0::numeric) $$,
  'benchmark_profile(uscc): the current version only (D6, not the superseded D5 or the withdrawn D7)');

SELECT is_empty($$
  SELECT f.disclosure, f.indicators, f.benchmarked, f.at_least_as_strict, f.not_as_strict
  FROM benchmark_profile f
  EXCEPT
  SELECT DISTINCT p.disclosure, p.indicators, p.benchmarked, p.at_least_as_strict, p.not_as_strict
  FROM enterprise e CROSS JOIN LATERAL benchmark_profile(e.uscc) p $$,
  'benchmark_profile(uscc) gives the counts of the view, for every enterprise');
SELECT is((SELECT count(*) FROM benchmark_gap), 16::bigint,
  'benchmark_gap: D2 5 (all but fastness vs EN, equal) + D3 6 + D4 1 + D6 4 = 16 gaps');

SELECT throws_ok(format('SELECT * FROM benchmark_profile(%L)', uscc_complete('91110000MA0000001')), 'P0002',
  format('enterprise %s does not exist', uscc_complete('91110000MA0000001')),
  'benchmark_profile() of an unknown enterprise: P0002');

-- ---------------------------------------------------------------- disclosure_json
CREATE TEMP TABLE j AS SELECT disclosure_json(pg_temp.ref('BM-D4')) AS j;
SELECT is((SELECT array_agg(k ORDER BY k) FROM j, jsonb_object_keys(j) k),
  ARRAY['below_recommended_statement', 'benchmarked_on', 'category', 'enterprise', 'id', 'indicators',
        'product', 'published_at', 'source_ref', 'standard', 'status', 'superseded_by', 'supersedes',
        'withdraw_reason', 'withdrawn_at'],
  'disclosure_json: top-level keys');
SELECT is((SELECT j - 'published_at' - 'benchmarked_on' - 'indicators' FROM j),
  jsonb_build_object('id', pg_temp.ref('BM-D4'), 'status', 'published',
    'enterprise', '{"uscc": "91110108558521630L", "name": "北京示例服饰有限公司"}'::jsonb,
    'product', '婴儿口水巾 BJ-400',
    'category', '{"code": "textile-a", "name": "婴幼儿纺织产品 (A 类)"}'::jsonb,
    'standard', '{"code": "Q/BJSL 0002S-2024", "edition": "Q/BJSL 0002S-2024", "kind": "enterprise", "nature": null, "title": null}'::jsonb,
    'withdrawn_at', NULL, 'withdraw_reason', NULL, 'supersedes', NULL, 'superseded_by', NULL,
    'below_recommended_statement', NULL, 'source_ref', 'BM-D4'),
  'disclosure_json: the disclosure''s fields');
SELECT ok((SELECT j->>'published_at' ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$'
                  AND (j->>'published_at')::timestamptz = (SELECT published_at FROM disclosure WHERE source_ref = 'BM-D4')
                  AND j->>'benchmarked_on' = CURRENT_DATE::text FROM j),
  'disclosure_json: published_at in UTC (ISO 8601, Z), benchmarked_on today');
SELECT is((SELECT (j->'indicators'->0) - 'benchmarks' FROM j),
  '{"key": "formaldehyde", "name": "甲醛含量", "direction": "lower_better", "requirement": "ND",
    "requirement_zh": "不得检出", "unit": null, "test_method": "GB/T 2912.1-2009"}'::jsonb,
  'disclosure_json: an indicator with canonical and Chinese text and test method');
SELECT is((SELECT j->'indicators'->1->'benchmarks' FROM j),
  '[{"standard": "GB 18401-2010", "kind": "national", "nature": "mandatory", "class": "mandatory",
     "requirement": "4.0 ~ 7.5", "requirement_zh": "4.0～7.5", "verdict": "stricter", "margin": 0.91428571428571428571},
    {"standard": "GB/T 18885-2020", "kind": "national", "nature": "recommended", "class": "recommended",
     "requirement": "4.5 ~ 7.5", "requirement_zh": "4.5～7.5", "verdict": "stricter", "margin": 0.9},
    {"standard": "ISO 99184:2022", "kind": "international", "nature": null, "class": "international",
     "requirement": "5.0 ~ 7.5", "requirement_zh": "5.0～7.5", "verdict": "stricter", "margin": 0.88},
    {"standard": "EN 99401:2023", "kind": "foreign", "nature": null, "class": "foreign",
     "requirement": "4.5 ~ 7.0", "requirement_zh": "4.5～7.0", "verdict": "disjoint", "margin": 0.88}]'::jsonb,
  'disclosure_json: benchmark verdicts per indicator, mandatory → foreign');
SELECT is((SELECT jsonb_path_query_array(j, '$.indicators[*].key') FROM j), '["formaldehyde", "ph"]'::jsonb,
  'disclosure_json: indicators in key order');

SELECT is(disclosure_json(pg_temp.ref('BM-D3'))->'standard',
  '{"code": "GB 18401", "edition": "GB 18401-2010", "kind": "national", "nature": "mandatory",
    "title": "国家纺织产品基本安全技术规范"}'::jsonb,
  'disclosure_json: an undated executed standard with the edition it means');
SELECT is(disclosure_json(pg_temp.ref('BM-D1'))->'indicators'->0->>'requirement_zh', '不低于4-5级',
  'disclosure_json: Chinese text of a half grade');

SELECT is((SELECT jsonb_build_object('status', j->'status', 'superseded_by', j->'superseded_by',
                                     'benchmarked_on', j->'benchmarked_on',
                                     'benchmarks', jsonb_path_query_array(j, '$.indicators[*].benchmarks'))
           FROM disclosure_json(pg_temp.ref('BM-D5')) j),
  jsonb_build_object('status', 'superseded', 'superseded_by', pg_temp.ref('BM-D6'),
                     'benchmarked_on', NULL, 'benchmarks', '[[], []]'::jsonb),
  'disclosure_json of a superseded disclosure: its record, its successor, no benchmarks');
SELECT is((SELECT j->>'status' || ' / ' || (j->>'withdraw_reason') FROM disclosure_json(pg_temp.ref('BM-D7')) j),
  'withdrawn / 产品停产', 'disclosure_json of a withdrawn disclosure: status and reason');
SELECT is(disclosure_json(pg_temp.ref('BM-D6'))->'supersedes', to_jsonb(pg_temp.ref('BM-D5')),
  'disclosure_json: supersedes');

SELECT throws_ok(format('SELECT disclosure_json(%s)', pg_temp.ref('BM-D8')), '55000',
  format('disclosure %s is a draft: drafts are not public', pg_temp.ref('BM-D8')),
  'disclosure_json() of a draft: 55000');
SELECT throws_ok('SELECT disclosure_json(-7)', 'P0002', 'disclosure -7 does not exist',
  'disclosure_json() of a missing disclosure: P0002');
SELECT is(disclosure_json(NULL), NULL::jsonb, 'disclosure_json(NULL) is NULL');

-- ---------------------------------------------------------------- incomparable
-- a benchmark in another dimension: verdict incomparable, margin and levels
-- NULL, nothing raised
INSERT INTO standard (code, issued_on) VALUES ('JIS L 99999:2020', '2020-01-01');
INSERT INTO standard_requirement VALUES ('JIS L 99999:2020', 'textile-a', 'fastness_water', '≥ 50 %', NULL);
SELECT results_eq(
  format($$ SELECT verdict, margin, disclosed_level, required_level FROM benchmark(%s)
            WHERE standard = 'JIS L 99999:2020' $$, pg_temp.ref('BM-D1')),
  $$ VALUES ('incomparable', NULL::numeric, NULL::numeric, NULL::numeric) $$,
  'a benchmark in another dimension is incomparable, without margin or levels');
SELECT results_eq(
  $$ SELECT compared, other, incomparable, share_at_least_as_strict, median_margin
     FROM benchmark_summary WHERE standard = 'JIS L 99999:2020' $$,
  $$ VALUES (4::bigint, 4::bigint, 4::bigint, 0.0000, NULL::numeric) $$,
  'benchmark_summary counts incomparable pairs as other');
SELECT is((SELECT not_as_strict_indicators FROM benchmark_profile WHERE disclosure = pg_temp.ref('BM-D1')),
  'fastness_water', 'an incomparable foreign benchmark is not met');

-- a new benchmark in force changes the comparison at once; a group standard
-- sorts after recommended ones
INSERT INTO standard (code, issued_on) VALUES ('T/CNTAC 99-2024', '2024-01-01');
INSERT INTO standard_requirement VALUES ('T/CNTAC 99-2024', 'textile-a', 'formaldehyde', '≤ 12 mg/kg', NULL);
SELECT results_eq(
  format($$ SELECT standard::text, benchmark_class, verdict, margin FROM benchmark(%s)
            WHERE indicator = 'formaldehyde' $$, pg_temp.ref('BM-D1')),
  $$ VALUES ('GB 18401-2010', 'mandatory', 'stricter', 0.5),
            ('GB/T 18885-2020', 'recommended', 'stricter', 0.375),
            ('T/CNTAC 99-2024', 'group', 'stricter', 0.16666666666666666667),   -- (12 - 10) / 12
            ('ISO 99184:2022', 'international', 'stricter', 0.33333333333333333333),
            ('EN 99401:2023', 'foreign', 'equal', 0) $$,
  'class order: mandatory, recommended, group, international, foreign');

SELECT * FROM finish();
ROLLBACK;
