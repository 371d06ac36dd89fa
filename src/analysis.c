/* analysis.c - trend, compare and co-occurrence over a loaded corpus. */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "banned.h"

#define Z95 1.959963984540054

int tt_by_parse(const char *s)
{
	static const char *const names[] = {"year", "authority", "type", "actor"};
	for (size_t i = 0; i < TT_ARRAY_LEN(names); i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	return -1;
}

/* The selected themes' indexes in c, in rule-set order; caller frees. */
static size_t *selected_themes(const tt_corpus *c, const tt_filter *f, size_t *n)
{
	size_t *v = xmalloc((c->nthemes ? c->nthemes : 1) * sizeof(*v));
	*n = 0;
	for (size_t t = 0; t < c->nthemes; t++)
		if (tt_filter_theme(f, c->themes[t].id))
			v[(*n)++] = t;
	return v;
}

/* --- trend --------------------------------------------------------------- */

typedef struct groups {
	char **label;          /* owned */
	size_t n;
	long *of_doc;          /* group of each document, -1 none */
	long long *docs, *words; /* per group */
} groups;

static int cmp_strp(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	return strcmp(x, y);
}

static long find_label(const groups *g, const char *s)
{
	for (size_t i = 0; i < g->n; i++)
		if (!strcmp(g->label[i], s))
			return (long)i;
	return -1;
}

static void groups_build(groups *g, const tt_corpus *c, const tt_filter *f, tt_by by)
{
	memset(g, 0, sizeof(*g));
	g->of_doc = xmalloc((c->ndocs ? c->ndocs : 1) * sizeof(*g->of_doc));
	if (by == TT_BY_YEAR) {
		int lo = 0, hi = -1, unknown = 0;
		for (size_t i = 0; i < c->ndocs; i++) {
			int y = c->docs[i].year;
			if (!y) {
				unknown = 1;
				continue;
			}
			if (hi < lo)
				lo = hi = y;
			lo = y < lo ? y : lo;
			hi = y > hi ? y : hi;
		}
		size_t n = f->years.n ? f->years.n : (size_t)(hi - lo + 1);
		g->label = xmalloc((n + 1) * sizeof(*g->label));
		for (size_t i = 0; i < n; i++) {
			char b[16];
			snprintf(b, sizeof(b), "%d", f->years.n ? f->years.years[i] : lo + (int)i);
			g->label[g->n++] = xstrdup(b);
		}
		if (unknown && !f->years.n)
			g->label[g->n++] = xstrdup("unknown");
		for (size_t i = 0; i < c->ndocs; i++) {
			char b[16];
			if (c->docs[i].year)
				snprintf(b, sizeof(b), "%d", c->docs[i].year);
			else
				snprintf(b, sizeof(b), "unknown");
			g->of_doc[i] = find_label(g, b);
		}
	} else if (by == TT_BY_AUTHORITY || by == TT_BY_TYPE) {
		size_t alloc = 0;
		for (size_t i = 0; i < c->ndocs; i++) {
			const char *v = by == TT_BY_TYPE ? c->docs[i].type : c->docs[i].authority;
			if (!v || !*v)
				v = "unknown";
			if (find_label(g, v) < 0) {
				TT_GROW(g->label, g->n + 1, alloc);
				g->label[g->n++] = xstrdup(v);
			}
		}
		if (g->n)
			qsort(g->label, g->n, sizeof(*g->label), cmp_strp);
		for (size_t i = 0; i < c->ndocs; i++) {
			const char *v = by == TT_BY_TYPE ? c->docs[i].type : c->docs[i].authority;
			g->of_doc[i] = find_label(g, v && *v ? v : "unknown");
		}
	} else {
		g->label = xmalloc((c->nactors ? c->nactors : 1) * sizeof(*g->label));
		for (size_t i = 0; i < c->nactors; i++)
			g->label[g->n++] = xstrdup(c->actors[i]);
		for (size_t i = 0; i < c->ndocs; i++)
			g->of_doc[i] = -1;
	}
	g->docs = xcalloc(g->n ? g->n : 1, sizeof(*g->docs));
	g->words = xcalloc(g->n ? g->n : 1, sizeof(*g->words));
	for (size_t i = 0; i < c->ndocs; i++) {
		if (by == TT_BY_ACTOR) {
			for (size_t k = 0; k < g->n; k++) {
				g->docs[k]++;
				g->words[k] += c->docs[i].words;
			}
		} else if (g->of_doc[i] >= 0) {
			g->docs[g->of_doc[i]]++;
			g->words[g->of_doc[i]] += c->docs[i].words;
		}
	}
}

static void groups_release(groups *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->label[i]);
	free(g->label);
	free(g->of_doc);
	free(g->docs);
	free(g->words);
}

