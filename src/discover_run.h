/*
 * discover_run.h - the discovery analyses run over a store: they walk the
 * stored documents of a corpus (walk.h) with a rule set's cue lexicons
 * and stop words, and return tables. Shared by the emerging, uncovered
 * and recurring commands and by the HTML report, so both print the same
 * figures.
 */
#ifndef TT_DISCOVER_RUN_H
#define TT_DISCOVER_RUN_H

#include "corpus.h"
#include "render.h"
#include "rules.h"
#include "store.h"

/*
 * The emerging themes: the rows of compare (baseline against recent, on
 * the facts of f->polarity) that are new or rising (q < 0.05), as
 * theme, polarity, docs_baseline, total_baseline, share_baseline,
 * docs_recent, total_recent, share_recent, diff, p_value, q_value, status.
 * c holds the facts of every polarity.
 */
tt_table *tt_emerging_themes(const tt_corpus *c, const tt_filter *f, const tt_period *base,
			     const tt_period *recent);

typedef struct tt_terms_opts {
	long long min_docs;   /* recent documents a term must be in */
	double min_g2;        /* G2 floor */
	double min_lr;        /* log-ratio floor */
	size_t limit;         /* rows at most; 0 = all */
} tt_terms_opts;

/*
 * The emerging terms of the documents of base and recent (see
 * cmd_emerging.c for the columns), their coverage from every polarity of
 * c. Stop words from rs's lexicon directory.
 */
tt_status tt_emerging_terms(tt_store *s, const tt_corpus *c, const tt_ruleset *rs,
			    const tt_period *base, const tt_period *recent,
			    const tt_terms_opts *o, tt_table **out, tt_error *err);

/* The uncovered findings of c's documents (discover.h, tt_uncovered_table). */
tt_status tt_uncovered_run(tt_store *s, const tt_corpus *c, const tt_ruleset *rs,
			   size_t min_words, int each, tt_table **out, tt_error *err);

/*
 * The recurring recommendations of c's documents carrying a theme of f
 * (discover.h, tt_recurring_table).
 */
tt_status tt_recurring_run(tt_store *s, const tt_corpus *c, const tt_ruleset *rs,
			   const tt_filter *f, double min_sim, int any_authority,
			   tt_table **out, tt_error *err);

#endif
