-- Model checks of the comparisons 0.2.0 added: sampling plans against
-- plans and against plain limits, and values on bases, on generated cases,
-- against a reference written here independently of the C code.
--
-- The reference for plans works on sets of sample results.  A plan
-- (n, c, m, M) accepts n results when none is above M (for c = 0: above m)
-- and at most c are above m; a plain limit I accepts results when each is
-- in I.  A is at least as strict as B when every set of results A accepts
-- B accepts.  It is enough to look at sets of two values a, b (k results a,
-- n - k results b) drawn from the limits of both and the points around
-- them: a counterexample to containment can always be moved onto such a set
-- (results only matter by which side of m and M they fall), and a common
-- accepted set, when there is one, is one value repeated.  Plans of
-- different n share no set of results: they are ordered only through a
-- plain limit (every value the first lets a sample take is one the second
-- accepts in every sample).
BEGIN;
SELECT plan(14);
SELECT setseed(0.1616);

-- generated requirements on CFU/g: plans (two- and three-class, c = 0) and
-- plain limits; a few written in CFU/mg to go through the unit conversion
CREATE TEMP TABLE req (id serial, v frontrunner.indicator, kind text,
                       n int, c int, m numeric, big numeric,
                       lo numeric, lo_inc boolean, hi numeric, hi_inc boolean);
INSERT INTO req (v, kind, n, c, m, big)
SELECT format('n=%s,c=%s,m=%s%s CFU/g', n, c, m, CASE WHEN big IS NULL THEN '' ELSE ',M=' || big END)::frontrunner.indicator,
       'plan', n, c, m, big
FROM (SELECT n, c, m,
             CASE WHEN random() < 0.3 THEN NULL ELSE m * (1 + floor(random() * 4)) END AS big
      FROM (SELECT (ARRAY[3, 5, 5, 10])[1 + floor(random() * 4)::int] AS n, random() AS rc,
                   (ARRAY[0, 10, 50, 100, 100, 500])[1 + floor(random() * 6)::int] AS m
            FROM generate_series(1, 36)) g,
           LATERAL (SELECT least(floor(rc * 4)::int, n - 1) AS c) cc) p;
INSERT INTO req (v, kind, lo, lo_inc, hi, hi_inc)
SELECT format('%s%s CFU/g', op, x)::frontrunner.indicator, 'limit',
       CASE WHEN op LIKE '>%' OR op LIKE '≥%' THEN x END, op = '≥',
       CASE WHEN op LIKE '<%' OR op LIKE '≤%' THEN x END, op = '≤'
FROM (SELECT (ARRAY['≤', '≤', '<', '≥', '>'])[1 + floor(random() * 5)::int] AS op,
             (ARRAY[10, 50, 100, 200, 500, 1000, 2000])[1 + floor(random() * 7)::int] AS x
      FROM generate_series(1, 16)) l;
INSERT INTO req (v, kind, lo, lo_inc, hi, hi_inc)
VALUES ('50 ~ 500 CFU/g', 'limit', 50, true, 500, true), ('ND (≤ 10 CFU/g)', 'limit', NULL, false, 10, true);
-- the same plans in CFU/mg: m, M / 1000
INSERT INTO req (v, kind, n, c, m, big)
SELECT format('n=%s,c=%s,m=%s%s CFU/mg', n, c, trim_scale(m / 1000), CASE WHEN big IS NULL THEN '' ELSE ',M=' || trim_scale(big / 1000) END)::frontrunner.indicator,
       kind, n, c, m, big
FROM req WHERE kind = 'plan' AND id % 6 = 0;

-- The reference: does a set of n results pass, k of them a and the rest
-- -1 (below every limit)?  Lowering a result never makes a plan reject, so a
-- counterexample to "A at least as strict as B" can be taken with one
-- value a (k times) over -1; a plain limit accepts when each result is in
-- it.  (The plan: none above M', M' = m when c = 0; at most c above m.)
CREATE FUNCTION pg_temp.accepts(kind text, n int, c int, m numeric, big numeric,
                                lo numeric, lo_inc boolean, hi numeric, hi_inc boolean,
                                total int, k int, a numeric)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN kind = 'plan'
              THEN (k = 0 OR a <= coalesce(CASE WHEN c = 0 THEN m ELSE big END, 'infinity'))
                   AND (CASE WHEN a > m THEN k ELSE 0 END) + (CASE WHEN -1 > m THEN n - k ELSE 0 END) <= c
              ELSE (k = 0 OR ((lo IS NULL OR a > lo OR (lo_inc AND a = lo)) AND (hi IS NULL OR a < hi OR (hi_inc AND a = hi))))
                   AND (k = total OR ((lo IS NULL OR -1 > lo OR (lo_inc AND -1 = lo)) AND (hi IS NULL OR -1 < hi OR (hi_inc AND -1 = hi))))
         END
