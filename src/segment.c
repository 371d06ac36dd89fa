/*
 * segment.c - a document's blocks, sections and sentences.
 *
 * One pass over the lines handles markdown-ish text (the seed reports) and
 * text extracted from PDF by pdftotext alike: the PDF rules cost nothing on
 * markdown, which has no form feeds and unwrapped paragraphs. Text with a
 * form feed is "PDF text" below.
 *
 *   1. lines       split on '\n' (a trailing '\r' dropped); content span,
 *                  indentation, page (form feeds seen so far).
 *   2. furniture   dropped: lines in the first 4 or last 6 non-blank lines
 *                  of a page whose text (digits read as '#') recurs on
 *                  several pages (headers, footers), page numbers there
 *                  ("12", "Page 3 of 9", "- 4 -"), and the blank lines
 *                  around them; a bare number alone between blank lines
 *                  anywhere, and in PDF text any bare number. A footnote at
 *                  a page's foot ("1" after a blank line, then its text) is
 *                  read after the paragraph that runs across that page.
 *   3. blocks      ATX headings, bold-only lines, table rows (tab cells or
 *                  "| a | b |"; separator rows skipped), list items,
 *                  paragraphs. A line joins the open paragraph or item
 *                  unless the line before ended deliberately: it ends a
 *                  sentence and is clearly short of the text width (the
 *                  80th percentile of long lines), or the next word would
 *                  have fitted on it, or it ends with ':'; or the line is a
 *                  short capitalised line standing alone (a heading). A
 *                  lower-case line, or one after ',' or "and", "of"..., or
 *                  after a hyphen, always continues - even after a blank
 *                  line or a page break when the block before ended
 *                  mid-sentence. Paragraph numbers ("12." on a line of its
 *                  own, or "13. Children..." in PDF text) and bullets on a
 *                  line of their own lead the next block.
 *   4. classes     headings inferred (sg_classify); Ofsted judgement cells
 *                  ("label", then "Good") merged into one table row, or a
 *                  heading "label: Good" when the row stands alone; runs
 *                  of "Label: value" lines and the entries of a "Contents"
 *                  page made table rows.
 *   5. outline     sections, and the sentences of each block (sg_outline).
 *
 * Display text (text.h): original characters, white space runs collapsed,
 * list markers and paragraph numbers left out, end-of-line hyphenation
 * undone (sg_hyphen_join), and - beyond text.h - inline markup left out:
 * ** and __, *x* emphasis, simple HTML tags (<u>, </i>, <br/>...), the
 * target of a markdown link [text](url), backslash escapes, and in PDF
 * text footnote numbers glued to a word ("area2", "improvement.2"). Table
 * cells are joined by " | " (all three bytes map to the delimiter's byte),
 * empty cells dropped; a judgement heading joins label and grade with
 * ": " (both bytes map to the white space after the label).
 *
 * Decisions a caller may rely on:
 *   - sentences are in reading order; that is document order except for a
 *     page-foot footnote, which follows the paragraph it interrupts;
 *   - a heading's sentence belongs to the section the heading opens;
 *   - a section title is the heading's display text without a final ':'
 *     (nor a final '.' on a short "Learning points." heading);
 *   - s->block is the 0-based ordinal of the block among the document's
 *     blocks (the sentences of one paragraph or item share it);
 *   - in PDF text, numbered paragraphs are paragraphs; elsewhere "1." lines
 *     are list items (or numbered headings);
 *   - TT_SEG_LINES takes every line with content as one paragraph unit,
 *     section -1, with white space collapsed and nothing else changed.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "banned.h"

#define SG_NONE ((size_t)-1)

/* --- characters ------------------------------------------------------- */

/* Length of the white-space character at s (ASCII or a Unicode space), 0 if none. */
static size_t sg_ws(const char *s, const char *end)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] == ' ' || u[0] == '\t' || u[0] == '\n' || u[0] == '\r' ||
	    u[0] == '\f' || u[0] == '\v')
		return 1;
	if (u[0] < 0xC2)
		return 0;
	if (u[0] == 0xC2 && s + 1 < end && u[1] == 0xA0)
		return 2;
	if (s + 2 >= end)
		return 0;
	if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8B || u[2] == 0xAF))
		return 3;
	if (u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F)
		return 3;
	if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	if (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return 3;
	return 0;
}

