/*
 * rules_load.c - reads a rule set: the rule-file parser (rules/README.md),
 * id resolution, cue lexicons, the version hash, and the read-only views.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "rules_int.h"
#include "banned.h"

const char *const tt_cue_lexicon_names[CUE_NKIND] = {
	"negation", "pseudo_negation", "evaluative_positive", "evaluative_negative",
	"evidence_cues", "recommendation_cues", "recommendation_openers",
	"mention_cues", "clause_terminators", "concession_cues",
	"heading_strength", "heading_concern", "heading_mention",
	"agencies", "family_members"
};

const char *tt_polarity_name(tt_polarity p)
{
	switch (p) {
	case TT_POL_CONCERN: return "concern";
	case TT_POL_STRENGTH: return "strength";
	case TT_POL_MENTION: return "mention";
	}
	return "mention";
}

const char *tt_cue_kind_name(tt_cue_kind k)
{
	switch (k) {
	case TT_CUE_FIXED: return "fixed";
	case TT_CUE_NEGATION: return "negation";
	case TT_CUE_EVALUATIVE: return "evaluative";
	case TT_CUE_PROPORTION: return "proportion";
	case TT_CUE_RECOMMENDATION: return "recommendation";
	case TT_CUE_MENTION: return "mention";
	case TT_CUE_HEADING: return "heading";
	case TT_CUE_DEFAULT: return "default";
	}
	return "default";
}

void tt_polmask_format(unsigned mask, char *buf, size_t size)
{
	tt_buf b = TT_BUF_INIT;
	for (int p = TT_POL_CONCERN; p <= TT_POL_MENTION; p++) {
		if (!(mask & TT_POLMASK(p)))
			continue;
		if (b.len)
			tt_buf_addch(&b, '+');
		tt_buf_addstr(&b, tt_polarity_name((tt_polarity)p));
	}
	snprintf(buf, size, "%s", b.len ? b.buf : "none");
	tt_buf_release(&b);
}

/* --- files ----------------------------------------------------------------- */


int tt_rules_close_enough(size_t d, size_t len)
{
	size_t max = len >= 10 ? 3 : len >= 4 ? 2 : 1;
	return d <= max && d < len;
}

const char *tt_rules_memmem(const char *hay, size_t n, const char *needle, size_t n2)
{
	if (!n2)
		return hay;
	if (n2 > n)
		return NULL;
	const char *end = hay + n - n2 + 1;
	for (const char *p = hay; p < end; p++) {
		p = memchr(p, needle[0], (size_t)(end - p));
		if (!p)
			return NULL;
		if (!memcmp(p, needle, n2))
			return p;
	}
	return NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void tt_rules_list_dir(const char *dir, const char *suffix, int strip,
		       tt_strlist *out)
{
	DIR *dh = opendir(dir);
	struct dirent *de;
	size_t sl = strlen(suffix);
	if (!dh)
		return;
	while ((de = readdir(dh)) != NULL) {
		size_t n = strlen(de->d_name);
		if (de->d_name[0] == '.' || n <= sl || strcmp(de->d_name + n - sl, suffix))
			continue;
		char *name = xmemdup(de->d_name, strip ? n - sl : n);
		tt_strlist_push(out, name);
		free(name);
	}
	closedir(dh);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_str);
}

/* --- the parser -------------------------------------------------------------- */

enum { BLK_NONE, BLK_GROUP, BLK_THEME, BLK_RULE };

typedef struct parser {
	tt_ruleset *rs;
	const char *file;
	tt_srcpos pos;         /* the current line */
	int block;
	size_t cur;            /* index of the current block's entity */
	/* seen flags of the current block's single-valued properties */
	int seen_label, seen_describe, seen_theme, seen_sense, seen_polarity;
	int seen_default, seen_clause;
	tt_error *err;
} parser;

static const char *const group_keys[] = {"label", "describe", NULL};
static const char *const theme_keys[] = {"label", "describe", "group", NULL};
static const char *const rule_keys[] = {
	"theme", "sense", "polarity", "default", "trigger", "require", "near",
	"not", "exclude", "clause", "section", "describe", "example", NULL
};
static const char *const block_keys[] = {"group", "theme", "rule", NULL};

static int is_blank(int c)
{
	return c == ' ' || c == '\t';
}

