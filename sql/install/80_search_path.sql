-- Living in a bureau's database: the search path.
--
-- The supported setup puts the extension's schema LAST:
--   ALTER DATABASE db SET search_path = "$user", public, frontrunner;
-- The bureau's own objects come first, so a table enterprise, standard,
-- category or disclosure of theirs, a type tier, a function compare(text,
-- text) keep being what their unqualified names mean; frontrunner's types,
-- operators and functions are still found by name where nothing of the
-- bureau's has that name (uscc = $1, rank_plan(...)), and are reached as
-- frontrunner.x where something has.  setup_search_path() appends the schema
-- to whatever the database has; search_path_problems() lists what would
-- keep a session from seeing it.
--
--   3D000  setup_search_path(), search_path_problems(): no such database

-- the elements of a search_path setting, as PostgreSQL reads them ----------------------
CREATE FUNCTION @extschema@.search_path_elements(setting text) RETURNS text[]
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

-- the database's own setting, else the server's ------------------------------------------
CREATE FUNCTION @extschema@.database_search_path(database name) RETURNS text
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

-- what keeps a session from seeing the extension -----------------------------------------
CREATE FUNCTION @extschema@.search_path_problems(database name DEFAULT pg_catalog.current_database())
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

-- the supported setup ---------------------------------------------------------------------
CREATE FUNCTION @extschema@.setup_search_path(database name DEFAULT pg_catalog.current_database())
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
