/* render.c - aligned text, CSV and JSON from one table model. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"
#include "banned.h"

typedef struct cell {
	char *text; /* formatted value; NULL = empty / null */
} cell;

struct tt_table {
	char **names;
	tt_col_type *types;
	size_t ncol, acol;
	cell *cells; /* row-major, nrow * ncol */
	size_t nrow, acell;
	size_t cur;  /* next column of the current row */
};

int tt_out_format_parse(const char *s)
{
	static const char *names[] = {"table", "csv", "json", "tsv", "jsonl"};
	for (size_t i = 0; i < TT_ARRAY_LEN(names); i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	return -1;
}

tt_table *tt_table_new(void)
{
	return xcalloc(1, sizeof(tt_table));
}

void tt_table_free(tt_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncol; i++)
		free(t->names[i]);
	for (size_t i = 0; i < t->nrow * t->ncol; i++)
		free(t->cells[i].text);
	free(t->names);
	free(t->types);
	free(t->cells);
	free(t);
}

void tt_table_col(tt_table *t, const char *name, tt_col_type type)
{
	size_t a = t->acol;
	TT_GROW(t->names, t->ncol + 1, t->acol);
	t->acol = a;
	TT_GROW(t->types, t->ncol + 1, t->acol);
	t->names[t->ncol] = xstrdup(name);
	t->types[t->ncol] = type;
	t->ncol++;
}

void tt_table_cols(tt_table *t, const char *const *names, const tt_col_type *types, size_t n)
{
	for (size_t i = 0; i < n; i++)
		tt_table_col(t, names[i], types[i]);
}

void tt_table_row(tt_table *t)
{
	TT_GROW(t->cells, (t->nrow + 1) * t->ncol, t->acell);
	memset(&t->cells[t->nrow * t->ncol], 0, t->ncol * sizeof(cell));
	t->nrow++;
	t->cur = 0;
}

static void set_next(tt_table *t, char *s)
{
	if (!t->nrow || t->cur >= t->ncol) {
		free(s);
		return;
	}
	t->cells[(t->nrow - 1) * t->ncol + t->cur++].text = s;
}

void tt_table_text(tt_table *t, const char *s)
{
	set_next(t, s ? xstrdup(s) : NULL);
}

void tt_table_int(tt_table *t, long long v)
{
	char b[32];
	snprintf(b, sizeof(b), "%lld", v);
	set_next(t, xstrdup(b));
}

void tt_table_real(tt_table *t, double v, int decimals)
{
	char b[64];
	if (v != v) { /* NaN: no value */
		set_next(t, NULL);
		return;
	}
	snprintf(b, sizeof(b), "%.*f", decimals, v);
	set_next(t, xstrdup(b));
}

void tt_table_realg(tt_table *t, double v, int digits)
{
	char b[64];
	if (v != v) {
		set_next(t, NULL);
		return;
	}
	snprintf(b, sizeof(b), "%.*g", digits, v);
	set_next(t, xstrdup(b));
}

size_t tt_table_ncols(const tt_table *t)
{
	return t->ncol;
}

const char *tt_table_colname(const tt_table *t, size_t col)
{
	return col < t->ncol ? t->names[col] : NULL;
}

const char *tt_table_get(const tt_table *t, size_t row, size_t col)
{
	if (row >= t->nrow || col >= t->ncol)
		return NULL;
	return t->cells[row * t->ncol + col].text;
}

size_t tt_table_nrows(const tt_table *t)
{
	return t->nrow;
}

/* Display width in columns: one per code point (good enough for UK text). */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

void tt_csv_write_field(FILE *out, const char *s)
{
	tt_csv_write_cell(out, s, 0);
}

void tt_csv_write_cell(FILE *out, const char *s, int guard)
{
	if (!s)
		return;
	int formula = guard && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
				s[0] == '\t' || s[0] == '\r');
	if (!formula && !strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void tt_json_write_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		case '<': fputs("\\u003c", out); break; /* safe inside HTML */
		default:
			if (c < 0x20)
				fprintf(out, "\\u%04x", c);
			else
				fputc(c, out);
		}
	}
	fputc('"', out);
}

static void write_text(const tt_table *t, FILE *out)
{
	size_t *w = xcalloc(t->ncol ? t->ncol : 1, sizeof(size_t));
	for (size_t c = 0; c < t->ncol; c++) {
		w[c] = width(t->names[c]);
		for (size_t r = 0; r < t->nrow; r++) {
			const char *s = t->cells[r * t->ncol + c].text;
			size_t cw = s ? width(s) : 0;
			if (cw > w[c])
				w[c] = cw;
		}
	}
	for (size_t r = 0; r <= t->nrow; r++) {
		tt_buf line = TT_BUF_INIT;
		for (size_t c = 0; c < t->ncol; c++) {
			const char *s = r == 0 ? t->names[c] : t->cells[(r - 1) * t->ncol + c].text;
			if (!s)
				s = "";
			size_t pad = w[c] - width(s);
			int right = r > 0 && t->types[c] != TT_COL_TEXT;
			if (c)
				tt_buf_addstr(&line, "  ");
			for (size_t k = 0; right && k < pad; k++)
				tt_buf_addch(&line, ' ');
			tt_buf_addstr(&line, s);
			for (size_t k = 0; !right && c + 1 < t->ncol && k < pad; k++)
				tt_buf_addch(&line, ' ');
		}
		while (line.len && line.buf[line.len - 1] == ' ')
			tt_buf_setlen(&line, line.len - 1);
		fprintf(out, "%s\n", line.buf);
		tt_buf_release(&line);
	}
	free(w);
}

static void write_csv(const tt_table *t, FILE *out, char sep)
{
	for (size_t r = 0; r <= t->nrow; r++) {
		for (size_t c = 0; c < t->ncol; c++) {
			const char *s = r == 0 ? t->names[c] : t->cells[(r - 1) * t->ncol + c].text;
			if (c)
				fputc(sep, out);
			if (sep == ',')
				tt_csv_write_cell(out, s, r > 0 && t->types[c] == TT_COL_TEXT);
			else if (s)
				for (const char *p = s; *p; p++)
					fputc(*p == '\t' || *p == '\n' ? ' ' : *p, out);
		}
		fputs(sep == ',' ? "\r\n" : "\n", out);
	}
}

static void write_json_row(const tt_table *t, size_t r, FILE *out)
{
	fputc('{', out);
	for (size_t c = 0; c < t->ncol; c++) {
		const char *s = t->cells[r * t->ncol + c].text;
		if (c)
			fputc(',', out);
		tt_json_write_string(out, t->names[c]);
		fputc(':', out);
		if (!s)
			fputs("null", out);
		else if (t->types[c] == TT_COL_TEXT)
			tt_json_write_string(out, s);
		else
			fputs(s, out);
	}
	fputc('}', out);
}

void tt_table_write(const tt_table *t, tt_out_format fmt, FILE *out)
{
	switch (fmt) {
	case TT_OUT_TABLE: write_text(t, out); break;
	case TT_OUT_CSV: write_csv(t, out, ','); break;
	case TT_OUT_TSV: write_csv(t, out, '\t'); break;
	case TT_OUT_JSON:
		fputc('[', out);
		for (size_t r = 0; r < t->nrow; r++) {
			fputs(r ? ",\n" : "\n", out);
			write_json_row(t, r, out);
		}
		fputs(t->nrow ? "\n]\n" : "]\n", out);
		break;
	case TT_OUT_JSONL:
		for (size_t r = 0; r < t->nrow; r++) {
			write_json_row(t, r, out);
			fputc('\n', out);
		}
		break;
	}
}
