-- Two sessions publish a new version of the same disclosure at once: the
-- first locks it, the second waits and is refused once the first commits,
-- so exactly one current version remains.  Sessions are driven through
-- dblink; the data they commit is removed at the end.
BEGIN;
SELECT plan(12);
CREATE EXTENSION IF NOT EXISTS dblink;

SELECT format('dbname=%s port=%s host=%s', current_database(), current_setting('port'),
              split_part(current_setting('unix_socket_directories'), ',', 1)) AS conn \gset
SELECT 'conc-' || pg_backend_pid() AS cat \gset
SELECT dblink_connect('setup', :'conn');
SELECT dblink_connect('a', :'conn');
SELECT dblink_connect('b', :'conn');

-- committed fixture: X published, versions A and B both superseding X
SELECT dblink_exec('setup', format($$
  INSERT INTO category VALUES (%1$L, 'concurrency test');
  INSERT INTO indicator_def VALUES (%1$L, 'k', 'k', 'lower_better', NULL, true);
  INSERT INTO enterprise (uscc, name) VALUES ('91110108558521630L', 'concurrency test')
    ON CONFLICT DO NOTHING;
$$, :'cat'));
SELECT x AS x FROM dblink('setup', format($$
  INSERT INTO disclosure (enterprise, category, product, standard)
  VALUES ('91110108558521630L', %L, 'x', 'GB 18401-2010') RETURNING id$$, :'cat')) AS t(x bigint) \gset
SELECT dblink_exec('setup', format($$INSERT INTO disclosed_indicator VALUES (%s, 'k', '≤ 5 mg/kg', NULL)$$, :x));
SELECT dblink_exec('setup', format($$UPDATE disclosure SET status = 'published' WHERE id = %s$$, :x));
SELECT v AS va FROM dblink('setup', format($$
  INSERT INTO disclosure (enterprise, category, product, standard, supersedes)
  VALUES ('91110108558521630L', %L, 'x v2 (a)', 'GB 18401-2010', %s) RETURNING id$$, :'cat', :x)) AS t(v bigint) \gset
SELECT v AS vb FROM dblink('setup', format($$
  INSERT INTO disclosure (enterprise, category, product, standard, supersedes)
  VALUES ('91110108558521630L', %L, 'x v2 (b)', 'GB 18401-2010', %s) RETURNING id$$, :'cat', :x)) AS t(v bigint) \gset
SELECT dblink_exec('setup', format($$INSERT INTO disclosed_indicator VALUES (%s, 'k', '≤ 4 mg/kg', NULL), (%s, 'k', '≤ 3 mg/kg', NULL)$$, :va, :vb));

SELECT p AS bpid FROM dblink('b', 'SELECT pg_backend_pid()') AS t(p int) \gset

-- session a publishes A and keeps its transaction open
SELECT dblink_exec('a', 'BEGIN');
SELECT lives_ok(format($$SELECT dblink_exec('a', 'UPDATE disclosure SET status = ''published'' WHERE id = %s')$$, :va),
  'session a publishes version A (locks X)');
-- session b publishes B concurrently: it must wait for a
SELECT dblink_send_query('b', format($$UPDATE disclosure SET status = 'published' WHERE id = %s$$, :vb));
CREATE FUNCTION pg_temp.wait_for_lock(pid int) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 1..200 LOOP
    IF EXISTS (SELECT FROM pg_stat_activity WHERE pg_stat_activity.pid = $1 AND wait_event_type = 'Lock') THEN
      RETURN true;
    END IF;
    PERFORM pg_sleep(0.05);
    PERFORM pg_stat_clear_snapshot();
  END LOOP;
  RETURN false;
END $$;
SELECT ok(pg_temp.wait_for_lock(:bpid), 'session b waits for the lock session a holds on X');
SELECT lives_ok($$SELECT dblink_exec('a', 'COMMIT')$$, 'session a commits');
SELECT throws_ok($$SELECT * FROM dblink_get_result('b') AS t(r text)$$, 'FR005',
  NULL, 'session b is then refused: X is already superseded');
SELECT * FROM dblink_get_result('b') AS t(r text);

SELECT results_eq(format($$SELECT * FROM dblink('setup', 'SELECT id, status FROM disclosure WHERE id IN (%s, %s, %s) ORDER BY id') AS t(id bigint, status text)$$, :x, :va, :vb),
  format($$VALUES (%s::bigint, 'superseded'::text), (%s, 'published'), (%s, 'draft')$$, :x, :va, :vb),
  'X superseded by A; B still a draft');
SELECT is((SELECT n FROM dblink('setup', format($$SELECT count(*) FROM disclosure WHERE category = %L AND status = 'published'$$, :'cat')) AS t(n bigint)),
  1::bigint, 'exactly one current version');
