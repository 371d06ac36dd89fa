/* cmd_compare.c - `themetrack compare`: one period against another. */
#include <stdio.h>

#include "analysis.h"
#include "cli.h"
#include "store.h"
#include "banned.h"

enum { OPT_FROM = 400 + 64, OPT_TO };

static const tt_opt compare_opts[] = {
	TT_QUERY_OPTS,
	{"from", OPT_FROM, "PERIOD", "the earlier period (required)"},
	{"to", OPT_TO, "PERIOD", "the later period (required)"},
	{NULL, 0, NULL, NULL}};

static int run(const tt_cmd *self, int argc, char **argv)
{
	tt_qopts q;
	tt_optstate os = {0};
	tt_period from = {0}, to = {0};
	const char *arg;
	int c;
	tt_qopts_init(&q, TT_POL_CONCERN);
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (tt_qopts_take(self, &q, c, arg))
			continue;
		if (c == OPT_FROM)
			tt_opt_period(self, &from, "from", arg);
		else if (c == OPT_TO)
			tt_opt_period(self, &to, "to", arg);
	}
	if (os.optind < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind]);
	if (!from.n || !to.n)
		tt_usage_fail(self, "give both --from PERIOD and --to PERIOD");
	for (size_t i = 0; i < from.n; i++)
		if (tt_period_has(&to, from.years[i]))
			tt_usage_fail(self, "--from '%s' and --to '%s' share %d; the periods "
				      "must not overlap", from.text, to.text, from.years[i]);

	tt_store *s;
	tt_corpus corpus;
	int rc = tt_cli_open_corpus(self, &q, TT_FACTS_DOCUMENT, &s, &corpus);
	if (rc == TT_EXIT_OK) {
		tt_store_close(s);
		size_t na = tt_corpus_count_in(&corpus, &from), nb = tt_corpus_count_in(&corpus, &to);
		if (!na || !nb) {
			tt_errf("%s: no tagged documents in %s '%s'; 'themetrack stats' lists the "
				"years stored", self->name, !na ? "--from" : "--to",
				!na ? from.text : to.text);
			rc = TT_EXIT_USAGE;
		} else {
			tt_table *t = tt_compare(&corpus, &q.filter, &from, &to);
			char what[200];
			snprintf(what, sizeof(what), "documents with each theme (%s): %s (a, %zu "
				 "documents) against %s (b, %zu documents)",
				 tt_filter_polarity_name(q.filter.polarity), from.text, na, to.text, nb);
			tt_cli_print(&corpus, q.format, what, t);
		}
		tt_corpus_release(&corpus);
	}
	tt_period_release(&from);
	tt_period_release(&to);
	tt_qopts_release(&q);
	return rc;
}

const tt_cmd tt_cmd_compare = {
	"compare",
	"compare theme prevalence between two periods",
	"--from PERIOD --to PERIOD [filters] [--format table|csv|json]",
	compare_opts,
	"Per theme: the documents carrying it (concern by default) in each period,\n"
	"the shares and their difference (b - a), a two-sided Fisher exact test on\n"
	"the 2x2 table of documents, and Benjamini-Hochberg q-values across the\n"
	"rows. direction is new or gone when one period has none, up or down when\n"
	"q < 0.05, else flat. Themes found in neither period are left out. Sorted\n"
	"by q, then by the size of the difference. A PERIOD is a year (2016), a\n"
	"range (2015..2017) or a list (2015,2017).\n",
	"  themetrack compare --db demo.db --from 2015 --to 2018\n"
	"  themetrack compare --db demo.db --from 2015..2016 --to 2017..2018 --format csv\n",
	run};
