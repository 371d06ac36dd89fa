/*
 * test_reader.c - reader.c: UTF-8 validation and repair, BOM, binary and
 * empty input, reading files (CRLF, large one-line files), PDFs through
 * pdftotext, and the missing-pdftotext path.
 *
 * Run from the repository root; the sample PDFs are found through $SHARED
 * (set by tests/run.sh) or ../shared.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"
#include "text.h"
#include "buf.h"
#include "banned.h"

static char tmpdir[64];

static void make_tmpdir(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/tt-reader-XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		exit(1);
	}
}

/* Writes bytes to tmpdir/name; returns the path (static buffer). */
static const char *write_file(const char *name, const char *bytes, size_t n)
{
	static char path[512];
	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(bytes, 1, n, f) != n || fclose(f)) {
		perror(path);
		exit(1);
	}
	return path;
}

static void remove_tmpdir(void)
{
	char cmd[600];
	if (tmpdir[0]) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
	}
}

static int have_pdftotext(void)
{
	const char *path = getenv("PATH");
	tt_buf b = TT_BUF_INIT;
	int found = 0;
	if (!path)
		return 0;
	for (const char *p = path; !found;) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		tt_buf_reset(&b);
		tt_buf_add(&b, p, n);
		tt_buf_addstr(&b, "/pdftotext");
		found = access(b.buf, X_OK) == 0;
		if (!colon)
			break;
		p = colon + 1;
	}
	tt_buf_release(&b);
	return found;
}

static const char *sample_pdf(void)
{
	static char path[512];
	const char *shared = getenv("SHARED");
	snprintf(path, sizeof(path), "%s/corpora/ofsted-ilacs/pdf-sample/"
		 "80465_durham_childrens_services_inspection_-_13_may_2025.pdf",
		 shared ? shared : "../shared");
	return path;
}

/* --- tt_utf8_sanitize / tt_utf8_decode ------------------------------------ */

static void test_valid_multibyte_kept(void)
{
	/* 1-, 2-, 3- and 4-byte forms and the edges of the valid ranges. */
	static const char s[] =
		"plain ASCII, caf\xC3\xA9, \xE2\x80\x99quotes\xE2\x80\x99, "
		"\xE2\x82\xAC 5, \xF0\x9F\x98\x80, U+0080 \xC2\x80, U+07FF \xDF\xBF, "
		"U+0800 \xE0\xA0\x80, U+D7FF \xED\x9F\xBF, U+E000 \xEE\x80\x80, "
		"U+FFFD \xEF\xBF\xBD, U+FFFF \xEF\xBF\xBF, U+10000 \xF0\x90\x80\x80, "
		"U+10FFFF \xF4\x8F\xBF\xBF.";
	size_t len = 0, nbad = 7, first = 12345;
	char *out = tt_utf8_sanitize(s, sizeof(s) - 1, &len, &nbad, &first);
	CHECK_INT(len, sizeof(s) - 1);
	CHECK(memcmp(out, s, len) == 0);
	CHECK_INT(out[len], 0);
	CHECK_INT(nbad, 0);
	CHECK_INT(first, 12345); /* unchanged when nothing is bad */
	free(out);

	out = tt_utf8_sanitize("", 0, &len, &nbad, &first);
	CHECK_INT(len, 0);
	CHECK_STR(out, "");
	free(out);
}

#define FFFD "\xEF\xBF\xBD"

