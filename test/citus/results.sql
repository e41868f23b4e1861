-- What the registry answers, run on the distributed registry and on the
-- one-node database holding the same demo (test/citus/check.sh compares the
-- two outputs section by section, the database clock's stamps left out):
-- the ranking (rank_plan, eligibility, indicator_lists, plan_cutoffs),
-- benchmark comparison, the reports and public views, the JSON documents, a
-- bulk import through the rules, a ranking published by publish_ranking, and
-- the inspection campaigns (the demo's, and one drawn here: the draw, its
-- pre-filled items, the reports, a plan ranked by the methods' limits).
SET search_path = frontrunner, public;
\pset pager off
\set ON_ERROR_STOP 0
\set VERBOSITY default

\echo result rank_plan
SELECT q.plan, r.* FROM (VALUES ('BJ-2026-TEX'), ('BJ-2026-WAT'), ('BJ-2026-REF')) q(plan)
CROSS JOIN LATERAL rank_plan(q.plan) r ORDER BY q.plan, r.rank;
\echo result eligibility
SELECT q.plan, e.* FROM (VALUES ('BJ-2026-TEX'), ('BJ-2026-WAT'), ('BJ-2026-REF')) q(plan)
CROSS JOIN LATERAL eligibility(q.plan) e ORDER BY q.plan, e.disclosure;
\echo result indicator_lists
SELECT q.plan, l.* FROM (VALUES ('BJ-2026-TEX'), ('BJ-2026-WAT'), ('BJ-2026-REF')) q(plan)
CROSS JOIN LATERAL indicator_lists(q.plan) l ORDER BY q.plan, l.indicator, l.tier, l.disclosure;
\echo result plan_cutoffs
SELECT q.plan, c.* FROM (VALUES ('BJ-2026-TEX'), ('BJ-2026-WAT'), ('BJ-2026-REF')) q(plan)
CROSS JOIN LATERAL plan_cutoffs(q.plan) c ORDER BY q.plan, c.indicator;
\echo result benchmark_summary
SELECT * FROM benchmark_summary ORDER BY category, indicator, class_rank, standard;
\echo result benchmark_gap
SELECT * FROM benchmark_gap ORDER BY disclosure, indicator, standard;
\echo result benchmark_profile
SELECT * FROM benchmark_profile ORDER BY disclosure;
\echo result benchmark_profile_of_an_enterprise
SELECT b.* FROM (SELECT d.enterprise FROM disclosure d WHERE d.category = 'infant-textile' AND d.status = 'published' ORDER BY d.id LIMIT 1) e
CROSS JOIN LATERAL benchmark_profile(e.enterprise) b;
\echo result benchmark_of_a_disclosure
SELECT b.* FROM (SELECT min(d.id) AS id FROM disclosure d WHERE d.category = 'drinking-water' AND d.status = 'published') d
CROSS JOIN LATERAL benchmark(d.id) b;
\echo result disclosure_json
-- (a function of the registry called per row of a distributed table would
-- run on its shard, where it cannot read the others: the ids first, README
-- "Scaling out")
WITH ids AS MATERIALIZED (SELECT d.id FROM disclosure d WHERE d.status <> 'draft' AND d.id % 50 = 1)
SELECT disclosure_json(ids.id) FROM ids ORDER BY ids.id;
\echo result leaders
SELECT * FROM leaderboard ORDER BY plan, rank;
SELECT * FROM current_leaders ORDER BY plan, rank;
SELECT leaders_json(code) FROM evaluation_plan WHERE code LIKE 'BJ-2026-%' AND status = 'published' ORDER BY id;
\echo result reports
SELECT * FROM district_report ORDER BY division;
SELECT * FROM category_report ORDER BY category;
SELECT * FROM enterprise_record ORDER BY plan, rank;
SELECT * FROM spot_check_failure ORDER BY spot_check;
\echo result exclusion
SELECT e.uscc, excluded(e.uscc, now()) FROM enterprise e ORDER BY e.uscc;
\echo result violations_of_the_drafts
WITH ids AS MATERIALIZED (SELECT array_agg(d.id) AS ids FROM disclosure d WHERE d.status = 'draft')
SELECT v.* FROM ids CROSS JOIN LATERAL disclosure_violations(ids.ids) v;
\echo result history
SELECT e.disclosure, row_number() OVER (PARTITION BY e.disclosure ORDER BY e.id) AS n, e.action, e.old_status,
       e.new_status, e.by_user, e.note, e.enterprise
FROM disclosure_event e ORDER BY e.disclosure, n;
SELECT h.action, h.old_status, h.new_status, h.note
FROM (SELECT min(d.id) AS id FROM disclosure d WHERE d.status = 'superseded') d CROSS JOIN LATERAL disclosure_history(d.id) h;
\echo result import
-- (one disclosure at a time on both: the ids then agree; in batches:
-- import_batched below; batches against one at a time:
-- test/registry_import_batch.sql)
SET frontrunner.import_batch = 1;
\copy disclosure_import (source_ref, uscc, enterprise_name, category, product, standard, supersedes_ref, below_recommended_statement, published, indicator, requirement, test_method) FROM 'test/fixtures/registry_import.csv' WITH (FORMAT csv, HEADER)
SELECT i.source_ref, i.line, i.disclosure, i.outcome, i.sqlstate, i.message, i.detail FROM import_disclosures() i ORDER BY i.line;
SELECT d.id, d.enterprise, d.status, d.source_ref, d.supersedes FROM disclosure d WHERE d.source_ref IS NOT NULL ORDER BY d.id;
\echo result publish_ranking
SELECT publish_ranking('BJ-2026-WAT') AS published \gset
SELECT r.plan, r.eligible, r.ineligible, r.published_by FROM ranking r WHERE r.id = :published;
SELECT e.rank, e.disclosure, e.enterprise, e.tier, e.score, e.levels FROM ranking_entry e WHERE e.ranking = :published ORDER BY e.rank;
\echo result draw_campaign
-- a campaign of the drinking water of Beijing, a quarter of it, drawn here
INSERT INTO inspection_campaign (code, title, authority, category, district, sample_fraction, inspectors, team_size, seed)
VALUES ('CITUS-WAT', '饮用水抽查 (示例)', '北京市市场监督管理局 (示例)', 'drinking-water', '11', 0.25,
        '{bj_insp_zhang,bj_insp_li,bj_insp_wang,bj_insp_zhao}', 3, 'citus-check');
SELECT * FROM draw_campaign('CITUS-WAT');
SELECT * FROM draw_campaign('CITUS-WAT');
SELECT code, status, population, cardinality(population) FROM inspection_campaign ORDER BY id;
\echo result inspection_draw
SELECT c.code, x.disclosure, x.inspector, x.place, x.team_rank, x.enterprise
FROM inspection_draw x JOIN inspection_campaign c ON c.id = x.campaign ORDER BY c.code, x.place, x.team_rank;
\echo result inspection_result
SELECT c.code, r.disclosure, r.item, r.outcome, r.prefilled, r.detail, r.recorded_by, r.enterprise
FROM inspection_result r JOIN inspection_campaign c ON c.id = r.campaign ORDER BY c.code, r.disclosure, r.item;
SELECT c.code, f.disclosure, f.item, f.description, f.deadline, f.follow_up, f.found_by, f.enterprise
FROM inspection_finding f JOIN inspection_campaign c ON c.id = f.campaign ORDER BY c.code, f.disclosure, f.item;
\echo result campaign_report
SELECT * FROM campaign_report ORDER BY campaign, disclosure, item;
\echo result campaign_audit
SELECT * FROM campaign_audit ORDER BY campaign;
\echo result claim_verifiability
SELECT * FROM claim_verifiability ORDER BY disclosure, indicator;
\echo result reference_report
SELECT * FROM reference_report ORDER BY disclosure, reference_kind, indicator NULLS FIRST;
\echo result unverifiable_leader
SELECT * FROM unverifiable_leader ORDER BY plan, rank, indicator;
\echo result rank_plan_method_limits
SELECT * FROM rank_plan('BJ-2026-TEX-M') ORDER BY rank;
SELECT * FROM plan_cutoffs('BJ-2026-TEX-M') ORDER BY indicator;
\echo result district_report_findings
SELECT division, inspection_findings, open_findings, unrectified_findings FROM district_report ORDER BY division;
\echo result import_batched
-- the same export again (its references renamed) in batches of 1000, as a
-- distributed registry imports by default: the outcome of one at a time,
-- rejects included; the ids a failed batch drew are not given again, and
-- Citus draws them for the whole batch before its shards refuse a row, so
-- ids are left out (rolled back: nothing after it reads them)
BEGIN;
SET LOCAL frontrunner.import_batch = 1000;
DELETE FROM disclosure_import;
\copy disclosure_import (source_ref, uscc, enterprise_name, category, product, standard, supersedes_ref, below_recommended_statement, published, indicator, requirement, test_method) FROM 'test/fixtures/registry_import.csv' WITH (FORMAT csv, HEADER)
UPDATE disclosure_import SET source_ref = 'B' || source_ref, supersedes_ref = 'B' || supersedes_ref;
SELECT i.source_ref, i.line - min(i.line) OVER () AS row, i.disclosure IS NOT NULL AS imported, i.outcome, i.sqlstate,
       regexp_replace(i.message, 'disclosure \d+', 'disclosure N') AS message, i.detail
FROM import_disclosures() i ORDER BY i.line;
SELECT d.enterprise, d.status, d.source_ref, p.source_ref AS supersedes, count(x.indicator) AS indicators
FROM disclosure d
LEFT JOIN disclosure p ON p.enterprise = d.enterprise AND p.id = d.supersedes
LEFT JOIN disclosed_indicator x ON x.enterprise = d.enterprise AND x.disclosure = d.id
WHERE d.source_ref LIKE 'B%'
GROUP BY d.enterprise, d.status, d.source_ref, p.source_ref ORDER BY d.source_ref, d.status;
ROLLBACK;
\echo result end
