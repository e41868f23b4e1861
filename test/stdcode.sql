-- pgTAP: stdcode properties over generated standard numbers.
BEGIN;
SELECT plan(31);

-- input that may be malformed: NULL instead of an error
CREATE FUNCTION pg_temp.try_stdcode(t text) RETURNS frontrunner.stdcode
  LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN t::frontrunner.stdcode;
EXCEPTION WHEN invalid_text_representation THEN
  RETURN NULL;
END $$;

-- a few thousand numbers: every family, parts, years, amendments, duals
CREATE TEMP TABLE typed AS
SELECT format('%s %s%s', p, n, y) AS t
FROM unnest(ARRAY['GB', 'GB/T', 'GB/Z', 'QB/T', 'HJ', 'YY', 'GBZ', 'GBZ/T', 'DB/T', 'DB11/', 'DB11/T',
                  'DB2301/T', 'DB44/', 'T/CAS', 'T/CNIA', 'Q/GDMD', 'JJF']) AS p,
     unnest(ARRAY['1', '2', '9', '10', '100', '4806', '4806.1', '4806.2', '4806.10', '0505', '505',
                  '0001S', '2.1', '19001', '160.1']) AS n,
     unnest(ARRAY['', '-1985', '-85', '-2016', '-2022']) AS y
UNION ALL
SELECT format('%s %s%s%s', p, n, y, a)
FROM unnest(ARRAY['ISO', 'IEC', 'ISO/IEC', 'ISO/TS', 'EN', 'EN ISO', 'BS EN ISO', 'DIN EN', 'BS', 'JIS C',
                  'UL']) AS p,
     unnest(ARRAY['9001', '60335-2-24', '60335-2-3', '60335-1', '71-3', '17025', '1']) AS n,
     unnest(ARRAY['', ':2005', ':2015', ':2020']) AS y,
     unnest(ARRAY['', '/Amd 1:2024', '+A1:2021', '/Cor 2:2022', '+A1:2021+A11:2023']) AS a
UNION ALL
SELECT format('ASTM %s%s%s', n, y, r)
FROM unnest(ARRAY['D638', 'C33/C33M', 'E84', 'A36/A36M', 'D1193', 'D64']) AS n,
     unnest(ARRAY['', '-98', '-14', '-2014', '-21']) AS y,
     unnest(ARRAY['', 'a', '(2022)', 'e1']) AS r
UNION ALL
SELECT format('%s %s%s', p, n, y)
FROM unnest(ARRAY['IEEE', 'ANSI', 'ANSI/UL', 'CXS', 'CAC/GL', 'ITU-T', 'AOAC']) AS p,
     unnest(ARRAY['802.11', '802.11ax', '21', 'G.711', 'Z535.1', '991.43', '192']) AS n,
     unnest(ARRAY['', '-1995', '-2020', ':2019']) AS y
UNION ALL
SELECT format('%s %s-%s/%s', p, n, y, a)
FROM unnest(ARRAY['GB', 'GB/T', 'QB/T', 'DB11/T']) AS p,
     unnest(ARRAY['19001', '4706.1', '4806.12']) AS n,
     unnest(ARRAY['2008', '2016']) AS y,
     unnest(ARRAY['ISO 9001:2015', 'IEC 60335-1:2004', 'ISO 9001:2015/Amd 1:2024', 'EN 71-3:2019',
                  'ASTM D638-14']) AS a
UNION ALL
SELECT format('GB/T %s.%s-%s', (n * 7919) % 30000, (n * 31) % 40, 1990 + n % 35)
FROM generate_series(1, 800) AS n;

CREATE TEMP TABLE gen AS
SELECT DISTINCT c FROM (SELECT pg_temp.try_stdcode(t) AS c FROM typed) s WHERE c IS NOT NULL;
CREATE TEMP TABLE sample AS SELECT c FROM gen ORDER BY stdcode_hash(c) LIMIT 70;

SELECT cmp_ok((SELECT count(*) FROM gen), '>=', 2500::bigint, 'a few thousand distinct generated numbers are valid');
SELECT is((SELECT count(*) FROM typed WHERE t LIKE 'GB%' AND pg_temp.try_stdcode(t) IS NULL
           AND t !~ '-85$' AND t !~ ' -'), 0::bigint, 'every generated Chinese number without a dubious year is accepted');

-- order ----------------------------------------------------------------------
SELECT is((SELECT count(*) FROM gen WHERE NOT (c = c) OR stdcode_cmp(c, c) <> 0 OR c < c OR c <> c),
          0::bigint, 'reflexive: c = c, cmp(c, c) = 0');
