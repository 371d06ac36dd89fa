/*
 * fuzz.h - shared helpers of the libFuzzer harnesses (tests/fuzz/).
 *
 * A violated invariant calls FUZZ_CHECK's abort(), which libFuzzer reports
 * as a crash and saves the input. Every harness defines the two libFuzzer
 * entry points; the prototypes are here for -Wmissing-prototypes.
 */
#ifndef TT_FUZZ_H
#define TT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_CHECK(cond)                                                   \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "%s:%d: invariant violated: %s\n", \
				__FILE__, __LINE__, #cond);                \
			abort();                                           \
		}                                                          \
	} while (0)

/*
 * The source tree the harnesses read their fixed rule set and lexicons
 * from: $TT_FUZZ_SRCDIR, else the directory make ran in (compiled in).
 */
#ifndef TT_FUZZ_SRCDIR
#define TT_FUZZ_SRCDIR "."
#endif
static inline const char *fuzz_srcdir(void)
{
	const char *e = getenv("TT_FUZZ_SRCDIR");
	return e && *e ? e : TT_FUZZ_SRCDIR;
}

/*
 * Is s[0..n) valid UTF-8 as the text layer promises its texts are: every
 * sequence well formed, and U+FFFD only as its own three bytes (what the
 * reader put in for an invalid sequence)?
 */
static inline int fuzz_utf8_ok(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t l = tt_utf8_decode(s + i, n - i, &cp);
		if (!l || l > n - i)
			return 0;
		if (cp == 0xFFFD && (l != 3 || memcmp(s + i, "\xEF\xBF\xBD", 3)))
			return 0;
		i += l;
	}
	return 1;
}

/* Is offset i of s[0..n) at a character boundary (not inside a sequence)? */
static inline int fuzz_at_boundary(const char *s, size_t n, size_t i)
{
	return i == 0 || i >= n || ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* Is m[0..k) non-decreasing with every entry <= hi? */
static inline int fuzz_map_ok(const uint32_t *m, size_t k, size_t lo, size_t hi)
{
	for (size_t i = 0; i < k; i++) {
		if (m[i] < lo || m[i] > hi)
			return 0;
		if (i && m[i] < m[i - 1])
			return 0;
	}
	return 1;
}

/*
 * Checks every invariant text.h states for an analysed sentence:
 * display and norm texts NUL-terminated, valid UTF-8, maps of the stated
 * length, monotonic and in range, tokens ordered inside norm at character
 * boundaries, each stem span inside the stem view and followed by a space.
 */
static inline void fuzz_check_sentence(const tt_sentence *s)
{
	FUZZ_CHECK(s->text != NULL);
	FUZZ_CHECK(s->text[s->text_len] == '\0');
	FUZZ_CHECK(strlen(s->text) == s->text_len);
	FUZZ_CHECK(fuzz_utf8_ok(s->text, s->text_len));

	FUZZ_CHECK(s->norm != NULL);
	FUZZ_CHECK(s->norm[s->norm_len] == '\0');
	FUZZ_CHECK(strlen(s->norm) == s->norm_len);
	FUZZ_CHECK(fuzz_utf8_ok(s->norm, s->norm_len));
	FUZZ_CHECK(s->norm_to_text != NULL);
	FUZZ_CHECK(fuzz_map_ok(s->norm_to_text, s->norm_len + 1, 0, s->text_len));
	FUZZ_CHECK(s->norm_to_text[s->norm_len] == s->text_len);

	FUZZ_CHECK(s->ntok == 0 || s->tok != NULL);
	FUZZ_CHECK(s->stems_len == 0 || s->stems != NULL);
	if (s->stems) {
		FUZZ_CHECK(s->stems[s->stems_len] == '\0');
		FUZZ_CHECK(strlen(s->stems) == s->stems_len);
	}
	for (size_t k = 0; k < s->ntok; k++) {
		const tt_token *t = &s->tok[k];
		FUZZ_CHECK(t->start < t->end);
		FUZZ_CHECK(t->end <= s->norm_len);
		FUZZ_CHECK(fuzz_at_boundary(s->norm, s->norm_len, t->start));
		FUZZ_CHECK(fuzz_at_boundary(s->norm, s->norm_len, t->end));
		FUZZ_CHECK(k == 0 || s->tok[k - 1].end <= t->start);
		FUZZ_CHECK(t->kind == TT_TOK_WORD || t->kind == TT_TOK_NUMBER ||
			   t->kind == TT_TOK_PERCENT || t->kind == TT_TOK_ACRONYM);
		FUZZ_CHECK(t->stem_start <= t->stem_end);
		FUZZ_CHECK(t->stem_end < s->stems_len);
		FUZZ_CHECK(s->stems[t->stem_end] == ' ');
		FUZZ_CHECK(k == 0 || s->tok[k - 1].stem_end < t->stem_start);
	}
}

#endif
