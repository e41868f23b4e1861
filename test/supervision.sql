-- Social supervision: reports (feedback) filed
-- by the public and enterprises, the workflow received → under_review →
-- substantiated | unsubstantiated moved only by the regulator, the checks on
-- what a report is about, spot-check requests, and that reports never change
-- a disclosure.
BEGIN;
SELECT plan(61);
\ir fixtures/registry.sql
\ir fixtures/ranking.sql

CREATE TEMP TABLE grants AS SELECT * FROM setup_roles();
CREATE ROLE fr_s_regulator IN ROLE frontrunner_regulator;
CREATE ROLE fr_s_ent IN ROLE frontrunner_enterprise;
CREATE ROLE fr_s_reader IN ROLE frontrunner_reader;
CREATE ROLE fr_s_agency IN ROLE frontrunner_agency;
CREATE ROLE fr_s_bypass BYPASSRLS;
INSERT INTO account (role, enterprise) VALUES ('fr_s_ent', '91110108558521630L');
INSERT INTO account (role, agency) VALUES ('fr_s_agency', '示例评估机构');
GRANT USAGE ON SCHEMA frontrunner TO fr_s_bypass;
GRANT SELECT, UPDATE ON feedback TO fr_s_bypass;
GRANT SELECT ON fx TO PUBLIC;
CREATE TEMP TABLE ids (tag text PRIMARY KEY, id bigint);
GRANT SELECT, INSERT ON ids TO PUBLIC;
-- what the disclosures look like before any report
CREATE TEMP TABLE before AS
  SELECT (SELECT jsonb_agg(to_jsonb(d) ORDER BY d.id) FROM disclosure d) AS d,
         (SELECT jsonb_agg(to_jsonb(i) ORDER BY i.disclosure, i.indicator) FROM disclosed_indicator i) AS i,
         (SELECT count(*) FROM disclosure_event) AS events;

-- filing: the public (reader) ----------------------------------------------------------
SET SESSION AUTHORIZATION fr_s_reader;
WITH x AS (
  INSERT INTO feedback (reporter_kind, disclosure, indicator, measured, body, received_at, filed_by)
  SELECT 'anonymous', id, 'standby', '0.8 W', '实测待机功率高于声明', '2001-01-01', 'somebody' FROM fx WHERE tag = 'D1'
  RETURNING id)
INSERT INTO ids SELECT 'anon', id FROM x;
SELECT results_eq($$SELECT f.status, f.enterprise::text, f.measured_conforms, f.filed_by::text COLLATE "default", f.received_at = now(),
                           f.reviewed_at, f.decided_at
                    FROM feedback f WHERE f.id = (SELECT id FROM ids WHERE tag = 'anon')$$,
  $$VALUES ('received', uscc_complete('91110108MA0000001')::text, false, 'fr_s_reader', true, NULL::timestamptz, NULL::timestamptz)$$,
  'the public files an anonymous report: received, enterprise from the disclosure, measured value judged, filer and time from the database');
WITH x AS (
  INSERT INTO feedback (reporter_kind, reporter, enterprise, body)
  VALUES ('consumer', '张三 138xxxx', uscc_complete('91110108MA0000003'), '说明书与铭牌不一致')
  RETURNING id)
INSERT INTO ids SELECT 'consumer', id FROM x;
SELECT is((SELECT count(*) FROM feedback), 2::bigint, 'the filer reads the reports it filed');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, reporter, body, enterprise) VALUES ('anonymous', '李四', 'x', '91110108558521630L')$$,
  '23514', NULL, 'an anonymous report names no reporter');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, enterprise) VALUES ('consumer', 'x', '91110108558521630L')$$,
  '23514', NULL, 'a consumer report names its reporter');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, enterprise) VALUES ('robot', 'x', '91110108558521630L')$$,
  '23514', NULL, 'reporter_kind is consumer, association, enterprise or anonymous');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body) VALUES ('anonymous', 'about nothing')$$,
  '23514', NULL, 'a report is about a disclosure or an enterprise');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, enterprise) VALUES ('anonymous', '  ', '91110108558521630L')$$,
  '23514', NULL, 'a report says something');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, disclosure) SELECT 'anonymous', 'x', id FROM fx WHERE tag = 'D8'$$,
  'FR008', format('feedback workflow: no published disclosure %s', (SELECT id FROM fx WHERE tag = 'D8')),
  'a draft is not on the public record: no report about it (same answer as a missing id)');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, disclosure) VALUES ('anonymous', 'x', -5)$$,
  'FR008', 'feedback workflow: no published disclosure -5', 'a report about a disclosure that does not exist');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, disclosure, enterprise) SELECT 'anonymous', 'x', id, '91110108558521630L' FROM fx WHERE tag = 'D1'$$,
  'FR008', format('feedback workflow: disclosure %s is not a disclosure of enterprise 91110108558521630L', (SELECT id FROM fx WHERE tag = 'D1')),
  'the enterprise named must be the disclosure''s');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, disclosure, indicator) SELECT 'anonymous', 'x', id, 'efficiency' FROM fx WHERE tag = 'D7'$$,
  'FR008', format('feedback workflow: disclosure %s does not disclose indicator "efficiency"', (SELECT id FROM fx WHERE tag = 'D7')),
  'the indicator must be disclosed by the disclosure');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, disclosure, indicator, measured) SELECT 'anonymous', 'x', id, 'standby', '3 kg' FROM fx WHERE tag = 'D1'$$,
  'FR008', 'feedback workflow: measured value 3 kg cannot be compared with the disclosed requirement ≤ 0.5 W',
  'a measured value must be commensurable with the disclosed requirement');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, disclosure, measured) SELECT 'anonymous', 'x', id, '1 W' FROM fx WHERE tag = 'D1'$$,
  '23514', NULL, 'a measured value needs its indicator');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, enterprise, status) VALUES ('anonymous', 'x', '91110108558521630L', 'substantiated')$$,
  'FR008', 'feedback workflow: a report is filed with status received', 'a report cannot be filed already decided');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, enterprise, decision_note) VALUES ('anonymous', 'x', '91110108558521630L', 'ok')$$,
  'FR008', 'feedback workflow: a report is filed without a decision', 'a report is filed without a decision note');
