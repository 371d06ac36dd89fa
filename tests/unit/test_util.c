/* Unit tests: SHA-256, the buffer, errors, and the table renderers. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "render.h"
#include "util.h"
#include "test.h"

static void test_sha256_vectors(void)
{
	char hex[65];
	/* FIPS 180-2 appendix B test vectors. */
	tt_sha256_hex("", 0, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	tt_sha256_hex("abc", 3, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	tt_sha256_hex(two, strlen(two), hex);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* One million 'a': exercises many blocks through update(). */
	tt_sha256 c;
	unsigned char d[32];
	char a[1000];
	memset(a, 'a', sizeof(a));
	tt_sha256_init(&c);
	for (int i = 0; i < 1000; i++)
		tt_sha256_update(&c, a, sizeof(a));
	tt_sha256_final(&c, d);
	CHECK_INT(d[0], 0xcd);
	CHECK_INT(d[1], 0xc7);
	CHECK_INT(d[31], 0xd0);
}

static void test_buf(void)
{
	tt_buf b = TT_BUF_INIT;
	CHECK(b.buf != NULL);
	CHECK_INT(b.len, 0);
	CHECK_STR(b.buf, "");
	tt_buf_addstr(&b, "voice");
	tt_buf_addch(&b, ' ');
	tt_buf_addf(&b, "of the %s in %d of %d cases", "child", 3, 8);
	CHECK_STR(b.buf, "voice of the child in 3 of 8 cases");
	CHECK_INT(b.len, strlen(b.buf));
	for (int i = 0; i < 1000; i++)
		tt_buf_addf(&b, "%04d", i);
	CHECK_INT(b.len, 34 + 4000);
	CHECK(b.buf[b.len] == '\0');
	tt_buf_setlen(&b, 5);
	CHECK_STR(b.buf, "voice");
	size_t n;
	char *s = tt_buf_detach(&b, &n);
	CHECK_STR(s, "voice");
	CHECK_INT(n, 5);
	CHECK(b.buf == tt_buf_empty && b.len == 0);
	free(s);
	s = tt_buf_detach(&b, NULL); /* empty buffer still hands over memory */
	CHECK_STR(s, "");
	free(s);
}

static void test_error_format(void)
{
	tt_error e;
	char buf[256];
	tt_error_init(&e);
	tt_error_set(&e, TT_EINPUT, "rules/x.rules", 12, 8, "unknown lexicon '%s'", "father");
	tt_error_format(&e, buf, sizeof(buf));
	CHECK_STR(buf, "rules/x.rules:12:8: unknown lexicon 'father'");
	tt_error_set(&e, TT_EFAIL, "a.db", 0, 0, "cannot open");
	tt_error_format(&e, buf, sizeof(buf));
	CHECK_STR(buf, "a.db: cannot open");
	tt_error_set(&e, TT_EFAIL, NULL, 0, 0, "plain");
	tt_error_format(&e, buf, sizeof(buf));
	CHECK_STR(buf, "plain");
	tt_error_release(&e);
}

static char *render(const tt_table *t, tt_out_format f)
{
	char *mem = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&mem, &n);
	tt_table_write(t, f, out);
	fclose(out);
	return mem;
}

static void test_render(void)
{
	tt_table *t = tt_table_new();
	tt_table_col(t, "theme", TT_COL_TEXT);
	tt_table_col(t, "docs", TT_COL_INT);
	tt_table_col(t, "share", TT_COL_REAL);
	tt_table_row(t);
	tt_table_text(t, "voice_of_child");
	tt_table_int(t, 3);
	tt_table_real(t, 0.75, 2);
	tt_table_row(t);
	tt_table_text(t, "a \"quoted\", text");
	tt_table_int(t, 12);
	tt_table_text(t, NULL);
	tt_table_row(t);
	tt_table_text(t, "=HYPERLINK(\"x\")");
	tt_table_int(t, 0);
	tt_table_real(t, 1.0 / 3.0, 3);

	char *s = render(t, TT_OUT_CSV);
	CHECK_STR(s, "theme,docs,share\r\n"
		     "voice_of_child,3,0.75\r\n"
		     "\"a \"\"quoted\"\", text\",12,\r\n"
		     "\"'=HYPERLINK(\"\"x\"\")\",0,0.333\r\n");
	free(s);
	s = render(t, TT_OUT_JSON);
	CHECK_STR(s, "[\n{\"theme\":\"voice_of_child\",\"docs\":3,\"share\":0.75},\n"
		     "{\"theme\":\"a \\\"quoted\\\", text\",\"docs\":12,\"share\":null},\n"
		     "{\"theme\":\"=HYPERLINK(\\\"x\\\")\",\"docs\":0,\"share\":0.333}\n]\n");
	free(s);
	s = render(t, TT_OUT_TABLE);
	CHECK_STR(s, "theme             docs  share\n"
		     "voice_of_child       3   0.75\n"
		     "a \"quoted\", text    12\n"
		     "=HYPERLINK(\"x\")      0  0.333\n");
	free(s);
	tt_table_free(t);

	t = tt_table_new();
	tt_table_col(t, "x", TT_COL_TEXT);
	s = render(t, TT_OUT_JSON);
	CHECK_STR(s, "[]\n");
	free(s);
	tt_table_free(t);
	CHECK_INT(tt_out_format_parse("csv"), TT_OUT_CSV);
	CHECK_INT(tt_out_format_parse("xml"), -1);
}

int main(void)
{
	TT_RUN(test_sha256_vectors);
	TT_RUN(test_buf);
	TT_RUN(test_error_format);
	TT_RUN(test_render);
	return TT_DONE();
}
