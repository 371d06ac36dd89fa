/*
 * store.h - the SQLite store: schema (versioned and migrated), batched
 * transactional writes through one writer, and the read queries. No SQL
 * lives outside store*.c, so a second backend can be added behind this
 * interface later. Every statement is parameterised.
 *
 * Concurrency: one tt_store per thread; one writing process at a time
 * (SQLite's lock, waited on with a busy timeout). WAL mode lets readers
 * run while a writer writes.
 */
#ifndef TT_STORE_H
#define TT_STORE_H

#include "corpus.h"
#include "render.h"
#include "rules.h"
#include "text.h"
#include "util.h"

#define TT_SCHEMA_VERSION 3

/*
 * Version of the text pipeline (reader, segmenter, splitter, tokenizer).
 * Stored with each document: an unchanged file stored by an older
 * pipeline is re-ingested so the whole store is segmented one way.
 */
#define TT_TEXT_VERSION 1

typedef struct tt_store tt_store;

typedef enum {
	TT_STORE_READ,   /* must exist; read-only */
	TT_STORE_WRITE   /* created (with its schema) when missing */
} tt_store_mode;

/*
 * Opens (and for TT_STORE_WRITE creates or migrates) the database at path.
 * TT_EINPUT when the file is not a themetrack database or is newer than
 * this build; TT_EFAIL when it cannot be opened or created.
 */
tt_status tt_store_open(tt_store **out, const char *path, tt_store_mode mode,
			tt_error *err);
void tt_store_close(tt_store *s);

tt_status tt_store_begin(tt_store *s, tt_error *err);
tt_status tt_store_commit(tt_store *s, tt_error *err);
void tt_store_rollback(tt_store *s);

/* Metadata of one document. Strings may be NULL. */
typedef struct tt_doc_meta {
	const char *authority;
	int year;             /* 0 = unknown */
	const char *period;
	const char *audit_type;
	const char *title;
	size_t nextra;        /* further manifest columns */
	char *const *extra_keys;
	char *const *extra_vals;
} tt_doc_meta;

/* What the store holds for a path, loaded once before a batch. */
typedef struct tt_known_doc {
	char *path;
	char hash[65];
	int text_version;
	long long id;
} tt_known_doc;

/* All stored documents, sorted by path (caller frees with tt_known_free). */
tt_status tt_store_known(tt_store *s, tt_known_doc **out, size_t *n, tt_error *err);
void tt_known_free(tt_known_doc *v, size_t n);
/* Binary search in a list from tt_store_known; NULL when absent. */
const tt_known_doc *tt_known_find(const tt_known_doc *v, size_t n, const char *path);

/*
 * Stores an analysed document under `path` (its identity) and content
 * hash, replacing any earlier version of that path (its sentences, hits
 * and metadata) in the current transaction. *id receives the new id and,
 * when sent_ids is not NULL, sent_ids[i] the id of d->sent[i].
 */
tt_status tt_store_put_doc(tt_store *s, const char *path, const char *hash,
			   const tt_doc *d, const tt_doc_meta *m, long long *id,
			   long long *sent_ids, tt_error *err);

/*
 * For an unchanged document: updates the metadata fields m gives (NULL
 * strings and year 0 keep what is stored) where they differ; *changed
 * says whether anything did.
 */
tt_status tt_store_update_meta(tt_store *s, long long id, const tt_doc_meta *m,
			       int *changed, tt_error *err);

/* Deletes a document and everything hanging off it. */
tt_status tt_store_delete_doc(tt_store *s, long long id, tt_error *err);

/* --- tagging ------------------------------------------------------------ *
 *
 * A tag run tags every stored document with one rule set; documents record
 * the run that tagged them (documents.tagged_run). The current run is the
 * latest finished one; only its hits are kept once it finishes. A run that
 * was interrupted is resumed by the next ingest or tag with the same rule
 * set: it tags the documents it has not tagged yet, then finishes.
 */

/* Stores the rule set (hash, source, themes) unless known; *id its row. */
tt_status tt_store_ruleset_put(tt_store *s, const tt_ruleset *rs, long long *id,
			       tt_error *err);

typedef struct tt_run_info {
	long long id;     /* 0 when there has been no run */
	char hash[65];    /* its rule set's version */
	int finished;
} tt_run_info;

/* The latest run, finished or not. */
tt_status tt_store_latest_run(tt_store *s, tt_run_info *run, tt_error *err);
tt_status tt_store_run_start(tt_store *s, long long ruleset_id, const char *hash,
			     long long *run, tt_error *err);
