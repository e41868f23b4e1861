-- Units (src/units.c, src/units_table.c, src/units_fn.c): the unit table
-- and exact conversions between commensurable units.

CREATE FUNCTION @extschema@.units(
    OUT symbol text, OUT name text, OUT kind text, OUT prefixable boolean)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'fr_units_list'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 110;
COMMENT ON FUNCTION @extschema@.units() IS
  'The unit table compiled into frontrunner: every unit symbol (then common compound units), its name, what it measures, and whether it takes SI prefixes';

CREATE FUNCTION @extschema@.unit_prefixes(
    OUT prefix text, OUT name text, OUT factor numeric)
  RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'fr_unit_prefixes_list'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 22;
COMMENT ON FUNCTION @extschema@.unit_prefixes() IS
  'The SI prefixes the prefixable unit symbols take (μ may also be written µ or u), with their exact factors';

CREATE FUNCTION @extschema@.unit_canonical(unit text) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_unit_canonical_text'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unit_canonical(text) IS
  'The canonical spelling of a unit: spaces removed, products as ·, powers as superscripts, μ for micro, °C for ℃; raises 22P02 for an unknown unit';

CREATE FUNCTION @extschema@.unit_dimension(unit text) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_unit_dimension_sql'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unit_dimension(text) IS
  'What a unit measures, with its dimension formula: mass concentration or density (M·L⁻³), dimensionless ratio, dB(A) scale, …';

CREATE FUNCTION @extschema@.unit_commensurable(unit_a text, unit_b text) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_unit_commensurable_sql'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unit_commensurable(text, text) IS
  'True when values in the two units can be converted and compared (same dimension)';

CREATE FUNCTION @extschema@.unit_convert(value numeric, from_unit text, to_unit text) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_unit_convert_sql'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unit_convert(numeric, text, text) IS
  'A value converted exactly between commensurable units (written precision kept when the units differ by a power of ten); a non-terminating result is rounded half to even to 20 significant digits; raises 22023 for incommensurable units';

CREATE FUNCTION @extschema@.unit_compare(value_a numeric, unit_a text, value_b numeric, unit_b text) RETURNS integer
  AS 'MODULE_PATHNAME', 'fr_unit_compare_sql'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unit_compare(numeric, text, numeric, text) IS
  'Exact three-way comparison (-1, 0, 1) of two values in commensurable units; raises 22023 for incommensurable units';

CREATE FUNCTION @extschema@.unit_value_key(value numeric, unit text) RETURNS bytea
  AS 'MODULE_PATHNAME', 'fr_unit_value_key_sql'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unit_value_key(numeric, text) IS
  'Opaque hash key of a value with its unit: equal exactly when the values are equal after conversion (same dimension, same exact value in base units)';
