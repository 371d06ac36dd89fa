/*
 * terms.c - counting stemmed n-grams per side, document and theme, and
 * ranking the rising ones (terms.h has the contract).
 *
 * Storage. Terms live densely in `ent` (insertion order); `slot` is an
 * open-addressing table over them (linear probing, a power of two, at
 * most half full) whose 8-byte slots hold the key's 32-bit hash and the
 * entry's index + 1, so a probe rarely touches an entry that does not
 * match. Keys and surfaces are bytes in one pool (`pool`), addressed by
 * offset so the pool may move as it grows. A term's surface variants and
 * its per-theme counts are singly linked lists in two shared arrays
 * (`surf`, `cov`), linked by index + 1 (0 ends a list): no allocation per
 * term, and most terms have one surface and few themes.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "stats.h"
#include "terms.h"
#include "banned.h"

typedef struct term_ent {
	size_t key_off;        /* key bytes in t->pool (NUL-terminated) */
	uint32_t key_len;
	uint32_t hash;         /* term_hash of the key */
	uint32_t surf;         /* head of its surface list in t->surf, + 1 */
	uint32_t cov;          /* head of its theme list in t->cov, + 1 */
	int n;                 /* tokens in the term */
	long long freq[2];     /* occurrences per side */
	long long docs[2];     /* distinct documents per side */
	size_t last_doc[2];    /* document + 1 last counted per side; 0: none */
} term_ent;

typedef struct surf_ent {
	size_t off;            /* bytes in t->pool (NUL-terminated) */
	uint32_t len;
	uint32_t next;         /* next variant of the same term, + 1 */
	long long count;
} surf_ent;

typedef struct cov_ent {
	uint32_t theme;
	uint32_t next;         /* next theme of the same term, + 1 */
	long long count;       /* recent occurrences in sentences of `theme` */
} cov_ent;

/* A set of document indexes + 1 (0 marks an empty slot). */
typedef struct doc_set {
	size_t *slot;
	size_t cap, n;         /* cap: a power of two or 0; n <= cap / 2 */
} doc_set;

/* What tt_terms_add knows of one token of the sentence at hand. */
typedef struct tok_info {
	size_t lc_off;         /* its surface word in t->lc */
	uint32_t lc_len;
	unsigned char usable;  /* WORD or ACRONYM of >= 2 characters */
	unsigned char stop;    /* usable and a stop word */
	unsigned char brk;     /* a run cannot go on from the token before */
} tok_info;

struct tt_terms {
	int max_n;
	char **stop;           /* owned */
	size_t nstop;
	uint32_t *stop_slot;   /* hash set over stop: 0 empty, else index + 1 */
	size_t stop_cap;       /* a power of two, >= 2 * nstop */

	term_ent *ent;
	size_t nent, ent_alloc;
	uint64_t *slot;        /* 0: empty; else hash << 32 | (index + 1) */
	size_t cap;            /* slots: a power of two, >= 2 * nent */
	surf_ent *surf;
	size_t nsurf, surf_alloc;
	cov_ent *cov;
	size_t ncov, cov_alloc;
	tt_buf pool;

	long long tokens[2];   /* WORD and ACRONYM tokens per side */
	size_t cur_doc[2];     /* document + 1 being added per side; 0: none */
	doc_set done[2];       /* documents finished per side */

	tok_info *ti;          /* scratch for one sentence */
	size_t ti_alloc;
	uint32_t *themes;      /* scratch: the sentence's distinct themes */
	size_t themes_alloc;
	tt_buf lc;             /* scratch: its usable words as surfaces
				  (words lower-cased, acronyms as written),
				  each followed by one space */
};

/* --- small helpers ------------------------------------------------------- */

/*
 * FNV-1a (64-bit) in two steps, so that a key can be hashed as it grows:
 * fnv_add continues the state h over p[0..n), fnv_fold gives the 32-bit
 * hash of the state. term_hash(p, n) == fnv_fold(fnv_add(FNV_INIT, p, n)).
 */
#define FNV_INIT UINT64_C(0xCBF29CE484222325)

static uint64_t fnv_add(uint64_t h, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= UINT64_C(0x100000001B3);
	}
	return h;
}

static uint32_t fnv_fold(uint64_t h)
{
	return (uint32_t)(h ^ (h >> 32));
}

