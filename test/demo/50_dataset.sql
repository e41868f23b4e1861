-- frontrunner demo, part 5: the bundled dataset
--
-- Three product categories, their standards (mandatory, recommended, group,
-- international / foreign), 300 invented Beijing enterprises with valid
-- USCCs, and about 750 disclosures written the ways enterprises write them.
-- Everything goes in through the registry's rules (triggers, publish_disclosure,
-- withdraw_disclosure): nothing is loaded around them.
--
-- Deterministic: every choice is derived from md5() of a key, never from
-- random(), so every run loads the same data.  The publication order is a
-- hash order too; each publication is its own statement (\gexec), so in
-- make demo the published_at stamps are distinct and increasing in that
-- order (microseconds apart, from the database clock).
--
-- Reference values: those marked "domain" are GB 18401-2010 category A and
-- GB 5749 as transcribed in the project's domain notes (verify against the
-- official texts before any regulatory use); every value marked
-- "illustrative" is plausible but made up for the demo.  Standard numbers are
-- real; issue and effective dates are as transcribed, verify them too.
-- Enterprise names, codes, products and models are invented.
--
-- Used by make demo (after parts 1-4) and by test/demo_dataset.sql (alone,
-- inside a transaction).  Expects search_path = frontrunner, public.  The
-- disclosures are written with the generator the fixtures use
-- (test/fixtures/generator.sql).
SET search_path = frontrunner, public;
SET client_min_messages = warning;
\ir ../fixtures/generator.sql

-- deterministic choices ---------------------------------------------------------
-- h(key): a number in [0, 1) derived from md5(key)
CREATE FUNCTION pg_temp.h(key text) RETURNS numeric
  LANGUAGE sql IMMUTABLE STRICT
  RETURN ('x' || substr(md5(key), 1, 8))::bit(32)::bigint / 4294967296.0;
-- pick(key, choices): one element of choices, chosen by h(key)
CREATE FUNCTION pg_temp.pick(key text, choices text[]) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT
  RETURN choices[1 + floor(pg_temp.h(key) * cardinality(choices))::int];
