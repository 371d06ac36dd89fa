/*
 * fuzz_manifest.c - the manifest CSV parser (csv.h) on arbitrary bytes:
 * tt_csv_parse, tt_manifest_parse and tt_infer_year on every field. The
 * bytes are handed over in a buffer of exactly their length (no NUL after
 * them). A parse either succeeds or fails with TT_EINPUT and a message at
 * a 1-based line; records, fields and entries are checked for sane
 * positions and NUL-terminated strings.
 */
#include "fuzz.h"
#include "csv.h"

static void check_year(const char *s)
{
	char period[16];
	memset(period, 'x', sizeof(period));
	int y = tt_infer_year(s, period);
	FUZZ_CHECK(y == 0 || (y >= 1000 && y <= 9999));
	FUZZ_CHECK(memchr(period, '\0', sizeof(period)) != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	tt_error err;
	tt_csv_record *recs = NULL;
	size_t nrec = 0;

	tt_error_init(&err);
	tt_status rc = tt_csv_parse("fuzz/manifest.csv", text, size, &recs, &nrec, &err);
	if (rc == TT_OK) {
		size_t prev_line = 0;
		for (size_t i = 0; i < nrec; i++) {
			FUZZ_CHECK(recs[i].n >= 1);
			FUZZ_CHECK(recs[i].line >= 1 && recs[i].line > prev_line);
			prev_line = recs[i].line;
			for (size_t j = 0; j < recs[i].n; j++) {
				const tt_csv_field *f = &recs[i].f[j];
				FUZZ_CHECK(f->text != NULL);
				FUZZ_CHECK(f->line >= recs[i].line && f->col >= 1);
				FUZZ_CHECK(strlen(f->text) <= size);
				if (j < 4)
					check_year(f->text);
			}
		}
		for (size_t i = 0; i < nrec; i++)
			tt_csv_record_release(&recs[i]);
		free(recs);
	} else {
		FUZZ_CHECK(rc == TT_EINPUT);
		FUZZ_CHECK(err.msg[0] != '\0' && err.line >= 1);
	}
	tt_error_release(&err);

	tt_manifest m;
	tt_error_init(&err);
	rc = tt_manifest_parse(&m, "fuzz/manifest.csv", text, size, &err);
	if (rc == TT_OK) {
		FUZZ_CHECK(m.header != NULL && m.ncol >= 1);
		for (size_t i = 0; i < m.n; i++) {
			const tt_manifest_entry *e = &m.v[i];
			FUZZ_CHECK(e->file != NULL && e->path != NULL);
			FUZZ_CHECK(e->year == 0 || (e->year >= 1900 && e->year <= 2100));
			FUZZ_CHECK(e->line >= 2);
			FUZZ_CHECK(e->nextra == 0 ||
				   (e->extra_keys != NULL && e->extra_vals != NULL));
			for (size_t k = 0; k < e->nextra; k++)
				FUZZ_CHECK(e->extra_keys[k] != NULL);
			check_year(e->title ? e->title : e->file);
		}
	} else {
		FUZZ_CHECK(rc == TT_EINPUT);
		FUZZ_CHECK(err.msg[0] != '\0');
	}
	tt_manifest_release(&m);
	tt_error_release(&err);
	return 0;
}
