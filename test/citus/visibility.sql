-- What one role sees: for every table and view of the extension, the number
-- of rows and a digest of them (the columns of the database clock, and the
-- history's id, transaction and session, which are per node on Citus, left
-- out), or the error the role gets.  test/citus/check.sh runs it after SET
-- ROLE, for each group role's login, on the distributed registry and on one
-- node, and compares.
SET search_path = frontrunner, public;
\pset tuples_only on
\pset pager off
\set ON_ERROR_STOP 0
\set VERBOSITY terse
SELECT format('SELECT %L AS relation, count(*), md5(coalesce(string_agg(x::text, %L ORDER BY x::text), %L)) FROM (SELECT %s FROM frontrunner.%I) x',
              c.relname, '|', '', string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum), c.relname)
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'frontrunner'::regnamespace AND c.relkind IN ('r', 'v') AND c.relname !~ '_\d+$'
  AND a.atttypid <> 'timestamptz'::regtype
  AND NOT (c.relname = 'disclosure_event' AND a.attname IN ('id', 'transaction', 'by_session'))
  AND NOT (c.relname = 'disclosure_import' AND a.attname = 'line')
  -- not the same on Citus (README "Scaling out"): ranking_lock (a failing
  -- spot check locks its row there, it does not count itself)
  AND c.relname NOT IN ('ranking_lock')
GROUP BY c.relname
ORDER BY c.relname \gexec
-- what the functions of the registry show this role
SELECT 'history ' || h.action || ' ' || coalesce(h.note, '') FROM (SELECT min(d.id) AS id FROM disclosure d WHERE d.status = 'superseded') d
CROSS JOIN LATERAL disclosure_history(d.id) h;
SELECT 'enterprise ' || current_enterprise() || ', agency ' || current_agency();
