/*
 * test_terms.c - terms.c: which n-grams are counted (runs, stop-word
 * trimming, breaks at numbers, punctuation and sentence ends), surfaces,
 * document frequency, coverage, and the ranking: statistics against
 * hand-worked counts, the filters, subsumption and the order. Sentences
 * are analysed with the real stemmer, as the CLI does.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "terms.h"
#include "test.h"
#include "text.h"
#include "banned.h"

static tt_stemmer *st;

static int near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

/* A small stop list: the words these tests need. */
static tt_terms *terms_new(int max_n)
{
	static const char *const words[] = {"the", "of", "a", "was", "to", "in",
					    "by", "and", "were", "not", "no"};
	tt_strlist sl = {0};
	for (size_t i = 0; i < TT_ARRAY_LEN(words); i++)
		tt_strlist_push(&sl, words[i]);
	tt_terms *t = tt_terms_new(&sl, max_n);
	tt_strlist_release(&sl);
	return t;
}

/* Analyses `text` as one sentence and adds it. */
static void add_themed(tt_terms *t, const char *text, int side, size_t doc,
		       const uint32_t *themes, size_t nthemes)
{
	tt_sentence s;
	memset(&s, 0, sizeof(s));
	s.text_len = strlen(text);
	s.text = xmemdup(text, s.text_len);
	tt_sentence_analyse(&s, st);
	tt_terms_add(t, &s, side, doc, themes, nthemes);
	free(s.text);
	free(s.norm);
	free(s.norm_to_text);
	free(s.tok);
	free(s.stems);
}

static void add(tt_terms *t, const char *text, int side, size_t doc)
{
	add_themed(t, text, side, doc, NULL, 0);
}

static long long freq(const tt_terms *t, const char *key, int side)
{
	long long f[2], d[2];
	tt_terms_lookup(t, key, f, d, NULL);
	return f[side];
}

static long long docs(const tt_terms *t, const char *key, int side)
{
	long long f[2], d[2];
	tt_terms_lookup(t, key, f, d, NULL);
	return d[side];
}

static const tt_term_row *row_of(const tt_term_row *rows, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(rows[i].key, key))
			return &rows[i];
	return NULL;
}

/* --- what is counted ----------------------------------------------------- */

static void test_stop_words(void)
{
	tt_terms *t = terms_new(4);
	add(t, "The voice of the child was heard.", 1, 0);

	/* kept inside, trimmed at both edges */
	CHECK_INT(freq(t, "voic of the child", 1), 1);
	CHECK_INT(freq(t, "child was heard", 1), 1);
	CHECK_INT(freq(t, "of the child", 1), 0);
	CHECK_INT(freq(t, "the child", 1), 0);
	CHECK_INT(freq(t, "the voic", 1), 0);
	CHECK_INT(freq(t, "voic of", 1), 0);
	CHECK_INT(freq(t, "voic of the", 1), 0);
	CHECK_INT(freq(t, "child was", 1), 0);
	CHECK_INT(freq(t, "was heard", 1), 0);
	/* a stop word alone is no term */
	CHECK_INT(freq(t, "the", 1), 0);
	CHECK_INT(freq(t, "was", 1), 0);
	CHECK_INT(freq(t, "voic", 1), 1);
	CHECK_INT(freq(t, "child", 1), 1);
	CHECK_INT(freq(t, "heard", 1), 1);
	/* voic, child, heard, voic of the child, child was heard */
	CHECK_INT(tt_terms_count(t), 5);
	/* every word token counts towards the side's total */
	CHECK_INT(tt_terms_tokens(t, 1), 7);
	CHECK_INT(tt_terms_tokens(t, 0), 0);

	/* capitals do not hide a stop word, nor does an all-caps heading */
	add(t, "THE CHILD", 1, 0);
	CHECK_INT(freq(t, "the child", 1), 0);
	CHECK_INT(freq(t, "child", 1), 2);
	tt_terms_free(t);

	/* no stop list at all: everything counts */
	t = tt_terms_new(NULL, 0);
	add(t, "of the child", 0, 0);
	CHECK_INT(freq(t, "of the child", 0), 1);
	CHECK_INT(freq(t, "the", 0), 1);
	tt_terms_free(t);
}