static uint32_t term_hash(const char *p, size_t n)
{
	return fnv_fold(fnv_add(FNV_INIT, p, n));
}

static int doc_set_has(const doc_set *s, size_t v)
{
	if (!s->cap)
		return 0;
	size_t mask = s->cap - 1;
	for (size_t j = (v * 0x9E3779B97F4A7C15u) & mask; s->slot[j]; j = (j + 1) & mask)
		if (s->slot[j] == v)
			return 1;
	return 0;
}

static void doc_set_put(size_t *slot, size_t cap, size_t v)
{
	size_t mask = cap - 1, j = (v * 0x9E3779B97F4A7C15u) & mask;
	while (slot[j] && slot[j] != v)
		j = (j + 1) & mask;
	slot[j] = v;
}

/* Adds v (> 0); v must not be in the set yet. */
static void doc_set_add(doc_set *s, size_t v)
{
	assert(v != 0);
	if ((s->n + 1) * 2 > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		size_t *slot = xcalloc(cap, sizeof(*slot));
		for (size_t i = 0; i < s->cap; i++)
			if (s->slot[i])
				doc_set_put(slot, cap, s->slot[i]);
		free(s->slot);
		s->slot = slot;
		s->cap = cap;
	}
	doc_set_put(s->slot, s->cap, v);
	s->n++;
}

/* Characters (code points) in UTF-8 p[0..n). */
static size_t utf8_chars(const char *p, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)p[i] & 0xC0) != 0x80;
	return k;
}

/*
 * Appends p[0..n) to b lower-cased: ASCII, and the Latin-1 capitals
 * U+00C0..U+00DE but U+00D7 (C3 80..C3 9E), which stay two bytes long.
 */
static void add_lower(tt_buf *b, const char *p, size_t n)
{
	tt_buf_grow(b, n);
	char *o = b->buf + b->len;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 'A' && c <= 'Z') {
			c += 32;
		} else if (c == 0xC3 && i + 1 < n) {
			unsigned char d = (unsigned char)p[i + 1];
			o[i] = (char)c;
			i++;
			if (d >= 0x80 && d <= 0x9E && d != 0x97)
				d += 0x20;
			c = d;
		}
		o[i] = (char)c;
	}
	b->len += n;
	b->buf[b->len] = '\0';
}

/* Is the lower-cased word w[0..n) a stop word? */
static int is_stop(const tt_terms *t, const char *w, size_t n)
{
	if (!t->nstop)
		return 0;
	size_t mask = t->stop_cap - 1;
	for (size_t j = term_hash(w, n) & mask; t->stop_slot[j]; j = (j + 1) & mask) {
		const char *s = t->stop[t->stop_slot[j] - 1];
		if (!strncmp(s, w, n) && s[n] == '\0')
			return 1;
	}
	return 0;
}

/* --- the table ----------------------------------------------------------- */

tt_terms *tt_terms_new(const tt_strlist *stop_words, int max_n)
{
	tt_terms *t = xcalloc(1, sizeof(*t));

	if (max_n == 0)
		max_n = TT_TERMS_MAX_N_DEFAULT;
	assert(max_n >= 1 && max_n <= TT_TERMS_MAX_N_LIMIT);
	t->max_n = max_n;
	tt_buf_init(&t->pool);
	tt_buf_init(&t->lc);
	t->cap = 1024;
	t->slot = xcalloc(t->cap, sizeof(*t->slot));

	if (stop_words && stop_words->n) {
		t->stop = xcalloc(stop_words->n, sizeof(*t->stop));
		for (size_t i = 0; i < stop_words->n; i++) {
			const char *w = stop_words->v[i];
			if (!*w || strchr(w, ' '))
				continue;
			tt_buf b = TT_BUF_INIT;
			add_lower(&b, w, strlen(w));
			t->stop[t->nstop++] = tt_buf_detach(&b, NULL);
		}
		t->stop_cap = 16;
		while (t->stop_cap < 2 * t->nstop)
			t->stop_cap *= 2;
		t->stop_slot = xcalloc(t->stop_cap, sizeof(*t->stop_slot));
		for (size_t i = 0; i < t->nstop; i++) {
			const char *w = t->stop[i];
			size_t j = term_hash(w, strlen(w)) & (t->stop_cap - 1);
			while (t->stop_slot[j])
				j = (j + 1) & (t->stop_cap - 1);
			t->stop_slot[j] = (uint32_t)(i + 1);
		}
	}
	return t;
}

