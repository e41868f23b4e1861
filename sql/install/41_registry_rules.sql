-- Disclosure rules (api.md §3, rules 1-6), enforced by triggers.
--
--   FR001  rule 1  numbering of the executed standard
--   FR002  rule 2  completeness at publication (own enterprise standard)
--   FR003  rule 3  mandatory floor (data entry and publication)
--   FR004  rule 4  recommended floor without the explicit statement
--   FR005  rule 5  publication workflow and immutability
--   FR006  rule 6  spot checks
--   23503          a disclosed indicator not defined for the category
-- See doc/registry.md for the table of messages.

-- the requirements that are in force today ------------------------------------
CREATE VIEW @extschema@.requirement_in_force AS
SELECT r.category, r.indicator, r.standard, s.kind, s.nature, r.requirement, r.test_method
FROM @extschema@.standard_requirement r
JOIN @extschema@.standard s ON s.code = r.standard
WHERE (s.effective_on IS NULL OR s.effective_on <= CURRENT_DATE)
  AND (s.withdrawn_on IS NULL OR s.withdrawn_on > CURRENT_DATE);
COMMENT ON VIEW @extschema@.requirement_in_force IS
  'standard requirements of the standards in force today (effective, not withdrawn), with the standard''s kind and nature';
COMMENT ON COLUMN @extschema@.requirement_in_force.category IS 'category';
COMMENT ON COLUMN @extschema@.requirement_in_force.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.requirement_in_force.standard IS 'the standard in force';
COMMENT ON COLUMN @extschema@.requirement_in_force.kind IS 'std_kind of the standard';
COMMENT ON COLUMN @extschema@.requirement_in_force.nature IS 'std_nature of the standard (mandatory, recommended, guidance or NULL)';
COMMENT ON COLUMN @extschema@.requirement_in_force.requirement IS 'the requirement';
COMMENT ON COLUMN @extschema@.requirement_in_force.test_method IS 'test method the standard names';

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

-- rule 1: numbering -------------------------------------------------------------
CREATE FUNCTION @extschema@.check_standard_number(code @extschema@.stdcode)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  y int;
BEGIN
  IF frontrunner.std_kind(code) = 'enterprise' THEN
    y := frontrunner.std_year(code);
    IF y IS NULL THEN
      RAISE EXCEPTION 'rule 1 (numbering): enterprise standard % has no year', code
        USING ERRCODE = 'FR001',
              DETAIL = format('Standard number: %s. An enterprise standard number is Q/<enterprise code> <number>-<4-digit year>.', code),
              HINT = format('Append the 4-digit year of the edition the product executes: %s-YYYY.', code),
              TABLE = 'disclosure', COLUMN = 'standard';
    END IF;
    IF y > extract(year FROM CURRENT_DATE) THEN
      RAISE EXCEPTION 'rule 1 (numbering): enterprise standard % is dated in the future', code
        USING ERRCODE = 'FR001',
              DETAIL = format('Standard number: %s; year %s is after the current year %s.', code, y, extract(year FROM CURRENT_DATE)),
              HINT = 'Use the number of an edition that has been issued.',
              TABLE = 'disclosure', COLUMN = 'standard';
    END IF;
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.check_standard_number(@extschema@.stdcode) IS
  'rule 1: raises FR001 when an enterprise standard number (Q/…) has no year or a year in the future';

-- rule 3 for one disclosed indicator (also used at publication) -------------------
CREATE FUNCTION @extschema@.check_mandatory_floor(category text, indicator text,
                                                  requirement @extschema@.indicator)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  r record;
  verdict text;