-- org_check(body): the check character of an 8-character organisation code
-- (GB 11714: weights 3 7 9 10 5 8 4 2, letters A=10 … Z=35, 11 - sum mod 11,
-- 10 → X, 11 → 0)
CREATE FUNCTION pg_temp.org_check(body text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT
  RETURN (SELECT CASE 11 - sum(w * CASE WHEN c ~ '[0-9]' THEN ascii(c) - 48 ELSE ascii(c) - 55 END) % 11
                   WHEN 10 THEN 'X' WHEN 11 THEN '0'
                   ELSE (11 - sum(w * CASE WHEN c ~ '[0-9]' THEN ascii(c) - 48 ELSE ascii(c) - 55 END) % 11)::text END
          FROM unnest(string_to_array(body, NULL), ARRAY[3, 7, 9, 10, 5, 8, 4, 2]) AS t(c, w));
-- initials(words): upper-case pinyin initials (嘉禾服饰 → JHFS)
CREATE FUNCTION pg_temp.initials(words text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT
  RETURN upper((SELECT string_agg(left(s, 1), '') FROM unnest(string_to_array(frontrunner.pinyin(words), ' ')) AS s));

-- categories and their indicators --------------------------------------------------
INSERT INTO category (code, name) VALUES
  ('infant-textile', '婴幼儿纺织产品 (GB 18401 A 类)'),
  ('drinking-water', '饮用水 (净水设备出水、包装饮用水)'),
  ('refrigerator', '家用电冰箱');

INSERT INTO indicator_def (category, key, name, direction, unit, required) VALUES
  ('infant-textile', 'formaldehyde', '甲醛含量', 'lower_better', 'mg/kg', true),
  ('infant-textile', 'ph', 'pH 值', 'target', NULL, true),
  ('infant-textile', 'fastness_water', '耐水色牢度', 'higher_better', '级', true),
  ('infant-textile', 'fastness_perspiration', '耐汗渍色牢度', 'higher_better', '级', true),
  ('infant-textile', 'fastness_rubbing', '耐干摩擦色牢度', 'higher_better', '级', true),
  ('infant-textile', 'fastness_saliva', '耐唾液色牢度', 'higher_better', '级', true),
  ('drinking-water', 'turbidity', '浑浊度', 'lower_better', 'NTU', true),
  ('drinking-water', 'ph', 'pH', 'target', NULL, true),
  ('drinking-water', 'lead', '铅', 'lower_better', 'mg/L', true),
  ('drinking-water', 'arsenic', '砷', 'lower_better', 'mg/L', true),
  ('drinking-water', 'cadmium', '镉', 'lower_better', 'mg/L', true),
  ('drinking-water', 'total_coliforms', '总大肠菌群', 'lower_better', 'MPN/100mL', false),
  ('drinking-water', 'plate_count', '菌落总数', 'lower_better', 'CFU/mL', false),
  ('refrigerator', 'eei', '能效指数', 'lower_better', '%', true),
  ('refrigerator', 'noise', '噪声', 'lower_better', 'dB(A)', true),
  ('refrigerator', 'freezing_capacity', '冷冻能力', 'higher_better', 'kg/12h', false);

-- standards ---------------------------------------------------------------------------
-- GB 18401-2010 may already be there (demo part 4 uses its category B).
INSERT INTO standard (code, title, issued_on, effective_on, withdrawn_on) VALUES
  ('GB 18401-2010', '国家纺织产品基本安全技术规范', '2011-01-14', '2011-08-01', NULL)
ON CONFLICT (code) DO NOTHING;
INSERT INTO standard (code, title, issued_on, effective_on, withdrawn_on) VALUES
  ('GB 31701-2015', '婴幼儿及儿童纺织产品安全技术规范', '2015-05-26', '2016-06-01', NULL),
  ('FZ/T 73025-2019', '婴幼儿针织服饰', '2019-08-02', '2020-01-01', NULL),
  ('T/CTES 1045-2021', '婴幼儿及儿童相变调温纺织产品', '2021-10-13', '2021-10-13', NULL),
  ('ISO 14184-1:2011', 'Textiles — Determination of formaldehyde — Part 1: Free and hydrolysed formaldehyde (water extraction method)', '2011-12-15', NULL, NULL),
  ('ISO 105-E04:2013', 'Textiles — Tests for colour fastness — Part E04: Colour fastness to perspiration', '2013-08-01', NULL, NULL),
  ('ISO 105-X12:2016', 'Textiles — Tests for colour fastness — Part X12: Colour fastness to rubbing', '2016-06-01', NULL, NULL),
  ('GB 5749-2006', '生活饮用水卫生标准 (2006)', '2006-12-29', '2007-07-01', '2023-04-01'),
  ('GB 5749-2022', '生活饮用水卫生标准', '2022-03-15', '2023-04-01', NULL),
  ('CJ/T 94-2005', '饮用净水水质标准', '2005-05-08', '2005-10-01', NULL),
  ('NSF/ANSI 53-2019', 'Drinking Water Treatment Units — Health Effects', '2019-01-01', NULL, NULL),
  ('GB 12021.2-2015', '家用电冰箱耗电量限定值及能效等级', '2015-02-04', '2016-10-01', NULL),
  ('GB/T 8059-2016', '家用和类似用途制冷器具', '2016-04-25', '2017-03-01', NULL),
  ('EN 62552-3:2020', 'Household refrigerating appliances — Characteristics and test methods — Part 3: Energy consumption and volume', '2020-06-01', NULL, NULL);

INSERT INTO standard_requirement (standard, category, indicator, requirement, test_method) VALUES
  -- domain: GB 18401-2010 category A (infants)
  ('GB 18401-2010', 'infant-textile', 'formaldehyde', '≤20 mg/kg', 'GB/T 2912.1-2009'),
  ('GB 18401-2010', 'infant-textile', 'ph', '4.0～7.5', 'GB/T 7573-2009'),
  ('GB 18401-2010', 'infant-textile', 'fastness_water', '≥3-4级', 'GB/T 5713-2013'),
  ('GB 18401-2010', 'infant-textile', 'fastness_perspiration', '≥3-4级', 'GB/T 3922-2013'),
  ('GB 18401-2010', 'infant-textile', 'fastness_rubbing', '≥4级', 'GB/T 3920-2008'),
  ('GB 18401-2010', 'infant-textile', 'fastness_saliva', '≥4级', 'GB/T 18886-2019'),
  -- illustrative: the same values as GB 18401 category A, for infants
  ('GB 31701-2015', 'infant-textile', 'formaldehyde', '≤20 mg/kg', 'GB/T 2912.1-2009'),
  ('GB 31701-2015', 'infant-textile', 'ph', '4.0～7.5', 'GB/T 7573-2009'),
  ('GB 31701-2015', 'infant-textile', 'fastness_saliva', '≥4级', 'GB/T 18886-2019'),
  -- illustrative: a recommended product standard asking more on water fastness
  ('FZ/T 73025-2019', 'infant-textile', 'formaldehyde', '≤20 mg/kg', 'GB/T 2912.1-2009'),
  ('FZ/T 73025-2019', 'infant-textile', 'ph', '4.0～7.5', 'GB/T 7573-2009'),
  ('FZ/T 73025-2019', 'infant-textile', 'fastness_water', '≥4级', 'GB/T 5713-2013'),
  ('FZ/T 73025-2019', 'infant-textile', 'fastness_perspiration', '≥3-4级', 'GB/T 3922-2013'),
  ('FZ/T 73025-2019', 'infant-textile', 'fastness_rubbing', '≥4级', 'GB/T 3920-2008'),
  ('FZ/T 73025-2019', 'infant-textile', 'fastness_saliva', '≥4级', 'GB/T 18886-2019'),
  -- illustrative: a group standard stricter than the national ones
  ('T/CTES 1045-2021', 'infant-textile', 'formaldehyde', '≤16 mg/kg', 'GB/T 2912.1-2009'),
  ('T/CTES 1045-2021', 'infant-textile', 'ph', '5.0～7.5', 'GB/T 7573-2009'),
  ('T/CTES 1045-2021', 'infant-textile', 'fastness_water', '≥4级', 'GB/T 5713-2013'),
  ('T/CTES 1045-2021', 'infant-textile', 'fastness_perspiration', '≥4级', 'GB/T 3922-2013'),
  ('T/CTES 1045-2021', 'infant-textile', 'fastness_rubbing', '≥4级', 'GB/T 3920-2008'),
  ('T/CTES 1045-2021', 'infant-textile', 'fastness_saliva', '≥4级', 'GB/T 18886-2019'),
  -- illustrative: ISO 14184-1 and ISO 105 are test methods and set no limit;
  -- the benchmark levels attached to them here are made up for the demo
  ('ISO 14184-1:2011', 'infant-textile', 'formaldehyde', '≤16 mg/kg', 'ISO 14184-1:2011'),
  ('ISO 105-E04:2013', 'infant-textile', 'fastness_perspiration', '≥4级', 'ISO 105-E04:2013'),
  ('ISO 105-X12:2016', 'infant-textile', 'fastness_rubbing', '≥4-5级', 'ISO 105-X12:2016'),
  -- domain: GB 5749-2006 (the 2006 edition, withdrawn when the 2022 one came into force)
  ('GB 5749-2006', 'drinking-water', 'turbidity', '≤1 NTU', 'GB/T 5750.4-2006'),
  ('GB 5749-2006', 'drinking-water', 'ph', '不小于6.5且不大于8.5', 'GB/T 5750.4-2006'),
  ('GB 5749-2006', 'drinking-water', 'lead', '≤0.01 mg/L', 'GB/T 5750.6-2006'),
  ('GB 5749-2006', 'drinking-water', 'arsenic', '≤0.01 mg/L', 'GB/T 5750.6-2006'),
  ('GB 5749-2006', 'drinking-water', 'cadmium', '≤0.005 mg/L', 'GB/T 5750.6-2006'),
  ('GB 5749-2006', 'drinking-water', 'total_coliforms', '不得检出', 'GB/T 5750.12-2006'),
  ('GB 5749-2006', 'drinking-water', 'plate_count', '≤100 CFU/mL', 'GB/T 5750.12-2006'),
  -- domain values (of the 2006 edition) kept for the 2022 edition in force
  ('GB 5749-2022', 'drinking-water', 'turbidity', '≤1 NTU', 'GB/T 5750.4-2023'),
  ('GB 5749-2022', 'drinking-water', 'ph', '不小于6.5且不大于8.5', 'GB/T 5750.4-2023'),
  ('GB 5749-2022', 'drinking-water', 'lead', '≤0.01 mg/L', 'GB/T 5750.6-2023'),
  ('GB 5749-2022', 'drinking-water', 'arsenic', '≤0.01 mg/L', 'GB/T 5750.6-2023'),
  ('GB 5749-2022', 'drinking-water', 'cadmium', '≤0.005 mg/L', 'GB/T 5750.6-2023'),
  ('GB 5749-2022', 'drinking-water', 'total_coliforms', '不得检出', 'GB/T 5750.12-2023'),
  ('GB 5749-2022', 'drinking-water', 'plate_count', '≤100 CFU/mL', 'GB/T 5750.12-2023'),
  -- illustrative: purified drinking water, stricter on turbidity, cadmium and plate count
  ('CJ/T 94-2005', 'drinking-water', 'turbidity', '≤0.5 NTU', 'GB/T 5750.4-2006'),
  ('CJ/T 94-2005', 'drinking-water', 'ph', '6.0～8.5', 'GB/T 5750.4-2006'),
  ('CJ/T 94-2005', 'drinking-water', 'lead', '≤0.01 mg/L', 'GB/T 5750.6-2006'),
  ('CJ/T 94-2005', 'drinking-water', 'arsenic', '≤0.01 mg/L', 'GB/T 5750.6-2006'),
  ('CJ/T 94-2005', 'drinking-water', 'cadmium', '≤0.003 mg/L', 'GB/T 5750.6-2006'),
  ('CJ/T 94-2005', 'drinking-water', 'plate_count', '≤50 CFU/mL', 'GB/T 5750.12-2006'),
  -- illustrative: a foreign treatment-unit standard's lead level
  ('NSF/ANSI 53-2019', 'drinking-water', 'lead', '≤0.005 mg/L', NULL),
  -- illustrative: energy-efficiency index on the scale of the EU bands in the
  -- domain notes (the mandatory limit at band D, ≤ 80)
  ('GB 12021.2-2015', 'refrigerator', 'eei', '≤80 %', 'GB/T 8059-2016'),
  -- illustrative: noise and freezing capacity of the recommended standard
  ('GB/T 8059-2016', 'refrigerator', 'noise', '≤45 dB(A)', 'GB/T 8059-2016'),
  ('GB/T 8059-2016', 'refrigerator', 'freezing_capacity', '≥4.5 kg/12h', 'GB/T 8059-2016'),
  -- domain: EU band A (EEI ≤ 41, Regulation (EU) 2019/2016), attached to the
  -- European test standard as the foreign benchmark (the attribution is illustrative)
  ('EN 62552-3:2020', 'refrigerator', 'eei', '≤41 %', 'EN 62552-3:2020');

-- 300 enterprises -----------------------------------------------------------------------
-- Brand = two characters from the lists below (well-known real names left out),
-- in md5 order; 130 textile, 90 water and 80 refrigerator enterprises; Beijing
-- districts; organisation codes either 8 digits or new-style MA codes, with
-- their GB 11714 check character; the USCC check character by uscc_complete().
CREATE TEMP TABLE demo_enterprise AS
WITH a(c) AS (SELECT unnest(string_to_array('华嘉瑞恒康泰安宝贝乐星宇鑫源清德诚新优悦宁晨和信盛美福润森雅博君天金永中京凯万明', NULL))),
     b(c) AS (SELECT unnest(string_to_array('禾达泰源成隆昌远通弘丰航宸睿辰朗益翔瑞泽恒德邦诺佳欣尚茂川澜', NULL))),
     brand AS (
       SELECT a.c || b.c AS brand, row_number() OVER (ORDER BY md5('brand:' || a.c || b.c)) AS n
       FROM a, b
       WHERE a.c <> b.c
         AND a.c || b.c NOT IN ('中通', '万达', '中远', '安邦', '中泰', '华泰', '中航', '万通', '康泰',
                                '美邦', '金茂', '华远', '恒隆', '中信', '华通', '宝丰', '恒通', '中茂',
                                '新华', '京东', '万邦', '天通', '安泰', '中德', '金达', '永达', '凯达'))
SELECT n, brand,
       CASE WHEN n <= 130 THEN 'infant-textile' WHEN n <= 220 THEN 'drinking-water' ELSE 'refrigerator' END AS category,
       (ARRAY['110101', '110102', '110105', '110106', '110107', '110108', '110109', '110111',
              '110112', '110113', '110114', '110115', '110116', '110117', '110118', '110119'])
         [1 + floor(pg_temp.h('district:' || n) * 16)::int] AS district,
       CASE WHEN pg_temp.h('style:' || n) < 0.4
            -- new style (2015 on): MA0, one digit, four characters of the USCC alphabet
            THEN 'MA0' || floor(pg_temp.h('ma:' || n) * 3)::int
                 || (SELECT string_agg(substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                                              (1 + ((n * 104729) / (31 ^ k)::bigint) % 31)::int, 1), '' ORDER BY k DESC)
                     FROM generate_series(0, 3) AS k)
            ELSE ((n * 2654435761) % 90000000 + 10000000)::text
       END AS org_body
FROM brand
WHERE n <= 300;

ALTER TABLE demo_enterprise
  ADD COLUMN industry text, ADD COLUMN suffix text, ADD COLUMN name text, ADD COLUMN uscc uscc, ADD COLUMN qcode text;
UPDATE demo_enterprise SET
  industry = pg_temp.pick('industry:' || n, CASE category
               WHEN 'infant-textile' THEN ARRAY['纺织品', '服饰', '婴童用品', '针织服装', '母婴用品', '童装']
               WHEN 'drinking-water' THEN ARRAY['水业', '净水科技', '饮用水', '水处理设备', '环保科技', '饮品']
               ELSE ARRAY['电器', '制冷设备', '家电科技', '电器制造', '智能家电'] END),
  suffix = pg_temp.pick('suffix:' || n, ARRAY['有限公司', '有限公司', '有限公司', '有限公司', '有限公司',
                                              '有限公司', '有限公司', '股份有限公司', '股份有限公司', '有限责任公司']),
  uscc = uscc_complete('91' || district || org_body || pg_temp.org_check(org_body));
UPDATE demo_enterprise SET
  name = '北京' || brand || industry || suffix,
  -- enterprise-standard code: pinyin initials, sometimes with a BJ prefix
  qcode = CASE WHEN pg_temp.h('qbj:' || n) < 0.25 THEN 'BJ' ELSE '' END || pg_temp.initials(brand || industry);

INSERT INTO enterprise (uscc, name)
SELECT uscc, name FROM demo_enterprise ORDER BY n;

-- disclosures ---------------------------------------------------------------------------
-- Each enterprise discloses 1-4 products (water: 1-3).  A quality profile per
-- disclosure (the enterprise's habits weigh more than the product's) decides
-- how strict its indicators are: basic (copies the floor), standard, good,
-- excellent.  Textile products execute an own Q/ standard, FZ/T 73025-2019 or
-- T/CTES 1045-2021; water products an own standard, GB/T 30307-2013
-- (purifiers) or GB 19298-2014 (packaged water); refrigerators an own standard
-- or GB/T 8059-2016.
CREATE TEMP TABLE demo_disclosure AS
WITH p AS (
  SELECT e.*, i,
         0.6 * pg_temp.h('ent-quality:' || e.n) + 0.4 * pg_temp.h('quality:' || e.n || ':' || i) AS q
  FROM demo_enterprise e
  CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.h('products:' || e.n)
                                                  * CASE e.category WHEN 'drinking-water' THEN 3 ELSE 4 END)::int) AS i
)
SELECT n, i, category, uscc, qcode, brand,
       CASE WHEN q < 0.18 THEN 'basic' WHEN q < 0.70 THEN 'standard' WHEN q < 0.90 THEN 'good' ELSE 'excellent' END AS profile,
       -- the product type: distinct for the products of one enterprise
       (floor(pg_temp.h('type:' || n) * 6)::int + i) % 6 AS ptype,
       pg_temp.h('std:' || n || ':' || i) AS s,
       2019 + floor(pg_temp.h('year:' || n || ':' || i) * 7)::int AS qyear,
       pg_temp.h('qform:' || n) AS qform
