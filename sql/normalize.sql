-- Input normalisation: what every type's parser sees (src/normalize.c).
SET search_path = frontrunner, public;
SET client_min_messages = warning;

-- ASCII fast path: unchanged, control whitespace becomes spaces
SELECT normalize_input('GB/T 19001-2016') AS ascii, normalize_input(E'a\tb\nc') AS controls;

-- full-width letters, digits, punctuation and the ideographic space
SELECT normalize_input('ＧＢ／Ｔ　１９００１—２０１６') AS fullwidth;
SELECT normalize_input('９１１１０１０８ＭＡ０１Ｃ２ＸＸ４Ｘ') AS uscc_fullwidth;

-- ≦ ≧ become ≤ ≥; ≤ ≥ stay
SELECT normalize_input('≦0.2 mg/kg') AS le, normalize_input('≧98.5％') AS ge, normalize_input('≤1≥2') AS kept;

-- every dash becomes "-", every wave dash "~"
SELECT normalize_input(d) AS folded
FROM unnest(ARRAY['a‐b', 'a‑b', 'a‒b', 'a–b', 'a—b', 'a―b', 'a−b', 'a－b', 'a⸺b']) AS d;
SELECT normalize_input('6.5～8.5') AS fullwidth_tilde, normalize_input('6.5〜8.5') AS wave_dash,
       normalize_input('6.5∼8.5') AS tilde_operator;

-- superscripts survive as ^n (NFKC alone would give m2)
SELECT normalize_input('cd/m²') AS sq, normalize_input('m³/h') AS cube, normalize_input('s⁻¹') AS inv;

-- compatibility characters: micro sign, degree Celsius, kg square, middle dots
SELECT normalize_input('µg/kg') AS micro, normalize_input('100℃') AS celsius, normalize_input('5㎏') AS kg,
       normalize_input('kW⋅h') AS dot_operator, normalize_input('kW∙h') AS bullet_operator;

-- zero-width characters and BOMs vanish
SELECT normalize_input(E'GB\u200B 1\uFEFF0') AS zero_width;

-- Chinese text is kept
SELECT normalize_input('不得检出（检出限０．０１ｍｇ／ｋｇ）') AS chinese;
