-- levelset: the levels of one indicator, for tier cutoffs and standings
SET search_path = frontrunner, public;
\set VERBOSITY default

-- literals: direction, then the distinct levels best first with their counts
SELECT 'lower_better {0.2:3, 0.5:10}'::levelset;
SELECT 'higher_better {98.5:2, 97:1}'::levelset;
SELECT 'target {}'::levelset;
-- free whitespace; trailing zeros trimmed (0.20 is the level 0.2)
SELECT '  lower_better{ 0.20 :3 ,0.500:10 }  '::levelset;
SELECT 'lower_better {-1.5:1, 0.000:2, 100.00:1}'::levelset;

-- text round trip and equality
SELECT l, l::text::levelset = l AS text_round_trip,
       levelset_recv_check.ok AS binary_round_trip
FROM (VALUES ('lower_better {0.2:3, 0.5:10}'::levelset),
             ('higher_better {1000000000000000000000.000000000001:1, 5:7, -0.00001:2}'),
             ('target {0:4}'), ('target {}')) v(l),
     LATERAL (SELECT levelset_send(l) = levelset_send(l::text::levelset) AS ok) levelset_recv_check;
SELECT 'lower_better {0.2:3}'::levelset = 'lower_better {0.20:3}' AS same,
       'lower_better {0.2:3}'::levelset = 'target {0.2:3}' AS other_direction,
       'lower_better {0.2:3}'::levelset <> 'lower_better {0.2:4}' AS other_count;
-- the binary form (version 1, direction, levels as numeric_send with counts)
SELECT levelset_send('lower_better {0.2:3, 0.5:10}');

-- input errors
SELECT 'best {0.2:3}'::levelset;
SELECT 'lower_better (0.2:3)'::levelset;
SELECT 'lower_better {0.5:1, 0.2:3}'::levelset;
SELECT 'higher_better {0.2:1, 0.5:3}'::levelset;
SELECT 'lower_better {0.2:1, 0.20:3}'::levelset;
SELECT 'lower_better {0.2:0}'::levelset;
SELECT 'lower_better {0.2:-1}'::levelset;
SELECT 'lower_better {NaN:1}'::levelset;
SELECT 'lower_better {Infinity:1}'::levelset;
SELECT 'lower_better {0.2}'::levelset;
SELECT 'lower_better {0.2:1,}'::levelset;
SELECT 'lower_better {0.2:1} x'::levelset;
SELECT 'lower_better {0.2:99999999999999999999}'::levelset;
SELECT 'lower_better {0.2:4611686018427387903, 0.3:1}'::levelset;
-- no exponent notation (numeric output never writes one)
SELECT 'lower_better {1e0:1}'::levelset;

-- binary input is checked as strictly (22P03): a one-row binary COPY file
\set SHOW_CONTEXT never
CREATE FUNCTION pg_temp.copy_file(field bytea) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  lo oid;
BEGIN
  lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
                         || '\x0001'::bytea || int4send(length(field)) || field || '\xffff'::bytea);
  PERFORM lo_export(lo, '/tmp/frontrunner_levelset_binary.bin');
  PERFORM lo_unlink(lo);
END
$$;
-- version, direction, number of levels, then (length, numeric_send, count) each
CREATE FUNCTION pg_temp.lv_bin(version int, dir int, levels numeric[], counts bigint[],
                               tail bytea DEFAULT '') RETURNS bytea
LANGUAGE sql AS $$
  SELECT set_byte(set_byte('\x0000'::bytea, 0, version), 1, dir)
         || int4send(coalesce(array_length(levels, 1), 0))
         || coalesce((SELECT string_agg(int4send(length(numeric_send(l))) || numeric_send(l)
                                        || int8send(c), ''::bytea ORDER BY i)
                      FROM unnest(levels, counts) WITH ORDINALITY AS u(l, c, i)), '')
         || tail
$$;
CREATE TEMP TABLE lvb (v levelset);
SELECT pg_temp.lv_bin(1, 0, '{0.2,0.5}', '{3,10}') = levelset_send('lower_better {0.2:3, 0.5:10}')
  AS helper_matches_send;
