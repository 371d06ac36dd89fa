/*
 * rules_polarity.c - the cue engine (NegEx/ConText style): finds the cues
 * of a sentence (negation, pseudo-negation, evaluative, evidence,
 * recommendation, mention, clause breaks, actors) and its proportions,
 * splits it into clauses, and decides each candidate hit's polarity in the
 * order of rules/README.md ("How polarity is decided"). Then merges the
 * candidates into hits.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "rules_int.h"
#include "banned.h"

/* Cue layers: cues mask shorter overlapping cues of their own layer only. */
static int layer_of(int kind)
{
	switch (kind) {
	case CUE_TERMINATOR:
	case CUE_CONCESSION:
		return 1;
	case CUE_AGENCY:
	case CUE_FAMILY:
		return 2;
	case CUE_MENTION:
		return 3; /* "policy was" must not hide "was not" */
	default:
		return 0;
	}
}

/* Words between a negation and the evaluative cue it negates, at most. */
#define NEG_EVAL_WINDOW 6
/* A good finding in at least this share of cases is a clear majority. */
#define HIGH_SHARE 0.6

void tt_sctx_reset(tt_sctx *c)
{
	c->ncue = c->nprop = c->ncl = 0;
	c->head_done = 0;
	c->label_v = 0;
	c->label_end = 0;
	c->built = 0;
	c->d = NULL;
	c->s = NULL;
}

void tt_sctx_release(tt_sctx *c)
{
	free(c->cue);
	free(c->prop);
	free(c->cl);
	memset(c, 0, sizeof(*c));
}

int tt_sctx_clause_of(const tt_sctx *c, size_t off)
{
	int k = 0;
	for (size_t i = 1; i < c->ncl; i++)
		if (c->cl[i].s <= off)
			k = (int)i;
	return k;
}

static int cmp_cue(const void *a, const void *b)
{
	const tt_cue *x = a, *y = b;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->e != y->e)
		return x->e > y->e ? -1 : 1;
	return x->kind - y->kind;
}

/* --- token helpers --------------------------------------------------------- */

static int tok_is(const tt_sentence *s, size_t i, const char *w)
{
	if (i >= s->ntok)
		return 0;
	size_t n = s->tok[i].end - s->tok[i].start;
	return strlen(w) == n && !strncasecmp(s->norm + s->tok[i].start, w, n);
}

static int tok_prefix(const tt_sentence *s, size_t i, const char *w)
{
	if (i >= s->ntok)
		return 0;
	size_t n = s->tok[i].end - s->tok[i].start, l = strlen(w);
	return n >= l && !strncasecmp(s->norm + s->tok[i].start, w, l);
}

static int tok_in(const tt_sentence *s, size_t i, const char *const *w)
{
	for (; *w; w++)
		if (tok_is(s, i, *w))
			return 1;
	return 0;
}

static int tok_suffix(const tt_sentence *s, size_t i, const char *w)
{
	if (i >= s->ntok)
		return 0;
	size_t n = s->tok[i].end - s->tok[i].start, l = strlen(w);
	return n > l && !strncasecmp(s->norm + s->tok[i].end - l, w, l);
}

static const char *const number_words[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen", NULL
};
static const char *const tens_words[] = {
	"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL
};

/* Value of a number word (one .. ninety-nine, hundred), or -1. */
static long word_number(const char *w, size_t n)
{
	for (long i = 0; number_words[i]; i++)
		if (strlen(number_words[i]) == n && !strncasecmp(w, number_words[i], n))
			return i;
	if (n == 7 && !strncasecmp(w, "hundred", 7))
		return 100;
	for (long i = 0; tens_words[i]; i++) {
		size_t l = strlen(tens_words[i]);
		if (n < l || strncasecmp(w, tens_words[i], l))
			continue;
		if (n == l)
			return 20 + 10 * i;
		if (w[l] != '-' && w[l] != ' ')
			continue;
		for (long u = 1; u <= 9; u++)
			if (strlen(number_words[u]) == n - l - 1 &&
			    !strncasecmp(w + l + 1, number_words[u], n - l - 1))
				return 20 + 10 * i + u;
	}
	return -1;
}

/* Value of token i as a whole number (digits, "1,200", number words), or
 * -1. *pct is set for a percentage token ("37%"). */
static long tok_number(const tt_sentence *s, size_t i, int *pct)
{
	*pct = 0;
	if (i >= s->ntok)
		return -1;
	const tt_token *t = &s->tok[i];
	const char *w = s->norm + t->start;
	size_t n = t->end - t->start;
	if (t->kind == TT_TOK_WORD)
		return word_number(w, n);
	if (t->kind != TT_TOK_NUMBER && t->kind != TT_TOK_PERCENT)
		return -1;
	long v = 0;
	size_t k = 0;
	for (; k < n && (isdigit((unsigned char)w[k]) || w[k] == ','); k++) {
		if (w[k] == ',')
			continue;
		if (v > 100000000)
			return -1;
		v = v * 10 + (w[k] - '0');
	}
	if (k < n && w[k] == '.') { /* 37.5%: the whole part */
		k++;
		while (k < n && isdigit((unsigned char)w[k]))
			k++;
	}
	if (t->kind == TT_TOK_PERCENT) {
		*pct = 1;
		return v;
	}
	return k == n ? v : -1;
}

/* Words that name what a proportion counts. */
static int is_count_noun(const tt_sentence *s, size_t i)
{
	static const char *const nouns[] = {
		"case", "audit", "file", "record", "famil", "child", "young",
		"plan", "assessment", "referral", "instance", "example", "parent",
		"father", "mother", "carer", "agenc", "practitioner", "professional",
		"worker", "review", "meeting", "visit", "area", "sample", "those",
		"service", "school", "partner", "manager", "staff", "respondent",
		"student", "pupil", "stage", "occasion", NULL
	};
	for (size_t k = 0; nouns[k]; k++)
		if (tok_prefix(s, i, nouns[k]))
			return 1;
	return 0;
}

static size_t skip_det(const tt_sentence *s, size_t j)
{
	if (tok_is(s, j, "the") || tok_is(s, j, "these") || tok_is(s, j, "those") ||
	    tok_is(s, j, "our") || tok_is(s, j, "all"))
		j++;
	return j;
}

static void add_prop(tt_sctx *c, size_t t0, size_t t1, long num, long den,
		     tt_prop_class cls)
{
	const tt_sentence *s = c->s;
	TT_GROW(c->prop, c->nprop + 1, c->prop_alloc);
	tt_prop *p = &c->prop[c->nprop++];
	p->s = s->tok[t0].start;
	p->e = s->tok[t1 - 1].end;
	p->num = num;
	p->den = den;
	p->cls = cls;
}

static tt_prop_class ratio_class(long num, long den)
{
	if (num == 0)
		return PROP_NONE;
	return (double)num / (double)den >= HIGH_SHARE ? PROP_HIGH : PROP_LOW;
}

/* Adverbs that put a finding in most cases (the gold's majority hedges). */
static const char *const majority_hedges[] = {
	"mostly", "largely", "mainly", "predominantly", "generally", "usually", NULL
};

/*
 * A fraction at token i ("two-thirds", "two thirds", "three quarters", "a
 * third", "one quarter", "a half" is not one: see "half"): sets *num and
 * *den and returns the token after it, or i.
 */
static size_t fraction(const tt_sentence *s, size_t i, long *num, long *den)
{
	static const struct { const char *w; long n, d; } one[] = {
		{"two-thirds", 2, 3}, {"three-quarters", 3, 4}, {"one-third", 1, 3},
		{"one-quarter", 1, 4}, {"one-fifth", 1, 5}, {"four-fifths", 4, 5},
	};
	static const struct { const char *a, *b; long n, d; } two[] = {
		{"two", "thirds", 2, 3}, {"three", "quarters", 3, 4}, {"one", "third", 1, 3},
		{"a", "third", 1, 3}, {"one", "quarter", 1, 4}, {"a", "quarter", 1, 4},
		{"a", "fifth", 1, 5}, {"one", "fifth", 1, 5}, {"four", "fifths", 4, 5},
	};
	for (size_t k = 0; k < TT_ARRAY_LEN(one); k++)
		if (tok_is(s, i, one[k].w)) {
			*num = one[k].n, *den = one[k].d;
			return i + 1;
		}
	for (size_t k = 0; k < TT_ARRAY_LEN(two); k++)
		if (tok_is(s, i, two[k].a) && tok_is(s, i + 1, two[k].b)) {
			*num = two[k].n, *den = two[k].d;
			return i + 2;
		}
	return i;
}

/*
 * Finds the proportions of the sentence: "4 of the 6", "4 out of 6",
 * "two of the ten", "100% of", "75 per cent", "only one case", "all
 * cases", "the majority of", "most cases", "half of", "a minority of",
 * "fewer than half", "none of the", "no cases", "some cases", "a few".
 */
