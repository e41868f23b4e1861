-- Supervision of disclosures (0.2.0, issue 20): the claims a test method
-- cannot verify (rule 8, FR009; the methods' limits are in
-- 45_test_methods.sql) and the plan option that ranks claims as their method
-- verifies them; which standard replaced which (standard.replaced_by) and the
-- disclosures whose references are withdrawn or replaced; random inspection
-- campaigns (双随机、一公开): the seeded draw, the inspection items the
-- database pre-fills, the inspectors' results, findings with their
-- rectification deadline and follow-up, and the published report (FR010);
-- the tables of the campaigns are in 46_inspection_tables.sql.
-- Row-level security of the per-enterprise tables is at the end of this
-- file; their classes are in security_objects() (90_security.sql).

-- references: what replaced what ------------------------------------------------------
ALTER TABLE @extschema@.standard
  ADD COLUMN replaced_by @extschema@.stdcode REFERENCES @extschema@.standard (code) ON UPDATE CASCADE,
  ADD COLUMN replaced_on date,
  ADD CONSTRAINT standard_replaced_by_check CHECK (NOT (replaced_by OPERATOR(@extschema@.=) code)),
  ADD CONSTRAINT standard_replaced_on_check CHECK (replaced_on IS NULL OR replaced_by IS NOT NULL);
COMMENT ON COLUMN @extschema@.standard.replaced_by IS 'the edition or standard that replaced this one (代替), a row of this table; NULL: not replaced';
COMMENT ON COLUMN @extschema@.standard.replaced_on IS 'the date the replacement took effect, when known (needs replaced_by)';

CREATE FUNCTION @extschema@.standard_current(code @extschema@.stdcode) RETURNS @extschema@.stdcode
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET citus.allow_nested_distributed_execution = on
AS $$
DECLARE
  cur frontrunner.stdcode := code;
  nxt frontrunner.stdcode;
BEGIN
  -- (PL/pgSQL, and nested execution allowed: on a distributed registry
  -- reference_report calls it inside the shard queries, where it reads
  -- standard, a reference table with a copy on every node)
  -- follow replaced_by to the end of the chain (at most 100 steps: a chain
  -- that loops ends where the steps run out)
  FOR step IN 1 .. 100 LOOP
    SELECT s.replaced_by INTO nxt FROM frontrunner.standard s WHERE s.code OPERATOR(frontrunner.=) cur;
    EXIT WHEN nxt IS NULL;
    cur := nxt;
  END LOOP;
  RETURN cur;
END
$$;
COMMENT ON FUNCTION @extschema@.standard_current(@extschema@.stdcode) IS
  'the standard that replaces code today: replaced_by followed to the end of the chain (code itself when nothing replaced it or it is not in table standard)';

