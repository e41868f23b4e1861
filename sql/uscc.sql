-- uscc: unified social credit codes (GB 32100-2015)
SET search_path = frontrunner, public;
\set VERBOSITY default

-- Codes of real registered companies validate and print canonically
SELECT code::uscc AS uscc, uscc_registry(code::uscc) AS registry,
       uscc_registry_name(code::uscc) AS registry_name, uscc_entity(code::uscc) AS entity,
       uscc_region(code::uscc) AS region, uscc_org_code(code::uscc) AS org_code,
       uscc_is_valid(code::uscc) AS valid
FROM (VALUES ('914403001922038216'),   -- 华为技术有限公司
             ('91440400192548256N'),   -- 珠海格力电器股份有限公司
             ('91330100799655058B'),   -- 阿里巴巴(中国)有限公司
             ('9144030071526726XG'),   -- 深圳市腾讯计算机系统有限公司
             ('91110108558521630L'))   -- 小米通讯技术有限公司
     AS t(code);

-- The ways people type them normalise to the same value
SELECT input, input::uscc AS uscc, input::uscc = canonical::uscc AS same
FROM (VALUES ('914403001922038216', '914403001922038216'),
             ('  914403001922038216  ', '914403001922038216'),
             ('9144 0300 1922 0382 16', '914403001922038216'),
             ('91-4403-00192203821-6', '914403001922038216'),
             ('９１４４０３００１９２２０３８２１６', '914403001922038216'),   -- full-width
             ('９１４４０３００１９２２０３８２１６　', '914403001922038216'), -- ideographic space
             ('9144030071526726xg', '9144030071526726XG'),                   -- lower case
             ('９１４４０３００７１５２６７２６ｘｇ', '9144030071526726XG')) AS t(input, canonical);

-- Errors: length, characters (with look-alike hints), check character
SELECT '91440300192203821'::uscc;
SELECT '9144030019220382166'::uscc;
SELECT ''::uscc;
SELECT '91I403001922038216'::uscc;
SELECT '914403001922O38216'::uscc;
SELECT '9144030019220382S6'::uscc;
SELECT '914403001922038Z16'::uscc;
SELECT '91440300192203821V'::uscc;
SELECT '914403001922038_16'::uscc;
SELECT '91440300格力038216'::uscc;
SELECT '914403001922038217'::uscc;
SELECT '91440400192548256X'::uscc;
-- positions 3-8 are the GB/T 2260 division code: digits only
SELECT '91AB0000600037341A'::uscc;
SELECT '9111010A558521630L'::uscc;
SELECT uscc_complete('91AB0000600037341');

-- frontrunner.uscc_weak: a wrong check character is accepted, marked "!"
SET frontrunner.uscc_weak = on;
SELECT '914403001922038217'::uscc AS weak, uscc_is_valid('914403001922038217') AS valid,
       '914403001922038216'::uscc AS strong, uscc_is_valid('914403001922038216') AS valid2;
-- ... but length and character errors never are, nor a letter in the
-- division code (a registry extract prints 429006NA000000022X)
SELECT '91440300192203821'::uscc;
SELECT '91I403001922038216'::uscc;
SELECT '429006NA000000022X'::uscc;
SELECT '429006NA000000022X!'::uscc;
RESET frontrunner.uscc_weak;
-- the printed form "…!" reads back whatever the setting (so dumps restore)
SELECT '914403001922038217!'::uscc AS unchecked, uscc_is_valid('914403001922038217!');
-- "!" on a correct code is harmless
SELECT '914403001922038216!'::uscc AS checked;
SHOW frontrunner.uscc_weak;

-- completing 17 characters with their check character
SELECT uscc_complete('91110108MA01C2XX4') AS completed, uscc_complete('91440300192203821') AS huawei;
SELECT uscc_complete('9144030019220382');
SELECT uscc_complete('91I403001922038');

-- Order and equality
SELECT c FROM (VALUES ('91440400192548256N'::uscc), ('914403001922038216'), ('12100000400000624D'),
                      ('91330100799655058B'), ('9144030071526726XG')) AS t(c) ORDER BY c;
SELECT '914403001922038216'::uscc < '91440400192548256N'::uscc AS lt,
       '914403001922038216'::uscc = '９１４４０３００１９２２０３８２１６'::uscc AS eq,
       '914403001922038216'::uscc <> '91440400192548256N'::uscc AS ne;

-- Casts from and to text
SELECT '91440400192548256N'::text::uscc, ('91440400192548256N'::uscc)::text || ' ok' AS as_text;
CREATE TEMP TABLE ent (id uscc PRIMARY KEY, name text);
INSERT INTO ent VALUES ('914403001922038216', '华为技术有限公司');   -- assignment cast
INSERT INTO ent VALUES ('914403001922038216', 'duplicate');
INSERT INTO ent VALUES ('914403001922038217', 'bad check');

-- Indexes: btree and hash are used
CREATE TEMP TABLE many AS
  SELECT uscc_complete('9111' || lpad(i::text, 13, '0')) AS code FROM generate_series(1, 2000) AS i;
CREATE INDEX many_btree ON many (code);
CREATE INDEX many_hash ON many USING hash (code);
ANALYZE many;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM many WHERE code = '911100000000000175';
EXPLAIN (COSTS OFF) SELECT * FROM many WHERE code < '911100000000000175';
DROP INDEX many_btree;
EXPLAIN (COSTS OFF) SELECT * FROM many WHERE code = '911100000000000175';
RESET enable_seqscan;
RESET enable_bitmapscan;
SELECT count(*) FROM many WHERE code = uscc_complete('91110000000000017');

-- Operator classes are valid
SELECT opcname, amname, amvalidate(c.oid)
FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
WHERE opcname LIKE 'uscc%' ORDER BY opcname;

-- Binary COPY round trip (including an unchecked code)
SET frontrunner.uscc_weak = on;
CREATE TEMP TABLE bin_src AS
  SELECT code FROM many UNION ALL SELECT '914403001922038217'::uscc;
RESET frontrunner.uscc_weak;
COPY bin_src TO '/tmp/frontrunner_uscc.bin' WITH (FORMAT binary);
CREATE TEMP TABLE bin_dst (code uscc);
COPY bin_dst FROM '/tmp/frontrunner_uscc.bin' WITH (FORMAT binary);
SELECT (SELECT count(*) FROM bin_src) AS sent,
       (SELECT count(*) FROM bin_dst) AS received,
       (SELECT count(*) FROM (SELECT code FROM bin_src EXCEPT SELECT code FROM bin_dst) d) AS missing,
       (SELECT count(*) FROM bin_dst WHERE NOT uscc_is_valid(code)) AS unchecked;
