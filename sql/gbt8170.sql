-- GB/T 8170-2008 judgements: satisfies(measured, spec, method).
-- 'full' (全数值比较法, the default) compares the full value; 'rounded'
-- (修约值比较法) first rounds the measured value ONCE, half to even, to the
-- limit's last written digit.
SET search_path = frontrunner, public;
SET client_min_messages = warning;
\set VERBOSITY default

-- GB/T 8170-2008 table 2, the rows a decimal limit can express (values as
-- transcribed from a public copy; verify against the official text).
-- Expected: full / rounded as the standard's table says (符合 = true).
SELECT item, spec, measured, satisfies(measured, spec::indicator) AS full,
       satisfies(measured, spec::indicator, 'rounded') AS rounded,
       expect_full, expect_rounded,
       satisfies(measured, spec::indicator) = expect_full
         AND satisfies(measured, spec::indicator, 'rounded') = expect_rounded AS agrees
FROM (VALUES
  ('NaOH 质量分数/%',   '≥97.0 %', 97.01,  true,  true),
  ('NaOH 质量分数/%',   '≥97.0 %', 97.00,  true,  true),
  ('NaOH 质量分数/%',   '≥97.0 %', 96.96,  false, true),
  ('NaOH 质量分数/%',   '≥97.0 %', 96.94,  false, false),
  ('硅的质量分数/%',    '≤0.5 %',  0.452,  true,  true),
  ('硅的质量分数/%',    '≤0.5 %',  0.500,  true,  true),
  ('硅的质量分数/%',    '≤0.5 %',  0.549,  false, true),
  ('硅的质量分数/%',    '≤0.5 %',  0.551,  false, false),
  ('锰的质量分数/%',    '1.2~1.6 %', 1.151, false, true),
  ('锰的质量分数/%',    '1.2~1.6 %', 1.200, true,  true),
  ('锰的质量分数/%',    '1.2~1.6 %', 1.649, false, true),
  ('锰的质量分数/%',    '1.2~1.6 %', 1.651, false, false),
  ('盘条直径/mm',       '10.0±0.1 mm', 9.89,  false, true),
  ('盘条直径/mm',       '10.0±0.1 mm', 9.85,  false, false),
  ('盘条直径/mm',       '10.0±0.1 mm', 10.10, true,  true),
  ('盘条直径/mm',       '10.0±0.1 mm', 10.16, false, false),
  ('盘条直径/mm (不含0.1)', '(9.9, 10.1) mm', 9.94,  true, false),
  ('盘条直径/mm (不含0.1)', '(9.9, 10.1) mm', 9.96,  true, true),
  ('盘条直径/mm (不含0.1)', '(9.9, 10.1) mm', 10.06, true, false),
  ('盘条直径/mm (不含0.1)', '(9.9, 10.1) mm', 10.05, true, true)
) AS t(item, spec, measured, expect_full, expect_rounded);

-- rounding rules on the boundary: exactly 5 goes to the even digit;
-- 5 followed by non-zero digits goes up; rounding happens once
SELECT measured, spec, satisfies(measured, spec::indicator, 'rounded') AS rounded, why
FROM (VALUES
  (1.050,   '≤1.0',  '1.050 → 1.0 (0 is even)'),
  (0.35,    '≤0.3',  '0.35 → 0.4 (3 is odd)'),
  (0.45,    '≤0.4',  '0.45 → 0.4 (4 is even)'),
  (10.5,    '≤10',   '10.5 → 10'),
  (11.5,    '≤11',   '11.5 → 12'),
  (10.5002, '≤10',   '10.5002 → 11: 5 followed by non-zero digits'),
  (10.4999, '≤10',   '10.4999 → 10: once, not 10.5 then 11'),
  (10.45,   '≤10',   '10.45 → 10, never 10.5 → 10 in steps either way'),
  (-2.45,   '≥-2.4', '-2.45 → -2.4 (4 is even)'),
  (-2.55,   '≥-2.5', '-2.55 → -2.6 (5 is odd)'),
  (0.015,   '≤0.01 mg/kg', '0.015 → 0.02'),
  (0.025,   '≤0.02 mg/kg', '0.025 → 0.02'),
  (0.30,    '≤0.3',  'already at the limit''s digits')
) AS t(measured, spec, why);

-- the limit's decimals count as written: ≤0.30 judges at the second decimal
SELECT satisfies(0.304, '≤0.3', 'rounded') AS at_one_decimal,
       satisfies(0.304, '≤0.30', 'rounded') AS at_two_decimals,
       satisfies(0.305, '≤0.30', 'rounded') AS half_to_even,
       satisfies(0.315, '≤0.31', 'rounded') AS half_to_even_up;

-- measured indicators, also across units: rounding is done exactly in
-- the spec's unit: 0.01005 % = 100.5 mg/kg rounds to 100 at the last digit of
-- ≤ 100, but stays 100.5 against ≤ 100.0; 0.0105 % = 105 mg/kg stays 105
SELECT m, s, satisfies(m, s) AS full, satisfies(m, s, 'rounded') AS rounded
FROM (VALUES
  ('0.0104 %'::indicator, '≤ 100 mg/kg'::indicator),
  ('0.0105 %', '≤ 100 mg/kg'),
  ('0.01005 %', '≤ 100 mg/kg'),
  ('0.01005 %', '≤ 100.0 mg/kg'),
  ('ND', '≤ 0.01 mg/kg'),
  ('ND (≤ 0.01 mg/kg)', 'ND'),
  ('0.004 mg/kg', 'ND'),
  ('0 mg/kg', 'ND'),
  ('3-4级', '≥3-4级'),
  ('3 级', '≥3-4级')
) AS t(m, s);

-- a number is taken in the spec's unit
SELECT satisfies(0.02, '≤ 0.01 mg/L') AS full, satisfies(0.014, '≤ 0.01 mg/L', 'rounded') AS rounded;

-- errors
SELECT satisfies(1, '≤ 2 mg/kg', 'approximately');
SELECT satisfies('1 dB'::indicator, '≤ 2 mg/kg');
SELECT satisfies('NaN'::numeric, '≤ 2 mg/kg');
