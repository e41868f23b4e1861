-- frontrunner install script, assembled by the Makefile from sql/install/*.sql
-- in file-name order.  Every object is qualified with @extschema@ — except
-- inside quoted text and function bodies, where @extschema@ is never written
-- (test/harness/lint.pl checks it): there the schema is named literally,
-- frontrunner, which the control file fixes (relocatable = false).

\echo Use "CREATE EXTENSION frontrunner" to load this file. \quit

COMMENT ON SCHEMA @extschema@ IS
  'frontrunner: enterprise standard front-runner (企业标准"领跑者") types, rules and ranking';
