-- uscc: unified social credit code (GB 32100-2015), src/uscc.c

CREATE TYPE @extschema@.uscc;

CREATE FUNCTION @extschema@.uscc_in(cstring) RETURNS @extschema@.uscc
  AS 'MODULE_PATHNAME', 'uscc_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.uscc_out(@extschema@.uscc) RETURNS cstring
  AS 'MODULE_PATHNAME', 'uscc_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.uscc_recv(internal) RETURNS @extschema@.uscc
  AS 'MODULE_PATHNAME', 'uscc_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.uscc_send(@extschema@.uscc) RETURNS bytea
  AS 'MODULE_PATHNAME', 'uscc_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.uscc (
  INPUT = @extschema@.uscc_in,
  OUTPUT = @extschema@.uscc_out,
  RECEIVE = @extschema@.uscc_recv,
  SEND = @extschema@.uscc_send,
  INTERNALLENGTH = 18,
  ALIGNMENT = char,
  STORAGE = plain
);
COMMENT ON TYPE @extschema@.uscc IS
  'Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, check character verified';
COMMENT ON FUNCTION @extschema@.uscc_in(cstring) IS 'uscc text input: NFKC, upper case, spaces and hyphens removed, check character verified';
COMMENT ON FUNCTION @extschema@.uscc_out(@extschema@.uscc) IS 'uscc text output: 18 upper-case characters, "!" appended when unchecked';
COMMENT ON FUNCTION @extschema@.uscc_recv(internal) IS 'uscc binary input (version byte, 18 characters): the text read and checked as text input (client encoding, 22021; 22P02), a wrong check character kept as unchecked';
COMMENT ON FUNCTION @extschema@.uscc_send(@extschema@.uscc) IS 'uscc binary output (version byte, 18 characters)';