$$;

-- every pair with the values that matter to it
CREATE TEMP TABLE pair AS
SELECT x.id AS ia, y.id AS ib, coalesce(x.n, y.n, 1) AS total
FROM req x, req y
WHERE x.kind <> 'plan' OR y.kind <> 'plan' OR x.n = y.n;
CREATE TEMP TABLE point AS
SELECT p.ia, p.ib, v FROM pair p,
LATERAL (SELECT DISTINCT unnest(ARRAY[q, q - 0.5, q + 0.5]) AS v
         FROM req r, unnest(ARRAY[r.m, r.big, r.lo, r.hi]) q
         WHERE r.id IN (p.ia, p.ib) AND q IS NOT NULL
         UNION SELECT 1e9) pts;
CREATE TEMP TABLE judged AS
SELECT p.ia, p.ib, t.v AS a, k,
       pg_temp.accepts(x.kind, x.n, x.c, x.m, x.big, x.lo, x.lo_inc, x.hi, x.hi_inc, p.total, k, t.v) AS ax,
       pg_temp.accepts(y.kind, y.n, y.c, y.m, y.big, y.lo, y.lo_inc, y.hi, y.hi_inc, p.total, k, t.v) AS ay,
       k = p.total AS one_valued
FROM pair p JOIN req x ON x.id = p.ia JOIN req y ON y.id = p.ib
JOIN point t ON t.ia = p.ia AND t.ib = p.ib, generate_series(0, p.total) k;

CREATE TEMP TABLE ref AS
SELECT ia, ib, NOT bool_or(ax AND NOT ay) AS contained, bool_or(one_valued AND ax AND ay) AS meet
FROM judged GROUP BY ia, ib;
-- plans of different n: every value the first lets a sample take, the
-- second accepts in all of its samples (they always share low results)
INSERT INTO ref
SELECT x.id, y.id,
       NOT EXISTS (SELECT FROM unnest(ARRAY[x.m, x.big, y.m, y.big, x.m + 0.5, y.m + 0.5, 1e9]) a
                   WHERE a IS NOT NULL
                     AND pg_temp.accepts('plan', x.n, x.c, x.m, x.big, NULL, NULL, NULL, NULL, x.n, 1, a)
                     AND NOT pg_temp.accepts('plan', y.n, y.c, y.m, y.big, NULL, NULL, NULL, NULL, y.n, y.n, a)),
       true
FROM req x JOIN req y ON x.kind = 'plan' AND y.kind = 'plan' AND x.n <> y.n;

CREATE TEMP TABLE got AS
SELECT r.ia, r.ib, r.contained AS ref_contained, r.meet AS ref_meet,
       x.v <@ y.v AS contained, x.v && y.v AS meet, frontrunner.compare(x.v, y.v) AS verdict,
       x.v = y.v AS equal, frontrunner.indicator_hash(x.v) = frontrunner.indicator_hash(y.v) AS same_hash,
       frontrunner.indicator_cmp(x.v, y.v) AS cmp, frontrunner.indicator_cmp(y.v, x.v) AS cmp_rev
FROM ref r JOIN req x ON x.id = r.ia JOIN req y ON y.id = r.ib;

SELECT cmp_ok((SELECT count(*) FROM got), '>', 2500::bigint, 'enough generated pairs');
SELECT cmp_ok((SELECT count(*) FROM got WHERE ref_contained AND ia <> ib), '>', 200::bigint,
              'many pairs are contained (the reference is not vacuous)');
SELECT cmp_ok((SELECT count(*) FROM got WHERE NOT ref_contained), '>', 200::bigint,
              'many pairs are not');
SELECT is((SELECT count(*) FROM got WHERE contained <> ref_contained), 0::bigint,
          '<@ agrees with the reference on every pair (plans, plain limits, both ways, across units)');
SELECT is((SELECT count(*) FROM got WHERE meet <> ref_meet), 0::bigint,
          '&& agrees with the reference on every pair');
