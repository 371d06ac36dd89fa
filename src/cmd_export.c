/*
 * cmd_export.c - `themetrack export codebook|segments`: the coding, for
 * the qualitative tools other teams already use and for spreadsheets.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "qda.h"
#include "rules.h"
#include "store.h"
#include "banned.h"

enum { OPT_OUT = 'o', OPT_RULES = 'r', OPT_RAW_CSV = 700 };

static const tt_opt export_opts[] = {
	TT_QUERY_OPTS,
	{"output", OPT_OUT, "FILE", "write to FILE (default: standard output)"},
	{"rules", OPT_RULES, "DIR", "codebook: the rule set (default: the installed one)"},
	{"raw-csv", OPT_RAW_CSV, NULL, "segments: do not neutralise cells a spreadsheet would run"},
	{NULL, 0, NULL, NULL}};

typedef struct seg {
	FILE *f;
	int fmt;
	int guard;            /* neutralise formula-like CSV cells */
	long long rows;
} seg;

static const char *const seg_cols[] = {"document", "authority", "year", "title", "section",
				       "sentence_id", "sentence", "start", "end", "match",
				       "theme", "polarity", "rule", "ruleset", "hit_id"};

static void csv_cell(seg *g, const char *s, int last)
{
	tt_csv_write_cell(g->f, s ? s : "", g->guard);
	fputs(last ? "\r\n" : ",", g->f);
}

static void csv_num(seg *g, long long v, int last)
{
	fprintf(g->f, "%lld%s", v, last ? "\r\n" : ",");
}

static void json_key(seg *g, const char *k, int first)
{
	fputs(first ? "{" : ",", g->f);
	tt_json_write_string(g->f, k);
	fputc(':', g->f);
}

static int on_hit(const tt_evidence *e, void *ctx)
{
	seg *g = ctx;
	const char *text[] = {e->name, e->authority, NULL, e->title, e->section, NULL,
			      e->sentence, NULL, NULL, e->match, e->theme, e->polarity,
			      e->rule, e->ruleset, NULL};
	long long num[] = {0, 0, e->year, 0, 0, e->sentence_id, 0, (long long)e->start,
			   (long long)e->end, 0, 0, 0, 0, 0, e->hit_id};
	for (size_t i = 0; i < TT_ARRAY_LEN(seg_cols); i++) {
		int last = i + 1 == TT_ARRAY_LEN(seg_cols);
		int is_num = i == 2 || i == 5 || i == 7 || i == 8 || i == 14;
		if (g->fmt == TT_OUT_CSV) {
			if (is_num && !(i == 2 && !e->year))
				csv_num(g, num[i], last);
			else
				csv_cell(g, is_num ? NULL : text[i], last);
		} else {
			json_key(g, seg_cols[i], i == 0);
			if (is_num && !(i == 2 && !e->year))
				fprintf(g->f, "%lld", num[i]);
			else
				tt_json_write_string(g->f, is_num ? NULL : text[i]);
			if (last)
				fputs("}\n", g->f);
		}
	}
	g->rows++;
	return 0;
}

/* Writes the segments to `out` (NULL: stdout) once the store is open. */
static int export_segments(const tt_cmd *self, tt_qopts *q, const char *out, int guard)
{
	tt_outfile sk = {0}, *k = &sk;
	tt_store *s;
	tt_corpus corpus;
	int rc = tt_cli_open_corpus(self, q, 0, &s, &corpus);
	if (rc != TT_EXIT_OK)
		return rc;
	if (tt_outfile_open(k, out) != 0) {
		rc = TT_EXIT_FAIL;
		goto done;
	}
	seg g = {k->f, q->format, guard, 0};
	if (g.fmt == TT_OUT_CSV)
		for (size_t i = 0; i < TT_ARRAY_LEN(seg_cols); i++) {
			fputs(seg_cols[i], g.f);
			fputs(i + 1 == TT_ARRAY_LEN(seg_cols) ? "\r\n" : ",", g.f);
		}
	tt_error err;
	tt_error_init(&err);
	if (tt_store_evidence(s, &q->filter, on_hit, &g, &err) != TT_OK) {
		rc = tt_err_report(&err);
		tt_outfile_close(k, 0);
	} else if (tt_outfile_close(k, 1) != 0) {
		rc = TT_EXIT_FAIL;
	} else if (k->path) {
		tt_notef("wrote %lld coded segments (rule set %.12s) to %s", g.rows, corpus.ruleset,
			 k->path);
	}
	tt_error_release(&err);
done:
	tt_store_close(s);
	tt_corpus_release(&corpus);
	return rc;
}

