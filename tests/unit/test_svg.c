/*
 * Unit tests: HTML escaping, the heatmap ramp, and the three SVG charts
 * (svg.c). Every chart's output goes through check_svg(): a small
 * stack-based XML checker (tags balance, attributes quoted and not
 * repeated, no raw '<', '>' or bare '&' in text or values), the safety
 * rules (no script, no event handler, no external reference, one URL:
 * the SVG namespace, fonts only sans-serif, no nan or inf), ids unique and under the chart's prefix, and
 * every coordinate a plain number inside the viewBox.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "svg.h"
#include "test.h"
#include "banned.h"

/* ---- helpers ----------------------------------------------------------- */

static size_t count(const char *s, const char *sub)
{
	size_t n = 0, len = strlen(sub);
	for (const char *p = strstr(s, sub); p; p = strstr(p + len, sub))
		n++;
	return n;
}

static size_t count_nocase(const char *s, const char *sub)
{
	size_t n = 0, len = strlen(sub);
	for (; *s; s++)
		if (!strncasecmp(s, sub, len))
			n++;
	return n;
}

static char *escaped(const char *s)
{
	tt_buf b = TT_BUF_INIT;
	tt_html_escape(&b, s);
	return tt_buf_detach(&b, NULL);
}

static char *escaped_n(const char *s, size_t n)
{
	tt_buf b = TT_BUF_INIT;
	tt_html_escape_n(&b, s, n);
	return tt_buf_detach(&b, NULL);
}

/*
 * The double in attribute `name` of the first element after the k-th
 * (0-based) occurrence of `mark` in s; NAN when there is none.
 */
static double attr_after(const char *s, const char *mark, size_t k, const char *name)
{
	const char *p = strstr(s, mark);
	char pat[64];
	for (; p && k; k--)
		p = strstr(p + 1, mark);
	if (!p)
		return NAN;
	snprintf(pat, sizeof(pat), " %s=\"", name);
	p = strstr(p, pat);
	return p ? strtod(p + strlen(pat), NULL) : NAN;
}

/* ---- the XML checker ---------------------------------------------------- */

typedef struct xml {
	const char *s;
	size_t i;
	char err[160];
	char stack[64][32];
	size_t depth;
	int roots;
	double vw, vh;  /* the root's viewBox size */
	int in_defs;    /* depth inside <defs>: pattern coordinates are local */
	char ids[512][64];
	size_t nids;
	const char *prefix;
} xml;

static int fail(xml *x, const char *what)
{
	if (!x->err[0])
		snprintf(x->err, sizeof(x->err), "at %zu: %s: \"%.30s\"", x->i, what,
			 x->s + x->i);
	return 0;
}

/* An entity at s[0] == '&': &amp; &lt; &gt; &quot; &apos; &#N; &#xH;. */
static size_t entity_len(const char *s)
{
	static const char *named[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
	for (size_t k = 0; k < 5; k++)
		if (!strncmp(s, named[k], strlen(named[k])))
			return strlen(named[k]);
	size_t i = 1;
	if (s[i++] != '#')
		return 0;
	int hex = s[i] == 'x';
	i += (size_t)hex;
	size_t start = i;
	while (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))
		i++;
	return i > start && s[i] == ';' ? i + 1 : 0;
}

/* A plain decimal number filling [s, s+n): no nan, inf or exponent. */
static int plain_number(const char *s, size_t n, double *v)
{
	char tmp[40];
	if (!n || n >= sizeof(tmp))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != '.' && !(s[i] == '-' && i == 0))
			return 0;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	*v = strtod(tmp, NULL);
	return 1;
}

static int in_box(xml *x, double v, int is_x)
{
	double lim = is_x ? x->vw : x->vh;
	return v >= -0.05 && v <= lim + 0.05;
}

/* Checks one attribute value of element `el` against the chart rules. */
static int check_attr(xml *x, const char *el, const char *name, const char *v, size_t n)
{
	double d;
	if (x->depth == 0 && !strcmp(name, "viewBox")) {
		if (sscanf(v, "0 0 %lf %lf", &x->vw, &x->vh) != 2 || x->vw <= 0 || x->vh <= 0)
			return fail(x, "bad viewBox");
		return 1;
	}
	if (!strcmp(name, "id")) {
		size_t pl = strlen(x->prefix);
		if (n >= 64 || n <= pl || strncmp(v, x->prefix, pl) || v[pl] != '-')
			return fail(x, "id outside the prefix");
		for (size_t k = 0; k < x->nids; k++)
			if (strlen(x->ids[k]) == n && !strncmp(x->ids[k], v, n))
				return fail(x, "duplicate id");
		if (x->nids < 512) {
			memcpy(x->ids[x->nids], v, n);
			x->ids[x->nids++][n] = '\0';
		}
	}
	if (!strncmp(name, "on", 2))
		return fail(x, "event handler attribute");
	if (strcmp(name, "id") && strcmp(name, "aria-labelledby")) {
		for (size_t i = 0; i + 3 <= n; i++)
			if (!strncasecmp(v + i, "nan", 3) || !strncasecmp(v + i, "inf", 3))
				return fail(x, "nan or inf in an attribute");
	}
	if (x->depth == 0 || x->in_defs)
		return 1;
	static const char *xs[] = {"x", "cx", "x1", "x2", "width"};
	static const char *ys[] = {"y", "cy", "y1", "y2", "height"};
	for (int k = 0; k < 5; k++) {
		int is_x = !strcmp(name, xs[k]), is_y = !strcmp(name, ys[k]);
		if (!is_x && !is_y)
			continue;
		if (!plain_number(v, n, &d) || !in_box(x, d, is_x))
			return fail(x, "coordinate outside the viewBox");
	}
	if (!strcmp(name, "r") && (!plain_number(v, n, &d) || d <= 0))
		return fail(x, "bad radius");
	if (!strcmp(name, "points") || (!strcmp(name, "d") && strcmp(el, "pattern"))) {
		int is_x = 1;
		for (size_t i = 0; i < n;) {
			if (strchr(" ,MLZ", v[i])) {
				i++;
				continue;
			}
			size_t j = i;
			while (j < n && !strchr(" ,MLZ", v[j]))
				j++;
			if (!plain_number(v + i, j - i, &d) || !in_box(x, d, is_x))
				return fail(x, "path point outside the viewBox");
			is_x = !is_x;
			i = j;
		}
	}
	return 1;
}

