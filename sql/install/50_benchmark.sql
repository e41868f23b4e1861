-- Benchmark comparison (对标): every disclosed indicator against
-- the requirements of the standards in force for its category and
-- indicator (mandatory, recommended, guidance, group, international,
-- foreign; never an enterprise standard).
--
--   P0002  benchmark(), disclosure_json(): no such disclosure;
--          benchmark_profile(): no such enterprise
--   55000  benchmark() of a superseded or withdrawn disclosure;
--          disclosure_json() of a draft (drafts are not public)

-- editions -------------------------------------------------------------------
-- An undated number (GB 18401, ISO 99184) means the latest edition: the
-- latest edition in force in table standard, else the latest present.
CREATE VIEW @extschema@.standard_latest_typed AS
SELECT DISTINCT ON (@extschema@.std_undated(s.code))
       @extschema@.std_undated(s.code) AS series, s.code AS edition,
       (s.effective_on IS NULL OR s.effective_on <= CURRENT_DATE)
         AND (s.withdrawn_on IS NULL OR s.withdrawn_on > CURRENT_DATE) AS in_force
FROM @extschema@.standard s
WHERE @extschema@.std_year(s.code) IS NOT NULL
ORDER BY @extschema@.std_undated(s.code),
         (s.effective_on IS NULL OR s.effective_on <= CURRENT_DATE)
           AND (s.withdrawn_on IS NULL OR s.withdrawn_on > CURRENT_DATE) DESC,
         @extschema@.std_year(s.code) DESC, s.code DESC;
COMMENT ON VIEW @extschema@.standard_latest_typed IS
  'per standard (undated number), the edition an undated reference means: the latest edition in force in table standard, else the latest edition present; in the domain type stdcode for functions and jobs (view standard_latest: the same rows as text)';
COMMENT ON COLUMN @extschema@.standard_latest_typed.series IS 'the undated number (std_undated)';
COMMENT ON COLUMN @extschema@.standard_latest_typed.edition IS 'its latest edition in force, else its latest edition';
COMMENT ON COLUMN @extschema@.standard_latest_typed.in_force IS 'whether that edition is in force today';

-- standard_latest_typed in plain column types (README, Clients and BI)
CREATE VIEW @extschema@.standard_latest AS
SELECT l.series::text AS series, l.edition::text AS edition, l.in_force
FROM @extschema@.standard_latest_typed l;
COMMENT ON VIEW @extschema@.standard_latest IS
  'per standard (undated number), the edition an undated reference means (plain column types: standard_latest_typed as text)';
COMMENT ON COLUMN @extschema@.standard_latest.series IS 'the undated number (std_undated), canonical';
COMMENT ON COLUMN @extschema@.standard_latest.edition IS 'its latest edition in force, else its latest edition, canonical number';
COMMENT ON COLUMN @extschema@.standard_latest.in_force IS 'whether that edition is in force today';

CREATE FUNCTION @extschema@.standard_edition(code @extschema@.stdcode)
RETURNS @extschema@.stdcode
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE
    WHEN frontrunner.std_year($1) IS NOT NULL THEN $1
    ELSE coalesce((SELECT l.edition FROM frontrunner.standard_latest_typed l
                   WHERE l.series OPERATOR(frontrunner.=) frontrunner.std_undated($1)), $1)
  END
$$;
COMMENT ON FUNCTION @extschema@.standard_edition(@extschema@.stdcode) IS
  'the edition an undated standard number means: the latest edition in force in table standard (else the latest present, else the number itself); a dated number is returned as is';

CREATE FUNCTION @extschema@.benchmark_class_rank(class text)
RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE $1
    WHEN 'mandatory' THEN 1 WHEN 'recommended' THEN 2 WHEN 'guidance' THEN 3
    WHEN 'group' THEN 4 WHEN 'international' THEN 5 WHEN 'foreign' THEN 6
    ELSE 7 END
$$;
COMMENT ON FUNCTION @extschema@.benchmark_class_rank(text) IS
  'report order of a benchmark class: mandatory 1, recommended 2, guidance 3, group 4, international 5, foreign 6, anything else 7';

-- the benchmarks in force ------------------------------------------------------
-- A requirement written on an undated number (a row of table standard such
-- as "ISO 3071") stands for the latest edition in force and is reported
-- under that edition, with that edition's dates; when that edition carries
-- its own requirement for the same category and indicator, that one is used.
-- (The edition is found by a join, not by calling standard_edition() per
-- row: the view reads the tables with its owner's rights, a function call
-- would read them with the caller's.  Two branches, so that every join is
-- on plain columns: the planner then estimates the number of benchmarks
-- well, and joins them to the disclosed indicators by hash rather than
-- rescanning those once per benchmark.)
CREATE VIEW @extschema@.benchmark_requirement_typed AS
SELECT r.category, r.indicator, s.code AS standard, s.kind, s.nature,
       coalesce(s.nature, s.kind) AS benchmark_class,
       @extschema@.benchmark_class_rank(coalesce(s.nature, s.kind)) AS class_rank,
       r.requirement, r.test_method, r.standard AS cited, x.direction, x.unit
