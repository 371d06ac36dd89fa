/*
 * cmd_scan.c - `themetrack scan`: tag files (or stdin) with a rule set and
 * print the hits; no database. The quickest way to try a rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "explain.h"
#include "render.h"
#include "rules.h"
#include "text.h"
#include "banned.h"

enum { OPT_RULES = 'r', OPT_LINES = 'l', OPT_FORMAT = 'f', OPT_EXPLAIN = 'x' };

static const tt_opt scan_opts[] = {
	{"rules", OPT_RULES, "DIR", "rule set directory (default: the installed rules)"},
	{"lines", OPT_LINES, NULL, "each input line is one unit (no headings, no sentence splitting)"},
	{"format", OPT_FORMAT, "FMT", "tsv (default), csv or jsonl"},
	{"explain", OPT_EXPLAIN, NULL, "add why each hit exists: cue, actor, proportion, conditions met"},
	{NULL, 0, NULL, NULL}};

typedef struct scan {
	const tt_ruleset *rs;
	tt_matcher *m;
	tt_stemmer *st;
	int lines;
	int fmt;
	int explain;             /* add the why columns */
	int many;                /* more than one input: units name their file */
	char **first_limited;    /* per rule: the first unit that hit a limit */
} scan;

static void write_field(const scan *sc, const char *s, int last)
{
	if (sc->fmt == TT_OUT_CSV)
		tt_csv_write_cell(stdout, s, 1);
	else
		fputs(s, stdout);
	if (!last)
		fputc(sc->fmt == TT_OUT_CSV ? ',' : '\t', stdout);
	else
		fputs(sc->fmt == TT_OUT_CSV ? "\r\n" : "\n", stdout);
}

static void write_header(const scan *sc)
{
	static const char *const cols[] = {"unit", "theme", "polarity", "rule", "start", "end",
					   "match", "cue_kind", "cue", "actor", "proportion",
					   "conditions"};
	size_t n = sc->explain ? TT_ARRAY_LEN(cols) : 7;
	if (sc->fmt == TT_OUT_JSONL)
		return;
	for (size_t i = 0; i < n; i++)
		write_field(sc, cols[i], i + 1 == n);
}

/* The conditions line of scan --explain for hit h. */
static void conditions(const scan *sc, const tt_doc *d, const tt_sentence *s,
		       const tt_hit *h, tt_buf *out)
{
	tt_rule_trace tr;
	tt_rule_explain(sc->m, d, s, h->rule, h->start, h->end, &tr);
	tt_explain_line(out, s, &tr);
}

