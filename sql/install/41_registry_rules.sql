-- Disclosure rules 1-6, enforced by triggers.
--
--   FR001  rule 1  numbering of the executed standard
--   FR002  rule 2  completeness at publication (own enterprise standard)
--   FR003  rule 3  mandatory floor (data entry and publication)
--   FR004  rule 4  recommended floor without the explicit statement
--   FR005  rule 5  publication workflow and immutability
--   FR006  rule 6  spot checks
--   23503          a disclosed indicator not defined for the category
-- The README's error table lists them with the other SQLSTATEs;
-- sql/registry.sql shows each message as a user meets it.

-- the requirements that are in force today ------------------------------------
-- Two views, one query: requirement_in_force_typed with the domain types
-- (the rules and the reports compare its requirements), and
-- requirement_in_force, the same rows in plain column types for BI tools and
-- the reader role (README, Clients and BI).
CREATE VIEW @extschema@.requirement_in_force_typed AS
SELECT r.category, r.indicator, r.standard, s.kind, s.nature, r.requirement, r.test_method
FROM @extschema@.standard_requirement r
JOIN @extschema@.standard s ON s.code = r.standard
WHERE (s.effective_on IS NULL OR s.effective_on <= CURRENT_DATE)
  AND (s.withdrawn_on IS NULL OR s.withdrawn_on > CURRENT_DATE);
COMMENT ON VIEW @extschema@.requirement_in_force_typed IS
  'standard requirements of the standards in force today (effective, not withdrawn), with the standard''s kind and nature, in the domain types (uscc, stdcode, indicator) for functions and jobs; view requirement_in_force has the same rows in plain column types';
COMMENT ON COLUMN @extschema@.requirement_in_force_typed.category IS 'category';
COMMENT ON COLUMN @extschema@.requirement_in_force_typed.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.requirement_in_force_typed.standard IS 'the standard in force';
COMMENT ON COLUMN @extschema@.requirement_in_force_typed.kind IS 'std_kind of the standard';
COMMENT ON COLUMN @extschema@.requirement_in_force_typed.nature IS 'std_nature of the standard (mandatory, recommended, guidance or NULL)';
COMMENT ON COLUMN @extschema@.requirement_in_force_typed.requirement IS 'the requirement';
COMMENT ON COLUMN @extschema@.requirement_in_force_typed.test_method IS 'test method the standard names';

CREATE VIEW @extschema@.requirement_in_force AS
SELECT f.category, f.indicator, f.standard::text AS standard, f.kind, f.nature,
       f.requirement::text AS requirement, f.test_method::text AS test_method
FROM @extschema@.requirement_in_force_typed f;
COMMENT ON VIEW @extschema@.requirement_in_force IS
  'standard requirements of the standards in force today (effective, not withdrawn), with the standard''s kind and nature (plain column types: requirement_in_force_typed as text)';
COMMENT ON COLUMN @extschema@.requirement_in_force.category IS 'category';
COMMENT ON COLUMN @extschema@.requirement_in_force.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.requirement_in_force.standard IS 'the standard in force, canonical number';
COMMENT ON COLUMN @extschema@.requirement_in_force.kind IS 'std_kind of the standard';
COMMENT ON COLUMN @extschema@.requirement_in_force.nature IS 'std_nature of the standard (mandatory, recommended, guidance or NULL)';
COMMENT ON COLUMN @extschema@.requirement_in_force.requirement IS 'the requirement, canonical text';
COMMENT ON COLUMN @extschema@.requirement_in_force.test_method IS 'test method the standard names, canonical number';

-- the immutable tables' guards ---------------------------------------------------
CREATE FUNCTION @extschema@.refuse_truncate() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  -- trigger argument: the SQLSTATE of the rule that keeps the table (FR005
  -- when none is given); 0.1.0's triggers also pass their texts, which are
  -- these
  code text := CASE WHEN TG_NARGS > 0 THEN TG_ARGV[0] ELSE 'FR005' END;
BEGIN
  RAISE EXCEPTION '%: TRUNCATE of % is not allowed',
        CASE code WHEN 'FR007' THEN 'rule 7 (immutability)' WHEN 'FR008' THEN 'feedback workflow'
                  WHEN 'FR010' THEN 'inspection campaign' ELSE 'rule 5 (publication)' END, TG_TABLE_NAME
    USING ERRCODE = code,
          DETAIL = format('Table %s.%s holds %s.', TG_TABLE_SCHEMA, TG_TABLE_NAME,
                          CASE code WHEN 'FR007' THEN 'evaluation plans or published ranking lists'
                                    WHEN 'FR008' THEN 'reports or the spot checks they requested'
                                    WHEN 'FR010' THEN 'the draws, results or findings of inspection campaigns'
                                    ELSE 'published disclosures, their indicators or their history' END),
          HINT = CASE code WHEN 'FR007' THEN 'Delete draft plans with DELETE; published plans are closed and published lists stay.'
                           WHEN 'FR008' THEN 'Reports and requests are kept; they are decided or answered, never removed.'
                           WHEN 'FR010' THEN 'Draws, results and findings are kept; findings get their follow-up.'
                           ELSE 'Delete drafts with DELETE; published disclosures are withdrawn, never removed.' END,
          TABLE = TG_TABLE_NAME;
END
$$;
COMMENT ON FUNCTION @extschema@.refuse_truncate() IS
  'statement trigger: TRUNCATE refused, under the rule whose SQLSTATE is the trigger''s argument: FR005 (rule 5, the registry; the default), FR007 (rule 7, plans and published lists), FR008 (the feedback workflow) or FR010 (inspection campaigns)';

CREATE FUNCTION @extschema@.refuse_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  -- trigger arguments: SQLSTATE, message, detail, hint, and optionally the
  -- one change allowed: a column set once (from NULL to a non-blank value,
  -- nothing else changed) and a column then stamped with now().  In the
  -- message and the detail {op} is the operation and {column} the old row's
  -- value of that column.
  settable text := CASE WHEN TG_NARGS > 4 THEN TG_ARGV[4] END;
  stamp text := CASE WHEN TG_NARGS > 5 THEN TG_ARGV[5] END;
  old_row jsonb := pg_catalog.to_jsonb(OLD);
  changed text[];
  why text := '';
  texts text[] := ARRAY[TG_ARGV[1], TG_ARGV[2]];
  k int;
  col text;
  val text;
BEGIN
  IF TG_OP = 'UPDATE' AND settable IS NOT NULL THEN
    SELECT pg_catalog.array_agg(n.key) INTO changed
    FROM pg_catalog.jsonb_each(pg_catalog.to_jsonb(NEW)) n
    WHERE n.value IS DISTINCT FROM old_row -> n.key;
    IF settable = ANY (changed) AND changed <@ ARRAY[settable, stamp] THEN
      IF old_row ->> settable IS NOT NULL OR old_row ->> stamp IS NOT NULL THEN
        why := format(' Its %s is already set (%s); it is set once.', coalesce(stamp, settable),
                      old_row ->> coalesce(stamp, settable));
      ELSIF coalesce(btrim(pg_catalog.to_jsonb(NEW) ->> settable), '') = '' THEN
        why := format(' The new %s is empty.', settable);
      ELSE
        IF stamp IS NOT NULL THEN
          NEW := pg_catalog.jsonb_populate_record(NEW, pg_catalog.jsonb_build_object(stamp, frontrunner.clock()));
        END IF;
        RETURN NEW;
      END IF;
    END IF;
  END IF;
  FOR k IN 1 .. 2 LOOP
    texts[k] := replace(texts[k], '{op}', TG_OP);
    FOR col IN SELECT DISTINCT m[1] FROM pg_catalog.regexp_matches(texts[k], '\{(\w+)\}', 'g') m LOOP
      EXECUTE format('SELECT ($1).%I::text', col) USING OLD INTO val;
      texts[k] := replace(texts[k], '{' || col || '}', coalesce(val, 'NULL'));
    END LOOP;
  END LOOP;
  RAISE EXCEPTION USING MESSAGE = texts[1], ERRCODE = TG_ARGV[0], DETAIL = texts[2] || why,
                        HINT = TG_ARGV[3], TABLE = TG_TABLE_NAME;
