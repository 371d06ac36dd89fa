/* cli.c - option parsing from declarations, help, and diagnostics. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "rules.h"
#include "banned.h"

int tt_verbosity;

int tt_stderr_tty(void)
{
	return isatty(STDERR_FILENO);
}

int tt_color_ok(void)
{
	const char *nc = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	if (nc && *nc)
		return 0;
	if (term && !strcmp(term, "dumb"))
		return 0;
	return tt_stderr_tty();
}

static void vdiag(const char *label, const char *color, const char *fmt, va_list ap)
{
	char msg[4096];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (label && tt_color_ok())
		fprintf(stderr, "themetrack: \033[%sm%s:\033[0m %s\n", color, label, msg);
	else if (label)
		fprintf(stderr, "themetrack: %s: %s\n", label, msg);
	else
		fprintf(stderr, "themetrack: %s\n", msg);
}

void tt_warnf(const char *fmt, ...)
{
	va_list ap;
	if (tt_verbosity < 0)
		return;
	va_start(ap, fmt);
	vdiag("warning", "33", fmt, ap);
	va_end(ap);
}

void tt_errf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(NULL, "31", fmt, ap);
	va_end(ap);
}

void tt_notef(const char *fmt, ...)
{
	va_list ap;
	if (tt_verbosity < 0)
		return;
	va_start(ap, fmt);
	vdiag(NULL, NULL, fmt, ap);
	va_end(ap);
}

int tt_exit_for(tt_status s)
{
	switch (s) {
	case TT_OK: return TT_EXIT_OK;
	case TT_SKIP:
	case TT_EINPUT: return TT_EXIT_USAGE;
	case TT_EFAIL: return TT_EXIT_FAIL;
	}
	return TT_EXIT_FAIL;
}

int tt_err_report(const tt_error *e)
{
	char buf[2048];
	tt_error_format(e, buf, sizeof(buf));
	tt_errf("%s", buf);
	return tt_exit_for(e->status);
}

_Noreturn void tt_usage_fail(const tt_cmd *cmd, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (cmd)
		tt_errf("%s: %s; see 'themetrack %s --help'", cmd->name, msg, cmd->name);
	else
		tt_errf("%s; see 'themetrack --help'", msg);
	exit(TT_EXIT_USAGE);
}

void tt_cmd_help(const tt_cmd *cmd, FILE *out)
{
	fprintf(out, "usage: themetrack %s %s\n\n%s\n", cmd->name, cmd->synopsis,
		cmd->summary);
	if (cmd->opts && cmd->opts[0].name) {
		fprintf(out, "\noptions:\n");
		for (const tt_opt *o = cmd->opts; o->name; o++) {
			char left[64];
			if (o->key < 256)
				snprintf(left, sizeof(left), "-%c, --%s%s%s", o->key,
					 o->name, o->arg ? " " : "", o->arg ? o->arg : "");
			else
				snprintf(left, sizeof(left), "    --%s%s%s", o->name,
					 o->arg ? " " : "", o->arg ? o->arg : "");
			fprintf(out, "  %-26s %s\n", left, o->help);
		}
		fprintf(out, "  %-26s %s\n", "-h, --help", "show this help");
	}
	if (cmd->details)
		fprintf(out, "\n%s", cmd->details);
	if (cmd->example)
		fprintf(out, "\nexample:\n%s", cmd->example);
}

static const char *nearest_option(const tt_cmd *cmd, const char *given)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1;
	for (const tt_opt *o = cmd->opts; o && o->name; o++) {
		size_t d = tt_edit_distance(given, o->name);
		if (d < bestd) {
			bestd = d;
			best = o->name;
		}
	}
	if (best && bestd <= 3)
		return best;
	return NULL;
}

int tt_opt_next(const tt_cmd *cmd, tt_optstate *st, int argc, char **argv,
		const char **arg)
{
	struct option lo[64];
	tt_buf shorts = TT_BUF_INIT;
	size_t n = 0;

	tt_buf_addstr(&shorts, ":h");
	for (const tt_opt *o = cmd->opts; o && o->name; o++) {
		lo[n].name = o->name;
		lo[n].has_arg = o->arg ? required_argument : no_argument;
		lo[n].flag = NULL;
		lo[n].val = o->key;
		n++;
		if (o->key < 256) {
			tt_buf_addch(&shorts, o->key);
			if (o->arg)
				tt_buf_addch(&shorts, ':');
		}
	}
	lo[n].name = "help";
	lo[n].has_arg = no_argument;
	lo[n].flag = NULL;
	lo[n].val = 'h';
	n++;
	memset(&lo[n], 0, sizeof(lo[n]));

	if (!st->started) {
		optind = 1;
		opterr = 0;
		st->started = 1;
	}
	optopt = 0;
	int c = getopt_long(argc, argv, shorts.buf, lo, NULL);
	tt_buf_release(&shorts);
	*arg = optarg;
	st->optind = optind;
	if (c == -1)
		return -1;
	if (c == 'h') {
		tt_cmd_help(cmd, stdout);
		exit(TT_EXIT_OK);
	}
	if (c == '?' || c == ':') {
		const char *bad = argv[optind - 1 < argc ? optind - 1 : argc - 1];
		char name[128];
		const tt_opt *missing = NULL;
		for (const tt_opt *o = cmd->opts; c == ':' && o && o->name; o++)
			if (o->key == optopt)
				missing = o;
		if (missing) {
			snprintf(name, sizeof(name), "%s", missing->name);
		} else if (!optopt && !strncmp(bad, "--", 2)) {
			size_t l = strcspn(bad + 2, "=");
			snprintf(name, sizeof(name), "%.*s", (int)l, bad + 2);
		} else {
			snprintf(name, sizeof(name), "%c", optopt ? optopt : '?');
		}
		if (c == ':')
			tt_usage_fail(cmd, "option '%s%s' needs an argument",
				      strlen(name) > 1 ? "--" : "-", name);
		const char *near = strlen(name) > 1 ? nearest_option(cmd, name) : NULL;
		if (near) {
			tt_errf("%s: unknown option '%s%s'; did you mean '--%s'?", cmd->name,
				strlen(name) > 1 ? "--" : "-", name, near);
			exit(TT_EXIT_USAGE);
		}
		tt_usage_fail(cmd, "unknown option '%s%s'", strlen(name) > 1 ? "--" : "-", name);
	}
	return c;
}

const char *tt_default_db(void)
{
	const char *e = getenv("THEMETRACK_DB");
	return e && *e ? e : "themetrack.db";
}

const char *tt_default_rules(void)
{
	struct stat sb;
	const char *e = getenv("THEMETRACK_RULES");
	if (e && *e)
		return e;
	if (stat("rules", &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    stat("lexicons", &sb) == 0 && S_ISDIR(sb.st_mode))
		return "rules";
	return TT_DATADIR "/rules";
}

long long tt_opt_count(const tt_cmd *cmd, const char *name, const char *arg, long long lo,
			long long hi)
{
	char *end;
	errno = 0;
	long long v = strtoll(arg, &end, 10);
	if (*end || end == arg || errno || v < lo || v > hi)
		tt_usage_fail(cmd, "bad --%s '%s'; give a number from %lld to %lld", name, arg, lo,
			      hi);
	return v;
}

int tt_opt_jobs(const tt_cmd *cmd, const char *arg)
{
	return (int)tt_opt_count(cmd, "jobs", arg, 1, 256);
}

int tt_opt_format(const tt_cmd *cmd, const char *arg, unsigned allowed)
{
	static const char *const names[] = {"table", "csv", "json", "tsv", "jsonl"};
	int f = tt_out_format_parse(arg);
	if (f >= 0 && (allowed & (1u << f)))
		return f;
	tt_buf list = TT_BUF_INIT;
	size_t left = 0;
	for (size_t i = 0; i < TT_ARRAY_LEN(names); i++)
		left += (allowed >> i) & 1;
	for (size_t i = 0; i < TT_ARRAY_LEN(names); i++)
		if (allowed & (1u << i)) {
			left--;
			tt_buf_addf(&list, "%s%s", list.len ? (left ? ", " : " or ") : "", names[i]);
		}
	char msg[256];
	snprintf(msg, sizeof(msg), "%s", list.buf);
	tt_buf_release(&list);
	tt_usage_fail(cmd, "unknown format '%s'; use %s", arg, msg);
}

struct tt_ruleset *tt_cli_load_rules(const char *dir, int *status)
{
	tt_ruleset *rs = NULL;
	tt_error err;
	tt_error_init(&err);
	if (tt_ruleset_load(&rs, dir ? dir : tt_default_rules(), &err) != TT_OK) {
		*status = tt_err_report(&err);
		rs = NULL;
	}
	tt_error_release(&err);
	return rs;
}
