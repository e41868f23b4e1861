-- The indicator type (src/indicator.c, src/indicator_parse.c,
-- src/indicator_cmp.c, src/compare.c): a requirement on one measurable
-- property, or a measured value, as a set of acceptable numbers in one unit.

CREATE TYPE @extschema@.direction AS ENUM ('lower_better', 'higher_better', 'target');
COMMENT ON TYPE @extschema@.direction IS
  'Which way an indicator improves: lower_better (limits of contaminants), higher_better (purity, fastness), target (a value to hit: pH, a dimension)';

CREATE TYPE @extschema@.indicator;

CREATE FUNCTION @extschema@.indicator_in(cstring) RETURNS @extschema@.indicator
  AS 'MODULE_PATHNAME', 'fr_indicator_in'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_in(cstring) IS
  'indicator input: ≤0.2 mg/kg, 不大于0.2 mg/kg, ≥98.5%, 6.5~8.5, 6.5-8.5, [6.5, 8.5), 65±2 dB, 10 +0.5/-0.2 mm, 220 V +7%/-10%, ND(≤0.01 mg/kg), ≥3-4级, ≤1×10⁴ CFU/g, ≤0.2 mg/kg(以Pb计), n=5,c=2,m=100,M=1000 CFU/g, 应不大于0.2, … (22P02 with the position where parsing stopped and why)';

CREATE FUNCTION @extschema@.indicator_out(@extschema@.indicator) RETURNS cstring
  AS 'MODULE_PATHNAME', 'fr_indicator_out'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_out(@extschema@.indicator) IS
  'indicator output in the canonical style (≤ 0.2 mg/kg, 6.5 ~ 8.5, ND (≤ 0.01 mg/kg)); reads back to an identical value';

CREATE FUNCTION @extschema@.indicator_recv(internal) RETURNS @extschema@.indicator
  AS 'MODULE_PATHNAME', 'fr_indicator_recv'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_recv(internal) IS
  'indicator binary input (version byte first; the unit is re-parsed and the value checked)';

CREATE FUNCTION @extschema@.indicator_send(@extschema@.indicator) RETURNS bytea
  AS 'MODULE_PATHNAME', 'fr_indicator_send'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_send(@extschema@.indicator) IS
  'indicator binary output (format version 1 as 0.1.0 sent it; version 2 for a value with a power of ten, a basis or a sampling plan)';

CREATE TYPE @extschema@.indicator (
  INPUT = @extschema@.indicator_in,
  OUTPUT = @extschema@.indicator_out,
  RECEIVE = @extschema@.indicator_recv,
  SEND = @extschema@.indicator_send,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = int4,
  STORAGE = main
);
COMMENT ON TYPE @extschema@.indicator IS
  'A requirement on one measurable property, or a measured value: a point, an upper or lower bound, a range, a tolerance, "not detected" or a microbiological sampling plan, with exact decimals, a unit and the basis it is expressed on; = is equality of the sets of acceptable values after unit conversion, on the same basis';

-- ------------------------------------------------------------ btree

CREATE FUNCTION @extschema@.indicator_cmp(@extschema@.indicator, @extschema@.indicator) RETURNS integer
  AS 'MODULE_PATHNAME', 'fr_indicator_cmp'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_cmp(@extschema@.indicator, @extschema@.indicator) IS
  'btree order of indicators: by dimension, then lower bound, then upper bound (exact, across units); 0 exactly for equal sets; never raises';

CREATE FUNCTION @extschema@.indicator_sortsupport(internal) RETURNS void
  AS 'MODULE_PATHNAME', 'fr_indicator_sortsupport'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_sortsupport(internal) IS
  'sort support for the indicator btree order';

