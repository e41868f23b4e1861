-- Roles, row-level security and hardening.
--
-- The extension creates no roles.  setup_roles(), run by a DBA, creates the
-- NOLOGIN group roles frontrunner_regulator, frontrunner_agency,
-- frontrunner_enterprise and frontrunner_reader when missing and grants
-- them what security_classes() says for the class security_objects() gives
-- each table, view, sequence and function.  Table account (55_accounts.sql)
-- maps login roles to the enterprise or agency they act for.
--
-- Row-level security is ENABLEd and FORCEd on the tables with per-tenant
-- rows (disclosure, disclosed_indicator, disclosure_event, evaluation_plan,
-- plan_indicator, plan_review, feedback). Policies hold no subquery: the
-- tenant comes from current_enterprise() / current_agency() (account, read
-- by the SECURITY DEFINER functions account_enterprise() /
-- account_agency()), the parent row's visibility from disclosure_visible()
-- / plan_visible(), which read the parent table as the caller (so under the
-- parent's policies).
--
-- Adding an object to the extension: classify it in security_objects()
-- below (test/security.sql fails otherwise), choosing the class whose
-- grants in security_classes() fit who may use it.

-- parent rows, read as the caller (under the parent's policies) ------------------
CREATE FUNCTION @extschema@.disclosure_visible(id bigint) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM frontrunner.disclosure d WHERE d.id = $1)
$$;
COMMENT ON FUNCTION @extschema@.disclosure_visible(bigint) IS
  'true when the caller sees disclosure id (under the disclosure policies)';

-- The policies of the rows of a disclosure name it by (enterprise, id), the
-- tenant of the row: on a distributed registry they run on the workers,
-- inside the shard queries, and read the disclosure on that same shard
-- (nested execution allowed for that: a router query to the local shard;
-- the setting means nothing on one node).  disclosure_visible() is C
-- (src/rls.c): it keeps the answer for consecutive rows of one disclosure.
CREATE FUNCTION @extschema@.disclosure_visible(enterprise @extschema@.uscc, id bigint) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_disclosure_visible' LANGUAGE C STABLE STRICT PARALLEL SAFE
  SET citus.allow_nested_distributed_execution = on;
COMMENT ON FUNCTION @extschema@.disclosure_visible(@extschema@.uscc, bigint) IS
  'true when the caller sees disclosure id of enterprise (under the disclosure policies): the policies of its indicators and history';

CREATE FUNCTION @extschema@.disclosure_owned(id bigint) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM frontrunner.disclosure d
                 WHERE d.id = $1
                   AND (frontrunner.is_regulator()
                        OR d.enterprise OPERATOR(frontrunner.=) frontrunner.current_enterprise()))
$$;
COMMENT ON FUNCTION @extschema@.disclosure_owned(bigint) IS
  'true when the caller may write disclosure id: a regulator, or the enterprise it belongs to';

