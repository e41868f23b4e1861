-- Every rule's refusal, as a client writing 0.2.0's form meets it (the rows
-- of a disclosure name its enterprise).  test/citus/check.sh runs this file
-- on the distributed registry and on the one-node database, both holding the
-- demo, and compares what each statement answers: SQLSTATE, message, DETAIL,
-- HINT (and the TABLE and COLUMN fields where both report them).  Each probe
-- is one statement (several steps in one DO block, so that a refused probe
-- leaves nothing behind) after an "\echo probe <name>" line.
SET search_path = frontrunner, public;
\set VERBOSITY verbose
\set ON_ERROR_STOP 0
\pset tuples_only on

-- the rows probed, chosen the same way in both databases
SELECT d.id AS draft, d.enterprise AS draft_ent FROM disclosure d
WHERE d.status = 'draft' AND d.category = 'infant-textile' ORDER BY d.id LIMIT 1 \gset
SELECT d.id AS pub, d.enterprise AS pub_ent FROM disclosure d
WHERE d.status = 'published' AND d.category = 'infant-textile' AND d.id > 1 ORDER BY d.id LIMIT 1 \gset
SELECT d.id AS other, d.enterprise AS other_ent FROM disclosure d
WHERE d.status = 'published' AND d.category = 'infant-textile' AND d.enterprise <> :'pub_ent' ORDER BY d.id LIMIT 1 \gset
SELECT d.id AS sup FROM disclosure d WHERE d.status = 'superseded' ORDER BY d.id LIMIT 1 \gset
SELECT p.id AS plan FROM evaluation_plan p WHERE p.code = 'BJ-2026-TEX' \gset
SELECT max(r.id) AS ranking FROM ranking r WHERE r.plan = :plan \gset
-- an inspection campaign drawn here (one disclosure, one inspector of two),
-- and the demo's published one: an item found nonconforming, one
-- conforming, a finding
INSERT INTO inspection_campaign (code, title, authority, category, sample_size, inspectors, team_size, seed)
VALUES ('CITUS-PROBE', 'probe', 'probe', 'infant-textile', 1, '{bj_insp_zhang,bj_insp_li}', 1, 'citus-probe');
SELECT count(*) FROM draw_campaign('CITUS-PROBE') \g /dev/null
SELECT x.campaign AS insp_c, x.disclosure AS insp_d, x.enterprise AS insp_ent, x.inspector AS insp_who,
       CASE x.inspector WHEN 'bj_insp_zhang' THEN 'bj_insp_li' ELSE 'bj_insp_zhang' END AS insp_other
FROM inspection_draw x JOIN inspection_campaign c ON c.id = x.campaign WHERE c.code = 'CITUS-PROBE' \gset
SELECT r.campaign AS pub_c, r.disclosure AS nc_d, r.enterprise AS nc_ent, r.item AS nc_item
FROM inspection_result r JOIN inspection_campaign c ON c.id = r.campaign
WHERE c.code = 'BJ-2026-SSJ-01' AND r.outcome = 'nonconforming' ORDER BY r.disclosure, r.item LIMIT 1 \gset
SELECT r.disclosure AS ok_d, r.enterprise AS ok_ent, r.item AS ok_item
FROM inspection_result r JOIN inspection_campaign c ON c.id = r.campaign
WHERE c.code = 'BJ-2026-SSJ-01' AND r.outcome = 'conforms' ORDER BY r.disclosure, r.item LIMIT 1 \gset
SELECT min(f.id) AS finding FROM inspection_finding f \gset

\echo probe rule1-no-year
INSERT INTO disclosure (enterprise, category, product, standard) VALUES (:'draft_ent', 'infant-textile', 'probe', 'Q/PROBE 001');
\echo probe rule1-future-year
INSERT INTO disclosure (enterprise, category, product, standard) VALUES (:'draft_ent', 'infant-textile', 'probe', 'Q/PROBE 001-2999');
\echo probe rule1-draft-renumbered
UPDATE disclosure SET standard = 'Q/PROBE 001' WHERE id = :draft;
\echo probe rule1-withdrawn-standard
DO $$ DECLARE d bigint; BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard)
  SELECT x.enterprise, 'drinking-water', 'probe', 'GB 5749-2006' FROM frontrunner.disclosure x WHERE x.category = 'drinking-water' ORDER BY x.id LIMIT 1
  RETURNING id INTO d;
  UPDATE frontrunner.disclosure SET status = 'published' WHERE id = d;
