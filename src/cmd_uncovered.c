/* cmd_uncovered.c - `themetrack uncovered`: findings no rule names yet. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "discover_run.h"
#include "rules.h"
#include "store.h"
#include "banned.h"

enum { OPT_RULES = 'r', OPT_EACH = 's', OPT_MIN_WORDS = 'm' };

static const tt_opt uncovered_opts[] = {
	TT_QUERY_OPTS,
	{"rules", OPT_RULES, "DIR", "rule set whose cue lexicons mark a finding (default: the installed one)"},
	{"sentences", OPT_EACH, NULL, "one row per sentence instead of one per group"},
	{"min-words", OPT_MIN_WORDS, "N", "ignore sentences shorter than N words (default 5)"},
	{NULL, 0, NULL, NULL}};

static int run(const tt_cmd *self, int argc, char **argv)
{
	tt_qopts q;
	tt_optstate os = {0};
	const char *arg, *rules = NULL;
	int c, each = 0;
	size_t min_words = 5;
	tt_qopts_init(&q, TT_POL_ANY);
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (c == TT_QOPT_THEME || c == TT_QOPT_POLARITY || c == TT_QOPT_ACTOR)
			tt_usage_fail(self, "uncovered lists sentences with no theme; --theme, "
				      "--polarity and --actor do not apply");
		if (tt_qopts_take(self, &q, c, arg))
			continue;
		if (c == OPT_RULES) {
			rules = arg;
		} else if (c == OPT_EACH) {
			each = 1;
		} else if (c == OPT_MIN_WORDS) {
			min_words = (size_t)tt_opt_count(self, "min-words", arg, 1, 1000);
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
		if (tt_uncovered_run(s, &corpus, rs, min_words, each, &t, &err) != TT_OK) {
			rc = tt_err_report(&err);
		} else {
			tt_cli_print(&corpus, q.format, "sentences that read as findings but carry no theme", t);
		}
		tt_store_close(s);
		tt_corpus_release(&corpus);
	}
	tt_error_release(&err);
	tt_ruleset_free(rs);
	tt_qopts_release(&q);
	return rc;
}

const tt_cmd tt_cmd_uncovered = {
	"uncovered",
	"sentences that read as findings but carry no theme: the next rules to write",
	"[--sentences] [--min-words N] [--rules DIR] [filters] [--format table|csv|json]",
	uncovered_opts,
	"Lists sentences of the tagged documents that carry no theme of the current\n"
	"tag run yet read as a finding (headings, table rows and statements of\n"
	"audit grades aside): a negative evaluative cue (\"poor\",\n"
	"\"lacked\"), a recommendation (\"should\", \"X to ensure\"), a proportion\n"
	"(\"in 4 of the 9 cases\"), or a place under a recommendations, learning\n"
	"points or areas-for-development heading. They are grouped by their\n"
	"commonest content word: one row per group, largest first, with the\n"
	"sentences per year, an example and the sentence ids; --sentences gives one\n"
	"row per sentence (with the signals that marked it). This is the review\n"
	"queue from which the next rule is written.\n",
	"  themetrack uncovered --db demo.db --year 2018\n"
	"  themetrack uncovered --db demo.db --sentences --format csv\n",
	run};
