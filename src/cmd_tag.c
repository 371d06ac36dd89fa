/*
 * cmd_tag.c - `themetrack tag`: tag the stored sentences with a rule set.
 * A run with the same rule set as the latest is resumed (or is a no-op
 * when complete) unless --force; another rule set starts a new run over
 * every document. Only the latest finished run's hits are current.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pool.h"
#include "rules.h"
#include "store.h"
#include "tagging.h"
#include "banned.h"

enum { OPT_DB = 'd', OPT_RULES = 'r', OPT_JOBS = 'j', OPT_QUIET = 'q', OPT_FORCE = 256 };

static const tt_opt tag_opts[] = {
	{"db", OPT_DB, "FILE", "database (default $THEMETRACK_DB or themetrack.db)"},
	{"rules", OPT_RULES, "DIR", "rule set (default: the installed one)"},
	{"force", OPT_FORCE, NULL, "re-tag even when the rule set has not changed"},
	{"jobs", OPT_JOBS, "N", "worker threads (default: the number of cores)"},
	{"quiet", OPT_QUIET, NULL, "only errors"},
	{NULL, 0, NULL, NULL}};

static int run(const tt_cmd *self, int argc, char **argv)
{
	const char *db = tt_default_db(), *rules = NULL, *arg;
	int jobs = 0, force = 0, c;
	tt_optstate os = {0};
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		switch (c) {
		case OPT_DB: db = arg; break;
		case OPT_RULES: rules = arg; break;
		case OPT_FORCE: force = 1; break;
		case OPT_QUIET: tt_verbosity = -1; break;
		case OPT_JOBS: jobs = tt_opt_jobs(self, arg); break;
		}
	}
	if (os.optind < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind]);

	tt_error err;
	tt_ruleset *rs = NULL;
	tt_store *s = NULL;
	tt_status st;
	int status;
	tt_error_init(&err);
	if (tt_ruleset_load(&rs, rules ? rules : tt_default_rules(), &err) != TT_OK ||
	    tt_store_open(&s, db, TT_STORE_READ, &err) != TT_OK) {
		status = tt_err_report(&err);
		goto out;
	}
	tt_store_close(s); /* it exists and is ours; now open it to write */
	if (tt_store_open(&s, db, TT_STORE_WRITE, &err) != TT_OK) {
		s = NULL;
		status = tt_err_report(&err);
		goto out;
	}

	long long runid = 0;
	int fresh = 0;
	double t0 = tt_now();
	if ((st = tt_store_begin(s, &err)) == TT_OK &&
	    (st = tt_tag_run_for(s, rs, force, &runid, &fresh, &err)) == TT_OK)
		st = tt_store_commit(s, &err);
	if (st != TT_OK) {
		status = tt_err_report(&err);
		goto out;
	}

	tt_tag_stats ts;
	tt_tag_stats_init(&ts, rs);
	st = tt_tag_complete(s, db, rs, runid, jobs ? jobs : tt_pool_cores(), &ts, &err);
	if (st != TT_OK) {
		status = tt_err_report(&err);
		tt_errf("tagging stopped; run 'themetrack tag' again to finish");
	} else {
		for (size_t r = 0; r < ts.nrules; r++)
			if (ts.limited[r])
				tt_warnf("rule '%s' hit the PCRE2 match limit on %zu sentence%s; "
					 "those matches were skipped", tt_ruleset_rule(rs, r)->id,
					 ts.limited[r], ts.limited[r] == 1 ? "" : "s");
		size_t docs, hits;
		tt_store_run_count(s, runid, &docs, &hits, &err);
		if (!ts.docs && !fresh)
			tt_notef("already tagged with rules %.12s (run %lld, %zu documents, "
				 "%zu hits); nothing to do, --force re-tags",
				 tt_ruleset_version(rs), runid, docs, hits);
		else
			tt_notef("tagged %zu document%s (%zu sentences) with rules %.12s in %.2fs: "
				 "run %lld now holds %zu hits over %zu documents",
				 ts.docs, ts.docs == 1 ? "" : "s", ts.sentences,
				 tt_ruleset_version(rs), tt_now() - t0, runid, hits, docs);
		status = TT_EXIT_OK;
	}
	tt_tag_stats_release(&ts);
out:
	tt_store_close(s);
	tt_ruleset_free(rs);
	tt_error_release(&err);
	return status;
}

const tt_cmd tt_cmd_tag = {
	"tag",
	"tag the stored sentences with a rule set",
	"[--db FILE] [--rules DIR] [--force] [--jobs N]",
	tag_opts,
	"Tags every document the current run has not tagged. With the rule set of\n"
	"the latest run this resumes it (nothing to do when it is complete);\n"
	"another rule set, or --force, starts a new run over all documents. Only\n"
	"the latest finished run's hits are current; earlier runs keep their\n"
	"counts in tag_runs. ingest tags what it stores the same way.\n",
	"  themetrack tag --db audits.db --rules my-rules/rules\n",
	run};
