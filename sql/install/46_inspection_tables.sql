-- Inspection campaigns (0.2.0, issue 20): the tables of the campaigns, their
-- draws, results and findings, and what a finding does to its enterprise
-- (finding_exclusions(), finding_counts()).  Before the ranking, which
-- leaves out the enterprises with an open finding when a plan says so
-- (evaluation_plan.exclude_open_findings), and the district report, which
-- counts the findings; the campaigns' rules, the draw, the views and the
-- row-level security are in 75_inspection.sql.

-- inspection campaigns (双随机、一公开) ----------------------------------------------------
CREATE TABLE @extschema@.inspection_campaign (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code            text NOT NULL CONSTRAINT inspection_campaign_code_key UNIQUE
                  CONSTRAINT inspection_campaign_code_check CHECK (code ~ '^\S+$'),
  title           text NOT NULL CONSTRAINT inspection_campaign_title_check CHECK (btrim(title) <> ''),
  authority       text NOT NULL CONSTRAINT inspection_campaign_authority_check CHECK (btrim(authority) <> ''),
  category        text REFERENCES @extschema@.category (code) ON UPDATE CASCADE,
  district        text CONSTRAINT inspection_campaign_district_check CHECK (district ~ '^([0-9]{2}){1,3}$'),
  sample_size     integer CONSTRAINT inspection_campaign_sample_size_check CHECK (sample_size > 0),
  sample_fraction numeric CONSTRAINT inspection_campaign_sample_fraction_check CHECK (sample_fraction > 0 AND sample_fraction <= 1),
  inspectors      text[] NOT NULL,
  team_size       integer NOT NULL DEFAULT 2 CONSTRAINT inspection_campaign_team_size_check CHECK (team_size BETWEEN 1 AND 10),
  seed            text NOT NULL DEFAULT pg_catalog.gen_random_uuid()::text
                  CONSTRAINT inspection_campaign_seed_check CHECK (btrim(seed) <> ''),
  status          text NOT NULL DEFAULT 'planned'
                  CONSTRAINT inspection_campaign_status_check CHECK (status IN ('planned', 'drawn', 'published')),
  created_by      name NOT NULL DEFAULT current_user,
  created_at      timestamptz NOT NULL DEFAULT now(),
  population      bigint[],
  drawn_at        timestamptz,
  published_at    timestamptz,
  CONSTRAINT inspection_campaign_size_check CHECK (num_nonnulls(sample_size, sample_fraction) = 1),
  CONSTRAINT inspection_campaign_drawn_check CHECK ((status = 'planned') = (drawn_at IS NULL AND population IS NULL)),
  CONSTRAINT inspection_campaign_published_check CHECK ((status = 'published') = (published_at IS NOT NULL))
);
COMMENT ON TABLE @extschema@.inspection_campaign IS
  'random inspection campaigns of disclosures (双随机、一公开): scope, sample size, inspector pool and seed, recorded by the regulator; planned → drawn (draw_campaign(), frozen) → published (campaign_report)';
