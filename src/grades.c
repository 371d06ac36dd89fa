/*
 * grades.c - grade distributions of audited cases (grades.h).
 *
 * Three readers share one small tokenizer:
 *
 *   prose    gr_analyse() tokenizes a sentence, marks grade phrases that
 *            are used as grades (gr_grade_ok), numbers that can be counts
 *            (gr_mark_numbers) and totals (gr_mark_totals), then pairs
 *            counts with grades two ways, count first (gr_pair_nf) and
 *            grade first (gr_pair_gf), and keeps the way that pairs more.
 *            The pairs and totals, in text order, make one distribution
 *            each until a grade repeats or a second total starts another.
 *   lists    one-pair lines ("Good: 5") in a row, gathered by the second
 *            pass in tt_grades_extract.
 *   tables   a run of table rows, read cell by cell (gr_table_run).
 *
 * Everything is byte-based ASCII matching on the display text; non-ASCII
 * characters are punctuation (curly quotes are quotes, en and em dashes
 * are dashes).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grades.h"
#include "text.h"
#include "util.h"
#include "banned.h"

#define GR_NONE ((size_t)-1)

enum { G_OUT, G_GOOD, G_RI, G_INAD, G_N };

enum { GT_WORD, GT_NUM, GT_PCT, GT_PUNCT };

/* A token of one sentence or cell. */
typedef struct gr_tok {
	size_t s, e;    /* byte span in the text */
	int type;       /* GT_* */
	int ch;         /* GT_PUNCT: the ASCII char, 'q' a quote, '-' a dash,
			   '$' a currency sign, '?' anything else */
	long long v;    /* GT_NUM, GT_PCT: the value; -1 for a decimal */
	int numword;    /* GT_NUM spelled as a word ("seven", "none") */
	int grade;      /* G_* when a grade used as a grade starts here, else -1 */
	int glen;       /* tokens in that grade phrase */
	int count;      /* GT_NUM that may be a count */
	int total;      /* GT_NUM that states a total */
	int also_count; /* a total that is a count too ("all 8 audits") */
	int used;       /* paired already */
} gr_tok;

typedef struct gr_toks {
	gr_tok *v;
	size_t n, alloc;
} gr_toks;

/* A distribution being built; cnt[g] is meaningful when bit g of stated. */
typedef struct gr_dist {
	long long cnt[G_N];
	unsigned stated;
	long long total;
	int has_total;
	int derived;
	size_t first, last;
	const char *label;
	size_t label_len;
} gr_dist;

typedef struct gr_dists {
	gr_dist *v;
	size_t n, alloc;
} gr_dists;

/* What the prose reader found in one sentence. */
typedef struct gr_sa {
	gr_dists d;          /* candidates, before the minimum rule */
	int context;         /* about cases or audits (grades.h) */
	int has_lead;        /* states a total and pairs nothing */
	long long lead;
	int bare;            /* a line of one grade and one count */
	int bare_grade;
	long long bare_count;
	int total_line;      /* "Total: 15" */
	long long total_v;
} gr_sa;

/* --- words ------------------------------------------------------------- */

static int gr_eq(const char *t, const gr_tok *k, const char *w)
{
	size_t n = k->e - k->s;
	if (strlen(w) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)t[k->s + i]) != w[i])
			return 0;
	return 1;
}

static int gr_in(const char *t, const gr_tok *k, const char *const *set)
{
	if (k->type != GT_WORD)
		return 0;
	for (size_t i = 0; set[i]; i++)
		if (gr_eq(t, k, set[i]))
			return 1;
	return 0;
}

/* What a grade is counted over. */
static const char *const gr_casenoun[] = {
	"case", "cases", "casefile", "casefiles", "case-file", "case-files",
	"file", "files", "audit", "audits", "child", "children", "family",
	"families", "assessment", "assessments", "plan", "plans", "eha", "ehas",
	"judgement", "judgements", "judgment", "judgments", "review", "reviews",
	"record", "records", "ones", NULL
};

/* Words that make a sentence about audited cases. */
static const char *const gr_ctx_case[] = {
	"case", "cases", "casefile", "casefiles", "case-file", "case-files",
	"file", "files", "audit", "audits", "audited", "auditing", "eha",
	"ehas", NULL
};

static const char *const gr_ctx_grading[] = {
	"judged", "graded", "rated", "scored", "judgement", "judgements",
	"judgment", "judgments", "grade", "grades", "grading", "gradings",
	"rating", "ratings", NULL
};

static const char *const gr_inspect[] = {
	"inspection", "inspections", "ofsted", "inspector", "inspectors",
	"inspected", NULL
};

/* Inspectors' own sampling is not an audit's grading. */
static const char *const gr_inspectors[] = {"inspector", "inspectors", NULL};

/* Between a count and its grade: "3 cases were judged to be 'good'". */
static const char *const gr_fill[] = {
	"was", "were", "is", "are", "been", "be", "being", "had", "has",
	"have", "judged", "graded", "rated", "scored", "deemed", "assessed",
	"considered", "found", "evaluated", "identified", "seen", "audited",
	"given", "received", "receiving", "achieved", "awarded", "recorded",
	"returned", "moderated", "determined", "reported", "marked",
	"categorised", "categorized", "classed", "classified", "regarded",
	"viewed", "as", "to", "a", "an", "the", "overall", "also", "all",
	"both", "each", "of", "out", "which", "these", "those", "them",
	"remaining", "other", "further", "single", "only", "then", "now",
	"grade", "grades", "grading", "rating", "ratings", "score", "at",
	"per", "cent", "percent", "subsequently", "initially", "originally",
	"still", "again", NULL
};

/* A grade word right after one of these is not a grade of its own. */
static const char *const gr_pre_block[] = {
	"than", "below", "above", "least", "from", "very", "less", "fairly",
	"quite", "really", "reasonably", "generally", "mostly", "largely",
	"broadly", "consistently", "particularly", "exceptionally",
	"sufficiently", "to", "or", "nor", "between", "no", "not", "never",
	NULL
};

/* A grade word may be followed by these and still be a grade. */
static const char *const gr_follow_ok[] = {
	"and", "in", "with", "while", "whilst", "but", "by", "overall",
	"across", "at", "for", "on", "whereas", "respectively", "compared",
	"so", "which", "this", "judgement", "judgements", "judgment",
	"judgments", "rating", "ratings", "grade", "grades", "grading",
	"gradings", NULL
};

/* "good and above" is a band, not a grade. */
static const char *const gr_band[] = {
	"above", "better", "over", "higher", "beyond", NULL
};

/* A number after one of these is a label, not a count. */
static const char *const gr_label_word[] = {
	"section", "sections", "paragraph", "paragraphs", "para", "page",
	"pages", "table", "figure", "fig", "appendix", "chart", "graph",
	"quarter", "phase", "tier", "level", "levels", "step", "stage",
	"priority", "question", "version", "year", "years", "aged", "age",
	"ages", "under", "over", "number", "recommendation", "standard",
	"point", "item", "part", "chapter", "annex", "week", "month", "day",
	"p", "pp", "key", "article", "schedule", "regulation", "ks", "no",
	"room", "group", "wave", "cohort", "round", "band", NULL
};