FROM @extschema@.standard_requirement r
JOIN @extschema@.standard s ON s.code = r.standard
JOIN @extschema@.indicator_def x ON x.category = r.category AND x.key = r.indicator
WHERE s.kind <> 'enterprise'
  AND (s.effective_on IS NULL OR s.effective_on <= CURRENT_DATE)
  AND (s.withdrawn_on IS NULL OR s.withdrawn_on > CURRENT_DATE)
  AND (@extschema@.std_year(r.standard) IS NOT NULL
       OR NOT EXISTS (SELECT FROM @extschema@.standard_latest_typed l WHERE l.series = r.standard))
UNION ALL
SELECT r.category, r.indicator, s.code, s.kind, s.nature,
       coalesce(s.nature, s.kind),
       @extschema@.benchmark_class_rank(coalesce(s.nature, s.kind)),
       r.requirement, r.test_method, r.standard, x.direction, x.unit
FROM @extschema@.standard_requirement r
JOIN @extschema@.standard_latest_typed l ON l.series = r.standard
JOIN @extschema@.standard s ON s.code = l.edition
JOIN @extschema@.indicator_def x ON x.category = r.category AND x.key = r.indicator
WHERE @extschema@.std_year(r.standard) IS NULL
  AND s.kind <> 'enterprise'
  AND (s.effective_on IS NULL OR s.effective_on <= CURRENT_DATE)
  AND (s.withdrawn_on IS NULL OR s.withdrawn_on > CURRENT_DATE)
  AND NOT EXISTS (SELECT FROM @extschema@.standard_requirement o
                  WHERE o.standard = l.edition AND o.category = r.category
                    AND o.indicator = r.indicator);
COMMENT ON VIEW @extschema@.benchmark_requirement_typed IS
  'the requirements benchmarks are made against: standards in force today (effective, not withdrawn), every kind but enterprise standards; undated numbers resolved to their latest edition in force; in the domain types for functions and jobs (view benchmark_requirement: the same rows in plain column types)';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.category IS 'category';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.standard IS 'the edition in force (standard_edition() of the number the requirement cites)';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.kind IS 'std_kind of the standard: national, industry, local, group, international or foreign';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.nature IS 'std_nature of the standard: mandatory, recommended, guidance, or NULL (group, international, foreign)';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.benchmark_class IS 'mandatory, recommended, guidance, group, international or foreign: the nature when there is one, else the kind';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.class_rank IS 'report order of the class (1 mandatory … 6 foreign), benchmark_class_rank()';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.requirement IS 'the requirement';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.test_method IS 'test method the standard names';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.direction IS 'indicator_def.direction of the indicator (lower_better, higher_better, target)';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.unit IS 'indicator_def.unit of the indicator (NULL: each value''s own)';
COMMENT ON COLUMN @extschema@.benchmark_requirement_typed.cited IS 'the standard number as table standard_requirement cites it (undated when the requirement was written on an undated number)';

CREATE VIEW @extschema@.benchmark_requirement AS
SELECT r.category, r.indicator, r.standard::text AS standard, r.kind, r.nature, r.benchmark_class,
       r.class_rank, r.requirement::text AS requirement, r.test_method::text AS test_method,
       r.cited::text AS cited, r.direction::text AS direction, r.unit
FROM @extschema@.benchmark_requirement_typed r;
COMMENT ON VIEW @extschema@.benchmark_requirement IS
  'the requirements benchmarks are made against (plain column types: benchmark_requirement_typed as text)';
COMMENT ON COLUMN @extschema@.benchmark_requirement.category IS 'category';
COMMENT ON COLUMN @extschema@.benchmark_requirement.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.benchmark_requirement.standard IS 'the edition in force, canonical number';
COMMENT ON COLUMN @extschema@.benchmark_requirement.kind IS 'std_kind of the standard: national, industry, local, group, international or foreign';
COMMENT ON COLUMN @extschema@.benchmark_requirement.nature IS 'std_nature of the standard: mandatory, recommended, guidance, or NULL (group, international, foreign)';
COMMENT ON COLUMN @extschema@.benchmark_requirement.benchmark_class IS 'mandatory, recommended, guidance, group, international or foreign';
COMMENT ON COLUMN @extschema@.benchmark_requirement.class_rank IS 'report order of the class (1 mandatory … 6 foreign)';
COMMENT ON COLUMN @extschema@.benchmark_requirement.requirement IS 'the requirement, canonical text';
COMMENT ON COLUMN @extschema@.benchmark_requirement.test_method IS 'test method the standard names, canonical number';
COMMENT ON COLUMN @extschema@.benchmark_requirement.cited IS 'the standard number as table standard_requirement cites it';
COMMENT ON COLUMN @extschema@.benchmark_requirement.direction IS 'lower_better, higher_better or target';
COMMENT ON COLUMN @extschema@.benchmark_requirement.unit IS 'indicator_def.unit of the indicator (NULL: each value''s own)';