COMMENT ON COLUMN @extschema@.inspection_campaign.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.inspection_campaign.code IS 'campaign code (no spaces), unique';
COMMENT ON COLUMN @extschema@.inspection_campaign.title IS 'title of the campaign';
COMMENT ON COLUMN @extschema@.inspection_campaign.authority IS 'the market regulation authority that runs it';
COMMENT ON COLUMN @extschema@.inspection_campaign.category IS 'scope: only disclosures of this category (NULL: every category)';
COMMENT ON COLUMN @extschema@.inspection_campaign.district IS 'scope: only enterprises whose division code (region, else from the USCC) starts with these 2, 4 or 6 digits (11: Beijing, 1101: its districts, 110108: Haidian); NULL: everywhere';
COMMENT ON COLUMN @extschema@.inspection_campaign.sample_size IS 'how many disclosures to draw (at most all of the population); or sample_fraction';
COMMENT ON COLUMN @extschema@.inspection_campaign.sample_fraction IS 'the share of the population to draw, in (0, 1]: ceil(fraction × population) disclosures; or sample_size';
COMMENT ON COLUMN @extschema@.inspection_campaign.inspectors IS 'the inspector pool (执法检查人员名录库): login role names, members of frontrunner_regulator; distinct, at least team_size';
COMMENT ON COLUMN @extschema@.inspection_campaign.team_size IS 'inspectors drawn for each disclosure (default 2: inspections are made by at least two officers)';
COMMENT ON COLUMN @extschema@.inspection_campaign.seed IS 'the seed of the draw, recorded at creation and never changed (default: a random UUID); publish it, so that anyone can re-run the draw';
COMMENT ON COLUMN @extschema@.inspection_campaign.status IS 'planned (scope editable), drawn (draw stored and frozen, results being recorded) or published';
COMMENT ON COLUMN @extschema@.inspection_campaign.created_by IS 'the regulator who created it (current_user, set by the database)';
COMMENT ON COLUMN @extschema@.inspection_campaign.created_at IS 'database clock at creation';
COMMENT ON COLUMN @extschema@.inspection_campaign.population IS 'the ids of the disclosures in scope when drawn (published ones), ascending: the population the draw was made from';
COMMENT ON COLUMN @extschema@.inspection_campaign.drawn_at IS 'database clock of the draw';
COMMENT ON COLUMN @extschema@.inspection_campaign.published_at IS 'database clock of the publication of the results';

CREATE TABLE @extschema@.inspection_draw (
  campaign   bigint NOT NULL REFERENCES @extschema@.inspection_campaign (id),
  disclosure bigint NOT NULL,
  inspector  text NOT NULL,
  place   integer NOT NULL,
  team_rank  integer NOT NULL,
  enterprise @extschema@.uscc NOT NULL,
  PRIMARY KEY (campaign, disclosure, inspector),
  CONSTRAINT inspection_draw_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id)
);
COMMENT ON TABLE @extschema@.inspection_draw IS
  'the draw of a campaign, stored when it is made (the first draw_campaign()): each drawn disclosure with the inspectors drawn for it; never changed';
COMMENT ON COLUMN @extschema@.inspection_draw.campaign IS 'the campaign';
COMMENT ON COLUMN @extschema@.inspection_draw.disclosure IS 'a drawn disclosure';
COMMENT ON COLUMN @extschema@.inspection_draw.inspector IS 'an inspector drawn for it';
COMMENT ON COLUMN @extschema@.inspection_draw.place IS 'the disclosure''s place in the draw order (1 first)';
COMMENT ON COLUMN @extschema@.inspection_draw.team_rank IS 'the inspector''s place in the draw order for this disclosure (1 first)';
COMMENT ON COLUMN @extschema@.inspection_draw.enterprise IS 'the disclosure''s enterprise (the tenant)';

CREATE TABLE @extschema@.inspection_result (
  campaign    bigint NOT NULL REFERENCES @extschema@.inspection_campaign (id),
  disclosure  bigint NOT NULL,
  item        text NOT NULL
              CONSTRAINT inspection_result_item_check CHECK (item IN ('mandatory_floor', 'withdrawn_standard', 'numbering',
                                                                     'indicators_disclosed', 'references', 'verifiability')),
  outcome     text NOT NULL
              CONSTRAINT inspection_result_outcome_check CHECK (outcome IN ('conforms', 'nonconforming', 'not_judged')),
  prefilled   text NOT NULL
              CONSTRAINT inspection_result_prefilled_check CHECK (prefilled IN ('conforms', 'nonconforming', 'not_judged')),
  detail      text,
  recorded_by name,
  recorded_at timestamptz,
  enterprise  @extschema@.uscc NOT NULL,
  PRIMARY KEY (campaign, disclosure, item),
  CONSTRAINT inspection_result_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id),
  CONSTRAINT inspection_result_recorded_check CHECK ((recorded_by IS NULL) = (recorded_at IS NULL))
);
COMMENT ON TABLE @extschema@.inspection_result IS
  'the result of each inspection item of each drawn disclosure: pre-filled by the database at the draw from what it knows, confirmed or corrected by an inspector drawn for the disclosure';