/* A number before one of these is not a count of cases. */
static const char *const gr_unit_word[] = {
	"year", "years", "yr", "yrs", "month", "months", "week", "weeks",
	"day", "days", "hour", "hours", "minute", "minutes", "am", "pm", "st",
	"nd", "rd", "th", "times", "o'clock", "miles", "working", NULL
};

static const char *const gr_month[] = {
	"january", "february", "march", "april", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar",
	"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL
};

/* Words whose only business in a "Good: 5" line is to be there. */
static const char *const gr_bare_ok[] = {"number", NULL};

static const char *const gr_ri_verb[] = {
	"requires", "require", "required", "requiring", NULL
};

static const char *const gr_numword[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen", "twenty", NULL
};

/* --- tokenizer --------------------------------------------------------- */

static void gr_push(gr_toks *tk, size_t s, size_t e, int type, int ch,
		    long long v)
{
	TT_GROW(tk->v, tk->n + 1, tk->alloc);
	gr_tok *k = &tk->v[tk->n++];
	memset(k, 0, sizeof(*k));
	k->s = s;
	k->e = e;
	k->type = type;
	k->ch = ch;
	k->v = v;
	k->grade = -1;
}

/* Class of the non-ASCII character at t[0..l): see gr_tok.ch; 0 = space. */
static int gr_uclass(const unsigned char *t, size_t l)
{
	if (l == 2 && t[0] == 0xC2 && t[1] == 0xA0)
		return 0;
	if (l == 2 && t[0] == 0xC2 && t[1] == 0xA3)
		return '$';
	if (l == 3 && t[0] == 0xE2 && t[1] == 0x80) {
		if (t[2] <= 0x8A || t[2] == 0xAF)
			return 0;
		if (t[2] >= 0x90 && t[2] <= 0x95)
			return '-';
		if ((t[2] >= 0x98 && t[2] <= 0x9F) || t[2] == 0xB2 ||
		    t[2] == 0xB3)
			return 'q';
	}
	if (l == 3 && t[0] == 0xE2 && t[1] == 0x82 && t[2] == 0xAC)
		return '$';
	return '?';
}

/*
 * Splits t[0..n) into words (letters, digits after the first letter,
 * inner ' and -), numbers ("1,200" is one; "3.5" a decimal, v -1; "14th"
 * a word), percentages ("40%", "40 %") and punctuation.
 */
static void gr_tokenize(const char *t, size_t n, gr_toks *tk)
{
	size_t i = 0;
	tk->n = 0;
	while (i < n) {
		unsigned char c = (unsigned char)t[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			if (c == '\t')
				gr_push(tk, i, i + 1, GT_PUNCT, '|', 0);
			i++;
			continue;
		}
		if (c >= 0x80) {
			size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			if (l > n - i)
				l = n - i;
			int cl = gr_uclass((const unsigned char *)t + i, l);
			if (cl)
				gr_push(tk, i, i + l, GT_PUNCT, cl, 0);
			i += l;
			continue;
		}
		if (isalpha(c)) {
			size_t j = i + 1;
			while (j < n && (isalnum((unsigned char)t[j]) ||
					 ((t[j] == '-' || t[j] == '\'') && j + 1 < n &&
					  isalpha((unsigned char)t[j + 1]))))
				j++;
			gr_push(tk, i, j, GT_WORD, 0, 0);
			i = j;
			continue;
		}
		if (isdigit(c)) {
			size_t j = i;
			long long v = 0;
			while (j < n) {
				if (isdigit((unsigned char)t[j])) {
					if (v < 1000000000000LL)
						v = v * 10 + (t[j] - '0');
					j++;
				} else if (t[j] == ',' && j + 3 < n &&
					   isdigit((unsigned char)t[j + 1]) &&
					   isdigit((unsigned char)t[j + 2]) &&
					   isdigit((unsigned char)t[j + 3]) &&
					   (j + 4 >= n || !isdigit((unsigned char)t[j + 4]))) {
					j++;
				} else {
					break;
				}
			}
			if (j + 1 < n && t[j] == '.' && isdigit((unsigned char)t[j + 1])) {
				v = -1;
				j++;
				while (j < n && isdigit((unsigned char)t[j]))
					j++;
			}
			if (j < n && isalpha((unsigned char)t[j])) {
				while (j < n && isalnum((unsigned char)t[j]))
					j++;
				gr_push(tk, i, j, GT_WORD, 0, 0);
				i = j;
				continue;
			}
			size_t k = j;
			while (k < n && t[k] == ' ')
				k++;
			if (k < n && t[k] == '%') {
				gr_push(tk, i, k + 1, GT_PCT, 0, v);
				i = k + 1;
				continue;
			}
			gr_push(tk, i, j, GT_NUM, 0, v);
			i = j;
			continue;
		}
		gr_push(tk, i, i + 1, GT_PUNCT, c == '\'' || c == '"' || c == '`' ? 'q' : c, 0);
		i++;
	}
}

static int gr_is_punct(const gr_tok *k, int ch)
{
	return k->type == GT_PUNCT && k->ch == ch;
}

/* Index of the next token after i that is not a quote, or n. */
static size_t gr_next(const gr_toks *tk, size_t i)
{
	size_t j = i + 1;
	while (j < tk->n && gr_is_punct(&tk->v[j], 'q'))
		j++;
	return j;
}

/* Index of the token before i that is not a quote, or GR_NONE. */
static size_t gr_prev(const gr_toks *tk, size_t i)
{
	size_t j = i;
	while (j > 0) {
		j--;
		if (!gr_is_punct(&tk->v[j], 'q'))
			return j;
	}
	return GR_NONE;
}

/*
 * Turns number words into numbers: zero..twenty and "none"; "no" before a
 * case noun is 0; "a", "an" before a case noun (or "single"/"further" and
 * one) is 1.
 */
static void gr_number_words(const char *t, gr_toks *tk)
{
	for (size_t i = 0; i < tk->n; i++) {
		gr_tok *k = &tk->v[i];
		if (k->type != GT_WORD)
			continue;
		for (size_t w = 0; gr_numword[w]; w++) {
			if (gr_eq(t, k, gr_numword[w])) {
				k->type = GT_NUM;
				k->v = (long long)w;
				k->numword = 1;
				break;
			}
		}
		if (k->type == GT_NUM)
			continue;
		if (gr_eq(t, k, "none")) {
			k->type = GT_NUM;
			k->v = 0;
			k->numword = 1;
			continue;
		}
		int is_a = gr_eq(t, k, "a") || gr_eq(t, k, "an");
		int is_no = gr_eq(t, k, "no");
		if (!is_a && !is_no)
			continue;
		size_t j = i + 1;
		if (is_a && j < tk->n && (gr_eq(t, &tk->v[j], "single") ||
					  gr_eq(t, &tk->v[j], "further")))
			j++;
		if (j < tk->n && gr_in(t, &tk->v[j], gr_casenoun)) {
			k->type = GT_NUM;
			k->v = is_a ? 1 : 0;
			k->numword = 1;
		}
	}
	/* "40 per cent", "40 percent" are shares. */
	for (size_t i = 0; i + 1 < tk->n; i++) {
		gr_tok *k = &tk->v[i];
		if (k->type != GT_NUM || k->numword)
			continue;
		if (gr_eq(t, &tk->v[i + 1], "percent") ||
		    (i + 2 < tk->n && gr_eq(t, &tk->v[i + 1], "per") &&
		     gr_eq(t, &tk->v[i + 2], "cent")))
			k->type = GT_PCT;
	}
}

