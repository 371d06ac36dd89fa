/* cmd_kwic.c - `themetrack kwic`: the sentences behind a count. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "search.h"
#include "store.h"
#include "banned.h"

enum { OPT_PATTERN = 'e', OPT_WIDTH = 'w', OPT_LIMIT = 'n' };

static const tt_opt kwic_opts[] = {
	TT_QUERY_OPTS,
	{"pattern", OPT_PATTERN, "RE", "search stored sentences with a PCRE2 pattern"},
	{"width", OPT_WIDTH, "N", "characters of context each side (default 40)"},
	{"limit", OPT_LIMIT, "N", "at most N rows (default: all)"},
	{NULL, 0, NULL, NULL}};

typedef struct kwic {
	tt_table *t;
	size_t width;
	long long limit, rows;
	tt_search *search;
	long long limited;    /* sentences skipped at a match limit */
} kwic;

static int utf8_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Appends s[a..b) with runs of white space as one space. */
static void add_flat(tt_buf *o, const char *s, size_t a, size_t b)
{
	int sp = 0;
	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			sp = 1;
			continue;
		}
		if (sp && o->len)
			tt_buf_addch(o, ' ');
		sp = 0;
		tt_buf_addch(o, c);
	}
	if (sp && o->len)
		tt_buf_addch(o, ' ');
}

/* Start of the last `width` characters before byte `end`. */
static size_t back_chars(const char *s, size_t end, size_t width)
{
	size_t i = end, n = 0;
	while (i > 0 && n < width) {
		i--;
		while (i > 0 && utf8_cont((unsigned char)s[i]))
			i--;
		n++;
	}
	return i;
}

/* End of the first `width` characters from byte `start`. */
static size_t fwd_chars(const char *s, size_t len, size_t start, size_t width)
{
	size_t i = start, n = 0;
	while (i < len && n < width) {
		i++;
		while (i < len && utf8_cont((unsigned char)s[i]))
			i++;
		n++;
	}
	return i;
}

static void add_row(kwic *k, const char *authority, int year, const char *title,
		    const char *section, const char *text, size_t len, size_t ms, size_t me,
		    const tt_evidence *e, long long sentence_id)
{
	tt_buf left = TT_BUF_INIT, mid = TT_BUF_INIT, right = TT_BUF_INIT;
	size_t ls = back_chars(text, ms, k->width), re = fwd_chars(text, len, me, k->width);
	add_flat(&left, text, ls, ms);
	add_flat(&mid, text, ms, me);
	add_flat(&right, text, me, re);
	tt_table_row(k->t);
	tt_table_text(k->t, authority);
	if (year)
		tt_table_int(k->t, year);
	else
		tt_table_text(k->t, NULL);
	tt_table_text(k->t, title);
	tt_table_text(k->t, section);
	tt_table_text(k->t, left.buf);
	tt_table_text(k->t, mid.buf);
	tt_table_text(k->t, right.buf);
	tt_table_text(k->t, e ? e->theme : NULL);
	tt_table_text(k->t, e ? e->polarity : NULL);
	tt_table_text(k->t, e ? e->actor : NULL);
	tt_table_text(k->t, e ? e->rule : NULL);
	if (e)
		tt_table_int(k->t, e->hit_id);
	else
		tt_table_text(k->t, NULL);
	tt_table_int(k->t, sentence_id);
	tt_buf_release(&left);
	tt_buf_release(&mid);
	tt_buf_release(&right);
	k->rows++;
}

static int on_hit(const tt_evidence *e, void *ctx)
{
	kwic *k = ctx;
	size_t len = strlen(e->sentence);
	add_row(k, e->authority, e->year, e->title, e->section, e->sentence, len, e->start,
		e->end, e, e->sentence_id);
	return k->limit && k->rows >= k->limit;
}

static int on_sentence(const tt_stored_sentence *r, void *ctx)
{
	kwic *k = ctx;
	size_t at = 0, ms, me;
	int rc;
	while ((rc = tt_search_next(k->search, r->text, r->len, at, &ms, &me)) == 1) {
		add_row(k, r->authority, r->year, r->title, r->section, r->text, r->len, ms, me,
			NULL, r->id);
		if (k->limit && k->rows >= k->limit)
			return 1;
		at = me > ms ? me : ms + 1;
		while (at < r->len && utf8_cont((unsigned char)r->text[at]))
			at++;
	}
	if (rc < 0)
		k->limited++;
	return 0;
}

