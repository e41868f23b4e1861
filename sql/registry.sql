-- Disclosure registry: the rules as a user meets them, every error with its
-- DETAIL and HINT.
SET search_path = frontrunner, public;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- reference data (GB 18401-2010, category B; FZ/T values made up for the example)
INSERT INTO category VALUES ('textile-b', '直接接触皮肤的纺织产品');
INSERT INTO indicator_def (category, key, name, direction, unit, required) VALUES
  ('textile-b', 'formaldehyde', '甲醛含量', 'lower_better', 'mg/kg', true),
  ('textile-b', 'ph', 'pH 值', 'target', NULL, true),
  ('textile-b', 'fastness_water', '耐水色牢度', 'higher_better', '级', false);
INSERT INTO standard (code, title, issued_on, effective_on) VALUES
  ('GB 18401-2010', '国家纺织产品基本安全技术规范', '2011-01-14', '2011-08-01'),
  ('FZ/T 73020-2019', '针织休闲服装', '2019-08-02', '2020-01-01');
SELECT code, kind, nature FROM standard ORDER BY code;
INSERT INTO standard_requirement VALUES
  ('GB 18401-2010', 'textile-b', 'formaldehyde', '≤ 75 mg/kg', 'GB/T 2912.1-2009'),
  ('GB 18401-2010', 'textile-b', 'ph', '4.0～8.5', 'GB/T 7573-2009'),
  ('FZ/T 73020-2019', 'textile-b', 'formaldehyde', '不大于50 mg/kg', 'GB/T 2912.1-2009');
SELECT * FROM requirement_in_force ORDER BY standard, indicator;

-- enterprises: region from the USCC, names searchable in pinyin
INSERT INTO enterprise (uscc, name) VALUES
  ('91440400192548256N', '珠海格力电器股份有限公司'),
  ('91110108558521630L', '北京示例服饰有限公司');
SELECT uscc, name, region, name_pinyin FROM enterprise ORDER BY uscc;
SELECT pinyin('格力'), pinyin_compact('格力'), pinyin('海尔（青岛）集团 ABC'), pinyin_compact('Ge Li');
SELECT * FROM enterprise_search('geli');
SELECT * FROM enterprise_search('gelidian');
SELECT * FROM enterprise_search('示例');
SELECT * FROM enterprise_search('9111 0108 5585 2163 0L');
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT uscc FROM enterprise WHERE name_pinyin LIKE 'geli%';
RESET enable_seqscan;

-- rule 1: numbering
INSERT INTO disclosure (enterprise, category, product, standard)
VALUES ('91110108558521630L', 'textile-b', '针织 T 恤', 'Q/BJSL 0001');
\set VERBOSITY terse
INSERT INTO disclosure (enterprise, category, product, standard)
VALUES ('91110108558521630L', 'textile-b', '针织 T 恤', 'Q/BJSL 0001-2090');
\set VERBOSITY default
INSERT INTO disclosure (enterprise, category, product, standard)
VALUES ('91110108558521630L', 'textile-b', '针织 T 恤', 'Q/BJSL 0001-2024')
RETURNING id AS d1, status, published_at \gset
SELECT id, status, published_at FROM disclosure WHERE id = :d1;

-- an indicator the category does not define; rule 3 at data entry
INSERT INTO disclosed_indicator VALUES (:d1, 'lead', '≤ 1 mg/kg', NULL);
INSERT INTO disclosed_indicator VALUES (:d1, 'formaldehyde', '≤ 100 mg/kg', 'GB/T 2912.1-2009');
INSERT INTO disclosed_indicator VALUES (:d1, 'ph', '3.5~8.0', 'GB/T 7573-2009');
INSERT INTO disclosed_indicator VALUES (:d1, 'formaldehyde', '≤ 60 mg/kg', 'GB/T 2912.1-2009');