static int gr_is_year(const char *t, const gr_tok *k)
{
	return k->type == GT_NUM && !k->numword && k->e - k->s == 4 &&
	       k->v >= 1900 && k->v <= 2099 && t[k->s] != '0';
}

/* Sets `count` on numbers that may count cases (see gr_label_word etc.). */
static void gr_mark_numbers(const char *t, gr_toks *tk)
{
	for (size_t i = 0; i < tk->n; i++)
		tk->v[i].count = tk->v[i].type == GT_NUM;
	for (size_t i = 0; i < tk->n; i++) {
		gr_tok *k = &tk->v[i];
		if (k->type != GT_NUM)
			continue;
		if (k->v < 0 || k->v > 100000 || gr_is_year(t, k))
			k->count = 0;
		/* ranges and ratios: 2016-17, 2016/17, 10 - 14, 1:1 */
		if (i + 2 < tk->n && tk->v[i + 2].type == GT_NUM &&
		    tk->v[i + 1].type == GT_PUNCT &&
		    strchr("-/:", tk->v[i + 1].ch) && !k->numword) {
			k->count = 0;
			tk->v[i + 2].count = 0;
		}
		if (k->count == 0)
			continue;
		size_t p = i > 0 ? i - 1 : GR_NONE;
		if (p != GR_NONE) {
			const gr_tok *q = &tk->v[p];
			if (gr_in(t, q, gr_label_word) || gr_in(t, q, gr_month) ||
			    (q->type == GT_PUNCT && strchr("$#", q->ch)))
				k->count = 0;
		}
		if (i + 1 < tk->n) {
			const gr_tok *q = &tk->v[i + 1];
			if (gr_in(t, q, gr_unit_word) || gr_in(t, q, gr_month))
				k->count = 0;
		}
		/* a paragraph or list number: "12." or "3)" opening the text */
		if (i == 0 && tk->n > 1 && tk->v[1].type == GT_PUNCT &&
		    (tk->v[1].ch == '.' || tk->v[1].ch == ')') && !k->numword)
			k->count = 0;
	}
}

/*
 * Recognises a grade phrase at word i: returns its grade and sets *len to
 * its tokens, or returns -1. "requires improvement to be good" is one RI.
 */
static int gr_grade_at(const char *t, const gr_toks *tk, size_t i, int *len)
{
	const gr_tok *k = &tk->v[i];
	if (k->type != GT_WORD)
		return -1;
	*len = 1;
	if (gr_eq(t, k, "outstanding"))
		return G_OUT;
	if (gr_eq(t, k, "good"))
		return G_GOOD;
	if (gr_eq(t, k, "inadequate"))
		return G_INAD;
	if (k->e - k->s == 2 && t[k->s] == 'R' && t[k->s + 1] == 'I')
		return G_RI;
	if (gr_in(t, k, gr_ri_verb) && i + 1 < tk->n &&
	    (gr_eq(t, &tk->v[i + 1], "improvement") ||
	     gr_eq(t, &tk->v[i + 1], "improvements"))) {
		*len = 2;
		if (i + 4 < tk->n && gr_eq(t, &tk->v[i + 2], "to") &&
		    (gr_eq(t, &tk->v[i + 3], "be") ||
		     gr_eq(t, &tk->v[i + 3], "become")) &&
		    gr_eq(t, &tk->v[i + 4], "good"))
			*len = 5;
		return G_RI;
	}
	return -1;
}

/*
 * Is the grade phrase at [i, i+len) used as a grade? Not after "not" (up
 * to three words back), a band word (gr_pre_block) or '/'; not before "or",
 * '/', a band ("and above"), or any word outside gr_follow_ok and the case
 * nouns ("good practice", "inadequate assessments").
 */
static int gr_grade_ok(const char *t, const gr_toks *tk, size_t i, int len)
{
	size_t p = gr_prev(tk, i);
	if (p != GR_NONE) {
		const gr_tok *q = &tk->v[p];
		if (gr_in(t, q, gr_pre_block) || gr_is_punct(q, '/'))
			return 0;
	}
	size_t back = i;
	for (int w = 0; w < 3 && back > 0; w++) {
		back--;
		const gr_tok *q = &tk->v[back];
		if (q->type != GT_WORD)
			break;
		if (gr_eq(t, q, "not") || gr_eq(t, q, "never"))
			return 0;
	}
	size_t nx = gr_next(tk, i + (size_t)len - 1);
	if (nx >= tk->n)
		return 1;
	const gr_tok *q = &tk->v[nx];
	if (q->type == GT_PUNCT) {
		if (q->ch == '/' || q->ch == '+')
			return 0;
		return 1;
	}
	if (q->type != GT_WORD)
		return 1;
	if (gr_eq(t, q, "and")) {
		size_t n2 = gr_next(tk, nx);
		return !(n2 < tk->n && gr_in(t, &tk->v[n2], gr_band));
	}
	return gr_in(t, q, gr_follow_ok) || gr_in(t, q, gr_casenoun);
}

static void gr_mark_grades(const char *t, gr_toks *tk)
{
	for (size_t i = 0; i < tk->n; i++) {
		int len;
		int g = gr_grade_at(t, tk, i, &len);
		if (g < 0)
			continue;
		if (gr_grade_ok(t, tk, i, len)) {
			tk->v[i].grade = g;
			tk->v[i].glen = len;
		}
		i += (size_t)len - 1;
	}
}

/* Skips up to 3 unknown words then a case noun from j; the noun's index or n. */
static size_t gr_casenoun_after(const char *t, const gr_toks *tk, size_t j)
{
	for (int w = 0; w < 4 && j < tk->n; w++, j = gr_next(tk, j)) {
		const gr_tok *q = &tk->v[j];
		if (q->type != GT_WORD || q->grade >= 0)
			return tk->n;
		if (gr_in(t, q, gr_casenoun))
			return j;
	}
	return tk->n;
}

static void gr_set_total(gr_tok *k, int also_count)
{
	if (!k->count)
		return;
	k->total = 1;
	k->also_count = also_count;
}

