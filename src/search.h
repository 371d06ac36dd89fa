/*
 * search.h - a user's PCRE2 pattern for `kwic --pattern`: compiled once
 * (UTF, Unicode properties, caseless unless the pattern says (?-i), JIT,
 * with match limits), run over sentences, and turned where it allows into
 * a full-text (FTS5) query that selects a superset of the sentences it can
 * match, so that a search over a large store reads only those.
 */
#ifndef TT_SEARCH_H
#define TT_SEARCH_H

#include <stddef.h>

#include "util.h"

typedef struct tt_search tt_search;

/*
 * Compiles `pattern`. On error returns TT_EINPUT with the PCRE2 message
 * and the 1-based column in err->col (err->file NULL), and *out NULL.
 * A pattern that can match the empty string is refused.
 */
tt_status tt_search_new(tt_search **out, const char *pattern, tt_error *err);
void tt_search_free(tt_search *s);

/*
 * Finds the first match in text[0..len) at or after byte `from`: returns
 * 1 and sets *ms and *me, 0 when there is none, -1 when a match limit was
 * hit (the sentence is then skipped by the caller).
 */
int tt_search_next(tt_search *s, const char *text, size_t len, size_t from, size_t *ms,
		   size_t *me);

/*
 * An FTS5 query (terms ANDed) that every sentence the pattern can match
 * satisfies, or NULL when the pattern does not allow one. Only whole
 * words the pattern requires outside any group, alternation or class,
 * written as \bword\b, are used: those are exactly the words the index
 * holds (its tokenizer stems the query word the same way). Caller frees.
 */
char *tt_search_fts_query(const char *pattern);

#endif