static void find_props(tt_sctx *c)
{
	const tt_sentence *s = c->s;
	for (size_t i = 0; i < s->ntok; i++) {
		int only = i > 0 && (tok_is(s, i - 1, "only") || tok_is(s, i - 1, "just") ||
				     tok_is(s, i - 1, "merely"));
		size_t t0 = only ? i - 1 : i;
		int pct, pct2;
		/* a fraction: "two-thirds of", "three quarters of", "a third of" */
		long fn = 0, fd = 0;
		size_t fe = fraction(s, i, &fn, &fd);
		if (fe > i && tok_is(s, fe, "of")) {
			add_prop(c, t0, fe, fn, fd, only ? PROP_LOW : ratio_class(fn, fd));
			i = fe - 1;
			continue;
		}
		long num = tok_number(s, i, &pct);
		if (num >= 0 && i > 0 && tok_is(s, i - 1, "from")) {
			/* "from 48% to 81%": a change over time, not a share of
			 * cases; the rise or fall is judged by its verb */
			size_t j = i + 1;
			if (tok_is(s, j, "per") && tok_is(s, j + 1, "cent"))
				j += 2;
			else if (tok_is(s, j, "percent"))
				j++;
			if (tok_is(s, j, "to") && tok_number(s, j + 1, &pct2) >= 0) {
				i = j + 1;
				if (tok_is(s, i + 1, "per") && tok_is(s, i + 2, "cent"))
					i += 2;
				continue;
			}
		}
		if (num >= 0) {
			size_t j = i + 1;
			if (pct || (tok_is(s, j, "per") && tok_is(s, j + 1, "cent")) ||
			    tok_is(s, j, "percent")) {
				if (!pct)
					j += tok_is(s, j, "per") ? 2 : 1;
				if (num > 100)
					continue;
				add_prop(c, t0, j, num, 100,
					 only ? PROP_LOW : ratio_class(num, 100));
				i = j - 1;
				continue;
			}
			/* "one in three cases" */
			if (tok_is(s, j, "in")) {
				long den = tok_number(s, j + 1, &pct2);
				if (den > 1 && !pct2 && den >= num && den <= 1000 &&
				    is_count_noun(s, j + 2)) {
					add_prop(c, t0, j + 2, num, den,
						 only ? PROP_LOW : ratio_class(num, den));
					i = j + 1;
					continue;
				}
			}
			if (tok_is(s, j, "out"))
				j++;
			if (tok_is(s, j, "of")) {
				size_t k = skip_det(s, j + 1);
				long den = tok_number(s, k, &pct2);
				if (den > 0 && !pct2 && den >= num) {
					add_prop(c, t0, k + 1, num, den,
						 only ? PROP_LOW : ratio_class(num, den));
					i = k;
					continue;
				}
			}
			if (only) {
				add_prop(c, t0, i + 1, num, -1, num == 0 ? PROP_NONE : PROP_LOW);
				continue;
			}
			if (is_count_noun(s, i + 1) && s->tok[i].kind != TT_TOK_PERCENT &&
			    !(i > 0 && (tok_is(s, i - 1, "all") || tok_is(s, i - 1, "of"))))
				add_prop(c, i, i + 2, num, -1, num == 0 ? PROP_NONE : PROP_UNKNOWN);
			continue;
		}

		/* "all but one of the twelve": all save a few */
		if ((tok_is(s, i, "all") || tok_is(s, i, "every")) && tok_is(s, i + 1, "but")) {
			long x = tok_number(s, i + 2, &pct2), n = -1;
			size_t j = i + 3;
			if (x >= 0 && tok_is(s, j, "of")) {
				j = skip_det(s, j + 1);
				n = tok_number(s, j, &pct2);
				if (n >= x)
					j++;
				else
					n = -1;
			}
			if (x >= 0) {
				add_prop(c, i, j, n >= 0 ? n - x : -1, n, PROP_HIGH);
				i = j - 1;
				continue;
			}
		}
		/* a majority hedge: "mostly", "largely", "in the main" */
		if (tok_in(s, i, majority_hedges) ||
		    ((tok_is(s, i, "nearly") || tok_is(s, i, "almost")) && tok_is(s, i + 1, "always")) ||
		    (tok_is(s, i, "main") && i > 1 && tok_is(s, i - 1, "the") && tok_is(s, i - 2, "in"))) {
			add_prop(c, i, i + 1, -1, -1, PROP_HIGH);
			continue;
		}

		/* quantifier words */
		tt_prop_class cls = PROP_UNKNOWN;
		size_t j = i + 1;
		int need_of = 0;
		if (tok_is(s, i, "all") || tok_is(s, i, "every") || tok_is(s, i, "each")) {
			cls = PROP_HIGH;
		} else if (tok_is(s, i, "most")) {
			cls = PROP_HIGH;
		} else if (tok_is(s, i, "majority")) {
			cls = PROP_HIGH;
			need_of = 1;
		} else if (tok_is(s, i, "minority")) {
			cls = PROP_LOW;
			need_of = 1;
		} else if (tok_is(s, i, "half") &&
			   !(i > 0 && (tok_is(s, i - 1, "than") || tok_is(s, i - 1, "behalf")))) {
			cls = PROP_LOW;
			if (i > 0 && (tok_is(s, i - 1, "over")))
				cls = PROP_HIGH, t0 = i - 1;
		} else if ((tok_is(s, i, "fewer") || tok_is(s, i, "less") || tok_is(s, i, "more")) &&
			   tok_is(s, i + 1, "than") && tok_is(s, i + 2, "half")) {
			cls = tok_is(s, i, "more") ? PROP_HIGH : PROP_LOW;
			j = i + 3;
		} else if (tok_is(s, i, "none") && tok_is(s, i + 1, "of")) {
			cls = PROP_NONE;
		} else if (tok_is(s, i, "no") && is_count_noun(s, i + 1)) {
			cls = PROP_NONE;
		} else if (tok_is(s, i, "some") || tok_is(s, i, "several") ||
			   (tok_is(s, i, "few") && i > 0 && tok_is(s, i - 1, "a"))) {
			cls = PROP_LOW;
		} else if (tok_is(s, i, "number") && i > 0 && tok_is(s, i - 1, "small")) {
			cls = PROP_LOW;
		} else if (tok_is(s, i, "handful") && i > 0 && tok_is(s, i - 1, "a")) {
			cls = PROP_LOW;
			need_of = 1;
		}
		if (cls == PROP_UNKNOWN)
			continue;
		int of = tok_is(s, j, "of");
		if (of)
			j++;
		if (need_of && !of)
			continue;
		j = skip_det(s, j);
		long n = tok_number(s, j, &pct2);
		if (n >= 0 && !pct2)
			j++;
		else
			n = -1;
		/* "of" ties the quantifier to any noun ("none of the fathers");
		 * without it the noun must name what is counted ("most cases") */
		if (!of && n < 0 && !is_count_noun(s, j)) {
			/* one or two words may qualify it: "some early help cases" */
			if (is_count_noun(s, j + 1))
				j += 1;
			else if (is_count_noun(s, j + 2))
				j += 2;
		}
		if (!of && !is_count_noun(s, j) && !(cls == PROP_HIGH && n >= 0))
			continue;
		if (j >= s->ntok)
			j = s->ntok - 1;
		long pn = -1, pd = -1;
		if (cls == PROP_NONE) {
			pn = 0;
			pd = n;
		} else if (cls == PROP_HIGH && n >= 0 && !tok_is(s, i, "most")) {
			pn = pd = n;
		}
		add_prop(c, t0, j + 1, pn, pd, only ? PROP_LOW : cls);
		i = j;
	}
}

/* --- building the context ------------------------------------------------------ */

static void find_cues(tt_matcher *m, tt_sctx *c)
{
	const tt_sentence *s = c->s;
	size_t ms, me;
	for (int k = 0; k < CUE_NKIND; k++) {
		const pcre2_code *code = m->rs->cue[k];
		if (!code || k == CUE_HEAD_STRENGTH || k == CUE_HEAD_CONCERN ||
		    k == CUE_HEAD_MENTION)
			continue;
		size_t at = 0;
		while (at < s->norm_len &&
		       tt_rules_exec(m, code, s->norm, s->norm_len, at, &ms, &me) > 0) {
			TT_GROW(c->cue, c->ncue + 1, c->cue_alloc);
			tt_cue *q = &c->cue[c->ncue++];
			/* the opener pattern matches leading punctuation too */
			while (k == CUE_OPENER && ms < me &&
			       !isalnum((unsigned char)s->norm[ms]) &&
			       !((unsigned char)s->norm[ms] & 0x80))
				ms++;
			q->kind = k;
			q->s = ms;
			q->e = me;
			q->t = tt_rules_tok_at(s, ms);
			q->masked = 0;
			if (k == CUE_OPENER)
				break;
			/* from the next character, so that overlapping cues are all
			 * found ("was not" and "not evident"); the longest wins below */
			at = ms + 1;
			while (at < s->norm_len && ((unsigned char)s->norm[at] & 0xC0) == 0x80)
				at++;
		}
	}
	if (c->ncue > 1)
		qsort(c->cue, c->ncue, sizeof(*c->cue), cmp_cue);
	/* "apparent" before a noun means seeming ("his apparent commitment
	 * masked ..."), not evident */
	static const char *const after_apparent[] = {
		"in", "at", "that", "from", "when", "to", "and", "or", "but", "across",
		"throughout", "during", "within", "for", "on", "as", "by", "with",
		"through", "because", "since", "after", "before", "until", NULL
	};
	for (size_t a = 0; a < c->ncue; a++) {
		tt_cue *x = &c->cue[a];
		size_t n = x->e - x->s;
		if (x->kind == CUE_EVIDENCE && n == 8 && !strncasecmp(s->norm + x->s, "apparent", 8) &&
		    x->t + 1 < s->ntok && s->tok[x->t + 1].kind == TT_TOK_WORD &&
		    s->tok[x->t + 1].start == x->e + 1 && !tok_in(s, x->t + 1, after_apparent))
			x->masked = 1;
	}
	/* the longest cue of a layer wins over shorter ones overlapping it;
	 * of two of one kind and length the first wins ("are not yet": one
	 * negation); a pseudo-negation hides a negation whose last word it
	 * holds ("were not only": "not only", not "were not") */
	for (size_t a = 0; a < c->ncue; a++) {
		tt_cue *x = &c->cue[a];
		for (size_t b = 0; b < c->ncue && !x->masked; b++) {
			const tt_cue *y = &c->cue[b];
			if (a == b || layer_of(x->kind) != layer_of(y->kind))
				continue;
			if (!(y->s < x->e && x->s < y->e))
				continue;
			size_t lx = x->e - x->s, ly = y->e - y->s;
			if (ly > lx || (ly == lx && y->kind == x->kind && y->s < x->s))
				x->masked = 1;
			else if (x->kind == CUE_NEGATION && y->kind == CUE_PSEUDO &&
				 x->e > y->s && x->e <= y->e)
				x->masked = 1;
		}
	}
}

static int only_punct_before(const tt_sentence *s, size_t off)
{
	for (size_t i = 0; i < off; i++)
		if (isalnum((unsigned char)s->norm[i]) || ((unsigned char)s->norm[i] & 0x80))
			return 0;
	return 1;
}

static int has_concession_at(const tt_sctx *c, size_t start)
{
	for (size_t i = 0; i < c->ncue; i++)
		if (c->cue[i].kind == CUE_CONCESSION && !c->cue[i].masked && c->cue[i].s == start)
			return 1;
	return 0;
}

static void add_clause(tt_sctx *c, size_t start, size_t body, int opener)
{
	TT_GROW(c->cl, c->ncl + 1, c->cl_alloc);
	tt_clause *k = &c->cl[c->ncl++];
	k->s = start;
	k->e = c->s->norm_len;
	k->body = body;
	k->opener = opener;
	k->initial_concession = 0;
	if (c->ncl > 1)
		c->cl[c->ncl - 2].e = start;
}

/* Prepositions that bring in another object: "by the school but not by
 * other agencies". */
static const char *const other_object[] = {
	"by", "in", "for", "with", "from", "at", "among", "amongst", "across",
	"within", "on", "to", NULL
};

/* Words that hedge a finding towards "most" (the gold's majority hedges). */
static const char *const majority_words[] = {
	"most", "mostly", "majority", "largely", "mainly", "predominantly",
	"generally", "usually", "nearly", "almost", NULL
};

/*
 * Does the connective word at token i (in a clause that starts at token
 * `from`) not end a clause? "yet" as an adverb ("not yet", "has yet to",
 * "yet another"); "but" meaning except ("all but one") or adding ("but
 * also"); "but not always" after a majority word, which only qualifies
 * it ("mostly, but not always, on time").
 */
static int not_a_break(const tt_sentence *s, size_t i, size_t from)
{
	static const char *const yet_before[] = {
		"not", "as", "has", "have", "had", "is", "are", "was", "were", "be",
		"been", "and", NULL
	};
	static const char *const yet_after[] = {
		"to", "another", "again", "more", "further", "fully", NULL
	};
	static const char *const but_before[] = {
		"all", "anything", "nothing", "everything", "none", "nobody", "anyone", NULL
	};
	static const char *const partial[] = {
		"always", "all", "every", "consistently", "in", NULL
	};
	/* "when" cuts only a condition that opens the sentence ("When the
	 * nursery's concerns were not acted on, the manager ..."); inside
	 * a sentence a negation reaches over it ("not taken into account
	 * when it was explained") */
	if (tok_is(s, i, "when"))
		return i > 0 && s->tok[i - 1].kind != TT_TOK_NUMBER;
	if (tok_is(s, i, "yet"))
		return i > 0 && (tok_in(s, i - 1, yet_before) || tok_suffix(s, i - 1, "n't") ||
				 tok_in(s, i + 1, yet_after));
	if (!tok_is(s, i, "but"))
		return 0;
	if ((i > 0 && tok_in(s, i - 1, but_before)) || tok_is(s, i + 1, "also"))
		return 1;
	if (tok_is(s, i + 1, "not") && tok_in(s, i + 2, other_object) &&
	    !tok_in(s, i + 3, partial) && !tok_is(s, i + 3, "others"))
		return 1;
	if (tok_is(s, i + 1, "not") && tok_in(s, i + 2, partial))
		for (size_t k = from; k < i; k++)
			if (tok_in(s, k, majority_words))
				return 1;
	return 0;
}