/* Marks the numbers that state a total (grades.h, "totals"). */
static void gr_mark_totals(const char *t, gr_toks *tk)
{
	size_t n = tk->n;
	for (size_t i = 0; i < n; i++) {
		gr_tok *k = &tk->v[i];
		if (k->type != GT_WORD)
			continue;
		/* out of (all) (the) N; of (the|these|those|all) N noun */
		if (gr_eq(t, k, "of") || gr_eq(t, k, "from")) {
			/* "out of N", and "3 of 5" */
			int out = i > 0 && (gr_eq(t, &tk->v[i - 1], "out") ||
					    (tk->v[i - 1].type == GT_NUM && tk->v[i - 1].count &&
					     gr_eq(t, k, "of")));
			size_t j = i + 1;
			int det = 0;
			while (j < n && (gr_eq(t, &tk->v[j], "the") ||
					 gr_eq(t, &tk->v[j], "these") ||
					 gr_eq(t, &tk->v[j], "those") ||
					 gr_eq(t, &tk->v[j], "all"))) {
				det = 1;
				j++;
			}
			if (j < n && tk->v[j].type == GT_NUM) {
				int noun = gr_casenoun_after(t, tk, j + 1) < n ||
					   (j + 1 < n && gr_eq(t, &tk->v[j + 1], "audited"));
				int from = gr_eq(t, k, "from");
				if (out || (!from && (det || noun)) || (from && det && noun))
					gr_set_total(&tk->v[j], 0);
			}
			continue;
		}
		/* (n=N) */
		if ((gr_eq(t, k, "n")) && i + 2 < n && gr_is_punct(&tk->v[i + 1], '=') &&
		    tk->v[i + 2].type == GT_NUM) {
			gr_set_total(&tk->v[i + 2], 0);
			continue;
		}
		/* all (the) N noun; sentence-initial "the N noun" */
		if ((gr_eq(t, k, "all") || (gr_eq(t, k, "the") && gr_prev(tk, i) == GR_NONE))) {
			size_t j = i + 1;
			if (j < n && gr_eq(t, &tk->v[j], "the"))
				j++;
			if (j < n && tk->v[j].type == GT_NUM &&
			    (gr_casenoun_after(t, tk, j + 1) < n ||
			     (j + 1 < n && gr_eq(t, &tk->v[j + 1], "audited"))))
				gr_set_total(&tk->v[j], gr_eq(t, k, "all"));
			continue;
		}
		/* a total of N; in total N; total: N */
		if (gr_eq(t, k, "total")) {
			size_t j = i + 1;
			if (j < n && (gr_eq(t, &tk->v[j], "of") || gr_is_punct(&tk->v[j], ':') ||
				      gr_is_punct(&tk->v[j], '=')))
				j++;
			if (j < n && tk->v[j].type == GT_NUM)
				gr_set_total(&tk->v[j], 0);
			continue;
		}
	}
	/* N noun (were) audited|completed|...; N noun(,) of which; N in total */
	static const char *const done[] = {
		"audited", "completed", "undertaken", "reviewed", "sampled",
		"selected", "carried", "examined", "looked", "tracked", NULL
	};
	for (size_t i = 0; i < n; i++) {
		gr_tok *k = &tk->v[i];
		if (k->type != GT_NUM || k->total)
			continue;
		if (i + 2 < n && gr_eq(t, &tk->v[i + 1], "in") &&
		    gr_eq(t, &tk->v[i + 2], "total")) {
			gr_set_total(k, 0);
			continue;
		}
		size_t j = gr_casenoun_after(t, tk, i + 1);
		if (j >= n)
			continue;
		size_t m = j + 1;
		while (m < n && gr_in(t, &tk->v[m], gr_casenoun))
			m++;
		while (m < n && (gr_eq(t, &tk->v[m], "were") || gr_eq(t, &tk->v[m], "was") ||
				 gr_eq(t, &tk->v[m], "have") || gr_eq(t, &tk->v[m], "had") ||
				 gr_eq(t, &tk->v[m], "been") || gr_eq(t, &tk->v[m], "being")))
			m++;
		if (m < n && gr_in(t, &tk->v[m], done)) {
			gr_set_total(k, 0);
			continue;
		}
		if (m < n && gr_is_punct(&tk->v[m], ','))
			m++;
		if (m + 1 < n && gr_eq(t, &tk->v[m], "of") &&
		    (gr_eq(t, &tk->v[m + 1], "which") || gr_eq(t, &tk->v[m + 1], "these") ||
		     gr_eq(t, &tk->v[m + 1], "those") || gr_eq(t, &tk->v[m + 1], "whom")))
			gr_set_total(k, 0);
	}
}

static int gr_countable(const gr_tok *k)
{
	return k->type == GT_NUM && k->count && !k->used &&
	       (!k->total || k->also_count);
}

/* A pair: count token c (a number or a percentage) with grade token g. */
typedef struct gr_pair {
	size_t c, g;
} gr_pair;

/* Pairs of one sentence; past 32, further pairs are not read. */
typedef struct gr_pairs {
	gr_pair v[32];
	size_t n;
} gr_pairs;

static void gr_pairs_add(gr_pairs *p, size_t c, size_t g)
{
	if (p->n < TT_ARRAY_LEN(p->v)) {
		p->v[p->n].c = c;
		p->v[p->n].g = g;
		p->n++;
	}
}

/* Skips a short parenthesis opening at j ("(5%)", "(n=15)"); its ')' or j. */
static size_t gr_skip_paren(const gr_toks *tk, size_t j)
{
	for (size_t m = j + 1; m < tk->n && m <= j + 8; m++) {
		if (gr_is_punct(&tk->v[m], ')'))
			return m;
		if (gr_is_punct(&tk->v[m], '('))
			break;
	}
	return j;
}

/*
 * Count first: from each count (or with pct, each percentage) to the next
 * grade over filler words, quotes, "(5%)", a total phrase ("out of 10"),
 * and up to three unknown words if a case noun follows them.
 */
static void gr_pair_nf(const char *t, gr_toks *tk, int pct, gr_pairs *out)
{
	out->n = 0;
	for (size_t i = 0; i < tk->n; i++) {
		gr_tok *k = &tk->v[i];
		if (pct ? k->type != GT_PCT || k->v < 0 || k->used : !gr_countable(k))
			continue;
		if (pct && i > 0 && gr_is_punct(&tk->v[i - 1], '('))
			continue;
		int pending = 0;
		size_t j = i + 1;
		for (int steps = 0; j < tk->n && steps < 16; j++, steps++) {
			const gr_tok *q = &tk->v[j];
			if (q->grade >= 0)
				break;
			if (q->type == GT_PUNCT) {
				if (q->ch == 'q' || q->ch == '*')
					continue;
				if (q->ch == '(') {
					size_t m = gr_skip_paren(tk, j);
					if (m == j)
						break;
					j = m;
					continue;
				}
				break;
			}
			if (q->type == GT_NUM && q->total && !q->also_count &&
			    j > 0 && (gr_eq(t, &tk->v[j - 1], "of") ||
				      gr_eq(t, &tk->v[j - 1], "the")))
				continue;
			if (q->type != GT_WORD)
				break;
			if (gr_in(t, q, gr_casenoun)) {
				pending = 0;
				continue;
			}
			if (gr_in(t, q, gr_fill))
				continue;
			if (gr_eq(t, q, "and") || gr_eq(t, q, "or") || gr_eq(t, q, "but") ||
			    ++pending > 3)
				break;
		}
		if (j < tk->n && tk->v[j].grade >= 0 && !pending && !tk->v[j].used) {
			gr_pairs_add(out, i, j);
		}
	}
}

/*
 * Grade first: a grade, an optional rating word or case noun, an
 * optional connector (: - = ( | "in"), then a count or percentage.
 */
