-- Tier ranking: the published ranking lists (immutable, rule 7),
-- eligibility, the live ranking of a plan, the per-indicator ranking lists,
-- publication of a list, revocation of a leader by a failing spot check
-- (rule 6), and the public views.
--
-- The per-indicator cutoffs and standings come from the C aggregate
-- level_stats() (35_levelset.sql).  rank_plan() and indicator_lists()
-- run one query generated for the plan by ranking_query(): one column per
-- core indicator, so each eligible disclosure is one row from the join to
-- the statistics to the order — no per-indicator regrouping.

CREATE TYPE @extschema@.tier AS ENUM ('leader', 'advanced', 'baseline', 'below');
COMMENT ON TYPE @extschema@.tier IS
  'ranking tiers, best first: leader (领跑者), advanced (先进), baseline (基准), below';

-- published ranking lists ---------------------------------------------------------
CREATE TABLE @extschema@.ranking (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan         bigint NOT NULL REFERENCES @extschema@.evaluation_plan (id),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by name NOT NULL DEFAULT current_user,
  eligible     bigint NOT NULL,
  ineligible   bigint NOT NULL
);
COMMENT ON TABLE @extschema@.ranking IS
  'published ranking lists (排行榜) of a plan, written by publish_ranking(); immutable (rule 7) — the latest per plan is the current one';
COMMENT ON COLUMN @extschema@.ranking.id IS 'identity, assigned by the database (returned by publish_ranking())';
COMMENT ON COLUMN @extschema@.ranking.plan IS 'the evaluation plan ranked';
COMMENT ON COLUMN @extschema@.ranking.published_at IS 'database clock at publication';
COMMENT ON COLUMN @extschema@.ranking.published_by IS 'current_user who published it';
COMMENT ON COLUMN @extschema@.ranking.eligible IS 'number of eligible disclosures ranked';
COMMENT ON COLUMN @extschema@.ranking.ineligible IS 'number of disclosures of the category left out (see eligibility())';
CREATE INDEX ranking_plan_idx ON @extschema@.ranking (plan, id);

CREATE TABLE @extschema@.ranking_entry (
  ranking       bigint NOT NULL REFERENCES @extschema@.ranking (id),
  rank          int NOT NULL CONSTRAINT ranking_entry_rank_check CHECK (rank >= 1),
  disclosure    bigint NOT NULL,
  enterprise    @extschema@.uscc NOT NULL,
  tier          @extschema@.tier NOT NULL,
  score         numeric NOT NULL CONSTRAINT ranking_entry_score_check CHECK (score >= 0 AND score <= 100),
  levels        jsonb NOT NULL,
  revoked_at    timestamptz,
  revoke_reason text,
  PRIMARY KEY (ranking, disclosure),
  CONSTRAINT ranking_entry_rank_key UNIQUE (ranking, rank),
  CONSTRAINT ranking_entry_revoke_check CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL)),
  CONSTRAINT ranking_entry_revoke_reason_check CHECK (btrim(revoke_reason) <> ''),
  CONSTRAINT ranking_entry_disclosure_fkey FOREIGN KEY (enterprise, disclosure)
    REFERENCES @extschema@.disclosure (enterprise, id)
);
COMMENT ON TABLE @extschema@.ranking_entry IS
  'the entries of a published ranking list, as rank_plan() computed them at publication; immutable except revocation (rule 6)';
COMMENT ON COLUMN @extschema@.ranking_entry.ranking IS 'the published list';
COMMENT ON COLUMN @extschema@.ranking_entry.rank IS '1-based position in the list';
COMMENT ON COLUMN @extschema@.ranking_entry.disclosure IS 'the disclosure ranked';
COMMENT ON COLUMN @extschema@.ranking_entry.enterprise IS 'its enterprise';
COMMENT ON COLUMN @extschema@.ranking_entry.tier IS 'tier at publication (after the leader cap)';
COMMENT ON COLUMN @extschema@.ranking_entry.score IS 'score 0-100 (weighted mid-rank standings)';
COMMENT ON COLUMN @extschema@.ranking_entry.levels IS 'per core indicator: level, unit, tier reached, standing (as rank_plan())';
COMMENT ON COLUMN @extschema@.ranking_entry.revoked_at IS 'set by the database when a failing spot check revokes a leader (rule 6), or by a regulator''s UPDATE with a reason';
COMMENT ON COLUMN @extschema@.ranking_entry.revoke_reason IS 'why the entry was revoked';
CREATE INDEX ranking_entry_disclosure_idx ON @extschema@.ranking_entry (disclosure);

CREATE TRIGGER ranking_10_guard BEFORE UPDATE OR DELETE ON @extschema@.ranking
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR007',
    'rule 7 (immutability): published ranking {id} cannot be changed',
    '{op} of ranking {id} (plan {plan}, published {published_at}) refused.',
    'Publish a new ranking with publish_ranking(plan_code); the latest one is current.');
CREATE TRIGGER ranking_30_truncate BEFORE TRUNCATE ON @extschema@.ranking
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007');

-- the one change of a published entry: revocation, revoke_reason set once
-- (by spot_check_revoke() or a regulator), revoked_at stamped by the database
CREATE TRIGGER ranking_entry_10_guard BEFORE UPDATE OR DELETE ON @extschema@.ranking_entry
  FOR EACH ROW EXECUTE FUNCTION @extschema@.refuse_change('FR007',
    'rule 7 (immutability): entry {disclosure} of published ranking {ranking} cannot be changed',
    '{op} of ranking {ranking}, disclosure {disclosure} (rank {rank}, {tier}) refused.',
    'Published lists only change by revocation (UPDATE … SET revoke_reason = ''…'' on an entry not yet revoked); publish a new ranking otherwise.',
    'revoke_reason', 'revoked_at');
CREATE TRIGGER ranking_entry_30_truncate BEFORE TRUNCATE ON @extschema@.ranking_entry
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007');

-- plan lookup -----------------------------------------------------------------------
CREATE FUNCTION @extschema@.plan_id(plan_code text) RETURNS bigint
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  pid bigint;
BEGIN
  SELECT e.id INTO pid FROM frontrunner.evaluation_plan e WHERE e.code = plan_code;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no evaluation plan "%"', plan_code
      USING ERRCODE = 'P0002',
            DETAIL = format('No row of table evaluation_plan has code %L. Plans: %s.', plan_code,
                            coalesce((SELECT string_agg(e.code, ', ' ORDER BY e.code)
                                      FROM (SELECT e.code FROM frontrunner.evaluation_plan e ORDER BY e.code LIMIT 10) e), 'none')),
            HINT = 'Give the code of an evaluation plan.';
  END IF;
  RETURN pid;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_id(text) IS
  'id of the evaluation plan with this code; raises P0002 naming the known plans when there is none';

-- uninformative indicators ----------------------------------------------------------
CREATE FUNCTION @extschema@.levelset_noted(s @extschema@.levelset, plan_code text, indicator text, unit text)
RETURNS @extschema@.levelset
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF s IS NOT NULL AND frontrunner.level_count(s) > 1 AND frontrunner.level_distinct(s) = 1 THEN
    RAISE NOTICE 'indicator "%" of plan % is uninformative: all % eligible disclosures have the same level % %',
                 indicator, plan_code, frontrunner.level_count(s),
                 (SELECT l.level FROM frontrunner.levels(s) l LIMIT 1), unit
      USING DETAIL = 'Every eligible disclosure reaches every fraction cutoff of this indicator and stands at 0.5; it does not separate them.',
            HINT = 'Choose a core indicator on which the disclosures differ, or an absolute cutoff.';
  END IF;
  RETURN s;
