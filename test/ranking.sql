-- Tier ranking on test/fixtures/ranking.sql, every figure
-- computed by hand below; publication, revocation (rule 6), the views and
-- leaders_json.
BEGIN;
SELECT plan(62);
\ir fixtures/ranking.sql

CREATE FUNCTION pg_temp.tag(bigint) RETURNS text LANGUAGE sql AS $$ SELECT tag FROM fx WHERE id = $1 $$;
-- the DETAIL of the error a statement raises
CREATE FUNCTION pg_temp.error_detail(statement text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  d text;
BEGIN
  EXECUTE statement;
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
  RETURN d;
END
$$;

-- step 1: eligibility -----------------------------------------------------------------
SELECT results_eq(
  $$SELECT pg_temp.tag(disclosure), eligible FROM eligibility('KT-2026') ORDER BY 1$$,
  $$VALUES ('D1', true), ('D10', false), ('D11', false), ('D12', false), ('D2', true), ('D3', true),
           ('D4', true), ('D5', true), ('D6', true), ('D7', false), ('D8', false), ('D9', false)$$,
  'eligibility: D1-D6 eligible, the others not');
SELECT results_eq(
  $$SELECT pg_temp.tag(disclosure), reason FROM eligibility('KT-2026') WHERE NOT eligible
    AND pg_temp.tag(disclosure) IN ('D7', 'D8', 'D10', 'D12') ORDER BY 1$$,
  $$VALUES ('D10', 'status superseded'), ('D12', 'standby: ≥ 0.1 W has no level in ''W'' (lower_better)'),
           ('D7', 'core indicator(s) not disclosed: efficiency'), ('D8', 'status draft')$$,
  'eligibility: reasons for superseded, no level, missing indicator, draft');
SELECT matches((SELECT reason FROM eligibility('KT-2026') WHERE pg_temp.tag(disclosure) = 'D11'),
  '^published .*, after the deadline ', 'eligibility: published after the deadline');
SELECT matches((SELECT reason FROM eligibility('KT-2026') WHERE pg_temp.tag(disclosure) = 'D9'),
  '^enterprise excluded: failing spot check \d+ of disclosure \d+ \(standby\) sampled on \d{4}-\d\d-\d\d excludes it until ',
  'eligibility: enterprise excluded by a failing spot check');
SELECT is((SELECT count(*) FROM eligibility('KT-TIES') WHERE eligible), 7::bigint,
  'eligibility depends on the plan: D7 discloses every core indicator of KT-TIES');

-- steps 2-3: levels and cutoffs; ineligible D7, D9, D11, D12 (all better than
-- everyone) do not move them.  KT-2026, n = 6:
--   standby best first 0.5 0.5 0.8 1.0 1 2.0: leader ceil(0.34·6)=3 → 0.8,
--   advanced ceil(0.5·6)=3 → 0.8, baseline ceil(0.84·6)=6 → 2.0 (levels are
--   kept without trailing zeros: 2)
--   efficiency: leader ≥ 95 %, advanced ≥ 0.92 (absolute), baseline
--   ceil(0.84·6)=6 → 85 (97 96 95 92 90 85)
SELECT results_eq(
  $$SELECT indicator, unit, eligible, distinct_levels, best, leader_cutoff, advanced_cutoff, baseline_cutoff, informative
    FROM plan_cutoffs('KT-2026')$$,
  $$VALUES ('efficiency', '%', 6::bigint, 6, 97::numeric, '≥ 95 %', '≥ 0.92', '≥ 85 %', true),
           ('standby', 'W', 6::bigint, 4, 0.5::numeric, '≤ 0.8 W', '≤ 0.8 W', '≤ 2 W', true)$$,
  'plan_cutoffs: fraction and absolute cutoffs of KT-2026');
SELECT results_eq(
  $$SELECT indicator, leader_cutoff, advanced_cutoff, baseline_cutoff FROM plan_cutoffs('KT-BEST')$$,
  $$VALUES ('efficiency', '≥ 97 %', '≥ 95 %', '≥ 85 %'), ('standby', '≤ 0.5 W', '≤ 0.8 W', '≤ 2 W')$$,
  'plan_cutoffs: best_in_market puts the leader cutoff at the best disclosed level');

-- steps 4-7 for KT-2026.  Standings s = (worse + (equal-1)/2)/(n-1), n = 6:
--   standby    D1 .9  D2 .9  D3 .6  D4 .3  D5 .3  D6 0
--   efficiency D1 .6  D2 .8  D3 1   D4 .2  D5 .4  D6 0
-- score = 100·(2·s_standby + s_efficiency)/3:
--   D1 80, D2 86.67, D3 73.33, D4 26.67, D5 33.33, D6 0
-- tiers: standby D1-D3 leader, D4-D6 baseline; efficiency D1-D3 leader,
--   D5 advanced (92 % = 0.92), D4 D6 baseline → D1 D2 D3 leader, D4 D5 D6 baseline
-- cap 2: the score at position 2 is D1's 80; D3 (73.33) becomes advanced.
SELECT results_eq(
  $$SELECT rank, pg_temp.tag(disclosure), tier::text, round(score, 6) FROM rank_plan('KT-2026')$$,
  $$VALUES (1, 'D2', 'leader', 86.666667), (2, 'D1', 'leader', 80.000000), (3, 'D3', 'advanced', 73.333333),
           (4, 'D5', 'baseline', 33.333333), (5, 'D4', 'baseline', 26.666667), (6, 'D6', 'baseline', 0.000000)$$,
  'rank_plan KT-2026: tiers, scores, order and the leader cap as computed by hand');
-- the same rows streamed: a cursor on rank_plan_query(), fetched by the client
SELECT is(rank_plan_cursor('KT-2026', 'kt_ranks')::text, 'kt_ranks', 'rank_plan_cursor() opens the cursor named');
SELECT results_eq('kt_ranks'::refcursor, $$SELECT * FROM rank_plan('KT-2026')$$,
  'rank_plan_cursor(): FETCH gives the rows of rank_plan(), in its order');
CLOSE kt_ranks;
SELECT results_eq(rank_plan_cursor('KT-TIES'), $$SELECT * FROM rank_plan('KT-TIES')$$,
  'rank_plan_cursor() with the default name rank_plan');
CLOSE rank_plan;
SELECT throws_ok($$SELECT rank_plan_cursor('NO-SUCH-PLAN')$$, 'P0002', NULL,
  'rank_plan_cursor(): an unknown plan as rank_plan() says it');
SELECT is(current_setting('frontrunner.progress'), 'off', 'frontrunner.progress is off by default');
SELECT throws_ok($$SET frontrunner.progress = 'loud'$$, '22023', NULL, 'frontrunner.progress: off, notice or log');
SELECT is((SELECT score FROM rank_plan('KT-2026') WHERE pg_temp.tag(disclosure) = 'D1'), 80::numeric,
  'a score with a terminating value is exact (80)');
SELECT is((SELECT score FROM rank_plan('KT-2026') WHERE pg_temp.tag(disclosure) = 'D2'), 86.66666666666666666667,
  'a score that does not terminate is shown to 20 decimals, like the standings (100·(2·0.9 + 0.8)/3)');
SELECT is((SELECT levels -> 'standby' FROM rank_plan('KT-2026') WHERE pg_temp.tag(disclosure) = 'D2'),
  '{"level": 0.500, "unit": "W", "tier": "leader", "standing": 0.9}'::jsonb,
  'levels: ≤ 500 mW is level 0.500 in W, leader on standby, standing 0.9');
SELECT is((SELECT levels -> 'efficiency' FROM rank_plan('KT-2026') WHERE pg_temp.tag(disclosure) = 'D5'),
  '{"level": 92, "unit": "%", "tier": "advanced", "standing": 0.4}'::jsonb,
  'levels: 不小于92% reaches the absolute advanced cutoff ≥ 0.92');
SELECT is((SELECT levels -> 'standby' ->> 'tier' FROM rank_plan('KT-2026') WHERE pg_temp.tag(disclosure) = 'D3'),
  'leader', 'levels keep the tier reached per indicator before the cap (D3 leader on standby)');
SELECT results_eq(
  $$SELECT r.enterprise, r.enterprise_name, r.standard FROM rank_plan('KT-2026') r WHERE rank = 1$$,
  $$SELECT uscc_complete('91110108MA0000002'), '水壶企业 2'::text, 'Q/KT 2-2024'::stdcode$$,
  'rank_plan returns the enterprise, its name and the standard');

-- KT-TIES: standby alone, n = 7 (D7 ≤ 0.1 joins); best first 0.1 0.5 0.5 0.8 1.0 1 2.0
--   leader ceil(0.3·7)=3 → 0.5: D7 D1 D2; advanced ceil(0.5·7)=4 → 0.8: D3;
--   baseline ceil(0.9·7)=7 → 2.0: D4 D5 D6
--   s: D7 6/6=1, D1 D2 (4+.5)/6=.75, D3 3/6=.5, D4 D5 (1+.5)/6=.25, D6 0
--   cap 2: position 2 is D1 (75); D2 at position 3 has 75 too: kept (ties not cut)
SELECT results_eq(
  $$SELECT rank, pg_temp.tag(disclosure), tier::text, score FROM rank_plan('KT-TIES')$$,
  $$VALUES (1, 'D7', 'leader', 100::numeric), (2, 'D1', 'leader', 75), (3, 'D2', 'leader', 75),
           (4, 'D3', 'advanced', 50), (5, 'D4', 'baseline', 25), (6, 'D5', 'baseline', 25), (7, 'D6', 'baseline', 0)$$,
  'rank_plan KT-TIES: a tie at the leader cap is kept; equal scores ordered by published_at then id');

-- KT-BEST: leader = best level (standby 0.5: D1 D2; efficiency 97: D3) → no
-- disclosure is best on both: no leader.  advanced ceil(0.5·6)=3 (0.8 W; 95 %),
-- baseline everything.  score = 100·(s_standby + s_efficiency)/2:
--   D1 75, D2 85, D3 80, D4 25, D5 35, D6 0
SELECT results_eq(
  $$SELECT rank, pg_temp.tag(disclosure), tier::text, score FROM rank_plan('KT-BEST')$$,
  $$VALUES (1, 'D2', 'advanced', 85::numeric), (2, 'D3', 'advanced', 80), (3, 'D1', 'advanced', 75),
           (4, 'D5', 'baseline', 35), (5, 'D4', 'baseline', 25), (6, 'D6', 'baseline', 0)$$,
  'rank_plan KT-BEST: best in market, a leader must be best on every core indicator');

-- indicator_lists: per indicator, tiers by that indicator alone, by disclosure id
SELECT results_eq(
  $$SELECT indicator, tier::text, pg_temp.tag(disclosure), level, unit FROM indicator_lists('KT-2026')$$,
  $$VALUES ('efficiency', 'leader', 'D1', 95::numeric, '%'), ('efficiency', 'leader', 'D2', 96, '%'),
           ('efficiency', 'leader', 'D3', 97, '%'), ('efficiency', 'advanced', 'D5', 92, '%'),
           ('efficiency', 'baseline', 'D4', 90, '%'), ('efficiency', 'baseline', 'D6', 85, '%'),
           ('standby', 'leader', 'D1', 0.5, 'W'), ('standby', 'leader', 'D2', 0.500, 'W'),
           ('standby', 'leader', 'D3', 0.8, 'W'), ('standby', 'baseline', 'D4', 1.0, 'W'),
           ('standby', 'baseline', 'D5', 1, 'W'), ('standby', 'baseline', 'D6', 2.0, 'W')$$,
  'indicator_lists KT-2026: the per-indicator ranking lists in tiers');

-- n = 1, all-equal levels, no eligible disclosure ---------------------------------------
INSERT INTO category (code, name) VALUES ('solo', '单一'), ('flat', '齐平'), ('none', '空');
INSERT INTO indicator_def (category, key, direction, unit) VALUES
  ('solo', 'x', 'higher_better', '%'), ('flat', 'x', 'lower_better', 'mg/kg'), ('none', 'x', 'lower_better', 'mg/kg');
CREATE FUNCTION pg_temp.pub(cat text, ent int, req text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE d bigint;
BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard)
  VALUES (frontrunner.uscc_complete('91110108MA000' || lpad(ent::text, 4, '0')), cat, cat || ent, 'GB/T 1-2020')
  RETURNING id INTO d;
  INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement) VALUES (d, 'x', req::frontrunner.indicator);
  PERFORM frontrunner.publish_disclosure(d);
  RETURN d;