BEGIN
  PERFORM FROM frontrunner.indicator_def d WHERE d.category = $1 AND d.key = $2;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'indicator "%" is not defined for category "%"', $2, $1
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (category, indicator)=(%s, %s) is not present in table indicator_def.', $1, $2),
            HINT = 'Disclose an indicator of the category, or add it to indicator_def first.',
            TABLE = 'disclosed_indicator', COLUMN = 'indicator';
  END IF;
  FOR r IN
    SELECT f.standard, f.requirement
    FROM frontrunner.requirement_in_force f
    WHERE f.category = $1 AND f.indicator = $2 AND f.nature = 'mandatory'
    ORDER BY f.standard
  LOOP
    verdict := frontrunner.compare($3, r.requirement);
    IF verdict NOT IN ('stricter', 'equal') THEN
      RAISE EXCEPTION 'rule 3 (mandatory floor): indicator "%" is looser than mandatory standard %', $2, r.standard
        USING ERRCODE = 'FR003',
              DETAIL = format('Disclosed requirement: %s; %s requires: %s (compare: %s).',
                              $3, r.standard, r.requirement, verdict),
              HINT = format('A disclosed requirement must be at least as strict as %s in force: tighten it to %s or stricter.',
                            r.standard, r.requirement),
              TABLE = 'disclosed_indicator', COLUMN = 'requirement';
    END IF;
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.check_mandatory_floor(text, text, @extschema@.indicator) IS
  'rule 3: raises FR003 when a requirement is not at least as strict as every in-force mandatory standard of the category and indicator (23503 when the indicator is not defined)';

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

CREATE FUNCTION @extschema@.disclosure_publication_check(ids bigint[])
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  r record;
  bad bigint;
  first_bad bigint;