-- comparison -----------------------------------------------------------------
CREATE FUNCTION @extschema@.uscc_cmp(@extschema@.uscc, @extschema@.uscc) RETURNS int4
  AS 'MODULE_PATHNAME', 'uscc_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.uscc_eq(@extschema@.uscc, @extschema@.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'uscc_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.uscc_ne(@extschema@.uscc, @extschema@.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'uscc_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.uscc_lt(@extschema@.uscc, @extschema@.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'uscc_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.uscc_le(@extschema@.uscc, @extschema@.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'uscc_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.uscc_gt(@extschema@.uscc, @extschema@.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'uscc_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.uscc_ge(@extschema@.uscc, @extschema@.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'uscc_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.uscc_hash(@extschema@.uscc) RETURNS int4
  AS 'MODULE_PATHNAME', 'uscc_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.uscc_hash_extended(@extschema@.uscc, int8) RETURNS int8
  AS 'MODULE_PATHNAME', 'uscc_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.uscc_cmp(@extschema@.uscc, @extschema@.uscc) IS 'btree support: -1, 0 or 1 by the code characters';
COMMENT ON FUNCTION @extschema@.uscc_eq(@extschema@.uscc, @extschema@.uscc) IS 'implementation of = for uscc';
COMMENT ON FUNCTION @extschema@.uscc_ne(@extschema@.uscc, @extschema@.uscc) IS 'implementation of <> for uscc';
COMMENT ON FUNCTION @extschema@.uscc_lt(@extschema@.uscc, @extschema@.uscc) IS 'implementation of < for uscc';
COMMENT ON FUNCTION @extschema@.uscc_le(@extschema@.uscc, @extschema@.uscc) IS 'implementation of <= for uscc';
COMMENT ON FUNCTION @extschema@.uscc_gt(@extschema@.uscc, @extschema@.uscc) IS 'implementation of > for uscc';
COMMENT ON FUNCTION @extschema@.uscc_ge(@extschema@.uscc, @extschema@.uscc) IS 'implementation of >= for uscc';
COMMENT ON FUNCTION @extschema@.uscc_hash(@extschema@.uscc) IS 'hash support for uscc';
COMMENT ON FUNCTION @extschema@.uscc_hash_extended(@extschema@.uscc, int8) IS 'extended (seeded) hash support for uscc';

CREATE OPERATOR @extschema@.= (
  LEFTARG = @extschema@.uscc, RIGHTARG = @extschema@.uscc, FUNCTION = @extschema@.uscc_eq,
  COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (
  LEFTARG = @extschema@.uscc, RIGHTARG = @extschema@.uscc, FUNCTION = @extschema@.uscc_ne,
  COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
  RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (
  LEFTARG = @extschema@.uscc, RIGHTARG = @extschema@.uscc, FUNCTION = @extschema@.uscc_lt,
  COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
  RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
  LEFTARG = @extschema@.uscc, RIGHTARG = @extschema@.uscc, FUNCTION = @extschema@.uscc_le,
  COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
  RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (
  LEFTARG = @extschema@.uscc, RIGHTARG = @extschema@.uscc, FUNCTION = @extschema@.uscc_gt,
  COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
  RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (
  LEFTARG = @extschema@.uscc, RIGHTARG = @extschema@.uscc, FUNCTION = @extschema@.uscc_ge,
  COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
  RESTRICT = scalargesel, JOIN = scalargejoinsel);

COMMENT ON OPERATOR @extschema@.= (@extschema@.uscc, @extschema@.uscc) IS 'same code';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.uscc, @extschema@.uscc) IS 'different codes';
COMMENT ON OPERATOR @extschema@.< (@extschema@.uscc, @extschema@.uscc) IS 'less than (character order)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.uscc, @extschema@.uscc) IS 'less than or equal (character order)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.uscc, @extschema@.uscc) IS 'greater than (character order)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.uscc, @extschema@.uscc) IS 'greater than or equal (character order)';

CREATE OPERATOR CLASS @extschema@.uscc_ops DEFAULT FOR TYPE @extschema@.uscc USING btree AS
  OPERATOR 1 @extschema@.<,
  OPERATOR 2 @extschema@.<=,
  OPERATOR 3 @extschema@.=,
  OPERATOR 4 @extschema@.>=,
  OPERATOR 5 @extschema@.>,
  FUNCTION 1 @extschema@.uscc_cmp(@extschema@.uscc, @extschema@.uscc);
COMMENT ON OPERATOR CLASS @extschema@.uscc_ops USING btree IS 'btree order of unified social credit codes (character order)';

CREATE OPERATOR CLASS @extschema@.uscc_hash_ops DEFAULT FOR TYPE @extschema@.uscc USING hash AS
  OPERATOR 1 @extschema@.=,
  FUNCTION 1 @extschema@.uscc_hash(@extschema@.uscc),
  FUNCTION 2 @extschema@.uscc_hash_extended(@extschema@.uscc, int8);
COMMENT ON OPERATOR CLASS @extschema@.uscc_hash_ops USING hash IS 'hashing of unified social credit codes';

-- casts ----------------------------------------------------------------------
-- From text and varchar implicit (as PostGIS's text -> geometry): a driver's
-- string parameter (pgJDBC setString: varchar; psycopg 3 binary: text)
-- compares with a uscc column and is stored into one, validated as text
-- input.  To text by assignment only, so that uscc = text never has
-- text = text as a second candidate (README, Clients and BI).
CREATE CAST (text AS @extschema@.uscc) WITH INOUT AS IMPLICIT;
CREATE CAST (varchar AS @extschema@.uscc) WITH INOUT AS IMPLICIT;
CREATE CAST (@extschema@.uscc AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.uscc) IS 'validates: NFKC, upper case, check character';
COMMENT ON CAST (varchar AS @extschema@.uscc) IS 'validates as text input (a driver''s varchar parameter)';
COMMENT ON CAST (@extschema@.uscc AS text) IS 'the 18 characters ("!" appended when unchecked)';

-- parts ----------------------------------------------------------------------
CREATE FUNCTION @extschema@.uscc_registry(@extschema@.uscc) RETURNS text
  AS 'MODULE_PATHNAME', 'uscc_registry' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.uscc_entity(@extschema@.uscc) RETURNS text
  AS 'MODULE_PATHNAME', 'uscc_entity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.uscc_region(@extschema@.uscc) RETURNS text
  AS 'MODULE_PATHNAME', 'uscc_region' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.uscc_org_code(@extschema@.uscc) RETURNS text
  AS 'MODULE_PATHNAME', 'uscc_org_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.uscc_is_valid(@extschema@.uscc) RETURNS boolean
  AS 'MODULE_PATHNAME', 'uscc_is_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.uscc_complete(text) RETURNS @extschema@.uscc
  AS 'MODULE_PATHNAME', 'uscc_complete' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.uscc_registry(@extschema@.uscc) IS 'position 1: registration authority code (9 = market regulation, 1 = institutional staffing, 5 = civil affairs, …)';
COMMENT ON FUNCTION @extschema@.uscc_entity(@extschema@.uscc) IS 'position 2: entity type within the registration authority (91 = enterprise, 92 = individual business, …)';
COMMENT ON FUNCTION @extschema@.uscc_region(@extschema@.uscc) IS 'positions 3-8: administrative division code (GB/T 2260) of the registering authority';
COMMENT ON FUNCTION @extschema@.uscc_org_code(@extschema@.uscc) IS 'positions 9-17: organisation code (GB 11714)';
COMMENT ON FUNCTION @extschema@.uscc_is_valid(@extschema@.uscc) IS 'false for a code accepted unchecked (wrong check character, frontrunner.uscc_weak)';
COMMENT ON FUNCTION @extschema@.uscc_complete(text) IS 'the first 17 characters of a code completed with their check character';

CREATE FUNCTION @extschema@.uscc_registry_name(@extschema@.uscc) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  RETURN CASE @extschema@.uscc_registry($1)
    WHEN '1' THEN '机构编制'
    WHEN '2' THEN '外交'
    WHEN '3' THEN '司法行政'
    WHEN '4' THEN '文化'
    WHEN '5' THEN '民政'
    WHEN '6' THEN '旅游'
    WHEN '7' THEN '宗教'
    WHEN '8' THEN '工会'
    WHEN '9' THEN '工商'
    WHEN 'A' THEN '中央军委改革和编制办公室'
    WHEN 'N' THEN '农业'
    WHEN 'Y' THEN '其他'
  END;
COMMENT ON FUNCTION @extschema@.uscc_registry_name(@extschema@.uscc) IS
  'name of the registration authority of position 1 (GB 32100-2015 table 1, as transcribed; verify before regulatory use); NULL for a code not in that table';