static void test_runs_break(void)
{
	tt_terms *t = terms_new(3);

	/* n-grams never cross sentence ends */
	add(t, "Elective home.", 1, 0);
	add(t, "Education rose.", 1, 0);
	CHECK_INT(freq(t, "elect home", 1), 1);
	CHECK_INT(freq(t, "home educ", 1), 0);
	CHECK_INT(freq(t, "educ rose", 1), 1);

	/* numbers and percentages break a run */
	add(t, "Children 12 families rose 20% sharply", 1, 0);
	CHECK_INT(freq(t, "children famili", 1), 0);
	CHECK_INT(freq(t, "famili rose", 1), 1);
	CHECK_INT(freq(t, "rose sharpli", 1), 0);
	CHECK_INT(freq(t, "sharpli", 1), 1);

	/* punctuation breaks a run; a spaced hyphen is a dash */
	add(t, "home, visits (review) plans; safety - plans: neglect", 1, 0);
	CHECK_INT(freq(t, "home visit", 1), 0);
	CHECK_INT(freq(t, "visit review", 1), 0);
	CHECK_INT(freq(t, "review plan", 1), 0);
	CHECK_INT(freq(t, "plan safeti", 1), 0);
	CHECK_INT(freq(t, "safeti plan", 1), 0);
	CHECK_INT(freq(t, "plan neglect", 1), 0);
	CHECK_INT(freq(t, "review", 1), 1);

	/* a hyphenated word is one token; the plural possessive joins */
	add(t, "step-fathers attended; parents' views", 1, 0);
	CHECK_INT(freq(t, "step-father attend", 1), 1);
	CHECK_INT(freq(t, "parent view", 1), 1);
	/* but a closing quote after another word does not */
	add(t, "'safety' plans", 1, 0);
	CHECK_INT(freq(t, "safeti plan", 1), 0);

	/* a token of one character is dropped and breaks the run */
	add(t, "Plan B review", 1, 0);
	CHECK_INT(freq(t, "plan review", 1), 0);
	CHECK_INT(freq(t, "b", 1), 0);

	/* acronyms count, stemmed and lower-cased */
	add(t, "CAMHS waiting times", 1, 0);
	CHECK_INT(freq(t, "camh wait time", 1), 1);
	tt_terms_free(t);

	/* max_n bounds the length */
	t = terms_new(2);
	add(t, "elective home education", 0, 0);
	CHECK_INT(freq(t, "elect home", 0), 1);
	CHECK_INT(freq(t, "elect home educ", 0), 0);
	tt_terms_free(t);
}

static void test_surface(void)
{
	tt_terms *t = terms_new(3);
	const char *surface;
	long long f[2], d[2];

	/* the most frequent surface wins: 2 against 1 (and 1) */
	add(t, "Elective home education", 1, 0);
	add(t, "elective home educated", 1, 0);
	add(t, "elective Home Education", 1, 0);
	add(t, "ELECTIVE HOME EDUCATION", 1, 0);
	CHECK(tt_terms_lookup(t, "elect home educ", f, d, &surface));
	CHECK_INT(f[1], 4);
	CHECK_STR(surface, "elective home education");

	/* a tie of 2 and 2 goes to the alphabetically first */
	add(t, "Assessments", 0, 0);
	add(t, "assessment", 0, 0);
	add(t, "Assessment", 0, 0);
	add(t, "assessments", 0, 0);
	CHECK(tt_terms_lookup(t, "assess", f, d, &surface));
	CHECK_INT(f[0], 4);
	CHECK_STR(surface, "assessment");

	/* acronyms keep their case: "PAs" is not "pas" */
	add(t, "PAs and CAMHS", 0, 0);
	add(t, "PAs", 0, 0);
	add(t, "Pas", 0, 0);
	CHECK(tt_terms_lookup(t, "pas", f, d, &surface));
	CHECK_INT(f[0], 3);
	CHECK_STR(surface, "PAs");
	CHECK(tt_terms_lookup(t, "camh", f, d, &surface));
	CHECK_STR(surface, "CAMHS");

	/* Latin-1 capitals are lower-cased too */
	add(t, "\xC3\x89mile", 0, 0);
	CHECK(tt_terms_lookup(t, "\xC3\xA9mile", f, d, &surface));
	CHECK_STR(surface, "\xC3\xA9mile");

	CHECK(!tt_terms_lookup(t, "absent", f, d, &surface));
	CHECK(surface == NULL);
	CHECK_INT(f[0] + f[1] + d[0] + d[1], 0);
	tt_terms_free(t);
}