END $$;
SELECT pg_temp.pub('solo', 1, '≥ 50 %');
SELECT pg_temp.pub('flat', n, '≤ 10 mg/kg') FROM generate_series(1, 4) n;
INSERT INTO evaluation_plan (code, agency, category, title, deadline)
VALUES ('SOLO', 'a', 'solo', 'n = 1', now() + interval '1 day'),
       ('FLAT', 'a', 'flat', 'all equal', now() + interval '1 day'),
       ('NONE', 'a', 'none', 'nothing disclosed', now() + interval '1 day');
INSERT INTO plan_indicator (plan, indicator) SELECT id, 'x' FROM evaluation_plan WHERE code IN ('SOLO', 'FLAT', 'NONE');
SELECT results_eq($$SELECT rank, tier::text, score FROM rank_plan('SOLO')$$,
  $$VALUES (1, 'leader', 100::numeric)$$, 'n = 1: the only disclosure is the leader with standing 1 (score 100)');
SELECT results_eq($$SELECT tier::text, score, count(*) FROM rank_plan('FLAT') GROUP BY 1, 2$$,
  $$VALUES ('leader', 50::numeric, 4::bigint)$$,
  'all-equal levels: every disclosure reaches every cutoff and stands at 0.5; the cap (5) is not exceeded');