CREATE FUNCTION @extschema@.disclosure_owned(enterprise @extschema@.uscc, id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
BEGIN
  RETURN EXISTS (SELECT FROM frontrunner.disclosure d
                 WHERE d.enterprise OPERATOR(frontrunner.=) $1 AND d.id = $2
                   AND (frontrunner.is_regulator()
                        OR d.enterprise OPERATOR(frontrunner.=) frontrunner.current_enterprise()));
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_owned(@extschema@.uscc, bigint) IS
  'true when the caller may write disclosure id of enterprise: a regulator, or that enterprise (the write policies of its indicators)';

CREATE FUNCTION @extschema@.plan_visible(id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
BEGIN
  -- (PL/pgSQL, and nested execution allowed: on a distributed registry the
  -- policies run on the workers, inside the shard queries, and read
  -- evaluation_plan there, a reference table with a copy on every node)
  RETURN EXISTS (SELECT FROM frontrunner.evaluation_plan p WHERE p.id = $1);
END
$$;
COMMENT ON FUNCTION @extschema@.plan_visible(bigint) IS
  'true when the caller sees evaluation plan id (under the plan policies): the read policy of its core indicators';

CREATE FUNCTION @extschema@.plan_owned(id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
BEGIN
  -- (PL/pgSQL, and nested execution allowed: as plan_visible())
  RETURN EXISTS (SELECT FROM frontrunner.evaluation_plan p
                 WHERE p.id = $1
                   AND (frontrunner.is_regulator() OR p.agency = frontrunner.current_agency()));
END
$$;
COMMENT ON FUNCTION @extschema@.plan_owned(bigint) IS
  'true when the caller may write evaluation plan id: a regulator, or the agency that owns it';

-- row-level security ------------------------------------------------------------------
ALTER TABLE @extschema@.disclosure ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.disclosure FORCE ROW LEVEL SECURITY;
CREATE POLICY disclosure_read ON @extschema@.disclosure FOR SELECT
  USING (status <> 'draft' OR @extschema@.is_regulator()
         OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());
CREATE POLICY disclosure_insert ON @extschema@.disclosure FOR INSERT
  WITH CHECK (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());
CREATE POLICY disclosure_update ON @extschema@.disclosure FOR UPDATE
  USING (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise())
  WITH CHECK (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());
CREATE POLICY disclosure_delete ON @extschema@.disclosure FOR DELETE
  USING (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());

ALTER TABLE @extschema@.disclosed_indicator ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.disclosed_indicator FORCE ROW LEVEL SECURITY;
CREATE POLICY disclosed_indicator_read ON @extschema@.disclosed_indicator FOR SELECT
  USING (@extschema@.disclosure_visible(enterprise, disclosure));
CREATE POLICY disclosed_indicator_insert ON @extschema@.disclosed_indicator FOR INSERT
  WITH CHECK (@extschema@.disclosure_owned(enterprise, disclosure));
CREATE POLICY disclosed_indicator_update ON @extschema@.disclosed_indicator FOR UPDATE
  USING (@extschema@.disclosure_owned(enterprise, disclosure)) WITH CHECK (@extschema@.disclosure_owned(enterprise, disclosure));
CREATE POLICY disclosed_indicator_delete ON @extschema@.disclosed_indicator FOR DELETE
  USING (@extschema@.disclosure_owned(enterprise, disclosure));

-- history: read with its disclosure; written only by the SECURITY DEFINER
-- statement trigger (nobody has INSERT), never changed (triggers)
ALTER TABLE @extschema@.disclosure_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.disclosure_event FORCE ROW LEVEL SECURITY;
CREATE POLICY disclosure_event_read ON @extschema@.disclosure_event FOR SELECT
  USING (@extschema@.is_regulator() OR @extschema@.disclosure_visible(enterprise, disclosure));

ALTER TABLE @extschema@.evaluation_plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.evaluation_plan FORCE ROW LEVEL SECURITY;
CREATE POLICY evaluation_plan_read ON @extschema@.evaluation_plan FOR SELECT
  USING (status <> 'draft' OR @extschema@.is_regulator() OR agency = @extschema@.current_agency());
CREATE POLICY evaluation_plan_insert ON @extschema@.evaluation_plan FOR INSERT
  WITH CHECK (@extschema@.is_regulator() OR agency = @extschema@.current_agency());
CREATE POLICY evaluation_plan_update ON @extschema@.evaluation_plan FOR UPDATE
  USING (@extschema@.is_regulator() OR agency = @extschema@.current_agency())
  WITH CHECK (@extschema@.is_regulator() OR agency = @extschema@.current_agency());
CREATE POLICY evaluation_plan_delete ON @extschema@.evaluation_plan FOR DELETE
  USING (@extschema@.is_regulator() OR agency = @extschema@.current_agency());

ALTER TABLE @extschema@.plan_indicator ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.plan_indicator FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_indicator_read ON @extschema@.plan_indicator FOR SELECT
  USING (@extschema@.plan_visible(plan));
CREATE POLICY plan_indicator_insert ON @extschema@.plan_indicator FOR INSERT
  WITH CHECK (@extschema@.plan_owned(plan));
CREATE POLICY plan_indicator_update ON @extschema@.plan_indicator FOR UPDATE
  USING (@extschema@.plan_owned(plan)) WITH CHECK (@extschema@.plan_owned(plan));
CREATE POLICY plan_indicator_delete ON @extschema@.plan_indicator FOR DELETE
  USING (@extschema@.plan_owned(plan));

-- expert reviews: read with their plan, recorded by the regulator only
ALTER TABLE @extschema@.plan_review ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.plan_review FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_review_read ON @extschema@.plan_review FOR SELECT
  USING (@extschema@.plan_visible(plan));
CREATE POLICY plan_review_insert ON @extschema@.plan_review FOR INSERT
  WITH CHECK (@extschema@.is_regulator());

-- the review policy: everybody reads it, only a regulator writes it (also if
-- a DBA grants more than security_classes() says)
ALTER TABLE @extschema@.review_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.review_policy FORCE ROW LEVEL SECURITY;
CREATE POLICY review_policy_read ON @extschema@.review_policy FOR SELECT USING (true);
CREATE POLICY review_policy_insert ON @extschema@.review_policy FOR INSERT
  WITH CHECK (@extschema@.is_regulator());
CREATE POLICY review_policy_update ON @extschema@.review_policy FOR UPDATE
  USING (@extschema@.is_regulator()) WITH CHECK (@extschema@.is_regulator());
CREATE POLICY review_policy_delete ON @extschema@.review_policy FOR DELETE
  USING (@extschema@.is_regulator());

-- supervision (70_supervision.sql) ----------------------------------------------------
-- reports: a filer reads the reports it filed, the regulator reads and decides all
ALTER TABLE @extschema@.feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.feedback FORCE ROW LEVEL SECURITY;
CREATE POLICY feedback_read ON @extschema@.feedback FOR SELECT
  USING (@extschema@.is_regulator() OR filed_by = current_user);
CREATE POLICY feedback_insert ON @extschema@.feedback FOR INSERT
  WITH CHECK (@extschema@.is_regulator() OR filed_by = current_user);
CREATE POLICY feedback_update ON @extschema@.feedback FOR UPDATE
  USING (@extschema@.is_regulator()) WITH CHECK (@extschema@.is_regulator());

-- SECURITY DEFINER where the caller must not hold the privilege itself --------------
-- The history writer: tenants never get INSERT on disclosure_event (they
-- could forge history); the statement trigger records the changes their
-- statement made.  A trigger function cannot be called directly and, with
-- EXECUTE revoked, cannot be attached to another table.  by_user records the
-- caller (invoker()), not the definer.
ALTER FUNCTION @extschema@.disclosure_after_statement() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.disclosure_after_statement() FROM PUBLIC;
ALTER TABLE @extschema@.disclosure_event ALTER COLUMN by_user SET DEFAULT @extschema@.invoker();

-- Publication of a ranking: agencies never get INSERT on ranking or
-- ranking_entry (they could publish a list rank_plan() did not compute);
-- publish_ranking() checks first that its caller owns the plan
-- (ranking_publisher_check()) and records the caller in published_by.
ALTER FUNCTION @extschema@.publish_ranking(text) SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.publish_ranking(text) FROM PUBLIC;
ALTER TABLE @extschema@.ranking ALTER COLUMN published_by SET DEFAULT @extschema@.invoker();

-- The order of publications and failing spot checks: nobody writes
-- ranking_lock; publish_ranking() and the spot check trigger (run by a
-- regulator) write it through ranking_lock().
ALTER FUNCTION @extschema@.ranking_lock(text, boolean) SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.ranking_lock(text, boolean) FROM PUBLIC;

-- The subject of a report: the public role files reports but cannot read
-- disclosure; feedback_subject() returns, for a disclosure that is not a
-- draft (public data), its enterprise, status and disclosed requirement.
REVOKE EXECUTE ON FUNCTION @extschema@.feedback_subject(bigint, text) FROM PUBLIC;

-- The open reports district_report counts: every filer's, whoever reads the
-- report (as the view reads them with its owner's rights).
ALTER FUNCTION @extschema@.open_feedback() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.open_feedback() FROM PUBLIC;
ALTER FUNCTION @extschema@.feedback_subject(@extschema@.uscc, bigint, text) SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.feedback_subject(@extschema@.uscc, bigint, text) FROM PUBLIC;


REVOKE EXECUTE ON FUNCTION @extschema@.ranking_publisher_check(text) FROM PUBLIC;

-- LEAKPROOF -----------------------------------------------------------------------------
-- btree comparisons of uscc and stdcode are declared LEAKPROOF where they are
-- created; indicator's compare two decoded sets with no error path
-- (src/indicator.c cmp_datums → indicator_cmp.c fr_ind_order, backend-free,
-- cannot raise), so they are too: quals on these columns stay index
-- conditions under row-level security.
ALTER FUNCTION @extschema@.indicator_eq(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_ne(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_lt(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_le(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_gt(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_ge(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_cmp(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;

-- classification ------------------------------------------------------------------------
CREATE FUNCTION @extschema@.security_classes()
RETURNS TABLE (class text, grantee text, privileges text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  VALUES
    -- relations
    ('reference',         'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('reference',         'frontrunner_agency',     'SELECT'),
    ('reference',         'frontrunner_enterprise', 'SELECT'),
    ('tenant_disclosure', 'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_disclosure', 'frontrunner_agency',     'SELECT'),
    ('tenant_disclosure', 'frontrunner_enterprise', 'SELECT, INSERT, UPDATE, DELETE'),
    ('history',           'frontrunner_regulator',  'SELECT'),
    ('history',           'frontrunner_agency',     'SELECT'),
    ('history',           'frontrunner_enterprise', 'SELECT'),
    ('spot_check',        'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('spot_check',        'frontrunner_agency',     'SELECT'),
    ('spot_check',        'frontrunner_enterprise', 'SELECT'),
    ('tenant_plan',       'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_plan',       'frontrunner_agency',     'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_plan',       'frontrunner_enterprise', 'SELECT'),
    ('ranking',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('ranking',           'frontrunner_agency',     'SELECT'),
    ('ranking',           'frontrunner_enterprise', 'SELECT'),
    ('staging',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('account',           'frontrunner_regulator',  'SELECT'),
    ('public_view',       'frontrunner_regulator',  'SELECT'),
    ('public_view',       'frontrunner_agency',     'SELECT'),
    ('public_view',       'frontrunner_enterprise', 'SELECT'),
    ('public_view',       'frontrunner_reader',     'SELECT'),
    ('typed_view',        'frontrunner_regulator',  'SELECT'),
    ('typed_view',        'frontrunner_agency',     'SELECT'),
    ('typed_view',        'frontrunner_enterprise', 'SELECT'),
    ('sequence',          'frontrunner_regulator',  'SELECT'),
    ('feedback',          'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    ('feedback',          'frontrunner_enterprise', 'SELECT, INSERT'),
    ('feedback',          'frontrunner_reader',     'SELECT, INSERT'),
    ('review',            'frontrunner_regulator',  'SELECT, INSERT'),
    ('review',            'frontrunner_agency',     'SELECT'),
    ('review',            'frontrunner_enterprise', 'SELECT'),
    ('supervision',       'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    -- inspection campaigns (75_inspection.sql): draws are written by the
    -- draw trigger only, results by it and the inspectors, findings by the
    -- regulator; an enterprise reads its own (row-level security)
    ('inspection_read',   'frontrunner_regulator',  'SELECT'),
    ('inspection_read',   'frontrunner_enterprise', 'SELECT'),
    ('inspection',        'frontrunner_regulator',  'SELECT, UPDATE'),
    ('inspection',        'frontrunner_enterprise', 'SELECT'),
    ('finding',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    ('finding',           'frontrunner_enterprise', 'SELECT'),
    -- functions
    ('public',            'PUBLIC',                 'EXECUTE'),
    -- a function a public view calls (the roles that may read the views)
    ('public_view_part',  'frontrunner_regulator',  'EXECUTE'),
    ('public_view_part',  'frontrunner_agency',     'EXECUTE'),
    ('public_view_part',  'frontrunner_enterprise', 'EXECUTE'),
    ('public_view_part',  'frontrunner_reader',     'EXECUTE'),
    ('tenant_lookup',     'frontrunner_regulator',  'EXECUTE'),
    ('tenant_lookup',     'frontrunner_agency',     'EXECUTE'),
    ('tenant_lookup',     'frontrunner_enterprise', 'EXECUTE'),
    ('registry_read',     'frontrunner_regulator',  'EXECUTE'),
    ('registry_read',     'frontrunner_agency',     'EXECUTE'),
    ('registry_read',     'frontrunner_enterprise', 'EXECUTE'),
    ('disclosure_write',  'frontrunner_regulator',  'EXECUTE'),
    ('disclosure_write',  'frontrunner_enterprise', 'EXECUTE'),
    ('plan_write',        'frontrunner_regulator',  'EXECUTE'),
    ('plan_write',        'frontrunner_agency',     'EXECUTE'),
    ('plan_read',         'frontrunner_regulator',  'EXECUTE'),
    ('plan_read',         'frontrunner_agency',     'EXECUTE'),
    ('regulator',         'frontrunner_regulator',  'EXECUTE'),
    ('feedback_file',     'frontrunner_regulator',  'EXECUTE'),
    ('feedback_file',     'frontrunner_enterprise', 'EXECUTE'),
    ('feedback_file',     'frontrunner_reader',     'EXECUTE'),
    -- classes granted to nobody: trigger (fired, never called), internal
    -- (called only by SECURITY DEFINER code), dba (setup_roles)
    ('trigger',           NULL,                     NULL),
    ('internal',          NULL,                     NULL),
    ('dba',               NULL,                     NULL)
$$;
COMMENT ON FUNCTION @extschema@.security_classes() IS
  'what each security class grants to which group role (privileges NULL: nothing; PUBLIC: everybody); setup_roles() applies it to the objects of security_objects()';

CREATE FUNCTION @extschema@.security_objects()
RETURNS TABLE (kind text, name text, class text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  VALUES
    -- tables
    ('table', 'enterprise', 'reference'),
    ('table', 'standard', 'reference'),
    ('table', 'category', 'reference'),
    ('table', 'indicator_def', 'reference'),
    ('table', 'standard_requirement', 'reference'),
    ('table', 'disclosure', 'tenant_disclosure'),
    ('table', 'disclosed_indicator', 'tenant_disclosure'),
    ('table', 'disclosure_event', 'history'),
    ('table', 'spot_check', 'spot_check'),
    ('table', 'disclosure_import', 'staging'),
    ('table', 'evaluation_plan', 'tenant_plan'),
    ('table', 'plan_indicator', 'tenant_plan'),
    ('table', 'ranking', 'ranking'),
    ('table', 'ranking_entry', 'ranking'),
    ('table', 'ranking_lock', 'internal'),
    ('table', 'account', 'account'),
    ('table', 'plan_review', 'review'),
    ('table', 'review_policy', 'reference'),
    ('table', 'feedback', 'feedback'),
    ('table', 'spot_check_request', 'supervision'),
    ('table', 'test_method_limit', 'reference'),
    ('table', 'inspection_campaign', 'supervision'),
    ('table', 'inspection_draw', 'inspection_read'),
    ('table', 'inspection_result', 'inspection'),
    ('table', 'inspection_finding', 'finding'),
    -- views: they run with their owner's rights (no RLS); each shows public data only
    ('view', 'requirement_in_force', 'public_view'),
    ('view', 'spot_check_failure', 'public_view'),
    ('view', 'leaderboard', 'public_view'),
    ('view', 'current_leaders', 'public_view'),
    -- benchmark comparison: reference data and non-draft disclosures only
    ('view', 'standard_latest', 'public_view'),
    ('view', 'benchmark_requirement', 'public_view'),
    ('view', 'benchmark_pair', 'public_view'),
    ('view', 'benchmark_summary', 'public_view'),
    ('view', 'benchmark_gap', 'public_view'),
    ('view', 'benchmark_profile', 'public_view'),
    ('view', 'district_report', 'public_view'),
    ('view', 'enterprise_record', 'public_view'),
    ('view', 'category_report', 'public_view'),
    ('view', 'reference_report', 'public_view'),
    ('view', 'claim_verifiability', 'public_view'),
    ('view', 'unverifiable_leader', 'public_view'),
    ('view', 'campaign_report', 'public_view'),
    ('view', 'campaign_audit', 'public_view'),
    -- the same rows as four of those in the domain types, for the functions
    -- that compare them (invoker's rights) and for jobs; not for the reader,
    -- whose views have plain column types only (README, Clients and BI)
    ('view', 'requirement_in_force_typed', 'typed_view'),
    ('view', 'standard_latest_typed', 'typed_view'),
    ('view', 'benchmark_requirement_typed', 'typed_view'),
    ('view', 'benchmark_pair_typed', 'typed_view'),
    -- sequences (identity columns need no grant to insert)
    ('sequence', 'disclosure_id_seq', 'sequence'),
    ('sequence', 'spot_check_id_seq', 'sequence'),
    ('sequence', 'disclosure_event_id_seq', 'sequence'),
    ('sequence', 'disclosure_import_line_seq', 'sequence'),
    ('sequence', 'evaluation_plan_id_seq', 'sequence'),
    ('sequence', 'ranking_id_seq', 'sequence'),
    ('sequence', 'plan_review_id_seq', 'sequence'),
    ('sequence', 'review_policy_id_seq', 'sequence'),
    ('sequence', 'feedback_id_seq', 'sequence'),
    ('sequence', 'spot_check_request_id_seq', 'sequence'),
    ('sequence', 'inspection_campaign_id_seq', 'sequence'),
    ('sequence', 'inspection_finding_id_seq', 'sequence'),
    -- functions (every overload of the name).  Support functions of types,
    -- operators, operator classes, aggregates and casts are public without
    -- being listed.
    ('function', 'normalize_input', 'public'),
    ('function', 'version', 'public'),
    ('function', 'restoring', 'public'),
    ('function', 'tenant_fill', 'trigger'),
    ('function', 'uscc_registry', 'public'),
    ('function', 'uscc_entity', 'public'),
    ('function', 'uscc_region', 'public'),
    ('function', 'uscc_org_code', 'public'),
    ('function', 'uscc_is_valid', 'public'),
    ('function', 'uscc_complete', 'public'),
    ('function', 'uscc_registry_name', 'public'),
    ('function', 'std_kind', 'public'),
    ('function', 'std_nature', 'public'),
    ('function', 'std_prefix', 'public'),
    ('function', 'std_number', 'public'),
    ('function', 'std_year', 'public'),
    ('function', 'std_undated', 'public'),
    ('function', 'std_adopts', 'public'),
    ('function', 'units', 'public'),
    ('function', 'unit_prefixes', 'public'),
    ('function', 'unit_canonical', 'public'),
    ('function', 'unit_dimension', 'public'),
    ('function', 'unit_commensurable', 'public'),
    ('function', 'unit_convert', 'public'),
    ('function', 'unit_compare', 'public'),
    ('function', 'unit_value_key', 'public'),
    ('function', 'compare', 'public'),
    ('function', 'satisfies', 'public'),
    ('function', 'level', 'public'),
    ('function', 'comparable_level', 'public'),
    ('function', 'margin', 'public'),
    ('function', 'lower', 'public'),
    ('function', 'upper', 'public'),
    ('function', 'lower_inc', 'public'),
    ('function', 'upper_inc', 'public'),
    ('function', 'is_nd', 'public'),
    ('function', 'unit', 'public'),
    ('function', 'to_unit', 'public'),
    ('function', 'to_text', 'public'),
    -- indicator forms of 0.2.0 (issue 16): accessors of precision, basis and plan
    ('function', 'form', 'public'),
    ('function', 'lower_precision', 'public'),
    ('function', 'upper_precision', 'public'),
    ('function', 'species', 'public'),
    ('function', 'sample_basis', 'public'),
    ('function', 'fraction', 'public'),
    ('function', 'plan_n', 'public'),
    ('function', 'plan_c', 'public'),
    ('function', 'plan_m', 'public'),
    ('function', 'plan_max', 'public'),
    ('function', 'pinyin', 'public'),
    ('function', 'pinyin_compact', 'public'),
    ('function', 'min', 'public'),
    ('function', 'max', 'public'),
    ('function', 'level_stats', 'public'),
    ('function', 'level_count', 'public'),
    ('function', 'level_distinct', 'public'),
    ('function', 'level_cutoff', 'public'),
    ('function', 'level_standing', 'public'),
    ('function', 'level_place', 'public'),
    ('function', 'levels', 'public'),
    ('function', 'levels_json', 'public'),
    ('function', 'standard_edition', 'public'),
    ('function', 'benchmark_class_rank', 'public'),
    ('function', 'level_counts', 'public'),
    ('function', 'level_direction', 'public'),
    ('function', 'level_reaches', 'public'),
    -- the policies' helpers: they reveal nothing the caller cannot see
    ('function', 'invoker', 'public'),
    ('function', 'role_in_group', 'public'),
    ('function', 'is_regulator', 'public'),
    ('function', 'current_enterprise', 'public'),
    ('function', 'current_agency', 'public'),
    ('function', 'disclosure_visible', 'public'),
    ('function', 'disclosure_owned', 'public'),
    ('function', 'plan_visible', 'public'),
    ('function', 'plan_owned', 'public'),
    ('function', 'security_classes', 'public'),
    ('function', 'security_objects', 'public'),
    ('function', 'security_extension_objects', 'public'),
    ('function', 'security_plan', 'public'),
    ('function', 'account_enterprise', 'tenant_lookup'),
    ('function', 'account_agency', 'tenant_lookup'),
    -- registry
    ('function', 'enterprise_fill_region', 'trigger'),
    ('function', 'disclosure_before_insert', 'trigger'),
    ('function', 'disclosure_before_update', 'trigger'),
    ('function', 'disclosure_row', 'trigger'),
    ('function', 'disclosure_before_delete', 'trigger'),
    ('function', 'disclosure_after_statement', 'trigger'),
    ('function', 'disclosure_after_statement_general', 'trigger'),
    ('function', 'refuse_truncate', 'trigger'),
    ('function', 'disclosed_indicator_guard', 'trigger'),
    ('function', 'disclosed_indicator_insert_check', 'trigger'),
    ('function', 'refuse_change', 'trigger'),
    ('function', 'spot_check_before_write', 'trigger'),
    ('function', 'raise_violation', 'disclosure_write'),
    ('function', 'standard_number_problem', 'disclosure_write'),
    ('function', 'check_standard_number', 'disclosure_write'),
    ('function', 'indicator_violations', 'disclosure_write'),
    ('function', 'indicator_entry_check', 'disclosure_write'),
    ('function', 'disclosure_violations', 'disclosure_write'),
    ('function', 'disclosure_publication_check', 'disclosure_write'),
    ('function', 'disclosure_publication_suspect', 'disclosure_write'),
    ('function', 'indicator_entry_suspect', 'disclosure_write'),
    ('function', 'publish_disclosure', 'disclosure_write'),
    ('function', 'withdraw_disclosure', 'disclosure_write'),
    ('function', 'disclosure_history', 'registry_read'),
    ('function', 'enterprise_search', 'registry_read'),
    ('function', 'excluded', 'registry_read'),
    ('function', 'import_disclosures', 'regulator'),
    ('function', 'import_disclosure_one', 'regulator'),
    ('function', 'import_disclosure_batch', 'regulator'),
    ('function', 'import_disclosure_try', 'regulator'),
    -- plans and ranking
    ('function', 'evaluation_plan_before_write', 'trigger'),
    ('function', 'plan_indicator_before_write', 'trigger'),
    ('function', 'spot_check_revoke', 'trigger'),
    ('function', 'spot_check_revoke_reason', 'registry_read'),
    ('function', 'ranking_lock', 'regulator'),
    ('function', 'plan_immutable_error', 'plan_write'),
    ('function', 'plan_publication_check', 'plan_write'),
    ('function', 'plan_for_share', 'plan_write'),
    ('function', 'plan_row', 'registry_read'),
    ('function', 'plan_id', 'registry_read'),
    ('function', 'leaders_json', 'registry_read'),
    ('function', 'benchmark', 'registry_read'),
    ('function', 'benchmark_profile', 'registry_read'),
    ('function', 'disclosure_json', 'registry_read'),
    ('function', 'levelset_noted', 'plan_read'),
    ('function', 'ranking_query', 'plan_read'),
    ('function', 'plan_core_indicators', 'plan_read'),
    ('function', 'plan_cutoffs', 'plan_read'),
    ('function', 'eligibility', 'plan_read'),
    ('function', 'rank_plan', 'plan_read'),
    ('function', 'indicator_lists', 'plan_read'),
    ('function', 'publish_ranking', 'plan_read'),
    ('function', 'ranking_publisher_check', 'internal'),
    -- supervision
    ('function', 'plan_review_before_insert', 'trigger'),
    ('function', 'feedback_before_write', 'trigger'),
    ('function', 'spot_check_request_before_write', 'trigger'),
    ('function', 'plan_review_check', 'plan_write'),
    ('function', 'plan_review_state', 'plan_write'),
    ('function', 'plan_open_rejections', 'plan_write'),
    ('function', 'plan_policy_check', 'plan_write'),
    ('function', 'review_minimum', 'registry_read'),
    ('function', 'review_policy_before_write', 'trigger'),
    ('function', 'feedback_subject', 'feedback_file'),
    ('function', 'feedback_error', 'feedback_file'),
    -- supervision of disclosures: verifiability, references, inspection campaigns
    ('function', 'standard_current', 'registry_read'),
    ('function', 'test_method_limit_check', 'trigger'),
    ('function', 'claim_judge', 'public'),
    ('function', 'claim_check', 'registry_read'),
    ('function', 'claim_effective', 'registry_read'),
    ('function', 'unverifiable_claims_setting', 'registry_read'),
    ('function', 'disclosure_verifiable_check', 'trigger'),
    ('function', 'draw_key', 'public'),
    ('function', 'campaign_sample', 'public'),
    ('function', 'campaign_population', 'regulator'),
    ('function', 'inspection_prefill', 'regulator'),
    ('function', 'draw_campaign', 'regulator'),
    ('function', 'campaign_store_draw', 'regulator'),
    ('function', 'inspection_campaign_before_write', 'trigger'),
    ('function', 'inspection_campaign_after_draw', 'trigger'),
    ('function', 'inspection_result_before_write', 'trigger'),
    ('function', 'inspection_finding_before_write', 'trigger'),
    -- what findings do (published campaigns' findings only: public data)
    ('function', 'finding_exclusions', 'public_view_part'),
    ('function', 'finding_counts', 'public_view_part'),
    ('function', 'unverifiable_leader_rows', 'public_view_part'),
    ('function', 'campaign_report_rows', 'public_view_part'),
    ('function', 'campaign_audit_rows', 'public_view_part'),
    ('function', 'reference_report_rows', 'public_view_part'),
    ('function', 'division_name', 'public'),
    -- clients: progress, streaming, the search path
    ('function', 'progress', 'public'),
    ('function', 'rank_plan_query', 'plan_read'),
    ('function', 'rank_plan_cursor', 'plan_read'),
    ('function', 'rank_plan_start', 'plan_read'),
    ('function', 'search_path_elements', 'public'),
    ('function', 'database_search_path', 'public'),
    ('function', 'search_path_problems', 'public'),
    ('function', 'setup_search_path', 'dba'),
    ('function', 'setup_roles', 'dba'),
    ('function', 'open_feedback', 'public_view_part'),
    -- scale-out (96_citus.sql): the layout and the helpers of the rules are
    -- public, distributing the registry is the DBA's
    ('function', 'citus_distributed', 'public'),
    ('function', 'clock', 'public'),
    ('function', 'citus_tenants', 'public'),
    ('function', 'citus_layout', 'public'),
    ('function', 'citus_on_workers', 'dba'),
    ('function', 'citus_placements', 'public'),
    ('function', 'citus_rekey', 'dba'),
    ('function', 'citus_distribute', 'dba')
$$;
COMMENT ON FUNCTION @extschema@.security_objects() IS
  'the security class of every table, view, sequence and function of the extension (functions by name, every overload; support functions of types, operators, operator classes, aggregates and casts are public without a row): what setup_roles() grants; test/security.sql fails when an object is missing';

-- the extension's objects, as setup_roles() sees them ---------------------------------
CREATE FUNCTION @extschema@.security_extension_objects()
RETURNS TABLE (kind text, ident text, name text, support boolean)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  WITH ext AS (
    SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
    WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e'
      AND d.refobjid = (SELECT x.oid FROM pg_catalog.pg_extension x WHERE x.extname = 'frontrunner')
  ), rel AS (
    SELECT c.oid, c.relkind, c.relname FROM ext JOIN pg_catalog.pg_class c ON c.oid = ext.objid
    WHERE ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  ), support AS (
    SELECT t.typinput AS f FROM pg_catalog.pg_type t UNION SELECT t.typoutput FROM pg_catalog.pg_type t
    UNION SELECT t.typreceive FROM pg_catalog.pg_type t UNION SELECT t.typsend FROM pg_catalog.pg_type t
    UNION SELECT t.typmodin FROM pg_catalog.pg_type t UNION SELECT t.typmodout FROM pg_catalog.pg_type t
    UNION SELECT t.typanalyze FROM pg_catalog.pg_type t
    UNION SELECT o.oprcode FROM pg_catalog.pg_operator o UNION SELECT o.oprrest FROM pg_catalog.pg_operator o
    UNION SELECT o.oprjoin FROM pg_catalog.pg_operator o
    UNION SELECT a.amproc FROM pg_catalog.pg_amproc a
    UNION SELECT g.aggtransfn FROM pg_catalog.pg_aggregate g UNION SELECT g.aggfinalfn FROM pg_catalog.pg_aggregate g
    UNION SELECT g.aggcombinefn FROM pg_catalog.pg_aggregate g UNION SELECT g.aggserialfn FROM pg_catalog.pg_aggregate g
    UNION SELECT g.aggdeserialfn FROM pg_catalog.pg_aggregate g UNION SELECT g.aggmtransfn FROM pg_catalog.pg_aggregate g
    UNION SELECT g.aggminvtransfn FROM pg_catalog.pg_aggregate g UNION SELECT g.aggmfinalfn FROM pg_catalog.pg_aggregate g
    UNION SELECT c.castfunc FROM pg_catalog.pg_cast c
  )
  SELECT CASE WHEN r.relkind IN ('r', 'p') THEN 'table' ELSE 'view' END,
         r.oid::pg_catalog.regclass::text, r.relname::text, false
  FROM rel r WHERE r.relkind IN ('r', 'p', 'v', 'm')
  UNION ALL
  -- sequences: owned by (identity or serial columns of) the extension's tables
  SELECT 'sequence', s.oid::pg_catalog.regclass::text, s.relname::text, false
  FROM pg_catalog.pg_class s
  WHERE s.relkind = 'S'
    AND EXISTS (SELECT FROM pg_catalog.pg_depend d JOIN rel r ON r.oid = d.refobjid
                WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = s.oid
                  AND d.deptype IN ('i', 'a'))
  UNION ALL
  SELECT 'function', p.oid::pg_catalog.regprocedure::text, p.proname::text,
         p.oid IN (SELECT support.f FROM support)
  FROM ext JOIN pg_catalog.pg_proc p ON p.oid = ext.objid
  WHERE ext.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
$$;
COMMENT ON FUNCTION @extschema@.security_extension_objects() IS
  'every table, view, sequence and function of the installed extension: kind, qualified identity, name, and (functions) whether it is a support function of a type, operator, operator class, aggregate or cast';

CREATE FUNCTION @extschema@.security_plan()
RETURNS TABLE (kind text, ident text, name text, class text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT o.kind, o.ident, o.name,
         coalesce(c.class, CASE WHEN o.support THEN 'public' END)
  FROM frontrunner.security_extension_objects() o
  LEFT JOIN frontrunner.security_objects() c ON c.kind = o.kind AND c.name = o.name
$$;
COMMENT ON FUNCTION @extschema@.security_plan()  IS
  'every object of the installed extension with its security class (NULL: not classified — setup_roles() refuses to run, test/security.sql fails)';

-- setup_roles ------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.setup_roles()
RETURNS TABLE (kind text, object text, class text, grantee text, privileges text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  g text;
  r record;
  s record;
  unclassified text;
  coordinator boolean := false;
  distributed boolean := frontrunner.citus_distributed();
  propagation text;
  target text;
BEGIN
  SELECT string_agg(p.kind || ' ' || p.ident, ', ' ORDER BY p.kind, p.ident) INTO unclassified
  FROM frontrunner.security_plan() p WHERE p.class IS NULL;
  IF unclassified IS NOT NULL THEN
    RAISE EXCEPTION 'objects without a security class: %', unclassified
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Every table, view, sequence and function of the extension needs a class in frontrunner.security_objects().',
            HINT = 'Add a row (kind, name, class) to security_objects() in sql/install/90_security.sql, with the class whose grants in security_classes() fit who may use the object.';
  END IF;

  -- A distributed registry (citus_distribute()) runs its rules and policies
  -- on the workers too, with the same privileges: there the group roles are
  -- created in a transaction of their own on the coordinator, which Citus
  -- propagates to every node, and each worker runs setup_roles() itself,
  -- before this transaction changes anything on them (Citus propagates the
  -- privileges of its tables, not of the extension's functions and views).
  IF distributed THEN
    coordinator := pg_catalog.citus_is_coordinator();
  END IF;
  FOREACH g IN ARRAY ARRAY['frontrunner_regulator', 'frontrunner_agency', 'frontrunner_enterprise', 'frontrunner_reader'] LOOP
    PERFORM FROM pg_catalog.pg_roles x WHERE x.rolname = g;
    IF NOT FOUND AND coordinator THEN
      SELECT c.* INTO s FROM pg_catalog.run_command_on_coordinator(
        format('CREATE ROLE %I NOLOGIN; COMMENT ON ROLE %I IS %L', g, g, 'frontrunner group role, created by frontrunner.setup_roles()')) c;
      IF NOT s.success THEN
        RAISE EXCEPTION 'group role % could not be created on the cluster: %', g, s.result
          USING ERRCODE = 'external_routine_exception',
                HINT = 'Check that role propagation works (citus.enable_create_role_propagation), then run setup_roles() again.';
      END IF;
    ELSIF NOT FOUND THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', g);
      EXECUTE format('COMMENT ON ROLE %I IS %L', g, 'frontrunner group role, created by frontrunner.setup_roles()');
    END IF;
  END LOOP;
  IF coordinator THEN
    PERFORM frontrunner.citus_on_workers('SELECT count(*) FROM frontrunner.setup_roles()');
  END IF;
  IF distributed THEN
    -- every node sets its own privileges: its tables and the shards it
    -- holds (the workers did theirs above)
    propagation := pg_catalog.current_setting('citus.enable_ddl_propagation');
    PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', 'off', true);
  END IF;
  FOREACH g IN ARRAY ARRAY['frontrunner_regulator', 'frontrunner_agency', 'frontrunner_enterprise', 'frontrunner_reader'] LOOP
    EXECUTE format('GRANT USAGE ON SCHEMA frontrunner TO %I', g);
  END LOOP;

  FOR r IN SELECT p.* FROM frontrunner.security_plan() p ORDER BY p.kind, p.ident LOOP
    -- the object, and on a distributed registry the shards of a table on
    -- this node
    FOR target IN SELECT r.ident
                  UNION ALL SELECT x::text FROM frontrunner.citus_placements(r.ident::regclass) x WHERE r.kind = 'table' LOOP
      -- start from nothing for PUBLIC and the four group roles, then grant
      EXECUTE format('REVOKE ALL ON %s %s FROM PUBLIC, frontrunner_regulator, frontrunner_agency, frontrunner_enterprise, frontrunner_reader',
                     CASE r.kind WHEN 'function' THEN 'ROUTINE' WHEN 'sequence' THEN 'SEQUENCE' ELSE 'TABLE' END, target);
      FOR s IN
        SELECT c.grantee, c.privileges FROM frontrunner.security_classes() c
        WHERE c.class = r.class AND c.grantee IS NOT NULL ORDER BY c.grantee
      LOOP
        EXECUTE format('GRANT %s ON %s %s TO %s', s.privileges,
                       CASE r.kind WHEN 'function' THEN 'ROUTINE' WHEN 'sequence' THEN 'SEQUENCE' ELSE 'TABLE' END,
                       target, CASE WHEN s.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(s.grantee) END);
        CONTINUE WHEN target <> r.ident;
        kind := r.kind; object := r.ident; class := r.class; grantee := s.grantee; privileges := s.privileges;
        RETURN NEXT;
      END LOOP;
    END LOOP;
  END LOOP;

  IF distributed THEN
    -- A view reads its tables with its owner's rights; on Citus the shards
    -- are read with the reader's (Citus issue 1683): a role that may read a
    -- view but not a table under it gets SELECT on that table's shards only
    -- (not on the table: its queries see what they saw), under the table's
    -- policies.
    FOR r IN
      WITH RECURSIVE base (view, rel) AS (
        SELECT w.ev_class, d.refobjid
        FROM pg_catalog.pg_rewrite w
        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = w.oid
                                   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid <> w.ev_class
        WHERE w.ev_class IN (SELECT o.ident::pg_catalog.regclass FROM frontrunner.security_plan() o WHERE o.kind = 'view')
        UNION
        SELECT b.view, d.refobjid
        FROM base b
        JOIN pg_catalog.pg_rewrite w ON w.ev_class = b.rel
        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = w.oid
                                   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid <> w.ev_class
      )
      SELECT DISTINCT b.rel::pg_catalog.regclass::text AS rel, g.rolname
      FROM base b
      JOIN pg_catalog.pg_class c ON c.oid = b.rel AND c.relkind = 'r'
      CROSS JOIN pg_catalog.pg_roles g
      WHERE g.rolname IN ('frontrunner_regulator', 'frontrunner_agency', 'frontrunner_enterprise', 'frontrunner_reader')
        AND pg_catalog.has_table_privilege(g.rolname, b.view, 'SELECT')
        AND NOT pg_catalog.has_table_privilege(g.rolname, b.rel, 'SELECT')
      ORDER BY 1, 2
    LOOP
      FOR target IN SELECT x::text FROM frontrunner.citus_placements(r.rel::regclass) x LOOP
        EXECUTE format('GRANT SELECT ON TABLE %s TO %I', target, r.rolname);
      END LOOP;
      kind := 'shards'; object := r.rel; class := 'under a view'; grantee := r.rolname; privileges := 'SELECT';
      RETURN NEXT;
    END LOOP;
    PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', propagation, true);
  END IF;
  -- the logins get the database's search_path (setup_search_path()); one of
  -- their own without frontrunner would hide the extension from them
  FOR s IN
    SELECT x.* FROM frontrunner.search_path_problems(pg_catalog.current_database()) x
    JOIN pg_catalog.pg_roles m ON m.rolname = x.role AND NOT m.rolsuper
    WHERE EXISTS (SELECT FROM pg_catalog.unnest(ARRAY['frontrunner_regulator', 'frontrunner_agency',
                                                      'frontrunner_enterprise', 'frontrunner_reader']) g(g)
                  WHERE pg_catalog.pg_has_role(m.oid, g.g, 'MEMBER'))
  LOOP
    RAISE WARNING '%', s.problem USING DETAIL = s.detail, HINT = s.hint;
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.setup_roles() IS
  'run by a DBA (superuser, or the extension owner with CREATEROLE): creates the NOLOGIN group roles frontrunner_regulator, frontrunner_agency, frontrunner_enterprise, frontrunner_reader when missing and sets the privileges of every extension object from its class (revoke all, then grant); idempotent, picks up new objects; refuses (22023) when an object has no class; warns of member logins whose own search_path hides the extension (search_path_problems()); sets no search_path itself (setup_search_path() sets the database''s); returns one row per grant';
REVOKE EXECUTE ON FUNCTION @extschema@.setup_roles() FROM PUBLIC;

-- at install: functions that are not public are not executable by PUBLIC
-- even before setup_roles() has run
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT p.ident FROM frontrunner.security_plan() p
           WHERE p.kind = 'function' AND p.class IS DISTINCT FROM 'public' ORDER BY p.ident LOOP
    EXECUTE pg_catalog.format('REVOKE EXECUTE ON ROUTINE %s FROM PUBLIC', r.ident);
  END LOOP;
END
$$;
