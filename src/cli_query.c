/* cli_query.c - the options and set-up shared by the query commands. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "store.h"
#include "banned.h"

void tt_qopts_init(tt_qopts *q, int polarity)
{
	memset(q, 0, sizeof(*q));
	q->db = tt_default_db();
	q->format = TT_OUT_TABLE;
	tt_filter_init(&q->filter);
	q->filter.polarity = polarity;
}

void tt_qopts_release(tt_qopts *q)
{
	tt_filter_release(&q->filter);
}

static void set_str(char **dst, const char *arg)
{
	free(*dst);
	*dst = xstrdup(arg);
}

int tt_qopts_take(const tt_cmd *cmd, tt_qopts *q, int key, const char *arg)
{
	tt_filter *f = &q->filter;
	switch (key) {
	case TT_QOPT_DB:
		q->db = arg;
		return 1;
	case TT_QOPT_FORMAT:
		q->format = tt_opt_format(cmd, arg, TT_FMTS_QUERY);
		return 1;
	case TT_QOPT_THEME:
		for (const char *p = arg; *p;) {
			size_t n = strcspn(p, ",");
			if (n) {
				f->themes = xrealloc(f->themes, (f->nthemes + 1) * sizeof(*f->themes));
				f->themes[f->nthemes++] = xmemdup(p, n);
			}
			p += n + (p[n] == ',');
		}
		if (!f->nthemes)
			tt_usage_fail(cmd, "empty --theme; give a theme id or a theme group");
		return 1;
	case TT_QOPT_POLARITY:
		if (!strcmp(arg, "concern"))
			f->polarity = 0;
		else if (!strcmp(arg, "strength"))
			f->polarity = 1;
		else if (!strcmp(arg, "mention"))
			f->polarity = 2;
		else if (!strcmp(arg, "any"))
			f->polarity = TT_POL_ANY;
		else
			tt_usage_fail(cmd, "unknown polarity '%s'; use concern, strength, "
				      "mention or any", arg);
		return 1;
	case TT_QOPT_YEAR:
		tt_opt_period(cmd, &f->years, "year", arg);
		return 1;
	case TT_QOPT_AUTHORITY:
		set_str(&f->authority, arg);
		return 1;
	case TT_QOPT_TYPE:
		set_str(&f->type, arg);
		return 1;
	case TT_QOPT_ACTOR:
		set_str(&f->actor, arg);
		return 1;
	default:
		return 0;
	}
}

int tt_cli_open_corpus(const tt_cmd *cmd, tt_qopts *q, int facts, tt_store **s,
		       tt_corpus *c)
{
	tt_error err;
	tt_error_init(&err);
	memset(c, 0, sizeof(*c));
	*s = NULL;
	if (tt_store_open(s, q->db, TT_STORE_READ, &err) != TT_OK)
		goto fail;
	if ((facts ? tt_store_corpus(*s, &q->filter, (tt_facts_level)facts, c, &err)
		   : tt_store_corpus_head(*s, c, &err)) != TT_OK)
		goto fail;
	if (!c->run) {
		tt_errf("%s: '%s' has no finished tag run; run 'themetrack tag --db %s' "
			"first", cmd->name, q->db, q->db);
		tt_corpus_release(c);
		tt_store_close(*s);
		*s = NULL;
		return TT_EXIT_USAGE;
	}
	if (tt_corpus_expand_themes(c, &q->filter, &err) != TT_OK)
		goto fail;
	if (facts && c->untagged)
		tt_warnf("%zu document%s not tagged by the current run %s left out; run "
			 "'themetrack tag' to include %s", c->untagged,
			 c->untagged == 1 ? "" : "s", c->untagged == 1 ? "is" : "are",
			 c->untagged == 1 ? "it" : "them");
	tt_error_release(&err);
	return TT_EXIT_OK;
fail:;
	int rc;
	if (err.status == TT_EINPUT && !err.file) {
		tt_errf("%s: %s", cmd->name, err.msg);
		rc = TT_EXIT_USAGE;
	} else {
		rc = tt_err_report(&err);
	}
	tt_error_release(&err);
	tt_corpus_release(c);
	tt_store_close(*s);
	*s = NULL;
	return rc;
}

void tt_cli_caption(const tt_corpus *c, int format, const char *what)
{
	char line[512];
	snprintf(line, sizeof(line), "%s; tag run %lld, rule set %.12s, finished %s",
		 what, c->run, c->ruleset, c->run_finished);
	if (format == TT_OUT_TABLE)
		printf("%s\n\n", line);
	else
		tt_notef("%s", line);
}

void tt_opt_period(const tt_cmd *cmd, tt_period *p, const char *name, const char *arg)
{
	tt_error err;
	tt_error_init(&err);
	tt_period_release(p);
	if (tt_period_parse(p, arg, &err) != TT_OK) {
		char msg[1100];
		snprintf(msg, sizeof(msg), "--%s: %s", name, err.msg);
		tt_error_release(&err);
		tt_usage_fail(cmd, "%s", msg);
	}
	tt_error_release(&err);
}

void tt_cli_print(const tt_corpus *c, int format, const char *what, tt_table *t)
{
	tt_cli_caption(c, format, what);
	tt_table_write(t, (tt_out_format)format, stdout);
	tt_table_free(t);
}

int tt_outfile_open(tt_outfile *o, const char *path)
{
	memset(o, 0, sizeof(*o));
	o->path = path;
	if (!path) {
		o->f = stdout;
		return 0;
	}
	tt_buf b = TT_BUF_INIT;
	tt_buf_addf(&b, "%s.tmp.%ld", path, (long)getpid());
	o->tmp = tt_buf_detach(&b, NULL);
	o->f = fopen(o->tmp, "w");
	if (!o->f) {
		tt_errf("cannot write '%s': %s; check that the directory exists and is writable",
			path, strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	return 0;
}

int tt_outfile_close(tt_outfile *o, int ok)
{
	if (!o->path) {
		if (fflush(stdout) != 0) {
			tt_errf("cannot write the output: %s", strerror(errno));
			return -1;
		}
		return ok ? 0 : -1;
	}
	if (!o->f)
		return -1;
	int bad = ferror(o->f) != 0;
	bad |= fclose(o->f) != 0;
	o->f = NULL;
	if (ok && !bad && rename(o->tmp, o->path) != 0)
		bad = 1;
	if (ok && bad)
		tt_errf("cannot write '%s': %s", o->path, strerror(errno));
	if (!ok || bad)
		remove(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
	return ok && !bad ? 0 : -1;
}