SELECT results_eq($$SELECT distinct_levels, informative FROM plan_cutoffs('FLAT')$$,
  $$VALUES (1, false)$$, 'plan_cutoffs reports the uninformative indicator');
SELECT is_empty($$SELECT * FROM rank_plan('NONE')$$, 'no eligible disclosure: an empty ranking');
SELECT results_eq($$SELECT eligible, distinct_levels, best, leader_cutoff FROM plan_cutoffs('NONE')$$,
  $$VALUES (0::bigint, NULL::int, NULL::numeric, NULL::text)$$, 'no eligible disclosure: no cutoffs');

-- exact scores: equal weighted standings are equal scores --------------------------------
-- n = 4, x (weight 3) and y (weight 1), lower is better; places 2·worse + equal - 1
-- over 2·(n - 1) = 6:
--   E1 x 1 y 2: x 5/6 y 3/6 → 100·(3·5 + 3)/24 = 75     E2 the same
--   E3 x 2 y 3: x 2/6 y 0   → 100·(3·2 + 0)/24 = 25
--   E4 x 3 y 1: x 0   y 6/6 → 100·(0 + 6)/24   = 25
-- E3 and E4 tie exactly, so published_at then id order them (E3 first).  Summing
-- standings rounded to 20 decimals would not: 3 × 0.33333333333333333333 <
-- 1, which put E4 ahead of E3.  tiers: leader/advanced cut at position 1, baseline
-- at 2 → E1 E2 baseline (y 2 is the second level), E3 E4 below.
INSERT INTO category (code, name) VALUES ('exact', '精确');
INSERT INTO indicator_def (category, key, direction, unit) VALUES
  ('exact', 'x', 'lower_better', 'mg/kg'), ('exact', 'y', 'lower_better', 'mg/kg');