FROM p;

ALTER TABLE demo_disclosure
  ADD COLUMN product text, ADD COLUMN standard stdcode, ADD COLUMN id bigint, ADD COLUMN state text;

UPDATE demo_disclosure SET product = CASE category
  WHEN 'infant-textile' THEN
    (ARRAY['婴幼儿连体衣', '婴儿爬服', '新生儿和尚服', '婴幼儿睡袋', '婴儿纱布口水巾', '婴幼儿针织内衣套装'])[1 + ptype]
    || ' ' || pg_temp.initials(brand) || '-' || (2100 + 17 * n + i) % 9000 + 1000
    || pg_temp.pick('size:' || n || ':' || i, ARRAY[' (59-73 cm)', ' (66-90 cm)', ' (52-66 cm)', ''])
  WHEN 'drinking-water' THEN
    CASE WHEN ptype < 4 THEN
      (ARRAY['反渗透净水机', '厨下式净水器', '超滤净水器', '台式净饮机'])[1 + ptype] || ' '
      || pg_temp.initials(brand) || '-' || (ARRAY['RO', 'JS', 'UF', 'TS'])[1 + ptype]
      || pg_temp.pick('flux:' || n || ':' || i, ARRAY['400G', '500G', '600G', '800G', '1000G', '1200G'])
    ELSE
      (ARRAY['饮用纯净水', '包装饮用水'])[ptype - 3] || ' '
      || pg_temp.pick('volume:' || n || ':' || i, ARRAY['350 mL', '550 mL', '1.5 L', '4.5 L', '18.9 L'])
    END
  ELSE
    (ARRAY['单门冰箱', '双门冰箱', '三门冰箱', '十字对开门冰箱', '对开门冰箱', '法式多门冰箱'])[1 + ptype] || ' '
    || (ARRAY['BC-', 'BCD-', 'BCD-', 'BCD-', 'BCD-', 'BCD-'])[1 + ptype]
    || pg_temp.pick('vol:' || n || ':' || i, CASE ptype
         WHEN 0 THEN ARRAY['93', '100', '118'] WHEN 1 THEN ARRAY['178', '192', '218']
         WHEN 2 THEN ARRAY['216', '252', '268'] WHEN 3 THEN ARRAY['456', '505', '520']
         WHEN 4 THEN ARRAY['535', '600', '630'] ELSE ARRAY['405', '470', '508'] END)
    || CASE WHEN ptype = 0 THEN '' ELSE 'W' END
    || pg_temp.pick('letters:' || n || ':' || i, ARRAY['TPM', 'GHP', 'EB', 'DS', 'HC', 'PZ', 'MK'])
  END;