SELECT is((SELECT count(*) FROM gen a, sample b WHERE stdcode_cmp(a.c, b.c) <> -stdcode_cmp(b.c, a.c)),
          0::bigint, 'antisymmetric: cmp(a, b) = -cmp(b, a)');
SELECT is((SELECT count(*) FROM sample a, sample b, sample c
           WHERE a.c <= b.c AND b.c <= c.c AND NOT a.c <= c.c), 0::bigint, 'transitive: a <= b <= c implies a <= c');
SELECT is((SELECT count(*) FROM sample a, sample b, sample c
           WHERE a.c < b.c AND b.c < c.c AND NOT a.c < c.c), 0::bigint, 'transitive: a < b < c implies a < c');
SELECT is((SELECT count(*) FROM gen a, sample b
           WHERE (a.c = b.c) <> (stdcode_cmp(a.c, b.c) = 0)
              OR (a.c < b.c) <> (stdcode_cmp(a.c, b.c) < 0)
              OR (a.c > b.c) <> (stdcode_cmp(a.c, b.c) > 0)
              OR (a.c <= b.c) <> (stdcode_cmp(a.c, b.c) <= 0)
              OR (a.c >= b.c) <> (stdcode_cmp(a.c, b.c) >= 0)
              OR (a.c <> b.c) <> (stdcode_cmp(a.c, b.c) <> 0)), 0::bigint,
          'operators agree with stdcode_cmp');
SELECT is((SELECT count(*) FROM gen a, sample b WHERE (a.c = b.c) <> (a.c::text = b.c::text)),
          0::bigint, 'equality is equality of the canonical text');
SELECT is((SELECT count(*) FROM gen a, sample b
           WHERE stdcode_cmp(a.c, b.c) NOT IN (-1, 0, 1)), 0::bigint, 'cmp returns -1, 0 or 1');
-- reference order for Chinese numbers with numeric dotted parts: prefix
-- (bytes), parts as integers, year with undated first, then the text
SELECT results_eq(
  $$SELECT c::text FROM gen WHERE std_kind(c) IN ('national', 'industry', 'local')
      AND std_number(c) ~ '^[0-9.]+$' AND std_adopts(c) IS NULL ORDER BY gen.c$$,
  $$SELECT c::text FROM gen WHERE std_kind(c) IN ('national', 'industry', 'local')
      AND std_number(c) ~ '^[0-9.]+$' AND std_adopts(c) IS NULL
    ORDER BY std_prefix(c) COLLATE "C", string_to_array(std_number(c), '.')::int[],
             coalesce(std_year(c), 0), c::text COLLATE "C"$$,
  'order = prefix, number parts numerically, year (undated first)');
SELECT ok('GB 2'::stdcode < 'GB 10' AND 'GB 10'::stdcode < 'GB 100'
          AND 'GB 4806.2'::stdcode < 'GB 4806.10' AND 'GB/T 19001'::stdcode < 'GB/T 19001-1994',
          'GB 2 < GB 10 < GB 100, 4806.2 < 4806.10, undated first');

-- hashing ---------------------------------------------------------------------
SELECT is((SELECT count(*) FROM gen
           WHERE stdcode_hash(c) <> stdcode_hash(lower(c::text)::stdcode)
              OR stdcode_hash_extended(c, 42) <> stdcode_hash_extended(lower(c::text)::stdcode, 42)),
          0::bigint, 'hash consistent with =: a value typed in lower case hashes the same');
SELECT is((SELECT count(*) FROM gen a, sample b WHERE a.c = b.c AND stdcode_hash(a.c) <> stdcode_hash(b.c)),
          0::bigint, 'equal values have equal hashes');
SELECT cmp_ok((SELECT count(DISTINCT stdcode_hash(c)) FROM gen), '>', (SELECT count(*) * 99 / 100 FROM gen),
              'hashes of different values are spread');

-- round trips -----------------------------------------------------------------
SELECT is((SELECT count(*) FROM gen WHERE c::text::stdcode <> c OR c::text::stdcode::text <> c::text),
          0::bigint, 'output -> input gives the same value');
SELECT is((SELECT count(*) FROM gen
           WHERE translate(c::text, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ/-:. ',
                           '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ／—：．　')::stdcode <> c),
          0::bigint, 'full-width input with em dashes and ideographic spaces gives the same value');
SELECT is((SELECT count(*) FROM gen WHERE stdcode_send(c) <> '\x01'::bytea || convert_to(c::text, 'UTF8')),
          0::bigint, 'send: version byte 1, then the canonical text');
COPY gen TO '/tmp/frontrunner_stdcode_tap.bin' (FORMAT binary);
CREATE TEMP TABLE gen_back (c stdcode);
COPY gen_back FROM '/tmp/frontrunner_stdcode_tap.bin' (FORMAT binary);
SELECT set_eq('SELECT c FROM gen', 'SELECT c FROM gen_back', 'send -> recv (binary COPY) gives the same values');

