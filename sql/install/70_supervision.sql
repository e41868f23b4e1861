-- Supervision and reporting: social supervision (feedback from consumers,
-- associations, enterprises or anonymous reporters, decided by the
-- regulator), spot-check requests that follow substantiated reports, and the
-- report views bureaus read with BI tools (district_report,
-- enterprise_record, category_report).  The expert review of evaluation
-- plans is part of the plan workflow (60_plans.sql).  Row-level security
-- and privileges of these objects are in 90_security.sql.

-- feedback (social supervision) -----------------------------------------------------
CREATE TABLE @extschema@.feedback (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reporter_kind     text NOT NULL
                    CONSTRAINT feedback_reporter_kind_check CHECK (reporter_kind IN ('consumer', 'association', 'enterprise', 'anonymous')),
  reporter          text,
  disclosure        bigint,
  enterprise        @extschema@.uscc REFERENCES @extschema@.enterprise (uscc),
  indicator         text,
  measured          @extschema@.indicator,
  measured_conforms boolean,
  body              text NOT NULL CONSTRAINT feedback_body_check CHECK (btrim(body) <> ''),
  status            text NOT NULL DEFAULT 'received'
                    CONSTRAINT feedback_status_check CHECK (status IN ('received', 'under_review', 'substantiated', 'unsubstantiated')),
  filed_by          name NOT NULL DEFAULT current_user,
  received_at       timestamptz NOT NULL DEFAULT now(),
  reviewed_at       timestamptz,
  decided_at        timestamptz,
  decided_by        name,
  decision_note     text,
  CONSTRAINT feedback_reporter_check CHECK ((reporter_kind = 'anonymous') = (reporter IS NULL)),
  CONSTRAINT feedback_reporter_blank_check CHECK (btrim(reporter) <> ''),
  CONSTRAINT feedback_subject_check CHECK (num_nonnulls(disclosure, enterprise) >= 1),
  CONSTRAINT feedback_measured_check CHECK (measured IS NULL OR indicator IS NOT NULL),
  CONSTRAINT feedback_decided_check CHECK ((status IN ('substantiated', 'unsubstantiated'))
                                           = (decided_at IS NOT NULL AND decided_by IS NOT NULL AND coalesce(btrim(decision_note), '') <> '')),
  CONSTRAINT feedback_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id)
);
COMMENT ON TABLE @extschema@.feedback IS
  'social supervision (社会监督): reports by consumers, associations, enterprises or anonymous reporters about a disclosure or an enterprise; received → under_review → substantiated | unsubstantiated, moved only by the regulator; a report never changes a disclosure';
COMMENT ON COLUMN @extschema@.feedback.id IS 'identity, assigned by the database (the reporter''s reference number)';
COMMENT ON COLUMN @extschema@.feedback.reporter_kind IS 'consumer, association (business federation or consumer association), enterprise, or anonymous';
COMMENT ON COLUMN @extschema@.feedback.reporter IS 'who reports (name, organisation, contact); NULL exactly when anonymous';
COMMENT ON COLUMN @extschema@.feedback.disclosure IS 'the published (or since withdrawn or superseded) disclosure the report is about; NULL for a report about an enterprise only';
COMMENT ON COLUMN @extschema@.feedback.enterprise IS 'the enterprise the report is about; filled from the disclosure when not given (and must match it)';
COMMENT ON COLUMN @extschema@.feedback.indicator IS 'the indicator concerned (must be disclosed by the disclosure, when both are given)';
COMMENT ON COLUMN @extschema@.feedback.measured IS 'a value the reporter measured, when given (e.g. 25 mg/kg); commensurable with the disclosed requirement';
COMMENT ON COLUMN @extschema@.feedback.measured_conforms IS 'satisfies(measured, disclosed requirement), set by the database when both are known; a reporter''s measurement is a lead, not a spot check';
COMMENT ON COLUMN @extschema@.feedback.body IS 'what the reporter says (free text)';
COMMENT ON COLUMN @extschema@.feedback.status IS 'received (filed), under_review (the regulator looks into it), substantiated or unsubstantiated (decided, final)';
COMMENT ON COLUMN @extschema@.feedback.filed_by IS 'the login that filed the report (current_user, set by the database; a portal''s login for the public)';
COMMENT ON COLUMN @extschema@.feedback.received_at IS 'database clock at filing; client values are ignored';
COMMENT ON COLUMN @extschema@.feedback.reviewed_at IS 'database clock when the regulator took the report under review';
COMMENT ON COLUMN @extschema@.feedback.decided_at IS 'database clock of the decision';
COMMENT ON COLUMN @extschema@.feedback.decided_by IS 'current_user who decided (set by the database)';
COMMENT ON COLUMN @extschema@.feedback.decision_note IS 'the regulator''s reasons, required with the decision';
CREATE INDEX feedback_enterprise_idx ON @extschema@.feedback (enterprise, status);
CREATE INDEX feedback_disclosure_idx ON @extschema@.feedback (disclosure);
CREATE INDEX feedback_filed_by_idx ON @extschema@.feedback (filed_by);

