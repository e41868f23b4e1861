-- The forms 0.2.0 added to the indicator type (api.md §1.3 "Forms added in
-- 0.2.0", the basis rules, the sampling-plan rules and the three
-- fractions): every example of the contract, both output styles, read-back,
-- comparisons, indexes and the refusals (src/core/indicator_parse.c,
-- src/core/indicator_basis.c, src/core/indicator_cmp.c).
SET search_path = frontrunner, public;
SET client_min_messages = warning;
\set VERBOSITY default

-- Every example: canonical and Chinese output, both read back to an equal
-- value, the canonical text to itself; the form and the bounds.
SELECT input, v AS out, to_text(v, 'zh') AS zh, form(v),
       v::text::indicator = v AND to_text(v, 'zh')::indicator = v AS equal_back,
       v::text::indicator::text = v::text AS same_text,
       lower(v), upper(v)
FROM (VALUES
  -- powers of ten: exact decimals, the written mantissa and exponent kept
  ('≤1×10⁴ CFU/g'), ('≤2×10⁶ CFU/mL'), ('≤5.0×10⁻³ mg/L'), ('≤2×10^6'), ('10^4'), ('1.0E+04'),
  ('≥13×10²'), ('127×10'), ('≥14×100 MPa'), ('1e-3 mg/kg'), ('ND(<1×10^-3 mg/L)'),
  -- shall-wording: the same requirement without the wording
  ('应≤0.2'), ('应不大于0.2'), ('不应大于0.2'), ('不应低于98.0%'), ('应为6.5～8.5'), ('应在6.5～8.5之间'),
  ('应小于25000cfu/ml'), ('不得超过1000cfu/g'), ('小于等于9mg/100g'), ('大于或等于90%'),
  -- hyphen ranges, any dash; in grades the half grade stays
  ('6.5-8.5'), ('0.10—0.13'), ('198V-235.4V'), ('3%-5%'), ('3-4级'),
  -- digit groups and the space after the point
  ('9 192 631 770'), ('≤ 8. 0'), ('101 325 Pa'),
  -- relative tolerances, stored as their ranges
  ('220 V +7%/-10%'), ('380 V ±7%'), ('50 Hz ±0.5 %'), ('(23±0.5)℃'),
  -- bases, kept in the value and in the output
  ('≤0.2 mg/kg(以Pb计)'), ('≤10 mg/L（以N计）'), ('≤450 mg/L(以CaCO₃计)'), ('≤0.3 mg/kg(以干基计)'),
  ('≥98.0 %（质量分数）'), ('≥92.0%(干基)'), ('1.0(干重计)'), ('≤2.0 g/L(按100%酒精度折算)'),
  ('≤5 mg/kg(以脂肪酸计)'), ('≤0.1 mg/kg (以氮计) (以鲜重计)'),
  -- the three fractions
  ('≥52 %vol'), ('0.5%~60.0%(V/V)'), ('≥40 %(体积分数)'), ('≤0.04 g/100mL'), ('≥1 % (m/V)'),
  -- sampling plans (GB 4789.1 / GB 29921)
  ('n=5,c=2,m=100 CFU/g,M=1000 CFU/g'), ('n=5，c=0，m=100 CFU/g'), ('n=5,c=2,m=10^4,M=10^5 CFU/g'),
  ('n=5,c=2,m=10,M=10³CFU/g'), ('n=5,c=2,m=50000,M=100000'), ('n=5, c=1, m=10 CFU/g, M=-'),
  ('n=5,c=0,m=0/25g')
) AS t(input), LATERAL (SELECT input::indicator AS v) AS x;

-- accessors of the new parts
SELECT v, form(v), lower_precision(v), upper_precision(v), species(v), sample_basis(v), fraction(v),
       plan_n(v), plan_c(v), plan_m(v), plan_max(v)
