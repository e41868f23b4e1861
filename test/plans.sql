-- Evaluation plans: the workflow draft → published → closed and rule 7
-- (a published plan is immutable), plan validation at publication.  Plan P
-- requires no expert review (required_approvals 0), so it is published
-- straight from draft; the review workflow is in test/plan_review.sql.
BEGIN;
SELECT plan(29);
\ir fixtures/ranking.sql

INSERT INTO evaluation_plan (code, agency, category, title, deadline, published_at, created_at, required_approvals)
VALUES ('P', '机构甲', 'kettle', '方案', now() + interval '30 days', '2001-01-01', '2001-01-01', 0);
SELECT results_eq($$SELECT status, published_at, closed_at, created_at = now() FROM evaluation_plan WHERE code = 'P'$$,
  $$VALUES ('draft', NULL::timestamptz, NULL::timestamptz, true)$$,
  'a plan is entered as a draft; client timestamps are ignored');
SELECT throws_ok($$INSERT INTO evaluation_plan (code, agency, category, title, deadline, status)
                   VALUES ('Q', 'a', 'kettle', 't', now(), 'published')$$, 'FR007',
  'rule 7 (plan workflow): a plan is entered as a draft', 'a plan cannot be inserted as published');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P'$$, 'FR007',
  'rule 7 (plan): plan P has no core indicator', 'publication needs a core indicator');
SELECT throws_ok($$INSERT INTO plan_indicator (plan, indicator) SELECT id, 'colour' FROM evaluation_plan WHERE code = 'P'$$,
  '23503', 'indicator "colour" is not defined for category kettle', 'a core indicator must be defined for the category');
SELECT throws_ok($$INSERT INTO plan_indicator (plan, indicator) VALUES (-1, 'standby')$$, '23503', NULL,
  'a core indicator of a plan that does not exist');
SELECT throws_ok($$INSERT INTO plan_indicator (plan, indicator, leader_fraction) SELECT id, 'standby', 0 FROM evaluation_plan WHERE code = 'P'$$,
  '23514', NULL, 'a fraction must be > 0');
SELECT throws_ok($$INSERT INTO plan_indicator (plan, indicator, baseline_fraction) SELECT id, 'standby', 1.5 FROM evaluation_plan WHERE code = 'P'$$,
  '23514', NULL, 'a fraction must be <= 1');
SELECT throws_ok($$INSERT INTO plan_indicator (plan, indicator, leader_fraction, advanced_fraction) SELECT id, 'standby', 0.3, 0.2 FROM evaluation_plan WHERE code = 'P'$$,
  '23514', NULL, 'fractions must be ordered leader <= advanced <= baseline');
SELECT throws_ok($$INSERT INTO plan_indicator (plan, indicator, weight) SELECT id, 'standby', 0 FROM evaluation_plan WHERE code = 'P'$$,
  '23514', NULL, 'a weight must be positive');
SELECT throws_ok($$UPDATE evaluation_plan SET leader_cap = 0 WHERE code = 'P'$$, '23514', NULL, 'leader_cap >= 1');

INSERT INTO plan_indicator (plan, indicator, leader_cutoff) SELECT id, 'standby', '≤ 0.5 W' FROM evaluation_plan WHERE code = 'P';
SELECT results_eq($$SELECT leader_cutoff::text, leader_fraction, advanced_fraction, baseline_fraction FROM plan_indicator
                    WHERE plan = (SELECT id FROM evaluation_plan WHERE code = 'P')$$,
  $$VALUES ('≤ 0.5 W', NULL::numeric, 0.20, 0.50)$$,
  'an absolute cutoff replaces the fraction of its tier; the other tiers keep their defaults');

-- validation at publication
UPDATE plan_indicator SET advanced_cutoff = '≤ 0.4 W' WHERE plan = (SELECT id FROM evaluation_plan WHERE code = 'P');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P'$$, 'FR007',
  'rule 7 (plan): the absolute cutoffs of indicator "standby" of plan P are not nested', 'absolute cutoffs must be nested');
UPDATE plan_indicator SET advanced_cutoff = '≤ 5 dB' WHERE plan = (SELECT id FROM evaluation_plan WHERE code = 'P');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P'$$, 'FR007',
  'rule 7 (plan): a cutoff of indicator "standby" of plan P is not in a unit of ''W''', 'a cutoff in another dimension');
