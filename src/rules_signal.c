/*
 * rules_signal.c - signals that a sentence reports a finding or makes a
 * recommendation, whatever its theme: the rule set's negative evaluative,
 * recommendation and opener cue lexicons, a proportion, and a heading of
 * recommendations or learning. Used to find what no rule covers yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_int.h"
#include "banned.h"

struct tt_signals {
	const tt_ruleset *rs;
	pcre2_code *prop;      /* proportions over norm */
	pcre2_code *head;      /* recommendation / learning headings */
	pcre2_code *dev;       /* areas for development headings */
	pcre2_match_data *md;
	pcre2_match_context *mctx;
};

static pcre2_code *compile(const char *re)
{
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
				      PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS |
				      PCRE2_MATCH_INVALID_UTF, &ec, &eo, NULL);
	if (!c) /* a fixed pattern: failing here is a bug */
		abort();
	(void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
	return c;
}

tt_signals *tt_signals_new(const tt_ruleset *rs)
{
	tt_signals *g = xcalloc(1, sizeof(*g));
	g->rs = rs;
	g->prop = compile(
		"\\b\\d+ (?:out )?of (?:the |these |those )?(?:\\d+|\\w+teen|twenty|"
		"ten|nine|eight|seven|six|five|four|three|two)\\b|"
		"\\b\\d+(?:\\.\\d+)?\\s?%|\\b\\d+(?:\\.\\d+)? per ?cent\\b|"
		"\\b(?:half|a third|a quarter|two[- ]thirds|three[- ]quarters|the majority|"
		"a minority|most|few|many|several|some|none|all) of the (?:\\w+ )?"
		"(?:cases|children|families|audits|files|assessments|plans|records|"
		"referrals|young people)\\b|"
		"\\bin (?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|"
		"several|some|many|most|only \\w+) (?:of the )?(?:cases|audits|files|"
		"families|records)\\b");
	g->head = compile(
		"\\b(?:recommendations?|learning(?: points?| for practice)?|lessons(?: learn[te]d)?|"
		"key messages|next steps|actions?(?: plan| required| needed)?)\\b");
	g->dev = compile(
		"\\b(?:what needs to (?:improve|change)|"
		"what (?:could|should) (?:be|have been) (?:better|different)|even better if|"
		"areas? (?:for|of) (?:development|improvement)|areas to improve|"
		"areas of concern|weaknesses)\\b");
	g->md = pcre2_match_data_create(rs->max_ovec > 4 ? rs->max_ovec : 4, NULL);
	g->mctx = pcre2_match_context_create(NULL);
	if (!g->md || !g->mctx)
		(void)xmalloc(SIZE_MAX);
	pcre2_set_match_limit(g->mctx, TT_MATCH_LIMIT);
	pcre2_set_depth_limit(g->mctx, TT_DEPTH_LIMIT);
	return g;
}

void tt_signals_free(tt_signals *g)
{
	if (!g)
		return;
	pcre2_code_free(g->prop);
	pcre2_code_free(g->head);
	pcre2_code_free(g->dev);
	pcre2_match_data_free(g->md);
	pcre2_match_context_free(g->mctx);
	free(g);
}

static int has(tt_signals *g, const pcre2_code *code, const char *subj, size_t n)
{
	if (!code || !subj)
		return 0;
	return pcre2_match(code, (PCRE2_SPTR)subj, n, 0, 0, g->md, g->mctx) >= 0;
}

unsigned tt_signals_of(tt_signals *g, const tt_doc *d, const tt_sentence *s)
{
	unsigned bits = 0;
	const tt_ruleset *rs = g->rs;
	if (has(g, rs->cue[CUE_NEGATIVE], s->norm, s->norm_len))
		bits |= TT_SIG_NEGATIVE;
	if (has(g, rs->cue[CUE_RECOMMEND], s->norm, s->norm_len) ||
	    has(g, rs->cue[CUE_OPENER], s->norm, s->norm_len))
		bits |= TT_SIG_RECOMMEND;
	if (has(g, g->prop, s->norm, s->norm_len))
		bits |= TT_SIG_PROPORTION;
	/* The nearest heading above decides, or its parent for a numbered
	 * item under its own heading ("Recommendations > 1. Chronologies");
	 * a "Strengths" heading under "Learning" is not a recommendation. */
	if (d && s->section >= 0 && (size_t)s->section < d->nsec) {
		const char *t = d->sec[s->section].title;
		int parent = d->sec[s->section].parent;
		const char *pt = parent >= 0 && (size_t)parent < d->nsec ? d->sec[parent].title
									 : NULL;
		int strength = t && has(g, rs->cue[CUE_HEAD_STRENGTH], t, strlen(t));
		if (t && has(g, g->head, t, strlen(t)))
			bits |= TT_SIG_REC_HEADING;
		else if (t && has(g, g->dev, t, strlen(t)))
			bits |= TT_SIG_DEV_HEADING;
		else if (pt && !strength && has(g, g->head, pt, strlen(pt)))
			bits |= TT_SIG_REC_HEADING;
		else if (pt && !strength && has(g, g->dev, pt, strlen(pt)))
			bits |= TT_SIG_DEV_HEADING;
	}
	return bits;
}

void tt_signals_format(unsigned bits, char *buf, size_t size)
{
	static const char *const names[] = {"negative", "recommendation", "proportion",
					    "rec-heading", "dev-heading"};
	size_t at = 0;
	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < TT_ARRAY_LEN(names); i++)
		if ((bits & (1u << i)) && at + 1 < size) {
			int w = snprintf(buf + at, size - at, "%s%s",
					 at ? "+" : "", names[i]);
			if (w > 0)
				at += (size_t)w;
		}
}
