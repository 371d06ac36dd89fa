/*
 * svg.h - charts for the self-contained HTML report, as inline SVG:
 * a heatmap, a line chart with uncertainty bands and stacked bars, plus
 * the HTML/XML text escaping every writer of the report uses.
 *
 * Pure rendering: no I/O, no global state, no allocation that outlives a
 * call. Every function appends to a tt_buf the caller owns; nothing is
 * ever printed. The output is well-formed XML that is also valid inside
 * an HTML5 page: one <svg> element with <title> and <desc> first, fonts
 * only through font-family="sans-serif", presentation attributes only
 * (no <style>, no <script>, no <image>, no <foreignObject>, no href), and
 * the only URL in it is the SVG namespace. The root has width="100%" and
 * style="max-width:<natural width>px", so a chart shrinks to fit a narrow
 * page or an A4 print but is never blown up beyond its design size (its
 * text stays near 12px whatever the chart's width). Paint references (url(#...)) point
 * at gradients and patterns inside the same chart.
 *
 * Every caller-given string (titles, labels, tooltips) is escaped with
 * tt_html_escape; callers pass plain UTF-8 text, never markup.
 *
 * Every chart takes an id prefix (tt_svg_meta.id); all ids in the chart
 * are "<prefix>-<suffix>", so charts in one page need distinct prefixes.
 * Bytes of the prefix other than [A-Za-z0-9_-] are written as '_', and a
 * prefix that does not start with a letter (or is NULL/empty) gets "c"
 * put in front, so the result is always a valid id.
 *
 * Greyscale and colour-blind readers: the heatmap ramp is monotonic in
 * lightness (cividis-like); line series differ in colour (Okabe-Ito),
 * dash pattern and marker shape; stacked-bar parts differ in lightness
 * and hatching as well as hue. Numbers are written without the C locale
 * (a decimal point, whatever LC_NUMERIC says).
 *
 * Structs are meant to be zero-initialised (designated initialisers) and
 * then filled in: zero is the documented default of every field. The
 * arrays they point at are borrowed for the call only.
 */
#ifndef TT_SVG_H
#define TT_SVG_H

#include <stddef.h>

#include "buf.h"

/*
 * Appends `s` with & < > " ' written as &amp; &lt; &gt; &quot; &#39;, so
 * the result is safe in element text and in attribute values quoted
 * either way. Bytes that XML 1.0 cannot carry are replaced by U+FFFD:
 * invalid UTF-8 (each bad byte), C0 controls other than tab, LF and CR,
 * and U+FFFE/U+FFFF. NULL writes nothing.
 */
void tt_html_escape(tt_buf *out, const char *s);
/* The same for `n` bytes at `s`, which may hold NULs (each becomes U+FFFD). */
void tt_html_escape_n(tt_buf *out, const char *s, size_t n);

/*
 * The sequential ramp of the heatmap: t in [0, 1] (clamped; NAN gives
 * the t = 0 colour) to sRGB. Nine hard-coded stops, linearly
 * interpolated; relative luminance strictly increases with t.
 */
void tt_svg_ramp(double t, unsigned char rgb[3]);

/* What every chart carries; all strings may be NULL (written empty). */
typedef struct tt_svg_meta {
	const char *id;    /* id prefix, unique in the page */
	const char *title; /* accessible name: <title> */
	const char *desc;  /* longer description: <desc> */
} tt_svg_meta;

/*
 * A heatmap: nrows x ncols cells, row labels at the left, column labels
 * on top (turned 45 degrees when they would not fit), a colour legend
 * with the min and max labels below. A cell's colour is its value
 * clamped to [vmin, vmax] on the ramp (vmax <= vmin, or either not
 * finite, means 0..1). NAN is "no data": a grey hatched cell, no value
 * printed, and a "no data" key in the legend.
 *
 * Each cell is <g class="cell"><title>tooltip</title><rect/>[<text/>]</g>;
 * the text is printed when its estimated width fits the cell. Per-cell
 * arrays are row-major (index r * ncols + c) and optional: a NULL array,
 * or a NULL entry, means the default. Default label: the value with
 * `decimals` places, or as a whole percentage when `percent`. Default
 * tooltip: "<row>, <col>: <label>", or "<row>, <col>: <nodata_text>".
 */