UPDATE plan_indicator SET advanced_cutoff = '≤ 1000 mW' WHERE plan = (SELECT id FROM evaluation_plan WHERE code = 'P');
UPDATE evaluation_plan SET style = 'best_in_market' WHERE code = 'P';
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P'$$, 'FR007',
  'rule 7 (plan): plan P is best_in_market but indicator "standby" has an absolute leader cutoff',
  'best_in_market has no absolute leader cutoff');
UPDATE evaluation_plan SET style = 'cutoffs' WHERE code = 'P';
UPDATE indicator_def SET unit = NULL WHERE category = 'kettle' AND key = 'noise';
INSERT INTO plan_indicator (plan, indicator) SELECT id, 'noise' FROM evaluation_plan WHERE code = 'P';
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P'$$, 'FR007',
  'rule 7 (plan): core indicator "noise" of plan P has no unit', 'a core indicator needs a unit');
UPDATE plan_indicator SET unit = 'dB' WHERE indicator = 'noise' AND plan = (SELECT id FROM evaluation_plan WHERE code = 'P');

UPDATE evaluation_plan SET status = 'published', published_at = '2001-01-01' WHERE code = 'P';
SELECT results_eq($$SELECT status, published_at = now() FROM evaluation_plan WHERE code = 'P'$$,
  $$VALUES ('published', true)$$, 'publication stamps published_at with the database clock');

-- rule 7: immutability
SELECT throws_ok($$UPDATE evaluation_plan SET title = 'changed' WHERE code = 'P'$$, 'FR007',
  'rule 7 (immutability): published plan P cannot be changed', 'a published plan''s title cannot change');
SELECT throws_ok($$UPDATE evaluation_plan SET deadline = deadline + interval '1 day' WHERE code = 'P'$$, 'FR007', NULL,
  'a published plan''s deadline cannot change');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'draft' WHERE code = 'P'$$, 'FR007', NULL,
  'a published plan does not go back to draft');
SELECT throws_ok($$UPDATE plan_indicator SET weight = 3 WHERE plan = (SELECT id FROM evaluation_plan WHERE code = 'P')$$, 'FR007', NULL,
  'core indicators of a published plan cannot change');
SELECT throws_ok($$INSERT INTO plan_indicator (plan, indicator) SELECT id, 'efficiency' FROM evaluation_plan WHERE code = 'P'$$, 'FR007', NULL,
  'core indicators cannot be added to a published plan');
SELECT throws_ok($$DELETE FROM plan_indicator WHERE plan = (SELECT id FROM evaluation_plan WHERE code = 'P')$$, 'FR007', NULL,
  'core indicators of a published plan cannot be deleted');
SELECT throws_ok($$DELETE FROM evaluation_plan WHERE code = 'P'$$, 'FR007', NULL, 'a published plan cannot be deleted');
SELECT throws_ok($$TRUNCATE evaluation_plan CASCADE$$, 'FR007', NULL, 'TRUNCATE of plans refused');
SELECT lives_ok($$UPDATE evaluation_plan SET title = title WHERE code = 'P'$$, 'a no-op UPDATE of a published plan is accepted');

UPDATE evaluation_plan SET status = 'closed', closed_at = '2001-01-01' WHERE code = 'P';
SELECT results_eq($$SELECT status, closed_at = now() FROM evaluation_plan WHERE code = 'P'$$,
  $$VALUES ('closed', true)$$, 'closing stamps closed_at with the database clock');
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'published' WHERE code = 'P'$$, 'FR007',
  'rule 7 (immutability): closed plan P cannot be changed', 'a closed plan is final');

INSERT INTO evaluation_plan (code, agency, category, title, deadline) VALUES ('D', 'a', 'kettle', 't', now());
SELECT throws_ok($$UPDATE evaluation_plan SET status = 'closed' WHERE code = 'D'$$, 'FR007',
  'rule 7 (plan workflow): draft plan D cannot be closed', 'a draft is not closed');
DELETE FROM evaluation_plan WHERE code = 'D';
SELECT is((SELECT count(*) FROM evaluation_plan WHERE code = 'D'), 0::bigint, 'a draft plan can be deleted');

SELECT * FROM finish();
ROLLBACK;
