/* discover_run.c - emerging, uncovered and recurring over the store. */
#include "discover_run.h"

#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "discover.h"
#include "grades.h"
#include "terms.h"
#include "walk.h"
#include "banned.h"

/* The rows of compare (baseline against recent) that are new or rising. */
tt_table *tt_emerging_themes(const tt_corpus *c, const tt_filter *f, const tt_period *base,
			     const tt_period *recent)
{
	/* The corpus holds every polarity; compare counts the one asked for. */
	tt_corpus view;
	tt_corpus_polarity_view(c, f->polarity, &view);
	tt_table *cmp = tt_compare(&view, f, base, recent);
	tt_corpus_view_release(&view);

	tt_table *t = tt_table_new();
	static const char *const cols[] = {"theme", "polarity", "docs_baseline", "total_baseline",
					   "share_baseline", "docs_recent", "total_recent",
					   "share_recent", "diff", "p_value", "q_value", "status"};
	static const tt_col_type types[] = {TT_COL_TEXT, TT_COL_TEXT, TT_COL_INT, TT_COL_INT,
					    TT_COL_REAL, TT_COL_INT, TT_COL_INT, TT_COL_REAL,
					    TT_COL_REAL, TT_COL_REAL, TT_COL_REAL, TT_COL_TEXT};
	tt_table_cols(t, cols, types, TT_ARRAY_LEN(cols));
	for (size_t r = 0; r < tt_table_nrows(cmp); r++) {
		const char *dir = tt_table_get(cmp, r, 11);
		if (!dir || (strcmp(dir, "new") && strcmp(dir, "up")))
			continue;
		tt_table_row(t);
		for (size_t k = 0; k < 11; k++)
			tt_table_text(t, tt_table_get(cmp, r, k));
		tt_table_text(t, !strcmp(dir, "new") ? "new" : "rising");
	}
	tt_table_free(cmp);
	return t;
}

typedef struct em {
	const tt_corpus *c;
	const tt_period *base, *recent;
	tt_terms *terms;
} em;

static int want_doc(void *ctx, size_t doc)
{
	em *e = ctx;
	int y = e->c->docs[doc].year;
	return tt_period_has(e->base, y) || tt_period_has(e->recent, y);
}

static void on_sentence_terms(void *ctx, const tt_doc *d, size_t i, long long sid, size_t doc,
			      const uint32_t *themes, size_t nthemes)
{
	em *e = ctx;
	(void)sid;
	int side = tt_period_has(e->recent, e->c->docs[doc].year) ? 1 : 0;
	tt_terms_add(e->terms, &d->sent[i], side, doc, themes, nthemes);
}

static tt_table *terms_table(const tt_corpus *c, const tt_term_row *rows, size_t n,
			     size_t limit, double min_g2, double min_lr)
{
	tt_table *t = tt_table_new();
	static const char *const cols[] = {"term", "words", "docs_recent", "docs_baseline",
					   "freq_recent", "freq_baseline", "g2", "log_ratio",
					   "covered_by", "stems"};
	static const tt_col_type types[] = {TT_COL_TEXT, TT_COL_INT, TT_COL_INT, TT_COL_INT,
					    TT_COL_INT, TT_COL_INT, TT_COL_REAL, TT_COL_REAL,
					    TT_COL_TEXT, TT_COL_TEXT};
	tt_table_cols(t, cols, types, TT_ARRAY_LEN(cols));
	size_t shown = 0;
	for (size_t i = 0; i < n && (!limit || shown < limit); i++) {
		const tt_term_row *r = &rows[i];
		if (!(r->g2 >= min_g2) || !(r->log_ratio >= min_lr))
			continue;
		shown++;
		tt_buf cov = TT_BUF_INIT;
		for (size_t k = 0; k < r->ncovered; k++)
			if (r->covered_by[k] < c->nthemes)
				tt_buf_addf(&cov, "%s%s", cov.len ? ";" : "",
					    c->themes[r->covered_by[k]].id);
		tt_table_row(t);
		tt_table_text(t, r->surface);
		tt_table_int(t, r->n);
		tt_table_int(t, r->docs_recent);
		tt_table_int(t, r->docs_baseline);
		tt_table_int(t, r->freq_recent);
		tt_table_int(t, r->freq_baseline);
		tt_table_real(t, r->g2, 2);
		tt_table_real(t, r->log_ratio, 2);
		tt_table_text(t, cov.len ? cov.buf : NULL);
		tt_table_text(t, r->key);
		tt_buf_release(&cov);
	}
	return t;
}

tt_status tt_emerging_terms(tt_store *s, const tt_corpus *c, const tt_ruleset *rs,
			    const tt_period *base, const tt_period *recent,
			    const tt_terms_opts *o, tt_table **out, tt_error *err)
{
	tt_stoplist stop;
	tt_status st = tt_stoplist_load(&stop, tt_ruleset_lexicon_dir(rs), err);
	if (st != TT_OK)
		return st;
	tt_strlist words = {stop.w, stop.n, stop.n};
	em e = {c, base, recent, tt_terms_new(&words, 3)};
	st = tt_walk(s, c, want_doc, on_sentence_terms, &e, err);
	if (st == TT_OK) {
		tt_term_row *rows = NULL;
		size_t n = 0;
		tt_terms_rank(e.terms, tt_terms_tokens(e.terms, 0), tt_terms_tokens(e.terms, 1),
			      o->min_docs, 0, &rows, &n);
		*out = terms_table(c, rows, n, o->limit, o->min_g2, o->min_lr);
		free(rows);
	}
	tt_terms_free(e.terms);
	tt_stoplist_release(&stop);
	return st;
}

