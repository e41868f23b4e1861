-- Supervision of disclosures (issue 20): what test methods can measure and
-- rule 8 (claims a method cannot verify), replaced references, and random
-- inspection campaigns — the seeded draw (checked against an independent
-- re-implementation), its scope and size, the pre-filled items, the
-- inspectors' results, findings and their follow-up, publication, and who
-- may do and see what.
BEGIN;
SELECT plan(81);
\ir fixtures/registry.sql

CREATE TEMP TABLE grants AS SELECT * FROM setup_roles();
CREATE ROLE fr_i_reg IN ROLE frontrunner_regulator;
CREATE ROLE fr_i_insp1 IN ROLE frontrunner_regulator;
CREATE ROLE fr_i_insp2 IN ROLE frontrunner_regulator;
CREATE ROLE fr_i_insp3 IN ROLE frontrunner_regulator;
CREATE ROLE fr_i_ent IN ROLE frontrunner_enterprise;
CREATE ROLE fr_i_reader IN ROLE frontrunner_reader;

-- twelve Beijing (110108) and four Hangzhou (330100) enterprises, one
-- published disclosure each; the formaldehyde limit is 8 mg/kg for every third
INSERT INTO enterprise (uscc, name)
SELECT uscc_complete(CASE WHEN g <= 12 THEN '91110108MA0000' ELSE '91330100MA0000' END || lpad(g::text, 3, '0')),
       '示例企业 ' || g
FROM generate_series(1, 16) g;
INSERT INTO account (role, enterprise) VALUES ('fr_i_ent', uscc_complete('91110108MA0000001'));
CREATE TEMP TABLE ids (g int PRIMARY KEY, id bigint);
GRANT SELECT ON ids TO PUBLIC;
WITH d AS (
  INSERT INTO disclosure (enterprise, category, product, standard)
  SELECT uscc_complete(CASE WHEN g <= 12 THEN '91110108MA0000' ELSE '91330100MA0000' END || lpad(g::text, 3, '0')),
         'textile-b', '衬衫 ' || g, 'FZ/T 73020-2019'
  FROM generate_series(1, 16) g
  RETURNING id, product)
INSERT INTO ids SELECT split_part(product, ' ', 2)::int, id FROM d;
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
SELECT id, 'formaldehyde', CASE WHEN g % 3 = 0 THEN '≤8 mg/kg' ELSE '≤20 mg/kg' END,
       CASE WHEN g = 2 THEN 'GB/T 2912.1-1998' ELSE 'GB/T 2912.1-2009' END
FROM ids;
SELECT count(publish_disclosure(id)) FROM ids \g /dev/null

-- what a method can measure ----------------------------------------------------------------
INSERT INTO test_method_limit (method, analyte, detection_limit, range_top, source, source_kind)
VALUES ('GB/T 2912.1-2009', 'formaldehyde', '20 mg/kg', '3500 mg/kg', 'test', 'secondary');
CREATE TEMP VIEW lim AS SELECT l AS l FROM test_method_limit l;
SELECT results_eq($$SELECT c.verifiable, c.effective::text FROM lim, claim_judge('≤8 mg/kg', lim.l) c$$,
  $$VALUES (false, '≤ 20 mg/kg')$$, 'a limit below the detection limit cannot be verified; as the method verifies it: ≤ 20 mg/kg');
SELECT results_eq($$SELECT c.verifiable FROM lim, claim_judge('≤ 0.008 g/kg', lim.l) c$$,
  $$VALUES (false)$$, 'in another unit of the same quantity too (0.008 g/kg = 8 mg/kg)');
SELECT results_eq($$SELECT c.verifiable, c.reason FROM lim, claim_judge('≤20 mg/kg', lim.l) c$$,
  $$VALUES (true, 'within what GB/T 2912.1-2009 measures (from 20 mg/kg to 3500 mg/kg)')$$, 'a limit at the detection limit can be verified');
SELECT results_eq($$SELECT c.verifiable, c.effective::text FROM lim, claim_judge('不得检出', lim.l) c$$,
  $$VALUES (true, 'ND (≤ 20 mg/kg)')$$, 'an ND without a stated limit takes the method''s detection limit');
