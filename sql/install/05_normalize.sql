-- Input normalisation (src/normalize.c): what every type parser sees.

CREATE FUNCTION @extschema@.normalize_input(text) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_normalize_text'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_input(text) IS
  'The text as the type parsers see it: Unicode NFKC (full-width forms to ASCII), ≦/≧ to ≤/≥, dashes to "-", wave dashes to "~", superscripts to ^n, odd spaces to " "';
