-- NULL keys: the NOT NULL constraints and the foreign keys speak before any
-- trigger logic needs the key.  Every NOT NULL column of a primary key,
-- unique or foreign key constraint of every table (identity and generated
-- columns, and the columns the database fills when left NULL, aside) is written as
-- NULL into an otherwise valid row: PostgreSQL's own 23502 names it, never a
-- trigger's message about a NULL plan or disclosure (0.1.0:
-- INSERT INTO plan_indicator (plan, indicator) VALUES (NULL, 'formaldehyde')
-- → 55000 record "p" is not assigned yet).  The key columns are read from
-- the catalog, so a new table without a valid row below fails this test.
BEGIN;
\ir fixtures/registry.sql
\ir fixtures/ranking.sql

-- rows the test refers to: a draft disclosure, a published one and its
-- indicator, a draft plan, a plan under review, a published list, a
-- substantiated report
SELECT id AS draft FROM fx WHERE tag = 'D8' \gset
SELECT id AS pub, enterprise AS pub_ent FROM disclosure WHERE id = (SELECT id FROM fx WHERE tag = 'D1') \gset
SELECT id AS old, enterprise AS old_ent FROM disclosure WHERE id = (SELECT id FROM fx WHERE tag = 'D10') \gset
INSERT INTO evaluation_plan (code, agency, category, title, deadline)
VALUES ('NK-DRAFT', '机构', 'kettle', 'draft', now() + interval '1 day') RETURNING id AS draft_plan \gset
INSERT INTO evaluation_plan (code, agency, category, title, deadline)
VALUES ('NK-REVIEW', '机构', 'kettle', 'under review', now() + interval '1 day') RETURNING id AS review_plan \gset
INSERT INTO plan_indicator (plan, indicator) VALUES (:review_plan, 'standby');
UPDATE evaluation_plan SET status = 'under_review' WHERE id = :review_plan;
SELECT publish_ranking('KT-2026') AS list \gset
INSERT INTO feedback (reporter_kind, body, disclosure, indicator)
VALUES ('anonymous', '待机功率偏高', :pub, 'standby') RETURNING id AS report \gset
UPDATE feedback SET status = 'under_review' WHERE id = :report;
UPDATE feedback SET status = 'substantiated', decision_note = '抽样复核' WHERE id = :report;
INSERT INTO inspection_campaign (code, title, authority, inspectors, sample_size)
VALUES ('NK-CAMP', '空值测试', '市场监管局', '{甲,乙}', 1) RETURNING id AS camp \gset
INSERT INTO inspection_result (campaign, disclosure, item, outcome, prefilled, enterprise)
VALUES (:camp, :pub, 'numbering', 'nonconforming', 'nonconforming', :'pub_ent');

-- one valid row per table with NOT NULL key columns, as a client writes it
CREATE TEMP TABLE valid_row (tab text PRIMARY KEY, r jsonb NOT NULL);
INSERT INTO valid_row VALUES
  ('enterprise', jsonb_build_object('uscc', uscc_complete('91110108MA0009990')::text, 'name', '空值测试')),
  ('standard', '{"code": "GB/T 99999-2020", "title": "空值测试"}'),
  ('category', '{"code": "null-keys", "name": "空值测试"}'),
  ('indicator_def', '{"category": "kettle", "key": "null_keys", "direction": "lower_better"}'),
  ('standard_requirement', '{"standard": "GB 18401-2010", "category": "textile-b", "indicator": "odour", "requirement": "≤ 1"}'),
  ('disclosure', '{"enterprise": "91110108558521630L", "category": "textile-b", "product": "空值测试", "standard": "GB 18401-2010"}'),
  ('disclosed_indicator', jsonb_build_object('disclosure', :draft, 'indicator', 'noise', 'requirement', '≤ 40 dB')),
  ('spot_check', jsonb_build_object('disclosure', :pub, 'indicator', 'standby', 'sampled_on', CURRENT_DATE, 'measured', '0.4 W')),
  ('evaluation_plan', '{"code": "NK-NEW", "agency": "机构", "category": "kettle", "title": "空值测试", "deadline": "2030-01-01"}'),
  ('plan_indicator', jsonb_build_object('plan', :draft_plan, 'indicator', 'standby')),
  ('plan_review', jsonb_build_object('plan', :review_plan, 'reviewer', '专家', 'verdict', 'approve')),
  ('ranking', jsonb_build_object('plan', (SELECT id FROM evaluation_plan WHERE code = 'KT-2026'), 'eligible', 0, 'ineligible', 0)),
  ('ranking_entry', jsonb_build_object('ranking', :list, 'rank', 99, 'disclosure', :old, 'enterprise', :'old_ent',
                                       'tier', 'below', 'score', 0, 'levels', '{}'::jsonb)),
  ('ranking_lock', '{"category": "textile-b"}'),
  ('spot_check_request', jsonb_build_object('feedback', :report, 'disclosure', :pub, 'indicator', 'standby')),
  ('account', '{"role": "fr_null_keys"}'),
  ('test_method_limit', '{"method": "GB/T 99999-2020", "analyte": "null_keys", "detection_limit": "0.1 mg/kg", "source": "空值测试", "source_kind": "secondary"}'),
  ('inspection_campaign', '{"code": "NK-CAMP2", "title": "空值测试", "authority": "市场监管局", "inspectors": ["甲", "乙"], "sample_size": 1}'),
  ('inspection_draw', jsonb_build_object('campaign', :camp, 'disclosure', :pub, 'inspector', '甲', 'place', 1, 'team_rank', 1, 'enterprise', :'pub_ent')),
  ('inspection_result', jsonb_build_object('campaign', :camp, 'disclosure', :pub, 'item', 'references', 'outcome', 'conforms',
                                           'prefilled', 'conforms', 'enterprise', :'pub_ent')),
  ('inspection_finding', jsonb_build_object('campaign', :camp, 'disclosure', :pub, 'item', 'numbering', 'description', '空值测试',
                                            'deadline', CURRENT_DATE + 30));