static void write_hit(const scan *sc, const char *unit, const tt_doc *d,
		      const tt_sentence *s, const tt_hit *h)
{
	char start[32], end[32];
	snprintf(start, sizeof(start), "%zu", h->start);
	snprintf(end, sizeof(end), "%zu", h->end);
	if (sc->fmt != TT_OUT_JSONL) {
		write_field(sc, unit, 0);
		write_field(sc, h->theme_id, 0);
		write_field(sc, tt_polarity_name(h->polarity), 0);
		write_field(sc, h->rule_id, 0);
		write_field(sc, start, 0);
		write_field(sc, end, 0);
		write_field(sc, h->match, !sc->explain);
		if (!sc->explain)
			return;
		char prop[64] = "";
		if (h->prop_den > 0)
			snprintf(prop, sizeof(prop), "%ld/%ld", h->prop_num, h->prop_den);
		tt_buf why = TT_BUF_INIT;
		conditions(sc, d, s, h, &why);
		write_field(sc, tt_cue_kind_name(h->cue_kind), 0);
		write_field(sc, h->cue ? h->cue : "", 0);
		write_field(sc, h->actor ? h->actor : "", 0);
		write_field(sc, prop, 0);
		/* a TSV field holds no tab or line break */
		for (size_t i = 0; sc->fmt == TT_OUT_TSV && i < why.len; i++)
			if (why.buf[i] == '\t' || why.buf[i] == '\n' || why.buf[i] == '\r')
				why.buf[i] = ' ';
		write_field(sc, why.buf, 1);
		tt_buf_release(&why);
		return;
	}
	const char *section = NULL;
	if (s->section >= 0 && (size_t)s->section < d->nsec)
		section = d->sec[s->section].path;
	fputs("{\"unit\":", stdout);
	tt_json_write_string(stdout, unit);
	fputs(",\"theme\":", stdout);
	tt_json_write_string(stdout, h->theme_id);
	fputs(",\"polarity\":", stdout);
	tt_json_write_string(stdout, tt_polarity_name(h->polarity));
	fputs(",\"rule\":", stdout);
	tt_json_write_string(stdout, h->rule_id);
	printf(",\"start\":%zu,\"end\":%zu,\"match\":", h->start, h->end);
	tt_json_write_string(stdout, h->match);
	fputs(",\"sentence\":", stdout);
	tt_json_write_string(stdout, s->text);
	fputs(",\"section\":", stdout);
	tt_json_write_string(stdout, section);
	fputs(",\"proportion\":", stdout);
	if (h->prop_num < 0 && h->prop_den < 0) {
		fputs("null", stdout);
	} else {
		fputs("{\"num\":", stdout);
		if (h->prop_num < 0)
			fputs("null", stdout);
		else
			printf("%ld", h->prop_num);
		fputs(",\"den\":", stdout);
		if (h->prop_den < 0)
			fputs("null", stdout);
		else
			printf("%ld", h->prop_den);
		fputc('}', stdout);
	}
	fputs(",\"actor\":", stdout);
	tt_json_write_string(stdout, h->actor);
	fputs(",\"cue\":", stdout);
	tt_json_write_string(stdout, h->cue);
	fputs(",\"cue_kind\":", stdout);
	tt_json_write_string(stdout, tt_cue_kind_name(h->cue_kind));
	if (sc->explain) {
		tt_buf why = TT_BUF_INIT;
		conditions(sc, d, s, h, &why);
		fputs(",\"conditions\":", stdout);
		tt_json_write_string(stdout, why.buf);
		tt_buf_release(&why);
	}
	fputs("}\n", stdout);
}

/* Reads all of stdin; returns TT_OK or TT_EFAIL with err set. */
static tt_status read_stdin(tt_buf *b, tt_error *err)
{
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		tt_buf_add(b, chunk, n);
	if (ferror(stdin))
		return tt_error_set(err, TT_EFAIL, "-", 0, 0, "cannot read standard input");
	return TT_OK;
}

/* Scans one input; returns the exit status it calls for. */
static int scan_one(scan *sc, const char *path)
{
	tt_doc d;
	tt_error err;
	tt_status st;
	int rc = TT_EXIT_OK;

	tt_doc_init(&d);
	tt_error_init(&err);
	if (!strcmp(path, "-")) {
		tt_buf in = TT_BUF_INIT;
		st = read_stdin(&in, &err);
		if (st == TT_OK)
			st = tt_doc_from_mem(&d, "-", TT_FMT_TXT, in.buf, in.len, &err);
		tt_buf_release(&in);
	} else {
		st = tt_doc_read(&d, path, &err);
	}
	if (st == TT_SKIP) {
		char msg[2048];
		tt_error_format(&err, msg, sizeof(msg));
		tt_warnf("%s; skipped", msg);
		goto done;
	}
	if (st != TT_OK) {
		rc = tt_err_report(&err);
		goto done;
	}
	for (size_t i = 0; i < d.warnings.n; i++)
		tt_warnf("%s", d.warnings.v[i]);
	tt_doc_segment(&d, sc->lines ? TT_SEG_LINES : TT_SEG_DOCUMENT);
	tt_doc_analyse(&d, sc->st);

	tt_hits hits;
	tt_buf unit = TT_BUF_INIT;
	tt_hits_init(&hits);
	for (size_t i = 0; i < d.nsent; i++) {
		const tt_sentence *s = &d.sent[i];
		tt_hits_reset(&hits);
		tt_match_sentence(sc->m, &d, s, &hits);
		if (!hits.n && !hits.nlimited)
			continue;
		tt_buf_reset(&unit);
		if (sc->lines && !sc->many)
			tt_buf_addf(&unit, "%u", (unsigned)s->line);
		else if (sc->lines)
			tt_buf_addf(&unit, "%s:%u", path, (unsigned)s->line);
		else
			tt_buf_addf(&unit, "%s:%zu", path, i + 1);
		for (size_t k = 0; k < hits.nlimited; k++)
			if (!sc->first_limited[hits.limited[k]])
				sc->first_limited[hits.limited[k]] = xstrdup(unit.buf);
		for (size_t k = 0; k < hits.n; k++)
			write_hit(sc, unit.buf, &d, s, &hits.v[k]);
	}
	tt_hits_release(&hits);
	tt_buf_release(&unit);
done:
	tt_error_release(&err);
	tt_doc_release(&d);
	return rc;
}

