/*
 * analysis.h - the cross-audit analyses over a loaded corpus (corpus.h):
 * trend, compare and co-occurrence, as tables (render.h). Pure: no
 * database, no I/O; the statistics come from stats.h. Every function
 * returns a new table (the caller frees it with tt_table_free) whose
 * column names are the stable CSV header documented in README.md.
 */
#ifndef TT_ANALYSIS_H
#define TT_ANALYSIS_H

#include "corpus.h"
#include "render.h"

typedef enum { TT_BY_YEAR, TT_BY_AUTHORITY, TT_BY_TYPE, TT_BY_ACTOR } tt_by;

/* Parses "year", "authority", "type", "actor"; -1 otherwise. */
int tt_by_parse(const char *s);

/*
 * Per selected theme (f->themes, all when empty) and group of `by`:
 * theme, polarity, group, docs_with, docs_total, share, ci_low, ci_high
 * (Wilson 95%), hits, hits_per_10k_words. Groups with no documents are
 * kept with zeros so that periods line up: by year, every year of
 * f->years (or from the first to the last year of the corpus), then
 * "unknown" when some documents have no year. By actor, docs_total is
 * every document of the corpus. With top > 0, only the `top` themes
 * carried by the most documents (summed over the groups; ties: more hits,
 * then rule-set order), in that order.
 */
tt_table *tt_trend(const tt_corpus *c, const tt_filter *f, tt_by by, size_t top);

/*
 * Documents of period a against period b, per selected theme: theme,
 * polarity, docs_a, total_a, share_a, docs_b, total_b, share_b, diff
 * (share_b - share_a), p_value (two-sided Fisher exact on the 2x2
 * document table), q_value (Benjamini-Hochberg over the rows) and
 * direction: new (none in a, some in b), gone (the reverse), else up or
 * down when q < 0.05, else flat. Themes in neither period are left out
 * (and out of the correction). Sorted by q, then |diff| descending, then
 * theme. The periods must not overlap (checked by the caller).
 */
tt_table *tt_compare(const tt_corpus *c, const tt_filter *f, const tt_period *a,
		     const tt_period *b);

/* Documents of c in period p. */
size_t tt_corpus_count_in(const tt_corpus *c, const tt_period *p);

typedef enum { TT_LEVEL_DOCUMENT, TT_LEVEL_SENTENCE } tt_level;

/*
 * Theme pairs carried by the same unit (document or sentence), one row
 * per pair with both > 0 where at least one theme is selected: theme_a,
 * theme_b, both, units_a, units_b, units, jaccard, lift, p_value (two-
 * sided Fisher exact), q_value (Benjamini-Hochberg over the rows).
 * Strongest first: by p-value, then Jaccard descending. Units are all
 * documents of c, or all their sentences (c's sentence counts).
 */
tt_table *tt_cooccur(const tt_corpus *c, const tt_filter *f, tt_level level);

#endif
