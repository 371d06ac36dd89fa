/* walk.c - stored documents, analysed, sentence by sentence. */
#include "walk.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

tt_status tt_walk(tt_store *s, const tt_corpus *c, int (*want)(void *ctx, size_t doc),
		  tt_walk_fn fn, void *ctx, tt_error *err)
{
	tt_stemmer *stem = tt_stemmer_new();
	uint32_t *themes = xmalloc((c->nthemes ? c->nthemes : 1) * sizeof(*themes));
	size_t f = 0; /* facts are sorted by document, then sentence */
	tt_status st = TT_OK;
	for (size_t k = 0; k < c->ndocs && st == TT_OK; k++) {
		while (f < c->nfacts && c->facts[f].doc < k)
			f++;
		if (want && !want(ctx, k))
			continue;
		tt_doc d;
		long long *ids = NULL;
		st = tt_store_load_doc(s, c->docs[k].id, &d, &ids, err);
		if (st != TT_OK)
			break;
		tt_doc_analyse(&d, stem);
		for (size_t i = 0; i < d.nsent; i++) {
			size_t nt = 0;
			while (f < c->nfacts && c->facts[f].doc == k && c->facts[f].sentence < ids[i])
				f++;
			for (; f < c->nfacts && c->facts[f].doc == k && c->facts[f].sentence == ids[i];
			     f++) {
				uint32_t th = c->facts[f].theme;
				size_t q = 0;
				while (q < nt && themes[q] < th)
					q++;
				if (q < nt && themes[q] == th)
					continue;
				memmove(themes + q + 1, themes + q, (nt - q) * sizeof(*themes));
				themes[q] = th;
				nt++;
			}
			fn(ctx, &d, i, ids[i], k, themes, nt);
		}
		tt_doc_release(&d);
		free(ids);
	}
	free(themes);
	tt_stemmer_free(stem);
	return st;
}
