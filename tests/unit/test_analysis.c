/*
 * Unit tests: periods, filters and actor keys (corpus.c); the FTS
 * prefilter and the pattern search (search.c); trend, compare and
 * co-occurrence (analysis.c) on a small corpus built by hand, with every
 * expected count worked out in the comments. The statistics themselves
 * are tested against published values in test_stats.c; here a p-value is
 * checked against the same hand-worked tables.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "search.h"
#include "stats.h"
#include "test.h"

static int near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

static void test_period(void)
{
	tt_period p;
	tt_error e;
	tt_error_init(&e);
	CHECK_INT(tt_period_parse(&p, "2016", &e), TT_OK);
	CHECK_INT(p.n, 1);
	CHECK_INT(p.years[0], 2016);
	tt_period_release(&p);

	CHECK_INT(tt_period_parse(&p, "2015..2017", &e), TT_OK);
	CHECK_INT(p.n, 3);
	CHECK_INT(p.years[2], 2017);
	CHECK(tt_period_has(&p, 2016));
	CHECK(!tt_period_has(&p, 2018));
	tt_period_release(&p);

	/* Lists are sorted and deduplicated; spaces after commas are fine. */
	CHECK_INT(tt_period_parse(&p, "2018, 2015,2016..2018", &e), TT_OK);
	CHECK_INT(p.n, 4);
	CHECK_INT(p.years[0], 2015);
	CHECK_INT(p.years[3], 2018);
	CHECK_STR(p.text, "2018, 2015,2016..2018");
	tt_period_release(&p);

	const char *bad[] = {"", "16", "2017..2015", "2015;2016", "abc", "2015..", "20155",
			     "1850", "2015,", "2016-17"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		tt_error_release(&e);
		tt_error_init(&e);
		CHECK_INT(tt_period_parse(&p, bad[i], &e), TT_EINPUT);
		CHECK_INT(p.n, 0);
		CHECK(strstr(e.msg, "period") != NULL);
	}
	tt_error_release(&e);
}

static void test_actor_key(void)
{
	char *k = tt_actor_key("the GP");
	CHECK_STR(k, "gp");
	free(k);
	k = tt_actor_key("  Health \t Visitor ");
	CHECK_STR(k, "health visitor");
	free(k);
	k = tt_actor_key("The");
	CHECK_STR(k, "the");
	free(k);
	k = tt_actor_key("");
	CHECK_STR(k, "");
	free(k);
}

static void check_fts(const char *re, const char *want)
{
	char *got = tt_search_fts_query(re);
	if (!want)
		CHECK(got == NULL);
	else
		CHECK_STR(got, want);
	free(got);
}

static void test_fts_query(void)
{
	check_fts("\\bfather\\b", "\"father\"");
	check_fts("\\bnot\\b \\bseen\\b", "\"not\" \"seen\"");
	check_fts("\\bhome\\b \\beducat\\w*", "\"home\"");
	/* Nothing is required: an alternation at the top, or the word optional. */
	check_fts("\\bfather\\b|\\bdad\\b", NULL);
	check_fts("(?:\\bfather\\b)?", NULL);
	check_fts("(\\bfather\\b)", NULL);
	check_fts("\\bfathers?\\b", NULL);
	check_fts("\\bdad\\b?", NULL);
	check_fts("\\bdad\\b*", NULL);
	/* Not a whole word: the index would not hold it as a token. */
	check_fts("father", NULL);
	check_fts("\\bfather", NULL);
	/* An escaped backslash, a class, quoting and extended mode. */
	check_fts("\\\\bfoo\\b", NULL);
	check_fts("[\\b]foo\\b", NULL);
	check_fts("\\Q\\bfoo\\b\\E", NULL);
	check_fts("(?x) \\bfoo\\b", NULL);
	/* A bar inside a group or a class leaves the top-level words required. */
	check_fts("\\bchild\\b (?:was|were) \\bseen\\b", "\"child\" \"seen\"");
	check_fts("[|]\\bplan\\b", "\"plan\"");
}