static int run(const tt_cmd *self, int argc, char **argv)
{
	tt_qopts q;
	tt_optstate os = {0};
	const char *arg, *pattern = NULL;
	int c, hit_filters = 0;
	kwic k = {0};
	k.width = 40;
	tt_qopts_init(&q, TT_POL_ANY);
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (c == TT_QOPT_POLARITY || c == TT_QOPT_ACTOR)
			hit_filters = 1;
		if (tt_qopts_take(self, &q, c, arg))
			continue;
		if (c == OPT_PATTERN)
			pattern = arg;
		else if (c == OPT_WIDTH)
			k.width = (size_t)tt_opt_count(self, "width", arg, 1, 1000);
		else if (c == OPT_LIMIT)
			k.limit = tt_opt_count(self, "limit", arg, 1, 1000000000LL);
	}
	if (os.optind < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind]);
	if (!pattern == !q.filter.nthemes)
		tt_usage_fail(self, "give either --theme ID or --pattern RE");
	if (pattern && hit_filters)
		tt_usage_fail(self, "--polarity and --actor select hits; use them with --theme");

	tt_error err;
	tt_error_init(&err);
	if (pattern && tt_search_new(&k.search, pattern, &err) != TT_OK) {
		tt_errf("%s: --pattern: %s", self->name, err.msg);
		tt_error_release(&err);
		tt_qopts_release(&q);
		return TT_EXIT_USAGE;
	}

	tt_store *s = NULL;
	tt_corpus corpus;
	int rc;
	if (pattern) {
		memset(&corpus, 0, sizeof(corpus));
		rc = tt_store_open(&s, q.db, TT_STORE_READ, &err) == TT_OK ? TT_EXIT_OK
									    : tt_err_report(&err);
	} else {
		rc = tt_cli_open_corpus(self, &q, 0, &s, &corpus);
	}
	if (rc != TT_EXIT_OK) {
		tt_search_free(k.search);
		tt_error_release(&err);
		tt_qopts_release(&q);
		return rc;
	}

	k.t = tt_table_new();
	static const char *const cols[] = {"authority", "year", "title", "section", "left",
					   "match", "right", "theme", "polarity", "actor",
					   "rule", "hit_id", "sentence_id"};
	for (size_t i = 0; i < TT_ARRAY_LEN(cols); i++)
		tt_table_col(k.t, cols[i], i == 1 || i >= 11 ? TT_COL_INT : TT_COL_TEXT);
	tt_status st;
	if (pattern) {
		char *fts = tt_search_fts_query(pattern);
		if (tt_verbosity > 0)
			tt_notef("full-text prefilter: %s", fts ? fts : "(none: every sentence)");
		st = tt_store_sentences(s, &q.filter, fts, on_sentence, &k, &err);
		free(fts);
	} else {
		st = tt_store_evidence(s, &q.filter, on_hit, &k, &err);
	}
	if (st != TT_OK) {
		rc = tt_err_report(&err);
	} else {
		if (!pattern) {
			char what[160];
			snprintf(what, sizeof(what), "evidence for %s (%s)",
				 q.filter.nthemes == 1 ? q.filter.themes[0] : "the themes given",
				 tt_filter_polarity_name(q.filter.polarity));
			tt_cli_caption(&corpus, q.format, what);
		}
		tt_table_write(k.t, (tt_out_format)q.format, stdout);
		if (k.limited)
			tt_warnf("%lld sentence%s skipped: the pattern hit the match limit there; "
				 "simplify it", k.limited, k.limited == 1 ? "" : "s");
		if (k.limit && k.rows >= k.limit)
			tt_notef("stopped at --limit %lld rows", k.limit);
	}
	tt_table_free(k.t);
	tt_search_free(k.search);
	tt_store_close(s);
	tt_corpus_release(&corpus);
	tt_error_release(&err);
	tt_qopts_release(&q);
	return rc;
}

const tt_cmd tt_cmd_kwic = {
	"kwic",
	"show the sentences behind a theme or a pattern, in context",
	"(--theme ID | --pattern RE) [--width N] [filters] [--format table|csv|json]",
	kwic_opts,
	"With --theme, one row per hit of the current tag run (any polarity unless\n"
	"--polarity is given): where it is, the words left and right of the match,\n"
	"its theme, polarity, actor and rule, and the hit_id that 'themetrack\n"
	"explain' takes. With --pattern, one row per match of a PCRE2 pattern\n"
	"(caseless unless it starts with (?-i)) in every stored sentence; whole\n"
	"words written as \\bword\\b outside groups are looked up in the full-text\n"
	"index first, so such searches read only the sentences holding them.\n",
	"  themetrack kwic --db demo.db --theme absent_fathers --year 2018\n"
	"  themetrack kwic --db demo.db --pattern '\\bhome\\b \\beducat\\w*' --width 30\n",
	run};
