-- The regulator's review policy (review_policy, review_minimum()) and the
-- paths round expert review that 0.1.0 left open, tried by each role: an
-- agency login, an enterprise login, a regulator login and the superuser.
--   1. only a regulator writes the policy (grants, and row-level security
--      when a DBA grants more);
--   2. no plan asks for less review than the minimum — 0.1.0: an agency
--      inserted its own plan with required_approvals 0 and notice_days 0,
--      published it straight from draft and published its ranking;
--   3. the numbers never go down once a review round has started;
--   4. a rejection stays open across the return to draft until the same
--      reviewer approves or a regulator clears it — 0.1.0: back to draft,
--      resubmitted, published over the rejection;
--   5. the minimum in force at publication counts (raised during a review).
BEGIN;
SELECT plan(64);
\ir fixtures/registry.sql
\ir fixtures/ranking.sql

CREATE TEMP TABLE grants AS SELECT * FROM setup_roles();
CREATE ROLE fr_p_regulator IN ROLE frontrunner_regulator;
CREATE ROLE fr_p_agency IN ROLE frontrunner_agency;
CREATE ROLE fr_p_ent IN ROLE frontrunner_enterprise;
INSERT INTO account (role, agency) VALUES ('fr_p_agency', '机构甲');
INSERT INTO account (role, enterprise) VALUES ('fr_p_ent', '91110108558521630L');


-- as role r, run sql: its SQLSTATE, or 'ok'
CREATE FUNCTION pg_temp.as_role(r name, sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  EXECUTE format('SET LOCAL SESSION AUTHORIZATION %I', r);
  BEGIN
    EXECUTE sql;
    st := 'ok';
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
  END;
  RESET SESSION AUTHORIZATION;
  RETURN st;
END $$;

CREATE FUNCTION pg_temp.plan_sql(code text, agency text, approvals int, days int) RETURNS text LANGUAGE sql AS $$
  SELECT format($f$INSERT INTO frontrunner.evaluation_plan (code, agency, category, title, deadline, required_approvals, notice_days)
                    VALUES (%L, %L, 'textile-b', '方案 ' || %L, now() + interval '30 days', %s, %s)$f$, code, agency, code, approvals, days)
$$;
CREATE FUNCTION pg_temp.pid(c text) RETURNS bigint LANGUAGE sql AS $$ SELECT id FROM frontrunner.evaluation_plan WHERE code = c $$;
CREATE FUNCTION pg_temp.review(c text, who text, v text, note text DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
  INSERT INTO frontrunner.plan_review (plan, reviewer, verdict, comments) VALUES (pg_temp.pid(c), who, v, note)
$$;

-- 1. the policy: read by everyone, written by a regulator only -------------------------------
SELECT is((SELECT min_approvals || '/' || min_notice_days || ' ' || policy FROM review_minimum('textile-b')),
  '3/0 the built-in minimum (no row in review_policy)', 'no policy row: 3 approvals, no notice');
SELECT is(pg_temp.as_role('fr_p_agency', $$INSERT INTO frontrunner.review_policy (category, min_approvals, min_notice_days) VALUES ('textile-b', 0, 0)$$),
  '42501', 'agency: cannot insert a policy');
SELECT is(pg_temp.as_role('fr_p_ent', $$INSERT INTO frontrunner.review_policy (category, min_approvals, min_notice_days) VALUES ('textile-b', 0, 0)$$),
  '42501', 'enterprise: cannot insert a policy');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.review_policy SET min_approvals = 0$$),
  '42501', 'agency: cannot update the policy');
SELECT is(pg_temp.as_role('fr_p_agency', $$DELETE FROM frontrunner.review_policy$$),
  '42501', 'agency: cannot delete the policy');
SELECT is(pg_temp.as_role('fr_p_ent', $$DELETE FROM frontrunner.review_policy$$),
  '42501', 'enterprise: cannot delete the policy');
SELECT is(pg_temp.as_role('fr_p_agency', $$SELECT count(*) FROM frontrunner.review_policy$$), 'ok', 'agency: reads the policy');
SELECT is(pg_temp.as_role('fr_p_ent', $$SELECT count(*) FROM frontrunner.review_policy$$), 'ok', 'enterprise: reads the policy');
SELECT is(pg_temp.as_role('fr_p_regulator', $$INSERT INTO frontrunner.review_policy (category, min_approvals, min_notice_days, note, set_by, set_at)
                                              VALUES (NULL, 2, 5, '公告 2026-1', 'somebody', '2001-01-01')$$),
  'ok', 'regulator: sets the default minimum');
