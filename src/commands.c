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
extern const tt_cmd tt_cmd_trend;
extern const tt_cmd tt_cmd_compare;
extern const tt_cmd tt_cmd_cooccur;
extern const tt_cmd tt_cmd_kwic;
extern const tt_cmd tt_cmd_explain;
extern const tt_cmd tt_cmd_grades;
extern const tt_cmd tt_cmd_emerging;
extern const tt_cmd tt_cmd_uncovered;
extern const tt_cmd tt_cmd_recurring;
extern const tt_cmd tt_cmd_export;
extern const tt_cmd tt_cmd_report;

const tt_cmd *const tt_commands[] = {
	&tt_cmd_ingest,
	&tt_cmd_tag,
	&tt_cmd_stats,
	&tt_cmd_trend,
	&tt_cmd_compare,
	&tt_cmd_cooccur,
	&tt_cmd_kwic,
	&tt_cmd_explain,
	&tt_cmd_grades,
	&tt_cmd_emerging,
	&tt_cmd_uncovered,
	&tt_cmd_recurring,
	&tt_cmd_report,
	&tt_cmd_export,
	&tt_cmd_scan,
	&tt_cmd_rules,
	&tt_cmd_eval,
	NULL
};