-- rule 2: completeness at publication (own enterprise standard)
UPDATE disclosure SET status = 'published' WHERE id = :d1;
INSERT INTO disclosed_indicator VALUES (:d1, 'ph', '4.0~7.5', NULL);
UPDATE disclosure SET status = 'published' WHERE id = :d1;
UPDATE disclosed_indicator SET test_method = 'GB/T 7573-2009' WHERE disclosure = :d1 AND indicator = 'ph';
SELECT disclosure_publication_check(ARRAY[:d1::bigint]);

-- rule 4: looser than a recommended standard needs the explicit statement
UPDATE disclosure SET status = 'published' WHERE id = :d1;
UPDATE disclosure SET below_recommended_statement = '甲醛含量指标低于 FZ/T 73020-2019' WHERE id = :d1;

-- rule 5: publication stamps the database clock; client values are ignored
UPDATE disclosure SET status = 'published', published_at = '2001-01-01' WHERE id = :d1;
SELECT id, status, published_at > '2001-01-01' AS not_the_client_value, published_at <= now() AS from_the_clock
FROM disclosure;
UPDATE disclosure SET product = '改名' WHERE id = :d1;
UPDATE disclosure SET published_at = published_at - interval '1 day' WHERE id = :d1;
DELETE FROM disclosure WHERE id = :d1;
TRUNCATE disclosure CASCADE;
UPDATE disclosed_indicator SET requirement = '≤ 20 mg/kg' WHERE disclosure = :d1;
DELETE FROM disclosed_indicator WHERE disclosure = :d1;
UPDATE disclosure SET status = 'superseded' WHERE id = :d1;

-- a new version supersedes the old one in the same transaction
INSERT INTO disclosure (enterprise, category, product, standard, supersedes)
VALUES ('91110108558521630L', 'textile-b', '针织 T 恤', 'Q/BJSL 0001-2025', :d1)
RETURNING id AS d2 \gset
INSERT INTO disclosed_indicator
SELECT :d2, indicator, requirement, test_method FROM disclosed_indicator WHERE disclosure = :d1;
UPDATE disclosed_indicator SET requirement = '≤ 45 mg/kg' WHERE disclosure = :d2 AND indicator = 'formaldehyde';
SELECT publish_disclosure(:d2) = now() AS published;
SELECT id, status, supersedes FROM disclosure ORDER BY id;
INSERT INTO disclosure (enterprise, category, product, standard, supersedes)
VALUES ('91110108558521630L', 'textile-b', '针织 T 恤', 'Q/BJSL 0001-2025', :d1)
RETURNING id AS d3 \gset
UPDATE disclosure SET status = 'published' WHERE id = :d3;

-- withdrawal needs a reason
UPDATE disclosure SET status = 'withdrawn' WHERE id = :d2;
SELECT withdraw_disclosure(:d2, '产品停产') = now() AS withdrawn;
SELECT action, old_status, new_status, by_user = current_user AS by_me, note FROM disclosure_history(:d1);
SELECT action, old_status, new_status, note FROM disclosure_history(:d2);
UPDATE disclosure_event SET note = 'x';

-- rule 6: spot checks; conforms is computed
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured, conforms)
VALUES (:d1, 'formaldehyde', CURRENT_DATE - 10, '61 mg/kg', true)
RETURNING indicator, measured, method, conforms;
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured, method)
VALUES (:d1, 'formaldehyde', CURRENT_DATE - 10, '60.4 mg/kg', 'rounded')
RETURNING indicator, measured, method, conforms;
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
VALUES (:d1, 'fastness_water', CURRENT_DATE, '3 级');
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
VALUES (:d1, 'formaldehyde', CURRENT_DATE, '3 NTU');
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
VALUES (:d3, 'formaldehyde', CURRENT_DATE, '3 mg/kg');
DELETE FROM disclosure WHERE id = :d3;
SELECT enterprise, disclosure, indicator, measured, requirement, method FROM spot_check_failure;
SELECT excluded('91110108558521630L', now()) AS now,
       excluded('91110108558521630L', now() + interval '350 days') AS in_350_days,
       excluded('91110108558521630L', now() + interval '350 days', 300) AS in_350_days_300,
       excluded('91440400192548256N', now()) AS other_enterprise;