-- what a reporter may know of the disclosure a report is about: published data only
CREATE FUNCTION @extschema@.feedback_subject(report_enterprise @extschema@.uscc, disclosure_id bigint, indicator_key text)
RETURNS TABLE (enterprise @extschema@.uscc, status text, requirement @extschema@.indicator, indicators text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
#variable_conflict use_column
DECLARE
  -- on a distributed registry the report's enterprise, when it names one:
  -- the feedback rule runs on that enterprise's shard and reads it
  tenant frontrunner.uscc := CASE WHEN frontrunner.citus_distributed() THEN report_enterprise END;
BEGIN
  RETURN QUERY
  SELECT d.enterprise, d.status,
         (SELECT i.requirement FROM frontrunner.disclosed_indicator i
          WHERE (tenant IS NULL OR i.enterprise OPERATOR(frontrunner.=) tenant)
            AND i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = d.id AND i.indicator = indicator_key),
         (SELECT string_agg(i.indicator, ', ' ORDER BY i.indicator) FROM frontrunner.disclosed_indicator i
          WHERE (tenant IS NULL OR i.enterprise OPERATOR(frontrunner.=) tenant)
            AND i.enterprise OPERATOR(frontrunner.=) d.enterprise AND i.disclosure = d.id)
  FROM frontrunner.disclosure d
  WHERE (tenant IS NULL OR d.enterprise OPERATOR(frontrunner.=) tenant)
    AND d.id = disclosure_id AND d.status <> 'draft';
END
$$;
COMMENT ON FUNCTION @extschema@.feedback_subject(@extschema@.uscc, bigint, text) IS
  'SECURITY DEFINER (the public role cannot read disclosure): for a disclosure that is not a draft, its enterprise, status, the disclosed requirement of one indicator and the list of disclosed indicators; no row for a draft or a missing id; on a distributed registry only among the disclosures of report_enterprise, the enterprise the report names (NULL: any). Used by the feedback trigger';

CREATE FUNCTION @extschema@.feedback_subject(disclosure_id bigint, indicator_key text)
RETURNS TABLE (enterprise @extschema@.uscc, status text, requirement @extschema@.indicator, indicators text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.* FROM frontrunner.feedback_subject(NULL::frontrunner.uscc, disclosure_id, indicator_key) s
$$;
COMMENT ON FUNCTION @extschema@.feedback_subject(bigint, text) IS
  'feedback_subject(NULL, disclosure_id, indicator_key): what a reporter may know of a disclosure that is not a draft (its enterprise, status, the disclosed requirement of one indicator, the disclosed indicators); no row for a draft or a missing id';

CREATE FUNCTION @extschema@.feedback_error(msg text, detail text, hint text, col text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'feedback workflow: %', msg
    USING ERRCODE = 'FR008', DETAIL = detail, HINT = hint, COLUMN = coalesce(col, '');
END
$$;
COMMENT ON FUNCTION @extschema@.feedback_error(text, text, text, text) IS
  'raises FR008 (feedback workflow) with the message, DETAIL and HINT given; used by the feedback and spot_check_request triggers';

CREATE FUNCTION @extschema@.feedback_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  s record;
  verdict text;
  moving text[] := '{status,reviewed_at,decided_at,decided_by,decision_note}';
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'received' THEN
      PERFORM frontrunner.feedback_error('a report is filed with status received',
        format('Report filed with status %s.', NEW.status),
        'Leave status out: the regulator moves it to under_review and decides it.', 'status');
    END IF;
    IF NEW.decision_note IS NOT NULL OR NEW.decided_by IS NOT NULL THEN
      PERFORM frontrunner.feedback_error('a report is filed without a decision',
        format('The report was filed with decision_note %L and decided_by %L.', NEW.decision_note, NEW.decided_by),
        'The regulator writes the decision when deciding the report.', 'decision_note');
    END IF;
    NEW.measured_conforms := NULL;
    IF NEW.disclosure IS NOT NULL THEN
      SELECT * INTO s FROM frontrunner.feedback_subject(NEW.enterprise, NEW.disclosure, NEW.indicator);
      IF NOT FOUND THEN
        PERFORM frontrunner.feedback_error(format('no published disclosure %s', NEW.disclosure),
          format('Disclosure %s does not exist or is not published.', NEW.disclosure),
          'Reports are about disclosures on the public record (published, withdrawn or superseded), or about an enterprise (column enterprise).', 'disclosure');
      END IF;
      IF NEW.enterprise IS NULL THEN
        NEW.enterprise := s.enterprise;
      ELSIF NOT (NEW.enterprise OPERATOR(frontrunner.=) s.enterprise) THEN
        PERFORM frontrunner.feedback_error(format('disclosure %s is not a disclosure of enterprise %s', NEW.disclosure, NEW.enterprise),
          format('Disclosure %s belongs to enterprise %s; the report names enterprise %s.', NEW.disclosure, s.enterprise, NEW.enterprise),
          'Leave enterprise out when the report is about a disclosure: it is taken from the disclosure.', 'enterprise');
      END IF;
      IF NEW.indicator IS NOT NULL THEN
        IF s.requirement IS NULL THEN
          PERFORM frontrunner.feedback_error(format('disclosure %s does not disclose indicator "%s"', NEW.disclosure, NEW.indicator),
            format('Disclosed indicators of %s: %s.', NEW.disclosure, coalesce(s.indicators, 'none')),
            'Name one of the disclosed indicators, or leave indicator out.', 'indicator');
        END IF;
        IF NEW.measured IS NOT NULL THEN
          verdict := frontrunner.compare(NEW.measured, s.requirement);
          IF verdict = 'incomparable' THEN
            PERFORM frontrunner.feedback_error(format('measured value %s cannot be compared with the disclosed requirement %s', NEW.measured, s.requirement),
              format('Measured: %s; disclosed requirement of %s: %s (different dimensions).', NEW.measured, NEW.indicator, s.requirement),
              'Give the measured value in a unit of the same quantity as the requirement.', 'measured');
          END IF;
          NEW.measured_conforms := frontrunner.satisfies(NEW.measured, s.requirement);
        END IF;
      END IF;
    END IF;
    NEW.filed_by := current_user;
    NEW.received_at := frontrunner.clock();
    NEW.reviewed_at := NULL;
    NEW.decided_at := NULL;
    RETURN NEW;
  END IF;

  -- UPDATE: the regulator moves the workflow; the report itself never changes
  IF NOT frontrunner.is_regulator() THEN
    RAISE EXCEPTION 'permission denied: only a regulator moves the feedback workflow'
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('Role %s updated report %s (status %s).', current_user, OLD.id, OLD.status),
            HINT = 'Reports are decided by members of frontrunner_regulator.', TABLE = 'feedback';
  END IF;
  IF (pg_catalog.to_jsonb(NEW) - moving) <> (pg_catalog.to_jsonb(OLD) - moving) THEN
    PERFORM frontrunner.feedback_error(format('the content of report %s cannot be changed', OLD.id),
      format('Report %s: UPDATE of %s refused.', OLD.id,
             (SELECT string_agg(n.k, ', ' ORDER BY n.k) FROM jsonb_each(pg_catalog.to_jsonb(NEW) - moving) n(k, v)
              WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k)),
      'A report stays as filed; only status and decision_note move.', NULL);
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;  -- a no-op UPDATE changes nothing
  END IF;
  NEW.reviewed_at := OLD.reviewed_at;
  NEW.decided_at := OLD.decided_at;
  NEW.decided_by := OLD.decided_by;
  IF OLD.status = 'received' AND NEW.status = 'under_review' AND NEW.decision_note IS NOT DISTINCT FROM OLD.decision_note THEN
    NEW.reviewed_at := frontrunner.clock();
    RETURN NEW;
  END IF;
  IF OLD.status = 'under_review' AND NEW.status IN ('substantiated', 'unsubstantiated') THEN
    IF coalesce(btrim(NEW.decision_note), '') = '' THEN
      PERFORM frontrunner.feedback_error(format('deciding report %s needs a decision note', OLD.id),
        format('Report %s: %s → %s with decision_note %L.', OLD.id, OLD.status, NEW.status, NEW.decision_note),
        'Set decision_note (the reasons) in the same UPDATE.', 'decision_note');
    END IF;
    NEW.decided_at := frontrunner.clock();
    NEW.decided_by := current_user;
    RETURN NEW;
  END IF;
  PERFORM frontrunner.feedback_error(format('report %s cannot go from %s to %s', OLD.id, OLD.status, NEW.status),
    format('Report %s: status %s → %s%s.', OLD.id, OLD.status, NEW.status,
           CASE WHEN NEW.decision_note IS DISTINCT FROM OLD.decision_note AND OLD.status = NEW.status
                THEN ', decision_note changed' ELSE '' END),
    CASE WHEN OLD.status IN ('substantiated', 'unsubstantiated')
         THEN 'A decided report is final; a new report can be filed.'
         ELSE 'The workflow is received → under_review → substantiated | unsubstantiated; decision_note is written with the decision.' END,
    'status');
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.feedback_before_write() IS
  'trigger: the feedback workflow — filed as received (subject checked: a non-draft disclosure, its enterprise, a disclosed indicator, a commensurable measured value; timestamps and filed_by set by the database); only a regulator moves it, received → under_review → substantiated | unsubstantiated (decision note required, decided_at/by stamped); the report''s content never changes (FR008, 42501); DELETE is refused by refuse_change()';
CREATE TRIGGER feedback_10_write BEFORE INSERT OR UPDATE ON @extschema@.feedback
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.feedback'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.feedback_before_write();
CREATE TRIGGER feedback_10_guard BEFORE DELETE ON @extschema@.feedback
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR008',
    'feedback workflow: report {id} cannot be deleted',
    'Report {id} ({reporter_kind}, status {status}) refused: {op}.',
    'Reports are kept; the regulator decides them substantiated or unsubstantiated.');
CREATE TRIGGER feedback_30_truncate BEFORE TRUNCATE ON @extschema@.feedback
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR008');

-- spot_check_request ------------------------------------------------------------------
CREATE TABLE @extschema@.spot_check_request (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  feedback     bigint NOT NULL REFERENCES @extschema@.feedback (id),
  disclosure   bigint NOT NULL,
  indicator    text NOT NULL,
  note         text,
  requested_at timestamptz NOT NULL DEFAULT now(),
  requested_by name NOT NULL DEFAULT current_user,
  spot_check   bigint REFERENCES @extschema@.spot_check (id),
  done_at      timestamptz,
  CONSTRAINT spot_check_request_key UNIQUE (feedback, disclosure, indicator),
  CONSTRAINT spot_check_request_done_check CHECK ((spot_check IS NULL) = (done_at IS NULL)),
  enterprise   @extschema@.uscc NOT NULL,
  FOREIGN KEY (disclosure, indicator) REFERENCES @extschema@.disclosed_indicator (disclosure, indicator),
  CONSTRAINT spot_check_request_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id)
);
COMMENT ON TABLE @extschema@.spot_check_request IS
  'spot checks requested on the strength of a substantiated report: the regulator''s work list; done when the spot check is recorded and linked';
COMMENT ON COLUMN @extschema@.spot_check_request.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.spot_check_request.feedback IS 'the substantiated report that asks for the check';
COMMENT ON COLUMN @extschema@.spot_check_request.disclosure IS 'the disclosure to check (default: the report''s; must belong to the report''s enterprise)';
COMMENT ON COLUMN @extschema@.spot_check_request.indicator IS 'the disclosed indicator to measure (default: the report''s)';
COMMENT ON COLUMN @extschema@.spot_check_request.note IS 'instructions for the inspectors';
COMMENT ON COLUMN @extschema@.spot_check_request.requested_at IS 'database clock of the request';
COMMENT ON COLUMN @extschema@.spot_check_request.requested_by IS 'current_user who requested it (set by the database)';
COMMENT ON COLUMN @extschema@.spot_check_request.spot_check IS 'the spot check that answers the request (same disclosure and indicator, sampled on or after the request); NULL while open';
COMMENT ON COLUMN @extschema@.spot_check_request.done_at IS 'database clock when the spot check was linked';
COMMENT ON COLUMN @extschema@.spot_check_request.enterprise IS 'the disclosure''s enterprise (the tenant), filled by the database when not written; the foreign key to disclosure (enterprise, id) keeps it the disclosure''s';
CREATE TRIGGER spot_check_request_15_tenant BEFORE INSERT OR UPDATE OF disclosure, enterprise ON @extschema@.spot_check_request
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.spot_check_request'::pg_catalog.regclass))
  EXECUTE FUNCTION @extschema@.tenant_fill('disclosure', 'spot_check_request_disclosure_fkey');
CREATE INDEX spot_check_request_open_idx ON @extschema@.spot_check_request (disclosure, indicator) WHERE spot_check IS NULL;

CREATE FUNCTION @extschema@.spot_check_request_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  f record;
  d record;
  c record;
  -- on a distributed registry the row's enterprise: the rule reads its shard
  tenant frontrunner.uscc := CASE WHEN frontrunner.citus_distributed() THEN NEW.enterprise END;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.feedback IS NULL THEN
      RETURN NEW;  -- the NOT NULL constraint says so (23502)
    END IF;
    SELECT x.id, x.status, x.disclosure, x.enterprise, x.indicator INTO f
    FROM frontrunner.feedback x
    WHERE (tenant IS NULL OR x.enterprise OPERATOR(frontrunner.=) tenant) AND x.id = NEW.feedback FOR SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no report with id %', NEW.feedback
        USING ERRCODE = 'P0002', DETAIL = format('No row of table feedback has id %s (spot_check_request.feedback).', NEW.feedback),
              HINT = 'See table feedback.', TABLE = 'spot_check_request', COLUMN = 'feedback';
    END IF;
    IF f.status <> 'substantiated' THEN
      PERFORM frontrunner.feedback_error(format('report %s is not substantiated', f.id),
        format('Report %s has status %s.', f.id, f.status),
        'Only a substantiated report requests a spot check: decide it first.', 'feedback');
    END IF;
    NEW.disclosure := coalesce(NEW.disclosure, f.disclosure);
    NEW.indicator := coalesce(NEW.indicator, f.indicator);
    IF NEW.disclosure IS NULL OR NEW.indicator IS NULL THEN
      PERFORM frontrunner.feedback_error(format('the spot check requested on report %s needs a disclosure and an indicator', f.id),
        format('Report %s names disclosure %s and indicator %s; the request names %s and %s.', f.id,
               coalesce(f.disclosure::text, '-'), coalesce(f.indicator, '-'),
               coalesce(NEW.disclosure::text, '-'), coalesce(NEW.indicator, '-')),
        'Give disclosure and indicator in the request when the report does not name them.', 'disclosure');
    END IF;
    SELECT x.enterprise, x.status,
           (SELECT string_agg(i.indicator, ', ' ORDER BY i.indicator) FROM frontrunner.disclosed_indicator i
            WHERE (tenant IS NULL OR i.enterprise OPERATOR(frontrunner.=) tenant)
              AND i.enterprise OPERATOR(frontrunner.=) x.enterprise AND i.disclosure = x.id) AS indicators,
           EXISTS (SELECT FROM frontrunner.disclosed_indicator i
                   WHERE (tenant IS NULL OR i.enterprise OPERATOR(frontrunner.=) tenant)
                     AND i.enterprise OPERATOR(frontrunner.=) x.enterprise AND i.disclosure = x.id AND i.indicator = NEW.indicator) AS disclosed
      INTO d
    FROM frontrunner.disclosure x
    WHERE (tenant IS NULL OR x.enterprise OPERATOR(frontrunner.=) tenant) AND x.id = NEW.disclosure;
    IF NOT FOUND OR d.status = 'draft' OR NOT (d.enterprise OPERATOR(frontrunner.=) f.enterprise) THEN
      PERFORM frontrunner.feedback_error(format('disclosure %s is not a published disclosure of enterprise %s', NEW.disclosure, f.enterprise),
        format('Report %s is about enterprise %s; disclosure %s: %s.', f.id, f.enterprise, NEW.disclosure,
               CASE WHEN d.status IS NULL THEN 'no such disclosure'
                    ELSE format('enterprise %s, status %s', d.enterprise, d.status) END),
        'A spot check requested on a report checks a published disclosure of the enterprise reported.', 'disclosure');
    END IF;
    IF NOT d.disclosed THEN
      PERFORM frontrunner.feedback_error(format('disclosure %s does not disclose indicator "%s"', NEW.disclosure, NEW.indicator),
        format('Disclosed indicators of %s: %s.', NEW.disclosure, coalesce(d.indicators, 'none')),
        'A spot check measures a disclosed indicator.', 'indicator');
    END IF;
    IF NEW.spot_check IS NOT NULL THEN
      PERFORM frontrunner.feedback_error('a spot check request is entered open',
        format('The request was inserted with spot_check %s.', NEW.spot_check),
        'Insert the request, then link the spot check with UPDATE … SET spot_check = id once it is recorded.', 'spot_check');
    END IF;
    NEW.requested_at := frontrunner.clock();
    NEW.requested_by := current_user;
    NEW.done_at := NULL;
    RETURN NEW;
  END IF;

  -- UPDATE: only the link to the spot check that answers the request, once
  IF OLD.spot_check IS NULL AND NEW.spot_check IS NOT NULL
     AND (pg_catalog.to_jsonb(NEW) - '{spot_check,done_at}'::text[]) = (pg_catalog.to_jsonb(OLD) - '{spot_check,done_at}'::text[]) THEN
    SELECT x.id, x.disclosure, x.indicator, x.sampled_on INTO c FROM frontrunner.spot_check x
    WHERE (tenant IS NULL OR x.enterprise OPERATOR(frontrunner.=) tenant) AND x.id = NEW.spot_check;
    IF FOUND AND (c.disclosure <> OLD.disclosure OR c.indicator <> OLD.indicator OR c.sampled_on < OLD.requested_at::date) THEN
      PERFORM frontrunner.feedback_error(format('spot check %s does not answer request %s', c.id, OLD.id),
        format('Request %s: disclosure %s, %s, requested %s; spot check %s: disclosure %s, %s, sampled on %s.',
               OLD.id, OLD.disclosure, OLD.indicator, OLD.requested_at, c.id, c.disclosure, c.indicator, c.sampled_on),
        'Link a spot check of the requested disclosure and indicator, sampled on or after the request.', 'spot_check');
    END IF;
    NEW.done_at := frontrunner.clock();
    RETURN NEW;
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;
  END IF;
  PERFORM frontrunner.feedback_error(format('spot check request %s cannot be changed', OLD.id),
    format('Request %s (%s): UPDATE of %s refused.', OLD.id,
           CASE WHEN OLD.spot_check IS NULL THEN 'open' ELSE 'answered by spot check ' || OLD.spot_check END,
           (SELECT string_agg(n.k, ', ' ORDER BY n.k) FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
            WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k)),
    'An open request only gets its spot check linked (UPDATE … SET spot_check = id); an answered request is final.', NULL);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.spot_check_request_before_write() IS
  'trigger: a spot check is requested only on a substantiated report, for a published disclosure of the reported enterprise and a disclosed indicator (defaults: the report''s); the only change is linking, once, a spot check of that disclosure and indicator sampled on or after the request (done_at stamped) (FR008); DELETE is refused by refuse_change()';
CREATE TRIGGER spot_check_request_10_write BEFORE INSERT OR UPDATE ON @extschema@.spot_check_request
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.spot_check_request'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.spot_check_request_before_write();
CREATE TRIGGER spot_check_request_10_guard BEFORE DELETE ON @extschema@.spot_check_request
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR008',
    'feedback workflow: spot check request {id} cannot be deleted',
    'Request {id} (report {feedback}, disclosure {disclosure}, {indicator}) refused: {op}.',
    'Requests are kept; link the spot check that answers it (UPDATE … SET spot_check = id).');
