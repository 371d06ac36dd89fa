/* explain.c - a hit's reasons in words. */
#include "explain.h"

#include <string.h>

#include "banned.h"

char *tt_explain_cue(const char *kind, const char *cue)
{
	tt_buf b = TT_BUF_INIT;
	int has = cue && *cue;
	if (!kind || !strcmp(kind, "default"))
		tt_buf_addstr(&b, "no cue: the rule's default polarity");
	else if (!strcmp(kind, "fixed"))
		tt_buf_addstr(&b, "the rule's fixed polarity");
	else if (!strcmp(kind, "heading"))
		tt_buf_addf(&b, "the section heading%s%s%s", has ? " \"" : "", has ? cue : "",
			    has ? "\"" : "");
	else if (!strcmp(kind, "recommendation"))
		tt_buf_addf(&b, "a recommendation or action-seeking question%s%s%s",
			    has ? " (\"" : "", has ? cue : "", has ? "\")" : "");
	else
		tt_buf_addf(&b, "the %s cue%s%s%s", kind, has ? " \"" : "", has ? cue : "",
			    has ? "\"" : "");
	return tt_buf_detach(&b, NULL);
}

static void add_quoted(tt_buf *b, const tt_sentence *s, size_t a, size_t e)
{
	tt_buf_addch(b, '"');
	if (e > s->text_len)
		e = s->text_len;
	if (a < e)
		tt_buf_add(b, s->text + a, e - a);
	tt_buf_addch(b, '"');
}

static void cond_text(tt_buf *b, const tt_sentence *s, const tt_cond_trace *c, int verbose)
{
	if (c->dist && (!strcmp(c->kind, "near") || !strcmp(c->kind, "not near")))
		tt_buf_addf(b, "%s %u '%s'", c->kind, c->dist, c->pattern);
	else
		tt_buf_addf(b, "%s '%s'", c->kind, c->pattern);
	if (c->found) {
		tt_buf_addstr(b, " = ");
		add_quoted(b, s, c->start, c->end);
	} else {
		tt_buf_addstr(b, " absent");
	}
	if (verbose)
		tt_buf_addstr(b, c->held ? ": met" : ": NOT met");
}

void tt_explain_rows(tt_table *t, const tt_sentence *s, const tt_rule_trace *tr, int ok)
{
	tt_buf b = TT_BUF_INIT;
	tt_buf_addf(&b, "%s:%zu", tr->file, tr->line);
	tt_table_row(t);
	tt_table_text(t, "rule file");
	tt_table_text(t, b.buf);
	if (tr->describe && *tr->describe) {
		tt_table_row(t);
		tt_table_text(t, "rule says");
		tt_table_text(t, tr->describe);
	}
	tt_buf_reset(&b);
	tt_buf_addf(&b, "'%s'%s", tr->trigger, tr->trigger_stem ? " (over stems)" : "");
	if (tr->trigger_found) {
		tt_buf_addstr(&b, " = ");
		add_quoted(&b, s, tr->tstart, tr->tend);
	} else {
		tt_buf_addstr(&b, ": no match at the hit's span now");
	}
	tt_table_row(t);
	tt_table_text(t, "trigger");
	tt_table_text(t, b.buf);
	if (tr->section) {
		tt_buf_reset(&b);
		tt_buf_addf(&b, "'%s': %s", tr->section, tr->section_held ? "met" : "NOT met");
		tt_table_row(t);
		tt_table_text(t, "section");
		tt_table_text(t, b.buf);
	}
	if (tr->clause) {
		tt_table_row(t);
		tt_table_text(t, "scope");
		tt_table_text(t, "conditions look only in the trigger's clause");
	}
	for (size_t k = 0; k < tr->ncond; k++) {
		tt_buf_reset(&b);
		cond_text(&b, s, &tr->cond[k], 1);
		tt_table_row(t);
		tt_table_text(t, "condition");
		tt_table_text(t, b.buf);
	}
	tt_buf_reset(&b);
	if (tr->fixed)
		tt_buf_addf(&b, "fixed %s", tr->fixed);
	else if (tr->deflt)
		tt_buf_addf(&b, "decided by cues, default %s", tr->deflt);
	else
		tt_buf_addstr(&b, "decided by cues");
	tt_table_row(t);
	tt_table_text(t, "rule polarity");
	tt_table_text(t, b.buf);
	tt_table_row(t);
	tt_table_text(t, "reproduces");
	tt_table_text(t, ok ? "yes: the trigger matches and every condition is met"
			    : "no: see the trigger and conditions above");
	tt_buf_release(&b);
}

void tt_explain_line(tt_buf *out, const tt_sentence *s, const tt_rule_trace *tr)
{
	size_t n0 = out->len;
	if (tr->section) {
		tt_buf_addf(out, "section '%s' %s", tr->section, tr->section_held ? "met" : "not met");
	}
	for (size_t k = 0; k < tr->ncond; k++) {
		if (out->len > n0)
			tt_buf_addstr(out, "; ");
		cond_text(out, s, &tr->cond[k], 0);
	}
}
