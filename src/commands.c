/* commands.c - the command table: one entry per src/cmd_*.c, help order. */
#include <stddef.h>

#include "cli.h"
#include "banned.h"

extern const tt_cmd tt_cmd_ingest;
extern const tt_cmd tt_cmd_stats;
extern const tt_cmd tt_cmd_tag;
extern const tt_cmd tt_cmd_eval;
extern const tt_cmd tt_cmd_scan;
extern const tt_cmd tt_cmd_rules;

const tt_cmd *const tt_commands[] = {
	&tt_cmd_ingest,
	&tt_cmd_tag,
	&tt_cmd_stats,
	&tt_cmd_scan,
	&tt_cmd_rules,
	&tt_cmd_eval,
	NULL
};