static tt_status perr(parser *ps, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static tt_status perr(parser *ps, size_t off, const char *fmt, ...)
{
	char msg[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return tt_error_set(ps->err, TT_EINPUT, ps->file, ps->pos.line,
			    tt_rules_col(&ps->pos, off), "%s", msg);
}

/* Next blank-separated word from *i; returns 0 at the end of the line. */
static int next_word(const parser *ps, size_t *i, size_t *ws, size_t *we)
{
	const char *t = ps->pos.text;
	size_t n = ps->pos.len, k = *i;
	while (k < n && is_blank((unsigned char)t[k]))
		k++;
	if (k >= n) {
		*i = *ws = *we = n;
		return 0;
	}
	*ws = k;
	while (k < n && !is_blank((unsigned char)t[k]))
		k++;
	*we = k;
	*i = k;
	return 1;
}

static int word_is(const parser *ps, size_t ws, size_t we, const char *w)
{
	return strlen(w) == we - ws && !memcmp(ps->pos.text + ws, w, we - ws);
}

static int in_list(const char *const *list, const char *w, size_t n)
{
	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == n && !memcmp(list[i], w, n))
			return 1;
	return 0;
}

/* "; did you mean 'x'?" from list, or "". */
static void did_you_mean(const char *const *list, const char *w, size_t n,
			 char *hint, size_t size)
{
	char *want = xmemdup(w, n);
	const char *best = NULL;
	size_t bestd = (size_t)-1;
	for (size_t i = 0; list[i]; i++) {
		size_t d = tt_edit_distance(want, list[i]);
		if (d < bestd) {
			bestd = d;
			best = list[i];
		}
	}
	if (best && tt_rules_close_enough(bestd, n))
		snprintf(hint, size, "; did you mean '%s'?", best);
	else
		hint[0] = '\0';
	free(want);
}

static tt_status expect_end(parser *ps, size_t i, const char *what)
{
	size_t ws, we;
	if (next_word(ps, &i, &ws, &we))
		return perr(ps, ws, "unexpected '%.*s' after %s", (int)(we - ws),
			    ps->pos.text + ws, what);
	return TT_OK;
}

/* Parses a "..." string at or after *i into *out (malloc'd). */
static tt_status parse_string(parser *ps, size_t *i, const char *after, char **out)
{
	const char *t = ps->pos.text;
	size_t n = ps->pos.len, k = *i;
	while (k < n && is_blank((unsigned char)t[k]))
		k++;
	if (k >= n)
		return perr(ps, k, "missing string after '%s'", after);
	if (t[k] != '"')
		return perr(ps, k, "expected a string in double quotes after '%s'", after);
	size_t open = k++;
	tt_buf b = TT_BUF_INIT;
	for (;;) {
		if (k >= n) {
			tt_buf_release(&b);
			return perr(ps, open, "unterminated string");
		}
		if (t[k] == '"')
			break;
		if (t[k] == '\\') {
			if (k + 1 < n && (t[k + 1] == '"' || t[k + 1] == '\\')) {
				tt_buf_addch(&b, t[k + 1]);
				k += 2;
				continue;
			}
			tt_buf_release(&b);
			return perr(ps, k, "unknown escape in string; only \\\" and \\\\ are allowed");
		}
		tt_buf_addch(&b, t[k++]);
	}
	*out = tt_buf_detach(&b, NULL);
	*i = k + 1;
	return TT_OK;
}

static int valid_id(const char *t, size_t n, int rule)
{
	if (!n || !(t[0] >= 'a' && t[0] <= 'z'))
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = t[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
			continue;
		if (rule && (c == '.' || c == '-'))
			continue;
		return 0;
	}
	return 1;
}

static int parse_polarity(const char *w, size_t n)
{
	if (n == 7 && !memcmp(w, "concern", 7))
		return TT_POL_CONCERN;
	if (n == 8 && !memcmp(w, "strength", 8))
		return TT_POL_STRENGTH;
	if (n == 7 && !memcmp(w, "mention", 7))
		return TT_POL_MENTION;
	return -1;
}

static const char *block_name(int b)
{
	return b == BLK_GROUP ? "group" : b == BLK_THEME ? "theme" : "rule";
}

static const char *cur_id(const parser *ps)
{
	const tt_ruleset *rs = ps->rs;
	switch (ps->block) {
	case BLK_GROUP: return rs->groups[ps->cur].info.id;
	case BLK_THEME: return rs->themes[ps->cur].info.id;
	case BLK_RULE: return rs->rules[ps->cur].info.id;
	}
	return "";
}

/* Checks that the block just ended has its required properties. */
static tt_status end_block(parser *ps)
{
	tt_ruleset *rs = ps->rs;
	const char *file = NULL, *what = NULL;
	size_t line = 0, col = 0;
	if (ps->block == BLK_GROUP) {
		tt_group *g = &rs->groups[ps->cur];
		if (!g->info.label) {
			what = "label";
			file = g->file, line = g->line, col = g->col;
		}
	} else if (ps->block == BLK_THEME) {
		tt_theme *t = &rs->themes[ps->cur];
		if (!t->info.label)
			what = "label";
		else if (!t->info.describe)
			what = "describe";
		file = t->file, line = t->line, col = t->col;
	} else if (ps->block == BLK_RULE) {
		tt_rule *r = &rs->rules[ps->cur];
		if (!r->theme_name)
			what = "theme";
		else if (!r->has_trigger)
			what = "trigger";
		file = r->info.file, line = r->info.line, col = r->col;
		if (!what && r->sense == SENSE_NONE && r->fixed < 0)
			return tt_error_set(ps->err, TT_EINPUT, file, line, col,
					    "rule '%s' needs 'sense' or 'polarity'", r->info.id);
	}
	if (what)
		return tt_error_set(ps->err, TT_EINPUT, file, line, col,
				    "%s '%s' has no '%s'", block_name(ps->block), cur_id(ps), what);
	ps->block = BLK_NONE;
	return TT_OK;
}

static tt_status start_block(parser *ps, int kind, size_t i)
{
	tt_ruleset *rs = ps->rs;
	size_t ws, we;
	const char *t = ps->pos.text;
	const char *kw = block_keys[kind - 1];
	if (!next_word(ps, &i, &ws, &we))
		return perr(ps, ws, "missing id after '%s'", kw);
	if (!valid_id(t + ws, we - ws, kind == BLK_RULE))
		return perr(ps, ws, "bad %s id '%.*s'; use lower-case letters, digits and '_'%s",
			    kw, (int)(we - ws), t + ws, kind == BLK_RULE ? ", '.' or '-'" : "");
	tt_status rc = expect_end(ps, i, "the id");
	if (rc)
		return rc;
	char *id = xmemdup(t + ws, we - ws);
	size_t col = tt_rules_col(&ps->pos, ws);
	const char *pfile = NULL;
	size_t pline = 0, pcol = 0;
	if (kind == BLK_GROUP) {
		for (size_t k = 0; k < rs->ngroups && !pfile; k++)
			if (!strcmp(rs->groups[k].info.id, id))
				pfile = rs->groups[k].file, pline = rs->groups[k].line, pcol = rs->groups[k].col;
	} else if (kind == BLK_THEME) {
		for (size_t k = 0; k < rs->nthemes && !pfile; k++)
			if (!strcmp(rs->themes[k].info.id, id))
				pfile = rs->themes[k].file, pline = rs->themes[k].line, pcol = rs->themes[k].col;
	} else {
		for (size_t k = 0; k < rs->nrules && !pfile; k++)
			if (!strcmp(rs->rules[k].info.id, id))
				pfile = rs->rules[k].info.file, pline = rs->rules[k].info.line, pcol = rs->rules[k].col;
	}
	if (pfile) {
		rc = perr(ps, ws, "duplicate %s '%s' (first at %s:%zu:%zu)", kw, id, pfile, pline, pcol);
		free(id);
		return rc;
	}
	ps->seen_label = ps->seen_describe = ps->seen_theme = ps->seen_sense = 0;
	ps->seen_polarity = ps->seen_default = ps->seen_clause = 0;
	ps->block = kind;
	if (kind == BLK_GROUP) {
		TT_GROW(rs->groups, rs->ngroups + 1, rs->groups_alloc);
		tt_group *g = &rs->groups[rs->ngroups];
		memset(g, 0, sizeof(*g));
		g->info.id = id;
		g->file = xstrdup(ps->file);
		g->line = ps->pos.line;
		g->col = col;
		ps->cur = rs->ngroups++;
	} else if (kind == BLK_THEME) {
		TT_GROW(rs->themes, rs->nthemes + 1, rs->themes_alloc);
		tt_theme *th = &rs->themes[rs->nthemes];
		memset(th, 0, sizeof(*th));
		th->info.id = id;
		th->file = xstrdup(ps->file);
		th->line = ps->pos.line;
		th->col = col;
		ps->cur = rs->nthemes++;
	} else {
		TT_GROW(rs->rules, rs->nrules + 1, rs->rules_alloc);
		tt_rule *r = &rs->rules[rs->nrules];
		memset(r, 0, sizeof(*r));
		r->info.id = id;
		r->info.file = xstrdup(ps->file);
		r->info.line = ps->pos.line;
		r->col = col;
		r->sense = SENSE_NONE;
		r->fixed = r->deflt = -1;
		ps->cur = rs->nrules++;
	}
	return TT_OK;
}

/* Offset of the value after the keyword ending at `i` (blanks skipped),
 * and the end of the line with trailing blanks removed. */
static void rest_of_line(const parser *ps, size_t i, size_t *vs, size_t *ve)
{
	const char *t = ps->pos.text;
	size_t n = ps->pos.len;
	while (i < n && is_blank((unsigned char)t[i]))
		i++;
	while (n > i && is_blank((unsigned char)t[n - 1]))
		n--;
	*vs = i;
	*ve = n;
}

static tt_status parse_pattern(parser *ps, size_t i, const char *after, tt_pattern *out)
{
	size_t vs, ve;
	rest_of_line(ps, i, &vs, &ve);
	if (vs >= ve)
		return perr(ps, vs, "missing pattern after '%s'", after);
	return tt_rules_compile(ps->rs, &ps->pos, vs, ve - vs, out, ps->err);
}

static tt_status dup_prop(parser *ps, int *seen, size_t kws, size_t kwe)
{
	if (*seen)
		return perr(ps, kws, "duplicate '%.*s' in %s '%s'", (int)(kwe - kws),
			    ps->pos.text + kws, block_name(ps->block), cur_id(ps));
	*seen = 1;
	return TT_OK;
}

static tt_status rule_prop(parser *ps, size_t kws, size_t kwe, size_t i)
{
	tt_ruleset *rs = ps->rs;
	tt_rule *r = &rs->rules[ps->cur];
	const char *t = ps->pos.text;
	size_t ws, we;
	tt_status rc;

	if (word_is(ps, kws, kwe, "theme")) {
		if ((rc = dup_prop(ps, &ps->seen_theme, kws, kwe)))
			return rc;
		if (!next_word(ps, &i, &ws, &we))
			return perr(ps, ws, "missing theme id after 'theme'");
		if ((rc = expect_end(ps, i, "the theme id")))
			return rc;
		r->theme_name = xmemdup(t + ws, we - ws);
		r->theme_line = ps->pos.line;
		r->theme_col = tt_rules_col(&ps->pos, ws);
		return TT_OK;
	}
	if (word_is(ps, kws, kwe, "sense")) {
		static const char *const senses[] = {"practice", "deficit", "risk", NULL};
		if ((rc = dup_prop(ps, &ps->seen_sense, kws, kwe)))
			return rc;
		if (ps->seen_polarity)
			return perr(ps, kws, "rule '%s' has both 'polarity' and 'sense'; keep one", r->info.id);
		if (!next_word(ps, &i, &ws, &we))
			return perr(ps, ws, "missing sense after 'sense'; expected practice, deficit or risk");
		int k;
		for (k = 0; senses[k] && !word_is(ps, ws, we, senses[k]); k++)
			;
		if (!senses[k]) {
			char hint[80];
			did_you_mean(senses, t + ws, we - ws, hint, sizeof(hint));
			return perr(ps, ws, "unknown sense '%.*s'; expected practice, deficit or risk%s",
				    (int)(we - ws), t + ws, hint);
		}
		r->sense = (tt_sense)k;
		return expect_end(ps, i, "the sense");
	}
	if (word_is(ps, kws, kwe, "polarity") || word_is(ps, kws, kwe, "default")) {
		int isdef = word_is(ps, kws, kwe, "default");
		if ((rc = dup_prop(ps, isdef ? &ps->seen_default : &ps->seen_polarity, kws, kwe)))
			return rc;
		if (!isdef && ps->seen_sense)
			return perr(ps, kws, "rule '%s' has both 'sense' and 'polarity'; keep one", r->info.id);
		if (!next_word(ps, &i, &ws, &we))
			return perr(ps, ws, "missing polarity after '%s'; expected concern, strength or mention",
				    isdef ? "default" : "polarity");
		int p = parse_polarity(t + ws, we - ws);
		if (p < 0) {
			static const char *const pols[] = {"concern", "strength", "mention", NULL};
			char hint[80];
			did_you_mean(pols, t + ws, we - ws, hint, sizeof(hint));
			return perr(ps, ws, "unknown polarity '%.*s'; expected concern, strength or mention%s",
				    (int)(we - ws), t + ws, hint);
		}
		if (isdef)
			r->deflt = p;
		else
			r->fixed = p;
		return expect_end(ps, i, "the polarity");
	}
	if (word_is(ps, kws, kwe, "trigger")) {
		if (r->has_trigger)
			return perr(ps, kws, "duplicate 'trigger' in rule '%s'; use '|' for alternatives",
				    r->info.id);
		if ((rc = parse_pattern(ps, i, "trigger", &r->trigger)))
			return rc;
		r->has_trigger = 1;
		return TT_OK;
	}
	if (word_is(ps, kws, kwe, "section")) {
		if (r->has_section)
			return perr(ps, kws, "duplicate 'section' in rule '%s'", r->info.id);
		if ((rc = parse_pattern(ps, i, "section", &r->section)))
			return rc;
		r->has_section = 1;
		return TT_OK;
	}
	if (word_is(ps, kws, kwe, "clause")) {
		if ((rc = dup_prop(ps, &ps->seen_clause, kws, kwe)))
			return rc;
		r->clause = 1;
		return expect_end(ps, i, "'clause'");
	}
	if (word_is(ps, kws, kwe, "describe")) {
		if ((rc = dup_prop(ps, &ps->seen_describe, kws, kwe)))
			return rc;
		if ((rc = parse_string(ps, &i, "describe", &r->describe)))
			return rc;
		return expect_end(ps, i, "the string");
	}
	if (word_is(ps, kws, kwe, "require") || word_is(ps, kws, kwe, "exclude") ||
	    word_is(ps, kws, kwe, "near") || word_is(ps, kws, kwe, "not")) {
		tt_cond c;
		memset(&c, 0, sizeof(c));
		char after[64];
		snprintf(after, sizeof(after), "%.*s", (int)(kwe - kws), t + kws);
		if (word_is(ps, kws, kwe, "require")) {
			c.kind = COND_REQUIRE;
		} else if (word_is(ps, kws, kwe, "exclude")) {
			c.kind = COND_EXCLUDE;
		} else {
			c.kind = COND_NEAR;
			if (word_is(ps, kws, kwe, "not")) {
				if (!next_word(ps, &i, &ws, &we) || !word_is(ps, ws, we, "near"))
					return perr(ps, ws, "expected 'near' after 'not'");
				c.kind = COND_NOT_NEAR;
			}
			if (!next_word(ps, &i, &ws, &we))
				return perr(ps, ws, "missing number of words after 'near'");
			unsigned long v = 0;
			int ok = we - ws <= 4;
			for (size_t k = ws; k < we && ok; k++) {
				if (t[k] < '0' || t[k] > '9')
					ok = 0;
				else
					v = v * 10 + (unsigned long)(t[k] - '0');
			}
			if (!ok || v < 1 || v > 100)
				return perr(ps, ws, "bad distance '%.*s'; expected a number of words from 1 to 100",
					    (int)(we - ws), t + ws);
			c.dist = (unsigned)v;
			snprintf(after, sizeof(after), "%snear %lu",
				 c.kind == COND_NOT_NEAR ? "not " : "", v);
		}
		if (r->ncond >= TT_MAX_COND)
			return perr(ps, kws, "too many conditions in rule '%s' (at most %d)",
				    r->info.id, TT_MAX_COND);
		if ((rc = parse_pattern(ps, i, after, &c.pat)))
			return rc;
		TT_GROW(r->cond, r->ncond + 1, r->cond_alloc);
		r->cond[r->ncond++] = c;
		return TT_OK;
	}
	if (word_is(ps, kws, kwe, "example")) {
		tt_example ex;
		memset(&ex, 0, sizeof(ex));
		if (!next_word(ps, &i, &ws, &we))
			return perr(ps, ws, "missing result after 'example'; expected concern, strength, mention or none");
		unsigned mask = 0;
		if (!word_is(ps, ws, we, "none")) {
			for (size_t a = ws; a < we;) {
				size_t b = a;
				while (b < we && t[b] != '+')
					b++;
				int p = parse_polarity(t + a, b - a);
				if (p < 0) {
					static const char *const res[] = {"concern", "strength", "mention", "none", NULL};
					char hint[80];
					did_you_mean(res, t + a, b - a, hint, sizeof(hint));
					return perr(ps, a, "unknown example result '%.*s'; expected concern, strength, mention or none%s",
						    (int)(b - a), t + a, hint);
				}
				mask |= TT_POLMASK(p);
				a = b + 1;
				if (b < we && a >= we)
					return perr(ps, b, "missing polarity after '+'");
			}
		}
		char *text = NULL, *under = NULL;
		if ((rc = parse_string(ps, &i, "example result", &text)))
			return rc;
		if (next_word(ps, &i, &ws, &we)) {
			if (!word_is(ps, ws, we, "under")) {
				free(text);
				return perr(ps, ws, "unexpected '%.*s' after the example; expected 'under \"HEADING\"' or nothing",
					    (int)(we - ws), t + ws);
			}
			if ((rc = parse_string(ps, &i, "under", &under))) {
				free(text);
				return rc;
			}
			if ((rc = expect_end(ps, i, "the heading"))) {
				free(text);
				free(under);
				return rc;
			}
		}
		ex.info.rule = ps->cur;
		ex.info.text = text;
		ex.info.under = under;
		ex.info.expect = mask;
		ex.info.file = r->info.file;
		ex.info.line = ps->pos.line;
		TT_GROW(rs->examples, rs->nexamples + 1, rs->examples_alloc);
		rs->examples[rs->nexamples++] = ex;
		r->info.nexamples++;
		return TT_OK;
	}
	return perr(ps, kws, "internal: unhandled keyword");
}

static tt_status parse_prop(parser *ps, size_t kws, size_t kwe, size_t i)
{
	tt_ruleset *rs = ps->rs;
	const char *t = ps->pos.text;
	const char *kw = t + kws;
	size_t kn = kwe - kws;
	const char *const *keys = ps->block == BLK_GROUP ? group_keys :
				  ps->block == BLK_THEME ? theme_keys : rule_keys;
	tt_status rc;

	if (ps->block == BLK_NONE) {
		if (in_list(block_keys, kw, kn))
			return perr(ps, kws, "'%.*s' must start in column 1", (int)kn, kw);
		return perr(ps, kws, "'%.*s' outside a block; start one with 'rule ID', 'theme ID' or 'group ID'",
			    (int)kn, kw);
	}
	if (!in_list(keys, kw, kn)) {
		const char *other = NULL;
		if (in_list(rule_keys, kw, kn))
			other = "rule";
		else if (in_list(theme_keys, kw, kn))
			other = "theme";
		if (other)
			return perr(ps, kws, "'%.*s' is not allowed in a %s block (only in a %s)",
				    (int)kn, kw, block_name(ps->block), other);
		char hint[80];
		did_you_mean(keys, kw, kn, hint, sizeof(hint));
		return perr(ps, kws, "unknown keyword '%.*s'%s", (int)kn, kw, hint);
	}
	if (ps->block == BLK_RULE)
		return rule_prop(ps, kws, kwe, i);

	char **label, **describe;
	if (ps->block == BLK_GROUP) {
		label = (char **)&rs->groups[ps->cur].info.label;
		describe = (char **)&rs->groups[ps->cur].info.describe;
	} else {
		label = (char **)&rs->themes[ps->cur].info.label;
		describe = (char **)&rs->themes[ps->cur].info.describe;
	}
	if (word_is(ps, kws, kwe, "label") || word_is(ps, kws, kwe, "describe")) {
		int islabel = word_is(ps, kws, kwe, "label");
		if ((rc = dup_prop(ps, islabel ? &ps->seen_label : &ps->seen_describe, kws, kwe)))
			return rc;
		char *s;
		if ((rc = parse_string(ps, &i, islabel ? "label" : "describe", &s)))
			return rc;
		if (islabel)
			*label = s;
		else
			*describe = s;
		return expect_end(ps, i, "the string");
	}
	/* group (in a theme) */
	tt_theme *th = &rs->themes[ps->cur];
	size_t ws, we;
	if (!next_word(ps, &i, &ws, &we))
		return perr(ps, ws, "missing group id after 'group'");
	if ((rc = expect_end(ps, i, "the group id")))
		return rc;
	th->group_names = xrealloc(th->group_names, (th->ngroups + 1) * sizeof(char *));
	th->group_line = xrealloc(th->group_line, (th->ngroups + 1) * sizeof(size_t));
	th->group_col = xrealloc(th->group_col, (th->ngroups + 1) * sizeof(size_t));
	th->group_names[th->ngroups] = xmemdup(t + ws, we - ws);
	th->group_line[th->ngroups] = ps->pos.line;
	th->group_col[th->ngroups] = tt_rules_col(&ps->pos, ws);
	th->ngroups++;
	return TT_OK;
}

static tt_status parse_line(parser *ps)
{
	const char *t = ps->pos.text;
	size_t n = ps->pos.len, a = 0;
	while (a < n && is_blank((unsigned char)t[a]))
		a++;
	if (a >= n || t[a] == '#')
		return TT_OK;
	size_t i = 0, ws, we;
	next_word(ps, &i, &ws, &we);
	if (a == 0) {
		for (int k = 0; block_keys[k]; k++)
			if (word_is(ps, ws, we, block_keys[k])) {
				tt_status rc = ps->block ? end_block(ps) : TT_OK;
				return rc ? rc : start_block(ps, k + 1, i);
			}
		if (in_list(rule_keys, t + ws, we - ws) || in_list(theme_keys, t + ws, we - ws))
			return perr(ps, ws, "'%.*s' must be indented under a block", (int)(we - ws), t + ws);
		char hint[80];
		did_you_mean(block_keys, t + ws, we - ws, hint, sizeof(hint));
		if (!hint[0])
			snprintf(hint, sizeof(hint), "; expected 'rule', 'theme' or 'group'");
		return perr(ps, ws, "unknown keyword '%.*s'%s", (int)(we - ws), t + ws, hint);
	}
	return parse_prop(ps, ws, we, i);
}

static tt_status parse_file(tt_ruleset *rs, const char *path, const char *text,
			    size_t len, tt_error *err)
{
	parser ps;
	memset(&ps, 0, sizeof(ps));
	ps.rs = rs;
	ps.file = path;
	ps.err = err;
	ps.pos.file = path;

	size_t nbad = 0, first_bad = 0, clen;
	free(tt_utf8_sanitize(text, len, &clen, &nbad, &first_bad));
	size_t line = 1;
	for (size_t i = 0; i < len;) {
		size_t j = i;
		while (j < len && text[j] != '\n')
			j++;
		size_t e = j;
		if (e > i && text[e - 1] == '\r')
			e--;
		ps.pos.line = line;
		ps.pos.text = text + i;
		ps.pos.len = e - i;
		if (nbad && first_bad >= i && first_bad <= j)
			return perr(&ps, first_bad - i, "invalid UTF-8");
		if (memchr(text + i, '\0', e - i))
			return perr(&ps, (size_t)((const char *)memchr(text + i, '\0', e - i) - (text + i)),
				    "NUL byte in rule file");
		tt_status rc = parse_line(&ps);
		if (rc)
			return rc;
		line++;
		i = j + 1;
	}
	if (ps.block)
		return end_block(&ps);
	return TT_OK;
}

/* --- resolution -------------------------------------------------------------- */

long tt_ruleset_theme_find(const tt_ruleset *rs, const char *id)
{
	for (size_t i = 0; i < rs->nthemes; i++)
		if (!strcmp(rs->themes[i].info.id, id))
			return (long)i;
	return -1;
}

long tt_ruleset_group_find(const tt_ruleset *rs, const char *id)
{
	for (size_t i = 0; i < rs->ngroups; i++)
		if (!strcmp(rs->groups[i].info.id, id))
			return (long)i;
	return -1;
}

static void nearest_id(const char *const *ids, size_t n, const char *want,
		       char *hint, size_t size)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t d = tt_edit_distance(want, ids[i]);
		if (d < bestd) {
			bestd = d;
			best = ids[i];
		}
	}
	if (best && tt_rules_close_enough(bestd, strlen(want)))
		snprintf(hint, size, "; did you mean '%s'?", best);
	else
		hint[0] = '\0';
}

