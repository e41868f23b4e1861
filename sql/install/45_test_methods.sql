-- What a test method can measure (0.2.0, issue 20): test_method_limit, and
-- whether a disclosed claim is within it (rule 8: claim_judge(),
-- claim_check(), claim_effective()).  Before the plans and ranking (61
-- ranks claims as their method verifies them when a plan says so); the
-- views, the publication check and the inspections are in 75_inspection.sql.

-- test_method_limit ------------------------------------------------------------------------
CREATE TABLE @extschema@.test_method_limit (
  method               @extschema@.stdcode NOT NULL,
  analyte              text NOT NULL CONSTRAINT test_method_limit_analyte_check CHECK (btrim(analyte) <> ''),
  detection_limit      @extschema@.indicator,
  quantification_limit @extschema@.indicator,
  range_top            @extschema@.indicator,
  source               text NOT NULL CONSTRAINT test_method_limit_source_check CHECK (btrim(source) <> ''),
  source_kind          text NOT NULL
                       CONSTRAINT test_method_limit_source_kind_check CHECK (source_kind IN ('official', 'secondary')),
  PRIMARY KEY (method, analyte),
  CONSTRAINT test_method_limit_some_check CHECK (num_nonnulls(detection_limit, quantification_limit) >= 1)
);
COMMENT ON TABLE @extschema@.test_method_limit IS
  'what a test method can measure, per analyte (the indicator key disclosures use): detection and/or quantification limit and the top of the measuring range, with the source; a disclosed limit below it cannot be verified by that method (rule 8)';
COMMENT ON COLUMN @extschema@.test_method_limit.method IS 'the test method''s standard number, with its year';
COMMENT ON COLUMN @extschema@.test_method_limit.analyte IS 'what is measured: the indicator key disclosures use for it (disclosed_indicator.indicator, e.g. formaldehyde)';
COMMENT ON COLUMN @extschema@.test_method_limit.detection_limit IS 'detection limit (检出限), a value such as 20 mg/kg: below it the method reports "not detected"';
COMMENT ON COLUMN @extschema@.test_method_limit.quantification_limit IS 'quantification limit (定量限), when the method states one: the lowest value it measures; the floor of what it verifies when given';
COMMENT ON COLUMN @extschema@.test_method_limit.range_top IS 'the top of the measuring range, when given (e.g. 3500 mg/kg)';
COMMENT ON COLUMN @extschema@.test_method_limit.source IS 'where the figures come from (the text, clause, page or address)';
COMMENT ON COLUMN @extschema@.test_method_limit.source_kind IS 'official (the method''s own text or its publisher''s abstract) or secondary (quoted elsewhere: verify before regulatory use)';

CREATE FUNCTION @extschema@.test_method_limit_check() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  lim record;
  u text;
  prev numeric;
  v numeric;
BEGIN
  FOR lim IN SELECT * FROM (VALUES (1, 'detection_limit', NEW.detection_limit),
                                   (2, 'quantification_limit', NEW.quantification_limit),
                                   (3, 'range_top', NEW.range_top)) x(k, col, val)
             WHERE x.val IS NOT NULL ORDER BY x.k LOOP
    IF frontrunner.form(lim.val) <> 'point' OR frontrunner.species(lim.val) IS NOT NULL
       OR frontrunner.sample_basis(lim.val) IS NOT NULL THEN
      PERFORM frontrunner.raise_violation('22023',
        format('%s of method %s for "%s" must be a plain value', lim.col, NEW.method, NEW.analyte),
        format('%s is %s (form %s).', lim.col, lim.val, frontrunner.form(lim.val)),
        'Write a number and its unit, e.g. 20 mg/kg.', 'test_method_limit', lim.col);
    END IF;
    IF u IS NULL THEN
      u := frontrunner.unit(lim.val);
    ELSIF NOT frontrunner.unit_commensurable(frontrunner.unit(lim.val), u) THEN
      PERFORM frontrunner.raise_violation('22023',
        format('the limits of method %s for "%s" are in units of different quantities', NEW.method, NEW.analyte),
        format('%s is %s; the limit before it is in %s.', lim.col, lim.val, coalesce(nullif(u, ''), 'a plain number')),
        'Give every limit of one method and analyte in units of the same quantity.', 'test_method_limit', lim.col);
    END IF;
    v := frontrunner.level(lim.val, 'lower_better', u);
    IF prev IS NOT NULL AND v < prev THEN
      PERFORM frontrunner.raise_violation('22023',
        format('the limits of method %s for "%s" are not in order', NEW.method, NEW.analyte),
        format('detection limit %s, quantification limit %s, range top %s.',
               coalesce(NEW.detection_limit::text, '-'), coalesce(NEW.quantification_limit::text, '-'),
               coalesce(NEW.range_top::text, '-')),
        'The detection limit is at most the quantification limit, which is at most the top of the measuring range.',
        'test_method_limit', lim.col);
    END IF;
    prev := v;
  END LOOP;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.test_method_limit_check() IS
  'trigger: the limits of a test method are plain values (a number and a unit, no basis), in units of one quantity, detection ≤ quantification ≤ range top (22023)';
CREATE TRIGGER test_method_limit_10_check BEFORE INSERT OR UPDATE ON @extschema@.test_method_limit
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.test_method_limit'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.test_method_limit_check();