static void gr_pair_gf(const char *t, gr_toks *tk, int pct, gr_pairs *out)
{
	out->n = 0;
	for (size_t i = 0; i < tk->n; i++) {
		const gr_tok *k = &tk->v[i];
		if (k->grade < 0)
			continue;
		size_t j = gr_next(tk, i + (size_t)k->glen - 1);
		if (j < tk->n && (gr_in(t, &tk->v[j], gr_casenoun) ||
				  gr_eq(t, &tk->v[j], "rating") || gr_eq(t, &tk->v[j], "ratings") ||
				  gr_eq(t, &tk->v[j], "grade") || gr_eq(t, &tk->v[j], "grades")))
			j = gr_next(tk, j);
		if (j < tk->n && ((tk->v[j].type == GT_PUNCT && strchr(":-=(|", tk->v[j].ch)) ||
				  gr_eq(t, &tk->v[j], "in")))
			j = gr_next(tk, j);
		if (j >= tk->n)
			continue;
		const gr_tok *q = &tk->v[j];
		if (pct ? (q->type == GT_PCT && q->v >= 0) : gr_countable(q))
			gr_pairs_add(out, j, i);
		i += (size_t)k->glen - 1;
	}
}

/* Round-half-up percentage of c out of t equals p, for exactly one c. */
static int gr_from_share(long long p, long long total, long long *c)
{
	int found = 0;
	if (total <= 0 || total > 10000 || p < 0 || p > 100)
		return 0;
	for (long long x = 0; x <= total; x++) {
		if ((200 * x + total) / (2 * total) == p) {
			if (found++)
				return 0;
			*c = x;
		}
	}
	return found == 1;
}

static int gr_popcount(unsigned m)
{
	int n = 0;
	for (; m; m &= m - 1)
		n++;
	return n;
}

static long long gr_sum(const gr_dist *d)
{
	long long s = 0;
	for (int g = 0; g < G_N; g++)
		if (d->stated & (1u << g))
			s += d->cnt[g];
	return s;
}

static gr_dist *gr_dists_add(gr_dists *l, size_t idx)
{
	TT_GROW(l->v, l->n + 1, l->alloc);
	gr_dist *d = &l->v[l->n++];
	memset(d, 0, sizeof(*d));
	d->first = d->last = idx;
	return d;
}

/* An event of a sentence, in text order: a pair or a total. */
typedef struct gr_event {
	size_t pos;
	int is_total;
	long long v;
	int grade;
} gr_event;

static int gr_event_cmp(const void *a, const void *b)
{
	const gr_event *x = a, *y = b;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return y->is_total - x->is_total;
}

/* Is the sentence about audited cases? (grades.h, "prose") */
static int gr_context(const char *t, const gr_toks *tk)
{
	int ctx_case = 0, ctx_grading = 0, inspect = 0, inspectors = 0;
	for (size_t i = 0; i < tk->n; i++) {
		const gr_tok *k = &tk->v[i];
		ctx_case |= gr_in(t, k, gr_ctx_case);
		ctx_grading |= gr_in(t, k, gr_ctx_grading);
		inspect |= gr_in(t, k, gr_inspect);
		inspectors |= gr_in(t, k, gr_inspectors);
	}
	return !inspectors && (ctx_case || (ctx_grading && !inspect));
}

/* A leading quoted name ("'Plans' was ..."): its span, or NULL. */
static const char *gr_quoted_label(const char *t, const gr_toks *tk,
				   size_t *len)
{
	if (tk->n <= 2 || !gr_is_punct(&tk->v[0], 'q'))
		return NULL;
	for (size_t m = 2; m < tk->n && m <= 8; m++) {
		if (gr_is_punct(&tk->v[m], 'q')) {
			*len = tk->v[m - 1].e - tk->v[1].s;
			return t + tk->v[1].s;
		}
	}
	return NULL;
}

/*
 * Turns the chosen pairs and the totals, in text order, into candidate
 * distributions in sa->d: a new one starts when a grade repeats, or when a
 * total comes after a distribution that has a total and counts already. A
 * second total before any count is ignored (the first one stands).
 * Returns the first total, or -1.
 */
static long long gr_build(gr_toks *tk, const gr_pairs *pairs, int pct,
			  size_t idx, const char *label, size_t label_len,
			  gr_sa *sa)
{
	gr_event ev[2 * TT_ARRAY_LEN(pairs->v)];
	size_t nev = 0;
	long long first_total = -1;
	for (size_t i = 0; i < pairs->n; i++) {
		size_t c = pairs->v[i].c, g = pairs->v[i].g;
		tk->v[c].used = 1;
		ev[nev].pos = c < g ? c : g;
		ev[nev].is_total = 0;
		ev[nev].v = tk->v[c].v;
		ev[nev].grade = tk->v[g].grade;
		nev++;
	}
	for (size_t i = 0; i < tk->n && nev < TT_ARRAY_LEN(ev); i++) {
		if (tk->v[i].type != GT_NUM || !tk->v[i].total)
			continue;
		ev[nev].pos = i;
		ev[nev].is_total = 1;
		ev[nev].v = tk->v[i].v;
		ev[nev].grade = -1;
		if (first_total < 0)
			first_total = tk->v[i].v;
		nev++;
	}
	qsort(ev, nev, sizeof(ev[0]), gr_event_cmp);

	gr_dist *cur = NULL;
	for (size_t i = 0; i < nev; i++) {
		const gr_event *e = &ev[i];
		if (e->is_total && cur && cur->has_total && !cur->stated)
			continue;
		if (cur && (e->is_total ? cur->has_total && cur->stated
					: (cur->stated & (1u << e->grade)) != 0))
			cur = NULL;
		if (!cur) {
			cur = gr_dists_add(&sa->d, idx);
			cur->label = label;
			cur->label_len = label_len;
			cur->derived = pct;
		}
		if (e->is_total) {
			cur->has_total = 1;
			cur->total = e->v;
		} else {
			cur->stated |= 1u << e->grade;
			cur->cnt[e->grade] = e->v;
		}
	}
	return first_total;
}

/*
 * Shares become counts only with a stated total, each share fitting
 * exactly one count (gr_from_share); otherwise the distribution is
 * emptied and gives nothing.
 */
static void gr_derive_shares(gr_dists *l)
{
	for (size_t i = 0; i < l->n; i++) {
		gr_dist *d = &l->v[i];
		long long c[G_N] = {0, 0, 0, 0};
		int ok = d->has_total && d->stated;
		for (int g = 0; ok && g < G_N; g++)
			if (d->stated & (1u << g))
				ok = gr_from_share(d->cnt[g], d->total, &c[g]);
		if (!ok) {
			d->stated = 0;
			continue;
		}
		for (int g = 0; g < G_N; g++)
			if (d->stated & (1u << g))
				d->cnt[g] = c[g];
	}
}

/*
 * Is the sentence a list line: one pair and nothing else but case nouns
 * and punctuation ("Good: 5", "Inadequate - 1 case")?
 */
static int gr_bare_line(const char *t, const gr_toks *tk, const gr_pair *p)
{
	if (tk->n > 12)
		return 0;
	size_t g = p->g, gend = p->g + (size_t)tk->v[p->g].glen;
	for (size_t i = 0; i < tk->n; i++) {
		const gr_tok *k = &tk->v[i];
		if (i >= g && i < gend)
			continue;
		if (k->type == GT_WORD && !gr_in(t, k, gr_casenoun) &&
		    !gr_in(t, k, gr_bare_ok))
			return 0;
		if (k->type == GT_NUM && i != p->c)
			return 0;
	}
	return 1;
}

