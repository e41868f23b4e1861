-- What a bureau reads from its registry, asked before and after
-- ALTER EXTENSION frontrunner UPDATE (test/harness/updatecheck.sh): the
-- answers must be the same.  Every stored value is read back through the
-- types' output functions, so values an earlier release stored must still
-- read (and compare) the same.  Runs on the demo database (test/demo).
-- Uses only objects of the earliest release upgraded from (0.1.0).
\set ON_ERROR_STOP on
SET search_path = pg_catalog;

-- stored values, read through the types
SELECT 'enterprise', e.uscc::text, frontrunner.uscc_region(e.uscc), frontrunner.uscc_is_valid(e.uscc) FROM frontrunner.enterprise e ORDER BY 2;
SELECT 'standard', s.code::text, frontrunner.std_kind(s.code), frontrunner.std_nature(s.code), frontrunner.std_year(s.code), frontrunner.std_undated(s.code)::text FROM frontrunner.standard s ORDER BY s.code;
SELECT 'requirement', r.standard::text, r.category, r.indicator, r.requirement::text, frontrunner.to_text(r.requirement, 'zh') FROM frontrunner.standard_requirement r ORDER BY 2, 3, 4;
SELECT 'disclosed', i.disclosure, i.indicator, i.requirement::text, frontrunner.to_text(i.requirement, 'zh'), frontrunner.lower(i.requirement), frontrunner.upper(i.requirement), frontrunner.unit(i.requirement), i.test_method::text FROM frontrunner.disclosed_indicator i ORDER BY 2, 3;
SELECT 'spot_check', c.id, c.measured::text, c.conforms FROM frontrunner.spot_check c ORDER BY 2;

-- the comparisons the rules and the benchmark rest on
SELECT 'compare', i.disclosure, i.indicator, r.standard::text, frontrunner.compare(i.requirement, r.requirement)
FROM frontrunner.disclosed_indicator i JOIN frontrunner.disclosure d ON d.id = i.disclosure
JOIN frontrunner.standard_requirement r ON r.category = d.category AND r.indicator = i.indicator
ORDER BY 2, 3, 4;

-- the registry's answers
SELECT 'history', e.disclosure, e.action, e.old_status, e.new_status FROM frontrunner.disclosure_event e ORDER BY e.id;
SELECT 'benchmark_summary', s.* FROM frontrunner.benchmark_summary s ORDER BY 2, 3, 4;
-- (0.1.0's columns, by name: later releases append theirs)
SELECT 'district_report', r.division, r.division_name, r.enterprises, r.current_disclosures, r.own_standard_disclosures,
       r.floor_compared, r.stricter_than_floor, r.stricter_share, r.leaders, r.revoked_leaders, r.failing_spot_checks,
       r.open_feedback
FROM frontrunner.district_report r ORDER BY 2;
SELECT 'category_report', r.* FROM frontrunner.category_report r ORDER BY 2;
SELECT 'leaderboard', b.plan, b.rank, b.tier, b.score, b.disclosure, b.revoked FROM frontrunner.leaderboard b ORDER BY 2, 3;
SELECT 'rank_plan', p.code, r.rank, r.disclosure, r.tier, r.score, r.levels::text FROM frontrunner.evaluation_plan p CROSS JOIN LATERAL frontrunner.rank_plan(p.code) r ORDER BY 2, 3;
SELECT 'eligibility', p.code, e.disclosure, e.eligible, e.reason FROM frontrunner.evaluation_plan p CROSS JOIN LATERAL frontrunner.eligibility(p.code) e ORDER BY 2, 3;
SELECT 'indicator_lists', p.code, l.* FROM frontrunner.evaluation_plan p CROSS JOIN LATERAL frontrunner.indicator_lists(p.code) l ORDER BY 2, 3, 4, 5;
SELECT 'benchmark', d.id, b.indicator, b.standard::text, b.verdict, b.margin FROM frontrunner.disclosure d CROSS JOIN LATERAL frontrunner.benchmark(d.id) b WHERE d.status = 'published' AND d.id % 25 = 0 ORDER BY 2, 3, 4;

-- privileges the update must keep: who may execute each function (an
-- update that drops and creates a function gives its grants again)
SELECT 'execute', p.oid::regprocedure::text, r.rolname
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'frontrunner'
JOIN pg_catalog.pg_roles r ON r.rolname LIKE 'frontrunner\_%' OR r.rolname = 'public'
WHERE pg_catalog.has_function_privilege(r.oid, p.oid, 'EXECUTE')
ORDER BY 2, 3;