BEGIN
  -- Screen, set-based: the first disclosure breaking any rule.  Hash joins
  -- over the disclosures' indicators, the small set of floors in force
  -- computed once.  Only that disclosure is then examined rule by rule,
  -- below, to say which rule and why.
  SELECT min(d.id) INTO first_bad
  FROM frontrunner.disclosure d
  WHERE d.id = ANY (ids)
    AND ((frontrunner.std_kind(d.standard) = 'enterprise'
          AND (frontrunner.std_year(d.standard) IS NULL
               OR frontrunner.std_year(d.standard) > extract(year FROM CURRENT_DATE)))
         OR EXISTS (SELECT FROM frontrunner.standard s
                    WHERE s.code OPERATOR(frontrunner.=) d.standard AND s.withdrawn_on <= CURRENT_DATE));

  WITH pub AS MATERIALIZED (
    SELECT d.id, d.category, frontrunner.std_kind(d.standard) = 'enterprise' AS own,
           coalesce(btrim(d.below_recommended_statement), '') = '' AS no_statement
    FROM frontrunner.disclosure d WHERE d.id = ANY (ids)),
  ind AS MATERIALIZED (
    SELECT p.id, p.category, p.own, p.no_statement, i.indicator, i.requirement, i.test_method
    FROM pub p JOIN frontrunner.disclosed_indicator i ON i.disclosure = p.id),
  floors AS MATERIALIZED (
    SELECT f.category, f.indicator, f.nature, f.requirement
    FROM frontrunner.requirement_in_force f
    WHERE f.nature = 'mandatory' OR (f.nature = 'recommended' AND f.kind IN ('national', 'industry'))),
  defs AS MATERIALIZED (
    SELECT x.category, x.key, x.required
    FROM frontrunner.indicator_def x WHERE x.category IN (SELECT DISTINCT p.category FROM pub p))
  SELECT min(b.id) INTO bad
  FROM (
    SELECT n.id FROM ind n LEFT JOIN defs x ON x.category = n.category AND x.key = n.indicator
    WHERE x.key IS NULL
    UNION ALL
    SELECT p.id FROM pub p JOIN defs x ON x.category = p.category AND x.required
    LEFT JOIN ind n ON n.id = p.id AND n.indicator = x.key
    WHERE p.own AND (n.indicator IS NULL OR n.test_method IS NULL)
    UNION ALL
    SELECT n.id FROM ind n JOIN floors f ON f.category = n.category AND f.indicator = n.indicator
    WHERE (f.nature = 'mandatory' OR n.no_statement)
      AND frontrunner.compare(n.requirement, f.requirement) NOT IN ('stricter', 'equal')
  ) b;
  IF bad IS NOT NULL AND (first_bad IS NULL OR bad < first_bad) THEN
    first_bad := bad;
  END IF;
  IF first_bad IS NULL THEN
    RETURN;
  END IF;
  ids := ARRAY[first_bad];

  -- rule 1: enterprise standard numbers (year present, not in the future)
  SELECT d.standard INTO r
  FROM frontrunner.disclosure d
  WHERE d.id = ANY (ids) AND frontrunner.std_kind(d.standard) = 'enterprise'
    AND (frontrunner.std_year(d.standard) IS NULL
         OR frontrunner.std_year(d.standard) > extract(year FROM CURRENT_DATE))
  ORDER BY d.id LIMIT 1;
  IF FOUND THEN
    PERFORM frontrunner.check_standard_number(r.standard);
  END IF;

  -- rule 1: the executed standard, when known, is not withdrawn
  SELECT d.id, d.standard, s.withdrawn_on INTO r
  FROM frontrunner.disclosure d
  JOIN frontrunner.standard s ON s.code OPERATOR(frontrunner.=) d.standard
  WHERE d.id = ANY (ids) AND s.withdrawn_on <= CURRENT_DATE
  ORDER BY d.id LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'rule 1 (numbering): standard % was withdrawn on %', r.standard, r.withdrawn_on
      USING ERRCODE = 'FR001',
            DETAIL = format('Disclosure %s executes %s, withdrawn on %s.', r.id, r.standard, r.withdrawn_on),
            HINT = 'Execute the edition in force (see table standard) and disclose its number.',
            TABLE = 'disclosure', COLUMN = 'standard';
  END IF;

  -- every disclosed indicator defined for the category (the category may
  -- have been changed after the indicators were written)
  SELECT d.category, i.indicator INTO r
  FROM frontrunner.disclosure d
  JOIN frontrunner.disclosed_indicator i ON i.disclosure = d.id
  WHERE d.id = ANY (ids)
    AND NOT EXISTS (SELECT FROM frontrunner.indicator_def x
                    WHERE x.category = d.category AND x.key = i.indicator)
  ORDER BY d.id, i.indicator LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'indicator "%" is not defined for category "%"', r.indicator, r.category
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (category, indicator)=(%s, %s) is not present in table indicator_def.', r.category, r.indicator),
            HINT = 'Remove the indicator from the disclosure or define it for the category.',
            TABLE = 'disclosed_indicator', COLUMN = 'indicator';
  END IF;

  -- rule 2: completeness, for an own enterprise standard
  SELECT d.id, d.category, d.standard,
         string_agg(x.key, ', ' ORDER BY x.key) FILTER (WHERE i.indicator IS NULL) AS missing,
         string_agg(x.key, ', ' ORDER BY x.key) FILTER (WHERE i.indicator IS NOT NULL AND i.test_method IS NULL) AS no_method
  INTO r
  FROM frontrunner.disclosure d
  JOIN frontrunner.indicator_def x ON x.category = d.category AND x.required
  LEFT JOIN frontrunner.disclosed_indicator i ON i.disclosure = d.id AND i.indicator = x.key
  WHERE d.id = ANY (ids) AND frontrunner.std_kind(d.standard) = 'enterprise'
  GROUP BY d.id, d.category, d.standard
  HAVING count(*) FILTER (WHERE i.indicator IS NULL OR i.test_method IS NULL) > 0
  ORDER BY d.id LIMIT 1;
  IF FOUND AND r.missing IS NOT NULL THEN
    RAISE EXCEPTION 'rule 2 (completeness): disclosure % does not disclose every required indicator of category "%"', r.id, r.category
      USING ERRCODE = 'FR002',
            DETAIL = format('Executed standard: %s (an enterprise standard). Missing required indicators: %s.', r.standard, r.missing),
            HINT = 'Add the missing indicators (with their test methods) to disclosed_indicator, then publish.',
            TABLE = 'disclosed_indicator', COLUMN = 'indicator';
  ELSIF FOUND THEN
    RAISE EXCEPTION 'rule 2 (completeness): disclosure % gives no test method for required indicators', r.id
      USING ERRCODE = 'FR002',
            DETAIL = format('Executed standard: %s (an enterprise standard). Required indicators without a test method: %s.', r.standard, r.no_method),
            HINT = 'Fill disclosed_indicator.test_method with the standard number of the test method, then publish.',
            TABLE = 'disclosed_indicator', COLUMN = 'test_method';
  END IF;

  -- rule 3 again (standards may have changed since data entry) and rule 4:
  -- the first violation, mandatory ones first
  SELECT d.id, i.indicator, i.requirement AS disclosed, f.standard, f.nature, f.requirement AS required, v.verdict
  INTO r
  FROM frontrunner.disclosure d
  JOIN frontrunner.disclosed_indicator i ON i.disclosure = d.id
  JOIN frontrunner.requirement_in_force f
    ON f.category = d.category AND f.indicator = i.indicator
  CROSS JOIN LATERAL (SELECT frontrunner.compare(i.requirement, f.requirement) AS verdict) v
  WHERE d.id = ANY (ids)
    AND (f.nature = 'mandatory'
         OR (f.nature = 'recommended' AND f.kind IN ('national', 'industry')
             AND coalesce(btrim(d.below_recommended_statement), '') = ''))
    AND v.verdict NOT IN ('stricter', 'equal')
  ORDER BY f.nature, d.id, i.indicator, f.standard
  LIMIT 1;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF r.nature = 'mandatory' THEN
    RAISE EXCEPTION 'rule 3 (mandatory floor): indicator "%" is looser than mandatory standard %', r.indicator, r.standard
      USING ERRCODE = 'FR003',
            DETAIL = format('Disclosure %s. Disclosed requirement: %s; %s requires: %s (compare: %s).',
                            r.id, r.disclosed, r.standard, r.required, r.verdict),
            HINT = format('A disclosed requirement must be at least as strict as %s in force: tighten it to %s or stricter.',
                          r.standard, r.required),
            TABLE = 'disclosed_indicator', COLUMN = 'requirement';
  END IF;
  RAISE EXCEPTION 'rule 4 (recommended floor): indicator "%" is looser than recommended standard % and no statement is given', r.indicator, r.standard
    USING ERRCODE = 'FR004',
          DETAIL = format('Disclosure %s. Disclosed requirement: %s; %s recommends: %s (compare: %s).',
                          r.id, r.disclosed, r.standard, r.required, r.verdict),
          HINT = format('Tighten it to %s, or state explicitly in below_recommended_statement that the product is below %s.',
                        r.required, r.standard),
          TABLE = 'disclosure', COLUMN = 'below_recommended_statement';
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_publication_check(bigint[]) IS
  'the checks made when disclosures are published (rules 1-4 over each disclosure as a whole); raises FR001-FR004 or 23503 for the first problem; call it on drafts to see what would block their publication';

