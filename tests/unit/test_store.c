/*
 * Unit tests: the store. Documents are built by hand (no text layer), so
 * these check the store's own contracts: schema, idempotent identity,
 * replacement in one transaction, rollback of an unfinished batch, and
 * refusal of files that are not themetrack databases.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"
#include "util.h"
#include "test.h"

static char dir[] = "/tmp/tt-store-XXXXXX";

static void path_in(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/%s", dir, name);
}

/* A document of `nsent` one-word sentences under one heading. */
static void make_doc(tt_doc *d, size_t nsent, const char *word)
{
	tt_doc_init(d);
	d->path = xstrdup("doc.md");
	d->fmt = TT_FMT_MD;
	d->bytes = xstrdup("# Findings\nbody");
	d->len = strlen(d->bytes);
	d->nsec = 1;
	d->sec = xcalloc(1, sizeof(tt_section));
	d->sec[0].parent = -1;
	d->sec[0].level = 1;
	d->sec[0].title = xstrdup("Findings");
	d->sec[0].path = xstrdup("Findings");
	d->nsent = nsent;
	d->sent = xcalloc(nsent, sizeof(tt_sentence));
	for (size_t i = 0; i < nsent; i++) {
		tt_sentence *s = &d->sent[i];
		s->kind = i ? TT_BLOCK_PARAGRAPH : TT_BLOCK_HEADING;
		s->section = 0;
		s->line = (uint32_t)i + 1;
		s->text = xstrdup(word);
		s->text_len = strlen(word);
		s->ntok = 1;
		s->tok = xcalloc(1, sizeof(tt_token));
		s->tok[0].kind = TT_TOK_WORD;
	}
	d->nwords = nsent;
}

static long long count(const char *db, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long long n = -1;
	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return n;
}

