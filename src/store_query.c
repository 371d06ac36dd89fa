/*
 * store_query.c - the read queries of the analysis commands: the corpus
 * (documents and theme facts of the current tag run), evidence rows,
 * sentence scans (with an FTS5 prefilter) and single hits.
 *
 * Document filters are applied in SQL the same way everywhere (caseless
 * authority and type, a year list); the actor filter is applied in C on
 * tt_actor_key so that "the GP" and "GP" are one actor.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "corpus.h"
#include "store.h"
#include "store_int.h"
#include "banned.h"

/* The document filter, with parameters ?1 authority, ?2 type, ?3 years. */
#define DOC_FILTER                                                            \
	"(?1 IS NULL OR d.authority = ?1 COLLATE NOCASE) AND "                \
	"(?2 IS NULL OR d.audit_type = ?2 COLLATE NOCASE) AND "               \
	"(?3 IS NULL OR instr(',' || ?3 || ',', ',' || d.year || ',') > 0)"

/* "2015,2016,2017" for the year filter, or NULL; caller frees. */
static char *year_list(const tt_period *p)
{
	if (!p->n)
		return NULL;
	tt_buf b = TT_BUF_INIT;
	for (size_t i = 0; i < p->n; i++)
		tt_buf_addf(&b, "%s%d", i ? "," : "", p->years[i]);
	return tt_buf_detach(&b, NULL);
}

static void bind_opt(sqlite3_stmt *q, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(q, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(q, i);
}

static void bind_doc_filter(sqlite3_stmt *q, const tt_filter *f)
{
	char *years = year_list(&f->years);
	bind_opt(q, 1, f->authority);
	bind_opt(q, 2, f->type);
	bind_opt(q, 3, years);
	free(years);
}

static const char *col_text(sqlite3_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q, i);
}

/* Copies a nullable column into the corpus pool; NULL stays NULL. */
static const char *pool_text(tt_corpus *c, sqlite3_stmt *q, int i)
{
	const char *s = col_text(q, i);
	if (!s)
		return NULL;
	tt_strlist_push(&c->pool, s);
	return c->pool.v[c->pool.n - 1];
}

