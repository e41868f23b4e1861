-- Disclosure registry: enterprises (and enterprise_search()), standards, categories,
-- indicator definitions, standard requirements, disclosures and their
-- indicators, spot checks, and the disclosure history.
-- Rules (1-6) are in 41_registry_rules.sql; the bulk import in
-- 42_registry_import.sql.

-- enterprise ------------------------------------------------------------------
CREATE TABLE @extschema@.enterprise (
  uscc        @extschema@.uscc PRIMARY KEY,
  name        text NOT NULL CONSTRAINT enterprise_name_check CHECK (btrim(name) <> ''),
  region      text CONSTRAINT enterprise_region_check CHECK (region ~ '^[0-9]{6}$'),
  name_pinyin text GENERATED ALWAYS AS (@extschema@.pinyin_compact(name)) STORED
);
COMMENT ON TABLE @extschema@.enterprise IS 'enterprises that disclose standards, keyed by their unified social credit code';
COMMENT ON COLUMN @extschema@.enterprise.uscc IS 'unified social credit code (统一社会信用代码, GB 32100-2015)';
COMMENT ON COLUMN @extschema@.enterprise.name IS 'registered name of the enterprise';
COMMENT ON COLUMN @extschema@.enterprise.region IS 'administrative division code (GB/T 2260, 6 digits); filled from positions 3-8 of the USCC when not given';
COMMENT ON COLUMN @extschema@.enterprise.name_pinyin IS 'pinyin_compact(name), generated: search key for names typed in pinyin (geli finds 格力)';
CREATE FUNCTION @extschema@.enterprise_fill_region() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  r text;
BEGIN
  IF NEW.region IS NULL THEN
    r := frontrunner.uscc_region(NEW.uscc);
    IF r ~ '^[0-9]{6}$' THEN
      NEW.region := r;
    END IF;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.enterprise_fill_region() IS
  'trigger: enterprise.region defaults to the division code in positions 3-8 of the USCC';
CREATE TRIGGER enterprise_10_region BEFORE INSERT OR UPDATE ON @extschema@.enterprise
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.enterprise'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.enterprise_fill_region();
CREATE INDEX enterprise_name_prefix_idx ON @extschema@.enterprise (name text_pattern_ops);
CREATE INDEX enterprise_name_pinyin_idx ON @extschema@.enterprise (name_pinyin text_pattern_ops);