CREATE FUNCTION @extschema@.indicator_eq(@extschema@.indicator, @extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_eq'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_eq(@extschema@.indicator, @extschema@.indicator) IS
  'same set of acceptable values after unit conversion (≤0.05 % = ≤500 mg/kg); false across dimensions, never raises';

CREATE FUNCTION @extschema@.indicator_ne(@extschema@.indicator, @extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_ne'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_ne(@extschema@.indicator, @extschema@.indicator) IS
  'not the same set of acceptable values';

CREATE FUNCTION @extschema@.indicator_lt(@extschema@.indicator, @extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_lt'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_lt(@extschema@.indicator, @extschema@.indicator) IS
  'btree order: before';

CREATE FUNCTION @extschema@.indicator_le(@extschema@.indicator, @extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_le'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_le(@extschema@.indicator, @extschema@.indicator) IS
  'btree order: before or equal';

CREATE FUNCTION @extschema@.indicator_gt(@extschema@.indicator, @extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_gt'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_gt(@extschema@.indicator, @extschema@.indicator) IS
  'btree order: after';

CREATE FUNCTION @extschema@.indicator_ge(@extschema@.indicator, @extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_ge'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_ge(@extschema@.indicator, @extschema@.indicator) IS
  'btree order: after or equal';

CREATE OPERATOR @extschema@.= (
  LEFTARG = @extschema@.indicator, RIGHTARG = @extschema@.indicator,
  FUNCTION = @extschema@.indicator_eq,
  COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.indicator, @extschema@.indicator) IS
  'same set of acceptable values after unit conversion';

CREATE OPERATOR @extschema@.<> (
  LEFTARG = @extschema@.indicator, RIGHTARG = @extschema@.indicator,
  FUNCTION = @extschema@.indicator_ne,
  COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR @extschema@.<> (@extschema@.indicator, @extschema@.indicator) IS
  'not the same set of acceptable values';

CREATE OPERATOR @extschema@.< (
  LEFTARG = @extschema@.indicator, RIGHTARG = @extschema@.indicator,
  FUNCTION = @extschema@.indicator_lt,
  COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
  RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.indicator, @extschema@.indicator) IS
  'btree order (dimension, lower bound, upper bound): before';

CREATE OPERATOR @extschema@.<= (
  LEFTARG = @extschema@.indicator, RIGHTARG = @extschema@.indicator,
  FUNCTION = @extschema@.indicator_le,
  COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
  RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR @extschema@.<= (@extschema@.indicator, @extschema@.indicator) IS
  'btree order (dimension, lower bound, upper bound): before or equal';

CREATE OPERATOR @extschema@.> (
  LEFTARG = @extschema@.indicator, RIGHTARG = @extschema@.indicator,
  FUNCTION = @extschema@.indicator_gt,
  COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
  RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.> (@extschema@.indicator, @extschema@.indicator) IS
  'btree order (dimension, lower bound, upper bound): after';

CREATE OPERATOR @extschema@.>= (
  LEFTARG = @extschema@.indicator, RIGHTARG = @extschema@.indicator,
  FUNCTION = @extschema@.indicator_ge,
  COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
  RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.>= (@extschema@.indicator, @extschema@.indicator) IS
  'btree order (dimension, lower bound, upper bound): after or equal';

CREATE OPERATOR CLASS @extschema@.indicator_ops
  DEFAULT FOR TYPE @extschema@.indicator USING btree AS
    OPERATOR 1 @extschema@.< ,
    OPERATOR 2 @extschema@.<= ,
    OPERATOR 3 @extschema@.= ,
    OPERATOR 4 @extschema@.>= ,
    OPERATOR 5 @extschema@.> ,
    FUNCTION 1 @extschema@.indicator_cmp(@extschema@.indicator, @extschema@.indicator),
    FUNCTION 2 @extschema@.indicator_sortsupport(internal);
COMMENT ON OPERATOR CLASS @extschema@.indicator_ops USING btree IS
  'btree order of indicators: dimension, lower bound, upper bound; consistent with = (equal sets), never raises';

-- ------------------------------------------------------------ hash

CREATE FUNCTION @extschema@.indicator_hash(@extschema@.indicator) RETURNS integer
  AS 'MODULE_PATHNAME', 'fr_indicator_hash'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_hash(@extschema@.indicator) IS
  'hash of the set of acceptable values (bounds in base units): equal indicators hash alike whatever their unit';

CREATE FUNCTION @extschema@.indicator_hash_extended(@extschema@.indicator, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'fr_indicator_hash_extended'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_hash_extended(@extschema@.indicator, bigint) IS
  '64-bit seeded hash of the set of acceptable values';

CREATE OPERATOR CLASS @extschema@.indicator_hash_ops
  DEFAULT FOR TYPE @extschema@.indicator USING hash AS
    OPERATOR 1 @extschema@.= ,
    FUNCTION 1 @extschema@.indicator_hash(@extschema@.indicator),
    FUNCTION 2 @extschema@.indicator_hash_extended(@extschema@.indicator, bigint);
COMMENT ON OPERATOR CLASS @extschema@.indicator_hash_ops USING hash IS
  'hash opclass consistent with = (equal sets of acceptable values)';

-- ------------------------------------------------------------ set operators

CREATE FUNCTION @extschema@.indicator_contained(@extschema@.indicator, @extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_contained'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_contained(@extschema@.indicator, @extschema@.indicator) IS
  'a <@ b: every value acceptable under a is acceptable under b (a is at least as strict; a measured point meets b; a sampling plan accepts only what b accepts); 22023 across dimensions or bases';

CREATE FUNCTION @extschema@.indicator_contains(@extschema@.indicator, @extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_contains'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_contains(@extschema@.indicator, @extschema@.indicator) IS
  'a @> b: b <@ a; 22023 across dimensions or bases';

CREATE FUNCTION @extschema@.indicator_overlaps(@extschema@.indicator, @extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_overlaps'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_overlaps(@extschema@.indicator, @extschema@.indicator) IS
  'a && b: some value is acceptable under both; 22023 across dimensions or bases';

CREATE OPERATOR @extschema@.<@ (
  LEFTARG = @extschema@.indicator, RIGHTARG = @extschema@.indicator,
  FUNCTION = @extschema@.indicator_contained,
  COMMUTATOR = OPERATOR(@extschema@.@>),
  RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.indicator, @extschema@.indicator) IS
  'is at least as strict as (contained in): every value acceptable under the left is acceptable under the right';

CREATE OPERATOR @extschema@.@> (
  LEFTARG = @extschema@.indicator, RIGHTARG = @extschema@.indicator,
  FUNCTION = @extschema@.indicator_contains,
  COMMUTATOR = OPERATOR(@extschema@.<@),
  RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR @extschema@.@> (@extschema@.indicator, @extschema@.indicator) IS
  'is at most as strict as (contains)';

CREATE OPERATOR @extschema@.&& (
  LEFTARG = @extschema@.indicator, RIGHTARG = @extschema@.indicator,
  FUNCTION = @extschema@.indicator_overlaps,
  COMMUTATOR = OPERATOR(@extschema@.&&),
  RESTRICT = areasel, JOIN = areajoinsel
);
COMMENT ON OPERATOR @extschema@.&& (@extschema@.indicator, @extschema@.indicator) IS
  'overlaps: some value is acceptable under both';

-- ------------------------------------------------------------ casts
-- As for uscc and stdcode: from text and varchar implicit (a driver's
-- string parameter, validated as text input), to text by assignment only.
CREATE CAST (text AS @extschema@.indicator) WITH INOUT AS IMPLICIT;
CREATE CAST (varchar AS @extschema@.indicator) WITH INOUT AS IMPLICIT;
CREATE CAST (@extschema@.indicator AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.indicator) IS 'validates and reads the requirement as indicator input does (22P02 with the position)';
COMMENT ON CAST (varchar AS @extschema@.indicator) IS 'validates as text input (a driver''s varchar parameter)';
COMMENT ON CAST (@extschema@.indicator AS text) IS 'the canonical style (to_text(x, ''canonical''))';

-- ------------------------------------------------------------ compare layer

CREATE FUNCTION @extschema@.compare(a @extschema@.indicator, b @extschema@.indicator) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_compare'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.compare(@extschema@.indicator, @extschema@.indicator) IS
  'a compared with b: stricter, equal, looser, overlapping, disjoint or incomparable (different dimensions, or different species or sample bases); never raises on units';

CREATE FUNCTION @extschema@.satisfies(measured @extschema@.indicator, spec @extschema@.indicator,
                                      method text DEFAULT 'full') RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_satisfies'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.satisfies(@extschema@.indicator, @extschema@.indicator, text) IS
  'GB/T 8170 judgement: method full (全数值比较法, default) compares the full measured value; rounded (修约值比较法) first rounds it once, half to even, to the limit''s decimals';

CREATE FUNCTION @extschema@.satisfies(measured numeric, spec @extschema@.indicator,
                                      method text DEFAULT 'full') RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_satisfies_numeric'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.satisfies(numeric, @extschema@.indicator, text) IS
  'GB/T 8170 judgement of a number taken in the spec''s unit: method full (default) or rounded';

CREATE FUNCTION @extschema@.satisfies(results numeric[], spec @extschema@.indicator,
                                      method text DEFAULT 'full') RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_satisfies_results'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.satisfies(numeric[], @extschema@.indicator, text) IS
  'GB/T 8170 judgement of the results of a spot check''s sample units, in the spec''s unit: for a sampling plan n results, none above M and at most c above m (22023 for another number of results); for any other requirement every result meets it';

CREATE FUNCTION @extschema@.level(a @extschema@.indicator, direction @extschema@.direction,
                                  unit text DEFAULT NULL) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_level'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level(@extschema@.indicator, @extschema@.direction, text) IS
  'the number a requirement claims: upper bound for lower_better (detection limit or 0 for ND, m for a sampling plan), lower bound for higher_better, width for target; in unit when given (22023 if not commensurable); NULL when the form has no such bound';

CREATE FUNCTION @extschema@.comparable_level(a @extschema@.indicator, direction @extschema@.direction,
                                             unit text) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_comparable_level'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
  -- measured at 10-25 times a simple comparison (the planner then splits
  -- a ranking's grouped pass among parallel workers from 100k rows on)
  COST 25;
COMMENT ON FUNCTION @extschema@.comparable_level(@extschema@.indicator, @extschema@.direction, text) IS
  'level(a, direction, unit), or NULL when a is in a unit of another kind of quantity (where level() raises 22023); what tier ranking reads every disclosed indicator through';

CREATE FUNCTION @extschema@.margin(a @extschema@.indicator, b @extschema@.indicator,
                                   direction @extschema@.direction) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_margin'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.margin(@extschema@.indicator, @extschema@.indicator, @extschema@.direction) IS
  'how much stricter a is than b, as a fraction of b''s level (positive: a is stricter); NULL when a level is missing or b''s level is 0';

-- ------------------------------------------------------------ accessors

CREATE FUNCTION @extschema@.lower(@extschema@.indicator) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_lower'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lower(@extschema@.indicator) IS
  'lower bound as written (NULL when there is none)';

CREATE FUNCTION @extschema@.upper(@extschema@.indicator) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_upper'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.upper(@extschema@.indicator) IS
  'upper bound as written (NULL when there is none; the detection limit, or 0, for ND)';

CREATE FUNCTION @extschema@.lower_inc(@extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_lower_inc'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lower_inc(@extschema@.indicator) IS
  'is the lower bound included? (false when there is none)';

CREATE FUNCTION @extschema@.upper_inc(@extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_upper_inc'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.upper_inc(@extschema@.indicator) IS
  'is the upper bound included? (false when there is none)';

CREATE FUNCTION @extschema@.is_nd(@extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_is_nd'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_nd(@extschema@.indicator) IS
  'is it "not detected" (不得检出, ND), with or without a detection limit?';

CREATE FUNCTION @extschema@.unit(@extschema@.indicator) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_unit'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unit(@extschema@.indicator) IS
  'the unit as written (canonical spelling); '''' for a plain number, NULL for ND without a detection limit';

CREATE FUNCTION @extschema@.form(@extschema@.indicator) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_form'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.form(@extschema@.indicator) IS
  'the form as written: point, upper, lower, range, tolerance, nd or plan';

CREATE FUNCTION @extschema@.lower_precision(@extschema@.indicator) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_lower_precision'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lower_precision(@extschema@.indicator) IS
  'the unit of the last written digit of the lower bound, which GB/T 8170 rounds to: 0.01 for 0.30, 100 for 13×10²; NULL without a lower bound';

CREATE FUNCTION @extschema@.upper_precision(@extschema@.indicator) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_upper_precision'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.upper_precision(@extschema@.indicator) IS
  'the unit of the last written digit of the upper bound (m of a sampling plan): 0.01 for ≤0.30, 10000 for ≤1×10⁴; NULL without an upper bound or for ND without a limit';

CREATE FUNCTION @extschema@.species(@extschema@.indicator) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_species'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.species(@extschema@.indicator) IS
  'the species basis as written, X of (以X计): Pb for ≤0.2 mg/kg(以Pb计); NULL without one';

CREATE FUNCTION @extschema@.sample_basis(@extschema@.indicator) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_sample_basis'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sample_basis(@extschema@.indicator) IS
  'what the number is a fraction of: dry (以干基计, 干基, 以干重计), fat (以脂肪计), as received (以鲜重计, 以湿基计), pure ethanol (按100%酒精度折算); NULL when none is written (as received)';

CREATE FUNCTION @extschema@.fraction(@extschema@.indicator) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_fraction'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.fraction(@extschema@.indicator) IS
  'which of the three fractions the unit is: mass (mg/kg, g/100g, plain %, ‰, ppm, ppb, % (m/m)), volume (mL/L, %vol, % (V/V)) or concentration (mg/L, g/100mL, % (m/V)); NULL for other quantities and plain numbers';

CREATE FUNCTION @extschema@.plan_n(@extschema@.indicator) RETURNS integer
  AS 'MODULE_PATHNAME', 'fr_indicator_plan_n'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plan_n(@extschema@.indicator) IS
  'n of a sampling plan, the number of sample units; NULL for other forms';

CREATE FUNCTION @extschema@.plan_c(@extschema@.indicator) RETURNS integer
  AS 'MODULE_PATHNAME', 'fr_indicator_plan_c'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plan_c(@extschema@.indicator) IS
  'c of a sampling plan, how many sample units may exceed m; NULL for other forms';

CREATE FUNCTION @extschema@.plan_m(@extschema@.indicator) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_plan_m'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plan_m(@extschema@.indicator) IS
  'm of a sampling plan, the marginal limit (also its upper() and its level for lower_better); NULL for other forms';

CREATE FUNCTION @extschema@.plan_max(@extschema@.indicator) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_plan_max'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.plan_max(@extschema@.indicator) IS
  'M of a three-class sampling plan, the maximum no sample unit may exceed; NULL for a two-class plan and other forms';

CREATE FUNCTION @extschema@.to_unit(@extschema@.indicator, text) RETURNS @extschema@.indicator
  AS 'MODULE_PATHNAME', 'fr_indicator_to_unit'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_unit(@extschema@.indicator, text) IS
  'the same set expressed in another unit, exactly (22023 if not commensurable, 22003 if not a terminating decimal)';

CREATE FUNCTION @extschema@.to_text(@extschema@.indicator, style text) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_to_text'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_text(@extschema@.indicator, text) IS
  'text in a style: canonical (≤ 0.2 mg/kg, ≤ 1×10^4 CFU/g, n=5, c=2, m=100, M=1000 CFU/g) or zh (不大于0.2 mg/kg, 6.5～8.5, 不得检出, 不大于1×10⁴ CFU/g, n=5，c=2，m=100，M=1000 CFU/g)';
