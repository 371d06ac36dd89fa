/*
 * explain.h - words for why a hit exists (themetrack explain, scan
 * --explain): the polarity cue in plain words, and a rule trace
 * (rules.h, tt_rule_explain) as table rows or as one line.
 */
#ifndef TT_EXPLAIN_H
#define TT_EXPLAIN_H

#include "buf.h"
#include "render.h"
#include "rules.h"

/*
 * "the negation cue \"not\"", "the section heading \"Areas of strength\""...
 * for a stored cue_kind and cue (either may be NULL). Caller frees.
 */
char *tt_explain_cue(const char *cue_kind, const char *cue);

/*
 * Adds rows (field, value) for a trace on sentence s: the rule, its file
 * and line, its description, the trigger and the words it matched, the
 * section condition, each condition with the words that met it, and
 * whether the whole rule holds (`ok`).
 */
void tt_explain_rows(tt_table *t, const tt_sentence *s, const tt_rule_trace *tr, int ok);

/*
 * One line for scan --explain: the conditions and what met them, e.g.
 * near 6 'father' = "dad"; exclude 'grand' absent. Appended to out.
 */
void tt_explain_line(tt_buf *out, const tt_sentence *s, const tt_rule_trace *tr);

#endif