static void test_invalid_sequences(void)
{
	static const struct {
		const char *what, *in, *out;
		size_t nbad, first;
	} cases[] = {
		{"stray continuation", "a\x80z", "a" FFFD "z", 1, 1},
		{"two stray continuations", "\x80\xBF", FFFD FFFD, 2, 0},
		{"lead C0 (overlong 2-byte)", "x\xC0\xAFy", "x" FFFD FFFD "y", 2, 1},
		{"lead C1 (overlong 2-byte)", "\xC1\xBF", FFFD FFFD, 2, 0},
		{"overlong 3-byte", "ab\xE0\x80\xAF", "ab" FFFD FFFD FFFD, 3, 2},
		{"overlong 4-byte", "\xF0\x80\x80\xAF", FFFD FFFD FFFD FFFD, 4, 0},
		{"surrogate D800", "s\xED\xA0\x80", "s" FFFD FFFD FFFD, 3, 1},
		{"surrogate DFFF", "\xED\xBF\xBFt", FFFD FFFD FFFD "t", 3, 0},
		{"above U+10FFFF (F4 90)", "\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4, 0},
		{"lead F5", "\xF5\x80\x80\x80", FFFD FFFD FFFD FFFD, 4, 0},
		{"lead FF", "a\xFF", "a" FFFD, 1, 1},
		{"lead FE", "\xFE", FFFD, 1, 0},
		{"truncated 2-byte at end", "abc\xC3", "abc" FFFD, 1, 3},
		{"truncated 3-byte at end", "ab\xE2\x82", "ab" FFFD, 1, 2},
		{"truncated 3-byte mid-text", "\xE2\x82x\xE2\x82\xAC", FFFD "x\xE2\x82\xAC", 1, 0},
		{"truncated 4-byte", "\xF0\x9F\x98!", FFFD "!", 1, 0},
		{"lead followed by lead", "\xC3\xC3\xA9", FFFD "\xC3\xA9", 1, 0},
		/* Unicode 15, section 3.9, table 3-8: maximal subparts. */
		{"table 3-8", "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
		 "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", 6, 1},
	};
	for (size_t i = 0; i < TT_ARRAY_LEN(cases); i++) {
		size_t len = 0, nbad = 0, first = 999;
		char *out = tt_utf8_sanitize(cases[i].in, strlen(cases[i].in),
					     &len, &nbad, &first);
		tt_test_name = cases[i].what;
		CHECK_MEM(out, len, cases[i].out);
		CHECK_INT(nbad, cases[i].nbad);
		CHECK_INT(first, cases[i].first);
		free(out);
	}
	tt_test_name = "test_invalid_sequences";
}

static void test_decode(void)
{
	uint32_t cp = 0;
	CHECK_INT(tt_utf8_decode("A", 1, &cp), 1);
	CHECK_INT(cp, 'A');
	CHECK_INT(tt_utf8_decode("\xC3\xA9x", 3, &cp), 2);
	CHECK_INT(cp, 0xE9);
	CHECK_INT(tt_utf8_decode("\xE2\x80\x99", 3, &cp), 3);
	CHECK_INT(cp, 0x2019);
	CHECK_INT(tt_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	CHECK_INT(cp, 0x1F600);
	CHECK_INT(tt_utf8_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
	CHECK_INT(cp, 0x10FFFF);
	/* Never reads past n, even on a truncated sequence. */
	CHECK_INT(tt_utf8_decode("\xE2\x80\x99", 2, &cp), 2);
	CHECK_INT(cp, 0xFFFD);
	CHECK_INT(tt_utf8_decode("\x80", 1, &cp), 1);
	CHECK_INT(cp, 0xFFFD);
	CHECK_INT(tt_utf8_decode("", 0, &cp), 0);
}

static void test_format_of(void)
{
	CHECK_INT(tt_format_of("a/report.pdf"), TT_FMT_PDF);
	CHECK_INT(tt_format_of("REPORT.PDF"), TT_FMT_PDF);
	CHECK_INT(tt_format_of("notes.md"), TT_FMT_MD);
	CHECK_INT(tt_format_of("notes.Markdown"), TT_FMT_MD);
	CHECK_INT(tt_format_of("notes.txt"), TT_FMT_TXT);
	CHECK_INT(tt_format_of("pdf"), TT_FMT_TXT);
	CHECK_INT(tt_format_of("x.pdf.txt"), TT_FMT_TXT);
	CHECK_INT(tt_format_of("-"), TT_FMT_TXT);
}

/* --- tt_doc_from_mem ----------------------------------------------------- */

/* Loads bytes; returns the status, with err's formatted message in msg. */
static tt_status load(tt_doc *d, const char *bytes, size_t n, char *msg,
		      size_t size)
{
	tt_error err;
	tt_error_init(&err);
	tt_doc_init(d);
	tt_status st = tt_doc_from_mem(d, "mem.txt", TT_FMT_TXT, bytes, n, &err);
	msg[0] = '\0';
	if (st != TT_OK)
		tt_error_format(&err, msg, size);
	CHECK_INT(err.status, st);
	tt_error_release(&err);
	return st;
}

static void test_from_mem(void)
{
	tt_doc d;
	char msg[1200];

	CHECK_INT(load(&d, "Hello\n", 6, msg, sizeof(msg)), TT_OK);
	CHECK_STR(d.path, "mem.txt");
	CHECK_INT(d.fmt, TT_FMT_TXT);
	CHECK_INT(d.len, 6);
	CHECK_STR(d.bytes, "Hello\n");
	CHECK_INT(d.warnings.n, 0);
	tt_doc_release(&d);

	/* The bytes are copied: the caller's buffer may go away. */
	char *tmp = xmemdup("abc", 3);
	tt_error err;
	tt_error_init(&err);
	tt_doc_init(&d);
	CHECK_INT(tt_doc_from_mem(&d, NULL, TT_FMT_MD, tmp, 3, &err), TT_OK);
	free(tmp);
	CHECK_STR(d.bytes, "abc");
	CHECK_STR(d.path, "-");
	CHECK_INT(d.fmt, TT_FMT_MD);
	tt_doc_release(&d);
	tt_error_release(&err);
}

static void test_bom(void)
{
	tt_doc d;
	char msg[1200];

	CHECK_INT(load(&d, "\xEF\xBB\xBFTitle\n", 9, msg, sizeof(msg)), TT_OK);
	CHECK_STR(d.bytes, "Title\n");
	CHECK_INT(d.len, 6);
	tt_doc_release(&d);

	/* Only the leading BOM goes; one later on is text. */
	CHECK_INT(load(&d, "\xEF\xBB\xBF" "a\xEF\xBB\xBF" "b", 8, msg, sizeof(msg)), TT_OK);
	CHECK_STR(d.bytes, "a\xEF\xBB\xBF" "b");
	tt_doc_release(&d);

	/* A BOM alone is an empty file. */
	CHECK_INT(load(&d, "\xEF\xBB\xBF", 3, msg, sizeof(msg)), TT_SKIP);
	CHECK_STR(msg, "mem.txt: empty file, skipped");
	tt_doc_release(&d);

	/* Offsets in the warning are file offsets: the BOM counts. */
	CHECK_INT(load(&d, "\xEF\xBB\xBF" "ab\xFF", 6, msg, sizeof(msg)), TT_OK);
	CHECK_STR(d.bytes, "ab" FFFD);
	CHECK_INT(d.warnings.n, 1);
	if (d.warnings.n)
		CHECK_STR(d.warnings.v[0],
			  "mem.txt: invalid UTF-8 at byte 5, replaced with U+FFFD");
	tt_doc_release(&d);
}

static void test_invalid_warning(void)
{
	tt_doc d;
	char msg[1200];

	CHECK_INT(load(&d, "caf\xE9 au lait\n", 13, msg, sizeof(msg)), TT_OK);
	CHECK_STR(d.bytes, "caf" FFFD " au lait\n");
	CHECK_INT(d.len, 15);
	CHECK_INT(d.warnings.n, 1);
	if (d.warnings.n)
		CHECK_STR(d.warnings.v[0],
			  "mem.txt: invalid UTF-8 at byte 3, replaced with U+FFFD");
	tt_doc_release(&d);

	/* Latin-1 text: one warning, the first offset and the count. */
	const char *latin1 = "Zo\xEB na\xEFve \xA3" "5 \xED\xA0\x80";
	CHECK_INT(load(&d, latin1, strlen(latin1), msg, sizeof(msg)), TT_OK);
	CHECK_STR(d.bytes, "Zo" FFFD " na" FFFD "ve " FFFD "5 " FFFD FFFD FFFD);
	CHECK_INT(d.warnings.n, 1);
	if (d.warnings.n)
		CHECK_STR(d.warnings.v[0], "mem.txt: invalid UTF-8 at byte 2, "
			  "replaced with U+FFFD (6 sequences)");
	tt_doc_release(&d);
}

static void test_binary(void)
{
	tt_doc d;
	char msg[1200];

	CHECK_INT(load(&d, "text\0more", 9, msg, sizeof(msg)), TT_SKIP);
	CHECK_STR(msg, "mem.txt: binary file (NUL byte at offset 4), skipped");
	CHECK(d.bytes == NULL);
	tt_doc_release(&d);

	CHECK_INT(load(&d, "\0", 1, msg, sizeof(msg)), TT_SKIP);
	CHECK_STR(msg, "mem.txt: binary file (NUL byte at offset 0), skipped");
	tt_doc_release(&d);

	/* UTF-16 text has NULs too. */
	CHECK_INT(load(&d, "\xFF\xFEh\0i\0", 6, msg, sizeof(msg)), TT_SKIP);
	CHECK_STR(msg, "mem.txt: binary file (NUL byte at offset 3), skipped");
	tt_doc_release(&d);
}

static void test_empty(void)
{
	static const char *blank[] = {
		"", " ", "\n", "\r\n\r\n", " \t\n\v\f\r ",
		"\xC2\xA0\xE2\x80\x83\n",       /* NBSP, em space */
		"\xE2\x80\x8B\xEF\xBB\xBF\xE3\x80\x80", /* ZWSP, BOM, ideographic space */
	};
	tt_doc d;
	char msg[1200];

	for (size_t i = 0; i < TT_ARRAY_LEN(blank); i++) {
		CHECK_INT(load(&d, blank[i], strlen(blank[i]), msg, sizeof(msg)), TT_SKIP);
		CHECK_STR(msg, "mem.txt: empty file, skipped");
		CHECK(d.bytes == NULL);
		tt_doc_release(&d);
	}
	CHECK_INT(load(&d, " \n.\n", 4, msg, sizeof(msg)), TT_OK);
	tt_doc_release(&d);
	/* A replacement character is text, not white space. */
	CHECK_INT(load(&d, "\n\x80\n", 3, msg, sizeof(msg)), TT_OK);
	tt_doc_release(&d);
}

/* --- tt_doc_read --------------------------------------------------------- */

static tt_status read_file(tt_doc *d, const char *path, char *msg, size_t size)
{
	tt_error err;
	tt_error_init(&err);
	tt_doc_init(d);
	tt_status st = tt_doc_read(d, path, &err);
	msg[0] = '\0';
	if (st != TT_OK)
		tt_error_format(&err, msg, size);
	CHECK_INT(err.status, st);
	tt_error_release(&err);
	return st;
}

static void test_read_files(void)
{
	tt_doc d;
	char msg[1200], want[1200];
	const char *p;

	/* CRLF is kept in the document text. */
	static const char crlf[] = "Heading\r\n\r\nThe child\xE2\x80\x99s voice.\r\n";
	p = write_file("crlf.txt", crlf, sizeof(crlf) - 1);
	CHECK_INT(read_file(&d, p, msg, sizeof(msg)), TT_OK);
	CHECK_STR(d.path, p);
	CHECK_INT(d.fmt, TT_FMT_TXT);
	CHECK_INT(d.len, sizeof(crlf) - 1);
	CHECK_STR(d.bytes, crlf);
	CHECK_INT(d.warnings.n, 0);
	tt_doc_release(&d);

	p = write_file("bom.md", "\xEF\xBB\xBF# Title\n", 11);
	CHECK_INT(read_file(&d, p, msg, sizeof(msg)), TT_OK);
	CHECK_INT(d.fmt, TT_FMT_MD);
	CHECK_STR(d.bytes, "# Title\n");
	tt_doc_release(&d);

	p = write_file("nul.txt", "abc\0def", 7);
	CHECK_INT(read_file(&d, p, msg, sizeof(msg)), TT_SKIP);
	snprintf(want, sizeof(want), "%s: binary file (NUL byte at offset 3), skipped", p);
	CHECK_STR(msg, want);
	tt_doc_release(&d);

	p = write_file("empty.txt", "", 0);
	CHECK_INT(read_file(&d, p, msg, sizeof(msg)), TT_SKIP);
	snprintf(want, sizeof(want), "%s: empty file, skipped", p);
	CHECK_STR(msg, want);
	tt_doc_release(&d);

	p = write_file("blank.txt", "  \r\n\t\n", 6);
	CHECK_INT(read_file(&d, p, msg, sizeof(msg)), TT_SKIP);
	snprintf(want, sizeof(want), "%s: empty file, skipped", p);
	CHECK_STR(msg, want);
	tt_doc_release(&d);

	p = write_file("bad.txt", "ok \xC0\xAF ok", 8);
	CHECK_INT(read_file(&d, p, msg, sizeof(msg)), TT_OK);
	CHECK_STR(d.bytes, "ok " FFFD FFFD " ok");
	snprintf(want, sizeof(want), "%s: invalid UTF-8 at byte 3, replaced with "
		 "U+FFFD (2 sequences)", p);
	CHECK_INT(d.warnings.n, 1);
	if (d.warnings.n)
		CHECK_STR(d.warnings.v[0], want);
	tt_doc_release(&d);

	snprintf(want, sizeof(want), "%s/does-not-exist.txt", tmpdir);
	CHECK_INT(read_file(&d, want, msg, sizeof(msg)), TT_EFAIL);
	CHECK(strstr(msg, "does-not-exist.txt: cannot open: ") != NULL);
	CHECK(strstr(msg, strerror(ENOENT)) != NULL);
	tt_doc_release(&d);

	if (geteuid() != 0) { /* root reads anything */
		p = write_file("noperm.txt", "secret", 6);
		chmod(p, 0);
		CHECK_INT(read_file(&d, p, msg, sizeof(msg)), TT_EFAIL);
		CHECK(strstr(msg, strerror(EACCES)) != NULL);
		tt_doc_release(&d);
	}
}

/* A long single-line file, with one bad byte near the end. */
static void test_large_one_line(void)
{
	size_t n = 24u << 20;
	char *big = xmalloc(n);
	tt_doc d;
	char msg[1200], want[1200];

	for (size_t i = 0; i < n; i++)
		big[i] = "safeguarding children "[i % 22];
	big[n - 10] = '\xFF';
	const char *p = write_file("big.txt", big, n);
	double t0 = tt_now();
	CHECK_INT(read_file(&d, p, msg, sizeof(msg)), TT_OK);
	double dt = tt_now() - t0;
	CHECK_INT(d.len, n + 2);
	CHECK(memcmp(d.bytes, big, n - 10) == 0);
	CHECK(memcmp(d.bytes + n - 10, FFFD, 3) == 0);
	snprintf(want, sizeof(want), "%s: invalid UTF-8 at byte %zu, replaced "
		 "with U+FFFD", p, n - 10);
	if (d.warnings.n)
		CHECK_STR(d.warnings.v[0], want);
	CHECK(dt < 10.0); /* generous, for sanitizer builds: linear, not quadratic */
	tt_doc_release(&d);
	free(big);
}

/* --- PDF ----------------------------------------------------------------- */

static void test_pdf(void)
{
	tt_doc d;
	char msg[1200], want[1200];

	if (!have_pdftotext()) {
		printf("SKIP test_pdf: pdftotext not installed\n");
		return;
	}
	const char *sample = sample_pdf();
	if (access(sample, R_OK) != 0) {
		printf("SKIP test_pdf: %s not found\n", sample);
		return;
	}
	CHECK_INT(read_file(&d, sample, msg, sizeof(msg)), TT_OK);
	CHECK_INT(d.fmt, TT_FMT_PDF);
	CHECK(d.len > 10000);
	CHECK(d.bytes && strstr(d.bytes, "Inspection of Durham") != NULL);
	CHECK(d.bytes && strstr(d.bytes, "children\xE2\x80\x99s services") != NULL);
	CHECK(d.bytes && strchr(d.bytes, '\f') != NULL); /* page breaks */
	CHECK_INT(d.warnings.n, 0);

	/* The same PDF from memory gives the same text. */
	FILE *f = fopen(sample, "rb");
	tt_buf pdf = TT_BUF_INIT;
	char chunk[65536];
	size_t r;
	while (f && (r = fread(chunk, 1, sizeof(chunk), f)) > 0)
		tt_buf_add(&pdf, chunk, r);
	if (f)
		fclose(f);
	tt_doc m;
	tt_error err;
	tt_error_init(&err);
	tt_doc_init(&m);
	CHECK_INT(tt_doc_from_mem(&m, "stdin.pdf", TT_FMT_PDF, pdf.buf, pdf.len, &err), TT_OK);
	CHECK_INT(m.len, d.len);
	CHECK(m.bytes && d.bytes && memcmp(m.bytes, d.bytes, d.len) == 0);
	tt_doc_release(&m);
	tt_error_release(&err);

	/* Odd names are not options and not shell: "-x.pdf", quotes, $(...). */
	const char *odd = write_file("-odd name 'q' $(false).pdf", pdf.buf, pdf.len);
	CHECK_INT(read_file(&m, odd, msg, sizeof(msg)), TT_OK);
	CHECK_INT(m.len, d.len);
	tt_doc_release(&m);
	char cwd[4096];
	if (getcwd(cwd, sizeof(cwd)) && chdir(tmpdir) == 0) {
		CHECK_INT(read_file(&m, "-odd name 'q' $(false).pdf", msg, sizeof(msg)), TT_OK);
		CHECK_INT(m.len, d.len);
		tt_doc_release(&m);
		CHECK(chdir(cwd) == 0);
	}
	tt_buf_release(&pdf);
	tt_doc_release(&d);

	/* A PDF with a blank page: no text. */
	static const char blank[] =
		"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
		"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
		"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
		"trailer<</Root 1 0 R>>\n%%EOF\n";
	const char *p = write_file("scan.pdf", blank, sizeof(blank) - 1);
	CHECK_INT(read_file(&d, p, msg, sizeof(msg)), TT_SKIP);
	snprintf(want, sizeof(want), "%s: no text in PDF (scanned image?), skipped", p);
	CHECK_STR(msg, want);
	tt_doc_release(&d);

	/* Not a PDF at all: pdftotext fails, the file is skipped. */
	p = write_file("garbage.pdf", "this is not a PDF\n", 18);
	CHECK_INT(read_file(&d, p, msg, sizeof(msg)), TT_SKIP);
	CHECK(strstr(msg, "pdftotext failed with exit status 1") != NULL);
	CHECK(strstr(msg, ", skipped") != NULL);
	tt_doc_release(&d);

	snprintf(want, sizeof(want), "%s/missing.pdf", tmpdir);
	CHECK_INT(read_file(&d, want, msg, sizeof(msg)), TT_EFAIL);
	CHECK(strstr(msg, "missing.pdf: cannot open: ") != NULL);
	tt_doc_release(&d);
}

static void test_pdf_without_pdftotext(void)
{
	tt_doc d;
	char msg[1200], want[1200], empty[600];
	const char *old = getenv("PATH");
	char *saved = old ? xstrdup(old) : NULL;

	snprintf(empty, sizeof(empty), "%s/emptybin", tmpdir);
	mkdir(empty, 0755);
	const char *p = write_file("report.pdf", "%PDF-1.4\n", 9);
	setenv("PATH", empty, 1);
	CHECK_INT(read_file(&d, p, msg, sizeof(msg)), TT_SKIP);
	snprintf(want, sizeof(want), "%s: pdftotext not found; install "
		 "poppler-utils to read PDF files, skipped", p);
	CHECK_STR(msg, want);
	tt_doc_release(&d);
	if (saved)
		setenv("PATH", saved, 1);
	else
		unsetenv("PATH");
	free(saved);
}

int main(void)
{
	make_tmpdir();
	TT_RUN(test_valid_multibyte_kept);
	TT_RUN(test_invalid_sequences);
	TT_RUN(test_decode);
	TT_RUN(test_format_of);
	TT_RUN(test_from_mem);
	TT_RUN(test_bom);
	TT_RUN(test_invalid_warning);
	TT_RUN(test_binary);
	TT_RUN(test_empty);
	TT_RUN(test_read_files);
	TT_RUN(test_large_one_line);
	TT_RUN(test_pdf);
	TT_RUN(test_pdf_without_pdftotext);
	remove_tmpdir();
	return TT_DONE();
}