FROM (VALUES ('≥13×10²'::indicator), ('≤0.30'), ('≤1×10⁴ CFU/g'), ('≤ 1.0E+04'),
             ('≤0.2 mg/kg(以Pb计)'), ('≤0.3 mg/kg(以干基计)'), ('≥52 %vol'), ('≥98.0 %(质量分数)'),
             ('≥1 % (m/V)'), ('≤ 5 mL/L'), ('7'), ('ND'), ('n=5,c=2,m=100 CFU/g,M=1000 CFU/g'),
             ('n=5,c=0,m=100 CFU/g')) AS t(v);

-- GB/T 8170 with a power of ten: 13×10² is a limit rounded to hundreds
SELECT satisfies(1268, '≥13×10²', 'rounded') AS rounded, satisfies(1268, '≥13×10²', 'full') AS full,
       satisfies(1249, '≥13×10²', 'rounded') AS rounded_1249, satisfies(1250, '≥13×10²', 'rounded') AS tie_to_even,
       satisfies(1350, '≤13×10²', 'rounded') AS tie_1350;

-- the three fractions (0.1.0 called the first pair equal)
SELECT a, b, compare(a, b)
FROM (VALUES ('≥52 %vol'::indicator, '≥52 g/100g'::indicator), ('≥52 %vol', '≥520 mL/L'),
             ('≥52 % (V/V)', '≥52 %vol'), ('≤5 mL/L', '≤0.5 %'), ('≤0.5 %', '≤5000 mg/kg'),
             ('≤0.5 %(质量分数)', '≤0.5 %'), ('≤1 g/100mL', '≤10 g/L'), ('≤1 % (m/V)', '≤1 g/100mL'),
             ('≤1 % (m/V)', '≤1 %'), ('≤50 %RH', '≤50 %')) AS t(a, b);

-- bases: a species basis is compatible with none, incomparable with another
SELECT a, b, compare(a, b), a = b AS btree_equal
FROM (VALUES ('≤0.1 mg/kg(以Pb计)'::indicator, '≤0.2 mg/kg'::indicator),
             ('≤0.2 mg/kg(以Pb计)', '≤0.2 mg/kg'), ('≤0.2 mg/kg(以Pb计)', '≤0.2 mg/kg(以Pb计)'),
             ('≤10 mg/L(以N计)', '≤10 mg/L(以NO₃计)'), ('≤10 mg/L(以N计)', '≤10 mg/L(以氮计)'),
             ('≤0.3 mg/kg(以干基计)', '≤0.3 mg/kg'), ('≤0.3 mg/kg(以干基计)', '≤0.3 mg/kg(干基)'),
             ('≤0.3 mg/kg(以鲜重计)', '≤0.3 mg/kg'), ('≤0.3 mg/kg(以脂肪计)', '≤0.3 mg/kg(以干基计)'))
     AS t(a, b);
SELECT '≤10 mg/L(以N计)'::indicator <@ '≤10 mg/L(以NO3计)';
SELECT satisfies('0.2 mg/kg(以干基计)'::indicator, '≤0.3 mg/kg');

-- sampling plans against plans and plain limits
SELECT a, b, compare(a, b), a <@ b AS contained, a && b AS overlaps
FROM (VALUES ('n=5,c=2,m=100,M=1000 CFU/g'::indicator, 'n=5,c=2,m=100,M=1000 CFU/g'::indicator),
             ('n=5,c=1,m=100,M=1000 CFU/g', 'n=5,c=2,m=100,M=1000 CFU/g'),
             ('n=5,c=2,m=50,M=500 CFU/g', 'n=5,c=2,m=100,M=1000 CFU/g'),
             ('n=5,c=3,m=50,M=100 CFU/g', 'n=5,c=0,m=100 CFU/g'),
             ('n=5,c=2,m=100,M=1000 CFU/g', 'n=10,c=2,m=100,M=1000 CFU/g'),
             ('n=10,c=0,m=50 CFU/g', 'n=5,c=2,m=100,M=1000 CFU/g'),
             ('n=5,c=2,m=100 CFU/g', 'n=5,c=2,m=100,M=1000 CFU/g'),
             ('n=5,c=2,m=100,M=1000 CFU/g', '≤1000 CFU/g'), ('n=5,c=2,m=100,M=1000 CFU/g', '≤999 CFU/g'),
             ('n=5,c=0,m=100 CFU/g', '≤100 CFU/g'), ('≤100 CFU/g', 'n=5,c=2,m=100,M=1000 CFU/g'),
             ('≤50 CFU/g', 'n=5,c=2,m=100,M=1000 CFU/g'), ('≥200 CFU/g', 'n=5,c=2,m=100,M=1000 CFU/g'),
             ('n=5,c=2,m=0.1,M=1 CFU/mg', 'n=5,c=2,m=100,M=1000 CFU/g'))
     AS t(a, b);
