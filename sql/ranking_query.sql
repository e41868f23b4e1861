-- The query ranking_query() generates for a small plan, as text: any change
-- to the generated SQL shows in this test's diff.  The plan has two core
-- indicators in the ranking fixture's category (test/fixtures/ranking.sql):
-- efficiency (k = 1) ranked by absolute cutoffs, standby (k = 2, weight 2)
-- by the default fractions.  Everything is rolled back at the end.
SET search_path = frontrunner, public;
\set VERBOSITY default
\set SHOW_CONTEXT never
BEGIN;
\set ECHO none
\o /dev/null
\i test/fixtures/ranking.sql
SELECT pg_temp.plan('KT-QUERY', '示例评估机构', 'kettle', '电水壶 (ranking_query)', '2999-12-31 00:00:00+08',
         '[{"indicator": "efficiency", "leader_cutoff": "≥ 95 %", "advanced_cutoff": "≥ 92 %", "baseline_cutoff": "≥ 90 %"},
           {"indicator": "standby", "weight": 2}]',
         leader_cap => 2, required_approvals => 0);
\o
\set ECHO all
SELECT k, indicator, direction, unit, weight, leader_cutoff, advanced_cutoff, baseline_cutoff,
       leader_fraction, advanced_fraction, baseline_fraction
FROM plan_core_indicators(plan_id('KT-QUERY'));
\pset format unaligned
\pset tuples_only on
SELECT ranking_query(plan_id('KT-QUERY'));
SELECT ranking_query(plan_id('KT-QUERY'), 'cutoffs');
\pset format aligned
\pset tuples_only off
-- what the generated query computes
SELECT r.rank, f.tag, r.tier, r.score FROM rank_plan('KT-QUERY') r JOIN fx f ON f.id = r.disclosure ORDER BY r.rank;
SELECT * FROM plan_cutoffs('KT-QUERY');
SELECT ranking_query(plan_id('KT-QUERY'), 'csv');
ROLLBACK;
