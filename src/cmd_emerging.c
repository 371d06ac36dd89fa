/* cmd_emerging.c - `themetrack emerging`: rising themes and new words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "buf.h"
#include "cli.h"
#include "rules.h"
#include "store.h"
#include "discover_run.h"
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
			tt_opt_period(self, &recent, "recent", arg);
		} else if (c == OPT_BASELINE) {
			tt_opt_period(self, &base, "baseline", arg);
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
		} else if (c == OPT_MIN_DOCS) {
			min_docs = tt_opt_count(self, "min-docs", arg, 1, 1000000000LL);
		} else if (c == OPT_LIMIT) {
			limit = tt_opt_count(self, "limit", arg, 0, 1000000000LL);
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
	rc = tt_cli_open_corpus(self, &q, TT_FACTS_SENTENCE, &s, &corpus);
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
		tt_table *t = tt_emerging_themes(&corpus, &q.filter, &base, &recent);
		snprintf(what, sizeof(what), "emerging themes (%s): new or rising (q < 0.05) in %s "
			 "(%zu documents) against %s (%zu documents)",
			 tt_filter_polarity_name(pol), recent.text, nr, base.text, nb);
		tt_cli_print(&corpus, q.format, what, t);
	}
	if (only_terms) {
		tt_terms_opts o = {min_docs, min_g2, min_lr, (size_t)limit};
		tt_table *t = NULL;
		if (tt_emerging_terms(s, &corpus, rs, &base, &recent, &o, &t, &err) != TT_OK) {
			rc = tt_err_report(&err);
		} else {
			snprintf(what, sizeof(what), "emerging terms: rising in %s against %s "
				 "(Dunning's G2 >= %.2f, log ratio >= %.2f), in %lld+ recent "
				 "documents; uncovered first", recent.text, base.text, min_g2, min_lr,
				 min_docs);
			if (only_themes && q.format == TT_OUT_TABLE)
				printf("\n");
			tt_cli_print(&corpus, q.format, what, t);
		}
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