-- (the rows by a function, as campaign_report's: the edition current today
-- is standard_current()'s, which reads standard, and a view's functions run
-- with the caller's rights); disclosure_filter: one disclosure's rows (the
-- pre-fill of an inspection reads one at a time), NULL or left out: all
CREATE FUNCTION @extschema@.reference_report_rows(disclosure_filter bigint DEFAULT NULL)
RETURNS TABLE (disclosure bigint, enterprise text, category text, product text,
               reference_kind text, indicator text, reference text, state text,
               withdrawn_on date, replaced_by text, replaced_on date, current_edition text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  -- (one query per kind of reference, each joining a disclosure's rows on
  -- (enterprise, id): on a distributed registry each runs on the shards)
  SELECT d.id AS disclosure, d.enterprise::text AS enterprise, d.category, d.product,
         'executed standard' AS reference_kind, NULL::text AS indicator, d.standard::text AS reference,
         CASE WHEN s.withdrawn_on <= CURRENT_DATE THEN 'withdrawn' ELSE 'replaced' END AS state,
         s.withdrawn_on, s.replaced_by::text AS replaced_by, s.replaced_on,
         frontrunner.standard_current(s.code)::text AS current_edition
  FROM frontrunner.disclosure d
  JOIN frontrunner.standard s ON s.code OPERATOR(frontrunner.=) d.standard
  WHERE d.status = 'published' AND (s.withdrawn_on <= CURRENT_DATE OR s.replaced_by IS NOT NULL)
    AND ($1 IS NULL OR d.id = $1)
  UNION ALL
  SELECT d.id, d.enterprise::text, d.category, d.product, 'test method', i.indicator, i.test_method::text,
         CASE WHEN s.withdrawn_on <= CURRENT_DATE THEN 'withdrawn' ELSE 'replaced' END,
         s.withdrawn_on, s.replaced_by::text, s.replaced_on, frontrunner.standard_current(s.code)::text
  FROM frontrunner.disclosure d
  JOIN frontrunner.disclosed_indicator i ON i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = d.id
  JOIN frontrunner.standard s ON s.code OPERATOR(frontrunner.=) i.test_method
  WHERE d.status = 'published' AND (s.withdrawn_on <= CURRENT_DATE OR s.replaced_by IS NOT NULL)
    AND ($1 IS NULL OR d.id = $1);
END
$$;
COMMENT ON FUNCTION @extschema@.reference_report_rows(bigint) IS
  'SECURITY DEFINER: the rows of the view reference_report (public data: the withdrawn or replaced references of published disclosures, with the edition current today), of disclosure disclosure_filter, or (NULL, the default) of all, read with the owner''s rights on one node and on a distributed registry alike';

CREATE VIEW @extschema@.reference_report AS
SELECT r.disclosure, r.enterprise, r.category, r.product, r.reference_kind, r.indicator, r.reference,
       r.state, r.withdrawn_on, r.replaced_by, r.replaced_on, r.current_edition
FROM @extschema@.reference_report_rows() r;
COMMENT ON VIEW @extschema@.reference_report IS
  'current (published) disclosures whose executed standard or a test method is withdrawn (withdrawn_on passed) or replaced (replaced_by set), with the replacement and the edition current today (plain column types)';
COMMENT ON COLUMN @extschema@.reference_report.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.reference_report.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.reference_report.category IS 'category';
COMMENT ON COLUMN @extschema@.reference_report.product IS 'product';
COMMENT ON COLUMN @extschema@.reference_report.reference_kind IS 'executed standard or test method';
COMMENT ON COLUMN @extschema@.reference_report.indicator IS 'the indicator whose test method it is (NULL for the executed standard)';
COMMENT ON COLUMN @extschema@.reference_report.reference IS 'the standard number the disclosure names';
COMMENT ON COLUMN @extschema@.reference_report.state IS 'withdrawn (its withdrawal date has passed) or replaced (a replacement is recorded, the old edition not withdrawn yet)';
COMMENT ON COLUMN @extschema@.reference_report.withdrawn_on IS 'date it was withdrawn (废止), when known';
COMMENT ON COLUMN @extschema@.reference_report.replaced_by IS 'what replaced it (standard.replaced_by)';
COMMENT ON COLUMN @extschema@.reference_report.replaced_on IS 'date the replacement took effect, when known';
COMMENT ON COLUMN @extschema@.reference_report.current_edition IS 'the end of the replacement chain (standard_current(reference)): the edition to execute or test by today';

CREATE VIEW @extschema@.claim_verifiability AS
SELECT d.id AS disclosure, d.enterprise::text AS enterprise, d.category, d.product,
       i.indicator, i.requirement::text AS requirement, i.test_method::text AS test_method,
       l.detection_limit::text AS detection_limit, l.quantification_limit::text AS quantification_limit,
       l.range_top::text AS range_top, c.verifiable, c.effective::text AS effective, c.reason,
       l.source_kind
FROM @extschema@.disclosure d
JOIN @extschema@.disclosed_indicator i ON i.enterprise OPERATOR(@extschema@.=) d.enterprise AND i.disclosure = d.id
JOIN @extschema@.test_method_limit l
  ON l.method OPERATOR(@extschema@.=) i.test_method AND l.analyte = i.indicator
-- (the row as a test_method_limit: on a Citus node the scan is of the
-- reference table's local copy, a row type of its own)
CROSS JOIN LATERAL @extschema@.claim_judge(i.requirement,
  pg_catalog.jsonb_populate_record(NULL::@extschema@.test_method_limit, pg_catalog.to_jsonb(l))) c
WHERE d.status = 'published';
COMMENT ON VIEW @extschema@.claim_verifiability IS
  'rule 8: every indicator of a current (published) disclosure whose test method has recorded limits, judged by claim_judge(): verifiable or not, the claim as the method verifies it, and why (plain column types)';
COMMENT ON COLUMN @extschema@.claim_verifiability.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.claim_verifiability.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.claim_verifiability.category IS 'category';
COMMENT ON COLUMN @extschema@.claim_verifiability.product IS 'product';
COMMENT ON COLUMN @extschema@.claim_verifiability.indicator IS 'indicator key (the analyte)';
COMMENT ON COLUMN @extschema@.claim_verifiability.requirement IS 'the disclosed requirement';
COMMENT ON COLUMN @extschema@.claim_verifiability.test_method IS 'the test method it names';
COMMENT ON COLUMN @extschema@.claim_verifiability.detection_limit IS 'the method''s detection limit (test_method_limit)';
COMMENT ON COLUMN @extschema@.claim_verifiability.quantification_limit IS 'the method''s quantification limit';
COMMENT ON COLUMN @extschema@.claim_verifiability.range_top IS 'the top of the method''s measuring range';
COMMENT ON COLUMN @extschema@.claim_verifiability.verifiable IS 'false: the method cannot verify the claim; NULL: it cannot be compared (other unit kind, basis)';
COMMENT ON COLUMN @extschema@.claim_verifiability.effective IS 'the claim as the method verifies it: ≤ the method''s floor for an unverifiable limit, ND(≤ detection limit) for an ND without a stated limit, else the requirement';
COMMENT ON COLUMN @extschema@.claim_verifiability.reason IS 'why, in words';
COMMENT ON COLUMN @extschema@.claim_verifiability.source_kind IS 'official or secondary (verify before regulatory use)';

-- (the rows by a function, like finding_counts(): on a distributed registry
-- Citus reads a view's shards with the reader's rights and policies, and the
-- policy of plan_indicator reads evaluation_plan, which the reader may not)
CREATE FUNCTION @extschema@.unverifiable_leader_rows()
RETURNS TABLE (plan text, ranking bigint, rank integer, disclosure bigint, enterprise text,
               enterprise_name text, product text, indicator text, requirement text,
               test_method text, effective text, reason text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN QUERY
  SELECT l.plan, l.ranking, l.rank, l.disclosure, l.enterprise, l.enterprise_name, l.product,
         v.indicator, v.requirement, v.test_method, v.effective, v.reason
  FROM frontrunner.current_leaders l
  JOIN frontrunner.claim_verifiability v ON v.disclosure = l.disclosure AND NOT v.verifiable
  JOIN frontrunner.evaluation_plan p ON p.code = l.plan
  JOIN frontrunner.plan_indicator pi ON pi.plan = p.id AND pi.indicator = v.indicator;
END
$$;
COMMENT ON FUNCTION @extschema@.unverifiable_leader_rows() IS
  'SECURITY DEFINER: the rows of the view unverifiable_leader (public data: current leaders and the verifiability of their published claims), read with the owner''s rights on one node and on a distributed registry alike';

CREATE VIEW @extschema@.unverifiable_leader AS
SELECT u.plan, u.ranking, u.rank, u.disclosure, u.enterprise, u.enterprise_name, u.product,
       u.indicator, u.requirement, u.test_method, u.effective, u.reason
FROM @extschema@.unverifiable_leader_rows() u;
COMMENT ON VIEW @extschema@.unverifiable_leader IS
  'current leaders (领跑者) ranked on a core indicator whose claim their own test method cannot verify (rule 8), with the claim as the method verifies it (plain column types)';
COMMENT ON COLUMN @extschema@.unverifiable_leader.plan IS 'plan code';
COMMENT ON COLUMN @extschema@.unverifiable_leader.ranking IS 'id of the published list';
COMMENT ON COLUMN @extschema@.unverifiable_leader.rank IS '1-based place in the list';
COMMENT ON COLUMN @extschema@.unverifiable_leader.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.unverifiable_leader.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.unverifiable_leader.enterprise_name IS 'enterprise name';
COMMENT ON COLUMN @extschema@.unverifiable_leader.product IS 'product';
COMMENT ON COLUMN @extschema@.unverifiable_leader.indicator IS 'the core indicator concerned';
COMMENT ON COLUMN @extschema@.unverifiable_leader.requirement IS 'the disclosed requirement';
COMMENT ON COLUMN @extschema@.unverifiable_leader.test_method IS 'the test method it names';
COMMENT ON COLUMN @extschema@.unverifiable_leader.effective IS 'the claim as the method verifies it';
COMMENT ON COLUMN @extschema@.unverifiable_leader.reason IS 'why it cannot be verified';

-- a plan option: rank claims as their test method verifies them -------------------------
ALTER TABLE @extschema@.evaluation_plan
  ADD COLUMN method_limits boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN @extschema@.evaluation_plan.method_limits IS
  'rank every disclosed requirement as its test method verifies it (claim_effective()): a limit below what the method can measure at the method''s floor, an ND without a stated limit at the method''s detection limit (default false: as disclosed)';

-- a plan option: leave out the enterprises with an open finding ---------------------------
ALTER TABLE @extschema@.evaluation_plan
  ADD COLUMN exclude_open_findings boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN @extschema@.evaluation_plan.exclude_open_findings IS
  'leave out of the ranking the enterprises with an open inspection finding at the deadline (finding_exclusions(deadline, exclusion_days): a finding of a published campaign, found on day F with F <= deadline < F + exclusion_days, not found rectified by the deadline) (default false)';

-- the DBA's choice: refuse publication, or publish with the flag -------------------------
CREATE FUNCTION @extschema@.unverifiable_claims_setting() RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v text;
BEGIN
  -- superuser-set (PGC_SUSET, src/frontrunner.c): the DBA's choice, which a
  -- tenant cannot SET; before the module is loaded a value set by ALTER
  -- DATABASE is a placeholder the module has not checked yet
  v := pg_catalog.current_setting('frontrunner.unverifiable_claims', true);
  v := coalesce(v, 'flag');
  IF v NOT IN ('flag', 'refuse') THEN
    PERFORM frontrunner.raise_violation('22023',
      format('invalid value for setting frontrunner.unverifiable_claims: "%s"', v),
      format('Database %s sets frontrunner.unverifiable_claims to "%s".', pg_catalog.current_database(), v),
      'Use flag (publish with the flag, the default) or refuse: ALTER DATABASE … SET frontrunner.unverifiable_claims = ''refuse''.',
      NULL, NULL);
  END IF;
  RETURN v;
END
$$;
COMMENT ON FUNCTION @extschema@.unverifiable_claims_setting() IS
  'setting frontrunner.unverifiable_claims (superuser-set, e.g. ALTER DATABASE … SET): flag (default: publish, claim_verifiability shows the flag) or refuse (rule 8 refuses publication, FR009); 22023 for another value';

CREATE FUNCTION @extschema@.disclosure_verifiable_check() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  bad record;
BEGIN
  IF frontrunner.unverifiable_claims_setting() <> 'refuse' THEN
    RETURN NEW;
  END IF;
  SELECT i.indicator, i.requirement, i.test_method, c.reason, c.method_floor INTO bad
  FROM frontrunner.disclosed_indicator i
  CROSS JOIN LATERAL frontrunner.claim_check(i.requirement, i.test_method, i.indicator) c
  WHERE i.disclosure = NEW.id AND i.enterprise OPERATOR(frontrunner.=) NEW.enterprise AND NOT c.verifiable
  ORDER BY i.indicator LIMIT 1;
  IF FOUND THEN
    PERFORM frontrunner.raise_violation('FR009',
      format('rule 8 (verifiability): test method %s cannot verify "%s" %s', bad.test_method, bad.indicator, bad.requirement),
      format('Disclosure %s: %s.', NEW.id, bad.reason),
      format('Disclose a limit the method can measure (not below %s), or name a method that measures lower; this database refuses unverifiable claims (frontrunner.unverifiable_claims = refuse).', bad.method_floor),
      'disclosed_indicator', 'requirement');
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_verifiable_check() IS
  'trigger at publication: when the database sets frontrunner.unverifiable_claims = refuse, a disclosed limit its own test method cannot verify (claim_check()) refuses publication (rule 8, FR009)';
-- (a database that does not refuse unverifiable claims, the default, does not
-- enter the function: unverifiable_claims_setting() is flag)
CREATE TRIGGER disclosure_60_verifiable BEFORE UPDATE OF status ON @extschema@.disclosure
  FOR EACH ROW WHEN (NEW.status = 'published' AND OLD.status = 'draft'
                     AND coalesce(pg_catalog.current_setting('frontrunner.unverifiable_claims', true), 'flag') <> 'flag')
  EXECUTE FUNCTION @extschema@.disclosure_verifiable_check();

-- (the tables of the campaigns, draws, results and findings, and what a
-- finding does to its enterprise, are in 46_inspection_tables.sql)

-- the draw --------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.draw_key(seed text, item text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to($1 || ':' || $2, 'UTF8')), 'hex')
$$;
COMMENT ON FUNCTION @extschema@.draw_key(text, text) IS
  'the key of the draw: lower-case hex of SHA-256 (FIPS 180-4) of the UTF-8 bytes of seed || '':'' || item; the draw orders disclosures by draw_key(seed, id) and the inspectors of a disclosure by draw_key(seed, id || '':'' || inspector), bytewise';

CREATE FUNCTION @extschema@.campaign_population(c @extschema@.inspection_campaign) RETURNS bigint[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- (PL/pgSQL: on a distributed registry Citus plans the query over every
  -- shard with the campaign's values, which it cannot do in an SQL function)
  RETURN (SELECT coalesce(pg_catalog.array_agg(d.id ORDER BY d.id), '{}')
          FROM frontrunner.disclosure d
          JOIN frontrunner.enterprise e ON e.uscc OPERATOR(frontrunner.=) d.enterprise
          WHERE d.status = 'published'
            AND (c.category IS NULL OR d.category = c.category)
            AND (c.district IS NULL
                 OR left(coalesce(e.region, frontrunner.uscc_region(e.uscc)), length(c.district)) = c.district));
END
$$;
COMMENT ON FUNCTION @extschema@.campaign_population(@extschema@.inspection_campaign) IS
  'the ids of the published disclosures in a campaign''s scope (category, district prefix of the enterprise''s division code), ascending: what the draw draws from';

CREATE FUNCTION @extschema@.campaign_sample(population bigint[], seed text, sample_size integer,
                                            sample_fraction numeric, inspectors text[], team_size integer)
RETURNS TABLE (disclosure bigint, inspector text, place integer, team_rank integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  WITH n AS (
    SELECT least(cardinality($1), coalesce($3, ceil($4 * cardinality($1))::integer)) AS n
  ), drawn AS (
    SELECT p.id, row_number() OVER (ORDER BY frontrunner.draw_key($2, p.id::text) COLLATE "C", p.id)::integer AS place
    FROM unnest($1) p(id)
  )
  SELECT d.id, t.inspector, d.place, t.team_rank
  FROM drawn d
  CROSS JOIN LATERAL (
    SELECT i.name AS inspector,
           row_number() OVER (ORDER BY frontrunner.draw_key($2, d.id::text || ':' || i.name) COLLATE "C", i.name COLLATE "C")::integer AS team_rank
    FROM unnest($5) i(name)
  ) t
  WHERE d.place <= (SELECT n.n FROM n) AND t.team_rank <= $6
  ORDER BY d.place, t.team_rank
$$;
COMMENT ON FUNCTION @extschema@.campaign_sample(bigint[], text, integer, numeric, text[], integer) IS
  'the draw as a pure function of its inputs (README, Inspection campaigns): the population ordered by draw_key(seed, id), the first n taken (n = sample_size, or ceil(sample_fraction × |population|), at most |population|); for each, the inspectors ordered by draw_key(seed, id:inspector), the first team_size';

CREATE FUNCTION @extschema@.inspection_prefill(disclosure_id bigint)
RETURNS TABLE (item text, outcome text, detail text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  std frontrunner.stdcode;
  found_d boolean;
  std_known boolean;
  tenant frontrunner.uscc;
  v_rule text[];
  v_message text[];
  r_kind text[];
  r_indicator text[];
  r_reference text[];
  r_state text[];
  r_current text[];
  i_indicator text[];
  i_requirement frontrunner.indicator[];
  i_method frontrunner.stdcode[];
BEGIN
  -- what the database knows, read a statement at a time (on a distributed
  -- registry: the disclosure's shard, read from the coordinator), then judged
  -- over what was read (claim_check() reads the reference table
  -- test_method_limit there, not in a query on the shard)
  SELECT x.enterprise, x.standard INTO tenant, std FROM frontrunner.disclosure x WHERE x.id = disclosure_id;
  found_d := FOUND;
  std_known := found_d AND EXISTS (SELECT FROM frontrunner.standard s WHERE s.code OPERATOR(frontrunner.=) std);
  SELECT pg_catalog.array_agg(w.rule), pg_catalog.array_agg(w.message) INTO v_rule, v_message
  FROM frontrunner.disclosure_violations(ARRAY[disclosure_id]) w;
  SELECT pg_catalog.array_agg(r.reference_kind), pg_catalog.array_agg(r.indicator), pg_catalog.array_agg(r.reference),
         pg_catalog.array_agg(r.state), pg_catalog.array_agg(r.current_edition)
    INTO r_kind, r_indicator, r_reference, r_state, r_current
  FROM frontrunner.reference_report_rows(disclosure_id) r;
  SELECT pg_catalog.array_agg(i.indicator), pg_catalog.array_agg(i.requirement), pg_catalog.array_agg(i.test_method)
    INTO i_indicator, i_requirement, i_method
  FROM frontrunner.disclosed_indicator i
  WHERE i.enterprise OPERATOR(frontrunner.=) tenant AND i.disclosure = disclosure_id;
  RETURN QUERY
  WITH d AS (
    SELECT std AS standard WHERE found_d
  ), v AS (
    SELECT w.rule, w.message FROM ROWS FROM (pg_catalog.unnest(v_rule), pg_catalog.unnest(v_message)) w(rule, message)
  ), refs AS (
    SELECT r.reference_kind, r.indicator, r.reference, r.state, r.current_edition
    FROM ROWS FROM (pg_catalog.unnest(r_kind), pg_catalog.unnest(r_indicator), pg_catalog.unnest(r_reference),
                    pg_catalog.unnest(r_state), pg_catalog.unnest(r_current)) r(reference_kind, indicator, reference, state, current_edition)
  ), claims AS (
    SELECT i.indicator, i.requirement, i.test_method, c.verifiable, c.reason
    FROM ROWS FROM (pg_catalog.unnest(i_indicator), pg_catalog.unnest(i_requirement), pg_catalog.unnest(i_method)) i(indicator, requirement, test_method)
    CROSS JOIN LATERAL frontrunner.claim_check(i.requirement, i.test_method, i.indicator) c
  ), checks AS (
    SELECT 'mandatory_floor' AS item,
           EXISTS (SELECT FROM v WHERE v.rule = 'rule 3') AS bad, false AS unknown,
           (SELECT string_agg(v.message, '; ') FROM v WHERE v.rule = 'rule 3') AS found,
           'every disclosed indicator is at least as strict as the in-force mandatory standards' AS ok
    UNION ALL
    SELECT 'withdrawn_standard',
           EXISTS (SELECT FROM refs WHERE refs.reference_kind = 'executed standard' AND refs.state = 'withdrawn'),
           NOT std_known
             AND frontrunner.std_kind((SELECT d.standard FROM d)) <> 'enterprise',
           (SELECT string_agg(format('executes %s, withdrawn; current edition %s', refs.reference, refs.current_edition), '; ')
            FROM refs WHERE refs.reference_kind = 'executed standard' AND refs.state = 'withdrawn'),
           CASE WHEN std_known
                     OR frontrunner.std_kind((SELECT d.standard FROM d)) = 'enterprise'
                THEN 'the executed standard is not withdrawn'
                ELSE format('standard %s is not in table standard: check that it is in force', (SELECT d.standard FROM d)) END
    UNION ALL
    SELECT 'numbering',
           frontrunner.standard_number_problem((SELECT d.standard FROM d)) IS NOT NULL
             AND frontrunner.std_kind((SELECT d.standard FROM d)) = 'enterprise', false,
           (frontrunner.standard_number_problem((SELECT d.standard FROM d)))[1],
           'the standard number is well formed'
    UNION ALL
    SELECT 'indicators_disclosed',
           EXISTS (SELECT FROM v WHERE v.rule = 'rule 2'), false,
           (SELECT string_agg(v.message, '; ') FROM v WHERE v.rule = 'rule 2'),
           'the required indicators and their test methods are disclosed'
    UNION ALL
    SELECT 'references',
           EXISTS (SELECT FROM refs WHERE refs.reference_kind = 'test method'), false,
           (SELECT string_agg(format('%s: %s %s, current edition %s', refs.indicator, refs.reference, refs.state, refs.current_edition),
                              '; ' ORDER BY refs.indicator)
            FROM refs WHERE refs.reference_kind = 'test method'),
           'no test method named is withdrawn or replaced'
    UNION ALL
    SELECT 'verifiability',
           EXISTS (SELECT FROM claims WHERE NOT claims.verifiable),
           EXISTS (SELECT FROM claims WHERE claims.verifiable IS NULL),
           (SELECT string_agg(format('%s %s: %s', claims.indicator, claims.requirement, claims.reason), '; ' ORDER BY claims.indicator)
            FROM claims WHERE NOT claims.verifiable),
           CASE WHEN EXISTS (SELECT FROM claims WHERE claims.verifiable IS NULL)
                THEN 'not judged: ' || (SELECT string_agg(format('%s (%s)', claims.indicator, claims.reason), '; ' ORDER BY claims.indicator)
                                        FROM claims WHERE claims.verifiable IS NULL)
                ELSE 'every limit disclosed is within what its test method measures' END
  )
  SELECT c.item,
         CASE WHEN c.bad THEN 'nonconforming' WHEN c.unknown THEN 'not_judged' ELSE 'conforms' END,
         CASE WHEN c.bad THEN c.found ELSE c.ok END
  FROM checks c;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_prefill(bigint) IS
  'what the database knows about the six inspection items of a disclosure (mandatory_floor: rule 3; withdrawn_standard; numbering: rule 1; indicators_disclosed: rule 2; references: reference_report; verifiability: claim_check()), as pre-filled outcomes with their detail';

CREATE FUNCTION @extschema@.inspection_campaign_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  moving text[] := '{status,population,drawn_at,published_at}';
  editable text[] := '{title,authority,category,district,sample_size,sample_fraction,inspectors,team_size}';
  changed text;
  open_items text;
  src text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'planned' OR NEW.population IS NOT NULL OR NEW.drawn_at IS NOT NULL OR NEW.published_at IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: campaign %s is created planned', NEW.code),
        format('Campaign %s was inserted with status %s%s.', NEW.code, NEW.status,
               CASE WHEN NEW.population IS NOT NULL OR NEW.drawn_at IS NOT NULL THEN ' and a draw' ELSE '' END),
        'Leave status, population, drawn_at and published_at out: draw_campaign() draws, UPDATE … SET status = ''published'' publishes.',
        'inspection_campaign', 'status');
    END IF;
    NEW.created_by := current_user;
    NEW.created_at := frontrunner.clock();
  ELSE
    SELECT string_agg(n.k, ', ' ORDER BY n.k) INTO changed
    FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
    WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k
      AND NOT (n.k = ANY (moving)) AND (OLD.status <> 'planned' OR NOT (n.k = ANY (editable)));
    IF changed IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: %s of campaign %s cannot be changed', changed, OLD.code),
        format('Campaign %s (status %s): UPDATE of %s refused.', OLD.code, OLD.status, changed),
        CASE WHEN OLD.status = 'planned'
             THEN 'The seed, the creator and the creation time are recorded once; the scope, size and inspectors change while the campaign is planned.'
             ELSE 'A drawn campaign is frozen: its scope, size, inspectors and seed are those of its draw.' END,
        'inspection_campaign', NULL);
    END IF;
    IF NEW.status = OLD.status THEN
      IF NEW.population IS DISTINCT FROM OLD.population OR NEW.drawn_at IS DISTINCT FROM OLD.drawn_at
         OR NEW.published_at IS DISTINCT FROM OLD.published_at THEN
        PERFORM frontrunner.raise_violation('FR010',
          format('inspection campaign: the draw and the publication of campaign %s are set by the database', OLD.code),
          format('Campaign %s (status %s): population, drawn_at or published_at written.', OLD.code, OLD.status),
          'Draw with draw_campaign(code); publish with UPDATE … SET status = ''published''.', 'inspection_campaign', NULL);
      END IF;
    ELSIF OLD.status = 'planned' AND NEW.status = 'drawn' THEN
      IF frontrunner.citus_distributed() THEN
        -- the trigger fires on every node's copy of the reference table,
        -- where the population (every shard's published disclosures) cannot
        -- be read: campaign_store_draw() reads it on the coordinator and
        -- writes it, as the owner of the tables (SECURITY DEFINER), with the
        -- draw; nobody else sets it
        IF NEW.population IS NULL
           OR NOT pg_catalog.pg_has_role(current_user, (SELECT t.relowner FROM pg_catalog.pg_class t
                                                        WHERE t.oid = 'frontrunner.inspection_campaign'::pg_catalog.regclass), 'MEMBER') THEN
          PERFORM frontrunner.raise_violation('0A000',
            format('inspection campaign: on a distributed registry campaign %s is drawn by draw_campaign()', OLD.code),
            format('Campaign %s (status planned): UPDATE … SET status = ''drawn'' runs on every node''s copy of inspection_campaign, where the population (the published disclosures of every shard) cannot be read; this registry is distributed with Citus.', OLD.code),
            format('SELECT * FROM frontrunner.draw_campaign(%L) draws it (on the coordinator) and returns the draw.', OLD.code),
            'inspection_campaign', 'status');
        END IF;
      ELSE
        NEW.population := frontrunner.campaign_population(NEW);
      END IF;
      NEW.drawn_at := frontrunner.clock();
      NEW.published_at := NULL;
    ELSIF OLD.status = 'drawn' AND NEW.status = 'published' THEN
      -- the results no inspector has recorded; on a distributed registry the
      -- trigger fires on every node's copy of the reference table and each
      -- node reads the results on its own shards (citus_placements(): the
      -- workers hold every shard once, the coordinator none)
      src := 'frontrunner.inspection_result';
      IF frontrunner.citus_distributed() THEN
        SELECT pg_catalog.string_agg(pg_catalog.format('SELECT x.campaign, x.disclosure, x.item, x.recorded_by, x.outcome FROM %s x', p), ' UNION ALL ')
          INTO src FROM frontrunner.citus_placements('frontrunner.inspection_result'::pg_catalog.regclass) p;
        src := '(' || coalesce(src, 'SELECT NULL::bigint AS campaign, NULL::bigint AS disclosure, NULL::text AS item, NULL::name AS recorded_by, NULL::text AS outcome WHERE false') || ')';
      END IF;
      EXECUTE pg_catalog.format($q$
        SELECT string_agg(format('%%s %%s', r.disclosure, r.item), ', ' ORDER BY r.disclosure, r.item)
        FROM %s r
        WHERE r.campaign = $1 AND (r.recorded_by IS NULL OR r.outcome = 'not_judged')$q$, src)
        INTO open_items USING OLD.id;
      IF open_items IS NOT NULL THEN
        PERFORM frontrunner.raise_violation('FR010',
          format('inspection campaign: campaign %s has results no inspector has recorded', OLD.code),
          format('Items not recorded (or not judged) by an inspector: %s.', left(open_items, 900)),
          'The inspectors drawn for each disclosure confirm or correct every pre-filled item (UPDATE inspection_result SET outcome = …), then the results are published.',
          'inspection_result', 'recorded_by');
      END IF;
      NEW.population := OLD.population;
      NEW.drawn_at := OLD.drawn_at;
      NEW.published_at := frontrunner.clock();
    ELSE
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: campaign %s cannot go from %s to %s', OLD.code, OLD.status, NEW.status),
        format('Campaign %s: status %s → %s.', OLD.code, OLD.status, NEW.status),
        'A campaign goes planned → drawn (draw_campaign()) → published; a draw is made once and results stay published.',
        'inspection_campaign', 'status');
    END IF;
  END IF;
  IF cardinality(NEW.inspectors) IS NULL OR cardinality(NEW.inspectors) < NEW.team_size
     OR EXISTS (SELECT FROM unnest(NEW.inspectors) i(n) WHERE coalesce(btrim(i.n), '') = '')
     OR (SELECT count(DISTINCT i.n) FROM unnest(NEW.inspectors) i(n)) <> cardinality(NEW.inspectors) THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the inspector pool of campaign %s needs at least %s distinct names', NEW.code, NEW.team_size),
      format('Inspectors: %s; team size %s.', coalesce(array_to_string(NEW.inspectors, ', ', '(NULL)'), 'none'), NEW.team_size),
      'List the login roles of at least team_size different inspectors, no blank or repeated name.',
      'inspection_campaign', 'inspectors');
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_campaign_before_write() IS
  'trigger: a campaign is created planned (creator and time from the database); while planned its scope, size and inspectors may change, never its seed; planned → drawn records the population and the time (the draw itself: inspection_campaign_after_draw()); drawn → published needs every item recorded by an inspector; nothing else (FR010); the pool holds at least team_size distinct names';
CREATE TRIGGER inspection_campaign_10_write BEFORE INSERT OR UPDATE ON @extschema@.inspection_campaign
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.inspection_campaign'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.inspection_campaign_before_write();
CREATE TRIGGER inspection_campaign_10_guard BEFORE DELETE ON @extschema@.inspection_campaign
  FOR EACH ROW WHEN (OLD.status <> 'planned') EXECUTE FUNCTION @extschema@.refuse_change('FR010',
    'inspection campaign: campaign {code} cannot be deleted',
    'Campaign {code} has status {status}: {op} refused.',
    'A drawn campaign, its draw and its results are kept.');

CREATE FUNCTION @extschema@.campaign_store_draw(campaign_id bigint) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
-- (on a distributed registry: the draw and its results go into the shards
-- of their enterprises, over one connection per node)
SET citus.multi_shard_modify_mode = sequential
AS $$
DECLARE
  c frontrunner.inspection_campaign;
  caller name := frontrunner.invoker();
  ids bigint[];
  tenants frontrunner.uscc[];
  s_disclosure bigint[];
  s_inspector text[];
  s_place int[];
  s_rank int[];
  one record;
BEGIN
  -- regulators, and the owner of the extension's tables (the DBA; superusers)
  IF NOT (frontrunner.role_in_group(caller, 'frontrunner_regulator')
          OR pg_catalog.pg_has_role(caller, (SELECT t.relowner FROM pg_catalog.pg_class t
                                             WHERE t.oid = 'frontrunner.inspection_campaign'::pg_catalog.regclass), 'MEMBER')) THEN
    RAISE EXCEPTION 'permission denied to draw inspection campaign %', campaign_id
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('Role %s is not a member of frontrunner_regulator.', caller),
            HINT = 'Campaigns are drawn by the regulator (draw_campaign()).';
  END IF;
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.id = campaign_id;
  IF c.status = 'planned' AND frontrunner.citus_distributed() THEN
    -- on a distributed registry the draw is made here, on the coordinator:
    -- the population read over every shard, written into every node's copy
    -- of the campaign (its trigger takes it from the owner only)
    ids := frontrunner.campaign_population(c);
    UPDATE frontrunner.inspection_campaign x SET status = 'drawn', population = ids
    WHERE x.id = c.id
    RETURNING x.* INTO c;
  END IF;
  IF c.status IS DISTINCT FROM 'drawn' THEN
    RETURN;  -- not drawn (draw_campaign() draws)
  END IF;
  PERFORM 1 FROM frontrunner.inspection_draw r WHERE r.campaign = c.id LIMIT 1;
  IF FOUND THEN
    RETURN;  -- the draw is stored already
  END IF;
  -- campaign_sample() of the population (once: a key per disclosure of the
  -- population), each drawn disclosure with its enterprise (read first: the
  -- rows then go to their shards)
  SELECT pg_catalog.array_agg(s.disclosure), pg_catalog.array_agg(s.inspector),
         pg_catalog.array_agg(s.place), pg_catalog.array_agg(s.team_rank)
    INTO s_disclosure, s_inspector, s_place, s_rank
  FROM frontrunner.campaign_sample(c.population, c.seed, c.sample_size, c.sample_fraction,
                                   c.inspectors, c.team_size) s;
  SELECT pg_catalog.array_agg(d.id ORDER BY d.id), pg_catalog.array_agg(d.enterprise ORDER BY d.id) INTO ids, tenants
  FROM frontrunner.disclosure d
  WHERE d.id = ANY (s_disclosure);
  INSERT INTO frontrunner.inspection_draw (campaign, disclosure, inspector, place, team_rank, enterprise)
  SELECT c.id, s.disclosure, s.inspector, s.place, s.team_rank, t.enterprise
  FROM ROWS FROM (pg_catalog.unnest(s_disclosure), pg_catalog.unnest(s_inspector), pg_catalog.unnest(s_place),
                  pg_catalog.unnest(s_rank)) s(disclosure, inspector, place, team_rank)
  JOIN ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(tenants)) t(id, enterprise) ON t.id = s.disclosure;
  -- the pre-filled items, a disclosure at a time (inspection_prefill() reads
  -- its shard and the reference tables)
  FOR one IN SELECT t.id, t.enterprise FROM ROWS FROM (pg_catalog.unnest(ids), pg_catalog.unnest(tenants)) t(id, enterprise) ORDER BY t.id LOOP
    INSERT INTO frontrunner.inspection_result (campaign, disclosure, item, outcome, prefilled, detail, enterprise)
    SELECT c.id, one.id, p.item, p.outcome, p.outcome, p.detail, one.enterprise
    FROM frontrunner.inspection_prefill(one.id) p;
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.campaign_store_draw(bigint) IS
  'SECURITY DEFINER (nobody may write a draw or a pre-filled result by hand), for regulators: stores the draw of a drawn campaign once: campaign_sample() of its population and seed in inspection_draw, the pre-filled items of every drawn disclosure (inspection_prefill()) in inspection_result; on a distributed registry it draws a planned campaign first (population read on the coordinator, written into every copy of the campaign); nothing for a campaign planned on one node or whose draw is stored (draw_campaign() calls it)';

CREATE FUNCTION @extschema@.inspection_campaign_after_draw() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- (on a distributed registry the trigger fires on every node's copy of the
  -- campaign: draw_campaign() stores the draw there, on the coordinator)
  IF NOT frontrunner.citus_distributed() THEN
    PERFORM frontrunner.campaign_store_draw(NEW.id);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_campaign_after_draw() IS
  'trigger, SECURITY DEFINER: when a campaign is drawn on one node, stores its draw and pre-filled results (campaign_store_draw()); on a distributed registry draw_campaign() stores them on the coordinator';
CREATE TRIGGER inspection_campaign_20_draw AFTER UPDATE OF status ON @extschema@.inspection_campaign
  FOR EACH ROW WHEN (OLD.status = 'planned' AND NEW.status = 'drawn')
  EXECUTE FUNCTION @extschema@.inspection_campaign_after_draw();

CREATE FUNCTION @extschema@.draw_campaign(code text)
RETURNS TABLE (disclosure bigint, inspector text)
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  c frontrunner.inspection_campaign;
BEGIN
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.code = draw_campaign.code FOR UPDATE;
  IF NOT FOUND THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: no campaign %s', code),
      format('No row of inspection_campaign has code %L (or the role %s may not read it).', code, current_user),
      'Create the campaign first (INSERT INTO inspection_campaign …); campaigns are run by the regulator.', 'inspection_campaign', 'code');
  END IF;
  IF c.status = 'planned' AND frontrunner.citus_distributed() THEN
    -- on a distributed registry the draw is made on the coordinator
    -- (campaign_store_draw(): the trigger on every node's copy of the
    -- campaign cannot read the population)
    PERFORM frontrunner.campaign_store_draw(c.id);
  ELSIF c.status = 'planned' THEN
    UPDATE frontrunner.inspection_campaign x SET status = 'drawn' WHERE x.id = c.id;
  END IF;
  RETURN QUERY
  SELECT r.disclosure, r.inspector FROM frontrunner.inspection_draw r
  WHERE r.campaign = c.id ORDER BY r.place, r.team_rank;
END
$$;
COMMENT ON FUNCTION @extschema@.draw_campaign(text) IS
  'the draw of a campaign: the first call draws (planned → drawn: population recorded, campaign_sample() stored, items pre-filled) and every call returns the stored draw, in draw order — the same rows every time, after dump/restore and upgrade (regulator)';

CREATE FUNCTION @extschema@.inspection_result_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  c frontrunner.inspection_campaign;
  team text;
  who name := frontrunner.invoker();
BEGIN
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.id = OLD.campaign;
  IF (pg_catalog.to_jsonb(NEW) - '{outcome,detail,recorded_by,recorded_at}'::text[])
     <> (pg_catalog.to_jsonb(OLD) - '{outcome,detail,recorded_by,recorded_at}'::text[]) THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: only the outcome and detail of an inspection item are recorded'),
      format('Campaign %s, disclosure %s, item %s: UPDATE of other columns refused.', c.code, OLD.disclosure, OLD.item),
      'UPDATE inspection_result SET outcome = …, detail = … WHERE campaign = … AND disclosure = … AND item = ….',
      'inspection_result', NULL);
  END IF;
  IF c.status <> 'drawn' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the results of campaign %s are published', c.code),
      format('Campaign %s (status %s), disclosure %s, item %s.', c.code, c.status, OLD.disclosure, OLD.item),
      'Published results stay as published; a finding''s follow-up is recorded in inspection_finding.',
      'inspection_result', 'outcome');
  END IF;
  -- (the draw of the row's disclosure, on its enterprise's shard)
  SELECT string_agg(r.inspector, ', ' ORDER BY r.team_rank) INTO team
  FROM frontrunner.inspection_draw r
  WHERE r.campaign = OLD.campaign AND r.enterprise OPERATOR(frontrunner.=) OLD.enterprise AND r.disclosure = OLD.disclosure;
  PERFORM FROM frontrunner.inspection_draw r
  WHERE r.campaign = OLD.campaign AND r.enterprise OPERATOR(frontrunner.=) OLD.enterprise AND r.disclosure = OLD.disclosure
    AND r.inspector = who::text;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'permission denied: % was not drawn to inspect disclosure % in campaign %', who, OLD.disclosure, c.code
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('The inspectors drawn for disclosure %s are %s.', OLD.disclosure, team),
            HINT = 'Results are recorded by the inspectors the draw assigned (inspection_draw), as themselves.',
            TABLE = 'inspection_result';
  END IF;
  IF NEW.outcome = 'not_judged' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: an inspector records conforms or nonconforming'),
      format('Campaign %s, disclosure %s, item %s: outcome not_judged.', c.code, OLD.disclosure, OLD.item),
      'Judge the item: conforms or nonconforming (with the detail found).', 'inspection_result', 'outcome');
  END IF;
  NEW.recorded_by := who;
  NEW.recorded_at := frontrunner.clock();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_result_before_write() IS
  'trigger: an inspection item is recorded (outcome conforms or nonconforming, detail) only by an inspector drawn for the disclosure (42501), while the campaign is drawn, nothing else changed (FR010); recorded_by and recorded_at are set by the database; rows come from the draw only (DELETE refused)';