SELECT FROM pg_temp.copy_file(pg_temp.lv_bin(1, 1, '{0.50,0.2}', '{1,2}'));
COPY lvb FROM '/tmp/frontrunner_levelset_binary.bin' (FORMAT binary);
SELECT v FROM lvb;
SELECT FROM pg_temp.copy_file(pg_temp.lv_bin(2, 0, '{0.2}', '{1}'));
COPY lvb FROM '/tmp/frontrunner_levelset_binary.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file(pg_temp.lv_bin(1, 3, '{0.2}', '{1}'));
COPY lvb FROM '/tmp/frontrunner_levelset_binary.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file(pg_temp.lv_bin(1, 0, '{0.5,0.2}', '{1,1}'));
COPY lvb FROM '/tmp/frontrunner_levelset_binary.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file(pg_temp.lv_bin(1, 0, '{0.2}', '{0}'));
COPY lvb FROM '/tmp/frontrunner_levelset_binary.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file(pg_temp.lv_bin(1, 0, '{NaN}', '{1}'));
COPY lvb FROM '/tmp/frontrunner_levelset_binary.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file(pg_temp.lv_bin(1, 0, '{0.2}', '{1}', '\x00'));
COPY lvb FROM '/tmp/frontrunner_levelset_binary.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file('\x0100000000050000');
COPY lvb FROM '/tmp/frontrunner_levelset_binary.bin' (FORMAT binary);
\set SHOW_CONTEXT errors

-- the aggregate: NULL levels skipped, trailing zeros trimmed, best first
SELECT level_stats(x, 'lower_better') AS lower_better,
       level_stats(x, 'higher_better') AS higher_better,
       level_stats(x, 'target') AS target
FROM (VALUES (0.5), (0.20), (0.2), (NULL), (1.000), (0), (0.0)) v(x);
-- no row, or only NULL levels: NULL (like min())
SELECT level_stats(x, 'lower_better') IS NULL AS no_rows FROM (VALUES (1.0)) v(x) WHERE false;
SELECT level_stats(x, 'lower_better') IS NULL AS only_nulls FROM (VALUES (NULL::numeric)) v(x);
-- errors
SELECT level_stats(x, d::direction)
FROM (VALUES (0.5, 'lower_better'), (0.2, 'higher_better')) v(x, d);
SELECT level_stats(x, 'lower_better') FROM (VALUES (0.5), ('NaN')) v(x);
SELECT level_stats(x, 'lower_better') FROM (VALUES (0.5), ('-Infinity')) v(x);
SELECT level_stats(x, NULL) FROM (VALUES (0.5)) v(x);

-- accessors
SELECT level_count(l), level_distinct(l), level_direction(l)
FROM (VALUES ('lower_better {0.2:3, 0.5:10}'::levelset), ('higher_better {7:1}'), ('target {}')) v(l);
SELECT * FROM levels('lower_better {0.2:3, 0.5:10, 0.7:1}');
SELECT * FROM levels('higher_better {98.5:2, 97:1, 90:4}');
SELECT * FROM levels('target {}');

-- cutoff: the level at position ceil(p * n), best first
-- n = 10 (levels 1 1 2 2 2 3 4 4 4 5), lower_better
SELECT p, level_cutoff(l, p) AS cutoff,
       level_reaches(l, 2, p) AS "2 reaches", level_reaches(l, 3, p) AS "3 reaches",
       level_reaches(l, 0.5, p) AS "0.5 reaches"
FROM (VALUES ('lower_better {1:2, 2:3, 3:1, 4:3, 5:1}'::levelset)) v(l),
     (VALUES (0.1), (0.2), (0.21), (0.5), (0.6), (0.61), (1), (0.0000000000000000001)) f(p);
-- the same levels higher_better: the best are the largest
SELECT p, level_cutoff(l, p) AS cutoff, level_reaches(l, 4, p) AS "4 reaches"
FROM (VALUES ('higher_better {5:1, 4:3, 3:1, 2:3, 1:2}'::levelset)) v(l),
     (VALUES (0.1), (0.4), (0.41), (1)) f(p);
