-- frontrunner demo, part 1: who discloses — unified social credit codes
SET search_path = frontrunner, public;
\echo
\echo '== 1. Enterprise identities (uscc, GB 32100-2015)'
\echo '   Codes as people type them — full-width, hyphenated, lower case — become one canonical value;'
\echo '   the check character is verified.'
SELECT typed AS "as typed", typed::uscc AS uscc, uscc_region(typed::uscc) AS region,
       uscc_registry_name(typed::uscc) AS registry, uscc_is_valid(typed::uscc) AS valid
FROM (VALUES ('９１４４０４００１９２５４８２５６Ｎ'),
             ('91330100799655058b'),
             ('91-110108-558521630L')) AS t(typed);

\echo '   A mistyped code is refused with the reason:'
\set VERBOSITY default
\set SHOW_CONTEXT never
\set ON_ERROR_STOP off
SELECT '91440400192548256X'::uscc;
\set ON_ERROR_STOP on
