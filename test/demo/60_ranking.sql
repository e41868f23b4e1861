-- frontrunner demo, part 6: evaluation plans, ranking lists, leaders, and a
-- leader revoked by a failing spot check
SET search_path = frontrunner, public;
SET client_min_messages = warning;
\echo
\echo '== 6. Evaluation plans (评估方案): one per category, published by evaluation agencies'
\ir ../fixtures/generator.sql
-- textiles: formaldehyde counts three times, the fastness grades once; fractions 5 % / 20 % / 50 %
-- (pH is a plain number: the plan ranks its range width with unit '')
-- water: the three metals and turbidity, leaders the best 10 %
-- refrigerators, Top Runner style: the leader is the best disclosed level; advanced and
-- baseline are absolute: EU energy-label bands B and C for the index
\o /dev/null
SELECT pg_temp.plan('BJ-2026-TEX', '北京市纺织品评估中心 (示例)', 'infant-textile',
         '2026 年度婴幼儿纺织产品企业标准"领跑者"评估方案', now(),
         '[{"indicator": "formaldehyde", "weight": 3}, {"indicator": "ph", "unit": ""},
           {"indicator": "fastness_water"}, {"indicator": "fastness_rubbing"}]'),
       pg_temp.plan('BJ-2026-WAT', '北京市水质评估中心 (示例)', 'drinking-water',
         '2026 年度饮用水产品企业标准"领跑者"评估方案', now(),
         (SELECT jsonb_agg(jsonb_build_object('indicator', k, 'leader_fraction', 0.10, 'advanced_fraction', 0.30,
                                              'baseline_fraction', 0.60) ORDER BY o)
          FROM unnest(ARRAY['lead', 'arsenic', 'cadmium', 'turbidity']) WITH ORDINALITY u(k, o))),
       pg_temp.plan('BJ-2026-REF', '北京市家电评估中心 (示例)', 'refrigerator',
         '2026 年度家用电冰箱企业标准"领跑者"评估方案', now(),
         '[{"indicator": "eei", "weight": 3, "advanced_cutoff": "≤ 51 %", "baseline_cutoff": "≤ 64 %"},
           {"indicator": "noise"}]',
         leader_cap => 3, style => 'best_in_market');
\o
\echo '   Each plan goes under expert review (专家评审) and public notice; the regulator records'
\echo '   the verdicts (3 approvals required by default; a rejection stays open until that expert approves):'
UPDATE evaluation_plan SET status = 'under_review' WHERE code LIKE 'BJ-2026-%';
INSERT INTO plan_review (plan, reviewer, verdict, comments)
SELECT p.id, v.reviewer, v.verdict, v.comments
FROM evaluation_plan p,
  (VALUES (1, '专家 甲', 'approve', NULL), (2, '专家 乙', 'reject', '核心指标的权重需要说明'),
          (3, '专家 丙', 'approve', NULL), (4, '专家 乙', 'approve', '权重说明已补充'),
          (5, '专家 丁', 'approve', NULL)) v(o, reviewer, verdict, comments)
WHERE p.code LIKE 'BJ-2026-%'
ORDER BY p.id, v.o;
SELECT p.code AS plan, s.reviewer, s.verdict, s.comments
FROM evaluation_plan p CROSS JOIN LATERAL plan_review_state(p.id) s
WHERE p.code = 'BJ-2026-TEX' ORDER BY s.reviewer;
UPDATE evaluation_plan SET status = 'published' WHERE code LIKE 'BJ-2026-%';

SELECT p.code AS plan, p.category, p.style, p.leader_cap AS cap,
       string_agg(i.indicator || '×' || trim_scale(i.weight), ', ' ORDER BY i.weight DESC, i.indicator) AS "core indicators × weight"
FROM evaluation_plan p JOIN plan_indicator i ON i.plan = p.id
WHERE p.code LIKE 'BJ-2026-%' GROUP BY p.id ORDER BY p.id;

\echo '   Who is eligible (published before the deadline, every core indicator disclosed, not'
\echo '   excluded by a failing spot check):'
SELECT q.plan, count(*) FILTER (WHERE e.eligible) AS eligible,
       count(*) FILTER (WHERE NOT e.eligible) AS "not eligible",
       (SELECT string_agg(DISTINCT split_part(x.reason, ':', 1), '; ')
        FROM eligibility(q.plan) x WHERE NOT x.eligible) AS reasons
FROM (VALUES ('BJ-2026-TEX'), ('BJ-2026-WAT'), ('BJ-2026-REF')) q(plan)
CROSS JOIN LATERAL eligibility(q.plan) e
GROUP BY q.plan ORDER BY q.plan DESC;

\echo '   How each plan cuts its tiers today (plan_cutoffs): fractions of the eligible disclosures'
\echo '   become levels; absolute cutoffs stay as written; best_in_market takes the best level:'
SELECT q.plan, c.indicator, c.eligible AS n, c.distinct_levels AS levels,
       c.leader_cutoff AS "领跑者 leader", c.advanced_cutoff AS "先进 advanced", c.baseline_cutoff AS "基准 baseline"
