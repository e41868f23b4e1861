-- Superseding a disclosure as an enterprise login (rule 5): the refusal
-- names the real reason.  Row-level security lets an enterprise read every
-- published disclosure but lock (SELECT … FOR UPDATE) only its own, so the
-- disclosure of another enterprise is "another enterprise's", not "missing";
-- a draft of another enterprise stays hidden (it is missing to the caller).
BEGIN;
SELECT plan(11);
\ir fixtures/registry.sql

SELECT FROM setup_roles();
CREATE ROLE fr_sup_ent_a IN ROLE frontrunner_enterprise;
CREATE ROLE fr_sup_ent_b IN ROLE frontrunner_enterprise;
CREATE ROLE fr_sup_regulator IN ROLE frontrunner_regulator;
INSERT INTO account (role, enterprise) VALUES ('fr_sup_ent_a', '91110108558521630L'), ('fr_sup_ent_b', '91330100799655058B');

-- each enterprise: a published disclosure, a withdrawn one, a draft
CREATE TEMP TABLE sx (tag text PRIMARY KEY, id bigint);
GRANT SELECT ON sx TO PUBLIC;
INSERT INTO disclosure (enterprise, category, product, standard)
SELECT e, 'textile-b', p || ' ' || s, 'GB 18401-2010'
FROM (VALUES ('91110108558521630L', 'A'), ('91330100799655058B', 'B')) AS t(e, p),
     unnest(ARRAY['published', 'withdrawn', 'draft']) AS s;
INSERT INTO sx SELECT product, id FROM disclosure WHERE product ~ '^[AB] (published|withdrawn|draft)$';
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
SELECT id, 'formaldehyde', '≤ 40 mg/kg', 'GB/T 2912.1-2009' FROM sx;
INSERT INTO disclosed_indicator (disclosure, indicator, requirement, test_method)
SELECT id, 'ph', '5.0~7.5', 'GB/T 7573-2009' FROM sx;
UPDATE disclosure SET status = 'published' WHERE id IN (SELECT id FROM sx WHERE tag ~ '(published|withdrawn)$');
UPDATE disclosure SET status = 'withdrawn', withdraw_reason = 'test' WHERE id IN (SELECT id FROM sx WHERE tag ~ 'withdrawn$');

-- a new version of enterprise A (a draft with its indicators) superseding s,
-- then its publication: the error it raises, as "SQLSTATE: message / DETAIL"
CREATE FUNCTION pg_temp.supersede(s bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  v bigint;
  detail text;
BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes)
  VALUES ('91110108558521630L', 'textile-b', 'A new version', 'GB 18401-2010', s) RETURNING id INTO v;
  INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method)
  VALUES (v, 'formaldehyde', '≤ 30 mg/kg', 'GB/T 2912.1-2009'), (v, 'ph', '5.0~7.5', 'GB/T 7573-2009');
  BEGIN
    UPDATE frontrunner.disclosure SET status = 'published' WHERE id = v;
    RETURN 'published';
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    DELETE FROM frontrunner.disclosure WHERE id = v;
    RETURN SQLSTATE || ': ' || SQLERRM || ' / ' || detail;
  END;
END
$$;
GRANT EXECUTE ON FUNCTION pg_temp.supersede(bigint) TO PUBLIC;
CREATE FUNCTION pg_temp.id(t text) RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT id FROM sx WHERE tag = t $$;
GRANT EXECUTE ON FUNCTION pg_temp.id(text) TO PUBLIC;
-- the refusal of a version of A superseding B's disclosure t
CREATE FUNCTION pg_temp.foreign_refusal(t text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT format('FR005: rule 5 (publication): disclosure %s belongs to another enterprise or category / '
                'Disclosure %s is by 91330100799655058B in category textile-b; the new version is by 91110108558521630L in category textile-b.',
                pg_temp.id(t), pg_temp.id(t)) $$;
GRANT EXECUTE ON FUNCTION pg_temp.foreign_refusal(text) TO PUBLIC;

SET SESSION AUTHORIZATION fr_sup_ent_a;
SELECT is(current_enterprise()::text, '91110108558521630L', 'the test runs as enterprise A');
SELECT is(pg_temp.supersede(pg_temp.id('B published')), pg_temp.foreign_refusal('B published'),
  'enterprise A superseding B''s published disclosure: refused as another enterprise''s (RLS hides it from FOR UPDATE)');
SELECT is(pg_temp.supersede(pg_temp.id('B withdrawn')), pg_temp.foreign_refusal('B withdrawn'),
  'enterprise A superseding B''s withdrawn disclosure: the owner is the reason, before the status');
SELECT alike(pg_temp.supersede(pg_temp.id('B draft')),
  format('FR005: rule 5 (publication): disclosure %s cannot be superseded: it is missing / %%, whose status is missing.',
         pg_temp.id('B draft')),
  'enterprise A superseding B''s draft: missing, as the draft is to A (nothing of it is revealed)');
SELECT alike(pg_temp.supersede(pg_temp.id('A withdrawn')),
  format('FR005: rule 5 (publication): disclosure %s cannot be superseded: it is withdrawn / %%', pg_temp.id('A withdrawn')),
  'its own withdrawn disclosure: the status, as before');
SELECT alike(pg_temp.supersede(pg_temp.id('A draft')),
  format('FR005: rule 5 (publication): disclosure %s cannot be superseded: it is draft / %%', pg_temp.id('A draft')),
  'its own draft: the status, as before');
SELECT is((SELECT status FROM disclosure WHERE id = pg_temp.id('B published')), 'published',
  'B''s published disclosure is untouched');
SELECT is(pg_temp.supersede(pg_temp.id('A published')), 'published', 'its own published disclosure is superseded');
SELECT is((SELECT status FROM disclosure WHERE id = pg_temp.id('A published')), 'superseded',
  'and becomes superseded');
RESET SESSION AUTHORIZATION;

-- the regulator locks every row: another enterprise's version is refused as before
SET SESSION AUTHORIZATION fr_sup_regulator;
SELECT is(pg_temp.supersede(pg_temp.id('B published')), pg_temp.foreign_refusal('B published'),
  'the regulator: a version of A superseding B''s disclosure is refused with the same message');
SELECT alike(pg_temp.supersede(pg_temp.id('B withdrawn')),
  format('FR005: rule 5 (publication): disclosure %s cannot be superseded: it is withdrawn / %%', pg_temp.id('B withdrawn')),
  'the regulator: a withdrawn disclosure is refused for its status, as before');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
