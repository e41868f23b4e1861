-- pgTAP: the catalogue corpus test/corpus/stdcodes.tsv (see the README there):
-- standard numbers as real catalogues, reference lists, labels and
-- disclosures print them, each with the canonical form, kind and nature it
-- must read as, or the SQLSTATE it must be refused with.
BEGIN;
SELECT plan(12);

CREATE TEMP TABLE raw (n serial, line text);
\copy raw (line) FROM 'test/corpus/stdcodes.tsv' WITH (FORMAT csv, DELIMITER E'\x02', QUOTE E'\x01')
CREATE TEMP TABLE corpus AS
SELECT n, split_part(line, E'\t', 1) AS typed, split_part(line, E'\t', 2) AS source,
       split_part(line, E'\t', 3) AS expect, split_part(line, E'\t', 4) AS canonical,
       split_part(line, E'\t', 5) AS kind, split_part(line, E'\t', 6) AS nature,
       split_part(line, E'\t', 7) AS note
FROM raw
WHERE line !~ '^#' AND line <> '' AND n > (SELECT min(n) FROM raw WHERE line !~ '^#');

-- what the type makes of a row: the canonical text, kind, nature, or the SQLSTATE
CREATE FUNCTION pg_temp.read(t text, OUT got_canonical text, OUT got_kind text, OUT got_nature text, OUT state text)
LANGUAGE plpgsql AS $$
DECLARE
  c frontrunner.stdcode;
BEGIN
  c := t::frontrunner.stdcode;
  got_canonical := c::text;
  got_kind := frontrunner.std_kind(c);
  got_nature := coalesce(frontrunner.std_nature(c), '');
  state := '00000';
EXCEPTION WHEN OTHERS THEN
  state := SQLSTATE;
END
$$;
CREATE TEMP TABLE got AS SELECT c.*, (pg_temp.read(c.typed)).* FROM corpus c;

SELECT is((SELECT count(*) FROM corpus), 589::bigint, 'the corpus has 589 standard numbers');
SELECT is_empty($$SELECT typed FROM corpus WHERE expect NOT IN ('ok', '22P02') OR source = ''
                    OR (expect = 'ok') <> (canonical <> '' AND kind <> '')$$,
  'every row has its source, and an ok row its canonical form and kind (a refusal none)');
SELECT is_empty($$SELECT n, typed, note FROM corpus WHERE note LIKE 'api-gap%'
                    AND note !~ '^api-gap, (accepted in 0\.2\.0 as proposed|accepted in 0\.2\.0 with the canonical form changed|refused in 0\.2\.0):'$$,
  'every api-gap row says what 0.2.0 decided');

-- the accepted rows ---------------------------------------------------------------------
SELECT is_empty($$SELECT typed, canonical, coalesce(got_canonical, 'refused: ' || state) FROM got
                    WHERE expect = 'ok' AND got_canonical IS DISTINCT FROM canonical$$,
  'every ok row reads as its canonical form');
SELECT is_empty($$SELECT typed, kind, got_kind FROM got WHERE expect = 'ok' AND got_kind IS DISTINCT FROM kind$$,
  'every ok row has its kind');
SELECT is_empty($$SELECT typed, nature, got_nature FROM got WHERE expect = 'ok' AND got_nature IS DISTINCT FROM nature$$,
  'every ok row has its nature (empty where the notion does not apply or the number does not tell)');
SELECT is_empty($$SELECT typed FROM got WHERE expect = 'ok' AND state = '00000'
                    AND got_canonical::frontrunner.stdcode::text <> got_canonical$$,
  'every canonical form reads back as itself');
SELECT is_empty($$SELECT typed FROM got WHERE expect = 'ok' AND state = '00000'
                    AND frontrunner.std_undated(got_canonical::frontrunner.stdcode)::text
                        <> substr(got_canonical, 1, length(frontrunner.std_undated(got_canonical::frontrunner.stdcode)::text))$$,
  'the undated number of every row starts its canonical form');

-- the refused rows ----------------------------------------------------------------------
SELECT is_empty($$SELECT typed, expect, state, got_canonical FROM got WHERE expect <> 'ok' AND state <> expect$$,
  'every refused row is refused with its SQLSTATE');

-- the figures the corpus README states ----------------------------------------------------
SELECT results_eq($$SELECT expect, count(*) FROM corpus GROUP BY 1 ORDER BY 1$$,
  $$VALUES ('22P02', 37::bigint), ('ok', 552::bigint)$$,
  'figures: 552 rows read (all as expected), 37 refused on purpose');
SELECT results_eq($$SELECT split_part(note, ':', 1), count(*) FROM corpus WHERE note LIKE 'api-gap%' GROUP BY 1 ORDER BY 1$$,
  $$VALUES ('api-gap, accepted in 0.2.0 as proposed', 31::bigint),
           ('api-gap, accepted in 0.2.0 with the canonical form changed', 1::bigint),
           ('api-gap, refused in 0.2.0', 15::bigint)$$,
  'figures: of the 47 api-gap rows 31 accepted as proposed, 1 with another canonical form, 15 refused');
SELECT is((SELECT count(*) FROM got WHERE expect = 'ok' AND typed <> canonical), 119::bigint,
  'figures: 119 of the rows read are printed otherwise than their canonical form');

SELECT diag(format('stdcodes.tsv: %s rows; %s ok rows, %s read as expected (%s %%); %s refusals, %s refused with their SQLSTATE',
  count(*), count(*) FILTER (WHERE expect = 'ok'),
  count(*) FILTER (WHERE expect = 'ok' AND got_canonical = canonical AND got_kind = kind AND got_nature = nature),
  round(100.0 * count(*) FILTER (WHERE expect = 'ok' AND got_canonical = canonical AND got_kind = kind AND got_nature = nature)
        / count(*) FILTER (WHERE expect = 'ok'), 1),
  count(*) FILTER (WHERE expect <> 'ok'), count(*) FILTER (WHERE expect <> 'ok' AND state = expect)))
FROM got;

SELECT * FROM finish();
ROLLBACK;
