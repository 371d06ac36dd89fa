/*
 * cmd_report.c - `themetrack report`: one self-contained HTML file (inline
 * CSS and SVG, no scripts, no network) with what was analysed, the theme
 * heatmap and trend lines, first-against-last comparison, emerging themes
 * and terms, recurring recommendations, co-occurrence, grades and, folded,
 * the evidence sentences behind every count. Every figure comes from the
 * same functions as trend, compare, emerging, recurring, cooccur, grades
 * and kwic, so the report and those commands always agree.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analysis.h"
#include "buf.h"
#include "cli.h"
#include "discover_run.h"
#include "grades_run.h"
#include "rules.h"
#include "store.h"
#include "svg.h"
#include "banned.h"

enum { OPT_OUT = 'o', OPT_RULES = 'r', OPT_TOP = 'n', OPT_EVIDENCE = 800 };

static const tt_opt report_opts[] = {
	TT_QUERY_OPTS,
	{"output", OPT_OUT, "FILE", "the HTML file (default themetrack-report.html)"},
	{"rules", OPT_RULES, "DIR", "rule set for the discovery sections (default: the installed one)"},
	{"top", OPT_TOP, "N", "themes drawn as trend lines (default 6)"},
	{"evidence", OPT_EVIDENCE, "N", "sentences shown per theme and year (default 25)"},
	{NULL, 0, NULL, NULL}};

typedef struct report {
	tt_buf h;             /* the page */
	tt_store *s;
	tt_corpus any;        /* every polarity */
	tt_corpus concern;    /* view: concern facts */
	const tt_ruleset *rs;
	tt_qopts *q;
	tt_filter concern_filter; /* q's filter with polarity concern (shares its strings) */
	const char *db;
	size_t top, evidence;
	int *years;           /* the years of the documents, ascending */
	size_t nyears;
} report;

static void esc(report *r, const char *s)
{
	tt_html_escape(&r->h, s);
}