FROM (VALUES (1, 'BJ-2026-TEX'), (2, 'BJ-2026-WAT'), (3, 'BJ-2026-REF')) q(o, plan)
CROSS JOIN LATERAL plan_cutoffs(q.plan) c
ORDER BY q.o, c.indicator;

\echo
\echo '== 7. The ranking list (排行榜) of BJ-2026-TEX, computed live by rank_plan(): top 12'
\echo '   (tier = the lowest tier reached over the core indicators; score = weighted mid-rank'
\echo '   standing, 0-100; the leader cap of 5 keeps ties)'
SELECT r.rank, r.tier, round(r.score, 2) AS score, left(r.enterprise_name, 16) AS enterprise,
       r.standard,
       (r.levels #>> '{formaldehyde,level}') || ' mg/kg' AS "甲醛",
       (r.levels #>> '{ph,level}') AS "pH width",
       (r.levels #>> '{fastness_water,level}') AS "耐水",
       (r.levels #>> '{fastness_rubbing,level}') AS "耐摩擦"
FROM rank_plan('BJ-2026-TEX') r
ORDER BY r.rank LIMIT 12;

\echo '   Tiers per plan:'
SELECT q.plan,
       count(*) FILTER (WHERE r.tier = 'leader') AS "领跑者",
       count(*) FILTER (WHERE r.tier = 'advanced') AS "先进",
       count(*) FILTER (WHERE r.tier = 'baseline') AS "基准",
       count(*) FILTER (WHERE r.tier = 'below') AS below
FROM (VALUES ('BJ-2026-TEX'), ('BJ-2026-WAT'), ('BJ-2026-REF')) q(plan)
CROSS JOIN LATERAL rank_plan(q.plan) r
GROUP BY q.plan ORDER BY q.plan DESC;

\echo '   The per-indicator lists (indicator_lists) of BJ-2026-WAT, lead: how many per tier'
SELECT l.indicator, l.tier, count(*) AS disclosures,
       min(l.level) || ' ~ ' || max(l.level) || ' ' || min(l.unit) AS levels
FROM indicator_lists('BJ-2026-WAT') l WHERE l.indicator = 'lead'
GROUP BY l.indicator, l.tier ORDER BY l.tier;

\echo
\echo '== 8. Publication: publish_ranking() stores each list, immutable; the leaders (领跑者)'
SELECT publish_ranking(code) AS ranking, code AS plan FROM evaluation_plan WHERE code LIKE 'BJ-2026-%' ORDER BY id;
SELECT l.plan, l.rank, round(l.score, 2) AS score, l.enterprise, left(l.enterprise_name, 16) AS name,
       left(l.product, 22) AS product
FROM current_leaders l ORDER BY l.plan DESC, l.rank;

\echo
\echo '== 9. A spot check (监督抽查) fails a leader: its entry is revoked, the list is otherwise kept'
CREATE TEMP TABLE demo_victim AS
SELECT l.disclosure, l.enterprise_name, i.requirement, upper(to_unit(i.requirement, 'mg/kg')) * 1.5 AS measured_value
FROM current_leaders l
JOIN disclosed_indicator i ON i.disclosure = l.disclosure AND i.indicator = 'formaldehyde'
WHERE l.plan = 'BJ-2026-TEX' AND upper(to_unit(i.requirement, 'mg/kg')) > 0
ORDER BY l.rank LIMIT 1;
\echo '   The regulator measures formaldehyde 1.5 × the disclosed limit:'
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured, agency)
SELECT v.disclosure, 'formaldehyde', CURRENT_DATE, (v.measured_value || ' mg/kg')::indicator, '北京市市场监管局 (示例)'
FROM demo_victim v
RETURNING disclosure, indicator, measured, conforms;
SELECT b.rank, b.tier, b.revoked, left(b.enterprise_name, 16) AS enterprise, b.revoke_reason
FROM leaderboard b WHERE b.plan = 'BJ-2026-TEX' AND b.rank <= 6 ORDER BY b.rank;
\echo '   current_leaders of BJ-2026-TEX now (one fewer; nobody is promoted until a new list):'
SELECT l.rank, round(l.score, 2) AS score, left(l.enterprise_name, 16) AS name
FROM current_leaders l WHERE l.plan = 'BJ-2026-TEX' ORDER BY l.rank;
\echo '   And the enterprise is excluded from the live ranking for a year:'
SELECT e.eligible, e.reason FROM eligibility('BJ-2026-TEX') e JOIN demo_victim v ON v.disclosure = e.disclosure;

\echo
\echo '   For e-commerce platforms and the public, leaders_json(plan) (abridged):'
SELECT jsonb_pretty(jsonb_build_object(
         'plan', j -> 'plan' -> 'code',
         'ranking', j -> 'ranking',
         'leaders', jsonb_array_length(j -> 'leaders'),
         'first leader', (j -> 'leaders' -> 0) - 'levels',
         'revoked', jsonb_array_length(j -> 'revoked'))) AS leaders_json
FROM leaders_json('BJ-2026-TEX') j;