CREATE FUNCTION pg_temp.pub2(ent int, x text, y text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE d bigint;
BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard)
  VALUES (frontrunner.uscc_complete('91110108MA001' || lpad(ent::text, 4, '0')), 'exact', 'e' || ent, 'GB/T 1-2020')
  RETURNING id INTO d;
  INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement)
  VALUES (d, 'x', x::frontrunner.indicator), (d, 'y', y::frontrunner.indicator);
  PERFORM frontrunner.publish_disclosure(d);
  RETURN d;
END $$;
INSERT INTO enterprise (uscc, name)
SELECT uscc_complete('91110108MA001' || lpad(i::text, 4, '0')), '精确企业 ' || i FROM generate_series(1, 4) i;
CREATE TEMP TABLE exact_d AS
SELECT v.tag, pg_temp.pub2(v.i, v.x, v.y) AS id
FROM (VALUES (1, 'E1', '≤ 1 mg/kg', '≤ 2 mg/kg'), (2, 'E2', '≤ 1 mg/kg', '≤ 2 mg/kg'),
             (3, 'E3', '≤ 2 mg/kg', '≤ 3 mg/kg'), (4, 'E4', '≤ 3 mg/kg', '≤ 1 mg/kg')) v(i, tag, x, y)
ORDER BY v.i;
INSERT INTO review_policy (category, min_approvals, min_notice_days) VALUES ('exact', 0, 0);
INSERT INTO evaluation_plan (code, agency, category, title, deadline, required_approvals)
VALUES ('EXACT', 'a', 'exact', 'exact ties', now() + interval '1 day', 0);
INSERT INTO plan_indicator (plan, indicator, weight) SELECT id, v.k, v.w FROM evaluation_plan, (VALUES ('x', 3), ('y', 1)) v(k, w)
WHERE code = 'EXACT';
SELECT results_eq(
  $$SELECT r.rank, e.tag, r.tier::text, r.score FROM rank_plan('EXACT') r JOIN exact_d e ON e.id = r.disclosure$$,
  $$VALUES (1, 'E1', 'baseline', 75::numeric), (2, 'E2', 'baseline', 75), (3, 'E3', 'below', 25), (4, 'E4', 'below', 25)$$,
  'scores are exact: E3 (3·2/6 + 0) and E4 (3·0 + 6/6) tie at 25 and are ordered by published_at, id');
