/* cmd_cooccur.c - `themetrack cooccur`: themes that appear together. */
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "cli.h"
#include "store.h"
#include "banned.h"

enum { OPT_LEVEL = 'l' };

static const tt_opt cooccur_opts[] = {
	TT_QUERY_OPTS,
	{"level", OPT_LEVEL, "L", "unit: document (default) or sentence"},
	{NULL, 0, NULL, NULL}};

static int run(const tt_cmd *self, int argc, char **argv)
{
	tt_qopts q;
	tt_optstate os = {0};
	const char *arg;
	int c, level = TT_LEVEL_DOCUMENT;
	tt_qopts_init(&q, TT_POL_CONCERN);
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (tt_qopts_take(self, &q, c, arg))
			continue;
		if (c == OPT_LEVEL) {
			if (!strcmp(arg, "document"))
				level = TT_LEVEL_DOCUMENT;
			else if (!strcmp(arg, "sentence"))
				level = TT_LEVEL_SENTENCE;
			else
				tt_usage_fail(self, "unknown --level '%s'; use document or sentence",
					      arg);
		}
	}
	if (os.optind < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind]);

	tt_store *s;
	tt_corpus corpus;
	int rc = tt_cli_open_corpus(self, &q,
				    level == TT_LEVEL_SENTENCE ? TT_FACTS_SENTENCE : TT_FACTS_DOCUMENT,
				    &s, &corpus);
	if (rc != TT_EXIT_OK) {
		tt_qopts_release(&q);
		return rc;
	}
	tt_store_close(s);
	tt_table *t = tt_cooccur(&corpus, &q.filter, (tt_level)level);
	char what[160];
	snprintf(what, sizeof(what), "theme pairs (%s) in the same %s",
		 tt_filter_polarity_name(q.filter.polarity),
		 level == TT_LEVEL_DOCUMENT ? "document" : "sentence");
	tt_cli_print(&corpus, q.format, what, t);
	tt_corpus_release(&corpus);
	tt_qopts_release(&q);
	return TT_EXIT_OK;
}

const tt_cmd tt_cmd_cooccur = {
	"cooccur",
	"theme pairs that appear in the same documents or sentences",
	"[--level document|sentence] [filters] [--format table|csv|json]",
	cooccur_opts,
	"Per pair of themes (concern by default) carried by the same unit: the\n"
	"units with both, with each, and in all; the Jaccard index, the lift\n"
	"(observed over expected under independence), a two-sided Fisher exact\n"
	"p-value and Benjamini-Hochberg q-values. Strongest first. With --theme,\n"
	"only pairs involving the themes given.\n",
	"  themetrack cooccur --db demo.db\n"
	"  themetrack cooccur --db demo.db --level sentence --theme toxic_trio\n",
	run};