-- target: a range width, lower is better (like lower_better)
SELECT level_cutoff('target {0.2:1, 0.5:1, 1:2}', 0.5) AS cutoff,
       level_reaches('target {0.2:1, 0.5:1, 1:2}', 0.4, 0.5) AS "0.4 reaches",
       level_reaches('target {0.2:1, 0.5:1, 1:2}', 0.6, 0.5) AS "0.6 reaches";
-- n = 1, all levels equal, n = 0
SELECT level_cutoff('lower_better {0.3:1}', 0.05), level_cutoff('lower_better {0.3:7}', 0.05),
       level_cutoff('lower_better {}', 0.05) IS NULL AS empty_is_null,
       level_reaches('lower_better {}', 0.3, 0.05) IS NULL AS empty_reaches_null;
-- a long fraction (more than 16 decimals) is exact too: 1/3 of 9 is 3 (not 4)
SELECT level_cutoff('lower_better {1:3, 2:3, 3:3}', 0.33333333333333333333) AS third_of_9,
       level_cutoff('lower_better {1:3, 2:3, 3:3}', 1 / 3.0) AS "1/3.0",
       level_cutoff('lower_better {1:3, 2:3, 3:3}', 0.333333333333333333333333334) AS just_over;
-- fraction errors
SELECT level_cutoff('lower_better {0.2:3}', 0);
SELECT level_cutoff('lower_better {0.2:3}', 1.0001);
SELECT level_cutoff('lower_better {0.2:3}', -0.5);
SELECT level_reaches('lower_better {0.2:3}', 0.2, 'NaN');
SELECT level_reaches('lower_better {0.2:3}', 'Infinity', 0.5);

-- standing: (worse + (equal - 1) / 2) / (n - 1)
-- n = 10 (1 1 2 2 2 3 4 4 4 5): level 1 has 8 worse, 2 equal: (8 + 0.5) / 9
-- level_place = 2·worse + equal - 1, the standing's numerator over 2·(n - 1)
SELECT x, level_standing(l, x), level_place(l, x), (c).*
FROM (VALUES ('lower_better {1:2, 2:3, 3:1, 4:3, 5:1}'::levelset)) v(l),
     (VALUES (1), (2), (3), (4), (5.000)) s(x),
     LATERAL (SELECT level_counts(l, x) AS c) lc;
SELECT x, level_standing(l, x)
FROM (VALUES ('higher_better {5:1, 4:3, 3:1, 2:3, 1:2}'::levelset)) v(l),
     (VALUES (1), (5)) s(x);
-- n = 1: 1; all equal: 0.5; two members: 1 and 0
SELECT level_standing('lower_better {0.3:1}', 0.3) AS n1,
       level_standing('lower_better {0.3:4}', 0.3) AS all_equal,
       level_standing('lower_better {0.3:1, 0.4:1}', 0.3) AS best_of_2,
       level_standing('lower_better {0.3:1, 0.4:1}', 0.4) AS worst_of_2,
       level_standing('lower_better {1:1, 2:1, 3:1, 4:1}', 2) AS "2 of 4";
-- level_counts places any level, member or not
SELECT * FROM level_counts('lower_better {1:2, 2:3, 3:1, 4:3, 5:1}', 2.5);
SELECT * FROM level_counts('lower_better {1:2, 2:3, 3:1, 4:3, 5:1}', 0);
SELECT * FROM level_counts('lower_better {}', 0);
-- standing of a level that is not a member
SELECT level_standing('lower_better {1:2, 2:3}', 1.5);
SELECT level_place('lower_better {1:2, 2:3}', 1.5);
SELECT level_place('lower_better {1:2, 2:3}', 'NaN');
-- n = 1: place 0 (the standing is defined as 1)
SELECT level_place('lower_better {0.3:1}', 0.3) AS n1, level_place('lower_better {0.3:4}', 0.3) AS all_equal;

