-- stdcode: standard numbers (标准编号), src/stdcode.c and src/stdcode_parse.c

CREATE TYPE @extschema@.stdcode;

CREATE FUNCTION @extschema@.stdcode_in(cstring) RETURNS @extschema@.stdcode
  AS 'MODULE_PATHNAME', 'stdcode_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stdcode_out(@extschema@.stdcode) RETURNS cstring
  AS 'MODULE_PATHNAME', 'stdcode_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stdcode_recv(internal) RETURNS @extschema@.stdcode
  AS 'MODULE_PATHNAME', 'stdcode_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stdcode_send(@extschema@.stdcode) RETURNS bytea
  AS 'MODULE_PATHNAME', 'stdcode_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- STORAGE main: values are small and stay inline, stored with a 1-byte
-- varlena header (and then unaligned); the C code reads bytes only.
CREATE TYPE @extschema@.stdcode (
  INPUT = @extschema@.stdcode_in,
  OUTPUT = @extschema@.stdcode_out,
  RECEIVE = @extschema@.stdcode_recv,
  SEND = @extschema@.stdcode_send,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = int4,
  STORAGE = main
);
COMMENT ON TYPE @extschema@.stdcode IS
  'Standard number (标准编号): GB/T 19001-2016, DB11/ 501-2017, T/CAS 115-2005, ISO 9001:2015, ASTM D638-14, …; canonical form, ordered by prefix, number parts numerically, then year';
COMMENT ON FUNCTION @extschema@.stdcode_in(cstring) IS 'stdcode text input: NFKC, prefixes upper case, spaces and dashes folded, two-digit Chinese years to 19xx; 22P02 with DETAIL and HINT when malformed';
COMMENT ON FUNCTION @extschema@.stdcode_out(@extschema@.stdcode) IS 'stdcode text output: the canonical form (ASCII, one space after the prefix)';
COMMENT ON FUNCTION @extschema@.stdcode_recv(internal) IS 'stdcode binary input (version byte 1, then the text): read and checked as text input (client encoding, 22021; normalised; 22P02)';
COMMENT ON FUNCTION @extschema@.stdcode_send(@extschema@.stdcode) IS 'stdcode binary output (version byte 1, then the canonical text)';