SELECT throws_ok($$UPDATE feedback SET status = 'under_review'$$, '42501', NULL, 'the public cannot move a report');
SELECT throws_ok($$DELETE FROM feedback$$, '42501', NULL, 'the public cannot delete a report');
SELECT throws_ok($$SELECT * FROM disclosure$$, '42501', NULL, 'filing gave the public no access to the disclosure table');
SELECT throws_ok($$SELECT * FROM spot_check_request$$, '42501', NULL, 'the public does not read spot-check requests');
RESET SESSION AUTHORIZATION;

-- filing: an enterprise ------------------------------------------------------------------
SET SESSION AUTHORIZATION fr_s_ent;
WITH x AS (
  INSERT INTO feedback (reporter_kind, reporter, disclosure, indicator, measured, body)
  SELECT 'enterprise', '北京示例服饰有限公司', id, 'efficiency', '97 %', '竞品热效率声明可疑' FROM fx WHERE tag = 'D2'
  RETURNING id)
INSERT INTO ids SELECT 'ent', id FROM x;
SELECT results_eq($$SELECT f.reporter_kind, f.measured_conforms, f.filed_by::text COLLATE "default" FROM feedback f$$,
  $$VALUES ('enterprise', true, 'fr_s_ent')$$,
  'an enterprise files a report and reads only its own reports (not the public''s)');
SELECT throws_ok($$UPDATE feedback SET status = 'under_review' WHERE id = (SELECT id FROM ids WHERE tag = 'ent')$$,
  '42501', NULL, 'the enterprise cannot move its own report (no UPDATE privilege)');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fr_s_agency;
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, enterprise) VALUES ('anonymous', 'x', '91110108558521630L')$$,
  '42501', NULL, 'an evaluation agency does not file reports');
RESET SESSION AUTHORIZATION;
-- a role that bypasses RLS and was granted UPDATE still cannot move the workflow
SET SESSION AUTHORIZATION fr_s_bypass;
SELECT throws_ok($$UPDATE frontrunner.feedback SET status = 'under_review'$$, '42501',
  'permission denied: only a regulator moves the feedback workflow', 'the trigger refuses a non-regulator with UPDATE and BYPASSRLS');
RESET SESSION AUTHORIZATION;

-- the regulator moves the workflow ----------------------------------------------------------
SET SESSION AUTHORIZATION fr_s_regulator;
SELECT is((SELECT count(*) FROM feedback), 3::bigint, 'the regulator reads every report');
SELECT throws_ok($$UPDATE feedback SET status = 'substantiated', decision_note = 'x' WHERE id = (SELECT id FROM ids WHERE tag = 'anon')$$,
  'FR008', format('feedback workflow: report %s cannot go from received to substantiated', (SELECT id FROM ids WHERE tag = 'anon')),
  'a report is reviewed before it is decided');
SELECT throws_ok($$UPDATE feedback SET status = 'under_review', decision_note = 'early' WHERE id = (SELECT id FROM ids WHERE tag = 'anon')$$,
  'FR008', NULL, 'the decision note comes with the decision');
UPDATE feedback SET status = 'under_review', reviewed_at = '2001-01-01' WHERE id = (SELECT id FROM ids WHERE tag = 'anon');
SELECT results_eq($$SELECT status, reviewed_at = now(), decided_at FROM feedback WHERE id = (SELECT id FROM ids WHERE tag = 'anon')$$,
  $$VALUES ('under_review', true, NULL::timestamptz)$$, 'received → under_review, reviewed_at from the database clock');
