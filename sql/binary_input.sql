-- Binary input (COPY … FORMAT binary, or a driver's binary parameters) is
-- validated like text input: a client cannot hand the server a value the
-- text input would refuse.  Each case writes a one-row binary COPY file by
-- hand (PGCOPY header, one field, trailer) and loads it.
SET search_path = frontrunner, public;
\set VERBOSITY default
\set SHOW_CONTEXT never

CREATE FUNCTION pg_temp.copy_file(field bytea) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  lo oid;
BEGIN
  lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
                         || '\x0001'::bytea || int4send(length(field)) || field || '\xffff'::bytea);
  PERFORM lo_export(lo, '/tmp/frontrunner_binary_input.bin');
  PERFORM lo_unlink(lo);
END
$$;
CREATE TEMP TABLE u (v uscc);
CREATE TEMP TABLE s (v stdcode);
CREATE TEMP TABLE i (v indicator);

-- the files are right: what send produces loads back
SELECT FROM pg_temp.copy_file(uscc_send('914403001922038216'));
COPY u FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file(stdcode_send('GB/T 19001-2016'));
COPY s FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file(indicator_send('≤ 0.2 mg/kg'));
COPY i FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);
SELECT (SELECT v::text FROM u) AS uscc, (SELECT v::text FROM s) AS stdcode, (SELECT v::text FROM i) AS indicator;

-- uscc: unknown version; a character outside the alphabet
SELECT FROM pg_temp.copy_file('\x02'::bytea || convert_to('914403001922038216', 'UTF8'));
COPY u FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file('\x01'::bytea || convert_to('91440300192203821O', 'UTF8'));
COPY u FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file('\x01'::bytea || convert_to('9144030019', 'UTF8'));
COPY u FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);

-- stdcode: unknown version; text that is no standard number
SELECT FROM pg_temp.copy_file('\x07'::bytea || convert_to('GB/T 19001-2016', 'UTF8'));
COPY s FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file('\x01'::bytea || convert_to('XX 12-2016', 'UTF8'));
COPY s FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);

-- indicator: unknown version; a unit not in canonical spelling; an unknown
-- unit; bounds the wrong way round; a message cut short
SELECT FROM pg_temp.copy_file(set_byte(indicator_send('≤ 0.2 mg/kg'), 0, 9));
COPY i FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file(overlay(indicator_send('≤ 0.2 mg/kg') PLACING convert_to('mg/Kg', 'UTF8')
                                 FROM length(indicator_send('≤ 0.2 mg/kg')) - 4));
COPY i FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file(overlay(indicator_send('≤ 0.2 mg/kg') PLACING convert_to('mg/kq', 'UTF8')
                                 FROM length(indicator_send('≤ 0.2 mg/kg')) - 4));
COPY i FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);
-- a range 6.5 ~ 8.5 whose lower and upper bounds are swapped
SELECT FROM pg_temp.copy_file(
  substr(indicator_send('6.5 ~ 8.5'), 1, 4)
  || substr(indicator_send('6.5 ~ 8.5'), 15, 10) || substr(indicator_send('6.5 ~ 8.5'), 5, 10)
  || substr(indicator_send('6.5 ~ 8.5'), 25));
COPY i FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);
SELECT FROM pg_temp.copy_file(substr(indicator_send('≤ 0.2 mg/kg'), 1, 9));
COPY i FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);

-- only the three valid rows were loaded
SELECT (SELECT count(*) FROM u) AS uscc_rows, (SELECT count(*) FROM s) AS stdcode_rows,
       (SELECT count(*) FROM i) AS indicator_rows;