SELECT is((SELECT r.levels -> 'x' ->> 'standing' FROM rank_plan('EXACT') r JOIN exact_d e ON e.id = r.disclosure WHERE e.tag = 'E3'),
  '0.33333333333333333333', 'the standing shown is place / (2·(n - 1)) to 20 decimals: 2/6');
SELECT results_eq(
  $$SELECT e.tag, level_place(s.l, r.level) FROM exact_d e
    JOIN LATERAL (SELECT x.level FROM indicator_lists('EXACT') x WHERE x.disclosure = e.id AND x.indicator = 'x') r ON true
    CROSS JOIN (SELECT level_stats(lv.level, 'lower_better') AS l FROM indicator_lists('EXACT') lv WHERE lv.indicator = 'x') s
    ORDER BY e.tag$$,
  $$VALUES ('E1', 5::bigint), ('E2', 5), ('E3', 2), ('E4', 0)$$,
  'level_place: 2·worse + equal - 1 on indicator x (the numerators the score adds)');

-- levels_json (the levels column) checks what it is given
SELECT is(levels_json('{a,b}', '{W,""}', '{0.5,7}', '{leader,below}', '{4,0}', 3),
  '{"a": {"level": 0.5, "unit": "W", "tier": "leader", "standing": 1}, "b": {"level": 7, "unit": "", "tier": "below", "standing": 0}}'::jsonb,
  'levels_json: standing = place / (2·(n - 1)), trailing zeros trimmed');
SELECT throws_ok($$SELECT levels_json('{a,b}', '{W}', '{0.5,7}', '{leader,below}', '{4,0}', 3)$$, '22023',
  'the keys, units, levels, tiers and places arrays must have the same length', 'levels_json: arrays of different lengths are 22023');
SELECT throws_ok($$SELECT levels_json('{a}', '{W}', '{0.5}', '{leader}', '{5}', 3)$$, '22023',
  'place 5 is not in [0, 2·(n - 1)]', 'levels_json: a place beyond 2·(n - 1) is 22023');
