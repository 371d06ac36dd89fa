/*
 * text.h - the text layer: file bytes in; sections, sentences, tokens and
 * stems out. Knows nothing of rules or the database.
 *
 * Pipeline for one document (each step a function below, each in its own
 * .c file):
 *
 *   tt_doc_read / tt_doc_from_mem   reader.c   bytes -> validated UTF-8
 *   tt_doc_segment                  segment.c  blocks, sections, sentences
 *                                   split.c    (sentence splitting)
 *   tt_doc_analyse                  analyse.c  norm text, tokens, stems
 *
 * Three texts, and the maps between them:
 *
 *   document  d->bytes: the file as read, validated: a UTF-8 BOM removed,
 *             every invalid byte sequence replaced by U+FFFD (EF BF BD).
 *             CRLF is kept here; it is whitespace to everything below.
 *   display   s->text: one sentence as a reader sees it: the original
 *             characters of its span, with every run of white space (line
 *             breaks included) collapsed to one space, ends trimmed, list
 *             markers and paragraph numbers left out, and end-of-line
 *             hyphenation undone ("safe-\nguarding" -> "safeguarding"),
 *             inline markup left out (**, __, *x*, <i>, [text](url),
 *             backslash escapes) and, in PDF text, footnote numbers glued
 *             to a word ("board1"). Table cells are joined by " | " and a
 *             judgement heading by ": "; those bytes map to the delimiter
 *             or white space they replace.
 *             Stored in the database and printed in evidence. Hit offsets
 *             (scan's start/end, the store's hit spans) are byte offsets
 *             into this text.
 *   norm      s->norm: the text rules match: display text with typographic
 *             characters folded (curly quotes -> ' ", dashes -> -, NBSP and
 *             other spaces -> ' ', ligatures -> fi fl ff ffi ffl, ellipsis
 *             -> ...). Case is kept (matching is caseless in PCRE2).
 *
 *   s->norm_to_text[i] is the display byte where norm byte i came from
 *   (norm_len + 1 entries; the last maps norm_len to text_len);
 *   s->text_to_doc[i] is the document byte where display byte i came from
 *   (text_len + 1 entries; the last maps to doc_end).
 *
 * Ownership: everything hanging off a tt_doc is owned by it and freed by
 * tt_doc_release(). Nothing here prints; warnings go to d->warnings.
 * A tt_doc is used by one thread at a time; distinct docs may be processed
 * on distinct threads, each thread with its own tt_stemmer.
 */
#ifndef TT_TEXT_H
#define TT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef enum {
	TT_FMT_TXT,
	TT_FMT_MD,
	TT_FMT_PDF
} tt_format;

typedef enum {
	TT_BLOCK_HEADING,
	TT_BLOCK_LIST_ITEM,
	TT_BLOCK_TABLE_ROW,
	TT_BLOCK_PARAGRAPH
} tt_block_kind;

/* "heading", "list_item", "table_row", "paragraph" (stored in the db). */
const char *tt_block_kind_name(tt_block_kind k);

typedef enum {
	TT_TOK_WORD,    /* letters, with internal ' and - (child's, step-father) */
	TT_TOK_NUMBER,  /* 12, 3.7, 1,200, 2016-17 */
	TT_TOK_PERCENT, /* 37%, 3.7% */
	TT_TOK_ACRONYM  /* CSE, S47, CAMHS, NHS's, IROs: >= 2 chars, capitals and
			   digits (an all-caps heading's words count too) */
} tt_token_kind;

typedef struct tt_token {
	uint32_t start, end;           /* byte span in s->norm */
	uint32_t stem_start, stem_end; /* byte span of its stem in s->stems */
	tt_token_kind kind;
} tt_token;

/*
 * A heading and its place in the outline. Sections form a tree through
 * `parent`; a document's sections are in reading order.
 */
typedef struct tt_section {
	int parent;   /* index in d->sec, -1 at the top */
	int level;    /* 1 = top; markdown '#' count, or inferred */
	char *title;  /* display text of the heading, markers removed */
	char *path;   /* titles from the top down, joined by " > " */
	size_t doc_start, doc_end; /* span of the heading line in d->bytes */
} tt_section;

typedef struct tt_sentence {
	tt_block_kind kind;      /* kind of the block it came from */
	int section;             /* index in d->sec of its section, -1 if none */
	uint32_t block;          /* ordinal of its block in the document */
	uint32_t line;           /* 1-based line of doc_start in d->bytes */
	size_t doc_start, doc_end; /* span in d->bytes */

	char *text;              /* display text, NUL-terminated */
	size_t text_len;
	uint32_t *text_to_doc;   /* text_len + 1 entries */

	char *norm;              /* normalised text, NUL-terminated */
	size_t norm_len;
	uint32_t *norm_to_text;  /* norm_len + 1 entries */

	tt_token *tok;           /* tokens of norm, in order */
	size_t ntok;
	char *stems;             /* stem view: the tokens' stems (lower case),
				    each followed by one space */
	size_t stems_len;
} tt_sentence;

