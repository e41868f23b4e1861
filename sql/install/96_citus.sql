-- Scale-out on Citus 13 (the line that supports PostgreSQL 15):
-- citus_distribute(), run once on the coordinator after CREATE EXTENSION and
-- before any data, turns the registry into its distributed layout
-- (citus_layout()):
--   - disclosure is hash-distributed by enterprise (the tenant), and every
--     table of a disclosure's rows (its indicators, spot checks, history,
--     reports, spot-check requests, ranking entries) is distributed by the
--     same column and co-located with it: a disclosure and everything of it
--     live on one shard, and the rules, which fire on that shard, read only
--     it and the reference tables;
--   - the catalogs (enterprises, standards, categories, indicators,
--     requirements, accounts, plans, their indicators and reviews, published
--     lists) are reference tables, on every node;
--   - the import staging table stays on the coordinator.
-- Citus requires the distribution column in every key and in every
-- reference between distributed tables: citus_rekey() prefixes the tenant
-- (PRIMARY KEY (id) becomes (enterprise, id), a reference (disclosure,
-- indicator) becomes (enterprise, disclosure, indicator)).
-- The workers run the same CREATE EXTENSION (Citus propagates it), so they
-- have the same functions: the rules are the extension's own, written so that
-- they hold on one node and on shards alike.