void tt_terms_free(tt_terms *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nstop; i++)
		free(t->stop[i]);
	free(t->stop);
	free(t->stop_slot);
	free(t->ent);
	free(t->slot);
	free(t->surf);
	free(t->cov);
	tt_buf_release(&t->pool);
	free(t->done[0].slot);
	free(t->done[1].slot);
	free(t->ti);
	free(t->themes);
	tt_buf_release(&t->lc);
	free(t);
}

size_t tt_terms_count(const tt_terms *t)
{
	return t->nent;
}

long long tt_terms_tokens(const tt_terms *t, int side)
{
	assert(side == 0 || side == 1);
	return t->tokens[side];
}

/* The index of the term with key p[0..n) and hash h, or -1. */
static long find(const tt_terms *t, const char *p, size_t n, uint32_t h,
		 size_t *slot_at)
{
	size_t mask = t->cap - 1, j = h & mask;
	uint64_t v;
	for (; (v = t->slot[j]) != 0; j = (j + 1) & mask) {
		if ((uint32_t)(v >> 32) != h)
			continue;
		const term_ent *e = &t->ent[(uint32_t)v - 1];
		if (e->key_len == n && !memcmp(t->pool.buf + e->key_off, p, n))
			return (long)((uint32_t)v - 1);
	}
	if (slot_at)
		*slot_at = j;
	return -1;
}

static void grow_slots(tt_terms *t)
{
	size_t cap = t->cap * 2, mask = cap - 1;
	uint64_t *slot = xcalloc(cap, sizeof(*slot));
	for (size_t i = 0; i < t->nent; i++) {
		size_t j = t->ent[i].hash & mask;
		while (slot[j])
			j = (j + 1) & mask;
		slot[j] = (uint64_t)t->ent[i].hash << 32 | (uint64_t)(i + 1);
	}
	free(t->slot);
	t->slot = slot;
	t->cap = cap;
}

/* Copies p[0..n) and a NUL into the pool; returns its offset. */
static size_t pool_add(tt_terms *t, const char *p, size_t n)
{
	size_t off = t->pool.len;
	tt_buf_add(&t->pool, p, n);
	tt_buf_addch(&t->pool, '\0');
	return off;
}

/*
 * The entry of key p[0..n) of n_tok tokens and hash h (term_hash), made
 * empty when new.
 */
static term_ent *term_get(tt_terms *t, const char *p, size_t n, uint32_t h,
			  int n_tok)
{
	size_t j;
	long i = find(t, p, n, h, &j);
	if (i >= 0)
		return &t->ent[i];

	assert(n < UINT32_MAX && t->nent < UINT32_MAX - 1);
	TT_GROW(t->ent, t->nent + 1, t->ent_alloc);
	term_ent *e = &t->ent[t->nent];
	memset(e, 0, sizeof(*e));
	e->key_off = pool_add(t, p, n);
	e->key_len = (uint32_t)n;
	e->hash = h;
	e->n = n_tok;
	t->slot[j] = (uint64_t)h << 32 | (uint64_t)(t->nent + 1);
	t->nent++;
	if (t->nent * 2 > t->cap)
		grow_slots(t);
	return &t->ent[t->nent - 1];
}

/* Counts one occurrence of surface p[0..n) for e. */
static void surf_count(tt_terms *t, term_ent *e, const char *p, size_t n)
{
	for (uint32_t k = e->surf; k; k = t->surf[k - 1].next) {
		surf_ent *s = &t->surf[k - 1];
		if (s->len == n && !memcmp(t->pool.buf + s->off, p, n)) {
			s->count++;
			return;
		}
	}
	assert(n < UINT32_MAX && t->nsurf < UINT32_MAX - 1);
	TT_GROW(t->surf, t->nsurf + 1, t->surf_alloc);
	surf_ent *s = &t->surf[t->nsurf];
	s->off = pool_add(t, p, n);
	s->len = (uint32_t)n;
	s->count = 1;
	s->next = e->surf;
	e->surf = (uint32_t)++t->nsurf;
}