static int run(const tt_cmd *self, int argc, char **argv)
{
	const char *dir = NULL, *arg;
	scan sc;
	tt_optstate os = {0};
	int c;

	memset(&sc, 0, sizeof(sc));
	sc.fmt = TT_OUT_TSV;
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (c == OPT_RULES) {
			dir = arg;
		} else if (c == OPT_LINES) {
			sc.lines = 1;
		} else if (c == OPT_EXPLAIN) {
			sc.explain = 1;
		} else if (c == OPT_FORMAT) {
			sc.fmt = tt_opt_format(self, arg, (1u << TT_OUT_TSV) | (1u << TT_OUT_CSV) |
							  (1u << TT_OUT_JSONL));
		}
	}
	int rc = TT_EXIT_OK;
	tt_ruleset *rs = tt_cli_load_rules(dir, &rc); /* NULL dir: the default */
	if (!rs)
		return rc;
	sc.rs = rs;
	sc.m = tt_matcher_new(rs);
	sc.st = tt_stemmer_new();
	sc.many = argc - os.optind > 1;
	sc.first_limited = xcalloc(tt_ruleset_nrule(rs) + 1, sizeof(char *));

	write_header(&sc);
	if (os.optind >= argc) {
		rc = scan_one(&sc, "-");
	} else {
		for (int i = os.optind; i < argc; i++) {
			int r = scan_one(&sc, argv[i]);
			if (r > rc)
				rc = r;
		}
	}
	if (fflush(stdout) != 0) {
		tt_errf("cannot write output");
		rc = TT_EXIT_FAIL;
	}
	for (size_t r = 0; r < tt_ruleset_nrule(rs); r++) {
		size_t n = tt_matcher_limit_count(sc.m, r);
		if (n)
			tt_warnf("rule '%s' exceeded the PCRE2 match limit on %zu unit%s (first: %s); "
				 "those matches were skipped", tt_ruleset_rule(rs, r)->id, n,
				 n == 1 ? "" : "s", sc.first_limited[r] ? sc.first_limited[r] : "?");
		free(sc.first_limited[r]);
	}
	free(sc.first_limited);
	tt_stemmer_free(sc.st);
	tt_matcher_free(sc.m);
	tt_ruleset_free(rs);
	return rc;
}

const tt_cmd tt_cmd_scan = {
	"scan",
	"tag files with a rule set and print the hits (no database)",
	"[--rules DIR] [--lines] [--explain] [--format tsv|csv|jsonl] [FILE|-]...",
	scan_opts,
	"Reads each FILE (standard input for '-' or when none is given) and prints\n"
	"one row per hit: unit, theme, polarity, rule, start, end, match. The unit\n"
	"is the 1-based input line with --lines (FILE:LINE with several inputs),\n"
	"otherwise FILE:SENTENCE (1-based sentence number); start and end are byte\n"
	"offsets in the unit's text. jsonl adds the sentence, its section, the\n"
	"proportion, the actor, and the cue that decided the polarity. --explain\n"
	"adds the columns cue_kind, cue, actor, proportion (N/M) and conditions:\n"
	"each condition of the rule with the words that met it, or 'absent'.\n",
	"  themetrack scan --lines sentences.txt\n"
	"  echo 'Fathers were not spoken to.' | themetrack scan --lines\n",
	run};