-- comparison -----------------------------------------------------------------
CREATE FUNCTION @extschema@.stdcode_cmp(@extschema@.stdcode, @extschema@.stdcode) RETURNS int4
  AS 'MODULE_PATHNAME', 'stdcode_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.stdcode_eq(@extschema@.stdcode, @extschema@.stdcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'stdcode_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.stdcode_ne(@extschema@.stdcode, @extschema@.stdcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'stdcode_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.stdcode_lt(@extschema@.stdcode, @extschema@.stdcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'stdcode_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.stdcode_le(@extschema@.stdcode, @extschema@.stdcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'stdcode_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.stdcode_gt(@extschema@.stdcode, @extschema@.stdcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'stdcode_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.stdcode_ge(@extschema@.stdcode, @extschema@.stdcode) RETURNS boolean
  AS 'MODULE_PATHNAME', 'stdcode_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.stdcode_sortsupport(internal) RETURNS void
  AS 'MODULE_PATHNAME', 'stdcode_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stdcode_hash(@extschema@.stdcode) RETURNS int4
  AS 'MODULE_PATHNAME', 'stdcode_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.stdcode_hash_extended(@extschema@.stdcode, int8) RETURNS int8
  AS 'MODULE_PATHNAME', 'stdcode_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.stdcode_cmp(@extschema@.stdcode, @extschema@.stdcode) IS 'btree support: -1, 0 or 1 (prefix, number parts numerically, year with undated first, amendments, adopted standard, then the canonical text)';
COMMENT ON FUNCTION @extschema@.stdcode_eq(@extschema@.stdcode, @extschema@.stdcode) IS 'implementation of = for stdcode (same canonical form)';
COMMENT ON FUNCTION @extschema@.stdcode_ne(@extschema@.stdcode, @extschema@.stdcode) IS 'implementation of <> for stdcode';
COMMENT ON FUNCTION @extschema@.stdcode_lt(@extschema@.stdcode, @extschema@.stdcode) IS 'implementation of < for stdcode';
COMMENT ON FUNCTION @extschema@.stdcode_le(@extschema@.stdcode, @extschema@.stdcode) IS 'implementation of <= for stdcode';
COMMENT ON FUNCTION @extschema@.stdcode_gt(@extschema@.stdcode, @extschema@.stdcode) IS 'implementation of > for stdcode';
COMMENT ON FUNCTION @extschema@.stdcode_ge(@extschema@.stdcode, @extschema@.stdcode) IS 'implementation of >= for stdcode';
COMMENT ON FUNCTION @extschema@.stdcode_sortsupport(internal) IS 'btree sort support for stdcode (compares the stored sort keys without function-call overhead)';
COMMENT ON FUNCTION @extschema@.stdcode_hash(@extschema@.stdcode) IS 'hash support for stdcode (hash of the canonical text)';
COMMENT ON FUNCTION @extschema@.stdcode_hash_extended(@extschema@.stdcode, int8) IS 'extended (seeded) hash support for stdcode';

CREATE OPERATOR @extschema@.= (
  LEFTARG = @extschema@.stdcode, RIGHTARG = @extschema@.stdcode, FUNCTION = @extschema@.stdcode_eq,
  COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (
  LEFTARG = @extschema@.stdcode, RIGHTARG = @extschema@.stdcode, FUNCTION = @extschema@.stdcode_ne,
  COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
  RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (
  LEFTARG = @extschema@.stdcode, RIGHTARG = @extschema@.stdcode, FUNCTION = @extschema@.stdcode_lt,
  COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
  RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
  LEFTARG = @extschema@.stdcode, RIGHTARG = @extschema@.stdcode, FUNCTION = @extschema@.stdcode_le,
  COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
  RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (
  LEFTARG = @extschema@.stdcode, RIGHTARG = @extschema@.stdcode, FUNCTION = @extschema@.stdcode_gt,
  COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
  RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (
  LEFTARG = @extschema@.stdcode, RIGHTARG = @extschema@.stdcode, FUNCTION = @extschema@.stdcode_ge,
  COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
  RESTRICT = scalargesel, JOIN = scalargejoinsel);

COMMENT ON OPERATOR @extschema@.= (@extschema@.stdcode, @extschema@.stdcode) IS 'same standard number (same canonical form)';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.stdcode, @extschema@.stdcode) IS 'different standard numbers';
COMMENT ON OPERATOR @extschema@.< (@extschema@.stdcode, @extschema@.stdcode) IS 'sorts before (prefix, number parts numerically, year)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.stdcode, @extschema@.stdcode) IS 'sorts before or equal (prefix, number parts numerically, year)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.stdcode, @extschema@.stdcode) IS 'sorts after (prefix, number parts numerically, year)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.stdcode, @extschema@.stdcode) IS 'sorts after or equal (prefix, number parts numerically, year)';

CREATE OPERATOR CLASS @extschema@.stdcode_ops DEFAULT FOR TYPE @extschema@.stdcode USING btree AS
  OPERATOR 1 @extschema@.<,
  OPERATOR 2 @extschema@.<=,
  OPERATOR 3 @extschema@.=,
  OPERATOR 4 @extschema@.>=,
  OPERATOR 5 @extschema@.>,
  FUNCTION 1 @extschema@.stdcode_cmp(@extschema@.stdcode, @extschema@.stdcode),
  FUNCTION 2 @extschema@.stdcode_sortsupport(internal),
  FUNCTION 4 btequalimage(oid);
COMMENT ON OPERATOR CLASS @extschema@.stdcode_ops USING btree IS 'btree order of standard numbers: prefix, number parts numerically (GB 2 < GB 10, 4806.2 < 4806.10), year with undated first';

CREATE OPERATOR CLASS @extschema@.stdcode_hash_ops DEFAULT FOR TYPE @extschema@.stdcode USING hash AS
  OPERATOR 1 @extschema@.=,
  FUNCTION 1 @extschema@.stdcode_hash(@extschema@.stdcode),
  FUNCTION 2 @extschema@.stdcode_hash_extended(@extschema@.stdcode, int8);
COMMENT ON OPERATOR CLASS @extschema@.stdcode_hash_ops USING hash IS 'hashing of standard numbers (consistent with =)';

-- min and max: the first and the last in the btree order (max over the
-- editions of one standard, grouped by std_undated, is the latest edition)
CREATE FUNCTION @extschema@.stdcode_larger(@extschema@.stdcode, @extschema@.stdcode) RETURNS @extschema@.stdcode
  AS 'MODULE_PATHNAME', 'stdcode_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stdcode_smaller(@extschema@.stdcode, @extschema@.stdcode) RETURNS @extschema@.stdcode
  AS 'MODULE_PATHNAME', 'stdcode_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stdcode_larger(@extschema@.stdcode, @extschema@.stdcode) IS 'the later of two standard numbers in the btree order (support of max)';
COMMENT ON FUNCTION @extschema@.stdcode_smaller(@extschema@.stdcode, @extschema@.stdcode) IS 'the earlier of two standard numbers in the btree order (support of min)';

CREATE AGGREGATE @extschema@.max(@extschema@.stdcode) (
  SFUNC = @extschema@.stdcode_larger, STYPE = @extschema@.stdcode,
  COMBINEFUNC = @extschema@.stdcode_larger, SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.min(@extschema@.stdcode) (
  SFUNC = @extschema@.stdcode_smaller, STYPE = @extschema@.stdcode,
  COMBINEFUNC = @extschema@.stdcode_smaller, SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.stdcode) IS 'the last standard number in the btree order (of the editions of one standard: the latest)';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.stdcode) IS 'the first standard number in the btree order';

-- casts ----------------------------------------------------------------------
-- As for uscc: from text and varchar implicit (validating, so a stdcode
-- column is filled from a text staging column or a driver's string
-- parameter), to text by assignment only.
CREATE CAST (text AS @extschema@.stdcode) WITH INOUT AS IMPLICIT;
CREATE CAST (varchar AS @extschema@.stdcode) WITH INOUT AS IMPLICIT;
CREATE CAST (@extschema@.stdcode AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.stdcode) IS 'validates and canonicalises a standard number (22P02 when malformed)';
COMMENT ON CAST (varchar AS @extschema@.stdcode) IS 'validates as text input (a driver''s varchar parameter)';
COMMENT ON CAST (@extschema@.stdcode AS text) IS 'the canonical form';

-- parts ----------------------------------------------------------------------
CREATE FUNCTION @extschema@.std_kind(@extschema@.stdcode) RETURNS text
  AS 'MODULE_PATHNAME', 'std_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.std_nature(@extschema@.stdcode) RETURNS text
  AS 'MODULE_PATHNAME', 'std_nature' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.std_prefix(@extschema@.stdcode) RETURNS text
  AS 'MODULE_PATHNAME', 'std_prefix' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.std_number(@extschema@.stdcode) RETURNS text
  AS 'MODULE_PATHNAME', 'std_number' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.std_year(@extschema@.stdcode) RETURNS int4
  AS 'MODULE_PATHNAME', 'std_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.std_undated(@extschema@.stdcode) RETURNS @extschema@.stdcode
  AS 'MODULE_PATHNAME', 'std_undated' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.std_adopts(@extschema@.stdcode) RETURNS @extschema@.stdcode
  AS 'MODULE_PATHNAME', 'std_adopts' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.std_kind(@extschema@.stdcode) IS 'national, industry, local, group, enterprise, international or foreign (of the main standard of a dual number)';
COMMENT ON FUNCTION @extschema@.std_nature(@extschema@.stdcode) IS 'mandatory (GB, HJ, DB11/), recommended (GB/T, QB/T, DB11/T) or guidance (GB/Z); NULL for group, enterprise, international, foreign and metrology (JJF, JJG) numbers';
COMMENT ON FUNCTION @extschema@.std_prefix(@extschema@.stdcode) IS 'the issuer prefix: GB/T, DB11/, T/CAS, Q/GDMD, ISO/IEC, BS EN ISO, ASTM, …';
COMMENT ON FUNCTION @extschema@.std_number(@extschema@.stdcode) IS 'the number without prefix and year: 19001, 4806.1, 60335-2-24, D638, C33/C33M, C 9335-1';
COMMENT ON FUNCTION @extschema@.std_year(@extschema@.stdcode) IS 'four-digit year of the edition (ASTM two-digit years: 00-49 are 20xx, 50-99 are 19xx); NULL when undated';
COMMENT ON FUNCTION @extschema@.std_undated(@extschema@.stdcode) IS 'the same standard without year, amendments and adopted standard (groups the editions): GB/T 19001-2016/ISO 9001:2015 -> GB/T 19001';
COMMENT ON FUNCTION @extschema@.std_adopts(@extschema@.stdcode) IS 'the standard adopted: ISO 9001:2015 for GB/T 19001-2016/ISO 9001:2015, EN ISO 9001:2015 for BS EN ISO 9001:2015; NULL when none';