/*
 * Clauses: the sentence is cut before every clause terminator, and each
 * clause records how it is joined (OPEN_*), from the first word of its
 * terminator: none or "and" a plain break, "which" a comment, a
 * concession word a concession, "whereas" another object, any other
 * word a contrast. A concession word opening the sentence makes clause 0
 * a concession that ends at the first comma; the clause after that comma
 * is the main clause.
 */
static void find_clauses(tt_sctx *c)
{
	const tt_sentence *s = c->s;
	add_clause(c, 0, 0, OPEN_PLAIN);
	size_t last = (size_t)-1;
	for (size_t i = 0; i < c->ncue; i++) {
		const tt_cue *q = &c->cue[i];
		if (layer_of(q->kind) != 1 || q->masked || q->s == last)
			continue;
		last = q->s;
		/* the connective's first word ("but" in ", but") */
		size_t w = q->s;
		while (w < q->e && !isalpha((unsigned char)s->norm[w]) &&
		       !((unsigned char)s->norm[w] & 0x80))
			w++;
		size_t wt = tt_rules_tok_at(s, w);
		int conc = w < q->e && has_concession_at(c, w);
		int opener;
		/* "when": a condition, judged on its own */
		int cond = tok_is(s, wt, "when");
		if (w == q->e || tok_is(s, wt, "and") || cond)
			opener = OPEN_PLAIN;
		else if (tok_is(s, wt, "which"))
			opener = OPEN_WHICH;
		else if (tok_is(s, wt, "because"))
			opener = OPEN_REASON;
		else if (conc)
			opener = OPEN_CONCESSION;
		else if (tok_is(s, wt, "whereas") || tok_is(s, wt, "on"))
			opener = OPEN_WHEREAS;
		else
			opener = OPEN_CONTRAST;
		if (w < q->e && not_a_break(s, wt, tt_rules_tok_at(s, c->cl[c->ncl - 1].s)))
			continue;
		if (only_punct_before(s, q->s)) {
			c->cl[0].opener = opener;
			c->cl[0].body = q->e;
			if (conc || cond) {
				c->cl[0].initial_concession = conc;
				/* the concession ends at the first comma before any
				 * other break */
				size_t next = s->norm_len;
				for (size_t k = i + 1; k < c->ncue; k++)
					if (layer_of(c->cue[k].kind) == 1 && !c->cue[k].masked &&
					    c->cue[k].s > q->s) {
						next = c->cue[k].s;
						break;
					}
				const char *comma = memchr(s->norm + q->e, ',', next > q->e ? next - q->e : 0);
				if (comma) {
					size_t at = (size_t)(comma - s->norm) + 1;
					add_clause(c, at, at, conc ? OPEN_MAIN : OPEN_PLAIN);
				}
			}
			continue;
		}
		if (q->s <= c->cl[c->ncl - 1].s)
			continue;
		add_clause(c, q->s, q->e, opener);
	}
}

static size_t heading_match(tt_matcher *m, int kind, const char *norm, size_t n);

/*
 * An inline label opening the sentence ("What worked well: ...", "Areas
 * for development - ..."): a heading term that fills the text before a
 * colon. Sets c->label_v and c->label_end, and masks the cues inside the
 * label, which name the heading, not a judgement of the item.
 */
static void find_label(tt_matcher *m, tt_sctx *c)
{
	const tt_sentence *s = c->s;
	size_t n = s->norm_len < 60 ? s->norm_len : 60, colon = 0;
	for (size_t i = 0; i < n; i++)
		if (s->norm[i] == ':') {
			colon = i;
			break;
		}
	c->label_v = 0;
	c->label_end = 0;
	if (!colon)
		return;
	size_t a = 0, b = colon;
	while (a < b && !isalnum((unsigned char)s->norm[a]))
		a++;
	while (b > a && s->norm[b - 1] == ' ')
		b--;
	if (b <= a)
		return;
	size_t st = heading_match(m, CUE_HEAD_STRENGTH, s->norm + a, b - a);
	size_t co = heading_match(m, CUE_HEAD_CONCERN, s->norm + a, b - a);
	size_t best = st > co ? st : co;
	/* the heading term is (nearly) the whole label */
	if (!best || (st && co) || best + 2 < b - a)
		return;
	c->label_v = st ? 1 : -1;
	c->label_end = colon + 1;
	for (size_t i = 0; i < c->ncue; i++)
		if (c->cue[i].e <= colon && layer_of(c->cue[i].kind) == 0)
			c->cue[i].masked = 1;
}

void tt_sctx_build(tt_matcher *m, const tt_doc *d, const tt_sentence *s)
{
	tt_sctx *c = &m->ctx;
	if (c->built && c->s == s)
		return;
	c->ncue = c->nprop = c->ncl = 0;
	c->head_done = 0;
	c->rs = m->rs;
	c->d = d;
	c->s = s;
	find_cues(m, c);
	find_label(m, c);
	find_clauses(c);
	find_props(c);
	c->built = 1;
}

/* --- deciding ----------------------------------------------------------------- */

/* Result of judging one clause for one hit. */
typedef struct judgement {
	int v;                /* +1 strength, -1 concern, 0 none */
	int decisive;         /* 0: presumed (deficit/risk without a cue) */
	int both;             /* two objects compared: strength and concern */
	int judged;           /* decided by an evaluative cue, not a bare negation */
	int by_prop;          /* decided by a proportion alone (no cue) */
	tt_cue_kind kind;
	size_t cs, ce;        /* the cue's span in norm */
} judgement;

static int in_clause(const tt_sctx *c, int k, size_t off)
{
	return off >= c->cl[k].s && off < c->cl[k].e;
}

/* Is there a "," or the word "and" in norm[a, b)? */
static int has_break(const tt_sentence *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		if (s->norm[i] == ',')
			return 1;
		if ((i == a || !isalnum((unsigned char)s->norm[i - 1])) && i + 3 <= b &&
		    !strncasecmp(s->norm + i, "and", 3) &&
		    (i + 3 == b || !isalnum((unsigned char)s->norm[i + 3])))
			return 1;
	}
	return 0;
}

static size_t span_dist(size_t a0, size_t a1, size_t b0, size_t b1)
{
	if (a1 <= b0)
		return b0 - a1;
	if (b1 <= a0)
		return a0 - b1;
	return 0;
}

static int cue_is(const tt_sentence *s, const tt_cue *g, const char *w)
{
	size_t n = g->e - g->s;
	return strlen(w) == n && !strncasecmp(s->norm + g->s, w, n);
}

/* Token index of the last token of cue g. */
static size_t cue_last_tok(const tt_sentence *s, const tt_cue *g)
{
	size_t t = g->t;
	while (t + 1 < s->ntok && s->tok[t + 1].start < g->e)
		t++;
	return t;
}

/*
 * Is negation g a determiner that scopes over its whole clause: "none",
 * "nobody", "not one", "not a single", "nothing", or "no" before a word
 * for the cases counted ("no case", "no file", "no instance")? It then
 * negates a judgement anywhere after it: "none of the assessments in the
 * sample was judged to be superficial".
 */
static int is_quant_neg(const tt_sentence *s, const tt_cue *g)
{
	static const char *const q[] = {
		"none", "nobody", "no one", "not one", "not a single", "nothing", NULL
	};
	static const char *const counted[] = {
		"case", "file", "instance", "example", "record", "audit", "occasion", NULL
	};
	for (size_t i = 0; q[i]; i++)
		if (cue_is(s, g, q[i]))
			return 1;
	if (!cue_is(s, g, "no"))
		return 0;
	for (size_t i = 0; counted[i]; i++)
		if (tok_prefix(s, g->t + 1, counted[i]))
			return 1;
	/* "no child in the sample", "at no point", "at no stage" */
	return is_count_noun(s, g->t + 1) || tok_is(s, g->t + 1, "point") ||
	       tok_is(s, g->t + 1, "stage") || tok_is(s, g->t + 1, "time");
}

/*
 * Is negation g a word that denies by its meaning ("without", "lack of",
 * "failed to", "rarely", "limited") rather than a particle ("not", "no",
 * "never", "didn't")? Only such a word can be denied in turn: "not
 * without", "no lack of", "no case lacked".
 */
static int is_lexical_neg(const tt_sentence *s, const tt_cue *g)
{
	const char *w = s->norm + g->s;
	size_t n = g->e - g->s;
	if (n >= 2 && (w[0] == 'n' || w[0] == 'N'))
		return 0;
	for (size_t i = 0; i + 3 <= n; i++)
		if (!strncasecmp(w + i, "not", 3) || !strncasecmp(w + i, "n't", 3))
			return 0;
	return 1;
}

/* "not always", "not consistently", "not all", "not every": a negation
 * that only says "not in every case". */
static int is_partial_neg(const tt_sentence *s, const tt_cue *g)
{
	static const char *const after[] = {"all", "every", "in", NULL};
	if (cue_is(s, g, "not always") || cue_is(s, g, "not consistently") ||
	    cue_is(s, g, "not routinely"))
		return 1;
	return cue_is(s, g, "not") && tok_in(s, g->t + 1, after);
}

/* Comparative words that carry their own judgement. */
static int is_comparative(const tt_sentence *s, size_t t)
{
	static const char *const w[] = {
		"better", "worse", "stronger", "weaker", "clearer", "poorer", "fuller",
		"richer", "deeper", "quicker", "slower", "timelier", NULL
	};
	return tok_in(s, t, w);
}

/*
 * After a comparative cue at token t (up to token end of clause), does
 * "than" bring in another object of the same practice ("stronger for CP
 * plans than for CIN plans", "more robust than that provided by team
 * managers")? Not when it compares with the past ("than at the last
 * inspection", "than before"): that is an improvement or a decline.
 */