END
$$;
COMMENT ON FUNCTION @extschema@.refuse_change() IS
  'row trigger: UPDATE and DELETE refused with the trigger''s arguments (SQLSTATE, message, detail, hint; {op} and {column} filled from the operation and the old row), except the one change named by the optional fifth and sixth arguments: a column set once to a non-blank value, the other stamped with clock()';

-- a rule violation raised as an error ----------------------------------------------
CREATE FUNCTION @extschema@.raise_violation(sqlstate text, message text, detail text, hint text,
                                            table_name text, column_name text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = message, ERRCODE = sqlstate, DETAIL = detail, HINT = hint,
                        TABLE = coalesce(table_name, ''), COLUMN = coalesce(column_name, '');
END
$$;
COMMENT ON FUNCTION @extschema@.raise_violation(text, text, text, text, text, text) IS
  'raises a violation as disclosure_violations() and indicator_violations() describe it: SQLSTATE, message, DETAIL, HINT and the TABLE and COLUMN fields';

-- rule 1: numbering -------------------------------------------------------------
CREATE FUNCTION @extschema@.standard_number_problem(code @extschema@.stdcode)
RETURNS text[]
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  y int;
BEGIN
  IF frontrunner.std_kind(code) <> 'enterprise' THEN
    RETURN NULL;
  END IF;
  y := frontrunner.std_year(code);
  IF y IS NULL THEN
    RETURN ARRAY[format('rule 1 (numbering): enterprise standard %s has no year', code),
                 format('Standard number: %s. An enterprise standard number is Q/<enterprise code> <number>-<4-digit year>.', code),
                 format('Append the 4-digit year of the edition the product executes: %s-YYYY.', code)];
  END IF;
  IF y > extract(year FROM CURRENT_DATE) THEN
    RETURN ARRAY[format('rule 1 (numbering): enterprise standard %s is dated in the future', code),
                 format('Standard number: %s; year %s is after the current year %s.', code, y, extract(year FROM CURRENT_DATE)),
                 'Use the number of an edition that has been issued.'];
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.standard_number_problem(@extschema@.stdcode) IS
  'rule 1: NULL when the standard number is fine, else {message, DETAIL, HINT} of its violation: an enterprise standard number (Q/…) with no year or a year in the future';

CREATE FUNCTION @extschema@.check_standard_number(code @extschema@.stdcode)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p text[] := frontrunner.standard_number_problem(code);
BEGIN
  IF p IS NOT NULL THEN
    PERFORM frontrunner.raise_violation('FR001', p[1], p[2], p[3], 'disclosure', 'standard');
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.check_standard_number(@extschema@.stdcode) IS
  'rule 1 at data entry: raises FR001 with standard_number_problem() when an enterprise standard number (Q/…) has no year or a year in the future';

-- the rules on disclosed indicators ------------------------------------------------
CREATE FUNCTION @extschema@.indicator_violations(rows @extschema@.disclosed_indicator[], publication boolean)
RETURNS TABLE (disclosure bigint, step int, indicator text, standard @extschema@.stdcode, rule text,
               sqlstate text, message text, detail text, hint text, table_name text, column_name text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
-- (on a distributed registry its query, which names the rows' enterprises,
-- may run inside a query on their shard: disclosure_violations())
SET citus.allow_nested_distributed_execution = on
AS $$
#variable_conflict use_column
DECLARE
  tenants frontrunner.uscc[];
BEGIN
  -- The one source of the rules on a disclosed indicator, for data entry
  -- (publication false: the triggers on disclosed_indicator pass the rows
  -- written) and for publication (disclosure_violations() passes every
  -- indicator of the disclosures published):
  --   step 1  rule 5   the disclosure is a draft (data entry only)
  --   step 4  23503    the indicator is defined for the disclosure's category
  --   step 6  rule 3   at least as strict as every in-force mandatory standard
  --   step 7  rule 4   at least as strict as every in-force recommended
  --                    national or industry standard, unless the disclosure
  --                    states otherwise (publication only)
  -- (steps 2, 3 and 5 are disclosure_violations()'s).  One row per violation,
  -- in the order the first is chosen: disclosure, step, indicator, standard.
  -- Hash joins over the rows, the floors in force of their categories
  -- computed once.
  -- The disclosures are read by id; on a distributed registry also by the
  -- enterprises of the rows (tenants): a rule on a shard reads that shard
  -- (frontrunner.citus_tenants()).
  IF pg_catalog.cardinality(rows) = 0 THEN
    RETURN;
  END IF;
  tenants := frontrunner.citus_tenants(rows);
  IF tenants IS NULL AND pg_catalog.cardinality(rows) <= 100 THEN
    -- a few rows on one node (a disclosure at a time): the plan does not
    -- depend on them, it is made once per session (the SET clause restores
    -- the custom plans at return)
    PERFORM pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true);
  END IF;
  RETURN QUERY
  WITH n AS MATERIALIZED (
    SELECT r.disclosure, r.indicator, r.requirement, d.status, d.category,
           coalesce(btrim(d.below_recommended_statement), '') = '' AS no_statement
    FROM pg_catalog.unnest(rows) r
    JOIN frontrunner.disclosure d ON d.id = r.disclosure
    WHERE (tenants IS NULL OR d.enterprise OPERATOR(frontrunner.=) ANY (tenants))
  ), defs AS MATERIALIZED (
    SELECT x.category, x.key
    FROM frontrunner.indicator_def x WHERE x.category IN (SELECT DISTINCT n.category FROM n)
  ), floors AS MATERIALIZED (
    SELECT f.category, f.indicator, f.standard, f.nature, f.requirement
    FROM frontrunner.requirement_in_force_typed f
    WHERE f.category IN (SELECT DISTINCT n.category FROM n)
      AND (f.nature = 'mandatory'
           OR (publication AND f.nature = 'recommended' AND f.kind IN ('national', 'industry')))
  )
  SELECT v.* FROM (
    SELECT n.disclosure, 1, n.indicator, NULL::frontrunner.stdcode, 'rule 5', 'FR005',
           format('rule 5 (publication): indicators of %s disclosure %s are immutable', n.status, n.disclosure),
           format('Disclosure %s has status %s; indicator %s = %s.', n.disclosure, n.status, n.indicator, n.requirement),
           'Publish a new version of the disclosure with the changed indicators.',
           'disclosed_indicator', NULL
    FROM n WHERE NOT publication AND n.status <> 'draft'
    UNION ALL
    SELECT n.disclosure, 4, n.indicator, NULL, 'indicator_def', '23503',
           format('indicator "%s" is not defined for category "%s"', n.indicator, n.category),
           format('Key (category, indicator)=(%s, %s) is not present in table indicator_def.', n.category, n.indicator),
           CASE WHEN publication THEN 'Remove the indicator from the disclosure or define it for the category.'
                ELSE 'Disclose an indicator of the category, or add it to indicator_def first.' END,
           'disclosed_indicator', 'indicator'
    FROM n LEFT JOIN defs x ON x.category = n.category AND x.key = n.indicator
    WHERE x.key IS NULL
    UNION ALL
    SELECT n.disclosure, CASE f.nature WHEN 'mandatory' THEN 6 ELSE 7 END, n.indicator, f.standard,
           CASE f.nature WHEN 'mandatory' THEN 'rule 3' ELSE 'rule 4' END,
           CASE f.nature WHEN 'mandatory' THEN 'FR003' ELSE 'FR004' END,
           CASE f.nature
             WHEN 'mandatory' THEN format('rule 3 (mandatory floor): indicator "%s" is looser than mandatory standard %s', n.indicator, f.standard)
             ELSE format('rule 4 (recommended floor): indicator "%s" is looser than recommended standard %s and no statement is given', n.indicator, f.standard) END,
           -- (at data entry the disclosure is the one being written)
           CASE WHEN publication THEN format('Disclosure %s. ', n.disclosure) ELSE '' END
           || format('Disclosed requirement: %s; %s %s: %s (compare: %s).', n.requirement, f.standard,
                     CASE f.nature WHEN 'mandatory' THEN 'requires' ELSE 'recommends' END, f.requirement, c.verdict),
           CASE f.nature
             WHEN 'mandatory' THEN format('A disclosed requirement must be at least as strict as %s in force: tighten it to %s or stricter.', f.standard, f.requirement)
             ELSE format('Tighten it to %s, or state explicitly in below_recommended_statement that the product is below %s.', f.requirement, f.standard) END,
           CASE f.nature WHEN 'mandatory' THEN 'disclosed_indicator' ELSE 'disclosure' END,
           CASE f.nature WHEN 'mandatory' THEN 'requirement' ELSE 'below_recommended_statement' END
    FROM n
    JOIN floors f ON f.category = n.category AND f.indicator = n.indicator
    CROSS JOIN LATERAL (SELECT frontrunner.compare(n.requirement, f.requirement) AS verdict) c
    WHERE (f.nature = 'mandatory' OR n.no_statement)
      AND c.verdict NOT IN ('stricter', 'equal')
  ) v (disclosure, step, indicator, standard, rule, sqlstate, message, detail, hint, table_name, column_name)
  ORDER BY v.disclosure, v.step, v.indicator, v.standard;
END
$$;
COMMENT ON FUNCTION @extschema@.indicator_violations(@extschema@.disclosed_indicator[], boolean) IS
  'the rules on disclosed indicators, one row per violation (SQLSTATE, message, DETAIL, HINT, TABLE, COLUMN) in the order the first is chosen: at data entry (publication false) the disclosure is a draft (FR005), the indicator defined for its category (23503) and at least as strict as the in-force mandatory standards (FR003); at publication also the recommended national and industry standards unless the disclosure states otherwise (FR004)';

-- rules 1-5 on the disclosure row -------------------------------------------------
CREATE FUNCTION @extschema@.disclosure_before_insert() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.status <> 'draft' THEN
    RAISE EXCEPTION 'rule 5 (publication): a disclosure is created as a draft'
      USING ERRCODE = 'FR005',
            DETAIL = format('Status given: %s.', NEW.status),
            HINT = 'Insert it with status draft, add its indicators, then publish it with UPDATE … SET status = ''published'' (or publish_disclosure(id)).',
            TABLE = 'disclosure', COLUMN = 'status';
  END IF;
  -- clock columns belong to the database
  NEW.published_at := NULL;
  NEW.withdrawn_at := NULL;
  IF frontrunner.std_kind(NEW.standard) = 'enterprise' THEN
    PERFORM frontrunner.check_standard_number(NEW.standard);
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_before_insert() IS
  'trigger: a disclosure starts as a draft; clock columns cleared; rule 1 checked';

-- the rules at publication ----------------------------------------------------------
CREATE FUNCTION @extschema@.disclosure_violations(ids bigint[], tenants @extschema@.uscc[])
RETURNS TABLE (disclosure bigint, indicator text, rule text, sqlstate text, message text,
               detail text, hint text, table_name text, column_name text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
#variable_conflict use_column
BEGIN
  -- Every rule a publication checks, over the disclosures as a whole: one
  -- row per violation, the first bad disclosure first and, within one, the
  -- checks in this order (indicator_violations() numbers the steps):
  --   step 2  rule 1  an enterprise standard number has its year, not in the future
  --   step 3  rule 1  the executed standard, when known, is not withdrawn
  --   step 4  23503   every indicator is defined for the category
  --   step 5  rule 2  an own enterprise standard discloses every required
  --                   indicator with a test method (missing ones first)
  --   step 6  rule 3  mandatory floor (again: standards may have changed)
  --   step 7  rule 4  recommended floor without the explicit statement
  -- disclosure_publication_check() raises the first row.
  -- tenants: NULL, or the enterprises of the disclosures (a distributed
  -- registry: the rule on a shard names those of its rows, and reads that
  -- shard).
  IF tenants IS NULL AND pg_catalog.cardinality(ids) <= 20 THEN
    -- a few disclosures on one node (one at a time): the plan does not
    -- depend on them, it is made once per session (the SET clause restores
    -- the custom plans at return)
    PERFORM pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true);
  END IF;
  RETURN QUERY
  WITH pub AS MATERIALIZED (
    SELECT d.id, d.enterprise, d.category, d.standard, frontrunner.std_kind(d.standard) = 'enterprise' AS own,
           -- (standard_number_problem() asked only about a number it objects to)
           CASE WHEN frontrunner.std_kind(d.standard) = 'enterprise'
                     AND (frontrunner.std_year(d.standard) IS NULL
                          OR frontrunner.std_year(d.standard) > extract(year FROM CURRENT_DATE))
                THEN frontrunner.standard_number_problem(d.standard) END AS numbering
    FROM frontrunner.disclosure d
    WHERE d.id = ANY (ids) AND (tenants IS NULL OR d.enterprise OPERATOR(frontrunner.=) ANY (tenants))
  ), ind AS MATERIALIZED (
    SELECT i.disclosure, i.indicator, i.requirement, i.test_method,
           -- (a row of the table: on a shard its own row type is the shard's)
           ROW(i.disclosure, i.indicator, i.requirement, i.test_method, i.enterprise)::frontrunner.disclosed_indicator AS row_
    FROM pub p
    JOIN frontrunner.disclosed_indicator i ON i.enterprise OPERATOR(frontrunner.=) p.enterprise AND i.disclosure = p.id
    -- (the ids again: the indicators are read by their key, not by
    -- scanning the table)
    WHERE i.disclosure = ANY (ids) AND (tenants IS NULL OR i.enterprise OPERATOR(frontrunner.=) ANY (tenants))
  ), incomplete AS (
    -- the required indicators an own enterprise standard misses or gives no method for
    SELECT p.id, p.category, p.standard,
           string_agg(x.key, ', ' ORDER BY x.key) FILTER (WHERE i.indicator IS NULL) AS missing,
           string_agg(x.key, ', ' ORDER BY x.key) FILTER (WHERE i.indicator IS NOT NULL) AS no_method
    FROM pub p
    JOIN frontrunner.indicator_def x ON x.category = p.category AND x.required
    LEFT JOIN ind i ON i.disclosure = p.id AND i.indicator = x.key
    WHERE p.own AND (i.indicator IS NULL OR i.test_method IS NULL)
    GROUP BY p.id, p.category, p.standard
  )
  SELECT v.disclosure, v.indicator, v.rule, v.sqlstate, v.message, v.detail, v.hint, v.table_name, v.column_name
  FROM (
    SELECT p.id AS disclosure, 2 AS step, NULL::text AS indicator, NULL::frontrunner.stdcode AS standard,
           'rule 1' AS rule, 'FR001' AS sqlstate, p.numbering[1] AS message, p.numbering[2] AS detail,
           p.numbering[3] AS hint, 'disclosure' AS table_name, 'standard' AS column_name
    FROM pub p WHERE p.numbering IS NOT NULL
    UNION ALL
    SELECT p.id, 3, NULL, NULL, 'rule 1', 'FR001',
           format('rule 1 (numbering): standard %s was withdrawn on %s', p.standard, s.withdrawn_on),
           format('Disclosure %s executes %s, withdrawn on %s.', p.id, p.standard, s.withdrawn_on),
           'Execute the edition in force (see table standard) and disclose its number.',
           'disclosure', 'standard'
    FROM pub p JOIN frontrunner.standard s ON s.code OPERATOR(frontrunner.=) p.standard
    WHERE s.withdrawn_on <= CURRENT_DATE
    UNION ALL
    SELECT c.id, 5, NULL, NULL, 'rule 2', 'FR002',
           format('rule 2 (completeness): disclosure %s does not disclose every required indicator of category "%s"', c.id, c.category),
           format('Executed standard: %s (an enterprise standard). Missing required indicators: %s.', c.standard, c.missing),
           'Add the missing indicators (with their test methods) to disclosed_indicator, then publish.',
           'disclosed_indicator', 'indicator'
    FROM incomplete c WHERE c.missing IS NOT NULL
    UNION ALL
    SELECT c.id, 5, NULL, NULL, 'rule 2', 'FR002',
           format('rule 2 (completeness): disclosure %s gives no test method for required indicators', c.id),
           format('Executed standard: %s (an enterprise standard). Required indicators without a test method: %s.', c.standard, c.no_method),
           'Fill disclosed_indicator.test_method with the standard number of the test method, then publish.',
           'disclosed_indicator', 'test_method'
    FROM incomplete c WHERE c.missing IS NULL
    UNION ALL
    SELECT w.disclosure, w.step, w.indicator, w.standard, w.rule, w.sqlstate, w.message, w.detail, w.hint,
           w.table_name, w.column_name
    FROM frontrunner.indicator_violations(
           ARRAY(SELECT i.row_ FROM ind i), true) w
  ) v
  ORDER BY v.disclosure, v.step, v.indicator, v.standard;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_violations(bigint[], @extschema@.uscc[]) IS
  'disclosure_violations(ids) of the disclosures of these enterprises (tenants; NULL: any): what the publication rule on a shard of a distributed registry checks, naming the enterprises of its rows';

CREATE FUNCTION @extschema@.disclosure_violations(ids bigint[])
RETURNS TABLE (disclosure bigint, indicator text, rule text, sqlstate text, message text,
               detail text, hint text, table_name text, column_name text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT frontrunner.citus_distributed() THEN
    RETURN QUERY SELECT v.* FROM frontrunner.disclosure_violations(ids, NULL) v;
    RETURN;
  END IF;
  -- on a distributed registry one enterprise at a time, each on its shard as
  -- the publication rule checks it (the rows of a disclosure come from one
  -- enterprise, in their order)
  RETURN QUERY
  SELECT v.disclosure, v.indicator, v.rule, v.sqlstate, v.message, v.detail, v.hint, v.table_name, v.column_name
  FROM pg_catalog.unnest(frontrunner.citus_tenants(ids)) t
  CROSS JOIN LATERAL frontrunner.disclosure_violations(ids, ARRAY[t]) WITH ORDINALITY v
  ORDER BY v.disclosure, v.ordinality;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_violations(bigint[]) IS
  'every violation of rules 1-4 (and 23503, an indicator not defined for the category) that publishing the disclosures would meet, one row per violation with its SQLSTATE, message, DETAIL, HINT, TABLE and COLUMN, the first bad disclosure first and within one in the order of the checks (numbering, withdrawn standard, undefined indicators, completeness, mandatory then recommended floor); call it on drafts to see everything that blocks their publication';

-- the lean pre-checks (src/registry_trigger.c: plans kept per backend) -------------
-- Whether any of the rows may break a rule, without composing a message:
-- false is final, true sends the rows to the rules, which say which rule and
-- how.  Their queries repeat the predicates of disclosure_violations() and
-- indicator_violations() (commented at both places): a change to a rule
-- changes both.
CREATE FUNCTION @extschema@.disclosure_publication_suspect(ids bigint[]) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_disclosure_publication_suspect'
  LANGUAGE C STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.disclosure_publication_suspect(bigint[]) IS
  'false when none of these disclosures breaks a rule of publication (what disclosure_violations() checks: rules 1-4, 23503), true when one may: the lean pre-check of disclosure_publication_check() and of the publication trigger, without composing messages';

CREATE FUNCTION @extschema@.indicator_entry_suspect(rows @extschema@.disclosed_indicator[]) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_entry_suspect'
  LANGUAGE C STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.indicator_entry_suspect(@extschema@.disclosed_indicator[]) IS
  'false when none of these indicator rows breaks a rule of data entry (what indicator_violations(rows, false) checks: a draft, rule 5; defined for the category, 23503; the mandatory floor, rule 3), true when one may: the lean pre-check of indicator_entry_check() and of the insert trigger, without composing messages';

CREATE FUNCTION @extschema@.disclosure_publication_check(ids bigint[], tenants @extschema@.uscc[])
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  v record;
BEGIN
  -- A few disclosures on one node (one at a time): first whether any of them
  -- may break a rule of publication at all (disclosure_publication_suspect(),
  -- without composing messages); only then does it say which, and how.
  IF tenants IS NULL AND pg_catalog.cardinality(ids) <= 20
     AND NOT frontrunner.disclosure_publication_suspect(ids) THEN
    RETURN;
  END IF;
  SELECT * INTO v FROM frontrunner.disclosure_violations(ids, tenants) LIMIT 1;
  IF FOUND THEN
    PERFORM frontrunner.raise_violation(v.sqlstate, v.message, v.detail, v.hint, v.table_name, v.column_name);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_publication_check(bigint[], @extschema@.uscc[]) IS
  'disclosure_publication_check(ids) of the disclosures of these enterprises (tenants; NULL: any), as the publication rule runs it';

CREATE FUNCTION @extschema@.disclosure_publication_check(ids bigint[])
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v record;
BEGIN
  SELECT * INTO v FROM frontrunner.disclosure_violations(ids) LIMIT 1;
  IF FOUND THEN
    PERFORM frontrunner.raise_violation(v.sqlstate, v.message, v.detail, v.hint, v.table_name, v.column_name);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_publication_check(bigint[]) IS
  'the checks made when disclosures are published (rules 1-4 over each disclosure as a whole): raises the first row of disclosure_violations() (FR001-FR004 or 23503); call it on drafts to see what would block their publication';

CREATE FUNCTION @extschema@.disclosure_before_update() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  prev record;
  -- the other disclosures read are the enterprise's (on a distributed
  -- registry: the rule fires on the enterprise's shard and reads that shard)
  tenant frontrunner.uscc := CASE WHEN frontrunner.citus_distributed() THEN OLD.enterprise END;
  foreign_version boolean := false;
BEGIN
  IF NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'rule 5 (publication): the id of a disclosure cannot change'
      USING ERRCODE = 'FR005',
            DETAIL = format('Old id: %s; new id: %s.', OLD.id, NEW.id),
            HINT = 'Ids are assigned by the database.',
            TABLE = 'disclosure', COLUMN = 'id';
  END IF;

  IF OLD.status = 'draft' THEN
    IF NEW.status IN ('withdrawn', 'superseded') THEN
      RAISE EXCEPTION 'rule 5 (publication): draft % cannot become %', OLD.id, NEW.status
        USING ERRCODE = 'FR005',
              DETAIL = format('Disclosure %s is a draft; only published disclosures are withdrawn or superseded.', OLD.id),
              HINT = 'Delete the draft instead, or publish it first.',
              TABLE = 'disclosure', COLUMN = 'status';
    END IF;
    NEW.withdrawn_at := NULL;
    IF NOT (NEW.standard OPERATOR(frontrunner.=) OLD.standard) THEN
      PERFORM frontrunner.check_standard_number(NEW.standard);
    END IF;
    IF NEW.status = 'draft' THEN
      NEW.published_at := NULL;
      RETURN NEW;
    END IF;

    -- publication: the new version and what it supersedes
    IF NEW.supersedes IS NOT NULL THEN
      -- the lock serialises two versions superseding the same disclosure
      SELECT d.status, d.enterprise, d.category INTO prev
      FROM frontrunner.disclosure d
      WHERE (tenant IS NULL OR d.enterprise OPERATOR(frontrunner.=) tenant) AND d.id = NEW.supersedes
      FOR UPDATE;
      IF NOT FOUND THEN
        -- FOR UPDATE sees only the rows the caller may update (RLS): another
        -- enterprise's disclosure that the caller may read (not a draft) is
        -- found without the lock, and its owner is the reason, not its status
        -- (on a distributed registry the reference (enterprise, supersedes)
        -- keeps versions within one enterprise: its shard is read)
        SELECT d.status, d.enterprise, d.category INTO prev
        FROM frontrunner.disclosure d
        WHERE (tenant IS NULL OR d.enterprise OPERATOR(frontrunner.=) tenant) AND d.id = NEW.supersedes;
        foreign_version := FOUND AND prev.enterprise OPERATOR(frontrunner.<>) NEW.enterprise;
      END IF;
      IF prev.status IS DISTINCT FROM 'published' AND NOT foreign_version THEN
        RAISE EXCEPTION 'rule 5 (publication): disclosure % cannot be superseded: it is %', NEW.supersedes, coalesce(prev.status, 'missing')
          USING ERRCODE = 'FR005',
                DETAIL = format('Disclosure %s supersedes %s, whose status is %s.', NEW.id, NEW.supersedes, coalesce(prev.status, 'missing')),
                HINT = 'Only the current published version can be superseded; supersede the latest version (see disclosure_history()).',
                TABLE = 'disclosure', COLUMN = 'supersedes';
      END IF;
      IF prev.enterprise OPERATOR(frontrunner.<>) NEW.enterprise OR prev.category <> NEW.category THEN
        RAISE EXCEPTION 'rule 5 (publication): disclosure % belongs to another enterprise or category', NEW.supersedes
          USING ERRCODE = 'FR005',
                DETAIL = format('Disclosure %s is by %s in category %s; the new version is by %s in category %s.',
                                NEW.supersedes, prev.enterprise, prev.category, NEW.enterprise, NEW.category),
                HINT = 'A new version supersedes a disclosure of the same enterprise and category.',
                TABLE = 'disclosure', COLUMN = 'supersedes';
      END IF;
    END IF;
    -- rules 1-4 over the whole disclosure: disclosure_after_statement()
    NEW.published_at := frontrunner.clock();
    RETURN NEW;
  END IF;

  IF OLD.status = 'published' AND NEW.status = 'withdrawn' THEN
    IF (pg_catalog.to_jsonb(NEW) - '{status,withdrawn_at,withdraw_reason}'::text[])
       <> (pg_catalog.to_jsonb(OLD) - '{status,withdrawn_at,withdraw_reason}'::text[]) THEN
      RAISE EXCEPTION 'rule 5 (publication): published disclosure % is immutable', OLD.id
        USING ERRCODE = 'FR005',
              DETAIL = 'Withdrawal changes status, withdrawn_at and withdraw_reason only.',
              HINT = 'Withdraw with UPDATE … SET status = ''withdrawn'', withdraw_reason = ''…'' and publish a new version for other changes.',
              TABLE = 'disclosure';
    END IF;
    IF coalesce(btrim(NEW.withdraw_reason), '') = '' THEN
      RAISE EXCEPTION 'rule 5 (publication): withdrawing disclosure % needs a reason', OLD.id
        USING ERRCODE = 'FR005',
              DETAIL = format('Disclosure %s: withdraw_reason is empty.', OLD.id),
              HINT = 'Set withdraw_reason in the same UPDATE (or call withdraw_disclosure(id, reason)).',
              TABLE = 'disclosure', COLUMN = 'withdraw_reason';
    END IF;
    NEW.withdrawn_at := frontrunner.clock();
    RETURN NEW;
  END IF;

  IF OLD.status = 'published' AND NEW.status = 'superseded'
     AND (pg_catalog.to_jsonb(NEW) - 'status') = (pg_catalog.to_jsonb(OLD) - 'status')
     AND EXISTS (SELECT FROM frontrunner.disclosure s
                 WHERE (tenant IS NULL OR s.enterprise OPERATOR(frontrunner.=) tenant)
                   AND s.supersedes = OLD.id AND s.status = 'published') THEN
    RETURN NEW;
  END IF;

  IF OLD.status = 'published' AND NEW.status = 'superseded' THEN
    RAISE EXCEPTION 'rule 5 (publication): disclosure % is superseded only by publishing its new version', OLD.id
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s has no published version with supersedes = %s.', OLD.id, OLD.id),
            HINT = 'Insert the new version with supersedes set and publish it: the old one becomes superseded in the same transaction.',
            TABLE = 'disclosure', COLUMN = 'status';
  END IF;
  RAISE EXCEPTION 'rule 5 (publication): % disclosure % is immutable', OLD.status, OLD.id
    USING ERRCODE = 'FR005',
          DETAIL = format('Disclosure %s has status %s; published disclosures are never changed.', OLD.id, OLD.status),
          HINT = CASE OLD.status WHEN 'published'
                   THEN 'Publish a new version with supersedes = ' || OLD.id || ', or withdraw it with a reason.'
                   ELSE 'A withdrawn or superseded disclosure is final.' END,
          TABLE = 'disclosure';
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_before_update() IS
  'trigger: the disclosure workflow (rule 5) — drafts editable; publication checks rules 1-4, locks and supersedes the previous version, stamps published_at; withdrawal stamps withdrawn_at; anything else on a published row is refused';

CREATE FUNCTION @extschema@.disclosure_before_delete() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF OLD.status <> 'draft' THEN
    RAISE EXCEPTION 'rule 5 (publication): % disclosure % cannot be deleted', OLD.status, OLD.id
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s has status %s; only drafts are deleted.', OLD.id, OLD.status),
            HINT = 'Withdraw it with a reason (withdraw_disclosure(id, reason)) or publish a new version.',
            TABLE = 'disclosure';
  END IF;
  RETURN OLD;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_before_delete() IS
  'trigger: only drafts can be deleted (rule 5)';

CREATE FUNCTION @extschema@.disclosure_after_statement_general() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  twin record;
  prev_ids bigint[];
  ids bigint[];
  ents frontrunner.uscc[];
  sts text[];
  notes text[];
  published bigint[];
  tenants frontrunner.uscc[];
  stamp timestamptz := frontrunner.clock();
  distributed boolean := frontrunner.citus_distributed();
BEGIN
  -- The transition table is read by queries on it alone, into arrays; every
  -- other query names the enterprises of its rows (tenants, on a
  -- distributed registry: the statement fires on each shard with that
  -- shard's rows, and these queries read that shard).
  -- On one node the plans of the history (the transition table, arrays) do
  -- not depend on the rows: made once per session (the SET clause restores
  -- the custom plans at return); those that read the registry are custom
  -- for many rows (below).
  IF NOT distributed THEN
    PERFORM pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true);
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT pg_catalog.array_agg(n.id ORDER BY n.id), pg_catalog.array_agg(n.enterprise ORDER BY n.id),
           pg_catalog.array_agg(n.status ORDER BY n.id)
      INTO ids, ents, sts FROM new_rows n;
    IF ids IS NULL THEN
      RETURN NULL;  -- (on a distributed registry: a shard the statement wrote nothing into)
    END IF;
    INSERT INTO frontrunner.disclosure_event (disclosure, at, action, old_status, new_status, enterprise)
    SELECT u.id, stamp, 'create', NULL, u.st, u.e FROM ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(sts), pg_catalog.unnest(ents)) WITH ORDINALITY u(id, st, e, o) ORDER BY u.o;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT pg_catalog.array_agg(o.id ORDER BY o.id), pg_catalog.array_agg(o.enterprise ORDER BY o.id),
           pg_catalog.array_agg(o.status ORDER BY o.id)
      INTO ids, ents, sts FROM old_rows o;
    IF ids IS NULL THEN
      RETURN NULL;
    END IF;
    INSERT INTO frontrunner.disclosure_event (disclosure, at, action, old_status, new_status, enterprise)
    SELECT u.id, stamp, 'delete', u.st, NULL, u.e FROM ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(sts), pg_catalog.unnest(ents)) WITH ORDINALITY u(id, st, e, o) ORDER BY u.o;
    RETURN NULL;
  END IF;

  -- UPDATE: disclosure_before_update lets a row change only draft → draft,
  -- draft → published, published → withdrawn and published → superseded,
  -- so every new row that is not a draft is a state change and its old
  -- status follows from the new one (no join of the transition tables)
  SELECT pg_catalog.array_agg(n.id ORDER BY n.id), pg_catalog.array_agg(n.enterprise ORDER BY n.id),
         pg_catalog.array_agg(n.status ORDER BY n.id),
         pg_catalog.array_agg(CASE n.status WHEN 'withdrawn' THEN n.withdraw_reason
                                            WHEN 'published' THEN 'supersedes ' || n.supersedes END ORDER BY n.id),
         pg_catalog.array_agg(n.id ORDER BY n.id) FILTER (WHERE n.status = 'published'),
         pg_catalog.array_agg(n.supersedes) FILTER (WHERE n.status = 'published' AND n.supersedes IS NOT NULL)
    INTO ids, ents, sts, notes, published, prev_ids
  FROM new_rows n
  WHERE n.status <> 'draft';
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  tenants := CASE WHEN distributed THEN ARRAY(SELECT DISTINCT e FROM pg_catalog.unnest(ents) e) END;
  IF NOT distributed AND pg_catalog.cardinality(ids) > 20 THEN
    PERFORM pg_catalog.set_config('plan_cache_mode', 'force_custom_plan', true);
  END IF;

  -- publication: rules 1-4 over every disclosure this statement published
  IF published IS NOT NULL THEN
    PERFORM frontrunner.disclosure_publication_check(published, tenants);
  END IF;

  -- the history; a superseded version notes its successor
  IF 'superseded' = ANY (sts) THEN
    SELECT pg_catalog.array_agg(CASE u.st WHEN 'superseded' THEN (
             SELECT 'superseded by ' || pg_catalog.string_agg(s.id::text, ', ')
             FROM frontrunner.disclosure s
             WHERE (tenants IS NULL OR s.enterprise OPERATOR(frontrunner.=) ANY (tenants))
               AND s.supersedes = u.id AND s.status = 'published') ELSE u.note END ORDER BY u.o)
      INTO notes
    FROM ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(sts), pg_catalog.unnest(notes)) WITH ORDINALITY u(id, st, note, o);
  END IF;
  INSERT INTO frontrunner.disclosure_event (disclosure, at, action, old_status, new_status, note, enterprise)
  SELECT u.id, stamp,
         CASE u.st WHEN 'published' THEN 'publish' WHEN 'withdrawn' THEN 'withdraw' ELSE 'supersede' END,
         CASE u.st WHEN 'published' THEN 'draft' ELSE 'published' END, u.st, u.note, u.e
  FROM ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(sts), pg_catalog.unnest(notes), pg_catalog.unnest(ents)) WITH ORDINALITY u(id, st, note, e, o)
  ORDER BY u.o;

  -- new versions: the one they supersede becomes superseded, exactly once
  IF prev_ids IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT n.supersedes, pg_catalog.string_agg(n.id::text, ', ' ORDER BY n.id) AS ids INTO twin
  FROM new_rows n
  WHERE n.status = 'published' AND n.supersedes IS NOT NULL
  GROUP BY n.supersedes
  HAVING count(*) > 1
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'rule 5 (publication): disclosure % would be superseded by several versions', twin.supersedes
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosures %s, published together, all supersede %s.', twin.ids, twin.supersedes),
            HINT = 'Publish one new version; delete or re-point the other drafts.',
            TABLE = 'disclosure', COLUMN = 'supersedes';
  END IF;
  UPDATE frontrunner.disclosure SET status = 'superseded'
  WHERE id = ANY (prev_ids) AND (tenants IS NULL OR enterprise OPERATOR(frontrunner.=) ANY (tenants));
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_after_statement_general() IS
  'the statement rules of disclosure_after_statement() for every statement: records every state change in disclosure_event (from the transition tables); publishing checks rules 1-4 (disclosure_publication_check()) and a new version marks the one it supersedes as superseded, in the same transaction';

