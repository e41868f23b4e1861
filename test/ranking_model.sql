-- rank_plan() against a straightforward PL/pgSQL implementation of §5
-- (test/bench/naive_rank.sql, also the naive baseline of make bench) on
-- generated data: heavy ties, three directions, absolute and fraction
-- cutoffs mixed, a leader cap that falls inside a tie, ineligible
-- disclosures (missing indicator, draft, excluded enterprise).
BEGIN;
SELECT plan(6);
\ir bench/naive_rank.sql

INSERT INTO category VALUES ('model', 'model category');
INSERT INTO indicator_def (category, key, direction, unit) VALUES
  ('model', 'a', 'lower_better', 'mg/kg'), ('model', 'b', 'higher_better', '%'), ('model', 'c', 'target', '');
INSERT INTO enterprise (uscc, name)
SELECT uscc_complete('91110000MB' || lpad(i::text, 7, '0')), 'model ' || i FROM generate_series(1, 120) i;
CREATE FUNCTION pg_temp.u(id bigint, salt int) RETURNS numeric LANGUAGE sql IMMUTABLE AS
$$ SELECT ((hashint8(id * 16 + salt) & 2147483647)::numeric / 2147483648) $$;
CREATE TEMP TABLE src AS
SELECT i, (SELECT uscc FROM enterprise WHERE name = 'model ' || (1 + i % 120)) AS ent FROM generate_series(1, 400) i;
INSERT INTO disclosure (enterprise, category, product, standard)
SELECT ent, 'model', 'p' || i, 'GB/T 1-2020' FROM src ORDER BY i;
INSERT INTO disclosed_indicator (disclosure, indicator, requirement)
SELECT d.id, v.k, v.r::indicator
FROM disclosure d CROSS JOIN LATERAL (VALUES
  ('a', '≤ ' || (ARRAY['20', '16', '15', '10', '8', '5', '0.016 g/kg'])[1 + floor(pg_temp.u(d.id, 1) * 7)::int]
        || CASE WHEN pg_temp.u(d.id, 1) * 7 >= 6 THEN '' ELSE ' mg/kg' END),
  ('b', '≥ ' || (90 + floor(pg_temp.u(d.id, 2) * 8)) || ' %'),
  ('c', (4 + floor(pg_temp.u(d.id, 3) * 3) * 0.5) || ' ~ ' || (8.5 - floor(pg_temp.u(d.id, 4) * 3) * 0.5))) v(k, r)
WHERE d.category = 'model' AND (v.k <> 'b' OR d.id % 37 <> 0);      -- some miss indicator b
SELECT publish_disclosure(id) FROM disclosure WHERE category = 'model' AND id % 41 <> 0 ORDER BY id;
INSERT INTO spot_check (disclosure, indicator, sampled_on, measured)
SELECT min(id), 'a', CURRENT_DATE, '99 mg/kg' FROM disclosure WHERE category = 'model' AND status = 'published';

INSERT INTO review_policy (category, min_approvals, min_notice_days) VALUES ('model', 0, 0);
INSERT INTO evaluation_plan (code, agency, category, title, deadline, leader_cap, required_approvals) VALUES
  ('M-FRAC', 'm', 'model', 'fractions', now() + interval '1 day', 7, 0),
  ('M-MIX', 'm', 'model', 'mixed', now() + interval '1 day', 3, 0),
  ('M-BEST', 'm', 'model', 'best', now() + interval '1 day', 10, 0);
UPDATE evaluation_plan SET style = 'best_in_market' WHERE code = 'M-BEST';
INSERT INTO plan_indicator (plan, indicator, weight, unit, leader_fraction, advanced_fraction, baseline_fraction)
SELECT p.id, v.k, v.w, v.u, 0.1, 0.3, 0.7 FROM evaluation_plan p,
  (VALUES ('a', 3, NULL), ('b', 2, NULL), ('c', 1, '')) v(k, w, u) WHERE p.code IN ('M-FRAC', 'M-BEST');
INSERT INTO plan_indicator (plan, indicator, weight, leader_cutoff, advanced_fraction, baseline_cutoff)
SELECT p.id, 'a', 1, '≤ 10 mg/kg', 0.4, '≤ 0.0016 %' FROM evaluation_plan p WHERE p.code = 'M-MIX';
INSERT INTO plan_indicator (plan, indicator, weight, advanced_cutoff, leader_fraction)
SELECT p.id, 'b', 2.5, '≥ 0.94', 0.15 FROM evaluation_plan p WHERE p.code = 'M-MIX';
UPDATE evaluation_plan SET status = 'published' WHERE category = 'model';

SELECT cmp_ok((SELECT count(*) FROM rank_plan('M-FRAC')), '>', 300::bigint, 'most generated disclosures are eligible');
SELECT cmp_ok((SELECT count(*) FROM eligibility('M-FRAC') WHERE NOT eligible), '>=', 15::bigint,
  'and some are not (missing indicator, draft, excluded enterprise)');
SELECT results_eq($$SELECT rank, disclosure, tier, score FROM rank_plan('M-FRAC')$$,
                  $$SELECT rank, disclosure, tier, trim_scale(score) FROM pg_temp.naive_rank_plan('M-FRAC')$$,
  'fractions on three directions: rank_plan equals the PL/pgSQL model row for row');
SELECT results_eq($$SELECT rank, disclosure, tier, score FROM rank_plan('M-MIX')$$,
                  $$SELECT rank, disclosure, tier, trim_scale(score) FROM pg_temp.naive_rank_plan('M-MIX')$$,
  'absolute and fraction cutoffs mixed, units mixed: rank_plan equals the model');
SELECT results_eq($$SELECT rank, disclosure, tier, score FROM rank_plan('M-BEST')$$,
                  $$SELECT rank, disclosure, tier, trim_scale(score) FROM pg_temp.naive_rank_plan('M-BEST')$$,
  'best in market: rank_plan equals the model');
SELECT cmp_ok((SELECT count(DISTINCT tier) FROM (SELECT tier FROM rank_plan('M-FRAC') UNION ALL
                SELECT tier FROM rank_plan('M-MIX') UNION ALL SELECT tier FROM rank_plan('M-BEST')) x), '>=', 3::bigint,
  'the comparisons cover at least three tiers');

SELECT * FROM finish();
ROLLBACK;