COMMENT ON COLUMN @extschema@.inspection_result.campaign IS 'the campaign';
COMMENT ON COLUMN @extschema@.inspection_result.disclosure IS 'the drawn disclosure';
COMMENT ON COLUMN @extschema@.inspection_result.item IS 'mandatory_floor (below a mandatory standard), withdrawn_standard (executing a withdrawn standard), numbering, indicators_disclosed (indicators and test methods disclosed), references (test methods withdrawn or replaced), verifiability (claims the named method cannot verify)';
COMMENT ON COLUMN @extschema@.inspection_result.outcome IS 'conforms, nonconforming or not_judged; the inspector''s once recorded_by is set';
COMMENT ON COLUMN @extschema@.inspection_result.prefilled IS 'what the database found at the draw (kept when an inspector records another outcome)';
COMMENT ON COLUMN @extschema@.inspection_result.detail IS 'what was found (the database''s words, or the inspector''s)';
COMMENT ON COLUMN @extschema@.inspection_result.recorded_by IS 'the inspector who recorded the outcome (current_user, set by the database); NULL: not confirmed yet';
COMMENT ON COLUMN @extschema@.inspection_result.recorded_at IS 'database clock when the inspector recorded it';
COMMENT ON COLUMN @extschema@.inspection_result.enterprise IS 'the disclosure''s enterprise (the tenant)';

CREATE TABLE @extschema@.inspection_finding (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign       bigint NOT NULL,
  disclosure     bigint NOT NULL,
  item           text NOT NULL,
  description    text NOT NULL CONSTRAINT inspection_finding_description_check CHECK (btrim(description) <> ''),
  deadline       date NOT NULL,
  follow_up      text NOT NULL DEFAULT 'pending'
                 CONSTRAINT inspection_finding_follow_up_check CHECK (follow_up IN ('pending', 'rectified', 'not_rectified')),
  follow_up_note text,
  found_by       name NOT NULL DEFAULT current_user,
  found_at       timestamptz NOT NULL DEFAULT now(),
  followed_up_at timestamptz,
  enterprise     @extschema@.uscc NOT NULL,
  CONSTRAINT inspection_finding_result_fkey FOREIGN KEY (campaign, disclosure, item)
    REFERENCES @extschema@.inspection_result (campaign, disclosure, item),
  CONSTRAINT inspection_finding_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id),
  CONSTRAINT inspection_finding_follow_up_note_check CHECK ((follow_up = 'pending') = (followed_up_at IS NULL AND follow_up_note IS NULL)),
  CONSTRAINT inspection_finding_note_blank_check CHECK (btrim(follow_up_note) <> '')
);
COMMENT ON TABLE @extschema@.inspection_finding IS
  'findings of a campaign on a nonconforming item, with the rectification deadline (责令限期改正) and the follow-up (pending → rectified | not_rectified); recorded by the regulator, read by the enterprise concerned';
COMMENT ON COLUMN @extschema@.inspection_finding.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.inspection_finding.campaign IS 'the campaign';
COMMENT ON COLUMN @extschema@.inspection_finding.disclosure IS 'the drawn disclosure';
COMMENT ON COLUMN @extschema@.inspection_finding.item IS 'the inspection item found nonconforming (inspection_result)';
COMMENT ON COLUMN @extschema@.inspection_finding.description IS 'what the enterprise must correct';
COMMENT ON COLUMN @extschema@.inspection_finding.deadline IS 'the rectification deadline (after the day of the finding)';
COMMENT ON COLUMN @extschema@.inspection_finding.follow_up IS 'pending, rectified or not_rectified (the follow-up inspection''s result, once)';
COMMENT ON COLUMN @extschema@.inspection_finding.follow_up_note IS 'what the follow-up found (required with it)';
COMMENT ON COLUMN @extschema@.inspection_finding.found_by IS 'who recorded the finding (current_user, set by the database)';
COMMENT ON COLUMN @extschema@.inspection_finding.found_at IS 'database clock of the finding';
COMMENT ON COLUMN @extschema@.inspection_finding.followed_up_at IS 'database clock of the follow-up';
COMMENT ON COLUMN @extschema@.inspection_finding.enterprise IS 'the disclosure''s enterprise (the tenant), filled by the database when not written';
CREATE INDEX inspection_finding_result_idx ON @extschema@.inspection_finding (campaign, disclosure, item);
CREATE INDEX inspection_finding_enterprise_idx ON @extschema@.inspection_finding (enterprise, follow_up);

