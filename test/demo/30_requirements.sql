-- frontrunner demo, part 3: what is promised — requirements compared exactly
SET search_path = frontrunner, public;
\echo
\echo '== 3. Requirements (indicator): written the ways standards write them'
SELECT written AS "as written", written::indicator AS canonical,
       to_text(written::indicator, 'zh') AS chinese
FROM (VALUES ('≦20 mg/kg'), ('不大于75mg/kg'), ('≧3-4级'), ('不得检出(检出限 0.01 mg/kg)'),
             ('65±2 dB(A)'), ('不小于6.5且不大于8.5'), ('0.2 mg/kg以下')) AS t(written);

\echo '   Is the enterprise requirement at least as strict as the standard (对标)?'
\echo '   Exact across units: ≤0.05 % is the same set as ≤500 mg/kg.'
SELECT enterprise, standard, enterprise::indicator <@ standard::indicator AS "at least as strict",
       compare(enterprise::indicator, standard::indicator) AS verdict,
       margin(enterprise::indicator, standard::indicator, dir::direction) AS margin
FROM (VALUES ('≤15 mg/kg',  '≤20 mg/kg',   'lower_better'),   -- GB 18401 class A formaldehyde
             ('≤0.002 %',   '≤20 mg/kg',   'lower_better'),   -- the same limit, another unit
             ('≤30 mg/kg',  '≤20 mg/kg',   'lower_better'),   -- looser: refused by the law
             ('5.0～7.0',   '4.0～7.5',    'target'),         -- pH range inside the standard's
             ('≥4级',       '≥3-4级',      'higher_better'),  -- colour fastness, half grade
             ('≤0.05 %',    '≤500 mg/kg',  'lower_better')) AS t(enterprise, standard, dir);

\echo '   Spot checks judged by GB/T 8170 (limit ≤0.5): full value vs rounded value comparison'
SELECT measured, satisfies(measured::numeric, '≤0.5 mg/L', 'full') AS "full value",
       satisfies(measured::numeric, '≤0.5 mg/L', 'rounded') AS "rounded (half to even)"
FROM (VALUES ('0.46'), ('0.50'), ('0.54'), ('0.55')) AS t(measured);