/* Marks the run finished with its counts and drops other runs' hits. */
tt_status tt_store_run_finish(tt_store *s, long long run, tt_error *err);
tt_status tt_store_run_count(tt_store *s, long long run, size_t *docs, size_t *hits,
			     tt_error *err);
/* Ids of documents not tagged by `run`, ascending (caller frees *ids). */
tt_status tt_store_untagged(tt_store *s, long long run, long long **ids, size_t *n,
			    tt_error *err);
/*
 * Rebuilds stored document `doc` for re-tagging: its sections and its
 * sentences (kind, section, line, span, text; no text_to_doc). *sent_ids
 * (caller frees) gets the sentences' ids. Release d with tt_doc_release.
 */
tt_status tt_store_load_doc(tt_store *s, long long doc, tt_doc *d, long long **sent_ids,
			    tt_error *err);
/* Stores the hits of one sentence in run `run`. */
tt_status tt_store_put_hits(tt_store *s, long long run, long long doc, long long sentence,
			    const tt_hits *h, tt_error *err);
/* Removes every hit of a document (before it is re-tagged). */
tt_status tt_store_clear_doc_hits(tt_store *s, long long doc, tt_error *err);
/* Records that `run` has tagged `doc`. */
tt_status tt_store_doc_tagged(tt_store *s, long long doc, long long run, tt_error *err);

/* Summary tables for `stats`: documents by year and authority, etc. */
tt_status tt_store_summary(tt_store *s, tt_table **docs, tt_table **totals,
			   tt_error *err);

/*
 * Per theme of the current run: documents carrying it as a concern, a
 * strength and a mention, all documents, and hits.
 */
tt_status tt_store_theme_summary(tt_store *s, tt_table **out, tt_error *err);

/* --- analysis queries (store_query.c) ------------------------------------ */

/*
 * The current tag run of the store (c->run, 0 when there is none), its
 * rule set version and its themes; no documents or facts. Release c with
 * tt_corpus_release.
 */
tt_status tt_store_corpus_head(tt_store *s, tt_corpus *c, tt_error *err);

/*
 * The corpus of f: documents passing f's document filters (authority,
 * type, years) that the current run tagged, and the theme facts of their
 * sentences passing f's polarity and actor filters. f's theme filter is
 * not applied (commands use it as they need). c->untagged counts the
 * matching documents left out because the current run has not tagged
 * them. `level` says how finely the facts are grouped (corpus.h); per
 * document is much smaller on a large store. Release c with
 * tt_corpus_release, also after an error.
 */
tt_status tt_store_corpus(tt_store *s, const tt_filter *f, tt_facts_level level, tt_corpus *c,
			  tt_error *err);

/* A hit with its sentence and document; strings valid during the callback. */
typedef struct tt_evidence {
	long long hit_id, sentence_id, document_id, sentence_ordinal;
	int year;             /* 0 = unknown */
	const char *authority, *title, *name, *type, *section; /* may be NULL */
	const char *sentence, *kind;
	size_t start, end;    /* the match's byte span in sentence */
	const char *theme, *polarity, *rule, *match, *ruleset;
	const char *actor, *cue, *cue_kind; /* may be NULL */
	long long prop_num, prop_den; /* -1 when none */
} tt_evidence;

/* Called per row; returning non-zero stops the scan. */
typedef int (*tt_evidence_fn)(const tt_evidence *e, void *ctx);

/*
 * The hits of the current run passing every filter of f (themes already
 * expanded), in reading order: year, authority, document, sentence, span.
 */
tt_status tt_store_evidence(tt_store *s, const tt_filter *f, tt_evidence_fn fn, void *ctx,
			    tt_error *err);

/* Hit `id` of the current run; *found says whether there is one. */
tt_status tt_store_hit(tt_store *s, long long id, tt_evidence_fn fn, void *ctx,
		       int *found, tt_error *err);

/* A stored sentence with its document; strings valid during the callback. */
typedef struct tt_stored_sentence {
	long long id, document_id, ordinal;
	int year;
	const char *kind, *text, *section; /* section may be NULL */
	size_t len;
	const char *authority, *title, *name, *type; /* may be NULL */
} tt_stored_sentence;

typedef int (*tt_sentence_fn)(const tt_stored_sentence *r, void *ctx);

/*
 * Every stored sentence of the documents passing f's document filters
 * (tagged or not), in reading order. With `fts` (an FTS5 query), only the
 * sentences the full-text index matches.
 */
tt_status tt_store_sentences(tt_store *s, const tt_filter *f, const char *fts,
			     tt_sentence_fn fn, void *ctx, tt_error *err);

#endif
