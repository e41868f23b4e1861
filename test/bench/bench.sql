-- Benchmark of the indicator type against PostgreSQL's numrange and
-- numeric and against postgresql-unit (test/bench/run.sh runs this in a
-- throwaway cluster; :scale rows; fixed seed).  Each case and its baseline
-- run alternately, one warm-up then :rounds timed runs each, inside the
-- server (clock_timestamp() around a statement that consumes every row).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET work_mem = '1GB';
CREATE EXTENSION IF NOT EXISTS frontrunner;
CREATE EXTENSION IF NOT EXISTS unit;
SET search_path = frontrunner, public;

SELECT setseed(0.20260101);
DROP TABLE IF EXISTS bench_src, bench_val;
-- bounds with 1-3 decimals, as written in standards
CREATE TABLE bench_src AS
SELECT i, lo, lo + w AS hi,
       lo::text || ' ~ ' || (lo + w)::text || ' mg/kg' AS ind_txt,
       '[' || lo::text || ',' || (lo + w)::text || ']' AS nr_txt,
       lo::text || ' mg/kg' AS pt_txt,
       -- the forms of 0.2.0, as real standards print them: a hyphen range
       -- and a plan (ASCII), a power of ten written E+ (ASCII) and ×10^k,
       -- a basis, shall-wording (through ICU normalisation)
       lo::text || '-' || (lo + w)::text || ' mg/kg' AS hy_txt,
       format('n=5,c=%s,m=%s,M=%s CFU/g', i % 3, round(lo) * 10, round(lo + w) * 100 + 100) AS plan_txt,
       format('<=%sE+0%s CFU/g', round(lo / 10, 1), 2 + i % 5) AS pwa_txt,
       format('≤%s×10^%s CFU/g', round(lo / 10, 1), 2 + i % 5) AS pw_txt,
       format('≤%s mg/kg(以Pb计)', lo) AS basis_txt,
       format('应不大于%s mg/kg', lo) AS shall_txt
FROM (SELECT i, round((random() * 100)::numeric, 1 + (i % 3)) AS lo,
             round((random() * 10)::numeric, 1 + (i % 3)) AS w
      FROM generate_series(1, :scale) AS i) AS g;
CREATE TABLE bench_val AS
SELECT i, lo AS x, ind_txt::indicator AS ind, nr_txt::numrange AS nr, pt_txt::indicator AS pt,
       plan_txt::indicator AS plan
FROM bench_src;
VACUUM ANALYZE bench_src;
VACUUM ANALYZE bench_val;

CREATE OR REPLACE FUNCTION pg_temp.timed(q text) RETURNS double precision LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz;
BEGIN
  t0 := clock_timestamp();
  EXECUTE q;
  RETURN extract(epoch FROM clock_timestamp() - t0);
END $$;

CREATE OR REPLACE FUNCTION pg_temp.bench(name text, ours text, base_name text, base text, rounds int)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  a double precision[] := '{}';
  b double precision[] := '{}';
  ma double precision;
  mb double precision;
  n bigint;
BEGIN
  PERFORM pg_temp.timed(ours);
  PERFORM pg_temp.timed(base);
  FOR k IN 1 .. rounds LOOP
    a := a || pg_temp.timed(ours);
    b := b || pg_temp.timed(base);
  END LOOP;
  SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x) INTO ma FROM unnest(a) AS x;
  SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x) INTO mb FROM unnest(b) AS x;
  SELECT count(*) INTO n FROM bench_src;
  RETURN format('RESULT case=%s rows=%s ours_s=%s base=%s base_s=%s ratio=%s',
                name, n, round(ma::numeric, 4), base_name, round(mb::numeric, 4),
                round((ma / nullif(mb, 0))::numeric, 2));
END $$;

\pset tuples_only on
\pset format unaligned
SELECT pg_temp.bench('input_range',
  'SELECT count(ind_txt::indicator) FROM bench_src', 'numrange_input',
  'SELECT count(nr_txt::numrange) FROM bench_src', :rounds);
SELECT pg_temp.bench('input_point',
  'SELECT count(pt_txt::indicator) FROM bench_src', 'unit_input',
  'SELECT count(pt_txt::unit) FROM bench_src', :rounds);
SELECT pg_temp.bench('unit_peer_input',
  'SELECT count(pt_txt::unit) FROM bench_src', 'numrange_input',
  'SELECT count(nr_txt::numrange) FROM bench_src', :rounds);
