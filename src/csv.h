/*
 * csv.h - an RFC 4180 CSV reader (quoted fields with commas, doubled
 * quotes and line breaks; CRLF or LF; a leading BOM ignored) and the
 * themetrack manifest built on it.
 */
#ifndef TT_CSV_H
#define TT_CSV_H

#include <stddef.h>

#include "util.h"

typedef struct tt_csv_field {
	char *text;          /* unquoted value, owned by the record */
	size_t line, col;    /* 1-based position of the field's first byte */
} tt_csv_field;

typedef struct tt_csv_record {
	tt_csv_field *f;
	size_t n, alloc;
	size_t line;         /* line of the record's first field */
} tt_csv_record;

/*
 * Parses all of text[0..len) into records (caller releases each with
 * tt_csv_record_release and frees the array). Blank lines are skipped.
 * On a malformed file (a quote inside an unquoted field, text after a
 * closing quote, an unterminated quoted field) returns TT_EINPUT with
 * err at the offending line and column of `name`.
 */
tt_status tt_csv_parse(const char *name, const char *text, size_t len,
		       tt_csv_record **out, size_t *nout, tt_error *err);
void tt_csv_record_release(tt_csv_record *r);

/* One manifest row, resolved. */
typedef struct tt_manifest_entry {
	char *file;          /* path as written in the manifest */
	char *path;          /* file joined to the manifest's directory */
	char *authority;     /* NULL when empty */
	int year;            /* 0 when empty (to be inferred) */
	char *period;        /* NULL when empty */
	char *audit_type;    /* NULL when empty */
	char *title;         /* NULL when empty */
	size_t line;         /* the row's line in the manifest */
	size_t nextra;       /* further columns, kept as document metadata */
	char **extra_keys;   /* borrowed from the manifest's header */
	char **extra_vals;   /* owned */
} tt_manifest_entry;

typedef struct tt_manifest {
	char *path;
	tt_manifest_entry *v;
	size_t n, alloc;
	char **header;       /* owned column names */
	size_t ncol;
} tt_manifest;

/*
 * Loads a manifest: CSV with a header naming at least `file`; known
 * columns authority, year, audit_type (or type), title, period; any other
 * column is kept per row as extra metadata. A year must be a whole
 * number from 1900 to 2100 ("2016"); a period like "2016-17" in the year
 * column is accepted and split. Errors: TT_EINPUT with file:line:col.
 */
tt_status tt_manifest_load(tt_manifest *m, const char *path, tt_error *err);
tt_status tt_manifest_parse(tt_manifest *m, const char *path, const char *text,
			    size_t len, tt_error *err);
void tt_manifest_release(tt_manifest *m);

/*
 * Infers the year an audit is reported under from a title or file name:
 * "2016-17", "2016/17", "2016 to 2017" -> 2016 with period "2016-17";
 * otherwise the first plausible four-digit year (1990-2099) standing
 * alone or in a date ("2021-10-08" -> 2021). Returns 0 when none; writes
 * the period (or "") into period[16].
 */
int tt_infer_year(const char *s, char period[16]);

#endif