-- the NOT NULL key columns, from the catalog
CREATE TEMP VIEW key_column AS
SELECT c.relname::text AS tab, a.attname::text AS col, a.attnum
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'frontrunner'::regnamespace AND c.relkind = 'r'
  AND a.attnotnull AND a.attidentity = '' AND a.attgenerated = ''
  AND EXISTS (SELECT FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype IN ('p', 'u', 'f')
                                           AND a.attnum = ANY (k.conkey))
  -- filled by the database when left NULL: the tenant, from the disclosure
  -- (tenant_fill()), and a request's disclosure and indicator, from its report
  AND NOT EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = c.oid
                                            AND t.tgfoid = 'frontrunner.tenant_fill'::regproc
                                            AND a.attname = 'enterprise')
  AND (c.relname, a.attname) NOT IN (('spot_check_request', 'disclosure'), ('spot_check_request', 'indicator'));

CREATE FUNCTION pg_temp.insert_sql(tab text, r jsonb) RETURNS text LANGUAGE sql AS $$
  SELECT format('INSERT INTO frontrunner.%1$I (%2$s) SELECT %2$s FROM jsonb_populate_record(NULL::frontrunner.%1$I, %3$L)',
                tab, (SELECT string_agg(quote_ident(k), ', ' ORDER BY k) FROM jsonb_object_keys(r) k), r)
$$;

SELECT plan(4 + (SELECT count(*)::int FROM valid_row) + (SELECT count(*)::int FROM key_column) + 14);

SELECT is_empty($$SELECT DISTINCT tab FROM key_column EXCEPT SELECT tab FROM valid_row$$,
  'every table with NOT NULL key columns has a valid row in this test');
SELECT is_empty($$SELECT tab FROM valid_row EXCEPT SELECT tab FROM key_column$$,
  'every valid row belongs to a table with NOT NULL key columns');
SELECT ok((SELECT count(*) FROM key_column) >= 25, 'the key columns are found in the catalog (' ||
          (SELECT count(*) FROM key_column) || ')');
SELECT ok(EXISTS (SELECT FROM key_column WHERE tab = 'plan_indicator' AND col = 'plan'), 'plan_indicator.plan is one of them');

-- each valid row is valid (inside a savepoint, so it is not kept)
CREATE FUNCTION pg_temp.inserts(tab text, r jsonb) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    EXECUTE pg_temp.insert_sql(tab, r);
    RAISE EXCEPTION USING ERRCODE = 'P0004', MESSAGE = 'rolled back';
  EXCEPTION WHEN assert_failure THEN
    RETURN true;
  END;
END $$;
SELECT ok(pg_temp.inserts(tab, r), format('a valid row of %s is accepted', tab)) FROM valid_row ORDER BY tab;

