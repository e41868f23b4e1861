-- Expert review of evaluation plans: draft →
-- under_review → published, approvals counted per review round (the latest
-- verdict of each reviewer), open rejections, the public notice period, and
-- who may record reviews.
BEGIN;
SELECT plan(53);
\ir fixtures/registry.sql
\ir fixtures/ranking.sql

CREATE FUNCTION pg_temp.pid(c text) RETURNS bigint LANGUAGE sql AS $$ SELECT id FROM frontrunner.evaluation_plan WHERE code = c $$;
CREATE FUNCTION pg_temp.review(c text, who text, v text, note text DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
  INSERT INTO frontrunner.plan_review (plan, reviewer, verdict, comments) VALUES (pg_temp.pid(c), who, v, note)
$$;

INSERT INTO evaluation_plan (code, agency, category, title, deadline) VALUES ('R', '机构甲', 'kettle', '方案 R', now() + interval '30 days');
SELECT results_eq($$SELECT status, required_approvals, notice_days, review_round, review_started_at, notice_ends_at FROM evaluation_plan WHERE code = 'R'$$,
  $$VALUES ('draft', 3, 0, 0, NULL::timestamptz, NULL::timestamptz)$$,
  'a new plan is a draft requiring 3 approvals, no notice period, no review round yet');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'R'$$, 'FR007',
  'rule 7 (plan review): plan R must be reviewed before it is published', 'a plan requiring approvals is not published straight from draft');
SELECT throws_ok($$SELECT pg_temp.review('R', '专家甲', 'approve')$$, 'FR007',
  'rule 7 (plan review): plan R is not under review', 'a draft is not reviewed');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'under_review' WHERE code = 'R'$$, 'FR007',
  'rule 7 (plan): plan R has no core indicator', 'submission runs the publication checks');
SELECT throws_ok($$UPDATE evaluation_plan SET required_approvals = -1 WHERE code = 'R'$$, '23514', NULL, 'required_approvals >= 0');
SELECT throws_ok($$UPDATE evaluation_plan SET notice_days = -1 WHERE code = 'R'$$, '23514', NULL, 'notice_days >= 0');
INSERT INTO plan_indicator (plan, indicator) SELECT pg_temp.pid('R'), 'standby';

-- submission
UPDATE evaluation_plan SET status = 'under_review', review_round = 7, review_started_at = '2001-01-01', notice_ends_at = '2001-01-01' WHERE code = 'R';
SELECT results_eq($$SELECT status, review_round, review_started_at = now(), notice_ends_at = now(), published_at FROM evaluation_plan WHERE code = 'R'$$,
  $$VALUES ('under_review', 1, true, true, NULL::timestamptz)$$,
  'submission opens review round 1 and the notice (database clock; client values ignored)');

-- a plan under review is frozen
SELECT throws_ok($$UPDATE evaluation_plan SET title = 'changed' WHERE code = 'R'$$, 'FR007',
  'rule 7 (immutability): under_review plan R cannot be changed', 'the title of a plan under review cannot change');
SELECT throws_ok($$UPDATE evaluation_plan SET required_approvals = 0 WHERE code = 'R'$$, 'FR007', NULL,
  'the approvals required cannot be lowered during the review');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published', required_approvals = 0 WHERE code = 'R'$$, 'FR007', NULL,
  'nor in the publishing UPDATE');
SELECT throws_ok($$INSERT INTO plan_indicator (plan, indicator) SELECT pg_temp.pid('R'), 'efficiency'$$, 'FR007', NULL,
  'core indicators of a plan under review cannot be added');
SELECT throws_ok($$DELETE FROM evaluation_plan WHERE code = 'R'$$, 'FR007', NULL, 'a plan under review cannot be deleted');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'closed' WHERE code = 'R'$$, 'FR007',
  'rule 7 (plan workflow): plan R under review cannot be closed', 'a plan under review is not closed');
SELECT throws_ok($$SELECT publish_ranking('R')$$, 'FR007', NULL, 'a plan under review gets no published ranking');
SELECT lives_ok($$UPDATE evaluation_plan SET title = title WHERE code = 'R'$$, 'a no-op UPDATE of a plan under review is accepted');

-- approvals
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'R'$$, 'FR007',
  'rule 7 (plan review): plan R has 0 of the 3 approvals it requires', 'no approval yet');
INSERT INTO plan_review (plan, reviewer, verdict, round, reviewed_at, recorded_by)
VALUES (pg_temp.pid('R'), '专家甲', 'approve', 99, '2001-01-01', 'somebody');
SELECT results_eq($$SELECT round, reviewed_at = now(), recorded_by = current_user FROM plan_review WHERE plan = pg_temp.pid('R')$$,
  $$VALUES (1, true, true)$$, 'a verdict is stamped with the round, the database clock and current_user');