static void test_doc_freq(void)
{
	tt_terms *t = terms_new(3);

	/* doc 7: neglect 3 times in one sentence and once in another */
	add(t, "Neglect, neglect and neglect.", 1, 7);
	add(t, "Neglect again.", 1, 7);
	CHECK_INT(freq(t, "neglect", 1), 4);
	CHECK_INT(docs(t, "neglect", 1), 1);
	/* the baseline is counted apart, and may interleave */
	add(t, "neglect", 0, 7);
	add(t, "neglect", 0, 7);
	CHECK_INT(docs(t, "neglect", 0), 1);
	CHECK_INT(freq(t, "neglect", 0), 2);
	/* documents come in any order of index */
	add(t, "neglect", 1, 3);
	add(t, "neglect", 1, 3);
	add(t, "neglect", 1, 12);
	add(t, "Nothing to see", 1, 0);
	add(t, "neglect", 1, 1);
	CHECK_INT(freq(t, "neglect", 1), 8);
	CHECK_INT(docs(t, "neglect", 1), 4);
	CHECK_INT(docs(t, "neglect", 0), 1);
	tt_terms_free(t);
}

/* --- ranking ------------------------------------------------------------- */

static void test_rank_stats(void)
{
	tt_terms *t = terms_new(3);
	tt_term_row *rows;
	size_t n;

	/*
	 * "exploitation" 6 times in the recent side (docs 0-2, twice each)
	 * and 3 times in the baseline (docs 10-12), against corpora given as
	 * 1000 recent and 2000 baseline tokens:
	 *   E1 = 1000 * 9 / 3000 = 3, E2 = 2000 * 9 / 3000 = 6
	 *   G2 = 2 (6 ln(6/3) + 3 ln(3/6)) = 6 ln 2 = 4.1588830834
	 *   log ratio = log2((6/1000) / (3/2000)) = log2 4 = 2
	 */
	for (size_t d = 0; d < 3; d++) {
		add(t, "Exploitation was identified.", 1, d);
		add(t, "Criminal exploitation", 1, d);
	}
	for (size_t d = 10; d < 13; d++)
		add(t, "exploitation", 0, d);

	/*
	 * "county lines" twice in recent (docs 3, 4), never in the
	 * baseline: with a = 2, b = 0, c = 1000, d = 2000
	 *   E1 = 1000 * 2 / 3000 = 2/3, G2 = 2 (2 ln 3) = 4 ln 3 = 4.3944491547
	 *   log ratio = log2((2/1000) / (0.5/2000)) = log2 8 = 3
	 */
	add(t, "county lines", 1, 3);
	add(t, "county lines", 1, 4);

	tt_terms_rank(t, 2000, 1000, 1, 0, &rows, &n);
	const tt_term_row *r = row_of(rows, n, "exploit");
	CHECK(r != NULL);
	if (r) {
		CHECK_STR(r->surface, "exploitation");
		CHECK_INT(r->n, 1);
		CHECK_INT(r->freq_recent, 6);
		CHECK_INT(r->freq_baseline, 3);
		CHECK_INT(r->docs_recent, 3);
		CHECK_INT(r->docs_baseline, 3);
		CHECK(near(r->g2, 6 * log(2.0)));
		CHECK(near(r->g2, tt_log_likelihood_g2(6, 3, 1000, 2000)));
		CHECK(near(r->log_ratio, 2.0));
		CHECK(near(r->log_ratio, tt_log_ratio(6, 3, 1000, 2000)));
		CHECK_INT(r->ncovered, 0);
		CHECK(r->covered_by == NULL);
	}
	r = row_of(rows, n, "counti line");
	CHECK(r != NULL);
	if (r) {
		CHECK_STR(r->surface, "county lines");
		CHECK_INT(r->n, 2);
		CHECK_INT(r->freq_baseline, 0);
		CHECK_INT(r->docs_baseline, 0);
		CHECK(near(r->g2, 4 * log(3.0)));
		CHECK(near(r->g2, tt_log_likelihood_g2(2, 0, 1000, 2000)));
		CHECK(near(r->log_ratio, 3.0));
		CHECK(near(r->log_ratio, tt_log_ratio(2, 0, 1000, 2000)));
	}
	free(rows);

	/*
	 * Against a baseline of 500 tokens, 6/1000 and 3/500 are level: not
	 * rising, so left out; county lines still rises.
	 */
	tt_terms_rank(t, 500, 1000, 1, 0, &rows, &n);
	CHECK(row_of(rows, n, "exploit") == NULL);
	CHECK(row_of(rows, n, "counti line") != NULL);
	free(rows);

	/* no corpus, no rows */
	tt_terms_rank(t, 0, 1000, 1, 0, &rows, &n);
	CHECK_INT(n, 0);
	CHECK(rows == NULL);
	free(rows);
	tt_terms_rank(t, 1000, 0, 1, 0, &rows, &n);
	CHECK_INT(n, 0);
	free(rows);
	tt_terms_free(t);
}

