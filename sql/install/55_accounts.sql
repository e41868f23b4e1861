-- Login roles and the tenant they act for: table account, and who is asking
-- (invoker(), is_regulator(), current_enterprise(), current_agency()).  The
-- ranking publication check, the supervision triggers and the row-level
-- security policies (90_security.sql) use them.

-- account ---------------------------------------------------------------------
CREATE TABLE @extschema@.account (
  role       name PRIMARY KEY,
  enterprise @extschema@.uscc REFERENCES @extschema@.enterprise (uscc),
  agency     text CONSTRAINT account_agency_check CHECK (btrim(agency) <> ''),
  note       text,
  CONSTRAINT account_one_tenant_check CHECK (num_nonnulls(enterprise, agency) <= 1)
);
COMMENT ON TABLE @extschema@.account IS
  'maps login roles (members of frontrunner_enterprise or frontrunner_agency) to the enterprise or evaluation agency they act for; a role without a row sees nothing private';
COMMENT ON COLUMN @extschema@.account.role IS 'login role name (current_user when it queries)';
COMMENT ON COLUMN @extschema@.account.enterprise IS 'the enterprise the role acts for (effective when the role is a member of frontrunner_enterprise)';
COMMENT ON COLUMN @extschema@.account.agency IS 'the evaluation agency the role acts for, as written in evaluation_plan.agency (effective when the role is a member of frontrunner_agency)';
COMMENT ON COLUMN @extschema@.account.note IS 'free text for the DBA (who asked, when)';

-- who is asking -----------------------------------------------------------------
-- (in C, src/accounts.c: the default of the history's by_user, evaluated for
-- every row; what CASE WHEN current_setting('role') = 'none' THEN session_user
-- ELSE current_setting('role')::name END returns)
CREATE FUNCTION @extschema@.invoker() RETURNS name
  AS 'MODULE_PATHNAME', 'fr_invoker' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.invoker() IS
  'the role the session acts as (SET ROLE, else the session user): current_user as seen from outside any SECURITY DEFINER function; used by the SECURITY DEFINER functions of the extension to know their caller';

CREATE FUNCTION @extschema@.role_in_group(r name, grp text) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM pg_catalog.pg_roles g JOIN pg_catalog.pg_roles m ON m.rolname = r
                 WHERE g.rolname = grp AND pg_catalog.pg_has_role(m.oid, g.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.role_in_group(name, text) IS
  'true when role r is a member (directly or not) of the group role grp; false when either does not exist';

CREATE FUNCTION @extschema@.is_regulator() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT frontrunner.role_in_group(current_user, 'frontrunner_regulator')
         OR EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname = current_user AND r.rolsuper)
$$;
COMMENT ON FUNCTION @extschema@.is_regulator() IS
  'true when current_user is a member of frontrunner_regulator, or a superuser (also before setup_roles() has created the group roles)';

CREATE FUNCTION @extschema@.account_enterprise(r name) RETURNS @extschema@.uscc
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
BEGIN
  -- (PL/pgSQL, and nested execution allowed: on a distributed registry the
  -- policies that call it run on the workers, inside the shard queries, and
  -- read account there, a reference table with a copy on every node)
  RETURN (SELECT a.enterprise
          FROM frontrunner.account a
          JOIN pg_catalog.pg_roles m ON m.rolname = a.role
          WHERE a.role = r
            AND pg_catalog.pg_has_role(session_user, m.oid, 'MEMBER')
            AND frontrunner.role_in_group(r, 'frontrunner_enterprise'));
END
$$;
COMMENT ON FUNCTION @extschema@.account_enterprise(name) IS
  'SECURITY DEFINER (reads account, which the tenant roles cannot): the enterprise role r acts for — only when r is a member of frontrunner_enterprise and the session user is r or a member of r (so nobody looks up another login''s mapping); else NULL';

CREATE FUNCTION @extschema@.account_agency(r name) RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
BEGIN
  -- (PL/pgSQL, and nested execution allowed: on a distributed registry the
  -- policies that call it run on the workers, inside the shard queries, and
  -- read account there, a reference table with a copy on every node)
  RETURN (SELECT a.agency
          FROM frontrunner.account a
          JOIN pg_catalog.pg_roles m ON m.rolname = a.role
          WHERE a.role = r
            AND pg_catalog.pg_has_role(session_user, m.oid, 'MEMBER')
            AND frontrunner.role_in_group(r, 'frontrunner_agency'));
END
$$;
COMMENT ON FUNCTION @extschema@.account_agency(name) IS
  'SECURITY DEFINER (reads account): the evaluation agency role r acts for — only when r is a member of frontrunner_agency and the session user is r or a member of r; else NULL';

CREATE FUNCTION @extschema@.current_enterprise() RETURNS @extschema@.uscc
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- account_enterprise() only for a member of frontrunner_enterprise (NULL for anybody else
  -- in any case): the policies that call this run on every role's queries,
  -- on a distributed registry also on the shards a view reads for a role
  -- without EXECUTE on account_enterprise()
  IF frontrunner.role_in_group(current_user, 'frontrunner_enterprise') THEN
    RETURN frontrunner.account_enterprise(current_user);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.current_enterprise() IS
  'the enterprise current_user acts for (account), NULL when none: the tenant of the enterprise policies';

CREATE FUNCTION @extschema@.current_agency() RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- account_agency() only for a member of frontrunner_agency (NULL for anybody else
  -- in any case): the policies that call this run on every role's queries,
  -- on a distributed registry also on the shards a view reads for a role
  -- without EXECUTE on account_agency()
  IF frontrunner.role_in_group(current_user, 'frontrunner_agency') THEN
    RETURN frontrunner.account_agency(current_user);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.current_agency() IS
  'the evaluation agency current_user acts for (account), NULL when none: the tenant of the agency policies';
REVOKE EXECUTE ON FUNCTION @extschema@.account_enterprise(name) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.account_agency(name) FROM PUBLIC;
