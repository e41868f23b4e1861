-- pgTAP: uscc properties over generated codes
BEGIN;
SELECT plan(26);

-- input that may be malformed: NULL instead of the 22P02
CREATE FUNCTION pg_temp.uscc_or_null(t text) RETURNS frontrunner.uscc
  LANGUAGE plpgsql AS $$
BEGIN
  RETURN t::frontrunner.uscc;
EXCEPTION WHEN invalid_text_representation THEN
  RETURN NULL;
END $$;

-- 3000 valid codes from random 17-character prefixes over the alphabet
-- (positions 3-8, the division code, over the digits)
CREATE TEMP TABLE gen AS
SELECT uscc_complete(string_agg(substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                                       1 + (abs(hashint8(i * 17 + j)) % CASE WHEN j BETWEEN 3 AND 8 THEN 10 ELSE 31 END)::int, 1),
                                '' ORDER BY j)) AS c
FROM generate_series(1, 3000) AS i, generate_series(1, 17) AS j
GROUP BY i;

SELECT is((SELECT count(*) FROM gen WHERE uscc_is_valid(c)), 3000::bigint,
          'every completed code is valid');
SELECT is((SELECT count(*) FROM gen WHERE c::text::uscc = c AND length(c::text) = 18), 3000::bigint,
          'output -> input round-trips exactly');
SELECT is((SELECT count(*) FROM gen WHERE lower(c::text)::uscc = c), 3000::bigint,
          'lower-case input gives the same code');
SELECT is((SELECT count(*) FROM gen
           WHERE (substr(c::text, 1, 6) || ' ' || substr(c::text, 7, 6) || '-' || substr(c::text, 13))::uscc = c),
          3000::bigint, 'spaces and hyphens are ignored');
SELECT is((SELECT count(*) FROM gen
           WHERE translate(c::text, '0123456789ABCDEFGHJKLMNPQRTUWXY',
                           '０１２３４５６７８９ＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＴＵＷＸＹ')::uscc = c),
          3000::bigint, 'full-width input gives the same code');
-- (binary round trip is checked with COPY in the pg_regress test; here via send bytes)
SELECT is((SELECT count(DISTINCT uscc_send(c)) FROM gen), (SELECT count(DISTINCT c) FROM gen),
          'send is injective on distinct codes');

-- Every single-character substitution of the check character is caught
SET LOCAL frontrunner.uscc_weak = on;
SELECT is((SELECT count(*) FROM gen, regexp_split_to_table('0123456789ABCDEFGHJKLMNPQRTUWXY', '') AS x
           WHERE x <> right(c::text, 1)
             AND uscc_is_valid((left(c::text, 17) || x)::uscc)), 0::bigint,
          'every wrong check character (30 per code) is detected');
RESET frontrunner.uscc_weak;
SELECT throws_ok($$SELECT (left(c::text, 17) || CASE right(c::text, 1) WHEN '0' THEN '1' ELSE '0' END)::uscc
                   FROM gen LIMIT 1$$,
                 '22P02', NULL, 'a wrong check character is refused with 22P02');

-- Order: total, antisymmetric, transitive, consistent with = and with text order
CREATE TEMP TABLE s AS SELECT c FROM gen ORDER BY hashtext(c::text) LIMIT 120;
SELECT is((SELECT count(*) FROM s a, s b
           WHERE (a.c < b.c)::int + (a.c = b.c)::int + (a.c > b.c)::int <> 1), 0::bigint,
          'exactly one of <, =, > holds');
SELECT is((SELECT count(*) FROM s a, s b WHERE (a.c <= b.c AND b.c <= a.c) <> (a.c = b.c)), 0::bigint,
          'antisymmetric: a <= b and b <= a iff a = b');
SELECT is((SELECT count(*) FROM s a, s b, s c WHERE a.c < b.c AND b.c < c.c AND NOT a.c < c.c), 0::bigint,
          'transitive');
SELECT is((SELECT count(*) FROM s a, s b WHERE sign(uscc_cmp(a.c, b.c)) <> sign(CASE WHEN a.c::text < b.c::text COLLATE "C" THEN -1 WHEN a.c::text > b.c::text COLLATE "C" THEN 1 ELSE 0 END)), 0::bigint,
          'order is the character order of the codes');
SELECT is((SELECT count(*) FROM s a, s b WHERE (a.c = b.c) <> (uscc_cmp(a.c, b.c) = 0)), 0::bigint,
          'cmp = 0 iff =');
SELECT is((SELECT count(*) FROM s a, s b WHERE a.c = b.c AND uscc_hash(a.c) <> uscc_hash(b.c)), 0::bigint,
          'hash consistent with =');
SELECT is((SELECT count(*) FROM gen a WHERE uscc_hash(a.c) <> uscc_hash(lower(a.c::text)::uscc)), 0::bigint,
          'hash of differently typed equal codes agrees');
SELECT is((SELECT count(*) FROM gen WHERE uscc_hash_extended(c, 0) <> uscc_hash_extended(c::text::uscc, 0)), 0::bigint,
          'extended hash consistent with =');

-- Accessors cover the code
SELECT is((SELECT count(*) FROM gen
           WHERE uscc_registry(c) || uscc_entity(c) || uscc_region(c) || uscc_org_code(c) || right(c::text, 1) <> c::text),
          0::bigint, 'registry | entity | region | org code | check = the code');

-- Errors
SELECT throws_ok($$SELECT 'ABC'::uscc$$, '22P02', NULL, 'too short is 22P02');
SELECT throws_ok($$SELECT '91I403001922038216'::uscc$$, '22P02', NULL, 'I is not in the alphabet');
SELECT throws_ok($$SELECT uscc_complete('914403')$$, '22P02', NULL, 'uscc_complete needs 17 characters');
SELECT throws_ok($$SELECT '91AB0000600037341A'::uscc$$, '22P02',
                 'invalid input syntax for type uscc: "91AB0000600037341A"', 'a letter in the division code is 22P02');
SELECT is((SELECT count(*) FROM gen, generate_series(3, 8) AS p
           WHERE pg_temp.uscc_or_null(overlay(c::text PLACING 'A' FROM p FOR 1)) IS NOT NULL), 0::bigint,
          'a letter in any of positions 3-8 is refused, whatever the check character');

-- Weak mode
SET LOCAL frontrunner.uscc_weak = on;
SELECT is(('914403001922038217'::uscc)::text, '914403001922038217!', 'weak: accepted and marked');
SELECT is(uscc_is_valid('914403001922038217'), false, 'weak: not valid');
SELECT throws_ok($$SELECT '429006NA000000022X'::uscc$$, '22P02', NULL,
                 'weak does not relax the division code (positions 3-8)');
SELECT is((SELECT count(*) FROM gen, generate_series(3, 8) AS p
           WHERE pg_temp.uscc_or_null(overlay(c::text PLACING 'A' FROM p FOR 1)) IS NOT NULL), 0::bigint,
          'weak: a letter in any of positions 3-8 is still refused');
RESET frontrunner.uscc_weak;

SELECT * FROM finish();
ROLLBACK;