-- ------------------------------------------------------------ levels
-- Levels are numerics compared, hashed and trimmed by numeric's own
-- functions (numeric_cmp, hash_numeric, trim_scale).  Edge cases: zero in
-- several scales, negatives, huge and tiny values (weights ±250 in base
-- 10000), scales 0 .. 1001, trailing zeros, the base-10000 digit
-- boundaries, and levels read from a table (short-header datums) beside
-- literals: the levelset agrees with ORDER BY, count(DISTINCT) and
-- counting, in both directions and whatever the order of the rows.
CREATE TEMP TABLE lv_edge (x numeric);
INSERT INTO lv_edge VALUES (0), (0.000), (-0.0), (-1), (-1.0), (-0.5), (0.2), (0.20), (0.200000),
  (9999), (10000), (10000.0000), (10001), (0.0001), (0.00010), (-0.0001),
  (123456789012345678901234567890.123456789), (-123456789012345678901234567890.123456789);
INSERT INTO lv_edge SELECT 10::numeric ^ 1000 + d FROM (VALUES (0), (1), (0.5)) v(d);
INSERT INTO lv_edge SELECT -(10::numeric ^ 1000);
INSERT INTO lv_edge SELECT k * '1e-1000'::numeric FROM (VALUES (1), (2), (-1), (1.0)) v(k);
INSERT INTO lv_edge SELECT trunc(('0.' || repeat('3', 1000))::numeric, s) FROM generate_series(0, 1000, 37) s;
INSERT INTO lv_edge SELECT (('1e-' || s)::numeric * 10)::numeric(1001, 1000) FROM generate_series(0, 999, 50) s;
SELECT min(scale(x)) AS min_scale, max(scale(x)) AS max_scale, count(*) AS n,
       count(DISTINCT x) AS distinct_values FROM lv_edge;
CREATE TEMP TABLE lv_edge_sets AS
SELECT d, (SELECT level_stats(x, d ORDER BY x) FROM lv_edge) AS asc_rows,
          (SELECT level_stats(x, d ORDER BY x DESC) FROM lv_edge) AS desc_rows,
          (SELECT level_stats(x, d) FROM (SELECT x FROM lv_edge UNION ALL
                                          SELECT x * 1.000 FROM lv_edge) w) AS doubled
FROM (VALUES ('lower_better'::direction), ('higher_better')) v(d);
SELECT d, level_count(asc_rows) AS n, level_distinct(asc_rows) = (SELECT count(DISTINCT x) FROM lv_edge)
         AS distinct_agrees,
       asc_rows = desc_rows AS row_order_irrelevant,
       levelset_send(asc_rows) = levelset_send(desc_rows) AS same_bytes,
       asc_rows::text::levelset = asc_rows AS text_round_trip,
       level_count(doubled) = 2 * level_count(asc_rows)
         AND level_distinct(doubled) = level_distinct(asc_rows) AS scale_irrelevant,
       (SELECT array_agg(level::text ORDER BY position) FROM levels(asc_rows))
         = (SELECT array_agg(t ORDER BY v * CASE WHEN d = 'higher_better' THEN -1 ELSE 1 END)
            FROM (SELECT DISTINCT ON (x) x AS v, trim_scale(x)::text AS t FROM lv_edge ORDER BY x) u)
         AS order_and_trimming_agree,
       (SELECT bool_and(l.count = c.n AND level_place(asc_rows, l.level) = 2 * c.worse + c.n - 1)
        FROM levels(asc_rows) l,
             LATERAL (SELECT count(*) FILTER (WHERE e.x = l.level) AS n,
                             count(*) FILTER (WHERE CASE WHEN d = 'higher_better' THEN e.x < l.level
                                                         ELSE e.x > l.level END) AS worse
                      FROM lv_edge e) c) AS counts_and_places_agree
FROM lv_edge_sets ORDER BY d;
-- a level given in another scale or from a table finds its member
SELECT level_place(asc_rows, 0.2000) AS "0.2000", level_place(asc_rows, (SELECT max(x) FROM lv_edge)) AS max_from_table,
       level_cutoff(asc_rows, 1) = (SELECT max(x) FROM lv_edge) AS worst_is_max
