/* csv.c - RFC 4180 reader and the manifest. */
#include "csv.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "banned.h"

void tt_csv_record_release(tt_csv_record *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->f[i].text);
	free(r->f);
	memset(r, 0, sizeof(*r));
}

static void push_field(tt_csv_record *r, tt_buf *b, size_t line, size_t col)
{
	TT_GROW(r->f, r->n + 1, r->alloc);
	r->f[r->n].text = tt_buf_detach(b, NULL);
	r->f[r->n].line = line;
	r->f[r->n].col = col;
	r->n++;
}

static int record_blank(const tt_csv_record *r)
{
	return r->n == 1 && r->f[0].text[0] == '\0';
}

tt_status tt_csv_parse(const char *name, const char *text, size_t len,
		       tt_csv_record **out, size_t *nout, tt_error *err)
{
	tt_csv_record *recs = NULL;
	size_t nrec = 0, arec = 0;
	tt_csv_record cur = {0};
	tt_buf field = TT_BUF_INIT;
	size_t i = 0, line = 1, col = 1, fline = 1, fcol = 1;

	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		i = 3;
	cur.line = 1;
	while (i <= len) {
		/* At the start of a field. */
		fline = line;
		fcol = col;
		int quoted = i < len && text[i] == '"';
		if (quoted) {
			i++, col++;
			for (;;) {
				if (i >= len) {
					tt_error_set(err, TT_EINPUT, name, fline, fcol,
						     "unterminated quoted field; close it with '\"'");
					goto fail;
				}
				char c = text[i];
				if (c == '"') {
					if (i + 1 < len && text[i + 1] == '"') {
						tt_buf_addch(&field, '"');
						i += 2, col += 2;
						continue;
					}
					i++, col++;
					break;
				}
				tt_buf_addch(&field, c);
				if (c == '\n')
					line++, col = 1;
				else
					col++;
				i++;
			}
			if (i < len && text[i] == '\r')
				i++;
			if (i < len && text[i] != ',' && text[i] != '\n') {
				tt_error_set(err, TT_EINPUT, name, line, col,
					     "unexpected text after a closing quote; "
					     "double a quote inside a quoted field (\"\")");
				goto fail;
			}
		} else {
			while (i < len && text[i] != ',' && text[i] != '\n') {
				if (text[i] == '"') {
					tt_error_set(err, TT_EINPUT, name, line, col,
						     "quote inside an unquoted field; "
						     "quote the whole field and double the quote");
					goto fail;
				}
				if (!(text[i] == '\r' && (i + 1 >= len || text[i + 1] == '\n')))
					tt_buf_addch(&field, text[i]);
				i++, col++;
			}
		}
		push_field(&cur, &field, fline, fcol);
		if (i < len && text[i] == ',') {
			i++, col++;
			continue;
		}
		/* End of record: newline or end of input. */
		if (!record_blank(&cur)) {
			TT_GROW(recs, nrec + 1, arec);
			recs[nrec++] = cur;
		} else {
			tt_csv_record_release(&cur);
		}
		memset(&cur, 0, sizeof(cur));
		if (i >= len)
			break;
		i++, line++, col = 1;
		cur.line = line;
	}
	tt_csv_record_release(&cur);
	tt_buf_release(&field);
	*out = recs;
	*nout = nrec;
	return TT_OK;
fail:
	tt_csv_record_release(&cur);
	tt_buf_release(&field);
	for (size_t k = 0; k < nrec; k++)
		tt_csv_record_release(&recs[k]);
	free(recs);
	*out = NULL;
	*nout = 0;
	return err->status;
}

static char *dup_or_null(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n ? xmemdup(s, n) : NULL;
}

/* Parses "2016" or "2016-17"/"2016/17"; 0 on failure. */
static int parse_year(const char *s, char period[16])
{
	char *end;
	period[0] = '\0';
	if (!isdigit((unsigned char)s[0]))
		return 0;
	errno = 0;
	long y = strtol(s, &end, 10);
	if (errno || end - s != 4 || y < 1900 || y > 2100)
		return 0;
	if (*end == '\0')
		return (int)y;
	if ((*end == '-' || *end == '/') && isdigit((unsigned char)end[1]) &&
	    isdigit((unsigned char)end[2]) && end[3] == '\0' &&
	    (end[1] - '0') * 10 + (end[2] - '0') == (y + 1) % 100) {
		snprintf(period, 16, "%ld-%c%c", y, end[1], end[2]);
		return (int)y;
	}
	return 0;
}

