/* store.c - the SQLite schema, migrations and document writes. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "rules.h"
#include "store_int.h"
#include "banned.h"


/*
 * Migrations: migration_N takes a database from user_version N-1 to N, as
 * a list of statements. Never edit a released one; append a new one and
 * bump TT_SCHEMA_VERSION. Each runs in one transaction with the version
 * bump.
 */
static const char *const migration_1[] = {
	"CREATE TABLE documents (\n"
	"  id           INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  path         TEXT NOT NULL UNIQUE,   -- canonical absolute path: the identity\n"
	"  name         TEXT NOT NULL,          -- file name\n"
	"  content_hash TEXT NOT NULL,          -- SHA-256 of the validated text\n"
	"  text_version INTEGER NOT NULL,\n"
	"  format       TEXT NOT NULL,          -- txt | md | pdf\n"
	"  authority    TEXT,\n"
	"  year         INTEGER,\n"
	"  period       TEXT,\n"
	"  audit_type   TEXT,\n"
	"  title        TEXT,\n"
	"  bytes        INTEGER NOT NULL,\n"
	"  words        INTEGER NOT NULL,\n"
	"  sentences    INTEGER NOT NULL,\n"
	"  ingested_at  TEXT NOT NULL,\n"
	"  tagged_run   INTEGER                 -- the tag run that tagged it, if any\n"
	");\n"
	"CREATE INDEX documents_year ON documents(year);\n"
	"CREATE INDEX documents_authority ON documents(authority);\n",
	"CREATE TABLE document_meta (\n"
	"  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
	"  key          TEXT NOT NULL,\n"
	"  value        TEXT,\n"
	"  PRIMARY KEY (document_id, key)\n"
	") WITHOUT ROWID;\n",
	"CREATE TABLE sections (\n"
	"  id           INTEGER PRIMARY KEY,\n"
	"  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
	"  ordinal      INTEGER NOT NULL,       -- 0-based, reading order\n"
	"  parent_id    INTEGER REFERENCES sections(id),\n"
	"  level        INTEGER NOT NULL,\n"
	"  title        TEXT NOT NULL,\n"
	"  path         TEXT NOT NULL           -- titles from the top, ' > ' joined\n"
	");\n"
	"CREATE INDEX sections_document ON sections(document_id);\n",
	"CREATE TABLE sentences (\n"
	"  id           INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
	"  section_id   INTEGER REFERENCES sections(id),\n"
	"  ordinal      INTEGER NOT NULL,       -- 1-based within the document\n"
	"  block        INTEGER NOT NULL,\n"
	"  kind         TEXT NOT NULL CHECK (kind IN ('heading','list_item','table_row','paragraph')),\n"
	"  line         INTEGER NOT NULL,\n"
	"  start        INTEGER NOT NULL,       -- byte span in the document text\n"
	"  end          INTEGER NOT NULL,\n"
	"  words        INTEGER NOT NULL,\n"
	"  text         TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX sentences_document ON sentences(document_id, ordinal);\n",
	"CREATE VIRTUAL TABLE sentences_fts USING fts5(\n"
	"  text, content='sentences', content_rowid='id',\n"
	"  tokenize='porter unicode61 remove_diacritics 2');\n",
	"CREATE TABLE rulesets (\n"
	"  id           INTEGER PRIMARY KEY,\n"
	"  hash         TEXT NOT NULL UNIQUE,   -- SHA-256 of rule files and lexicons\n"
	"  source       TEXT NOT NULL,          -- directory it was loaded from\n"
	"  created_at   TEXT NOT NULL\n"
	");\n",
	"CREATE TABLE themes (\n"
	"  ruleset_id   INTEGER NOT NULL REFERENCES rulesets(id) ON DELETE CASCADE,\n"
	"  theme        TEXT NOT NULL,\n"
	"  label        TEXT NOT NULL,\n"
	"  description  TEXT,\n"
	"  grp          TEXT,                   -- theme group, e.g. toxic_trio\n"
	"  PRIMARY KEY (ruleset_id, theme)\n"
	");\n",
	"CREATE TABLE tag_runs (\n"
	"  id           INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  ruleset_id   INTEGER NOT NULL REFERENCES rulesets(id),\n"
	"  ruleset_hash TEXT NOT NULL,\n"
	"  started_at   TEXT NOT NULL,\n"
	"  finished_at  TEXT,\n"
	"  documents    INTEGER NOT NULL DEFAULT 0,\n"
	"  sentences    INTEGER NOT NULL DEFAULT 0,\n"
	"  hits         INTEGER NOT NULL DEFAULT 0\n"
	");\n",
	"CREATE TABLE hits (\n"
	"  id           INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  run_id       INTEGER NOT NULL REFERENCES tag_runs(id) ON DELETE CASCADE,\n"
	"  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
	"  sentence_id  INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,\n"
	"  theme        TEXT NOT NULL,\n"
	"  polarity     TEXT NOT NULL CHECK (polarity IN ('concern','strength','mention')),\n"
	"  rule         TEXT NOT NULL,\n"
	"  start        INTEGER NOT NULL,       -- byte span in the sentence text\n"
	"  end          INTEGER NOT NULL,\n"
	"  match        TEXT NOT NULL,\n"
	"  cue          TEXT,                   -- what decided the polarity\n"
	"  cue_kind     TEXT,                   -- fixed|negation|evaluative|proportion|recommendation|heading|default\n"
	"  actor        TEXT,\n"
	"  prop_num     INTEGER,\n"
	"  prop_den     INTEGER\n"
	");\n"
	"CREATE INDEX hits_run_theme ON hits(run_id, theme, polarity);\n"
	"CREATE INDEX hits_sentence ON hits(sentence_id);\n"
	"CREATE INDEX hits_document ON hits(document_id);\n",
	"CREATE VIEW current_run AS\n"
	"  SELECT max(id) AS id FROM tag_runs WHERE finished_at IS NOT NULL;\n",
	"CREATE VIEW hit_evidence AS\n"
	"  SELECT h.id AS hit_id, h.theme, h.polarity, h.rule, h.cue, h.cue_kind, h.actor,\n"
	"         h.prop_num, h.prop_den, h.start, h.end, h.match,\n"
	"         s.id AS sentence_id, s.ordinal AS sentence_ordinal, s.text AS sentence,\n"
	"         s.kind, sec.path AS section,\n"
	"         d.id AS document_id, d.name, d.title, d.authority, d.year, d.period,\n"
	"         d.audit_type, r.hash AS ruleset, h.run_id\n"
	"  FROM hits h JOIN sentences s ON s.id = h.sentence_id\n"
	"  JOIN documents d ON d.id = h.document_id\n"
	"  LEFT JOIN sections sec ON sec.id = s.section_id\n"
	"  JOIN tag_runs t ON t.id = h.run_id JOIN rulesets r ON r.id = t.ruleset_id\n"
	"  WHERE h.run_id = (SELECT id FROM current_run);\n",
	"CREATE VIEW theme_share_by_year AS\n"
	"  SELECT t.year, h.theme, h.polarity, count(DISTINCT h.document_id) AS docs_with,\n"
	"         (SELECT count(*) FROM documents d2 WHERE d2.year IS t.year) AS docs_total,\n"
	"         count(*) AS hits\n"
	"  FROM hit_evidence h JOIN documents t ON t.id = h.document_id\n"
	"  GROUP BY t.year, h.theme, h.polarity;\n",
	NULL};

