-- stdcode: standard numbers (标准编号).  The readable spec of the type.
SET search_path = frontrunner, public;
SET client_min_messages = warning;
\set VERBOSITY default

-- 1. Real standard numbers: canonical form and parts -------------------------
SELECT s::stdcode AS canonical, std_kind(s::stdcode) AS kind, std_nature(s::stdcode) AS nature,
       std_prefix(s::stdcode) AS prefix, std_number(s::stdcode) AS number, std_year(s::stdcode) AS year
FROM unnest(ARRAY[
  -- national: GB mandatory, GB/T recommended, GB/Z guidance
  'GB 18401-2010', 'GB 5749-2006', 'GB 5749-2022', 'GB 21519-2008', 'GB/T 8170-2008',
  'GB 32100-2015', 'GB/T 2260', 'GB 11714', 'GB 4806.1-2016', 'GB 4706.1-2005',
  'GB 4706.12-2006', 'GB/Z 18620.1-2008', 'GB 3100-93',
  -- national metrology specifications and regulations
  'JJF 1070-2005', 'JJG 1036-2008',
  -- industry: two letters, /T recommended; GBZ occupational health; DB/T seismology
  'QB/T 1333-2018', 'HG/T 2430-2009', 'NY/T 391-2021', 'HJ 2537-2014', 'YY 0505-2012',
  'SN/T 0001-2016', 'WS/T 367-2012', 'GBZ 2.1-2019', 'GBZ/T 160.1-2004', 'DB/T 15-2009',
  -- local: province (DB11) and city (DB2301) codes; DB11/ is mandatory
  'DB11/ 501-2017', 'DB11/T 1322-2016', 'DB2301/T 97-2021', 'DB44/T 2224-2019',
  -- group and enterprise
  'T/CAS 115-2005', 'T/CNIA 0004-2018', 'Q/GDMD 0001S-2019',
  -- international
  'ISO 9001:2015', 'ISO/IEC 17025:2017', 'ISO/TS 22002-1:2009', 'IEC 60335-2-24:2020',
  'IEC 62552-1:2015', 'ISO 9001:2015/Amd 1:2024', 'ITU-T G.711', 'CAC/GL 21-1997',
  'CAC/RCP 1-1969', 'CXS 192-1995', 'CODEX STAN 192-1995',
  -- foreign: European (amendments with +), adoptions, ASTM, American, Japanese
  'EN 60335-2-21:2003+A1:2005', 'EN 196-3:2005+A1:2008', 'EN 71-3:2019', 'BS EN ISO 9001:2015',
  'DIN EN 71-3:2019', 'BS 1363-1:2016', 'ASTM D638-14', 'ASTM C33/C33M-18', 'ASTM E84-21a',
  'ASTM D1193-06(2018)', 'ANSI Z535.1-2017', 'UL 1995', 'ANSI/UL 1995', 'IEEE 802.11-2020',
  'JIS C 9335-1:2014', 'AOAC 991.43',
  -- dual numbers: a Chinese standard and the one it adopts
  'GB/T 19001-2016/ISO 9001:2015', 'GB 4706.1-2005/IEC 60335-1:2004'
]) AS s;

-- 2. Typed many ways: one canonical value -------------------------------------
SELECT s AS typed, s::stdcode AS canonical, s::stdcode = 'GB/T 19001-2016' AS same
FROM unnest(ARRAY['GB/T 19001-2016', 'gb/t19001—2016', 'GB/T  19001-2016', 'ＧＢ／Ｔ　１９００１—２０１６',
                  'GB／T 19001－2016', 'GB/T 19001–2016', ' gb / t 19001 - 2016 ']) AS s;