static void test_min_docs(void)
{
	tt_terms *t = terms_new(3);
	tt_term_row *rows;
	size_t n;

	add(t, "respite", 1, 0); /* respite: 3 times, 1 document */
	add(t, "respite", 1, 0);
	add(t, "respite", 1, 0);
	add(t, "kinship", 1, 1); /* kinship: 2 times, 2 documents */
	add(t, "kinship", 1, 2);
	add(t, "unrelated", 0, 9);

	tt_terms_rank(t, 100, 100, 2, 0, &rows, &n);
	CHECK_INT(n, 1);
	CHECK(row_of(rows, n, "kinship") != NULL);
	CHECK(row_of(rows, n, "respit") == NULL);
	free(rows);

	tt_terms_rank(t, 100, 100, 1, 0, &rows, &n);
	CHECK_INT(n, 2);
	free(rows);
	tt_terms_rank(t, 100, 100, 3, 0, &rows, &n);
	CHECK_INT(n, 0);
	CHECK(rows == NULL);
	free(rows);
	tt_terms_free(t);
}

static void test_covered_by(void)
{
	tt_terms *t = terms_new(3);
	tt_term_row *rows;
	size_t n;
	/*
	 * "fathers" in 4 recent sentences: theme 3 in three of them (with a
	 * repeated id that counts once), theme 7 in two (exactly half: it
	 * covers), theme 5 in one (a quarter: it does not).
	 */
	static const uint32_t th_a[] = {3, 7};
	static const uint32_t th_b[] = {3, 3};
	static const uint32_t th_c[] = {5, 3, 7};
	add_themed(t, "fathers", 1, 0, th_a, 2);
	add_themed(t, "fathers", 1, 1, th_b, 2);
	add_themed(t, "fathers", 1, 2, th_c, 3);
	add_themed(t, "fathers", 1, 3, NULL, 0);
	/* themes on the baseline side are not recorded */
	add_themed(t, "fathers", 0, 9, th_c, 3);

	tt_terms_rank(t, 1000, 1000, 1, 0, &rows, &n);
	const tt_term_row *r = row_of(rows, n, "father");
	CHECK(r != NULL);
	if (r) {
		CHECK_INT(r->freq_recent, 4);
		CHECK_INT(r->ncovered, 2);
		if (r->ncovered == 2) {
			CHECK_INT(r->covered_by[0], 3);
			CHECK_INT(r->covered_by[1], 7);
		}
	}
	/* the rows outlive the counter */
	tt_terms_free(t);
	if (r)
		CHECK_STR(r->surface, "fathers");
	free(rows);
}

