-- Disclosure workflow (rule 5): draft → published → withdrawn / superseded,
-- clock columns, immutability through every path, history.
BEGIN;
SELECT plan(46);
\ir fixtures/registry.sql

CREATE FUNCTION pg_temp.mk(product text, supersedes bigint DEFAULT NULL,
                           ent text DEFAULT '91110108558521630L') RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  new_id bigint;
BEGIN
  INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes, published_at, withdrawn_at)
  VALUES (ent::frontrunner.uscc, 'textile-b', product, 'GB 18401-2010', supersedes, '2001-01-01', '2001-01-02')
  RETURNING id INTO new_id;
  INSERT INTO frontrunner.disclosed_indicator VALUES
    (new_id, 'formaldehyde', '≤40 mg/kg', 'GB/T 2912.1-2009'),
    (new_id, 'ph', '5.0~7.5', 'GB/T 7573-2009');
  RETURN new_id;
END
$$;
SELECT pg_temp.mk('v1') AS v1 \gset
SELECT pg_temp.mk('other') AS other \gset

-- creation -----------------------------------------------------------------------
SELECT throws_ok($$INSERT INTO disclosure (enterprise, category, product, standard, status)
                   VALUES ('91110108558521630L', 'textile-b', 'x', 'GB 18401-2010', 'published')$$, 'FR005',
  'rule 5 (publication): a disclosure is created as a draft',
  'a disclosure cannot be inserted as published');
SELECT results_eq(format('SELECT status, published_at, withdrawn_at FROM disclosure WHERE id = %s', :v1),
  $$VALUES ('draft'::text, NULL::timestamptz, NULL::timestamptz)$$,
  'client values of published_at/withdrawn_at are ignored on INSERT');
UPDATE disclosure SET published_at = '2001-01-01' WHERE id = :v1;
SELECT is((SELECT published_at FROM disclosure WHERE id = :v1), NULL, 'a draft cannot be given a published_at');
SELECT throws_ok(format($$UPDATE disclosure SET status = 'withdrawn', withdraw_reason = 'x' WHERE id = %s$$, :v1), 'FR005',
  NULL, 'a draft cannot be withdrawn');
SELECT throws_ok(format($$UPDATE disclosure SET status = 'superseded' WHERE id = %s$$, :v1), 'FR005',
  NULL, 'a draft cannot be superseded');
SELECT lives_ok(format($$UPDATE disclosure SET product = 'v1 (edited)' WHERE id = %s$$, :v1), 'a draft can be edited');

-- publication ----------------------------------------------------------------------
UPDATE disclosure SET status = 'published', published_at = '2001-01-01' WHERE id = :v1;
SELECT is((SELECT published_at FROM disclosure WHERE id = :v1), now(), 'published_at comes from the database clock, not the client');
SELECT is(publish_disclosure(:other), now(), 'publish_disclosure() publishes and returns published_at');
SELECT throws_ok(format('SELECT publish_disclosure(%s)', :other), 'FR005',
  'rule 5 (publication): no draft disclosure ' || :other, 'publish_disclosure() of a published disclosure is refused');

-- immutability ------------------------------------------------------------------------
SELECT throws_ok(format($$UPDATE disclosure SET product = 'changed' WHERE id = %s$$, :v1), 'FR005',
  'rule 5 (publication): published disclosure ' || :v1 || ' is immutable', 'UPDATE of a published disclosure is refused');
SELECT throws_ok(format($$UPDATE disclosure SET published_at = published_at - interval '1 day' WHERE id = %s$$, :v1), 'FR005',
  NULL, 'back-dating published_at is refused');
SELECT throws_ok(format($$UPDATE disclosure SET published_at = published_at + interval '1 day' WHERE id = %s$$, :v1), 'FR005',
  NULL, 'changing published_at at all is refused');
SELECT throws_ok(format($$UPDATE disclosure SET status = 'draft' WHERE id = %s$$, :v1), 'FR005',
  NULL, 'a published disclosure cannot go back to draft');
