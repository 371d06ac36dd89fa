/*
 * tagging.h - runs a rule set over documents and keeps the store's hits
 * current: shared by `tag` (re-tag what is stored) and `ingest` (tag what
 * it stores). Between the rules and store layers and the CLI.
 */
#ifndef TT_TAGGING_H
#define TT_TAGGING_H

#include "rules.h"
#include "store.h"
#include "text.h"

/* Hits of every sentence of one document, filled on a worker thread. */
typedef struct tt_doc_hits {
	tt_hits *per;      /* one list per sentence */
	size_t n;
	size_t nhits;
} tt_doc_hits;

/* Matches every sentence of analysed d with m into dh (released by caller). */
void tt_doc_hits_match(tt_doc_hits *dh, tt_matcher *m, const tt_doc *d);
void tt_doc_hits_release(tt_doc_hits *dh);

/*
 * The run that tags with rs: the latest run when it used rs (finished or
 * interrupted) and !force; otherwise a new one (and rs is stored). Must be
 * called inside a transaction. *fresh says whether it is new.
 */
tt_status tt_tag_run_for(tt_store *s, const tt_ruleset *rs, int force, long long *run,
			 int *fresh, tt_error *err);

typedef struct tt_tag_stats {
	long long run;
	size_t docs;           /* documents tagged now */
	size_t sentences;
	size_t hits;
	size_t *limited;       /* per rule: sentences skipped at a PCRE2 limit */
	size_t nrules;
} tt_tag_stats;

void tt_tag_stats_init(tt_tag_stats *st, const tt_ruleset *rs);
void tt_tag_stats_release(tt_tag_stats *st);
/* Adds one matcher's limit counts. */
void tt_tag_stats_add_limits(tt_tag_stats *st, const tt_matcher *m);

/*
 * Tags every stored document that `run` has not tagged (reading them on
 * `jobs` threads, each with its own read connection to db_path), writes
 * their hits in transactions of whole documents, then finishes the run.
 * A failure leaves the run resumable.
 */
tt_status tt_tag_complete(tt_store *s, const char *db_path, const tt_ruleset *rs,
			  long long run, int jobs, tt_tag_stats *stats, tt_error *err);

#endif