END $$;
\echo probe rule2-missing
DO $$ DECLARE d bigint; e frontrunner.uscc := (SELECT x.enterprise FROM frontrunner.disclosure x WHERE x.category = 'infant-textile' ORDER BY x.id LIMIT 1); BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard) VALUES (e, 'infant-textile', 'probe', 'Q/PROBE 0001-2024')
  RETURNING id INTO d;
  INSERT INTO frontrunner.disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
  VALUES (e, d, 'formaldehyde', '≤ 10 mg/kg', 'GB/T 2912.1-2009');
  UPDATE frontrunner.disclosure SET status = 'published' WHERE id = d;
END $$;
\echo probe rule2-no-test-method
DO $$ DECLARE d bigint; e frontrunner.uscc := (SELECT x.enterprise FROM frontrunner.disclosure x WHERE x.category = 'infant-textile' ORDER BY x.id LIMIT 1); BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard) VALUES (e, 'infant-textile', 'probe', 'Q/PROBE 0001-2024')
  RETURNING id INTO d;
  INSERT INTO frontrunner.disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
  SELECT e, d, x.key, r.requirement, CASE WHEN x.key <> 'ph' THEN r.test_method END
  FROM frontrunner.indicator_def x JOIN frontrunner.standard_requirement r
    ON r.standard OPERATOR(frontrunner.=) 'GB 18401-2010' AND r.category = x.category AND r.indicator = x.key
  WHERE x.category = 'infant-textile' AND x.required;
  UPDATE frontrunner.disclosure SET status = 'published' WHERE id = d;
END $$;
\echo probe rule3-entry
DO $$ DECLARE d bigint; e frontrunner.uscc := (SELECT x.enterprise FROM frontrunner.disclosure x WHERE x.category = 'infant-textile' ORDER BY x.id LIMIT 1); BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard) VALUES (e, 'infant-textile', 'probe', 'FZ/T 73025-2019')
  RETURNING id INTO d;
  INSERT INTO frontrunner.disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
  VALUES (e, d, 'formaldehyde', '≤ 0.01 %', 'GB/T 2912.1-2009');
END $$;
\echo probe unique-key
INSERT INTO disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
VALUES (:'draft_ent', :draft, 'formaldehyde', '≤ 10 mg/kg', 'GB/T 2912.1-2009');
\echo probe rule3-entry-update
UPDATE disclosed_indicator SET requirement = '≤ 90 mg/kg' WHERE disclosure = :draft AND indicator = 'formaldehyde';
\echo probe rule3-entry-several-rows
INSERT INTO disclosed_indicator (enterprise, disclosure, indicator, requirement)
SELECT d.enterprise, d.id, 'fastness_saliva', '≥ 2 级' FROM disclosure d WHERE d.status = 'draft' AND d.category = 'infant-textile'
  AND NOT EXISTS (SELECT FROM disclosed_indicator i WHERE i.enterprise = d.enterprise AND i.disclosure = d.id AND i.indicator = 'fastness_saliva');
\echo probe undefined-indicator
INSERT INTO disclosed_indicator (enterprise, disclosure, indicator, requirement) VALUES (:'draft_ent', :draft, 'no_such_key', '≤ 1 mg/kg');
\echo probe rule4-recommended
DO $$ DECLARE d bigint; e frontrunner.uscc := (SELECT x.enterprise FROM frontrunner.disclosure x WHERE x.category = 'infant-textile' ORDER BY x.id LIMIT 1); BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard) VALUES (e, 'infant-textile', 'probe', 'FZ/T 73025-2019')
  RETURNING id INTO d;
  INSERT INTO frontrunner.disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method) VALUES
    (e, d, 'formaldehyde', '≤ 20 mg/kg', 'GB/T 2912.1-2009'), (e, d, 'fastness_water', '≥ 3-4 级', 'GB/T 5713-2013');
  UPDATE frontrunner.disclosure SET status = 'published' WHERE id = d;
