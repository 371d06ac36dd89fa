/* cmd_trend.c - `themetrack trend`: theme prevalence by year, authority... */
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"
#include "cli.h"
#include "store.h"
#include "banned.h"

enum { OPT_BY = 'b', OPT_TOP = 'n' };

static const tt_opt trend_opts[] = {
	TT_QUERY_OPTS,
	{"by", OPT_BY, "G", "group by year (default), authority, type or actor"},
	{"top", OPT_TOP, "N", "only the N themes carried by the most documents"},
	{NULL, 0, NULL, NULL}};

static int run(const tt_cmd *self, int argc, char **argv)
{
	tt_qopts q;
	tt_optstate os = {0};
	const char *arg;
	int c, by = TT_BY_YEAR;
	size_t top = 0;
	tt_qopts_init(&q, TT_POL_CONCERN);
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (tt_qopts_take(self, &q, c, arg))
			continue;
		if (c == OPT_BY && (by = tt_by_parse(arg)) < 0)
			tt_usage_fail(self, "unknown --by '%s'; use year, authority, type or actor",
				      arg);
		if (c == OPT_TOP)
			top = (size_t)tt_opt_count(self, "top", arg, 1, 10000);
	}
	if (os.optind < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind]);

	tt_store *s;
	tt_corpus corpus;
	int rc = tt_cli_open_corpus(self, &q, TT_FACTS_DOCUMENT, &s, &corpus);
	if (rc != TT_EXIT_OK) {
		tt_qopts_release(&q);
		return rc;
	}
	tt_store_close(s);
	tt_table *t = tt_trend(&corpus, &q.filter, (tt_by)by, top);
	char what[160];
	snprintf(what, sizeof(what), "documents with each theme (%s) by %s",
		 tt_filter_polarity_name(q.filter.polarity),
		 by == TT_BY_YEAR ? "year" : by == TT_BY_AUTHORITY ? "authority"
		 : by == TT_BY_TYPE ? "type" : "actor");
	tt_cli_print(&corpus, q.format, what, t);
	tt_corpus_release(&corpus);
	tt_qopts_release(&q);
	return TT_EXIT_OK;
}

const tt_cmd tt_cmd_trend = {
	"trend",
	"theme prevalence across years, authorities, audit types or actors",
	"[--by year|authority|type|actor] [--top N] [filters] [--format table|csv|json]",
	trend_opts,
	"Per theme and group: the documents carrying the theme (with the polarity\n"
	"given, concern by default), all documents of the group, the share with a\n"
	"Wilson 95% interval, the hits, and hits per 10,000 words. The unit is the\n"
	"document: one audit report. Groups with no documents are kept with zeros\n"
	"so that years line up. Only documents tagged by the current tag run count;\n"
	"the caption names its rule set.\n",
	"  themetrack trend --db demo.db --theme absent_fathers\n"
	"  themetrack trend --db demo.db --top 5\n"
	"  themetrack trend --db demo.db --by authority --polarity strength --format csv\n",
	run};