-- every disclosed indicator against every benchmark ----------------------------
-- compare() is computed once per pair and margin() only for commensurable
-- pairs, since it raises on different dimensions.  Both sit in a LATERAL
-- subquery kept apart with OFFSET 0: each is evaluated once (a flattened
-- subquery would repeat compare() in the CASE), the planner may memoize
-- the pair (disclosures repeat the same values), and a sort above the join
-- carries the verdict and margin, not the two indicators.
-- Drafts are left out: the view reads the tables with its owner's rights
-- (so that a BI role granted the views alone can read the summaries), and
-- drafts are not public.  benchmark() of a draft reads the tables with the
-- caller's rights instead (row-level security applies).
CREATE VIEW @extschema@.benchmark_pair_typed AS
SELECT d.id AS disclosure, d.enterprise, d.category, d.status, i.indicator, r.direction, r.unit,
       i.requirement AS disclosed, r.standard, r.kind AS std_kind, r.nature AS std_nature,
       r.benchmark_class, r.class_rank, r.requirement AS required, r.test_method,
       v.verdict, v.margin
FROM @extschema@.disclosure d
JOIN @extschema@.disclosed_indicator i ON i.enterprise OPERATOR(@extschema@.=) d.enterprise AND i.disclosure = d.id
JOIN @extschema@.benchmark_requirement_typed r ON r.category = d.category AND r.indicator = i.indicator
CROSS JOIN LATERAL (
  SELECT c.verdict,
         CASE WHEN c.verdict <> 'incomparable'
              THEN @extschema@.margin(i.requirement, r.requirement, r.direction) END AS margin
  FROM (SELECT @extschema@.compare(i.requirement, r.requirement) AS verdict OFFSET 0) c
  OFFSET 0) v
WHERE d.status <> 'draft';
COMMENT ON VIEW @extschema@.benchmark_pair_typed IS
  'every disclosed indicator of every published, superseded or withdrawn disclosure (not drafts) against every benchmark requirement in force for its category and indicator, with compare() and margin(), in the domain types; benchmark_summary, benchmark_gap, benchmark_profile and disclosure_json() read it, view benchmark_pair shows it in plain column types';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.disclosure IS 'the disclosure';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.enterprise IS 'the disclosing enterprise';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.category IS 'category of the disclosure';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.status IS 'status of the disclosure (published, withdrawn, superseded)';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.direction IS 'indicator_def.direction, used by margin()';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.unit IS 'indicator_def.unit: the unit levels of the indicator are expressed in (NULL: each value''s own)';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.disclosed IS 'the disclosed requirement';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.standard IS 'the benchmark standard (edition in force)';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.std_kind IS 'std_kind of the benchmark standard';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.std_nature IS 'std_nature of the benchmark standard (NULL for group, international, foreign)';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.benchmark_class IS 'mandatory, recommended, guidance, group, international or foreign';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.class_rank IS 'report order of the class (1 mandatory … 6 foreign)';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.required IS 'the benchmark requirement';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.test_method IS 'test method the benchmark standard names';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.verdict IS 'compare(disclosed, required): stricter, equal, looser, overlapping, disjoint or incomparable';
COMMENT ON COLUMN @extschema@.benchmark_pair_typed.margin IS 'margin(disclosed, required, direction): how much stricter the disclosure is, as a fraction of the benchmark''s level; NULL when incomparable or a level is missing';

CREATE VIEW @extschema@.benchmark_pair AS
SELECT p.disclosure, p.enterprise::text AS enterprise, p.category, p.status, p.indicator,
       p.direction::text AS direction, p.unit, p.disclosed::text AS disclosed,
       p.standard::text AS standard, p.std_kind, p.std_nature, p.benchmark_class, p.class_rank,
       p.required::text AS required, p.test_method::text AS test_method, p.verdict, p.margin
FROM @extschema@.benchmark_pair_typed p;
COMMENT ON VIEW @extschema@.benchmark_pair IS
  'every disclosed indicator of every published, superseded or withdrawn disclosure (not drafts) against every benchmark requirement in force for its category and indicator, with compare() and margin() (plain column types: benchmark_pair_typed as text)';