CREATE TRIGGER inspection_result_10_write BEFORE UPDATE ON @extschema@.inspection_result
  FOR EACH ROW EXECUTE FUNCTION @extschema@.inspection_result_before_write();
CREATE TRIGGER inspection_result_10_guard BEFORE DELETE ON @extschema@.inspection_result
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR010',
    'inspection campaign: inspection results cannot be deleted',
    'Campaign {campaign}, disclosure {disclosure}, item {item}: {op} refused.',
    'Results of a draw are kept; an inspector corrects an outcome by UPDATE while the campaign is drawn.');
CREATE TRIGGER inspection_result_30_truncate BEFORE TRUNCATE ON @extschema@.inspection_result
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR010');
CREATE TRIGGER inspection_draw_10_guard BEFORE UPDATE OR DELETE ON @extschema@.inspection_draw
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR010',
    'inspection campaign: the draw of campaign {campaign} cannot be changed',
    'Campaign {campaign}, disclosure {disclosure}, inspector {inspector}: {op} refused.',
    'A draw is made once (draw_campaign()) and kept; anyone can re-run it from the seed and the population.');
CREATE TRIGGER inspection_draw_30_truncate BEFORE TRUNCATE ON @extschema@.inspection_draw
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR010');

CREATE FUNCTION @extschema@.inspection_finding_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  c frontrunner.inspection_campaign;
  r record;