static tt_status resolve(tt_ruleset *rs, tt_error *err)
{
	const char **ids = xmalloc((rs->nthemes + rs->ngroups + 1) * sizeof(char *));
	char hint[160];
	tt_status rc = TT_OK;

	for (size_t g = 0; g < rs->ngroups && !rc; g++) {
		long t = tt_ruleset_theme_find(rs, rs->groups[g].info.id);
		if (t >= 0)
			rc = tt_error_set(err, TT_EINPUT, rs->groups[g].file, rs->groups[g].line,
					  rs->groups[g].col, "group '%s' has the id of a theme (%s:%zu:%zu)",
					  rs->groups[g].info.id, rs->themes[t].file,
					  rs->themes[t].line, rs->themes[t].col);
		if (!rs->groups[g].info.describe)
			rs->groups[g].info.describe = xstrdup("");
	}
	for (size_t g = 0; g < rs->ngroups; g++)
		ids[g] = rs->groups[g].info.id;
	for (size_t t = 0; t < rs->nthemes && !rc; t++) {
		tt_theme *th = &rs->themes[t];
		th->group_ids = xcalloc(th->ngroups + 1, sizeof(char *));
		for (size_t k = 0; k < th->ngroups && !rc; k++) {
			long g = tt_ruleset_group_find(rs, th->group_names[k]);
			if (g < 0) {
				nearest_id(ids, rs->ngroups, th->group_names[k], hint, sizeof(hint));
				rc = tt_error_set(err, TT_EINPUT, th->file, th->group_line[k],
						  th->group_col[k], "unknown group '%s'%s%s",
						  th->group_names[k], hint,
						  hint[0] ? "" : "; declare it with a 'group' block");
				break;
			}
			th->group_ids[k] = rs->groups[g].info.id;
			tt_group *gr = &rs->groups[g];
			int dup = 0;
			for (size_t q = 0; q < gr->nthemes; q++)
				dup |= gr->themes[q] == t;
			if (!dup) {
				gr->themes = xrealloc(gr->themes, (gr->nthemes + 1) * sizeof(size_t));
				gr->themes[gr->nthemes++] = t;
			}
		}
		th->info.groups = th->group_ids;
		th->info.ngroups = th->ngroups;
	}
	for (size_t t = 0; t < rs->nthemes; t++)
		ids[t] = rs->themes[t].info.id;
	for (size_t r = 0; r < rs->nrules && !rc; r++) {
		tt_rule *ru = &rs->rules[r];
		long t = tt_ruleset_theme_find(rs, ru->theme_name);
		if (t < 0) {
			nearest_id(ids, rs->nthemes, ru->theme_name, hint, sizeof(hint));
			rc = tt_error_set(err, TT_EINPUT, ru->info.file, ru->theme_line, ru->theme_col,
					  "unknown theme '%s'%s", ru->theme_name, hint);
			break;
		}
		ru->info.theme = (size_t)t;
		rs->themes[t].info.nrules++;
		rs->themes[t].info.nexamples += ru->info.nexamples;
	}
	for (size_t g = 0; g < rs->ngroups; g++) {
		rs->groups[g].info.themes = rs->groups[g].themes;
		rs->groups[g].info.nthemes = rs->groups[g].nthemes;
	}
	free(ids);
	return rc;
}

