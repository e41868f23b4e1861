-- pgTAP: catalog hygiene of everything the extension installs
BEGIN;
SELECT plan(11);

CREATE TEMP VIEW ext_objects AS
SELECT classid, objid FROM pg_depend
WHERE refclassid = 'pg_extension'::regclass
  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'frontrunner')
  AND deptype = 'e';

SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM ext_objects o JOIN pg_proc p ON p.oid = o.objid
  WHERE o.classid = 'pg_proc'::regclass AND obj_description(p.oid, 'pg_proc') IS NULL$$,
  'every function has a COMMENT');

SELECT is_empty($$
  SELECT t.oid::regtype::text FROM ext_objects o JOIN pg_type t ON t.oid = o.objid
  WHERE o.classid = 'pg_type'::regclass AND obj_description(t.oid, 'pg_type') IS NULL
    -- the types PostgreSQL makes by itself, which 17+ also records as
    -- members: the array type of each type, the row type of each table
    -- and view (a composite made by CREATE TYPE … AS is a type of ours)
    AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
    AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')$$,
  'every type has a COMMENT');

SELECT is_empty($$
  SELECT op.oid::regoperator::text FROM ext_objects o JOIN pg_operator op ON op.oid = o.objid
  WHERE o.classid = 'pg_operator'::regclass AND obj_description(op.oid, 'pg_operator') IS NULL$$,
  'every operator has a COMMENT');

SELECT is_empty($$
  SELECT c.oid::regclass::text FROM ext_objects o JOIN pg_class c ON c.oid = o.objid
  WHERE o.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'v', 'm', 'p')
    AND obj_description(c.oid, 'pg_class') IS NULL$$,
  'every table and view has a COMMENT');

SELECT is_empty($$
  SELECT c.oid::regclass::text || '.' || a.attname FROM ext_objects o
  JOIN pg_class c ON c.oid = o.objid
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE o.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'v', 'm', 'p')
    AND col_description(c.oid, a.attnum) IS NULL$$,
  'every column of every table and view has a COMMENT');

SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM ext_objects o JOIN pg_proc p ON p.oid = o.objid
  WHERE o.classid = 'pg_proc'::regclass AND p.provolatile IN ('i', 's') AND p.proparallel <> 's'
    -- restoring() reads the leader's active portal (is this a COPY into
    -- the table?): PARALLEL RESTRICTED, by design
    AND p.oid <> 'frontrunner.restoring(regclass)'::regprocedure$$,
  'every IMMUTABLE or STABLE function is PARALLEL SAFE (restoring() is PARALLEL RESTRICTED: it reads the session''s active statement)');

SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM ext_objects o JOIN pg_proc p ON p.oid = o.objid
  JOIN pg_language l ON l.oid = p.prolang
  WHERE o.classid = 'pg_proc'::regclass AND l.lanname IN ('sql', 'plpgsql')
    AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) AS c
                    WHERE c = 'search_path=pg_catalog, pg_temp')$$,
  'every SQL and PL/pgSQL function pins search_path = pg_catalog, pg_temp');

-- type I/O and operator support functions are IMMUTABLE STRICT
SELECT is_empty($$
  SELECT p.oid::regprocedure::text FROM ext_objects o JOIN pg_proc p ON p.oid = o.objid
  WHERE o.classid = 'pg_proc'::regclass
    AND (p.oid IN (SELECT typinput FROM pg_type UNION SELECT typoutput FROM pg_type
                   UNION SELECT typreceive FROM pg_type UNION SELECT typsend FROM pg_type
                   UNION SELECT oprcode FROM pg_operator))
    AND NOT (p.provolatile = 'i' AND p.proisstrict)$$,
  'type I/O and operator functions are IMMUTABLE STRICT');

-- what the BI reader may read has plain column types only: every view of
-- the extension's schema that frontrunner_reader can SELECT once
-- setup_roles() has granted, today's and any added later
CREATE TEMP TABLE catalog_grants AS SELECT * FROM setup_roles();
CREATE TEMP VIEW reader_views AS
SELECT c.oid, c.relname FROM pg_class c
WHERE c.relkind IN ('v', 'm') AND c.relnamespace = 'frontrunner'::regnamespace
  AND has_table_privilege('frontrunner_reader', c.oid, 'SELECT');
SELECT set_eq(
  $$SELECT relname::text FROM reader_views$$,
  $$SELECT name FROM security_objects() WHERE class = 'public_view'$$,
  'the reader may read exactly the views of class public_view');
SELECT cmp_ok((SELECT count(*) FROM reader_views), '>=', 13::bigint, 'the reader may read the 13 views (or more)');
SELECT is_empty($$
  SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
  FROM reader_views v JOIN pg_class c ON c.oid = v.oid
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE a.atttypid NOT IN ('text'::regtype, 'numeric'::regtype, 'bigint'::regtype, 'integer'::regtype,
                           'boolean'::regtype, 'date'::regtype, 'timestamptz'::regtype)$$,
  'every column of every view the reader may read is text, numeric, bigint, integer, boolean, date or timestamptz (no domain type, enum, array or jsonb)');

SELECT * FROM finish();
ROLLBACK;
