-- pgTAP: binary input never echoes raw invalid bytes, neither in the error
-- nor in the server log (test/harness/pgenv.sh exports FR_PGLOG, the log of
-- its cluster; without it the log checks are skipped).  The message is
-- PostgreSQL's own, the bytes in hex.
BEGIN;
SELECT plan(6);
\getenv pglog FR_PGLOG
SELECT coalesce(:'pglog', '') AS pglog \gset

-- a binary COPY file whose one field holds the bytes given: COPY a bytea
-- out, load it into a column of another type
CREATE TEMP TABLE s (v frontrunner.stdcode);
CREATE TEMP TABLE u (v frontrunner.uscc);
CREATE TEMP TABLE log_start AS
SELECT CASE WHEN :'pglog' = '' THEN 0 ELSE (pg_stat_file(:'pglog')).size END AS size;

COPY (SELECT '\x01 30 32 f8 88 80 80 80 31'::bytea) TO '/tmp/frontrunner_recv_log.bin' (FORMAT binary);
SELECT throws_ok($$COPY s FROM '/tmp/frontrunner_recv_log.bin' (FORMAT binary)$$, '22021',
  'invalid byte sequence for encoding "UTF8": 0xf8', 'stdcode: invalid UTF-8 is 22021, the byte in hex');
COPY (SELECT '\x01 39 31 34 34 30 33 30 30 31 39 32 32 30 33 38 32 31 f8 88 80 80 80'::bytea) TO '/tmp/frontrunner_recv_log.bin' (FORMAT binary);
SELECT throws_ok($$COPY u FROM '/tmp/frontrunner_recv_log.bin' (FORMAT binary)$$, '22021',
  'invalid byte sequence for encoding "UTF8": 0xf8', 'uscc: invalid UTF-8 is 22021, the byte in hex');
-- errors caught above are not logged: load both files once more in a
-- session of their own, whose errors the server logs
\setenv PGDATABASE :DBNAME
COPY (SELECT '\x01 30 32 f8 88 80 80 80 31'::bytea) TO '/tmp/frontrunner_recv_log.bin' (FORMAT binary);
\! psql -X -q -c "CREATE TEMP TABLE s (v frontrunner.stdcode)" -c "COPY s FROM '/tmp/frontrunner_recv_log.bin' (FORMAT binary)" >/dev/null 2>&1
COPY (SELECT '\x01 39 31 34 34 30 33 30 30 31 39 32 32 30 33 38 32 31 f8 88 80 80 80'::bytea) TO '/tmp/frontrunner_recv_log.bin' (FORMAT binary);
\! psql -X -q -c "CREATE TEMP TABLE u (v frontrunner.uscc)" -c "COPY u FROM '/tmp/frontrunner_recv_log.bin' (FORMAT binary)" >/dev/null 2>&1

CREATE TEMP TABLE log_tail AS
SELECT CASE WHEN :'pglog' = '' THEN ''::bytea
            ELSE pg_read_binary_file(:'pglog', (SELECT size FROM log_start),
                                     (pg_stat_file(:'pglog')).size - (SELECT size FROM log_start)) END AS bytes;
SELECT CASE WHEN :'pglog' = '' THEN skip('FR_PGLOG is not set: no server log to read', 4) ELSE collect_tap(
  ok((SELECT position(m IN b) > 0 AND position(m IN substr(b, position(m IN b) + 1)) > 0
      FROM (SELECT bytes AS b, 'invalid byte sequence for encoding "UTF8": 0xf8'::bytea AS m FROM log_tail) t),
     'the server log has the two errors, the byte in hex'),
  ok(position('\xf8'::bytea IN (SELECT bytes FROM log_tail)) = 0, 'the server log never has the raw byte F8'),
  ok(position('\x88808080'::bytea IN (SELECT bytes FROM log_tail)) = 0, 'nor the raw continuation bytes'),
  ok(convert_from((SELECT bytes FROM log_tail), 'UTF8') IS NOT NULL, 'the log written since is valid UTF-8')) END;

SELECT * FROM finish();
ROLLBACK;
