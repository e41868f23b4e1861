-- The corpus of real requirement texts (test/corpus/requirements.tsv, its
-- README): every line is read as the corpus says.  An "ok" line must parse
-- to its meaning — bounds with their written decimals, inclusivity, the unit
-- (by conversion: 1 of the corpus's unit is 1 of the value's), not detected,
-- the basis (species, sample, fraction), the plan's n, c, m and M, the
-- GB/T 8170 precision — checked through the SQL accessors, and its canonical
-- and Chinese outputs must read back to an equal value; any other line must
-- be refused with its SQLSTATE.  One assertion per line, then the totals.
BEGIN;

CREATE TEMP TABLE corpus_raw (n serial, line text);
\copy corpus_raw (line) FROM 'test/corpus/requirements.tsv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')

CREATE TEMP TABLE corpus AS
SELECT row_number() OVER (ORDER BY n) AS n, f[1] AS text, f[2] AS source, f[3] AS expect, f[4] AS meaning
FROM (SELECT n, string_to_array(line, E'\t') AS f FROM corpus_raw
      WHERE line NOT LIKE '#%' AND line <> '') s
WHERE f[1] <> 'text';

SELECT plan((SELECT count(*)::int FROM corpus) + 3);

-- the meaning notation of test/corpus/README.md, taken apart
CREATE FUNCTION pg_temp.meaning(m text,
  OUT kind text, OUT lo text, OUT hi text, OUT lo_inc boolean, OUT hi_inc boolean,
  OUT unit text, OUT quals jsonb, OUT plan jsonb)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  body text;
  q text;
  r text[];
BEGIN
  r := regexp_match(m, '^(\S+?)(?: ([^{]+?))?(?:\{([^}]*)\})?$');
  IF r IS NULL THEN
    RAISE EXCEPTION 'corpus meaning not understood: %', m;
  END IF;
  body := r[1];
  unit := coalesce(r[2], '');
  q := r[3];
  -- a unit with a space in it ("nd(-inf,1) CFU/100mL" keeps the body whole)
  quals := coalesce((SELECT jsonb_object_agg(split_part(x, '=', 1), split_part(x, '=', 2))
                     FROM unnest(string_to_array(q, ';')) x), '{}');
  IF body = 'nd' THEN
    kind := 'nd_bare';
  ELSIF body LIKE 'nd(%' THEN
    kind := 'nd';
    body := substr(body, 3);
  ELSIF body LIKE 'plan(%' THEN
    kind := 'plan';
    plan := (SELECT jsonb_object_agg(split_part(x, '=', 1), split_part(x, '=', 2))
             FROM unnest(string_to_array(substr(body, 6, length(body) - 6), ',')) x);
    RETURN;
  ELSIF body LIKE '=%' THEN
    kind := 'point';
    lo := substr(body, 2);
    hi := lo;
    lo_inc := true;
    hi_inc := true;
    RETURN;
  ELSE
    kind := 'interval';
  END IF;
  IF kind IN ('nd', 'interval') THEN
    r := regexp_match(body, '^([\[(])([^,]+),([^\])]+)([\])])$');
    IF r IS NULL THEN
      RAISE EXCEPTION 'corpus interval not understood: %', m;
    END IF;
    lo := nullif(r[2], '-inf');
    hi := nullif(r[3], '+inf');
    lo_inc := lo IS NOT NULL AND r[1] = '[';
    hi_inc := hi IS NOT NULL AND r[4] = ']';
  END IF;
END
$$;

