-- The invariants after a load (and after every crash and restart): one
-- violation a row, counted per check; load.ack holds the lines the clients
-- wrote after each acknowledged COMMIT (kind and what it wrote).  psql
-- prints "invariant <check>: <violations>" and the acknowledged
-- transactions per kind; the script fails when any check has a violation.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE TEMP TABLE acked AS
SELECT split_part(line, ' ', 1) AS kind, string_to_array(line, ' ') AS f
FROM load.ack WHERE split_part(line, ' ', 2) NOT IN ('-', '');

CREATE TEMP TABLE violation (check_name text, detail text);
-- one current version per chain: no published disclosure has a successor
-- that was ever published, no disclosure two
INSERT INTO violation
SELECT 'one current version per chain', format('disclosure %s (%s) and its successor %s (%s)', o.id, o.status, n.id, n.status)
FROM frontrunner.disclosure o JOIN frontrunner.disclosure n ON n.supersedes = o.id
WHERE n.status <> 'draft' AND o.status <> 'superseded';
INSERT INTO violation
SELECT 'one current version per chain', format('disclosure %s has %s published successors', n.supersedes, count(*))
FROM frontrunner.disclosure n WHERE n.status <> 'draft' AND n.supersedes IS NOT NULL
GROUP BY n.supersedes HAVING count(*) > 1;
-- no published row changed: the content of every acknowledged publication is as published
INSERT INTO violation
SELECT 'no published row changed', format('disclosure %s: %s, acknowledged %s', a.f[2], coalesce(load.digest(a.f[2]::bigint), 'missing'), a.f[3])
FROM acked a WHERE a.kind = 'published' AND load.digest(a.f[2]::bigint) IS DISTINCT FROM a.f[3];
INSERT INTO violation
SELECT 'no published row changed', format('disclosure %s: %s, acknowledged %s', a.f[3], coalesce(load.digest(a.f[3]::bigint), 'missing'), a.f[4])
FROM acked a WHERE a.kind = 'superseded' AND load.digest(a.f[3]::bigint) IS DISTINCT FROM a.f[4];
-- every conforms right
INSERT INTO violation
SELECT 'every conforms right', format('spot check %s: conforms %s, satisfies() says %s', c.id, c.conforms,
                                      frontrunner.satisfies(c.measured, i.requirement, c.method))
FROM frontrunner.spot_check c JOIN frontrunner.disclosed_indicator i ON i.disclosure = c.disclosure AND i.indicator = c.indicator
WHERE c.conforms IS DISTINCT FROM frontrunner.satisfies(c.measured, i.requirement, c.method);
-- no leader with a failing spot check unrevoked, in the latest list of the plan
INSERT INTO violation
SELECT 'no failed leader unrevoked', format('list %s, disclosure %s (rank %s)', e.ranking, e.disclosure, e.rank)
FROM frontrunner.ranking_entry e
WHERE e.tier = 'leader' AND e.revoked_at IS NULL
  AND e.ranking IN (SELECT max(r.id) FROM frontrunner.ranking r GROUP BY r.plan)
  AND EXISTS (SELECT FROM frontrunner.spot_check c WHERE c.disclosure = e.disclosure AND NOT c.conforms);
-- every acknowledged transaction present
INSERT INTO violation
SELECT 'every acknowledged transaction present', a.kind || ' ' || array_to_string(a.f[2:], ' ')
FROM acked a
WHERE NOT CASE a.kind
  WHEN 'draft' THEN EXISTS (SELECT FROM frontrunner.disclosure d WHERE d.id = a.f[2]::bigint)
  WHEN 'published' THEN EXISTS (SELECT FROM frontrunner.disclosure d WHERE d.id = a.f[2]::bigint AND d.status <> 'draft')
  WHEN 'superseded' THEN EXISTS (SELECT FROM frontrunner.disclosure d WHERE d.id = a.f[3]::bigint AND d.supersedes = a.f[2]::bigint AND d.status <> 'draft')
                     AND EXISTS (SELECT FROM frontrunner.disclosure d WHERE d.id = a.f[2]::bigint AND d.status = 'superseded')
  WHEN 'checked' THEN EXISTS (SELECT FROM frontrunner.spot_check c WHERE c.id = a.f[2]::bigint AND c.disclosure = a.f[3]::bigint
                                                                  AND c.conforms = a.f[4]::boolean)
  WHEN 'list' THEN (SELECT count(*) FROM frontrunner.ranking_entry e WHERE e.ranking = a.f[2]::bigint) = a.f[3]::bigint
                   AND EXISTS (SELECT FROM frontrunner.ranking r WHERE r.id = a.f[2]::bigint)
  ELSE false END;
-- no half-written disclosure: every disclosure has its indicator, every list its entries
INSERT INTO violation
SELECT 'no half-written disclosure', format('disclosure %s has no indicator', d.id)
FROM frontrunner.disclosure d WHERE d.category = 'ld'
  AND NOT EXISTS (SELECT FROM frontrunner.disclosed_indicator i WHERE i.disclosure = d.id);
INSERT INTO violation
SELECT 'no half-written list', format('list %s: %s entries, %s eligible', r.id, count(e.*), r.eligible)
FROM frontrunner.ranking r LEFT JOIN frontrunner.ranking_entry e ON e.ranking = r.id
GROUP BY r.id HAVING count(e.*) <> r.eligible;

SELECT format('invariant %s: %s', c.name, count(v.*)) AS invariant
FROM unnest(ARRAY['one current version per chain', 'no published row changed', 'every conforms right',
                  'no failed leader unrevoked', 'every acknowledged transaction present',
                  'no half-written disclosure', 'no half-written list']) WITH ORDINALITY c(name, o)
LEFT JOIN violation v ON v.check_name = c.name
GROUP BY c.name, c.o ORDER BY c.o;
SELECT format('acknowledged %s: %s', kind, count(*)) AS acknowledged FROM acked GROUP BY kind ORDER BY kind;
SELECT format('acknowledged transactions: %s, present: %s, lost: %s', count(*),
              count(*) - (SELECT count(*) FROM violation WHERE check_name = 'every acknowledged transaction present'),
              (SELECT count(*) FROM violation WHERE check_name = 'every acknowledged transaction present')) AS total
FROM acked;
SELECT check_name, detail FROM violation ORDER BY 1, 2 LIMIT 20;
SELECT count(*) = 0 AS clean FROM violation \gset
\if :clean
\else
  \echo 'invariants violated'
  SELECT 1/0 AS invariants_violated;
\endif
