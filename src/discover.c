/* discover.c - uncovered findings and recurring recommendations. */
#include "discover.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "rules.h"
#include "terms.h"
#include "banned.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

tt_status tt_stoplist_load(tt_stoplist *l, const char *dir, tt_error *err)
{
	tt_buf path = TT_BUF_INIT;
	char *data = NULL;
	size_t len = 0;
	memset(l, 0, sizeof(*l));
	tt_buf_addf(&path, "%s/stop_words.txt", dir);
	int rc = tt_read_file(path.buf, &data, &len);
	if (rc) {
		tt_status st = tt_error_set(err, TT_EFAIL, path.buf, 0, 0,
					    "cannot read the stop-word list: %s; it ships with "
					    "the lexicons", strerror(rc));
		tt_buf_release(&path);
		return st;
	}
	tt_buf_release(&path);
	tt_strlist words = {0};
	tt_terms_parse_stop_words(data, len, &words); /* the one stop-word format */
	free(data);
	if (words.n)
		qsort(words.v, words.n, sizeof(char *), cmp_str);
	l->w = words.v;
	l->n = words.n;
	return TT_OK;
}

void tt_stoplist_release(tt_stoplist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->w[i]);
	free(l->w);
	memset(l, 0, sizeof(*l));
}

int tt_stoplist_has(const tt_stoplist *l, const char *w, size_t n)
{
	size_t lo = 0, hi = l->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(l->w[mid], w, n);
		if (!c && l->w[mid][n])
			c = 1;
		if (!c)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

void tt_finding_stems(tt_finding *f, const tt_sentence *s, const tt_stoplist *stop)
{
	tt_strlist st = {0}, sf = {0};
	char low[128];
	for (size_t i = 0; i < s->ntok; i++) {
		const tt_token *t = &s->tok[i];
		size_t n = t->end - t->start;
		if ((t->kind != TT_TOK_WORD && t->kind != TT_TOK_ACRONYM) || n < 3 ||
		    n >= sizeof(low))
			continue;
		for (size_t k = 0; k < n; k++)
			low[k] = (char)tolower((unsigned char)s->norm[t->start + k]);
		low[n] = '\0';
		if (tt_stoplist_has(stop, low, n) || !s->stems || t->stem_end <= t->stem_start)
			continue;
		char *stem = xmemdup(s->stems + t->stem_start, t->stem_end - t->stem_start);
		int dup = 0;
		for (size_t k = 0; k < st.n && !dup; k++)
			dup = !strcmp(st.v[k], stem);
		if (!dup) {
			tt_strlist_push(&st, stem);
			tt_strlist_push(&sf, low);
		}
		free(stem);
	}
	/* Sort stems, carrying their surface words along. */
	for (size_t i = 1; i < st.n; i++)
		for (size_t j = i; j > 0 && strcmp(st.v[j - 1], st.v[j]) > 0; j--) {
			char *x = st.v[j];
			st.v[j] = st.v[j - 1];
			st.v[j - 1] = x;
			x = sf.v[j];
			sf.v[j] = sf.v[j - 1];
			sf.v[j - 1] = x;
		}
	f->stems = st.v;
	f->surface = sf.v;
	f->nstems = st.n;
}

void tt_finding_release(tt_finding *f)
{
	for (size_t i = 0; i < f->nstems; i++) {
		free(f->stems[i]);
		free(f->surface[i]);
	}
	free(f->stems);
	free(f->surface);
	free(f->themes);
	free(f->text);
	free(f->section);
	memset(f, 0, sizeof(*f));
}

double tt_stems_jaccard(char *const *a, size_t na, char *const *b, size_t nb)
{
	size_t i = 0, j = 0, both = 0;
	while (i < na && j < nb) {
		int c = strcmp(a[i], b[j]);
		if (!c)
			both++, i++, j++;
		else if (c < 0)
			i++;
		else
			j++;
	}
	return na + nb - both ? (double)both / (double)(na + nb - both) : 0.0;
}

/* --- uncovered ------------------------------------------------------------ */

typedef struct stem_count {
	const char *stem;
	const char *surface;  /* commonest surface form */
	long long n;
} stem_count;

static int cmp_stem_count(const void *a, const void *b)
{
	return strcmp(((const stem_count *)a)->stem, ((const stem_count *)b)->stem);
}

typedef struct group {
	size_t stem;          /* index into the counts */
	size_t *members;
	size_t n, alloc;
} group;

static int cmp_group(const void *a, const void *b)
{
	const group *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return (x->stem > y->stem) - (x->stem < y->stem);
}

static void year_list(const tt_corpus *c, const tt_finding *v, const size_t *m, size_t n,
		      tt_buf *out)
{
	int years[64];
	long long counts[64];
	size_t ny = 0;
	for (size_t i = 0; i < n; i++) {
		int y = c->docs[v[m[i]].doc].year;
		size_t k = 0;
		while (k < ny && years[k] != y)
			k++;
		if (k == ny && ny < 64) {
			years[ny] = y;
			counts[ny++] = 0;
		}
		if (k < ny)
			counts[k]++;
	}
	for (size_t i = 1; i < ny; i++)
		for (size_t j = i; j > 0 && years[j - 1] > years[j]; j--) {
			int t = years[j];
			years[j] = years[j - 1];
			years[j - 1] = t;
			long long u = counts[j];
			counts[j] = counts[j - 1];
			counts[j - 1] = u;
		}
	for (size_t i = 0; i < ny; i++) {
		if (years[i])
			tt_buf_addf(out, "%s%d:%lld", i ? ";" : "", years[i], counts[i]);
		else
			tt_buf_addf(out, "%sunknown:%lld", i ? ";" : "", counts[i]);
	}
}

tt_table *tt_uncovered_table(const tt_corpus *c, tt_finding *v, size_t n, int each)
{
	/* How many findings share each stem. */
	stem_count *sc = NULL;
	size_t nsc = 0, alloc = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < v[i].nstems; k++) {
			TT_GROW(sc, nsc + 1, alloc);
			sc[nsc].stem = v[i].stems[k];
			sc[nsc].surface = v[i].surface[k];
			sc[nsc++].n = 1;
		}
	if (nsc)
		qsort(sc, nsc, sizeof(*sc), cmp_stem_count);
	size_t w = 0;
	for (size_t i = 0; i < nsc; i++) {
		if (w && !strcmp(sc[w - 1].stem, sc[i].stem)) {
			sc[w - 1].n++;
			continue;
		}
		sc[w++] = sc[i];
	}
	nsc = w;

	group *g = xcalloc(nsc ? nsc : 1, sizeof(*g));
	for (size_t i = 0; i < nsc; i++)
		g[i].stem = i;
	for (size_t i = 0; i < n; i++) {
		long best = -1;
		for (size_t k = 0; k < v[i].nstems; k++) {
			stem_count key = {v[i].stems[k], NULL, 0};
			stem_count *x = bsearch(&key, sc, nsc, sizeof(*sc), cmp_stem_count);
			long ix = (long)(x - sc);
			if (best < 0 || sc[ix].n > sc[best].n)
				best = ix; /* stems are sorted: ties keep the first */
		}
		if (best < 0)
			continue;
		group *gr = &g[best];
		TT_GROW(gr->members, gr->n + 1, gr->alloc);
		gr->members[gr->n++] = i;
	}
	qsort(g, nsc, sizeof(*g), cmp_group);

	tt_table *t = tt_table_new();
	if (each) {
		static const char *const cols[] = {"group", "authority", "year", "title", "section",
						   "signals", "sentence", "sentence_id"};
		for (size_t i = 0; i < TT_ARRAY_LEN(cols); i++)
			tt_table_col(t, cols[i], i == 2 || i == 7 ? TT_COL_INT : TT_COL_TEXT);
	} else {
		static const char *const cols[] = {"group", "sentences", "documents", "years",
						   "example", "sentence_ids"};
		for (size_t i = 0; i < TT_ARRAY_LEN(cols); i++)
			tt_table_col(t, cols[i], i == 1 || i == 2 ? TT_COL_INT : TT_COL_TEXT);
	}
	for (size_t gi = 0; gi < nsc && g[gi].n; gi++) {
		const group *gr = &g[gi];
		const char *label = sc[gr->stem].surface;
		if (each) {
			for (size_t k = 0; k < gr->n; k++) {
				const tt_finding *f = &v[gr->members[k]];
				const tt_cdoc *d = &c->docs[f->doc];
				char sig[64];
				tt_signals_format(f->signals, sig, sizeof(sig));
				tt_table_row(t);
				tt_table_text(t, label);
				tt_table_text(t, d->authority);
				if (d->year)
					tt_table_int(t, d->year);
				else
					tt_table_text(t, NULL);
				tt_table_text(t, d->title ? d->title : d->name);
				tt_table_text(t, f->section);
				tt_table_text(t, sig);
				tt_table_text(t, f->text);
				tt_table_int(t, f->sentence_id);
			}
			continue;
		}
		tt_buf years = TT_BUF_INIT, ids = TT_BUF_INIT;
		long long docs = 0;
		size_t last = (size_t)-1;
		for (size_t k = 0; k < gr->n; k++) {
			const tt_finding *f = &v[gr->members[k]];
			if (f->doc != last)
				docs++, last = f->doc;
			tt_buf_addf(&ids, "%s%lld", k ? ";" : "", f->sentence_id);
		}
		year_list(c, v, gr->members, gr->n, &years);
		tt_table_row(t);
		tt_table_text(t, label);
		tt_table_int(t, (long long)gr->n);
		tt_table_int(t, docs);
		tt_table_text(t, years.buf);
		tt_table_text(t, v[gr->members[0]].text);
		tt_table_text(t, ids.buf);
		tt_buf_release(&years);
		tt_buf_release(&ids);
	}
	for (size_t i = 0; i < nsc; i++)
		free(g[i].members);
	free(g);
	free(sc);
	return t;
}