SELECT results_eq($$SELECT c.verifiable FROM lim, claim_judge('ND(≤10 mg/kg)', lim.l) c$$,
  $$VALUES (false)$$, 'an ND with a stated limit below the method''s cannot be verified');
SELECT results_eq($$SELECT c.verifiable, c.reason FROM lim, claim_judge('≥4000 mg/kg', lim.l) c$$,
  $$VALUES (false, 'the claimed lower bound 4000 mg/kg is above the measuring range of GB/T 2912.1-2009 (up to 3500 mg/kg)')$$,
  'a lower bound above the measuring range cannot be verified');
SELECT results_eq($$SELECT c.verifiable FROM lim, claim_judge('≤0.2 mg/kg(以Pb计)', lim.l) c$$,
  $$VALUES (NULL::boolean)$$, 'a claim on another basis is not judged');
SELECT results_eq($$SELECT c.verifiable, c.reason FROM claim_check('≤8 mg/kg', 'GB/T 7573-2009', 'formaldehyde') c$$,
  $$VALUES (NULL::boolean, 'no limits of GB/T 7573-2009 for "formaldehyde" in test_method_limit')$$, 'no recorded limits: not judged');
SELECT throws_ok($$INSERT INTO test_method_limit (method, analyte, detection_limit, source, source_kind) VALUES ('GB/T 7573-2009', 'ph', '≤ 2', 'x', 'official')$$,
  '22023', 'detection_limit of method GB/T 7573-2009 for "ph" must be a plain value', 'a limit is a plain value');
SELECT throws_ok($$INSERT INTO test_method_limit (method, analyte, detection_limit, range_top, source, source_kind) VALUES ('GB/T 5750.4-2006', 'turbidity', '0.5 NTU', '10 mg/L', 'x', 'official')$$,
  '22023', 'the limits of method GB/T 5750.4-2006 for "turbidity" are in units of different quantities', 'the limits are of one quantity');
SELECT throws_ok($$INSERT INTO test_method_limit (method, analyte, detection_limit, quantification_limit, source, source_kind) VALUES ('GB/T 5750.4-2006', 'turbidity', '1 NTU', '0.5 NTU', 'x', 'official')$$,
  '22023', 'the limits of method GB/T 5750.4-2006 for "turbidity" are not in order', 'detection ≤ quantification ≤ range top');
SELECT is((SELECT count(*) FROM claim_verifiability WHERE NOT verifiable), 5::bigint,
  'claim_verifiability flags the five published 8 mg/kg claims (the 1998 method has no limits recorded)');
-- benchmark() shows the flag on every benchmark row of the indicator
SELECT results_eq(format($$SELECT DISTINCT verifiable, verifiable_reason ~ '20 mg/kg' FROM benchmark(%s) WHERE indicator = 'formaldehyde'$$,
                         (SELECT id FROM ids WHERE g = 3)),
  $$VALUES (false, true)$$,
  'benchmark(): a claim of 8 mg/kg tested by GB/T 2912.1-2009 (floor 20 mg/kg) is not verifiable, saying why');
SELECT results_eq(format($$SELECT DISTINCT verifiable FROM benchmark(%s) WHERE indicator = 'formaldehyde'$$,
                         (SELECT id FROM ids WHERE g = 1)),
  $$VALUES (true)$$,
  'benchmark(): a claim of 20 mg/kg is verifiable by the same method');
SELECT results_eq(format($$SELECT DISTINCT verifiable, verifiable_reason FROM benchmark(%s) WHERE indicator = 'formaldehyde'$$,
                         (SELECT id FROM ids WHERE g = 2)),
  $$VALUES (NULL::boolean, 'no limits of GB/T 2912.1-1998 for "formaldehyde" in test_method_limit')$$,
  'benchmark(): no verdict when the method has no limits recorded, and the reason names the method');

