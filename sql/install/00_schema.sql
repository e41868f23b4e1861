-- frontrunner install script, assembled by the Makefile from sql/install/*.sql
-- in file-name order.  Every object is qualified with @extschema@ — except
-- inside quoted text and function bodies, where @extschema@ is never written
-- (test/harness/lint.pl checks it): there the schema is named literally,
-- frontrunner, which the control file fixes (relocatable = false).

\echo Use "CREATE EXTENSION frontrunner" to load this file. \quit

-- The module must be this release's.  A package upgrade replaces
-- frontrunner.so; a stale one (an older package's, or a session started
-- before the upgrade) would serve some functions and not others.  version()
-- reports the module's release; the check compares it with the release
-- being installed (pg_extension.extversion, recorded before this script
-- runs).
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

-- restores ------------------------------------------------------------------------
-- The registry's INSERT triggers carry WHEN (NOT restoring(table)): a pg_dump
-- restore loads the rows as they were (src/restore.c says when it is one).
CREATE FUNCTION @extschema@.restoring(rel regclass) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_restoring' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.restoring(regclass) IS
  'true while rel is loaded by a restore — a COPY … FROM into rel with row_security off, as pg_dump''s scripts and pg_restore run it, by a superuser or the owner of rel: the registry''s INSERT triggers then let the rows in as they were dumped';

COMMENT ON SCHEMA @extschema@ IS
  'frontrunner: enterprise standard front-runner (企业标准"领跑者") types, rules and ranking';
