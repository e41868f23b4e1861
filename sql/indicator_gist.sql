-- GiST index on indicators for <@, @> and && (src/indicator_gist.c):
-- the index answers exactly what a sequential scan answers.
SET search_path = frontrunner, public;
SET client_min_messages = warning;
\set VERBOSITY default

CREATE TEMP TABLE g AS
SELECT i, (CASE i % 5
  WHEN 0 THEN '≤ ' || (i % 97) || ' mg/kg'
  WHEN 1 THEN (i % 89) || ' ~ ' || (i % 89 + i % 7 + 1) || ' mg/kg'
  WHEN 2 THEN '≥ ' || trim_scale((i % 83) / 1000.0) || ' g/kg'
  WHEN 3 THEN 'ND (≤ ' || trim_scale((i % 13 + 1) / 10000.0) || ' %)'
  ELSE (i % 101) || ' mg/kg' END)::indicator AS v
FROM generate_series(1, 5000) AS i;
INSERT INTO g VALUES (0, 'ND');
CREATE INDEX g_v_gist ON g USING gist (v);
ANALYZE g;

CREATE TEMP TABLE q (id int, q indicator);
INSERT INTO q VALUES (1, '≤ 20 mg/kg'), (2, '10 ~ 30 mg/kg'), (3, '0.001 ~ 0.003 %'), (4, '≥ 0.05 g/kg'),
  (5, '42 mg/kg'), (6, 'ND'), (7, 'ND (≤ 0.0005 %)'), (8, '[5, 6) mg/kg'), (9, '≤ 1 dB');

-- the same answers with and without the index
CREATE TEMP TABLE seq AS
SELECT id, q, count(*) FILTER (WHERE v <@ q) AS contained, count(*) FILTER (WHERE v @> q) AS contains,
       count(*) FILTER (WHERE v && q) AS overlaps
FROM q, g WHERE compare(v, q) <> 'incomparable' GROUP BY id, q;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM g WHERE v <@ '≤ 20 mg/kg';
EXPLAIN (COSTS OFF) SELECT count(*) FROM g WHERE v @> '42 mg/kg';
EXPLAIN (COSTS OFF) SELECT count(*) FROM g WHERE v && '0.001 ~ 0.003 %';
SELECT s.id, s.q, s.contained, s.contains, s.overlaps,
       (SELECT count(*) FROM g WHERE v <@ s.q) = s.contained
   AND (SELECT count(*) FROM g WHERE v @> s.q) = s.contains
   AND (SELECT count(*) FROM g WHERE v && s.q) = s.overlaps AS index_agrees
FROM seq s ORDER BY s.id;
-- rows of another dimension: a sequential scan raises, an index scan skips them
SELECT count(*) FROM g WHERE v <@ '≤ 1 dB';
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT count(*) FROM g WHERE v <@ '≤ 1 dB';
RESET enable_indexscan;
RESET enable_bitmapscan;

SELECT opcname, amvalidate(oid) FROM pg_opclass
WHERE opcnamespace = 'frontrunner'::regnamespace AND opcname = 'indicator_gist_ops';
