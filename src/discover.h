/*
 * discover.h - finding what the rules do not name yet: sentences that
 * read as findings but carry no theme (uncovered), and recommendations
 * made again in later years (recurring). Pure: the caller walks the
 * stored documents and hands over one tt_finding per sentence of
 * interest; the functions here group, link and tabulate them.
 */
#ifndef TT_DISCOVER_H
#define TT_DISCOVER_H

#include <stddef.h>
#include <stdint.h>

#include "corpus.h"
#include "render.h"
#include "text.h"
#include "util.h"

/* A stop-word list: lower-case words, sorted for lookup. */
typedef struct tt_stoplist {
	char **w;
	size_t n;
} tt_stoplist;

/*
 * Loads lexicon_dir/stop_words.txt (one word a line, '#' comments).
 * TT_EFAIL with err set when it cannot be read. Release with
 * tt_stoplist_release.
 */
tt_status tt_stoplist_load(tt_stoplist *l, const char *lexicon_dir, tt_error *err);
void tt_stoplist_release(tt_stoplist *l);
int tt_stoplist_has(const tt_stoplist *l, const char *w, size_t n);

/* A sentence under consideration. Strings and arrays are owned by it. */
typedef struct tt_finding {
	long long sentence_id;
	size_t doc;            /* index into the corpus's docs */
	unsigned signals;      /* TT_SIG_* bits (rules.h) */
	char *text;
	char *section;         /* section path or NULL */
	char **stems;          /* distinct content stems, sorted */
	char **surface;        /* a surface word for each stem (lower case) */
	size_t nstems;
	uint32_t *themes;      /* corpus theme indexes it carries, sorted */
	size_t nthemes;
} tt_finding;

/*
 * Fills f's stems and surface words from analysed sentence s: words
 * (and acronyms) of 3+ letters whose lower-cased form is not a stop word.
 * f's other fields are the caller's.
 */
void tt_finding_stems(tt_finding *f, const tt_sentence *s, const tt_stoplist *stop);
void tt_finding_release(tt_finding *f);

/*
 * Uncovered findings grouped by their most frequent content stem: each
 * finding joins the group of its stem that the most findings share (ties:
 * alphabetical). One row per group, largest first: group (the stem's
 * commonest surface word), sentences, documents, years ("2016:2;2017:1"),
 * example (the first sentence), sentence_ids ("12;40;77"). With `each`,
 * one row per finding instead: group, authority, year, title, section,
 * signals, sentence, sentence_id.
 */
tt_table *tt_uncovered_table(const tt_corpus *c, tt_finding *v, size_t n, int each);

/* Content stems a recommendation needs to be linked at all. */
#define TT_RECUR_MIN_STEMS 4

/*
 * Recommendations linked into chains: two findings from documents of
 * different years are linked when they share a theme and the weighted
 * Jaccard similarity of their content stems (each stem weighted by
 * ln((n + 1) / df), its rarity among the n findings, so that "ensure" or
 * "manager" count for little and "chronology" for much) is at least
 * `min_sim`, both have TT_RECUR_MIN_STEMS stems (and, unless
 * any_authority, their documents have the same authority); chains are
 * the connected groups spanning two or more years. One row per sentence:
 * chain, years, authorities, recommendation (the chain's earliest
 * sentence), year, authority, title, section, themes, similarity (to the
 * chain's earliest sentence), sentence, sentence_id. Chains with the
 * most years first.
 */
tt_table *tt_recurring_table(const tt_corpus *c, tt_finding *v, size_t n, double min_sim,
			     int any_authority);

/* Jaccard similarity of two sorted stem sets (0 when both are empty). */
double tt_stems_jaccard(char *const *a, size_t na, char *const *b, size_t nb);

#endif