/* --- recurring ------------------------------------------------------------ */

static size_t uf_find(size_t *p, size_t x)
{
	while (p[x] != x) {
		p[x] = p[p[x]];
		x = p[x];
	}
	return x;
}

static int share_theme(const tt_finding *a, const tt_finding *b)
{
	size_t i = 0, j = 0;
	while (i < a->nthemes && j < b->nthemes) {
		if (a->themes[i] == b->themes[j])
			return 1;
		if (a->themes[i] < b->themes[j])
			i++;
		else
			j++;
	}
	return 0;
}

static int same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* A chain member with its sort key: year, then document, then sentence. */
typedef struct member {
	int year;
	size_t doc;
	long long sid;
	size_t ix;            /* index into the findings */
} member;

typedef struct chain {
	size_t root;
	member *m;            /* in reading order */
	size_t n, alloc;
	size_t nyears;
	size_t first;         /* earliest member's finding */
} chain;

static int cmp_member(const void *a, const void *b)
{
	const member *x = a, *y = b;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return (x->sid > y->sid) - (x->sid < y->sid);
}

static int cmp_chain(const void *a, const void *b)
{
	const chain *x = a, *y = b;
	if (x->nyears != y->nyears)
		return x->nyears > y->nyears ? -1 : 1;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

static void distinct_join(tt_buf *out, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int seen = 0;
		for (size_t k = 0; k < i && !seen; k++)
			seen = same_text(v[k], v[i]);
		if (!seen)
			tt_buf_addf(out, "%s%s", out->len ? ";" : "", v[i] ? v[i] : "unknown");
	}
}

