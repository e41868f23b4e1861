-- Comparing indicators: =, the btree and hash opclasses, <@ @> &&,
-- compare(), level(), margin(), to_unit() (src/indicator_cmp.c, compare.c).
SET search_path = frontrunner, public;
SET client_min_messages = warning;
\set VERBOSITY default

-- = is the same set of acceptable values after unit conversion, exactly
SELECT a, b, a = b AS equal, compare(a, b)
FROM (VALUES
  ('≤0.05 %'::indicator, '≤500 mg/kg'::indicator),
  ('≤500 mg/kg', '≤0.5 g/kg'),
  ('≤0.5 g/kg', '≤500 ppm'),
  ('1 kW·h', '3.6 MJ'),
  ('100 ℃', '373.15 K'),
  ('0.5 h', '30 min'),
  ('1 L', '1000 mL'),
  ('≤ 5 µg/kg', '≤ 5 μg/kg'),
  ('≤ 100 CFU/mL', '≤ 10000 CFU/100mL'),
  ('65 ± 2 dB', '63 ~ 67 dB'),
  ('10 +0.5/-0.2 mm', '9.8 ~ 10.5 mm'),
  ('50 mm ± 5 %', '47.5 ~ 52.5 mm'),
  ('50 ± 5 %', '45 ~ 55 %'),
  ('不小于6.5且不大于8.5', '6.5~8.5'),
  ('ND (≤ 0.01 mg/kg)', '≤ 0.01 mg/kg'),
  ('≥3-4级', '≥ 3.5 级'),
  ('0.30 mg/kg', '0.3 mg/kg'),
  ('≤0.2 mg/kg', '< 0.2 mg/kg'),
  ('≤ 1 dB', '≤ 1 dB(A)'),
  ('≤ 1 NTU', '≤ 1 mg/L')
) AS t(a, b);

-- <@: "a is at least as strict as b"; for a measured point "meets b"
SELECT a, b, a <@ b AS contained, a @> b AS contains, a && b AS overlaps, compare(a, b)
FROM (VALUES
  ('≤ 0.01 mg/L'::indicator, '≤ 0.05 mg/L'::indicator),
  ('≤ 0.05 mg/L', '≤ 0.01 mg/L'),
  ('0.008 mg/L', '≤ 0.01 mg/L'),
  ('0.01 mg/L', '< 0.01 mg/L'),
  ('6.5 ~ 8.5', '6.0 ~ 9.0'),
  ('6.0 ~ 8.0', '6.5 ~ 8.5'),
  ('4.0 ~ 5.0', '6.5 ~ 8.5'),
  ('[6.5, 8.5)', '(8.5, 9]'),
  ('[6.5, 8.5]', '[8.5, 9]'),
  ('≥ 99 %', '≥ 98.5 %'),
  ('≥ 4 级', '≥3-4级'),
  ('≤ 0.2 mg/kg', '≤ 0.00002 %'),
  -- not detected: "below any positive limit"
  ('ND', '≤ 0.01 mg/kg'),
  ('ND', 'ND (≤ 0.01 mg/kg)'),
  ('ND (≤ 0.01 mg/kg)', 'ND'),
  ('0 mg/kg', 'ND'),
  ('ND', '≤ 0 mg/kg'),
  ('ND', 'ND')
) AS t(a, b);

-- across dimensions: <@, @>, && raise 22023 naming both units; = and
-- compare() never raise
SELECT '≤ 5 dB'::indicator <@ '≤ 0.2 mg/kg';
SELECT '≤ 5 dB'::indicator && '≤ 0.2 mg/kg';
SELECT '≤ 5 dB'::indicator = '≤ 0.2 mg/kg' AS equal, compare('≤ 5 dB', '≤ 0.2 mg/kg');

-- btree: a total order consistent with =, usable for ORDER BY, DISTINCT,
-- unique indexes; hash: equal values hash alike whatever their unit
CREATE TEMP TABLE req (v indicator);
INSERT INTO req VALUES ('≤0.05 %'), ('≤500 mg/kg'), ('≤ 20 mg/kg'), ('≥ 3 级'), ('≥3-4级'),
  ('ND'), ('ND (≤ 0.01 mg/kg)'), ('≤ 0.01 mg/kg'), ('6.5 ~ 8.5'), ('[6.5, 8.5)'), ('65 ± 2 dB'),
  ('< 70 dB'), ('0.5 h'), ('30 min'), ('≤ 1 NTU');
SELECT v FROM req ORDER BY v, v::text;
SELECT count(DISTINCT v) AS distinct_sets, count(*) AS rows FROM req;
SELECT v, count(*) FROM req GROUP BY v HAVING count(*) > 1 ORDER BY v;
SET enable_sort = off;
SELECT v::text, count(*) FROM req GROUP BY v HAVING count(*) > 1 ORDER BY 1;
RESET enable_sort;
SELECT indicator_hash('≤0.05 %') = indicator_hash('≤500 mg/kg') AS hash_consistent,
       indicator_hash_extended('1 L', 7) = indicator_hash_extended('1000 mL', 7) AS hash_ext_consistent;
