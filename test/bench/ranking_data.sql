-- Data of the ranking benchmark (test/bench/ranking.sh): :scale published
-- disclosures × 5 indicators, a published plan BENCH over them, and bench.lv,
-- the same levels as plain numerics for the floor query.  psql -v scale=N.
CREATE EXTENSION frontrunner;
SET search_path = frontrunner, public;
INSERT INTO category VALUES ('bench', 'ranking benchmark category');
INSERT INTO indicator_def (category, key, direction, unit, required) VALUES
  ('bench', 'k1', 'lower_better', 'mg/kg', false), ('bench', 'k2', 'higher_better', '%', false),
  ('bench', 'k3', 'lower_better', 'W', false), ('bench', 'k4', 'target', '', false),
  ('bench', 'k5', 'higher_better', '级', false);
INSERT INTO enterprise (uscc, name)
SELECT uscc_complete('91110000MA' || lpad(i::text, 7, '0')), '基准企业' || i
FROM generate_series(1, greatest(:scale / 4, 1)) i;
CREATE SCHEMA bench;
CREATE TABLE bench.ent AS SELECT row_number() OVER (ORDER BY uscc) - 1 AS n, uscc FROM enterprise;
-- data is written the way a restore writes it (rules off): every row is
-- what the rules would have accepted
SET session_replication_role = replica;
INSERT INTO disclosure (enterprise, category, product, standard, status, published_at)
SELECT e.uscc, 'bench', 'product ' || i, 'Q/BENCH 0001-2024', 'published',
       now() - interval '1 day' - (i % 1000) * interval '1 minute'
FROM generate_series(1, :scale) i JOIN bench.ent e ON e.n = i % greatest(:scale / 4, 1)
ORDER BY i;
-- realistic values: round figures common, ties everywhere, a long tail;
-- u(id, salt) is a deterministic uniform draw in [0, 1) per disclosure
CREATE FUNCTION bench.u(id bigint, salt int) RETURNS numeric LANGUAGE sql IMMUTABLE AS
$$ SELECT ((hashint8(id * 16 + salt) & 2147483647)::numeric / 2147483648) $$;
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, enterprise)
SELECT d.id, v.k, v.r::indicator, d.enterprise
FROM disclosure d
CROSS JOIN LATERAL (VALUES
  ('k1', '≤ ' || CASE WHEN bench.u(d.id, 1) < 0.6 THEN (ARRAY['20', '16', '15', '10', '8', '5'])[1 + floor(bench.u(d.id, 2) * 6)::int]
                      ELSE round(bench.u(d.id, 2) * 20, 1)::text END || ' mg/kg'),
  ('k2', '≥ ' || round(90 + bench.u(d.id, 3) * 9.9, 1) || ' %'),
  ('k3', CASE WHEN bench.u(d.id, 4) < 0.2 THEN '≤ ' || (50 * (1 + floor(bench.u(d.id, 5) * 20)))::int || ' mW'
              ELSE '≤ ' || round(0.05 + bench.u(d.id, 5) * 1.95, 2) || ' W' END),
  ('k4', (4.0 + round(bench.u(d.id, 6) * 2, 1)) || ' ~ ' || (9.0 - round(bench.u(d.id, 7) * 2, 1))),
  ('k5', '≥ ' || (ARRAY['3', '3-4', '4', '4-5', '5'])[1 + floor(bench.u(d.id, 8) * 5)::int] || ' 级')) v(k, r)
WHERE d.category = 'bench';
SET session_replication_role = origin;
INSERT INTO review_policy (category, min_approvals, min_notice_days) VALUES ('bench', 0, 0);
INSERT INTO evaluation_plan (code, agency, category, title, deadline, leader_cap, required_approvals)
VALUES ('BENCH', 'bench agency', 'bench', 'ranking benchmark', now(), 50, 0);
INSERT INTO plan_indicator (plan, indicator, weight)
SELECT id, k, w FROM evaluation_plan, (VALUES ('k1', 3), ('k2', 2), ('k3', 2), ('k4', 1), ('k5', 1)) v(k, w);
UPDATE evaluation_plan SET status = 'published';
-- the floor's input: the same levels as plain numerics, key = level for
-- lower-better (and target widths), -level for higher-better
CREATE TABLE bench.lv AS
SELECT di.disclosure, di.indicator AS ind,
       CASE WHEN f.direction = 'higher_better' THEN -1 ELSE 1 END * level(di.requirement, f.direction, f.unit) AS key
FROM disclosed_indicator di JOIN indicator_def f ON f.category = 'bench' AND f.key = di.indicator;
VACUUM ANALYZE;
