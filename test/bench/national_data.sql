-- Reference data and the export generator of the national-scale benchmark
-- (test/bench/national.sh): 200 categories of 5 to 12 indicators each, drawn
-- from twelve indicator shapes real standards print (a limit on a basis
-- 以Pb计, a limit in mg/kg sometimes disclosed in %, a pH range, a colony
-- count with a power of ten, a sampling plan n/c/m/M, a fastness grade 3-4,
-- moisture and protein limits of a recommended standard, a power limit in
-- W or mW, a noise limit in dB(A), a tolerance), a mandatory national, a
-- recommended national and an international standard per category, and
-- bench.export(n): the platform export of n disclosures (one row per
-- disclosed indicator, the columns of disclosure_import), 10 % of them new
-- versions superseding an earlier one of the same enterprise.
CREATE EXTENSION frontrunner;
SET search_path = frontrunner, public;
CREATE SCHEMA bench;

-- u(i, salt): a deterministic uniform draw in [0, 1)
CREATE FUNCTION bench.u(i bigint, salt int) RETURNS numeric LANGUAGE sql IMMUTABLE AS
$$ SELECT ((hashint8(i * 64 + salt) & 2147483647)::numeric / 2147483648) $$;
-- pick(a, x): an element of a by x in [0, 1)
CREATE FUNCTION bench.pick(a text[], x numeric) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT a[1 + floor(x * array_length(a, 1))::int] $$;

CREATE TABLE bench.shape (t int PRIMARY KEY, key text, name text, direction direction, unit text,
                          nature text, floor text, intl text, method text);
INSERT INTO bench.shape VALUES
  (0, 'lead', '铅', 'lower_better', 'mg/kg', 'mandatory', '≤0.5 mg/kg(以Pb计)', NULL, 'GB 5009.12-2017'),
  (1, 'formaldehyde', '甲醛含量', 'lower_better', 'mg/kg', 'mandatory', '≤75 mg/kg', '≤75 mg/kg', 'GB/T 2912.1-2009'),
  (2, 'ph', 'pH值', 'target', NULL, 'mandatory', '4.0～8.5', NULL, 'GB/T 7573-2009'),
  (3, 'colonies', '菌落总数', 'lower_better', 'CFU/g', 'mandatory', '≤1.0×10^5 CFU/g', NULL, 'GB 4789.2-2016'),
  (4, 'coliforms', '大肠菌群', 'lower_better', 'CFU/g', 'mandatory', 'n=5,c=2,m=10,M=100 CFU/g', NULL, 'GB 4789.3-2016'),
  (5, 'fastness', '耐水色牢度', 'higher_better', '级', 'mandatory', '≥3 级', '≥3 级', 'GB/T 5713-2013'),
  (6, 'moisture', '水分', 'lower_better', '%', 'recommended', '≤13.0 %', NULL, 'GB 5009.3-2016'),
  (7, 'protein', '蛋白质', 'higher_better', 'g/100g', 'recommended', '≥2.9 g/100g', NULL, 'GB 5009.5-2016'),
  (8, 'power', '待机功率', 'lower_better', 'W', 'mandatory', '≤2.0 W', '≤2.0 W', 'GB/T 35758-2017'),
  (9, 'noise', '噪声', 'lower_better', 'dB(A)', 'mandatory', '≤60 dB(A)', NULL, 'GB/T 4214.1-2017'),
  (10, 'arsenic', '总砷', 'lower_better', 'mg/kg', 'mandatory', '≤0.5 mg/kg(以As计)', NULL, 'GB 5009.11-2014'),
  (11, 'diameter', '直径', 'target', 'mm', 'mandatory', '10.0±0.5 mm', NULL, 'GB/T 1214.1-2008');