COMMENT ON COLUMN @extschema@.benchmark_pair.disclosure IS 'the disclosure';
COMMENT ON COLUMN @extschema@.benchmark_pair.enterprise IS 'USCC of the disclosing enterprise';
COMMENT ON COLUMN @extschema@.benchmark_pair.category IS 'category of the disclosure';
COMMENT ON COLUMN @extschema@.benchmark_pair.status IS 'status of the disclosure (published, withdrawn, superseded)';
COMMENT ON COLUMN @extschema@.benchmark_pair.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.benchmark_pair.direction IS 'lower_better, higher_better or target';
COMMENT ON COLUMN @extschema@.benchmark_pair.unit IS 'indicator_def.unit (NULL: each value''s own)';
COMMENT ON COLUMN @extschema@.benchmark_pair.disclosed IS 'the disclosed requirement, canonical text';
COMMENT ON COLUMN @extschema@.benchmark_pair.standard IS 'the benchmark standard (edition in force), canonical number';
COMMENT ON COLUMN @extschema@.benchmark_pair.std_kind IS 'std_kind of the benchmark standard';
COMMENT ON COLUMN @extschema@.benchmark_pair.std_nature IS 'std_nature of the benchmark standard (NULL for group, international, foreign)';
COMMENT ON COLUMN @extschema@.benchmark_pair.benchmark_class IS 'mandatory, recommended, guidance, group, international or foreign';
COMMENT ON COLUMN @extschema@.benchmark_pair.class_rank IS 'report order of the class (1 mandatory … 6 foreign)';
COMMENT ON COLUMN @extschema@.benchmark_pair.required IS 'the benchmark requirement, canonical text';
COMMENT ON COLUMN @extschema@.benchmark_pair.test_method IS 'test method the benchmark standard names, canonical number';
COMMENT ON COLUMN @extschema@.benchmark_pair.verdict IS 'compare(disclosed, required): stricter, equal, looser, overlapping, disjoint or incomparable';
COMMENT ON COLUMN @extschema@.benchmark_pair.margin IS 'margin(disclosed, required, direction); NULL when incomparable or a level is missing';