UPDATE demo_disclosure SET standard = (CASE
  WHEN category = 'infant-textile' AND s >= 0.90 THEN 'T/CTES 1045-2021'
  WHEN category = 'infant-textile' AND s >= 0.68 THEN 'FZ/T 73025-2019'
  WHEN category = 'drinking-water' AND ptype >= 4 AND s >= 0.45 THEN 'GB 19298-2014'
  WHEN category = 'drinking-water' AND ptype < 4 AND s >= 0.75 THEN 'GB/T 30307-2013'
  WHEN category = 'refrigerator' AND s >= 0.72 THEN 'GB/T 8059-2016'
  -- own enterprise standards, in the forms enterprises write them
  WHEN qform < 0.35 THEN 'Q/' || qcode || ' ' || lpad((1 + i % 2)::text, 3, '0') || '-' || qyear
  WHEN qform < 0.65 THEN 'Q/' || qcode || ' ' || lpad((1 + i % 2)::text, 4, '0') || '-' || qyear
  WHEN qform < 0.85 THEN 'Q/' || qcode || lpad((1 + i % 2)::text, 4, '0') || '—' || qyear
  ELSE 'Ｑ／' || qcode || ' ' || lpad((1 + i % 2)::text, 2, '0') || '-' || qyear
END)::stdcode;