-- a disclosed requirement of shape t for disclosure i: at least as strict
-- as the standards, round figures common
CREATE FUNCTION bench.req(t int, i bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE t
    WHEN 0 THEN format('≤%s mg/kg(以Pb计)', bench.pick('{0.1,0.2,0.2,0.3,0.5}', bench.u(i, 1)))
    WHEN 1 THEN CASE WHEN bench.u(i, 2) < 0.2 THEN format('≤%s %%', trim_scale(round(20 + bench.u(i, 3) * 55) / 10000))
                     ELSE format('≤%s mg/kg', round(20 + bench.u(i, 3) * 55)) END
    WHEN 2 THEN format('%s～%s', round(4.0 + bench.u(i, 4) * 1.5, 1), round(7.0 + bench.u(i, 5) * 1.5, 1))
    WHEN 3 THEN format('≤%s×10^%s CFU/g', round(1 + bench.u(i, 6) * 9, 1), bench.pick('{3,4,4}', bench.u(i, 7)))
    WHEN 4 THEN format('n=5,c=%s,m=%s,M=%s CFU/g', bench.pick('{0,1,2,2}', bench.u(i, 8)),
                       bench.pick('{5,10,10}', bench.u(i, 9)), bench.pick('{50,100,100}', bench.u(i, 10)))
    WHEN 5 THEN format('≥%s 级', bench.pick('{3,3-4,4,4-5}', bench.u(i, 11)))
    WHEN 6 THEN format('≤%s %%', round(10 + bench.u(i, 12) * 3, 1))
    WHEN 7 THEN format('≥%s g/100g', round(2.9 + bench.u(i, 13), 1))
    WHEN 8 THEN CASE WHEN bench.u(i, 14) < 0.2 THEN format('≤%s mW', 100 * (1 + floor(bench.u(i, 15) * 20)))
                     ELSE format('≤%s W', round(0.5 + bench.u(i, 15) * 1.5, 2)) END
    WHEN 9 THEN format('≤%s dB(A)', 45 + floor(bench.u(i, 16) * 16))
    WHEN 10 THEN format('≤%s mg/kg(以As计)', bench.pick('{0.1,0.2,0.3,0.5}', bench.u(i, 17)))
    ELSE format('10.0±%s mm', bench.pick('{0.1,0.2,0.3,0.5}', bench.u(i, 18)))
  END
$$;

-- 200 categories; category c has the 5 + c % 8 shapes (c + s) % 12
INSERT INTO category SELECT format('cat%s', lpad(c::text, 3, '0')), format('产品类别 %s', c) FROM generate_series(1, 200) c;
CREATE TABLE bench.cat_shape AS
SELECT format('cat%s', lpad(c::text, 3, '0')) AS category, c, s, (c + s) % 12 AS t
FROM generate_series(1, 200) c, generate_series(0, 11) s WHERE s < 5 + c % 8;
INSERT INTO indicator_def (category, key, name, direction, unit, required)
SELECT cs.category, sh.key, sh.name, sh.direction, sh.unit, cs.s < 3
FROM bench.cat_shape cs JOIN bench.shape sh USING (t);
INSERT INTO standard (code, title, issued_on)
SELECT (k || ' 9' || lpad(c::text, 4, '0') || CASE WHEN k = 'ISO' THEN ':2019' ELSE '-2020' END)::stdcode,
       format('%s standard of category %s', k, c), '2020-01-01'
FROM generate_series(1, 200) c, unnest(ARRAY['GB', 'GB/T', 'ISO']) k;
INSERT INTO standard_requirement (standard, category, indicator, requirement, test_method)
SELECT (CASE sh.nature WHEN 'mandatory' THEN 'GB 9' ELSE 'GB/T 9' END || lpad(cs.c::text, 4, '0') || '-2020')::stdcode,
       cs.category, sh.key, sh.floor::indicator, sh.method::stdcode
FROM bench.cat_shape cs JOIN bench.shape sh USING (t)
UNION ALL
SELECT ('ISO 9' || lpad(cs.c::text, 4, '0') || ':2019')::stdcode, cs.category, sh.key, sh.intl::indicator, NULL
FROM bench.cat_shape cs JOIN bench.shape sh USING (t) WHERE sh.intl IS NOT NULL;

-- divisions of the enterprises (GB/T 2260), as the USCC carries them
CREATE TABLE bench.division (n int PRIMARY KEY, code text);
INSERT INTO bench.division
SELECT row_number() OVER () - 1, code FROM unnest(ARRAY[
  '110101', '110105', '110108', '120101', '130102', '140105', '150102', '210102', '220102', '230102',
  '310101', '310104', '310115', '320102', '320505', '330106', '330206', '340102', '350102', '360102',
  '370102', '370202', '410105', '420106', '430102', '440106', '440305', '440604', '450102', '460105',
  '500103', '510104', '520102', '530102', '540102', '610102', '620102', '630102', '640104', '650102']) code;

-- the export: n disclosures; disclosure i ≤ 0.9 n is version 1 of lineage
-- i, disclosure i > 0.9 n version 2 of lineage i - 0.9 n (same enterprise,
-- category and product), superseding it; about n / 8 enterprises
CREATE FUNCTION bench.export(n bigint)
RETURNS TABLE (source_ref text, uscc text, enterprise_name text, category text, product text,
               standard text, supersedes_ref text, below_recommended_statement text, published text,
               indicator text, requirement text, test_method text)
LANGUAGE sql STABLE AS $$
  WITH p AS (SELECT n - n / 10 AS m, greatest(n / 8, 10) AS ents),
  d AS (
    SELECT i, CASE WHEN i <= p.m THEN i ELSE i - p.m END AS j, i > p.m AS v2, p.ents
    FROM p, generate_series(1, n) i
  ), e AS (
    SELECT d.*, 1 + d.j % d.ents AS ent, 1 + (d.j * 7) % 200 AS c FROM d
  )
  SELECT 'NB' || e.i, uscc_complete('91' || dv.code || 'MA' || lpad(e.ent::text, 7, '0'))::text,
         format('全国企业%s有限公司', e.ent), format('cat%s', lpad(e.c::text, 3, '0')),
         format('产品 %s 型号 %s', e.j, e.j % 97), format('Q/NB %s-2024', lpad((1 + e.ent % 9000)::text, 4, '0')),
         CASE WHEN e.v2 THEN 'NB' || e.j END, NULL, format('2024-%s-01', lpad((1 + e.i % 12)::text, 2, '0')),
         sh.key, bench.req(sh.t, e.i), sh.method
  FROM e
  JOIN bench.division dv ON dv.n = e.ent % 40
  JOIN bench.cat_shape cs ON cs.c = e.c
  JOIN bench.shape sh ON sh.t = cs.t
  ORDER BY e.i, cs.s
$$;

-- one plan per category on three of its ranked (non-plan, unit) indicators
CREATE FUNCTION bench.make_plans() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- the benchmark measures ranking, not the review: the regulator's minimum
  -- for its categories is no review (as test/bench/ranking_data.sql)
  INSERT INTO review_policy (category, min_approvals, min_notice_days) SELECT c.code, 0, 0 FROM category c
  ON CONFLICT (category) DO NOTHING;
  INSERT INTO evaluation_plan (code, agency, category, title, deadline, leader_cap, required_approvals)
  SELECT 'P' || c.code, '国家标准化管理委员会', c.code, c.name || ' 领跑者评估方案', now(), 50, 0 FROM category c;
  INSERT INTO plan_indicator (plan, indicator, weight, unit)
  SELECT p.id, k.key, k.w, k.unit
  FROM evaluation_plan p
  CROSS JOIN LATERAL (
    SELECT sh.key, sh.unit, 4 - row_number() OVER (ORDER BY cs.s) AS w
    FROM bench.cat_shape cs JOIN bench.shape sh USING (t)
    WHERE cs.category = p.category AND sh.unit IS NOT NULL AND sh.t NOT IN (4, 11)
    ORDER BY cs.s LIMIT 3) k;
  UPDATE evaluation_plan SET status = 'published';
  -- the floor's input: the same levels as plain numerics, key = level for
  -- lower-better, -level for higher-better, of the eligible disclosures
  DROP TABLE IF EXISTS bench.lv;
  CREATE TABLE bench.lv AS
  SELECT p.id AS plan, di.indicator AS ind, di.disclosure,
         CASE WHEN f.direction = 'higher_better' THEN -1 ELSE 1 END * level(di.requirement, f.direction, pi.unit) AS key
  FROM evaluation_plan p
  JOIN plan_indicator pi ON pi.plan = p.id
  JOIN indicator_def f ON f.category = p.category AND f.key = pi.indicator
  JOIN disclosure d ON d.category = p.category AND d.status = 'published'
  JOIN disclosed_indicator di ON di.disclosure = d.id AND di.indicator = pi.indicator;
  ANALYZE bench.lv;
END $$;
