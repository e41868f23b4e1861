-- frontrunner demo, part 8 (0.2.0): supervision of disclosures
--
-- Which edition replaced which (standard.replaced_by), what the demo's
-- formaldehyde and turbidity methods can measure (test_method_limit), and a
-- random inspection campaign (双随机、一公开) of the infant textiles of
-- Beijing: drawn from a fixed seed, every item confirmed by the inspectors
-- drawn, findings with deadlines, results published.
--
-- Sources of the method limits are in the rows (column source); those
-- marked secondary are quoted, not checked against the official text:
-- verify them before any regulatory use.  Dates not transcribed are NULL.
SET search_path = frontrunner, public;
SET client_min_messages = warning;

-- references -------------------------------------------------------------------------------
INSERT INTO standard (code, title, issued_on, effective_on, withdrawn_on) VALUES
  ('GB/T 2912.1-2009', '纺织品 甲醛的测定 第1部分：游离和水解的甲醛 (水萃取法)', NULL, NULL, NULL),
  ('GB/T 18886-2019', '纺织品 色牢度试验 耐唾液色牢度', NULL, NULL, NULL),
  ('GB/T 5750.4-2023', '生活饮用水标准检验方法 第4部分：感官性状和物理指标', '2023-03-17', '2023-10-01', NULL),
  ('GB/T 5750.6-2023', '生活饮用水标准检验方法 第6部分：金属和类金属指标', '2023-03-17', '2023-10-01', NULL),
  ('GB/T 5750.12-2023', '生活饮用水标准检验方法 第12部分：微生物指标', '2023-03-17', '2023-10-01', NULL)
ON CONFLICT (code) DO NOTHING;
INSERT INTO standard (code, title, withdrawn_on, replaced_by, replaced_on) VALUES
  ('GB/T 2912.1-1998', '纺织品 甲醛的测定 第1部分：游离水解的甲醛 (水萃取法)', NULL, 'GB/T 2912.1-2009', NULL),
  ('GB/T 18886-2002', '纺织品 色牢度试验 耐唾液色牢度', NULL, 'GB/T 18886-2019', NULL),
  ('GB/T 5750.4-2006', '生活饮用水标准检验方法 感官性状和物理指标', '2023-10-01', 'GB/T 5750.4-2023', '2023-10-01'),
  ('GB/T 5750.6-2006', '生活饮用水标准检验方法 金属指标', '2023-10-01', 'GB/T 5750.6-2023', '2023-10-01'),
  ('GB/T 5750.12-2006', '生活饮用水标准检验方法 微生物指标', '2023-10-01', 'GB/T 5750.12-2023', '2023-10-01')
ON CONFLICT (code) DO NOTHING;
UPDATE standard SET replaced_by = 'GB 5749-2022', replaced_on = '2023-04-01' WHERE code = 'GB 5749-2006';

-- what the methods can measure ---------------------------------------------------------------
INSERT INTO test_method_limit (method, analyte, detection_limit, quantification_limit, range_top, source, source_kind) VALUES
  ('GB/T 2912.1-2009', 'formaldehyde', '20 mg/kg', NULL, '3500 mg/kg',
   'GB/T 2912.1-2009 scope: free and hydrolysed formaldehyde from 20 mg/kg to 3500 mg/kg, below 20 mg/kg reported as not detected — as commonly quoted (its source ISO 14184-1:1998 states the same range); verify before regulatory use',
   'secondary'),
  ('ISO 14184-1:2011', 'formaldehyde', '16 mg/kg', NULL, '3500 mg/kg',
   'ISO 14184-1:2011 abstract (scope): "between 16 mg/kg and 3 500 mg/kg … The lower limit is 16 mg/kg. Below this limit, the result is reported as not detectable" — https://www.sis.se/en/produkter/textile-and-leather-technology/products-of-the-textile-industry/general/sseniso1418412011/',
   'official'),
  ('GB/T 5750.4-2006', 'turbidity', '0.5 NTU', NULL, NULL,
   'GB/T 5750.4-2006 2.1 (散射法): 最低检测浊度 0.5 NTU — as commonly quoted; verify before regulatory use',
   'secondary');

