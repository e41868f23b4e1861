-- frontrunner demo, part 2: what is disclosed against — standard numbers
SET search_path = frontrunner, public;
\echo
\echo '== 2. Standard numbers (stdcode)'
\echo '   Typed every way people type them, read as one canonical number, classified:'
SELECT typed AS "as typed", typed::stdcode AS stdcode, std_kind(typed::stdcode) AS kind,
       std_nature(typed::stdcode) AS nature
FROM (VALUES ('ＧＢ　１８４０１—２０１０'),
             ('gb/t19001-2016/iso 9001:2015'),
             ('db11/t 1322—2016'),
             ('T/CAS 115-2005'),
             ('Q/GDMD 0001S-2019'),
             ('IEC 60335-2-24:2020'),
             ('ASTM D638-14')) AS t(typed);