CREATE FUNCTION @extschema@.disclosure_before_update() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  prev record;
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
      IF prev.status IS DISTINCT FROM 'published' THEN
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

CREATE FUNCTION @extschema@.disclosure_after_statement() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  twin record;
  prev_ids bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO frontrunner.disclosure_event (disclosure, action, old_status, new_status)
    SELECT n.id, 'create', NULL, n.status FROM new_rows n ORDER BY n.id;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO frontrunner.disclosure_event (disclosure, action, old_status, new_status)
    SELECT o.id, 'delete', o.status, NULL FROM old_rows o ORDER BY o.id;
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
  INSERT INTO frontrunner.disclosure_event (disclosure, action, old_status, new_status, note)
  SELECT n.id,
         CASE n.status WHEN 'published' THEN 'publish' WHEN 'withdrawn' THEN 'withdraw' ELSE 'supersede' END,
         CASE n.status WHEN 'published' THEN 'draft' ELSE 'published' END, n.status,
         CASE n.status
           WHEN 'withdrawn' THEN n.withdraw_reason
           WHEN 'published' THEN 'supersedes ' || n.supersedes
           WHEN 'superseded' THEN (SELECT 'superseded by ' || pg_catalog.string_agg(s.id::text, ', ')
                                   FROM frontrunner.disclosure s
                                   WHERE s.supersedes = n.id AND s.status = 'published')
         END
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
COMMENT ON FUNCTION @extschema@.disclosure_after_statement() IS
  'statement trigger: records every state change in disclosure_event (from the transition tables); publishing a new version marks the one it supersedes as superseded, in the same transaction';

CREATE TRIGGER disclosure_10_insert BEFORE INSERT ON @extschema@.disclosure
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosure_before_insert();
CREATE TRIGGER disclosure_10_update BEFORE UPDATE ON @extschema@.disclosure
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosure_before_update();
CREATE TRIGGER disclosure_10_delete BEFORE DELETE ON @extschema@.disclosure
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosure_before_delete();
CREATE TRIGGER disclosure_20_insert AFTER INSERT ON @extschema@.disclosure
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.disclosure_after_statement();
CREATE TRIGGER disclosure_20_update AFTER UPDATE ON @extschema@.disclosure
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.disclosure_after_statement();
CREATE TRIGGER disclosure_20_delete AFTER DELETE ON @extschema@.disclosure
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.disclosure_after_statement();
CREATE TRIGGER disclosure_30_truncate BEFORE TRUNCATE ON @extschema@.disclosure
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

