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

CREATE FUNCTION @extschema@.import_disclosures(publish boolean DEFAULT true)
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
COMMENT ON FUNCTION @extschema@.import_disclosures(boolean) IS
  'applies the staged rows of disclosure_import, one disclosure (source_ref) at a time in its own subtransaction, through every rule; publishes them unless publish is false; imported rows leave the staging table, rejected rows stay; returns one report row per staged row (outcome published, draft or rejected, with SQLSTATE, message and detail); reports its progress every 1000 disclosures (frontrunner.progress)';
