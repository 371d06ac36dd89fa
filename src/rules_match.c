/*
 * rules_match.c - the per-thread matcher: runs each rule's trigger (after
 * its prefilter), checks its conditions, and hands the surviving
 * candidates to the polarity stage. PCRE2 limits are enforced here.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules_int.h"
#include "banned.h"

void tt_hits_init(tt_hits *h)
{
	memset(h, 0, sizeof(*h));
}

void tt_hits_reset(tt_hits *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->v[i].match);
		free(h->v[i].cue);
		free(h->v[i].actor);
	}
	h->n = 0;
	h->nlimited = 0;
}

void tt_hits_release(tt_hits *h)
{
	tt_hits_reset(h);
	free(h->v);
	free(h->limited);
	tt_hits_init(h);
}

tt_matcher *tt_matcher_new(const tt_ruleset *rs)
{
	tt_matcher *m = xcalloc(1, sizeof(*m));
	m->rs = rs;
	m->md = pcre2_match_data_create(rs->max_ovec, NULL);
	m->mctx = pcre2_match_context_create(NULL);
	if (!m->md || !m->mctx) /* PCRE2 fails here only when out of memory: */
		(void)xmalloc(SIZE_MAX); /* report and abort as xmalloc does */
	m->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (m->jit)
		pcre2_jit_stack_assign(m->mctx, NULL, m->jit);
	tt_matcher_set_limits(m, TT_MATCH_LIMIT, TT_DEPTH_LIMIT);
	m->limit_count = xcalloc(rs->nrules + 1, sizeof(size_t));
	m->cache_n = xmalloc((rs->nusrc + 1) * sizeof(long));
	m->cache_off = xcalloc(rs->nusrc + 1, sizeof(size_t));
	m->touched = xcalloc(rs->nusrc + 1, sizeof(size_t));
	for (size_t i = 0; i <= rs->nusrc; i++)
		m->cache_n[i] = -2;
	m->pf_ok = xcalloc(rs->nusrc + 1, 1);
	m->seen[0] = xcalloc(tt_ac_nlit(rs->ac[0]) + 1, 1);
	m->seen[1] = xcalloc(tt_ac_nlit(rs->ac[1]) + 1, 1);
	m->ctx.rs = rs;
	return m;
}

void tt_matcher_free(tt_matcher *m)
{
	if (!m)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	pcre2_jit_stack_free(m->jit);
	free(m->limit_count);
	free(m->lower);
	free(m->cand);
	free(m->pool);
	free(m->cache_n);
	free(m->cache_off);
	free(m->touched);
	free(m->pf_ok);
	free(m->seen[0]);
	free(m->seen[1]);
	tt_sctx_release(&m->ctx);
	free(m);
}

void tt_matcher_set_limits(tt_matcher *m, uint32_t match_limit, uint32_t depth_limit)
{
	pcre2_set_match_limit(m->mctx, match_limit);
	pcre2_set_depth_limit(m->mctx, depth_limit);
}

size_t tt_matcher_limit_count(const tt_matcher *m, size_t rule)
{
	return rule < m->rs->nrules ? m->limit_count[rule] : 0;
}

int tt_rules_exec(tt_matcher *m, const pcre2_code *code, const char *subj,
		  size_t n, size_t start, size_t *ms, size_t *me)
{
	int rc = pcre2_match(code, (PCRE2_SPTR)subj, n, start, PCRE2_NOTEMPTY, m->md, m->mctx);
	if (rc >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
		*ms = ov[0];
		*me = ov[1] > ov[0] ? ov[1] : ov[0]; /* \K can reverse them */
		return 1;
	}
	switch (rc) {
	case PCRE2_ERROR_MATCHLIMIT:
	case PCRE2_ERROR_DEPTHLIMIT:
	case PCRE2_ERROR_HEAPLIMIT:
	case PCRE2_ERROR_JIT_STACKLIMIT:
	case PCRE2_ERROR_NOMEMORY:
		return -1;
	default:
		return 0;
	}
}

