-- The report views (district_report, enterprise_record, category_report) on fixtures/reports.sql,
-- against counts made by hand:
--
-- district_report
--   110108 海淀区: enterprises 13 (北京示例服饰 + the 12 kettle makers);
--     current disclosures 10 (D1-D7, D9, D11, D12; D8 draft, D10 superseded),
--     all Q/KT numbers → own standard 10; kettle has no mandatory standard →
--     floor_compared 0, share NULL; leaders in the latest lists of published
--     plans: KT-2026 D2 (KT-TIES is closed, KT-BEST has none) → 1, revoked
--     KT-2026 D1 → 1; failing spot checks D9 (fixture) and D1 → 2; open
--     reports D3 → 1 (D2's is decided).
--   110101 东城区: enterprises A, B → 2; current T1 T2 T3 → 3 (T5 draft, T6
--     withdrawn); own standard T2 T3 → 2; floor compared 3, stricter T2 T3 →
--     2, share 0.6667; open reports T1 (received) and B (under review) → 2.
--   110105 朝阳区: C (region given) → 1; T4 → 1 current, 0 own, 1 compared,
--     1 stricter (fastness ≥ 4 > ≥ 3), share 1.
--   310115 (no name): D → 1; T7 → 1 current, 1 own, 1 compared, 1 stricter.
--   330100, 440400: one enterprise each, nothing else, share NULL.
-- enterprise_record: KT-2026 D2 current, D1 revoked; KT-TIES (closed) D7
--   expired, D2 expired, D1 revoked (revocation wins over expiry).
-- category_report
--   kettle: 10 disclosures by 10 enterprises; plans KT-2026, KT-BEST
--     (published), KT-TIES (closed) → 3; under review KT-REV → 1; lists 2;
--     current leaders 1 (D2); no international requirement → 0, NULL.
--   textile-b: 5 current (T1-T4, T7) by 4 enterprises; formaldehyde vs ISO
--     ≤ 30 and JIS ≤ 20 for all 5 → compared 5; at least as strict as both:
--     T2 (≤ 20) only (T7 ≤ 30 is looser than JIS) → 1, share 0.2.
--   water: nothing.
BEGIN;
SELECT plan(14);
\ir fixtures/registry.sql
\ir fixtures/ranking.sql
\ir fixtures/reports.sql

SELECT results_eq($$
  SELECT division, division_name, enterprises, current_disclosures, own_standard_disclosures, floor_compared,
         stricter_than_floor, stricter_share, leaders, revoked_leaders, failing_spot_checks, open_feedback
  FROM district_report ORDER BY division$$,
  $$VALUES ('110101', '东城区', 2::bigint, 3::bigint, 2::bigint, 3::bigint, 2::bigint, 0.6667, 0::bigint, 0::bigint, 0::bigint, 2::bigint),
           ('110105', '朝阳区', 1, 1, 0, 1, 1, 1.0000, 0, 0, 0, 0),
           ('110108', '海淀区', 13, 10, 10, 0, 0, NULL, 1, 1, 2, 1),
           ('310115', NULL, 1, 1, 1, 1, 1, 1.0000, 0, 0, 0, 0),
           ('330100', NULL, 1, 0, 0, 0, 0, NULL, 0, 0, 0, 0),
           ('440400', NULL, 1, 0, 0, 0, 0, NULL, 0, 0, 0, 0)$$,
  'district_report: the counts made by hand');
SELECT is((SELECT sum(enterprises) FROM district_report), (SELECT count(*) FROM enterprise)::numeric,
  'district_report: every enterprise is counted in exactly one division');
SELECT is((SELECT sum(current_disclosures) FROM district_report),
          (SELECT count(*) FROM disclosure WHERE status = 'published')::numeric,
  'district_report: every current disclosure is counted once');

SELECT results_eq($$
  SELECT plan, (SELECT tag FROM fx WHERE fx.id = r.disclosure), designation, plan_status, rank, year = extract(year FROM now())::int
  FROM enterprise_record r ORDER BY plan, rank$$,
  $$VALUES ('KT-2026', 'D2', 'current', 'published', 1, true), ('KT-2026', 'D1', 'revoked', 'published', 2, true),
           ('KT-TIES', 'D7', 'expired', 'closed', 1, true), ('KT-TIES', 'D1', 'revoked', 'closed', 2, true),
           ('KT-TIES', 'D2', 'expired', 'closed', 3, true)$$,
  'enterprise_record: every leader designation, current, expired or revoked');
SELECT results_eq($$SELECT enterprise_name, division, count(*) FILTER (WHERE designation = 'current'), count(*)
                    FROM enterprise_record GROUP BY 1, 2 ORDER BY 1$$,
  $$VALUES ('水壶企业 1', '110108', 0::bigint, 2::bigint), ('水壶企业 2', '110108', 1, 2), ('水壶企业 7', '110108', 0, 1)$$,
  'enterprise_record per enterprise: designations held, current ones (for awards, subsidies, procurement)');
SELECT ok((SELECT bool_and(revoke_reason LIKE 'failing spot check%') FROM enterprise_record WHERE designation = 'revoked'),
  'enterprise_record: revoked designations carry the reason');

SELECT results_eq($$
  SELECT category, disclosures, enterprises, plans, plans_under_review, lists_published, leaders,
         intl_compared, intl_at_least_as_strict, intl_share
  FROM category_report ORDER BY category$$,
  $$VALUES ('kettle', 10::bigint, 10::bigint, 3::bigint, 1::bigint, 2::bigint, 1::bigint, 0::bigint, 0::bigint, NULL::numeric),
           ('textile-b', 5, 4, 0, 0, 0, 0, 5, 1, 0.2000),
           ('water', 0, 0, 0, 0, 0, 0, 0, 0, NULL)$$,
  'category_report: the counts made by hand');

-- the views BI tools read: plain SQL types only, a comment on every column
SELECT is_empty($$
  SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
  WHERE c.relnamespace = 'frontrunner'::regnamespace
    AND c.relname IN ('district_report', 'enterprise_record', 'category_report')
    AND a.atttypid NOT IN ('text'::regtype, 'numeric'::regtype, 'bigint'::regtype, 'integer'::regtype,
                           'boolean'::regtype, 'date'::regtype, 'timestamptz'::regtype)$$,
  'the report views use plain SQL types only');
SELECT is_empty($$
  SELECT c.relname || '.' || a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
  WHERE c.relnamespace = 'frontrunner'::regnamespace
    AND c.relname IN ('district_report', 'enterprise_record', 'category_report')
    AND col_description(c.oid, a.attnum) IS NULL$$,
  'every column of the report views has a COMMENT');

-- division names
SELECT is(division_name('110108'), '海淀区', 'division_name: a bundled Beijing district');
SELECT is(division_name('110119'), '延庆区', 'division_name: 延庆区');
SELECT is(division_name('310115'), NULL, 'division_name: other codes have no bundled name');

-- the reports follow the data: a new decision and a withdrawal
UPDATE feedback SET status = 'under_review' WHERE disclosure = (SELECT id FROM fx WHERE tag = 'T1');
UPDATE feedback SET status = 'substantiated', decision_note = '检出甲醛' WHERE disclosure = (SELECT id FROM fx WHERE tag = 'T1');
SELECT withdraw_disclosure(id, '召回') FROM fx WHERE tag = 'T2';
SELECT results_eq($$SELECT current_disclosures, own_standard_disclosures, floor_compared, stricter_than_floor, stricter_share, open_feedback
                    FROM district_report WHERE division = '110101'$$,
  $$VALUES (2::bigint, 1::bigint, 2::bigint, 1::bigint, 0.5000, 1::bigint)$$,
  'district_report after T2 is withdrawn and the report on T1 decided');
SELECT results_eq($$SELECT disclosures, intl_compared, intl_at_least_as_strict, intl_share FROM category_report WHERE category = 'textile-b'$$,
  $$VALUES (4::bigint, 4::bigint, 0::bigint, 0.0000)$$,
  'category_report after T2 is withdrawn');

SELECT * FROM finish();
ROLLBACK;