SELECT throws_ok($$UPDATE feedback SET body = '改写' WHERE id = (SELECT id FROM ids WHERE tag = 'anon')$$,
  'FR008', format('feedback workflow: the content of report %s cannot be changed', (SELECT id FROM ids WHERE tag = 'anon')),
  'the regulator cannot rewrite a report');
SELECT throws_ok($$UPDATE feedback SET measured_conforms = true WHERE id = (SELECT id FROM ids WHERE tag = 'anon')$$,
  'FR008', NULL, 'nor its judged measurement');
SELECT throws_ok($$UPDATE feedback SET status = 'substantiated' WHERE id = (SELECT id FROM ids WHERE tag = 'anon')$$,
  'FR008', format('feedback workflow: deciding report %s needs a decision note', (SELECT id FROM ids WHERE tag = 'anon')),
  'a decision needs a note');
SELECT throws_ok($$UPDATE feedback SET status = 'received' WHERE id = (SELECT id FROM ids WHERE tag = 'anon')$$,
  'FR008', NULL, 'a report under review does not go back to received');
UPDATE feedback SET status = 'substantiated', decision_note = '复测待机功率 0.8 W, 超出声明', decided_by = 'somebody'
WHERE id = (SELECT id FROM ids WHERE tag = 'anon');
SELECT results_eq($$SELECT status, decided_at = now(), decided_by::text COLLATE "default" FROM feedback WHERE id = (SELECT id FROM ids WHERE tag = 'anon')$$,
  $$VALUES ('substantiated', true, 'fr_s_regulator')$$, 'under_review → substantiated: decided_at and decided_by from the database');
SELECT throws_ok($$UPDATE feedback SET status = 'unsubstantiated' WHERE id = (SELECT id FROM ids WHERE tag = 'anon')$$,
  'FR008', NULL, 'a decided report is final');
SELECT throws_ok($$UPDATE feedback SET decision_note = 'changed' WHERE id = (SELECT id FROM ids WHERE tag = 'anon')$$,
  'FR008', NULL, 'its decision note too');
SELECT lives_ok($$UPDATE feedback SET status = status WHERE id = (SELECT id FROM ids WHERE tag = 'anon')$$, 'a no-op UPDATE is accepted');
UPDATE feedback SET status = 'under_review' WHERE id = (SELECT id FROM ids WHERE tag = 'ent');
UPDATE feedback SET status = 'unsubstantiated', decision_note = '声明与检测一致' WHERE id = (SELECT id FROM ids WHERE tag = 'ent');
SELECT is((SELECT status FROM feedback WHERE id = (SELECT id FROM ids WHERE tag = 'ent')), 'unsubstantiated', 'under_review → unsubstantiated');
SELECT throws_ok($$DELETE FROM feedback WHERE id = (SELECT id FROM ids WHERE tag = 'ent')$$, '42501', NULL, 'not even the regulator deletes a report');

-- spot-check requests ---------------------------------------------------------------------------
SELECT throws_ok($$INSERT INTO spot_check_request (feedback) SELECT id FROM ids WHERE tag = 'ent'$$,
  'FR008', format('feedback workflow: report %s is not substantiated', (SELECT id FROM ids WHERE tag = 'ent')),
  'an unsubstantiated report requests no spot check');
SELECT throws_ok($$INSERT INTO spot_check_request (feedback) SELECT id FROM ids WHERE tag = 'consumer'$$,
  'FR008', NULL, 'a report still received requests no spot check');
INSERT INTO spot_check_request (feedback, note, requested_at) SELECT id, '按 GB/T 8170 全数值比较', '2001-01-01' FROM ids WHERE tag = 'anon';
SELECT results_eq($$SELECT r.disclosure, r.indicator, r.requested_at = now(), r.requested_by::text COLLATE "default", r.spot_check, r.done_at
                    FROM spot_check_request r$$,
  $$SELECT (SELECT id FROM fx WHERE tag = 'D1'), 'standby', true, 'fr_s_regulator', NULL::bigint, NULL::timestamptz$$,
  'a substantiated report requests a spot check of its disclosure and indicator (defaults), stamped by the database');
SELECT throws_ok($$INSERT INTO spot_check_request (feedback, disclosure, indicator) SELECT (SELECT id FROM ids WHERE tag = 'anon'), id, 'standby' FROM fx WHERE tag = 'D2'$$,
  'FR008', NULL, 'a request checks a disclosure of the reported enterprise');
SELECT throws_ok($$INSERT INTO spot_check_request (feedback, indicator) SELECT id, 'noise' FROM ids WHERE tag = 'anon'$$,
  'FR008', NULL, 'a request measures a disclosed indicator');
