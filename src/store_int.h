/*
 * store_int.h - the store's internals, shared by src/store*.c only: the
 * handle and the error helper. Nothing outside the store layer sees SQL.
 *
 *   store.c        schema, migrations, document writes, tag runs
 *   store_query.c  the read queries of the analysis commands
 */
#ifndef TT_STORE_INT_H
#define TT_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

struct tt_store {
	sqlite3 *db;
	char *path;
	int in_tx;
	sqlite3_stmt *ins_doc, *ins_sec, *ins_sent, *ins_meta, *ins_hit;
};

/*
 * Sets err from the database's last error, prefixed by `what` and
 * followed by a hint for the common causes. Returns TT_EINPUT for a file
 * that is not a database or is corrupt, else TT_EFAIL.
 */
tt_status tt_store_db_error(tt_store *s, tt_error *err, const char *what);

/* Runs a query and returns all its rows as a table (text cells). */
tt_status tt_store_query_table(tt_store *s, const char *sql, tt_table **out,
			       tt_error *err);

#endif