SELECT throws_ok($$SELECT levels_json('{a}', '{W}', '{0.5}', '{leader}', '{0}', 0)$$, '22023',
  'the number of ranked disclosures must be at least 1', 'levels_json: n = 0 is 22023');

-- publication ---------------------------------------------------------------------------
SELECT publish_ranking('KT-2026') AS list1 \gset
SELECT results_eq(
  $$SELECT rank, disclosure, enterprise, tier, score, levels FROM ranking_entry
    WHERE ranking = (SELECT max(id) FROM ranking) ORDER BY rank$$,
  $$SELECT rank, disclosure, enterprise, tier, score, levels FROM rank_plan('KT-2026')$$,
  'publish_ranking stores rank_plan() as it is');
SELECT results_eq(format('SELECT eligible, ineligible, published_by FROM ranking WHERE id = %s', :list1),
  $$VALUES (6::bigint, 4::bigint, current_user)$$,
  'the list records 6 eligible and 4 published-but-ineligible disclosures (D7 D9 D11 D12)');
SELECT results_eq($$SELECT plan, rank, tier, enterprise_name, revoked FROM leaderboard ORDER BY rank$$,
  $$VALUES ('KT-2026', 1, 'leader', '水壶企业 2', false), ('KT-2026', 2, 'leader', '水壶企业 1', false),
           ('KT-2026', 3, 'advanced', '水壶企业 3', false), ('KT-2026', 4, 'baseline', '水壶企业 5', false),
           ('KT-2026', 5, 'baseline', '水壶企业 4', false), ('KT-2026', 6, 'baseline', '水壶企业 6', false)$$,
  'leaderboard shows the published list');
SELECT throws_ok(format('UPDATE ranking_entry SET score = 99 WHERE ranking = %s AND rank = 1', :list1), 'FR007',
  NULL, 'a published entry cannot be changed');
SELECT throws_ok(format('DELETE FROM ranking_entry WHERE ranking = %s', :list1), 'FR007', NULL,
  'published entries cannot be deleted');
SELECT throws_ok(format('UPDATE ranking SET eligible = 7 WHERE id = %s', :list1), 'FR007', NULL,
  'a published list cannot be changed');
SELECT throws_ok('DELETE FROM ranking', 'FR007', NULL, 'a published list cannot be deleted');
SELECT throws_ok('TRUNCATE ranking_entry', 'FR007', NULL, 'TRUNCATE of ranking_entry refused');
SELECT throws_ok($$SELECT publish_ranking('NOPE')$$, 'P0002', 'no evaluation plan "NOPE"', 'an unknown plan');
INSERT INTO evaluation_plan (code, agency, category, title, deadline) VALUES ('DRAFT', 'a', 'kettle', 'draft', now());
SELECT throws_ok($$SELECT publish_ranking('DRAFT')$$, 'FR007',
  'rule 7 (plan workflow): plan DRAFT is draft; only a published plan''s ranking is published',
  'a draft plan''s ranking is not published');
SELECT throws_ok($$SELECT leaders_json('DRAFT')$$, 'P0002', 'plan DRAFT has no published ranking',
  'leaders_json of a plan without a published list');

-- rule 6: revocation ------------------------------------------------------------------------
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
SELECT id, 'efficiency', CURRENT_DATE, '91.5 %' FROM fx WHERE tag = 'D5';   -- fails; D5 is not a leader
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
SELECT id, 'standby', CURRENT_DATE, '0.45 W' FROM fx WHERE tag = 'D1';      -- passes
SELECT is((SELECT count(*) FROM ranking_entry WHERE revoked_at IS NOT NULL), 0::bigint,
  'a failing check of a non-leader and a passing check of a leader revoke nothing');
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
SELECT id, 'efficiency', CURRENT_DATE, '94.0 %' FROM fx WHERE tag = 'D2';   -- fails: disclosed ≥ 96 %
SELECT results_eq(
  $$SELECT pg_temp.tag(disclosure), revoked_at = now(), revoke_reason ~ '^failing spot check \d+ sampled on .*: efficiency measured 94.0 %, disclosed ≥ 96 % \(GB/T 8170, full\)$'
    FROM ranking_entry WHERE revoked_at IS NOT NULL$$,
  $$VALUES ('D2', true, true)$$,
  'a failing spot check revokes the leader entry of that disclosure, with the reason');