static int compares_objects(const tt_sentence *s, size_t t, size_t end)
{
	static const char *const past[] = {
		"before", "previously", "previous", "last", "earlier", "ago", "prior",
		"then", "formerly", "historically", "originally", "expected",
		"anticipated", "usual", NULL
	};
	static const char *const other[] = {
		"in", "for", "with", "at", "by", "from", "among", "amongst", "across",
		"within", "on", "under", "between", "that", "those", NULL
	};
	size_t than = 0;
	for (size_t i = t + 1; i < end && i <= t + 10; i++)
		if (tok_is(s, i, "than")) {
			than = i;
			break;
		}
	if (!than)
		return 0;
	for (size_t i = than + 1; i < end && i <= than + 4; i++) {
		int pct;
		long y = tok_number(s, i, &pct);
		if (tok_in(s, i, past) || (y >= 1990 && y <= 2100))
			return 0;
	}
	if (tok_in(s, than + 1, other))
		return 1;
	/* "weaker than CP plans", "than girls": another object named at
	 * once; not a standard ("than expected", "than average") */
	static const char *const standard[] = {
		"expected", "required", "needed", "necessary", "average", "national",
		"normal", "usual", "planned", "hoped", "ever", "the", "it", "they",
		"this", "a", "an", "would", "should", "could", "one", "many", NULL
	};
	size_t o = than + 1;
	int pct;
	return o < end && (s->tok[o].kind == TT_TOK_WORD || s->tok[o].kind == TT_TOK_ACRONYM) &&
	       !tok_in(s, o, standard) && tok_number(s, o, &pct) < 0 && !tok_suffix(s, o, "ed");
}

/*
 * Is there an evaluative cue of clause k of the other direction between
 * norm offset `from` and cue q, not joined to q by "or" / "nor"? A
 * negation negates the judgements after it that run one way ("have not
 * ensured that views are consistently gathered", "no gaps or delays"),
 * not one of the other way, which is their object ("not consistently
 * challenging drift": not the drift).
 */
static int cue_between(const tt_sctx *c, int k, size_t from, const tt_cue *q)
{
	const tt_sentence *s = c->s;
	int qneg = q->kind == CUE_NEGATIVE;
	for (size_t i = 0; i < c->ncue; i++) {
		const tt_cue *x = &c->cue[i];
		if (x->masked || x == q || x->s < from || x->e > q->s || !in_clause(c, k, x->s) ||
		    (x->kind != CUE_POSITIVE && x->kind != CUE_NEGATIVE && x->kind != CUE_EVIDENCE) ||
		    (x->kind == CUE_NEGATIVE) == qneg)
			continue;
		size_t t = cue_last_tok(s, x);
		if (!(tok_is(s, t + 1, "or") || tok_is(s, t + 1, "nor")))
			return 1;
	}
	return 0;
}

/* Words that say something became less or was kept away. */
static const char *const decrease_before[] = {
	"reduced", "reduction", "reductions", "decrease", "decreased", "fall",
	"fewer", "lower", "avoided", "avoiding", "prevented", "preventing",
	"eliminated", "minimised", "minimized", "eradicated", NULL
};
static const char *const decrease_after[] = {
	"reduced", "decreased", "fallen", "fell", "avoided", "prevented",
	"eliminated", "minimised", "minimized", "eradicated", "diminished", NULL
};

/*
 * Is the span of tokens [t0, t1] (a negative cue or a deficit's trigger)
 * said to have lessened: "a reduction in drift", "fewer delays", "drift
 * was avoided", "delays have reduced"? Up to three words either side,
 * with no comma between. Returns the decrease word's token, or -1.
 */
static long decreased(const tt_sentence *s, size_t t0, size_t t1, size_t end_tok)
{
	for (size_t d = 1; d <= 3 && d <= t0; d++) {
		if (tok_in(s, t0 - d, decrease_before))
			return (long)(t0 - d);
		if (s->tok[t0 - d].kind != TT_TOK_WORD)
			break;
	}
	for (size_t t = t1 + 1; t <= t1 + 3 && t < end_tok && t < s->ntok; t++) {
		if (tok_in(s, t, decrease_after))
			return (long)t;
		if (s->tok[t].kind != TT_TOK_WORD)
			break;
	}
	return -1;
}

/* Verbs of a response: a deficit "not followed up" was not dealt with. */
static int is_response_verb(const tt_sentence *s, size_t t)
{
	static const char *const w[] = {
		"follow", "acted", "act", "address", "challeng", "tackl", "respond",
		"explor", "question", "escalat", "picked", "recognis", "recogniz",
		"consider", "notic", "pursu", "chase", "investigat", "discuss",
		"review", "record", "understood", "analys", "shared", "passed",
		"referred", "reported", NULL
	};
	for (size_t i = 0; w[i]; i++)
		if (tok_prefix(s, t, w[i]))
			return 1;
	return 0;
}

/* Is there a question word ("why", "whether") in norm[a, b)? */
static int wh_between(const tt_sentence *s, size_t a, size_t b)
{
	static const char *const wh[] = {
		"why", "what", "how", "whether", NULL
	};
	for (size_t t = tt_rules_tok_at(s, a); t < s->ntok && s->tok[t].start < b; t++)
		if (s->tok[t].start >= a && tok_in(s, t, wh))
			return 1;
	return 0;
}

/* Is token t the "not" of "but not by other agencies", naming another
 * object? Not "but not in others" (an unquantified hedge). */
static int is_but_not(const tt_sentence *s, size_t t)
{
	static const char *const vague[] = {
		"others", "other", "all", "every", "each", "always", "any", NULL
	};
	return t > 0 && tok_is(s, t, "not") && tok_is(s, t - 1, "but") &&
	       tok_in(s, t + 1, other_object) &&
	       !(tok_in(s, t + 2, vague) && !tok_is(s, t + 3, "agencies")) &&
	       !tok_in(s, t + 3, vague);
}

/* Does clause k hold an unmasked unfavourable cue? */
static int has_negative(const tt_sctx *c, int k)
{
	for (size_t i = 0; i < c->ncue; i++)
		if (c->cue[i].kind == CUE_NEGATIVE && !c->cue[i].masked && in_clause(c, k, c->cue[i].s))
			return 1;
	return 0;
}

/* Is negation g of "had not previously engaged", "who had not been
 * involved before": something happening for the first time? */
static int first_time(const tt_sentence *s, const tt_cue *g, size_t end_tok)
{
	size_t t = cue_last_tok(s, g);
	if (!(tok_is(s, t, "not") || tok_is(s, t, "never") || tok_suffix(s, t, "n't")))
		return 0;
	if (tok_is(s, t + 1, "previously") ||
	    (tok_is(s, t + 1, "been") && tok_is(s, t + 2, "previously")))
		return 1;
	/* "before" closing the clause, two or three words on */
	for (size_t d = 2; d <= 4 && t + d <= end_tok && t + d < s->ntok; d++)
		if (tok_is(s, t + d, "before") &&
		    (t + d + 1 >= end_tok || t + d + 1 >= s->ntok ||
		     s->tok[t + d + 1].kind != TT_TOK_WORD))
			return 1;
	return 0;
}

/*
 * Is unfavourable cue q the object of a practitioner seeing through it:
 * after "recognised (that)", "spotted", "challenged", "analysed" in its
 * clause, or before "was identified", "were challenged"? Not when it
 * qualifies the trigger (token t0) itself ("challenged the poor plan").
 */
static int seen_through(const tt_sentence *s, const tt_cue *q, size_t t0,
			size_t clause_start, size_t end_tok)
{
	static const char *const before[] = {
		"recognised", "recognized", "spotted", "noticed", "challenged",
		"analysed", "analyzed", "unpicked", "questioned", "tested", NULL
	};
	static const char *const after[] = {
		"identified", "recognised", "recognized", "spotted", "noticed",
		"challenged", "tested", "questioned", NULL
	};
	size_t last = cue_last_tok(s, q);
	if (t0 >= q->t && t0 - last <= 2)
		return 0;
	for (size_t d = 1; d <= 6 && d <= q->t; d++) {
		size_t t = q->t - d;
		if (s->tok[t].start < clause_start || s->tok[t].kind != TT_TOK_WORD)
			break;
		if (tok_is(s, t, "not") || tok_is(s, t, "and"))
			break;
		if (tok_in(s, t, before))
			return 1;
	}
	for (size_t t = last + 1; t + 1 < end_tok && t <= last + 3; t++)
		if ((tok_is(s, t, "was") || tok_is(s, t, "were")) && tok_in(s, t + 1, after))
			return 1;
	return 0;
}

/* Is favourable cue q qualified at once by an unfavourable one after it
 * ("recognised too late", "shared late")? */
static int qualified_badly(const tt_sctx *c, int k, const tt_cue *q)
{
	static const char *const how[] = {
		"late", "too", "slowly", "slow", "belatedly", "only", "inconsistently",
		"sporadically", "poorly", "superficially", "inadequately", NULL
	};
	const tt_sentence *s = c->s;
	size_t last = cue_last_tok(s, q);
	for (size_t i = 0; i < c->ncue; i++) {
		const tt_cue *x = &c->cue[i];
		if (x->kind == CUE_NEGATIVE && !x->masked && in_clause(c, k, x->s) &&
		    tok_in(s, x->t, how) &&
		    x->s >= q->e && x->t > last && x->t - last <= 2 &&
		    !has_break(s, q->e, x->s))
			return 1;
	}
	return 0;
}

/* Is cue q followed at once by the set it holds for ("strong in the CP
 * cases", "good in 8 cases"): a preposition, then a number or a noun? */
static int scoped_cue(const tt_sentence *s, const tt_cue *q, size_t end_tok)
{
	static const char *const prep[] = {"in", "for", "across", "among", NULL};
	size_t t = cue_last_tok(s, q) + 1;
	if (t >= end_tok || !tok_in(s, t, prep))
		return 0;
	int pct;
	if (tok_number(s, t + 1, &pct) >= 0)
		return 1;
	/* "in the child protection cases", "in early help": not "in
	 * time", "in part", "in places" */
	static const char *const vague[] = {
		"time", "part", "places", "general", "practice", "place", "detail",
		"depth", "full", "principle", "most", "some", "all", "many", "a",
		"an", "their", "its", "his", "her", "this", "that", "terms", NULL
	};
	return t + 1 < end_tok && !tok_in(s, t + 1, vague);
}

/* Does clause k hold a low proportion ("in some teams")? */
static int low_prop_in(const tt_sctx *c, int k)
{
	for (size_t i = 0; i < c->nprop; i++)
		if (c->prop[i].cls == PROP_LOW && in_clause(c, k, c->prop[i].s))
			return 1;
	return 0;
}

/*
 * Judges clause k for a hit of the given sense whose trigger spans
 * [ns, ne) in norm (ne == 0: the hit is in another clause).
 */