-- rule 8 at publication, by the database's setting ----------------------------------------
INSERT INTO disclosure (enterprise, category, product, standard)
VALUES (uscc_complete('91110108MA0000001'), 'textile-b', '草稿 D', 'FZ/T 73020-2019');
INSERT INTO ids SELECT 99, max(id) FROM disclosure;
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
SELECT id, 'formaldehyde', '≤10 mg/kg', 'GB/T 2912.1-2009' FROM ids WHERE g = 99;
SELECT is(unverifiable_claims_setting(), 'flag', 'by default unverifiable claims are published with the flag');
SET SESSION AUTHORIZATION fr_i_ent;
SELECT throws_ok($$SET frontrunner.unverifiable_claims = 'flag'$$, '42501', NULL, 'a tenant cannot change the setting');
RESET SESSION AUTHORIZATION;
SELECT throws_ok($$SET frontrunner.unverifiable_claims = 'maybe'$$, '22023', NULL, 'the setting is flag or refuse');
SET frontrunner.unverifiable_claims = 'refuse';
SELECT throws_ok($$SELECT publish_disclosure(id) FROM ids WHERE g = 99$$, 'FR009',
  'rule 8 (verifiability): test method GB/T 2912.1-2009 cannot verify "formaldehyde" ≤ 10 mg/kg',
  'set to refuse, publication of a claim the method cannot verify is refused (FR009)');
SELECT is((SELECT status FROM disclosure WHERE id = (SELECT id FROM ids WHERE g = 99)), 'draft', 'the disclosure stays a draft');
RESET frontrunner.unverifiable_claims;
SELECT ok(publish_disclosure((SELECT id FROM ids WHERE g = 99)) IS NOT NULL, 'set to flag (the default), it is published with the flag');

-- references -------------------------------------------------------------------------------
INSERT INTO standard (code, title) VALUES ('GB/T 2912.1-2009', '甲醛 (2009)'), ('GB/T 2912.1-2099', '甲醛 (a later edition, test only)');
UPDATE standard SET replaced_by = 'GB/T 2912.1-2099' WHERE code = 'GB/T 2912.1-2009';
INSERT INTO standard (code, title, withdrawn_on, replaced_by, replaced_on) VALUES ('GB/T 2912.1-1998', '甲醛 (1998)', '2010-01-01', 'GB/T 2912.1-2009', '2010-01-01');
SELECT results_eq($$SELECT r.reference, r.state, r.replaced_by, r.current_edition FROM reference_report r
                    WHERE r.disclosure = (SELECT id FROM ids WHERE g = 2)$$,
  $$VALUES ('GB/T 2912.1-1998', 'withdrawn', 'GB/T 2912.1-2009', 'GB/T 2912.1-2099')$$,
  'a withdrawn test method is reported with its replacement and the end of the chain');
SELECT is((SELECT count(*) FROM reference_report WHERE state = 'replaced'), 16::bigint,
  'a method replaced but not withdrawn is reported as replaced');
SELECT is(standard_current('GB/T 2912.1-1998')::text, 'GB/T 2912.1-2099', 'standard_current follows replaced_by');
UPDATE standard SET replaced_by = NULL WHERE code = 'GB/T 2912.1-2009';
SELECT throws_ok($$UPDATE standard SET replaced_by = code WHERE code = 'GB/T 2912.1-2009'$$, '23514', NULL, 'a standard does not replace itself');

-- campaigns: who may create them ---------------------------------------------------------
SET SESSION AUTHORIZATION fr_i_ent;
SELECT throws_ok($$INSERT INTO inspection_campaign (code, title, authority, inspectors) VALUES ('X', 'x', 'x', '{a,b}')$$,
  '42501', NULL, 'an enterprise cannot create a campaign');
SELECT throws_ok($$SELECT * FROM draw_campaign('C1')$$, '42501', NULL, 'nor draw one');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fr_i_reader;
SELECT throws_ok($$SELECT * FROM inspection_campaign$$, '42501', NULL, 'the public reads no campaign before publication');
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION fr_i_reg;
INSERT INTO inspection_campaign (code, title, authority, category, district, sample_size, inspectors, team_size, seed)
VALUES ('C1', '抽查 1', '示例局', 'textile-b', '1101', 5, '{fr_i_insp1,fr_i_insp2,fr_i_insp3}', 2, 'seed-1'),
       ('C2', '抽查 2', '示例局', 'textile-b', '1101', 5, '{fr_i_insp1,fr_i_insp2,fr_i_insp3}', 2, 'seed-2'),
       ('C3', '抽查 3', '示例局', 'textile-b', '1101', 5, '{fr_i_insp1,fr_i_insp2,fr_i_insp3}', 2, 'seed-1');