static int sg_is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Decodes one code point leniently; returns its length (>= 1). */
static size_t sg_decode(const char *s, const char *end, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = (size_t)(end - s);
	if (u[0] < 0x80 || n < 2) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xE0) == 0xC0) {
		*cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	}
	if ((u[0] & 0xF0) == 0xE0 && n >= 3) {
		*cp = ((uint32_t)(u[0] & 0x0F) << 12) |
		      ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
		return 3;
	}
	if ((u[0] & 0xF8) == 0xF0 && n >= 4) {
		*cp = ((uint32_t)(u[0] & 0x07) << 18) |
		      ((uint32_t)(u[1] & 0x3F) << 12) |
		      ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

static int sg_is_upper(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
	       (c >= 0x100 && c <= 0x17F && (c & 1) == 0);
}

static int sg_is_lower(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
	       (c >= 0x100 && c <= 0x17F && (c & 1) == 1);
}

static int sg_is_alpha_ascii(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int sg_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char sg_lc(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static int sg_is_opener(uint32_t c)
{
	return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x2018 ||
	       c == 0x201C || c == 0xAB;
}

/* Is the word w[0..n) (any case) in the NULL-free list? */
static int sg_word_in(const char *w, size_t n, const char *const *list,
		      size_t nlist)
{
	char buf[32];
	if (n == 0 || n >= sizeof(buf))
		return 0;
	for (size_t i = 0; i < n; i++)
		buf[i] = sg_lc(w[i]);
	buf[n] = '\0';
	for (size_t i = 0; i < nlist; i++)
		if (strcmp(buf, list[i]) == 0)
			return 1;
	return 0;
}

/* --- the working state ------------------------------------------------- */

enum {
	LF_BLANK = 1,  /* no content */
	LF_DROP = 2,   /* page furniture: not part of the text */
	LF_HARDBR = 4, /* ends with two spaces: a markdown line break */
	LF_NOTE = 8    /* a footnote at a page's foot: read after the paragraph
			  that runs across the page break */
};

typedef struct sg_line {
	size_t start, end; /* the line, without '\n' and a trailing '\r' */
	size_t cs, ce;     /* its content: first to one past last non-space */
	uint32_t no;       /* 1-based line number */
	uint32_t page;     /* form feeds before the content */
	uint32_t nch;      /* code points in the content */
	int indent;        /* columns before the content (tab stops of 4) */
	unsigned flags;    /* LF_* */
} sg_line;

typedef enum { BK_NONE, BK_PARA, BK_ITEM, BK_ROW, BK_HEAD } sg_kind;

typedef enum {
	HS_NONE,
	HS_ATX,   /* markdown '#' */
	HS_BOLD,  /* a line that is all **bold** */
	HS_CAPS,  /* ALL CAPS */
	HS_NUM,   /* "2. Findings", "3.1 Voice of the child" */
	HS_PLAIN, /* a short unpunctuated line standing alone */
	HS_COLON, /* "Areas for development:" - scoped */
	HS_LEAD,  /* a list item ending in ':' over its nested items - scoped */
	HS_GRADE  /* a judgement standing alone: "The experiences...: Good" */
} sg_style;

/* List marker classes: a change of class can mean a nested list. */
enum {
	MC_DASH = 1, MC_STAR, MC_PLUS, MC_ROUND, MC_SQUARE, MC_CHECK, MC_ARROW,
	MC_DASH2, MC_PUA, MC_O, MC_NUM, MC_NUMDOT, MC_ALPHA, MC_ROMAN
};

typedef struct sg_block {
	sg_kind kind;
	sg_style style;
	int level;        /* ATX '#' count; NUM numbering depth */
	int depth;        /* list nesting depth of an item, 0 at the top */
	int indent;       /* columns before an item's marker */
	int mclass;       /* MC_* of an item */
	int numbered;     /* item or paragraph led by a plain number marker */
	int numdepth;     /* 1 for "3.", 2 for "3.1" */
	int bold;         /* a bold-only line */
	int blank_before; /* a blank line (or page edge) precedes it */
	int cells;        /* table row from tab cells (1) or pipes (2) */
	int judgement;    /* a label merged with its grade (split > 0) */
	int note;         /* a footnote: made of LF_NOTE lines only */
	uint32_t l0, l1;  /* first and last line, inclusive */
	uint32_t split;   /* merged row: the line where the second cell starts */
	size_t body;      /* first byte of the first line's text (after markers) */
	size_t hend;      /* ATX heading: end of its text (closing #s cut) */
	char *text;       /* display text (no trailing NUL guarantee) */
	size_t len;
	uint32_t *map;    /* len entries: display byte -> document byte */
	int words;        /* words in text */
	int nlines;       /* content lines */
} sg_block;

typedef struct sg_vocab {
	uint64_t *hash;
	uint32_t *off, *cnt;
	uint16_t *len;
	size_t cap, n;
	tt_buf words; /* lower-cased words, back to back */
} sg_vocab;

typedef struct sg {
	tt_doc *d;
	const char *s;
	size_t n;
	sg_line *ln;
	size_t nln, ln_alloc;
	sg_block *bk;
	size_t nbk, bk_alloc;
	int pdfish;      /* has form feeds: text from a PDF */
	uint32_t width;  /* typical full line, in code points */
	int have_vocab;
	sg_vocab vocab;
} sg;

/* --- display text building ---------------------------------------------- */

typedef struct sg_text {
	tt_buf b;
	uint32_t *map;
	size_t alloc;
	size_t pend; /* document offset of pending white space, SG_NONE if none */
} sg_text;

static void tx_init(sg_text *x)
{
	tt_buf_init(&x->b);
	x->map = NULL;
	x->alloc = 0;
	x->pend = SG_NONE;
}

static void tx_release(sg_text *x)
{
	tt_buf_release(&x->b);
	free(x->map);
	tx_init(x);
}

/* Appends byte c that came from document offset pos (after any pending space). */
static void tx_put(sg_text *x, char c, size_t pos)
{
	if (x->pend != SG_NONE) {
		size_t p = x->pend;
		x->pend = SG_NONE;
		if (x->b.len)
			tx_put(x, ' ', p);
	}
	TT_GROW(x->map, x->b.len + 1, x->alloc);
	x->map[x->b.len] = (uint32_t)pos;
	tt_buf_grow(&x->b, 1);
	x->b.buf[x->b.len++] = c;
	x->b.buf[x->b.len] = '\0';
}

/* Appends document bytes s[p..p+n) verbatim (no pending space left). */
static void tx_run(sg_text *x, const char *s, size_t p, size_t n)
{
	tx_put(x, s[p], p);
	p++;
	n--;
	TT_GROW(x->map, x->b.len + n, x->alloc);
	for (size_t i = 0; i < n; i++)
		x->map[x->b.len + i] = (uint32_t)(p + i);
	tt_buf_add(&x->b, s + p, n);
}

/* White space at pos: becomes one space before the next byte, if any. */
static void tx_space(sg_text *x, size_t pos)
{
	if (x->pend == SG_NONE)
		x->pend = pos;
}

/* A table-cell separator " | ", all three bytes mapped to pos. */
static void tx_sep(sg_text *x, size_t pos)
{
	x->pend = SG_NONE;
	if (!x->b.len)
		return;
	tx_put(x, ' ', pos);
	tx_put(x, '|', pos);
	tx_put(x, ' ', pos);
}

static char tx_last(const sg_text *x)
{
	return x->b.len ? x->b.buf[x->b.len - 1] : '\0';
}

static void tx_pop(sg_text *x)
{
	if (x->b.len)
		tt_buf_setlen(&x->b, x->b.len - 1);
}

/* Inline HTML tags we leave out of display text. */
static const char *const sg_tags[] = {
	"u", "i", "b", "em", "strong", "br", "sup", "sub", "span", "p", "s",
	"del", "ins", "mark", "small", "font", "a", "div", "strike", "big",
};

/* If a known tag starts at p, returns the offset after its '>', else 0. */
static size_t sg_tag_end(const char *s, size_t p, size_t e)
{
	size_t q = p + 1, name;
	if (q < e && s[q] == '/')
		q++;
	name = q;
	while (q < e && q - name < 10 && sg_is_alpha_ascii(s[q]))
		q++;
	if (q == name || !sg_word_in(s + name, q - name, sg_tags,
				     TT_ARRAY_LEN(sg_tags)))
		return 0;
	for (size_t lim = q + 120; q < e && q < lim; q++) {
		if (s[q] == '>')
			return q + 1;
		if (s[q] == '<' || s[q] == '\n')
			return 0;
		if (!(s[q] == ' ' || s[q] == '/' || s[q] == '=' || s[q] == '"' ||
		      s[q] == '\'' || s[q] == '-' || s[q] == ':' || s[q] == ';' ||
		      s[q] == '#' || s[q] == '.' || sg_is_alpha_ascii(s[q]) ||
		      sg_is_digit(s[q])))
			return 0;
	}
	return 0;
}

/* A markdown link [text](url) at p: sets *close (the ']') and *end. */
static int sg_link(const char *s, size_t p, size_t e, size_t *close,
		   size_t *end)
{
	size_t q = p + 1, lim = p + 400 < e ? p + 400 : e;
	while (q < lim && s[q] != ']' && s[q] != '[')
		q++;
	if (q >= lim || s[q] != ']' || q == p + 1 || q + 1 >= e || s[q + 1] != '(')
		return 0;
	size_t r = q + 2;
	lim = r + 400 < e ? r + 400 : e;
	while (r < lim && s[r] != ')' && !sg_is_ascii_space(s[r]))
		r++;
	if (r >= lim || s[r] != ')')
		return 0;
	*close = q;
	*end = r + 1;
	return 1;
}

/* Single-'*' emphasis opening at p: returns the closing '*', else 0. */
static size_t sg_emph_close(const char *s, size_t p, size_t e, size_t from)
{
	if (p > from && !sg_is_ascii_space(s[p - 1]) && s[p - 1] != '(' &&
	    s[p - 1] != '[' && s[p - 1] != '"')
		return 0;
	if (p + 1 >= e || sg_is_ascii_space(s[p + 1]) || s[p + 1] == '*')
		return 0;
	for (size_t q = p + 2; q < e && q < p + 400; q++) {
		if (s[q] != '*')
			continue;
		if (sg_is_ascii_space(s[q - 1]))
			continue;
		if (q + 1 < e && (s[q + 1] == '*' || sg_is_alpha_ascii(s[q + 1]) ||
				  sg_is_digit(s[q + 1])))
			continue;
		return q;
	}
	return 0;
}

/*
 * Bytes tx_span may copy without a look: not white space (nor a byte that
 * can start a Unicode space), not markup, not a digit (footnote marks).
 */
static const unsigned char sg_plain_byte[256] = {
#define P1(c) [c] = 1
	P1('A'), P1('B'), P1('C'), P1('D'), P1('E'), P1('F'), P1('G'), P1('H'),
	P1('I'), P1('J'), P1('K'), P1('L'), P1('M'), P1('N'), P1('O'), P1('P'),
	P1('Q'), P1('R'), P1('S'), P1('T'), P1('U'), P1('V'), P1('W'), P1('X'),
	P1('Y'), P1('Z'), P1('a'), P1('b'), P1('c'), P1('d'), P1('e'), P1('f'),
	P1('g'), P1('h'), P1('i'), P1('j'), P1('k'), P1('l'), P1('m'), P1('n'),
	P1('o'), P1('p'), P1('q'), P1('r'), P1('s'), P1('t'), P1('u'), P1('v'),
	P1('w'), P1('x'), P1('y'), P1('z'), P1(','), P1('.'), P1(';'), P1(':'),
	P1('\''), P1('"'), P1('('), P1(')'), P1('-'), P1('/'), P1('?'), P1('!'),
	P1('&'), P1('%'), P1('+'), P1('='), P1('@'), P1(0x80), P1(0x81),
	P1(0x82), P1(0x83), P1(0x84), P1(0x85), P1(0x86), P1(0x87), P1(0x88),
	P1(0x89), P1(0x8A), P1(0x8B), P1(0x8C), P1(0x8D), P1(0x8E), P1(0x8F),
	P1(0x90), P1(0x91), P1(0x92), P1(0x93), P1(0x94), P1(0x95), P1(0x96),
	P1(0x97), P1(0x98), P1(0x99), P1(0x9A), P1(0x9B), P1(0x9C), P1(0x9D),
	P1(0x9E), P1(0x9F), P1(0xA0), P1(0xA1), P1(0xA2), P1(0xA3), P1(0xA4),
	P1(0xA5), P1(0xA6), P1(0xA7), P1(0xA8), P1(0xA9), P1(0xAA), P1(0xAB),
	P1(0xAC), P1(0xAD), P1(0xAE), P1(0xAF), P1(0xB0), P1(0xB1), P1(0xB2),
	P1(0xB3), P1(0xB4), P1(0xB5), P1(0xB6), P1(0xB7), P1(0xB8), P1(0xB9),
	P1(0xBA), P1(0xBB), P1(0xBC), P1(0xBD), P1(0xBE), P1(0xBF),
#undef P1
};

enum {
	TX_MARKUP = 1,  /* leave inline markup out */
	TX_FOOTNOTE = 2 /* leave out footnote numbers glued to a word ("area2") */
};

/*
 * A footnote number at s[p]: one or two digits right after a lower-case
 * word (or its full stop) and before white space or punctuation.
 */
static int sg_footnote_at(const char *s, size_t p, size_t e, size_t from)
{
	size_t q = p;
	while (q < e && sg_is_digit(s[q]) && q - p < 3)
		q++;
	if (q - p > 2 || (q < e && !(sg_is_ascii_space(s[q]) || s[q] == ',' ||
				   s[q] == '.' || s[q] == ';' || s[q] == ':' ||
				   s[q] == ')')))
		return 0;
	size_t b = p;
	if (b > from && (s[b - 1] == '.' || s[b - 1] == '?'))
		b--;
	return b >= from + 2 && s[b - 1] >= 'a' && s[b - 1] <= 'z' &&
	       s[b - 2] >= 'a' && s[b - 2] <= 'z';
}

/*
 * Appends document bytes [p, e) to x: ASCII white-space runs become one
 * pending space; `flags` (TX_*) leave out markup and footnote marks.
 */
static void tx_span(sg_text *x, const char *s, size_t p, size_t e, int flags)
{
	int markup = flags & TX_MARKUP;
	size_t from = p;
	size_t link_close = SG_NONE, link_end = 0, star_close = SG_NONE;
	while (p < e) {
		if (p == link_close) {
			p = link_end;
			link_close = SG_NONE;
			continue;
		}
		if (p == star_close) {
			p++;
			star_close = SG_NONE;
			continue;
		}
		size_t w = sg_ws(s + p, s + e);
		if (w == 1) {
			tx_space(x, p);
			p++;
			continue;
		}
		if (w > 1) {
			for (size_t i = 0; i < w; i++)
				tx_put(x, s[p + i], p + i);
			p += w;
			continue;
		}
		char c = s[p];
		/* a run of bytes that need no attention goes in at once */
		size_t q = p;
		while (q < e && sg_plain_byte[(unsigned char)s[q]])
			q++;
		if (q > p + 1) {
			tx_run(x, s, p, q - p);
			p = q;
			continue;
		}
		if ((flags & TX_FOOTNOTE) && sg_is_digit(c) && p > from &&
		    !sg_is_digit(s[p - 1]) && sg_footnote_at(s, p, e, from)) {
			while (p < e && sg_is_digit(s[p]))
				p++;
			continue;
		}
		if (markup) {
			if ((c == '*' || c == '_') && p + 1 < e && s[p + 1] == c) {
				p += 2;
				continue;
			}
			if (c == '\\' && p + 1 < e &&
			    strchr("\\`*_{}[]()#+-.!<>|\"'", s[p + 1]) &&
			    s[p + 1] != '\0') {
				tx_put(x, s[p + 1], p + 1);
				p += 2;
				continue;
			}
			if (c == '<') {
				size_t t = sg_tag_end(s, p, e);
				if (t) {
					p = t;
					continue;
				}
			}
			if (c == '[' && link_close == SG_NONE &&
			    sg_link(s, p, e, &link_close, &link_end)) {
				p++;
				continue;
			}
			if (c == '*' && star_close == SG_NONE) {
				size_t cl = sg_emph_close(s, p, e, from);
				if (cl) {
					star_close = cl;
					p++;
					continue;
				}
			}
		}
		tx_put(x, c, p);
		p++;
	}
}

/* --- lines ------------------------------------------------------------ */

static void sg_lines(sg *g)
{
	const char *s = g->s;
	size_t pos = 0;
	uint32_t no = 0, page = 0;
	while (pos < g->n) {
		const char *nl = memchr(s + pos, '\n', g->n - pos);
		size_t e = nl ? (size_t)(nl - s) : g->n;
		size_t next = nl ? e + 1 : g->n;
		if (e > pos && s[e - 1] == '\r')
			e--;
		sg_line L;
		memset(&L, 0, sizeof(L));
		L.start = pos;
		L.end = e;
		L.no = ++no;
		size_t p = pos;
		int col = 0;
		while (p < e) {
			size_t w = sg_ws(s + p, s + e);
			if (!w)
				break;
			if (s[p] == '\f')
				page++;
			else if (s[p] == '\t')
				col = (col / 4 + 1) * 4;
			else if (s[p] != '\r' && s[p] != '\v')
				col++;
			p += w;
		}
		L.cs = p;
		L.ce = p;
		L.indent = col;
		L.page = page;
		uint32_t count = 0;
		while (p < e) {
			unsigned char c = (unsigned char)s[p];
			if (c > ' ' && c < 0x80) {
				p++;
				L.ce = p;
				L.nch = ++count;
				continue;
			}
			size_t w = sg_ws(s + p, s + e);
			if (w) {
				if (s[p] == '\f')
					page++; /* takes effect from the next line */
				p += w;
				count++;
				continue;
			}
			uint32_t cp;
			p += sg_decode(s + p, s + e, &cp);
			count++;
			L.ce = p;
			L.nch = count;
		}
		if (L.ce == L.cs)
			L.flags |= LF_BLANK;
		else if (e >= L.ce + 2 && s[e - 1] == ' ' && s[e - 2] == ' ')
			L.flags |= LF_HARDBR;
		TT_GROW(g->ln, g->nln + 1, g->ln_alloc);
		g->ln[g->nln++] = L;
		if (page)
			g->pdfish = 1;
		pos = next;
	}
}

/* "12", "Page 3", "page 3 of 9", "3 of 9", "- 4 -", "3/9": a page number. */
static int sg_is_pagenum(const char *s, size_t a, size_t b)
{
	char buf[40];
	size_t n = 0;
	if (b - a >= sizeof(buf))
		return 0;
	for (size_t i = a; i < b; i++)
		buf[n++] = sg_lc(s[i]);
	buf[n] = '\0';
	char *p = buf;
	if (p[0] == '-' && p[1] == ' ') {
		if (n < 4 || buf[n - 1] != '-' || buf[n - 2] != ' ')
			return 0;
		buf[n - 2] = '\0';
		p += 2;
	}
	if (strncmp(p, "page ", 5) == 0)
		p += 5;
	size_t digits = 0;
	while (sg_is_digit(*p)) {
		p++;
		digits++;
	}
	if (digits == 0 || digits > 4)
		return 0;
	if (*p == '\0')
		return 1;
	if (strncmp(p, " of ", 4) == 0)
		p += 4;
	else if (*p == '/')
		p++;
	else
		return 0;
	digits = 0;
	while (sg_is_digit(*p)) {
		p++;
		digits++;
	}
	return digits > 0 && digits <= 4 && *p == '\0';
}

/* The recurrence key of a line: white space collapsed, digits as '#'. */
static int sg_furniture_key(const char *s, const sg_line *L, char *key,
			    size_t cap)
{
	size_t n = 0;
	int letters = 0, sp = 0;
	if (L->ce - L->cs >= cap)
		return 0;
	for (size_t i = L->cs; i < L->ce; i++) {
		char c = s[i];
		if (sg_is_ascii_space(c)) {
			sp = 1;
			continue;
		}
		if (sp && n)
			key[n++] = ' ';
		sp = 0;
		if (sg_is_digit(c))
			c = '#';
		else if (sg_is_alpha_ascii(c))
			letters++;
		key[n++] = c;
	}
	key[n] = '\0';
	return letters >= 4;
}

typedef struct sg_key {
	char *key;
	uint32_t pages, last_page;
} sg_key;

static sg_key *sg_key_find(sg_key *tab, size_t cap, const char *key)
{
	uint64_t h = 1469598103934665603ULL;
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	size_t i = (size_t)h & (cap - 1);
	while (tab[i].key && strcmp(tab[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

enum { SG_TOP_ZONE = 4, SG_BOTTOM_ZONE = 6 };

/*
 * Is the number on line N glued as a footnote mark to a word in lines
 * [first, end) of its page ("...improve?1", "area2.")?
 */
static int sg_has_mark(const sg *g, size_t first, size_t end, const sg_line *N)
{
	const char *s = g->s;
	size_t nl = N->ce - N->cs;
	for (size_t i = first; i < end; i++) {
		const sg_line *L = &g->ln[i];
		for (size_t p = L->cs + 1; p + nl <= L->ce; p++) {
			char c = s[p - 1];
			if (memcmp(s + p, s + N->cs, nl) != 0 ||
			    !((c >= 'a' && c <= 'z') || c == '.' || c == '?' ||
			      c == ')'))
				continue;
			if (p + nl == L->ce || !sg_is_digit(s[p + nl]))
				return 1;
		}
	}
	return 0;
}

/*
 * A footnote at the foot of a page: a small bare number after a blank
 * line, then up to 6 lines of text ending at line `last` (the page's last
 * content line), whose number is glued to a word earlier on the page.
 * The number is dropped and the text marked LF_NOTE.
 */
static void sg_mark_footnote(sg *g, size_t first, size_t last)
{
	sg_line *ln = g->ln;
	int text = 0;
	for (size_t i = last + 1; i-- > first;) {
		sg_line *L = &ln[i];
		if (L->flags & (LF_BLANK | LF_DROP))
			continue;
		if (L->ce - L->cs <= 2 && sg_is_pagenum(g->s, L->cs, L->ce)) {
			if (!text || i == first || !(ln[i - 1].flags & LF_BLANK) ||
			    !sg_has_mark(g, first, i, L))
				return;
			L->flags |= LF_DROP;
			for (size_t j = i + 1; j <= last; j++)
				if (!(ln[j].flags & (LF_BLANK | LF_DROP)))
					ln[j].flags |= LF_NOTE;
			return;
		}
		if (++text > 6)
			return;
	}
}

/* Recurrence counts of the keys of lines at page edges. */
typedef struct sg_keys {
	sg_key *tab;
	size_t cap;
	uint32_t thr; /* pages a key must recur on to be furniture */
} sg_keys;

/* Counts line i's key once for page p. */
static void sg_count_key(const sg *g, sg_keys *ks, size_t i, uint32_t p)
{
	char key[160];
	if (!sg_furniture_key(g->s, &g->ln[i], key, sizeof(key)))
		return;
	sg_key *k = sg_key_find(ks->tab, ks->cap, key);
	if (!k->key) {
		k->key = xstrdup(key);
		k->last_page = p;
		k->pages = 1;
	} else if (k->last_page != p) {
		k->last_page = p;
		k->pages++;
	}
}

/* Is line i a page number or a line that recurs at page edges? */
static int sg_is_furniture(const sg *g, const sg_keys *ks, size_t i)
{
	char key[160];
	const sg_line *L = &g->ln[i];
	if (sg_is_pagenum(g->s, L->cs, L->ce))
		return 1;
	if (!sg_furniture_key(g->s, L, key, sizeof(key)))
		return 0;
	const sg_key *k = sg_key_find(ks->tab, ks->cap, key);
	return k->key && k->pages >= ks->thr;
}

/*
 * Walks from one edge of page [first, last] inwards (from the bottom when
 * `up`), dropping blank lines and furniture among the first `zone`
 * non-blank lines; returns the first line kept (SG_NONE if none).
 */
static size_t sg_drop_edge(sg *g, const sg_keys *ks, size_t first,
			   size_t last, int up, int zone)
{
	size_t i = up ? last : first;
	int seen = 0;
	for (;;) {
		sg_line *L = &g->ln[i];
		if (!(L->flags & LF_BLANK)) {
			if (seen++ >= zone || !sg_is_furniture(g, ks, i))
				return i;
		}
		L->flags |= LF_DROP;
		if (i == (up ? first : last))
			return SG_NONE;
		i = up ? i - 1 : i + 1;
	}
}

/*
 * Drops page furniture (see the top). Only text with form feeds has
 * pages; lone bare numbers are dropped everywhere.
 */
static void sg_drop_furniture(sg *g)
{
	sg_line *ln = g->ln;
	size_t npages = g->nln ? ln[g->nln - 1].page + 1 : 0;
	if (npages >= 2) {
		size_t *pfirst = xcalloc(npages, sizeof(size_t));
		size_t *plast = xcalloc(npages, sizeof(size_t));
		sg_keys ks;
		for (size_t p = 0; p < npages; p++)
			pfirst[p] = SG_NONE;
		for (size_t i = 0; i < g->nln; i++) {
			if (pfirst[ln[i].page] == SG_NONE)
				pfirst[ln[i].page] = i;
			plast[ln[i].page] = i;
		}
		ks.cap = 64;
		while (ks.cap < npages * (SG_TOP_ZONE + SG_BOTTOM_ZONE) * 2)
			ks.cap *= 2;
		ks.tab = xcalloc(ks.cap, sizeof(*ks.tab));
		ks.thr = npages <= 4 ? 2 : 3;
		if (ks.thr < npages / 4)
			ks.thr = (uint32_t)(npages / 4);
		for (size_t p = 0; p < npages; p++) {
			if (pfirst[p] == SG_NONE)
				continue;
			int seen = 0;
			for (size_t i = pfirst[p]; i <= plast[p] && seen < SG_TOP_ZONE; i++)
				if (!(ln[i].flags & LF_BLANK)) {
					seen++;
					sg_count_key(g, &ks, i, (uint32_t)p);
				}
			seen = 0;
			for (size_t i = plast[p] + 1; i-- > pfirst[p] && seen < SG_BOTTOM_ZONE;)
				if (!(ln[i].flags & LF_BLANK)) {
					seen++;
					sg_count_key(g, &ks, i, (uint32_t)p);
				}
		}
		for (size_t p = 0; p < npages; p++) {
			if (pfirst[p] == SG_NONE)
				continue;
			if (sg_drop_edge(g, &ks, pfirst[p], plast[p], 0,
					 SG_TOP_ZONE) == SG_NONE)
				continue;
			size_t kept = sg_drop_edge(g, &ks, pfirst[p], plast[p], 1,
						   SG_BOTTOM_ZONE);
			if (kept != SG_NONE)
				sg_mark_footnote(g, pfirst[p], kept);
		}
		for (size_t i = 0; i < ks.cap; i++)
			free(ks.tab[i].key);
		free(ks.tab);
		free(pfirst);
		free(plast);
	}
	/* a bare number alone between blank lines */
	for (size_t i = 0; i < g->nln; i++) {
		sg_line *L = &ln[i];
		if (L->flags & (LF_BLANK | LF_DROP))
			continue;
		if (!sg_is_pagenum(g->s, L->cs, L->ce))
			continue;
		size_t a = i, b = i;
		while (a > 0 && (ln[a - 1].flags & LF_DROP))
			a--;
		while (b + 1 < g->nln && (ln[b + 1].flags & LF_DROP))
			b++;
		int before = a == 0 || (ln[a - 1].flags & LF_BLANK) ||
			     ln[a - 1].page != L->page;
		int after = b + 1 >= g->nln || (ln[b + 1].flags & LF_BLANK) ||
			    ln[b + 1].page != L->page;
		/* in PDF text any bare number is a page number or footnote mark */
		if ((before && after) || g->pdfish)
			L->flags |= LF_DROP;
	}
}

/* The typical length of a full line: 80th percentile of lines >= 40 chars. */
static void sg_width(sg *g)
{
	enum { MAXW = 2048 };
	uint32_t *hist = xcalloc(MAXW, sizeof(uint32_t));
	size_t n = 0;
	for (size_t i = 0; i < g->nln; i++) {
		const sg_line *L = &g->ln[i];
		if ((L->flags & (LF_BLANK | LF_DROP)) || L->nch < 40)
			continue;
		hist[L->nch < MAXW ? L->nch : MAXW - 1]++;
		n++;
	}
	g->width = 80;
	if (n) {
		size_t want = (n * 8 + 9) / 10, acc = 0;
		for (uint32_t w = 0; w < MAXW; w++) {
			acc += hist[w];
			if (acc >= want) {
				g->width = w;
				break;
			}
		}
	}
	free(hist);
}

/* --- hyphenation -------------------------------------------------------- */

static uint64_t sg_hash(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)sg_lc(p[i])) * 1099511628211ULL;
	return h | 1;
}

static size_t sg_vocab_slot(const sg_vocab *v, const char *w, size_t n,
			    uint64_t h)
{
	size_t i = (size_t)h & (v->cap - 1);
	while (v->hash[i]) {
		if (v->hash[i] == h && v->len[i] == n) {
			const char *k = v->words.buf + v->off[i];
			size_t j = 0;
			while (j < n && k[j] == sg_lc(w[j]))
				j++;
			if (j == n)
				return i;
		}
		i = (i + 1) & (v->cap - 1);
	}
	return i;
}

static void sg_vocab_add(sg_vocab *v, const char *w, size_t n)
{
	if (n == 0 || n > 60)
		return;
	if ((v->n + 1) * 2 > v->cap) {
		sg_vocab old = *v;
		v->cap = old.cap ? old.cap * 2 : 1024;
		v->hash = xcalloc(v->cap, sizeof(*v->hash));
		v->off = xcalloc(v->cap, sizeof(*v->off));
		v->cnt = xcalloc(v->cap, sizeof(*v->cnt));
		v->len = xcalloc(v->cap, sizeof(*v->len));
		for (size_t i = 0; i < old.cap; i++) {
			if (!old.hash[i])
				continue;
			size_t j = (size_t)old.hash[i] & (v->cap - 1);
			while (v->hash[j])
				j = (j + 1) & (v->cap - 1);
			v->hash[j] = old.hash[i];
			v->off[j] = old.off[i];
			v->cnt[j] = old.cnt[i];
			v->len[j] = old.len[i];
		}
		free(old.hash);
		free(old.off);
		free(old.cnt);
		free(old.len);
	}
	uint64_t h = sg_hash(w, n);
	size_t i = sg_vocab_slot(v, w, n, h);
	if (v->hash[i]) {
		v->cnt[i]++;
		return;
	}
	v->hash[i] = h;
	v->off[i] = (uint32_t)v->words.len;
	v->len[i] = (uint16_t)n;
	v->cnt[i] = 1;
	for (size_t j = 0; j < n; j++)
		tt_buf_addch(&v->words, sg_lc(w[j]));
	v->n++;
}

static uint32_t sg_vocab_count(const sg_vocab *v, const char *w, size_t n)
{
	if (!v->cap || n == 0 || n > 60)
		return 0;
	size_t i = sg_vocab_slot(v, w, n, sg_hash(w, n));
	return v->hash[i] ? v->cnt[i] : 0;
}

/*
 * The document's words: runs of ASCII letters with single inner hyphens,
 * each counted whole ("step-father") and by parts ("step", "father").
 * A hyphen at a line end does not join, so split words do not count.
 */
static void sg_vocab_build(sg *g)
{
	const char *s = g->s;
	size_t i = 0, n = g->n;
	tt_buf_init(&g->vocab.words);
	g->have_vocab = 1;
	while (i < n) {
		if (!sg_is_alpha_ascii(s[i])) {
			i++;
			continue;
		}
		size_t a = i, part = i;
		for (;;) {
			while (i < n && sg_is_alpha_ascii(s[i]))
				i++;
			if (i + 1 < n && s[i] == '-' && sg_is_alpha_ascii(s[i + 1])) {
				sg_vocab_add(&g->vocab, s + part, i - part);
				i++;
				part = i;
				continue;
			}
			break;
		}
		if (part != a)
			sg_vocab_add(&g->vocab, s + part, i - part);
		sg_vocab_add(&g->vocab, s + a, i - a);
		/* letters glued to digits or apostrophes end the word here */
		while (i < n && (sg_is_alpha_ascii(s[i]) || sg_is_digit(s[i])))
			i++;
	}
}

static void sg_vocab_release(sg_vocab *v)
{
	free(v->hash);
	free(v->off);
	free(v->cnt);
	free(v->len);
	tt_buf_release(&v->words);
	memset(v, 0, sizeof(*v));
}

/* First parts that usually keep their hyphen ("well-being", "multi-agency"). */
static const char *const sg_prefixes[] = {
	"self", "well", "multi", "non", "co", "step", "cross", "long", "short",
	"half", "ex", "pre", "post", "anti", "sub", "inter", "intra", "semi",
	"over", "under", "out", "up", "mid", "bi", "tri", "de", "all", "high",
	"low", "full", "part", "day", "year", "front", "child", "decision",
	"face", "follow", "grand", "great", "large", "small", "one", "two",
	"three", "four", "five", "six", "first", "second", "third", "cost",
	"joined", "time", "age", "life", "good", "best", "ill", "far",
};

/* Second parts that usually follow a hyphen ("strengths-based"). */
static const char *const sg_suffixes[] = {
	"based", "led", "making", "focused", "focussed", "centred", "centered",
	"related", "term", "time", "up", "in", "on", "out", "off", "agency",
	"level", "wide", "year", "years", "old", "specific", "friendly",
	"quality", "known", "free", "owned", "run", "going", "minded", "ups",
	"being", "informed", "aware", "sensitive", "funded", "way",
};

/*
 * End-of-line hyphenation: first part s[a..b) (before the '-'), second
 * part s[c..e). Returns 1 to join the parts ("safe-guarding" ->
 * "safeguarding"), 0 to keep the hyphen. The document's own spelling wins
 * (the more frequent of "xy" and "x-y" elsewhere); failing that, join
 * unless the first part is a common prefix or the second a common
 * compound tail, or either part is not all lower case (a capital is
 * allowed at the start of the first).
 */
static int sg_hyphen_join(sg *g, size_t a, size_t b, size_t c, size_t e)
{
	const char *s = g->s;
	char buf[128];
	size_t n1 = b - a, n2 = e - c;
	if (n1 == 0 || n2 == 0 || n1 + n2 + 1 >= sizeof(buf))
		return 0;
	if (!g->have_vocab)
		sg_vocab_build(g);
	memcpy(buf, s + a, n1);
	memcpy(buf + n1, s + c, n2);
	uint32_t cj = sg_vocab_count(&g->vocab, buf, n1 + n2);
	buf[n1] = '-';
	memcpy(buf + n1 + 1, s + c, n2);
	uint32_t ch = sg_vocab_count(&g->vocab, buf, n1 + n2 + 1);
	if (cj > ch)
		return 1;
	if (ch > cj)
		return 0;
	for (size_t i = a + 1; i < b; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z'))
			return 0;
	for (size_t i = c; i < e; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z'))
			return 0;
	if (sg_word_in(s + a, n1, sg_prefixes, TT_ARRAY_LEN(sg_prefixes)))
		return 0;
	if (sg_word_in(s + c, n2, sg_suffixes, TT_ARRAY_LEN(sg_suffixes)))
		return 0;
	return 1;
}

/*
 * Joins line L to the display text whose last line was P: one space,
 * or, when P ends in a hyphen after a letter or digit, nothing (the
 * hyphen kept) or the hyphen removed (sg_hyphen_join). `first` is where
 * L's text starts.
 */
static void sg_join(sg *g, sg_text *x, const sg_line *P, size_t first)
{
	const char *s = g->s;
	size_t pe = P->ce;
	if (pe >= P->cs + 2 && s[pe - 1] == '-' && tx_last(x) == '-' &&
	    x->pend == SG_NONE && !sg_is_ascii_space(s[pe - 2])) {
		size_t a = pe - 1;
		while (a > P->cs && sg_is_alpha_ascii(s[a - 1]))
			a--;
		size_t c = first, e = first;
		while (e < g->n && sg_is_alpha_ascii(s[e]))
			e++;
		int word_before = a < pe - 1 &&
				  (a == P->cs || !(sg_is_digit(s[a - 1]) ||
						   s[a - 1] == '-'));
		if (word_before && e > c && s[c] >= 'a' && s[c] <= 'z' &&
		    sg_hyphen_join(g, a, pe - 1, c, e))
			tx_pop(x);
		return;
	}
	tx_space(x, pe);
}

/* --- blocks ------------------------------------------------------------- */

static int sg_line_lower_start(const sg *g, const sg_line *L)
{
	uint32_t cp;
	sg_decode(g->s + L->cs, g->s + L->ce, &cp);
	return sg_is_lower(cp);
}

static int sg_sentence_final(char c)
{
	return c == '.' || c == '?' || c == '!';
}

/* The last byte of a line's content, skipping closing quotes and brackets. */
static char sg_line_final(const sg *g, const sg_line *L)
{
	size_t e = L->ce;
	/* "... in this group. (Recommendation)": a bracket after a full stop */
	if (e > L->cs && g->s[e - 1] == ')') {
		size_t o = e - 1;
		while (o > L->cs && g->s[o] != '(' && e - o < 40)
			o--;
		if (g->s[o] == '(') {
			while (o > L->cs && g->s[o - 1] == ' ')
				o--;
			if (o > L->cs && sg_sentence_final(g->s[o - 1]))
				return g->s[o - 1];
		}
	}
	while (e > L->cs) {
		unsigned char c = (unsigned char)g->s[e - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*') {
			e--;
			continue;
		}
		if (e >= L->cs + 3 && c >= 0x80) {
			uint32_t cp;
			sg_decode(g->s + e - 3, g->s + e, &cp);
			if (cp == 0x2019 || cp == 0x201D) {
				e -= 3;
				continue;
			}
		}
		return (char)c;
	}
	return '\0';
}

static int sg_in_set_c(char c, const char *set)
{
	return c != '\0' && strchr(set, c) != NULL;
}

/* Code points in the first word of a line. */
static uint32_t sg_first_word(const sg *g, const sg_line *L)
{
	uint32_t n = 0;
	size_t p = L->cs;
	while (p < L->ce && !sg_is_ascii_space(g->s[p])) {
		uint32_t cp;
		p += sg_decode(g->s + p, g->s + L->ce, &cp);
		n++;
	}
	return n;
}

static int sg_is_rule(const sg *g, const sg_line *L)
{
	char c = g->s[L->cs];
	int n = 0;
	if (c != '-' && c != '*' && c != '_' && c != '=')
		return 0;
	for (size_t i = L->cs; i < L->ce; i++) {
		if (g->s[i] == c)
			n++;
		else if (g->s[i] != ' ' && g->s[i] != '\t')
			return 0;
	}
	return n >= 3;
}

/* "# Title": returns the level and sets *body, *hend; 0 if not a heading. */
static int sg_atx(const sg *g, const sg_line *L, size_t *body, size_t *hend)
{
	const char *s = g->s;
	size_t p = L->cs;
	int level = 0;
	while (p < L->ce && s[p] == '#' && level < 7) {
		p++;
		level++;
	}
	if (level == 0 || level > 6 || (p < L->ce && s[p] != ' ' && s[p] != '\t'))
		return 0;
	while (p < L->ce && (s[p] == ' ' || s[p] == '\t'))
		p++;
	size_t e = L->ce;
	size_t q = e;
	while (q > p && s[q - 1] == '#')
		q--;
	if (q < e && (q == p || s[q - 1] == ' ' || s[q - 1] == '\t')) {
		e = q;
		while (e > p && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
	}
	*body = p;
	*hend = e;
	return level;
}

/* A line that is all bold: **...** or __...__ with nothing outside. */
static int sg_bold_line(const sg *g, const sg_line *L)
{
	const char *s = g->s;
	size_t a = L->cs, b = L->ce;
	if (b - a < 5)
		return 0;
	char c = s[a];
	if ((c != '*' && c != '_') || s[a + 1] != c || s[b - 1] != c ||
	    s[b - 2] != c)
		return 0;
	for (size_t i = a + 2; i + 1 < b - 2; i++)
		if (s[i] == c && s[i + 1] == c)
			return 0;
	return s[a + 2] != ' ' && s[a + 2] != c;
}

/*
 * Non-empty tab-separated cells in a line (0 without tabs). A single tab
 * right after a list marker ("-\tText", "1.\tText") makes no table.
 */
static int sg_tab_cells(const sg *g, const sg_line *L)
{
	const char *s = g->s;
	int cells = 0, tabs = 0, inside = 0;
	size_t first_tab = SG_NONE;
	for (size_t i = L->cs; i < L->end; i++) {
		if (s[i] == '\t') {
			if (first_tab == SG_NONE)
				first_tab = i;
			tabs++;
			inside = 0;
		} else if (!sg_is_ascii_space(s[i]) && !inside) {
			inside = 1;
			cells++;
		}
	}
	if (tabs == 1 && cells == 2) {
		const char *c = s + L->cs;
		size_t m = first_tab - L->cs, i = 0;
		if (m == 1 && (c[0] == '-' || c[0] == '*' || c[0] == '+'))
			return 0;
		while (i < m && sg_is_digit(c[i]))
			i++;
		if (i > 0 && i + 1 == m && (c[i] == '.' || c[i] == ')'))
			return 0;
	}
	return tabs ? cells : 0;
}

/* 1: a pipe table row, 2: its |---|:--| separator, 0: neither. */
static int sg_pipe_row(const sg *g, const sg_line *L)
{
	const char *s = g->s;
	if (s[L->cs] != '|' || L->ce - L->cs < 2)
		return 0;
	int dashes = 0, other = 0, pipes = 0;
	for (size_t i = L->cs; i < L->ce; i++) {
		char c = s[i];
		if (c == '|')
			pipes++;
		else if (c == '-')
			dashes++;
		else if (c != ':' && c != ' ' && c != '\t')
			other++;
	}
	if (pipes < 2)
		return 0;
	return (dashes && !other) ? 2 : 1;
}

/* "12." alone on a line: returns 12, else 0. */
static int sg_lone_number(const sg *g, const sg_line *L)
{
	const char *s = g->s;
	size_t n = L->ce - L->cs;
	if (n < 2 || n > 4 || s[L->ce - 1] != '.')
		return 0;
	int v = 0;
	for (size_t i = L->cs; i + 1 < L->ce; i++) {
		if (!sg_is_digit(s[i]))
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

typedef struct sg_mark {
	int cls;      /* MC_* */
	size_t body;  /* where the item's text starts */
	int num;      /* value of a leading number, -1 if none */
	int numdepth; /* 1 for "3.", 2 for "3.1" */
	int ambig;    /* needs context: could be a wrapped line */
	int two;      /* a second marker followed the first ("- 1.") */
} sg_mark;

static int sg_bullet_class(uint32_t cp)
{
	switch (cp) {
	case 0x2022: case 0x25CF: case 0x25CB: case 0x25E6: case 0xF0B7:
	case 0xB7:
		return MC_ROUND;
	case 0x25FC: case 0x25AA: case 0x25A0: case 0x25A1: case 0x25FE:
	case 0xF06E: case 0xF0A7: case 0xF0A8: case 0x25AB:
		return MC_SQUARE;
	case 0x2713: case 0x2714: case 0x2717: case 0x2718: case 0xF0FC:
		return MC_CHECK;
	case 0x25BA: case 0x25B6: case 0x27A2: case 0x27A4: case 0x2756:
	case 0x2192: case 0x2023: case 0x2043: case 0xF0D8: case 0xF0E0:
		return MC_ARROW;
	case 0x2013: case 0x2014: case 0x2212: case 0x2500: case 0x2015:
	case 0x0336: case 0xF02D:
		return MC_DASH2;
	}
	if (cp >= 0xF000 && cp <= 0xF0FF)
		return MC_PUA;
	return 0;
}

static int sg_roman(const char *s, size_t a, size_t b)
{
	static const char *const r[] = {
		"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
		"xi", "xii",
	};
	return sg_word_in(s + a, b - a, r, TT_ARRAY_LEN(r));
}

/*
 * An ordered marker at p: "12." "3)" "3.1" "1.1." "a)" "(b)" "(iv)" "iv)"
 * "a." - each followed by white space. Sets *end after it.
 */
static int sg_ordinal(const char *s, size_t p, size_t e, size_t *end,
		      int *num, int *depth, int *cls)
{
	size_t q = p;
	if (q < e && sg_is_digit(s[q])) {
		int v = 0, dg = 0, dp = 1;
		while (q < e && sg_is_digit(s[q]) && dg < 4) {
			v = v * 10 + (s[q] - '0');
			q++;
			dg++;
		}
		if (dg > 3 || q >= e)
			return 0;
		if (s[q] == ')') {
			q++;
		} else if (s[q] == '.') {
			q++;
			while (q + 1 < e && sg_is_digit(s[q]) && dp < 4) {
				size_t r = q;
				while (r < e && sg_is_digit(s[r]) && r - q < 3)
					r++;
				dp++;
				q = r;
				if (q < e && s[q] == '.')
					q++;
				else
					break;
			}
		} else {
			return 0;
		}
		if (q >= e || (s[q] != ' ' && s[q] != '\t'))
			return 0;
		*end = q;
		*num = v;
		*depth = dp;
		*cls = dp > 1 ? MC_NUMDOT : MC_NUM;
		return 1;
	}
	if (q < e && s[q] == '(') {
		size_t r = q + 1;
		while (r < e && s[r] >= 'a' && s[r] <= 'z' && r - q <= 5)
			r++;
		if (r < e && s[r] == ')' && r > q + 1 &&
		    (r == q + 2 || sg_roman(s, q + 1, r)) && r + 1 < e &&
		    (s[r + 1] == ' ' || s[r + 1] == '\t')) {
			*end = r + 1;
			*num = -1;
			*depth = 1;
			*cls = r == q + 2 ? MC_ALPHA : MC_ROMAN;
			return 1;
		}
		return 0;
	}
	if (q < e && s[q] >= 'a' && s[q] <= 'z') {
		size_t r = q;
		while (r < e && s[r] >= 'a' && s[r] <= 'z' && r - q <= 4)
			r++;
		if (r >= e || (s[r] != ')' && s[r] != '.'))
			return 0;
		if (r != q + 1 && !sg_roman(s, q, r))
			return 0;
		if (r + 1 >= e || (s[r + 1] != ' ' && s[r + 1] != '\t'))
			return 0;
		if (s[r] == '.') {
			/* "a. Text" only before a capital */
			size_t t = r + 1;
			while (t < e && (s[t] == ' ' || s[t] == '\t'))
				t++;
			if (t >= e || !(s[t] >= 'A' && s[t] <= 'Z'))
				return 0;
		}
		*end = r + 1;
		*num = -1;
		*depth = 1;
		*cls = r == q + 1 ? MC_ALPHA : MC_ROMAN;
		return 1;
	}
	return 0;
}

static size_t sg_skip_blanks(const char *s, size_t p, size_t e)
{
	while (p < e && (s[p] == ' ' || s[p] == '\t'))
		p++;
	return p;
}

/* A list marker at the start of line L (with a non-empty text after it). */
static int sg_marker(const sg *g, const sg_line *L, sg_mark *m)
{
	const char *s = g->s;
	size_t p = L->cs, e = L->ce, q;
	uint32_t cp;
	size_t cl = sg_decode(s + p, s + e, &cp);
	memset(m, 0, sizeof(*m));
	m->num = -1;
	int cls = 0;
	if ((cp == '-' || cp == '*' || cp == '+') && p + 1 < e &&
	    (s[p + 1] == ' ' || s[p + 1] == '\t')) {
		cls = cp == '-' ? MC_DASH : cp == '*' ? MC_STAR : MC_PLUS;
		m->ambig = cp == '-' && g->pdfish;
		q = p + 1;
	} else if ((cls = sg_bullet_class(cp)) != 0 && p + cl < e &&
		   sg_ws(s + p + cl, s + e)) {
		m->ambig = cls == MC_DASH2 || cp == 0xB7;
		q = p + cl;
	} else if (cp == 'o' && p + 2 < e && (s[p + 1] == ' ' || s[p + 1] == '\t') &&
		   sg_is_alpha_ascii(s[sg_skip_blanks(s, p + 1, e)])) {
		cls = MC_O;
		m->ambig = 1;
		q = p + 1;
	} else {
		int num, depth, ocls;
		if (!sg_ordinal(s, p, e, &q, &num, &depth, &ocls))
			return 0;
		cls = ocls;
		m->num = num;
		m->numdepth = depth;
		m->ambig = g->pdfish || ocls == MC_ALPHA || ocls == MC_ROMAN;
		size_t t = sg_skip_blanks(s, q, e);
		uint32_t nx;
		if (t < e) {
			sg_decode(s + t, s + e, &nx);
			if (sg_is_lower(nx) && (depth > 1 || g->pdfish))
				return 0; /* "1.5 million", a wrapped "12. and" */
		}
	}
	m->cls = cls;
	/* skip white space (ASCII or Unicode) after the marker */
	while (q < e) {
		size_t w = sg_ws(s + q, s + e);
		if (!w)
			break;
		q += w;
	}
	if (q >= e)
		return 0;
	/* a second marker: "- 1. Text", "- ✓ Text" */
	if (cls < MC_NUM) {
		size_t r;
		int num, depth, ocls;
		uint32_t c2;
		size_t l2 = sg_decode(s + q, s + e, &c2);
		if (sg_ordinal(s, q, e, &r, &num, &depth, &ocls) &&
		    (ocls == MC_NUM || ocls == MC_NUMDOT)) {
			m->two = 1;
			m->num = num;
			m->numdepth = depth;
			q = sg_skip_blanks(s, r, e);
		} else if (sg_bullet_class(c2) == MC_CHECK && q + l2 < e &&
			   sg_ws(s + q + l2, s + e)) {
			m->two = 1;
			q = sg_skip_blanks(s, q + l2, e);
		}
	}
	if (q >= e)
		return 0;
	m->body = q;
	return 1;
}

static sg_block *sg_new_block(sg *g, sg_kind kind, size_t li, int blank_before)
{
	TT_GROW(g->bk, g->nbk + 1, g->bk_alloc);
	sg_block *b = &g->bk[g->nbk++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->l0 = b->l1 = (uint32_t)li;
	b->body = g->ln[li].cs;
	b->blank_before = blank_before;
	return b;
}

static const char *const sg_joiners[] = {
	"and", "or", "of", "the", "to", "for", "with", "in", "on", "at", "by",
	"a", "an", "from", "that", "which", "is", "are", "was", "were", "be",
	"their", "its", "but", "nor", "than", "into", "&",
};

/* Does the line end in a word that cannot end a sentence ("and", "of")? */
static int sg_line_ends_function_word(const sg *g, const sg_line *L)
{
	size_t e = L->ce, a = e;
	while (a > L->cs && !sg_is_ascii_space(g->s[a - 1]))
		a--;
	return sg_word_in(g->s + a, e - a, sg_joiners, TT_ARRAY_LEN(sg_joiners));
}

/*
 * Is L a short unpunctuated capitalised line that ends where it does by
 * choice, before a blank (N NULL) or a capitalised line: a heading?
 */
static int sg_standalone(const sg *g, const sg_line *L, const sg_line *N)
{
	char fin = sg_line_final(g, L);
	uint32_t cp;
	if (sg_in_set_c(fin, ".,;:!?") || L->nch * 10 >= g->width * 6 ||
	    sg_line_ends_function_word(g, L))
		return 0;
	sg_decode(g->s + L->cs, g->s + L->ce, &cp);
	if (!sg_is_upper(cp))
		return 0;
	if (!N)
		return 1;
	sg_decode(g->s + N->cs, g->s + N->ce, &cp);
	if (sg_is_lower(cp))
		return 0;
	return (L->nch + 1 + sg_first_word(g, N)) * 100 < g->width * 85;
}

/*
 * May line li continue block b, whose last line is P? (The rules are at
 * the top of the file.)
 */
static int sg_continues(const sg *g, const sg_block *b, const sg_line *P,
			const sg_line *L, const sg_line *N, int saw_blank)
{
	if (b->kind != BK_PARA && b->kind != BK_ITEM)
		return 0;
	if (b->bold)
		return 0;
	int lower = sg_line_lower_start(g, L);
	char fin = sg_line_final(g, P);
	int hyph = P->ce - P->cs >= 2 && g->s[P->ce - 1] == '-' &&
		   !sg_is_ascii_space(g->s[P->ce - 2]);
	if (saw_blank)
		return lower && !sg_sentence_final(fin) && fin != ':';
	uint32_t fit = P->nch + 1 + sg_first_word(g, L);
	if (lower || hyph)
		return 1;
	if (P->flags & LF_HARDBR)
		return 1;
	if (fin == ',' || sg_line_ends_function_word(g, P))
		return 1;
	/* a short capitalised line standing alone is a heading (one word
	 * only after a finished sentence: "Board" may end a wrapped title) */
	if (sg_standalone(g, L, N) &&
	    (sg_sentence_final(fin) || fin == ':' || sg_first_word(g, L) < L->nch))
		return 0;
	if (P->page != L->page) {
		/* across a page break the sentence goes on unless it ended */
		if (sg_sentence_final(fin) || fin == ':')
			return 0;
		return fit * 100 >= g->width * 85;
	}
	if (fin == ':')
		return 0;
	if (sg_sentence_final(fin))
		return fit * 100 > g->width * 92;
	return fit * 100 >= g->width * 85;
}

/* Could an ambiguous marker start an item here, given the line before? */
static int sg_marker_context(const sg *g, int cur, const sg_line *P,
			     const sg_line *L, int saw_blank)
{
	if (cur < 0 || saw_blank || !P)
		return 1;
	if (g->bk[cur].kind == BK_ITEM)
		return 1;
	if (g->bk[cur].kind != BK_PARA)
		return 1;
	char fin = sg_line_final(g, P);
	if (sg_sentence_final(fin) || fin == ':' || fin == ';')
		return 1;
	if (P->page != L->page)
		return 1;
	return (P->nch + 1 + sg_first_word(g, L)) * 100 < g->width * 85;
}

/*
 * A block about to be closed by a list item or numbered paragraph on the
 * next line: if its last line is short, unpunctuated and capitalised and
 * the line before it ended a sentence, that last line is a heading of its
 * own ("...placement.\nChildren looked after in this area\n◼ At 31...").
 */
static void sg_split_tail(sg *g, int cur)
{
	if (cur < 0 || (size_t)cur + 1 != g->nbk)
		return;
	sg_block *b = &g->bk[cur];
	if ((b->kind != BK_PARA && b->kind != BK_ITEM) || b->l1 == b->l0 || b->bold)
		return;
	const sg_line *L = &g->ln[b->l1];
	size_t pi = b->l1;
	do {
		if (pi == b->l0)
			return;
		pi--;
	} while (g->ln[pi].flags & (LF_DROP | LF_BLANK | LF_NOTE));
	const sg_line *P = &g->ln[pi];
	if (!sg_sentence_final(sg_line_final(g, P)))
		return;
	char fin = sg_line_final(g, L);
	uint32_t cp;
	sg_decode(g->s + L->cs, g->s + L->ce, &cp);
	if (fin == '.' || fin == ',' || fin == ';' || fin == '!' || fin == '?' ||
	    !sg_is_upper(cp) || L->nch * 10 >= g->width * 7)
		return;
	uint32_t li = b->l1;
	b->l1 = (uint32_t)pi;
	sg_new_block(g, BK_PARA, li, 0);
}

/* The open levels of the current list: indentation and marker class. */
typedef struct sg_list {
	int ind[16], cls[16];
	int n;
} sg_list;

/*
 * Nesting depth of a new item: deeper when more indented; at equal
 * indentation, a marker class seen before on the stack returns to that
 * level, and a new class right after an item ending in ':' nests (PDF
 * text loses indentation: "◼ ... include:" then "– ...").
 */
static int sg_list_depth(const sg *g, sg_list *ls, int ind, int cls, int last)
{
	while (ls->n > 0 && ls->ind[ls->n - 1] > ind)
		ls->n--;
	if (ls->n > 0 && ls->ind[ls->n - 1] == ind) {
		if (ls->cls[ls->n - 1] == cls)
			return ls->n - 1;
		for (int k = ls->n - 2; k >= 0 && ls->ind[k] == ind; k--)
			if (ls->cls[k] == cls) {
				ls->n = k + 1;
				return k;
			}
		int colon = last >= 0 && g->bk[last].kind == BK_ITEM &&
			    g->s[g->ln[g->bk[last].l1].ce - 1] == ':';
		if (!colon || ls->n >= 16) {
			ls->cls[ls->n - 1] = cls;
			return ls->n - 1;
		}
	}
	if (ls->n >= 16)
		return ls->n - 1;
	ls->ind[ls->n] = ind;
	ls->cls[ls->n] = cls;
	return ls->n++;
}

/* A line holding nothing but a bullet: its class, else 0. */
static int sg_lone_bullet(const sg *g, const sg_line *L)
{
	uint32_t cp;
	size_t l = sg_decode(g->s + L->cs, g->s + L->ce, &cp);
	if (L->cs + l != L->ce)
		return 0;
	if (cp == '-' || cp == '*')
		return MC_DASH;
	return sg_bullet_class(cp);
}

/* Builds the blocks from the visible lines. */
static void sg_assemble(sg *g)
{
	int cur = -1;          /* block that may take continuation lines */
	int last = -1;         /* last block made */
	int saw_blank = 1;     /* blank line since the last content line */
	size_t prev = SG_NONE; /* last content line */
	int paranum = 0;       /* pending number from a "12." line */
	int bullet = 0;        /* pending marker class from a lone bullet line */
	int bullet_ind = 0;
	int last_paranum = 0;
	sg_list ls;
	ls.n = 0;

	for (size_t li = 0; li < g->nln; li++) {
		sg_line *L = &g->ln[li];
		const sg_line *P = prev != SG_NONE ? &g->ln[prev] : NULL;
		sg_block *b;
		if (L->flags & (LF_DROP | LF_NOTE))
			continue;
		if (L->flags & LF_BLANK) {
			saw_blank = 1;
			continue;
		}
		if (sg_is_rule(g, L)) {
			cur = -1;
			saw_blank = 1;
			ls.n = 0;
			continue;
		}
		size_t body, hend;
		int level = sg_atx(g, L, &body, &hend);
		if (level) {
			int blank_before = saw_blank;
			paranum = bullet = 0;
			ls.n = 0;
			cur = -1;
			prev = li;
			saw_blank = 0;
			if (hend <= body)
				continue; /* an empty heading */
			b = sg_new_block(g, BK_HEAD, li, blank_before);
			b->style = HS_ATX;
			b->level = level;
			b->body = body;
			b->hend = hend;
			last = (int)(b - g->bk);
			continue;
		}
		int pipe = sg_pipe_row(g, L);
		int tabs = pipe ? 0 : sg_tab_cells(g, L);
		if (pipe || tabs >= 2 ||
		    (tabs == 1 && last >= 0 && !saw_blank &&
		     g->bk[last].kind == BK_ROW && g->bk[last].cells == 1)) {
			paranum = bullet = 0;
			ls.n = 0;
			cur = -1;
			prev = li;
			if (pipe == 2) {
				saw_blank = 0;
				continue;
			}
			b = sg_new_block(g, BK_ROW, li, saw_blank);
			b->cells = pipe ? 2 : 1;
			last = (int)(b - g->bk);
			saw_blank = 0;
			continue;
		}
		if (sg_bold_line(g, L)) {
			ls.n = 0;
			cur = -1;
			prev = li;
			b = sg_new_block(g, BK_PARA, li, saw_blank);
			b->bold = 1;
			paranum = bullet = 0;
			last = (int)(b - g->bk);
			saw_blank = 0;
			continue;
		}
		int lone = sg_lone_number(g, L);
		if (lone && (lone == last_paranum + 1 ||
			     sg_marker_context(g, cur, P, L, saw_blank))) {
			if (!saw_blank)
				sg_split_tail(g, cur);
			paranum = lone;
			last_paranum = lone;
			bullet = 0;
			cur = -1;
			ls.n = 0;
			prev = li;
			saw_blank = 1; /* the number stands for a paragraph start */
			continue;
		}
		int lb = sg_lone_bullet(g, L);
		if (lb) {
			if (!saw_blank)
				sg_split_tail(g, cur);
			bullet = lb;
			bullet_ind = L->indent;
			paranum = 0;
			cur = -1;
			prev = li;
			saw_blank = 1;
			continue;
		}
		sg_mark m;
		int is_item = 0;
		if (bullet) {
			memset(&m, 0, sizeof(m));
			m.cls = bullet;
			m.body = L->cs;
			m.num = -1;
			is_item = 1;
		} else if (sg_marker(g, L, &m) &&
			   (!m.ambig || sg_marker_context(g, cur, P, L, saw_blank) ||
			    (m.cls == MC_NUM && m.num == last_paranum + 1))) {
			is_item = 1;
			if (!saw_blank)
				sg_split_tail(g, cur);
		}
		if (is_item) {
			if (g->pdfish && m.cls == MC_NUM && !m.two) {
				/* a numbered paragraph of a PDF report */
				b = sg_new_block(g, BK_PARA, li, saw_blank);
				b->body = m.body;
				b->numbered = 1;
				b->numdepth = 1;
				last_paranum = m.num;
				ls.n = 0;
			} else {
				int ind = bullet ? bullet_ind : L->indent;
				int depth = sg_list_depth(g, &ls, ind, m.cls, last);
				b = sg_new_block(g, BK_ITEM, li, saw_blank);
				b->body = m.body;
				b->depth = depth;
				b->indent = ind;
				b->mclass = m.cls;
				b->numbered = (m.cls == MC_NUM || m.cls == MC_NUMDOT) &&
					      !m.two;
				b->numdepth = m.numdepth;
			}
			paranum = bullet = 0;
			cur = last = (int)(b - g->bk);
			prev = li;
			saw_blank = 0;
			continue;
		}
		/* plain text */
		const sg_line *N = NULL;
		for (size_t k = li + 1; k < g->nln; k++) {
			if (g->ln[k].flags & (LF_DROP | LF_NOTE))
				continue;
			if (!(g->ln[k].flags & LF_BLANK))
				N = &g->ln[k];
			break;
		}
		if (!paranum && cur >= 0 && P &&
		    sg_continues(g, &g->bk[cur], P, L, N, saw_blank)) {
			g->bk[cur].l1 = (uint32_t)li;
		} else {
			b = sg_new_block(g, BK_PARA, li, saw_blank);
			if (paranum) {
				b->numbered = 1;
				b->numdepth = 1;
				paranum = 0;
			} else {
				ls.n = 0;
			}
			cur = last = (int)(b - g->bk);
		}
		prev = li;
		saw_blank = 0;
	}
}

/*
 * Makes a paragraph of each run of LF_NOTE lines and puts it after the
 * block that runs across it (or before the next block that starts after
 * it): footnotes are read after the paragraph they interrupt.
 */
static void sg_place_notes(sg *g)
{
	sg_block *nb = NULL;
	size_t nn = 0, nalloc = 0;
	for (size_t i = 0; i < g->nln; i++) {
		if (!(g->ln[i].flags & LF_NOTE))
			continue;
		size_t j = i;
		while (j + 1 < g->nln && ((g->ln[j + 1].flags & LF_NOTE) ||
					  (g->ln[j + 1].flags & LF_BLANK)))
			j++;
		while (!(g->ln[j].flags & LF_NOTE))
			j--;
		TT_GROW(nb, nn + 1, nalloc);
		memset(&nb[nn], 0, sizeof(nb[nn]));
		nb[nn].kind = BK_PARA;
		nb[nn].note = 1;
		nb[nn].blank_before = 1;
		nb[nn].l0 = (uint32_t)i;
		nb[nn].l1 = (uint32_t)j;
		nb[nn].body = g->ln[i].cs;
		nn++;
		i = j;
	}
	if (!nn)
		return;
	sg_block *all = xmalloc((g->nbk + nn) * sizeof(*all));
	size_t k = 0, a = 0;
	for (size_t i = 0; i < g->nbk; i++) {
		while (a < nn && nb[a].l0 < g->bk[i].l0)
			all[k++] = nb[a++];
		all[k++] = g->bk[i];
		/* the block runs across the note: the note follows it */
		while (a < nn && nb[a].l0 < g->bk[i].l1 && nb[a].l0 > g->bk[i].l0 &&
		       (i + 1 >= g->nbk || nb[a].l0 < g->bk[i + 1].l0))
			all[k++] = nb[a++];
	}
	while (a < nn)
		all[k++] = nb[a++];
	free(g->bk);
	free(nb);
	g->bk = all;
	g->nbk = k;
	g->bk_alloc = k;
}

/* Builds b's display text (see the top for the rules). */
static void sg_block_text(sg *g, sg_block *b)
{
	sg_text x;
	const sg_line *P = NULL;
	tx_init(&x);
	free(b->text);
	free(b->map);
	b->nlines = 0;
	for (uint32_t li = b->l0; li <= b->l1; li++) {
		const sg_line *L = &g->ln[li];
		if ((L->flags & (LF_DROP | LF_BLANK)) ||
		    !(L->flags & LF_NOTE) != !b->note)
			continue;
		b->nlines++;
		size_t from = li == b->l0 ? b->body : L->cs;
		size_t to = (b->style == HS_ATX && li == b->l0) ? b->hend : L->ce;
		if (b->kind == BK_ROW && b->cells) {
			/* cells between tabs or pipes */
			char delim = b->cells == 1 ? '\t' : '|';
			size_t p = from;
			while (p <= to) {
				size_t q = p;
				while (q < to && !(g->s[q] == delim &&
						   !(delim == '|' && q > p && g->s[q - 1] == '\\')))
					q++;
				size_t a = p, e = q;
				while (a < e && sg_ws(g->s + a, g->s + e))
					a += sg_ws(g->s + a, g->s + e);
				while (e > a && sg_is_ascii_space(g->s[e - 1]))
					e--;
				if (e > a) {
					if (x.b.len)
						tx_sep(&x, p > from ? p - 1 : p);
					tx_span(&x, g->s, a, e, TX_MARKUP);
				}
				p = q + 1;
			}
		} else {
			if (P) {
				if (li == b->split && b->kind == BK_HEAD) {
					x.pend = SG_NONE;
					tx_put(&x, ':', P->ce);
					tx_space(&x, P->ce);
				} else if (li == b->split)
					tx_sep(&x, P->ce);
				else
					sg_join(g, &x, P, from);
			}
			tx_span(&x, g->s, from, to,
				TX_MARKUP | (g->pdfish ? TX_FOOTNOTE : 0));
		}
		P = L;
	}
	/* drop the trailing space of a pending join and a hyphen left at the end */
	b->len = x.b.len;
	b->text = tt_buf_detach(&x.b, NULL);
	b->map = x.map;
	x.map = NULL;
	tx_release(&x);
	int words = 0, in = 0;
	for (size_t i = 0; i < b->len; i++) {
		if (b->text[i] == ' ') {
			in = 0;
		} else if (!in) {
			in = 1;
			words++;
		}
	}
	b->words = words;
}

/* --- classification ------------------------------------------------------ */

static const char *const sg_grades[] = {
	"outstanding", "good", "inadequate", "adequate",
	"requires improvement", "require improvement",
	"requires improvement to be good", "require improvement to be good",
	"not applicable", "grade",
};

/* Is t[0..n) (any case) a judgement grade ("Requires improvement")? */
static int sg_is_grade(const char *t, size_t n)
{
	char buf[48];
	if (n == 0 || n >= sizeof(buf))
		return 0;
	for (size_t i = 0; i < n; i++)
		buf[i] = sg_lc(t[i]);
	buf[n] = '\0';
	for (size_t i = 0; i < TT_ARRAY_LEN(sg_grades); i++)
		if (strcmp(buf, sg_grades[i]) == 0)
			return 1;
	return 0;
}

/* Does t end with ": <grade>" (an Ofsted judgement heading), maybe with '.'? */
static int sg_ends_grade(const char *t, size_t n)
{
	if (n > 0 && t[n - 1] == '.')
		n--;
	for (size_t i = n; i-- > 0;)
		if (t[i] == ':') {
			size_t a = i + 1;
			while (a < n && t[a] == ' ')
				a++;
			return a < n && sg_is_grade(t + a, n - a);
		}
	return 0;
}

/* Is c (not NUL) one of the bytes in set? */
static int sg_in_set(char c, const char *set)
{
	return c != '\0' && strchr(set, c) != NULL;
}

/*
 * Does t state a judgement: "... requires improvement (to be good)",
 * "... is inadequate", "... are good" (maybe with a final '.')?
 */
static int sg_states_grade(const char *t, size_t n)
{
	static const char *const tails[] = {
		" requires improvement", " require improvement",
		" requires improvement to be good",
		" require improvement to be good",
		" is good", " are good", " is outstanding", " are outstanding",
		" is inadequate", " are inadequate", " is adequate", " are adequate",
		" is that it is good", " is that it is outstanding",
		" is that it is inadequate", " is that it requires improvement",
	};
	char buf[40];
	if (n > 0 && t[n - 1] == '.')
		n--;
	for (size_t i = 0; i < TT_ARRAY_LEN(tails); i++) {
		size_t k = strlen(tails[i]);
		if (k > n || k >= sizeof(buf))
			continue;
		for (size_t j = 0; j < k; j++)
			buf[j] = sg_lc(t[n - k + j]);
		buf[k] = '\0';
		if (strcmp(buf, tails[i]) == 0)
			return 1;
	}
	return 0;
}

/* Last byte of the text, skipping closing quotes. */
static char sg_text_final(const char *t, size_t n)
{
	while (n > 0) {
		unsigned char c = (unsigned char)t[n - 1];
		if (c == '"' || c == '\'') {
			n--;
			continue;
		}
		if (n >= 3 && (unsigned char)t[n - 3] == 0xE2 &&
		    (unsigned char)t[n - 2] == 0x80 &&
		    ((unsigned char)t[n - 1] == 0x99 || (unsigned char)t[n - 1] == 0x9D)) {
			n -= 3;
			continue;
		}
		return (char)c;
	}
	return '\0';
}

static const char *const sg_function_words[] = {
	"and", "or", "of", "the", "to", "for", "with", "in", "on", "at", "by",
	"a", "an", "from", "that", "which", "as", "is", "are", "was", "were",
	"be", "been", "their", "its", "our", "his", "her", "but", "nor",
	"than", "into", "this", "these", "those", "has", "have", "had", "not",
	"who", "whose", "where", "when", "while", "if", "so", "such", "very",
};

static int sg_ends_function_word(const char *t, size_t n)
{
	size_t e = n;
	while (e > 0 && !sg_is_alpha_ascii(t[e - 1]) && t[e - 1] != ' ')
		e--;
	size_t a = e;
	while (a > 0 && sg_is_alpha_ascii(t[a - 1]))
		a--;
	if (a > 0 && t[a - 1] != ' ')
		return 0;
	return sg_word_in(t + a, e - a, sg_function_words,
			  TT_ARRAY_LEN(sg_function_words));
}

/* First code point of the text, after opening quotes. */
static uint32_t sg_text_first(const char *t, size_t n)
{
	size_t i = 0;
	uint32_t cp = 0;
	while (i < n) {
		size_t l = sg_decode(t + i, t + n, &cp);
		if (!sg_is_opener(cp) || cp == '(')
			return cp;
		i += l;
	}
	return 0;
}

/*
 * "Date of audit: 16/08/2016": a label of at most 3 words, then a value
 * holding a digit. Such a line is data, not a heading.
 */
static int sg_dated_label(const char *t, size_t n)
{
	size_t i, words = 1;
	for (i = 0; i < n && t[i] != ':'; i++)
		if (t[i] == ' ')
			words++;
	if (i >= n || words > 3)
		return 0;
	for (; i < n; i++)
		if (sg_is_digit(t[i]))
			return 1;
	return 0;
}

/*
 * "Table 2 - Type of case audits", "Figure 3: ...": a caption, which in a
 * report sits by its table or chart and heads nothing.
 */
static int sg_caption(const char *t, size_t n)
{
	static const char *const words[] = {
		"table", "figure", "fig", "chart", "graph", "diagram",
	};
	size_t i = 0;
	while (i < n && sg_is_alpha_ascii(t[i]))
		i++;
	if (!sg_word_in(t, i, words, TT_ARRAY_LEN(words)))
		return 0;
	if (i < n && t[i] == '.')
		i++;
	return i + 1 < n && t[i] == ' ' && sg_is_digit(t[i + 1]);
}

/* "Label: value" with a short capitalised label: a metadata line. */
static int sg_label_value(const sg_block *b)
{
	const char *t = b->text;
	size_t i, words = 1;
	if (b->nlines != 1 || b->len < 4 || !(t[0] >= 'A' && t[0] <= 'Z'))
		return 0;
	for (i = 0; i < b->len && i < 40; i++) {
		if (t[i] == ':')
			break;
		if (t[i] == ' ')
			words++;
	}
	return i < b->len && t[i] == ':' && words <= 4 && i + 2 < b->len &&
	       t[i + 1] == ' ' && b->words <= 15;
}

/*
 * PDF headings often end in a footnote number glued to the last word
 * ("...children board1"): cut it from the display text.
 */
static void sg_cut_footnote_mark(sg_block *b)
{
	size_t n = b->len, d = 0;
	while (n > 0 && sg_is_digit(b->text[n - 1]) && d < 3) {
		n--;
		d++;
	}
	if (d == 0 || d > 2 || n < 2 || !(b->text[n - 1] >= 'a' && b->text[n - 1] <= 'z') ||
	    !(b->text[n - 2] >= 'a' && b->text[n - 2] <= 'z'))
		return;
	b->len = n;
}

static int sg_next_block(const sg *g, size_t i)
{
	for (size_t j = i + 1; j < g->nbk; j++)
		if (g->bk[j].kind != BK_NONE)
			return (int)j;
	return -1;
}

static int sg_prev_block(const sg *g, size_t i)
{
	while (i-- > 0)
		if (g->bk[i].kind != BK_NONE)
			return (int)i;
	return -1;
}

static int sg_is_numbered(const sg_block *b)
{
	return (b->kind == BK_ITEM || b->kind == BK_PARA) && b->numbered;
}

/*
 * Decides the kind of each block: which paragraphs and items are headings
 * (and of which style), which are table rows. Heading rules:
 *   ATX     "#".."######";
 *   BOLD    a bold-only line of at most 25 words;
 *   COLON   a paragraph of at most 2 lines, 12 words and 100 bytes that
 *           ends in ':' and is followed by another block;
 *   CAPS    at most 2 lines and 15 words, no lower-case letter, no final
 *           '.', ',' or ';', followed by another block;
 *   NUM     a numbered item or paragraph of at most 10 words and 80 bytes,
 *           capitalised, without final punctuation, not in a run of
 *           numbered siblings;
 *   PLAIN   a paragraph of at most 3 lines, 15 words and 120 bytes,
 *           capitalised, without final . , ; : or !, not ending in a
 *           function word, not "Date of audit: 16/08/2016" data, followed
 *           by another block; or a one-line paragraph of at most 5 words
 *           ending in '.' right before a list ("Learning points.");
 *   GRADE   the same, up to 25 words and 200 bytes, when it states a
 *           judgement ("...: good", "... requires improvement"); and a
 *           merged judgement row with no table row next to it.
 * Every heading but ATX must be followed by another block.
 */
static const char *const sg_contents[] = {
	"contents", "table of contents", "contents page",
};

static const char *const sg_requires[] = { "requires", "require" };

static void sg_classify(sg *g)
{
	/* a "Contents" page: its entries are table rows */
	if (g->pdfish) {
		for (size_t i = 0; i < g->nbk; i++) {
			sg_block *b = &g->bk[i];
			if (b->kind != BK_PARA || b->nlines != 1)
				continue;
			if (!sg_word_in(b->text, b->len, sg_contents,
					TT_ARRAY_LEN(sg_contents)))
				continue;
			b->kind = BK_HEAD;
			b->style = HS_PLAIN;
			uint32_t page = g->ln[b->l0].page;
			for (size_t j = i + 1; j < g->nbk; j++) {
				sg_block *c = &g->bk[j];
				if (g->ln[c->l0].page != page)
					break;
				if (c->kind == BK_PARA || c->kind == BK_ITEM)
					c->kind = BK_ROW;
			}
		}
	}
	/* a grade broken over two lines: "Requires" / "Improvement" */
	for (size_t i = 0; i + 1 < g->nbk; i++) {
		sg_block *a = &g->bk[i], *b = &g->bk[i + 1];
		if (a->kind == BK_PARA && b->kind == BK_PARA && !b->blank_before &&
		    a->nlines == 1 && b->nlines <= 2 && !a->numbered && !b->numbered &&
		    sg_word_in(a->text, a->len, sg_requires,
			       TT_ARRAY_LEN(sg_requires)) &&
		    b->len >= 11 && sg_lc(b->text[0]) == 'i' &&
		    strncmp(b->text + 1, "mprovement", 10) == 0) {
			a->l1 = b->l1;
			b->kind = BK_NONE;
			sg_block_text(g, a);
		}
	}
	/* "label" then a grade: one table row */
	for (size_t i = 0; i < g->nbk; i++) {
		sg_block *gb = &g->bk[i];
		if (gb->kind != BK_PARA || gb->bold || gb->numbered ||
		    gb->nlines > 2 || !sg_is_grade(gb->text, gb->len))
			continue;
		int pi = sg_prev_block(g, i);
		if (pi < 0)
			continue;
		sg_block *pb = &g->bk[pi];
		if (!(pb->kind == BK_PARA || (pb->kind == BK_ITEM && pb->numbered)) ||
		    pb->bold || pb->words > 16 || pb->nlines > 3 || pb->len == 0 ||
		    sg_in_set(sg_text_final(pb->text, pb->len), ";,:!?"))
			continue;
		pb->kind = BK_ROW;
		pb->judgement = 1;
		pb->split = gb->l0;
		pb->l1 = gb->l1;
		if (pb->numbered && pb->body > g->ln[pb->l0].cs)
			pb->body = g->ln[pb->l0].cs;
		gb->kind = BK_NONE;
		sg_block_text(g, pb);
	}
	/*
	 * A judgement row standing alone (no table row before or after it)
	 * heads the report's section on that judgement.
	 */
	for (size_t i = 0; i < g->nbk; i++) {
		sg_block *b = &g->bk[i];
		if (b->kind != BK_ROW || !b->judgement)
			continue;
		int pi = sg_prev_block(g, i), ni = sg_next_block(g, i);
		if ((pi >= 0 && g->bk[pi].kind == BK_ROW) ||
		    (ni >= 0 && g->bk[ni].kind == BK_ROW) || ni < 0)
			continue;
		b->kind = BK_HEAD;
		b->style = HS_GRADE;
		if (b->numbered)
			b->body = g->ln[b->l0].cs;
		sg_block_text(g, b);
	}
	/* consecutive "Label: value" lines: table rows */
	for (size_t i = 0; i + 1 < g->nbk; i++) {
		sg_block *a = &g->bk[i], *b = &g->bk[i + 1];
		if ((a->kind == BK_PARA || a->kind == BK_ROW) && b->kind == BK_PARA &&
		    !b->blank_before && !a->bold && !b->bold && !b->numbered &&
		    sg_label_value(b) && (a->kind == BK_ROW || sg_label_value(a))) {
			if (a->kind == BK_PARA && !a->numbered)
				a->kind = BK_ROW;
			b->kind = BK_ROW;
		}
	}
	/* headings: marked ones first, then plain ones that look at them */
	for (int pass = 0; pass < 2; pass++)
	for (size_t i = 0; i < g->nbk; i++) {
		sg_block *b = &g->bk[i];
		if (b->kind != BK_PARA && b->kind != BK_ITEM)
			continue;
		int ni = sg_next_block(g, i);
		int pi = sg_prev_block(g, i);
		if (ni < 0 || b->len == 0)
			continue;
		const sg_block *nb = &g->bk[ni];
		char fin = sg_text_final(b->text, b->len);
		uint32_t first = sg_text_first(b->text, b->len);
		int has_lower = 0, uppers = 0;
		for (size_t k = 0; k < b->len; k++) {
			if (b->text[k] >= 'a' && b->text[k] <= 'z')
				has_lower = 1;
			else if (b->text[k] >= 'A' && b->text[k] <= 'Z')
				uppers++;
		}
		if (b->bold) {
			if (b->words <= 25) {
				b->kind = BK_HEAD;
				b->style = HS_BOLD;
			}
			continue;
		}
		if (b->kind == BK_PARA && fin == ':' && b->nlines <= 2 &&
		    b->words <= 12 && b->len <= 100 && !sg_is_lower(first)) {
			b->kind = BK_HEAD;
			b->style = HS_COLON;
			continue;
		}
		if (b->kind == BK_PARA && !b->numbered && !has_lower && uppers >= 4 &&
		    b->nlines <= 2 && b->words <= 15 && fin != '.' && fin != ',' &&
		    fin != ';' && (sg_is_upper(first) || (first >= '0' && first <= '9'))) {
			b->kind = BK_HEAD;
			b->style = HS_CAPS;
			continue;
		}
		if (sg_is_numbered(b) &&
		    b->words <= 10 && b->len <= 80 && sg_is_upper(first) &&
		    !sg_in_set(fin, ".;,:!?") && b->nlines <= 2 &&
		    !(pi >= 0 && sg_is_numbered(&g->bk[pi]) && !b->blank_before) &&
		    !(sg_is_numbered(nb) && !nb->blank_before)) {
			b->kind = BK_HEAD;
			b->style = HS_NUM;
			b->level = b->numdepth ? b->numdepth : 1;
			if (b->body > g->ln[b->l0].cs)
				b->body = g->ln[b->l0].cs;
			sg_block_text(g, b);
			continue;
		}
		if (b->kind != BK_PARA || b->numbered || pass == 0)
			continue;
		int grade_head = sg_ends_grade(b->text, b->len) ||
				 sg_states_grade(b->text, b->len);
		if (b->nlines <= 3 && (b->words <= 15 || (grade_head && b->words <= 25)) &&
		    (b->len <= 120 || (grade_head && b->len <= 200)) &&
		    sg_is_upper(first) && (grade_head || !sg_in_set(fin, ".,;:!")) &&
		    !sg_ends_function_word(b->text, b->len) &&
		    !sg_is_grade(b->text, b->len) && !sg_dated_label(b->text, b->len) &&
		    !sg_caption(b->text, b->len) &&
		    !(g->pdfish && b->nlines == 1 &&
		      g->ln[b->l0].nch * 100 >= g->width * 97)) {
			b->kind = BK_HEAD;
			b->style = grade_head ? HS_GRADE : HS_PLAIN;
			if (g->pdfish)
				sg_cut_footnote_mark(b);
			continue;
		}
		if (b->nlines == 1 && b->words <= 5 && fin == '.' &&
		    b->text[b->len - 1] == '.' && sg_is_upper(first) &&
		    nb->kind == BK_ITEM) {
			b->kind = BK_HEAD;
			b->style = HS_PLAIN;
			continue;
		}
	}
}

/* --- outline and sentences ---------------------------------------------- */

typedef struct sg_open {
	int sec;       /* index in d->sec */
	int level;
	sg_style style;
	int rank;      /* BOLD/CAPS/NUM: lower ranks close higher ones */
	int depth;     /* LEAD: list depth of the lead-in item */
	int scoped;    /* COLON/LEAD: closes at the end of its scope */
	int nblocks;   /* COLON: blocks seen in its scope */
	char word[24]; /* PLAIN: first word, lower-cased */
} sg_open;

static const char *const sg_stop_first[] = {
	"the", "a", "an", "what", "how", "why", "when", "where", "who", "is",
	"are", "does", "do", "our", "this", "these", "of", "in", "for", "to",
	"and", "summary", "overview",
};

static void sg_first_word_lc(const char *t, size_t n, char *w, size_t cap)
{
	size_t i = 0;
	while (i < n && i + 1 < cap && t[i] != ' ') {
		w[i] = sg_lc(t[i]);
		i++;
	}
	w[i] = '\0';
	if (sg_word_in(w, i, sg_stop_first, TT_ARRAY_LEN(sg_stop_first)))
		w[0] = '\0';
}

/* The 1-based line holding document offset off. */
static uint32_t sg_line_of(const sg *g, size_t off)
{
	size_t lo = 0, hi = g->nln;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (g->ln[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return g->nln ? g->ln[lo].no : 1;
}

/* Adds the sentence text[a..b) of a block (map: display -> document). */
static void sg_emit(sg *g, tt_block_kind kind, int sec, uint32_t block,
		    const char *text, const uint32_t *map, size_t a, size_t b)
{
	tt_doc *d = g->d;
	while (a < b && text[a] == ' ')
		a++;
	while (b > a && text[b - 1] == ' ')
		b--;
	if (a >= b)
		return;
	TT_GROW(d->sent, d->nsent + 1, d->sent_alloc);
	tt_sentence *s = &d->sent[d->nsent++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->section = sec;
	s->block = block;
	s->text_len = b - a;
	s->text = xmemdup(text + a, b - a);
	s->text_to_doc = xmalloc((b - a + 1) * sizeof(uint32_t));
	memcpy(s->text_to_doc, map + a, (b - a) * sizeof(uint32_t));
	s->doc_start = map[a];
	s->doc_end = (size_t)map[b - 1] + 1;
	s->text_to_doc[b - a] = (uint32_t)s->doc_end;
	s->line = sg_line_of(g, s->doc_start);
}

static int sg_add_section(sg *g, int parent, int level, const sg_block *b,
			  int strip_dot)
{
	tt_doc *d = g->d;
	size_t n = b->len;
	while (n > 0 && (b->text[n - 1] == ':' || b->text[n - 1] == ' ' ||
			 (strip_dot && b->text[n - 1] == '.')))
		n--;
	if (n == 0)
		n = b->len;
	TT_GROW(d->sec, d->nsec + 1, d->sec_alloc);
	tt_section *sec = &d->sec[d->nsec];
	sec->parent = parent;
	sec->level = level;
	sec->title = xmemdup(b->text, n);
	tt_buf path = TT_BUF_INIT;
	if (parent >= 0) {
		tt_buf_addstr(&path, d->sec[parent].path);
		tt_buf_addstr(&path, " > ");
	}
	tt_buf_add(&path, b->text, n);
	sec->path = tt_buf_detach(&path, NULL);
	sec->doc_start = g->ln[b->l0].cs;
	sec->doc_end = g->ln[b->l1].ce;
	return (int)d->nsec++;
}

/* Plain headings nest at most this deep by following one another. */
enum { SG_PLAIN_CHAIN = 3 };

static int sg_rank(sg_style st, int numdepth)
{
	switch (st) {
	case HS_CAPS: return 1;
	case HS_GRADE: return 1;
	case HS_NUM: return numdepth;
	case HS_BOLD: return 2;
	default: return 99;
	}
}

/*
 * Walks the blocks, keeping the open headings on a stack, and emits the
 * sections and sentences. How headings nest:
 *   - ATX: its '#' level closes every open heading at that level or
 *     deeper, and every inferred heading (their levels are relative);
 *   - a heading right after another heading (no content between) is its
 *     child, unless both have the same style and rank (siblings) or the
 *     new one ranks higher;
 *   - BOLD, CAPS, GRADE and NUM (ranks: CAPS and GRADE 1, NUM its depth,
 *     BOLD 2) close back to an open heading of the same style and rank
 *     ("2. Findings" after "1. Introduction"), else close plain headings
 *     and those of equal or lower rank; never an ATX heading;
 *   - PLAIN after content is a sibling of the deepest open plain heading
 *     with the same first word ("Case 2" after "Case 1"), else closes all
 *     open plain headings: with no font sizes, a flat outline loses some
 *     nesting but never puts a section under the wrong heading. Plain
 *     headings following one another nest at most SG_PLAIN_CHAIN deep;
 *   - GRADE: an Ofsted judgement ("...: Requires improvement", "The LSCB
 *     is good") heads the report's part on it;
 *   - COLON ("Areas for development:") opens a scoped child of the current
 *     heading. Its scope is the block that follows, with any list items and
 *     table rows after it, and ends at the next paragraph of prose or the
 *     next heading. A heading right after it (no content) makes it an
 *     ordinary parent;
 *   - LEAD: a list item ending in ':' followed by more deeply nested items
 *     is a heading over those items only.
 */
/* Closes the open headings that heading b ends; sets o's style and level. */
static void sg_close_for(const sg *g, sg_open *st, int *pn, const sg_block *b,
			 int last_head, sg_open *o)
{
	int nst = *pn;
	memset(o, 0, sizeof(*o));
	o->style = b->style;
	if (b->style == HS_ATX) {
		while (nst > 0 && (st[nst - 1].style != HS_ATX ||
				   st[nst - 1].level >= b->level))
			nst--;
		o->level = b->level;
		*pn = nst;
		return;
	}
	if (b->style == HS_COLON) {
		while (nst > 0 && st[nst - 1].scoped)
			nst--;
		o->level = nst ? st[nst - 1].level + 1 : 1;
		o->scoped = 1;
		*pn = nst;
		return;
	}
	if (last_head && nst > 0 && st[nst - 1].style == HS_COLON &&
	    st[nst - 1].scoped) {
		/* "Observations:" right before "Case 1": an ordinary parent */
		const char *t = g->d->sec[st[nst - 1].sec].title;
		st[nst - 1].scoped = 0;
		st[nst - 1].style = HS_PLAIN;
		sg_first_word_lc(t, strlen(t), st[nst - 1].word,
				 sizeof(st[nst - 1].word));
	}
	while (nst > 0 && st[nst - 1].scoped)
		nst--;
	o->rank = sg_rank(b->style, b->level);
	if (b->style == HS_PLAIN)
		sg_first_word_lc(b->text, b->len, o->word, sizeof(o->word));
	const sg_open *top = nst ? &st[nst - 1] : NULL;
	int child = top && (top->style == HS_ATX || b->style == HS_PLAIN ||
			    (top->style != HS_PLAIN &&
			     (top->rank < o->rank ||
			      (top->rank == o->rank && top->style != b->style))));
	int run = 0; /* open plain headings on top of the stack */
	while (run < nst && st[nst - 1 - run].style == HS_PLAIN)
		run++;
	if (last_head && child) {
		/* the child of the heading just before, but a long run of
		 * short lines makes siblings */
		if (b->style == HS_PLAIN && run >= SG_PLAIN_CHAIN)
			nst--;
	} else if (b->style == HS_PLAIN) {
		int match = -1;
		for (int j = nst - 1; o->word[0] && j >= nst - run; j--)
			if (strcmp(st[j].word, o->word) == 0) {
				match = j;
				break;
			}
		nst = match >= 0 ? match : nst - run;
	} else {
		/* back to a sibling of the same style, else close by rank */
		int j = nst - 1;
		while (j >= 0 && st[j].style != HS_ATX &&
		       !(st[j].style == b->style && st[j].rank == o->rank))
			j--;
		if (j >= 0 && st[j].style == b->style)
			nst = j;
		else
			while (nst > 0 && st[nst - 1].style != HS_ATX &&
			       (st[nst - 1].style == HS_PLAIN ||
				st[nst - 1].rank >= o->rank))
				nst--;
	}
	o->level = nst ? st[nst - 1].level + 1 : 1;
	*pn = nst;
}

/* Closes the scopes (COLON, LEAD) that content block b ends. */
static void sg_close_scopes(sg_open *st, int *pn, const sg_block *b)
{
	int nst = *pn;
	while (nst > 0 && st[nst - 1].style == HS_LEAD &&
	       (b->kind != BK_ITEM || st[nst - 1].depth >= b->depth))
		nst--;
	if (nst > 0 && st[nst - 1].style == HS_COLON && st[nst - 1].scoped) {
		if (b->kind == BK_PARA && st[nst - 1].nblocks > 0)
			nst--;
		else
			st[nst - 1].nblocks++;
	}
	*pn = nst;
}

static void sg_outline(sg *g)
{
	sg_open st[64];
	int nst = 0;
	int last_head = 0;
	uint32_t ordinal = 0;

	for (size_t i = 0; i < g->nbk; i++) {
		sg_block *b = &g->bk[i];
		sg_open o;
		if (b->kind == BK_NONE || b->len == 0)
			continue; /* merged away, or only markup ("# **") */
		uint32_t ord = ordinal++;
		if (b->kind == BK_HEAD) {
			sg_close_for(g, st, &nst, b, last_head, &o);
			int strip_dot = (b->style == HS_PLAIN || b->style == HS_GRADE) &&
					b->text[b->len - 1] == '.';
			o.sec = sg_add_section(g, nst ? st[nst - 1].sec : -1, o.level,
					       b, strip_dot);
			if (nst < (int)TT_ARRAY_LEN(st))
				st[nst++] = o;
			sg_emit(g, TT_BLOCK_HEADING, o.sec, ord, b->text, b->map,
				0, b->len);
			last_head = 1;
			continue;
		}
		sg_close_scopes(st, &nst, b);
		last_head = 0;
		int ni = sg_next_block(g, i);
		if (b->kind == BK_ITEM && b->len && b->text[b->len - 1] == ':' &&
		    ni >= 0 && g->bk[ni].kind == BK_ITEM &&
		    g->bk[ni].depth > b->depth) {
			/* "Areas of strength were:" over its nested items */
			memset(&o, 0, sizeof(o));
			o.style = HS_LEAD;
			o.scoped = 1;
			o.depth = b->depth;
			o.level = nst ? st[nst - 1].level + 1 : 1;
			o.sec = sg_add_section(g, nst ? st[nst - 1].sec : -1,
					       o.level, b, 0);
			if (nst < (int)TT_ARRAY_LEN(st))
				st[nst++] = o;
			sg_emit(g, TT_BLOCK_HEADING, o.sec, ord, b->text, b->map,
				0, b->len);
			continue;
		}
		int sec = nst ? st[nst - 1].sec : -1;
		if (b->kind == BK_ROW) {
			sg_emit(g, TT_BLOCK_TABLE_ROW, sec, ord, b->text, b->map,
				0, b->len);
			continue;
		}
		tt_block_kind kind = b->kind == BK_ITEM ? TT_BLOCK_LIST_ITEM
							: TT_BLOCK_PARAGRAPH;
		size_t (*r)[2] = NULL;
		size_t nr = tt_split_sentences(b->text, b->len, &r);
		for (size_t k = 0; k < nr; k++)
			sg_emit(g, kind, sec, ord, b->text, b->map, r[k][0], r[k][1]);
		free(r);
	}
}

/* --- entry points --------------------------------------------------------- */

/* TT_SEG_LINES: each line with content is one paragraph unit. */
static void sg_segment_lines(sg *g)
{
	uint32_t ord = 0;
	for (size_t i = 0; i < g->nln; i++) {
		const sg_line *L = &g->ln[i];
		if (L->flags & LF_BLANK)
			continue;
		sg_text x;
		tx_init(&x);
		tx_span(&x, g->s, L->cs, L->ce, 0);
		sg_emit(g, TT_BLOCK_PARAGRAPH, -1, ord++, x.b.buf, x.map, 0, x.b.len);
		tx_release(&x);
	}
}

static void sg_clear(tt_doc *d)
{
	for (size_t i = 0; i < d->nsec; i++) {
		free(d->sec[i].title);
		free(d->sec[i].path);
	}
	for (size_t i = 0; i < d->nsent; i++) {
		tt_sentence *s = &d->sent[i];
		free(s->text);
		free(s->text_to_doc);
		free(s->norm);
		free(s->norm_to_text);
		free(s->tok);
		free(s->stems);
	}
	d->nsec = 0;
	d->nsent = 0;
	d->nwords = 0;
}

void tt_doc_segment(tt_doc *d, tt_seg_mode mode)
{
	sg g;
	memset(&g, 0, sizeof(g));
	sg_clear(d);
	if (!d->bytes)
		return;
	g.d = d;
	g.s = d->bytes;
	g.n = d->len;
	sg_lines(&g);
	if (mode == TT_SEG_LINES) {
		sg_segment_lines(&g);
	} else {
		sg_drop_furniture(&g);
		sg_width(&g);
		sg_assemble(&g);
		sg_place_notes(&g);
		for (size_t i = 0; i < g.nbk; i++)
			sg_block_text(&g, &g.bk[i]);
		sg_classify(&g);
		sg_outline(&g);
	}
	for (size_t i = 0; i < g.nbk; i++) {
		free(g.bk[i].text);
		free(g.bk[i].map);
	}
	free(g.bk);
	free(g.ln);
	if (g.have_vocab)
		sg_vocab_release(&g.vocab);
}