-- the statement trigger: a statement that inserts or deletes disclosures, or
-- publishes drafts without superseding, on one node, in C (the history from
-- the transition table, the pre-check before the publication check); every
-- other statement, and every statement on a Citus cluster, goes to
-- disclosure_after_statement_general() (src/registry_trigger.c)
CREATE FUNCTION @extschema@.disclosure_after_statement() RETURNS trigger
  AS 'MODULE_PATHNAME', 'fr_disclosure_after_statement' LANGUAGE C
  SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.disclosure_after_statement() IS
  'statement trigger: records every state change in disclosure_event (from the transition tables); publishing checks rules 1-4 over the disclosures published and a new version marks the one it supersedes as superseded, in the same transaction (in C for inserts, deletes and publications without supersedes on one node; else disclosure_after_statement_general())';

-- the row triggers: the rows that break no rule and need only their clocks
-- (a draft inserted, edited, published without a previous version, deleted)
-- in C; every other row goes to the PL/pgSQL function above that defines the
-- rule (src/registry_trigger.c)
CREATE FUNCTION @extschema@.disclosure_row() RETURNS trigger
  AS 'MODULE_PATHNAME', 'fr_disclosure_row' LANGUAGE C;
COMMENT ON FUNCTION @extschema@.disclosure_row() IS
  'row trigger of disclosure (BEFORE INSERT, UPDATE, DELETE): a draft inserted, edited, published with no supersedes or deleted gets its clock columns (published_at cleared or stamped with clock(), withdrawn_at cleared) without entering PL/pgSQL; every other row is checked by disclosure_before_insert(), disclosure_before_update() or disclosure_before_delete(), called with the same trigger data';
