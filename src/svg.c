/*
 * svg.c - inline SVG charts for the HTML report (see svg.h).
 *
 * All markup goes through put(), a tiny formatter whose directives know
 * the SVG rules: %e escapes text, %g writes a coordinate without the C
 * locale, %I writes the sanitised id prefix. Caller text never reaches the
 * buffer any other way, so escaping cannot be forgotten at one call site.
 *
 * Text has no font metrics here: widths are estimated at 0.6 em per
 * character (code point), generous for sans-serif, and used only to decide
 * margins and whether a label fits; a label that may not fit is left out
 * (its tooltip still carries it) or shortened with its full text in a
 * <title>.
 */
#include "svg.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "banned.h"

#define FONT 12.0       /* labels, legends, axis text */
#define SMALL_FONT 11.0 /* values inside cells and segments */
#define EM_WIDTH 0.6    /* estimated glyph width, in em */
#define MAX_LABEL 40    /* code points of a label before it is shortened */
#define NUM_LIMIT 1e15  /* |numbers| written are clamped to this */
#define SQRT_HALF 0.70710678118654752 /* cos 45 degrees */

/* ---- escaping ---------------------------------------------------------- */

/*
 * Length of the valid UTF-8 sequence at s (1..4), or 0 when the bytes at s
 * are not one: overlong forms, surrogates and values above U+10FFFF are
 * invalid (RFC 3629).
 */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
		unsigned char hi = c == 0xED ? 0x9F : 0xBF;
		return n >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80
			       ? 3 : 0;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
		unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
		return n >= 4 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 &&
				       (s[3] & 0xC0) == 0x80
			       ? 4 : 0;
	}
	return 0;
}

void tt_html_escape_n(tt_buf *out, const char *s, size_t n)
{
	static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0; /* bytes p[run..i) are copied verbatim */

	if (!s)
		return;
	while (i < n) {
		const char *rep = NULL;
		size_t len = utf8_len(p + i, n - i);
		if (len == 1) {
			switch (p[i]) {
			case '&': rep = "&amp;"; break;
			case '<': rep = "&lt;"; break;
			case '>': rep = "&gt;"; break;
			case '"': rep = "&quot;"; break;
			case '\'': rep = "&#39;"; break;
			case '\t': case '\n': case '\r': break;
			default:
				if (p[i] < 0x20)
					rep = replacement;
			}
		} else if (len == 0) {
			rep = replacement;
			len = 1;
		} else if (len == 3 && p[i] == 0xEF && p[i + 1] == 0xBF &&
			   p[i + 2] >= 0xBE) {
			rep = replacement; /* U+FFFE, U+FFFF: not XML characters */
		}
		if (rep) {
			tt_buf_add(out, p + run, i - run);
			tt_buf_addstr(out, rep);
			run = i + len;
		}
		i += len;
	}
	tt_buf_add(out, p + run, n - run);
}

void tt_html_escape(tt_buf *out, const char *s)
{
	if (s)
		tt_html_escape_n(out, s, strlen(s));
}

/* ---- numbers, colours, text ------------------------------------------- */

/*
 * Appends v with `dec` places (0..6), rounded half away from zero, with a
 * '.' whatever the locale. Non-finite values are written as 0 and |v| is
 * clamped to NUM_LIMIT: callers clamp first, this is the last guard that
 * keeps "nan" and "inf" out of attributes. `trim` drops trailing zeros
 * of the fraction (and the point).
 */
static void add_num(tt_buf *b, double v, int dec, int trim)
{
	static const long long pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	if (dec < 0)
		dec = 0;
	if (dec > 6)
		dec = 6;
	if (!isfinite(v))
		v = 0;
	if (v > NUM_LIMIT)
		v = NUM_LIMIT;
	if (v < -NUM_LIMIT)
		v = -NUM_LIMIT;
	long long scale = pow10[dec];
	long long q = llround(fabs(v) * (double)scale);
	long long ip = q / scale, fp = q % scale;
	if (v < 0 && q != 0)
		tt_buf_addch(b, '-');
	tt_buf_addf(b, "%lld", ip);
	if (trim)
		while (dec > 0 && fp % 10 == 0) {
			fp /= 10;
			dec--;
		}
	if (dec > 0)
		tt_buf_addf(b, ".%0*lld", dec, fp);
}

static double clamp(double v, double lo, double hi)
{
	if (isnan(v))
		return lo;
	return v < lo ? lo : v > hi ? hi : v;
}

typedef struct rgb {
	unsigned char r, g, b;
} rgb;