int tt_infer_year(const char *s, char period[16])
{
	int first = 0;
	period[0] = '\0';
	for (size_t i = 0; s[i]; i++) {
		if (!isdigit((unsigned char)s[i]) || (i && isdigit((unsigned char)s[i - 1])))
			continue;
		size_t j = i;
		while (isdigit((unsigned char)s[j]))
			j++;
		if (j - i != 4)
			continue;
		int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 +
			(s[i + 2] - '0') * 10 + (s[i + 3] - '0');
		if (y < 1990 || y > 2099)
			continue;
		/* "2016-17", "2016/17", "2016_17", "2016–17" (en dash) */
		size_t k = j;
		if (s[k] == '-' || s[k] == '/' || s[k] == '_')
			k++;
		else if (!strncmp(s + k, "\xE2\x80\x93", 3))
			k += 3;
		if (k > j && isdigit((unsigned char)s[k]) && isdigit((unsigned char)s[k + 1]) &&
		    !isdigit((unsigned char)s[k + 2])) {
			int yy = (s[k] - '0') * 10 + (s[k + 1] - '0');
			if (yy == (y + 1) % 100) {
				snprintf(period, 16, "%d-%02d", y, yy);
				return y;
			}
		}
		/* "2016 to 2017", "2016-2017" */
		const char *p = s + j;
		while (*p == ' ' || *p == '-' || *p == '/')
			p++;
		if (!strncmp(p, "to ", 3))
			p += 3;
		else if (!strncmp(p, "\xE2\x80\x93", 3))
			p += 3;
		while (*p == ' ')
			p++;
		/* digits checked in order, so && stops at the string's end */
		if (p != s + j && isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
		    isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
		    !isdigit((unsigned char)p[4]) && atoi(p) == y + 1) {
			snprintf(period, 16, "%d-%02d", y, (y + 1) % 100);
			return y;
		}
		if (!first)
			first = y;
	}
	return first;
}

static int column_of(const tt_manifest *m, const char *name)
{
	for (size_t i = 0; i < m->ncol; i++)
		if (!strcmp(m->header[i], name))
			return (int)i;
	return -1;
}

static char *join_dir(const char *manifest, const char *file)
{
	tt_buf b = TT_BUF_INIT;
	const char *slash = strrchr(manifest, '/');
	if (file[0] != '/' && slash) {
		tt_buf_add(&b, manifest, (size_t)(slash - manifest) + 1);
	}
	tt_buf_addstr(&b, file);
	return tt_buf_detach(&b, NULL);
}