/*
 * The sentences collected by uncovered and recurring, with what both
 * need to judge and describe them: the rule set's signals and the stop
 * words.
 */
typedef struct findings {
	tt_signals *sig;
	tt_stoplist stop;
	tt_finding *v;
	size_t n, alloc;
} findings;

static tt_status findings_open(findings *fs, const tt_ruleset *rs, tt_error *err)
{
	memset(fs, 0, sizeof(*fs));
	tt_status st = tt_stoplist_load(&fs->stop, tt_ruleset_lexicon_dir(rs), err);
	if (st == TT_OK)
		fs->sig = tt_signals_new(rs);
	return st;
}

static void findings_close(findings *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		tt_finding_release(&fs->v[i]);
	free(fs->v);
	tt_signals_free(fs->sig);
	tt_stoplist_release(&fs->stop);
}

/* Appends a finding for sentence s of d (its text, section, stems). */
static tt_finding *push_finding(findings *fs, const tt_doc *d, const tt_sentence *s,
				long long sid, size_t doc, unsigned bits)
{
	TT_GROW(fs->v, fs->n + 1, fs->alloc);
	tt_finding *f = &fs->v[fs->n++];
	memset(f, 0, sizeof(*f));
	f->sentence_id = sid;
	f->doc = doc;
	f->signals = bits;
	f->text = xstrdup(s->text);
	if (s->section >= 0 && (size_t)s->section < d->nsec && d->sec[s->section].path)
		f->section = xstrdup(d->sec[s->section].path);
	tt_finding_stems(f, s, &fs->stop);
	return f;
}

typedef struct unc {
	findings fs;
	size_t min_words;
} unc;

static void on_sentence_uncovered(void *ctx, const tt_doc *d, size_t i, long long sid, size_t doc,
			const uint32_t *themes, size_t nthemes)
{
	unc *u = ctx;
	const tt_sentence *s = &d->sent[i];
	(void)themes;
	/* Headings and table rows are labels and data, not findings; a
	 * statement of audit grades is a finding of the audit, not of practice. */
	if (nthemes || s->kind == TT_BLOCK_HEADING || s->kind == TT_BLOCK_TABLE_ROW)
		return;
	tt_grade_sentence gs = {s->text, s->text_len, (int)s->kind};
	tt_grade_list gl = TT_GRADE_LIST_INIT;
	size_t ngrades = tt_grades_extract(&gs, 1, &gl);
	tt_grade_list_release(&gl);
	if (ngrades)
		return;
	size_t words = 0;
	for (size_t k = 0; k < s->ntok; k++)
		words += s->tok[k].kind == TT_TOK_WORD || s->tok[k].kind == TT_TOK_ACRONYM;
	if (words < u->min_words)
		return;
	unsigned bits = tt_signals_of(u->fs.sig, d, s);
	if (!bits)
		return;
	tt_finding *f = push_finding(&u->fs, d, s, sid, doc, bits);
	if (!f->nstems)
		tt_finding_release(&u->fs.v[--u->fs.n]);
}

tt_status tt_uncovered_run(tt_store *s, const tt_corpus *c, const tt_ruleset *rs,
			   size_t min_words, int each, tt_table **out, tt_error *err)
{
	unc u;
	u.min_words = min_words;
	tt_status st = findings_open(&u.fs, rs, err);
	if (st == TT_OK)
		st = tt_walk(s, c, NULL, on_sentence_uncovered, &u, err);
	if (st == TT_OK)
		*out = tt_uncovered_table(c, u.fs.v, u.fs.n, each);
	findings_close(&u.fs);
	return st;
}

typedef struct rec {
	findings fs;
	const tt_corpus *c;
	const tt_filter *f;
} rec;

static void on_sentence_recurring(void *ctx, const tt_doc *d, size_t i, long long sid, size_t doc,
			const uint32_t *themes, size_t nthemes)
{
	rec *r = ctx;
	const tt_sentence *s = &d->sent[i];
	if (!nthemes || s->kind == TT_BLOCK_HEADING)
		return;
	int selected = !r->f->nthemes;
	for (size_t k = 0; k < nthemes && !selected; k++)
		selected = tt_filter_theme(r->f, r->c->themes[themes[k]].id);
	if (!selected)
		return;
	unsigned bits = tt_signals_of(r->fs.sig, d, s);
	if (!(bits & (TT_SIG_RECOMMEND | TT_SIG_REC_HEADING)))
		return;
	tt_finding *f = push_finding(&r->fs, d, s, sid, doc, bits);
	f->themes = xmalloc(nthemes * sizeof(*f->themes));
	memcpy(f->themes, themes, nthemes * sizeof(*f->themes));
	f->nthemes = nthemes;
}

tt_status tt_recurring_run(tt_store *s, const tt_corpus *c, const tt_ruleset *rs,
			   const tt_filter *f, double min_sim, int any_authority,
			   tt_table **out, tt_error *err)
{
	rec r;
	r.c = c;
	r.f = f;
	tt_status st = findings_open(&r.fs, rs, err);
	if (st == TT_OK)
		st = tt_walk(s, c, NULL, on_sentence_recurring, &r, err);
	if (st == TT_OK)
		*out = tt_recurring_table(c, r.fs.v, r.fs.n, min_sim, any_authority);
	findings_close(&r.fs);
	return st;
}