static judgement judge_clause(const tt_sctx *c, int k, tt_sense sense,
			      size_t ns, size_t ne)
{
	const tt_sentence *s = c->s;
	judgement j = {0, 0, 0, 0, 0, TT_CUE_DEFAULT, 0, 0};
	size_t negs[64];
	int used[64], paired[64], quant[64];
	size_t nneg = 0;
	long best_eval = -1, best_evid = -1;
	int best_sign = 0, evid_sign = 0;
	size_t best_d = (size_t)-1, evid_d = (size_t)-1;
	long best_by = -1, evid_by = -1; /* the negation negating the cue */
	long dbl_a = -1, dbl_b = -1;     /* a denied denial ("no lack of") */
	size_t end_tok = tt_rules_tok_at(s, c->cl[k].e);

	/* a majority hedge outweighs "not always" ("mostly, but not always") */
	int majority = 0;
	for (size_t i = 0; i < c->nprop; i++)
		if (c->prop[i].cls == PROP_HIGH && in_clause(c, k, c->prop[i].s))
			majority = 1;
	int but_not = 0;
	for (size_t i = 0; i < c->ncue && nneg < 64; i++) {
		const tt_cue *g = &c->cue[i];
		if (g->kind != CUE_NEGATION || g->masked || !in_clause(c, k, g->s))
			continue;
		/* "recognised by the school but not by other agencies": a
		 * second object, judged the other way */
		if (is_but_not(s, g->t) && !low_prop_in(c, k)) {
			but_not = 1;
			continue;
		}
		/* "no one explored why the family kept missing appointments":
		 * the negation is of the asking, not of what was asked about */
		if (sense == SENSE_DEFICIT && ne && g->e <= ns && wh_between(s, g->e, ns))
			continue;
		/* "Dad, who had not been involved before": a first time */
		if (first_time(s, g, end_tok))
			continue;
		if (majority && is_partial_neg(s, g)) {
			/* not the "all" of "not all" itself */
			int own = 0, other = 0;
			for (size_t p = 0; p < c->nprop; p++) {
				const tt_prop *pp = &c->prop[p];
				if (pp->cls != PROP_HIGH || !in_clause(c, k, pp->s))
					continue;
				if (tt_rules_tok_at(s, pp->s) == cue_last_tok(s, g) + 1)
					own = 1;
				else
					other = 1;
			}
			if (other || !own)
				continue;
		}
		used[nneg] = paired[nneg] = 0;
		quant[nneg] = is_quant_neg(s, g);
		negs[nneg++] = i;
	}
	/* double negation: a particle or a quantifier denying a denial */
	for (size_t a = 0; a < nneg && dbl_a < 0; a++)
		for (size_t b = a + 1; b < nneg; b++) {
			const tt_cue *x = &c->cue[negs[a]], *y = &c->cue[negs[b]];
			if (y->s < x->e || !is_lexical_neg(s, y))
				continue;
			/* a question word between them: the second is part of
			 * what the first denies was asked ("no one explored
			 * why the family kept missing appointments") */
			if (wh_between(s, x->e, y->s))
				continue;
			if (y->t == cue_last_tok(s, x) + 1 ||
			    (quant[a] && !has_break(s, x->e, y->s))) {
				paired[a] = paired[b] = 1;
				dbl_a = (long)negs[a];
				dbl_b = (long)negs[b];
				break;
			}
		}
	for (size_t i = 0; i < c->ncue; i++) {
		const tt_cue *q = &c->cue[i];
		if (q->masked || !in_clause(c, k, q->s))
			continue;
		int sign;
		if (q->kind == CUE_POSITIVE)
			sign = 1;
		else if (q->kind == CUE_NEGATIVE)
			sign = -1;
		else if (q->kind == CUE_EVIDENCE && sense == SENSE_PRACTICE)
			sign = 1;
		else
			continue;
		/* a cue inside the trigger is part of what the rule names
		 * ("delay", "missed appointments"), not a judgement of it */
		if (ne && q->s < ne && ns < q->e)
			continue;
		/* a failing seen through ("recognised that the compliance was
		 * superficial", "superficial co-operation was identified and
		 * tested") is the object of good practice */
		if (q->kind == CUE_NEGATIVE && sense == SENSE_PRACTICE && ne &&
		    seen_through(s, q, tt_rules_tok_at(s, ns), c->cl[k].s, end_tok))
			continue;
		/* "less effective", "less consistent": the other way */
		if (q->t > 0 && tok_is(s, q->t - 1, "less"))
			sign = -sign;
		/* "recognised too late", "addressed only after": the act was
		 * done, badly */
		else if (q->kind == CUE_POSITIVE && qualified_badly(c, k, q))
			sign = -1;
		/* "a reduction in drift", "delays were avoided": a bad thing
		 * lessened is favourable */
		else if (q->kind == CUE_NEGATIVE &&
			 decreased(s, q->t, cue_last_tok(s, q), end_tok) >= 0)
			sign = 1;
		/* "reduced attendance": a practice lessened, when nothing bad
		 * in the clause is what fell */
		else if (q->kind == CUE_POSITIVE && sense == SENSE_PRACTICE && ne &&
			 !has_negative(c, k) &&
			 q->e <= ns && tok_in(s, cue_last_tok(s, q), decrease_before) &&
			 tt_rules_tok_at(s, ns) - cue_last_tok(s, q) <= 3 &&
			 !has_break(s, q->e, ns))
			sign = -1;
		/* a negation shortly before negates this cue; a quantifier
		 * ("none of the ...") anywhere before it in the clause */
		long by = -1;
		for (size_t n = 0; n < nneg; n++) {
			const tt_cue *g = &c->cue[negs[n]];
			if (paired[n])
				continue;
			if (g->e <= q->s && q->t >= g->t &&
			    (q->t - g->t <= NEG_EVAL_WINDOW || quant[n]) &&
			    !has_break(s, g->e, q->s) && !cue_between(c, k, g->e, q) &&
			    !wh_between(s, g->e, q->s)) {
				sign = -sign;
				used[n] = 1;
				by = (long)negs[n];
				break;
			}
		}
		size_t dist = ne ? span_dist(ns, ne, q->s, q->e) : q->s;
		if (q->kind == CUE_EVIDENCE) {
			if (dist < evid_d)
				evid_d = dist, best_evid = (long)i, evid_sign = sign, evid_by = by;
		} else if (dist < best_d || (dist == best_d && sign < 0)) {
			best_d = dist, best_eval = (long)i, best_sign = sign, best_by = by;
		}
	}
	if (best_eval < 0 && best_evid >= 0)
		best_eval = best_evid, best_sign = evid_sign, best_by = evid_by;

	long neg = -1;
	for (size_t n = 0; n < nneg && neg < 0; n++)
		if (!used[n] && !paired[n])
			neg = (long)negs[n];
	/* the nearest proportion of the clause */
	const tt_prop *prop = NULL;
	size_t pd = (size_t)-1;
	for (size_t i = 0; i < c->nprop; i++) {
		const tt_prop *p = &c->prop[i];
		if (!in_clause(c, k, p->s))
			continue;
		size_t dd = ne ? span_dist(ns, ne, p->s, p->e) : p->s;
		if (dd < pd)
			pd = dd, prop = p;
	}
	/* "none of the N" negates like "none", once: not when a negation cue
	 * of the clause is part of it (that cue already counted) */
	int none_prop = prop && prop->cls == PROP_NONE && neg < 0;
	for (size_t n = 0; n < nneg && none_prop; n++)
		if (c->cue[negs[n]].s < prop->e && prop->s < c->cue[negs[n]].e)
			none_prop = 0;

	size_t es = best_eval >= 0 ? c->cue[best_eval].s : 0;
	size_t ee = best_eval >= 0 ? c->cue[best_eval].e : 0;
	int e = best_eval >= 0 ? best_sign : 0;
	/* a negated evaluative cue is reported as a negation: "not good" */
	tt_cue_kind ek = TT_CUE_EVALUATIVE;
	if (best_eval >= 0 && best_by >= 0) {
		es = c->cue[best_by].s;
		ek = TT_CUE_NEGATION;
	}
	/* two objects compared ("more evident in early help than in social
	 * care"): a judgement each way */
	int both = 0;
	if (best_eval >= 0 && best_by < 0) {
		size_t t = c->cue[best_eval].t;
		size_t last = cue_last_tok(s, &c->cue[best_eval]);
		if ((t > 0 && (tok_is(s, t - 1, "more") || tok_is(s, t - 1, "less"))) ||
		    tok_is(s, t, "more") || tok_is(s, t, "less") || is_comparative(s, last))
			both = compares_objects(s, last, end_tok);
	}
	/* "strong in the CP cases and largely absent in early help", "good
	 * in 8 cases and inadequate in 2": two sets, judged each way */
	if (best_eval >= 0 && best_by < 0 && !both && sense == SENSE_PRACTICE &&
	    scoped_cue(s, &c->cue[best_eval], end_tok)) {
		for (size_t i = 0; i < c->ncue && !both; i++) {
			const tt_cue *q = &c->cue[i];
			if (q->masked || (long)i == best_eval || !in_clause(c, k, q->s) ||
			    (q->kind != CUE_POSITIVE && q->kind != CUE_NEGATIVE) ||
			    (q->kind == CUE_POSITIVE) == (best_sign > 0) ||
			    !scoped_cue(s, q, end_tok))
				continue;
			int negd = 0;
			for (size_t n = 0; n < nneg; n++)
				if (c->cue[negs[n]].e <= q->s && q->t - c->cue[negs[n]].t <= 2)
					negd = 1;
			if (!negd)
				both = 1;
		}
	}
	/* a denied denial judges favourably, unless a nearer cue decides */
	if (dbl_a >= 0) {
		size_t ds = c->cue[dbl_a].s, de = c->cue[dbl_b].e;
		size_t dd = ne ? span_dist(ns, ne, ds, de) : ds;
		if (best_eval < 0 || best_evid == best_eval || dd < best_d) {
			e = 1, es = ds, ee = de, ek = TT_CUE_NEGATION, both = 0;
		}
	}
	int negated = neg >= 0 || none_prop;
	size_t gs = neg >= 0 ? c->cue[neg].s : none_prop ? prop->s : 0;
	size_t ge = neg >= 0 ? c->cue[neg].e : none_prop ? prop->e : 0;
	/* a deficit denied after it by a response ("missed appointments
	 * were not followed up") was left standing, not denied */
	int unanswered = 0;
	if (neg >= 0 && ne && c->cue[neg].s >= ne) {
		size_t t = cue_last_tok(s, &c->cue[neg]);
		for (size_t d = 1; d <= 3 && t + d < end_tok; d++)
			if (is_response_verb(s, t + d))
				unanswered = 1;
	}
	/* a deficit acted on: "escalated her disagreement", "challenged the
	 * delay" is good practice, "did not challenge drift" a concern */
	long acted = -1;
	if (ne && sense == SENSE_DEFICIT) {
		static const char *const verbs[] = {
			"escalated", "escalating", "escalate", "escalates", "challenged",
			"challenging", "challenge", "challenges", "resolved", "resolving",
			"tackled", "tackling", "addressed", "addressing", NULL
		};
		size_t t0 = tt_rules_tok_at(s, ns);
		for (size_t d = 1; d <= 3 && d <= t0 && acted < 0; d++) {
			if (s->tok[t0 - d].kind != TT_TOK_WORD)
				break;
			if (tok_in(s, t0 - d, verbs))
				acted = (long)(t0 - d);
		}
	}
	if (acted >= 0) {
		/* the negation, if any, is of the acting */
		int denied = 0;
		for (size_t n = 0; n < nneg; n++) {
			const tt_cue *g = &c->cue[negs[n]];
			if (g->e <= s->tok[acted].start && !has_break(s, g->e, s->tok[acted].start))
				denied = 1;
		}
		negated = 0;
		neg = -1;
		if (denied)
			e = -1, es = s->tok[acted].start, ee = s->tok[acted].end, ek = TT_CUE_NEGATION;
		else
			e = 1, es = s->tok[acted].start, ee = s->tok[acted].end, ek = TT_CUE_EVALUATIVE;
	}
	/* a deficit or a risk lessened: "a marked reduction in drift" */
	long dec = -1;
	if (ne && sense != SENSE_PRACTICE && sense != SENSE_NONE && !negated)
		dec = decreased(s, tt_rules_tok_at(s, ns), tt_rules_tok_at(s, ne - 1), end_tok);

#define SET(val, knd, a, b) (j.v = (val), j.decisive = 1, j.kind = (knd), j.cs = (a), j.ce = (b))
	switch (sense) {
	case SENSE_PRACTICE:
	case SENSE_NONE:
		if (negated)
			SET(-1, TT_CUE_NEGATION, gs, ge);
		else if (e) {
			SET(e, ek, es, ee);
			j.both = both;
			j.judged = 1;
		}
		break;
	case SENSE_DEFICIT:
		if (e > 0)
			SET(1, ek, es, ee);
		else if (dec >= 0)
			SET(1, TT_CUE_EVALUATIVE, s->tok[dec].start, s->tok[dec].end);
		else if (unanswered)
			SET(-1, TT_CUE_NEGATION, gs, ge);
		else if (negated)
			SET(1, TT_CUE_NEGATION, gs, ge);
		else if (e < 0)
			SET(-1, ek, es, ee);
		else
			j.v = -1;
		break;
	case SENSE_RISK:
		if (negated)
			SET(-1, TT_CUE_NEGATION, gs, ge);
		else if (dec >= 0)
			SET(1, TT_CUE_EVALUATIVE, s->tok[dec].start, s->tok[dec].end);
		else if (e) {
			SET(e, ek, es, ee);
			j.both = both; /* "less readily identified than girls" */
		} else
			j.v = -1;
		break;
	}

	/* "by the school but not by other agencies": both, unless the
	 * clause already says concern */
	if (but_not && !(j.decisive && j.v < 0)) {
		if (!j.decisive)
			SET(1, TT_CUE_NEGATION, 0, 0);
		j.both = 1;
	}
	/* a proportion judges the finding (convention 2) */
	if (prop && prop->cls != PROP_NONE && prop->cls != PROP_UNKNOWN && !j.both) {
		int was = j.decisive;
		if (j.v < 0 && !j.decisive)
			SET(-1, TT_CUE_PROPORTION, prop->s, prop->e);
		else if (j.v >= 0 && prop->cls == PROP_LOW)
			SET(-1, TT_CUE_PROPORTION, prop->s, prop->e);
		else if (j.v == 0 && prop->cls == PROP_HIGH)
			SET(1, TT_CUE_PROPORTION, prop->s, prop->e);
		j.by_prop = !was && j.decisive;
	}
#undef SET
	return j;
}

