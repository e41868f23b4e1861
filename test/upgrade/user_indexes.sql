-- A bureau's own table of indicator values with its own indexes on them,
-- as an earlier release wrote them: test/harness/updatecheck.sh loads it
-- with 0.1.0's own module, updates, and checks that the values read with
-- the same text and that every index on them was rebuilt — 0.2.0 corrected
-- the fractions (a volume fraction is no mass fraction, %RH is a scale), so
-- their order, hash and GiST keys changed.  Uses only 0.1.0's SQL.
CREATE SCHEMA bureau;
CREATE TABLE bureau.lab_result (id int PRIMARY KEY, sample text NOT NULL, result frontrunner.indicator NOT NULL);
INSERT INTO bureau.lab_result VALUES
  (1, 'baijiu', '≥ 52 %vol'), (2, 'baijiu', '52.3 %vol'), (3, 'wine', '12.5 %vol'),
  (4, 'disinfectant', '≤ 5 mL/L'), (5, 'disinfectant', '0.5 mL/L'), (6, 'spirit', '≥ 520 mL/L'),
  (7, 'milk powder', '≥ 26.0 %'), (8, 'milk powder', '≥ 52 g/100g'), (9, 'flour', '≤ 0.2 mg/kg'),
  (10, 'storage', '≤ 60 %RH'), (11, 'storage', '45 ± 5 %RH'), (12, 'water', '≤ 10 mg/L'),
  (13, 'water', 'ND'), (14, 'beer', '≥ 3.1 %vol'), (15, 'cream', '≤ 0.5 %');
-- more of the same shapes, so that the indexes have inner pages
INSERT INTO bureau.lab_result
SELECT 100 + i, 'generated',
       (format('%s %s %s', (ARRAY['≤', '≥', ''])[1 + i % 3], round((i % 97) / 4.0, 2),
               (ARRAY['%vol', 'mL/L', '%', 'mg/kg', 'g/100g', '%RH', 'μL/L', 'mg/L'])[1 + i % 8]))::frontrunner.indicator
FROM generate_series(1, 1200) i;
CREATE INDEX lab_result_btree ON bureau.lab_result (result);
CREATE INDEX lab_result_hash ON bureau.lab_result USING hash (result);
CREATE INDEX lab_result_gist ON bureau.lab_result USING gist (result);
-- an expression index whose answers changed: 0.1.0 called ≥52 %vol equal to ≥52 g/100g
CREATE INDEX lab_result_vs_mass ON bureau.lab_result ((frontrunner.compare(result, '≥ 52 g/100g')));
ANALYZE bureau.lab_result;