static size_t name_len(const char *s)
{
	size_t n = 0;
	if (!isalpha((unsigned char)s[0]))
		return 0;
	while (isalnum((unsigned char)s[n]) || s[n] == '-' || s[n] == '_' || s[n] == ':')
		n++;
	return n;
}

static int parse_tag(xml *x)
{
	const char *s = x->s;
	char el[32], seen[16][32];
	size_t nseen = 0;
	x->i++; /* '<' */
	if (s[x->i] == '/') {
		x->i++;
		size_t n = name_len(s + x->i);
		if (!n || !x->depth || strlen(x->stack[x->depth - 1]) != n ||
		    strncmp(x->stack[x->depth - 1], s + x->i, n))
			return fail(x, "mismatched end tag");
		x->i += n;
		if (s[x->i] != '>')
			return fail(x, "bad end tag");
		x->i++;
		if (!strcmp(x->stack[x->depth - 1], "defs"))
			x->in_defs--;
		x->depth--;
		return 1;
	}
	size_t n = name_len(s + x->i);
	if (!n || n >= sizeof(el))
		return fail(x, "bad tag name");
	memcpy(el, s + x->i, n);
	el[n] = '\0';
	x->i += n;
	if (x->depth == 0 && x->roots++)
		return fail(x, "second root element");
	for (;;) {
		size_t sp = 0;
		while (s[x->i] == ' ' || s[x->i] == '\n' || s[x->i] == '\t') {
			x->i++;
			sp++;
		}
		if (s[x->i] == '/' && s[x->i + 1] == '>') {
			x->i += 2;
			return 1;
		}
		if (s[x->i] == '>') {
			x->i++;
			if (x->depth >= 64)
				return fail(x, "too deep");
			memcpy(x->stack[x->depth++], el, n + 1);
			if (!strcmp(el, "defs"))
				x->in_defs++;
			return 1;
		}
		size_t an = name_len(s + x->i);
		if (!sp || !an || an >= 32 || s[x->i + an] != '=')
			return fail(x, "bad attribute");
		char name[32];
		memcpy(name, s + x->i, an);
		name[an] = '\0';
		for (size_t k = 0; k < nseen; k++)
			if (!strcmp(seen[k], name))
				return fail(x, "repeated attribute");
		if (nseen < 16)
			memcpy(seen[nseen++], name, an + 1);
		x->i += an + 1;
		char q = s[x->i];
		if (q != '"' && q != '\'')
			return fail(x, "unquoted attribute");
		size_t start = ++x->i;
		while (s[x->i] && s[x->i] != q) {
			if (s[x->i] == '<')
				return fail(x, "'<' in attribute");
			if (s[x->i] == '&') {
				size_t el_n = entity_len(s + x->i);
				if (!el_n)
					return fail(x, "bare '&' in attribute");
				x->i += el_n;
				continue;
			}
			x->i++;
		}
		if (!s[x->i])
			return fail(x, "unterminated attribute");
		if (!check_attr(x, el, name, s + start, x->i - start))
			return 0;
		x->i++;
	}
}

/* Returns 1 when s is one well-formed element (see the file comment). */
static int well_formed(xml *x, const char *s, const char *prefix)
{
	memset(x, 0, sizeof(*x));
	x->s = s;
	x->prefix = prefix;
	while (s[x->i]) {
		char ch = s[x->i];
		if (ch == '<') {
			if (!parse_tag(x))
				return 0;
			if (x->depth == 0 && x->roots)
				break;
			continue;
		}
		if (x->depth == 0 && !isspace((unsigned char)ch))
			return fail(x, "text outside the root");
		if (ch == '>')
			return fail(x, "raw '>' in text");
		if (ch == '&') {
			size_t n = entity_len(s + x->i);
			if (!n)
				return fail(x, "bare '&' in text");
			x->i += n;
			continue;
		}
		x->i++;
	}
	while (isspace((unsigned char)s[x->i]))
		x->i++;
	if (s[x->i])
		return fail(x, "text after the root");
	if (x->depth || x->roots != 1)
		return fail(x, "unclosed element");
	return 1;
}

/*
 * Every rule a chart must keep, whatever its input: well-formed, one root
 * <svg> with the namespace, role, width and labelled-by ids it names,
 * <title> and <desc> first, and nothing that loads or runs anything.
 */