/* Inverse document frequency of every stem over the findings. */
typedef struct idf {
	stem_count *sc;       /* stems, sorted, with their frequency */
	size_t n;
	double **w;           /* per finding: the weight of each of its stems */
} idf;

static void idf_build(idf *x, tt_finding *v, size_t n)
{
	size_t alloc = 0;
	memset(x, 0, sizeof(*x));
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < v[i].nstems; k++) {
			TT_GROW(x->sc, x->n + 1, alloc);
			x->sc[x->n].stem = v[i].stems[k];
			x->sc[x->n].surface = NULL;
			x->sc[x->n++].n = 1;
		}
	if (x->n)
		qsort(x->sc, x->n, sizeof(*x->sc), cmp_stem_count);
	size_t w = 0;
	for (size_t i = 0; i < x->n; i++) {
		if (w && !strcmp(x->sc[w - 1].stem, x->sc[i].stem))
			x->sc[w - 1].n++;
		else
			x->sc[w++] = x->sc[i];
	}
	x->n = w;
	x->w = xmalloc((n ? n : 1) * sizeof(*x->w));
	for (size_t i = 0; i < n; i++) {
		x->w[i] = xmalloc((v[i].nstems ? v[i].nstems : 1) * sizeof(double));
		for (size_t k = 0; k < v[i].nstems; k++) {
			stem_count key = {v[i].stems[k], NULL, 0};
			stem_count *hit = bsearch(&key, x->sc, x->n, sizeof(*x->sc),
						  cmp_stem_count);
			x->w[i][k] = log((double)(n + 1) / (double)hit->n);
		}
	}
}

static void idf_release(idf *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(x->w[i]);
	free(x->w);
	free(x->sc);
}

/* Jaccard with each stem weighted by its rarity among the findings. */
static double weighted_jaccard(const tt_finding *a, const double *wa, const tt_finding *b,
			       const double *wb)
{
	size_t i = 0, j = 0;
	double both = 0, all = 0;
	while (i < a->nstems && j < b->nstems) {
		int c = strcmp(a->stems[i], b->stems[j]);
		if (!c) {
			both += wa[i];
			all += wa[i];
			i++, j++;
		} else if (c < 0) {
			all += wa[i++];
		} else {
			all += wb[j++];
		}
	}
	while (i < a->nstems)
		all += wa[i++];
	while (j < b->nstems)
		all += wb[j++];
	return all > 0 ? both / all : 0.0;
}

