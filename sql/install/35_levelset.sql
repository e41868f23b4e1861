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
