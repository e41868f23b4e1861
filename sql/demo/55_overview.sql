-- frontrunner demo, part 5: what the registry holds (the dataset of 50_dataset.sql)
SET search_path = frontrunner, public;
\echo
\echo '== 5. The registry: 300 Beijing enterprises, three product categories'
\echo '   Disclosures per category (the data went in through the rules; 明示 = explicit statement'
\echo '   that an indicator is below a recommended standard):'
SELECT c.code AS category, c.name,
       count(DISTINCT d.enterprise) AS enterprises,
       count(d.id) FILTER (WHERE d.status = 'published') AS published,
       count(d.id) FILTER (WHERE d.status = 'draft') AS drafts,
       count(d.id) FILTER (WHERE d.status = 'superseded') AS superseded,
       count(d.id) FILTER (WHERE d.status = 'withdrawn') AS withdrawn,
       count(d.id) FILTER (WHERE d.status = 'published' AND d.below_recommended_statement IS NOT NULL) AS "明示"
FROM category c JOIN disclosure d ON d.category = c.code
WHERE c.code IN ('infant-textile', 'drinking-water', 'refrigerator')
GROUP BY c.code, c.name ORDER BY min(d.id);

\echo '   Standards in force, what they require (GB 5749-2006 was replaced by the 2022 edition):'
SELECT f.category, f.standard, f.kind, coalesce(f.nature, '-') AS nature,
       string_agg(f.indicator || ' ' || f.requirement::text, ', ' ORDER BY x.required DESC, f.indicator) AS requirements
FROM requirement_in_force f
JOIN indicator_def x ON x.category = f.category AND x.key = f.indicator
WHERE f.category IN ('infant-textile', 'drinking-water', 'refrigerator')
GROUP BY f.category, f.standard, f.kind, f.nature
ORDER BY CASE f.category WHEN 'infant-textile' THEN 1 WHEN 'drinking-water' THEN 2 ELSE 3 END,
         CASE f.nature WHEN 'mandatory' THEN 1 WHEN 'recommended' THEN 2 ELSE 3 END,
         CASE f.kind WHEN 'group' THEN 1 ELSE 2 END, f.standard;

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
          AND i.requirement <@ '≤41 %' AND d.supersedes IS NOT NULL) AS fridge
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
