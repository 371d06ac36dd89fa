/* cmd_stats.c - `themetrack stats`: what the database holds. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "store.h"
#include "banned.h"

enum { OPT_DB = 'd', OPT_FORMAT = 'f' };

static const tt_opt stats_opts[] = {
	{"db", OPT_DB, "FILE", "database (default $THEMETRACK_DB or themetrack.db)"},
	{"format", OPT_FORMAT, "FMT", "table (default), csv or json"},
	{NULL, 0, NULL, NULL}};

static int run(const tt_cmd *self, int argc, char **argv)
{
	const char *db = tt_default_db(), *arg;
	int fmt = TT_OUT_TABLE;
	tt_optstate os = {0};
	int c;
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (c == OPT_DB)
			db = arg;
		else if (c == OPT_FORMAT)
			fmt = tt_opt_format(self, arg, TT_FMTS_QUERY);
	}
	if (os.optind < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind]);

	tt_store *s;
	tt_error err;
	tt_table *docs, *kinds, *themes = NULL;
	tt_error_init(&err);
	if (tt_store_open(&s, db, TT_STORE_READ, &err) != TT_OK ||
	    tt_store_summary(s, &docs, &kinds, &err) != TT_OK ||
	    tt_store_theme_summary(s, &themes, &err) != TT_OK) {
		int rc = tt_err_report(&err);
		tt_error_release(&err);
		tt_store_close(s);
		return rc;
	}
	tt_store_close(s);
	if (fmt == TT_OUT_TABLE) {
		printf("documents by year and authority\n\n");
		tt_table_write(docs, TT_OUT_TABLE, stdout);
		printf("\nsentences by kind\n\n");
		tt_table_write(kinds, TT_OUT_TABLE, stdout);
		if (tt_table_nrows(themes)) {
			printf("\ndocuments carrying each theme (current tag run)\n\n");
			tt_table_write(themes, TT_OUT_TABLE, stdout);
		}
	} else {
		tt_table_write(docs, (tt_out_format)fmt, stdout);
	}
	tt_table_free(docs);
	tt_table_free(kinds);
	tt_table_free(themes);
	return TT_EXIT_OK;
}

const tt_cmd tt_cmd_stats = {
	"stats",
	"summarise what the database holds",
	"[--db FILE] [--format table|csv|json]",
	stats_opts,
	"Prints documents by year and authority, sentences by kind and, once\n"
	"tagged, the documents carrying each theme as a concern, a strength and\n"
	"a mention. With csv or json, prints the first table only.\n",
	"  themetrack stats --db demo.db\n",
	run};
