/*
 * cmd_eval.c - `themetrack eval`: the rule set against gold labels.
 *
 * Gold is a sentence file (TSV: id, text, labels; each text tagged as one
 * line) or a folder of documents, each with NAME.labels.tsv (line, labels):
 * a document is segmented as ingest would, and a line's prediction is the
 * union of the hits of the sentences that start on it.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cli.h"
#include "eval.h"
#include "render.h"
#include "rules.h"
#include "text.h"
#include "banned.h"

enum { OPT_GOLD = 'g', OPT_RULES = 'r', OPT_FORMAT = 'f', OPT_ERRORS = 'e',
       OPT_MIN_F1 = 256, OPT_MIN_THEME_F1, OPT_MIN_SUPPORT };

static const tt_opt eval_opts[] = {
	{"gold", OPT_GOLD, "PATH", "gold sentences (.tsv) or a folder of labelled documents"},
	{"rules", OPT_RULES, "DIR", "rule set (default: the installed one)"},
	{"format", OPT_FORMAT, "FMT", "table (default), csv or json"},
	{"errors", OPT_ERRORS, NULL, "list every false positive and false negative"},
	{"min-f1", OPT_MIN_F1, "F", "exit 1 if micro theme+polarity F1 is below F"},
	{"min-theme-f1", OPT_MIN_THEME_F1, "F", "exit 1 if a theme's theme+polarity F1 is below F"},
	{"min-support", OPT_MIN_SUPPORT, "N", "themes with fewer gold units skip --min-theme-f1 (5)"},
	{NULL, 0, NULL, NULL}};

typedef struct ctx {
	const tt_ruleset *rs;
	tt_matcher *m;
	tt_stemmer *st;
	tt_hits hits;
	tt_eval ev;
} ctx;

/* Reads a whole file; NULL with err set on failure. */
static char *slurp(const char *path, size_t *len, tt_error *err)
{
	char *text;
	int e = tt_read_file(path, &text, len);
	if (e) {
		tt_error_set(err, TT_EINPUT, path, 0, 0, "cannot read: %s", strerror(e));
		return NULL;
	}
	return text;
}

static void predict(ctx *c, const tt_doc *d, const tt_sentence *s, uint8_t *pred)
{
	tt_hits_reset(&c->hits);
	tt_match_sentence(c->m, d, s, &c->hits);
	for (size_t h = 0; h < c->hits.n; h++)
		pred[c->hits.v[h].theme] |= (uint8_t)TT_POLMASK(c->hits.v[h].polarity);
}

