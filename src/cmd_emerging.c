/* cmd_emerging.c - `themetrack emerging`: rising themes and new words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "cli.h"
#include "rules.h"
#include "store.h"
#include "terms.h"
#include "walk.h"
#include "banned.h"

enum {
	OPT_RECENT = 600,
	OPT_BASELINE,
	OPT_THEMES,
	OPT_TERMS,
	OPT_MIN_DOCS,
	OPT_LIMIT,
	OPT_MIN_G2,
	OPT_MIN_LR,
	OPT_RULES = 'r'
};

static const tt_opt emerging_opts[] = {
	TT_QUERY_OPTS,
	{"recent", OPT_RECENT, "PERIOD", "the recent period (required)"},
	{"baseline", OPT_BASELINE, "PERIOD", "what it is compared with (default: every earlier year)"},
	{"themes", OPT_THEMES, NULL, "only the emerging themes"},
	{"terms", OPT_TERMS, NULL, "only the emerging terms"},
	{"min-docs", OPT_MIN_DOCS, "N", "a term must be in N recent documents (default 2)"},
	{"limit", OPT_LIMIT, "N", "at most N terms (default 50; 0 for all)"},
	{"min-g2", OPT_MIN_G2, "X", "a term's G2 must reach X (default 3.84: p < 0.05, 1 df)"},
	{"min-log-ratio", OPT_MIN_LR, "X", "and its log2 ratio X (default 1: twice as frequent)"},
	{"rules", OPT_RULES, "DIR", "rule set whose lexicons hold the stop words (default: the installed one)"},
	{NULL, 0, NULL, NULL}};

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

static void on_sentence(void *ctx, const tt_doc *d, size_t i, long long sid, size_t doc,
			const uint32_t *themes, size_t nthemes)
{
	em *e = ctx;
	(void)sid;
	int side = tt_period_has(e->recent, e->c->docs[doc].year) ? 1 : 0;
	tt_terms_add(e->terms, &d->sent[i], side, doc, themes, nthemes);
}

static void parse_period(const tt_cmd *self, tt_period *p, const char *opt, const char *arg)
{
	tt_error err;
	tt_error_init(&err);
	tt_period_release(p);
	if (tt_period_parse(p, arg, &err) != TT_OK) {
		char msg[1100];
		snprintf(msg, sizeof(msg), "--%s: %s", opt, err.msg);
		tt_error_release(&err);
		tt_usage_fail(self, "%s", msg);
	}
	tt_error_release(&err);
}

/* The rows of compare (baseline against recent) that are new or rising. */
static tt_table *themes_table(const tt_corpus *c, const tt_filter *f, const tt_period *base,
			      const tt_period *recent)
{
	/* The corpus holds every polarity; compare counts the one asked for. */
	tt_corpus view = *c;
	view.facts = xmalloc((c->nfacts ? c->nfacts : 1) * sizeof(*view.facts));
	view.nfacts = 0;
	for (size_t i = 0; i < c->nfacts; i++)
		if (f->polarity == TT_POL_ANY || c->facts[i].polarity == f->polarity)
			view.facts[view.nfacts++] = c->facts[i];
	tt_table *cmp = tt_compare(&view, f, base, recent);
	free(view.facts);

	tt_table *t = tt_table_new();
	static const char *const cols[] = {"theme", "polarity", "docs_baseline", "total_baseline",
					   "share_baseline", "docs_recent", "total_recent",
					   "share_recent", "diff", "p_value", "q_value", "status"};
	static const tt_col_type types[] = {TT_COL_TEXT, TT_COL_TEXT, TT_COL_INT, TT_COL_INT,
					    TT_COL_REAL, TT_COL_INT, TT_COL_INT, TT_COL_REAL,
					    TT_COL_REAL, TT_COL_REAL, TT_COL_REAL, TT_COL_TEXT};
	for (size_t i = 0; i < TT_ARRAY_LEN(cols); i++)
		tt_table_col(t, cols[i], types[i]);
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
	for (size_t i = 0; i < TT_ARRAY_LEN(cols); i++)
		tt_table_col(t, cols[i], types[i]);
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

static tt_status load_stop_words(const tt_ruleset *rs, tt_strlist *out, tt_error *err)
{
	tt_buf path = TT_BUF_INIT;
	char *data = NULL;
	size_t len = 0;
	tt_buf_addf(&path, "%s/stop_words.txt", tt_ruleset_lexicon_dir(rs));
	int rc = tt_read_file(path.buf, &data, &len);
	if (rc) {
		tt_status st = tt_error_set(err, TT_EFAIL, path.buf, 0, 0,
					    "cannot read the stop-word list: %s", strerror(rc));
		tt_buf_release(&path);
		return st;
	}
	tt_terms_parse_stop_words(data, len, out);
	free(data);
	tt_buf_release(&path);
	return TT_OK;
}

static int run(const tt_cmd *self, int argc, char **argv)
{
	tt_qopts q;
	tt_optstate os = {0};
	tt_period recent = {0}, base = {0};
	const char *arg, *rules = NULL;
	int c, only_themes = 0, only_terms = 0;
	long long min_docs = 2, limit = 50;
	double min_g2 = 3.84, min_lr = 1.0;
	tt_qopts_init(&q, TT_POL_CONCERN);
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (c == TT_QOPT_YEAR)
			tt_usage_fail(self, "give the periods with --recent and --baseline");
		if (tt_qopts_take(self, &q, c, arg))
			continue;
		if (c == OPT_RECENT) {
			parse_period(self, &recent, "recent", arg);
		} else if (c == OPT_BASELINE) {
			parse_period(self, &base, "baseline", arg);
		} else if (c == OPT_THEMES) {
			only_themes = 1;
		} else if (c == OPT_TERMS) {
			only_terms = 1;
		} else if (c == OPT_RULES) {
			rules = arg;
		} else if (c == OPT_MIN_LR) {
			char *end;
			min_lr = strtod(arg, &end);
			if (*end || end == arg || !(min_lr >= -100 && min_lr <= 100))
				tt_usage_fail(self, "bad --min-log-ratio '%s'; give a number", arg);
		} else if (c == OPT_MIN_G2) {
			char *end;
			min_g2 = strtod(arg, &end);
			if (*end || end == arg || !(min_g2 >= 0) || min_g2 > 1e9)
				tt_usage_fail(self, "bad --min-g2 '%s'; give a number, 0 or more", arg);
		} else if (c == OPT_MIN_DOCS || c == OPT_LIMIT) {
			char *end;
			long long v = strtoll(arg, &end, 10);
			if (*end || end == arg || v < (c == OPT_LIMIT ? 0 : 1) || v > 1000000000LL)
				tt_usage_fail(self, "bad --%s '%s'; give a whole number",
					      c == OPT_LIMIT ? "limit" : "min-docs", arg);
			if (c == OPT_LIMIT)
				limit = v;
			else
				min_docs = v;
		}
	}
	if (os.optind < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind]);
	if (!recent.n)
		tt_usage_fail(self, "give the recent period with --recent PERIOD");
	int both = !only_themes && !only_terms;
	if (both)
		only_themes = only_terms = 1;
	if (both && q.format != TT_OUT_TABLE)
		tt_usage_fail(self, "with csv or json, choose --themes or --terms (one table "
			      "per run)");

	int rc = TT_EXIT_OK;
	tt_ruleset *rs = tt_cli_load_rules(rules, &rc);
	if (!rs) {
		tt_qopts_release(&q);
		return rc;
	}
	int pol = q.filter.polarity;
	q.filter.polarity = TT_POL_ANY; /* coverage counts every polarity */
	tt_store *s;
	tt_corpus corpus;
	tt_error err;
	tt_error_init(&err);
	rc = tt_cli_open_corpus(self, &q, 1, &s, &corpus);
	q.filter.polarity = pol;
	if (rc != TT_EXIT_OK)
		goto out;
	if (!base.n) {
		/* every earlier year the store holds */
		for (size_t i = 0; i < corpus.ndocs; i++) {
			int y = corpus.docs[i].year;
			if (y && y < recent.years[0] && !tt_period_has(&base, y)) {
				base.years = xrealloc(base.years, (base.n + 1) * sizeof(int));
				base.years[base.n++] = y;
			}
		}
		tt_buf b = TT_BUF_INIT;
		for (size_t i = 0; i < base.n; i++)
			tt_buf_addf(&b, "%s%d", i ? "," : "", base.years[i]);
		base.text = tt_buf_detach(&b, NULL);
	}
	for (size_t i = 0; i < base.n; i++)
		if (tt_period_has(&recent, base.years[i]))
			tt_usage_fail(self, "--baseline and --recent share %d; the periods must not "
				      "overlap", base.years[i]);
	size_t nb = tt_corpus_count_in(&corpus, &base), nr = tt_corpus_count_in(&corpus, &recent);
	if (!nb || !nr) {
		const char *txt = !nr ? recent.text : base.text;
		tt_errf("%s: no tagged documents in the %s period '%s'; 'themetrack stats' lists "
			"the years stored", self->name, !nr ? "recent" : "baseline",
			txt && *txt ? txt : "before it");
		rc = TT_EXIT_USAGE;
		tt_store_close(s);
		tt_corpus_release(&corpus);
		goto out;
	}
	char what[256];
	if (only_themes) {
		tt_table *t = themes_table(&corpus, &q.filter, &base, &recent);
		snprintf(what, sizeof(what), "emerging themes (%s): new or rising (q < 0.05) in %s "
			 "(%zu documents) against %s (%zu documents)",
			 tt_filter_polarity_name(pol), recent.text, nr, base.text, nb);
		tt_cli_caption(&corpus, q.format, what);
		tt_table_write(t, (tt_out_format)q.format, stdout);
		tt_table_free(t);
	}
	if (only_terms) {
		tt_strlist stop = {0};
		if (load_stop_words(rs, &stop, &err) != TT_OK) {
			rc = tt_err_report(&err);
		} else {
			em e = {&corpus, &base, &recent, tt_terms_new(&stop, 3)};
			if (tt_walk(s, &corpus, want_doc, on_sentence, &e, &err) != TT_OK) {
				rc = tt_err_report(&err);
			} else {
				tt_term_row *rows = NULL;
				size_t n = 0;
				tt_terms_rank(e.terms, tt_terms_tokens(e.terms, 0),
					      tt_terms_tokens(e.terms, 1), min_docs, 0, &rows, &n);
				tt_table *t = terms_table(&corpus, rows, n, (size_t)limit, min_g2,
							  min_lr);
				snprintf(what, sizeof(what), "%semerging terms: rising in %s against %s "
					 "(Dunning's G2 >= %.2f, log ratio >= %.2f), in %lld+ recent "
					 "documents; uncovered first", only_themes ? "\n" : "",
					 recent.text, base.text, min_g2, min_lr, min_docs);
				if (only_themes && q.format == TT_OUT_TABLE)
					printf("\n");
				tt_cli_caption(&corpus, q.format, what + (only_themes ? 1 : 0));
				tt_table_write(t, (tt_out_format)q.format, stdout);
				tt_table_free(t);
				free(rows);
			}
			tt_terms_free(e.terms);
		}
		tt_strlist_release(&stop);
	}
	tt_store_close(s);
	tt_corpus_release(&corpus);