static void check_svg(const char *s, const char *prefix)
{
	xml x;
	char want[160];
	if (!well_formed(&x, s, prefix)) {
		fprintf(stderr, "%s: not well-formed: %s\n", tt_test_name, x.err);
		CHECK(0);
		return;
	}
	CHECK(!strncmp(s, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
			  "viewBox=\"0 0 ", 60));
	CHECK(strstr(s, " width=\"100%\" style=\"max-width:") != NULL);
	const char *mw = strstr(s, "max-width:");
	CHECK(mw && strtod(mw + 10, NULL) == x.vw);
	snprintf(want, sizeof(want), "aria-labelledby=\"%s-title %s-desc\">"
		 "<title id=\"%s-title\">", prefix, prefix, prefix);
	CHECK(strstr(s, want) != NULL);
	CHECK(strstr(strstr(s, "</title>"), "<desc id=") == strstr(s, "</title>") + 8);
	CHECK_INT(count(s, "http"), 1);
	CHECK_INT(count_nocase(s, "<script"), 0);
	CHECK_INT(count_nocase(s, "<img"), 0);
	CHECK_INT(count_nocase(s, "<image"), 0);
	CHECK_INT(count_nocase(s, "<foreignObject"), 0);
	CHECK_INT(count_nocase(s, "<style"), 0);
	CHECK_INT(count_nocase(s, "<a "), 0);
	CHECK_INT(count_nocase(s, "href"), 0);
	CHECK_INT(count(s, "url("), count(s, "url(#"));
	CHECK_INT(count(s, "font-family="), 1);
	CHECK_INT(count(s, "font-family=\"sans-serif\""), 1);
	CHECK_INT(count_nocase(s, ">nan"), 0);
	CHECK_INT(count_nocase(s, ">-nan"), 0);
	CHECK_INT(count_nocase(s, ">inf"), 0);
	CHECK_INT(count_nocase(s, ">-inf"), 0);
}

/* ---- escaping ------------------------------------------------------------ */

static void check_escape(const char *in, const char *want)
{
	char *got = escaped(in);
	CHECK_STR(got, want);
	free(got);
}