static void test_search(void)
{
	tt_search *s;
	tt_error e;
	size_t ms, me;
	tt_error_init(&e);
	CHECK_INT(tt_search_new(&s, "fath(er", &e), TT_EINPUT);
	CHECK(s == NULL);
	CHECK_INT(e.col, 8);
	tt_error_release(&e);
	tt_error_init(&e);
	CHECK_INT(tt_search_new(&s, "x*", &e), TT_EINPUT);
	CHECK(strstr(e.msg, "empty string") != NULL);
	tt_error_release(&e);
	tt_error_init(&e);
	/* Caseless by default, Unicode-aware word boundaries. */
	CHECK_INT(tt_search_new(&s, "\\bDAD\\b", &e), TT_OK);
	const char *t = "Her dad and the café's dads.";
	CHECK_INT(tt_search_next(s, t, strlen(t), 0, &ms, &me), 1);
	CHECK_INT(ms, 4);
	CHECK_INT(me, 7);
	CHECK_INT(tt_search_next(s, t, strlen(t), me, &ms, &me), 0);
	tt_search_free(s);
	CHECK_INT(tt_search_new(&s, "caf\\b", &e), TT_OK);
	CHECK_INT(tt_search_next(s, t, strlen(t), 0, &ms, &me), 0);
	tt_search_free(s);
	tt_error_release(&e);
}

/*
 * The hand-built corpus: themes A and B (B in group g); 2015: docs 0-3,
 * 2016: none, 2017: docs 4-7, and doc 8 with no year.
 *   A: docs 0, 1 (2015), 4, 5, 6, 7 (2017); doc 0 has it in two sentences
 *      (hits 2 and 1), doc 8 too (hits 1).
 *   B: docs 4, 5 (2017) only, in the same sentences as A there.
 * Words: 1000 per document.
 */
static void build(tt_corpus *c)
{
	memset(c, 0, sizeof(*c));
	c->run = 1;
	c->ndocs = 9;
	c->docs = calloc(c->ndocs, sizeof(*c->docs));
	for (size_t i = 0; i < c->ndocs; i++) {
		c->docs[i].id = (long long)i + 1;
		c->docs[i].year = i < 4 ? 2015 : i < 8 ? 2017 : 0;
		c->docs[i].authority = i % 2 ? "Castlemere" : "Northmoor";
		c->docs[i].words = 1000;
		c->docs[i].sentences = 10;
	}
	c->nthemes = 2;
	c->themes = calloc(2, sizeof(*c->themes));
	c->themes[0].id = "A";
	c->themes[1].id = "B";
	c->themes[1].groups = "g,h";
	struct { uint32_t doc, theme; long long sent, hits; } f[] = {
		{0, 0, 1, 2}, {0, 0, 2, 1}, {1, 0, 11, 1}, {4, 0, 41, 1}, {4, 1, 41, 1},
		{5, 0, 51, 1}, {5, 1, 51, 3}, {6, 0, 61, 1}, {7, 0, 71, 1}, {8, 0, 81, 1}};
	c->nfacts = sizeof(f) / sizeof(f[0]);
	c->facts = calloc(c->nfacts, sizeof(*c->facts));
	for (size_t i = 0; i < c->nfacts; i++) {
		c->facts[i].doc = f[i].doc;
		c->facts[i].theme = f[i].theme;
		c->facts[i].sentence = f[i].sent;
		c->facts[i].hits = f[i].hits;
		c->facts[i].actor = -1;
	}
}

/* Writes t as CSV into a string (caller frees). */
static char *csv(const tt_table *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tt_table_write(t, TT_OUT_CSV, f);
	fclose(f);
	return buf;
}

