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

#include "render.h"
#include "text.h"
#include "util.h"

#define TT_SCHEMA_VERSION 1

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
 * and metadata) in the current transaction. *id receives the new id.
 */
tt_status tt_store_put_doc(tt_store *s, const char *path, const char *hash,
			   const tt_doc *d, const tt_doc_meta *m, long long *id,
			   tt_error *err);

/*
 * For an unchanged document: updates the metadata fields m gives (NULL
 * strings and year 0 keep what is stored) where they differ; *changed
 * says whether anything did.
 */
tt_status tt_store_update_meta(tt_store *s, long long id, const tt_doc_meta *m,
			       int *changed, tt_error *err);

/* Deletes a document and everything hanging off it. */
tt_status tt_store_delete_doc(tt_store *s, long long id, tt_error *err);

/* Summary tables for `stats`: documents by year and authority, etc. */
tt_status tt_store_summary(tt_store *s, tt_table **docs, tt_table **totals,
			   tt_error *err);

#endif