SELECT pg_temp.review('R', '专家甲', 'approve', 'again');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'R'$$, 'FR007',
  'rule 7 (plan review): plan R has 1 of the 3 approvals it requires', 'two approvals by the same reviewer count once');
SELECT throws_ok($$SELECT pg_temp.review('R', '专家乙', 'reject')$$, '23514', NULL, 'a rejection needs comments');
SELECT throws_ok($$SELECT pg_temp.review('R', '专家乙', 'maybe')$$, '23514', NULL, 'a verdict is approve or reject');
SELECT throws_ok($$SELECT pg_temp.review('R', ' ', 'approve')$$, '23514', NULL, 'a reviewer has a name');
SELECT pg_temp.review('R', '专家乙', 'reject', '权重无依据');
SELECT pg_temp.review('R', '专家丙', 'approve');
SELECT pg_temp.review('R', '专家丁', 'approve');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'R'$$, 'FR007',
  'rule 7 (plan review): plan R has an open rejection', 'three approvals do not outweigh an open rejection');
SELECT results_eq($$SELECT reviewer, verdict FROM plan_review_state(pg_temp.pid('R')) ORDER BY reviewer$$,
  $$VALUES ('专家丁', 'approve'), ('专家丙', 'approve'), ('专家乙', 'reject'), ('专家甲', 'approve')$$,
  'plan_review_state(): the standing verdict of each reviewer');
SELECT throws_ok($$UPDATE plan_review SET verdict = 'approve' WHERE reviewer = '专家乙'$$, 'FR007', NULL, 'a verdict cannot be changed');
SELECT throws_ok($$DELETE FROM plan_review WHERE reviewer = '专家乙'$$, 'FR007', NULL, 'a verdict cannot be deleted');
SELECT throws_ok($$TRUNCATE plan_review$$, 'FR007', NULL, 'plan_review cannot be truncated');
SELECT pg_temp.review('R', '专家乙', 'approve', '依据已补充');
UPDATE evaluation_plan SET status = 'published', published_at = '2001-01-01' WHERE code = 'R';
SELECT results_eq($$SELECT status, published_at = now(), review_round FROM evaluation_plan WHERE code = 'R'$$,
  $$VALUES ('published', true, 1)$$, 'the rejecting reviewer''s later approval closes the rejection: published, stamped by the database');
SELECT throws_ok($$SELECT pg_temp.review('R', '专家戊', 'approve')$$, 'FR007',
  'rule 7 (plan review): plan R is not under review', 'a published plan takes no more verdicts');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'under_review' WHERE code = 'R'$$, 'FR007', NULL,
  'a published plan does not go back under review');

-- a rejection and a new round
INSERT INTO evaluation_plan (code, agency, category, title, deadline, required_approvals)
VALUES ('R2', '机构甲', 'kettle', '方案 R2', now() + interval '30 days', 1);
INSERT INTO plan_indicator (plan, indicator) SELECT pg_temp.pid('R2'), 'standby';
UPDATE evaluation_plan SET status = 'under_review' WHERE code = 'R2';
SELECT pg_temp.review('R2', '专家甲', 'reject', '缺少能效指标');
SELECT pg_temp.review('R2', '专家乙', 'approve');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'R2'$$, 'FR007',
  'rule 7 (plan review): plan R2 has an open rejection', 'an open rejection blocks publication');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'draft', title = 'x' WHERE code = 'R2'$$, 'FR007', NULL,
  'going back to draft and editing are two steps');
UPDATE evaluation_plan SET status = 'draft' WHERE code = 'R2';
SELECT results_eq($$SELECT status, review_round, review_started_at, notice_ends_at FROM evaluation_plan WHERE code = 'R2'$$,
  $$VALUES ('draft', 1, NULL::timestamptz, NULL::timestamptz)$$, 'a plan under review goes back to draft (editable again)');
SELECT lives_ok($$INSERT INTO plan_indicator (plan, indicator) SELECT pg_temp.pid('R2'), 'efficiency'$$, 'the draft is amended');
SELECT throws_ok($$DELETE FROM evaluation_plan WHERE code = 'R2'$$, '23503', NULL,
  'a plan with recorded reviews cannot be deleted (the reviews are kept)');
UPDATE evaluation_plan SET status = 'under_review' WHERE code = 'R2';
SELECT is((SELECT review_round FROM evaluation_plan WHERE code = 'R2'), 2, 'resubmission opens round 2');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'R2'$$, 'FR007',
  'rule 7 (plan review): plan R2 has 0 of the 1 approvals it requires', 'round 1 verdicts (the approval too) do not count in round 2');