CREATE TRIGGER spot_check_request_30_truncate BEFORE TRUNCATE ON @extschema@.spot_check_request
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR008');

-- administrative divisions ----------------------------------------------------------------
CREATE FUNCTION @extschema@.division_name(code text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT v.name FROM (VALUES
    ('110101', '东城区'), ('110102', '西城区'), ('110105', '朝阳区'), ('110106', '丰台区'),
    ('110107', '石景山区'), ('110108', '海淀区'), ('110109', '门头沟区'), ('110111', '房山区'),
    ('110112', '通州区'), ('110113', '顺义区'), ('110114', '昌平区'), ('110115', '大兴区'),
    ('110116', '怀柔区'), ('110117', '平谷区'), ('110118', '密云区'), ('110119', '延庆区')
  ) v(code, name)
  WHERE v.code = $1
$$;
COMMENT ON FUNCTION @extschema@.division_name(text) IS
  'name of an administrative division (GB/T 2260) for the bundled codes — the 16 districts of Beijing (1101xx); NULL for any other code';

-- reports ------------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.open_feedback()
RETURNS TABLE (enterprise @extschema@.uscc, open bigint)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- SECURITY DEFINER (90_security.sql): the reports of every filer, as the
  -- view district_report counts them with its owner's rights; a function,
  -- since on a distributed registry Citus reads a view's shards with the
  -- reader's rights (and the reader's policies)
  RETURN QUERY
  SELECT f.enterprise, count(*) FROM frontrunner.feedback f
  WHERE f.status IN ('received', 'under_review')
  GROUP BY f.enterprise;