static void addf(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void addf(report *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tt_buf_vaddf(&r->h, fmt, ap);
	va_end(ap);
}

/* A table as an HTML table, headed like its CSV; numbers right-aligned. */
static void html_table(report *r, const tt_table *t, const char *caption)
{
	size_t ncols = tt_table_ncols(t);
	addf(r, "<table>");
	if (caption) {
		addf(r, "<caption>");
		esc(r, caption);
		addf(r, "</caption>");
	}
	addf(r, "<thead><tr>");
	for (size_t c = 0; c < ncols; c++) {
		addf(r, "<th scope=\"col\">");
		esc(r, tt_table_colname(t, c));
		addf(r, "</th>");
	}
	addf(r, "</tr></thead><tbody>\n");
	for (size_t i = 0; i < tt_table_nrows(t); i++) {
		addf(r, "<tr>");
		for (size_t c = 0; c < ncols; c++) {
			const char *v = tt_table_get(t, i, c);
			int num = v && *v && strspn(v, "0123456789.-e") == strlen(v);
			addf(r, num ? "<td class=\"n\">" : "<td>");
			esc(r, v);
			addf(r, "</td>");
		}
		addf(r, "</tr>\n");
	}
	addf(r, "</tbody></table>\n");
}

static double cell_num(const tt_table *t, size_t row, size_t col)
{
	const char *v = tt_table_get(t, row, col);
	return v && *v ? strtod(v, NULL) : NAN;
}

/*
 * The tooltip of a trend row: "<a><sep><b>: <lead>k of n audits (p%, 95% CI
 * lo-hi%)", or "no documents" for a group without any. Caller frees.
 */
static char *share_tip(const char *a, const char *sep, const char *b, const tt_table *t,
		       size_t row, const char *lead)
{
	tt_buf tip = TT_BUF_INIT;
	double share = cell_num(t, row, 5);
	tt_buf_addf(&tip, "%s%s%s: ", a, sep, b);
	if (isnan(share))
		tt_buf_addstr(&tip, "no documents");
	else
		tt_buf_addf(&tip, "%s%s of %s audits (%.0f%%, 95%% CI %.0f-%.0f%%)", lead,
			    tt_table_get(t, row, 3), tt_table_get(t, row, 4), 100 * share,
			    100 * cell_num(t, row, 6), 100 * cell_num(t, row, 7));
	return tt_buf_detach(&tip, NULL);
}

static const char *theme_label(const report *r, const char *id)
{
	long k = tt_corpus_theme(&r->any, id);
	return k >= 0 && r->any.themes[k].label ? r->any.themes[k].label : id;
}

static void css(report *r)
{
	addf(r, "<style>\n"
		"body{font-family:sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;"
		"color:#1a1a1a;line-height:1.45}\n"
		"h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #888;"
		"margin-top:2.2rem}h3{font-size:1.05rem}\n"
		"table{border-collapse:collapse;margin:.6rem 0;font-size:.85rem}\n"
		"th,td{border:1px solid #bbb;padding:.2rem .45rem;text-align:left;vertical-align:top}\n"
		"td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
		"caption{text-align:left;font-weight:bold;padding:.2rem 0}\n"
		"figure{margin:1rem 0}figcaption{font-size:.85rem;color:#333}\n"
		"details{margin:.4rem 0}summary{cursor:pointer;font-weight:bold}\n"
		".pol{font-size:.75rem;border:1px solid #555;border-radius:.2rem;padding:0 .25rem}\n"
		".concern{background:#fde0c5}.strength{background:#d5ecd4}.mention{background:#eee}\n"
		"mark{background:#ffe680}\n"
		"ul.ev{padding-left:1.2rem}ul.ev li{margin:.25rem 0}\n"
		".src{color:#444;font-size:.8rem}\n"
		"code,pre{font-family:monospace;font-size:.85rem}pre{white-space:pre-wrap}\n"
		"svg{max-width:100%%;height:auto}\n"
		"@page{size:A4;margin:15mm}\n"
		"@media print{body{max-width:none;margin:0}h2{break-after:avoid}"
		"figure,table{break-inside:avoid}}\n"
		"</style>\n");
}

/* --- sections ------------------------------------------------------------- */

static void section_overview(report *r)
{
	time_t now = time(NULL);
	struct tm tm;
	char date[32];
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%Y-%m-%d %H:%M UTC", &tm);
	addf(r, "<h1>themetrack report</h1>\n<p>Written %s from the database <code>", date);
	esc(r, r->db);
	addf(r, "</code>: %zu documents tagged by tag run %lld, rule set <code>%.12s</code> "
		"(finished ", r->any.ndocs, r->any.run, r->any.ruleset);
	esc(r, r->any.run_finished);
	addf(r, "). Prevalence is counted per document (one audit report): a theme "
		"is in a document when at least one of its sentences carries it.</p>\n");
	if (r->any.untagged)
		addf(r, "<p><strong>%zu stored document%s not tagged by this run %s left "
			"out</strong>; run <code>themetrack tag</code> to include %s.</p>\n",
			r->any.untagged, r->any.untagged == 1 ? "" : "s",
			r->any.untagged == 1 ? "is" : "are", r->any.untagged == 1 ? "it" : "them");

	/* Documents by year and authority. */
	addf(r, "<h2 id=\"analysed\">What was analysed</h2>\n");
	tt_strlist auth = {0};
	for (size_t i = 0; i < r->any.ndocs; i++) {
		const char *a = r->any.docs[i].authority ? r->any.docs[i].authority : "unknown";
		size_t k = 0;
		while (k < auth.n && strcmp(auth.v[k], a))
			k++;
		if (k == auth.n)
			tt_strlist_push(&auth, a);
	}
	addf(r, "<table><caption>Documents by year and authority</caption><thead><tr>"
		"<th scope=\"col\">year</th>");
	for (size_t k = 0; k < auth.n; k++) {
		addf(r, "<th scope=\"col\">");
		esc(r, auth.v[k]);
		addf(r, "</th>");
	}
	addf(r, "<th scope=\"col\">all</th></tr></thead><tbody>\n");
	for (size_t y = 0; y < r->nyears; y++) {
		addf(r, "<tr><th scope=\"row\">%d</th>", r->years[y]);
		long long all = 0;
		for (size_t k = 0; k < auth.n; k++) {
			long long n = 0;
			for (size_t i = 0; i < r->any.ndocs; i++) {
				const char *a = r->any.docs[i].authority ? r->any.docs[i].authority
									  : "unknown";
				n += r->any.docs[i].year == r->years[y] && !strcmp(a, auth.v[k]);
			}
			all += n;
			addf(r, "<td class=\"n\">%lld</td>", n);
		}
		addf(r, "<td class=\"n\">%lld</td></tr>\n", all);
	}
	addf(r, "</tbody></table>\n");
	tt_strlist_release(&auth);

	addf(r, "<h3>How to reproduce</h3>\n<pre>");
	const char *cmds[] = {"trend --polarity concern", "compare --from FIRST --to LAST",
			      "emerging --recent LAST", "recurring", "cooccur", "grades --by year",
			      "kwic --theme THEME --year YEAR"};
	for (size_t i = 0; i < TT_ARRAY_LEN(cmds); i++) {
		addf(r, "themetrack %s --db ", cmds[i]);
		esc(r, r->db);
		addf(r, "\n");
	}
	addf(r, "</pre>\n<p>Rule set <code>");
	esc(r, r->any.ruleset);
	addf(r, "</code>; themes and rules: <code>themetrack rules list</code>.</p>\n");
}

/* The trend table (concern, by year) drives the heatmap and the lines. */
static void section_trend(report *r)
{
	const tt_filter *f = &r->concern_filter;
	tt_table *t = tt_trend(&r->concern, f, TT_BY_YEAR, 0);
	size_t ng = 0, nt = 0;
	/* Groups are the same for every theme: count them from the first theme. */
	const char *first = tt_table_nrows(t) ? tt_table_get(t, 0, 0) : NULL;
	while (ng < tt_table_nrows(t) && !strcmp(tt_table_get(t, ng, 0), first))
		ng++;
	nt = ng ? tt_table_nrows(t) / ng : 0;

	addf(r, "<h2 id=\"heatmap\">Concerns by theme and year</h2>\n");
	const char **rows = xcalloc(nt ? nt : 1, sizeof(char *));
	const char **colsl = xcalloc(ng ? ng : 1, sizeof(char *));
	double *v = xmalloc((nt * ng + 1) * sizeof(double));
	char **tips = xcalloc(nt * ng + 1, sizeof(char *));
	for (size_t g = 0; g < ng; g++)
		colsl[g] = tt_table_get(t, g, 2);
	for (size_t i = 0; i < nt; i++) {
		rows[i] = theme_label(r, tt_table_get(t, i * ng, 0));
		for (size_t g = 0; g < ng; g++) {
			size_t row = i * ng + g;
			v[i * ng + g] = cell_num(t, row, 5);
			tips[i * ng + g] = share_tip(rows[i], ", ", colsl[g], t, row, "a concern in ");
		}
	}
	tt_svg_heatmap hm;
	memset(&hm, 0, sizeof(hm));
	hm.meta.id = "heat";
	hm.meta.title = "Share of audits with each theme as a concern, by year";
	hm.meta.desc = "Rows are themes, columns are years; each cell is the share of that "
		       "year's audits in which the theme was found as a concern. The table "
		       "below gives the same figures.";
	hm.nrows = nt;
	hm.ncols = ng;
	hm.row_labels = rows;
	hm.col_labels = colsl;
	hm.values = v;
	hm.tooltips = (const char *const *)tips;
	hm.vmin = 0;
	hm.vmax = 1;
	hm.percent = 1;
	hm.legend_title = "share of audits";
	addf(r, "<figure>");
	tt_svg_add_heatmap(&r->h, &hm);
	addf(r, "<figcaption>Share of audits in which each theme was found as a concern. "
		"Hover a cell for the counts.</figcaption></figure>\n");
	addf(r, "<details><summary>The figures as a table</summary>\n");
	html_table(r, t, "themetrack trend --polarity concern");
	addf(r, "</details>\n");

	/* Trend lines for the leading themes, with Wilson intervals. */
	tt_table *top = tt_trend(&r->concern, f, TT_BY_YEAR, r->top);
	size_t ns = ng ? tt_table_nrows(top) / ng : 0;
	tt_svg_series *ser = xcalloc(ns ? ns : 1, sizeof(*ser));
	double *ys = xmalloc((ns * ng + 1) * sizeof(double) * 3);
	char **ptips = xcalloc(ns * ng + 1, sizeof(char *));
	for (size_t k = 0; k < ns; k++) {
		ser[k].name = theme_label(r, tt_table_get(top, k * ng, 0));
		ser[k].y = ys + (k * ng);
		ser[k].lo = ys + ns * ng + k * ng;
		ser[k].hi = ys + 2 * ns * ng + k * ng;
		ser[k].tooltips = (const char *const *)(ptips + k * ng);
		for (size_t g = 0; g < ng; g++) {
			size_t row = k * ng + g;
			ys[k * ng + g] = cell_num(top, row, 5);
			ys[ns * ng + k * ng + g] = cell_num(top, row, 6);
			ys[2 * ns * ng + k * ng + g] = cell_num(top, row, 7);
			ptips[k * ng + g] = share_tip(ser[k].name, " ", tt_table_get(top, row, 2), top,
						      row, "");
		}
	}
	addf(r, "<h2 id=\"trends\">Trends of the leading concerns</h2>\n");
	tt_svg_linechart lc;
	memset(&lc, 0, sizeof(lc));
	lc.meta.id = "lines";
	lc.meta.title = "Share of audits with each leading concern, by year, with 95% intervals";
	lc.meta.desc = "One line per theme; the shaded band is the Wilson 95% interval of "
		       "the share. Few audits a year give wide intervals.";
	lc.nx = ng;
	lc.x_labels = colsl;
	lc.nseries = ns;
	lc.series = ser;
	lc.percent = 1;
	lc.x_title = "year";
	lc.y_title = "share of audits";
	addf(r, "<figure>");
	tt_svg_add_linechart(&r->h, &lc);
	addf(r, "<figcaption>The %zu themes found as a concern in the most audits. Bands are "
		"Wilson 95%% intervals: where they overlap, a change may be chance.</figcaption>"
		"</figure>\n", ns);
	for (size_t i = 0; i < ns * ng; i++)
		free(ptips[i]);
	free(ptips);
	free(ys);
	free(ser);
	tt_table_free(top);
	for (size_t i = 0; i < nt * ng; i++)
		free(tips[i]);
	free(tips);
	free(v);
	free(rows);
	free(colsl);
	tt_table_free(t);
}

static void period_of(tt_period *p, int year)
{
	char b[16];
	snprintf(b, sizeof(b), "%d", year);
	p->years = xmalloc(sizeof(int));
	p->years[0] = year;
	p->n = 1;
	p->text = xstrdup(b);
}

static void section_compare(report *r)
{
	addf(r, "<h2 id=\"compare\">First year against last year</h2>\n");
	if (r->nyears < 2) {
		addf(r, "<p>The documents cover one year only: there is nothing to compare.</p>\n");
		return;
	}
	tt_period a = {0}, b = {0};
	period_of(&a, r->years[0]);
	period_of(&b, r->years[r->nyears - 1]);
	tt_table *t = tt_compare(&r->concern, &r->concern_filter, &a, &b);
	addf(r, "<p>Audits with each theme as a concern in %d (a) and %d (b): two-sided "
		"Fisher exact test on the documents, Benjamini-Hochberg q-values across the "
		"themes; <em>new</em> and <em>gone</em> when one year has none, <em>up</em> "
		"and <em>down</em> when q &lt; 0.05, else <em>flat</em>.</p>\n",
		r->years[0], r->years[r->nyears - 1]);
	html_table(r, t, "themetrack compare");
	tt_table_free(t);
	tt_period_release(&a);
	tt_period_release(&b);
}

static void section_emerging(report *r)
{
	addf(r, "<h2 id=\"emerging\">Emerging themes and terms</h2>\n");
	if (r->nyears < 2) {
		addf(r, "<p>The documents cover one year only.</p>\n");
		return;
	}
	tt_period recent = {0}, base = {0};
	int last = r->years[r->nyears - 1];
	period_of(&recent, last);
	base.years = xmalloc(r->nyears * sizeof(int));
	tt_buf bt = TT_BUF_INIT;
	for (size_t i = 0; i + 1 < r->nyears; i++) {
		base.years[base.n++] = r->years[i];
		tt_buf_addf(&bt, "%s%d", i ? "," : "", r->years[i]);
	}
	base.text = tt_buf_detach(&bt, NULL);
	tt_table *t = tt_emerging_themes(&r->any, &r->concern_filter, &base, &recent);
	addf(r, "<p>%d against every earlier year.</p>\n", last);
	if (tt_table_nrows(t))
		html_table(r, t, "Themes new or rising (themetrack emerging --themes)");
	else
		addf(r, "<p>No theme is new or rising significantly.</p>\n");
	tt_table_free(t);

	tt_terms_opts o = {2, 3.84, 1.0, 30};
	tt_error err;
	tt_error_init(&err);
	t = NULL;
	if (tt_emerging_terms(r->s, &r->any, r->rs, &base, &recent, &o, &t, &err) == TT_OK) {
	html_table(r, t, "Terms rising (themetrack emerging --terms): "
			   "those no theme covers come first");
		tt_table_free(t);
	} else {
		addf(r, "<p>Emerging terms could not be computed: ");
		esc(r, err.msg);
		addf(r, "</p>\n");
	}
	tt_error_release(&err);
	tt_period_release(&recent);
	tt_period_release(&base);
}

static void section_recurring(report *r)
{
	addf(r, "<h2 id=\"recurring\">Recurring recommendations</h2>\n");
	tt_error err;
	tt_error_init(&err);
	tt_table *t = NULL;
	if (tt_recurring_run(r->s, &r->any, r->rs, &r->q->filter, 0.15, 0, &t, &err) != TT_OK) {
		addf(r, "<p>Recurring recommendations could not be computed: ");
		esc(r, err.msg);
		addf(r, "</p>\n");
		tt_error_release(&err);
		return;
	}
	if (!tt_table_nrows(t)) {
		addf(r, "<p>No recommendation recurs across years.</p>\n");
	} else {
		addf(r, "<p>Recommendations and learning points made again in a later year by "
			"the same authority (a shared theme and similar content words), one list "
			"per chain, earliest first (<code>themetrack recurring</code>).</p>\n");
		const char *chain = NULL;
		for (size_t i = 0; i < tt_table_nrows(t); i++) {
			const char *c = tt_table_get(t, i, 0);
			if (!chain || strcmp(chain, c)) {
				if (chain)
					addf(r, "</ol>\n");
				chain = c;
				addf(r, "<h3>");
				esc(r, tt_table_get(t, i, 2));
				addf(r, ": ");
				esc(r, tt_table_get(t, i, 1));
				addf(r, "</h3>\n<ol class=\"ev\">\n");
			}
			addf(r, "<li><strong>");
			esc(r, tt_table_get(t, i, 4));
			addf(r, "</strong> ");
			esc(r, tt_table_get(t, i, 10));
			addf(r, " <span class=\"src\">— ");
			esc(r, tt_table_get(t, i, 6));
			addf(r, "; ");
			esc(r, tt_table_get(t, i, 7));
			addf(r, " (themes ");
			esc(r, tt_table_get(t, i, 8));
			addf(r, "; similarity ");
			esc(r, tt_table_get(t, i, 9));
			addf(r, ")</span></li>\n");
		}
		if (chain)
			addf(r, "</ol>\n");
	}
	tt_table_free(t);
	tt_error_release(&err);
}

static void section_cooccur(report *r)
{
	addf(r, "<h2 id=\"cooccur\">Themes that come together</h2>\n");
	tt_table *t = tt_cooccur(&r->concern, &r->concern_filter, TT_LEVEL_DOCUMENT);
	/* The themes in any pair, in rule-set order. */
	size_t nt = r->any.nthemes;
	unsigned char *in = xcalloc(nt ? nt : 1, 1);
	for (size_t i = 0; i < tt_table_nrows(t); i++) {
		long a = tt_corpus_theme(&r->any, tt_table_get(t, i, 0));
		long b = tt_corpus_theme(&r->any, tt_table_get(t, i, 1));
		if (a >= 0)
			in[a] = 1;
		if (b >= 0)
			in[b] = 1;
	}
	size_t *ix = xmalloc((nt ? nt : 1) * sizeof(*ix)), n = 0;
	for (size_t i = 0; i < nt; i++)
		if (in[i])
			ix[n++] = i;
	if (!n) {
		addf(r, "<p>No two themes were found as concerns in the same audit.</p>\n");
	} else {
		const char **labels = xmalloc(n * sizeof(char *));
		double *v = xmalloc(n * n * sizeof(double));
		char **tips = xcalloc(n * n, sizeof(char *));
		for (size_t i = 0; i < n; i++)
			labels[i] = theme_label(r, r->any.themes[ix[i]].id);
		for (size_t i = 0; i < n * n; i++)
			v[i] = NAN;
		for (size_t k = 0; k < tt_table_nrows(t); k++) {
			long a = tt_corpus_theme(&r->any, tt_table_get(t, k, 0));
			long b = tt_corpus_theme(&r->any, tt_table_get(t, k, 1));
			size_t pa = 0, pb = 0;
			while (pa < n && ix[pa] != (size_t)a)
				pa++;
			while (pb < n && ix[pb] != (size_t)b)
				pb++;
			double j = cell_num(t, k, 6);
			v[pa * n + pb] = v[pb * n + pa] = j;
			for (int w = 0; w < 2; w++) {
				size_t at = w ? pb * n + pa : pa * n + pb;
				tt_buf tip = TT_BUF_INIT;
				tt_buf_addf(&tip, "%s and %s: together in %s audits (Jaccard %s, lift %s, "
					    "p %s)", labels[w ? pb : pa], labels[w ? pa : pb],
					    tt_table_get(t, k, 2), tt_table_get(t, k, 6),
					    tt_table_get(t, k, 7), tt_table_get(t, k, 8));
				free(tips[at]);
				tips[at] = tt_buf_detach(&tip, NULL);
			}
		}
		tt_svg_heatmap hm;
		memset(&hm, 0, sizeof(hm));
		hm.meta.id = "cooc";
		hm.meta.title = "Theme pairs found as concerns in the same audits (Jaccard index)";
		hm.meta.desc = "Rows and columns are themes; a cell is the Jaccard index of the "
			       "audits carrying each theme: 1 when always together, 0 when never. "
			       "The table below lists the pairs.";
		hm.nrows = hm.ncols = n;
		hm.row_labels = hm.col_labels = labels;
		hm.values = v;
		hm.tooltips = (const char *const *)tips;
		hm.vmin = 0;
		hm.vmax = 1;
		hm.decimals = 2;
		hm.legend_title = "Jaccard index";
		hm.nodata_text = "never together";
		addf(r, "<figure>");
		tt_svg_add_heatmap(&r->h, &hm);
		addf(r, "<figcaption>How often two themes are concerns in the same audit.</figcaption>"
			"</figure>\n<details><summary>The pairs as a table</summary>\n");
		html_table(r, t, "themetrack cooccur");
		addf(r, "</details>\n");
		for (size_t i = 0; i < n * n; i++)
			free(tips[i]);
		free(tips);
		free(v);
		free(labels);
	}
	free(ix);
	free(in);
	tt_table_free(t);
}

static void section_grades(report *r)
{
	addf(r, "<h2 id=\"grades\">Audit grades</h2>\n");
	tt_error err;
	tt_error_init(&err);
	tt_table *t = NULL;
	if (tt_grades_table(r->s, &r->q->filter, 1, &t, &err) != TT_OK) {
		addf(r, "<p>Grades could not be read: ");
		esc(r, err.msg);
		addf(r, "</p>\n");
		tt_error_release(&err);
		return;
	}
	size_t n = tt_table_nrows(t);
	if (!n) {
		addf(r, "<p>No document states the grades of the cases it audited.</p>\n");
	} else {
		const char **x = xmalloc(n * sizeof(char *));
		double *v = xmalloc(n * 4 * sizeof(double));
		static const char *const parts[] = {"outstanding", "good", "requires improvement",
						    "inadequate"};
		for (size_t i = 0; i < n; i++) {
			x[i] = tt_table_get(t, i, 0);
			for (size_t p = 0; p < 4; p++)
				v[i * 4 + p] = cell_num(t, i, 3 + p);
		}
		tt_svg_stackbar sb;
		memset(&sb, 0, sizeof(sb));
		sb.meta.id = "grades";
		sb.meta.title = "Grades of the audited cases, by year";
		sb.meta.desc = "One bar per year, split into the shares of cases graded "
			       "outstanding, good, requires improvement and inadequate, from the "
			       "distributions the reports state. The table below gives the counts.";
		sb.nx = n;
		sb.nparts = 4;
		sb.x_labels = x;
		sb.part_labels = parts;
		sb.values = v;
		sb.normalise = 1;
		sb.y_title = "share of audited cases";
		addf(r, "<figure>");
		tt_svg_add_stackbar(&r->h, &sb);
		addf(r, "<figcaption>Reports whose counts do not add up to the total they state "
			"are left out (counted as incomplete).</figcaption></figure>\n");
		html_table(r, t, "themetrack grades --by year");
		free(x);
		free(v);
	}
	tt_table_free(t);
	tt_error_release(&err);
}

/* --- evidence --------------------------------------------------------------- */

typedef struct ev {
	report *r;
	int year;             /* the year being written, or INT_MIN before */
	int open;
	size_t in_year, total, skipped;
	const char *theme;
} ev;

static void close_year(ev *e)
{
	if (!e->open)
		return;
	addf(e->r, "</ul>\n");
	if (e->skipped)
		addf(e->r, "<p class=\"src\">and %zu more: <code>themetrack kwic --theme %s "
			"--year %d</code></p>\n", e->skipped, e->theme, e->year);
	e->open = 0;
}

static int on_evidence(const tt_evidence *x, void *ctx)
{
	ev *e = ctx;
	report *r = e->r;
	if (!e->open || x->year != e->year) {
		close_year(e);
		e->year = x->year;
		e->in_year = e->skipped = 0;
		if (x->year)
			addf(r, "<h4>%d</h4>\n<ul class=\"ev\">\n", x->year);
		else
			addf(r, "<h4>year unknown</h4>\n<ul class=\"ev\">\n");
		e->open = 1;
	}
	e->total++;
	if (e->in_year >= r->evidence) {
		e->skipped++;
		return 0;
	}
	e->in_year++;
	size_t len = strlen(x->sentence);
	size_t a = x->start <= len ? x->start : len, b = x->end <= len ? x->end : len;
	if (b < a)
		b = a;
	addf(r, "<li><span class=\"pol %s\">", x->polarity);
	esc(r, x->polarity);
	addf(r, "</span> ");
	tt_html_escape_n(&r->h, x->sentence, a);
	addf(r, "<mark>");
	tt_html_escape_n(&r->h, x->sentence + a, b - a);
	addf(r, "</mark>");
	tt_html_escape_n(&r->h, x->sentence + b, len - b);
	addf(r, " <span class=\"src\">— ");
	esc(r, x->title ? x->title : x->name);
	if (x->authority) {
		addf(r, ", ");
		esc(r, x->authority);
	}
	if (x->section) {
		addf(r, "; ");
		esc(r, x->section);
	}
	addf(r, " (hit %lld, rule ", x->hit_id);
	esc(r, x->rule);
	addf(r, ")</span></li>\n");
	return 0;
}

static void section_evidence(report *r)
{
	addf(r, "<h2 id=\"evidence\">Evidence</h2>\n<p>Every sentence behind the counts, by "
		"theme and year, each with its polarity, document and section. Open a theme "
		"to read them; <code>themetrack explain HIT</code> shows why a hit exists.</p>\n");
	for (size_t i = 0; i < r->any.nthemes; i++) {
		const char *id = r->any.themes[i].id;
		if (!tt_filter_theme(&r->q->filter, id))
			continue;
		size_t n = 0;
		for (size_t k = 0; k < r->any.nfacts; k++)
			n += r->any.facts[k].theme == i;
		if (!n)
			continue;
		tt_filter f = r->q->filter;
		char *one[1] = {(char *)id};
		f.themes = one;
		f.nthemes = 1;
		addf(r, "<details id=\"ev-");
		esc(r, id);
		addf(r, "\"><summary>");
		esc(r, theme_label(r, id));
		addf(r, " (%zu sentence%s)</summary>\n", n, n == 1 ? "" : "s");
		ev e = {r, 0, 0, 0, 0, 0, id};
		tt_error err;
		tt_error_init(&err);
		if (tt_store_evidence(r->s, &f, on_evidence, &e, &err) != TT_OK) {
			addf(r, "<p>");
			esc(r, err.msg);
			addf(r, "</p>");
		}
		close_year(&e);
		tt_error_release(&err);
		addf(r, "</details>\n");
	}
}

/* --- the command ------------------------------------------------------------ */

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int run(const tt_cmd *self, int argc, char **argv)
{
	tt_qopts q;
	tt_optstate os = {0};
	const char *arg, *out = "themetrack-report.html", *rules = NULL;
	int c;
	long top = 6, evidence = 25;
	tt_qopts_init(&q, TT_POL_ANY);
	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		if (c == TT_QOPT_POLARITY || c == TT_QOPT_FORMAT || c == TT_QOPT_ACTOR)
			tt_usage_fail(self, "the report shows concerns and every polarity's evidence; "
				      "--polarity, --actor and --format do not apply");
		if (tt_qopts_take(self, &q, c, arg))
			continue;
		if (c == OPT_OUT) {
			out = arg;
		} else if (c == OPT_RULES) {
			rules = arg;
		} else if (c == OPT_TOP) {
			top = (long)tt_opt_count(self, "top", arg, 1, 100000);
		} else if (c == OPT_EVIDENCE) {
			evidence = (long)tt_opt_count(self, "evidence", arg, 1, 100000);
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
	report r;
	memset(&r, 0, sizeof(r));
	tt_buf_init(&r.h);
	r.rs = rs;
	r.q = &q;
	r.db = q.db;
	r.top = (size_t)top;
	r.evidence = (size_t)evidence;
	rc = tt_cli_open_corpus(self, &q, TT_FACTS_SENTENCE, &r.s, &r.any);
	if (rc != TT_EXIT_OK)
		goto out;
	if (!r.any.ndocs) {
		tt_errf("%s: no tagged documents match; 'themetrack stats' shows what is stored",
			self->name);
		rc = TT_EXIT_USAGE;
		goto close;
	}
	tt_corpus_polarity_view(&r.any, TT_POL_CONCERN, &r.concern);
	r.concern_filter = q.filter;
	r.concern_filter.polarity = TT_POL_CONCERN;
	r.years = xmalloc(r.any.ndocs * sizeof(int));
	for (size_t i = 0; i < r.any.ndocs; i++) {
		int y = r.any.docs[i].year;
		size_t k = 0;
		while (k < r.nyears && r.years[k] != y)
			k++;
		if (k == r.nyears && y)
			r.years[r.nyears++] = y;
	}
	qsort(r.years, r.nyears, sizeof(int), cmp_int);

	addf(&r, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		 "<meta name=\"generator\" content=\"themetrack %s\">\n<title>themetrack report: ",
	     TT_VERSION);
	esc(&r, r.db);
	addf(&r, "</title>\n");
	css(&r);
	addf(&r, "</head>\n<body>\n<nav><a href=\"#analysed\">Analysed</a> · "
		 "<a href=\"#heatmap\">Heatmap</a> · <a href=\"#trends\">Trends</a> · "
		 "<a href=\"#compare\">Compare</a> · <a href=\"#emerging\">Emerging</a> · "
		 "<a href=\"#recurring\">Recurring</a> · <a href=\"#cooccur\">Co-occurrence</a> · "
		 "<a href=\"#grades\">Grades</a> · <a href=\"#evidence\">Evidence</a></nav>\n");
	section_overview(&r);
	section_trend(&r);
	section_compare(&r);
	section_emerging(&r);
	section_recurring(&r);
	section_cooccur(&r);
	section_grades(&r);
	section_evidence(&r);
	addf(&r, "<footer><p class=\"src\">Written by themetrack %s. No scripts, no external "
		 "resources: this file opens offline.</p></footer>\n</body>\n</html>\n",
	     TT_VERSION);

	tt_outfile o;
	if (tt_outfile_open(&o, out) != 0) {
		rc = TT_EXIT_FAIL;
	} else {
		fwrite(r.h.buf, 1, r.h.len, o.f);
		if (tt_outfile_close(&o, 1) != 0)
			rc = TT_EXIT_FAIL;
		else
			tt_notef("wrote %s (%zu documents, %zu kB)", out, r.any.ndocs, r.h.len / 1024);
	}
	free(r.years);
	tt_corpus_view_release(&r.concern);
close:
	tt_store_close(r.s);
	tt_corpus_release(&r.any);
out:
	tt_buf_release(&r.h);
	tt_ruleset_free(rs);
	tt_qopts_release(&q);
	return rc;
}

const tt_cmd tt_cmd_report = {
	"report",
	"write a self-contained HTML report with charts and evidence",
	"[-o FILE] [--top N] [--evidence N] [--theme ID] [--year PERIOD] [--authority A]",
	report_opts,
	"Writes one HTML file (default themetrack-report.html) with inline CSS and\n"
	"SVG, no scripts and no network requests, that opens offline and prints on\n"
	"A4: what was analysed and how to reproduce it; a heatmap of the concern\n"
	"share by theme and year and trend lines with Wilson intervals for the\n"
	"leading themes; the first year against the last; emerging themes and\n"
	"terms of the last year; recurring recommendations; a co-occurrence\n"
	"heatmap; grade distributions; and, folded, the evidence sentences of\n"
	"every theme by year. Every chart has a table or a text equivalent.\n",
	"  themetrack report --db demo.db -o demo-report.html\n",
	run};