-- the layout ----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.citus_layout()
RETURNS TABLE (relation text, layout text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  VALUES
    ('disclosure', 'distributed'),
    ('disclosed_indicator', 'colocated'),
    ('spot_check', 'colocated'),
    ('disclosure_event', 'colocated'),
    ('feedback', 'colocated'),
    ('spot_check_request', 'colocated'),
    ('ranking_entry', 'colocated'),
    ('inspection_draw', 'colocated'),
    ('inspection_result', 'colocated'),
    ('inspection_finding', 'colocated'),
    ('enterprise', 'reference'),
    ('standard', 'reference'),
    ('category', 'reference'),
    ('indicator_def', 'reference'),
    ('standard_requirement', 'reference'),
    ('account', 'reference'),
    ('evaluation_plan', 'reference'),
    ('plan_indicator', 'reference'),
    ('plan_review', 'reference'),
    ('ranking', 'reference'),
    ('review_policy', 'reference'),
    ('ranking_lock', 'reference'),
    ('test_method_limit', 'reference'),
    ('inspection_campaign', 'reference'),
    ('disclosure_import', 'local')
$$;
COMMENT ON FUNCTION @extschema@.citus_layout() IS
  'the Citus layout of every table of the extension, what citus_distribute() builds: distributed (disclosure, hash-distributed by enterprise), colocated (distributed by enterprise with disclosure: the rows of a disclosure), reference (copied to every node) or local (the coordinator''s); a table without a row here is refused by citus_distribute()';

-- keys with the tenant, on every node -------------------------------------------------
CREATE FUNCTION @extschema@.citus_rekey()
RETURNS TABLE (relation pg_catalog.regclass, constraint_name name, definition text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  tenant pg_catalog.regclass[];
  r record;
  cols text;
  def text;
  g int;
BEGIN
  SELECT pg_catalog.array_agg(('frontrunner.' || l.relation)::pg_catalog.regclass) INTO tenant
  FROM frontrunner.citus_layout() l WHERE l.layout IN ('distributed', 'colocated');
  -- the registry's foreign keys: dropped here, returned in the form they take
  -- on Citus (a reference between tenant tables names the tenant on both
  -- sides); citus_distribute() adds them once the tables are distributed
  CREATE TEMP TABLE fr_citus_fkeys ON COMMIT DROP AS
  SELECT c.conrelid::pg_catalog.regclass AS rel, c.conname, c.confrelid::pg_catalog.regclass AS target,
         pg_catalog.pg_get_constraintdef(c.oid) AS def
  FROM pg_catalog.pg_constraint c
  WHERE c.contype = 'f' AND c.connamespace = 'frontrunner'::pg_catalog.regnamespace;
  FOR r IN SELECT f.* FROM fr_citus_fkeys f ORDER BY f.rel::text, f.conname LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, r.conname);
  END LOOP;
  -- keys of the tenant tables: the tenant first (a key that already holds
  -- it is kept; one that becomes a copy of another is dropped)
  FOR r IN
    SELECT c.conrelid::pg_catalog.regclass AS rel, c.conname, c.contype,
           pg_catalog.pg_get_constraintdef(c.oid) AS def,
           (SELECT pg_catalog.array_agg(a.attname ORDER BY k.o)
            FROM pg_catalog.unnest(c.conkey) WITH ORDINALITY k(n, o)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS keycols
    FROM pg_catalog.pg_constraint c
    WHERE c.contype IN ('p', 'u') AND c.conrelid = ANY (tenant)
    ORDER BY c.conrelid::pg_catalog.regclass::text, c.contype, c.conname
  LOOP
    CONTINUE WHEN 'enterprise' = ANY (r.keycols);
    cols := 'enterprise, ' || pg_catalog.array_to_string(r.keycols, ', ');
    EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, r.conname);
    IF EXISTS (SELECT FROM pg_catalog.pg_constraint k
               WHERE k.conrelid = r.rel AND k.contype IN ('p', 'u')
                 AND (SELECT pg_catalog.array_agg(a.attname ORDER BY x.o)
                      FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY x(n, o)
                      JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.n)
                     = pg_catalog.string_to_array(cols, ', ')::name[]) THEN
      -- (enterprise, id) is already a key: it becomes the primary key
      IF r.contype = 'p' THEN
        FOR def IN SELECT k.conname FROM pg_catalog.pg_constraint k
                   WHERE k.conrelid = r.rel AND k.contype = 'u'
                     AND (SELECT pg_catalog.array_agg(a.attname ORDER BY x.o)
                          FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY x(n, o)
                          JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.n)
                         = pg_catalog.string_to_array(cols, ', ')::name[] LOOP
          EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', r.rel, def);
        END LOOP;
        EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I PRIMARY KEY (%s)', r.rel, r.conname, cols);
      END IF;
      CONTINUE;
    END IF;
    EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s (%s)', r.rel, r.conname,
                              CASE r.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, cols);
  END LOOP;
  -- unique indexes (partial ones: one successor per disclosure)
  FOR r IN
    SELECT i.indexrelid::pg_catalog.regclass AS idx, pg_catalog.pg_get_indexdef(i.indexrelid) AS def
    FROM pg_catalog.pg_index i
    WHERE i.indrelid = ANY (tenant) AND i.indisunique
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid)
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = i.indrelid AND a.attname = 'enterprise' AND a.attnum = ANY (i.indkey))
    ORDER BY 1::text
  LOOP
    EXECUTE pg_catalog.format('DROP INDEX %s', r.idx);
    EXECUTE pg_catalog.regexp_replace(r.def, ' USING (\w+) \(', ' USING \1 (enterprise, ');
  END LOOP;
  -- identities: rows written on a worker (the history, by the rules on its
  -- shards) take ids from that worker's range (group << 48), as Citus gives
  -- the tables it creates itself; the coordinator (group 0) keeps its own
  EXECUTE 'SELECT groupid FROM pg_catalog.pg_dist_local_group' INTO g;
  IF g > 0 THEN
    FOR r IN
      SELECT a.attrelid::pg_catalog.regclass AS rel, a.attname
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'frontrunner'::pg_catalog.regnamespace AND c.relkind = 'r'
        AND a.attidentity <> '' AND NOT a.attisdropped
      ORDER BY 1::text
    LOOP
      EXECUTE pg_catalog.format('ALTER TABLE %s ALTER COLUMN %I SET START WITH %s SET MINVALUE %s SET MAXVALUE %s RESTART',
                                r.rel, r.attname, (g::bigint << 48) + 1, (g::bigint << 48) + 1, ((g::bigint + 1) << 48) - 1);
    END LOOP;
  END IF;
  -- the foreign keys as they come back
  -- (the tenant is never updated on Citus, so a reference naming it has no
  -- ON UPDATE action)
  RETURN QUERY
  SELECT f.rel, f.conname,
         CASE WHEN f.rel = ANY (tenant) AND f.target = ANY (tenant)
              THEN pg_catalog.replace(
                     CASE WHEN f.def ~ '^FOREIGN KEY \(enterprise, ' THEN f.def
                          ELSE pg_catalog.regexp_replace(
                                 pg_catalog.regexp_replace(f.def, '^FOREIGN KEY \(', 'FOREIGN KEY (enterprise, '),
                                 ' REFERENCES ([^(]+)\(', ' REFERENCES \1(enterprise, ') END,
                     ' ON UPDATE CASCADE', '')
              ELSE f.def END
  FROM fr_citus_fkeys f
  ORDER BY f.rel::text, f.conname;
END
$$;
COMMENT ON FUNCTION @extschema@.citus_rekey() IS
  'part of citus_distribute(), on the coordinator and on every worker, before the tables are distributed: drops the registry''s foreign keys, puts the tenant (enterprise) first in every key of the tenant tables that lacks it, gives a worker''s identities its own range (group << 48), and returns the foreign keys in their Citus form (a reference between tenant tables names the tenant on both sides)';