static int is_question(const tt_sentence *s)
{
	size_t n = s->norm_len;
	while (n > 0 && (s->norm[n - 1] == ' ' || s->norm[n - 1] == '"' ||
			 s->norm[n - 1] == '\'' || s->norm[n - 1] == ')'))
		n--;
	return n > 0 && s->norm[n - 1] == '?';
}

static long first_cue(const tt_sctx *c, int kind, int clause)
{
	for (size_t i = 0; i < c->ncue; i++)
		if (c->cue[i].kind == kind && !c->cue[i].masked &&
		    (clause < 0 || in_clause(c, clause, c->cue[i].s)))
			return (long)i;
	return -1;
}

/* The longest match of a heading cue lexicon in `title`, 0 for none. */
static size_t heading_match(tt_matcher *m, int kind, const char *norm, size_t n)
{
	const pcre2_code *code = m->rs->cue[kind];
	size_t best = 0, at = 0, ms, me;
	if (!code)
		return 0;
	while (at < n && tt_rules_exec(m, code, norm, n, at, &ms, &me) > 0) {
		if (me - ms > best)
			best = me - ms;
		at = me > ms ? me : ms + 1;
	}
	return best;
}

/*
 * The heading context: from the sentence's section up, the nearest title
 * that matches a heading lexicon. Returns +1, -1 or 0; *title the title.
 */
static int heading_context(tt_matcher *m, const tt_doc *d, const tt_sentence *s,
			   const char **title)
{
	if (!d || s->section < 0)
		return 0;
	size_t guard = 0;
	for (int k = s->section; k >= 0 && (size_t)k < d->nsec && guard < d->nsec + 1;
	     k = d->sec[k].parent, guard++) {
		const char *t = d->sec[k].title;
		if (!t || !*t)
			continue;
		char *norm;
		size_t nlen;
		uint32_t *map;
		tt_normalise(t, strlen(t), &norm, &nlen, &map);
		size_t st = heading_match(m, CUE_HEAD_STRENGTH, norm, nlen);
		size_t co = heading_match(m, CUE_HEAD_CONCERN, norm, nlen);
		size_t me = heading_match(m, CUE_HEAD_MENTION, norm, nlen);
		free(norm);
		free(map);
		if (!st && !co && !me)
			continue;
		*title = t;
		if ((st && co) || (me >= st && me >= co))
			return 0;
		return st > co ? 1 : -1;
	}
	return 0;
}

static int clause_has_hit(const tt_matcher *m, int k)
{
	for (size_t i = 0; i < m->ncand; i++)
		if (m->cand[i].clause == k)
			return 1;
	return 0;
}

static void set_pol(tt_cand *c, int pol, tt_cue_kind kind, size_t cs, size_t ce,
		    const char *text)
{
	c->polarity = pol;
	c->cue_kind = kind;
	c->cs = cs;
	c->ce = ce;
	c->cue_text = text;
}

static int count_numbers(const tt_sentence *s)
{
	int n = 0;
	for (size_t i = 0; i < s->ntok; i++)
		n += s->tok[i].kind == TT_TOK_NUMBER || s->tok[i].kind == TT_TOK_PERCENT;
	return n;
}

/*
 * Is recommendation cue q only part of an embedded question ("explained
 * what needed to change", "the dispute over which team should hold the
 * case"), of a condition ("should she become unwell", "when they are
 * needed") or of a noun ("the need to obtain consent")? Then it
 * recommends nothing.
 */
static int rec_embedded(const tt_sentence *s, const tt_cue *q)
{
	static const char *const wh[] = {"what", "how", "whether", NULL};
	static const char *const cond[] = {
		"she", "he", "they", "it", "there", "this", "any", "anyone",
		"concerns", "further", "circumstances", "things", NULL
	};
	static const char *const det[] = {"the", "a", "this", "their", "its", "no", NULL};
	size_t t = q->t;
	/* "the need to obtain consent": a noun */
	if (t > 0 && tok_is(s, t, "need") && tok_in(s, t - 1, det))
		return 1;
	static const char *const cond_wh[] = {"when", "where", "if", NULL};
	for (size_t d = 1; d <= 4 && d <= t; d++)
		if (tok_in(s, t - d, wh) || (d >= 2 && tok_is(s, t - d, "which")) ||
		    (d <= 3 && tok_in(s, t - d, cond_wh)))
			return 1;
	return t > 0 && cue_is(s, q, "should") && tok_in(s, t + 1, cond);
}

/* The first recommendation cue of the sentence that recommends, or -1. */
static long first_rec(const tt_sctx *c)
{
	for (size_t i = 0; i < c->ncue; i++)
		if (c->cue[i].kind == CUE_RECOMMEND && !c->cue[i].masked &&
		    !rec_embedded(c->s, &c->cue[i]))
			return (long)i;
	return -1;
}

/*
 * Is mention cue q the subject of the sentence, saying what a resource
 * covers ("Briefing note 4 explains when practitioners can share
 * information without consent")? Its negations are what it covers.
 */
static int resource_says(const tt_sentence *s, const tt_cue *q)
{
	static const char *const says[] = {
		"explains", "explained", "sets", "covers", "covered", "describes",
		"described", "outlines", "outlined", "includes", "included",
		"introduces", "introduced", "reminds", "reminded", "gives", "gave",
		"provides", "provided", "shows", "showed", "addresses", "addressed",
		"looks", "looked", "focuses", "focused", NULL
	};
	if (q->t > 2)
		return 0;
	size_t last = cue_last_tok(s, q);
	for (size_t t = last + 1; t <= last + 3 && t < s->ntok; t++) {
		if (tok_in(s, t, says))
			return 1;
		if (s->tok[t].kind != TT_TOK_NUMBER && !tok_is(s, t, "note") &&
		    !tok_is(s, t, "on") && !tok_is(s, t, "also"))
			return 0;
	}
	return 0;
}

/* Does the sentence open with a topic noun and "of" ("Understanding of
 * the threshold document", "The quality of plans")? */
static int names_topic(const tt_sentence *s)
{
	size_t t = tok_is(s, 0, "the") ? 1 : 0;
	return t + 1 < s->ntok && s->tok[t].kind == TT_TOK_WORD && tok_is(s, t + 1, "of");
}

/* Is a section title one of recommendations or next steps? */
static int recommends_title(const char *t)
{
	for (const char *p = t; *p; p++)
		if (!strncasecmp(p, "recommend", 9) || !strncasecmp(p, "next step", 9))
			return 1;
	return 0;
}

/* Is mention cue q one that defines a term ("defined as", "is when")? */
static int is_definition(const tt_sentence *s, const tt_cue *q)
{
	static const char *const w[] = {
		"defined as", "is defined", "definition", "refers to", "is when",
		"what is", "what are", NULL
	};
	for (size_t i = 0; w[i]; i++)
		if (cue_is(s, q, w[i]))
			return 1;
	return 0;
}

/* Auxiliaries of the past: "Was ...?", "Did ...?" */
static const char *const past_aux[] = {"was", "were", "did", "had", NULL};

/* A question opening with an auxiliary or "how" asks for action ("Are
 * team managers checking ...?", "Do we know ...?"); one about the past
 * ("Was the child seen alone?") reads as an audit question. */
static int asks_for_action(const tt_sentence *s)
{
	static const char *const aux[] = {
		"are", "is", "do", "does", "can", "could", "will", "would", "should",
		"how", "have", "has", NULL
	};
	if (!is_question(s) || !tok_in(s, 0, aux))
		return 0;
	/* "How well did managers oversee the case?": about the past */
	return !(tok_is(s, 0, "how") && tok_is(s, 1, "well") && tok_in(s, 2, past_aux));
}

/* A question about what was done ("Was the child seen alone?", "Did
 * agencies share information in time?", "How well did managers ...?"):
 * an audit question, which names its themes without judging them. */
static int audit_question(const tt_sentence *s)
{
	size_t t = 0;
	/* a list number: "1." */
	while (t < s->ntok && s->tok[t].kind == TT_TOK_NUMBER)
		t++;
	if (!is_question(s))
		return 0;
	if (tok_is(s, t, "how") && tok_is(s, t + 1, "well"))
		return tok_in(s, t + 2, past_aux);
	return tok_in(s, t, past_aux);
}

/* Auxiliaries, modals and common irregular past forms: a finite verb. */
static const char *const finite_verbs[] = {
		"is", "are", "was", "were", "be", "been", "am", "has", "have", "had",
		"did", "does", "do", "will", "would", "can", "could", "should",
		"must", "may", "might", "shall", "there", "took", "began", "kept",
		"understood", "made", "gave", "went", "came", "saw", "told", "felt",
		"left", "found", "knew", "got", "put", "brought", "thought", "met",
		"became", "held", "led", "lost", "sent", "spent", "stood", "wrote",
		"spoke", "said", "grew", "fell", "rose", "ran", "taken", "given",
		"seen", "known", "shown", "done", NULL
};