-- what each disclosure becomes: ~4 % stay drafts, the rest are published
UPDATE demo_disclosure SET state = CASE WHEN pg_temp.h('draft:' || n || ':' || i) < 0.04 THEN 'draft' ELSE 'publish' END;

-- indicator values: the ways they are written, per profile -------------------------------------
CREATE TEMP TABLE demo_value (category text, indicator text, profile text, choices text[], methods text[], share numeric);
INSERT INTO demo_value VALUES
  ('infant-textile', 'formaldehyde', 'basic', '{≤20 mg/kg,不大于20 mg/kg,≤ 20mg/kg,≦20 mg/kg}', '{GB/T 2912.1-2009}', 1),
  ('infant-textile', 'formaldehyde', 'standard', '{≤20 mg/kg,≤20 mg/kg,不大于20 mg/kg,≤20 mg/kg,≤16 mg/kg,不大于16 mg/kg,≤16 ppm}', '{GB/T 2912.1-2009}', 1),
  ('infant-textile', 'formaldehyde', 'good', '{≤16 mg/kg,≤15 mg/kg,≤ 0.016 g/kg,不大于15 mg/kg,≤10 mg/kg}', '{GB/T 2912.1-2009}', 1),
  ('infant-textile', 'formaldehyde', 'excellent', '{≤10 mg/kg,≤8 mg/kg,不得检出,≤ 0.008 g/kg}', '{GB/T 2912.1-2009}', 1),
  ('infant-textile', 'ph', 'basic', '{4.0～7.5,4.0~7.5,不小于4.0且不大于7.5}', '{GB/T 7573-2009}', 1),
  ('infant-textile', 'ph', 'standard', '{4.0～7.5,4.0～7.5,4.0～7.5,4.5～7.5}', '{GB/T 7573-2009}', 1),
  ('infant-textile', 'ph', 'good', '{5.0～7.5,4.5～7.5,5.0～7.0}', '{GB/T 7573-2009}', 1),
  ('infant-textile', 'ph', 'excellent', '{5.5～7.0,5.0～7.0}', '{GB/T 7573-2009}', 1),
  ('infant-textile', 'fastness_water', 'basic', '{≥3-4级}', '{GB/T 5713-2013}', 1),
  ('infant-textile', 'fastness_water', 'standard', '{≥3-4级,≥4级,≥4级,不低于4级,≥4级}', '{GB/T 5713-2013}', 1),
  ('infant-textile', 'fastness_water', 'good', '{≥4级,≥4-5级}', '{GB/T 5713-2013}', 1),
  ('infant-textile', 'fastness_water', 'excellent', '{≥4-5级}', '{GB/T 5713-2013}', 1),
  ('infant-textile', 'fastness_perspiration', 'basic', '{≥3-4级}', '{GB/T 3922-2013}', 1),
  ('infant-textile', 'fastness_perspiration', 'standard', '{≥3-4级,≥4级,≥3-4级}', '{GB/T 3922-2013}', 1),
  ('infant-textile', 'fastness_perspiration', 'good', '{≥4级,≥4-5级}', '{GB/T 3922-2013}', 1),
  ('infant-textile', 'fastness_perspiration', 'excellent', '{≥4-5级}', '{GB/T 3922-2013}', 1),
  ('infant-textile', 'fastness_rubbing', 'basic', '{≥4级}', '{GB/T 3920-2008}', 1),
  ('infant-textile', 'fastness_rubbing', 'standard', '{≥4级,≥4级,不低于4级}', '{GB/T 3920-2008}', 1),
  ('infant-textile', 'fastness_rubbing', 'good', '{≥4级,≥4-5级}', '{GB/T 3920-2008}', 1),
  ('infant-textile', 'fastness_rubbing', 'excellent', '{≥4-5级}', '{GB/T 3920-2008}', 1),
  ('infant-textile', 'fastness_saliva', 'basic', '{≥4级}', '{GB/T 18886-2019,GB/T 18886-2002}', 1),
  ('infant-textile', 'fastness_saliva', 'standard', '{≥4级}', '{GB/T 18886-2019,GB/T 18886-2002}', 1),
  ('infant-textile', 'fastness_saliva', 'good', '{≥4级,≥4-5级}', '{GB/T 18886-2019}', 1),
  ('infant-textile', 'fastness_saliva', 'excellent', '{≥4-5级}', '{GB/T 18886-2019}', 1),
  ('drinking-water', 'turbidity', 'basic', '{≤1 NTU,不大于1 NTU}', '{GB/T 5750.4-2023,GB/T 5750.4-2006}', 1),
  ('drinking-water', 'turbidity', 'standard', '{≤0.5 NTU,≤ 0.5 NTU,不大于0.5 NTU,≤0.5 NTU}', '{GB/T 5750.4-2023,GB/T 5750.4-2006}', 1),
  ('drinking-water', 'turbidity', 'good', '{≤0.5 NTU,≤0.3 NTU,≤0.2 NTU}', '{GB/T 5750.4-2023}', 1),
  ('drinking-water', 'turbidity', 'excellent', '{≤0.1 NTU,≤0.2 NTU}', '{GB/T 5750.4-2023}', 1),
  ('drinking-water', 'ph', 'basic', '{6.5～8.5,不小于6.5且不大于8.5}', '{GB/T 5750.4-2023,GB/T 5750.4-2006}', 1),
  ('drinking-water', 'ph', 'standard', '{6.5～8.5,6.5~8.5,6.5至8.5,6.5～8.5}', '{GB/T 5750.4-2023,GB/T 5750.4-2006}', 1),
  ('drinking-water', 'ph', 'good', '{6.5～8.0,7.0～8.5,6.5～8.5}', '{GB/T 5750.4-2023}', 1),
  ('drinking-water', 'ph', 'excellent', '{7.0～8.0,6.5～8.0}', '{GB/T 5750.4-2023}', 1),
  ('drinking-water', 'lead', 'basic', '{≤0.01 mg/L,不大于0.01 mg/L}', '{GB/T 5750.6-2023,GB/T 5750.6-2006}', 1),
  ('drinking-water', 'lead', 'standard', '{≤0.01 mg/L,≤0.01 mg/L,≤0.005 mg/L,≤ 0.005 mg/L}', '{GB/T 5750.6-2023,GB/T 5750.6-2006}', 1),
  ('drinking-water', 'lead', 'good', '{≤0.005 mg/L,≤5 μg/L,≤0.002 mg/L}', '{GB/T 5750.6-2023}', 1),
  ('drinking-water', 'lead', 'excellent', '{≤0.001 mg/L,≤1 μg/L}', '{GB/T 5750.6-2023}', 1),
  ('drinking-water', 'arsenic', 'basic', '{≤0.01 mg/L}', '{GB/T 5750.6-2023,GB/T 5750.6-2006}', 1),
  ('drinking-water', 'arsenic', 'standard', '{≤0.01 mg/L,≤0.01 mg/L,≤0.005 mg/L}', '{GB/T 5750.6-2023,GB/T 5750.6-2006}', 1),
  ('drinking-water', 'arsenic', 'good', '{≤0.005 mg/L,≤0.002 mg/L}', '{GB/T 5750.6-2023}', 1),
  ('drinking-water', 'arsenic', 'excellent', '{≤0.001 mg/L}', '{GB/T 5750.6-2023}', 1),
  ('drinking-water', 'cadmium', 'basic', '{≤0.005 mg/L,不大于0.005 mg/L}', '{GB/T 5750.6-2023,GB/T 5750.6-2006}', 1),
  ('drinking-water', 'cadmium', 'standard', '{≤0.003 mg/L,≤0.003 mg/L,≤0.005 mg/L,≤ 0.003 mg/L}', '{GB/T 5750.6-2023,GB/T 5750.6-2006}', 1),
  ('drinking-water', 'cadmium', 'good', '{≤0.003 mg/L,≤0.002 mg/L,≤0.001 mg/L}', '{GB/T 5750.6-2023}', 1),
  ('drinking-water', 'cadmium', 'excellent', '{≤0.0005 mg/L,≤0.5 μg/L}', '{GB/T 5750.6-2023}', 1),
  ('drinking-water', 'total_coliforms', 'basic', '{不得检出}', '{GB/T 5750.12-2023,GB/T 5750.12-2006}', 0.7),
  ('drinking-water', 'total_coliforms', 'standard', '{不得检出,不应检出}', '{GB/T 5750.12-2023,GB/T 5750.12-2006}', 0.7),
  ('drinking-water', 'total_coliforms', 'good', '{不得检出}', '{GB/T 5750.12-2023}', 0.7),
  ('drinking-water', 'total_coliforms', 'excellent', '{不得检出}', '{GB/T 5750.12-2023}', 0.7),
  ('drinking-water', 'plate_count', 'basic', '{≤100 CFU/mL}', '{GB/T 5750.12-2023,GB/T 5750.12-2006}', 0.6),
  ('drinking-water', 'plate_count', 'standard', '{≤100 CFU/mL,≤50 CFU/mL,≤50 CFU/mL}', '{GB/T 5750.12-2023,GB/T 5750.12-2006}', 0.6),
  ('drinking-water', 'plate_count', 'good', '{≤50 CFU/mL,≤20 CFU/mL}', '{GB/T 5750.12-2023}', 0.6),
  ('drinking-water', 'plate_count', 'excellent', '{≤20 CFU/mL,≤10 CFU/mL}', '{GB/T 5750.12-2023}', 0.6),
  ('refrigerator', 'eei', 'basic', '{≤80 %,≤ 80%,≤64 %}', '{GB/T 8059-2016}', 1),
  ('refrigerator', 'eei', 'standard', '{≤64 %,≤60%,≤55 %,≤51 %,≤64 %}', '{GB/T 8059-2016,IEC 62552-3:2015}', 1),
  ('refrigerator', 'eei', 'good', '{≤51%,≤45 %,≤41 %}', '{GB/T 8059-2016,IEC 62552-3:2015}', 1),
  ('refrigerator', 'eei', 'excellent', '{≤38 %,≤35 %,≤ 32%}', '{IEC 62552-3:2015,GB/T 8059-2016}', 1),
  ('refrigerator', 'noise', 'basic', '{≤45 dB(A),≤47 dB(A),不大于45 dB(A)}', '{GB/T 8059-2016,GB/T 4214.1-2017}', 1),
  ('refrigerator', 'noise', 'standard', '{≤45 dB(A),≤43 dB(A),≤42 dB(A),≤40 dB(A)}', '{GB/T 8059-2016,GB/T 4214.1-2017}', 1),
  ('refrigerator', 'noise', 'good', '{≤40 dB(A),≤39 dB(A),≤38 dB(A)}', '{GB/T 8059-2016,GB/T 4214.1-2017}', 1),
  ('refrigerator', 'noise', 'excellent', '{≤36 dB(A),≤35 dB(A)}', '{GB/T 4214.1-2017}', 1),
  ('refrigerator', 'freezing_capacity', 'basic', '{≥4.5 kg/12h,≥4 kg/12h}', '{GB/T 8059-2016}', 0.5),
  ('refrigerator', 'freezing_capacity', 'standard', '{≥4.5 kg/12h,≥6 kg/12h,≥8 kg/12h}', '{GB/T 8059-2016}', 0.5),
  ('refrigerator', 'freezing_capacity', 'good', '{≥8 kg/12h,≥10 kg/12h}', '{GB/T 8059-2016}', 0.5),
  ('refrigerator', 'freezing_capacity', 'excellent', '{≥10 kg/12h,≥12 kg/12h}', '{GB/T 8059-2016}', 0.5);

