-- Data kept by pg_dump: every table of the extension and its identity
-- sequence, registered with pg_extension_config_dump() in one place.
-- One call per statement (each call updates the same pg_extension row, and
-- a second call in the same statement would not see the first), hence the
-- loop, which reads the tables' row types from a transaction-local setting
-- (the loop's body is quoted, and @extschema@ is never written inside
-- quotes).  Tables are named through their row types and sequences through
-- pg_depend.
SELECT pg_catalog.set_config('frontrunner_install.config_dump_types', pg_catalog.array_to_string(ARRAY[
  pg_catalog.pg_typeof(NULL::@extschema@.enterprise)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.standard)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.category)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.indicator_def)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.standard_requirement)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosure)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosed_indicator)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.spot_check)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosure_event)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosure_import)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.evaluation_plan)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.plan_indicator)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.ranking)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.ranking_entry)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.ranking_lock)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.plan_review)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.review_policy)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.feedback)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.spot_check_request)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.account)::pg_catalog.oid,
  -- issue 20: supervision of disclosures (75_inspection.sql)
  pg_catalog.pg_typeof(NULL::@extschema@.test_method_limit)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.inspection_campaign)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.inspection_draw)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.inspection_result)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.inspection_finding)::pg_catalog.oid], ','), true);
DO $$
DECLARE
  rel pg_catalog.regclass;
BEGIN
  FOR rel IN
    SELECT x.rel
    FROM pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.current_setting('frontrunner_install.config_dump_types'), ',')::pg_catalog.oid[])
           WITH ORDINALITY AS r(typ, ord)
    JOIN pg_catalog.pg_type t ON t.oid = r.typ
    CROSS JOIN LATERAL (
      SELECT t.typrelid::pg_catalog.regclass, 0
      UNION ALL
      SELECT d.objid::pg_catalog.regclass, 1
      FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      WHERE d.refobjid = t.typrelid AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'i'
    ) x(rel, seq)
    ORDER BY r.ord, x.seq
  LOOP
    PERFORM pg_catalog.pg_extension_config_dump(rel, '');
  END LOOP;
  PERFORM pg_catalog.set_config('frontrunner_install.config_dump_types', '', true);
END
$$;