SELECT v, level(v, 'lower_better') AS lower_better, level(v, 'higher_better') AS higher_better,
       level(v, 'lower_better', 'CFU/kg') AS in_cfu_per_kg, margin(v, 'n=5,c=2,m=1000,M=10000 CFU/g', 'lower_better'),
       to_unit(v, 'CFU/kg')
FROM (VALUES ('n=5,c=2,m=100 CFU/g,M=1000 CFU/g'::indicator), ('n=5,c=0,m=10^4 CFU/g')) AS t(v);
SELECT satisfies(ARRAY[120, 80, 450, 60, 95]::numeric[], 'n=5,c=2,m=100,M=1000 CFU/g') AS two_above_m,
       satisfies(ARRAY[120, 180, 450, 60, 95]::numeric[], 'n=5,c=2,m=100,M=1000 CFU/g') AS three_above_m,
       satisfies(ARRAY[20, 80, 1450, 60, 95]::numeric[], 'n=5,c=2,m=100,M=1000 CFU/g') AS one_above_big_m,
       satisfies(ARRAY[0, 0, 0, 0, 0]::numeric[], 'n=5,c=0,m=0/25g') AS none_found,
       satisfies(ARRAY[100.4, 99, 98, 97, 96]::numeric[], 'n=5,c=0,m=100 CFU/g') AS full,
       satisfies(ARRAY[100.4, 99, 98, 97, 96]::numeric[], 'n=5,c=0,m=100 CFU/g', 'rounded') AS rounded,
       satisfies(ARRAY[0.1, 0.2]::numeric[], '≤0.2 mg/kg') AS every_result;
SELECT satisfies(120, 'n=5,c=2,m=100,M=1000 CFU/g');
SELECT satisfies(ARRAY[1, 2, 3]::numeric[], 'n=5,c=2,m=100,M=1000 CFU/g');
SELECT satisfies(ARRAY[1, NULL, 3, 4, 5]::numeric[], 'n=5,c=2,m=100,M=1000 CFU/g');

-- = is an equivalence and the hash agrees with it: equal values across
-- units and written precisions, and the parts beyond the set
SELECT a, b, a = b AS equal, indicator_hash(a) = indicator_hash(b) AS same_hash,
       indicator_cmp(a, b) AS cmp
FROM (VALUES ('≥13×10²'::indicator, '≥1300'::indicator), ('≤1×10⁴ CFU/g', '≤10000 CFU/g'),
             ('≤1×10⁴ CFU/g', '≤10 CFU/mg'), ('≥52 %vol', '≥520 mL/L'), ('≥52 % (V/V)', '≥52 %vol'),
             ('n=5,c=0,m=100 CFU/g', 'n=5,c=0,m=100 CFU/g,M=1000 CFU/g'),
             ('n=5,c=0,m=100 CFU/g', '≤100 CFU/g'), ('n=5,c=2,m=100,M=1000 CFU/g', 'n=5,c=2,m=0.1,M=1 CFU/mg'),
             ('≤0.2 mg/kg(以Pb计)', '≤200 μg/kg(以Pb计)'), ('≤0.2 mg/kg(以Pb计)', '≤0.2 mg/kg'),
             ('≤10 mg/L(以N计)', '≤10 mg/L(以氮计)')) AS t(a, b);