SELECT pg_temp.bench('contained',
  'SELECT count(*) FROM bench_val WHERE ind <@ ''20 ~ 60 mg/kg''::indicator', 'numrange_contained',
  'SELECT count(*) FROM bench_val WHERE nr <@ ''[20,60]''::numrange', :rounds);
SELECT pg_temp.bench('contained_cross_unit',
  'SELECT count(*) FROM bench_val WHERE ind <@ ''0.002 ~ 0.006 %''::indicator', 'numrange_contained',
  'SELECT count(*) FROM bench_val WHERE nr <@ ''[20,60]''::numrange', :rounds);
SELECT pg_temp.bench('satisfies',
  'SELECT count(*) FROM bench_val WHERE satisfies(pt, ''≤ 50 mg/kg'')', 'numeric_le',
  'SELECT count(*) FROM bench_val WHERE x <= 50', :rounds);
SELECT pg_temp.bench('satisfies_rounded',
  'SELECT count(*) FROM bench_val WHERE satisfies(pt, ''≤ 50 mg/kg'', ''rounded'')', 'numeric_round_le',
  'SELECT count(*) FROM bench_val WHERE round(x, 0) <= 50', :rounds);
-- the forms of 0.2.0: input beside numrange input, containment of plans
SELECT pg_temp.bench('input_hyphen_range',
  'SELECT count(hy_txt::indicator) FROM bench_src', 'numrange_input',
  'SELECT count(nr_txt::numrange) FROM bench_src', :rounds);
SELECT pg_temp.bench('input_plan',
  'SELECT count(plan_txt::indicator) FROM bench_src', 'numrange_input',
  'SELECT count(nr_txt::numrange) FROM bench_src', :rounds);
SELECT pg_temp.bench('input_power_ascii',
  'SELECT count(pwa_txt::indicator) FROM bench_src', 'numrange_input',
  'SELECT count(nr_txt::numrange) FROM bench_src', :rounds);
SELECT pg_temp.bench('input_power',
  'SELECT count(pw_txt::indicator) FROM bench_src', 'numrange_input',
  'SELECT count(nr_txt::numrange) FROM bench_src', :rounds);
SELECT pg_temp.bench('input_basis',
  'SELECT count(basis_txt::indicator) FROM bench_src', 'numrange_input',
  'SELECT count(nr_txt::numrange) FROM bench_src', :rounds);
SELECT pg_temp.bench('input_shall',
  'SELECT count(shall_txt::indicator) FROM bench_src', 'numrange_input',
  'SELECT count(nr_txt::numrange) FROM bench_src', :rounds);
SELECT pg_temp.bench('contained_plan',
  'SELECT count(*) FROM bench_val WHERE plan <@ ''n=5,c=2,m=500,M=5000 CFU/g''::indicator', 'numrange_contained',
  'SELECT count(*) FROM bench_val WHERE nr <@ ''[20,60]''::numrange', :rounds);
SELECT pg_temp.bench('contained_plan_limit',
  'SELECT count(*) FROM bench_val WHERE plan <@ ''≤ 5000 CFU/g''::indicator', 'numrange_contained',
  'SELECT count(*) FROM bench_val WHERE nr <@ ''[20,60]''::numrange', :rounds);
SELECT pg_temp.bench('sort',
  'SELECT count(*) FROM (SELECT ind FROM bench_val ORDER BY ind OFFSET 0) AS s', 'numeric_sort',
  'SELECT count(*) FROM (SELECT x FROM bench_val ORDER BY x OFFSET 0) AS s', :rounds);
SELECT pg_temp.bench('sort_vs_numrange',
  'SELECT count(*) FROM (SELECT ind FROM bench_val ORDER BY ind OFFSET 0) AS s', 'numrange_sort',
  'SELECT count(*) FROM (SELECT nr FROM bench_val ORDER BY nr OFFSET 0) AS s', :rounds);
SELECT format('SIZE indicator_avg_bytes=%s plan_avg_bytes=%s numrange_avg_bytes=%s numeric_avg_bytes=%s',
              round(avg(pg_column_size(ind)), 1), round(avg(pg_column_size(plan)), 1),
              round(avg(pg_column_size(nr)), 1), round(avg(pg_column_size(x)), 1))
FROM bench_val;
