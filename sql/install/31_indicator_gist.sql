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