typedef struct tt_svg_heatmap {
	tt_svg_meta meta;
	size_t nrows, ncols;
	const char *const *row_labels;  /* nrows entries, or NULL */
	const char *const *col_labels;  /* ncols entries, or NULL */
	const double *values;           /* nrows * ncols; NULL = all no data */
	const char *const *cell_labels; /* nrows * ncols, or NULL */
	const char *const *tooltips;    /* nrows * ncols, or NULL */
	double vmin, vmax;              /* colour scale; see above */
	int decimals;                   /* default label places, 0..6 */
	int percent;                    /* default labels and legend as % */
	const char *legend_title;       /* caption over the legend, or NULL */
	const char *nodata_text;        /* NULL = "no documents" */
} tt_svg_heatmap;

void tt_svg_add_heatmap(tt_buf *out, const tt_svg_heatmap *h);

/*
 * One series of a line chart: `npoints` (the chart's nx) values. NAN in
 * y breaks the line (a gap) and draws no marker; the band is drawn
 * wherever both lo and hi are not NAN (a lone point gets a whisker).
 * Values outside the y range are drawn at its edge.
 */
typedef struct tt_svg_series {
	const char *name;            /* legend text */
	const double *y;             /* nx values, or NULL = all gaps */
	const double *lo, *hi;       /* nx values each, or NULL = no band */
	const char *const *tooltips; /* nx entries, or NULL; NULL entry =
					"<name> <x>: <y>" */
} tt_svg_series;

/*
 * A line chart over categorical x (years): axes with ticks and labels,
 * light grid lines, a legend below. Series i gets colour i, dash pattern
 * i and marker shape i of fixed lists (8 colours, 6 dashes, 6 shapes, so
 * the combination differs for at least the first 24 series). Each data
 * point is <g class="pt"><title>tooltip</title>marker</g>; bands are
 * translucent <polygon class="band"> elements under the lines.
 *
 * y range: [ymin, ymax] when ymin < ymax and both are finite; otherwise
 * 0..1 with `percent`, else 0 (or the data minimum, if negative) to the
 * data maximum, widened to whole ticks. `percent` labels ticks as 0%..100%.
 */
typedef struct tt_svg_linechart {
	tt_svg_meta meta;
	size_t nx;
	const char *const *x_labels; /* nx entries, or NULL */
	size_t nseries;
	const tt_svg_series *series; /* nseries entries */
	double ymin, ymax;
	int percent;
	const char *x_title, *y_title; /* axis titles, or NULL */
} tt_svg_linechart;

void tt_svg_add_linechart(tt_buf *out, const tt_svg_linechart *c);

/*
 * Stacked bars: one bar per x category, `nparts` segments per bar in
 * order from the axis up (e.g. outstanding, good, requires improvement,
 * inadequate). The parts use a fixed ordinal palette of 4 (dark blue
 * solid, light blue solid, light orange hatched, dark red cross-hatched),
 * readable in greyscale through lightness and hatching; parts beyond the
 * fourth repeat the colours with a dotted overlay.
 *
 * Values are row-major by category (index x * nparts + p); NAN, negative
 * and infinite values count as 0, and segments of 0 are not drawn. With
 * `normalise` each bar is its share of the bar's total (0..100%) and
 * "n=<total>" is printed above it; otherwise the axis runs from 0 to the
 * largest total and the total is printed above. A bar with total 0 shows
 * "no data". Each drawn segment is <g class="seg"><title>tooltip</title>
 * <rect/>...</g>, with its value (or share) printed inside when it fits.
 * Default tooltip: "<x>: <part> <value> (<share>%)".
 */
typedef struct tt_svg_stackbar {
	tt_svg_meta meta;
	size_t nx, nparts;
	const char *const *x_labels;    /* nx entries, or NULL */
	const char *const *part_labels; /* nparts entries, or NULL */
	const double *values;           /* nx * nparts; NULL = all 0 */
	const char *const *tooltips;    /* nx * nparts, or NULL */
	int normalise;
	int decimals;                   /* places for values, 0..6 */
	const char *y_title;            /* axis title, or NULL */
} tt_svg_stackbar;

void tt_svg_add_stackbar(tt_buf *out, const tt_svg_stackbar *b);

#endif
