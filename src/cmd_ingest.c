/*
 * cmd_ingest.c - `themetrack ingest`: files and folders into the store.
 *
 * Worker threads read, segment, tokenize and stem documents; the calling
 * thread is the one writer and stores results strictly in input order, so
 * the database is identical for any --jobs. Writes are batched into
 * transactions of whole documents: a run killed part-way leaves every
 * document either fully stored or absent, and a re-run finishes the job.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "csv.h"
#include "pool.h"
#include "redact.h"
#include "rules.h"
#include "store.h"
#include "tagging.h"
#include "text.h"
#include "banned.h"

enum {
	OPT_DB = 'd', OPT_MANIFEST = 'm', OPT_AUTHORITY = 'a', OPT_YEAR = 'y',
	OPT_TYPE = 't', OPT_TITLE = 'T', OPT_JOBS = 'j', OPT_QUIET = 'q',
	OPT_VERBOSE = 'v', OPT_RULES = 'r', OPT_PRUNE = 256, OPT_PERIOD, OPT_STRICT, OPT_REDACT,
	OPT_NO_TAG
};

static const tt_opt ingest_opts[] = {
	{"db", OPT_DB, "FILE", "database (default $THEMETRACK_DB or themetrack.db)"},
	{"manifest", OPT_MANIFEST, "CSV", "metadata: file,authority,year,audit_type,title[,period]"},
	{"authority", OPT_AUTHORITY, "NAME", "authority for documents not in a manifest"},
	{"year", OPT_YEAR, "YEAR", "year (2016) or period (2016-17) for them"},
	{"period", OPT_PERIOD, "PERIOD", "period label for them, e.g. 2016-17"},
	{"type", OPT_TYPE, "TYPE", "audit type for them, e.g. multi_agency_audit"},
	{"title", OPT_TITLE, "TITLE", "title for them (default: first heading)"},
	{"rules", OPT_RULES, "DIR", "rule set to tag with (default: the installed one)"},
	{"no-tag", OPT_NO_TAG, NULL, "store documents without tagging them"},
	{"jobs", OPT_JOBS, "N", "worker threads (default: the number of cores)"},
	{"prune", OPT_PRUNE, NULL, "delete stored documents whose files are gone"},
	{"strict", OPT_STRICT, NULL, "exit 2 if any file was skipped"},
	{"redact", OPT_REDACT, NULL, "mask e-mails, phones, postcodes, NHS numbers, DOBs, names first"},
	{"quiet", OPT_QUIET, NULL, "only errors"},
	{"verbose", OPT_VERBOSE, NULL, "one line per document"},
	{NULL, 0, NULL, NULL}};

/* One document to ingest. */
typedef struct job {
	char *arg;         /* path as given or as resolved from the manifest */
	char *key;         /* canonical absolute path: the stored identity */
	tt_doc_meta meta;
	char *title_own, *period_own;
	int year_given;    /* year came from the manifest or --year */
	size_t mline;      /* manifest line, 0 when not from a manifest */
} job;

typedef struct result {
	tt_status st;      /* TT_OK, TT_SKIP or TT_EFAIL */
	tt_error err;
	int unchanged;     /* same hash and text version as stored */
	char hash[65];
	tt_doc doc;
	tt_doc_hits dh;    /* its hits, when tagging */
	size_t bytes;
	size_t redacted[TT_RED_NKIND]; /* identifiers masked, with --redact */
} result;

typedef struct counts {
	size_t added, unchanged, replaced, skipped, failed, meta_updated, pruned;
	size_t sentences, words, bytes, hits;
	size_t redacted[TT_RED_NKIND];
} counts;

typedef struct ingest {
	job *jobs;
	size_t njobs, ajobs;
	result *res;
	const tt_known_doc *known;
	size_t nknown;
	const tt_ruleset *rs;  /* NULL: store untagged */
	const tt_redactor *redact; /* NULL: store the text as it is */
	long long run;         /* the tag run new documents join */

	/* The writer's state (the calling thread only). */
	tt_store *store;
	tt_error *err;
	counts n;
	int in_tx;
	size_t tx_docs, tx_bytes;
	double t0, tx_t;
	int show;              /* progress on a terminal */

	pthread_mutex_t mu;    /* guards limits below */
	tt_tag_stats *limits;
} ingest;

static void job_free(job *j)
{
	free(j->arg);
	free(j->key);
	free(j->title_own);
	free(j->period_own);
}