-- disclosed indicators --------------------------------------------------------------
CREATE FUNCTION @extschema@.disclosed_indicator_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  parent record;
BEGIN
  -- the old parent (UPDATE moving a row, DELETE) must be a draft; a parent
  -- already gone is a cascade from deleting a draft
  IF TG_OP <> 'INSERT' THEN
    SELECT d.status, d.published_at INTO parent
    FROM frontrunner.disclosure d WHERE d.id = OLD.disclosure
    FOR SHARE;
    IF FOUND AND parent.status <> 'draft' THEN
      RAISE EXCEPTION 'rule 5 (publication): indicators of % disclosure % are immutable', parent.status, OLD.disclosure
        USING ERRCODE = 'FR005',
              DETAIL = format('Disclosure %s has status %s; indicator %s = %s.', OLD.disclosure, parent.status, OLD.indicator, OLD.requirement),
              HINT = 'Publish a new version of the disclosure with the changed indicators.',
              TABLE = 'disclosed_indicator';
    END IF;
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
  END IF;

  -- the new parent: a draft, locked against a concurrent publication; in
  -- the same query, whether the indicator is defined and the first
  -- in-force mandatory requirement it is looser than (rule 3)
  SELECT d.status, d.category, d.published_at,
         EXISTS (SELECT FROM frontrunner.indicator_def x
                 WHERE x.category = d.category AND x.key = NEW.indicator) AS defined,
         (SELECT ROW(f.standard, f.requirement, v.verdict)
          FROM frontrunner.requirement_in_force f
          CROSS JOIN LATERAL (SELECT frontrunner.compare(NEW.requirement, f.requirement) AS verdict) v
          WHERE f.category = d.category AND f.indicator = NEW.indicator AND f.nature = 'mandatory'
            AND v.verdict NOT IN ('stricter', 'equal')
          ORDER BY f.standard
          LIMIT 1) AS violation
  INTO parent
  FROM frontrunner.disclosure d WHERE d.id = NEW.disclosure
  FOR SHARE OF d;
  IF NOT FOUND THEN
    RETURN NEW;                 -- the foreign key reports it
  END IF;
  IF parent.status <> 'draft' THEN
    RAISE EXCEPTION 'rule 5 (publication): indicators of % disclosure % are immutable', parent.status, NEW.disclosure
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s has status %s; indicator %s = %s.', NEW.disclosure, parent.status, NEW.indicator, NEW.requirement),
            HINT = 'Publish a new version of the disclosure with the changed indicators.',
            TABLE = 'disclosed_indicator';
  END IF;
  IF NOT parent.defined THEN
    RAISE EXCEPTION 'indicator "%" is not defined for category "%"', NEW.indicator, parent.category
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (category, indicator)=(%s, %s) is not present in table indicator_def.', parent.category, NEW.indicator),
            HINT = 'Disclose an indicator of the category, or add it to indicator_def first.',
            TABLE = 'disclosed_indicator', COLUMN = 'indicator';
  END IF;
  IF parent.violation IS NOT NULL THEN
    -- (standard, requirement, verdict)
    PERFORM frontrunner.check_mandatory_floor(parent.category, NEW.indicator, NEW.requirement);
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosed_indicator_guard() IS
  'trigger: indicators are written only into drafts (rule 5), must be defined for the category (23503) and meet the mandatory floor (rule 3) at data entry';

CREATE TRIGGER disclosed_indicator_10_guard BEFORE UPDATE OR DELETE ON @extschema@.disclosed_indicator
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosed_indicator_guard();