SELECT throws_ok($$INSERT INTO spot_check_request (feedback) SELECT id FROM ids WHERE tag = 'anon'$$,
  '23505', NULL, 'one request per report, disclosure and indicator');
-- the consumer's report is about an enterprise only: the regulator names the disclosure
UPDATE feedback SET status = 'under_review' WHERE id = (SELECT id FROM ids WHERE tag = 'consumer');
UPDATE feedback SET status = 'substantiated', decision_note = '铭牌不符' WHERE id = (SELECT id FROM ids WHERE tag = 'consumer');
SELECT throws_ok($$INSERT INTO spot_check_request (feedback) SELECT id FROM ids WHERE tag = 'consumer'$$,
  'FR008', NULL, 'a report about an enterprise only: the request must name disclosure and indicator');
SELECT lives_ok($$INSERT INTO spot_check_request (feedback, disclosure, indicator) SELECT (SELECT id FROM ids WHERE tag = 'consumer'), id, 'efficiency' FROM fx WHERE tag = 'D3'$$,
  'the regulator names a disclosure of the reported enterprise');
-- the spot check is done and linked
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured) SELECT id, 'efficiency', CURRENT_DATE, '96 %' FROM fx WHERE tag = 'D1';
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured) SELECT id, 'standby', CURRENT_DATE, '0.45 W' FROM fx WHERE tag = 'D1';
SELECT throws_ok($$UPDATE spot_check_request SET spot_check = (SELECT max(id) - 1 FROM spot_check) WHERE disclosure = (SELECT id FROM fx WHERE tag = 'D1')$$,
  'FR008', NULL, 'a spot check of another indicator does not answer the request');
UPDATE spot_check_request SET spot_check = (SELECT max(id) FROM spot_check) WHERE disclosure = (SELECT id FROM fx WHERE tag = 'D1');
SELECT results_eq($$SELECT done_at = now() FROM spot_check_request WHERE disclosure = (SELECT id FROM fx WHERE tag = 'D1')$$,
  $$VALUES (true)$$, 'linking the spot check closes the request (done_at)');
SELECT throws_ok($$UPDATE spot_check_request SET spot_check = NULL WHERE disclosure = (SELECT id FROM fx WHERE tag = 'D1')$$,
  'FR008', NULL, 'an answered request is final');
SELECT throws_ok($$UPDATE spot_check_request SET note = 'x' WHERE disclosure = (SELECT id FROM fx WHERE tag = 'D3')$$,
  'FR008', NULL, 'an open request only gets its spot check linked');
SELECT throws_ok($$DELETE FROM spot_check_request$$, '42501', NULL, 'the regulator does not delete requests (no privilege)');
RESET SESSION AUTHORIZATION;

-- as the table owner (superuser): the triggers hold without the privileges
SELECT throws_ok($$DELETE FROM feedback$$, 'FR008', NULL, 'reports are never deleted');
SELECT throws_ok($$DELETE FROM spot_check_request$$, 'FR008', NULL, 'requests are never deleted');
SELECT throws_ok($$TRUNCATE feedback CASCADE$$, 'FR008', NULL, 'feedback cannot be truncated');
SELECT throws_ok($$TRUNCATE spot_check_request$$, 'FR008', NULL, 'spot_check_request cannot be truncated');
SELECT throws_ok($$INSERT INTO spot_check_request (feedback, disclosure, indicator) VALUES (-1, 1, 'standby')$$, 'P0002', NULL,
  'a request on a report that does not exist');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, enterprise) VALUES ('anonymous', 'x', uscc_complete('91110108MA0009999'))$$,
  '23503', NULL, 'a report about an enterprise that is not registered');

-- reports never change a disclosure ------------------------------------------------------------------
SELECT is((SELECT jsonb_agg(to_jsonb(d) ORDER BY d.id) FROM disclosure d), (SELECT d FROM before),
  'after filing, deciding and requesting, every disclosure is as it was');
SELECT is((SELECT jsonb_agg(to_jsonb(i) ORDER BY i.disclosure, i.indicator) FROM disclosed_indicator i), (SELECT i FROM before),
  'and every disclosed indicator');
SELECT is((SELECT count(*) FROM disclosure_event), (SELECT events FROM before), 'and the disclosure history has no new event');
SELECT lives_ok($$SELECT withdraw_disclosure(id, '停产') FROM fx WHERE tag = 'D1'$$,
  'a disclosure with reports about it is withdrawn as any other (reports do not hold it)');
SELECT is((SELECT status FROM feedback WHERE id = (SELECT id FROM ids WHERE tag = 'anon')), 'substantiated',
  'and the report about it stays as decided');

SELECT * FROM finish();
ROLLBACK;