-- citus_distribute ------------------------------------------------------------------------
CREATE FUNCTION @extschema@.citus_distribute()
RETURNS TABLE (relation text, layout text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET citus.enable_unsafe_triggers = on
SET citus.multi_shard_modify_mode = sequential
AS $$
DECLARE
  r record;
  s text;
  bad text;
  mine text := (SELECT x.extversion FROM pg_catalog.pg_extension x WHERE x.extname = 'frontrunner');
BEGIN
  IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
    RAISE NOTICE 'frontrunner.citus_distribute() is not needed here: this database is one node'
      USING DETAIL = pg_catalog.format('The citus extension is not installed in database %s; nothing was changed.', pg_catalog.current_database()),
            HINT = 'On a Citus cluster, run it on the coordinator after CREATE EXTENSION citus and CREATE EXTENSION frontrunner, before loading data.';
    RETURN;
  END IF;
  IF frontrunner.citus_distributed() THEN
    RAISE NOTICE 'the registry is already distributed'
      USING DETAIL = 'frontrunner.disclosure is a distributed table; nothing was changed.';
    RETURN QUERY SELECT l.relation, l.layout FROM frontrunner.citus_layout() l;
    RETURN;
  END IF;

  -- where it can run
  IF NOT pg_catalog.citus_is_coordinator() THEN
    RAISE EXCEPTION 'citus_distribute() runs on the Citus coordinator'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('This node (%s) is a worker of the cluster.', pg_catalog.current_setting('port')),
            HINT = 'Connect to the coordinator and run SELECT frontrunner.citus_distribute() there.';
  END IF;
  bad := pg_catalog.concat_ws(', ',
           CASE WHEN pg_catalog.current_setting('citus.shard_replication_factor') <> '1' THEN 'citus.shard_replication_factor = ' || pg_catalog.current_setting('citus.shard_replication_factor') || ' (must be 1: each rule fires once, on the one placement of a shard)' END,
           CASE WHEN NOT pg_catalog.current_setting('citus.enable_ddl_propagation')::boolean THEN 'citus.enable_ddl_propagation = off (must be on: the keys and privileges reach the workers)' END,
           CASE WHEN NOT pg_catalog.current_setting('citus.enable_create_role_propagation')::boolean THEN 'citus.enable_create_role_propagation = off (must be on: the roles of setup_roles() exist on every node)' END);
  IF bad <> '' THEN
    RAISE EXCEPTION 'the Citus settings do not allow the registry to be distributed'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('Settings: %s.', bad),
            HINT = 'Change the settings (postgresql.conf or ALTER SYSTEM on the coordinator), then run citus_distribute() again.';
  END IF;
  -- an agency writes its plans, reference tables with foreign keys to other
  -- reference tables (category, indicator_def) it may only read: Citus
  -- serialises such writes with a lock on the referenced tables' shards,
  -- which it takes as the writer, by default only for a role that may write
  -- them too
  SELECT pg_catalog.string_agg(pg_catalog.format('%s:%s', n.nodename, n.nodeport), ', ' ORDER BY n.nodeid) INTO bad
  FROM pg_catalog.run_command_on_all_nodes('SHOW citus.skip_advisory_lock_permission_checks') w
  JOIN pg_catalog.pg_dist_node n ON n.nodeid = w.nodeid
  WHERE NOT w.success OR w.result IS DISTINCT FROM 'on';
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'the Citus settings do not allow the registry to be distributed'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('citus.skip_advisory_lock_permission_checks is not on at %s: a write of a plan by an agency would fail with "permission denied for table category" (Citus locks the referenced reference tables as the writer).', bad),
            HINT = 'On every node: ALTER SYSTEM SET citus.skip_advisory_lock_permission_checks = on; SELECT pg_reload_conf(); then run citus_distribute() again.';
  END IF;
  SELECT pg_catalog.string_agg(pg_catalog.format('%s:%s', n.nodename, n.nodeport), ', ' ORDER BY n.nodeid) INTO bad
  FROM pg_catalog.pg_dist_node n
  WHERE n.groupid <> 0 AND n.noderole = 'primary' AND NOT (n.isactive AND n.hasmetadata AND n.metadatasynced);
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'the workers of the cluster are not all active with their metadata synced'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('Workers: %s.', bad),
            HINT = 'The rules query the shards from the workers: activate the nodes (citus_activate_node(), start_metadata_sync_to_node()), then run citus_distribute() again.';
  END IF;
  SELECT pg_catalog.string_agg(pg_catalog.format('%s:%s has %s', w.nodename, w.nodeport,
                                                  CASE WHEN w.success THEN coalesce('release ' || nullif(w.result, ''), 'no frontrunner') ELSE w.result END),
                               ', ' ORDER BY w.nodename, w.nodeport) INTO bad
  FROM pg_catalog.run_command_on_workers($q$SELECT x.extversion FROM pg_catalog.pg_extension x WHERE x.extname = 'frontrunner'$q$) w
  WHERE NOT w.success OR w.result IS DISTINCT FROM mine;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'the workers do not have frontrunner %', mine
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('%s.', bad),
            HINT = 'Install the same frontrunner package on every node; CREATE EXTENSION frontrunner on the coordinator creates it on the workers.';
  END IF;

  -- what it distributes: every table classified, none holding rows
  SELECT pg_catalog.string_agg(o.name, ', ' ORDER BY o.name) INTO bad
  FROM frontrunner.security_extension_objects() o
  WHERE o.kind = 'table' AND o.name NOT IN (SELECT l.relation FROM frontrunner.citus_layout() l);
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'tables without a Citus layout: %', bad
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Every table of the extension needs a row in frontrunner.citus_layout().',
            HINT = 'Add the table to citus_layout() in sql/install/96_citus.sql (colocated when its rows belong to a disclosure, reference for a catalog).';
  END IF;
  bad := '';
  FOR r IN SELECT l.relation FROM frontrunner.citus_layout() l ORDER BY l.relation LOOP
    EXECUTE pg_catalog.format('SELECT %L || '' ('' || count(*) || '')'' FROM frontrunner.%I HAVING count(*) > 0', r.relation, r.relation) INTO s;
    bad := pg_catalog.concat_ws(', ', NULLIF(bad, ''), s);
  END LOOP;
  IF bad <> '' THEN
    RAISE EXCEPTION 'the registry holds data: citus_distribute() runs before any row is loaded'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = pg_catalog.format('Rows in: %s.', bad),
            HINT = 'Distribute an empty registry (CREATE EXTENSION frontrunner, then citus_distribute()), then load the data through the rules on the coordinator.';
  END IF;

  -- the workers first (outside this transaction: run_command_on_workers
  -- commits on each worker; every step there can be run again): the
  -- privileges of setup_roles() when the group roles exist, and the keys
  IF EXISTS (SELECT FROM pg_catalog.pg_roles g WHERE g.rolname IN ('frontrunner_regulator', 'frontrunner_agency',
                                                                   'frontrunner_enterprise', 'frontrunner_reader')) THEN
    PERFORM frontrunner.citus_on_workers('SELECT count(*) FROM frontrunner.setup_roles()');
  END IF;
  PERFORM frontrunner.citus_on_workers('SELECT count(*) FROM frontrunner.citus_rekey()');

  -- the coordinator: keys, the tables, then the foreign keys with the tenant
  CREATE TEMP TABLE fr_citus_readd ON COMMIT DROP AS SELECT * FROM frontrunner.citus_rekey();
  FOR r IN SELECT l.relation FROM frontrunner.citus_layout() l WHERE l.layout = 'reference' LOOP
    PERFORM pg_catalog.create_reference_table(('frontrunner.' || r.relation)::pg_catalog.regclass);
  END LOOP;
  PERFORM pg_catalog.create_distributed_table('frontrunner.disclosure'::pg_catalog.regclass, 'enterprise');
  FOR r IN SELECT l.relation FROM frontrunner.citus_layout() l WHERE l.layout = 'colocated' LOOP
    PERFORM pg_catalog.create_distributed_table(('frontrunner.' || r.relation)::pg_catalog.regclass, 'enterprise',
                                                colocate_with => 'frontrunner.disclosure');
  END LOOP;
  FOR r IN SELECT f.* FROM fr_citus_readd f ORDER BY f.relation::text, f.constraint_name LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.relation, r.constraint_name, r.definition);
  END LOOP;
  RETURN QUERY SELECT l.relation, l.layout FROM frontrunner.citus_layout() l;
END
$$;
COMMENT ON FUNCTION @extschema@.citus_distribute() IS
  'on a Citus coordinator, once, after CREATE EXTENSION and before any data: distributes the registry as citus_layout() says (disclosure and the rows of a disclosure by enterprise, co-located; the catalogs as reference tables), the tenant in every key (citus_rekey()), the privileges of setup_roles() on every node; refuses (55000) on a worker, with data present, with workers lacking metadata or frontrunner, or with settings that would break the rules; on one node (no Citus) it says it is not needed and changes nothing';
REVOKE EXECUTE ON FUNCTION @extschema@.citus_distribute() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.citus_rekey() FROM PUBLIC;
