/*
 * grades_run.c - the audit grade distributions of stored documents: each
 * document's sentences are read from the store and handed to the
 * extractor (grades.h); shared by `themetrack grades` and the report.
 */
#include "grades_run.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "grades.h"
#include "text.h"
#include "banned.h"

/* One document's sentences, copied out of the store's callback. */
typedef struct docbuf {
	long long id;
	int year;
	char *authority, *title, *name;
	tt_strlist text;
	int *kind;
	long long *sid;
	size_t alloc;
} docbuf;

typedef struct year_total {
	int year;
	long long docs, incomplete, o, g, ri, inad, total;
} year_total;

typedef struct grades {
	docbuf d;
	tt_table *t;
	int by_year;
	year_total *years;
	size_t nyears, years_alloc;
} grades;

static int kind_code(const char *k)
{
	if (!strcmp(k, "heading"))
		return TT_BLOCK_HEADING;
	if (!strcmp(k, "list_item"))
		return TT_BLOCK_LIST_ITEM;
	if (!strcmp(k, "table_row"))
		return TT_BLOCK_TABLE_ROW;
	return TT_BLOCK_PARAGRAPH;
}

static void docbuf_reset(docbuf *d)
{
	free(d->authority);
	free(d->title);
	free(d->name);
	tt_strlist_release(&d->text);
	d->authority = d->title = d->name = NULL;
	d->id = 0;
}

static year_total *year_slot(grades *g, int year)
{
	for (size_t i = 0; i < g->nyears; i++)
		if (g->years[i].year == year)
			return &g->years[i];
	TT_GROW(g->years, g->nyears + 1, g->years_alloc);
	year_total *y = &g->years[g->nyears++];
	memset(y, 0, sizeof(*y));
	y->year = year;
	return y;
}

/* Appends text with white space runs as one space, at most max bytes. */
static void add_flat(tt_buf *b, const char *s, size_t max)
{
	int sp = 0;
	for (size_t i = 0; s[i] && b->len < max; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '|') {
			sp = 1;
			continue;
		}
		if (sp && b->len)
			tt_buf_addch(b, ' ');
		sp = 0;
		tt_buf_addch(b, c);
	}
	/* do not leave half a UTF-8 character */
	while (b->len && ((unsigned char)b->buf[b->len - 1] & 0xC0) == 0x80 && b->len >= max)
		tt_buf_setlen(b, b->len - 1);
	if (b->len && ((unsigned char)b->buf[b->len - 1] & 0xC0) == 0xC0)
		tt_buf_setlen(b, b->len - 1);
}

/* Extracts the current document's distributions and writes them. */
static void flush_doc(grades *g)
{
	docbuf *d = &g->d;
	if (!d->id)
		return;
	size_t n = d->text.n;
	tt_grade_sentence *s = xmalloc((n ? n : 1) * sizeof(*s));
	for (size_t i = 0; i < n; i++) {
		s[i].text = d->text.v[i];
		s[i].len = strlen(d->text.v[i]);
		s[i].kind = d->kind[i];
	}
	tt_grade_list l = TT_GRADE_LIST_INIT;
	tt_grades_extract(s, n, &l);
	/* The document's own figure: the distribution covering most cases. */
	size_t top = 0;
	for (size_t i = 1; i < l.n; i++)
		if (l.v[i].total > l.v[top].total)
			top = i;
	if (g->by_year && l.n) {
		year_total *y = year_slot(g, d->year);
		const tt_grade_dist *x = &l.v[top];
		y->docs++;
		/* Counts that do not add up to the stated total (a "good or
		 * better" lump, say) would bias the shares: left out, counted. */
		if (x->outstanding + x->good + x->requires_improvement + x->inadequate !=
		    x->total) {
			y->incomplete++;
			goto rows;
		}
		y->o += x->outstanding;
		y->g += x->good;
		y->ri += x->requires_improvement;
		y->inad += x->inadequate;
		y->total += x->total;
	}
rows:
	for (size_t i = 0; !g->by_year && i < l.n; i++) {
		const tt_grade_dist *x = &l.v[i];
		tt_buf label = TT_BUF_INIT, ev = TT_BUF_INIT;
		if (x->label)
			tt_buf_add(&label, x->label, x->label_len);
		/* The first sentence (a table's header) and the last (its row). */
		if (x->first < n)
			add_flat(&ev, d->text.v[x->first], 240);
		if (x->last != x->first && x->last < n) {
			tt_buf_addstr(&ev, " / ");
			add_flat(&ev, d->text.v[x->last], ev.len + 240);
		}
		tt_table_row(g->t);
		tt_table_text(g->t, d->authority);
		if (d->year)
			tt_table_int(g->t, d->year);
		else
			tt_table_text(g->t, NULL);
		tt_table_text(g->t, d->title ? d->title : d->name);
		tt_table_text(g->t, label.len ? label.buf : NULL);
		tt_table_text(g->t, i == top ? "document" : "part");
		tt_table_int(g->t, x->outstanding);
		tt_table_int(g->t, x->good);
		tt_table_int(g->t, x->requires_improvement);
		tt_table_int(g->t, x->inadequate);
		tt_table_int(g->t, x->total);
		tt_table_text(g->t, x->total_stated ? "stated" : x->derived ? "derived" : "sum");
		/* A table row's own sentence; a statement's first sentence. */
		size_t at = x->label && x->last < n ? x->last : x->first < n ? x->first : 0;
		tt_table_int(g->t, d->sid[at]);
		tt_table_text(g->t, ev.buf);
		tt_buf_release(&label);
		tt_buf_release(&ev);
	}
	tt_grade_list_release(&l);
	free(s);
	docbuf_reset(d);
}