END $$;
\echo probe rule5-created-published
INSERT INTO disclosure (enterprise, category, product, standard, status) VALUES (:'draft_ent', 'infant-textile', 'probe', 'FZ/T 73025-2019', 'published');
\echo probe rule5-published-immutable
UPDATE disclosure SET product = 'changed' WHERE id = :pub;
\echo probe rule5-published-deleted
DELETE FROM disclosure WHERE id = :pub;
\echo probe rule5-withdraw-no-reason
UPDATE disclosure SET status = 'withdrawn' WHERE id = :pub;
\echo probe rule5-draft-superseded
UPDATE disclosure SET status = 'superseded' WHERE id = :draft;
\echo probe rule5-superseded-final
UPDATE disclosure SET status = 'published' WHERE id = :sup;
\echo probe rule5-superseded-by-hand
UPDATE disclosure SET status = 'superseded' WHERE id = :pub;
\echo probe rule5-publish-not-draft
SELECT publish_disclosure(:pub);
\echo probe rule5-withdraw-draft
SELECT withdraw_disclosure(:draft, 'probe');
\echo probe rule5-publish-missing
SELECT publish_disclosure(-1);
\echo probe rule5-supersede-draft
DO $$ DECLARE d bigint; BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes)
  SELECT x.enterprise, x.category, 'probe', x.standard, x.id FROM frontrunner.disclosure x
  WHERE x.status = 'draft' AND x.category = 'infant-textile' ORDER BY x.id LIMIT 1
  RETURNING id INTO d;
  UPDATE frontrunner.disclosure SET status = 'published' WHERE id = d;
END $$;
\echo probe rule5-two-successors
DO $$ DECLARE a bigint; b bigint; BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes)
  SELECT x.enterprise, x.category, 'probe a', 'FZ/T 73025-2019', x.id FROM frontrunner.disclosure x
  WHERE x.status = 'published' AND x.category = 'infant-textile' AND x.id > 1 ORDER BY x.id LIMIT 1 RETURNING id INTO a;
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes)
  SELECT x.enterprise, x.category, 'probe b', 'FZ/T 73025-2019', x.id FROM frontrunner.disclosure x
  WHERE x.status = 'published' AND x.category = 'infant-textile' AND x.id > 1 ORDER BY x.id LIMIT 1 RETURNING id INTO b;
  INSERT INTO frontrunner.disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
  SELECT d.enterprise, d.id, i.indicator, i.requirement, i.test_method
  FROM frontrunner.disclosure d JOIN frontrunner.disclosed_indicator i ON i.enterprise = d.enterprise AND i.disclosure = d.supersedes
  WHERE d.id IN (a, b);
  UPDATE frontrunner.disclosure SET status = 'published' WHERE id IN (a, b);
END $$;
\echo probe rule5-indicator-of-published-changed
UPDATE disclosed_indicator SET requirement = '≤ 75 mg/kg' WHERE disclosure = :pub AND indicator = 'formaldehyde';
\echo probe rule5-indicator-of-published-deleted
DELETE FROM disclosed_indicator WHERE disclosure = :pub;
\echo probe rule5-indicator-into-published
INSERT INTO disclosed_indicator (enterprise, disclosure, indicator, requirement) VALUES (:'pub_ent', :pub, 'fastness_saliva', '≥ 4-5 级');
\echo probe rule5-history-update
UPDATE disclosure_event SET note = 'forged' WHERE disclosure = :pub AND action = 'create';
\echo probe rule5-history-delete
DELETE FROM disclosure_event WHERE disclosure = :pub AND action = 'create';
\echo probe rule5-truncate
TRUNCATE disclosure CASCADE;
\echo probe rule5-truncate-history
TRUNCATE disclosure_event;
\echo probe rule6-draft
INSERT INTO spot_check (enterprise, disclosure, indicator, sampled_on, measured) VALUES (:'draft_ent', :draft, 'formaldehyde', CURRENT_DATE, '5 mg/kg');
\echo probe rule6-not-disclosed
INSERT INTO spot_check (enterprise, disclosure, indicator, sampled_on, measured) VALUES (:'pub_ent', :pub, 'no_such_key', CURRENT_DATE, '5 mg/kg');
\echo probe rule6-future
INSERT INTO spot_check (enterprise, disclosure, indicator, sampled_on, measured) VALUES (:'pub_ent', :pub, 'formaldehyde', CURRENT_DATE + 1, '5 mg/kg');
\echo probe rule6-incomparable
INSERT INTO spot_check (enterprise, disclosure, indicator, sampled_on, measured) VALUES (:'pub_ent', :pub, 'formaldehyde', CURRENT_DATE, '5 NTU');
\echo probe rule6-method
INSERT INTO spot_check (enterprise, disclosure, indicator, sampled_on, measured, method) VALUES (:'pub_ent', :pub, 'formaldehyde', CURRENT_DATE, '5 mg/kg', 'guess');
\echo probe rule6-truncate
TRUNCATE spot_check CASCADE;
\echo probe rule7-plan-published-changed
UPDATE evaluation_plan SET title = 'changed' WHERE id = :plan;
\echo probe rule7-plan-published-deleted
DELETE FROM evaluation_plan WHERE id = :plan;
\echo probe rule7-plan-entered-published
INSERT INTO evaluation_plan (code, agency, category, title, deadline, status) VALUES ('PROBE-1', 'probe', 'infant-textile', 'probe', now(), 'published');
\echo probe rule7-core-indicator-of-published
INSERT INTO plan_indicator (plan, indicator) VALUES (:plan, 'fastness_saliva');
\echo probe rule7-core-indicator-changed
UPDATE plan_indicator SET weight = 2 WHERE plan = :plan AND indicator = 'ph';
\echo probe rule7-core-indicator-undefined
DO $$ DECLARE p bigint; BEGIN
  INSERT INTO frontrunner.evaluation_plan (code, agency, category, title, deadline) VALUES ('PROBE-2', 'probe', 'infant-textile', 'probe', now())
  RETURNING id INTO p;
  INSERT INTO frontrunner.plan_indicator (plan, indicator) VALUES (p, 'no_such_key');