-- The text of a uscc or stdcode message is read exactly as text input: in
-- the client encoding, verified by PostgreSQL (invalid bytes: 22021, shown
-- in hex, never echoed raw), normalised (full-width forms, dashes), then the
-- same checks with the same DETAIL and HINT (22P02).  pg_temp.load() writes
-- one field into the file, loads it and says what happened.
CREATE TEMP TABLE u2 (v uscc);
CREATE TEMP TABLE s2 (v stdcode);
CREATE TEMP TABLE l2 (v levelset);
CREATE FUNCTION pg_temp.load(tbl text, field bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  detail text;
BEGIN
  PERFORM pg_temp.copy_file(field);
  EXECUTE format('COPY %I FROM %L (FORMAT binary)', tbl, '/tmp/frontrunner_binary_input.bin');
  RETURN 'loaded';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
  RETURN SQLSTATE || ': ' || SQLERRM || coalesce(nullif(' / ' || detail, ' / '), '');
END
$$;
SELECT what, pg_temp.load('s2', field) AS result
FROM (VALUES
  ('"02", F8 (it leads no UTF-8 sequence) 88 80 80 80, "1"', '\x01 30 32 f8 88 80 80 80 31'::bytea),
  ('a NUL byte', '\x01 47 42 00 31'),
  ('a lone continuation byte', '\x01 47 42 20 80 31'),
  ('an em dash', '\x01'::bytea || convert_to('gb/t 19001—2016', 'UTF8')),
  ('full-width forms', '\x01'::bytea || convert_to('ＧＢ　４８０６．１－２０１６', 'UTF8')),
  ('an amendment sheet typed in Chinese', '\x01'::bytea || convert_to('GB 24315-2009 第1号修改单', 'UTF8')),
  ('a title after the number', '\x01'::bytea || convert_to('GB 4806.1-2016 食品接触材料', 'UTF8')),
  ('DBS with no province 99', '\x01'::bytea || convert_to('DBS99/ 049-2020', 'UTF8'))) AS t(what, field);
SELECT v FROM s2 ORDER BY v;
-- with the DETAIL and HINT of text input
SELECT FROM pg_temp.copy_file('\x01'::bytea || convert_to('DBS99/ 049-2020', 'UTF8'));
COPY s2 FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);

-- uscc: a letter in the division code (positions 3-8) is refused as text
-- input refuses it; full-width digits and spaces read as text input reads
-- them; a wrong check character is kept unchecked
SELECT what, pg_temp.load('u2', field) AS result
FROM (VALUES
  ('17 characters and C0 (it leads no UTF-8 sequence)',
   '\x01 39 31 34 34 30 33 30 30 31 39 32 32 30 33 38 32 31 c0'::bytea),
  ('a letter in position 3', '\x01'::bytea || convert_to('91AB0000600037341A', 'UTF8')),
  ('letters in positions 7-8', '\x01'::bytea || convert_to('429006NA000000022X', 'UTF8')),
  ('10 characters', '\x01'::bytea || convert_to('9144030019', 'UTF8')),
  ('full-width digits and spaces', '\x01'::bytea || convert_to('９１４４ ０３００ １９２２ ０３８２ １６', 'UTF8')),
  ('a wrong check character', '\x01'::bytea || convert_to('914403001922038217', 'UTF8'))) AS t(what, field);
SELECT v, uscc_is_valid(v) AS valid FROM u2 ORDER BY v;
SELECT FROM pg_temp.copy_file('\x01'::bytea || convert_to('429006NA000000022X', 'UTF8'));
COPY u2 FROM '/tmp/frontrunner_binary_input.bin' (FORMAT binary);

-- levelset has no text: its recv makes the checks of its text input (finite
-- levels, best first, each once, counts at least 1) over numeric_recv's
-- values, and a level written with more digits is the same level
CREATE FUNCTION pg_temp.lv_level(level numeric, count bigint) RETURNS bytea
LANGUAGE sql AS $$ SELECT int4send(length(numeric_send(level))) || numeric_send(level) || int8send(count) $$;
SELECT what, pg_temp.load('l2', field) AS result
FROM (VALUES
  ('0.20000 and 0.5', '\x01 00 00000002'::bytea || pg_temp.lv_level(0.20000, 3) || pg_temp.lv_level(0.5, 10)),
  ('NaN', '\x01 00 00000001'::bytea || pg_temp.lv_level('NaN', 3)),
  ('worse level first', '\x01 00 00000002'::bytea || pg_temp.lv_level(5, 3) || pg_temp.lv_level(0.5, 10)),
  ('a count of 0', '\x01 00 00000001'::bytea || pg_temp.lv_level(0.5, 0)),
  ('direction code 7', '\x01 07 00000000'),
  ('a byte after the last level', '\x01 00 00000000 ff')) AS t(what, field);
SELECT v, v = 'lower_better {0.2:3, 0.5:10}'::levelset AS as_text_reads_it FROM l2;
SELECT (SELECT count(*) FROM u2) AS uscc_rows, (SELECT count(*) FROM s2) AS stdcode_rows,
       (SELECT count(*) FROM l2) AS levelset_rows;