/* Ranking for --top: documents carrying the theme, then hits. */
typedef struct rank {
	size_t theme;
	long long docs, hits;
} rank;

static int cmp_rank(const void *a, const void *b)
{
	const rank *x = a, *y = b;
	if (x->docs != y->docs)
		return x->docs > y->docs ? -1 : 1;
	if (x->hits != y->hits)
		return x->hits > y->hits ? -1 : 1;
	return (x->theme > y->theme) - (x->theme < y->theme);
}

tt_table *tt_trend(const tt_corpus *c, const tt_filter *f, tt_by by, size_t top)
{
	groups g;
	size_t nsel;
	size_t *sel = selected_themes(c, f, &nsel);
	groups_build(&g, c, f, by);

	size_t ncell = c->nthemes * (g.n ? g.n : 1);
	long long *with = xcalloc(ncell ? ncell : 1, sizeof(*with));
	long long *hits = xcalloc(ncell ? ncell : 1, sizeof(*hits));
	long *last = xmalloc((ncell ? ncell : 1) * sizeof(*last));
	for (size_t i = 0; i < ncell; i++)
		last[i] = -1;
	/* Facts are sorted by document: a cell counts a document once. */
	for (size_t i = 0; i < c->nfacts; i++) {
		const tt_cfact *x = &c->facts[i];
		long grp = by == TT_BY_ACTOR ? x->actor : g.of_doc[x->doc];
		if (grp < 0)
			continue;
		size_t cell = x->theme * g.n + (size_t)grp;
		hits[cell] += x->hits;
		if (last[cell] != (long)x->doc) {
			last[cell] = (long)x->doc;
			with[cell]++;
		}
	}

	if (top && top < nsel) {
		rank *r = xmalloc(nsel * sizeof(*r));
		for (size_t k = 0; k < nsel; k++) {
			r[k].theme = sel[k];
			r[k].docs = r[k].hits = 0;
			for (size_t gi = 0; gi < g.n; gi++) {
				r[k].docs += with[sel[k] * g.n + gi];
				r[k].hits += hits[sel[k] * g.n + gi];
			}
		}
		qsort(r, nsel, sizeof(*r), cmp_rank);
		for (size_t k = 0; k < top; k++)
			sel[k] = r[k].theme;
		nsel = top;
		free(r);
	}

	tt_table *t = tt_table_new();
	static const char *const cols[] = {"theme", "polarity", "group", "docs_with",
					   "docs_total", "share", "ci_low", "ci_high",
					   "hits", "hits_per_10k_words"};
	for (size_t i = 0; i < TT_ARRAY_LEN(cols); i++)
		tt_table_col(t, cols[i], i < 3 ? TT_COL_TEXT : (i == 3 || i == 4 || i == 8)
							   ? TT_COL_INT : TT_COL_REAL);
	for (size_t k = 0; k < nsel; k++) {
		size_t th = sel[k];
		for (size_t gi = 0; gi < g.n; gi++) {
			size_t cell = th * g.n + gi;
			long long n = g.docs[gi];
			double lo, hi;
			tt_wilson(with[cell], n, Z95, &lo, &hi);
			tt_table_row(t);
			tt_table_text(t, c->themes[th].id);
			tt_table_text(t, tt_filter_polarity_name(f->polarity));
			tt_table_text(t, g.label[gi]);
			tt_table_int(t, with[cell]);
			tt_table_int(t, n);
			tt_table_real(t, n ? (double)with[cell] / (double)n : NAN, 3);
			tt_table_real(t, n ? lo : NAN, 3);
			tt_table_real(t, n ? hi : NAN, 3);
			tt_table_int(t, hits[cell]);
			tt_table_real(t, g.words[gi] ? hits[cell] * 10000.0 / (double)g.words[gi]
						     : NAN, 2);
		}
	}
	free(with);
	free(hits);
	free(last);
	free(sel);
	groups_release(&g);
	return t;
}

/* --- compare ------------------------------------------------------------- */

size_t tt_corpus_count_in(const tt_corpus *c, const tt_period *p)
{
	size_t n = 0;
	for (size_t i = 0; i < c->ndocs; i++)
		n += tt_period_has(p, c->docs[i].year);
	return n;
}

typedef struct cmp_row {
	size_t theme;
	long long a, b;
	double diff, p, q;
	const char *dir;
} cmp_row;