BEGIN
  IF NEW.campaign IS NULL OR NEW.disclosure IS NULL OR NEW.item IS NULL THEN
    RETURN NEW;  -- the NOT NULL constraint names the key (23502)
  END IF;
  SELECT * INTO c FROM frontrunner.inspection_campaign x WHERE x.id = NEW.campaign;
  IF TG_OP = 'INSERT' THEN
    SELECT x.outcome INTO r FROM frontrunner.inspection_result x
    WHERE x.campaign = NEW.campaign AND x.disclosure = NEW.disclosure AND x.item = NEW.item
      AND x.enterprise OPERATOR(frontrunner.=) NEW.enterprise;
    IF NOT FOUND OR r.outcome <> 'nonconforming' THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: item %s of disclosure %s is not nonconforming in campaign %s', NEW.item, NEW.disclosure, coalesce(c.code, NEW.campaign::text)),
        format('Campaign %s, disclosure %s, item %s: %s.', coalesce(c.code, NEW.campaign::text), NEW.disclosure, NEW.item,
               coalesce('outcome ' || r.outcome, 'no such inspection result')),
        'A finding is recorded on an item of a drawn disclosure that was found nonconforming (inspection_result).',
        'inspection_finding', 'item');
    END IF;
    IF NEW.deadline <= CURRENT_DATE THEN
      PERFORM frontrunner.raise_violation('FR010',
        format('inspection campaign: the rectification deadline %s is not after today', NEW.deadline),
        format('Finding on disclosure %s, item %s: deadline %s, today %s.', NEW.disclosure, NEW.item, NEW.deadline, CURRENT_DATE),
        'Give the enterprise a deadline after today (责令限期改正).', 'inspection_finding', 'deadline');
    END IF;
    IF NEW.follow_up <> 'pending' OR NEW.follow_up_note IS NOT NULL OR NEW.followed_up_at IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('FR010',
        'inspection campaign: a finding is recorded with its follow-up pending',
        format('Finding on disclosure %s, item %s: follow_up %s.', NEW.disclosure, NEW.item, NEW.follow_up),
        'Leave follow_up, follow_up_note and followed_up_at out; record the follow-up once it is made.',
        'inspection_finding', 'follow_up');
    END IF;
    NEW.found_by := current_user;
    NEW.found_at := frontrunner.clock();
    RETURN NEW;
  END IF;
  IF (pg_catalog.to_jsonb(NEW) - '{follow_up,follow_up_note,followed_up_at}'::text[])
     <> (pg_catalog.to_jsonb(OLD) - '{follow_up,follow_up_note,followed_up_at}'::text[])
     OR OLD.follow_up <> 'pending' OR NEW.follow_up = 'pending' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: finding %s only gets its follow-up, once', OLD.id),
      format('Finding %s (follow_up %s): UPDATE to follow_up %s%s.', OLD.id, OLD.follow_up, NEW.follow_up,
             CASE WHEN (pg_catalog.to_jsonb(NEW) - '{follow_up,follow_up_note,followed_up_at}'::text[])
                       <> (pg_catalog.to_jsonb(OLD) - '{follow_up,follow_up_note,followed_up_at}'::text[])
                  THEN ' with other columns changed' ELSE '' END),
      'UPDATE inspection_finding SET follow_up = ''rectified'' (or ''not_rectified''), follow_up_note = … once, while it is pending.',
      'inspection_finding', 'follow_up');
  END IF;
  IF coalesce(btrim(NEW.follow_up_note), '') = '' THEN
    PERFORM frontrunner.raise_violation('FR010',
      format('inspection campaign: the follow-up of finding %s needs a note', OLD.id),
      format('Finding %s: follow_up %s with follow_up_note %L.', OLD.id, NEW.follow_up, NEW.follow_up_note),
      'Say what the follow-up inspection found in follow_up_note.', 'inspection_finding', 'follow_up_note');
  END IF;
  NEW.followed_up_at := frontrunner.clock();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.inspection_finding_before_write() IS
  'trigger: a finding is about an item found nonconforming in a draw, with a deadline after today and its follow-up pending (finder and time from the database); the only change is the follow-up, once, pending → rectified | not_rectified with a note (stamped) (FR010); DELETE and TRUNCATE are refused';
