/*
 * cmd_rules.c - `themetrack rules check|test|list`: load and check a rule
 * set, run its examples, list its themes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "render.h"
#include "rules.h"
#include "banned.h"

enum { OPT_RULES = 'r', OPT_FORMAT = 'f', OPT_QUIET = 'q', OPT_VERBOSE = 'v', OPT_STEMS = 900 };

static const tt_opt rules_opts[] = {
	{"rules", OPT_RULES, "DIR", "rule set directory (default: the installed rules)"},
	{"format", OPT_FORMAT, "FMT", "list: table (default), csv, tsv or json; export: pcre"},
	{"quiet", OPT_QUIET, NULL, "test: print the summary line only"},
	{"verbose", OPT_VERBOSE, NULL, "test: print passing examples too"},
	{"stems", OPT_STEMS, NULL, "export: include triggers over the stem view"},
	{NULL, 0, NULL, NULL}};

static int cmd_check(const tt_ruleset *rs)
{
	size_t nex = tt_ruleset_nexample(rs);
	printf("%s: %zu theme%s, %zu group%s, %zu rule%s, %zu example%s, "
	       "%zu file%s, %zu lexicon%s\n",
	       tt_ruleset_dir(rs),
	       tt_ruleset_ntheme(rs), tt_ruleset_ntheme(rs) == 1 ? "" : "s",
	       tt_ruleset_ngroup(rs), tt_ruleset_ngroup(rs) == 1 ? "" : "s",
	       tt_ruleset_nrule(rs), tt_ruleset_nrule(rs) == 1 ? "" : "s",
	       nex, nex == 1 ? "" : "s",
	       tt_ruleset_nfile(rs), tt_ruleset_nfile(rs) == 1 ? "" : "s",
	       tt_ruleset_nlexicon(rs), tt_ruleset_nlexicon(rs) == 1 ? "" : "s");
	printf("version %s\n", tt_ruleset_version(rs));
	return TT_EXIT_OK;
}

/* verbosity: -1 summary only, 0 failures and summary, 1 every example */
static int cmd_test(const tt_ruleset *rs, int verbosity)
{
	tt_matcher *m = tt_matcher_new(rs);
	tt_stemmer *st = tt_stemmer_new();
	size_t n = tt_ruleset_nexample(rs), failed = 0;
	for (size_t i = 0; i < n; i++) {
		const tt_example_info *ex = tt_ruleset_example(rs, i);
		const tt_rule_info *r = tt_ruleset_rule(rs, ex->rule);
		unsigned got = tt_ruleset_run_example(rs, m, st, i);
		char want[64], have[64];
		if (got == ex->expect) {
			if (verbosity > 0)
				printf("ok   %s:%zu: rule %s\n", ex->file, ex->line, r->id);
			continue;
		}
		failed++;
		if (verbosity < 0)
			continue;
		tt_polmask_format(ex->expect, want, sizeof(want));
		tt_polmask_format(got, have, sizeof(have));
		printf("FAIL %s:%zu: rule %s, theme %s: expected %s, got %s\n", ex->file,
		       ex->line, r->id, tt_ruleset_theme(rs, r->theme)->id, want, have);
		printf("     \"%s\"%s%s%s\n", ex->text, ex->under ? " under \"" : "",
		       ex->under ? ex->under : "", ex->under ? "\"" : "");
	}
	printf("%zu example%s: %zu passed, %zu failed\n", n, n == 1 ? "" : "s",
	       n - failed, failed);
	tt_stemmer_free(st);
	tt_matcher_free(m);
	return failed ? TT_EXIT_FAIL : TT_EXIT_OK;
}

static int cmd_list(const tt_ruleset *rs, int fmt)
{
	tt_table *t = tt_table_new();
	tt_table_col(t, "theme", TT_COL_TEXT);
	tt_table_col(t, "label", TT_COL_TEXT);
	tt_table_col(t, "groups", TT_COL_TEXT);
	tt_table_col(t, "rules", TT_COL_INT);
	tt_table_col(t, "examples", TT_COL_INT);
	for (size_t i = 0; i < tt_ruleset_ntheme(rs); i++) {
		const tt_theme_info *th = tt_ruleset_theme(rs, i);
		tt_buf g = TT_BUF_INIT;
		for (size_t k = 0; k < th->ngroups; k++) {
			if (k)
				tt_buf_addch(&g, ',');
			tt_buf_addstr(&g, th->groups[k]);
		}
		tt_table_row(t);
		tt_table_text(t, th->id);
		tt_table_text(t, th->label);
		tt_table_text(t, g.buf);
		tt_table_int(t, (long long)th->nrules);
		tt_table_int(t, (long long)th->nexamples);
		tt_buf_release(&g);
	}
	tt_table_write(t, (tt_out_format)fmt, stdout);
	tt_table_free(t);
	return TT_EXIT_OK;
}