END
$$;
COMMENT ON FUNCTION @extschema@.open_feedback() IS
  'SECURITY DEFINER: the number of reports not decided yet (received or under_review) per enterprise they are about, over every filer''s reports: the open_feedback column of district_report';

CREATE VIEW @extschema@.district_report AS
WITH ent AS (
  SELECT e.uscc, coalesce(e.region, @extschema@.uscc_region(e.uscc)) AS division
  FROM @extschema@.enterprise e
), cur AS (
  SELECT d.id, d.enterprise, d.category, d.standard FROM @extschema@.disclosure d WHERE d.status = 'published'
), floor_ind AS (
  -- a current disclosed indicator with an in-force mandatory requirement: stricter than all of them?
  SELECT di.disclosure, bool_and(@extschema@.compare(di.requirement, f.requirement) = 'stricter') AS stricter
  FROM cur
  JOIN @extschema@.disclosed_indicator di ON di.enterprise OPERATOR(@extschema@.=) cur.enterprise AND di.disclosure = cur.id
  JOIN @extschema@.requirement_in_force_typed f ON f.category = cur.category AND f.indicator = di.indicator AND f.nature = 'mandatory'
  GROUP BY di.disclosure, di.indicator
), per_cur AS (
  SELECT cur.enterprise,
         count(*) AS disclosures,
         count(*) FILTER (WHERE @extschema@.std_kind(cur.standard) = 'enterprise') AS own_standard,
         count(*) FILTER (WHERE fl.disclosure IS NOT NULL) AS floor_compared,
         count(*) FILTER (WHERE fl.stricter) AS floor_stricter
  FROM cur
  LEFT JOIN (SELECT x.disclosure, bool_or(x.stricter) AS stricter FROM floor_ind x GROUP BY x.disclosure) fl
    ON fl.disclosure = cur.id
  GROUP BY cur.enterprise
), per_lead AS (
  SELECT e.enterprise,
         count(*) FILTER (WHERE e.revoked_at IS NULL) AS leaders,
         count(*) FILTER (WHERE e.revoked_at IS NOT NULL) AS revoked
  FROM @extschema@.ranking r
  JOIN @extschema@.evaluation_plan p ON p.id = r.plan AND p.status = 'published'
  JOIN @extschema@.ranking_entry e ON e.ranking = r.id AND e.tier = 'leader'
  WHERE r.id = (SELECT max(r2.id) FROM @extschema@.ranking r2 WHERE r2.plan = r.plan)
  GROUP BY e.enterprise
), per_check AS (
  SELECT c.enterprise, count(*) AS failing
  FROM @extschema@.spot_check c
  WHERE NOT c.conforms
  GROUP BY c.enterprise
), per_feedback AS (
  SELECT f.enterprise, f.open FROM @extschema@.open_feedback() f
), per_finding AS (
  SELECT f.enterprise, f.findings, f.open_findings, f.unrectified_findings FROM @extschema@.finding_counts() f
)
SELECT ent.division,
       @extschema@.division_name(ent.division) AS division_name,
       count(*) AS enterprises,
       coalesce(sum(pc.disclosures), 0)::bigint AS current_disclosures,
       coalesce(sum(pc.own_standard), 0)::bigint AS own_standard_disclosures,
       coalesce(sum(pc.floor_compared), 0)::bigint AS floor_compared,
       coalesce(sum(pc.floor_stricter), 0)::bigint AS stricter_than_floor,
       round(sum(pc.floor_stricter) / nullif(sum(pc.floor_compared), 0), 4) AS stricter_share,
       coalesce(sum(pl.leaders), 0)::bigint AS leaders,
       coalesce(sum(pl.revoked), 0)::bigint AS revoked_leaders,
       coalesce(sum(ck.failing), 0)::bigint AS failing_spot_checks,
       coalesce(sum(fb.open), 0)::bigint AS open_feedback,
       -- 0.2.0 (issue 20), after the 0.1.0 columns
       coalesce(sum(fi.findings), 0)::bigint AS inspection_findings,
       coalesce(sum(fi.open_findings), 0)::bigint AS open_findings,
       coalesce(sum(fi.unrectified_findings), 0)::bigint AS unrectified_findings
