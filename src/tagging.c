/* tagging.c - tag runs over the store, in parallel, one writer. */
#include "tagging.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "banned.h"

void tt_doc_hits_match(tt_doc_hits *dh, tt_matcher *m, const tt_doc *d)
{
	dh->n = d->nsent;
	dh->nhits = 0;
	dh->per = xcalloc(d->nsent ? d->nsent : 1, sizeof(tt_hits));
	for (size_t i = 0; i < d->nsent; i++) {
		tt_hits_init(&dh->per[i]);
		tt_match_sentence(m, d, &d->sent[i], &dh->per[i]);
		dh->nhits += dh->per[i].n;
	}
}

void tt_doc_hits_release(tt_doc_hits *dh)
{
	for (size_t i = 0; i < dh->n; i++)
		tt_hits_release(&dh->per[i]);
	free(dh->per);
	memset(dh, 0, sizeof(*dh));
}

tt_status tt_tag_run_for(tt_store *s, const tt_ruleset *rs, int force, long long *run,
			 int *fresh, tt_error *err)
{
	tt_run_info last;
	tt_status st;
	long long rsid;
	*fresh = 0;
	if ((st = tt_store_latest_run(s, &last, err)) != TT_OK)
		return st;
	if (last.id && !force && !strcmp(last.hash, tt_ruleset_version(rs))) {
		*run = last.id;
		return TT_OK;
	}
	if ((st = tt_store_ruleset_put(s, rs, &rsid, err)) != TT_OK)
		return st;
	*fresh = 1;
	return tt_store_run_start(s, rsid, tt_ruleset_version(rs), run, err);
}

void tt_tag_stats_init(tt_tag_stats *st, const tt_ruleset *rs)
{
	memset(st, 0, sizeof(*st));
	st->nrules = tt_ruleset_nrule(rs);
	st->limited = xcalloc(st->nrules ? st->nrules : 1, sizeof(size_t));
}

void tt_tag_stats_release(tt_tag_stats *st)
{
	free(st->limited);
	memset(st, 0, sizeof(*st));
}

void tt_tag_stats_add_limits(tt_tag_stats *st, const tt_matcher *m)
{
	for (size_t r = 0; r < st->nrules; r++)
		st->limited[r] += tt_matcher_limit_count(m, r);
}

typedef struct slot {
	tt_doc doc;
	long long *sent_ids;
	tt_doc_hits dh;
	tt_status st;
	tt_error err;
} slot;

typedef struct job {
	const char *db_path;
	const tt_ruleset *rs;
	tt_store *w;              /* the writer's connection */
	long long run;
	long long *ids;           /* documents to tag */
	slot *slots;
	tt_tag_stats *stats;
	pthread_mutex_t mu;       /* guards stats->limited from thread_done */
	tt_error *err;
	size_t batch_docs;        /* documents in the open transaction */
	double batch_t;
} job;

typedef struct tstate {
	tt_store *r;              /* this thread's read connection */
	tt_stemmer *stem;
	tt_matcher *m;
	tt_error err;
	tt_status st;
} tstate;

static void *thread_init(void *ctx)
{
	job *j = ctx;
	tstate *t = xcalloc(1, sizeof(*t));
	tt_error_init(&t->err);
	t->st = tt_store_open(&t->r, j->db_path, TT_STORE_READ, &t->err);
	t->stem = tt_stemmer_new();
	t->m = tt_matcher_new(j->rs);
	return t;
}

static void thread_done(void *ctx, void *ts)
{
	job *j = ctx;
	tstate *t = ts;
	pthread_mutex_lock(&j->mu);
	tt_tag_stats_add_limits(j->stats, t->m);
	pthread_mutex_unlock(&j->mu);
	tt_matcher_free(t->m);
	tt_stemmer_free(t->stem);
	tt_store_close(t->r);
	tt_error_release(&t->err);
	free(t);
}

static void work(void *ctx, void *ts, size_t i)
{
	job *j = ctx;
	tstate *t = ts;
	slot *sl = &j->slots[i];
	tt_error_init(&sl->err);
	if (t->st != TT_OK) {
		sl->st = t->err.status;
		tt_error_set(&sl->err, t->err.status, t->err.file, 0, 0, "%s", t->err.msg);
		return;
	}
	sl->st = tt_store_load_doc(t->r, j->ids[i], &sl->doc, &sl->sent_ids, &sl->err);
	if (sl->st != TT_OK)
		return;
	tt_doc_analyse(&sl->doc, t->stem);
	tt_doc_hits_match(&sl->dh, t->m, &sl->doc);
}

static void slot_release(slot *sl)
{
	tt_doc_hits_release(&sl->dh);
	tt_doc_release(&sl->doc);
	free(sl->sent_ids);
	sl->sent_ids = NULL;
	tt_error_release(&sl->err);
}

static void discard(void *ctx, size_t i)
{
	job *j = ctx;
	slot_release(&j->slots[i]);
}

static int consume(void *ctx, size_t i)
{
	job *j = ctx;
	slot *sl = &j->slots[i];
	tt_status st = sl->st;
	if (st != TT_OK) {
		tt_error_set(j->err, st, sl->err.file, 0, 0, "%s", sl->err.msg);
		slot_release(sl);
		return 1;
	}
	for (size_t k = 0; k < sl->dh.n && st == TT_OK; k++)
		st = tt_store_put_hits(j->w, j->run, j->ids[i], sl->sent_ids[k], &sl->dh.per[k], j->err);
	if (st == TT_OK)
		st = tt_store_doc_tagged(j->w, j->ids[i], j->run, j->err);
	if (st == TT_OK) {
		j->stats->docs++;
		j->stats->sentences += sl->doc.nsent;
		j->stats->hits += sl->dh.nhits;
	}
	slot_release(sl);
	if (st != TT_OK)
		return 1;
	/* Commit every few hundred documents or seconds: a kill loses a batch. */
	double now = tt_now();
	if (++j->batch_docs >= 200 || now - j->batch_t > 2.0) {
		if (tt_store_commit(j->w, j->err) != TT_OK || tt_store_begin(j->w, j->err) != TT_OK)
			return 1;
		j->batch_docs = 0;
		j->batch_t = now;
	}
	return 0;
}

tt_status tt_tag_complete(tt_store *s, const char *db_path, const tt_ruleset *rs,
			  long long run, int jobs, tt_tag_stats *stats, tt_error *err)
{
	job j;
	size_t n;
	tt_status st;
	memset(&j, 0, sizeof(j));
	stats->run = run;
	if ((st = tt_store_untagged(s, run, &j.ids, &n, err)) != TT_OK)
		return st;
	j.db_path = db_path;
	j.rs = rs;
	j.w = s;
	j.run = run;
	j.slots = xcalloc(n ? n : 1, sizeof(slot));
	j.stats = stats;
	j.err = err;
	j.batch_t = tt_now();
	pthread_mutex_init(&j.mu, NULL);
	static const tt_pool_ops ops = {thread_init, thread_done, work, consume, discard};
	if ((st = tt_store_begin(s, err)) == TT_OK) {
		if (tt_pool_run(n, jobs, &ops, &j) != 0)
			st = err->status ? err->status : TT_EFAIL;
		if (st == TT_OK)
			st = tt_store_run_finish(s, run, err);
		if (st == TT_OK)
			st = tt_store_commit(s, err);
		else
			tt_store_rollback(s);
	}
	pthread_mutex_destroy(&j.mu);
	free(j.slots);
	free(j.ids);
	return st;
}