static int cmp_rows(const void *x, const void *y)
{
	const cmp_row *a = x, *b = y;
	if (a->q != b->q)
		return a->q < b->q ? -1 : 1;
	double da = fabs(a->diff), db = fabs(b->diff);
	if (da != db)
		return da > db ? -1 : 1;
	return (a->theme > b->theme) - (a->theme < b->theme);
}

tt_table *tt_compare(const tt_corpus *c, const tt_filter *f, const tt_period *pa,
		     const tt_period *pb)
{
	size_t nsel;
	size_t *sel = selected_themes(c, f, &nsel);
	long long ta = (long long)tt_corpus_count_in(c, pa);
	long long tb = (long long)tt_corpus_count_in(c, pb);
	long long *da = xcalloc(c->nthemes ? c->nthemes : 1, sizeof(*da));
	long long *db = xcalloc(c->nthemes ? c->nthemes : 1, sizeof(*db));
	long *last = xmalloc((c->nthemes ? c->nthemes : 1) * sizeof(*last));
	for (size_t i = 0; i < c->nthemes; i++)
		last[i] = -1;
	for (size_t i = 0; i < c->nfacts; i++) {
		const tt_cfact *x = &c->facts[i];
		if (last[x->theme] == (long)x->doc)
			continue;
		last[x->theme] = (long)x->doc;
		int y = c->docs[x->doc].year;
		if (tt_period_has(pa, y))
			da[x->theme]++;
		else if (tt_period_has(pb, y))
			db[x->theme]++;
	}

	cmp_row *rows = xmalloc((nsel ? nsel : 1) * sizeof(*rows));
	double *p = xmalloc((nsel ? nsel : 1) * sizeof(*p));
	double *q = xmalloc((nsel ? nsel : 1) * sizeof(*q));
	size_t n = 0;
	for (size_t k = 0; k < nsel; k++) {
		size_t th = sel[k];
		if (!da[th] && !db[th])
			continue;
		cmp_row *r = &rows[n];
		r->theme = th;
		r->a = da[th];
		r->b = db[th];
		r->diff = (tb ? (double)r->b / (double)tb : 0) - (ta ? (double)r->a / (double)ta : 0);
		r->p = tt_fisher_two_sided(r->a, ta - r->a, r->b, tb - r->b);
		p[n++] = r->p;
	}
	tt_bh_adjust(p, n, q);
	for (size_t i = 0; i < n; i++) {
		cmp_row *r = &rows[i];
		r->q = q[i];
		if (!r->a)
			r->dir = "new";
		else if (!r->b)
			r->dir = "gone";
		else if (r->q < 0.05)
			r->dir = r->diff > 0 ? "up" : "down";
		else
			r->dir = "flat";
	}
	if (n)
		qsort(rows, n, sizeof(*rows), cmp_rows);

	tt_table *t = tt_table_new();
	static const char *const cols[] = {"theme", "polarity", "docs_a", "total_a", "share_a",
					   "docs_b", "total_b", "share_b", "diff", "p_value",
					   "q_value", "direction"};
	static const tt_col_type types[] = {TT_COL_TEXT, TT_COL_TEXT, TT_COL_INT, TT_COL_INT,
					    TT_COL_REAL, TT_COL_INT, TT_COL_INT, TT_COL_REAL,
					    TT_COL_REAL, TT_COL_REAL, TT_COL_REAL, TT_COL_TEXT};
	tt_table_cols(t, cols, types, TT_ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++) {
		const cmp_row *r = &rows[i];
		tt_table_row(t);
		tt_table_text(t, c->themes[r->theme].id);
		tt_table_text(t, tt_filter_polarity_name(f->polarity));
		tt_table_int(t, r->a);
		tt_table_int(t, ta);
		tt_table_real(t, ta ? (double)r->a / (double)ta : NAN, 3);
		tt_table_int(t, r->b);
		tt_table_int(t, tb);
		tt_table_real(t, tb ? (double)r->b / (double)tb : NAN, 3);
		tt_table_real(t, r->diff, 3);
		tt_table_realg(t, r->p, 4);
		tt_table_realg(t, r->q, 4);
		tt_table_text(t, r->dir);
	}
	free(rows);
	free(p);
	free(q);
	free(da);
	free(db);
	free(last);
	free(sel);
	return t;
}

/* --- co-occurrence ------------------------------------------------------- */

typedef struct pair_row {
	size_t a, b;
	long long both;
	double jac, lift, p, q;
} pair_row;