/* "Total: 15", "Grand total 15 cases": sets *v and returns 1. */
static int gr_total_line(const char *t, const gr_toks *tk, long long *v)
{
	size_t i = 0;
	if (i < tk->n && (gr_eq(t, &tk->v[i], "grand") || gr_eq(t, &tk->v[i], "overall")))
		i++;
	if (i >= tk->n || !gr_eq(t, &tk->v[i], "total"))
		return 0;
	size_t j = i + 1;
	while (j < tk->n && (gr_in(t, &tk->v[j], gr_casenoun) ||
			     (tk->v[j].type == GT_PUNCT && strchr(":-=|", tk->v[j].ch))))
		j++;
	if (j >= tk->n || tk->v[j].type != GT_NUM || !tk->v[j].count)
		return 0;
	for (size_t m = j + 1; m < tk->n; m++)
		if (!gr_in(t, &tk->v[m], gr_casenoun) && tk->v[m].type != GT_PUNCT)
			return 0;
	*v = tk->v[j].v;
	return 1;
}

/*
 * Reads one sentence (index idx) into sa: its candidate distributions and
 * the flags the second pass needs. tk is scratch.
 */
static void gr_analyse(const char *t, size_t len, size_t idx, gr_toks *tk,
		       gr_sa *sa)
{
	gr_tokenize(t, len, tk);
	gr_number_words(t, tk);
	gr_mark_numbers(t, tk);
	gr_mark_grades(t, tk);
	gr_mark_totals(t, tk);
	sa->context = gr_context(t, tk);

	/* counts, either way round; shares only when there are no counts */
	gr_pairs nf, gf, *best;
	int pct = 0;
	gr_pair_nf(t, tk, 0, &nf);
	gr_pair_gf(t, tk, 0, &gf);
	best = gf.n > nf.n ? &gf : &nf;
	if (best->n == 0) {
		pct = 1;
		gr_pair_nf(t, tk, 1, &nf);
		gr_pair_gf(t, tk, 1, &gf);
		best = gf.n > nf.n ? &gf : &nf;
	}

	size_t label_len = 0;
	const char *label = gr_quoted_label(t, tk, &label_len);
	long long first_total = gr_build(tk, best, pct, idx, label, label_len, sa);
	if (pct)
		gr_derive_shares(&sa->d);

	if (best->n == 0 && first_total >= 0) {
		sa->has_lead = 1;
		sa->lead = first_total;
	}
	if (!pct && best->n == 1 && gr_bare_line(t, tk, &best->v[0])) {
		sa->bare = 1;
		sa->bare_grade = tk->v[best->v[0].g].grade;
		sa->bare_count = tk->v[best->v[0].c].v;
	}
	if (best->n == 0)
		sa->total_line = gr_total_line(t, tk, &sa->total_v);
}

/* --- tables ------------------------------------------------------------ */

enum { C_TEXT, C_GRADE, C_TOTAL, C_INT, C_PCT, C_YEAR };

typedef struct gr_cell {
	size_t s, e;  /* span in the row's text */
	int kind;     /* C_* */
	int grade;    /* C_GRADE */
	long long v;  /* C_INT */
	int pctword;  /* C_TEXT naming a share: "%", "percent", "proportion" */
} gr_cell;

typedef struct gr_row {
	const char *t;
	size_t idx;
	gr_cell c[32];
	size_t n;
	int ok;       /* fewer than 32 cells */
	size_t nint, ngrade;
} gr_row;

static void gr_cell_classify(const char *t, gr_cell *c, gr_toks *tk)
{
	gr_tokenize(t + c->s, c->e - c->s, tk);
	gr_number_words(t + c->s, tk);
	c->kind = C_TEXT;
	const char *ct = t + c->s;
	size_t a = 0, b = tk->n;
	while (a < b && tk->v[a].type == GT_PUNCT && tk->v[a].ch != '(')
		a++;
	while (b > a && tk->v[b - 1].type == GT_PUNCT && tk->v[b - 1].ch != ')')
		b--;
	for (size_t i = 0; i < tk->n; i++) {
		if (gr_is_punct(&tk->v[i], '%') || gr_eq(ct, &tk->v[i], "percent") ||
		    gr_eq(ct, &tk->v[i], "percentage") || gr_eq(ct, &tk->v[i], "proportion"))
			c->pctword = 1;
	}
	if (a >= b)
		return;
	int len;
	int g = gr_grade_at(ct, tk, a, &len);
	if (g >= 0) {
		size_t m = a + (size_t)len;
		/* "Requires improvement (RI)" */
		if (m < b && b - m <= 4 && gr_is_punct(&tk->v[m], '(') &&
		    gr_is_punct(&tk->v[b - 1], ')'))
			m = b;
		if (m == b) {
			c->kind = C_GRADE;
			c->grade = g;
		}
		return;
	}
	const gr_tok *k = &tk->v[a];
	if (k->type == GT_PCT) {
		c->kind = C_PCT;
		return;
	}
	if (k->type == GT_NUM && !k->numword && k->v >= 0) {
		if (gr_is_year(ct, k) ||
		    (a + 2 < b && tk->v[a + 1].type == GT_PUNCT &&
		     strchr("-/", tk->v[a + 1].ch) && tk->v[a + 2].type == GT_NUM)) {
			c->kind = C_YEAR;
			return;
		}
		for (size_t i = a + 1; i < b; i++) {
			const gr_tok *q = &tk->v[i];
			if (q->type == GT_WORD || q->type == GT_NUM)
				return;
		}
		if (k->v <= 100000) {
			c->kind = C_INT;
			c->v = k->v;
		}
		return;
	}
	size_t i = a;
	if (gr_eq(ct, &tk->v[i], "grand") || gr_eq(ct, &tk->v[i], "overall")) {
		if (i + 1 == b && gr_eq(ct, &tk->v[i], "overall")) {
			c->kind = C_TOTAL;
			return;
		}
		i++;
	}
	if (i < b && (gr_eq(ct, &tk->v[i], "total") || gr_eq(ct, &tk->v[i], "totals") ||
		      gr_eq(ct, &tk->v[i], "all"))) {
		for (size_t m = i + 1; m < b; m++)
			if (!gr_in(ct, &tk->v[m], gr_casenoun) && tk->v[m].type != GT_PUNCT)
				return;
		c->kind = C_TOTAL;
	}
}

/* Splits a table row at '|' and tabs; empty cells are left out. */
static void gr_row_read(gr_row *r, const char *t, size_t len, size_t idx,
			gr_toks *tk)
{
	r->t = t;
	r->idx = idx;
	r->n = 0;
	r->ok = 1;
	r->nint = r->ngrade = 0;
	size_t p = 0;
	while (p <= len) {
		size_t q = p;
		while (q < len && t[q] != '|' && t[q] != '\t')
			q++;
		size_t a = p, e = q;
		while (a < e && isspace((unsigned char)t[a]))
			a++;
		while (e > a && isspace((unsigned char)t[e - 1]))
			e--;
		if (e > a) {
			if (r->n == TT_ARRAY_LEN(r->c)) {
				r->ok = 0;
				break;
			}
			gr_cell *c = &r->c[r->n++];
			memset(c, 0, sizeof(*c));
			c->s = a;
			c->e = e;
			gr_cell_classify(t, c, tk);
			r->nint += c->kind == C_INT;
			r->ngrade += c->kind == C_GRADE;
		}
		p = q + 1;
	}
}