tt_status tt_store_corpus_head(tt_store *s, tt_corpus *c, tt_error *err)
{
	sqlite3_stmt *q;
	size_t alloc = 0;
	memset(c, 0, sizeof(*c));
	if (sqlite3_prepare_v2(s->db,
			       "SELECT t.id, t.ruleset_hash, t.finished_at, t.ruleset_id "
			       "FROM tag_runs t WHERE t.id = (SELECT id FROM current_run)",
			       -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read tag runs");
	long long rsid = 0;
	if (sqlite3_step(q) == SQLITE_ROW) {
		c->run = sqlite3_column_int64(q, 0);
		snprintf(c->ruleset, sizeof(c->ruleset), "%s", col_text(q, 1));
		snprintf(c->run_finished, sizeof(c->run_finished), "%s", col_text(q, 2));
		rsid = sqlite3_column_int64(q, 3);
	}
	sqlite3_finalize(q);
	if (!c->run)
		return TT_OK;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT theme, label, grp FROM themes WHERE ruleset_id = ?1 "
			       "ORDER BY rowid", -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read themes");
	sqlite3_bind_int64(q, 1, rsid);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		TT_GROW(c->themes, c->nthemes + 1, alloc);
		tt_ctheme *t = &c->themes[c->nthemes++];
		t->id = pool_text(c, q, 0);
		t->label = pool_text(c, q, 1);
		t->groups = pool_text(c, q, 2);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		tt_corpus_release(c);
		return tt_store_db_error(s, err, "cannot read themes");
	}
	return TT_OK;
}

typedef struct id_index {
	long long id;
	uint32_t ix;
} id_index;

static int cmp_id_index(const void *a, const void *b)
{
	long long x = ((const id_index *)a)->id, y = ((const id_index *)b)->id;
	return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_fact(const void *a, const void *b)
{
	const tt_cfact *x = a, *y = b;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	if (x->sentence != y->sentence)
		return x->sentence < y->sentence ? -1 : 1;
	if (x->theme != y->theme)
		return x->theme < y->theme ? -1 : 1;
	if (x->polarity != y->polarity)
		return x->polarity < y->polarity ? -1 : 1;
	return (x->actor > y->actor) - (x->actor < y->actor);
}

static int polarity_code(const char *p)
{
	if (!strcmp(p, "concern"))
		return 0;
	if (!strcmp(p, "strength"))
		return 1;
	return 2;
}

/* An actor as written in the hits, and the index of its key in c->actors. */
typedef struct raw_actor {
	char *raw;
	int32_t key;          /* -1 when its key is empty */
} raw_actor;

static int cmp_raw_actor(const void *a, const void *b)
{
	return strcmp(((const raw_actor *)a)->raw, ((const raw_actor *)b)->raw);
}

/*
 * The run's distinct actors: c->actors gets their keys (tt_actor_key),
 * sorted and unique, and *out (sorted by raw text, caller frees with
 * free_actors) maps each as written to its key, so that the facts are
 * mapped by one lookup a row, without a key made per row.
 */
static tt_status load_actors(tt_store *s, tt_corpus *c, raw_actor **out, size_t *n,
			     tt_error *err)
{
	sqlite3_stmt *q;
	size_t alloc = 0;
	tt_strlist keys = {0};
	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT DISTINCT actor FROM hits "
			       "WHERE run_id = ?1 AND actor IS NOT NULL", -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read hits");
	sqlite3_bind_int64(q, 1, c->run);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		TT_GROW(*out, *n + 1, alloc);
		(*out)[*n].raw = xstrdup(col_text(q, 0));
		(*out)[(*n)++].key = -1;
		char *k = tt_actor_key(col_text(q, 0));
		if (*k)
			tt_strlist_push(&keys, k);
		free(k);
	}
	sqlite3_finalize(q);
	if (keys.n)
		qsort(keys.v, keys.n, sizeof(char *), cmp_str);
	size_t w = 0;
	for (size_t i = 0; i < keys.n; i++) {
		if (w && !strcmp(keys.v[w - 1], keys.v[i]))
			free(keys.v[i]);
		else
			keys.v[w++] = keys.v[i];
	}
	c->actors = keys.v;
	c->nactors = w;
	for (size_t i = 0; i < *n; i++) {
		char *k = tt_actor_key((*out)[i].raw);
		char **hit = *k ? bsearch(&k, c->actors, c->nactors, sizeof(char *), cmp_str) : NULL;
		(*out)[i].key = hit ? (int32_t)(hit - c->actors) : -1;
		free(k);
	}
	if (*n)
		qsort(*out, *n, sizeof(**out), cmp_raw_actor);
	if (rc != SQLITE_DONE)
		return tt_store_db_error(s, err, "cannot read hits");
	return TT_OK;
}

/* Drops the actors no fact names (the filters left them out). */
static void keep_used_actors(tt_corpus *c)
{
	int32_t *map = xmalloc((c->nactors ? c->nactors : 1) * sizeof(*map));
	for (size_t i = 0; i < c->nactors; i++)
		map[i] = -1;
	for (size_t i = 0; i < c->nfacts; i++)
		if (c->facts[i].actor >= 0)
			map[c->facts[i].actor] = 0;
	size_t w = 0;
	for (size_t i = 0; i < c->nactors; i++) {
		if (map[i] < 0) {
			free(c->actors[i]);
			continue;
		}
		map[i] = (int32_t)w;
		c->actors[w++] = c->actors[i];
	}
	c->nactors = w;
	for (size_t i = 0; i < c->nfacts; i++)
		if (c->facts[i].actor >= 0)
			c->facts[i].actor = map[c->facts[i].actor];
	free(map);
}

static void free_actors(raw_actor *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].raw);
	free(v);
}

static tt_status load_docs(tt_store *s, const tt_filter *f, tt_corpus *c, tt_error *err)
{
	sqlite3_stmt *q;
	size_t alloc = 0;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT d.id, d.year, d.authority, d.audit_type, d.title, d.name, "
			       "d.words, d.sentences, d.tagged_run IS ?4 "
			       "FROM documents d WHERE " DOC_FILTER " ORDER BY d.year, d.id",
			       -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read documents");
	bind_doc_filter(q, f);
	sqlite3_bind_int64(q, 4, c->run);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!c->run || !sqlite3_column_int(q, 8)) {
			c->untagged++;
			continue;
		}
		TT_GROW(c->docs, c->ndocs + 1, alloc);
		tt_cdoc *d = &c->docs[c->ndocs++];
		d->id = sqlite3_column_int64(q, 0);
		d->year = sqlite3_column_int(q, 1);
		d->authority = pool_text(c, q, 2);
		d->type = pool_text(c, q, 3);
		d->title = pool_text(c, q, 4);
		d->name = pool_text(c, q, 5);
		d->words = sqlite3_column_int64(q, 6);
		d->sentences = sqlite3_column_int64(q, 7);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return tt_store_db_error(s, err, "cannot read documents");
	return TT_OK;
}