CREATE TRIGGER inspection_finding_05_tenant BEFORE INSERT OR UPDATE OF disclosure, enterprise ON @extschema@.inspection_finding
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.inspection_finding'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.tenant_fill('disclosure', 'inspection_finding_disclosure_fkey');
CREATE TRIGGER inspection_finding_10_write BEFORE INSERT OR UPDATE ON @extschema@.inspection_finding
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.inspection_finding'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.inspection_finding_before_write();
CREATE TRIGGER inspection_finding_10_guard BEFORE DELETE ON @extschema@.inspection_finding
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR010',
    'inspection campaign: finding {id} cannot be deleted',
    'Finding {id} (disclosure {disclosure}, item {item}): {op} refused.',
    'Findings are kept; record the follow-up (follow_up, follow_up_note).');
CREATE TRIGGER inspection_finding_30_truncate BEFORE TRUNCATE ON @extschema@.inspection_finding
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR010');

-- publication ------------------------------------------------------------------------------
-- (the rows by a function, like finding_counts(): on a distributed registry
-- Citus reads a view's shards with the reader's rights and policies, which
-- show a tenant its own draws, results and findings only)
CREATE FUNCTION @extschema@.campaign_report_rows()
RETURNS TABLE (campaign text, title text, authority text, published_at timestamptz, disclosure bigint,
               enterprise text, enterprise_name text, product text, standard text, item text,
               outcome text, detail text, inspectors text, finding text, deadline date,
               follow_up text, overdue boolean)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT c.code AS campaign, c.title, c.authority, c.published_at,
         r.disclosure, r.enterprise::text AS enterprise, e.name AS enterprise_name, d.product,
         d.standard::text AS standard, r.item, r.outcome, r.detail, t.inspectors,
         f.description AS finding, f.deadline, f.follow_up,
         (f.follow_up = 'pending' AND f.deadline < CURRENT_DATE) AS overdue
  FROM frontrunner.inspection_campaign c
  JOIN frontrunner.inspection_result r ON r.campaign = c.id
  -- (a drawn disclosure's rows joined on (enterprise, disclosure): on a
  -- distributed registry on its shard)
  JOIN frontrunner.disclosure d ON d.enterprise OPERATOR(frontrunner.=) r.enterprise AND d.id = r.disclosure
  JOIN frontrunner.enterprise e ON e.uscc OPERATOR(frontrunner.=) r.enterprise
  LEFT JOIN (SELECT x.enterprise, x.campaign, x.disclosure, string_agg(x.inspector, ', ' ORDER BY x.team_rank) AS inspectors
             FROM frontrunner.inspection_draw x GROUP BY x.enterprise, x.campaign, x.disclosure) t
    ON t.enterprise OPERATOR(frontrunner.=) r.enterprise AND t.campaign = r.campaign AND t.disclosure = r.disclosure
  LEFT JOIN frontrunner.inspection_finding f
    ON f.enterprise OPERATOR(frontrunner.=) r.enterprise AND f.campaign = r.campaign AND f.disclosure = r.disclosure AND f.item = r.item
  WHERE c.status = 'published';
