-- pgTAP: the corpus test/corpus/usccs.tsv (see the README there): unified
-- social credit codes of registered organisations as published.  The GB 32100
-- check character is computed here by an implementation of its own
-- (PL/pgSQL, weights by recurrence), not by the extension; ok rows must
-- pass both, weak rows fail the check character only (accepted, unchecked,
-- with frontrunner.uscc_weak = on), 22P02 rows are refused whatever the setting.
BEGIN;
SELECT plan(13);

-- the lines as written (\copy with delimiter and quote that never occur),
-- then the fields of the data lines: comments (#) and the header left out
CREATE TEMP TABLE lines (n serial, line text);
\copy lines (line) FROM 'test/corpus/usccs.tsv' WITH (FORMAT csv, DELIMITER E'\x02', QUOTE E'\x01')
CREATE TEMP TABLE corpus AS
SELECT f[1] AS published, f[2] AS name, f[3] AS source, f[4] AS expect, f[5] AS note,
       upper(translate(f[1], ' -', '')) AS folded
FROM (SELECT n, string_to_array(line, E'\t') AS f FROM lines WHERE line !~ '^#' AND line <> '') l
WHERE f[1] <> 'uscc';

-- GB 32100-2015, independently: alphabet 0-9 A-H J-N P-R T U W-Y (31
-- characters), weight of position i is 3^(i-1) mod 31, check character
-- 31 - (sum mod 31), 31 written 0; NULL when the 17 are not all in it
CREATE FUNCTION pg_temp.gb32100_check(code17 text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
  weight int := 1;
  total int := 0;
  v int;
BEGIN
  IF length(code17) <> 17 THEN
    RETURN NULL;
  END IF;
  FOR i IN 1..17 LOOP
    v := strpos(alphabet, substr(code17, i, 1)) - 1;
    IF v < 0 THEN
      RETURN NULL;
    END IF;
    total := total + v * weight;
    weight := (weight * 3) % 31;
  END LOOP;
  RETURN substr(alphabet, (31 - total % 31) % 31 + 1, 1);
END
$$;
-- the code as the type reads it under a setting, or the SQLSTATE of the refusal
CREATE FUNCTION pg_temp.read(t text, weak boolean) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('frontrunner.uscc_weak', CASE WHEN weak THEN 'on' ELSE 'off' END, true);
  RETURN t::frontrunner.uscc::text;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END
$$;
CREATE TEMP TABLE got AS
SELECT c.*, pg_temp.read(c.published, false) AS strict, pg_temp.read(c.published, true) AS weak,
       folded ~ '^[0-9A-HJ-NPQRTUW-Y]{18}$' AND substr(folded, 3, 6) ~ '^[0-9]{6}$' AS well_formed,
       right(folded, 1) = pg_temp.gb32100_check(left(folded, 17)) AS check_ok
FROM corpus c;
SET LOCAL frontrunner.uscc_weak = off;

-- the independent implementation, on its own -------------------------------------------
SELECT is(pg_temp.gb32100_check('91440400192548256'), 'N', 'the independent check: 91440400192548256 → N (珠海格力电器)');
SELECT is((SELECT count(*) FROM generate_series(1, 500) AS i
           WHERE pg_temp.gb32100_check(left(uscc_complete(lpad((i * 7919)::text, 17, '9'))::text, 17))
                 <> right(uscc_complete(lpad((i * 7919)::text, 17, '9'))::text, 1)), 0::bigint,
  'the independent check agrees with uscc_complete() on 500 generated codes');

SELECT is((SELECT count(*) FROM corpus), 258::bigint, 'the corpus has 258 codes');
SELECT is_empty($$SELECT published FROM corpus WHERE expect NOT IN ('ok', 'weak', '22P02') OR source = '' OR name = ''$$,
  'every row has its organisation, its source and ok, weak or 22P02');

-- ok: well formed, the check character right (independently), read as the folded code
SELECT is_empty($$SELECT published FROM got WHERE expect = 'ok' AND NOT (well_formed AND check_ok)$$,
  'ok rows: 18 characters of the alphabet, digits in positions 3-8, the check character right (independent check)');
SELECT is_empty($$SELECT published, strict FROM got WHERE expect = 'ok' AND strict IS DISTINCT FROM folded$$,
  'ok rows are read (frontrunner.uscc_weak off) as the published code, upper-cased');
SELECT is_empty($$SELECT published FROM got WHERE expect = 'ok' AND NOT uscc_is_valid(published::uscc)$$,
  'ok rows are valid');

-- weak: only the check character is wrong
SELECT is_empty($$SELECT published FROM got WHERE expect = 'weak' AND NOT (well_formed AND NOT check_ok)$$,
  'weak rows: well formed, the check character wrong (independent check)');
SELECT is_empty($$SELECT published, strict FROM got WHERE expect = 'weak' AND strict <> '22P02'$$,
  'weak rows are refused with 22P02 by default');
SELECT is_empty($$SELECT published, weak FROM got WHERE expect = 'weak' AND weak IS DISTINCT FROM folded || '!'$$,
  'weak rows are accepted with frontrunner.uscc_weak = on, marked unchecked ("!")');

-- 22P02: not a well-formed code (length, characters, a letter in positions 3-8)
SELECT is_empty($$SELECT published, strict, weak FROM got WHERE expect = '22P02'
                    AND (well_formed OR strict <> '22P02' OR weak <> '22P02')$$,
  '22P02 rows are malformed and refused whatever frontrunner.uscc_weak says');

SELECT results_eq($$SELECT expect, count(*) FROM corpus GROUP BY 1 ORDER BY 1$$,
  $$VALUES ('22P02', 16::bigint), ('ok', 223::bigint), ('weak', 19::bigint)$$,
  'figures: 223 ok, 19 weak, 16 refused');
SELECT is((SELECT count(*) FROM got WHERE (expect = 'ok' AND strict = folded)
             OR (expect = 'weak' AND strict = '22P02' AND weak = folded || '!')
             OR (expect = '22P02' AND strict = '22P02' AND weak = '22P02')), 258::bigint,
  'figures: all 258 rows behave as expected');

SELECT * FROM finish();
ROLLBACK;