size_t tt_rules_tok_at(const tt_sentence *s, size_t off)
{
	size_t lo = 0, hi = s->ntok;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->tok[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First token whose stem ends after stem-view offset off. */
static size_t stem_tok_at(const tt_sentence *s, size_t off)
{
	size_t lo = 0, hi = s->ntok;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->tok[mid].stem_end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Maps a match [a, b) in the pattern's view to a span in norm and a token
 * range [t0, t1). Returns 0 when the match covers no token of a stem view.
 */
static int map_match(const tt_sentence *s, int stem, size_t a, size_t b,
		     tt_span *out)
{
	if (stem) {
		size_t t0 = stem_tok_at(s, a), t1 = t0;
		while (t1 < s->ntok && s->tok[t1].stem_start < b)
			t1++;
		if (t0 >= s->ntok || t1 == t0)
			return 0;
		out->ns = s->tok[t0].start;
		out->ne = s->tok[t1 - 1].end;
		out->t0 = t0;
		out->t1 = t1;
		return 1;
	}
	out->ns = a;
	out->ne = b;
	out->t0 = tt_rules_tok_at(s, a);
	out->t1 = out->t0;
	while (out->t1 < s->ntok && s->tok[out->t1].start < b)
		out->t1++;
	return 1;
}

/* Words between two token ranges: 0 when they overlap, 1 when adjacent. */
static size_t word_distance(const tt_span *a, const tt_span *b)
{
	size_t a1 = a->t1 > a->t0 ? a->t1 : a->t0 + 1;
	size_t b1 = b->t1 > b->t0 ? b->t1 : b->t0 + 1;
	if (a1 <= b->t0)
		return b->t0 - a1 + 1;
	if (b1 <= a->t0)
		return a->t0 - b1 + 1;
	return 0;
}

/*
 * Appends all matches of p in s to *v after `base` entries. Returns their
 * number, or -1
 * when a limit was hit.
 */
static long all_matches(tt_matcher *m, const tt_sentence *s, const tt_pattern *p,
			int use_prefilter, tt_span **v, size_t *alloc, size_t base)
{
	const char *subj = p->stem ? s->stems : s->norm;
	size_t n = p->stem ? s->stems_len : s->norm_len;
	size_t cnt = 0, at = 0, ms, me;
	if (!subj)
		return 0;
	if (use_prefilter && p->nlits && !m->pf_ok[p->uid])
		return 0;
	while (at <= n) {
		int rc = tt_rules_exec(m, p->code, subj, n, at, &ms, &me);
		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		tt_span sp;
		if (map_match(s, p->stem, ms, me, &sp)) {
			TT_GROW(*v, base + cnt + 1, *alloc);
			(*v)[base + cnt++] = sp;
		}
		at = me > ms ? me : ms + 1;
		while (at < n && ((unsigned char)subj[at] & 0xC0) == 0x80)
			at++;
	}
	return (long)cnt;
}

/*
 * The matches of p in s, run once per sentence whatever the number of
 * rules sharing the pattern: *off is their offset in m->pool (valid until
 * the next sentence; re-read m->pool after any other call, it may move).
 * Returns their number, or -1 when a limit was hit.
 */
static long cached_matches(tt_matcher *m, const tt_sentence *s, const tt_pattern *p,
			   int pf, size_t *off)
{
	if (m->cache_n[p->uid] == -2) {
		long c = all_matches(m, s, p, pf, &m->pool, &m->pool_alloc, m->npool);
		m->cache_off[p->uid] = m->npool;
		m->cache_n[p->uid] = c;
		if (c > 0)
			m->npool += (size_t)c;
		m->touched[m->ntouched++] = p->uid;
	}
	*off = m->cache_off[p->uid];
	return m->cache_n[p->uid];
}

static void lower_norm(tt_matcher *m, const tt_sentence *s)
{
	if (s->norm_len + 1 > m->lower_alloc) {
		m->lower_alloc = s->norm_len + 1;
		free(m->lower);
		m->lower = xmalloc(m->lower_alloc);
	}
	for (size_t i = 0; i < s->norm_len; i++) {
		unsigned char c = (unsigned char)s->norm[i];
		m->lower[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	m->lower[s->norm_len] = '\0';
}

/* Caseless PCRE2 lets 'k' match KELVIN SIGN and 's' LONG S, which the
 * ASCII lower-casing of the prefilter would miss. */
static int prefilter_safe(const tt_sentence *s)
{
	return !tt_rules_memmem(s->norm, s->norm_len, "\xE2\x84\xAA", 3) &&
	       !tt_rules_memmem(s->norm, s->norm_len, "\xC5\xBF", 2);
}

static void limited(tt_matcher *m, size_t r, tt_hits *out)
{
	m->limit_count[r]++;
	TT_GROW(out->limited, out->nlimited + 1, out->limited_alloc);
	out->limited[out->nlimited++] = r;
}

/* Does rule r's every condition hold for trigger match *t? */
static int conds_hold(tt_matcher *m, const tt_rule *r, const tt_span *t,
		      const size_t *cstart, const long *ccount)
{
	int tclause = r->clause ? tt_sctx_clause_of(&m->ctx, t->ns) : -1;
	for (size_t k = 0; k < r->ncond; k++) {
		const tt_cond *c = &r->cond[k];
		int found = 0;
		for (long q = 0; q < ccount[k] && !found; q++) {
			const tt_span *x = &m->pool[cstart[k] + (size_t)q];
			if (r->clause && tt_sctx_clause_of(&m->ctx, x->ns) != tclause)
				continue;
			if (c->kind == COND_NEAR || c->kind == COND_NOT_NEAR)
				found = word_distance(t, x) <= c->dist;
			else
				found = 1;
		}
		if ((c->kind == COND_REQUIRE || c->kind == COND_NEAR) && !found)
			return 0;
		if ((c->kind == COND_EXCLUDE || c->kind == COND_NOT_NEAR) && found)
			return 0;
	}
	return 1;
}

static int section_matches(tt_matcher *m, const tt_rule *r, const tt_doc *d,
			   const tt_sentence *s, int *lim)
{
	const char *path = "";
	size_t ms, me;
	if (d && s->section >= 0 && (size_t)s->section < d->nsec && d->sec[s->section].path)
		path = d->sec[s->section].path;
	int rc = tt_rules_exec(m, r->section.code, path, strlen(path), 0, &ms, &me);
	if (rc < 0)
		*lim = 1;
	return rc > 0;
}

static void match_rule(tt_matcher *m, size_t ri, const tt_doc *d,
		       const tt_sentence *s, int pf, tt_hits *out)
{
	const tt_rule *r = &m->rs->rules[ri];
	size_t toff;
	long nt = cached_matches(m, s, &r->trigger, pf, &toff);
	if (nt < 0) {
		limited(m, ri, out);
		return;
	}
	if (nt == 0)
		return;
	int lim = 0;
	if (r->has_section && !section_matches(m, r, d, s, &lim)) {
		if (lim)
			limited(m, ri, out);
		return;
	}
	size_t cstart[TT_MAX_COND];
	long ccount[TT_MAX_COND];
	for (size_t k = 0; k < r->ncond; k++) {
		ccount[k] = cached_matches(m, s, &r->cond[k].pat, pf, &cstart[k]);
		if (ccount[k] < 0) {
			limited(m, ri, out);
			return;
		}
	}
	if (r->clause)
		tt_sctx_build(m, d, s);
	for (long q = 0; q < nt; q++) {
		tt_span t = m->pool[toff + (size_t)q];
		if (!conds_hold(m, r, &t, cstart, ccount))
			continue;
		TT_GROW(m->cand, m->ncand + 1, m->cand_alloc);
		tt_cand *c = &m->cand[m->ncand++];
		memset(c, 0, sizeof(*c));
		c->rule = ri;
		c->ns = t.ns;
		c->ne = t.ne;
		c->t0 = t.t0;
		c->t1 = t.t1;
		c->actor = -1;
		c->pnum = c->pden = -1;
	}
}

void tt_match_sentence(tt_matcher *m, const tt_doc *d, const tt_sentence *s,
		       tt_hits *out)
{
	m->ncand = 0;
	for (size_t i = 0; i < m->ntouched; i++)
		m->cache_n[m->touched[i]] = -2;
	m->ntouched = 0;
	m->npool = 0;
	tt_sctx_reset(&m->ctx);
	if (!s->norm || !s->norm_len)
		return;
	lower_norm(m, s);
	int pf = prefilter_safe(s);
	if (pf) {
		const tt_ruleset *rs = m->rs;
		memset(m->pf_ok, 0, rs->nusrc + 1);
		tt_ac_scan(rs->ac[0], m->lower, s->norm_len, m->pf_ok, m->seen[0]);
		memset(m->seen[0], 0, tt_ac_nlit(rs->ac[0]) + 1);
		if (tt_ac_nlit(rs->ac[1]) && s->stems) {
			tt_ac_scan(rs->ac[1], s->stems, s->stems_len, m->pf_ok, m->seen[1]);
			memset(m->seen[1], 0, tt_ac_nlit(rs->ac[1]) + 1);
		}
	}
	for (size_t ri = 0; ri < m->rs->nrules; ri++)
		match_rule(m, ri, d, s, pf, out);
	if (!m->ncand)
		return;
	tt_sctx_build(m, d, s);
	tt_rules_decide(m, out);
}

/* --- explaining a hit ---------------------------------------------------- */

static const char *cond_kind_name(tt_cond_kind k)
{
	switch (k) {
	case COND_REQUIRE: return "require";
	case COND_EXCLUDE: return "exclude";
	case COND_NEAR: return "near";
	default: return "not near";
	}
}

/* The display span of norm span [ns, ne). */
static void text_span(const tt_sentence *s, size_t ns, size_t ne, size_t *a, size_t *b)
{
	*a = s->norm_to_text[ns];
	*b = s->norm_to_text[ne];
	if (*b < *a)
		*b = *a;
}

int tt_rule_explain(tt_matcher *m, const tt_doc *d, const tt_sentence *s, size_t ri,
		    size_t start, size_t end, tt_rule_trace *t)
{
	const tt_rule *r = &m->rs->rules[ri];
	memset(t, 0, sizeof(*t));
	t->rule_id = r->info.id;
	t->theme_id = m->rs->themes[r->info.theme].info.id;
	t->file = r->info.file;
	t->line = r->info.line;
	t->describe = r->describe;
	t->trigger = r->trigger.src;
	t->trigger_stem = r->trigger.stem;
	t->clause = r->clause;
	t->fixed = r->fixed >= 0 ? tt_polarity_name((tt_polarity)r->fixed) : NULL;
	t->deflt = r->deflt >= 0 ? tt_polarity_name((tt_polarity)r->deflt) : NULL;
	t->ncond = r->ncond;
	if (!s->norm || !s->norm_len)
		return 0;
	int pf = prefilter_safe(s);
	int lim = 0;
	if (r->has_section) {
		t->section = r->section.src;
		t->section_held = section_matches(m, r, d, s, &lim);
	}
	size_t toff;
	long nt = cached_matches(m, s, &r->trigger, pf, &toff);
	tt_span trig = {0, 0, 0, 0};
	for (long q = 0; q < nt; q++) {
		tt_span x = m->pool[toff + (size_t)q];
		size_t a, b;
		text_span(s, x.ns, x.ne, &a, &b);
		if (a < end && b > start) {
			trig = x;
			t->trigger_found = 1;
			t->tstart = a;
			t->tend = b;
			break;
		}
	}
	if (r->clause)
		tt_sctx_build(m, d, s);
	int tclause = r->clause && t->trigger_found ? tt_sctx_clause_of(&m->ctx, trig.ns) : -1;
	int all = t->trigger_found && (!r->has_section || t->section_held);
	for (size_t k = 0; k < r->ncond && k < TT_ARRAY_LEN(t->cond); k++) {
		const tt_cond *c = &r->cond[k];
		tt_cond_trace *ct = &t->cond[k];
		ct->kind = cond_kind_name(c->kind);
		ct->dist = c->dist;
		ct->pattern = c->pat.src;
		ct->stem = c->pat.stem;
		size_t coff;
		long nc = cached_matches(m, s, &c->pat, pf, &coff);
		for (long q = 0; q < nc && !ct->found && t->trigger_found; q++) {
			const tt_span *x = &m->pool[coff + (size_t)q];
			if (r->clause && tt_sctx_clause_of(&m->ctx, x->ns) != tclause)
				continue;
			if ((c->kind == COND_NEAR || c->kind == COND_NOT_NEAR) &&
			    word_distance(&trig, x) > c->dist)
				continue;
			ct->found = 1;
			text_span(s, x->ns, x->ne, &ct->start, &ct->end);
		}
		ct->held = (c->kind == COND_REQUIRE || c->kind == COND_NEAR) ? ct->found : !ct->found;
		all = all && ct->held;
	}
	return all;
}
