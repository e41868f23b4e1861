-- frontrunner install script, assembled by the Makefile from sql/install/*.sql
-- in file-name order.  Every object is qualified with @extschema@.

\echo Use "CREATE EXTENSION frontrunner" to load this file. \quit

COMMENT ON SCHEMA @extschema@ IS
  'frontrunner: enterprise standard front-runner (企业标准"领跑者") types, rules and ranking';
