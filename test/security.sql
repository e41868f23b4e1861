-- Roles, row-level security and hardening:
-- classification of every object, the privilege matrix per group role,
-- what each role can do through tables, views and functions (SET ROLE),
-- a leak probe, LEAKPROOF comparisons keeping index scans under RLS, and
-- the SECURITY DEFINER functions.
BEGIN;
SELECT plan(379);
\ir fixtures/registry.sql
\ir fixtures/ranking.sql

-- classification ----------------------------------------------------------------------
SELECT is_empty($$SELECT kind || ' ' || ident FROM security_plan() WHERE class IS NULL$$,
  'every table, view, sequence and function of the extension has a security class (security_objects())');
SELECT is_empty($$SELECT c.kind || ' ' || c.name FROM security_objects() c
                  WHERE NOT EXISTS (SELECT FROM security_extension_objects() o WHERE o.kind = c.kind AND o.name = c.name)$$,
  'every classified object exists (no stale rows in security_objects())');
SELECT is_empty($$SELECT DISTINCT c.class FROM security_objects() c
                  WHERE c.class NOT IN (SELECT s.class FROM security_classes() s)$$,
  'every class used is defined in security_classes()');
SELECT is_empty($$SELECT c.kind, c.name FROM security_objects() c GROUP BY 1, 2 HAVING count(*) > 1$$,
  'no object classified twice');

-- before setup_roles(): SECURITY DEFINER and internal functions are not PUBLIC
SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'frontrunner'
  WHERE p.prosecdef
    AND (NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)
         OR has_function_privilege('public', p.oid, 'EXECUTE'))$$,
  'every SECURITY DEFINER function pins search_path and is not executable by PUBLIC (at install)');
SELECT is(
  (SELECT string_agg(p.proname, ', ' ORDER BY p.proname) FROM pg_proc p
   JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
   JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'frontrunner'
   WHERE p.prosecdef),
  'account_agency, account_enterprise, campaign_audit_rows, campaign_report_rows, campaign_store_draw, disclosure_after_statement, feedback_subject, finding_counts, finding_exclusions, inspection_campaign_after_draw, open_feedback, publish_ranking, ranking_lock, reference_report_rows, unverifiable_leader_rows',
  'the SECURITY DEFINER functions are exactly the tenant lookups, the history writer, the report subject lookup, the open reports and findings of district_report, the open findings a plan excludes (published campaigns only), the rows of campaign_report, campaign_audit, reference_report and unverifiable_leader (public data), publish_ranking, ranking_lock and the writers of inspection draws (the draw trigger, campaign_store_draw())');
SELECT is_empty($$
  SELECT p.ident FROM security_plan() p
  WHERE p.kind = 'function' AND p.class <> 'public' AND has_function_privilege('public', p.ident::regprocedure, 'EXECUTE')$$,
  'at install, no function outside the public class is executable by PUBLIC');

-- setup_roles() --------------------------------------------------------------------------
CREATE TEMP TABLE grants1 AS SELECT * FROM setup_roles();
SELECT ok((SELECT count(*) FROM grants1) > 100, 'setup_roles() grants (one row per grant)');
SELECT has_role(r, r || ' created by setup_roles()') FROM unnest(ARRAY['frontrunner_regulator', 'frontrunner_agency',
  'frontrunner_enterprise', 'frontrunner_reader']::name[]) r;
SELECT is((SELECT count(*) FROM pg_roles WHERE rolname LIKE 'frontrunner\_%' AND NOT rolcanlogin AND NOT rolsuper
           AND NOT rolbypassrls AND NOT rolcreaterole), 4::bigint, 'the group roles are NOLOGIN, not superuser, no BYPASSRLS');
CREATE TEMP VIEW acl_snapshot AS
  SELECT c.oid::regclass::text AS obj, c.relacl::text AS acl FROM pg_class c WHERE c.relnamespace = 'frontrunner'::regnamespace
  UNION ALL SELECT p.oid::regprocedure::text, p.proacl::text FROM pg_proc p WHERE p.pronamespace = 'frontrunner'::regnamespace;
CREATE TEMP TABLE acl1 AS SELECT * FROM acl_snapshot;
CREATE TEMP TABLE grants2 AS SELECT * FROM setup_roles();
SELECT set_eq('SELECT * FROM acl_snapshot', 'SELECT * FROM acl1', 'setup_roles() is idempotent: a second run leaves every ACL as it was');
SELECT set_eq('SELECT * FROM grants2', 'SELECT * FROM grants1', 'a second run reports the same grants');

-- test logins -----------------------------------------------------------------------------
CREATE ROLE fr_t_regulator IN ROLE frontrunner_regulator;
CREATE ROLE fr_t_ent_a IN ROLE frontrunner_enterprise;
CREATE ROLE fr_t_ent_b IN ROLE frontrunner_enterprise;
CREATE ROLE fr_t_agency_a IN ROLE frontrunner_agency;
CREATE ROLE fr_t_agency_b IN ROLE frontrunner_agency;
CREATE ROLE fr_t_reader IN ROLE frontrunner_reader;
CREATE ROLE fr_t_unmapped IN ROLE frontrunner_enterprise;
CREATE ROLE fr_t_nobody;
INSERT INTO account (role, enterprise) VALUES ('fr_t_ent_a', '91110108558521630L'), ('fr_t_ent_b', '91330100799655058B');
INSERT INTO account (role, agency) VALUES ('fr_t_agency_a', '示例评估机构'), ('fr_t_agency_b', '另一评估机构');
GRANT SELECT, INSERT ON fx TO PUBLIC;

