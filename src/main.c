/* main.c - dispatch: `themetrack COMMAND [options]`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <sqlite3.h>

#include "cli.h"
#include "banned.h"

static void print_help(FILE *out)
{
	fprintf(out, "usage: themetrack COMMAND [options]\n\n"
		     "Tags practice themes in safeguarding audit reports and tracks them\n"
		     "across audits, years and authorities.\n\ncommands:\n");
	for (size_t i = 0; tt_commands[i]; i++)
		fprintf(out, "  %-10s %s\n", tt_commands[i]->name, tt_commands[i]->summary);
	fprintf(out, "\n'themetrack COMMAND --help' shows a command's options and an example.\n"
		     "Exit status: 0 success, 1 runtime failure, 2 bad usage or bad input.\n");
}

static void print_version(void)
{
	char pcre[64] = "";
	const char **algs = sb_stemmer_list();
	size_t nalg = 0;
	pcre2_config(PCRE2_CONFIG_VERSION, pcre);
	while (algs && algs[nalg])
		nalg++;
	printf("themetrack %s\n", TT_VERSION);
	printf("PCRE2 %s\n", pcre);
	printf("SQLite %s\n", sqlite3_libversion());
	printf("Snowball libstemmer (english; %zu algorithms linked)\n", nalg);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		print_help(stderr);
		return TT_EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
		if (argc > 2 && strcmp(name, "help") == 0) {
			for (size_t i = 0; tt_commands[i]; i++)
				if (!strcmp(tt_commands[i]->name, argv[2])) {
					tt_cmd_help(tt_commands[i], stdout);
					return TT_EXIT_OK;
				}
		}
		print_help(stdout);
		return TT_EXIT_OK;
	}
	if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
		print_version();
		return TT_EXIT_OK;
	}
	for (size_t i = 0; tt_commands[i]; i++)
		if (!strcmp(tt_commands[i]->name, name))
			return tt_commands[i]->run(tt_commands[i], argc - 1, argv + 1);

	const char *best = NULL;
	size_t bestd = (size_t)-1;
	for (size_t i = 0; tt_commands[i]; i++) {
		size_t d = tt_edit_distance(name, tt_commands[i]->name);
		if (d < bestd) {
			bestd = d;
			best = tt_commands[i]->name;
		}
	}
	if (name[0] == '-')
		tt_errf("unknown option '%s'; see 'themetrack --help'", name);
	else if (best && bestd <= 3)
		tt_errf("unknown command '%s'; did you mean '%s'?", name, best);
	else
		tt_errf("unknown command '%s'; see 'themetrack --help'", name);
	return TT_EXIT_USAGE;
}