SELECT is((SELECT count(*) FROM got g JOIN got h ON h.ia = g.ib AND h.ib = g.ia
           WHERE g.verdict <> CASE WHEN g.ref_contained AND h.ref_contained THEN 'equal'
                                   WHEN g.ref_contained THEN 'stricter'
                                   WHEN h.ref_contained THEN 'looser'
                                   WHEN g.ref_meet THEN 'overlapping' ELSE 'disjoint' END), 0::bigint,
          'compare() is the reference''s containment both ways, then overlap');
SELECT is((SELECT count(*) FROM got WHERE equal AND NOT same_hash), 0::bigint,
          'equal values hash alike');
SELECT is((SELECT count(*) FROM got WHERE sign(cmp) <> -sign(cmp_rev) OR (cmp = 0) <> equal), 0::bigint,
          'the btree order is antisymmetric and 0 exactly for =');
SELECT is((SELECT count(*) FROM got WHERE equal AND verdict <> 'equal'), 0::bigint,
          '= implies compare() equal (= is finer: it also tells n and the plan from a plain limit)');
SELECT is((SELECT count(*) FROM got a JOIN got b ON b.ia = a.ib JOIN got c ON c.ia = a.ia AND c.ib = b.ib
           WHERE a.cmp <= 0 AND b.cmp <= 0 AND c.cmp > 0), 0::bigint,
          'the btree order is transitive');
SELECT is((SELECT count(*) FROM req r
           WHERE r.kind = 'plan' AND frontrunner.level(r.v, 'lower_better', 'CFU/g') <> r.m), 0::bigint,
          'level(plan, lower_better) is m, in any unit');

-- bases: a species is compatible with no species and itself (by its key:
-- 以铅计 is 以Pb计), a sample basis only with itself (none = 以鲜重计)
CREATE TEMP TABLE based (id serial, v frontrunner.indicator, species text, sample text);
INSERT INTO based (v, species, sample)
SELECT format('≤%s mg/kg%s%s', x, CASE WHEN s IS NULL THEN '' ELSE '(以' || s || '计)' END,
              CASE WHEN b IS NULL THEN '' ELSE '(' || b || ')' END)::frontrunner.indicator,
       CASE s WHEN '铅' THEN 'Pb' ELSE s END,
       CASE b WHEN '干基' THEN 'dry' WHEN '以干基计' THEN 'dry' WHEN '以脂肪计' THEN 'fat' ELSE 'none' END
FROM (SELECT (ARRAY[0.1, 0.2, 0.2, 0.5])[1 + floor(random() * 4)::int] AS x,
             (ARRAY[NULL, 'Pb', '铅', 'As'])[1 + floor(random() * 4)::int] AS s,
             (ARRAY[NULL, '以鲜重计', '以干基计', '干基', '以脂肪计'])[1 + floor(random() * 5)::int] AS b
      FROM generate_series(1, 40)) g;
CREATE TEMP TABLE based_pair AS
SELECT x.id AS ia, y.id AS ib,
       (x.species IS NULL OR y.species IS NULL OR x.species = y.species) AND x.sample = y.sample AS ref_compatible,
       frontrunner.compare(x.v, y.v) AS verdict, x.v = y.v AS equal,
       frontrunner.indicator_hash(x.v) = frontrunner.indicator_hash(y.v) AS same_hash,
       upper(x.v) = upper(y.v) AND x.species IS NOT DISTINCT FROM y.species
         AND frontrunner.sample_basis(x.v) IS NOT DISTINCT FROM frontrunner.sample_basis(y.v) AS ref_equal
FROM based x, based y;
SELECT is((SELECT count(*) FROM based_pair WHERE (verdict = 'incomparable') = ref_compatible), 0::bigint,
          'compare() is incomparable exactly for incompatible bases');
SELECT is((SELECT count(*) FROM based_pair WHERE equal <> ref_equal OR (equal AND NOT same_hash)), 0::bigint,
          '= on bases: the same set, species and sample basis as written (以鲜重计 is not none); the hash agrees');
CREATE FUNCTION pg_temp.raises(a frontrunner.indicator, b frontrunner.indicator) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM a <@ b;
  RETURN '';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END
$$;
SELECT is((SELECT count(*) FROM based_pair p JOIN based x ON x.id = p.ia JOIN based y ON y.id = p.ib
           WHERE pg_temp.raises(x.v, y.v) <> CASE WHEN p.ref_compatible THEN '' ELSE '22023' END), 0::bigint,
          '<@ raises 22023 exactly for incompatible bases');

SELECT * FROM finish();
ROLLBACK;