-- registry rows of enterprises A and B: a draft and a published disclosure each
INSERT INTO disclosure (enterprise, category, product, standard) VALUES
  ('91110108558521630L', 'textile-b', 'A draft', 'GB 18401-2010'),
  ('91330100799655058B', 'textile-b', 'B draft secret', 'GB 18401-2010'),
  ('91110108558521630L', 'textile-b', 'A published', 'GB 18401-2010'),
  ('91330100799655058B', 'textile-b', 'B published', 'GB 18401-2010');
INSERT INTO fx SELECT product, id FROM disclosure WHERE product IN ('A draft', 'B draft secret', 'A published', 'B published');
INSERT INTO disclosed_indicator SELECT id, 'formaldehyde', '≤ 40 mg/kg', 'GB/T 2912.1-2009' FROM fx WHERE tag IN ('A draft', 'B draft secret', 'A published', 'B published');
INSERT INTO disclosed_indicator SELECT id, 'ph', '5.0~7.5', 'GB/T 7573-2009' FROM fx WHERE tag IN ('A draft', 'B draft secret', 'A published', 'B published');
UPDATE disclosure SET status = 'published' WHERE id IN (SELECT id FROM fx WHERE tag IN ('A published', 'B published'));
-- a draft plan of agency B
INSERT INTO evaluation_plan (code, agency, category, title, deadline)
VALUES ('KT-B-DRAFT', '另一评估机构', 'kettle', 'B 的草案', now() + interval '1 day');
INSERT INTO plan_indicator (plan, indicator) SELECT id, 'standby' FROM evaluation_plan WHERE code = 'KT-B-DRAFT';
SELECT publish_ranking('KT-BEST');

