-- pgTAP: properties of the indicator type over generated samples.
-- The reference model is PostgreSQL's own numrange: an indicator whose
-- values are converted to one unit (to_unit(v, 'mg/kg')) is the interval
-- numrange(lower, upper, bounds), and =, <@, @>, && and the btree order
-- must agree with numrange's.
BEGIN;
SELECT plan(28);

SELECT setseed(0.4217);

-- a base value in mg/kg written in one of four units of the same dimension
CREATE FUNCTION pg_temp.spell(x numeric, u int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE u
    WHEN 0 THEN trim_scale(x)::text || ' mg/kg'
    WHEN 1 THEN trim_scale(x / 1000)::text || ' g/kg'
    WHEN 2 THEN trim_scale(x / 10000)::text || ' %'
    ELSE trim_scale(x)::text || ' ppm' END
$$;

CREATE TEMP TABLE gen AS
SELECT i, form, u, a, a + b AS c, b
FROM (SELECT i, floor(random() * 6)::int AS form, floor(random() * 4)::int AS u,
             (floor(random() * 16) * 5)::numeric AS a, (1 + floor(random() * 8) * 5)::numeric AS b
      FROM generate_series(1, 600) AS i) AS r;

CREATE TEMP TABLE s AS
SELECT i, v::indicator AS v
FROM (SELECT i, CASE form
  WHEN 0 THEN pg_temp.spell(a, u)
  WHEN 1 THEN (CASE WHEN b > 20 THEN '≤ ' ELSE '< ' END) || pg_temp.spell(a, u)
  WHEN 2 THEN (CASE WHEN b > 20 THEN '≥ ' ELSE '> ' END) || pg_temp.spell(a, u)
  WHEN 3 THEN (CASE WHEN b > 15 THEN '[' ELSE '(' END) || split_part(pg_temp.spell(a, u), ' ', 1)
              || ', ' || split_part(pg_temp.spell(c, u), ' ', 1)
              || (CASE WHEN b::int % 2 = 0 THEN ']' ELSE ')' END) || ' '
              || split_part(pg_temp.spell(a, u), ' ', 2)
  WHEN 4 THEN split_part(pg_temp.spell(a + 40, u), ' ', 1) || ' ± ' || pg_temp.spell(b, u)
  ELSE 'ND (≤ ' || pg_temp.spell(b, u) || ')' END AS v
  FROM gen) AS t;

-- the model: every value as a numrange in mg/kg
CREATE TEMP TABLE m AS
SELECT i, v, numrange(lower(w), upper(w),
                      (CASE WHEN lower_inc(w) THEN '[' ELSE '(' END) ||
                      (CASE WHEN upper_inc(w) THEN ']' ELSE ')' END)) AS r
FROM (SELECT i, v, to_unit(v, 'mg/kg') AS w FROM s) AS t;

-- the other dimensions and the unit-less ND, for cross-dimension checks
CREATE TEMP TABLE other AS
SELECT v::indicator AS v FROM unnest(ARRAY['≤ 5 dB', '65 ± 2 dB', '< 70 dB(A)', '≥ 3-4级', '≥ 4 级',
  '1 级', 'ND', '≤ 1 NTU', '6.5 ~ 8.5', '0.5 h', '30 min', '≤ 100 CFU/mL', '≤ 1 kW·h/24h']) AS v;
CREATE TEMP TABLE everything AS SELECT v FROM s UNION ALL SELECT v FROM other;

SELECT is((SELECT count(*) FROM s), 600::bigint, 'generated 600 indicators in mg/kg, g/kg, %, ppm');
SELECT ok((SELECT count(DISTINCT v::text) FROM s) > 300, 'the sample is varied');
SELECT ok((SELECT count(*) FROM m a JOIN m b ON a.i < b.i AND a.r = b.r AND a.v::text <> b.v::text) > 50,
          'the sample has equal sets written differently (cross-unit)');

-- round trips
SELECT is((SELECT count(*) FROM everything WHERE v::text::indicator::text <> v::text), 0::bigint,
          'output → input → output is identical');
SELECT is((SELECT count(*) FROM everything WHERE NOT (v::text::indicator = v)), 0::bigint,
          'output → input is equal');
SELECT is((SELECT count(*) FROM everything WHERE NOT (to_text(v, 'zh')::indicator = v)), 0::bigint,
          'Chinese output → input is equal');
SELECT is((SELECT count(*) FROM s WHERE NOT (to_unit(v, 'mg/kg') = v)), 0::bigint,
          'to_unit keeps the set');

-- the model
SELECT is((SELECT count(*) FROM m a, m b WHERE (a.v = b.v) IS DISTINCT FROM (a.r = b.r)), 0::bigint,
          '= agrees with numrange = (exact, across units)');
SELECT is((SELECT count(*) FROM m a, m b WHERE (a.v <@ b.v) IS DISTINCT FROM (a.r <@ b.r)), 0::bigint,
          '<@ agrees with numrange <@');
SELECT is((SELECT count(*) FROM m a, m b WHERE (a.v @> b.v) IS DISTINCT FROM (a.r @> b.r)), 0::bigint,
          '@> agrees with numrange @>');
SELECT is((SELECT count(*) FROM m a, m b WHERE (a.v && b.v) IS DISTINCT FROM (a.r && b.r)), 0::bigint,
          '&& agrees with numrange &&');
SELECT is((SELECT count(*) FROM m a, m b
           WHERE sign(indicator_cmp(a.v, b.v)) <> sign(range_cmp(a.r, b.r))), 0::bigint,
          'the btree order is numrange''s order (so it is a total order consistent with =)');

-- order properties over every pair, all dimensions included
SELECT is((SELECT count(*) FROM everything a, everything b
           WHERE indicator_cmp(a.v, b.v) <> -indicator_cmp(b.v, a.v)), 0::bigint,
          'the order is antisymmetric');
SELECT is((SELECT count(*) FROM everything a, everything b
           WHERE (indicator_cmp(a.v, b.v) = 0) <> (a.v = b.v)), 0::bigint,
          'cmp = 0 exactly when =');
SELECT is((SELECT count(*) FROM (SELECT v, lead(v) OVER (ORDER BY v) AS w FROM everything) AS t
           WHERE w IS NOT NULL AND NOT (v <= w)), 0::bigint,
          'sorted output is ordered (sort support and <= agree)');
SELECT is((SELECT count(*) FROM (SELECT a.v AS a, b.v AS b, c.v AS c
                                 FROM everything a, everything b, everything c
                                 WHERE random() < 0.02) AS t
           WHERE a <= b AND b <= c AND NOT (a <= c)), 0::bigint,
          'the order is transitive (random triples)');
SELECT is((SELECT count(*) FROM everything a, everything b
           WHERE a.v = b.v AND indicator_hash(a.v) <> indicator_hash(b.v)), 0::bigint,
          'equal values hash alike');
SELECT is((SELECT count(*) FROM everything a, everything b
           WHERE a.v = b.v AND indicator_hash_extended(a.v, 42) <> indicator_hash_extended(b.v, 42)),
          0::bigint, 'equal values hash alike (extended)');

-- <@ is a partial order: reflexive, transitive, and antisymmetric up to =
SELECT is((SELECT count(*) FROM everything WHERE NOT v <@ v), 0::bigint, '<@ is reflexive');
SELECT is((SELECT count(*) FROM s a, s b WHERE (a.v <@ b.v AND b.v <@ a.v) <> (a.v = b.v)), 0::bigint,
          'a <@ b and b <@ a exactly when a = b');
SELECT is((SELECT count(*) FROM (SELECT a.v AS a, b.v AS b, c.v AS c FROM s a, s b, s c
                                 WHERE random() < 0.01) AS t
           WHERE a <@ b AND b <@ c AND NOT a <@ c), 0::bigint, '<@ is transitive (random triples)');
SELECT is((SELECT count(*) FROM everything a, everything b
           WHERE compare(a.v, b.v) <> CASE
             WHEN compare(a.v, b.v) = 'incomparable' THEN 'incomparable'
             WHEN a.v = b.v THEN 'equal' WHEN a.v <@ b.v THEN 'stricter' WHEN b.v <@ a.v THEN 'looser'
             WHEN a.v && b.v THEN 'overlapping' ELSE 'disjoint' END), 0::bigint,
          'compare() agrees with <@, = and && and never raises');
SELECT is((SELECT count(*) FROM everything a, everything b
           WHERE (compare(a.v, b.v) = 'incomparable') <> (unit(a.v) IS NOT NULL AND unit(b.v) IS NOT NULL
                  AND NOT unit_commensurable(unit(a.v), unit(b.v)))), 0::bigint,
          'incomparable exactly across dimensions (ND without a limit compares with all)');
SELECT throws_ok($$SELECT '≤ 5 dB'::indicator <@ '≤ 0.2 mg/kg'$$, '22023',
                 'cannot compare an indicator in "dB" with one in "mg/kg"',
                 '<@ across dimensions raises 22023 naming both units');
SELECT throws_ok($$SELECT '≤ 5 dB'::indicator @> '≥ 3 级'$$, '22023', NULL,
                 '@> across dimensions raises 22023');

-- GB/T 8170 rounded judgement against a reference round-half-even in SQL
CREATE FUNCTION pg_temp.half_even(x numeric, s int) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN abs(x - trunc(x, s)) * power(10::numeric, s) = 0.5
              THEN CASE WHEN (trunc(x, s) * power(10::numeric, s)) % 2 = 0 THEN trunc(x, s)
                        ELSE trunc(x, s) + sign(x) * power(10::numeric, -s) END
              ELSE round(x, s) END
$$;
CREATE TEMP TABLE judged AS
SELECT x, lim, s
FROM (SELECT round((random() * 4 - 2)::numeric, 3) AS x,
             round((random() * 4 - 2)::numeric, s) AS lim, s
      FROM generate_series(1, 3000), LATERAL (SELECT floor(random() * 3)::int AS s) AS k) AS t;
SELECT is((SELECT count(*) FROM judged
           WHERE satisfies(x, ('≤ ' || lim)::indicator, 'rounded') <> (pg_temp.half_even(x, s) <= lim)
              OR satisfies(x, ('≥ ' || lim)::indicator, 'rounded') <> (pg_temp.half_even(x, s) >= lim)
              OR satisfies(x, ('< ' || lim)::indicator, 'rounded') <> (pg_temp.half_even(x, s) < lim)),
          0::bigint, 'rounded judgement = round half to even at the limit''s decimals, then compare');
SELECT is((SELECT count(*) FROM judged
           WHERE satisfies(x, ('≤ ' || lim)::indicator) <> (x <= lim)
              OR satisfies(x, ('> ' || lim)::indicator) <> (x > lim)), 0::bigint,
          'full judgement = plain numeric comparison');

-- the numbers an indicator gives back (lower, upper, level) are the decimals
-- as written: value and display scale, for every scale 0..18 and sign
SELECT is((SELECT count(*) FROM (
             SELECT (CASE WHEN g % 3 = 0 THEN '-' ELSE '' END ||
                     trunc((hashint4(g) & 2147483647)::numeric * (hashint4(g + 7) & 65535) / 10::numeric ^ (g % 19), g % 19)::text) AS t
             FROM generate_series(1, 3000) g) x
           WHERE lower(('≥ ' || x.t)::indicator)::text <> x.t::numeric::text
              OR level(('≤ ' || x.t)::indicator, 'lower_better')::text <> x.t::numeric::text),
          0::bigint, 'lower()/level() return the written decimal with its scale (3000 values, scales 0-18, signs)');

SELECT * FROM finish();
ROLLBACK;