static tt_status load_facts(tt_store *s, const tt_filter *f, tt_facts_level level, tt_corpus *c,
			    tt_error *err)
{
	sqlite3_stmt *q;
	size_t alloc = 0;
	id_index *ix = xmalloc((c->ndocs ? c->ndocs : 1) * sizeof(*ix));
	for (size_t i = 0; i < c->ndocs; i++)
		ix[i].id = c->docs[i].id, ix[i].ix = (uint32_t)i;
	qsort(ix, c->ndocs, sizeof(*ix), cmp_id_index);

	raw_actor *actors;
	size_t nactors;
	tt_status st = load_actors(s, c, &actors, &nactors, err);
	if (st != TT_OK) {
		free(ix);
		free_actors(actors, nactors);
		return st;
	}
	/* The actor asked for, as an index into c->actors; -2 for none there. */
	int32_t want = -1;
	if (f->actor && *f->actor) {
		char *k = tt_actor_key(f->actor);
		char **hit = bsearch(&k, c->actors, c->nactors, sizeof(char *), cmp_str);
		want = hit ? (int32_t)(hit - c->actors) : -2;
		free(k);
	}
	const char *sql = level == TT_FACTS_SENTENCE
		? "SELECT document_id, sentence_id, theme, polarity, actor, count(*) "
		  "FROM hits WHERE run_id = ?1 "
		  "GROUP BY document_id, sentence_id, theme, polarity, actor"
		: "SELECT document_id, 0, theme, polarity, actor, count(*) "
		  "FROM hits WHERE run_id = ?1 GROUP BY document_id, theme, polarity, actor";
	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK) {
		free(ix);
		free_actors(actors, nactors);
		return tt_store_db_error(s, err, "cannot read hits");
	}
	sqlite3_bind_int64(q, 1, c->run);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		id_index key = {sqlite3_column_int64(q, 0), 0};
		id_index *d = bsearch(&key, ix, c->ndocs, sizeof(*ix), cmp_id_index);
		if (!d)
			continue;
		int pol = polarity_code(col_text(q, 3));
		if (f->polarity != TT_POL_ANY && pol != f->polarity)
			continue;
		long th = tt_corpus_theme(c, col_text(q, 2));
		if (th < 0)
			continue;
		int32_t actor = -1;
		if (col_text(q, 4)) {
			raw_actor rk = {(char *)col_text(q, 4), 0};
			raw_actor *a = bsearch(&rk, actors, nactors, sizeof(*actors), cmp_raw_actor);
			actor = a ? a->key : -1;
		}
		if (want != -1 && actor != want)
			continue;
		TT_GROW(c->facts, c->nfacts + 1, alloc);
		tt_cfact *x = &c->facts[c->nfacts++];
		x->doc = d->ix;
		x->sentence = sqlite3_column_int64(q, 1);
		x->theme = (uint32_t)th;
		x->polarity = (uint8_t)pol;
		x->actor = actor;
		x->hits = sqlite3_column_int64(q, 5);
	}
	sqlite3_finalize(q);
	free(ix);
	free_actors(actors, nactors);
	if (rc != SQLITE_DONE)
		return tt_store_db_error(s, err, "cannot read hits");
	keep_used_actors(c);
	if (c->nfacts)
		qsort(c->facts, c->nfacts, sizeof(*c->facts), cmp_fact);
	return TT_OK;
}

tt_status tt_store_corpus(tt_store *s, const tt_filter *f, tt_facts_level level, tt_corpus *c,
			  tt_error *err)
{
	tt_status st = tt_store_corpus_head(s, c, err);
	if (st == TT_OK)
		st = load_docs(s, f, c, err);
	if (st == TT_OK && c->run && level != TT_FACTS_NONE)
		st = load_facts(s, f, level, c, err);
	if (st != TT_OK)
		tt_corpus_release(c);
	return st;
}

/* --- evidence ------------------------------------------------------------ */

#define EVIDENCE_COLS                                                         \
	"SELECT h.hit_id, h.sentence_id, h.document_id, d.year, d.authority, "   \
	"d.title, d.name, h.section, h.sentence, h.kind, h.start, h.end, "       \
	"h.theme, h.polarity, h.actor, h.rule, h.cue, h.cue_kind, h.prop_num, "  \
	"h.prop_den, h.match, h.sentence_ordinal, h.ruleset, d.audit_type "      \
	"FROM hit_evidence h JOIN documents d ON d.id = h.document_id "

static void read_evidence(sqlite3_stmt *q, tt_evidence *e)
{
	memset(e, 0, sizeof(*e));
	e->hit_id = sqlite3_column_int64(q, 0);
	e->sentence_id = sqlite3_column_int64(q, 1);
	e->document_id = sqlite3_column_int64(q, 2);
	e->year = sqlite3_column_int(q, 3);
	e->authority = col_text(q, 4);
	e->title = col_text(q, 5);
	e->name = col_text(q, 6);
	e->section = col_text(q, 7);
	e->sentence = col_text(q, 8);
	e->kind = col_text(q, 9);
	e->start = (size_t)sqlite3_column_int64(q, 10);
	e->end = (size_t)sqlite3_column_int64(q, 11);
	e->theme = col_text(q, 12);
	e->polarity = col_text(q, 13);
	e->actor = col_text(q, 14);
	e->rule = col_text(q, 15);
	e->cue = col_text(q, 16);
	e->cue_kind = col_text(q, 17);
	e->prop_num = sqlite3_column_type(q, 18) == SQLITE_NULL ? -1 : sqlite3_column_int64(q, 18);
	e->prop_den = sqlite3_column_type(q, 19) == SQLITE_NULL ? -1 : sqlite3_column_int64(q, 19);
	e->match = col_text(q, 20);
	e->sentence_ordinal = sqlite3_column_int64(q, 21);
	e->ruleset = col_text(q, 22);
	e->type = col_text(q, 23);
	if (e->end > strlen(e->sentence ? e->sentence : ""))
		e->start = e->end = 0;
}