-- the privilege matrix (group role × table or view) ---------------------------------------
SELECT table_privs_are('frontrunner', t, r, p, format('%s on %s: %s', r, t, coalesce(nullif(array_to_string(p, ', '), ''), 'nothing')))
FROM (VALUES
  ('enterprise', '{SELECT,INSERT,UPDATE,DELETE}'::text[], '{SELECT}'::text[], '{SELECT}'::text[], '{}'::text[]),
  ('standard', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{SELECT}', '{}'),
  ('category', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{SELECT}', '{}'),
  ('indicator_def', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{SELECT}', '{}'),
  ('standard_requirement', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{SELECT}', '{}'),
  ('disclosure', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{SELECT,INSERT,UPDATE,DELETE}', '{}'),
  ('disclosed_indicator', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{SELECT,INSERT,UPDATE,DELETE}', '{}'),
  ('disclosure_event', '{SELECT}', '{SELECT}', '{SELECT}', '{}'),
  ('spot_check', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{SELECT}', '{}'),
  ('disclosure_import', '{SELECT,INSERT,UPDATE,DELETE}', '{}', '{}', '{}'),
  ('evaluation_plan', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{}'),
  ('plan_indicator', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{}'),
  ('ranking', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{SELECT}', '{}'),
  ('ranking_entry', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{SELECT}', '{}'),
  ('account', '{SELECT}', '{}', '{}', '{}'),
  ('requirement_in_force', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}'),
  ('spot_check_failure', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}'),
  ('leaderboard', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}'),
  ('current_leaders', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}'),
  ('plan_review', '{SELECT,INSERT}', '{SELECT}', '{SELECT}', '{}'),
  ('feedback', '{SELECT,INSERT,UPDATE}', '{}', '{SELECT,INSERT}', '{SELECT,INSERT}'),
  ('spot_check_request', '{SELECT,INSERT,UPDATE}', '{}', '{}', '{}'),
  ('district_report', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}'),
  ('enterprise_record', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}'),
  ('category_report', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}'),
  ('test_method_limit', '{SELECT,INSERT,UPDATE,DELETE}', '{SELECT}', '{SELECT}', '{}'),
  ('inspection_campaign', '{SELECT,INSERT,UPDATE}', '{}', '{}', '{}'),
  ('inspection_draw', '{SELECT}', '{}', '{SELECT}', '{}'),
  ('inspection_result', '{SELECT,UPDATE}', '{}', '{SELECT}', '{}'),
  ('inspection_finding', '{SELECT,INSERT,UPDATE}', '{}', '{SELECT}', '{}'),
  ('campaign_report', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}'),
  ('campaign_audit', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}'),
  ('claim_verifiability', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}'),
  ('unverifiable_leader', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}'),
  ('reference_report', '{SELECT}', '{SELECT}', '{SELECT}', '{SELECT}')
) m(t, reg, ag, ent, rd)
CROSS JOIN LATERAL (VALUES ('frontrunner_regulator', m.reg), ('frontrunner_agency', m.ag),
                           ('frontrunner_enterprise', m.ent), ('frontrunner_reader', m.rd)) v(r, p);

-- EXECUTE on the functions a role calls (group role × function)
SELECT is(has_function_privilege(r, f, 'EXECUTE'), e, format('%s %s EXECUTE %s', r, CASE WHEN e THEN 'has' ELSE 'has no' END, f))
FROM (VALUES
  ('frontrunner.publish_disclosure(bigint)', true, false, true, false),
  ('frontrunner.withdraw_disclosure(bigint,text)', true, false, true, false),
  ('frontrunner.disclosure_history(bigint)', true, true, true, false),
  ('frontrunner.enterprise_search(text)', true, true, true, false),
  ('frontrunner.import_disclosures(boolean)', true, false, false, false),
  ('frontrunner.rank_plan(text)', true, true, false, false),
  ('frontrunner.eligibility(text)', true, true, false, false),
  ('frontrunner.indicator_lists(text)', true, true, false, false),
  ('frontrunner.plan_cutoffs(text)', true, true, false, false),
  ('frontrunner.publish_ranking(text)', true, true, false, false),
  ('frontrunner.leaders_json(text)', true, true, true, false),
  ('frontrunner.account_enterprise(name)', true, true, true, false),
  ('frontrunner.setup_roles()', false, false, false, false),
  ('frontrunner.disclosure_after_statement()', false, false, false, false),
  ('frontrunner.compare(frontrunner.indicator,frontrunner.indicator)', true, true, true, true),
  ('frontrunner.feedback_subject(bigint,text)', true, false, true, true),
  ('frontrunner.plan_review_check(bigint)', true, true, false, false),
  ('frontrunner.division_name(text)', true, true, true, true),
  ('frontrunner.draw_campaign(text)', true, false, false, false),
  ('frontrunner.campaign_sample(bigint[],text,integer,numeric,text[],integer)', true, true, true, true),
  ('frontrunner.draw_key(text,text)', true, true, true, true),
  ('frontrunner.claim_check(frontrunner.indicator,frontrunner.stdcode,text)', true, true, true, false),
  ('frontrunner.inspection_campaign_after_draw()', false, false, false, false)
) m(f, reg, ag, ent, rd)
CROSS JOIN LATERAL (VALUES ('frontrunner_regulator', m.reg), ('frontrunner_agency', m.ag),
                           ('frontrunner_enterprise', m.ent), ('frontrunner_reader', m.rd)) v(r, e);

-- row-level security is on and forced where rows belong to tenants
SELECT is((SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_class c
           WHERE c.relnamespace = 'frontrunner'::regnamespace AND c.relrowsecurity AND c.relforcerowsecurity),
  'disclosed_indicator, disclosure, disclosure_event, evaluation_plan, feedback, inspection_draw, inspection_finding, inspection_result, plan_indicator, plan_review, review_policy',
  'RLS enabled and forced on the tables with per-tenant rows, and on the regulator''s review policy');
SELECT policies_are('frontrunner', 'disclosure', ARRAY['disclosure_read', 'disclosure_insert', 'disclosure_update', 'disclosure_delete']);
SELECT policies_are('frontrunner', 'disclosed_indicator', ARRAY['disclosed_indicator_read', 'disclosed_indicator_insert', 'disclosed_indicator_update', 'disclosed_indicator_delete']);
SELECT policies_are('frontrunner', 'disclosure_event', ARRAY['disclosure_event_read']);
SELECT policies_are('frontrunner', 'evaluation_plan', ARRAY['evaluation_plan_read', 'evaluation_plan_insert', 'evaluation_plan_update', 'evaluation_plan_delete']);
SELECT policies_are('frontrunner', 'plan_indicator', ARRAY['plan_indicator_read', 'plan_indicator_insert', 'plan_indicator_update', 'plan_indicator_delete']);
SELECT policies_are('frontrunner', 'plan_review', ARRAY['plan_review_read', 'plan_review_insert']);
SELECT policies_are('frontrunner', 'feedback', ARRAY['feedback_read', 'feedback_insert', 'feedback_update']);
SELECT is_empty($$SELECT polname FROM pg_policy WHERE pg_get_expr(polqual, polrelid) ~* 'select|exists'
                     OR pg_get_expr(polwithcheck, polrelid) ~* 'select|exists'$$,
  'no policy holds a subquery');

-- enterprise A ----------------------------------------------------------------------------
SET SESSION AUTHORIZATION fr_t_ent_a;
SELECT is(current_enterprise()::text, '91110108558521630L', 'enterprise A: current_enterprise() from account');
SELECT results_eq($$SELECT product FROM disclosure WHERE product IN ('A draft', 'B draft secret', 'A published', 'B published') ORDER BY 1$$,
  $$VALUES ('A draft'), ('A published'), ('B published')$$,
  'enterprise A reads its own draft and every published disclosure, not B''s draft');
SELECT is((SELECT count(*) FROM disclosure WHERE status = 'draft' AND enterprise <> '91110108558521630L'), 0::bigint,
  'enterprise A sees no draft of another enterprise (fixture drafts included)');
SELECT is_empty($$SELECT * FROM disclosed_indicator WHERE disclosure = (SELECT id FROM fx WHERE tag = 'B draft secret')$$,
  'enterprise A: the indicators of B''s draft are hidden (0 rows)');
SELECT is_empty($$SELECT * FROM disclosure_history((SELECT id FROM fx WHERE tag = 'B draft secret'))$$,
  'enterprise A: the history of B''s draft is hidden (0 rows)');
SELECT is((SELECT count(*) FROM disclosure_event WHERE disclosure = (SELECT id FROM fx WHERE tag = 'B published')), 2::bigint,
  'enterprise A reads the history of a published disclosure');
SELECT throws_ok($$INSERT INTO disclosure (enterprise, category, product, standard) VALUES ('91330100799655058B', 'textile-b', 'forged', 'GB 18401-2010')$$,
  '42501', NULL, 'enterprise A cannot INSERT a disclosure of B (RLS WITH CHECK)');
SELECT is_empty($$UPDATE disclosure SET product = 'hijacked' WHERE id = (SELECT id FROM fx WHERE tag = 'B draft secret') RETURNING id$$,
  'enterprise A: UPDATE of B''s draft changes 0 rows');
SELECT is_empty($$DELETE FROM disclosure WHERE id = (SELECT id FROM fx WHERE tag = 'B draft secret') RETURNING id$$,
  'enterprise A: DELETE of B''s draft deletes 0 rows');
SELECT is_empty($$UPDATE disclosure SET status = 'withdrawn', withdraw_reason = 'x' WHERE id = (SELECT id FROM fx WHERE tag = 'B published') RETURNING id$$,
  'enterprise A: withdrawing B''s published disclosure changes 0 rows');
SELECT throws_ok($$SELECT withdraw_disclosure((SELECT id FROM fx WHERE tag = 'B published'), 'x')$$, 'FR005', NULL,
  'enterprise A: withdraw_disclosure() of B''s disclosure finds no published disclosure of its own');
SELECT throws_ok($$SELECT publish_disclosure((SELECT id FROM fx WHERE tag = 'B draft secret'))$$, 'FR005', NULL,
  'enterprise A: publish_disclosure() of B''s draft finds nothing');
SELECT throws_ok($$INSERT INTO disclosed_indicator VALUES ((SELECT id FROM fx WHERE tag = 'B draft secret'), 'odour', '≤ 1', NULL)$$,
  '42501', NULL, 'enterprise A cannot add an indicator to B''s draft (RLS WITH CHECK)');
SELECT throws_ok($$UPDATE disclosure SET enterprise = '91330100799655058B' WHERE id = (SELECT id FROM fx WHERE tag = 'A draft')$$,
  '42501', NULL, 'enterprise A cannot hand its draft to B (RLS WITH CHECK on UPDATE)');
-- its own work goes through every rule, the history records who did it
SELECT lives_ok($$INSERT INTO disclosed_indicator VALUES ((SELECT id FROM fx WHERE tag = 'A draft'), 'odour', '≤ 1', NULL)$$,
  'enterprise A adds an indicator to its own draft');
SELECT isnt(publish_disclosure((SELECT id FROM fx WHERE tag = 'A draft')), NULL, 'enterprise A publishes its own draft');
SELECT is((SELECT string_agg(action || ' by ' || by_user, ', ' ORDER BY event)
           FROM disclosure_history((SELECT id FROM fx WHERE tag = 'A draft')) WHERE action = 'publish'),
  'publish by fr_t_ent_a',
  'the SECURITY DEFINER history writer records the caller (by_user), not its owner');
SELECT throws_ok($$INSERT INTO disclosure_event (disclosure, action) VALUES (1, 'publish')$$, '42501', NULL,
  'enterprise A cannot write history');
INSERT INTO disclosure (enterprise, category, product, standard, supersedes)
VALUES ('91110108558521630L', 'textile-b', 'A steals B', 'GB 18401-2010', (SELECT id FROM fx WHERE tag = 'B published'));
INSERT INTO disclosed_indicator SELECT id, 'formaldehyde', '≤ 30 mg/kg', NULL FROM disclosure WHERE product = 'A steals B';
SELECT throws_ok($$UPDATE disclosure SET status = 'published' WHERE product = 'A steals B'$$, 'FR005', NULL,
  'enterprise A cannot supersede B''s disclosure with a version of its own');
SELECT throws_ok($$INSERT INTO standard (code) VALUES ('GB 1-2020')$$, '42501', NULL, 'enterprise A cannot INSERT a standard');
SELECT throws_ok($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured) SELECT id, 'formaldehyde', CURRENT_DATE, '1 mg/kg' FROM fx WHERE tag = 'B published'$$,
  '42501', NULL, 'enterprise A cannot INSERT a spot check');
SELECT throws_ok($$INSERT INTO evaluation_plan (code, agency, category, title, deadline) VALUES ('X', 'x', 'kettle', 'x', now())$$,
  '42501', NULL, 'enterprise A cannot INSERT an evaluation plan');
SELECT throws_ok($$SELECT * FROM account$$, '42501', NULL, 'enterprise A cannot read account');
SELECT throws_ok($$SELECT * FROM disclosure_import$$, '42501', NULL, 'enterprise A cannot read the import staging table');
SELECT throws_ok($$SELECT * FROM rank_plan('KT-2026')$$, '42501', NULL, 'enterprise A cannot EXECUTE rank_plan');
SELECT throws_ok($$SELECT publish_ranking('KT-2026')$$, '42501', NULL, 'enterprise A cannot EXECUTE publish_ranking');
SELECT throws_ok($$SELECT * FROM import_disclosures()$$, '42501', NULL, 'enterprise A cannot EXECUTE import_disclosures');
SELECT is(account_enterprise('fr_t_ent_b'), NULL, 'enterprise A cannot look up B''s mapping (account_enterprise of another login is NULL)');
SELECT is((SELECT count(*) FROM evaluation_plan WHERE status = 'draft'), 0::bigint, 'enterprise A sees no draft plan');
SELECT isnt_empty($$SELECT * FROM leaderboard$$, 'enterprise A reads the leaderboard');
SELECT isnt(leaders_json('KT-BEST'), NULL, 'enterprise A runs leaders_json');
RESET SESSION AUTHORIZATION;

-- enterprise B still has its draft untouched ------------------------------------------------
SELECT is((SELECT product FROM disclosure WHERE id = (SELECT id FROM fx WHERE tag = 'B draft secret')), 'B draft secret',
  'B''s draft is unchanged after enterprise A''s attempts');
SELECT is((SELECT status FROM disclosure WHERE id = (SELECT id FROM fx WHERE tag = 'B published')), 'published',
  'B''s published disclosure is unchanged');

-- agency A -----------------------------------------------------------------------------------
SET SESSION AUTHORIZATION fr_t_agency_a;
SELECT is(current_agency(), '示例评估机构', 'agency A: current_agency() from account');
SELECT is((SELECT count(*) FROM disclosure WHERE status = 'draft'), 0::bigint, 'agency A reads no draft disclosure');
SELECT ok((SELECT count(*) FROM disclosure WHERE status = 'published') > 10, 'agency A reads the published disclosures');
SELECT is_empty($$SELECT * FROM disclosed_indicator WHERE disclosure IN (SELECT id FROM fx WHERE tag IN ('B draft secret', 'D8'))$$,
  'agency A: indicators of drafts are hidden');
SELECT throws_ok($$INSERT INTO disclosure (enterprise, category, product, standard) VALUES ('91110108558521630L', 'textile-b', 'x', 'GB 18401-2010')$$,
  '42501', NULL, 'agency A cannot INSERT a disclosure');
SELECT results_eq($$SELECT code FROM evaluation_plan ORDER BY code$$, $$VALUES ('KT-2026'), ('KT-BEST'), ('KT-TIES')$$,
  'agency A reads its plans and published plans, not B''s draft plan');
SELECT is_empty($$SELECT * FROM plan_indicator WHERE plan = (SELECT id FROM evaluation_plan WHERE code = 'KT-B-DRAFT')$$,
  'agency A: the core indicators of B''s draft plan are hidden');
SELECT throws_ok($$INSERT INTO evaluation_plan (code, agency, category, title, deadline) VALUES ('KT-FORGED', '另一评估机构', 'kettle', 'x', now())$$,
  '42501', NULL, 'agency A cannot INSERT a plan of agency B (RLS WITH CHECK)');
SELECT lives_ok($$INSERT INTO evaluation_plan (code, agency, category, title, deadline) VALUES ('KT-A-NEW', '示例评估机构', 'kettle', 'A 的新方案', now() + interval '1 day')$$,
  'agency A enters a plan of its own');
SELECT lives_ok($$INSERT INTO plan_indicator (plan, indicator) SELECT id, 'standby' FROM evaluation_plan WHERE code = 'KT-A-NEW'$$,
  'agency A adds a core indicator to its own plan');
SELECT throws_ok($$INSERT INTO plan_indicator (plan, indicator) SELECT id, 'noise' FROM evaluation_plan WHERE code = 'KT-BEST'$$,
  '42501', NULL, 'agency A cannot add a core indicator to B''s plan');
SELECT is_empty($$UPDATE evaluation_plan SET status = 'closed' WHERE code = 'KT-BEST' RETURNING id$$,
  'agency A: closing B''s plan changes 0 rows');
SELECT is_empty($$DELETE FROM evaluation_plan WHERE code = 'KT-B-DRAFT' RETURNING id$$,
  'agency A: deleting B''s draft plan deletes 0 rows');
SELECT is((SELECT count(*) FROM rank_plan('KT-BEST')), 6::bigint, 'agency A runs rank_plan on any published plan (B''s KT-BEST)');
SELECT isnt_empty($$SELECT * FROM eligibility('KT-BEST')$$, 'agency A runs eligibility on B''s plan');
SELECT isnt_empty($$SELECT * FROM indicator_lists('KT-BEST')$$, 'agency A runs indicator_lists on B''s plan');
SELECT isnt_empty($$SELECT * FROM plan_cutoffs('KT-BEST')$$, 'agency A runs plan_cutoffs on B''s plan');
SELECT throws_ok($$SELECT * FROM rank_plan('KT-B-DRAFT')$$, 'P0002', NULL, 'agency A: B''s draft plan does not exist for it');
SELECT ok(publish_ranking('KT-2026') IS NOT NULL, 'agency A publishes the ranking of its own plan');
SELECT is((SELECT published_by::text COLLATE "default" FROM ranking WHERE plan = (SELECT id FROM evaluation_plan WHERE code = 'KT-2026') ORDER BY id DESC LIMIT 1),
  'fr_t_agency_a', 'published_by is the caller of the SECURITY DEFINER publish_ranking');
SELECT throws_ok($$SELECT publish_ranking('KT-BEST')$$, '42501', 'permission denied to publish the ranking of plan KT-BEST',
  'agency A cannot publish the ranking of B''s plan');
SELECT throws_ok($$SELECT publish_ranking('KT-B-DRAFT')$$, 'P0002', 'no evaluation plan "KT-B-DRAFT"',
  'agency A: publish_ranking of B''s draft plan says it does not exist');
SELECT throws_ok($$INSERT INTO ranking (plan, eligible, ineligible) SELECT id, 1, 0 FROM evaluation_plan WHERE code = 'KT-2026'$$,
  '42501', NULL, 'agency A cannot write a ranking list by hand');
SELECT throws_ok($$UPDATE ranking_entry SET revoke_reason = 'x'$$, '42501', NULL, 'agency A cannot revoke ranking entries');
SELECT throws_ok($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured) SELECT id, 'standby', CURRENT_DATE, '1 W' FROM fx WHERE tag = 'D1'$$,
  '42501', NULL, 'agency A cannot INSERT a spot check');
SELECT throws_ok($$SELECT * FROM account$$, '42501', NULL, 'agency A cannot read account');
RESET SESSION AUTHORIZATION;

-- agency B: its plan and its draft are untouched
SELECT is((SELECT status FROM evaluation_plan WHERE code = 'KT-BEST'), 'published', 'B''s plan is still published');
SELECT is((SELECT count(*) FROM plan_indicator WHERE plan = (SELECT id FROM evaluation_plan WHERE code = 'KT-BEST')), 2::bigint,
  'B''s plan has its two core indicators, no more');
SET SESSION AUTHORIZATION fr_t_agency_b;
SELECT ok(publish_ranking('KT-BEST') IS NOT NULL, 'agency B publishes the ranking of its own plan');
SELECT results_eq($$SELECT code FROM evaluation_plan WHERE status = 'draft' ORDER BY code$$, $$VALUES ('KT-B-DRAFT')$$,
  'agency B reads its own draft plan, not A''s');
RESET SESSION AUTHORIZATION;

-- reader (BI) --------------------------------------------------------------------------------
SET SESSION AUTHORIZATION fr_t_reader;
SELECT throws_ok(format('SELECT * FROM frontrunner.%I', t), '42501', NULL, 'reader cannot SELECT table ' || t)
FROM unnest(ARRAY['enterprise', 'standard', 'disclosure', 'disclosed_indicator', 'disclosure_event', 'spot_check',
                  'evaluation_plan', 'plan_indicator', 'ranking', 'ranking_entry', 'account', 'disclosure_import',
                  'plan_review', 'spot_check_request']) t;
SELECT lives_ok(format('SELECT * FROM frontrunner.%I', v), 'reader reads view ' || v)
FROM unnest(ARRAY['requirement_in_force', 'spot_check_failure', 'leaderboard', 'current_leaders',
                  'district_report', 'enterprise_record', 'category_report']) v;
SELECT lives_ok($$INSERT INTO feedback (reporter_kind, disclosure, body) SELECT 'anonymous', id, '测试' FROM fx WHERE tag = 'D1'$$,
  'reader (the public) files a report (test/supervision.sql has the workflow)');
SELECT throws_ok($$SELECT * FROM rank_plan('KT-2026')$$, '42501', NULL, 'reader cannot EXECUTE rank_plan');
SELECT throws_ok($$SELECT leaders_json('KT-2026')$$, '42501', NULL, 'reader cannot EXECUTE leaders_json');
SELECT throws_ok($$SELECT * FROM disclosure_history(1)$$, '42501', NULL, 'reader cannot EXECUTE disclosure_history');
SELECT throws_ok($$INSERT INTO disclosure (enterprise, category, product, standard) VALUES ('91110108558521630L', 'textile-b', 'x', 'GB 18401-2010')$$,
  '42501', NULL, 'reader cannot INSERT a disclosure');
-- the views show public data only: no draft reaches them
RESET SESSION AUTHORIZATION;
CREATE TEMP TABLE seen (v text, d bigint);
GRANT INSERT, SELECT ON seen TO PUBLIC;
SET SESSION AUTHORIZATION fr_t_reader;
INSERT INTO seen SELECT 'leaderboard', disclosure FROM leaderboard
  UNION ALL SELECT 'current_leaders', disclosure FROM current_leaders
  UNION ALL SELECT 'spot_check_failure', disclosure FROM spot_check_failure;
RESET SESSION AUTHORIZATION;
SELECT ok((SELECT count(*) FROM seen) > 0, 'the reader sees rows in the views');
SELECT is_empty($$SELECT s.v, s.d FROM seen s JOIN disclosure d ON d.id = s.d WHERE d.status = 'draft'$$,
  'no view shows a draft disclosure to the reader');

-- regulator -----------------------------------------------------------------------------------
SET SESSION AUTHORIZATION fr_t_regulator;
SELECT is((SELECT count(*) FROM disclosure WHERE status = 'draft' AND product IN ('B draft secret', 'A steals B')), 2::bigint,
  'the regulator reads every draft');
SELECT isnt_empty($$SELECT * FROM account$$, 'the regulator reads account');
SELECT lives_ok($$INSERT INTO standard (code, title) VALUES ('GB 99999-2020', 'test')$$, 'the regulator writes standards');
SELECT lives_ok($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured) SELECT id, 'standby', CURRENT_DATE, '5 W' FROM fx WHERE tag = 'D1'$$,
  'the regulator records a failing spot check (revocation trigger runs as the regulator)');
SELECT isnt_empty($$SELECT * FROM ranking_entry WHERE disclosure = (SELECT id FROM fx WHERE tag = 'D1') AND revoked_at IS NOT NULL$$,
  'the failing spot check revoked D1''s leader entry');
SELECT lives_ok($$UPDATE ranking_entry SET revoke_reason = 'regulator decision' WHERE revoked_at IS NULL AND tier = 'leader'$$,
  'the regulator revokes ranking entries');
SELECT ok(publish_ranking('KT-TIES') IS NOT NULL, 'the regulator publishes the ranking of any plan');
SELECT lives_ok($$SELECT * FROM import_disclosures()$$, 'the regulator runs import_disclosures');
SELECT is((SELECT count(*) FROM evaluation_plan WHERE status = 'draft'), 2::bigint, 'the regulator reads every draft plan');
SELECT throws_ok($$INSERT INTO disclosure_event (disclosure, action) VALUES (1, 'publish')$$, '42501', NULL,
  'not even the regulator writes history by hand');
SELECT throws_ok($$SELECT * FROM setup_roles()$$, '42501', NULL, 'the regulator cannot run setup_roles (DBA only)');
RESET SESSION AUTHORIZATION;

-- a login without a mapping, and a role outside the groups -------------------------------------
SET SESSION AUTHORIZATION fr_t_unmapped;
SELECT is(current_enterprise(), NULL, 'unmapped login: current_enterprise() is NULL');
SELECT is((SELECT count(*) FROM disclosure WHERE status = 'draft'), 0::bigint, 'unmapped login sees no draft');
SELECT is_empty($$SELECT * FROM disclosed_indicator WHERE disclosure IN (SELECT id FROM fx WHERE tag IN ('B draft secret', 'D8'))$$,
  'unmapped login sees no indicator of a draft');
SELECT throws_ok($$SELECT * FROM account$$, '42501', NULL, 'unmapped login sees no account row (no privilege)');
SELECT throws_ok($$INSERT INTO disclosure (enterprise, category, product, standard) VALUES ('91110108558521630L', 'textile-b', 'x', 'GB 18401-2010')$$,
  '42501', NULL, 'unmapped login cannot write a disclosure of any enterprise');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fr_t_nobody;
SELECT throws_ok($$SELECT * FROM frontrunner.disclosure$$, '42501', NULL, 'a role outside the groups cannot read disclosures');
SELECT throws_ok($$SELECT * FROM frontrunner.leaderboard$$, '42501', NULL, 'a role outside the groups cannot read the views');
RESET SESSION AUTHORIZATION;

-- leak probe: a cheap non-LEAKPROOF function in a user's WHERE sees only visible rows -----------
CREATE TEMP TABLE probe_log (who name, id bigint, product text, status text);
GRANT INSERT, SELECT ON probe_log TO PUBLIC;
CREATE FUNCTION pg_temp.probe(bigint, text, text) RETURNS boolean
LANGUAGE plpgsql COST 0.0000001 AS $$
BEGIN
  RAISE NOTICE 'probe sees disclosure % (%), %', $1, $3, $2;
  INSERT INTO pg_temp.probe_log VALUES (current_user, $1, $2, $3);
  RETURN true;
END
$$;
SET client_min_messages = warning;
SET SESSION AUTHORIZATION fr_t_ent_a;
SELECT ok((SELECT count(*) FROM frontrunner.disclosure d WHERE pg_temp.probe(d.id, d.product, d.status)) > 0, 'probe ran as enterprise A');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fr_t_agency_a;
SELECT ok((SELECT count(*) FROM frontrunner.disclosure d WHERE pg_temp.probe(d.id, d.product, d.status)) > 0, 'probe ran as agency A');
RESET SESSION AUTHORIZATION;
RESET client_min_messages;
SELECT is_empty($$SELECT who, product FROM probe_log l
                  WHERE l.status = 'draft' AND (l.who <> 'fr_t_ent_a'
                        OR l.id NOT IN (SELECT id FROM disclosure WHERE enterprise = '91110108558521630L'))$$,
  'leak probe: the function saw no foreign draft (policies are applied before the caller''s non-LEAKPROOF quals)');

-- LEAKPROOF: the uscc comparison keeps the index under RLS ----------------------------------------
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  l text;
  out text := '';
BEGIN
  FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
    out := out || l || E'\n';
  END LOOP;
  RETURN out;
END
$$;
SET LOCAL enable_seqscan = off;
SET SESSION AUTHORIZATION fr_t_ent_a;
SELECT matches(pg_temp.plan_of($$SELECT * FROM frontrunner.disclosure WHERE enterprise = '91330100799655058B'$$),
  'Index Cond: \(enterprise = ',
  'as enterprise A under RLS, WHERE enterprise = … is an index condition (uscc = is LEAKPROOF)');
SELECT matches(pg_temp.plan_of($$SELECT * FROM frontrunner.standard WHERE code = 'GB 18401-2010'$$),
  'Index Cond: \(code = ', 'WHERE code = … on standard is an index condition');
RESET SESSION AUTHORIZATION;
ALTER FUNCTION uscc_eq(uscc, uscc) NOT LEAKPROOF;
SET SESSION AUTHORIZATION fr_t_ent_a;
SELECT doesnt_match(pg_temp.plan_of($$SELECT * FROM frontrunner.disclosure WHERE enterprise = '91330100799655058B'$$),
  'Index Cond: \(enterprise = ',
  'counter-check: were uscc = not LEAKPROOF, RLS would keep it out of the index scan');
RESET SESSION AUTHORIZATION;
ALTER FUNCTION uscc_eq(uscc, uscc) LEAKPROOF;
SELECT is_empty($$
  SELECT o.oprname || ' ' || o.oprleft::regtype FROM pg_operator o JOIN pg_proc p ON p.oid = o.oprcode
  WHERE o.oprnamespace = 'frontrunner'::regnamespace AND o.oprname IN ('=', '<>', '<', '<=', '>', '>=')
    AND o.oprleft = o.oprright AND o.oprleft IN ('uscc'::regtype, 'stdcode'::regtype, 'indicator'::regtype)
    AND NOT p.proleakproof$$,
  'the btree comparison operators of uscc, stdcode and indicator are LEAKPROOF');

-- SECURITY DEFINER cannot be abused ------------------------------------------------------------------
SET SESSION AUTHORIZATION fr_t_ent_a;
SELECT throws_ok($$SELECT frontrunner.disclosure_after_statement()$$, '42501', NULL,
  'a tenant cannot execute the SECURITY DEFINER history writer');
SELECT throws_ok($$CREATE TEMP TABLE t (x int); CREATE TRIGGER t AFTER INSERT ON t REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION frontrunner.disclosure_after_statement()$$,
  '42501', NULL, 'a tenant cannot attach the SECURITY DEFINER history writer to a table of its own');
SELECT throws_ok($$SELECT frontrunner.ranking_publisher_check('KT-BEST')$$, '42501', NULL,
  'a tenant cannot call the publisher check');
RESET SESSION AUTHORIZATION;

-- a role that may read the indicators but not disclosure (on a distributed
-- registry: the reader on the shards under a view) sees, through the policy,
-- the indicators of the public record only (disclosure_visible(), src/rls.c)
CREATE ROLE fr_t_rows;
GRANT USAGE ON SCHEMA frontrunner TO fr_t_rows;
GRANT SELECT ON disclosed_indicator TO fr_t_rows;
SELECT string_agg(f.tag, ', ' ORDER BY f.tag) FILTER (WHERE d.status <> 'draft') AS public_rows,
       string_agg(f.tag, ', ' ORDER BY f.tag) FILTER (WHERE d.status = 'draft') AS draft_rows
FROM fx f JOIN disclosure d ON d.id = f.id
WHERE f.tag IN ('A draft', 'B draft secret', 'A published', 'B published') \gset
SELECT is(:'draft_rows'::text, 'B draft secret', 'B''s draft is still a draft with indicators here');
SET SESSION AUTHORIZATION fr_t_rows;
SELECT is((SELECT string_agg(f.tag, ', ' ORDER BY f.tag) FROM fx f
           WHERE f.tag IN ('A draft', 'B draft secret', 'A published', 'B published')
             AND EXISTS (SELECT FROM frontrunner.disclosed_indicator i WHERE i.disclosure = f.id)),
          :'public_rows'::text,
          'a role with SELECT on disclosed_indicator alone sees the indicators of the public record (' || :'public_rows' || '), no draft''s');
RESET SESSION AUTHORIZATION;

-- a new object without a class is refused by setup_roles() (and fails the first test of this file)
CREATE FUNCTION frontrunner.zz_unclassified() RETURNS int LANGUAGE sql SET search_path = pg_catalog, pg_temp AS 'SELECT 1';
ALTER EXTENSION frontrunner ADD FUNCTION frontrunner.zz_unclassified();
SELECT throws_ok($$SELECT * FROM setup_roles()$$, '22023', NULL, 'setup_roles() refuses to run while an object has no class');
SELECT isnt_empty($$SELECT * FROM security_plan() WHERE class IS NULL AND name = 'zz_unclassified'$$,
  'security_plan() names the unclassified function');

SELECT * FROM finish();
ROLLBACK;
