-- The sort support of the indicator btree order (abbreviated keys,
-- src/core/indicator_abbrev.c) sorts exactly as indicator_cmp() orders:
-- ORDER BY, DISTINCT and a btree index built with it are checked against
-- the plain comparison function on the corpus of real requirement texts
-- (test/corpus/requirements.tsv) and on generated values with ties, many
-- units (cross-unit equal values, a temperature with an offset), the 0.2.0
-- forms (powers of ten, bases, plans), long decimals that the keys
-- truncate, negative values, exclusive bounds and NULLs.
BEGIN;
SELECT plan(16);
SELECT setseed(0.2222);
SET LOCAL max_parallel_workers_per_gather = 0;
SET LOCAL work_mem = '64MB';
CREATE EXTENSION IF NOT EXISTS amcheck;

CREATE TEMP TABLE corpus_raw (n serial, line text);
\copy corpus_raw (line) FROM 'test/corpus/requirements.tsv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')

CREATE FUNCTION pg_temp.try_ind(t text) RETURNS frontrunner.indicator LANGUAGE plpgsql AS $$
BEGIN
  RETURN t::frontrunner.indicator;
EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range THEN
  RETURN NULL;
END $$;

-- the corpus's "ok" lines
CREATE TEMP TABLE corpus_ind AS
SELECT f[1]::frontrunner.indicator AS x
FROM (SELECT string_to_array(line, E'\t') AS f FROM corpus_raw
      WHERE line NOT LIKE '#%' AND line <> '') s
WHERE f[1] <> 'text' AND f[3] = 'ok';

-- generated requirement texts: forms × values × units; the values with
-- 1 to 13 significant digits (the keys keep 6 of a lower bound, 4 of an
-- upper one), negative ones, zero, and powers of ten from 10^-9 to 10^9
CREATE TEMP TABLE gen_text AS
WITH v AS (
  SELECT round((random() * 200 - 20)::numeric, (random() * 6)::int) AS a,
         round((random() * 50)::numeric, (random() * 10)::int) AS w,
         (random() * 12)::int AS f, (random() * 11)::int AS u, i
  FROM generate_series(1, 6000) i
), units(k, u) AS (
  VALUES (0, 'mg/kg'), (1, '%'), (2, 'g/kg'), (3, 'μg/kg'), (4, 'mg/L'), (5, '℃'),
         (6, 'K'), (7, 'CFU/g'), (8, ''), (9, 'mg/100g'), (10, 'm/s²'), (11, 'kPa')
)
SELECT CASE v.f
  WHEN 0 THEN format('≤%s %s', abs(v.a), units.u)
  WHEN 1 THEN format('≥%s %s', v.a, units.u)
  WHEN 2 THEN format('%s～%s %s', v.a, v.a + v.w, units.u)
  WHEN 3 THEN format('<%s %s', abs(v.a), units.u)
  WHEN 4 THEN format('>%s %s', v.a, units.u)
  WHEN 5 THEN format('%s %s', v.a, units.u)
  WHEN 6 THEN format('%s±%s %s', v.a, round(v.w / 10, 2), units.u)
  WHEN 7 THEN format('≤%s×10^%s CFU/g', round(abs(v.a) / 10, 1), (v.i % 19) - 9)
  WHEN 8 THEN format('≤%s mg/kg(以Pb计)', abs(v.a))
  WHEN 9 THEN format('n=5,c=%s,m=%s,M=%s CFU/g', v.i % 3, round(abs(v.a)) * 10, round(abs(v.a)) * 100 + 100)
  WHEN 10 THEN format('%s.%s123456789 %s', trunc(abs(v.a)), v.i % 97, units.u)
  ELSE '不得检出'
END AS t
FROM v JOIN units ON units.k = v.u;

CREATE TEMP TABLE vals AS
SELECT x FROM corpus_ind
UNION ALL SELECT pg_temp.try_ind(t) FROM gen_text WHERE pg_temp.try_ind(t) IS NOT NULL
-- equal sets written in other units: ties the keys must leave to the comparison
UNION ALL SELECT v::frontrunner.indicator FROM (VALUES ('≤0.05 %'), ('≤500 mg/kg'), ('≤0.5 g/kg'),
  ('≤500000 μg/kg'), ('20 ℃'), ('293.15 K'), ('≤1.5×10^5 CFU/g'), ('≤150000 CFU/g'),
  ('5.0～7.5'), ('≥0.000001 %'), ('≥0.01 mg/kg')) AS e(v)
UNION ALL SELECT NULL::frontrunner.indicator FROM generate_series(1, 25);
-- every value twice more: exact duplicates
INSERT INTO vals SELECT x FROM vals WHERE random() < 0.3;
ANALYZE vals;