-- the drafts and their indicators (pg_temp.disclose()), in (n, i) order: a
-- disclosure executing a product standard of the registry (FZ/T, T/) copies
-- its requirements; the others write their own by profile
WITH made AS (
  SELECT d.n, d.i,
         pg_temp.disclose(d.uscc, d.category, d.product, d.standard, ARRAY(
           SELECT ARRAY[v.indicator,
                        coalesce(r.requirement::text,
                                 pg_temp.pick('value:' || d.n || ':' || d.i || ':' || v.indicator, v.choices)),
                        coalesce(r.test_method::text,
                                 pg_temp.pick('method:' || d.n || ':' || d.i || ':' || v.indicator, v.methods))]
           FROM demo_value v
           LEFT JOIN standard_requirement r
             ON r.standard OPERATOR(frontrunner.=) d.standard AND r.category = d.category AND r.indicator = v.indicator
           WHERE v.category = d.category AND v.profile = d.profile
             AND pg_temp.h('share:' || d.n || ':' || d.i || ':' || v.indicator) < v.share
           ORDER BY v.indicator)) AS id
  FROM demo_disclosure d
  ORDER BY d.n, d.i
)
UPDATE demo_disclosure d SET id = made.id FROM made WHERE made.n = d.n AND made.i = d.i;