static void cov_count(tt_terms *t, term_ent *e, uint32_t theme)
{
	for (uint32_t k = e->cov; k; k = t->cov[k - 1].next) {
		if (t->cov[k - 1].theme == theme) {
			t->cov[k - 1].count++;
			return;
		}
	}
	assert(t->ncov < UINT32_MAX - 1);
	TT_GROW(t->cov, t->ncov + 1, t->cov_alloc);
	cov_ent *c = &t->cov[t->ncov];
	c->theme = theme;
	c->count = 1;
	c->next = e->cov;
	e->cov = (uint32_t)++t->ncov;
}

/* The most frequent surface of e (ties: byte-wise smallest). */
static const surf_ent *surf_best(const tt_terms *t, const term_ent *e)
{
	const surf_ent *best = NULL;
	for (uint32_t k = e->surf; k; k = t->surf[k - 1].next) {
		const surf_ent *s = &t->surf[k - 1];
		if (!best || s->count > best->count ||
		    (s->count == best->count &&
		     strcmp(t->pool.buf + s->off, t->pool.buf + best->off) < 0))
			best = s;
	}
	return best;
}

/* --- counting ------------------------------------------------------------ */

/*
 * May a run go on from token a to the next token b? Only spaces between
 * them, or an apostrophe right after a word ending in s ("parents' views").
 */
static int joins(const tt_sentence *s, const tt_token *a, const tt_token *b)
{
	size_t i = a->end;
	if (i < b->start && s->norm[i] == '\'' && i > a->start &&
	    (s->norm[i - 1] == 's' || s->norm[i - 1] == 'S'))
		i++;
	for (; i < b->start; i++)
		if (s->norm[i] != ' ' && s->norm[i] != '\t')
			return 0;
	return 1;
}

/* Keeps the distinct ids of themes[0..n) in t->themes; returns how many. */
static size_t distinct_themes(tt_terms *t, const uint32_t *themes, size_t n)
{
	size_t k = 0;
	TT_GROW(t->themes, n, t->themes_alloc);
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < k && t->themes[j] != themes[i])
			j++;
		if (j == k)
			t->themes[k++] = themes[i];
	}
	return k;
}

void tt_terms_add(tt_terms *t, const tt_sentence *s, int side, size_t doc,
		  const uint32_t *themes, size_t nthemes)
{
	assert(side == 0 || side == 1);
	assert(doc < SIZE_MAX);
	assert(nthemes == 0 || themes);

	size_t d1 = doc + 1;
	if (t->cur_doc[side] != d1) {
		if (t->cur_doc[side])
			doc_set_add(&t->done[side], t->cur_doc[side]);
		int again = doc_set_has(&t->done[side], d1);
		assert(!again && "a document's sentences must be added together");
		(void)again;
		t->cur_doc[side] = d1;
	}

	size_t ntok = s->ntok;
	if (!ntok)
		return;
	size_t nth = side == 1 ? distinct_themes(t, themes, nthemes) : 0;

	/* One pass over the tokens: what each can be in a term. */
	TT_GROW(t->ti, ntok, t->ti_alloc);
	tt_buf_reset(&t->lc);
	for (size_t i = 0; i < ntok; i++) {
		const tt_token *tk = &s->tok[i];
		tok_info *ti = &t->ti[i];
		const char *w = s->norm + tk->start;
		size_t wlen = tk->end - tk->start;

		assert(tk->start <= tk->end && tk->end <= s->norm_len);
		memset(ti, 0, sizeof(*ti));
		if (tk->kind != TT_TOK_WORD && tk->kind != TT_TOK_ACRONYM)
			continue;
		t->tokens[side]++;
		if (utf8_chars(w, wlen) < 2)
			continue;
		ti->usable = 1;
		ti->brk = i == 0 || !t->ti[i - 1].usable ||
			  !joins(s, &s->tok[i - 1], tk);
		ti->lc_off = t->lc.len;
		ti->lc_len = (uint32_t)wlen;
		add_lower(&t->lc, w, wlen);
		ti->stop = is_stop(t, t->lc.buf + ti->lc_off, wlen);
		if (tk->kind == TT_TOK_ACRONYM) /* its case is its spelling */
			memcpy(t->lc.buf + ti->lc_off, w, wlen);
		tt_buf_addch(&t->lc, ' ');
	}

	/*
	 * Every n-gram of every run, stop words trimmed at both edges. The
	 * key of i..j is the stem view from token i's stem to token j's (one
	 * space between stems), hashed as it grows by a token.
	 */
	for (size_t i = 0; i < ntok; i++) {
		if (!t->ti[i].usable || t->ti[i].stop)
			continue;
		const tt_token *a = &s->tok[i];
		uint64_t h = FNV_INIT;
		size_t hashed = a->stem_start; /* stem view bytes hashed so far */
		for (int n = 1; n <= t->max_n; n++) {
			size_t j = i + (size_t)n - 1;
			if (j >= ntok || !t->ti[j].usable || (n > 1 && t->ti[j].brk))
				break;
			const tt_token *b = &s->tok[j];
			assert(hashed <= b->stem_end && b->stem_end <= s->stems_len);
			h = fnv_add(h, s->stems + hashed, b->stem_end - hashed);
			hashed = b->stem_end;
			if (t->ti[j].stop)
				continue;

			term_ent *e = term_get(t, s->stems + a->stem_start,
					       b->stem_end - a->stem_start,
					       fnv_fold(h), n);
			e->freq[side]++;
			if (e->last_doc[side] != d1) {
				e->last_doc[side] = d1;
				e->docs[side]++;
			}
			surf_count(t, e, t->lc.buf + t->ti[i].lc_off,
				   t->ti[j].lc_off + t->ti[j].lc_len - t->ti[i].lc_off);
			for (size_t k = 0; k < nth; k++)
				cov_count(t, e, t->themes[k]);
		}
	}
}