-- accessors -------------------------------------------------------------------
SELECT is((SELECT count(*) FROM gen WHERE std_kind(c) NOT IN
           ('national', 'industry', 'local', 'group', 'enterprise', 'international', 'foreign')),
          0::bigint, 'std_kind is one of the seven kinds');
SELECT is((SELECT count(*) FROM gen WHERE (std_nature(c) IS NOT NULL)
             <> (std_kind(c) IN ('national', 'industry', 'local') AND std_prefix(c) !~ '^JJ')),
          0::bigint, 'std_nature applies to national, industry and local numbers only');
SELECT is((SELECT count(*) FROM gen
           WHERE std_undated(c) > c OR std_year(std_undated(c)) IS NOT NULL
              OR std_undated(std_undated(c)) <> std_undated(c)
              OR std_prefix(std_undated(c)) <> std_prefix(c) OR std_number(std_undated(c)) <> std_number(c)
              OR (std_year(c) IS NULL AND std_adopts(c) IS NULL AND c::text !~ '[+/][AC]' AND std_undated(c) <> c)),
          0::bigint, 'std_undated: same prefix and number, no year, idempotent, sorts first');
SELECT is((SELECT count(*) FROM gen WHERE std_adopts(c) IS NOT NULL
             AND std_kind(std_adopts(c)) NOT IN ('international', 'foreign')),
          0::bigint, 'std_adopts names an international or foreign standard');
SELECT is((SELECT count(*) FROM gen WHERE std_year(c) IS NOT NULL AND std_year(c) NOT BETWEEN 1900 AND 2099),
          0::bigint, 'std_year has four digits');
SELECT is(ARRAY[std_kind('DB2301/T 97-2021'), std_nature('DB2301/T 97-2021'), std_prefix('DB2301/T 97-2021'),
                std_number('DB2301/T 97-2021'), std_year('DB2301/T 97-2021')::text],
          ARRAY['local', 'recommended', 'DB2301/T', '97', '2021'], 'city-level local standard');
SELECT is(ARRAY[std_kind('GBZ 2.1-2019'), std_nature('GBZ 2.1-2019'), std_kind('DB/T 15-2009'), std_kind('GB/Z 18620.1-2008'),
                std_nature('GB/Z 18620.1-2008')],
          ARRAY['industry', 'mandatory', 'industry', 'national', 'guidance'], 'look-alike codes: GBZ, DB/T, GB/Z');
SELECT is(ARRAY[std_adopts('GB/T 19001-2016/ISO 9001:2015')::text, std_undated('GB/T 19001-2016/ISO 9001:2015')::text,
                std_year('ASTM D638-98')::text, std_year('ASTM D638-14')::text],
          ARRAY['ISO 9001:2015', 'GB/T 19001', '1998', '2014'], 'dual numbers and the ASTM year pivot');

-- errors ----------------------------------------------------------------------
SELECT is((SELECT count(*) FROM unnest(ARRAY['', 'GB', 'GB/T', '19001-2016', 'ZZ 1-2000', 'GB/T 1-16', 'GB/T 1-216',
             'GB/T 1-2100', 'GB/T 1:2016', 'ISO 9001-2015', 'ISO 9001:15', 'ISO 1/Amd 1:2024',
             'DB99/T 1-2020', 'DB11 1-2020', 'T/ 1-2020', 'Q/ 1-2020', 'ASTM H1-10', 'ASTM D1-1949',
             'GB/T 1-2016/GB 2-2016', 'GB 1-2016 食品', 'GB 1;2', 'ITU 1', 'CAC 1-2000',
             'IEEE Std Std1']) AS t
           WHERE pg_temp.try_stdcode(t) IS NOT NULL), 0::bigint, 'malformed numbers are all rejected');
SELECT throws_ok($$SELECT 'GB/T 19001 2016'::stdcode$$, '22P02',
                 'invalid input syntax for type stdcode: "GB/T 19001 2016"', 'malformed input: 22P02 naming the input');
SELECT throws_ok($$SELECT 'ISO 9001-2015'::stdcode$$, '22P02', NULL, 'ISO year after a dash: 22P02');
SELECT throws_ok($$SELECT repeat('GB 1', 200)::stdcode$$, '54000', NULL, 'absurdly long input: 54000');
SELECT throws_ok($$SELECT ('GB 1' || repeat('.1', 100))::stdcode$$, '54000', NULL, 'absurdly many parts: 54000');

SELECT * FROM finish();
ROLLBACK;
