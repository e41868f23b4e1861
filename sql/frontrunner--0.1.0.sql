-- frontrunner install script, assembled by the Makefile from sql/install/*.sql
-- in file-name order.  Every object is qualified with @extschema@ — except
-- inside quoted text and function bodies, where @extschema@ is never written
-- (test/harness/lint.pl checks it): there the schema is named literally,
-- frontrunner, which the control file fixes (relocatable = false).

\echo Use "CREATE EXTENSION frontrunner" to load this file. \quit

COMMENT ON SCHEMA @extschema@ IS
  'frontrunner: enterprise standard front-runner (企业标准"领跑者") types, rules and ranking';
-- Input normalisation (src/normalize.c): what every type parser sees.

CREATE FUNCTION @extschema@.normalize_input(text) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_normalize_text'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_input(text) IS
  'The text as the type parsers see it: Unicode NFKC (full-width forms to ASCII), ≦/≧ to ≤/≥, dashes to "-", wave dashes to "~", superscripts to ^n, odd spaces to " "';
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
COMMENT ON FUNCTION @extschema@.uscc_recv(internal) IS 'uscc binary input (version byte, 18 characters)';
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
CREATE CAST (text AS @extschema@.uscc) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.uscc AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.uscc) IS 'validates: NFKC, upper case, check character';
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
COMMENT ON FUNCTION @extschema@.stdcode_recv(internal) IS 'stdcode binary input (version byte 1, then the text; validated like text input)';
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
-- Assignment casts both ways (as for uscc): text -> stdcode validates, so a
-- column of type stdcode can be filled from a text staging column.
CREATE CAST (text AS @extschema@.stdcode) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.stdcode AS text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.stdcode) IS 'validates and canonicalises a standard number (22P02 when malformed)';
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
  'indicator input: ≤0.2 mg/kg, 不大于0.2 mg/kg, ≥98.5%, 6.5~8.5, [6.5, 8.5), 65±2 dB, 10 +0.5/-0.2 mm, ND(≤0.01 mg/kg), ≥3-4级, … (22P02 with the position where parsing stopped)';

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
  'indicator binary output (format version 1)';

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
  'A requirement on one measurable property, or a measured value: a point, an upper or lower bound, a range, a tolerance or "not detected", with exact decimals and a unit; = is equality of the sets of acceptable values after unit conversion';

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
  'a <@ b: every value acceptable under a is acceptable under b (a is at least as strict; a measured point meets b); 22023 across dimensions';

CREATE FUNCTION @extschema@.indicator_contains(@extschema@.indicator, @extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_contains'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_contains(@extschema@.indicator, @extschema@.indicator) IS
  'a @> b: b <@ a; 22023 across dimensions';

CREATE FUNCTION @extschema@.indicator_overlaps(@extschema@.indicator, @extschema@.indicator) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_indicator_overlaps'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_overlaps(@extschema@.indicator, @extschema@.indicator) IS
  'a && b: some value is acceptable under both; 22023 across dimensions';

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

-- ------------------------------------------------------------ compare layer

CREATE FUNCTION @extschema@.compare(a @extschema@.indicator, b @extschema@.indicator) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_compare'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.compare(@extschema@.indicator, @extschema@.indicator) IS
  'a compared with b: stricter, equal, looser, overlapping, disjoint or incomparable (different dimensions); never raises on units';

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

CREATE FUNCTION @extschema@.level(a @extschema@.indicator, direction @extschema@.direction,
                                  unit text DEFAULT NULL) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_indicator_level'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level(@extschema@.indicator, @extschema@.direction, text) IS
  'the number a requirement claims: upper bound for lower_better (detection limit or 0 for ND), lower bound for higher_better, width for target; in unit when given (22023 if not commensurable); NULL when the form has no such bound';

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

CREATE FUNCTION @extschema@.to_unit(@extschema@.indicator, text) RETURNS @extschema@.indicator
  AS 'MODULE_PATHNAME', 'fr_indicator_to_unit'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_unit(@extschema@.indicator, text) IS
  'the same set expressed in another unit, exactly (22023 if not commensurable, 22003 if not a terminating decimal)';

CREATE FUNCTION @extschema@.to_text(@extschema@.indicator, style text) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_indicator_to_text'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_text(@extschema@.indicator, text) IS
  'text in a style: canonical (≤ 0.2 mg/kg) or zh (不大于0.2 mg/kg, 6.5～8.5, 不得检出)';
-- GiST support for <@, @> and && on indicators (src/indicator_gist.c).
-- Keys are bounding intervals whose end points keep their own units.

CREATE FUNCTION @extschema@.indicator_gist_consistent(internal, @extschema@.indicator, smallint, oid, internal)
  RETURNS boolean AS 'MODULE_PATHNAME', 'fr_indicator_gist_consistent'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_gist_consistent(internal, @extschema@.indicator, smallint, oid, internal) IS
  'GiST support: may a subtree hold values matching <@, @> or && (rechecked)';

CREATE FUNCTION @extschema@.indicator_gist_union(internal, internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'fr_indicator_gist_union'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_gist_union(internal, internal) IS
  'GiST support: bounding interval of keys';

CREATE FUNCTION @extschema@.indicator_gist_compress(internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'fr_indicator_gist_compress'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_gist_compress(internal) IS
  'GiST support: an indicator as its interval key';

CREATE FUNCTION @extschema@.indicator_gist_decompress(internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'fr_indicator_gist_decompress'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_gist_decompress(internal) IS
  'GiST support: keys are used as stored';

CREATE FUNCTION @extschema@.indicator_gist_penalty(internal, internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'fr_indicator_gist_penalty'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_gist_penalty(internal, internal, internal) IS
  'GiST support: growth of the interval (approximate, in base units)';

CREATE FUNCTION @extschema@.indicator_gist_picksplit(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'fr_indicator_gist_picksplit'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_gist_picksplit(internal, internal) IS
  'GiST support: split by dimension, then lower bound';

CREATE FUNCTION @extschema@.indicator_gist_same(bytea, bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'fr_indicator_gist_same'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.indicator_gist_same(bytea, bytea, internal) IS
  'GiST support: identical keys';

CREATE OPERATOR CLASS @extschema@.indicator_gist_ops
  DEFAULT FOR TYPE @extschema@.indicator USING gist AS
    OPERATOR 3 @extschema@.&& ,
    OPERATOR 7 @extschema@.@> ,
    OPERATOR 8 @extschema@.<@ ,
    FUNCTION 1 @extschema@.indicator_gist_consistent(internal, @extschema@.indicator, smallint, oid, internal),
    FUNCTION 2 @extschema@.indicator_gist_union(internal, internal),
    FUNCTION 3 @extschema@.indicator_gist_compress(internal),
    FUNCTION 4 @extschema@.indicator_gist_decompress(internal),
    FUNCTION 5 @extschema@.indicator_gist_penalty(internal, internal, internal),
    FUNCTION 6 @extschema@.indicator_gist_picksplit(internal, internal),
    FUNCTION 7 @extschema@.indicator_gist_same(bytea, bytea, internal),
    STORAGE bytea;
COMMENT ON OPERATOR CLASS @extschema@.indicator_gist_ops USING gist IS
  'GiST index for <@, @> and && on indicators (index scans skip rows of other dimensions)';
-- Disclosure registry (api.md §2): enterprises, standards, categories,
-- indicator definitions, standard requirements, disclosures and their
-- indicators, spot checks, and the disclosure history.
-- Rules (api.md §3) are in 41_registry_rules.sql; import and search in
-- 42_registry_import.sql.  Documentation: doc/registry.md.

-- pinyin (src/pinyin.c) -------------------------------------------------------
CREATE FUNCTION @extschema@.pinyin(text) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_pinyin' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pinyin(text) IS
  'toneless lower-case pinyin of a text, syllables and words separated by one space (ICU "Han-Latin; Latin-ASCII; Lower" after NFKC): 格力电器 → ge li dian qi';
CREATE FUNCTION @extschema@.pinyin_compact(text) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_pinyin_compact' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pinyin_compact(text) IS
  'pinyin() with only the ASCII letters and digits kept, for search: 格力电器 → gelidianqi, "Ge Li" → geli';

-- enterprise ------------------------------------------------------------------
CREATE TABLE @extschema@.enterprise (
  uscc        @extschema@.uscc PRIMARY KEY,
  name        text NOT NULL CONSTRAINT enterprise_name_check CHECK (btrim(name) <> ''),
  region      text CONSTRAINT enterprise_region_check CHECK (region ~ '^[0-9]{6}$'),
  name_pinyin text GENERATED ALWAYS AS (@extschema@.pinyin_compact(name)) STORED
);
COMMENT ON TABLE @extschema@.enterprise IS 'enterprises that disclose standards, keyed by their unified social credit code';
COMMENT ON COLUMN @extschema@.enterprise.uscc IS 'unified social credit code (统一社会信用代码, GB 32100-2015)';
COMMENT ON COLUMN @extschema@.enterprise.name IS 'registered name of the enterprise';
COMMENT ON COLUMN @extschema@.enterprise.region IS 'administrative division code (GB/T 2260, 6 digits); filled from positions 3-8 of the USCC when not given';
COMMENT ON COLUMN @extschema@.enterprise.name_pinyin IS 'pinyin_compact(name), generated: search key for names typed in pinyin (geli finds 格力)';
CREATE FUNCTION @extschema@.enterprise_fill_region() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  r text;
BEGIN
  IF NEW.region IS NULL THEN
    r := frontrunner.uscc_region(NEW.uscc);
    IF r ~ '^[0-9]{6}$' THEN
      NEW.region := r;
    END IF;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.enterprise_fill_region() IS
  'trigger: enterprise.region defaults to the division code in positions 3-8 of the USCC';
CREATE TRIGGER enterprise_10_region BEFORE INSERT OR UPDATE ON @extschema@.enterprise
  FOR EACH ROW EXECUTE FUNCTION @extschema@.enterprise_fill_region();
CREATE INDEX enterprise_name_prefix_idx ON @extschema@.enterprise (name text_pattern_ops);
CREATE INDEX enterprise_name_pinyin_idx ON @extschema@.enterprise (name_pinyin text_pattern_ops);

-- standard --------------------------------------------------------------------
CREATE TABLE @extschema@.standard (
  code         @extschema@.stdcode PRIMARY KEY,
  title        text,
  issued_on    date,
  effective_on date,
  withdrawn_on date,
  kind         text GENERATED ALWAYS AS (@extschema@.std_kind(code)) STORED,
  nature       text GENERATED ALWAYS AS (@extschema@.std_nature(code)) STORED,
  CONSTRAINT standard_effective_check CHECK (effective_on >= issued_on),
  CONSTRAINT standard_withdrawn_check CHECK (withdrawn_on >= coalesce(effective_on, issued_on))
);
COMMENT ON TABLE @extschema@.standard IS 'standards whose requirements the rules and benchmark comparisons use (national, industry, local, group, international, foreign)';
COMMENT ON COLUMN @extschema@.standard.code IS 'standard number, with its year (one row per edition)';
COMMENT ON COLUMN @extschema@.standard.title IS 'title of the standard';
COMMENT ON COLUMN @extschema@.standard.issued_on IS 'date of issue (发布日期)';
COMMENT ON COLUMN @extschema@.standard.effective_on IS 'date it comes into force (实施日期); NULL: in force since issue';
COMMENT ON COLUMN @extschema@.standard.withdrawn_on IS 'date it was withdrawn or replaced (废止日期); NULL: not withdrawn';
COMMENT ON COLUMN @extschema@.standard.kind IS 'std_kind(code), generated: national, industry, local, group, enterprise, international or foreign';
COMMENT ON COLUMN @extschema@.standard.nature IS 'std_nature(code), generated: mandatory, recommended, guidance, or NULL where the notion does not apply';
CREATE INDEX standard_nature_idx ON @extschema@.standard (nature, kind);

-- category --------------------------------------------------------------------
CREATE TABLE @extschema@.category (
  code text PRIMARY KEY CONSTRAINT category_code_check CHECK (code ~ '^\S+$'),
  name text NOT NULL CONSTRAINT category_name_check CHECK (btrim(name) <> '')
);
COMMENT ON TABLE @extschema@.category IS 'product or service categories (what a disclosure and an evaluation plan are about)';
COMMENT ON COLUMN @extschema@.category.code IS 'category code (no spaces)';
COMMENT ON COLUMN @extschema@.category.name IS 'category name';

-- indicator_def ---------------------------------------------------------------
CREATE TABLE @extschema@.indicator_def (
  category  text NOT NULL REFERENCES @extschema@.category (code) ON UPDATE CASCADE,
  key       text NOT NULL CONSTRAINT indicator_def_key_check CHECK (btrim(key) <> ''),
  name      text,
  direction @extschema@.direction NOT NULL,
  unit      text,
  required  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (category, key)
);
COMMENT ON TABLE @extschema@.indicator_def IS 'the indicators of a category: what can be disclosed, which way is better, which must be disclosed';
COMMENT ON COLUMN @extschema@.indicator_def.category IS 'category the indicator belongs to';
COMMENT ON COLUMN @extschema@.indicator_def.key IS 'indicator key, unique within the category (e.g. formaldehyde)';
COMMENT ON COLUMN @extschema@.indicator_def.name IS 'indicator name as standards write it (e.g. 甲醛含量)';
COMMENT ON COLUMN @extschema@.indicator_def.direction IS 'lower_better, higher_better or target: which way is stricter, for levels and ranking';
COMMENT ON COLUMN @extschema@.indicator_def.unit IS 'unit levels are expressed in (any unit of the right dimension); NULL: the unit of each value';
COMMENT ON COLUMN @extschema@.indicator_def.required IS 'must be disclosed by a disclosure executing its own enterprise standard (rule 2)';

-- standard_requirement --------------------------------------------------------
CREATE TABLE @extschema@.standard_requirement (
  standard    @extschema@.stdcode NOT NULL REFERENCES @extschema@.standard (code) ON UPDATE CASCADE ON DELETE CASCADE,
  category    text NOT NULL,
  indicator   text NOT NULL,
  requirement @extschema@.indicator NOT NULL,
  test_method @extschema@.stdcode,
  PRIMARY KEY (standard, category, indicator),
  FOREIGN KEY (category, indicator) REFERENCES @extschema@.indicator_def (category, key) ON UPDATE CASCADE
);
COMMENT ON TABLE @extschema@.standard_requirement IS 'what a standard requires of one indicator of a category';
COMMENT ON COLUMN @extschema@.standard_requirement.standard IS 'the standard (an edition in table standard)';
COMMENT ON COLUMN @extschema@.standard_requirement.category IS 'category the requirement applies to';
COMMENT ON COLUMN @extschema@.standard_requirement.indicator IS 'indicator key (indicator_def.key)';
COMMENT ON COLUMN @extschema@.standard_requirement.requirement IS 'the requirement, e.g. ≤ 20 mg/kg';
COMMENT ON COLUMN @extschema@.standard_requirement.test_method IS 'standard number of the test method the standard names';
CREATE INDEX standard_requirement_indicator_idx ON @extschema@.standard_requirement (category, indicator);

-- disclosure ------------------------------------------------------------------
CREATE TABLE @extschema@.disclosure (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enterprise      @extschema@.uscc NOT NULL REFERENCES @extschema@.enterprise (uscc),
  category        text NOT NULL REFERENCES @extschema@.category (code),
  product         text NOT NULL CONSTRAINT disclosure_product_check CHECK (btrim(product) <> ''),
  standard        @extschema@.stdcode NOT NULL,
  status          text NOT NULL DEFAULT 'draft'
                  CONSTRAINT disclosure_status_check CHECK (status IN ('draft', 'published', 'withdrawn', 'superseded')),
  published_at    timestamptz,
  withdrawn_at    timestamptz,
  withdraw_reason text,
  supersedes      bigint REFERENCES @extschema@.disclosure (id),
  below_recommended_statement text,
  source_ref      text CONSTRAINT disclosure_source_ref_key UNIQUE,
  source_published text,
  CONSTRAINT disclosure_published_check CHECK ((status = 'draft') = (published_at IS NULL)),
  CONSTRAINT disclosure_withdrawn_check CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
  CONSTRAINT disclosure_withdraw_reason_check CHECK (status <> 'withdrawn' OR btrim(withdraw_reason) <> ''),
  CONSTRAINT disclosure_supersedes_check CHECK (supersedes <> id)
);
COMMENT ON TABLE @extschema@.disclosure IS 'self-declared standard disclosures (企业标准自我声明公开): draft → published → withdrawn or superseded; published rows are immutable';
COMMENT ON COLUMN @extschema@.disclosure.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.disclosure.enterprise IS 'the disclosing enterprise';
COMMENT ON COLUMN @extschema@.disclosure.category IS 'product or service category';
COMMENT ON COLUMN @extschema@.disclosure.product IS 'product or service name (and model)';
COMMENT ON COLUMN @extschema@.disclosure.standard IS 'number of the standard the product executes (rule 1: an enterprise standard needs a Q/ number with a 4-digit year not in the future)';
COMMENT ON COLUMN @extschema@.disclosure.status IS 'draft, published, withdrawn or superseded; changed by UPDATE, checked by the rules';
COMMENT ON COLUMN @extschema@.disclosure.published_at IS 'set by the database clock (now()) at publication; client values are ignored';
COMMENT ON COLUMN @extschema@.disclosure.withdrawn_at IS 'set by the database clock (now()) at withdrawal; client values are ignored';
COMMENT ON COLUMN @extschema@.disclosure.withdraw_reason IS 'why the disclosure was withdrawn (required to withdraw)';
COMMENT ON COLUMN @extschema@.disclosure.supersedes IS 'the published disclosure this one replaces; it becomes superseded when this one is published';
COMMENT ON COLUMN @extschema@.disclosure.below_recommended_statement IS 'the explicit statement (明示) that indicators are looser than a recommended standard (rule 4)';
COMMENT ON COLUMN @extschema@.disclosure.source_ref IS 'identifier of the disclosure on the national platform, when imported (unique)';
COMMENT ON COLUMN @extschema@.disclosure.source_published IS 'publication time as the platform export states it (informational text; published_at is the database clock)';
CREATE INDEX disclosure_enterprise_idx ON @extschema@.disclosure (enterprise);
CREATE INDEX disclosure_category_idx ON @extschema@.disclosure (category, status);
CREATE UNIQUE INDEX disclosure_one_successor_idx ON @extschema@.disclosure (supersedes)
  WHERE status <> 'draft';
COMMENT ON INDEX @extschema@.disclosure_one_successor_idx IS 'a disclosure is superseded by at most one published version';

-- disclosed_indicator ---------------------------------------------------------
CREATE TABLE @extschema@.disclosed_indicator (
  disclosure  bigint NOT NULL REFERENCES @extschema@.disclosure (id) ON DELETE CASCADE,
  indicator   text NOT NULL,
  requirement @extschema@.indicator NOT NULL,
  test_method @extschema@.stdcode,
  PRIMARY KEY (disclosure, indicator)
);
COMMENT ON TABLE @extschema@.disclosed_indicator IS 'the indicators a disclosure declares; immutable once the disclosure is published';
COMMENT ON COLUMN @extschema@.disclosed_indicator.disclosure IS 'the disclosure';
COMMENT ON COLUMN @extschema@.disclosed_indicator.indicator IS 'indicator key, defined for the disclosure''s category (indicator_def.key)';
COMMENT ON COLUMN @extschema@.disclosed_indicator.requirement IS 'the disclosed requirement, e.g. ≤ 15 mg/kg (rule 3: at least as strict as every in-force mandatory standard)';
COMMENT ON COLUMN @extschema@.disclosed_indicator.test_method IS 'standard number of the test method';

-- spot_check ------------------------------------------------------------------
CREATE TABLE @extschema@.spot_check (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  disclosure bigint NOT NULL,
  indicator  text NOT NULL,
  sampled_on date NOT NULL,
  measured   @extschema@.indicator NOT NULL,
  method     text NOT NULL DEFAULT 'full' CONSTRAINT spot_check_method_check CHECK (method IN ('full', 'rounded')),
  conforms   boolean,
  agency     text,
  FOREIGN KEY (disclosure, indicator) REFERENCES @extschema@.disclosed_indicator (disclosure, indicator)
);
COMMENT ON TABLE @extschema@.spot_check IS 'spot checks (监督抽查): a measured value of a disclosed indicator; conforms is computed by the database (rule 6)';
COMMENT ON COLUMN @extschema@.spot_check.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.spot_check.disclosure IS 'the (published) disclosure checked';
COMMENT ON COLUMN @extschema@.spot_check.indicator IS 'the disclosed indicator measured';
COMMENT ON COLUMN @extschema@.spot_check.sampled_on IS 'sampling date (not in the future); exclusion runs from it';
COMMENT ON COLUMN @extschema@.spot_check.measured IS 'the measured result, e.g. 16.4 mg/kg';
COMMENT ON COLUMN @extschema@.spot_check.method IS 'GB/T 8170 judging method: full (全数值比较法, default) or rounded (修约值比较法)';
COMMENT ON COLUMN @extschema@.spot_check.conforms IS 'satisfies(measured, disclosed requirement, method), set by the database; client values are ignored';
COMMENT ON COLUMN @extschema@.spot_check.agency IS 'inspecting agency';
CREATE INDEX spot_check_disclosure_idx ON @extschema@.spot_check (disclosure);

-- disclosure_event (history) --------------------------------------------------
CREATE TABLE @extschema@.disclosure_event (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  disclosure    bigint NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  action        text NOT NULL
                CONSTRAINT disclosure_event_action_check CHECK (action IN ('create', 'publish', 'withdraw', 'supersede', 'delete')),
  old_status    text,
  new_status    text,
  by_user       name NOT NULL DEFAULT current_user,
  by_session    name NOT NULL DEFAULT session_user,
  transaction   xid8 NOT NULL DEFAULT pg_current_xact_id(),
  note          text
);
COMMENT ON TABLE @extschema@.disclosure_event IS 'history of every disclosure state change, written by triggers; append-only (read it with disclosure_history(id))';
COMMENT ON COLUMN @extschema@.disclosure_event.id IS 'identity: order of the events';
COMMENT ON COLUMN @extschema@.disclosure_event.disclosure IS 'the disclosure (kept after a draft is deleted, so no foreign key)';
COMMENT ON COLUMN @extschema@.disclosure_event.at IS 'database clock (transaction time) of the change';
COMMENT ON COLUMN @extschema@.disclosure_event.action IS 'create, publish, withdraw, supersede or delete';
COMMENT ON COLUMN @extschema@.disclosure_event.old_status IS 'status before (NULL for create)';
COMMENT ON COLUMN @extschema@.disclosure_event.new_status IS 'status after (NULL for delete)';
COMMENT ON COLUMN @extschema@.disclosure_event.by_user IS 'current_user at the change';
COMMENT ON COLUMN @extschema@.disclosure_event.by_session IS 'session_user at the change';
COMMENT ON COLUMN @extschema@.disclosure_event.transaction IS 'id of the transaction that made the change';
COMMENT ON COLUMN @extschema@.disclosure_event.note IS 'withdraw reason, or the superseding disclosure';
CREATE INDEX disclosure_event_disclosure_idx ON @extschema@.disclosure_event (disclosure, id);
-- Disclosure rules (api.md §3, rules 1-6), enforced by triggers.
--
--   FR001  rule 1  numbering of the executed standard
--   FR002  rule 2  completeness at publication (own enterprise standard)
--   FR003  rule 3  mandatory floor (data entry and publication)
--   FR004  rule 4  recommended floor without the explicit statement
--   FR005  rule 5  publication workflow and immutability
--   FR006  rule 6  spot checks
--   23503          a disclosed indicator not defined for the category
-- See doc/registry.md for the table of messages.

-- the requirements that are in force today ------------------------------------
CREATE VIEW @extschema@.requirement_in_force AS
SELECT r.category, r.indicator, r.standard, s.kind, s.nature, r.requirement, r.test_method
FROM @extschema@.standard_requirement r
JOIN @extschema@.standard s ON s.code = r.standard
WHERE (s.effective_on IS NULL OR s.effective_on <= CURRENT_DATE)
  AND (s.withdrawn_on IS NULL OR s.withdrawn_on > CURRENT_DATE);
COMMENT ON VIEW @extschema@.requirement_in_force IS
  'standard requirements of the standards in force today (effective, not withdrawn), with the standard''s kind and nature';
COMMENT ON COLUMN @extschema@.requirement_in_force.category IS 'category';
COMMENT ON COLUMN @extschema@.requirement_in_force.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.requirement_in_force.standard IS 'the standard in force';
COMMENT ON COLUMN @extschema@.requirement_in_force.kind IS 'std_kind of the standard';
COMMENT ON COLUMN @extschema@.requirement_in_force.nature IS 'std_nature of the standard (mandatory, recommended, guidance or NULL)';
COMMENT ON COLUMN @extschema@.requirement_in_force.requirement IS 'the requirement';
COMMENT ON COLUMN @extschema@.requirement_in_force.test_method IS 'test method the standard names';

-- rule 1: numbering -------------------------------------------------------------
CREATE FUNCTION @extschema@.check_standard_number(code @extschema@.stdcode)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  y int;
BEGIN
  IF frontrunner.std_kind(code) = 'enterprise' THEN
    y := frontrunner.std_year(code);
    IF y IS NULL THEN
      RAISE EXCEPTION 'rule 1 (numbering): enterprise standard % has no year', code
        USING ERRCODE = 'FR001',
              DETAIL = format('Standard number: %s. An enterprise standard number is Q/<enterprise code> <number>-<4-digit year>.', code),
              HINT = format('Append the 4-digit year of the edition the product executes: %s-YYYY.', code),
              TABLE = 'disclosure', COLUMN = 'standard';
    END IF;
    IF y > extract(year FROM CURRENT_DATE) THEN
      RAISE EXCEPTION 'rule 1 (numbering): enterprise standard % is dated in the future', code
        USING ERRCODE = 'FR001',
              DETAIL = format('Standard number: %s; year %s is after the current year %s.', code, y, extract(year FROM CURRENT_DATE)),
              HINT = 'Use the number of an edition that has been issued.',
              TABLE = 'disclosure', COLUMN = 'standard';
    END IF;
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.check_standard_number(@extschema@.stdcode) IS
  'rule 1: raises FR001 when an enterprise standard number (Q/…) has no year or a year in the future';

-- rule 3 for one disclosed indicator (also used at publication) -------------------
CREATE FUNCTION @extschema@.check_mandatory_floor(category text, indicator text,
                                                  requirement @extschema@.indicator)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  r record;
  verdict text;
BEGIN
  PERFORM FROM frontrunner.indicator_def d WHERE d.category = $1 AND d.key = $2;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'indicator "%" is not defined for category "%"', $2, $1
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (category, indicator)=(%s, %s) is not present in table indicator_def.', $1, $2),
            HINT = 'Disclose an indicator of the category, or add it to indicator_def first.',
            TABLE = 'disclosed_indicator', COLUMN = 'indicator';
  END IF;
  FOR r IN
    SELECT f.standard, f.requirement
    FROM frontrunner.requirement_in_force f
    WHERE f.category = $1 AND f.indicator = $2 AND f.nature = 'mandatory'
    ORDER BY f.standard
  LOOP
    verdict := frontrunner.compare($3, r.requirement);
    IF verdict NOT IN ('stricter', 'equal') THEN
      RAISE EXCEPTION 'rule 3 (mandatory floor): indicator "%" is looser than mandatory standard %', $2, r.standard
        USING ERRCODE = 'FR003',
              DETAIL = format('Disclosed requirement: %s; %s requires: %s (compare: %s).',
                              $3, r.standard, r.requirement, verdict),
              HINT = format('A disclosed requirement must be at least as strict as %s in force: tighten it to %s or stricter.',
                            r.standard, r.requirement),
              TABLE = 'disclosed_indicator', COLUMN = 'requirement';
    END IF;
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.check_mandatory_floor(text, text, @extschema@.indicator) IS
  'rule 3: raises FR003 when a requirement is not at least as strict as every in-force mandatory standard of the category and indicator (23503 when the indicator is not defined)';

-- rules 1-5 on the disclosure row -------------------------------------------------
CREATE FUNCTION @extschema@.disclosure_before_insert() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.status <> 'draft' THEN
    RAISE EXCEPTION 'rule 5 (publication): a disclosure is created as a draft'
      USING ERRCODE = 'FR005',
            DETAIL = format('Status given: %s.', NEW.status),
            HINT = 'Insert it with status draft, add its indicators, then publish it with UPDATE … SET status = ''published'' (or publish_disclosure(id)).',
            TABLE = 'disclosure', COLUMN = 'status';
  END IF;
  -- clock columns belong to the database
  NEW.published_at := NULL;
  NEW.withdrawn_at := NULL;
  IF frontrunner.std_kind(NEW.standard) = 'enterprise' THEN
    PERFORM frontrunner.check_standard_number(NEW.standard);
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_before_insert() IS
  'trigger: a disclosure starts as a draft; clock columns cleared; rule 1 checked';

CREATE FUNCTION @extschema@.disclosure_publication_check(ids bigint[])
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  r record;
  bad bigint;
  first_bad bigint;
BEGIN
  -- Screen, set-based: the first disclosure breaking any rule.  Hash joins
  -- over the disclosures' indicators, the small set of floors in force
  -- computed once.  Only that disclosure is then examined rule by rule,
  -- below, to say which rule and why.
  SELECT min(d.id) INTO first_bad
  FROM frontrunner.disclosure d
  WHERE d.id = ANY (ids)
    AND ((frontrunner.std_kind(d.standard) = 'enterprise'
          AND (frontrunner.std_year(d.standard) IS NULL
               OR frontrunner.std_year(d.standard) > extract(year FROM CURRENT_DATE)))
         OR EXISTS (SELECT FROM frontrunner.standard s
                    WHERE s.code OPERATOR(frontrunner.=) d.standard AND s.withdrawn_on <= CURRENT_DATE));

  WITH pub AS MATERIALIZED (
    SELECT d.id, d.category, frontrunner.std_kind(d.standard) = 'enterprise' AS own,
           coalesce(btrim(d.below_recommended_statement), '') = '' AS no_statement
    FROM frontrunner.disclosure d WHERE d.id = ANY (ids)),
  ind AS MATERIALIZED (
    SELECT p.id, p.category, p.own, p.no_statement, i.indicator, i.requirement, i.test_method
    FROM pub p JOIN frontrunner.disclosed_indicator i ON i.disclosure = p.id),
  floors AS MATERIALIZED (
    SELECT f.category, f.indicator, f.nature, f.requirement
    FROM frontrunner.requirement_in_force f
    WHERE f.nature = 'mandatory' OR (f.nature = 'recommended' AND f.kind IN ('national', 'industry'))),
  defs AS MATERIALIZED (
    SELECT x.category, x.key, x.required
    FROM frontrunner.indicator_def x WHERE x.category IN (SELECT DISTINCT p.category FROM pub p))
  SELECT min(b.id) INTO bad
  FROM (
    SELECT n.id FROM ind n LEFT JOIN defs x ON x.category = n.category AND x.key = n.indicator
    WHERE x.key IS NULL
    UNION ALL
    SELECT p.id FROM pub p JOIN defs x ON x.category = p.category AND x.required
    LEFT JOIN ind n ON n.id = p.id AND n.indicator = x.key
    WHERE p.own AND (n.indicator IS NULL OR n.test_method IS NULL)
    UNION ALL
    SELECT n.id FROM ind n JOIN floors f ON f.category = n.category AND f.indicator = n.indicator
    WHERE (f.nature = 'mandatory' OR n.no_statement)
      AND frontrunner.compare(n.requirement, f.requirement) NOT IN ('stricter', 'equal')
  ) b;
  IF bad IS NOT NULL AND (first_bad IS NULL OR bad < first_bad) THEN
    first_bad := bad;
  END IF;
  IF first_bad IS NULL THEN
    RETURN;
  END IF;
  ids := ARRAY[first_bad];

  -- rule 1: enterprise standard numbers (year present, not in the future)
  SELECT d.standard INTO r
  FROM frontrunner.disclosure d
  WHERE d.id = ANY (ids) AND frontrunner.std_kind(d.standard) = 'enterprise'
    AND (frontrunner.std_year(d.standard) IS NULL
         OR frontrunner.std_year(d.standard) > extract(year FROM CURRENT_DATE))
  ORDER BY d.id LIMIT 1;
  IF FOUND THEN
    PERFORM frontrunner.check_standard_number(r.standard);
  END IF;

  -- rule 1: the executed standard, when known, is not withdrawn
  SELECT d.id, d.standard, s.withdrawn_on INTO r
  FROM frontrunner.disclosure d
  JOIN frontrunner.standard s ON s.code OPERATOR(frontrunner.=) d.standard
  WHERE d.id = ANY (ids) AND s.withdrawn_on <= CURRENT_DATE
  ORDER BY d.id LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'rule 1 (numbering): standard % was withdrawn on %', r.standard, r.withdrawn_on
      USING ERRCODE = 'FR001',
            DETAIL = format('Disclosure %s executes %s, withdrawn on %s.', r.id, r.standard, r.withdrawn_on),
            HINT = 'Execute the edition in force (see table standard) and disclose its number.',
            TABLE = 'disclosure', COLUMN = 'standard';
  END IF;

  -- every disclosed indicator defined for the category (the category may
  -- have been changed after the indicators were written)
  SELECT d.category, i.indicator INTO r
  FROM frontrunner.disclosure d
  JOIN frontrunner.disclosed_indicator i ON i.disclosure = d.id
  WHERE d.id = ANY (ids)
    AND NOT EXISTS (SELECT FROM frontrunner.indicator_def x
                    WHERE x.category = d.category AND x.key = i.indicator)
  ORDER BY d.id, i.indicator LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'indicator "%" is not defined for category "%"', r.indicator, r.category
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (category, indicator)=(%s, %s) is not present in table indicator_def.', r.category, r.indicator),
            HINT = 'Remove the indicator from the disclosure or define it for the category.',
            TABLE = 'disclosed_indicator', COLUMN = 'indicator';
  END IF;

  -- rule 2: completeness, for an own enterprise standard
  SELECT d.id, d.category, d.standard,
         string_agg(x.key, ', ' ORDER BY x.key) FILTER (WHERE i.indicator IS NULL) AS missing,
         string_agg(x.key, ', ' ORDER BY x.key) FILTER (WHERE i.indicator IS NOT NULL AND i.test_method IS NULL) AS no_method
  INTO r
  FROM frontrunner.disclosure d
  JOIN frontrunner.indicator_def x ON x.category = d.category AND x.required
  LEFT JOIN frontrunner.disclosed_indicator i ON i.disclosure = d.id AND i.indicator = x.key
  WHERE d.id = ANY (ids) AND frontrunner.std_kind(d.standard) = 'enterprise'
  GROUP BY d.id, d.category, d.standard
  HAVING count(*) FILTER (WHERE i.indicator IS NULL OR i.test_method IS NULL) > 0
  ORDER BY d.id LIMIT 1;
  IF FOUND AND r.missing IS NOT NULL THEN
    RAISE EXCEPTION 'rule 2 (completeness): disclosure % does not disclose every required indicator of category "%"', r.id, r.category
      USING ERRCODE = 'FR002',
            DETAIL = format('Executed standard: %s (an enterprise standard). Missing required indicators: %s.', r.standard, r.missing),
            HINT = 'Add the missing indicators (with their test methods) to disclosed_indicator, then publish.',
            TABLE = 'disclosed_indicator', COLUMN = 'indicator';
  ELSIF FOUND THEN
    RAISE EXCEPTION 'rule 2 (completeness): disclosure % gives no test method for required indicators', r.id
      USING ERRCODE = 'FR002',
            DETAIL = format('Executed standard: %s (an enterprise standard). Required indicators without a test method: %s.', r.standard, r.no_method),
            HINT = 'Fill disclosed_indicator.test_method with the standard number of the test method, then publish.',
            TABLE = 'disclosed_indicator', COLUMN = 'test_method';
  END IF;

  -- rule 3 again (standards may have changed since data entry) and rule 4:
  -- the first violation, mandatory ones first
  SELECT d.id, i.indicator, i.requirement AS disclosed, f.standard, f.nature, f.requirement AS required, v.verdict
  INTO r
  FROM frontrunner.disclosure d
  JOIN frontrunner.disclosed_indicator i ON i.disclosure = d.id
  JOIN frontrunner.requirement_in_force f
    ON f.category = d.category AND f.indicator = i.indicator
  CROSS JOIN LATERAL (SELECT frontrunner.compare(i.requirement, f.requirement) AS verdict) v
  WHERE d.id = ANY (ids)
    AND (f.nature = 'mandatory'
         OR (f.nature = 'recommended' AND f.kind IN ('national', 'industry')
             AND coalesce(btrim(d.below_recommended_statement), '') = ''))
    AND v.verdict NOT IN ('stricter', 'equal')
  ORDER BY f.nature, d.id, i.indicator, f.standard
  LIMIT 1;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF r.nature = 'mandatory' THEN
    RAISE EXCEPTION 'rule 3 (mandatory floor): indicator "%" is looser than mandatory standard %', r.indicator, r.standard
      USING ERRCODE = 'FR003',
            DETAIL = format('Disclosure %s. Disclosed requirement: %s; %s requires: %s (compare: %s).',
                            r.id, r.disclosed, r.standard, r.required, r.verdict),
            HINT = format('A disclosed requirement must be at least as strict as %s in force: tighten it to %s or stricter.',
                          r.standard, r.required),
            TABLE = 'disclosed_indicator', COLUMN = 'requirement';
  END IF;
  RAISE EXCEPTION 'rule 4 (recommended floor): indicator "%" is looser than recommended standard % and no statement is given', r.indicator, r.standard
    USING ERRCODE = 'FR004',
          DETAIL = format('Disclosure %s. Disclosed requirement: %s; %s recommends: %s (compare: %s).',
                          r.id, r.disclosed, r.standard, r.required, r.verdict),
          HINT = format('Tighten it to %s, or state explicitly in below_recommended_statement that the product is below %s.',
                        r.required, r.standard),
          TABLE = 'disclosure', COLUMN = 'below_recommended_statement';
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_publication_check(bigint[]) IS
  'the checks made when disclosures are published (rules 1-4 over each disclosure as a whole); raises FR001-FR004 or 23503 for the first problem; call it on drafts to see what would block their publication';

CREATE FUNCTION @extschema@.disclosure_before_update() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  prev record;
BEGIN
  IF NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'rule 5 (publication): the id of a disclosure cannot change'
      USING ERRCODE = 'FR005',
            DETAIL = format('Old id: %s; new id: %s.', OLD.id, NEW.id),
            HINT = 'Ids are assigned by the database.',
            TABLE = 'disclosure', COLUMN = 'id';
  END IF;

  IF OLD.status = 'draft' THEN
    IF NEW.status IN ('withdrawn', 'superseded') THEN
      RAISE EXCEPTION 'rule 5 (publication): draft % cannot become %', OLD.id, NEW.status
        USING ERRCODE = 'FR005',
              DETAIL = format('Disclosure %s is a draft; only published disclosures are withdrawn or superseded.', OLD.id),
              HINT = 'Delete the draft instead, or publish it first.',
              TABLE = 'disclosure', COLUMN = 'status';
    END IF;
    NEW.withdrawn_at := NULL;
    IF NOT (NEW.standard OPERATOR(frontrunner.=) OLD.standard) THEN
      PERFORM frontrunner.check_standard_number(NEW.standard);
    END IF;
    IF NEW.status = 'draft' THEN
      NEW.published_at := NULL;
      RETURN NEW;
    END IF;

    -- publication: the new version and what it supersedes
    IF NEW.supersedes IS NOT NULL THEN
      -- the lock serialises two versions superseding the same disclosure
      SELECT d.status, d.enterprise, d.category INTO prev
      FROM frontrunner.disclosure d WHERE d.id = NEW.supersedes
      FOR UPDATE;
      IF prev.status IS DISTINCT FROM 'published' THEN
        RAISE EXCEPTION 'rule 5 (publication): disclosure % cannot be superseded: it is %', NEW.supersedes, coalesce(prev.status, 'missing')
          USING ERRCODE = 'FR005',
                DETAIL = format('Disclosure %s supersedes %s, whose status is %s.', NEW.id, NEW.supersedes, coalesce(prev.status, 'missing')),
                HINT = 'Only the current published version can be superseded; supersede the latest version (see disclosure_history()).',
                TABLE = 'disclosure', COLUMN = 'supersedes';
      END IF;
      IF prev.enterprise OPERATOR(frontrunner.<>) NEW.enterprise OR prev.category <> NEW.category THEN
        RAISE EXCEPTION 'rule 5 (publication): disclosure % belongs to another enterprise or category', NEW.supersedes
          USING ERRCODE = 'FR005',
                DETAIL = format('Disclosure %s is by %s in category %s; the new version is by %s in category %s.',
                                NEW.supersedes, prev.enterprise, prev.category, NEW.enterprise, NEW.category),
                HINT = 'A new version supersedes a disclosure of the same enterprise and category.',
                TABLE = 'disclosure', COLUMN = 'supersedes';
      END IF;
    END IF;
    -- rules 1-4 over the whole disclosure: disclosure_after_statement()
    NEW.published_at := now();
    RETURN NEW;
  END IF;

  IF OLD.status = 'published' AND NEW.status = 'withdrawn' THEN
    IF (pg_catalog.to_jsonb(NEW) - '{status,withdrawn_at,withdraw_reason}'::text[])
       <> (pg_catalog.to_jsonb(OLD) - '{status,withdrawn_at,withdraw_reason}'::text[]) THEN
      RAISE EXCEPTION 'rule 5 (publication): published disclosure % is immutable', OLD.id
        USING ERRCODE = 'FR005',
              DETAIL = 'Withdrawal changes status, withdrawn_at and withdraw_reason only.',
              HINT = 'Withdraw with UPDATE … SET status = ''withdrawn'', withdraw_reason = ''…'' and publish a new version for other changes.',
              TABLE = 'disclosure';
    END IF;
    IF coalesce(btrim(NEW.withdraw_reason), '') = '' THEN
      RAISE EXCEPTION 'rule 5 (publication): withdrawing disclosure % needs a reason', OLD.id
        USING ERRCODE = 'FR005',
              DETAIL = format('Disclosure %s: withdraw_reason is empty.', OLD.id),
              HINT = 'Set withdraw_reason in the same UPDATE (or call withdraw_disclosure(id, reason)).',
              TABLE = 'disclosure', COLUMN = 'withdraw_reason';
    END IF;
    NEW.withdrawn_at := now();
    RETURN NEW;
  END IF;

  IF OLD.status = 'published' AND NEW.status = 'superseded'
     AND (pg_catalog.to_jsonb(NEW) - 'status') = (pg_catalog.to_jsonb(OLD) - 'status')
     AND EXISTS (SELECT FROM frontrunner.disclosure s
                 WHERE s.supersedes = OLD.id AND s.status = 'published') THEN
    RETURN NEW;
  END IF;

  IF OLD.status = 'published' AND NEW.status = 'superseded' THEN
    RAISE EXCEPTION 'rule 5 (publication): disclosure % is superseded only by publishing its new version', OLD.id
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s has no published version with supersedes = %s.', OLD.id, OLD.id),
            HINT = 'Insert the new version with supersedes set and publish it: the old one becomes superseded in the same transaction.',
            TABLE = 'disclosure', COLUMN = 'status';
  END IF;
  RAISE EXCEPTION 'rule 5 (publication): % disclosure % is immutable', OLD.status, OLD.id
    USING ERRCODE = 'FR005',
          DETAIL = format('Disclosure %s has status %s; published disclosures are never changed.', OLD.id, OLD.status),
          HINT = CASE OLD.status WHEN 'published'
                   THEN 'Publish a new version with supersedes = ' || OLD.id || ', or withdraw it with a reason.'
                   ELSE 'A withdrawn or superseded disclosure is final.' END,
          TABLE = 'disclosure';
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_before_update() IS
  'trigger: the disclosure workflow (rule 5) — drafts editable; publication checks rules 1-4, locks and supersedes the previous version, stamps published_at; withdrawal stamps withdrawn_at; anything else on a published row is refused';

CREATE FUNCTION @extschema@.disclosure_before_delete() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF OLD.status <> 'draft' THEN
    RAISE EXCEPTION 'rule 5 (publication): % disclosure % cannot be deleted', OLD.status, OLD.id
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s has status %s; only drafts are deleted.', OLD.id, OLD.status),
            HINT = 'Withdraw it with a reason (withdraw_disclosure(id, reason)) or publish a new version.',
            TABLE = 'disclosure';
  END IF;
  RETURN OLD;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_before_delete() IS
  'trigger: only drafts can be deleted (rule 5)';

CREATE FUNCTION @extschema@.disclosure_after_statement() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  twin record;
  prev_ids bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO frontrunner.disclosure_event (disclosure, action, old_status, new_status)
    SELECT n.id, 'create', NULL, n.status FROM new_rows n ORDER BY n.id;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO frontrunner.disclosure_event (disclosure, action, old_status, new_status)
    SELECT o.id, 'delete', o.status, NULL FROM old_rows o ORDER BY o.id;
    RETURN NULL;
  END IF;

  -- publication: rules 1-4 over every disclosure this statement published
  SELECT pg_catalog.array_agg(n.id) INTO prev_ids FROM new_rows n WHERE n.status = 'published';
  IF prev_ids IS NOT NULL THEN
    PERFORM frontrunner.disclosure_publication_check(prev_ids);
  END IF;

  -- UPDATE: disclosure_before_update lets a row change only draft → draft,
  -- draft → published, published → withdrawn and published → superseded,
  -- so every new row that is not a draft is a state change and its old
  -- status follows from the new one (no join of the transition tables)
  INSERT INTO frontrunner.disclosure_event (disclosure, action, old_status, new_status, note)
  SELECT n.id,
         CASE n.status WHEN 'published' THEN 'publish' WHEN 'withdrawn' THEN 'withdraw' ELSE 'supersede' END,
         CASE n.status WHEN 'published' THEN 'draft' ELSE 'published' END, n.status,
         CASE n.status
           WHEN 'withdrawn' THEN n.withdraw_reason
           WHEN 'published' THEN 'supersedes ' || n.supersedes
           WHEN 'superseded' THEN (SELECT 'superseded by ' || pg_catalog.string_agg(s.id::text, ', ')
                                   FROM frontrunner.disclosure s
                                   WHERE s.supersedes = n.id AND s.status = 'published')
         END
  FROM new_rows n
  WHERE n.status <> 'draft'
  ORDER BY n.id;

  -- new versions: the one they supersede becomes superseded, exactly once
  SELECT n.supersedes, pg_catalog.string_agg(n.id::text, ', ' ORDER BY n.id) AS ids INTO twin
  FROM new_rows n
  WHERE n.status = 'published' AND n.supersedes IS NOT NULL
  GROUP BY n.supersedes
  HAVING count(*) > 1
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'rule 5 (publication): disclosure % would be superseded by several versions', twin.supersedes
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosures %s, published together, all supersede %s.', twin.ids, twin.supersedes),
            HINT = 'Publish one new version; delete or re-point the other drafts.',
            TABLE = 'disclosure', COLUMN = 'supersedes';
  END IF;
  SELECT pg_catalog.array_agg(n.supersedes) INTO prev_ids
  FROM new_rows n
  WHERE n.status = 'published' AND n.supersedes IS NOT NULL;
  IF prev_ids IS NOT NULL THEN
    UPDATE frontrunner.disclosure SET status = 'superseded' WHERE id = ANY (prev_ids);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_after_statement() IS
  'statement trigger: records every state change in disclosure_event (from the transition tables); publishing a new version marks the one it supersedes as superseded, in the same transaction';

CREATE FUNCTION @extschema@.refuse_truncate() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- trigger arguments, when given: SQLSTATE, rule, what the table holds, hint
  IF TG_NARGS = 4 THEN
    RAISE EXCEPTION '%: TRUNCATE of % is not allowed', TG_ARGV[1], TG_TABLE_NAME
      USING ERRCODE = TG_ARGV[0],
            DETAIL = format('Table %s.%s holds %s.', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_ARGV[2]),
            HINT = TG_ARGV[3],
            TABLE = TG_TABLE_NAME;
  END IF;
  RAISE EXCEPTION 'rule 5 (publication): TRUNCATE of % is not allowed', TG_TABLE_NAME
    USING ERRCODE = 'FR005',
          DETAIL = format('Table %s.%s holds published disclosures, their indicators or their history.', TG_TABLE_SCHEMA, TG_TABLE_NAME),
          HINT = 'Delete drafts with DELETE; published disclosures are withdrawn, never removed.',
          TABLE = TG_TABLE_NAME;
END
$$;
COMMENT ON FUNCTION @extschema@.refuse_truncate() IS 'statement trigger: TRUNCATE refused; without arguments as rule 5 on the registry tables (FR005), else with the trigger''s arguments (SQLSTATE, rule, what the table holds, hint)';

CREATE TRIGGER disclosure_10_insert BEFORE INSERT ON @extschema@.disclosure
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosure_before_insert();
CREATE TRIGGER disclosure_10_update BEFORE UPDATE ON @extschema@.disclosure
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosure_before_update();
CREATE TRIGGER disclosure_10_delete BEFORE DELETE ON @extschema@.disclosure
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosure_before_delete();
CREATE TRIGGER disclosure_20_insert AFTER INSERT ON @extschema@.disclosure
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.disclosure_after_statement();
CREATE TRIGGER disclosure_20_update AFTER UPDATE ON @extschema@.disclosure
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.disclosure_after_statement();
CREATE TRIGGER disclosure_20_delete AFTER DELETE ON @extschema@.disclosure
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.disclosure_after_statement();
CREATE TRIGGER disclosure_30_truncate BEFORE TRUNCATE ON @extschema@.disclosure
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

-- disclosed indicators --------------------------------------------------------------
CREATE FUNCTION @extschema@.disclosed_indicator_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  parent record;
BEGIN
  -- the old parent (UPDATE moving a row, DELETE) must be a draft; a parent
  -- already gone is a cascade from deleting a draft
  IF TG_OP <> 'INSERT' THEN
    SELECT d.status, d.published_at INTO parent
    FROM frontrunner.disclosure d WHERE d.id = OLD.disclosure
    FOR SHARE;
    IF FOUND AND parent.status <> 'draft' THEN
      RAISE EXCEPTION 'rule 5 (publication): indicators of % disclosure % are immutable', parent.status, OLD.disclosure
        USING ERRCODE = 'FR005',
              DETAIL = format('Disclosure %s has status %s; indicator %s = %s.', OLD.disclosure, parent.status, OLD.indicator, OLD.requirement),
              HINT = 'Publish a new version of the disclosure with the changed indicators.',
              TABLE = 'disclosed_indicator';
    END IF;
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
  END IF;

  -- the new parent: a draft, locked against a concurrent publication; in
  -- the same query, whether the indicator is defined and the first
  -- in-force mandatory requirement it is looser than (rule 3)
  SELECT d.status, d.category, d.published_at,
         EXISTS (SELECT FROM frontrunner.indicator_def x
                 WHERE x.category = d.category AND x.key = NEW.indicator) AS defined,
         (SELECT ROW(f.standard, f.requirement, v.verdict)
          FROM frontrunner.requirement_in_force f
          CROSS JOIN LATERAL (SELECT frontrunner.compare(NEW.requirement, f.requirement) AS verdict) v
          WHERE f.category = d.category AND f.indicator = NEW.indicator AND f.nature = 'mandatory'
            AND v.verdict NOT IN ('stricter', 'equal')
          ORDER BY f.standard
          LIMIT 1) AS violation
  INTO parent
  FROM frontrunner.disclosure d WHERE d.id = NEW.disclosure
  FOR SHARE OF d;
  IF NOT FOUND THEN
    RETURN NEW;                 -- the foreign key reports it
  END IF;
  IF parent.status <> 'draft' THEN
    RAISE EXCEPTION 'rule 5 (publication): indicators of % disclosure % are immutable', parent.status, NEW.disclosure
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s has status %s; indicator %s = %s.', NEW.disclosure, parent.status, NEW.indicator, NEW.requirement),
            HINT = 'Publish a new version of the disclosure with the changed indicators.',
            TABLE = 'disclosed_indicator';
  END IF;
  IF NOT parent.defined THEN
    RAISE EXCEPTION 'indicator "%" is not defined for category "%"', NEW.indicator, parent.category
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (category, indicator)=(%s, %s) is not present in table indicator_def.', parent.category, NEW.indicator),
            HINT = 'Disclose an indicator of the category, or add it to indicator_def first.',
            TABLE = 'disclosed_indicator', COLUMN = 'indicator';
  END IF;
  IF parent.violation IS NOT NULL THEN
    -- (standard, requirement, verdict)
    PERFORM frontrunner.check_mandatory_floor(parent.category, NEW.indicator, NEW.requirement);
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosed_indicator_guard() IS
  'trigger: indicators are written only into drafts (rule 5), must be defined for the category (23503) and meet the mandatory floor (rule 3) at data entry';

CREATE TRIGGER disclosed_indicator_10_guard BEFORE UPDATE OR DELETE ON @extschema@.disclosed_indicator
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosed_indicator_guard();

-- INSERT, the bulk path, is checked once per statement over all new rows
CREATE FUNCTION @extschema@.disclosed_indicator_insert_check() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  r record;
BEGIN
  -- lock the disclosures (in id order) against a concurrent publication
  PERFORM FROM frontrunner.disclosure d
  WHERE d.id = ANY (ARRAY(SELECT DISTINCT n.disclosure FROM new_rows n))
  ORDER BY d.id
  FOR SHARE OF d;

  -- the first new row that breaks a rule.  The new rows drive the query and
  -- every check is an index lookup per row (the LATERAL subquery is kept
  -- apart with OFFSET 0, the EXISTS tests stay per-row subplans): a plan
  -- that does not depend on statistics of tables being filled right now.
  SELECT n.disclosure, n.indicator, n.requirement, p.status, p.category
  INTO r
  FROM new_rows n
  CROSS JOIN LATERAL (SELECT d.status, d.category
                      FROM frontrunner.disclosure d WHERE d.id = n.disclosure
                      OFFSET 0) p
  WHERE p.status <> 'draft'
     OR NOT EXISTS (SELECT FROM frontrunner.indicator_def x
                    WHERE x.category = p.category AND x.key = n.indicator)
     OR EXISTS (SELECT FROM frontrunner.requirement_in_force f
                WHERE f.category = p.category AND f.indicator = n.indicator AND f.nature = 'mandatory'
                  AND frontrunner.compare(n.requirement, f.requirement) NOT IN ('stricter', 'equal'))
  ORDER BY n.disclosure, n.indicator
  LIMIT 1;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;

  IF r.status <> 'draft' THEN
    RAISE EXCEPTION 'rule 5 (publication): indicators of % disclosure % are immutable', r.status, r.disclosure
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s has status %s; indicator %s = %s.', r.disclosure, r.status, r.indicator, r.requirement),
            HINT = 'Publish a new version of the disclosure with the changed indicators.',
            TABLE = 'disclosed_indicator';
  END IF;
  -- 23503 (indicator not defined) or FR003 (rule 3 at data entry)
  PERFORM frontrunner.check_mandatory_floor(r.category, r.indicator, r.requirement);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosed_indicator_insert_check() IS
  'statement trigger: inserted indicators go only into drafts (rule 5, the drafts are locked against a concurrent publication), are defined for the category (23503) and meet the mandatory floor at data entry (rule 3)';
CREATE TRIGGER disclosed_indicator_20_insert AFTER INSERT ON @extschema@.disclosed_indicator
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.disclosed_indicator_insert_check();
CREATE TRIGGER disclosed_indicator_30_truncate BEFORE TRUNCATE ON @extschema@.disclosed_indicator
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

-- history is append-only ------------------------------------------------------------
CREATE FUNCTION @extschema@.disclosure_event_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'rule 5 (publication): the disclosure history is append-only'
    USING ERRCODE = 'FR005',
          DETAIL = format('%s of history entry %s (disclosure %s, %s) refused.', TG_OP, OLD.id, OLD.disclosure, OLD.action),
          HINT = 'History entries are written by the disclosure triggers and never changed.',
          TABLE = 'disclosure_event';
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_event_guard() IS 'trigger: UPDATE and DELETE of disclosure history refused (rule 5)';
CREATE TRIGGER disclosure_event_10_guard BEFORE UPDATE OR DELETE ON @extschema@.disclosure_event
  FOR EACH ROW EXECUTE FUNCTION @extschema@.disclosure_event_guard();
CREATE TRIGGER disclosure_event_30_truncate BEFORE TRUNCATE ON @extschema@.disclosure_event
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

CREATE FUNCTION @extschema@.disclosure_history(id bigint)
RETURNS TABLE (event bigint, at timestamptz, action text, old_status text, new_status text,
               by_user name, by_session name, note text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT e.id, e.at, e.action, e.old_status, e.new_status, e.by_user, e.by_session, e.note
  FROM frontrunner.disclosure_event e
  WHERE e.disclosure = $1
  ORDER BY e.id
$$;
COMMENT ON FUNCTION @extschema@.disclosure_history(bigint) IS
  'the state changes of a disclosure, oldest first: when, what (create, publish, withdraw, supersede, delete), old and new status, who (current_user, session_user)';

-- convenience -----------------------------------------------------------------------
CREATE FUNCTION @extschema@.publish_disclosure(id bigint) RETURNS timestamptz
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  at timestamptz;
BEGIN
  UPDATE frontrunner.disclosure d SET status = 'published' WHERE d.id = $1 AND d.status = 'draft'
  RETURNING d.published_at INTO at;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'rule 5 (publication): no draft disclosure %', $1
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s: %s.', $1, coalesce((SELECT 'status ' || d.status FROM frontrunner.disclosure d WHERE d.id = $1), 'no such disclosure')),
            HINT = 'Only a draft is published.',
            TABLE = 'disclosure';
  END IF;
  RETURN at;
END
$$;
COMMENT ON FUNCTION @extschema@.publish_disclosure(bigint) IS
  'publishes a draft (UPDATE status = ''published'', with every check of rules 1-5) and returns its published_at';

CREATE FUNCTION @extschema@.withdraw_disclosure(id bigint, reason text) RETURNS timestamptz
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  at timestamptz;
BEGIN
  UPDATE frontrunner.disclosure d SET status = 'withdrawn', withdraw_reason = $2
  WHERE d.id = $1 AND d.status = 'published'
  RETURNING d.withdrawn_at INTO at;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'rule 5 (publication): no published disclosure %', $1
      USING ERRCODE = 'FR005',
            DETAIL = format('Disclosure %s: %s.', $1, coalesce((SELECT 'status ' || d.status FROM frontrunner.disclosure d WHERE d.id = $1), 'no such disclosure')),
            HINT = 'Only the current published version is withdrawn.',
            TABLE = 'disclosure';
  END IF;
  RETURN at;
END
$$;
COMMENT ON FUNCTION @extschema@.withdraw_disclosure(bigint, text) IS
  'withdraws a published disclosure with a reason (required) and returns its withdrawn_at';

-- rule 6: spot checks -----------------------------------------------------------------
CREATE FUNCTION @extschema@.spot_check_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  d record;
  verdict text;
BEGIN
  SELECT x.status, i.requirement INTO d
  FROM frontrunner.disclosure x
  LEFT JOIN frontrunner.disclosed_indicator i ON i.disclosure = x.id AND i.indicator = NEW.indicator
  WHERE x.id = NEW.disclosure;
  IF NOT FOUND OR d.status = 'draft' THEN
    RAISE EXCEPTION 'rule 6 (spot check): disclosure % is not published', NEW.disclosure
      USING ERRCODE = 'FR006',
            DETAIL = format('Disclosure %s: %s.', NEW.disclosure, coalesce('status ' || d.status, 'no such disclosure')),
            HINT = 'Spot checks are recorded against published (or since withdrawn or superseded) disclosures.',
            TABLE = 'spot_check', COLUMN = 'disclosure';
  END IF;
  IF d.requirement IS NULL THEN
    RAISE EXCEPTION 'rule 6 (spot check): disclosure % does not disclose indicator "%"', NEW.disclosure, NEW.indicator
      USING ERRCODE = 'FR006',
            DETAIL = format('Disclosed indicators of %s: %s.', NEW.disclosure,
                            coalesce((SELECT string_agg(i.indicator, ', ' ORDER BY i.indicator)
                                      FROM frontrunner.disclosed_indicator i WHERE i.disclosure = NEW.disclosure), 'none')),
            HINT = 'A spot check measures a disclosed indicator.',
            TABLE = 'spot_check', COLUMN = 'indicator';
  END IF;
  IF NEW.sampled_on > CURRENT_DATE THEN
    RAISE EXCEPTION 'rule 6 (spot check): sampling date % is in the future', NEW.sampled_on
      USING ERRCODE = 'FR006',
            DETAIL = format('sampled_on %s; today is %s.', NEW.sampled_on, CURRENT_DATE),
            HINT = 'Record a spot check once the sample has been taken.',
            TABLE = 'spot_check', COLUMN = 'sampled_on';
  END IF;
  verdict := frontrunner.compare(NEW.measured, d.requirement);
  IF verdict = 'incomparable' THEN
    RAISE EXCEPTION 'rule 6 (spot check): measured value % cannot be compared with the disclosed requirement %', NEW.measured, d.requirement
      USING ERRCODE = 'FR006',
            DETAIL = format('Measured: %s; disclosed requirement of %s: %s (different dimensions).', NEW.measured, NEW.indicator, d.requirement),
            HINT = 'Record the measured value in a unit of the same quantity as the requirement.',
            TABLE = 'spot_check', COLUMN = 'measured';
  END IF;
  NEW.conforms := frontrunner.satisfies(NEW.measured, d.requirement, NEW.method);
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.spot_check_before_write() IS
  'trigger: rule 6 — a spot check measures a disclosed indicator of a published disclosure, not in the future; conforms = satisfies(measured, disclosed requirement, method), client values ignored';
CREATE TRIGGER spot_check_10_conforms BEFORE INSERT OR UPDATE ON @extschema@.spot_check
  FOR EACH ROW EXECUTE FUNCTION @extschema@.spot_check_before_write();
CREATE TRIGGER spot_check_30_truncate BEFORE TRUNCATE ON @extschema@.spot_check
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate();

CREATE VIEW @extschema@.spot_check_failure AS
SELECT d.enterprise::text AS enterprise, c.disclosure, c.indicator, c.sampled_on,
       c.measured::text AS measured, i.requirement::text AS requirement, c.method, c.id AS spot_check
FROM @extschema@.spot_check c
JOIN @extschema@.disclosure d ON d.id = c.disclosure
JOIN @extschema@.disclosed_indicator i ON i.disclosure = c.disclosure AND i.indicator = c.indicator
WHERE NOT c.conforms;
COMMENT ON VIEW @extschema@.spot_check_failure IS 'failing spot checks with the enterprise and the disclosed requirement (plain column types)';
COMMENT ON COLUMN @extschema@.spot_check_failure.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.spot_check_failure.disclosure IS 'the disclosure checked';
COMMENT ON COLUMN @extschema@.spot_check_failure.indicator IS 'the indicator measured';
COMMENT ON COLUMN @extschema@.spot_check_failure.sampled_on IS 'sampling date';
COMMENT ON COLUMN @extschema@.spot_check_failure.measured IS 'measured value';
COMMENT ON COLUMN @extschema@.spot_check_failure.requirement IS 'disclosed requirement it failed';
COMMENT ON COLUMN @extschema@.spot_check_failure.method IS 'GB/T 8170 judging method';
COMMENT ON COLUMN @extschema@.spot_check_failure.spot_check IS 'id of the spot check';

CREATE FUNCTION @extschema@.excluded(enterprise @extschema@.uscc, deadline timestamptz,
                                     exclusion_days int DEFAULT 365)
RETURNS boolean
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF exclusion_days < 0 THEN
    RAISE EXCEPTION 'exclusion_days must not be negative'
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('exclusion_days = %s.', exclusion_days),
            HINT = 'Give the number of days after a failing spot check during which the enterprise is excluded (365 by default).';
  END IF;
  RETURN EXISTS (
    SELECT FROM frontrunner.disclosure d
    JOIN frontrunner.spot_check c ON c.disclosure = d.id
    WHERE d.enterprise OPERATOR(frontrunner.=) $1
      AND NOT c.conforms
      AND $2 >= c.sampled_on::timestamptz
      AND $2 < (c.sampled_on + $3)::timestamptz);
END
$$;
COMMENT ON FUNCTION @extschema@.excluded(@extschema@.uscc, timestamptz, int) IS
  'rule 6: true when the enterprise has a failing spot check sampled on day S with S <= deadline < S + exclusion_days (days counted in the session time zone)';
-- Enterprise search and bulk import of disclosures (doc/registry.md).

-- search ------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.enterprise_search(q text)
RETURNS TABLE (uscc @extschema@.uscc, name text, region text, matched text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  code frontrunner.uscc;
  term text := btrim(q);
  pat text;
  py text;
BEGIN
  IF term = '' THEN
    RETURN;
  END IF;
  -- an exact unified social credit code
  IF upper(regexp_replace(term, '[\s-]', '', 'g')) ~ '^[0-9A-Z]{18}$' THEN
    BEGIN
      code := term::frontrunner.uscc;
    EXCEPTION WHEN invalid_text_representation THEN
      code := NULL;
    END;
  END IF;
  pat := replace(replace(replace(term, '\', '\\'), '%', '\%'), '_', '\_');
  py := frontrunner.pinyin_compact(term);
  RETURN QUERY
  SELECT e.uscc, e.name, e.region, m.matched
  FROM frontrunner.enterprise e
  CROSS JOIN LATERAL (
    SELECT CASE
      WHEN e.uscc OPERATOR(frontrunner.=) code THEN 'uscc'
      WHEN e.name LIKE pat || '%' THEN 'name prefix'
      WHEN py <> '' AND e.name_pinyin LIKE py || '%' THEN 'pinyin prefix'
      WHEN e.name LIKE '%' || pat || '%' THEN 'name'
      ELSE 'pinyin'
    END AS matched,
    CASE
      WHEN e.uscc OPERATOR(frontrunner.=) code THEN 0
      WHEN e.name LIKE pat || '%' THEN 1
      WHEN py <> '' AND e.name_pinyin LIKE py || '%' THEN 2
      WHEN e.name LIKE '%' || pat || '%' THEN 3
      ELSE 4
    END AS rank
  ) m
  WHERE e.uscc OPERATOR(frontrunner.=) code
     OR e.name LIKE pat || '%'
     OR (py <> '' AND e.name_pinyin LIKE py || '%')
     OR e.name LIKE '%' || pat || '%'
     OR (length(py) >= 2 AND e.name_pinyin LIKE '%' || py || '%')
  ORDER BY m.rank, e.name, e.uscc;
END
$$;
COMMENT ON FUNCTION @extschema@.enterprise_search(text) IS
  'enterprises matching a USCC exactly, a name or pinyin prefix (index-backed: text_pattern_ops on name and name_pinyin), or a name or pinyin substring; best matches first (matched says how)';

-- import -----------------------------------------------------------------------------
CREATE TABLE @extschema@.disclosure_import (
  line            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_ref      text,
  uscc            text,
  enterprise_name text,
  category        text,
  product         text,
  standard        text,
  supersedes_ref  text,
  below_recommended_statement text,
  published       text,
  indicator       text,
  requirement     text,
  test_method     text
);
COMMENT ON TABLE @extschema@.disclosure_import IS
  'staging for bulk import of platform exports: one row per disclosed indicator, plain text, loaded with COPY … (FORMAT csv, HEADER); applied by import_disclosures()';
COMMENT ON COLUMN @extschema@.disclosure_import.line IS 'load order (identity), reported with rejects';
COMMENT ON COLUMN @extschema@.disclosure_import.source_ref IS 'platform identifier of the disclosure: rows with the same source_ref form one disclosure';
COMMENT ON COLUMN @extschema@.disclosure_import.uscc IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.disclosure_import.enterprise_name IS 'enterprise name (creates or renames the enterprise)';
COMMENT ON COLUMN @extschema@.disclosure_import.category IS 'category code';
COMMENT ON COLUMN @extschema@.disclosure_import.product IS 'product or service name';
COMMENT ON COLUMN @extschema@.disclosure_import.standard IS 'number of the executed standard';
COMMENT ON COLUMN @extschema@.disclosure_import.supersedes_ref IS 'source_ref of the previous version this one replaces (optional)';
COMMENT ON COLUMN @extschema@.disclosure_import.below_recommended_statement IS 'explicit statement of indicators below a recommended standard (optional)';
COMMENT ON COLUMN @extschema@.disclosure_import.published IS 'publication time on the platform (kept as disclosure.source_published)';
COMMENT ON COLUMN @extschema@.disclosure_import.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.disclosure_import.requirement IS 'disclosed requirement as written (indicator input syntax)';
COMMENT ON COLUMN @extschema@.disclosure_import.test_method IS 'test method standard number (optional)';

CREATE FUNCTION @extschema@.import_disclosures(publish boolean DEFAULT true)
RETURNS TABLE (source_ref text, line bigint, disclosure bigint, outcome text,
               sqlstate text, message text, detail text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  g record;
  r record;
  hdr record;
  row_errors int;
  bad_lines bigint[];
  cur_line bigint;
  new_id bigint;
  prev_id bigint;
  v_uscc frontrunner.uscc;
  v_std frontrunner.stdcode;
  v_req frontrunner.indicator;
  v_tm frontrunner.stdcode;
  e_state text;
  e_msg text;
  e_detail text;
BEGIN
  FOR g IN
    SELECT s.source_ref AS ref, array_agg(s.line ORDER BY s.line) AS lines,
           count(DISTINCT (s.uscc, s.enterprise_name, s.category, s.product, s.standard,
                           s.supersedes_ref, s.below_recommended_statement, s.published)) AS variants
    FROM frontrunner.disclosure_import s
    GROUP BY s.source_ref
    ORDER BY min(s.line)
  LOOP
    source_ref := g.ref;
    disclosure := NULL;

    IF g.ref IS NULL OR btrim(g.ref) = '' THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := '23502';
        message := 'source_ref is required';
        detail := 'Rows of one disclosure share its platform identifier in column source_ref.';
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;
    IF g.variants > 1 THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := '22023';
        message := format('rows of disclosure %s disagree on the disclosure columns', g.ref);
        detail := 'uscc, enterprise_name, category, product, standard, supersedes_ref, below_recommended_statement and published must be equal on every row of one source_ref.';
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;

    -- values: every row checked, every bad one reported
    row_errors := 0;
    bad_lines := '{}';
    SELECT s.* INTO hdr FROM frontrunner.disclosure_import s WHERE s.line = g.lines[1];
    BEGIN
      v_uscc := hdr.uscc::frontrunner.uscc;
      v_std := hdr.standard::frontrunner.stdcode;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
      line := g.lines[1]; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
      RETURN NEXT;
      row_errors := row_errors + 1;
      bad_lines := bad_lines || g.lines[1];
    END;
    FOR r IN SELECT s.* FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines) ORDER BY s.line LOOP
      BEGIN
        v_req := r.requirement::frontrunner.indicator;
        v_tm := r.test_method::frontrunner.stdcode;
      EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
        line := r.line; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
        RETURN NEXT;
        row_errors := row_errors + 1;
        bad_lines := bad_lines || r.line;
      END;
    END LOOP;
    IF row_errors > 0 THEN
      FOREACH cur_line IN ARRAY g.lines LOOP
        CONTINUE WHEN cur_line = ANY (bad_lines);
        line := cur_line; outcome := 'rejected'; import_disclosures.sqlstate := NULL;
        message := format('disclosure %s not imported: %s other row(s) of it are invalid', g.ref, row_errors);
        detail := NULL;
        RETURN NEXT;
      END LOOP;
      CONTINUE;
    END IF;

    -- the disclosure, through the rules, in its own subtransaction
    cur_line := NULL;
    BEGIN
      prev_id := NULL;
      IF hdr.supersedes_ref IS NOT NULL THEN
        SELECT d.id INTO prev_id FROM frontrunner.disclosure d WHERE d.source_ref = hdr.supersedes_ref;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'previous version % is not in the registry', hdr.supersedes_ref
            USING ERRCODE = 'FR005',
                  DETAIL = format('Disclosure %s supersedes %s, which has not been imported.', g.ref, hdr.supersedes_ref),
                  HINT = 'Import the previous version first (or leave supersedes_ref empty).';
        END IF;
      END IF;
      -- a name creates the enterprise or renames it; without one the
      -- enterprise must exist (the foreign key says so otherwise)
      IF nullif(btrim(hdr.enterprise_name), '') IS NOT NULL THEN
        INSERT INTO frontrunner.enterprise AS e (uscc, name)
        VALUES (v_uscc, btrim(hdr.enterprise_name))
        ON CONFLICT ON CONSTRAINT enterprise_pkey DO UPDATE SET name = EXCLUDED.name
          WHERE e.name IS DISTINCT FROM EXCLUDED.name;
      END IF;
      INSERT INTO frontrunner.disclosure (enterprise, category, product, standard, supersedes,
                                          below_recommended_statement, source_ref, source_published)
      VALUES (v_uscc, hdr.category, hdr.product, v_std, prev_id,
              nullif(btrim(hdr.below_recommended_statement), ''), g.ref, hdr.published)
      RETURNING id INTO new_id;
      FOR r IN SELECT s.* FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines) ORDER BY s.line LOOP
        cur_line := r.line;
        INSERT INTO frontrunner.disclosed_indicator (disclosure, indicator, requirement, test_method)
        VALUES (new_id, r.indicator, r.requirement::frontrunner.indicator, r.test_method::frontrunner.stdcode);
      END LOOP;
      cur_line := NULL;
      IF publish THEN
        UPDATE frontrunner.disclosure d SET status = 'published' WHERE d.id = new_id;
      END IF;
      DELETE FROM frontrunner.disclosure_import s WHERE s.line = ANY (g.lines);
      FOREACH cur_line IN ARRAY g.lines LOOP
        line := cur_line; disclosure := new_id; outcome := CASE WHEN publish THEN 'published' ELSE 'draft' END;
        import_disclosures.sqlstate := NULL; message := NULL; detail := NULL;
        RETURN NEXT;
      END LOOP;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_msg = MESSAGE_TEXT, e_detail = PG_EXCEPTION_DETAIL;
      disclosure := NULL; outcome := 'rejected'; import_disclosures.sqlstate := e_state; message := e_msg; detail := nullif(e_detail, '');
      IF cur_line IS NOT NULL THEN
        line := cur_line;
        RETURN NEXT;
      ELSE
        FOREACH cur_line IN ARRAY g.lines LOOP
          line := cur_line;
          RETURN NEXT;
        END LOOP;
      END IF;
    END;
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.import_disclosures(boolean) IS
  'applies the staged rows of disclosure_import, one disclosure (source_ref) at a time in its own subtransaction, through every rule; publishes them unless publish is false; imported rows leave the staging table, rejected rows stay; returns one report row per staged row (outcome published, draft or rejected, with SQLSTATE, message and detail)';
-- Benchmark comparison (对标, api.md §4): every disclosed indicator against
-- the requirements of the standards in force for its category and
-- indicator (mandatory, recommended, guidance, group, international,
-- foreign; never an enterprise standard).  Documentation: doc/benchmark.md.
--
--   P0002  benchmark(), disclosure_json(): no such disclosure;
--          benchmark_profile(): no such enterprise
--   55000  benchmark() of a superseded or withdrawn disclosure;
--          disclosure_json() of a draft (drafts are not public)

-- editions -------------------------------------------------------------------
-- An undated number (GB 18401, ISO 99184) means the latest edition: the
-- latest edition in force in table standard, else the latest present.
CREATE VIEW @extschema@.standard_latest AS
SELECT DISTINCT ON (@extschema@.std_undated(s.code))
       @extschema@.std_undated(s.code) AS series, s.code AS edition,
       (s.effective_on IS NULL OR s.effective_on <= CURRENT_DATE)
         AND (s.withdrawn_on IS NULL OR s.withdrawn_on > CURRENT_DATE) AS in_force
FROM @extschema@.standard s
WHERE @extschema@.std_year(s.code) IS NOT NULL
ORDER BY @extschema@.std_undated(s.code),
         (s.effective_on IS NULL OR s.effective_on <= CURRENT_DATE)
           AND (s.withdrawn_on IS NULL OR s.withdrawn_on > CURRENT_DATE) DESC,
         @extschema@.std_year(s.code) DESC, s.code DESC;
COMMENT ON VIEW @extschema@.standard_latest IS
  'per standard (undated number), the edition an undated reference means: the latest edition in force in table standard, else the latest edition present';
COMMENT ON COLUMN @extschema@.standard_latest.series IS 'the undated number (std_undated)';
COMMENT ON COLUMN @extschema@.standard_latest.edition IS 'its latest edition in force, else its latest edition';
COMMENT ON COLUMN @extschema@.standard_latest.in_force IS 'whether that edition is in force today';

CREATE FUNCTION @extschema@.standard_edition(code @extschema@.stdcode)
RETURNS @extschema@.stdcode
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE
    WHEN frontrunner.std_year($1) IS NOT NULL THEN $1
    ELSE coalesce((SELECT l.edition FROM frontrunner.standard_latest l
                   WHERE l.series OPERATOR(frontrunner.=) frontrunner.std_undated($1)), $1)
  END
$$;
COMMENT ON FUNCTION @extschema@.standard_edition(@extschema@.stdcode) IS
  'the edition an undated standard number means: the latest edition in force in table standard (else the latest present, else the number itself); a dated number is returned as is';

CREATE FUNCTION @extschema@.benchmark_class_rank(class text)
RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE $1
    WHEN 'mandatory' THEN 1 WHEN 'recommended' THEN 2 WHEN 'guidance' THEN 3
    WHEN 'group' THEN 4 WHEN 'international' THEN 5 WHEN 'foreign' THEN 6
    ELSE 7 END
$$;
COMMENT ON FUNCTION @extschema@.benchmark_class_rank(text) IS
  'report order of a benchmark class: mandatory 1, recommended 2, guidance 3, group 4, international 5, foreign 6, anything else 7';

-- the benchmarks in force ------------------------------------------------------
-- A requirement written on an undated number (a row of table standard such
-- as "ISO 3071") stands for the latest edition in force and is reported
-- under that edition, with that edition's dates; when that edition carries
-- its own requirement for the same category and indicator, that one is used.
-- (The edition is found by a join, not by calling standard_edition() per
-- row: the view reads the tables with its owner's rights, a function call
-- would read them with the caller's.  Two branches, so that every join is
-- on plain columns: the planner then estimates the number of benchmarks
-- well, and joins them to the disclosed indicators by hash rather than
-- rescanning those once per benchmark.)
CREATE VIEW @extschema@.benchmark_requirement AS
SELECT r.category, r.indicator, s.code AS standard, s.kind, s.nature,
       coalesce(s.nature, s.kind) AS benchmark_class,
       @extschema@.benchmark_class_rank(coalesce(s.nature, s.kind)) AS class_rank,
       r.requirement, r.test_method, r.standard AS cited, x.direction, x.unit
FROM @extschema@.standard_requirement r
JOIN @extschema@.standard s ON s.code = r.standard
JOIN @extschema@.indicator_def x ON x.category = r.category AND x.key = r.indicator
WHERE s.kind <> 'enterprise'
  AND (s.effective_on IS NULL OR s.effective_on <= CURRENT_DATE)
  AND (s.withdrawn_on IS NULL OR s.withdrawn_on > CURRENT_DATE)
  AND (@extschema@.std_year(r.standard) IS NOT NULL
       OR NOT EXISTS (SELECT FROM @extschema@.standard_latest l WHERE l.series = r.standard))
UNION ALL
SELECT r.category, r.indicator, s.code, s.kind, s.nature,
       coalesce(s.nature, s.kind),
       @extschema@.benchmark_class_rank(coalesce(s.nature, s.kind)),
       r.requirement, r.test_method, r.standard, x.direction, x.unit
FROM @extschema@.standard_requirement r
JOIN @extschema@.standard_latest l ON l.series = r.standard
JOIN @extschema@.standard s ON s.code = l.edition
JOIN @extschema@.indicator_def x ON x.category = r.category AND x.key = r.indicator
WHERE @extschema@.std_year(r.standard) IS NULL
  AND s.kind <> 'enterprise'
  AND (s.effective_on IS NULL OR s.effective_on <= CURRENT_DATE)
  AND (s.withdrawn_on IS NULL OR s.withdrawn_on > CURRENT_DATE)
  AND NOT EXISTS (SELECT FROM @extschema@.standard_requirement o
                  WHERE o.standard = l.edition AND o.category = r.category
                    AND o.indicator = r.indicator);
COMMENT ON VIEW @extschema@.benchmark_requirement IS
  'the requirements benchmarks are made against: standards in force today (effective, not withdrawn), every kind but enterprise standards; undated numbers resolved to their latest edition in force';
COMMENT ON COLUMN @extschema@.benchmark_requirement.category IS 'category';
COMMENT ON COLUMN @extschema@.benchmark_requirement.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.benchmark_requirement.standard IS 'the edition in force (standard_edition() of the number the requirement cites)';
COMMENT ON COLUMN @extschema@.benchmark_requirement.kind IS 'std_kind of the standard: national, industry, local, group, international or foreign';
COMMENT ON COLUMN @extschema@.benchmark_requirement.nature IS 'std_nature of the standard: mandatory, recommended, guidance, or NULL (group, international, foreign)';
COMMENT ON COLUMN @extschema@.benchmark_requirement.benchmark_class IS 'mandatory, recommended, guidance, group, international or foreign: the nature when there is one, else the kind';
COMMENT ON COLUMN @extschema@.benchmark_requirement.class_rank IS 'report order of the class (1 mandatory … 6 foreign), benchmark_class_rank()';
COMMENT ON COLUMN @extschema@.benchmark_requirement.requirement IS 'the requirement';
COMMENT ON COLUMN @extschema@.benchmark_requirement.test_method IS 'test method the standard names';
COMMENT ON COLUMN @extschema@.benchmark_requirement.direction IS 'indicator_def.direction of the indicator (lower_better, higher_better, target)';
COMMENT ON COLUMN @extschema@.benchmark_requirement.unit IS 'indicator_def.unit of the indicator (NULL: each value''s own)';
COMMENT ON COLUMN @extschema@.benchmark_requirement.cited IS 'the standard number as table standard_requirement cites it (undated when the requirement was written on an undated number)';

-- every disclosed indicator against every benchmark ----------------------------
-- compare() is computed once per pair and margin() only for commensurable
-- pairs, since it raises on different dimensions.  Both sit in a LATERAL
-- subquery kept apart with OFFSET 0: each is evaluated once (a flattened
-- subquery would repeat compare() in the CASE), the planner may memoize
-- the pair (disclosures repeat the same values), and a sort above the join
-- carries the verdict and margin, not the two indicators.
-- Drafts are left out: the view reads the tables with its owner's rights
-- (so that a BI role granted the views alone can read the summaries), and
-- drafts are not public.  benchmark() of a draft reads the tables with the
-- caller's rights instead (row-level security applies).
CREATE VIEW @extschema@.benchmark_pair AS
SELECT d.id AS disclosure, d.enterprise, d.category, d.status, i.indicator, r.direction, r.unit,
       i.requirement AS disclosed, r.standard, r.kind AS std_kind, r.nature AS std_nature,
       r.benchmark_class, r.class_rank, r.requirement AS required, r.test_method,
       v.verdict, v.margin
FROM @extschema@.disclosure d
JOIN @extschema@.disclosed_indicator i ON i.disclosure = d.id
JOIN @extschema@.benchmark_requirement r ON r.category = d.category AND r.indicator = i.indicator
CROSS JOIN LATERAL (
  SELECT c.verdict,
         CASE WHEN c.verdict <> 'incomparable'
              THEN @extschema@.margin(i.requirement, r.requirement, r.direction) END AS margin
  FROM (SELECT @extschema@.compare(i.requirement, r.requirement) AS verdict OFFSET 0) c
  OFFSET 0) v
WHERE d.status <> 'draft';
COMMENT ON VIEW @extschema@.benchmark_pair IS
  'every disclosed indicator of every published, superseded or withdrawn disclosure (not drafts) against every benchmark requirement in force for its category and indicator, with compare() and margin(); benchmark_summary, benchmark_gap, benchmark_profile and disclosure_json() read it';
COMMENT ON COLUMN @extschema@.benchmark_pair.disclosure IS 'the disclosure';
COMMENT ON COLUMN @extschema@.benchmark_pair.enterprise IS 'the disclosing enterprise';
COMMENT ON COLUMN @extschema@.benchmark_pair.category IS 'category of the disclosure';
COMMENT ON COLUMN @extschema@.benchmark_pair.status IS 'status of the disclosure (published, withdrawn, superseded)';
COMMENT ON COLUMN @extschema@.benchmark_pair.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.benchmark_pair.direction IS 'indicator_def.direction, used by margin()';
COMMENT ON COLUMN @extschema@.benchmark_pair.unit IS 'indicator_def.unit: the unit levels of the indicator are expressed in (NULL: each value''s own)';
COMMENT ON COLUMN @extschema@.benchmark_pair.disclosed IS 'the disclosed requirement';
COMMENT ON COLUMN @extschema@.benchmark_pair.standard IS 'the benchmark standard (edition in force)';
COMMENT ON COLUMN @extschema@.benchmark_pair.std_kind IS 'std_kind of the benchmark standard';
COMMENT ON COLUMN @extschema@.benchmark_pair.std_nature IS 'std_nature of the benchmark standard (NULL for group, international, foreign)';
COMMENT ON COLUMN @extschema@.benchmark_pair.benchmark_class IS 'mandatory, recommended, guidance, group, international or foreign';
COMMENT ON COLUMN @extschema@.benchmark_pair.class_rank IS 'report order of the class (1 mandatory … 6 foreign)';
COMMENT ON COLUMN @extschema@.benchmark_pair.required IS 'the benchmark requirement';
COMMENT ON COLUMN @extschema@.benchmark_pair.test_method IS 'test method the benchmark standard names';
COMMENT ON COLUMN @extschema@.benchmark_pair.verdict IS 'compare(disclosed, required): stricter, equal, looser, overlapping, disjoint or incomparable';
COMMENT ON COLUMN @extschema@.benchmark_pair.margin IS 'margin(disclosed, required, direction): how much stricter the disclosure is, as a fraction of the benchmark''s level; NULL when incomparable or a level is missing';

-- benchmark(disclosure) ----------------------------------------------------------
CREATE FUNCTION @extschema@.benchmark(disclosure bigint)
RETURNS TABLE (indicator text, disclosed @extschema@.indicator, standard @extschema@.stdcode,
               std_kind text, required @extschema@.indicator, verdict text, margin numeric,
               std_nature text, benchmark_class text, direction @extschema@.direction,
               unit text, disclosed_level numeric, required_level numeric,
               test_method @extschema@.stdcode, executed boolean)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  d record;
  edition frontrunner.stdcode;
BEGIN
  SELECT x.id, x.status, x.category, x.standard, x.withdrawn_at, x.withdraw_reason,
         (SELECT pg_catalog.min(s.id) FROM frontrunner.disclosure s
          WHERE s.supersedes = x.id AND s.status <> 'draft') AS successor
  INTO d
  FROM frontrunner.disclosure x WHERE x.id = $1;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'disclosure % does not exist', $1
      USING ERRCODE = 'no_data_found',
            DETAIL = format('No row of table disclosure has id = %s.', $1),
            HINT = 'Look the id up in table disclosure (or with enterprise_search() and the enterprise''s disclosures).';
  ELSIF d.status = 'superseded' THEN
    RAISE EXCEPTION 'disclosure % is superseded: only current disclosures are benchmarked', $1
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('Disclosure %s was superseded by disclosure %s.', $1, d.successor),
            HINT = format('Benchmark the current version: benchmark(%s).', d.successor);
  ELSIF d.status = 'withdrawn' THEN
    RAISE EXCEPTION 'disclosure % is withdrawn: only current disclosures are benchmarked', $1
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('Disclosure %s was withdrawn (reason: %s).', $1, d.withdraw_reason),
            HINT = 'A withdrawn disclosure is no longer in force; benchmark a published disclosure or a draft.';
  END IF;
  edition := frontrunner.standard_edition(d.standard);

  -- the pairs as in view benchmark_pair, read with the caller's rights
  -- (the view leaves drafts out)
  RETURN QUERY
  SELECT i.indicator, i.requirement, r.standard, r.kind, r.requirement, v.verdict, v.margin,
         r.nature, r.benchmark_class, r.direction, u.unit,
         CASE WHEN u.ok THEN frontrunner.level(i.requirement, r.direction, u.unit) END,
         CASE WHEN u.ok THEN frontrunner.level(r.requirement, r.direction, u.unit) END,
         r.test_method,
         r.standard OPERATOR(frontrunner.=) edition
  FROM frontrunner.disclosed_indicator i
  JOIN frontrunner.benchmark_requirement r ON r.category = d.category AND r.indicator = i.indicator
  CROSS JOIN LATERAL (
    SELECT c.verdict,
           CASE WHEN c.verdict <> 'incomparable'
                THEN frontrunner.margin(i.requirement, r.requirement, r.direction) END AS margin
    FROM (SELECT frontrunner.compare(i.requirement, r.requirement) AS verdict OFFSET 0) c
    OFFSET 0) v
  CROSS JOIN LATERAL (
    SELECT w.unit,
           v.verdict <> 'incomparable'
           AND (w.unit IS NULL
                OR ((frontrunner.unit(i.requirement) IS NULL
                     OR frontrunner.unit_commensurable(w.unit, frontrunner.unit(i.requirement)))
                    AND (frontrunner.unit(r.requirement) IS NULL
                         OR frontrunner.unit_commensurable(w.unit, frontrunner.unit(r.requirement))))) AS ok
    FROM (SELECT coalesce(r.unit, NULLIF(frontrunner.unit(r.requirement), ''),
                          NULLIF(frontrunner.unit(i.requirement), '')) AS unit) w) u
  WHERE i.disclosure = $1
  ORDER BY i.indicator, r.class_rank, r.standard;
END
$$;
COMMENT ON FUNCTION @extschema@.benchmark(bigint) IS
  'every disclosed indicator of a disclosure (published or draft) against every benchmark in force for its category and indicator: verdict = compare(disclosed, required), margin = margin(disclosed, required, direction), levels in the indicator''s unit, executed = the standard the disclosure executes; ordered by indicator, class (mandatory → foreign), standard; P0002 when the disclosure does not exist, 55000 when it is superseded or withdrawn';

-- benchmark_summary ----------------------------------------------------------------
-- Aggregated by (category, indicator, standard) first; the descriptive
-- columns are joined to the few aggregated rows afterwards, so that rows
-- are not sorted on them (an indicator-typed sort key costs more than the
-- comparisons themselves).
CREATE VIEW @extschema@.benchmark_summary AS
SELECT r.category, r.indicator, r.standard::text AS standard, r.kind AS std_kind, r.nature AS std_nature,
       r.benchmark_class, r.direction::text AS direction, r.requirement::text AS required,
       a.compared, a.stricter, a.equal, a.looser, a.other, a.overlapping, a.disjoint, a.incomparable,
       round(a.at_least_as_strict::numeric / a.compared, 4) AS share_at_least_as_strict,
       trim_scale((a.lower_median + a.upper_median) * 0.5) AS median_margin,
       a.min_margin, a.max_margin, r.class_rank
FROM (SELECT p.category, p.indicator, p.standard,
             count(*) AS compared,
             count(*) FILTER (WHERE p.verdict = 'stricter') AS stricter,
             count(*) FILTER (WHERE p.verdict = 'equal') AS equal,
             count(*) FILTER (WHERE p.verdict = 'looser') AS looser,
             count(*) FILTER (WHERE p.verdict NOT IN ('stricter', 'equal', 'looser')) AS other,
             count(*) FILTER (WHERE p.verdict = 'overlapping') AS overlapping,
             count(*) FILTER (WHERE p.verdict = 'disjoint') AS disjoint,
             count(*) FILTER (WHERE p.verdict = 'incomparable') AS incomparable,
             count(*) FILTER (WHERE p.verdict IN ('stricter', 'equal')) AS at_least_as_strict,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY p.margin) AS lower_median,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY p.margin DESC) AS upper_median,
             min(p.margin) AS min_margin,
             max(p.margin) AS max_margin
      FROM @extschema@.benchmark_pair p
      WHERE p.status = 'published'
      GROUP BY p.category, p.indicator, p.standard) a
JOIN @extschema@.benchmark_requirement r
  ON r.category = a.category AND r.indicator = a.indicator AND r.standard = a.standard;
COMMENT ON VIEW @extschema@.benchmark_summary IS
  'per category, indicator and benchmark standard: how the current published disclosures compare (counts by verdict, share at least as strict, median margin); plain column types';
COMMENT ON COLUMN @extschema@.benchmark_summary.category IS 'category';
COMMENT ON COLUMN @extschema@.benchmark_summary.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.benchmark_summary.standard IS 'benchmark standard (edition in force), canonical number';
COMMENT ON COLUMN @extschema@.benchmark_summary.std_kind IS 'std_kind of the standard';
COMMENT ON COLUMN @extschema@.benchmark_summary.std_nature IS 'std_nature of the standard (NULL for group, international, foreign)';
COMMENT ON COLUMN @extschema@.benchmark_summary.benchmark_class IS 'mandatory, recommended, guidance, group, international or foreign';
COMMENT ON COLUMN @extschema@.benchmark_summary.direction IS 'lower_better, higher_better or target';
COMMENT ON COLUMN @extschema@.benchmark_summary.required IS 'the benchmark requirement, canonical text';
COMMENT ON COLUMN @extschema@.benchmark_summary.compared IS 'current published disclosures that disclose the indicator (each compared once)';
COMMENT ON COLUMN @extschema@.benchmark_summary.stricter IS 'disclosures stricter than the benchmark';
COMMENT ON COLUMN @extschema@.benchmark_summary.equal IS 'disclosures equal to the benchmark';
COMMENT ON COLUMN @extschema@.benchmark_summary.looser IS 'disclosures looser than the benchmark';
COMMENT ON COLUMN @extschema@.benchmark_summary.other IS 'overlapping + disjoint + incomparable';
COMMENT ON COLUMN @extschema@.benchmark_summary.overlapping IS 'disclosures that overlap the benchmark without either containing the other';
COMMENT ON COLUMN @extschema@.benchmark_summary.disjoint IS 'disclosures with no value in common with the benchmark';
COMMENT ON COLUMN @extschema@.benchmark_summary.incomparable IS 'disclosures in another dimension than the benchmark';
COMMENT ON COLUMN @extschema@.benchmark_summary.share_at_least_as_strict IS '(stricter + equal) / compared, rounded half up to 4 decimals';
COMMENT ON COLUMN @extschema@.benchmark_summary.median_margin IS 'exact median of the margins (mean of the two middle values for an even count), NULL margins left out';
COMMENT ON COLUMN @extschema@.benchmark_summary.min_margin IS 'smallest margin (the loosest disclosure)';
COMMENT ON COLUMN @extschema@.benchmark_summary.max_margin IS 'largest margin (the strictest disclosure)';
COMMENT ON COLUMN @extschema@.benchmark_summary.class_rank IS 'report order of the class (1 mandatory … 6 foreign): ORDER BY category, indicator, class_rank, standard';

-- consistency with international and foreign benchmarks -----------------------------
CREATE VIEW @extschema@.benchmark_gap AS
SELECT p.enterprise::text AS enterprise, p.disclosure, p.category, p.indicator,
       p.standard::text AS standard, p.std_kind, p.disclosed::text AS disclosed,
       p.required::text AS required, p.verdict, p.margin
FROM @extschema@.benchmark_pair p
WHERE p.status = 'published'
  AND p.std_kind IN ('international', 'foreign')
  AND p.verdict NOT IN ('stricter', 'equal');
COMMENT ON VIEW @extschema@.benchmark_gap IS
  'disclosed indicators of current published disclosures that are not at least as strict as an international or foreign benchmark in force (plain column types)';
COMMENT ON COLUMN @extschema@.benchmark_gap.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.benchmark_gap.disclosure IS 'the disclosure';
COMMENT ON COLUMN @extschema@.benchmark_gap.category IS 'category';
COMMENT ON COLUMN @extschema@.benchmark_gap.indicator IS 'indicator key';
COMMENT ON COLUMN @extschema@.benchmark_gap.standard IS 'the international or foreign standard';
COMMENT ON COLUMN @extschema@.benchmark_gap.std_kind IS 'international or foreign';
COMMENT ON COLUMN @extschema@.benchmark_gap.disclosed IS 'disclosed requirement, canonical text';
COMMENT ON COLUMN @extschema@.benchmark_gap.required IS 'the standard''s requirement, canonical text';
COMMENT ON COLUMN @extschema@.benchmark_gap.verdict IS 'looser, overlapping, disjoint or incomparable';
COMMENT ON COLUMN @extschema@.benchmark_gap.margin IS 'the gap: margin(disclosed, required, direction), negative when looser; NULL when incomparable';

-- Set-based, for the whole registry; benchmark_profile(uscc) computes the
-- same counts per disclosure of one enterprise.
CREATE VIEW @extschema@.benchmark_profile AS
SELECT d.enterprise::text AS enterprise, e.name AS enterprise_name, d.id AS disclosure,
       d.category, d.product, d.standard::text AS standard,
       coalesce(n.indicators, 0) AS indicators,
       coalesce(k.benchmarked, 0) AS benchmarked,
       coalesce(k.at_least_as_strict, 0) AS at_least_as_strict,
       coalesce(k.benchmarked - k.at_least_as_strict, 0) AS not_as_strict,
       k.not_as_strict_indicators
FROM @extschema@.disclosure d
JOIN @extschema@.enterprise e ON e.uscc = d.enterprise
LEFT JOIN (SELECT i.disclosure, count(*) AS indicators
           FROM @extschema@.disclosed_indicator i GROUP BY i.disclosure) n ON n.disclosure = d.id
LEFT JOIN (SELECT q.disclosure, count(*) AS benchmarked,
                  count(*) FILTER (WHERE q.ok) AS at_least_as_strict,
                  string_agg(q.indicator, ', ' ORDER BY q.indicator) FILTER (WHERE NOT q.ok) AS not_as_strict_indicators
           FROM (SELECT p.disclosure, p.indicator, bool_and(p.verdict IN ('stricter', 'equal')) AS ok
                 FROM @extschema@.benchmark_pair p
                 WHERE p.status = 'published' AND p.std_kind IN ('international', 'foreign')
                 GROUP BY p.disclosure, p.indicator) q
           GROUP BY q.disclosure) k ON k.disclosure = d.id
WHERE d.status = 'published';
COMMENT ON VIEW @extschema@.benchmark_profile IS
  'per current published disclosure: how many disclosed indicators are at least as strict as every international and foreign benchmark in force, how many are not, and which (details in benchmark_gap); plain column types';
COMMENT ON COLUMN @extschema@.benchmark_profile.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.benchmark_profile.enterprise_name IS 'name of the enterprise';
COMMENT ON COLUMN @extschema@.benchmark_profile.disclosure IS 'the disclosure (status published)';
COMMENT ON COLUMN @extschema@.benchmark_profile.category IS 'category';
COMMENT ON COLUMN @extschema@.benchmark_profile.product IS 'product';
COMMENT ON COLUMN @extschema@.benchmark_profile.standard IS 'the standard the product executes, as disclosed';
COMMENT ON COLUMN @extschema@.benchmark_profile.indicators IS 'indicators disclosed';
COMMENT ON COLUMN @extschema@.benchmark_profile.benchmarked IS 'disclosed indicators with at least one international or foreign benchmark in force';
COMMENT ON COLUMN @extschema@.benchmark_profile.at_least_as_strict IS 'benchmarked indicators stricter than or equal to every international and foreign benchmark';
COMMENT ON COLUMN @extschema@.benchmark_profile.not_as_strict IS 'benchmarked indicators not at least as strict as some international or foreign benchmark (looser, overlapping, disjoint or incomparable)';
COMMENT ON COLUMN @extschema@.benchmark_profile.not_as_strict_indicators IS 'their keys, comma-separated in key order; NULL when none';

CREATE FUNCTION @extschema@.benchmark_profile(enterprise @extschema@.uscc)
RETURNS TABLE (disclosure bigint, category text, product text, standard text,
               indicators bigint, benchmarked bigint, at_least_as_strict bigint, not_as_strict bigint,
               indicator text, benchmark text, std_kind text, disclosed text, required text,
               verdict text, margin numeric)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
  PERFORM FROM frontrunner.enterprise e WHERE e.uscc OPERATOR(frontrunner.=) $1;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'enterprise % does not exist', $1
      USING ERRCODE = 'no_data_found',
            DETAIL = format('No row of table enterprise has uscc = %s.', $1),
            HINT = 'enterprise_search(name or pinyin) finds the USCC of an enterprise.';
  END IF;
  -- the counts of view benchmark_profile, per disclosure of the enterprise
  -- (index lookups instead of the whole registry)
  RETURN QUERY
  SELECT d.id, d.category, d.product, d.standard::text,
         c.indicators, c.benchmarked, c.at_least_as_strict, c.benchmarked - c.at_least_as_strict,
         g.indicator, g.standard::text, g.std_kind, g.disclosed::text, g.required::text, g.verdict, g.margin
  FROM frontrunner.disclosure d
  CROSS JOIN LATERAL (
    SELECT (SELECT count(*) FROM frontrunner.disclosed_indicator i WHERE i.disclosure = d.id) AS indicators,
           count(*) AS benchmarked, count(*) FILTER (WHERE k.ok) AS at_least_as_strict
    FROM (SELECT p.indicator, bool_and(p.verdict IN ('stricter', 'equal')) AS ok
          FROM frontrunner.benchmark_pair p
          WHERE p.disclosure = d.id AND p.std_kind IN ('international', 'foreign')
          GROUP BY p.indicator) k) c
  LEFT JOIN frontrunner.benchmark_pair g
    ON g.disclosure = d.id AND g.std_kind IN ('international', 'foreign')
   AND g.verdict NOT IN ('stricter', 'equal')
  WHERE d.enterprise OPERATOR(frontrunner.=) $1 AND d.status = 'published'
  ORDER BY d.id, g.indicator, g.class_rank, g.standard;
END
$$;
COMMENT ON FUNCTION @extschema@.benchmark_profile(@extschema@.uscc) IS
  'consistency report of an enterprise: for each of its current published disclosures, the counts of benchmark_profile and one row per indicator and international or foreign standard it is not at least as strict as (one row with NULL gap columns when there is none); P0002 when the enterprise does not exist';

-- disclosure_json ----------------------------------------------------------------------
CREATE FUNCTION @extschema@.disclosure_json(id bigint)
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  d record;
  is_current boolean;
  result jsonb;
BEGIN
  SELECT x.id, x.status, x.enterprise, e.name AS enterprise_name, x.product, x.category,
         c.name AS category_name, x.standard, frontrunner.standard_edition(x.standard) AS edition,
         x.published_at, x.withdrawn_at, x.withdraw_reason, x.supersedes,
         x.below_recommended_statement, x.source_ref,
         (SELECT pg_catalog.min(s.id) FROM frontrunner.disclosure s
          WHERE s.supersedes = x.id AND s.status <> 'draft') AS superseded_by
  INTO d
  FROM frontrunner.disclosure x
  JOIN frontrunner.enterprise e ON e.uscc OPERATOR(frontrunner.=) x.enterprise
  JOIN frontrunner.category c ON c.code = x.category
  WHERE x.id = $1;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'disclosure % does not exist', $1
      USING ERRCODE = 'no_data_found',
            DETAIL = format('No row of table disclosure has id = %s.', $1),
            HINT = 'Look the id up in table disclosure.';
  END IF;
  IF d.status = 'draft' THEN
    RAISE EXCEPTION 'disclosure % is a draft: drafts are not public', $1
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = format('Disclosure %s (%s, %s) has status draft.', $1, d.enterprise_name, d.product),
            HINT = format('Publish it first (publish_disclosure(%s)); benchmark(%s) shows the draft''s comparison to its enterprise.', $1, $1);
  END IF;
  is_current := d.status = 'published';

  SELECT jsonb_build_object(
    'id', d.id,
    'status', d.status,
    'enterprise', jsonb_build_object('uscc', d.enterprise::text, 'name', d.enterprise_name),
    'product', d.product,
    'category', jsonb_build_object('code', d.category, 'name', d.category_name),
    'standard', jsonb_build_object(
       'code', d.standard::text,
       'edition', d.edition::text,
       'kind', frontrunner.std_kind(d.standard),
       'nature', frontrunner.std_nature(d.standard),
       'title', (SELECT s.title FROM frontrunner.standard s WHERE s.code OPERATOR(frontrunner.=) d.edition)),
    'published_at', to_char(d.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'withdrawn_at', to_char(d.withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'withdraw_reason', d.withdraw_reason,
    'supersedes', d.supersedes,
    'superseded_by', d.superseded_by,
    'below_recommended_statement', d.below_recommended_statement,
    'source_ref', d.source_ref,
    'benchmarked_on', CASE WHEN is_current THEN to_char(CURRENT_DATE, 'YYYY-MM-DD') END,
    'indicators', coalesce((
       SELECT jsonb_agg(jsonb_build_object(
                'key', i.indicator,
                'name', x.name,
                'direction', x.direction::text,
                'requirement', i.requirement::text,
                'requirement_zh', frontrunner.to_text(i.requirement, 'zh'),
                'unit', frontrunner.unit(i.requirement),
                'test_method', i.test_method::text,
                'benchmarks', coalesce((
                   SELECT jsonb_agg(jsonb_build_object(
                            'standard', p.standard::text,
                            'kind', p.std_kind,
                            'nature', p.std_nature,
                            'class', p.benchmark_class,
                            'requirement', p.required::text,
                            'requirement_zh', frontrunner.to_text(p.required, 'zh'),
                            'verdict', p.verdict,
                            'margin', p.margin)
                          ORDER BY p.class_rank, p.standard)
                   FROM frontrunner.benchmark_pair p
                   WHERE is_current AND p.disclosure = d.id AND p.indicator = i.indicator), '[]'::jsonb))
              ORDER BY i.indicator)
       FROM frontrunner.disclosed_indicator i
       JOIN frontrunner.indicator_def x ON x.category = d.category AND x.key = i.indicator
       WHERE i.disclosure = d.id), '[]'::jsonb))
  INTO result;
  RETURN result;
END
$$;
COMMENT ON FUNCTION @extschema@.disclosure_json(bigint) IS
  'a published (or withdrawn, or superseded) disclosure as JSON for platforms and the public: enterprise, product, category, executed standard and its edition, status, times in UTC, indicators in key order with canonical and Chinese text, test method and, for the current version, the benchmark verdicts and margins; P0002 when it does not exist, 55000 for a draft';
-- The levelset type and the level_stats aggregate (src/levelset.c): the
-- levels of one indicator over the eligible disclosures, for tier cutoffs
-- and standings (tier ranking).

CREATE TYPE @extschema@.levelset;

CREATE FUNCTION @extschema@.levelset_in(cstring) RETURNS @extschema@.levelset
  AS 'MODULE_PATHNAME', 'fr_levelset_in'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.levelset_in(cstring) IS
  'levelset input: a direction and the distinct levels best first with their counts, lower_better {0.2:3, 0.5:10}; trailing zeros of levels are trimmed (22P02 on a bad literal)';

CREATE FUNCTION @extschema@.levelset_out(@extschema@.levelset) RETURNS cstring
  AS 'MODULE_PATHNAME', 'fr_levelset_out'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.levelset_out(@extschema@.levelset) IS
  'levelset output: lower_better {0.2:3, 0.5:10}; reads back to an identical value';

CREATE FUNCTION @extschema@.levelset_recv(internal) RETURNS @extschema@.levelset
  AS 'MODULE_PATHNAME', 'fr_levelset_recv'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.levelset_recv(internal) IS
  'levelset binary input (version byte first; order, counts and levels checked as strictly as the text input, 22P03)';

CREATE FUNCTION @extschema@.levelset_send(@extschema@.levelset) RETURNS bytea
  AS 'MODULE_PATHNAME', 'fr_levelset_send'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.levelset_send(@extschema@.levelset) IS
  'levelset binary output (format version 1)';

CREATE TYPE @extschema@.levelset (
  INPUT = @extschema@.levelset_in,
  OUTPUT = @extschema@.levelset_out,
  RECEIVE = @extschema@.levelset_recv,
  SEND = @extschema@.levelset_send,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = double,
  STORAGE = extended
);
COMMENT ON TYPE @extschema@.levelset IS
  'The levels of one indicator over a set of disclosures, with its direction: distinct levels best first with their counts (state and result of level_stats)';

CREATE FUNCTION @extschema@.levelset_eq(@extschema@.levelset, @extschema@.levelset) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_levelset_eq'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.levelset_eq(@extschema@.levelset, @extschema@.levelset) IS
  'same direction, same levels, same counts; never raises';

CREATE FUNCTION @extschema@.levelset_ne(@extschema@.levelset, @extschema@.levelset) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_levelset_ne'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.levelset_ne(@extschema@.levelset, @extschema@.levelset) IS
  'not the same levelset';

CREATE OPERATOR @extschema@.= (
  LEFTARG = @extschema@.levelset, RIGHTARG = @extschema@.levelset,
  FUNCTION = @extschema@.levelset_eq,
  COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.levelset, @extschema@.levelset) IS
  'same direction, same levels, same counts';

CREATE OPERATOR @extschema@.<> (
  LEFTARG = @extschema@.levelset, RIGHTARG = @extschema@.levelset,
  FUNCTION = @extschema@.levelset_ne,
  COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR @extschema@.<> (@extschema@.levelset, @extschema@.levelset) IS
  'not the same levelset';

-- ------------------------------------------------------------ aggregate

CREATE FUNCTION @extschema@.level_stats_transfn(@extschema@.levelset, numeric, @extschema@.direction)
  RETURNS @extschema@.levelset
  AS 'MODULE_PATHNAME', 'fr_level_stats_transfn'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_stats_transfn(@extschema@.levelset, numeric, @extschema@.direction) IS
  'level_stats transition: counts one level in a working hash table kept in the aggregate''s memory (an expanded object, never copied per row); NULL levels are skipped';

CREATE FUNCTION @extschema@.level_stats_combine(@extschema@.levelset, @extschema@.levelset)
  RETURNS @extschema@.levelset
  AS 'MODULE_PATHNAME', 'fr_level_stats_combine'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_stats_combine(@extschema@.levelset, @extschema@.levelset) IS
  'level_stats combine: merges two partial states (parallel query, Citus); 22023 when their directions differ';

CREATE FUNCTION @extschema@.level_stats_final(@extschema@.levelset) RETURNS @extschema@.levelset
  AS 'MODULE_PATHNAME', 'fr_level_stats_final'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_stats_final(@extschema@.levelset) IS
  'level_stats final: the flat levelset, levels sorted best first';

CREATE AGGREGATE @extschema@.level_stats(level numeric, direction @extschema@.direction) (
  SFUNC = @extschema@.level_stats_transfn,
  STYPE = @extschema@.levelset,
  FINALFUNC = @extschema@.level_stats_final,
  COMBINEFUNC = @extschema@.level_stats_combine,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.level_stats(numeric, @extschema@.direction) IS
  'the levelset of the levels in a group (NULL levels skipped; NULL when there is none); 22023 when the direction changes within the group or a level is NaN or infinite';

-- ------------------------------------------------------------ functions

CREATE FUNCTION @extschema@.level_count(@extschema@.levelset) RETURNS bigint
  AS 'MODULE_PATHNAME', 'fr_level_count'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_count(@extschema@.levelset) IS
  'n: the number of members (levels counted with multiplicity)';

CREATE FUNCTION @extschema@.level_distinct(@extschema@.levelset) RETURNS integer
  AS 'MODULE_PATHNAME', 'fr_level_distinct'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_distinct(@extschema@.levelset) IS
  'the number of distinct levels';

CREATE FUNCTION @extschema@.level_direction(@extschema@.levelset) RETURNS @extschema@.direction
  AS 'MODULE_PATHNAME', 'fr_level_direction'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_direction(@extschema@.levelset) IS
  'the direction the levels are ordered by (lower_better and target: ascending; higher_better: descending)';

CREATE FUNCTION @extschema@.level_cutoff(levels @extschema@.levelset, fraction numeric) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_level_cutoff'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_cutoff(@extschema@.levelset, numeric) IS
  'the level at 1-based position ceil(fraction · n), levels sorted best first (exact); NULL when n = 0; 22023 unless 0 < fraction <= 1';

CREATE FUNCTION @extschema@.level_reaches(levels @extschema@.levelset, level numeric, fraction numeric) RETURNS boolean
  AS 'MODULE_PATHNAME', 'fr_level_reaches'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_reaches(@extschema@.levelset, numeric, numeric) IS
  'the level is at least as good as level_cutoff(levels, fraction) (ties at the cutoff reach it); NULL when n = 0';

CREATE FUNCTION @extschema@.level_standing(levels @extschema@.levelset, level numeric) RETURNS numeric
  AS 'MODULE_PATHNAME', 'fr_level_standing'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_standing(@extschema@.levelset, numeric) IS
  'mid-rank standing (worse + (equal - 1) / 2) / (n - 1), computed as the numeric division (2·worse + equal - 1) / (2·(n - 1)); 1 when n = 1; 22023 when the level is not a member';

CREATE FUNCTION @extschema@.level_place(levels @extschema@.levelset, level numeric) RETURNS bigint
  AS 'MODULE_PATHNAME', 'fr_level_place'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_place(@extschema@.levelset, numeric) IS
  'the integer 2·worse + equal - 1: the standing''s numerator over the common denominator 2·(n - 1), for exact weighted sums of standings; 22023 when the level is not a member';

CREATE FUNCTION @extschema@.level_counts(levels @extschema@.levelset, level numeric,
                                         OUT worse bigint, OUT equal bigint, OUT better bigint)
  AS 'MODULE_PATHNAME', 'fr_level_counts'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.level_counts(@extschema@.levelset, numeric) IS
  'how many members have a strictly worse, an equal and a strictly better level (any level, member or not)';

CREATE FUNCTION @extschema@.levels(levels @extschema@.levelset)
  RETURNS TABLE(level numeric, count bigint, "position" bigint)
  AS 'MODULE_PATHNAME', 'fr_levels'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.levels(@extschema@.levelset) IS
  'the distinct levels best first, with their count and the 1-based position of their first member';
-- Evaluation plans (api.md §2, §5; rule 7): what an evaluation agency ranks,
-- on which core indicators, and how the tiers are cut.  Workflow
-- draft → under_review → published → closed (doc/supervision.md): a plan
-- under review is frozen and publicly noticed, it is published once it has
-- its expert approvals (plan_review, 70_supervision.sql) and its notice
-- period is over; a published plan is immutable.
-- Ranking itself is in 61_ranking.sql.

CREATE TYPE @extschema@.tier AS ENUM ('leader', 'advanced', 'baseline', 'below');
COMMENT ON TYPE @extschema@.tier IS
  'ranking tiers, best first: leader (领跑者), advanced (先进), baseline (基准), below';

-- evaluation_plan -------------------------------------------------------------
CREATE TABLE @extschema@.evaluation_plan (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code           text NOT NULL CONSTRAINT evaluation_plan_code_key UNIQUE
                 CONSTRAINT evaluation_plan_code_check CHECK (code ~ '^\S+$'),
  agency         text NOT NULL CONSTRAINT evaluation_plan_agency_check CHECK (btrim(agency) <> ''),
  category       text NOT NULL REFERENCES @extschema@.category (code) ON UPDATE CASCADE,
  title          text NOT NULL CONSTRAINT evaluation_plan_title_check CHECK (btrim(title) <> ''),
  deadline       timestamptz NOT NULL,
  leader_cap     int NOT NULL DEFAULT 5 CONSTRAINT evaluation_plan_leader_cap_check CHECK (leader_cap >= 1),
  exclusion_days int NOT NULL DEFAULT 365 CONSTRAINT evaluation_plan_exclusion_days_check CHECK (exclusion_days >= 0),
  style          text NOT NULL DEFAULT 'cutoffs'
                 CONSTRAINT evaluation_plan_style_check CHECK (style IN ('cutoffs', 'best_in_market')),
  status         text NOT NULL DEFAULT 'draft'
                 CONSTRAINT evaluation_plan_status_check CHECK (status IN ('draft', 'under_review', 'published', 'closed')),
  required_approvals int NOT NULL DEFAULT 3
                 CONSTRAINT evaluation_plan_required_approvals_check CHECK (required_approvals >= 0),
  notice_days    int NOT NULL DEFAULT 0 CONSTRAINT evaluation_plan_notice_days_check CHECK (notice_days >= 0),
  review_round   int NOT NULL DEFAULT 0 CONSTRAINT evaluation_plan_review_round_check CHECK (review_round >= 0),
  review_started_at timestamptz,
  notice_ends_at timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  published_at   timestamptz,
  closed_at      timestamptz,
  CONSTRAINT evaluation_plan_published_check CHECK ((status IN ('draft', 'under_review')) = (published_at IS NULL)),
  CONSTRAINT evaluation_plan_closed_check CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CONSTRAINT evaluation_plan_review_check CHECK ((status = 'under_review') <= (review_started_at IS NOT NULL AND notice_ends_at IS NOT NULL))
);
COMMENT ON TABLE @extschema@.evaluation_plan IS
  'evaluation plans (评估方案): an agency ranks the disclosures of one category on core indicators; draft → published → closed, immutable once published (rule 7)';
COMMENT ON COLUMN @extschema@.evaluation_plan.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.evaluation_plan.code IS 'plan code, unique, no spaces (what rank_plan() and publish_ranking() take)';
COMMENT ON COLUMN @extschema@.evaluation_plan.agency IS 'the evaluation agency (评估机构) that owns the plan';
COMMENT ON COLUMN @extschema@.evaluation_plan.category IS 'the product or service category ranked';
COMMENT ON COLUMN @extschema@.evaluation_plan.title IS 'title of the plan';
COMMENT ON COLUMN @extschema@.evaluation_plan.deadline IS 'disclosures published after it are not eligible; spot-check exclusion is judged at it';
COMMENT ON COLUMN @extschema@.evaluation_plan.leader_cap IS 'at most this many leaders, ties at the cap kept (§5 step 7)';
COMMENT ON COLUMN @extschema@.evaluation_plan.exclusion_days IS 'a failing spot check sampled on day S excludes the enterprise when S <= deadline < S + exclusion_days (rule 6)';
COMMENT ON COLUMN @extschema@.evaluation_plan.style IS
  'cutoffs: each tier cut by an absolute cutoff or a fraction per indicator; best_in_market: the leader cutoff of every indicator is the best disclosed level (Top Runner style), advanced and baseline as in cutoffs';
COMMENT ON COLUMN @extschema@.evaluation_plan.status IS 'draft (editable), under_review (frozen, publicly noticed, expert reviews recorded in plan_review; back to draft or on to published), published (immutable, can be ranked and its rankings published), closed (final)';
COMMENT ON COLUMN @extschema@.evaluation_plan.required_approvals IS 'number of distinct reviewers whose latest verdict in the current review round must be approve before publication (default 3); a plan with 0 and notice_days 0 may be published straight from draft';
COMMENT ON COLUMN @extschema@.evaluation_plan.notice_days IS 'public notice period (公示期) in days: the plan must have been under review at least this long (notice_ends_at) before it is published';
COMMENT ON COLUMN @extschema@.evaluation_plan.review_round IS 'set by the database: incremented each time the plan is submitted for review (draft → under_review); reviews count only in the current round';
COMMENT ON COLUMN @extschema@.evaluation_plan.review_started_at IS 'set by the database clock when the plan went under review (start of the public notice); NULL while a draft';
COMMENT ON COLUMN @extschema@.evaluation_plan.notice_ends_at IS 'set by the database: review_started_at + notice_days days, the earliest time the plan may be published; NULL while a draft';
COMMENT ON COLUMN @extschema@.evaluation_plan.created_at IS 'when the plan was entered (database clock)';
COMMENT ON COLUMN @extschema@.evaluation_plan.published_at IS 'set by the database clock at publication';
COMMENT ON COLUMN @extschema@.evaluation_plan.closed_at IS 'set by the database clock when the plan is closed';
CREATE INDEX evaluation_plan_category_idx ON @extschema@.evaluation_plan (category);

-- plan_indicator --------------------------------------------------------------
CREATE TABLE @extschema@.plan_indicator (
  plan              bigint NOT NULL REFERENCES @extschema@.evaluation_plan (id) ON DELETE CASCADE,
  indicator         text NOT NULL,
  weight            numeric NOT NULL DEFAULT 1
                    CONSTRAINT plan_indicator_weight_check CHECK (weight > 0 AND weight <> 'Infinity'),
  unit              text,
  leader_cutoff     @extschema@.indicator,
  advanced_cutoff   @extschema@.indicator,
  baseline_cutoff   @extschema@.indicator,
  leader_fraction   numeric DEFAULT 0.05,
  advanced_fraction numeric DEFAULT 0.20,
  baseline_fraction numeric DEFAULT 0.50,
  PRIMARY KEY (plan, indicator),
  CONSTRAINT plan_indicator_fraction_check CHECK (
    leader_fraction > 0 AND leader_fraction <= 1 AND
    advanced_fraction > 0 AND advanced_fraction <= 1 AND
    baseline_fraction > 0 AND baseline_fraction <= 1),
  CONSTRAINT plan_indicator_leader_check CHECK (num_nonnulls(leader_cutoff, leader_fraction) = 1),
  CONSTRAINT plan_indicator_advanced_check CHECK (num_nonnulls(advanced_cutoff, advanced_fraction) = 1),
  CONSTRAINT plan_indicator_baseline_check CHECK (num_nonnulls(baseline_cutoff, baseline_fraction) = 1),
  CONSTRAINT plan_indicator_fraction_order_check CHECK (
    leader_fraction <= advanced_fraction AND advanced_fraction <= baseline_fraction)
);
COMMENT ON TABLE @extschema@.plan_indicator IS
  'core indicators (核心指标) of a plan, their weights and how each tier is cut: an absolute cutoff (an indicator) or a fraction of the eligible disclosures';
COMMENT ON COLUMN @extschema@.plan_indicator.plan IS 'the plan';
COMMENT ON COLUMN @extschema@.plan_indicator.indicator IS 'indicator key, defined for the plan''s category (indicator_def.key)';
COMMENT ON COLUMN @extschema@.plan_indicator.weight IS 'weight of the indicator in the score (> 0)';
COMMENT ON COLUMN @extschema@.plan_indicator.unit IS 'unit levels are expressed in; NULL: indicator_def.unit (one of them must be set when the plan is published)';
COMMENT ON COLUMN @extschema@.plan_indicator.leader_cutoff IS 'absolute leader cutoff: a disclosure reaches leader on this indicator when its requirement <@ the cutoff; replaces leader_fraction';
COMMENT ON COLUMN @extschema@.plan_indicator.advanced_cutoff IS 'absolute advanced cutoff (<@); replaces advanced_fraction';
COMMENT ON COLUMN @extschema@.plan_indicator.baseline_cutoff IS 'absolute baseline cutoff (<@); replaces baseline_fraction';
COMMENT ON COLUMN @extschema@.plan_indicator.leader_fraction IS 'fraction p: the leader cutoff is the level at position ceil(p·n), best first; set to NULL when leader_cutoff is given';
COMMENT ON COLUMN @extschema@.plan_indicator.advanced_fraction IS 'fraction for the advanced cutoff (default 0.20); NULL when advanced_cutoff is given';
COMMENT ON COLUMN @extschema@.plan_indicator.baseline_fraction IS 'fraction for the baseline cutoff (default 0.50); NULL when baseline_cutoff is given';

-- rule 7 and the plan workflow --------------------------------------------------
CREATE FUNCTION @extschema@.plan_immutable_error(plan_id bigint, plan_code text, plan_status text, what text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'rule 7 (immutability): % plan % cannot be changed', plan_status, plan_code
    USING ERRCODE = 'FR007',
          DETAIL = format('Plan %s (id %s) has status %s; refused: %s.', plan_code, plan_id, plan_status, what),
          HINT = CASE plan_status
                   WHEN 'published' THEN 'A published plan only moves to closed (UPDATE … SET status = ''closed''); enter a new plan for other changes.'
                   WHEN 'under_review' THEN 'A plan under review is frozen: take it back to draft (UPDATE … SET status = ''draft''), change it and resubmit it (a new review round), or publish it.'
                   ELSE 'A closed plan is final; enter a new plan.' END,
          TABLE = 'evaluation_plan';
END
$$;
COMMENT ON FUNCTION @extschema@.plan_immutable_error(bigint, text, text, text) IS
  'raises FR007 (rule 7) for a change of a plan under review, published or closed; used by the plan triggers';

-- the core indicators of a plan, numbered ---------------------------------------
CREATE FUNCTION @extschema@.plan_core_indicators(plan_id bigint)
RETURNS TABLE (k int, indicator text, direction @extschema@.direction, unit text, weight numeric,
               leader_cutoff @extschema@.indicator, advanced_cutoff @extschema@.indicator,
               baseline_cutoff @extschema@.indicator, leader_fraction numeric,
               advanced_fraction numeric, baseline_fraction numeric)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT (row_number() OVER (ORDER BY i.indicator))::int, i.indicator, d.direction,
         coalesce(i.unit, d.unit), i.weight, i.leader_cutoff, i.advanced_cutoff, i.baseline_cutoff,
         i.leader_fraction, i.advanced_fraction, i.baseline_fraction
  FROM frontrunner.plan_indicator i
  JOIN frontrunner.evaluation_plan e ON e.id = i.plan
  JOIN frontrunner.indicator_def d ON d.category = e.category AND d.key = i.indicator
  WHERE i.plan = $1
  ORDER BY i.indicator
$$;
COMMENT ON FUNCTION @extschema@.plan_core_indicators(bigint) IS
  'the core indicators of a plan in key order, numbered k = 1, 2, … (the column suffix in ranking_query()), with direction, the unit levels are ranked in (plan_indicator.unit, else indicator_def.unit) and the cutoffs';

CREATE FUNCTION @extschema@.plan_publication_check(plan_id bigint)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  r record;
BEGIN
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.id = plan_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no evaluation plan with id %', plan_id
      USING ERRCODE = 'P0002', DETAIL = format('evaluation_plan.id = %s.', plan_id),
            HINT = 'See table evaluation_plan.';
  END IF;
  PERFORM FROM frontrunner.plan_indicator i WHERE i.plan = plan_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'rule 7 (plan): plan % has no core indicator', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (category %s) has no rows in plan_indicator.', p.code, p.category),
            HINT = 'Insert the core indicators into plan_indicator before publishing the plan.',
            TABLE = 'plan_indicator';
  END IF;
  FOR r IN SELECT c.*, c.unit AS u FROM frontrunner.plan_core_indicators(plan_id) c LOOP
    IF r.u IS NULL THEN
      RAISE EXCEPTION 'rule 7 (plan): core indicator "%" of plan % has no unit', r.indicator, p.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Neither plan_indicator.unit nor indicator_def.unit is set for %s / %s; levels of different disclosures would be in different units.', p.category, r.indicator),
              HINT = 'Set plan_indicator.unit (or indicator_def.unit) to the unit levels are ranked in, e.g. ''mg/kg''; '''' for plain numbers.',
              TABLE = 'plan_indicator', COLUMN = 'unit';
    END IF;
    IF p.style = 'best_in_market' AND r.leader_cutoff IS NOT NULL THEN
      RAISE EXCEPTION 'rule 7 (plan): plan % is best_in_market but indicator "%" has an absolute leader cutoff', p.code, r.indicator
        USING ERRCODE = 'FR007',
              DETAIL = format('leader_cutoff = %s; in a best_in_market plan the leader cutoff is the best disclosed level.', r.leader_cutoff),
              HINT = 'Remove the leader cutoff, or use style ''cutoffs''.',
              TABLE = 'plan_indicator', COLUMN = 'leader_cutoff';
    END IF;
    -- absolute cutoffs: commensurable with the unit, and nested leader ⊆ advanced ⊆ baseline
    IF (r.leader_cutoff IS NOT NULL AND NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(r.leader_cutoff), r.u), r.u))
       OR (r.advanced_cutoff IS NOT NULL AND NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(r.advanced_cutoff), r.u), r.u))
       OR (r.baseline_cutoff IS NOT NULL AND NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(r.baseline_cutoff), r.u), r.u)) THEN
      RAISE EXCEPTION 'rule 7 (plan): a cutoff of indicator "%" of plan % is not in a unit of %', r.indicator, p.code, quote_literal(r.u)
        USING ERRCODE = 'FR007',
              DETAIL = format('leader_cutoff %s, advanced_cutoff %s, baseline_cutoff %s; levels are in %s (%s).',
                              coalesce(r.leader_cutoff::text, '-'), coalesce(r.advanced_cutoff::text, '-'),
                              coalesce(r.baseline_cutoff::text, '-'), quote_literal(r.u), frontrunner.unit_dimension(r.u)),
              HINT = 'Write the cutoffs in a unit of the same quantity as the indicator.',
              TABLE = 'plan_indicator';
    END IF;
    IF (r.leader_cutoff IS NOT NULL AND r.advanced_cutoff IS NOT NULL
        AND NOT (r.leader_cutoff OPERATOR(frontrunner.<@) r.advanced_cutoff))
       OR (r.advanced_cutoff IS NOT NULL AND r.baseline_cutoff IS NOT NULL
        AND NOT (r.advanced_cutoff OPERATOR(frontrunner.<@) r.baseline_cutoff))
       OR (r.leader_cutoff IS NOT NULL AND r.baseline_cutoff IS NOT NULL
        AND NOT (r.leader_cutoff OPERATOR(frontrunner.<@) r.baseline_cutoff)) THEN
      RAISE EXCEPTION 'rule 7 (plan): the absolute cutoffs of indicator "%" of plan % are not nested', r.indicator, p.code
        USING ERRCODE = 'FR007',
              DETAIL = format('leader_cutoff %s, advanced_cutoff %s, baseline_cutoff %s.',
                              coalesce(r.leader_cutoff::text, '-'), coalesce(r.advanced_cutoff::text, '-'),
                              coalesce(r.baseline_cutoff::text, '-')),
              HINT = 'A better tier''s cutoff must be at least as strict (<@) as a worse tier''s.',
              TABLE = 'plan_indicator';
    END IF;
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_publication_check(bigint) IS
  'the checks made when a plan is published: at least one core indicator, a unit for each, absolute cutoffs commensurable and nested, no absolute leader cutoff in a best_in_market plan; raises FR007 or P0002';

CREATE FUNCTION @extschema@.evaluation_plan_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  frozen text[] := '{status,review_round,review_started_at,notice_ends_at,published_at,closed_at}';
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'rule 7 (plan workflow): a plan is entered as a draft'
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s inserted with status %s.', NEW.code, NEW.status),
              HINT = 'Insert it as a draft, add its core indicators, submit it for review (UPDATE … SET status = ''under_review''), then publish it.',
              TABLE = 'evaluation_plan', COLUMN = 'status';
    END IF;
    NEW.published_at := NULL;
    NEW.closed_at := NULL;
    NEW.review_round := 0;
    NEW.review_started_at := NULL;
    NEW.notice_ends_at := NULL;
    NEW.created_at := now();
    RETURN NEW;
  END IF;

  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      PERFORM frontrunner.plan_immutable_error(OLD.id, OLD.code, OLD.status, 'DELETE');
    END IF;
    RETURN OLD;
  END IF;

  -- UPDATE
  IF NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'rule 7 (plan workflow): the id of a plan cannot change'
      USING ERRCODE = 'FR007', DETAIL = format('Old id: %s; new id: %s.', OLD.id, NEW.id),
            HINT = 'Ids are assigned by the database.', TABLE = 'evaluation_plan', COLUMN = 'id';
  END IF;
  NEW.created_at := OLD.created_at;
  NEW.review_round := OLD.review_round;
  IF OLD.status = 'draft' THEN
    IF NEW.status = 'closed' THEN
      RAISE EXCEPTION 'rule 7 (plan workflow): draft plan % cannot be closed', OLD.code
        USING ERRCODE = 'FR007',
              DETAIL = format('Plan %s is a draft.', OLD.code),
              HINT = 'Publish it first, or delete the draft.',
              TABLE = 'evaluation_plan', COLUMN = 'status';
    END IF;
    NEW.closed_at := NULL;
    NEW.published_at := NULL;
    NEW.review_started_at := NULL;
    NEW.notice_ends_at := NULL;
    IF NEW.status = 'under_review' THEN
      -- submission: the plan must be publishable; a new review round and the public notice start
      PERFORM frontrunner.plan_publication_check(OLD.id);
      NEW.review_round := OLD.review_round + 1;
      NEW.review_started_at := now();
      NEW.notice_ends_at := now() + pg_catalog.make_interval(days => NEW.notice_days);
    ELSIF NEW.status = 'published' THEN
      IF NEW.required_approvals > 0 OR NEW.notice_days > 0 THEN
        RAISE EXCEPTION 'rule 7 (plan review): plan % must be reviewed before it is published', OLD.code
          USING ERRCODE = 'FR007',
                DETAIL = format('Plan %s requires %s approval(s) and a public notice of %s day(s); it is a draft.',
                                OLD.code, NEW.required_approvals, NEW.notice_days),
                HINT = 'Submit it for review (UPDATE … SET status = ''under_review''), record the reviews in plan_review, then publish it. Only a plan with required_approvals = 0 and notice_days = 0 is published straight from draft.',
                TABLE = 'evaluation_plan', COLUMN = 'status';
      END IF;
      PERFORM frontrunner.plan_publication_check(OLD.id);
      NEW.published_at := now();
    END IF;
    RETURN NEW;
  END IF;

  IF OLD.status = 'under_review' AND NEW.status <> 'under_review'
     AND (pg_catalog.to_jsonb(NEW) - frozen) = (pg_catalog.to_jsonb(OLD) - frozen) THEN
    IF NEW.status = 'draft' THEN
      -- taken back: editable again; the reviews of this round stay on record but no longer count
      NEW.review_started_at := NULL;
      NEW.notice_ends_at := NULL;
      NEW.published_at := NULL;
      NEW.closed_at := NULL;
      RETURN NEW;
    END IF;
    IF NEW.status = 'published' THEN
      PERFORM frontrunner.plan_publication_check(OLD.id);
      PERFORM frontrunner.plan_review_check(OLD.id);
      IF now() < OLD.notice_ends_at THEN
        RAISE EXCEPTION 'rule 7 (public notice): plan % is in its public notice period until %', OLD.code, OLD.notice_ends_at
          USING ERRCODE = 'FR007',
                DETAIL = format('Plan %s went under review at %s with notice_days = %s; the notice ends at %s; now is %s.',
                                OLD.code, OLD.review_started_at, OLD.notice_days, OLD.notice_ends_at, now()),
                HINT = 'Publish the plan once its public notice period is over.',
                TABLE = 'evaluation_plan', COLUMN = 'status';
      END IF;
      NEW.review_started_at := OLD.review_started_at;
      NEW.notice_ends_at := OLD.notice_ends_at;
      NEW.closed_at := NULL;
      NEW.published_at := now();
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'rule 7 (plan workflow): plan % under review cannot be closed', OLD.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s is under review (round %s).', OLD.code, OLD.review_round),
            HINT = 'Publish it first, or take it back to draft (status = ''draft'') and delete it.',
            TABLE = 'evaluation_plan', COLUMN = 'status';
  END IF;

  IF OLD.status = 'published' AND NEW.status = 'closed'
     AND (pg_catalog.to_jsonb(NEW) - '{status,closed_at}'::text[])
         = (pg_catalog.to_jsonb(OLD) - '{status,closed_at}'::text[]) THEN
    NEW.closed_at := now();
    RETURN NEW;
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;  -- a no-op UPDATE changes nothing
  END IF;
  PERFORM frontrunner.plan_immutable_error(OLD.id, OLD.code, OLD.status,
            'UPDATE of ' || (SELECT string_agg(n.k, ', ' ORDER BY n.k)
                             FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
                             WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k));
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.evaluation_plan_before_write() IS
  'trigger: the plan workflow (rule 7) — inserted as draft; drafts editable and deletable; submission (draft → under_review) runs plan_publication_check(), opens a review round and the public notice (review_started_at, notice_ends_at); a plan under review is frozen and goes back to draft or on to published, which needs plan_review_check() and the end of the notice; draft → published only with required_approvals = 0 and notice_days = 0; a published plan only closes (closed_at stamped); anything else refused with FR007';
CREATE TRIGGER evaluation_plan_10_write BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.evaluation_plan
  FOR EACH ROW EXECUTE FUNCTION @extschema@.evaluation_plan_before_write();
CREATE TRIGGER evaluation_plan_30_truncate BEFORE TRUNCATE ON @extschema@.evaluation_plan
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007', 'rule 7 (immutability)', 'evaluation plans or published ranking lists',
    'Delete draft plans with DELETE; published plans are closed and published lists stay.');

CREATE FUNCTION @extschema@.plan_indicator_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  row_plan bigint;
BEGIN
  FOR row_plan IN SELECT DISTINCT x FROM unnest(ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD.plan END,
                                                      CASE WHEN TG_OP <> 'DELETE' THEN NEW.plan END]) x
                  WHERE x IS NOT NULL
  LOOP
    SELECT e.id, e.code, e.status, e.category INTO p
    FROM frontrunner.evaluation_plan e WHERE e.id = row_plan
    FOR SHARE;
    IF FOUND AND p.status <> 'draft' THEN
      PERFORM frontrunner.plan_immutable_error(p.id, p.code, p.status, TG_OP || ' of core indicator ' ||
                CASE WHEN TG_OP = 'DELETE' THEN OLD.indicator ELSE NEW.indicator END);
    END IF;
  END LOOP;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  -- the plan's category defines the indicator (the FK to evaluation_plan reports a missing plan)
  IF p.category IS NOT NULL AND NOT EXISTS (
       SELECT FROM frontrunner.indicator_def d WHERE d.category = p.category AND d.key = NEW.indicator) THEN
    RAISE EXCEPTION 'indicator "%" is not defined for category %', NEW.indicator, p.category
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Plan %s ranks category %s, whose indicators are: %s.', p.code, p.category,
                            coalesce((SELECT string_agg(d.key, ', ' ORDER BY d.key) FROM frontrunner.indicator_def d
                                      WHERE d.category = p.category), 'none')),
            HINT = 'Core indicators are keys of indicator_def for the plan''s category.',
            TABLE = 'plan_indicator', COLUMN = 'indicator';
  END IF;
  -- an absolute cutoff replaces the tier's fraction
  IF NEW.leader_cutoff IS NOT NULL THEN NEW.leader_fraction := NULL; END IF;
  IF NEW.advanced_cutoff IS NOT NULL THEN NEW.advanced_fraction := NULL; END IF;
  IF NEW.baseline_cutoff IS NOT NULL THEN NEW.baseline_fraction := NULL; END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_indicator_before_write() IS
  'trigger: core indicators change only while the plan is a draft (rule 7, FR007); the indicator must be defined for the plan''s category (23503); an absolute cutoff sets the tier''s fraction to NULL';
CREATE TRIGGER plan_indicator_10_write BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.plan_indicator
  FOR EACH ROW EXECUTE FUNCTION @extschema@.plan_indicator_before_write();
CREATE TRIGGER plan_indicator_30_truncate BEFORE TRUNCATE ON @extschema@.plan_indicator
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007', 'rule 7 (immutability)', 'evaluation plans or published ranking lists',
    'Delete draft plans with DELETE; published plans are closed and published lists stay.');

-- published ranking lists ---------------------------------------------------------
CREATE TABLE @extschema@.ranking (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan         bigint NOT NULL REFERENCES @extschema@.evaluation_plan (id),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by name NOT NULL DEFAULT current_user,
  eligible     bigint NOT NULL,
  ineligible   bigint NOT NULL
);
COMMENT ON TABLE @extschema@.ranking IS
  'published ranking lists (排行榜) of a plan, written by publish_ranking(); immutable (rule 7) — the latest per plan is the current one';
COMMENT ON COLUMN @extschema@.ranking.id IS 'identity, assigned by the database (returned by publish_ranking())';
COMMENT ON COLUMN @extschema@.ranking.plan IS 'the evaluation plan ranked';
COMMENT ON COLUMN @extschema@.ranking.published_at IS 'database clock at publication';
COMMENT ON COLUMN @extschema@.ranking.published_by IS 'current_user who published it';
COMMENT ON COLUMN @extschema@.ranking.eligible IS 'number of eligible disclosures ranked';
COMMENT ON COLUMN @extschema@.ranking.ineligible IS 'number of disclosures of the category left out (see eligibility())';
CREATE INDEX ranking_plan_idx ON @extschema@.ranking (plan, id);

CREATE TABLE @extschema@.ranking_entry (
  ranking       bigint NOT NULL REFERENCES @extschema@.ranking (id),
  rank          int NOT NULL CONSTRAINT ranking_entry_rank_check CHECK (rank >= 1),
  disclosure    bigint NOT NULL REFERENCES @extschema@.disclosure (id),
  enterprise    @extschema@.uscc NOT NULL,
  tier          @extschema@.tier NOT NULL,
  score         numeric NOT NULL CONSTRAINT ranking_entry_score_check CHECK (score >= 0 AND score <= 100),
  levels        jsonb NOT NULL,
  revoked_at    timestamptz,
  revoke_reason text,
  PRIMARY KEY (ranking, disclosure),
  CONSTRAINT ranking_entry_rank_key UNIQUE (ranking, rank),
  CONSTRAINT ranking_entry_revoke_check CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL)),
  CONSTRAINT ranking_entry_revoke_reason_check CHECK (btrim(revoke_reason) <> '')
);
COMMENT ON TABLE @extschema@.ranking_entry IS
  'the entries of a published ranking list, as rank_plan() computed them at publication; immutable except revocation (rule 6)';
COMMENT ON COLUMN @extschema@.ranking_entry.ranking IS 'the published list';
COMMENT ON COLUMN @extschema@.ranking_entry.rank IS '1-based position in the list';
COMMENT ON COLUMN @extschema@.ranking_entry.disclosure IS 'the disclosure ranked';
COMMENT ON COLUMN @extschema@.ranking_entry.enterprise IS 'its enterprise';
COMMENT ON COLUMN @extschema@.ranking_entry.tier IS 'tier at publication (after the leader cap)';
COMMENT ON COLUMN @extschema@.ranking_entry.score IS 'score 0-100 (weighted mid-rank standings)';
COMMENT ON COLUMN @extschema@.ranking_entry.levels IS 'per core indicator: level, unit, tier reached, standing (as rank_plan())';
COMMENT ON COLUMN @extschema@.ranking_entry.revoked_at IS 'set by the database when a failing spot check revokes a leader (rule 6), or by a regulator''s UPDATE with a reason';
COMMENT ON COLUMN @extschema@.ranking_entry.revoke_reason IS 'why the entry was revoked';
CREATE INDEX ranking_entry_disclosure_idx ON @extschema@.ranking_entry (disclosure);

CREATE FUNCTION @extschema@.ranking_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'rule 7 (immutability): published ranking % cannot be changed', OLD.id
    USING ERRCODE = 'FR007',
          DETAIL = format('%s of ranking %s (plan %s, published %s) refused.', TG_OP, OLD.id, OLD.plan, OLD.published_at),
          HINT = 'Publish a new ranking with publish_ranking(plan_code); the latest one is current.',
          TABLE = 'ranking';
END
$$;
COMMENT ON FUNCTION @extschema@.ranking_guard() IS 'trigger: UPDATE and DELETE of a published ranking refused (rule 7)';
CREATE TRIGGER ranking_10_guard BEFORE UPDATE OR DELETE ON @extschema@.ranking
  FOR EACH ROW EXECUTE FUNCTION @extschema@.ranking_guard();
CREATE TRIGGER ranking_30_truncate BEFORE TRUNCATE ON @extschema@.ranking
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007', 'rule 7 (immutability)', 'evaluation plans or published ranking lists',
    'Delete draft plans with DELETE; published plans are closed and published lists stay.');

CREATE FUNCTION @extschema@.ranking_entry_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.revoked_at IS NULL AND NEW.revoke_reason IS NOT NULL
     AND (pg_catalog.to_jsonb(NEW) - '{revoked_at,revoke_reason}'::text[])
         = (pg_catalog.to_jsonb(OLD) - '{revoked_at,revoke_reason}'::text[]) THEN
    IF btrim(NEW.revoke_reason) = '' THEN
      RAISE EXCEPTION 'rule 7 (immutability): revoking entry % of ranking % needs a reason', OLD.disclosure, OLD.ranking
        USING ERRCODE = 'FR007',
              DETAIL = format('Ranking %s, disclosure %s: revoke_reason is empty.', OLD.ranking, OLD.disclosure),
              HINT = 'Set revoke_reason in the same UPDATE.',
              TABLE = 'ranking_entry', COLUMN = 'revoke_reason';
    END IF;
    NEW.revoked_at := now();
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'rule 7 (immutability): entry % of published ranking % cannot be changed', OLD.disclosure, OLD.ranking
    USING ERRCODE = 'FR007',
          DETAIL = format('%s of ranking %s, disclosure %s (rank %s, %s)%s refused.', TG_OP, OLD.ranking, OLD.disclosure,
                          OLD.rank, OLD.tier, CASE WHEN OLD.revoked_at IS NOT NULL THEN ', revoked ' || OLD.revoked_at ELSE '' END),
          HINT = 'Published lists only change by revocation (UPDATE … SET revoke_reason = ''…'' on an entry not yet revoked); publish a new ranking otherwise.',
          TABLE = 'ranking_entry';
END
$$;
COMMENT ON FUNCTION @extschema@.ranking_entry_guard() IS
  'trigger: a published entry changes only by revocation — revoke_reason set once (revoked_at stamped by the database); anything else refused (rule 7, FR007)';
CREATE TRIGGER ranking_entry_10_guard BEFORE UPDATE OR DELETE ON @extschema@.ranking_entry
  FOR EACH ROW EXECUTE FUNCTION @extschema@.ranking_entry_guard();
CREATE TRIGGER ranking_entry_30_truncate BEFORE TRUNCATE ON @extschema@.ranking_entry
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007', 'rule 7 (immutability)', 'evaluation plans or published ranking lists',
    'Delete draft plans with DELETE; published plans are closed and published lists stay.');
-- Tier ranking (api.md §5): eligibility, the live ranking of a plan, the
-- per-indicator ranking lists, publication of a list, revocation of a
-- leader by a failing spot check (rule 6), and the public views.
--
-- The per-indicator cutoffs and standings come from the C aggregate
-- level_stats() (55_levelset.sql).  rank_plan() and indicator_lists()
-- run one query generated for the plan by ranking_query(): one column per
-- core indicator, so each eligible disclosure is one row from the join to
-- the statistics to the order — no per-indicator regrouping.

-- plan lookup -----------------------------------------------------------------------
CREATE FUNCTION @extschema@.plan_id(plan_code text) RETURNS bigint
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  pid bigint;
BEGIN
  SELECT e.id INTO pid FROM frontrunner.evaluation_plan e WHERE e.code = plan_code;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no evaluation plan "%"', plan_code
      USING ERRCODE = 'P0002',
            DETAIL = format('evaluation_plan.code = %L; plans: %s.', plan_code,
                            coalesce((SELECT string_agg(e.code, ', ' ORDER BY e.code)
                                      FROM (SELECT e.code FROM frontrunner.evaluation_plan e ORDER BY e.code LIMIT 10) e), 'none')),
            HINT = 'Give the code of an evaluation plan.';
  END IF;
  RETURN pid;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_id(text) IS
  'id of the evaluation plan with this code; raises P0002 naming the known plans when there is none';

-- uninformative indicators ----------------------------------------------------------
CREATE FUNCTION @extschema@.levelset_noted(s @extschema@.levelset, plan_code text, indicator text, unit text)
RETURNS @extschema@.levelset
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF s IS NOT NULL AND frontrunner.level_count(s) > 1 AND frontrunner.level_distinct(s) = 1 THEN
    RAISE NOTICE 'indicator "%" of plan % is uninformative: all % eligible disclosures have the same level % %',
                 indicator, plan_code, frontrunner.level_count(s),
                 (SELECT l.level FROM frontrunner.levels(s) l LIMIT 1), unit
      USING DETAIL = 'Every eligible disclosure reaches every fraction cutoff of this indicator and stands at 0.5; it does not separate them.',
            HINT = 'Choose a core indicator on which the disclosures differ, or an absolute cutoff.';
  END IF;
  RETURN s;
END
$$;
COMMENT ON FUNCTION @extschema@.levelset_noted(@extschema@.levelset, text, text, text) IS
  'returns the levelset unchanged; raises a NOTICE when every eligible disclosure has the same level on the indicator (uninformative, §5)';

-- the generated ranking query ---------------------------------------------------------
CREATE FUNCTION @extschema@.ranking_query(plan_id bigint, output text DEFAULT 'rows') RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  r record;
  k int := 0;
  sel text := '';
  keys text := '';
  levels_present text := '';
  stats text := '';
  cuts text := '';
  outcols text := '';
  tcols text := '';
  leaders text := '';
  cutvals text := '';
  wscale int;
  wint boolean;
  wtot numeric;
  wk text;
  kleaders text := '';
  kcols text := '';
  better text;
  reach_l text;
  reach_a text;
  reach_b text;
  tk text;
  pk text;
BEGIN
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.id = plan_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no evaluation plan with id %', plan_id
      USING ERRCODE = 'P0002', DETAIL = format('evaluation_plan.id = %s.', plan_id),
            HINT = 'See table evaluation_plan.';
  END IF;
  IF output NOT IN ('rows', 'cutoffs') THEN
    RAISE EXCEPTION 'ranking_query: unknown output "%"', output
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = format('output = %L.', output),
            HINT = 'Give ''rows'' (one row per eligible disclosure) or ''cutoffs'' (one row per core indicator).';
  END IF;
  PERFORM frontrunner.plan_publication_check(plan_id);
  -- the score's numerator, Σ weight·place, is exact: in bigint when the
  -- weights are integers after scaling by 10^wscale and their sum is small
  -- enough that Σ weight·2n fits (n < 4.6e9), else in numeric
  SELECT max(scale(trim_scale(c.weight))) INTO wscale FROM frontrunner.plan_core_indicators(plan_id) c;
  SELECT trim_scale(sum(c.weight * 10::numeric ^ wscale)) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  wint := wscale <= 6 AND wtot <= 1000000000;
  IF NOT coalesce(wint, false) THEN
    wscale := 0;
    SELECT sum(c.weight) INTO wtot FROM frontrunner.plan_core_indicators(plan_id) c;
  END IF;

  FOR r IN SELECT c.*, c.unit AS u FROM frontrunner.plan_core_indicators(plan_id) c LOOP
    k := r.k;
    -- better-or-equal comparison of levels in this direction
    better := CASE WHEN r.direction = 'higher_better' THEN '>=' ELSE '<=' END;
    -- one pass over the disclosed indicators, grouped by disclosure: the
    -- level of each core indicator (NULL when missing or in another
    -- dimension) and, for absolute cutoffs, whether the requirement reaches them
    sel := sel || format(', min(frontrunner.comparable_level(i.requirement, %2$L::frontrunner.direction, %3$L)) FILTER (WHERE i.indicator = %4$L) AS l%1$s',
                         k, r.direction, r.u, r.indicator);
    IF r.leader_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(i.requirement OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rl%1$s', k, r.leader_cutoff, r.indicator);
    END IF;
    IF r.advanced_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(i.requirement OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS ra%1$s', k, r.advanced_cutoff, r.indicator);
    END IF;
    IF r.baseline_cutoff IS NOT NULL THEN
      sel := sel || format(', bool_and(i.requirement OPERATOR(frontrunner.<@) %2$L::frontrunner.indicator) FILTER (WHERE i.indicator = %3$L) AS rb%1$s', k, r.baseline_cutoff, r.indicator);
    END IF;
    keys := keys || CASE WHEN k > 1 THEN ', ' ELSE '' END || quote_literal(r.indicator);
    levels_present := levels_present || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('b.l%s IS NOT NULL', k);
    stats := stats || format(', frontrunner.levelset_noted(frontrunner.level_stats(b.l%1$s, %2$L::frontrunner.direction), %3$L, %4$L, %5$L) AS s%1$s',
                             k, r.direction, p.code, r.indicator, r.u);
    -- cutoffs: absolute (<@), best in market (the best level), or a fraction
    reach_l := CASE
      WHEN r.leader_cutoff IS NOT NULL THEN format('b.rl%s', k)
      WHEN p.style = 'best_in_market' THEN format('b.l%1$s = c.best%1$s', k)
      ELSE format('b.l%1$s %2$s c.lc%1$s', k, better) END;
    reach_a := CASE
      WHEN r.advanced_cutoff IS NOT NULL THEN format('b.ra%s', k)
      ELSE format('b.l%1$s %2$s c.ac%1$s', k, better) END;
    reach_b := CASE
      WHEN r.baseline_cutoff IS NOT NULL THEN format('b.rb%s', k)
      ELSE format('b.l%1$s %2$s c.bc%1$s', k, better) END;
    -- the best level: the first of the levelset (stored trimmed)
    cuts := cuts || format(', s.s%1$s, (SELECT l.level FROM frontrunner.levels(s.s%1$s) l ORDER BY l.position LIMIT 1) AS best%1$s, frontrunner.level_cutoff(s.s%1$s, %2$s) AS lc%1$s, frontrunner.level_cutoff(s.s%1$s, %3$s) AS ac%1$s, frontrunner.level_cutoff(s.s%1$s, %4$s) AS bc%1$s',
                           k, coalesce(r.leader_fraction::text, 'NULL::numeric'),
                           coalesce(r.advanced_fraction::text, 'NULL::numeric'),
                           coalesce(r.baseline_fraction::text, 'NULL::numeric'));
    -- tier reached on indicator k (the best tier whose cutoff it reaches)
    tk := format('CASE WHEN %s THEN ''leader''::frontrunner.tier WHEN %s THEN ''advanced''::frontrunner.tier WHEN %s THEN ''baseline''::frontrunner.tier ELSE ''below''::frontrunner.tier END',
                 reach_l, reach_a, reach_b);
    -- standing = place / (2·(n - 1)): places are summed, one division per disclosure
    pk := format('frontrunner.level_place(c.s%1$s, b.l%1$s)', k);
    outcols := outcols || format(', b.l%1$s, %2$s AS t%1$s, %3$s AS p%1$s', k, tk, pk);
    tcols := tcols || format(', t.l%1$s, t.t%1$s, t.p%1$s', k);
    -- leader on indicator k (the first branch of tk); leader overall on all
    leaders := leaders || CASE WHEN k > 1 THEN ' AND ' ELSE '' END || format('(%s)', reach_l);
    -- cutoffs as readable requirements: the absolute cutoff, or the level with the direction's operator
    cutvals := cutvals || CASE WHEN k > 1 THEN ', ' ELSE '' END || format(
      '(%1$L, %2$L, c.n, frontrunner.level_distinct(c.s%3$s), c.best%3$s, %4$s, %5$s, %6$s)',
      r.indicator, r.u, k,
      CASE WHEN r.leader_cutoff IS NOT NULL THEN quote_literal(r.leader_cutoff::text)
           WHEN p.style = 'best_in_market' THEN format('%L || '' '' || c.best%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END)
           ELSE format('%L || '' '' || c.lc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.advanced_cutoff IS NOT NULL THEN quote_literal(r.advanced_cutoff::text)
           ELSE format('%L || '' '' || c.ac%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END,
      CASE WHEN r.baseline_cutoff IS NOT NULL THEN quote_literal(r.baseline_cutoff::text)
           ELSE format('%L || '' '' || c.bc%s || %L', CASE WHEN r.direction = 'target' THEN 'width ' ELSE '' END || CASE WHEN r.direction = 'higher_better' THEN '≥' ELSE '≤' END, k, CASE WHEN r.u = '' THEN '' ELSE ' ' || r.u END) END);
    wk := CASE WHEN wint THEN (r.weight * 10::numeric ^ wscale)::bigint::text
               ELSE format('%s::numeric', r.weight) END;
    kleaders := kleaders || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * %s', wk, pk);
    kcols := kcols || CASE WHEN k > 1 THEN ' + ' ELSE '' END || format('%s * t.p%s', wk, k);
  END LOOP;

  -- b: one row per candidate disclosure with its levels (one scan, one
  -- materialisation); s, c: the statistics and cutoffs, from one pass
  -- over b; then every row's tiers and places, the leader cap (the key at
  -- position leader_cap among the leaders: only leaders' places are
  -- computed for it) and the order.
  RETURN format($q$
WITH b AS MATERIALIZED (
  SELECT d.id, d.enterprise, en.name AS enterprise_name, d.standard, d.published_at, p.*
  FROM (SELECT i.disclosure%1$s
        FROM frontrunner.disclosed_indicator i
        WHERE i.indicator IN (%2$s)%10$s
        GROUP BY i.disclosure) p
  JOIN frontrunner.disclosure d ON d.id = p.disclosure
  JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) d.enterprise
  WHERE d.category = %3$L AND d.status = 'published' AND d.published_at <= %4$L::timestamptz
    AND NOT EXISTS (SELECT FROM frontrunner.spot_check x JOIN frontrunner.disclosure xd ON xd.id = x.disclosure
                    WHERE xd.enterprise OPERATOR(frontrunner.=) d.enterprise AND NOT x.conforms
                      AND %4$L::timestamptz >= x.sampled_on::timestamptz
                      AND %4$L::timestamptz < (x.sampled_on + %5$s)::timestamptz)
), s AS (
  SELECT count(*) AS n%7$s FROM b WHERE %6$s
), c AS (
  SELECT s.n%8$s FROM s
)
%9$s
$q$, sel, keys, p.category, p.deadline, p.exclusion_days, levels_present, stats, cuts,
     CASE output
       WHEN 'rows' THEN format($r$
SELECT (row_number() OVER (ORDER BY q.tier, q.key DESC, q.published_at, q.id))::int AS rank, q.*,
       CASE WHEN q.n = 1 THEN 100::numeric
            ELSE trim_scale(round(100 * q.key::numeric(1000, 20) / ((2 * (q.n - 1))::numeric * %2$s), 20)) END AS score
  -- (consumers ORDER BY the same keys as the window, so the rows are sorted once;
  -- the score is computed after the sort, from the exact key, to 20 decimals
  -- like the standings)
FROM (
  -- the sort keys first: the sort compares them without walking the
  -- variable-width columns
  SELECT CASE WHEN t.tier0 = 'leader'::frontrunner.tier AND t.key < (
                SELECT %1$s
                FROM b CROSS JOIN c
                WHERE %3$s AND %4$s
                ORDER BY 1 DESC OFFSET %5$s LIMIT 1)
              THEN 'advanced'::frontrunner.tier ELSE t.tier0 END AS tier,
         t.key, t.published_at, t.id, t.tier0, t.n, t.enterprise, t.enterprise_name, t.standard%9$s
  FROM (
    SELECT t.*, GREATEST(%7$s) AS tier0, %8$s AS key
    FROM (
      SELECT b.id, b.enterprise, b.enterprise_name, b.standard, b.published_at%6$s, c.n
      FROM b CROSS JOIN c
      WHERE %3$s
      OFFSET 0
    ) t
  ) t
) q
$r$, kleaders, wtot, levels_present, leaders, p.leader_cap - 1, outcols,
     (SELECT string_agg(format('t.t%s', i), ', ') FROM generate_series(1, k) i), kcols, tcols)
       WHEN 'cutoffs' THEN format('SELECT v.* FROM c CROSS JOIN LATERAL (VALUES %s) v(indicator, unit, eligible, distinct_levels, best, leader_cutoff, advanced_cutoff, baseline_cutoff)', cutvals)
     END,
     -- the grouped pass reads the disclosed indicators with the plan's keys;
     -- when another category also has one of these keys, it first keeps
     -- only the candidate disclosures' rows (the join to d below filters
     -- them in any case, so this only saves grouping rows of no use)
     CASE WHEN EXISTS (SELECT FROM frontrunner.indicator_def f
                       WHERE f.category <> p.category
                         AND f.key IN (SELECT c.indicator FROM frontrunner.plan_core_indicators(plan_id) c))
          THEN format($x$
          AND i.disclosure IN (SELECT x.id FROM frontrunner.disclosure x
                               WHERE x.category = %1$L AND x.status = 'published' AND x.published_at <= %2$L::timestamptz)$x$,
                      p.category, p.deadline)
          ELSE '' END);
END
$$;
COMMENT ON FUNCTION @extschema@.ranking_query(bigint, text) IS
  'the SQL text rank_plan(), indicator_lists() and plan_cutoffs() run for a plan; output ''rows'': one row per eligible disclosure in rank order: rank, tier, key (the exact Σ weight·place the order and the cap compare), published_at, id, tier0 (before the cap), n, enterprise, enterprise_name, standard, per core indicator k (in key order) level lk, tier tk and place pk (level_place()), and score; ''cutoffs'': one row per core indicator; for inspection with EXPLAIN';

-- The functions that run the generated query set jit = off: its work is in
-- C functions (levels, levelsets, JSON), which JIT compilation does not
-- speed up, and compiling the query's expressions cost 2-3 s of a 20 s
-- ranking of a million disclosures (make bench).
CREATE FUNCTION @extschema@.plan_cutoffs(plan_code text)
RETURNS TABLE (indicator text, unit text, eligible bigint, distinct_levels int, best numeric,
               leader_cutoff text, advanced_cutoff text, baseline_cutoff text, informative boolean)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
BEGIN
  RETURN QUERY EXECUTE format('SELECT q.*, coalesce(q.distinct_levels > 1, false) FROM (%s) q ORDER BY 1',
                              frontrunner.ranking_query(frontrunner.plan_id(plan_code), 'cutoffs'));
END
$$;
COMMENT ON FUNCTION @extschema@.plan_cutoffs(text) IS
  'how a plan cuts its tiers today, per core indicator: eligible disclosures, distinct levels, the best level, the leader/advanced/baseline cutoffs as requirements (absolute as written; by fraction or best in market as "≤ level unit", "≥ level unit" or "width ≤ level" for target indicators), and whether the indicator separates the disclosures (informative = more than one distinct level)';

-- eligibility ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.eligibility(plan_code text)
RETURNS TABLE (disclosure bigint, eligible boolean, reason text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
BEGIN
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.id = frontrunner.plan_id(plan_code);
  RETURN QUERY
  WITH pi AS (
    SELECT c.indicator, c.direction, c.unit AS u FROM frontrunner.plan_core_indicators(p.id) c
  )
  SELECT d.id, r.reasons IS NULL, r.reasons
  FROM frontrunner.disclosure d
  CROSS JOIN LATERAL (
    SELECT string_agg(v.reason, '; ' ORDER BY v.ord) AS reasons FROM (
      SELECT 1 AS ord, CASE WHEN d.status <> 'published' THEN 'status ' || d.status END AS reason
      UNION ALL
      SELECT 2, CASE WHEN d.published_at > p.deadline
                     THEN format('published %s, after the deadline %s', d.published_at, p.deadline) END
      UNION ALL
      SELECT 3, 'core indicator(s) not disclosed: ' || string_agg(pi.indicator, ', ' ORDER BY pi.indicator)
      FROM pi
      WHERE NOT EXISTS (SELECT FROM frontrunner.disclosed_indicator di
                        WHERE di.disclosure = d.id AND di.indicator = pi.indicator)
      HAVING count(*) > 0
      UNION ALL
      SELECT 4, string_agg(format('%s: %s has no level in %s (%s)', pi.indicator, di.requirement,
                                  quote_literal(pi.u), pi.direction), ', ' ORDER BY pi.indicator)
      FROM pi JOIN frontrunner.disclosed_indicator di ON di.disclosure = d.id AND di.indicator = pi.indicator
      WHERE pi.u IS NOT NULL
        AND (NOT frontrunner.unit_commensurable(coalesce(frontrunner.unit(di.requirement), pi.u), pi.u)
             OR frontrunner.level(di.requirement, pi.direction, pi.u) IS NULL)
      HAVING count(*) > 0
      UNION ALL
      SELECT 5, (SELECT format('enterprise excluded: failing spot check %s of disclosure %s (%s) sampled on %s excludes it until %s',
                               x.id, x.disclosure, x.indicator, x.sampled_on, x.sampled_on + p.exclusion_days)
                 FROM frontrunner.spot_check x JOIN frontrunner.disclosure xd ON xd.id = x.disclosure
                 WHERE xd.enterprise OPERATOR(frontrunner.=) d.enterprise AND NOT x.conforms
                   AND p.deadline >= x.sampled_on::timestamptz
                   AND p.deadline < (x.sampled_on + p.exclusion_days)::timestamptz
                 ORDER BY x.sampled_on DESC, x.id DESC LIMIT 1)
    ) v
  ) r
  WHERE d.category = p.category
  ORDER BY d.id;
END
$$;
COMMENT ON FUNCTION @extschema@.eligibility(text) IS
  '§5 step 1 for every disclosure of the plan''s category: eligible, or why not (status, published after the deadline, core indicators not disclosed, no level in the plan''s unit/direction, enterprise excluded by a failing spot check — rule 6); reasons joined by "; "';

-- levels_json (src/ranking.c) ---------------------------------------------------------------
CREATE FUNCTION @extschema@.levels_json(keys text[], units text[], levels numeric[],
                                        tiers @extschema@.tier[], places bigint[], n bigint)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'fr_levels_json' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.levels_json(text[], text[], numeric[], @extschema@.tier[], bigint[], bigint) IS
  'the levels column of rank_plan(): {key: {"level", "unit", "tier", "standing"}} per core indicator, the standing place / (2·(n - 1)) (level_place(); 1 when n = 1) without trailing zeros; the arrays must have the same length, n >= 1 and 0 <= place <= 2·(n - 1) (22023)';

-- rank_plan -------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.rank_plan(plan_code text)
RETURNS TABLE (rank int, disclosure bigint, enterprise @extschema@.uscc, enterprise_name text,
               standard @extschema@.stdcode, tier @extschema@.tier, score numeric, levels jsonb)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
  pid bigint := frontrunner.plan_id(plan_code);
  core text := frontrunner.ranking_query(pid);
  keys_a text[];
  units_a text[];
  lcols text;
  tcols text;
  pcols text;
BEGIN
  SELECT array_agg(c.indicator ORDER BY c.k), array_agg(c.unit ORDER BY c.k),
         string_agg(format('f.l%s', c.k), ', ' ORDER BY c.k),
         string_agg(format('f.t%s', c.k), ', ' ORDER BY c.k),
         string_agg(format('f.p%s', c.k), ', ' ORDER BY c.k)
  INTO keys_a, units_a, lcols, tcols, pcols
  FROM frontrunner.plan_core_indicators(pid) c;
  RETURN QUERY EXECUTE format($q$
SELECT f.rank, f.id, f.enterprise, f.enterprise_name, f.standard, f.tier, f.score,
       frontrunner.levels_json(%2$L::text[], %3$L::text[], ARRAY[%4$s], ARRAY[%5$s], ARRAY[%6$s], f.n)
FROM (%1$s) f
ORDER BY f.tier, f.key DESC, f.published_at, f.id
$q$, core, keys_a, units_a, lcols, tcols, pcols);
END
$$;
COMMENT ON FUNCTION @extschema@.rank_plan(text) IS
  '§5, computed live: the eligible disclosures of the plan in order (tier, score descending, published_at, id) with rank, tier after the leader cap, score 0-100 and per core indicator {level, unit, tier, standing} in levels';

-- indicator_lists -------------------------------------------------------------------------
CREATE FUNCTION @extschema@.indicator_lists(plan_code text)
RETURNS TABLE (indicator text, tier @extschema@.tier, disclosure bigint, level numeric, unit text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
  pid bigint := frontrunner.plan_id(plan_code);
  vals text;
BEGIN
  SELECT string_agg(format('(%1$L, q.t%2$s, q.l%2$s, %3$L)', c.indicator, c.k, c.unit), ', ' ORDER BY c.k)
  INTO vals
  FROM frontrunner.plan_core_indicators(pid) c;
  RETURN QUERY EXECUTE format($q$
SELECT v.indicator, v.tier, q.id, v.level, v.unit
FROM (%1$s) q
CROSS JOIN LATERAL (VALUES %2$s) v(indicator, tier, level, unit)
ORDER BY v.indicator, v.tier, q.id
$q$, frontrunner.ranking_query(pid), vals);
END
$$;
COMMENT ON FUNCTION @extschema@.indicator_lists(text) IS
  'the per-indicator ranking lists (排行榜) of a plan, computed live: for each core indicator the eligible disclosures in tiers (档) by that indicator alone, with the level in the plan''s unit; within a tier by disclosure id';

-- publication -------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.publish_ranking(plan_code text) RETURNS bigint
LANGUAGE plpgsql STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  rid bigint;
  published bigint;
BEGIN
  -- SECURITY DEFINER (90_security.sql): the caller must own the plan
  PERFORM frontrunner.ranking_publisher_check(plan_code);
  -- the row lock serialises publications of one plan and its closing
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.id = frontrunner.plan_id(plan_code) FOR UPDATE;
  IF p.status <> 'published' THEN
    RAISE EXCEPTION 'rule 7 (plan workflow): plan % is %; only a published plan''s ranking is published', p.code, p.status
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (id %s) has status %s.', p.code, p.id, p.status),
            HINT = CASE p.status WHEN 'draft' THEN 'Submit the plan for review and publish it first (UPDATE evaluation_plan SET status = ''under_review'', then ''published'').'
                                 WHEN 'under_review' THEN 'Publish the plan first, once its review is complete (UPDATE evaluation_plan SET status = ''published'').'
                                 ELSE 'A closed plan gets no new ranking.' END,
            TABLE = 'evaluation_plan', COLUMN = 'status';
  END IF;
  SELECT count(*) INTO published FROM frontrunner.disclosure d
  WHERE d.category = p.category AND d.status = 'published';
  WITH q AS MATERIALIZED (
    SELECT * FROM frontrunner.rank_plan(p.code)
  ), head AS (
    INSERT INTO frontrunner.ranking (plan, eligible, ineligible)
    SELECT p.id, count(*), greatest(published - count(*), 0) FROM q
    RETURNING id
  )
  INSERT INTO frontrunner.ranking_entry (ranking, rank, disclosure, enterprise, tier, score, levels)
  SELECT head.id, q.rank, q.disclosure, q.enterprise, q.tier, q.score, q.levels
  FROM q CROSS JOIN head;
  SELECT max(r.id) INTO rid FROM frontrunner.ranking r WHERE r.plan = p.id;
  RETURN rid;
END
$$;
COMMENT ON FUNCTION @extschema@.publish_ranking(text) IS
  'stores the current rank_plan() of a published plan as an immutable ranking list and returns its id (FR007 when the plan is a draft or closed)';

-- rule 6: a failing spot check revokes the disclosure's current leader entries ---------------
CREATE FUNCTION @extschema@.spot_check_revoke() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  req text;
BEGIN
  SELECT i.requirement::text INTO req FROM frontrunner.disclosed_indicator i
  WHERE i.disclosure = NEW.disclosure AND i.indicator = NEW.indicator;
  UPDATE frontrunner.ranking_entry re
  SET revoke_reason = format('failing spot check %s sampled on %s: %s measured %s, disclosed %s (GB/T 8170, %s)',
                             NEW.id, NEW.sampled_on, NEW.indicator, NEW.measured, req, NEW.method)
  FROM frontrunner.ranking r
  JOIN frontrunner.evaluation_plan p ON p.id = r.plan
  WHERE re.ranking = r.id
    AND re.disclosure = NEW.disclosure
    AND re.tier = 'leader'
    AND re.revoked_at IS NULL
    AND p.status = 'published'
    AND r.id = (SELECT max(r2.id) FROM frontrunner.ranking r2 WHERE r2.plan = r.plan);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.spot_check_revoke() IS
  'trigger: rule 6 — a failing spot check revokes the leader entries of its disclosure in the current (latest) list of every published plan; the rest of the list is unchanged';
CREATE TRIGGER spot_check_20_revoke AFTER INSERT OR UPDATE OF conforms, measured, method ON @extschema@.spot_check
  FOR EACH ROW WHEN (NOT NEW.conforms) EXECUTE FUNCTION @extschema@.spot_check_revoke();

-- views --------------------------------------------------------------------------------------
CREATE VIEW @extschema@.leaderboard AS
SELECT p.code AS plan, p.title AS plan_title, p.agency, p.category, r.id AS ranking,
       r.published_at, e.rank, e.tier::text AS tier, e.score, e.disclosure,
       e.enterprise::text AS enterprise, en.name AS enterprise_name, d.product,
       d.standard::text AS standard, e.revoked_at IS NOT NULL AS revoked, e.revoked_at, e.revoke_reason
FROM @extschema@.ranking r
JOIN @extschema@.evaluation_plan p ON p.id = r.plan
JOIN @extschema@.ranking_entry e ON e.ranking = r.id
JOIN @extschema@.disclosure d ON d.id = e.disclosure
JOIN @extschema@.enterprise en ON en.uscc OPERATOR(@extschema@.=) e.enterprise
WHERE r.id = (SELECT max(r2.id) FROM @extschema@.ranking r2 WHERE r2.plan = r.plan);
COMMENT ON VIEW @extschema@.leaderboard IS
  'the latest published ranking list of every plan, revoked entries marked (plain column types)';
COMMENT ON COLUMN @extschema@.leaderboard.plan IS 'plan code';
COMMENT ON COLUMN @extschema@.leaderboard.plan_title IS 'plan title';
COMMENT ON COLUMN @extschema@.leaderboard.agency IS 'evaluation agency';
COMMENT ON COLUMN @extschema@.leaderboard.category IS 'category ranked';
COMMENT ON COLUMN @extschema@.leaderboard.ranking IS 'id of the published list';
COMMENT ON COLUMN @extschema@.leaderboard.published_at IS 'when the list was published';
COMMENT ON COLUMN @extschema@.leaderboard.rank IS '1-based position';
COMMENT ON COLUMN @extschema@.leaderboard.tier IS 'leader, advanced, baseline or below (as published; see revoked)';
COMMENT ON COLUMN @extschema@.leaderboard.score IS 'score 0-100';
COMMENT ON COLUMN @extschema@.leaderboard.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.leaderboard.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.leaderboard.enterprise_name IS 'enterprise name';
COMMENT ON COLUMN @extschema@.leaderboard.product IS 'product';
COMMENT ON COLUMN @extschema@.leaderboard.standard IS 'standard the product executes';
COMMENT ON COLUMN @extschema@.leaderboard.revoked IS 'true when the entry was revoked';
COMMENT ON COLUMN @extschema@.leaderboard.revoked_at IS 'when it was revoked';
COMMENT ON COLUMN @extschema@.leaderboard.revoke_reason IS 'why it was revoked';

CREATE VIEW @extschema@.current_leaders AS
SELECT b.plan, b.plan_title, b.agency, b.category, b.ranking, b.published_at, b.rank, b.score,
       b.disclosure, b.enterprise, b.enterprise_name, b.product, b.standard
FROM @extschema@.leaderboard b
JOIN @extschema@.evaluation_plan p ON p.code = b.plan
WHERE b.tier = 'leader' AND NOT b.revoked AND p.status = 'published';
COMMENT ON VIEW @extschema@.current_leaders IS
  'the leaders (领跑者) of the latest list of every published (not closed) plan, revoked entries left out (plain column types)';
COMMENT ON COLUMN @extschema@.current_leaders.plan IS 'plan code';
COMMENT ON COLUMN @extschema@.current_leaders.plan_title IS 'plan title';
COMMENT ON COLUMN @extschema@.current_leaders.agency IS 'evaluation agency';
COMMENT ON COLUMN @extschema@.current_leaders.category IS 'category ranked';
COMMENT ON COLUMN @extschema@.current_leaders.ranking IS 'id of the published list';
COMMENT ON COLUMN @extschema@.current_leaders.published_at IS 'when the list was published';
COMMENT ON COLUMN @extschema@.current_leaders.rank IS '1-based position';
COMMENT ON COLUMN @extschema@.current_leaders.score IS 'score 0-100';
COMMENT ON COLUMN @extschema@.current_leaders.disclosure IS 'disclosure id';
COMMENT ON COLUMN @extschema@.current_leaders.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.current_leaders.enterprise_name IS 'enterprise name';
COMMENT ON COLUMN @extschema@.current_leaders.product IS 'product';
COMMENT ON COLUMN @extschema@.current_leaders.standard IS 'standard the product executes';

CREATE FUNCTION @extschema@.leaders_json(plan_code text) RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p frontrunner.evaluation_plan;
  rid bigint;
  out jsonb;
BEGIN
  SELECT * INTO p FROM frontrunner.evaluation_plan e WHERE e.id = frontrunner.plan_id(plan_code);
  SELECT max(r.id) INTO rid FROM frontrunner.ranking r WHERE r.plan = p.id;
  IF rid IS NULL THEN
    RAISE EXCEPTION 'plan % has no published ranking', p.code
      USING ERRCODE = 'P0002',
            DETAIL = format('Plan %s (status %s) has no row in ranking.', p.code, p.status),
            HINT = 'Publish one with publish_ranking(plan_code).';
  END IF;
  SELECT jsonb_build_object(
           'plan', jsonb_build_object('code', p.code, 'title', p.title, 'agency', p.agency,
                                      'category', p.category, 'category_name', c.name,
                                      'deadline', p.deadline, 'status', p.status),
           'ranking', jsonb_build_object('id', r.id, 'published_at', r.published_at,
                                         'eligible', r.eligible),
           'leaders', coalesce((
             SELECT jsonb_agg(jsonb_build_object(
                      'rank', e.rank, 'score', e.score,
                      'enterprise', jsonb_build_object('uscc', e.enterprise::text, 'name', en.name),
                      'disclosure', e.disclosure, 'product', d.product, 'standard', d.standard::text,
                      'levels', e.levels) ORDER BY e.rank)
             FROM frontrunner.ranking_entry e
             JOIN frontrunner.disclosure d ON d.id = e.disclosure
             JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) e.enterprise
             WHERE e.ranking = r.id AND e.tier = 'leader' AND e.revoked_at IS NULL), '[]'::jsonb),
           'revoked', coalesce((
             SELECT jsonb_agg(jsonb_build_object(
                      'rank', e.rank, 'enterprise', jsonb_build_object('uscc', e.enterprise::text, 'name', en.name),
                      'disclosure', e.disclosure, 'revoked_at', e.revoked_at, 'reason', e.revoke_reason)
                      ORDER BY e.rank)
             FROM frontrunner.ranking_entry e
             JOIN frontrunner.enterprise en ON en.uscc OPERATOR(frontrunner.=) e.enterprise
             WHERE e.ranking = r.id AND e.revoked_at IS NOT NULL), '[]'::jsonb))
  INTO out
  FROM frontrunner.ranking r JOIN frontrunner.category c ON c.code = p.category
  WHERE r.id = rid;
  RETURN out;
END
$$;
COMMENT ON FUNCTION @extschema@.leaders_json(text) IS
  'the leaders of the latest published list of a plan as JSON for e-commerce platforms and the public: {plan, ranking, leaders: [{rank, score, enterprise {uscc, name}, disclosure, product, standard, levels}], revoked: [...]}; P0002 when nothing is published';
-- Supervision and reporting (issue 8): expert review of evaluation plans,
-- social supervision (feedback from consumers, associations, enterprises or
-- anonymous reporters, decided by the regulator), spot-check requests that
-- follow substantiated reports, and the report views bureaus read with BI
-- tools (district_report, enterprise_record, category_report).
-- Row-level security and privileges of these objects are in
-- 90_security.sql.  Documentation: doc/supervision.md.

-- plan_review -------------------------------------------------------------------
CREATE TABLE @extschema@.plan_review (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan        bigint NOT NULL REFERENCES @extschema@.evaluation_plan (id),
  round       int NOT NULL,
  reviewer    text NOT NULL CONSTRAINT plan_review_reviewer_check CHECK (btrim(reviewer) <> ''),
  verdict     text NOT NULL CONSTRAINT plan_review_verdict_check CHECK (verdict IN ('approve', 'reject')),
  comments    text,
  reviewed_at timestamptz NOT NULL DEFAULT now(),
  recorded_by name NOT NULL DEFAULT current_user,
  CONSTRAINT plan_review_comments_check CHECK (verdict = 'approve' OR coalesce(btrim(comments), '') <> '')
);
COMMENT ON TABLE @extschema@.plan_review IS
  'expert reviews of evaluation plans (专家评审): one row per verdict, recorded by the regulator while the plan is under review; append-only. In a review round the latest verdict of each reviewer counts';
COMMENT ON COLUMN @extschema@.plan_review.id IS 'identity, assigned by the database (order of the verdicts)';
COMMENT ON COLUMN @extschema@.plan_review.plan IS 'the evaluation plan reviewed (must be under review)';
COMMENT ON COLUMN @extschema@.plan_review.round IS 'review round of the plan the verdict belongs to (set by the database from evaluation_plan.review_round)';
COMMENT ON COLUMN @extschema@.plan_review.reviewer IS 'name of the expert (the same spelling in later verdicts of the round replaces the earlier one)';
COMMENT ON COLUMN @extschema@.plan_review.verdict IS 'approve or reject';
COMMENT ON COLUMN @extschema@.plan_review.comments IS 'the reviewer''s comments (required for a reject)';
COMMENT ON COLUMN @extschema@.plan_review.reviewed_at IS 'database clock when the verdict was recorded; client values are ignored';
COMMENT ON COLUMN @extschema@.plan_review.recorded_by IS 'current_user who recorded the verdict (set by the database)';
CREATE INDEX plan_review_plan_idx ON @extschema@.plan_review (plan, round, reviewer, id);

CREATE FUNCTION @extschema@.plan_review_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'rule 7 (plan review): review % of plan % cannot be changed', OLD.id, OLD.plan
      USING ERRCODE = 'FR007',
            DETAIL = format('%s of the %s by %s (round %s, %s) refused.', TG_OP, OLD.verdict, OLD.reviewer, OLD.round, OLD.reviewed_at),
            HINT = 'Reviews are kept as recorded; a reviewer who changes their mind records a new verdict, which replaces the earlier one in the round.',
            TABLE = 'plan_review';
  END IF;
  -- the row lock orders the verdict with the plan's publication or return to draft
  SELECT e.id, e.code, e.status, e.review_round INTO p
  FROM frontrunner.evaluation_plan e WHERE e.id = NEW.plan
  FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no evaluation plan with id %', NEW.plan
      USING ERRCODE = 'P0002', DETAIL = format('plan_review.plan = %s.', NEW.plan),
            HINT = 'See table evaluation_plan.', TABLE = 'plan_review', COLUMN = 'plan';
  END IF;
  IF p.status <> 'under_review' THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % is not under review', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Plan %s (id %s) has status %s; verdict %s by %s refused.', p.code, p.id, p.status, NEW.verdict, NEW.reviewer),
            HINT = CASE p.status WHEN 'draft' THEN 'Submit the plan for review first (UPDATE evaluation_plan SET status = ''under_review'').'
                                 ELSE 'Reviews are recorded only while a plan is under review.' END,
            TABLE = 'plan_review', COLUMN = 'plan';
  END IF;
  NEW.round := p.review_round;
  NEW.reviewed_at := now();
  NEW.recorded_by := current_user;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_review_before_write() IS
  'trigger: a verdict is recorded only while its plan is under review (FR007), in the plan''s current round, stamped with the database clock and current_user; reviews are never updated or deleted (FR007)';
CREATE TRIGGER plan_review_10_write BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.plan_review
  FOR EACH ROW EXECUTE FUNCTION @extschema@.plan_review_before_write();
CREATE TRIGGER plan_review_30_truncate BEFORE TRUNCATE ON @extschema@.plan_review
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR007', 'rule 7 (immutability)', 'evaluation plans or published ranking lists',
    'Delete draft plans with DELETE; published plans are closed and published lists stay.');

CREATE FUNCTION @extschema@.plan_review_state(plan_id bigint)
RETURNS TABLE (reviewer text, verdict text, comments text, reviewed_at timestamptz)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT DISTINCT ON (r.reviewer) r.reviewer, r.verdict, r.comments, r.reviewed_at
  FROM frontrunner.plan_review r
  JOIN frontrunner.evaluation_plan e ON e.id = r.plan AND r.round = e.review_round
  WHERE r.plan = plan_id
  ORDER BY r.reviewer, r.id DESC
$$;
COMMENT ON FUNCTION @extschema@.plan_review_state(bigint) IS
  'the standing verdict of each reviewer of a plan in its current review round (their latest): approve, or reject (an open rejection)';

CREATE FUNCTION @extschema@.plan_review_check(plan_id bigint)
RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p record;
  approvals int;
  approvers text;
  rejects text;
BEGIN
  SELECT e.id, e.code, e.required_approvals, e.review_round INTO p
  FROM frontrunner.evaluation_plan e WHERE e.id = plan_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no evaluation plan with id %', plan_id
      USING ERRCODE = 'P0002', DETAIL = format('evaluation_plan.id = %s.', plan_id),
            HINT = 'See table evaluation_plan.';
  END IF;
  SELECT count(*) FILTER (WHERE s.verdict = 'approve'),
         string_agg(s.reviewer, ', ' ORDER BY s.reviewer) FILTER (WHERE s.verdict = 'approve'),
         string_agg(format('%s (%s: %s)', s.reviewer, s.reviewed_at, s.comments), '; ' ORDER BY s.reviewer) FILTER (WHERE s.verdict = 'reject')
    INTO approvals, approvers, rejects
  FROM frontrunner.plan_review_state(plan_id) s;
  IF rejects IS NOT NULL THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % has an open rejection', p.code
      USING ERRCODE = 'FR007',
            DETAIL = format('Round %s of plan %s: rejected by %s.', p.review_round, p.code, rejects),
            HINT = 'A rejection stays open until the same reviewer records an approve in this round, or the plan goes back to draft and is resubmitted (a new round).',
            TABLE = 'plan_review';
  END IF;
  IF approvals < p.required_approvals THEN
    RAISE EXCEPTION 'rule 7 (plan review): plan % has % of the % approvals it requires', p.code, approvals, p.required_approvals
      USING ERRCODE = 'FR007',
            DETAIL = format('Round %s of plan %s: approved by %s.', p.review_round, p.code, coalesce(approvers, 'nobody')),
            HINT = 'Record the approvals of further reviewers in plan_review (distinct reviewer names).',
            TABLE = 'plan_review';
  END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.plan_review_check(bigint) IS
  'publication condition of a reviewed plan: in its current round, no reviewer''s latest verdict is reject and at least required_approvals distinct reviewers'' latest verdict is approve; raises FR007 (or P0002)';

-- feedback (social supervision) -----------------------------------------------------
CREATE TABLE @extschema@.feedback (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reporter_kind     text NOT NULL
                    CONSTRAINT feedback_reporter_kind_check CHECK (reporter_kind IN ('consumer', 'association', 'enterprise', 'anonymous')),
  reporter          text,
  disclosure        bigint REFERENCES @extschema@.disclosure (id),
  enterprise        @extschema@.uscc REFERENCES @extschema@.enterprise (uscc),
  indicator         text,
  measured          @extschema@.indicator,
  measured_conforms boolean,
  body              text NOT NULL CONSTRAINT feedback_body_check CHECK (btrim(body) <> ''),
  status            text NOT NULL DEFAULT 'received'
                    CONSTRAINT feedback_status_check CHECK (status IN ('received', 'under_review', 'substantiated', 'unsubstantiated')),
  filed_by          name NOT NULL DEFAULT current_user,
  received_at       timestamptz NOT NULL DEFAULT now(),
  reviewed_at       timestamptz,
  decided_at        timestamptz,
  decided_by        name,
  decision_note     text,
  CONSTRAINT feedback_reporter_check CHECK ((reporter_kind = 'anonymous') = (reporter IS NULL)),
  CONSTRAINT feedback_reporter_blank_check CHECK (btrim(reporter) <> ''),
  CONSTRAINT feedback_subject_check CHECK (num_nonnulls(disclosure, enterprise) >= 1),
  CONSTRAINT feedback_measured_check CHECK (measured IS NULL OR indicator IS NOT NULL),
  CONSTRAINT feedback_decided_check CHECK ((status IN ('substantiated', 'unsubstantiated'))
                                           = (decided_at IS NOT NULL AND decided_by IS NOT NULL AND coalesce(btrim(decision_note), '') <> ''))
);
COMMENT ON TABLE @extschema@.feedback IS
  'social supervision (社会监督): reports by consumers, associations, enterprises or anonymous reporters about a disclosure or an enterprise; received → under_review → substantiated | unsubstantiated, moved only by the regulator; a report never changes a disclosure';
COMMENT ON COLUMN @extschema@.feedback.id IS 'identity, assigned by the database (the reporter''s reference number)';
COMMENT ON COLUMN @extschema@.feedback.reporter_kind IS 'consumer, association (business federation or consumer association), enterprise, or anonymous';
COMMENT ON COLUMN @extschema@.feedback.reporter IS 'who reports (name, organisation, contact); NULL exactly when anonymous';
COMMENT ON COLUMN @extschema@.feedback.disclosure IS 'the published (or since withdrawn or superseded) disclosure the report is about; NULL for a report about an enterprise only';
COMMENT ON COLUMN @extschema@.feedback.enterprise IS 'the enterprise the report is about; filled from the disclosure when not given (and must match it)';
COMMENT ON COLUMN @extschema@.feedback.indicator IS 'the indicator concerned (must be disclosed by the disclosure, when both are given)';
COMMENT ON COLUMN @extschema@.feedback.measured IS 'a value the reporter measured, when given (e.g. 25 mg/kg); commensurable with the disclosed requirement';
COMMENT ON COLUMN @extschema@.feedback.measured_conforms IS 'satisfies(measured, disclosed requirement), set by the database when both are known; a reporter''s measurement is a lead, not a spot check';
COMMENT ON COLUMN @extschema@.feedback.body IS 'what the reporter says (free text)';
COMMENT ON COLUMN @extschema@.feedback.status IS 'received (filed), under_review (the regulator looks into it), substantiated or unsubstantiated (decided, final)';
COMMENT ON COLUMN @extschema@.feedback.filed_by IS 'the login that filed the report (current_user, set by the database; a portal''s login for the public)';
COMMENT ON COLUMN @extschema@.feedback.received_at IS 'database clock at filing; client values are ignored';
COMMENT ON COLUMN @extschema@.feedback.reviewed_at IS 'database clock when the regulator took the report under review';
COMMENT ON COLUMN @extschema@.feedback.decided_at IS 'database clock of the decision';
COMMENT ON COLUMN @extschema@.feedback.decided_by IS 'current_user who decided (set by the database)';
COMMENT ON COLUMN @extschema@.feedback.decision_note IS 'the regulator''s reasons, required with the decision';
CREATE INDEX feedback_enterprise_idx ON @extschema@.feedback (enterprise, status);
CREATE INDEX feedback_disclosure_idx ON @extschema@.feedback (disclosure);
CREATE INDEX feedback_filed_by_idx ON @extschema@.feedback (filed_by);

-- what a reporter may know of the disclosure a report is about: published data only
CREATE FUNCTION @extschema@.feedback_subject(disclosure_id bigint, indicator_key text)
RETURNS TABLE (enterprise @extschema@.uscc, status text, requirement @extschema@.indicator, indicators text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT d.enterprise, d.status,
         (SELECT i.requirement FROM frontrunner.disclosed_indicator i
          WHERE i.disclosure = d.id AND i.indicator = indicator_key),
         (SELECT string_agg(i.indicator, ', ' ORDER BY i.indicator) FROM frontrunner.disclosed_indicator i
          WHERE i.disclosure = d.id)
  FROM frontrunner.disclosure d
  WHERE d.id = disclosure_id AND d.status <> 'draft'
$$;
COMMENT ON FUNCTION @extschema@.feedback_subject(bigint, text) IS
  'SECURITY DEFINER (the public role cannot read disclosure): for a disclosure that is not a draft, its enterprise, status, the disclosed requirement of one indicator and the list of disclosed indicators; no row for a draft or a missing id. Used by the feedback trigger';

CREATE FUNCTION @extschema@.feedback_error(msg text, detail text, hint text, col text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'feedback workflow: %', msg
    USING ERRCODE = 'FR008', DETAIL = detail, HINT = hint, COLUMN = coalesce(col, '');
END
$$;
COMMENT ON FUNCTION @extschema@.feedback_error(text, text, text, text) IS
  'raises FR008 (feedback workflow) with the message, DETAIL and HINT given; used by the feedback and spot_check_request triggers';

CREATE FUNCTION @extschema@.feedback_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  s record;
  verdict text;
  moving text[] := '{status,reviewed_at,decided_at,decided_by,decision_note}';
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM frontrunner.feedback_error(format('report %s cannot be deleted', OLD.id),
      format('Report %s (%s, status %s) refused: DELETE.', OLD.id, OLD.reporter_kind, OLD.status),
      'Reports are kept; the regulator decides them substantiated or unsubstantiated.', NULL);
  END IF;

  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'received' THEN
      PERFORM frontrunner.feedback_error('a report is filed with status received',
        format('Report filed with status %s.', NEW.status),
        'Leave status out: the regulator moves it to under_review and decides it.', 'status');
    END IF;
    IF NEW.decision_note IS NOT NULL OR NEW.decided_by IS NOT NULL THEN
      PERFORM frontrunner.feedback_error('a report is filed without a decision',
        format('decision_note = %L, decided_by = %L at filing.', NEW.decision_note, NEW.decided_by),
        'The regulator writes the decision when deciding the report.', 'decision_note');
    END IF;
    NEW.measured_conforms := NULL;
    IF NEW.disclosure IS NOT NULL THEN
      SELECT * INTO s FROM frontrunner.feedback_subject(NEW.disclosure, NEW.indicator);
      IF NOT FOUND THEN
        PERFORM frontrunner.feedback_error(format('no published disclosure %s', NEW.disclosure),
          format('Disclosure %s does not exist or is not published.', NEW.disclosure),
          'Reports are about disclosures on the public record (published, withdrawn or superseded), or about an enterprise (column enterprise).', 'disclosure');
      END IF;
      IF NEW.enterprise IS NULL THEN
        NEW.enterprise := s.enterprise;
      ELSIF NOT (NEW.enterprise OPERATOR(frontrunner.=) s.enterprise) THEN
        PERFORM frontrunner.feedback_error(format('disclosure %s is not a disclosure of enterprise %s', NEW.disclosure, NEW.enterprise),
          format('Disclosure %s belongs to enterprise %s; the report names enterprise %s.', NEW.disclosure, s.enterprise, NEW.enterprise),
          'Leave enterprise out when the report is about a disclosure: it is taken from the disclosure.', 'enterprise');
      END IF;
      IF NEW.indicator IS NOT NULL THEN
        IF s.requirement IS NULL THEN
          PERFORM frontrunner.feedback_error(format('disclosure %s does not disclose indicator "%s"', NEW.disclosure, NEW.indicator),
            format('Disclosed indicators of %s: %s.', NEW.disclosure, coalesce(s.indicators, 'none')),
            'Name one of the disclosed indicators, or leave indicator out.', 'indicator');
        END IF;
        IF NEW.measured IS NOT NULL THEN
          verdict := frontrunner.compare(NEW.measured, s.requirement);
          IF verdict = 'incomparable' THEN
            PERFORM frontrunner.feedback_error(format('measured value %s cannot be compared with the disclosed requirement %s', NEW.measured, s.requirement),
              format('Measured: %s; disclosed requirement of %s: %s (different dimensions).', NEW.measured, NEW.indicator, s.requirement),
              'Give the measured value in a unit of the same quantity as the requirement.', 'measured');
          END IF;
          NEW.measured_conforms := frontrunner.satisfies(NEW.measured, s.requirement);
        END IF;
      END IF;
    END IF;
    NEW.filed_by := current_user;
    NEW.received_at := now();
    NEW.reviewed_at := NULL;
    NEW.decided_at := NULL;
    RETURN NEW;
  END IF;

  -- UPDATE: the regulator moves the workflow; the report itself never changes
  IF NOT frontrunner.is_regulator() THEN
    RAISE EXCEPTION 'permission denied: only a regulator moves the feedback workflow'
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('Role %s updated report %s (status %s).', current_user, OLD.id, OLD.status),
            HINT = 'Reports are decided by members of frontrunner_regulator.', TABLE = 'feedback';
  END IF;
  IF (pg_catalog.to_jsonb(NEW) - moving) <> (pg_catalog.to_jsonb(OLD) - moving) THEN
    PERFORM frontrunner.feedback_error(format('the content of report %s cannot be changed', OLD.id),
      format('Report %s: UPDATE of %s refused.', OLD.id,
             (SELECT string_agg(n.k, ', ' ORDER BY n.k) FROM jsonb_each(pg_catalog.to_jsonb(NEW) - moving) n(k, v)
              WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k)),
      'A report stays as filed; only status and decision_note move.', NULL);
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;  -- a no-op UPDATE changes nothing
  END IF;
  NEW.reviewed_at := OLD.reviewed_at;
  NEW.decided_at := OLD.decided_at;
  NEW.decided_by := OLD.decided_by;
  IF OLD.status = 'received' AND NEW.status = 'under_review' AND NEW.decision_note IS NOT DISTINCT FROM OLD.decision_note THEN
    NEW.reviewed_at := now();
    RETURN NEW;
  END IF;
  IF OLD.status = 'under_review' AND NEW.status IN ('substantiated', 'unsubstantiated') THEN
    IF coalesce(btrim(NEW.decision_note), '') = '' THEN
      PERFORM frontrunner.feedback_error(format('deciding report %s needs a decision note', OLD.id),
        format('Report %s: %s → %s with decision_note %L.', OLD.id, OLD.status, NEW.status, NEW.decision_note),
        'Set decision_note (the reasons) in the same UPDATE.', 'decision_note');
    END IF;
    NEW.decided_at := now();
    NEW.decided_by := current_user;
    RETURN NEW;
  END IF;
  PERFORM frontrunner.feedback_error(format('report %s cannot go from %s to %s', OLD.id, OLD.status, NEW.status),
    format('Report %s: status %s → %s%s.', OLD.id, OLD.status, NEW.status,
           CASE WHEN NEW.decision_note IS DISTINCT FROM OLD.decision_note AND OLD.status = NEW.status
                THEN ', decision_note changed' ELSE '' END),
    CASE WHEN OLD.status IN ('substantiated', 'unsubstantiated')
         THEN 'A decided report is final; a new report can be filed.'
         ELSE 'The workflow is received → under_review → substantiated | unsubstantiated; decision_note is written with the decision.' END,
    'status');
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.feedback_before_write() IS
  'trigger: the feedback workflow — filed as received (subject checked: a non-draft disclosure, its enterprise, a disclosed indicator, a commensurable measured value; timestamps and filed_by set by the database); only a regulator moves it, received → under_review → substantiated | unsubstantiated (decision note required, decided_at/by stamped); the report''s content never changes; never deleted (FR008, 42501)';
CREATE TRIGGER feedback_10_write BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.feedback
  FOR EACH ROW EXECUTE FUNCTION @extschema@.feedback_before_write();
CREATE TRIGGER feedback_30_truncate BEFORE TRUNCATE ON @extschema@.feedback
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR008', 'feedback workflow', 'reports or the spot checks they requested',
    'Reports and requests are kept; they are decided or answered, never removed.');

-- spot_check_request ------------------------------------------------------------------
CREATE TABLE @extschema@.spot_check_request (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  feedback     bigint NOT NULL REFERENCES @extschema@.feedback (id),
  disclosure   bigint NOT NULL,
  indicator    text NOT NULL,
  note         text,
  requested_at timestamptz NOT NULL DEFAULT now(),
  requested_by name NOT NULL DEFAULT current_user,
  spot_check   bigint REFERENCES @extschema@.spot_check (id),
  done_at      timestamptz,
  CONSTRAINT spot_check_request_key UNIQUE (feedback, disclosure, indicator),
  CONSTRAINT spot_check_request_done_check CHECK ((spot_check IS NULL) = (done_at IS NULL)),
  FOREIGN KEY (disclosure, indicator) REFERENCES @extschema@.disclosed_indicator (disclosure, indicator)
);
COMMENT ON TABLE @extschema@.spot_check_request IS
  'spot checks requested on the strength of a substantiated report: the regulator''s work list; done when the spot check is recorded and linked';
COMMENT ON COLUMN @extschema@.spot_check_request.id IS 'identity, assigned by the database';
COMMENT ON COLUMN @extschema@.spot_check_request.feedback IS 'the substantiated report that asks for the check';
COMMENT ON COLUMN @extschema@.spot_check_request.disclosure IS 'the disclosure to check (default: the report''s; must belong to the report''s enterprise)';
COMMENT ON COLUMN @extschema@.spot_check_request.indicator IS 'the disclosed indicator to measure (default: the report''s)';
COMMENT ON COLUMN @extschema@.spot_check_request.note IS 'instructions for the inspectors';
COMMENT ON COLUMN @extschema@.spot_check_request.requested_at IS 'database clock of the request';
COMMENT ON COLUMN @extschema@.spot_check_request.requested_by IS 'current_user who requested it (set by the database)';
COMMENT ON COLUMN @extschema@.spot_check_request.spot_check IS 'the spot check that answers the request (same disclosure and indicator, sampled on or after the request); NULL while open';
COMMENT ON COLUMN @extschema@.spot_check_request.done_at IS 'database clock when the spot check was linked';
CREATE INDEX spot_check_request_open_idx ON @extschema@.spot_check_request (disclosure, indicator) WHERE spot_check IS NULL;

CREATE FUNCTION @extschema@.spot_check_request_before_write() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  f record;
  d record;
  c record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM frontrunner.feedback_error(format('spot check request %s cannot be deleted', OLD.id),
      format('Request %s (report %s, disclosure %s, %s) refused: DELETE.', OLD.id, OLD.feedback, OLD.disclosure, OLD.indicator),
      'Requests are kept; link the spot check that answers it (UPDATE … SET spot_check = id).', NULL);
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT x.id, x.status, x.disclosure, x.enterprise, x.indicator INTO f
    FROM frontrunner.feedback x WHERE x.id = NEW.feedback FOR SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no report with id %', NEW.feedback
        USING ERRCODE = 'P0002', DETAIL = format('spot_check_request.feedback = %s.', NEW.feedback),
              HINT = 'See table feedback.', TABLE = 'spot_check_request', COLUMN = 'feedback';
    END IF;
    IF f.status <> 'substantiated' THEN
      PERFORM frontrunner.feedback_error(format('report %s is not substantiated', f.id),
        format('Report %s has status %s.', f.id, f.status),
        'Only a substantiated report requests a spot check: decide it first.', 'feedback');
    END IF;
    NEW.disclosure := coalesce(NEW.disclosure, f.disclosure);
    NEW.indicator := coalesce(NEW.indicator, f.indicator);
    IF NEW.disclosure IS NULL OR NEW.indicator IS NULL THEN
      PERFORM frontrunner.feedback_error(format('the spot check requested on report %s needs a disclosure and an indicator', f.id),
        format('Report %s names disclosure %s and indicator %s; the request names %s and %s.', f.id,
               coalesce(f.disclosure::text, '-'), coalesce(f.indicator, '-'),
               coalesce(NEW.disclosure::text, '-'), coalesce(NEW.indicator, '-')),
        'Give disclosure and indicator in the request when the report does not name them.', 'disclosure');
    END IF;
    SELECT x.enterprise, x.status,
           (SELECT string_agg(i.indicator, ', ' ORDER BY i.indicator) FROM frontrunner.disclosed_indicator i WHERE i.disclosure = x.id) AS indicators,
           EXISTS (SELECT FROM frontrunner.disclosed_indicator i WHERE i.disclosure = x.id AND i.indicator = NEW.indicator) AS disclosed
      INTO d
    FROM frontrunner.disclosure x WHERE x.id = NEW.disclosure;
    IF NOT FOUND OR d.status = 'draft' OR NOT (d.enterprise OPERATOR(frontrunner.=) f.enterprise) THEN
      PERFORM frontrunner.feedback_error(format('disclosure %s is not a published disclosure of enterprise %s', NEW.disclosure, f.enterprise),
        format('Report %s is about enterprise %s; disclosure %s: %s.', f.id, f.enterprise, NEW.disclosure,
               CASE WHEN d.status IS NULL THEN 'no such disclosure'
                    ELSE format('enterprise %s, status %s', d.enterprise, d.status) END),
        'A spot check requested on a report checks a published disclosure of the enterprise reported.', 'disclosure');
    END IF;
    IF NOT d.disclosed THEN
      PERFORM frontrunner.feedback_error(format('disclosure %s does not disclose indicator "%s"', NEW.disclosure, NEW.indicator),
        format('Disclosed indicators of %s: %s.', NEW.disclosure, coalesce(d.indicators, 'none')),
        'A spot check measures a disclosed indicator.', 'indicator');
    END IF;
    IF NEW.spot_check IS NOT NULL THEN
      PERFORM frontrunner.feedback_error('a spot check request is entered open',
        format('spot_check = %s at INSERT.', NEW.spot_check),
        'Insert the request, then link the spot check with UPDATE … SET spot_check = id once it is recorded.', 'spot_check');
    END IF;
    NEW.requested_at := now();
    NEW.requested_by := current_user;
    NEW.done_at := NULL;
    RETURN NEW;
  END IF;

  -- UPDATE: only the link to the spot check that answers the request, once
  IF OLD.spot_check IS NULL AND NEW.spot_check IS NOT NULL
     AND (pg_catalog.to_jsonb(NEW) - '{spot_check,done_at}'::text[]) = (pg_catalog.to_jsonb(OLD) - '{spot_check,done_at}'::text[]) THEN
    SELECT x.id, x.disclosure, x.indicator, x.sampled_on INTO c FROM frontrunner.spot_check x WHERE x.id = NEW.spot_check;
    IF FOUND AND (c.disclosure <> OLD.disclosure OR c.indicator <> OLD.indicator OR c.sampled_on < OLD.requested_at::date) THEN
      PERFORM frontrunner.feedback_error(format('spot check %s does not answer request %s', c.id, OLD.id),
        format('Request %s: disclosure %s, %s, requested %s; spot check %s: disclosure %s, %s, sampled on %s.',
               OLD.id, OLD.disclosure, OLD.indicator, OLD.requested_at, c.id, c.disclosure, c.indicator, c.sampled_on),
        'Link a spot check of the requested disclosure and indicator, sampled on or after the request.', 'spot_check');
    END IF;
    NEW.done_at := now();
    RETURN NEW;
  END IF;
  IF pg_catalog.to_jsonb(NEW) = pg_catalog.to_jsonb(OLD) THEN
    RETURN NEW;
  END IF;
  PERFORM frontrunner.feedback_error(format('spot check request %s cannot be changed', OLD.id),
    format('Request %s (%s): UPDATE of %s refused.', OLD.id,
           CASE WHEN OLD.spot_check IS NULL THEN 'open' ELSE 'answered by spot check ' || OLD.spot_check END,
           (SELECT string_agg(n.k, ', ' ORDER BY n.k) FROM jsonb_each(pg_catalog.to_jsonb(NEW)) n(k, v)
            WHERE n.v IS DISTINCT FROM pg_catalog.to_jsonb(OLD) -> n.k)),
    'An open request only gets its spot check linked (UPDATE … SET spot_check = id); an answered request is final.', NULL);
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.spot_check_request_before_write() IS
  'trigger: a spot check is requested only on a substantiated report, for a published disclosure of the reported enterprise and a disclosed indicator (defaults: the report''s); the only change is linking, once, a spot check of that disclosure and indicator sampled on or after the request (done_at stamped); never deleted (FR008)';
CREATE TRIGGER spot_check_request_10_write BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.spot_check_request
  FOR EACH ROW EXECUTE FUNCTION @extschema@.spot_check_request_before_write();
CREATE TRIGGER spot_check_request_30_truncate BEFORE TRUNCATE ON @extschema@.spot_check_request
  FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.refuse_truncate('FR008', 'feedback workflow', 'reports or the spot checks they requested',
    'Reports and requests are kept; they are decided or answered, never removed.');

-- administrative divisions ----------------------------------------------------------------
CREATE FUNCTION @extschema@.division_name(code text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT v.name FROM (VALUES
    ('110101', '东城区'), ('110102', '西城区'), ('110105', '朝阳区'), ('110106', '丰台区'),
    ('110107', '石景山区'), ('110108', '海淀区'), ('110109', '门头沟区'), ('110111', '房山区'),
    ('110112', '通州区'), ('110113', '顺义区'), ('110114', '昌平区'), ('110115', '大兴区'),
    ('110116', '怀柔区'), ('110117', '平谷区'), ('110118', '密云区'), ('110119', '延庆区')
  ) v(code, name)
  WHERE v.code = $1
$$;
COMMENT ON FUNCTION @extschema@.division_name(text) IS
  'name of an administrative division (GB/T 2260) for the bundled codes — the 16 districts of Beijing (1101xx); NULL for any other code';

-- reports ------------------------------------------------------------------------------------
CREATE VIEW @extschema@.district_report AS
WITH ent AS (
  SELECT e.uscc, coalesce(e.region, @extschema@.uscc_region(e.uscc)) AS division
  FROM @extschema@.enterprise e
), cur AS (
  SELECT d.id, d.enterprise, d.category, d.standard FROM @extschema@.disclosure d WHERE d.status = 'published'
), floor_ind AS (
  -- a current disclosed indicator with an in-force mandatory requirement: stricter than all of them?
  SELECT di.disclosure, bool_and(@extschema@.compare(di.requirement, f.requirement) = 'stricter') AS stricter
  FROM cur
  JOIN @extschema@.disclosed_indicator di ON di.disclosure = cur.id
  JOIN @extschema@.requirement_in_force f ON f.category = cur.category AND f.indicator = di.indicator AND f.nature = 'mandatory'
  GROUP BY di.disclosure, di.indicator
), per_cur AS (
  SELECT cur.enterprise,
         count(*) AS disclosures,
         count(*) FILTER (WHERE @extschema@.std_kind(cur.standard) = 'enterprise') AS own_standard,
         count(*) FILTER (WHERE fl.disclosure IS NOT NULL) AS floor_compared,
         count(*) FILTER (WHERE fl.stricter) AS floor_stricter
  FROM cur
  LEFT JOIN (SELECT x.disclosure, bool_or(x.stricter) AS stricter FROM floor_ind x GROUP BY x.disclosure) fl
    ON fl.disclosure = cur.id
  GROUP BY cur.enterprise
), per_lead AS (
  SELECT e.enterprise,
         count(*) FILTER (WHERE e.revoked_at IS NULL) AS leaders,
         count(*) FILTER (WHERE e.revoked_at IS NOT NULL) AS revoked
  FROM @extschema@.ranking r
  JOIN @extschema@.evaluation_plan p ON p.id = r.plan AND p.status = 'published'
  JOIN @extschema@.ranking_entry e ON e.ranking = r.id AND e.tier = 'leader'
  WHERE r.id = (SELECT max(r2.id) FROM @extschema@.ranking r2 WHERE r2.plan = r.plan)
  GROUP BY e.enterprise
), per_check AS (
  SELECT d.enterprise, count(*) AS failing
  FROM @extschema@.spot_check c JOIN @extschema@.disclosure d ON d.id = c.disclosure
  WHERE NOT c.conforms
  GROUP BY d.enterprise
), per_feedback AS (
  SELECT f.enterprise, count(*) AS open
  FROM @extschema@.feedback f WHERE f.status IN ('received', 'under_review')
  GROUP BY f.enterprise
)
SELECT ent.division,
       @extschema@.division_name(ent.division) AS division_name,
       count(*) AS enterprises,
       coalesce(sum(pc.disclosures), 0)::bigint AS current_disclosures,
       coalesce(sum(pc.own_standard), 0)::bigint AS own_standard_disclosures,
       coalesce(sum(pc.floor_compared), 0)::bigint AS floor_compared,
       coalesce(sum(pc.floor_stricter), 0)::bigint AS stricter_than_floor,
       round(sum(pc.floor_stricter) / nullif(sum(pc.floor_compared), 0), 4) AS stricter_share,
       coalesce(sum(pl.leaders), 0)::bigint AS leaders,
       coalesce(sum(pl.revoked), 0)::bigint AS revoked_leaders,
       coalesce(sum(ck.failing), 0)::bigint AS failing_spot_checks,
       coalesce(sum(fb.open), 0)::bigint AS open_feedback
FROM ent
LEFT JOIN per_cur pc ON pc.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_lead pl ON pl.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_check ck ON ck.enterprise OPERATOR(@extschema@.=) ent.uscc
LEFT JOIN per_feedback fb ON fb.enterprise OPERATOR(@extschema@.=) ent.uscc
GROUP BY ent.division;
COMMENT ON VIEW @extschema@.district_report IS
  'district-level quality assessment: per administrative division (enterprise.region, else the USCC''s division code) the enterprises, current disclosures, own-standard disclosures, how many are stricter than the mandatory floor, current and revoked leaders, failing spot checks and open reports (plain column types)';
COMMENT ON COLUMN @extschema@.district_report.division IS 'administrative division code (GB/T 2260, 6 digits): enterprise.region, else positions 3-8 of the USCC';
COMMENT ON COLUMN @extschema@.district_report.division_name IS 'name of the division for the bundled codes (Beijing''s 16 districts), else NULL';
COMMENT ON COLUMN @extschema@.district_report.enterprises IS 'enterprises registered in the division (table enterprise)';
COMMENT ON COLUMN @extschema@.district_report.current_disclosures IS 'disclosures of those enterprises with status published (current: not withdrawn, not superseded)';
COMMENT ON COLUMN @extschema@.district_report.own_standard_disclosures IS 'current disclosures executing an enterprise standard of their own (std_kind = enterprise, Q/ numbers)';
COMMENT ON COLUMN @extschema@.district_report.floor_compared IS 'current disclosures with at least one disclosed indicator that an in-force mandatory standard also sets (the mandatory floor)';
COMMENT ON COLUMN @extschema@.district_report.stricter_than_floor IS 'of floor_compared, disclosures strictly stricter (compare() = stricter) than every in-force mandatory requirement of at least one such indicator, by any margin';
COMMENT ON COLUMN @extschema@.district_report.stricter_share IS 'stricter_than_floor / floor_compared, rounded to 4 decimals; NULL when floor_compared is 0';
COMMENT ON COLUMN @extschema@.district_report.leaders IS 'leader entries, not revoked, of the enterprises in the latest published list of every published (not closed) plan';
COMMENT ON COLUMN @extschema@.district_report.revoked_leaders IS 'leader entries of those lists that were revoked';
COMMENT ON COLUMN @extschema@.district_report.failing_spot_checks IS 'spot checks of the enterprises'' disclosures that did not conform (all time)';
COMMENT ON COLUMN @extschema@.district_report.open_feedback IS 'reports about the enterprises not decided yet (received or under_review)';

CREATE VIEW @extschema@.enterprise_record AS
SELECT en.uscc::text AS enterprise, en.name AS enterprise_name,
       coalesce(en.region, @extschema@.uscc_region(en.uscc)) AS division,
       extract(year FROM r.published_at)::int AS year,
       p.code AS plan, p.title AS plan_title, p.agency, p.category, p.status AS plan_status,
       r.id AS ranking, r.published_at, e.rank, e.score, e.disclosure, d.product,
       d.standard::text AS standard, d.status AS disclosure_status,
       CASE WHEN e.revoked_at IS NOT NULL THEN 'revoked'
            WHEN p.status = 'published' THEN 'current'
            ELSE 'expired' END AS designation,
       e.revoked_at, e.revoke_reason
FROM @extschema@.ranking r
JOIN @extschema@.evaluation_plan p ON p.id = r.plan
JOIN @extschema@.ranking_entry e ON e.ranking = r.id AND e.tier = 'leader'
JOIN @extschema@.disclosure d ON d.id = e.disclosure
JOIN @extschema@.enterprise en ON en.uscc OPERATOR(@extschema@.=) e.enterprise
WHERE r.id = (SELECT max(r2.id) FROM @extschema@.ranking r2 WHERE r2.plan = r.plan);
COMMENT ON VIEW @extschema@.enterprise_record IS
  'leader (领跑者) designations per enterprise, by year and plan, for quality awards, subsidy priority and government procurement lists: every leader entry of the latest published list of every plan, current, expired (plan closed) or revoked (plain column types)';
COMMENT ON COLUMN @extschema@.enterprise_record.enterprise IS 'USCC of the enterprise';
COMMENT ON COLUMN @extschema@.enterprise_record.enterprise_name IS 'enterprise name';
COMMENT ON COLUMN @extschema@.enterprise_record.division IS 'administrative division code of the enterprise (region, else from the USCC)';
COMMENT ON COLUMN @extschema@.enterprise_record.year IS 'year the list was published (database clock, session time zone)';
COMMENT ON COLUMN @extschema@.enterprise_record.plan IS 'plan code';
COMMENT ON COLUMN @extschema@.enterprise_record.plan_title IS 'plan title';
COMMENT ON COLUMN @extschema@.enterprise_record.agency IS 'evaluation agency';
COMMENT ON COLUMN @extschema@.enterprise_record.category IS 'category ranked';
COMMENT ON COLUMN @extschema@.enterprise_record.plan_status IS 'published or closed';
COMMENT ON COLUMN @extschema@.enterprise_record.ranking IS 'id of the published list (the latest of the plan)';
COMMENT ON COLUMN @extschema@.enterprise_record.published_at IS 'when the list was published';
COMMENT ON COLUMN @extschema@.enterprise_record.rank IS '1-based position in the list';
COMMENT ON COLUMN @extschema@.enterprise_record.score IS 'score 0-100';
COMMENT ON COLUMN @extschema@.enterprise_record.disclosure IS 'the disclosure designated';
COMMENT ON COLUMN @extschema@.enterprise_record.product IS 'product';
COMMENT ON COLUMN @extschema@.enterprise_record.standard IS 'standard the product executes';
COMMENT ON COLUMN @extschema@.enterprise_record.disclosure_status IS 'status of the disclosure today (published, withdrawn, superseded)';
COMMENT ON COLUMN @extschema@.enterprise_record.designation IS 'current (plan published, entry not revoked), expired (plan closed) or revoked (revocation wins over expiry)';
COMMENT ON COLUMN @extschema@.enterprise_record.revoked_at IS 'when the designation was revoked';
COMMENT ON COLUMN @extschema@.enterprise_record.revoke_reason IS 'why it was revoked';

CREATE VIEW @extschema@.category_report AS
WITH cur AS (
  SELECT d.id, d.enterprise, d.category FROM @extschema@.disclosure d WHERE d.status = 'published'
), intl AS (
  -- a current disclosed indicator against every in-force international or foreign requirement
  SELECT cur.category, di.disclosure, di.indicator,
         bool_and(@extschema@.compare(di.requirement, f.requirement) IN ('stricter', 'equal')) AS at_least_as_strict
  FROM cur
  JOIN @extschema@.disclosed_indicator di ON di.disclosure = cur.id
  JOIN @extschema@.requirement_in_force f ON f.category = cur.category AND f.indicator = di.indicator
                                         AND f.kind IN ('international', 'foreign')
  GROUP BY cur.category, di.disclosure, di.indicator
)
SELECT c.code AS category, c.name AS category_name,
       (SELECT count(*) FROM cur WHERE cur.category = c.code) AS disclosures,
       (SELECT count(DISTINCT cur.enterprise) FROM cur WHERE cur.category = c.code) AS enterprises,
       (SELECT count(*) FROM @extschema@.evaluation_plan p
        WHERE p.category = c.code AND p.status IN ('published', 'closed')) AS plans,
       (SELECT count(*) FROM @extschema@.evaluation_plan p
        WHERE p.category = c.code AND p.status = 'under_review') AS plans_under_review,
       (SELECT count(*) FROM @extschema@.ranking r JOIN @extschema@.evaluation_plan p ON p.id = r.plan
        WHERE p.category = c.code) AS lists_published,
       (SELECT count(*) FROM @extschema@.current_leaders l WHERE l.category = c.code) AS leaders,
       (SELECT count(*) FROM intl WHERE intl.category = c.code) AS intl_compared,
       (SELECT count(*) FILTER (WHERE intl.at_least_as_strict) FROM intl WHERE intl.category = c.code) AS intl_at_least_as_strict,
       (SELECT round(count(*) FILTER (WHERE intl.at_least_as_strict)::numeric / nullif(count(*), 0), 4)
        FROM intl WHERE intl.category = c.code) AS intl_share
FROM @extschema@.category c;
COMMENT ON VIEW @extschema@.category_report IS
  'per product category: current disclosures, plans, published lists, current leaders, and how current disclosures compare with in-force international and foreign standards (plain column types)';
COMMENT ON COLUMN @extschema@.category_report.category IS 'category code';
COMMENT ON COLUMN @extschema@.category_report.category_name IS 'category name';
COMMENT ON COLUMN @extschema@.category_report.disclosures IS 'current disclosures (status published) of the category';
COMMENT ON COLUMN @extschema@.category_report.enterprises IS 'distinct enterprises with a current disclosure of the category';
COMMENT ON COLUMN @extschema@.category_report.plans IS 'evaluation plans of the category that are published or closed';
COMMENT ON COLUMN @extschema@.category_report.plans_under_review IS 'plans of the category under expert review (in public notice)';
COMMENT ON COLUMN @extschema@.category_report.lists_published IS 'ranking lists published for the category''s plans (every publication counts)';
COMMENT ON COLUMN @extschema@.category_report.leaders IS 'current leaders (view current_leaders) of the category';
COMMENT ON COLUMN @extschema@.category_report.intl_compared IS 'current disclosed indicators (disclosure, indicator) for which an in-force international or foreign standard sets a requirement';
COMMENT ON COLUMN @extschema@.category_report.intl_at_least_as_strict IS 'of intl_compared, those at least as strict (compare() stricter or equal) as every such requirement';
COMMENT ON COLUMN @extschema@.category_report.intl_share IS 'intl_at_least_as_strict / intl_compared, rounded to 4 decimals; NULL when intl_compared is 0';
-- Roles, row-level security and hardening (api.md §6).  Documentation:
-- doc/security.md.
--
-- The extension creates no roles.  setup_roles(), run by a DBA, creates the
-- NOLOGIN group roles frontrunner_regulator, frontrunner_agency,
-- frontrunner_enterprise and frontrunner_reader when missing and grants
-- them what security_classes() says for the class security_objects() gives
-- each table, view, sequence and function.  Table account maps login roles
-- to the enterprise or agency they act for.
--
-- Row-level security is ENABLEd and FORCEd on the tables with per-tenant
-- rows (disclosure, disclosed_indicator, disclosure_event, evaluation_plan,
-- plan_indicator, plan_review, feedback). Policies hold no subquery: the
-- tenant comes from current_enterprise() / current_agency() (account, read
-- by the SECURITY DEFINER functions account_enterprise() /
-- account_agency()), the parent row's visibility from disclosure_visible()
-- / plan_visible(), which read the parent table as the caller (so under the
-- parent's policies).
--
-- Adding an object to the extension: classify it in security_objects()
-- below (test/security.sql fails otherwise) — see doc/security.md.

-- account ---------------------------------------------------------------------
CREATE TABLE @extschema@.account (
  role       name PRIMARY KEY,
  enterprise @extschema@.uscc REFERENCES @extschema@.enterprise (uscc),
  agency     text CONSTRAINT account_agency_check CHECK (btrim(agency) <> ''),
  note       text,
  CONSTRAINT account_one_tenant_check CHECK (num_nonnulls(enterprise, agency) <= 1)
);
COMMENT ON TABLE @extschema@.account IS
  'maps login roles (members of frontrunner_enterprise or frontrunner_agency) to the enterprise or evaluation agency they act for; a role without a row sees nothing private';
COMMENT ON COLUMN @extschema@.account.role IS 'login role name (current_user when it queries)';
COMMENT ON COLUMN @extschema@.account.enterprise IS 'the enterprise the role acts for (effective when the role is a member of frontrunner_enterprise)';
COMMENT ON COLUMN @extschema@.account.agency IS 'the evaluation agency the role acts for, as written in evaluation_plan.agency (effective when the role is a member of frontrunner_agency)';
COMMENT ON COLUMN @extschema@.account.note IS 'free text for the DBA (who asked, when)';

-- who is asking -----------------------------------------------------------------
CREATE FUNCTION @extschema@.invoker() RETURNS name
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN pg_catalog.current_setting('role') = 'none' THEN session_user
              ELSE pg_catalog.current_setting('role')::name END
$$;
COMMENT ON FUNCTION @extschema@.invoker() IS
  'the role the session acts as (SET ROLE, else the session user): current_user as seen from outside any SECURITY DEFINER function; used by the SECURITY DEFINER functions of the extension to know their caller';

CREATE FUNCTION @extschema@.role_in_group(r name, grp text) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM pg_catalog.pg_roles g JOIN pg_catalog.pg_roles m ON m.rolname = r
                 WHERE g.rolname = grp AND pg_catalog.pg_has_role(m.oid, g.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.role_in_group(name, text) IS
  'true when role r is a member (directly or not) of the group role grp; false when either does not exist';

CREATE FUNCTION @extschema@.is_regulator() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT frontrunner.role_in_group(current_user, 'frontrunner_regulator')
         OR EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname = current_user AND r.rolsuper)
$$;
COMMENT ON FUNCTION @extschema@.is_regulator() IS
  'true when current_user is a member of frontrunner_regulator, or a superuser (also before setup_roles() has created the group roles)';

CREATE FUNCTION @extschema@.account_enterprise(r name) RETURNS @extschema@.uscc
LANGUAGE sql STABLE STRICT PARALLEL SAFE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT a.enterprise
  FROM frontrunner.account a
  JOIN pg_catalog.pg_roles m ON m.rolname = a.role
  WHERE a.role = r
    AND pg_catalog.pg_has_role(session_user, m.oid, 'MEMBER')
    AND frontrunner.role_in_group(r, 'frontrunner_enterprise')
$$;
COMMENT ON FUNCTION @extschema@.account_enterprise(name) IS
  'SECURITY DEFINER (reads account, which the tenant roles cannot): the enterprise role r acts for — only when r is a member of frontrunner_enterprise and the session user is r or a member of r (so nobody looks up another login''s mapping); else NULL';

CREATE FUNCTION @extschema@.account_agency(r name) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT a.agency
  FROM frontrunner.account a
  JOIN pg_catalog.pg_roles m ON m.rolname = a.role
  WHERE a.role = r
    AND pg_catalog.pg_has_role(session_user, m.oid, 'MEMBER')
    AND frontrunner.role_in_group(r, 'frontrunner_agency')
$$;
COMMENT ON FUNCTION @extschema@.account_agency(name) IS
  'SECURITY DEFINER (reads account): the evaluation agency role r acts for — only when r is a member of frontrunner_agency and the session user is r or a member of r; else NULL';

CREATE FUNCTION @extschema@.current_enterprise() RETURNS @extschema@.uscc
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT frontrunner.account_enterprise(current_user)
$$;
COMMENT ON FUNCTION @extschema@.current_enterprise() IS
  'the enterprise current_user acts for (account), NULL when none: the tenant of the enterprise policies';

CREATE FUNCTION @extschema@.current_agency() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT frontrunner.account_agency(current_user)
$$;
COMMENT ON FUNCTION @extschema@.current_agency() IS
  'the evaluation agency current_user acts for (account), NULL when none: the tenant of the agency policies';

-- parent rows, read as the caller (under the parent's policies) ------------------
CREATE FUNCTION @extschema@.disclosure_visible(id bigint) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM frontrunner.disclosure d WHERE d.id = $1)
$$;
COMMENT ON FUNCTION @extschema@.disclosure_visible(bigint) IS
  'true when the caller sees disclosure id (under the disclosure policies): the policies of its indicators and history';

CREATE FUNCTION @extschema@.disclosure_owned(id bigint) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM frontrunner.disclosure d
                 WHERE d.id = $1
                   AND (frontrunner.is_regulator()
                        OR d.enterprise OPERATOR(frontrunner.=) frontrunner.current_enterprise()))
$$;
COMMENT ON FUNCTION @extschema@.disclosure_owned(bigint) IS
  'true when the caller may write disclosure id: a regulator, or the enterprise it belongs to';

CREATE FUNCTION @extschema@.plan_visible(id bigint) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM frontrunner.evaluation_plan p WHERE p.id = $1)
$$;
COMMENT ON FUNCTION @extschema@.plan_visible(bigint) IS
  'true when the caller sees evaluation plan id (under the plan policies): the read policy of its core indicators';

CREATE FUNCTION @extschema@.plan_owned(id bigint) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT FROM frontrunner.evaluation_plan p
                 WHERE p.id = $1
                   AND (frontrunner.is_regulator() OR p.agency = frontrunner.current_agency()))
$$;
COMMENT ON FUNCTION @extschema@.plan_owned(bigint) IS
  'true when the caller may write evaluation plan id: a regulator, or the agency that owns it';

-- row-level security ------------------------------------------------------------------
ALTER TABLE @extschema@.disclosure ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.disclosure FORCE ROW LEVEL SECURITY;
CREATE POLICY disclosure_read ON @extschema@.disclosure FOR SELECT
  USING (status <> 'draft' OR @extschema@.is_regulator()
         OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());
CREATE POLICY disclosure_insert ON @extschema@.disclosure FOR INSERT
  WITH CHECK (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());
CREATE POLICY disclosure_update ON @extschema@.disclosure FOR UPDATE
  USING (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise())
  WITH CHECK (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());
CREATE POLICY disclosure_delete ON @extschema@.disclosure FOR DELETE
  USING (@extschema@.is_regulator() OR enterprise OPERATOR(@extschema@.=) @extschema@.current_enterprise());

ALTER TABLE @extschema@.disclosed_indicator ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.disclosed_indicator FORCE ROW LEVEL SECURITY;
CREATE POLICY disclosed_indicator_read ON @extschema@.disclosed_indicator FOR SELECT
  USING (@extschema@.disclosure_visible(disclosure));
CREATE POLICY disclosed_indicator_insert ON @extschema@.disclosed_indicator FOR INSERT
  WITH CHECK (@extschema@.disclosure_owned(disclosure));
CREATE POLICY disclosed_indicator_update ON @extschema@.disclosed_indicator FOR UPDATE
  USING (@extschema@.disclosure_owned(disclosure)) WITH CHECK (@extschema@.disclosure_owned(disclosure));
CREATE POLICY disclosed_indicator_delete ON @extschema@.disclosed_indicator FOR DELETE
  USING (@extschema@.disclosure_owned(disclosure));

-- history: read with its disclosure; written only by the SECURITY DEFINER
-- statement trigger (nobody has INSERT), never changed (triggers)
ALTER TABLE @extschema@.disclosure_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.disclosure_event FORCE ROW LEVEL SECURITY;
CREATE POLICY disclosure_event_read ON @extschema@.disclosure_event FOR SELECT
  USING (@extschema@.is_regulator() OR @extschema@.disclosure_visible(disclosure));

ALTER TABLE @extschema@.evaluation_plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.evaluation_plan FORCE ROW LEVEL SECURITY;
CREATE POLICY evaluation_plan_read ON @extschema@.evaluation_plan FOR SELECT
  USING (status <> 'draft' OR @extschema@.is_regulator() OR agency = @extschema@.current_agency());
CREATE POLICY evaluation_plan_insert ON @extschema@.evaluation_plan FOR INSERT
  WITH CHECK (@extschema@.is_regulator() OR agency = @extschema@.current_agency());
CREATE POLICY evaluation_plan_update ON @extschema@.evaluation_plan FOR UPDATE
  USING (@extschema@.is_regulator() OR agency = @extschema@.current_agency())
  WITH CHECK (@extschema@.is_regulator() OR agency = @extschema@.current_agency());
CREATE POLICY evaluation_plan_delete ON @extschema@.evaluation_plan FOR DELETE
  USING (@extschema@.is_regulator() OR agency = @extschema@.current_agency());

ALTER TABLE @extschema@.plan_indicator ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.plan_indicator FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_indicator_read ON @extschema@.plan_indicator FOR SELECT
  USING (@extschema@.plan_visible(plan));
CREATE POLICY plan_indicator_insert ON @extschema@.plan_indicator FOR INSERT
  WITH CHECK (@extschema@.plan_owned(plan));
CREATE POLICY plan_indicator_update ON @extschema@.plan_indicator FOR UPDATE
  USING (@extschema@.plan_owned(plan)) WITH CHECK (@extschema@.plan_owned(plan));
CREATE POLICY plan_indicator_delete ON @extschema@.plan_indicator FOR DELETE
  USING (@extschema@.plan_owned(plan));

-- supervision (70_supervision.sql) ----------------------------------------------------
-- expert reviews: read with their plan, recorded by the regulator only
ALTER TABLE @extschema@.plan_review ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.plan_review FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_review_read ON @extschema@.plan_review FOR SELECT
  USING (@extschema@.plan_visible(plan));
CREATE POLICY plan_review_insert ON @extschema@.plan_review FOR INSERT
  WITH CHECK (@extschema@.is_regulator());

-- reports: a filer reads the reports it filed, the regulator reads and decides all
ALTER TABLE @extschema@.feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.feedback FORCE ROW LEVEL SECURITY;
CREATE POLICY feedback_read ON @extschema@.feedback FOR SELECT
  USING (@extschema@.is_regulator() OR filed_by = current_user);
CREATE POLICY feedback_insert ON @extschema@.feedback FOR INSERT
  WITH CHECK (@extschema@.is_regulator() OR filed_by = current_user);
CREATE POLICY feedback_update ON @extschema@.feedback FOR UPDATE
  USING (@extschema@.is_regulator()) WITH CHECK (@extschema@.is_regulator());

-- SECURITY DEFINER where the caller must not hold the privilege itself --------------
-- The history writer: tenants never get INSERT on disclosure_event (they
-- could forge history); the statement trigger records the changes their
-- statement made.  A trigger function cannot be called directly and, with
-- EXECUTE revoked, cannot be attached to another table.  by_user records the
-- caller (invoker()), not the definer.
ALTER FUNCTION @extschema@.disclosure_after_statement() SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.disclosure_after_statement() FROM PUBLIC;
ALTER TABLE @extschema@.disclosure_event ALTER COLUMN by_user SET DEFAULT @extschema@.invoker();

-- Publication of a ranking: agencies never get INSERT on ranking or
-- ranking_entry (they could publish a list rank_plan() did not compute);
-- publish_ranking() checks first that its caller owns the plan
-- (ranking_publisher_check()) and records the caller in published_by.
ALTER FUNCTION @extschema@.publish_ranking(text) SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.publish_ranking(text) FROM PUBLIC;
ALTER TABLE @extschema@.ranking ALTER COLUMN published_by SET DEFAULT @extschema@.invoker();

-- The subject of a report: the public role files reports but cannot read
-- disclosure; feedback_subject() returns, for a disclosure that is not a
-- draft (public data), its enterprise, status and disclosed requirement.
ALTER FUNCTION @extschema@.feedback_subject(bigint, text) SECURITY DEFINER;
REVOKE EXECUTE ON FUNCTION @extschema@.feedback_subject(bigint, text) FROM PUBLIC;

REVOKE EXECUTE ON FUNCTION @extschema@.account_enterprise(name) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION @extschema@.account_agency(name) FROM PUBLIC;

CREATE FUNCTION @extschema@.ranking_publisher_check(plan_code text) RETURNS void
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  caller name := frontrunner.invoker();
  p record;
  mine text;
BEGIN
  -- regulators, and the owner of the extension's tables (the DBA; superusers)
  IF frontrunner.role_in_group(caller, 'frontrunner_regulator')
     OR pg_has_role(caller, (SELECT c.relowner FROM pg_class c
                             WHERE c.oid = 'frontrunner.evaluation_plan'::regclass), 'MEMBER') THEN
    RETURN;
  END IF;
  SELECT e.code, e.agency, e.status INTO p FROM frontrunner.evaluation_plan e WHERE e.code = plan_code;
  mine := frontrunner.account_agency(caller);
  IF FOUND AND p.agency = mine THEN
    RETURN;
  END IF;
  IF NOT FOUND OR p.status = 'draft' THEN
    -- as plan_id() would say to the caller, who does not see other agencies' drafts
    RAISE EXCEPTION 'no evaluation plan "%"', plan_code
      USING ERRCODE = 'P0002',
            DETAIL = format('evaluation_plan.code = %L.', plan_code),
            HINT = 'Give the code of an evaluation plan your agency owns.';
  END IF;
  RAISE EXCEPTION 'permission denied to publish the ranking of plan %', p.code
    USING ERRCODE = 'insufficient_privilege',
          DETAIL = format('Plan %s belongs to agency %s; role %s acts for %s.', p.code, p.agency, caller,
                          coalesce('agency ' || mine, 'no agency (no row in account)')),
          HINT = 'Only the agency that owns a plan (or a regulator) publishes its ranking.';
END
$$;
COMMENT ON FUNCTION @extschema@.ranking_publisher_check(text) IS
  'raises 42501 unless the caller (invoker()) is a regulator, the owner of the extension''s tables (or a superuser), or acts for the agency owning the plan (P0002 for a plan it cannot see); called first by the SECURITY DEFINER publish_ranking()';
REVOKE EXECUTE ON FUNCTION @extschema@.ranking_publisher_check(text) FROM PUBLIC;

-- LEAKPROOF -----------------------------------------------------------------------------
-- btree comparisons of uscc and stdcode are declared LEAKPROOF where they are
-- created; indicator's compare two decoded sets with no error path
-- (src/indicator.c cmp_datums → indicator_cmp.c fr_ind_order, backend-free,
-- cannot raise), so they are too: quals on these columns stay index
-- conditions under row-level security.
ALTER FUNCTION @extschema@.indicator_eq(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_ne(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_lt(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_le(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_gt(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_ge(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;
ALTER FUNCTION @extschema@.indicator_cmp(@extschema@.indicator, @extschema@.indicator) LEAKPROOF;

-- classification ------------------------------------------------------------------------
CREATE FUNCTION @extschema@.security_classes()
RETURNS TABLE (class text, grantee text, privileges text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  VALUES
    -- relations
    ('reference',         'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('reference',         'frontrunner_agency',     'SELECT'),
    ('reference',         'frontrunner_enterprise', 'SELECT'),
    ('tenant_disclosure', 'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_disclosure', 'frontrunner_agency',     'SELECT'),
    ('tenant_disclosure', 'frontrunner_enterprise', 'SELECT, INSERT, UPDATE, DELETE'),
    ('history',           'frontrunner_regulator',  'SELECT'),
    ('history',           'frontrunner_agency',     'SELECT'),
    ('history',           'frontrunner_enterprise', 'SELECT'),
    ('spot_check',        'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('spot_check',        'frontrunner_agency',     'SELECT'),
    ('spot_check',        'frontrunner_enterprise', 'SELECT'),
    ('tenant_plan',       'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_plan',       'frontrunner_agency',     'SELECT, INSERT, UPDATE, DELETE'),
    ('tenant_plan',       'frontrunner_enterprise', 'SELECT'),
    ('ranking',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('ranking',           'frontrunner_agency',     'SELECT'),
    ('ranking',           'frontrunner_enterprise', 'SELECT'),
    ('staging',           'frontrunner_regulator',  'SELECT, INSERT, UPDATE, DELETE'),
    ('account',           'frontrunner_regulator',  'SELECT'),
    ('public_view',       'frontrunner_regulator',  'SELECT'),
    ('public_view',       'frontrunner_agency',     'SELECT'),
    ('public_view',       'frontrunner_enterprise', 'SELECT'),
    ('public_view',       'frontrunner_reader',     'SELECT'),
    ('sequence',          'frontrunner_regulator',  'SELECT'),
    ('feedback',          'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    ('feedback',          'frontrunner_enterprise', 'SELECT, INSERT'),
    ('feedback',          'frontrunner_reader',     'SELECT, INSERT'),
    ('review',            'frontrunner_regulator',  'SELECT, INSERT'),
    ('review',            'frontrunner_agency',     'SELECT'),
    ('review',            'frontrunner_enterprise', 'SELECT'),
    ('supervision',       'frontrunner_regulator',  'SELECT, INSERT, UPDATE'),
    -- functions
    ('public',            'PUBLIC',                 'EXECUTE'),
    ('tenant_lookup',     'frontrunner_regulator',  'EXECUTE'),
    ('tenant_lookup',     'frontrunner_agency',     'EXECUTE'),
    ('tenant_lookup',     'frontrunner_enterprise', 'EXECUTE'),
    ('registry_read',     'frontrunner_regulator',  'EXECUTE'),
    ('registry_read',     'frontrunner_agency',     'EXECUTE'),
    ('registry_read',     'frontrunner_enterprise', 'EXECUTE'),
    ('disclosure_write',  'frontrunner_regulator',  'EXECUTE'),
    ('disclosure_write',  'frontrunner_enterprise', 'EXECUTE'),
    ('plan_write',        'frontrunner_regulator',  'EXECUTE'),
    ('plan_write',        'frontrunner_agency',     'EXECUTE'),
    ('plan_read',         'frontrunner_regulator',  'EXECUTE'),
    ('plan_read',         'frontrunner_agency',     'EXECUTE'),
    ('regulator',         'frontrunner_regulator',  'EXECUTE'),
    ('feedback_file',     'frontrunner_regulator',  'EXECUTE'),
    ('feedback_file',     'frontrunner_enterprise', 'EXECUTE'),
    ('feedback_file',     'frontrunner_reader',     'EXECUTE'),
    -- classes granted to nobody: trigger (fired, never called), internal
    -- (called only by SECURITY DEFINER code), dba (setup_roles)
    ('trigger',           NULL,                     NULL),
    ('internal',          NULL,                     NULL),
    ('dba',               NULL,                     NULL)
$$;
COMMENT ON FUNCTION @extschema@.security_classes() IS
  'what each security class grants to which group role (privileges NULL: nothing; PUBLIC: everybody); setup_roles() applies it to the objects of security_objects()';

CREATE FUNCTION @extschema@.security_objects()
RETURNS TABLE (kind text, name text, class text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  VALUES
    -- tables
    ('table', 'enterprise', 'reference'),
    ('table', 'standard', 'reference'),
    ('table', 'category', 'reference'),
    ('table', 'indicator_def', 'reference'),
    ('table', 'standard_requirement', 'reference'),
    ('table', 'disclosure', 'tenant_disclosure'),
    ('table', 'disclosed_indicator', 'tenant_disclosure'),
    ('table', 'disclosure_event', 'history'),
    ('table', 'spot_check', 'spot_check'),
    ('table', 'disclosure_import', 'staging'),
    ('table', 'evaluation_plan', 'tenant_plan'),
    ('table', 'plan_indicator', 'tenant_plan'),
    ('table', 'ranking', 'ranking'),
    ('table', 'ranking_entry', 'ranking'),
    ('table', 'account', 'account'),
    ('table', 'plan_review', 'review'),
    ('table', 'feedback', 'feedback'),
    ('table', 'spot_check_request', 'supervision'),
    -- views: they run with their owner's rights (no RLS); each shows public data only
    ('view', 'requirement_in_force', 'public_view'),
    ('view', 'spot_check_failure', 'public_view'),
    ('view', 'leaderboard', 'public_view'),
    ('view', 'current_leaders', 'public_view'),
    -- benchmark comparison: reference data and non-draft disclosures only
    ('view', 'standard_latest', 'public_view'),
    ('view', 'benchmark_requirement', 'public_view'),
    ('view', 'benchmark_pair', 'public_view'),
    ('view', 'benchmark_summary', 'public_view'),
    ('view', 'benchmark_gap', 'public_view'),
    ('view', 'benchmark_profile', 'public_view'),
    ('view', 'district_report', 'public_view'),
    ('view', 'enterprise_record', 'public_view'),
    ('view', 'category_report', 'public_view'),
    -- sequences (identity columns need no grant to insert)
    ('sequence', 'disclosure_id_seq', 'sequence'),
    ('sequence', 'spot_check_id_seq', 'sequence'),
    ('sequence', 'disclosure_event_id_seq', 'sequence'),
    ('sequence', 'disclosure_import_line_seq', 'sequence'),
    ('sequence', 'evaluation_plan_id_seq', 'sequence'),
    ('sequence', 'ranking_id_seq', 'sequence'),
    ('sequence', 'plan_review_id_seq', 'sequence'),
    ('sequence', 'feedback_id_seq', 'sequence'),
    ('sequence', 'spot_check_request_id_seq', 'sequence'),
    -- functions (every overload of the name).  Support functions of types,
    -- operators, operator classes, aggregates and casts are public without
    -- being listed.
    ('function', 'normalize_input', 'public'),
    ('function', 'uscc_registry', 'public'),
    ('function', 'uscc_entity', 'public'),
    ('function', 'uscc_region', 'public'),
    ('function', 'uscc_org_code', 'public'),
    ('function', 'uscc_is_valid', 'public'),
    ('function', 'uscc_complete', 'public'),
    ('function', 'uscc_registry_name', 'public'),
    ('function', 'std_kind', 'public'),
    ('function', 'std_nature', 'public'),
    ('function', 'std_prefix', 'public'),
    ('function', 'std_number', 'public'),
    ('function', 'std_year', 'public'),
    ('function', 'std_undated', 'public'),
    ('function', 'std_adopts', 'public'),
    ('function', 'units', 'public'),
    ('function', 'unit_prefixes', 'public'),
    ('function', 'unit_canonical', 'public'),
    ('function', 'unit_dimension', 'public'),
    ('function', 'unit_commensurable', 'public'),
    ('function', 'unit_convert', 'public'),
    ('function', 'unit_compare', 'public'),
    ('function', 'unit_value_key', 'public'),
    ('function', 'compare', 'public'),
    ('function', 'satisfies', 'public'),
    ('function', 'level', 'public'),
    ('function', 'comparable_level', 'public'),
    ('function', 'margin', 'public'),
    ('function', 'lower', 'public'),
    ('function', 'upper', 'public'),
    ('function', 'lower_inc', 'public'),
    ('function', 'upper_inc', 'public'),
    ('function', 'is_nd', 'public'),
    ('function', 'unit', 'public'),
    ('function', 'to_unit', 'public'),
    ('function', 'to_text', 'public'),
    ('function', 'pinyin', 'public'),
    ('function', 'pinyin_compact', 'public'),
    ('function', 'min', 'public'),
    ('function', 'max', 'public'),
    ('function', 'level_stats', 'public'),
    ('function', 'level_count', 'public'),
    ('function', 'level_distinct', 'public'),
    ('function', 'level_cutoff', 'public'),
    ('function', 'level_standing', 'public'),
    ('function', 'level_place', 'public'),
    ('function', 'levels', 'public'),
    ('function', 'levels_json', 'public'),
    ('function', 'standard_edition', 'public'),
    ('function', 'benchmark_class_rank', 'public'),
    ('function', 'level_counts', 'public'),
    ('function', 'level_direction', 'public'),
    ('function', 'level_reaches', 'public'),
    -- the policies' helpers: they reveal nothing the caller cannot see
    ('function', 'invoker', 'public'),
    ('function', 'role_in_group', 'public'),
    ('function', 'is_regulator', 'public'),
    ('function', 'current_enterprise', 'public'),
    ('function', 'current_agency', 'public'),
    ('function', 'disclosure_visible', 'public'),
    ('function', 'disclosure_owned', 'public'),
    ('function', 'plan_visible', 'public'),
    ('function', 'plan_owned', 'public'),
    ('function', 'security_classes', 'public'),
    ('function', 'security_objects', 'public'),
    ('function', 'security_extension_objects', 'public'),
    ('function', 'security_plan', 'public'),
    ('function', 'account_enterprise', 'tenant_lookup'),
    ('function', 'account_agency', 'tenant_lookup'),
    -- registry
    ('function', 'enterprise_fill_region', 'trigger'),
    ('function', 'disclosure_before_insert', 'trigger'),
    ('function', 'disclosure_before_update', 'trigger'),
    ('function', 'disclosure_before_delete', 'trigger'),
    ('function', 'disclosure_after_statement', 'trigger'),
    ('function', 'refuse_truncate', 'trigger'),
    ('function', 'disclosed_indicator_guard', 'trigger'),
    ('function', 'disclosed_indicator_insert_check', 'trigger'),
    ('function', 'disclosure_event_guard', 'trigger'),
    ('function', 'spot_check_before_write', 'trigger'),
    ('function', 'check_standard_number', 'disclosure_write'),
    ('function', 'check_mandatory_floor', 'disclosure_write'),
    ('function', 'disclosure_publication_check', 'disclosure_write'),
    ('function', 'publish_disclosure', 'disclosure_write'),
    ('function', 'withdraw_disclosure', 'disclosure_write'),
    ('function', 'disclosure_history', 'registry_read'),
    ('function', 'enterprise_search', 'registry_read'),
    ('function', 'excluded', 'registry_read'),
    ('function', 'import_disclosures', 'regulator'),
    -- plans and ranking
    ('function', 'evaluation_plan_before_write', 'trigger'),
    ('function', 'plan_indicator_before_write', 'trigger'),
    ('function', 'ranking_guard', 'trigger'),
    ('function', 'ranking_entry_guard', 'trigger'),
    ('function', 'spot_check_revoke', 'trigger'),
    ('function', 'plan_immutable_error', 'plan_write'),
    ('function', 'plan_publication_check', 'plan_write'),
    ('function', 'plan_id', 'registry_read'),
    ('function', 'leaders_json', 'registry_read'),
    ('function', 'benchmark', 'registry_read'),
    ('function', 'benchmark_profile', 'registry_read'),
    ('function', 'disclosure_json', 'registry_read'),
    ('function', 'levelset_noted', 'plan_read'),
    ('function', 'ranking_query', 'plan_read'),
    ('function', 'plan_core_indicators', 'plan_read'),
    ('function', 'plan_cutoffs', 'plan_read'),
    ('function', 'eligibility', 'plan_read'),
    ('function', 'rank_plan', 'plan_read'),
    ('function', 'indicator_lists', 'plan_read'),
    ('function', 'publish_ranking', 'plan_read'),
    ('function', 'ranking_publisher_check', 'internal'),
    -- supervision
    ('function', 'plan_review_before_write', 'trigger'),
    ('function', 'feedback_before_write', 'trigger'),
    ('function', 'spot_check_request_before_write', 'trigger'),
    ('function', 'plan_review_check', 'plan_write'),
    ('function', 'plan_review_state', 'plan_write'),
    ('function', 'feedback_subject', 'feedback_file'),
    ('function', 'feedback_error', 'feedback_file'),
    ('function', 'division_name', 'public'),
    ('function', 'setup_roles', 'dba')
$$;
COMMENT ON FUNCTION @extschema@.security_objects() IS
  'the security class of every table, view, sequence and function of the extension (functions by name, every overload; support functions of types, operators, operator classes, aggregates and casts are public without a row): what setup_roles() grants; test/security.sql fails when an object is missing';

-- the extension's objects, as setup_roles() sees them ---------------------------------
CREATE FUNCTION @extschema@.security_extension_objects()
RETURNS TABLE (kind text, ident text, name text, support boolean)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  WITH ext AS (
    SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
    WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e'
      AND d.refobjid = (SELECT x.oid FROM pg_catalog.pg_extension x WHERE x.extname = 'frontrunner')
  ), rel AS (
    SELECT c.oid, c.relkind, c.relname FROM ext JOIN pg_catalog.pg_class c ON c.oid = ext.objid
    WHERE ext.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  ), support AS (
    SELECT t.typinput AS f FROM pg_catalog.pg_type t UNION SELECT t.typoutput FROM pg_catalog.pg_type t
    UNION SELECT t.typreceive FROM pg_catalog.pg_type t UNION SELECT t.typsend FROM pg_catalog.pg_type t
    UNION SELECT t.typmodin FROM pg_catalog.pg_type t UNION SELECT t.typmodout FROM pg_catalog.pg_type t
    UNION SELECT t.typanalyze FROM pg_catalog.pg_type t
    UNION SELECT o.oprcode FROM pg_catalog.pg_operator o UNION SELECT o.oprrest FROM pg_catalog.pg_operator o
    UNION SELECT o.oprjoin FROM pg_catalog.pg_operator o
    UNION SELECT a.amproc FROM pg_catalog.pg_amproc a
    UNION SELECT g.aggtransfn FROM pg_catalog.pg_aggregate g UNION SELECT g.aggfinalfn FROM pg_catalog.pg_aggregate g
    UNION SELECT g.aggcombinefn FROM pg_catalog.pg_aggregate g UNION SELECT g.aggserialfn FROM pg_catalog.pg_aggregate g
    UNION SELECT g.aggdeserialfn FROM pg_catalog.pg_aggregate g UNION SELECT g.aggmtransfn FROM pg_catalog.pg_aggregate g
    UNION SELECT g.aggminvtransfn FROM pg_catalog.pg_aggregate g UNION SELECT g.aggmfinalfn FROM pg_catalog.pg_aggregate g
    UNION SELECT c.castfunc FROM pg_catalog.pg_cast c
  )
  SELECT CASE WHEN r.relkind IN ('r', 'p') THEN 'table' ELSE 'view' END,
         r.oid::pg_catalog.regclass::text, r.relname::text, false
  FROM rel r WHERE r.relkind IN ('r', 'p', 'v', 'm')
  UNION ALL
  -- sequences: owned by (identity or serial columns of) the extension's tables
  SELECT 'sequence', s.oid::pg_catalog.regclass::text, s.relname::text, false
  FROM pg_catalog.pg_class s
  WHERE s.relkind = 'S'
    AND EXISTS (SELECT FROM pg_catalog.pg_depend d JOIN rel r ON r.oid = d.refobjid
                WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = s.oid
                  AND d.deptype IN ('i', 'a'))
  UNION ALL
  SELECT 'function', p.oid::pg_catalog.regprocedure::text, p.proname::text,
         p.oid IN (SELECT support.f FROM support)
  FROM ext JOIN pg_catalog.pg_proc p ON p.oid = ext.objid
  WHERE ext.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
$$;
COMMENT ON FUNCTION @extschema@.security_extension_objects() IS
  'every table, view, sequence and function of the installed extension: kind, qualified identity, name, and (functions) whether it is a support function of a type, operator, operator class, aggregate or cast';

CREATE FUNCTION @extschema@.security_plan()
RETURNS TABLE (kind text, ident text, name text, class text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT o.kind, o.ident, o.name,
         coalesce(c.class, CASE WHEN o.support THEN 'public' END)
  FROM frontrunner.security_extension_objects() o
  LEFT JOIN frontrunner.security_objects() c ON c.kind = o.kind AND c.name = o.name
$$;
COMMENT ON FUNCTION @extschema@.security_plan()  IS
  'every object of the installed extension with its security class (NULL: not classified — setup_roles() refuses to run, test/security.sql fails)';

-- setup_roles ------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.setup_roles()
RETURNS TABLE (kind text, object text, class text, grantee text, privileges text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  g text;
  r record;
  s record;
  unclassified text;
BEGIN
  SELECT string_agg(p.kind || ' ' || p.ident, ', ' ORDER BY p.kind, p.ident) INTO unclassified
  FROM frontrunner.security_plan() p WHERE p.class IS NULL;
  IF unclassified IS NOT NULL THEN
    RAISE EXCEPTION 'setup_roles: objects without a security class: %', unclassified
      USING ERRCODE = 'invalid_parameter_value',
            DETAIL = 'Every table, view, sequence and function of the extension needs a class in frontrunner.security_objects().',
            HINT = 'Add a row (kind, name, class) to security_objects() in sql/install/90_security.sql (doc/security.md says how to choose the class).';
  END IF;

  FOREACH g IN ARRAY ARRAY['frontrunner_regulator', 'frontrunner_agency', 'frontrunner_enterprise', 'frontrunner_reader'] LOOP
    PERFORM FROM pg_catalog.pg_roles x WHERE x.rolname = g;
    IF NOT FOUND THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', g);
      EXECUTE format('COMMENT ON ROLE %I IS %L', g, 'frontrunner group role, created by frontrunner.setup_roles()');
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA frontrunner TO %I', g);
  END LOOP;

  FOR r IN SELECT p.* FROM frontrunner.security_plan() p ORDER BY p.kind, p.ident LOOP
    -- start from nothing for PUBLIC and the four group roles, then grant
    EXECUTE format('REVOKE ALL ON %s %s FROM PUBLIC, frontrunner_regulator, frontrunner_agency, frontrunner_enterprise, frontrunner_reader',
                   CASE r.kind WHEN 'function' THEN 'ROUTINE' WHEN 'sequence' THEN 'SEQUENCE' ELSE 'TABLE' END, r.ident);
    FOR s IN
      SELECT c.grantee, c.privileges FROM frontrunner.security_classes() c
      WHERE c.class = r.class AND c.grantee IS NOT NULL ORDER BY c.grantee
    LOOP
      EXECUTE format('GRANT %s ON %s %s TO %s', s.privileges,
                     CASE r.kind WHEN 'function' THEN 'ROUTINE' WHEN 'sequence' THEN 'SEQUENCE' ELSE 'TABLE' END,
                     r.ident, CASE WHEN s.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(s.grantee) END);
      kind := r.kind; object := r.ident; class := r.class; grantee := s.grantee; privileges := s.privileges;
      RETURN NEXT;
    END LOOP;
  END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.setup_roles() IS
  'run by a DBA (superuser, or the extension owner with CREATEROLE): creates the NOLOGIN group roles frontrunner_regulator, frontrunner_agency, frontrunner_enterprise, frontrunner_reader when missing and sets the privileges of every extension object from its class (revoke all, then grant); idempotent, picks up new objects; refuses (22023) when an object has no class; returns one row per grant';
REVOKE EXECUTE ON FUNCTION @extschema@.setup_roles() FROM PUBLIC;

-- at install: functions that are not public are not executable by PUBLIC
-- even before setup_roles() has run
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT p.ident FROM frontrunner.security_plan() p
           WHERE p.kind = 'function' AND p.class IS DISTINCT FROM 'public' ORDER BY p.ident LOOP
    EXECUTE pg_catalog.format('REVOKE EXECUTE ON ROUTINE %s FROM PUBLIC', r.ident);
  END LOOP;
END
$$;
-- Data kept by pg_dump: every table of the extension and its identity
-- sequence, registered with pg_extension_config_dump() in one place.
-- One call per statement (each call updates the same pg_extension row, and
-- a second call in the same statement would not see the first), hence the
-- loop, which reads the tables' row types from a transaction-local setting
-- (the loop's body is quoted, and @extschema@ is never written inside
-- quotes).  Tables are named through their row types and sequences through
-- pg_depend.
SELECT pg_catalog.set_config('frontrunner_install.config_dump_types', pg_catalog.array_to_string(ARRAY[
  pg_catalog.pg_typeof(NULL::@extschema@.enterprise)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.standard)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.category)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.indicator_def)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.standard_requirement)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosure)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosed_indicator)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.spot_check)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosure_event)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.disclosure_import)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.evaluation_plan)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.plan_indicator)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.ranking)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.ranking_entry)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.plan_review)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.feedback)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.spot_check_request)::pg_catalog.oid,
  pg_catalog.pg_typeof(NULL::@extschema@.account)::pg_catalog.oid], ','), true);
DO $$
DECLARE
  rel pg_catalog.regclass;
BEGIN
  FOR rel IN
    SELECT x.rel
    FROM pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.current_setting('frontrunner_install.config_dump_types'), ',')::pg_catalog.oid[])
           WITH ORDINALITY AS r(typ, ord)
    JOIN pg_catalog.pg_type t ON t.oid = r.typ
    CROSS JOIN LATERAL (
      SELECT t.typrelid::pg_catalog.regclass, 0
      UNION ALL
      SELECT d.objid::pg_catalog.regclass, 1
      FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
      WHERE d.refobjid = t.typrelid AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'i'
    ) x(rel, seq)
    ORDER BY r.ord, x.seq
  LOOP
    PERFORM pg_catalog.pg_extension_config_dump(rel, '');
  END LOOP;
  PERFORM pg_catalog.set_config('frontrunner_install.config_dump_types', '', true);
END
$$;