static int run(const tt_cmd *self, int argc, char **argv)
{
	tt_qopts q;
	tt_optstate os = {0};
	const char *arg, *out = NULL, *rules = NULL;
	int c, guard = 1, fmt_given = 0;
	tt_qopts_init(&q, TT_POL_ANY);
	q.format = TT_OUT_CSV;
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (c == TT_QOPT_FORMAT) {
			q.format = tt_opt_format(self, arg, (1u << TT_OUT_CSV) | (1u << TT_OUT_JSONL));
			fmt_given = 1;
			continue;
		}
		if (tt_qopts_take(self, &q, c, arg))
			continue;
		if (c == OPT_OUT)
			out = arg;
		else if (c == OPT_RULES)
			rules = arg;
		else if (c == OPT_RAW_CSV)
			guard = 0;
	}
	if (os.optind >= argc)
		tt_usage_fail(self, "say what to export: codebook or segments");
	const char *what = argv[os.optind];
	if (os.optind + 1 < argc)
		tt_usage_fail(self, "unexpected argument '%s'", argv[os.optind + 1]);
	int rc = TT_EXIT_OK;
	tt_outfile k = {0};
	if (!strcmp(what, "codebook")) {
		if (fmt_given || q.filter.nthemes || q.filter.authority || q.filter.type ||
		    q.filter.years.n || q.filter.actor || q.filter.polarity != TT_POL_ANY)
			tt_usage_fail(self, "the codebook is the whole rule set; filters and "
				      "--format do not apply");
		tt_ruleset *rs = tt_cli_load_rules(rules, &rc);
		if (rs) {
			tt_buf b = TT_BUF_INIT;
			tt_qda_codebook(&b, rs);
			if (tt_outfile_open(&k, out) != 0) {
				rc = TT_EXIT_FAIL;
			} else {
				fwrite(b.buf, 1, b.len, k.f);
				if (tt_outfile_close(&k, 1) != 0)
					rc = TT_EXIT_FAIL;
				else if (out)
					tt_notef("wrote the codebook of %zu themes (rule set %.12s) to %s",
						 tt_ruleset_ntheme(rs), tt_ruleset_version(rs), out);
			}
			tt_buf_release(&b);
			tt_ruleset_free(rs);
		}
	} else if (!strcmp(what, "segments")) {
		if (rules)
			tt_usage_fail(self, "segments come from the database; --rules does not apply");
		rc = export_segments(self, &q, out, guard);
	} else {
		tt_usage_fail(self, "unknown export '%s'; use codebook or segments", what);
	}
	tt_qopts_release(&q);
	return rc;
}

const tt_cmd tt_cmd_export = {
	"export",
	"export the codebook (REFI-QDA) or every coded segment (csv, jsonl)",
	"codebook [-o FILE.qdc] [--rules DIR] | segments [filters] [--format csv|jsonl] [-o FILE]",
	export_opts,
	"codebook writes the rule set's themes as a REFI-QDA codebook (QDA-XML\n"
	"codebook 1.0) that NVivo, ATLAS.ti, MAXQDA and QualCoder import: one code\n"
	"per theme with its description, a child code per polarity, a set per theme\n"
	"group, and GUIDs derived from the theme ids (stable across exports).\n"
	"segments writes every hit of the current tag run passing the filters:\n"
	"document, authority, year, title, section, sentence_id, sentence, start,\n"
	"end (the byte span of the match in the sentence), match, theme, polarity,\n"
	"rule, ruleset, hit_id. CSV cells that a spreadsheet would run as a formula\n"
	"(starting with = + - @) get a leading apostrophe unless --raw-csv. With -o\n"
	"the file is written whole or not at all.\n",
	"  themetrack export codebook -o themetrack.qdc\n"
	"  themetrack export segments --db demo.db --year 2018 --format jsonl -o 2018.jsonl\n",
	run};