static int on_sentence(const tt_stored_sentence *r, void *ctx)
{
	grades *g = ctx;
	docbuf *d = &g->d;
	if (r->document_id != d->id) {
		flush_doc(g);
		d->id = r->document_id;
		d->year = r->year;
		d->authority = r->authority ? xstrdup(r->authority) : NULL;
		d->title = r->title ? xstrdup(r->title) : NULL;
		d->name = r->name ? xstrdup(r->name) : NULL;
	}
	size_t i = d->text.n;
	tt_strlist_push(&d->text, r->text);
	if (i + 1 > d->alloc) {
		d->alloc = (i + 1) * 2;
		d->kind = xrealloc(d->kind, d->alloc * sizeof(*d->kind));
		d->sid = xrealloc(d->sid, d->alloc * sizeof(*d->sid));
	}
	d->kind[i] = kind_code(r->kind);
	d->sid[i] = r->id;
	return 0;
}

static int cmp_year(const void *a, const void *b)
{
	int x = ((const year_total *)a)->year, y = ((const year_total *)b)->year;
	return (x > y) - (x < y);
}

static void year_table(grades *g, tt_table *t)
{
	static const char *const cols[] = {"year", "documents", "incomplete", "outstanding",
					   "good", "requires_improvement", "inadequate", "total",
					   "share_good_or_better", "share_inadequate"};
	for (size_t i = 0; i < TT_ARRAY_LEN(cols); i++)
		tt_table_col(t, cols[i], i < 8 ? TT_COL_INT : TT_COL_REAL);
	if (g->nyears)
		qsort(g->years, g->nyears, sizeof(*g->years), cmp_year);
	for (size_t i = 0; i < g->nyears; i++) {
		const year_total *y = &g->years[i];
		tt_table_row(t);
		if (y->year)
			tt_table_int(t, y->year);
		else
			tt_table_text(t, "unknown");
		tt_table_int(t, y->docs);
		tt_table_int(t, y->incomplete);
		tt_table_int(t, y->o);
		tt_table_int(t, y->g);
		tt_table_int(t, y->ri);
		tt_table_int(t, y->inad);
		tt_table_int(t, y->total);
		tt_table_real(t, y->total ? (double)(y->o + y->g) / (double)y->total : NAN, 3);
		tt_table_real(t, y->total ? (double)y->inad / (double)y->total : NAN, 3);
	}
}

tt_status tt_grades_table(tt_store *s, const tt_filter *f, int by_year, tt_table **out,
			  tt_error *err)
{
	grades g;
	memset(&g, 0, sizeof(g));
	g.by_year = by_year;
	g.t = tt_table_new();
	static const char *const cols[] = {"authority", "year", "title", "label", "scope",
					   "outstanding", "good", "requires_improvement",
					   "inadequate", "total", "total_from", "sentence_id",
					   "evidence"};
	static const tt_col_type types[] = {TT_COL_TEXT, TT_COL_INT, TT_COL_TEXT, TT_COL_TEXT,
					    TT_COL_TEXT, TT_COL_INT, TT_COL_INT, TT_COL_INT,
					    TT_COL_INT, TT_COL_INT, TT_COL_TEXT, TT_COL_INT,
					    TT_COL_TEXT};
	if (!g.by_year)
		tt_table_cols(g.t, cols, types, TT_ARRAY_LEN(cols));
	tt_status st = tt_store_sentences(s, f, NULL, on_sentence, &g, err);
	if (st == TT_OK) {
		flush_doc(&g);
		if (g.by_year)
			year_table(&g, g.t);
		*out = g.t;
	} else {
		tt_table_free(g.t);
	}
	docbuf_reset(&g.d);
	free(g.d.kind);
	free(g.d.sid);
	free(g.years);
	return st;
}
