-- The indicator type: every input form, canonical and Chinese output,
-- round trips, and errors (src/indicator_parse.c, src/indicator.c).
SET search_path = frontrunner, public;
SET client_min_messages = warning;
\set VERBOSITY default

-- Every form.  "out" is the canonical output, "zh" the Chinese style; both
-- read back to an equal value, and the canonical one to identical text.
SELECT input, v AS out, to_text(v, 'zh') AS zh,
       v::text::indicator = v AND to_text(v, 'zh')::indicator = v AS equal_back,
       v::text::indicator::text = v::text AS same_text
FROM (VALUES
  -- point (a measured result)
  ('0.15 mg/kg'), ('98.5%'), ('0.30 mg/kg'), ('7'), ('-5 °C'),
  -- upper bounds: included
  ('≤0.2 mg/kg'), ('≦0.2 mg/kg'), ('<=0.2mg/kg'), ('不大于0.2 mg/kg'), ('不高于0.2 mg/kg'),
  ('不超过0.2 mg/kg'), ('0.2 mg/kg以下'), ('0.2 mg/kg以内'), ('at most 0.2 mg/kg'),
  -- upper bounds: excluded
  ('< 5 dB'), ('小于5 dB'), ('低于5 dB'), ('不满5 dB'), ('less than 5 dB'),
  -- lower bounds: included
  ('≥98.5%'), ('≧98.5%'), ('>=98.5 %'), ('不小于98.5%'), ('不低于98.5%'), ('不少于98.5%'),
  ('98.5%以上'),
  -- lower bounds: excluded
  ('> 3'), ('大于3'), ('高于3'), ('超过3'),
  -- ranges
  ('6.5~8.5'), ('6.5～8.5'), ('6.5 至 8.5'), ('[6.5, 8.5)'), ('(6.5, 8.5]'), ('[6.5, 8.5]'),
  ('不小于6.5且不大于8.5'), ('≥6.5, ≤8.5'), ('≥6.5，≤8.5'), ('大于6.5且小于8.5'),
  ('6.5~8.5 mg/L'), ('-5 ~ 5 °C'),
  -- 0.2.0: a hyphen range (two unsigned numbers), and a power of ten (the
  -- inputs 0.1.0 refused: "6.5-8.5" and "1e-3 mg/kg"; sql/indicator_forms.sql
  -- has every form 0.2.0 added)
  ('6.5-8.5'), ('1e-3 mg/kg'),
  -- tolerances: the unit written once belongs to both numbers
  ('65±2 dB'), ('65 dB ± 2 dB'), ('(65±2) dB'), ('10 +0.5/-0.2 mm'), ('10 -0.2/+0.5 mm'),
  ('50±5%'), ('50 mm ± 5 %'),
  -- not detected
  ('不得检出'), ('不应检出'), ('未检出'), ('ND'), ('not detected'), ('N.D.'),
  ('不得检出(检出限 0.01 mg/kg)'), ('不得检出（检出限0.01 mg/kg）'), ('ND(<0.01 mg/kg)'),
  ('ND (≤ 0.01 mg/kg)'),
  -- grades, with the half grade 3-4级 = 3.5 级
  ('≥4级'), ('≥3-4级'), ('1级'), ('3-4级'), ('4-5级以上'),
  -- full-width input goes through the normalisation module
  ('≦０．２ｍｇ／ｋｇ'), ('≧９８．５％'), ('６．５～８．５'), ('ＮＤ')
) AS t(input), LATERAL (SELECT input::indicator AS v) AS x;

-- the written scale is kept: 0.30 stays 0.30, and equals 0.3
SELECT '0.30 mg/kg'::indicator AS kept, upper('≤0.30 mg/kg'::indicator) AS upper_bound,
       '0.30 mg/kg'::indicator = '0.3 mg/kg' AS equal_values;

-- accessors
SELECT v, lower(v), upper(v), lower_inc(v), upper_inc(v), is_nd(v), unit(v)
FROM (VALUES ('≤0.2 mg/kg'::indicator), ('< 5 dB'), ('≥98.5%'), ('[6.5, 8.5)'), ('65±2 dB'),
             ('10 +0.5/-0.2 mm'), ('50 mm ± 5 %'), ('ND'), ('ND(<0.01 mg/kg)'), ('≥3-4级'),
             ('7')) AS t(v);

-- to_text styles
SELECT to_text('≤0.2 mg/kg', 'canonical') AS canonical, to_text('≤0.2 mg/kg', 'zh') AS zh,
       to_text('≤0.2 mg/kg', 'ZH') AS zh_upper_case;
SELECT to_text('≤0.2 mg/kg', 'en');

-- binary send/recv: version byte first, then the fields; round trip
SELECT v, indicator_send(v) AS bytes
FROM (VALUES ('≤0.2 mg/kg'::indicator), ('ND'), ('65 ± 2 dB')) AS t(v);

-- binary COPY round trip of every form: identical text, equal values
CREATE TEMP TABLE bin_src (id int, v indicator);
INSERT INTO bin_src
SELECT row_number() OVER (), v::indicator
FROM unnest(ARRAY['0.15 mg/kg', '0.30 mg/kg', '-5 °C', '≤0.2 mg/kg', '< 5 dB', '≥98.5%', '> 3',
                  '6.5~8.5', '[6.5, 8.5)', '(6.5, 8.5]', '65±2 dB', '10 +0.5/-0.2 mm',
                  '10 +0.5/+0.2 mm', '50 mm ± 5 %', 'ND', 'ND (≤ 0.01 mg/kg)', 'ND(<0.01 mg/kg)',
                  '≥3-4级', '1 kW·h/24h', '≤ 100 CFU/mL', '7']) AS v;
COPY bin_src TO '/tmp/frontrunner_indicator_regress.bin' (FORMAT binary);
CREATE TEMP TABLE bin_dst (LIKE bin_src);
COPY bin_dst FROM '/tmp/frontrunner_indicator_regress.bin' (FORMAT binary);
SELECT s.v AS sent, d.v AS received, s.v::text = d.v::text AS identical, s.v = d.v AS equal
FROM bin_src s JOIN bin_dst d USING (id) ORDER BY id;

-- errors: 22P02 with where parsing stopped and why
SELECT ''::indicator;
SELECT 'abc'::indicator;
SELECT '≤'::indicator;
SELECT '≤ 0.2 furlongs'::indicator;
SELECT '8.5~6.5'::indicator;
SELECT '[5, 5)'::indicator;
SELECT '≤6.5-8.5'::indicator;
SELECT '3-5级'::indicator;
SELECT '1×102 mg/kg'::indicator;
SELECT '≥6.5, ≥8.5'::indicator;
SELECT '≤0.2 mg/kg以下'::indicator;
SELECT '1,000 mg/kg'::indicator;
SELECT '6.5 mg/kg ~ 8.5 %'::indicator;
SELECT 'ND (≤ 0.01 mg/kg) extra'::indicator;
SELECT 'ND (≥ 0.01 mg/kg)'::indicator;
SELECT '65 ± -2 dB'::indicator;
SELECT '65 dB ± 2 mm'::indicator;
-- 22003: numbers that do not fit are errors, never wrapped
SELECT '99999999999999999999 mg/kg'::indicator;
SELECT '999999999999999999 ± 999999999999999999'::indicator;