CREATE INDEX ON req (v);
CREATE INDEX ON req USING hash (v);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM req WHERE v = '≤ 0.5 g/kg';
SELECT v FROM req WHERE v = '≤ 0.5 g/kg' ORDER BY v::text;
RESET enable_seqscan;

-- the opclasses are valid
SELECT opcname, amvalidate(oid) FROM pg_opclass
WHERE opcnamespace = 'frontrunner'::regnamespace AND opcname LIKE 'indicator%' ORDER BY 1;

-- level(): the number a requirement claims, for ranking
SELECT v, level(v, 'lower_better') AS lower_better, level(v, 'higher_better') AS higher_better,
       level(v, 'target') AS target
FROM (VALUES ('≤ 0.2 mg/kg'::indicator), ('≥ 98.5 %'), ('6.5 ~ 8.5'), ('65 ± 2 dB'), ('ND'),
             ('ND (≤ 0.01 mg/kg)'), ('0.15 mg/kg'), ('≥3-4级')) AS t(v);
SELECT level('≤ 0.05 %', 'lower_better', 'mg/kg') AS in_mg_per_kg,
       level('20 ~ 22 ℃', 'target', 'K') AS width_in_kelvin,
       level('≤ 0.2 mg/kg', 'lower_better', NULL) AS own_unit,
       level('ND', 'lower_better', 'mg/L') AS nd;
SELECT level('≤ 0.2 mg/kg', 'lower_better', 'dB');
SELECT level('≤ 0.2 mg/kg', 'lower_better', 'furlongs');
-- the direction and unit arguments may change from row to row (each call
-- site keeps the last ones it parsed): every row gets its own
SELECT v, d, u, level(v, d, u)
FROM (VALUES ('≤ 0.2 mg/kg'::indicator, 'lower_better'::direction, 'mg/kg'),
             ('≤ 0.2 mg/kg', 'lower_better', 'g/kg'),
             ('≥ 98.5 %', 'higher_better', '%'),
             ('≥ 98.5 %', 'higher_better', ''),
             ('6.5 ~ 8.5', 'target', ''),
             ('≤ 500 mW', 'lower_better', 'W'),
             ('≤ 500 mW', 'higher_better', 'W'),
             ('≤ 500 mW', 'lower_better', NULL)) AS t(v, d, u);
-- comparable_level(): level(), or NULL for a unit of another kind of quantity
-- (tier ranking reads every disclosed indicator through it)
SELECT v, u, comparable_level(v, 'lower_better', u) AS level
FROM (VALUES ('≤ 0.05 %'::indicator, 'mg/kg'), ('≤ 0.2 mg/kg', 'dB'), ('≤ 0.2 mg/kg', 'mg/kg'),
             ('≤ 500 mW', 'W'), ('≤ 500 mW', 'mg/kg'), ('ND', 'mg/L'), ('≥ 98.5 %', '%'),
             ('≤ 7', ''), ('≤ 7', 'mg/kg')) AS t(v, u);
SELECT comparable_level('≤ 0.2 mg/kg', 'lower_better', 'furlongs');
SELECT comparable_level('≤ 0.2 mg/kg', 'lower_better', NULL) IS NULL AS strict;

-- margin(): how much stricter a is than b, as a fraction of b's level
SELECT a, b, d, margin(a, b, d)
FROM (VALUES
  ('≤ 10 mg/kg'::indicator, '≤ 20 mg/kg'::indicator, 'lower_better'::direction),
  ('≤ 0.002 %', '≤ 20 mg/kg', 'lower_better'),
  ('≤ 30 mg/kg', '≤ 20 mg/kg', 'lower_better'),
  ('≥ 99 %', '≥ 90 %', 'higher_better'),
  ('6.8 ~ 8.2', '6.5 ~ 8.5', 'target'),
  ('≤ 10 mg/kg', 'ND', 'lower_better'),
  ('≥ 99 %', '≤ 20 %', 'higher_better')
) AS t(a, b, d);

-- to_unit(): the same set in another unit, exactly
SELECT v, u, to_unit(v, u), to_unit(v, u) = v AS same_set
FROM (VALUES ('≤ 0.05 %'::indicator, 'mg/kg'), ('65 ± 2 dB', 'dB'), ('10 +0.5/-0.2 mm', 'μm'),
             ('50 mm ± 5 %', 'cm'), ('ND (≤ 0.01 mg/kg)', 'μg/kg'), ('ND', 'mg/kg'),
             ('20 ~ 22 ℃', 'K'), ('0.5 h', 'min')) AS t(v, u);
SELECT to_unit('1 min', 'h');
SELECT to_unit('≤ 0.2 mg/kg', 'dB');
