-- Benchmark comparison (对标): benchmark(), the views and the JSON.  The fixture
-- (test/fixtures/benchmark.sql) is loaded in a transaction that is rolled
-- back at the end, so that later scripts see an empty registry.
SET search_path = frontrunner, public;
\set VERBOSITY default
\set SHOW_CONTEXT never
-- ROLLBACK does not give back identity values: the sequences are set back
-- at the end, so that later scripts see the ids they expect
SELECT pg_get_serial_sequence('frontrunner.disclosure', 'id') AS dseq,
       pg_get_serial_sequence('frontrunner.disclosure_event', 'id') AS eseq \gset
SELECT last_value AS d_last, is_called AS d_called FROM :dseq \gset
SELECT last_value AS e_last, is_called AS e_called FROM :eseq \gset
BEGIN;
\set ON_ERROR_ROLLBACK on
\set ECHO none
\i test/fixtures/benchmark.sql
\set ECHO all

-- the standards: which are in force today
SELECT code, kind, nature,
       (effective_on IS NULL OR effective_on <= CURRENT_DATE)
         AND (withdrawn_on IS NULL OR withdrawn_on > CURRENT_DATE) AS in_force
FROM standard ORDER BY code;
-- the benchmarks: the undated ISO 99184 row resolved to ISO 99184:2022
SELECT standard_edition('GB 18401'), standard_edition('ISO 99184'), standard_edition('GB 18401-2003');
SELECT indicator, standard, benchmark_class, requirement, test_method, cited
FROM benchmark_requirement ORDER BY indicator, class_rank, standard;

-- the disclosures
SELECT source_ref, product, standard, status, below_recommended_statement IS NOT NULL AS statement
FROM disclosure ORDER BY source_ref;
SELECT source_ref, string_agg(indicator || ' ' || requirement::text, ', ' ORDER BY indicator) AS indicators
FROM disclosure d JOIN disclosed_indicator i ON i.disclosure = d.id
GROUP BY source_ref ORDER BY source_ref;
SELECT id AS d1 FROM disclosure WHERE source_ref = 'BM-D1' \gset
SELECT id AS d3 FROM disclosure WHERE source_ref = 'BM-D3' \gset
SELECT id AS d4 FROM disclosure WHERE source_ref = 'BM-D4' \gset
SELECT id AS d5 FROM disclosure WHERE source_ref = 'BM-D5' \gset
SELECT id AS d7 FROM disclosure WHERE source_ref = 'BM-D7' \gset
SELECT id AS d8 FROM disclosure WHERE source_ref = 'BM-D8' \gset

-- benchmark(): D1 (own enterprise standard, stricter almost everywhere)
SELECT indicator, disclosed, standard, std_kind, required, verdict, margin
FROM benchmark(:d1);
-- the extra columns: levels in the indicator's unit, the executed standard
SELECT indicator, standard, std_nature, benchmark_class, direction, unit,
       disclosed_level, required_level, test_method, executed
FROM benchmark(:d3);
-- D4: not detected, and a pH range disjoint from the EN one
SELECT indicator, disclosed, standard, required, verdict, margin FROM benchmark(:d4);
-- a draft is benchmarked too
SELECT indicator, standard, verdict, margin FROM benchmark(:d8) WHERE std_kind IN ('international', 'foreign');

-- the summary over the current published disclosures (D1, D2, D3, D4, D6)
SELECT indicator, standard, benchmark_class AS class, required, compared AS n, stricter, equal, looser, other,
       share_at_least_as_strict AS share, median_margin
FROM benchmark_summary ORDER BY category, indicator, class_rank, standard;
SELECT indicator, standard, overlapping, disjoint, incomparable, min_margin, max_margin
FROM benchmark_summary WHERE indicator = 'ph' ORDER BY class_rank, standard;

-- consistency with international and foreign benchmarks
SELECT enterprise, product, standard, indicators, benchmarked, at_least_as_strict, not_as_strict,
       not_as_strict_indicators
FROM benchmark_profile ORDER BY enterprise, product;
SELECT product, indicators, not_as_strict, indicator, benchmark, disclosed, required, verdict, margin
FROM benchmark_profile('91110108558521630L');
SELECT product, indicator, benchmark, std_kind, disclosed, required, verdict, margin
FROM benchmark_profile(uscc_complete('91310115MA1K40000'));

-- the public JSON (id and clock fields masked: they change from run to run)
SELECT jsonb_pretty(disclosure_json(:d4) || '{"id": "…", "published_at": "…", "benchmarked_on": "…"}');
SELECT jsonb_pretty(disclosure_json(:d3)->'standard');
SELECT j->>'status' AS status, j->'superseded_by' = to_jsonb(id) AS superseded_by_d6,
       jsonb_path_query_array(j, '$.indicators[*].benchmarks') AS benchmarks
FROM (SELECT id, disclosure_json(:d5) AS j FROM disclosure WHERE source_ref = 'BM-D6') x;

-- errors
SELECT * FROM benchmark(:d5);
SELECT * FROM benchmark(:d7);
SELECT * FROM benchmark(0);
SELECT disclosure_json(:d8);
SELECT disclosure_json(0);
SELECT * FROM benchmark_profile(uscc_complete('91110000MA0000001'));
ROLLBACK;
SELECT setval(:'dseq', :d_last, :'d_called') AS disclosure_id, setval(:'eseq', :e_last, :'e_called') AS event_id;
