-- The bundled demo dataset (test/demo/50_dataset.sql) loads through the
-- registry's rules and has the shape the demo and its README note promise.
-- A rule change that would refuse the demo data fails here, not in make demo.
BEGIN;
SELECT plan(24);
\ir demo/50_dataset.sql
SET search_path = frontrunner, public;

-- enterprises ---------------------------------------------------------------------
SELECT is((SELECT count(*) FROM enterprise), 300::bigint, '300 enterprises');
SELECT is((SELECT count(DISTINCT name) FROM enterprise), 300::bigint, 'enterprise names are unique');
SELECT ok((SELECT bool_and(name ~ '^北京.+公司$') FROM enterprise), 'names: 北京…公司');
SET LOCAL frontrunner.uscc_weak = off;
SELECT lives_ok($$SELECT count(uscc::text::frontrunner.uscc) FROM frontrunner.enterprise$$,
                'every USCC reads back under strict checking (uscc_weak off)');
SELECT is((SELECT count(*) FROM enterprise WHERE uscc_is_valid(uscc)), 300::bigint,
          'every USCC has a valid check character');
SELECT is((SELECT count(*) FROM enterprise
           WHERE uscc_entity(uscc) = '1' AND uscc_registry(uscc) = '9'
             AND region = uscc_region(uscc)
             AND region IN ('110101', '110102', '110105', '110106', '110107', '110108', '110109', '110111',
                            '110112', '110113', '110114', '110115', '110116', '110117', '110118', '110119')),
          300::bigint, 'every enterprise: 91…, a Beijing district, region taken from the USCC');

-- disclosures -----------------------------------------------------------------------
SELECT results_eq(
  $$SELECT status, count(*) FROM frontrunner.disclosure GROUP BY status ORDER BY status$$,
  $$VALUES ('draft', 29::bigint), ('published', 653::bigint), ('superseded', 24::bigint), ('withdrawn', 2::bigint)$$,
  'disclosures per status (deterministic: the same every run)');
SELECT results_eq(
  $$SELECT category, count(DISTINCT enterprise) FROM frontrunner.disclosure GROUP BY category ORDER BY category$$,
  $$VALUES ('drinking-water', 90::bigint), ('infant-textile', 130::bigint), ('refrigerator', 80::bigint)$$,
  'enterprises per category');
SELECT lives_ok($$SELECT frontrunner.disclosure_publication_check(array_agg(id)) FROM frontrunner.disclosure$$,
                'every disclosure, drafts included, passes disclosure_publication_check (rules 1-4)');
SELECT is((SELECT count(*) FROM disclosure d
           WHERE std_kind(d.standard) = 'enterprise'
             AND (std_year(d.standard) IS NULL OR std_year(d.standard) > extract(year FROM current_date))),
          0::bigint, 'enterprise standards carry a 4-digit year not in the future');
SELECT cmp_ok((SELECT count(*) FROM disclosure WHERE std_kind(standard) = 'enterprise'), '>', 400::bigint,
              'most disclosures execute an own enterprise standard (Q/…)');
SELECT results_eq(
  $$SELECT DISTINCT std_kind(standard) FROM frontrunner.disclosure ORDER BY 1$$,
  $$VALUES ('enterprise'), ('group'), ('industry'), ('national')$$,
  'the others execute national, industry or group standards');
SELECT is((SELECT count(*) FROM disclosure o
           WHERE o.status = 'superseded'
             AND (SELECT count(*) FROM disclosure n WHERE n.supersedes = o.id AND n.status = 'published') = 1),
          24::bigint, 'each superseded disclosure has exactly one published successor');
SELECT is((SELECT count(*) FROM disclosure WHERE status <> 'draft' AND published_at > now()), 0::bigint,
          'publication times come from the database clock');
SELECT is((SELECT count(*) FROM disclosure WHERE status = 'withdrawn' AND btrim(withdraw_reason) <> ''),
          2::bigint, 'two withdrawals, with reasons');