/* Splits a TSV line in place into at most max fields; returns the count. */
static size_t split_tabs(char *line, char **f, size_t max)
{
	size_t n = 0;
	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

static tt_status load_sentences(ctx *c, const char *path, tt_error *err)
{
	size_t len;
	char *text = slurp(path, &len, err);
	tt_status st = TT_OK;
	if (!text)
		return err->status;
	char *line = text, *next;
	size_t lineno = 0;
	for (; line && *line && st == TT_OK; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		size_t l = strlen(line);
		if (l && line[l - 1] == '\r')
			line[--l] = '\0';
		if (lineno == 1) {
			if (strcmp(line, "id\ttext\tlabels") != 0)
				st = tt_error_set(err, TT_EINPUT, path, 1, 1,
						  "expected the header 'id<TAB>text<TAB>labels'");
			continue;
		}
		if (!l)
			continue;
		char *f[3];
		if (split_tabs(line, f, 3) < 3) {
			st = tt_error_set(err, TT_EINPUT, path, lineno, 1,
					  "expected three tab-separated fields: id, text, labels");
			break;
		}
		tt_eval_unit *u = tt_eval_add(&c->ev, f[0], f[1]);
		st = tt_eval_parse_labels(&c->ev, u, f[2], path, lineno,
					  (size_t)(f[2] - line) + 1, err);
		if (st != TT_OK)
			break;
		tt_doc d;
		tt_error rerr;
		tt_doc_init(&d);
		tt_error_init(&rerr);
		if (tt_doc_from_mem(&d, f[0], TT_FMT_TXT, f[1], strlen(f[1]), &rerr) == TT_OK) {
			tt_doc_segment(&d, TT_SEG_LINES);
			tt_doc_analyse(&d, c->st);
			for (size_t i = 0; i < d.nsent; i++)
				predict(c, &d, &d.sent[i], u->pred);
		}
		tt_error_release(&rerr);
		tt_doc_release(&d);
	}
	free(text);
	return st;
}

static int is_doc(const char *name)
{
	size_t n = strlen(name);
	return (n > 3 && !strcmp(name + n - 3, ".md")) ||
	       (n > 4 && !strcmp(name + n - 4, ".txt"));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static tt_status load_document(ctx *c, const char *dir, const char *name, tt_error *err)
{
	tt_buf path = TT_BUF_INIT, lpath = TT_BUF_INIT;
	tt_doc d;
	tt_status st;
	tt_buf_addf(&path, "%s/%s", dir, name);
	tt_buf_addf(&lpath, "%s/%.*s.labels.tsv", dir, (int)(strrchr(name, '.') - name), name);
	tt_doc_init(&d);
	if ((st = tt_doc_read(&d, path.buf, err)) != TT_OK)
		goto out;
	tt_doc_segment(&d, TT_SEG_DOCUMENT);
	tt_doc_analyse(&d, c->st);

	/* One unit per non-blank line. */
	size_t first = c->ev.n, nlines = 0;
	const char *p = d.bytes;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		nlines++;
		size_t k = 0;
		while (k < l && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
			k++;
		if (k < l) {
			char id[512];
			char *text = xmemdup(p, l && p[l - 1] == '\r' ? l - 1 : l);
			snprintf(id, sizeof(id), "%s:%zu", name, nlines);
			tt_eval_add(&c->ev, id, text);
			free(text);
		}
		if (!e)
			break;
		p = e + 1;
	}
	/* Predictions: the sentences starting on a line. */
	for (size_t i = 0; i < d.nsent; i++) {
		char id[512];
		snprintf(id, sizeof(id), "%s:%u", name, d.sent[i].line);
		for (size_t u = first; u < c->ev.n; u++)
			if (!strcmp(c->ev.u[u].id, id))
				predict(c, &d, &d.sent[i], c->ev.u[u].pred);
	}

	size_t len;
	char *labels = slurp(lpath.buf, &len, err);
	if (!labels) {
		st = err->status;
		goto out;
	}
	char *line = labels, *next;
	size_t lineno = 0;
	for (; line && *line && st == TT_OK; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (++lineno == 1 || !*line)
			continue;
		char *f[2];
		if (split_tabs(line, f, 2) < 2) {
			st = tt_error_set(err, TT_EINPUT, lpath.buf, lineno, 1,
					  "expected two tab-separated fields: line, labels");
			break;
		}
		char id[512];
		snprintf(id, sizeof(id), "%s:%s", name, f[0]);
		tt_eval_unit *u = NULL;
		for (size_t k = first; k < c->ev.n; k++)
			if (!strcmp(c->ev.u[k].id, id))
				u = &c->ev.u[k];
		if (!u) {
			st = tt_error_set(err, TT_EINPUT, lpath.buf, lineno, 1,
					  "line %s of %s is blank or missing", f[0], name);
			break;
		}
		st = tt_eval_parse_labels(&c->ev, u, f[1], lpath.buf, lineno,
					  (size_t)(f[1] - line) + 1, err);
	}
	free(labels);
out:
	tt_doc_release(&d);
	tt_buf_release(&path);
	tt_buf_release(&lpath);
	return st;
}

static tt_status load_documents(ctx *c, const char *dir, tt_error *err)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	tt_strlist names = {0};
	tt_status st = TT_OK;
	if (!dp)
		return tt_error_set(err, TT_EINPUT, dir, 0, 0, "cannot open: %s", strerror(errno));
	while ((de = readdir(dp)))
		if (de->d_name[0] != '.' && is_doc(de->d_name))
			tt_strlist_push(&names, de->d_name);
	closedir(dp);
	if (names.n)
		qsort(names.v, names.n, sizeof(char *), cmp_str);
	else
		st = tt_error_set(err, TT_EINPUT, dir, 0, 0,
				  "no .md or .txt documents with .labels.tsv files");
	for (size_t i = 0; i < names.n && st == TT_OK; i++)
		st = load_document(c, dir, names.v[i], err);
	tt_strlist_release(&names);
	return st;
}

static double parse_unit(const tt_cmd *self, const char *opt, const char *arg)
{
	char *end;
	double v = strtod(arg, &end);
	if (*end || v < 0 || v > 1)
		tt_usage_fail(self, "bad --%s '%s'; give a number from 0 to 1", opt, arg);
	return v;
}

static int run(const tt_cmd *self, int argc, char **argv)
{
	const char *gold = NULL, *rules = NULL, *arg;
	int fmt = TT_OUT_TABLE, errors = 0, c;
	double min_f1 = -1, min_theme_f1 = -1;
	long min_support = 5;
	tt_optstate os = {0};
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		switch (c) {
		case OPT_GOLD: gold = arg; break;
		case OPT_RULES: rules = arg; break;
		case OPT_ERRORS: errors = 1; break;
		case OPT_MIN_F1: min_f1 = parse_unit(self, "min-f1", arg); break;
		case OPT_MIN_THEME_F1: min_theme_f1 = parse_unit(self, "min-theme-f1", arg); break;
		case OPT_MIN_SUPPORT: min_support = strtol(arg, NULL, 10); break;
		case OPT_FORMAT: fmt = tt_opt_format(self, arg, TT_FMTS_QUERY); break;
		}
	}
	if (!gold)
		tt_usage_fail(self, "give the gold data with --gold FILE.tsv or --gold FOLDER");
	if (os.optind < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind]);

	tt_error err;
	tt_ruleset *rs = NULL;
	int status = TT_EXIT_OK;
	tt_error_init(&err);
	if (tt_ruleset_load(&rs, rules ? rules : tt_default_rules(), &err) != TT_OK) {
		status = tt_err_report(&err);
		tt_error_release(&err);
		return status;
	}
	ctx cx;
	memset(&cx, 0, sizeof(cx));
	cx.rs = rs;
	cx.m = tt_matcher_new(rs);
	cx.st = tt_stemmer_new();
	tt_hits_init(&cx.hits);
	tt_eval_init(&cx.ev, rs);

	struct stat sb;
	tt_status st;
	if (stat(gold, &sb) == 0 && S_ISDIR(sb.st_mode))
		st = load_documents(&cx, gold, &err);
	else
		st = load_sentences(&cx, gold, &err);
	if (st != TT_OK) {
		status = tt_err_report(&err);
		goto out;
	}

	tt_eval_result r;
	tt_eval_score(&cx.ev, &r);
	if (errors) {
		tt_table *t = tt_eval_errors_table(&cx.ev);
		tt_table_write(t, (tt_out_format)fmt, stdout);
		tt_table_free(t);
	} else {
		tt_table *t = tt_eval_table(&cx.ev, &r);
		tt_table_write(t, (tt_out_format)fmt, stdout);
		tt_table_free(t);
		if (fmt == TT_OUT_TABLE) {
			printf("\npolarity confusion (rows gold, columns predicted)\n\n");
			t = tt_eval_confusion_table(&r);
			tt_table_write(t, TT_OUT_TABLE, stdout);
			tt_table_free(t);
			printf("\n%zu units; theme+polarity micro F1 %.3f, macro F1 %.3f; "
			       "detection micro F1 %.3f (rules %.12s)\n", r.units,
			       tt_prf_f1(&r.pol), r.macro_pol_f1, tt_prf_f1(&r.det),
			       tt_ruleset_version(rs));
		}
	}
	double micro = tt_prf_f1(&r.pol);
	if (min_f1 >= 0 && !(micro >= min_f1)) {
		tt_errf("micro theme+polarity F1 %.3f is below --min-f1 %.3f", micro, min_f1);
		status = TT_EXIT_FAIL;
	}
	for (size_t i = 0; min_theme_f1 >= 0 && i < cx.ev.ntheme; i++) {
		const tt_eval_theme *th = &r.theme[i];
		double f = tt_prf_f1(&th->pol);
		if (th->gold_units >= (size_t)min_support && !(f >= min_theme_f1)) {
			tt_errf("theme '%s': theme+polarity F1 %.3f is below --min-theme-f1 %.3f",
				cx.ev.theme[i], f, min_theme_f1);
			status = TT_EXIT_FAIL;
		}
	}
	tt_eval_result_release(&r);
out:
	tt_eval_release(&cx.ev);
	tt_hits_release(&cx.hits);
	tt_matcher_free(cx.m);
	tt_stemmer_free(cx.st);
	tt_ruleset_free(rs);
	tt_error_release(&err);
	return status;
}

const tt_cmd tt_cmd_eval = {
	"eval",
	"measure the rule set against gold labels",
	"--gold FILE.tsv|FOLDER [--rules DIR] [--format table|csv|json] [--errors]",
	eval_opts,
	"Per theme: precision, recall and F1 for detection (theme whatever the\n"
	"polarity) and for theme+polarity, Cohen's kappa on each unit's category\n"
	"for the theme (none, concern, strength, mention, mixed); micro and macro\n"
	"averages; and a confusion table of polarity errors. A gold FOLDER holds\n"
	"documents, each with NAME.labels.tsv (line<TAB>labels).\n"
	"Exit status 1 when a --min-f1 or --min-theme-f1 threshold is not met.\n",
	"  themetrack eval --gold tests/gold/sentences.tsv\n"
	"  themetrack eval --gold tests/gold/sentences.tsv --errors --format csv\n",
	run};