/* The state of one table inside a run of rows. */
typedef struct gr_table {
	int mode;          /* T_NONE, T_DOWN, T_ACROSS */
	gr_row *hdr;       /* NULL when none */
	gr_row *rows;      /* grade and total rows of a down table */
	size_t nrows, alloc;
	long long lead;    /* a total lent by the sentence before, or -1 */
	size_t lead_idx;
} gr_table;

enum { T_NONE, T_DOWN, T_ACROSS };

typedef struct gr_out {
	tt_grade_list *l;
	size_t base;       /* first entry this call appended */
} gr_out;

static void gr_emit(gr_out *o, const gr_dist *d)
{
	int ng = gr_popcount(d->stated);
	long long sum = gr_sum(d);
	if (ng == 0)
		return;
	if (ng == 1 && !(d->has_total && sum == d->total && sum > 0))
		return;
	tt_grade_dist r;
	memset(&r, 0, sizeof(r));
	r.outstanding = d->cnt[G_OUT];
	r.good = d->cnt[G_GOOD];
	r.requires_improvement = d->cnt[G_RI];
	r.inadequate = d->cnt[G_INAD];
	r.total = d->has_total ? d->total : sum;
	r.total_stated = d->has_total;
	r.derived = d->derived;
	r.stated = (d->stated & (1u << G_OUT) ? TT_GRADE_OUTSTANDING : 0) |
		   (d->stated & (1u << G_GOOD) ? TT_GRADE_GOOD : 0) |
		   (d->stated & (1u << G_RI) ? TT_GRADE_REQUIRES_IMPROVEMENT : 0) |
		   (d->stated & (1u << G_INAD) ? TT_GRADE_INADEQUATE : 0);
	r.first = d->first;
	r.last = d->last;
	r.label = d->label;
	r.label_len = d->label ? d->label_len : 0;
	if (o->l->n > o->base) {
		const tt_grade_dist *p = &o->l->v[o->l->n - 1];
		int same_label = !p->label || !r.label ||
				 (p->label_len == r.label_len &&
				  strncasecmp(p->label, r.label, r.label_len) == 0);
		if (p->outstanding == r.outstanding && p->good == r.good &&
		    p->requires_improvement == r.requires_improvement &&
		    p->inadequate == r.inadequate && p->total == r.total &&
		    same_label && r.first <= p->last + TT_GRADES_DEDUP_SPAN)
			return;
	}
	TT_GROW(o->l->v, o->l->n + 1, o->l->alloc);
	o->l->v[o->l->n++] = r;
}

static int gr_col_is_pct(const gr_table *tb, size_t col)
{
	if (tb->hdr && col < tb->hdr->n && tb->hdr->c[col].pctword)
		return 1;
	for (size_t i = 0; i < tb->nrows; i++)
		if (col < tb->rows[i].n && tb->rows[i].c[col].kind == C_PCT)
			return 1;
	return 0;
}

/* Fills d from column col of the grade and total rows; 0 if a grade repeats. */
static int gr_down_column(const gr_table *tb, size_t col, gr_dist *d)
{
	for (size_t i = 0; i < tb->nrows; i++) {
		const gr_row *r = &tb->rows[i];
		const gr_cell *c = col < r->n ? &r->c[col] : NULL;
		if (!c || c->kind != C_INT)
			continue;
		if (r->c[0].kind == C_TOTAL) {
			d->has_total = 1;
			d->total = c->v;
		} else {
			unsigned bit = 1u << r->c[0].grade;
			if (d->stated & bit)
				return 0;
			d->stated |= bit;
			d->cnt[r->c[0].grade] = c->v;
		}
		d->last = r->idx;
	}
	return 1;
}

static void gr_down_flush(gr_table *tb, gr_out *o)
{
	size_t ngr = 0;
	for (size_t i = 0; i < tb->nrows; i++)
		ngr += tb->rows[i].c[0].kind == C_GRADE;
	if (!ngr)
		return;
	size_t first = tb->hdr ? tb->hdr->idx : tb->rows[0].idx;
	if (tb->lead >= 0)
		first = tb->lead_idx;
	const gr_row *h = tb->hdr;
	size_t single_col = 0; /* header column of the one count column */
	if (h && h->n >= 2) {
		int aligned = 1;
		for (size_t i = 0; i < tb->nrows; i++)
			if (tb->rows[i].n != h->n)
				aligned = 0;
		size_t cols[32], ncols = 0, total_col = 0;
		for (size_t c = 1; c < h->n; c++) {
			if (gr_col_is_pct(tb, c))
				continue;
			cols[ncols++] = c;
			if (h->c[c].kind == C_TOTAL && !total_col)
				total_col = c;
		}
		if (aligned && ncols > 0) {
			if (total_col && ncols > 1) {
				cols[0] = total_col;
				ncols = 1;
			}
			for (size_t k = 0; k < ncols; k++) {
				gr_dist d;
				memset(&d, 0, sizeof(d));
				d.first = first;
				d.last = first;
				d.label = h->t + h->c[cols[k]].s;
				d.label_len = h->c[cols[k]].e - h->c[cols[k]].s;
				if (!gr_down_column(tb, cols[k], &d))
					continue;
				if (!d.has_total && tb->lead >= 0) {
					d.has_total = 1;
					d.total = tb->lead;
				}
				gr_emit(o, &d);
			}
			return;
		}
		if (ncols != 1)
			return; /* several count columns, cells dropped: ambiguous */
		single_col = cols[0];
	}
	gr_dist d;
	memset(&d, 0, sizeof(d));
	d.first = first;
	d.last = first;
	if (single_col) {
		d.label = h->t + h->c[single_col].s;
		d.label_len = h->c[single_col].e - h->c[single_col].s;
	}
	for (size_t i = 0; i < tb->nrows; i++) {
		const gr_row *r = &tb->rows[i];
		const gr_cell *v = NULL;
		size_t nv = 0;
		for (size_t c = 1; c < r->n; c++)
			if (r->c[c].kind == C_INT && !gr_col_is_pct(tb, c) && nv++ == 0)
				v = &r->c[c];
		if (nv > 1)
			return; /* several counts per row and no header to tell them apart */
		if (!v)
			continue;
		if (r->c[0].kind == C_TOTAL) {
			d.has_total = 1;
			d.total = v->v;
		} else {
			unsigned bit = 1u << r->c[0].grade;
			if (d.stated & bit)
				return;
			d.stated |= bit;
			d.cnt[r->c[0].grade] = v->v;
		}
		d.last = r->idx;
	}
	if (!d.has_total && tb->lead >= 0) {
		d.has_total = 1;
		d.total = tb->lead;
	}
	gr_emit(o, &d);
}