END
$$;
COMMENT ON FUNCTION @extschema@.campaign_report_rows() IS
  'SECURITY DEFINER: the rows of the view campaign_report (public data: the results of published campaigns), read with the owner''s rights on one node and on a distributed registry alike';

CREATE VIEW @extschema@.campaign_report AS
SELECT r.campaign, r.title, r.authority, r.published_at, r.disclosure, r.enterprise, r.enterprise_name,
       r.product, r.standard, r.item, r.outcome, r.detail, r.inspectors, r.finding, r.deadline,
       r.follow_up, r.overdue
FROM @extschema@.campaign_report_rows() r;
COMMENT ON VIEW @extschema@.campaign_report IS
  'the published results of inspection campaigns (一公开): every item of every drawn disclosure, the inspectors, the findings with their deadline and follow-up (plain column types)';
COMMENT ON COLUMN @extschema@.campaign_report.campaign IS 'campaign code';
COMMENT ON COLUMN @extschema@.campaign_report.title IS 'campaign title';
COMMENT ON COLUMN @extschema@.campaign_report.authority IS 'the authority that ran it';
COMMENT ON COLUMN @extschema@.campaign_report.published_at IS 'when the results were published';
COMMENT ON COLUMN @extschema@.campaign_report.disclosure IS 'the drawn disclosure';
COMMENT ON COLUMN @extschema@.campaign_report.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.campaign_report.enterprise_name IS 'enterprise name';
COMMENT ON COLUMN @extschema@.campaign_report.product IS 'product';
COMMENT ON COLUMN @extschema@.campaign_report.standard IS 'standard the product executes';
COMMENT ON COLUMN @extschema@.campaign_report.item IS 'inspection item';
COMMENT ON COLUMN @extschema@.campaign_report.outcome IS 'conforms or nonconforming, as the inspectors recorded it';
COMMENT ON COLUMN @extschema@.campaign_report.detail IS 'what was found';
COMMENT ON COLUMN @extschema@.campaign_report.inspectors IS 'the inspectors drawn for the disclosure, in draw order';
COMMENT ON COLUMN @extschema@.campaign_report.finding IS 'the finding on the item, if any (what must be corrected)';
COMMENT ON COLUMN @extschema@.campaign_report.deadline IS 'rectification deadline';
COMMENT ON COLUMN @extschema@.campaign_report.follow_up IS 'pending, rectified or not_rectified';
COMMENT ON COLUMN @extschema@.campaign_report.overdue IS 'true when the follow-up is pending past the deadline';