END $$;
\echo probe rule7-review-not-under-review
INSERT INTO plan_review (plan, reviewer, verdict) VALUES (:plan, '专家 戊', 'approve');
\echo probe rule7-review-changed
UPDATE plan_review SET verdict = 'reject' WHERE plan = :plan AND reviewer = '专家 甲';
\echo probe rule7-publish-unreviewed
DO $$ DECLARE p bigint; BEGIN
  INSERT INTO frontrunner.evaluation_plan (code, agency, category, title, deadline) VALUES ('PROBE-3', 'probe', 'infant-textile', 'probe', now())
  RETURNING id INTO p;
  INSERT INTO frontrunner.plan_indicator (plan, indicator) VALUES (p, 'formaldehyde');
  UPDATE frontrunner.evaluation_plan SET status = 'published' WHERE id = p;
END $$;
\echo probe rule7-approvals-missing
DO $$ DECLARE p bigint; BEGIN
  INSERT INTO frontrunner.evaluation_plan (code, agency, category, title, deadline) VALUES ('PROBE-4', 'probe', 'infant-textile', 'probe', now())
  RETURNING id INTO p;
  INSERT INTO frontrunner.plan_indicator (plan, indicator) VALUES (p, 'formaldehyde');
  UPDATE frontrunner.evaluation_plan SET status = 'under_review' WHERE id = p;
  INSERT INTO frontrunner.plan_review (plan, reviewer, verdict) VALUES (p, '专家 甲', 'approve');
  UPDATE frontrunner.evaluation_plan SET status = 'published' WHERE id = p;
END $$;
\echo probe rule7-ranking-of-draft-plan
DO $$ BEGIN
  INSERT INTO frontrunner.evaluation_plan (code, agency, category, title, deadline) VALUES ('PROBE-5', 'probe', 'infant-textile', 'probe', now());
  PERFORM frontrunner.publish_ranking('PROBE-5');
