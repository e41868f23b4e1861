-- frontrunner 0.1.0 → 0.2.0 (ALTER EXTENSION frontrunner UPDATE).
--
-- Every change 0.2.0 makes to the objects 0.1.0 installed, so that an
-- upgraded database and a fresh 0.2.0 install have the same objects and the
-- data stays in place (make updatecheck: test/harness/updatecheck.sh checks
-- both).  Written with test/harness/upgrade_diff.py's draft, then by hand
-- for the tables.  Each issue of the release adds its block at the end.

\echo Use "ALTER EXTENSION frontrunner UPDATE" to load this file. \quit

-- issues 13 and 14: the layout, one source per rule, restores, the tenant, --
-- the module's release ------------------------------------------------------
DO $$
BEGIN
  CREATE FUNCTION frontrunner.version() RETURNS text
    AS 'MODULE_PATHNAME', 'fr_module_version' LANGUAGE C STABLE STRICT PARALLEL SAFE;
EXCEPTION WHEN undefined_function THEN
  RAISE EXCEPTION 'the frontrunner module is older than the release being installed'
    USING ERRCODE = 'object_not_in_prerequisite_state',
          DETAIL = format('The library %s has no version function (it is 0.1.0 or older); this script installs frontrunner %s.',
                          'MODULE_PATHNAME', (SELECT x.extversion FROM pg_catalog.pg_extension x WHERE x.extname = 'frontrunner')),
          HINT = 'Install the module of the same release (the package, or make install), then run the command again in a new session.';
END
$$;

DO $$
DECLARE
  module text := frontrunner.version();
  script text := (SELECT x.extversion FROM pg_catalog.pg_extension x WHERE x.extname = 'frontrunner');
BEGIN
  IF module IS DISTINCT FROM script THEN
    RAISE EXCEPTION 'the frontrunner module is release %, the script installs release %', module, script
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('The library %s reports release %s.', 'MODULE_PATHNAME', module),
            HINT = 'Install the module of the same release (the package, or make install), then run the command again in a new session.';
  END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.version() IS
  'release of the loaded frontrunner module (frontrunner.so); compare with pg_extension.extversion, the release of the installed SQL objects: they differ after a package upgrade until ALTER EXTENSION frontrunner UPDATE';

CREATE OR REPLACE FUNCTION @extschema@.restoring(rel regclass) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_restoring' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;

COMMENT ON FUNCTION @extschema@.restoring(regclass) IS
  'true while rel is loaded by a restore — a COPY … FROM into rel with row_security off, as pg_dump''s scripts and pg_restore run it, by a superuser or the owner of rel: the registry''s INSERT triggers then let the rows in as they were dumped';

DROP TRIGGER enterprise_10_region ON @extschema@.enterprise;

CREATE TRIGGER enterprise_10_region BEFORE INSERT OR UPDATE ON @extschema@.enterprise
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.enterprise'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.enterprise_fill_region();

CREATE OR REPLACE FUNCTION @extschema@.tenant_fill() RETURNS trigger
  AS 'MODULE_PATHNAME', 'fr_tenant_fill' LANGUAGE C;

COMMENT ON FUNCTION @extschema@.tenant_fill() IS
  'trigger tenant_fill(key_column, constraint_name), BEFORE INSERT OR UPDATE of a row that belongs to a disclosure: enterprise (the tenant) := the enterprise of the disclosure the key names, when the client left it NULL or moved the row to another disclosure; a key with no disclosure raises the foreign key''s 23503 (constraint_name)';

-- the tenant in every row that belongs to a disclosure (issue 14) ---------------
-- Existing rows get their disclosure's enterprise; the rule triggers stay
-- out of it (these are not client writes: published rows are not changed,
-- only completed with what they already imply).
SELECT pg_catalog.set_config('session_replication_role', 'replica', true);

DROP INDEX @extschema@.disclosure_enterprise_idx;
ALTER TABLE @extschema@.disclosure
  ADD CONSTRAINT disclosure_enterprise_id_key UNIQUE (enterprise, id);

ALTER TABLE @extschema@.disclosed_indicator ADD COLUMN enterprise @extschema@.uscc;
UPDATE @extschema@.disclosed_indicator i SET enterprise = d.enterprise
  FROM @extschema@.disclosure d WHERE d.id = i.disclosure;
ALTER TABLE @extschema@.disclosed_indicator
  ALTER COLUMN enterprise SET NOT NULL,
  DROP CONSTRAINT disclosed_indicator_disclosure_fkey,
  ADD CONSTRAINT disclosed_indicator_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE @extschema@.spot_check ADD COLUMN enterprise @extschema@.uscc;
UPDATE @extschema@.spot_check c SET enterprise = d.enterprise
  FROM @extschema@.disclosure d WHERE d.id = c.disclosure;
ALTER TABLE @extschema@.spot_check
  ALTER COLUMN enterprise SET NOT NULL,
  ADD CONSTRAINT spot_check_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id);

-- history: events of drafts deleted under 0.1.0 keep no enterprise (their
-- disclosure is gone)
ALTER TABLE @extschema@.disclosure_event ADD COLUMN enterprise @extschema@.uscc;
UPDATE @extschema@.disclosure_event e SET enterprise = d.enterprise
  FROM @extschema@.disclosure d WHERE d.id = e.disclosure;

ALTER TABLE @extschema@.ranking_entry
  DROP CONSTRAINT ranking_entry_disclosure_fkey,
  ADD CONSTRAINT ranking_entry_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id);

ALTER TABLE @extschema@.feedback
  DROP CONSTRAINT feedback_disclosure_fkey,
  ADD CONSTRAINT feedback_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id);

ALTER TABLE @extschema@.spot_check_request ADD COLUMN enterprise @extschema@.uscc;
UPDATE @extschema@.spot_check_request r SET enterprise = d.enterprise
  FROM @extschema@.disclosure d WHERE d.id = r.disclosure;
ALTER TABLE @extschema@.spot_check_request
  ALTER COLUMN enterprise SET NOT NULL,
  ADD CONSTRAINT spot_check_request_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id);

SELECT pg_catalog.set_config('session_replication_role', 'origin', true);


DROP TRIGGER plan_review_10_write ON @extschema@.plan_review;

COMMENT ON CONSTRAINT disclosure_enterprise_id_key ON @extschema@.disclosure IS
  'the tenant and the id: what the rows that belong to a disclosure reference, so that they always name its enterprise (and stay on its shard when the registry is distributed)';

COMMENT ON COLUMN @extschema@.disclosed_indicator.enterprise IS 'the disclosure''s enterprise (the tenant), filled by the database when not written; the foreign key to disclosure (enterprise, id) keeps it the disclosure''s';

CREATE TRIGGER disclosed_indicator_05_tenant BEFORE INSERT OR UPDATE OF disclosure, enterprise ON @extschema@.disclosed_indicator
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.disclosed_indicator'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.tenant_fill('disclosure', 'disclosed_indicator_disclosure_fkey');

COMMENT ON COLUMN @extschema@.spot_check.enterprise IS 'the disclosure''s enterprise (the tenant), filled by the database when not written; the foreign key to disclosure (enterprise, id) keeps it the disclosure''s';

CREATE TRIGGER spot_check_15_tenant BEFORE INSERT OR UPDATE OF disclosure, enterprise ON @extschema@.spot_check
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.spot_check'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.tenant_fill('disclosure', 'spot_check_disclosure_fkey');

COMMENT ON COLUMN @extschema@.disclosure_event.enterprise IS 'the disclosure''s enterprise (the tenant), written with the event; NULL only for events of drafts deleted before 0.2.0, whose enterprise was not recorded';

CREATE OR REPLACE FUNCTION @extschema@.refuse_truncate() RETURNS trigger
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
                  ELSE 'rule 5 (publication)' END, TG_TABLE_NAME
    USING ERRCODE = code,
          DETAIL = format('Table %s.%s holds %s.', TG_TABLE_SCHEMA, TG_TABLE_NAME,
                          CASE code WHEN 'FR007' THEN 'evaluation plans or published ranking lists'
                                    WHEN 'FR008' THEN 'reports or the spot checks they requested'
                                    ELSE 'published disclosures, their indicators or their history' END),
          HINT = CASE code WHEN 'FR007' THEN 'Delete draft plans with DELETE; published plans are closed and published lists stay.'
                           WHEN 'FR008' THEN 'Reports and requests are kept; they are decided or answered, never removed.'
                           ELSE 'Delete drafts with DELETE; published disclosures are withdrawn, never removed.' END,
          TABLE = TG_TABLE_NAME;
END
$$;

COMMENT ON FUNCTION @extschema@.refuse_truncate() IS
  'statement trigger: TRUNCATE refused, under the rule whose SQLSTATE is the trigger''s argument: FR005 (rule 5, the registry; the default), FR007 (rule 7, plans and published lists) or FR008 (the feedback workflow)';

CREATE OR REPLACE FUNCTION @extschema@.refuse_change() RETURNS trigger
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
          NEW := pg_catalog.jsonb_populate_record(NEW, pg_catalog.jsonb_build_object(stamp, now()));
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
  'row trigger: UPDATE and DELETE refused with the trigger''s arguments (SQLSTATE, message, detail, hint; {op} and {column} filled from the operation and the old row), except the one change named by the optional fifth and sixth arguments: a column set once to a non-blank value, the other stamped with now()';

CREATE OR REPLACE FUNCTION @extschema@.raise_violation(sqlstate text, message text, detail text, hint text,
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

CREATE OR REPLACE FUNCTION @extschema@.standard_number_problem(code @extschema@.stdcode)
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

CREATE OR REPLACE FUNCTION @extschema@.check_standard_number(code @extschema@.stdcode)
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

CREATE OR REPLACE FUNCTION @extschema@.indicator_violations(rows @extschema@.disclosed_indicator[], publication boolean)
RETURNS TABLE (disclosure bigint, step int, indicator text, standard @extschema@.stdcode, rule text,
               sqlstate text, message text, detail text, hint text, table_name text, column_name text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
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
  -- Hash joins over the rows, the floors in force computed once.
  WITH n AS MATERIALIZED (
    SELECT r.disclosure, r.indicator, r.requirement, d.status, d.category,
           coalesce(btrim(d.below_recommended_statement), '') = '' AS no_statement
    FROM pg_catalog.unnest(rows) r
    JOIN frontrunner.disclosure d ON d.id = r.disclosure
  ), defs AS MATERIALIZED (
    SELECT x.category, x.key
    FROM frontrunner.indicator_def x WHERE x.category IN (SELECT DISTINCT n.category FROM n)
  ), floors AS MATERIALIZED (
    SELECT f.category, f.indicator, f.standard, f.nature, f.requirement
    FROM frontrunner.requirement_in_force f
    WHERE f.nature = 'mandatory'
       OR (publication AND f.nature = 'recommended' AND f.kind IN ('national', 'industry'))
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
  ORDER BY v.disclosure, v.step, v.indicator, v.standard
$$;

COMMENT ON FUNCTION @extschema@.indicator_violations(@extschema@.disclosed_indicator[], boolean) IS
  'the rules on disclosed indicators, one row per violation (SQLSTATE, message, DETAIL, HINT, TABLE, COLUMN) in the order the first is chosen: at data entry (publication false) the disclosure is a draft (FR005), the indicator defined for its category (23503) and at least as strict as the in-force mandatory standards (FR003); at publication also the recommended national and industry standards unless the disclosure states otherwise (FR004)';

CREATE OR REPLACE FUNCTION @extschema@.disclosure_violations(ids bigint[])
RETURNS TABLE (disclosure bigint, indicator text, rule text, sqlstate text, message text,
               detail text, hint text, table_name text, column_name text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
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
  WITH pub AS MATERIALIZED (
    SELECT d.id, d.category, d.standard, frontrunner.std_kind(d.standard) = 'enterprise' AS own,
           CASE WHEN frontrunner.std_kind(d.standard) = 'enterprise'
                THEN frontrunner.standard_number_problem(d.standard) END AS numbering
    FROM frontrunner.disclosure d WHERE d.id = ANY (ids)
  ), ind AS MATERIALIZED (
    SELECT i.disclosure, i.indicator, i.requirement, i.test_method, i AS row_
    FROM pub p JOIN frontrunner.disclosed_indicator i ON i.disclosure = p.id
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
  ORDER BY v.disclosure, v.step, v.indicator, v.standard
$$;

COMMENT ON FUNCTION @extschema@.disclosure_violations(bigint[]) IS
  'every violation of rules 1-4 (and 23503, an indicator not defined for the category) that publishing the disclosures would meet, one row per violation with its SQLSTATE, message, DETAIL, HINT, TABLE and COLUMN, the first bad disclosure first and within one in the order of the checks (numbering, withdrawn standard, undefined indicators, completeness, mandatory then recommended floor); call it on drafts to see everything that blocks their publication';

CREATE OR REPLACE FUNCTION @extschema@.disclosure_publication_check(ids bigint[])
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

CREATE OR REPLACE FUNCTION @extschema@.disclosure_after_statement() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  twin record;
  prev_ids bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO frontrunner.disclosure_event (disclosure, action, old_status, new_status, enterprise)
    SELECT n.id, 'create', NULL, n.status, n.enterprise FROM new_rows n ORDER BY n.id;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO frontrunner.disclosure_event (disclosure, action, old_status, new_status, enterprise)
    SELECT o.id, 'delete', o.status, NULL, o.enterprise FROM old_rows o ORDER BY o.id;
    RETURN NULL;
  END IF;

  -- publication: rules 1-4 over every disclosure this statement published
  SELECT pg_catalog.array_agg(n.id) INTO prev_ids FROM new_rows n WHERE n.status = 'published';
  IF prev_ids IS NOT NULL THEN
    PERFORM frontrunner.disclosure_publication_check(prev_ids);
  END IF;

  -- UPDATE: disclosure_before_update lets a row change only draft → draft,
  -- draft → published, published → withdrawn and published → superseded,
  -- so every new row that is not a draft is a state change and its old
  -- status follows from the new one (no join of the transition tables)
  INSERT INTO frontrunner.disclosure_event (disclosure, action, old_status, new_status, note, enterprise)
  SELECT n.id,
         CASE n.status WHEN 'published' THEN 'publish' WHEN 'withdrawn' THEN 'withdraw' ELSE 'supersede' END,
         CASE n.status WHEN 'published' THEN 'draft' ELSE 'published' END, n.status,
         CASE n.status
           WHEN 'withdrawn' THEN n.withdraw_reason
           WHEN 'published' THEN 'supersedes ' || n.supersedes
           WHEN 'superseded' THEN (SELECT 'superseded by ' || pg_catalog.string_agg(s.id::text, ', ')
                                   FROM frontrunner.disclosure s
                                   WHERE s.supersedes = n.id AND s.status = 'published')
         END,
         n.enterprise
  FROM new_rows n
  WHERE n.status <> 'draft'
  ORDER BY n.id;

  -- new versions: the one they supersede becomes superseded, exactly once
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
  SELECT pg_catalog.array_agg(n.supersedes) INTO prev_ids
  FROM new_rows n
  WHERE n.status = 'published' AND n.supersedes IS NOT NULL;
  IF prev_ids IS NOT NULL THEN
    UPDATE frontrunner.disclosure SET status = 'superseded' WHERE id = ANY (prev_ids);
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER disclosure_10_insert ON @extschema@.disclosure;

CREATE TRIGGER disclosure_10_insert BEFORE INSERT ON @extschema@.disclosure
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.disclosure'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.disclosure_before_insert();

DROP TRIGGER disclosure_20_insert ON @extschema@.disclosure;

CREATE TRIGGER disclosure_20_insert AFTER INSERT ON @extschema@.disclosure
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT WHEN (NOT @extschema@.restoring('frontrunner.disclosure'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.disclosure_after_statement();

CREATE OR REPLACE FUNCTION @extschema@.indicator_entry_check(written @extschema@.disclosed_indicator[],
                                                  removed @extschema@.disclosed_indicator[] DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v record;
BEGIN
  -- the disclosures of the rows, locked (in id order) against a concurrent
  -- publication; a disclosure already gone is a cascade from deleting a draft
  PERFORM FROM frontrunner.disclosure d
  WHERE d.id IN (SELECT r.disclosure FROM pg_catalog.unnest(written) r
                 UNION SELECT r.disclosure FROM pg_catalog.unnest(removed) r)
  ORDER BY d.id
  FOR SHARE OF d;
  -- a row changed or deleted leaves a draft (rule 5); the rows written are
  -- checked as at data entry
  SELECT * INTO v FROM frontrunner.indicator_violations(removed, false) x WHERE x.step = 1 LIMIT 1;
  IF NOT FOUND THEN
    SELECT * INTO v FROM frontrunner.indicator_violations(written, false) LIMIT 1;
  END IF;
  IF FOUND THEN
    PERFORM frontrunner.raise_violation(v.sqlstate, v.message, v.detail, v.hint, v.table_name, v.column_name);
  END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.indicator_entry_check(@extschema@.disclosed_indicator[], @extschema@.disclosed_indicator[]) IS
  'data entry of disclosed indicators: locks their disclosures against a concurrent publication and raises the first violation indicator_violations() finds — a row removed or changed must leave a draft (rule 5), a row written must go into a draft (rule 5), be defined for the category (23503) and meet the mandatory floor (rule 3)';

CREATE OR REPLACE FUNCTION @extschema@.disclosed_indicator_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM frontrunner.indicator_entry_check(NULL, ARRAY[OLD::frontrunner.disclosed_indicator]);
    RETURN OLD;
  END IF;
  PERFORM frontrunner.indicator_entry_check(ARRAY[NEW::frontrunner.disclosed_indicator],
                                            ARRAY[OLD::frontrunner.disclosed_indicator]);
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION @extschema@.disclosed_indicator_guard() IS
  'trigger: an indicator is changed or deleted only in a draft (rule 5), the new row checked as at data entry (rule 5, 23503, rule 3), by indicator_entry_check()';

CREATE OR REPLACE FUNCTION @extschema@.disclosed_indicator_insert_check() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  PERFORM frontrunner.indicator_entry_check(ARRAY(SELECT n::frontrunner.disclosed_indicator FROM new_rows n));
  RETURN NULL;
END
$$;

COMMENT ON FUNCTION @extschema@.disclosed_indicator_insert_check() IS
  'statement trigger: the inserted indicators checked by indicator_entry_check() as at data entry: only into drafts (rule 5, the drafts locked against a concurrent publication), defined for the category (23503), at least as strict as the mandatory floor (rule 3)';

DROP TRIGGER disclosed_indicator_20_insert ON @extschema@.disclosed_indicator;

CREATE TRIGGER disclosed_indicator_20_insert AFTER INSERT ON @extschema@.disclosed_indicator
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT WHEN (NOT @extschema@.restoring('frontrunner.disclosed_indicator'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.disclosed_indicator_insert_check();

DROP TRIGGER disclosure_event_10_guard ON @extschema@.disclosure_event;

CREATE TRIGGER disclosure_event_10_guard BEFORE UPDATE OR DELETE ON @extschema@.disclosure_event
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR005',
    'rule 5 (publication): the disclosure history is append-only',
    '{op} of history entry {id} (disclosure {disclosure}, {action}) refused.',
    'History entries are written by the disclosure triggers and never changed.');

CREATE OR REPLACE FUNCTION @extschema@.spot_check_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  d record;
  verdict text;
BEGIN
  SELECT x.status, i.requirement INTO d
  FROM frontrunner.disclosure x
  LEFT JOIN frontrunner.disclosed_indicator i ON i.disclosure = x.id AND i.indicator = NEW.indicator
  WHERE x.id = NEW.disclosure;
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
                                      FROM frontrunner.disclosed_indicator i WHERE i.disclosure = NEW.disclosure), 'none')),
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

DROP TRIGGER spot_check_10_conforms ON @extschema@.spot_check;

CREATE TRIGGER spot_check_10_conforms BEFORE INSERT OR UPDATE ON @extschema@.spot_check
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.spot_check'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.spot_check_before_write();

CREATE OR REPLACE FUNCTION @extschema@.excluded(enterprise @extschema@.uscc, deadline timestamptz,
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
  RETURN EXISTS (
    SELECT FROM frontrunner.disclosure d
    JOIN frontrunner.spot_check c ON c.disclosure = d.id
    WHERE d.enterprise OPERATOR(frontrunner.=) $1
      AND NOT c.conforms
      AND $2 >= c.sampled_on::timestamptz
      AND $2 < (c.sampled_on + $3)::timestamptz);
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.benchmark_profile(enterprise @extschema@.uscc)
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
    SELECT (SELECT count(*) FROM frontrunner.disclosed_indicator i WHERE i.disclosure = d.id) AS indicators,
           count(*) AS benchmarked, count(*) FILTER (WHERE k.ok) AS at_least_as_strict
    FROM (SELECT p.indicator, bool_and(p.verdict IN ('stricter', 'equal')) AS ok
          FROM frontrunner.benchmark_pair p
          WHERE p.disclosure = d.id AND p.std_kind IN ('international', 'foreign')
          GROUP BY p.indicator) k) c
  LEFT JOIN frontrunner.benchmark_pair g
    ON g.disclosure = d.id AND g.std_kind IN ('international', 'foreign')
   AND g.verdict NOT IN ('stricter', 'equal')
  WHERE d.enterprise OPERATOR(frontrunner.=) $1 AND d.status = 'published'
  ORDER BY d.id, g.indicator, g.class_rank, g.standard;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.plan_row(plan_id bigint) RETURNS @extschema@.evaluation_plan
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
BEGIN
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.id = plan_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no evaluation plan with id %', plan_id
      USING ERRCODE = 'P0002', DETAIL = format('No row of table evaluation_plan has id %s.', plan_id),
            HINT = 'See table evaluation_plan.';
  END IF;
  RETURN p;
END
$$;

COMMENT ON FUNCTION @extschema@.plan_row(bigint) IS
  'the evaluation plan with this id; raises P0002 when there is none (plan_id() looks a plan up by its code)';

CREATE OR REPLACE FUNCTION @extschema@.plan_publication_check(plan_id bigint)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  r record;
BEGIN
  p := frontrunner.plan_row(plan_id);
  PERFORM FROM frontrunner.plan_indicator i WHERE i.plan = plan_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'rule 7 (plan): plan % has no core indicator', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (category %s) has no rows in plan_indicator.', p.code, p.category),
            HINT = 'Insert the core indicators into plan_indicator before publishing the plan.',
            TABLE = 'plan_indicator';
  END IF;
  FOR r IN SELECT c.*, c.unit AS u FROM frontrunner.plan_core_indicators(plan_id) c LOOP
    IF r.u IS NULL THEN
      RAISE EXCEPTION 'rule 7 (plan): core indicator "%" of plan % has no unit', r.indicator, p.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Neither plan_indicator.unit nor indicator_def.unit is set for %s / %s; levels of different disclosures would be in different units.', p.category, r.indicator),
              HINT = 'Set plan_indicator.unit (or indicator_def.unit) to the unit levels are ranked in, e.g. ''mg/kg''; '''' for plain numbers.',
              TABLE = 'plan_indicator', COLUMN = 'unit';
    END IF;
    IF p.style = 'best_in_market' AND r.leader_cutoff IS NOT NULL THEN
      RAISE EXCEPTION 'rule 7 (plan): plan % is best_in_market but indicator "%" has an absolute leader cutoff', p.code, r.indicator
        USING ERRCODE = 'FR007',
              DETAIL = format('Its leader_cutoff is %s; in a best_in_market plan the leader cutoff is the best disclosed level.', r.leader_cutoff),
              HINT = 'Remove the leader cutoff, or use style ''cutoffs''.',
              TABLE = 'plan_indicator', COLUMN = 'leader_cutoff';
    END IF;
    -- absolute cutoffs: commensurable with the unit, and nested leader ⊆ advanced ⊆ baseline
    IF (r.leader_cutoff IS NOT NULL AND NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(r.leader_cutoff), r.u), r.u))
       OR (r.advanced_cutoff IS NOT NULL AND NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(r.advanced_cutoff), r.u), r.u))
       OR (r.baseline_cutoff IS NOT NULL AND NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(r.baseline_cutoff), r.u), r.u)) THEN
      RAISE EXCEPTION 'rule 7 (plan): a cutoff of indicator "%" of plan % is not in a unit of %', r.indicator, p.code, quote_literal(r.u)
        USING ERRCODE = 'FR007',
              DETAIL = format('The cutoffs are leader %s, advanced %s, baseline %s; levels are in %s (%s).',
                              coalesce(r.leader_cutoff::text, '-'), coalesce(r.advanced_cutoff::text, '-'),
                              coalesce(r.baseline_cutoff::text, '-'), quote_literal(r.u), frontrunner.unit_dimension(r.u)),
              HINT = 'Write the cutoffs in a unit of the same quantity as the indicator.',
              TABLE = 'plan_indicator';
    END IF;
    IF (r.leader_cutoff IS NOT NULL AND r.advanced_cutoff IS NOT NULL
        AND NOT (r.leader_cutoff OPERATOR(frontrunner.<@) r.advanced_cutoff))
       OR (r.advanced_cutoff IS NOT NULL AND r.baseline_cutoff IS NOT NULL
        AND NOT (r.advanced_cutoff OPERATOR(frontrunner.<@) r.baseline_cutoff))
       OR (r.leader_cutoff IS NOT NULL AND r.baseline_cutoff IS NOT NULL
        AND NOT (r.leader_cutoff OPERATOR(frontrunner.<@) r.baseline_cutoff)) THEN
      RAISE EXCEPTION 'rule 7 (plan): the absolute cutoffs of indicator "%" of plan % are not nested', r.indicator, p.code
        USING ERRCODE = 'FR007',
              DETAIL = format('The cutoffs are leader %s, advanced %s, baseline %s.',
                              coalesce(r.leader_cutoff::text, '-'), coalesce(r.advanced_cutoff::text, '-'),
                              coalesce(r.baseline_cutoff::text, '-')),
              HINT = 'A better tier''s cutoff must be at least as strict (<@) as a worse tier''s.',
              TABLE = 'plan_indicator';
    END IF;
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.plan_review_before_insert() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
BEGIN
  -- the row lock orders the verdict with the plan's publication or return to draft
  SELECT e.id, e.code, e.status, e.review_round INTO p
  FROM frontrunner.evaluation_plan e WHERE e.id = NEW.plan
  FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no evaluation plan with id %', NEW.plan
      USING ERRCODE = 'P0002', DETAIL = format('No row of table evaluation_plan has id %s (plan_review.plan).', NEW.plan),
            HINT = 'See table evaluation_plan.', TABLE = 'plan_review', COLUMN = 'plan';
  END IF;
  IF p.status <> 'under_review' THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % is not under review', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (id %s) has status %s; verdict %s by %s refused.', p.code, p.id, p.status, NEW.verdict, NEW.reviewer),
            HINT = CASE p.status WHEN 'draft' THEN 'Submit the plan for review first (UPDATE evaluation_plan SET status = ''under_review'').'
                                 ELSE 'Reviews are recorded only while a plan is under review.' END,
            TABLE = 'plan_review', COLUMN = 'plan';
  END IF;
  NEW.round := p.review_round;
  NEW.reviewed_at := now();
  NEW.recorded_by := current_user;
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION @extschema@.plan_review_before_insert() IS
  'trigger: a verdict is recorded only while its plan is under review (FR007), in the plan''s current round, stamped with the database clock and current_user';

CREATE TRIGGER plan_review_10_insert BEFORE INSERT ON @extschema@.plan_review
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.plan_review'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.plan_review_before_insert();

CREATE TRIGGER plan_review_10_guard BEFORE UPDATE OR DELETE ON @extschema@.plan_review
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR007',
    'rule 7 (plan review): review {id} of plan {plan} cannot be changed',
    '{op} of the {verdict} by {reviewer} (round {round}, {reviewed_at}) refused.',
    'Reviews are kept as recorded; a reviewer who changes their mind records a new verdict, which replaces the earlier one in the round.');

DROP TRIGGER plan_review_30_truncate ON @extschema@.plan_review;

CREATE TRIGGER plan_review_30_truncate BEFORE TRUNCATE ON @extschema@.plan_review
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007');

CREATE OR REPLACE FUNCTION @extschema@.plan_review_check(plan_id bigint)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  approvals int;
  approvers text;
  rejects text;
BEGIN
  p := frontrunner.plan_row(plan_id);
  SELECT count(*) FILTER (WHERE s.verdict = 'approve'),
         string_agg(s.reviewer, ', ' ORDER BY s.reviewer) FILTER (WHERE s.verdict = 'approve'),
         string_agg(format('%s (%s: %s)', s.reviewer, s.reviewed_at, s.comments), '; ' ORDER BY s.reviewer) FILTER (WHERE s.verdict = 'reject')
    INTO approvals, approvers, rejects
  FROM frontrunner.plan_review_state(plan_id) s;
  IF rejects IS NOT NULL THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % has an open rejection', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Round %s of plan %s: rejected by %s.', p.review_round, p.code, rejects),
            HINT = 'A rejection stays open until the same reviewer records an approve in this round, or the plan goes back to draft and is resubmitted (a new round).',
            TABLE = 'plan_review';
  END IF;
  IF approvals < p.required_approvals THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % has % of the % approvals it requires', p.code, approvals, p.required_approvals
      USING ERRCODE = 'FR007',
            DETAIL = format('Round %s of plan %s: approved by %s.', p.review_round, p.code, coalesce(approvers, 'nobody')),
            HINT = 'Record the approvals of further reviewers in plan_review (distinct reviewer names).',
            TABLE = 'plan_review';
  END IF;
END
$$;

DROP TRIGGER evaluation_plan_10_write ON @extschema@.evaluation_plan;

CREATE TRIGGER evaluation_plan_10_write BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.evaluation_plan
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.evaluation_plan'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.evaluation_plan_before_write();

DROP TRIGGER evaluation_plan_30_truncate ON @extschema@.evaluation_plan;

CREATE TRIGGER evaluation_plan_30_truncate BEFORE TRUNCATE ON @extschema@.evaluation_plan
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007');

DROP TRIGGER plan_indicator_10_write ON @extschema@.plan_indicator;

CREATE TRIGGER plan_indicator_10_write BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.plan_indicator
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.plan_indicator'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.plan_indicator_before_write();

DROP TRIGGER plan_indicator_30_truncate ON @extschema@.plan_indicator;

CREATE TRIGGER plan_indicator_30_truncate BEFORE TRUNCATE ON @extschema@.plan_indicator
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007');

DROP TRIGGER ranking_10_guard ON @extschema@.ranking;

CREATE TRIGGER ranking_10_guard BEFORE UPDATE OR DELETE ON @extschema@.ranking
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR007',
    'rule 7 (immutability): published ranking {id} cannot be changed',
    '{op} of ranking {id} (plan {plan}, published {published_at}) refused.',
    'Publish a new ranking with publish_ranking(plan_code); the latest one is current.');

DROP TRIGGER ranking_30_truncate ON @extschema@.ranking;

CREATE TRIGGER ranking_30_truncate BEFORE TRUNCATE ON @extschema@.ranking
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007');

DROP TRIGGER ranking_entry_10_guard ON @extschema@.ranking_entry;

CREATE TRIGGER ranking_entry_10_guard BEFORE UPDATE OR DELETE ON @extschema@.ranking_entry
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR007',
    'rule 7 (immutability): entry {disclosure} of published ranking {ranking} cannot be changed',
    '{op} of ranking {ranking}, disclosure {disclosure} (rank {rank}, {tier}) refused.',
    'Published lists only change by revocation (UPDATE … SET revoke_reason = ''…'' on an entry not yet revoked); publish a new ranking otherwise.',
    'revoke_reason', 'revoked_at');

DROP TRIGGER ranking_entry_30_truncate ON @extschema@.ranking_entry;

CREATE TRIGGER ranking_entry_30_truncate BEFORE TRUNCATE ON @extschema@.ranking_entry
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007');

CREATE OR REPLACE FUNCTION @extschema@.plan_id(plan_code text) RETURNS bigint
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  pid bigint;
BEGIN
  SELECT e.id INTO pid FROM frontrunner.evaluation_plan e WHERE e.code = plan_code;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no evaluation plan "%"', plan_code
      USING ERRCODE = 'P0002',
            DETAIL = format('No row of table evaluation_plan has code %L. Plans: %s.', plan_code,
                            coalesce((SELECT string_agg(e.code, ', ' ORDER BY e.code)
                                      FROM (SELECT e.code FROM frontrunner.evaluation_plan e ORDER BY e.code LIMIT 10) e), 'none')),
            HINT = 'Give the code of an evaluation plan.';
  END IF;
  RETURN pid;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.ranking_query(plan_id bigint, output text DEFAULT 'rows') RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  r record;
  k int := 0;
  sel text := '';
  keys text := '';
  levels_present text := '';
  stats text := '';
  cuts text := '';
  outcols text := '';
  tcols text := '';
  leaders text := '';
  cutvals text := '';
  wscale int;
  wint boolean;
  wtot numeric;
  wk text;
  kleaders text := '';
  kcols text := '';
  better text;
  reach_l text;
  reach_a text;
  reach_b text;
  tk text;
  pk text;
BEGIN
  p := frontrunner.plan_row(plan_id);
  IF output NOT IN ('rows', 'cutoffs') THEN
    RAISE EXCEPTION 'invalid value for parameter "output": "%"', output
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('The outputs of ranking_query() are rows and cutoffs; %L is neither.', output),
            HINT = 'Give ''rows'' (one row per eligible disclosure) or ''cutoffs'' (one row per core indicator).';
  END IF;
  PERFORM frontrunner.plan_publication_check(plan_id);
  -- the score's numerator, Σ weight·place, is exact: in bigint when the
  -- weights are integers after scaling by 10^wscale and their sum is small
  -- enough that Σ weight·2n fits (n < 4.6e9), else in numeric
  SELECT max(scale(trim_scale(c.weight))) INTO wscale FROM frontrunner.plan_core_indicators(plan_id) c;
  SELECT trim_scale(sum(c.weight * 10::numeric ^ wscale)) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  wint := wscale <= 6 AND wtot <= 1000000000;
  IF NOT coalesce(wint, false) THEN
    wscale := 0;
    SELECT sum(c.weight) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  END IF;

  FOR r IN SELECT c.*, c.unit AS u FROM frontrunner.plan_core_indicators(plan_id) c LOOP
    k := r.k;
    -- better-or-equal comparison of levels in this direction
    better := CASE WHEN r.direction = 'higher_better' THEN '>=' ELSE '<=' END;
    -- one pass over the disclosed indicators, grouped by disclosure: the
    -- level of each core indicator (NULL when missing or in another
    -- dimension) and, for absolute cutoffs, whether the requirement reaches them
    sel := sel || format(', min(frontrunner.comparable_level(i.requirement, %2$L::frontrunner.direction, %3$L)) FILTER (WHERE i.indicator = %4$L) AS l%1$s',
                         k, r.direction, r.u, r.indicator);
    IF r.leader_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(i.requirement OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rl%1$s', k, r.leader_cutoff, r.indicator);
    END IF;
    IF r.advanced_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(i.requirement OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS ra%1$s', k, r.advanced_cutoff, r.indicator);
    END IF;
    IF r.baseline_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(i.requirement OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rb%1$s', k, r.baseline_cutoff, r.indicator);
    END IF;
    keys := keys || CASE WHEN k > 1 THEN ', ' ELSE '' END || quote_literal(r.indicator);
    levels_present := levels_present || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('b.l%s IS NOT NULL', k);
    stats := stats || format(', frontrunner.levelset_noted(frontrunner.level_stats(b.l%1$s, %2$L::frontrunner.direction), %3$L, %4$L, %5$L) AS s%1$s',
                             k, r.direction, p.code, r.indicator, r.u);
    -- cutoffs: absolute (<@), best in market (the best level), or a fraction
    reach_l := CASE
      WHEN r.leader_cutoff IS NOT NULL THEN format('b.rl%s', k)
      WHEN p.style = 'best_in_market' THEN format('b.l%1$s = c.best%1$s', k)
      ELSE format('b.l%1$s %2$s c.lc%1$s', k, better) END;
    reach_a := CASE
      WHEN r.advanced_cutoff IS NOT NULL THEN format('b.ra%s', k)
      ELSE format('b.l%1$s %2$s c.ac%1$s', k, better) END;
    reach_b := CASE
      WHEN r.baseline_cutoff IS NOT NULL THEN format('b.rb%s', k)
      ELSE format('b.l%1$s %2$s c.bc%1$s', k, better) END;
    -- the best level: the first of the levelset (stored trimmed)
    cuts := cuts || format(', s.s%1$s, (SELECT l.level FROM frontrunner.levels(s.s%1$s) l ORDER BY l.position LIMIT 1) AS best%1$s, frontrunner.level_cutoff(s.s%1$s, %2$s) AS lc%1$s, frontrunner.level_cutoff(s.s%1$s, %3$s) AS ac%1$s, frontrunner.level_cutoff(s.s%1$s, %4$s) AS bc%1$s',
                           k, coalesce(r.leader_fraction::text, 'NULL::numeric'),
                           coalesce(r.advanced_fraction::text, 'NULL::numeric'),
                           coalesce(r.baseline_fraction::text, 'NULL::numeric'));
    -- tier reached on indicator k (the best tier whose cutoff it reaches)
    tk := format('CASE WHEN %s THEN ''leader''::frontrunner.tier WHEN %s THEN ''advanced''::frontrunner.tier WHEN %s THEN ''baseline''::frontrunner.tier ELSE ''below''::frontrunner.tier END',
                 reach_l, reach_a, reach_b);
    -- standing = place / (2·(n - 1)): places are summed, one division per disclosure
    pk := format('frontrunner.level_place(c.s%1$s, b.l%1$s)', k);
    outcols := outcols || format(', b.l%1$s, %2$s AS t%1$s, %3$s AS p%1$s', k, tk, pk);
    tcols := tcols || format(', t.l%1$s, t.t%1$s, t.p%1$s', k);
    -- leader on indicator k (the first branch of tk); leader overall on all
    leaders := leaders || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('(%s)', reach_l);
    -- cutoffs as readable requirements: the absolute cutoff, or the level with the direction's operator
    cutvals := cutvals || CASE WHEN k > 1 THEN ', ' ELSE '' END || format(
      '(%1$L, %2$L, c.n, frontrunner.level_distinct(c.s%3$s), c.best%3$s, %4$s, %5$s, %6$s)',
      r.indicator, r.u, k,
      CASE WHEN r.leader_cutoff IS NOT NULL THEN quote_literal(r.leader_cutoff::text)
           WHEN p.style = 'best_in_market' THEN format('%L || '' '' || c.best%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END)
           ELSE format('%L || '' '' || c.lc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.advanced_cutoff IS NOT NULL THEN quote_literal(r.advanced_cutoff::text)
           ELSE format('%L || '' '' || c.ac%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.baseline_cutoff IS NOT NULL THEN quote_literal(r.baseline_cutoff::text)
           ELSE format('%L || '' '' || c.bc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END);
    wk := CASE WHEN wint THEN (r.weight * 10::numeric ^ wscale)::bigint::text
               ELSE format('%s::numeric', r.weight) END;
    kleaders := kleaders || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * %s', wk, pk);
    kcols := kcols || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * t.p%s', wk, k);
  END LOOP;

  -- the shape above: b, s, c, then the rows (the leader cap computes only
  -- the leaders' keys) or the cutoffs
  RETURN format($q$
WITH b AS MATERIALIZED (
  SELECT d.id, d.enterprise, en.name AS enterprise_name, d.standard, d.published_at, p.*
  FROM (SELECT i.disclosure%1$s
        FROM frontrunner.disclosed_indicator i
        WHERE i.indicator IN (%2$s)%10$s
        GROUP BY i.disclosure) p
  JOIN frontrunner.disclosure d ON d.id = p.disclosure
  JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) d.enterprise
  WHERE d.category = %3$L AND d.status = 'published' AND d.published_at <= %4$L::timestamptz
    AND NOT EXISTS (SELECT FROM frontrunner.spot_check x JOIN frontrunner.disclosure xd ON xd.id = x.disclosure
                    WHERE xd.enterprise OPERATOR(frontrunner.=) d.enterprise AND NOT x.conforms
                      AND %4$L::timestamptz >= x.sampled_on::timestamptz
                      AND %4$L::timestamptz < (x.sampled_on + %5$s)::timestamptz)
), s AS (
  SELECT count(*) AS n%7$s FROM b WHERE %6$s
), c AS (
  SELECT s.n%8$s FROM s
)
%9$s
$q$, sel, keys, p.category, p.deadline, p.exclusion_days, levels_present, stats, cuts,
     CASE output
       WHEN 'rows' THEN format($r$
SELECT (row_number() OVER (ORDER BY q.tier, q.key DESC, q.published_at, q.id))::int AS rank, q.*,
       CASE WHEN q.n = 1 THEN 100::numeric
            ELSE trim_scale(round(100 * q.key::numeric(1000, 20) / ((2 * (q.n - 1))::numeric * %2$s), 20)) END AS score
  -- (consumers ORDER BY the same keys as the window, so the rows are sorted once;
  -- the score is computed after the sort, from the exact key, to 20 decimals
  -- like the standings)
FROM (
  -- the sort keys first: the sort compares them without walking the
  -- variable-width columns
  SELECT CASE WHEN t.tier0 = 'leader'::frontrunner.tier AND t.key < (
                SELECT %1$s
                FROM b CROSS JOIN c
                WHERE %3$s AND %4$s
                ORDER BY 1 DESC OFFSET %5$s LIMIT 1)
              THEN 'advanced'::frontrunner.tier ELSE t.tier0 END AS tier,
         t.key, t.published_at, t.id, t.tier0, t.n, t.enterprise, t.enterprise_name, t.standard%9$s
  FROM (
    SELECT t.*, GREATEST(%7$s) AS tier0, %8$s AS key
    FROM (
      SELECT b.id, b.enterprise, b.enterprise_name, b.standard, b.published_at%6$s, c.n
      FROM b CROSS JOIN c
      WHERE %3$s
      OFFSET 0
    ) t
  ) t
) q
$r$, kleaders, wtot, levels_present, leaders, p.leader_cap - 1, outcols,
     (SELECT string_agg(format('t.t%s', i), ', ') FROM generate_series(1, k) i), kcols, tcols)
       WHEN 'cutoffs' THEN format('SELECT v.* FROM c CROSS JOIN LATERAL (VALUES %s) v(indicator, unit, eligible, distinct_levels, best, leader_cutoff, advanced_cutoff, baseline_cutoff)', cutvals)
     END,
     -- the grouped pass reads the disclosed indicators with the plan's keys;
     -- when another category also has one of these keys, it first keeps
     -- only the candidate disclosures' rows (the join to d below filters
     -- them in any case, so this only saves grouping rows of no use)
     CASE WHEN EXISTS (SELECT FROM frontrunner.indicator_def f
                       WHERE f.category <> p.category
                         AND f.key IN (SELECT c.indicator FROM frontrunner.plan_core_indicators(plan_id) c))
          THEN format($x$
          AND i.disclosure IN (SELECT x.id FROM frontrunner.disclosure x
                               WHERE x.category = %1$L AND x.status = 'published' AND x.published_at <= %2$L::timestamptz)$x$,
                      p.category, p.deadline)
          ELSE '' END);
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.eligibility(plan_code text)
RETURNS TABLE (disclosure bigint, eligible boolean, reason text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
BEGIN
  p := frontrunner.plan_row(frontrunner.plan_id(plan_code));
  RETURN QUERY
  WITH pi AS (
    SELECT c.indicator, c.direction, c.unit AS u FROM frontrunner.plan_core_indicators(p.id) c
  )
  SELECT d.id, r.reasons IS NULL, r.reasons
  FROM frontrunner.disclosure d
  CROSS JOIN LATERAL (
    SELECT string_agg(v.reason, '; ' ORDER BY v.ord) AS reasons FROM (
      SELECT 1 AS ord, CASE WHEN d.status <> 'published' THEN 'status ' || d.status END AS reason
      UNION ALL
      SELECT 2, CASE WHEN d.published_at > p.deadline
                     THEN format('published %s, after the deadline %s', d.published_at, p.deadline) END
      UNION ALL
      SELECT 3, 'core indicator(s) not disclosed: ' || string_agg(pi.indicator, ', ' ORDER BY pi.indicator)
      FROM pi
      WHERE NOT EXISTS (SELECT FROM frontrunner.disclosed_indicator di
                        WHERE di.disclosure = d.id AND di.indicator = pi.indicator)
      HAVING count(*) > 0
      UNION ALL
      SELECT 4, string_agg(format('%s: %s has no level in %s (%s)', pi.indicator, di.requirement,
                                  quote_literal(pi.u), pi.direction), ', ' ORDER BY pi.indicator)
      FROM pi JOIN frontrunner.disclosed_indicator di ON di.disclosure = d.id AND di.indicator = pi.indicator
      WHERE pi.u IS NOT NULL
        AND (NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(di.requirement), pi.u), pi.u)
             OR frontrunner.level(di.requirement, pi.direction, pi.u) IS NULL)
      HAVING count(*) > 0
      UNION ALL
      SELECT 5, (SELECT format('enterprise excluded: failing spot check %s of disclosure %s (%s) sampled on %s excludes it until %s',
                               x.id, x.disclosure, x.indicator, x.sampled_on, x.sampled_on + p.exclusion_days)
                 FROM frontrunner.spot_check x JOIN frontrunner.disclosure xd ON xd.id = x.disclosure
                 WHERE xd.enterprise OPERATOR(frontrunner.=) d.enterprise AND NOT x.conforms
                   AND p.deadline >= x.sampled_on::timestamptz
                   AND p.deadline < (x.sampled_on + p.exclusion_days)::timestamptz
                 ORDER BY x.sampled_on DESC, x.id DESC LIMIT 1)
    ) v
  ) r
  WHERE d.category = p.category
  ORDER BY d.id;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.ranking_publisher_check(plan_code text) RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  caller name := frontrunner.invoker();
  p record;
  mine text;
BEGIN
  -- regulators, and the owner of the extension's tables (the DBA; superusers)
  IF frontrunner.role_in_group(caller, 'frontrunner_regulator')
     OR pg_has_role(caller, (SELECT c.relowner FROM pg_class c
                             WHERE c.oid = 'frontrunner.evaluation_plan'::regclass), 'MEMBER') THEN
    RETURN;
  END IF;
  SELECT e.code, e.agency, e.status INTO p FROM frontrunner.evaluation_plan e WHERE e.code = plan_code;
  mine := frontrunner.account_agency(caller);
  IF FOUND AND p.agency = mine THEN
    RETURN;
  END IF;
  IF NOT FOUND OR p.status = 'draft' THEN
    -- as plan_id() would say to the caller, who does not see other agencies' drafts
    RAISE EXCEPTION 'no evaluation plan "%"', plan_code
      USING ERRCODE = 'P0002',
            DETAIL = format('No row of table evaluation_plan that the caller can see has code %L.', plan_code),
            HINT = 'Give the code of an evaluation plan your agency owns.';
  END IF;
  RAISE EXCEPTION 'permission denied to publish the ranking of plan %', p.code
    USING ERRCODE = 'insufficient_privilege',
          DETAIL = format('Plan %s belongs to agency %s; role %s acts for %s.', p.code, p.agency, caller,
                          coalesce('agency ' || mine, 'no agency (no row in account)')),
          HINT = 'Only the agency that owns a plan (or a regulator) publishes its ranking.';
END
$$;

DROP TRIGGER spot_check_20_revoke ON @extschema@.spot_check;

CREATE TRIGGER spot_check_20_revoke AFTER INSERT OR UPDATE OF conforms, measured, method ON @extschema@.spot_check
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.spot_check'::pg_catalog.regclass) AND (NOT NEW.conforms)) EXECUTE FUNCTION @extschema@.spot_check_revoke();

CREATE OR REPLACE FUNCTION @extschema@.leaders_json(plan_code text) RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  rid bigint;
  out jsonb;
BEGIN
  p := frontrunner.plan_row(frontrunner.plan_id(plan_code));
  SELECT max(r.id) INTO rid FROM frontrunner.ranking r WHERE r.plan = p.id;
  IF rid IS NULL THEN
    RAISE EXCEPTION 'plan % has no published ranking', p.code
      USING ERRCODE = 'P0002',
            DETAIL = format('Plan %s (status %s) has no row in ranking.', p.code, p.status),
            HINT = 'Publish one with publish_ranking(plan_code).';
  END IF;
  SELECT jsonb_build_object(
           'plan', jsonb_build_object('code', p.code, 'title', p.title, 'agency', p.agency,
                                      'category', p.category, 'category_name', c.name,
                                      'deadline', p.deadline, 'status', p.status),
           'ranking', jsonb_build_object('id', r.id, 'published_at', r.published_at,
                                         'eligible', r.eligible),
           'leaders', coalesce((
             SELECT jsonb_agg(jsonb_build_object(
                      'rank', e.rank, 'score', e.score,
                      'enterprise', jsonb_build_object('uscc', e.enterprise::text, 'name', en.name),
                      'disclosure', e.disclosure, 'product', d.product, 'standard', d.standard::text,
                      'levels', e.levels) ORDER BY e.rank)
             FROM frontrunner.ranking_entry e
             JOIN frontrunner.disclosure d ON d.id = e.disclosure
             JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) e.enterprise
             WHERE e.ranking = r.id AND e.tier = 'leader' AND e.revoked_at IS NULL), '[]'::jsonb),
           'revoked', coalesce((
             SELECT jsonb_agg(jsonb_build_object(
                      'rank', e.rank, 'enterprise', jsonb_build_object('uscc', e.enterprise::text, 'name', en.name),
                      'disclosure', e.disclosure, 'revoked_at', e.revoked_at, 'reason', e.revoke_reason)
                      ORDER BY e.rank)
             FROM frontrunner.ranking_entry e
             JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) e.enterprise
             WHERE e.ranking = r.id AND e.revoked_at IS NOT NULL), '[]'::jsonb))
  INTO out
  FROM frontrunner.ranking r JOIN frontrunner.category c ON c.code = p.category
  WHERE r.id = rid;
  RETURN out;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.feedback_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  s record;
  verdict text;
  moving text[] := '{status,reviewed_at,decided_at,decided_by,decision_note}';
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'received' THEN
      PERFORM frontrunner.feedback_error('a report is filed with status received',
        format('Report filed with status %s.', NEW.status),
        'Leave status out: the regulator moves it to under_review and decides it.', 'status');
    END IF;
    IF NEW.decision_note IS NOT NULL OR NEW.decided_by IS NOT NULL THEN
      PERFORM frontrunner.feedback_error('a report is filed without a decision',
        format('The report was filed with decision_note %L and decided_by %L.', NEW.decision_note, NEW.decided_by),
        'The regulator writes the decision when deciding the report.', 'decision_note');
    END IF;
    NEW.measured_conforms := NULL;
    IF NEW.disclosure IS NOT NULL THEN
      SELECT * INTO s FROM frontrunner.feedback_subject(NEW.disclosure, NEW.indicator);
      IF NOT FOUND THEN
        PERFORM frontrunner.feedback_error(format('no published disclosure %s', NEW.disclosure),
          format('Disclosure %s does not exist or is not published.', NEW.disclosure),
          'Reports are about disclosures on the public record (published, withdrawn or superseded), or about an enterprise (column enterprise).', 'disclosure');
      END IF;
      IF NEW.enterprise IS NULL THEN
        NEW.enterprise := s.enterprise;
      ELSIF NOT (NEW.enterprise OPERATOR(frontrunner.=) s.enterprise) THEN
        PERFORM frontrunner.feedback_error(format('disclosure %s is not a disclosure of enterprise %s', NEW.disclosure, NEW.enterprise),
          format('Disclosure %s belongs to enterprise %s; the report names enterprise %s.', NEW.disclosure, s.enterprise, NEW.enterprise),
          'Leave enterprise out when the report is about a disclosure: it is taken from the disclosure.', 'enterprise');
      END IF;
      IF NEW.indicator IS NOT NULL THEN
        IF s.requirement IS NULL THEN
          PERFORM frontrunner.feedback_error(format('disclosure %s does not disclose indicator "%s"', NEW.disclosure, NEW.indicator),
            format('Disclosed indicators of %s: %s.', NEW.disclosure, coalesce(s.indicators, 'none')),
            'Name one of the disclosed indicators, or leave indicator out.', 'indicator');
        END IF;
        IF NEW.measured IS NOT NULL THEN
          verdict := frontrunner.compare(NEW.measured, s.requirement);
          IF verdict = 'incomparable' THEN
            PERFORM frontrunner.feedback_error(format('measured value %s cannot be compared with the disclosed requirement %s', NEW.measured, s.requirement),
              format('Measured: %s; disclosed requirement of %s: %s (different dimensions).', NEW.measured, NEW.indicator, s.requirement),
              'Give the measured value in a unit of the same quantity as the requirement.', 'measured');
          END IF;
          NEW.measured_conforms := frontrunner.satisfies(NEW.measured, s.requirement);
        END IF;
      END IF;
    END IF;
    NEW.filed_by := current_user;
    NEW.received_at := now();
    NEW.reviewed_at := NULL;
    NEW.decided_at := NULL;
    RETURN NEW;
  END IF;

  -- UPDATE: the regulator moves the workflow; the report itself never changes
  IF NOT frontrunner.is_regulator() THEN
    RAISE EXCEPTION 'permission denied: only a regulator moves the feedback workflow'
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('Role %s updated report %s (status %s).', current_user, OLD.id, OLD.status),
            HINT = 'Reports are decided by members of frontrunner_regulator.', TABLE = 'feedback';
  END IF;
  IF (pg_catalog.to_jsonb(NEW) - moving) <> (pg_catalog.to_jsonb(OLD) - moving) THEN
    PERFORM frontrunner.feedback_error(format('the content of report %s cannot be changed', OLD.id),
      format('Report %s: UPDATE of %s refused.', OLD.id,
             (SELECT string_agg(n.k, ', ' ORDER BY n.k) FROM jsonb_each(pg_catalog.to_jsonb(NEW) - moving) n(k, v)
              WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k)),
      'A report stays as filed; only status and decision_note move.', NULL);
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;  -- a no-op UPDATE changes nothing
  END IF;
  NEW.reviewed_at := OLD.reviewed_at;
  NEW.decided_at := OLD.decided_at;
  NEW.decided_by := OLD.decided_by;
  IF OLD.status = 'received' AND NEW.status = 'under_review' AND NEW.decision_note IS NOT DISTINCT FROM OLD.decision_note THEN
    NEW.reviewed_at := now();
    RETURN NEW;
  END IF;
  IF OLD.status = 'under_review' AND NEW.status IN ('substantiated', 'unsubstantiated') THEN
    IF coalesce(btrim(NEW.decision_note), '') = '' THEN
      PERFORM frontrunner.feedback_error(format('deciding report %s needs a decision note', OLD.id),
        format('Report %s: %s → %s with decision_note %L.', OLD.id, OLD.status, NEW.status, NEW.decision_note),
        'Set decision_note (the reasons) in the same UPDATE.', 'decision_note');
    END IF;
    NEW.decided_at := now();
    NEW.decided_by := current_user;
    RETURN NEW;
  END IF;
  PERFORM frontrunner.feedback_error(format('report %s cannot go from %s to %s', OLD.id, OLD.status, NEW.status),
    format('Report %s: status %s → %s%s.', OLD.id, OLD.status, NEW.status,
           CASE WHEN NEW.decision_note IS DISTINCT FROM OLD.decision_note AND OLD.status = NEW.status
                THEN ', decision_note changed' ELSE '' END),
    CASE WHEN OLD.status IN ('substantiated', 'unsubstantiated')
         THEN 'A decided report is final; a new report can be filed.'
         ELSE 'The workflow is received → under_review → substantiated | unsubstantiated; decision_note is written with the decision.' END,
    'status');
  RETURN NULL;
END
$$;

COMMENT ON FUNCTION @extschema@.feedback_before_write() IS
  'trigger: the feedback workflow — filed as received (subject checked: a non-draft disclosure, its enterprise, a disclosed indicator, a commensurable measured value; timestamps and filed_by set by the database); only a regulator moves it, received → under_review → substantiated | unsubstantiated (decision note required, decided_at/by stamped); the report''s content never changes (FR008, 42501); DELETE is refused by refuse_change()';

DROP TRIGGER feedback_10_write ON @extschema@.feedback;

CREATE TRIGGER feedback_10_write BEFORE INSERT OR UPDATE ON @extschema@.feedback
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.feedback'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.feedback_before_write();

CREATE TRIGGER feedback_10_guard BEFORE DELETE ON @extschema@.feedback
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR008',
    'feedback workflow: report {id} cannot be deleted',
    'Report {id} ({reporter_kind}, status {status}) refused: {op}.',
    'Reports are kept; the regulator decides them substantiated or unsubstantiated.');

DROP TRIGGER feedback_30_truncate ON @extschema@.feedback;

CREATE TRIGGER feedback_30_truncate BEFORE TRUNCATE ON @extschema@.feedback
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR008');

COMMENT ON COLUMN @extschema@.spot_check_request.enterprise IS 'the disclosure''s enterprise (the tenant), filled by the database when not written; the foreign key to disclosure (enterprise, id) keeps it the disclosure''s';

CREATE TRIGGER spot_check_request_15_tenant BEFORE INSERT OR UPDATE OF disclosure, enterprise ON @extschema@.spot_check_request
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.spot_check_request'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.tenant_fill('disclosure', 'spot_check_request_disclosure_fkey');

CREATE OR REPLACE FUNCTION @extschema@.spot_check_request_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  f record;
  d record;
  c record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT x.id, x.status, x.disclosure, x.enterprise, x.indicator INTO f
    FROM frontrunner.feedback x WHERE x.id = NEW.feedback FOR SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no report with id %', NEW.feedback
        USING ERRCODE = 'P0002', DETAIL = format('No row of table feedback has id %s (spot_check_request.feedback).', NEW.feedback),
              HINT = 'See table feedback.', TABLE = 'spot_check_request', COLUMN = 'feedback';
    END IF;
    IF f.status <> 'substantiated' THEN
      PERFORM frontrunner.feedback_error(format('report %s is not substantiated', f.id),
        format('Report %s has status %s.', f.id, f.status),
        'Only a substantiated report requests a spot check: decide it first.', 'feedback');
    END IF;
    NEW.disclosure := coalesce(NEW.disclosure, f.disclosure);
    NEW.indicator := coalesce(NEW.indicator, f.indicator);
    IF NEW.disclosure IS NULL OR NEW.indicator IS NULL THEN
      PERFORM frontrunner.feedback_error(format('the spot check requested on report %s needs a disclosure and an indicator', f.id),
        format('Report %s names disclosure %s and indicator %s; the request names %s and %s.', f.id,
               coalesce(f.disclosure::text, '-'), coalesce(f.indicator, '-'),
               coalesce(NEW.disclosure::text, '-'), coalesce(NEW.indicator, '-')),
        'Give disclosure and indicator in the request when the report does not name them.', 'disclosure');
    END IF;
    SELECT x.enterprise, x.status,
           (SELECT string_agg(i.indicator, ', ' ORDER BY i.indicator) FROM frontrunner.disclosed_indicator i WHERE i.disclosure = x.id) AS indicators,
           EXISTS (SELECT FROM frontrunner.disclosed_indicator i WHERE i.disclosure = x.id AND i.indicator = NEW.indicator) AS disclosed
      INTO d
    FROM frontrunner.disclosure x WHERE x.id = NEW.disclosure;
    IF NOT FOUND OR d.status = 'draft' OR NOT (d.enterprise OPERATOR(frontrunner.=) f.enterprise) THEN
      PERFORM frontrunner.feedback_error(format('disclosure %s is not a published disclosure of enterprise %s', NEW.disclosure, f.enterprise),
        format('Report %s is about enterprise %s; disclosure %s: %s.', f.id, f.enterprise, NEW.disclosure,
               CASE WHEN d.status IS NULL THEN 'no such disclosure'
                    ELSE format('enterprise %s, status %s', d.enterprise, d.status) END),
        'A spot check requested on a report checks a published disclosure of the enterprise reported.', 'disclosure');
    END IF;
    IF NOT d.disclosed THEN
      PERFORM frontrunner.feedback_error(format('disclosure %s does not disclose indicator "%s"', NEW.disclosure, NEW.indicator),
        format('Disclosed indicators of %s: %s.', NEW.disclosure, coalesce(d.indicators, 'none')),
        'A spot check measures a disclosed indicator.', 'indicator');
    END IF;
    IF NEW.spot_check IS NOT NULL THEN
      PERFORM frontrunner.feedback_error('a spot check request is entered open',
        format('The request was inserted with spot_check %s.', NEW.spot_check),
        'Insert the request, then link the spot check with UPDATE … SET spot_check = id once it is recorded.', 'spot_check');
    END IF;
    NEW.requested_at := now();
    NEW.requested_by := current_user;
    NEW.done_at := NULL;
    RETURN NEW;
  END IF;

  -- UPDATE: only the link to the spot check that answers the request, once
  IF OLD.spot_check IS NULL AND NEW.spot_check IS NOT NULL
     AND (pg_catalog.to_jsonb(NEW) - '{spot_check,done_at}'::text[]) = (pg_catalog.to_jsonb(OLD) - '{spot_check,done_at}'::text[]) THEN
    SELECT x.id, x.disclosure, x.indicator, x.sampled_on INTO c FROM frontrunner.spot_check x WHERE x.id = NEW.spot_check;
    IF FOUND AND (c.disclosure <> OLD.disclosure OR c.indicator <> OLD.indicator OR c.sampled_on < OLD.requested_at::date) THEN
      PERFORM frontrunner.feedback_error(format('spot check %s does not answer request %s', c.id, OLD.id),
        format('Request %s: disclosure %s, %s, requested %s; spot check %s: disclosure %s, %s, sampled on %s.',
               OLD.id, OLD.disclosure, OLD.indicator, OLD.requested_at, c.id, c.disclosure, c.indicator, c.sampled_on),
        'Link a spot check of the requested disclosure and indicator, sampled on or after the request.', 'spot_check');
    END IF;
    NEW.done_at := now();
    RETURN NEW;
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;
  END IF;
  PERFORM frontrunner.feedback_error(format('spot check request %s cannot be changed', OLD.id),
    format('Request %s (%s): UPDATE of %s refused.', OLD.id,
           CASE WHEN OLD.spot_check IS NULL THEN 'open' ELSE 'answered by spot check ' || OLD.spot_check END,
           (SELECT string_agg(n.k, ', ' ORDER BY n.k) FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
            WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k)),
    'An open request only gets its spot check linked (UPDATE … SET spot_check = id); an answered request is final.', NULL);
  RETURN NULL;
END
$$;

COMMENT ON FUNCTION @extschema@.spot_check_request_before_write() IS
  'trigger: a spot check is requested only on a substantiated report, for a published disclosure of the reported enterprise and a disclosed indicator (defaults: the report''s); the only change is linking, once, a spot check of that disclosure and indicator sampled on or after the request (done_at stamped) (FR008); DELETE is refused by refuse_change()';

DROP TRIGGER spot_check_request_10_write ON @extschema@.spot_check_request;

CREATE TRIGGER spot_check_request_10_write BEFORE INSERT OR UPDATE ON @extschema@.spot_check_request
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.spot_check_request'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.spot_check_request_before_write();

CREATE TRIGGER spot_check_request_10_guard BEFORE DELETE ON @extschema@.spot_check_request
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR008',
    'feedback workflow: spot check request {id} cannot be deleted',
    'Request {id} (report {feedback}, disclosure {disclosure}, {indicator}) refused: {op}.',
    'Requests are kept; link the spot check that answers it (UPDATE … SET spot_check = id).');

DROP TRIGGER spot_check_request_30_truncate ON @extschema@.spot_check_request;

CREATE TRIGGER spot_check_request_30_truncate BEFORE TRUNCATE ON @extschema@.spot_check_request
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR008');


CREATE OR REPLACE FUNCTION @extschema@.setup_roles()
RETURNS TABLE (kind text, object text, class text, grantee text, privileges text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  g text;
  r record;
  s record;
  unclassified text;
BEGIN
  SELECT string_agg(p.kind || ' ' || p.ident, ', ' ORDER BY p.kind, p.ident) INTO unclassified
  FROM frontrunner.security_plan() p WHERE p.class IS NULL;
  IF unclassified IS NOT NULL THEN
    RAISE EXCEPTION 'objects without a security class: %', unclassified
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Every table, view, sequence and function of the extension needs a class in frontrunner.security_objects().',
            HINT = 'Add a row (kind, name, class) to security_objects() in sql/install/90_security.sql, with the class whose grants in security_classes() fit who may use the object.';
  END IF;

  FOREACH g IN ARRAY ARRAY['frontrunner_regulator', 'frontrunner_agency', 'frontrunner_enterprise', 'frontrunner_reader'] LOOP
    PERFORM FROM pg_catalog.pg_roles x WHERE x.rolname = g;
    IF NOT FOUND THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', g);
      EXECUTE format('COMMENT ON ROLE %I IS %L', g, 'frontrunner group role, created by frontrunner.setup_roles()');
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA frontrunner TO %I', g);
  END LOOP;

  FOR r IN SELECT p.* FROM frontrunner.security_plan() p ORDER BY p.kind, p.ident LOOP
    -- start from nothing for PUBLIC and the four group roles, then grant
    EXECUTE format('REVOKE ALL ON %s %s FROM PUBLIC, frontrunner_regulator, frontrunner_agency, frontrunner_enterprise, frontrunner_reader',
                   CASE r.kind WHEN 'function' THEN 'ROUTINE' WHEN 'sequence' THEN 'SEQUENCE' ELSE 'TABLE' END, r.ident);
    FOR s IN
      SELECT c.grantee, c.privileges FROM frontrunner.security_classes() c
      WHERE c.class = r.class AND c.grantee IS NOT NULL ORDER BY c.grantee
    LOOP
      EXECUTE format('GRANT %s ON %s %s TO %s', s.privileges,
                     CASE r.kind WHEN 'function' THEN 'ROUTINE' WHEN 'sequence' THEN 'SEQUENCE' ELSE 'TABLE' END,
                     r.ident, CASE WHEN s.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(s.grantee) END);
      kind := r.kind; object := r.ident; class := r.class; grantee := s.grantee; privileges := s.privileges;
      RETURN NEXT;
    END LOOP;
  END LOOP;
END
$$;

-- CREATE OR REPLACE reset what ALTER FUNCTION had set
ALTER FUNCTION @extschema@.disclosure_after_statement() SECURITY DEFINER;

DROP FUNCTION @extschema@.check_mandatory_floor(category text, indicator text, requirement @extschema@.indicator);

DROP FUNCTION @extschema@.disclosure_event_guard();

DROP FUNCTION @extschema@.ranking_guard();

DROP FUNCTION @extschema@.ranking_entry_guard();

DROP FUNCTION @extschema@.plan_review_before_write();


-- issue 17: standard numbers and credit codes as real catalogues print them --
-- No stored format changes: every stdcode 0.1.0 accepted keeps its canonical
-- text, sort key, kind and nature (the forms added were all refused by
-- 0.1.0), and a uscc is its 18 characters as before.  The binary inputs read
-- their text as text input does (the module); their comments say so.
COMMENT ON FUNCTION @extschema@.uscc_recv(internal) IS 'uscc binary input (version byte, 18 characters): the text read and checked as text input (client encoding, 22021; 22P02), a wrong check character kept as unchecked';
COMMENT ON FUNCTION @extschema@.stdcode_recv(internal) IS 'stdcode binary input (version byte 1, then the text): read and checked as text input (client encoding, 22021; normalised; 22P02)';

-- superseding another enterprise's disclosure names the real reason
CREATE OR REPLACE FUNCTION @extschema@.disclosure_before_update() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  prev record;
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
      FROM frontrunner.disclosure d WHERE d.id = NEW.supersedes
      FOR UPDATE;
      IF NOT FOUND THEN
        -- FOR UPDATE sees only the rows the caller may update (RLS): another
        -- enterprise's disclosure that the caller may read (not a draft) is
        -- found without the lock, and its owner is the reason, not its status
        SELECT d.status, d.enterprise, d.category INTO prev
        FROM frontrunner.disclosure d WHERE d.id = NEW.supersedes;
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
    NEW.published_at := now();
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
    NEW.withdrawn_at := now();
    RETURN NEW;
  END IF;

  IF OLD.status = 'published' AND NEW.status = 'superseded'
     AND (pg_catalog.to_jsonb(NEW) - 'status') = (pg_catalog.to_jsonb(OLD) - 'status')
     AND EXISTS (SELECT FROM frontrunner.disclosure s
                 WHERE s.supersedes = OLD.id AND s.status = 'published') THEN
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

-- 0.1.0 accepted letters in positions 3-8 of a uscc; 0.2.0 refuses them, so
-- such a stored code still reads but would not load again (a dump of it
-- does not restore).  Say which ones, so that the DBA corrects them.
DO $$
DECLARE
  r record;
  bad text[];
BEGIN
  FOR r IN
    SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) AS tbl, a.attname AS col
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_class c ON c.oid = d.objid AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e'
      AND d.refobjid = (SELECT x.oid FROM pg_catalog.pg_extension x WHERE x.extname = 'frontrunner')
      AND c.relkind IN ('r', 'p') AND a.atttypid = 'frontrunner.uscc'::pg_catalog.regtype
    ORDER BY 1, 2
  LOOP
    EXECUTE pg_catalog.format(
      'SELECT pg_catalog.array_agg(DISTINCT v) FROM (SELECT %1$I::text AS v FROM %2$s
         WHERE pg_catalog.substr(%1$I::text, 3, 6) !~ ''^[0-9]{6}$'' LIMIT 20) s', r.col, r.tbl)
      INTO bad;
    IF bad IS NOT NULL THEN
      RAISE WARNING '%.% holds unified social credit codes with a letter in positions 3-8: %', r.tbl, r.col,
                    pg_catalog.array_to_string(bad, ', ')
        USING DETAIL = 'Positions 3-8 are the GB/T 2260 division code, digits only; 0.2.0 refuses these codes as input, so a dump of these rows will not restore.',
              HINT = 'Correct the codes (UPDATE … SET ' || r.col || ' = ''…'') or remove the rows; frontrunner.uscc_weak does not accept them.';
    END IF;
  END LOOP;
END
$$;

-- issue 18: clients, BI tools and the search path ------------------------
-- casts from text and varchar implicit (text -> uscc and text -> stdcode were
-- assignment casts: dropped and created again), text <-> indicator added

DROP CAST (text AS @extschema@.uscc);

DROP CAST (text AS @extschema@.stdcode);

CREATE CAST (text AS @extschema@.uscc) WITH INOUT AS IMPLICIT;

CREATE CAST (varchar AS @extschema@.uscc) WITH INOUT AS IMPLICIT;

CREATE CAST (text AS @extschema@.stdcode) WITH INOUT AS IMPLICIT;

CREATE CAST (varchar AS @extschema@.stdcode) WITH INOUT AS IMPLICIT;

CREATE CAST (text AS @extschema@.indicator) WITH INOUT AS IMPLICIT;

CREATE CAST (varchar AS @extschema@.indicator) WITH INOUT AS IMPLICIT;

CREATE CAST (@extschema@.indicator AS text) WITH INOUT AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.uscc) IS 'validates: NFKC, upper case, check character';

COMMENT ON CAST (varchar AS @extschema@.uscc) IS 'validates as text input (a driver''s varchar parameter)';

COMMENT ON CAST (text AS @extschema@.stdcode) IS 'validates and canonicalises a standard number (22P02 when malformed)';

COMMENT ON CAST (varchar AS @extschema@.stdcode) IS 'validates as text input (a driver''s varchar parameter)';

COMMENT ON CAST (text AS @extschema@.indicator) IS 'validates and reads the requirement as indicator input does (22P02 with the position)';

COMMENT ON CAST (varchar AS @extschema@.indicator) IS 'validates as text input (a driver''s varchar parameter)';

COMMENT ON CAST (@extschema@.indicator AS text) IS 'the canonical style (to_text(x, ''canonical''))';

CREATE OR REPLACE FUNCTION @extschema@.progress() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN coalesce(pg_catalog.current_setting('frontrunner.progress', true), 'off') IN ('notice', 'log');

COMMENT ON FUNCTION @extschema@.progress() IS
  'whether long calls report their progress (frontrunner.progress is notice or log)';

CREATE OR REPLACE FUNCTION @extschema@.progress(message text) RETURNS void
LANGUAGE plpgsql STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  CASE pg_catalog.current_setting('frontrunner.progress', true)
    WHEN 'notice' THEN RAISE NOTICE 'progress: %', message;
    WHEN 'log' THEN RAISE LOG 'progress: %', message;
    ELSE NULL;
  END CASE;
END
$$;

COMMENT ON FUNCTION @extschema@.progress(text) IS
  'reports a phase of a long call as "progress: message": a NOTICE when frontrunner.progress = notice, a LOG line when log, nothing when off';

-- the reader's views in plain column types over typed views: their column
-- types change, so they and the views over them are created again

DROP VIEW @extschema@.category_report, @extschema@.district_report, @extschema@.benchmark_profile,
  @extschema@.benchmark_gap, @extschema@.benchmark_summary, @extschema@.benchmark_pair,
  @extschema@.benchmark_requirement, @extschema@.standard_latest, @extschema@.requirement_in_force;

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

CREATE OR REPLACE FUNCTION @extschema@.indicator_violations(rows @extschema@.disclosed_indicator[], publication boolean)
RETURNS TABLE (disclosure bigint, step int, indicator text, standard @extschema@.stdcode, rule text,
               sqlstate text, message text, detail text, hint text, table_name text, column_name text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
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
  -- Hash joins over the rows, the floors in force computed once.
  WITH n AS MATERIALIZED (
    SELECT r.disclosure, r.indicator, r.requirement, d.status, d.category,
           coalesce(btrim(d.below_recommended_statement), '') = '' AS no_statement
    FROM pg_catalog.unnest(rows) r
    JOIN frontrunner.disclosure d ON d.id = r.disclosure
  ), defs AS MATERIALIZED (
    SELECT x.category, x.key
    FROM frontrunner.indicator_def x WHERE x.category IN (SELECT DISTINCT n.category FROM n)
  ), floors AS MATERIALIZED (
    SELECT f.category, f.indicator, f.standard, f.nature, f.requirement
    FROM frontrunner.requirement_in_force_typed f
    WHERE f.nature = 'mandatory'
       OR (publication AND f.nature = 'recommended' AND f.kind IN ('national', 'industry'))
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
  ORDER BY v.disclosure, v.step, v.indicator, v.standard
$$;

CREATE OR REPLACE FUNCTION @extschema@.import_disclosures(publish boolean DEFAULT true)
RETURNS TABLE (source_ref text, line bigint, disclosure bigint, outcome text,
               sqlstate text, message text, detail text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  g record;
  r record;
  hdr record;
  row_errors int;
  bad_lines bigint[];
  cur_line bigint;
  new_id bigint;
  prev_id bigint;
  v_uscc frontrunner.uscc;
  v_std frontrunner.stdcode;
  v_req frontrunner.indicator;
  v_tm frontrunner.stdcode;
  e_state text;
  e_msg text;
  e_detail text;
  -- progress (frontrunner.progress): disclosures staged, done so far
  report boolean := frontrunner.progress();
  t0 timestamptz := clock_timestamp();
  total bigint;
  done bigint := 0;
BEGIN
  IF report THEN
    SELECT count(*), sum(x.n) INTO total, e_msg
    FROM (SELECT count(*) AS n FROM frontrunner.disclosure_import s GROUP BY s.source_ref) x;
    PERFORM frontrunner.progress(format('import_disclosures(): %s disclosures in %s staged rows', total, coalesce(e_msg, '0')));
  END IF;
  FOR g IN
    SELECT s.source_ref AS ref, array_agg(s.line ORDER BY s.line) AS lines,
           count(DISTINCT (s.uscc, s.enterprise_name, s.category, s.product, s.standard,
                           s.supersedes_ref, s.below_recommended_statement, s.published)) AS variants
    FROM frontrunner.disclosure_import s
    GROUP BY s.source_ref
    ORDER BY min(s.line)
  LOOP
    IF report AND done > 0 AND done % 1000 = 0 THEN
      PERFORM frontrunner.progress(format('import_disclosures(): %s of %s disclosures done in %s s',
                                          done, total, round(extract(epoch FROM clock_timestamp() - t0), 3)));
    END IF;
    done := done + 1;
    source_ref := g.ref;
    disclosure := NULL;

    IF g.ref IS NULL OR btrim(g.ref) = '' THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := '23502';
        message := 'source_ref is required';
        detail := 'Rows of one disclosure share its platform identifier in column source_ref.';
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;
    IF g.variants > 1 THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := '22023';
        message := format('rows of disclosure %s disagree on the disclosure columns', g.ref);
        detail := 'uscc, enterprise_name, category, product, standard, supersedes_ref, below_recommended_statement and published must be equal on every row of one source_ref.';
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;

    -- values: every row checked, every bad one reported
    row_errors := 0;
    bad_lines := '{}';
    SELECT s.* INTO hdr FROM frontrunner.disclosure_import s WHERE s.line = g.lines[1];
    BEGIN
      v_uscc := hdr.uscc::frontrunner.uscc;
      v_std := hdr.standard::frontrunner.stdcode;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
      line := g.lines[1]; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
      RETURN NEXT;
      row_errors := row_errors + 1;
      bad_lines := bad_lines || g.lines[1];
    END;
    FOR r IN SELECT s.* FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines) ORDER BY s.line LOOP
      BEGIN
        v_req := r.requirement::frontrunner.indicator;
        v_tm := r.test_method::frontrunner.stdcode;
      EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
        line := r.line; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
        RETURN NEXT;
        row_errors := row_errors + 1;
        bad_lines := bad_lines || r.line;
      END;
    END LOOP;
    IF row_errors > 0 THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        CONTINUE WHEN cur_line = ANY (bad_lines);
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := NULL;
        message := format('disclosure %s not imported: %s other row(s) of it are invalid', g.ref, row_errors);
        detail := NULL;
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;

    -- the disclosure, through the rules, in its own subtransaction
    cur_line := NULL;
    BEGIN
      prev_id := NULL;
      IF hdr.supersedes_ref IS NOT NULL THEN
        SELECT d.id INTO prev_id FROM frontrunner.disclosure d WHERE d.source_ref = hdr.supersedes_ref;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'previous version % is not in the registry', hdr.supersedes_ref
            USING ERRCODE = 'FR005',
                  DETAIL = format('Disclosure %s supersedes %s, which has not been imported.', g.ref, hdr.supersedes_ref),
                  HINT = 'Import the previous version first (or leave supersedes_ref empty).';
        END IF;
      END IF;
      -- a name creates the enterprise or renames it; without one the
      -- enterprise must exist (the foreign key says so otherwise)
      IF nullif(btrim(hdr.enterprise_name), '') IS NOT NULL THEN
        INSERT INTO frontrunner.enterprise AS e (uscc, name)
        VALUES (v_uscc, btrim(hdr.enterprise_name))
        ON CONFLICT ON CONSTRAINT enterprise_pkey DO UPDATE SET name = EXCLUDED.name
          WHERE e.name IS DISTINCT FROM EXCLUDED.name;
      END IF;
      INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes,
                                          below_recommended_statement, source_ref, source_published)
      VALUES (v_uscc, hdr.category, hdr.product, v_std, prev_id,
              nullif(btrim(hdr.below_recommended_statement), ''), g.ref, hdr.published)
      RETURNING id INTO new_id;
      FOR r IN SELECT s.* FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines) ORDER BY s.line LOOP
        cur_line := r.line;
        INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method)
        VALUES (new_id, r.indicator, r.requirement::frontrunner.indicator, r.test_method::frontrunner.stdcode);
      END LOOP;
      cur_line := NULL;
      IF publish THEN
        UPDATE frontrunner.disclosure d SET status = 'published' WHERE d.id = new_id;
      END IF;
      DELETE FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines);
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; disclosure := new_id; outcome := CASE WHEN publish THEN 'published' ELSE 'draft' END;
        import_disclosures.sqlstate := NULL; message := NULL; detail := NULL;
        RETURN NEXT;
      END LOOP;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
      disclosure := NULL; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
      IF cur_line IS NOT NULL THEN
        line := cur_line;
        RETURN NEXT;
      ELSE
        FOREACH cur_line IN ARRAY g.lines LOOP
          line := cur_line;
          RETURN NEXT;
        END LOOP;
      END IF;
    END;
  END LOOP;
  IF report THEN
    -- imported disclosures leave the staging table; rejected ones stay
    SELECT count(*) INTO total FROM (SELECT DISTINCT s.source_ref FROM frontrunner.disclosure_import s) x;
    PERFORM frontrunner.progress(format('import_disclosures(): %s disclosures done in %s s, %s imported, %s rejected',
                                        done, round(extract(epoch FROM clock_timestamp() - t0), 3), done - total, total));
  END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.import_disclosures(boolean) IS
  'applies the staged rows of disclosure_import, one disclosure (source_ref) at a time in its own subtransaction, through every rule; publishes them unless publish is false; imported rows leave the staging table, rejected rows stay; returns one report row per staged row (outcome published, draft or rejected, with SQLSTATE, message and detail); reports its progress every 1000 disclosures (frontrunner.progress)';

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

CREATE VIEW @extschema@.standard_latest AS
SELECT l.series::text AS series, l.edition::text AS edition, l.in_force
FROM @extschema@.standard_latest_typed l;

COMMENT ON VIEW @extschema@.standard_latest IS
  'per standard (undated number), the edition an undated reference means (plain column types: standard_latest_typed as text)';

COMMENT ON COLUMN @extschema@.standard_latest.series IS 'the undated number (std_undated), canonical';

COMMENT ON COLUMN @extschema@.standard_latest.edition IS 'its latest edition in force, else its latest edition, canonical number';

COMMENT ON COLUMN @extschema@.standard_latest.in_force IS 'whether that edition is in force today';

CREATE OR REPLACE FUNCTION @extschema@.standard_edition(code @extschema@.stdcode)
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

CREATE VIEW @extschema@.benchmark_pair_typed AS
SELECT d.id AS disclosure, d.enterprise, d.category, d.status, i.indicator, r.direction, r.unit,
       i.requirement AS disclosed, r.standard, r.kind AS std_kind, r.nature AS std_nature,
       r.benchmark_class, r.class_rank, r.requirement AS required, r.test_method,
       v.verdict, v.margin
FROM @extschema@.disclosure d
JOIN @extschema@.disclosed_indicator i ON i.disclosure = d.id
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

CREATE OR REPLACE FUNCTION @extschema@.benchmark(disclosure bigint)
RETURNS TABLE (indicator text, disclosed @extschema@.indicator, standard @extschema@.stdcode,
               std_kind text, required @extschema@.indicator, verdict text, margin numeric,
               std_nature text, benchmark_class text, direction @extschema@.direction,
               unit text, disclosed_level numeric, required_level numeric,
               test_method @extschema@.stdcode, executed boolean)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  d record;
  edition frontrunner.stdcode;
BEGIN
  SELECT x.id, x.status, x.category, x.standard, x.withdrawn_at, x.withdraw_reason,
         (SELECT pg_catalog.min(s.id) FROM frontrunner.disclosure s
          WHERE s.supersedes = x.id AND s.status <> 'draft') AS successor
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

  -- the pairs as in view benchmark_pair, read with the caller's rights
  -- (the view leaves drafts out)
  RETURN QUERY
  SELECT i.indicator, i.requirement, r.standard, r.kind, r.requirement, v.verdict, v.margin,
         r.nature, r.benchmark_class, r.direction, u.unit,
         CASE WHEN u.ok THEN frontrunner.level(i.requirement, r.direction, u.unit) END,
         CASE WHEN u.ok THEN frontrunner.level(r.requirement, r.direction, u.unit) END,
         r.test_method,
         r.standard OPERATOR(frontrunner.=) edition
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
  WHERE i.disclosure = $1
  ORDER BY i.indicator, r.class_rank, r.standard;
END
$$;

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

CREATE OR REPLACE FUNCTION @extschema@.benchmark_profile(enterprise @extschema@.uscc)
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
    SELECT (SELECT count(*) FROM frontrunner.disclosed_indicator i WHERE i.disclosure = d.id) AS indicators,
           count(*) AS benchmarked, count(*) FILTER (WHERE k.ok) AS at_least_as_strict
    FROM (SELECT p.indicator, bool_and(p.verdict IN ('stricter', 'equal')) AS ok
          FROM frontrunner.benchmark_pair_typed p
          WHERE p.disclosure = d.id AND p.std_kind IN ('international', 'foreign')
          GROUP BY p.indicator) k) c
  LEFT JOIN frontrunner.benchmark_pair_typed g
    ON g.disclosure = d.id AND g.std_kind IN ('international', 'foreign')
   AND g.verdict NOT IN ('stricter', 'equal')
  WHERE d.enterprise OPERATOR(frontrunner.=) $1 AND d.status = 'published'
  ORDER BY d.id, g.indicator, g.class_rank, g.standard;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.disclosure_json(id bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  d record;
  is_current boolean;
  result jsonb;
BEGIN
  SELECT x.id, x.status, x.enterprise, e.name AS enterprise_name, x.product, x.category,
         c.name AS category_name, x.standard, frontrunner.standard_edition(x.standard) AS edition,
         x.published_at, x.withdrawn_at, x.withdraw_reason, x.supersedes,
         x.below_recommended_statement, x.source_ref,
         (SELECT pg_catalog.min(s.id) FROM frontrunner.disclosure s
          WHERE s.supersedes = x.id AND s.status <> 'draft') AS superseded_by
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

  SELECT jsonb_build_object(
    'id', d.id,
    'status', d.status,
    'enterprise', jsonb_build_object('uscc', d.enterprise::text, 'name', d.enterprise_name),
    'product', d.product,
    'category', jsonb_build_object('code', d.category, 'name', d.category_name),
    'standard', jsonb_build_object(
       'code', d.standard::text,
       'edition', d.edition::text,
       'kind', frontrunner.std_kind(d.standard),
       'nature', frontrunner.std_nature(d.standard),
       'title', (SELECT s.title FROM frontrunner.standard s WHERE s.code OPERATOR(frontrunner.=) d.edition)),
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
                   WHERE is_current AND p.disclosure = d.id AND p.indicator = i.indicator), '[]'::jsonb))
              ORDER BY i.indicator)
       FROM frontrunner.disclosed_indicator i
       JOIN frontrunner.indicator_def x ON x.category = d.category AND x.key = i.indicator
       WHERE i.disclosure = d.id), '[]'::jsonb))
  INTO result;
  RETURN result;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.rank_plan_query(plan_code text) RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  pid bigint := frontrunner.plan_id(plan_code);
  core text := frontrunner.ranking_query(pid);
  keys_a text[];
  units_a text[];
  lcols text;
  tcols text;
  pcols text;
BEGIN
  SELECT array_agg(c.indicator ORDER BY c.k), array_agg(c.unit ORDER BY c.k),
         string_agg(format('f.l%s', c.k), ', ' ORDER BY c.k),
         string_agg(format('f.t%s', c.k), ', ' ORDER BY c.k),
         string_agg(format('f.p%s', c.k), ', ' ORDER BY c.k)
  INTO keys_a, units_a, lcols, tcols, pcols
  FROM frontrunner.plan_core_indicators(pid) c;
  RETURN format($q$
SELECT f.rank, f.id AS disclosure, f.enterprise, f.enterprise_name, f.standard, f.tier, f.score,
       frontrunner.levels_json(%2$L::text[], %3$L::text[], ARRAY[%4$s], ARRAY[%5$s], ARRAY[%6$s], f.n) AS levels
FROM (%1$s) f
ORDER BY f.tier, f.key DESC, f.published_at, f.id
$q$, core, keys_a, units_a, lcols, tcols, pcols);
END
$$;

COMMENT ON FUNCTION @extschema@.rank_plan_query(text) IS
  'the SQL text of rank_plan(plan_code): its columns, in its order (ranking_query() with the levels JSON); for EXPLAIN, and run by rank_plan() and rank_plan_cursor()';

CREATE OR REPLACE FUNCTION @extschema@.rank_plan_start(plan_code text, what text) RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan := frontrunner.plan_row(frontrunner.plan_id(plan_code));
BEGIN
  PERFORM frontrunner.progress(format('%s(%L): %s core indicators, %s published disclosures of category %s; %s',
    what, plan_code, (SELECT count(*) FROM frontrunner.plan_core_indicators(p.id)),
    (SELECT count(*) FROM frontrunner.disclosure d WHERE d.category = p.category AND d.status = 'published'),
    p.category, CASE what WHEN 'rank_plan' THEN 'ranking' ELSE 'opening the cursor' END));
END
$$;

COMMENT ON FUNCTION @extschema@.rank_plan_start(text, text) IS
  'reports (progress()) that rank_plan() or rank_plan_cursor() starts on a plan: its core indicators and the published disclosures of its category';

CREATE OR REPLACE FUNCTION @extschema@.rank_plan(plan_code text)
RETURNS TABLE (rank int, disclosure bigint, enterprise @extschema@.uscc, enterprise_name text,
               standard @extschema@.stdcode, tier @extschema@.tier, score numeric, levels jsonb)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
  t0 timestamptz := clock_timestamp();
  report boolean := frontrunner.progress();
  n bigint;
BEGIN
  IF report THEN
    PERFORM frontrunner.rank_plan_start(plan_code, 'rank_plan');
  END IF;
  RETURN QUERY EXECUTE frontrunner.rank_plan_query(plan_code);
  IF report THEN
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM frontrunner.progress(format('rank_plan(%L): %s eligible disclosures ranked in %s s',
                                        plan_code, n, round(extract(epoch FROM clock_timestamp() - t0), 3)));
  END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.rank_plan(text) IS
  '§5, computed live: the eligible disclosures of the plan in order (tier, score descending, published_at, id) with rank, tier after the leader cap, score 0-100 and per core indicator {level, unit, tier, standing} in levels; reports its start and end (frontrunner.progress); rank_plan_cursor() streams the same rows';

CREATE OR REPLACE FUNCTION @extschema@.rank_plan_cursor(plan_code text, portal refcursor DEFAULT 'rank_plan')
RETURNS refcursor
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
  IF frontrunner.progress() THEN
    PERFORM frontrunner.rank_plan_start(plan_code, 'rank_plan_cursor');
  END IF;
  -- planned here, with jit off; run by the client's FETCHes
  OPEN portal NO SCROLL FOR EXECUTE frontrunner.rank_plan_query(plan_code);
  RETURN portal;
END
$$;

COMMENT ON FUNCTION @extschema@.rank_plan_cursor(text, refcursor) IS
  'opens a cursor (named portal, rank_plan by default) on the rows of rank_plan(plan_code), for big plans: in a transaction, FETCH 1000 FROM rank_plan until no row comes, then CLOSE or COMMIT; nothing is kept between fetches but the sorted ranking, and each row''s levels JSON is built when it is fetched';

CREATE OR REPLACE FUNCTION @extschema@.publish_ranking(plan_code text) RETURNS bigint
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  rid bigint;
  published bigint;
  stored bigint;
  t0 timestamptz := clock_timestamp();
BEGIN
  -- SECURITY DEFINER (90_security.sql): the caller must own the plan
  PERFORM frontrunner.ranking_publisher_check(plan_code);
  -- the row lock serialises publications of one plan and its closing
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.id = frontrunner.plan_id(plan_code) FOR UPDATE;
  IF p.status <> 'published' THEN
    RAISE EXCEPTION 'rule 7 (plan workflow): plan % is %; only a published plan''s ranking is published', p.code, p.status
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (id %s) has status %s.', p.code, p.id, p.status),
            HINT = CASE p.status WHEN 'draft' THEN 'Submit the plan for review and publish it first (UPDATE evaluation_plan SET status = ''under_review'', then ''published'').'
                                 WHEN 'under_review' THEN 'Publish the plan first, once its review is complete (UPDATE evaluation_plan SET status = ''published'').'
                                 ELSE 'A closed plan gets no new ranking.' END,
            TABLE = 'evaluation_plan', COLUMN = 'status';
  END IF;
  SELECT count(*) INTO published FROM frontrunner.disclosure d
  WHERE d.category = p.category AND d.status = 'published';
  PERFORM frontrunner.progress(format('publish_ranking(%L): plan %s locked, %s published disclosures of category %s; ranking',
                                      plan_code, p.id, published, p.category));
  WITH q AS MATERIALIZED (
    SELECT * FROM frontrunner.rank_plan(p.code)
  ), head AS (
    INSERT INTO frontrunner.ranking (plan, eligible, ineligible)
    SELECT p.id, count(*), greatest(published - count(*), 0) FROM q
    RETURNING id
  )
  INSERT INTO frontrunner.ranking_entry (ranking, rank, disclosure, enterprise, tier, score, levels)
  SELECT head.id, q.rank, q.disclosure, q.enterprise, q.tier, q.score, q.levels
  FROM q CROSS JOIN head;
  GET DIAGNOSTICS stored = ROW_COUNT;
  SELECT max(r.id) INTO rid FROM frontrunner.ranking r WHERE r.plan = p.id;
  PERFORM frontrunner.progress(format('publish_ranking(%L): ranking %s stored, %s entries, in %s s',
                                      plan_code, rid, stored, round(extract(epoch FROM clock_timestamp() - t0), 3)));
  RETURN rid;
END
$$;

COMMENT ON FUNCTION @extschema@.publish_ranking(text) IS
  'stores the current rank_plan() of a published plan as an immutable ranking list and returns its id (FR007 when the plan is a draft or closed); reports its phases (frontrunner.progress)';

CREATE VIEW @extschema@.district_report AS
WITH ent AS (
  SELECT e.uscc, coalesce(e.region, @extschema@.uscc_region(e.uscc)) AS division
  FROM @extschema@.enterprise e
), cur AS (
  SELECT d.id, d.enterprise, d.category, d.standard FROM @extschema@.disclosure d WHERE d.status = 'published'
), floor_ind AS (
    SELECT di.disclosure, bool_and(@extschema@.compare(di.requirement, f.requirement) = 'stricter') AS stricter
  FROM cur
  JOIN @extschema@.disclosed_indicator di ON di.disclosure = cur.id
  JOIN @extschema@.requirement_in_force_typed f ON f.category = cur.category AND f.indicator = di.indicator AND f.nature = 'mandatory'
  GROUP BY di.disclosure, di.indicator
), per_cur AS (
  SELECT cur.enterprise,
         count(*) AS disclosures,
         count(*) FILTER (WHERE @extschema@.std_kind(cur.standard) = 'enterprise') AS own_standard,
         count(*) FILTER (WHERE fl.disclosure IS NOT NULL) AS floor_compared,
         count(*) FILTER (WHERE fl.stricter) AS floor_stricter
  FROM cur
  LEFT JOIN (SELECT x.disclosure, bool_or(x.stricter) AS stricter FROM floor_ind x GROUP BY x.disclosure) fl
    ON fl.disclosure = cur.id
  GROUP BY cur.enterprise
), per_lead AS (
  SELECT e.enterprise,
         count(*) FILTER (WHERE e.revoked_at IS NULL) AS leaders,
         count(*) FILTER (WHERE e.revoked_at IS NOT NULL) AS revoked
  FROM @extschema@.ranking r
  JOIN @extschema@.evaluation_plan p ON p.id = r.plan AND p.status = 'published'
  JOIN @extschema@.ranking_entry e ON e.ranking = r.id AND e.tier = 'leader'
  WHERE r.id = (SELECT max(r2.id) FROM @extschema@.ranking r2 WHERE r2.plan = r.plan)
  GROUP BY e.enterprise
), per_check AS (
  SELECT d.enterprise, count(*) AS failing
  FROM @extschema@.spot_check c JOIN @extschema@.disclosure d ON d.id = c.disclosure
  WHERE NOT c.conforms
  GROUP BY d.enterprise
), per_feedback AS (
  SELECT f.enterprise, count(*) AS open
  FROM @extschema@.feedback f WHERE f.status IN ('received', 'under_review')
  GROUP BY f.enterprise
)
SELECT ent.division,
       @extschema@.division_name(ent.division) AS division_name,
       count(*) AS enterprises,
       coalesce(sum(pc.disclosures), 0)::bigint AS current_disclosures,
       coalesce(sum(pc.own_standard), 0)::bigint AS own_standard_disclosures,
       coalesce(sum(pc.floor_compared), 0)::bigint AS floor_compared,
       coalesce(sum(pc.floor_stricter), 0)::bigint AS stricter_than_floor,
       round(sum(pc.floor_stricter) / nullif(sum(pc.floor_compared), 0), 4) AS stricter_share,
       coalesce(sum(pl.leaders), 0)::bigint AS leaders,
       coalesce(sum(pl.revoked), 0)::bigint AS revoked_leaders,
       coalesce(sum(ck.failing), 0)::bigint AS failing_spot_checks,
       coalesce(sum(fb.open), 0)::bigint AS open_feedback
FROM ent
LEFT JOIN per_cur pc ON pc.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_lead pl ON pl.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_check ck ON ck.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_feedback fb ON fb.enterprise OPERATOR(@extschema@.=) ent.uscc
GROUP BY ent.division;

COMMENT ON VIEW @extschema@.district_report IS
  'district-level quality assessment: per administrative division (enterprise.region, else the USCC''s division code) the enterprises, current disclosures, own-standard disclosures, how many are stricter than the mandatory floor, current and revoked leaders, failing spot checks and open reports (plain column types)';

COMMENT ON COLUMN @extschema@.district_report.division IS 'administrative division code (GB/T 2260, 6 digits): enterprise.region, else positions 3-8 of the USCC';

COMMENT ON COLUMN @extschema@.district_report.division_name IS 'name of the division for the bundled codes (Beijing''s 16 districts), else NULL';

COMMENT ON COLUMN @extschema@.district_report.enterprises IS 'enterprises registered in the division (table enterprise)';

COMMENT ON COLUMN @extschema@.district_report.current_disclosures IS 'disclosures of those enterprises with status published (current: not withdrawn, not superseded)';

COMMENT ON COLUMN @extschema@.district_report.own_standard_disclosures IS 'current disclosures executing an enterprise standard of their own (std_kind = enterprise, Q/ numbers)';

COMMENT ON COLUMN @extschema@.district_report.floor_compared IS 'current disclosures with at least one disclosed indicator that an in-force mandatory standard also sets (the mandatory floor)';

COMMENT ON COLUMN @extschema@.district_report.stricter_than_floor IS 'of floor_compared, disclosures strictly stricter (compare() = stricter) than every in-force mandatory requirement of at least one such indicator, by any margin';

COMMENT ON COLUMN @extschema@.district_report.stricter_share IS 'stricter_than_floor / floor_compared, rounded to 4 decimals; NULL when floor_compared is 0';

COMMENT ON COLUMN @extschema@.district_report.leaders IS 'leader entries, not revoked, of the enterprises in the latest published list of every published (not closed) plan';

COMMENT ON COLUMN @extschema@.district_report.revoked_leaders IS 'leader entries of those lists that were revoked';

COMMENT ON COLUMN @extschema@.district_report.failing_spot_checks IS 'spot checks of the enterprises'' disclosures that did not conform (all time)';

COMMENT ON COLUMN @extschema@.district_report.open_feedback IS 'reports about the enterprises not decided yet (received or under_review)';

CREATE VIEW @extschema@.category_report AS
WITH cur AS (
  SELECT d.id, d.enterprise, d.category FROM @extschema@.disclosure d WHERE d.status = 'published'
), intl AS (
    SELECT cur.category, di.disclosure, di.indicator,
         bool_and(@extschema@.compare(di.requirement, f.requirement) IN ('stricter', 'equal')) AS at_least_as_strict
  FROM cur
  JOIN @extschema@.disclosed_indicator di ON di.disclosure = cur.id
  JOIN @extschema@.requirement_in_force_typed f ON f.category = cur.category AND f.indicator = di.indicator
                                         AND f.kind IN ('international', 'foreign')
  GROUP BY cur.category, di.disclosure, di.indicator
)
SELECT c.code AS category, c.name AS category_name,
       (SELECT count(*) FROM cur WHERE cur.category = c.code) AS disclosures,
       (SELECT count(DISTINCT cur.enterprise) FROM cur WHERE cur.category = c.code) AS enterprises,
       (SELECT count(*) FROM @extschema@.evaluation_plan p
        WHERE p.category = c.code AND p.status IN ('published', 'closed')) AS plans,
       (SELECT count(*) FROM @extschema@.evaluation_plan p
        WHERE p.category = c.code AND p.status = 'under_review') AS plans_under_review,
       (SELECT count(*) FROM @extschema@.ranking r JOIN @extschema@.evaluation_plan p ON p.id = r.plan
        WHERE p.category = c.code) AS lists_published,
       (SELECT count(*) FROM @extschema@.current_leaders l WHERE l.category = c.code) AS leaders,
       (SELECT count(*) FROM intl WHERE intl.category = c.code) AS intl_compared,
       (SELECT count(*) FILTER (WHERE intl.at_least_as_strict) FROM intl WHERE intl.category = c.code) AS intl_at_least_as_strict,
       (SELECT round(count(*) FILTER (WHERE intl.at_least_as_strict)::numeric / nullif(count(*), 0), 4)
        FROM intl WHERE intl.category = c.code) AS intl_share
FROM @extschema@.category c;

COMMENT ON VIEW @extschema@.category_report IS
  'per product category: current disclosures, plans, published lists, current leaders, and how current disclosures compare with in-force international and foreign standards (plain column types)';

COMMENT ON COLUMN @extschema@.category_report.category IS 'category code';

COMMENT ON COLUMN @extschema@.category_report.category_name IS 'category name';

COMMENT ON COLUMN @extschema@.category_report.disclosures IS 'current disclosures (status published) of the category';

COMMENT ON COLUMN @extschema@.category_report.enterprises IS 'distinct enterprises with a current disclosure of the category';

COMMENT ON COLUMN @extschema@.category_report.plans IS 'evaluation plans of the category that are published or closed';

COMMENT ON COLUMN @extschema@.category_report.plans_under_review IS 'plans of the category under expert review (in public notice)';

COMMENT ON COLUMN @extschema@.category_report.lists_published IS 'ranking lists published for the category''s plans (every publication counts)';

COMMENT ON COLUMN @extschema@.category_report.leaders IS 'current leaders (view current_leaders) of the category';

COMMENT ON COLUMN @extschema@.category_report.intl_compared IS 'current disclosed indicators (disclosure, indicator) for which an in-force international or foreign standard sets a requirement';

COMMENT ON COLUMN @extschema@.category_report.intl_at_least_as_strict IS 'of intl_compared, those at least as strict (compare() stricter or equal) as every such requirement';

COMMENT ON COLUMN @extschema@.category_report.intl_share IS 'intl_at_least_as_strict / intl_compared, rounded to 4 decimals; NULL when intl_compared is 0';

CREATE OR REPLACE FUNCTION @extschema@.search_path_elements(setting text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  out text[] := '{}';
  cur text := '';
  quoted boolean := false;   -- the element was written in double quotes
  inq boolean := false;      -- inside double quotes now
  i int := 1;
  n int := length(setting);
  ch text;
BEGIN
  -- comma-separated identifiers: "..." keeps case and commas ("" is a
  -- quote), anything else is trimmed and folded to lower case
  WHILE i <= n + 1 LOOP
    ch := CASE WHEN i <= n THEN substr(setting, i, 1) END;
    IF inq THEN
      IF ch IS NULL THEN
        inq := false;                          -- unterminated: take it as written
      ELSIF ch = '"' AND substr(setting, i + 1, 1) = '"' THEN
        cur := cur || '"'; i := i + 1;
      ELSIF ch = '"' THEN
        inq := false;
      ELSE
        cur := cur || ch;
      END IF;
    ELSIF ch IS NULL OR ch = ',' THEN
      IF NOT quoted THEN cur := lower(btrim(cur, E' \t\n\r')); END IF;
      IF cur <> '' OR quoted THEN out := out || cur; END IF;
      cur := ''; quoted := false;
    ELSIF ch = '"' THEN
      inq := true; quoted := true;
      cur := '';                               -- blanks before the quote
    ELSIF quoted THEN
      NULL;                                    -- blanks after the closing quote
    ELSE
      cur := cur || ch;
    END IF;
    i := i + 1;
  END LOOP;
  RETURN out;
END
$$;

COMMENT ON FUNCTION @extschema@.search_path_elements(text) IS
  'the schema names of a search_path setting as PostgreSQL reads it: comma-separated, double-quoted names as written (case and commas kept, "" a quote), others trimmed and folded to lower case; "$user" is the name $user';

CREATE OR REPLACE FUNCTION @extschema@.database_search_path(database name) RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  db oid;
  setting text;
BEGIN
  SELECT d.oid INTO db FROM pg_catalog.pg_database d WHERE d.datname = database;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'database "%" does not exist', database
      USING ERRCODE = 'invalid_catalog_name',
            DETAIL = format('No row of pg_database has datname %L.', database),
            HINT = 'Give the name of a database of this server (current_database() by default).';
  END IF;
  SELECT substr(c.c, length('search_path=') + 1) INTO setting
  FROM pg_catalog.pg_db_role_setting s CROSS JOIN LATERAL pg_catalog.unnest(s.setconfig) c(c)
  WHERE s.setdatabase = db AND s.setrole = 0 AND c.c LIKE 'search\_path=%';
  IF setting IS NULL THEN
    -- none of its own: the server's (postgresql.conf or ALTER SYSTEM, when
    -- the caller may read them), else PostgreSQL's default
    IF pg_catalog.has_function_privilege('pg_catalog.pg_show_all_file_settings()', 'EXECUTE') THEN
      SELECT f.setting INTO setting FROM pg_catalog.pg_file_settings f
      WHERE f.name = 'search_path' AND f.applied AND f.error IS NULL
      ORDER BY f.seqno DESC LIMIT 1;
    END IF;
    setting := coalesce(setting, (SELECT x.boot_val FROM pg_catalog.pg_settings x WHERE x.name = 'search_path'));
  END IF;
  RETURN setting;
END
$$;

COMMENT ON FUNCTION @extschema@.database_search_path(name) IS
  'the search_path sessions of a database start with before any role setting: the database''s own (ALTER DATABASE … SET search_path), else the server''s (postgresql.conf, ALTER SYSTEM), else PostgreSQL''s default "$user", public; 3D000 when there is no such database';

CREATE OR REPLACE FUNCTION @extschema@.search_path_problems(database name DEFAULT pg_catalog.current_database())
RETURNS TABLE (role name, setting text, problem text, detail text, hint text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  WITH db AS (
    SELECT x.setting, x.oid, pg_catalog.array_position(x.elems, 'frontrunner') AS pos,
           pg_catalog.array_length(x.elems, 1) AS n
    FROM (SELECT s.setting, frontrunner.search_path_elements(s.setting) AS elems,
                 (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = $1) AS oid
          FROM (SELECT frontrunner.database_search_path($1) AS setting) s) x
  ), own AS (
    -- a role's own setting overrides the database's: in that database (ALTER
    -- ROLE … IN DATABASE …), else everywhere (ALTER ROLE … SET)
    SELECT DISTINCT ON (s.setrole) r.rolname, substr(c.c, length('search_path=') + 1) AS setting
    FROM db
    JOIN pg_catalog.pg_db_role_setting s ON s.setrole <> 0 AND s.setdatabase IN (0, db.oid)
    CROSS JOIN LATERAL pg_catalog.unnest(s.setconfig) c(c)
    JOIN pg_catalog.pg_roles r ON r.oid = s.setrole
    WHERE c.c LIKE 'search\_path=%'
    ORDER BY s.setrole, s.setdatabase DESC
  )
  SELECT NULL::name, db.setting,
         CASE WHEN db.pos IS NULL
              THEN format('the search_path of database %s does not name frontrunner', $1)
              ELSE format('frontrunner is not last in the search_path of database %s', $1) END,
         CASE WHEN db.pos IS NULL
              THEN format('Sessions start with search_path = %s: the extension''s types, operators and functions are found only when qualified.', db.setting)
              ELSE format('Sessions start with search_path = %s: frontrunner''s objects shadow those of the schemas after it.', db.setting) END,
         format('Run SELECT frontrunner.setup_search_path(%L).', $1)
  FROM db
  WHERE db.pos IS DISTINCT FROM db.n
  UNION ALL
  SELECT own.rolname, own.setting,
         format('role %s has a search_path of its own without frontrunner', own.rolname),
         format('Role %s has search_path = %s, which overrides the database''s.', own.rolname, own.setting),
         format('ALTER ROLE %I RESET search_path (the database''s then applies), or end its search_path with frontrunner.', own.rolname)
  FROM own
  WHERE NOT 'frontrunner' = ANY (frontrunner.search_path_elements(own.setting))
  ORDER BY 1 NULLS FIRST
$$;

COMMENT ON FUNCTION @extschema@.search_path_problems(name) IS
  'what keeps the sessions of a database from finding the extension as the supported setup does, with a message, DETAIL and HINT each: the database''s search_path without frontrunner as its last schema (role NULL), and every role whose own search_path (ALTER ROLE … SET, in that database or everywhere) overrides it without frontrunner; no rows when all is well';

CREATE OR REPLACE FUNCTION @extschema@.setup_search_path(database name DEFAULT pg_catalog.current_database())
RETURNS text
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  before text := frontrunner.database_search_path(database);
  elems text[] := frontrunner.search_path_elements(before);
  after text;
  p record;
BEGIN
  -- frontrunner once, last; everything else as it was, in its order
  after := (SELECT string_agg(pg_catalog.quote_ident(e.e), ', ' ORDER BY e.o)
            FROM pg_catalog.unnest(pg_catalog.array_remove(elems, 'frontrunner') || 'frontrunner'::text)
                 WITH ORDINALITY e(e, o));
  IF elems[pg_catalog.array_length(elems, 1)] = 'frontrunner'
     AND pg_catalog.array_position(elems, 'frontrunner') = pg_catalog.array_length(elems, 1) THEN
    RAISE NOTICE 'search_path of database % already ends with frontrunner: %', database, before;
  ELSE
    EXECUTE format('ALTER DATABASE %I SET search_path = %s', database, after);
    IF 'frontrunner' = ANY (elems) THEN
      RAISE NOTICE 'search_path of database % was %; frontrunner moved to the end: %', database, before, after
        USING DETAIL = 'Schemas after frontrunner were shadowed by it; the bureau''s own objects come first.';
    END IF;
  END IF;
  FOR p IN SELECT * FROM frontrunner.search_path_problems(database) x WHERE x.role IS NOT NULL LOOP
    RAISE WARNING '%', p.problem USING DETAIL = p.detail, HINT = p.hint;
  END LOOP;
  RETURN frontrunner.database_search_path(database);
END
$$;

COMMENT ON FUNCTION @extschema@.setup_search_path(name) IS
  'the supported setup (run by the database owner or a superuser once after CREATE EXTENSION): ALTER DATABASE … SET search_path to the database''s current search_path with frontrunner appended (moved to the end when it is already there; nothing done when it is last), so the bureau''s own objects keep their names; warns of roles whose own search_path overrides it without frontrunner; returns the setting new sessions get';

CREATE OR REPLACE FUNCTION @extschema@.security_classes()
RETURNS TABLE (class text, grantee text, privileges text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  VALUES
    -- relations
    ('reference',         'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('reference',         'frontrunner_agency',     'SELECT'),
    ('reference',         'frontrunner_enterprise', 'SELECT'),
    ('tenant_disclosure', 'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_disclosure', 'frontrunner_agency',     'SELECT'),
    ('tenant_disclosure', 'frontrunner_enterprise', 'SELECT, INSERT, UPDATE, DELETE'),
    ('history',           'frontrunner_regulator',  'SELECT'),
    ('history',           'frontrunner_agency',     'SELECT'),
    ('history',           'frontrunner_enterprise', 'SELECT'),
    ('spot_check',        'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('spot_check',        'frontrunner_agency',     'SELECT'),
    ('spot_check',        'frontrunner_enterprise', 'SELECT'),
    ('tenant_plan',       'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_plan',       'frontrunner_agency',     'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_plan',       'frontrunner_enterprise', 'SELECT'),
    ('ranking',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('ranking',           'frontrunner_agency',     'SELECT'),
    ('ranking',           'frontrunner_enterprise', 'SELECT'),
    ('staging',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('account',           'frontrunner_regulator',  'SELECT'),
    ('public_view',       'frontrunner_regulator',  'SELECT'),
    ('public_view',       'frontrunner_agency',     'SELECT'),
    ('public_view',       'frontrunner_enterprise', 'SELECT'),
    ('public_view',       'frontrunner_reader',     'SELECT'),
    ('typed_view',        'frontrunner_regulator',  'SELECT'),
    ('typed_view',        'frontrunner_agency',     'SELECT'),
    ('typed_view',        'frontrunner_enterprise', 'SELECT'),
    ('sequence',          'frontrunner_regulator',  'SELECT'),
    ('feedback',          'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    ('feedback',          'frontrunner_enterprise', 'SELECT, INSERT'),
    ('feedback',          'frontrunner_reader',     'SELECT, INSERT'),
    ('review',            'frontrunner_regulator',  'SELECT, INSERT'),
    ('review',            'frontrunner_agency',     'SELECT'),
    ('review',            'frontrunner_enterprise', 'SELECT'),
    ('supervision',       'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    -- functions
    ('public',            'PUBLIC',                 'EXECUTE'),
    ('tenant_lookup',     'frontrunner_regulator',  'EXECUTE'),
    ('tenant_lookup',     'frontrunner_agency',     'EXECUTE'),
    ('tenant_lookup',     'frontrunner_enterprise', 'EXECUTE'),
    ('registry_read',     'frontrunner_regulator',  'EXECUTE'),
    ('registry_read',     'frontrunner_agency',     'EXECUTE'),
    ('registry_read',     'frontrunner_enterprise', 'EXECUTE'),
    ('disclosure_write',  'frontrunner_regulator',  'EXECUTE'),
    ('disclosure_write',  'frontrunner_enterprise', 'EXECUTE'),
    ('plan_write',        'frontrunner_regulator',  'EXECUTE'),
    ('plan_write',        'frontrunner_agency',     'EXECUTE'),
    ('plan_read',         'frontrunner_regulator',  'EXECUTE'),
    ('plan_read',         'frontrunner_agency',     'EXECUTE'),
    ('regulator',         'frontrunner_regulator',  'EXECUTE'),
    ('feedback_file',     'frontrunner_regulator',  'EXECUTE'),
    ('feedback_file',     'frontrunner_enterprise', 'EXECUTE'),
    ('feedback_file',     'frontrunner_reader',     'EXECUTE'),
    -- classes granted to nobody: trigger (fired, never called), internal
    -- (called only by SECURITY DEFINER code), dba (setup_roles)
    ('trigger',           NULL,                     NULL),
    ('internal',          NULL,                     NULL),
    ('dba',               NULL,                     NULL)
$$;


CREATE OR REPLACE FUNCTION @extschema@.setup_roles()
RETURNS TABLE (kind text, object text, class text, grantee text, privileges text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  g text;
  r record;
  s record;
  unclassified text;
BEGIN
  SELECT string_agg(p.kind || ' ' || p.ident, ', ' ORDER BY p.kind, p.ident) INTO unclassified
  FROM frontrunner.security_plan() p WHERE p.class IS NULL;
  IF unclassified IS NOT NULL THEN
    RAISE EXCEPTION 'objects without a security class: %', unclassified
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Every table, view, sequence and function of the extension needs a class in frontrunner.security_objects().',
            HINT = 'Add a row (kind, name, class) to security_objects() in sql/install/90_security.sql, with the class whose grants in security_classes() fit who may use the object.';
  END IF;

  FOREACH g IN ARRAY ARRAY['frontrunner_regulator', 'frontrunner_agency', 'frontrunner_enterprise', 'frontrunner_reader'] LOOP
    PERFORM FROM pg_catalog.pg_roles x WHERE x.rolname = g;
    IF NOT FOUND THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', g);
      EXECUTE format('COMMENT ON ROLE %I IS %L', g, 'frontrunner group role, created by frontrunner.setup_roles()');
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA frontrunner TO %I', g);
  END LOOP;

  FOR r IN SELECT p.* FROM frontrunner.security_plan() p ORDER BY p.kind, p.ident LOOP
    -- start from nothing for PUBLIC and the four group roles, then grant
    EXECUTE format('REVOKE ALL ON %s %s FROM PUBLIC, frontrunner_regulator, frontrunner_agency, frontrunner_enterprise, frontrunner_reader',
                   CASE r.kind WHEN 'function' THEN 'ROUTINE' WHEN 'sequence' THEN 'SEQUENCE' ELSE 'TABLE' END, r.ident);
    FOR s IN
      SELECT c.grantee, c.privileges FROM frontrunner.security_classes() c
      WHERE c.class = r.class AND c.grantee IS NOT NULL ORDER BY c.grantee
    LOOP
      EXECUTE format('GRANT %s ON %s %s TO %s', s.privileges,
                     CASE r.kind WHEN 'function' THEN 'ROUTINE' WHEN 'sequence' THEN 'SEQUENCE' ELSE 'TABLE' END,
                     r.ident, CASE WHEN s.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(s.grantee) END);
      kind := r.kind; object := r.ident; class := r.class; grantee := s.grantee; privileges := s.privileges;
      RETURN NEXT;
    END LOOP;
  END LOOP;

  -- the logins get the database's search_path (setup_search_path()); one of
  -- their own without frontrunner would hide the extension from them
  FOR s IN
    SELECT x.* FROM frontrunner.search_path_problems(pg_catalog.current_database()) x
    JOIN pg_catalog.pg_roles m ON m.rolname = x.role AND NOT m.rolsuper
    WHERE EXISTS (SELECT FROM pg_catalog.unnest(ARRAY['frontrunner_regulator', 'frontrunner_agency',
                                                      'frontrunner_enterprise', 'frontrunner_reader']) g(g)
                  WHERE pg_catalog.pg_has_role(m.oid, g.g, 'MEMBER'))
  LOOP
    RAISE WARNING '%', s.problem USING DETAIL = s.detail, HINT = s.hint;
  END LOOP;
END
$$;

COMMENT ON FUNCTION @extschema@.setup_roles() IS
  'run by a DBA (superuser, or the extension owner with CREATEROLE): creates the NOLOGIN group roles frontrunner_regulator, frontrunner_agency, frontrunner_enterprise, frontrunner_reader when missing and sets the privileges of every extension object from its class (revoke all, then grant); idempotent, picks up new objects; refuses (22023) when an object has no class; warns of member logins whose own search_path hides the extension (search_path_problems()); sets no search_path itself (setup_search_path() sets the database''s); returns one row per grant';

ALTER FUNCTION @extschema@.publish_ranking(text) SECURITY DEFINER;


-- issue 16: requirements as real standards print them: powers of ten, bases, sampling plans, mass ≠ volume ----------
-- The forms need no new SQL type: the indicator type's C functions read
-- both storage versions (0.1.0's version 1, 0.2.0's version 2) and write
-- version 2.  New here: the accessors of precision, basis and plan,
-- satisfies(numeric[], indicator), the sample results of a spot check
-- (spot_check.results, at the end of the table) and rule 6 judging a
-- sampling plan on them, new comments, and the rebuilt indexes.

ALTER TABLE @extschema@.spot_check ADD COLUMN results numeric[];
-- new or changed, in the order of NEW -----------------------------------
COMMENT ON FUNCTION @extschema@.indicator_in(cstring) IS
  'indicator input: ≤0.2 mg/kg, 不大于0.2 mg/kg, ≥98.5%, 6.5~8.5, 6.5-8.5, [6.5, 8.5), 65±2 dB, 10 +0.5/-0.2 mm, 220 V +7%/-10%, ND(≤0.01 mg/kg), ≥3-4级, ≤1×10⁴ CFU/g, ≤0.2 mg/kg(以Pb计), n=5,c=2,m=100,M=1000 CFU/g, 应不大于0.2, … (22P02 with the position where parsing stopped and why)';

COMMENT ON FUNCTION @extschema@.indicator_send(@extschema@.indicator) IS
  'indicator binary output (format version 1 as 0.1.0 sent it; version 2 for a value with a power of ten, a basis or a sampling plan)';

COMMENT ON TYPE @extschema@.indicator IS
  'A requirement on one measurable property, or a measured value: a point, an upper or lower bound, a range, a tolerance, "not detected" or a microbiological sampling plan, with exact decimals, a unit and the basis it is expressed on; = is equality of the sets of acceptable values after unit conversion, on the same basis';

COMMENT ON FUNCTION @extschema@.indicator_contained(@extschema@.indicator, @extschema@.indicator) IS
  'a <@ b: every value acceptable under a is acceptable under b (a is at least as strict; a measured point meets b; a sampling plan accepts only what b accepts); 22023 across dimensions or bases';

COMMENT ON FUNCTION @extschema@.indicator_contains(@extschema@.indicator, @extschema@.indicator) IS
  'a @> b: b <@ a; 22023 across dimensions or bases';

COMMENT ON FUNCTION @extschema@.indicator_overlaps(@extschema@.indicator, @extschema@.indicator) IS
  'a && b: some value is acceptable under both; 22023 across dimensions or bases';

COMMENT ON FUNCTION @extschema@.compare(@extschema@.indicator, @extschema@.indicator) IS
  'a compared with b: stricter, equal, looser, overlapping, disjoint or incomparable (different dimensions, or different species or sample bases); never raises on units';

CREATE FUNCTION @extschema@.satisfies(results numeric[], spec @extschema@.indicator,
                                      method text DEFAULT 'full') RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_satisfies_results'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.satisfies(numeric[], @extschema@.indicator, text) IS
  'GB/T 8170 judgement of the results of a spot check''s sample units, in the spec''s unit: for a sampling plan n results, none above M and at most c above m (22023 for another number of results); for any other requirement every result meets it';

COMMENT ON FUNCTION @extschema@.level(@extschema@.indicator, @extschema@.direction, text) IS
  'the number a requirement claims: upper bound for lower_better (detection limit or 0 for ND, m for a sampling plan), lower bound for higher_better, width for target; in unit when given (22023 if not commensurable); NULL when the form has no such bound';

CREATE OR REPLACE FUNCTION @extschema@.form(@extschema@.indicator) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_form'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.form(@extschema@.indicator) IS
  'the form as written: point, upper, lower, range, tolerance, nd or plan';

CREATE OR REPLACE FUNCTION @extschema@.lower_precision(@extschema@.indicator) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_lower_precision'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.lower_precision(@extschema@.indicator) IS
  'the unit of the last written digit of the lower bound, which GB/T 8170 rounds to: 0.01 for 0.30, 100 for 13×10²; NULL without a lower bound';

CREATE OR REPLACE FUNCTION @extschema@.upper_precision(@extschema@.indicator) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_upper_precision'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.upper_precision(@extschema@.indicator) IS
  'the unit of the last written digit of the upper bound (m of a sampling plan): 0.01 for ≤0.30, 10000 for ≤1×10⁴; NULL without an upper bound or for ND without a limit';

CREATE OR REPLACE FUNCTION @extschema@.species(@extschema@.indicator) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_species'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.species(@extschema@.indicator) IS
  'the species basis as written, X of (以X计): Pb for ≤0.2 mg/kg(以Pb计); NULL without one';

CREATE OR REPLACE FUNCTION @extschema@.sample_basis(@extschema@.indicator) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_sample_basis'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.sample_basis(@extschema@.indicator) IS
  'what the number is a fraction of: dry (以干基计, 干基, 以干重计), fat (以脂肪计), as received (以鲜重计, 以湿基计), pure ethanol (按100%酒精度折算); NULL when none is written (as received)';

CREATE OR REPLACE FUNCTION @extschema@.fraction(@extschema@.indicator) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_fraction'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.fraction(@extschema@.indicator) IS
  'which of the three fractions the unit is: mass (mg/kg, g/100g, plain %, ‰, ppm, ppb, % (m/m)), volume (mL/L, %vol, % (V/V)) or concentration (mg/L, g/100mL, % (m/V)); NULL for other quantities and plain numbers';

CREATE OR REPLACE FUNCTION @extschema@.plan_n(@extschema@.indicator) RETURNS integer
  AS 'MODULE_PATHNAME', 'fr_indicator_plan_n'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.plan_n(@extschema@.indicator) IS
  'n of a sampling plan, the number of sample units; NULL for other forms';

CREATE OR REPLACE FUNCTION @extschema@.plan_c(@extschema@.indicator) RETURNS integer
  AS 'MODULE_PATHNAME', 'fr_indicator_plan_c'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.plan_c(@extschema@.indicator) IS
  'c of a sampling plan, how many sample units may exceed m; NULL for other forms';

CREATE OR REPLACE FUNCTION @extschema@.plan_m(@extschema@.indicator) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_plan_m'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.plan_m(@extschema@.indicator) IS
  'm of a sampling plan, the marginal limit (also its upper() and its level for lower_better); NULL for other forms';

CREATE OR REPLACE FUNCTION @extschema@.plan_max(@extschema@.indicator) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_plan_max'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.plan_max(@extschema@.indicator) IS
  'M of a three-class sampling plan, the maximum no sample unit may exceed; NULL for a two-class plan and other forms';

COMMENT ON FUNCTION @extschema@.to_text(@extschema@.indicator, text) IS
  'text in a style: canonical (≤ 0.2 mg/kg, ≤ 1×10^4 CFU/g, n=5, c=2, m=100, M=1000 CFU/g) or zh (不大于0.2 mg/kg, 6.5～8.5, 不得检出, 不大于1×10⁴ CFU/g, n=5，c=2，m=100，M=1000 CFU/g)';

COMMENT ON COLUMN @extschema@.spot_check.measured IS 'the measured result, e.g. 16.4 mg/kg; for a sampling plan set by the database to the largest of the results, as a point in the plan''s unit';

COMMENT ON COLUMN @extschema@.spot_check.conforms IS 'satisfies(measured, disclosed requirement, method) — for a sampling plan satisfies(results, plan, method) — set by the database; client values are ignored';

COMMENT ON COLUMN @extschema@.spot_check.results IS 'the results of the n sample units, in the unit of the disclosed sampling plan (n=5, c=2, m=100, M=1000 CFU/g: five numbers of CFU/g); required when the disclosed requirement is a sampling plan, refused otherwise';

CREATE OR REPLACE FUNCTION @extschema@.spot_check_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  d record;
  verdict text;
BEGIN
  SELECT x.status, i.requirement INTO d
  FROM frontrunner.disclosure x
  LEFT JOIN frontrunner.disclosed_indicator i ON i.disclosure = x.id AND i.indicator = NEW.indicator
  WHERE x.id = NEW.disclosure;
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
                                      FROM frontrunner.disclosed_indicator i WHERE i.disclosure = NEW.disclosure), 'none')),
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


-- Rebuild every index on indicator values.  0.2.0 corrected the fractions
-- (a volume fraction, mL/L or %vol, is no longer the dimension of a mass
-- fraction, and %RH is a scale of its own), so the btree order, the hash
-- and the GiST keys of such values changed, and GiST keys carry the basis
-- now.  Rebuilt: every index that uses an operator class of the type
-- (btree, hash, GiST; in the extension's tables and in users' own), and
-- every index whose expressions or predicate call a function or operator of
-- the extension that takes or returns an indicator (compare(), <@, …).
-- Indexes of temporary tables and partitioned parents (their partitions'
-- indexes are rebuilt one by one) are left out.  An index that cannot be
-- built under the corrected semantics stops the update, naming it.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT i.indexrelid::pg_catalog.regclass AS idx
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
    WHERE c.relkind = 'i' AND c.relpersistence <> 't'
      AND (EXISTS (SELECT FROM pg_catalog.pg_opclass oc
                   WHERE oc.oid = ANY (i.indclass::pg_catalog.oid[])
                     AND oc.opcintype = '@extschema@.indicator'::pg_catalog.regtype)
           OR EXISTS (SELECT FROM pg_catalog.pg_depend d
                      JOIN pg_catalog.pg_depend x ON x.classid = d.refclassid AND x.objid = d.refobjid
                                                 AND x.deptype = 'e'
                                                 AND x.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                      JOIN pg_catalog.pg_extension e ON e.oid = x.refobjid AND e.extname = 'frontrunner'
                      LEFT JOIN pg_catalog.pg_proc p ON d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                                    AND p.oid = d.refobjid
                      LEFT JOIN pg_catalog.pg_operator o ON d.refclassid = 'pg_catalog.pg_operator'::pg_catalog.regclass
                                                        AND o.oid = d.refobjid
                      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = i.indexrelid
                        AND ('@extschema@.indicator'::pg_catalog.regtype = ANY (p.proargtypes::pg_catalog.oid[])
                             OR p.prorettype = '@extschema@.indicator'::pg_catalog.regtype
                             OR '@extschema@.indicator'::pg_catalog.regtype IN (o.oprleft, o.oprright))))
    ORDER BY i.indexrelid::pg_catalog.regclass::text
  LOOP
    BEGIN
      EXECUTE pg_catalog.format('REINDEX INDEX %s', r.idx);
    EXCEPTION WHEN OTHERS THEN
      RAISE EXCEPTION 'index % cannot be rebuilt under 0.2.0''s indicator semantics: %', r.idx, SQLERRM
        USING ERRCODE = SQLSTATE,
              DETAIL = 'The index reads indicator values whose order, hash or meaning changed in 0.2.0 (volume fractions, %RH, bases).',
              HINT = 'Drop or change the index, run ALTER EXTENSION frontrunner UPDATE again, then create it anew.';
    END;
  END LOOP;
END
$$;

-- issue 20: supervision of disclosures: inspection campaigns, verifiable claims, valid references ----------
-- refuse_truncate() knows FR010 (inspection campaigns)
CREATE OR REPLACE FUNCTION @extschema@.refuse_truncate() RETURNS trigger
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

-- 45_test_methods.sql as installed
-- What a test method can measure (0.2.0, issue 20): test_method_limit, and
-- whether a disclosed claim is within it (rule 8: claim_judge(),
-- claim_check(), claim_effective()).  Before the plans and ranking (61
-- ranks claims as their method verifies them when a plan says so); the
-- views, the publication check and the inspections are in 75_inspection.sql.

-- test_method_limit ------------------------------------------------------------------------
CREATE TABLE @extschema@.test_method_limit (
  method               @extschema@.stdcode NOT NULL,
  analyte              text NOT NULL CONSTRAINT test_method_limit_analyte_check CHECK (btrim(analyte) <> ''),
  detection_limit      @extschema@.indicator,
  quantification_limit @extschema@.indicator,
  range_top            @extschema@.indicator,
  source               text NOT NULL CONSTRAINT test_method_limit_source_check CHECK (btrim(source) <> ''),
  source_kind          text NOT NULL
                       CONSTRAINT test_method_limit_source_kind_check CHECK (source_kind IN ('official', 'secondary')),
  PRIMARY KEY (method, analyte),
  CONSTRAINT test_method_limit_some_check CHECK (num_nonnulls(detection_limit, quantification_limit) >= 1)
);
COMMENT ON TABLE @extschema@.test_method_limit IS
  'what a test method can measure, per analyte (the indicator key disclosures use): detection and/or quantification limit and the top of the measuring range, with the source; a disclosed limit below it cannot be verified by that method (rule 8)';
COMMENT ON COLUMN @extschema@.test_method_limit.method IS 'the test method''s standard number, with its year';
COMMENT ON COLUMN @extschema@.test_method_limit.analyte IS 'what is measured: the indicator key disclosures use for it (disclosed_indicator.indicator, e.g. formaldehyde)';
COMMENT ON COLUMN @extschema@.test_method_limit.detection_limit IS 'detection limit (检出限), a value such as 20 mg/kg: below it the method reports "not detected"';
COMMENT ON COLUMN @extschema@.test_method_limit.quantification_limit IS 'quantification limit (定量限), when the method states one: the lowest value it measures; the floor of what it verifies when given';
COMMENT ON COLUMN @extschema@.test_method_limit.range_top IS 'the top of the measuring range, when given (e.g. 3500 mg/kg)';
COMMENT ON COLUMN @extschema@.test_method_limit.source IS 'where the figures come from (the text, clause, page or address)';
COMMENT ON COLUMN @extschema@.test_method_limit.source_kind IS 'official (the method''s own text or its publisher''s abstract) or secondary (quoted elsewhere: verify before regulatory use)';

CREATE FUNCTION @extschema@.test_method_limit_check() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  lim record;
  u text;
  prev numeric;
  v numeric;
BEGIN
  FOR lim IN SELECT * FROM (VALUES (1, 'detection_limit', NEW.detection_limit),
                                   (2, 'quantification_limit', NEW.quantification_limit),
                                   (3, 'range_top', NEW.range_top)) x(k, col, val)
             WHERE x.val IS NOT NULL ORDER BY x.k LOOP
    IF frontrunner.form(lim.val) <> 'point' OR frontrunner.species(lim.val) IS NOT NULL
       OR frontrunner.sample_basis(lim.val) IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('22023',
        format('%s of method %s for "%s" must be a plain value', lim.col, NEW.method, NEW.analyte),
        format('%s is %s (form %s).', lim.col, lim.val, frontrunner.form(lim.val)),
        'Write a number and its unit, e.g. 20 mg/kg.', 'test_method_limit', lim.col);
    END IF;
    IF u IS NULL THEN
      u := frontrunner.unit(lim.val);
    ELSIF NOT frontrunner.unit_commensurable(frontrunner.unit(lim.val), u) THEN
      PERFORM frontrunner.raise_violation('22023',
        format('the limits of method %s for "%s" are in units of different quantities', NEW.method, NEW.analyte),
        format('%s is %s; the limit before it is in %s.', lim.col, lim.val, coalesce(nullif(u, ''), 'a plain number')),
        'Give every limit of one method and analyte in units of the same quantity.', 'test_method_limit', lim.col);
    END IF;
    v := frontrunner.level(lim.val, 'lower_better', u);
    IF prev IS NOT NULL AND v < prev THEN
      PERFORM frontrunner.raise_violation('22023',
        format('the limits of method %s for "%s" are not in order', NEW.method, NEW.analyte),
        format('detection limit %s, quantification limit %s, range top %s.',
               coalesce(NEW.detection_limit::text, '-'), coalesce(NEW.quantification_limit::text, '-'),
               coalesce(NEW.range_top::text, '-')),
        'The detection limit is at most the quantification limit, which is at most the top of the measuring range.',
        'test_method_limit', lim.col);
    END IF;
    prev := v;
  END LOOP;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.test_method_limit_check() IS
  'trigger: the limits of a test method are plain values (a number and a unit, no basis), in units of one quantity, detection ≤ quantification ≤ range top (22023)';
CREATE TRIGGER test_method_limit_10_check BEFORE INSERT OR UPDATE ON @extschema@.test_method_limit
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.test_method_limit'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.test_method_limit_check();

-- rule 8: can the named method verify the claim? -----------------------------------------
CREATE FUNCTION @extschema@.claim_judge(requirement @extschema@.indicator, l @extschema@.test_method_limit)
RETURNS TABLE (verifiable boolean, method_floor @extschema@.indicator, effective @extschema@.indicator, reason text)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  u text;
  fl numeric;
  top numeric;
  ub numeric;
  lb numeric;
BEGIN
  effective := requirement;
  IF requirement IS NULL OR l.method IS NULL THEN
    reason := 'no limits of the test method recorded';
    RETURN NEXT;
    RETURN;
  END IF;
  method_floor := coalesce(l.quantification_limit, l.detection_limit);
  u := frontrunner.unit(method_floor);
  fl := frontrunner.level(method_floor, 'lower_better', u);
  IF frontrunner.is_nd(requirement) AND frontrunner.unit(requirement) IS NULL THEN
    -- ND without a stated limit: not detected by this method, i.e. below its detection limit
    verifiable := true;
    effective := ('ND(≤' || coalesce(l.detection_limit, l.quantification_limit)::text || ')')::frontrunner.indicator;
    reason := format('not detected by %s: below %s', l.method, coalesce(l.detection_limit, l.quantification_limit));
    RETURN NEXT;
    RETURN;
  END IF;
  IF frontrunner.species(requirement) IS NOT NULL OR frontrunner.sample_basis(requirement) IS NOT NULL
     OR NOT frontrunner.unit_commensurable(frontrunner.unit(requirement), u) THEN
    reason := format('%s cannot be compared with the limit of %s (%s)', requirement, l.method, method_floor);
    RETURN NEXT;
    RETURN;
  END IF;
  ub := frontrunner.level(requirement, 'lower_better', u);
  IF frontrunner.form(requirement) IN ('lower', 'range', 'point', 'tolerance') THEN
    lb := frontrunner.level(requirement, 'higher_better', u);
  END IF;
  top := frontrunner.level(l.range_top, 'lower_better', u);
  IF ub IS NOT NULL AND ub < fl THEN
    verifiable := false;
    effective := ('≤' || method_floor::text)::frontrunner.indicator;
    reason := format('the claimed limit %s %s is below what %s can measure (%s)', ub, u, l.method, method_floor);
  ELSIF lb > 0 AND lb < fl THEN
    verifiable := false;
    reason := format('the claimed lower bound %s %s is below what %s can measure (%s)', lb, u, l.method, method_floor);
  ELSIF lb > top THEN
    verifiable := false;
    reason := format('the claimed lower bound %s %s is above the measuring range of %s (up to %s)', lb, u, l.method, l.range_top);
  ELSE
    verifiable := true;
    reason := format('within what %s measures (from %s%s)', l.method, method_floor,
                     CASE WHEN l.range_top IS NOT NULL THEN ' to ' || l.range_top::text ELSE '' END);
  END IF;
  RETURN NEXT;
END
$$;
COMMENT ON FUNCTION @extschema@.claim_judge(@extschema@.indicator, @extschema@.test_method_limit) IS
  'rule 8 (verifiability) for one claim and the limits of its method: verifiable false when a limit of the claim is below the method''s floor (quantification limit, else detection limit) or a lower bound above its range top; NULL when the claim cannot be compared (another kind of quantity, a basis) or no limits are given; effective is the claim as the method verifies it (≤ the floor for a claim below it, ND(≤ detection limit) for an ND without a stated limit); reason says why';

CREATE FUNCTION @extschema@.claim_check(requirement @extschema@.indicator, test_method @extschema@.stdcode, analyte text)
RETURNS TABLE (verifiable boolean, method_floor @extschema@.indicator, effective @extschema@.indicator, reason text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT j.verifiable, j.method_floor, j.effective,
         CASE WHEN l.method IS NULL
              THEN CASE WHEN $2 IS NULL THEN 'no test method named'
                        ELSE format('no limits of %s for "%s" in test_method_limit', $2, $3) END
              ELSE j.reason END
  FROM (SELECT) one
  LEFT JOIN frontrunner.test_method_limit l ON l.method OPERATOR(frontrunner.=) $2 AND l.analyte = $3
  CROSS JOIN LATERAL frontrunner.claim_judge($1, l) j
$$;
COMMENT ON FUNCTION @extschema@.claim_check(@extschema@.indicator, @extschema@.stdcode, text) IS
  'rule 8 (verifiability): claim_judge() of a requirement with the limits test_method_limit records for its test method and analyte (verifiable NULL when none are recorded)';

CREATE FUNCTION @extschema@.claim_effective(requirement @extschema@.indicator, test_method @extschema@.stdcode, analyte text)
RETURNS @extschema@.indicator
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(c.effective, $1) FROM frontrunner.claim_check($1, $2, $3) c
$$;
COMMENT ON FUNCTION @extschema@.claim_effective(@extschema@.indicator, @extschema@.stdcode, text) IS
  'the claim as its test method verifies it (claim_check().effective): ≤ the method''s floor for a limit below it, ND(≤ detection limit) for an ND without a stated limit, else the requirement; what a plan with method_limits ranks';

-- ranking_query() ranks claims as their method verifies them when a plan says so (61_ranking.sql)
CREATE OR REPLACE FUNCTION @extschema@.ranking_query(plan_id bigint, output text DEFAULT 'rows') RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  r record;
  k int := 0;
  sel text := '';
  keys text := '';
  levels_present text := '';
  stats text := '';
  cuts text := '';
  outcols text := '';
  tcols text := '';
  leaders text := '';
  cutvals text := '';
  wscale int;
  wint boolean;
  wtot numeric;
  wk text;
  kleaders text := '';
  kcols text := '';
  better text;
  reach_l text;
  reach_a text;
  reach_b text;
  tk text;
  pk text;
  req text;
BEGIN
  p := frontrunner.plan_row(plan_id);
  -- the requirement as disclosed, or (plan option method_limits, 0.2.0) as
  -- its test method verifies it (claim_effective(), 45_test_methods.sql)
  req := CASE WHEN p.method_limits THEN 'frontrunner.claim_effective(i.requirement, i.test_method, i.indicator)'
              ELSE 'i.requirement' END;
  IF output NOT IN ('rows', 'cutoffs') THEN
    RAISE EXCEPTION 'invalid value for parameter "output": "%"', output
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('The outputs of ranking_query() are rows and cutoffs; %L is neither.', output),
            HINT = 'Give ''rows'' (one row per eligible disclosure) or ''cutoffs'' (one row per core indicator).';
  END IF;
  PERFORM frontrunner.plan_publication_check(plan_id);
  -- the score's numerator, Σ weight·place, is exact: in bigint when the
  -- weights are integers after scaling by 10^wscale and their sum is small
  -- enough that Σ weight·2n fits (n < 4.6e9), else in numeric
  SELECT max(scale(trim_scale(c.weight))) INTO wscale FROM frontrunner.plan_core_indicators(plan_id) c;
  SELECT trim_scale(sum(c.weight * 10::numeric ^ wscale)) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  wint := wscale <= 6 AND wtot <= 1000000000;
  IF NOT coalesce(wint, false) THEN
    wscale := 0;
    SELECT sum(c.weight) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  END IF;

  FOR r IN SELECT c.*, c.unit AS u FROM frontrunner.plan_core_indicators(plan_id) c LOOP
    k := r.k;
    -- better-or-equal comparison of levels in this direction
    better := CASE WHEN r.direction = 'higher_better' THEN '>=' ELSE '<=' END;
    -- one pass over the disclosed indicators, grouped by disclosure: the
    -- level of each core indicator (NULL when missing or in another
    -- dimension) and, for absolute cutoffs, whether the requirement reaches them
    sel := sel || format(', min(frontrunner.comparable_level(%5$s, %2$L::frontrunner.direction, %3$L)) FILTER (WHERE i.indicator = %4$L) AS l%1$s',
                         k, r.direction, r.u, r.indicator, req);
    IF r.leader_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rl%1$s', k, r.leader_cutoff, r.indicator, req);
    END IF;
    IF r.advanced_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS ra%1$s', k, r.advanced_cutoff, r.indicator, req);
    END IF;
    IF r.baseline_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rb%1$s', k, r.baseline_cutoff, r.indicator, req);
    END IF;
    keys := keys || CASE WHEN k > 1 THEN ', ' ELSE '' END || quote_literal(r.indicator);
    levels_present := levels_present || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('b.l%s IS NOT NULL', k);
    stats := stats || format(', frontrunner.levelset_noted(frontrunner.level_stats(b.l%1$s, %2$L::frontrunner.direction), %3$L, %4$L, %5$L) AS s%1$s',
                             k, r.direction, p.code, r.indicator, r.u);
    -- cutoffs: absolute (<@), best in market (the best level), or a fraction
    reach_l := CASE
      WHEN r.leader_cutoff IS NOT NULL THEN format('b.rl%s', k)
      WHEN p.style = 'best_in_market' THEN format('b.l%1$s = c.best%1$s', k)
      ELSE format('b.l%1$s %2$s c.lc%1$s', k, better) END;
    reach_a := CASE
      WHEN r.advanced_cutoff IS NOT NULL THEN format('b.ra%s', k)
      ELSE format('b.l%1$s %2$s c.ac%1$s', k, better) END;
    reach_b := CASE
      WHEN r.baseline_cutoff IS NOT NULL THEN format('b.rb%s', k)
      ELSE format('b.l%1$s %2$s c.bc%1$s', k, better) END;
    -- the best level: the first of the levelset (stored trimmed)
    cuts := cuts || format(', s.s%1$s, (SELECT l.level FROM frontrunner.levels(s.s%1$s) l ORDER BY l.position LIMIT 1) AS best%1$s, frontrunner.level_cutoff(s.s%1$s, %2$s) AS lc%1$s, frontrunner.level_cutoff(s.s%1$s, %3$s) AS ac%1$s, frontrunner.level_cutoff(s.s%1$s, %4$s) AS bc%1$s',
                           k, coalesce(r.leader_fraction::text, 'NULL::numeric'),
                           coalesce(r.advanced_fraction::text, 'NULL::numeric'),
                           coalesce(r.baseline_fraction::text, 'NULL::numeric'));
    -- tier reached on indicator k (the best tier whose cutoff it reaches)
    tk := format('CASE WHEN %s THEN ''leader''::frontrunner.tier WHEN %s THEN ''advanced''::frontrunner.tier WHEN %s THEN ''baseline''::frontrunner.tier ELSE ''below''::frontrunner.tier END',
                 reach_l, reach_a, reach_b);
    -- standing = place / (2·(n - 1)): places are summed, one division per disclosure
    pk := format('frontrunner.level_place(c.s%1$s, b.l%1$s)', k);
    outcols := outcols || format(', b.l%1$s, %2$s AS t%1$s, %3$s AS p%1$s', k, tk, pk);
    tcols := tcols || format(', t.l%1$s, t.t%1$s, t.p%1$s', k);
    -- leader on indicator k (the first branch of tk); leader overall on all
    leaders := leaders || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('(%s)', reach_l);
    -- cutoffs as readable requirements: the absolute cutoff, or the level with the direction's operator
    cutvals := cutvals || CASE WHEN k > 1 THEN ', ' ELSE '' END || format(
      '(%1$L, %2$L, c.n, frontrunner.level_distinct(c.s%3$s), c.best%3$s, %4$s, %5$s, %6$s)',
      r.indicator, r.u, k,
      CASE WHEN r.leader_cutoff IS NOT NULL THEN quote_literal(r.leader_cutoff::text)
           WHEN p.style = 'best_in_market' THEN format('%L || '' '' || c.best%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END)
           ELSE format('%L || '' '' || c.lc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.advanced_cutoff IS NOT NULL THEN quote_literal(r.advanced_cutoff::text)
           ELSE format('%L || '' '' || c.ac%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.baseline_cutoff IS NOT NULL THEN quote_literal(r.baseline_cutoff::text)
           ELSE format('%L || '' '' || c.bc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END);
    wk := CASE WHEN wint THEN (r.weight * 10::numeric ^ wscale)::bigint::text
               ELSE format('%s::numeric', r.weight) END;
    kleaders := kleaders || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * %s', wk, pk);
    kcols := kcols || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * t.p%s', wk, k);
  END LOOP;

  -- the shape above: b, s, c, then the rows (the leader cap computes only
  -- the leaders' keys) or the cutoffs
  RETURN format($q$
WITH b AS MATERIALIZED (
  SELECT d.id, d.enterprise, en.name AS enterprise_name, d.standard, d.published_at, p.*
  FROM (SELECT i.disclosure%1$s
        FROM frontrunner.disclosed_indicator i
        WHERE i.indicator IN (%2$s)%10$s
        GROUP BY i.disclosure) p
  JOIN frontrunner.disclosure d ON d.id = p.disclosure
  JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) d.enterprise
  WHERE d.category = %3$L AND d.status = 'published' AND d.published_at <= %4$L::timestamptz
    AND NOT EXISTS (SELECT FROM frontrunner.spot_check x JOIN frontrunner.disclosure xd ON xd.id = x.disclosure
                    WHERE xd.enterprise OPERATOR(frontrunner.=) d.enterprise AND NOT x.conforms
                      AND %4$L::timestamptz >= x.sampled_on::timestamptz
                      AND %4$L::timestamptz < (x.sampled_on + %5$s)::timestamptz)
), s AS (
  SELECT count(*) AS n%7$s FROM b WHERE %6$s
), c AS (
  SELECT s.n%8$s FROM s
)
%9$s
$q$, sel, keys, p.category, p.deadline, p.exclusion_days, levels_present, stats, cuts,
     CASE output
       WHEN 'rows' THEN format($r$
SELECT (row_number() OVER (ORDER BY q.tier, q.key DESC, q.published_at, q.id))::int AS rank, q.*,
       CASE WHEN q.n = 1 THEN 100::numeric
            ELSE trim_scale(round(100 * q.key::numeric(1000, 20) / ((2 * (q.n - 1))::numeric * %2$s), 20)) END AS score
  -- (consumers ORDER BY the same keys as the window, so the rows are sorted once;
  -- the score is computed after the sort, from the exact key, to 20 decimals
  -- like the standings)
FROM (
  -- the sort keys first: the sort compares them without walking the
  -- variable-width columns
  SELECT CASE WHEN t.tier0 = 'leader'::frontrunner.tier AND t.key < (
                SELECT %1$s
                FROM b CROSS JOIN c
                WHERE %3$s AND %4$s
                ORDER BY 1 DESC OFFSET %5$s LIMIT 1)
              THEN 'advanced'::frontrunner.tier ELSE t.tier0 END AS tier,
         t.key, t.published_at, t.id, t.tier0, t.n, t.enterprise, t.enterprise_name, t.standard%9$s
  FROM (
    SELECT t.*, GREATEST(%7$s) AS tier0, %8$s AS key
    FROM (
      SELECT b.id, b.enterprise, b.enterprise_name, b.standard, b.published_at%6$s, c.n
      FROM b CROSS JOIN c
      WHERE %3$s
      OFFSET 0
    ) t
  ) t
) q
$r$, kleaders, wtot, levels_present, leaders, p.leader_cap - 1, outcols,
     (SELECT string_agg(format('t.t%s', i), ', ') FROM generate_series(1, k) i), kcols, tcols)
       WHEN 'cutoffs' THEN format('SELECT v.* FROM c CROSS JOIN LATERAL (VALUES %s) v(indicator, unit, eligible, distinct_levels, best, leader_cutoff, advanced_cutoff, baseline_cutoff)', cutvals)
     END,
     -- the grouped pass reads the disclosed indicators with the plan's keys;
     -- when another category also has one of these keys, it first keeps
     -- only the candidate disclosures' rows (the join to d below filters
     -- them in any case, so this only saves grouping rows of no use)
     CASE WHEN EXISTS (SELECT FROM frontrunner.indicator_def f
                       WHERE f.category <> p.category
                         AND f.key IN (SELECT c.indicator FROM frontrunner.plan_core_indicators(plan_id) c))
          THEN format($x$
          AND i.disclosure IN (SELECT x.id FROM frontrunner.disclosure x
                               WHERE x.category = %1$L AND x.status = 'published' AND x.published_at <= %2$L::timestamptz)$x$,
                      p.category, p.deadline)
          ELSE '' END);
END
$$;
COMMENT ON FUNCTION @extschema@.ranking_query(bigint, text) IS
  'the SQL text rank_plan(), indicator_lists() and plan_cutoffs() run for a plan (the requirements as disclosed, or as their test methods verify them when the plan sets method_limits); output ''rows'': one row per eligible disclosure in rank order: rank, tier, key (the exact Σ weight·place the order and the cap compare), published_at, id, tier0 (before the cap), n, enterprise, enterprise_name, standard, per core indicator k (in key order) level lk, tier tk and place pk (level_place()), and score; ''cutoffs'': one row per core indicator; for inspection with EXPLAIN';

-- 75_inspection.sql as installed
-- Supervision of disclosures (0.2.0, issue 20): the claims a test method
-- cannot verify (rule 8, FR009; the methods' limits are in
-- 45_test_methods.sql) and the plan option that ranks claims as their method
-- verifies them; which standard replaced which (standard.replaced_by) and the
-- disclosures whose references are withdrawn or replaced; random inspection
-- campaigns (双随机、一公开): the seeded draw, the inspection items the
-- database pre-fills, the inspectors' results, findings with their
-- rectification deadline and follow-up, and the published report (FR010).
-- Row-level security of the per-enterprise tables is at the end of this
-- file; their classes are in security_objects() (90_security.sql).

-- references: what replaced what ------------------------------------------------------
ALTER TABLE @extschema@.standard
  ADD COLUMN replaced_by @extschema@.stdcode REFERENCES @extschema@.standard (code) ON UPDATE CASCADE,
  ADD COLUMN replaced_on date,
  ADD CONSTRAINT standard_replaced_by_check CHECK (NOT (replaced_by OPERATOR(@extschema@.=) code)),
  ADD CONSTRAINT standard_replaced_on_check CHECK (replaced_on IS NULL OR replaced_by IS NOT NULL);
COMMENT ON COLUMN @extschema@.standard.replaced_by IS 'the edition or standard that replaced this one (代替), a row of this table; NULL: not replaced';
COMMENT ON COLUMN @extschema@.standard.replaced_on IS 'the date the replacement took effect, when known (needs replaced_by)';

CREATE FUNCTION @extschema@.standard_current(code @extschema@.stdcode) RETURNS @extschema@.stdcode
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  cur frontrunner.stdcode := code;
  nxt frontrunner.stdcode;
BEGIN
  -- follow replaced_by to the end of the chain (at most 100 steps: a chain
  -- that loops ends where the steps run out)
  FOR step IN 1 .. 100 LOOP
    SELECT s.replaced_by INTO nxt FROM frontrunner.standard s WHERE s.code OPERATOR(frontrunner.=) cur;
    EXIT WHEN nxt IS NULL;
    cur := nxt;
  END LOOP;
  RETURN cur;
END
$$;
COMMENT ON FUNCTION @extschema@.standard_current(@extschema@.stdcode) IS
  'the standard that replaces code today: replaced_by followed to the end of the chain (code itself when nothing replaced it or it is not in table standard)';

CREATE VIEW @extschema@.reference_report AS
WITH RECURSIVE chain(start, code, depth) AS (
  SELECT s.code, s.replaced_by, 1 FROM @extschema@.standard s WHERE s.replaced_by IS NOT NULL
  UNION ALL
  SELECT c.start, s.replaced_by, c.depth + 1
  FROM chain c JOIN @extschema@.standard s ON s.code OPERATOR(@extschema@.=) c.code
  WHERE s.replaced_by IS NOT NULL AND c.depth < 100
), cur AS (
  SELECT d.id, d.enterprise, d.category, d.product, d.standard
  FROM @extschema@.disclosure d WHERE d.status = 'published'
), refs AS (
  SELECT cur.id, cur.enterprise, cur.category, cur.product, 'executed standard' AS reference_kind,
         NULL::text AS indicator, cur.standard AS reference
  FROM cur
  UNION ALL
  SELECT cur.id, cur.enterprise, cur.category, cur.product, 'test method', i.indicator, i.test_method
  FROM cur JOIN @extschema@.disclosed_indicator i ON i.disclosure = cur.id
  WHERE i.test_method IS NOT NULL
)
SELECT r.id AS disclosure, r.enterprise::text AS enterprise, r.category, r.product,
       r.reference_kind, r.indicator, r.reference::text AS reference,
       CASE WHEN s.withdrawn_on <= CURRENT_DATE THEN 'withdrawn' ELSE 'replaced' END AS state,
       s.withdrawn_on, s.replaced_by::text AS replaced_by, s.replaced_on,
       coalesce((SELECT c.code FROM chain c WHERE c.start OPERATOR(@extschema@.=) s.code ORDER BY c.depth DESC LIMIT 1),
                s.code)::text AS current_edition
FROM refs r
JOIN @extschema@.standard s ON s.code OPERATOR(@extschema@.=) r.reference
WHERE s.withdrawn_on <= CURRENT_DATE OR s.replaced_by IS NOT NULL;
COMMENT ON VIEW @extschema@.reference_report IS
  'current (published) disclosures whose executed standard or a test method is withdrawn (withdrawn_on passed) or replaced (replaced_by set), with the replacement and the edition current today (plain column types)';
COMMENT ON COLUMN @extschema@.reference_report.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.reference_report.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.reference_report.category IS 'category';
COMMENT ON COLUMN @extschema@.reference_report.product IS 'product';
COMMENT ON COLUMN @extschema@.reference_report.reference_kind IS 'executed standard or test method';
COMMENT ON COLUMN @extschema@.reference_report.indicator IS 'the indicator whose test method it is (NULL for the executed standard)';
COMMENT ON COLUMN @extschema@.reference_report.reference IS 'the standard number the disclosure names';
COMMENT ON COLUMN @extschema@.reference_report.state IS 'withdrawn (its withdrawal date has passed) or replaced (a replacement is recorded, the old edition not withdrawn yet)';
COMMENT ON COLUMN @extschema@.reference_report.withdrawn_on IS 'date it was withdrawn (废止), when known';
COMMENT ON COLUMN @extschema@.reference_report.replaced_by IS 'what replaced it (standard.replaced_by)';
COMMENT ON COLUMN @extschema@.reference_report.replaced_on IS 'date the replacement took effect, when known';
COMMENT ON COLUMN @extschema@.reference_report.current_edition IS 'the end of the replacement chain (standard_current(reference)): the edition to execute or test by today';

CREATE VIEW @extschema@.claim_verifiability AS
SELECT d.id AS disclosure, d.enterprise::text AS enterprise, d.category, d.product,
       i.indicator, i.requirement::text AS requirement, i.test_method::text AS test_method,
       l.detection_limit::text AS detection_limit, l.quantification_limit::text AS quantification_limit,
       l.range_top::text AS range_top, c.verifiable, c.effective::text AS effective, c.reason,
       l.source_kind
FROM @extschema@.disclosure d
JOIN @extschema@.disclosed_indicator i ON i.disclosure = d.id
JOIN @extschema@.test_method_limit l
  ON l.method OPERATOR(@extschema@.=) i.test_method AND l.analyte = i.indicator
CROSS JOIN LATERAL @extschema@.claim_judge(i.requirement, l) c
WHERE d.status = 'published';
COMMENT ON VIEW @extschema@.claim_verifiability IS
  'rule 8: every indicator of a current (published) disclosure whose test method has recorded limits, judged by claim_judge(): verifiable or not, the claim as the method verifies it, and why (plain column types)';
COMMENT ON COLUMN @extschema@.claim_verifiability.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.claim_verifiability.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.claim_verifiability.category IS 'category';
COMMENT ON COLUMN @extschema@.claim_verifiability.product IS 'product';
COMMENT ON COLUMN @extschema@.claim_verifiability.indicator IS 'indicator key (the analyte)';
COMMENT ON COLUMN @extschema@.claim_verifiability.requirement IS 'the disclosed requirement';
COMMENT ON COLUMN @extschema@.claim_verifiability.test_method IS 'the test method it names';
COMMENT ON COLUMN @extschema@.claim_verifiability.detection_limit IS 'the method''s detection limit (test_method_limit)';
COMMENT ON COLUMN @extschema@.claim_verifiability.quantification_limit IS 'the method''s quantification limit';
COMMENT ON COLUMN @extschema@.claim_verifiability.range_top IS 'the top of the method''s measuring range';
COMMENT ON COLUMN @extschema@.claim_verifiability.verifiable IS 'false: the method cannot verify the claim; NULL: it cannot be compared (other unit kind, basis)';
COMMENT ON COLUMN @extschema@.claim_verifiability.effective IS 'the claim as the method verifies it: ≤ the method''s floor for an unverifiable limit, ND(≤ detection limit) for an ND without a stated limit, else the requirement';
COMMENT ON COLUMN @extschema@.claim_verifiability.reason IS 'why, in words';
COMMENT ON COLUMN @extschema@.claim_verifiability.source_kind IS 'official or secondary (verify before regulatory use)';

CREATE VIEW @extschema@.unverifiable_leader AS
SELECT l.plan, l.ranking, l.rank, l.disclosure, l.enterprise, l.enterprise_name, l.product,
       v.indicator, v.requirement, v.test_method, v.effective, v.reason
FROM @extschema@.current_leaders l
JOIN @extschema@.claim_verifiability v ON v.disclosure = l.disclosure AND NOT v.verifiable
JOIN @extschema@.evaluation_plan p ON p.code = l.plan
JOIN @extschema@.plan_indicator pi ON pi.plan = p.id AND pi.indicator = v.indicator;
COMMENT ON VIEW @extschema@.unverifiable_leader IS
  'current leaders (领跑者) ranked on a core indicator whose claim their own test method cannot verify (rule 8), with the claim as the method verifies it (plain column types)';
COMMENT ON COLUMN @extschema@.unverifiable_leader.plan IS 'plan code';
COMMENT ON COLUMN @extschema@.unverifiable_leader.ranking IS 'id of the published list';
COMMENT ON COLUMN @extschema@.unverifiable_leader.rank IS '1-based place in the list';
COMMENT ON COLUMN @extschema@.unverifiable_leader.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.unverifiable_leader.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.unverifiable_leader.enterprise_name IS 'enterprise name';
COMMENT ON COLUMN @extschema@.unverifiable_leader.product IS 'product';
COMMENT ON COLUMN @extschema@.unverifiable_leader.indicator IS 'the core indicator concerned';
COMMENT ON COLUMN @extschema@.unverifiable_leader.requirement IS 'the disclosed requirement';
COMMENT ON COLUMN @extschema@.unverifiable_leader.test_method IS 'the test method it names';
COMMENT ON COLUMN @extschema@.unverifiable_leader.effective IS 'the claim as the method verifies it';
COMMENT ON COLUMN @extschema@.unverifiable_leader.reason IS 'why it cannot be verified';

-- a plan option: rank claims as their test method verifies them -------------------------
ALTER TABLE @extschema@.evaluation_plan
  ADD COLUMN method_limits boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN @extschema@.evaluation_plan.method_limits IS
  'rank every disclosed requirement as its test method verifies it (claim_effective()): a limit below what the method can measure at the method''s floor, an ND without a stated limit at the method''s detection limit (default false: as disclosed)';

-- the DBA's choice: refuse publication, or publish with the flag -------------------------
CREATE FUNCTION @extschema@.unverifiable_claims_setting() RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v text;
BEGIN
  -- superuser-set (PGC_SUSET, src/frontrunner.c): the DBA's choice, which a
  -- tenant cannot SET; before the module is loaded a value set by ALTER
  -- DATABASE is a placeholder the module has not checked yet
  v := pg_catalog.current_setting('frontrunner.unverifiable_claims', true);
  v := coalesce(v, 'flag');
  IF v NOT IN ('flag', 'refuse') THEN
    PERFORM frontrunner.raise_violation('22023',
      format('invalid value for setting frontrunner.unverifiable_claims: "%s"', v),
      format('Database %s sets frontrunner.unverifiable_claims to "%s".', pg_catalog.current_database(), v),
      'Use flag (publish with the flag, the default) or refuse: ALTER DATABASE … SET frontrunner.unverifiable_claims = ''refuse''.',
      NULL, NULL);
  END IF;
  RETURN v;
END
$$;
COMMENT ON FUNCTION @extschema@.unverifiable_claims_setting() IS
  'setting frontrunner.unverifiable_claims (superuser-set, e.g. ALTER DATABASE … SET): flag (default: publish, claim_verifiability shows the flag) or refuse (rule 8 refuses publication, FR009); 22023 for another value';

CREATE FUNCTION @extschema@.disclosure_verifiable_check() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  bad record;
BEGIN
  IF frontrunner.unverifiable_claims_setting() <> 'refuse' THEN
    RETURN NEW;
  END IF;
  SELECT i.indicator, i.requirement, i.test_method, c.reason, c.method_floor INTO bad
  FROM frontrunner.disclosed_indicator i
  CROSS JOIN LATERAL frontrunner.claim_check(i.requirement, i.test_method, i.indicator) c
  WHERE i.disclosure = NEW.id AND i.enterprise OPERATOR(frontrunner.=) NEW.enterprise AND NOT c.verifiable
  ORDER BY i.indicator LIMIT 1;
  IF FOUND THEN
    PERFORM frontrunner.raise_violation('FR009',
      format('rule 8 (verifiability): test method %s cannot verify "%s" %s', bad.test_method, bad.indicator, bad.requirement),
      format('Disclosure %s: %s.', NEW.id, bad.reason),
      format('Disclose a limit the method can measure (not below %s), or name a method that measures lower; this database refuses unverifiable claims (frontrunner.unverifiable_claims = refuse).', bad.method_floor),
      'disclosed_indicator', 'requirement');
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_verifiable_check() IS
  'trigger at publication: when the database sets frontrunner.unverifiable_claims = refuse, a disclosed limit its own test method cannot verify (claim_check()) refuses publication (rule 8, FR009)';
CREATE TRIGGER disclosure_60_verifiable BEFORE UPDATE OF status ON @extschema@.disclosure
  FOR EACH ROW WHEN (NEW.status = 'published' AND OLD.status = 'draft')
  EXECUTE FUNCTION @extschema@.disclosure_verifiable_check();

-- inspection campaigns (双随机、一公开) ----------------------------------------------------
CREATE TABLE @extschema@.inspection_campaign (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code            text NOT NULL CONSTRAINT inspection_campaign_code_key UNIQUE
                  CONSTRAINT inspection_campaign_code_check CHECK (code ~ '^\S+$'),
  title           text NOT NULL CONSTRAINT inspection_campaign_title_check CHECK (btrim(title) <> ''),
  authority       text NOT NULL CONSTRAINT inspection_campaign_authority_check CHECK (btrim(authority) <> ''),
  category        text REFERENCES @extschema@.category (code) ON UPDATE CASCADE,
  district        text CONSTRAINT inspection_campaign_district_check CHECK (district ~ '^([0-9]{2}){1,3}$'),
  sample_size     integer CONSTRAINT inspection_campaign_sample_size_check CHECK (sample_size > 0),
  sample_fraction numeric CONSTRAINT inspection_campaign_sample_fraction_check CHECK (sample_fraction > 0 AND sample_fraction <= 1),
  inspectors      text[] NOT NULL,
  team_size       integer NOT NULL DEFAULT 2 CONSTRAINT inspection_campaign_team_size_check CHECK (team_size BETWEEN 1 AND 10),
  seed            text NOT NULL DEFAULT pg_catalog.gen_random_uuid()::text
                  CONSTRAINT inspection_campaign_seed_check CHECK (btrim(seed) <> ''),
  status          text NOT NULL DEFAULT 'planned'
                  CONSTRAINT inspection_campaign_status_check CHECK (status IN ('planned', 'drawn', 'published')),
  created_by      name NOT NULL DEFAULT current_user,
  created_at      timestamptz NOT NULL DEFAULT now(),
  population      bigint[],
  drawn_at        timestamptz,
  published_at    timestamptz,
  CONSTRAINT inspection_campaign_size_check CHECK (num_nonnulls(sample_size, sample_fraction) = 1),
  CONSTRAINT inspection_campaign_drawn_check CHECK ((status = 'planned') = (drawn_at IS NULL AND population IS NULL)),
  CONSTRAINT inspection_campaign_published_check CHECK ((status = 'published') = (published_at IS NOT NULL))
);
COMMENT ON TABLE @extschema@.inspection_campaign IS
  'random inspection campaigns of disclosures (双随机、一公开): scope, sample size, inspector pool and seed, recorded by the regulator; planned → drawn (draw_campaign(), frozen) → published (campaign_report)';
COMMENT ON COLUMN @extschema@.inspection_campaign.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.inspection_campaign.code IS 'campaign code (no spaces), unique';
COMMENT ON COLUMN @extschema@.inspection_campaign.title IS 'title of the campaign';
COMMENT ON COLUMN @extschema@.inspection_campaign.authority IS 'the market regulation authority that runs it';
COMMENT ON COLUMN @extschema@.inspection_campaign.category IS 'scope: only disclosures of this category (NULL: every category)';
COMMENT ON COLUMN @extschema@.inspection_campaign.district IS 'scope: only enterprises whose division code (region, else from the USCC) starts with these 2, 4 or 6 digits (11: Beijing, 1101: its districts, 110108: Haidian); NULL: everywhere';
COMMENT ON COLUMN @extschema@.inspection_campaign.sample_size IS 'how many disclosures to draw (at most all of the population); or sample_fraction';
COMMENT ON COLUMN @extschema@.inspection_campaign.sample_fraction IS 'the share of the population to draw, in (0, 1]: ceil(fraction × population) disclosures; or sample_size';
COMMENT ON COLUMN @extschema@.inspection_campaign.inspectors IS 'the inspector pool (执法检查人员名录库): login role names, members of frontrunner_regulator; distinct, at least team_size';
COMMENT ON COLUMN @extschema@.inspection_campaign.team_size IS 'inspectors drawn for each disclosure (default 2: inspections are made by at least two officers)';
COMMENT ON COLUMN @extschema@.inspection_campaign.seed IS 'the seed of the draw, recorded at creation and never changed (default: a random UUID); publish it, so that anyone can re-run the draw';
COMMENT ON COLUMN @extschema@.inspection_campaign.status IS 'planned (scope editable), drawn (draw stored and frozen, results being recorded) or published';
COMMENT ON COLUMN @extschema@.inspection_campaign.created_by IS 'the regulator who created it (current_user, set by the database)';
COMMENT ON COLUMN @extschema@.inspection_campaign.created_at IS 'database clock at creation';
COMMENT ON COLUMN @extschema@.inspection_campaign.population IS 'the ids of the disclosures in scope when drawn (published ones), ascending: the population the draw was made from';
COMMENT ON COLUMN @extschema@.inspection_campaign.drawn_at IS 'database clock of the draw';
COMMENT ON COLUMN @extschema@.inspection_campaign.published_at IS 'database clock of the publication of the results';

CREATE TABLE @extschema@.inspection_draw (
  campaign   bigint NOT NULL REFERENCES @extschema@.inspection_campaign (id),
  disclosure bigint NOT NULL,
  inspector  text NOT NULL,
  place   integer NOT NULL,
  team_rank  integer NOT NULL,
  enterprise @extschema@.uscc NOT NULL,
  PRIMARY KEY (campaign, disclosure, inspector),
  CONSTRAINT inspection_draw_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id)
);
COMMENT ON TABLE @extschema@.inspection_draw IS
  'the draw of a campaign, stored when it is made (the first draw_campaign()): each drawn disclosure with the inspectors drawn for it; never changed';
COMMENT ON COLUMN @extschema@.inspection_draw.campaign IS 'the campaign';
COMMENT ON COLUMN @extschema@.inspection_draw.disclosure IS 'a drawn disclosure';
COMMENT ON COLUMN @extschema@.inspection_draw.inspector IS 'an inspector drawn for it';
COMMENT ON COLUMN @extschema@.inspection_draw.place IS 'the disclosure''s place in the draw order (1 first)';
COMMENT ON COLUMN @extschema@.inspection_draw.team_rank IS 'the inspector''s place in the draw order for this disclosure (1 first)';
COMMENT ON COLUMN @extschema@.inspection_draw.enterprise IS 'the disclosure''s enterprise (the tenant)';

CREATE TABLE @extschema@.inspection_result (
  campaign    bigint NOT NULL REFERENCES @extschema@.inspection_campaign (id),
  disclosure  bigint NOT NULL,
  item        text NOT NULL
              CONSTRAINT inspection_result_item_check CHECK (item IN ('mandatory_floor', 'withdrawn_standard', 'numbering',
                                                                     'indicators_disclosed', 'references', 'verifiability')),
  outcome     text NOT NULL
              CONSTRAINT inspection_result_outcome_check CHECK (outcome IN ('conforms', 'nonconforming', 'not_judged')),
  prefilled   text NOT NULL
              CONSTRAINT inspection_result_prefilled_check CHECK (prefilled IN ('conforms', 'nonconforming', 'not_judged')),
  detail      text,
  recorded_by name,
  recorded_at timestamptz,
  enterprise  @extschema@.uscc NOT NULL,
  PRIMARY KEY (campaign, disclosure, item),
  CONSTRAINT inspection_result_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id),
  CONSTRAINT inspection_result_recorded_check CHECK ((recorded_by IS NULL) = (recorded_at IS NULL))
);
COMMENT ON TABLE @extschema@.inspection_result IS
  'the result of each inspection item of each drawn disclosure: pre-filled by the database at the draw from what it knows, confirmed or corrected by an inspector drawn for the disclosure';
COMMENT ON COLUMN @extschema@.inspection_result.campaign IS 'the campaign';
COMMENT ON COLUMN @extschema@.inspection_result.disclosure IS 'the drawn disclosure';
COMMENT ON COLUMN @extschema@.inspection_result.item IS 'mandatory_floor (below a mandatory standard), withdrawn_standard (executing a withdrawn standard), numbering, indicators_disclosed (indicators and test methods disclosed), references (test methods withdrawn or replaced), verifiability (claims the named method cannot verify)';
COMMENT ON COLUMN @extschema@.inspection_result.outcome IS 'conforms, nonconforming or not_judged; the inspector''s once recorded_by is set';
COMMENT ON COLUMN @extschema@.inspection_result.prefilled IS 'what the database found at the draw (kept when an inspector records another outcome)';
COMMENT ON COLUMN @extschema@.inspection_result.detail IS 'what was found (the database''s words, or the inspector''s)';
COMMENT ON COLUMN @extschema@.inspection_result.recorded_by IS 'the inspector who recorded the outcome (current_user, set by the database); NULL: not confirmed yet';
COMMENT ON COLUMN @extschema@.inspection_result.recorded_at IS 'database clock when the inspector recorded it';
COMMENT ON COLUMN @extschema@.inspection_result.enterprise IS 'the disclosure''s enterprise (the tenant)';

CREATE TABLE @extschema@.inspection_finding (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign       bigint NOT NULL,
  disclosure     bigint NOT NULL,
  item           text NOT NULL,
  description    text NOT NULL CONSTRAINT inspection_finding_description_check CHECK (btrim(description) <> ''),
  deadline       date NOT NULL,
  follow_up      text NOT NULL DEFAULT 'pending'
                 CONSTRAINT inspection_finding_follow_up_check CHECK (follow_up IN ('pending', 'rectified', 'not_rectified')),
  follow_up_note text,
  found_by       name NOT NULL DEFAULT current_user,
  found_at       timestamptz NOT NULL DEFAULT now(),
  followed_up_at timestamptz,
  enterprise     @extschema@.uscc NOT NULL,
  CONSTRAINT inspection_finding_result_fkey FOREIGN KEY (campaign, disclosure, item)
    REFERENCES @extschema@.inspection_result (campaign, disclosure, item),
  CONSTRAINT inspection_finding_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id),
  CONSTRAINT inspection_finding_follow_up_note_check CHECK ((follow_up = 'pending') = (followed_up_at IS NULL AND follow_up_note IS NULL)),
  CONSTRAINT inspection_finding_note_blank_check CHECK (btrim(follow_up_note) <> '')
);
COMMENT ON TABLE @extschema@.inspection_finding IS
  'findings of a campaign on a nonconforming item, with the rectification deadline (责令限期改正) and the follow-up (pending → rectified | not_rectified); recorded by the regulator, read by the enterprise concerned';
COMMENT ON COLUMN @extschema@.inspection_finding.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.inspection_finding.campaign IS 'the campaign';
COMMENT ON COLUMN @extschema@.inspection_finding.disclosure IS 'the drawn disclosure';
COMMENT ON COLUMN @extschema@.inspection_finding.item IS 'the inspection item found nonconforming (inspection_result)';
COMMENT ON COLUMN @extschema@.inspection_finding.description IS 'what the enterprise must correct';
COMMENT ON COLUMN @extschema@.inspection_finding.deadline IS 'the rectification deadline (after the day of the finding)';
COMMENT ON COLUMN @extschema@.inspection_finding.follow_up IS 'pending, rectified or not_rectified (the follow-up inspection''s result, once)';
COMMENT ON COLUMN @extschema@.inspection_finding.follow_up_note IS 'what the follow-up found (required with it)';
COMMENT ON COLUMN @extschema@.inspection_finding.found_by IS 'who recorded the finding (current_user, set by the database)';
COMMENT ON COLUMN @extschema@.inspection_finding.found_at IS 'database clock of the finding';
COMMENT ON COLUMN @extschema@.inspection_finding.followed_up_at IS 'database clock of the follow-up';
COMMENT ON COLUMN @extschema@.inspection_finding.enterprise IS 'the disclosure''s enterprise (the tenant), filled by the database when not written';
CREATE INDEX inspection_finding_result_idx ON @extschema@.inspection_finding (campaign, disclosure, item);
CREATE INDEX inspection_finding_enterprise_idx ON @extschema@.inspection_finding (enterprise, follow_up);

-- the draw --------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.draw_key(seed text, item text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to($1 || ':' || $2, 'UTF8')), 'hex')
$$;
COMMENT ON FUNCTION @extschema@.draw_key(text, text) IS
  'the key of the draw: lower-case hex of SHA-256 (FIPS 180-4) of the UTF-8 bytes of seed || '':'' || item; the draw orders disclosures by draw_key(seed, id) and the inspectors of a disclosure by draw_key(seed, id || '':'' || inspector), bytewise';

CREATE FUNCTION @extschema@.campaign_population(c @extschema@.inspection_campaign) RETURNS bigint[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(pg_catalog.array_agg(d.id ORDER BY d.id), '{}')
  FROM frontrunner.disclosure d
  JOIN frontrunner.enterprise e ON e.uscc OPERATOR(frontrunner.=) d.enterprise
  WHERE d.status = 'published'
    AND (c.category IS NULL OR d.category = c.category)
    AND (c.district IS NULL
         OR left(coalesce(e.region, frontrunner.uscc_region(e.uscc)), length(c.district)) = c.district)
$$;
COMMENT ON FUNCTION @extschema@.campaign_population(@extschema@.inspection_campaign) IS
  'the ids of the published disclosures in a campaign''s scope (category, district prefix of the enterprise''s division code), ascending: what the draw draws from';

CREATE FUNCTION @extschema@.campaign_sample(population bigint[], seed text, sample_size integer,
                                            sample_fraction numeric, inspectors text[], team_size integer)
RETURNS TABLE (disclosure bigint, inspector text, place integer, team_rank integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  WITH n AS (
    SELECT least(cardinality($1), coalesce($3, ceil($4 * cardinality($1))::integer)) AS n
  ), drawn AS (
    SELECT p.id, row_number() OVER (ORDER BY frontrunner.draw_key($2, p.id::text) COLLATE "C", p.id)::integer AS place
    FROM unnest($1) p(id)
  )
  SELECT d.id, t.inspector, d.place, t.team_rank
  FROM drawn d
  CROSS JOIN LATERAL (
    SELECT i.name AS inspector,
           row_number() OVER (ORDER BY frontrunner.draw_key($2, d.id::text || ':' || i.name) COLLATE "C", i.name COLLATE "C")::integer AS team_rank
    FROM unnest($5) i(name)
  ) t
  WHERE d.place <= (SELECT n.n FROM n) AND t.team_rank <= $6
  ORDER BY d.place, t.team_rank
$$;
COMMENT ON FUNCTION @extschema@.campaign_sample(bigint[], text, integer, numeric, text[], integer) IS
  'the draw as a pure function of its inputs (README, Inspection campaigns): the population ordered by draw_key(seed, id), the first n taken (n = sample_size, or ceil(sample_fraction × |population|), at most |population|); for each, the inspectors ordered by draw_key(seed, id:inspector), the first team_size';

CREATE FUNCTION @extschema@.inspection_prefill(disclosure_id bigint)
RETURNS TABLE (item text, outcome text, detail text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  WITH d AS (
    SELECT x.id, x.enterprise, x.standard FROM frontrunner.disclosure x WHERE x.id = $1
  ), v AS (
    SELECT w.rule, w.message FROM frontrunner.disclosure_violations(ARRAY[$1]) w
  ), refs AS (
    SELECT r.reference_kind, r.indicator, r.reference, r.state, r.current_edition
    FROM frontrunner.reference_report r WHERE r.disclosure = $1
  ), claims AS (
    SELECT i.indicator, i.requirement, i.test_method, c.verifiable, c.reason
    FROM frontrunner.disclosed_indicator i
    JOIN d ON i.disclosure = d.id AND i.enterprise OPERATOR(frontrunner.=) d.enterprise
    CROSS JOIN LATERAL frontrunner.claim_check(i.requirement, i.test_method, i.indicator) c
  ), checks(item, bad, unknown, found, ok) AS (
    SELECT 'mandatory_floor',
           EXISTS (SELECT FROM v WHERE v.rule = 'rule 3'), false,
           (SELECT string_agg(v.message, '; ') FROM v WHERE v.rule = 'rule 3'),
           'every disclosed indicator is at least as strict as the in-force mandatory standards'
    UNION ALL
    SELECT 'withdrawn_standard',
           EXISTS (SELECT FROM refs WHERE refs.reference_kind = 'executed standard' AND refs.state = 'withdrawn'),
           NOT EXISTS (SELECT FROM d JOIN frontrunner.standard s ON s.code OPERATOR(frontrunner.=) d.standard)
             AND frontrunner.std_kind((SELECT d.standard FROM d)) <> 'enterprise',
           (SELECT string_agg(format('executes %s, withdrawn; current edition %s', refs.reference, refs.current_edition), '; ')
            FROM refs WHERE refs.reference_kind = 'executed standard' AND refs.state = 'withdrawn'),
           CASE WHEN EXISTS (SELECT FROM d JOIN frontrunner.standard s ON s.code OPERATOR(frontrunner.=) d.standard)
                     OR frontrunner.std_kind((SELECT d.standard FROM d)) = 'enterprise'
                THEN 'the executed standard is not withdrawn'
                ELSE format('standard %s is not in table standard: check that it is in force', (SELECT d.standard FROM d)) END
    UNION ALL
    SELECT 'numbering',
           frontrunner.standard_number_problem((SELECT d.standard FROM d)) IS NOT NULL
             AND frontrunner.std_kind((SELECT d.standard FROM d)) = 'enterprise', false,
           (frontrunner.standard_number_problem((SELECT d.standard FROM d)))[1],
           'the standard number is well formed'
    UNION ALL
    SELECT 'indicators_disclosed',
           EXISTS (SELECT FROM v WHERE v.rule = 'rule 2'), false,
           (SELECT string_agg(v.message, '; ') FROM v WHERE v.rule = 'rule 2'),
           'the required indicators and their test methods are disclosed'
    UNION ALL
    SELECT 'references',
           EXISTS (SELECT FROM refs WHERE refs.reference_kind = 'test method'), false,
           (SELECT string_agg(format('%s: %s %s, current edition %s', refs.indicator, refs.reference, refs.state, refs.current_edition),
                              '; ' ORDER BY refs.indicator)
            FROM refs WHERE refs.reference_kind = 'test method'),
           'no test method named is withdrawn or replaced'
    UNION ALL
    SELECT 'verifiability',
           EXISTS (SELECT FROM claims WHERE NOT claims.verifiable),
           EXISTS (SELECT FROM claims WHERE claims.verifiable IS NULL),
           (SELECT string_agg(format('%s %s: %s', claims.indicator, claims.requirement, claims.reason), '; ' ORDER BY claims.indicator)
            FROM claims WHERE NOT claims.verifiable),
           CASE WHEN EXISTS (SELECT FROM claims WHERE claims.verifiable IS NULL)
                THEN 'not judged: ' || (SELECT string_agg(format('%s (%s)', claims.indicator, claims.reason), '; ' ORDER BY claims.indicator)
                                        FROM claims WHERE claims.verifiable IS NULL)
                ELSE 'every limit disclosed is within what its test method measures' END
  )
  SELECT c.item,
         CASE WHEN c.bad THEN 'nonconforming' WHEN c.unknown THEN 'not_judged' ELSE 'conforms' END,
         CASE WHEN c.bad THEN c.found ELSE c.ok END
  FROM checks c
$$;
COMMENT ON FUNCTION @extschema@.inspection_prefill(bigint) IS
  'what the database knows about the six inspection items of a disclosure (mandatory_floor: rule 3; withdrawn_standard; numbering: rule 1; indicators_disclosed: rule 2; references: reference_report; verifiability: claim_check()), as pre-filled outcomes with their detail';

CREATE FUNCTION @extschema@.inspection_campaign_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  moving text[] := '{status,population,drawn_at,published_at}';
  editable text[] := '{title,authority,category,district,sample_size,sample_fraction,inspectors,team_size}';
  changed text;
  open_items text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'planned' OR NEW.population IS NOT NULL OR NEW.drawn_at IS NOT NULL OR NEW.published_at IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: campaign %s is created planned', NEW.code),
        format('Campaign %s was inserted with status %s%s.', NEW.code, NEW.status,
               CASE WHEN NEW.population IS NOT NULL OR NEW.drawn_at IS NOT NULL THEN ' and a draw' ELSE '' END),
        'Leave status, population, drawn_at and published_at out: draw_campaign() draws, UPDATE … SET status = ''published'' publishes.',
        'inspection_campaign', 'status');
    END IF;
    NEW.created_by := current_user;
    NEW.created_at := now();
  ELSE
    SELECT string_agg(n.k, ', ' ORDER BY n.k) INTO changed
    FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
    WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k
      AND NOT (n.k = ANY (moving)) AND (OLD.status <> 'planned' OR NOT (n.k = ANY (editable)));
    IF changed IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: %s of campaign %s cannot be changed', changed, OLD.code),
        format('Campaign %s (status %s): UPDATE of %s refused.', OLD.code, OLD.status, changed),
        CASE WHEN OLD.status = 'planned'
             THEN 'The seed, the creator and the creation time are recorded once; the scope, size and inspectors change while the campaign is planned.'
             ELSE 'A drawn campaign is frozen: its scope, size, inspectors and seed are those of its draw.' END,
        'inspection_campaign', NULL);
    END IF;
    IF NEW.status = OLD.status THEN
      IF NEW.population IS DISTINCT FROM OLD.population OR NEW.drawn_at IS DISTINCT FROM OLD.drawn_at
         OR NEW.published_at IS DISTINCT FROM OLD.published_at THEN
        PERFORM frontrunner.raise_violation('FR010',
          format('inspection campaign: the draw and the publication of campaign %s are set by the database', OLD.code),
          format('Campaign %s (status %s): population, drawn_at or published_at written.', OLD.code, OLD.status),
          'Draw with draw_campaign(code); publish with UPDATE … SET status = ''published''.', 'inspection_campaign', NULL);
      END IF;
    ELSIF OLD.status = 'planned' AND NEW.status = 'drawn' THEN
      NEW.population := frontrunner.campaign_population(NEW);
      NEW.drawn_at := now();
      NEW.published_at := NULL;
    ELSIF OLD.status = 'drawn' AND NEW.status = 'published' THEN
      SELECT string_agg(format('%s %s', r.disclosure, r.item), ', ' ORDER BY r.disclosure, r.item) INTO open_items
      FROM frontrunner.inspection_result r
      WHERE r.campaign = OLD.id AND (r.recorded_by IS NULL OR r.outcome = 'not_judged');
      IF open_items IS NOT NULL THEN
        PERFORM frontrunner.raise_violation('FR010',
          format('inspection campaign: campaign %s has results no inspector has recorded', OLD.code),
          format('Items not recorded (or not judged) by an inspector: %s.', left(open_items, 900)),
          'The inspectors drawn for each disclosure confirm or correct every pre-filled item (UPDATE inspection_result SET outcome = …), then the results are published.',
          'inspection_result', 'recorded_by');
      END IF;
      NEW.population := OLD.population;
      NEW.drawn_at := OLD.drawn_at;
      NEW.published_at := now();
    ELSE
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: campaign %s cannot go from %s to %s', OLD.code, OLD.status, NEW.status),
        format('Campaign %s: status %s → %s.', OLD.code, OLD.status, NEW.status),
        'A campaign goes planned → drawn (draw_campaign()) → published; a draw is made once and results stay published.',
        'inspection_campaign', 'status');
    END IF;
  END IF;
  IF cardinality(NEW.inspectors) IS NULL OR cardinality(NEW.inspectors) < NEW.team_size
     OR EXISTS (SELECT FROM unnest(NEW.inspectors) i(n) WHERE coalesce(btrim(i.n), '') = '')
     OR (SELECT count(DISTINCT i.n) FROM unnest(NEW.inspectors) i(n)) <> cardinality(NEW.inspectors) THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the inspector pool of campaign %s needs at least %s distinct names', NEW.code, NEW.team_size),
      format('Inspectors: %s; team size %s.', coalesce(array_to_string(NEW.inspectors, ', ', '(NULL)'), 'none'), NEW.team_size),
      'List the login roles of at least team_size different inspectors, no blank or repeated name.',
      'inspection_campaign', 'inspectors');
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_campaign_before_write() IS
  'trigger: a campaign is created planned (creator and time from the database); while planned its scope, size and inspectors may change, never its seed; planned → drawn records the population and the time (the draw itself: inspection_campaign_after_draw()); drawn → published needs every item recorded by an inspector; nothing else (FR010); the pool holds at least team_size distinct names';
CREATE TRIGGER inspection_campaign_10_write BEFORE INSERT OR UPDATE ON @extschema@.inspection_campaign
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.inspection_campaign'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.inspection_campaign_before_write();
CREATE TRIGGER inspection_campaign_10_guard BEFORE DELETE ON @extschema@.inspection_campaign
  FOR EACH ROW WHEN (OLD.status <> 'planned') EXECUTE FUNCTION @extschema@.refuse_change('FR010',
    'inspection campaign: campaign {code} cannot be deleted',
    'Campaign {code} has status {status}: {op} refused.',
    'A drawn campaign, its draw and its results are kept.');

CREATE FUNCTION @extschema@.inspection_campaign_after_draw() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  INSERT INTO frontrunner.inspection_draw (campaign, disclosure, inspector, place, team_rank, enterprise)
  SELECT NEW.id, s.disclosure, s.inspector, s.place, s.team_rank, d.enterprise
  FROM frontrunner.campaign_sample(NEW.population, NEW.seed, NEW.sample_size, NEW.sample_fraction,
                                   NEW.inspectors, NEW.team_size) s
  JOIN frontrunner.disclosure d ON d.id = s.disclosure;
  INSERT INTO frontrunner.inspection_result (campaign, disclosure, item, outcome, prefilled, detail, enterprise)
  SELECT NEW.id, x.disclosure, p.item, p.outcome, p.outcome, p.detail, x.enterprise
  FROM (SELECT DISTINCT r.disclosure, r.enterprise FROM frontrunner.inspection_draw r WHERE r.campaign = NEW.id) x
  CROSS JOIN LATERAL frontrunner.inspection_prefill(x.disclosure) p;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_campaign_after_draw() IS
  'trigger, SECURITY DEFINER (nobody may write a draw or a pre-filled result by hand): when a campaign is drawn, stores campaign_sample() of its population and seed in inspection_draw and the pre-filled items of every drawn disclosure (inspection_prefill()) in inspection_result';
CREATE TRIGGER inspection_campaign_20_draw AFTER UPDATE OF status ON @extschema@.inspection_campaign
  FOR EACH ROW WHEN (OLD.status = 'planned' AND NEW.status = 'drawn')
  EXECUTE FUNCTION @extschema@.inspection_campaign_after_draw();

CREATE FUNCTION @extschema@.draw_campaign(code text)
RETURNS TABLE (disclosure bigint, inspector text)
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  c frontrunner.inspection_campaign;
BEGIN
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.code = draw_campaign.code FOR UPDATE;
  IF NOT FOUND THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: no campaign %s', code),
      format('No row of inspection_campaign has code %L (or the role %s may not read it).', code, current_user),
      'Create the campaign first (INSERT INTO inspection_campaign …); campaigns are run by the regulator.', 'inspection_campaign', 'code');
  END IF;
  IF c.status = 'planned' THEN
    UPDATE frontrunner.inspection_campaign x SET status = 'drawn' WHERE x.id = c.id;
  END IF;
  RETURN QUERY
  SELECT r.disclosure, r.inspector FROM frontrunner.inspection_draw r
  WHERE r.campaign = c.id ORDER BY r.place, r.team_rank;
END
$$;
COMMENT ON FUNCTION @extschema@.draw_campaign(text) IS
  'the draw of a campaign: the first call draws (planned → drawn: population recorded, campaign_sample() stored, items pre-filled) and every call returns the stored draw, in draw order — the same rows every time, after dump/restore and upgrade (regulator)';

CREATE FUNCTION @extschema@.inspection_result_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  c frontrunner.inspection_campaign;
  team text;
  who name := frontrunner.invoker();
BEGIN
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.id = OLD.campaign;
  IF (pg_catalog.to_jsonb(NEW) - '{outcome,detail,recorded_by,recorded_at}'::text[])
     <> (pg_catalog.to_jsonb(OLD) - '{outcome,detail,recorded_by,recorded_at}'::text[]) THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: only the outcome and detail of an inspection item are recorded'),
      format('Campaign %s, disclosure %s, item %s: UPDATE of other columns refused.', c.code, OLD.disclosure, OLD.item),
      'UPDATE inspection_result SET outcome = …, detail = … WHERE campaign = … AND disclosure = … AND item = ….',
      'inspection_result', NULL);
  END IF;
  IF c.status <> 'drawn' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the results of campaign %s are published', c.code),
      format('Campaign %s (status %s), disclosure %s, item %s.', c.code, c.status, OLD.disclosure, OLD.item),
      'Published results stay as published; a finding''s follow-up is recorded in inspection_finding.',
      'inspection_result', 'outcome');
  END IF;
  SELECT string_agg(r.inspector, ', ' ORDER BY r.team_rank) INTO team
  FROM frontrunner.inspection_draw r WHERE r.campaign = OLD.campaign AND r.disclosure = OLD.disclosure;
  PERFORM FROM frontrunner.inspection_draw r
  WHERE r.campaign = OLD.campaign AND r.disclosure = OLD.disclosure AND r.inspector = who::text;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'permission denied: % was not drawn to inspect disclosure % in campaign %', who, OLD.disclosure, c.code
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('The inspectors drawn for disclosure %s are %s.', OLD.disclosure, team),
            HINT = 'Results are recorded by the inspectors the draw assigned (inspection_draw), as themselves.',
            TABLE = 'inspection_result';
  END IF;
  IF NEW.outcome = 'not_judged' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: an inspector records conforms or nonconforming'),
      format('Campaign %s, disclosure %s, item %s: outcome not_judged.', c.code, OLD.disclosure, OLD.item),
      'Judge the item: conforms or nonconforming (with the detail found).', 'inspection_result', 'outcome');
  END IF;
  NEW.recorded_by := who;
  NEW.recorded_at := now();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_result_before_write() IS
  'trigger: an inspection item is recorded (outcome conforms or nonconforming, detail) only by an inspector drawn for the disclosure (42501), while the campaign is drawn, nothing else changed (FR010); recorded_by and recorded_at are set by the database; rows come from the draw only (DELETE refused)';
CREATE TRIGGER inspection_result_10_write BEFORE UPDATE ON @extschema@.inspection_result
  FOR EACH ROW EXECUTE FUNCTION @extschema@.inspection_result_before_write();
CREATE TRIGGER inspection_result_10_guard BEFORE DELETE ON @extschema@.inspection_result
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR010',
    'inspection campaign: inspection results cannot be deleted',
    'Campaign {campaign}, disclosure {disclosure}, item {item}: {op} refused.',
    'Results of a draw are kept; an inspector corrects an outcome by UPDATE while the campaign is drawn.');
CREATE TRIGGER inspection_result_30_truncate BEFORE TRUNCATE ON @extschema@.inspection_result
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR010');
CREATE TRIGGER inspection_draw_10_guard BEFORE UPDATE OR DELETE ON @extschema@.inspection_draw
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR010',
    'inspection campaign: the draw of campaign {campaign} cannot be changed',
    'Campaign {campaign}, disclosure {disclosure}, inspector {inspector}: {op} refused.',
    'A draw is made once (draw_campaign()) and kept; anyone can re-run it from the seed and the population.');
CREATE TRIGGER inspection_draw_30_truncate BEFORE TRUNCATE ON @extschema@.inspection_draw
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR010');

CREATE FUNCTION @extschema@.inspection_finding_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  c frontrunner.inspection_campaign;
  r record;
BEGIN
  IF NEW.campaign IS NULL OR NEW.disclosure IS NULL OR NEW.item IS NULL THEN
    RETURN NEW;  -- the NOT NULL constraint names the key (23502)
  END IF;
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.id = NEW.campaign;
  IF TG_OP = 'INSERT' THEN
    SELECT x.outcome INTO r FROM frontrunner.inspection_result x
    WHERE x.campaign = NEW.campaign AND x.disclosure = NEW.disclosure AND x.item = NEW.item
      AND x.enterprise OPERATOR(frontrunner.=) NEW.enterprise;
    IF NOT FOUND OR r.outcome <> 'nonconforming' THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: item %s of disclosure %s is not nonconforming in campaign %s', NEW.item, NEW.disclosure, coalesce(c.code, NEW.campaign::text)),
        format('Campaign %s, disclosure %s, item %s: %s.', coalesce(c.code, NEW.campaign::text), NEW.disclosure, NEW.item,
               coalesce('outcome ' || r.outcome, 'no such inspection result')),
        'A finding is recorded on an item of a drawn disclosure that was found nonconforming (inspection_result).',
        'inspection_finding', 'item');
    END IF;
    IF NEW.deadline <= CURRENT_DATE THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: the rectification deadline %s is not after today', NEW.deadline),
        format('Finding on disclosure %s, item %s: deadline %s, today %s.', NEW.disclosure, NEW.item, NEW.deadline, CURRENT_DATE),
        'Give the enterprise a deadline after today (责令限期改正).', 'inspection_finding', 'deadline');
    END IF;
    IF NEW.follow_up <> 'pending' OR NEW.follow_up_note IS NOT NULL OR NEW.followed_up_at IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        'inspection campaign: a finding is recorded with its follow-up pending',
        format('Finding on disclosure %s, item %s: follow_up %s.', NEW.disclosure, NEW.item, NEW.follow_up),
        'Leave follow_up, follow_up_note and followed_up_at out; record the follow-up once it is made.',
        'inspection_finding', 'follow_up');
    END IF;
    NEW.found_by := current_user;
    NEW.found_at := now();
    RETURN NEW;
  END IF;
  IF (pg_catalog.to_jsonb(NEW) - '{follow_up,follow_up_note,followed_up_at}'::text[])
     <> (pg_catalog.to_jsonb(OLD) - '{follow_up,follow_up_note,followed_up_at}'::text[])
     OR OLD.follow_up <> 'pending' OR NEW.follow_up = 'pending' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: finding %s only gets its follow-up, once', OLD.id),
      format('Finding %s (follow_up %s): UPDATE to follow_up %s%s.', OLD.id, OLD.follow_up, NEW.follow_up,
             CASE WHEN (pg_catalog.to_jsonb(NEW) - '{follow_up,follow_up_note,followed_up_at}'::text[])
                       <> (pg_catalog.to_jsonb(OLD) - '{follow_up,follow_up_note,followed_up_at}'::text[])
                  THEN ' with other columns changed' ELSE '' END),
      'UPDATE inspection_finding SET follow_up = ''rectified'' (or ''not_rectified''), follow_up_note = … once, while it is pending.',
      'inspection_finding', 'follow_up');
  END IF;
  IF coalesce(btrim(NEW.follow_up_note), '') = '' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the follow-up of finding %s needs a note', OLD.id),
      format('Finding %s: follow_up %s with follow_up_note %L.', OLD.id, NEW.follow_up, NEW.follow_up_note),
      'Say what the follow-up inspection found in follow_up_note.', 'inspection_finding', 'follow_up_note');
  END IF;
  NEW.followed_up_at := now();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_finding_before_write() IS
  'trigger: a finding is about an item found nonconforming in a draw, with a deadline after today and its follow-up pending (finder and time from the database); the only change is the follow-up, once, pending → rectified | not_rectified with a note (stamped) (FR010); DELETE and TRUNCATE are refused';
CREATE TRIGGER inspection_finding_05_tenant BEFORE INSERT OR UPDATE OF disclosure, enterprise ON @extschema@.inspection_finding
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.inspection_finding'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.tenant_fill('disclosure', 'inspection_finding_disclosure_fkey');
CREATE TRIGGER inspection_finding_10_write BEFORE INSERT OR UPDATE ON @extschema@.inspection_finding
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.inspection_finding'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.inspection_finding_before_write();
CREATE TRIGGER inspection_finding_10_guard BEFORE DELETE ON @extschema@.inspection_finding
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR010',
    'inspection campaign: finding {id} cannot be deleted',
    'Finding {id} (disclosure {disclosure}, item {item}): {op} refused.',
    'Findings are kept; record the follow-up (follow_up, follow_up_note).');
CREATE TRIGGER inspection_finding_30_truncate BEFORE TRUNCATE ON @extschema@.inspection_finding
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR010');

-- publication ------------------------------------------------------------------------------
CREATE VIEW @extschema@.campaign_report AS
SELECT c.code AS campaign, c.title, c.authority, c.published_at,
       r.disclosure, r.enterprise::text AS enterprise, e.name AS enterprise_name, d.product,
       d.standard::text AS standard, r.item, r.outcome, r.detail,
       (SELECT string_agg(x.inspector, ', ' ORDER BY x.team_rank) FROM @extschema@.inspection_draw x
        WHERE x.campaign = c.id AND x.disclosure = r.disclosure) AS inspectors,
       f.description AS finding, f.deadline, f.follow_up,
       (f.follow_up = 'pending' AND f.deadline < CURRENT_DATE) AS overdue
FROM @extschema@.inspection_campaign c
JOIN @extschema@.inspection_result r ON r.campaign = c.id
JOIN @extschema@.disclosure d ON d.id = r.disclosure
JOIN @extschema@.enterprise e ON e.uscc OPERATOR(@extschema@.=) r.enterprise
LEFT JOIN @extschema@.inspection_finding f ON f.campaign = r.campaign AND f.disclosure = r.disclosure AND f.item = r.item
WHERE c.status = 'published';
COMMENT ON VIEW @extschema@.campaign_report IS
  'the published results of inspection campaigns (一公开): every item of every drawn disclosure, the inspectors, the findings with their deadline and follow-up (plain column types)';
COMMENT ON COLUMN @extschema@.campaign_report.campaign IS 'campaign code';
COMMENT ON COLUMN @extschema@.campaign_report.title IS 'campaign title';
COMMENT ON COLUMN @extschema@.campaign_report.authority IS 'the authority that ran it';
COMMENT ON COLUMN @extschema@.campaign_report.published_at IS 'when the results were published';
COMMENT ON COLUMN @extschema@.campaign_report.disclosure IS 'the drawn disclosure';
COMMENT ON COLUMN @extschema@.campaign_report.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.campaign_report.enterprise_name IS 'enterprise name';
COMMENT ON COLUMN @extschema@.campaign_report.product IS 'product';
COMMENT ON COLUMN @extschema@.campaign_report.standard IS 'standard the product executes';
COMMENT ON COLUMN @extschema@.campaign_report.item IS 'inspection item';
COMMENT ON COLUMN @extschema@.campaign_report.outcome IS 'conforms or nonconforming, as the inspectors recorded it';
COMMENT ON COLUMN @extschema@.campaign_report.detail IS 'what was found';
COMMENT ON COLUMN @extschema@.campaign_report.inspectors IS 'the inspectors drawn for the disclosure, in draw order';
COMMENT ON COLUMN @extschema@.campaign_report.finding IS 'the finding on the item, if any (what must be corrected)';
COMMENT ON COLUMN @extschema@.campaign_report.deadline IS 'rectification deadline';
COMMENT ON COLUMN @extschema@.campaign_report.follow_up IS 'pending, rectified or not_rectified';
COMMENT ON COLUMN @extschema@.campaign_report.overdue IS 'true when the follow-up is pending past the deadline';

CREATE VIEW @extschema@.campaign_audit AS
SELECT c.code AS campaign, c.seed, c.category, c.district, c.sample_size, c.sample_fraction,
       pg_catalog.array_to_string(c.inspectors, ',') AS inspectors, c.team_size,
       pg_catalog.array_to_string(c.population, ',') AS population, cardinality(c.population) AS population_size,
       c.drawn_at, c.published_at,
       (SELECT pg_catalog.array_to_string(pg_catalog.array_agg(x.disclosure || ':' || x.inspector ORDER BY x.place, x.team_rank), ',')
        FROM @extschema@.inspection_draw x WHERE x.campaign = c.id) AS draw
FROM @extschema@.inspection_campaign c
WHERE c.status = 'published';
COMMENT ON VIEW @extschema@.campaign_audit IS
  'what anyone needs to re-run the draw of a published campaign (README, Inspection campaigns): seed, sample size, inspector pool, team size, the population drawn from, and the draw as stored (plain column types)';
COMMENT ON COLUMN @extschema@.campaign_audit.campaign IS 'campaign code';
COMMENT ON COLUMN @extschema@.campaign_audit.seed IS 'the seed recorded at creation';
COMMENT ON COLUMN @extschema@.campaign_audit.category IS 'scope: category (NULL: all)';
COMMENT ON COLUMN @extschema@.campaign_audit.district IS 'scope: division code prefix (NULL: all)';
COMMENT ON COLUMN @extschema@.campaign_audit.sample_size IS 'disclosures to draw (or sample_fraction)';
COMMENT ON COLUMN @extschema@.campaign_audit.sample_fraction IS 'share of the population to draw (or sample_size)';
COMMENT ON COLUMN @extschema@.campaign_audit.inspectors IS 'the inspector pool, comma-separated';
COMMENT ON COLUMN @extschema@.campaign_audit.team_size IS 'inspectors per disclosure';
COMMENT ON COLUMN @extschema@.campaign_audit.population IS 'ids of the disclosures in scope when drawn, ascending, comma-separated';
COMMENT ON COLUMN @extschema@.campaign_audit.population_size IS 'how many';
COMMENT ON COLUMN @extschema@.campaign_audit.drawn_at IS 'when it was drawn';
COMMENT ON COLUMN @extschema@.campaign_audit.published_at IS 'when the results were published';
COMMENT ON COLUMN @extschema@.campaign_audit.draw IS 'the stored draw, disclosure:inspector in draw order, comma-separated';

-- who sees what ---------------------------------------------------------------------------
-- campaigns: the regulator only (privileges); draws, results and findings:
-- the regulator all, an enterprise its own; the public reads campaign_report
-- and campaign_audit once published.  The draw and the pre-filled results
-- are written by the SECURITY DEFINER draw trigger only.
ALTER FUNCTION @extschema@.inspection_campaign_after_draw() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.inspection_campaign_after_draw() FROM PUBLIC;

ALTER TABLE @extschema@.inspection_draw ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.inspection_draw FORCE ROW LEVEL SECURITY;
CREATE POLICY inspection_draw_read ON @extschema@.inspection_draw FOR SELECT
  USING (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());

ALTER TABLE @extschema@.inspection_result ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.inspection_result FORCE ROW LEVEL SECURITY;
CREATE POLICY inspection_result_read ON @extschema@.inspection_result FOR SELECT
  USING (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());
CREATE POLICY inspection_result_update ON @extschema@.inspection_result FOR UPDATE
  USING (@extschema@.is_regulator()) WITH CHECK (@extschema@.is_regulator());

ALTER TABLE @extschema@.inspection_finding ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.inspection_finding FORCE ROW LEVEL SECURITY;
CREATE POLICY inspection_finding_read ON @extschema@.inspection_finding FOR SELECT
  USING (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());
CREATE POLICY inspection_finding_insert ON @extschema@.inspection_finding FOR INSERT
  WITH CHECK (@extschema@.is_regulator());
CREATE POLICY inspection_finding_update ON @extschema@.inspection_finding FOR UPDATE
  USING (@extschema@.is_regulator()) WITH CHECK (@extschema@.is_regulator());

-- pg_dump keeps the new tables' rows: 95_pg_dump.sql again (a table
-- registered before keeps its entry)
SELECT pg_catalog.set_config('frontrunner_install.config_dump_types', pg_catalog.array_to_string(ARRAY[
  pg_catalog.pg_typeof(NULL::@extschema@.enterprise)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.standard)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.category)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.indicator_def)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.standard_requirement)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosure)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosed_indicator)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.spot_check)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosure_event)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosure_import)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.evaluation_plan)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.plan_indicator)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.ranking)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.ranking_entry)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.plan_review)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.feedback)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.spot_check_request)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.account)::pg_catalog.oid,
  -- issue 20: supervision of disclosures (75_inspection.sql)
  pg_catalog.pg_typeof(NULL::@extschema@.test_method_limit)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.inspection_campaign)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.inspection_draw)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.inspection_result)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.inspection_finding)::pg_catalog.oid], ','), true);
DO $$
DECLARE
  rel pg_catalog.regclass;
BEGIN
  FOR rel IN
    SELECT x.rel
    FROM pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.current_setting('frontrunner_install.config_dump_types'), ',')::pg_catalog.oid[])
           WITH ORDINALITY AS r(typ, ord)
    JOIN pg_catalog.pg_type t ON t.oid = r.typ
    CROSS JOIN LATERAL (
      SELECT t.typrelid::pg_catalog.regclass, 0
      UNION ALL
      SELECT d.objid::pg_catalog.regclass, 1
      FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      WHERE d.refobjid = t.typrelid AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'i'
    ) x(rel, seq)
    ORDER BY r.ord, x.seq
  LOOP
    PERFORM pg_catalog.pg_extension_config_dump(rel, '');
  END LOOP;
  PERFORM pg_catalog.set_config('frontrunner_install.config_dump_types', '', true);
END
$$;

-- the security classes and objects (90_security.sql)
CREATE OR REPLACE FUNCTION @extschema@.security_classes()
RETURNS TABLE (class text, grantee text, privileges text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  VALUES
    -- relations
    ('reference',         'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('reference',         'frontrunner_agency',     'SELECT'),
    ('reference',         'frontrunner_enterprise', 'SELECT'),
    ('tenant_disclosure', 'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_disclosure', 'frontrunner_agency',     'SELECT'),
    ('tenant_disclosure', 'frontrunner_enterprise', 'SELECT, INSERT, UPDATE, DELETE'),
    ('history',           'frontrunner_regulator',  'SELECT'),
    ('history',           'frontrunner_agency',     'SELECT'),
    ('history',           'frontrunner_enterprise', 'SELECT'),
    ('spot_check',        'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('spot_check',        'frontrunner_agency',     'SELECT'),
    ('spot_check',        'frontrunner_enterprise', 'SELECT'),
    ('tenant_plan',       'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_plan',       'frontrunner_agency',     'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_plan',       'frontrunner_enterprise', 'SELECT'),
    ('ranking',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('ranking',           'frontrunner_agency',     'SELECT'),
    ('ranking',           'frontrunner_enterprise', 'SELECT'),
    ('staging',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('account',           'frontrunner_regulator',  'SELECT'),
    ('public_view',       'frontrunner_regulator',  'SELECT'),
    ('public_view',       'frontrunner_agency',     'SELECT'),
    ('public_view',       'frontrunner_enterprise', 'SELECT'),
    ('public_view',       'frontrunner_reader',     'SELECT'),
    ('typed_view',        'frontrunner_regulator',  'SELECT'),
    ('typed_view',        'frontrunner_agency',     'SELECT'),
    ('typed_view',        'frontrunner_enterprise', 'SELECT'),
    ('sequence',          'frontrunner_regulator',  'SELECT'),
    ('feedback',          'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    ('feedback',          'frontrunner_enterprise', 'SELECT, INSERT'),
    ('feedback',          'frontrunner_reader',     'SELECT, INSERT'),
    ('review',            'frontrunner_regulator',  'SELECT, INSERT'),
    ('review',            'frontrunner_agency',     'SELECT'),
    ('review',            'frontrunner_enterprise', 'SELECT'),
    ('supervision',       'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    -- inspection campaigns (75_inspection.sql): draws are written by the
    -- draw trigger only, results by it and the inspectors, findings by the
    -- regulator; an enterprise reads its own (row-level security)
    ('inspection_read',   'frontrunner_regulator',  'SELECT'),
    ('inspection_read',   'frontrunner_enterprise', 'SELECT'),
    ('inspection',        'frontrunner_regulator',  'SELECT, UPDATE'),
    ('inspection',        'frontrunner_enterprise', 'SELECT'),
    ('finding',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    ('finding',           'frontrunner_enterprise', 'SELECT'),
    -- functions
    ('public',            'PUBLIC',                 'EXECUTE'),
    ('tenant_lookup',     'frontrunner_regulator',  'EXECUTE'),
    ('tenant_lookup',     'frontrunner_agency',     'EXECUTE'),
    ('tenant_lookup',     'frontrunner_enterprise', 'EXECUTE'),
    ('registry_read',     'frontrunner_regulator',  'EXECUTE'),
    ('registry_read',     'frontrunner_agency',     'EXECUTE'),
    ('registry_read',     'frontrunner_enterprise', 'EXECUTE'),
    ('disclosure_write',  'frontrunner_regulator',  'EXECUTE'),
    ('disclosure_write',  'frontrunner_enterprise', 'EXECUTE'),
    ('plan_write',        'frontrunner_regulator',  'EXECUTE'),
    ('plan_write',        'frontrunner_agency',     'EXECUTE'),
    ('plan_read',         'frontrunner_regulator',  'EXECUTE'),
    ('plan_read',         'frontrunner_agency',     'EXECUTE'),
    ('regulator',         'frontrunner_regulator',  'EXECUTE'),
    ('feedback_file',     'frontrunner_regulator',  'EXECUTE'),
    ('feedback_file',     'frontrunner_enterprise', 'EXECUTE'),
    ('feedback_file',     'frontrunner_reader',     'EXECUTE'),
    -- classes granted to nobody: trigger (fired, never called), internal
    -- (called only by SECURITY DEFINER code), dba (setup_roles)
    ('trigger',           NULL,                     NULL),
    ('internal',          NULL,                     NULL),
    ('dba',               NULL,                     NULL)
$$;
COMMENT ON FUNCTION @extschema@.security_classes() IS
  'what each security class grants to which group role (privileges NULL: nothing; PUBLIC: everybody); setup_roles() applies it to the objects of security_objects()';



-- issue 20 (follow-up): benchmark() shows rule 8 -----------------------------
-- benchmark() gains two columns at the end (verifiable, verifiable_reason):
-- its row type changes, so it is dropped and created again, and the
-- grants it had (setup_roles()'s, or a DBA's own) are given again.
SELECT pg_catalog.set_config('fr_upgrade.benchmark_grants',
         coalesce(pg_catalog.string_agg(pg_catalog.quote_ident(a.grantee::regrole::text), ','), ''), true)
FROM pg_catalog.pg_proc p, pg_catalog.aclexplode(p.proacl) a
WHERE p.oid = '@extschema@.benchmark(bigint)'::pg_catalog.regprocedure
  AND a.privilege_type = 'EXECUTE' AND a.grantee <> 0 AND a.grantee <> p.proowner;
DROP FUNCTION @extschema@.benchmark(bigint);
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
BEGIN
  SELECT x.id, x.status, x.category, x.standard, x.withdrawn_at, x.withdraw_reason,
         (SELECT pg_catalog.min(s.id) FROM frontrunner.disclosure s
          WHERE s.supersedes = x.id AND s.status <> 'draft') AS successor
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

  -- the pairs as in view benchmark_pair, read with the caller's rights
  -- (the view leaves drafts out)
  RETURN QUERY
  SELECT i.indicator, i.requirement, r.standard, r.kind, r.requirement, v.verdict, v.margin,
         r.nature, r.benchmark_class, r.direction, u.unit,
         CASE WHEN u.ok THEN frontrunner.level(i.requirement, r.direction, u.unit) END,
         CASE WHEN u.ok THEN frontrunner.level(r.requirement, r.direction, u.unit) END,
         r.test_method,
         r.standard OPERATOR(frontrunner.=) edition,
         vc.verifiable, vc.reason
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
  -- rule 8: can the disclosure's own test method verify the claim?
  -- (claim_check(), 45_test_methods.sql; the same for every benchmark row
  -- of the indicator)
  CROSS JOIN LATERAL frontrunner.claim_check(i.requirement, i.test_method, i.indicator) vc
  WHERE i.disclosure = $1
  ORDER BY i.indicator, r.class_rank, r.standard;
END
$$;
COMMENT ON FUNCTION @extschema@.benchmark(bigint) IS
  'every disclosed indicator of a disclosure (published or draft) against every benchmark in force for its category and indicator: verdict = compare(disclosed, required), margin = margin(disclosed, required, direction), levels in the indicator''s unit, executed = the standard the disclosure executes; verifiable and verifiable_reason = rule 8 for the disclosed requirement and its own test method (claim_check(): false when the method cannot measure the claim, NULL when no limits of the method are recorded or the claim cannot be compared); ordered by indicator, class (mandatory → foreign), standard; P0002 when the disclosure does not exist, 55000 when it is superseded or withdrawn';
REVOKE EXECUTE ON FUNCTION @extschema@.benchmark(bigint) FROM PUBLIC;
DO $$
DECLARE
  g text;
BEGIN
  FOR g IN SELECT x FROM pg_catalog.regexp_split_to_table(pg_catalog.current_setting('fr_upgrade.benchmark_grants'), ',') x
           WHERE x <> '' LOOP
    EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION frontrunner.benchmark(bigint) TO %s', g);
  END LOOP;
END
$$;

-- issue 19: governance and reliability: the regulator's review policy, rejections that survive the return to draft, publications ordered with failing spot checks, NULL keys ----
CREATE OR REPLACE FUNCTION @extschema@.spot_check_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  d record;
  verdict text;
BEGIN
  IF NEW.disclosure IS NULL OR NEW.indicator IS NULL OR NEW.sampled_on IS NULL
     OR (NEW.measured IS NULL AND NEW.results IS NULL) THEN
    RETURN NEW;  -- the NOT NULL constraints say so (23502)
  END IF;
  SELECT x.status, i.requirement INTO d
  FROM frontrunner.disclosure x
  LEFT JOIN frontrunner.disclosed_indicator i ON i.disclosure = x.id AND i.indicator = NEW.indicator
  WHERE x.id = NEW.disclosure;
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
                                      FROM frontrunner.disclosed_indicator i WHERE i.disclosure = NEW.disclosure), 'none')),
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

CREATE TABLE @extschema@.review_policy (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  category        text CONSTRAINT review_policy_category_key UNIQUE NULLS NOT DISTINCT
                  REFERENCES @extschema@.category (code) ON UPDATE CASCADE ON DELETE CASCADE,
  min_approvals   int NOT NULL CONSTRAINT review_policy_min_approvals_check CHECK (min_approvals >= 0),
  min_notice_days int NOT NULL CONSTRAINT review_policy_min_notice_days_check CHECK (min_notice_days >= 0),
  note            text,
  set_by          name NOT NULL DEFAULT current_user,
  set_at          timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.review_policy IS
  'the regulator''s review policy: the fewest expert approvals and public notice days an evaluation plan of a category may require (row with category NULL: every category without a row of its own; no row at all: 3 approvals, 0 days); written by regulators only, read by everyone';

COMMENT ON COLUMN @extschema@.review_policy.id IS 'identity, assigned by the database';

COMMENT ON COLUMN @extschema@.review_policy.category IS 'the category the minimum applies to; NULL: the default for every category without a row (one such row at most)';

COMMENT ON COLUMN @extschema@.review_policy.min_approvals IS 'a plan of the category requires at least this many approvals (evaluation_plan.required_approvals)';

COMMENT ON COLUMN @extschema@.review_policy.min_notice_days IS 'a plan of the category has a public notice of at least this many days (evaluation_plan.notice_days)';

COMMENT ON COLUMN @extschema@.review_policy.note IS 'the regulator''s reference for the policy (a notice number, a reason)';

COMMENT ON COLUMN @extschema@.review_policy.set_by IS 'current_user who last wrote the row (set by the database)';

COMMENT ON COLUMN @extschema@.review_policy.set_at IS 'database clock of the last write; client values are ignored';

CREATE OR REPLACE FUNCTION @extschema@.review_policy_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  NEW.set_by := current_user;
  NEW.set_at := now();
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION @extschema@.review_policy_before_write() IS
  'trigger: a review policy row is stamped with current_user and the database clock';

CREATE TRIGGER review_policy_10_stamp BEFORE INSERT OR UPDATE ON @extschema@.review_policy
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.review_policy'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.review_policy_before_write();

CREATE OR REPLACE FUNCTION @extschema@.review_minimum(category text)
RETURNS TABLE (min_approvals int, min_notice_days int, policy text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT x.min_approvals, x.min_notice_days, x.policy
  FROM (SELECT r.min_approvals, r.min_notice_days,
               CASE WHEN r.category IS NULL THEN 'the regulator''s default policy (review_policy ' || r.id || ')'
                    ELSE format('the regulator''s policy for category %s (review_policy %s)', r.category, r.id) END,
               CASE WHEN r.category IS NULL THEN 2 ELSE 1 END
        FROM frontrunner.review_policy r
        WHERE r.category = $1 OR r.category IS NULL
        UNION ALL
        SELECT 3, 0, 'the built-in minimum (no row in review_policy)', 3) x(min_approvals, min_notice_days, policy, o)
  ORDER BY x.o
  LIMIT 1
$$;

COMMENT ON FUNCTION @extschema@.review_minimum(text) IS
  'the review minimum that applies to plans of a category: its review_policy row, else the row with category NULL, else 3 approvals and 0 notice days; policy says which';

CREATE OR REPLACE FUNCTION @extschema@.plan_policy_check(plan_code text, category text, required_approvals int, notice_days int)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  m record;
BEGIN
  SELECT * INTO m FROM frontrunner.review_minimum(category);
  -- (negative numbers are the CHECK constraints' to report)
  IF required_approvals BETWEEN 0 AND m.min_approvals - 1 OR notice_days BETWEEN 0 AND m.min_notice_days - 1 THEN
    RAISE EXCEPTION 'rule 7 (review policy): plan % asks for less review than the regulator''s minimum', plan_code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (category %s) requires %s approval(s) and %s notice day(s); %s is %s approval(s) and %s day(s).',
                            plan_code, category, required_approvals, notice_days, m.policy, m.min_approvals, m.min_notice_days),
            HINT = format('Set required_approvals >= %s and notice_days >= %s. Only a regulator changes the minimum (table review_policy).',
                          m.min_approvals, m.min_notice_days),
            TABLE = 'evaluation_plan',
            COLUMN = CASE WHEN required_approvals BETWEEN 0 AND m.min_approvals - 1 THEN 'required_approvals' ELSE 'notice_days' END;
  END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.plan_policy_check(text, text, int, int) IS
  'raises FR007 when a plan''s required_approvals or notice_days are below review_minimum() of its category; run when a plan is written, submitted and published';

ALTER TABLE @extschema@.plan_review DROP CONSTRAINT plan_review_verdict_check,
  ADD CONSTRAINT plan_review_verdict_check CHECK (verdict IN ('approve', 'reject', 'clear'));

COMMENT ON TABLE @extschema@.plan_review IS
  'expert reviews of evaluation plans (专家评审): one row per verdict, recorded by the regulator while the plan is under review; append-only. In a review round the latest verdict of each reviewer counts; a rejection stays open, across rounds, until the same reviewer approves or a regulator records a clear';

COMMENT ON COLUMN @extschema@.plan_review.verdict IS 'approve or reject (the expert''s verdict), or clear: a regulator closes the open rejection of the reviewer named, with the reason in comments';

COMMENT ON COLUMN @extschema@.plan_review.comments IS 'the reviewer''s comments (required for a reject), or the regulator''s reason (required for a clear)';

CREATE OR REPLACE FUNCTION @extschema@.plan_review_before_insert() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
BEGIN
  -- a no-op UPDATE of the plan row orders the verdict with the plan's
  -- publication or return to draft: the later of the two waits for the
  -- earlier and, in READ COMMITTED, sees it; under REPEATABLE READ it fails
  -- with 40001 (a share lock would let a publication whose snapshot predates
  -- the verdict publish over it)
  UPDATE frontrunner.evaluation_plan e SET review_round = e.review_round WHERE e.id = NEW.plan
  RETURNING e.id, e.code, e.status, e.review_round INTO p;
  IF NOT FOUND THEN
    -- NULL: the NOT NULL constraint says so (23502); else the foreign key (23503)
    NEW.round := coalesce(NEW.round, 0);
    RETURN NEW;
  END IF;
  IF NEW.verdict = 'clear' THEN
    -- a regulator closes an open rejection (whatever the round), while the plan can still be published
    IF p.status NOT IN ('draft', 'under_review') THEN
      RAISE EXCEPTION 'rule 7 (plan review): plan % is %', p.code, p.status
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s (id %s) has status %s; the clear of %s''s rejection is refused.', p.code, p.id, p.status, NEW.reviewer),
              HINT = 'Rejections are cleared while a plan is a draft or under review.',
              TABLE = 'plan_review', COLUMN = 'verdict';
    END IF;
    PERFORM FROM frontrunner.plan_open_rejections(p.id) o WHERE o.reviewer = NEW.reviewer;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'rule 7 (plan review): % has no open rejection of plan %', NEW.reviewer, p.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Open rejections of plan %s: %s.', p.code,
                              coalesce((SELECT string_agg(format('%s (round %s)', o.reviewer, o.round), ', ' ORDER BY o.reviewer)
                                        FROM frontrunner.plan_open_rejections(p.id) o), 'none')),
              HINT = 'A clear names the reviewer whose rejection it closes.',
              TABLE = 'plan_review', COLUMN = 'reviewer';
    END IF;
  ELSIF p.status <> 'under_review' THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % is not under review', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (id %s) has status %s; verdict %s by %s refused.', p.code, p.id, p.status, NEW.verdict, NEW.reviewer),
            HINT = CASE p.status WHEN 'draft' THEN 'Submit the plan for review first (UPDATE evaluation_plan SET status = ''under_review'').'
                                 ELSE 'Reviews are recorded only while a plan is under review.' END,
            TABLE = 'plan_review', COLUMN = 'plan';
  END IF;
  NEW.round := p.review_round;
  NEW.reviewed_at := now();
  NEW.recorded_by := current_user;
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION @extschema@.plan_review_before_insert() IS
  'trigger: an approve or reject is recorded only while its plan is under review, a clear (a regulator closing an open rejection) while it is a draft or under review (FR007); in the plan''s current round, stamped with the database clock and current_user; a missing plan is left to the NOT NULL constraint and the foreign key';

CREATE OR REPLACE FUNCTION @extschema@.plan_open_rejections(plan_id bigint)
RETURNS TABLE (reviewer text, round int, review bigint, reviewed_at timestamptz, comments text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.reviewer, s.round, s.id, s.reviewed_at, s.comments
  FROM (SELECT DISTINCT ON (r.reviewer) r.reviewer, r.round, r.id, r.reviewed_at, r.comments, r.verdict
        FROM frontrunner.plan_review r
        WHERE r.plan = plan_id
        ORDER BY r.reviewer, r.id DESC) s
  WHERE s.verdict = 'reject'
$$;

COMMENT ON FUNCTION @extschema@.plan_open_rejections(bigint) IS
  'the open rejections of a plan: each reviewer whose latest verdict in any round is reject — a rejection survives the return to draft and resubmission, and is closed only by the same reviewer''s later approve or a regulator''s clear';

CREATE OR REPLACE FUNCTION @extschema@.plan_review_check(plan_id bigint)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  m record;
  required int;
  approvals int;
  approvers text;
  rejects text;
BEGIN
  p := frontrunner.plan_row(plan_id);
  SELECT * INTO m FROM frontrunner.review_minimum(p.category);
  required := greatest(p.required_approvals, m.min_approvals);
  SELECT count(*) FILTER (WHERE s.verdict = 'approve'),
         string_agg(s.reviewer, ', ' ORDER BY s.reviewer) FILTER (WHERE s.verdict = 'approve')
    INTO approvals, approvers
  FROM frontrunner.plan_review_state(plan_id) s;
  IF approvals < required THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % has % of the % approvals it requires', p.code, approvals, required
      USING ERRCODE = 'FR007',
            DETAIL = format('Round %s of plan %s: approved by %s.%s', p.review_round, p.code, coalesce(approvers, 'nobody'),
                            CASE WHEN m.min_approvals > p.required_approvals
                                 THEN format(' The plan asks for %s; %s is %s.', p.required_approvals, m.policy, m.min_approvals)
                                 ELSE '' END),
            HINT = 'Record the approvals of further reviewers in plan_review (distinct reviewer names).',
            TABLE = 'plan_review';
  END IF;
  SELECT string_agg(format('%s (round %s, %s: %s)', o.reviewer, o.round, o.reviewed_at, o.comments), '; ' ORDER BY o.reviewer)
    INTO rejects
  FROM frontrunner.plan_open_rejections(plan_id) o;
  IF rejects IS NOT NULL THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % has an open rejection', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (round %s): rejected by %s.', p.code, p.review_round, rejects),
            HINT = 'A rejection stays open, also after the plan went back to draft, until the same reviewer records an approve or a regulator records a clear (verdict ''clear'', the reviewer named, the reason in comments).',
            TABLE = 'plan_review';
  END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.plan_review_check(bigint) IS
  'publication condition of a reviewed plan: in its current round at least greatest(required_approvals, the regulator''s minimum) distinct reviewers whose latest verdict is approve, and no open rejection (plan_open_rejections(), any round); raises FR007 (or P0002)';

CREATE OR REPLACE FUNCTION @extschema@.evaluation_plan_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  frozen text[] := '{status,review_round,review_started_at,notice_ends_at,published_at,closed_at}';
  m record;
  notice_end timestamptz;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'rule 7 (plan workflow): a plan is entered as a draft'
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s inserted with status %s.', NEW.code, NEW.status),
              HINT = 'Insert it as a draft, add its core indicators, submit it for review (UPDATE … SET status = ''under_review''), then publish it.',
              TABLE = 'evaluation_plan', COLUMN = 'status';
    END IF;
    PERFORM frontrunner.plan_policy_check(NEW.code, NEW.category, NEW.required_approvals, NEW.notice_days);
    NEW.published_at := NULL;
    NEW.closed_at := NULL;
    NEW.review_round := 0;
    NEW.review_started_at := NULL;
    NEW.notice_ends_at := NULL;
    NEW.created_at := now();
    RETURN NEW;
  END IF;

  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      PERFORM frontrunner.plan_immutable_error(OLD.id, OLD.code, OLD.status, 'DELETE');
    END IF;
    RETURN OLD;
  END IF;

  -- UPDATE
  IF NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'rule 7 (plan workflow): the id of a plan cannot change'
      USING ERRCODE = 'FR007', DETAIL = format('Old id: %s; new id: %s.', OLD.id, NEW.id),
            HINT = 'Ids are assigned by the database.', TABLE = 'evaluation_plan', COLUMN = 'id';
  END IF;
  NEW.created_at := OLD.created_at;
  NEW.review_round := OLD.review_round;
  IF OLD.status = 'draft' THEN
    IF NEW.status = 'closed' THEN
      RAISE EXCEPTION 'rule 7 (plan workflow): draft plan % cannot be closed', OLD.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s is a draft.', OLD.code),
              HINT = 'Publish it first, or delete the draft.',
              TABLE = 'evaluation_plan', COLUMN = 'status';
    END IF;
    -- the review asked for: never below the regulator's minimum, and never
    -- lowered once a review has started (a rejection is not escaped by
    -- asking for less review in the next round)
    IF OLD.review_round > 0 AND (NEW.required_approvals < OLD.required_approvals OR NEW.notice_days < OLD.notice_days) THEN
      RAISE EXCEPTION 'rule 7 (review policy): the review plan % asks for cannot be lowered once its review has started', OLD.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s went under review in %s round(s) with required_approvals %s and notice_days %s; the UPDATE sets %s and %s.',
                              OLD.code, OLD.review_round, OLD.required_approvals, OLD.notice_days, NEW.required_approvals, NEW.notice_days),
              HINT = 'After a review round, required_approvals and notice_days only go up.',
              TABLE = 'evaluation_plan',
              COLUMN = CASE WHEN NEW.required_approvals < OLD.required_approvals THEN 'required_approvals' ELSE 'notice_days' END;
    END IF;
    IF NEW.status <> 'draft' OR NEW.category IS DISTINCT FROM OLD.category
       OR NEW.required_approvals IS DISTINCT FROM OLD.required_approvals OR NEW.notice_days IS DISTINCT FROM OLD.notice_days THEN
      PERFORM frontrunner.plan_policy_check(OLD.code, NEW.category, NEW.required_approvals, NEW.notice_days);
    END IF;
    NEW.closed_at := NULL;
    NEW.published_at := NULL;
    NEW.review_started_at := NULL;
    NEW.notice_ends_at := NULL;
    IF NEW.status = 'under_review' THEN
      -- submission: the plan must be publishable; a new review round and the public notice start
      PERFORM frontrunner.plan_publication_check(OLD.id);
      NEW.review_round := OLD.review_round + 1;
      NEW.review_started_at := now();
      NEW.notice_ends_at := now() + pg_catalog.make_interval(days => NEW.notice_days);
    ELSIF NEW.status = 'published' THEN
      IF NEW.required_approvals > 0 OR NEW.notice_days > 0 THEN
        RAISE EXCEPTION 'rule 7 (plan review): plan % must be reviewed before it is published', OLD.code
          USING ERRCODE = 'FR007',
                DETAIL = format('Plan %s requires %s approval(s) and a public notice of %s day(s); it is a draft.',
                                OLD.code, NEW.required_approvals, NEW.notice_days),
                HINT = 'Submit it for review (UPDATE … SET status = ''under_review''), record the reviews in plan_review, then publish it. Only a plan with required_approvals = 0 and notice_days = 0 (where the regulator''s minimum allows it) is published straight from draft.',
                TABLE = 'evaluation_plan', COLUMN = 'status';
      END IF;
      PERFORM frontrunner.plan_publication_check(OLD.id);
      IF OLD.review_round > 0 THEN
        PERFORM frontrunner.plan_review_check(OLD.id);  -- rejections of earlier rounds stay open
      END IF;
      NEW.published_at := now();
    END IF;
    RETURN NEW;
  END IF;

  IF OLD.status = 'under_review' AND NEW.status <> 'under_review'
     AND (pg_catalog.to_jsonb(NEW) - frozen) = (pg_catalog.to_jsonb(OLD) - frozen) THEN
    IF NEW.status = 'draft' THEN
      -- taken back: editable again; the reviews of this round stay on record but no longer count
      NEW.review_started_at := NULL;
      NEW.notice_ends_at := NULL;
      NEW.published_at := NULL;
      NEW.closed_at := NULL;
      RETURN NEW;
    END IF;
    IF NEW.status = 'published' THEN
      PERFORM frontrunner.plan_publication_check(OLD.id);
      -- the regulator's minimum as it is now (raised during the review: the
      -- higher number of approvals and the longer notice)
      PERFORM frontrunner.plan_review_check(OLD.id);
      SELECT * INTO m FROM frontrunner.review_minimum(OLD.category);
      notice_end := greatest(OLD.notice_ends_at, OLD.review_started_at + pg_catalog.make_interval(days => m.min_notice_days));
      IF now() < notice_end THEN
        RAISE EXCEPTION 'rule 7 (public notice): plan % is in its public notice period until %', OLD.code, notice_end
          USING ERRCODE = 'FR007',
                DETAIL = format('Plan %s went under review at %s with notice_days = %s (%s: at least %s); the notice ends at %s; now is %s.',
                                OLD.code, OLD.review_started_at, OLD.notice_days, m.policy, m.min_notice_days, notice_end, now()),
                HINT = 'Publish the plan once its public notice period is over.',
                TABLE = 'evaluation_plan', COLUMN = 'status';
      END IF;
      NEW.review_started_at := OLD.review_started_at;
      NEW.notice_ends_at := OLD.notice_ends_at;
      NEW.closed_at := NULL;
      NEW.published_at := now();
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'rule 7 (plan workflow): plan % under review cannot be closed', OLD.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s is under review (round %s).', OLD.code, OLD.review_round),
            HINT = 'Publish it first, or take it back to draft (status = ''draft'') and delete it.',
            TABLE = 'evaluation_plan', COLUMN = 'status';
  END IF;

  IF OLD.status = 'published' AND NEW.status = 'closed'
     AND (pg_catalog.to_jsonb(NEW) - '{status,closed_at}'::text[])
         = (pg_catalog.to_jsonb(OLD) - '{status,closed_at}'::text[]) THEN
    NEW.closed_at := now();
    RETURN NEW;
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;  -- a no-op UPDATE changes nothing
  END IF;
  PERFORM frontrunner.plan_immutable_error(OLD.id, OLD.code, OLD.status,
            'UPDATE of ' || (SELECT string_agg(n.k, ', ' ORDER BY n.k)
                             FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
                             WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k));
  RETURN NULL;
END
$$;

COMMENT ON FUNCTION @extschema@.evaluation_plan_before_write() IS
  'trigger: the plan workflow (rule 7) — inserted as draft; drafts editable and deletable, their required_approvals and notice_days never below the regulator''s minimum (plan_policy_check()) and never lowered once a review round has started; submission (draft → under_review) runs plan_publication_check(), opens a review round and the public notice (review_started_at, notice_ends_at); a plan under review is frozen and goes back to draft or on to published, which needs plan_review_check() (no open rejection of any round, the approvals of this round) and the end of the notice (the longer of the plan''s and the minimum''s); draft → published only with required_approvals = 0 and notice_days = 0 and no open rejection; a published plan only closes (closed_at stamped); anything else refused with FR007';

CREATE OR REPLACE FUNCTION @extschema@.plan_indicator_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  row_plan bigint;
BEGIN
  IF TG_OP <> 'DELETE' AND (NEW.plan IS NULL OR NEW.indicator IS NULL) THEN
    RETURN NEW;  -- the NOT NULL constraints say so (23502)
  END IF;
  -- the old row's plan, then the new row's (p is the new row's plan after the loop)
  FOR row_plan IN SELECT u.x FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.plan END,
                                               CASE WHEN TG_OP <> 'DELETE' THEN NEW.plan END]) WITH ORDINALITY u(x, o)
                  WHERE u.x IS NOT NULL GROUP BY u.x ORDER BY max(u.o)
  LOOP
    SELECT e.id, e.code, e.status, e.category INTO p
    FROM frontrunner.evaluation_plan e WHERE e.id = row_plan
    FOR SHARE;
    IF FOUND AND p.status <> 'draft' THEN
      PERFORM frontrunner.plan_immutable_error(p.id, p.code, p.status, TG_OP || ' of core indicator ' ||
                CASE WHEN TG_OP = 'DELETE' THEN OLD.indicator ELSE NEW.indicator END);
    END IF;
  END LOOP;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  -- the plan's category defines the indicator (the FK to evaluation_plan reports a missing plan)
  IF p.category IS NOT NULL AND NOT EXISTS (
       SELECT FROM frontrunner.indicator_def d WHERE d.category = p.category AND d.key = NEW.indicator) THEN
    RAISE EXCEPTION 'indicator "%" is not defined for category %', NEW.indicator, p.category
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Plan %s ranks category %s, whose indicators are: %s.', p.code, p.category,
                            coalesce((SELECT string_agg(d.key, ', ' ORDER BY d.key) FROM frontrunner.indicator_def d
                                      WHERE d.category = p.category), 'none')),
            HINT = 'Core indicators are keys of indicator_def for the plan''s category.',
            TABLE = 'plan_indicator', COLUMN = 'indicator';
  END IF;
  -- an absolute cutoff replaces the tier's fraction
  IF NEW.leader_cutoff IS NOT NULL THEN NEW.leader_fraction := NULL; END IF;
  IF NEW.advanced_cutoff IS NOT NULL THEN NEW.advanced_fraction := NULL; END IF;
  IF NEW.baseline_cutoff IS NOT NULL THEN NEW.baseline_fraction := NULL; END IF;
  RETURN NEW;
END
$$;

CREATE TABLE @extschema@.ranking_lock (
  category       text PRIMARY KEY REFERENCES @extschema@.category (code) ON UPDATE CASCADE ON DELETE CASCADE,
  publications   bigint NOT NULL DEFAULT 0,
  failing_checks bigint NOT NULL DEFAULT 0,
  changed_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.ranking_lock IS
  'one row per category, written by every ranking publication and every failing spot check of the category (ranking_lock()), so that they are ordered: the later one sees the earlier one''s rows, or fails with 40001 under REPEATABLE READ';

COMMENT ON COLUMN @extschema@.ranking_lock.category IS 'the category (of the plan published, of the disclosure checked)';

COMMENT ON COLUMN @extschema@.ranking_lock.publications IS 'ranking lists published for plans of the category';

COMMENT ON COLUMN @extschema@.ranking_lock.failing_checks IS 'failing spot checks recorded on disclosures of the category';

COMMENT ON COLUMN @extschema@.ranking_lock.changed_at IS 'database clock of the last write';

CREATE OR REPLACE FUNCTION @extschema@.ranking_lock(category text, publication boolean) RETURNS void
LANGUAGE sql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
  INSERT INTO frontrunner.ranking_lock AS l (category, publications, failing_checks)
  VALUES ($1, CASE WHEN $2 THEN 1 ELSE 0 END, CASE WHEN $2 THEN 0 ELSE 1 END)
  ON CONFLICT (category) DO UPDATE
  SET publications = l.publications + EXCLUDED.publications,
      failing_checks = l.failing_checks + EXCLUDED.failing_checks,
      changed_at = now()
$$;

COMMENT ON FUNCTION @extschema@.ranking_lock(text, boolean) IS
  'SECURITY DEFINER (nobody writes ranking_lock directly): writes the category''s row of ranking_lock for a publication (true) or a failing spot check (false), which orders the two (rule 6 under concurrency); held until the transaction ends';

CREATE OR REPLACE FUNCTION @extschema@.publish_ranking(plan_code text) RETURNS bigint
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  rid bigint;
  published bigint;
  stored bigint;
  t0 timestamptz := clock_timestamp();
BEGIN
  -- SECURITY DEFINER (90_security.sql): the caller must own the plan
  PERFORM frontrunner.ranking_publisher_check(plan_code);
  -- the row lock serialises publications of one plan and its closing
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.id = frontrunner.plan_id(plan_code) FOR UPDATE;
  IF p.status <> 'published' THEN
    RAISE EXCEPTION 'rule 7 (plan workflow): plan % is %; only a published plan''s ranking is published', p.code, p.status
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (id %s) has status %s.', p.code, p.id, p.status),
            HINT = CASE p.status WHEN 'draft' THEN 'Submit the plan for review and publish it first (UPDATE evaluation_plan SET status = ''under_review'', then ''published'').'
                                 WHEN 'under_review' THEN 'Publish the plan first, once its review is complete (UPDATE evaluation_plan SET status = ''published'').'
                                 ELSE 'A closed plan gets no new ranking.' END,
            TABLE = 'evaluation_plan', COLUMN = 'status';
  END IF;
  -- ordered with the failing spot checks of the category (ranking_lock()):
  -- the statements below see every spot check committed before this one
  -- returns
  PERFORM frontrunner.ranking_lock(p.category, true);
  SELECT count(*) INTO published FROM frontrunner.disclosure d
  WHERE d.category = p.category AND d.status = 'published';
  PERFORM frontrunner.progress(format('publish_ranking(%L): plan %s locked, %s published disclosures of category %s; ranking',
                                      plan_code, p.id, published, p.category));
  -- rule 6 in the new list: a leader whose disclosure failed a spot check
  -- (one that does not exclude the enterprise at the plan's deadline) is
  -- revoked in it, as in every list before it
  WITH q AS MATERIALIZED (
    SELECT * FROM frontrunner.rank_plan(p.code)
  ), head AS (
    INSERT INTO frontrunner.ranking (plan, eligible, ineligible)
    SELECT p.id, count(*), greatest(published - count(*), 0) FROM q
    RETURNING id
  )
  INSERT INTO frontrunner.ranking_entry (ranking, rank, disclosure, enterprise, tier, score, levels,
                                         revoked_at, revoke_reason)
  SELECT head.id, q.rank, q.disclosure, q.enterprise, q.tier, q.score, q.levels,
         CASE WHEN f.reason IS NOT NULL THEN now() END, f.reason
  FROM q CROSS JOIN head
  LEFT JOIN LATERAL (
    SELECT frontrunner.spot_check_revoke_reason(x.id) AS reason
    FROM frontrunner.spot_check x
    WHERE x.disclosure = q.disclosure AND NOT x.conforms AND q.tier = 'leader'
    ORDER BY x.id
    LIMIT 1) f ON true;
  GET DIAGNOSTICS stored = ROW_COUNT;
  SELECT max(r.id) INTO rid FROM frontrunner.ranking r WHERE r.plan = p.id;
  PERFORM frontrunner.progress(format('publish_ranking(%L): ranking %s stored, %s entries, in %s s',
                                      plan_code, rid, stored, round(extract(epoch FROM clock_timestamp() - t0), 3)));
  RETURN rid;
END
$$;

COMMENT ON FUNCTION @extschema@.publish_ranking(text) IS
  'stores the current rank_plan() of a published plan as an immutable ranking list and returns its id (FR007 when the plan is a draft or closed); a leader whose disclosure failed a spot check is stored revoked (rule 6); ordered with failing spot checks of the category by ranking_lock(); reports its phases (frontrunner.progress)';

CREATE OR REPLACE FUNCTION @extschema@.spot_check_revoke_reason(spot_check_id bigint) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT format('failing spot check %s sampled on %s: %s measured %s, disclosed %s (GB/T 8170, %s)',
                x.id, x.sampled_on, x.indicator, x.measured, i.requirement, x.method)
  FROM frontrunner.spot_check x
  LEFT JOIN frontrunner.disclosed_indicator i ON i.disclosure = x.disclosure AND i.indicator = x.indicator
  WHERE x.id = $1
$$;

COMMENT ON FUNCTION @extschema@.spot_check_revoke_reason(bigint) IS
  'the revoke_reason a failing spot check writes into the leader entries it revokes (rule 6): the check, its date, the measured and the disclosed value, the GB/T 8170 method';

CREATE OR REPLACE FUNCTION @extschema@.spot_check_revoke() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- ordered with the publications of the disclosure's category
  -- (ranking_lock()): the UPDATE below sees every list committed before
  PERFORM frontrunner.ranking_lock(d.category, false)
  FROM frontrunner.disclosure d WHERE d.id = NEW.disclosure;
  UPDATE frontrunner.ranking_entry re
  SET revoke_reason = frontrunner.spot_check_revoke_reason(NEW.id)
  FROM frontrunner.ranking r
  JOIN frontrunner.evaluation_plan p ON p.id = r.plan
  WHERE re.ranking = r.id
    AND re.disclosure = NEW.disclosure
    AND re.tier = 'leader'
    AND re.revoked_at IS NULL
    AND p.status = 'published'
    AND r.id = (SELECT max(r2.id) FROM frontrunner.ranking r2 WHERE r2.plan = r.plan);
  RETURN NULL;
END
$$;

COMMENT ON FUNCTION @extschema@.spot_check_revoke() IS
  'trigger: rule 6 — a failing spot check revokes the leader entries of its disclosure in the current (latest) list of every published plan; the rest of the list is unchanged; ordered with publications of the category by ranking_lock()';

CREATE OR REPLACE FUNCTION @extschema@.spot_check_request_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  f record;
  d record;
  c record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.feedback IS NULL THEN
      RETURN NEW;  -- the NOT NULL constraint says so (23502)
    END IF;
    SELECT x.id, x.status, x.disclosure, x.enterprise, x.indicator INTO f
    FROM frontrunner.feedback x WHERE x.id = NEW.feedback FOR SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no report with id %', NEW.feedback
        USING ERRCODE = 'P0002', DETAIL = format('No row of table feedback has id %s (spot_check_request.feedback).', NEW.feedback),
              HINT = 'See table feedback.', TABLE = 'spot_check_request', COLUMN = 'feedback';
    END IF;
    IF f.status <> 'substantiated' THEN
      PERFORM frontrunner.feedback_error(format('report %s is not substantiated', f.id),
        format('Report %s has status %s.', f.id, f.status),
        'Only a substantiated report requests a spot check: decide it first.', 'feedback');
    END IF;
    NEW.disclosure := coalesce(NEW.disclosure, f.disclosure);
    NEW.indicator := coalesce(NEW.indicator, f.indicator);
    IF NEW.disclosure IS NULL OR NEW.indicator IS NULL THEN
      PERFORM frontrunner.feedback_error(format('the spot check requested on report %s needs a disclosure and an indicator', f.id),
        format('Report %s names disclosure %s and indicator %s; the request names %s and %s.', f.id,
               coalesce(f.disclosure::text, '-'), coalesce(f.indicator, '-'),
               coalesce(NEW.disclosure::text, '-'), coalesce(NEW.indicator, '-')),
        'Give disclosure and indicator in the request when the report does not name them.', 'disclosure');
    END IF;
    SELECT x.enterprise, x.status,
           (SELECT string_agg(i.indicator, ', ' ORDER BY i.indicator) FROM frontrunner.disclosed_indicator i WHERE i.disclosure = x.id) AS indicators,
           EXISTS (SELECT FROM frontrunner.disclosed_indicator i WHERE i.disclosure = x.id AND i.indicator = NEW.indicator) AS disclosed
      INTO d
    FROM frontrunner.disclosure x WHERE x.id = NEW.disclosure;
    IF NOT FOUND OR d.status = 'draft' OR NOT (d.enterprise OPERATOR(frontrunner.=) f.enterprise) THEN
      PERFORM frontrunner.feedback_error(format('disclosure %s is not a published disclosure of enterprise %s', NEW.disclosure, f.enterprise),
        format('Report %s is about enterprise %s; disclosure %s: %s.', f.id, f.enterprise, NEW.disclosure,
               CASE WHEN d.status IS NULL THEN 'no such disclosure'
                    ELSE format('enterprise %s, status %s', d.enterprise, d.status) END),
        'A spot check requested on a report checks a published disclosure of the enterprise reported.', 'disclosure');
    END IF;
    IF NOT d.disclosed THEN
      PERFORM frontrunner.feedback_error(format('disclosure %s does not disclose indicator "%s"', NEW.disclosure, NEW.indicator),
        format('Disclosed indicators of %s: %s.', NEW.disclosure, coalesce(d.indicators, 'none')),
        'A spot check measures a disclosed indicator.', 'indicator');
    END IF;
    IF NEW.spot_check IS NOT NULL THEN
      PERFORM frontrunner.feedback_error('a spot check request is entered open',
        format('The request was inserted with spot_check %s.', NEW.spot_check),
        'Insert the request, then link the spot check with UPDATE … SET spot_check = id once it is recorded.', 'spot_check');
    END IF;
    NEW.requested_at := now();
    NEW.requested_by := current_user;
    NEW.done_at := NULL;
    RETURN NEW;
  END IF;

  -- UPDATE: only the link to the spot check that answers the request, once
  IF OLD.spot_check IS NULL AND NEW.spot_check IS NOT NULL
     AND (pg_catalog.to_jsonb(NEW) - '{spot_check,done_at}'::text[]) = (pg_catalog.to_jsonb(OLD) - '{spot_check,done_at}'::text[]) THEN
    SELECT x.id, x.disclosure, x.indicator, x.sampled_on INTO c FROM frontrunner.spot_check x WHERE x.id = NEW.spot_check;
    IF FOUND AND (c.disclosure <> OLD.disclosure OR c.indicator <> OLD.indicator OR c.sampled_on < OLD.requested_at::date) THEN
      PERFORM frontrunner.feedback_error(format('spot check %s does not answer request %s', c.id, OLD.id),
        format('Request %s: disclosure %s, %s, requested %s; spot check %s: disclosure %s, %s, sampled on %s.',
               OLD.id, OLD.disclosure, OLD.indicator, OLD.requested_at, c.id, c.disclosure, c.indicator, c.sampled_on),
        'Link a spot check of the requested disclosure and indicator, sampled on or after the request.', 'spot_check');
    END IF;
    NEW.done_at := now();
    RETURN NEW;
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;
  END IF;
  PERFORM frontrunner.feedback_error(format('spot check request %s cannot be changed', OLD.id),
    format('Request %s (%s): UPDATE of %s refused.', OLD.id,
           CASE WHEN OLD.spot_check IS NULL THEN 'open' ELSE 'answered by spot check ' || OLD.spot_check END,
           (SELECT string_agg(n.k, ', ' ORDER BY n.k) FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
            WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k)),
    'An open request only gets its spot check linked (UPDATE … SET spot_check = id); an answered request is final.', NULL);
  RETURN NULL;
END
$$;

ALTER TABLE @extschema@.review_policy ENABLE ROW LEVEL SECURITY;

ALTER TABLE @extschema@.review_policy FORCE ROW LEVEL SECURITY;

CREATE POLICY review_policy_read ON @extschema@.review_policy FOR SELECT USING (true);

CREATE POLICY review_policy_insert ON @extschema@.review_policy FOR INSERT
  WITH CHECK (@extschema@.is_regulator());

CREATE POLICY review_policy_update ON @extschema@.review_policy FOR UPDATE
  USING (@extschema@.is_regulator()) WITH CHECK (@extschema@.is_regulator());

CREATE POLICY review_policy_delete ON @extschema@.review_policy FOR DELETE
  USING (@extschema@.is_regulator());

ALTER FUNCTION @extschema@.ranking_lock(text, boolean) SECURITY DEFINER;

REVOKE EXECUTE ON FUNCTION @extschema@.ranking_lock(text, boolean) FROM PUBLIC;


-- pg_dump keeps the new tables' data (as 95_pg_dump.sql)
SELECT pg_catalog.set_config('frontrunner_install.config_dump_types', pg_catalog.array_to_string(ARRAY[
  pg_catalog.pg_typeof(NULL::@extschema@.review_policy)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.ranking_lock)::pg_catalog.oid], ','), true);
DO $$
DECLARE
  rel pg_catalog.regclass;
BEGIN
  FOR rel IN
    SELECT x.rel
    FROM pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.current_setting('frontrunner_install.config_dump_types'), ',')::pg_catalog.oid[])
           WITH ORDINALITY AS r(typ, ord)
    JOIN pg_catalog.pg_type t ON t.oid = r.typ
    CROSS JOIN LATERAL (
      SELECT t.typrelid::pg_catalog.regclass, 0
      UNION ALL
      SELECT d.objid::pg_catalog.regclass, 1
      FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      WHERE d.refobjid = t.typrelid AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'i'
    ) x(rel, seq)
    ORDER BY r.ord, x.seq
  LOOP
    PERFORM pg_catalog.pg_extension_config_dump(rel, '');
  END LOOP;
  PERFORM pg_catalog.set_config('frontrunner_install.config_dump_types', '', true);
END
$$;

-- CREATE OR REPLACE reset what ALTER FUNCTION had set
ALTER FUNCTION @extschema@.publish_ranking(text) SECURITY DEFINER;


-- issue 22: national scale: the import writes a disclosure's indicators in one statement ----------
-- (the indicator sort support's abbreviated keys are in the module: the
-- opclass has named indicator_sortsupport as FUNCTION 2 since 0.1.0)
CREATE OR REPLACE FUNCTION @extschema@.import_disclosures(publish boolean DEFAULT true)
RETURNS TABLE (source_ref text, line bigint, disclosure bigint, outcome text,
               sqlstate text, message text, detail text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  g record;
  r record;
  hdr record;
  row_errors int;
  bad_lines bigint[];
  cur_line bigint;
  new_id bigint;
  prev_id bigint;
  v_uscc frontrunner.uscc;
  v_std frontrunner.stdcode;
  v_req frontrunner.indicator;
  v_tm frontrunner.stdcode;
  e_state text;
  e_msg text;
  e_detail text;
  -- progress (frontrunner.progress): disclosures staged, done so far
  report boolean := frontrunner.progress();
  t0 timestamptz := clock_timestamp();
  total bigint;
  done bigint := 0;
BEGIN
  IF report THEN
    SELECT count(*), sum(x.n) INTO total, e_msg
    FROM (SELECT count(*) AS n FROM frontrunner.disclosure_import s GROUP BY s.source_ref) x;
    PERFORM frontrunner.progress(format('import_disclosures(): %s disclosures in %s staged rows', total, coalesce(e_msg, '0')));
  END IF;
  FOR g IN
    SELECT s.source_ref AS ref, array_agg(s.line ORDER BY s.line) AS lines,
           count(DISTINCT (s.uscc, s.enterprise_name, s.category, s.product, s.standard,
                           s.supersedes_ref, s.below_recommended_statement, s.published)) AS variants
    FROM frontrunner.disclosure_import s
    GROUP BY s.source_ref
    ORDER BY min(s.line)
  LOOP
    IF report AND done > 0 AND done % 1000 = 0 THEN
      PERFORM frontrunner.progress(format('import_disclosures(): %s of %s disclosures done in %s s',
                                          done, total, round(extract(epoch FROM clock_timestamp() - t0), 3)));
    END IF;
    done := done + 1;
    source_ref := g.ref;
    disclosure := NULL;

    IF g.ref IS NULL OR btrim(g.ref) = '' THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := '23502';
        message := 'source_ref is required';
        detail := 'Rows of one disclosure share its platform identifier in column source_ref.';
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;
    IF g.variants > 1 THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := '22023';
        message := format('rows of disclosure %s disagree on the disclosure columns', g.ref);
        detail := 'uscc, enterprise_name, category, product, standard, supersedes_ref, below_recommended_statement and published must be equal on every row of one source_ref.';
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;

    -- values: every row checked, every bad one reported
    row_errors := 0;
    bad_lines := '{}';
    SELECT s.* INTO hdr FROM frontrunner.disclosure_import s WHERE s.line = g.lines[1];
    BEGIN
      v_uscc := hdr.uscc::frontrunner.uscc;
      v_std := hdr.standard::frontrunner.stdcode;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
      line := g.lines[1]; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
      RETURN NEXT;
      row_errors := row_errors + 1;
      bad_lines := bad_lines || g.lines[1];
    END;
    FOR r IN SELECT s.* FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines) ORDER BY s.line LOOP
      BEGIN
        v_req := r.requirement::frontrunner.indicator;
        v_tm := r.test_method::frontrunner.stdcode;
      EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
        line := r.line; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
        RETURN NEXT;
        row_errors := row_errors + 1;
        bad_lines := bad_lines || r.line;
      END;
    END LOOP;
    IF row_errors > 0 THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        CONTINUE WHEN cur_line = ANY (bad_lines);
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := NULL;
        message := format('disclosure %s not imported: %s other row(s) of it are invalid', g.ref, row_errors);
        detail := NULL;
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;

    -- the disclosure, through the rules, in its own subtransaction
    cur_line := NULL;
    BEGIN
      prev_id := NULL;
      IF hdr.supersedes_ref IS NOT NULL THEN
        SELECT d.id INTO prev_id FROM frontrunner.disclosure d WHERE d.source_ref = hdr.supersedes_ref;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'previous version % is not in the registry', hdr.supersedes_ref
            USING ERRCODE = 'FR005',
                  DETAIL = format('Disclosure %s supersedes %s, which has not been imported.', g.ref, hdr.supersedes_ref),
                  HINT = 'Import the previous version first (or leave supersedes_ref empty).';
        END IF;
      END IF;
      -- a name creates the enterprise or renames it; without one the
      -- enterprise must exist (the foreign key says so otherwise)
      IF nullif(btrim(hdr.enterprise_name), '') IS NOT NULL THEN
        INSERT INTO frontrunner.enterprise AS e (uscc, name)
        VALUES (v_uscc, btrim(hdr.enterprise_name))
        ON CONFLICT ON CONSTRAINT enterprise_pkey DO UPDATE SET name = EXCLUDED.name
          WHERE e.name IS DISTINCT FROM EXCLUDED.name;
      END IF;
      INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes,
                                          below_recommended_statement, source_ref, source_published)
      VALUES (v_uscc, hdr.category, hdr.product, v_std, prev_id,
              nullif(btrim(hdr.below_recommended_statement), ''), g.ref, hdr.published)
      RETURNING id INTO new_id;
      -- the indicators in one statement (the rules' statement-level checks
      -- run once, not once a row); when it fails, again one row at a time
      -- in the order of the lines, so that the rejected line is the one the
      -- rules refuse, with the same error
      BEGIN
        INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method)
        SELECT new_id, s.indicator, s.requirement::frontrunner.indicator, s.test_method::frontrunner.stdcode
        FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines) ORDER BY s.line;
      EXCEPTION WHEN OTHERS THEN
        FOR r IN SELECT s.* FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines) ORDER BY s.line LOOP
          cur_line := r.line;
          INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method)
          VALUES (new_id, r.indicator, r.requirement::frontrunner.indicator, r.test_method::frontrunner.stdcode);
        END LOOP;
      END;
      cur_line := NULL;
      IF publish THEN
        UPDATE frontrunner.disclosure d SET status = 'published' WHERE d.id = new_id;
      END IF;
      DELETE FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines);
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; disclosure := new_id; outcome := CASE WHEN publish THEN 'published' ELSE 'draft' END;
        import_disclosures.sqlstate := NULL; message := NULL; detail := NULL;
        RETURN NEXT;
      END LOOP;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
      disclosure := NULL; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
      IF cur_line IS NOT NULL THEN
        line := cur_line;
        RETURN NEXT;
      ELSE
        FOREACH cur_line IN ARRAY g.lines LOOP
          line := cur_line;
          RETURN NEXT;
        END LOOP;
      END IF;
    END;
  END LOOP;
  IF report THEN
    -- imported disclosures leave the staging table; rejected ones stay
    SELECT count(*) INTO total FROM (SELECT DISTINCT s.source_ref FROM frontrunner.disclosure_import s) x;
    PERFORM frontrunner.progress(format('import_disclosures(): %s disclosures done in %s s, %s imported, %s rejected',
                                        done, round(extract(epoch FROM clock_timestamp() - t0), 3), done - total, total));
  END IF;
END
$$;

-- issue 15: scale-out on Citus (citus_distribute(), rules that read only the shard of the rows they check, clock()) ----
-- new or changed, in the order of NEW -----------------------------------
CREATE OR REPLACE FUNCTION @extschema@.clock() RETURNS timestamptz
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  stamp timestamptz;
BEGIN
  -- on Citus, the distributed transaction's stamp, the same on every node it
  -- touches (each node's now() is its own transaction's start)
  IF pg_catalog.to_regprocedure('pg_catalog.get_current_transaction_id()') IS NOT NULL THEN
    stamp := (pg_catalog.get_current_transaction_id()).transaction_stamp;
  END IF;
  RETURN coalesce(stamp, pg_catalog.now());
END
$$;

COMMENT ON FUNCTION @extschema@.clock() IS
  'the database clock of the rules (published_at, withdrawn_at, the plan and review stamps, history): now() on one node; on a Citus cluster the stamp of the distributed transaction, the same on every node, and now() before the transaction''s first distributed statement';

CREATE OR REPLACE FUNCTION @extschema@.citus_on_workers(command text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  w record;
BEGIN
  -- each worker runs it in a transaction of its own (run_command_on_workers),
  -- with DDL propagation off: it changes that worker's own objects only
  FOR w IN SELECT x.* FROM pg_catalog.run_command_on_workers('SET LOCAL citus.enable_ddl_propagation TO off; ' || command) x
           ORDER BY x.nodename, x.nodeport LOOP
    IF NOT w.success THEN
      RAISE EXCEPTION 'worker %:% failed: %', w.nodename, w.nodeport, w.result
        USING ERRCODE = 'external_routine_exception',
              DETAIL = pg_catalog.format('Command: %s', command),
              HINT = 'Fix the worker (see its log), then run the command on the coordinator again: every step on the workers can be repeated.';
    END IF;
  END LOOP;
END
$$;

COMMENT ON FUNCTION @extschema@.citus_on_workers(text) IS
  'on a Citus coordinator: runs command on every worker, each in its own transaction with DDL propagation off (its own objects only), and raises 38000 naming the first worker that failed; used by citus_distribute() and setup_roles()';

REVOKE EXECUTE ON FUNCTION @extschema@.citus_on_workers(text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION @extschema@.citus_distributed() RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- Citus's catalog exists only where the citus extension is installed (the
  -- query below is parsed only then)
  IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
    RETURN false;
  END IF;
  RETURN EXISTS (SELECT FROM pg_catalog.pg_dist_partition p
                 WHERE p.logicalrelid = 'frontrunner.disclosure'::pg_catalog.regclass);
END
$$;

COMMENT ON FUNCTION @extschema@.citus_distributed() IS
  'true when the registry is distributed with Citus (citus_distribute() has run): on the coordinator and on every worker; false on one node';

CREATE OR REPLACE FUNCTION @extschema@.citus_tenants(rows @extschema@.disclosed_indicator[])
RETURNS @extschema@.uscc[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t frontrunner.uscc[];
BEGIN
  IF NOT frontrunner.citus_distributed() THEN
    RETURN NULL;
  END IF;
  t := ARRAY(SELECT DISTINCT r.enterprise FROM pg_catalog.unnest(rows) r WHERE r.enterprise IS NOT NULL);
  IF EXISTS (SELECT FROM pg_catalog.unnest(rows) r WHERE r.enterprise IS NULL) THEN
    -- rows a caller built without their enterprise (on the coordinator)
    t := t || frontrunner.citus_tenants(ARRAY(SELECT r.disclosure FROM pg_catalog.unnest(rows) r WHERE r.enterprise IS NULL));
  END IF;
  RETURN t;
END
$$;

COMMENT ON FUNCTION @extschema@.citus_tenants(@extschema@.disclosed_indicator[]) IS
  'the enterprises whose shard a rule checking these rows reads: on a distributed registry the rows'' enterprises (those of their disclosures for rows without one); NULL on one node (any)';

CREATE OR REPLACE FUNCTION @extschema@.citus_tenants(ids bigint[])
RETURNS @extschema@.uscc[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT frontrunner.citus_distributed() THEN
    RETURN NULL;
  END IF;
  -- read on the coordinator, over every shard (a rule on a shard names its
  -- rows' enterprises instead)
  RETURN ARRAY(SELECT DISTINCT d.enterprise FROM frontrunner.disclosure d WHERE d.id = ANY (ids));
END
$$;

COMMENT ON FUNCTION @extschema@.citus_tenants(bigint[]) IS
  'the enterprises of these disclosures on a distributed registry, read on the coordinator (what disclosure_violations(ids) and disclosure_publication_check(ids) check there); NULL on one node (any)';

CREATE OR REPLACE FUNCTION @extschema@.refuse_change() RETURNS trigger
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

CREATE OR REPLACE FUNCTION @extschema@.indicator_violations(rows @extschema@.disclosed_indicator[], publication boolean)
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
  -- Hash joins over the rows, the floors in force computed once.
  -- The disclosures are read by id; on a distributed registry also by the
  -- enterprises of the rows (tenants): a rule on a shard reads that shard
  -- (frontrunner.citus_tenants()).
  IF pg_catalog.cardinality(rows) = 0 THEN
    RETURN;
  END IF;
  tenants := frontrunner.citus_tenants(rows);
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
    WHERE f.nature = 'mandatory'
       OR (publication AND f.nature = 'recommended' AND f.kind IN ('national', 'industry'))
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

CREATE OR REPLACE FUNCTION @extschema@.disclosure_violations(ids bigint[], tenants @extschema@.uscc[])
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
  RETURN QUERY
  WITH pub AS MATERIALIZED (
    SELECT d.id, d.enterprise, d.category, d.standard, frontrunner.std_kind(d.standard) = 'enterprise' AS own,
           CASE WHEN frontrunner.std_kind(d.standard) = 'enterprise'
                THEN frontrunner.standard_number_problem(d.standard) END AS numbering
    FROM frontrunner.disclosure d
    WHERE d.id = ANY (ids) AND (tenants IS NULL OR d.enterprise OPERATOR(frontrunner.=) ANY (tenants))
  ), ind AS MATERIALIZED (
    SELECT i.disclosure, i.indicator, i.requirement, i.test_method,
           -- (a row of the table: on a shard its own row type is the shard's)
           ROW(i.disclosure, i.indicator, i.requirement, i.test_method, i.enterprise)::frontrunner.disclosed_indicator AS row_
    FROM pub p
    JOIN frontrunner.disclosed_indicator i ON i.enterprise OPERATOR(frontrunner.=) p.enterprise AND i.disclosure = p.id
    WHERE (tenants IS NULL OR i.enterprise OPERATOR(frontrunner.=) ANY (tenants))
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

CREATE OR REPLACE FUNCTION @extschema@.disclosure_violations(ids bigint[])
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

CREATE OR REPLACE FUNCTION @extschema@.disclosure_publication_check(ids bigint[], tenants @extschema@.uscc[])
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v record;
BEGIN
  SELECT * INTO v FROM frontrunner.disclosure_violations(ids, tenants) LIMIT 1;
  IF FOUND THEN
    PERFORM frontrunner.raise_violation(v.sqlstate, v.message, v.detail, v.hint, v.table_name, v.column_name);
  END IF;
END
$$;

COMMENT ON FUNCTION @extschema@.disclosure_publication_check(bigint[], @extschema@.uscc[]) IS
  'disclosure_publication_check(ids) of the disclosures of these enterprises (tenants; NULL: any), as the publication rule runs it';

CREATE OR REPLACE FUNCTION @extschema@.disclosure_publication_check(ids bigint[])
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

CREATE OR REPLACE FUNCTION @extschema@.disclosure_before_update() RETURNS trigger
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

CREATE OR REPLACE FUNCTION @extschema@.disclosure_after_statement() RETURNS trigger
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
BEGIN
  -- The transition table is read by queries on it alone, into arrays; every
  -- other query names the enterprises of its rows (tenants, on a
  -- distributed registry: the statement fires on each shard with that
  -- shard's rows, and these queries read that shard).
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
  tenants := CASE WHEN frontrunner.citus_distributed() THEN ARRAY(SELECT DISTINCT e FROM pg_catalog.unnest(ents) e) END;

  -- publication: rules 1-4 over every disclosure this statement published
  IF published IS NOT NULL THEN
    PERFORM frontrunner.disclosure_publication_check(published, tenants);
  END IF;

  -- the history; a superseded version notes its successor
  SELECT pg_catalog.array_agg(CASE u.st WHEN 'superseded' THEN (
           SELECT 'superseded by ' || pg_catalog.string_agg(s.id::text, ', ')
           FROM frontrunner.disclosure s
           WHERE (tenants IS NULL OR s.enterprise OPERATOR(frontrunner.=) ANY (tenants))
             AND s.supersedes = u.id AND s.status = 'published') ELSE u.note END ORDER BY u.o)
    INTO notes
  FROM ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(sts), pg_catalog.unnest(notes)) WITH ORDINALITY u(id, st, note, o);
  INSERT INTO frontrunner.disclosure_event (disclosure, at, action, old_status, new_status, note, enterprise)
  SELECT u.id, stamp,
         CASE u.st WHEN 'published' THEN 'publish' WHEN 'withdrawn' THEN 'withdraw' ELSE 'supersede' END,
         CASE u.st WHEN 'published' THEN 'draft' ELSE 'published' END, u.st, u.note, u.e
  FROM ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(sts), pg_catalog.unnest(notes), pg_catalog.unnest(ents)) WITH ORDINALITY u(id, st, note, e, o)
  ORDER BY u.o;

  -- new versions: the one they supersede becomes superseded, exactly once
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
  IF prev_ids IS NOT NULL THEN
    UPDATE frontrunner.disclosure SET status = 'superseded'
    WHERE id = ANY (prev_ids) AND (tenants IS NULL OR enterprise OPERATOR(frontrunner.=) ANY (tenants));
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.indicator_entry_check(written @extschema@.disclosed_indicator[],
                                                  removed @extschema@.disclosed_indicator[] DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  v record;
  tenant frontrunner.uscc;
BEGIN
  IF coalesce(pg_catalog.cardinality(written), 0) + coalesce(pg_catalog.cardinality(removed), 0) = 0 THEN
    RETURN;  -- (on a distributed registry: a shard the statement wrote nothing into)
  END IF;
  -- the disclosures of the rows, locked (in id order) against a concurrent
  -- publication; a disclosure already gone is a cascade from deleting a draft.
  -- On a distributed registry one lock per enterprise of the rows (Citus
  -- locks only rows it reads from one shard, by one enterprise)
  FOREACH tenant IN ARRAY coalesce(frontrunner.citus_tenants(written || removed), ARRAY[NULL::frontrunner.uscc]) LOOP
    PERFORM FROM frontrunner.disclosure d
    WHERE d.id IN (SELECT r.disclosure FROM pg_catalog.unnest(written) r
                   UNION SELECT r.disclosure FROM pg_catalog.unnest(removed) r)
      AND (tenant IS NULL OR d.enterprise OPERATOR(frontrunner.=) tenant)
    ORDER BY d.id
    FOR SHARE OF d;
  END LOOP;
  -- a row changed or deleted leaves a draft (rule 5); the rows written are
  -- checked as at data entry
  SELECT * INTO v FROM frontrunner.indicator_violations(removed, false) x WHERE x.step = 1 LIMIT 1;
  IF NOT FOUND THEN
    SELECT * INTO v FROM frontrunner.indicator_violations(written, false) LIMIT 1;
  END IF;
  IF FOUND THEN
    PERFORM frontrunner.raise_violation(v.sqlstate, v.message, v.detail, v.hint, v.table_name, v.column_name);
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.disclosure_history(id bigint)
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

CREATE OR REPLACE FUNCTION @extschema@.publish_disclosure(id bigint) RETURNS timestamptz
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

CREATE OR REPLACE FUNCTION @extschema@.withdraw_disclosure(id bigint, reason text) RETURNS timestamptz
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

CREATE OR REPLACE FUNCTION @extschema@.spot_check_before_write() RETURNS trigger
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

CREATE OR REPLACE VIEW @extschema@.spot_check_failure AS
SELECT d.enterprise::text AS enterprise, c.disclosure, c.indicator, c.sampled_on,
       c.measured::text AS measured, i.requirement::text AS requirement, c.method, c.id AS spot_check
FROM @extschema@.spot_check c
JOIN @extschema@.disclosure d ON d.enterprise OPERATOR(@extschema@.=) c.enterprise AND d.id = c.disclosure
JOIN @extschema@.disclosed_indicator i
  ON i.enterprise OPERATOR(@extschema@.=) c.enterprise AND i.disclosure = c.disclosure AND i.indicator = c.indicator
WHERE NOT c.conforms;

CREATE OR REPLACE FUNCTION @extschema@.excluded(enterprise @extschema@.uscc, deadline timestamptz,
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

CREATE OR REPLACE FUNCTION @extschema@.import_disclosures(publish boolean DEFAULT true)
RETURNS TABLE (source_ref text, line bigint, disclosure bigint, outcome text,
               sqlstate text, message text, detail text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  g record;
  r record;
  hdr record;
  row_errors int;
  bad_lines bigint[];
  cur_line bigint;
  new_id bigint;
  prev_id bigint;
  v_uscc frontrunner.uscc;
  v_std frontrunner.stdcode;
  v_req frontrunner.indicator;
  v_tm frontrunner.stdcode;
  e_state text;
  e_msg text;
  e_detail text;
  -- progress (frontrunner.progress): disclosures staged, done so far
  report boolean := frontrunner.progress();
  t0 timestamptz := clock_timestamp();
  total bigint;
  done bigint := 0;
BEGIN
  IF report THEN
    SELECT count(*), sum(x.n) INTO total, e_msg
    FROM (SELECT count(*) AS n FROM frontrunner.disclosure_import s GROUP BY s.source_ref) x;
    PERFORM frontrunner.progress(format('import_disclosures(): %s disclosures in %s staged rows', total, coalesce(e_msg, '0')));
  END IF;
  FOR g IN
    SELECT s.source_ref AS ref, array_agg(s.line ORDER BY s.line) AS lines,
           count(DISTINCT (s.uscc, s.enterprise_name, s.category, s.product, s.standard,
                           s.supersedes_ref, s.below_recommended_statement, s.published)) AS variants
    FROM frontrunner.disclosure_import s
    GROUP BY s.source_ref
    ORDER BY min(s.line)
  LOOP
    IF report AND done > 0 AND done % 1000 = 0 THEN
      PERFORM frontrunner.progress(format('import_disclosures(): %s of %s disclosures done in %s s',
                                          done, total, round(extract(epoch FROM clock_timestamp() - t0), 3)));
    END IF;
    done := done + 1;
    source_ref := g.ref;
    disclosure := NULL;

    IF g.ref IS NULL OR btrim(g.ref) = '' THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := '23502';
        message := 'source_ref is required';
        detail := 'Rows of one disclosure share its platform identifier in column source_ref.';
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;
    IF g.variants > 1 THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := '22023';
        message := format('rows of disclosure %s disagree on the disclosure columns', g.ref);
        detail := 'uscc, enterprise_name, category, product, standard, supersedes_ref, below_recommended_statement and published must be equal on every row of one source_ref.';
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;

    -- values: every row checked, every bad one reported
    row_errors := 0;
    bad_lines := '{}';
    SELECT s.* INTO hdr FROM frontrunner.disclosure_import s WHERE s.line = g.lines[1];
    BEGIN
      v_uscc := hdr.uscc::frontrunner.uscc;
      v_std := hdr.standard::frontrunner.stdcode;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
      line := g.lines[1]; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
      RETURN NEXT;
      row_errors := row_errors + 1;
      bad_lines := bad_lines || g.lines[1];
    END;
    FOR r IN SELECT s.* FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines) ORDER BY s.line LOOP
      BEGIN
        v_req := r.requirement::frontrunner.indicator;
        v_tm := r.test_method::frontrunner.stdcode;
      EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
        line := r.line; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
        RETURN NEXT;
        row_errors := row_errors + 1;
        bad_lines := bad_lines || r.line;
      END;
    END LOOP;
    IF row_errors > 0 THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        CONTINUE WHEN cur_line = ANY (bad_lines);
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := NULL;
        message := format('disclosure %s not imported: %s other row(s) of it are invalid', g.ref, row_errors);
        detail := NULL;
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;

    -- the disclosure, through the rules, in its own subtransaction
    cur_line := NULL;
    BEGIN
      prev_id := NULL;
      IF hdr.supersedes_ref IS NOT NULL THEN
        -- (source_ref is unique; on a distributed registry per enterprise,
        -- and the enterprise's own comes first)
        SELECT d.id INTO prev_id FROM frontrunner.disclosure d WHERE d.source_ref = hdr.supersedes_ref
        ORDER BY d.enterprise OPERATOR(frontrunner.=) v_uscc DESC LIMIT 1;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'previous version % is not in the registry', hdr.supersedes_ref
            USING ERRCODE = 'FR005',
                  DETAIL = format('Disclosure %s supersedes %s, which has not been imported.', g.ref, hdr.supersedes_ref),
                  HINT = 'Import the previous version first (or leave supersedes_ref empty).';
        END IF;
      END IF;
      -- a name creates the enterprise or renames it; without one the
      -- enterprise must exist (the foreign key says so otherwise)
      IF nullif(btrim(hdr.enterprise_name), '') IS NOT NULL THEN
        INSERT INTO frontrunner.enterprise AS e (uscc, name)
        VALUES (v_uscc, btrim(hdr.enterprise_name))
        ON CONFLICT ON CONSTRAINT enterprise_pkey DO UPDATE SET name = EXCLUDED.name
          WHERE e.name IS DISTINCT FROM EXCLUDED.name;
      END IF;
      INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes,
                                          below_recommended_statement, source_ref, source_published)
      VALUES (v_uscc, hdr.category, hdr.product, v_std, prev_id,
              nullif(btrim(hdr.below_recommended_statement), ''), g.ref, hdr.published)
      RETURNING id INTO new_id;
      -- the indicators in one statement (the rules' statement-level checks
      -- run once, not once a row); when it fails, again one row at a time
      -- in the order of the lines, so that the rejected line is the one the
      -- rules refuse, with the same error
      BEGIN
        INSERT INTO frontrunner.disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
        SELECT v_uscc, new_id, s.indicator, s.requirement::frontrunner.indicator, s.test_method::frontrunner.stdcode
        FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines) ORDER BY s.line;
      EXCEPTION WHEN OTHERS THEN
        FOR r IN SELECT s.* FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines) ORDER BY s.line LOOP
          cur_line := r.line;
          INSERT INTO frontrunner.disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
          VALUES (v_uscc, new_id, r.indicator, r.requirement::frontrunner.indicator, r.test_method::frontrunner.stdcode);
        END LOOP;
      END;
      cur_line := NULL;
      IF publish THEN
        UPDATE frontrunner.disclosure d SET status = 'published'
        WHERE d.enterprise OPERATOR(frontrunner.=) v_uscc AND d.id = new_id;
      END IF;
      DELETE FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines);
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; disclosure := new_id; outcome := CASE WHEN publish THEN 'published' ELSE 'draft' END;
        import_disclosures.sqlstate := NULL; message := NULL; detail := NULL;
        RETURN NEXT;
      END LOOP;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
      disclosure := NULL; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
      IF cur_line IS NOT NULL THEN
        line := cur_line;
        RETURN NEXT;
      ELSE
        FOREACH cur_line IN ARRAY g.lines LOOP
          line := cur_line;
          RETURN NEXT;
        END LOOP;
      END IF;
    END;
  END LOOP;
  IF report THEN
    -- imported disclosures leave the staging table; rejected ones stay
    SELECT count(*) INTO total FROM (SELECT DISTINCT s.source_ref FROM frontrunner.disclosure_import s) x;
    PERFORM frontrunner.progress(format('import_disclosures(): %s disclosures done in %s s, %s imported, %s rejected',
                                        done, round(extract(epoch FROM clock_timestamp() - t0), 3), done - total, total));
  END IF;
END
$$;

CREATE OR REPLACE VIEW @extschema@.benchmark_pair AS
SELECT p.disclosure, p.enterprise::text AS enterprise, p.category, p.status, p.indicator,
       p.direction::text AS direction, p.unit, p.disclosed::text AS disclosed,
       p.standard::text AS standard, p.std_kind, p.std_nature, p.benchmark_class, p.class_rank,
       p.required::text AS required, p.test_method::text AS test_method, p.verdict, p.margin
FROM @extschema@.benchmark_pair_typed p;

CREATE OR REPLACE FUNCTION @extschema@.account_enterprise(r name) RETURNS @extschema@.uscc
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
BEGIN
  -- (PL/pgSQL, and nested execution allowed: on a distributed registry the
  -- policies that call it run on the workers, inside the shard queries, and
  -- read account there, a reference table with a copy on every node)
  RETURN (SELECT a.enterprise
          FROM frontrunner.account a
          JOIN pg_catalog.pg_roles m ON m.rolname = a.role
          WHERE a.role = r
            AND pg_catalog.pg_has_role(session_user, m.oid, 'MEMBER')
            AND frontrunner.role_in_group(r, 'frontrunner_enterprise'));
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.account_agency(r name) RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
BEGIN
  -- (PL/pgSQL, and nested execution allowed: on a distributed registry the
  -- policies that call it run on the workers, inside the shard queries, and
  -- read account there, a reference table with a copy on every node)
  RETURN (SELECT a.agency
          FROM frontrunner.account a
          JOIN pg_catalog.pg_roles m ON m.rolname = a.role
          WHERE a.role = r
            AND pg_catalog.pg_has_role(session_user, m.oid, 'MEMBER')
            AND frontrunner.role_in_group(r, 'frontrunner_agency'));
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.plan_for_share(plan_id bigint, for_verdict boolean DEFAULT false)
RETURNS @extschema@.evaluation_plan
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  copy text := 'frontrunner.evaluation_plan';
BEGIN
  IF frontrunner.citus_distributed() THEN
    -- evaluation_plan is a reference table and the triggers of the plan's
    -- rows fire on their copy on every node: each locks the plan in its own
    -- node's copy (a lock through Citus would take every copy, from every
    -- node at once)
    EXECUTE $q$SELECT pg_catalog.format('frontrunner.%I', 'evaluation_plan_' || s.shardid)
               FROM pg_catalog.pg_dist_shard s WHERE s.logicalrelid = 'frontrunner.evaluation_plan'::pg_catalog.regclass$q$
      INTO copy;
  END IF;
  IF for_verdict THEN
    -- a no-op UPDATE, not a share lock: a concurrent publication or return
    -- to draft waits for it and, under REPEATABLE READ, fails with 40001
    EXECUTE pg_catalog.format('UPDATE %s e SET review_round = e.review_round WHERE e.id = $1 RETURNING e.*', copy)
      INTO p USING plan_id;
  ELSE
    EXECUTE pg_catalog.format('SELECT e.* FROM %s e WHERE e.id = $1 FOR SHARE', copy) INTO p USING plan_id;
  END IF;
  RETURN p;
END
$$;

COMMENT ON FUNCTION @extschema@.plan_for_share(bigint, boolean) IS
  'the evaluation plan with this id, locked FOR SHARE, or with for_verdict after a no-op UPDATE of its row (which orders a verdict with the plan''s publication or return to draft); on a distributed registry in this node''s copy of the reference table; all columns NULL when there is none: what the triggers of its core indicators and reviews read';

CREATE OR REPLACE FUNCTION @extschema@.plan_review_before_insert() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
BEGIN
  -- a no-op UPDATE of the plan row orders the verdict with the plan's
  -- publication or return to draft: the later of the two waits for the
  -- earlier and, in READ COMMITTED, sees it; under REPEATABLE READ it fails
  -- with 40001 (a share lock would let a publication whose snapshot predates
  -- the verdict publish over it); on a distributed registry in this node's
  -- copy of the plan
  p := frontrunner.plan_for_share(NEW.plan, for_verdict => true);
  IF p.id IS NULL THEN
    -- NULL: the NOT NULL constraint says so (23502); else the foreign key (23503)
    NEW.round := coalesce(NEW.round, 0);
    RETURN NEW;
  END IF;
  IF NEW.verdict = 'clear' THEN
    -- a regulator closes an open rejection (whatever the round), while the plan can still be published
    IF p.status NOT IN ('draft', 'under_review') THEN
      RAISE EXCEPTION 'rule 7 (plan review): plan % is %', p.code, p.status
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s (id %s) has status %s; the clear of %s''s rejection is refused.', p.code, p.id, p.status, NEW.reviewer),
              HINT = 'Rejections are cleared while a plan is a draft or under review.',
              TABLE = 'plan_review', COLUMN = 'verdict';
    END IF;
    PERFORM FROM frontrunner.plan_open_rejections(p.id) o WHERE o.reviewer = NEW.reviewer;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'rule 7 (plan review): % has no open rejection of plan %', NEW.reviewer, p.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Open rejections of plan %s: %s.', p.code,
                              coalesce((SELECT string_agg(format('%s (round %s)', o.reviewer, o.round), ', ' ORDER BY o.reviewer)
                                        FROM frontrunner.plan_open_rejections(p.id) o), 'none')),
              HINT = 'A clear names the reviewer whose rejection it closes.',
              TABLE = 'plan_review', COLUMN = 'reviewer';
    END IF;
  ELSIF p.status <> 'under_review' THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % is not under review', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (id %s) has status %s; verdict %s by %s refused.', p.code, p.id, p.status, NEW.verdict, NEW.reviewer),
            HINT = CASE p.status WHEN 'draft' THEN 'Submit the plan for review first (UPDATE evaluation_plan SET status = ''under_review'').'
                                 ELSE 'Reviews are recorded only while a plan is under review.' END,
            TABLE = 'plan_review', COLUMN = 'plan';
  END IF;
  NEW.round := p.review_round;
  NEW.reviewed_at := frontrunner.clock();
  NEW.recorded_by := current_user;
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.evaluation_plan_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  frozen text[] := '{status,review_round,review_started_at,notice_ends_at,published_at,closed_at}';
  m record;
  notice_end timestamptz;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'rule 7 (plan workflow): a plan is entered as a draft'
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s inserted with status %s.', NEW.code, NEW.status),
              HINT = 'Insert it as a draft, add its core indicators, submit it for review (UPDATE … SET status = ''under_review''), then publish it.',
              TABLE = 'evaluation_plan', COLUMN = 'status';
    END IF;
    PERFORM frontrunner.plan_policy_check(NEW.code, NEW.category, NEW.required_approvals, NEW.notice_days);
    NEW.published_at := NULL;
    NEW.closed_at := NULL;
    NEW.review_round := 0;
    NEW.review_started_at := NULL;
    NEW.notice_ends_at := NULL;
    NEW.created_at := frontrunner.clock();
    RETURN NEW;
  END IF;

  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      PERFORM frontrunner.plan_immutable_error(OLD.id, OLD.code, OLD.status, 'DELETE');
    END IF;
    RETURN OLD;
  END IF;

  -- UPDATE
  IF NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'rule 7 (plan workflow): the id of a plan cannot change'
      USING ERRCODE = 'FR007', DETAIL = format('Old id: %s; new id: %s.', OLD.id, NEW.id),
            HINT = 'Ids are assigned by the database.', TABLE = 'evaluation_plan', COLUMN = 'id';
  END IF;
  NEW.created_at := OLD.created_at;
  NEW.review_round := OLD.review_round;
  IF OLD.status = 'draft' THEN
    IF NEW.status = 'closed' THEN
      RAISE EXCEPTION 'rule 7 (plan workflow): draft plan % cannot be closed', OLD.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s is a draft.', OLD.code),
              HINT = 'Publish it first, or delete the draft.',
              TABLE = 'evaluation_plan', COLUMN = 'status';
    END IF;
    -- the review asked for: never below the regulator's minimum, and never
    -- lowered once a review has started (a rejection is not escaped by
    -- asking for less review in the next round)
    IF OLD.review_round > 0 AND (NEW.required_approvals < OLD.required_approvals OR NEW.notice_days < OLD.notice_days) THEN
      RAISE EXCEPTION 'rule 7 (review policy): the review plan % asks for cannot be lowered once its review has started', OLD.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s went under review in %s round(s) with required_approvals %s and notice_days %s; the UPDATE sets %s and %s.',
                              OLD.code, OLD.review_round, OLD.required_approvals, OLD.notice_days, NEW.required_approvals, NEW.notice_days),
              HINT = 'After a review round, required_approvals and notice_days only go up.',
              TABLE = 'evaluation_plan',
              COLUMN = CASE WHEN NEW.required_approvals < OLD.required_approvals THEN 'required_approvals' ELSE 'notice_days' END;
    END IF;
    IF NEW.status <> 'draft' OR NEW.category IS DISTINCT FROM OLD.category
       OR NEW.required_approvals IS DISTINCT FROM OLD.required_approvals OR NEW.notice_days IS DISTINCT FROM OLD.notice_days THEN
      PERFORM frontrunner.plan_policy_check(OLD.code, NEW.category, NEW.required_approvals, NEW.notice_days);
    END IF;
    NEW.closed_at := NULL;
    NEW.published_at := NULL;
    NEW.review_started_at := NULL;
    NEW.notice_ends_at := NULL;
    IF NEW.status = 'under_review' THEN
      -- submission: the plan must be publishable; a new review round and the public notice start
      PERFORM frontrunner.plan_publication_check(OLD.id);
      NEW.review_round := OLD.review_round + 1;
      NEW.review_started_at := frontrunner.clock();
      NEW.notice_ends_at := NEW.review_started_at + pg_catalog.make_interval(days => NEW.notice_days);
    ELSIF NEW.status = 'published' THEN
      IF NEW.required_approvals > 0 OR NEW.notice_days > 0 THEN
        RAISE EXCEPTION 'rule 7 (plan review): plan % must be reviewed before it is published', OLD.code
          USING ERRCODE = 'FR007',
                DETAIL = format('Plan %s requires %s approval(s) and a public notice of %s day(s); it is a draft.',
                                OLD.code, NEW.required_approvals, NEW.notice_days),
                HINT = 'Submit it for review (UPDATE … SET status = ''under_review''), record the reviews in plan_review, then publish it. Only a plan with required_approvals = 0 and notice_days = 0 (where the regulator''s minimum allows it) is published straight from draft.',
                TABLE = 'evaluation_plan', COLUMN = 'status';
      END IF;
      PERFORM frontrunner.plan_publication_check(OLD.id);
      IF OLD.review_round > 0 THEN
        PERFORM frontrunner.plan_review_check(OLD.id);  -- rejections of earlier rounds stay open
      END IF;
      NEW.published_at := frontrunner.clock();
    END IF;
    RETURN NEW;
  END IF;

  IF OLD.status = 'under_review' AND NEW.status <> 'under_review'
     AND (pg_catalog.to_jsonb(NEW) - frozen) = (pg_catalog.to_jsonb(OLD) - frozen) THEN
    IF NEW.status = 'draft' THEN
      -- taken back: editable again; the reviews of this round stay on record but no longer count
      NEW.review_started_at := NULL;
      NEW.notice_ends_at := NULL;
      NEW.published_at := NULL;
      NEW.closed_at := NULL;
      RETURN NEW;
    END IF;
    IF NEW.status = 'published' THEN
      PERFORM frontrunner.plan_publication_check(OLD.id);
      -- the regulator's minimum as it is now (raised during the review: the
      -- higher number of approvals and the longer notice)
      PERFORM frontrunner.plan_review_check(OLD.id);
      SELECT * INTO m FROM frontrunner.review_minimum(OLD.category);
      notice_end := greatest(OLD.notice_ends_at, OLD.review_started_at + pg_catalog.make_interval(days => m.min_notice_days));
      IF frontrunner.clock() < notice_end THEN
        RAISE EXCEPTION 'rule 7 (public notice): plan % is in its public notice period until %', OLD.code, notice_end
          USING ERRCODE = 'FR007',
                DETAIL = format('Plan %s went under review at %s with notice_days = %s (%s: at least %s); the notice ends at %s; now is %s.',
                                OLD.code, OLD.review_started_at, OLD.notice_days, m.policy, m.min_notice_days, notice_end, frontrunner.clock()),
                HINT = 'Publish the plan once its public notice period is over.',
                TABLE = 'evaluation_plan', COLUMN = 'status';
      END IF;
      NEW.review_started_at := OLD.review_started_at;
      NEW.notice_ends_at := OLD.notice_ends_at;
      NEW.closed_at := NULL;
      NEW.published_at := frontrunner.clock();
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'rule 7 (plan workflow): plan % under review cannot be closed', OLD.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s is under review (round %s).', OLD.code, OLD.review_round),
            HINT = 'Publish it first, or take it back to draft (status = ''draft'') and delete it.',
            TABLE = 'evaluation_plan', COLUMN = 'status';
  END IF;

  IF OLD.status = 'published' AND NEW.status = 'closed'
     AND (pg_catalog.to_jsonb(NEW) - '{status,closed_at}'::text[])
         = (pg_catalog.to_jsonb(OLD) - '{status,closed_at}'::text[]) THEN
    NEW.closed_at := frontrunner.clock();
    RETURN NEW;
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;  -- a no-op UPDATE changes nothing
  END IF;
  PERFORM frontrunner.plan_immutable_error(OLD.id, OLD.code, OLD.status,
            'UPDATE of ' || (SELECT string_agg(n.k, ', ' ORDER BY n.k)
                             FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
                             WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.plan_indicator_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  row_plan bigint;
BEGIN
  IF TG_OP <> 'DELETE' AND (NEW.plan IS NULL OR NEW.indicator IS NULL) THEN
    RETURN NEW;  -- the NOT NULL constraints say so (23502)
  END IF;
  -- the old row's plan, then the new row's (p is the new row's plan after the loop)
  FOR row_plan IN SELECT u.x FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.plan END,
                                               CASE WHEN TG_OP <> 'DELETE' THEN NEW.plan END]) WITH ORDINALITY u(x, o)
                  WHERE u.x IS NOT NULL GROUP BY u.x ORDER BY max(u.o)
  LOOP
    p := frontrunner.plan_for_share(row_plan);
    IF p.id IS NOT NULL AND p.status <> 'draft' THEN
      PERFORM frontrunner.plan_immutable_error(p.id, p.code, p.status, TG_OP || ' of core indicator ' ||
                CASE WHEN TG_OP = 'DELETE' THEN OLD.indicator ELSE NEW.indicator END);
    END IF;
  END LOOP;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  -- the plan's category defines the indicator (the FK to evaluation_plan reports a missing plan)
  IF p.category IS NOT NULL AND NOT EXISTS (
       SELECT FROM frontrunner.indicator_def d WHERE d.category = p.category AND d.key = NEW.indicator) THEN
    RAISE EXCEPTION 'indicator "%" is not defined for category %', NEW.indicator, p.category
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Plan %s ranks category %s, whose indicators are: %s.', p.code, p.category,
                            coalesce((SELECT string_agg(d.key, ', ' ORDER BY d.key) FROM frontrunner.indicator_def d
                                      WHERE d.category = p.category), 'none')),
            HINT = 'Core indicators are keys of indicator_def for the plan''s category.',
            TABLE = 'plan_indicator', COLUMN = 'indicator';
  END IF;
  -- an absolute cutoff replaces the tier's fraction
  IF NEW.leader_cutoff IS NOT NULL THEN NEW.leader_fraction := NULL; END IF;
  IF NEW.advanced_cutoff IS NOT NULL THEN NEW.advanced_fraction := NULL; END IF;
  IF NEW.baseline_cutoff IS NOT NULL THEN NEW.baseline_fraction := NULL; END IF;
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.ranking_query(plan_id bigint, output text DEFAULT 'rows') RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  r record;
  k int := 0;
  sel text := '';
  keys text := '';
  levels_present text := '';
  stats text := '';
  cuts text := '';
  outcols text := '';
  tcols text := '';
  leaders text := '';
  cutvals text := '';
  wscale int;
  wint boolean;
  wtot numeric;
  wk text;
  kleaders text := '';
  kcols text := '';
  body text;
  better text;
  reach_l text;
  reach_a text;
  reach_b text;
  tk text;
  pk text;
  req text;
BEGIN
  p := frontrunner.plan_row(plan_id);
  -- the requirement as disclosed, or (plan option method_limits, 0.2.0) as
  -- its test method verifies it (claim_effective(), 45_test_methods.sql)
  req := CASE WHEN p.method_limits THEN 'frontrunner.claim_effective(i.requirement, i.test_method, i.indicator)'
              ELSE 'i.requirement' END;
  IF output NOT IN ('rows', 'cutoffs') THEN
    RAISE EXCEPTION 'invalid value for parameter "output": "%"', output
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('The outputs of ranking_query() are rows and cutoffs; %L is neither.', output),
            HINT = 'Give ''rows'' (one row per eligible disclosure) or ''cutoffs'' (one row per core indicator).';
  END IF;
  PERFORM frontrunner.plan_publication_check(plan_id);
  -- the score's numerator, Σ weight·place, is exact: in bigint when the
  -- weights are integers after scaling by 10^wscale and their sum is small
  -- enough that Σ weight·2n fits (n < 4.6e9), else in numeric
  SELECT max(scale(trim_scale(c.weight))) INTO wscale FROM frontrunner.plan_core_indicators(plan_id) c;
  SELECT trim_scale(sum(c.weight * 10::numeric ^ wscale)) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  wint := wscale <= 6 AND wtot <= 1000000000;
  IF NOT coalesce(wint, false) THEN
    wscale := 0;
    SELECT sum(c.weight) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  END IF;

  FOR r IN SELECT c.*, c.unit AS u FROM frontrunner.plan_core_indicators(plan_id) c LOOP
    k := r.k;
    -- better-or-equal comparison of levels in this direction
    better := CASE WHEN r.direction = 'higher_better' THEN '>=' ELSE '<=' END;
    -- one pass over the disclosed indicators, grouped by disclosure: the
    -- level of each core indicator (NULL when missing or in another
    -- dimension) and, for absolute cutoffs, whether the requirement reaches them
    sel := sel || format(', min(frontrunner.comparable_level(%5$s, %2$L::frontrunner.direction, %3$L)) FILTER (WHERE i.indicator = %4$L) AS l%1$s',
                         k, r.direction, r.u, r.indicator, req);
    IF r.leader_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rl%1$s', k, r.leader_cutoff, r.indicator, req);
    END IF;
    IF r.advanced_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS ra%1$s', k, r.advanced_cutoff, r.indicator, req);
    END IF;
    IF r.baseline_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rb%1$s', k, r.baseline_cutoff, r.indicator, req);
    END IF;
    keys := keys || CASE WHEN k > 1 THEN ', ' ELSE '' END || quote_literal(r.indicator);
    levels_present := levels_present || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('b.l%s IS NOT NULL', k);
    stats := stats || format(', frontrunner.levelset_noted(frontrunner.level_stats(b.l%1$s, %2$L::frontrunner.direction), %3$L, %4$L, %5$L) AS s%1$s',
                             k, r.direction, p.code, r.indicator, r.u);
    -- cutoffs: absolute (<@), best in market (the best level), or a fraction
    reach_l := CASE
      WHEN r.leader_cutoff IS NOT NULL THEN format('b.rl%s', k)
      WHEN p.style = 'best_in_market' THEN format('b.l%1$s = c.best%1$s', k)
      ELSE format('b.l%1$s %2$s c.lc%1$s', k, better) END;
    reach_a := CASE
      WHEN r.advanced_cutoff IS NOT NULL THEN format('b.ra%s', k)
      ELSE format('b.l%1$s %2$s c.ac%1$s', k, better) END;
    reach_b := CASE
      WHEN r.baseline_cutoff IS NOT NULL THEN format('b.rb%s', k)
      ELSE format('b.l%1$s %2$s c.bc%1$s', k, better) END;
    -- the best level: the first of the levelset (stored trimmed)
    cuts := cuts || format(', s.s%1$s, (SELECT l.level FROM frontrunner.levels(s.s%1$s) l ORDER BY l.position LIMIT 1) AS best%1$s, frontrunner.level_cutoff(s.s%1$s, %2$s) AS lc%1$s, frontrunner.level_cutoff(s.s%1$s, %3$s) AS ac%1$s, frontrunner.level_cutoff(s.s%1$s, %4$s) AS bc%1$s',
                           k, coalesce(r.leader_fraction::text, 'NULL::numeric'),
                           coalesce(r.advanced_fraction::text, 'NULL::numeric'),
                           coalesce(r.baseline_fraction::text, 'NULL::numeric'));
    -- tier reached on indicator k (the best tier whose cutoff it reaches)
    tk := format('CASE WHEN %s THEN ''leader''::frontrunner.tier WHEN %s THEN ''advanced''::frontrunner.tier WHEN %s THEN ''baseline''::frontrunner.tier ELSE ''below''::frontrunner.tier END',
                 reach_l, reach_a, reach_b);
    -- standing = place / (2·(n - 1)): places are summed, one division per disclosure
    pk := format('frontrunner.level_place(c.s%1$s, b.l%1$s)', k);
    outcols := outcols || format(', b.l%1$s, %2$s AS t%1$s, %3$s AS p%1$s', k, tk, pk);
    tcols := tcols || format(', t.l%1$s, t.t%1$s, t.p%1$s', k);
    -- leader on indicator k (the first branch of tk); leader overall on all
    leaders := leaders || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('(%s)', reach_l);
    -- cutoffs as readable requirements: the absolute cutoff, or the level with the direction's operator
    cutvals := cutvals || CASE WHEN k > 1 THEN ', ' ELSE '' END || format(
      '(%1$L, %2$L, c.n, frontrunner.level_distinct(c.s%3$s), c.best%3$s, %4$s, %5$s, %6$s)',
      r.indicator, r.u, k,
      CASE WHEN r.leader_cutoff IS NOT NULL THEN quote_literal(r.leader_cutoff::text)
           WHEN p.style = 'best_in_market' THEN format('%L || '' '' || c.best%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END)
           ELSE format('%L || '' '' || c.lc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.advanced_cutoff IS NOT NULL THEN quote_literal(r.advanced_cutoff::text)
           ELSE format('%L || '' '' || c.ac%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.baseline_cutoff IS NOT NULL THEN quote_literal(r.baseline_cutoff::text)
           ELSE format('%L || '' '' || c.bc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END);
    wk := CASE WHEN wint THEN (r.weight * 10::numeric ^ wscale)::bigint::text
               ELSE format('%s::numeric', r.weight) END;
    kleaders := kleaders || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * %s', wk, pk);
    kcols := kcols || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * t.p%s', wk, k);
  END LOOP;

  -- b's query: the disclosed indicators grouped by disclosure, each with its
  -- enterprise (the tenant: every join and the exclusion are on it, so on a
  -- distributed registry all of it runs on the shards, where a disclosure
  -- and its rows live together)
  body := format($q$
  SELECT d.id, d.enterprise, en.name AS enterprise_name, d.standard, d.published_at, p.*
  FROM (SELECT i.enterprise AS tenant, i.disclosure%1$s
        FROM frontrunner.disclosed_indicator i
        WHERE i.indicator IN (%2$s)%6$s
        GROUP BY i.enterprise, i.disclosure) p
  JOIN frontrunner.disclosure d ON d.enterprise OPERATOR(frontrunner.=) p.tenant AND d.id = p.disclosure
  JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) d.enterprise
  WHERE d.category = %3$L AND d.status = 'published' AND d.published_at <= %4$L::timestamptz
    AND NOT EXISTS (SELECT FROM frontrunner.spot_check x
                    WHERE x.enterprise OPERATOR(frontrunner.=) d.enterprise AND NOT x.conforms
                      AND %4$L::timestamptz >= x.sampled_on::timestamptz
                      AND %4$L::timestamptz < (x.sampled_on + %5$s)::timestamptz)$q$,
    sel, keys, p.category, p.deadline, p.exclusion_days,
     -- the grouped pass reads the disclosed indicators with the plan's keys;
     -- when another category also has one of these keys, it first keeps
     -- only the candidate disclosures' rows (the join to d below filters
     -- them in any case, so this only saves grouping rows of no use)
     CASE WHEN EXISTS (SELECT FROM frontrunner.indicator_def f
                       WHERE f.category <> p.category
                         AND f.key IN (SELECT c.indicator FROM frontrunner.plan_core_indicators(plan_id) c))
          THEN format($x$
          AND EXISTS (SELECT FROM frontrunner.disclosure x
                      WHERE x.enterprise OPERATOR(frontrunner.=) i.enterprise AND x.id = i.disclosure
                        AND x.category = %1$L AND x.status = 'published' AND x.published_at <= %2$L::timestamptz)$x$,
                      p.category, p.deadline)
          ELSE '' END);

  -- the shape above: b, s, c, then the rows (the leader cap computes only
  -- the leaders' keys) or the cutoffs.  On a distributed registry s runs
  -- over b's query itself, not over b: the statistics are then computed on
  -- the workers (level_stats partial per shard, combined on the
  -- coordinator), while b, the eligible rows, is read once into the
  -- coordinator for the ranking
  RETURN format($q$
WITH b AS MATERIALIZED (%1$s
), s AS (
  SELECT count(*) AS n%3$s FROM %6$s WHERE %2$s
), c AS (
  SELECT s.n%4$s FROM s
)
%5$s
$q$, body, levels_present, stats, cuts,
     CASE output
       WHEN 'rows' THEN format($r$
SELECT (row_number() OVER (ORDER BY q.tier, q.key DESC, q.published_at, q.id))::int AS rank, q.*,
       CASE WHEN q.n = 1 THEN 100::numeric
            ELSE trim_scale(round(100 * q.key::numeric(1000, 20) / ((2 * (q.n - 1))::numeric * %2$s), 20)) END AS score
  -- (consumers ORDER BY the same keys as the window, so the rows are sorted once;
  -- the score is computed after the sort, from the exact key, to 20 decimals
  -- like the standings)
FROM (
  -- the sort keys first: the sort compares them without walking the
  -- variable-width columns
  SELECT CASE WHEN t.tier0 = 'leader'::frontrunner.tier AND t.key < (
                SELECT %1$s
                FROM b CROSS JOIN c
                WHERE %3$s AND %4$s
                ORDER BY 1 DESC OFFSET %5$s LIMIT 1)
              THEN 'advanced'::frontrunner.tier ELSE t.tier0 END AS tier,
         t.key, t.published_at, t.id, t.tier0, t.n, t.enterprise, t.enterprise_name, t.standard%9$s
  FROM (
    SELECT t.*, GREATEST(%7$s) AS tier0, %8$s AS key
    FROM (
      SELECT b.id, b.enterprise, b.enterprise_name, b.standard, b.published_at%6$s, c.n
      FROM b CROSS JOIN c
      WHERE %3$s
      OFFSET 0
    ) t
  ) t
) q
$r$, kleaders, wtot, levels_present, leaders, p.leader_cap - 1, outcols,
     (SELECT string_agg(format('t.t%s', i), ', ') FROM generate_series(1, k) i), kcols, tcols)
       WHEN 'cutoffs' THEN format('SELECT v.* FROM c CROSS JOIN LATERAL (VALUES %s) v(indicator, unit, eligible, distinct_levels, best, leader_cutoff, advanced_cutoff, baseline_cutoff)', cutvals)
     END,
     CASE WHEN frontrunner.citus_distributed() THEN format('(%s) b', body) ELSE 'b' END);
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.eligibility(plan_code text)
RETURNS TABLE (disclosure bigint, eligible boolean, reason text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  keys text[];
  dirs frontrunner.direction[];
  units text[];
BEGIN
  p := frontrunner.plan_row(frontrunner.plan_id(plan_code));
  SELECT array_agg(c.indicator ORDER BY c.k), array_agg(c.direction ORDER BY c.k), array_agg(c.unit ORDER BY c.k)
    INTO keys, dirs, units
  FROM frontrunner.plan_core_indicators(p.id) c;
  -- the reasons, in this order: status, published after the deadline, core
  -- indicators not disclosed, core indicators without a level, the
  -- enterprise excluded (rule 6).  Per disclosure and per enterprise, every
  -- join on the tenant: on a distributed registry it all runs on the shards.
  RETURN QUERY
  SELECT r.id, r.reasons IS NULL, r.reasons
  FROM (
  SELECT d.id,
         nullif(concat_ws('; ',
           CASE WHEN d.status <> 'published' THEN 'status ' || d.status END,
           CASE WHEN d.published_at > p.deadline
                THEN format('published %s, after the deadline %s', d.published_at, p.deadline) END,
           k.missing, k.unlevelled, e.excluded), '') AS reasons
  FROM frontrunner.disclosure d
  LEFT JOIN (
    -- the core indicators of each disclosure of the category
    SELECT x.enterprise, x.id,
           'core indicator(s) not disclosed: '
             || string_agg(pi.indicator, ', ' ORDER BY pi.indicator) FILTER (WHERE di.indicator IS NULL) AS missing,
           string_agg(format('%s: %s has no level in %s (%s)', pi.indicator, di.requirement,
                             quote_literal(pi.u), pi.direction), ', ' ORDER BY pi.indicator)
             FILTER (WHERE di.indicator IS NOT NULL AND pi.u IS NOT NULL
                       AND (NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(di.requirement), pi.u), pi.u)
                            OR frontrunner.level(di.requirement, pi.direction, pi.u) IS NULL)) AS unlevelled
    FROM frontrunner.disclosure x
    CROSS JOIN ROWS FROM (pg_catalog.unnest(keys), pg_catalog.unnest(dirs), pg_catalog.unnest(units)) pi(indicator, direction, u)
    LEFT JOIN frontrunner.disclosed_indicator di
      ON di.enterprise OPERATOR(frontrunner.=) x.enterprise AND di.disclosure = x.id AND di.indicator = pi.indicator
    WHERE x.category = p.category
    GROUP BY x.enterprise, x.id
  ) k ON k.enterprise OPERATOR(frontrunner.=) d.enterprise AND k.id = d.id
  LEFT JOIN (
    -- the latest failing spot check that excludes each enterprise at the deadline
    SELECT DISTINCT ON (x.enterprise) x.enterprise,
           format('enterprise excluded: failing spot check %s of disclosure %s (%s) sampled on %s excludes it until %s',
                  x.id, x.disclosure, x.indicator, x.sampled_on, x.sampled_on + p.exclusion_days) AS excluded
    FROM frontrunner.spot_check x
    WHERE NOT x.conforms
      AND p.deadline >= x.sampled_on::timestamptz
      AND p.deadline < (x.sampled_on + p.exclusion_days)::timestamptz
    ORDER BY x.enterprise, x.sampled_on DESC, x.id DESC
  ) e ON e.enterprise OPERATOR(frontrunner.=) d.enterprise
  WHERE d.category = p.category
  ) r
  ORDER BY r.id;
END
$$;

-- issue 19's ordering and revoke reason, Citus-safe: a failing spot check locks
-- its node's copy of ranking_lock; the revoke reason is read on the
-- enterprise's shard
CREATE OR REPLACE FUNCTION @extschema@.ranking_lock(category text, publication boolean) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  copy pg_catalog.regclass;
  stamp timestamptz := frontrunner.clock();  -- a value: Citus evaluates no function in DO UPDATE
BEGIN
  IF frontrunner.citus_distributed() AND NOT publication THEN
    -- a failing spot check's trigger fires on its enterprise's shard: it
    -- locks the category's row in this node's copy of the reference table,
    -- which every publication writes (a write through Citus would take every
    -- copy, from a shard); the row does not exist before the category's
    -- first publication: then the copy itself, against that INSERT
    copy := frontrunner.citus_placements('frontrunner.ranking_lock'::pg_catalog.regclass);
    EXECUTE pg_catalog.format('SELECT FROM %s l WHERE l.category = $1 FOR UPDATE', copy) USING category;
    IF NOT FOUND THEN
      EXECUTE pg_catalog.format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', copy);
    END IF;
    RETURN;
  END IF;
  INSERT INTO frontrunner.ranking_lock AS l (category, publications, failing_checks)
  VALUES (category, CASE WHEN publication THEN 1 ELSE 0 END, CASE WHEN publication THEN 0 ELSE 1 END)
  ON CONFLICT ON CONSTRAINT ranking_lock_pkey DO UPDATE
  SET publications = l.publications + EXCLUDED.publications,
      failing_checks = l.failing_checks + EXCLUDED.failing_checks,
      changed_at = stamp;
END
$$;
COMMENT ON FUNCTION @extschema@.ranking_lock(text, boolean) IS
  'SECURITY DEFINER (nobody writes ranking_lock directly): writes the category''s row of ranking_lock for a publication (true) or a failing spot check (false), which orders the two (rule 6 under concurrency); held until the transaction ends; on a distributed registry a failing spot check locks the row (or, before the category''s first publication, the table) in its node''s copy and does not count itself in failing_checks';

ALTER FUNCTION @extschema@.ranking_lock(text, boolean) SECURITY DEFINER;

DROP FUNCTION @extschema@.spot_check_revoke_reason(bigint);
CREATE OR REPLACE FUNCTION @extschema@.spot_check_revoke_reason(spot_check_id bigint, enterprise @extschema@.uscc) RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  reason text;
BEGIN
  -- the spot check and its disclosed indicator, read on its enterprise's
  -- shard (PL/pgSQL: Citus plans the query with its parameters' values)
  SELECT format('failing spot check %s sampled on %s: %s measured %s, disclosed %s (GB/T 8170, %s)',
                x.id, x.sampled_on, x.indicator, x.measured, i.requirement, x.method)
  INTO reason
  FROM frontrunner.spot_check x
  LEFT JOIN frontrunner.disclosed_indicator i
    ON i.enterprise OPERATOR(frontrunner.=) x.enterprise AND i.disclosure = x.disclosure AND i.indicator = x.indicator
  WHERE x.enterprise OPERATOR(frontrunner.=) spot_check_revoke_reason.enterprise AND x.id = spot_check_id;
  RETURN reason;
END
$$;
COMMENT ON FUNCTION @extschema@.spot_check_revoke_reason(bigint, @extschema@.uscc) IS
  'the revoke_reason a failing spot check (of that enterprise) writes into the leader entries it revokes (rule 6): the check, its date, the measured and the disclosed value, the GB/T 8170 method';

CREATE OR REPLACE FUNCTION @extschema@.review_policy_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  NEW.set_by := current_user;
  NEW.set_at := frontrunner.clock();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.review_policy_before_write() IS
  'trigger: a review policy row is stamped with current_user and the database clock';

-- issue 20's draw refused on a distributed registry (README "Scaling out")
CREATE OR REPLACE FUNCTION @extschema@.inspection_campaign_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  moving text[] := '{status,population,drawn_at,published_at}';
  editable text[] := '{title,authority,category,district,sample_size,sample_fraction,inspectors,team_size}';
  changed text;
  open_items text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'planned' OR NEW.population IS NOT NULL OR NEW.drawn_at IS NOT NULL OR NEW.published_at IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: campaign %s is created planned', NEW.code),
        format('Campaign %s was inserted with status %s%s.', NEW.code, NEW.status,
               CASE WHEN NEW.population IS NOT NULL OR NEW.drawn_at IS NOT NULL THEN ' and a draw' ELSE '' END),
        'Leave status, population, drawn_at and published_at out: draw_campaign() draws, UPDATE … SET status = ''published'' publishes.',
        'inspection_campaign', 'status');
    END IF;
    NEW.created_by := current_user;
    NEW.created_at := now();
  ELSE
    SELECT string_agg(n.k, ', ' ORDER BY n.k) INTO changed
    FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
    WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k
      AND NOT (n.k = ANY (moving)) AND (OLD.status <> 'planned' OR NOT (n.k = ANY (editable)));
    IF changed IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: %s of campaign %s cannot be changed', changed, OLD.code),
        format('Campaign %s (status %s): UPDATE of %s refused.', OLD.code, OLD.status, changed),
        CASE WHEN OLD.status = 'planned'
             THEN 'The seed, the creator and the creation time are recorded once; the scope, size and inspectors change while the campaign is planned.'
             ELSE 'A drawn campaign is frozen: its scope, size, inspectors and seed are those of its draw.' END,
        'inspection_campaign', NULL);
    END IF;
    IF NEW.status = OLD.status THEN
      IF NEW.population IS DISTINCT FROM OLD.population OR NEW.drawn_at IS DISTINCT FROM OLD.drawn_at
         OR NEW.published_at IS DISTINCT FROM OLD.published_at THEN
        PERFORM frontrunner.raise_violation('FR010',
          format('inspection campaign: the draw and the publication of campaign %s are set by the database', OLD.code),
          format('Campaign %s (status %s): population, drawn_at or published_at written.', OLD.code, OLD.status),
          'Draw with draw_campaign(code); publish with UPDATE … SET status = ''published''.', 'inspection_campaign', NULL);
      END IF;
    ELSIF OLD.status = 'planned' AND NEW.status = 'drawn' THEN
      IF frontrunner.citus_distributed() THEN
        -- the draw reads every shard's published disclosures and writes the
        -- drawn ones' shards from this trigger, which fires on every node's
        -- copy of the reference table: not on Citus (README "Scaling out")
        PERFORM frontrunner.raise_violation('0A000',
          format('inspection campaign: campaign %s cannot be drawn on a distributed registry', OLD.code),
          format('Campaign %s (status planned): the draw (population, sample, pre-filled items) runs on one node only; this registry is distributed with Citus.', OLD.code),
          'Draw the campaign on a registry on one node (README "Scaling out", limitations).', 'inspection_campaign', 'status');
      END IF;
      NEW.population := frontrunner.campaign_population(NEW);
      NEW.drawn_at := now();
      NEW.published_at := NULL;
    ELSIF OLD.status = 'drawn' AND NEW.status = 'published' THEN
      SELECT string_agg(format('%s %s', r.disclosure, r.item), ', ' ORDER BY r.disclosure, r.item) INTO open_items
      FROM frontrunner.inspection_result r
      WHERE r.campaign = OLD.id AND (r.recorded_by IS NULL OR r.outcome = 'not_judged');
      IF open_items IS NOT NULL THEN
        PERFORM frontrunner.raise_violation('FR010',
          format('inspection campaign: campaign %s has results no inspector has recorded', OLD.code),
          format('Items not recorded (or not judged) by an inspector: %s.', left(open_items, 900)),
          'The inspectors drawn for each disclosure confirm or correct every pre-filled item (UPDATE inspection_result SET outcome = …), then the results are published.',
          'inspection_result', 'recorded_by');
      END IF;
      NEW.population := OLD.population;
      NEW.drawn_at := OLD.drawn_at;
      NEW.published_at := now();
    ELSE
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: campaign %s cannot go from %s to %s', OLD.code, OLD.status, NEW.status),
        format('Campaign %s: status %s → %s.', OLD.code, OLD.status, NEW.status),
        'A campaign goes planned → drawn (draw_campaign()) → published; a draw is made once and results stay published.',
        'inspection_campaign', 'status');
    END IF;
  END IF;
  IF cardinality(NEW.inspectors) IS NULL OR cardinality(NEW.inspectors) < NEW.team_size
     OR EXISTS (SELECT FROM unnest(NEW.inspectors) i(n) WHERE coalesce(btrim(i.n), '') = '')
     OR (SELECT count(DISTINCT i.n) FROM unnest(NEW.inspectors) i(n)) <> cardinality(NEW.inspectors) THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the inspector pool of campaign %s needs at least %s distinct names', NEW.code, NEW.team_size),
      format('Inspectors: %s; team size %s.', coalesce(array_to_string(NEW.inspectors, ', ', '(NULL)'), 'none'), NEW.team_size),
      'List the login roles of at least team_size different inspectors, no blank or repeated name.',
      'inspection_campaign', 'inspectors');
  END IF;
  RETURN NEW;
END
$$;

-- issue 20's rule 8 on a Citus node (the local copy of test_method_limit)
CREATE OR REPLACE FUNCTION @extschema@.claim_check(requirement @extschema@.indicator, test_method @extschema@.stdcode, analyte text)
RETURNS TABLE (verifiable boolean, method_floor @extschema@.indicator, effective @extschema@.indicator, reason text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT j.verifiable, j.method_floor, j.effective,
         CASE WHEN l.method IS NULL
              THEN CASE WHEN $2 IS NULL THEN 'no test method named'
                        ELSE format('no limits of %s for "%s" in test_method_limit', $2, $3) END
              ELSE j.reason END
  FROM (SELECT) one
  LEFT JOIN frontrunner.test_method_limit l ON l.method OPERATOR(frontrunner.=) $2 AND l.analyte = $3
  -- the row as a test_method_limit (on a Citus node the scan may be of the
  -- reference table's local copy, a row type of its own)
  CROSS JOIN LATERAL frontrunner.claim_judge($1, CASE WHEN l.method IS NOT NULL
    THEN pg_catalog.jsonb_populate_record(NULL::frontrunner.test_method_limit, pg_catalog.to_jsonb(l)) END) j
$$;

CREATE OR REPLACE FUNCTION @extschema@.publish_ranking(plan_code text) RETURNS bigint
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
-- (on a distributed registry: the list goes into a reference table and its
-- entries, which reference it, into the shards; Citus writes both over one
-- connection per node)
SET citus.multi_shard_modify_mode = sequential
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  rid bigint;
  published bigint;
  stored bigint;
  leader record;
  failed bigint;
  t0 timestamptz := clock_timestamp();
BEGIN
  -- SECURITY DEFINER (90_security.sql): the caller must own the plan
  PERFORM frontrunner.ranking_publisher_check(plan_code);
  -- the row lock serialises publications of one plan and its closing
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.id = frontrunner.plan_id(plan_code) FOR UPDATE;
  IF p.status <> 'published' THEN
    RAISE EXCEPTION 'rule 7 (plan workflow): plan % is %; only a published plan''s ranking is published', p.code, p.status
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (id %s) has status %s.', p.code, p.id, p.status),
            HINT = CASE p.status WHEN 'draft' THEN 'Submit the plan for review and publish it first (UPDATE evaluation_plan SET status = ''under_review'', then ''published'').'
                                 WHEN 'under_review' THEN 'Publish the plan first, once its review is complete (UPDATE evaluation_plan SET status = ''published'').'
                                 ELSE 'A closed plan gets no new ranking.' END,
            TABLE = 'evaluation_plan', COLUMN = 'status';
  END IF;
  -- ordered with the failing spot checks of the category (ranking_lock()):
  -- the statements below see every spot check committed before this one
  -- returns
  PERFORM frontrunner.ranking_lock(p.category, true);
  SELECT count(*) INTO published FROM frontrunner.disclosure d
  WHERE d.category = p.category AND d.status = 'published';
  PERFORM frontrunner.progress(format('publish_ranking(%L): plan %s locked, %s published disclosures of category %s; ranking',
                                      plan_code, p.id, published, p.category));
  -- the list as computed now, then its head and its entries: two
  -- statements (on a distributed registry the head goes into a reference
  -- table, the entries to the shards of their enterprises)
  CREATE TEMP TABLE fr_publish_ranking ON COMMIT DROP AS
  SELECT q.*, NULL::text AS revoke_reason FROM frontrunner.rank_plan(p.code) q;
  -- rule 6 in the new list: a leader whose disclosure failed a spot check
  -- (one that does not exclude the enterprise at the plan's deadline) is
  -- revoked in it, as in every list before it (each leader's spot checks
  -- read on its enterprise's shard)
  FOR leader IN SELECT q.enterprise, q.disclosure FROM pg_temp.fr_publish_ranking q WHERE q.tier = 'leader' LOOP
    SELECT min(x.id) INTO failed FROM frontrunner.spot_check x
    WHERE x.enterprise OPERATOR(frontrunner.=) leader.enterprise AND x.disclosure = leader.disclosure AND NOT x.conforms;
    CONTINUE WHEN failed IS NULL;
    UPDATE pg_temp.fr_publish_ranking q SET revoke_reason = frontrunner.spot_check_revoke_reason(failed, leader.enterprise)
    WHERE q.disclosure = leader.disclosure;
  END LOOP;
  INSERT INTO frontrunner.ranking (plan, eligible, ineligible)
  SELECT p.id, count(*), greatest(published - count(*), 0) FROM pg_temp.fr_publish_ranking
  RETURNING id INTO rid;
  INSERT INTO frontrunner.ranking_entry (ranking, rank, disclosure, enterprise, tier, score, levels,
                                         revoked_at, revoke_reason)
  SELECT rid, q.rank, q.disclosure, q.enterprise, q.tier, q.score, q.levels,
         CASE WHEN q.revoke_reason IS NOT NULL THEN frontrunner.clock() END, q.revoke_reason
  FROM pg_temp.fr_publish_ranking q;
  GET DIAGNOSTICS stored = ROW_COUNT;
  DROP TABLE pg_temp.fr_publish_ranking;
  PERFORM frontrunner.progress(format('publish_ranking(%L): ranking %s stored, %s entries, in %s s',
                                      plan_code, rid, stored, round(extract(epoch FROM clock_timestamp() - t0), 3)));
  RETURN rid;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.spot_check_revoke() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- ordered with the publications of the disclosure's category
  -- (ranking_lock()): the UPDATE below sees every list committed before;
  -- the spot check's disclosure, its indicator and its ranking entries are
  -- of the spot check's enterprise (the shard the rule runs on)
  PERFORM frontrunner.ranking_lock(d.category, false)
  FROM frontrunner.disclosure d
  WHERE d.enterprise OPERATOR(frontrunner.=) NEW.enterprise AND d.id = NEW.disclosure;
  UPDATE frontrunner.ranking_entry re
  SET revoke_reason = frontrunner.spot_check_revoke_reason(NEW.id, NEW.enterprise)
  FROM frontrunner.ranking r
  JOIN frontrunner.evaluation_plan p ON p.id = r.plan
  WHERE re.ranking = r.id
    AND re.enterprise OPERATOR(frontrunner.=) NEW.enterprise
    AND re.disclosure = NEW.disclosure
    AND re.tier = 'leader'
    AND re.revoked_at IS NULL
    AND p.status = 'published'
    AND r.id = (SELECT max(r2.id) FROM frontrunner.ranking r2 WHERE r2.plan = r.plan);
  RETURN NULL;
END
$$;

CREATE OR REPLACE VIEW @extschema@.leaderboard AS
SELECT p.code AS plan, p.title AS plan_title, p.agency, p.category, r.id AS ranking,
       r.published_at, e.rank, e.tier::text AS tier, e.score, e.disclosure,
       e.enterprise::text AS enterprise, en.name AS enterprise_name, d.product,
       d.standard::text AS standard, e.revoked_at IS NOT NULL AS revoked, e.revoked_at, e.revoke_reason
FROM @extschema@.ranking r
JOIN @extschema@.evaluation_plan p ON p.id = r.plan
JOIN @extschema@.ranking_entry e ON e.ranking = r.id
JOIN @extschema@.disclosure d ON d.enterprise OPERATOR(@extschema@.=) e.enterprise AND d.id = e.disclosure
JOIN @extschema@.enterprise en ON en.uscc OPERATOR(@extschema@.=) e.enterprise
WHERE r.id = (SELECT max(r2.id) FROM @extschema@.ranking r2 WHERE r2.plan = r.plan);

CREATE OR REPLACE FUNCTION @extschema@.leaders_json(plan_code text) RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  rid bigint;
  out jsonb;
  leaders jsonb;
  revoked jsonb;
BEGIN
  p := frontrunner.plan_row(frontrunner.plan_id(plan_code));
  SELECT max(r.id) INTO rid FROM frontrunner.ranking r WHERE r.plan = p.id;
  IF rid IS NULL THEN
    RAISE EXCEPTION 'plan % has no published ranking', p.code
      USING ERRCODE = 'P0002',
            DETAIL = format('Plan %s (status %s) has no row in ranking.', p.code, p.status),
            HINT = 'Publish one with publish_ranking(plan_code).';
  END IF;
  -- the leaders and the revoked entries first, each a query of its own (on
  -- a distributed registry over the shards), then the document
  SELECT jsonb_agg(jsonb_build_object(
           'rank', e.rank, 'score', e.score,
           'enterprise', jsonb_build_object('uscc', e.enterprise::text, 'name', en.name),
           'disclosure', e.disclosure, 'product', d.product, 'standard', d.standard::text,
           'levels', e.levels) ORDER BY e.rank)
    INTO leaders
  FROM frontrunner.ranking_entry e
  JOIN frontrunner.disclosure d ON d.enterprise OPERATOR(frontrunner.=) e.enterprise AND d.id = e.disclosure
  JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) e.enterprise
  WHERE e.ranking = rid AND e.tier = 'leader' AND e.revoked_at IS NULL;
  SELECT jsonb_agg(jsonb_build_object(
           'rank', e.rank, 'enterprise', jsonb_build_object('uscc', e.enterprise::text, 'name', en.name),
           'disclosure', e.disclosure, 'revoked_at', e.revoked_at, 'reason', e.revoke_reason)
           ORDER BY e.rank)
    INTO revoked
  FROM frontrunner.ranking_entry e
  JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) e.enterprise
  WHERE e.ranking = rid AND e.revoked_at IS NOT NULL;
  SELECT jsonb_build_object(
           'plan', jsonb_build_object('code', p.code, 'title', p.title, 'agency', p.agency,
                                      'category', p.category, 'category_name', c.name,
                                      'deadline', p.deadline, 'status', p.status),
           'ranking', jsonb_build_object('id', r.id, 'published_at', r.published_at,
                                         'eligible', r.eligible),
           'leaders', coalesce(leaders, '[]'::jsonb),
           'revoked', coalesce(revoked, '[]'::jsonb))
  INTO out
  FROM frontrunner.ranking r JOIN frontrunner.category c ON c.code = p.category
  WHERE r.id = rid;
  RETURN out;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.feedback_subject(report_enterprise @extschema@.uscc, disclosure_id bigint, indicator_key text)
RETURNS TABLE (enterprise @extschema@.uscc, status text, requirement @extschema@.indicator, indicators text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
#variable_conflict use_column
DECLARE
  -- on a distributed registry the report's enterprise, when it names one:
  -- the feedback rule runs on that enterprise's shard and reads it
  tenant frontrunner.uscc := CASE WHEN frontrunner.citus_distributed() THEN report_enterprise END;
BEGIN
  RETURN QUERY
  SELECT d.enterprise, d.status,
         (SELECT i.requirement FROM frontrunner.disclosed_indicator i
          WHERE (tenant IS NULL OR i.enterprise OPERATOR(frontrunner.=) tenant)
            AND i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = d.id AND i.indicator = indicator_key),
         (SELECT string_agg(i.indicator, ', ' ORDER BY i.indicator) FROM frontrunner.disclosed_indicator i
          WHERE (tenant IS NULL OR i.enterprise OPERATOR(frontrunner.=) tenant)
            AND i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = d.id)
  FROM frontrunner.disclosure d
  WHERE (tenant IS NULL OR d.enterprise OPERATOR(frontrunner.=) tenant)
    AND d.id = disclosure_id AND d.status <> 'draft';
END
$$;

COMMENT ON FUNCTION @extschema@.feedback_subject(@extschema@.uscc, bigint, text) IS
  'SECURITY DEFINER (the public role cannot read disclosure): for a disclosure that is not a draft, its enterprise, status, the disclosed requirement of one indicator and the list of disclosed indicators; no row for a draft or a missing id; on a distributed registry only among the disclosures of report_enterprise, the enterprise the report names (NULL: any). Used by the feedback trigger';

CREATE OR REPLACE FUNCTION @extschema@.feedback_subject(disclosure_id bigint, indicator_key text)
RETURNS TABLE (enterprise @extschema@.uscc, status text, requirement @extschema@.indicator, indicators text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.* FROM frontrunner.feedback_subject(NULL::frontrunner.uscc, disclosure_id, indicator_key) s
$$;

COMMENT ON FUNCTION @extschema@.feedback_subject(bigint, text) IS
  'feedback_subject(NULL, disclosure_id, indicator_key): what a reporter may know of a disclosure that is not a draft (its enterprise, status, the disclosed requirement of one indicator, the disclosed indicators); no row for a draft or a missing id';

CREATE OR REPLACE FUNCTION @extschema@.feedback_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  s record;
  verdict text;
  moving text[] := '{status,reviewed_at,decided_at,decided_by,decision_note}';
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'received' THEN
      PERFORM frontrunner.feedback_error('a report is filed with status received',
        format('Report filed with status %s.', NEW.status),
        'Leave status out: the regulator moves it to under_review and decides it.', 'status');
    END IF;
    IF NEW.decision_note IS NOT NULL OR NEW.decided_by IS NOT NULL THEN
      PERFORM frontrunner.feedback_error('a report is filed without a decision',
        format('The report was filed with decision_note %L and decided_by %L.', NEW.decision_note, NEW.decided_by),
        'The regulator writes the decision when deciding the report.', 'decision_note');
    END IF;
    NEW.measured_conforms := NULL;
    IF NEW.disclosure IS NOT NULL THEN
      SELECT * INTO s FROM frontrunner.feedback_subject(NEW.enterprise, NEW.disclosure, NEW.indicator);
      IF NOT FOUND THEN
        PERFORM frontrunner.feedback_error(format('no published disclosure %s', NEW.disclosure),
          format('Disclosure %s does not exist or is not published.', NEW.disclosure),
          'Reports are about disclosures on the public record (published, withdrawn or superseded), or about an enterprise (column enterprise).', 'disclosure');
      END IF;
      IF NEW.enterprise IS NULL THEN
        NEW.enterprise := s.enterprise;
      ELSIF NOT (NEW.enterprise OPERATOR(frontrunner.=) s.enterprise) THEN
        PERFORM frontrunner.feedback_error(format('disclosure %s is not a disclosure of enterprise %s', NEW.disclosure, NEW.enterprise),
          format('Disclosure %s belongs to enterprise %s; the report names enterprise %s.', NEW.disclosure, s.enterprise, NEW.enterprise),
          'Leave enterprise out when the report is about a disclosure: it is taken from the disclosure.', 'enterprise');
      END IF;
      IF NEW.indicator IS NOT NULL THEN
        IF s.requirement IS NULL THEN
          PERFORM frontrunner.feedback_error(format('disclosure %s does not disclose indicator "%s"', NEW.disclosure, NEW.indicator),
            format('Disclosed indicators of %s: %s.', NEW.disclosure, coalesce(s.indicators, 'none')),
            'Name one of the disclosed indicators, or leave indicator out.', 'indicator');
        END IF;
        IF NEW.measured IS NOT NULL THEN
          verdict := frontrunner.compare(NEW.measured, s.requirement);
          IF verdict = 'incomparable' THEN
            PERFORM frontrunner.feedback_error(format('measured value %s cannot be compared with the disclosed requirement %s', NEW.measured, s.requirement),
              format('Measured: %s; disclosed requirement of %s: %s (different dimensions).', NEW.measured, NEW.indicator, s.requirement),
              'Give the measured value in a unit of the same quantity as the requirement.', 'measured');
          END IF;
          NEW.measured_conforms := frontrunner.satisfies(NEW.measured, s.requirement);
        END IF;
      END IF;
    END IF;
    NEW.filed_by := current_user;
    NEW.received_at := frontrunner.clock();
    NEW.reviewed_at := NULL;
    NEW.decided_at := NULL;
    RETURN NEW;
  END IF;

  -- UPDATE: the regulator moves the workflow; the report itself never changes
  IF NOT frontrunner.is_regulator() THEN
    RAISE EXCEPTION 'permission denied: only a regulator moves the feedback workflow'
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('Role %s updated report %s (status %s).', current_user, OLD.id, OLD.status),
            HINT = 'Reports are decided by members of frontrunner_regulator.', TABLE = 'feedback';
  END IF;
  IF (pg_catalog.to_jsonb(NEW) - moving) <> (pg_catalog.to_jsonb(OLD) - moving) THEN
    PERFORM frontrunner.feedback_error(format('the content of report %s cannot be changed', OLD.id),
      format('Report %s: UPDATE of %s refused.', OLD.id,
             (SELECT string_agg(n.k, ', ' ORDER BY n.k) FROM jsonb_each(pg_catalog.to_jsonb(NEW) - moving) n(k, v)
              WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k)),
      'A report stays as filed; only status and decision_note move.', NULL);
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;  -- a no-op UPDATE changes nothing
  END IF;
  NEW.reviewed_at := OLD.reviewed_at;
  NEW.decided_at := OLD.decided_at;
  NEW.decided_by := OLD.decided_by;
  IF OLD.status = 'received' AND NEW.status = 'under_review' AND NEW.decision_note IS NOT DISTINCT FROM OLD.decision_note THEN
    NEW.reviewed_at := frontrunner.clock();
    RETURN NEW;
  END IF;
  IF OLD.status = 'under_review' AND NEW.status IN ('substantiated', 'unsubstantiated') THEN
    IF coalesce(btrim(NEW.decision_note), '') = '' THEN
      PERFORM frontrunner.feedback_error(format('deciding report %s needs a decision note', OLD.id),
        format('Report %s: %s → %s with decision_note %L.', OLD.id, OLD.status, NEW.status, NEW.decision_note),
        'Set decision_note (the reasons) in the same UPDATE.', 'decision_note');
    END IF;
    NEW.decided_at := frontrunner.clock();
    NEW.decided_by := current_user;
    RETURN NEW;
  END IF;
  PERFORM frontrunner.feedback_error(format('report %s cannot go from %s to %s', OLD.id, OLD.status, NEW.status),
    format('Report %s: status %s → %s%s.', OLD.id, OLD.status, NEW.status,
           CASE WHEN NEW.decision_note IS DISTINCT FROM OLD.decision_note AND OLD.status = NEW.status
                THEN ', decision_note changed' ELSE '' END),
    CASE WHEN OLD.status IN ('substantiated', 'unsubstantiated')
         THEN 'A decided report is final; a new report can be filed.'
         ELSE 'The workflow is received → under_review → substantiated | unsubstantiated; decision_note is written with the decision.' END,
    'status');
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.spot_check_request_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  f record;
  d record;
  c record;
  -- on a distributed registry the row's enterprise: the rule reads its shard
  tenant frontrunner.uscc := CASE WHEN frontrunner.citus_distributed() THEN NEW.enterprise END;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.feedback IS NULL THEN
      RETURN NEW;  -- the NOT NULL constraint says so (23502)
    END IF;
    SELECT x.id, x.status, x.disclosure, x.enterprise, x.indicator INTO f
    FROM frontrunner.feedback x
    WHERE (tenant IS NULL OR x.enterprise OPERATOR(frontrunner.=) tenant) AND x.id = NEW.feedback FOR SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no report with id %', NEW.feedback
        USING ERRCODE = 'P0002', DETAIL = format('No row of table feedback has id %s (spot_check_request.feedback).', NEW.feedback),
              HINT = 'See table feedback.', TABLE = 'spot_check_request', COLUMN = 'feedback';
    END IF;
    IF f.status <> 'substantiated' THEN
      PERFORM frontrunner.feedback_error(format('report %s is not substantiated', f.id),
        format('Report %s has status %s.', f.id, f.status),
        'Only a substantiated report requests a spot check: decide it first.', 'feedback');
    END IF;
    NEW.disclosure := coalesce(NEW.disclosure, f.disclosure);
    NEW.indicator := coalesce(NEW.indicator, f.indicator);
    IF NEW.disclosure IS NULL OR NEW.indicator IS NULL THEN
      PERFORM frontrunner.feedback_error(format('the spot check requested on report %s needs a disclosure and an indicator', f.id),
        format('Report %s names disclosure %s and indicator %s; the request names %s and %s.', f.id,
               coalesce(f.disclosure::text, '-'), coalesce(f.indicator, '-'),
               coalesce(NEW.disclosure::text, '-'), coalesce(NEW.indicator, '-')),
        'Give disclosure and indicator in the request when the report does not name them.', 'disclosure');
    END IF;
    SELECT x.enterprise, x.status,
           (SELECT string_agg(i.indicator, ', ' ORDER BY i.indicator) FROM frontrunner.disclosed_indicator i
            WHERE (tenant IS NULL OR i.enterprise OPERATOR(frontrunner.=) tenant)
              AND i.enterprise OPERATOR(frontrunner.=) x.enterprise AND i.disclosure = x.id) AS indicators,
           EXISTS (SELECT FROM frontrunner.disclosed_indicator i
                   WHERE (tenant IS NULL OR i.enterprise OPERATOR(frontrunner.=) tenant)
                     AND i.enterprise OPERATOR(frontrunner.=) x.enterprise AND i.disclosure = x.id AND i.indicator = NEW.indicator) AS disclosed
      INTO d
    FROM frontrunner.disclosure x
    WHERE (tenant IS NULL OR x.enterprise OPERATOR(frontrunner.=) tenant) AND x.id = NEW.disclosure;
    IF NOT FOUND OR d.status = 'draft' OR NOT (d.enterprise OPERATOR(frontrunner.=) f.enterprise) THEN
      PERFORM frontrunner.feedback_error(format('disclosure %s is not a published disclosure of enterprise %s', NEW.disclosure, f.enterprise),
        format('Report %s is about enterprise %s; disclosure %s: %s.', f.id, f.enterprise, NEW.disclosure,
               CASE WHEN d.status IS NULL THEN 'no such disclosure'
                    ELSE format('enterprise %s, status %s', d.enterprise, d.status) END),
        'A spot check requested on a report checks a published disclosure of the enterprise reported.', 'disclosure');
    END IF;
    IF NOT d.disclosed THEN
      PERFORM frontrunner.feedback_error(format('disclosure %s does not disclose indicator "%s"', NEW.disclosure, NEW.indicator),
        format('Disclosed indicators of %s: %s.', NEW.disclosure, coalesce(d.indicators, 'none')),
        'A spot check measures a disclosed indicator.', 'indicator');
    END IF;
    IF NEW.spot_check IS NOT NULL THEN
      PERFORM frontrunner.feedback_error('a spot check request is entered open',
        format('The request was inserted with spot_check %s.', NEW.spot_check),
        'Insert the request, then link the spot check with UPDATE … SET spot_check = id once it is recorded.', 'spot_check');
    END IF;
    NEW.requested_at := frontrunner.clock();
    NEW.requested_by := current_user;
    NEW.done_at := NULL;
    RETURN NEW;
  END IF;

  -- UPDATE: only the link to the spot check that answers the request, once
  IF OLD.spot_check IS NULL AND NEW.spot_check IS NOT NULL
     AND (pg_catalog.to_jsonb(NEW) - '{spot_check,done_at}'::text[]) = (pg_catalog.to_jsonb(OLD) - '{spot_check,done_at}'::text[]) THEN
    SELECT x.id, x.disclosure, x.indicator, x.sampled_on INTO c FROM frontrunner.spot_check x
    WHERE (tenant IS NULL OR x.enterprise OPERATOR(frontrunner.=) tenant) AND x.id = NEW.spot_check;
    IF FOUND AND (c.disclosure <> OLD.disclosure OR c.indicator <> OLD.indicator OR c.sampled_on < OLD.requested_at::date) THEN
      PERFORM frontrunner.feedback_error(format('spot check %s does not answer request %s', c.id, OLD.id),
        format('Request %s: disclosure %s, %s, requested %s; spot check %s: disclosure %s, %s, sampled on %s.',
               OLD.id, OLD.disclosure, OLD.indicator, OLD.requested_at, c.id, c.disclosure, c.indicator, c.sampled_on),
        'Link a spot check of the requested disclosure and indicator, sampled on or after the request.', 'spot_check');
    END IF;
    NEW.done_at := frontrunner.clock();
    RETURN NEW;
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;
  END IF;
  PERFORM frontrunner.feedback_error(format('spot check request %s cannot be changed', OLD.id),
    format('Request %s (%s): UPDATE of %s refused.', OLD.id,
           CASE WHEN OLD.spot_check IS NULL THEN 'open' ELSE 'answered by spot check ' || OLD.spot_check END,
           (SELECT string_agg(n.k, ', ' ORDER BY n.k) FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
            WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k)),
    'An open request only gets its spot check linked (UPDATE … SET spot_check = id); an answered request is final.', NULL);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.open_feedback()
RETURNS TABLE (enterprise @extschema@.uscc, open bigint)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- SECURITY DEFINER (90_security.sql): the reports of every filer, as the
  -- view district_report counts them with its owner's rights; a function,
  -- since on a distributed registry Citus reads a view's shards with the
  -- reader's rights (and the reader's policies)
  RETURN QUERY
  SELECT f.enterprise, count(*) FROM frontrunner.feedback f
  WHERE f.status IN ('received', 'under_review')
  GROUP BY f.enterprise;
END
$$;
COMMENT ON FUNCTION @extschema@.open_feedback() IS
  'SECURITY DEFINER: the number of reports not decided yet (received or under_review) per enterprise they are about, over every filer''s reports: the open_feedback column of district_report';

CREATE OR REPLACE VIEW @extschema@.district_report AS
WITH ent AS (
  SELECT e.uscc, coalesce(e.region, @extschema@.uscc_region(e.uscc)) AS division
  FROM @extschema@.enterprise e
), cur AS (
  SELECT d.id, d.enterprise, d.category, d.standard FROM @extschema@.disclosure d WHERE d.status = 'published'
), floor_ind AS (
  -- a current disclosed indicator with an in-force mandatory requirement: stricter than all of them?
  SELECT di.disclosure, bool_and(@extschema@.compare(di.requirement, f.requirement) = 'stricter') AS stricter
  FROM cur
  JOIN @extschema@.disclosed_indicator di ON di.enterprise OPERATOR(@extschema@.=) cur.enterprise AND di.disclosure = cur.id
  JOIN @extschema@.requirement_in_force_typed f ON f.category = cur.category AND f.indicator = di.indicator AND f.nature = 'mandatory'
  GROUP BY di.disclosure, di.indicator
), per_cur AS (
  SELECT cur.enterprise,
         count(*) AS disclosures,
         count(*) FILTER (WHERE @extschema@.std_kind(cur.standard) = 'enterprise') AS own_standard,
         count(*) FILTER (WHERE fl.disclosure IS NOT NULL) AS floor_compared,
         count(*) FILTER (WHERE fl.stricter) AS floor_stricter
  FROM cur
  LEFT JOIN (SELECT x.disclosure, bool_or(x.stricter) AS stricter FROM floor_ind x GROUP BY x.disclosure) fl
    ON fl.disclosure = cur.id
  GROUP BY cur.enterprise
), per_lead AS (
  SELECT e.enterprise,
         count(*) FILTER (WHERE e.revoked_at IS NULL) AS leaders,
         count(*) FILTER (WHERE e.revoked_at IS NOT NULL) AS revoked
  FROM @extschema@.ranking r
  JOIN @extschema@.evaluation_plan p ON p.id = r.plan AND p.status = 'published'
  JOIN @extschema@.ranking_entry e ON e.ranking = r.id AND e.tier = 'leader'
  WHERE r.id = (SELECT max(r2.id) FROM @extschema@.ranking r2 WHERE r2.plan = r.plan)
  GROUP BY e.enterprise
), per_check AS (
  SELECT c.enterprise, count(*) AS failing
  FROM @extschema@.spot_check c
  WHERE NOT c.conforms
  GROUP BY c.enterprise
), per_feedback AS (
  SELECT f.enterprise, f.open FROM @extschema@.open_feedback() f
)
SELECT ent.division,
       @extschema@.division_name(ent.division) AS division_name,
       count(*) AS enterprises,
       coalesce(sum(pc.disclosures), 0)::bigint AS current_disclosures,
       coalesce(sum(pc.own_standard), 0)::bigint AS own_standard_disclosures,
       coalesce(sum(pc.floor_compared), 0)::bigint AS floor_compared,
       coalesce(sum(pc.floor_stricter), 0)::bigint AS stricter_than_floor,
       round(sum(pc.floor_stricter) / nullif(sum(pc.floor_compared), 0), 4) AS stricter_share,
       coalesce(sum(pl.leaders), 0)::bigint AS leaders,
       coalesce(sum(pl.revoked), 0)::bigint AS revoked_leaders,
       coalesce(sum(ck.failing), 0)::bigint AS failing_spot_checks,
       coalesce(sum(fb.open), 0)::bigint AS open_feedback
FROM ent
LEFT JOIN per_cur pc ON pc.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_lead pl ON pl.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_check ck ON ck.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_feedback fb ON fb.enterprise OPERATOR(@extschema@.=) ent.uscc
GROUP BY ent.division;

CREATE OR REPLACE VIEW @extschema@.enterprise_record AS
SELECT en.uscc::text AS enterprise, en.name AS enterprise_name,
       coalesce(en.region, @extschema@.uscc_region(en.uscc)) AS division,
       extract(year FROM r.published_at)::int AS year,
       p.code AS plan, p.title AS plan_title, p.agency, p.category, p.status AS plan_status,
       r.id AS ranking, r.published_at, e.rank, e.score, e.disclosure, d.product,
       d.standard::text AS standard, d.status AS disclosure_status,
       CASE WHEN e.revoked_at IS NOT NULL THEN 'revoked'
            WHEN p.status = 'published' THEN 'current'
            ELSE 'expired' END AS designation,
       e.revoked_at, e.revoke_reason
FROM @extschema@.ranking r
JOIN @extschema@.evaluation_plan p ON p.id = r.plan
JOIN @extschema@.ranking_entry e ON e.ranking = r.id AND e.tier = 'leader'
JOIN @extschema@.disclosure d ON d.enterprise OPERATOR(@extschema@.=) e.enterprise AND d.id = e.disclosure
JOIN @extschema@.enterprise en ON en.uscc OPERATOR(@extschema@.=) e.enterprise
WHERE r.id = (SELECT max(r2.id) FROM @extschema@.ranking r2 WHERE r2.plan = r.plan);

CREATE OR REPLACE VIEW @extschema@.category_report AS
WITH cur AS (
  SELECT d.id, d.enterprise, d.category FROM @extschema@.disclosure d WHERE d.status = 'published'
), intl AS (
  -- a current disclosed indicator against every in-force international or foreign requirement
  SELECT cur.category, di.disclosure, di.indicator,
         bool_and(@extschema@.compare(di.requirement, f.requirement) IN ('stricter', 'equal')) AS at_least_as_strict
  FROM cur
  JOIN @extschema@.disclosed_indicator di ON di.enterprise OPERATOR(@extschema@.=) cur.enterprise AND di.disclosure = cur.id
  JOIN @extschema@.requirement_in_force_typed f ON f.category = cur.category AND f.indicator = di.indicator
                                         AND f.kind IN ('international', 'foreign')
  GROUP BY cur.category, di.enterprise, di.disclosure, di.indicator
), per_cur AS (
  SELECT cur.category, count(*) AS disclosures, count(DISTINCT cur.enterprise) AS enterprises
  FROM cur GROUP BY cur.category
), per_plan AS (
  SELECT p.category,
         count(*) FILTER (WHERE p.status IN ('published', 'closed')) AS plans,
         count(*) FILTER (WHERE p.status = 'under_review') AS plans_under_review
  FROM @extschema@.evaluation_plan p GROUP BY p.category
), per_list AS (
  SELECT p.category, count(*) AS lists_published
  FROM @extschema@.ranking r JOIN @extschema@.evaluation_plan p ON p.id = r.plan GROUP BY p.category
), per_leader AS (
  SELECT l.category, count(*) AS leaders FROM @extschema@.current_leaders l GROUP BY l.category
), per_intl AS (
  SELECT intl.category, count(*) AS compared, count(*) FILTER (WHERE intl.at_least_as_strict) AS at_least_as_strict
  FROM intl GROUP BY intl.category
)
-- (each count per category first, then joined: on a distributed registry no
-- subquery is correlated with the categories, a reference table)
SELECT c.code AS category, c.name AS category_name,
       coalesce(pc.disclosures, 0) AS disclosures,
       coalesce(pc.enterprises, 0) AS enterprises,
       coalesce(pp.plans, 0) AS plans,
       coalesce(pp.plans_under_review, 0) AS plans_under_review,
       coalesce(pl.lists_published, 0) AS lists_published,
       coalesce(le.leaders, 0) AS leaders,
       coalesce(pi.compared, 0) AS intl_compared,
       coalesce(pi.at_least_as_strict, 0) AS intl_at_least_as_strict,
       round(pi.at_least_as_strict::numeric / nullif(pi.compared, 0), 4) AS intl_share
FROM @extschema@.category c
LEFT JOIN per_cur pc ON pc.category = c.code
LEFT JOIN per_plan pp ON pp.category = c.code
LEFT JOIN per_list pl ON pl.category = c.code
LEFT JOIN per_leader le ON le.category = c.code
LEFT JOIN per_intl pi ON pi.category = c.code;

COMMENT ON FUNCTION @extschema@.disclosure_visible(bigint) IS
  'true when the caller sees disclosure id (under the disclosure policies)';

CREATE OR REPLACE FUNCTION @extschema@.disclosure_visible(enterprise @extschema@.uscc, id bigint) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_disclosure_visible' LANGUAGE C STABLE STRICT PARALLEL SAFE
  SET citus.allow_nested_distributed_execution = on;

COMMENT ON FUNCTION @extschema@.disclosure_visible(@extschema@.uscc, bigint) IS
  'true when the caller sees disclosure id of enterprise (under the disclosure policies): the policies of its indicators and history';

CREATE OR REPLACE FUNCTION @extschema@.disclosure_owned(enterprise @extschema@.uscc, id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
BEGIN
  RETURN EXISTS (SELECT FROM frontrunner.disclosure d
                 WHERE d.enterprise OPERATOR(frontrunner.=) $1 AND d.id = $2
                   AND (frontrunner.is_regulator()
                        OR d.enterprise OPERATOR(frontrunner.=) frontrunner.current_enterprise()));
END
$$;

COMMENT ON FUNCTION @extschema@.disclosure_owned(@extschema@.uscc, bigint) IS
  'true when the caller may write disclosure id of enterprise: a regulator, or that enterprise (the write policies of its indicators)';

DROP POLICY disclosed_indicator_read ON @extschema@.disclosed_indicator;

CREATE POLICY disclosed_indicator_read ON @extschema@.disclosed_indicator FOR SELECT
  USING (@extschema@.disclosure_visible(enterprise, disclosure));

DROP POLICY disclosed_indicator_insert ON @extschema@.disclosed_indicator;

CREATE POLICY disclosed_indicator_insert ON @extschema@.disclosed_indicator FOR INSERT
  WITH CHECK (@extschema@.disclosure_owned(enterprise, disclosure));

DROP POLICY disclosed_indicator_update ON @extschema@.disclosed_indicator;

CREATE POLICY disclosed_indicator_update ON @extschema@.disclosed_indicator FOR UPDATE
  USING (@extschema@.disclosure_owned(enterprise, disclosure)) WITH CHECK (@extschema@.disclosure_owned(enterprise, disclosure));

DROP POLICY disclosed_indicator_delete ON @extschema@.disclosed_indicator;

CREATE POLICY disclosed_indicator_delete ON @extschema@.disclosed_indicator FOR DELETE
  USING (@extschema@.disclosure_owned(enterprise, disclosure));

DROP POLICY disclosure_event_read ON @extschema@.disclosure_event;

CREATE POLICY disclosure_event_read ON @extschema@.disclosure_event FOR SELECT
  USING (@extschema@.is_regulator() OR @extschema@.disclosure_visible(enterprise, disclosure));

ALTER FUNCTION @extschema@.feedback_subject(@extschema@.uscc, bigint, text) SECURITY DEFINER;

REVOKE EXECUTE ON FUNCTION @extschema@.feedback_subject(@extschema@.uscc, bigint, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION @extschema@.security_objects()
RETURNS TABLE (kind text, name text, class text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  VALUES
    -- tables
    ('table', 'enterprise', 'reference'),
    ('table', 'standard', 'reference'),
    ('table', 'category', 'reference'),
    ('table', 'indicator_def', 'reference'),
    ('table', 'standard_requirement', 'reference'),
    ('table', 'disclosure', 'tenant_disclosure'),
    ('table', 'disclosed_indicator', 'tenant_disclosure'),
    ('table', 'disclosure_event', 'history'),
    ('table', 'spot_check', 'spot_check'),
    ('table', 'disclosure_import', 'staging'),
    ('table', 'evaluation_plan', 'tenant_plan'),
    ('table', 'plan_indicator', 'tenant_plan'),
    ('table', 'ranking', 'ranking'),
    ('table', 'ranking_entry', 'ranking'),
    ('table', 'ranking_lock', 'internal'),
    ('table', 'account', 'account'),
    ('table', 'plan_review', 'review'),
    ('table', 'review_policy', 'reference'),
    ('table', 'feedback', 'feedback'),
    ('table', 'spot_check_request', 'supervision'),
    ('table', 'test_method_limit', 'reference'),
    ('table', 'inspection_campaign', 'supervision'),
    ('table', 'inspection_draw', 'inspection_read'),
    ('table', 'inspection_result', 'inspection'),
    ('table', 'inspection_finding', 'finding'),
    -- views: they run with their owner's rights (no RLS); each shows public data only
    ('view', 'requirement_in_force', 'public_view'),
    ('view', 'spot_check_failure', 'public_view'),
    ('view', 'leaderboard', 'public_view'),
    ('view', 'current_leaders', 'public_view'),
    -- benchmark comparison: reference data and non-draft disclosures only
    ('view', 'standard_latest', 'public_view'),
    ('view', 'benchmark_requirement', 'public_view'),
    ('view', 'benchmark_pair', 'public_view'),
    ('view', 'benchmark_summary', 'public_view'),
    ('view', 'benchmark_gap', 'public_view'),
    ('view', 'benchmark_profile', 'public_view'),
    ('view', 'district_report', 'public_view'),
    ('view', 'enterprise_record', 'public_view'),
    ('view', 'category_report', 'public_view'),
    ('view', 'reference_report', 'public_view'),
    ('view', 'claim_verifiability', 'public_view'),
    ('view', 'unverifiable_leader', 'public_view'),
    ('view', 'campaign_report', 'public_view'),
    ('view', 'campaign_audit', 'public_view'),
    -- the same rows as four of those in the domain types, for the functions
    -- that compare them (invoker's rights) and for jobs; not for the reader,
    -- whose views have plain column types only (README, Clients and BI)
    ('view', 'requirement_in_force_typed', 'typed_view'),
    ('view', 'standard_latest_typed', 'typed_view'),
    ('view', 'benchmark_requirement_typed', 'typed_view'),
    ('view', 'benchmark_pair_typed', 'typed_view'),
    -- sequences (identity columns need no grant to insert)
    ('sequence', 'disclosure_id_seq', 'sequence'),
    ('sequence', 'spot_check_id_seq', 'sequence'),
    ('sequence', 'disclosure_event_id_seq', 'sequence'),
    ('sequence', 'disclosure_import_line_seq', 'sequence'),
    ('sequence', 'evaluation_plan_id_seq', 'sequence'),
    ('sequence', 'ranking_id_seq', 'sequence'),
    ('sequence', 'plan_review_id_seq', 'sequence'),
    ('sequence', 'review_policy_id_seq', 'sequence'),
    ('sequence', 'feedback_id_seq', 'sequence'),
    ('sequence', 'spot_check_request_id_seq', 'sequence'),
    ('sequence', 'inspection_campaign_id_seq', 'sequence'),
    ('sequence', 'inspection_finding_id_seq', 'sequence'),
    -- functions (every overload of the name).  Support functions of types,
    -- operators, operator classes, aggregates and casts are public without
    -- being listed.
    ('function', 'normalize_input', 'public'),
    ('function', 'version', 'public'),
    ('function', 'restoring', 'public'),
    ('function', 'tenant_fill', 'trigger'),
    ('function', 'uscc_registry', 'public'),
    ('function', 'uscc_entity', 'public'),
    ('function', 'uscc_region', 'public'),
    ('function', 'uscc_org_code', 'public'),
    ('function', 'uscc_is_valid', 'public'),
    ('function', 'uscc_complete', 'public'),
    ('function', 'uscc_registry_name', 'public'),
    ('function', 'std_kind', 'public'),
    ('function', 'std_nature', 'public'),
    ('function', 'std_prefix', 'public'),
    ('function', 'std_number', 'public'),
    ('function', 'std_year', 'public'),
    ('function', 'std_undated', 'public'),
    ('function', 'std_adopts', 'public'),
    ('function', 'units', 'public'),
    ('function', 'unit_prefixes', 'public'),
    ('function', 'unit_canonical', 'public'),
    ('function', 'unit_dimension', 'public'),
    ('function', 'unit_commensurable', 'public'),
    ('function', 'unit_convert', 'public'),
    ('function', 'unit_compare', 'public'),
    ('function', 'unit_value_key', 'public'),
    ('function', 'compare', 'public'),
    ('function', 'satisfies', 'public'),
    ('function', 'level', 'public'),
    ('function', 'comparable_level', 'public'),
    ('function', 'margin', 'public'),
    ('function', 'lower', 'public'),
    ('function', 'upper', 'public'),
    ('function', 'lower_inc', 'public'),
    ('function', 'upper_inc', 'public'),
    ('function', 'is_nd', 'public'),
    ('function', 'unit', 'public'),
    ('function', 'to_unit', 'public'),
    ('function', 'to_text', 'public'),
    -- indicator forms of 0.2.0 (issue 16): accessors of precision, basis and plan
    ('function', 'form', 'public'),
    ('function', 'lower_precision', 'public'),
    ('function', 'upper_precision', 'public'),
    ('function', 'species', 'public'),
    ('function', 'sample_basis', 'public'),
    ('function', 'fraction', 'public'),
    ('function', 'plan_n', 'public'),
    ('function', 'plan_c', 'public'),
    ('function', 'plan_m', 'public'),
    ('function', 'plan_max', 'public'),
    ('function', 'pinyin', 'public'),
    ('function', 'pinyin_compact', 'public'),
    ('function', 'min', 'public'),
    ('function', 'max', 'public'),
    ('function', 'level_stats', 'public'),
    ('function', 'level_count', 'public'),
    ('function', 'level_distinct', 'public'),
    ('function', 'level_cutoff', 'public'),
    ('function', 'level_standing', 'public'),
    ('function', 'level_place', 'public'),
    ('function', 'levels', 'public'),
    ('function', 'levels_json', 'public'),
    ('function', 'standard_edition', 'public'),
    ('function', 'benchmark_class_rank', 'public'),
    ('function', 'level_counts', 'public'),
    ('function', 'level_direction', 'public'),
    ('function', 'level_reaches', 'public'),
    -- the policies' helpers: they reveal nothing the caller cannot see
    ('function', 'invoker', 'public'),
    ('function', 'role_in_group', 'public'),
    ('function', 'is_regulator', 'public'),
    ('function', 'current_enterprise', 'public'),
    ('function', 'current_agency', 'public'),
    ('function', 'disclosure_visible', 'public'),
    ('function', 'disclosure_owned', 'public'),
    ('function', 'plan_visible', 'public'),
    ('function', 'plan_owned', 'public'),
    ('function', 'security_classes', 'public'),
    ('function', 'security_objects', 'public'),
    ('function', 'security_extension_objects', 'public'),
    ('function', 'security_plan', 'public'),
    ('function', 'account_enterprise', 'tenant_lookup'),
    ('function', 'account_agency', 'tenant_lookup'),
    -- registry
    ('function', 'enterprise_fill_region', 'trigger'),
    ('function', 'disclosure_before_insert', 'trigger'),
    ('function', 'disclosure_before_update', 'trigger'),
    ('function', 'disclosure_before_delete', 'trigger'),
    ('function', 'disclosure_after_statement', 'trigger'),
    ('function', 'refuse_truncate', 'trigger'),
    ('function', 'disclosed_indicator_guard', 'trigger'),
    ('function', 'disclosed_indicator_insert_check', 'trigger'),
    ('function', 'refuse_change', 'trigger'),
    ('function', 'spot_check_before_write', 'trigger'),
    ('function', 'raise_violation', 'disclosure_write'),
    ('function', 'standard_number_problem', 'disclosure_write'),
    ('function', 'check_standard_number', 'disclosure_write'),
    ('function', 'indicator_violations', 'disclosure_write'),
    ('function', 'indicator_entry_check', 'disclosure_write'),
    ('function', 'disclosure_violations', 'disclosure_write'),
    ('function', 'disclosure_publication_check', 'disclosure_write'),
    ('function', 'publish_disclosure', 'disclosure_write'),
    ('function', 'withdraw_disclosure', 'disclosure_write'),
    ('function', 'disclosure_history', 'registry_read'),
    ('function', 'enterprise_search', 'registry_read'),
    ('function', 'excluded', 'registry_read'),
    ('function', 'import_disclosures', 'regulator'),
    -- plans and ranking
    ('function', 'evaluation_plan_before_write', 'trigger'),
    ('function', 'plan_indicator_before_write', 'trigger'),
    ('function', 'spot_check_revoke', 'trigger'),
    ('function', 'spot_check_revoke_reason', 'registry_read'),
    ('function', 'ranking_lock', 'regulator'),
    ('function', 'plan_immutable_error', 'plan_write'),
    ('function', 'plan_publication_check', 'plan_write'),
    ('function', 'plan_for_share', 'plan_write'),
    ('function', 'plan_row', 'registry_read'),
    ('function', 'plan_id', 'registry_read'),
    ('function', 'leaders_json', 'registry_read'),
    ('function', 'benchmark', 'registry_read'),
    ('function', 'benchmark_profile', 'registry_read'),
    ('function', 'disclosure_json', 'registry_read'),
    ('function', 'levelset_noted', 'plan_read'),
    ('function', 'ranking_query', 'plan_read'),
    ('function', 'plan_core_indicators', 'plan_read'),
    ('function', 'plan_cutoffs', 'plan_read'),
    ('function', 'eligibility', 'plan_read'),
    ('function', 'rank_plan', 'plan_read'),
    ('function', 'indicator_lists', 'plan_read'),
    ('function', 'publish_ranking', 'plan_read'),
    ('function', 'ranking_publisher_check', 'internal'),
    -- supervision
    ('function', 'plan_review_before_insert', 'trigger'),
    ('function', 'feedback_before_write', 'trigger'),
    ('function', 'spot_check_request_before_write', 'trigger'),
    ('function', 'plan_review_check', 'plan_write'),
    ('function', 'plan_review_state', 'plan_write'),
    ('function', 'plan_open_rejections', 'plan_write'),
    ('function', 'plan_policy_check', 'plan_write'),
    ('function', 'review_minimum', 'registry_read'),
    ('function', 'review_policy_before_write', 'trigger'),
    ('function', 'feedback_subject', 'feedback_file'),
    ('function', 'feedback_error', 'feedback_file'),
    -- supervision of disclosures: verifiability, references, inspection campaigns
    ('function', 'standard_current', 'registry_read'),
    ('function', 'test_method_limit_check', 'trigger'),
    ('function', 'claim_judge', 'public'),
    ('function', 'claim_check', 'registry_read'),
    ('function', 'claim_effective', 'registry_read'),
    ('function', 'unverifiable_claims_setting', 'registry_read'),
    ('function', 'disclosure_verifiable_check', 'trigger'),
    ('function', 'draw_key', 'public'),
    ('function', 'campaign_sample', 'public'),
    ('function', 'campaign_population', 'regulator'),
    ('function', 'inspection_prefill', 'regulator'),
    ('function', 'draw_campaign', 'regulator'),
    ('function', 'inspection_campaign_before_write', 'trigger'),
    ('function', 'inspection_campaign_after_draw', 'trigger'),
    ('function', 'inspection_result_before_write', 'trigger'),
    ('function', 'inspection_finding_before_write', 'trigger'),
    ('function', 'division_name', 'public'),
    -- clients: progress, streaming, the search path
    ('function', 'progress', 'public'),
    ('function', 'rank_plan_query', 'plan_read'),
    ('function', 'rank_plan_cursor', 'plan_read'),
    ('function', 'rank_plan_start', 'plan_read'),
    ('function', 'search_path_elements', 'public'),
    ('function', 'database_search_path', 'public'),
    ('function', 'search_path_problems', 'public'),
    ('function', 'setup_search_path', 'dba'),
    ('function', 'setup_roles', 'dba'),
    ('function', 'open_feedback', 'public_view_part'),
    -- scale-out (96_citus.sql): the layout and the helpers of the rules are
    -- public, distributing the registry is the DBA's
    ('function', 'citus_distributed', 'public'),
    ('function', 'clock', 'public'),
    ('function', 'citus_tenants', 'public'),
    ('function', 'citus_layout', 'public'),
    ('function', 'citus_on_workers', 'dba'),
    ('function', 'citus_placements', 'public'),
    ('function', 'citus_rekey', 'dba'),
    ('function', 'citus_distribute', 'dba')
$$;

CREATE OR REPLACE FUNCTION @extschema@.setup_roles()
RETURNS TABLE (kind text, object text, class text, grantee text, privileges text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  g text;
  r record;
  s record;
  unclassified text;
  coordinator boolean := false;
  distributed boolean := frontrunner.citus_distributed();
  propagation text;
  target text;
BEGIN
  SELECT string_agg(p.kind || ' ' || p.ident, ', ' ORDER BY p.kind, p.ident) INTO unclassified
  FROM frontrunner.security_plan() p WHERE p.class IS NULL;
  IF unclassified IS NOT NULL THEN
    RAISE EXCEPTION 'objects without a security class: %', unclassified
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Every table, view, sequence and function of the extension needs a class in frontrunner.security_objects().',
            HINT = 'Add a row (kind, name, class) to security_objects() in sql/install/90_security.sql, with the class whose grants in security_classes() fit who may use the object.';
  END IF;

  -- A distributed registry (citus_distribute()) runs its rules and policies
  -- on the workers too, with the same privileges: there the group roles are
  -- created in a transaction of their own on the coordinator, which Citus
  -- propagates to every node, and each worker runs setup_roles() itself,
  -- before this transaction changes anything on them (Citus propagates the
  -- privileges of its tables, not of the extension's functions and views).
  IF distributed THEN
    coordinator := pg_catalog.citus_is_coordinator();
  END IF;
  FOREACH g IN ARRAY ARRAY['frontrunner_regulator', 'frontrunner_agency', 'frontrunner_enterprise', 'frontrunner_reader'] LOOP
    PERFORM FROM pg_catalog.pg_roles x WHERE x.rolname = g;
    IF NOT FOUND AND coordinator THEN
      SELECT c.* INTO s FROM pg_catalog.run_command_on_coordinator(
        format('CREATE ROLE %I NOLOGIN; COMMENT ON ROLE %I IS %L', g, g, 'frontrunner group role, created by frontrunner.setup_roles()')) c;
      IF NOT s.success THEN
        RAISE EXCEPTION 'group role % could not be created on the cluster: %', g, s.result
          USING ERRCODE = 'external_routine_exception',
                HINT = 'Check that role propagation works (citus.enable_create_role_propagation), then run setup_roles() again.';
      END IF;
    ELSIF NOT FOUND THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', g);
      EXECUTE format('COMMENT ON ROLE %I IS %L', g, 'frontrunner group role, created by frontrunner.setup_roles()');
    END IF;
  END LOOP;
  IF coordinator THEN
    PERFORM frontrunner.citus_on_workers('SELECT count(*) FROM frontrunner.setup_roles()');
  END IF;
  IF distributed THEN
    -- every node sets its own privileges: its tables and the shards it
    -- holds (the workers did theirs above)
    propagation := pg_catalog.current_setting('citus.enable_ddl_propagation');
    PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', 'off', true);
  END IF;
  FOREACH g IN ARRAY ARRAY['frontrunner_regulator', 'frontrunner_agency', 'frontrunner_enterprise', 'frontrunner_reader'] LOOP
    EXECUTE format('GRANT USAGE ON SCHEMA frontrunner TO %I', g);
  END LOOP;

  FOR r IN SELECT p.* FROM frontrunner.security_plan() p ORDER BY p.kind, p.ident LOOP
    -- the object, and on a distributed registry the shards of a table on
    -- this node
    FOR target IN SELECT r.ident
                  UNION ALL SELECT x::text FROM frontrunner.citus_placements(r.ident::regclass) x WHERE r.kind = 'table' LOOP
      -- start from nothing for PUBLIC and the four group roles, then grant
      EXECUTE format('REVOKE ALL ON %s %s FROM PUBLIC, frontrunner_regulator, frontrunner_agency, frontrunner_enterprise, frontrunner_reader',
                     CASE r.kind WHEN 'function' THEN 'ROUTINE' WHEN 'sequence' THEN 'SEQUENCE' ELSE 'TABLE' END, target);
      FOR s IN
        SELECT c.grantee, c.privileges FROM frontrunner.security_classes() c
        WHERE c.class = r.class AND c.grantee IS NOT NULL ORDER BY c.grantee
      LOOP
        EXECUTE format('GRANT %s ON %s %s TO %s', s.privileges,
                       CASE r.kind WHEN 'function' THEN 'ROUTINE' WHEN 'sequence' THEN 'SEQUENCE' ELSE 'TABLE' END,
                       target, CASE WHEN s.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(s.grantee) END);
        CONTINUE WHEN target <> r.ident;
        kind := r.kind; object := r.ident; class := r.class; grantee := s.grantee; privileges := s.privileges;
        RETURN NEXT;
      END LOOP;
    END LOOP;
  END LOOP;

  IF distributed THEN
    -- A view reads its tables with its owner's rights; on Citus the shards
    -- are read with the reader's (Citus issue 1683): a role that may read a
    -- view but not a table under it gets SELECT on that table's shards only
    -- (not on the table: its queries see what they saw), under the table's
    -- policies.
    FOR r IN
      WITH RECURSIVE base (view, rel) AS (
        SELECT w.ev_class, d.refobjid
        FROM pg_catalog.pg_rewrite w
        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = w.oid
                                   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid <> w.ev_class
        WHERE w.ev_class IN (SELECT o.ident::pg_catalog.regclass FROM frontrunner.security_plan() o WHERE o.kind = 'view')
        UNION
        SELECT b.view, d.refobjid
        FROM base b
        JOIN pg_catalog.pg_rewrite w ON w.ev_class = b.rel
        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = w.oid
                                   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid <> w.ev_class
      )
      SELECT DISTINCT b.rel::pg_catalog.regclass::text AS rel, g.rolname
      FROM base b
      JOIN pg_catalog.pg_class c ON c.oid = b.rel AND c.relkind = 'r'
      CROSS JOIN pg_catalog.pg_roles g
      WHERE g.rolname IN ('frontrunner_regulator', 'frontrunner_agency', 'frontrunner_enterprise', 'frontrunner_reader')
        AND pg_catalog.has_table_privilege(g.rolname, b.view, 'SELECT')
        AND NOT pg_catalog.has_table_privilege(g.rolname, b.rel, 'SELECT')
      ORDER BY 1, 2
    LOOP
      FOR target IN SELECT x::text FROM frontrunner.citus_placements(r.rel::regclass) x LOOP
        EXECUTE format('GRANT SELECT ON TABLE %s TO %I', target, r.rolname);
      END LOOP;
      kind := 'shards'; object := r.rel; class := 'under a view'; grantee := r.rolname; privileges := 'SELECT';
      RETURN NEXT;
    END LOOP;
    PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', propagation, true);
  END IF;
  -- the logins get the database's search_path (setup_search_path()); one of
  -- their own without frontrunner would hide the extension from them
  FOR s IN
    SELECT x.* FROM frontrunner.search_path_problems(pg_catalog.current_database()) x
    JOIN pg_catalog.pg_roles m ON m.rolname = x.role AND NOT m.rolsuper
    WHERE EXISTS (SELECT FROM pg_catalog.unnest(ARRAY['frontrunner_regulator', 'frontrunner_agency',
                                                      'frontrunner_enterprise', 'frontrunner_reader']) g(g)
                  WHERE pg_catalog.pg_has_role(m.oid, g.g, 'MEMBER'))
  LOOP
    RAISE WARNING '%', s.problem USING DETAIL = s.detail, HINT = s.hint;
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.citus_layout()
RETURNS TABLE (relation text, layout text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  VALUES
    ('disclosure', 'distributed'),
    ('disclosed_indicator', 'colocated'),
    ('spot_check', 'colocated'),
    ('disclosure_event', 'colocated'),
    ('feedback', 'colocated'),
    ('spot_check_request', 'colocated'),
    ('ranking_entry', 'colocated'),
    ('inspection_draw', 'colocated'),
    ('inspection_result', 'colocated'),
    ('inspection_finding', 'colocated'),
    ('enterprise', 'reference'),
    ('standard', 'reference'),
    ('category', 'reference'),
    ('indicator_def', 'reference'),
    ('standard_requirement', 'reference'),
    ('account', 'reference'),
    ('evaluation_plan', 'reference'),
    ('plan_indicator', 'reference'),
    ('plan_review', 'reference'),
    ('ranking', 'reference'),
    ('review_policy', 'reference'),
    ('ranking_lock', 'reference'),
    ('test_method_limit', 'reference'),
    ('inspection_campaign', 'reference'),
    ('disclosure_import', 'local')
$$;

COMMENT ON FUNCTION @extschema@.citus_layout() IS
  'the Citus layout of every table of the extension, what citus_distribute() builds: distributed (disclosure, hash-distributed by enterprise), colocated (distributed by enterprise with disclosure: the rows of a disclosure), reference (copied to every node) or local (the coordinator''s); a table without a row here is refused by citus_distribute()';

CREATE OR REPLACE FUNCTION @extschema@.citus_rekey()
RETURNS TABLE (relation pg_catalog.regclass, constraint_name name, definition text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  tenant pg_catalog.regclass[];
  r record;
  cols text;
  def text;
  g int;
BEGIN
  SELECT pg_catalog.array_agg(('frontrunner.' || l.relation)::pg_catalog.regclass) INTO tenant
  FROM frontrunner.citus_layout() l WHERE l.layout IN ('distributed', 'colocated');
  -- the registry's foreign keys: dropped here, returned in the form they take
  -- on Citus (a reference between tenant tables names the tenant on both
  -- sides); citus_distribute() adds them once the tables are distributed
  CREATE TEMP TABLE fr_citus_fkeys ON COMMIT DROP AS
  SELECT c.conrelid::pg_catalog.regclass AS rel, c.conname, c.confrelid::pg_catalog.regclass AS target,
         pg_catalog.pg_get_constraintdef(c.oid) AS def
  FROM pg_catalog.pg_constraint c
  WHERE c.contype = 'f' AND c.connamespace = 'frontrunner'::pg_catalog.regnamespace;
  FOR r IN SELECT f.* FROM fr_citus_fkeys f ORDER BY f.rel::text, f.conname LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, r.conname);
  END LOOP;
  -- keys of the tenant tables: the tenant first (a key that already holds
  -- it is kept; one that becomes a copy of another is dropped)
  FOR r IN
    SELECT c.conrelid::pg_catalog.regclass AS rel, c.conname, c.contype,
           pg_catalog.pg_get_constraintdef(c.oid) AS def,
           (SELECT pg_catalog.array_agg(a.attname ORDER BY k.o)
            FROM pg_catalog.unnest(c.conkey) WITH ORDINALITY k(n, o)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS keycols
    FROM pg_catalog.pg_constraint c
    WHERE c.contype IN ('p', 'u') AND c.conrelid = ANY (tenant)
    ORDER BY c.conrelid::pg_catalog.regclass::text, c.contype, c.conname
  LOOP
    CONTINUE WHEN 'enterprise' = ANY (r.keycols);
    cols := 'enterprise, ' || pg_catalog.array_to_string(r.keycols, ', ');
    EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, r.conname);
    IF EXISTS (SELECT FROM pg_catalog.pg_constraint k
               WHERE k.conrelid = r.rel AND k.contype IN ('p', 'u')
                 AND (SELECT pg_catalog.array_agg(a.attname ORDER BY x.o)
                      FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY x(n, o)
                      JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.n)
                     = pg_catalog.string_to_array(cols, ', ')::name[]) THEN
      -- (enterprise, id) is already a key: it becomes the primary key
      IF r.contype = 'p' THEN
        FOR def IN SELECT k.conname FROM pg_catalog.pg_constraint k
                   WHERE k.conrelid = r.rel AND k.contype = 'u'
                     AND (SELECT pg_catalog.array_agg(a.attname ORDER BY x.o)
                          FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY x(n, o)
                          JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.n)
                         = pg_catalog.string_to_array(cols, ', ')::name[] LOOP
          EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, def);
        END LOOP;
        EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I PRIMARY KEY (%s)', r.rel, r.conname, cols);
      END IF;
      CONTINUE;
    END IF;
    EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s (%s)', r.rel, r.conname,
                              CASE r.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, cols);
  END LOOP;
  -- unique indexes (partial ones: one successor per disclosure)
  FOR r IN
    SELECT i.indexrelid::pg_catalog.regclass AS idx, pg_catalog.pg_get_indexdef(i.indexrelid) AS def
    FROM pg_catalog.pg_index i
    WHERE i.indrelid = ANY (tenant) AND i.indisunique
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid)
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = i.indrelid AND a.attname = 'enterprise' AND a.attnum = ANY (i.indkey))
    ORDER BY 1::text
  LOOP
    EXECUTE pg_catalog.format('DROP INDEX %s', r.idx);
    EXECUTE pg_catalog.regexp_replace(r.def, ' USING (\w+) \(', ' USING \1 (enterprise, ');
  END LOOP;
  -- identities: rows written on a worker (the history, by the rules on its
  -- shards) take ids from that worker's range (group << 48), as Citus gives
  -- the tables it creates itself; the coordinator (group 0) keeps its own
  EXECUTE 'SELECT groupid FROM pg_catalog.pg_dist_local_group' INTO g;
  IF g > 0 THEN
    FOR r IN
      SELECT a.attrelid::pg_catalog.regclass AS rel, a.attname
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'frontrunner'::pg_catalog.regnamespace AND c.relkind = 'r'
        AND a.attidentity <> '' AND NOT a.attisdropped
      ORDER BY 1::text
    LOOP
      EXECUTE pg_catalog.format('ALTER TABLE %s ALTER COLUMN %I SET START WITH %s SET MINVALUE %s SET MAXVALUE %s RESTART',
                                r.rel, r.attname, (g::bigint << 48) + 1, (g::bigint << 48) + 1, ((g::bigint + 1) << 48) - 1);
    END LOOP;
  END IF;
  -- the foreign keys as they come back
  -- (the tenant is never updated on Citus, so a reference naming it has no
  -- ON UPDATE action)
  RETURN QUERY
  SELECT f.rel, f.conname,
         CASE WHEN f.rel = ANY (tenant) AND f.target = ANY (tenant)
              THEN pg_catalog.replace(
                     CASE WHEN f.def ~ '^FOREIGN KEY \(enterprise, ' THEN f.def
                          ELSE pg_catalog.regexp_replace(
                                 pg_catalog.regexp_replace(f.def, '^FOREIGN KEY \(', 'FOREIGN KEY (enterprise, '),
                                 ' REFERENCES ([^(]+)\(', ' REFERENCES \1(enterprise, ') END,
                     ' ON UPDATE CASCADE', '')
              ELSE f.def END
  FROM fr_citus_fkeys f
  ORDER BY f.rel::text, f.conname;
END
$$;

COMMENT ON FUNCTION @extschema@.citus_rekey() IS
  'part of citus_distribute(), on the coordinator and on every worker, before the tables are distributed: drops the registry''s foreign keys, puts the tenant (enterprise) first in every key of the tenant tables that lacks it, gives a worker''s identities its own range (group << 48), and returns the foreign keys in their Citus form (a reference between tenant tables names the tenant on both sides)';

CREATE OR REPLACE FUNCTION @extschema@.citus_distribute()
RETURNS TABLE (relation text, layout text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET citus.enable_unsafe_triggers = on
SET citus.multi_shard_modify_mode = sequential
AS $$
DECLARE
  r record;
  s text;
  bad text;
  mine text := (SELECT x.extversion FROM pg_catalog.pg_extension x WHERE x.extname = 'frontrunner');
BEGIN
  IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
    RAISE NOTICE 'frontrunner.citus_distribute() is not needed here: this database is one node'
      USING DETAIL = pg_catalog.format('The citus extension is not installed in database %s; nothing was changed.', pg_catalog.current_database()),
            HINT = 'On a Citus cluster, run it on the coordinator after CREATE EXTENSION citus and CREATE EXTENSION frontrunner, before loading data.';
    RETURN;
  END IF;
  IF frontrunner.citus_distributed() THEN
    RAISE NOTICE 'the registry is already distributed'
      USING DETAIL = 'frontrunner.disclosure is a distributed table; nothing was changed.';
    RETURN QUERY SELECT l.relation, l.layout FROM frontrunner.citus_layout() l;
    RETURN;
  END IF;

  -- where it can run
  IF NOT pg_catalog.citus_is_coordinator() THEN
    RAISE EXCEPTION 'citus_distribute() runs on the Citus coordinator'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('This node (%s) is a worker of the cluster.', pg_catalog.current_setting('port')),
            HINT = 'Connect to the coordinator and run SELECT frontrunner.citus_distribute() there.';
  END IF;
  bad := pg_catalog.concat_ws(', ',
           CASE WHEN pg_catalog.current_setting('citus.shard_replication_factor') <> '1' THEN 'citus.shard_replication_factor = ' || pg_catalog.current_setting('citus.shard_replication_factor') || ' (must be 1: each rule fires once, on the one placement of a shard)' END,
           CASE WHEN NOT pg_catalog.current_setting('citus.enable_ddl_propagation')::boolean THEN 'citus.enable_ddl_propagation = off (must be on: the keys and privileges reach the workers)' END,
           CASE WHEN NOT pg_catalog.current_setting('citus.enable_create_role_propagation')::boolean THEN 'citus.enable_create_role_propagation = off (must be on: the roles of setup_roles() exist on every node)' END);
  IF bad <> '' THEN
    RAISE EXCEPTION 'the Citus settings do not allow the registry to be distributed'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('Settings: %s.', bad),
            HINT = 'Change the settings (postgresql.conf or ALTER SYSTEM on the coordinator), then run citus_distribute() again.';
  END IF;
  -- an agency writes its plans, reference tables with foreign keys to other
  -- reference tables (category, indicator_def) it may only read: Citus
  -- serialises such writes with a lock on the referenced tables' shards,
  -- which it takes as the writer, by default only for a role that may write
  -- them too
  SELECT pg_catalog.string_agg(pg_catalog.format('%s:%s', n.nodename, n.nodeport), ', ' ORDER BY n.nodeid) INTO bad
  FROM pg_catalog.run_command_on_all_nodes('SHOW citus.skip_advisory_lock_permission_checks') w
  JOIN pg_catalog.pg_dist_node n ON n.nodeid = w.nodeid
  WHERE NOT w.success OR w.result IS DISTINCT FROM 'on';
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'the Citus settings do not allow the registry to be distributed'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('citus.skip_advisory_lock_permission_checks is not on at %s: a write of a plan by an agency would fail with "permission denied for table category" (Citus locks the referenced reference tables as the writer).', bad),
            HINT = 'On every node: ALTER SYSTEM SET citus.skip_advisory_lock_permission_checks = on; SELECT pg_reload_conf(); then run citus_distribute() again.';
  END IF;
  SELECT pg_catalog.string_agg(pg_catalog.format('%s:%s', n.nodename, n.nodeport), ', ' ORDER BY n.nodeid) INTO bad
  FROM pg_catalog.pg_dist_node n
  WHERE n.groupid <> 0 AND n.noderole = 'primary' AND NOT (n.isactive AND n.hasmetadata AND n.metadatasynced);
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'the workers of the cluster are not all active with their metadata synced'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('Workers: %s.', bad),
            HINT = 'The rules query the shards from the workers: activate the nodes (citus_activate_node(), start_metadata_sync_to_node()), then run citus_distribute() again.';
  END IF;
  SELECT pg_catalog.string_agg(pg_catalog.format('%s:%s has %s', w.nodename, w.nodeport,
                                                  CASE WHEN w.success THEN coalesce('release ' || nullif(w.result, ''), 'no frontrunner') ELSE w.result END),
                               ', ' ORDER BY w.nodename, w.nodeport) INTO bad
  FROM pg_catalog.run_command_on_workers($q$SELECT x.extversion FROM pg_catalog.pg_extension x WHERE x.extname = 'frontrunner'$q$) w
  WHERE NOT w.success OR w.result IS DISTINCT FROM mine;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'the workers do not have frontrunner %', mine
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('%s.', bad),
            HINT = 'Install the same frontrunner package on every node; CREATE EXTENSION frontrunner on the coordinator creates it on the workers.';
  END IF;

  -- what it distributes: every table classified, none holding rows
  SELECT pg_catalog.string_agg(o.name, ', ' ORDER BY o.name) INTO bad
  FROM frontrunner.security_extension_objects() o
  WHERE o.kind = 'table' AND o.name NOT IN (SELECT l.relation FROM frontrunner.citus_layout() l);
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'tables without a Citus layout: %', bad
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Every table of the extension needs a row in frontrunner.citus_layout().',
            HINT = 'Add the table to citus_layout() in sql/install/96_citus.sql (colocated when its rows belong to a disclosure, reference for a catalog).';
  END IF;
  bad := '';
  FOR r IN SELECT l.relation FROM frontrunner.citus_layout() l ORDER BY l.relation LOOP
    EXECUTE pg_catalog.format('SELECT %L || '' ('' || count(*) || '')'' FROM frontrunner.%I HAVING count(*) > 0', r.relation, r.relation) INTO s;
    bad := pg_catalog.concat_ws(', ', NULLIF(bad, ''), s);
  END LOOP;
  IF bad <> '' THEN
    RAISE EXCEPTION 'the registry holds data: citus_distribute() runs before any row is loaded'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('Rows in: %s.', bad),
            HINT = 'Distribute an empty registry (CREATE EXTENSION frontrunner, then citus_distribute()), then load the data through the rules on the coordinator.';
  END IF;

  -- the workers first (outside this transaction: run_command_on_workers
  -- commits on each worker; every step there can be run again): the
  -- privileges of setup_roles() when the group roles exist, and the keys
  IF EXISTS (SELECT FROM pg_catalog.pg_roles g WHERE g.rolname IN ('frontrunner_regulator', 'frontrunner_agency',
                                                                   'frontrunner_enterprise', 'frontrunner_reader')) THEN
    PERFORM frontrunner.citus_on_workers('SELECT count(*) FROM frontrunner.setup_roles()');
  END IF;
  PERFORM frontrunner.citus_on_workers('SELECT count(*) FROM frontrunner.citus_rekey()');

  -- the coordinator: keys, the tables, then the foreign keys with the tenant
  CREATE TEMP TABLE fr_citus_readd ON COMMIT DROP AS SELECT * FROM frontrunner.citus_rekey();
  FOR r IN SELECT l.relation FROM frontrunner.citus_layout() l WHERE l.layout = 'reference' LOOP
    PERFORM pg_catalog.create_reference_table(('frontrunner.' || r.relation)::pg_catalog.regclass);
  END LOOP;
  PERFORM pg_catalog.create_distributed_table('frontrunner.disclosure'::pg_catalog.regclass, 'enterprise');
  FOR r IN SELECT l.relation FROM frontrunner.citus_layout() l WHERE l.layout = 'colocated' LOOP
    PERFORM pg_catalog.create_distributed_table(('frontrunner.' || r.relation)::pg_catalog.regclass, 'enterprise',
                                                colocate_with => 'frontrunner.disclosure');
  END LOOP;
  FOR r IN SELECT f.* FROM fr_citus_readd f ORDER BY f.relation::text, f.constraint_name LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.relation, r.constraint_name, r.definition);
  END LOOP;
  RETURN QUERY SELECT l.relation, l.layout FROM frontrunner.citus_layout() l;
END
$$;

COMMENT ON FUNCTION @extschema@.citus_distribute() IS
  'on a Citus coordinator, once, after CREATE EXTENSION and before any data: distributes the registry as citus_layout() says (disclosure and the rows of a disclosure by enterprise, co-located; the catalogs as reference tables), the tenant in every key (citus_rekey()), the privileges of setup_roles() on every node; refuses (55000) on a worker, with data present, with workers lacking metadata or frontrunner, or with settings that would break the rules; on one node (no Citus) it says it is not needed and changes nothing';

REVOKE EXECUTE ON FUNCTION @extschema@.citus_distribute() FROM PUBLIC;

REVOKE EXECUTE ON FUNCTION @extschema@.citus_rekey() FROM PUBLIC;

-- attributes of the replaced functions, again ---------------------------
ALTER FUNCTION @extschema@.disclosure_after_statement() SECURITY DEFINER;

ALTER FUNCTION @extschema@.publish_ranking(text) SECURITY DEFINER;

ALTER FUNCTION @extschema@.open_feedback() SECURITY DEFINER;

ALTER FUNCTION @extschema@.feedback_subject(@extschema@.uscc, bigint, text) SECURITY DEFINER;


-- functions created above that are not public are not executable by PUBLIC
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT p.ident FROM frontrunner.security_plan() p
           WHERE p.kind = 'function' AND p.class IS DISTINCT FROM 'public' ORDER BY p.ident LOOP
    EXECUTE pg_catalog.format('REVOKE EXECUTE ON ROUTINE %s FROM PUBLIC', r.ident);
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.citus_placements(rel regclass) RETURNS SETOF regclass
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF pg_catalog.to_regclass('pg_catalog.pg_dist_shard') IS NULL THEN
    RETURN;
  END IF;
  -- the shards of rel that this node holds, by name (<table>_<shard id>)
  RETURN QUERY EXECUTE $q$
    SELECT pg_catalog.to_regclass(pg_catalog.format('%I.%I', n.nspname, c.relname || '_' || s.shardid))
    FROM pg_catalog.pg_dist_shard s
    JOIN pg_catalog.pg_dist_placement p ON p.shardid = s.shardid
    JOIN pg_catalog.pg_class c ON c.oid = s.logicalrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE s.logicalrelid = $1 AND p.groupid = (SELECT g.groupid FROM pg_catalog.pg_dist_local_group g)
    ORDER BY s.shardid$q$ USING rel;
END
$$;
COMMENT ON FUNCTION @extschema@.citus_placements(regclass) IS
  'the shards of a Citus table that this node holds (none on one node, or for a table that is not distributed): what setup_roles() grants on besides the table';


CREATE OR REPLACE FUNCTION @extschema@.plan_visible(id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
BEGIN
  -- (PL/pgSQL, and nested execution allowed: on a distributed registry the
  -- policies run on the workers, inside the shard queries, and read
  -- evaluation_plan there, a reference table with a copy on every node)
  RETURN EXISTS (SELECT FROM frontrunner.evaluation_plan p WHERE p.id = $1);
END
$$;
COMMENT ON FUNCTION @extschema@.plan_visible(bigint) IS
  'true when the caller sees evaluation plan id (under the plan policies): the read policy of its core indicators';


CREATE OR REPLACE FUNCTION @extschema@.plan_owned(id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
BEGIN
  -- (PL/pgSQL, and nested execution allowed: as plan_visible())
  RETURN EXISTS (SELECT FROM frontrunner.evaluation_plan p
                 WHERE p.id = $1
                   AND (frontrunner.is_regulator() OR p.agency = frontrunner.current_agency()));
END
$$;
COMMENT ON FUNCTION @extschema@.plan_owned(bigint) IS
  'true when the caller may write evaluation plan id: a regulator, or the agency that owns it';


CREATE OR REPLACE FUNCTION @extschema@.disclosure_json(id bigint)
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


CREATE OR REPLACE FUNCTION @extschema@.benchmark(disclosure bigint)
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


CREATE OR REPLACE VIEW @extschema@.benchmark_profile AS
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


CREATE OR REPLACE FUNCTION @extschema@.benchmark_profile(enterprise @extschema@.uscc)
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

CREATE OR REPLACE FUNCTION @extschema@.current_agency() RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- account_agency() only for a member of frontrunner_agency (NULL for anybody else
  -- in any case): the policies that call this run on every role's queries,
  -- on a distributed registry also on the shards a view reads for a role
  -- without EXECUTE on account_agency()
  IF frontrunner.role_in_group(current_user, 'frontrunner_agency') THEN
    RETURN frontrunner.account_agency(current_user);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.current_agency() IS
  'the evaluation agency current_user acts for (account), NULL when none: the tenant of the agency policies';

CREATE OR REPLACE FUNCTION @extschema@.current_enterprise() RETURNS @extschema@.uscc
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- account_enterprise() only for a member of frontrunner_enterprise (NULL for anybody else
  -- in any case): the policies that call this run on every role's queries,
  -- on a distributed registry also on the shards a view reads for a role
  -- without EXECUTE on account_enterprise()
  IF frontrunner.role_in_group(current_user, 'frontrunner_enterprise') THEN
    RETURN frontrunner.account_enterprise(current_user);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.current_enterprise() IS
  'the enterprise current_user acts for (account), NULL when none: the tenant of the enterprise policies';


CREATE OR REPLACE FUNCTION @extschema@.disclosed_indicator_guard() RETURNS trigger
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


CREATE OR REPLACE FUNCTION @extschema@.security_classes()
RETURNS TABLE (class text, grantee text, privileges text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  VALUES
    -- relations
    ('reference',         'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('reference',         'frontrunner_agency',     'SELECT'),
    ('reference',         'frontrunner_enterprise', 'SELECT'),
    ('tenant_disclosure', 'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_disclosure', 'frontrunner_agency',     'SELECT'),
    ('tenant_disclosure', 'frontrunner_enterprise', 'SELECT, INSERT, UPDATE, DELETE'),
    ('history',           'frontrunner_regulator',  'SELECT'),
    ('history',           'frontrunner_agency',     'SELECT'),
    ('history',           'frontrunner_enterprise', 'SELECT'),
    ('spot_check',        'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('spot_check',        'frontrunner_agency',     'SELECT'),
    ('spot_check',        'frontrunner_enterprise', 'SELECT'),
    ('tenant_plan',       'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_plan',       'frontrunner_agency',     'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_plan',       'frontrunner_enterprise', 'SELECT'),
    ('ranking',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('ranking',           'frontrunner_agency',     'SELECT'),
    ('ranking',           'frontrunner_enterprise', 'SELECT'),
    ('staging',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('account',           'frontrunner_regulator',  'SELECT'),
    ('public_view',       'frontrunner_regulator',  'SELECT'),
    ('public_view',       'frontrunner_agency',     'SELECT'),
    ('public_view',       'frontrunner_enterprise', 'SELECT'),
    ('public_view',       'frontrunner_reader',     'SELECT'),
    ('typed_view',        'frontrunner_regulator',  'SELECT'),
    ('typed_view',        'frontrunner_agency',     'SELECT'),
    ('typed_view',        'frontrunner_enterprise', 'SELECT'),
    ('sequence',          'frontrunner_regulator',  'SELECT'),
    ('feedback',          'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    ('feedback',          'frontrunner_enterprise', 'SELECT, INSERT'),
    ('feedback',          'frontrunner_reader',     'SELECT, INSERT'),
    ('review',            'frontrunner_regulator',  'SELECT, INSERT'),
    ('review',            'frontrunner_agency',     'SELECT'),
    ('review',            'frontrunner_enterprise', 'SELECT'),
    ('supervision',       'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    -- inspection campaigns (75_inspection.sql): draws are written by the
    -- draw trigger only, results by it and the inspectors, findings by the
    -- regulator; an enterprise reads its own (row-level security)
    ('inspection_read',   'frontrunner_regulator',  'SELECT'),
    ('inspection_read',   'frontrunner_enterprise', 'SELECT'),
    ('inspection',        'frontrunner_regulator',  'SELECT, UPDATE'),
    ('inspection',        'frontrunner_enterprise', 'SELECT'),
    ('finding',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    ('finding',           'frontrunner_enterprise', 'SELECT'),
    -- functions
    ('public',            'PUBLIC',                 'EXECUTE'),
    -- a function a public view calls (the roles that may read the views)
    ('public_view_part',  'frontrunner_regulator',  'EXECUTE'),
    ('public_view_part',  'frontrunner_agency',     'EXECUTE'),
    ('public_view_part',  'frontrunner_enterprise', 'EXECUTE'),
    ('public_view_part',  'frontrunner_reader',     'EXECUTE'),
    ('tenant_lookup',     'frontrunner_regulator',  'EXECUTE'),
    ('tenant_lookup',     'frontrunner_agency',     'EXECUTE'),
    ('tenant_lookup',     'frontrunner_enterprise', 'EXECUTE'),
    ('registry_read',     'frontrunner_regulator',  'EXECUTE'),
    ('registry_read',     'frontrunner_agency',     'EXECUTE'),
    ('registry_read',     'frontrunner_enterprise', 'EXECUTE'),
    ('disclosure_write',  'frontrunner_regulator',  'EXECUTE'),
    ('disclosure_write',  'frontrunner_enterprise', 'EXECUTE'),
    ('plan_write',        'frontrunner_regulator',  'EXECUTE'),
    ('plan_write',        'frontrunner_agency',     'EXECUTE'),
    ('plan_read',         'frontrunner_regulator',  'EXECUTE'),
    ('plan_read',         'frontrunner_agency',     'EXECUTE'),
    ('regulator',         'frontrunner_regulator',  'EXECUTE'),
    ('feedback_file',     'frontrunner_regulator',  'EXECUTE'),
    ('feedback_file',     'frontrunner_enterprise', 'EXECUTE'),
    ('feedback_file',     'frontrunner_reader',     'EXECUTE'),
    -- classes granted to nobody: trigger (fired, never called), internal
    -- (called only by SECURITY DEFINER code), dba (setup_roles)
    ('trigger',           NULL,                     NULL),
    ('internal',          NULL,                     NULL),
    ('dba',               NULL,                     NULL)
$$;
COMMENT ON FUNCTION @extschema@.security_classes() IS
  'what each security class grants to which group role (privileges NULL: nothing; PUBLIC: everybody); setup_roles() applies it to the objects of security_objects()';

CREATE OR REPLACE VIEW @extschema@.benchmark_pair_typed AS
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


CREATE OR REPLACE FUNCTION @extschema@.disclosure_owned(id bigint) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM frontrunner.disclosure d
                 WHERE d.id = $1
                   AND (frontrunner.is_regulator()
                        OR d.enterprise OPERATOR(frontrunner.=) frontrunner.current_enterprise()))
$$;
COMMENT ON FUNCTION @extschema@.disclosure_owned(bigint) IS
  'true when the caller may write disclosure id: a regulator, or the enterprise it belongs to';


CREATE OR REPLACE FUNCTION @extschema@.disclosure_visible(id bigint) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM frontrunner.disclosure d WHERE d.id = $1)
$$;
COMMENT ON FUNCTION @extschema@.disclosure_visible(bigint) IS
  'true when the caller sees disclosure id (under the disclosure policies)';



-- issue 22: national scale: import_disclosures() applies independent
-- disclosures in batches (frontrunner.import_batch), a failing batch split
-- down to the disclosure at fault ----------
-- one disclosure (the rows of one source_ref, in line order) through the
-- rules in its own subtransaction, every rejected row reported: what
-- import_disclosures() does with a disclosure a batch could not take
CREATE FUNCTION @extschema@.import_disclosure_one(ref text, lines bigint[], variants bigint, publish boolean)
RETURNS TABLE (source_ref text, line bigint, disclosure bigint, outcome text,
               sqlstate text, message text, detail text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  r record;
  hdr record;
  row_errors int;
  bad_lines bigint[];
  cur_line bigint;
  new_id bigint;
  prev_id bigint;
  v_uscc frontrunner.uscc;
  v_std frontrunner.stdcode;
  v_req frontrunner.indicator;
  v_tm frontrunner.stdcode;
  e_state text;
  e_msg text;
  e_detail text;
BEGIN
  source_ref := ref;
  disclosure := NULL;

  IF ref IS NULL OR btrim(ref) = '' THEN
    FOREACH cur_line IN ARRAY lines LOOP
      line := cur_line; outcome := 'rejected'; import_disclosure_one.sqlstate := '23502';
      message := 'source_ref is required';
      detail := 'Rows of one disclosure share its platform identifier in column source_ref.';
      RETURN NEXT;
    END LOOP;
    RETURN;
  END IF;
  IF variants > 1 THEN
    FOREACH cur_line IN ARRAY lines LOOP
      line := cur_line; outcome := 'rejected'; import_disclosure_one.sqlstate := '22023';
      message := format('rows of disclosure %s disagree on the disclosure columns', ref);
      detail := 'uscc, enterprise_name, category, product, standard, supersedes_ref, below_recommended_statement and published must be equal on every row of one source_ref.';
      RETURN NEXT;
    END LOOP;
    RETURN;
  END IF;

  -- values: every row checked, every bad one reported
  row_errors := 0;
  bad_lines := '{}';
  SELECT s.* INTO hdr FROM frontrunner.disclosure_import s WHERE s.line = lines[1];
  BEGIN
    v_uscc := hdr.uscc::frontrunner.uscc;
    v_std := hdr.standard::frontrunner.stdcode;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
    line := lines[1]; outcome := 'rejected'; import_disclosure_one.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
    RETURN NEXT;
    row_errors := row_errors + 1;
    bad_lines := bad_lines || lines[1];
  END;
  FOR r IN SELECT s.* FROM frontrunner.disclosure_import s WHERE s.line = ANY (lines) ORDER BY s.line LOOP
    BEGIN
      v_req := r.requirement::frontrunner.indicator;
      v_tm := r.test_method::frontrunner.stdcode;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
      line := r.line; outcome := 'rejected'; import_disclosure_one.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
      RETURN NEXT;
      row_errors := row_errors + 1;
      bad_lines := bad_lines || r.line;
    END;
  END LOOP;
  IF row_errors > 0 THEN
    FOREACH cur_line IN ARRAY lines LOOP
      CONTINUE WHEN cur_line = ANY (bad_lines);  -- (of the FOREACH)
      line := cur_line; outcome := 'rejected'; import_disclosure_one.sqlstate := NULL;
      message := format('disclosure %s not imported: %s other row(s) of it are invalid', ref, row_errors);
      detail := NULL;
      RETURN NEXT;
    END LOOP;
    RETURN;
  END IF;

  -- the disclosure, through the rules, in its own subtransaction
  cur_line := NULL;
  BEGIN
    prev_id := NULL;
    IF hdr.supersedes_ref IS NOT NULL THEN
      -- (source_ref is unique; on a distributed registry per enterprise,
      -- and the enterprise's own comes first)
      SELECT d.id INTO prev_id FROM frontrunner.disclosure d WHERE d.source_ref = hdr.supersedes_ref
      ORDER BY d.enterprise OPERATOR(frontrunner.=) v_uscc DESC LIMIT 1;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'previous version % is not in the registry', hdr.supersedes_ref
          USING ERRCODE = 'FR005',
                DETAIL = format('Disclosure %s supersedes %s, which has not been imported.', ref, hdr.supersedes_ref),
                HINT = 'Import the previous version first (or leave supersedes_ref empty).';
      END IF;
    END IF;
    -- a name creates the enterprise or renames it; without one the
    -- enterprise must exist (the foreign key says so otherwise)
    IF nullif(btrim(hdr.enterprise_name), '') IS NOT NULL THEN
      INSERT INTO frontrunner.enterprise AS e (uscc, name)
      VALUES (v_uscc, btrim(hdr.enterprise_name))
      ON CONFLICT ON CONSTRAINT enterprise_pkey DO UPDATE SET name = EXCLUDED.name
        WHERE e.name IS DISTINCT FROM EXCLUDED.name;
    END IF;
    INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes,
                                        below_recommended_statement, source_ref, source_published)
    VALUES (v_uscc, hdr.category, hdr.product, v_std, prev_id,
            nullif(btrim(hdr.below_recommended_statement), ''), ref, hdr.published)
    RETURNING id INTO new_id;
    -- the indicators in one statement (the rules' statement-level checks
    -- run once, not once a row); when it fails, again one row at a time
    -- in the order of the lines, so that the rejected line is the one the
    -- rules refuse, with the same error
    BEGIN
      INSERT INTO frontrunner.disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
      SELECT v_uscc, new_id, s.indicator, s.requirement::frontrunner.indicator, s.test_method::frontrunner.stdcode
      FROM frontrunner.disclosure_import s WHERE s.line = ANY (lines) ORDER BY s.line;
    EXCEPTION WHEN OTHERS THEN
      FOR r IN SELECT s.* FROM frontrunner.disclosure_import s WHERE s.line = ANY (lines) ORDER BY s.line LOOP
        cur_line := r.line;
        INSERT INTO frontrunner.disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
        VALUES (v_uscc, new_id, r.indicator, r.requirement::frontrunner.indicator, r.test_method::frontrunner.stdcode);
      END LOOP;
    END;
    cur_line := NULL;
    IF publish THEN
      UPDATE frontrunner.disclosure d SET status = 'published'
      WHERE d.enterprise OPERATOR(frontrunner.=) v_uscc AND d.id = new_id;
    END IF;
    DELETE FROM frontrunner.disclosure_import s WHERE s.line = ANY (lines);
    FOREACH cur_line IN ARRAY lines LOOP
      line := cur_line; disclosure := new_id; outcome := CASE WHEN publish THEN 'published' ELSE 'draft' END;
      import_disclosure_one.sqlstate := NULL; message := NULL; detail := NULL;
      RETURN NEXT;
    END LOOP;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
    disclosure := NULL; outcome := 'rejected'; import_disclosure_one.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
    IF cur_line IS NOT NULL THEN
      line := cur_line;
      RETURN NEXT;
    ELSE
      FOREACH cur_line IN ARRAY lines LOOP
        line := cur_line;
        RETURN NEXT;
      END LOOP;
    END IF;
  END;
END
$$;
COMMENT ON FUNCTION @extschema@.import_disclosure_one(text, bigint[], bigint, boolean) IS
  'import_disclosures() of one staged disclosure (its source_ref, its lines, how many different disclosure headers its rows give, whether to publish): every malformed value reported on its line, then the disclosure through the rules in its own subtransaction, a rule''s refusal reported on the line it names (internal)';

-- a batch: independent disclosures (no two of one enterprise, none
-- superseding another of the batch) applied with one statement per table,
-- so that the rules' statement-level checks run once for the batch; any
-- error fails the whole batch (the caller splits it)
CREATE FUNCTION @extschema@.import_disclosure_batch(lines bigint[], publish boolean)
RETURNS TABLE (source_ref text, line bigint, disclosure bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  h_ref text[];
  h_uscc frontrunner.uscc[];
  h_name text[];
  h_category text[];
  h_product text[];
  h_standard frontrunner.stdcode[];
  h_sup text[];
  h_below text[];
  h_published text[];
  h_prev bigint[];
  n_ref text[];
  n_id bigint[];
  n_uscc frontrunner.uscc[];
BEGIN
  -- each disclosure's first row carries its columns (the rows of one agree:
  -- import_disclosures() sends no other); a malformed USCC or standard
  -- number fails the batch here
  SELECT array_agg(h.source_ref ORDER BY h.line), array_agg(h.uscc::frontrunner.uscc ORDER BY h.line),
         array_agg(nullif(btrim(h.enterprise_name), '') ORDER BY h.line), array_agg(h.category ORDER BY h.line),
         array_agg(h.product ORDER BY h.line), array_agg(h.standard::frontrunner.stdcode ORDER BY h.line),
         array_agg(h.supersedes_ref ORDER BY h.line),
         array_agg(nullif(btrim(h.below_recommended_statement), '') ORDER BY h.line),
         array_agg(h.published ORDER BY h.line)
  INTO h_ref, h_uscc, h_name, h_category, h_product, h_standard, h_sup, h_below, h_published
  FROM (SELECT DISTINCT ON (s.source_ref) s.*
        FROM frontrunner.disclosure_import s WHERE s.line = ANY (lines)
        ORDER BY s.source_ref, s.line) h;
  -- independent, or one at a time (the grouping of import_disclosures()
  -- compares USCCs as text, normalised; this compares the values)
  IF (SELECT count(DISTINCT u) FROM pg_catalog.unnest(h_uscc) u) < pg_catalog.cardinality(h_uscc) THEN
    RAISE EXCEPTION 'import batch: two disclosures of one enterprise';
  END IF;
  -- the previous versions, as the registry has them before this batch
  SELECT array_agg(p.id ORDER BY x.o) INTO h_prev
  FROM unnest(h_sup, h_uscc) WITH ORDINALITY x (ref, uscc, o)
  LEFT JOIN LATERAL (
    SELECT d.id FROM frontrunner.disclosure d WHERE d.source_ref = x.ref
    ORDER BY d.enterprise OPERATOR(frontrunner.=) x.uscc DESC LIMIT 1) p ON true;
  IF EXISTS (SELECT FROM unnest(h_sup, h_prev) x (ref, id) WHERE x.ref IS NOT NULL AND x.id IS NULL) THEN
    RAISE EXCEPTION 'import batch: a previous version is not in the registry';
  END IF;
  -- a name creates the enterprise or renames it (enterprises whose name is
  -- already that one are left alone: no new row version, no pinyin again)
  INSERT INTO frontrunner.enterprise AS e (uscc, name)
  SELECT x.uscc, x.name FROM unnest(h_uscc, h_name) x (uscc, name)
  WHERE x.name IS NOT NULL
    AND NOT EXISTS (SELECT FROM frontrunner.enterprise o
                    WHERE o.uscc OPERATOR(frontrunner.=) x.uscc AND o.name = x.name)
  ON CONFLICT ON CONSTRAINT enterprise_pkey DO UPDATE SET name = EXCLUDED.name
    WHERE e.name IS DISTINCT FROM EXCLUDED.name;
  WITH ins AS (
    INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes,
                                        below_recommended_statement, source_ref, source_published)
    SELECT x.uscc, x.category, x.product, x.standard, x.prev, x.below, x.ref, x.published
    FROM unnest(h_uscc, h_category, h_product, h_standard, h_prev, h_below, h_ref, h_published)
           WITH ORDINALITY x (uscc, category, product, standard, prev, below, ref, published, o)
    ORDER BY x.o
    RETURNING id, enterprise, source_ref)
  SELECT array_agg(ins.source_ref), array_agg(ins.id), array_agg(ins.enterprise) INTO n_ref, n_id, n_uscc FROM ins;
  INSERT INTO frontrunner.disclosed_indicator (enterprise, disclosure, indicator, requirement, test_method)
  SELECT m.uscc, m.id, s.indicator, s.requirement::frontrunner.indicator, s.test_method::frontrunner.stdcode
  FROM frontrunner.disclosure_import s
  JOIN unnest(n_ref, n_id, n_uscc) m (ref, id, uscc) ON m.ref = s.source_ref
  WHERE s.line = ANY (lines)
  ORDER BY s.line;
  IF publish THEN
    UPDATE frontrunner.disclosure d SET status = 'published'
    WHERE d.enterprise OPERATOR(frontrunner.=) ANY (n_uscc) AND d.id = ANY (n_id);
  END IF;
  -- imported rows leave staging, each reported with its disclosure
  RETURN QUERY
  WITH gone AS (
    DELETE FROM frontrunner.disclosure_import s WHERE s.line = ANY (lines)
    RETURNING s.source_ref, s.line)
  SELECT g.source_ref, g.line, m.id
  FROM gone g JOIN unnest(n_ref, n_id) m (ref, id) ON m.ref = g.source_ref;
END
$$;
COMMENT ON FUNCTION @extschema@.import_disclosure_batch(bigint[], boolean) IS
  'import_disclosures() of a batch of independent staged disclosures (the lines of their rows): enterprises, disclosures, their indicators and the publication with one statement each, through every rule; any error fails the whole batch (internal)';

-- a batch, or its halves when it fails, down to the disclosure at fault
CREATE FUNCTION @extschema@.import_disclosure_try(lines bigint[], starts int[], publish boolean)
RETURNS TABLE (source_ref text, line bigint, disclosure bigint, outcome text,
               sqlstate text, message text, detail text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  k int := pg_catalog.cardinality(starts);
  h int;
  cut int;
  r_ref text[];
  r_line bigint[];
  r_id bigint[];
BEGIN
  -- starts: where each disclosure's lines begin in lines (1-based)
  IF k = 1 THEN
    RETURN QUERY
    SELECT o.* FROM frontrunner.import_disclosure_one(
      (SELECT s.source_ref FROM frontrunner.disclosure_import s WHERE s.line = lines[1]), lines, 1, publish) o;
    RETURN;
  END IF;
  BEGIN
    SELECT array_agg(b.source_ref), array_agg(b.line), array_agg(b.disclosure) INTO r_ref, r_line, r_id
    FROM frontrunner.import_disclosure_batch(lines, publish) b;
  EXCEPTION WHEN OTHERS THEN
    -- rolled back; each half again (in line order: the first half first)
    h := k / 2;
    cut := starts[h + 1];
    RETURN QUERY SELECT t.* FROM frontrunner.import_disclosure_try(lines[1:cut - 1], starts[1:h], publish) t;
    RETURN QUERY SELECT t.* FROM frontrunner.import_disclosure_try(
      lines[cut:], ARRAY(SELECT x - cut + 1 FROM pg_catalog.unnest(starts[h + 1:]) x), publish) t;
    RETURN;
  END;
  RETURN QUERY
  SELECT x.ref, x.line, x.id, CASE WHEN publish THEN 'published' ELSE 'draft' END, NULL::text, NULL::text, NULL::text
  FROM unnest(r_ref, r_line, r_id) x (ref, line, id);
END
$$;
COMMENT ON FUNCTION @extschema@.import_disclosure_try(bigint[], integer[], boolean) IS
  'import_disclosures() of a batch (the lines of its disclosures, where each disclosure''s lines start): the batch in one subtransaction; when it fails, each half again, down to one disclosure, imported or rejected on its own (internal)';

CREATE OR REPLACE FUNCTION @extschema@.import_disclosures(publish boolean DEFAULT true)
RETURNS TABLE (source_ref text, line bigint, disclosure bigint, outcome text,
               sqlstate text, message text, detail text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  g record;
  batch int;
  utf8 boolean := pg_catalog.current_setting('server_encoding') = 'UTF8';
  -- progress (frontrunner.progress): disclosures staged, done so far
  report boolean := frontrunner.progress();
  t0 timestamptz := clock_timestamp();
  total bigint;
  staged bigint;
  done bigint := 0;
  next_report bigint := 1000;
  left_ bigint;
BEGIN
  -- (the setting is the module's: load it)
  PERFORM frontrunner.version();
  batch := pg_catalog.current_setting('frontrunner.import_batch')::int;
  IF frontrunner.citus_distributed() THEN
    -- a distributed registry: one disclosure at a time, each on its shard
    batch := 1;
  END IF;
  IF report THEN
    SELECT count(DISTINCT s.source_ref), count(*) INTO total, staged FROM frontrunner.disclosure_import s;
    PERFORM frontrunner.progress(format('import_disclosures(): %s disclosures in %s staged rows, batches of %s',
                                        total, staged, batch));
  END IF;
  -- The disclosures (source_ref groups) in waves: a disclosure comes after
  -- every earlier one (by first line) of its enterprise and after any staged
  -- disclosure of another enterprise it supersedes or that supersedes it —
  -- the only disclosures whose outcome can depend on each other — so a wave
  -- holds independent disclosures, applied in batches of at most
  -- frontrunner.import_batch with the same outcome as one at a time in line
  -- order (a batch of 1: exactly that order).  Enterprises are told apart by
  -- their USCC text normalised as uscc input does (NFKC, upper case, no
  -- spaces, hyphens or "!"); the batch itself refuses two of one value.
  -- Disclosures without source_ref, with disagreeing rows or without a USCC
  -- go one at a time (wave 0: they are rejected, writing nothing).
  FOR g IN
    WITH RECURSIVE grp AS (
      SELECT s.source_ref AS ref, array_agg(s.line ORDER BY s.line) AS lines, min(s.line) AS first_line,
             count(DISTINCT (s.uscc, s.enterprise_name, s.category, s.product, s.standard,
                             s.supersedes_ref, s.below_recommended_statement, s.published)) AS variants,
             min(nullif(pg_catalog.upper(pg_catalog.regexp_replace(
                   CASE WHEN utf8 THEN pg_catalog.normalize(s.uscc, 'NFKC') ELSE s.uscc END,
                   '[[:space:]!-]', '', 'g')), '')) AS ukey,
             min(s.supersedes_ref) AS sup
      FROM frontrunner.disclosure_import s
      GROUP BY s.source_ref
    ), ok AS (
      SELECT grp.* FROM grp
      WHERE grp.ref IS NOT NULL AND btrim(grp.ref) <> '' AND grp.variants = 1 AND grp.ukey IS NOT NULL
    ), edge AS (
      -- staged supersessions across enterprises (rare): their enterprises
      -- are ordered as one
      -- (without a join: a source_ref, the enterprise staging it and those
      -- staging its new versions; each of those linked to the first)
      SELECT DISTINCT z.x, z.y
      FROM (SELECT min(k.ukey) OVER w AS x, k.ukey AS y, bool_or(k.target) OVER w AS staged
            FROM (SELECT ok.ref AS key, ok.ukey, true AS target FROM ok
                  UNION ALL
                  SELECT ok.sup, ok.ukey, false FROM ok WHERE ok.sup IS NOT NULL) k
            WINDOW w AS (PARTITION BY k.key)) z
      WHERE z.staged AND z.x <> z.y
    ), und AS (
      SELECT e.x, e.y FROM edge e UNION SELECT e.y, e.x FROM edge e
    ), reach (k, r) AS (
      SELECT u.x, u.x FROM und u
      UNION
      SELECT reach.k, u.y FROM reach JOIN und u ON u.x = reach.r
    ), comp AS (
      SELECT reach.k, min(reach.r) AS c FROM reach GROUP BY reach.k
    ), waved AS (
      SELECT ok.lines, ok.first_line,
             CASE WHEN batch = 1 THEN 1
                  ELSE row_number() OVER (PARTITION BY coalesce(comp.c, ok.ukey) ORDER BY ok.first_line) END AS wave
      FROM ok LEFT JOIN comp ON comp.k = ok.ukey
    ), numbered AS (
      SELECT w.*, (row_number() OVER (PARTITION BY w.wave ORDER BY w.first_line) - 1) / batch AS bno
      FROM waved w
    ), batched AS (
      SELECT n.lines, n.first_line, n.wave, n.bno,
             1 + coalesce(sum(pg_catalog.cardinality(n.lines)) OVER (
                   PARTITION BY n.wave, n.bno ORDER BY n.first_line
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start
      FROM numbered n
    )
    SELECT 0 AS wave, 0 AS bno, grp.first_line, grp.ref, grp.lines, grp.variants, NULL::int[] AS starts
    FROM grp
    WHERE NOT (grp.ref IS NOT NULL AND btrim(grp.ref) <> '' AND grp.variants = 1 AND grp.ukey IS NOT NULL)
    UNION ALL
    SELECT b.wave, b.bno, min(b.first_line), NULL, array_agg(l.line ORDER BY b.first_line, l.line), 1,
           array_agg(b.start::int ORDER BY b.first_line) FILTER (WHERE l.line = b.lines[1])
    FROM batched b CROSS JOIN LATERAL pg_catalog.unnest(b.lines) l (line)
    GROUP BY b.wave, b.bno
    ORDER BY 1, 2, 3
  LOOP
    IF g.wave = 0 THEN
      RETURN QUERY SELECT o.* FROM frontrunner.import_disclosure_one(g.ref, g.lines, g.variants, publish) o;
      done := done + 1;
    ELSE
      RETURN QUERY SELECT t.* FROM frontrunner.import_disclosure_try(g.lines, g.starts, publish) t;
      done := done + pg_catalog.cardinality(g.starts);
    END IF;
    IF report AND done >= next_report THEN
      PERFORM frontrunner.progress(format('import_disclosures(): %s of %s disclosures done in %s s',
                                          done, total, round(extract(epoch FROM clock_timestamp() - t0), 3)));
      next_report := (done / 1000 + 1) * 1000;
    END IF;
  END LOOP;
  IF report THEN
    -- imported disclosures leave the staging table; rejected ones stay
    SELECT count(*) INTO left_ FROM (SELECT DISTINCT s.source_ref FROM frontrunner.disclosure_import s) x;
    PERFORM frontrunner.progress(format('import_disclosures(): %s disclosures done in %s s, %s imported, %s rejected',
                                        done, round(extract(epoch FROM clock_timestamp() - t0), 3), done - left_, left_));
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.import_disclosures(boolean) IS
  'applies the staged rows of disclosure_import through every rule: independent disclosures (source_ref groups) in batches of up to frontrunner.import_batch (default 1000) with one statement per table, a failing batch split until the disclosure at fault is alone — the outcome is the same as one disclosure at a time in line order, each in its own subtransaction; publishes them unless publish is false; imported rows leave the staging table, rejected rows stay; returns one report row per staged row (outcome published, draft or rejected, with SQLSTATE, message and detail); reports its progress every 1000 disclosures (frontrunner.progress)';
REVOKE EXECUTE ON FUNCTION @extschema@.import_disclosure_one(text, bigint[], bigint, boolean) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.import_disclosure_batch(bigint[], boolean) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.import_disclosure_try(bigint[], integer[], boolean) FROM PUBLIC;

-- issue 20 (follow-up): what findings do to the enterprise (district_report
-- counts them; plan option exclude_open_findings), the ranking shows rule 8
-- ("verifiable" in levels) ------------------------------------------------------
CREATE FUNCTION @extschema@.finding_exclusions(at timestamptz, exclusion_days integer)
RETURNS TABLE (enterprise @extschema@.uscc, finding bigint, campaign text, disclosure bigint, item text,
               found_on date, deadline date, follow_up text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- the window of rule 6: found on day F, it excludes while F <= at < F + exclusion_days
  RETURN QUERY
  SELECT f.enterprise, f.id, c.code, f.disclosure, f.item, f.found_at::date, f.deadline,
         CASE WHEN f.follow_up <> 'pending' AND f.followed_up_at > at THEN 'pending' ELSE f.follow_up END
  FROM frontrunner.inspection_finding f
  JOIN frontrunner.inspection_campaign c ON c.id = f.campaign
  WHERE c.status = 'published' AND c.published_at <= at
    AND f.found_at <= at
    AND at < (f.found_at::date + exclusion_days)::timestamptz
    AND NOT (f.follow_up = 'rectified' AND f.followed_up_at <= at)
  ORDER BY f.enterprise, f.id;
END
$$;
COMMENT ON FUNCTION @extschema@.finding_exclusions(timestamptz, integer) IS
  'SECURITY DEFINER: the findings of published campaigns that are open at time at (found and published by then, not found rectified by then) and found on a day F with F <= at < F + exclusion_days (the window of rule 6), with the follow-up as it stood at that time: what excludes an enterprise from a plan with exclude_open_findings, judged at its deadline';

CREATE FUNCTION @extschema@.finding_counts()
RETURNS TABLE (enterprise @extschema@.uscc, findings bigint, open_findings bigint, unrectified_findings bigint)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- (a function, like open_feedback(): on a distributed registry Citus
  -- reads a view's shards with the reader's rights and policies)
  RETURN QUERY
  SELECT f.enterprise, count(*),
         count(*) FILTER (WHERE f.follow_up <> 'rectified'),
         count(*) FILTER (WHERE f.follow_up = 'not_rectified' OR (f.follow_up = 'pending' AND f.deadline < CURRENT_DATE))
  FROM frontrunner.inspection_finding f
  JOIN frontrunner.inspection_campaign c ON c.id = f.campaign
  WHERE c.status = 'published'
  GROUP BY f.enterprise;
END
$$;
COMMENT ON FUNCTION @extschema@.finding_counts() IS
  'SECURITY DEFINER: per enterprise, the findings of published campaigns: all, open (not rectified: pending or not_rectified) and unrectified (the rectification deadline passed without a rectified follow-up: not_rectified, or pending after the deadline): the finding columns of district_report';

ALTER FUNCTION @extschema@.finding_exclusions(timestamptz, integer) SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.finding_exclusions(timestamptz, integer) FROM PUBLIC;
ALTER FUNCTION @extschema@.finding_counts() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.finding_counts() FROM PUBLIC;

ALTER TABLE @extschema@.evaluation_plan
  ADD COLUMN exclude_open_findings boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN @extschema@.evaluation_plan.exclude_open_findings IS
  'leave out of the ranking the enterprises with an open inspection finding at the deadline (finding_exclusions(deadline, exclusion_days): a finding of a published campaign, found on day F with F <= deadline < F + exclusion_days, not found rectified by the deadline) (default false)';

CREATE OR REPLACE FUNCTION @extschema@.ranking_query(plan_id bigint, output text DEFAULT 'rows') RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  r record;
  k int := 0;
  sel text := '';
  keys text := '';
  levels_present text := '';
  stats text := '';
  cuts text := '';
  outcols text := '';
  tcols text := '';
  leaders text := '';
  cutvals text := '';
  wscale int;
  wint boolean;
  wtot numeric;
  wk text;
  kleaders text := '';
  kcols text := '';
  body text;
  better text;
  reach_l text;
  reach_a text;
  reach_b text;
  tk text;
  pk text;
  req text;
  excluded text := '';
  lim record;
  judge text;
BEGIN
  p := frontrunner.plan_row(plan_id);
  -- the requirement as disclosed, or (plan option method_limits, 0.2.0) as
  -- its test method verifies it (claim_effective(), 45_test_methods.sql)
  req := CASE WHEN p.method_limits THEN 'frontrunner.claim_effective(i.requirement, i.test_method, i.indicator)'
              ELSE 'i.requirement' END;
  IF output NOT IN ('rows', 'cutoffs') THEN
    RAISE EXCEPTION 'invalid value for parameter "output": "%"', output
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('The outputs of ranking_query() are rows and cutoffs; %L is neither.', output),
            HINT = 'Give ''rows'' (one row per eligible disclosure) or ''cutoffs'' (one row per core indicator).';
  END IF;
  PERFORM frontrunner.plan_publication_check(plan_id);
  -- plan option exclude_open_findings (0.2.0): the enterprises with an open
  -- inspection finding at the deadline (finding_exclusions(), a few: the
  -- drawn ones), as a constant of the query
  IF p.exclude_open_findings THEN
    SELECT format($x$
    AND NOT (d.enterprise OPERATOR(frontrunner.=) ANY (%L::frontrunner.uscc[]))$x$,
                  coalesce(array_agg(DISTINCT x.enterprise::text ORDER BY x.enterprise::text), '{}'))
      INTO excluded
    FROM frontrunner.finding_exclusions(p.deadline, p.exclusion_days) x;
  END IF;
  -- the score's numerator, Σ weight·place, is exact: in bigint when the
  -- weights are integers after scaling by 10^wscale and their sum is small
  -- enough that Σ weight·2n fits (n < 4.6e9), else in numeric
  SELECT max(scale(trim_scale(c.weight))) INTO wscale FROM frontrunner.plan_core_indicators(plan_id) c;
  SELECT trim_scale(sum(c.weight * 10::numeric ^ wscale)) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  wint := wscale <= 6 AND wtot <= 1000000000;
  IF NOT coalesce(wint, false) THEN
    wscale := 0;
    SELECT sum(c.weight) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  END IF;

  FOR r IN SELECT c.*, c.unit AS u FROM frontrunner.plan_core_indicators(plan_id) c LOOP
    k := r.k;
    -- better-or-equal comparison of levels in this direction
    better := CASE WHEN r.direction = 'higher_better' THEN '>=' ELSE '<=' END;
    -- one pass over the disclosed indicators, grouped by disclosure: the
    -- level of each core indicator (NULL when missing or in another
    -- dimension) and, for absolute cutoffs, whether the requirement reaches them
    sel := sel || format(', min(frontrunner.comparable_level(%5$s, %2$L::frontrunner.direction, %3$L)) FILTER (WHERE i.indicator = %4$L) AS l%1$s',
                         k, r.direction, r.u, r.indicator, req);
    IF r.leader_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rl%1$s', k, r.leader_cutoff, r.indicator, req);
    END IF;
    IF r.advanced_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS ra%1$s', k, r.advanced_cutoff, r.indicator, req);
    END IF;
    IF r.baseline_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rb%1$s', k, r.baseline_cutoff, r.indicator, req);
    END IF;
    -- rule 8 (0.2.0): when test_method_limit records limits for the
    -- indicator, whether the method named can verify the claim
    -- (claim_judge() with the limits as constants: nothing read per row);
    -- NULL when its method has none.  rank_plan() shows it in levels.
    judge := NULL;
    FOR lim IN SELECT l.method::text AS m, l::text AS t FROM frontrunner.test_method_limit l
               WHERE l.analyte = r.indicator ORDER BY l.method::text LOOP
      judge := coalesce(judge, '') || format(' WHEN i.test_method OPERATOR(frontrunner.=) %L::frontrunner.stdcode THEN %L::frontrunner.test_method_limit', lim.m, lim.t);
    END LOOP;
    IF judge IS NOT NULL THEN
      sel := sel || format(', bool_and((SELECT j.verifiable FROM frontrunner.claim_judge(i.requirement, CASE%3$s END) j)) FILTER (WHERE i.indicator = %2$L) AS v%1$s',
                           k, r.indicator, judge);
      outcols := outcols || format(', b.v%s', k);
      tcols := tcols || format(', t.v%s', k);
    END IF;
    keys := keys || CASE WHEN k > 1 THEN ', ' ELSE '' END || quote_literal(r.indicator);
    levels_present := levels_present || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('b.l%s IS NOT NULL', k);
    stats := stats || format(', frontrunner.levelset_noted(frontrunner.level_stats(b.l%1$s, %2$L::frontrunner.direction), %3$L, %4$L, %5$L) AS s%1$s',
                             k, r.direction, p.code, r.indicator, r.u);
    -- cutoffs: absolute (<@), best in market (the best level), or a fraction
    reach_l := CASE
      WHEN r.leader_cutoff IS NOT NULL THEN format('b.rl%s', k)
      WHEN p.style = 'best_in_market' THEN format('b.l%1$s = c.best%1$s', k)
      ELSE format('b.l%1$s %2$s c.lc%1$s', k, better) END;
    reach_a := CASE
      WHEN r.advanced_cutoff IS NOT NULL THEN format('b.ra%s', k)
      ELSE format('b.l%1$s %2$s c.ac%1$s', k, better) END;
    reach_b := CASE
      WHEN r.baseline_cutoff IS NOT NULL THEN format('b.rb%s', k)
      ELSE format('b.l%1$s %2$s c.bc%1$s', k, better) END;
    -- the best level: the first of the levelset (stored trimmed)
    cuts := cuts || format(', s.s%1$s, (SELECT l.level FROM frontrunner.levels(s.s%1$s) l ORDER BY l.position LIMIT 1) AS best%1$s, frontrunner.level_cutoff(s.s%1$s, %2$s) AS lc%1$s, frontrunner.level_cutoff(s.s%1$s, %3$s) AS ac%1$s, frontrunner.level_cutoff(s.s%1$s, %4$s) AS bc%1$s',
                           k, coalesce(r.leader_fraction::text, 'NULL::numeric'),
                           coalesce(r.advanced_fraction::text, 'NULL::numeric'),
                           coalesce(r.baseline_fraction::text, 'NULL::numeric'));
    -- tier reached on indicator k (the best tier whose cutoff it reaches)
    tk := format('CASE WHEN %s THEN ''leader''::frontrunner.tier WHEN %s THEN ''advanced''::frontrunner.tier WHEN %s THEN ''baseline''::frontrunner.tier ELSE ''below''::frontrunner.tier END',
                 reach_l, reach_a, reach_b);
    -- standing = place / (2·(n - 1)): places are summed, one division per disclosure
    pk := format('frontrunner.level_place(c.s%1$s, b.l%1$s)', k);
    outcols := outcols || format(', b.l%1$s, %2$s AS t%1$s, %3$s AS p%1$s', k, tk, pk);
    tcols := tcols || format(', t.l%1$s, t.t%1$s, t.p%1$s', k);
    -- leader on indicator k (the first branch of tk); leader overall on all
    leaders := leaders || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('(%s)', reach_l);
    -- cutoffs as readable requirements: the absolute cutoff, or the level with the direction's operator
    cutvals := cutvals || CASE WHEN k > 1 THEN ', ' ELSE '' END || format(
      '(%1$L, %2$L, c.n, frontrunner.level_distinct(c.s%3$s), c.best%3$s, %4$s, %5$s, %6$s)',
      r.indicator, r.u, k,
      CASE WHEN r.leader_cutoff IS NOT NULL THEN quote_literal(r.leader_cutoff::text)
           WHEN p.style = 'best_in_market' THEN format('%L || '' '' || c.best%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END)
           ELSE format('%L || '' '' || c.lc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.advanced_cutoff IS NOT NULL THEN quote_literal(r.advanced_cutoff::text)
           ELSE format('%L || '' '' || c.ac%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.baseline_cutoff IS NOT NULL THEN quote_literal(r.baseline_cutoff::text)
           ELSE format('%L || '' '' || c.bc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END);
    wk := CASE WHEN wint THEN (r.weight * 10::numeric ^ wscale)::bigint::text
               ELSE format('%s::numeric', r.weight) END;
    kleaders := kleaders || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * %s', wk, pk);
    kcols := kcols || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * t.p%s', wk, k);
  END LOOP;

  -- b's query: the disclosed indicators grouped by disclosure, each with its
  -- enterprise (the tenant: every join and the exclusion are on it, so on a
  -- distributed registry all of it runs on the shards, where a disclosure
  -- and its rows live together)
  body := format($q$
  SELECT d.id, d.enterprise, en.name AS enterprise_name, d.standard, d.published_at, p.*
  FROM (SELECT i.enterprise AS tenant, i.disclosure%1$s
        FROM frontrunner.disclosed_indicator i
        WHERE i.indicator IN (%2$s)%6$s
        GROUP BY i.enterprise, i.disclosure) p
  JOIN frontrunner.disclosure d ON d.enterprise OPERATOR(frontrunner.=) p.tenant AND d.id = p.disclosure
  JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) d.enterprise
  WHERE d.category = %3$L AND d.status = 'published' AND d.published_at <= %4$L::timestamptz
    AND NOT EXISTS (SELECT FROM frontrunner.spot_check x
                    WHERE x.enterprise OPERATOR(frontrunner.=) d.enterprise AND NOT x.conforms
                      AND %4$L::timestamptz >= x.sampled_on::timestamptz
                      AND %4$L::timestamptz < (x.sampled_on + %5$s)::timestamptz)%7$s$q$,
    sel, keys, p.category, p.deadline, p.exclusion_days,
     -- the grouped pass reads the disclosed indicators with the plan's keys;
     -- when another category also has one of these keys, it first keeps
     -- only the candidate disclosures' rows (the join to d below filters
     -- them in any case, so this only saves grouping rows of no use)
     CASE WHEN EXISTS (SELECT FROM frontrunner.indicator_def f
                       WHERE f.category <> p.category
                         AND f.key IN (SELECT c.indicator FROM frontrunner.plan_core_indicators(plan_id) c))
          THEN format($x$
          AND EXISTS (SELECT FROM frontrunner.disclosure x
                      WHERE x.enterprise OPERATOR(frontrunner.=) i.enterprise AND x.id = i.disclosure
                        AND x.category = %1$L AND x.status = 'published' AND x.published_at <= %2$L::timestamptz)$x$,
                      p.category, p.deadline)
          ELSE '' END,
     excluded);

  -- the shape above: b, s, c, then the rows (the leader cap computes only
  -- the leaders' keys) or the cutoffs.  On a distributed registry s runs
  -- over b's query itself, not over b: the statistics are then computed on
  -- the workers (level_stats partial per shard, combined on the
  -- coordinator), while b, the eligible rows, is read once into the
  -- coordinator for the ranking
  RETURN format($q$
WITH b AS MATERIALIZED (%1$s
), s AS (
  SELECT count(*) AS n%3$s FROM %6$s WHERE %2$s
), c AS (
  SELECT s.n%4$s FROM s
)
%5$s
$q$, body, levels_present, stats, cuts,
     CASE output
       WHEN 'rows' THEN format($r$
SELECT (row_number() OVER (ORDER BY q.tier, q.key DESC, q.published_at, q.id))::int AS rank, q.*,
       CASE WHEN q.n = 1 THEN 100::numeric
            ELSE trim_scale(round(100 * q.key::numeric(1000, 20) / ((2 * (q.n - 1))::numeric * %2$s), 20)) END AS score
  -- (consumers ORDER BY the same keys as the window, so the rows are sorted once;
  -- the score is computed after the sort, from the exact key, to 20 decimals
  -- like the standings)
FROM (
  -- the sort keys first: the sort compares them without walking the
  -- variable-width columns
  SELECT CASE WHEN t.tier0 = 'leader'::frontrunner.tier AND t.key < (
                SELECT %1$s
                FROM b CROSS JOIN c
                WHERE %3$s AND %4$s
                ORDER BY 1 DESC OFFSET %5$s LIMIT 1)
              THEN 'advanced'::frontrunner.tier ELSE t.tier0 END AS tier,
         t.key, t.published_at, t.id, t.tier0, t.n, t.enterprise, t.enterprise_name, t.standard%9$s
  FROM (
    SELECT t.*, GREATEST(%7$s) AS tier0, %8$s AS key
    FROM (
      SELECT b.id, b.enterprise, b.enterprise_name, b.standard, b.published_at%6$s, c.n
      FROM b CROSS JOIN c
      WHERE %3$s
      OFFSET 0
    ) t
  ) t
) q
$r$, kleaders, wtot, levels_present, leaders, p.leader_cap - 1, outcols,
     (SELECT string_agg(format('t.t%s', i), ', ') FROM generate_series(1, k) i), kcols, tcols)
       WHEN 'cutoffs' THEN format('SELECT v.* FROM c CROSS JOIN LATERAL (VALUES %s) v(indicator, unit, eligible, distinct_levels, best, leader_cutoff, advanced_cutoff, baseline_cutoff)', cutvals)
     END,
     CASE WHEN frontrunner.citus_distributed() THEN format('(%s) b', body) ELSE 'b' END);
END
$$;
COMMENT ON FUNCTION @extschema@.ranking_query(bigint, text) IS
  'the SQL text rank_plan(), indicator_lists() and plan_cutoffs() run for a plan (the requirements as disclosed, or as their test methods verify them when the plan sets method_limits); output ''rows'': one row per eligible disclosure in rank order: rank, tier, key (the exact Σ weight·place the order and the cap compare), published_at, id, tier0 (before the cap), n, enterprise, enterprise_name, standard, per core indicator k (in key order) level lk, tier tk and place pk (level_place()) and, when test_method_limit records limits for it, vk (rule 8: the claim verifiable by its method, NULL when not judged), and score; ''cutoffs'': one row per core indicator; for inspection with EXPLAIN';

CREATE OR REPLACE FUNCTION @extschema@.eligibility(plan_code text)
RETURNS TABLE (disclosure bigint, eligible boolean, reason text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  keys text[];
  dirs frontrunner.direction[];
  units text[];
  fx_enterprises frontrunner.uscc[];
  fx_reasons text[];
BEGIN
  p := frontrunner.plan_row(frontrunner.plan_id(plan_code));
  SELECT array_agg(c.indicator ORDER BY c.k), array_agg(c.direction ORDER BY c.k), array_agg(c.unit ORDER BY c.k)
    INTO keys, dirs, units
  FROM frontrunner.plan_core_indicators(p.id) c;
  -- plan option exclude_open_findings: the latest open finding of each
  -- enterprise at the deadline (finding_exclusions(), a few), as constants
  IF p.exclude_open_findings THEN
    SELECT array_agg(x.enterprise ORDER BY x.enterprise),
           array_agg(format('enterprise excluded: open finding %s (campaign %s, disclosure %s, item %s) found on %s, rectification deadline %s, %s at the deadline',
                            x.finding, x.campaign, x.disclosure, x.item, x.found_on, x.deadline, x.follow_up) ORDER BY x.enterprise)
      INTO fx_enterprises, fx_reasons
    FROM (SELECT DISTINCT ON (y.enterprise) y.*
          FROM frontrunner.finding_exclusions(p.deadline, p.exclusion_days) y
          ORDER BY y.enterprise, y.found_on DESC, y.finding DESC) x;
  END IF;
  -- the reasons, in this order: status, published after the deadline, core
  -- indicators not disclosed, core indicators without a level, the
  -- enterprise excluded (rule 6; an open finding, plan option
  -- exclude_open_findings).  Per disclosure and per enterprise, every
  -- join on the tenant: on a distributed registry it all runs on the shards.
  RETURN QUERY
  SELECT r.id, r.reasons IS NULL, r.reasons
  FROM (
  SELECT d.id,
         nullif(concat_ws('; ',
           CASE WHEN d.status <> 'published' THEN 'status ' || d.status END,
           CASE WHEN d.published_at > p.deadline
                THEN format('published %s, after the deadline %s', d.published_at, p.deadline) END,
           k.missing, k.unlevelled, e.excluded, f.excluded), '') AS reasons
  FROM frontrunner.disclosure d
  LEFT JOIN (
    -- the core indicators of each disclosure of the category
    SELECT x.enterprise, x.id,
           'core indicator(s) not disclosed: '
             || string_agg(pi.indicator, ', ' ORDER BY pi.indicator) FILTER (WHERE di.indicator IS NULL) AS missing,
           string_agg(format('%s: %s has no level in %s (%s)', pi.indicator, di.requirement,
                             quote_literal(pi.u), pi.direction), ', ' ORDER BY pi.indicator)
             FILTER (WHERE di.indicator IS NOT NULL AND pi.u IS NOT NULL
                       AND (NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(di.requirement), pi.u), pi.u)
                            OR frontrunner.level(di.requirement, pi.direction, pi.u) IS NULL)) AS unlevelled
    FROM frontrunner.disclosure x
    CROSS JOIN ROWS FROM (pg_catalog.unnest(keys), pg_catalog.unnest(dirs), pg_catalog.unnest(units)) pi(indicator, direction, u)
    LEFT JOIN frontrunner.disclosed_indicator di
      ON di.enterprise OPERATOR(frontrunner.=) x.enterprise AND di.disclosure = x.id AND di.indicator = pi.indicator
    WHERE x.category = p.category
    GROUP BY x.enterprise, x.id
  ) k ON k.enterprise OPERATOR(frontrunner.=) d.enterprise AND k.id = d.id
  LEFT JOIN (
    -- the latest failing spot check that excludes each enterprise at the deadline
    SELECT DISTINCT ON (x.enterprise) x.enterprise,
           format('enterprise excluded: failing spot check %s of disclosure %s (%s) sampled on %s excludes it until %s',
                  x.id, x.disclosure, x.indicator, x.sampled_on, x.sampled_on + p.exclusion_days) AS excluded
    FROM frontrunner.spot_check x
    WHERE NOT x.conforms
      AND p.deadline >= x.sampled_on::timestamptz
      AND p.deadline < (x.sampled_on + p.exclusion_days)::timestamptz
    ORDER BY x.enterprise, x.sampled_on DESC, x.id DESC
  ) e ON e.enterprise OPERATOR(frontrunner.=) d.enterprise
  LEFT JOIN ROWS FROM (pg_catalog.unnest(fx_enterprises), pg_catalog.unnest(fx_reasons)) f(enterprise, excluded)
    ON f.enterprise OPERATOR(frontrunner.=) d.enterprise
  WHERE d.category = p.category
  ) r
  ORDER BY r.id;
END
$$;
COMMENT ON FUNCTION @extschema@.eligibility(text) IS
  '§5 step 1 for every disclosure of the plan''s category: eligible, or why not (status, published after the deadline, core indicators not disclosed, no level in the plan''s unit/direction, enterprise excluded by a failing spot check — rule 6 — or, when the plan sets exclude_open_findings, by an open inspection finding); reasons joined by "; "';

CREATE OR REPLACE FUNCTION @extschema@.rank_plan_query(plan_code text) RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  pid bigint := frontrunner.plan_id(plan_code);
  core text := frontrunner.ranking_query(pid);
  keys_a text[];
  units_a text[];
  lcols text;
  tcols text;
  pcols text;
  levels text;
  r record;
BEGIN
  SELECT array_agg(c.indicator ORDER BY c.k), array_agg(c.unit ORDER BY c.k),
         string_agg(format('f.l%s', c.k), ', ' ORDER BY c.k),
         string_agg(format('f.t%s', c.k), ', ' ORDER BY c.k),
         string_agg(format('f.p%s', c.k), ', ' ORDER BY c.k)
  INTO keys_a, units_a, lcols, tcols, pcols
  FROM frontrunner.plan_core_indicators(pid) c;
  levels := format('frontrunner.levels_json(%L::text[], %L::text[], ARRAY[%s], ARRAY[%s], ARRAY[%s], f.n)',
                   keys_a, units_a, lcols, tcols, pcols);
  -- rule 8: "verifiable" (true or false) in the object of each indicator
  -- whose claim was judged (ranking_query()'s vk: the indicators with limits
  -- in test_method_limit, read in the same snapshot); left out when not judged
  FOR r IN SELECT c.k, c.indicator FROM frontrunner.plan_core_indicators(pid) c
           WHERE EXISTS (SELECT FROM frontrunner.test_method_limit l WHERE l.analyte = c.indicator) ORDER BY c.k LOOP
    levels := format('pg_catalog.jsonb_set_lax(%s, %L::text[], pg_catalog.to_jsonb(f.v%s), true, %L)',
                     levels, ARRAY[r.indicator, 'verifiable'], r.k, 'return_target');
  END LOOP;
  RETURN format($q$
SELECT f.rank, f.id AS disclosure, f.enterprise, f.enterprise_name, f.standard, f.tier, f.score,
       %2$s AS levels
FROM (%1$s) f
ORDER BY f.tier, f.key DESC, f.published_at, f.id
$q$, core, levels);
END
$$;
COMMENT ON FUNCTION @extschema@.rank_plan_query(text) IS
  'the SQL text of rank_plan(plan_code): its columns, in its order (ranking_query() with the levels JSON, "verifiable" added for the indicators whose claims were judged under rule 8); for EXPLAIN, and run by rank_plan() and rank_plan_cursor()';

COMMENT ON FUNCTION @extschema@.rank_plan(text) IS
  '§5, computed live: the eligible disclosures of the plan in order (tier, score descending, published_at, id) with rank, tier after the leader cap, score 0-100 and per core indicator {level, unit, tier, standing} in levels (and "verifiable" where the method''s limits are recorded: rule 8); reports its start and end (frontrunner.progress); rank_plan_cursor() streams the same rows';

CREATE OR REPLACE VIEW @extschema@.district_report AS
WITH ent AS (
  SELECT e.uscc, coalesce(e.region, @extschema@.uscc_region(e.uscc)) AS division
  FROM @extschema@.enterprise e
), cur AS (
  SELECT d.id, d.enterprise, d.category, d.standard FROM @extschema@.disclosure d WHERE d.status = 'published'
), floor_ind AS (
  -- a current disclosed indicator with an in-force mandatory requirement: stricter than all of them?
  SELECT di.disclosure, bool_and(@extschema@.compare(di.requirement, f.requirement) = 'stricter') AS stricter
  FROM cur
  JOIN @extschema@.disclosed_indicator di ON di.enterprise OPERATOR(@extschema@.=) cur.enterprise AND di.disclosure = cur.id
  JOIN @extschema@.requirement_in_force_typed f ON f.category = cur.category AND f.indicator = di.indicator AND f.nature = 'mandatory'
  GROUP BY di.disclosure, di.indicator
), per_cur AS (
  SELECT cur.enterprise,
         count(*) AS disclosures,
         count(*) FILTER (WHERE @extschema@.std_kind(cur.standard) = 'enterprise') AS own_standard,
         count(*) FILTER (WHERE fl.disclosure IS NOT NULL) AS floor_compared,
         count(*) FILTER (WHERE fl.stricter) AS floor_stricter
  FROM cur
  LEFT JOIN (SELECT x.disclosure, bool_or(x.stricter) AS stricter FROM floor_ind x GROUP BY x.disclosure) fl
    ON fl.disclosure = cur.id
  GROUP BY cur.enterprise
), per_lead AS (
  SELECT e.enterprise,
         count(*) FILTER (WHERE e.revoked_at IS NULL) AS leaders,
         count(*) FILTER (WHERE e.revoked_at IS NOT NULL) AS revoked
  FROM @extschema@.ranking r
  JOIN @extschema@.evaluation_plan p ON p.id = r.plan AND p.status = 'published'
  JOIN @extschema@.ranking_entry e ON e.ranking = r.id AND e.tier = 'leader'
  WHERE r.id = (SELECT max(r2.id) FROM @extschema@.ranking r2 WHERE r2.plan = r.plan)
  GROUP BY e.enterprise
), per_check AS (
  SELECT c.enterprise, count(*) AS failing
  FROM @extschema@.spot_check c
  WHERE NOT c.conforms
  GROUP BY c.enterprise
), per_feedback AS (
  SELECT f.enterprise, f.open FROM @extschema@.open_feedback() f
), per_finding AS (
  SELECT f.enterprise, f.findings, f.open_findings, f.unrectified_findings FROM @extschema@.finding_counts() f
)
SELECT ent.division,
       @extschema@.division_name(ent.division) AS division_name,
       count(*) AS enterprises,
       coalesce(sum(pc.disclosures), 0)::bigint AS current_disclosures,
       coalesce(sum(pc.own_standard), 0)::bigint AS own_standard_disclosures,
       coalesce(sum(pc.floor_compared), 0)::bigint AS floor_compared,
       coalesce(sum(pc.floor_stricter), 0)::bigint AS stricter_than_floor,
       round(sum(pc.floor_stricter) / nullif(sum(pc.floor_compared), 0), 4) AS stricter_share,
       coalesce(sum(pl.leaders), 0)::bigint AS leaders,
       coalesce(sum(pl.revoked), 0)::bigint AS revoked_leaders,
       coalesce(sum(ck.failing), 0)::bigint AS failing_spot_checks,
       coalesce(sum(fb.open), 0)::bigint AS open_feedback,
       -- 0.2.0 (issue 20), after the 0.1.0 columns
       coalesce(sum(fi.findings), 0)::bigint AS inspection_findings,
       coalesce(sum(fi.open_findings), 0)::bigint AS open_findings,
       coalesce(sum(fi.unrectified_findings), 0)::bigint AS unrectified_findings
FROM ent
LEFT JOIN per_cur pc ON pc.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_lead pl ON pl.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_check ck ON ck.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_feedback fb ON fb.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_finding fi ON fi.enterprise OPERATOR(@extschema@.=) ent.uscc
GROUP BY ent.division;
COMMENT ON VIEW @extschema@.district_report IS
  'district-level quality assessment: per administrative division (enterprise.region, else the USCC''s division code) the enterprises, current disclosures, own-standard disclosures, how many are stricter than the mandatory floor, current and revoked leaders, failing spot checks, open reports and the findings of published inspection campaigns (plain column types)';
COMMENT ON COLUMN @extschema@.district_report.division IS 'administrative division code (GB/T 2260, 6 digits): enterprise.region, else positions 3-8 of the USCC';
COMMENT ON COLUMN @extschema@.district_report.division_name IS 'name of the division for the bundled codes (Beijing''s 16 districts), else NULL';
COMMENT ON COLUMN @extschema@.district_report.enterprises IS 'enterprises registered in the division (table enterprise)';
COMMENT ON COLUMN @extschema@.district_report.current_disclosures IS 'disclosures of those enterprises with status published (current: not withdrawn, not superseded)';
COMMENT ON COLUMN @extschema@.district_report.own_standard_disclosures IS 'current disclosures executing an enterprise standard of their own (std_kind = enterprise, Q/ numbers)';
COMMENT ON COLUMN @extschema@.district_report.floor_compared IS 'current disclosures with at least one disclosed indicator that an in-force mandatory standard also sets (the mandatory floor)';
COMMENT ON COLUMN @extschema@.district_report.stricter_than_floor IS 'of floor_compared, disclosures strictly stricter (compare() = stricter) than every in-force mandatory requirement of at least one such indicator, by any margin';
COMMENT ON COLUMN @extschema@.district_report.stricter_share IS 'stricter_than_floor / floor_compared, rounded to 4 decimals; NULL when floor_compared is 0';
COMMENT ON COLUMN @extschema@.district_report.leaders IS 'leader entries, not revoked, of the enterprises in the latest published list of every published (not closed) plan';
COMMENT ON COLUMN @extschema@.district_report.revoked_leaders IS 'leader entries of those lists that were revoked';
COMMENT ON COLUMN @extschema@.district_report.failing_spot_checks IS 'spot checks of the enterprises'' disclosures that did not conform (all time)';
COMMENT ON COLUMN @extschema@.district_report.open_feedback IS 'reports about the enterprises not decided yet (received or under_review)';
COMMENT ON COLUMN @extschema@.district_report.inspection_findings IS 'findings on the enterprises in published inspection campaigns (all time; finding_counts())';
COMMENT ON COLUMN @extschema@.district_report.open_findings IS 'of those, findings not rectified: follow-up pending or not_rectified';
COMMENT ON COLUMN @extschema@.district_report.unrectified_findings IS 'of those, findings whose rectification deadline passed without a rectified follow-up: not_rectified, or still pending after the deadline';



-- issue 15 (follow-up): the inspection triggers stamp with clock(), the
-- distributed transaction's stamp on Citus (each node's now() is its own) ----------
CREATE OR REPLACE FUNCTION @extschema@.inspection_campaign_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  moving text[] := '{status,population,drawn_at,published_at}';
  editable text[] := '{title,authority,category,district,sample_size,sample_fraction,inspectors,team_size}';
  changed text;
  open_items text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'planned' OR NEW.population IS NOT NULL OR NEW.drawn_at IS NOT NULL OR NEW.published_at IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: campaign %s is created planned', NEW.code),
        format('Campaign %s was inserted with status %s%s.', NEW.code, NEW.status,
               CASE WHEN NEW.population IS NOT NULL OR NEW.drawn_at IS NOT NULL THEN ' and a draw' ELSE '' END),
        'Leave status, population, drawn_at and published_at out: draw_campaign() draws, UPDATE … SET status = ''published'' publishes.',
        'inspection_campaign', 'status');
    END IF;
    NEW.created_by := current_user;
    NEW.created_at := frontrunner.clock();
  ELSE
    SELECT string_agg(n.k, ', ' ORDER BY n.k) INTO changed
    FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
    WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k
      AND NOT (n.k = ANY (moving)) AND (OLD.status <> 'planned' OR NOT (n.k = ANY (editable)));
    IF changed IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: %s of campaign %s cannot be changed', changed, OLD.code),
        format('Campaign %s (status %s): UPDATE of %s refused.', OLD.code, OLD.status, changed),
        CASE WHEN OLD.status = 'planned'
             THEN 'The seed, the creator and the creation time are recorded once; the scope, size and inspectors change while the campaign is planned.'
             ELSE 'A drawn campaign is frozen: its scope, size, inspectors and seed are those of its draw.' END,
        'inspection_campaign', NULL);
    END IF;
    IF NEW.status = OLD.status THEN
      IF NEW.population IS DISTINCT FROM OLD.population OR NEW.drawn_at IS DISTINCT FROM OLD.drawn_at
         OR NEW.published_at IS DISTINCT FROM OLD.published_at THEN
        PERFORM frontrunner.raise_violation('FR010',
          format('inspection campaign: the draw and the publication of campaign %s are set by the database', OLD.code),
          format('Campaign %s (status %s): population, drawn_at or published_at written.', OLD.code, OLD.status),
          'Draw with draw_campaign(code); publish with UPDATE … SET status = ''published''.', 'inspection_campaign', NULL);
      END IF;
    ELSIF OLD.status = 'planned' AND NEW.status = 'drawn' THEN
      IF frontrunner.citus_distributed() THEN
        -- the draw reads every shard's published disclosures and writes the
        -- drawn ones' shards from this trigger, which fires on every node's
        -- copy of the reference table: not on Citus (README "Scaling out")
        PERFORM frontrunner.raise_violation('0A000',
          format('inspection campaign: campaign %s cannot be drawn on a distributed registry', OLD.code),
          format('Campaign %s (status planned): the draw (population, sample, pre-filled items) runs on one node only; this registry is distributed with Citus.', OLD.code),
          'Draw the campaign on a registry on one node (README "Scaling out", limitations).', 'inspection_campaign', 'status');
      END IF;
      NEW.population := frontrunner.campaign_population(NEW);
      NEW.drawn_at := frontrunner.clock();
      NEW.published_at := NULL;
    ELSIF OLD.status = 'drawn' AND NEW.status = 'published' THEN
      SELECT string_agg(format('%s %s', r.disclosure, r.item), ', ' ORDER BY r.disclosure, r.item) INTO open_items
      FROM frontrunner.inspection_result r
      WHERE r.campaign = OLD.id AND (r.recorded_by IS NULL OR r.outcome = 'not_judged');
      IF open_items IS NOT NULL THEN
        PERFORM frontrunner.raise_violation('FR010',
          format('inspection campaign: campaign %s has results no inspector has recorded', OLD.code),
          format('Items not recorded (or not judged) by an inspector: %s.', left(open_items, 900)),
          'The inspectors drawn for each disclosure confirm or correct every pre-filled item (UPDATE inspection_result SET outcome = …), then the results are published.',
          'inspection_result', 'recorded_by');
      END IF;
      NEW.population := OLD.population;
      NEW.drawn_at := OLD.drawn_at;
      NEW.published_at := frontrunner.clock();
    ELSE
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: campaign %s cannot go from %s to %s', OLD.code, OLD.status, NEW.status),
        format('Campaign %s: status %s → %s.', OLD.code, OLD.status, NEW.status),
        'A campaign goes planned → drawn (draw_campaign()) → published; a draw is made once and results stay published.',
        'inspection_campaign', 'status');
    END IF;
  END IF;
  IF cardinality(NEW.inspectors) IS NULL OR cardinality(NEW.inspectors) < NEW.team_size
     OR EXISTS (SELECT FROM unnest(NEW.inspectors) i(n) WHERE coalesce(btrim(i.n), '') = '')
     OR (SELECT count(DISTINCT i.n) FROM unnest(NEW.inspectors) i(n)) <> cardinality(NEW.inspectors) THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the inspector pool of campaign %s needs at least %s distinct names', NEW.code, NEW.team_size),
      format('Inspectors: %s; team size %s.', coalesce(array_to_string(NEW.inspectors, ', ', '(NULL)'), 'none'), NEW.team_size),
      'List the login roles of at least team_size different inspectors, no blank or repeated name.',
      'inspection_campaign', 'inspectors');
  END IF;
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.inspection_result_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  c frontrunner.inspection_campaign;
  team text;
  who name := frontrunner.invoker();
BEGIN
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.id = OLD.campaign;
  IF (pg_catalog.to_jsonb(NEW) - '{outcome,detail,recorded_by,recorded_at}'::text[])
     <> (pg_catalog.to_jsonb(OLD) - '{outcome,detail,recorded_by,recorded_at}'::text[]) THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: only the outcome and detail of an inspection item are recorded'),
      format('Campaign %s, disclosure %s, item %s: UPDATE of other columns refused.', c.code, OLD.disclosure, OLD.item),
      'UPDATE inspection_result SET outcome = …, detail = … WHERE campaign = … AND disclosure = … AND item = ….',
      'inspection_result', NULL);
  END IF;
  IF c.status <> 'drawn' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the results of campaign %s are published', c.code),
      format('Campaign %s (status %s), disclosure %s, item %s.', c.code, c.status, OLD.disclosure, OLD.item),
      'Published results stay as published; a finding''s follow-up is recorded in inspection_finding.',
      'inspection_result', 'outcome');
  END IF;
  SELECT string_agg(r.inspector, ', ' ORDER BY r.team_rank) INTO team
  FROM frontrunner.inspection_draw r WHERE r.campaign = OLD.campaign AND r.disclosure = OLD.disclosure;
  PERFORM FROM frontrunner.inspection_draw r
  WHERE r.campaign = OLD.campaign AND r.disclosure = OLD.disclosure AND r.inspector = who::text;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'permission denied: % was not drawn to inspect disclosure % in campaign %', who, OLD.disclosure, c.code
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('The inspectors drawn for disclosure %s are %s.', OLD.disclosure, team),
            HINT = 'Results are recorded by the inspectors the draw assigned (inspection_draw), as themselves.',
            TABLE = 'inspection_result';
  END IF;
  IF NEW.outcome = 'not_judged' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: an inspector records conforms or nonconforming'),
      format('Campaign %s, disclosure %s, item %s: outcome not_judged.', c.code, OLD.disclosure, OLD.item),
      'Judge the item: conforms or nonconforming (with the detail found).', 'inspection_result', 'outcome');
  END IF;
  NEW.recorded_by := who;
  NEW.recorded_at := frontrunner.clock();
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.inspection_finding_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  c frontrunner.inspection_campaign;
  r record;
BEGIN
  IF NEW.campaign IS NULL OR NEW.disclosure IS NULL OR NEW.item IS NULL THEN
    RETURN NEW;  -- the NOT NULL constraint names the key (23502)
  END IF;
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.id = NEW.campaign;
  IF TG_OP = 'INSERT' THEN
    SELECT x.outcome INTO r FROM frontrunner.inspection_result x
    WHERE x.campaign = NEW.campaign AND x.disclosure = NEW.disclosure AND x.item = NEW.item
      AND x.enterprise OPERATOR(frontrunner.=) NEW.enterprise;
    IF NOT FOUND OR r.outcome <> 'nonconforming' THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: item %s of disclosure %s is not nonconforming in campaign %s', NEW.item, NEW.disclosure, coalesce(c.code, NEW.campaign::text)),
        format('Campaign %s, disclosure %s, item %s: %s.', coalesce(c.code, NEW.campaign::text), NEW.disclosure, NEW.item,
               coalesce('outcome ' || r.outcome, 'no such inspection result')),
        'A finding is recorded on an item of a drawn disclosure that was found nonconforming (inspection_result).',
        'inspection_finding', 'item');
    END IF;
    IF NEW.deadline <= CURRENT_DATE THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: the rectification deadline %s is not after today', NEW.deadline),
        format('Finding on disclosure %s, item %s: deadline %s, today %s.', NEW.disclosure, NEW.item, NEW.deadline, CURRENT_DATE),
        'Give the enterprise a deadline after today (责令限期改正).', 'inspection_finding', 'deadline');
    END IF;
    IF NEW.follow_up <> 'pending' OR NEW.follow_up_note IS NOT NULL OR NEW.followed_up_at IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        'inspection campaign: a finding is recorded with its follow-up pending',
        format('Finding on disclosure %s, item %s: follow_up %s.', NEW.disclosure, NEW.item, NEW.follow_up),
        'Leave follow_up, follow_up_note and followed_up_at out; record the follow-up once it is made.',
        'inspection_finding', 'follow_up');
    END IF;
    NEW.found_by := current_user;
    NEW.found_at := frontrunner.clock();
    RETURN NEW;
  END IF;
  IF (pg_catalog.to_jsonb(NEW) - '{follow_up,follow_up_note,followed_up_at}'::text[])
     <> (pg_catalog.to_jsonb(OLD) - '{follow_up,follow_up_note,followed_up_at}'::text[])
     OR OLD.follow_up <> 'pending' OR NEW.follow_up = 'pending' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: finding %s only gets its follow-up, once', OLD.id),
      format('Finding %s (follow_up %s): UPDATE to follow_up %s%s.', OLD.id, OLD.follow_up, NEW.follow_up,
             CASE WHEN (pg_catalog.to_jsonb(NEW) - '{follow_up,follow_up_note,followed_up_at}'::text[])
                       <> (pg_catalog.to_jsonb(OLD) - '{follow_up,follow_up_note,followed_up_at}'::text[])
                  THEN ' with other columns changed' ELSE '' END),
      'UPDATE inspection_finding SET follow_up = ''rectified'' (or ''not_rectified''), follow_up_note = … once, while it is pending.',
      'inspection_finding', 'follow_up');
  END IF;
  IF coalesce(btrim(NEW.follow_up_note), '') = '' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the follow-up of finding %s needs a note', OLD.id),
      format('Finding %s: follow_up %s with follow_up_note %L.', OLD.id, NEW.follow_up, NEW.follow_up_note),
      'Say what the follow-up inspection found in follow_up_note.', 'inspection_finding', 'follow_up_note');
  END IF;
  NEW.followed_up_at := frontrunner.clock();
  RETURN NEW;
END
$$;

-- issue 22: publication through the rules near plain INSERT ------------------
-- The row triggers of disclosure in C for the rows that need only their
-- clocks (src/registry_trigger.c; every other row goes to the PL/pgSQL
-- functions as before); rule 8's trigger entered only where the database
-- refuses unverifiable claims; plans made once per session for a few rows
-- on one node; the floors of the rows' categories only; no lock on the
-- disclosures the transaction itself wrote.

CREATE OR REPLACE FUNCTION @extschema@.disclosure_row() RETURNS trigger
  AS 'MODULE_PATHNAME', 'fr_disclosure_row' LANGUAGE C;
COMMENT ON FUNCTION @extschema@.disclosure_row() IS
  'row trigger of disclosure (BEFORE INSERT, UPDATE, DELETE): a draft inserted, edited, published with no supersedes or deleted gets its clock columns (published_at cleared or stamped with clock(), withdrawn_at cleared) without entering PL/pgSQL; every other row is checked by disclosure_before_insert(), disclosure_before_update() or disclosure_before_delete(), called with the same trigger data';

REVOKE EXECUTE ON FUNCTION @extschema@.disclosure_row() FROM PUBLIC;

DROP TRIGGER disclosure_10_insert ON @extschema@.disclosure;
CREATE TRIGGER disclosure_10_insert BEFORE INSERT ON @extschema@.disclosure
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.disclosure'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.disclosure_row();

DROP TRIGGER disclosure_10_update ON @extschema@.disclosure;
CREATE TRIGGER disclosure_10_update BEFORE UPDATE ON @extschema@.disclosure
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosure_row();

DROP TRIGGER disclosure_10_delete ON @extschema@.disclosure;
CREATE TRIGGER disclosure_10_delete BEFORE DELETE ON @extschema@.disclosure
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosure_row();

DROP TRIGGER disclosure_60_verifiable ON @extschema@.disclosure;
CREATE TRIGGER disclosure_60_verifiable BEFORE UPDATE OF status ON @extschema@.disclosure
  FOR EACH ROW WHEN (NEW.status = 'published' AND OLD.status = 'draft'
                     AND coalesce(pg_catalog.current_setting('frontrunner.unverifiable_claims', true), 'flag') <> 'flag')
  EXECUTE FUNCTION @extschema@.disclosure_verifiable_check();

CREATE OR REPLACE FUNCTION @extschema@.indicator_violations(rows @extschema@.disclosed_indicator[], publication boolean)
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

CREATE OR REPLACE FUNCTION @extschema@.disclosure_violations(ids bigint[], tenants @extschema@.uscc[])
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

CREATE OR REPLACE FUNCTION @extschema@.disclosure_publication_check(ids bigint[], tenants @extschema@.uscc[])
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  v record;
BEGIN
  -- A few disclosures on one node (one at a time): first whether any of them
  -- breaks a rule of publication at all (what disclosure_violations()
  -- checks, without composing its messages); only then does it say which,
  -- and how.
  IF tenants IS NULL AND pg_catalog.cardinality(ids) <= 20 THEN
    PERFORM pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true);
    IF NOT EXISTS (
         SELECT FROM frontrunner.disclosure d
         WHERE d.id = ANY (ids)
           AND ((frontrunner.std_kind(d.standard) = 'enterprise'
                 AND (frontrunner.std_year(d.standard) IS NULL
                      OR frontrunner.std_year(d.standard) > extract(year FROM CURRENT_DATE)
                      OR EXISTS (SELECT FROM frontrunner.indicator_def x
                                 WHERE x.category = d.category AND x.required
                                   AND NOT EXISTS (SELECT FROM frontrunner.disclosed_indicator i
                                                   WHERE i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = d.id
                                                     AND i.indicator = x.key AND i.test_method IS NOT NULL))))
                OR EXISTS (SELECT FROM frontrunner.standard s
                           WHERE s.code OPERATOR(frontrunner.=) d.standard AND s.withdrawn_on <= CURRENT_DATE)
                OR EXISTS (SELECT FROM frontrunner.disclosed_indicator i
                           WHERE i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = d.id
                             AND (NOT EXISTS (SELECT FROM frontrunner.indicator_def x
                                              WHERE x.category = d.category AND x.key = i.indicator)
                                  OR EXISTS (SELECT FROM frontrunner.requirement_in_force_typed f
                                             WHERE f.category = d.category AND f.indicator = i.indicator
                                               AND (f.nature = 'mandatory'
                                                    OR (f.nature = 'recommended' AND f.kind IN ('national', 'industry')
                                                        AND coalesce(btrim(d.below_recommended_statement), '') = ''))
                                               AND frontrunner.compare(i.requirement, f.requirement) NOT IN ('stricter', 'equal')))))) THEN
      RETURN;
    END IF;
  END IF;
  SELECT * INTO v FROM frontrunner.disclosure_violations(ids, tenants) LIMIT 1;
  IF FOUND THEN
    PERFORM frontrunner.raise_violation(v.sqlstate, v.message, v.detail, v.hint, v.table_name, v.column_name);
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_publication_check(bigint[], @extschema@.uscc[]) IS
  'disclosure_publication_check(ids) of the disclosures of these enterprises (tenants; NULL: any), as the publication rule runs it';

CREATE OR REPLACE FUNCTION @extschema@.indicator_entry_check(written @extschema@.disclosed_indicator[],
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
    -- A few rows: first whether any row breaks a rule of data entry at all
    -- (what indicator_violations(written, false) checks, without composing
    -- its messages); only then does it say which, and how.
    IF few AND NOT EXISTS (
         SELECT FROM pg_catalog.unnest(written) r
         JOIN frontrunner.disclosure d ON d.id = r.disclosure
         WHERE d.status <> 'draft'
            OR NOT EXISTS (SELECT FROM frontrunner.indicator_def x WHERE x.category = d.category AND x.key = r.indicator)
            OR EXISTS (SELECT FROM frontrunner.requirement_in_force_typed f
                       WHERE f.category = d.category AND f.indicator = r.indicator AND f.nature = 'mandatory'
                         AND frontrunner.compare(r.requirement, f.requirement) NOT IN ('stricter', 'equal'))) THEN
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

CREATE OR REPLACE FUNCTION @extschema@.disclosure_after_statement() RETURNS trigger
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
COMMENT ON FUNCTION @extschema@.disclosure_after_statement() IS
  'statement trigger: records every state change in disclosure_event (from the transition tables); publishing a new version marks the one it supersedes as superseded, in the same transaction';

ALTER FUNCTION @extschema@.disclosure_after_statement() SECURITY DEFINER;

-- issue 22: the statement triggers in C ------------------------------------------
-- disclosure_after_statement() and disclosed_indicator_insert_check() in C
-- (src/registry_trigger.c): on one node the history of an INSERT, a DELETE or
-- a publication without supersedes is written from the transition table by a
-- plan kept per backend, and the publication and data-entry checks ask the
-- lean pre-checks first (disclosure_publication_suspect(),
-- indicator_entry_suspect(), C, plans kept per backend, also used by
-- disclosure_publication_check() and indicator_entry_check()); every other
-- statement, and every statement on Citus, goes to the PL/pgSQL rules as
-- before (disclosure_after_statement_general() is 0.2.0's
-- disclosure_after_statement()).  invoker(), the default of the history's
-- by_user, in C.

CREATE OR REPLACE FUNCTION @extschema@.invoker() RETURNS name
  AS 'MODULE_PATHNAME', 'fr_invoker' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.invoker() IS
  'the role the session acts as (SET ROLE, else the session user): current_user as seen from outside any SECURITY DEFINER function; used by the SECURITY DEFINER functions of the extension to know their caller';

-- the lean pre-checks (src/registry_trigger.c: plans kept per backend) -------------
-- Whether any of the rows may break a rule, without composing a message:
-- false is final, true sends the rows to the rules, which say which rule and
-- how.  Their queries repeat the predicates of disclosure_violations() and
-- indicator_violations() (commented at both places): a change to a rule
-- changes both.
CREATE OR REPLACE FUNCTION @extschema@.disclosure_publication_suspect(ids bigint[]) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_disclosure_publication_suspect'
  LANGUAGE C STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.disclosure_publication_suspect(bigint[]) IS
  'false when none of these disclosures breaks a rule of publication (what disclosure_violations() checks: rules 1-4, 23503), true when one may: the lean pre-check of disclosure_publication_check() and of the publication trigger, without composing messages';

CREATE OR REPLACE FUNCTION @extschema@.indicator_entry_suspect(rows @extschema@.disclosed_indicator[]) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_entry_suspect'
  LANGUAGE C STABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.indicator_entry_suspect(@extschema@.disclosed_indicator[]) IS
  'false when none of these indicator rows breaks a rule of data entry (what indicator_violations(rows, false) checks: a draft, rule 5; defined for the category, 23503; the mandatory floor, rule 3), true when one may: the lean pre-check of indicator_entry_check() and of the insert trigger, without composing messages';

CREATE OR REPLACE FUNCTION @extschema@.disclosure_publication_check(ids bigint[], tenants @extschema@.uscc[])
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

CREATE OR REPLACE FUNCTION @extschema@.disclosure_after_statement_general() RETURNS trigger
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
CREATE OR REPLACE FUNCTION @extschema@.disclosure_after_statement() RETURNS trigger
  AS 'MODULE_PATHNAME', 'fr_disclosure_after_statement' LANGUAGE C
  SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.disclosure_after_statement() IS
  'statement trigger: records every state change in disclosure_event (from the transition tables); publishing checks rules 1-4 over the disclosures published and a new version marks the one it supersedes as superseded, in the same transaction (in C for inserts, deletes and publications without supersedes on one node; else disclosure_after_statement_general())';
ALTER FUNCTION @extschema@.disclosure_after_statement() SECURITY DEFINER;

CREATE OR REPLACE FUNCTION @extschema@.indicator_entry_check(written @extschema@.disclosed_indicator[],
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

-- (in C: the lock and the pre-check for up to 100 rows on one node, then
-- indicator_entry_check() only when a violation is suspected; more rows, or a
-- Citus cluster: indicator_entry_check(); src/registry_trigger.c)
CREATE OR REPLACE FUNCTION @extschema@.disclosed_indicator_insert_check() RETURNS trigger
  AS 'MODULE_PATHNAME', 'fr_disclosed_indicator_insert_check' LANGUAGE C
  SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.disclosed_indicator_insert_check() IS
  'statement trigger: the inserted indicators checked by indicator_entry_check() as at data entry: only into drafts (rule 5, the drafts locked against a concurrent publication), defined for the category (23503), at least as strict as the mandatory floor (rule 3)';

REVOKE EXECUTE ON FUNCTION @extschema@.disclosure_after_statement() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.disclosure_after_statement_general() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.disclosure_publication_suspect(bigint[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.indicator_entry_suspect(@extschema@.disclosed_indicator[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.disclosed_indicator_insert_check() FROM PUBLIC;

-- issue 15 (follow-up): inspection campaigns on a distributed registry --------
-- A campaign is drawn on Citus as on one node: draw_campaign() calls
-- campaign_store_draw() (SECURITY DEFINER), which reads the population on
-- the coordinator, writes it into every node's copy of the campaign and
-- stores the draw and the pre-filled items on the shards; the trigger of
-- the campaign takes a population only from the owner there (UPDATE … SET
-- status = 'drawn' is 0A000 on Citus) and checks the unrecorded results of
-- a publication on each node's own shards; campaign_population() and
-- inspection_prefill() in PL/pgSQL (Citus plans no SQL function's
-- parameters); reference_report, claim_verifiability and campaign_report
-- join a disclosure's rows on (enterprise, id); standard_current() reads
-- standard inside shard queries; a method_limits plan ranks with the
-- methods' limits as constants of the query (ranking_query()).

CREATE OR REPLACE FUNCTION @extschema@.standard_current(code @extschema@.stdcode) RETURNS @extschema@.stdcode
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
DECLARE
  cur frontrunner.stdcode := code;
  nxt frontrunner.stdcode;
BEGIN
  -- (PL/pgSQL, and nested execution allowed: on a distributed registry
  -- reference_report calls it inside the shard queries, where it reads
  -- standard, a reference table with a copy on every node)
  -- follow replaced_by to the end of the chain (at most 100 steps: a chain
  -- that loops ends where the steps run out)
  FOR step IN 1 .. 100 LOOP
    SELECT s.replaced_by INTO nxt FROM frontrunner.standard s WHERE s.code OPERATOR(frontrunner.=) cur;
    EXIT WHEN nxt IS NULL;
    cur := nxt;
  END LOOP;
  RETURN cur;
END
$$;
COMMENT ON FUNCTION @extschema@.standard_current(@extschema@.stdcode) IS
  'the standard that replaces code today: replaced_by followed to the end of the chain (code itself when nothing replaced it or it is not in table standard)';

CREATE OR REPLACE VIEW @extschema@.reference_report AS
-- (one query per kind of reference, each joining a disclosure's rows on
-- (enterprise, id): on a distributed registry each runs on the shards)
SELECT d.id AS disclosure, d.enterprise::text AS enterprise, d.category, d.product,
       'executed standard' AS reference_kind, NULL::text AS indicator, d.standard::text AS reference,
       CASE WHEN s.withdrawn_on <= CURRENT_DATE THEN 'withdrawn' ELSE 'replaced' END AS state,
       s.withdrawn_on, s.replaced_by::text AS replaced_by, s.replaced_on,
       @extschema@.standard_current(s.code)::text AS current_edition
FROM @extschema@.disclosure d
JOIN @extschema@.standard s ON s.code OPERATOR(@extschema@.=) d.standard
WHERE d.status = 'published' AND (s.withdrawn_on <= CURRENT_DATE OR s.replaced_by IS NOT NULL)
UNION ALL
SELECT d.id, d.enterprise::text, d.category, d.product, 'test method', i.indicator, i.test_method::text,
       CASE WHEN s.withdrawn_on <= CURRENT_DATE THEN 'withdrawn' ELSE 'replaced' END,
       s.withdrawn_on, s.replaced_by::text, s.replaced_on, @extschema@.standard_current(s.code)::text
FROM @extschema@.disclosure d
JOIN @extschema@.disclosed_indicator i ON i.enterprise OPERATOR(@extschema@.=) d.enterprise AND i.disclosure = d.id
JOIN @extschema@.standard s ON s.code OPERATOR(@extschema@.=) i.test_method
WHERE d.status = 'published' AND (s.withdrawn_on <= CURRENT_DATE OR s.replaced_by IS NOT NULL);
COMMENT ON VIEW @extschema@.reference_report IS
  'current (published) disclosures whose executed standard or a test method is withdrawn (withdrawn_on passed) or replaced (replaced_by set), with the replacement and the edition current today (plain column types)';
COMMENT ON COLUMN @extschema@.reference_report.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.reference_report.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.reference_report.category IS 'category';
COMMENT ON COLUMN @extschema@.reference_report.product IS 'product';
COMMENT ON COLUMN @extschema@.reference_report.reference_kind IS 'executed standard or test method';
COMMENT ON COLUMN @extschema@.reference_report.indicator IS 'the indicator whose test method it is (NULL for the executed standard)';
COMMENT ON COLUMN @extschema@.reference_report.reference IS 'the standard number the disclosure names';
COMMENT ON COLUMN @extschema@.reference_report.state IS 'withdrawn (its withdrawal date has passed) or replaced (a replacement is recorded, the old edition not withdrawn yet)';
COMMENT ON COLUMN @extschema@.reference_report.withdrawn_on IS 'date it was withdrawn (废止), when known';
COMMENT ON COLUMN @extschema@.reference_report.replaced_by IS 'what replaced it (standard.replaced_by)';
COMMENT ON COLUMN @extschema@.reference_report.replaced_on IS 'date the replacement took effect, when known';
COMMENT ON COLUMN @extschema@.reference_report.current_edition IS 'the end of the replacement chain (standard_current(reference)): the edition to execute or test by today';

CREATE OR REPLACE VIEW @extschema@.claim_verifiability AS
SELECT d.id AS disclosure, d.enterprise::text AS enterprise, d.category, d.product,
       i.indicator, i.requirement::text AS requirement, i.test_method::text AS test_method,
       l.detection_limit::text AS detection_limit, l.quantification_limit::text AS quantification_limit,
       l.range_top::text AS range_top, c.verifiable, c.effective::text AS effective, c.reason,
       l.source_kind
FROM @extschema@.disclosure d
JOIN @extschema@.disclosed_indicator i ON i.enterprise OPERATOR(@extschema@.=) d.enterprise AND i.disclosure = d.id
JOIN @extschema@.test_method_limit l
  ON l.method OPERATOR(@extschema@.=) i.test_method AND l.analyte = i.indicator
-- (the row as a test_method_limit: on a Citus node the scan is of the
-- reference table's local copy, a row type of its own)
CROSS JOIN LATERAL @extschema@.claim_judge(i.requirement,
  pg_catalog.jsonb_populate_record(NULL::@extschema@.test_method_limit, pg_catalog.to_jsonb(l))) c
WHERE d.status = 'published';
COMMENT ON VIEW @extschema@.claim_verifiability IS
  'rule 8: every indicator of a current (published) disclosure whose test method has recorded limits, judged by claim_judge(): verifiable or not, the claim as the method verifies it, and why (plain column types)';
COMMENT ON COLUMN @extschema@.claim_verifiability.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.claim_verifiability.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.claim_verifiability.category IS 'category';
COMMENT ON COLUMN @extschema@.claim_verifiability.product IS 'product';
COMMENT ON COLUMN @extschema@.claim_verifiability.indicator IS 'indicator key (the analyte)';
COMMENT ON COLUMN @extschema@.claim_verifiability.requirement IS 'the disclosed requirement';
COMMENT ON COLUMN @extschema@.claim_verifiability.test_method IS 'the test method it names';
COMMENT ON COLUMN @extschema@.claim_verifiability.detection_limit IS 'the method''s detection limit (test_method_limit)';
COMMENT ON COLUMN @extschema@.claim_verifiability.quantification_limit IS 'the method''s quantification limit';
COMMENT ON COLUMN @extschema@.claim_verifiability.range_top IS 'the top of the method''s measuring range';
COMMENT ON COLUMN @extschema@.claim_verifiability.verifiable IS 'false: the method cannot verify the claim; NULL: it cannot be compared (other unit kind, basis)';
COMMENT ON COLUMN @extschema@.claim_verifiability.effective IS 'the claim as the method verifies it: ≤ the method''s floor for an unverifiable limit, ND(≤ detection limit) for an ND without a stated limit, else the requirement';
COMMENT ON COLUMN @extschema@.claim_verifiability.reason IS 'why, in words';
COMMENT ON COLUMN @extschema@.claim_verifiability.source_kind IS 'official or secondary (verify before regulatory use)';

CREATE OR REPLACE FUNCTION @extschema@.campaign_population(c @extschema@.inspection_campaign) RETURNS bigint[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- (PL/pgSQL: on a distributed registry Citus plans the query over every
  -- shard with the campaign's values, which it cannot do in an SQL function)
  RETURN (SELECT coalesce(pg_catalog.array_agg(d.id ORDER BY d.id), '{}')
          FROM frontrunner.disclosure d
          JOIN frontrunner.enterprise e ON e.uscc OPERATOR(frontrunner.=) d.enterprise
          WHERE d.status = 'published'
            AND (c.category IS NULL OR d.category = c.category)
            AND (c.district IS NULL
                 OR left(coalesce(e.region, frontrunner.uscc_region(e.uscc)), length(c.district)) = c.district));
END
$$;
COMMENT ON FUNCTION @extschema@.campaign_population(@extschema@.inspection_campaign) IS
  'the ids of the published disclosures in a campaign''s scope (category, district prefix of the enterprise''s division code), ascending: what the draw draws from';

CREATE OR REPLACE FUNCTION @extschema@.inspection_prefill(disclosure_id bigint)
RETURNS TABLE (item text, outcome text, detail text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  std frontrunner.stdcode;
  found_d boolean;
  std_known boolean;
  tenant frontrunner.uscc;
  v_rule text[];
  v_message text[];
  r_kind text[];
  r_indicator text[];
  r_reference text[];
  r_state text[];
  r_current text[];
  i_indicator text[];
  i_requirement frontrunner.indicator[];
  i_method frontrunner.stdcode[];
BEGIN
  -- what the database knows, read a statement at a time (on a distributed
  -- registry: the disclosure's shard, read from the coordinator), then judged
  -- over what was read (claim_check() reads the reference table
  -- test_method_limit there, not in a query on the shard)
  SELECT x.enterprise, x.standard INTO tenant, std FROM frontrunner.disclosure x WHERE x.id = disclosure_id;
  found_d := FOUND;
  std_known := found_d AND EXISTS (SELECT FROM frontrunner.standard s WHERE s.code OPERATOR(frontrunner.=) std);
  SELECT pg_catalog.array_agg(w.rule), pg_catalog.array_agg(w.message) INTO v_rule, v_message
  FROM frontrunner.disclosure_violations(ARRAY[disclosure_id]) w;
  SELECT pg_catalog.array_agg(r.reference_kind), pg_catalog.array_agg(r.indicator), pg_catalog.array_agg(r.reference),
         pg_catalog.array_agg(r.state), pg_catalog.array_agg(r.current_edition)
    INTO r_kind, r_indicator, r_reference, r_state, r_current
  FROM frontrunner.reference_report r WHERE r.disclosure = disclosure_id;
  SELECT pg_catalog.array_agg(i.indicator), pg_catalog.array_agg(i.requirement), pg_catalog.array_agg(i.test_method)
    INTO i_indicator, i_requirement, i_method
  FROM frontrunner.disclosed_indicator i
  WHERE i.enterprise OPERATOR(frontrunner.=) tenant AND i.disclosure = disclosure_id;
  RETURN QUERY
  WITH d AS (
    SELECT std AS standard WHERE found_d
  ), v AS (
    SELECT w.rule, w.message FROM ROWS FROM (pg_catalog.unnest(v_rule), pg_catalog.unnest(v_message)) w(rule, message)
  ), refs AS (
    SELECT r.reference_kind, r.indicator, r.reference, r.state, r.current_edition
    FROM ROWS FROM (pg_catalog.unnest(r_kind), pg_catalog.unnest(r_indicator), pg_catalog.unnest(r_reference),
                    pg_catalog.unnest(r_state), pg_catalog.unnest(r_current)) r(reference_kind, indicator, reference, state, current_edition)
  ), claims AS (
    SELECT i.indicator, i.requirement, i.test_method, c.verifiable, c.reason
    FROM ROWS FROM (pg_catalog.unnest(i_indicator), pg_catalog.unnest(i_requirement), pg_catalog.unnest(i_method)) i(indicator, requirement, test_method)
    CROSS JOIN LATERAL frontrunner.claim_check(i.requirement, i.test_method, i.indicator) c
  ), checks AS (
    SELECT 'mandatory_floor' AS item,
           EXISTS (SELECT FROM v WHERE v.rule = 'rule 3') AS bad, false AS unknown,
           (SELECT string_agg(v.message, '; ') FROM v WHERE v.rule = 'rule 3') AS found,
           'every disclosed indicator is at least as strict as the in-force mandatory standards' AS ok
    UNION ALL
    SELECT 'withdrawn_standard',
           EXISTS (SELECT FROM refs WHERE refs.reference_kind = 'executed standard' AND refs.state = 'withdrawn'),
           NOT std_known
             AND frontrunner.std_kind((SELECT d.standard FROM d)) <> 'enterprise',
           (SELECT string_agg(format('executes %s, withdrawn; current edition %s', refs.reference, refs.current_edition), '; ')
            FROM refs WHERE refs.reference_kind = 'executed standard' AND refs.state = 'withdrawn'),
           CASE WHEN std_known
                     OR frontrunner.std_kind((SELECT d.standard FROM d)) = 'enterprise'
                THEN 'the executed standard is not withdrawn'
                ELSE format('standard %s is not in table standard: check that it is in force', (SELECT d.standard FROM d)) END
    UNION ALL
    SELECT 'numbering',
           frontrunner.standard_number_problem((SELECT d.standard FROM d)) IS NOT NULL
             AND frontrunner.std_kind((SELECT d.standard FROM d)) = 'enterprise', false,
           (frontrunner.standard_number_problem((SELECT d.standard FROM d)))[1],
           'the standard number is well formed'
    UNION ALL
    SELECT 'indicators_disclosed',
           EXISTS (SELECT FROM v WHERE v.rule = 'rule 2'), false,
           (SELECT string_agg(v.message, '; ') FROM v WHERE v.rule = 'rule 2'),
           'the required indicators and their test methods are disclosed'
    UNION ALL
    SELECT 'references',
           EXISTS (SELECT FROM refs WHERE refs.reference_kind = 'test method'), false,
           (SELECT string_agg(format('%s: %s %s, current edition %s', refs.indicator, refs.reference, refs.state, refs.current_edition),
                              '; ' ORDER BY refs.indicator)
            FROM refs WHERE refs.reference_kind = 'test method'),
           'no test method named is withdrawn or replaced'
    UNION ALL
    SELECT 'verifiability',
           EXISTS (SELECT FROM claims WHERE NOT claims.verifiable),
           EXISTS (SELECT FROM claims WHERE claims.verifiable IS NULL),
           (SELECT string_agg(format('%s %s: %s', claims.indicator, claims.requirement, claims.reason), '; ' ORDER BY claims.indicator)
            FROM claims WHERE NOT claims.verifiable),
           CASE WHEN EXISTS (SELECT FROM claims WHERE claims.verifiable IS NULL)
                THEN 'not judged: ' || (SELECT string_agg(format('%s (%s)', claims.indicator, claims.reason), '; ' ORDER BY claims.indicator)
                                        FROM claims WHERE claims.verifiable IS NULL)
                ELSE 'every limit disclosed is within what its test method measures' END
  )
  SELECT c.item,
         CASE WHEN c.bad THEN 'nonconforming' WHEN c.unknown THEN 'not_judged' ELSE 'conforms' END,
         CASE WHEN c.bad THEN c.found ELSE c.ok END
  FROM checks c;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_prefill(bigint) IS
  'what the database knows about the six inspection items of a disclosure (mandatory_floor: rule 3; withdrawn_standard; numbering: rule 1; indicators_disclosed: rule 2; references: reference_report; verifiability: claim_check()), as pre-filled outcomes with their detail';

CREATE OR REPLACE FUNCTION @extschema@.inspection_campaign_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  moving text[] := '{status,population,drawn_at,published_at}';
  editable text[] := '{title,authority,category,district,sample_size,sample_fraction,inspectors,team_size}';
  changed text;
  open_items text;
  src text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'planned' OR NEW.population IS NOT NULL OR NEW.drawn_at IS NOT NULL OR NEW.published_at IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: campaign %s is created planned', NEW.code),
        format('Campaign %s was inserted with status %s%s.', NEW.code, NEW.status,
               CASE WHEN NEW.population IS NOT NULL OR NEW.drawn_at IS NOT NULL THEN ' and a draw' ELSE '' END),
        'Leave status, population, drawn_at and published_at out: draw_campaign() draws, UPDATE … SET status = ''published'' publishes.',
        'inspection_campaign', 'status');
    END IF;
    NEW.created_by := current_user;
    NEW.created_at := frontrunner.clock();
  ELSE
    SELECT string_agg(n.k, ', ' ORDER BY n.k) INTO changed
    FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
    WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k
      AND NOT (n.k = ANY (moving)) AND (OLD.status <> 'planned' OR NOT (n.k = ANY (editable)));
    IF changed IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: %s of campaign %s cannot be changed', changed, OLD.code),
        format('Campaign %s (status %s): UPDATE of %s refused.', OLD.code, OLD.status, changed),
        CASE WHEN OLD.status = 'planned'
             THEN 'The seed, the creator and the creation time are recorded once; the scope, size and inspectors change while the campaign is planned.'
             ELSE 'A drawn campaign is frozen: its scope, size, inspectors and seed are those of its draw.' END,
        'inspection_campaign', NULL);
    END IF;
    IF NEW.status = OLD.status THEN
      IF NEW.population IS DISTINCT FROM OLD.population OR NEW.drawn_at IS DISTINCT FROM OLD.drawn_at
         OR NEW.published_at IS DISTINCT FROM OLD.published_at THEN
        PERFORM frontrunner.raise_violation('FR010',
          format('inspection campaign: the draw and the publication of campaign %s are set by the database', OLD.code),
          format('Campaign %s (status %s): population, drawn_at or published_at written.', OLD.code, OLD.status),
          'Draw with draw_campaign(code); publish with UPDATE … SET status = ''published''.', 'inspection_campaign', NULL);
      END IF;
    ELSIF OLD.status = 'planned' AND NEW.status = 'drawn' THEN
      IF frontrunner.citus_distributed() THEN
        -- the trigger fires on every node's copy of the reference table,
        -- where the population (every shard's published disclosures) cannot
        -- be read: campaign_store_draw() reads it on the coordinator and
        -- writes it, as the owner of the tables (SECURITY DEFINER), with the
        -- draw; nobody else sets it
        IF NEW.population IS NULL
           OR NOT pg_catalog.pg_has_role(current_user, (SELECT t.relowner FROM pg_catalog.pg_class t
                                                        WHERE t.oid = 'frontrunner.inspection_campaign'::pg_catalog.regclass), 'MEMBER') THEN
          PERFORM frontrunner.raise_violation('0A000',
            format('inspection campaign: on a distributed registry campaign %s is drawn by draw_campaign()', OLD.code),
            format('Campaign %s (status planned): UPDATE … SET status = ''drawn'' runs on every node''s copy of inspection_campaign, where the population (the published disclosures of every shard) cannot be read; this registry is distributed with Citus.', OLD.code),
            format('SELECT * FROM frontrunner.draw_campaign(%L) draws it (on the coordinator) and returns the draw.', OLD.code),
            'inspection_campaign', 'status');
        END IF;
      ELSE
        NEW.population := frontrunner.campaign_population(NEW);
      END IF;
      NEW.drawn_at := frontrunner.clock();
      NEW.published_at := NULL;
    ELSIF OLD.status = 'drawn' AND NEW.status = 'published' THEN
      -- the results no inspector has recorded; on a distributed registry the
      -- trigger fires on every node's copy of the reference table and each
      -- node reads the results on its own shards (citus_placements(): the
      -- workers hold every shard once, the coordinator none)
      src := 'frontrunner.inspection_result';
      IF frontrunner.citus_distributed() THEN
        SELECT pg_catalog.string_agg(pg_catalog.format('SELECT x.campaign, x.disclosure, x.item, x.recorded_by, x.outcome FROM %s x', p), ' UNION ALL ')
          INTO src FROM frontrunner.citus_placements('frontrunner.inspection_result'::pg_catalog.regclass) p;
        src := '(' || coalesce(src, 'SELECT NULL::bigint AS campaign, NULL::bigint AS disclosure, NULL::text AS item, NULL::name AS recorded_by, NULL::text AS outcome WHERE false') || ')';
      END IF;
      EXECUTE pg_catalog.format($q$
        SELECT string_agg(format('%%s %%s', r.disclosure, r.item), ', ' ORDER BY r.disclosure, r.item)
        FROM %s r
        WHERE r.campaign = $1 AND (r.recorded_by IS NULL OR r.outcome = 'not_judged')$q$, src)
        INTO open_items USING OLD.id;
      IF open_items IS NOT NULL THEN
        PERFORM frontrunner.raise_violation('FR010',
          format('inspection campaign: campaign %s has results no inspector has recorded', OLD.code),
          format('Items not recorded (or not judged) by an inspector: %s.', left(open_items, 900)),
          'The inspectors drawn for each disclosure confirm or correct every pre-filled item (UPDATE inspection_result SET outcome = …), then the results are published.',
          'inspection_result', 'recorded_by');
      END IF;
      NEW.population := OLD.population;
      NEW.drawn_at := OLD.drawn_at;
      NEW.published_at := frontrunner.clock();
    ELSE
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: campaign %s cannot go from %s to %s', OLD.code, OLD.status, NEW.status),
        format('Campaign %s: status %s → %s.', OLD.code, OLD.status, NEW.status),
        'A campaign goes planned → drawn (draw_campaign()) → published; a draw is made once and results stay published.',
        'inspection_campaign', 'status');
    END IF;
  END IF;
  IF cardinality(NEW.inspectors) IS NULL OR cardinality(NEW.inspectors) < NEW.team_size
     OR EXISTS (SELECT FROM unnest(NEW.inspectors) i(n) WHERE coalesce(btrim(i.n), '') = '')
     OR (SELECT count(DISTINCT i.n) FROM unnest(NEW.inspectors) i(n)) <> cardinality(NEW.inspectors) THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the inspector pool of campaign %s needs at least %s distinct names', NEW.code, NEW.team_size),
      format('Inspectors: %s; team size %s.', coalesce(array_to_string(NEW.inspectors, ', ', '(NULL)'), 'none'), NEW.team_size),
      'List the login roles of at least team_size different inspectors, no blank or repeated name.',
      'inspection_campaign', 'inspectors');
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_campaign_before_write() IS
  'trigger: a campaign is created planned (creator and time from the database); while planned its scope, size and inspectors may change, never its seed; planned → drawn records the population and the time (the draw itself: inspection_campaign_after_draw()); drawn → published needs every item recorded by an inspector; nothing else (FR010); the pool holds at least team_size distinct names';

CREATE OR REPLACE FUNCTION @extschema@.campaign_store_draw(campaign_id bigint) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
-- (on a distributed registry: the draw and its results go into the shards
-- of their enterprises, over one connection per node)
SET citus.multi_shard_modify_mode = sequential
AS $$
DECLARE
  c frontrunner.inspection_campaign;
  caller name := frontrunner.invoker();
  ids bigint[];
  tenants frontrunner.uscc[];
  one record;
BEGIN
  -- regulators, and the owner of the extension's tables (the DBA; superusers)
  IF NOT (frontrunner.role_in_group(caller, 'frontrunner_regulator')
          OR pg_catalog.pg_has_role(caller, (SELECT t.relowner FROM pg_catalog.pg_class t
                                             WHERE t.oid = 'frontrunner.inspection_campaign'::pg_catalog.regclass), 'MEMBER')) THEN
    RAISE EXCEPTION 'permission denied to draw inspection campaign %', campaign_id
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('Role %s is not a member of frontrunner_regulator.', caller),
            HINT = 'Campaigns are drawn by the regulator (draw_campaign()).';
  END IF;
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.id = campaign_id;
  IF c.status = 'planned' AND frontrunner.citus_distributed() THEN
    -- on a distributed registry the draw is made here, on the coordinator:
    -- the population read over every shard, written into every node's copy
    -- of the campaign (its trigger takes it from the owner only)
    ids := frontrunner.campaign_population(c);
    UPDATE frontrunner.inspection_campaign x SET status = 'drawn', population = ids
    WHERE x.id = c.id
    RETURNING x.* INTO c;
  END IF;
  IF c.status IS DISTINCT FROM 'drawn' THEN
    RETURN;  -- not drawn (draw_campaign() draws)
  END IF;
  PERFORM 1 FROM frontrunner.inspection_draw r WHERE r.campaign = c.id LIMIT 1;
  IF FOUND THEN
    RETURN;  -- the draw is stored already
  END IF;
  -- campaign_sample() of the population, each drawn disclosure with its
  -- enterprise (read first: the rows then go to their shards)
  SELECT pg_catalog.array_agg(d.id ORDER BY d.id), pg_catalog.array_agg(d.enterprise ORDER BY d.id) INTO ids, tenants
  FROM frontrunner.disclosure d
  WHERE d.id = ANY (ARRAY(SELECT DISTINCT s.disclosure
                          FROM frontrunner.campaign_sample(c.population, c.seed, c.sample_size, c.sample_fraction,
                                                           c.inspectors, c.team_size) s));
  INSERT INTO frontrunner.inspection_draw (campaign, disclosure, inspector, place, team_rank, enterprise)
  SELECT c.id, s.disclosure, s.inspector, s.place, s.team_rank, t.enterprise
  FROM frontrunner.campaign_sample(c.population, c.seed, c.sample_size, c.sample_fraction,
                                   c.inspectors, c.team_size) s
  JOIN ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(tenants)) t(id, enterprise) ON t.id = s.disclosure;
  -- the pre-filled items, a disclosure at a time (inspection_prefill() reads
  -- its shard and the reference tables)
  FOR one IN SELECT t.id, t.enterprise FROM ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(tenants)) t(id, enterprise) ORDER BY t.id LOOP
    INSERT INTO frontrunner.inspection_result (campaign, disclosure, item, outcome, prefilled, detail, enterprise)
    SELECT c.id, one.id, p.item, p.outcome, p.outcome, p.detail, one.enterprise
    FROM frontrunner.inspection_prefill(one.id) p;
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.campaign_store_draw(bigint) IS
  'SECURITY DEFINER (nobody may write a draw or a pre-filled result by hand), for regulators: stores the draw of a drawn campaign once: campaign_sample() of its population and seed in inspection_draw, the pre-filled items of every drawn disclosure (inspection_prefill()) in inspection_result; on a distributed registry it draws a planned campaign first (population read on the coordinator, written into every copy of the campaign); nothing for a campaign planned on one node or whose draw is stored (draw_campaign() calls it)';
ALTER FUNCTION @extschema@.campaign_store_draw(bigint) SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.campaign_store_draw(bigint) FROM PUBLIC;

CREATE OR REPLACE FUNCTION @extschema@.inspection_campaign_after_draw() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- (on a distributed registry the trigger fires on every node's copy of the
  -- campaign: draw_campaign() stores the draw there, on the coordinator)
  IF NOT frontrunner.citus_distributed() THEN
    PERFORM frontrunner.campaign_store_draw(NEW.id);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_campaign_after_draw() IS
  'trigger, SECURITY DEFINER: when a campaign is drawn on one node, stores its draw and pre-filled results (campaign_store_draw()); on a distributed registry draw_campaign() stores them on the coordinator';
ALTER FUNCTION @extschema@.inspection_campaign_after_draw() SECURITY DEFINER;

CREATE OR REPLACE FUNCTION @extschema@.draw_campaign(code text)
RETURNS TABLE (disclosure bigint, inspector text)
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  c frontrunner.inspection_campaign;
BEGIN
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.code = draw_campaign.code FOR UPDATE;
  IF NOT FOUND THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: no campaign %s', code),
      format('No row of inspection_campaign has code %L (or the role %s may not read it).', code, current_user),
      'Create the campaign first (INSERT INTO inspection_campaign …); campaigns are run by the regulator.', 'inspection_campaign', 'code');
  END IF;
  IF c.status = 'planned' AND frontrunner.citus_distributed() THEN
    -- on a distributed registry the draw is made on the coordinator
    -- (campaign_store_draw(): the trigger on every node's copy of the
    -- campaign cannot read the population)
    PERFORM frontrunner.campaign_store_draw(c.id);
  ELSIF c.status = 'planned' THEN
    UPDATE frontrunner.inspection_campaign x SET status = 'drawn' WHERE x.id = c.id;
  END IF;
  RETURN QUERY
  SELECT r.disclosure, r.inspector FROM frontrunner.inspection_draw r
  WHERE r.campaign = c.id ORDER BY r.place, r.team_rank;
END
$$;
COMMENT ON FUNCTION @extschema@.draw_campaign(text) IS
  'the draw of a campaign: the first call draws (planned → drawn: population recorded, campaign_sample() stored, items pre-filled) and every call returns the stored draw, in draw order — the same rows every time, after dump/restore and upgrade (regulator)';

CREATE OR REPLACE FUNCTION @extschema@.inspection_result_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  c frontrunner.inspection_campaign;
  team text;
  who name := frontrunner.invoker();
BEGIN
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.id = OLD.campaign;
  IF (pg_catalog.to_jsonb(NEW) - '{outcome,detail,recorded_by,recorded_at}'::text[])
     <> (pg_catalog.to_jsonb(OLD) - '{outcome,detail,recorded_by,recorded_at}'::text[]) THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: only the outcome and detail of an inspection item are recorded'),
      format('Campaign %s, disclosure %s, item %s: UPDATE of other columns refused.', c.code, OLD.disclosure, OLD.item),
      'UPDATE inspection_result SET outcome = …, detail = … WHERE campaign = … AND disclosure = … AND item = ….',
      'inspection_result', NULL);
  END IF;
  IF c.status <> 'drawn' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the results of campaign %s are published', c.code),
      format('Campaign %s (status %s), disclosure %s, item %s.', c.code, c.status, OLD.disclosure, OLD.item),
      'Published results stay as published; a finding''s follow-up is recorded in inspection_finding.',
      'inspection_result', 'outcome');
  END IF;
  -- (the draw of the row's disclosure, on its enterprise's shard)
  SELECT string_agg(r.inspector, ', ' ORDER BY r.team_rank) INTO team
  FROM frontrunner.inspection_draw r
  WHERE r.campaign = OLD.campaign AND r.enterprise OPERATOR(frontrunner.=) OLD.enterprise AND r.disclosure = OLD.disclosure;
  PERFORM FROM frontrunner.inspection_draw r
  WHERE r.campaign = OLD.campaign AND r.enterprise OPERATOR(frontrunner.=) OLD.enterprise AND r.disclosure = OLD.disclosure
    AND r.inspector = who::text;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'permission denied: % was not drawn to inspect disclosure % in campaign %', who, OLD.disclosure, c.code
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('The inspectors drawn for disclosure %s are %s.', OLD.disclosure, team),
            HINT = 'Results are recorded by the inspectors the draw assigned (inspection_draw), as themselves.',
            TABLE = 'inspection_result';
  END IF;
  IF NEW.outcome = 'not_judged' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: an inspector records conforms or nonconforming'),
      format('Campaign %s, disclosure %s, item %s: outcome not_judged.', c.code, OLD.disclosure, OLD.item),
      'Judge the item: conforms or nonconforming (with the detail found).', 'inspection_result', 'outcome');
  END IF;
  NEW.recorded_by := who;
  NEW.recorded_at := frontrunner.clock();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_result_before_write() IS
  'trigger: an inspection item is recorded (outcome conforms or nonconforming, detail) only by an inspector drawn for the disclosure (42501), while the campaign is drawn, nothing else changed (FR010); recorded_by and recorded_at are set by the database; rows come from the draw only (DELETE refused)';

CREATE OR REPLACE VIEW @extschema@.campaign_report AS
SELECT c.code AS campaign, c.title, c.authority, c.published_at,
       r.disclosure, r.enterprise::text AS enterprise, e.name AS enterprise_name, d.product,
       d.standard::text AS standard, r.item, r.outcome, r.detail, t.inspectors,
       f.description AS finding, f.deadline, f.follow_up,
       (f.follow_up = 'pending' AND f.deadline < CURRENT_DATE) AS overdue
FROM @extschema@.inspection_campaign c
JOIN @extschema@.inspection_result r ON r.campaign = c.id
-- (a drawn disclosure's rows joined on (enterprise, disclosure): on a
-- distributed registry on its shard)
JOIN @extschema@.disclosure d ON d.enterprise OPERATOR(@extschema@.=) r.enterprise AND d.id = r.disclosure
JOIN @extschema@.enterprise e ON e.uscc OPERATOR(@extschema@.=) r.enterprise
LEFT JOIN (SELECT x.enterprise, x.campaign, x.disclosure, string_agg(x.inspector, ', ' ORDER BY x.team_rank) AS inspectors
           FROM @extschema@.inspection_draw x GROUP BY x.enterprise, x.campaign, x.disclosure) t
  ON t.enterprise OPERATOR(@extschema@.=) r.enterprise AND t.campaign = r.campaign AND t.disclosure = r.disclosure
LEFT JOIN @extschema@.inspection_finding f
  ON f.enterprise OPERATOR(@extschema@.=) r.enterprise AND f.campaign = r.campaign AND f.disclosure = r.disclosure AND f.item = r.item
WHERE c.status = 'published';
COMMENT ON VIEW @extschema@.campaign_report IS
  'the published results of inspection campaigns (一公开): every item of every drawn disclosure, the inspectors, the findings with their deadline and follow-up (plain column types)';
COMMENT ON COLUMN @extschema@.campaign_report.campaign IS 'campaign code';
COMMENT ON COLUMN @extschema@.campaign_report.title IS 'campaign title';
COMMENT ON COLUMN @extschema@.campaign_report.authority IS 'the authority that ran it';
COMMENT ON COLUMN @extschema@.campaign_report.published_at IS 'when the results were published';
COMMENT ON COLUMN @extschema@.campaign_report.disclosure IS 'the drawn disclosure';
COMMENT ON COLUMN @extschema@.campaign_report.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.campaign_report.enterprise_name IS 'enterprise name';
COMMENT ON COLUMN @extschema@.campaign_report.product IS 'product';
COMMENT ON COLUMN @extschema@.campaign_report.standard IS 'standard the product executes';
COMMENT ON COLUMN @extschema@.campaign_report.item IS 'inspection item';
COMMENT ON COLUMN @extschema@.campaign_report.outcome IS 'conforms or nonconforming, as the inspectors recorded it';
COMMENT ON COLUMN @extschema@.campaign_report.detail IS 'what was found';
COMMENT ON COLUMN @extschema@.campaign_report.inspectors IS 'the inspectors drawn for the disclosure, in draw order';
COMMENT ON COLUMN @extschema@.campaign_report.finding IS 'the finding on the item, if any (what must be corrected)';
COMMENT ON COLUMN @extschema@.campaign_report.deadline IS 'rectification deadline';
COMMENT ON COLUMN @extschema@.campaign_report.follow_up IS 'pending, rectified or not_rectified';
COMMENT ON COLUMN @extschema@.campaign_report.overdue IS 'true when the follow-up is pending past the deadline';

CREATE OR REPLACE VIEW @extschema@.campaign_audit AS
SELECT c.code AS campaign, c.seed, c.category, c.district, c.sample_size, c.sample_fraction,
       pg_catalog.array_to_string(c.inspectors, ',') AS inspectors, c.team_size,
       pg_catalog.array_to_string(c.population, ',') AS population, cardinality(c.population) AS population_size,
       c.drawn_at, c.published_at, x.draw
FROM @extschema@.inspection_campaign c
-- (the draw grouped by campaign, not a subquery per campaign: on a
-- distributed registry it is read over the shards)
LEFT JOIN (SELECT x.campaign,
                  pg_catalog.array_to_string(pg_catalog.array_agg(x.disclosure || ':' || x.inspector ORDER BY x.place, x.team_rank), ',') AS draw
           FROM @extschema@.inspection_draw x GROUP BY x.campaign) x ON x.campaign = c.id
WHERE c.status = 'published';
COMMENT ON VIEW @extschema@.campaign_audit IS
  'what anyone needs to re-run the draw of a published campaign (README, Inspection campaigns): seed, sample size, inspector pool, team size, the population drawn from, and the draw as stored (plain column types)';
COMMENT ON COLUMN @extschema@.campaign_audit.campaign IS 'campaign code';
COMMENT ON COLUMN @extschema@.campaign_audit.seed IS 'the seed recorded at creation';
COMMENT ON COLUMN @extschema@.campaign_audit.category IS 'scope: category (NULL: all)';
COMMENT ON COLUMN @extschema@.campaign_audit.district IS 'scope: division code prefix (NULL: all)';
COMMENT ON COLUMN @extschema@.campaign_audit.sample_size IS 'disclosures to draw (or sample_fraction)';
COMMENT ON COLUMN @extschema@.campaign_audit.sample_fraction IS 'share of the population to draw (or sample_size)';
COMMENT ON COLUMN @extschema@.campaign_audit.inspectors IS 'the inspector pool, comma-separated';
COMMENT ON COLUMN @extschema@.campaign_audit.team_size IS 'inspectors per disclosure';
COMMENT ON COLUMN @extschema@.campaign_audit.population IS 'ids of the disclosures in scope when drawn, ascending, comma-separated';
COMMENT ON COLUMN @extschema@.campaign_audit.population_size IS 'how many';
COMMENT ON COLUMN @extschema@.campaign_audit.drawn_at IS 'when it was drawn';
COMMENT ON COLUMN @extschema@.campaign_audit.published_at IS 'when the results were published';
COMMENT ON COLUMN @extschema@.campaign_audit.draw IS 'the stored draw, disclosure:inspector in draw order, comma-separated';

CREATE OR REPLACE FUNCTION @extschema@.ranking_query(plan_id bigint, output text DEFAULT 'rows') RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  r record;
  k int := 0;
  sel text := '';
  keys text := '';
  levels_present text := '';
  stats text := '';
  cuts text := '';
  outcols text := '';
  tcols text := '';
  leaders text := '';
  cutvals text := '';
  wscale int;
  wint boolean;
  wtot numeric;
  wk text;
  kleaders text := '';
  kcols text := '';
  body text;
  better text;
  reach_l text;
  reach_a text;
  reach_b text;
  tk text;
  pk text;
  req text;
  excluded text := '';
  lim record;
  judge text;
BEGIN
  p := frontrunner.plan_row(plan_id);
  IF output NOT IN ('rows', 'cutoffs') THEN
    RAISE EXCEPTION 'invalid value for parameter "output": "%"', output
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('The outputs of ranking_query() are rows and cutoffs; %L is neither.', output),
            HINT = 'Give ''rows'' (one row per eligible disclosure) or ''cutoffs'' (one row per core indicator).';
  END IF;
  PERFORM frontrunner.plan_publication_check(plan_id);
  -- plan option exclude_open_findings (0.2.0): the enterprises with an open
  -- inspection finding at the deadline (finding_exclusions(), a few: the
  -- drawn ones), as a constant of the query
  IF p.exclude_open_findings THEN
    SELECT format($x$
    AND NOT (d.enterprise OPERATOR(frontrunner.=) ANY (%L::frontrunner.uscc[]))$x$,
                  coalesce(array_agg(DISTINCT x.enterprise::text ORDER BY x.enterprise::text), '{}'))
      INTO excluded
    FROM frontrunner.finding_exclusions(p.deadline, p.exclusion_days) x;
  END IF;
  -- the score's numerator, Σ weight·place, is exact: in bigint when the
  -- weights are integers after scaling by 10^wscale and their sum is small
  -- enough that Σ weight·2n fits (n < 4.6e9), else in numeric
  SELECT max(scale(trim_scale(c.weight))) INTO wscale FROM frontrunner.plan_core_indicators(plan_id) c;
  SELECT trim_scale(sum(c.weight * 10::numeric ^ wscale)) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  wint := wscale <= 6 AND wtot <= 1000000000;
  IF NOT coalesce(wint, false) THEN
    wscale := 0;
    SELECT sum(c.weight) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  END IF;

  FOR r IN SELECT c.*, c.unit AS u FROM frontrunner.plan_core_indicators(plan_id) c LOOP
    k := r.k;
    -- better-or-equal comparison of levels in this direction
    better := CASE WHEN r.direction = 'higher_better' THEN '>=' ELSE '<=' END;
    -- rule 8 (0.2.0): the limits test_method_limit records for the
    -- indicator, by method, as constants of the query (nothing read per row:
    -- on a distributed registry the rows are read on the shards)
    judge := NULL;
    FOR lim IN SELECT l.method::text AS m, l::text AS t FROM frontrunner.test_method_limit l
               WHERE l.analyte = r.indicator ORDER BY l.method::text LOOP
      judge := coalesce(judge, '') || format(' WHEN i.test_method OPERATOR(frontrunner.=) %L::frontrunner.stdcode THEN %L::frontrunner.test_method_limit', lim.m, lim.t);
    END LOOP;
    -- the requirement as disclosed, or (plan option method_limits, 0.2.0) as
    -- its test method verifies it: claim_effective() (45_test_methods.sql),
    -- that is claim_judge()'s effective with the method's limits (the
    -- requirement itself when its method has none)
    req := CASE WHEN p.method_limits AND judge IS NOT NULL
                THEN format('(SELECT j.effective FROM frontrunner.claim_judge(i.requirement, CASE%s END) j)', judge)
                ELSE 'i.requirement' END;
    -- one pass over the disclosed indicators, grouped by disclosure: the
    -- level of each core indicator (NULL when missing or in another
    -- dimension) and, for absolute cutoffs, whether the requirement reaches them
    sel := sel || format(', min(frontrunner.comparable_level(%5$s, %2$L::frontrunner.direction, %3$L)) FILTER (WHERE i.indicator = %4$L) AS l%1$s',
                         k, r.direction, r.u, r.indicator, req);
    IF r.leader_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rl%1$s', k, r.leader_cutoff, r.indicator, req);
    END IF;
    IF r.advanced_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS ra%1$s', k, r.advanced_cutoff, r.indicator, req);
    END IF;
    IF r.baseline_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rb%1$s', k, r.baseline_cutoff, r.indicator, req);
    END IF;
    -- rule 8 (0.2.0): when test_method_limit records limits for the
    -- indicator, whether the method named can verify the claim
    -- (claim_judge() with the limits above); NULL when its method has none.
    -- rank_plan() shows it in levels.
    IF judge IS NOT NULL THEN
      sel := sel || format(', bool_and((SELECT j.verifiable FROM frontrunner.claim_judge(i.requirement, CASE%3$s END) j)) FILTER (WHERE i.indicator = %2$L) AS v%1$s',
                           k, r.indicator, judge);
      outcols := outcols || format(', b.v%s', k);
      tcols := tcols || format(', t.v%s', k);
    END IF;
    keys := keys || CASE WHEN k > 1 THEN ', ' ELSE '' END || quote_literal(r.indicator);
    levels_present := levels_present || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('b.l%s IS NOT NULL', k);
    stats := stats || format(', frontrunner.levelset_noted(frontrunner.level_stats(b.l%1$s, %2$L::frontrunner.direction), %3$L, %4$L, %5$L) AS s%1$s',
                             k, r.direction, p.code, r.indicator, r.u);
    -- cutoffs: absolute (<@), best in market (the best level), or a fraction
    reach_l := CASE
      WHEN r.leader_cutoff IS NOT NULL THEN format('b.rl%s', k)
      WHEN p.style = 'best_in_market' THEN format('b.l%1$s = c.best%1$s', k)
      ELSE format('b.l%1$s %2$s c.lc%1$s', k, better) END;
    reach_a := CASE
      WHEN r.advanced_cutoff IS NOT NULL THEN format('b.ra%s', k)
      ELSE format('b.l%1$s %2$s c.ac%1$s', k, better) END;
    reach_b := CASE
      WHEN r.baseline_cutoff IS NOT NULL THEN format('b.rb%s', k)
      ELSE format('b.l%1$s %2$s c.bc%1$s', k, better) END;
    -- the best level: the first of the levelset (stored trimmed)
    cuts := cuts || format(', s.s%1$s, (SELECT l.level FROM frontrunner.levels(s.s%1$s) l ORDER BY l.position LIMIT 1) AS best%1$s, frontrunner.level_cutoff(s.s%1$s, %2$s) AS lc%1$s, frontrunner.level_cutoff(s.s%1$s, %3$s) AS ac%1$s, frontrunner.level_cutoff(s.s%1$s, %4$s) AS bc%1$s',
                           k, coalesce(r.leader_fraction::text, 'NULL::numeric'),
                           coalesce(r.advanced_fraction::text, 'NULL::numeric'),
                           coalesce(r.baseline_fraction::text, 'NULL::numeric'));
    -- tier reached on indicator k (the best tier whose cutoff it reaches)
    tk := format('CASE WHEN %s THEN ''leader''::frontrunner.tier WHEN %s THEN ''advanced''::frontrunner.tier WHEN %s THEN ''baseline''::frontrunner.tier ELSE ''below''::frontrunner.tier END',
                 reach_l, reach_a, reach_b);
    -- standing = place / (2·(n - 1)): places are summed, one division per disclosure
    pk := format('frontrunner.level_place(c.s%1$s, b.l%1$s)', k);
    outcols := outcols || format(', b.l%1$s, %2$s AS t%1$s, %3$s AS p%1$s', k, tk, pk);
    tcols := tcols || format(', t.l%1$s, t.t%1$s, t.p%1$s', k);
    -- leader on indicator k (the first branch of tk); leader overall on all
    leaders := leaders || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('(%s)', reach_l);
    -- cutoffs as readable requirements: the absolute cutoff, or the level with the direction's operator
    cutvals := cutvals || CASE WHEN k > 1 THEN ', ' ELSE '' END || format(
      '(%1$L, %2$L, c.n, frontrunner.level_distinct(c.s%3$s), c.best%3$s, %4$s, %5$s, %6$s)',
      r.indicator, r.u, k,
      CASE WHEN r.leader_cutoff IS NOT NULL THEN quote_literal(r.leader_cutoff::text)
           WHEN p.style = 'best_in_market' THEN format('%L || '' '' || c.best%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END)
           ELSE format('%L || '' '' || c.lc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.advanced_cutoff IS NOT NULL THEN quote_literal(r.advanced_cutoff::text)
           ELSE format('%L || '' '' || c.ac%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.baseline_cutoff IS NOT NULL THEN quote_literal(r.baseline_cutoff::text)
           ELSE format('%L || '' '' || c.bc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END);
    wk := CASE WHEN wint THEN (r.weight * 10::numeric ^ wscale)::bigint::text
               ELSE format('%s::numeric', r.weight) END;
    kleaders := kleaders || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * %s', wk, pk);
    kcols := kcols || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * t.p%s', wk, k);
  END LOOP;

  -- b's query: the disclosed indicators grouped by disclosure, each with its
  -- enterprise (the tenant: every join and the exclusion are on it, so on a
  -- distributed registry all of it runs on the shards, where a disclosure
  -- and its rows live together)
  body := format($q$
  SELECT d.id, d.enterprise, en.name AS enterprise_name, d.standard, d.published_at, p.*
  FROM (SELECT i.enterprise AS tenant, i.disclosure%1$s
        FROM frontrunner.disclosed_indicator i
        WHERE i.indicator IN (%2$s)%6$s
        GROUP BY i.enterprise, i.disclosure) p
  JOIN frontrunner.disclosure d ON d.enterprise OPERATOR(frontrunner.=) p.tenant AND d.id = p.disclosure
  JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) d.enterprise
  WHERE d.category = %3$L AND d.status = 'published' AND d.published_at <= %4$L::timestamptz
    AND NOT EXISTS (SELECT FROM frontrunner.spot_check x
                    WHERE x.enterprise OPERATOR(frontrunner.=) d.enterprise AND NOT x.conforms
                      AND %4$L::timestamptz >= x.sampled_on::timestamptz
                      AND %4$L::timestamptz < (x.sampled_on + %5$s)::timestamptz)%7$s$q$,
    sel, keys, p.category, p.deadline, p.exclusion_days,
     -- the grouped pass reads the disclosed indicators with the plan's keys;
     -- when another category also has one of these keys, it first keeps
     -- only the candidate disclosures' rows (the join to d below filters
     -- them in any case, so this only saves grouping rows of no use)
     CASE WHEN EXISTS (SELECT FROM frontrunner.indicator_def f
                       WHERE f.category <> p.category
                         AND f.key IN (SELECT c.indicator FROM frontrunner.plan_core_indicators(plan_id) c))
          THEN format($x$
          AND EXISTS (SELECT FROM frontrunner.disclosure x
                      WHERE x.enterprise OPERATOR(frontrunner.=) i.enterprise AND x.id = i.disclosure
                        AND x.category = %1$L AND x.status = 'published' AND x.published_at <= %2$L::timestamptz)$x$,
                      p.category, p.deadline)
          ELSE '' END,
     excluded);

  -- the shape above: b, s, c, then the rows (the leader cap computes only
  -- the leaders' keys) or the cutoffs.  On a distributed registry s runs
  -- over b's query itself, not over b: the statistics are then computed on
  -- the workers (level_stats partial per shard, combined on the
  -- coordinator), while b, the eligible rows, is read once into the
  -- coordinator for the ranking
  RETURN format($q$
WITH b AS MATERIALIZED (%1$s
), s AS (
  SELECT count(*) AS n%3$s FROM %6$s WHERE %2$s
), c AS (
  SELECT s.n%4$s FROM s
)
%5$s
$q$, body, levels_present, stats, cuts,
     CASE output
       WHEN 'rows' THEN format($r$
SELECT (row_number() OVER (ORDER BY q.tier, q.key DESC, q.published_at, q.id))::int AS rank, q.*,
       CASE WHEN q.n = 1 THEN 100::numeric
            ELSE trim_scale(round(100 * q.key::numeric(1000, 20) / ((2 * (q.n - 1))::numeric * %2$s), 20)) END AS score
  -- (consumers ORDER BY the same keys as the window, so the rows are sorted once;
  -- the score is computed after the sort, from the exact key, to 20 decimals
  -- like the standings)
FROM (
  -- the sort keys first: the sort compares them without walking the
  -- variable-width columns
  SELECT CASE WHEN t.tier0 = 'leader'::frontrunner.tier AND t.key < (
                SELECT %1$s
                FROM b CROSS JOIN c
                WHERE %3$s AND %4$s
                ORDER BY 1 DESC OFFSET %5$s LIMIT 1)
              THEN 'advanced'::frontrunner.tier ELSE t.tier0 END AS tier,
         t.key, t.published_at, t.id, t.tier0, t.n, t.enterprise, t.enterprise_name, t.standard%9$s
  FROM (
    SELECT t.*, GREATEST(%7$s) AS tier0, %8$s AS key
    FROM (
      SELECT b.id, b.enterprise, b.enterprise_name, b.standard, b.published_at%6$s, c.n
      FROM b CROSS JOIN c
      WHERE %3$s
      OFFSET 0
    ) t
  ) t
) q
$r$, kleaders, wtot, levels_present, leaders, p.leader_cap - 1, outcols,
     (SELECT string_agg(format('t.t%s', i), ', ') FROM generate_series(1, k) i), kcols, tcols)
       WHEN 'cutoffs' THEN format('SELECT v.* FROM c CROSS JOIN LATERAL (VALUES %s) v(indicator, unit, eligible, distinct_levels, best, leader_cutoff, advanced_cutoff, baseline_cutoff)', cutvals)
     END,
     CASE WHEN frontrunner.citus_distributed() THEN format('(%s) b', body) ELSE 'b' END);
END
$$;
COMMENT ON FUNCTION @extschema@.ranking_query(bigint, text) IS
  'the SQL text rank_plan(), indicator_lists() and plan_cutoffs() run for a plan (the requirements as disclosed, or as their test methods verify them when the plan sets method_limits); output ''rows'': one row per eligible disclosure in rank order: rank, tier, key (the exact Σ weight·place the order and the cap compare), published_at, id, tier0 (before the cap), n, enterprise, enterprise_name, standard, per core indicator k (in key order) level lk, tier tk and place pk (level_place()) and, when test_method_limit records limits for it, vk (rule 8: the claim verifiable by its method, NULL when not judged), and score; ''cutoffs'': one row per core indicator; for inspection with EXPLAIN';


-- ---------------------------------------------------------------------
-- 0.2.0, session 5: import_disclosures() normalises a disclosure's USCC once
-- (its rows agree when it is batched), not once per staged row; on a
-- distributed registry it batches as on one node (test/citus/results.sql)
CREATE OR REPLACE FUNCTION @extschema@.import_disclosures(publish boolean DEFAULT true)
RETURNS TABLE (source_ref text, line bigint, disclosure bigint, outcome text,
               sqlstate text, message text, detail text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  g record;
  batch int;
  utf8 boolean := pg_catalog.current_setting('server_encoding') = 'UTF8';
  -- progress (frontrunner.progress): disclosures staged, done so far
  report boolean := frontrunner.progress();
  t0 timestamptz := clock_timestamp();
  total bigint;
  staged bigint;
  done bigint := 0;
  next_report bigint := 1000;
  left_ bigint;
BEGIN
  -- (the setting is the module's: load it)
  PERFORM frontrunner.version();
  batch := pg_catalog.current_setting('frontrunner.import_batch')::int;
  IF report THEN
    SELECT count(DISTINCT s.source_ref), count(*) INTO total, staged FROM frontrunner.disclosure_import s;
    PERFORM frontrunner.progress(format('import_disclosures(): %s disclosures in %s staged rows, batches of %s',
                                        total, staged, batch));
  END IF;
  -- The disclosures (source_ref groups) in waves: a disclosure comes after
  -- every earlier one (by first line) of its enterprise and after any staged
  -- disclosure of another enterprise it supersedes or that supersedes it —
  -- the only disclosures whose outcome can depend on each other — so a wave
  -- holds independent disclosures, applied in batches of at most
  -- frontrunner.import_batch with the same outcome as one at a time in line
  -- order (a batch of 1: exactly that order).  Enterprises are told apart by
  -- their USCC text normalised as uscc input does (NFKC, upper case, no
  -- spaces, hyphens or "!"); the batch itself refuses two of one value.
  -- Disclosures without source_ref, with disagreeing rows or without a USCC
  -- go one at a time (wave 0: they are rejected, writing nothing).
  FOR g IN
    WITH RECURSIVE grp AS (
      SELECT s.source_ref AS ref, array_agg(s.line ORDER BY s.line) AS lines, min(s.line) AS first_line,
             count(DISTINCT (s.uscc, s.enterprise_name, s.category, s.product, s.standard,
                             s.supersedes_ref, s.below_recommended_statement, s.published)) AS variants,
             -- (once a disclosure: only one whose rows agree is batched)
             nullif(pg_catalog.upper(pg_catalog.regexp_replace(
                   CASE WHEN utf8 THEN pg_catalog.normalize(min(s.uscc), 'NFKC') ELSE min(s.uscc) END,
                   '[[:space:]!-]', '', 'g')), '') AS ukey,
             min(s.supersedes_ref) AS sup
      FROM frontrunner.disclosure_import s
      GROUP BY s.source_ref
    ), ok AS (
      SELECT grp.* FROM grp
      WHERE grp.ref IS NOT NULL AND btrim(grp.ref) <> '' AND grp.variants = 1 AND grp.ukey IS NOT NULL
    ), edge AS (
      -- staged supersessions across enterprises (rare): their enterprises
      -- are ordered as one
      -- (without a join: a source_ref, the enterprise staging it and those
      -- staging its new versions; each of those linked to the first)
      SELECT DISTINCT z.x, z.y
      FROM (SELECT min(k.ukey) OVER w AS x, k.ukey AS y, bool_or(k.target) OVER w AS staged
            FROM (SELECT ok.ref AS key, ok.ukey, true AS target FROM ok
                  UNION ALL
                  SELECT ok.sup, ok.ukey, false FROM ok WHERE ok.sup IS NOT NULL) k
            WINDOW w AS (PARTITION BY k.key)) z
      WHERE z.staged AND z.x <> z.y
    ), und AS (
      SELECT e.x, e.y FROM edge e UNION SELECT e.y, e.x FROM edge e
    ), reach (k, r) AS (
      SELECT u.x, u.x FROM und u
      UNION
      SELECT reach.k, u.y FROM reach JOIN und u ON u.x = reach.r
    ), comp AS (
      SELECT reach.k, min(reach.r) AS c FROM reach GROUP BY reach.k
    ), waved AS (
      SELECT ok.lines, ok.first_line,
             CASE WHEN batch = 1 THEN 1
                  ELSE row_number() OVER (PARTITION BY coalesce(comp.c, ok.ukey) ORDER BY ok.first_line) END AS wave
      FROM ok LEFT JOIN comp ON comp.k = ok.ukey
    ), numbered AS (
      SELECT w.*, (row_number() OVER (PARTITION BY w.wave ORDER BY w.first_line) - 1) / batch AS bno
      FROM waved w
    ), batched AS (
      SELECT n.lines, n.first_line, n.wave, n.bno,
             1 + coalesce(sum(pg_catalog.cardinality(n.lines)) OVER (
                   PARTITION BY n.wave, n.bno ORDER BY n.first_line
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start
      FROM numbered n
    )
    SELECT 0 AS wave, 0 AS bno, grp.first_line, grp.ref, grp.lines, grp.variants, NULL::int[] AS starts
    FROM grp
    WHERE NOT (grp.ref IS NOT NULL AND btrim(grp.ref) <> '' AND grp.variants = 1 AND grp.ukey IS NOT NULL)
    UNION ALL
    SELECT b.wave, b.bno, min(b.first_line), NULL, array_agg(l.line ORDER BY b.first_line, l.line), 1,
           array_agg(b.start::int ORDER BY b.first_line) FILTER (WHERE l.line = b.lines[1])
    FROM batched b CROSS JOIN LATERAL pg_catalog.unnest(b.lines) l (line)
    GROUP BY b.wave, b.bno
    ORDER BY 1, 2, 3
  LOOP
    IF g.wave = 0 THEN
      RETURN QUERY SELECT o.* FROM frontrunner.import_disclosure_one(g.ref, g.lines, g.variants, publish) o;
      done := done + 1;
    ELSE
      RETURN QUERY SELECT t.* FROM frontrunner.import_disclosure_try(g.lines, g.starts, publish) t;
      done := done + pg_catalog.cardinality(g.starts);
    END IF;
    IF report AND done >= next_report THEN
      PERFORM frontrunner.progress(format('import_disclosures(): %s of %s disclosures done in %s s',
                                          done, total, round(extract(epoch FROM clock_timestamp() - t0), 3)));
      next_report := (done / 1000 + 1) * 1000;
    END IF;
  END LOOP;
  IF report THEN
    -- imported disclosures leave the staging table; rejected ones stay
    SELECT count(*) INTO left_ FROM (SELECT DISTINCT s.source_ref FROM frontrunner.disclosure_import s) x;
    PERFORM frontrunner.progress(format('import_disclosures(): %s disclosures done in %s s, %s imported, %s rejected',
                                        done, round(extract(epoch FROM clock_timestamp() - t0), 3), done - left_, left_));
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.import_disclosures(boolean) IS
  'applies the staged rows of disclosure_import through every rule: independent disclosures (source_ref groups) in batches of up to frontrunner.import_batch (default 1000) with one statement per table, a failing batch split until the disclosure at fault is alone — the outcome is the same as one disclosure at a time in line order, each in its own subtransaction; publishes them unless publish is false; imported rows leave the staging table, rejected rows stay; returns one report row per staged row (outcome published, draft or rejected, with SQLSTATE, message and detail); reports its progress every 1000 disclosures (frontrunner.progress)';

-- ---------------------------------------------------------------------
-- 0.2.0, session 5: campaign_report and unverifiable_leader read through (campaign_report_rows(),
-- campaign_audit_rows(), reference_report_rows(disclosure), unverifiable_leader_rows(),
-- SECURITY DEFINER), as district_report's counts: a view's functions run with
-- the caller's rights (the reader could not read reference_report's
-- current_edition: standard_current() reads standard), and on a distributed
-- registry Citus reads a view's shards with the caller's rights and policies
-- (a tenant saw only its own campaign results and draws, the reader was
-- refused unverifiable_leader); the same rows on one node.  The pre-fill of
-- an inspection reads one disclosure's references (reference_report_rows(id))
CREATE FUNCTION @extschema@.unverifiable_leader_rows()
RETURNS TABLE (plan text, ranking bigint, rank integer, disclosure bigint, enterprise text,
               enterprise_name text, product text, indicator text, requirement text,
               test_method text, effective text, reason text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN QUERY
  SELECT l.plan, l.ranking, l.rank, l.disclosure, l.enterprise, l.enterprise_name, l.product,
         v.indicator, v.requirement, v.test_method, v.effective, v.reason
  FROM frontrunner.current_leaders l
  JOIN frontrunner.claim_verifiability v ON v.disclosure = l.disclosure AND NOT v.verifiable
  JOIN frontrunner.evaluation_plan p ON p.code = l.plan
  JOIN frontrunner.plan_indicator pi ON pi.plan = p.id AND pi.indicator = v.indicator;
END
$$;
COMMENT ON FUNCTION @extschema@.unverifiable_leader_rows() IS
  'SECURITY DEFINER: the rows of the view unverifiable_leader (public data: current leaders and the verifiability of their published claims), read with the owner''s rights on one node and on a distributed registry alike';

CREATE OR REPLACE VIEW @extschema@.unverifiable_leader AS
SELECT u.plan, u.ranking, u.rank, u.disclosure, u.enterprise, u.enterprise_name, u.product,
       u.indicator, u.requirement, u.test_method, u.effective, u.reason
FROM @extschema@.unverifiable_leader_rows() u;

CREATE FUNCTION @extschema@.campaign_report_rows()
RETURNS TABLE (campaign text, title text, authority text, published_at timestamptz, disclosure bigint,
               enterprise text, enterprise_name text, product text, standard text, item text,
               outcome text, detail text, inspectors text, finding text, deadline date,
               follow_up text, overdue boolean)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT c.code AS campaign, c.title, c.authority, c.published_at,
         r.disclosure, r.enterprise::text AS enterprise, e.name AS enterprise_name, d.product,
         d.standard::text AS standard, r.item, r.outcome, r.detail, t.inspectors,
         f.description AS finding, f.deadline, f.follow_up,
         (f.follow_up = 'pending' AND f.deadline < CURRENT_DATE) AS overdue
  FROM frontrunner.inspection_campaign c
  JOIN frontrunner.inspection_result r ON r.campaign = c.id
  -- (a drawn disclosure's rows joined on (enterprise, disclosure): on a
  -- distributed registry on its shard)
  JOIN frontrunner.disclosure d ON d.enterprise OPERATOR(frontrunner.=) r.enterprise AND d.id = r.disclosure
  JOIN frontrunner.enterprise e ON e.uscc OPERATOR(frontrunner.=) r.enterprise
  LEFT JOIN (SELECT x.enterprise, x.campaign, x.disclosure, string_agg(x.inspector, ', ' ORDER BY x.team_rank) AS inspectors
             FROM frontrunner.inspection_draw x GROUP BY x.enterprise, x.campaign, x.disclosure) t
    ON t.enterprise OPERATOR(frontrunner.=) r.enterprise AND t.campaign = r.campaign AND t.disclosure = r.disclosure
  LEFT JOIN frontrunner.inspection_finding f
    ON f.enterprise OPERATOR(frontrunner.=) r.enterprise AND f.campaign = r.campaign AND f.disclosure = r.disclosure AND f.item = r.item
  WHERE c.status = 'published';
END
$$;
COMMENT ON FUNCTION @extschema@.campaign_report_rows() IS
  'SECURITY DEFINER: the rows of the view campaign_report (public data: the results of published campaigns), read with the owner''s rights on one node and on a distributed registry alike';

CREATE OR REPLACE VIEW @extschema@.campaign_report AS
SELECT r.campaign, r.title, r.authority, r.published_at, r.disclosure, r.enterprise, r.enterprise_name,
       r.product, r.standard, r.item, r.outcome, r.detail, r.inspectors, r.finding, r.deadline,
       r.follow_up, r.overdue
FROM @extschema@.campaign_report_rows() r;

CREATE FUNCTION @extschema@.campaign_audit_rows()
RETURNS TABLE (campaign text, seed text, category text, district text, sample_size integer,
               sample_fraction numeric, inspectors text, team_size integer, population text,
               population_size integer, drawn_at timestamptz, published_at timestamptz, draw text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT c.code AS campaign, c.seed, c.category, c.district, c.sample_size, c.sample_fraction,
         pg_catalog.array_to_string(c.inspectors, ',') AS inspectors, c.team_size,
         pg_catalog.array_to_string(c.population, ',') AS population, pg_catalog.cardinality(c.population) AS population_size,
         c.drawn_at, c.published_at, x.draw
  FROM frontrunner.inspection_campaign c
  -- (the draw grouped by campaign, not a subquery per campaign: on a
  -- distributed registry it is read over the shards)
  LEFT JOIN (SELECT x.campaign,
                    pg_catalog.array_to_string(pg_catalog.array_agg(x.disclosure || ':' || x.inspector ORDER BY x.place, x.team_rank), ',') AS draw
             FROM frontrunner.inspection_draw x GROUP BY x.campaign) x ON x.campaign = c.id
  WHERE c.status = 'published';
END
$$;
COMMENT ON FUNCTION @extschema@.campaign_audit_rows() IS
  'SECURITY DEFINER: the rows of the view campaign_audit (public data: published campaigns and their draws), read with the owner''s rights on one node and on a distributed registry alike';

CREATE OR REPLACE VIEW @extschema@.campaign_audit AS
SELECT a.campaign, a.seed, a.category, a.district, a.sample_size, a.sample_fraction, a.inspectors,
       a.team_size, a.population, a.population_size, a.drawn_at, a.published_at, a.draw
FROM @extschema@.campaign_audit_rows() a;

CREATE FUNCTION @extschema@.reference_report_rows(disclosure_filter bigint DEFAULT NULL)
RETURNS TABLE (disclosure bigint, enterprise text, category text, product text,
               reference_kind text, indicator text, reference text, state text,
               withdrawn_on date, replaced_by text, replaced_on date, current_edition text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  -- (one query per kind of reference, each joining a disclosure's rows on
  -- (enterprise, id): on a distributed registry each runs on the shards)
  SELECT d.id AS disclosure, d.enterprise::text AS enterprise, d.category, d.product,
         'executed standard' AS reference_kind, NULL::text AS indicator, d.standard::text AS reference,
         CASE WHEN s.withdrawn_on <= CURRENT_DATE THEN 'withdrawn' ELSE 'replaced' END AS state,
         s.withdrawn_on, s.replaced_by::text AS replaced_by, s.replaced_on,
         frontrunner.standard_current(s.code)::text AS current_edition
  FROM frontrunner.disclosure d
  JOIN frontrunner.standard s ON s.code OPERATOR(frontrunner.=) d.standard
  WHERE d.status = 'published' AND (s.withdrawn_on <= CURRENT_DATE OR s.replaced_by IS NOT NULL)
    AND ($1 IS NULL OR d.id = $1)
  UNION ALL
  SELECT d.id, d.enterprise::text, d.category, d.product, 'test method', i.indicator, i.test_method::text,
         CASE WHEN s.withdrawn_on <= CURRENT_DATE THEN 'withdrawn' ELSE 'replaced' END,
         s.withdrawn_on, s.replaced_by::text, s.replaced_on, frontrunner.standard_current(s.code)::text
  FROM frontrunner.disclosure d
  JOIN frontrunner.disclosed_indicator i ON i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = d.id
  JOIN frontrunner.standard s ON s.code OPERATOR(frontrunner.=) i.test_method
  WHERE d.status = 'published' AND (s.withdrawn_on <= CURRENT_DATE OR s.replaced_by IS NOT NULL)
    AND ($1 IS NULL OR d.id = $1);
END
$$;
COMMENT ON FUNCTION @extschema@.reference_report_rows(bigint) IS
  'SECURITY DEFINER: the rows of the view reference_report (public data: the withdrawn or replaced references of published disclosures, with the edition current today), of disclosure disclosure_filter, or (NULL, the default) of all, read with the owner''s rights on one node and on a distributed registry alike';

CREATE OR REPLACE VIEW @extschema@.reference_report AS
SELECT r.disclosure, r.enterprise, r.category, r.product, r.reference_kind, r.indicator, r.reference,
       r.state, r.withdrawn_on, r.replaced_by, r.replaced_on, r.current_edition
FROM @extschema@.reference_report_rows() r;

CREATE OR REPLACE FUNCTION @extschema@.inspection_prefill(disclosure_id bigint)
RETURNS TABLE (item text, outcome text, detail text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  std frontrunner.stdcode;
  found_d boolean;
  std_known boolean;
  tenant frontrunner.uscc;
  v_rule text[];
  v_message text[];
  r_kind text[];
  r_indicator text[];
  r_reference text[];
  r_state text[];
  r_current text[];
  i_indicator text[];
  i_requirement frontrunner.indicator[];
  i_method frontrunner.stdcode[];
BEGIN
  -- what the database knows, read a statement at a time (on a distributed
  -- registry: the disclosure's shard, read from the coordinator), then judged
  -- over what was read (claim_check() reads the reference table
  -- test_method_limit there, not in a query on the shard)
  SELECT x.enterprise, x.standard INTO tenant, std FROM frontrunner.disclosure x WHERE x.id = disclosure_id;
  found_d := FOUND;
  std_known := found_d AND EXISTS (SELECT FROM frontrunner.standard s WHERE s.code OPERATOR(frontrunner.=) std);
  SELECT pg_catalog.array_agg(w.rule), pg_catalog.array_agg(w.message) INTO v_rule, v_message
  FROM frontrunner.disclosure_violations(ARRAY[disclosure_id]) w;
  SELECT pg_catalog.array_agg(r.reference_kind), pg_catalog.array_agg(r.indicator), pg_catalog.array_agg(r.reference),
         pg_catalog.array_agg(r.state), pg_catalog.array_agg(r.current_edition)
    INTO r_kind, r_indicator, r_reference, r_state, r_current
  FROM frontrunner.reference_report_rows(disclosure_id) r;
  SELECT pg_catalog.array_agg(i.indicator), pg_catalog.array_agg(i.requirement), pg_catalog.array_agg(i.test_method)
    INTO i_indicator, i_requirement, i_method
  FROM frontrunner.disclosed_indicator i
  WHERE i.enterprise OPERATOR(frontrunner.=) tenant AND i.disclosure = disclosure_id;
  RETURN QUERY
  WITH d AS (
    SELECT std AS standard WHERE found_d
  ), v AS (
    SELECT w.rule, w.message FROM ROWS FROM (pg_catalog.unnest(v_rule), pg_catalog.unnest(v_message)) w(rule, message)
  ), refs AS (
    SELECT r.reference_kind, r.indicator, r.reference, r.state, r.current_edition
    FROM ROWS FROM (pg_catalog.unnest(r_kind), pg_catalog.unnest(r_indicator), pg_catalog.unnest(r_reference),
                    pg_catalog.unnest(r_state), pg_catalog.unnest(r_current)) r(reference_kind, indicator, reference, state, current_edition)
  ), claims AS (
    SELECT i.indicator, i.requirement, i.test_method, c.verifiable, c.reason
    FROM ROWS FROM (pg_catalog.unnest(i_indicator), pg_catalog.unnest(i_requirement), pg_catalog.unnest(i_method)) i(indicator, requirement, test_method)
    CROSS JOIN LATERAL frontrunner.claim_check(i.requirement, i.test_method, i.indicator) c
  ), checks AS (
    SELECT 'mandatory_floor' AS item,
           EXISTS (SELECT FROM v WHERE v.rule = 'rule 3') AS bad, false AS unknown,
           (SELECT string_agg(v.message, '; ') FROM v WHERE v.rule = 'rule 3') AS found,
           'every disclosed indicator is at least as strict as the in-force mandatory standards' AS ok
    UNION ALL
    SELECT 'withdrawn_standard',
           EXISTS (SELECT FROM refs WHERE refs.reference_kind = 'executed standard' AND refs.state = 'withdrawn'),
           NOT std_known
             AND frontrunner.std_kind((SELECT d.standard FROM d)) <> 'enterprise',
           (SELECT string_agg(format('executes %s, withdrawn; current edition %s', refs.reference, refs.current_edition), '; ')
            FROM refs WHERE refs.reference_kind = 'executed standard' AND refs.state = 'withdrawn'),
           CASE WHEN std_known
                     OR frontrunner.std_kind((SELECT d.standard FROM d)) = 'enterprise'
                THEN 'the executed standard is not withdrawn'
                ELSE format('standard %s is not in table standard: check that it is in force', (SELECT d.standard FROM d)) END
    UNION ALL
    SELECT 'numbering',
           frontrunner.standard_number_problem((SELECT d.standard FROM d)) IS NOT NULL
             AND frontrunner.std_kind((SELECT d.standard FROM d)) = 'enterprise', false,
           (frontrunner.standard_number_problem((SELECT d.standard FROM d)))[1],
           'the standard number is well formed'
    UNION ALL
    SELECT 'indicators_disclosed',
           EXISTS (SELECT FROM v WHERE v.rule = 'rule 2'), false,
           (SELECT string_agg(v.message, '; ') FROM v WHERE v.rule = 'rule 2'),
           'the required indicators and their test methods are disclosed'
    UNION ALL
    SELECT 'references',
           EXISTS (SELECT FROM refs WHERE refs.reference_kind = 'test method'), false,
           (SELECT string_agg(format('%s: %s %s, current edition %s', refs.indicator, refs.reference, refs.state, refs.current_edition),
                              '; ' ORDER BY refs.indicator)
            FROM refs WHERE refs.reference_kind = 'test method'),
           'no test method named is withdrawn or replaced'
    UNION ALL
    SELECT 'verifiability',
           EXISTS (SELECT FROM claims WHERE NOT claims.verifiable),
           EXISTS (SELECT FROM claims WHERE claims.verifiable IS NULL),
           (SELECT string_agg(format('%s %s: %s', claims.indicator, claims.requirement, claims.reason), '; ' ORDER BY claims.indicator)
            FROM claims WHERE NOT claims.verifiable),
           CASE WHEN EXISTS (SELECT FROM claims WHERE claims.verifiable IS NULL)
                THEN 'not judged: ' || (SELECT string_agg(format('%s (%s)', claims.indicator, claims.reason), '; ' ORDER BY claims.indicator)
                                        FROM claims WHERE claims.verifiable IS NULL)
                ELSE 'every limit disclosed is within what its test method measures' END
  )
  SELECT c.item,
         CASE WHEN c.bad THEN 'nonconforming' WHEN c.unknown THEN 'not_judged' ELSE 'conforms' END,
         CASE WHEN c.bad THEN c.found ELSE c.ok END
  FROM checks c;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_prefill(bigint) IS
  'what the database knows about the six inspection items of a disclosure (mandatory_floor: rule 3; withdrawn_standard; numbering: rule 1; indicators_disclosed: rule 2; references: reference_report; verifiability: claim_check()), as pre-filled outcomes with their detail';

ALTER FUNCTION @extschema@.unverifiable_leader_rows() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.unverifiable_leader_rows() FROM PUBLIC;
ALTER FUNCTION @extschema@.campaign_report_rows() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.campaign_report_rows() FROM PUBLIC;
ALTER FUNCTION @extschema@.campaign_audit_rows() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.campaign_audit_rows() FROM PUBLIC;
ALTER FUNCTION @extschema@.reference_report_rows(bigint) SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.reference_report_rows(bigint) FROM PUBLIC;

-- campaign_store_draw(): the sample computed once (it was computed twice:
-- for the drawn disclosures' enterprises and for the rows)
CREATE OR REPLACE FUNCTION @extschema@.campaign_store_draw(campaign_id bigint) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
-- (on a distributed registry: the draw and its results go into the shards
-- of their enterprises, over one connection per node)
SET citus.multi_shard_modify_mode = sequential
AS $$
DECLARE
  c frontrunner.inspection_campaign;
  caller name := frontrunner.invoker();
  ids bigint[];
  tenants frontrunner.uscc[];
  s_disclosure bigint[];
  s_inspector text[];
  s_place int[];
  s_rank int[];
  one record;
BEGIN
  -- regulators, and the owner of the extension's tables (the DBA; superusers)
  IF NOT (frontrunner.role_in_group(caller, 'frontrunner_regulator')
          OR pg_catalog.pg_has_role(caller, (SELECT t.relowner FROM pg_catalog.pg_class t
                                             WHERE t.oid = 'frontrunner.inspection_campaign'::pg_catalog.regclass), 'MEMBER')) THEN
    RAISE EXCEPTION 'permission denied to draw inspection campaign %', campaign_id
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('Role %s is not a member of frontrunner_regulator.', caller),
            HINT = 'Campaigns are drawn by the regulator (draw_campaign()).';
  END IF;
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.id = campaign_id;
  IF c.status = 'planned' AND frontrunner.citus_distributed() THEN
    -- on a distributed registry the draw is made here, on the coordinator:
    -- the population read over every shard, written into every node's copy
    -- of the campaign (its trigger takes it from the owner only)
    ids := frontrunner.campaign_population(c);
    UPDATE frontrunner.inspection_campaign x SET status = 'drawn', population = ids
    WHERE x.id = c.id
    RETURNING x.* INTO c;
  END IF;
  IF c.status IS DISTINCT FROM 'drawn' THEN
    RETURN;  -- not drawn (draw_campaign() draws)
  END IF;
  PERFORM 1 FROM frontrunner.inspection_draw r WHERE r.campaign = c.id LIMIT 1;
  IF FOUND THEN
    RETURN;  -- the draw is stored already
  END IF;
  -- campaign_sample() of the population (once: a key per disclosure of the
  -- population), each drawn disclosure with its enterprise (read first: the
  -- rows then go to their shards)
  SELECT pg_catalog.array_agg(s.disclosure), pg_catalog.array_agg(s.inspector),
         pg_catalog.array_agg(s.place), pg_catalog.array_agg(s.team_rank)
    INTO s_disclosure, s_inspector, s_place, s_rank
  FROM frontrunner.campaign_sample(c.population, c.seed, c.sample_size, c.sample_fraction,
                                   c.inspectors, c.team_size) s;
  SELECT pg_catalog.array_agg(d.id ORDER BY d.id), pg_catalog.array_agg(d.enterprise ORDER BY d.id) INTO ids, tenants
  FROM frontrunner.disclosure d
  WHERE d.id = ANY (s_disclosure);
  INSERT INTO frontrunner.inspection_draw (campaign, disclosure, inspector, place, team_rank, enterprise)
  SELECT c.id, s.disclosure, s.inspector, s.place, s.team_rank, t.enterprise
  FROM ROWS FROM (pg_catalog.unnest(s_disclosure), pg_catalog.unnest(s_inspector), pg_catalog.unnest(s_place),
                  pg_catalog.unnest(s_rank)) s(disclosure, inspector, place, team_rank)
  JOIN ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(tenants)) t(id, enterprise) ON t.id = s.disclosure;
  -- the pre-filled items, a disclosure at a time (inspection_prefill() reads
  -- its shard and the reference tables)
  FOR one IN SELECT t.id, t.enterprise FROM ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(tenants)) t(id, enterprise) ORDER BY t.id LOOP
    INSERT INTO frontrunner.inspection_result (campaign, disclosure, item, outcome, prefilled, detail, enterprise)
    SELECT c.id, one.id, p.item, p.outcome, p.outcome, p.detail, one.enterprise
    FROM frontrunner.inspection_prefill(one.id) p;
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.campaign_store_draw(bigint) IS
  'SECURITY DEFINER (nobody may write a draw or a pre-filled result by hand), for regulators: stores the draw of a drawn campaign once: campaign_sample() of its population and seed in inspection_draw, the pre-filled items of every drawn disclosure (inspection_prefill()) in inspection_result; on a distributed registry it draws a planned campaign first (population read on the coordinator, written into every copy of the campaign); nothing for a campaign planned on one node or whose draw is stored (draw_campaign() calls it)';
ALTER FUNCTION @extschema@.campaign_store_draw(bigint) SECURITY DEFINER;

-- (the classes of the functions above: security_objects() as installed)
CREATE OR REPLACE FUNCTION @extschema@.security_objects()
RETURNS TABLE (kind text, name text, class text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  VALUES
    -- tables
    ('table', 'enterprise', 'reference'),
    ('table', 'standard', 'reference'),
    ('table', 'category', 'reference'),
    ('table', 'indicator_def', 'reference'),
    ('table', 'standard_requirement', 'reference'),
    ('table', 'disclosure', 'tenant_disclosure'),
    ('table', 'disclosed_indicator', 'tenant_disclosure'),
    ('table', 'disclosure_event', 'history'),
    ('table', 'spot_check', 'spot_check'),
    ('table', 'disclosure_import', 'staging'),
    ('table', 'evaluation_plan', 'tenant_plan'),
    ('table', 'plan_indicator', 'tenant_plan'),
    ('table', 'ranking', 'ranking'),
    ('table', 'ranking_entry', 'ranking'),
    ('table', 'ranking_lock', 'internal'),
    ('table', 'account', 'account'),
    ('table', 'plan_review', 'review'),
    ('table', 'review_policy', 'reference'),
    ('table', 'feedback', 'feedback'),
    ('table', 'spot_check_request', 'supervision'),
    ('table', 'test_method_limit', 'reference'),
    ('table', 'inspection_campaign', 'supervision'),
    ('table', 'inspection_draw', 'inspection_read'),
    ('table', 'inspection_result', 'inspection'),
    ('table', 'inspection_finding', 'finding'),
    -- views: they run with their owner's rights (no RLS); each shows public data only
    ('view', 'requirement_in_force', 'public_view'),
    ('view', 'spot_check_failure', 'public_view'),
    ('view', 'leaderboard', 'public_view'),
    ('view', 'current_leaders', 'public_view'),
    -- benchmark comparison: reference data and non-draft disclosures only
    ('view', 'standard_latest', 'public_view'),
    ('view', 'benchmark_requirement', 'public_view'),
    ('view', 'benchmark_pair', 'public_view'),
    ('view', 'benchmark_summary', 'public_view'),
    ('view', 'benchmark_gap', 'public_view'),
    ('view', 'benchmark_profile', 'public_view'),
    ('view', 'district_report', 'public_view'),
    ('view', 'enterprise_record', 'public_view'),
    ('view', 'category_report', 'public_view'),
    ('view', 'reference_report', 'public_view'),
    ('view', 'claim_verifiability', 'public_view'),
    ('view', 'unverifiable_leader', 'public_view'),
    ('view', 'campaign_report', 'public_view'),
    ('view', 'campaign_audit', 'public_view'),
    -- the same rows as four of those in the domain types, for the functions
    -- that compare them (invoker's rights) and for jobs; not for the reader,
    -- whose views have plain column types only (README, Clients and BI)
    ('view', 'requirement_in_force_typed', 'typed_view'),
    ('view', 'standard_latest_typed', 'typed_view'),
    ('view', 'benchmark_requirement_typed', 'typed_view'),
    ('view', 'benchmark_pair_typed', 'typed_view'),
    -- sequences (identity columns need no grant to insert)
    ('sequence', 'disclosure_id_seq', 'sequence'),
    ('sequence', 'spot_check_id_seq', 'sequence'),
    ('sequence', 'disclosure_event_id_seq', 'sequence'),
    ('sequence', 'disclosure_import_line_seq', 'sequence'),
    ('sequence', 'evaluation_plan_id_seq', 'sequence'),
    ('sequence', 'ranking_id_seq', 'sequence'),
    ('sequence', 'plan_review_id_seq', 'sequence'),
    ('sequence', 'review_policy_id_seq', 'sequence'),
    ('sequence', 'feedback_id_seq', 'sequence'),
    ('sequence', 'spot_check_request_id_seq', 'sequence'),
    ('sequence', 'inspection_campaign_id_seq', 'sequence'),
    ('sequence', 'inspection_finding_id_seq', 'sequence'),
    -- functions (every overload of the name).  Support functions of types,
    -- operators, operator classes, aggregates and casts are public without
    -- being listed.
    ('function', 'normalize_input', 'public'),
    ('function', 'version', 'public'),
    ('function', 'restoring', 'public'),
    ('function', 'tenant_fill', 'trigger'),
    ('function', 'uscc_registry', 'public'),
    ('function', 'uscc_entity', 'public'),
    ('function', 'uscc_region', 'public'),
    ('function', 'uscc_org_code', 'public'),
    ('function', 'uscc_is_valid', 'public'),
    ('function', 'uscc_complete', 'public'),
    ('function', 'uscc_registry_name', 'public'),
    ('function', 'std_kind', 'public'),
    ('function', 'std_nature', 'public'),
    ('function', 'std_prefix', 'public'),
    ('function', 'std_number', 'public'),
    ('function', 'std_year', 'public'),
    ('function', 'std_undated', 'public'),
    ('function', 'std_adopts', 'public'),
    ('function', 'units', 'public'),
    ('function', 'unit_prefixes', 'public'),
    ('function', 'unit_canonical', 'public'),
    ('function', 'unit_dimension', 'public'),
    ('function', 'unit_commensurable', 'public'),
    ('function', 'unit_convert', 'public'),
    ('function', 'unit_compare', 'public'),
    ('function', 'unit_value_key', 'public'),
    ('function', 'compare', 'public'),
    ('function', 'satisfies', 'public'),
    ('function', 'level', 'public'),
    ('function', 'comparable_level', 'public'),
    ('function', 'margin', 'public'),
    ('function', 'lower', 'public'),
    ('function', 'upper', 'public'),
    ('function', 'lower_inc', 'public'),
    ('function', 'upper_inc', 'public'),
    ('function', 'is_nd', 'public'),
    ('function', 'unit', 'public'),
    ('function', 'to_unit', 'public'),
    ('function', 'to_text', 'public'),
    -- indicator forms of 0.2.0 (issue 16): accessors of precision, basis and plan
    ('function', 'form', 'public'),
    ('function', 'lower_precision', 'public'),
    ('function', 'upper_precision', 'public'),
    ('function', 'species', 'public'),
    ('function', 'sample_basis', 'public'),
    ('function', 'fraction', 'public'),
    ('function', 'plan_n', 'public'),
    ('function', 'plan_c', 'public'),
    ('function', 'plan_m', 'public'),
    ('function', 'plan_max', 'public'),
    ('function', 'pinyin', 'public'),
    ('function', 'pinyin_compact', 'public'),
    ('function', 'min', 'public'),
    ('function', 'max', 'public'),
    ('function', 'level_stats', 'public'),
    ('function', 'level_count', 'public'),
    ('function', 'level_distinct', 'public'),
    ('function', 'level_cutoff', 'public'),
    ('function', 'level_standing', 'public'),
    ('function', 'level_place', 'public'),
    ('function', 'levels', 'public'),
    ('function', 'levels_json', 'public'),
    ('function', 'standard_edition', 'public'),
    ('function', 'benchmark_class_rank', 'public'),
    ('function', 'level_counts', 'public'),
    ('function', 'level_direction', 'public'),
    ('function', 'level_reaches', 'public'),
    -- the policies' helpers: they reveal nothing the caller cannot see
    ('function', 'invoker', 'public'),
    ('function', 'role_in_group', 'public'),
    ('function', 'is_regulator', 'public'),
    ('function', 'current_enterprise', 'public'),
    ('function', 'current_agency', 'public'),
    ('function', 'disclosure_visible', 'public'),
    ('function', 'disclosure_owned', 'public'),
    ('function', 'plan_visible', 'public'),
    ('function', 'plan_owned', 'public'),
    ('function', 'security_classes', 'public'),
    ('function', 'security_objects', 'public'),
    ('function', 'security_extension_objects', 'public'),
    ('function', 'security_plan', 'public'),
    ('function', 'account_enterprise', 'tenant_lookup'),
    ('function', 'account_agency', 'tenant_lookup'),
    -- registry
    ('function', 'enterprise_fill_region', 'trigger'),
    ('function', 'disclosure_before_insert', 'trigger'),
    ('function', 'disclosure_before_update', 'trigger'),
    ('function', 'disclosure_row', 'trigger'),
    ('function', 'disclosure_before_delete', 'trigger'),
    ('function', 'disclosure_after_statement', 'trigger'),
    ('function', 'disclosure_after_statement_general', 'trigger'),
    ('function', 'refuse_truncate', 'trigger'),
    ('function', 'disclosed_indicator_guard', 'trigger'),
    ('function', 'disclosed_indicator_insert_check', 'trigger'),
    ('function', 'refuse_change', 'trigger'),
    ('function', 'spot_check_before_write', 'trigger'),
    ('function', 'raise_violation', 'disclosure_write'),
    ('function', 'standard_number_problem', 'disclosure_write'),
    ('function', 'check_standard_number', 'disclosure_write'),
    ('function', 'indicator_violations', 'disclosure_write'),
    ('function', 'indicator_entry_check', 'disclosure_write'),
    ('function', 'disclosure_violations', 'disclosure_write'),
    ('function', 'disclosure_publication_check', 'disclosure_write'),
    ('function', 'disclosure_publication_suspect', 'disclosure_write'),
    ('function', 'indicator_entry_suspect', 'disclosure_write'),
    ('function', 'publish_disclosure', 'disclosure_write'),
    ('function', 'withdraw_disclosure', 'disclosure_write'),
    ('function', 'disclosure_history', 'registry_read'),
    ('function', 'enterprise_search', 'registry_read'),
    ('function', 'excluded', 'registry_read'),
    ('function', 'import_disclosures', 'regulator'),
    ('function', 'import_disclosure_one', 'regulator'),
    ('function', 'import_disclosure_batch', 'regulator'),
    ('function', 'import_disclosure_try', 'regulator'),
    -- plans and ranking
    ('function', 'evaluation_plan_before_write', 'trigger'),
    ('function', 'plan_indicator_before_write', 'trigger'),
    ('function', 'spot_check_revoke', 'trigger'),
    ('function', 'spot_check_revoke_reason', 'registry_read'),
    ('function', 'ranking_lock', 'regulator'),
    ('function', 'plan_immutable_error', 'plan_write'),
    ('function', 'plan_publication_check', 'plan_write'),
    ('function', 'plan_for_share', 'plan_write'),
    ('function', 'plan_row', 'registry_read'),
    ('function', 'plan_id', 'registry_read'),
    ('function', 'leaders_json', 'registry_read'),
    ('function', 'benchmark', 'registry_read'),
    ('function', 'benchmark_profile', 'registry_read'),
    ('function', 'disclosure_json', 'registry_read'),
    ('function', 'levelset_noted', 'plan_read'),
    ('function', 'ranking_query', 'plan_read'),
    ('function', 'plan_core_indicators', 'plan_read'),
    ('function', 'plan_cutoffs', 'plan_read'),
    ('function', 'eligibility', 'plan_read'),
    ('function', 'rank_plan', 'plan_read'),
    ('function', 'indicator_lists', 'plan_read'),
    ('function', 'publish_ranking', 'plan_read'),
    ('function', 'ranking_publisher_check', 'internal'),
    -- supervision
    ('function', 'plan_review_before_insert', 'trigger'),
    ('function', 'feedback_before_write', 'trigger'),
    ('function', 'spot_check_request_before_write', 'trigger'),
    ('function', 'plan_review_check', 'plan_write'),
    ('function', 'plan_review_state', 'plan_write'),
    ('function', 'plan_open_rejections', 'plan_write'),
    ('function', 'plan_policy_check', 'plan_write'),
    ('function', 'review_minimum', 'registry_read'),
    ('function', 'review_policy_before_write', 'trigger'),
    ('function', 'feedback_subject', 'feedback_file'),
    ('function', 'feedback_error', 'feedback_file'),
    -- supervision of disclosures: verifiability, references, inspection campaigns
    ('function', 'standard_current', 'registry_read'),
    ('function', 'test_method_limit_check', 'trigger'),
    ('function', 'claim_judge', 'public'),
    ('function', 'claim_check', 'registry_read'),
    ('function', 'claim_effective', 'registry_read'),
    ('function', 'unverifiable_claims_setting', 'registry_read'),
    ('function', 'disclosure_verifiable_check', 'trigger'),
    ('function', 'draw_key', 'public'),
    ('function', 'campaign_sample', 'public'),
    ('function', 'campaign_population', 'regulator'),
    ('function', 'inspection_prefill', 'regulator'),
    ('function', 'draw_campaign', 'regulator'),
    ('function', 'campaign_store_draw', 'regulator'),
    ('function', 'inspection_campaign_before_write', 'trigger'),
    ('function', 'inspection_campaign_after_draw', 'trigger'),
    ('function', 'inspection_result_before_write', 'trigger'),
    ('function', 'inspection_finding_before_write', 'trigger'),
    -- what findings do (published campaigns' findings only: public data)
    ('function', 'finding_exclusions', 'public_view_part'),
    ('function', 'finding_counts', 'public_view_part'),
    ('function', 'unverifiable_leader_rows', 'public_view_part'),
    ('function', 'campaign_report_rows', 'public_view_part'),
    ('function', 'campaign_audit_rows', 'public_view_part'),
    ('function', 'reference_report_rows', 'public_view_part'),
    ('function', 'division_name', 'public'),
    -- clients: progress, streaming, the search path
    ('function', 'progress', 'public'),
    ('function', 'rank_plan_query', 'plan_read'),
    ('function', 'rank_plan_cursor', 'plan_read'),
    ('function', 'rank_plan_start', 'plan_read'),
    ('function', 'search_path_elements', 'public'),
    ('function', 'database_search_path', 'public'),
    ('function', 'search_path_problems', 'public'),
    ('function', 'setup_search_path', 'dba'),
    ('function', 'setup_roles', 'dba'),
    ('function', 'open_feedback', 'public_view_part'),
    -- scale-out (96_citus.sql): the layout and the helpers of the rules are
    -- public, distributing the registry is the DBA's
    ('function', 'citus_distributed', 'public'),
    ('function', 'clock', 'public'),
    ('function', 'citus_tenants', 'public'),
    ('function', 'citus_layout', 'public'),
    ('function', 'citus_on_workers', 'dba'),
    ('function', 'citus_placements', 'public'),
    ('function', 'citus_rekey', 'dba'),
    ('function', 'citus_distribute', 'dba')
$$;
COMMENT ON FUNCTION @extschema@.security_objects() IS
  'the security class of every table, view, sequence and function of the extension (functions by name, every overload; support functions of types, operators, operator classes, aggregates and casts are public without a row): what setup_roles() grants; test/security.sql fails when an object is missing';

-- ---------------------------------------------------------------------
-- 0.2.0, session 6: clock() in C (src/registry_trigger.c), the rules'
-- triggers call it without entering PL/pgSQL
-- ---------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.clock() RETURNS timestamptz
  AS 'MODULE_PATHNAME', 'fr_clock' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clock() IS
  'the database clock of the rules (published_at, withdrawn_at, the plan and review stamps, history): now() on one node; on a Citus cluster the stamp of the distributed transaction, the same on every node, and now() before the transaction''s first distributed statement';