-- rule 8: can the named method verify the claim? -----------------------------------------
CREATE FUNCTION @extschema@.claim_judge(requirement @extschema@.indicator, l @extschema@.test_method_limit)
RETURNS TABLE (verifiable boolean, method_floor @extschema@.indicator, effective @extschema@.indicator, reason text)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  u text;
  fl numeric;
  top numeric;
  ub numeric;
  lb numeric;
BEGIN
  effective := requirement;
  IF requirement IS NULL OR l.method IS NULL THEN
    reason := 'no limits of the test method recorded';
    RETURN NEXT;
    RETURN;
  END IF;
  method_floor := coalesce(l.quantification_limit, l.detection_limit);
  u := frontrunner.unit(method_floor);
  fl := frontrunner.level(method_floor, 'lower_better', u);
  IF frontrunner.is_nd(requirement) AND frontrunner.unit(requirement) IS NULL THEN
    -- ND without a stated limit: not detected by this method, i.e. below its detection limit
    verifiable := true;
    effective := ('ND(≤' || coalesce(l.detection_limit, l.quantification_limit)::text || ')')::frontrunner.indicator;
    reason := format('not detected by %s: below %s', l.method, coalesce(l.detection_limit, l.quantification_limit));
    RETURN NEXT;
    RETURN;
  END IF;
  IF frontrunner.species(requirement) IS NOT NULL OR frontrunner.sample_basis(requirement) IS NOT NULL
     OR NOT frontrunner.unit_commensurable(frontrunner.unit(requirement), u) THEN
    reason := format('%s cannot be compared with the limit of %s (%s)', requirement, l.method, method_floor);
    RETURN NEXT;
    RETURN;
  END IF;
  ub := frontrunner.level(requirement, 'lower_better', u);
  IF frontrunner.form(requirement) IN ('lower', 'range', 'point', 'tolerance') THEN
    lb := frontrunner.level(requirement, 'higher_better', u);
  END IF;
  top := frontrunner.level(l.range_top, 'lower_better', u);
  IF ub IS NOT NULL AND ub < fl THEN
    verifiable := false;
    effective := ('≤' || method_floor::text)::frontrunner.indicator;
    reason := format('the claimed limit %s %s is below what %s can measure (%s)', ub, u, l.method, method_floor);
  ELSIF lb > 0 AND lb < fl THEN
    verifiable := false;
    reason := format('the claimed lower bound %s %s is below what %s can measure (%s)', lb, u, l.method, method_floor);
  ELSIF lb > top THEN
    verifiable := false;
    reason := format('the claimed lower bound %s %s is above the measuring range of %s (up to %s)', lb, u, l.method, l.range_top);
  ELSE
    verifiable := true;
    reason := format('within what %s measures (from %s%s)', l.method, method_floor,
                     CASE WHEN l.range_top IS NOT NULL THEN ' to ' || l.range_top::text ELSE '' END);
  END IF;
  RETURN NEXT;
END
$$;
COMMENT ON FUNCTION @extschema@.claim_judge(@extschema@.indicator, @extschema@.test_method_limit) IS
  'rule 8 (verifiability) for one claim and the limits of its method: verifiable false when a limit of the claim is below the method''s floor (quantification limit, else detection limit) or a lower bound above its range top; NULL when the claim cannot be compared (another kind of quantity, a basis) or no limits are given; effective is the claim as the method verifies it (≤ the floor for a claim below it, ND(≤ detection limit) for an ND without a stated limit); reason says why';

CREATE FUNCTION @extschema@.claim_check(requirement @extschema@.indicator, test_method @extschema@.stdcode, analyte text)
RETURNS TABLE (verifiable boolean, method_floor @extschema@.indicator, effective @extschema@.indicator, reason text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT j.verifiable, j.method_floor, j.effective,
         CASE WHEN l.method IS NULL
              THEN CASE WHEN $2 IS NULL THEN 'no test method named'
                        ELSE format('no limits of %s for "%s" in test_method_limit', $2, $3) END
              ELSE j.reason END
  FROM (SELECT) one
  LEFT JOIN frontrunner.test_method_limit l ON l.method OPERATOR(frontrunner.=) $2 AND l.analyte = $3
  -- the row as a test_method_limit (on a Citus node the scan may be of the
  -- reference table's local copy, a row type of its own)
  CROSS JOIN LATERAL frontrunner.claim_judge($1, CASE WHEN l.method IS NOT NULL
    THEN pg_catalog.jsonb_populate_record(NULL::frontrunner.test_method_limit, pg_catalog.to_jsonb(l)) END) j
$$;
COMMENT ON FUNCTION @extschema@.claim_check(@extschema@.indicator, @extschema@.stdcode, text) IS
  'rule 8 (verifiability): claim_judge() of a requirement with the limits test_method_limit records for its test method and analyte (verifiable NULL when none are recorded)';

CREATE FUNCTION @extschema@.claim_effective(requirement @extschema@.indicator, test_method @extschema@.stdcode, analyte text)
RETURNS @extschema@.indicator
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(c.effective, $1) FROM frontrunner.claim_check($1, $2, $3) c
$$;
COMMENT ON FUNCTION @extschema@.claim_effective(@extschema@.indicator, @extschema@.stdcode, text) IS
  'the claim as its test method verifies it (claim_check().effective): ≤ the method''s floor for a limit below it, ND(≤ detection limit) for an ND without a stated limit, else the requirement; what a plan with method_limits ranks';
