/*
 * terms.h - emerging terms: which words and short phrases are rising in
 * recent audit reports compared with a baseline (`themetrack emerging
 * --terms`). Pure: no database, no I/O; the caller feeds analysed
 * sentences (text.h) and the statistics come from stats.h.
 *
 * What is counted. Every sentence is cut into runs of consecutive
 * TT_TOK_WORD and TT_TOK_ACRONYM tokens of at least 2 characters (code
 * points). A run ends at the sentence end, at a number or percentage, at
 * a token shorter than 2 characters, and at any punctuation between two
 * tokens: the norm text between them must be only spaces, except that a
 * word ending in "s" may be followed by an apostrophe (the plural
 * possessive "parents' views"). A spaced hyphen breaks the run, because
 * after normalisation it is a dash (en and em dashes fold to '-'); an
 * unspaced one is already inside its token ("step-father").
 * Inside a run every n-gram of 1..max_n tokens is a term occurrence,
 * except that an n-gram starting or ending with a stop word is dropped
 * (so a stop word alone is dropped too); stop words inside are kept:
 * "voice of the child" is a term, "of the child" is not.
 *
 * A term is keyed by its tokens' stems joined by single spaces
 * ("elect home educ"); its surface is its words as written, joined by
 * single spaces, words lower-cased ("elective home education") and
 * acronyms kept as they are, since their case is their spelling ("PAs",
 * not "pas"); the most frequent surface over all occurrences wins (ties:
 * the byte-wise smallest). Lower-casing covers ASCII and Latin-1
 * capitals; other non-ASCII letters are kept as written. Stop words are
 * compared with the lower-cased token ("THE" in a heading is a stop
 * word), not its stem.
 *
 * Per term and side (0 = baseline, 1 = recent): frequency (occurrences)
 * and document frequency (distinct documents). Per term and theme id:
 * the recent occurrences inside sentences that carry that theme.
 *
 * Memory grows with the number of distinct terms (one table entry, the
 * key and its surfaces each), not with the number of occurrences. A
 * tt_terms is used by one thread at a time.
 */
#ifndef TT_TERMS_H
#define TT_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"
#include "util.h"

typedef struct tt_terms tt_terms;

/* The n-gram length tt_terms_new uses when max_n is 0. */
#define TT_TERMS_MAX_N_DEFAULT 3
/* The longest n-gram it accepts. */
#define TT_TERMS_MAX_N_LIMIT 8

/*
 * A new, empty counter; the caller frees it with tt_terms_free().
 * `stop_words` (may be NULL) holds lower-case single words, copied here;
 * an entry with a space in it can never match a token and is ignored.
 * max_n is the longest n-gram counted, 1..TT_TERMS_MAX_N_LIMIT, or 0 for
 * TT_TERMS_MAX_N_DEFAULT.
 */
tt_terms *tt_terms_new(const tt_strlist *stop_words, int max_n);
void tt_terms_free(tt_terms *t);

/*
 * Counts the terms of one analysed sentence (s->tok, s->norm and s->stems
 * filled by tt_sentence_analyse or tt_doc_analyse; s is not changed or
 * kept). side is 0 (baseline) or 1 (recent). doc is any document index
 * below SIZE_MAX; the sentences of one document must be added together,
 * one document after another on each side (documents in any order, and
 * the two sides may interleave): document frequency remembers only the
 * last document per term and side. Adding a finished document again is a
 * caller error, caught by an assert. themes[0..nthemes) are the theme ids
 * tagged on the sentence (repeats count once; NULL when nthemes is 0);
 * they are recorded for recent sentences only.
 */
void tt_terms_add(tt_terms *t, const tt_sentence *s, int side, size_t doc,
		  const uint32_t *themes, size_t nthemes);

/* Distinct terms counted so far. */
size_t tt_terms_count(const tt_terms *t);

/*
 * WORD and ACRONYM tokens (any length) added on `side`: a running total
 * the caller may pass to tt_terms_rank when it has no corpus totals of
 * its own.
 */
long long tt_terms_tokens(const tt_terms *t, int side);

/*
 * Counts of the term with stem key `key` (stems joined by single spaces):
 * freq[side] and docs[side], and its surface in *surface (may be NULL;
 * valid until the next tt_terms_add or tt_terms_free). Returns 1, or 0
 * with everything zero (and *surface NULL) when it was never counted.
 */
int tt_terms_lookup(const tt_terms *t, const char *key, long long freq[2],
		    long long docs[2], const char **surface);

typedef struct tt_term_row {
	const char *key;             /* stems joined by single spaces */
	const char *surface;         /* its most frequent written form */
	int n;                       /* tokens in the term, 1..max_n */
	long long freq_recent, freq_baseline;
	long long docs_recent, docs_baseline;
	double g2;                   /* tt_log_likelihood_g2(freq_recent,
					freq_baseline, tokens_recent,
					tokens_baseline) */
	double log_ratio;            /* tt_log_ratio, same arguments */
	const uint32_t *covered_by;  /* theme ids holding >= half of the
					recent occurrences, ascending */
	size_t ncovered;
} tt_term_row;

/* Flags for tt_terms_rank. */
enum {
	/*
	 * Keep a term even when a longer ranked term subsumes it (see
	 * tt_terms_rank); by default it is dropped.
	 */
	TT_TERMS_KEEP_SUBSUMED = 1
};

/*
 * The rising terms, for corpora of tokens_baseline and tokens_recent
 * tokens: every term with docs_recent >= min_docs whose relative
 * frequency is higher in the recent corpus (freq_recent / tokens_recent
 * > freq_baseline / tokens_baseline, compared exactly for counts below
 * 2^32); so a term absent from the baseline rises, with Hardie's 0.5
 * stand-in for its zero in log_ratio. No rows when either token total is
 * 0 or less. A total smaller than a term's frequency is the caller's
 * error and gives NAN statistics (stats.h).
 *
 * Subsumption: a term T is dropped when a longer rising term L contains
 * it (as consecutive tokens) and has the same freq_recent as T. Every
 * occurrence of L holds an occurrence of T at the same offset, so equal
 * counts mean every recent occurrence of T is inside an occurrence of L:
 * T's rise is L's ("elective home" goes when in recent reports it only
 * appears in "elective home education"; "leavers" goes when it only
 * appears in "care leavers"). T's recent document count and coverage are
 * then L's too; its baseline frequency can only be higher (T may have
 * stood alone there). TT_TERMS_KEEP_SUBSUMED in `flags` keeps such
 * terms.
 *
 * Order: terms covered by no theme first (the new vocabulary the rules do
 * not see), then g2 descending (NAN last), then key.
 *
 * *out is one allocation holding the rows, their strings and their
 * covered_by arrays: the caller frees it with free(*out); it does not
 * depend on t, which may be freed first. *out is NULL when *n is 0.
 */
void tt_terms_rank(const tt_terms *t, long long tokens_baseline,
		   long long tokens_recent, long long min_docs, unsigned flags,
		   tt_term_row **out, size_t *n);

/*
 * Parses a stop-word file's text[0..len) (lexicons/stop_words.txt) into
 * *out, appending: one word per line, white space around it trimmed,
 * ASCII lower-cased; blank lines and lines whose first non-blank
 * character is '#' are skipped. The caller reads the file and releases
 * *out.
 */
void tt_terms_parse_stop_words(const char *text, size_t len, tt_strlist *out);

#endif