static int cmp_lex(const void *a, const void *b)
{
	return strcmp(((const tt_lexicon *)a)->name, ((const tt_lexicon *)b)->name);
}

static void compute_version(tt_ruleset *rs, char **contents, size_t *lens)
{
	tt_sha256 c;
	unsigned char out[32];
	char num[32];
	tt_sha256_init(&c);
	tt_sha256_update(&c, "themetrack-ruleset-1\n", 21);
	for (size_t i = 0; i < rs->nfiles; i++) {
		const char *base = strrchr(rs->files[i], '/');
		base = base ? base + 1 : rs->files[i];
		tt_sha256_update(&c, "rules/", 6);
		tt_sha256_update(&c, base, strlen(base));
		snprintf(num, sizeof(num), "\n%zu\n", lens[i]);
		tt_sha256_update(&c, num, strlen(num));
		tt_sha256_update(&c, contents[i], lens[i]);
	}
	for (size_t i = 0; i < rs->nlex; i++) {
		tt_sha256_update(&c, "lexicons/", 9);
		tt_sha256_update(&c, rs->lex[i].name, strlen(rs->lex[i].name));
		snprintf(num, sizeof(num), "\n%zu\n", rs->lex[i].len);
		tt_sha256_update(&c, num, strlen(num));
		tt_sha256_update(&c, rs->lex[i].content, rs->lex[i].len);
	}
	tt_sha256_final(&c, out);
	for (size_t i = 0; i < 32; i++)
		snprintf(rs->version + 2 * i, 3, "%02x", out[i]);
}