typedef struct tt_doc {
	char *path;              /* as given; "-" for stdin */
	tt_format fmt;
	char *bytes;             /* validated document text, NUL-terminated */
	size_t len;

	tt_section *sec;
	size_t nsec, sec_alloc;
	tt_sentence *sent;
	size_t nsent, sent_alloc;
	size_t nwords;           /* TT_TOK_WORD tokens over all sentences */

	tt_strlist warnings;     /* "path: message" lines for the CLI to show */
} tt_doc;

void tt_doc_init(tt_doc *d);
void tt_doc_release(tt_doc *d);

/* --- reader.c ---------------------------------------------------------- */

/*
 * Reads `path` into d: .txt and .md (and anything else that is text) as
 * they are; .pdf through `pdftotext -enc UTF-8 FILE -` (reading order).
 * Then validates: strips a BOM, replaces invalid UTF-8 with U+FFFD and
 * adds a warning "PATH: invalid UTF-8 at byte N, replaced with U+FFFD"
 * (first offset, and a count when there are more).
 * Returns TT_OK; TT_SKIP with err set for a file that is empty (or only
 * white space), binary (holds NUL bytes), a PDF when pdftotext is missing
 * ("pdftotext not found; install poppler-utils to read PDF files"), or a
 * PDF that yields no text or that pdftotext rejects; TT_EFAIL with err set
 * when it cannot be read. Offsets in messages are 0-based file offsets.
 * d must be freshly initialised.
 */
tt_status tt_doc_read(tt_doc *d, const char *path, tt_error *err);

/* As tt_doc_read on bytes already in memory (stdin, tests). Copies them. */
tt_status tt_doc_from_mem(tt_doc *d, const char *name, tt_format fmt,
			  const char *bytes, size_t len, tt_error *err);

/* Format from the file name: .pdf -> PDF, .md/.markdown -> MD, else TXT. */
tt_format tt_format_of(const char *path);

/*
 * Validates UTF-8 in src[0..n): returns a malloc'd NUL-terminated copy
 * with invalid sequences (overlong, surrogates, > U+10FFFF, truncated)
 * replaced by U+FFFD; *out_len its length, *nbad the number replaced,
 * *first_bad the source offset of the first (unchanged when none).
 */
char *tt_utf8_sanitize(const char *src, size_t n, size_t *out_len,
		       size_t *nbad, size_t *first_bad);

/*
 * Decodes one code point at s[0..n): returns its length, or for an invalid
 * sequence U+FFFD in *cp and the length of the bad part; 0 only when n == 0.
 */
size_t tt_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* --- segment.c / split.c ------------------------------------------------ */

typedef enum {
	TT_SEG_DOCUMENT, /* full structure: headings, lists, tables, sentences */
	TT_SEG_LINES     /* each input line is one unit (scan --lines) */
} tt_seg_mode;

/*
 * Fills d->sec and d->sent (kind, section, block, line, spans, text,
 * text_to_doc) in reading order (a page-foot footnote comes after the
 * paragraph it interrupts). Leaves norm/tok/stems empty: call
 * tt_doc_analyse next.
 */
void tt_doc_segment(tt_doc *d, tt_seg_mode mode);

/*
 * Splits display text `t` (one block) into sentences. Writes the
 * [start,end) byte ranges into *out (malloc'd, caller frees; NULL when it
 * returns 0) and returns their number. A short bracketed tag such as
 * "(Recommendation)" stays with the sentence before it.
 */
size_t tt_split_sentences(const char *t, size_t n, size_t (**out)[2]);

/* --- analyse.c ---------------------------------------------------------- */

typedef struct tt_stemmer tt_stemmer;

/* One per thread. Returns NULL if libstemmer lacks English. */
tt_stemmer *tt_stemmer_new(void);
void tt_stemmer_free(tt_stemmer *st);
/*
 * Stems one word (any case; lower-cased first); a hyphenated word is
 * stemmed part by part ("step-fathers" -> "step-father"), acronyms too
 * ("CAMHS" -> "camh"). The result is NUL-terminated, owned by the
 * stemmer's cache and valid until tt_stemmer_free(). st must not be NULL.
 */
const char *tt_stem(tt_stemmer *st, const char *word, size_t len,
		    size_t *out_len);

/*
 * Normalises display text into (norm, norm_to_text). Exposed for tests and
 * for matching text that did not come from a document.
 */
void tt_normalise(const char *text, size_t len, char **norm, size_t *norm_len,
		  uint32_t **norm_to_text);

/* Tokenizes s->norm (NUL-terminated) into s->tok, replacing any old tokens. */
void tt_tokenize(tt_sentence *s);

/* Fills norm, tokens and stems of every sentence; counts d->nwords. */
void tt_doc_analyse(tt_doc *d, tt_stemmer *st);

/*
 * Does the same for a single sentence whose text is already set: frees and
 * replaces its norm, tokens and stems (NULL or from an earlier call). With
 * st NULL, the stem view holds the lower-cased words unstemmed.
 */
void tt_sentence_analyse(tt_sentence *s, tt_stemmer *st);

#endif
