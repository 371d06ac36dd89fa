/* cmd_explain.c - `themetrack explain HIT_ID`: why a hit exists. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "explain.h"
#include "rules.h"
#include "store.h"
#include "banned.h"

enum { OPT_DB = 'd', OPT_RULES = 'r', OPT_FORMAT = 'f' };

static const tt_opt explain_opts[] = {
	{"db", OPT_DB, "FILE", "database (default $THEMETRACK_DB or themetrack.db)"},
	{"rules", OPT_RULES, "DIR", "rule set to trace the conditions with (default: the installed one)"},
	{"format", OPT_FORMAT, "FMT", "table (default), csv or json"},
	{NULL, 0, NULL, NULL}};

/* The stored hit, copied out of the query's callback. */
typedef struct stored_hit {
	long long hit_id, sentence_id, document_id, sentence_ordinal, prop_num, prop_den;
	int year;
	size_t start, end;
	char *authority, *title, *name, *section, *sentence, *theme, *polarity, *rule,
		*match, *ruleset, *actor, *cue, *cue_kind;
} stored_hit;

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int copy_hit(const tt_evidence *e, void *ctx)
{
	stored_hit *h = ctx;
	h->hit_id = e->hit_id;
	h->sentence_id = e->sentence_id;
	h->document_id = e->document_id;
	h->sentence_ordinal = e->sentence_ordinal;
	h->prop_num = e->prop_num;
	h->prop_den = e->prop_den;
	h->year = e->year;
	h->start = e->start;
	h->end = e->end;
	h->authority = dup_or_null(e->authority);
	h->title = dup_or_null(e->title);
	h->name = dup_or_null(e->name);
	h->section = dup_or_null(e->section);
	h->sentence = dup_or_null(e->sentence);
	h->theme = dup_or_null(e->theme);
	h->polarity = dup_or_null(e->polarity);
	h->rule = dup_or_null(e->rule);
	h->match = dup_or_null(e->match);
	h->ruleset = dup_or_null(e->ruleset);
	h->actor = dup_or_null(e->actor);
	h->cue = dup_or_null(e->cue);
	h->cue_kind = dup_or_null(e->cue_kind);
	return 1;
}

static void stored_hit_release(stored_hit *h)
{
	char **f[] = {&h->authority, &h->title, &h->name, &h->section, &h->sentence,
		      &h->theme, &h->polarity, &h->rule, &h->match, &h->ruleset,
		      &h->actor, &h->cue, &h->cue_kind};
	for (size_t i = 0; i < TT_ARRAY_LEN(f); i++)
		free(*f[i]);
}

static void kv(tt_table *t, const char *k, const char *v)
{
	tt_table_row(t);
	tt_table_text(t, k);
	tt_table_text(t, v);
}