FROM lv_edge_sets WHERE d = 'lower_better';
-- the stored level is trimmed: 0.200000 prints 0.2, 10000.0000 prints 10000
SELECT level FROM levels((SELECT asc_rows FROM lv_edge_sets WHERE d = 'lower_better'))
WHERE level IN (0.2, 10000, 0) ORDER BY level;
DROP TABLE lv_edge, lv_edge_sets;

-- ------------------------------------------------------------ parallel
CREATE TABLE lvt (key int, level numeric, dir direction);
INSERT INTO lvt
SELECT i % 5, CASE WHEN i % 97 = 0 THEN NULL
                   WHEN i % 5 = 4 THEN (i % 7919)::numeric / 1000
                   ELSE ((i * 7) % (50 + i % 5 * 200))::numeric / 100 END,
       CASE i % 5 WHEN 1 THEN 'higher_better' WHEN 2 THEN 'target' ELSE 'lower_better' END::direction
FROM generate_series(1, 50000) i;
-- a group of one row
INSERT INTO lvt VALUES (5, 1.50, 'higher_better');
ANALYZE lvt;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET enable_hashagg = on;
EXPLAIN (COSTS OFF)
SELECT key, level_stats(level, dir) FROM lvt GROUP BY key;
CREATE TEMP TABLE par AS
SELECT key, level_stats(level, dir) AS l FROM lvt GROUP BY key;
CREATE TEMP TABLE par_empty AS
SELECT key, level_stats(level, dir) AS l FROM lvt WHERE false GROUP BY key;
CREATE TEMP TABLE par_total AS
SELECT level_stats(level, 'lower_better') AS l FROM lvt WHERE dir = 'lower_better';
CREATE TEMP TABLE par_none AS
SELECT level_stats(level, 'lower_better') AS l FROM lvt WHERE level > 1000;
EXPLAIN (COSTS OFF)
SELECT level_stats(level, 'lower_better') FROM lvt WHERE dir = 'lower_better';
-- sorted partial aggregates too
SET enable_hashagg = off;
EXPLAIN (COSTS OFF)
SELECT key, level_stats(level, dir) FROM lvt GROUP BY key;
CREATE TEMP TABLE par_sorted AS
SELECT key, level_stats(level, dir) AS l FROM lvt GROUP BY key;
RESET enable_hashagg;

SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF)
SELECT key, level_stats(level, dir) FROM lvt GROUP BY key;
CREATE TEMP TABLE ser AS
SELECT key, level_stats(level, dir) AS l FROM lvt GROUP BY key;

SELECT key, level_count(s.l) AS n, level_distinct(s.l) AS distinct_levels,
       level_direction(s.l), p.l::text = s.l::text AS parallel_equal,
       q.l::text = s.l::text AS sorted_equal,
       level_cutoff(s.l, 0.05) AS cutoff_5pct, level_cutoff(p.l, 0.05) AS parallel_cutoff
FROM ser s JOIN par p USING (key) JOIN par_sorted q USING (key)
ORDER BY key;
SELECT (SELECT count(*) FROM par_empty) AS empty_groups,
       (SELECT l FROM par_total) = (SELECT level_stats(level, 'lower_better') FROM lvt
                                    WHERE dir = 'lower_better') AS total_equal,
       (SELECT l IS NULL FROM par_none) AS no_rows_is_null,
       (SELECT level_stats(level, 'lower_better') IS NULL FROM lvt WHERE level > 1000)
         AS serial_no_rows_is_null;
-- the group of one row
SELECT l, level_standing(l, 1.5) FROM par WHERE key = 5;
-- the aggregate agrees with counting: every (level, count) of the set
-- (the rows counted per key and level once, not scanned again per level)
SELECT bool_and(x.count = coalesce(c.n, 0)) AS counts_agree, count(*) AS levels_checked
FROM par CROSS JOIN LATERAL levels(par.l) x
     LEFT JOIN (SELECT key, level, count(*) AS n FROM lvt GROUP BY key, level) c
       ON c.key = par.key AND c.level = x.level;