-- benchmark(disclosure) ----------------------------------------------------------
CREATE FUNCTION @extschema@.benchmark(disclosure bigint)
RETURNS TABLE (indicator text, disclosed @extschema@.indicator, standard @extschema@.stdcode,
               std_kind text, required @extschema@.indicator, verdict text, margin numeric,
               std_nature text, benchmark_class text, direction @extschema@.direction,
               unit text, disclosed_level numeric, required_level numeric,
               test_method @extschema@.stdcode, executed boolean,
               verifiable boolean, verifiable_reason text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  d record;
  edition frontrunner.stdcode;
  claim record;
  claims jsonb := '{}';
BEGIN
  -- (a version and its successor are of one enterprise: on a distributed
  -- registry the subquery reads the disclosure's shard)
  SELECT x.id, x.enterprise, x.status, x.category, x.standard, x.withdrawn_at, x.withdraw_reason,
         (SELECT pg_catalog.min(s.id) FROM frontrunner.disclosure s
          WHERE s.enterprise OPERATOR(frontrunner.=) x.enterprise AND s.supersedes = x.id AND s.status <> 'draft') AS successor
  INTO d
  FROM frontrunner.disclosure x WHERE x.id = $1;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'disclosure % does not exist', $1
      USING ERRCODE = 'no_data_found',
            DETAIL = format('No row of table disclosure has id = %s.', $1),
            HINT = 'Look the id up in table disclosure (or with enterprise_search() and the enterprise''s disclosures).';
  ELSIF d.status = 'superseded' THEN
    RAISE EXCEPTION 'disclosure % is superseded: only current disclosures are benchmarked', $1
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('Disclosure %s was superseded by disclosure %s.', $1, d.successor),
            HINT = format('Benchmark the current version: benchmark(%s).', d.successor);
  ELSIF d.status = 'withdrawn' THEN
    RAISE EXCEPTION 'disclosure % is withdrawn: only current disclosures are benchmarked', $1
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('Disclosure %s was withdrawn (reason: %s).', $1, d.withdraw_reason),
            HINT = 'A withdrawn disclosure is no longer in force; benchmark a published disclosure or a draft.';
  END IF;
  edition := frontrunner.standard_edition(d.standard);

  -- rule 8: can the disclosure's own test method verify the claim?
  -- (claim_check(), 45_test_methods.sql; the same for every benchmark row
  -- of the indicator), one statement per indicator: on a distributed
  -- registry claim_check() reads the reference table test_method_limit here,
  -- not in the query on the disclosure's shard
  FOR claim IN SELECT i.indicator AS key, i.requirement AS req, i.test_method AS method
               FROM frontrunner.disclosed_indicator i
               WHERE i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = $1 LOOP
    claims := claims || pg_catalog.jsonb_build_object(claim.key,
      (SELECT pg_catalog.jsonb_build_object('verifiable', c.verifiable, 'reason', c.reason)
       FROM frontrunner.claim_check(claim.req, claim.method, claim.key) c));
  END LOOP;
  -- the pairs as in view benchmark_pair, read with the caller's rights
  -- (the view leaves drafts out)
  RETURN QUERY
  SELECT i.indicator, i.requirement, r.standard, r.kind, r.requirement, v.verdict, v.margin,
         r.nature, r.benchmark_class, r.direction, u.unit,
         CASE WHEN u.ok THEN frontrunner.level(i.requirement, r.direction, u.unit) END,
         CASE WHEN u.ok THEN frontrunner.level(r.requirement, r.direction, u.unit) END,
         r.test_method,
         r.standard OPERATOR(frontrunner.=) edition,
         (claims -> i.indicator ->> 'verifiable')::boolean, claims -> i.indicator ->> 'reason'
  FROM frontrunner.disclosed_indicator i
  JOIN frontrunner.benchmark_requirement_typed r ON r.category = d.category AND r.indicator = i.indicator
  CROSS JOIN LATERAL (
    SELECT c.verdict,
           CASE WHEN c.verdict <> 'incomparable'
                THEN frontrunner.margin(i.requirement, r.requirement, r.direction) END AS margin
    FROM (SELECT frontrunner.compare(i.requirement, r.requirement) AS verdict OFFSET 0) c
    OFFSET 0) v
  CROSS JOIN LATERAL (
    SELECT w.unit,
           v.verdict <> 'incomparable'
           AND (w.unit IS NULL
                OR ((frontrunner.unit(i.requirement) IS NULL
                     OR frontrunner.unit_commensurable(w.unit, frontrunner.unit(i.requirement)))
                    AND (frontrunner.unit(r.requirement) IS NULL
                         OR frontrunner.unit_commensurable(w.unit, frontrunner.unit(r.requirement))))) AS ok
    FROM (SELECT coalesce(r.unit, NULLIF(frontrunner.unit(r.requirement), ''),
                          NULLIF(frontrunner.unit(i.requirement), '')) AS unit) w) u
  WHERE i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = $1
  ORDER BY i.indicator, r.class_rank, r.standard;
END
$$;
COMMENT ON FUNCTION @extschema@.benchmark(bigint) IS
  'every disclosed indicator of a disclosure (published or draft) against every benchmark in force for its category and indicator: verdict = compare(disclosed, required), margin = margin(disclosed, required, direction), levels in the indicator''s unit, executed = the standard the disclosure executes; verifiable and verifiable_reason = rule 8 for the disclosed requirement and its own test method (claim_check(): false when the method cannot measure the claim, NULL when no limits of the method are recorded or the claim cannot be compared); ordered by indicator, class (mandatory → foreign), standard; P0002 when the disclosure does not exist, 55000 when it is superseded or withdrawn';

-- benchmark_summary ----------------------------------------------------------------
-- Aggregated by (category, indicator, standard) first; the descriptive
-- columns are joined to the few aggregated rows afterwards, so that rows
-- are not sorted on them (an indicator-typed sort key costs more than the
-- comparisons themselves).
CREATE VIEW @extschema@.benchmark_summary AS
SELECT r.category, r.indicator, r.standard::text AS standard, r.kind AS std_kind, r.nature AS std_nature,
       r.benchmark_class, r.direction::text AS direction, r.requirement::text AS required,
       a.compared, a.stricter, a.equal, a.looser, a.other, a.overlapping, a.disjoint, a.incomparable,
       round(a.at_least_as_strict::numeric / a.compared, 4) AS share_at_least_as_strict,
       trim_scale((a.lower_median + a.upper_median) * 0.5) AS median_margin,
       a.min_margin, a.max_margin, r.class_rank
FROM (SELECT p.category, p.indicator, p.standard,
             count(*) AS compared,
             count(*) FILTER (WHERE p.verdict = 'stricter') AS stricter,
             count(*) FILTER (WHERE p.verdict = 'equal') AS equal,
             count(*) FILTER (WHERE p.verdict = 'looser') AS looser,
             count(*) FILTER (WHERE p.verdict NOT IN ('stricter', 'equal', 'looser')) AS other,
             count(*) FILTER (WHERE p.verdict = 'overlapping') AS overlapping,
             count(*) FILTER (WHERE p.verdict = 'disjoint') AS disjoint,
             count(*) FILTER (WHERE p.verdict = 'incomparable') AS incomparable,
             count(*) FILTER (WHERE p.verdict IN ('stricter', 'equal')) AS at_least_as_strict,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY p.margin) AS lower_median,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY p.margin DESC) AS upper_median,
             min(p.margin) AS min_margin,
             max(p.margin) AS max_margin
      FROM @extschema@.benchmark_pair_typed p
      WHERE p.status = 'published'
      GROUP BY p.category, p.indicator, p.standard) a
JOIN @extschema@.benchmark_requirement_typed r
  ON r.category = a.category AND r.indicator = a.indicator AND r.standard = a.standard;
COMMENT ON VIEW @extschema@.benchmark_summary IS
  'per category, indicator and benchmark standard: how the current published disclosures compare (counts by verdict, share at least as strict, median margin); plain column types';