-- the explicit statement (明示) where an indicator is looser than a
-- recommended national or industry standard in force (rule 4), for the
-- disclosures given (drafts, before they are published)
CREATE FUNCTION pg_temp.state_below_recommended(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
UPDATE frontrunner.disclosure d SET below_recommended_statement = s.statement
FROM (
  SELECT i.disclosure,
         '本产品' || string_agg(DISTINCT x.name || ' (' || frontrunner.to_text(i.requirement, 'zh') || ')', '、')
         || '低于推荐性标准 ' || string_agg(DISTINCT f.standard::text, '、')
         || ' 的要求，特此明示。' AS statement
  FROM frontrunner.disclosed_indicator i
  JOIN frontrunner.disclosure dd ON dd.id = i.disclosure
  JOIN frontrunner.indicator_def x ON x.category = dd.category AND x.key = i.indicator
  JOIN frontrunner.requirement_in_force f ON f.category = dd.category AND f.indicator = i.indicator
  WHERE f.nature = 'recommended' AND f.kind IN ('national', 'industry')
    AND frontrunner.compare(i.requirement, f.requirement) NOT IN ('stricter', 'equal')
    AND dd.id = ANY (ids)
  GROUP BY i.disclosure
) s
WHERE d.id = s.disclosure;
END
$$;
\o /dev/null
SELECT pg_temp.state_below_recommended(ARRAY(SELECT id FROM demo_disclosure));
\o

-- publication, one statement each (its own transaction in psql), in a hash order
\o /dev/null
SELECT format('SELECT frontrunner.publish_disclosure(%s)', id)
FROM demo_disclosure WHERE state = 'publish'
ORDER BY md5('publish:' || n || ':' || i) \gexec
\o

-- new versions --------------------------------------------------------------------------
-- About one own-standard disclosure in 25 is revised: a new edition of the
-- enterprise standard (the year after, at most the current year) with the
-- indicators of the next better profile; publishing it supersedes the old one.
CREATE TEMP TABLE demo_revision AS
SELECT d.id AS old_id, d.n, d.i, d.category, d.uscc, d.product,
       CASE d.profile WHEN 'basic' THEN 'standard' WHEN 'standard' THEN 'good' ELSE 'excellent' END AS profile,
       (regexp_replace(d.standard::text, '-\d{4}$', '')
        || '-' || least(d.qyear + 1, extract(year FROM current_date)::int))::stdcode AS standard,
       NULL::bigint AS id
FROM demo_disclosure d
WHERE d.state = 'publish' AND std_kind(d.standard) = 'enterprise'
  AND pg_temp.h('revise:' || d.n || ':' || d.i) < 0.04;

-- the indicators the old versions disclose (read once: on a distributed
-- registry no query joins the registry's tables with this session's own)
CREATE TEMP TABLE demo_revision_old AS
SELECT o.disclosure, o.indicator FROM disclosed_indicator o WHERE o.disclosure IN (SELECT old_id FROM demo_revision);

WITH made AS (
  SELECT r.old_id,
         pg_temp.disclose(r.uscc, r.category, r.product, r.standard, ARRAY(
           SELECT ARRAY[v.indicator,
                        pg_temp.pick('rev-value:' || r.n || ':' || r.i || ':' || v.indicator, v.choices),
                        pg_temp.pick('rev-method:' || r.n || ':' || r.i || ':' || v.indicator, v.methods)]
           FROM demo_value v
           WHERE v.category = r.category AND v.profile = r.profile
             AND (v.share = 1
                  OR EXISTS (SELECT FROM demo_revision_old o WHERE o.disclosure = r.old_id AND o.indicator = v.indicator))
           ORDER BY v.indicator), supersedes => r.old_id) AS id
  FROM demo_revision r
  ORDER BY r.old_id
)
UPDATE demo_revision r SET id = made.id FROM made WHERE made.old_id = r.old_id;

\o /dev/null
SELECT pg_temp.state_below_recommended(ARRAY(SELECT id FROM demo_revision));
\o

\o /dev/null
SELECT format('SELECT frontrunner.publish_disclosure(%s)', id)
FROM demo_revision ORDER BY md5('publish:' || n || ':' || i) \gexec
\o

-- two withdrawals: products taken off the market
SELECT withdraw_disclosure(w.id, w.reason) IS NOT NULL AS withdrawn
FROM (SELECT d.id, (ARRAY['产品停产', '型号已退市，不再生产'])[row_number() OVER (ORDER BY md5('withdraw:' || x.n || ':' || x.i))] AS reason
      FROM disclosure d JOIN demo_disclosure x ON x.id = d.id
      WHERE d.status = 'published' AND x.category <> 'infant-textile'
      ORDER BY md5('withdraw:' || x.n || ':' || x.i) LIMIT 2) AS w
\g /dev/null

RESET client_min_messages;