int tt_terms_lookup(const tt_terms *t, const char *key, long long freq[2],
		    long long docs[2], const char **surface)
{
	size_t n = strlen(key);
	long i = find(t, key, n, term_hash(key, n), NULL);
	if (i < 0) {
		freq[0] = freq[1] = docs[0] = docs[1] = 0;
		if (surface)
			*surface = NULL;
		return 0;
	}
	const term_ent *e = &t->ent[i];
	freq[0] = e->freq[0];
	freq[1] = e->freq[1];
	docs[0] = e->docs[0];
	docs[1] = e->docs[1];
	if (surface)
		*surface = t->pool.buf + surf_best(t, e)->off;
	return 1;
}

/* --- ranking ------------------------------------------------------------- */

enum { R_RISING = 1, R_SUBSUMED = 2 };

/*
 * Marks R_SUBSUMED every rising term that is a shorter run of tokens
 * inside the rising term e with e's recent frequency (terms.h explains
 * why that is enough).
 */
static void mark_subsumed(const tt_terms *t, const term_ent *e, unsigned char *mark)
{
	const char *key = t->pool.buf + e->key_off;
	size_t bound[TT_TERMS_MAX_N_LIMIT + 1]; /* token a starts at bound[a] */
	int n = 0;

	bound[n++] = 0;
	for (size_t i = 0; i < e->key_len && n < TT_TERMS_MAX_N_LIMIT; i++)
		if (key[i] == ' ')
			bound[n++] = i + 1;
	assert(n == e->n);
	bound[n] = e->key_len + 1; /* as if a space followed the last token */

	for (int a = 0; a < n; a++) {
		for (int b = a + 1; b <= n; b++) {
			if (b - a == n)
				continue;
			size_t off = bound[a], len = bound[b] - 1 - off;
			long k = find(t, key + off, len, term_hash(key + off, len), NULL);
			if (k < 0 || !(mark[k] & R_RISING))
				continue;
			const term_ent *sub = &t->ent[k];
			if (sub->freq[1] == e->freq[1])
				mark[k] |= R_SUBSUMED;
		}
	}
}