COMMENT ON COLUMN @extschema@.benchmark_summary.category IS 'category';
COMMENT ON COLUMN @extschema@.benchmark_summary.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.benchmark_summary.standard IS 'benchmark standard (edition in force), canonical number';
COMMENT ON COLUMN @extschema@.benchmark_summary.std_kind IS 'std_kind of the standard';
COMMENT ON COLUMN @extschema@.benchmark_summary.std_nature IS 'std_nature of the standard (NULL for group, international, foreign)';
COMMENT ON COLUMN @extschema@.benchmark_summary.benchmark_class IS 'mandatory, recommended, guidance, group, international or foreign';
COMMENT ON COLUMN @extschema@.benchmark_summary.direction IS 'lower_better, higher_better or target';
COMMENT ON COLUMN @extschema@.benchmark_summary.required IS 'the benchmark requirement, canonical text';
COMMENT ON COLUMN @extschema@.benchmark_summary.compared IS 'current published disclosures that disclose the indicator (each compared once)';
COMMENT ON COLUMN @extschema@.benchmark_summary.stricter IS 'disclosures stricter than the benchmark';
COMMENT ON COLUMN @extschema@.benchmark_summary.equal IS 'disclosures equal to the benchmark';
COMMENT ON COLUMN @extschema@.benchmark_summary.looser IS 'disclosures looser than the benchmark';
COMMENT ON COLUMN @extschema@.benchmark_summary.other IS 'overlapping + disjoint + incomparable';
COMMENT ON COLUMN @extschema@.benchmark_summary.overlapping IS 'disclosures that overlap the benchmark without either containing the other';
COMMENT ON COLUMN @extschema@.benchmark_summary.disjoint IS 'disclosures with no value in common with the benchmark';
COMMENT ON COLUMN @extschema@.benchmark_summary.incomparable IS 'disclosures in another dimension than the benchmark';
COMMENT ON COLUMN @extschema@.benchmark_summary.share_at_least_as_strict IS '(stricter + equal) / compared, rounded half up to 4 decimals';
COMMENT ON COLUMN @extschema@.benchmark_summary.median_margin IS 'exact median of the margins (mean of the two middle values for an even count), NULL margins left out';
COMMENT ON COLUMN @extschema@.benchmark_summary.min_margin IS 'smallest margin (the loosest disclosure)';
COMMENT ON COLUMN @extschema@.benchmark_summary.max_margin IS 'largest margin (the strictest disclosure)';
COMMENT ON COLUMN @extschema@.benchmark_summary.class_rank IS 'report order of the class (1 mandatory … 6 foreign): ORDER BY category, indicator, class_rank, standard';

-- consistency with international and foreign benchmarks -----------------------------
CREATE VIEW @extschema@.benchmark_gap AS
SELECT p.enterprise::text AS enterprise, p.disclosure, p.category, p.indicator,
       p.standard::text AS standard, p.std_kind, p.disclosed::text AS disclosed,
       p.required::text AS required, p.verdict, p.margin
FROM @extschema@.benchmark_pair_typed p
WHERE p.status = 'published'
  AND p.std_kind IN ('international', 'foreign')
  AND p.verdict NOT IN ('stricter', 'equal');
COMMENT ON VIEW @extschema@.benchmark_gap IS
  'disclosed indicators of current published disclosures that are not at least as strict as an international or foreign benchmark in force (plain column types)';
COMMENT ON COLUMN @extschema@.benchmark_gap.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.benchmark_gap.disclosure IS 'the disclosure';
COMMENT ON COLUMN @extschema@.benchmark_gap.category IS 'category';
COMMENT ON COLUMN @extschema@.benchmark_gap.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.benchmark_gap.standard IS 'the international or foreign standard';
COMMENT ON COLUMN @extschema@.benchmark_gap.std_kind IS 'international or foreign';
COMMENT ON COLUMN @extschema@.benchmark_gap.disclosed IS 'disclosed requirement, canonical text';
COMMENT ON COLUMN @extschema@.benchmark_gap.required IS 'the standard''s requirement, canonical text';
COMMENT ON COLUMN @extschema@.benchmark_gap.verdict IS 'looser, overlapping, disjoint or incomparable';
COMMENT ON COLUMN @extschema@.benchmark_gap.margin IS 'the gap: margin(disclosed, required, direction), negative when looser; NULL when incomparable';

-- Set-based, for the whole registry; benchmark_profile(uscc) computes the
-- same counts per disclosure of one enterprise.
CREATE VIEW @extschema@.benchmark_profile AS
SELECT d.enterprise::text AS enterprise, e.name AS enterprise_name, d.id AS disclosure,
       d.category, d.product, d.standard::text AS standard,
       coalesce(n.indicators, 0) AS indicators,
       coalesce(k.benchmarked, 0) AS benchmarked,
       coalesce(k.at_least_as_strict, 0) AS at_least_as_strict,
       coalesce(k.benchmarked - k.at_least_as_strict, 0) AS not_as_strict,
       k.not_as_strict_indicators
