/*
 * cli.h - the command-line layer: the command table, options declared as
 * data (so parsing, --help and "did you mean" come from one place), exit
 * statuses, and the diagnostics format. Only this layer prints to stderr
 * or chooses an exit status.
 */
#ifndef TT_CLI_H
#define TT_CLI_H

#include <stdio.h>

#include "render.h"
#include "util.h"

/* Exit statuses (design.md): documented in README.md. */
enum {
	TT_EXIT_OK = 0,
	TT_EXIT_FAIL = 1,  /* runtime failure: I/O, database, resources */
	TT_EXIT_USAGE = 2  /* bad usage or bad input */
};

typedef struct tt_opt {
	const char *name;    /* long name without "--" */
	int key;             /* short letter, or a value >= 256 for long-only */
	const char *arg;     /* argument name for help ("FILE"); NULL = flag */
	const char *help;    /* one line */
} tt_opt;

typedef struct tt_cmd tt_cmd;
struct tt_cmd {
	const char *name;
	const char *summary;  /* one line for `themetrack --help` */
	const char *synopsis; /* argument synopsis after the command name */
	const tt_opt *opts;   /* terminated by {NULL} */
	const char *details;  /* paragraphs after the options; may be NULL */
	const char *example;  /* one or more example lines */
	int (*run)(const tt_cmd *self, int argc, char **argv);
};

/* Every command, in help order; NULL-terminated. */
extern const tt_cmd *const tt_commands[];

/*
 * Option iterator over cmd->opts with getopt_long. Returns the key of the
 * next option (its argument in *arg), or -1 after the last option with
 * *optind_out set to the first operand. Handles --help itself (prints the
 * command's help to stdout and exits 0) and rejects unknown options and
 * missing arguments with a one-line message naming the nearest valid
 * option, exiting 2.
 */
typedef struct tt_optstate {
	int started;
	int optind;
} tt_optstate;
int tt_opt_next(const tt_cmd *cmd, tt_optstate *st, int argc, char **argv,
		const char **arg);

void tt_cmd_help(const tt_cmd *cmd, FILE *out);