/* Does the trigger at norm offset ns stand in clause k's subject, before
 * its first finite verb ("CSE risk assessments were completed")? */
static int in_subject(const tt_sctx *c, int k, size_t ns)
{
	const tt_sentence *s = c->s;
	for (size_t t = tt_rules_tok_at(s, c->cl[k].body); t < s->ntok && s->tok[t].start < ns; t++)
		if (tok_in(s, t, finite_verbs))
			return 0;
	return 1;
}

/*
 * Is the sentence a recommendation in the terse "<who> to <do>" form
 * ("Social care to limit changes of worker", "CSE plans to set out how
 * risks will be disrupted", "The LSCP to seek assurance that ...")? A
 * short subject with no verb, "to" and a verb, and no finite verb in the
 * sentence ("Agencies appeared to work", "Referrals to the front door
 * rose" are statements).
 */
static int infinitive_rec(const tt_sentence *s)
{
	/* the verbs of action plans */
	static const char *const action_verbs[] = {
		"ensure", "seek", "set", "agree", "limit", "review", "develop",
		"consider", "provide", "establish", "make", "improve", "strengthen",
		"undertake", "monitor", "promote", "raise", "continue", "update",
		"embed", "audit", "explore", "produce", "implement", "check",
		"introduce", "clarify", "revise", "reinforce", "prioritise",
		"increase", "reduce", "offer", "assure", "evaluate", "refresh",
		"deliver", "include", "address", "work", "share", "record", "use",
		"put", "repeat", "carry", "commission", "require", "run", "adopt",
		NULL
	};
	static const char *const pronoun[] = {
		"we", "they", "he", "she", "it", "i", "you", "there", NULL
	};
	size_t t = 0, to = 0;
	while (t < s->ntok && s->tok[t].kind == TT_TOK_NUMBER)
		t++;
	if (is_question(s) || tok_in(s, t, pronoun))
		return 0;
	for (size_t i = t + 1; i < s->ntok && i <= t + 5; i++)
		if (tok_is(s, i, "to")) {
			to = i;
			break;
		}
	if (!to || !tok_in(s, to + 1, action_verbs))
		return 0;
	for (size_t i = t; i < to; i++)
		if (s->tok[i].kind == TT_TOK_WORD && s->tok[i].end - s->tok[i].start > 4 &&
		    (tok_suffix(s, i, "ed") || tok_suffix(s, i, "ing")))
			return 0;
	for (size_t i = t; i < s->ntok; i++)
		if (tok_in(s, i, finite_verbs) && !tok_is(s, i, "will") && !tok_is(s, i, "can") &&
		    !tok_is(s, i, "be") && !tok_is(s, i, "been"))
			return 0;
	return 1;
}

/* Grade words of an audit or inspection scale. */
static int grade_counts(const tt_sentence *s)
{
	int grades = 0, good = 0, ri = 0, inad = 0, outst = 0, graded = 0;
	for (size_t i = 0; i < s->ntok; i++) {
		if (tok_prefix(s, i, "rated") || tok_prefix(s, i, "graded") ||
		    tok_prefix(s, i, "grade") || tok_prefix(s, i, "scored"))
			graded = 1;
		if (tok_is(s, i, "good"))
			good = 1;
		else if (tok_is(s, i, "inadequate"))
			inad = 1;
		else if (tok_is(s, i, "outstanding"))
			outst = 1;
		else if (tok_prefix(s, i, "require") && tok_is(s, i + 1, "improvement"))
			ri = 1;
	}
	grades = good + ri + inad + outst;
	/* a scale's names, not two plain judgements ("good in 8 cases and
	 * inadequate in 2" judges two sets of cases) */
	return grades >= 2 && (graded || ri || outst) && count_numbers(s) >= 2;
}

/*
 * Is the sentence a bare phrase with no verb ("Children living with
 * domestic abuse.", "Grooming through social media.")? No auxiliary or
 * modal, no past form, one clause, short.
 */
static int is_fragment(const tt_sctx *c)
{
	const char *const *verbs = finite_verbs;
	const tt_sentence *s = c->s;
	if (c->ncl > 1 || s->ntok > 12 || s->ntok < 2 || is_question(s))
		return 0;
	for (size_t i = 0; i < s->ntok; i++) {
		if (s->tok[i].kind == TT_TOK_NUMBER || s->tok[i].kind == TT_TOK_PERCENT)
			return 0;
		if (tok_in(s, i, verbs) || tok_suffix(s, i, "n't"))
			return 0;
		if (s->tok[i].kind == TT_TOK_WORD && s->tok[i].end - s->tok[i].start > 4 &&
		    tok_suffix(s, i, "ed") && !tok_suffix(s, i, "need"))
			return 0;
	}
	return 1;
}

/*
 * Does clause a go on about the object of the clause before it? Its
 * first word after the connective is a pronoun ("but it was not
 * timely"), a negative quantifier ("but little was done"), an auxiliary
 * or an adverb ("but were not reviewed", "but rarely record its impact").
 * A new subject ("but the school rarely did") is another object.
 */
static int same_subject(const tt_sctx *c, int a)
{
	static const char *const w[] = {
		"it", "this", "these", "they", "that", "little", "nothing",
		"none", "nobody", "its",
		"was", "were", "is", "are", "has", "have", "had", "did", "does", "do",
		"not", "never", "rarely", "seldom", "only", "still", "too", "could",
		"would", "can", "may", "might", "then", "also", "often", "sometimes",
		"always", "usually", "generally", "lacked", "lacks", "showed", "did",
		NULL
	};
	const tt_sentence *s = c->s;
	size_t t = tt_rules_tok_at(s, c->cl[a].body);
	return t < s->ntok && s->tok[t].start < c->cl[a].e && tok_in(s, t, w);
}

/*
 * Is an evaluative or evidence cue of clause k nearer the hit than the
 * mention cue mc? Then the clause judges the hit and "training" only
 * stands in a list beside it ("regular supervision and training").
 */
static int judged_nearer(const tt_sctx *c, int k, const tt_cand *cd, const tt_cue *mc)
{
	size_t md = span_dist(cd->ns, cd->ne, mc->s, mc->e);
	for (size_t i = 0; i < c->ncue; i++) {
		const tt_cue *q = &c->cue[i];
		if (q->masked || !in_clause(c, k, q->s) ||
		    (q->kind != CUE_POSITIVE && q->kind != CUE_NEGATIVE && q->kind != CUE_EVIDENCE) ||
		    (q->s < cd->ne && cd->ns < q->e))
			continue;
		if (span_dist(cd->ns, cd->ne, q->s, q->e) < md)
			return 1;
	}
	return 0;
}