-- indicators --------------------------------------------------------------------------
SELECT is((SELECT count(*) FROM indicator_def WHERE category IN ('infant-textile', 'drinking-water', 'refrigerator')),
          16::bigint, '16 indicators over the three categories');
SELECT is((SELECT count(*) FROM disclosed_indicator i JOIN disclosure d ON d.id = i.disclosure
           JOIN indicator_def x ON x.category = d.category AND x.key = i.indicator
           WHERE level(i.requirement, x.direction, x.unit) IS NULL),
          0::bigint, 'every disclosed requirement has a level in its indicator''s unit (rankable)');
SELECT cmp_ok((SELECT count(DISTINCT unit(i.requirement)) FROM disclosed_indicator i
               WHERE i.indicator IN ('formaldehyde', 'lead', 'cadmium')), '>=', 4::bigint,
              'some values are written in another unit (ppm, g/kg, μg/L)');
-- ties: on every required indicator the most frequent level is shared by many
SELECT is((SELECT count(*) FROM (
             SELECT t.category, t.indicator
             FROM (SELECT d.category, i.indicator, level(i.requirement, x.direction, x.unit) AS l, count(*) AS n
                   FROM disclosed_indicator i JOIN disclosure d ON d.id = i.disclosure
                   JOIN indicator_def x ON x.category = d.category AND x.key = i.indicator
                   WHERE d.status = 'published' AND x.required
                   GROUP BY 1, 2, 3) AS t
             GROUP BY t.category, t.indicator HAVING max(t.n) < 40) AS few),
          0::bigint, 'ties: on every required indicator at least 40 published disclosures share the commonest level');

-- benchmark material ------------------------------------------------------------------
SELECT results_eq(
  $$SELECT category, bool_or(nature = 'mandatory'), bool_or(nature = 'recommended'),
           bool_or(kind IN ('international', 'foreign'))
    FROM frontrunner.requirement_in_force
    WHERE category IN ('infant-textile', 'drinking-water', 'refrigerator')
    GROUP BY category ORDER BY category$$,
  $$VALUES ('drinking-water', true, true, true), ('infant-textile', true, true, true), ('refrigerator', true, true, true)$$,
  'each category has mandatory, recommended and international or foreign requirements in force');
SELECT ok((SELECT bool_and(f.n > 0) FROM (
             SELECT f.category, count(*) FILTER (WHERE compare(i.requirement, f.requirement) = 'stricter') AS n
             FROM requirement_in_force f
             JOIN disclosure d ON d.category = f.category AND d.status = 'published'
             JOIN disclosed_indicator i ON i.disclosure = d.id AND i.indicator = f.indicator
             WHERE f.kind IN ('international', 'foreign')
             GROUP BY f.category) AS f),
          'in each category some published disclosures are stricter than the international or foreign benchmark');
SELECT ok((SELECT count(DISTINCT d.category) = 3 FROM disclosure d
           WHERE d.status = 'published' AND d.below_recommended_statement IS NOT NULL),
          'in each category some published disclosures are below a recommended standard, with the statement');
SELECT is((SELECT count(*) FROM disclosure d
           WHERE d.below_recommended_statement IS NOT NULL
             AND NOT EXISTS (SELECT FROM disclosed_indicator i
                             JOIN requirement_in_force f ON f.category = d.category AND f.indicator = i.indicator
                             WHERE i.disclosure = d.id AND f.nature = 'recommended'
                               AND compare(i.requirement, f.requirement) NOT IN ('stricter', 'equal'))),
          0::bigint, 'a statement is made only where an indicator is below a recommended standard');
SELECT is((SELECT count(*) FROM standard_requirement r
           WHERE r.category IN ('infant-textile', 'drinking-water', 'refrigerator')
             AND NOT EXISTS (SELECT FROM standard s WHERE s.code = r.standard)),
          0::bigint, 'every requirement names a standard of the registry');

SELECT * FROM finish();
ROLLBACK;
