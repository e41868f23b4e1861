-- frontrunner demo, part 5: what the registry holds (the dataset of 50_dataset.sql)
SET search_path = frontrunner, public;
\echo
\echo '== 5. The registry: 300 Beijing enterprises, three product categories'
\echo '   Disclosures per category (the data went in through the rules; 明示 = explicit statement'
\echo '   that an indicator is below a recommended standard):'
SELECT c.code AS category,
       count(DISTINCT d.enterprise) AS enterprises,
       count(d.id) FILTER (WHERE d.status = 'published') AS published,
       count(d.id) FILTER (WHERE d.status = 'draft') AS drafts,
       count(d.id) FILTER (WHERE d.status = 'superseded') AS superseded,
       count(d.id) FILTER (WHERE d.status = 'withdrawn') AS withdrawn,
       count(d.id) FILTER (WHERE d.status = 'published' AND d.below_recommended_statement IS NOT NULL) AS "明示"
FROM category c JOIN disclosure d ON d.category = c.code
WHERE c.code IN ('infant-textile', 'drinking-water', 'refrigerator')
GROUP BY c.code ORDER BY min(d.id);

\echo '   The standards in force, side by side (type: the nature of a national or industry standard,'
\echo '   else its kind; formaldehyde in mg/kg, colour fastness in 级, turbidity in NTU, metals in mg/L,'
\echo '   plate count in CFU/mL, energy-efficiency index in %, noise in dB(A), freezing in kg/12h):'
CREATE TEMP VIEW demo_req AS
SELECT f.category, f.standard, coalesce(f.nature, f.kind) AS type, f.indicator,
       btrim(replace(f.requirement::text, coalesce(unit(f.requirement), '~~'), '')) AS req
FROM requirement_in_force f;
CREATE TEMP VIEW demo_req_order AS
SELECT DISTINCT category, standard, type,
       CASE type WHEN 'mandatory' THEN 1 WHEN 'recommended' THEN 2 WHEN 'group' THEN 3 ELSE 4 END AS o
FROM demo_req;
SELECT s.standard AS "婴幼儿纺织产品", s.type,
       max(r.req) FILTER (WHERE r.indicator = 'formaldehyde') AS "甲醛",
       max(r.req) FILTER (WHERE r.indicator = 'ph') AS "pH",
       max(r.req) FILTER (WHERE r.indicator = 'fastness_water') AS "耐水",
       max(r.req) FILTER (WHERE r.indicator = 'fastness_perspiration') AS "耐汗渍",
       max(r.req) FILTER (WHERE r.indicator = 'fastness_rubbing') AS "耐干摩擦",
       max(r.req) FILTER (WHERE r.indicator = 'fastness_saliva') AS "耐唾液"
FROM demo_req_order s JOIN demo_req r USING (category, standard)
WHERE s.category = 'infant-textile' GROUP BY s.standard, s.type, s.o ORDER BY s.o, s.standard;
SELECT s.standard AS "饮用水", s.type,
       max(r.req) FILTER (WHERE r.indicator = 'turbidity') AS "浑浊度",
       max(r.req) FILTER (WHERE r.indicator = 'ph') AS "pH",
       max(r.req) FILTER (WHERE r.indicator = 'lead') AS "铅",
       max(r.req) FILTER (WHERE r.indicator = 'arsenic') AS "砷",
       max(r.req) FILTER (WHERE r.indicator = 'cadmium') AS "镉",
       max(r.req) FILTER (WHERE r.indicator = 'plate_count') AS "菌落总数"
FROM demo_req_order s JOIN demo_req r USING (category, standard)
WHERE s.category = 'drinking-water' GROUP BY s.standard, s.type, s.o ORDER BY s.o, s.standard;
SELECT s.standard AS "家用电冰箱", s.type,
       max(r.req) FILTER (WHERE r.indicator = 'eei') AS "能效指数",
       max(r.req) FILTER (WHERE r.indicator = 'noise') AS "噪声",
       max(r.req) FILTER (WHERE r.indicator = 'freezing_capacity') AS "冷冻能力"
FROM demo_req_order s JOIN demo_req r USING (category, standard)
WHERE s.category = 'refrigerator' GROUP BY s.standard, s.type, s.o ORDER BY s.o, s.standard;

-- three sample disclosures: an own standard with a value in ppm and an explicit
-- statement, a purifier with a value in μg/L, a refrigerator at EU band A or better
SELECT (SELECT min(d.id) FROM disclosure d JOIN disclosed_indicator i ON i.disclosure = d.id
        WHERE d.category = 'infant-textile' AND d.status = 'published' AND unit(i.requirement) = 'ppm'
          AND d.below_recommended_statement IS NOT NULL) AS textile,
       (SELECT min(d.id) FROM disclosure d JOIN disclosed_indicator i ON i.disclosure = d.id
        WHERE d.category = 'drinking-water' AND d.status = 'published' AND unit(i.requirement) = 'μg/L'
          AND std_kind(d.standard) = 'enterprise') AS water,
       (SELECT min(d.id) FROM disclosure d JOIN disclosed_indicator i ON i.disclosure = d.id
        WHERE d.category = 'refrigerator' AND d.status = 'published' AND i.indicator = 'eei'
          -- (<@ only on energy-efficiency indices: other units do not compare with %)
          AND CASE WHEN i.indicator = 'eei' THEN i.requirement <@ '≤41 %' END AND d.supersedes IS NOT NULL) AS fridge
\gset sample_

\echo '   Three of the published disclosures:'
SELECT d.id, e.name AS enterprise, d.product, d.standard
FROM disclosure d JOIN enterprise e ON e.uscc = d.enterprise
WHERE d.id IN (:sample_textile, :sample_water, :sample_fridge)
ORDER BY d.id;
SELECT i.disclosure AS id, x.name AS indicator, i.requirement, to_text(i.requirement, 'zh') AS "中文",
       i.test_method AS "test method"
FROM disclosed_indicator i
JOIN disclosure d ON d.id = i.disclosure
JOIN indicator_def x ON x.category = d.category AND x.key = i.indicator
WHERE d.id IN (:sample_textile, :sample_water, :sample_fridge)
ORDER BY i.disclosure, x.required DESC, i.indicator;
SELECT id, below_recommended_statement AS "明示 (explicit statement)"
FROM disclosure WHERE id = :sample_textile;