FROM @extschema@.disclosure d
JOIN @extschema@.enterprise e ON e.uscc = d.enterprise
LEFT JOIN (SELECT i.disclosure, count(*) AS indicators
           FROM @extschema@.disclosed_indicator i GROUP BY i.disclosure) n ON n.disclosure = d.id
LEFT JOIN (SELECT q.disclosure, count(*) AS benchmarked,
                  count(*) FILTER (WHERE q.ok) AS at_least_as_strict,
                  string_agg(q.indicator, ', ' ORDER BY q.indicator) FILTER (WHERE NOT q.ok) AS not_as_strict_indicators
           FROM (SELECT p.disclosure, p.indicator, bool_and(p.verdict IN ('stricter', 'equal')) AS ok
                 FROM @extschema@.benchmark_pair_typed p
                 WHERE p.status = 'published' AND p.std_kind IN ('international', 'foreign')
                 GROUP BY p.disclosure, p.indicator) q
           GROUP BY q.disclosure) k ON k.disclosure = d.id
WHERE d.status = 'published';
COMMENT ON VIEW @extschema@.benchmark_profile IS
  'per current published disclosure: how many disclosed indicators are at least as strict as every international and foreign benchmark in force, how many are not, and which (details in benchmark_gap); plain column types';
COMMENT ON COLUMN @extschema@.benchmark_profile.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.benchmark_profile.enterprise_name IS 'name of the enterprise';
COMMENT ON COLUMN @extschema@.benchmark_profile.disclosure IS 'the disclosure (status published)';
COMMENT ON COLUMN @extschema@.benchmark_profile.category IS 'category';
COMMENT ON COLUMN @extschema@.benchmark_profile.product IS 'product';
COMMENT ON COLUMN @extschema@.benchmark_profile.standard IS 'the standard the product executes, as disclosed';
COMMENT ON COLUMN @extschema@.benchmark_profile.indicators IS 'indicators disclosed';
COMMENT ON COLUMN @extschema@.benchmark_profile.benchmarked IS 'disclosed indicators with at least one international or foreign benchmark in force';
COMMENT ON COLUMN @extschema@.benchmark_profile.at_least_as_strict IS 'benchmarked indicators stricter than or equal to every international and foreign benchmark';
COMMENT ON COLUMN @extschema@.benchmark_profile.not_as_strict IS 'benchmarked indicators not at least as strict as some international or foreign benchmark (looser, overlapping, disjoint or incomparable)';
COMMENT ON COLUMN @extschema@.benchmark_profile.not_as_strict_indicators IS 'their keys, comma-separated in key order; NULL when none';

CREATE FUNCTION @extschema@.benchmark_profile(enterprise @extschema@.uscc)
RETURNS TABLE (disclosure bigint, category text, product text, standard text,
               indicators bigint, benchmarked bigint, at_least_as_strict bigint, not_as_strict bigint,
               indicator text, benchmark text, std_kind text, disclosed text, required text,
               verdict text, margin numeric)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  PERFORM FROM frontrunner.enterprise e WHERE e.uscc OPERATOR(frontrunner.=) $1;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'enterprise % does not exist', $1
      USING ERRCODE = 'no_data_found',
            DETAIL = format('No row of table enterprise has uscc = %s.', $1),
            HINT = 'Find the USCC of an enterprise with enterprise_search(name or pinyin).';
  END IF;
  -- the counts of view benchmark_profile, per disclosure of the enterprise
  -- (index lookups instead of the whole registry)
  RETURN QUERY
  SELECT d.id, d.category, d.product, d.standard::text,
         c.indicators, c.benchmarked, c.at_least_as_strict, c.benchmarked - c.at_least_as_strict,
         g.indicator, g.standard::text, g.std_kind, g.disclosed::text, g.required::text, g.verdict, g.margin
  FROM frontrunner.disclosure d
  CROSS JOIN LATERAL (
    SELECT (SELECT count(*) FROM frontrunner.disclosed_indicator i
            WHERE i.enterprise OPERATOR(frontrunner.=) $1 AND i.disclosure = d.id) AS indicators,
           count(*) AS benchmarked, count(*) FILTER (WHERE k.ok) AS at_least_as_strict
    FROM (SELECT p.indicator, bool_and(p.verdict IN ('stricter', 'equal')) AS ok
          FROM frontrunner.benchmark_pair_typed p
          WHERE p.enterprise OPERATOR(frontrunner.=) $1 AND p.disclosure = d.id AND p.std_kind IN ('international', 'foreign')
          GROUP BY p.indicator) k) c
  LEFT JOIN frontrunner.benchmark_pair_typed g
    ON g.enterprise OPERATOR(frontrunner.=) $1 AND g.disclosure = d.id AND g.std_kind IN ('international', 'foreign')
   AND g.verdict NOT IN ('stricter', 'equal')
  WHERE d.enterprise OPERATOR(frontrunner.=) $1 AND d.status = 'published'
  ORDER BY d.id, g.indicator, g.class_rank, g.standard;