static void test_create_and_put(void)
{
	char db[256];
	tt_store *s;
	tt_error e;
	tt_doc d;
	long long id, id2;
	tt_doc_meta m = {.authority = "Northmoor", .year = 2016, .title = "Audit"};

	path_in(db, sizeof(db), "a.db");
	tt_error_init(&e);
	CHECK_INT(tt_store_open(&s, db, TT_STORE_WRITE, &e), TT_OK);
	make_doc(&d, 3, "drift");
	CHECK_INT(tt_store_begin(s, &e), TT_OK);
	CHECK_INT(tt_store_put_doc(s, "/x/doc.md", "h1", &d, &m, &id, NULL, &e), TT_OK);
	CHECK_INT(tt_store_commit(s, &e), TT_OK);
	tt_doc_release(&d);

	CHECK_INT(count(db, "PRAGMA user_version"), TT_SCHEMA_VERSION);
	CHECK_INT(count(db, "SELECT count(*) FROM sentences"), 3);
	CHECK_INT(count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'drift'"), 3);
	CHECK_INT(count(db, "SELECT count(*) FROM sentences WHERE kind = 'heading'"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM sections WHERE path = 'Findings'"), 1);
	CHECK_INT(count(db, "SELECT year FROM documents"), 2016);

	/* Replacing the same path: old rows gone, FTS in step. */
	make_doc(&d, 2, "delay");
	CHECK_INT(tt_store_begin(s, &e), TT_OK);
	CHECK_INT(tt_store_put_doc(s, "/x/doc.md", "h2", &d, &m, &id2, NULL, &e), TT_OK);
	CHECK_INT(tt_store_commit(s, &e), TT_OK);
	tt_doc_release(&d);
	CHECK(id2 != id);
	CHECK_INT(count(db, "SELECT count(*) FROM documents"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM sentences"), 2);
	CHECK_INT(count(db, "SELECT count(*) FROM sections"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'drift'"), 0);
	CHECK_INT(count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'delay'"), 2);

	/* Known list finds it by path with its hash. */
	tt_known_doc *k;
	size_t nk;
	CHECK_INT(tt_store_known(s, &k, &nk, &e), TT_OK);
	CHECK_INT(nk, 1);
	const tt_known_doc *f = tt_known_find(k, nk, "/x/doc.md");
	CHECK(f && !strcmp(f->hash, "h2") && f->id == id2 && f->text_version == TT_TEXT_VERSION);
	CHECK(tt_known_find(k, nk, "/x/other.md") == NULL);
	tt_known_free(k, nk);

	/* Metadata: given fields update, missing ones keep. */
	int changed = -1;
	tt_doc_meta m2 = {.year = 2017};
	CHECK_INT(tt_store_begin(s, &e), TT_OK);
	CHECK_INT(tt_store_update_meta(s, id2, &m2, &changed, &e), TT_OK);
	CHECK_INT(changed, 1);
	CHECK_INT(tt_store_update_meta(s, id2, &m2, &changed, &e), TT_OK);
	CHECK_INT(changed, 0);
	CHECK_INT(tt_store_commit(s, &e), TT_OK);
	CHECK_INT(count(db, "SELECT year FROM documents"), 2017);
	CHECK_INT(count(db, "SELECT count(*) FROM documents WHERE authority = 'Northmoor'"), 1);
	tt_store_close(s);
	tt_error_release(&e);
}

static void test_unfinished_batch_rolls_back(void)
{
	char db[256];
	tt_store *s;
	tt_error e;
	tt_doc d;
	long long id;
	tt_doc_meta m = {0};

	path_in(db, sizeof(db), "b.db");
	tt_error_init(&e);
	CHECK_INT(tt_store_open(&s, db, TT_STORE_WRITE, &e), TT_OK);
	make_doc(&d, 4, "neglect");
	CHECK_INT(tt_store_begin(s, &e), TT_OK);
	CHECK_INT(tt_store_put_doc(s, "/y/one.md", "h", &d, &m, &id, NULL, &e), TT_OK);
	CHECK_INT(tt_store_commit(s, &e), TT_OK);
	CHECK_INT(tt_store_begin(s, &e), TT_OK);
	CHECK_INT(tt_store_put_doc(s, "/y/two.md", "h", &d, &m, &id, NULL, &e), TT_OK);
	tt_store_close(s); /* closed mid-batch, as a killed run would be */
	tt_doc_release(&d);
	CHECK_INT(count(db, "SELECT count(*) FROM documents"), 1);
	CHECK_INT(count(db, "SELECT count(*) FROM sentences"), 4);
	CHECK_INT(count(db, "SELECT count(*) FROM documents WHERE path = '/y/two.md'"), 0);
	tt_error_release(&e);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	fputs(text, f);
	fclose(f);
}

static void test_refuses_foreign_files(void)
{
	char p[256];
	tt_store *s;
	tt_error e;
	tt_error_init(&e);

	path_in(p, sizeof(p), "notes.txt");
	write_file(p, "this is not a database, it is a long line of text "
		      "that is long enough to hold a header's worth of bytes......");
	CHECK_INT(tt_store_open(&s, p, TT_STORE_WRITE, &e), TT_EINPUT);
	CHECK(strstr(e.msg, "not a database") != NULL);
	CHECK_INT(tt_store_open(&s, p, TT_STORE_READ, &e), TT_EINPUT);

	/* A SQLite database that belongs to something else. */
	sqlite3 *h;
	path_in(p, sizeof(p), "other.db");
	sqlite3_open(p, &h);
	sqlite3_exec(h, "CREATE TABLE invoices(x)", NULL, NULL, NULL);
	sqlite3_close(h);
	CHECK_INT(tt_store_open(&s, p, TT_STORE_WRITE, &e), TT_EINPUT);
	CHECK(strstr(e.msg, "not a themetrack database") != NULL);
	CHECK_INT(count(p, "SELECT count(*) FROM sqlite_master"), 1);

	/* A newer schema than this build. */
	path_in(p, sizeof(p), "future.db");
	sqlite3_open(p, &h);
	sqlite3_exec(h, "CREATE TABLE documents(x); PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(h);
	CHECK_INT(tt_store_open(&s, p, TT_STORE_WRITE, &e), TT_EINPUT);
	CHECK(strstr(e.msg, "newer") != NULL);

	/* Reading a database that does not exist creates nothing. */
	path_in(p, sizeof(p), "missing.db");
	CHECK_INT(tt_store_open(&s, p, TT_STORE_READ, &e), TT_EINPUT);
	CHECK(access(p, F_OK) != 0);
	tt_error_release(&e);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	TT_RUN(test_create_and_put);
	TT_RUN(test_unfinished_batch_rolls_back);
	TT_RUN(test_refuses_foreign_files);
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return TT_DONE();
}
