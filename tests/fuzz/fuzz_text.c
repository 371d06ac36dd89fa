/*
 * fuzz_text.c - arbitrary bytes through the text layer: reader
 * (tt_doc_from_mem, UTF-8 validation), segmenter, splitter, tokenizer,
 * stem view and the offset maps, once as .txt, once as .md and once one
 * unit per line (scan --lines). Checks what text.h promises and aborts on
 * any violation:
 *   - the document is NUL-terminated, valid UTF-8, no longer than the input
 *     would allow once invalid bytes become U+FFFD;
 *   - sections: parents earlier in the list, spans inside the document;
 *   - sentences: spans inside the document, section index in range, line
 *     1-based, text_to_doc of text_len + 1 entries, non-decreasing, inside
 *     the sentence's span and ending at doc_end;
 *   - norm_to_text, tokens and stems as in fuzz_check_sentence (fuzz.h);
 *   - d->nwords is the number of word tokens.
 */
#include "fuzz.h"

static tt_stemmer *st;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	st = tt_stemmer_new();
	if (!st) {
		fprintf(stderr, "fuzz_text: libstemmer has no English stemmer\n");
		exit(1);
	}
	return 0;
}

static void check_doc(const tt_doc *d, size_t in_len)
{
	FUZZ_CHECK(d->bytes != NULL);
	FUZZ_CHECK(d->bytes[d->len] == '\0');
	FUZZ_CHECK(strlen(d->bytes) == d->len);
	/* each invalid byte grows to at most 3 (U+FFFD) */
	FUZZ_CHECK(d->len <= 3 * in_len);
	FUZZ_CHECK(fuzz_utf8_ok(d->bytes, d->len));

	for (size_t i = 0; i < d->nsec; i++) {
		const tt_section *c = &d->sec[i];
		FUZZ_CHECK(c->parent >= -1 && c->parent < (int)i);
		FUZZ_CHECK(c->level >= 1);
		FUZZ_CHECK(c->parent < 0 || d->sec[c->parent].level < c->level);
		FUZZ_CHECK(c->title != NULL && c->path != NULL);
		FUZZ_CHECK(fuzz_utf8_ok(c->title, strlen(c->title)));
		FUZZ_CHECK(fuzz_utf8_ok(c->path, strlen(c->path)));
		FUZZ_CHECK(c->doc_start <= c->doc_end && c->doc_end <= d->len);
	}

	size_t words = 0;
	for (size_t i = 0; i < d->nsent; i++) {
		const tt_sentence *s = &d->sent[i];
		FUZZ_CHECK(s->kind == TT_BLOCK_HEADING || s->kind == TT_BLOCK_LIST_ITEM ||
			   s->kind == TT_BLOCK_TABLE_ROW || s->kind == TT_BLOCK_PARAGRAPH);
		FUZZ_CHECK(s->section >= -1 && s->section < (int)d->nsec);
		FUZZ_CHECK(s->line >= 1);
		FUZZ_CHECK(s->doc_start <= s->doc_end && s->doc_end <= d->len);
		FUZZ_CHECK(fuzz_at_boundary(d->bytes, d->len, s->doc_start));
		FUZZ_CHECK(fuzz_at_boundary(d->bytes, d->len, s->doc_end));
		FUZZ_CHECK(s->text_to_doc != NULL);
		FUZZ_CHECK(fuzz_map_ok(s->text_to_doc, s->text_len + 1, s->doc_start,
				       s->doc_end));
		FUZZ_CHECK(s->text_to_doc[s->text_len] == s->doc_end);
		fuzz_check_sentence(s);
		for (size_t k = 0; k < s->ntok; k++)
			words += s->tok[k].kind == TT_TOK_WORD;
	}
	FUZZ_CHECK(words == d->nwords);
}

static void run(const uint8_t *data, size_t size, tt_format fmt, tt_seg_mode mode)
{
	tt_doc d;
	tt_error err;

	tt_doc_init(&d);
	tt_error_init(&err);
	tt_status rc = tt_doc_from_mem(&d, "fuzz", fmt, (const char *)data, size, &err);
	if (rc == TT_OK) {
		tt_doc_segment(&d, mode);
		tt_doc_analyse(&d, st);
		check_doc(&d, size);
	} else {
		/* refused: binary or blank, with a message */
		FUZZ_CHECK(rc == TT_SKIP);
		FUZZ_CHECK(err.msg[0] != '\0');
	}
	tt_error_release(&err);
	tt_doc_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run(data, size, TT_FMT_TXT, TT_SEG_DOCUMENT);
	run(data, size, TT_FMT_MD, TT_SEG_DOCUMENT);
	run(data, size, TT_FMT_TXT, TT_SEG_LINES);
	return 0;
}