-- enterprise search ------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.enterprise_search(q text)
RETURNS TABLE (uscc @extschema@.uscc, name text, region text, matched text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  code frontrunner.uscc;
  term text := btrim(q);
  pat text;
  py text;
BEGIN
  IF term = '' THEN
    RETURN;
  END IF;
  -- an exact unified social credit code
  IF upper(regexp_replace(term, '[\s-]', '', 'g')) ~ '^[0-9A-Z]{18}$' THEN
    BEGIN
      code := term::frontrunner.uscc;
    EXCEPTION WHEN invalid_text_representation THEN
      code := NULL;
    END;
  END IF;
  pat := replace(replace(replace(term, '\', '\\'), '%', '\%'), '_', '\_');
  py := frontrunner.pinyin_compact(term);
  RETURN QUERY
  SELECT e.uscc, e.name, e.region, m.matched
  FROM frontrunner.enterprise e
  CROSS JOIN LATERAL (
    SELECT CASE
      WHEN e.uscc OPERATOR(frontrunner.=) code THEN 'uscc'
      WHEN e.name LIKE pat || '%' THEN 'name prefix'
      WHEN py <> '' AND e.name_pinyin LIKE py || '%' THEN 'pinyin prefix'
      WHEN e.name LIKE '%' || pat || '%' THEN 'name'
      ELSE 'pinyin'
    END AS matched,
    CASE
      WHEN e.uscc OPERATOR(frontrunner.=) code THEN 0
      WHEN e.name LIKE pat || '%' THEN 1
      WHEN py <> '' AND e.name_pinyin LIKE py || '%' THEN 2
      WHEN e.name LIKE '%' || pat || '%' THEN 3
      ELSE 4
    END AS rank
  ) m
  WHERE e.uscc OPERATOR(frontrunner.=) code
     OR e.name LIKE pat || '%'
     OR (py <> '' AND e.name_pinyin LIKE py || '%')
     OR e.name LIKE '%' || pat || '%'
     OR (length(py) >= 2 AND e.name_pinyin LIKE '%' || py || '%')
  ORDER BY m.rank, e.name, e.uscc;
END
$$;
COMMENT ON FUNCTION @extschema@.enterprise_search(text) IS
  'enterprises matching a USCC exactly, a name or pinyin prefix (index-backed: text_pattern_ops on name and name_pinyin), or a name or pinyin substring; best matches first (matched says how)';

-- standard --------------------------------------------------------------------
CREATE TABLE @extschema@.standard (
  code         @extschema@.stdcode PRIMARY KEY,
  title        text,
  issued_on    date,
  effective_on date,
  withdrawn_on date,
  kind         text GENERATED ALWAYS AS (@extschema@.std_kind(code)) STORED,
  nature       text GENERATED ALWAYS AS (@extschema@.std_nature(code)) STORED,
  CONSTRAINT standard_effective_check CHECK (effective_on >= issued_on),
  CONSTRAINT standard_withdrawn_check CHECK (withdrawn_on >= coalesce(effective_on, issued_on))
);
COMMENT ON TABLE @extschema@.standard IS 'standards whose requirements the rules and benchmark comparisons use (national, industry, local, group, international, foreign)';
COMMENT ON COLUMN @extschema@.standard.code IS 'standard number, with its year (one row per edition)';
COMMENT ON COLUMN @extschema@.standard.title IS 'title of the standard';
COMMENT ON COLUMN @extschema@.standard.issued_on IS 'date of issue (发布日期)';
COMMENT ON COLUMN @extschema@.standard.effective_on IS 'date it comes into force (实施日期); NULL: in force since issue';
COMMENT ON COLUMN @extschema@.standard.withdrawn_on IS 'date it was withdrawn or replaced (废止日期); NULL: not withdrawn';
COMMENT ON COLUMN @extschema@.standard.kind IS 'std_kind(code), generated: national, industry, local, group, enterprise, international or foreign';
COMMENT ON COLUMN @extschema@.standard.nature IS 'std_nature(code), generated: mandatory, recommended, guidance, or NULL where the notion does not apply';
CREATE INDEX standard_nature_idx ON @extschema@.standard (nature, kind);

-- category --------------------------------------------------------------------
CREATE TABLE @extschema@.category (
  code text PRIMARY KEY CONSTRAINT category_code_check CHECK (code ~ '^\S+$'),
  name text NOT NULL CONSTRAINT category_name_check CHECK (btrim(name) <> '')
);
COMMENT ON TABLE @extschema@.category IS 'product or service categories (what a disclosure and an evaluation plan are about)';
COMMENT ON COLUMN @extschema@.category.code IS 'category code (no spaces)';
COMMENT ON COLUMN @extschema@.category.name IS 'category name';

-- indicator_def ---------------------------------------------------------------
CREATE TABLE @extschema@.indicator_def (
  category  text NOT NULL REFERENCES @extschema@.category (code) ON UPDATE CASCADE,
  key       text NOT NULL CONSTRAINT indicator_def_key_check CHECK (btrim(key) <> ''),
  name      text,
  direction @extschema@.direction NOT NULL,
  unit      text,
  required  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (category, key)
);
COMMENT ON TABLE @extschema@.indicator_def IS 'the indicators of a category: what can be disclosed, which way is better, which must be disclosed';
COMMENT ON COLUMN @extschema@.indicator_def.category IS 'category the indicator belongs to';
COMMENT ON COLUMN @extschema@.indicator_def.key IS 'indicator key, unique within the category (e.g. formaldehyde)';
COMMENT ON COLUMN @extschema@.indicator_def.name IS 'indicator name as standards write it (e.g. 甲醛含量)';
COMMENT ON COLUMN @extschema@.indicator_def.direction IS 'lower_better, higher_better or target: which way is stricter, for levels and ranking';
COMMENT ON COLUMN @extschema@.indicator_def.unit IS 'unit levels are expressed in (any unit of the right dimension); NULL: the unit of each value';
COMMENT ON COLUMN @extschema@.indicator_def.required IS 'must be disclosed by a disclosure executing its own enterprise standard (rule 2)';

-- standard_requirement --------------------------------------------------------
CREATE TABLE @extschema@.standard_requirement (
  standard    @extschema@.stdcode NOT NULL REFERENCES @extschema@.standard (code) ON UPDATE CASCADE ON DELETE CASCADE,
  category    text NOT NULL,
  indicator   text NOT NULL,
  requirement @extschema@.indicator NOT NULL,
  test_method @extschema@.stdcode,
  PRIMARY KEY (standard, category, indicator),
  FOREIGN KEY (category, indicator) REFERENCES @extschema@.indicator_def (category, key) ON UPDATE CASCADE
);
COMMENT ON TABLE @extschema@.standard_requirement IS 'what a standard requires of one indicator of a category';
COMMENT ON COLUMN @extschema@.standard_requirement.standard IS 'the standard (an edition in table standard)';
COMMENT ON COLUMN @extschema@.standard_requirement.category IS 'category the requirement applies to';
COMMENT ON COLUMN @extschema@.standard_requirement.indicator IS 'indicator key (indicator_def.key)';
COMMENT ON COLUMN @extschema@.standard_requirement.requirement IS 'the requirement, e.g. ≤ 20 mg/kg';
COMMENT ON COLUMN @extschema@.standard_requirement.test_method IS 'standard number of the test method the standard names';
CREATE INDEX standard_requirement_indicator_idx ON @extschema@.standard_requirement (category, indicator);

-- the tenant of the rows that belong to a disclosure ---------------------------
CREATE FUNCTION @extschema@.tenant_fill() RETURNS trigger
  AS 'MODULE_PATHNAME', 'fr_tenant_fill' LANGUAGE C;
COMMENT ON FUNCTION @extschema@.tenant_fill() IS
  'trigger tenant_fill(key_column, constraint_name), BEFORE INSERT OR UPDATE of a row that belongs to a disclosure: enterprise (the tenant) := the enterprise of the disclosure the key names, when the client left it NULL or moved the row to another disclosure; a key with no disclosure raises the foreign key''s 23503 (constraint_name)';

-- disclosure ------------------------------------------------------------------
CREATE TABLE @extschema@.disclosure (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enterprise      @extschema@.uscc NOT NULL REFERENCES @extschema@.enterprise (uscc),
  category        text NOT NULL REFERENCES @extschema@.category (code),
  product         text NOT NULL CONSTRAINT disclosure_product_check CHECK (btrim(product) <> ''),
  standard        @extschema@.stdcode NOT NULL,
  status          text NOT NULL DEFAULT 'draft'
                  CONSTRAINT disclosure_status_check CHECK (status IN ('draft', 'published', 'withdrawn', 'superseded')),
  published_at    timestamptz,
  withdrawn_at    timestamptz,
  withdraw_reason text,
  supersedes      bigint REFERENCES @extschema@.disclosure (id),
  below_recommended_statement text,
  source_ref      text CONSTRAINT disclosure_source_ref_key UNIQUE,
  source_published text,
  CONSTRAINT disclosure_published_check CHECK ((status = 'draft') = (published_at IS NULL)),
  CONSTRAINT disclosure_withdrawn_check CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
  CONSTRAINT disclosure_withdraw_reason_check CHECK (status <> 'withdrawn' OR btrim(withdraw_reason) <> ''),
  CONSTRAINT disclosure_supersedes_check CHECK (supersedes <> id),
  CONSTRAINT disclosure_enterprise_id_key UNIQUE (enterprise, id)
);
COMMENT ON TABLE @extschema@.disclosure IS 'self-declared standard disclosures (企业标准自我声明公开): draft → published → withdrawn or superseded; published rows are immutable';
COMMENT ON COLUMN @extschema@.disclosure.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.disclosure.enterprise IS 'the disclosing enterprise';
COMMENT ON COLUMN @extschema@.disclosure.category IS 'product or service category';
COMMENT ON COLUMN @extschema@.disclosure.product IS 'product or service name (and model)';
COMMENT ON COLUMN @extschema@.disclosure.standard IS 'number of the standard the product executes (rule 1: an enterprise standard needs a Q/ number with a 4-digit year not in the future)';
COMMENT ON COLUMN @extschema@.disclosure.status IS 'draft, published, withdrawn or superseded; changed by UPDATE, checked by the rules';
COMMENT ON COLUMN @extschema@.disclosure.published_at IS 'set by the database clock (now()) at publication; client values are ignored';
COMMENT ON COLUMN @extschema@.disclosure.withdrawn_at IS 'set by the database clock (now()) at withdrawal; client values are ignored';
COMMENT ON COLUMN @extschema@.disclosure.withdraw_reason IS 'why the disclosure was withdrawn (required to withdraw)';
COMMENT ON COLUMN @extschema@.disclosure.supersedes IS 'the published disclosure this one replaces; it becomes superseded when this one is published';
COMMENT ON COLUMN @extschema@.disclosure.below_recommended_statement IS 'the explicit statement (明示) that indicators are looser than a recommended standard (rule 4)';
COMMENT ON COLUMN @extschema@.disclosure.source_ref IS 'identifier of the disclosure on the national platform, when imported (unique)';
COMMENT ON COLUMN @extschema@.disclosure.source_published IS 'publication time as the platform export states it (informational text; published_at is the database clock)';
COMMENT ON CONSTRAINT disclosure_enterprise_id_key ON @extschema@.disclosure IS
  'the tenant and the id: what the rows that belong to a disclosure reference, so that they always name its enterprise (and stay on its shard when the registry is distributed)';
CREATE INDEX disclosure_category_idx ON @extschema@.disclosure (category, status);
CREATE UNIQUE INDEX disclosure_one_successor_idx ON @extschema@.disclosure (supersedes)
  WHERE status <> 'draft';
COMMENT ON INDEX @extschema@.disclosure_one_successor_idx IS 'a disclosure is superseded by at most one published version';

-- disclosed_indicator ---------------------------------------------------------
CREATE TABLE @extschema@.disclosed_indicator (
  disclosure  bigint NOT NULL,
  indicator   text NOT NULL,
  requirement @extschema@.indicator NOT NULL,
  test_method @extschema@.stdcode,
  enterprise  @extschema@.uscc NOT NULL,
  PRIMARY KEY (disclosure, indicator),
  CONSTRAINT disclosed_indicator_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id) ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.disclosed_indicator IS 'the indicators a disclosure declares; immutable once the disclosure is published';
COMMENT ON COLUMN @extschema@.disclosed_indicator.disclosure IS 'the disclosure';
COMMENT ON COLUMN @extschema@.disclosed_indicator.indicator IS 'indicator key, defined for the disclosure''s category (indicator_def.key)';
COMMENT ON COLUMN @extschema@.disclosed_indicator.requirement IS 'the disclosed requirement, e.g. ≤ 15 mg/kg (rule 3: at least as strict as every in-force mandatory standard)';
COMMENT ON COLUMN @extschema@.disclosed_indicator.test_method IS 'standard number of the test method';
COMMENT ON COLUMN @extschema@.disclosed_indicator.enterprise IS 'the disclosure''s enterprise (the tenant), filled by the database when not written; the foreign key to disclosure (enterprise, id) keeps it the disclosure''s';
CREATE TRIGGER disclosed_indicator_05_tenant BEFORE INSERT OR UPDATE OF disclosure, enterprise ON @extschema@.disclosed_indicator
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.disclosed_indicator'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.tenant_fill('disclosure', 'disclosed_indicator_disclosure_fkey');

-- spot_check ------------------------------------------------------------------
CREATE TABLE @extschema@.spot_check (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  disclosure bigint NOT NULL,
  indicator  text NOT NULL,
  sampled_on date NOT NULL,
  measured   @extschema@.indicator NOT NULL,
  method     text NOT NULL DEFAULT 'full' CONSTRAINT spot_check_method_check CHECK (method IN ('full', 'rounded')),
  conforms   boolean,
  agency     text,
  enterprise @extschema@.uscc NOT NULL,
  results    numeric[],
  FOREIGN KEY (disclosure, indicator) REFERENCES @extschema@.disclosed_indicator (disclosure, indicator),
  CONSTRAINT spot_check_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id)
);
COMMENT ON TABLE @extschema@.spot_check IS 'spot checks (监督抽查): a measured value of a disclosed indicator; conforms is computed by the database (rule 6)';
COMMENT ON COLUMN @extschema@.spot_check.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.spot_check.disclosure IS 'the (published) disclosure checked';
COMMENT ON COLUMN @extschema@.spot_check.indicator IS 'the disclosed indicator measured';
COMMENT ON COLUMN @extschema@.spot_check.sampled_on IS 'sampling date (not in the future); exclusion runs from it';
COMMENT ON COLUMN @extschema@.spot_check.measured IS 'the measured result, e.g. 16.4 mg/kg; for a sampling plan set by the database to the largest of the results, as a point in the plan''s unit';
COMMENT ON COLUMN @extschema@.spot_check.method IS 'GB/T 8170 judging method: full (全数值比较法, default) or rounded (修约值比较法)';
COMMENT ON COLUMN @extschema@.spot_check.conforms IS 'satisfies(measured, disclosed requirement, method) — for a sampling plan satisfies(results, plan, method) — set by the database; client values are ignored';
COMMENT ON COLUMN @extschema@.spot_check.agency IS 'inspecting agency';
COMMENT ON COLUMN @extschema@.spot_check.results IS 'the results of the n sample units, in the unit of the disclosed sampling plan (n=5, c=2, m=100, M=1000 CFU/g: five numbers of CFU/g); required when the disclosed requirement is a sampling plan, refused otherwise';
COMMENT ON COLUMN @extschema@.spot_check.enterprise IS 'the disclosure''s enterprise (the tenant), filled by the database when not written; the foreign key to disclosure (enterprise, id) keeps it the disclosure''s';
CREATE TRIGGER spot_check_15_tenant BEFORE INSERT OR UPDATE OF disclosure, enterprise ON @extschema@.spot_check
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.spot_check'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.tenant_fill('disclosure', 'spot_check_disclosure_fkey');
CREATE INDEX spot_check_disclosure_idx ON @extschema@.spot_check (disclosure);

-- disclosure_event (history) --------------------------------------------------
CREATE TABLE @extschema@.disclosure_event (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  disclosure    bigint NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  action        text NOT NULL
                CONSTRAINT disclosure_event_action_check CHECK (action IN ('create', 'publish', 'withdraw', 'supersede', 'delete')),
  old_status    text,
  new_status    text,
  by_user       name NOT NULL DEFAULT current_user,
  by_session    name NOT NULL DEFAULT session_user,
  transaction   xid8 NOT NULL DEFAULT pg_current_xact_id(),
  note          text,
  enterprise    @extschema@.uscc
);
COMMENT ON TABLE @extschema@.disclosure_event IS 'history of every disclosure state change, written by triggers; append-only (read it with disclosure_history(id))';
COMMENT ON COLUMN @extschema@.disclosure_event.id IS 'identity: order of the events';
COMMENT ON COLUMN @extschema@.disclosure_event.disclosure IS 'the disclosure (kept after a draft is deleted, so no foreign key)';
COMMENT ON COLUMN @extschema@.disclosure_event.at IS 'database clock (transaction time) of the change';
COMMENT ON COLUMN @extschema@.disclosure_event.action IS 'create, publish, withdraw, supersede or delete';
COMMENT ON COLUMN @extschema@.disclosure_event.old_status IS 'status before (NULL for create)';
COMMENT ON COLUMN @extschema@.disclosure_event.new_status IS 'status after (NULL for delete)';
COMMENT ON COLUMN @extschema@.disclosure_event.by_user IS 'current_user at the change';
COMMENT ON COLUMN @extschema@.disclosure_event.by_session IS 'session_user at the change';
COMMENT ON COLUMN @extschema@.disclosure_event.transaction IS 'id of the transaction that made the change';
COMMENT ON COLUMN @extschema@.disclosure_event.note IS 'withdraw reason, or the superseding disclosure';
COMMENT ON COLUMN @extschema@.disclosure_event.enterprise IS 'the disclosure''s enterprise (the tenant), written with the event; NULL only for events of drafts deleted before 0.2.0, whose enterprise was not recorded';
CREATE INDEX disclosure_event_disclosure_idx ON @extschema@.disclosure_event (disclosure, id);

-- the tenants a rule reads ---------------------------------------------------------
-- On a distributed registry (citus_distribute(), 96_citus.sql) a rule fires
-- on the shard of the rows it checks and may read only that shard (and the
-- reference tables): every query it runs on a tenant table names the
-- enterprises of those rows.  On one node there is nothing to name (NULL:
-- any enterprise).
CREATE FUNCTION @extschema@.citus_distributed() RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- Citus's catalog exists only where the citus extension is installed (the
  -- query below is parsed only then)
  IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
    RETURN false;
  END IF;
  RETURN EXISTS (SELECT FROM pg_catalog.pg_dist_partition p
                 WHERE p.logicalrelid = 'frontrunner.disclosure'::pg_catalog.regclass);
END
$$;
COMMENT ON FUNCTION @extschema@.citus_distributed() IS
  'true when the registry is distributed with Citus (citus_distribute() has run): on the coordinator and on every worker; false on one node';

CREATE FUNCTION @extschema@.citus_tenants(rows @extschema@.disclosed_indicator[])
RETURNS @extschema@.uscc[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  t frontrunner.uscc[];
BEGIN
  IF NOT frontrunner.citus_distributed() THEN
    RETURN NULL;
  END IF;
  t := ARRAY(SELECT DISTINCT r.enterprise FROM pg_catalog.unnest(rows) r WHERE r.enterprise IS NOT NULL);
  IF EXISTS (SELECT FROM pg_catalog.unnest(rows) r WHERE r.enterprise IS NULL) THEN
    -- rows a caller built without their enterprise (on the coordinator)
    t := t || frontrunner.citus_tenants(ARRAY(SELECT r.disclosure FROM pg_catalog.unnest(rows) r WHERE r.enterprise IS NULL));
  END IF;
  RETURN t;
END
$$;
COMMENT ON FUNCTION @extschema@.citus_tenants(@extschema@.disclosed_indicator[]) IS
  'the enterprises whose shard a rule checking these rows reads: on a distributed registry the rows'' enterprises (those of their disclosures for rows without one); NULL on one node (any)';

CREATE FUNCTION @extschema@.citus_tenants(ids bigint[])
RETURNS @extschema@.uscc[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT frontrunner.citus_distributed() THEN
    RETURN NULL;
  END IF;
  -- read on the coordinator, over every shard (a rule on a shard names its
  -- rows' enterprises instead)
  RETURN ARRAY(SELECT DISTINCT d.enterprise FROM frontrunner.disclosure d WHERE d.id = ANY (ids));
END
$$;
COMMENT ON FUNCTION @extschema@.citus_tenants(bigint[]) IS
  'the enterprises of these disclosures on a distributed registry, read on the coordinator (what disclosure_violations(ids) and disclosure_publication_check(ids) check there); NULL on one node (any)';