-- INSERT, the bulk path, is checked once per statement over all new rows
CREATE FUNCTION @extschema@.disclosed_indicator_insert_check() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  r record;
BEGIN
  -- lock the disclosures (in id order) against a concurrent publication
  PERFORM FROM frontrunner.disclosure d
  WHERE d.id = ANY (ARRAY(SELECT DISTINCT n.disclosure FROM new_rows n))
  ORDER BY d.id
  FOR SHARE OF d;

  -- the first new row that breaks a rule.  The new rows drive the query and
  -- every check is an index lookup per row (the LATERAL subquery is kept
  -- apart with OFFSET 0, the EXISTS tests stay per-row subplans): a plan
  -- that does not depend on statistics of tables being filled right now.
  SELECT n.disclosure, n.indicator, n.requirement, p.status, p.category
  INTO r
  FROM new_rows n
  CROSS JOIN LATERAL (SELECT d.status, d.category
                      FROM frontrunner.disclosure d WHERE d.id = n.disclosure
                      OFFSET 0) p
  WHERE p.status <> 'draft'
     OR NOT EXISTS (SELECT FROM frontrunner.indicator_def x
                    WHERE x.category = p.category AND x.key = n.indicator)
     OR EXISTS (SELECT FROM frontrunner.requirement_in_force f
                WHERE f.category = p.category AND f.indicator = n.indicator AND f.nature = 'mandatory'
                  AND frontrunner.compare(n.requirement, f.requirement) NOT IN ('stricter', 'equal'))
  ORDER BY n.disclosure, n.indicator
  LIMIT 1;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;

  IF r.status <> 'draft' THEN
    RAISE EXCEPTION 'rule 5 (publication): indicators of % disclosure % are immutable', r.status, r.disclosure
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s has status %s; indicator %s = %s.', r.disclosure, r.status, r.indicator, r.requirement),
            HINT = 'Publish a new version of the disclosure with the changed indicators.',
            TABLE = 'disclosed_indicator';
  END IF;
  -- 23503 (indicator not defined) or FR003 (rule 3 at data entry)
  PERFORM frontrunner.check_mandatory_floor(r.category, r.indicator, r.requirement);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosed_indicator_insert_check() IS
  'statement trigger: inserted indicators go only into drafts (rule 5, the drafts are locked against a concurrent publication), are defined for the category (23503) and meet the mandatory floor at data entry (rule 3)';
CREATE TRIGGER disclosed_indicator_20_insert AFTER INSERT ON @extschema@.disclosed_indicator
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.disclosed_indicator_insert_check();
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
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT e.id, e.at, e.action, e.old_status, e.new_status, e.by_user, e.by_session, e.note
  FROM frontrunner.disclosure_event e
  WHERE e.disclosure = $1
  ORDER BY e.id
$$;
COMMENT ON FUNCTION @extschema@.disclosure_history(bigint) IS
  'the state changes of a disclosure, oldest first: when, what (create, publish, withdraw, supersede, delete), old and new status, who (current_user, session_user)';

-- convenience -----------------------------------------------------------------------
CREATE FUNCTION @extschema@.publish_disclosure(id bigint) RETURNS timestamptz
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  at timestamptz;
BEGIN
  UPDATE frontrunner.disclosure d SET status = 'published' WHERE d.id = $1 AND d.status = 'draft'
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
AS $$
DECLARE
  at timestamptz;
BEGIN
  UPDATE frontrunner.disclosure d SET status = 'withdrawn', withdraw_reason = $2
  WHERE d.id = $1 AND d.status = 'published'
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
            DETAIL = format('sampled_on %s; today is %s.', NEW.sampled_on, CURRENT_DATE),
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
COMMENT ON FUNCTION @extschema@.spot_check_before_write() IS
  'trigger: rule 6 — a spot check measures a disclosed indicator of a published disclosure, not in the future; conforms = satisfies(measured, disclosed requirement, method), client values ignored';
CREATE TRIGGER spot_check_10_conforms BEFORE INSERT OR UPDATE ON @extschema@.spot_check
  FOR EACH ROW EXECUTE FUNCTION @extschema@.spot_check_before_write();
CREATE TRIGGER spot_check_30_truncate BEFORE TRUNCATE ON @extschema@.spot_check
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

CREATE VIEW @extschema@.spot_check_failure AS
SELECT d.enterprise::text AS enterprise, c.disclosure, c.indicator, c.sampled_on,
       c.measured::text AS measured, i.requirement::text AS requirement, c.method, c.id AS spot_check
FROM @extschema@.spot_check c
JOIN @extschema@.disclosure d ON d.id = c.disclosure
JOIN @extschema@.disclosed_indicator i ON i.disclosure = c.disclosure AND i.indicator = c.indicator
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
            DETAIL = format('exclusion_days = %s.', exclusion_days),
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
COMMENT ON FUNCTION @extschema@.excluded(@extschema@.uscc, timestamptz, int) IS
  'rule 6: true when the enterprise has a failing spot check sampled on day S with S <= deadline < S + exclusion_days (days counted in the session time zone)';