-- what does not match, as a text ('' when everything does)
CREATE FUNCTION pg_temp.check_line(t text, expect text, meaning text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  v frontrunner.indicator;
  m record;
  bad text[] := '{}';
  state text;
  msg text;
  sample text;
BEGIN
  BEGIN
    v := t::frontrunner.indicator;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
    IF expect = 'ok' THEN
      RETURN format('refused with %s: %s', state, msg);
    ELSIF state <> expect THEN
      RETURN format('refused with %s instead of %s: %s', state, expect, msg);
    END IF;
    RETURN '';
  END;
  IF expect <> 'ok' THEN
    RETURN format('read as %s, expected refusal %s', v, expect);
  END IF;

  m := pg_temp.meaning(meaning);
  -- the form and the bounds, with their written decimals
  IF m.kind = 'nd_bare' THEN
    IF NOT frontrunner.is_nd(v) OR frontrunner.upper(v) <> 0 OR frontrunner.unit(v) IS NOT NULL THEN
      bad := bad || 'not ND without a limit'::text;
    END IF;
  ELSIF m.kind = 'plan' THEN
    IF frontrunner.form(v) <> 'plan' THEN
      bad := bad || format('form %s, not a plan', frontrunner.form(v));
    ELSIF frontrunner.plan_n(v) <> (m.plan ->> 'n')::int OR frontrunner.plan_c(v) <> (m.plan ->> 'c')::int
          OR frontrunner.plan_m(v) <> (m.plan ->> 'm')::numeric
          OR frontrunner.plan_max(v) IS DISTINCT FROM (m.plan ->> 'M')::numeric THEN
      bad := bad || format('plan n=%s, c=%s, m=%s, M=%s', frontrunner.plan_n(v), frontrunner.plan_c(v),
                           frontrunner.plan_m(v), frontrunner.plan_max(v));
    END IF;
  ELSE
    IF (m.kind = 'nd') <> frontrunner.is_nd(v) THEN
      bad := bad || format('form %s', frontrunner.form(v));
    END IF;
    IF m.kind = 'point' AND frontrunner.form(v) NOT IN ('point') THEN
      bad := bad || format('form %s, not a point', frontrunner.form(v));
    END IF;
    IF frontrunner.lower(v) IS DISTINCT FROM m.lo::numeric OR frontrunner.upper(v) IS DISTINCT FROM m.hi::numeric
       OR frontrunner.lower_inc(v) <> m.lo_inc OR frontrunner.upper_inc(v) <> m.hi_inc THEN
      bad := bad || format('bounds %s%s, %s%s', CASE WHEN frontrunner.lower_inc(v) THEN '[' ELSE '(' END,
                           coalesce(frontrunner.lower(v)::text, '-inf'), coalesce(frontrunner.upper(v)::text, '+inf'),
                           CASE WHEN frontrunner.upper_inc(v) THEN ']' ELSE ')' END);
    ELSIF frontrunner.form(v) <> 'tolerance'
          AND (frontrunner.lower(v)::text IS DISTINCT FROM m.lo OR frontrunner.upper(v)::text IS DISTINCT FROM m.hi) THEN
      -- written decimals kept (a tolerance's bounds are computed, not written)
      bad := bad || format('decimals %s, %s', frontrunner.lower(v), frontrunner.upper(v));
    END IF;
  END IF;
  -- the unit, by conversion
  IF m.kind <> 'nd_bare' THEN
    IF m.unit = '' THEN
      IF frontrunner.unit(v) <> '' THEN
        bad := bad || format('unit %s, expected none', frontrunner.unit(v));
      END IF;
    ELSIF frontrunner.unit(v) = '' OR NOT frontrunner.unit_commensurable(m.unit, frontrunner.unit(v))
          OR frontrunner.unit_compare(1, m.unit, 1, frontrunner.unit(v)) <> 0 THEN
      bad := bad || format('unit %s, expected %s', frontrunner.unit(v), m.unit);
    END IF;
  END IF;
  -- the basis
  IF frontrunner.species(v) IS DISTINCT FROM m.quals ->> 'species' THEN
    bad := bad || format('species %s', frontrunner.species(v));
  END IF;
  sample := CASE m.quals ->> 'sample' WHEN 'ethanol' THEN 'pure ethanol' ELSE m.quals ->> 'sample' END;
  IF frontrunner.sample_basis(v) IS DISTINCT FROM sample THEN
    bad := bad || format('sample basis %s', frontrunner.sample_basis(v));
  END IF;
  IF m.quals ? 'fraction' AND frontrunner.fraction(v) IS DISTINCT FROM m.quals ->> 'fraction' THEN
    bad := bad || format('fraction %s', frontrunner.fraction(v));
  END IF;
  -- the GB/T 8170 precision of a power of ten
  IF m.quals ? 'precision' AND
     coalesce(frontrunner.upper_precision(v), frontrunner.lower_precision(v)) <> (m.quals ->> 'precision')::numeric THEN
    bad := bad || format('precision %s', coalesce(frontrunner.upper_precision(v), frontrunner.lower_precision(v)));
  END IF;
  -- read-back of both styles
  IF NOT (v::text::frontrunner.indicator OPERATOR(frontrunner.=) v) OR v::text::frontrunner.indicator::text <> v::text THEN
    bad := bad || format('canonical %s does not read back', v);
  END IF;
  IF NOT (frontrunner.to_text(v, 'zh')::frontrunner.indicator OPERATOR(frontrunner.=) v) THEN
    bad := bad || format('zh %s does not read back', frontrunner.to_text(v, 'zh'));
  END IF;
  RETURN array_to_string(bad, '; ');
END
$$;

CREATE TEMP TABLE verdict AS
SELECT n, text, expect, pg_temp.check_line(text, expect, meaning) AS problem FROM corpus;

SELECT is(problem, '', format('line %s (%s): %s', n, expect, text)) FROM verdict ORDER BY n;

SELECT cmp_ok((SELECT count(*) FROM corpus), '>=', 480::bigint, 'the corpus has its 487 lines');
SELECT cmp_ok((SELECT count(*) FROM corpus WHERE expect = 'ok'), '>=', 350::bigint,
              'at least 350 lines are to be read');
SELECT is((SELECT count(*) FROM corpus WHERE expect NOT IN ('ok', '22P02', '22003')), 0::bigint,
          'every line expects ok, 22P02 or 22003');

-- the figures for the README
SELECT diag(format('corpus: %s of %s ok lines read correctly, %s of %s refusals with their SQLSTATE',
                   count(*) FILTER (WHERE expect = 'ok' AND problem = ''), count(*) FILTER (WHERE expect = 'ok'),
                   count(*) FILTER (WHERE expect <> 'ok' AND problem = ''), count(*) FILTER (WHERE expect <> 'ok')))
FROM verdict;

SELECT * FROM finish();
ROLLBACK;