SELECT cmp_ok((SELECT count(*) FROM vals WHERE x IS NOT NULL)::int, '>', 7000,
  'the generated set and the corpus give more than 7000 values (the sort abbreviates beyond 10k rows only when it may abort, below that always)');

SELECT cmp_ok((SELECT count(DISTINCT frontrunner.form(x)) FROM vals)::int, '>=', 6,
  'the set has values of at least six forms');

-- ORDER BY with the sort support: every neighbour pair in order
SELECT is((SELECT count(*)::int FROM (
            SELECT x, lag(x) OVER (ORDER BY x) AS p FROM vals WHERE x IS NOT NULL) s
          WHERE p IS NOT NULL AND frontrunner.indicator_cmp(p, x) > 0), 0,
  'ORDER BY: every value is ordered after its predecessor by indicator_cmp');

SELECT is((SELECT count(*)::int FROM (
            SELECT x, lag(x) OVER (ORDER BY x DESC) AS p FROM vals WHERE x IS NOT NULL) s
          WHERE p IS NOT NULL AND frontrunner.indicator_cmp(p, x) < 0), 0,
  'ORDER BY DESC: every value is ordered before its predecessor by indicator_cmp');

SELECT is((SELECT array_agg(n ORDER BY n) FROM (
            SELECT row_number() OVER (ORDER BY x NULLS FIRST) AS n, x FROM vals) s WHERE x IS NULL),
          (SELECT array_agg(n) FROM generate_series(1, (SELECT count(*) FROM vals WHERE x IS NULL)) n),
  'NULLS FIRST: the NULLs come first, then the values');

-- the position of each value in the sorted output against its rank by the
-- comparison function alone (how many values are smaller, how many equal),
-- on 1500 of the values
CREATE TEMP TABLE sample AS
SELECT x FROM vals WHERE x IS NOT NULL ORDER BY random() LIMIT 1500;
CREATE TEMP TABLE sample_rank AS
SELECT a.x, count(*) FILTER (WHERE frontrunner.indicator_cmp(b.x, a.x) < 0) AS less,
       count(*) FILTER (WHERE frontrunner.indicator_cmp(b.x, a.x) = 0) AS same
FROM sample a CROSS JOIN sample b GROUP BY a.ctid, a.x;
SELECT is((SELECT count(*)::int FROM (
            SELECT x, row_number() OVER (ORDER BY x) AS pos FROM sample) s
          JOIN sample_rank r ON frontrunner.indicator_cmp(r.x, s.x) = 0
          WHERE s.pos <= r.less OR s.pos > r.less + r.same), 0,
  'each value''s position in ORDER BY is its rank by indicator_cmp (after the smaller, among the equal)');

-- DISTINCT by sorting against DISTINCT by hashing (= and the hash opclass)
SET LOCAL enable_hashagg = off;
CREATE TEMP TABLE d_sort AS SELECT count(*) AS n FROM (SELECT DISTINCT x FROM vals) s;
RESET enable_hashagg;
SET LOCAL enable_sort = off;
CREATE TEMP TABLE d_hash AS SELECT count(*) AS n FROM (SELECT DISTINCT x FROM vals) s;
RESET enable_sort;
SELECT is((SELECT n FROM d_sort), (SELECT n FROM d_hash),
  'DISTINCT by sorting finds as many values as DISTINCT by hashing');

-- a btree index built with the sort support
CREATE TEMP TABLE indexed AS SELECT row_number() OVER () AS id, x FROM vals;
CREATE INDEX indexed_x ON indexed (x);
ANALYZE indexed;
SELECT lives_ok($$SELECT bt_index_check('indexed_x'::regclass, true)$$,
  'amcheck: the index built with the sort support is in indicator_cmp order and holds every row');