-- a random inspection campaign --------------------------------------------------------------
-- the inspectors are login roles of the regulator (the group roles come
-- from setup_roles(); on a distributed registry Citus connects to the
-- workers as the role an inspector records as)
SELECT count(*) FROM setup_roles() \g /dev/null
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['bj_insp_zhang', 'bj_insp_li', 'bj_insp_wang', 'bj_insp_zhao'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I LOGIN IN ROLE frontrunner_regulator', r);
    END IF;
  END LOOP;
END
$$;

INSERT INTO inspection_campaign (code, title, authority, category, district, sample_size, inspectors, team_size, seed)
VALUES ('BJ-2026-SSJ-01', '2026 年婴幼儿纺织产品企业标准自我声明公开双随机抽查 (示例)', '北京市市场监督管理局 (示例)',
        'infant-textile', '1101', 8, '{bj_insp_zhang,bj_insp_li,bj_insp_wang,bj_insp_zhao}', 2,
        '2026-03-16 公开摇号 第 0316 期');
SELECT count(*) FROM draw_campaign('BJ-2026-SSJ-01') \g /dev/null

-- the first inspector drawn for each disclosure records its items: the
-- pre-filled outcome as found, an item the database could not judge checked
-- on site (here: found conforming)
CREATE FUNCTION pg_temp.confirm(who text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SET LOCAL ROLE %I', who);
  UPDATE frontrunner.inspection_result r
  SET outcome = CASE WHEN r.prefilled = 'not_judged' THEN 'conforms' ELSE r.prefilled END,
      detail = CASE WHEN r.prefilled = 'not_judged' THEN '现场核查：' || r.detail ELSE r.detail END
  FROM frontrunner.inspection_draw x, frontrunner.inspection_campaign c
  WHERE c.code = 'BJ-2026-SSJ-01' AND r.campaign = c.id AND x.campaign = c.id
    AND x.enterprise = r.enterprise AND x.disclosure = r.disclosure
    AND x.inspector = who AND x.team_rank = 1 AND r.recorded_by IS NULL;
  RESET ROLE;
END
$$;
-- (one statement per inspector: on a distributed registry one transaction
-- does not write a shard as two roles)
SELECT pg_temp.confirm('bj_insp_zhang') \g /dev/null
SELECT pg_temp.confirm('bj_insp_li') \g /dev/null
SELECT pg_temp.confirm('bj_insp_wang') \g /dev/null
SELECT pg_temp.confirm('bj_insp_zhao') \g /dev/null

-- findings: every nonconforming item, to be corrected within 30 days
INSERT INTO inspection_finding (campaign, disclosure, item, description, deadline, enterprise)
SELECT r.campaign, r.disclosure, r.item, '限期改正：' || r.detail, current_date + 30, r.enterprise
FROM inspection_result r JOIN inspection_campaign c ON c.id = r.campaign
WHERE c.code = 'BJ-2026-SSJ-01' AND r.outcome = 'nonconforming'
ORDER BY r.disclosure, r.item;

UPDATE inspection_campaign SET status = 'published' WHERE code = 'BJ-2026-SSJ-01';
RESET client_min_messages;

-- the formaldehyde leaders re-judged: BJ-2026-TEX as a draft plan that ranks
-- every claim as its test method verifies it (method_limits), its leader cut
-- on formaldehyde fixed where BJ-2026-TEX's 5 % fell (≤ 10 mg/kg).  Ranked as
-- disclosed it has the same leaders as BJ-2026-TEX; ranked as GB/T 2912.1
-- verifies (nothing below 20 mg/kg) no claim reaches the cut, and the leaders
-- whose claims their method cannot verify are leaders no longer.  (With the
-- 5 % fraction instead every claim would tie at 20 mg/kg and the indicator
-- would separate nobody: the leaders would be cut on pH and fastness alone.)
INSERT INTO evaluation_plan (code, agency, category, title, deadline, leader_cap, style, method_limits)
SELECT 'BJ-2026-TEX-M', agency, category, title || ' (按检测方法可验证的限值)', deadline, leader_cap, style, true
FROM evaluation_plan WHERE code = 'BJ-2026-TEX';
INSERT INTO plan_indicator (plan, indicator, weight, unit, leader_cutoff, advanced_cutoff, baseline_cutoff,
                            leader_fraction, advanced_fraction, baseline_fraction)
SELECT m.id, i.indicator, i.weight, i.unit, i.leader_cutoff, i.advanced_cutoff, i.baseline_cutoff,
       i.leader_fraction, i.advanced_fraction, i.baseline_fraction
FROM plan_indicator i JOIN evaluation_plan p ON p.id = i.plan AND p.code = 'BJ-2026-TEX'
CROSS JOIN evaluation_plan m WHERE m.code = 'BJ-2026-TEX-M';
-- (the cut read first: on a distributed registry the UPDATE of a reference
-- table runs on every node's copy, where the ranking cannot run)
SELECT c.leader_cutoff AS tex_formaldehyde_cutoff FROM plan_cutoffs('BJ-2026-TEX') c WHERE c.indicator = 'formaldehyde' \gset
UPDATE plan_indicator i
SET leader_cutoff = :'tex_formaldehyde_cutoff', leader_fraction = NULL
FROM evaluation_plan m WHERE m.code = 'BJ-2026-TEX-M' AND i.plan = m.id AND i.indicator = 'formaldehyde';