static void test_trend(void)
{
	tt_corpus c;
	tt_filter f;
	build(&c);
	tt_filter_init(&f);
	f.polarity = 0;
	tt_table *t = tt_trend(&c, &f, TT_BY_YEAR, 0);
	char *s = csv(t);
	/*
	 * A in 2015: 2 of 4 documents, Wilson 95% (z = 1.96) for 2/4 is
	 * 0.150 to 0.850; hits 2 + 1 + 1 = 4 over 4000 words = 10 per 10k.
	 * 2016 has no documents: shares empty, kept so the years line up.
	 * 2017: 4 of 4, Wilson 0.510 to 1; unknown: 1 of 1, 0.207 to 1.
	 */
	CHECK_STR(s,
		  "theme,polarity,group,docs_with,docs_total,share,ci_low,ci_high,hits,"
		  "hits_per_10k_words\r\n"
		  "A,concern,2015,2,4,0.500,0.150,0.850,4,10.00\r\n"
		  "A,concern,2016,0,0,,,,0,\r\n"
		  "A,concern,2017,4,4,1.000,0.510,1.000,4,10.00\r\n"
		  "A,concern,unknown,1,1,1.000,0.207,1.000,1,10.00\r\n"
		  "B,concern,2015,0,4,0.000,0.000,0.490,0,0.00\r\n"
		  "B,concern,2016,0,0,,,,0,\r\n"
		  "B,concern,2017,2,4,0.500,0.150,0.850,4,10.00\r\n"
		  "B,concern,unknown,0,1,0.000,0.000,0.793,0,0.00\r\n");
	free(s);
	tt_table_free(t);

	/* A year filter fixes the groups (2014 has no documents), a theme
	 * filter the rows. */
	tt_error e;
	tt_error_init(&e);
	CHECK_INT(tt_period_parse(&f.years, "2014,2017", &e), TT_OK);
	f.themes = malloc(sizeof(char *));
	f.themes[0] = strdup("B");
	f.nthemes = 1;
	t = tt_trend(&c, &f, TT_BY_YEAR, 0);
	s = csv(t);
	CHECK(strstr(s, "B,concern,2014,0,0,,,,0,\r\nB,concern,2017,2,4,") != NULL);
	CHECK(strstr(s, "A,") == NULL);
	free(s);
	tt_table_free(t);

	/* By authority: Castlemere holds the odd documents 1, 3, 5, 7. */
	t = tt_trend(&c, &f, TT_BY_AUTHORITY, 0);
	s = csv(t);
	CHECK(strstr(s, "B,concern,Castlemere,1,4,0.250,") != NULL);
	CHECK(strstr(s, "B,concern,Northmoor,1,5,0.200,") != NULL);
	free(s);
	tt_table_free(t);
	tt_filter_release(&f);
	tt_error_release(&e);

	/* --top 1: A is in 7 documents, B in 2, so A alone, first. */
	tt_filter_init(&f);
	t = tt_trend(&c, &f, TT_BY_YEAR, 1);
	s = csv(t);
	CHECK(strstr(s, "\nA,any,2015,") != NULL);
	CHECK(strstr(s, "\nB,") == NULL);
	free(s);
	tt_table_free(t);
	tt_filter_release(&f);
	tt_corpus_release(&c);
}