tt_status tt_manifest_parse(tt_manifest *m, const char *path, const char *text,
			    size_t len, tt_error *err)
{
	tt_csv_record *recs;
	size_t nrec;
	tt_status st;

	memset(m, 0, sizeof(*m));
	m->path = xstrdup(path);
	if ((st = tt_csv_parse(path, text, len, &recs, &nrec, err)) != TT_OK)
		return st;
	if (!nrec) {
		st = tt_error_set(err, TT_EINPUT, path, 1, 1,
				  "empty manifest; expected a header "
				  "'file,authority,year,audit_type,title'");
		goto done;
	}
	m->ncol = recs[0].n;
	m->header = xcalloc(m->ncol, sizeof(char *));
	for (size_t i = 0; i < m->ncol; i++) {
		char *h = dup_or_null(recs[0].f[i].text);
		for (char *p = h; p && *p; p++)
			*p = (char)tolower((unsigned char)*p);
		m->header[i] = h ? h : xstrdup("");
	}
	int cfile = column_of(m, "file");
	int cauth = column_of(m, "authority");
	int cyear = column_of(m, "year");
	int ctype = column_of(m, "audit_type");
	int ctitle = column_of(m, "title");
	int cper = column_of(m, "period");
	if (ctype < 0)
		ctype = column_of(m, "type");
	if (cfile < 0) {
		st = tt_error_set(err, TT_EINPUT, path, 1, 1,
				  "manifest header has no 'file' column; expected "
				  "'file,authority,year,audit_type,title'");
		goto done;
	}
	for (size_t r = 1; r < nrec; r++) {
		tt_csv_record *rec = &recs[r];
		if (rec->n != m->ncol) {
			const tt_csv_field *f = &rec->f[rec->n - 1];
			st = tt_error_set(err, TT_EINPUT, path, rec->line, 1,
					  "row has %zu fields, header has %zu; quote "
					  "fields that contain commas", rec->n, m->ncol);
			(void)f;
			goto done;
		}
		const char *file = rec->f[cfile].text;
		if (!*file) {
			st = tt_error_set(err, TT_EINPUT, path, rec->line,
					  rec->f[cfile].col, "empty 'file' field");
			goto done;
		}
		TT_GROW(m->v, m->n + 1, m->alloc);
		tt_manifest_entry *e = &m->v[m->n++];
		memset(e, 0, sizeof(*e));
		e->file = xstrdup(file);
		e->path = join_dir(path, file);
		e->line = rec->line;
		e->authority = cauth >= 0 ? dup_or_null(rec->f[cauth].text) : NULL;
		e->audit_type = ctype >= 0 ? dup_or_null(rec->f[ctype].text) : NULL;
		e->title = ctitle >= 0 ? dup_or_null(rec->f[ctitle].text) : NULL;
		e->period = cper >= 0 ? dup_or_null(rec->f[cper].text) : NULL;
		if (cyear >= 0) {
			char *y = dup_or_null(rec->f[cyear].text);
			if (y) {
				char per[16];
				e->year = parse_year(y, per);
				if (!e->year) {
					st = tt_error_set(err, TT_EINPUT, path, rec->line,
							  rec->f[cyear].col,
							  "bad year '%s'; use a year such as "
							  "2016 (and a period such as 2016-17 "
							  "in the 'period' column)", y);
					free(y);
					goto done;
				}
				if (per[0] && !e->period)
					e->period = xstrdup(per);
				free(y);
			}
		}
		for (size_t c = 0; c < m->ncol; c++) {
			if ((int)c == cfile || (int)c == cauth || (int)c == cyear ||
			    (int)c == ctype || (int)c == ctitle || (int)c == cper ||
			    !m->header[c][0] || !rec->f[c].text[0])
				continue;
			e->extra_keys = xrealloc(e->extra_keys, (e->nextra + 1) * sizeof(char *));
			e->extra_vals = xrealloc(e->extra_vals, (e->nextra + 1) * sizeof(char *));
			e->extra_keys[e->nextra] = m->header[c];
			e->extra_vals[e->nextra] = xstrdup(rec->f[c].text);
			e->nextra++;
		}
	}
	st = TT_OK;
done:
	for (size_t r = 0; r < nrec; r++)
		tt_csv_record_release(&recs[r]);
	free(recs);
	if (st != TT_OK)
		tt_manifest_release(m);
	return st;
}

tt_status tt_manifest_load(tt_manifest *m, const char *path, tt_error *err)
{
	char *text;
	size_t len;
	memset(m, 0, sizeof(*m));
	int e = tt_read_file(path, &text, &len);
	if (e)
		return tt_error_set(err, TT_EINPUT, path, 0, 0, "cannot read manifest: %s",
				    strerror(e));
	tt_status st = tt_manifest_parse(m, path, text, len, err);
	free(text);
	return st;
}

void tt_manifest_release(tt_manifest *m)
{
	for (size_t i = 0; i < m->n; i++) {
		tt_manifest_entry *e = &m->v[i];
		free(e->file);
		free(e->path);
		free(e->authority);
		free(e->period);
		free(e->audit_type);
		free(e->title);
		for (size_t k = 0; k < e->nextra; k++)
			free(e->extra_vals[k]);
		free(e->extra_keys);
		free(e->extra_vals);
	}
	free(m->v);
	for (size_t i = 0; i < m->ncol; i++)
		free(m->header[i]);
	free(m->header);
	free(m->path);
	memset(m, 0, sizeof(*m));
}