FROM ent
LEFT JOIN per_cur pc ON pc.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_lead pl ON pl.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_check ck ON ck.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_feedback fb ON fb.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_finding fi ON fi.enterprise OPERATOR(@extschema@.=) ent.uscc
GROUP BY ent.division;
COMMENT ON VIEW @extschema@.district_report IS
  'district-level quality assessment: per administrative division (enterprise.region, else the USCC''s division code) the enterprises, current disclosures, own-standard disclosures, how many are stricter than the mandatory floor, current and revoked leaders, failing spot checks, open reports and the findings of published inspection campaigns (plain column types)';
COMMENT ON COLUMN @extschema@.district_report.division IS 'administrative division code (GB/T 2260, 6 digits): enterprise.region, else positions 3-8 of the USCC';
COMMENT ON COLUMN @extschema@.district_report.division_name IS 'name of the division for the bundled codes (Beijing''s 16 districts), else NULL';
COMMENT ON COLUMN @extschema@.district_report.enterprises IS 'enterprises registered in the division (table enterprise)';
COMMENT ON COLUMN @extschema@.district_report.current_disclosures IS 'disclosures of those enterprises with status published (current: not withdrawn, not superseded)';
COMMENT ON COLUMN @extschema@.district_report.own_standard_disclosures IS 'current disclosures executing an enterprise standard of their own (std_kind = enterprise, Q/ numbers)';
COMMENT ON COLUMN @extschema@.district_report.floor_compared IS 'current disclosures with at least one disclosed indicator that an in-force mandatory standard also sets (the mandatory floor)';
COMMENT ON COLUMN @extschema@.district_report.stricter_than_floor IS 'of floor_compared, disclosures strictly stricter (compare() = stricter) than every in-force mandatory requirement of at least one such indicator, by any margin';
COMMENT ON COLUMN @extschema@.district_report.stricter_share IS 'stricter_than_floor / floor_compared, rounded to 4 decimals; NULL when floor_compared is 0';
COMMENT ON COLUMN @extschema@.district_report.leaders IS 'leader entries, not revoked, of the enterprises in the latest published list of every published (not closed) plan';
COMMENT ON COLUMN @extschema@.district_report.revoked_leaders IS 'leader entries of those lists that were revoked';
COMMENT ON COLUMN @extschema@.district_report.failing_spot_checks IS 'spot checks of the enterprises'' disclosures that did not conform (all time)';
COMMENT ON COLUMN @extschema@.district_report.open_feedback IS 'reports about the enterprises not decided yet (received or under_review)';
COMMENT ON COLUMN @extschema@.district_report.inspection_findings IS 'findings on the enterprises in published inspection campaigns (all time; finding_counts())';
COMMENT ON COLUMN @extschema@.district_report.open_findings IS 'of those, findings not rectified: follow-up pending or not_rectified';
COMMENT ON COLUMN @extschema@.district_report.unrectified_findings IS 'of those, findings whose rectification deadline passed without a rectified follow-up: not_rectified, or still pending after the deadline';