INSERT INTO inspection_campaign (code, title, authority, sample_fraction, inspectors, team_size)
VALUES ('C4', '抽查 4', '示例局', 0.2, '{fr_i_insp1}', 1);
SELECT throws_ok($$INSERT INTO inspection_campaign (code, title, authority, sample_size, inspectors, status) VALUES ('C9', 'x', 'x', 1, '{a,b}', 'drawn')$$,
  'FR010', 'inspection campaign: campaign C9 is created planned', 'a campaign is created planned');
SELECT throws_ok($$INSERT INTO inspection_campaign (code, title, authority, sample_size, inspectors) VALUES ('C9', 'x', 'x', 1, '{a,a}')$$,
  'FR010', 'inspection campaign: the inspector pool of campaign C9 needs at least 2 distinct names', 'the pool holds team_size distinct inspectors');
SELECT throws_ok($$INSERT INTO inspection_campaign (code, title, authority, sample_size, sample_fraction, inspectors) VALUES ('C9', 'x', 'x', 1, 0.5, '{a,b}')$$,
  '23514', NULL, 'a sample size or a fraction, not both');
SELECT throws_ok($$UPDATE inspection_campaign SET seed = 'other' WHERE code = 'C1'$$,
  'FR010', 'inspection campaign: seed of campaign C1 cannot be changed', 'the seed is recorded once');
SELECT ok((SELECT seed ~ '^[0-9a-f-]{36}$' FROM inspection_campaign WHERE code = 'C4'), 'the default seed is a random UUID, recorded');

-- the draw -----------------------------------------------------------------------------------
CREATE TEMP TABLE d1 AS SELECT row_number() OVER () AS n, * FROM draw_campaign('C1');
GRANT SELECT ON d1 TO PUBLIC;
SELECT is((SELECT count(*) FROM d1), 10::bigint, 'five disclosures, two inspectors each');
SELECT results_eq($$SELECT row_number() OVER () AS n, * FROM draw_campaign('C1')$$, $$SELECT * FROM d1$$,
  'the draw is the same on every call');
SELECT is((SELECT status FROM inspection_campaign WHERE code = 'C1'), 'drawn', 'the first call drew the campaign');
SELECT is((SELECT population FROM inspection_campaign WHERE code = 'C1'),
  (SELECT array_agg(id ORDER BY id) FROM ids WHERE g <= 12 OR g = 99), 'the population is the published disclosures in scope (Beijing, textile-b)');
SELECT ok((SELECT bool_and(i.g <= 12 OR i.g = 99) FROM d1 JOIN ids i ON i.id = d1.disclosure), 'every drawn disclosure is in scope');
SELECT ok((SELECT count(DISTINCT (disclosure, inspector)) = count(*) AND count(DISTINCT disclosure) = 5 FROM d1),
  'no inspector twice on one disclosure');
-- an independent re-implementation: bytewise order of SHA-256(seed ":" id)
CREATE FUNCTION pg_temp.redraw(seed text, pop bigint[], size int, pool text[], team int)
RETURNS TABLE (n bigint, disclosure bigint, inspector text) LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
  names text[];
  k int := 0;
  d bigint;
  x text;
BEGIN
  SELECT array_agg(p ORDER BY sha256(convert_to(seed || ':' || p, 'UTF8')), p) INTO ids FROM unnest(pop) p;
  FOREACH d IN ARRAY ids[1:size] LOOP
    SELECT array_agg(q ORDER BY sha256(convert_to(seed || ':' || d || ':' || q, 'UTF8'))) INTO names FROM unnest(pool) q;
    FOREACH x IN ARRAY names[1:team] LOOP
      k := k + 1;
      n := k; disclosure := d; inspector := x;
      RETURN NEXT;
    END LOOP;
  END LOOP;
END
$$;
SELECT results_eq($$SELECT * FROM d1$$,
  $$SELECT r.* FROM inspection_campaign c, pg_temp.redraw(c.seed, c.population, 5, c.inspectors, 2) r WHERE c.code = 'C1'$$,
  'an independent re-implementation of the documented algorithm gets the same draw');
