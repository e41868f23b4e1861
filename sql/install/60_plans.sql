-- Evaluation plans (rule 7): what an evaluation agency ranks, on which core
-- indicators, and how the tiers are cut; the expert review of a plan
-- (plan_review) and the plan workflow draft → under_review → published →
-- closed: a plan under review is frozen and publicly noticed, it is
-- published once it has its expert approvals and its notice period is over;
-- a published plan is immutable.  Ranking a published plan is 61_ranking.sql.

-- evaluation_plan -------------------------------------------------------------
CREATE TABLE @extschema@.evaluation_plan (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code           text NOT NULL CONSTRAINT evaluation_plan_code_key UNIQUE
                 CONSTRAINT evaluation_plan_code_check CHECK (code ~ '^\S+$'),
  agency         text NOT NULL CONSTRAINT evaluation_plan_agency_check CHECK (btrim(agency) <> ''),
  category       text NOT NULL REFERENCES @extschema@.category (code) ON UPDATE CASCADE,
  title          text NOT NULL CONSTRAINT evaluation_plan_title_check CHECK (btrim(title) <> ''),
  deadline       timestamptz NOT NULL,
  leader_cap     int NOT NULL DEFAULT 5 CONSTRAINT evaluation_plan_leader_cap_check CHECK (leader_cap >= 1),
  exclusion_days int NOT NULL DEFAULT 365 CONSTRAINT evaluation_plan_exclusion_days_check CHECK (exclusion_days >= 0),
  style          text NOT NULL DEFAULT 'cutoffs'
                 CONSTRAINT evaluation_plan_style_check CHECK (style IN ('cutoffs', 'best_in_market')),
  status         text NOT NULL DEFAULT 'draft'
                 CONSTRAINT evaluation_plan_status_check CHECK (status IN ('draft', 'under_review', 'published', 'closed')),
  required_approvals int NOT NULL DEFAULT 3
                 CONSTRAINT evaluation_plan_required_approvals_check CHECK (required_approvals >= 0),
  notice_days    int NOT NULL DEFAULT 0 CONSTRAINT evaluation_plan_notice_days_check CHECK (notice_days >= 0),
  review_round   int NOT NULL DEFAULT 0 CONSTRAINT evaluation_plan_review_round_check CHECK (review_round >= 0),
  review_started_at timestamptz,
  notice_ends_at timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  published_at   timestamptz,
  closed_at      timestamptz,
  CONSTRAINT evaluation_plan_published_check CHECK ((status IN ('draft', 'under_review')) = (published_at IS NULL)),
  CONSTRAINT evaluation_plan_closed_check CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CONSTRAINT evaluation_plan_review_check CHECK ((status = 'under_review') <= (review_started_at IS NOT NULL AND notice_ends_at IS NOT NULL))
);
COMMENT ON TABLE @extschema@.evaluation_plan IS
  'evaluation plans (评估方案): an agency ranks the disclosures of one category on core indicators; draft → published → closed, immutable once published (rule 7)';
COMMENT ON COLUMN @extschema@.evaluation_plan.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.evaluation_plan.code IS 'plan code, unique, no spaces (what rank_plan() and publish_ranking() take)';
COMMENT ON COLUMN @extschema@.evaluation_plan.agency IS 'the evaluation agency (评估机构) that owns the plan';
COMMENT ON COLUMN @extschema@.evaluation_plan.category IS 'the product or service category ranked';
COMMENT ON COLUMN @extschema@.evaluation_plan.title IS 'title of the plan';
COMMENT ON COLUMN @extschema@.evaluation_plan.deadline IS 'disclosures published after it are not eligible; spot-check exclusion is judged at it';
COMMENT ON COLUMN @extschema@.evaluation_plan.leader_cap IS 'at most this many leaders, ties at the cap kept (§5 step 7)';
COMMENT ON COLUMN @extschema@.evaluation_plan.exclusion_days IS 'a failing spot check sampled on day S excludes the enterprise when S <= deadline < S + exclusion_days (rule 6)';
COMMENT ON COLUMN @extschema@.evaluation_plan.style IS
  'cutoffs: each tier cut by an absolute cutoff or a fraction per indicator; best_in_market: the leader cutoff of every indicator is the best disclosed level (Top Runner style), advanced and baseline as in cutoffs';
COMMENT ON COLUMN @extschema@.evaluation_plan.status IS 'draft (editable), under_review (frozen, publicly noticed, expert reviews recorded in plan_review; back to draft or on to published), published (immutable, can be ranked and its rankings published), closed (final)';
COMMENT ON COLUMN @extschema@.evaluation_plan.required_approvals IS 'number of distinct reviewers whose latest verdict in the current review round must be approve before publication (default 3); a plan with 0 and notice_days 0 may be published straight from draft';
COMMENT ON COLUMN @extschema@.evaluation_plan.notice_days IS 'public notice period (公示期) in days: the plan must have been under review at least this long (notice_ends_at) before it is published';
COMMENT ON COLUMN @extschema@.evaluation_plan.review_round IS 'set by the database: incremented each time the plan is submitted for review (draft → under_review); reviews count only in the current round';
COMMENT ON COLUMN @extschema@.evaluation_plan.review_started_at IS 'set by the database clock when the plan went under review (start of the public notice); NULL while a draft';
COMMENT ON COLUMN @extschema@.evaluation_plan.notice_ends_at IS 'set by the database: review_started_at + notice_days days, the earliest time the plan may be published; NULL while a draft';
COMMENT ON COLUMN @extschema@.evaluation_plan.created_at IS 'when the plan was entered (database clock)';
COMMENT ON COLUMN @extschema@.evaluation_plan.published_at IS 'set by the database clock at publication';
COMMENT ON COLUMN @extschema@.evaluation_plan.closed_at IS 'set by the database clock when the plan is closed';
CREATE INDEX evaluation_plan_category_idx ON @extschema@.evaluation_plan (category);

