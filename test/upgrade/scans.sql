-- After an update from a release whose module wrote bureau.lab_result
-- (test/upgrade/user_indexes.sql, test/harness/updatecheck.sh): the same
-- queries by index scans and by sequential scans, under 0.2.0's meaning.
-- Prints "0 of 6 queries differ; = ≥ 520 mL/L: <ids>" and the verdict of
-- ≥ 52 %vol against ≥ 52 g/100g.
\set ON_ERROR_STOP on
CREATE TEMP TABLE scans (k int, how text, ids int[]);
CREATE FUNCTION pg_temp.run(k int, how text, cond text) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
  ids int[];
BEGIN
  EXECUTE 'SELECT array_agg(id ORDER BY id) FROM bureau.lab_result WHERE ' || cond INTO ids;
  INSERT INTO scans VALUES (k, how, ids);
END
$f$;
-- by the indexes (a sequential scan would raise 22023 on rows of another
-- dimension for the strict operators; index scans skip them)
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SELECT pg_temp.run(1, 'index', $$result OPERATOR(frontrunner.=) '≥ 520 mL/L'$$);
SELECT pg_temp.run(2, 'index', $$result OPERATOR(frontrunner.=) '≥ 52 g/100g'$$);
SELECT pg_temp.run(3, 'index', $$result OPERATOR(frontrunner.<@) '≤ 20 %vol'$$);
SELECT pg_temp.run(4, 'index', $$result OPERATOR(frontrunner.&&) '10 ~ 20 %'$$);
SELECT pg_temp.run(5, 'index', $$frontrunner.compare(result, '≥ 52 g/100g') = 'incomparable'$$);
SELECT pg_temp.run(6, 'index', $$frontrunner.compare(result, '≥ 52 g/100g') = 'equal'$$);
RESET enable_seqscan;
SET enable_indexscan = off;
SELECT pg_temp.run(1, 'seq', $$result OPERATOR(frontrunner.=) '≥ 520 mL/L'$$);
SELECT pg_temp.run(2, 'seq', $$result OPERATOR(frontrunner.=) '≥ 52 g/100g'$$);
SELECT pg_temp.run(3, 'seq', $$frontrunner.compare(result, '≤ 20 %vol') IN ('stricter', 'equal')$$);
SELECT pg_temp.run(4, 'seq', $$frontrunner.compare(result, '10 ~ 20 %') NOT IN ('disjoint', 'incomparable')$$);
SELECT pg_temp.run(5, 'seq', $$frontrunner.compare(result, '≥ 52 g/100g') = 'incomparable'$$);
SELECT pg_temp.run(6, 'seq', $$frontrunner.compare(result, '≥ 52 g/100g') = 'equal'$$);
SELECT count(*) FILTER (WHERE i.ids IS DISTINCT FROM s.ids) || ' of ' || count(*) || ' queries differ; = ≥ 520 mL/L: '
       || (SELECT array_to_string(ids, ',') FROM scans WHERE k = 1 AND how = 'index')
FROM scans i JOIN scans s ON s.k = i.k AND s.how = 'seq' WHERE i.how = 'index';
SELECT 'vol vs mass: ' || frontrunner.compare(a.result, b.result)
FROM bureau.lab_result a, bureau.lab_result b WHERE a.id = 1 AND b.id = 8;
