/*
 * fuzz_split.c - tt_split_sentences on arbitrary text. Its input is
 * display text, which is valid UTF-8 (text.h), so the bytes are
 * sanitised first (tt_utf8_sanitize, as the reader does) and handed over
 * in a buffer of exactly their length, without a NUL after them, so a
 * read past the end shows. The ranges must be in order, non-empty where
 * the text is, non-overlapping, inside the input and on character
 * boundaries. The same text also goes through tt_normalise and the
 * tokenizer (tt_sentence_analyse without a stemmer).
 */
#include "fuzz.h"

static void check_ranges(const char *t, size_t n, size_t (*r)[2], size_t nr)
{
	FUZZ_CHECK((nr == 0) == (r == NULL));
	for (size_t i = 0; i < nr; i++) {
		FUZZ_CHECK(r[i][0] <= r[i][1]);
		FUZZ_CHECK(r[i][1] <= n);
		FUZZ_CHECK(i == 0 || r[i - 1][1] <= r[i][0]);
		FUZZ_CHECK(fuzz_at_boundary(t, n, r[i][0]));
		FUZZ_CHECK(fuzz_at_boundary(t, n, r[i][1]));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n, nbad = 0, first = 0;
	char *clean = tt_utf8_sanitize((const char *)data, size, &n, &nbad, &first);
	FUZZ_CHECK(clean[n] == '\0');
	FUZZ_CHECK(nbad == 0 || first < size);

	/* exactly n bytes: no NUL to lean on */
	char *t = malloc(n ? n : 1);
	if (!t)
		abort();
	memcpy(t, clean, n);

	size_t (*r)[2] = NULL;
	size_t nr = tt_split_sentences(t, n, &r);
	check_ranges(clean, n, r, nr);
	free(r);

	/* normalise and tokenize the same text as one sentence */
	char *norm = NULL;
	size_t norm_len = 0;
	uint32_t *map = NULL;
	tt_normalise(t, n, &norm, &norm_len, &map);
	FUZZ_CHECK(norm != NULL && map != NULL);
	FUZZ_CHECK(norm[norm_len] == '\0');
	FUZZ_CHECK(fuzz_map_ok(map, norm_len + 1, 0, n));
	FUZZ_CHECK(map[norm_len] == n);
	free(norm);
	free(map);

	if (memchr(clean, '\0', n) == NULL) {
		tt_sentence s;
		memset(&s, 0, sizeof(s));
		s.text = clean;
		s.text_len = n;
		tt_sentence_analyse(&s, NULL);
		fuzz_check_sentence(&s);
		free(s.norm);
		free(s.norm_to_text);
		free(s.tok);
		free(s.stems);
	}
	free(t);
	free(clean);
	return 0;
}