-- btree and hash opclasses and GiST over the new forms
CREATE TEMP TABLE forms (id int, v indicator);
INSERT INTO forms
SELECT row_number() OVER (), v::indicator
FROM unnest(ARRAY['≤1×10⁴ CFU/g', '≤10000 CFU/g', '≤100 CFU/g', 'n=5,c=2,m=100,M=1000 CFU/g',
                  'n=5,c=0,m=100 CFU/g', 'n=5,c=2,m=100 CFU/g', '≤0.2 mg/kg(以Pb计)', '≤0.2 mg/kg',
                  '≤0.2 mg/kg(以As计)', '≤0.3 mg/kg(以干基计)', '≥52 %vol', '≥52 g/100g', '≥520 mL/L',
                  '≤2×10⁶ CFU/g', 'n=5,c=1,m=10^4,M=10^5 CFU/g']) AS v;
SELECT v, count(*) OVER (PARTITION BY v) AS equal_values FROM forms ORDER BY v, id;
SELECT count(DISTINCT v) AS distinct_values FROM forms;
CREATE INDEX forms_gist ON forms USING gist (v);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM forms WHERE v <@ '≤1000 CFU/g';
SELECT string_agg(id::text, ', ' ORDER BY id) AS contained_in_le_1000_cfu FROM forms WHERE v <@ '≤1000 CFU/g';
SELECT string_agg(id::text, ', ' ORDER BY id) AS contain_le_50_cfu FROM forms WHERE v @> '≤50 CFU/g';
SELECT string_agg(id::text, ', ' ORDER BY id) AS meet_ge_500_cfu FROM forms WHERE v && '≥500 CFU/g';
SELECT string_agg(id::text, ', ' ORDER BY id) AS within_le_1_mg_kg_pb FROM forms WHERE v <@ '≤1 mg/kg(以Pb计)';
RESET enable_seqscan;
SELECT string_agg(id::text, ', ' ORDER BY id) AS seqscan_le_1000_cfu
FROM forms WHERE compare(v, '≤1000 CFU/g') IN ('stricter', 'equal');

-- binary COPY round trip of the new forms (version 2)
COPY forms TO '/tmp/frontrunner_forms_regress.bin' (FORMAT binary);
CREATE TEMP TABLE forms_back (LIKE forms);
COPY forms_back FROM '/tmp/frontrunner_forms_regress.bin' (FORMAT binary);
SELECT count(*) FILTER (WHERE s.v::text = d.v::text AND s.v = d.v) AS identical, count(*)
FROM forms s JOIN forms_back d USING (id);
SELECT v, substr(indicator_send(v), 1, 1) AS version FROM (VALUES ('≤0.2 mg/kg'::indicator), ('≤1×10⁴ CFU/g')) t(v);

-- refusals: 22P02 naming the part and how to write it, 22003 for what does
-- not fit
SELECT '≤0.2(湖、库0.05) mg/L'::indicator;
SELECT 'n=5,c=1,m=100 CFU/g(mL),M=1000 CFU/g(mL)'::indicator;
SELECT '1.0(去除内脏)'::indicator;
SELECT '≤0.02 mg/kg(以冲调后乳汁计)'::indicator;
SELECT '≤0.3 mg/kg(以干基计)(以脂肪计)'::indicator;
SELECT '≤ 5 mg/kg (V/V)'::indicator;
SELECT '13×102'::indicator;
SELECT '<4×10-5'::indicator;
SELECT '13×10 2'::indicator;
SELECT '0.1×3'::indicator;
SELECT '2x10^6 CFU/g'::indicator;
SELECT '45 40 10'::indicator;
SELECT '≤30,000'::indicator;
SELECT '±7%'::indicator;
SELECT '10 ± 1×10^-1'::indicator;
SELECT 'n=5,c=5,m=100 CFU/g'::indicator;
SELECT 'n=0,c=0,m=100 CFU/g'::indicator;
SELECT 'n=5,c=2,m=1000,M=100 CFU/g'::indicator;
SELECT 'n=5,c=2,m=100 CFU/g,M=1000 CFU/mL'::indicator;
SELECT 'n=5.5,c=2,m=100'::indicator;
SELECT '应在6.5～8.5'::indicator;
SELECT '6.626 070 15×10⁻³⁴ J·s'::indicator;
SELECT '6.022 140 76×10²³ mol⁻¹'::indicator;