END
$$;
COMMENT ON FUNCTION @extschema@.benchmark_profile(@extschema@.uscc) IS
  'consistency report of an enterprise: for each of its current published disclosures, the counts of benchmark_profile and one row per indicator and international or foreign standard it is not at least as strict as (one row with NULL gap columns when there is none); P0002 when the enterprise does not exist';

-- disclosure_json ----------------------------------------------------------------------
CREATE FUNCTION @extschema@.disclosure_json(id bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  d record;
  std_edition frontrunner.stdcode;
  is_current boolean;
  result jsonb;
BEGIN
  SELECT x.id, x.status, x.enterprise, e.name AS enterprise_name, x.product, x.category,
         c.name AS category_name, x.standard,
         x.published_at, x.withdrawn_at, x.withdraw_reason, x.supersedes,
         x.below_recommended_statement, x.source_ref,
         (SELECT pg_catalog.min(s.id) FROM frontrunner.disclosure s
          WHERE s.enterprise OPERATOR(frontrunner.=) x.enterprise AND s.supersedes = x.id AND s.status <> 'draft') AS superseded_by
  INTO d
  FROM frontrunner.disclosure x
  JOIN frontrunner.enterprise e ON e.uscc OPERATOR(frontrunner.=) x.enterprise
  JOIN frontrunner.category c ON c.code = x.category
  WHERE x.id = $1;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'disclosure % does not exist', $1
      USING ERRCODE = 'no_data_found',
            DETAIL = format('No row of table disclosure has id = %s.', $1),
            HINT = 'Look the id up in table disclosure.';
  END IF;
  IF d.status = 'draft' THEN
    RAISE EXCEPTION 'disclosure % is a draft: drafts are not public', $1
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('Disclosure %s (%s, %s) has status draft.', $1, d.enterprise_name, d.product),
            HINT = format('Publish it first (publish_disclosure(%s)); benchmark(%s) shows the draft''s comparison to its enterprise.', $1, $1);
  END IF;
  is_current := d.status = 'published';
  -- (not in the query above: on a distributed registry Citus would run it
  -- on the disclosure's shard, where it cannot read table standard)
  std_edition := frontrunner.standard_edition(d.standard);

  SELECT jsonb_build_object(
    'id', d.id,
    'status', d.status,
    'enterprise', jsonb_build_object('uscc', d.enterprise::text, 'name', d.enterprise_name),
    'product', d.product,
    'category', jsonb_build_object('code', d.category, 'name', d.category_name),
    'standard', jsonb_build_object(
       'code', d.standard::text,
       'edition', std_edition::text,
       'kind', frontrunner.std_kind(d.standard),
       'nature', frontrunner.std_nature(d.standard),
       'title', (SELECT s.title FROM frontrunner.standard s WHERE s.code OPERATOR(frontrunner.=) std_edition)),
    'published_at', to_char(d.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'withdrawn_at', to_char(d.withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'withdraw_reason', d.withdraw_reason,
    'supersedes', d.supersedes,
    'superseded_by', d.superseded_by,
    'below_recommended_statement', d.below_recommended_statement,
    'source_ref', d.source_ref,
    'benchmarked_on', CASE WHEN is_current THEN to_char(CURRENT_DATE, 'YYYY-MM-DD') END,
    'indicators', coalesce((
       SELECT jsonb_agg(jsonb_build_object(
                'key', i.indicator,
                'name', x.name,
                'direction', x.direction::text,
                'requirement', i.requirement::text,
                'requirement_zh', frontrunner.to_text(i.requirement, 'zh'),
                'unit', frontrunner.unit(i.requirement),
                'test_method', i.test_method::text,
                'benchmarks', coalesce((
                   SELECT jsonb_agg(jsonb_build_object(
                            'standard', p.standard::text,
                            'kind', p.std_kind,
                            'nature', p.std_nature,
                            'class', p.benchmark_class,
                            'requirement', p.required::text,
                            'requirement_zh', frontrunner.to_text(p.required, 'zh'),
                            'verdict', p.verdict,
                            'margin', p.margin)
                          ORDER BY p.class_rank, p.standard)
                   FROM frontrunner.benchmark_pair_typed p
                   WHERE is_current AND p.enterprise OPERATOR(frontrunner.=) d.enterprise
                     AND p.disclosure = d.id AND p.indicator = i.indicator), '[]'::jsonb))
              ORDER BY i.indicator)
       FROM frontrunner.disclosed_indicator i
       JOIN frontrunner.indicator_def x ON x.category = d.category AND x.key = i.indicator
       WHERE i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = d.id), '[]'::jsonb))
  INTO result;
  RETURN result;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_json(bigint) IS
  'a published (or withdrawn, or superseded) disclosure as JSON for platforms and the public: enterprise, product, category, executed standard and its edition, status, times in UTC, indicators in key order with canonical and Chinese text, test method and, for the current version, the benchmark verdicts and margins; P0002 when it does not exist, 55000 for a draft';
