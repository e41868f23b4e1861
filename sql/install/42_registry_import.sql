-- Bulk import of disclosures (table disclosure_import, import_disclosures()):
-- rows the platform export gives, replayed through the rules, every rejected
-- row reported with its SQLSTATE and message.

-- import -----------------------------------------------------------------------------
CREATE TABLE @extschema@.disclosure_import (
  line            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_ref      text,
  uscc            text,
  enterprise_name text,
  category        text,
  product         text,
  standard        text,
  supersedes_ref  text,
  below_recommended_statement text,
  published       text,
  indicator       text,
  requirement     text,
  test_method     text
);
COMMENT ON TABLE @extschema@.disclosure_import IS
  'staging for bulk import of platform exports: one row per disclosed indicator, plain text, loaded with COPY … (FORMAT csv, HEADER); applied by import_disclosures()';
COMMENT ON COLUMN @extschema@.disclosure_import.line IS 'load order (identity), reported with rejects';
COMMENT ON COLUMN @extschema@.disclosure_import.source_ref IS 'platform identifier of the disclosure: rows with the same source_ref form one disclosure';
COMMENT ON COLUMN @extschema@.disclosure_import.uscc IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.disclosure_import.enterprise_name IS 'enterprise name (creates or renames the enterprise)';
COMMENT ON COLUMN @extschema@.disclosure_import.category IS 'category code';
COMMENT ON COLUMN @extschema@.disclosure_import.product IS 'product or service name';
COMMENT ON COLUMN @extschema@.disclosure_import.standard IS 'number of the executed standard';
COMMENT ON COLUMN @extschema@.disclosure_import.supersedes_ref IS 'source_ref of the previous version this one replaces (optional)';
COMMENT ON COLUMN @extschema@.disclosure_import.below_recommended_statement IS 'explicit statement of indicators below a recommended standard (optional)';
COMMENT ON COLUMN @extschema@.disclosure_import.published IS 'publication time on the platform (kept as disclosure.source_published)';
COMMENT ON COLUMN @extschema@.disclosure_import.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.disclosure_import.requirement IS 'disclosed requirement as written (indicator input syntax)';
COMMENT ON COLUMN @extschema@.disclosure_import.test_method IS 'test method standard number (optional)';

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

CREATE FUNCTION @extschema@.import_disclosures(publish boolean DEFAULT true)
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