static int cmp_row(const void *pa, const void *pb)
{
	const tt_term_row *a = pa, *b = pb;
	if ((a->ncovered == 0) != (b->ncovered == 0))
		return a->ncovered == 0 ? -1 : 1;
	int na = isnan(a->g2), nb = isnan(b->g2);
	if (na != nb)
		return na ? 1 : -1;
	if (!na && a->g2 != b->g2)
		return a->g2 > b->g2 ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* Theme ids of e covering at least half of its recent occurrences. */
static size_t covering(const tt_terms *t, const term_ent *e, uint32_t *ids)
{
	size_t k = 0;
	for (uint32_t c = e->cov; c; c = t->cov[c - 1].next) {
		const cov_ent *ce = &t->cov[c - 1];
		if (ce->count * 2 < e->freq[1])
			continue;
		if (ids) {
			size_t j = k;
			while (j > 0 && ids[j - 1] > ce->theme) {
				ids[j] = ids[j - 1];
				j--;
			}
			ids[j] = ce->theme;
		}
		k++;
	}
	return k;
}

void tt_terms_rank(const tt_terms *t, long long tokens_baseline,
		   long long tokens_recent, long long min_docs, unsigned flags,
		   tt_term_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (tokens_baseline <= 0 || tokens_recent <= 0 || !t->nent)
		return;

	unsigned char *mark = xcalloc(t->nent, 1);
	for (size_t i = 0; i < t->nent; i++) {
		const term_ent *e = &t->ent[i];
		if (e->docs[1] < min_docs || e->freq[1] == 0)
			continue;
		if ((long double)e->freq[1] * tokens_baseline >
		    (long double)e->freq[0] * tokens_recent)
			mark[i] = R_RISING;
	}
	if (!(flags & TT_TERMS_KEEP_SUBSUMED))
		for (size_t i = 0; i < t->nent; i++)
			if ((mark[i] & R_RISING) && t->ent[i].n > 1)
				mark_subsumed(t, &t->ent[i], mark);

	/* Sizes first: rows, then covered_by ids, then strings, in one block. */
	size_t nrow = 0, nids = 0, nchars = 0;
	for (size_t i = 0; i < t->nent; i++) {
		if (mark[i] != R_RISING)
			continue;
		const term_ent *e = &t->ent[i];
		nrow++;
		nids += covering(t, e, NULL);
		nchars += e->key_len + 1 + surf_best(t, e)->len + 1;
	}
	if (!nrow) {
		free(mark);
		return;
	}
	char *block = xmalloc(nrow * sizeof(tt_term_row) + nids * sizeof(uint32_t) + nchars);
	tt_term_row *rows = (tt_term_row *)block;
	uint32_t *ids = (uint32_t *)(block + nrow * sizeof(tt_term_row));
	char *chars = (char *)(ids + nids);

	size_t r = 0;
	for (size_t i = 0; i < t->nent; i++) {
		if (mark[i] != R_RISING)
			continue;
		const term_ent *e = &t->ent[i];
		const surf_ent *sf = surf_best(t, e);
		tt_term_row *row = &rows[r++];

		memcpy(chars, t->pool.buf + e->key_off, e->key_len + 1);
		row->key = chars;
		chars += e->key_len + 1;
		memcpy(chars, t->pool.buf + sf->off, sf->len + 1);
		row->surface = chars;
		chars += sf->len + 1;
		row->n = e->n;
		row->freq_recent = e->freq[1];
		row->freq_baseline = e->freq[0];
		row->docs_recent = e->docs[1];
		row->docs_baseline = e->docs[0];
		row->g2 = tt_log_likelihood_g2(e->freq[1], e->freq[0],
					       tokens_recent, tokens_baseline);
		row->log_ratio = tt_log_ratio(e->freq[1], e->freq[0],
					      tokens_recent, tokens_baseline);
		row->ncovered = covering(t, e, ids);
		row->covered_by = row->ncovered ? ids : NULL;
		ids += row->ncovered;
	}
	assert(r == nrow);
	free(mark);
	qsort(rows, nrow, sizeof(*rows), cmp_row);
	*out = rows;
	*n = nrow;
}

/* --- stop-word files ----------------------------------------------------- */

void tt_terms_parse_stop_words(const char *text, size_t len, tt_strlist *out)
{
	size_t i = 0;
	while (i < len) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		size_t a = i, b = e;
		while (a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r'))
			a++;
		while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' ||
				 text[b - 1] == '\r'))
			b--;
		if (a < b && text[a] != '#') {
			tt_buf w = TT_BUF_INIT;
			add_lower(&w, text + a, b - a);
			tt_strlist_push(out, w.buf);
			tt_buf_release(&w);
		}
		i = e + 1;
	}
}
