-- frontrunner demo, part 2: what is disclosed against — standard numbers
SET search_path = frontrunner, public;
\echo
\echo '== 2. Standard numbers (stdcode)'
\echo '   Typed every way people type them, read as one canonical number, classified:'
SELECT typed AS "as typed", typed::stdcode AS stdcode, std_kind(typed::stdcode) AS kind,
       std_nature(typed::stdcode) AS nature, std_year(typed::stdcode) AS year,
       std_adopts(typed::stdcode) AS adopts
FROM (VALUES ('ＧＢ　１８４０１—２０１０'),
             ('gb/t19001-2016/iso 9001:2015'),
             ('GB 3100-93'),
             ('db11/t 1322—2016'),
             ('T/CAS 115-2005'),
             ('Q/GDMD 0001S-2019'),
             ('IEC 60335-2-24:2020'),
             ('bs en iso 9001:2015'),
             ('ASTM D638-14')) AS t(typed);

\echo '   Ordered numerically, part by part (GB 4806.2 before GB 4806.10), editions grouped:'
SELECT std_undated(c) AS standard, string_agg(c::text, ', ' ORDER BY c) AS editions,
       max(c) AS latest
FROM (VALUES ('GB 4806.10-2016'::stdcode), ('GB 4806.2-2015'), ('GB 4806.1-2016'),
             ('GB 5749-2022'), ('GB 5749-2006'), ('GB 5749-85')) AS t(c)
GROUP BY 1 ORDER BY 1;