CREATE VIEW @extschema@.enterprise_record AS
SELECT en.uscc::text AS enterprise, en.name AS enterprise_name,
       coalesce(en.region, @extschema@.uscc_region(en.uscc)) AS division,
       extract(year FROM r.published_at)::int AS year,
       p.code AS plan, p.title AS plan_title, p.agency, p.category, p.status AS plan_status,
       r.id AS ranking, r.published_at, e.rank, e.score, e.disclosure, d.product,
       d.standard::text AS standard, d.status AS disclosure_status,
       CASE WHEN e.revoked_at IS NOT NULL THEN 'revoked'
            WHEN p.status = 'published' THEN 'current'
            ELSE 'expired' END AS designation,
       e.revoked_at, e.revoke_reason
FROM @extschema@.ranking r
JOIN @extschema@.evaluation_plan p ON p.id = r.plan
JOIN @extschema@.ranking_entry e ON e.ranking = r.id AND e.tier = 'leader'
JOIN @extschema@.disclosure d ON d.enterprise OPERATOR(@extschema@.=) e.enterprise AND d.id = e.disclosure
JOIN @extschema@.enterprise en ON en.uscc OPERATOR(@extschema@.=) e.enterprise
WHERE r.id = (SELECT max(r2.id) FROM @extschema@.ranking r2 WHERE r2.plan = r.plan);
COMMENT ON VIEW @extschema@.enterprise_record IS
  'leader (领跑者) designations per enterprise, by year and plan, for quality awards, subsidy priority and government procurement lists: every leader entry of the latest published list of every plan, current, expired (plan closed) or revoked (plain column types)';