SELECT results_eq($$SELECT category, min_approvals, min_notice_days, set_by = 'fr_p_regulator', set_at = now() FROM review_policy WHERE category IS NULL$$,
  $$VALUES (NULL::text, 2, 5, true, true)$$, 'the row is stamped by the database (who and when)');
SELECT is((SELECT min_approvals || '/' || min_notice_days FROM review_minimum('textile-b')), '2/5', 'the default row applies to textile-b');
SELECT is((SELECT min_approvals || '/' || min_notice_days FROM review_minimum('kettle')), '0/0', 'a category''s own row wins over the default');
SELECT throws_ok($$INSERT INTO review_policy (category, min_approvals, min_notice_days) VALUES (NULL, 1, 1)$$, '23505', NULL,
  'one default row at most (UNIQUE NULLS NOT DISTINCT)');
SELECT throws_ok($$INSERT INTO review_policy (category, min_approvals, min_notice_days) VALUES ('textile-b', -1, 0)$$, '23514', NULL,
  'min_approvals >= 0');
-- a DBA who grants more does not open the table: row-level security holds
GRANT INSERT, UPDATE, DELETE ON review_policy TO frontrunner_agency;
SELECT is(pg_temp.as_role('fr_p_agency', $$INSERT INTO frontrunner.review_policy (category, min_approvals, min_notice_days) VALUES ('textile-b', 0, 0)$$),
  '42501', 'agency with INSERT granted: refused by row-level security');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.review_policy SET min_approvals = 0 RETURNING 1$$),
  'ok', 'agency with UPDATE granted: the statement runs ...');
SELECT is((SELECT min_approvals FROM review_policy WHERE category IS NULL), 2, '... but changes no row (row-level security)');
REVOKE INSERT, UPDATE, DELETE ON review_policy FROM frontrunner_agency;
UPDATE review_policy SET min_notice_days = 0 WHERE category IS NULL;  -- 2 approvals, no notice from here on

-- 2. no plan below the minimum (0.1.0's bypass) ---------------------------------------------------
SELECT is(pg_temp.as_role('fr_p_agency', pg_temp.plan_sql('BYPASS', '机构甲', 0, 0)), 'FR007',
  'agency: its own plan with 0 approvals and 0 notice days is refused (0.1.0 accepted it, published it and its ranking)');
SELECT is(pg_temp.as_role('fr_p_regulator', pg_temp.plan_sql('BYPASS', '机构甲', 0, 0)), 'FR007',
  'regulator: a plan below the minimum is refused too (the regulator lowers the minimum instead)');
SELECT throws_ok(pg_temp.plan_sql('BYPASS', '机构甲', 1, 0), 'FR007',
  'rule 7 (review policy): plan BYPASS asks for less review than the regulator''s minimum',
  'superuser: refused too');
SELECT is(pg_temp.as_role('fr_p_ent', pg_temp.plan_sql('BYPASS', '机构甲', 3, 0)), '42501', 'enterprise: writes no plan at all');
SELECT is(pg_temp.as_role('fr_p_agency', pg_temp.plan_sql('P1', '机构甲', 2, 0)), 'ok', 'agency: a plan at the minimum is entered');
SELECT is(pg_temp.as_role('fr_p_agency', $$INSERT INTO frontrunner.plan_indicator (plan, indicator)
                                           SELECT id, 'formaldehyde' FROM frontrunner.evaluation_plan WHERE code = 'P1'$$),
  'ok', 'agency: its core indicator');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET required_approvals = 0, notice_days = 0 WHERE code = 'P1'$$),
  'FR007', 'agency: a draft is not lowered below the minimum');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET status = 'published' WHERE code = 'P1'$$),
  'FR007', 'agency: a draft requiring review is not published straight from draft');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET status = 'published', required_approvals = 0 WHERE code = 'P1'$$),
  'FR007', 'agency: nor by lowering and publishing in one UPDATE');
SELECT is(pg_temp.as_role('fr_p_regulator', $$UPDATE frontrunner.evaluation_plan SET required_approvals = 1 WHERE code = 'P1'$$),
  'FR007', 'regulator: lowering below the minimum is refused');
SELECT throws_ok($$UPDATE evaluation_plan SET required_approvals = 1 WHERE code = 'P1'$$, 'FR007', NULL, 'superuser: refused');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET category = 'water' WHERE code = 'P1'$$),
  'ok', 'agency: moving the draft to another category applies that category''s minimum (the default here)');
UPDATE evaluation_plan SET category = 'textile-b' WHERE code = 'P1';
SELECT is(pg_temp.as_role('fr_p_agency', $$SELECT frontrunner.publish_ranking('P1')$$), 'FR007',
  'agency: no ranking of an unpublished plan');
