/* corpus.c - periods, filters and the in-memory corpus of the analyses. */
#include "corpus.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "banned.h"

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Parses a year at *s (four digits, 1900..2100); advances *s. */
static int parse_year(const char **s, int *out)
{
	const char *p = *s;
	int v = 0, nd = 0;
	while (isdigit((unsigned char)*p) && nd < 5) {
		v = v * 10 + (*p - '0');
		p++;
		nd++;
	}
	if (nd != 4 || v < 1900 || v > 2100)
		return 0;
	*s = p;
	*out = v;
	return 1;
}

tt_status tt_period_parse(tt_period *p, const char *s, tt_error *err)
{
	const char *at = s;
	size_t alloc = 0;
	memset(p, 0, sizeof(*p));
	while (isspace((unsigned char)*at))
		at++;
	if (!*at)
		return tt_error_set(err, TT_EINPUT, NULL, 0, 0,
				    "empty period; give a year (2016), a range (2015..2017) "
				    "or a list (2015,2017)");
	for (;;) {
		int a, b;
		const char *item = at;
		if (!parse_year(&at, &a))
			goto bad;
		b = a;
		if (at[0] == '.' && at[1] == '.') {
			at += 2;
			if (!parse_year(&at, &b) || b < a)
				goto bad;
		}
		if (b - a > 200)
			goto bad;
		for (int y = a; y <= b; y++) {
			TT_GROW(p->years, p->n + 1, alloc);
			p->years[p->n++] = y;
		}
		while (isspace((unsigned char)*at))
			at++;
		if (!*at)
			break;
		if (*at != ',') {
			item = at;
			goto bad_at;
		}
		at++;
		while (isspace((unsigned char)*at))
			at++;
		continue;
bad:
		at = item;
bad_at:
		tt_period_release(p);
		return tt_error_set(err, TT_EINPUT, NULL, 0, 0,
				    "bad period '%s' at '%s'; give a year (2016), a range "
				    "(2015..2017) or a list (2015,2017) of years 1900-2100",
				    s, at);
	}
	qsort(p->years, p->n, sizeof(int), cmp_int);
	size_t w = 0;
	for (size_t i = 0; i < p->n; i++)
		if (!w || p->years[w - 1] != p->years[i])
			p->years[w++] = p->years[i];
	p->n = w;
	p->text = xstrdup(s);
	return TT_OK;
}

void tt_period_release(tt_period *p)
{
	free(p->years);
	free(p->text);
	memset(p, 0, sizeof(*p));
}

int tt_period_has(const tt_period *p, int year)
{
	if (!p->n)
		return 0;
	return bsearch(&year, p->years, p->n, sizeof(int), cmp_int) != NULL;
}

void tt_filter_init(tt_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->polarity = TT_POL_ANY;
}

void tt_filter_release(tt_filter *f)
{
	for (size_t i = 0; i < f->nthemes; i++)
		free(f->themes[i]);
	free(f->themes);
	free(f->authority);
	free(f->type);
	free(f->actor);
	tt_period_release(&f->years);
	tt_filter_init(f);
}

const char *tt_filter_polarity_name(int polarity)
{
	switch (polarity) {
	case 0: return "concern";
	case 1: return "strength";
	case 2: return "mention";
	default: return "any";
	}
}

int tt_filter_theme(const tt_filter *f, const char *t)
{
	if (!f->nthemes)
		return 1;
	for (size_t i = 0; i < f->nthemes; i++)
		if (!strcmp(f->themes[i], t))
			return 1;
	return 0;
}

char *tt_actor_key(const char *actor)
{
	tt_buf b = TT_BUF_INIT;
	const char *p = actor;
	while (isspace((unsigned char)*p))
		p++;
	if (!strncasecmp(p, "the ", 4))
		p += 4;
	int space = 0;
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (isspace(c)) {
			space = 1;
			continue;
		}
		if (space && b.len)
			tt_buf_addch(&b, ' ');
		space = 0;
		tt_buf_addch(&b, c < 128 ? tolower(c) : c);
	}
	return tt_buf_detach(&b, NULL);
}

void tt_corpus_release(tt_corpus *c)
{
	free(c->docs);
	free(c->themes);
	for (size_t i = 0; i < c->nactors; i++)
		free(c->actors[i]);
	free(c->actors);
	free(c->facts);
	tt_strlist_release(&c->pool);
	memset(c, 0, sizeof(*c));
}

void tt_corpus_polarity_view(const tt_corpus *c, int pol, tt_corpus *view)
{
	*view = *c;
	memset(&view->pool, 0, sizeof(view->pool));
	view->facts = xmalloc((c->nfacts ? c->nfacts : 1) * sizeof(*view->facts));
	view->nfacts = 0;
	for (size_t i = 0; i < c->nfacts; i++)
		if (pol == TT_POL_ANY || c->facts[i].polarity == pol)
			view->facts[view->nfacts++] = c->facts[i];
}

void tt_corpus_view_release(tt_corpus *view)
{
	free(view->facts);
	memset(view, 0, sizeof(*view));
}

long tt_corpus_theme(const tt_corpus *c, const char *id)
{
	for (size_t i = 0; i < c->nthemes; i++)
		if (!strcmp(c->themes[i].id, id))
			return (long)i;
	return -1;
}

/* Is `group` one of the comma-separated ids in `list`? */
static int in_list(const char *list, const char *group)
{
	size_t n = strlen(group);
	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && !memcmp(p, group, n))
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

static void push_unique(tt_strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return;
	tt_strlist_push(l, s);
}

/* The theme or group id nearest to `id`, or NULL when none is close. */
static const char *nearest(const tt_corpus *c, const char *id)
{
	const char *best = NULL;
	size_t bd = (size_t)-1;
	for (size_t i = 0; i < c->nthemes; i++) {
		size_t d = tt_edit_distance(id, c->themes[i].id);
		if (d < bd)
			bd = d, best = c->themes[i].id;
	}
	return bd <= 3 || (best && bd * 3 <= strlen(best)) ? best : NULL;
}

tt_status tt_corpus_expand_themes(const tt_corpus *c, tt_filter *f, tt_error *err)
{
	tt_strlist out = {0};
	for (size_t i = 0; i < f->nthemes; i++) {
		const char *id = f->themes[i];
		int found = 0;
		if (tt_corpus_theme(c, id) >= 0) {
			push_unique(&out, id);
			continue;
		}
		for (size_t t = 0; t < c->nthemes; t++)
			if (in_list(c->themes[t].groups, id)) {
				push_unique(&out, c->themes[t].id);
				found = 1;
			}
		if (!found) {
			const char *near = nearest(c, id);
			tt_strlist_release(&out);
			if (!c->nthemes)
				return tt_error_set(err, TT_EINPUT, NULL, 0, 0,
						    "unknown theme '%s'; the database has no "
						    "tag run yet, run 'themetrack tag'", id);
			if (near)
				return tt_error_set(err, TT_EINPUT, NULL, 0, 0,
						    "unknown theme or group '%s'; did you mean "
						    "'%s'?", id, near);
			return tt_error_set(err, TT_EINPUT, NULL, 0, 0,
					    "unknown theme or group '%s'; 'themetrack rules "
					    "list' shows them", id);
		}
	}
	for (size_t i = 0; i < f->nthemes; i++)
		free(f->themes[i]);
	free(f->themes);
	f->themes = out.v;
	f->nthemes = out.n;
	return TT_OK;
}