static void test_order(void)
{
	tt_terms *t = terms_new(3);
	tt_term_row *rows;
	size_t n;
	static const uint32_t th[] = {2};

	/*
	 * Baseline: 100 tokens given, holding "harm" once. Recent: 100
	 * tokens given, with
	 *   harm     8 times, covered by theme 2   G2(8, 1) = 6.198 (largest)
	 *   gangs    3 times, uncovered            G2(3, 0) = 6 ln 2 = 4.159
	 *   knife    2 times, uncovered            G2(2, 0) = 4 ln 2 = 2.773
	 *   vaping   2 times, uncovered            G2(2, 0): a tie, by key
	 * so the order is gang, knife, vape (uncovered, G2 then key), harm.
	 */
	add(t, "harm", 0, 0);
	for (size_t d = 0; d < 4; d++) {
		add_themed(t, "harm", 1, d, th, 1);
		add_themed(t, "harm", 1, d, th, 1);
		if (d < 3)
			add(t, "gangs", 1, d);
		if (d < 2) {
			add(t, "vaping", 1, d);
			add(t, "knife", 1, d);
		}
	}

	tt_terms_rank(t, 100, 100, 1, 0, &rows, &n);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_STR(rows[0].key, "gang");
		CHECK_STR(rows[1].key, "knife");
		CHECK_STR(rows[2].key, "vape");
		CHECK_STR(rows[3].key, "harm");
		CHECK(rows[3].g2 > rows[0].g2);
		CHECK(near(rows[0].g2, 6 * log(2.0)));
		CHECK(near(rows[3].g2, tt_log_likelihood_g2(8, 1, 100, 100)));
		CHECK(near(rows[1].g2, rows[2].g2));
		CHECK_INT(rows[3].ncovered, 1);
	}
	free(rows);
	tt_terms_free(t);
}

static void test_subsumption(void)
{
	tt_terms *t = terms_new(3);
	tt_term_row *rows;
	size_t n;

	/*
	 * Recent: "elective home education" in 3 documents, and "home" once
	 * more on its own ("home visits"). Baseline: "elective home" once
	 * (before a full stop), and unrelated words.
	 *   elect home educ  3 / 0   kept
	 *   elect home       3 / 1   inside it with the same recent count:
	 *                            dropped (it stood alone only before)
	 *   elect            3 / 1   dropped likewise
	 *   home educ        3 / 0   dropped likewise
	 *   educ             3 / 0   dropped likewise
	 *   home             4 / 1   once outside it: kept
	 *   home visit       1 / 0   kept
	 *   visit            1 / 0   inside "home visit": dropped
	 */
	for (size_t d = 0; d < 3; d++)
		add(t, "Elective home education", 1, d);
	add(t, "home visits", 1, 3);
	add(t, "Elective home.", 0, 10);
	add(t, "Unrelated words", 0, 10);

	tt_terms_rank(t, 100, 100, 1, 0, &rows, &n);
	CHECK(row_of(rows, n, "elect home educ") != NULL);
	CHECK(row_of(rows, n, "elect home") == NULL);
	CHECK(row_of(rows, n, "elect") == NULL);
	CHECK(row_of(rows, n, "home educ") == NULL);
	CHECK(row_of(rows, n, "educ") == NULL);
	CHECK(row_of(rows, n, "home") != NULL);
	CHECK(row_of(rows, n, "home visit") != NULL);
	CHECK(row_of(rows, n, "visit") == NULL);
	CHECK_INT(n, 3);
	free(rows);

	/* all of them when asked */
	tt_terms_rank(t, 100, 100, 1, TT_TERMS_KEEP_SUBSUMED, &rows, &n);
	CHECK(row_of(rows, n, "elect") != NULL);
	CHECK(row_of(rows, n, "elect home") != NULL);
	CHECK(row_of(rows, n, "home educ") != NULL);
	CHECK(row_of(rows, n, "educ") != NULL);
	CHECK(row_of(rows, n, "visit") != NULL);
	CHECK_INT(n, 8);
	free(rows);
	tt_terms_free(t);
}