-- plan_indicator --------------------------------------------------------------
CREATE TABLE @extschema@.plan_indicator (
  plan              bigint NOT NULL REFERENCES @extschema@.evaluation_plan (id) ON DELETE CASCADE,
  indicator         text NOT NULL,
  weight            numeric NOT NULL DEFAULT 1
                    CONSTRAINT plan_indicator_weight_check CHECK (weight > 0 AND weight <> 'Infinity'),
  unit              text,
  leader_cutoff     @extschema@.indicator,
  advanced_cutoff   @extschema@.indicator,
  baseline_cutoff   @extschema@.indicator,
  leader_fraction   numeric DEFAULT 0.05,
  advanced_fraction numeric DEFAULT 0.20,
  baseline_fraction numeric DEFAULT 0.50,
  PRIMARY KEY (plan, indicator),
  CONSTRAINT plan_indicator_fraction_check CHECK (
    leader_fraction > 0 AND leader_fraction <= 1 AND
    advanced_fraction > 0 AND advanced_fraction <= 1 AND
    baseline_fraction > 0 AND baseline_fraction <= 1),
  CONSTRAINT plan_indicator_leader_check CHECK (num_nonnulls(leader_cutoff, leader_fraction) = 1),
  CONSTRAINT plan_indicator_advanced_check CHECK (num_nonnulls(advanced_cutoff, advanced_fraction) = 1),
  CONSTRAINT plan_indicator_baseline_check CHECK (num_nonnulls(baseline_cutoff, baseline_fraction) = 1),
  CONSTRAINT plan_indicator_fraction_order_check CHECK (
    leader_fraction <= advanced_fraction AND advanced_fraction <= baseline_fraction)
);
COMMENT ON TABLE @extschema@.plan_indicator IS
  'core indicators (核心指标) of a plan, their weights and how each tier is cut: an absolute cutoff (an indicator) or a fraction of the eligible disclosures';
COMMENT ON COLUMN @extschema@.plan_indicator.plan IS 'the plan';
COMMENT ON COLUMN @extschema@.plan_indicator.indicator IS 'indicator key, defined for the plan''s category (indicator_def.key)';
COMMENT ON COLUMN @extschema@.plan_indicator.weight IS 'weight of the indicator in the score (> 0)';
COMMENT ON COLUMN @extschema@.plan_indicator.unit IS 'unit levels are expressed in; NULL: indicator_def.unit (one of them must be set when the plan is published)';
COMMENT ON COLUMN @extschema@.plan_indicator.leader_cutoff IS 'absolute leader cutoff: a disclosure reaches leader on this indicator when its requirement <@ the cutoff; replaces leader_fraction';
COMMENT ON COLUMN @extschema@.plan_indicator.advanced_cutoff IS 'absolute advanced cutoff (<@); replaces advanced_fraction';
COMMENT ON COLUMN @extschema@.plan_indicator.baseline_cutoff IS 'absolute baseline cutoff (<@); replaces baseline_fraction';
COMMENT ON COLUMN @extschema@.plan_indicator.leader_fraction IS 'fraction p: the leader cutoff is the level at position ceil(p·n), best first; set to NULL when leader_cutoff is given';
COMMENT ON COLUMN @extschema@.plan_indicator.advanced_fraction IS 'fraction for the advanced cutoff (default 0.20); NULL when advanced_cutoff is given';
COMMENT ON COLUMN @extschema@.plan_indicator.baseline_fraction IS 'fraction for the baseline cutoff (default 0.50); NULL when baseline_cutoff is given';

-- rule 7 and the plan workflow --------------------------------------------------
CREATE FUNCTION @extschema@.plan_immutable_error(plan_id bigint, plan_code text, plan_status text, what text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'rule 7 (immutability): % plan % cannot be changed', plan_status, plan_code
    USING ERRCODE = 'FR007',
          DETAIL = format('Plan %s (id %s) has status %s; refused: %s.', plan_code, plan_id, plan_status, what),
          HINT = CASE plan_status
                   WHEN 'published' THEN 'A published plan only moves to closed (UPDATE … SET status = ''closed''); enter a new plan for other changes.'
                   WHEN 'under_review' THEN 'A plan under review is frozen: take it back to draft (UPDATE … SET status = ''draft''), change it and resubmit it (a new review round), or publish it.'
                   ELSE 'A closed plan is final; enter a new plan.' END,
          TABLE = 'evaluation_plan';
END
$$;
COMMENT ON FUNCTION @extschema@.plan_immutable_error(bigint, text, text, text) IS
  'raises FR007 (rule 7) for a change of a plan under review, published or closed; used by the plan triggers';

-- a plan by id -------------------------------------------------------------------
CREATE FUNCTION @extschema@.plan_row(plan_id bigint) RETURNS @extschema@.evaluation_plan
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
BEGIN
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.id = plan_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no evaluation plan with id %', plan_id
      USING ERRCODE = 'P0002', DETAIL = format('No row of table evaluation_plan has id %s.', plan_id),
            HINT = 'See table evaluation_plan.';
  END IF;
  RETURN p;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_row(bigint) IS
  'the evaluation plan with this id; raises P0002 when there is none (plan_id() looks a plan up by its code)';

-- a plan, locked --------------------------------------------------------------------
CREATE FUNCTION @extschema@.plan_for_share(plan_id bigint, for_verdict boolean DEFAULT false)
RETURNS @extschema@.evaluation_plan
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  copy text := 'frontrunner.evaluation_plan';
BEGIN
  IF frontrunner.citus_distributed() THEN
    -- evaluation_plan is a reference table and the triggers of the plan's
    -- rows fire on their copy on every node: each locks the plan in its own
    -- node's copy (a lock through Citus would take every copy, from every
    -- node at once)
    EXECUTE $q$SELECT pg_catalog.format('frontrunner.%I', 'evaluation_plan_' || s.shardid)
               FROM pg_catalog.pg_dist_shard s WHERE s.logicalrelid = 'frontrunner.evaluation_plan'::pg_catalog.regclass$q$
      INTO copy;
  END IF;
  IF for_verdict THEN
    -- a no-op UPDATE, not a share lock: a concurrent publication or return
    -- to draft waits for it and, under REPEATABLE READ, fails with 40001
    EXECUTE pg_catalog.format('UPDATE %s e SET review_round = e.review_round WHERE e.id = $1 RETURNING e.*', copy)
      INTO p USING plan_id;
  ELSE
    EXECUTE pg_catalog.format('SELECT e.* FROM %s e WHERE e.id = $1 FOR SHARE', copy) INTO p USING plan_id;
  END IF;
  RETURN p;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_for_share(bigint, boolean) IS
  'the evaluation plan with this id, locked FOR SHARE, or with for_verdict after a no-op UPDATE of its row (which orders a verdict with the plan''s publication or return to draft); on a distributed registry in this node''s copy of the reference table; all columns NULL when there is none: what the triggers of its core indicators and reviews read';

