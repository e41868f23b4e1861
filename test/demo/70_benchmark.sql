-- frontrunner demo, part 10: benchmark comparison (对标) against international and foreign standards
SET search_path = frontrunner, public;
\echo
\echo '== 10. Benchmark comparison (对标): the current disclosures against international and foreign'
\echo '   standards (benchmark_summary; share = stricter or equal; margin > 0: stricter)'
SELECT s.category, s.indicator, s.standard, s.benchmark_class AS class, s.required,
       s.compared, s.stricter, s.equal, s.looser, s.share_at_least_as_strict AS share,
       round(s.median_margin, 3) AS "median margin"
FROM benchmark_summary s
WHERE s.benchmark_class IN ('international', 'foreign')
ORDER BY s.category DESC, s.indicator, s.standard;