-- forced parallel: the plans below run level_stats in parallel workers
-- (debug_parallel_query, force_parallel_mode before PostgreSQL 16), every
-- way a state or a result leaves a worker: a partial state through the
-- Gather queue, through a Sort below a Gather Merge (PostgreSQL 17+ sorts in
-- a bump context, which cannot pfree: the flattening must allocate nothing
-- there), a sorted partial aggregate, and the whole aggregate run by one
-- worker.  Each must equal the serial result (ser) level for level.
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END,
                  'on', false) AS forced_parallel;
-- the plan's nodes depth first (Aggregate with its strategy and mode), and
-- the workers its Gather launched
CREATE FUNCTION pg_temp.par_plan(q text, OUT nodes text, OUT workers_launched int)
LANGUAGE plpgsql AS $fn$
DECLARE
  j jsonb;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, FORMAT JSON) ' || q INTO j;
  WITH RECURSIVE n(node, path) AS (
    SELECT j -> 0 -> 'Plan', ARRAY[0]
    UNION ALL
    SELECT c.child, n.path || c.ord::int
    FROM n, jsonb_array_elements(n.node -> 'Plans') WITH ORDINALITY c(child, ord)
  )
  SELECT string_agg(CASE node ->> 'Node Type'
                      WHEN 'Aggregate' THEN concat_ws(' ', node ->> 'Partial Mode', node ->> 'Strategy', 'Aggregate')
                      ELSE node ->> 'Node Type' END, ' > ' ORDER BY path),
         sum((node ->> 'Workers Launched')::int)
  INTO nodes, workers_launched
  FROM n WHERE node ->> 'Node Type' <> 'Seq Scan';
END
$fn$;
SET max_parallel_workers_per_gather = 2;
SET enable_hashagg = on;
SET enable_sort = off;
SELECT * FROM pg_temp.par_plan('SELECT key, level_stats(level, dir) FROM lvt GROUP BY key');
CREATE TEMP TABLE forced_hash AS SELECT key, level_stats(level, dir) AS l FROM lvt GROUP BY key;
RESET enable_sort;
SET enable_hashagg = on;
-- the partial states sorted in the worker for a Gather Merge
SELECT * FROM pg_temp.par_plan('SELECT key, level_stats(level, dir) FROM lvt GROUP BY key ORDER BY key');
CREATE TEMP TABLE forced_hash_sort AS SELECT key, level_stats(level, dir) AS l FROM lvt GROUP BY key ORDER BY key;
SET enable_hashagg = off;
SELECT * FROM pg_temp.par_plan('SELECT key, level_stats(level, dir) FROM lvt GROUP BY key');
CREATE TEMP TABLE forced_sorted AS SELECT key, level_stats(level, dir) AS l FROM lvt GROUP BY key;
RESET enable_hashagg;
-- one worker runs the whole aggregate and sends the final levelsets (a
-- partial plan priced out, so the forced Gather goes on top of the serial one)
SET parallel_setup_cost = 1e9;
SELECT * FROM pg_temp.par_plan('SELECT key, level_stats(level, dir) FROM lvt GROUP BY key');
CREATE TEMP TABLE forced_single AS SELECT key, level_stats(level, dir) AS l FROM lvt GROUP BY key;
SET parallel_setup_cost = 0;
SELECT v.name, count(*) AS groups,
       bool_and(f.l = s.l AND f.l::text = s.l::text
                AND levelset_send(f.l) = levelset_send(s.l)) AS equal_to_serial
FROM (VALUES ('forced_hash'), ('forced_hash_sort'), ('forced_sorted'), ('forced_single')) v(name),
     LATERAL (SELECT * FROM forced_hash WHERE v.name = 'forced_hash'
              UNION ALL SELECT * FROM forced_hash_sort WHERE v.name = 'forced_hash_sort'
              UNION ALL SELECT * FROM forced_sorted WHERE v.name = 'forced_sorted'
              UNION ALL SELECT * FROM forced_single WHERE v.name = 'forced_single') f
     JOIN ser s USING (key)
GROUP BY v.name ORDER BY v.name;
DROP TABLE forced_hash, forced_hash_sort, forced_sorted, forced_single;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
                       THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END,
                  'off', false) AS forced_parallel;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
DROP TABLE lvt;
