/*
 * normalize.h — the text folding every type's input function applies first.
 *
 * Pipeline for a UTF-8 string:
 *   1. ASCII fast path: pure ASCII input is returned as is (NFKC is the
 *      identity on ASCII) and ICU is never called.
 *   2. Otherwise, in UTF-16 via ICU:
 *      - superscript digits and signs become "^" followed by ASCII:
 *        "m²" -> "m^2", "s⁻¹" -> "s^-1" (NFKC would silently turn m² into m2);
 *      - Unicode NFKC: full-width letters, digits and punctuation become
 *        ASCII, the ideographic space U+3000 and other spaces become U+0020,
 *        µ (micro sign) becomes μ, ℃ becomes °C, ㎏ becomes kg, …;
 *      - folding NFKC leaves alone: ≦ -> ≤, ≧ -> ≥; hyphens, en dash, em
 *        dash, horizontal bar, minus sign, small/full-width hyphen-minus ->
 *        "-"; wave dash 〜 and tilde operator ∼ -> "~"; dot operator, bullet
 *        operator, katakana middle dot -> "·" (U+00B7); zero-width spaces
 *        and BOMs are dropped; tabs, CR, LF become spaces.
 *   Case is left alone: each parser folds the parts where case does not
 *   matter (prefixes, unit names are case sensitive: mL vs ML).
 *
 * Backend-free: memory comes from the caller's allocator, and the
 * intermediate buffers are taken from it too and never freed one by one:
 * pass palloc in the server (the memory context cleans up) and an arena in
 * fuzzers and tools.
 */
#ifndef FR_NORMALIZE_H
#define FR_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

typedef void *(*FrAllocFn) (size_t size);

/*
 * Normalise in[0..len) (UTF-8, need not be NUL-terminated).
 * On success *out points to a NUL-terminated UTF-8 string of *outlen bytes:
 * either a new buffer from alloc, or — ASCII fast path — a copy made with
 * alloc as well when the input is not NUL-terminated at len.  The result is
 * always a fresh allocation, so callers can own and free it uniformly.
 * Fails (22021) on invalid UTF-8, (54000) on absurd sizes.
 */
extern bool fr_normalize(const char *in, size_t len, FrAllocFn alloc,
						 char **out, size_t *outlen, FrError *err);

/* True when s[0..len) is pure 7-bit ASCII. */
extern bool fr_is_ascii(const char *s, size_t len);

/*
 * True when fr_normalize(in, len) would succeed with a copy of in[0..len)
 * unchanged: pure ASCII, no control byte (the folding makes tabs and line
 * breaks spaces), not too long.  An input function may then parse
 * in[0..len) in place.
 */
extern bool fr_normalize_is_identity(const char *in, size_t len);

#endif							/* FR_NORMALIZE_H */