SELECT s AS typed, s::stdcode AS canonical
FROM unnest(ARRAY['db11/501-2017', 'DB 11/501-2017', 'DB11/ 501—2017', 'db2301/t97-2021',
                  't/cas115-2005', 'Q/GDMD0001S-2019', 'q/gdmd 0001s-2019', 'iso9001:2015',
                  'ISO 9001：2015', 'iso/iec 17025:2017', 'ISO 9001:2015/AMD1:2024',
                  'ISO 9001:2015/Amd.1:2024', 'astm d 638-14', 'ASTM D638-2014', 'astm e84-21A',
                  'JIS C9335-1:2014', 'IEEE Std 802.11ax-2021', 'bs en iso 9001:2015',
                  'GB 3100-93', 'GB 3100—1993', 'GB/T 19001-2016 / ISO 9001:2015']) AS s;

-- 3. Output -> input round trip, equality and hashing of equal values ---------
SELECT s::stdcode::text::stdcode = s::stdcode AS round_trip,
       stdcode_hash(s::stdcode) = stdcode_hash(s::stdcode::text::stdcode) AS same_hash
FROM unnest(ARRAY['gb/t19001—2016', 'GB 3100-93', 'q/gdmd 0001s-2019', 'ASTM D638-2014']) AS s;
SELECT 'GB 3100-93'::stdcode = 'GB 3100-1993' AS two_digit_year_is_19xx,
       'YY 0505-2012'::stdcode = 'YY 505-2012' AS leading_zero_kept,
       'YY 0505-2012'::stdcode < 'YY 505-2012' AS but_ordered_next;

-- 4. Undated numbers and adopted standards ------------------------------------
SELECT s::stdcode AS code, std_undated(s::stdcode) AS undated, std_adopts(s::stdcode) AS adopts
FROM unnest(ARRAY['GB/T 19001-2016/ISO 9001:2015', 'GB/T 19001-2016', 'GB/T 19001',
                  'ISO 9001:2015/Amd 1:2024', 'EN 196-3:2005+A1:2008', 'BS EN ISO 9001:2015',
                  'DIN EN 71-3:2019', 'EN ISO 9001:2015', 'ASTM C33/C33M-18', 'ANSI/UL 1995']) AS s;
-- editions of one standard grouped by std_undated
SELECT std_undated(c) AS standard, count(*) AS editions, max(c) AS latest
FROM unnest('{GB 5749-2006,GB 5749-2022,GB 5749-85,GB/T 19001-2016/ISO 9001:2015,GB/T 19001-2008,GB/T 19001}'::stdcode[]) AS c
GROUP BY 1 ORDER BY 1;

-- 5. Order: prefix, number parts numerically, year (undated first) ------------
SELECT c FROM unnest('{GB 100,GB 10,GB 2,GB 4806.10-2016,GB 4806.2-2016,GB 4806.1-2016,GB 4806,
  GB 4806-2016,GB/T 19001-2016,GB/T 19001,GB/T 19001-2008,GB/T 19001-2016/ISO 9001:2015,
  GB 5749-2006,GB 5749-85,DB11/T 1322-2016,DB11/ 501-2017,DB2301/T 97-2021}'::stdcode[]) AS c
ORDER BY c;
SELECT c FROM unnest('{IEC 60335-2-24:2020,IEC 60335-2-3:2016,IEC 60335-1:2010,IEC 60335-1:2010/AMD1:2013,
  IEC 60335-10:2020,ISO 9001:2015/Amd 1:2024,ISO 9001:2015,ISO 9001:2008,ASTM D638-14,ASTM D638-98,
  ASTM D638-14(2022),ASTM D638-14a,ASTM C33/C33M-18,ASTM C33-03}'::stdcode[]) AS c
ORDER BY c;
SELECT 'GB 2'::stdcode < 'GB 10' AS a, 'GB 10'::stdcode < 'GB 100' AS b,
       'GB 4806.2'::stdcode < 'GB 4806.10' AS c, 'GB/T 19001'::stdcode < 'GB/T 19001-2008' AS undated_first,
       'ASTM D638-98'::stdcode < 'ASTM D638-14' AS astm_pivot;

-- 6. What the rules use: kind and nature --------------------------------------
SELECT c, std_kind(c) AS kind, std_nature(c) = 'mandatory' AS legal_floor
FROM unnest('{GB 5749-2022,GB/T 5750.1-2023,HJ 2537-2014,DB11/ 501-2017,T/CAS 115-2005,ISO 9001:2015}'::stdcode[]) AS c
ORDER BY c;