COMMENT ON COLUMN @extschema@.enterprise_record.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.enterprise_record.enterprise_name IS 'enterprise name';
COMMENT ON COLUMN @extschema@.enterprise_record.division IS 'administrative division code of the enterprise (region, else from the USCC)';
COMMENT ON COLUMN @extschema@.enterprise_record.year IS 'year the list was published (database clock, session time zone)';
COMMENT ON COLUMN @extschema@.enterprise_record.plan IS 'plan code';
COMMENT ON COLUMN @extschema@.enterprise_record.plan_title IS 'plan title';
COMMENT ON COLUMN @extschema@.enterprise_record.agency IS 'evaluation agency';
COMMENT ON COLUMN @extschema@.enterprise_record.category IS 'category ranked';
COMMENT ON COLUMN @extschema@.enterprise_record.plan_status IS 'published or closed';
COMMENT ON COLUMN @extschema@.enterprise_record.ranking IS 'id of the published list (the latest of the plan)';
COMMENT ON COLUMN @extschema@.enterprise_record.published_at IS 'when the list was published';
COMMENT ON COLUMN @extschema@.enterprise_record.rank IS '1-based position in the list';
COMMENT ON COLUMN @extschema@.enterprise_record.score IS 'score 0-100';
COMMENT ON COLUMN @extschema@.enterprise_record.disclosure IS 'the disclosure designated';
COMMENT ON COLUMN @extschema@.enterprise_record.product IS 'product';
COMMENT ON COLUMN @extschema@.enterprise_record.standard IS 'standard the product executes';
COMMENT ON COLUMN @extschema@.enterprise_record.disclosure_status IS 'status of the disclosure today (published, withdrawn, superseded)';
COMMENT ON COLUMN @extschema@.enterprise_record.designation IS 'current (plan published, entry not revoked), expired (plan closed) or revoked (revocation wins over expiry)';
COMMENT ON COLUMN @extschema@.enterprise_record.revoked_at IS 'when the designation was revoked';
COMMENT ON COLUMN @extschema@.enterprise_record.revoke_reason IS 'why it was revoked';