static void decide_one(tt_matcher *m, tt_cand *cd)
{
	const tt_sctx *c = &m->ctx;
	const tt_sentence *s = c->s;
	const tt_rule *r = &m->rs->rules[cd->rule];
	int k = cd->clause;

	if (r->fixed >= 0 && r->fixed != TT_POL_MENTION) {
		/* a definition names the theme ("Disguised compliance is when
		 * parents appear to co-operate ...") */
		long dm = first_cue(c, CUE_MENTION, k);
		if (dm >= 0 && is_definition(s, &c->cue[dm])) {
			set_pol(cd, TT_POL_MENTION, TT_CUE_MENTION, c->cue[dm].s, c->cue[dm].e, NULL);
			return;
		}
	}
	if (r->fixed >= 0) {
		/* "None of the children had experienced a change of worker",
		 * "At no point did practitioners accept ... without checking":
		 * a quantifier denies the judgement the rule fixes */
		for (size_t i = 0; i < c->ncue && r->fixed == TT_POL_CONCERN; i++) {
			const tt_cue *g = &c->cue[i];
			if (g->kind != CUE_NEGATION || g->masked || !in_clause(c, k, g->s) ||
			    g->e > cd->ns || !is_quant_neg(s, g) || has_break(s, g->e, cd->ns) ||
			    cue_is(s, g, "nobody") || cue_is(s, g, "no one") || cue_is(s, g, "nothing"))
				continue;
			set_pol(cd, TT_POL_STRENGTH, TT_CUE_NEGATION, g->s, g->e, NULL);
			return;
		}
		set_pol(cd, r->fixed, TT_CUE_FIXED, 0, 0, "");
		return;
	}
	long mention = first_cue(c, CUE_MENTION, k);
	long neg = first_cue(c, CUE_NEGATION, k);
	long rec = first_cue(c, CUE_OPENER, -1);
	/* a question naming audit scope anywhere is a mention */
	if (is_question(s) && mention < 0 && rec < 0)
		mention = first_cue(c, CUE_MENTION, -1);
	if (is_question(s) && mention >= 0) {
		set_pol(cd, TT_POL_MENTION, TT_CUE_MENTION, c->cue[mention].s, c->cue[mention].e, NULL);
		return;
	}
	if (first_cue(c, CUE_MENTION, k) < 0)
		mention = -1;
	long rec2 = first_rec(c);
	if (rec < 0 || (rec2 >= 0 && c->cue[rec2].s < c->cue[rec].s))
		rec = rec2;
	if (rec >= 0) {
		set_pol(cd, TT_POL_CONCERN, TT_CUE_RECOMMENDATION, c->cue[rec].s, c->cue[rec].e, NULL);
		return;
	}
	if (asks_for_action(s) || infinitive_rec(s)) {
		set_pol(cd, TT_POL_CONCERN, TT_CUE_RECOMMENDATION, s->tok[0].start, s->tok[0].end, NULL);
		return;
	}
	if (audit_question(s)) {
		set_pol(cd, TT_POL_MENTION, TT_CUE_DEFAULT, 0, 0, "audit question");
		return;
	}
	if ((s->kind == TT_BLOCK_TABLE_ROW && neg < 0 && count_numbers(s) >= 2) ||
	    grade_counts(s)) {
		set_pol(cd, TT_POL_MENTION, TT_CUE_MENTION, 0, 0, "grade counts");
		return;
	}
	if (mention >= 0 && (neg < 0 || resource_says(s, &c->cue[mention])) &&
	    !judged_nearer(c, k, cd, &c->cue[mention])) {
		set_pol(cd, TT_POL_MENTION, TT_CUE_MENTION, c->cue[mention].s, c->cue[mention].e, NULL);
		return;
	}

	if (!c->head_done) {
		m->ctx.head_title = NULL;
		if (c->label_v) {
			m->ctx.head_v = c->label_v;
			m->ctx.head_title = "inline label";
		} else {
			m->ctx.head_v = heading_context(m, c->d, s, &m->ctx.head_title);
		}
		m->ctx.head_done = 1;
	}
	/* under "Recommendations" or "Next steps" every item recommends
	 * (convention 3), whatever it praises on the way ("so that social
	 * workers are told within two days") */
	if (c->head_v < 0 && c->head_title && s->kind != TT_BLOCK_HEADING &&
	    recommends_title(c->head_title)) {
		set_pol(cd, TT_POL_CONCERN, TT_CUE_HEADING, 0, 0, c->head_title);
		return;
	}

	judgement j = judge_clause(c, k, r->sense, cd->ns, cd->ne);
	/*
	 * The clauses next to the hit's (convention 7), when they hold no
	 * hit. One joined by a concession, or by a contrast that goes on
	 * about the same object ("but were not reviewed"), judges it: its
	 * concern wins. A comment (", which was good") decides a hit left
	 * undecided. One after the hit's clause, past a plain break or
	 * "whereas", judges another object: a concern there makes a strength
	 * here both, when an evaluative cue says so (a bare "there were no
	 * concerns" judges nothing named) or "whereas" joins them; unless it
	 * goes on about the same object: then the concern wins.
	 */
	for (int a = k - 1; a <= k + 1 && (j.v >= 0 || !j.decisive); a += 2) {
		if (a < 0 || (size_t)a >= c->ncl)
			continue;
		int join = a < k ? c->cl[k].opener : c->cl[a].opener;
		int hitless = !clause_has_hit(m, a);
		int same = a > k && same_subject(c, a);
		judgement o;
		/* a hit its own clause leaves open ("endorsed step-down") is
		 * judged by a concession or contrast next to it, whatever
		 * that clause names ("even though the family had not
		 * attended"; "but the results were never discussed") */
		int open_hit = !j.decisive && j.v == 0 &&
			       (r->deflt < 0 || r->deflt == TT_POL_MENTION);
		int silent = !j.decisive && j.v == 0; /* only a default decides */
		switch (join) {
		case OPEN_CONTRAST:
			if (!(hitless && same) && !(open_hit && a > k) &&
			    !(silent && same && in_subject(c, k, cd->ns)))
				break;
			o = judge_clause(c, a, r->sense, 0, 0);
			if (o.decisive && o.v < 0)
				j = o;
			break;
		case OPEN_CONCESSION:
		case OPEN_MAIN:
			/* a concession outweighs a rule's default too */
			if (!hitless && !(!j.decisive && j.v == 0))
				break;
			o = judge_clause(c, a, r->sense, 0, 0);
			if (o.decisive && o.v < 0)
				j = o;
			break;
		case OPEN_REASON:
			/* a hit in the reason clause takes the outcome it
			 * explains ("Drift was avoided because the manager
			 * reviewed the case") when its own clause is silent */
			if (a > k || j.decisive)
				break;
			/* the outcome as a practice: "neglect was not
			 * recognised" is a bad outcome whatever the hit's sense */
			o = judge_clause(c, a, SENSE_PRACTICE, 0, 0);
			if (o.decisive)
				j = o;
			break;
		case OPEN_WHICH:
			if (a < k || !hitless || j.decisive)
				break;
			o = judge_clause(c, a, r->sense, 0, 0);
			if (o.decisive)
				j = o;
			break;
		case OPEN_PLAIN:
		case OPEN_WHEREAS:
			if (!hitless || a < k)
				break;
			o = judge_clause(c, a, r->sense, 0, 0);
			if (!o.decisive || o.v >= 0)
				break;
			if (same)
				j = o;
			else if (j.decisive && j.v > 0 && r->sense == SENSE_PRACTICE &&
				 (o.judged || join == OPEN_WHEREAS))
				j.both = 1;
			break;
		}
	}
	/* a bare proportion ("Several audits highlighted creative direct
	 * work") gives way to the heading it stands under */
	if (j.decisive && j.by_prop && c->head_v && s->kind != TT_BLOCK_HEADING) {
		set_pol(cd, c->head_v > 0 ? TT_POL_STRENGTH : TT_POL_CONCERN, TT_CUE_HEADING,
			0, 0, c->head_title);
		return;
	}
	/* a bare phrase under a heading of shortfall names what is to be
	 * developed ("Up-to-date chronologies and genograms" under "Areas
	 * for development"): a concern (convention 6) */
	if (j.decisive && j.v > 0 && c->head_v < 0 && s->kind != TT_BLOCK_HEADING &&
	    is_fragment(c)) {
		set_pol(cd, TT_POL_CONCERN, TT_CUE_HEADING, 0, 0, c->head_title);
		return;
	}
	if (j.decisive) {
		cd->both = j.both;
		set_pol(cd, j.v > 0 && !j.both ? TT_POL_STRENGTH : TT_POL_CONCERN, j.kind, j.cs, j.ce, NULL);
		return;
	}
	if (s->kind == TT_BLOCK_HEADING) {
		set_pol(cd, TT_POL_MENTION, TT_CUE_DEFAULT, 0, 0, "");
		return;
	}
	if (c->head_v) {
		set_pol(cd, c->head_v > 0 ? TT_POL_STRENGTH : TT_POL_CONCERN, TT_CUE_HEADING,
			0, 0, c->head_title);
		return;
	}
	int pol = r->deflt >= 0 ? r->deflt : j.v < 0 ? TT_POL_CONCERN : TT_POL_MENTION;
	/* a bare phrase names a risk or a practice without judging it */
	if (r->sense != SENSE_DEFICIT && is_fragment(c) &&
	    ((r->sense == SENSE_RISK && r->deflt < 0) || (names_topic(s) && s->section < 0)))
		pol = TT_POL_MENTION;
	set_pol(cd, pol, TT_CUE_DEFAULT, 0, 0, "");
}

static int pol_rank(int p)
{
	return p == TT_POL_CONCERN ? 0 : p == TT_POL_STRENGTH ? 1 : 2;
}

static int cmp_cand(const void *a, const void *b)
{
	const tt_cand *x = a, *y = b;
	if (x->ns != y->ns)
		return x->ns < y->ns ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return 0;
}

static char *display_slice(const tt_sentence *s, size_t ns, size_t ne, size_t *ds, size_t *de)
{
	size_t a = s->norm_to_text[ns], b = s->norm_to_text[ne];
	if (b < a)
		b = a;
	if (b == a && ne > ns) {
		/* a match inside one display character (a ligature): take it */
		b = a + 1;
		while (b < s->text_len && ((unsigned char)s->text[b] & 0xC0) == 0x80)
			b++;
	}
	if (ds)
		*ds = a;
	if (de)
		*de = b;
	return xmemdup(s->text + a, b - a);
}

void tt_rules_decide(tt_matcher *m, tt_hits *out)
{
	tt_sctx *c = &m->ctx;
	const tt_sentence *s = c->s;
	const tt_ruleset *rs = m->rs;

	qsort(m->cand, m->ncand, sizeof(*m->cand), cmp_cand);
	for (size_t i = 0; i < m->ncand; i++)
		m->cand[i].clause = tt_sctx_clause_of(c, m->cand[i].ns);
	for (size_t i = 0; i < m->ncand; i++) {
		tt_cand *cd = &m->cand[i];
		decide_one(m, cd);
		/* proportion and actor of the hit's clause */
		size_t best = (size_t)-1;
		for (size_t p = 0; p < c->nprop; p++)
			if (in_clause(c, cd->clause, c->prop[p].s)) {
				size_t dd = span_dist(cd->ns, cd->ne, c->prop[p].s, c->prop[p].e);
				if (dd < best) {
					best = dd;
					cd->pnum = c->prop[p].num;
					cd->pden = c->prop[p].den;
				}
			}
		for (size_t q = 0; q < c->ncue && cd->actor < 0; q++) {
			const tt_cue *x = &c->cue[q];
			if ((x->kind == CUE_AGENCY || x->kind == CUE_FAMILY) && !x->masked &&
			    in_clause(c, cd->clause, x->s) && !(x->s < cd->ne && cd->ns < x->e))
				cd->actor = (long)q;
		}
	}

	/* a strength conceded ("Although X was good, ...") gives way to a
	 * concern of the same theme in the main clause */
	for (size_t i = 0; i < m->ncand; i++) {
		tt_cand *a = &m->cand[i];
		int k = a->clause;
		int conc = c->cl[k].opener == OPEN_CONCESSION ||
			   (k == 0 && c->cl[0].initial_concession);
		/* likewise a strength that the next clause goes on to qualify
		 * ("describe activity well but rarely record its impact") */
		int qualified = (size_t)k + 1 < c->ncl &&
				c->cl[k + 1].opener == OPEN_CONTRAST && same_subject(c, k + 1);
		if (a->polarity != TT_POL_STRENGTH || a->both || (!conc && !qualified))
			continue;
		int main = (k == 0 && c->cl[0].initial_concession) ? 1 : conc ? k - 1 : k + 1;
		for (size_t q = 0; q < m->ncand; q++) {
			const tt_cand *b = &m->cand[q];
			if (rs->rules[b->rule].info.theme == rs->rules[a->rule].info.theme &&
			    b->clause == main && b->polarity == TT_POL_CONCERN)
				a->dropped = 1;
		}
	}
	/* one hit per theme per clause: a judgement over a mention, a concern
	 * over a strength, then the earliest */
	for (size_t i = 0; i < m->ncand; i++) {
		tt_cand *a = &m->cand[i];
		for (size_t q = 0; q < m->ncand && !a->dropped; q++) {
			const tt_cand *b = &m->cand[q];
			if (q == i || b->dropped || b->clause != a->clause ||
			    rs->rules[b->rule].info.theme != rs->rules[a->rule].info.theme)
				continue;
			if (pol_rank(b->polarity) < pol_rank(a->polarity) ||
			    (pol_rank(b->polarity) == pol_rank(a->polarity) && q < i))
				a->dropped = 1;
		}
	}
	/* a mention gives way to a judgement of its theme elsewhere */
	for (size_t i = 0; i < m->ncand; i++) {
		tt_cand *a = &m->cand[i];
		if (a->dropped || a->polarity != TT_POL_MENTION)
			continue;
		for (size_t q = 0; q < m->ncand; q++) {
			const tt_cand *b = &m->cand[q];
			if (!b->dropped && b->polarity != TT_POL_MENTION &&
			    rs->rules[b->rule].info.theme == rs->rules[a->rule].info.theme)
				a->dropped = 1;
		}
	}

	for (size_t i = 0; i < m->ncand; i++) {
		const tt_cand *cd = &m->cand[i];
		if (cd->dropped)
			continue;
		const tt_rule *r = &rs->rules[cd->rule];
		TT_GROW(out->v, out->n + 1, out->alloc);
		tt_hit *h = &out->v[out->n++];
		memset(h, 0, sizeof(*h));
		h->rule = cd->rule;
		h->theme = r->info.theme;
		h->rule_id = r->info.id;
		h->theme_id = rs->themes[r->info.theme].info.id;
		h->polarity = (tt_polarity)cd->polarity;
		h->match = display_slice(s, cd->ns, cd->ne, &h->start, &h->end);
		if (cd->cue_text)
			h->cue = xstrdup(cd->cue_text);
		else
			h->cue = display_slice(s, cd->cs, cd->ce, NULL, NULL);
		h->cue_kind = cd->cue_kind;
		h->actor = cd->actor >= 0 ? display_slice(s, c->cue[cd->actor].s,
							  c->cue[cd->actor].e, NULL, NULL) : NULL;
		h->prop_num = cd->pnum;
		h->prop_den = cd->pden;
		if (cd->both) {
			/* the same hit judged the other way for another object */
			TT_GROW(out->v, out->n + 1, out->alloc);
			h = &out->v[out->n - 1];
			tt_hit *h2 = &out->v[out->n++];
			*h2 = *h;
			h2->polarity = TT_POL_STRENGTH;
			h2->match = xstrdup(h->match);
			h2->cue = xstrdup(h->cue);
			h2->actor = h->actor ? xstrdup(h->actor) : NULL;
		}
	}
}
