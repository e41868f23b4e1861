-- A straightforward PL/pgSQL implementation of the tier ranking (eligibility,
-- levels, cutoffs, tiers, scores, order, leader cap, as the README states
-- them), written from the text without the levelset aggregate: loops, one
-- query per question.
-- It is the "naive" baseline of `make bench` and the oracle the pgTAP
-- property test (test/ranking_model.sql) compares rank_plan() with.
-- Creates pg_temp.naive_rank_plan(plan_code); needs search_path
-- frontrunner, public.
CREATE FUNCTION pg_temp.naive_rank_plan(plan_code text)
RETURNS TABLE (rank int, disclosure bigint, tier frontrunner.tier, score numeric)
LANGUAGE plpgsql AS $$
DECLARE
  p record;
  pi record;
  d record;
  r record;
  n bigint;
  worse bigint;
  equal bigint;
  k int;
  cap_sw numeric;
  leaders bigint;
  i int := 0;
BEGIN
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.code = plan_code;
  DROP TABLE IF EXISTS nr_pi, nr_elig, nr_level, nr_result, nr_counts;
  CREATE TEMP TABLE nr_pi AS
    SELECT x.indicator, x.weight, coalesce(x.unit, f.unit) AS unit, f.direction,
           x.leader_cutoff, x.advanced_cutoff, x.baseline_cutoff,
           x.leader_fraction, x.advanced_fraction, x.baseline_fraction,
           NULL::numeric AS lc, NULL::numeric AS ac, NULL::numeric AS bc
    FROM frontrunner.plan_indicator x
    JOIN frontrunner.indicator_def f ON f.category = p.category AND f.key = x.indicator
    WHERE x.plan = p.id;
  SELECT count(*) INTO k FROM nr_pi;

  -- step 1: eligibility, one disclosure at a time
  CREATE TEMP TABLE nr_elig (id bigint PRIMARY KEY, published_at timestamptz);
  CREATE TEMP TABLE nr_level (disclosure bigint, indicator text, level numeric,
                              requirement frontrunner.indicator, tier frontrunner.tier, place bigint);
  FOR d IN SELECT x.id, x.enterprise, x.published_at FROM frontrunner.disclosure x
           WHERE x.category = p.category AND x.status = 'published' AND x.published_at <= p.deadline LOOP
    CONTINUE WHEN frontrunner.excluded(d.enterprise, p.deadline, p.exclusion_days);
    CONTINUE WHEN (SELECT count(*) FROM frontrunner.disclosed_indicator di JOIN nr_pi ON nr_pi.indicator = di.indicator
                   WHERE di.disclosure = d.id
                     AND frontrunner.unit_commensurable(coalesce(frontrunner.unit(di.requirement), nr_pi.unit), nr_pi.unit)
                     AND frontrunner.level(di.requirement, nr_pi.direction, nr_pi.unit) IS NOT NULL) < k;
    INSERT INTO nr_elig VALUES (d.id, d.published_at);
    -- step 2: levels in the indicator's unit
    INSERT INTO nr_level (disclosure, indicator, level, requirement)
    SELECT d.id, nr_pi.indicator, frontrunner.level(di.requirement, nr_pi.direction, nr_pi.unit), di.requirement
    FROM nr_pi JOIN frontrunner.disclosed_indicator di ON di.disclosure = d.id AND di.indicator = nr_pi.indicator;
  END LOOP;
  CREATE INDEX ON nr_level (indicator, level);
  ANALYZE nr_level;
  SELECT count(*) INTO n FROM nr_elig;

  -- step 3: cutoffs by fraction, per indicator
  FOR pi IN SELECT * FROM nr_pi LOOP
    IF n > 0 THEN
      UPDATE nr_pi SET
        lc = CASE WHEN p.style = 'best_in_market' THEN
               (SELECT CASE WHEN pi.direction = 'higher_better' THEN max(l.level) ELSE min(l.level) END
                FROM nr_level l WHERE l.indicator = pi.indicator)
             ELSE (SELECT l.level FROM nr_level l WHERE l.indicator = pi.indicator
                   ORDER BY CASE WHEN pi.direction = 'higher_better' THEN -l.level ELSE l.level END
                   OFFSET ceil(pi.leader_fraction * n) - 1 LIMIT 1) END,
        ac = (SELECT l.level FROM nr_level l WHERE l.indicator = pi.indicator
              ORDER BY CASE WHEN pi.direction = 'higher_better' THEN -l.level ELSE l.level END
              OFFSET ceil(pi.advanced_fraction * n) - 1 LIMIT 1),
        bc = (SELECT l.level FROM nr_level l WHERE l.indicator = pi.indicator
              ORDER BY CASE WHEN pi.direction = 'higher_better' THEN -l.level ELSE l.level END
              OFFSET ceil(pi.baseline_fraction * n) - 1 LIMIT 1)
      WHERE nr_pi.indicator = pi.indicator;
    END IF;
  END LOOP;

  -- step 5: worse/equal counts per distinct level, one ordered pass per indicator
  CREATE TEMP TABLE nr_counts (indicator text, level numeric, worse bigint, equal bigint);
  FOR pi IN SELECT * FROM nr_pi LOOP
    worse := n;
    FOR r IN SELECT l.level, count(*) AS c FROM nr_level l WHERE l.indicator = pi.indicator
             GROUP BY l.level
             ORDER BY CASE WHEN pi.direction = 'higher_better' THEN -l.level ELSE l.level END LOOP
      worse := worse - r.c;
      INSERT INTO nr_counts VALUES (pi.indicator, r.level, worse, r.c);
    END LOOP;
  END LOOP;
  CREATE INDEX ON nr_counts (indicator, level);

  -- steps 3-5 per disclosure and indicator: tier reached, and the mid-rank
  -- standing s = (worse + (equal - 1) / 2) / (n - 1) kept exact as its
  -- numerator over 2·(n - 1): place = 2·worse + equal - 1
  FOR r IN SELECT l.ctid AS c, l.*, x.* FROM nr_level l JOIN nr_pi x ON x.indicator = l.indicator LOOP
    SELECT k.worse, k.equal INTO worse, equal FROM nr_counts k WHERE k.indicator = r.indicator AND k.level = r.level;
    UPDATE nr_level SET
      place = 2 * worse + equal - 1,
      tier = CASE
        WHEN CASE WHEN r.leader_cutoff IS NOT NULL THEN r.requirement OPERATOR(frontrunner.<@) r.leader_cutoff
                  WHEN r.direction = 'higher_better' THEN r.level >= r.lc ELSE r.level <= r.lc END THEN 'leader'
        WHEN CASE WHEN r.advanced_cutoff IS NOT NULL THEN r.requirement OPERATOR(frontrunner.<@) r.advanced_cutoff
                  WHEN r.direction = 'higher_better' THEN r.level >= r.ac ELSE r.level <= r.ac END THEN 'advanced'
        WHEN CASE WHEN r.baseline_cutoff IS NOT NULL THEN r.requirement OPERATOR(frontrunner.<@) r.baseline_cutoff
                  WHEN r.direction = 'higher_better' THEN r.level >= r.bc ELSE r.level <= r.bc END THEN 'baseline'
        ELSE 'below' END::frontrunner.tier
    WHERE nr_level.ctid = r.c;
  END LOOP;

  -- steps 4-5: tier and score per disclosure; score = 100·Σ w·s / Σ w
  -- = 100·sw / (2·(n - 1)·Σ w) with sw = Σ w·place exact, which the order
  -- and the cap compare (equal scores are equal sw)
  CREATE TEMP TABLE nr_result AS
    SELECT e.id, e.published_at, max(l.tier) AS t0, sum(x.weight * l.place) AS sw,
           CASE WHEN n = 1 THEN 100
                ELSE round(100 * sum(x.weight * l.place)::numeric(1000, 20) / (2 * (n - 1) * sum(x.weight)), 20) END AS score,
           NULL::frontrunner.tier AS tier
    FROM nr_elig e JOIN nr_level l ON l.disclosure = e.id JOIN nr_pi x ON x.indicator = l.indicator
    GROUP BY e.id, e.published_at;

  -- step 7: the leader cap, ties kept
  SELECT count(*) INTO leaders FROM nr_result WHERE t0 = 'leader';
  SELECT x.sw INTO cap_sw FROM nr_result x WHERE x.t0 = 'leader'
    ORDER BY x.sw DESC, x.published_at, x.id OFFSET p.leader_cap - 1 LIMIT 1;
  FOR r IN SELECT * FROM nr_result LOOP
    UPDATE nr_result SET tier = CASE WHEN r.t0 = 'leader' AND leaders > p.leader_cap AND r.sw < cap_sw
                                     THEN 'advanced' ELSE r.t0 END
    WHERE nr_result.id = r.id;
  END LOOP;

  -- step 6: order
  FOR r IN SELECT * FROM nr_result x ORDER BY x.tier, x.sw DESC, x.published_at, x.id LOOP
    i := i + 1;
    rank := i; disclosure := r.id; tier := r.tier; score := r.score;
    RETURN NEXT;
  END LOOP;
END
$$;