out:
	tt_error_release(&err);
	tt_ruleset_free(rs);
	tt_period_release(&recent);
	tt_period_release(&base);
	tt_qopts_release(&q);
	return rc;
}

const tt_cmd tt_cmd_emerging = {
	"emerging",
	"themes new or rising in a recent period, and the words rising with them",
	"--recent PERIOD [--baseline PERIOD] [--themes|--terms] [filters] [--format table|csv|json]",
	emerging_opts,
	"Themes: per theme (concern by default), the documents carrying it in the\n"
	"baseline (default: every earlier year) and the recent period, kept when\n"
	"it is new (none before) or rising (Fisher exact, Benjamini-Hochberg q <\n"
	"0.05), as in 'themetrack compare'.\n"
	"Terms: stemmed words and phrases of one to three words (stop words\n"
	"trimmed from their edges; never across a sentence end, a number or\n"
	"punctuation) found in --min-docs recent documents and relatively more\n"
	"frequent than in the baseline, with Dunning's log-likelihood G2 at least\n"
	"--min-g2 (default 3.84, p < 0.05 with one degree of freedom) and a log2\n"
	"ratio of at least --min-log-ratio (default 1: twice as frequent), ranked by G2,\n"
	"with Hardie's log ratio, the documents and occurrences on each side, the\n"
	"commonest wording, and covered_by: the themes whose sentences hold at\n"
	"least half of its recent occurrences. Uncovered terms come first: they\n"
	"are the candidates for new rules. With csv or json give --themes or\n"
	"--terms.\n",
	"  themetrack emerging --db demo.db --recent 2018\n"
	"  themetrack emerging --db demo.db --recent 2017..2018 --baseline 2015..2016 --terms --format csv\n",
	run};
