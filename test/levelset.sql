-- pgTAP: levelset and level_stats against plain-SQL models over generated samples
BEGIN;
SELECT plan(25);

SELECT setseed(0.4242);
-- 300 samples of 1..80 levels: heavy ties (0..4), few decimals, many distinct,
-- negative levels, trailing zeros (the same value written with different scales)
CREATE TEMP TABLE samp AS
SELECT s AS sample,
       (ARRAY['lower_better', 'higher_better', 'target'])[1 + s % 3]::frontrunner.direction AS dir,
       CASE s % 5
         WHEN 0 THEN floor(random() * 5)::numeric
         WHEN 1 THEN round((random() * 100)::numeric, 1)
         WHEN 2 THEN round((random() * 2 - 1)::numeric, 4)
         WHEN 3 THEN CASE g % 3 WHEN 0 THEN round((random() * 3)::numeric, 0)::numeric(10, 2)
                                WHEN 1 THEN round((random() * 3)::numeric, 0)::numeric(10, 5)
                                ELSE round((random() * 3)::numeric, 0) END
         ELSE round((random() * 1e6)::numeric, 6)
       END AS level,
       random() < 0.5 AS half
FROM generate_series(1, 300) s, generate_series(1, 1 + (s * 37) % 80) g;
CREATE TEMP TABLE sets AS
SELECT sample, dir, level_stats(level, dir) AS l, count(*) AS n FROM samp GROUP BY sample, dir;

-- ------------------------------------------------------------ aggregate

SELECT is((SELECT count(*) FROM sets WHERE level_count(l) <> n), 0::bigint,
          'level_count is the number of rows');
SELECT is((SELECT count(*) FROM sets s
           WHERE level_distinct(l) <> (SELECT count(DISTINCT level) FROM samp WHERE sample = s.sample)),
          0::bigint, 'level_distinct is count(DISTINCT level) (0.20 = 0.2)');
SELECT is((SELECT count(*) FROM sets s,
                LATERAL (SELECT level_stats(level, s.dir) AS a FROM samp WHERE sample = s.sample AND half) a,
                LATERAL (SELECT level_stats(level, s.dir) AS b FROM samp WHERE sample = s.sample AND NOT half) b
           WHERE level_stats_combine(a, b) IS DISTINCT FROM l
              OR level_stats_combine(b, a) IS DISTINCT FROM l),
          0::bigint, 'combine(split A, split B) = aggregate of all, either order (random splits, empty halves)');
SELECT is((SELECT count(*) FROM sets s,
                LATERAL (SELECT level_stats(level, s.dir ORDER BY random()) AS a,
                                level_stats(level, s.dir ORDER BY level DESC) AS b
                         FROM samp WHERE sample = s.sample) x
           WHERE a <> l OR b <> l),
          0::bigint, 'the result does not depend on the order of the rows');
SELECT is((SELECT count(*) FROM sets s, LATERAL levels(l) x
           WHERE x.count <> (SELECT count(*) FROM samp WHERE sample = s.sample AND level = x.level)
              OR x.level::text <> trim_scale(x.level)::text),
          0::bigint, 'levels(): every count equals count(*) of that level; levels are trimmed');
SELECT is((SELECT count(*) FROM sets s, LATERAL levels(l) x
           WHERE x.position <> 1 + (SELECT count(*) FROM samp
                                    WHERE sample = s.sample
                                      AND CASE WHEN s.dir = 'higher_better' THEN level > x.level
                                               ELSE level < x.level END)),
          0::bigint, 'levels(): position is 1 + the number of strictly better members');
SELECT is((SELECT count(*)
           FROM (SELECT dir, level, lag(level) OVER w AS prev
                 FROM sets, LATERAL levels(l) WITH ORDINALITY AS x(level, count, position, ord)
                 WINDOW w AS (PARTITION BY sample ORDER BY ord)) a
           WHERE prev IS NOT NULL
             AND NOT CASE WHEN dir = 'higher_better' THEN prev > level ELSE prev < level END),
          0::bigint, 'levels() come best first, strictly');

SELECT is((SELECT count(*) FROM sets s,
                LATERAL (SELECT level_stats(level, 'target') AS t, level_stats(level, 'lower_better') AS lb
                         FROM samp WHERE sample = s.sample) x
           WHERE substr(t::text, 8) <> substr(lb::text, 14)),
          0::bigint, 'target orders its levels (range widths) exactly like lower_better');

-- ------------------------------------------------------------ cutoff
CREATE TEMP TABLE fractions (p numeric);
INSERT INTO fractions VALUES (0.01), (0.05), (0.1), (0.2), (0.25), (1 / 3.0), (0.5), (0.999), (1),
                             (0.0000000000000000000001);
CREATE TEMP TABLE model_cutoff AS
SELECT s.sample, f.p,
       (SELECT level FROM samp WHERE sample = s.sample
        ORDER BY CASE WHEN s.dir = 'higher_better' THEN -level ELSE level END
        OFFSET ceil(f.p * s.n) - 1 LIMIT 1) AS cutoff
FROM sets s, fractions f;
SELECT is((SELECT count(*) FROM sets s JOIN model_cutoff m USING (sample)
           WHERE level_cutoff(s.l, m.p) <> m.cutoff
              OR level_cutoff(s.l, m.p)::text <> trim_scale(m.cutoff)::text),
          0::bigint, 'level_cutoff = the ORDER BY … OFFSET ceil(p*n)-1 model (trimmed)');
SELECT is((SELECT count(*) FROM sets s JOIN model_cutoff m USING (sample)
           JOIN samp x ON x.sample = s.sample
           WHERE level_reaches(s.l, x.level, m.p) <>
                 CASE WHEN s.dir = 'higher_better' THEN x.level >= m.cutoff ELSE x.level <= m.cutoff END),
          0::bigint, 'level_reaches = at least as good as the model cutoff, for every member and fraction');
