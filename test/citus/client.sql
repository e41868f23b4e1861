-- A 0.2.0 client in front of the demo (test/demo/*.sql, the fixtures'
-- generator): on a distributed registry a row of a disclosure names its
-- enterprise, since Citus routes the row by it before any trigger runs
-- (README "Scaling out").  The demo is written as a 0.1.0 client writes it,
-- without the tenant; loaded after this file in the same session, its
-- INSERTs into disclosed_indicator and spot_check reach these session views
-- first (pg_temp is searched before any schema for a relation), which write
-- the row with its disclosure's enterprise — what a 0.2.0 client sends.
-- Everything else reads and writes the tables themselves, through every
-- rule.  Loaded the same way into the one-node database the results are
-- compared with (test/citus/check.sh).
SET client_min_messages = error;
SET search_path = frontrunner, public;
CREATE FUNCTION pg_temp.write_with_tenant() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  rel regclass := format('frontrunner.%I', TG_TABLE_NAME)::regclass;
  cols text;
  r jsonb := to_jsonb(NEW);
BEGIN
  IF NEW.enterprise IS NULL THEN
    -- the disclosure's enterprise (the rows of one statement usually share
    -- their disclosure: the last one is kept for the session)
    IF split_part(current_setting('frontrunner_client.last', true), ' ', 1) IS DISTINCT FROM NEW.disclosure::text THEN
      PERFORM set_config('frontrunner_client.last',
                         NEW.disclosure || ' ' || coalesce((SELECT d.enterprise::text FROM frontrunner.disclosure d WHERE d.id = NEW.disclosure), ''),
                         false);
    END IF;
    r := r || jsonb_build_object('enterprise', nullif(split_part(current_setting('frontrunner_client.last'), ' ', 2), ''));
  END IF;
  -- every column but the identity and generated ones (the views carry the
  -- tables' defaults, so a column the client left out has its default here)
  SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
  FROM pg_attribute a
  WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity = '' AND a.attgenerated = '';
  EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM jsonb_populate_record(NULL::%s, $1) RETURNING *', rel, cols, cols, rel)
    INTO NEW USING r;
  RETURN NEW;
END
$$;
DO $$
DECLARE
  t text;
  d record;
BEGIN
  FOREACH t IN ARRAY ARRAY['disclosed_indicator', 'spot_check'] LOOP
    EXECUTE format('CREATE TEMP VIEW %I AS SELECT * FROM frontrunner.%I', t, t);
    FOR d IN SELECT a.attname, pg_get_expr(x.adbin, x.adrelid) AS expr
             FROM pg_attribute a JOIN pg_attrdef x ON x.adrelid = a.attrelid AND x.adnum = a.attnum
             WHERE a.attrelid = format('frontrunner.%I', t)::regclass AND a.attgenerated = '' LOOP
      EXECUTE format('ALTER VIEW pg_temp.%I ALTER COLUMN %I SET DEFAULT %s', t, d.attname, d.expr);
    END LOOP;
    -- (Citus modifies no view: an UPDATE or DELETE names the table,
    -- test/citus/check.sh)
    EXECUTE format('CREATE TRIGGER write_with_tenant INSTEAD OF INSERT ON pg_temp.%I
                    FOR EACH ROW EXECUTE FUNCTION pg_temp.write_with_tenant()', t);
  END LOOP;
END
$$;
RESET client_min_messages;
-- the demo's own queries join the tenant tables by id alone, as a client of
-- 0.1.0 writes them; Citus runs such a join by repartitioning the rows
-- (a client of 0.2.0 joins on (enterprise, id) and needs no repartitioning)
SET citus.enable_repartition_joins = on;