/* Diagnostics on stderr: "themetrack: ..." ; colour only on a terminal. */
void tt_warnf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tt_errf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tt_notef(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints e as an error and returns the exit status for its status. */
int tt_err_report(const tt_error *e);
/* Exit status for a library status. */
int tt_exit_for(tt_status s);

/* Fails with exit 2 on a usage error (message printed with hint). */
_Noreturn void tt_usage_fail(const tt_cmd *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Parses --jobs N (1..256) or fails with exit 2. */
int tt_opt_jobs(const tt_cmd *cmd, const char *arg);
/*
 * Parses the whole number arg of option --name, from lo to hi, or fails
 * with exit 2: "bad --name 'arg'; give a number from lo to hi".
 */
long long tt_opt_count(const tt_cmd *cmd, const char *name, const char *arg, long long lo,
		       long long hi);

/*
 * Parses --format FMT, allowing the TT_OUT_* formats whose bits
 * (1 << fmt) are set in `allowed`, or fails with exit 2 naming them.
 */
int tt_opt_format(const tt_cmd *cmd, const char *arg, unsigned allowed);
#define TT_FMTS_QUERY ((1u << TT_OUT_TABLE) | (1u << TT_OUT_CSV) | (1u << TT_OUT_JSON))

struct tt_ruleset;
/*
 * Loads the rule set in dir (NULL: tt_default_rules()); on failure prints
 * the error, sets *status to the exit status and returns NULL.
 */
struct tt_ruleset *tt_cli_load_rules(const char *dir, int *status);

/* True when stderr is a terminal and colour is allowed (NO_COLOR unset). */
int tt_stderr_tty(void);
int tt_color_ok(void);

/* Verbosity shared by commands: -1 quiet, 0 normal, 1 verbose. */
extern int tt_verbosity;

/* The database path: --db, else $THEMETRACK_DB, else "themetrack.db". */
const char *tt_default_db(void);

/*
 * The rules directory: --rules, else $THEMETRACK_RULES, else ./rules when
 * it holds rule files (a source checkout), else the installed TT_DATADIR.
 */
const char *tt_default_rules(void);


/* --- the query commands' shared options (cli_query.c) ------------------ */

#include "corpus.h"

/* Keys of the shared query options; commands use keys outside these. */
enum {
	TT_QOPT_DB = 'd',
	TT_QOPT_FORMAT = 'f',
	TT_QOPT_THEME = 't',
	TT_QOPT_POLARITY = 'p',
	TT_QOPT_YEAR = 'y',
	TT_QOPT_AUTHORITY = 400,
	TT_QOPT_TYPE,
	TT_QOPT_ACTOR
};

/* The shared options, for a command's tt_opt array (before its own). */
#define TT_QUERY_OPTS                                                              	{"db", TT_QOPT_DB, "FILE", "database (default $THEMETRACK_DB or themetrack.db)"}, 	{"theme", TT_QOPT_THEME, "ID", "only this theme or theme group (repeatable, or a,b)"}, 	{"polarity", TT_QOPT_POLARITY, "P", "concern, strength, mention or any"},     	{"authority", TT_QOPT_AUTHORITY, "A", "only documents of this authority"},     	{"type", TT_QOPT_TYPE, "T", "only documents of this audit type"},              	{"year", TT_QOPT_YEAR, "PERIOD", "only these years: 2016, 2015..2017, 2015,2017"}, 	{"actor", TT_QOPT_ACTOR, "A", "only hits naming this agency or person"},       	{"format", TT_QOPT_FORMAT, "FMT", "table (default), csv or json"}

typedef struct tt_qopts {
	const char *db;
	int format;           /* tt_out_format */
	tt_filter filter;     /* themes as given until expanded */
} tt_qopts;

/* Defaults: the default database, table output, `polarity` (or TT_POL_ANY). */
void tt_qopts_init(tt_qopts *q, int polarity);
void tt_qopts_release(tt_qopts *q);
/*
 * Parses the PERIOD arg of option --name into *p (released first), or
 * fails with exit 2 naming the option and the bad part.
 */
void tt_opt_period(const tt_cmd *cmd, tt_period *p, const char *name, const char *arg);

/*
 * Takes a shared option (returns 1) or leaves it to the command (0). A
 * bad value fails with exit 2 and a message naming the option.
 */
int tt_qopts_take(const tt_cmd *cmd, tt_qopts *q, int key, const char *arg);

typedef struct tt_store tt_store;
/*
 * Opens q->db read-only and loads the corpus of q->filter into *c (with
 * its themes expanded, facts at the tt_facts_level `facts`, none for 0:
 * then only the run and themes are loaded); reports problems (no
 * database, no tag run yet, unknown theme, documents not tagged by the
 * current run) and returns the exit status, TT_EXIT_OK when *s and *c are
 * ready (close and release them).
 */
int tt_cli_open_corpus(const tt_cmd *cmd, tt_qopts *q, int facts, tt_store **s,
		       tt_corpus *c);

/*
 * An output file written whole or not at all: a temporary file beside it,
 * renamed over it by tt_outfile_close; or stdout when path is NULL.
 */
typedef struct tt_outfile {
	const char *path;
	char *tmp;
	FILE *f;
} tt_outfile;

/* Opens o for `path` (NULL: stdout); prints the error and returns -1. */
int tt_outfile_open(tt_outfile *o, const char *path);
/*
 * Finishes o: with `ok`, renames the temporary over the file (or flushes
 * stdout); otherwise, or on a write error, removes the temporary. Returns
 * 0 when the output is complete, else -1 (an error was printed).
 */
int tt_outfile_close(tt_outfile *o, int ok);

/*
 * Says which tag run and rule set the figures come from: a caption line
 * on stdout before a table, a note on stderr with csv and json.
 */
void tt_cli_caption(const tt_corpus *c, int format, const char *what);
/* The caption, then the table t in `format` on stdout; frees t. */
void tt_cli_print(const tt_corpus *c, int format, const char *what, tt_table *t);

#endif