END $$;
\echo probe rule7-ranking-changed
UPDATE ranking SET eligible = 0 WHERE id = :ranking;
\echo probe rule7-ranking-entry-changed
UPDATE ranking_entry SET score = 100 WHERE ranking = :ranking AND rank = 1;
\echo probe rule7-ranking-entry-deleted
DELETE FROM ranking_entry WHERE ranking = :ranking AND rank = 1;
\echo probe rule7-truncate
TRUNCATE ranking_entry;
\echo probe rank-plan-missing
SELECT * FROM rank_plan('NO-SUCH-PLAN');
\echo probe feedback-decided
INSERT INTO feedback (reporter_kind, body, enterprise, status) VALUES ('anonymous', 'probe', :'pub_ent', 'substantiated');
\echo probe feedback-draft
INSERT INTO feedback (reporter_kind, body, enterprise, disclosure) VALUES ('anonymous', 'probe', :'draft_ent', :draft);
\echo probe feedback-not-disclosed
INSERT INTO feedback (reporter_kind, body, enterprise, disclosure, indicator) VALUES ('anonymous', 'probe', :'pub_ent', :pub, 'no_such_key');
\echo probe feedback-incomparable
INSERT INTO feedback (reporter_kind, body, enterprise, disclosure, indicator, measured) VALUES ('anonymous', 'probe', :'pub_ent', :pub, 'formaldehyde', '3 NTU');
\echo probe feedback-workflow
DO $$ DECLARE f bigint; BEGIN
  INSERT INTO frontrunner.feedback (reporter_kind, body, enterprise, disclosure)
  SELECT 'anonymous', 'probe', x.enterprise, x.id FROM frontrunner.disclosure x WHERE x.status = 'published' ORDER BY x.id LIMIT 1
  RETURNING id INTO f;
  UPDATE frontrunner.feedback SET status = 'substantiated', decision_note = 'probe' WHERE id = f;
END $$;
\echo probe feedback-request-unsubstantiated
DO $$ DECLARE f bigint; e frontrunner.uscc; d bigint; BEGIN
  SELECT x.enterprise, x.id INTO e, d FROM frontrunner.disclosure x WHERE x.status = 'published' ORDER BY x.id LIMIT 1;
  INSERT INTO frontrunner.feedback (reporter_kind, body, enterprise, disclosure) VALUES ('anonymous', 'probe', e, d) RETURNING id INTO f;
  INSERT INTO frontrunner.spot_check_request (enterprise, feedback, disclosure, indicator) VALUES (e, f, d, 'formaldehyde');
END $$;
\echo probe feedback-request-not-disclosed
DO $$ DECLARE f bigint; e frontrunner.uscc; d bigint; BEGIN
  SELECT x.enterprise, x.id INTO e, d FROM frontrunner.disclosure x WHERE x.status = 'published' ORDER BY x.id LIMIT 1;
  INSERT INTO frontrunner.feedback (reporter_kind, body, enterprise, disclosure) VALUES ('anonymous', 'probe', e, d) RETURNING id INTO f;
  UPDATE frontrunner.feedback SET status = 'under_review' WHERE id = f;
  UPDATE frontrunner.feedback SET status = 'substantiated', decision_note = 'probe' WHERE id = f;
  INSERT INTO frontrunner.spot_check_request (enterprise, feedback, disclosure, indicator) VALUES (e, f, d, 'no_such_key');
END $$;
\echo probe feedback-deleted
DO $$ DECLARE f bigint; BEGIN
  INSERT INTO frontrunner.feedback (reporter_kind, body, enterprise) SELECT 'anonymous', 'probe', x.uscc FROM frontrunner.enterprise x ORDER BY x.uscc LIMIT 1
  RETURNING id INTO f;
  DELETE FROM frontrunner.feedback WHERE id = f;
END $$;