SELECT isnt_empty($$(SELECT disclosure, inspector FROM draw_campaign('C2')) EXCEPT (SELECT disclosure, inspector FROM d1)$$,
  'another seed draws differently');
SELECT results_eq($$SELECT row_number() OVER () AS n, * FROM draw_campaign('C3')$$, $$SELECT * FROM d1$$,
  'the same seed and scope draw the same');
SELECT is((SELECT count(*) FROM draw_campaign('C4')), 4::bigint, 'a fraction draws ceil(0.2 × 17) = 4, with one inspector each');
SELECT throws_ok($$UPDATE inspection_campaign SET sample_size = 6 WHERE code = 'C1'$$,
  'FR010', 'inspection campaign: sample_size of campaign C1 cannot be changed', 'a drawn campaign is frozen');
SELECT throws_ok($$UPDATE inspection_campaign SET status = 'planned' WHERE code = 'C1'$$,
  'FR010', 'inspection campaign: campaign C1 cannot go from drawn to planned', 'a draw is made once');
SELECT throws_ok($$DELETE FROM inspection_draw$$, '42501', NULL, 'nobody changes a draw by hand');
RESET SESSION AUTHORIZATION;
SELECT throws_ok($$DELETE FROM inspection_draw$$, 'FR010', NULL, 'not even the owner');
SELECT throws_ok($$TRUNCATE inspection_finding$$, 'FR010', 'inspection campaign: TRUNCATE of inspection_finding is not allowed', 'nor truncates the findings');

-- results ------------------------------------------------------------------------------------
SELECT results_eq($$SELECT r.disclosure, r.prefilled FROM inspection_result r JOIN inspection_campaign c ON c.id = r.campaign
                    WHERE c.code = 'C1' AND r.item = 'verifiability' ORDER BY 1$$,
  $$SELECT i.id, CASE WHEN i.g % 3 = 0 THEN 'nonconforming' WHEN i.g = 2 THEN 'not_judged' ELSE 'conforms' END
    FROM ids i WHERE i.id IN (SELECT disclosure FROM d1) ORDER BY 1$$,
  'verifiability is pre-filled: the 8 mg/kg claims nonconforming');
SELECT is((SELECT count(*) FROM inspection_result r JOIN inspection_campaign c ON c.id = r.campaign WHERE c.code = 'C1'), 30::bigint,
  'six items for each drawn disclosure');
CREATE TEMP TABLE who AS
  SELECT d1.disclosure, d1.inspector,
         (SELECT q FROM unnest('{fr_i_insp1,fr_i_insp2,fr_i_insp3}'::text[]) q
          WHERE q NOT IN (SELECT x.inspector FROM d1 x WHERE x.disclosure = d1.disclosure)) AS other
  FROM d1 WHERE d1.n = 1;
GRANT SELECT ON who TO PUBLIC;
SELECT set_config('fr.other', (SELECT other FROM who), false), set_config('fr.insp', (SELECT inspector FROM who), false) \g /dev/null
SELECT format('SET ROLE %I', current_setting('fr.other')) \gexec
SELECT throws_ok($$UPDATE inspection_result SET outcome = 'conforms' WHERE disclosure = (SELECT disclosure FROM who) AND item = 'numbering'
                     AND campaign = (SELECT id FROM inspection_campaign WHERE code = 'C1')$$,
  '42501', NULL, 'an inspector not drawn for a disclosure cannot record its results');
RESET ROLE;
SELECT format('SET ROLE %I', current_setting('fr.insp')) \gexec
UPDATE inspection_result SET outcome = 'conforms', detail = '现场核查' WHERE disclosure = (SELECT disclosure FROM who) AND item = 'numbering'
  AND campaign = (SELECT id FROM inspection_campaign WHERE code = 'C1');
SELECT results_eq($$SELECT recorded_by::text COLLATE "default", recorded_at IS NOT NULL FROM inspection_result WHERE disclosure = (SELECT disclosure FROM who)
                    AND item = 'numbering' AND campaign = (SELECT id FROM inspection_campaign WHERE code = 'C1')$$,
  $$VALUES (current_setting('fr.insp'), true)$$, 'the inspector drawn records it, as itself');