CREATE VIEW @extschema@.category_report AS
WITH cur AS (
  SELECT d.id, d.enterprise, d.category FROM @extschema@.disclosure d WHERE d.status = 'published'
), intl AS (
  -- a current disclosed indicator against every in-force international or foreign requirement
  SELECT cur.category, di.disclosure, di.indicator,
         bool_and(@extschema@.compare(di.requirement, f.requirement) IN ('stricter', 'equal')) AS at_least_as_strict
  FROM cur
  JOIN @extschema@.disclosed_indicator di ON di.enterprise OPERATOR(@extschema@.=) cur.enterprise AND di.disclosure = cur.id
  JOIN @extschema@.requirement_in_force_typed f ON f.category = cur.category AND f.indicator = di.indicator
                                         AND f.kind IN ('international', 'foreign')
  GROUP BY cur.category, di.enterprise, di.disclosure, di.indicator
), per_cur AS (
  SELECT cur.category, count(*) AS disclosures, count(DISTINCT cur.enterprise) AS enterprises
  FROM cur GROUP BY cur.category
), per_plan AS (
  SELECT p.category,
         count(*) FILTER (WHERE p.status IN ('published', 'closed')) AS plans,
         count(*) FILTER (WHERE p.status = 'under_review') AS plans_under_review
  FROM @extschema@.evaluation_plan p GROUP BY p.category
), per_list AS (
  SELECT p.category, count(*) AS lists_published
  FROM @extschema@.ranking r JOIN @extschema@.evaluation_plan p ON p.id = r.plan GROUP BY p.category
), per_leader AS (
  SELECT l.category, count(*) AS leaders FROM @extschema@.current_leaders l GROUP BY l.category
), per_intl AS (
  SELECT intl.category, count(*) AS compared, count(*) FILTER (WHERE intl.at_least_as_strict) AS at_least_as_strict
  FROM intl GROUP BY intl.category
)
-- (each count per category first, then joined: on a distributed registry no
-- subquery is correlated with the categories, a reference table)
SELECT c.code AS category, c.name AS category_name,
       coalesce(pc.disclosures, 0) AS disclosures,
       coalesce(pc.enterprises, 0) AS enterprises,
       coalesce(pp.plans, 0) AS plans,
       coalesce(pp.plans_under_review, 0) AS plans_under_review,
       coalesce(pl.lists_published, 0) AS lists_published,
       coalesce(le.leaders, 0) AS leaders,
       coalesce(pi.compared, 0) AS intl_compared,
       coalesce(pi.at_least_as_strict, 0) AS intl_at_least_as_strict,
       round(pi.at_least_as_strict::numeric / nullif(pi.compared, 0), 4) AS intl_share
FROM @extschema@.category c
LEFT JOIN per_cur pc ON pc.category = c.code
LEFT JOIN per_plan pp ON pp.category = c.code
LEFT JOIN per_list pl ON pl.category = c.code
LEFT JOIN per_leader le ON le.category = c.code
LEFT JOIN per_intl pi ON pi.category = c.code;
COMMENT ON VIEW @extschema@.category_report IS
  'per product category: current disclosures, plans, published lists, current leaders, and how current disclosures compare with in-force international and foreign standards (plain column types)';
COMMENT ON COLUMN @extschema@.category_report.category IS 'category code';
COMMENT ON COLUMN @extschema@.category_report.category_name IS 'category name';
COMMENT ON COLUMN @extschema@.category_report.disclosures IS 'current disclosures (status published) of the category';
COMMENT ON COLUMN @extschema@.category_report.enterprises IS 'distinct enterprises with a current disclosure of the category';
COMMENT ON COLUMN @extschema@.category_report.plans IS 'evaluation plans of the category that are published or closed';
COMMENT ON COLUMN @extschema@.category_report.plans_under_review IS 'plans of the category under expert review (in public notice)';
COMMENT ON COLUMN @extschema@.category_report.lists_published IS 'ranking lists published for the category''s plans (every publication counts)';
COMMENT ON COLUMN @extschema@.category_report.leaders IS 'current leaders (view current_leaders) of the category';
COMMENT ON COLUMN @extschema@.category_report.intl_compared IS 'current disclosed indicators (disclosure, indicator) for which an in-force international or foreign standard sets a requirement';
COMMENT ON COLUMN @extschema@.category_report.intl_at_least_as_strict IS 'of intl_compared, those at least as strict (compare() stricter or equal) as every such requirement';
COMMENT ON COLUMN @extschema@.category_report.intl_share IS 'intl_at_least_as_strict / intl_compared, rounded to 4 decimals; NULL when intl_compared is 0';