-- 7. Errors: SQLSTATE 22P02, DETAIL says what is wrong, HINT the expected shape
SELECT ''::stdcode;
SELECT '19001-2016'::stdcode;
SELECT 'XY 123-2016'::stdcode;
SELECT 'GBT 19001-2016'::stdcode;
SELECT 'GB/T'::stdcode;
SELECT 'GB/T 19001 2016'::stdcode;
SELECT 'GB/T 19001-16'::stdcode;
SELECT 'GB/T 19001-216'::stdcode;
SELECT 'GB/T 19001-2216'::stdcode;
SELECT 'GB/T 19001:2016'::stdcode;
SELECT 'ISO 9001-2015'::stdcode;
SELECT 'ISO 9001:15'::stdcode;
SELECT 'ISO 9001/Amd 1:2024'::stdcode;
SELECT 'ISO 9001:2015/Amd 1:2010'::stdcode;
SELECT 'DB99/T 1-2020'::stdcode;
SELECT 'DB11 501-2017'::stdcode;
SELECT 'DB 501-2017'::stdcode;
SELECT 'T/ 115-2005'::stdcode;
SELECT 'ASTM H12-10'::stdcode;
SELECT 'ASTM C33/C33-18'::stdcode;
SELECT 'GB/T 19001-2016/GB 1-2000'::stdcode;
SELECT 'GB 4806.1-2016 食品接触材料'::stdcode;
SELECT 'GB/T 19001-2016; ISO 9001'::stdcode;
SELECT repeat('GB 1.', 120)::stdcode;
SELECT ('GB 1' || repeat('.1', 100))::stdcode;

-- 8. Operator classes ---------------------------------------------------------
SELECT opcname, amvalidate(oid) FROM pg_opclass WHERE opcname LIKE 'stdcode%' ORDER BY opcname;

-- 9. Casts: text -> stdcode validates (assignment), stdcode -> text ------------
CREATE TEMP TABLE std_staging (raw text);
INSERT INTO std_staging VALUES ('gb/t19001—2016'), ('ＧＢ　４８０６．１—２０１６'), ('iso 9001:2015');
CREATE TEMP TABLE std_codes (code stdcode PRIMARY KEY);
INSERT INTO std_codes SELECT raw FROM std_staging;
SELECT code, code::text AS as_text, pg_typeof(code::text) FROM std_codes ORDER BY code;
INSERT INTO std_codes SELECT 'GB/T 19001-2016—'::text;

-- 10. Binary COPY round trip ---------------------------------------------------
CREATE TEMP TABLE std_bin (code stdcode);
INSERT INTO std_bin SELECT s::stdcode FROM unnest(ARRAY['GB/T 19001-2016/ISO 9001:2015', 'DB11/ 501-2017',
  'Q/GDMD 0001S-2019', 'ASTM D1193-06(2018)', 'EN 196-3:2005+A1:2008', 'JIS C 9335-1:2014']) AS s;
COPY std_bin TO '/tmp/frontrunner_stdcode_regress.bin' (FORMAT binary);
CREATE TEMP TABLE std_bin2 (code stdcode);
COPY std_bin2 FROM '/tmp/frontrunner_stdcode_regress.bin' (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE b.code IS NULL) AS lost
FROM std_bin a LEFT JOIN std_bin2 b ON a.code = b.code;
SELECT stdcode_send('GB/T 19001-2016') AS wire;