CREATE TEMP TABLE probes AS
SELECT x FROM vals WHERE x IS NOT NULL ORDER BY random() LIMIT 60;
CREATE FUNCTION pg_temp.plan_of(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END $$;
CREATE FUNCTION pg_temp.answers() RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(format('%s:%s:%s:%s', (SELECT count(*) FROM indexed i WHERE i.x < p.x),
                           (SELECT count(*) FROM indexed i WHERE i.x <= p.x),
                           (SELECT count(*) FROM indexed i WHERE i.x = p.x),
                           (SELECT count(*) FROM indexed i WHERE i.x > p.x)), ',' ORDER BY p.x::text)
  FROM probes p
$$;
SET LOCAL enable_seqscan = off;
SET LOCAL enable_bitmapscan = off;
CREATE TEMP TABLE by_index AS SELECT pg_temp.answers() AS a;
SELECT ok((SELECT string_agg(l, E'\n') FROM pg_temp.plan_of(
             'SELECT count(*) FROM indexed WHERE x < ''≤0.05 %''') l) ~ 'indexed_x',
  'with sequential scans off, the probes use the index');
RESET enable_seqscan;
RESET enable_bitmapscan;
SET LOCAL enable_indexscan = off;
SET LOCAL enable_indexonlyscan = off;
SET LOCAL enable_bitmapscan = off;
CREATE TEMP TABLE by_scan AS SELECT pg_temp.answers() AS a;
RESET enable_indexscan;
RESET enable_indexonlyscan;
RESET enable_bitmapscan;
SELECT is((SELECT a FROM by_index), (SELECT a FROM by_scan),
  'the index answers <, <=, = and > for 60 probes as a sequential scan does');

-- an ordered index scan returns the ORDER BY order
SET LOCAL enable_seqscan = off;
SET LOCAL enable_sort = off;
SELECT is((SELECT count(*)::int FROM (
            SELECT x, lag(x) OVER () AS p FROM (SELECT x FROM indexed WHERE x IS NOT NULL ORDER BY x) o) s
          WHERE p IS NOT NULL AND frontrunner.indicator_cmp(p, x) > 0), 0,
  'an ordered index scan returns the values in indicator_cmp order');
RESET enable_seqscan;
RESET enable_sort;

-- many rows and few distinct keys: the sort gives the keys up (HyperLogLog
-- estimate) and still sorts right; many distinct: it keeps them
CREATE TEMP TABLE few AS
SELECT (CASE i % 3 WHEN 0 THEN '≤0.05 %' WHEN 1 THEN '≤500 mg/kg' ELSE '≤0.04 %' END)::frontrunner.indicator AS x
FROM generate_series(1, 30000) i;
SELECT is((SELECT count(*)::int FROM (SELECT x, lag(x) OVER (ORDER BY x) AS p FROM few) s
          WHERE p IS NOT NULL AND frontrunner.indicator_cmp(p, x) > 0), 0,
  '30000 rows of three values: sorted by indicator_cmp');
SELECT is((SELECT string_agg(n::text, ', ' ORDER BY x) FROM (SELECT x, count(*) AS n FROM few GROUP BY x) g),
  '10000, 20000',
  'and grouped into the two sets there are (≤0.05 % = ≤500 mg/kg)');

CREATE TEMP TABLE many AS
SELECT format('%s～%s mg/kg', a, a + b)::frontrunner.indicator AS x
FROM (SELECT round((random() * 100)::numeric, 3) AS a, round((random() * 10)::numeric, 3) AS b
      FROM generate_series(1, 40000)) g;
SELECT is((SELECT count(*)::int FROM (SELECT x, lag(x) OVER (ORDER BY x) AS p FROM many) s
          WHERE p IS NOT NULL AND frontrunner.indicator_cmp(p, x) > 0), 0,
  '40000 ranges with three decimals: sorted by indicator_cmp');
CREATE INDEX many_x ON many (x);
SELECT lives_ok($$SELECT bt_index_check('many_x'::regclass, true)$$,
  'amcheck: a 40000-row index built with the keys is in order');

-- long decimals the keys truncate, around a shared prefix
CREATE TEMP TABLE long_dec AS
SELECT format('%s～%s mg/kg', 12.34 + i * 0.000000001 * s, 20 + (i % 7) * 0.0000001)::frontrunner.indicator AS x
FROM generate_series(1, 3000) i, (VALUES (1), (-1)) AS sg(s);
INSERT INTO long_dec SELECT format('%s～%s mg/kg', -12.34 - i * 0.000000001, 20 + (i % 7) * 0.0000001)::frontrunner.indicator
FROM generate_series(1, 3000) i;
-- and the values their keys stand for exactly: the lower bound 12.34 (or
-- −12.34) with upper bounds on either side, inclusive and exclusive
INSERT INTO long_dec SELECT v::frontrunner.indicator FROM (VALUES
  ('12.34～13 mg/kg'), ('12.34～30 mg/kg'), ('≥12.34 mg/kg'), ('>12.34 mg/kg'), ('12.34 mg/kg'),
  ('-12.34～-12 mg/kg'), ('-12.34～30 mg/kg'), ('≥-12.34 mg/kg'), ('>-12.34 mg/kg'), ('-12.34 mg/kg'),
  ('12.3400001～12.35 mg/kg'), ('-12.3400001～-12.3 mg/kg')) AS e(v), generate_series(1, 3);
SELECT is((SELECT count(*)::int FROM (SELECT x, lag(x) OVER (ORDER BY x) AS p FROM long_dec) s
          WHERE p IS NOT NULL AND frontrunner.indicator_cmp(p, x) > 0), 0,
  'values that agree in their first ten digits (positive and negative): sorted by indicator_cmp');

SELECT * FROM finish();
ROLLBACK;