static void test_escape(void)
{
	check_escape("&", "&amp;");
	check_escape("<", "&lt;");
	check_escape(">", "&gt;");
	check_escape("\"", "&quot;");
	check_escape("'", "&#39;");
	check_escape("", "");
	check_escape("plain text, 75% (3/4)", "plain text, 75% (3/4)");
	check_escape("a&b<c>d\"e'f&amp;", "a&amp;b&lt;c&gt;d&quot;e&#39;f&amp;amp;");
	check_escape("<script>alert(1)</script>",
		     "&lt;script&gt;alert(1)&lt;/script&gt;");
	check_escape("\"><img src=x onerror=alert(1)>",
		     "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
	check_escape("'; DROP TABLE x; --", "&#39;; DROP TABLE x; --");
	/* UTF-8 passes through; tab, LF and CR are kept. */
	check_escape("caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80");
	check_escape("a\tb\nc\rd", "a\tb\nc\rd");
	/* What XML cannot carry becomes U+FFFD, one per bad byte. */
	check_escape("a\x01" "b\x1F", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
	check_escape("\xC3(", "\xEF\xBF\xBD(");
	check_escape("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD");
	check_escape("\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	check_escape("\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	check_escape("\xEF\xBF\xBE", "\xEF\xBF\xBD");
	check_escape("\xFF", "\xEF\xBF\xBD");

	/* Appends; NULL writes nothing. */
	tt_buf b = TT_BUF_INIT;
	tt_html_escape(&b, NULL);
	CHECK_INT(b.len, 0);
	tt_buf_addstr(&b, "x=");
	tt_html_escape(&b, "<y>");
	tt_html_escape_n(&b, NULL, 3);
	CHECK_STR(b.buf, "x=&lt;y&gt;");
	tt_buf_release(&b);

	/* _n: exact length, NULs, and a sequence cut by n. */
	char *got = escaped_n("a\0<b", 4);
	CHECK_STR(got, "a\xEF\xBF\xBD&lt;b");
	free(got);
	got = escaped_n("<tail", 1);
	CHECK_STR(got, "&lt;");
	free(got);
	got = escaped_n("\xC3\xA9", 1);
	CHECK_STR(got, "\xEF\xBF\xBD");
	free(got);
	got = escaped_n("abc", 0);
	CHECK_STR(got, "");
	free(got);
}

/* ---- the ramp ------------------------------------------------------------ */

static double lum(const unsigned char c[3])
{
	double v[3];
	for (int i = 0; i < 3; i++) {
		double s = c[i] / 255.0;
		v[i] = s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static void test_ramp(void)
{
	unsigned char c[3], d[3];
	tt_svg_ramp(0, c);
	CHECK(c[0] == 0x00 && c[1] == 0x22 && c[2] == 0x4e);
	tt_svg_ramp(1, c);
	CHECK(c[0] == 0xfe && c[1] == 0xe8 && c[2] == 0x38);
	/* Monotonic lightness: greyscale keeps the order. */
	double prev = -1;
	for (int i = 0; i <= 200; i++) {
		tt_svg_ramp(i / 200.0, c);
		double l = lum(c);
		CHECK(l >= prev);
		prev = l;
	}
	tt_svg_ramp(0, c);
	tt_svg_ramp(1, d);
	CHECK(lum(d) - lum(c) > 0.7);
	/* Clamped, and NAN is the bottom. */
	tt_svg_ramp(-5, d);
	CHECK(!memcmp(c, d, 3));
	tt_svg_ramp(NAN, d);
	CHECK(!memcmp(c, d, 3));
	tt_svg_ramp(INFINITY, c);
	tt_svg_ramp(1, d);
	CHECK(!memcmp(c, d, 3));
}

/* ---- heatmap ------------------------------------------------------------- */

static void test_heatmap(void)
{
	const char *rows[] = {"absent_fathers", "voice_of_child", "<b>drift & delay</b>"};
	const char *cols[] = {"2015", "2016", "2017", "2018"};
	const double v[] = {0.75, 0.5, NAN, 1.0,
			    0.0, 0.25, 0.125, 0.9,
			    0.3, 0.4, 0.5, 0.6};
	const char *labels[12] = {NULL};
	const char *tips[12] = {"absent_fathers, 2015: 3 of 4 audits (75%)"};
	labels[1] = "2/4";
	tips[5] = "\"><img src=x onerror=alert(1)>";
	tips[6] = "<script>alert(1)</script>";
	tt_svg_heatmap h = {
		.meta = {"hm1", "Themes by year", "Share of audits; 'drift' <rising>"},
		.nrows = 3, .ncols = 4, .row_labels = rows, .col_labels = cols,
		.values = v, .cell_labels = labels, .tooltips = tips,
		.vmin = 0, .vmax = 1, .decimals = 2, .legend_title = "share of audits",
	};
	tt_buf b = TT_BUF_INIT;
	tt_buf_addstr(&b, "<p>before</p>"); /* appends, never resets */
	size_t start = b.len;
	tt_svg_add_heatmap(&b, &h);
	const char *s = b.buf + start;
	CHECK(!strncmp(b.buf, "<p>before</p><svg ", 18));
	check_svg(s, "hm1");

	CHECK(strstr(s, ">Themes by year</title>") != NULL);
	CHECK(strstr(s, ">Share of audits; &#39;drift&#39; &lt;rising&gt;</desc>") != NULL);
	CHECK_INT(count(s, "<g class=\"cell\">"), 12);
	/* The NAN cell and the legend key use the hatch. */
	CHECK_INT(count(s, "fill=\"url(#hm1-nodata)\""), 2);
	CHECK(strstr(s, "<title>absent_fathers, 2017: no documents</title>") != NULL);
	CHECK(strstr(s, ">no documents</text>") != NULL);
	/* Caller tooltips, escaped; default ones from the labels. */
	CHECK(strstr(s, "<title>absent_fathers, 2015: 3 of 4 audits (75%)</title>") != NULL);
	CHECK(strstr(s, "<title>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</title>") != NULL);
	CHECK(strstr(s, "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>") != NULL);
	CHECK(strstr(s, "<title>absent_fathers, 2016: 2/4</title>") != NULL);
	CHECK(strstr(s, "<title>&lt;b&gt;drift &amp; delay&lt;/b&gt;, 2018: 0.60</title>") != NULL);
	/* Values printed inside: caller label or `decimals` places. */
	CHECK(strstr(s, ">0.75</text>") != NULL);
	CHECK(strstr(s, ">2/4</text>") != NULL);
	CHECK(strstr(s, ">0.13</text>") != NULL); /* 0.125 rounds away */
	CHECK(strstr(s, ">&lt;b&gt;drift &amp; delay&lt;/b&gt;</text>") != NULL);
	/* Ends of the ramp, with the text colour that contrasts. */
	CHECK(strstr(s, "fill=\"#fee838\" stroke=\"#ffffff\"/><text") != NULL);
	CHECK(strstr(s, "fill=\"#000000\">1.00</text>") != NULL);
	CHECK(strstr(s, "fill=\"#ffffff\">0.00</text>") != NULL);
	/* Legend: gradient and its min and max. */
	CHECK(strstr(s, "fill=\"url(#hm1-ramp)\"") != NULL);
	CHECK(strstr(s, ">0.00</text><text") != NULL);
	CHECK(strstr(s, "text-anchor=\"end\">1.00</text>") != NULL);
	CHECK(strstr(s, ">share of audits</text>") != NULL);
	tt_buf_release(&b);
}

static void test_heatmap_percent_long_labels(void)
{
	const char *rows[] = {"a theme with a very long name that goes on and on beyond forty"};
	const char *cols[] = {"2015-16 financial year", "2016-17 financial year"};
	const double v[] = {0.5, 0.25};
	tt_svg_heatmap h = {
		.meta = {"hm2", "t", "d"}, .nrows = 1, .ncols = 2, .row_labels = rows,
		.col_labels = cols, .values = v, .percent = 1,
	};
	tt_buf b = TT_BUF_INIT;
	tt_svg_add_heatmap(&b, &h);
	check_svg(b.buf, "hm2");
	CHECK(strstr(b.buf, ">50%</text>") != NULL);
	CHECK(strstr(b.buf, ">100%</text>") != NULL); /* legend max */
	/* Long row label shortened, whole text in a tooltip; columns turned. */
	CHECK(strstr(b.buf, "beyond f\xE2\x80\xA6<title>a theme") == NULL);
	CHECK(strstr(b.buf, "\xE2\x80\xA6<title>a theme with a very long name that goes "
			    "on and on beyond forty</title>") != NULL);
	CHECK_INT(count(b.buf, "rotate(-45)"), 2);
	CHECK_INT(count(b.buf, "url(#hm2-nodata)"), 0); /* no key without NAN */
	tt_buf_release(&b);
}

static void test_heatmap_extremes(void)
{
	const double v[] = {-1e308, 1e308, INFINITY, -INFINITY, 0.5, NAN};
	tt_svg_heatmap h = {
		.meta = {"hm3", "extremes", NULL}, .nrows = 2, .ncols = 3, .values = v,
		.vmin = 1, .vmax = 1, /* empty range: 0..1 */
	};
	tt_buf b = TT_BUF_INIT;
	tt_svg_add_heatmap(&b, &h);
	check_svg(b.buf, "hm3");
	CHECK_INT(count(b.buf, "<g class=\"cell\">"), 6);
	CHECK_INT(count(b.buf, "fill=\"#00224e\" stroke"), 2);
	CHECK_INT(count(b.buf, "fill=\"#fee838\" stroke"), 2);
	CHECK(strstr(b.buf, "<desc id=\"hm3-desc\"></desc>") != NULL);
	tt_buf_release(&b);

	/* A range given the wrong way round, and NAN bounds: 0..1 too. */
	const double w[] = {2, -2};
	tt_svg_heatmap g = {.meta = {"hm4", "x", "y"}, .nrows = 1, .ncols = 2, .values = w,
			    .vmin = NAN, .vmax = 5};
	tt_svg_add_heatmap(&b, &g);
	check_svg(b.buf, "hm4");
	CHECK_INT(count(b.buf, "fill=\"#fee838\" stroke"), 1);
	CHECK_INT(count(b.buf, "fill=\"#00224e\" stroke"), 1);
	tt_buf_release(&b);
}

static void test_heatmap_small(void)
{
	tt_buf b = TT_BUF_INIT;
	const double one = 0.5;
	const char *r[] = {"r"}, *c[] = {"2017"};
	tt_svg_heatmap h = {.meta = {"single", "one", "cell"}, .nrows = 1, .ncols = 1,
			    .row_labels = r, .col_labels = c, .values = &one};
	tt_svg_add_heatmap(&b, &h);
	check_svg(b.buf, "single");
	CHECK_INT(count(b.buf, "<g class=\"cell\">"), 1);
	tt_buf_release(&b);

	/* Empty, in either dimension: a titled chart saying so. */
	tt_svg_heatmap e = {.meta = {"empty", "nothing <here>", "none"}};
	tt_svg_add_heatmap(&b, &e);
	check_svg(b.buf, "empty");
	CHECK(strstr(b.buf, ">nothing &lt;here&gt;</title>") != NULL);
	CHECK(strstr(b.buf, ">no data</text>") != NULL);
	CHECK_INT(count(b.buf, "<g class=\"cell\">"), 0);
	tt_buf_release(&b);
	e.nrows = 3;
	tt_svg_add_heatmap(&b, &e);
	check_svg(b.buf, "empty");
	tt_buf_release(&b);

	/* No values, no labels at all: every cell is "no data". */
	tt_svg_heatmap n = {.meta = {"bare", NULL, NULL}, .nrows = 2, .ncols = 2};
	tt_svg_add_heatmap(&b, &n);
	check_svg(b.buf, "bare");
	CHECK_INT(count(b.buf, "fill=\"url(#bare-nodata)\""), 5);
	tt_buf_release(&b);

	/* Ids: bad bytes become '_', a non-letter start gets a "c". */
	tt_svg_heatmap d = {.meta = {"9 bad\"id<", "t", "d"}, .nrows = 1, .ncols = 1,
			    .values = &one};
	tt_svg_add_heatmap(&b, &d);
	check_svg(b.buf, "c9_bad_id_");
	tt_buf_release(&b);
	d.meta.id = NULL;
	tt_svg_add_heatmap(&b, &d);
	check_svg(b.buf, "c");
	tt_buf_release(&b);
}

/* ---- line chart ---------------------------------------------------------- */

static void test_linechart(void)
{
	const char *years[] = {"2014", "2015", "2016", "2017", "2018"};
	const double y0[] = {0.2, 0.4, 0.75, 0.5, 0.6};
	const double lo0[] = {0.05, 0.2, 0.3, 0.3, 0.4};
	const double hi0[] = {0.5, 0.6, 0.95, 0.7, 0.8};
	const double y1[] = {0.1, 0.2, NAN, 0.3, 0.35};
	const double lo1[] = {0, 0.1, NAN, 0.1, 0.2};
	const double hi1[] = {0.3, 0.4, NAN, 0.5, 0.6};
	const double y2[] = {NAN, NAN, 0.9, NAN, NAN};
	const double lo2[] = {NAN, NAN, 0.6, NAN, NAN};
	const double hi2[] = {NAN, NAN, 1.0, NAN, NAN};
	const char *tips0[] = {NULL, NULL,
			       "voice_of_child 2016: 3 of 4 (75%, 95% CI 30\xE2\x80\x93" "95%)",
			       "<script>alert(1)</script>", NULL};
	tt_svg_series s[] = {
		{"voice_of_child", y0, lo0, hi0, tips0},
		{"absent_fathers & \"others\"", y1, lo1, hi1, NULL},
		{"drift", y2, lo2, hi2, NULL},
	};
	tt_svg_linechart c = {
		.meta = {"lc1", "Themes over time", "Share of audits with 95% CI"},
		.nx = 5, .x_labels = years, .nseries = 3, .series = s,
		.ymin = 0, .ymax = 1, .percent = 1, .x_title = "year",
		.y_title = "share of audits",
	};
	tt_buf b = TT_BUF_INIT;
	tt_svg_add_linechart(&b, &c);
	const char *o = b.buf;
	check_svg(o, "lc1");
	/* A marker per point that has a y. */
	CHECK_INT(count(o, "<g class=\"pt\">"), 5 + 4 + 1);
	/* Bands: one polygon per run of lo/hi, a whisker for a lone point. */
	CHECK_INT(count(o, "<polygon class=\"band\""), 1 + 2);
	CHECK_INT(count(o, "<line class=\"band\""), 1);
	CHECK_INT(count(o, "fill-opacity=\"0.18\""), 3);
	/* Lines: series 1 has a gap (a second M); series 2 has no line. */
	CHECK_INT(count(o, "<path class=\"line\""), 2);
	const char *p1 = strstr(strstr(o, "<path class=\"line\"") + 1, "<path class=\"line\"");
	CHECK(p1 && strstr(p1, " M") && strstr(p1, " M") < strstr(p1, "/>"));
	/* Colour, dash and marker differ by series, in the legend too. */
	CHECK_INT(count(o, "stroke=\"#0072b2\""), 2); /* line + legend sample */
	CHECK_INT(count(o, "stroke-dasharray=\"7 4\""), 2);
	CHECK_INT(count(o, "stroke-dasharray=\"2 3\""), 1);
	CHECK_INT(count(o, "<g class=\"key\">"), 3);
	CHECK_INT(count(o, "<g class=\"pt\"><title>"), 10);
	CHECK_INT(count(o, "r=\"4\" fill=\"#0072b2\""), 5 + 1);
	CHECK_INT(count(o, "width=\"7\" height=\"7\" fill=\"#d55e00\""), 4 + 1);
	CHECK_INT(count(o, "Z\" fill=\"#009e73\""), 1 + 1);
	/* Tooltips: the caller's, escaped, and defaults. */
	CHECK(strstr(o, "<title>voice_of_child 2016: 3 of 4 (75%, 95% CI 30\xE2\x80\x93"
			"95%)</title>") != NULL);
	CHECK(strstr(o, "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>") != NULL);
	CHECK(strstr(o, "<title>absent_fathers &amp; &quot;others&quot; 2015: 20%</title>") != NULL);
	CHECK(strstr(o, ">absent_fathers &amp; &quot;others&quot;</text>") != NULL);
	/* Percent ticks, axis titles. */
	CHECK(strstr(o, ">0%</text>") != NULL);
	CHECK(strstr(o, ">20%</text>") != NULL);
	CHECK(strstr(o, ">100%</text>") != NULL);
	CHECK(strstr(o, ">year</text>") != NULL);
	CHECK(strstr(o, "rotate(-90)\" text-anchor=\"middle\">share of audits</text>") != NULL);
	CHECK(strstr(o, ">2016</text>") != NULL);
	tt_buf_release(&b);
}

static void test_linechart_clamp_and_auto(void)
{
	const char *x[] = {"a", "b", "c", "d"};
	const double y[] = {1.0, 5.0, -3.0, 0.0};
	const double lo[] = {-INFINITY, 0.5, -1e308, 0};
	const double hi[] = {INFINITY, 1e308, 0.2, 0};
	tt_svg_series s = {"s", y, lo, hi, NULL};
	tt_svg_linechart c = {.meta = {"lc2", "t", "d"}, .nx = 4, .x_labels = x,
			      .nseries = 1, .series = &s, .ymin = 0, .ymax = 1};
	tt_buf b = TT_BUF_INIT;
	tt_svg_add_linechart(&b, &c);
	check_svg(b.buf, "lc2");
	/* 5 is drawn at the top like 1, -3 at the bottom like 0. */
	double top = attr_after(b.buf, "<g class=\"pt\">", 0, "cy");
	CHECK(top == attr_after(b.buf, "<g class=\"pt\">", 1, "cy"));
	double bottom = attr_after(b.buf, "<g class=\"pt\">", 3, "cy");
	CHECK(bottom == attr_after(b.buf, "<g class=\"pt\">", 2, "cy"));
	CHECK(bottom > top);
	CHECK_INT(count(b.buf, "<g class=\"pt\">"), 4);
	tt_buf_release(&b);

	/* Automatic range: from min(0, data) to the data max, in whole ticks. */
	const double ya[] = {3, 17, NAN, -4.5};
	tt_svg_series sa = {"auto", ya, NULL, NULL, NULL};
	tt_svg_linechart ca = {.meta = {"lc3", "t", "d"}, .nx = 4, .x_labels = x,
			       .nseries = 1, .series = &sa, .ymin = NAN};
	tt_svg_add_linechart(&b, &ca);
	check_svg(b.buf, "lc3");
	CHECK(strstr(b.buf, ">-5</text>") != NULL);
	CHECK(strstr(b.buf, ">20</text>") != NULL);
	CHECK(strstr(b.buf, ">25</text>") == NULL);
	CHECK_INT(count(b.buf, "class=\"band\""), 0);
	tt_buf_release(&b);

	/* Huge data, explicit huge range: still finite, sane coordinates. */
	const double yh[] = {1e308, -1e308, INFINITY, 0};
	tt_svg_series sh = {"huge", yh, NULL, NULL, NULL};
	tt_svg_linechart ch = {.meta = {"lc4", "t", "d"}, .nx = 4, .nseries = 1,
			       .series = &sh};
	tt_svg_add_linechart(&b, &ch);
	check_svg(b.buf, "lc4");
	CHECK_INT(count(b.buf, "<g class=\"pt\">"), 4);
	tt_buf_release(&b);
	ch.ymin = -1e308;
	ch.ymax = 1e308;
	tt_svg_add_linechart(&b, &ch);
	check_svg(b.buf, "lc4");
	tt_buf_release(&b);

	/* A tiny range gets ticks with places. */
	const double yt[] = {0.001, 0.002};
	tt_svg_series st = {"tiny", yt, NULL, NULL, NULL};
	tt_svg_linechart ct = {.meta = {"lc5", "t", "d"}, .nx = 2, .nseries = 1,
			       .series = &st};
	tt_svg_add_linechart(&b, &ct);
	check_svg(b.buf, "lc5");
	CHECK(strstr(b.buf, ">0.0005</text>") != NULL);
	CHECK(strstr(b.buf, ">0.0020</text>") != NULL);
	tt_buf_release(&b);
}

static void test_linechart_small(void)
{
	tt_buf b = TT_BUF_INIT;
	const char *x[] = {"2017"};
	const double y[] = {0.5}, lo[] = {0.2}, hi[] = {0.8};
	tt_svg_series s = {"only", y, lo, hi, NULL};
	tt_svg_linechart c = {.meta = {"one", "t", "d"}, .nx = 1, .x_labels = x,
			      .nseries = 1, .series = &s, .percent = 1};
	tt_svg_add_linechart(&b, &c);
	check_svg(b.buf, "one");
	CHECK_INT(count(b.buf, "<g class=\"pt\">"), 1);
	CHECK_INT(count(b.buf, "<line class=\"band\""), 1);
	CHECK_INT(count(b.buf, "<path class=\"line\""), 0);
	CHECK(strstr(b.buf, "<title>only 2017: 50%</title>") != NULL);
	tt_buf_release(&b);

	/* No categories; categories but no series; a series of gaps. */
	tt_svg_linechart e = {.meta = {"none", "t", "d"}, .nseries = 1, .series = &s};
	tt_svg_add_linechart(&b, &e);
	check_svg(b.buf, "none");
	CHECK(strstr(b.buf, ">no data</text>") != NULL);
	tt_buf_release(&b);
	tt_svg_linechart n = {.meta = {"noser", "t", "d"}, .nx = 3};
	tt_svg_add_linechart(&b, &n);
	check_svg(b.buf, "noser");
	CHECK_INT(count(b.buf, "<g class=\"pt\">"), 0);
	CHECK_INT(count(b.buf, "<g class=\"key\">"), 0);
	tt_buf_release(&b);
	tt_svg_series gaps[9] = {{"gaps", NULL, NULL, NULL, NULL}};
	for (int i = 1; i < 9; i++)
		gaps[i] = s;
	tt_svg_linechart g = {.meta = {"gaps", "t", "d"}, .nx = 1, .nseries = 9,
			      .series = gaps};
	tt_svg_add_linechart(&b, &g);
	check_svg(b.buf, "gaps");
	CHECK_INT(count(b.buf, "<g class=\"pt\">"), 8);
	CHECK_INT(count(b.buf, "<g class=\"key\">"), 9);
	tt_buf_release(&b);
}

/* ---- stacked bars -------------------------------------------------------- */

/* Sum of the heights of segments [from, to) (first rect of each). */
static double seg_heights(const char *s, size_t from, size_t to)
{
	double sum = 0;
	for (size_t k = from; k < to; k++)
		sum += attr_after(s, "<g class=\"seg\">", k, "height");
	return sum;
}

static void test_stackbar(void)
{
	const char *years[] = {"2016", "2017", "2018", "2019"};
	const char *parts[] = {"outstanding", "good", "requires improvement", "inadequate"};
	const double v[] = {1, 4, 3, 2,
			    2, 2, NAN, -1, /* NAN and negative count as 0 */
			    0, 0, 0, 0,    /* no data */
			    0, 5, 0, 0};
	const char *tips[16] = {NULL};
	tips[0] = "2016: outstanding 1 of 10 (10%)";
	tips[1] = "<script>alert(1)</script>";
	tt_svg_stackbar sb = {
		.meta = {"sb1", "Grades by year", "Inspection grades, share of inspections"},
		.nx = 4, .nparts = 4, .x_labels = years, .part_labels = parts,
		.values = v, .tooltips = tips, .normalise = 1,
		.y_title = "share of inspections",
	};
	tt_buf b = TT_BUF_INIT;
	tt_svg_add_stackbar(&b, &sb);
	const char *o = b.buf;
	check_svg(o, "sb1");
	CHECK_INT(count(o, "<g class=\"seg\">"), 4 + 2 + 0 + 1);
	CHECK_INT(count(o, "<g class=\"key\">"), 4);
	CHECK(strstr(o, ">no data</text>") != NULL);
	/* Every normalised bar is full height, whatever its total. */
	double full = seg_heights(o, 0, 4);
	CHECK(full > 100);
	CHECK(fabs(seg_heights(o, 4, 6) - full) < 0.3);
	CHECK(fabs(seg_heights(o, 6, 7) - full) < 0.3);
	CHECK(fabs(attr_after(o, "<g class=\"seg\">", 1, "height") - full * 0.4) < 0.2);
	/* Shares inside, base sizes on top, percent axis. */
	CHECK(strstr(o, ">40%</text>") != NULL);
	CHECK(strstr(o, ">n=10</text>") != NULL);
	CHECK(strstr(o, ">n=4</text>") != NULL);
	CHECK(strstr(o, ">n=5</text>") != NULL);
	CHECK(strstr(o, ">75%</text>") != NULL);
	CHECK(strstr(o, ">100%</text>") != NULL);
	/* Hatching for parts 3 and 4: segments plus legend keys. */
	CHECK_INT(count(o, "fill=\"url(#sb1-hatch)\""), 1 + 1);
	CHECK_INT(count(o, "fill=\"url(#sb1-cross)\""), 1 + 1);
	CHECK_INT(count(o, "url(#sb1-dots)"), 0);
	/* Tooltips: the caller's, escaped, and defaults. */
	CHECK(strstr(o, "<title>2016: outstanding 1 of 10 (10%)</title>") != NULL);
	CHECK(strstr(o, "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>") != NULL);
	CHECK(strstr(o, "<title>2017: good 2 (50%)</title>") != NULL);
	CHECK(strstr(o, "<title>2019: good 5 (100%)</title>") != NULL);
	CHECK(strstr(o, ">requires improvement</text>") != NULL);
	tt_buf_release(&b);

	/* Absolute: heights in proportion to totals, totals on top. */
	sb.normalise = 0;
	sb.tooltips = NULL;
	sb.meta.id = "sb2";
	tt_svg_add_stackbar(&b, &sb);
	o = b.buf;
	check_svg(o, "sb2");
	CHECK_INT(count(o, "<g class=\"seg\">"), 7);
	CHECK(fabs(seg_heights(o, 0, 4) / seg_heights(o, 4, 6) - 10.0 / 4) < 0.02);
	CHECK(fabs(seg_heights(o, 6, 7) / seg_heights(o, 4, 6) - 5.0 / 4) < 0.02);
	CHECK(strstr(o, ">10</text>") != NULL);
	CHECK(strstr(o, "<title>2016: requires improvement 3 (30%)</title>") != NULL);
	tt_buf_release(&b);
}

static void test_stackbar_edges(void)
{
	tt_buf b = TT_BUF_INIT;
	/* Extremes: 1e308 is clamped, infinities count as 0. */
	const double v[] = {1e308, INFINITY, -INFINITY, 1, NAN};
	tt_svg_stackbar sb = {.meta = {"sbx", "t", "d"}, .nx = 1, .nparts = 5, .values = v};
	tt_svg_add_stackbar(&b, &sb);
	check_svg(b.buf, "sbx");
	CHECK_INT(count(b.buf, "<g class=\"seg\">"), 2);
	/* Five parts: the fifth repeats a colour with dots. */
	CHECK_INT(count(b.buf, "fill=\"url(#sbx-dots)\""), 1);
	CHECK_INT(count(b.buf, "<g class=\"key\">"), 5);
	tt_buf_release(&b);

	const double one[] = {3};
	tt_svg_stackbar s1 = {.meta = {"sb1x1", "t", "d"}, .nx = 1, .nparts = 1, .values = one,
			      .normalise = 1};
	tt_svg_add_stackbar(&b, &s1);
	check_svg(b.buf, "sb1x1");
	CHECK_INT(count(b.buf, "<g class=\"seg\">"), 1);
	tt_buf_release(&b);

	tt_svg_stackbar e = {.meta = {"sbe", "t", "d"}, .nx = 3};
	tt_svg_add_stackbar(&b, &e);
	check_svg(b.buf, "sbe");
	CHECK(strstr(b.buf, ">no data</text>") != NULL);
	tt_buf_release(&b);
	e.nparts = 2; /* values NULL: all zero */
	tt_svg_add_stackbar(&b, &e);
	check_svg(b.buf, "sbe");
	CHECK_INT(count(b.buf, "<g class=\"seg\">"), 0);
	CHECK_INT(count(b.buf, ">no data</text>"), 3);
	tt_buf_release(&b);
}

/* The checker itself must reject what it is there to catch. */
static void test_checker(void)
{
	static const char *bad[] = {
		"<svg viewBox=\"0 0 10 10\"><g></svg>",
		"<svg viewBox=\"0 0 10 10\"><g></g>",
		"<svg viewBox=\"0 0 10 10\"><text>a < b</text></svg>",
		"<svg viewBox=\"0 0 10 10\"><text>a & b</text></svg>",
		"<svg viewBox=\"0 0 10 10\"><text>a > b</text></svg>",
		"<svg viewBox=\"0 0 10 10\"><rect x=1/></svg>",
		"<svg viewBox=\"0 0 10 10\"><rect x=\"1\" x=\"2\"/></svg>",
		"<svg viewBox=\"0 0 10 10\"><rect x=\"11\"/></svg>",
		"<svg viewBox=\"0 0 10 10\"><rect x=\"nan\"/></svg>",
		"<svg viewBox=\"0 0 10 10\"><path d=\"M1,20 L2,2\"/></svg>",
		"<svg viewBox=\"0 0 10 10\"><g id=\"p-a\"/><g id=\"p-a\"/></svg>",
		"<svg viewBox=\"0 0 10 10\"><g id=\"q-a\"/></svg>",
		"<svg viewBox=\"0 0 10 10\"></svg><svg></svg>",
		"<svg viewBox=\"0 0 10 10\"><title a=\"<\">x</title></svg>",
		"<svg viewBox=\"0 0 10 10\"><g onload=\"x\"/></svg>",
		"<svg viewBox=\"0 0 10 10\"><g stroke-width=\"-nan\"/></svg>",
	};
	static const char *good[] = {
		"<svg viewBox=\"0 0 10 10\"><text x=\"1\">a &amp; &#39;b&#x27;</text></svg>",
		"<svg viewBox=\"0 0 10 10\"><g id=\"p-a\"><path d=\"M1,2 L3,4 Z\"/></g></svg>\n",
	};
	xml x;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int ok = well_formed(&x, bad[i], "p");
		if (ok)
			fprintf(stderr, "accepted: %s\n", bad[i]);
		CHECK(!ok);
	}
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		int ok = well_formed(&x, good[i], "p");
		if (!ok)
			fprintf(stderr, "rejected: %s: %s\n", good[i], x.err);
		CHECK(ok);
	}
}

int main(void)
{
	TT_RUN(test_checker);
	TT_RUN(test_escape);
	TT_RUN(test_ramp);
	TT_RUN(test_heatmap);
	TT_RUN(test_heatmap_percent_long_labels);
	TT_RUN(test_heatmap_extremes);
	TT_RUN(test_heatmap_small);
	TT_RUN(test_linechart);
	TT_RUN(test_linechart_clamp_and_auto);
	TT_RUN(test_linechart_small);
	TT_RUN(test_stackbar);
	TT_RUN(test_stackbar_edges);
	return TT_DONE();
}