-- 11. Index use ----------------------------------------------------------------
CREATE TEMP TABLE std_idx AS
SELECT format('GB/T %s-%s', n, 2000 + n % 24)::stdcode AS code FROM generate_series(1, 2000) AS n;
CREATE INDEX std_idx_btree ON std_idx (code);
ANALYZE std_idx;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM std_idx WHERE code = 'GB/T 1500-2012';
EXPLAIN (COSTS OFF) SELECT * FROM std_idx WHERE code BETWEEN 'GB/T 100' AND 'GB/T 120' ORDER BY code;
SELECT code FROM std_idx WHERE code BETWEEN 'GB/T 100' AND 'GB/T 103' ORDER BY code;
SELECT min(code), max(code) FROM std_idx;
DROP INDEX std_idx_btree;
CREATE INDEX std_idx_hash ON std_idx USING hash (code);
EXPLAIN (COSTS OFF) SELECT * FROM std_idx WHERE code = 'GB/T 1500-2012';
SELECT * FROM std_idx WHERE code = 'gb/t1500—2012';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- 12. Added in 0.2.0: forms real catalogues print ------------------------------
-- amendment sheets (修改单): the base's kind, nature, year and undated
-- number, no adopted standard; "第1号修改单" is the sheet without its year
SELECT s AS typed, s::stdcode AS canonical, std_kind(s::stdcode) AS kind, std_nature(s::stdcode) AS nature,
       std_prefix(s::stdcode) AS prefix, std_number(s::stdcode) AS number, std_year(s::stdcode) AS year,
       std_undated(s::stdcode) AS undated, std_adopts(s::stdcode) AS adopts
FROM unnest(ARRAY['GB 24315-2009/XG1-2012', 'GB 2762-2017/XG1-2021', 'GB/T 36422-2018/XG1-2024',
                  'GB 24315-2009 第1号修改单', 'gb 2762—2017 / xg1—2021', 'GB 2760-2014第3号修改单',
                  'GB/T 15629.11-2003/XG1-2006', 'DB11/T 1322-2016/XG1-2020']) AS s;
-- ordered right after the edition they amend, in their order, before the next edition
SELECT c FROM unnest('{GB 2762-2022,GB 2762-2017/XG2-2023,GB 2762-2017/XG10-2024,GB 2762-2017,
  GB 2762-2017/XG1-2021,GB 2762,GB 2762-2017/XG1,GB 2762-2012}'::stdcode[]) AS c ORDER BY c;
SELECT 'GB 24315-2009/XG1-2012'::stdcode > 'GB 24315-2009' AS after_base,
       'GB 24315-2009/XG1-2012'::stdcode < 'GB 24315-2010' AS before_next,
       'GB 24315-2009/XG1-2012'::stdcode = 'GB 24315-2009/XG1—2012' AS any_dash;
-- food-safety local standards (DBS + province code): local, mandatory
SELECT s AS typed, s::stdcode AS canonical, std_kind(s::stdcode) AS kind, std_nature(s::stdcode) AS nature,
       std_prefix(s::stdcode) AS prefix
FROM unnest(ARRAY['DBS52/ 049-2020', 'DBS52/066—2022', 'dbs23/ 001-2014', 'DBS 50/029-2020',
                  'DBS44/ 006-2016']) AS s;
-- engineering-construction codes of the housing and transport ministries
SELECT s AS typed, s::stdcode AS canonical, std_kind(s::stdcode) AS kind, std_nature(s::stdcode) AS nature,
       std_number(s::stdcode) AS number, std_year(s::stdcode) AS year, std_undated(s::stdcode) AS undated
FROM unnest(ARRAY['JGJ 52-2006', 'JGJ/T294-2013', 'JGJ 94-94', 'CJJ 1-2008', 'CJJ/T 135-2009',
                  'JTG 3362-2018', 'JTG D60-2015', 'JTGD60', 'JTG/T F50-2011', 'JTG/TF50-2011',
                  'JTG/T 3360-01-2018', 'JTG/T D65-06', 'JTG F80/1-2004', 'JTS 239-2015', 'JTS 180-3',
                  'JTS/T 231-2021', 'JTJ 270-98', 'JTJ/T 272-99', 'GBJ 10-89', 'TJ 307-77', 'TBJ 2-85',
                  'CECS 21-2000', 'CECS88:97', 'T/CECS 772-2020', 'GB 50010-2010', 'GB/T 50344-2019']) AS s;
SELECT c FROM unnest('{JTG/T 3360-01-2018,JTG/T 3360-02,JTG/T 3360,JTG/T 3360-01,JTG F80/2-2004,
  JTG F80/1-2004,JTG D60-2015,JTG B01-2014}'::stdcode[]) AS c ORDER BY c;