/* One data row under a grades-across header. */
static void gr_across_row(const gr_row *h, const gr_row *r, gr_out *o)
{
	size_t v0 = 0, h0 = 0;
	if (r->n && r->c[0].kind != C_INT)
		v0 = 1;
	if (h->n && (h->c[0].kind == C_TEXT || h->c[0].kind == C_YEAR))
		h0 = 1;
	if (r->n - v0 != h->n - h0)
		return; /* a dropped empty cell: cannot align */
	gr_dist d;
	memset(&d, 0, sizeof(d));
	d.first = h->idx;
	d.last = r->idx;
	if (v0) {
		d.label = r->t + r->c[0].s;
		d.label_len = r->c[0].e - r->c[0].s;
	}
	for (size_t k = 0; k + v0 < r->n; k++) {
		const gr_cell *hc = &h->c[h0 + k], *vc = &r->c[v0 + k];
		if (hc->kind == C_GRADE) {
			if (vc->kind == C_PCT)
				return;
			if (vc->kind == C_INT && !(d.stated & (1u << hc->grade))) {
				d.stated |= 1u << hc->grade;
				d.cnt[hc->grade] = vc->v;
			}
		} else if (hc->kind == C_TOTAL && vc->kind == C_INT) {
			d.has_total = 1;
			d.total = vc->v;
		}
	}
	gr_emit(o, &d);
}

static void gr_table_flush(gr_table *tb, gr_out *o)
{
	if (tb->mode == T_DOWN || (tb->mode == T_NONE && tb->nrows))
		gr_down_flush(tb, o);
	if (tb->nrows || tb->mode != T_NONE)
		tb->lead = -1; /* the lent total serves the first table only */
	tb->mode = T_NONE;
	tb->hdr = NULL;
	tb->nrows = 0;
}

/* Reads the table rows s[a..b); rows is scratch of b - a entries. */
static void gr_table_run(const tt_grade_sentence *s, size_t a, size_t b,
			 const gr_sa *lead, size_t lead_idx, gr_toks *tk,
			 gr_out *o)
{
	gr_row *rows = xcalloc(b - a, sizeof(*rows));
	gr_table tb;
	memset(&tb, 0, sizeof(tb));
	tb.lead = lead && lead->has_lead ? lead->lead : -1;
	tb.lead_idx = lead_idx;
	tb.rows = xcalloc(b - a, sizeof(*tb.rows));
	for (size_t i = a; i < b; i++) {
		gr_row *r = &rows[i - a];
		gr_row_read(r, s[i].text, s[i].len, i, tk);
		if (!r->ok || r->n == 0)
			continue;
		if (r->ngrade >= 2 && r->nint == 0) {
			gr_table_flush(&tb, o);
			tb.mode = T_ACROSS;
			tb.hdr = r;
			continue;
		}
		if (tb.mode == T_ACROSS) {
			if (r->c[0].kind != C_GRADE) {
				gr_across_row(tb.hdr, r, o);
				continue;
			}
			gr_table_flush(&tb, o);
		}
		int first = r->c[0].kind;
		if (r->nint == 0 && r->n >= 2 && first != C_GRADE && first != C_TOTAL) {
			gr_table_flush(&tb, o);
			tb.mode = T_DOWN;
			tb.hdr = r;
			continue;
		}
		if (first == C_GRADE || first == C_TOTAL) {
			tb.rows[tb.nrows++] = *r;
			if (tb.mode == T_NONE)
				tb.mode = T_DOWN;
		}
	}
	gr_table_flush(&tb, o);
	free(tb.rows);
	free(rows);
}

/* --- the two passes ---------------------------------------------------- */

void tt_grade_list_init(tt_grade_list *l)
{
	l->v = NULL;
	l->n = l->alloc = 0;
}

void tt_grade_list_release(tt_grade_list *l)
{
	free(l->v);
	tt_grade_list_init(l);
}

/* Merges the follow-on sentence's first distribution into d (grades.h). */
static void gr_follow_on(gr_dist *d, gr_sa *next, size_t next_idx)
{
	if (!d->has_total || !d->stated || gr_sum(d) >= d->total || !next->d.n)
		return;
	gr_dist *f = &next->d.v[0];
	if (!f->stated || (f->stated & d->stated) || f->derived != d->derived ||
	    (f->has_total && f->total != d->total) ||
	    gr_sum(d) + gr_sum(f) > d->total)
		return;
	for (int g = 0; g < G_N; g++)
		if (f->stated & (1u << g))
			d->cnt[g] = f->cnt[g];
	d->stated |= f->stated;
	d->last = next_idx;
	f->stated = 0;
	next->bare = 0;
}

size_t tt_grades_extract(const tt_grade_sentence *s, size_t n,
			 tt_grade_list *out)
{
	gr_out o = {out, out->n};
	gr_toks tk = {NULL, 0, 0};
	gr_sa *sa = xcalloc(n ? n : 1, sizeof(*sa));

	for (size_t i = 0; i < n; i++)
		if (s[i].kind != TT_BLOCK_TABLE_ROW)
			gr_analyse(s[i].text, s[i].len, i, &tk, &sa[i]);

	size_t i = 0;
	while (i < n) {
		const gr_sa *lead = i > 0 && s[i - 1].kind != TT_BLOCK_TABLE_ROW ?
				    &sa[i - 1] : NULL;
		if (s[i].kind == TT_BLOCK_TABLE_ROW) {
			size_t j = i;
			while (j < n && s[j].kind == TT_BLOCK_TABLE_ROW)
				j++;
			gr_table_run(s, i, j, lead, i - (i > 0), &tk, &o);
			i = j;
			continue;
		}
		if (sa[i].bare || sa[i].total_line) {
			/* a list of "Good: 5" lines */
			gr_dist d;
			memset(&d, 0, sizeof(d));
			int lent = lead && lead->has_lead;
			d.first = lent ? i - 1 : i;
			if (lent) {
				d.has_total = 1;
				d.total = lead->lead;
			}
			size_t j = i;
			for (; j < n && s[j].kind != TT_BLOCK_TABLE_ROW &&
			       (sa[j].bare || sa[j].total_line); j++) {
				if (sa[j].total_line) {
					d.has_total = 1;
					d.total = sa[j].total_v;
					d.last = j;
					gr_emit(&o, &d);
					memset(&d, 0, sizeof(d));
					d.first = j + 1;
					continue;
				}
				unsigned bit = 1u << sa[j].bare_grade;
				if (d.stated & bit) {
					gr_emit(&o, &d);
					memset(&d, 0, sizeof(d));
					d.first = j;
				}
				d.stated |= bit;
				d.cnt[sa[j].bare_grade] = sa[j].bare_count;
				d.last = j;
			}
			gr_emit(&o, &d);
			i = j;
			continue;
		}
		if (sa[i].context) {
			for (size_t k = 0; k < sa[i].d.n; k++) {
				gr_dist *d = &sa[i].d.v[k];
				if (k + 1 == sa[i].d.n && i + 1 < n &&
				    s[i + 1].kind != TT_BLOCK_TABLE_ROW)
					gr_follow_on(d, &sa[i + 1], i + 1);
				gr_emit(&o, d);
			}
		}
		i++;
	}

	for (size_t k = 0; k < n; k++)
		free(sa[k].d.v);
	free(sa);
	free(tk.v);
	return out->n - o.base;
}
