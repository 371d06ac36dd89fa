/*
 * rules_prefilter.c - one Aho-Corasick pass per sentence over the
 * prefilter literals of every pattern (rules_pattern.c finds them), so a
 * pattern runs only on sentences holding one of its literals. Two
 * automata: one over the lower-cased normalised text, one over the stem
 * view. Literals are printable lower-case ASCII without space or hyphen;
 * every other byte is one class that no literal contains.
 */
#include <stdlib.h>
#include <string.h>

#include "rules_int.h"
#include "banned.h"

#define NCLS 95 /* '!' .. '~', and everything else */

static int byte_class(unsigned char c)
{
	return c > 0x20 && c < 0x7F ? c - 0x20 : 0;
}

struct tt_ac {
	uint32_t *next;       /* nstate * NCLS transitions (a full DFA) */
	int32_t *term;        /* literal ending at the state, or -1 */
	uint32_t *dict;       /* nearest proper suffix state with a term, 0: none */
	size_t nstate, astate;
	size_t **lit_uids;    /* per literal: the pattern uids that need it */
	size_t *lit_nuids;
	size_t nlit;
};

static uint32_t new_state(tt_ac *a)
{
	TT_GROW(a->next, (a->nstate + 1) * NCLS, a->astate);
	a->term = xrealloc(a->term, (a->nstate + 1) * sizeof(*a->term));
	a->dict = xrealloc(a->dict, (a->nstate + 1) * sizeof(*a->dict));
	for (size_t c = 0; c < NCLS; c++)
		a->next[a->nstate * NCLS + c] = UINT32_MAX;
	a->term[a->nstate] = -1;
	a->dict[a->nstate] = 0;
	return (uint32_t)a->nstate++;
}

static void add_literal(tt_ac *a, const char *lit, size_t uid)
{
	uint32_t s = 0;
	for (const char *p = lit; *p; p++) {
		int c = byte_class((unsigned char)*p);
		if (a->next[s * NCLS + c] == UINT32_MAX) {
			uint32_t t = new_state(a);
			a->next[s * NCLS + c] = t;
		}
		s = a->next[s * NCLS + c];
	}
	if (a->term[s] < 0) {
		a->term[s] = (int32_t)a->nlit;
		a->lit_uids = xrealloc(a->lit_uids, (a->nlit + 1) * sizeof(*a->lit_uids));
		a->lit_nuids = xrealloc(a->lit_nuids, (a->nlit + 1) * sizeof(*a->lit_nuids));
		a->lit_uids[a->nlit] = NULL;
		a->lit_nuids[a->nlit] = 0;
		a->nlit++;
	}
	size_t l = (size_t)a->term[s];
	for (size_t i = 0; i < a->lit_nuids[l]; i++)
		if (a->lit_uids[l][i] == uid)
			return;
	a->lit_uids[l] = xrealloc(a->lit_uids[l], (a->lit_nuids[l] + 1) * sizeof(size_t));
	a->lit_uids[l][a->lit_nuids[l]++] = uid;
}

/* Fail links by breadth-first order, folded into a full transition table. */
static void finish(tt_ac *a)
{
	uint32_t *fail = xcalloc(a->nstate ? a->nstate : 1, sizeof(uint32_t));
	uint32_t *queue = xmalloc((a->nstate ? a->nstate : 1) * sizeof(uint32_t));
	size_t head = 0, tail = 0;
	for (size_t c = 0; c < NCLS; c++) {
		uint32_t t = a->next[c];
		if (t == UINT32_MAX) {
			a->next[c] = 0;
		} else {
			fail[t] = 0;
			queue[tail++] = t;
		}
	}
	while (head < tail) {
		uint32_t s = queue[head++];
		for (size_t c = 0; c < NCLS; c++) {
			uint32_t t = a->next[s * NCLS + c];
			uint32_t f = a->next[fail[s] * NCLS + c];
			if (t == UINT32_MAX) {
				a->next[s * NCLS + c] = f;
				continue;
			}
			fail[t] = f;
			a->dict[t] = a->term[f] >= 0 ? f : a->dict[f];
			queue[tail++] = t;
		}
	}
	free(fail);
	free(queue);
}

void tt_ac_free(tt_ac *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->nlit; i++)
		free(a->lit_uids[i]);
	free(a->lit_uids);
	free(a->lit_nuids);
	free(a->next);
	free(a->term);
	free(a->dict);
	free(a);
}

static void add_pattern(tt_ruleset *rs, const tt_pattern *p)
{
	tt_ac *a = rs->ac[p->stem ? 1 : 0];
	for (size_t i = 0; i < p->nlits; i++)
		add_literal(a, p->lits[i], p->uid);
}

void tt_ac_build(tt_ruleset *rs)
{
	for (int v = 0; v < 2; v++) {
		rs->ac[v] = xcalloc(1, sizeof(tt_ac));
		new_state(rs->ac[v]);
	}
	for (size_t r = 0; r < rs->nrules; r++) {
		const tt_rule *ru = &rs->rules[r];
		add_pattern(rs, &ru->trigger);
		for (size_t k = 0; k < ru->ncond; k++)
			add_pattern(rs, &ru->cond[k].pat);
	}
	finish(rs->ac[0]);
	finish(rs->ac[1]);
}

size_t tt_ac_nlit(const tt_ac *a)
{
	return a->nlit;
}

/*
 * Marks in ok[] every pattern uid whose literal occurs in text[0..n)
 * (lower-case ASCII expected). seen[] (one byte per literal of a, all 0 on
 * entry) is left with the literals found set; the caller clears it.
 */
void tt_ac_scan(const tt_ac *a, const char *text, size_t n, unsigned char *ok,
		unsigned char *seen)
{
	uint32_t s = 0;
	for (size_t i = 0; i < n; i++) {
		s = a->next[s * NCLS + byte_class((unsigned char)text[i])];
		for (uint32_t t = a->term[s] >= 0 ? s : a->dict[s]; t; t = a->dict[t]) {
			size_t l = (size_t)a->term[t];
			if (seen[l])
				continue;
			seen[l] = 1;
			for (size_t k = 0; k < a->lit_nuids[l]; k++)
				ok[a->lit_uids[l][k]] = 1;
		}
	}
}