-- international and foreign issuers and forms added
SELECT s AS typed, s::stdcode AS canonical, std_kind(s::stdcode) AS kind, std_year(s::stdcode) AS year,
       std_undated(s::stdcode) AS undated
FROM unnest(ARRAY['CISPR 32:2012', 'CISPR 10:1992/AMD1:1995/COR1:1995', 'CISPR TR 16-4-2:2011',
                  'OIML R 76-1:2006', 'OIML R89-1990', 'ITU-T G.711 (11/1988)', 'ITU-T G.652 (11/2016)',
                  'JIS A 0203:2019/AMENDMENT 1:2022', 'CEN/TS 16986', 'CLC/TR 50480:2011',
                  'NSF/ANSI/CAN 61', 'ACI 318-19', 'ACI318-89', 'ANSI/IEEE Std C37.04-1979']) AS s;
SELECT c FROM unnest('{ITU-T G.652 (11/2016),ITU-T G.652,ITU-T G.652 (06/2005),ITU-T G.652 (11/2009),
  ITU-T G.652 (10/2000)}'::stdcode[]) AS c ORDER BY c;
-- every canonical form reads back as itself
SELECT count(*) AS values, count(*) FILTER (WHERE c::text::stdcode = c) AS round_trip
FROM unnest('{GB 24315-2009/XG1-2012,GB 24315-2009/XG1,DBS52/ 049-2020,JTG/T 3360-01-2018,JTG F80/1-2004,
  CECS 88-1997,OIML R 89:1990,ITU-T G.711 (11/1988),JIS A 0203:2019/AMENDMENT 1:2022,ACI 318-89}'::stdcode[]) AS c;

-- 13. Refused on purpose, with what to write instead ------------------------------
SELECT 'GB 24315/XG1-2012'::stdcode;
SELECT 'GB 24315-2009/XG1-2008'::stdcode;
SELECT 'GB 24315-2009/XG1-12'::stdcode;
SELECT 'GB 24315-2009/XG0-2012'::stdcode;
SELECT 'GB 24315-2009/XG1-2012/XG2-2013'::stdcode;
SELECT 'GB/T 19001-2016/ISO 9001:2015/XG1-2020'::stdcode;
SELECT 'DBS99/ 049-2020'::stdcode;
SELECT 'DBS5201/ 049-2020'::stdcode;
SELECT 'DBS52/T 049-2020'::stdcode;
SELECT 'DBS52 049-2020'::stdcode;
SELECT 'JGJ/Z 1-2020'::stdcode;
SELECT 'CECS/T 1-2020'::stdcode;
SELECT 'JTG/T 3360-001'::stdcode;
SELECT 'JTJ 270——98'::stdcode;
SELECT 'J 792-2008'::stdcode;
SELECT 'ITU-T G.711 (13/1988)'::stdcode;
SELECT 'ITU-T T.81 (1992) Cor. 1 (01/2004)'::stdcode;
SELECT 'OIML R135:2004(E)'::stdcode;
SELECT 'OIML X 1'::stdcode;
SELECT 'IEC 60335-1:2020+AMD1:2025 CSV'::stdcode;
SELECT 'IEEE Std 1547-2018 Redline'::stdcode;
SELECT 'IEEE Std C37.09/Cor1-2007'::stdcode;
SELECT 'IEC/IEEE 60255.118-1-2018'::stdcode;
SELECT 'JIS A 0203:2019+A1:2022'::stdcode;
SELECT 'CEN 16986'::stdcode;
SELECT 'SIST-TS CEN/TS 16931-3-4:2020'::stdcode;
SELECT 'CAC/RCP 1-1969, Rev 3-1997'::stdcode;
SELECT 'CAC/GL-21 (1997)'::stdcode;
SELECT 'ACI 318-1949'::stdcode;
SELECT 'SF∕T 0022-2021'::stdcode;
SELECT 'DB11T1981-2022'::stdcode;