static void kvf(tt_table *t, const char *k, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void kvf(tt_table *t, const char *k, const char *fmt, ...)
{
	tt_buf b = TT_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	tt_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	kv(t, k, b.buf);
	tt_buf_release(&b);
}

/*
 * Re-runs the rule on the stored sentence with the rule set rs and adds
 * the trace rows. Returns 0 when the sentence cannot be rebuilt.
 */
static tt_status trace_rows(tt_store *s, const tt_ruleset *rs, const stored_hit *h,
			    tt_table *t, tt_error *err)
{
	long ri = tt_ruleset_rule_find(rs, h->rule);
	if (ri < 0) {
		kvf(t, "trace", "rule '%s' is not in the rule set at %s; it was removed or "
		    "renamed since the tag run", h->rule, tt_ruleset_dir(rs));
		return TT_OK;
	}
	tt_doc d;
	long long *ids = NULL;
	tt_status st = tt_store_load_doc(s, h->document_id, &d, &ids, err);
	if (st != TT_OK)
		return st;
	tt_stemmer *stem = tt_stemmer_new();
	tt_doc_analyse(&d, stem);
	for (size_t i = 0; i < d.nsent; i++) {
		if (ids[i] != h->sentence_id)
			continue;
		tt_matcher *m = tt_matcher_new(rs);
		tt_hits hits;
		tt_hits_init(&hits);
		tt_match_sentence(m, &d, &d.sent[i], &hits);
		tt_rule_trace tr;
		int ok = tt_rule_explain(m, &d, &d.sent[i], (size_t)ri, h->start, h->end, &tr);
		tt_explain_rows(t, &d.sent[i], &tr, ok);
		/* Does the current rule set give this hit the same polarity? */
		const char *now = NULL;
		for (size_t k = 0; k < hits.n; k++)
			if (!strcmp(hits.v[k].rule_id, h->rule) && hits.v[k].start < h->end &&
			    hits.v[k].end > h->start)
				now = tt_polarity_name(hits.v[k].polarity);
		if (!now)
			kv(t, "now", "the rule set given no longer produces this hit");
		else if (strcmp(now, h->polarity))
			kvf(t, "now", "the rule set given now decides %s", now);
		tt_hits_release(&hits);
		tt_matcher_free(m);
		break;
	}
	tt_stemmer_free(stem);
	tt_doc_release(&d);
	free(ids);
	return TT_OK;
}

static int run(const tt_cmd *self, int argc, char **argv)
{
	const char *db = tt_default_db(), *rules = NULL, *arg;
	int fmt = TT_OUT_TABLE, c;
	tt_optstate os = {0};
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (c == OPT_DB)
			db = arg;
		else if (c == OPT_RULES)
			rules = arg;
		else if (c == OPT_FORMAT)
			fmt = tt_opt_format(self, arg, TT_FMTS_QUERY);
	}
	if (os.optind >= argc)
		tt_usage_fail(self, "give the HIT_ID to explain ('themetrack kwic' shows them)");
	if (os.optind + 1 < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind + 1]);
	char *end;
	long long id = strtoll(argv[os.optind], &end, 10);
	if (*end || end == argv[os.optind] || id < 1)
		tt_usage_fail(self, "bad HIT_ID '%s'; give the number from the hit_id column",
			      argv[os.optind]);

	tt_store *s = NULL;
	tt_error err;
	stored_hit h;
	int found = 0, rc = TT_EXIT_OK;
	memset(&h, 0, sizeof(h));
	tt_error_init(&err);
	if (tt_store_open(&s, db, TT_STORE_READ, &err) != TT_OK ||
	    tt_store_hit(s, id, copy_hit, &h, &found, &err) != TT_OK) {
		rc = tt_err_report(&err);
		goto out;
	}
	if (!found) {
		tt_errf("%s: no hit %lld in the current tag run of '%s'; 'themetrack kwic' lists "
			"hit ids", self->name, id, db);
		rc = TT_EXIT_USAGE;
		goto out;
	}
	tt_ruleset *rs = tt_cli_load_rules(rules, &rc);
	if (!rs)
		goto out;

	tt_table *t = tt_table_new();
	tt_table_col(t, "field", TT_COL_TEXT);
	tt_table_col(t, "value", TT_COL_TEXT);
	kvf(t, "hit", "%lld", h.hit_id);
	kvf(t, "theme", "%s", h.theme);
	kvf(t, "polarity", "%s", h.polarity);
	char year[16];
	snprintf(year, sizeof(year), "%d", h.year);
	kvf(t, "document", "%s (%s, %s)", h.name ? h.name : "?",
	    h.authority ? h.authority : "no authority", h.year ? year : "no year");
	if (h.title)
		kv(t, "title", h.title);
	kv(t, "section", h.section ? h.section : "(none)");
	kvf(t, "sentence", "%lld (number %lld in the document)", h.sentence_id,
	    h.sentence_ordinal);
	kv(t, "text", h.sentence);
	kvf(t, "match", "\"%s\" at bytes %zu-%zu", h.match, h.start, h.end);
	kvf(t, "rule", "%s", h.rule);
	{
		char *why = tt_explain_cue(h.cue_kind, h.cue);
		kv(t, "decided by", why);
		free(why);
	}
	kv(t, "actor", h.actor ? h.actor : "(none named)");
	if (h.prop_den > 0)
		kvf(t, "proportion", "%lld of %lld", h.prop_num, h.prop_den);
	else
		kv(t, "proportion", "(none given)");
	kvf(t, "rule set", "%s", h.ruleset);
	if (strcmp(tt_ruleset_version(rs), h.ruleset))
		kvf(t, "rule set now", "%s at %s differs from the tag run's; the trace below "
		    "uses it", tt_ruleset_version(rs), tt_ruleset_dir(rs));
	if (trace_rows(s, rs, &h, t, &err) != TT_OK) {
		rc = tt_err_report(&err);
	} else {
		tt_table_write(t, (tt_out_format)fmt, stdout);
	}
	tt_table_free(t);
	tt_ruleset_free(rs);
out:
	stored_hit_release(&h);
	tt_store_close(s);
	tt_error_release(&err);
	return rc;
}

const tt_cmd tt_cmd_explain = {
	"explain",
	"show why a hit exists: rule, trigger, conditions and polarity cue",
	"HIT_ID [--db FILE] [--rules DIR] [--format table|csv|json]",
	explain_opts,
	"Prints the stored hit (theme, polarity, document, section, sentence,\n"
	"match, rule, the cue that decided the polarity, the actor and the\n"
	"proportion, the rule set version), then re-runs its rule on the stored\n"
	"sentence to show the trigger and each condition (require, exclude, near,\n"
	"not near, section) with the words that met it. HIT_ID is the hit_id\n"
	"column of 'themetrack kwic'.\n",
	"  themetrack explain --db demo.db 42\n",
	run};
