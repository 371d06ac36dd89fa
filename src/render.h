/*
 * render.h - one table model written out as aligned text, CSV (RFC 4180)
 * or JSON (an array of objects keyed by the column names). Query commands
 * build a tt_table and call tt_table_write; they never format by hand.
 */
#ifndef TT_RENDER_H
#define TT_RENDER_H

#include <stdio.h>

typedef enum { TT_OUT_TABLE, TT_OUT_CSV, TT_OUT_JSON, TT_OUT_TSV, TT_OUT_JSONL } tt_out_format;

/* Parses "table", "csv", "json", "tsv", "jsonl"; returns -1 otherwise. */
int tt_out_format_parse(const char *s);

typedef enum { TT_COL_TEXT, TT_COL_INT, TT_COL_REAL } tt_col_type;

typedef struct tt_table tt_table;

tt_table *tt_table_new(void);
void tt_table_free(tt_table *t);
/* Columns are added before the first row; `name` is copied. */
void tt_table_col(tt_table *t, const char *name, tt_col_type type);
/* Adds n columns: names[i] of types[i]. */
void tt_table_cols(tt_table *t, const char *const *names, const tt_col_type *types, size_t n);
/* Starts a new row; cells are then set left to right. */
void tt_table_row(tt_table *t);
/* Sets the next cell of the current row; NULL text is an empty cell / null. */
void tt_table_text(tt_table *t, const char *s);
void tt_table_int(tt_table *t, long long v);
void tt_table_real(tt_table *t, double v, int decimals);
/* A real with `digits` significant digits (%g), for p-values. NaN: null. */
void tt_table_realg(tt_table *t, double v, int digits);
size_t tt_table_nrows(const tt_table *t);
size_t tt_table_ncols(const tt_table *t);
/* The name of column col (its CSV header), or NULL past the last. */
const char *tt_table_colname(const tt_table *t, size_t col);
/* The text of a cell as it will be written (NULL for an empty cell). */
const char *tt_table_get(const tt_table *t, size_t row, size_t col);

void tt_table_write(const tt_table *t, tt_out_format fmt, FILE *out);

/* Writers shared with streaming output (scan): */
void tt_csv_write_field(FILE *out, const char *s);
/* Neutralises a leading = + - @ (spreadsheet formula) when `guard`. */
void tt_csv_write_cell(FILE *out, const char *s, int guard);
void tt_json_write_string(FILE *out, const char *s);

#endif