tt_status tt_ruleset_load_dirs(tt_ruleset **out, const char *rules_dir,
			       const char *lexicon_dir, tt_error *err)
{
	tt_ruleset *rs = xcalloc(1, sizeof(*rs));
	tt_strlist names = {0};
	char **contents = NULL;
	size_t *lens = NULL;
	tt_status rc = TT_OK;

	*out = NULL;
	rs->dir = xstrdup(rules_dir);
	rs->lexdir = xstrdup(lexicon_dir);
	rs->stemmer = tt_stemmer_new();
	if (!rs->stemmer) {
		rc = tt_error_set(err, TT_EFAIL, NULL, 0, 0,
				  "libstemmer has no English stemmer");
		goto fail;
	}
	DIR *dh = opendir(rules_dir);
	if (!dh) {
		rc = tt_error_set(err, TT_EINPUT, NULL, 0, 0, "cannot open rules directory '%s': %s",
				  rules_dir, strerror(errno));
		goto fail;
	}
	closedir(dh);
	tt_rules_list_dir(rules_dir, ".rules", 0, &names);
	if (!names.n) {
		rc = tt_error_set(err, TT_EINPUT, NULL, 0, 0, "no .rules files in '%s'", rules_dir);
		goto fail;
	}
	rs->files = xcalloc(names.n, sizeof(char *));
	contents = xcalloc(names.n, sizeof(char *));
	lens = xcalloc(names.n, sizeof(size_t));
	for (size_t i = 0; i < names.n; i++) {
		tt_buf p = TT_BUF_INIT;
		size_t dl = strlen(rules_dir);
		tt_buf_addstr(&p, rules_dir);
		if (dl && rules_dir[dl - 1] != '/')
			tt_buf_addch(&p, '/');
		tt_buf_addstr(&p, names.v[i]);
		rs->files[i] = tt_buf_detach(&p, NULL);
		rs->nfiles++;
		int e = tt_read_file(rs->files[i], &contents[i], &lens[i]);
		if (e) {
			rc = tt_error_set(err, TT_EFAIL, rs->files[i], 0, 0, "cannot read: %s", strerror(e));
			goto fail;
		}
		if ((rc = parse_file(rs, rs->files[i], contents[i], lens[i], err)))
			goto fail;
	}
	if ((rc = resolve(rs, err)))
		goto fail;
	for (int k = 0; k < CUE_NKIND; k++)
		if ((rc = tt_rules_compile_cue(rs, k, err)))
			goto fail;
	if (rs->max_ovec < 2)
		rs->max_ovec = 2;
	tt_ac_build(rs);
	qsort(rs->lex, rs->nlex, sizeof(*rs->lex), cmp_lex);
	compute_version(rs, contents, lens);
	for (size_t i = 0; i < rs->nfiles; i++)
		free(contents[i]);
	free(contents);
	free(lens);
	tt_strlist_release(&names);
	*out = rs;
	return TT_OK;

fail:
	for (size_t i = 0; contents && i < names.n; i++)
		free(contents[i]);
	free(contents);
	free(lens);
	tt_strlist_release(&names);
	tt_ruleset_free(rs);
	return rc;
}