SELECT is((SELECT count(*) FROM sets s JOIN model_cutoff m USING (sample)
           WHERE level_reaches(s.l, m.cutoff + 0.5, m.p) <> (s.dir = 'higher_better')
              OR level_reaches(s.l, m.cutoff - 0.5, m.p) <> (s.dir <> 'higher_better')),
          0::bigint, 'level_reaches for levels that are not members');
SELECT is(level_cutoff(level_stats(x, 'lower_better'), 0.3), 3::numeric,
          'p·n an exact integer: ceil(0.3 · 10) = 3')
FROM generate_series(1, 10) x;

-- ------------------------------------------------------------ standing
CREATE TEMP TABLE model_standing AS
SELECT x.sample, x.level,
       count(*) FILTER (WHERE CASE WHEN s.dir = 'higher_better' THEN y.level < x.level
                                   ELSE y.level > x.level END) AS worse,
       count(*) FILTER (WHERE y.level = x.level) AS equal,
       count(*) FILTER (WHERE CASE WHEN s.dir = 'higher_better' THEN y.level > x.level
                                   ELSE y.level < x.level END) AS better,
       count(*) AS n
FROM (SELECT DISTINCT sample, level FROM samp) x JOIN sets s USING (sample)
     JOIN samp y ON y.sample = x.sample
GROUP BY x.sample, x.level, s.dir;
SELECT is((SELECT count(*) FROM model_standing m JOIN sets s USING (sample)
           WHERE level_standing(s.l, m.level) IS DISTINCT FROM
                 CASE WHEN m.n = 1 THEN 1::numeric
                      ELSE (2 * m.worse + m.equal - 1)::numeric / (2 * (m.n - 1)) END),
          0::bigint, 'level_standing = (2·worse + equal - 1)::numeric / (2·(n - 1)) from count(*) filters');
SELECT is((SELECT count(*) FROM model_standing m JOIN sets s USING (sample)
           WHERE m.n > 1 AND level_standing(s.l, m.level)::text <>
                 ((2 * m.worse + m.equal - 1)::numeric / (2 * (m.n - 1)))::text),
          0::bigint, 'level_standing: the identical numeric (same scale) as the SQL division');
SELECT is((SELECT count(*) FROM model_standing m JOIN sets s USING (sample)
           WHERE m.n > 1 AND abs(level_standing(s.l, m.level)
                                 - (m.worse + (m.equal - 1) / 2.0) / (m.n - 1)) > 1e-15),
          0::bigint, 'level_standing agrees with (worse + (equal - 1) / 2) / (n - 1)');
SELECT is((SELECT count(*) FROM model_standing m JOIN sets s USING (sample)
           WHERE level_place(s.l, m.level) <> 2 * m.worse + m.equal - 1),
          0::bigint, 'level_place = 2·worse + equal - 1 from count(*) filters');
SELECT is((SELECT count(*) FROM model_standing m JOIN sets s USING (sample),
                LATERAL level_counts(s.l, m.level) c
           WHERE (c.worse, c.equal, c.better) <> (m.worse, m.equal, m.better)),
          0::bigint, 'level_counts = the count(*) filters');
SELECT is((SELECT count(*) FROM sets s, LATERAL level_counts(s.l, 1e9) c
           WHERE c.equal <> 0 OR c.worse + c.better <> s.n),
          0::bigint, 'level_counts of a non-member: equal 0, worse + better = n');

-- ------------------------------------------------------------ round trips
SELECT is((SELECT count(*) FROM sets WHERE l::text::levelset <> l OR l::text::levelset::text <> l::text),
          0::bigint, 'text round trip: output reads back to an equal value');
CREATE TEMP TABLE bin_in (sample int, l levelset);
COPY (SELECT sample, l FROM sets) TO '/tmp/frontrunner_levelset_tap.bin' (FORMAT binary);
COPY bin_in FROM '/tmp/frontrunner_levelset_tap.bin' (FORMAT binary);
SELECT is((SELECT count(*) FROM sets s LEFT JOIN bin_in b USING (sample)
           WHERE b.l IS DISTINCT FROM s.l), 0::bigint,
          'binary round trip (COPY … FORMAT binary): send then recv gives an equal value');

-- ------------------------------------------------------------ errors
SELECT throws_ok($$SELECT level_stats(x, d::frontrunner.direction)
                   FROM (VALUES (1.0, 'target'), (2.0, 'lower_better')) v(x, d)$$,
                 '22023', NULL, 'direction change within a group: 22023');
SELECT throws_ok($$SELECT level_stats_combine('lower_better {1:1}', 'target {1:1}')$$,
                 '22023', NULL, 'combining states of two directions: 22023');
SELECT throws_ok($$SELECT level_stats(x, 'lower_better') FROM (VALUES ('NaN'::numeric)) v(x)$$,
                 '22023', NULL, 'NaN level: 22023');
SELECT throws_ok($$SELECT 'lower_better {0.3:1, 0.2:1}'::frontrunner.levelset$$,
                 '22P02', NULL, 'levels not best first: 22P02');

-- ------------------------------------------------------------ catalog
SELECT is((SELECT (aggcombinefn::text, aggtranstype::regtype::text, aggserialfn::text, p.proparallel)
           FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           WHERE aggfnoid = 'frontrunner.level_stats(numeric, frontrunner.direction)'::regprocedure),
          ('level_stats_combine'::text, 'levelset'::text, '-'::text, 's'::"char"),
          'level_stats: PARALLEL SAFE, a combine function, state type levelset (not internal)');

SELECT * FROM finish();
ROLLBACK;