END
$$;
COMMENT ON FUNCTION @extschema@.levelset_noted(@extschema@.levelset, text, text, text) IS
  'returns the levelset unchanged; raises a NOTICE when every eligible disclosure has the same level on the indicator (uninformative, §5)';

-- the generated ranking query ---------------------------------------------------------
-- ranking_query(plan_id, output) returns the text of one query for the plan,
-- which rank_plan(), indicator_lists() and plan_cutoffs() run.  The plan's
-- core indicators are numbered k = 1, 2, … in key order
-- (plan_core_indicators()); every per-indicator column ends in its k.  The
-- shape (sql/ranking_query.sql prints it for a small plan):
--
--   WITH b AS MATERIALIZED (             -- one row per candidate disclosure
--     SELECT d.id, d.enterprise, en.name AS enterprise_name, d.standard,
--            d.published_at, p.*         -- p: lk [, rlk, rak, rbk] per k
--     FROM (SELECT i.disclosure, <per k: lk, rlk, rak, rbk>
--           FROM disclosed_indicator i WHERE i.indicator IN (<keys>)
--           GROUP BY i.disclosure) p     -- one grouped pass over the indicators
--     JOIN disclosure d … JOIN enterprise en …
--     WHERE <category, published by the deadline, not excluded (rule 6;
--            open findings when the plan sets exclude_open_findings)>
--   ), s AS (                            -- one pass over the eligible rows
--     SELECT count(*) AS n, <per k: sk> FROM b WHERE <every lk IS NOT NULL>
--   ), c AS (                            -- the cutoffs
--     SELECT s.n, <per k: sk, bestk, lck, ack, bck> FROM s
--   )
--   -- output 'rows', one row per eligible disclosure:
--   SELECT rank, q.*, score
--   FROM (SELECT <tier: tier0 after the leader cap>, key, published_at, id, tier0,
--                n, enterprise, enterprise_name, standard, <per k: lk, tk, pk>
--         FROM (SELECT t.*, GREATEST(<t1, t2, …>) AS tier0, <Σ wk·pk> AS key
--               FROM (SELECT b.…, <per k: lk, tk, pk>, c.n
--                     FROM b CROSS JOIN c WHERE <eligible> OFFSET 0) t) t) q
--   -- output 'cutoffs', one row per core indicator:
--   SELECT v.* FROM c CROSS JOIN LATERAL (VALUES (<indicator, unit, n,
--          distinct levels, bestk, the three cutoffs as text>), …) v
--
-- Per core indicator k:
--   lk             the level: comparable_level(requirement, direction, unit)
--                  in the plan's unit; NULL when the indicator is not disclosed
--                  or has no level there, and the disclosure is not eligible
--   rlk, rak, rbk  the requirement reaches the absolute leader, advanced,
--                  baseline cutoff (<@); only for the tiers cut absolutely
--   sk             level_stats(lk, direction) over the eligible disclosures
--   bestk          the best level; lck, ack, bck the fraction cutoffs
--                  (level_cutoff(sk, fraction))
--   tk             the tier reached on k: the best whose cutoff lk (or the
--                  requirement) reaches; best_in_market: leader at bestk
--   pk             the place of lk among the eligible levels,
--                  level_place(sk, lk) = 2·worse + equal − 1, so the standing
--                  is pk / (2·(n − 1))
-- and per disclosure: tier0 the lowest tk (GREATEST: the tiers sort best
-- first); key = Σ wk·pk, exact (the weights wk scaled to integers when they
-- allow, bigint); tier = tier0, except a leader whose key is below the key at
-- position leader_cap among the leaders becomes advanced (ties are kept); score =
-- 100·key / (2·(n − 1)·Σ wk) to 20 decimals; rank the position in (tier, key
-- DESC, published_at, id).
CREATE FUNCTION @extschema@.ranking_query(plan_id bigint, output text DEFAULT 'rows') RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  r record;
  k int := 0;
  sel text := '';
  keys text := '';
  levels_present text := '';
  stats text := '';
  cuts text := '';
  outcols text := '';
  tcols text := '';
  leaders text := '';
  cutvals text := '';
  wscale int;
  wint boolean;
  wtot numeric;
  wk text;
  kleaders text := '';
  kcols text := '';
  body text;
  better text;
  reach_l text;
  reach_a text;
  reach_b text;
  tk text;
  pk text;
  req text;
  excluded text := '';
  lim record;
  judge text;
