/* Unit tests: the RFC 4180 reader, the manifest and year inference. */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "test.h"

static void free_records(tt_csv_record *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		tt_csv_record_release(&r[i]);
	free(r);
}

static void test_csv_quoting(void)
{
	const char *text = "\xEF\xBB\xBF" "a,b,c\r\n"
			   "\"x, y\",\"say \"\"hi\"\"\",\r\n"
			   "\r\n"
			   "\"two\nlines\",2,3\n"
			   "last,,\"\"";
	tt_csv_record *r;
	size_t n;
	tt_error e;
	tt_error_init(&e);
	CHECK_INT(tt_csv_parse("m.csv", text, strlen(text), &r, &n, &e), TT_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_STR(r[0].f[0].text, "a");
		CHECK_STR(r[0].f[2].text, "c");
		CHECK_INT(r[1].n, 3);
		CHECK_STR(r[1].f[0].text, "x, y");
		CHECK_STR(r[1].f[1].text, "say \"hi\"");
		CHECK_STR(r[1].f[2].text, "");
		CHECK_INT(r[1].line, 2);
		CHECK_INT(r[1].f[1].col, 8);
		CHECK_STR(r[2].f[0].text, "two\nlines");
		CHECK_INT(r[2].line, 4);
		CHECK_INT(r[3].line, 6);
		CHECK_STR(r[3].f[1].text, "");
		CHECK_STR(r[3].f[2].text, "");
	}
	free_records(r, n);
	tt_error_release(&e);
}

static void expect_csv_error(const char *text, size_t line, size_t col, const char *msg)
{
	tt_csv_record *r;
	size_t n;
	tt_error e;
	tt_error_init(&e);
	CHECK_INT(tt_csv_parse("m.csv", text, strlen(text), &r, &n, &e), TT_EINPUT);
	CHECK_INT(e.line, line);
	CHECK_INT(e.col, col);
	CHECK(strstr(e.msg, msg) != NULL);
	CHECK(r == NULL && n == 0);
	tt_error_release(&e);
}

static void test_csv_errors(void)
{
	expect_csv_error("a,b\n\"open,2\n", 2, 1, "unterminated quoted field");
	expect_csv_error("a,b\nab\"c,2\n", 2, 3, "quote inside an unquoted field");
	expect_csv_error("a,b\n\"ab\"c,2\n", 2, 5, "unexpected text after a closing quote");
}

static void test_manifest(void)
{
	const char *text = "file,authority,year,audit_type,title,period,overall\n"
			   "a.md,Northmoor,2016,qa_annual,\"Audit, annual\",2016-17,good\n"
			   "sub/b.txt,Elm Vale,2017-18,multi_agency_audit,,,\n"
			   "c.md,,,,,,\n";
	tt_manifest m;
	tt_error e;
	tt_error_init(&e);
	CHECK_INT(tt_manifest_parse(&m, "corp/manifest.csv", text, strlen(text), &e), TT_OK);
	CHECK_INT(m.n, 3);
	if (m.n == 3) {
		CHECK_STR(m.v[0].path, "corp/a.md");
		CHECK_STR(m.v[0].authority, "Northmoor");
		CHECK_INT(m.v[0].year, 2016);
		CHECK_STR(m.v[0].title, "Audit, annual");
		CHECK_STR(m.v[0].period, "2016-17");
		CHECK_INT(m.v[0].nextra, 1);
		CHECK_STR(m.v[0].extra_keys[0], "overall");
		CHECK_STR(m.v[0].extra_vals[0], "good");
		CHECK_STR(m.v[1].path, "corp/sub/b.txt");
		CHECK_INT(m.v[1].year, 2017);
		CHECK_STR(m.v[1].period, "2017-18");
		CHECK(m.v[1].title == NULL);
		CHECK_INT(m.v[1].line, 3);
		CHECK_INT(m.v[2].year, 0);
		CHECK(m.v[2].authority == NULL);
	}
	tt_manifest_release(&m);
	tt_error_release(&e);
}

static void expect_manifest_error(const char *text, size_t line, size_t col, const char *msg)
{
	tt_manifest m;
	tt_error e;
	tt_error_init(&e);
	CHECK_INT(tt_manifest_parse(&m, "manifest.csv", text, strlen(text), &e), TT_EINPUT);
	CHECK_INT(e.line, line);
	CHECK_INT(e.col, col);
	if (!strstr(e.msg, msg)) {
		fprintf(stderr, "  got message: %s\n", e.msg);
		CHECK(!"message");
	}
	tt_error_release(&e);
}

static void test_manifest_errors(void)
{
	expect_manifest_error("file,year\na.md,twenty\n", 2, 6, "bad year 'twenty'");
	expect_manifest_error("file,year\na.md,16\n", 2, 6, "bad year '16'");
	expect_manifest_error("file,year\na.md,2016-19\n", 2, 6, "bad year '2016-19'");
	expect_manifest_error("file,year\na.md,3016\n", 2, 6, "bad year '3016'");
	expect_manifest_error("name,year\na.md,2016\n", 1, 1, "no 'file' column");
	expect_manifest_error("file,year\na.md,2016,extra\n", 2, 1, "row has 3 fields, header has 2");
	expect_manifest_error("file,year\n,2016\n", 2, 1, "empty 'file' field");
	expect_manifest_error("", 1, 1, "empty manifest");
}

static void test_infer_year(void)
{
	char per[16];
	CHECK_INT(tt_infer_year("rutland-qa-case-audit-annual-2016-17.md", per), 2016);
	CHECK_STR(per, "2016-17");
	CHECK_INT(tt_infer_year("Annual report 2016/17", per), 2016);
	CHECK_STR(per, "2016-17");
	CHECK_INT(tt_infer_year("April 2016 to 2017", per), 2016);
	CHECK_STR(per, "2016-17");
	CHECK_INT(tt_infer_year("2532283_dorset_2021-10-08.txt", per), 2021);
	CHECK_STR(per, "");
	CHECK_INT(tt_infer_year("audit-2017.md", per), 2017);
	CHECK_STR(per, "");
	CHECK_INT(tt_infer_year("case 12345 notes", per), 0);
	CHECK_INT(tt_infer_year("report 1850", per), 0);
	CHECK_INT(tt_infer_year("Audit 2015\xE2\x80\x93" "16", per), 2015);
	CHECK_STR(per, "2015-16");
	/* A year and a separator near the end of the string: the range check
	 * read past it (found by tests/fuzz/fuzz_manifest). Each string is
	 * copied to the heap so ASan sees the end exactly. */
	const char *ends[] = {"Report 2016-18", "Audit 2016 2", "2016/1", "2016-"};
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		char *h = strdup(ends[i]);
		CHECK_INT(tt_infer_year(h, per), 2016);
		CHECK_STR(per, "");
		free(h);
	}
}

int main(void)
{
	TT_RUN(test_csv_quoting);
	TT_RUN(test_csv_errors);
	TT_RUN(test_manifest);
	TT_RUN(test_manifest_errors);
	TT_RUN(test_infer_year);
	return TT_DONE();
}