SELECT is((SELECT count(*) FROM evaluation_plan WHERE code = 'BYPASS'), 0::bigint, 'the bypass plan was never entered');

-- 3. the numbers never go down once a review round has started ----------------------------------
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET required_approvals = 4, notice_days = 3 WHERE code = 'P1'$$),
  'ok', 'agency: raises its numbers in the draft');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET status = 'under_review' WHERE code = 'P1'$$),
  'ok', 'agency: submits the plan (round 1)');
SELECT pg_temp.review('P1', '专家甲', 'reject', '指标选择不当');
SELECT pg_temp.review('P1', '专家乙', 'approve');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET status = 'draft' WHERE code = 'P1'$$),
  'ok', 'agency: takes the rejected plan back to draft');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET required_approvals = 2 WHERE code = 'P1'$$),
  'FR007', 'agency: cannot lower required_approvals after the review started (still above the minimum)');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET notice_days = 0 WHERE code = 'P1'$$),
  'FR007', 'agency: cannot lower notice_days after the review started');
SELECT is(pg_temp.as_role('fr_p_regulator', $$UPDATE frontrunner.evaluation_plan SET required_approvals = 2 WHERE code = 'P1'$$),
  'FR007', 'regulator: cannot lower them either');
SELECT throws_ok($$UPDATE evaluation_plan SET required_approvals = 2 WHERE code = 'P1'$$, 'FR007',
  'rule 7 (review policy): the review plan P1 asks for cannot be lowered once its review has started', 'superuser: refused');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET required_approvals = 0, notice_days = 0, status = 'published' WHERE code = 'P1'$$),
  'FR007', 'agency: 0.1.0''s way round the rejection (0/0, published from draft) is refused');
SELECT results_eq($$SELECT status, required_approvals, notice_days FROM evaluation_plan WHERE code = 'P1'$$,
  $$VALUES ('draft', 4, 3)$$, 'the plan is still a draft asking for 4 approvals and 3 days');

-- 4. a rejection survives the return to draft ------------------------------------------------------
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET status = 'under_review' WHERE code = 'P1'$$),
  'ok', 'agency: resubmits (round 2)');
SELECT results_eq($$SELECT reviewer, round FROM plan_open_rejections(pg_temp.pid('P1'))$$, $$VALUES ('专家甲', 1)$$,
  'the round-1 rejection is open in round 2');
SELECT pg_temp.review('P1', v, 'approve') FROM unnest(ARRAY['专家乙', '专家丙', '专家丁', '专家戊']) v;
SET LOCAL session_replication_role = replica;  -- the notice started 4 days ago (as a restore writes it)
UPDATE evaluation_plan SET review_started_at = now() - interval '4 days', notice_ends_at = now() - interval '1 day' WHERE code = 'P1';
SET LOCAL session_replication_role = origin;
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET status = 'published' WHERE code = 'P1'$$),
  'FR007', 'agency: four approvals in round 2 do not outweigh the open round-1 rejection (0.1.0 published here)');
SELECT is(pg_temp.as_role('fr_p_regulator', $$UPDATE frontrunner.evaluation_plan SET status = 'published' WHERE code = 'P1'$$),
  'FR007', 'regulator: nor when a regulator publishes');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P1'$$, 'FR007',
  'rule 7 (plan review): plan P1 has an open rejection', 'superuser: nor the superuser');
SELECT is(pg_temp.as_role('fr_p_agency', format($$INSERT INTO frontrunner.plan_review (plan, reviewer, verdict, comments)
                                                  VALUES (%s, '专家甲', 'clear', '已处理')$$, pg_temp.pid('P1'))),
  '42501', 'agency: cannot clear the rejection of its plan');
SELECT is(pg_temp.as_role('fr_p_ent', format($$INSERT INTO frontrunner.plan_review (plan, reviewer, verdict, comments)
                                               VALUES (%s, '专家甲', 'clear', '已处理')$$, pg_temp.pid('P1'))),
  '42501', 'enterprise: cannot clear a rejection');
SELECT is(pg_temp.as_role('fr_p_regulator', format($$INSERT INTO frontrunner.plan_review (plan, reviewer, verdict)
                                                     VALUES (%s, '专家甲', 'clear')$$, pg_temp.pid('P1'))),
  '23514', 'regulator: a clear needs a reason');
SELECT is(pg_temp.as_role('fr_p_regulator', format($$INSERT INTO frontrunner.plan_review (plan, reviewer, verdict, comments)
                                                     VALUES (%s, '专家乙', 'clear', '无')$$, pg_temp.pid('P1'))),
  'FR007', 'regulator: a clear names a reviewer with an open rejection');