tt_status tt_store_evidence(tt_store *s, const tt_filter *f, tt_evidence_fn fn, void *ctx,
			    tt_error *err)
{
	sqlite3_stmt *q;
	tt_buf themes = TT_BUF_INIT;
	for (size_t i = 0; i < f->nthemes; i++)
		tt_buf_addf(&themes, "%s%s", i ? "," : "", f->themes[i]);
	if (sqlite3_prepare_v2(s->db,
			       EVIDENCE_COLS "WHERE " DOC_FILTER
			       " AND (?4 IS NULL OR instr(',' || ?4 || ',', ',' || h.theme || ',') > 0)"
			       " AND (?5 IS NULL OR h.polarity = ?5)"
			       " ORDER BY d.year, d.authority, d.id, h.sentence_ordinal, h.start, h.theme",
			       -1, &q, NULL) != SQLITE_OK) {
		tt_buf_release(&themes);
		return tt_store_db_error(s, err, "cannot read hits");
	}
	bind_doc_filter(q, f);
	bind_opt(q, 4, themes.len ? themes.buf : NULL);
	bind_opt(q, 5, f->polarity == TT_POL_ANY ? NULL
		       : f->polarity == 0 ? "concern" : f->polarity == 1 ? "strength" : "mention");
	tt_buf_release(&themes);
	char *want_actor = f->actor && *f->actor ? tt_actor_key(f->actor) : NULL;
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		tt_evidence e;
		read_evidence(q, &e);
		if (want_actor) {
			char *k = e.actor ? tt_actor_key(e.actor) : NULL;
			int same = k && !strcmp(k, want_actor);
			free(k);
			if (!same)
				continue;
		}
		stop = fn(&e, ctx);
	}
	free(want_actor);
	sqlite3_finalize(q);
	if (!stop && rc != SQLITE_DONE)
		return tt_store_db_error(s, err, "cannot read hits");
	return TT_OK;
}

tt_status tt_store_hit(tt_store *s, long long id, tt_evidence_fn fn, void *ctx,
		       int *found, tt_error *err)
{
	sqlite3_stmt *q;
	*found = 0;
	if (sqlite3_prepare_v2(s->db, EVIDENCE_COLS "WHERE h.hit_id = ?1", -1, &q, NULL) !=
	    SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read hits");
	sqlite3_bind_int64(q, 1, id);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		tt_evidence e;
		read_evidence(q, &e);
		*found = 1;
		fn(&e, ctx);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return tt_store_db_error(s, err, "cannot read hits");
	return TT_OK;
}

tt_status tt_store_sentences(tt_store *s, const tt_filter *f, const char *fts,
			     tt_sentence_fn fn, void *ctx, tt_error *err)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT s.id, s.document_id, s.ordinal, s.kind, s.text, sec.path, "
			       "d.year, d.authority, d.title, d.name, d.audit_type "
			       "FROM sentences s JOIN documents d ON d.id = s.document_id "
			       "LEFT JOIN sections sec ON sec.id = s.section_id WHERE " DOC_FILTER
			       " AND (?4 IS NULL OR s.id IN "
			       "(SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?4))"
			       " ORDER BY d.year, d.authority, d.id, s.ordinal",
			       -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read sentences");
	bind_doc_filter(q, f);
	bind_opt(q, 4, fts);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		tt_stored_sentence r;
		r.id = sqlite3_column_int64(q, 0);
		r.document_id = sqlite3_column_int64(q, 1);
		r.ordinal = sqlite3_column_int64(q, 2);
		r.kind = col_text(q, 3);
		r.text = col_text(q, 4);
		r.len = (size_t)sqlite3_column_bytes(q, 4);
		r.section = col_text(q, 5);
		r.year = sqlite3_column_int(q, 6);
		r.authority = col_text(q, 7);
		r.title = col_text(q, 8);
		r.name = col_text(q, 9);
		r.type = col_text(q, 10);
		stop = fn(&r, ctx);
	}
	sqlite3_finalize(q);
	if (!stop && rc != SQLITE_DONE)
		return tt_store_db_error(s, err, "cannot read sentences");
	return TT_OK;
}
