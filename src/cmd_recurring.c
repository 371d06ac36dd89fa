/* cmd_recurring.c - `themetrack recurring`: the same recommendation again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "discover_run.h"
#include "rules.h"
#include "store.h"
#include "banned.h"

enum { OPT_RULES = 'r', OPT_MIN_SIM = 'm', OPT_ANY_AUTHORITY = 500 };

static const tt_opt recurring_opts[] = {
	TT_QUERY_OPTS,
	{"rules", OPT_RULES, "DIR", "rule set whose cue lexicons mark a recommendation (default: the installed one)"},
	{"min-similarity", OPT_MIN_SIM, "X", "weighted content-word Jaccard needed to link two (default 0.15)"},
	{"any-authority", OPT_ANY_AUTHORITY, NULL, "link recommendations of different authorities too"},
	{NULL, 0, NULL, NULL}};

static int run(const tt_cmd *self, int argc, char **argv)
{
	tt_qopts q;
	tt_optstate os = {0};
	const char *arg, *rules = NULL;
	int c, any_authority = 0;
	double min_sim = 0.15;
	tt_qopts_init(&q, TT_POL_ANY);
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (c == TT_QOPT_POLARITY || c == TT_QOPT_ACTOR)
			tt_usage_fail(self, "--polarity and --actor do not apply to recommendations");
		if (tt_qopts_take(self, &q, c, arg))
			continue;
		if (c == OPT_RULES) {
			rules = arg;
		} else if (c == OPT_ANY_AUTHORITY) {
			any_authority = 1;
		} else if (c == OPT_MIN_SIM) {
			char *end;
			double v = strtod(arg, &end);
			if (*end || end == arg || !(v > 0 && v <= 1))
				tt_usage_fail(self, "bad --min-similarity '%s'; give a number above 0 "
					      "and at most 1", arg);
			min_sim = v;
		}
	}
	if (os.optind < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind]);

	int rc = TT_EXIT_OK;
	tt_ruleset *rs = tt_cli_load_rules(rules, &rc);
	if (!rs) {
		tt_qopts_release(&q);
		return rc;
	}
	tt_error err;
	tt_error_init(&err);
	tt_store *s;
	tt_corpus corpus;
	rc = tt_cli_open_corpus(self, &q, TT_FACTS_SENTENCE, &s, &corpus);
	if (rc == TT_EXIT_OK) {
		tt_table *t = NULL;
		if (tt_recurring_run(s, &corpus, rs, &q.filter, min_sim, any_authority, &t, &err) !=
		    TT_OK) {
			rc = tt_err_report(&err);
		} else {
			char what[200];
			snprintf(what, sizeof(what), "recommendations made again in later years "
				 "(shared theme, weighted content-word Jaccard >= %.2f%s)", min_sim,
				 any_authority ? ", any authority" : ", same authority");
			tt_cli_print(&corpus, q.format, what, t);
		}
		tt_store_close(s);
		tt_corpus_release(&corpus);
	}
	tt_error_release(&err);
	tt_ruleset_free(rs);
	tt_qopts_release(&q);
	return rc;
}

const tt_cmd tt_cmd_recurring = {
	"recurring",
	"recommendations and learning points made again in later years",
	"[--min-similarity X] [--any-authority] [--rules DIR] [filters] [--format table|csv|json]",
	recurring_opts,
	"Finds recommendations and learning points (sentences under such headings,\n"
	"or phrased as \"X to ensure ...\", \"should ...\") that carry a theme, and\n"
	"links two from documents of different years when they share a theme and\n"
	"enough content words (Jaccard similarity of their content stems, at least\n"
	"--min-similarity, default 0.15, each word weighted by its rarity),\n"
	"within one authority unless\n"
	"--any-authority. Linked recommendations form chains; a chain spanning two\n"
	"or more years is printed one row per sentence, with the years and\n"
	"authorities it recurs in and its earliest wording. It answers \"are we\n"
	"making the same recommendation every year?\".\n",
	"  themetrack recurring --db demo.db\n"
	"  themetrack recurring --db demo.db --theme history_chronology --min-similarity 0.3\n",
	run};