-- NULL in each key column: 23502 with PostgreSQL's message, whatever the triggers
SELECT throws_ok(pg_temp.insert_sql(k.tab, v.r || jsonb_build_object(k.col, NULL)), '23502',
                 format('null value in column "%s" of relation "%s" violates not-null constraint', k.col, k.tab),
                 format('%s.%s NULL: 23502', k.tab, k.col))
FROM key_column k JOIN valid_row v USING (tab)
ORDER BY k.tab, k.attnum;

-- the writes of the issue, as written
SELECT throws_ok($$INSERT INTO plan_indicator (plan, indicator) VALUES (NULL, 'formaldehyde')$$, '23502',
  'null value in column "plan" of relation "plan_indicator" violates not-null constraint',
  'a core indicator of no plan (0.1.0: 55000 record "p" is not assigned yet)');
SELECT throws_ok(format($$INSERT INTO spot_check (disclosure, indicator, sampled_on, measured) VALUES (NULL, 'standby', %L, '1 W')$$, CURRENT_DATE),
  '23502', 'null value in column "disclosure" of relation "spot_check" violates not-null constraint',
  'a spot check of no disclosure (0.1.0: FR006 disclosure <NULL> is not published)');
SELECT throws_ok($$INSERT INTO plan_review (plan, reviewer, verdict) VALUES (NULL, '专家', 'approve')$$, '23502',
  'null value in column "plan" of relation "plan_review" violates not-null constraint',
  'a review of no plan (0.1.0: P0002 no evaluation plan with id <NULL>)');
SELECT throws_ok($$INSERT INTO spot_check_request (feedback, disclosure, indicator) VALUES (NULL, NULL, NULL)$$,
  '23502', 'null value in column "feedback" of relation "spot_check_request" violates not-null constraint',
  'a spot check request on no report (0.1.0: P0002 no report with id <NULL>)');
SELECT throws_ok($$INSERT INTO feedback (reporter_kind, body, disclosure, enterprise) VALUES ('anonymous', 'x', NULL, NULL)$$, '23514',
  'new row for relation "feedback" violates check constraint "feedback_subject_check"',
  'a report about nothing: the check constraint, not a trigger''s message');
INSERT INTO plan_indicator (plan, indicator) VALUES (:draft_plan, 'efficiency');
SELECT throws_ok(format($$UPDATE plan_indicator SET plan = NULL WHERE plan = %s$$, :draft_plan), '23502',
  'null value in column "plan" of relation "plan_indicator" violates not-null constraint',
  'UPDATE of a key to NULL: 23502 too');
SELECT throws_ok(format($$UPDATE plan_indicator SET indicator = NULL WHERE plan = %s$$, :draft_plan), '23502',
  'null value in column "indicator" of relation "plan_indicator" violates not-null constraint',
  'a core indicator of no indicator');

-- keys that name nothing: the foreign key (23503), not a trigger's message
SELECT throws_ok($$INSERT INTO plan_indicator (plan, indicator) VALUES (-1, 'standby')$$, '23503',
  'insert or update on table "plan_indicator" violates foreign key constraint "plan_indicator_plan_fkey"',
  'a core indicator of a plan that does not exist');
SELECT throws_ok($$INSERT INTO plan_review (plan, reviewer, verdict) VALUES (-1, '专家', 'approve')$$, '23503',
  'insert or update on table "plan_review" violates foreign key constraint "plan_review_plan_fkey"',
  'a review of a plan that does not exist');
SELECT throws_ok($$INSERT INTO ranking_entry (ranking, rank, disclosure, enterprise, tier, score, levels)
                   VALUES (-1, 1, -1, '91110108558521630L', 'below', 0, '{}')$$, '23503', NULL,
  'an entry of a list that does not exist');

-- functions given a NULL key: NULL (STRICT), no odd message
SELECT is(publish_ranking(NULL), NULL, 'publish_ranking(NULL) is NULL');
SELECT is_empty($$SELECT * FROM rank_plan(NULL)$$, 'rank_plan(NULL) is empty');
SELECT is_empty($$SELECT * FROM eligibility(NULL)$$, 'eligibility(NULL) is empty');
SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'frontrunner'
  WHERE NOT p.proisstrict AND p.pronargs = 1
    AND p.proargnames[1] IN ('plan_id', 'plan_code', 'disclosure_id', 'spot_check_id', 'disclosure')$$,
  'every function of one plan or disclosure key is STRICT (NULL in, NULL out)');

SELECT * FROM finish();
ROLLBACK;
