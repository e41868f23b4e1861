-- The data the load (test/reliability/load.sh) and the crash tests
-- (test/crash/*.pl) run on: one category "ld" (indicator k, lower better,
-- mg/kg), 64 enterprises with a published disclosure each, a published plan
-- LD (leaders the best 10 %, failing spot checks exclude at its deadline) with
-- a first list, and in schema load the functions the pgbench scripts call.
-- Each writes through the rules, as a client would, and returns what it
-- wrote (NULL when there was nothing to do), so a script never aborts on a
-- rule: only serialization failures and deadlocks reach pgbench, which
-- retries them (--max-tries).
SET client_min_messages = warning;
CREATE SCHEMA load;
INSERT INTO frontrunner.category VALUES ('ld', '负载测试');
INSERT INTO frontrunner.indicator_def (category, key, name, direction, unit) VALUES ('ld', 'k', '指标', 'lower_better', 'mg/kg');
INSERT INTO frontrunner.review_policy (category, min_approvals, min_notice_days, note)
VALUES ('ld', 0, 0, 'load test: plans published without review');
INSERT INTO frontrunner.enterprise (uscc, name)
SELECT frontrunner.uscc_complete('91110108MA003' || lpad(n::text, 4, '0')), '负载企业 ' || n FROM generate_series(1, 64) n;

-- a published disclosure's content, as published (status aside): what must never change
CREATE FUNCTION load.digest(d bigint) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
  SELECT md5(concat_ws('|', x.id, x.enterprise, x.category, x.product, x.standard, x.published_at, x.supersedes,
                       (SELECT string_agg(i.indicator || '=' || i.requirement::text || '/' || coalesce(i.test_method::text, ''),
                                          ',' ORDER BY i.indicator)
                        FROM frontrunner.disclosed_indicator i WHERE i.disclosure = x.id)))
  FROM frontrunner.disclosure x WHERE x.id = d
$$;

-- a draft of a random enterprise with its indicator (k ≤ r/100 mg/kg)
CREATE FUNCTION load.disclose(e int, r int) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  d bigint;
BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard)
  VALUES (frontrunner.uscc_complete('91110108MA003' || lpad(e::text, 4, '0')), 'ld', '产品 ' || e || '-' || r, 'GB 18401-2010')
  RETURNING id INTO d;
  INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement)
  VALUES (d, 'k', ('≤ ' || round(r / 100.0, 2)::text || ' mg/kg')::frontrunner.indicator);
  RETURN d;
END $$;

-- pick (1 … 100000) is where among the ids a script starts looking
CREATE FUNCTION load.from_id(pick bigint) RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
  SELECT coalesce(max(x.id), 0) * pick / 100000 FROM frontrunner.disclosure x
$$;

-- a disclosure of category ld with the status wanted (a draft: a first
-- version), at or after pick, locked: one no other client has locked
CREATE FUNCTION load.claim(pick bigint, wanted text) RETURNS frontrunner.disclosure
LANGUAGE sql SET search_path = pg_catalog AS $$
  SELECT x.* FROM frontrunner.disclosure x
  WHERE x.category = 'ld' AND x.status = wanted AND (wanted <> 'draft' OR x.supersedes IS NULL)
    AND x.id >= load.from_id(pick)
  ORDER BY x.id LIMIT 1 FOR UPDATE SKIP LOCKED
$$;

-- publishes a draft not locked by another client; returns "id digest"
CREATE FUNCTION load.publish(pick bigint) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  d bigint := (load.claim(pick, 'draft')).id;
BEGIN
  IF d IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM frontrunner.publish_disclosure(d);
  RETURN d || ' ' || load.digest(d);
END $$;

-- a new version of a current disclosure not locked by another client,
-- published at once (the old one becomes superseded); returns "old new digest"
CREATE FUNCTION load.supersede(pick bigint, r int) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  o frontrunner.disclosure := load.claim(pick, 'published');
  d bigint;
BEGIN
  IF o.id IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes)
  VALUES (o.enterprise, 'ld', '产品 v' || r, 'GB 18401-2010', o.id) RETURNING id INTO d;
  INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement)
  VALUES (d, 'k', ('≤ ' || round(r / 100.0, 2)::text || ' mg/kg')::frontrunner.indicator);
  PERFORM frontrunner.publish_disclosure(d);
  RETURN o.id || ' ' || d || ' ' || load.digest(d);
END $$;

-- a spot check of a published disclosure, measured m/100 mg/kg (fails when
-- above the disclosed limit); returns "id disclosure conforms"
CREATE FUNCTION load.spot_check(pick bigint, m int) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  d bigint;
  c record;
BEGIN
  SELECT x.id INTO d FROM frontrunner.disclosure x
  WHERE x.category = 'ld' AND x.status = 'published' AND x.id >= load.from_id(pick) ORDER BY x.id LIMIT 1;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  INSERT INTO frontrunner.spot_check (disclosure, indicator, sampled_on, measured)
  VALUES (d, 'k', CURRENT_DATE, (round(m / 100.0, 2)::text || ' mg/kg')::frontrunner.indicator)
  RETURNING id, conforms INTO c;
  RETURN c.id || ' ' || d || ' ' || c.conforms;
END $$;

-- the first disclosures, published, and the plan with its first list
SELECT load.disclose(n, 100 + n * 7) FROM generate_series(1, 64) n;
SELECT load.publish(1) FROM generate_series(1, 64);
INSERT INTO frontrunner.evaluation_plan (code, agency, category, title, deadline, leader_cap, required_approvals)
VALUES ('LD', '负载评估机构', 'ld', '负载测试方案', now() + interval '30 days', 20, 0);
INSERT INTO frontrunner.plan_indicator (plan, indicator, leader_fraction)
SELECT id, 'k', 0.10 FROM frontrunner.evaluation_plan WHERE code = 'LD';
UPDATE frontrunner.evaluation_plan SET status = 'published' WHERE code = 'LD';
SELECT frontrunner.publish_ranking('LD');