SELECT is((SELECT count(*) FROM plan_review_state(pg_temp.pid('R2'))), 0::bigint, 'no standing verdict in the new round');
SELECT pg_temp.review('R2', '专家丙', 'approve');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'R2'$$, 'FR007',
  'rule 7 (plan review): plan R2 has an open rejection',
  'round 2 has its approval, but the round-1 rejection survived the return to draft (0.1.0 published here)');
SELECT results_eq($$SELECT reviewer, round FROM plan_open_rejections(pg_temp.pid('R2'))$$, $$VALUES ('专家甲', 1)$$,
  'plan_open_rejections(): 专家甲''s rejection of round 1 is open in round 2');
SELECT pg_temp.review('R2', '专家甲', 'approve', '已增加能效指标');
SELECT lives_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'R2'$$,
  'round 2: the rejecting reviewer approves the amended plan: published');
SELECT is((SELECT count(*) FROM plan_review WHERE plan = pg_temp.pid('R2')), 4::bigint, 'every verdict of both rounds is on record');

-- the public notice period
INSERT INTO evaluation_plan (code, agency, category, title, deadline, required_approvals, notice_days)
VALUES ('N', '机构甲', 'kettle', '方案 N', now() + interval '30 days', 0, 7);
INSERT INTO plan_indicator (plan, indicator) SELECT pg_temp.pid('N'), 'standby';
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'N'$$, 'FR007',
  'rule 7 (plan review): plan N must be reviewed before it is published', 'a plan with a notice period is not published straight from draft');
UPDATE evaluation_plan SET status = 'under_review' WHERE code = 'N';
SELECT is((SELECT notice_ends_at FROM evaluation_plan WHERE code = 'N'), now() + interval '7 days',
  'notice_ends_at = review_started_at + notice_days');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'N'$$, 'FR007',
  format('rule 7 (public notice): plan N is in its public notice period until %s', now() + interval '7 days'),
  'publication during the notice period is refused');
-- the notice started 8 days ago, written as a restore writes it (triggers off)
SET LOCAL session_replication_role = replica;
UPDATE evaluation_plan SET review_started_at = now() - interval '8 days', notice_ends_at = now() - interval '1 day' WHERE code = 'N';
SET LOCAL session_replication_role = origin;
SELECT lives_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'N'$$, 'after the notice period the plan is published');
SELECT results_eq($$SELECT review_started_at = now() - interval '8 days', published_at = now() FROM evaluation_plan WHERE code = 'N'$$,
  $$VALUES (true, true)$$, 'the published plan keeps the start of its notice');

-- who records reviews (roles from setup_roles())
CREATE TEMP TABLE grants AS SELECT * FROM setup_roles();
CREATE ROLE fr_r_regulator IN ROLE frontrunner_regulator;
CREATE ROLE fr_r_agency IN ROLE frontrunner_agency;
CREATE ROLE fr_r_ent IN ROLE frontrunner_enterprise;
CREATE ROLE fr_r_reader IN ROLE frontrunner_reader;
INSERT INTO account (role, agency) VALUES ('fr_r_agency', '机构甲');
INSERT INTO evaluation_plan (code, agency, category, title, deadline, required_approvals)
VALUES ('A', '机构甲', 'kettle', '方案 A', now() + interval '30 days', 1);
INSERT INTO plan_indicator (plan, indicator) SELECT pg_temp.pid('A'), 'standby';
SET SESSION AUTHORIZATION fr_r_agency;
SELECT lives_ok($$UPDATE evaluation_plan SET status = 'under_review' WHERE code = 'A'$$, 'the agency submits its own plan for review');
SELECT throws_ok($$INSERT INTO plan_review (plan, reviewer, verdict) SELECT id, '自己人', 'approve' FROM evaluation_plan WHERE code = 'A'$$,
  '42501', NULL, 'the agency cannot record a review of its own plan');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fr_r_ent;
SELECT throws_ok($$INSERT INTO plan_review (plan, reviewer, verdict) SELECT id, 'x', 'approve' FROM evaluation_plan WHERE code = 'A'$$,
  '42501', NULL, 'an enterprise cannot record a review');
SELECT is((SELECT status FROM evaluation_plan WHERE code = 'A'), 'under_review', 'a plan under review is public (notice): the enterprise reads it');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fr_r_regulator;
SELECT lives_ok($$INSERT INTO plan_review (plan, reviewer, verdict) SELECT id, '专家甲', 'approve' FROM evaluation_plan WHERE code = 'A'$$,
  'the regulator records the experts'' verdicts');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fr_r_ent;
SELECT is((SELECT count(*) FROM plan_review WHERE plan = pg_temp.pid('A')), 1::bigint, 'the enterprise reads the reviews of a plan under review');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fr_r_agency;
SELECT lives_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'A'$$, 'the agency publishes its reviewed plan');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