/*
 * 2: theme_share_by_year counts only the documents the current run
 * tagged (as the query commands do) and gives the share.
 */
static const char *const migration_2[] = {
	"DROP VIEW theme_share_by_year;\n",
	"CREATE VIEW theme_share_by_year AS\n"
	"  WITH tagged AS (SELECT year, count(*) AS n FROM documents\n"
	"                  WHERE tagged_run = (SELECT id FROM current_run) GROUP BY year)\n"
	"  SELECT d.year, h.theme, h.polarity,\n"
	"         count(DISTINCT h.document_id) AS docs_with, t.n AS docs_total,\n"
	"         round(1.0 * count(DISTINCT h.document_id) / t.n, 4) AS share,\n"
	"         count(*) AS hits\n"
	"  FROM hit_evidence h JOIN documents d ON d.id = h.document_id\n"
	"  JOIN tagged t ON t.year IS d.year\n"
	"  GROUP BY d.year, h.theme, h.polarity;\n",
	NULL};

/*
 * 3: a covering index for the analyses' facts (tt_store_corpus), so that
 * trend, compare and cooccur read the index, not the hits' text.
 */
static const char *const migration_3[] = {
	"CREATE INDEX hits_facts ON hits(run_id, document_id, theme, polarity, actor, "
	"sentence_id);\n",
	NULL};

static const char *const *const migrations[] = {migration_1, migration_2, migration_3};

tt_status tt_store_db_error(tt_store *s, tt_error *err, const char *what)
{
	int code = sqlite3_errcode(s->db);
	tt_status st = (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) ? TT_EINPUT : TT_EFAIL;
	const char *hint = "";
	if (code == SQLITE_FULL)
		hint = "; free some disk space and run again";
	else if (code == SQLITE_READONLY)
		hint = "; check the database file and its directory are writable";
	else if (code == SQLITE_NOTADB)
		hint = "; it is not a SQLite database, choose another file with --db";
	else if (code == SQLITE_CANTOPEN)
		hint = "; check that the directory exists and is writable";
	else if (code == SQLITE_BUSY)
		hint = "; another process holds the database, try again when it finishes";
	return tt_error_set(err, st, s->path, 0, 0, "%s: %s%s", what,
			    sqlite3_errmsg(s->db), hint);
}

static tt_status exec_bind1(tt_store *s, const char *sql, long long v, tt_error *err);

static tt_status exec(tt_store *s, const char *sql, tt_error *err)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		sqlite3_free(msg);
		return tt_store_db_error(s, err, "database error");
	}
	return TT_OK;
}

static tt_status prepare(tt_store *s, sqlite3_stmt **st, const char *sql, tt_error *err)
{
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot prepare statement");
	return TT_OK;
}

static tt_status user_version(tt_store *s, int *v, tt_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read database");
	int rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return tt_store_db_error(s, err, "cannot read database");
	return TT_OK;
}