SELECT is(pg_temp.as_role('fr_p_regulator', format($$INSERT INTO frontrunner.plan_review (plan, reviewer, verdict, comments)
                                                     VALUES (%s, '专家甲', 'clear', '专家甲已退出评审组，意见已由评审组复核')$$, pg_temp.pid('P1'))),
  'ok', 'regulator: clears 专家甲''s rejection, with the reason');
SELECT results_eq($$SELECT verdict, round, recorded_by = 'fr_p_regulator' FROM plan_review WHERE plan = pg_temp.pid('P1') AND verdict = 'clear'$$,
  $$VALUES ('clear', 2, true)$$, 'the clear is on record: round, who');
SELECT is_empty($$SELECT * FROM plan_open_rejections(pg_temp.pid('P1'))$$, 'no open rejection left');
SELECT is(pg_temp.as_role('fr_p_agency', $$UPDATE frontrunner.evaluation_plan SET status = 'published' WHERE code = 'P1'$$),
  'ok', 'agency: publishes the plan (4 approvals, notice over, rejection cleared)');
SELECT is(pg_temp.as_role('fr_p_regulator', format($$INSERT INTO frontrunner.plan_review (plan, reviewer, verdict, comments)
                                                     VALUES (%s, '专家甲', 'clear', 'x')$$, pg_temp.pid('P1'))),
  'FR007', 'regulator: nothing to clear on a published plan');

-- the same reviewer's later approval closes a rejection (any later round)
SELECT is(pg_temp.as_role('fr_p_agency', pg_temp.plan_sql('P2', '机构甲', 2, 0)), 'ok', 'agency: plan P2');
INSERT INTO plan_indicator (plan, indicator) VALUES (pg_temp.pid('P2'), 'formaldehyde');
UPDATE evaluation_plan SET status = 'under_review' WHERE code = 'P2';
SELECT pg_temp.review('P2', '专家甲', 'reject', '缺少 pH 值');
UPDATE evaluation_plan SET status = 'draft' WHERE code = 'P2';
INSERT INTO plan_indicator (plan, indicator, unit) VALUES (pg_temp.pid('P2'), 'ph', '');
UPDATE evaluation_plan SET status = 'under_review' WHERE code = 'P2';
SELECT pg_temp.review('P2', '专家乙', 'approve');
SELECT pg_temp.review('P2', '专家丙', 'approve');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P2'$$, 'FR007',
  'rule 7 (plan review): plan P2 has an open rejection', 'round 2 approvals, round-1 rejection open: refused');
SELECT pg_temp.review('P2', '专家甲', 'approve', '已补充');
SELECT lives_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P2'$$,
  'the rejecting reviewer approves in round 2: published');

-- 5. the minimum in force at publication ------------------------------------------------------------
SELECT is(pg_temp.as_role('fr_p_agency', pg_temp.plan_sql('P3', '机构甲', 2, 0)), 'ok', 'agency: plan P3 at the minimum (2, 0)');
INSERT INTO plan_indicator (plan, indicator) VALUES (pg_temp.pid('P3'), 'formaldehyde');
UPDATE evaluation_plan SET status = 'under_review' WHERE code = 'P3';
SELECT pg_temp.review('P3', '专家甲', 'approve');
SELECT pg_temp.review('P3', '专家乙', 'approve');
SELECT is(pg_temp.as_role('fr_p_regulator', $$UPDATE frontrunner.review_policy SET min_approvals = 3, min_notice_days = 2 WHERE category IS NULL$$),
  'ok', 'regulator: raises the default minimum to 3 approvals and 2 days while P3 is under review');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P3'$$, 'FR007',
  'rule 7 (plan review): plan P3 has 2 of the 3 approvals it requires', 'publication counts the raised minimum of approvals');
SELECT pg_temp.review('P3', '专家丙', 'approve');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P3'$$, 'FR007',
  format('rule 7 (public notice): plan P3 is in its public notice period until %s', now() + interval '2 days'),
  'and the raised minimum notice');
SELECT is(pg_temp.as_role('fr_p_regulator', $$UPDATE frontrunner.review_policy SET min_notice_days = 0 WHERE category IS NULL$$),
  'ok', 'regulator: lowers the minimum notice');
SELECT lives_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P3'$$, 'then P3 is published');
SELECT is(pg_temp.as_role('fr_p_agency', $$SELECT frontrunner.publish_ranking('P3') IS NOT NULL$$), 'ok',
  'agency: publishes the ranking of its reviewed plan');

SELECT * FROM finish();
ROLLBACK;