-- inspection campaigns (issue 20): the campaign (a reference table, its
-- trigger on every node's copy), the draw, the results and the findings
-- (on their enterprise's shard)
\echo probe campaign-created-drawn
INSERT INTO inspection_campaign (code, title, authority, sample_size, inspectors, status) VALUES ('PROBE-X', 'probe', 'probe', 1, '{bj_insp_zhang,bj_insp_li}', 'drawn');
\echo probe campaign-pool
INSERT INTO inspection_campaign (code, title, authority, sample_size, inspectors, team_size) VALUES ('PROBE-X', 'probe', 'probe', 1, '{bj_insp_zhang}', 2);
\echo probe campaign-seed
UPDATE inspection_campaign SET seed = 'another' WHERE code = 'CITUS-PROBE';
\echo probe campaign-draw-written
UPDATE inspection_campaign SET drawn_at = '2026-01-01' WHERE code = 'CITUS-PROBE';
\echo probe campaign-unrecorded
UPDATE inspection_campaign SET status = 'published' WHERE code = 'CITUS-PROBE';
\echo probe campaign-back
UPDATE inspection_campaign SET status = 'drawn' WHERE code = 'BJ-2026-SSJ-01';
\echo probe campaign-delete
DELETE FROM inspection_campaign WHERE code = 'BJ-2026-SSJ-01';
\echo probe campaign-missing
SELECT * FROM draw_campaign('NO-SUCH-CAMPAIGN');
\echo probe draw-update
UPDATE inspection_draw SET place = place WHERE campaign = :insp_c;
\echo probe draw-delete
DELETE FROM inspection_draw WHERE campaign = :insp_c;
\echo probe result-columns
UPDATE inspection_result SET prefilled = CASE WHEN prefilled = 'conforms' THEN 'nonconforming' ELSE 'conforms' END WHERE campaign = :insp_c AND enterprise = :'insp_ent' AND disclosure = :insp_d AND item = 'numbering';
\echo probe result-other-inspector
SELECT format($f$DO $$ BEGIN
  SET LOCAL ROLE %I;
  UPDATE frontrunner.inspection_result SET outcome = 'conforms' WHERE campaign = %s AND enterprise = %L AND disclosure = %s AND item = 'numbering';
END $$$f$, :'insp_other', :insp_c, :'insp_ent', :insp_d) \gexec
\echo probe result-not-judged
SELECT format($f$DO $$ BEGIN
  SET LOCAL ROLE %I;
  UPDATE frontrunner.inspection_result SET outcome = 'not_judged' WHERE campaign = %s AND enterprise = %L AND disclosure = %s AND item = 'numbering';
END $$$f$, :'insp_who', :insp_c, :'insp_ent', :insp_d) \gexec
\echo probe result-published
UPDATE inspection_result SET outcome = 'conforms' WHERE campaign = :pub_c AND enterprise = :'nc_ent' AND disclosure = :nc_d AND item = :'nc_item';
\echo probe result-delete
DELETE FROM inspection_result WHERE campaign = :pub_c AND enterprise = :'nc_ent' AND disclosure = :nc_d AND item = :'nc_item';
\echo probe finding-conforming
INSERT INTO inspection_finding (campaign, disclosure, item, description, deadline, enterprise) VALUES (:pub_c, :ok_d, :'ok_item', 'probe', CURRENT_DATE + 30, :'ok_ent');
\echo probe finding-deadline
INSERT INTO inspection_finding (campaign, disclosure, item, description, deadline, enterprise) VALUES (:pub_c, :nc_d, :'nc_item', 'probe', CURRENT_DATE, :'nc_ent');
\echo probe finding-follow-up-at-once
INSERT INTO inspection_finding (campaign, disclosure, item, description, deadline, follow_up, follow_up_note, enterprise)
VALUES (:pub_c, :nc_d, :'nc_item', 'probe', CURRENT_DATE + 30, 'rectified', 'probe', :'nc_ent');
\echo probe finding-change
UPDATE inspection_finding SET description = 'probe' WHERE id = :finding;
\echo probe finding-note
UPDATE inspection_finding SET follow_up = 'rectified' WHERE id = :finding;
\echo probe finding-delete
DELETE FROM inspection_finding WHERE id = :finding;

-- rows naming another enterprise than their disclosure's (a client's
-- mistake): refused on both, by different rules (check.sh lists them)
\echo probe cross-enterprise-indicator
SELECT format($f$DO $$ DECLARE d bigint; BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard)
  VALUES (%L, 'infant-textile', 'probe', 'FZ/T 73025-2019') RETURNING id INTO d;
  INSERT INTO frontrunner.disclosed_indicator (enterprise, disclosure, indicator, requirement) VALUES (%L, d, 'fastness_saliva', '≥ 4 级');
END $$$f$, :'draft_ent', :'other_ent') \gexec
\echo probe cross-enterprise-spot-check
INSERT INTO spot_check (enterprise, disclosure, indicator, sampled_on, measured) VALUES (:'other_ent', :pub, 'formaldehyde', CURRENT_DATE, '5 mg/kg');
\echo probe cross-enterprise-feedback
INSERT INTO feedback (reporter_kind, body, enterprise, disclosure) VALUES ('anonymous', 'probe', :'other_ent', :pub);
\echo probe cross-enterprise-new-version
SELECT format($f$DO $$ DECLARE d bigint; BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes)
  VALUES (%L, 'infant-textile', 'probe', 'FZ/T 73025-2019', %s) RETURNING id INTO d;
  UPDATE frontrunner.disclosure SET status = 'published' WHERE id = d;
END $$$f$, :'other_ent', :pub) \gexec
\echo probe end
