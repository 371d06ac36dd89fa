/* cmd_grades.c - `themetrack grades`: the audit grades reports state. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "grades_run.h"
#include "store.h"
#include "banned.h"

enum { OPT_BY = 'b' };

static const tt_opt grades_opts[] = {
	TT_QUERY_OPTS,
	{"by", OPT_BY, "G", "year: totals per year instead of one row per distribution"},
	{NULL, 0, NULL, NULL}};

static int run(const tt_cmd *self, int argc, char **argv)
{
	tt_qopts q;
	tt_optstate os = {0};
	const char *arg;
	int c, by_year = 0;
	tt_qopts_init(&q, TT_POL_ANY);
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (c == TT_QOPT_THEME || c == TT_QOPT_POLARITY || c == TT_QOPT_ACTOR)
			tt_usage_fail(self, "grades are read from the text, not from theme hits; "
				      "--theme, --polarity and --actor do not apply");
		if (tt_qopts_take(self, &q, c, arg))
			continue;
		if (c == OPT_BY) {
			if (strcmp(arg, "year"))
				tt_usage_fail(self, "unknown --by '%s'; use year", arg);
			by_year = 1;
		}
	}
	if (os.optind < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind]);

	tt_store *s = NULL;
	tt_error err;
	tt_error_init(&err);
	if (tt_store_open(&s, q.db, TT_STORE_READ, &err) != TT_OK) {
		int rc = tt_err_report(&err);
		tt_error_release(&err);
		tt_qopts_release(&q);
		return rc;
	}
	int rc = TT_EXIT_OK;
	tt_table *t = NULL;
	if (tt_grades_table(s, &q.filter, by_year, &t, &err) != TT_OK) {
		rc = tt_err_report(&err);
	} else {
		tt_table_write(t, (tt_out_format)q.format, stdout);
		tt_table_free(t);
	}
	tt_store_close(s);
	tt_error_release(&err);
	tt_qopts_release(&q);
	return rc;
}

const tt_cmd tt_cmd_grades = {
	"grades",
	"the audit grade distributions the reports state",
	"[--by year] [--authority A] [--type T] [--year PERIOD] [--format table|csv|json]",
	grades_opts,
	"Reads the grades of the audited cases that reports state in prose (\"of\n"
	"the 15 cases audited, 3 were good, 9 required improvement and 3 were\n"
	"inadequate\") or in tables (rows or columns of Outstanding / Good /\n"
	"Requires improvement / Inadequate), one row per distribution found:\n"
	"scope is 'document' for the one covering most cases in that report and\n"
	"'part' for the others (a table row per agency, say); total_from says\n"
	"whether the total is stated, the sum, or derived from percentages of a\n"
	"stated total; evidence is the text it was read from. A report that\n"
	"states no grades gives no row. --by year sums each report's 'document'\n"
	"distribution per year; a report whose counts do not add up to the total\n"
	"it states (\"57 were good or outstanding\" is not broken down) is counted\n"
	"as incomplete and left out of the sums and shares. Inspection judgements (\"the overall effectiveness\n"
	"is good\") are not audit grades and are not counted.\n",
	"  themetrack grades --db demo.db\n"
	"  themetrack grades --db demo.db --by year --format csv\n",
	run};
