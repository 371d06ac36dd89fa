/*
 * walk.h - walks the stored documents of a corpus (corpus.h) one at a
 * time: rebuilds each from the store, analyses it (tokens and stems), and
 * hands every sentence to a callback with the themes the current tag run
 * gave it. For the discovery commands (emerging, uncovered, recurring).
 */
#ifndef TT_WALK_H
#define TT_WALK_H

#include "corpus.h"
#include "store.h"
#include "text.h"

/*
 * Called per sentence: d its document (analysed, with its sections), i
 * its index in d->sent, sid its stored id, doc its index in c->docs, and
 * the indexes (into c->themes, sorted, distinct) of the themes it carries
 * with any polarity the corpus was loaded with.
 */
typedef void (*tt_walk_fn)(void *ctx, const tt_doc *d, size_t i, long long sid, size_t doc,
			   const uint32_t *themes, size_t nthemes);

/*
 * Walks every document of c whose index passes `want` (NULL: all). Needs c
 * loaded with its facts. TT_EFAIL/TT_EINPUT with err set on a store error.
 */
tt_status tt_walk(tt_store *s, const tt_corpus *c, int (*want)(void *ctx, size_t doc),
		  tt_walk_fn fn, void *ctx, tt_error *err);

#endif