-- (the rows by a function, as campaign_report's: the draw is read over the
-- shards of inspection_draw, which a tenant's policies would cut to its own)
CREATE FUNCTION @extschema@.campaign_audit_rows()
RETURNS TABLE (campaign text, seed text, category text, district text, sample_size integer,
               sample_fraction numeric, inspectors text, team_size integer, population text,
               population_size integer, drawn_at timestamptz, published_at timestamptz, draw text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT c.code AS campaign, c.seed, c.category, c.district, c.sample_size, c.sample_fraction,
         pg_catalog.array_to_string(c.inspectors, ',') AS inspectors, c.team_size,
         pg_catalog.array_to_string(c.population, ',') AS population, pg_catalog.cardinality(c.population) AS population_size,
         c.drawn_at, c.published_at, x.draw
  FROM frontrunner.inspection_campaign c
  -- (the draw grouped by campaign, not a subquery per campaign: on a
  -- distributed registry it is read over the shards)
  LEFT JOIN (SELECT x.campaign,
                    pg_catalog.array_to_string(pg_catalog.array_agg(x.disclosure || ':' || x.inspector ORDER BY x.place, x.team_rank), ',') AS draw
             FROM frontrunner.inspection_draw x GROUP BY x.campaign) x ON x.campaign = c.id
  WHERE c.status = 'published';
END
$$;
COMMENT ON FUNCTION @extschema@.campaign_audit_rows() IS
  'SECURITY DEFINER: the rows of the view campaign_audit (public data: published campaigns and their draws), read with the owner''s rights on one node and on a distributed registry alike';

CREATE VIEW @extschema@.campaign_audit AS
SELECT a.campaign, a.seed, a.category, a.district, a.sample_size, a.sample_fraction, a.inspectors,
       a.team_size, a.population, a.population_size, a.drawn_at, a.published_at, a.draw
FROM @extschema@.campaign_audit_rows() a;
COMMENT ON VIEW @extschema@.campaign_audit IS
  'what anyone needs to re-run the draw of a published campaign (README, Inspection campaigns): seed, sample size, inspector pool, team size, the population drawn from, and the draw as stored (plain column types)';
COMMENT ON COLUMN @extschema@.campaign_audit.campaign IS 'campaign code';
COMMENT ON COLUMN @extschema@.campaign_audit.seed IS 'the seed recorded at creation';
COMMENT ON COLUMN @extschema@.campaign_audit.category IS 'scope: category (NULL: all)';
COMMENT ON COLUMN @extschema@.campaign_audit.district IS 'scope: division code prefix (NULL: all)';
COMMENT ON COLUMN @extschema@.campaign_audit.sample_size IS 'disclosures to draw (or sample_fraction)';
COMMENT ON COLUMN @extschema@.campaign_audit.sample_fraction IS 'share of the population to draw (or sample_size)';
COMMENT ON COLUMN @extschema@.campaign_audit.inspectors IS 'the inspector pool, comma-separated';
COMMENT ON COLUMN @extschema@.campaign_audit.team_size IS 'inspectors per disclosure';
COMMENT ON COLUMN @extschema@.campaign_audit.population IS 'ids of the disclosures in scope when drawn, ascending, comma-separated';
COMMENT ON COLUMN @extschema@.campaign_audit.population_size IS 'how many';
COMMENT ON COLUMN @extschema@.campaign_audit.drawn_at IS 'when it was drawn';
COMMENT ON COLUMN @extschema@.campaign_audit.published_at IS 'when the results were published';
COMMENT ON COLUMN @extschema@.campaign_audit.draw IS 'the stored draw, disclosure:inspector in draw order, comma-separated';

-- who sees what ---------------------------------------------------------------------------
-- campaigns: the regulator only (privileges); draws, results and findings:
-- the regulator all, an enterprise its own; the public reads campaign_report
-- and campaign_audit once published.  The draw and the pre-filled results
-- are written by the SECURITY DEFINER draw trigger only.
ALTER FUNCTION @extschema@.inspection_campaign_after_draw() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.inspection_campaign_after_draw() FROM PUBLIC;
ALTER FUNCTION @extschema@.campaign_store_draw(bigint) SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.campaign_store_draw(bigint) FROM PUBLIC;
ALTER FUNCTION @extschema@.unverifiable_leader_rows() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.unverifiable_leader_rows() FROM PUBLIC;
ALTER FUNCTION @extschema@.campaign_report_rows() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.campaign_report_rows() FROM PUBLIC;
ALTER FUNCTION @extschema@.campaign_audit_rows() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.campaign_audit_rows() FROM PUBLIC;
ALTER FUNCTION @extschema@.reference_report_rows(bigint) SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.reference_report_rows(bigint) FROM PUBLIC;

ALTER TABLE @extschema@.inspection_draw ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.inspection_draw FORCE ROW LEVEL SECURITY;
CREATE POLICY inspection_draw_read ON @extschema@.inspection_draw FOR SELECT
  USING (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());

ALTER TABLE @extschema@.inspection_result ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.inspection_result FORCE ROW LEVEL SECURITY;
CREATE POLICY inspection_result_read ON @extschema@.inspection_result FOR SELECT
  USING (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());
CREATE POLICY inspection_result_update ON @extschema@.inspection_result FOR UPDATE
  USING (@extschema@.is_regulator()) WITH CHECK (@extschema@.is_regulator());

ALTER TABLE @extschema@.inspection_finding ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.inspection_finding FORCE ROW LEVEL SECURITY;
CREATE POLICY inspection_finding_read ON @extschema@.inspection_finding FOR SELECT
  USING (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());
CREATE POLICY inspection_finding_insert ON @extschema@.inspection_finding FOR INSERT
  WITH CHECK (@extschema@.is_regulator());
CREATE POLICY inspection_finding_update ON @extschema@.inspection_finding FOR UPDATE
  USING (@extschema@.is_regulator()) WITH CHECK (@extschema@.is_regulator());
