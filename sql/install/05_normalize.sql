-- Input normalisation (src/normalize.c): what every type parser sees; and
-- pinyin, the ICU transliteration names are searched by.

CREATE FUNCTION @extschema@.normalize_input(text) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_normalize_text'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_input(text) IS
  'The text as the type parsers see it: Unicode NFKC (full-width forms to ASCII), ≦/≧ to ≤/≥, dashes to "-", wave dashes to "~", superscripts to ^n, odd spaces to " "';

-- pinyin (src/pinyin.c) -------------------------------------------------------
CREATE FUNCTION @extschema@.pinyin(text) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_pinyin' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pinyin(text) IS
  'toneless lower-case pinyin of a text, syllables and words separated by one space (ICU "Han-Latin; Latin-ASCII; Lower" after NFKC): 格力电器 → ge li dian qi';
CREATE FUNCTION @extschema@.pinyin_compact(text) RETURNS text
  AS 'MODULE_PATHNAME', 'fr_pinyin_compact' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pinyin_compact(text) IS
  'pinyin() with only the ASCII letters and digits kept, for search: 格力电器 → gelidianqi, "Ge Li" → geli';
