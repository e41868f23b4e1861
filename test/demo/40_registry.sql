-- frontrunner demo, part 4: the rules live in the database
SET search_path = frontrunner, public;
\echo
\echo '== 4. The disclosure registry: rules enforced whatever client writes'
\echo '   GB 18401-2010 category B (skin contact), as transcribed: verify before regulatory use.'
INSERT INTO category (code, name) VALUES ('textile-b', '直接接触皮肤的纺织产品 (B 类)');
INSERT INTO indicator_def (category, key, name, direction, unit, required) VALUES
  ('textile-b', 'formaldehyde', '甲醛含量', 'lower_better', 'mg/kg', true),
  ('textile-b', 'ph', 'pH 值', 'target', NULL, true);
INSERT INTO standard (code, title, issued_on, effective_on) VALUES
  ('GB 18401-2010', '国家纺织产品基本安全技术规范', '2011-01-14', '2011-08-01');
INSERT INTO standard_requirement (standard, category, indicator, requirement, test_method) VALUES
  ('GB 18401-2010', 'textile-b', 'formaldehyde', '≤75 mg/kg', 'GB/T 2912.1-2009'),
  ('GB 18401-2010', 'textile-b', 'ph', '4.0～8.5', 'GB/T 7573-2009');
INSERT INTO enterprise (uscc, name) VALUES ('91110108558521630L', '北京示例服饰有限公司');

\echo '   An enterprise drafts a disclosure on its own standard Q/BJSF 0001S-2025:'
INSERT INTO disclosure (enterprise, category, product, standard)
  VALUES ('91110108558521630L', 'textile-b', '婴幼儿针织内衣', 'Q/BJSF 0001S-2025');

\echo '   A formaldehyde limit looser than the mandatory GB 18401 is refused at data entry (FR003):'
\set VERBOSITY default
\set SHOW_CONTEXT never
\set ON_ERROR_STOP off
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
  VALUES (1, 'formaldehyde', '不大于0.01 %', 'GB/T 2912.1-2009');
\set ON_ERROR_STOP on

\echo '   Stricter ones are accepted; publication sets the time from the database clock:'
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method) VALUES
  (1, 'formaldehyde', '≤ 20 mg/kg', 'GB/T 2912.1-2009'),
  (1, 'ph', '5.0～7.5', 'GB/T 7573-2009');
SELECT publish_disclosure(1) IS NOT NULL AS published;
SELECT d.id, d.status, d.standard, i.indicator, i.requirement,
       to_text(i.requirement, 'zh') AS "中文"
FROM disclosure d JOIN disclosed_indicator i ON i.disclosure = d.id ORDER BY i.indicator;

\echo '   Published data cannot be changed by any statement (FR005):'
\set ON_ERROR_STOP off
UPDATE disclosed_indicator SET requirement = '≤ 75 mg/kg' WHERE disclosure = 1 AND indicator = 'formaldehyde';
\set ON_ERROR_STOP on

\echo '   A spot check is judged by the database with GB/T 8170 (the client cannot set conforms):'
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured, method, conforms)
  VALUES (1, 'formaldehyde', current_date, '23 mg/kg', 'full', true);
SELECT indicator, measured, method, conforms FROM spot_check;
SELECT action, old_status, new_status FROM disclosure_history(1);