static int cmp_pairs(const void *x, const void *y)
{
	const pair_row *a = x, *b = y;
	if (a->p != b->p)
		return a->p < b->p ? -1 : 1;
	if (a->jac != b->jac)
		return a->jac > b->jac ? -1 : 1;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return (a->b > b->b) - (a->b < b->b);
}

/* Adds one unit's distinct themes (present[] flags, list in `u`). */
static void count_unit(size_t nt, unsigned char *present, size_t *u, size_t nu,
		       long long *single, long long *pair)
{
	for (size_t i = 0; i < nu; i++) {
		single[u[i]]++;
		for (size_t j = 0; j < nu; j++)
			if (u[i] < u[j])
				pair[u[i] * nt + u[j]]++;
	}
	for (size_t i = 0; i < nu; i++)
		present[u[i]] = 0;
}

tt_table *tt_cooccur(const tt_corpus *c, const tt_filter *f, tt_level level)
{
	size_t nt = c->nthemes;
	long long units = 0;
	for (size_t i = 0; i < c->ndocs; i++)
		units += level == TT_LEVEL_DOCUMENT ? 1 : c->docs[i].sentences;
	long long *single = xcalloc(nt ? nt : 1, sizeof(*single));
	long long *pair = xcalloc(nt ? nt * nt : 1, sizeof(*pair));
	unsigned char *present = xcalloc(nt ? nt : 1, 1);
	size_t *u = xmalloc((nt ? nt : 1) * sizeof(*u));
	size_t nu = 0;
	for (size_t i = 0; i < c->nfacts; i++) {
		const tt_cfact *x = &c->facts[i];
		if (i && (x->doc != c->facts[i - 1].doc ||
			  (level == TT_LEVEL_SENTENCE && x->sentence != c->facts[i - 1].sentence))) {
			count_unit(nt, present, u, nu, single, pair);
			nu = 0;
		}
		if (!present[x->theme]) {
			present[x->theme] = 1;
			u[nu++] = x->theme;
		}
	}
	count_unit(nt, present, u, nu, single, pair);

	pair_row *rows = NULL;
	size_t n = 0, alloc = 0;
	for (size_t a = 0; a < nt; a++)
		for (size_t b = a + 1; b < nt; b++) {
			long long both = pair[a * nt + b];
			if (!both || (!tt_filter_theme(f, c->themes[a].id) &&
				      !tt_filter_theme(f, c->themes[b].id)))
				continue;
			TT_GROW(rows, n + 1, alloc);
			pair_row *r = &rows[n++];
			r->a = a;
			r->b = b;
			r->both = both;
			r->jac = tt_jaccard(both, single[a], single[b]);
			r->lift = tt_lift(both, single[a], single[b], units);
			r->p = tt_cooccur_fisher(both, single[a], single[b], units);
		}
	double *p = xmalloc((n ? n : 1) * sizeof(*p)), *q = xmalloc((n ? n : 1) * sizeof(*q));
	for (size_t i = 0; i < n; i++)
		p[i] = rows[i].p;
	tt_bh_adjust(p, n, q);
	for (size_t i = 0; i < n; i++)
		rows[i].q = q[i];
	if (n)
		qsort(rows, n, sizeof(*rows), cmp_pairs);

	tt_table *t = tt_table_new();
	static const char *const cols[] = {"theme_a", "theme_b", "both", "units_a", "units_b",
					   "units", "jaccard", "lift", "p_value", "q_value"};
	static const tt_col_type types[] = {TT_COL_TEXT, TT_COL_TEXT, TT_COL_INT, TT_COL_INT,
					    TT_COL_INT, TT_COL_INT, TT_COL_REAL, TT_COL_REAL,
					    TT_COL_REAL, TT_COL_REAL};
	tt_table_cols(t, cols, types, TT_ARRAY_LEN(cols));
	for (size_t i = 0; i < n; i++) {
		const pair_row *r = &rows[i];
		tt_table_row(t);
		tt_table_text(t, c->themes[r->a].id);
		tt_table_text(t, c->themes[r->b].id);
		tt_table_int(t, r->both);
		tt_table_int(t, single[r->a]);
		tt_table_int(t, single[r->b]);
		tt_table_int(t, units);
		tt_table_real(t, r->jac, 3);
		tt_table_real(t, r->lift, 2);
		tt_table_realg(t, r->p, 4);
		tt_table_realg(t, r->q, 4);
	}
	free(rows);
	free(p);
	free(q);
	free(single);
	free(pair);
	free(present);
	free(u);
	return t;
}
