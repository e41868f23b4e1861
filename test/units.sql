-- Properties of the unit algebra (src/units.c) through its SQL face:
-- comparison is reflexive, antisymmetric, transitive and agrees with the
-- hash key and with conversion; exact conversions round-trip; every table
-- entry and every prefixed symbol parses to what it says.
BEGIN;
SELECT plan(29);

SELECT setseed(0.4242);

-- values the exact decimals hold: at most 18 digits and 18 decimal places
CREATE FUNCTION pg_temp.fits(n numeric) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT scale(n) <= 18 AND length(ltrim(replace(abs(n)::text, '.', ''), '0')) <= 18 $$;

-- groups of commensurable units
CREATE TEMP TABLE grp(g text, unit text);
INSERT INTO grp
SELECT g, unnest(units) FROM (VALUES
  -- the three fractions (0.2.0: 0.1.0 had mL/L among the mass fractions)
  ('ratio',    ARRAY['%', '‰', 'ppm', 'ppb', 'mg/kg', 'μg/kg', 'g/kg', 'g/100g', '']),
  ('volfrac',  ARRAY['mL/L', 'μL/L', '%vol', 'mL/100mL', 'L/m³']),
  ('mass',     ARRAY['g', 'kg', 'mg', 'μg', 'ng', 't']),
  ('time',     ARRAY['s', 'ms', 'min', 'h', 'd', 'a']),
  ('volume',   ARRAY['L', 'mL', 'μL', 'm³', 'cm3', 'dm^3']),
  ('energy',   ARRAY['J', 'kJ', 'MJ', 'kW·h', 'Wh', 'cal', 'kcal']),
  ('temp',     ARRAY['K', '°C', 'mK']),
  ('pressure', ARRAY['Pa', 'kPa', 'MPa', 'bar', 'mbar', 'atm', 'mmHg']),
  ('conc',     ARRAY['mg/L', 'μg/L', 'g/m³', 'mg/m³', 'kg/m³', 'g/cm³', 'g/100mL']),
  ('cfu',      ARRAY['CFU/mL', 'CFU/100mL', 'CFU/L']),
  ('power',    ARRAY['W', 'kW', 'kW·h/24h', 'kW·h/a', 'kW·h/d']),
  ('speed',    ARRAY['m/s', 'km/h', 'mm/min'])) AS t(g, units);

-- random values with random written scales, several per unit
CREATE TEMP TABLE sample AS
SELECT row_number() OVER () AS id, g, unit, v
FROM (SELECT g, unit,
             round(((random() - 0.5) * 10 ^ (floor(random() * 8) - 2))::numeric,
                   floor(random() * 5)::int) AS v
      FROM grp, generate_series(1, 6)) s;
-- plus equal values written differently: 0.30 vs 0.3, and exact conversions
INSERT INTO sample(id, g, unit, v)
SELECT 10000 + row_number() OVER (), g, unit, v FROM (VALUES
  ('ratio', '%', 0.30), ('ratio', '%', 0.3), ('ratio', 'mg/kg', 3000), ('ratio', 'ppm', 3000.00),
  ('temp', '°C', 100.0), ('temp', 'K', 373.15), ('time', 'h', 0.5), ('time', 'min', 30),
  ('cfu', 'CFU/100mL', 100), ('cfu', 'CFU/mL', 1)) AS t(g, unit, v);
INSERT INTO sample(id, g, unit, v)
SELECT 20000 + row_number() OVER (), g, ub, cv
FROM (SELECT a.id, a.g, a.v, a.unit AS ua, b.unit AS ub, unit_convert(a.v, a.unit, b.unit) AS cv
      FROM sample a JOIN grp b ON a.g = b.g AND a.unit <> b.unit
      WHERE a.id % 7 = 0) c
WHERE CASE WHEN pg_temp.fits(cv) THEN unit_compare(v, ua, cv, ub) = 0 ELSE false END;

CREATE TEMP TABLE pairs AS
SELECT a.id AS ia, b.id AS ib, a.g,
       unit_compare(a.v, a.unit, b.v, b.unit) AS c,
       unit_compare(b.v, b.unit, a.v, a.unit) AS c_rev,
       unit_value_key(a.v, a.unit) = unit_value_key(b.v, b.unit) AS same_key
