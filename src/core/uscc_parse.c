/*
 * uscc_parse.c — GB 32100-2015 unified social credit codes; see uscc_parse.h.
 */
#include "core/uscc_parse.h"

#include <string.h>

static const char fr_uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* 3^(i-1) mod 31 for positions 1..17 */
static const int fr_uscc_weights[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

int
fr_uscc_char_value(char c)
{
	const char *p;

	if (c == '\0')
		return -1;
	p = strchr(fr_uscc_alphabet, c);
	return p ? (int) (p - fr_uscc_alphabet) : -1;
}

char
fr_uscc_check_char(const char *code17)
{
	int			sum = 0;
	int			check;

	for (int i = 0; i < 17; i++)
	{
		int			v = fr_uscc_char_value(code17[i]);

		if (v < 0)
			return '\0';
		sum += v * fr_uscc_weights[i];
	}
	check = 31 - (sum % 31);
	if (check == 31)
		check = 0;
	return fr_uscc_alphabet[check];
}

/* the letters people type for the ones the alphabet leaves out */
static const char *
lookalike_hint(char c)
{
	switch (c)
	{
		case 'I':
			return "\"I\" is not used; did you mean \"1\"?";
		case 'O':
			return "\"O\" is not used; did you mean \"0\"?";
		case 'Z':
			return "\"Z\" is not used; did you mean \"2\"?";
		case 'S':
			return "\"S\" is not used; did you mean \"5\"?";
		case 'V':
			return "\"V\" is not used; did you mean \"U\"?";
		default:
			return NULL;
	}
}

/* length in bytes of the UTF-8 sequence starting with byte b */
static size_t
utf8_len(unsigned char b)
{
	if (b < 0x80)
		return 1;
	if ((b & 0xE0) == 0xC0)
		return 2;
	if ((b & 0xF0) == 0xE0)
		return 3;
	if ((b & 0xF8) == 0xF0)
		return 4;
	return 1;
}

/*
 * Collect the significant characters of s[0..end): upper-case ASCII
 * letters, skip spaces and hyphens, refuse anything outside the alphabet.
 * Stores at most `max` characters in code and the count seen in *n.
 */
static bool
uscc_scan(const char *s, size_t end, char *code, int max, int *n,
		  FrError *err)
{
	*n = 0;
	for (size_t i = 0; i < end;)
	{
		unsigned char b = (unsigned char) s[i];
		size_t		clen = utf8_len(b);

		if (b == ' ' || b == '-')
		{
			i++;
			continue;
		}
		if (clen > end - i)
			clen = end - i;
		if (b >= 'a' && b <= 'z')
			b = (unsigned char) (b - 'a' + 'A');
		if (clen != 1 || fr_uscc_char_value((char) b) < 0)
		{
			const char *hint = clen == 1 ? lookalike_hint((char) b) : NULL;

			fr_error(err, FR_ERR_SYNTAX, (int) i,
					 "Character \"%.*s\" at position %d is not allowed: a unified social credit code uses only 0-9 and the letters A-H, J-N, P-R, T, U, W-Y.",
					 (int) clen, clen == 1 ? (const char *) &b : s + i, *n + 1);
			if (hint)
				fr_error_hint(err, "%s", hint);
			else
				fr_error_hint(err, "A unified social credit code is 18 characters such as 91110108558521630L; spaces and hyphens are ignored.");
			return false;
		}
		if (*n < max)
			code[*n] = (char) b;
		(*n)++;
		i++;
	}
	return true;
}

/*
 * Positions 3-8 are the GB/T 2260 administrative division code of the
 * registering authority: digits only, whatever frontrunner.uscc_weak says
 * (it forgives a wrong check character, never a malformed code).
 */
static bool
uscc_check_division(const char *code, FrError *err)
{
	for (int i = 2; i < 8; i++)
		if (code[i] < '0' || code[i] > '9')
		{
			fr_error(err, FR_ERR_SYNTAX, -1,
					 "Character \"%c\" at position %d is not allowed: positions 3-8 are the administrative division code (GB/T 2260), digits only.",
					 code[i], i + 1);
			fr_error_hint(err, "Positions 3-8 hold the six-digit division code of the registering authority, such as 110108 in 91110108558521630L; check for a letter typed for a digit (this is never relaxed by frontrunner.uscc_weak).");
			return false;
		}
	return true;
}

bool
fr_uscc_parse(const char *s, size_t len, bool weak, char *out,
			  bool *unchecked, FrError *err)
{
	char		code[FR_USCC_LEN];
	int			n;
	bool		bang = false;
	size_t		end = len;
	char		check;

	/* trailing blanks, then an optional "!" */
	while (end > 0 && s[end - 1] == ' ')
		end--;
	if (end > 0 && s[end - 1] == '!')
	{
		bang = true;
		end--;
	}

	if (!uscc_scan(s, end, code, FR_USCC_LEN, &n, err))
		return false;
	if (n != FR_USCC_LEN)
	{
		fr_error(err, FR_ERR_SYNTAX, -1,
				 "A unified social credit code has 18 characters; this one has %d.",
				 n);
		fr_error_hint(err, "Check for a missing or an extra character (spaces and hyphens are ignored).");
		return false;
	}
	if (!uscc_check_division(code, err))
		return false;

	check = fr_uscc_check_char(code);
	*unchecked = (check != code[17]);
	if (*unchecked && !weak && !bang)
	{
		fr_error(err, FR_ERR_SYNTAX, -1,
				 "The check character (position 18) is \"%c\" but should be \"%c\" for %.17s.",
				 code[17], check, code);
		fr_error_hint(err, "Correct the code; to accept a legally issued early code that fails the checksum, SET frontrunner.uscc_weak = on (it is then marked unchecked).");
		return false;
	}
	memcpy(out, code, FR_USCC_LEN);
	return true;
}

bool
fr_uscc_complete(const char *s, size_t len, char *out, FrError *err)
{
	int			n;

	if (!uscc_scan(s, len, out, FR_USCC_LEN - 1, &n, err))
		return false;
	if (n != FR_USCC_LEN - 1)
	{
		fr_error(err, FR_ERR_SYNTAX, -1,
				 "Expected the first 17 characters of a unified social credit code; got %d.",
				 n);
		fr_error_hint(err, "Pass positions 1-17; the check character is computed.");
		return false;
	}
	if (!uscc_check_division(out, err))
		return false;
	out[FR_USCC_LEN - 1] = fr_uscc_check_char(out);
	return true;
}