tt_status tt_ruleset_load(tt_ruleset **out, const char *dir, tt_error *err)
{
	tt_buf lex = TT_BUF_INIT;
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	tt_buf_add(&lex, dir, n);
	tt_buf_addstr(&lex, "/../lexicons");
	tt_status rc = tt_ruleset_load_dirs(out, dir, lex.buf, err);
	tt_buf_release(&lex);
	return rc;
}

void tt_ruleset_free(tt_ruleset *rs)
{
	if (!rs)
		return;
	for (size_t i = 0; i < rs->nrules; i++) {
		tt_rule *r = &rs->rules[i];
		free((char *)r->info.id);
		free((char *)r->info.file);
		free(r->theme_name);
		free(r->describe);
		if (r->has_trigger)
			tt_pattern_release(&r->trigger);
		if (r->has_section)
			tt_pattern_release(&r->section);
		for (size_t k = 0; k < r->ncond; k++)
			tt_pattern_release(&r->cond[k].pat);
		free(r->cond);
	}
	free(rs->rules);
	for (size_t i = 0; i < rs->nthemes; i++) {
		tt_theme *t = &rs->themes[i];
		free((char *)t->info.id);
		free((char *)t->info.label);
		free((char *)t->info.describe);
		free(t->file);
		for (size_t k = 0; k < t->ngroups; k++)
			free(t->group_names[k]);
		free(t->group_names);
		free(t->group_line);
		free(t->group_col);
		free(t->group_ids);
	}
	free(rs->themes);
	for (size_t i = 0; i < rs->ngroups; i++) {
		tt_group *g = &rs->groups[i];
		free((char *)g->info.id);
		free((char *)g->info.label);
		free((char *)g->info.describe);
		free(g->file);
		free(g->themes);
	}
	free(rs->groups);
	for (size_t i = 0; i < rs->nexamples; i++) {
		free((char *)rs->examples[i].info.text);
		free((char *)rs->examples[i].info.under);
	}
	free(rs->examples);
	for (size_t i = 0; i < rs->nlex; i++)
		tt_lexicon_release(&rs->lex[i]);
	free(rs->lex);
	for (int k = 0; k < CUE_NKIND; k++)
		pcre2_code_free(rs->cue[k]);
	for (size_t i = 0; i < rs->nfiles; i++)
		free(rs->files[i]);
	free(rs->files);
	tt_ac_free(rs->ac[0]);
	tt_ac_free(rs->ac[1]);
	for (size_t i = 0; i < rs->nusrc; i++)
		free(rs->usrc[i]);
	free(rs->usrc);
	tt_stemmer_free(rs->stemmer);
	free(rs->dir);
	free(rs->lexdir);
	free(rs);
}