FROM sample a JOIN sample b ON a.g = b.g;

SELECT cmp_ok((SELECT count(*) FROM sample), '>', 300::bigint, 'enough samples');
SELECT cmp_ok((SELECT count(*) FROM sample WHERE id > 20000), '>', 30::bigint,
              'enough exactly converted samples');

SELECT is((SELECT count(*) FROM pairs WHERE ia = ib AND (c <> 0 OR NOT same_key)), 0::bigint,
          'reflexive: a value equals itself and has its own key');
SELECT is((SELECT count(*) FROM pairs WHERE c <> -c_rev), 0::bigint,
          'antisymmetric: compare(a, b) = -compare(b, a)');
SELECT is((SELECT count(*) FROM pairs WHERE c NOT IN (-1, 0, 1)), 0::bigint,
          'compare returns -1, 0 or 1');
SELECT is((SELECT count(*) FROM pairs WHERE (c = 0) <> same_key), 0::bigint,
          'hash key equal exactly when compare says equal');
SELECT cmp_ok((SELECT count(*) FROM pairs WHERE c = 0 AND ia <> ib), '>', 60::bigint,
              'many distinct pairs compare equal (the key test is not vacuous)');

SELECT is((SELECT count(*)
           FROM pairs p JOIN pairs q ON q.ia = p.ib
           JOIN pairs r ON r.ia = p.ia AND r.ib = q.ib
           WHERE p.g IN ('ratio', 'temp', 'time', 'cfu')
             AND p.c <= 0 AND q.c <= 0 AND r.c > 0), 0::bigint,
          'transitive: a <= b and b <= c imply a <= c');
SELECT is((SELECT count(*)
           FROM pairs p JOIN pairs q ON q.ia = p.ib
           JOIN pairs r ON r.ia = p.ia AND r.ib = q.ib
           WHERE p.g IN ('ratio', 'temp', 'time', 'cfu')
             AND p.c = 0 AND q.c = 0 AND r.c <> 0), 0::bigint,
          'transitive: equality');

SELECT is((SELECT count(*) FROM sample a JOIN sample b ON a.unit = b.unit
           WHERE unit_compare(a.v, a.unit, b.v, b.unit) <> sign(a.v - b.v)), 0::bigint,
          'in one unit, compare agrees with numeric order');

-- conversion: agrees with compare, and exact conversions round-trip
CREATE TEMP TABLE conv AS
SELECT a.id, a.v, a.unit AS ua, b.unit AS ub, unit_convert(a.v, a.unit, b.unit) AS cv
FROM sample a JOIN grp b ON a.g = b.g;
ALTER TABLE conv ADD COLUMN exact boolean;
UPDATE conv SET exact = CASE WHEN pg_temp.fits(cv) THEN unit_compare(v, ua, cv, ub) = 0 END;

SELECT cmp_ok((SELECT count(*) FROM conv WHERE exact), '>', (SELECT count(*) / 2 FROM conv),
              'most conversions are exact');
SELECT cmp_ok((SELECT count(*) FROM conv WHERE exact IS NOT TRUE), '>', 20::bigint,
              'some conversions do not terminate or do not fit (1 min in h)');
SELECT is((SELECT count(*) FROM conv WHERE CASE WHEN exact THEN unit_convert(cv, ub, ua) <> v ELSE false END), 0::bigint,
          'exact conversion a -> b -> a gives the value back');
SELECT is((SELECT count(*) FROM conv WHERE CASE WHEN exact THEN unit_value_key(v, ua) <> unit_value_key(cv, ub) ELSE false END),
          0::bigint, 'an exact conversion has the same key');
SELECT is((SELECT count(*) FROM conv c JOIN sample b ON b.unit = c.ub
           WHERE c.exact AND unit_compare(c.v, c.ua, b.v, b.unit) <> sign(c.cv - b.v)), 0::bigint,
          'compare across units agrees with comparing converted values');
-- against PostgreSQL's own numeric arithmetic: factors to a base unit
CREATE TEMP TABLE base(g text, base text);
INSERT INTO base VALUES ('ratio', ''), ('volfrac', 'm³/m³'), ('mass', 'kg'), ('time', 's'), ('volume', 'm³'),
  ('energy', 'J'), ('pressure', 'Pa'), ('conc', 'kg/m³'), ('cfu', 'CFU/m³'), ('power', 'W'),
  ('speed', 'm/s');
