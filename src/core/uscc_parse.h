/*
 * uscc_parse.h — unified social credit codes (GB 32100-2015), backend-free.
 *
 * 18 characters over the 31-character alphabet 0-9 A-H J-N P-R T U W-Y
 * (no I, O, Z, S, V).  Position 1: registration authority; 2: entity type;
 * 3-8: administrative division code (GB/T 2260); 9-17: organisation code
 * (GB 11714); 18: check character, weights 3^(i-1) mod 31 over positions
 * 1..17, check = 31 - (sum mod 31), 31 -> 0.
 */
#ifndef FR_USCC_PARSE_H
#define FR_USCC_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

#define FR_USCC_LEN 18

/* alphabet index of an ASCII character, or -1 */
extern int	fr_uscc_char_value(char c);

/*
 * The check character for the 17 characters at code[0..16], or '\0' when
 * one of them is not in the alphabet.
 */
extern char fr_uscc_check_char(const char *code17);

/*
 * Parse normalised text s[0..len) (NFKC already applied): ASCII letters are
 * upper-cased, spaces and hyphens removed.  A trailing "!" (how unchecked
 * codes are printed) asserts that the check character is known to be wrong.
 * On success out[0..17] holds the code (not NUL-terminated) and *unchecked
 * tells whether the check character is wrong; a wrong check character is
 * accepted only when weak is true or the input carries the "!".  Positions
 * 3-8 (the division code) must be digits, weak or not.
 */
extern bool fr_uscc_parse(const char *s, size_t len, bool weak,
						  char *out, bool *unchecked, FrError *err);

/*
 * The 17 leading characters at s[0..len) (same folding as fr_uscc_parse)
 * completed with their check character into out[0..17].
 */
extern bool fr_uscc_complete(const char *s, size_t len, char *out,
							 FrError *err);

#endif							/* FR_USCC_PARSE_H */
