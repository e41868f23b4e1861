-- Progress of the long calls (rank_plan, publish_ranking,
-- import_disclosures): one line per phase, with counts and times, where the
-- setting frontrunner.progress (src/frontrunner.c) says — nowhere (off, the
-- default), to the client as NOTICEs (notice: JDBC getWarnings(), psycopg
-- notice handlers, node-postgres 'notice' events, psql), or to the server log
-- (log).  The callers count only when it is on.

CREATE FUNCTION @extschema@.progress() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN coalesce(pg_catalog.current_setting('frontrunner.progress', true), 'off') IN ('notice', 'log');
COMMENT ON FUNCTION @extschema@.progress() IS
  'whether long calls report their progress (frontrunner.progress is notice or log)';

CREATE FUNCTION @extschema@.progress(message text) RETURNS void
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