/* --- views ------------------------------------------------------------------- */

const char *tt_ruleset_version(const tt_ruleset *rs) { return rs->version; }
const char *tt_ruleset_dir(const tt_ruleset *rs) { return rs->dir; }
size_t tt_ruleset_ntheme(const tt_ruleset *rs) { return rs->nthemes; }
const tt_theme_info *tt_ruleset_theme(const tt_ruleset *rs, size_t i) { return &rs->themes[i].info; }
size_t tt_ruleset_ngroup(const tt_ruleset *rs) { return rs->ngroups; }
const tt_group_info *tt_ruleset_group(const tt_ruleset *rs, size_t i) { return &rs->groups[i].info; }
size_t tt_ruleset_nrule(const tt_ruleset *rs) { return rs->nrules; }
const tt_rule_info *tt_ruleset_rule(const tt_ruleset *rs, size_t i) { return &rs->rules[i].info; }
size_t tt_ruleset_nfile(const tt_ruleset *rs) { return rs->nfiles; }
size_t tt_ruleset_nlexicon(const tt_ruleset *rs) { return rs->nlex; }
size_t tt_ruleset_nexample(const tt_ruleset *rs) { return rs->nexamples; }
const tt_example_info *tt_ruleset_example(const tt_ruleset *rs, size_t i) { return &rs->examples[i].info; }

long tt_ruleset_rule_find(const tt_ruleset *rs, const char *id)
{
	for (size_t i = 0; i < rs->nrules; i++)
		if (!strcmp(rs->rules[i].info.id, id))
			return (long)i;
	return -1;
}

const char *tt_ruleset_lexicon_dir(const tt_ruleset *rs)
{
	return rs->lexdir;
}

const char *tt_ruleset_rule_trigger(const tt_ruleset *rs, size_t i, int *stem)
{
	const tt_rule *r = &rs->rules[i];
	if (!r->has_trigger)
		return NULL;
	if (stem)
		*stem = r->trigger.stem;
	return r->trigger.expanded;
}