static int has_table(tt_store *s, const char *name)
{
	sqlite3_stmt *st;
	int found = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_master WHERE name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static int table_count(tt_store *s)
{
	sqlite3_stmt *st;
	int n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static tt_status migrate(tt_store *s, tt_error *err)
{
	int v;
	tt_status st;
	if ((st = user_version(s, &v, err)) != TT_OK)
		return st;
	for (; v < TT_SCHEMA_VERSION; v++) {
		char pragma[64];
		if ((st = exec(s, "BEGIN IMMEDIATE", err)) != TT_OK)
			return st;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v + 1);
		for (const char *const *m = migrations[v]; *m && st == TT_OK; m++)
			st = exec(s, *m, err);
		if (st != TT_OK || (st = exec(s, pragma, err)) != TT_OK) {
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			return st;
		}
		if ((st = exec(s, "COMMIT", err)) != TT_OK)
			return st;
	}
	return TT_OK;
}

tt_status tt_store_open(tt_store **out, const char *path, tt_store_mode mode,
			tt_error *err)
{
	tt_store *s = xcalloc(1, sizeof(*s));
	tt_status st;
	struct stat sb;
	int exists = stat(path, &sb) == 0;

	*out = NULL;
	s->path = xstrdup(path);
	if (mode == TT_STORE_READ && !exists) {
		tt_error_set(err, TT_EINPUT, path, 0, 0,
			     "no such database; create it with 'themetrack ingest'");
		tt_store_close(s);
		return TT_EINPUT;
	}
	if (exists && S_ISDIR(sb.st_mode)) {
		tt_error_set(err, TT_EINPUT, path, 0, 0,
			     "is a directory; give a database file with --db");
		tt_store_close(s);
		return TT_EINPUT;
	}
	/* The store holds records about children: readable by its owner only.
	 * SQLite gives its -wal and -shm files the database file's mode. */
	if (mode == TT_STORE_WRITE && !exists) {
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0)
			close(fd);
	}
	int flags = mode == TT_STORE_READ ? SQLITE_OPEN_READONLY
					  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		const char *hint = mode == TT_STORE_WRITE
					   ? "; check that the directory exists and is writable"
					   : "";
		tt_error_set(err, TT_EFAIL, path, 0, 0, "cannot open database: %s%s",
			     s->db ? sqlite3_errmsg(s->db) : "out of memory", hint);
		tt_store_close(s);
		return TT_EFAIL;
	}
	sqlite3_extended_result_codes(s->db, 0);
	sqlite3_busy_timeout(s->db, 30000);
	int v;
	if ((st = user_version(s, &v, err)) != TT_OK)
		goto fail;
	if (v == 0 && table_count(s) > 0 && !has_table(s, "documents")) {
		st = tt_error_set(err, TT_EINPUT, path, 0, 0,
				  "not a themetrack database (it holds other tables); "
				  "choose another file with --db");
		goto fail;
	}
	if (v > TT_SCHEMA_VERSION) {
		st = tt_error_set(err, TT_EINPUT, path, 0, 0,
				  "database schema version %d is newer than this "
				  "themetrack understands (%d); upgrade themetrack",
				  v, TT_SCHEMA_VERSION);
		goto fail;
	}
	if (mode == TT_STORE_WRITE) {
		if ((st = exec(s, "PRAGMA journal_mode = WAL", err)) != TT_OK)
			goto fail;
		if ((st = exec(s, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;", err)) != TT_OK)
			goto fail;
		if ((st = migrate(s, err)) != TT_OK)
			goto fail;
	} else {
		if (v == 0 && !has_table(s, "documents")) {
			st = tt_error_set(err, TT_EINPUT, path, 0, 0,
					  "not a themetrack database; create one with "
					  "'themetrack ingest'");
			goto fail;
		}
		if (v < TT_SCHEMA_VERSION) {
			st = tt_error_set(err, TT_EINPUT, path, 0, 0,
					  "database schema version %d is older than this "
					  "themetrack's (%d); run 'themetrack ingest' on it "
					  "once to migrate", v, TT_SCHEMA_VERSION);
			goto fail;
		}
	}
	*out = s;
	return TT_OK;
fail:
	tt_store_close(s);
	return st;
}

void tt_store_close(tt_store *s)
{
	if (!s)
		return;
	if (s->in_tx)
		tt_store_rollback(s);
	sqlite3_finalize(s->ins_doc);
	sqlite3_finalize(s->ins_sec);
	sqlite3_finalize(s->ins_sent);
	sqlite3_finalize(s->ins_meta);
	sqlite3_finalize(s->ins_hit);
	if (s->db)
		sqlite3_close(s->db);
	free(s->path);
	free(s);
}

tt_status tt_store_begin(tt_store *s, tt_error *err)
{
	tt_status st = exec(s, "BEGIN IMMEDIATE", err);
	if (st == TT_OK)
		s->in_tx = 1;
	return st;
}

tt_status tt_store_commit(tt_store *s, tt_error *err)
{
	tt_status st = exec(s, "COMMIT", err);
	if (st != TT_OK)
		tt_store_rollback(s);
	s->in_tx = 0;
	return st;
}

void tt_store_rollback(tt_store *s)
{
	if (sqlite3_get_autocommit(s->db) == 0)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_tx = 0;
}

static int cmp_known(const void *a, const void *b)
{
	return strcmp(((const tt_known_doc *)a)->path, ((const tt_known_doc *)b)->path);
}

tt_status tt_store_known(tt_store *s, tt_known_doc **out, size_t *n, tt_error *err)
{
	sqlite3_stmt *st;
	tt_known_doc *v = NULL;
	size_t nv = 0, av = 0;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT path, content_hash, text_version, id FROM documents",
			       -1, &st, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read documents");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		TT_GROW(v, nv + 1, av);
		tt_known_doc *k = &v[nv++];
		k->path = xstrdup((const char *)sqlite3_column_text(st, 0));
		snprintf(k->hash, sizeof(k->hash), "%s", (const char *)sqlite3_column_text(st, 1));
		k->text_version = sqlite3_column_int(st, 2);
		k->id = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		tt_known_free(v, nv);
		return tt_store_db_error(s, err, "cannot read documents");
	}
	if (nv)
		qsort(v, nv, sizeof(*v), cmp_known);
	*out = v;
	*n = nv;
	return TT_OK;
}

void tt_known_free(tt_known_doc *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

const tt_known_doc *tt_known_find(const tt_known_doc *v, size_t n, const char *path)
{
	tt_known_doc key = {.path = (char *)path};
	if (!n)
		return NULL;
	return bsearch(&key, v, n, sizeof(*v), cmp_known);
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static const char *format_name(tt_format f)
{
	return f == TT_FMT_PDF ? "pdf" : f == TT_FMT_MD ? "md" : "txt";
}

static void now_iso(char buf[32])
{
	time_t t = time(NULL);
	struct tm tm;
	const char *fixed = getenv("THEMETRACK_NOW"); /* reproducible tests */
	if (fixed && *fixed) {
		snprintf(buf, 32, "%s", fixed);
		return;
	}
	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static tt_status step_done(tt_store *s, sqlite3_stmt *st, tt_error *err, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return tt_store_db_error(s, err, what);
	return TT_OK;
}

/*
 * Children first. The FTS index is kept in step per document, in one
 * statement each way: a trigger per sentence would open an FTS5 savepoint
 * per row, which flushes its pending terms every row (measured: 10x
 * slower ingest on a 50 MB document).
 */
static tt_status delete_doc_rows(tt_store *s, long long id, tt_error *err)
{
	static const char *const sql[] = {
		"DELETE FROM hits WHERE document_id = ?1",
		"INSERT INTO sentences_fts(sentences_fts, rowid, text) "
		"SELECT 'delete', id, text FROM sentences WHERE document_id = ?1",
		"DELETE FROM sentences WHERE document_id = ?1",
		"DELETE FROM sections WHERE document_id = ?1",
		"DELETE FROM document_meta WHERE document_id = ?1",
		"DELETE FROM documents WHERE id = ?1",
	};
	for (size_t i = 0; i < TT_ARRAY_LEN(sql); i++) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(s->db, sql[i], -1, &st, NULL) != SQLITE_OK)
			return tt_store_db_error(s, err, "cannot delete document");
		sqlite3_bind_int64(st, 1, id);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return tt_store_db_error(s, err, "cannot delete document");
	}
	return TT_OK;
}

tt_status tt_store_delete_doc(tt_store *s, long long id, tt_error *err)
{
	return delete_doc_rows(s, id, err);
}

static tt_status put_meta(tt_store *s, long long id, const tt_doc_meta *m, tt_error *err)
{
	tt_status st;
	if (!s->ins_meta &&
	    (st = prepare(s, &s->ins_meta,
			  "INSERT OR REPLACE INTO document_meta(document_id, key, value) "
			  "VALUES (?1, ?2, ?3)", err)) != TT_OK)
		return st;
	for (size_t i = 0; i < m->nextra; i++) {
		sqlite3_bind_int64(s->ins_meta, 1, id);
		sqlite3_bind_text(s->ins_meta, 2, m->extra_keys[i], -1, SQLITE_TRANSIENT);
		bind_text_or_null(s->ins_meta, 3, m->extra_vals[i]);
		if ((st = step_done(s, s->ins_meta, err, "cannot store metadata")) != TT_OK)
			return st;
	}
	return TT_OK;
}

static const char *base_name(const char *p)
{
	const char *slash = strrchr(p, '/');
	return slash ? slash + 1 : p;
}

tt_status tt_store_put_doc(tt_store *s, const char *path, const char *hash,
			   const tt_doc *d, const tt_doc_meta *m, long long *id,
			   long long *sent_ids, tt_error *err)
{
	tt_status st;
	char now[32];
	sqlite3_stmt *q;

	/* Replace: delete whatever this path held before. */
	if (sqlite3_prepare_v2(s->db, "SELECT id FROM documents WHERE path = ?1", -1, &q,
			       NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot look up document");
	sqlite3_bind_text(q, 1, path, -1, SQLITE_STATIC);
	long long old = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	if (old && (st = delete_doc_rows(s, old, err)) != TT_OK)
		return st;

	if (!s->ins_doc &&
	    (st = prepare(s, &s->ins_doc,
			  "INSERT INTO documents(path, name, content_hash, text_version, format, "
			  "authority, year, period, audit_type, title, bytes, words, sentences, "
			  "ingested_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
			  err)) != TT_OK)
		return st;
	if (!s->ins_sec &&
	    (st = prepare(s, &s->ins_sec,
			  "INSERT INTO sections(document_id, ordinal, parent_id, level, title, path) "
			  "VALUES (?1,?2,?3,?4,?5,?6)", err)) != TT_OK)
		return st;
	if (!s->ins_sent &&
	    (st = prepare(s, &s->ins_sent,
			  "INSERT INTO sentences(document_id, section_id, ordinal, block, kind, "
			  "line, start, end, words, text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
			  err)) != TT_OK)
		return st;

	now_iso(now);
	sqlite3_stmt *ins = s->ins_doc;
	sqlite3_bind_text(ins, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 2, base_name(path), -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 3, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int(ins, 4, TT_TEXT_VERSION);
	sqlite3_bind_text(ins, 5, format_name(d->fmt), -1, SQLITE_STATIC);
	bind_text_or_null(ins, 6, m->authority);
	if (m->year)
		sqlite3_bind_int(ins, 7, m->year);
	else
		sqlite3_bind_null(ins, 7);
	bind_text_or_null(ins, 8, m->period);
	bind_text_or_null(ins, 9, m->audit_type);
	bind_text_or_null(ins, 10, m->title);
	sqlite3_bind_int64(ins, 11, (sqlite3_int64)d->len);
	sqlite3_bind_int64(ins, 12, (sqlite3_int64)d->nwords);
	sqlite3_bind_int64(ins, 13, (sqlite3_int64)d->nsent);
	sqlite3_bind_text(ins, 14, now, -1, SQLITE_STATIC);
	if ((st = step_done(s, ins, err, "cannot store document")) != TT_OK)
		return st;
	*id = sqlite3_last_insert_rowid(s->db);
	if ((st = put_meta(s, *id, m, err)) != TT_OK)
		return st;

	long long *secid = xcalloc(d->nsec ? d->nsec : 1, sizeof(long long));
	for (size_t i = 0; i < d->nsec; i++) {
		const tt_section *sec = &d->sec[i];
		sqlite3_bind_int64(s->ins_sec, 1, *id);
		sqlite3_bind_int64(s->ins_sec, 2, (sqlite3_int64)i);
		if (sec->parent >= 0 && (size_t)sec->parent < i)
			sqlite3_bind_int64(s->ins_sec, 3, secid[sec->parent]);
		else
			sqlite3_bind_null(s->ins_sec, 3);
		sqlite3_bind_int(s->ins_sec, 4, sec->level);
		sqlite3_bind_text(s->ins_sec, 5, sec->title ? sec->title : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(s->ins_sec, 6, sec->path ? sec->path : "", -1, SQLITE_STATIC);
		if ((st = step_done(s, s->ins_sec, err, "cannot store section")) != TT_OK)
			goto out;
		secid[i] = sqlite3_last_insert_rowid(s->db);
	}
	for (size_t i = 0; i < d->nsent; i++) {
		const tt_sentence *t = &d->sent[i];
		size_t words = 0;
		for (size_t k = 0; k < t->ntok; k++)
			words += t->tok[k].kind == TT_TOK_WORD;
		sqlite3_stmt *is = s->ins_sent;
		sqlite3_bind_int64(is, 1, *id);
		if (t->section >= 0 && (size_t)t->section < d->nsec)
			sqlite3_bind_int64(is, 2, secid[t->section]);
		else
			sqlite3_bind_null(is, 2);
		sqlite3_bind_int64(is, 3, (sqlite3_int64)i + 1);
		sqlite3_bind_int64(is, 4, t->block);
		sqlite3_bind_text(is, 5, tt_block_kind_name(t->kind), -1, SQLITE_STATIC);
		sqlite3_bind_int64(is, 6, t->line);
		sqlite3_bind_int64(is, 7, (sqlite3_int64)t->doc_start);
		sqlite3_bind_int64(is, 8, (sqlite3_int64)t->doc_end);
		sqlite3_bind_int64(is, 9, (sqlite3_int64)words);
		sqlite3_bind_text(is, 10, t->text, (int)t->text_len, SQLITE_STATIC);
		if ((st = step_done(s, is, err, "cannot store sentence")) != TT_OK)
			goto out;
		if (sent_ids)
			sent_ids[i] = sqlite3_last_insert_rowid(s->db);
	}
	st = exec_bind1(s, "INSERT INTO sentences_fts(rowid, text) "
			"SELECT id, text FROM sentences WHERE document_id = ?1", *id, err);
out:
	free(secid);
	return st;
}

static int same_text(const unsigned char *a, const char *b)
{
	if (!a || !b)
		return !a && !b;
	return !strcmp((const char *)a, b);
}

tt_status tt_store_update_meta(tt_store *s, long long id, const tt_doc_meta *m,
			       int *changed, tt_error *err)
{
	sqlite3_stmt *q;
	tt_status st = TT_OK;
	*changed = 0;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT authority, year, period, audit_type, title "
			       "FROM documents WHERE id = ?1", -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read document");
	sqlite3_bind_int64(q, 1, id);
	if (sqlite3_step(q) == SQLITE_ROW) {
		int year = sqlite3_column_type(q, 1) == SQLITE_NULL ? 0 : sqlite3_column_int(q, 1);
		*changed = (m->authority && !same_text(sqlite3_column_text(q, 0), m->authority)) ||
			   (m->year && year != m->year) ||
			   (m->period && !same_text(sqlite3_column_text(q, 2), m->period)) ||
			   (m->audit_type && !same_text(sqlite3_column_text(q, 3), m->audit_type)) ||
			   (m->title && !same_text(sqlite3_column_text(q, 4), m->title));
	}
	sqlite3_finalize(q);
	if (!*changed)
		return TT_OK;
	if (sqlite3_prepare_v2(s->db,
			       "UPDATE documents SET authority = coalesce(?2, authority), "
			       "year = coalesce(?3, year), period = coalesce(?4, period), "
			       "audit_type = coalesce(?5, audit_type), title = coalesce(?6, title) "
			       "WHERE id = ?1", -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot update document");
	sqlite3_bind_int64(q, 1, id);
	bind_text_or_null(q, 2, m->authority);
	if (m->year)
		sqlite3_bind_int(q, 3, m->year);
	else
		sqlite3_bind_null(q, 3);
	bind_text_or_null(q, 4, m->period);
	bind_text_or_null(q, 5, m->audit_type);
	bind_text_or_null(q, 6, m->title);
	if (sqlite3_step(q) != SQLITE_DONE)
		st = tt_store_db_error(s, err, "cannot update document");
	sqlite3_finalize(q);
	if (st == TT_OK)
		st = put_meta(s, id, m, err);
	return st;
}

tt_status tt_store_query_table(tt_store *s, const char *sql, tt_table **out, tt_error *err)
{
	sqlite3_stmt *q;
	tt_table *t = tt_table_new();
	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK) {
		tt_table_free(t);
		return tt_store_db_error(s, err, "query failed");
	}
	int ncol = sqlite3_column_count(q);
	int rc;
	int typed = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!typed) {
			for (int c = 0; c < ncol; c++) {
				int ty = sqlite3_column_type(q, c);
				tt_table_col(t, sqlite3_column_name(q, c),
					     ty == SQLITE_INTEGER ? TT_COL_INT
					     : ty == SQLITE_FLOAT ? TT_COL_REAL : TT_COL_TEXT);
			}
			typed = 1;
		}
		tt_table_row(t);
		for (int c = 0; c < ncol; c++)
			tt_table_text(t, (const char *)sqlite3_column_text(q, c));
	}
	if (!typed)
		for (int c = 0; c < ncol; c++)
			tt_table_col(t, sqlite3_column_name(q, c), TT_COL_TEXT);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		tt_table_free(t);
		return tt_store_db_error(s, err, "query failed");
	}
	*out = t;
	return TT_OK;
}

tt_status tt_store_summary(tt_store *s, tt_table **docs, tt_table **totals, tt_error *err)
{
	tt_status st;
	*docs = *totals = NULL;
	st = tt_store_query_table(s,
			 "SELECT coalesce(CAST(year AS TEXT), '?') AS year, "
			 "coalesce(authority, '?') AS authority, count(*) AS documents, "
			 "sum(sentences) AS sentences, sum(words) AS words "
			 "FROM documents GROUP BY year, authority ORDER BY year, authority",
			 docs, err);
	if (st != TT_OK)
		return st;
	st = tt_store_query_table(s,
			 "SELECT kind, count(*) AS sentences, sum(words) AS words "
			 "FROM sentences GROUP BY kind ORDER BY kind", totals, err);
	if (st != TT_OK) {
		tt_table_free(*docs);
		*docs = NULL;
	}
	return st;
}

/* --- tagging ------------------------------------------------------------ */

tt_status tt_store_ruleset_put(tt_store *s, const tt_ruleset *rs, long long *id,
			       tt_error *err)
{
	sqlite3_stmt *q;
	char now[32];
	const char *hash = tt_ruleset_version(rs);

	if (sqlite3_prepare_v2(s->db, "SELECT id FROM rulesets WHERE hash = ?1", -1, &q,
			       NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read rule sets");
	sqlite3_bind_text(q, 1, hash, -1, SQLITE_STATIC);
	*id = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	if (*id)
		return TT_OK;

	now_iso(now);
	if (sqlite3_prepare_v2(s->db, "INSERT INTO rulesets(hash, source, created_at) "
			       "VALUES (?1, ?2, ?3)", -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot store rule set");
	sqlite3_bind_text(q, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, tt_ruleset_dir(rs), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return tt_store_db_error(s, err, "cannot store rule set");
	*id = sqlite3_last_insert_rowid(s->db);

	if (sqlite3_prepare_v2(s->db, "INSERT INTO themes(ruleset_id, theme, label, "
			       "description, grp) VALUES (?1, ?2, ?3, ?4, ?5)", -1, &q,
			       NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot store themes");
	for (size_t i = 0; i < tt_ruleset_ntheme(rs); i++) {
		const tt_theme_info *t = tt_ruleset_theme(rs, i);
		tt_buf groups = TT_BUF_INIT;
		for (size_t g = 0; g < t->ngroups; g++)
			tt_buf_addf(&groups, "%s%s", g ? "," : "", t->groups[g]);
		sqlite3_bind_int64(q, 1, *id);
		sqlite3_bind_text(q, 2, t->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, t->label, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 4, t->describe, -1, SQLITE_STATIC);
		if (groups.len)
			sqlite3_bind_text(q, 5, groups.buf, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(q, 5);
		rc = sqlite3_step(q);
		sqlite3_reset(q);
		tt_buf_release(&groups);
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(q);
			return tt_store_db_error(s, err, "cannot store themes");
		}
	}
	sqlite3_finalize(q);
	return TT_OK;
}

tt_status tt_store_latest_run(tt_store *s, tt_run_info *run, tt_error *err)
{
	sqlite3_stmt *q;
	memset(run, 0, sizeof(*run));
	if (sqlite3_prepare_v2(s->db, "SELECT id, ruleset_hash, finished_at IS NOT NULL "
			       "FROM tag_runs ORDER BY id DESC LIMIT 1", -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read tag runs");
	if (sqlite3_step(q) == SQLITE_ROW) {
		run->id = sqlite3_column_int64(q, 0);
		snprintf(run->hash, sizeof(run->hash), "%s", (const char *)sqlite3_column_text(q, 1));
		run->finished = sqlite3_column_int(q, 2);
	}
	sqlite3_finalize(q);
	return TT_OK;
}

tt_status tt_store_run_start(tt_store *s, long long ruleset_id, const char *hash,
			     long long *run, tt_error *err)
{
	sqlite3_stmt *q;
	char now[32];
	now_iso(now);
	if (sqlite3_prepare_v2(s->db, "INSERT INTO tag_runs(ruleset_id, ruleset_hash, "
			       "started_at) VALUES (?1, ?2, ?3)", -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot start tag run");
	sqlite3_bind_int64(q, 1, ruleset_id);
	sqlite3_bind_text(q, 2, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return tt_store_db_error(s, err, "cannot start tag run");
	*run = sqlite3_last_insert_rowid(s->db);
	return TT_OK;
}

static tt_status exec_bind1(tt_store *s, const char *sql, long long v, tt_error *err)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "database error");
	sqlite3_bind_int64(q, 1, v);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? TT_OK : tt_store_db_error(s, err, "database error");
}

tt_status tt_store_run_finish(tt_store *s, long long run, tt_error *err)
{
	char now[32];
	sqlite3_stmt *q;
	tt_status st;
	now_iso(now);
	if (sqlite3_prepare_v2(s->db,
			       "UPDATE tag_runs SET finished_at = ?2, "
			       "documents = (SELECT count(*) FROM documents WHERE tagged_run = ?1), "
			       "sentences = (SELECT count(*) FROM sentences s JOIN documents d "
			       "  ON d.id = s.document_id WHERE d.tagged_run = ?1), "
			       "hits = (SELECT count(*) FROM hits WHERE run_id = ?1) WHERE id = ?1",
			       -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot finish tag run");
	sqlite3_bind_int64(q, 1, run);
	sqlite3_bind_text(q, 2, now, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return tt_store_db_error(s, err, "cannot finish tag run");
	/* Only the current run's hits are kept; earlier runs keep their counts. */
	if ((st = exec_bind1(s, "DELETE FROM hits WHERE run_id != ?1", run, err)) != TT_OK)
		return st;
	return TT_OK;
}

tt_status tt_store_run_count(tt_store *s, long long run, size_t *docs, size_t *hits,
			     tt_error *err)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(s->db, "SELECT documents, hits FROM tag_runs WHERE id = ?1",
			       -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read tag run");
	sqlite3_bind_int64(q, 1, run);
	*docs = *hits = 0;
	if (sqlite3_step(q) == SQLITE_ROW) {
		*docs = (size_t)sqlite3_column_int64(q, 0);
		*hits = (size_t)sqlite3_column_int64(q, 1);
	}
	sqlite3_finalize(q);
	return TT_OK;
}

tt_status tt_store_untagged(tt_store *s, long long run, long long **ids, size_t *n,
			    tt_error *err)
{
	sqlite3_stmt *q;
	long long *v = NULL;
	size_t nv = 0, av = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT id FROM documents WHERE tagged_run IS NOT ?1 "
			       "ORDER BY id", -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read documents");
	sqlite3_bind_int64(q, 1, run);
	while (sqlite3_step(q) == SQLITE_ROW) {
		TT_GROW(v, nv + 1, av);
		v[nv++] = sqlite3_column_int64(q, 0);
	}
	sqlite3_finalize(q);
	*ids = v;
	*n = nv;
	return TT_OK;
}

tt_status tt_store_load_doc(tt_store *s, long long doc, tt_doc *d, long long **sent_ids,
			    tt_error *err)
{
	sqlite3_stmt *q;
	long long *secids = NULL;
	tt_status st = TT_OK;

	tt_doc_init(d);
	*sent_ids = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT id, parent_id, level, title, path FROM sections "
			       "WHERE document_id = ?1 ORDER BY ordinal", -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot read sections");
	sqlite3_bind_int64(q, 1, doc);
	while (sqlite3_step(q) == SQLITE_ROW) {
		TT_GROW(d->sec, d->nsec + 1, d->sec_alloc);
		secids = xrealloc(secids, (d->nsec + 1) * sizeof(long long));
		tt_section *sec = &d->sec[d->nsec];
		memset(sec, 0, sizeof(*sec));
		secids[d->nsec] = sqlite3_column_int64(q, 0);
		sec->parent = -1;
		if (sqlite3_column_type(q, 1) != SQLITE_NULL) {
			long long pid = sqlite3_column_int64(q, 1);
			for (size_t k = 0; k < d->nsec; k++)
				if (secids[k] == pid)
					sec->parent = (int)k;
		}
		sec->level = sqlite3_column_int(q, 2);
		sec->title = xstrdup((const char *)sqlite3_column_text(q, 3));
		sec->path = xstrdup((const char *)sqlite3_column_text(q, 4));
		d->nsec++;
	}
	sqlite3_finalize(q);

	if (sqlite3_prepare_v2(s->db, "SELECT id, section_id, block, kind, line, start, end, text "
			       "FROM sentences WHERE document_id = ?1 ORDER BY ordinal",
			       -1, &q, NULL) != SQLITE_OK) {
		free(secids);
		return tt_store_db_error(s, err, "cannot read sentences");
	}
	sqlite3_bind_int64(q, 1, doc);
	size_t aids = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		TT_GROW(d->sent, d->nsent + 1, d->sent_alloc);
		TT_GROW(*sent_ids, d->nsent + 1, aids);
		tt_sentence *t = &d->sent[d->nsent];
		memset(t, 0, sizeof(*t));
		(*sent_ids)[d->nsent] = sqlite3_column_int64(q, 0);
		t->section = -1;
		if (sqlite3_column_type(q, 1) != SQLITE_NULL) {
			long long sid = sqlite3_column_int64(q, 1);
			for (size_t k = 0; k < d->nsec; k++)
				if (secids[k] == sid)
					t->section = (int)k;
		}
		t->block = (uint32_t)sqlite3_column_int64(q, 2);
		const char *kind = (const char *)sqlite3_column_text(q, 3);
		t->kind = !strcmp(kind, "heading") ? TT_BLOCK_HEADING
			  : !strcmp(kind, "list_item") ? TT_BLOCK_LIST_ITEM
			  : !strcmp(kind, "table_row") ? TT_BLOCK_TABLE_ROW
			  : TT_BLOCK_PARAGRAPH;
		t->line = (uint32_t)sqlite3_column_int64(q, 4);
		t->doc_start = (size_t)sqlite3_column_int64(q, 5);
		t->doc_end = (size_t)sqlite3_column_int64(q, 6);
		t->text_len = (size_t)sqlite3_column_bytes(q, 7);
		t->text = xmemdup(sqlite3_column_text(q, 7), t->text_len);
		d->nsent++;
	}
	sqlite3_finalize(q);
	free(secids);
	if (rc != SQLITE_DONE)
		st = tt_store_db_error(s, err, "cannot read sentences");
	return st;
}

tt_status tt_store_put_hits(tt_store *s, long long run, long long doc, long long sentence,
			    const tt_hits *h, tt_error *err)
{
	tt_status st;
	if (!s->ins_hit &&
	    (st = prepare(s, &s->ins_hit,
			  "INSERT INTO hits(run_id, document_id, sentence_id, theme, polarity, "
			  "rule, start, end, match, cue, cue_kind, actor, prop_num, prop_den) "
			  "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)", err)) != TT_OK)
		return st;
	sqlite3_stmt *q = s->ins_hit;
	for (size_t i = 0; i < h->n; i++) {
		const tt_hit *x = &h->v[i];
		sqlite3_bind_int64(q, 1, run);
		sqlite3_bind_int64(q, 2, doc);
		sqlite3_bind_int64(q, 3, sentence);
		sqlite3_bind_text(q, 4, x->theme_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 5, tt_polarity_name(x->polarity), -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 6, x->rule_id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 7, (sqlite3_int64)x->start);
		sqlite3_bind_int64(q, 8, (sqlite3_int64)x->end);
		sqlite3_bind_text(q, 9, x->match ? x->match : "", -1, SQLITE_STATIC);
		bind_text_or_null(q, 10, x->cue && x->cue[0] ? x->cue : NULL);
		sqlite3_bind_text(q, 11, tt_cue_kind_name(x->cue_kind), -1, SQLITE_STATIC);
		bind_text_or_null(q, 12, x->actor);
		if (x->prop_num >= 0)
			sqlite3_bind_int64(q, 13, x->prop_num);
		else
			sqlite3_bind_null(q, 13);
		if (x->prop_den >= 0)
			sqlite3_bind_int64(q, 14, x->prop_den);
		else
			sqlite3_bind_null(q, 14);
		if ((st = step_done(s, q, err, "cannot store hit")) != TT_OK)
			return st;
	}
	return TT_OK;
}

tt_status tt_store_doc_tagged(tt_store *s, long long doc, long long run, tt_error *err)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(s->db, "UPDATE documents SET tagged_run = ?2 WHERE id = ?1",
			       -1, &q, NULL) != SQLITE_OK)
		return tt_store_db_error(s, err, "cannot update document");
	sqlite3_bind_int64(q, 1, doc);
	sqlite3_bind_int64(q, 2, run);
	int rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return tt_store_db_error(s, err, "cannot update document");
	return TT_OK;
}

tt_status tt_store_clear_doc_hits(tt_store *s, long long doc, tt_error *err)
{
	return exec_bind1(s, "DELETE FROM hits WHERE document_id = ?1", doc, err);
}

tt_status tt_store_theme_summary(tt_store *s, tt_table **out, tt_error *err)
{
	return tt_store_query_table(s,
			   "SELECT theme, "
			   "count(DISTINCT CASE WHEN polarity = 'concern' THEN document_id END) "
			   "  AS docs_concern, "
			   "count(DISTINCT CASE WHEN polarity = 'strength' THEN document_id END) "
			   "  AS docs_strength, "
			   "count(DISTINCT CASE WHEN polarity = 'mention' THEN document_id END) "
			   "  AS docs_mention, "
			   "(SELECT count(*) FROM documents) AS docs_total, count(*) AS hits "
			   "FROM hit_evidence GROUP BY theme "
			   "ORDER BY docs_concern DESC, docs_strength DESC, theme",
			   out, err);
}
