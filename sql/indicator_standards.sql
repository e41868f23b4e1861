-- Literals from real standards, as the indicator type reads them.
-- Values as transcribed from public copies (domain.md); verify against the
-- official texts before any regulatory use.
SET search_path = frontrunner, public;
SET client_min_messages = warning;
\set VERBOSITY default

-- GB 18401-2010 (textiles), categories A (infants), B (skin contact), C (no skin contact)
CREATE TEMP TABLE gb18401 (item text, a indicator, b indicator, c indicator);
INSERT INTO gb18401 VALUES
  ('甲醛含量 formaldehyde',         '≤ 20 mg/kg', '≤ 75 mg/kg', '≤ 300 mg/kg'),
  ('pH值',                           '4.0～7.5',   '4.0～8.5',   '4.0～9.0'),
  ('耐水色牢度 fastness to water',  '≥3-4级',     '≥3级',       '≥3级'),
  ('耐酸汗渍色牢度 acid perspiration', '≥3-4级',  '≥3级',       '≥3级'),
  ('耐碱汗渍色牢度 alkali perspiration', '≥3-4级', '≥3级',      '≥3级'),
  ('耐干摩擦色牢度 dry rubbing',    '≥4级',       '≥3级',       '≥3级'),
  ('耐唾液色牢度 saliva',           '≥4级',       NULL,         NULL);
SELECT item, a, b, c, to_text(a, 'zh') AS a_zh,
       compare(a, b) AS a_vs_b, compare(b, c) AS b_vs_c,
       a <@ b AND b <@ c AS nested
FROM gb18401;

-- an enterprise standard for infant wear, against category A
SELECT item, q AS enterprise, a AS gb18401_a, compare(q, a), q <@ a AS at_least_as_strict,
       margin(q, a, d) AS margin
FROM (VALUES ('甲醛含量 formaldehyde', '≤ 16 mg/kg'::indicator, 'lower_better'::direction),
             ('pH值', '4.5～7.0', 'target'),
             ('耐水色牢度 fastness to water', '≥ 4 级', 'higher_better'),
             ('耐干摩擦色牢度 dry rubbing', '≥3-4级', 'higher_better')) AS e(item, q, d)
JOIN gb18401 USING (item) ORDER BY item COLLATE "C";

-- GB 5749-2006 (drinking water), a selection
CREATE TEMP TABLE gb5749 (item text, limit_value indicator);
INSERT INTO gb5749 VALUES
  ('总大肠菌群 total coliforms (per 100 mL)', '不得检出'),
  ('菌落总数 total plate count',             '≤ 100 CFU/mL'),
  ('砷 arsenic',                             '≤ 0.01 mg/L'),
  ('镉 cadmium',                             '≤ 0.005 mg/L'),
  ('铅 lead',                                '≤ 0.01 mg/L'),
  ('汞 mercury',                             '≤ 0.001 mg/L'),
  ('浑浊度 turbidity',                       '≤ 1 NTU'),
  ('浑浊度 turbidity (constrained source)',  '≤ 3 NTU'),
  ('pH',                                     '不小于6.5且不大于8.5');
SELECT item, limit_value, to_text(limit_value, 'zh') AS zh, unit(limit_value),
       level(limit_value, 'lower_better') AS level
FROM gb5749;

-- measured results of a water sample (spot check), in the units a lab reports
SELECT item, measured, limit_value, satisfies(measured, limit_value) AS full,
       satisfies(measured, limit_value, 'rounded') AS rounded
FROM (VALUES ('总大肠菌群 total coliforms (per 100 mL)', '未检出'::indicator),
             ('菌落总数 total plate count', '85 CFU/mL'),
             ('菌落总数 total plate count', '12000 CFU/100mL'),
             ('砷 arsenic', '8 μg/L'),
             ('砷 arsenic', '0.0104 mg/L'),
             ('镉 cadmium', '0.0052 mg/L'),
             ('铅 lead', 'ND (< 0.0025 mg/L)'),
             ('汞 mercury', '0.0012 mg/L'),
             ('浑浊度 turbidity', '0.5 NTU'),
             ('pH', '8.54'),
             ('pH', '8.56')) AS m(item, measured)
JOIN gb5749 USING (item) ORDER BY item COLLATE "C", measured::text COLLATE "C";

-- GB 21519-2008 (storage electric water heaters), energy-efficiency grades:
-- 24 h standby energy consumption coefficient ε and hot-water output rate μ.
-- Illustrative transcription of the grade table; verify against the
-- official text.
CREATE TEMP TABLE gb21519 (grade int, epsilon indicator, mu indicator);
INSERT INTO gb21519 VALUES (1, '≤ 0.6', '≥ 70 %'), (2, '≤ 0.7', '≥ 60 %'), (3, '≤ 0.8', '≥ 55 %'),
                           (4, '≤ 0.9', '≥ 55 %'), (5, '≤ 1.0', '≥ 50 %');
-- which grades does a model's declared performance reach?
SELECT grade, epsilon, mu,
       satisfies('0.65'::indicator, epsilon) AND satisfies('62 %'::indicator, mu) AS model_reaches,
       -- μ in per mille (0.1.0 asked for mL/L: a plain % is a mass fraction,
       -- and since 0.2.0 a volume fraction is not one)
       level(epsilon, 'lower_better') AS eps_level, level(mu, 'higher_better', '‰') AS mu_per_mille
FROM gb21519 ORDER BY grade;
