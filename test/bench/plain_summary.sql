-- The plain baseline of benchmark_summary (test/bench/benchmark.sh and
-- national.sh): the same disclosures and requirements with bounds as numeric
-- in the indicator's unit (NULL: unbounded), and the same aggregation over
-- them in plain SQL (verdict by numeric containment of the bounds, margin by
-- numeric arithmetic).  Needs schema bench; run after the data is loaded.
CREATE TABLE bench.plain_disclosure AS SELECT id, category, status FROM disclosure;
CREATE TABLE bench.plain_disclosed AS
SELECT i.disclosure, i.indicator,
       level(i.requirement, 'higher_better', x.unit) AS lo,
       level(i.requirement, 'lower_better', x.unit) AS hi
FROM disclosed_indicator i JOIN disclosure d ON d.id = i.disclosure
JOIN indicator_def x ON x.category = d.category AND x.key = i.indicator;
CREATE TABLE bench.plain_requirement AS
SELECT r.category, r.indicator, r.standard::text AS standard, r.kind AS std_kind, r.nature AS std_nature,
       r.benchmark_class, r.class_rank, x.direction::text AS direction, r.requirement::text AS required,
       level(r.requirement, 'higher_better', x.unit) AS lo,
       level(r.requirement, 'lower_better', x.unit) AS hi
FROM benchmark_requirement r JOIN indicator_def x ON x.category = r.category AND x.key = r.indicator;
CREATE INDEX ON bench.plain_disclosed (disclosure);
VACUUM ANALYZE;

CREATE VIEW bench.plain_summary AS
SELECT r.category, r.indicator, r.standard, r.std_kind, r.std_nature, r.benchmark_class, r.direction, r.required,
       a.compared, a.stricter, a.equal, a.looser, a.other, a.overlapping, a.disjoint, 0::bigint AS incomparable,
       round(a.at_least_as_strict::numeric / a.compared, 4) AS share_at_least_as_strict,
       trim_scale((a.lower_median + a.upper_median) * 0.5) AS median_margin,
       a.min_margin, a.max_margin, r.class_rank
FROM (SELECT category, indicator, standard,
             count(*) AS compared,
             count(*) FILTER (WHERE verdict = 'stricter') AS stricter,
             count(*) FILTER (WHERE verdict = 'equal') AS equal,
             count(*) FILTER (WHERE verdict = 'looser') AS looser,
             count(*) FILTER (WHERE verdict NOT IN ('stricter', 'equal', 'looser')) AS other,
             count(*) FILTER (WHERE verdict = 'overlapping') AS overlapping,
             count(*) FILTER (WHERE verdict = 'disjoint') AS disjoint,
             count(*) FILTER (WHERE verdict IN ('stricter', 'equal')) AS at_least_as_strict,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY margin) AS lower_median,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY margin DESC) AS upper_median,
             min(margin) AS min_margin, max(margin) AS max_margin
      FROM (SELECT d.category, i.indicator, r.standard,
                   CASE WHEN a_in_b AND b_in_a THEN 'equal' WHEN a_in_b THEN 'stricter' WHEN b_in_a THEN 'looser'
                        WHEN coalesce(i.lo <= r.hi, true) AND coalesce(r.lo <= i.hi, true) THEN 'overlapping'
                        ELSE 'disjoint' END AS verdict,
                   CASE r.direction
                     WHEN 'lower_better' THEN (r.hi - i.hi) / nullif(r.hi, 0)
                     WHEN 'higher_better' THEN (i.lo - r.lo) / nullif(r.lo, 0)
                     ELSE 1 - (i.hi - i.lo) / nullif(r.hi - r.lo, 0) END AS margin
            FROM bench.plain_disclosure d
            JOIN bench.plain_disclosed i ON i.disclosure = d.id
            JOIN bench.plain_requirement r ON r.category = d.category AND r.indicator = i.indicator
            CROSS JOIN LATERAL (SELECT (r.lo IS NULL OR i.lo >= r.lo) AND (r.hi IS NULL OR i.hi <= r.hi) AS a_in_b,
                                       (i.lo IS NULL OR r.lo >= i.lo) AND (i.hi IS NULL OR r.hi <= i.hi) AS b_in_a) c
            WHERE d.status = 'published') p
      GROUP BY category, indicator, standard) a
JOIN bench.plain_requirement r ON r.category = a.category AND r.indicator = a.indicator AND r.standard = a.standard;