SELECT throws_ok($$UPDATE inspection_result SET outcome = 'not_judged' WHERE disclosure = (SELECT disclosure FROM who) AND item = 'numbering'
                     AND campaign = (SELECT id FROM inspection_campaign WHERE code = 'C1')$$,
  'FR010', 'inspection campaign: an inspector records conforms or nonconforming', 'an inspector judges the item');
SELECT throws_ok($$UPDATE inspection_result SET prefilled = 'nonconforming' WHERE disclosure = (SELECT disclosure FROM who) AND item = 'numbering'
                     AND campaign = (SELECT id FROM inspection_campaign WHERE code = 'C1')$$,
  'FR010', 'inspection campaign: only the outcome and detail of an inspection item are recorded', 'the pre-filled outcome stays');
RESET ROLE;
SET SESSION AUTHORIZATION fr_i_reg;
SELECT throws_ok($$UPDATE inspection_campaign SET status = 'published' WHERE code = 'C1'$$,
  'FR010', 'inspection campaign: campaign C1 has results no inspector has recorded', 'results are published once every item is recorded');
RESET SESSION AUTHORIZATION;
-- every item recorded by the first inspector drawn
CREATE FUNCTION pg_temp.record_all(who text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SET LOCAL ROLE %I', who);
  UPDATE frontrunner.inspection_result r SET outcome = CASE r.prefilled WHEN 'nonconforming' THEN 'nonconforming' ELSE 'conforms' END
  FROM frontrunner.inspection_draw x
  WHERE r.campaign = (SELECT id FROM frontrunner.inspection_campaign WHERE code = 'C1') AND x.campaign = r.campaign
    AND x.disclosure = r.disclosure AND x.inspector = who AND x.team_rank = 1;
  RESET ROLE;
END
$$;
SELECT pg_temp.record_all(q) FROM unnest('{fr_i_insp1,fr_i_insp2,fr_i_insp3}'::text[]) q \g /dev/null

-- findings --------------------------------------------------------------------------------
SET SESSION AUTHORIZATION fr_i_reg;
CREATE TEMP TABLE bad AS
  SELECT r.campaign, r.disclosure FROM inspection_result r JOIN inspection_campaign c ON c.id = r.campaign
  WHERE c.code = 'C1' AND r.item = 'verifiability' AND r.outcome = 'nonconforming' ORDER BY r.disclosure LIMIT 1;
SELECT throws_ok($$INSERT INTO inspection_finding (campaign, disclosure, item, description, deadline)
                   SELECT campaign, disclosure, 'numbering', 'x', current_date + 30 FROM bad$$,
  'FR010', NULL, 'a finding is about a nonconforming item');
SELECT throws_ok($$INSERT INTO inspection_finding (campaign, disclosure, item, description, deadline)
                   SELECT campaign, disclosure, 'verifiability', 'x', current_date FROM bad$$,
  'FR010', format('inspection campaign: the rectification deadline %s is not after today', current_date), 'the deadline is after today');
INSERT INTO inspection_finding (campaign, disclosure, item, description, deadline)
SELECT campaign, disclosure, 'verifiability', '甲醛限量低于检测方法检出限，限期改正', current_date + 30 FROM bad;
SELECT results_eq($$SELECT f.enterprise::text, f.follow_up, f.found_by::text COLLATE "default" FROM inspection_finding f$$,
  $$SELECT d.enterprise::text, 'pending', 'fr_i_reg' FROM disclosure d JOIN bad ON bad.disclosure = d.id$$,
  'the finding: the enterprise filled in, follow-up pending, the finder recorded');
SELECT throws_ok($$UPDATE inspection_finding SET follow_up = 'rectified'$$,
  'FR010', format('inspection campaign: the follow-up of finding %s needs a note', (SELECT id FROM inspection_finding)), 'a follow-up says what was found');
UPDATE inspection_finding SET follow_up = 'rectified', follow_up_note = '已修改声明';
SELECT throws_ok($$UPDATE inspection_finding SET follow_up = 'not_rectified', follow_up_note = 'x'$$,
  'FR010', format('inspection campaign: finding %s only gets its follow-up, once', (SELECT id FROM inspection_finding)), 'the follow-up is recorded once');
UPDATE inspection_campaign SET status = 'published' WHERE code = 'C1';
SELECT ok((SELECT published_at IS NOT NULL FROM inspection_campaign WHERE code = 'C1'), 'once every item is recorded the results are published');
SELECT throws_ok($$UPDATE inspection_result SET outcome = 'conforms' WHERE campaign = (SELECT id FROM inspection_campaign WHERE code = 'C1')$$,
  'FR010', 'inspection campaign: the results of campaign C1 are published', 'published results stay');
RESET SESSION AUTHORIZATION;

-- who sees what -----------------------------------------------------------------------------
SET SESSION AUTHORIZATION fr_i_reader;
SELECT is((SELECT count(*) FROM campaign_report WHERE campaign = 'C1'), 30::bigint, 'the public reads the published results');
SELECT is((SELECT draw FROM campaign_audit WHERE campaign = 'C1'),
  (SELECT string_agg(disclosure || ':' || inspector, ',' ORDER BY n) FROM d1), 'and what it needs to re-run the draw');
SELECT is((SELECT count(*) FROM campaign_report WHERE campaign = 'C2'), 0::bigint, 'not the results of a campaign not published');
RESET SESSION AUTHORIZATION;
UPDATE account SET enterprise = (SELECT enterprise FROM inspection_finding) WHERE role = 'fr_i_ent';
SET SESSION AUTHORIZATION fr_i_ent;
SELECT results_eq($$SELECT count(DISTINCT enterprise::text), bool_and(enterprise OPERATOR(frontrunner.=) current_enterprise()) FROM inspection_result$$,
  $$VALUES (1::bigint, true)$$, 'an enterprise sees its own results only');
SELECT is((SELECT count(*) FROM inspection_finding), 1::bigint, 'and its own finding');
SELECT throws_ok($$UPDATE inspection_finding SET follow_up = 'rectified', follow_up_note = 'x'$$, '42501', NULL, 'which it cannot answer itself');
RESET SESSION AUTHORIZATION;

-- the plan option: claims ranked as their method verifies them --------------------------
INSERT INTO evaluation_plan (code, agency, category, title, deadline, method_limits)
VALUES ('P-AS', '示例机构', 'textile-b', '按声明', now(), false), ('P-ML', '示例机构', 'textile-b', '按检测方法', now(), true);
INSERT INTO plan_indicator (plan, indicator) SELECT id, 'formaldehyde' FROM evaluation_plan WHERE code IN ('P-AS', 'P-ML');
SET client_min_messages = warning;
SELECT results_eq($$SELECT r.levels #>> '{formaldehyde,level}', count(*) FROM rank_plan('P-AS') r GROUP BY 1 ORDER BY 1$$,
  $$VALUES ('10', 1::bigint), ('20', 11), ('8', 5)$$, 'as disclosed, the 8 mg/kg claims rank at 8');
SELECT results_eq($$SELECT r.levels #>> '{formaldehyde,level}', count(*) FROM rank_plan('P-ML') r GROUP BY 1 ORDER BY 1$$,
  $$VALUES ('20', 17::bigint)$$, 'with method_limits every claim ranks as the method verifies it: at its 20 mg/kg');
RESET client_min_messages;

-- what findings do: district_report, plan option exclude_open_findings ------------------
-- (C1 is published: the finding on bad rectified, one on the next
-- nonconforming disclosure open; C3, the same draw, is not published: its
-- finding on bad counts nowhere)
CREATE ROLE fr_i_ag IN ROLE frontrunner_agency;
INSERT INTO account (role, agency) VALUES ('fr_i_ag', '示例机构');
SET SESSION AUTHORIZATION fr_i_reg;
CREATE TEMP TABLE open1 AS
  SELECT r.campaign, r.disclosure, r.enterprise::text AS enterprise FROM inspection_result r JOIN inspection_campaign c ON c.id = r.campaign
  WHERE c.code = 'C1' AND r.item = 'verifiability' AND r.outcome = 'nonconforming' ORDER BY r.disclosure OFFSET 1 LIMIT 1;
GRANT SELECT ON open1 TO PUBLIC;
INSERT INTO inspection_finding (campaign, disclosure, item, description, deadline)
SELECT campaign, disclosure, 'verifiability', '限期改正', current_date + 30 FROM open1;
INSERT INTO inspection_finding (campaign, disclosure, item, description, deadline)
SELECT c.id, bad.disclosure, 'verifiability', '限期改正', current_date + 30 FROM bad, inspection_campaign c WHERE c.code = 'C3';
RESET SESSION AUTHORIZATION;
INSERT INTO evaluation_plan (code, agency, category, title, deadline, exclude_open_findings, exclusion_days)
VALUES ('P-F', '示例机构', 'textile-b', '有未整改问题的企业不参评', now(), true, 365),
       ('P-N', '示例机构', 'textile-b', '不看检查结果', now(), false, 365),
       ('P-F0', '示例机构', 'textile-b', '排除期 0 天', now(), true, 0),
       ('P-FE', '示例机构', 'textile-b', '截止于检查之前', now() - interval '1 day', true, 365);
INSERT INTO plan_indicator (plan, indicator) SELECT id, 'formaldehyde' FROM evaluation_plan WHERE code IN ('P-F', 'P-N', 'P-F0', 'P-FE');
SELECT is((SELECT count(*) FROM finding_exclusions(now(), 365)), 1::bigint,
  'finding_exclusions(): one open finding of a published campaign (not the rectified one, not the unpublished campaign''s)');
SET SESSION AUTHORIZATION fr_i_ag;
SET client_min_messages = warning;
SELECT throws_ok($$SELECT * FROM inspection_finding$$, '42501', NULL, 'an agency reads no finding');
SELECT results_eq($$SELECT d.enterprise::text, e.reason ~ 'open finding \d+ \(campaign C1, disclosure \d+, item verifiability\)'
                    FROM eligibility('P-F') e JOIN disclosure d ON d.id = e.disclosure WHERE NOT e.eligible$$,
  $$SELECT enterprise, true FROM open1$$,
  'but its plan with exclude_open_findings leaves out exactly the enterprise of the open finding, naming it (eligibility())');
SELECT is((SELECT count(*) FROM rank_plan('P-F') r JOIN open1 o ON o.enterprise = r.enterprise::text), 0::bigint,
  'rank_plan(): not ranked');
SELECT is((SELECT count(*) FROM rank_plan('P-F')) + 1, (SELECT count(*) FROM rank_plan('P-N')),
  'without the option it is ranked, and nobody else is left out');
SELECT is((SELECT count(*) FROM eligibility('P-F0') WHERE NOT eligible), 0::bigint,
  'exclusion_days 0: nobody excluded (rule 6''s window)');
SELECT is((SELECT count(*) FROM eligibility('P-FE') WHERE reason ~ 'open finding'), 0::bigint,
  'a deadline before the finding (and the publication): nobody excluded for it');
RESET client_min_messages;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fr_i_reader;
SELECT results_eq($$SELECT sum(inspection_findings), sum(open_findings), sum(unrectified_findings) FROM district_report$$,
  $$VALUES (2::numeric, 1::numeric, 0::numeric)$$,
  'district_report (read by the public): two findings of the published campaign, one open, none past its deadline');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION fr_i_reg;
UPDATE inspection_finding SET follow_up = 'not_rectified', follow_up_note = '复查：未改正'
WHERE disclosure = (SELECT disclosure FROM open1) AND campaign = (SELECT campaign FROM open1);
RESET SESSION AUTHORIZATION;
SELECT results_eq($$SELECT sum(open_findings), sum(unrectified_findings) FROM district_report$$,
  $$VALUES (1::numeric, 1::numeric)$$, 'not rectified: open, and unrectified');
SELECT is((SELECT count(*) FROM eligibility('P-F') WHERE NOT eligible), 1::bigint, 'and it still excludes');
UPDATE evaluation_plan SET status = 'under_review', required_approvals = 3 WHERE code = 'P-F';
SELECT throws_ok($$UPDATE evaluation_plan SET exclude_open_findings = false WHERE code = 'P-F'$$, 'FR007', NULL,
  'under review exclude_open_findings is frozen, like the rest of the plan');

SELECT * FROM finish();
ROLLBACK;