-- what a finding does to its enterprise -----------------------------------------------------
-- Only the findings of published campaigns count: their results are public
-- (campaign_report), so the ranking, eligibility() and district_report may
-- show them to whoever reads those; both functions are SECURITY DEFINER
-- (inspection_finding is the regulator's and the enterprise's own, RLS).
-- A finding is open while it is not rectified: pending, or not_rectified.
CREATE FUNCTION @extschema@.finding_exclusions(at timestamptz, exclusion_days integer)
RETURNS TABLE (enterprise @extschema@.uscc, finding bigint, campaign text, disclosure bigint, item text,
               found_on date, deadline date, follow_up text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- the window of rule 6: found on day F, it excludes while F <= at < F + exclusion_days
  RETURN QUERY
  SELECT f.enterprise, f.id, c.code, f.disclosure, f.item, f.found_at::date, f.deadline,
         CASE WHEN f.follow_up <> 'pending' AND f.followed_up_at > at THEN 'pending' ELSE f.follow_up END
  FROM frontrunner.inspection_finding f
  JOIN frontrunner.inspection_campaign c ON c.id = f.campaign
  WHERE c.status = 'published' AND c.published_at <= at
    AND f.found_at <= at
    AND at < (f.found_at::date + exclusion_days)::timestamptz
    AND NOT (f.follow_up = 'rectified' AND f.followed_up_at <= at)
  ORDER BY f.enterprise, f.id;
END
$$;
COMMENT ON FUNCTION @extschema@.finding_exclusions(timestamptz, integer) IS
  'SECURITY DEFINER: the findings of published campaigns that are open at time at (found and published by then, not found rectified by then) and found on a day F with F <= at < F + exclusion_days (the window of rule 6), with the follow-up as it stood at that time: what excludes an enterprise from a plan with exclude_open_findings, judged at its deadline';

CREATE FUNCTION @extschema@.finding_counts()
RETURNS TABLE (enterprise @extschema@.uscc, findings bigint, open_findings bigint, unrectified_findings bigint)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- (a function, like open_feedback(): on a distributed registry Citus
  -- reads a view's shards with the reader's rights and policies)
  RETURN QUERY
  SELECT f.enterprise, count(*),
         count(*) FILTER (WHERE f.follow_up <> 'rectified'),
         count(*) FILTER (WHERE f.follow_up = 'not_rectified' OR (f.follow_up = 'pending' AND f.deadline < CURRENT_DATE))
  FROM frontrunner.inspection_finding f
  JOIN frontrunner.inspection_campaign c ON c.id = f.campaign
  WHERE c.status = 'published'
  GROUP BY f.enterprise;
END
$$;
COMMENT ON FUNCTION @extschema@.finding_counts() IS
  'SECURITY DEFINER: per enterprise, the findings of published campaigns: all, open (not rectified: pending or not_rectified) and unrectified (the rectification deadline passed without a rectified follow-up: not_rectified, or pending after the deadline): the finding columns of district_report';

ALTER FUNCTION @extschema@.finding_exclusions(timestamptz, integer) SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.finding_exclusions(timestamptz, integer) FROM PUBLIC;
ALTER FUNCTION @extschema@.finding_counts() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.finding_counts() FROM PUBLIC;