static void test_compare(void)
{
	tt_corpus c;
	tt_filter f;
	tt_period a, b;
	tt_error e;
	build(&c);
	tt_filter_init(&f);
	tt_error_init(&e);
	CHECK_INT(tt_period_parse(&a, "2015", &e), TT_OK);
	CHECK_INT(tt_period_parse(&b, "2016..2017", &e), TT_OK);
	CHECK_INT(tt_corpus_count_in(&c, &a), 4);
	CHECK_INT(tt_corpus_count_in(&c, &b), 4);
	tt_table *t = tt_compare(&c, &f, &a, &b);
	char *s = csv(t);
	/*
	 * A: 2/4 against 4/4, Fisher two-sided on [[2,2],[4,0]]: the tables
	 * with these margins have x = 2, 3, 4 with probabilities 3/7, 16/35
	 * ... P(x=2) = C(6,2)C(2,2)/C(8,4) = 15/70, P(x=4) = 15/70, P(x=3) =
	 * 40/70, so p = 30/70 = 0.4286. B: 0/4 against 2/4, new, p = 0.4286
	 * too (the same table mirrored). q (BH over 2): both 0.4286. Equal q:
	 * the larger |diff| first (A 0.5 = B 0.5: then theme order).
	 */
	CHECK_STR(s,
		  "theme,polarity,docs_a,total_a,share_a,docs_b,total_b,share_b,diff,p_value,"
		  "q_value,direction\r\n"
		  "A,any,2,4,0.500,4,4,1.000,0.500,0.4286,0.4286,flat\r\n"
		  "B,any,0,4,0.000,2,4,0.500,0.500,0.4286,0.4286,new\r\n");
	CHECK(near(tt_fisher_two_sided(2, 2, 4, 0), 30.0 / 70.0));
	free(s);
	tt_table_free(t);
	tt_period_release(&a);
	tt_period_release(&b);
	tt_error_release(&e);
	tt_filter_release(&f);
	tt_corpus_release(&c);
}

static void test_cooccur(void)
{
	tt_corpus c;
	tt_filter f;
	build(&c);
	tt_filter_init(&f);
	/*
	 * Documents: A in 7 (0, 1, 4-8), B in 2 (4, 5), both in 2, of 9.
	 * Jaccard 2 / (7 + 2 - 2) = 0.286; lift 2 * 9 / (7 * 2) = 1.29;
	 * Fisher on [[2,5],[0,2]]: p = 1 (B cannot avoid A by much).
	 */
	tt_table *t = tt_cooccur(&c, &f, TT_LEVEL_DOCUMENT);
	char *s = csv(t);
	CHECK_STR(s, "theme_a,theme_b,both,units_a,units_b,units,jaccard,lift,p_value,q_value\r\n"
		     "A,B,2,7,2,9,0.286,1.29,1,1\r\n");
	free(s);
	tt_table_free(t);
	/* Sentences: 90 in all; A in 8 sentences, B in 2, both in 2. */
	t = tt_cooccur(&c, &f, TT_LEVEL_SENTENCE);
	s = csv(t);
	CHECK(strncmp(s + strlen("theme_a,theme_b,both,units_a,units_b,units,jaccard,lift,"
				 "p_value,q_value\r\n"), "A,B,2,8,2,90,0.250,11.25,", 25) == 0);
	free(s);
	tt_table_free(t);
	tt_filter_release(&f);
	tt_corpus_release(&c);
}

static void test_expand_themes(void)
{
	tt_corpus c;
	tt_filter f;
	tt_error e;
	build(&c);
	tt_filter_init(&f);
	tt_error_init(&e);
	f.themes = malloc(3 * sizeof(char *));
	f.themes[0] = strdup("h");
	f.themes[1] = strdup("A");
	f.themes[2] = strdup("B");
	f.nthemes = 3;
	CHECK_INT(tt_corpus_expand_themes(&c, &f, &e), TT_OK);
	CHECK_INT(f.nthemes, 2);
	CHECK_STR(f.themes[0], "B");
	CHECK_STR(f.themes[1], "A");
	tt_filter_release(&f);
	tt_filter_init(&f);
	f.themes = malloc(sizeof(char *));
	f.themes[0] = strdup("gg");
	f.nthemes = 1;
	CHECK_INT(tt_corpus_expand_themes(&c, &f, &e), TT_EINPUT);
	CHECK(strstr(e.msg, "unknown theme or group 'gg'") != NULL);
	tt_filter_release(&f);
	tt_error_release(&e);
	tt_corpus_release(&c);
}

int main(void)
{
	TT_RUN(test_period);
	TT_RUN(test_actor_key);
	TT_RUN(test_fts_query);
	TT_RUN(test_search);
	TT_RUN(test_trend);
	TT_RUN(test_compare);
	TT_RUN(test_cooccur);
	TT_RUN(test_expand_themes);
	return TT_DONE();
}