SELECT throws_ok(format($$UPDATE disclosure SET product = product WHERE id = %s$$, :v1), 'FR005',
  NULL, 'even a no-op UPDATE of a published disclosure is refused');
SELECT throws_ok(format('DELETE FROM disclosure WHERE id = %s', :v1), 'FR005',
  'rule 5 (publication): published disclosure ' || :v1 || ' cannot be deleted', 'DELETE of a published disclosure is refused');
SELECT throws_ok('TRUNCATE disclosure CASCADE', 'FR005',
  'rule 5 (publication): TRUNCATE of disclosure is not allowed', 'TRUNCATE disclosure is refused');
SELECT throws_ok('TRUNCATE disclosed_indicator CASCADE', 'FR005', NULL, 'TRUNCATE disclosed_indicator is refused');
SELECT throws_ok('TRUNCATE disclosure_event', 'FR005', NULL, 'TRUNCATE of the history is refused');
SELECT throws_ok('TRUNCATE spot_check CASCADE', 'FR005', NULL, 'TRUNCATE spot_check is refused');
SELECT throws_ok(format($$UPDATE disclosed_indicator SET requirement = '≤30 mg/kg' WHERE disclosure = %s AND indicator = 'formaldehyde'$$, :v1), 'FR005',
  'rule 5 (publication): indicators of published disclosure ' || :v1 || ' are immutable', 'UPDATE of a published indicator is refused');
SELECT throws_ok(format($$DELETE FROM disclosed_indicator WHERE disclosure = %s$$, :v1), 'FR005',
  NULL, 'DELETE of published indicators is refused');
SELECT throws_ok(format($$INSERT INTO disclosed_indicator VALUES (%s, 'odour', '≤1 级', NULL)$$, :v1), 'FR005',
  NULL, 'INSERT of an indicator into a published disclosure is refused');
SELECT pg_temp.mk('draft-x') AS draftx \gset
SELECT throws_ok(format($$UPDATE disclosed_indicator SET disclosure = %s WHERE disclosure = %s AND indicator = 'formaldehyde'$$, :draftx, :v1), 'FR005',
  NULL, 'moving a published indicator into a draft is refused');
SELECT throws_ok(format($$UPDATE disclosed_indicator SET disclosure = %s WHERE disclosure = %s AND indicator = 'formaldehyde'$$, :v1, :draftx), 'FR005',
  NULL, 'moving a draft indicator into a published disclosure is refused');
SELECT throws_ok(format($$UPDATE disclosure SET status = 'superseded' WHERE id = %s$$, :v1), 'FR005',
  'rule 5 (publication): disclosure ' || :v1 || ' is superseded only by publishing its new version',
  'a disclosure is not superseded by hand');

-- a new version ------------------------------------------------------------------------
SELECT pg_temp.mk('v2', :v1) AS v2 \gset
SELECT pg_temp.mk('v2-rival', :v1) AS v2rival \gset
SELECT lives_ok(format($$UPDATE disclosure SET status = 'published' WHERE id = %s$$, :v2), 'publishing v2 (supersedes v1)');
SELECT results_eq(format('SELECT id, status FROM disclosure WHERE id IN (%s, %s) ORDER BY id', :v1, :v2),
  format('VALUES (%s::bigint, %L::text), (%s, %L)', :v1, 'superseded', :v2, 'published'),
  'v1 became superseded in the same transaction');
SELECT throws_ok(format($$UPDATE disclosure SET status = 'published' WHERE id = %s$$, :v2rival), 'FR005',
  'rule 5 (publication): disclosure ' || :v1 || ' cannot be superseded: it is superseded',
  'a second version of v1 is refused (exactly one current version)');
SELECT throws_ok(format($$UPDATE disclosure SET status = 'published' WHERE id = %s$$, :v1), 'FR005',
  NULL, 'a superseded disclosure is final');
SELECT pg_temp.mk('of-another', :v2, '91330100799655058B') AS foreign_v \gset
SELECT throws_ok(format($$UPDATE disclosure SET status = 'published' WHERE id = %s$$, :foreign_v), 'FR005',
  NULL, 'a disclosure of another enterprise cannot supersede');
