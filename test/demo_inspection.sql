-- Issue 20's acceptance on the demo (test/demo/50_dataset.sql, 60_ranking.sql
-- and 80_inspection.sql, in one transaction, rolled back): the leaders of
-- BJ-2026-TEX whose formaldehyde claims their own test method cannot verify
-- are flagged (unverifiable_leader, the ranking's levels) and are no longer
-- leaders in BJ-2026-TEX-M, the same plan ranked as the methods verify the
-- claims (method_limits); and what the campaign's findings do to their
-- enterprises: district_report counts them, a plan with
-- exclude_open_findings leaves those enterprises out.
BEGIN;
SELECT plan(19);
\o /dev/null
\ir demo/50_dataset.sql
\ir demo/60_ranking.sql
\ir demo/80_inspection.sql
\o
SET search_path = frontrunner, public;
SET client_min_messages = warning;

-- copies of BJ-2026-TEX with other options (drafts of its agency)
CREATE FUNCTION pg_temp.copy_plan(code text, method_limits boolean, exclude boolean, deadline timestamptz,
                                  src text DEFAULT 'BJ-2026-TEX') RETURNS void LANGUAGE sql AS $$
  INSERT INTO frontrunner.evaluation_plan (code, agency, category, title, deadline, leader_cap, style, method_limits, exclude_open_findings)
  SELECT $1, p.agency, p.category, p.title, $4, p.leader_cap, p.style, $2, $3 FROM frontrunner.evaluation_plan p WHERE p.code = $5;
  INSERT INTO frontrunner.plan_indicator (plan, indicator, weight, unit, leader_cutoff, advanced_cutoff, baseline_cutoff,
                                          leader_fraction, advanced_fraction, baseline_fraction)
  SELECT m.id, i.indicator, i.weight, i.unit, i.leader_cutoff, i.advanced_cutoff, i.baseline_cutoff,
         i.leader_fraction, i.advanced_fraction, i.baseline_fraction
  FROM frontrunner.plan_indicator i JOIN frontrunner.evaluation_plan s ON s.id = i.plan AND s.code = $5
  CROSS JOIN frontrunner.evaluation_plan m WHERE m.code = $1;
$$;

-- the unverifiable leaders ------------------------------------------------------------------
CREATE TEMP TABLE flagged AS SELECT DISTINCT disclosure FROM unverifiable_leader WHERE plan = 'BJ-2026-TEX';
SELECT cmp_ok((SELECT count(*) FROM flagged), '>=', 3::bigint,
  'the demo''s published BJ-2026-TEX list has leaders whose formaldehyde claim GB/T 2912.1 cannot verify (unverifiable_leader)');
SELECT is((SELECT count(*) FROM unverifiable_leader u
           JOIN disclosed_indicator i ON i.disclosure = u.disclosure AND i.indicator = 'formaldehyde'
           WHERE u.plan = 'BJ-2026-TEX' AND i.test_method = 'GB/T 2912.1-2009'
             AND upper(to_unit(i.requirement, 'mg/kg')) < 20),
          (SELECT count(*) FROM flagged), 'each of them claims less than 20 mg/kg tested by GB/T 2912.1-2009');
SELECT set_eq($$SELECT disclosure FROM rank_plan('BJ-2026-TEX') WHERE levels #>> '{formaldehyde,verifiable}' = 'false' AND tier = 'leader'$$,
  $$SELECT disclosure FROM flagged$$, 'the live ranking (rank_plan()) shows the flag in its levels: "verifiable": false for exactly them');
SELECT publish_ranking('BJ-2026-TEX') \g /dev/null
SELECT set_eq($$SELECT e.disclosure FROM ranking_entry e
                WHERE e.ranking = (SELECT max(r.id) FROM ranking r WHERE r.plan = plan_id('BJ-2026-TEX'))
                  AND e.tier = 'leader' AND e.levels #>> '{formaldehyde,verifiable}' = 'false'$$,
  $$SELECT disclosure FROM flagged$$, 'and so does a list published now (ranking_entry.levels, leaders_json())');
SELECT is((SELECT count(*) FROM rank_plan('BJ-2026-TEX') WHERE levels -> 'formaldehyde' ? 'verifiable'),
          (SELECT count(*) FROM rank_plan('BJ-2026-TEX')), 'every formaldehyde claim of the ranking is judged (its method has limits recorded)');
SELECT is((SELECT count(*) FROM rank_plan('BJ-2026-TEX') WHERE levels -> 'ph' ? 'verifiable'), 0::bigint,
  'an indicator without recorded limits has no "verifiable" key');

-- with the option they are no longer leaders ------------------------------------------------
SELECT pg_temp.copy_plan('T-AS', false, false, (SELECT deadline FROM evaluation_plan WHERE code = 'BJ-2026-TEX'), 'BJ-2026-TEX-M');
SELECT set_eq($$SELECT disclosure FROM rank_plan('T-AS') WHERE tier = 'leader'$$,
              $$SELECT disclosure FROM rank_plan('BJ-2026-TEX') WHERE tier = 'leader'$$,
  'BJ-2026-TEX-M ranked as disclosed (without method_limits) has the leaders of BJ-2026-TEX');
SELECT is((SELECT count(*) FROM rank_plan('BJ-2026-TEX-M') r JOIN flagged f USING (disclosure) WHERE r.tier = 'leader'), 0::bigint,
  'ranked as the methods verify the claims (method_limits), none of the flagged leaders is a leader');
SELECT results_eq($$SELECT DISTINCT tier::text, levels #>> '{formaldehyde,level}' FROM rank_plan('BJ-2026-TEX-M') r JOIN flagged f USING (disclosure)$$,
  $$VALUES ('advanced', '20')$$, 'they rank advanced, their formaldehyde at GB/T 2912.1''s 20 mg/kg');
SELECT is((SELECT count(*) FROM rank_plan('BJ-2026-TEX-M') WHERE tier = 'leader'), 0::bigint,
  'and nobody leads: no claim of the leader cut (≤ 10 mg/kg) is verifiable by GB/T 2912.1');

-- the findings of the campaign --------------------------------------------------------------
SELECT is((SELECT sum(open_findings) FROM district_report), (SELECT count(*) FROM inspection_finding)::numeric,
  'district_report counts the campaign''s open findings');
SELECT results_eq($$SELECT attname::text COLLATE "default" FROM pg_attribute WHERE attrelid = 'frontrunner.district_report'::regclass AND attnum > 12 ORDER BY attnum$$,
  $$VALUES ('inspection_findings'), ('open_findings'), ('unrectified_findings')$$,
  'after the twelve columns of 0.1.0');
SELECT pg_temp.copy_plan('T-F', false, true, now() + interval '1 day');
SELECT pg_temp.copy_plan('T-N', false, false, now() + interval '1 day');
CREATE TEMP TABLE found AS
  SELECT DISTINCT f.enterprise::text AS enterprise FROM inspection_finding f JOIN disclosure d ON d.enterprise = f.enterprise
  WHERE d.category = 'infant-textile' AND d.status = 'published';
SELECT set_eq($$SELECT d.enterprise::text FROM eligibility('T-F') e JOIN disclosure d ON d.id = e.disclosure
                WHERE e.reason ~ 'open finding'$$,
  $$SELECT enterprise FROM found$$, 'exclude_open_findings: the enterprises with an open finding are not eligible, saying why');
SELECT is((SELECT count(*) FROM rank_plan('T-F') r JOIN found f ON f.enterprise = r.enterprise::text), 0::bigint,
  'nor ranked');
SELECT cmp_ok((SELECT count(*) FROM rank_plan('T-N') r JOIN found f ON f.enterprise = r.enterprise::text), '>', 0::bigint,
  'without the option they are ranked');
-- the enterprise of the first finding corrects everything it was told to
CREATE TEMP TABLE fixed AS SELECT enterprise::text AS enterprise FROM inspection_finding ORDER BY id LIMIT 1;
UPDATE inspection_finding SET follow_up = 'rectified', follow_up_note = '复查：已改正'
WHERE enterprise::text = (SELECT enterprise FROM fixed);
SELECT set_eq($$SELECT DISTINCT d.enterprise::text FROM eligibility('T-F') e JOIN disclosure d ON d.id = e.disclosure
                WHERE e.reason ~ 'open finding'$$,
  $$SELECT enterprise FROM found EXCEPT SELECT enterprise FROM fixed$$,
  'a finding rectified by the deadline no longer excludes; the others still do');
SELECT is((SELECT sum(open_findings) FROM district_report),
          (SELECT count(*) FROM inspection_finding WHERE follow_up = 'pending')::numeric,
  'and district_report no longer counts it open');
SELECT pg_temp.copy_plan('T-E', false, true, now() - interval '1 day');
SELECT is((SELECT count(*) FROM eligibility('T-E') WHERE reason ~ 'open finding'), 0::bigint,
  'nor does a finding made after the deadline');
UPDATE evaluation_plan SET status = 'under_review' WHERE code = 'T-F';
SELECT throws_ok($$UPDATE evaluation_plan SET exclude_open_findings = false WHERE code = 'T-F'$$, 'FR007', NULL,
  'under review the option is frozen, like every field of the plan');

SELECT * FROM finish();
ROLLBACK;