/* One expanded trigger pattern a line, for pcre2grep -f and rg -P -f. */
static int cmd_export(const tt_ruleset *rs, int stems)
{
	size_t n = 0, skipped = 0;
	for (size_t i = 0; i < tt_ruleset_nrule(rs); i++) {
		int stem = 0;
		const char *p = tt_ruleset_rule_trigger(rs, i, &stem);
		if (!p)
			continue;
		if (stem && !stems) {
			skipped++;
			continue;
		}
		if (strchr(p, '\n')) {
			skipped++;
			continue;
		}
		printf("%s\n", p);
		n++;
	}
	tt_notef("%zu trigger patterns%s", n,
		 skipped ? " (stem-view triggers left out; --stems includes them)" : "");
	return TT_EXIT_OK;
}

static int run(const tt_cmd *self, int argc, char **argv)
{
	const char *dir = NULL, *arg;
	int fmt = TT_OUT_TABLE, verbosity = 0, pcre = 0, stems = 0;
	tt_optstate os = {0};
	int c;
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (c == OPT_RULES) {
			dir = arg;
		} else if (c == OPT_QUIET) {
			verbosity = -1;
		} else if (c == OPT_VERBOSE) {
			verbosity = 1;
		} else if (c == OPT_STEMS) {
			stems = 1;
		} else if (c == OPT_FORMAT && !strcmp(arg, "pcre")) {
			pcre = 1;
		} else if (c == OPT_FORMAT) {
			fmt = tt_out_format_parse(arg);
			if (fmt != TT_OUT_TABLE && fmt != TT_OUT_CSV && fmt != TT_OUT_JSON &&
			    fmt != TT_OUT_TSV)
				tt_usage_fail(self, "unknown format '%s'; use table, csv, tsv or json", arg);
		}
	}
	if (os.optind >= argc)
		tt_usage_fail(self, "missing subcommand; use check, test, list or export");
	const char *sub = argv[os.optind];
	if (strcmp(sub, "check") && strcmp(sub, "test") && strcmp(sub, "list") &&
	    strcmp(sub, "export")) {
		static const char *const subs[] = {"check", "test", "list", "export"};
		for (size_t i = 0; i < TT_ARRAY_LEN(subs); i++)
			if (tt_edit_distance(sub, subs[i]) <= 2) {
				tt_errf("rules: unknown subcommand '%s'; did you mean '%s'?", sub, subs[i]);
				return TT_EXIT_USAGE;
			}
		tt_usage_fail(self, "unknown subcommand '%s'; use check, test, list or export", sub);
	}
	if (!strcmp(sub, "export") && !pcre)
		tt_usage_fail(self, "export needs --format pcre");
	if (pcre && strcmp(sub, "export"))
		tt_usage_fail(self, "--format pcre is for export");
	if (os.optind + 1 < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind + 1]);
	int rc = TT_EXIT_OK;
	tt_ruleset *rs = tt_cli_load_rules(dir, &rc); /* NULL dir: the default */
	if (!rs)
		return rc;
	if (!strcmp(sub, "check"))
		rc = cmd_check(rs);
	else if (!strcmp(sub, "test"))
		rc = cmd_test(rs, verbosity);
	else if (!strcmp(sub, "export"))
		rc = cmd_export(rs, stems);
	else
		rc = cmd_list(rs, fmt);
	if (fflush(stdout) != 0) {
		tt_errf("cannot write output");
		rc = TT_EXIT_FAIL;
	}
	tt_ruleset_free(rs);
	return rc;
}

const tt_cmd tt_cmd_rules = {
	"rules",
	"check a rule set, run its examples, list its themes",
	"check|test|list|export [--rules DIR] [--format table|csv|tsv|json|pcre] [--stems]",
	rules_opts,
	"check  loads the rule set and its lexicons; prints counts and the version\n"
	"       (a SHA-256 over the rule files and lexicons); a bad set exits 2\n"
	"       with file:line:col and the error.\n"
	"test   runs every `example` line and prints each failure; exits 1 if any.\n"
	"list   prints the themes with their labels, groups, rule and example\n"
	"       counts.\n"
	"export --format pcre prints every rule's trigger as compiled, lexicons\n"
	"       expanded, one a line (for pcre2grep -f or rg -P -f; match them\n"
	"       caselessly); triggers over the stem view only with --stems.\n"
	"The rule language is described in rules/README.md.\n",
	"  themetrack rules check --rules rules\n"
	"  themetrack rules test\n"
	"  themetrack rules export --format pcre > triggers.txt\n",
	run};