SELECT pg_temp.mk('twin a', :other) AS twina \gset
SELECT pg_temp.mk('twin b', :other) AS twinb \gset
SELECT throws_ok(format($$UPDATE disclosure SET status = 'published' WHERE id IN (%s, %s)$$, :twina, :twinb), '23505',
  NULL, 'two versions of one disclosure published in one statement: refused');

-- withdrawal -----------------------------------------------------------------------------
SELECT throws_ok(format($$UPDATE disclosure SET status = 'withdrawn' WHERE id = %s$$, :v2), 'FR005',
  'rule 5 (publication): withdrawing disclosure ' || :v2 || ' needs a reason', 'withdrawal needs a reason');
SELECT throws_ok(format($$UPDATE disclosure SET status = 'withdrawn', withdraw_reason = ' ' WHERE id = %s$$, :v2), 'FR005',
  NULL, 'a blank reason is no reason');
SELECT throws_ok(format($$UPDATE disclosure SET status = 'withdrawn', withdraw_reason = 'x', product = 'y' WHERE id = %s$$, :v2), 'FR005',
  NULL, 'withdrawal changes nothing else');
UPDATE disclosure SET status = 'withdrawn', withdraw_reason = '产品停产', withdrawn_at = '2001-01-01' WHERE id = :v2;
SELECT results_eq(format('SELECT status, withdrawn_at, withdraw_reason FROM disclosure WHERE id = %s', :v2),
  $$VALUES ('withdrawn'::text, now(), '产品停产'::text)$$,
  'withdrawn, withdrawn_at from the database clock');
SELECT throws_ok(format($$UPDATE disclosure SET withdraw_reason = 'other' WHERE id = %s$$, :v2), 'FR005',
  NULL, 'a withdrawn disclosure is final');
SELECT throws_ok(format($$SELECT withdraw_disclosure(%s, 'again')$$, :v2), 'FR005',
  NULL, 'withdraw_disclosure() of a withdrawn disclosure is refused');
SELECT is(withdraw_disclosure(:other, '改版'), now(), 'withdraw_disclosure() returns withdrawn_at');

-- drafts can be deleted -----------------------------------------------------------------------
SELECT lives_ok(format('DELETE FROM disclosure WHERE id = %s', :draftx), 'a draft can be deleted (with its indicators)');
SELECT is((SELECT count(*) FROM disclosed_indicator WHERE disclosure = :draftx), 0::bigint, 'its indicators went with it');

-- history ----------------------------------------------------------------------------------------
SELECT results_eq(format('SELECT action, old_status, new_status, by_user, by_session FROM disclosure_history(%s)', :v1),
  $$VALUES ('create', NULL, 'draft', current_user, session_user),
           ('publish', 'draft', 'published', current_user, session_user),
           ('supersede', 'published', 'superseded', current_user, session_user)$$,
  'history of v1: create, publish, supersede, with who');
SELECT results_eq(format('SELECT action, new_status, note FROM disclosure_history(%s)', :v2),
  format($$VALUES ('create', 'draft', NULL), ('publish', 'published', 'supersedes %s'), ('withdraw', 'withdrawn', '产品停产')$$, :v1),
  'history of v2: create, publish (supersedes v1), withdraw with its reason');
SELECT results_eq(format('SELECT action, old_status, new_status FROM disclosure_history(%s)', :draftx),
  $$VALUES ('create', NULL, 'draft'), ('delete', 'draft', NULL)$$,
  'a deleted draft keeps its history');
SELECT ok((SELECT bool_and(at = now()) FROM disclosure_history(:v1)), 'history times come from the database clock');
SELECT throws_ok('UPDATE disclosure_event SET action = action', 'FR005',
  'rule 5 (publication): the disclosure history is append-only', 'history cannot be updated');
SELECT throws_ok('DELETE FROM disclosure_event', 'FR005', NULL, 'history cannot be deleted');

SELECT * FROM finish();
ROLLBACK;