CREATE TRIGGER disclosure_10_insert BEFORE INSERT ON @extschema@.disclosure
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.disclosure'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.disclosure_row();
CREATE TRIGGER disclosure_10_update BEFORE UPDATE ON @extschema@.disclosure
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosure_row();
CREATE TRIGGER disclosure_10_delete BEFORE DELETE ON @extschema@.disclosure
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosure_row();
CREATE TRIGGER disclosure_20_insert AFTER INSERT ON @extschema@.disclosure
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT WHEN (NOT @extschema@.restoring('frontrunner.disclosure'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.disclosure_after_statement();
CREATE TRIGGER disclosure_20_update AFTER UPDATE ON @extschema@.disclosure
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.disclosure_after_statement();
CREATE TRIGGER disclosure_20_delete AFTER DELETE ON @extschema@.disclosure
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.disclosure_after_statement();
CREATE TRIGGER disclosure_30_truncate BEFORE TRUNCATE ON @extschema@.disclosure
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

-- disclosed indicators --------------------------------------------------------------
-- Written only into drafts (rule 5), defined for the category (23503) and at
-- least as strict as the mandatory floor (rule 3), all from
-- indicator_violations().
CREATE FUNCTION @extschema@.indicator_entry_check(written @extschema@.disclosed_indicator[],
                                                  removed @extschema@.disclosed_indicator[] DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  v record;
  tenant frontrunner.uscc;
  tenants frontrunner.uscc[];
  mine xid;
  few boolean;
BEGIN
  IF coalesce(pg_catalog.cardinality(written), 0) + coalesce(pg_catalog.cardinality(removed), 0) = 0 THEN
    RETURN;  -- (on a distributed registry: a shard the statement wrote nothing into)
  END IF;
  -- the disclosures of the rows, locked (in id order) against a concurrent
  -- publication; a disclosure already gone is a cascade from deleting a draft.
  -- On a distributed registry one lock per enterprise of the rows (Citus
  -- locks only rows it reads from one shard, by one enterprise)
  -- A version of a disclosure this transaction wrote (a draft it inserted,
  -- a row it updated) is invisible to every other one, or already locked
  -- by the write: no lock is needed.
  tenants := frontrunner.citus_tenants(CASE WHEN removed IS NULL THEN written ELSE written || removed END);
  few := tenants IS NULL AND coalesce(pg_catalog.cardinality(written), 0) + coalesce(pg_catalog.cardinality(removed), 0) <= 100;
  IF few THEN
    -- a few rows on one node (a disclosure at a time): the plans do not
    -- depend on them, they are made once per session (the SET clause
    -- restores the custom plans at return)
    PERFORM pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true);
  END IF;
  mine := pg_catalog.pg_current_xact_id_if_assigned()::xid;
  FOREACH tenant IN ARRAY coalesce(tenants, ARRAY[NULL::frontrunner.uscc]) LOOP
    PERFORM FROM frontrunner.disclosure d
    WHERE d.id IN (SELECT r.disclosure FROM pg_catalog.unnest(written) r
                   UNION SELECT r.disclosure FROM pg_catalog.unnest(removed) r)
      AND (tenant IS NULL OR d.enterprise OPERATOR(frontrunner.=) tenant)
      AND (mine IS NULL OR d.xmin OPERATOR(pg_catalog.<>) mine)
    ORDER BY d.id
    FOR SHARE OF d;
  END LOOP;
  -- a row changed or deleted leaves a draft (rule 5); the rows written are
  -- checked as at data entry
  IF removed IS NOT NULL THEN
    SELECT * INTO v FROM frontrunner.indicator_violations(removed, false) x WHERE x.step = 1 LIMIT 1;
  END IF;
  IF removed IS NULL OR NOT FOUND THEN
    -- A few rows: first whether any row may break a rule of data entry at
    -- all (indicator_entry_suspect(), without composing messages); only then
    -- does it say which, and how.
    IF few AND NOT frontrunner.indicator_entry_suspect(written) THEN
      RETURN;
    END IF;
    SELECT * INTO v FROM frontrunner.indicator_violations(written, false) LIMIT 1;
  END IF;
  IF FOUND THEN
    PERFORM frontrunner.raise_violation(v.sqlstate, v.message, v.detail, v.hint, v.table_name, v.column_name);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.indicator_entry_check(@extschema@.disclosed_indicator[], @extschema@.disclosed_indicator[]) IS
  'data entry of disclosed indicators: locks their disclosures against a concurrent publication and raises the first violation indicator_violations() finds — a row removed or changed must leave a draft (rule 5), a row written must go into a draft (rule 5), be defined for the category (23503) and meet the mandatory floor (rule 3)';

CREATE FUNCTION @extschema@.disclosed_indicator_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- (the rows as the table's row type: on a shard, NEW and OLD are the
  -- shard's)
  IF TG_OP = 'DELETE' THEN
    PERFORM frontrunner.indicator_entry_check(NULL, ARRAY[pg_catalog.jsonb_populate_record(NULL::frontrunner.disclosed_indicator, pg_catalog.to_jsonb(OLD))]);
    RETURN OLD;
  END IF;
  PERFORM frontrunner.indicator_entry_check(ARRAY[pg_catalog.jsonb_populate_record(NULL::frontrunner.disclosed_indicator, pg_catalog.to_jsonb(NEW))],
                                            ARRAY[pg_catalog.jsonb_populate_record(NULL::frontrunner.disclosed_indicator, pg_catalog.to_jsonb(OLD))]);
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosed_indicator_guard() IS
  'trigger: an indicator is changed or deleted only in a draft (rule 5), the new row checked as at data entry (rule 5, 23503, rule 3), by indicator_entry_check()';

CREATE TRIGGER disclosed_indicator_10_guard BEFORE UPDATE OR DELETE ON @extschema@.disclosed_indicator
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosed_indicator_guard();

-- INSERT, the bulk path, is checked once per statement over all new rows
-- (in C: the lock and the pre-check for up to 100 rows on one node, then
-- indicator_entry_check() only when a violation is suspected; more rows, or a
-- Citus cluster: indicator_entry_check(); src/registry_trigger.c)
CREATE FUNCTION @extschema@.disclosed_indicator_insert_check() RETURNS trigger
  AS 'MODULE_PATHNAME', 'fr_disclosed_indicator_insert_check' LANGUAGE C
  SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.disclosed_indicator_insert_check() IS
  'statement trigger: the inserted indicators checked by indicator_entry_check() as at data entry: only into drafts (rule 5, the drafts locked against a concurrent publication), defined for the category (23503), at least as strict as the mandatory floor (rule 3)';
CREATE TRIGGER disclosed_indicator_20_insert AFTER INSERT ON @extschema@.disclosed_indicator
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT WHEN (NOT @extschema@.restoring('frontrunner.disclosed_indicator'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.disclosed_indicator_insert_check();
CREATE TRIGGER disclosed_indicator_30_truncate BEFORE TRUNCATE ON @extschema@.disclosed_indicator
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

-- history is append-only ------------------------------------------------------------
CREATE TRIGGER disclosure_event_10_guard BEFORE UPDATE OR DELETE ON @extschema@.disclosure_event
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR005',
    'rule 5 (publication): the disclosure history is append-only',
    '{op} of history entry {id} (disclosure {disclosure}, {action}) refused.',
    'History entries are written by the disclosure triggers and never changed.');
CREATE TRIGGER disclosure_event_30_truncate BEFORE TRUNCATE ON @extschema@.disclosure_event
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

CREATE FUNCTION @extschema@.disclosure_history(id bigint)
RETURNS TABLE (event bigint, at timestamptz, action text, old_status text, new_status text,
               by_user name, by_session name, note text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- (PL/pgSQL: Citus plans no SQL function with parameters)
  RETURN QUERY
  SELECT e.id, e.at, e.action, e.old_status, e.new_status, e.by_user, e.by_session, e.note
  FROM frontrunner.disclosure_event e
  WHERE e.disclosure = $1
  ORDER BY e.id;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_history(bigint) IS
  'the state changes of a disclosure, oldest first: when, what (create, publish, withdraw, supersede, delete), old and new status, who (current_user, session_user)';

-- convenience -----------------------------------------------------------------------
CREATE FUNCTION @extschema@.publish_disclosure(id bigint) RETURNS timestamptz
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  at timestamptz;
  -- on a distributed registry the UPDATE names the enterprise (its shard only)
  tenant frontrunner.uscc := CASE WHEN frontrunner.citus_distributed()
                                  THEN (SELECT d.enterprise FROM frontrunner.disclosure d WHERE d.id = $1) END;
BEGIN
  UPDATE frontrunner.disclosure d SET status = 'published'
  WHERE d.id = $1 AND d.status = 'draft' AND (tenant IS NULL OR d.enterprise OPERATOR(frontrunner.=) tenant)
  RETURNING d.published_at INTO at;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'rule 5 (publication): no draft disclosure %', $1
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s: %s.', $1, coalesce((SELECT 'status ' || d.status FROM frontrunner.disclosure d WHERE d.id = $1), 'no such disclosure')),
            HINT = 'Only a draft is published.',
            TABLE = 'disclosure';
  END IF;
  RETURN at;
END
$$;
COMMENT ON FUNCTION @extschema@.publish_disclosure(bigint) IS
  'publishes a draft (UPDATE status = ''published'', with every check of rules 1-5) and returns its published_at';

CREATE FUNCTION @extschema@.withdraw_disclosure(id bigint, reason text) RETURNS timestamptz
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  at timestamptz;
  -- on a distributed registry the UPDATE names the enterprise (its shard only)
  tenant frontrunner.uscc := CASE WHEN frontrunner.citus_distributed()
                                  THEN (SELECT d.enterprise FROM frontrunner.disclosure d WHERE d.id = $1) END;
BEGIN
  UPDATE frontrunner.disclosure d SET status = 'withdrawn', withdraw_reason = $2
  WHERE d.id = $1 AND d.status = 'published' AND (tenant IS NULL OR d.enterprise OPERATOR(frontrunner.=) tenant)
  RETURNING d.withdrawn_at INTO at;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'rule 5 (publication): no published disclosure %', $1
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s: %s.', $1, coalesce((SELECT 'status ' || d.status FROM frontrunner.disclosure d WHERE d.id = $1), 'no such disclosure')),
            HINT = 'Only the current published version is withdrawn.',
            TABLE = 'disclosure';
  END IF;
  RETURN at;
END
$$;
COMMENT ON FUNCTION @extschema@.withdraw_disclosure(bigint, text) IS
  'withdraws a published disclosure with a reason (required) and returns its withdrawn_at';

-- rule 6: spot checks -----------------------------------------------------------------
CREATE FUNCTION @extschema@.spot_check_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  d record;
  verdict text;
  -- on a distributed registry the row's enterprise: the rule reads its shard
  tenant frontrunner.uscc := CASE WHEN frontrunner.citus_distributed() THEN NEW.enterprise END;
BEGIN
  IF NEW.disclosure IS NULL OR NEW.indicator IS NULL OR NEW.sampled_on IS NULL
     OR (NEW.measured IS NULL AND NEW.results IS NULL) THEN
    RETURN NEW;  -- the NOT NULL constraints say so (23502)
  END IF;
  SELECT x.status, i.requirement INTO d
  FROM frontrunner.disclosure x
  LEFT JOIN frontrunner.disclosed_indicator i
    ON i.enterprise OPERATOR(frontrunner.=) x.enterprise AND i.disclosure = x.id AND i.indicator = NEW.indicator
  WHERE (tenant IS NULL OR x.enterprise OPERATOR(frontrunner.=) tenant) AND x.id = NEW.disclosure;
  IF NOT FOUND OR d.status = 'draft' THEN
    RAISE EXCEPTION 'rule 6 (spot check): disclosure % is not published', NEW.disclosure
      USING ERRCODE = 'FR006',
            DETAIL = format('Disclosure %s: %s.', NEW.disclosure, coalesce('status ' || d.status, 'no such disclosure')),
            HINT = 'Spot checks are recorded against published (or since withdrawn or superseded) disclosures.',
            TABLE = 'spot_check', COLUMN = 'disclosure';
  END IF;
  IF d.requirement IS NULL THEN
    RAISE EXCEPTION 'rule 6 (spot check): disclosure % does not disclose indicator "%"', NEW.disclosure, NEW.indicator
      USING ERRCODE = 'FR006',
            DETAIL = format('Disclosed indicators of %s: %s.', NEW.disclosure,
                            coalesce((SELECT string_agg(i.indicator, ', ' ORDER BY i.indicator)
                                      FROM frontrunner.disclosed_indicator i
                                      WHERE (tenant IS NULL OR i.enterprise OPERATOR(frontrunner.=) tenant)
                                        AND i.disclosure = NEW.disclosure), 'none')),
            HINT = 'A spot check measures a disclosed indicator.',
            TABLE = 'spot_check', COLUMN = 'indicator';
  END IF;
  IF NEW.sampled_on > CURRENT_DATE THEN
    RAISE EXCEPTION 'rule 6 (spot check): sampling date % is in the future', NEW.sampled_on
      USING ERRCODE = 'FR006',
            DETAIL = format('Column sampled_on is %s; today is %s.', NEW.sampled_on, CURRENT_DATE),
            HINT = 'Record a spot check once the sample has been taken.',
            TABLE = 'spot_check', COLUMN = 'sampled_on';
  END IF;
  -- a sampling plan (n=5, c=2, m=100, M=1000 CFU/g) is judged on the results
  -- of its n sample units; measured then holds the largest of them
  IF frontrunner.form(d.requirement) = 'plan' THEN
    IF NEW.results IS NULL OR pg_catalog.cardinality(NEW.results) <> frontrunner.plan_n(d.requirement) THEN
      RAISE EXCEPTION 'rule 6 (spot check): the disclosed requirement % of % is a sampling plan judged on % results', d.requirement, NEW.indicator, frontrunner.plan_n(d.requirement)
        USING ERRCODE = 'FR006',
              DETAIL = format('Column results holds %s.', coalesce(pg_catalog.cardinality(NEW.results) || ' results', 'no results')),
              HINT = format('Record the result of each of the %s sample units in results (numeric[], in %s); measured is then set to the largest.',
                            frontrunner.plan_n(d.requirement), coalesce(nullif(frontrunner.unit(d.requirement), ''), 'the plan''s unit')),
              TABLE = 'spot_check', COLUMN = 'results';
    END IF;
    NEW.measured := (SELECT pg_catalog.format('%s %s', pg_catalog.max(r), frontrunner.unit(d.requirement))
                     FROM pg_catalog.unnest(NEW.results) r)::frontrunner.indicator;
    NEW.conforms := frontrunner.satisfies(NEW.results, d.requirement, NEW.method);
    RETURN NEW;
  ELSIF NEW.results IS NOT NULL THEN
    RAISE EXCEPTION 'rule 6 (spot check): results are the sample results of a sampling plan, and % of % is none', d.requirement, NEW.indicator
      USING ERRCODE = 'FR006',
            DETAIL = format('Column results holds %s.', NEW.results),
            HINT = 'Record the measured value in measured and leave results empty.',
            TABLE = 'spot_check', COLUMN = 'results';
  END IF;
  verdict := frontrunner.compare(NEW.measured, d.requirement);
  IF verdict = 'incomparable' THEN
    RAISE EXCEPTION 'rule 6 (spot check): measured value % cannot be compared with the disclosed requirement %', NEW.measured, d.requirement
      USING ERRCODE = 'FR006',
            DETAIL = format('Measured: %s; disclosed requirement of %s: %s (different dimensions).', NEW.measured, NEW.indicator, d.requirement),
            HINT = 'Record the measured value in a unit of the same quantity as the requirement.',
            TABLE = 'spot_check', COLUMN = 'measured';
  END IF;
  NEW.conforms := frontrunner.satisfies(NEW.measured, d.requirement, NEW.method);
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.spot_check_before_write() IS
  'trigger: rule 6 — a spot check measures a disclosed indicator of a published disclosure, not in the future; conforms = satisfies(measured, disclosed requirement, method), client values ignored; a sampling plan is judged on its n results (satisfies(results, plan, method)) and measured set to the largest';
CREATE TRIGGER spot_check_10_conforms BEFORE INSERT OR UPDATE ON @extschema@.spot_check
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.spot_check'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.spot_check_before_write();
CREATE TRIGGER spot_check_30_truncate BEFORE TRUNCATE ON @extschema@.spot_check
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

CREATE VIEW @extschema@.spot_check_failure AS
SELECT d.enterprise::text AS enterprise, c.disclosure, c.indicator, c.sampled_on,
       c.measured::text AS measured, i.requirement::text AS requirement, c.method, c.id AS spot_check
FROM @extschema@.spot_check c
JOIN @extschema@.disclosure d ON d.enterprise OPERATOR(@extschema@.=) c.enterprise AND d.id = c.disclosure
JOIN @extschema@.disclosed_indicator i
  ON i.enterprise OPERATOR(@extschema@.=) c.enterprise AND i.disclosure = c.disclosure AND i.indicator = c.indicator
WHERE NOT c.conforms;
COMMENT ON VIEW @extschema@.spot_check_failure IS 'failing spot checks with the enterprise and the disclosed requirement (plain column types)';
COMMENT ON COLUMN @extschema@.spot_check_failure.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.spot_check_failure.disclosure IS 'the disclosure checked';
COMMENT ON COLUMN @extschema@.spot_check_failure.indicator IS 'the indicator measured';
COMMENT ON COLUMN @extschema@.spot_check_failure.sampled_on IS 'sampling date';
COMMENT ON COLUMN @extschema@.spot_check_failure.measured IS 'measured value';
COMMENT ON COLUMN @extschema@.spot_check_failure.requirement IS 'disclosed requirement it failed';
COMMENT ON COLUMN @extschema@.spot_check_failure.method IS 'GB/T 8170 judging method';
COMMENT ON COLUMN @extschema@.spot_check_failure.spot_check IS 'id of the spot check';

CREATE FUNCTION @extschema@.excluded(enterprise @extschema@.uscc, deadline timestamptz,
                                     exclusion_days int DEFAULT 365)
RETURNS boolean
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF exclusion_days < 0 THEN
    RAISE EXCEPTION 'exclusion_days must not be negative'
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('Parameter exclusion_days is %s.', exclusion_days),
            HINT = 'Give the number of days after a failing spot check during which the enterprise is excluded (365 by default).';
  END IF;
  -- (a spot check carries its disclosure's enterprise)
  RETURN EXISTS (
    SELECT FROM frontrunner.spot_check c
    WHERE c.enterprise OPERATOR(frontrunner.=) $1
      AND NOT c.conforms
      AND $2 >= c.sampled_on::timestamptz
      AND $2 < (c.sampled_on + $3)::timestamptz);
END
$$;
COMMENT ON FUNCTION @extschema@.excluded(@extschema@.uscc, timestamptz, int) IS
  'rule 6: true when the enterprise has a failing spot check sampled on day S with S <= deadline < S + exclusion_days (days counted in the session time zone)';