-- the core indicators of a plan, numbered ---------------------------------------
CREATE FUNCTION @extschema@.plan_core_indicators(plan_id bigint)
RETURNS TABLE (k int, indicator text, direction @extschema@.direction, unit text, weight numeric,
               leader_cutoff @extschema@.indicator, advanced_cutoff @extschema@.indicator,
               baseline_cutoff @extschema@.indicator, leader_fraction numeric,
               advanced_fraction numeric, baseline_fraction numeric)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT (row_number() OVER (ORDER BY i.indicator))::int, i.indicator, d.direction,
         coalesce(i.unit, d.unit), i.weight, i.leader_cutoff, i.advanced_cutoff, i.baseline_cutoff,
         i.leader_fraction, i.advanced_fraction, i.baseline_fraction
  FROM frontrunner.plan_indicator i
  JOIN frontrunner.evaluation_plan e ON e.id = i.plan
  JOIN frontrunner.indicator_def d ON d.category = e.category AND d.key = i.indicator
  WHERE i.plan = $1
  ORDER BY i.indicator
$$;
COMMENT ON FUNCTION @extschema@.plan_core_indicators(bigint) IS
  'the core indicators of a plan in key order, numbered k = 1, 2, … (the column suffix in ranking_query()), with direction, the unit levels are ranked in (plan_indicator.unit, else indicator_def.unit) and the cutoffs';