tt_table *tt_recurring_table(const tt_corpus *c, tt_finding *v, size_t n, double min_sim,
			     int any_authority)
{
	idf x;
	idf_build(&x, v, n);
	size_t *parent = xmalloc((n ? n : 1) * sizeof(*parent));
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			const tt_cdoc *a = &c->docs[v[i].doc], *b = &c->docs[v[j].doc];
			if (a->year == b->year || !a->year || !b->year)
				continue;
			if (!any_authority && !same_text(a->authority, b->authority))
				continue;
			if (v[i].nstems < TT_RECUR_MIN_STEMS || v[j].nstems < TT_RECUR_MIN_STEMS ||
			    !share_theme(&v[i], &v[j]))
				continue;
			if (weighted_jaccard(&v[i], x.w[i], &v[j], x.w[j]) < min_sim)
				continue;
			size_t ri = uf_find(parent, i), rj = uf_find(parent, j);
			if (ri != rj)
				parent[ri < rj ? rj : ri] = ri < rj ? ri : rj;
		}

	chain *ch = NULL;
	size_t nch = 0, alloc = 0;
	for (size_t i = 0; i < n; i++) {
		size_t r = uf_find(parent, i);
		size_t k = 0;
		while (k < nch && ch[k].root != r)
			k++;
		if (k == nch) {
			TT_GROW(ch, nch + 1, alloc);
			memset(&ch[nch], 0, sizeof(ch[nch]));
			ch[nch++].root = r;
		}
		TT_GROW(ch[k].m, ch[k].n + 1, ch[k].alloc);
		member *mb = &ch[k].m[ch[k].n++];
		mb->year = c->docs[v[i].doc].year;
		mb->doc = v[i].doc;
		mb->sid = v[i].sentence_id;
		mb->ix = i;
	}
	size_t keep = 0;
	for (size_t k = 0; k < nch; k++) {
		qsort(ch[k].m, ch[k].n, sizeof(member), cmp_member);
		int last = -1;
		ch[k].nyears = 0;
		for (size_t i = 0; i < ch[k].n; i++) {
			if (ch[k].m[i].year != last)
				ch[k].nyears++, last = ch[k].m[i].year;
		}
		ch[k].first = ch[k].m[0].ix;
		if (ch[k].nyears >= 2)
			ch[keep++] = ch[k];
		else
			free(ch[k].m);
	}
	nch = keep;
	if (nch)
		qsort(ch, nch, sizeof(*ch), cmp_chain);

	tt_table *t = tt_table_new();
	static const char *const cols[] = {"chain", "years", "authorities", "recommendation",
					   "year", "authority", "title", "section", "themes",
					   "similarity", "sentence", "sentence_id"};
	for (size_t i = 0; i < TT_ARRAY_LEN(cols); i++)
		tt_table_col(t, cols[i], i == 0 || i == 4 || i == 11 ? TT_COL_INT
					 : i == 9 ? TT_COL_REAL : TT_COL_TEXT);
	for (size_t k = 0; k < nch; k++) {
		const chain *h = &ch[k];
		const tt_finding *f0 = &v[h->first];
		tt_buf years = TT_BUF_INIT, auth = TT_BUF_INIT;
		const char **av = xmalloc(h->n * sizeof(*av));
		int last = -1;
		for (size_t i = 0; i < h->n; i++) {
			const tt_cdoc *d = &c->docs[v[h->m[i].ix].doc];
			av[i] = d->authority;
			if (d->year != last) {
				tt_buf_addf(&years, "%s%d", years.len ? ";" : "", d->year);
				last = d->year;
			}
		}
		distinct_join(&auth, av, h->n);
		free(av);
		for (size_t i = 0; i < h->n; i++) {
			const tt_finding *f = &v[h->m[i].ix];
			const tt_cdoc *d = &c->docs[f->doc];
			tt_buf th = TT_BUF_INIT;
			for (size_t q = 0; q < f->nthemes; q++)
				tt_buf_addf(&th, "%s%s", q ? ";" : "", c->themes[f->themes[q]].id);
			tt_table_row(t);
			tt_table_int(t, (long long)k + 1);
			tt_table_text(t, years.buf);
			tt_table_text(t, auth.buf);
			tt_table_text(t, f0->text);
			tt_table_int(t, d->year);
			tt_table_text(t, d->authority);
			tt_table_text(t, d->title ? d->title : d->name);
			tt_table_text(t, f->section);
			tt_table_text(t, th.buf);
			tt_table_real(t, weighted_jaccard(f0, x.w[h->first], f, x.w[h->m[i].ix]), 2);
			tt_table_text(t, f->text);
			tt_table_int(t, f->sentence_id);
			tt_buf_release(&th);
		}
		tt_buf_release(&years);
		tt_buf_release(&auth);
	}
	for (size_t k = 0; k < nch; k++)
		free(ch[k].m);
	free(ch);
	free(parent);
	idf_release(&x, n);
	return t;
}