static int has_text_ext(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot)
		return 0;
	return !strcasecmp(dot, ".txt") || !strcasecmp(dot, ".md") ||
	       !strcasecmp(dot, ".markdown") || !strcasecmp(dot, ".pdf");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects text files under dir, sorted, recursively; hidden ones skipped. */
static void walk(const char *dir, tt_strlist *out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	tt_strlist names = {0};
	if (!d) {
		tt_warnf("%s: cannot open directory: %s", dir, strerror(errno));
		return;
	}
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			tt_strlist_push(&names, e->d_name);
	closedir(d);
	if (names.n)
		qsort(names.v, names.n, sizeof(char *), cmp_str);
	for (size_t i = 0; i < names.n; i++) {
		tt_buf p = TT_BUF_INIT;
		struct stat sb;
		tt_buf_addf(&p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
		if (stat(p.buf, &sb) == 0) {
			if (S_ISDIR(sb.st_mode))
				walk(p.buf, out);
			else if (S_ISREG(sb.st_mode) && has_text_ext(names.v[i]))
				tt_strlist_push(out, p.buf);
		}
		tt_buf_release(&p);
	}
	tt_strlist_release(&names);
}

typedef struct tstate {
	tt_stemmer *stem;
	tt_matcher *m;
} tstate;

static void *thread_init(void *ctx)
{
	ingest *g = ctx;
	tstate *t = xcalloc(1, sizeof(*t));
	t->stem = tt_stemmer_new();
	t->m = g->rs ? tt_matcher_new(g->rs) : NULL;
	return t;
}

static void thread_done(void *ctx, void *ts)
{
	ingest *g = ctx;
	tstate *t = ts;
	if (t->m) {
		pthread_mutex_lock(&g->mu);
		tt_tag_stats_add_limits(g->limits, t->m);
		pthread_mutex_unlock(&g->mu);
		tt_matcher_free(t->m);
	}
	tt_stemmer_free(t->stem);
	free(t);
}

/* Worker: read, hash, and (unless unchanged) segment, analyse and tag. */
static void work(void *ctx, void *ts, size_t i)
{
	ingest *g = ctx;
	tstate *t = ts;
	job *j = &g->jobs[i];
	result *r = &g->res[i];
	tt_doc_init(&r->doc);
	tt_error_init(&r->err);
	r->st = tt_doc_read(&r->doc, j->arg, &r->err);
	if (r->st != TT_OK)
		return;
	if (g->redact) {
		/* Masked before anything else sees the text: the store, its hash
		 * and its full-text index hold only the masked version. */
		tt_buf b = TT_BUF_INIT;
		tt_redact(g->redact, r->doc.bytes, r->doc.len, &b, r->redacted);
		free(r->doc.bytes);
		r->doc.bytes = tt_buf_detach(&b, &r->doc.len);
	}
	r->bytes = r->doc.len;
	tt_sha256_hex(r->doc.bytes, r->doc.len, r->hash);
	const tt_known_doc *k = tt_known_find(g->known, g->nknown, j->key);
	if (k && !strcmp(k->hash, r->hash) && k->text_version == TT_TEXT_VERSION) {
		r->unchanged = 1;
		return;
	}
	tt_doc_segment(&r->doc, TT_SEG_DOCUMENT);
	tt_doc_analyse(&r->doc, t->stem);
	if (t->m)
		tt_doc_hits_match(&r->dh, t->m, &r->doc);
}

static void result_release(result *r)
{
	tt_doc_hits_release(&r->dh);
	tt_doc_release(&r->doc);
	tt_error_release(&r->err);
}

static void discard(void *ctx, size_t i)
{
	ingest *g = ctx;
	result_release(&g->res[i]);
}

/* Fills in title and year when not given; warns when the year is guessed. */
static void complete_meta(job *j, const tt_doc *d)
{
	if (!j->meta.title) {
		for (size_t i = 0; i < d->nsec && !j->meta.title; i++)
			if (d->sec[i].title && d->sec[i].title[0])
				j->meta.title = j->title_own = xmemdup(d->sec[i].title,
					strlen(d->sec[i].title) > 200 ? 200 : strlen(d->sec[i].title));
	}
	if (!j->meta.year && !j->year_given) {
		char per[16];
		const char *from = "title";
		int y = j->meta.title ? tt_infer_year(j->meta.title, per) : 0;
		if (!y) {
			const char *slash = strrchr(j->arg, '/');
			y = tt_infer_year(slash ? slash + 1 : j->arg, per);
			from = "file name";
		}
		if (y) {
			j->meta.year = y;
			if (per[0] && !j->meta.period)
				j->meta.period = j->period_own = xstrdup(per);
			if (per[0])
				tt_warnf("%s: year %d inferred from the %s (period %s); give it "
					 "with --year or a manifest", j->arg, y, from, per);
			else
				tt_warnf("%s: year %d inferred from the %s; give it with "
					 "--year or a manifest", j->arg, y, from);
		} else {
			tt_warnf("%s: no year given or found in the title or file name; "
				 "give it with --year or a manifest", j->arg);
		}
	}
}

static void progress(const ingest *g, size_t done, size_t bytes, double t0, int final)
{
	static double last;
	double now = tt_now();
	if (!final && now - last < 0.1)
		return;
	last = now;
	double el = now - t0;
	double mbs = el > 0 ? (double)bytes / 1e6 / el : 0;
	double eta = done ? el / (double)done * (double)(g->njobs - done) : 0;
	fprintf(stderr, "\r\033[Kingest: %zu/%zu documents, %.1f MB, %.1f MB/s, ETA %.0fs",
		done, g->njobs, (double)bytes / 1e6, mbs, eta);
	if (final)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

static void progress(const ingest *g, size_t done, size_t bytes, double t0, int final);

static tt_status begin_batch(ingest *g)
{
	tt_status st = TT_OK;
	if (!g->in_tx && (st = tt_store_begin(g->store, g->err)) == TT_OK)
		g->in_tx = 1;
	return st;
}

/* Writer: stores result i; returns non-zero to stop the run. */
static int consume(void *ctx, size_t i)
{
	ingest *g = ctx;
	job *j = &g->jobs[i];
	result *r = &g->res[i];
	counts *n = &g->n;
	tt_status st = TT_OK;

	for (size_t w = 0; w < r->doc.warnings.n; w++)
		tt_warnf("%s", r->doc.warnings.v[w]);
	if (r->st == TT_SKIP) {
		char msg[2048];
		tt_error_format(&r->err, msg, sizeof(msg));
		tt_warnf("%s", msg);
		n->skipped++;
	} else if (r->st != TT_OK) {
		tt_err_report(&r->err);
		n->failed++;
	} else if ((st = begin_batch(g)) == TT_OK) {
		const tt_known_doc *k = tt_known_find(g->known, g->nknown, j->key);
		if (r->unchanged) {
			int changed = 0;
			st = tt_store_update_meta(g->store, k->id, &j->meta, &changed, g->err);
			n->unchanged++;
			n->meta_updated += (size_t)changed;
			if (tt_verbosity > 0)
				tt_notef("%s: unchanged%s", j->arg, changed ? ", metadata updated" : "");
		} else {
			long long id;
			long long *sids = xcalloc(r->doc.nsent ? r->doc.nsent : 1, sizeof(long long));
			complete_meta(j, &r->doc);
			st = tt_store_put_doc(g->store, j->key, r->hash, &r->doc, &j->meta, &id,
					      sids, g->err);
			for (size_t k2 = 0; g->rs && st == TT_OK && k2 < r->dh.n; k2++)
				st = tt_store_put_hits(g->store, g->run, id, sids[k2], &r->dh.per[k2],
						       g->err);
			if (g->rs && st == TT_OK)
				st = tt_store_doc_tagged(g->store, id, g->run, g->err);
			free(sids);
			if (k)
				n->replaced++;
			else
				n->added++;
			n->sentences += r->doc.nsent;
			n->words += r->doc.nwords;
			for (int kk = 0; kk < TT_RED_NKIND; kk++)
				n->redacted[kk] += r->redacted[kk];
			n->hits += r->dh.nhits;
			g->tx_docs++;
			g->tx_bytes += r->bytes;
			if (tt_verbosity > 0)
				tt_notef("%s: %s, %zu sentences, %zu words, %zu hits", j->arg,
					 k ? "replaced" : "added", r->doc.nsent, r->doc.nwords,
					 r->dh.nhits);
		}
		n->bytes += r->bytes;
	}
	result_release(r);
	if (st != TT_OK)
		return 1;

	/* A batch is whole documents: a kill loses at most the open batch. */
	double now = tt_now();
	if (g->in_tx && (g->tx_docs >= 200 || g->tx_bytes >= (32u << 20) || now - g->tx_t > 2.0)) {
		g->in_tx = 0;
		if (tt_store_commit(g->store, g->err) != TT_OK)
			return 1;
		g->tx_docs = g->tx_bytes = 0;
		g->tx_t = now;
	}
	if (g->show)
		progress(g, i + 1, n->bytes, g->t0, 0);
	return 0;
}

/* Resolves, checks and adds one job. Returns 0 when the file is missing. */
static int add_job(ingest *g, const char *arg, const tt_doc_meta *meta,
		   int year_given, size_t mline)
{
	char real[PATH_MAX];
	if (!realpath(arg, real))
		return 0;
	for (size_t i = 0; i < g->njobs; i++)
		if (!strcmp(g->jobs[i].key, real))
			return 1; /* first mention wins: a manifest row before a folder */
	TT_GROW(g->jobs, g->njobs + 1, g->ajobs);
	job *j = &g->jobs[g->njobs++];
	memset(j, 0, sizeof(*j));
	j->arg = xstrdup(arg);
	j->key = xstrdup(real);
	j->meta = *meta;
	j->year_given = year_given;
	j->mline = mline;
	return 1;
}

static int under_root(const char *path, const tt_strlist *roots)
{
	for (size_t i = 0; i < roots->n; i++) {
		size_t n = strlen(roots->v[i]);
		if (!strncmp(path, roots->v[i], n) && (path[n] == '/' || roots->v[i][n - 1] == '/'))
			return 1;
	}
	return 0;
}

static int run(const tt_cmd *self, int argc, char **argv)
{
	const char *db = NULL, *manifest = NULL, *rules = NULL, *arg;
	tt_doc_meta cli = {0};
	int jobs = 0, prune = 0, strict = 0, year_given = 0, no_tag = 0, redact = 0;
	char cli_period[16] = "";
	tt_optstate os = {0};
	int c;

	while ((c = tt_opt_next(self, &os, argc, argv, &arg)) != -1) {
		switch (c) {
		case OPT_DB: db = arg; break;
		case OPT_MANIFEST: manifest = arg; break;
		case OPT_AUTHORITY: cli.authority = arg; break;
		case OPT_TYPE: cli.audit_type = arg; break;
		case OPT_TITLE: cli.title = arg; break;
		case OPT_PERIOD: cli.period = arg; break;
		case OPT_PRUNE: prune = 1; break;
		case OPT_STRICT: strict = 1; break;
		case OPT_REDACT: redact = 1; break;
		case OPT_RULES: rules = arg; break;
		case OPT_NO_TAG: no_tag = 1; break;
		case OPT_QUIET: tt_verbosity = -1; break;
		case OPT_VERBOSE: tt_verbosity = 1; break;
		case OPT_YEAR:
			cli.year = tt_infer_year(arg, cli_period);
			if (!cli.year || strlen(arg) > 7)
				tt_usage_fail(self, "bad year '%s'; use a year such as 2016 "
					      "or a period such as 2016-17", arg);
			year_given = 1;
			break;
		case OPT_JOBS: jobs = tt_opt_jobs(self, arg); break;
		}
	}
	if (cli_period[0] && !cli.period)
		cli.period = cli_period;
	if (!db)
		db = tt_default_db();
	if (!manifest && os.optind >= argc)
		tt_usage_fail(self, "nothing to ingest; give files, folders or --manifest");

	ingest g;
	memset(&g, 0, sizeof(g));
	tt_manifest man = {0};
	tt_error err;
	tt_strlist roots = {0};
	int status = TT_EXIT_OK;
	tt_error_init(&err);

	/* Gather and check every input before the database is touched. */
	if (manifest) {
		if (tt_manifest_load(&man, manifest, &err) != TT_OK) {
			status = tt_err_report(&err);
			goto out;
		}
		for (size_t i = 0; i < man.n; i++) {
			tt_manifest_entry *e = &man.v[i];
			tt_doc_meta m = {e->authority, e->year, e->period, e->audit_type,
					 e->title, e->nextra, e->extra_keys, e->extra_vals};
			if (!add_job(&g, e->path, &m, e->year != 0, e->line)) {
				tt_error_set(&err, TT_EINPUT, manifest, e->line, 1,
					     "file '%s' not found (looked for '%s'); paths "
					     "are relative to the manifest", e->file, e->path);
				status = tt_err_report(&err);
				goto out;
			}
		}
		char real[PATH_MAX];
		const char *slash = strrchr(manifest, '/');
		tt_buf dir = TT_BUF_INIT;
		if (slash)
			tt_buf_add(&dir, manifest, (size_t)(slash - manifest) + 1);
		else
			tt_buf_addstr(&dir, ".");
		if (realpath(dir.buf, real))
			tt_strlist_push(&roots, real);
		tt_buf_release(&dir);
	}
	for (int i = os.optind; i < argc; i++) {
		struct stat sb;
		char real[PATH_MAX];
		if (stat(argv[i], &sb) != 0) {
			tt_errf("%s: %s", argv[i], strerror(errno));
			status = TT_EXIT_USAGE;
			goto out;
		}
		if (S_ISDIR(sb.st_mode)) {
			tt_strlist files = {0};
			walk(argv[i], &files);
			if (!files.n) {
				tt_errf("%s: no .txt, .md or .pdf files found", argv[i]);
				tt_strlist_release(&files);
				status = TT_EXIT_USAGE;
				goto out;
			}
			for (size_t k = 0; k < files.n; k++)
				add_job(&g, files.v[k], &cli, year_given, 0);
			tt_strlist_release(&files);
			if (realpath(argv[i], real))
				tt_strlist_push(&roots, real);
		} else {
			add_job(&g, argv[i], &cli, year_given, 0);
		}
	}

	/* The rule set is checked before the database is touched too. */
	tt_ruleset *rs = NULL;
	if (!no_tag) {
		const char *dir = rules ? rules : tt_default_rules();
		struct stat sb;
		if (!rules && stat(dir, &sb) != 0) {
			tt_warnf("no rule set at '%s'; documents are stored untagged "
				 "(give one with --rules)", dir);
		} else if (tt_ruleset_load(&rs, dir, &err) != TT_OK) {
			status = tt_err_report(&err);
			goto out;
		}
	}

	if (tt_store_open(&g.store, db, TT_STORE_WRITE, &err) != TT_OK) {
		status = tt_err_report(&err);
		goto out;
	}
	tt_known_doc *known = NULL;
	size_t nknown = 0;
	tt_status st = tt_store_known(g.store, &known, &nknown, &err);
	tt_tag_stats limits;
	if (rs)
		tt_tag_stats_init(&limits, rs);
	if (st == TT_OK && rs) {
		int fresh;
		if ((st = tt_store_begin(g.store, &err)) == TT_OK &&
		    (st = tt_tag_run_for(g.store, rs, 0, &g.run, &fresh, &err)) == TT_OK)
			st = tt_store_commit(g.store, &err);
	}

	g.res = xcalloc(g.njobs ? g.njobs : 1, sizeof(result));
	g.known = known;
	g.nknown = nknown;
	g.rs = rs;
	tt_redactor *redactor = redact ? tt_redactor_new() : NULL;
	g.redact = redactor;
	g.err = &err;
	g.limits = rs ? &limits : NULL;
	g.show = tt_verbosity >= 0 && tt_stderr_tty();
	g.t0 = g.tx_t = tt_now();
	pthread_mutex_init(&g.mu, NULL);
	static const tt_pool_ops ops = {thread_init, thread_done, work, consume, discard};
	if (st == TT_OK && tt_pool_run(g.njobs, jobs ? jobs : tt_pool_cores(), &ops, &g) != 0)
		st = err.status ? err.status : TT_EFAIL;
	pthread_mutex_destroy(&g.mu);
	if (g.show)
		progress(&g, g.njobs, g.n.bytes, g.t0, 1);

	if (st == TT_OK && prune && (st = begin_batch(&g)) == TT_OK) {
		for (size_t k = 0; st == TT_OK && k < nknown; k++) {
			struct stat sb;
			if (under_root(known[k].path, &roots) && stat(known[k].path, &sb) != 0) {
				st = tt_store_delete_doc(g.store, known[k].id, &err);
				g.n.pruned++;
				if (tt_verbosity > 0)
					tt_notef("%s: gone, removed from the database", known[k].path);
			}
		}
	}
	if (st == TT_OK && g.in_tx) {
		g.in_tx = 0;
		st = tt_store_commit(g.store, &err);
	}
	/* Documents stored before (or by an older rule set) join the run. */
	if (st == TT_OK && rs) {
		tt_tag_stats rest;
		tt_tag_stats_init(&rest, rs);
		st = tt_tag_complete(g.store, db, rs, g.run, jobs ? jobs : tt_pool_cores(),
				     &rest, &err);
		for (size_t r = 0; r < limits.nrules; r++)
			limits.limited[r] += rest.limited[r];
		g.n.hits += rest.hits;
		tt_tag_stats_release(&rest);
	}

	counts *n = &g.n;
	if (st != TT_OK) {
		if (g.in_tx)
			tt_store_rollback(g.store);
		status = tt_err_report(&err);
		tt_errf("ingest stopped; documents of the unfinished batch were not "
			"stored, run it again to finish");
	} else {
		double el = tt_now() - g.t0;
		if (rs)
			for (size_t r = 0; r < limits.nrules; r++)
				if (limits.limited[r])
					tt_warnf("rule '%s' hit the PCRE2 match limit on %zu "
						 "sentence%s; those matches were skipped",
						 tt_ruleset_rule(rs, r)->id, limits.limited[r],
						 limits.limited[r] == 1 ? "" : "s");
		if (tt_verbosity >= 0) {
			tt_buf sum = TT_BUF_INIT;
			tt_buf_addf(&sum, "%zu document%s: %zu added, %zu unchanged, %zu replaced, "
				    "%zu skipped", g.njobs, g.njobs == 1 ? "" : "s", n->added,
				    n->unchanged, n->replaced, n->skipped + n->failed);
			if (n->meta_updated)
				tt_buf_addf(&sum, ", %zu metadata updated", n->meta_updated);
			if (n->pruned)
				tt_buf_addf(&sum, ", %zu pruned", n->pruned);
			tt_buf_addf(&sum, "; %zu sentences, %zu words", n->sentences, n->words);
			if (rs)
				tt_buf_addf(&sum, ", %zu hits (rules %.12s)", n->hits,
					    tt_ruleset_version(rs));
			tt_buf_addf(&sum, " in %.2fs", el);
			if (n->added + n->replaced == 0 && n->unchanged && !n->pruned &&
			    !n->meta_updated && !n->hits)
				tt_buf_addstr(&sum, " (nothing changed)");
			tt_notef("%s", sum.buf);
			tt_buf_release(&sum);
			if (redactor) {
				tt_buf red = TT_BUF_INIT;
				for (int kk = 0; kk < TT_RED_NKIND; kk++)
					tt_buf_addf(&red, "%s%zu %s", kk ? ", " : "", n->redacted[kk],
						    tt_red_kind_name((tt_red_kind)kk));
				tt_notef("redacted in the documents stored: %s", red.buf);
				tt_buf_release(&red);
			}
		}
		if (n->failed)
			status = TT_EXIT_FAIL;
		else if (n->skipped && (strict || n->skipped == g.njobs))
			status = TT_EXIT_USAGE;
	}
	if (rs)
		tt_tag_stats_release(&limits);
	tt_redactor_free(redactor);
	tt_store_close(g.store);
	tt_known_free(known, nknown);
	tt_ruleset_free(rs);
out:
	for (size_t i = 0; i < g.njobs; i++)
		job_free(&g.jobs[i]);
	free(g.jobs);
	free(g.res);
	tt_manifest_release(&man);
	tt_strlist_release(&roots);
	tt_error_release(&err);
	return status;
}

const tt_cmd tt_cmd_ingest = {
	"ingest",
	"read reports into the database (text, sections, sentences)",
	"[options] PATH...",
	ingest_opts,
	"PATH is a file (.txt, .md, .pdf via pdftotext) or a folder, read\n"
	"recursively. An unchanged file is left as stored; a changed one replaces\n"
	"its old version; --prune removes documents whose files have gone from the\n"
	"folders (or manifest folder) given. Without a year, the year is inferred\n"
	"from the title or file name (2016-17 -> 2016) with a warning.\n"
	"Exit status: 0 done (skipped files are warnings), 1 a runtime failure\n"
	"(nothing of the unfinished batch stored), 2 bad usage or no usable input.\n",
	"  themetrack ingest --db audits.db --manifest corpora/sample/manifest.csv\n"
	"  themetrack ingest --db audits.db --authority Northmoor --year 2016 reports/\n",
	run};