SELECT results_eq($$SELECT rank, tier FROM leaderboard ORDER BY rank$$,
  $$VALUES (1, 'leader'), (2, 'leader'), (3, 'advanced'), (4, 'baseline'), (5, 'baseline'), (6, 'baseline')$$,
  'the published list is otherwise unchanged (no promotion)');
SELECT results_eq($$SELECT plan, rank, enterprise_name FROM current_leaders$$,
  $$VALUES ('KT-2026', 2, '水壶企业 1')$$, 'current_leaders leaves the revoked leader out');
SELECT is(jsonb_array_length(leaders_json('KT-2026') -> 'leaders'), 1, 'leaders_json lists one leader');
SELECT is(leaders_json('KT-2026') #>> '{leaders,0,enterprise,name}', '水壶企业 1', 'leaders_json: the leader''s name');
SELECT is(leaders_json('KT-2026') #>> '{revoked,0,rank}', '1', 'leaders_json lists the revoked entry separately');
SELECT is((SELECT count(*) FROM eligibility('KT-2026') WHERE eligible), 4::bigint,
  'the enterprises with failing checks (E2, E5) are now excluded from the live ranking');
SELECT throws_ok(format('UPDATE ranking_entry SET revoke_reason = %L WHERE ranking = %s AND rank = 1', 'again', :list1),
  'FR007', format('rule 7 (immutability): entry %s of published ranking %s cannot be changed', (SELECT id FROM fx WHERE tag = 'D2'), :list1),
  'a revoked entry is not revoked again');
SELECT matches(pg_temp.error_detail(format('UPDATE ranking_entry SET revoke_reason = %L WHERE ranking = %s AND rank = 1', 'again', :list1)),
  format('^UPDATE of ranking %s, disclosure %s \(rank 1, leader\) refused\. Its revoked_at is already set \(.+\); it is set once\.$',
         :list1, (SELECT id FROM fx WHERE tag = 'D2')),
  'the refusal says the entry and that it was revoked already');
SELECT throws_ok(format('UPDATE ranking_entry SET revoke_reason = %L WHERE ranking = %s AND rank = 2', ' ', :list1),
  'FR007', NULL, 'revocation by hand needs a reason');
SELECT alike(pg_temp.error_detail(format('UPDATE ranking_entry SET revoke_reason = %L WHERE ranking = %s AND rank = 2', ' ', :list1)),
  '% The new revoke_reason is empty.', 'the refusal says the reason is empty');

-- a later list is the current one; revocation touches only it
SELECT publish_ranking('KT-2026') AS list2 \gset
SELECT is((SELECT count(*) FROM leaderboard WHERE ranking = :list2), 4::bigint, 'leaderboard shows the latest list only');
UPDATE ranking_entry SET revoke_reason = '监管部门撤销 (test)' WHERE ranking = :list2 AND rank = 1;
SELECT results_eq(format('SELECT ranking, revoked_at = now() FROM ranking_entry WHERE revoke_reason = %L', '监管部门撤销 (test)'),
  format('VALUES (%s::bigint, true)', :list2), 'a regulator revokes an entry by hand with a reason; revoked_at is the database clock');

-- closing the plan ends "current"
UPDATE evaluation_plan SET status = 'closed' WHERE code = 'KT-2026';
SELECT is((SELECT count(*) FROM current_leaders WHERE plan = 'KT-2026'), 0::bigint, 'a closed plan has no current leaders');
SELECT throws_ok($$SELECT publish_ranking('KT-2026')$$, 'FR007', NULL, 'a closed plan gets no new list');

SELECT * FROM finish();
ROLLBACK;