BEGIN
  p := frontrunner.plan_row(plan_id);
  IF output NOT IN ('rows', 'cutoffs') THEN
    RAISE EXCEPTION 'invalid value for parameter "output": "%"', output
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('The outputs of ranking_query() are rows and cutoffs; %L is neither.', output),
            HINT = 'Give ''rows'' (one row per eligible disclosure) or ''cutoffs'' (one row per core indicator).';
  END IF;
  PERFORM frontrunner.plan_publication_check(plan_id);
  -- plan option exclude_open_findings (0.2.0): the enterprises with an open
  -- inspection finding at the deadline (finding_exclusions(), a few: the
  -- drawn ones), as a constant of the query
  IF p.exclude_open_findings THEN
    SELECT format($x$
    AND NOT (d.enterprise OPERATOR(frontrunner.=) ANY (%L::frontrunner.uscc[]))$x$,
                  coalesce(array_agg(DISTINCT x.enterprise::text ORDER BY x.enterprise::text), '{}'))
      INTO excluded
    FROM frontrunner.finding_exclusions(p.deadline, p.exclusion_days) x;
  END IF;
  -- the score's numerator, Σ weight·place, is exact: in bigint when the
  -- weights are integers after scaling by 10^wscale and their sum is small
  -- enough that Σ weight·2n fits (n < 4.6e9), else in numeric
  SELECT max(scale(trim_scale(c.weight))) INTO wscale FROM frontrunner.plan_core_indicators(plan_id) c;
  SELECT trim_scale(sum(c.weight * 10::numeric ^ wscale)) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  wint := wscale <= 6 AND wtot <= 1000000000;
  IF NOT coalesce(wint, false) THEN
    wscale := 0;
    SELECT sum(c.weight) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  END IF;

  FOR r IN SELECT c.*, c.unit AS u FROM frontrunner.plan_core_indicators(plan_id) c LOOP
    k := r.k;
    -- better-or-equal comparison of levels in this direction
    better := CASE WHEN r.direction = 'higher_better' THEN '>=' ELSE '<=' END;
    -- rule 8 (0.2.0): the limits test_method_limit records for the
    -- indicator, by method, as constants of the query (nothing read per row:
    -- on a distributed registry the rows are read on the shards)
    judge := NULL;
    FOR lim IN SELECT l.method::text AS m, l::text AS t FROM frontrunner.test_method_limit l
               WHERE l.analyte = r.indicator ORDER BY l.method::text LOOP
      judge := coalesce(judge, '') || format(' WHEN i.test_method OPERATOR(frontrunner.=) %L::frontrunner.stdcode THEN %L::frontrunner.test_method_limit', lim.m, lim.t);
    END LOOP;
    -- the requirement as disclosed, or (plan option method_limits, 0.2.0) as
    -- its test method verifies it: claim_effective() (45_test_methods.sql),
    -- that is claim_judge()'s effective with the method's limits (the
    -- requirement itself when its method has none)
    req := CASE WHEN p.method_limits AND judge IS NOT NULL
                THEN format('(SELECT j.effective FROM frontrunner.claim_judge(i.requirement, CASE%s END) j)', judge)
                ELSE 'i.requirement' END;
    -- one pass over the disclosed indicators, grouped by disclosure: the
    -- level of each core indicator (NULL when missing or in another
    -- dimension) and, for absolute cutoffs, whether the requirement reaches them
    sel := sel || format(', min(frontrunner.comparable_level(%5$s, %2$L::frontrunner.direction, %3$L)) FILTER (WHERE i.indicator = %4$L) AS l%1$s',
                         k, r.direction, r.u, r.indicator, req);
    IF r.leader_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rl%1$s', k, r.leader_cutoff, r.indicator, req);
    END IF;
    IF r.advanced_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS ra%1$s', k, r.advanced_cutoff, r.indicator, req);
    END IF;
    IF r.baseline_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(%4$s OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rb%1$s', k, r.baseline_cutoff, r.indicator, req);
    END IF;
    -- rule 8 (0.2.0): when test_method_limit records limits for the
    -- indicator, whether the method named can verify the claim
    -- (claim_judge() with the limits above); NULL when its method has none.
    -- rank_plan() shows it in levels.
    IF judge IS NOT NULL THEN
      sel := sel || format(', bool_and((SELECT j.verifiable FROM frontrunner.claim_judge(i.requirement, CASE%3$s END) j)) FILTER (WHERE i.indicator = %2$L) AS v%1$s',
                           k, r.indicator, judge);
      outcols := outcols || format(', b.v%s', k);
      tcols := tcols || format(', t.v%s', k);
    END IF;
    keys := keys || CASE WHEN k > 1 THEN ', ' ELSE '' END || quote_literal(r.indicator);
    levels_present := levels_present || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('b.l%s IS NOT NULL', k);
    stats := stats || format(', frontrunner.levelset_noted(frontrunner.level_stats(b.l%1$s, %2$L::frontrunner.direction), %3$L, %4$L, %5$L) AS s%1$s',
                             k, r.direction, p.code, r.indicator, r.u);
    -- cutoffs: absolute (<@), best in market (the best level), or a fraction
    reach_l := CASE
      WHEN r.leader_cutoff IS NOT NULL THEN format('b.rl%s', k)
      WHEN p.style = 'best_in_market' THEN format('b.l%1$s = c.best%1$s', k)
      ELSE format('b.l%1$s %2$s c.lc%1$s', k, better) END;
    reach_a := CASE
      WHEN r.advanced_cutoff IS NOT NULL THEN format('b.ra%s', k)
      ELSE format('b.l%1$s %2$s c.ac%1$s', k, better) END;
    reach_b := CASE
      WHEN r.baseline_cutoff IS NOT NULL THEN format('b.rb%s', k)
      ELSE format('b.l%1$s %2$s c.bc%1$s', k, better) END;
    -- the best level: the first of the levelset (stored trimmed)
    cuts := cuts || format(', s.s%1$s, (SELECT l.level FROM frontrunner.levels(s.s%1$s) l ORDER BY l.position LIMIT 1) AS best%1$s, frontrunner.level_cutoff(s.s%1$s, %2$s) AS lc%1$s, frontrunner.level_cutoff(s.s%1$s, %3$s) AS ac%1$s, frontrunner.level_cutoff(s.s%1$s, %4$s) AS bc%1$s',
                           k, coalesce(r.leader_fraction::text, 'NULL::numeric'),
                           coalesce(r.advanced_fraction::text, 'NULL::numeric'),
                           coalesce(r.baseline_fraction::text, 'NULL::numeric'));
    -- tier reached on indicator k (the best tier whose cutoff it reaches)
    tk := format('CASE WHEN %s THEN ''leader''::frontrunner.tier WHEN %s THEN ''advanced''::frontrunner.tier WHEN %s THEN ''baseline''::frontrunner.tier ELSE ''below''::frontrunner.tier END',
                 reach_l, reach_a, reach_b);
    -- standing = place / (2·(n - 1)): places are summed, one division per disclosure
    pk := format('frontrunner.level_place(c.s%1$s, b.l%1$s)', k);
    outcols := outcols || format(', b.l%1$s, %2$s AS t%1$s, %3$s AS p%1$s', k, tk, pk);
    tcols := tcols || format(', t.l%1$s, t.t%1$s, t.p%1$s', k);
    -- leader on indicator k (the first branch of tk); leader overall on all
    leaders := leaders || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('(%s)', reach_l);
    -- cutoffs as readable requirements: the absolute cutoff, or the level with the direction's operator
    cutvals := cutvals || CASE WHEN k > 1 THEN ', ' ELSE '' END || format(
      '(%1$L, %2$L, c.n, frontrunner.level_distinct(c.s%3$s), c.best%3$s, %4$s, %5$s, %6$s)',
      r.indicator, r.u, k,
      CASE WHEN r.leader_cutoff IS NOT NULL THEN quote_literal(r.leader_cutoff::text)
           WHEN p.style = 'best_in_market' THEN format('%L || '' '' || c.best%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END)
           ELSE format('%L || '' '' || c.lc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.advanced_cutoff IS NOT NULL THEN quote_literal(r.advanced_cutoff::text)
           ELSE format('%L || '' '' || c.ac%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.baseline_cutoff IS NOT NULL THEN quote_literal(r.baseline_cutoff::text)
           ELSE format('%L || '' '' || c.bc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END);
    wk := CASE WHEN wint THEN (r.weight * 10::numeric ^ wscale)::bigint::text
               ELSE format('%s::numeric', r.weight) END;
    kleaders := kleaders || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * %s', wk, pk);
    kcols := kcols || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * t.p%s', wk, k);
  END LOOP;

  -- b's query: the disclosed indicators grouped by disclosure, each with its
  -- enterprise (the tenant: every join and the exclusion are on it, so on a
  -- distributed registry all of it runs on the shards, where a disclosure
  -- and its rows live together)
  body := format($q$
  SELECT d.id, d.enterprise, en.name AS enterprise_name, d.standard, d.published_at, p.*
  FROM (SELECT i.enterprise AS tenant, i.disclosure%1$s
        FROM frontrunner.disclosed_indicator i
        WHERE i.indicator IN (%2$s)%6$s
        GROUP BY i.enterprise, i.disclosure) p
  JOIN frontrunner.disclosure d ON d.enterprise OPERATOR(frontrunner.=) p.tenant AND d.id = p.disclosure
  JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) d.enterprise
  WHERE d.category = %3$L AND d.status = 'published' AND d.published_at <= %4$L::timestamptz
    AND NOT EXISTS (SELECT FROM frontrunner.spot_check x
                    WHERE x.enterprise OPERATOR(frontrunner.=) d.enterprise AND NOT x.conforms
                      AND %4$L::timestamptz >= x.sampled_on::timestamptz
                      AND %4$L::timestamptz < (x.sampled_on + %5$s)::timestamptz)%7$s$q$,
    sel, keys, p.category, p.deadline, p.exclusion_days,
     -- the grouped pass reads the disclosed indicators with the plan's keys;
     -- when another category also has one of these keys, it first keeps
     -- only the candidate disclosures' rows (the join to d below filters
     -- them in any case, so this only saves grouping rows of no use)
     CASE WHEN EXISTS (SELECT FROM frontrunner.indicator_def f
                       WHERE f.category <> p.category
                         AND f.key IN (SELECT c.indicator FROM frontrunner.plan_core_indicators(plan_id) c))
          THEN format($x$
          AND EXISTS (SELECT FROM frontrunner.disclosure x
                      WHERE x.enterprise OPERATOR(frontrunner.=) i.enterprise AND x.id = i.disclosure
                        AND x.category = %1$L AND x.status = 'published' AND x.published_at <= %2$L::timestamptz)$x$,
                      p.category, p.deadline)
          ELSE '' END,
     excluded);

  -- the shape above: b, s, c, then the rows (the leader cap computes only
  -- the leaders' keys) or the cutoffs.  On a distributed registry s runs
  -- over b's query itself, not over b: the statistics are then computed on
  -- the workers (level_stats partial per shard, combined on the
  -- coordinator), while b, the eligible rows, is read once into the
  -- coordinator for the ranking
  RETURN format($q$
WITH b AS MATERIALIZED (%1$s
), s AS (
  SELECT count(*) AS n%3$s FROM %6$s WHERE %2$s
), c AS (
  SELECT s.n%4$s FROM s
)
%5$s
$q$, body, levels_present, stats, cuts,
     CASE output
       WHEN 'rows' THEN format($r$
SELECT (row_number() OVER (ORDER BY q.tier, q.key DESC, q.published_at, q.id))::int AS rank, q.*,
       CASE WHEN q.n = 1 THEN 100::numeric
            ELSE trim_scale(round(100 * q.key::numeric(1000, 20) / ((2 * (q.n - 1))::numeric * %2$s), 20)) END AS score
  -- (consumers ORDER BY the same keys as the window, so the rows are sorted once;
  -- the score is computed after the sort, from the exact key, to 20 decimals
  -- like the standings)
FROM (
  -- the sort keys first: the sort compares them without walking the
  -- variable-width columns
  SELECT CASE WHEN t.tier0 = 'leader'::frontrunner.tier AND t.key < (
                SELECT %1$s
                FROM b CROSS JOIN c
                WHERE %3$s AND %4$s
                ORDER BY 1 DESC OFFSET %5$s LIMIT 1)
              THEN 'advanced'::frontrunner.tier ELSE t.tier0 END AS tier,
         t.key, t.published_at, t.id, t.tier0, t.n, t.enterprise, t.enterprise_name, t.standard%9$s
  FROM (
    SELECT t.*, GREATEST(%7$s) AS tier0, %8$s AS key
    FROM (
      SELECT b.id, b.enterprise, b.enterprise_name, b.standard, b.published_at%6$s, c.n
      FROM b CROSS JOIN c
      WHERE %3$s
      OFFSET 0
    ) t
  ) t
) q
$r$, kleaders, wtot, levels_present, leaders, p.leader_cap - 1, outcols,
     (SELECT string_agg(format('t.t%s', i), ', ') FROM generate_series(1, k) i), kcols, tcols)
       WHEN 'cutoffs' THEN format('SELECT v.* FROM c CROSS JOIN LATERAL (VALUES %s) v(indicator, unit, eligible, distinct_levels, best, leader_cutoff, advanced_cutoff, baseline_cutoff)', cutvals)
     END,
     CASE WHEN frontrunner.citus_distributed() THEN format('(%s) b', body) ELSE 'b' END);
END
$$;
COMMENT ON FUNCTION @extschema@.ranking_query(bigint, text) IS
  'the SQL text rank_plan(), indicator_lists() and plan_cutoffs() run for a plan (the requirements as disclosed, or as their test methods verify them when the plan sets method_limits); output ''rows'': one row per eligible disclosure in rank order: rank, tier, key (the exact Σ weight·place the order and the cap compare), published_at, id, tier0 (before the cap), n, enterprise, enterprise_name, standard, per core indicator k (in key order) level lk, tier tk and place pk (level_place()) and, when test_method_limit records limits for it, vk (rule 8: the claim verifiable by its method, NULL when not judged), and score; ''cutoffs'': one row per core indicator; for inspection with EXPLAIN';

-- The functions that run the generated query set jit = off: its work is in
-- C functions (levels, levelsets, JSON), which JIT compilation does not
-- speed up, and compiling the query's expressions cost 2-3 s of a 20 s
-- ranking of a million disclosures (make bench).
CREATE FUNCTION @extschema@.plan_cutoffs(plan_code text)
RETURNS TABLE (indicator text, unit text, eligible bigint, distinct_levels int, best numeric,
               leader_cutoff text, advanced_cutoff text, baseline_cutoff text, informative boolean)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
  RETURN QUERY EXECUTE format('SELECT q.*, coalesce(q.distinct_levels > 1, false) FROM (%s) q ORDER BY 1',
                              frontrunner.ranking_query(frontrunner.plan_id(plan_code), 'cutoffs'));
END
$$;
COMMENT ON FUNCTION @extschema@.plan_cutoffs(text) IS
  'how a plan cuts its tiers today, per core indicator: eligible disclosures, distinct levels, the best level, the leader/advanced/baseline cutoffs as requirements (absolute as written; by fraction or best in market as "≤ level unit", "≥ level unit" or "width ≤ level" for target indicators), and whether the indicator separates the disclosures (informative = more than one distinct level)';

-- eligibility ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.eligibility(plan_code text)
RETURNS TABLE (disclosure bigint, eligible boolean, reason text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  keys text[];
  dirs frontrunner.direction[];
  units text[];
  fx_enterprises frontrunner.uscc[];
  fx_reasons text[];
BEGIN
  p := frontrunner.plan_row(frontrunner.plan_id(plan_code));
  SELECT array_agg(c.indicator ORDER BY c.k), array_agg(c.direction ORDER BY c.k), array_agg(c.unit ORDER BY c.k)
    INTO keys, dirs, units
  FROM frontrunner.plan_core_indicators(p.id) c;
  -- plan option exclude_open_findings: the latest open finding of each
  -- enterprise at the deadline (finding_exclusions(), a few), as constants
  IF p.exclude_open_findings THEN
    SELECT array_agg(x.enterprise ORDER BY x.enterprise),
           array_agg(format('enterprise excluded: open finding %s (campaign %s, disclosure %s, item %s) found on %s, rectification deadline %s, %s at the deadline',
                            x.finding, x.campaign, x.disclosure, x.item, x.found_on, x.deadline, x.follow_up) ORDER BY x.enterprise)
      INTO fx_enterprises, fx_reasons
    FROM (SELECT DISTINCT ON (y.enterprise) y.*
          FROM frontrunner.finding_exclusions(p.deadline, p.exclusion_days) y
          ORDER BY y.enterprise, y.found_on DESC, y.finding DESC) x;
  END IF;
  -- the reasons, in this order: status, published after the deadline, core
  -- indicators not disclosed, core indicators without a level, the
  -- enterprise excluded (rule 6; an open finding, plan option
  -- exclude_open_findings).  Per disclosure and per enterprise, every
  -- join on the tenant: on a distributed registry it all runs on the shards.
  RETURN QUERY
  SELECT r.id, r.reasons IS NULL, r.reasons
  FROM (
  SELECT d.id,
         nullif(concat_ws('; ',
           CASE WHEN d.status <> 'published' THEN 'status ' || d.status END,
           CASE WHEN d.published_at > p.deadline
                THEN format('published %s, after the deadline %s', d.published_at, p.deadline) END,
           k.missing, k.unlevelled, e.excluded, f.excluded), '') AS reasons
  FROM frontrunner.disclosure d
  LEFT JOIN (
    -- the core indicators of each disclosure of the category
    SELECT x.enterprise, x.id,
           'core indicator(s) not disclosed: '
             || string_agg(pi.indicator, ', ' ORDER BY pi.indicator) FILTER (WHERE di.indicator IS NULL) AS missing,
           string_agg(format('%s: %s has no level in %s (%s)', pi.indicator, di.requirement,
                             quote_literal(pi.u), pi.direction), ', ' ORDER BY pi.indicator)
             FILTER (WHERE di.indicator IS NOT NULL AND pi.u IS NOT NULL
                       AND (NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(di.requirement), pi.u), pi.u)
                            OR frontrunner.level(di.requirement, pi.direction, pi.u) IS NULL)) AS unlevelled
    FROM frontrunner.disclosure x
    CROSS JOIN ROWS FROM (pg_catalog.unnest(keys), pg_catalog.unnest(dirs), pg_catalog.unnest(units)) pi(indicator, direction, u)
    LEFT JOIN frontrunner.disclosed_indicator di
      ON di.enterprise OPERATOR(frontrunner.=) x.enterprise AND di.disclosure = x.id AND di.indicator = pi.indicator
    WHERE x.category = p.category
    GROUP BY x.enterprise, x.id
  ) k ON k.enterprise OPERATOR(frontrunner.=) d.enterprise AND k.id = d.id
  LEFT JOIN (
    -- the latest failing spot check that excludes each enterprise at the deadline
    SELECT DISTINCT ON (x.enterprise) x.enterprise,
           format('enterprise excluded: failing spot check %s of disclosure %s (%s) sampled on %s excludes it until %s',
                  x.id, x.disclosure, x.indicator, x.sampled_on, x.sampled_on + p.exclusion_days) AS excluded
    FROM frontrunner.spot_check x
    WHERE NOT x.conforms
      AND p.deadline >= x.sampled_on::timestamptz
      AND p.deadline < (x.sampled_on + p.exclusion_days)::timestamptz
    ORDER BY x.enterprise, x.sampled_on DESC, x.id DESC
  ) e ON e.enterprise OPERATOR(frontrunner.=) d.enterprise
  LEFT JOIN ROWS FROM (pg_catalog.unnest(fx_enterprises), pg_catalog.unnest(fx_reasons)) f(enterprise, excluded)
    ON f.enterprise OPERATOR(frontrunner.=) d.enterprise
  WHERE d.category = p.category
  ) r
  ORDER BY r.id;
END
$$;
COMMENT ON FUNCTION @extschema@.eligibility(text) IS
  '§5 step 1 for every disclosure of the plan''s category: eligible, or why not (status, published after the deadline, core indicators not disclosed, no level in the plan''s unit/direction, enterprise excluded by a failing spot check — rule 6 — or, when the plan sets exclude_open_findings, by an open inspection finding); reasons joined by "; "';

-- levels_json (src/ranking.c) ---------------------------------------------------------------
CREATE FUNCTION @extschema@.levels_json(keys text[], units text[], levels numeric[],
                                        tiers @extschema@.tier[], places bigint[], n bigint)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'fr_levels_json' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.levels_json(text[], text[], numeric[], @extschema@.tier[], bigint[], bigint) IS
  'the levels column of rank_plan(): {key: {"level", "unit", "tier", "standing"}} per core indicator, the standing place / (2·(n - 1)) (level_place(); 1 when n = 1) without trailing zeros; the arrays must have the same length, n >= 1 and 0 <= place <= 2·(n - 1) (22023)';

-- rank_plan -------------------------------------------------------------------------------
-- One query, three ways to run it: rank_plan() returns its rows (PL/pgSQL
-- keeps them until the last is computed), rank_plan_cursor() opens it as a
-- cursor the client fetches from (the levels JSON of each row is built when
-- the row is fetched), and rank_plan_query() shows it.
CREATE FUNCTION @extschema@.rank_plan_query(plan_code text) RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  pid bigint := frontrunner.plan_id(plan_code);
  core text := frontrunner.ranking_query(pid);
  keys_a text[];
  units_a text[];
  lcols text;
  tcols text;
  pcols text;
  levels text;
  r record;
BEGIN
  SELECT array_agg(c.indicator ORDER BY c.k), array_agg(c.unit ORDER BY c.k),
         string_agg(format('f.l%s', c.k), ', ' ORDER BY c.k),
         string_agg(format('f.t%s', c.k), ', ' ORDER BY c.k),
         string_agg(format('f.p%s', c.k), ', ' ORDER BY c.k)
  INTO keys_a, units_a, lcols, tcols, pcols
  FROM frontrunner.plan_core_indicators(pid) c;
  levels := format('frontrunner.levels_json(%L::text[], %L::text[], ARRAY[%s], ARRAY[%s], ARRAY[%s], f.n)',
                   keys_a, units_a, lcols, tcols, pcols);
  -- rule 8: "verifiable" (true or false) in the object of each indicator
  -- whose claim was judged (ranking_query()'s vk: the indicators with limits
  -- in test_method_limit, read in the same snapshot); left out when not judged
  FOR r IN SELECT c.k, c.indicator FROM frontrunner.plan_core_indicators(pid) c
           WHERE EXISTS (SELECT FROM frontrunner.test_method_limit l WHERE l.analyte = c.indicator) ORDER BY c.k LOOP
    levels := format('pg_catalog.jsonb_set_lax(%s, %L::text[], pg_catalog.to_jsonb(f.v%s), true, %L)',
                     levels, ARRAY[r.indicator, 'verifiable'], r.k, 'return_target');
  END LOOP;
  RETURN format($q$
SELECT f.rank, f.id AS disclosure, f.enterprise, f.enterprise_name, f.standard, f.tier, f.score,
       %2$s AS levels
FROM (%1$s) f
ORDER BY f.tier, f.key DESC, f.published_at, f.id
$q$, core, levels);
END
$$;
COMMENT ON FUNCTION @extschema@.rank_plan_query(text) IS
  'the SQL text of rank_plan(plan_code): its columns, in its order (ranking_query() with the levels JSON, "verifiable" added for the indicators whose claims were judged under rule 8); for EXPLAIN, and run by rank_plan() and rank_plan_cursor()';

-- the progress line of a ranking's start (frontrunner.progress)
CREATE FUNCTION @extschema@.rank_plan_start(plan_code text, what text) RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan := frontrunner.plan_row(frontrunner.plan_id(plan_code));
BEGIN
  PERFORM frontrunner.progress(format('%s(%L): %s core indicators, %s published disclosures of category %s; %s',
    what, plan_code, (SELECT count(*) FROM frontrunner.plan_core_indicators(p.id)),
    (SELECT count(*) FROM frontrunner.disclosure d WHERE d.category = p.category AND d.status = 'published'),
    p.category, CASE what WHEN 'rank_plan' THEN 'ranking' ELSE 'opening the cursor' END));
END
$$;
COMMENT ON FUNCTION @extschema@.rank_plan_start(text, text) IS
  'reports (progress()) that rank_plan() or rank_plan_cursor() starts on a plan: its core indicators and the published disclosures of its category';

CREATE FUNCTION @extschema@.rank_plan(plan_code text)
RETURNS TABLE (rank int, disclosure bigint, enterprise @extschema@.uscc, enterprise_name text,
               standard @extschema@.stdcode, tier @extschema@.tier, score numeric, levels jsonb)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
  t0 timestamptz := clock_timestamp();
  report boolean := frontrunner.progress();
  n bigint;
BEGIN
  IF report THEN
    PERFORM frontrunner.rank_plan_start(plan_code, 'rank_plan');
  END IF;
  RETURN QUERY EXECUTE frontrunner.rank_plan_query(plan_code);
  IF report THEN
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM frontrunner.progress(format('rank_plan(%L): %s eligible disclosures ranked in %s s',
                                        plan_code, n, round(extract(epoch FROM clock_timestamp() - t0), 3)));
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.rank_plan(text) IS
  '§5, computed live: the eligible disclosures of the plan in order (tier, score descending, published_at, id) with rank, tier after the leader cap, score 0-100 and per core indicator {level, unit, tier, standing} in levels (and "verifiable" where the method''s limits are recorded: rule 8); reports its start and end (frontrunner.progress); rank_plan_cursor() streams the same rows';

CREATE FUNCTION @extschema@.rank_plan_cursor(plan_code text, portal refcursor DEFAULT 'rank_plan')
RETURNS refcursor
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
  IF frontrunner.progress() THEN
    PERFORM frontrunner.rank_plan_start(plan_code, 'rank_plan_cursor');
  END IF;
  -- planned here, with jit off; run by the client's FETCHes
  OPEN portal NO SCROLL FOR EXECUTE frontrunner.rank_plan_query(plan_code);
  RETURN portal;
END
$$;
COMMENT ON FUNCTION @extschema@.rank_plan_cursor(text, refcursor) IS
  'opens a cursor (named portal, rank_plan by default) on the rows of rank_plan(plan_code), for big plans: in a transaction, FETCH 1000 FROM rank_plan until no row comes, then CLOSE or COMMIT; nothing is kept between fetches but the sorted ranking, and each row''s levels JSON is built when it is fetched';

-- indicator_lists -------------------------------------------------------------------------
CREATE FUNCTION @extschema@.indicator_lists(plan_code text)
RETURNS TABLE (indicator text, tier @extschema@.tier, disclosure bigint, level numeric, unit text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
  pid bigint := frontrunner.plan_id(plan_code);
  vals text;
BEGIN
  SELECT string_agg(format('(%1$L, q.t%2$s, q.l%2$s, %3$L)', c.indicator, c.k, c.unit), ', ' ORDER BY c.k)
  INTO vals
  FROM frontrunner.plan_core_indicators(pid) c;
  RETURN QUERY EXECUTE format($q$
SELECT v.indicator, v.tier, q.id, v.level, v.unit
FROM (%1$s) q
CROSS JOIN LATERAL (VALUES %2$s) v(indicator, tier, level, unit)
ORDER BY v.indicator, v.tier, q.id
$q$, frontrunner.ranking_query(pid), vals);
END
$$;
COMMENT ON FUNCTION @extschema@.indicator_lists(text) IS
  'the per-indicator ranking lists (排行榜) of a plan, computed live: for each core indicator the eligible disclosures in tiers (档) by that indicator alone, with the level in the plan''s unit; within a tier by disclosure id';

-- ordering publications and failing spot checks (rule 6 under concurrency) -------------------
-- A failing spot check revokes the leader entries of its disclosure in the
-- lists it can see; a publication ranks with the spot checks it can see.
-- Run concurrently, neither would see the other's uncommitted rows, and the
-- new list would keep a leader the check failed.  Both therefore first write
-- the row of the disclosure's (the plan's) category in ranking_lock
-- (ranking_lock()): the second waits until the first commits and then, in
-- READ COMMITTED, sees its rows (the publication excludes or revokes the
-- leader; the spot check revokes it in the new list); in REPEATABLE READ or
-- SERIALIZABLE the second gets a serialization failure (40001) and is
-- retried.  Publications of other categories, and spot checks that pass, do
-- not wait.
CREATE TABLE @extschema@.ranking_lock (
  category       text PRIMARY KEY REFERENCES @extschema@.category (code) ON UPDATE CASCADE ON DELETE CASCADE,
  publications   bigint NOT NULL DEFAULT 0,
  failing_checks bigint NOT NULL DEFAULT 0,
  changed_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.ranking_lock IS
  'one row per category, written by every ranking publication and every failing spot check of the category (ranking_lock()), so that they are ordered: the later one sees the earlier one''s rows, or fails with 40001 under REPEATABLE READ';
COMMENT ON COLUMN @extschema@.ranking_lock.category IS 'the category (of the plan published, of the disclosure checked)';
COMMENT ON COLUMN @extschema@.ranking_lock.publications IS 'ranking lists published for plans of the category';
COMMENT ON COLUMN @extschema@.ranking_lock.failing_checks IS 'failing spot checks recorded on disclosures of the category';
COMMENT ON COLUMN @extschema@.ranking_lock.changed_at IS 'database clock of the last write';

CREATE FUNCTION @extschema@.ranking_lock(category text, publication boolean) RETURNS void
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  copy pg_catalog.regclass;
  stamp timestamptz := frontrunner.clock();  -- a value: Citus evaluates no function in DO UPDATE
BEGIN
  IF frontrunner.citus_distributed() AND NOT publication THEN
    -- a failing spot check's trigger fires on its enterprise's shard: it
    -- locks the category's row in this node's copy of the reference table,
    -- which every publication writes (a write through Citus would take every
    -- copy, from a shard); the row does not exist before the category's
    -- first publication: then the copy itself, against that INSERT
    copy := frontrunner.citus_placements('frontrunner.ranking_lock'::pg_catalog.regclass);
    EXECUTE pg_catalog.format('SELECT FROM %s l WHERE l.category = $1 FOR UPDATE', copy) USING category;
    IF NOT FOUND THEN
      EXECUTE pg_catalog.format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', copy);
    END IF;
    RETURN;
  END IF;
  INSERT INTO frontrunner.ranking_lock AS l (category, publications, failing_checks)
  VALUES (category, CASE WHEN publication THEN 1 ELSE 0 END, CASE WHEN publication THEN 0 ELSE 1 END)
  ON CONFLICT ON CONSTRAINT ranking_lock_pkey DO UPDATE
  SET publications = l.publications + EXCLUDED.publications,
      failing_checks = l.failing_checks + EXCLUDED.failing_checks,
      changed_at = stamp;
END
$$;
COMMENT ON FUNCTION @extschema@.ranking_lock(text, boolean) IS
  'SECURITY DEFINER (nobody writes ranking_lock directly): writes the category''s row of ranking_lock for a publication (true) or a failing spot check (false), which orders the two (rule 6 under concurrency); held until the transaction ends; on a distributed registry a failing spot check locks the row (or, before the category''s first publication, the table) in its node''s copy and does not count itself in failing_checks';

-- publication -------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.ranking_publisher_check(plan_code text) RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  caller name := frontrunner.invoker();
  p record;
  mine text;
BEGIN
  -- regulators, and the owner of the extension's tables (the DBA; superusers)
  IF frontrunner.role_in_group(caller, 'frontrunner_regulator')
     OR pg_has_role(caller, (SELECT c.relowner FROM pg_class c
                             WHERE c.oid = 'frontrunner.evaluation_plan'::regclass), 'MEMBER') THEN
    RETURN;
  END IF;
  SELECT e.code, e.agency, e.status INTO p FROM frontrunner.evaluation_plan e WHERE e.code = plan_code;
  mine := frontrunner.account_agency(caller);
  IF FOUND AND p.agency = mine THEN
    RETURN;
  END IF;
  IF NOT FOUND OR p.status = 'draft' THEN
    -- as plan_id() would say to the caller, who does not see other agencies' drafts
    RAISE EXCEPTION 'no evaluation plan "%"', plan_code
      USING ERRCODE = 'P0002',
            DETAIL = format('No row of table evaluation_plan that the caller can see has code %L.', plan_code),
            HINT = 'Give the code of an evaluation plan your agency owns.';
  END IF;
  RAISE EXCEPTION 'permission denied to publish the ranking of plan %', p.code
    USING ERRCODE = 'insufficient_privilege',
          DETAIL = format('Plan %s belongs to agency %s; role %s acts for %s.', p.code, p.agency, caller,
                          coalesce('agency ' || mine, 'no agency (no row in account)')),
          HINT = 'Only the agency that owns a plan (or a regulator) publishes its ranking.';
END
$$;
COMMENT ON FUNCTION @extschema@.ranking_publisher_check(text) IS
  'raises 42501 unless the caller (invoker()) is a regulator, the owner of the extension''s tables (or a superuser), or acts for the agency owning the plan (P0002 for a plan it cannot see); called first by the SECURITY DEFINER publish_ranking()';
CREATE FUNCTION @extschema@.publish_ranking(plan_code text) RETURNS bigint
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
-- (on a distributed registry: the list goes into a reference table and its
-- entries, which reference it, into the shards; Citus writes both over one
-- connection per node)
SET citus.multi_shard_modify_mode = sequential
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  rid bigint;
  published bigint;
  stored bigint;
  leader record;
  failed bigint;
  t0 timestamptz := clock_timestamp();
BEGIN
  -- SECURITY DEFINER (90_security.sql): the caller must own the plan
  PERFORM frontrunner.ranking_publisher_check(plan_code);
  -- the row lock serialises publications of one plan and its closing
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.id = frontrunner.plan_id(plan_code) FOR UPDATE;
  IF p.status <> 'published' THEN
    RAISE EXCEPTION 'rule 7 (plan workflow): plan % is %; only a published plan''s ranking is published', p.code, p.status
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (id %s) has status %s.', p.code, p.id, p.status),
            HINT = CASE p.status WHEN 'draft' THEN 'Submit the plan for review and publish it first (UPDATE evaluation_plan SET status = ''under_review'', then ''published'').'
                                 WHEN 'under_review' THEN 'Publish the plan first, once its review is complete (UPDATE evaluation_plan SET status = ''published'').'
                                 ELSE 'A closed plan gets no new ranking.' END,
            TABLE = 'evaluation_plan', COLUMN = 'status';
  END IF;
  -- ordered with the failing spot checks of the category (ranking_lock()):
  -- the statements below see every spot check committed before this one
  -- returns
  PERFORM frontrunner.ranking_lock(p.category, true);
  SELECT count(*) INTO published FROM frontrunner.disclosure d
  WHERE d.category = p.category AND d.status = 'published';
  PERFORM frontrunner.progress(format('publish_ranking(%L): plan %s locked, %s published disclosures of category %s; ranking',
                                      plan_code, p.id, published, p.category));
  -- the list as computed now, then its head and its entries: two
  -- statements (on a distributed registry the head goes into a reference
  -- table, the entries to the shards of their enterprises)
  CREATE TEMP TABLE fr_publish_ranking ON COMMIT DROP AS
  SELECT q.*, NULL::text AS revoke_reason FROM frontrunner.rank_plan(p.code) q;
  -- rule 6 in the new list: a leader whose disclosure failed a spot check
  -- (one that does not exclude the enterprise at the plan's deadline) is
  -- revoked in it, as in every list before it (each leader's spot checks
  -- read on its enterprise's shard)
  FOR leader IN SELECT q.enterprise, q.disclosure FROM pg_temp.fr_publish_ranking q WHERE q.tier = 'leader' LOOP
    SELECT min(x.id) INTO failed FROM frontrunner.spot_check x
    WHERE x.enterprise OPERATOR(frontrunner.=) leader.enterprise AND x.disclosure = leader.disclosure AND NOT x.conforms;
    CONTINUE WHEN failed IS NULL;
    UPDATE pg_temp.fr_publish_ranking q SET revoke_reason = frontrunner.spot_check_revoke_reason(failed, leader.enterprise)
    WHERE q.disclosure = leader.disclosure;
  END LOOP;
  INSERT INTO frontrunner.ranking (plan, eligible, ineligible)
  SELECT p.id, count(*), greatest(published - count(*), 0) FROM pg_temp.fr_publish_ranking
  RETURNING id INTO rid;
  INSERT INTO frontrunner.ranking_entry (ranking, rank, disclosure, enterprise, tier, score, levels,
                                         revoked_at, revoke_reason)
  SELECT rid, q.rank, q.disclosure, q.enterprise, q.tier, q.score, q.levels,
         CASE WHEN q.revoke_reason IS NOT NULL THEN frontrunner.clock() END, q.revoke_reason
  FROM pg_temp.fr_publish_ranking q;
  GET DIAGNOSTICS stored = ROW_COUNT;
  DROP TABLE pg_temp.fr_publish_ranking;
  PERFORM frontrunner.progress(format('publish_ranking(%L): ranking %s stored, %s entries, in %s s',
                                      plan_code, rid, stored, round(extract(epoch FROM clock_timestamp() - t0), 3)));
  RETURN rid;
END
$$;
COMMENT ON FUNCTION @extschema@.publish_ranking(text) IS
  'stores the current rank_plan() of a published plan as an immutable ranking list and returns its id (FR007 when the plan is a draft or closed); a leader whose disclosure failed a spot check is stored revoked (rule 6); ordered with failing spot checks of the category by ranking_lock(); reports its phases (frontrunner.progress)';

-- rule 6: a failing spot check revokes the disclosure's current leader entries ---------------
CREATE FUNCTION @extschema@.spot_check_revoke_reason(spot_check_id bigint, enterprise @extschema@.uscc) RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  reason text;
BEGIN
  -- the spot check and its disclosed indicator, read on its enterprise's
  -- shard (PL/pgSQL: Citus plans the query with its parameters' values)
  SELECT format('failing spot check %s sampled on %s: %s measured %s, disclosed %s (GB/T 8170, %s)',
                x.id, x.sampled_on, x.indicator, x.measured, i.requirement, x.method)
  INTO reason
  FROM frontrunner.spot_check x
  LEFT JOIN frontrunner.disclosed_indicator i
    ON i.enterprise OPERATOR(frontrunner.=) x.enterprise AND i.disclosure = x.disclosure AND i.indicator = x.indicator
  WHERE x.enterprise OPERATOR(frontrunner.=) spot_check_revoke_reason.enterprise AND x.id = spot_check_id;
  RETURN reason;
END
$$;
COMMENT ON FUNCTION @extschema@.spot_check_revoke_reason(bigint, @extschema@.uscc) IS
  'the revoke_reason a failing spot check (of that enterprise) writes into the leader entries it revokes (rule 6): the check, its date, the measured and the disclosed value, the GB/T 8170 method';

CREATE FUNCTION @extschema@.spot_check_revoke() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- ordered with the publications of the disclosure's category
  -- (ranking_lock()): the UPDATE below sees every list committed before;
  -- the spot check's disclosure, its indicator and its ranking entries are
  -- of the spot check's enterprise (the shard the rule runs on)
  PERFORM frontrunner.ranking_lock(d.category, false)
  FROM frontrunner.disclosure d
  WHERE d.enterprise OPERATOR(frontrunner.=) NEW.enterprise AND d.id = NEW.disclosure;
  UPDATE frontrunner.ranking_entry re
  SET revoke_reason = frontrunner.spot_check_revoke_reason(NEW.id, NEW.enterprise)
  FROM frontrunner.ranking r
  JOIN frontrunner.evaluation_plan p ON p.id = r.plan
  WHERE re.ranking = r.id
    AND re.enterprise OPERATOR(frontrunner.=) NEW.enterprise
    AND re.disclosure = NEW.disclosure
    AND re.tier = 'leader'
    AND re.revoked_at IS NULL
    AND p.status = 'published'
    AND r.id = (SELECT max(r2.id) FROM frontrunner.ranking r2 WHERE r2.plan = r.plan);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.spot_check_revoke() IS
  'trigger: rule 6 — a failing spot check revokes the leader entries of its disclosure in the current (latest) list of every published plan; the rest of the list is unchanged; ordered with publications of the category by ranking_lock()';
CREATE TRIGGER spot_check_20_revoke AFTER INSERT OR UPDATE OF conforms, measured, method ON @extschema@.spot_check
  FOR EACH ROW WHEN (NOT @extschema@.restoring('frontrunner.spot_check'::pg_catalog.regclass) AND (NOT NEW.conforms)) EXECUTE FUNCTION @extschema@.spot_check_revoke();

-- views --------------------------------------------------------------------------------------
CREATE VIEW @extschema@.leaderboard AS
SELECT p.code AS plan, p.title AS plan_title, p.agency, p.category, r.id AS ranking,
       r.published_at, e.rank, e.tier::text AS tier, e.score, e.disclosure,
       e.enterprise::text AS enterprise, en.name AS enterprise_name, d.product,
       d.standard::text AS standard, e.revoked_at IS NOT NULL AS revoked, e.revoked_at, e.revoke_reason
FROM @extschema@.ranking r
JOIN @extschema@.evaluation_plan p ON p.id = r.plan
JOIN @extschema@.ranking_entry e ON e.ranking = r.id
JOIN @extschema@.disclosure d ON d.enterprise OPERATOR(@extschema@.=) e.enterprise AND d.id = e.disclosure
JOIN @extschema@.enterprise en ON en.uscc OPERATOR(@extschema@.=) e.enterprise
WHERE r.id = (SELECT max(r2.id) FROM @extschema@.ranking r2 WHERE r2.plan = r.plan);
COMMENT ON VIEW @extschema@.leaderboard IS
  'the latest published ranking list of every plan, revoked entries marked (plain column types)';
COMMENT ON COLUMN @extschema@.leaderboard.plan IS 'plan code';
COMMENT ON COLUMN @extschema@.leaderboard.plan_title IS 'plan title';
COMMENT ON COLUMN @extschema@.leaderboard.agency IS 'evaluation agency';
COMMENT ON COLUMN @extschema@.leaderboard.category IS 'category ranked';
COMMENT ON COLUMN @extschema@.leaderboard.ranking IS 'id of the published list';
COMMENT ON COLUMN @extschema@.leaderboard.published_at IS 'when the list was published';
COMMENT ON COLUMN @extschema@.leaderboard.rank IS '1-based position';
COMMENT ON COLUMN @extschema@.leaderboard.tier IS 'leader, advanced, baseline or below (as published; see revoked)';
COMMENT ON COLUMN @extschema@.leaderboard.score IS 'score 0-100';
COMMENT ON COLUMN @extschema@.leaderboard.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.leaderboard.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.leaderboard.enterprise_name IS 'enterprise name';
COMMENT ON COLUMN @extschema@.leaderboard.product IS 'product';
COMMENT ON COLUMN @extschema@.leaderboard.standard IS 'standard the product executes';
COMMENT ON COLUMN @extschema@.leaderboard.revoked IS 'true when the entry was revoked';
COMMENT ON COLUMN @extschema@.leaderboard.revoked_at IS 'when it was revoked';
COMMENT ON COLUMN @extschema@.leaderboard.revoke_reason IS 'why it was revoked';

CREATE VIEW @extschema@.current_leaders AS
SELECT b.plan, b.plan_title, b.agency, b.category, b.ranking, b.published_at, b.rank, b.score,
       b.disclosure, b.enterprise, b.enterprise_name, b.product, b.standard
FROM @extschema@.leaderboard b
JOIN @extschema@.evaluation_plan p ON p.code = b.plan
WHERE b.tier = 'leader' AND NOT b.revoked AND p.status = 'published';
COMMENT ON VIEW @extschema@.current_leaders IS
  'the leaders (领跑者) of the latest list of every published (not closed) plan, revoked entries left out (plain column types)';
COMMENT ON COLUMN @extschema@.current_leaders.plan IS 'plan code';
COMMENT ON COLUMN @extschema@.current_leaders.plan_title IS 'plan title';
COMMENT ON COLUMN @extschema@.current_leaders.agency IS 'evaluation agency';
COMMENT ON COLUMN @extschema@.current_leaders.category IS 'category ranked';
COMMENT ON COLUMN @extschema@.current_leaders.ranking IS 'id of the published list';
COMMENT ON COLUMN @extschema@.current_leaders.published_at IS 'when the list was published';
COMMENT ON COLUMN @extschema@.current_leaders.rank IS '1-based position';
COMMENT ON COLUMN @extschema@.current_leaders.score IS 'score 0-100';
COMMENT ON COLUMN @extschema@.current_leaders.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.current_leaders.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.current_leaders.enterprise_name IS 'enterprise name';
COMMENT ON COLUMN @extschema@.current_leaders.product IS 'product';
COMMENT ON COLUMN @extschema@.current_leaders.standard IS 'standard the product executes';

CREATE FUNCTION @extschema@.leaders_json(plan_code text) RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  rid bigint;
  out jsonb;
  leaders jsonb;
  revoked jsonb;
BEGIN
  p := frontrunner.plan_row(frontrunner.plan_id(plan_code));
  SELECT max(r.id) INTO rid FROM frontrunner.ranking r WHERE r.plan = p.id;
  IF rid IS NULL THEN
    RAISE EXCEPTION 'plan % has no published ranking', p.code
      USING ERRCODE = 'P0002',
            DETAIL = format('Plan %s (status %s) has no row in ranking.', p.code, p.status),
            HINT = 'Publish one with publish_ranking(plan_code).';
  END IF;
  -- the leaders and the revoked entries first, each a query of its own (on
  -- a distributed registry over the shards), then the document
  SELECT jsonb_agg(jsonb_build_object(
           'rank', e.rank, 'score', e.score,
           'enterprise', jsonb_build_object('uscc', e.enterprise::text, 'name', en.name),
           'disclosure', e.disclosure, 'product', d.product, 'standard', d.standard::text,
           'levels', e.levels) ORDER BY e.rank)
    INTO leaders
  FROM frontrunner.ranking_entry e
  JOIN frontrunner.disclosure d ON d.enterprise OPERATOR(frontrunner.=) e.enterprise AND d.id = e.disclosure
  JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) e.enterprise
  WHERE e.ranking = rid AND e.tier = 'leader' AND e.revoked_at IS NULL;
  SELECT jsonb_agg(jsonb_build_object(
           'rank', e.rank, 'enterprise', jsonb_build_object('uscc', e.enterprise::text, 'name', en.name),
           'disclosure', e.disclosure, 'revoked_at', e.revoked_at, 'reason', e.revoke_reason)
           ORDER BY e.rank)
    INTO revoked
  FROM frontrunner.ranking_entry e
  JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) e.enterprise
  WHERE e.ranking = rid AND e.revoked_at IS NOT NULL;
  SELECT jsonb_build_object(
           'plan', jsonb_build_object('code', p.code, 'title', p.title, 'agency', p.agency,
                                      'category', p.category, 'category_name', c.name,
                                      'deadline', p.deadline, 'status', p.status),
           'ranking', jsonb_build_object('id', r.id, 'published_at', r.published_at,
                                         'eligible', r.eligible),
           'leaders', coalesce(leaders, '[]'::jsonb),
           'revoked', coalesce(revoked, '[]'::jsonb))
  INTO out
  FROM frontrunner.ranking r JOIN frontrunner.category c ON c.code = p.category
  WHERE r.id = rid;
  RETURN out;
END
$$;
COMMENT ON FUNCTION @extschema@.leaders_json(text) IS
  'the leaders of the latest published list of a plan as JSON for e-commerce platforms and the public: {plan, ranking, leaders: [{rank, score, enterprise {uscc, name}, disclosure, product, standard, levels}], revoked: [...]}; P0002 when nothing is published';
