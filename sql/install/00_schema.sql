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

-- a registry distributed with Citus (96_citus.sql) ------------------------------
-- The rules run the same code on one node and on a Citus cluster, where they
-- fire on the shards, on the workers (citus_distributed(), 40_registry.sql,
-- says which it is); clock() is the database clock the rules stamp rows with.
-- (C, src/registry_trigger.c: the rules' triggers call it once per statement)
CREATE FUNCTION @extschema@.clock() RETURNS timestamptz
  AS 'MODULE_PATHNAME', 'fr_clock' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clock() IS
  'the database clock of the rules (published_at, withdrawn_at, the plan and review stamps, history): now() on one node; on a Citus cluster the stamp of the distributed transaction, the same on every node, and now() before the transaction''s first distributed statement';

CREATE FUNCTION @extschema@.citus_on_workers(command text) RETURNS void
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

CREATE FUNCTION @extschema@.citus_placements(rel regclass) RETURNS SETOF regclass
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