SELECT is((SELECT n FROM dblink('setup', format($$SELECT count(*) FROM disclosure_event WHERE disclosure = %s AND action = 'supersede'$$, :x)) AS t(n bigint)),
  1::bigint, 'X was superseded once in the history');

-- under REPEATABLE READ the loser gets a serialization failure instead
SELECT dblink_exec('a', 'BEGIN');
SELECT dblink_exec('b', 'BEGIN ISOLATION LEVEL REPEATABLE READ');
SELECT * FROM dblink('b', 'SELECT 1') AS t(one int);
SELECT lives_ok(format($$SELECT dblink_exec('a', 'UPDATE disclosure SET status = ''withdrawn'', withdraw_reason = ''recall'' WHERE id = %s')$$, :va), 'session a withdraws A');
SELECT dblink_exec('a', 'COMMIT');
SELECT throws_ok(format($$SELECT dblink_exec('b', 'UPDATE disclosure SET status = ''withdrawn'', withdraw_reason = ''recall'' WHERE id = %s')$$, :va), '40001',
  NULL, 'session b, whose snapshot predates it, gets a serialization failure');
SELECT dblink_exec('b', 'ROLLBACK');

-- Indicators written into a draft lock it against a concurrent publication,
-- unless this transaction inserted the draft (invisible to every other until
-- it commits: src/registry_trigger.c remembers the disclosures it inserted,
-- and forgets them when it ends or a subtransaction aborts).  Session b asks
-- for the lock a publication takes (FOR NO KEY UPDATE; the foreign key's
-- FOR KEY SHARE does not block it).
-- A draft session a inserted in an earlier transaction is locked again:
SELECT v AS vc FROM dblink('a', format($$
  INSERT INTO disclosure (enterprise, category, product, standard)
  VALUES ('91110108558521630L', %L, 'x (c)', 'GB 18401-2010') RETURNING id$$, :'cat')) AS t(v bigint) \gset
SELECT dblink_exec('a', 'BEGIN');
SELECT dblink_exec('a', format($$INSERT INTO disclosed_indicator VALUES (%s, 'k', '≤ 2 mg/kg', NULL)$$, :vc));
SELECT throws_ok(format($$SELECT dblink_exec('b', 'SELECT FROM disclosure WHERE id = %s FOR NO KEY UPDATE NOWAIT')$$, :vc), '55P03',
  NULL, 'indicators written into a draft inserted by an earlier transaction lock it');
SELECT dblink_exec('a', 'COMMIT');
-- a draft inserted in a subtransaction that rolled back is forgotten: the
-- same id, committed by session b meanwhile, is locked
SELECT dblink_exec('a', 'BEGIN');
SELECT dblink_exec('a', 'SAVEPOINT s');
SELECT v AS vd FROM dblink('a', format($$
  INSERT INTO disclosure (enterprise, category, product, standard)
  VALUES ('91110108558521630L', %L, 'x (d)', 'GB 18401-2010') RETURNING id$$, :'cat')) AS t(v bigint) \gset
SELECT dblink_exec('a', 'ROLLBACK TO SAVEPOINT s');
SELECT dblink_exec('b', format($$
  INSERT INTO disclosure (id, enterprise, category, product, standard) OVERRIDING SYSTEM VALUE
  VALUES (%s, '91110108558521630L', %L, 'x (d, b)', 'GB 18401-2010')$$, :vd, :'cat'));
SELECT lives_ok(format($$SELECT dblink_exec('a', 'INSERT INTO disclosed_indicator VALUES (%s, ''k'', ''≤ 2 mg/kg'', NULL)')$$, :vd),
  'session a writes indicators into the draft session b committed under the id a rolled back');
SELECT throws_ok(format($$SELECT dblink_exec('b', 'SELECT FROM disclosure WHERE id = %s FOR NO KEY UPDATE NOWAIT')$$, :vd), '55P03',
  NULL, 'and locks it: the rolled-back insert was forgotten');
SELECT dblink_exec('a', 'ROLLBACK');

-- remove the committed data (triggers off for the cleanup only)
SELECT dblink_exec('setup', format($$
  SET session_replication_role = replica;
  DELETE FROM disclosure_event WHERE disclosure IN (%1$s, %2$s, %3$s, %5$s, %6$s);
  DELETE FROM disclosed_indicator WHERE disclosure IN (%1$s, %2$s, %3$s, %5$s, %6$s);
  DELETE FROM disclosure WHERE id IN (%6$s, %5$s, %3$s, %2$s, %1$s);
  DELETE FROM indicator_def WHERE category = %4$L;
  DELETE FROM category WHERE code = %4$L;
  DELETE FROM enterprise WHERE name = 'concurrency test';
  RESET session_replication_role;
$$, :x, :va, :vb, :'cat', :vc, :vd));
SELECT dblink_disconnect('setup');
SELECT dblink_disconnect('a');
SELECT dblink_disconnect('b');

SELECT * FROM finish();
ROLLBACK;