/* WCAG relative luminance of an sRGB colour. */
static double luminance(rgb c)
{
	double ch[3] = {c.r / 255.0, c.g / 255.0, c.b / 255.0};
	for (int i = 0; i < 3; i++)
		ch[i] = ch[i] <= 0.04045 ? ch[i] / 12.92 : pow((ch[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/* Black or white, whichever contrasts more with `bg` (WCAG ratio). */
static const char *text_on(rgb bg)
{
	double l = luminance(bg);
	return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

static rgb hex_rgb(unsigned v)
{
	rgb c = {(unsigned char)(v >> 16), (unsigned char)(v >> 8), (unsigned char)v};
	return c;
}

/*
 * Nine stops after matplotlib's cividis (Nuñez, Anderton and Renslow
 * 2018): blue to yellow, designed for colour-vision deficiency, with
 * luminance rising at every stop (0.017 .. 0.79), so greyscale keeps the
 * order.
 */
static const unsigned ramp_stops[9] = {
	0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173,
	0x8a8779, 0xa69d75, 0xc4b56c, 0xfee838,
};

void tt_svg_ramp(double t, unsigned char out[3])
{
	t = clamp(t, 0, 1) * 8;
	size_t i = (size_t)t;
	if (i > 7)
		i = 7;
	double f = t - (double)i;
	rgb a = hex_rgb(ramp_stops[i]), b = hex_rgb(ramp_stops[i + 1]);
	out[0] = (unsigned char)lround(a.r + (b.r - a.r) * f);
	out[1] = (unsigned char)lround(a.g + (b.g - a.g) * f);
	out[2] = (unsigned char)lround(a.b + (b.b - a.b) * f);
}

/* "#rrggbb" into hex[8]. */
static const char *colour_hex(rgb c, char hex[8])
{
	snprintf(hex, 8, "#%02x%02x%02x", c.r, c.g, c.b);
	return hex;
}

static size_t codepoints(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Estimated width in px of s at font size fs, as drawn (shortened). */
static double text_w(const char *s, double fs)
{
	size_t n = codepoints(s);
	return (double)(n > MAX_LABEL ? MAX_LABEL : n) * EM_WIDTH * fs;
}

/* ---- the formatter ------------------------------------------------------ */

typedef struct ctx {
	tt_buf *out;
	const char *id; /* the caller's id prefix, unsanitised */
} ctx;

static void add_id_prefix(tt_buf *b, const char *id)
{
	if (!id || !((*id >= 'A' && *id <= 'Z') || (*id >= 'a' && *id <= 'z')))
		tt_buf_addch(b, 'c');
	for (const char *p = id; p && *p; p++) {
		char ch = *p;
		int ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
			 (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
		tt_buf_addch(b, ok ? ch : '_');
	}
}

/*
 * Appends fmt with these directives and no others:
 *   %g  double, as a coordinate (one place, trimmed)
 *   %e  const char *, escaped (NULL writes nothing)
 *   %s  const char *, verbatim: only for constants of this file
 *   %d  int      %z  size_t      %I  the id prefix (no argument)
 */
static void put(ctx *c, const char *fmt, ...)
{
	va_list ap;
	const char *run = fmt;
	va_start(ap, fmt);
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		tt_buf_add(c->out, run, (size_t)(p - run));
		switch (*++p) {
		case 'g': add_num(c->out, va_arg(ap, double), 1, 1); break;
		case 'e': tt_html_escape(c->out, va_arg(ap, const char *)); break;
		case 's': tt_buf_addstr(c->out, va_arg(ap, const char *)); break;
		case 'd': tt_buf_addf(c->out, "%d", va_arg(ap, int)); break;
		case 'z': tt_buf_addf(c->out, "%zu", va_arg(ap, size_t)); break;
		case 'I': add_id_prefix(c->out, c->id); break;
		case '%': tt_buf_addch(c->out, '%'); break;
		default: assert(!"bad put() directive");
		}
		run = p + 1;
	}
	tt_buf_addstr(c->out, run);
	va_end(ap);
}

/*
 * Writes a label as the content of an element: escaped, and when longer
 * than MAX_LABEL code points, cut with an ellipsis and followed by a
 * <title> holding the whole text.
 */
static void put_label(ctx *c, const char *s)
{
	if (!s)
		return;
	if (codepoints(s) <= MAX_LABEL) {
		tt_html_escape(c->out, s);
		return;
	}
	size_t n = 0, i = 0;
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == MAX_LABEL - 1)
			break;
	}
	tt_html_escape_n(c->out, s, i);
	put(c, "\xE2\x80\xA6<title>%e</title>", s);
}

/* The root element with <title> and <desc>; close with put(c, "</svg>"). */
static void open_svg(ctx *c, const tt_svg_meta *m, double w, double h)
{
	put(c, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
	       "viewBox=\"0 0 %g %g\" width=\"100%%\" style=\"max-width:%gpx\" "
	       "font-family=\"sans-serif\" font-size=\"%g\" "
	       "aria-labelledby=\"%I-title %I-desc\">"
	       "<title id=\"%I-title\">%e</title><desc id=\"%I-desc\">%e</desc>",
	    w, h, w, FONT, m->title, m->desc);
}

/* A chart with nothing to draw: still a titled, well-formed <svg>. */
static void empty_chart(ctx *c, const tt_svg_meta *m)
{
	open_svg(c, m, 320, 48);
	put(c, "<text x=\"160\" y=\"24\" dy=\"0.35em\" text-anchor=\"middle\" "
	       "fill=\"#555555\">no data</text></svg>");
}

/* ---- axes shared by the line chart and the bars ------------------------ */

/* A 1-2-5 step that cuts `range` (> 0) into about `target` intervals. */
static double nice_step(double range, int target)
{
	double raw = range / target;
	double mag = pow(10, floor(log10(raw)));
	double f = raw / mag;
	return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

/* Places a tick label needs for a step (percent: in percentage points). */
static int step_decimals(double step)
{
	if (step >= 1)
		return 0;
	int d = (int)ceil(-log10(step) - 1e-9);
	return d < 0 ? 0 : d > 6 ? 6 : d;
}

typedef struct axis {
	double lo, hi, step; /* range and tick spacing, lo < hi */
	int percent, dec;    /* tick labels as %, and their places */
} axis;

static void axis_init(axis *a, double lo, double hi, int percent)
{
	assert(lo < hi);
	a->lo = lo;
	a->hi = hi;
	a->percent = percent;
	a->step = nice_step(hi - lo, 5);
	a->dec = step_decimals(percent ? a->step * 100 : a->step);
}

/* Widens [lo, hi] to whole ticks. */
static void axis_round(axis *a)
{
	double lo = floor(a->lo / a->step + 1e-9) * a->step;
	double hi = ceil(a->hi / a->step - 1e-9) * a->step;
	if (hi > lo)
		axis_init(a, lo, hi, a->percent);
}

static void add_tick_label(tt_buf *b, const axis *a, double v)
{
	if (fabs(v) < a->step * 1e-9)
		v = 0; /* no "-0" from rounding */
	add_num(b, a->percent ? v * 100 : v, a->dec, 0);
	if (a->percent)
		tt_buf_addch(b, '%');
}

/* Widest tick label, for the left margin. */
static double axis_label_w(const axis *a)
{
	tt_buf t = TT_BUF_INIT;
	double w = 0;
	for (int k = 0; k <= 50; k++) {
		double v = a->lo + a->step * k;
		if (v > a->hi + a->step * 1e-6)
			break;
		tt_buf_reset(&t);
		add_tick_label(&t, a, v);
		double tw = text_w(t.buf, FONT);
		w = tw > w ? tw : w;
	}
	tt_buf_release(&t);
	return w;
}

typedef struct frame {
	double x0, x1, y0, y1; /* plot area: x0 < x1, y0 (top) < y1 (bottom) */
} frame;

static double axis_y(const axis *a, const frame *f, double v)
{
	v = clamp(v, a->lo, a->hi);
	return f->y1 - (v - a->lo) / (a->hi - a->lo) * (f->y1 - f->y0);
}

/*
 * Grid lines with y tick labels, the y axis title, the axis lines, and
 * the x category labels (every k-th when they would collide).
 */
static void put_axes(ctx *c, const axis *a, const frame *f, size_t nx,
		     const char *const *x_labels, const char *x_title,
		     const char *y_title)
{
	tt_buf t = TT_BUF_INIT;
	put(c, "<g class=\"axes\">");
	for (int k = 0; k <= 50; k++) {
		double v = a->lo + a->step * k;
		if (v > a->hi + a->step * 1e-6)
			break;
		double y = axis_y(a, f, v);
		tt_buf_reset(&t);
		add_tick_label(&t, a, v);
		put(c, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#dddddd\"/>"
		       "<text x=\"%g\" y=\"%g\" dy=\"0.35em\" text-anchor=\"end\">%e</text>",
		    f->x0, y, f->x1, y, f->x0 - 6, y, t.buf);
	}
	put(c, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#333333\"/>"
	       "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#333333\"/>",
	    f->x0, f->y0, f->x0, f->y1, f->x0, f->y1, f->x1, f->y1);

	double slot = (f->x1 - f->x0) / (double)(nx ? nx : 1), widest = 0;
	for (size_t i = 0; x_labels && i < nx; i++) {
		double w = text_w(x_labels[i], FONT);
		widest = w > widest ? w : widest;
	}
	size_t every = (size_t)ceil((widest + 6) / slot);
	every = every ? every : 1;
	for (size_t i = 0; i < nx; i++) {
		double x = f->x0 + ((double)i + 0.5) * slot;
		put(c, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#333333\"/>",
		    x, f->y1, x, f->y1 + 4);
		if (x_labels && i % every == 0) {
			put(c, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\">", x,
			    f->y1 + 4 + FONT + 2);
			put_label(c, x_labels[i]);
			put(c, "</text>");
		}
	}
	if (x_title)
		put(c, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\">%e</text>",
		    (f->x0 + f->x1) / 2, f->y1 + 4 + 2 * FONT + 10, x_title);
	if (y_title)
		put(c, "<text transform=\"translate(%g %g) rotate(-90)\" "
		       "text-anchor=\"middle\">%e</text>",
		    FONT + 2, (f->y0 + f->y1) / 2, y_title);
	put(c, "</g>");
	tt_buf_release(&t);
}

/*
 * Legend rows below the plot, 20 units each: entry i is a sample drawn by
 * `fn` at (x, y) (x its left edge, y its middle, `sample_w` wide)
 * followed by name i; an entry that would cross `width` starts a new row.
 * legend_height() gives the height put_legend() will use.
 */
typedef void legend_sample_fn(ctx *c, size_t i, double x, double y);

static double legend_height(const char *const *names, size_t n, double sample_w,
			    double x0, double width)
{
	double x = x0, rows = n ? 1 : 0;
	for (size_t i = 0; i < n; i++) {
		double w = sample_w + 6 + text_w(names ? names[i] : NULL, FONT) + 18;
		if (x > x0 && x + w > width) {
			rows++;
			x = x0;
		}
		x += w;
	}
	return rows * 20;
}

static void put_legend(ctx *c, const char *const *names, size_t n, double sample_w,
		       double x0, double y0, double width, legend_sample_fn *fn)
{
	double x = x0, y = y0 + 10;
	put(c, "<g class=\"legend\">");
	for (size_t i = 0; i < n; i++) {
		const char *name = names ? names[i] : NULL;
		double w = sample_w + 6 + text_w(name, FONT) + 18;
		if (x > x0 && x + w > width) {
			y += 20;
			x = x0;
		}
		put(c, "<g class=\"key\">");
		fn(c, i, x, y);
		put(c, "<text x=\"%g\" y=\"%g\" dy=\"0.35em\">", x + sample_w + 6, y);
		put_label(c, name);
		put(c, "</text></g>");
		x += w;
	}
	put(c, "</g>");
}

/* ---- heatmap ----------------------------------------------------------- */

/* The text of cell i as the caller wants it shown, into t (reset first). */
static const char *cell_label(tt_buf *t, const tt_svg_heatmap *h, size_t i)
{
	tt_buf_reset(t);
	if (h->cell_labels && h->cell_labels[i])
		tt_buf_addstr(t, h->cell_labels[i]);
	else if (h->values && !isnan(h->values[i])) {
		add_num(t, h->percent ? h->values[i] * 100 : h->values[i],
			h->percent ? 0 : h->decimals, 0);
		if (h->percent)
			tt_buf_addch(t, '%');
	}
	return t->buf;
}

static void scale_label(tt_buf *t, const tt_svg_heatmap *h, double v)
{
	tt_buf_reset(t);
	add_num(t, h->percent ? v * 100 : v, h->percent ? 0 : h->decimals, 0);
	if (h->percent)
		tt_buf_addch(t, '%');
}

void tt_svg_add_heatmap(tt_buf *out, const tt_svg_heatmap *h)
{
	ctx c = {out, h->meta.id};
	size_t nr = h->nrows, nc = h->ncols;
	if (!nr || !nc) {
		empty_chart(&c, &h->meta);
		return;
	}
	assert(nr <= SIZE_MAX / nc);
	double vmin = h->vmin, vmax = h->vmax;
	if (!(isfinite(vmin) && isfinite(vmax) && vmin < vmax)) {
		vmin = 0;
		vmax = 1;
	}
	const char *nodata = h->nodata_text ? h->nodata_text : "no documents";
	tt_buf t = TT_BUF_INIT;
	char hex[8];

	double roww = 0, colw = 0, cellw = 0;
	int anynan = 0;
	for (size_t r = 0; h->row_labels && r < nr; r++) {
		double w = text_w(h->row_labels[r], FONT);
		roww = w > roww ? w : roww;
	}
	for (size_t k = 0; h->col_labels && k < nc; k++) {
		double w = text_w(h->col_labels[k], FONT);
		colw = w > colw ? w : colw;
	}
	for (size_t i = 0; i < nr * nc; i++) {
		double w = text_w(cell_label(&t, h, i), SMALL_FONT);
		cellw = w > cellw ? w : cellw;
		anynan |= !h->values || isnan(h->values[i]);
	}

	double cw = (cellw > colw ? cellw : colw) + 10;
	cw = cw < 48 ? 48 : cw > 96 ? 96 : cw;
	const double ch = 26;
	int turn = colw + 4 > cw;
	double left = roww > 0 ? 8 + roww + 8 : 8;
	double top = turn ? 8 + colw * SQRT_HALF + FONT : 8 + FONT + 6;
	double grid_bottom = top + (double)nr * ch;
	const double bar_w = 200, bar_h = 12;
	double bar_y = grid_bottom + 14 + (h->legend_title ? FONT + 6 : 0);
	double height = bar_y + bar_h + FONT + 12;
	double width = left + (double)nc * cw + 8;
	double key_x = left + bar_w + 24;
	double need = anynan ? key_x + 18 + text_w(nodata, FONT) + 8 : left + bar_w + 8;
	width = need > width ? need : width;
	if (turn) {
		need = left + ((double)nc - 0.5) * cw + colw * SQRT_HALF + 8;
		width = need > width ? need : width;
	}

	open_svg(&c, &h->meta, width, height);
	put(&c, "<defs><linearGradient id=\"%I-ramp\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">");
	for (int i = 0; i < 9; i++)
		put(&c, "<stop offset=\"%g%%\" stop-color=\"%s\"/>", i * 12.5,
		    colour_hex(hex_rgb(ramp_stops[i]), hex));
	put(&c, "</linearGradient>"
		"<pattern id=\"%I-nodata\" patternUnits=\"userSpaceOnUse\" width=\"6\" "
		"height=\"6\" patternTransform=\"rotate(45)\">"
		"<rect width=\"6\" height=\"6\" fill=\"#eeeeee\"/>"
		"<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8c8c8c\" "
		"stroke-width=\"2\"/></pattern></defs>");

	put(&c, "<g class=\"labels\">");
	for (size_t r = 0; h->row_labels && r < nr; r++) {
		put(&c, "<text x=\"%g\" y=\"%g\" dy=\"0.35em\" text-anchor=\"end\">",
		    left - 8, top + ((double)r + 0.5) * ch);
		put_label(&c, h->row_labels[r]);
		put(&c, "</text>");
	}
	for (size_t k = 0; h->col_labels && k < nc; k++) {
		double x = left + ((double)k + 0.5) * cw;
		if (turn)
			put(&c, "<text transform=\"translate(%g %g) rotate(-45)\">",
			    x - 4, top - 6);
		else
			put(&c, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\">", x,
			    top - 6);
		put_label(&c, h->col_labels[k]);
		put(&c, "</text>");
	}
	put(&c, "</g>");

	for (size_t r = 0; r < nr; r++) {
		for (size_t k = 0; k < nc; k++) {
			size_t i = r * nc + k;
			double v = h->values ? h->values[i] : NAN;
			double x = left + (double)k * cw, y = top + (double)r * ch;
			const char *rl = h->row_labels ? h->row_labels[r] : NULL;
			const char *cl = h->col_labels ? h->col_labels[k] : NULL;
			put(&c, "<g class=\"cell\"><title>");
			if (h->tooltips && h->tooltips[i])
				put(&c, "%e", h->tooltips[i]);
			else
				put(&c, "%e, %e: %e", rl, cl,
				    isnan(v) ? nodata : cell_label(&t, h, i));
			put(&c, "</title>");
			if (isnan(v)) {
				put(&c, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" "
					"fill=\"url(#%I-nodata)\" stroke=\"#ffffff\"/></g>",
				    x, y, cw, ch);
				continue;
			}
			unsigned char px[3];
			tt_svg_ramp((clamp(v, vmin, vmax) - vmin) / (vmax - vmin), px);
			rgb col = {px[0], px[1], px[2]};
			put(&c, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" "
				"fill=\"%s\" stroke=\"#ffffff\"/>",
			    x, y, cw, ch, colour_hex(col, hex));
			cell_label(&t, h, i);
			if (t.len && text_w(t.buf, SMALL_FONT) <= cw - 4)
				put(&c, "<text x=\"%g\" y=\"%g\" dy=\"0.35em\" "
					"text-anchor=\"middle\" font-size=\"%g\" "
					"fill=\"%s\">%e</text>",
				    x + cw / 2, y + ch / 2, SMALL_FONT, text_on(col), t.buf);
			put(&c, "</g>");
		}
	}

	put(&c, "<g class=\"legend\">");
	if (h->legend_title)
		put(&c, "<text x=\"%g\" y=\"%g\">%e</text>", left, bar_y - 6,
		    h->legend_title);
	put(&c, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" "
		"fill=\"url(#%I-ramp)\" stroke=\"#555555\" stroke-width=\"0.5\"/>",
	    left, bar_y, bar_w, bar_h);
	scale_label(&t, h, vmin);
	put(&c, "<text x=\"%g\" y=\"%g\">%e</text>", left, bar_y + bar_h + FONT + 2,
	    t.buf);
	scale_label(&t, h, vmax);
	put(&c, "<text x=\"%g\" y=\"%g\" text-anchor=\"end\">%e</text>",
	    left + bar_w, bar_y + bar_h + FONT + 2, t.buf);
	if (anynan)
		put(&c, "<rect x=\"%g\" y=\"%g\" width=\"12\" height=\"12\" "
			"fill=\"url(#%I-nodata)\" stroke=\"#555555\" stroke-width=\"0.5\"/>"
			"<text x=\"%g\" y=\"%g\" dy=\"0.35em\">%e</text>",
		    key_x, bar_y, key_x + 18, bar_y + 6, nodata);
	put(&c, "</g></svg>");
	tt_buf_release(&t);
}

/* ---- line chart -------------------------------------------------------- */

/* Okabe and Ito (2008), darkest-contrast first; yellow last (weak on white). */
static const char *const line_colours[8] = {
	"#0072b2", "#d55e00", "#009e73", "#cc79a7",
	"#e69f00", "#56b4e9", "#000000", "#f0e442",
};
/* NULL = solid. */
static const char *const line_dashes[6] = {
	NULL, "7 4", "2 3", "9 3 2 3", "4 2", "12 3 2 3 2 3",
};
#define NSHAPES 6

static void put_marker(ctx *c, size_t shape, double x, double y, const char *col)
{
	switch (shape % NSHAPES) {
	case 0:
		put(c, "<circle cx=\"%g\" cy=\"%g\" r=\"4\" fill=\"%s\" stroke=\"#ffffff\"/>",
		    x, y, col);
		break;
	case 1:
		put(c, "<rect x=\"%g\" y=\"%g\" width=\"7\" height=\"7\" fill=\"%s\" "
		       "stroke=\"#ffffff\"/>", x - 3.5, y - 3.5, col);
		break;
	case 2:
		put(c, "<path d=\"M%g,%g L%g,%g L%g,%g Z\" fill=\"%s\" stroke=\"#ffffff\"/>",
		    x, y - 5, x + 4.5, y + 3.5, x - 4.5, y + 3.5, col);
		break;
	case 3:
		put(c, "<path d=\"M%g,%g L%g,%g L%g,%g L%g,%g Z\" fill=\"%s\" "
		       "stroke=\"#ffffff\"/>",
		    x, y - 5, x + 5, y, x, y + 5, x - 5, y, col);
		break;
	case 4:
		put(c, "<path d=\"M%g,%g L%g,%g L%g,%g Z\" fill=\"%s\" stroke=\"#ffffff\"/>",
		    x, y + 5, x + 4.5, y - 3.5, x - 4.5, y - 3.5, col);
		break;
	default:
		put(c, "<circle cx=\"%g\" cy=\"%g\" r=\"3.5\" fill=\"#ffffff\" stroke=\"%s\" "
		       "stroke-width=\"2\"/>", x, y, col);
	}
}

static void put_dash(ctx *c, size_t i)
{
	if (line_dashes[i % 6])
		put(c, " stroke-dasharray=\"%s\"", line_dashes[i % 6]);
}

static void line_sample(ctx *c, size_t i, double x, double y)
{
	const char *col = line_colours[i % 8];
	put(c, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\" "
	       "stroke-width=\"2\"", x, y, x + 36, y, col);
	put_dash(c, i);
	put(c, "/>");
	put_marker(c, i, x + 18, y, col);
}

static double value_at(const double *a, size_t i)
{
	return a ? a[i] : NAN;
}

/* A finite stand-in for v in range computations: NAN stays NAN. */
static double tame(double v)
{
	return isnan(v) ? v : clamp(v, -1e12, 1e12);
}

void tt_svg_add_linechart(tt_buf *out, const tt_svg_linechart *lc)
{
	ctx c = {out, lc->meta.id};
	size_t nx = lc->nx, ns = lc->series ? lc->nseries : 0;
	if (!nx) {
		empty_chart(&c, &lc->meta);
		return;
	}
	tt_buf t = TT_BUF_INIT;
	axis a;
	if (isfinite(lc->ymin) && isfinite(lc->ymax) && tame(lc->ymin) < tame(lc->ymax)) {
		axis_init(&a, tame(lc->ymin), tame(lc->ymax), lc->percent);
	} else if (lc->percent) {
		axis_init(&a, 0, 1, 1);
	} else {
		double lo = 0, hi = 0;
		for (size_t s = 0; s < ns; s++) {
			const tt_svg_series *se = &lc->series[s];
			for (size_t i = 0; i < nx; i++) {
				double v[3] = {tame(value_at(se->y, i)), tame(value_at(se->lo, i)),
					       tame(value_at(se->hi, i))};
				for (int j = 0; j < 3; j++) {
					if (v[j] < lo)
						lo = v[j];
					if (v[j] > hi)
						hi = v[j];
				}
			}
		}
		if (!(hi > lo))
			hi = lo + 1;
		axis_init(&a, lo, hi, 0);
		axis_round(&a);
	}

	const char **names = xcalloc(ns ? ns : 1, sizeof(*names));
	for (size_t s = 0; s < ns; s++)
		names[s] = lc->series[s].name;
	double plot_w = (double)nx * 14 > 580 ? (double)nx * 14 : 580;
	frame f;
	f.x0 = (lc->y_title ? FONT + 10 : 4) + axis_label_w(&a) + 10;
	f.x1 = f.x0 + plot_w;
	f.y0 = 12;
	f.y1 = f.y0 + 280;
	double width = f.x1 + 16;
	double legend_y = f.y1 + 4 + 2 * FONT + 8 + (lc->x_title ? FONT + 8 : 0);
	double height = legend_y + legend_height(names, ns, 36, f.x0, width - 8) + 8;
	double slot = plot_w / (double)nx;

	open_svg(&c, &lc->meta, width, height);
	put_axes(&c, &a, &f, nx, lc->x_labels, lc->x_title, lc->y_title);

	for (size_t s = 0; s < ns; s++) {
		const tt_svg_series *se = &lc->series[s];
		if (!se->lo || !se->hi)
			continue;
		for (size_t i = 0; i < nx;) {
			size_t j = i;
			while (j < nx && !isnan(se->lo[j]) && !isnan(se->hi[j]))
				j++;
			if (j - i == 1) {
				double x = f.x0 + ((double)i + 0.5) * slot;
				put(&c, "<line class=\"band\" x1=\"%g\" y1=\"%g\" x2=\"%g\" "
					"y2=\"%g\" stroke=\"%s\" stroke-opacity=\"0.3\" "
					"stroke-width=\"8\"/>",
				    x, axis_y(&a, &f, se->hi[i]), x, axis_y(&a, &f, se->lo[i]),
				    line_colours[s % 8]);
			} else if (j - i > 1) {
				put(&c, "<polygon class=\"band\" points=\"");
				for (size_t k = i; k < j; k++)
					put(&c, "%g,%g ", f.x0 + ((double)k + 0.5) * slot,
					    axis_y(&a, &f, se->hi[k]));
				for (size_t k = j; k-- > i;)
					put(&c, "%g,%g%s", f.x0 + ((double)k + 0.5) * slot,
					    axis_y(&a, &f, se->lo[k]), k > i ? " " : "");
				put(&c, "\" fill=\"%s\" fill-opacity=\"0.18\" stroke=\"none\"/>",
				    line_colours[s % 8]);
			}
			i = j == i ? j + 1 : j;
		}
	}

	for (size_t s = 0; s < ns; s++) {
		const tt_svg_series *se = &lc->series[s];
		int pen_down = 0, drawn = 0;
		tt_buf_reset(&t);
		for (size_t i = 0; i < nx; i++) {
			double y = value_at(se->y, i);
			if (isnan(y)) {
				pen_down = 0;
				continue;
			}
			tt_buf_addstr(&t, pen_down ? " L" : (t.len ? " M" : "M"));
			drawn |= pen_down;
			add_num(&t, f.x0 + ((double)i + 0.5) * slot, 1, 1);
			tt_buf_addch(&t, ',');
			add_num(&t, axis_y(&a, &f, y), 1, 1);
			pen_down = 1;
		}
		if (!drawn)
			continue;
		put(&c, "<path class=\"line\" d=\"%s\" fill=\"none\" stroke=\"%s\" "
			"stroke-width=\"2\" stroke-linejoin=\"round\"", t.buf,
		    line_colours[s % 8]);
		put_dash(&c, s);
		put(&c, "/>");
	}

	for (size_t s = 0; s < ns; s++) {
		const tt_svg_series *se = &lc->series[s];
		for (size_t i = 0; i < nx; i++) {
			double y = value_at(se->y, i);
			if (isnan(y))
				continue;
			put(&c, "<g class=\"pt\"><title>");
			if (se->tooltips && se->tooltips[i]) {
				put(&c, "%e", se->tooltips[i]);
			} else {
				tt_buf_reset(&t);
				add_num(&t, lc->percent ? y * 100 : y, a.dec + 1, 1);
				if (lc->percent)
					tt_buf_addch(&t, '%');
				put(&c, "%e %e: %e", se->name,
				    lc->x_labels ? lc->x_labels[i] : NULL, t.buf);
			}
			put(&c, "</title>");
			put_marker(&c, s, f.x0 + ((double)i + 0.5) * slot, axis_y(&a, &f, y),
				   line_colours[s % 8]);
			put(&c, "</g>");
		}
	}

	put_legend(&c, names, ns, 36, f.x0, legend_y, width - 8, line_sample);
	put(&c, "</svg>");
	free(names);
	tt_buf_release(&t);
}

/* ---- stacked bars ------------------------------------------------------ */

/*
 * The ordinal palette: lightness dark, light, light, dark, told apart in
 * greyscale by the overlay (none, none, hatch, cross-hatch). Blue against
 * orange/red stays distinct under the common colour-vision deficiencies.
 */
static const unsigned part_colours[4] = {0x1f4e79, 0x8fbce6, 0xf6b26b, 0x9e2a2b};
static const char *const part_overlay[4] = {NULL, NULL, "hatch", "cross"};

static const char *overlay_of(size_t p)
{
	return p < 4 ? part_overlay[p] : "dots";
}

static void put_part_rect(ctx *c, size_t p, double x, double y, double w, double h)
{
	char hex[8];
	put(c, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" fill=\"%s\"/>", x, y,
	    w, h, colour_hex(hex_rgb(part_colours[p % 4]), hex));
	if (overlay_of(p))
		put(c, "<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" "
		       "fill=\"url(#%I-%s)\"/>", x, y, w, h, overlay_of(p));
}

static void bar_sample(ctx *c, size_t i, double x, double y)
{
	put_part_rect(c, i, x, y - 6, 12, 12);
}

/* Values that count: NAN, negative and infinite are 0. */
static double part_value(const tt_svg_stackbar *b, size_t i)
{
	double v = b->values ? b->values[i] : 0;
	return isfinite(v) && v > 0 ? (v > NUM_LIMIT ? NUM_LIMIT : v) : 0;
}

void tt_svg_add_stackbar(tt_buf *out, const tt_svg_stackbar *b)
{
	ctx c = {out, b->meta.id};
	size_t nx = b->nx, np = b->nparts;
	if (!nx || !np) {
		empty_chart(&c, &b->meta);
		return;
	}
	assert(nx <= SIZE_MAX / np);
	tt_buf t = TT_BUF_INIT;
	double *total = xcalloc(nx, sizeof(*total)), maxtot = 0;
	for (size_t x = 0; x < nx; x++) {
		for (size_t p = 0; p < np; p++)
			total[x] += part_value(b, x * np + p);
		maxtot = total[x] > maxtot ? total[x] : maxtot;
	}
	axis a;
	if (b->normalise) {
		axis_init(&a, 0, 1, 1);
		a.step = 0.25;
		a.dec = 0;
	} else {
		axis_init(&a, 0, maxtot > 0 ? maxtot : 1, 0);
		axis_round(&a);
	}

	double widest = 0;
	for (size_t x = 0; b->x_labels && x < nx; x++) {
		double w = text_w(b->x_labels[x], FONT);
		widest = w > widest ? w : widest;
	}
	double slot = widest + 14;
	slot = slot < 44 ? 44 : slot > 110 ? 110 : slot;
	frame f;
	f.x0 = (b->y_title ? FONT + 10 : 4) + axis_label_w(&a) + 10;
	if (f.x0 + (double)nx * slot + 16 < 420) /* fill the legend's width */
		slot = (420 - 16 - f.x0) / (double)nx;
	slot = slot > 110 ? 110 : slot;
	double bar_w = slot * 0.62;
	f.x1 = f.x0 + (double)nx * slot;
	f.y0 = 22;
	f.y1 = f.y0 + 240;
	double width = f.x1 + 16 < 420 ? 420 : f.x1 + 16;
	double legend_y = f.y1 + 4 + 2 * FONT + 8;
	double height = legend_y + legend_height(b->part_labels, np, 12, f.x0, width - 8) + 8;

	open_svg(&c, &b->meta, width, height);
	put(&c, "<defs>"
		"<pattern id=\"%I-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" "
		"height=\"6\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" "
		"x2=\"0\" y2=\"6\" stroke=\"#000000\" stroke-opacity=\"0.35\" "
		"stroke-width=\"2\"/></pattern>"
		"<pattern id=\"%I-cross\" patternUnits=\"userSpaceOnUse\" width=\"6\" "
		"height=\"6\" patternTransform=\"rotate(45)\"><path d=\"M0,0 L0,6 M0,0 "
		"L6,0\" stroke=\"#ffffff\" stroke-opacity=\"0.55\" stroke-width=\"2\"/>"
		"</pattern>"
		"<pattern id=\"%I-dots\" patternUnits=\"userSpaceOnUse\" width=\"5\" "
		"height=\"5\"><circle cx=\"2.5\" cy=\"2.5\" r=\"1.2\" fill=\"#000000\" "
		"fill-opacity=\"0.45\"/></pattern></defs>");
	put_axes(&c, &a, &f, nx, b->x_labels, NULL, b->y_title);

	for (size_t x = 0; x < nx; x++) {
		double cx = f.x0 + ((double)x + 0.5) * slot, bx = cx - bar_w / 2;
		const char *xl = b->x_labels ? b->x_labels[x] : NULL;
		if (total[x] <= 0) {
			put(&c, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" "
				"font-size=\"10\" fill=\"#555555\">no data</text>",
			    cx, f.y1 - 6);
			continue;
		}
		double cum = 0;
		for (size_t p = 0; p < np; p++) {
			size_t i = x * np + p;
			double v = part_value(b, i), share = v / total[x];
			if (v <= 0)
				continue;
			double lo = b->normalise ? cum / total[x] : cum;
			cum += v;
			double hi = b->normalise ? cum / total[x] : cum;
			double ytop = axis_y(&a, &f, hi), ybot = axis_y(&a, &f, lo);
			put(&c, "<g class=\"seg\"><title>");
			if (b->tooltips && b->tooltips[i]) {
				put(&c, "%e", b->tooltips[i]);
			} else {
				tt_buf_reset(&t);
				add_num(&t, v, b->decimals, 0);
				tt_buf_addstr(&t, " (");
				add_num(&t, share * 100, 0, 0);
				tt_buf_addstr(&t, "%)");
				put(&c, "%e: %e %e", xl,
				    b->part_labels ? b->part_labels[p] : NULL, t.buf);
			}
			put(&c, "</title>");
			put_part_rect(&c, p, bx, ytop, bar_w, ybot - ytop);
			tt_buf_reset(&t);
			if (b->normalise) {
				add_num(&t, share * 100, 0, 0);
				tt_buf_addch(&t, '%');
			} else {
				add_num(&t, v, b->decimals, 0);
			}
			if (ybot - ytop >= SMALL_FONT + 3 &&
			    text_w(t.buf, SMALL_FONT) <= bar_w - 4)
				put(&c, "<text x=\"%g\" y=\"%g\" dy=\"0.35em\" "
					"text-anchor=\"middle\" font-size=\"%g\" "
					"fill=\"%s\">%e</text>",
				    cx, (ytop + ybot) / 2, SMALL_FONT,
				    text_on(hex_rgb(part_colours[p % 4])), t.buf);
			put(&c, "</g>");
		}
		tt_buf_reset(&t);
		if (b->normalise)
			tt_buf_addstr(&t, "n=");
		add_num(&t, total[x], b->decimals, 0);
		put(&c, "<text x=\"%g\" y=\"%g\" text-anchor=\"middle\" font-size=\"10\">"
			"%e</text>", cx, axis_y(&a, &f, b->normalise ? 1 : total[x]) - 4,
		    t.buf);
	}

	put_legend(&c, b->part_labels, np, 12, f.x0, legend_y, width - 8, bar_sample);
	put(&c, "</svg>");
	free(total);
	tt_buf_release(&t);
}