/*
 * The i-th of 18^3 made-up words: "w" and three consonants. With no
 * vowel the stemmer leaves them as they are, so each is its own term.
 */
static void word_of(char *w, size_t size, size_t i)
{
	static const char c[] = "bcdfghjkmnpqrtvwxz";
	snprintf(w, size, "w%c%c%c", c[i / 324 % 18], c[i / 18 % 18], c[i % 18]);
}

/* Thousands of terms and documents: the tables grow and keep them all. */
static void test_growth(void)
{
	tt_terms *t = terms_new(3);
	char w[8];
	size_t nw = 3000;

	for (size_t i = 0; i < nw; i++) {
		word_of(w, sizeof(w), i);
		add(t, w, 1, i);
		add(t, w, 1, i);
	}
	CHECK_INT(tt_terms_count(t), nw);
	CHECK_INT(tt_terms_tokens(t, 1), 2 * nw);
	for (size_t i = 0; i < nw; i++) {
		word_of(w, sizeof(w), i);
		if (freq(t, w, 1) != 2 || docs(t, w, 1) != 1) {
			CHECK_STR(w, "(counted twice in one document)");
			break;
		}
	}
	tt_terms_free(t);
}

static void test_parse_stop_words(void)
{
	static const char text[] =
		"# stop words\n"
		"  The \n"
		"\n"
		"of\r\n"
		"   # indented comment\n"
		"no one\n"
		"last";
	tt_strlist sl = {0};
	tt_terms_parse_stop_words(text, strlen(text), &sl);
	CHECK_INT(sl.n, 4);
	if (sl.n == 4) {
		CHECK_STR(sl.v[0], "the");
		CHECK_STR(sl.v[1], "of");
		CHECK_STR(sl.v[2], "no one");
		CHECK_STR(sl.v[3], "last");
	}
	/* a phrase cannot match one token and is ignored; the rest work */
	tt_terms *t = tt_terms_new(&sl, 3);
	add(t, "The last of the line", 0, 0);
	CHECK_INT(freq(t, "line", 0), 1);
	CHECK_INT(freq(t, "last", 0), 0);
	CHECK_INT(freq(t, "the", 0), 0);
	tt_terms_free(t);
	tt_strlist_release(&sl);
}

int main(void)
{
	st = tt_stemmer_new();
	if (!st) {
		fprintf(stderr, "test_terms: libstemmer has no English stemmer\n");
		return 1;
	}
	TT_RUN(test_stop_words);
	TT_RUN(test_runs_break);
	TT_RUN(test_surface);
	TT_RUN(test_doc_freq);
	TT_RUN(test_rank_stats);
	TT_RUN(test_min_docs);
	TT_RUN(test_covered_by);
	TT_RUN(test_order);
	TT_RUN(test_subsumption);
	TT_RUN(test_growth);
	TT_RUN(test_parse_stop_words);
	tt_stemmer_free(st);
	return TT_DONE();
}
