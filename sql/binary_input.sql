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
