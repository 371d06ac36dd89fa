/*
 * Unit tests: stop words, content stems, Jaccard, the grouping of
 * uncovered findings and the chaining of recurring recommendations
 * (discover.c), on findings built by hand with the counts worked out in
 * the comments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "discover.h"
#include "test.h"

static char *csv(const tt_table *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	tt_table_write(t, TT_OUT_CSV, f);
	fclose(f);
	return buf;
}

static void test_stoplist(void)
{
	char dir[] = "/tmp/tt-discover-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char path[128];
	snprintf(path, sizeof(path), "%s/stop_words.txt", dir);
	FILE *f = fopen(path, "w");
	fputs("# a comment\nThe\n  of \n\nand\n", f);
	fclose(f);
	tt_stoplist l;
	tt_error e;
	tt_error_init(&e);
	CHECK_INT(tt_stoplist_load(&l, dir, &e), TT_OK);
	CHECK_INT(l.n, 3);
	CHECK(tt_stoplist_has(&l, "the", 3));
	CHECK(tt_stoplist_has(&l, "of", 2));
	CHECK(!tt_stoplist_has(&l, "th", 2));
	CHECK(!tt_stoplist_has(&l, "them", 4));
	tt_stoplist_release(&l);
	remove(path);
	CHECK_INT(tt_stoplist_load(&l, dir, &e), TT_EFAIL);
	CHECK(strstr(e.msg, "stop-word") != NULL);
	tt_error_release(&e);
	rmdir(dir);
}

static void test_stems_and_jaccard(void)
{
	tt_stoplist stop;
	char w0[] = "and", w1[] = "of", w2[] = "the", w3[] = "to";
	char *w[] = {w0, w1, w2, w3};
	stop.w = w;
	stop.n = 4;
	tt_sentence s;
	memset(&s, 0, sizeof(s));
	s.text = strdup("Chronologies of the children to be updated and chronology checked.");
	s.text_len = strlen(s.text);
	tt_stemmer *st = tt_stemmer_new();
	tt_sentence_analyse(&s, st);
	tt_finding f;
	memset(&f, 0, sizeof(f));
	tt_finding_stems(&f, &s, &stop);
	/* Stop words and words under 3 letters ("be") go; "chronologies" and
	 * "chronology" share a stem; sorted. */
	CHECK_INT(f.nstems, 4);
	CHECK_STR(f.stems[0], "check");
	CHECK_STR(f.stems[1], "children");
	CHECK_STR(f.stems[2], "chronolog");
	CHECK_STR(f.surface[2], "chronologies");
	CHECK_STR(f.stems[3], "updat");
	tt_finding_release(&f);
	free(s.text);
	free(s.norm);
	free(s.norm_to_text);
	free(s.tok);
	free(s.stems);
	tt_stemmer_free(st);

	/* {a,b,c} and {b,c,d}: 2 shared of 4. */
	char xa[] = "a", xb[] = "b", xc[] = "c", xd[] = "d";
	char *a[] = {xa, xb, xc}, *b[] = {xb, xc, xd};
	CHECK(tt_stems_jaccard(a, 3, b, 3) == 0.5);
	CHECK(tt_stems_jaccard(a, 0, b, 0) == 0.0);
	CHECK(tt_stems_jaccard(a, 3, a, 3) == 1.0);
}

/* A finding with the given stems (sorted by the caller) and themes. */
static void mk(tt_finding *f, size_t doc, long long sid, const char *text, const char *stems,
	       uint32_t theme)
{
	memset(f, 0, sizeof(*f));
	f->doc = doc;
	f->sentence_id = sid;
	f->text = strdup(text);
	f->signals = 1;
	char *copy = strdup(stems);
	for (char *p = strtok(copy, " "); p; p = strtok(NULL, " ")) {
		f->stems = realloc(f->stems, (f->nstems + 1) * sizeof(char *));
		f->surface = realloc(f->surface, (f->nstems + 1) * sizeof(char *));
		f->stems[f->nstems] = strdup(p);
		f->surface[f->nstems++] = strdup(p);
	}
	free(copy);
	if (theme != UINT32_MAX) {
		f->themes = malloc(sizeof(uint32_t));
		f->themes[0] = theme;
		f->nthemes = 1;
	}
}