CREATE TEMP TABLE bf AS
SELECT grp.g, grp.unit, base.base, unit_convert(1, grp.unit, base.base) AS f
FROM grp JOIN base USING (g);
DELETE FROM bf WHERE NOT CASE WHEN pg_temp.fits(f) THEN unit_compare(1, unit, f, base) = 0
                      ELSE false END;
SELECT cmp_ok((SELECT count(*) FROM conv c JOIN bf fa ON fa.unit = c.ua JOIN bf fb ON fb.unit = c.ub
               WHERE c.exact IS NOT TRUE), '>', 20::bigint,
              'conversions that do not terminate are among those checked');
SELECT is((SELECT count(*) FROM conv c JOIN bf fa ON fa.unit = c.ua JOIN bf fb ON fb.unit = c.ub
           WHERE abs(c.cv - (c.v * fa.f)::numeric(1000, 80) / fb.f) > 0.5 * 10 ^ (-scale(c.cv)) + 1e-60),
          0::bigint, 'every conversion is within half a unit in its last place of the exact value');

-- the table: every entry parses, canonical spelling is a fixed point
SELECT is((SELECT count(*) FROM units()
           WHERE unit_canonical(unit_canonical(symbol)) <> unit_canonical(symbol)
              OR unit_dimension(unit_canonical(symbol)) <> unit_dimension(symbol)
              OR unit_value_key(1, unit_canonical(symbol)) <> unit_value_key(1, symbol)), 0::bigint,
          'every table entry re-parses from its canonical spelling to the same unit');
SELECT is((SELECT count(*) FROM units() u, unit_prefixes() p
           WHERE u.prefixable AND unit_convert(1, p.prefix || u.symbol, u.symbol) <> p.factor), 0::bigint,
          'every prefix on every prefixable symbol scales by the prefix factor');
SELECT is((SELECT count(DISTINCT unit_value_key(1, p.prefix || u.symbol)) FROM units() u, unit_prefixes() p
           WHERE u.symbol = 'g'), 20::bigint,
          'prefixes give distinct units (the micro spellings coincide)');

-- errors
SELECT throws_ok($$SELECT unit_canonical('mg/KG')$$, '22P02', 'invalid unit "mg/KG"',
                 'unknown unit: 22P02');
SELECT throws_ok($$SELECT unit_convert(1, 'mg', 'm')$$, '22023',
                 'units "mg" and "m" are not commensurable', 'incommensurable: 22023');
SELECT throws_ok($$SELECT unit_compare(1, 'dB', 1, 'dB(A)')$$, '22023', NULL,
                 'scales compare only with themselves');
SELECT throws_ok($$SELECT unit_convert(1234567890123456789, 'g', 'kg')$$, '22003', NULL,
                 'more than 18 digits: 22003');
SELECT throws_ok($$SELECT unit_convert('NaN', 'g', 'kg')$$, '22023', NULL, 'NaN: 22023');
SELECT throws_ok($$SELECT unit_canonical(repeat('m·', 40) || 'm')$$, '54000', NULL,
                 'overlong unit: 54000');

-- the three fractions (api.md §1.3, corrected in 0.2.0: 52 %vol ethanol is
-- about 44 % by mass, so a volume fraction never equals a mass fraction)
SELECT throws_ok($$SELECT unit_compare(52, '%vol', 52, 'g/100g')$$, '22023', NULL,
                 'a volume fraction does not compare with a mass fraction');
SELECT is(ARRAY[unit_convert(52, '%vol', 'mL/L'), unit_convert(1, '%', 'g/100g'), unit_convert(1, 'g/100mL', 'g/L')],
          ARRAY[520, 1, 10]::numeric[], 'each fraction converts within itself: %vol and mL/L, % and g/100g, g/100mL and g/L');
SELECT is(ARRAY[unit_dimension('mL/L'), unit_dimension('%vol'), unit_dimension('mg/kg'), unit_dimension('g/100mL')],
          ARRAY['volume fraction (V/V)', 'volume fraction (V/V)', 'mass fraction or dimensionless ratio',
                'mass concentration or density (M·L⁻³)'], 'unit_dimension names the three fractions');

SELECT * FROM finish();
ROLLBACK;