CREATE FUNCTION @extschema@.plan_publication_check(plan_id bigint)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  r record;
BEGIN
  p := frontrunner.plan_row(plan_id);
  PERFORM FROM frontrunner.plan_indicator i WHERE i.plan = plan_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'rule 7 (plan): plan % has no core indicator', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (category %s) has no rows in plan_indicator.', p.code, p.category),
            HINT = 'Insert the core indicators into plan_indicator before publishing the plan.',
            TABLE = 'plan_indicator';
  END IF;
  FOR r IN SELECT c.*, c.unit AS u FROM frontrunner.plan_core_indicators(plan_id) c LOOP
    IF r.u IS NULL THEN
      RAISE EXCEPTION 'rule 7 (plan): core indicator "%" of plan % has no unit', r.indicator, p.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Neither plan_indicator.unit nor indicator_def.unit is set for %s / %s; levels of different disclosures would be in different units.', p.category, r.indicator),
              HINT = 'Set plan_indicator.unit (or indicator_def.unit) to the unit levels are ranked in, e.g. ''mg/kg''; '''' for plain numbers.',
              TABLE = 'plan_indicator', COLUMN = 'unit';
    END IF;
    IF p.style = 'best_in_market' AND r.leader_cutoff IS NOT NULL THEN
      RAISE EXCEPTION 'rule 7 (plan): plan % is best_in_market but indicator "%" has an absolute leader cutoff', p.code, r.indicator
        USING ERRCODE = 'FR007',
              DETAIL = format('Its leader_cutoff is %s; in a best_in_market plan the leader cutoff is the best disclosed level.', r.leader_cutoff),
              HINT = 'Remove the leader cutoff, or use style ''cutoffs''.',
              TABLE = 'plan_indicator', COLUMN = 'leader_cutoff';
    END IF;
    -- absolute cutoffs: commensurable with the unit, and nested leader ⊆ advanced ⊆ baseline
    IF (r.leader_cutoff IS NOT NULL AND NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(r.leader_cutoff), r.u), r.u))
       OR (r.advanced_cutoff IS NOT NULL AND NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(r.advanced_cutoff), r.u), r.u))
       OR (r.baseline_cutoff IS NOT NULL AND NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(r.baseline_cutoff), r.u), r.u)) THEN
      RAISE EXCEPTION 'rule 7 (plan): a cutoff of indicator "%" of plan % is not in a unit of %', r.indicator, p.code, quote_literal(r.u)
        USING ERRCODE = 'FR007',
              DETAIL = format('The cutoffs are leader %s, advanced %s, baseline %s; levels are in %s (%s).',
                              coalesce(r.leader_cutoff::text, '-'), coalesce(r.advanced_cutoff::text, '-'),
                              coalesce(r.baseline_cutoff::text, '-'), quote_literal(r.u), frontrunner.unit_dimension(r.u)),
              HINT = 'Write the cutoffs in a unit of the same quantity as the indicator.',
              TABLE = 'plan_indicator';
    END IF;
    IF (r.leader_cutoff IS NOT NULL AND r.advanced_cutoff IS NOT NULL
        AND NOT (r.leader_cutoff OPERATOR(frontrunner.<@) r.advanced_cutoff))
       OR (r.advanced_cutoff IS NOT NULL AND r.baseline_cutoff IS NOT NULL
        AND NOT (r.advanced_cutoff OPERATOR(frontrunner.<@) r.baseline_cutoff))
       OR (r.leader_cutoff IS NOT NULL AND r.baseline_cutoff IS NOT NULL
        AND NOT (r.leader_cutoff OPERATOR(frontrunner.<@) r.baseline_cutoff)) THEN
      RAISE EXCEPTION 'rule 7 (plan): the absolute cutoffs of indicator "%" of plan % are not nested', r.indicator, p.code
        USING ERRCODE = 'FR007',
              DETAIL = format('The cutoffs are leader %s, advanced %s, baseline %s.',
                              coalesce(r.leader_cutoff::text, '-'), coalesce(r.advanced_cutoff::text, '-'),
                              coalesce(r.baseline_cutoff::text, '-')),
              HINT = 'A better tier''s cutoff must be at least as strict (<@) as a worse tier''s.',
              TABLE = 'plan_indicator';
    END IF;
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_publication_check(bigint) IS
  'the checks made when a plan is published: at least one core indicator, a unit for each, absolute cutoffs commensurable and nested, no absolute leader cutoff in a best_in_market plan; raises FR007 or P0002';

-- the regulator's review policy ---------------------------------------------------
-- The minimum expert review a plan needs, set by the regulator alone: the
-- agency that owns a plan chooses its required_approvals and notice_days, but
-- never below the minimum for the plan's category (its row in review_policy,
-- else the row with category NULL, else 3 approvals and no notice).  Checked
-- when a plan is written, submitted and published (plan_policy_check()).
CREATE TABLE @extschema@.review_policy (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  category        text CONSTRAINT review_policy_category_key UNIQUE NULLS NOT DISTINCT
                  REFERENCES @extschema@.category (code) ON UPDATE CASCADE ON DELETE CASCADE,
  min_approvals   int NOT NULL CONSTRAINT review_policy_min_approvals_check CHECK (min_approvals >= 0),
  min_notice_days int NOT NULL CONSTRAINT review_policy_min_notice_days_check CHECK (min_notice_days >= 0),
  note            text,
  set_by          name NOT NULL DEFAULT current_user,
  set_at          timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.review_policy IS
  'the regulator''s review policy: the fewest expert approvals and public notice days an evaluation plan of a category may require (row with category NULL: every category without a row of its own; no row at all: 3 approvals, 0 days); written by regulators only, read by everyone';
COMMENT ON COLUMN @extschema@.review_policy.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.review_policy.category IS 'the category the minimum applies to; NULL: the default for every category without a row (one such row at most)';
COMMENT ON COLUMN @extschema@.review_policy.min_approvals IS 'a plan of the category requires at least this many approvals (evaluation_plan.required_approvals)';
COMMENT ON COLUMN @extschema@.review_policy.min_notice_days IS 'a plan of the category has a public notice of at least this many days (evaluation_plan.notice_days)';
COMMENT ON COLUMN @extschema@.review_policy.note IS 'the regulator''s reference for the policy (a notice number, a reason)';
COMMENT ON COLUMN @extschema@.review_policy.set_by IS 'current_user who last wrote the row (set by the database)';
COMMENT ON COLUMN @extschema@.review_policy.set_at IS 'database clock of the last write; client values are ignored';

CREATE FUNCTION @extschema@.review_policy_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  NEW.set_by := current_user;
  NEW.set_at := frontrunner.clock();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.review_policy_before_write() IS
  'trigger: a review policy row is stamped with current_user and the database clock';
CREATE TRIGGER review_policy_10_stamp BEFORE INSERT OR UPDATE ON @extschema@.review_policy
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.review_policy'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.review_policy_before_write();

CREATE FUNCTION @extschema@.review_minimum(category text)
RETURNS TABLE (min_approvals int, min_notice_days int, policy text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT x.min_approvals, x.min_notice_days, x.policy
  FROM (SELECT r.min_approvals, r.min_notice_days,
               CASE WHEN r.category IS NULL THEN 'the regulator''s default policy (review_policy ' || r.id || ')'
                    ELSE format('the regulator''s policy for category %s (review_policy %s)', r.category, r.id) END,
               CASE WHEN r.category IS NULL THEN 2 ELSE 1 END
        FROM frontrunner.review_policy r
        WHERE r.category = $1 OR r.category IS NULL
        UNION ALL
        SELECT 3, 0, 'the built-in minimum (no row in review_policy)', 3) x(min_approvals, min_notice_days, policy, o)
  ORDER BY x.o
  LIMIT 1
$$;
COMMENT ON FUNCTION @extschema@.review_minimum(text) IS
  'the review minimum that applies to plans of a category: its review_policy row, else the row with category NULL, else 3 approvals and 0 notice days; policy says which';

CREATE FUNCTION @extschema@.plan_policy_check(plan_code text, category text, required_approvals int, notice_days int)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  m record;
BEGIN
  SELECT * INTO m FROM frontrunner.review_minimum(category);
  -- (negative numbers are the CHECK constraints' to report)
  IF required_approvals BETWEEN 0 AND m.min_approvals - 1 OR notice_days BETWEEN 0 AND m.min_notice_days - 1 THEN
    RAISE EXCEPTION 'rule 7 (review policy): plan % asks for less review than the regulator''s minimum', plan_code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (category %s) requires %s approval(s) and %s notice day(s); %s is %s approval(s) and %s day(s).',
                            plan_code, category, required_approvals, notice_days, m.policy, m.min_approvals, m.min_notice_days),
            HINT = format('Set required_approvals >= %s and notice_days >= %s. Only a regulator changes the minimum (table review_policy).',
                          m.min_approvals, m.min_notice_days),
            TABLE = 'evaluation_plan',
            COLUMN = CASE WHEN required_approvals BETWEEN 0 AND m.min_approvals - 1 THEN 'required_approvals' ELSE 'notice_days' END;
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_policy_check(text, text, int, int) IS
  'raises FR007 when a plan''s required_approvals or notice_days are below review_minimum() of its category; run when a plan is written, submitted and published';

-- expert review (专家评审) -----------------------------------------------------------
CREATE TABLE @extschema@.plan_review (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan        bigint NOT NULL REFERENCES @extschema@.evaluation_plan (id),
  round       int NOT NULL,
  reviewer    text NOT NULL CONSTRAINT plan_review_reviewer_check CHECK (btrim(reviewer) <> ''),
  verdict     text NOT NULL CONSTRAINT plan_review_verdict_check CHECK (verdict IN ('approve', 'reject', 'clear')),
  comments    text,
  reviewed_at timestamptz NOT NULL DEFAULT now(),
  recorded_by name NOT NULL DEFAULT current_user,
  CONSTRAINT plan_review_comments_check CHECK (verdict = 'approve' OR coalesce(btrim(comments), '') <> '')
);
COMMENT ON TABLE @extschema@.plan_review IS
  'expert reviews of evaluation plans (专家评审): one row per verdict, recorded by the regulator while the plan is under review; append-only. In a review round the latest verdict of each reviewer counts; a rejection stays open, across rounds, until the same reviewer approves or a regulator records a clear';
COMMENT ON COLUMN @extschema@.plan_review.id IS 'identity, assigned by the database (order of the verdicts)';
COMMENT ON COLUMN @extschema@.plan_review.plan IS 'the evaluation plan reviewed (must be under review)';
COMMENT ON COLUMN @extschema@.plan_review.round IS 'review round of the plan the verdict belongs to (set by the database from evaluation_plan.review_round)';
COMMENT ON COLUMN @extschema@.plan_review.reviewer IS 'name of the expert (the same spelling in later verdicts of the round replaces the earlier one)';
COMMENT ON COLUMN @extschema@.plan_review.verdict IS 'approve or reject (the expert''s verdict), or clear: a regulator closes the open rejection of the reviewer named, with the reason in comments';
COMMENT ON COLUMN @extschema@.plan_review.comments IS 'the reviewer''s comments (required for a reject), or the regulator''s reason (required for a clear)';
COMMENT ON COLUMN @extschema@.plan_review.reviewed_at IS 'database clock when the verdict was recorded; client values are ignored';
COMMENT ON COLUMN @extschema@.plan_review.recorded_by IS 'current_user who recorded the verdict (set by the database)';
CREATE INDEX plan_review_plan_idx ON @extschema@.plan_review (plan, round, reviewer, id);

CREATE FUNCTION @extschema@.plan_review_before_insert() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
BEGIN
  -- a no-op UPDATE of the plan row orders the verdict with the plan's
  -- publication or return to draft: the later of the two waits for the
  -- earlier and, in READ COMMITTED, sees it; under REPEATABLE READ it fails
  -- with 40001 (a share lock would let a publication whose snapshot predates
  -- the verdict publish over it); on a distributed registry in this node's
  -- copy of the plan
  p := frontrunner.plan_for_share(NEW.plan, for_verdict => true);
  IF p.id IS NULL THEN
    -- NULL: the NOT NULL constraint says so (23502); else the foreign key (23503)
    NEW.round := coalesce(NEW.round, 0);
    RETURN NEW;
  END IF;
  IF NEW.verdict = 'clear' THEN
    -- a regulator closes an open rejection (whatever the round), while the plan can still be published
    IF p.status NOT IN ('draft', 'under_review') THEN
      RAISE EXCEPTION 'rule 7 (plan review): plan % is %', p.code, p.status
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s (id %s) has status %s; the clear of %s''s rejection is refused.', p.code, p.id, p.status, NEW.reviewer),
              HINT = 'Rejections are cleared while a plan is a draft or under review.',
              TABLE = 'plan_review', COLUMN = 'verdict';
    END IF;
    PERFORM FROM frontrunner.plan_open_rejections(p.id) o WHERE o.reviewer = NEW.reviewer;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'rule 7 (plan review): % has no open rejection of plan %', NEW.reviewer, p.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Open rejections of plan %s: %s.', p.code,
                              coalesce((SELECT string_agg(format('%s (round %s)', o.reviewer, o.round), ', ' ORDER BY o.reviewer)
                                        FROM frontrunner.plan_open_rejections(p.id) o), 'none')),
              HINT = 'A clear names the reviewer whose rejection it closes.',
              TABLE = 'plan_review', COLUMN = 'reviewer';
    END IF;
  ELSIF p.status <> 'under_review' THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % is not under review', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (id %s) has status %s; verdict %s by %s refused.', p.code, p.id, p.status, NEW.verdict, NEW.reviewer),
            HINT = CASE p.status WHEN 'draft' THEN 'Submit the plan for review first (UPDATE evaluation_plan SET status = ''under_review'').'
                                 ELSE 'Reviews are recorded only while a plan is under review.' END,
            TABLE = 'plan_review', COLUMN = 'plan';
  END IF;
  NEW.round := p.review_round;
  NEW.reviewed_at := frontrunner.clock();
  NEW.recorded_by := current_user;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_review_before_insert() IS
  'trigger: an approve or reject is recorded only while its plan is under review, a clear (a regulator closing an open rejection) while it is a draft or under review (FR007); in the plan''s current round, stamped with the database clock and current_user; a missing plan is left to the NOT NULL constraint and the foreign key';
CREATE TRIGGER plan_review_10_insert BEFORE INSERT ON @extschema@.plan_review
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.plan_review'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.plan_review_before_insert();
CREATE TRIGGER plan_review_10_guard BEFORE UPDATE OR DELETE ON @extschema@.plan_review
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR007',
    'rule 7 (plan review): review {id} of plan {plan} cannot be changed',
    '{op} of the {verdict} by {reviewer} (round {round}, {reviewed_at}) refused.',
    'Reviews are kept as recorded; a reviewer who changes their mind records a new verdict, which replaces the earlier one in the round.');
CREATE TRIGGER plan_review_30_truncate BEFORE TRUNCATE ON @extschema@.plan_review
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007');

CREATE FUNCTION @extschema@.plan_review_state(plan_id bigint)
RETURNS TABLE (reviewer text, verdict text, comments text, reviewed_at timestamptz)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT DISTINCT ON (r.reviewer) r.reviewer, r.verdict, r.comments, r.reviewed_at
  FROM frontrunner.plan_review r
  JOIN frontrunner.evaluation_plan e ON e.id = r.plan AND r.round = e.review_round
  WHERE r.plan = plan_id
  ORDER BY r.reviewer, r.id DESC
$$;
COMMENT ON FUNCTION @extschema@.plan_review_state(bigint) IS
  'the standing verdict of each reviewer of a plan in its current review round (their latest): approve, or reject (an open rejection)';

CREATE FUNCTION @extschema@.plan_open_rejections(plan_id bigint)
RETURNS TABLE (reviewer text, round int, review bigint, reviewed_at timestamptz, comments text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.reviewer, s.round, s.id, s.reviewed_at, s.comments
  FROM (SELECT DISTINCT ON (r.reviewer) r.reviewer, r.round, r.id, r.reviewed_at, r.comments, r.verdict
        FROM frontrunner.plan_review r
        WHERE r.plan = plan_id
        ORDER BY r.reviewer, r.id DESC) s
  WHERE s.verdict = 'reject'
$$;
COMMENT ON FUNCTION @extschema@.plan_open_rejections(bigint) IS
  'the open rejections of a plan: each reviewer whose latest verdict in any round is reject — a rejection survives the return to draft and resubmission, and is closed only by the same reviewer''s later approve or a regulator''s clear';

CREATE FUNCTION @extschema@.plan_review_check(plan_id bigint)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  m record;
  required int;
  approvals int;
  approvers text;
  rejects text;
BEGIN
  p := frontrunner.plan_row(plan_id);
  SELECT * INTO m FROM frontrunner.review_minimum(p.category);
  required := greatest(p.required_approvals, m.min_approvals);
  SELECT count(*) FILTER (WHERE s.verdict = 'approve'),
         string_agg(s.reviewer, ', ' ORDER BY s.reviewer) FILTER (WHERE s.verdict = 'approve')
    INTO approvals, approvers
  FROM frontrunner.plan_review_state(plan_id) s;
  IF approvals < required THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % has % of the % approvals it requires', p.code, approvals, required
      USING ERRCODE = 'FR007',
            DETAIL = format('Round %s of plan %s: approved by %s.%s', p.review_round, p.code, coalesce(approvers, 'nobody'),
                            CASE WHEN m.min_approvals > p.required_approvals
                                 THEN format(' The plan asks for %s; %s is %s.', p.required_approvals, m.policy, m.min_approvals)
                                 ELSE '' END),
            HINT = 'Record the approvals of further reviewers in plan_review (distinct reviewer names).',
            TABLE = 'plan_review';
  END IF;
  SELECT string_agg(format('%s (round %s, %s: %s)', o.reviewer, o.round, o.reviewed_at, o.comments), '; ' ORDER BY o.reviewer)
    INTO rejects
  FROM frontrunner.plan_open_rejections(plan_id) o;
  IF rejects IS NOT NULL THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % has an open rejection', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (round %s): rejected by %s.', p.code, p.review_round, rejects),
            HINT = 'A rejection stays open, also after the plan went back to draft, until the same reviewer records an approve or a regulator records a clear (verdict ''clear'', the reviewer named, the reason in comments).',
            TABLE = 'plan_review';
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_review_check(bigint) IS
  'publication condition of a reviewed plan: in its current round at least greatest(required_approvals, the regulator''s minimum) distinct reviewers whose latest verdict is approve, and no open rejection (plan_open_rejections(), any round); raises FR007 (or P0002)';

-- the plan workflow ----------------------------------------------------------------
CREATE FUNCTION @extschema@.evaluation_plan_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  frozen text[] := '{status,review_round,review_started_at,notice_ends_at,published_at,closed_at}';
  m record;
  notice_end timestamptz;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'rule 7 (plan workflow): a plan is entered as a draft'
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s inserted with status %s.', NEW.code, NEW.status),
              HINT = 'Insert it as a draft, add its core indicators, submit it for review (UPDATE … SET status = ''under_review''), then publish it.',
              TABLE = 'evaluation_plan', COLUMN = 'status';
    END IF;
    PERFORM frontrunner.plan_policy_check(NEW.code, NEW.category, NEW.required_approvals, NEW.notice_days);
    NEW.published_at := NULL;
    NEW.closed_at := NULL;
    NEW.review_round := 0;
    NEW.review_started_at := NULL;
    NEW.notice_ends_at := NULL;
    NEW.created_at := frontrunner.clock();
    RETURN NEW;
  END IF;

  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      PERFORM frontrunner.plan_immutable_error(OLD.id, OLD.code, OLD.status, 'DELETE');
    END IF;
    RETURN OLD;
  END IF;

  -- UPDATE
  IF NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'rule 7 (plan workflow): the id of a plan cannot change'
      USING ERRCODE = 'FR007', DETAIL = format('Old id: %s; new id: %s.', OLD.id, NEW.id),
            HINT = 'Ids are assigned by the database.', TABLE = 'evaluation_plan', COLUMN = 'id';
  END IF;
  NEW.created_at := OLD.created_at;
  NEW.review_round := OLD.review_round;
  IF OLD.status = 'draft' THEN
    IF NEW.status = 'closed' THEN
      RAISE EXCEPTION 'rule 7 (plan workflow): draft plan % cannot be closed', OLD.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s is a draft.', OLD.code),
              HINT = 'Publish it first, or delete the draft.',
              TABLE = 'evaluation_plan', COLUMN = 'status';
    END IF;
    -- the review asked for: never below the regulator's minimum, and never
    -- lowered once a review has started (a rejection is not escaped by
    -- asking for less review in the next round)
    IF OLD.review_round > 0 AND (NEW.required_approvals < OLD.required_approvals OR NEW.notice_days < OLD.notice_days) THEN
      RAISE EXCEPTION 'rule 7 (review policy): the review plan % asks for cannot be lowered once its review has started', OLD.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s went under review in %s round(s) with required_approvals %s and notice_days %s; the UPDATE sets %s and %s.',
                              OLD.code, OLD.review_round, OLD.required_approvals, OLD.notice_days, NEW.required_approvals, NEW.notice_days),
              HINT = 'After a review round, required_approvals and notice_days only go up.',
              TABLE = 'evaluation_plan',
              COLUMN = CASE WHEN NEW.required_approvals < OLD.required_approvals THEN 'required_approvals' ELSE 'notice_days' END;
    END IF;
    IF NEW.status <> 'draft' OR NEW.category IS DISTINCT FROM OLD.category
       OR NEW.required_approvals IS DISTINCT FROM OLD.required_approvals OR NEW.notice_days IS DISTINCT FROM OLD.notice_days THEN
      PERFORM frontrunner.plan_policy_check(OLD.code, NEW.category, NEW.required_approvals, NEW.notice_days);
    END IF;
    NEW.closed_at := NULL;
    NEW.published_at := NULL;
    NEW.review_started_at := NULL;
    NEW.notice_ends_at := NULL;
    IF NEW.status = 'under_review' THEN
      -- submission: the plan must be publishable; a new review round and the public notice start
      PERFORM frontrunner.plan_publication_check(OLD.id);
      NEW.review_round := OLD.review_round + 1;
      NEW.review_started_at := frontrunner.clock();
      NEW.notice_ends_at := NEW.review_started_at + pg_catalog.make_interval(days => NEW.notice_days);
    ELSIF NEW.status = 'published' THEN
      IF NEW.required_approvals > 0 OR NEW.notice_days > 0 THEN
        RAISE EXCEPTION 'rule 7 (plan review): plan % must be reviewed before it is published', OLD.code
          USING ERRCODE = 'FR007',
                DETAIL = format('Plan %s requires %s approval(s) and a public notice of %s day(s); it is a draft.',
                                OLD.code, NEW.required_approvals, NEW.notice_days),
                HINT = 'Submit it for review (UPDATE … SET status = ''under_review''), record the reviews in plan_review, then publish it. Only a plan with required_approvals = 0 and notice_days = 0 (where the regulator''s minimum allows it) is published straight from draft.',
                TABLE = 'evaluation_plan', COLUMN = 'status';
      END IF;
      PERFORM frontrunner.plan_publication_check(OLD.id);
      IF OLD.review_round > 0 THEN
        PERFORM frontrunner.plan_review_check(OLD.id);  -- rejections of earlier rounds stay open
      END IF;
      NEW.published_at := frontrunner.clock();
    END IF;
    RETURN NEW;
  END IF;

  IF OLD.status = 'under_review' AND NEW.status <> 'under_review'
     AND (pg_catalog.to_jsonb(NEW) - frozen) = (pg_catalog.to_jsonb(OLD) - frozen) THEN
    IF NEW.status = 'draft' THEN
      -- taken back: editable again; the reviews of this round stay on record but no longer count
      NEW.review_started_at := NULL;
      NEW.notice_ends_at := NULL;
      NEW.published_at := NULL;
      NEW.closed_at := NULL;
      RETURN NEW;
    END IF;
    IF NEW.status = 'published' THEN
      PERFORM frontrunner.plan_publication_check(OLD.id);
      -- the regulator's minimum as it is now (raised during the review: the
      -- higher number of approvals and the longer notice)
      PERFORM frontrunner.plan_review_check(OLD.id);
      SELECT * INTO m FROM frontrunner.review_minimum(OLD.category);
      notice_end := greatest(OLD.notice_ends_at, OLD.review_started_at + pg_catalog.make_interval(days => m.min_notice_days));
      IF frontrunner.clock() < notice_end THEN
        RAISE EXCEPTION 'rule 7 (public notice): plan % is in its public notice period until %', OLD.code, notice_end
          USING ERRCODE = 'FR007',
                DETAIL = format('Plan %s went under review at %s with notice_days = %s (%s: at least %s); the notice ends at %s; now is %s.',
                                OLD.code, OLD.review_started_at, OLD.notice_days, m.policy, m.min_notice_days, notice_end, frontrunner.clock()),
                HINT = 'Publish the plan once its public notice period is over.',
                TABLE = 'evaluation_plan', COLUMN = 'status';
      END IF;
      NEW.review_started_at := OLD.review_started_at;
      NEW.notice_ends_at := OLD.notice_ends_at;
      NEW.closed_at := NULL;
      NEW.published_at := frontrunner.clock();
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'rule 7 (plan workflow): plan % under review cannot be closed', OLD.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s is under review (round %s).', OLD.code, OLD.review_round),
            HINT = 'Publish it first, or take it back to draft (status = ''draft'') and delete it.',
            TABLE = 'evaluation_plan', COLUMN = 'status';
  END IF;

  IF OLD.status = 'published' AND NEW.status = 'closed'
     AND (pg_catalog.to_jsonb(NEW) - '{status,closed_at}'::text[])
         = (pg_catalog.to_jsonb(OLD) - '{status,closed_at}'::text[]) THEN
    NEW.closed_at := frontrunner.clock();
    RETURN NEW;
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;  -- a no-op UPDATE changes nothing
  END IF;
  PERFORM frontrunner.plan_immutable_error(OLD.id, OLD.code, OLD.status,
            'UPDATE of ' || (SELECT string_agg(n.k, ', ' ORDER BY n.k)
                             FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
                             WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k));
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.evaluation_plan_before_write() IS
  'trigger: the plan workflow (rule 7) — inserted as draft; drafts editable and deletable, their required_approvals and notice_days never below the regulator''s minimum (plan_policy_check()) and never lowered once a review round has started; submission (draft → under_review) runs plan_publication_check(), opens a review round and the public notice (review_started_at, notice_ends_at); a plan under review is frozen and goes back to draft or on to published, which needs plan_review_check() (no open rejection of any round, the approvals of this round) and the end of the notice (the longer of the plan''s and the minimum''s); draft → published only with required_approvals = 0 and notice_days = 0 and no open rejection; a published plan only closes (closed_at stamped); anything else refused with FR007';
CREATE TRIGGER evaluation_plan_10_write BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.evaluation_plan
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.evaluation_plan'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.evaluation_plan_before_write();
CREATE TRIGGER evaluation_plan_30_truncate BEFORE TRUNCATE ON @extschema@.evaluation_plan
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007');

CREATE FUNCTION @extschema@.plan_indicator_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  row_plan bigint;
BEGIN
  IF TG_OP <> 'DELETE' AND (NEW.plan IS NULL OR NEW.indicator IS NULL) THEN
    RETURN NEW;  -- the NOT NULL constraints say so (23502)
  END IF;
  -- the old row's plan, then the new row's (p is the new row's plan after the loop)
  FOR row_plan IN SELECT u.x FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.plan END,
                                               CASE WHEN TG_OP <> 'DELETE' THEN NEW.plan END]) WITH ORDINALITY u(x, o)
                  WHERE u.x IS NOT NULL GROUP BY u.x ORDER BY max(u.o)
  LOOP
    p := frontrunner.plan_for_share(row_plan);
    IF p.id IS NOT NULL AND p.status <> 'draft' THEN
      PERFORM frontrunner.plan_immutable_error(p.id, p.code, p.status, TG_OP || ' of core indicator ' ||
                CASE WHEN TG_OP = 'DELETE' THEN OLD.indicator ELSE NEW.indicator END);
    END IF;
  END LOOP;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  -- the plan's category defines the indicator (the FK to evaluation_plan reports a missing plan)
  IF p.category IS NOT NULL AND NOT EXISTS (
       SELECT FROM frontrunner.indicator_def d WHERE d.category = p.category AND d.key = NEW.indicator) THEN
    RAISE EXCEPTION 'indicator "%" is not defined for category %', NEW.indicator, p.category
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Plan %s ranks category %s, whose indicators are: %s.', p.code, p.category,
                            coalesce((SELECT string_agg(d.key, ', ' ORDER BY d.key) FROM frontrunner.indicator_def d
                                      WHERE d.category = p.category), 'none')),
            HINT = 'Core indicators are keys of indicator_def for the plan''s category.',
            TABLE = 'plan_indicator', COLUMN = 'indicator';
  END IF;
  -- an absolute cutoff replaces the tier's fraction
  IF NEW.leader_cutoff IS NOT NULL THEN NEW.leader_fraction := NULL; END IF;
  IF NEW.advanced_cutoff IS NOT NULL THEN NEW.advanced_fraction := NULL; END IF;
  IF NEW.baseline_cutoff IS NOT NULL THEN NEW.baseline_fraction := NULL; END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_indicator_before_write() IS
  'trigger: core indicators change only while the plan is a draft (rule 7, FR007); the indicator must be defined for the plan''s category (23503); an absolute cutoff sets the tier''s fraction to NULL';
CREATE TRIGGER plan_indicator_10_write BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.plan_indicator
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.plan_indicator'::pg_catalog.regclass)) EXECUTE FUNCTION @extschema@.plan_indicator_before_write();
CREATE TRIGGER plan_indicator_30_truncate BEFORE TRUNCATE ON @extschema@.plan_indicator
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007');