static void corpus3(tt_corpus *c)
{
	memset(c, 0, sizeof(*c));
	c->ndocs = 4;
	c->docs = calloc(4, sizeof(*c->docs));
	int years[] = {2015, 2016, 2018, 2016};
	const char *auth[] = {"Castlemere", "Castlemere", "Castlemere", "Ashcombe"};
	for (int i = 0; i < 4; i++) {
		c->docs[i].id = i + 1;
		c->docs[i].year = years[i];
		c->docs[i].authority = auth[i];
		c->docs[i].title = "T";
	}
	c->nthemes = 2;
	c->themes = calloc(2, sizeof(*c->themes));
	c->themes[0].id = "history_chronology";
	c->themes[1].id = "plans_quality";
}

static void test_uncovered(void)
{
	tt_corpus c;
	corpus3(&c);
	tt_finding v[3];
	/* "transport" is in two findings, so both join its group; the third
	 * has only stems of its own: "cover" < "duti" alphabetically. */
	mk(&v[0], 0, 10, "Transport was late.", "late transport", UINT32_MAX);
	mk(&v[1], 2, 30, "Transport was poor.", "poor transport", UINT32_MAX);
	mk(&v[2], 2, 31, "Duty cover was poor.", "cover duti poor", UINT32_MAX);
	tt_table *t = tt_uncovered_table(&c, v, 3, 0);
	char *s = csv(t);
	/* poor (2) ties with transport (2): alphabetical, so v[1] and v[2] go
	 * to "poor", v[0] to "transport". */
	CHECK_STR(s, "group,sentences,documents,years,example,sentence_ids\r\n"
		     "poor,2,1,2018:2,Transport was poor.,30;31\r\n"
		     "transport,1,1,2015:1,Transport was late.,10\r\n");
	free(s);
	tt_table_free(t);
	t = tt_uncovered_table(&c, v, 3, 1);
	s = csv(t);
	CHECK(strstr(s, "group,authority,year,title,section,signals,sentence,sentence_id\r\n") == s);
	CHECK(strstr(s, "poor,Castlemere,2018,T,,negative,Duty cover was poor.,31\r\n") != NULL);
	free(s);
	tt_table_free(t);
	for (int i = 0; i < 3; i++)
		tt_finding_release(&v[i]);
	tt_corpus_release(&c);
}

static void test_recurring(void)
{
	tt_corpus c;
	corpus3(&c);
	tt_finding v[5];
	/* The chronology recommendation in 2015, 2016 and 2018 (Castlemere);
	 * a 2016 Ashcombe one in the same words (another authority); and a
	 * plans one sharing no theme with them. */
	mk(&v[0], 0, 1, "Chronologies to be kept current.", "chronolog current kept manag", 0);
	mk(&v[1], 1, 2, "Chronologies to be up to date.", "chronolog date manag updat", 0);
	mk(&v[2], 2, 3, "Chronologies to be live documents.", "chronolog document live manag", 0);
	mk(&v[3], 3, 4, "Chronologies to be kept current.", "chronolog current kept manag", 0);
	mk(&v[4], 2, 5, "Plans to be kept current.", "current kept manag plan", 1);
	tt_table *t = tt_recurring_table(&c, v, 5, 0.1, 0);
	char *s = csv(t);
	/* One chain, Castlemere only: v[4] shares no theme, v[3] is another
	 * authority. */
	CHECK(strstr(s, "chain,years,authorities,recommendation,year,authority,title,section,"
			"themes,similarity,sentence,sentence_id\r\n") == s);
	CHECK(strstr(s, "1,2015;2016;2018,Castlemere,Chronologies to be kept current.,2015,") != NULL);
	CHECK(strstr(s, ",Chronologies to be live documents.,3\r\n") != NULL);
	CHECK(strstr(s, "Ashcombe") == NULL);
	CHECK(strstr(s, "Plans to be") == NULL);
	free(s);
	tt_table_free(t);
	/* Across authorities the Ashcombe one joins. */
	t = tt_recurring_table(&c, v, 5, 0.1, 1);
	s = csv(t);
	CHECK(strstr(s, "1,2015;2016;2018,Castlemere;Ashcombe,") != NULL);
	free(s);
	tt_table_free(t);
	/* A threshold above every similarity links nothing. */
	t = tt_recurring_table(&c, v, 5, 0.99, 1);
	CHECK_INT(tt_table_nrows(t), 2); /* v[0] and v[3]: identical, different years */
	tt_table_free(t);
	for (int i = 0; i < 5; i++)
		tt_finding_release(&v[i]);
	tt_corpus_release(&c);
}

int main(void)
{
	TT_RUN(test_stoplist);
	TT_RUN(test_stems_and_jaccard);
	TT_RUN(test_uncovered);
	TT_RUN(test_recurring);
	return TT_DONE();
}
