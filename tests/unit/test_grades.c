/*
 * Unit tests: grade distributions (grades.h). Every sentence here is
 * written for the test, in the register of audit reports and of Ofsted
 * inspection reports; the expected counts are worked out by hand.
 */
#include <string.h>

#include "grades.h"
#include "test.h"
#include "text.h"

#define P TT_BLOCK_PARAGRAPH
#define L TT_BLOCK_LIST_ITEM
#define T TT_BLOCK_TABLE_ROW
#define H TT_BLOCK_HEADING

typedef struct row {
	int kind;
	const char *text;
} row;

/* Runs the extractor over rows[0..n) into a fresh list l. */
static size_t run(const row *rows, size_t n, tt_grade_list *l)
{
	tt_grade_sentence s[32];
	for (size_t i = 0; i < n && i < 32; i++) {
		s[i].text = rows[i].text;
		s[i].len = strlen(rows[i].text);
		s[i].kind = rows[i].kind;
	}
	tt_grade_list_init(l);
	return tt_grades_extract(s, n, l);
}

/* One paragraph sentence. */
static size_t run1(const char *text, tt_grade_list *l)
{
	row r = {P, text};
	return run(&r, 1, l);
}

#define CHECK_DIST(d, o, g, ri, in, tot)                                     \
	do {                                                                 \
		CHECK_INT((d)->outstanding, o);                              \
		CHECK_INT((d)->good, g);                                     \
		CHECK_INT((d)->requires_improvement, ri);                    \
		CHECK_INT((d)->inadequate, in);                              \
		CHECK_INT((d)->total, tot);                                  \
	} while (0)

static void test_prose_count_first(void)
{
	tt_grade_list l;
	CHECK_INT(run1("Of the 18 files audited, 4 were good, 11 required "
		       "improvement and 3 were inadequate.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 4, 11, 3, 18);
	CHECK_INT(l.v[0].total_stated, 1);
	CHECK_INT(l.v[0].derived, 0);
	CHECK_INT(l.v[0].stated, TT_GRADE_GOOD | TT_GRADE_REQUIRES_IMPROVEMENT |
				 TT_GRADE_INADEQUATE);
	CHECK_INT(l.v[0].first, 0);
	CHECK_INT(l.v[0].last, 0);
	CHECK(l.v[0].label == NULL);
	tt_grade_list_release(&l);
}

/* Number words, elided verbs; no stated total, so total is the sum. */
static void test_prose_number_words(void)
{
	tt_grade_list l;
	CHECK_INT(run1("Three audits were judged outstanding, eight good, five "
		       "requires improvement and two inadequate.", &l), 1);
	CHECK_DIST(&l.v[0], 3, 8, 5, 2, 18);
	CHECK_INT(l.v[0].total_stated, 0);
	tt_grade_list_release(&l);

	/* "a single case", "none" */
	CHECK_INT(run1("A single case was outstanding, twelve were good and "
		       "none of the audited cases was inadequate.", &l), 1);
	CHECK_DIST(&l.v[0], 1, 12, 0, 0, 13);
	CHECK_INT(l.v[0].stated, TT_GRADE_OUTSTANDING | TT_GRADE_GOOD |
				 TT_GRADE_INADEQUATE);
	tt_grade_list_release(&l);
}

static void test_prose_grade_first(void)
{
	tt_grade_list l;
	CHECK_INT(run1("The 14 case audits were graded as follows: Outstanding 2, "
		       "Good 6, Requires Improvement 5, Inadequate 1.", &l), 1);
	CHECK_DIST(&l.v[0], 2, 6, 5, 1, 14);
	CHECK_INT(l.v[0].total_stated, 1);
	tt_grade_list_release(&l);

	CHECK_INT(run1("Recording was rated inadequate in 3 case audits, good in 4 "
		       "and requires improvement in 6.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 4, 6, 3, 13);
	tt_grade_list_release(&l);
}

/* "N out of M", "(8%)" after a count, and the RI spellings. */
static void test_prose_variants(void)
{
	tt_grade_list l;
	CHECK_INT(run1("Seven out of 11 audits were judged good and four as RI.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 7, 4, 0, 11);
	tt_grade_list_release(&l);

	CHECK_INT(run1("Of the 25 audits completed, 2 (8%) were outstanding, 10 (40%) "
		       "were good, 9 (36%) required improvement and 4 (16%) were "
		       "inadequate.", &l), 1);
	CHECK_DIST(&l.v[0], 2, 10, 9, 4, 25);
	tt_grade_list_release(&l);

	CHECK_INT(run1("Of the 9 cases sampled, 2 were graded good and 7 as "
		       "'requires improvement to be good'.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 2, 7, 0, 9);
	tt_grade_list_release(&l);

	CHECK_INT(run1("Five audits were found to be requiring improvement and one "
		       "was inadequate.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 0, 5, 1, 6);
	tt_grade_list_release(&l);

	CHECK_INT(run1("Two of the six audited files were good and four of them "
		       "were judged as requiring improvement.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 2, 4, 0, 6);
	tt_grade_list_release(&l);
}

/* A stated total that the counts do not reach is kept as stated. */
static void test_mismatched_total(void)
{
	tt_grade_list l;
	CHECK_INT(run1("Of the 20 cases audited, 5 were good, 9 required improvement "
		       "and 4 were inadequate.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 5, 9, 4, 20);
	CHECK_INT(l.v[0].total_stated, 1);
	tt_grade_list_release(&l);

	/* and one it overshoots, too */
	CHECK_INT(run1("Of the 6 audits, 4 were good and 3 were inadequate.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 4, 0, 3, 6);
	tt_grade_list_release(&l);
}

/* Shares: counts only when the total is stated and each share is exact. */
static void test_shares(void)
{
	tt_grade_list l;
	CHECK_INT(run1("Overall, 45% of audits were graded good or better.", &l), 0);
	CHECK_INT(run1("Around 60% of the audited cases were good and 40% required "
		       "improvement.", &l), 0);
	/* 33% of 150 fits 49 and 50: not derivable */
	CHECK_INT(run1("Of the 150 audits (n=150), 33% were good and 67% required "
		       "improvement.", &l), 0);
	CHECK_INT(run1("Of the 20 audits, 35% were good and 65% required "
		       "improvement.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 7, 13, 0, 20);
	CHECK_INT(l.v[0].derived, 1);
	tt_grade_list_release(&l);
	CHECK_INT(run1("Most audits (70%) were at least good.", &l), 0);
	tt_grade_list_release(&l);
}

/* Inspection judgements are not audit grade distributions. */
static void test_ofsted_judgements(void)
{
	static const row doc[] = {
		{H, "Inspection of a local authority's children's services"},
		{T, "Judgement | Grade"},
		{T, "The impact of leaders on social work practice with children and families | Good"},
		{T, "The experiences and progress of children in care | Requires improvement to be good"},
		{T, "Overall effectiveness | Requires improvement to be good"},
		{P, "The overall effectiveness of children's services is good."},
		{H, "The experiences and progress of care leavers: inadequate"},
		{P, "Requires improvement to be good"},
		{P, "At the previous inspection in 2017, services were judged "
		    "inadequate, and leadership was judged to require improvement."},
		{P, "The council runs five children's homes: three were judged good "
		    "and two outstanding at their latest Ofsted inspections."},
		{P, "Inspectors sampled 24 cases, of which 6 were inadequate and 12 "
		    "required improvement."},
		{P, "Since 2019, 3 of the 4 judgements have moved from inadequate to good."},
	};
	tt_grade_list l;
	CHECK_INT(run(doc, TT_ARRAY_LEN(doc), &l), 0);
	CHECK_INT(l.n, 0);
	tt_grade_list_release(&l);
}

/* A grade used as an adjective, or with no count, is not a grade count. */
static void test_not_grade_counts(void)
{
	static const char *const none[] = {
		"There was good practice in 3 cases and inadequate recording in 2.",
		"Good evidence of the child's voice was seen in 6 of the 10 cases, "
		"with inadequate plans in 2 cases.",
		"Three cases moved from requires improvement to good.",
		"Audits found 4 cases that were not good and 2 that were outstanding.",
		"Eleven audits were good or outstanding and 3 were below good.",
		"Quality was good in 2016 and inadequate in 2018 across the 12 audits.",
		"Of the 16 audits, 9 were good.",
		"One case was judged inadequate.",
		"Section 11 audits were graded good, and 2 inadequate plans were found.",
		"The audit in Q1 rated 3 cases as good/outstanding and 2 as RI/inadequate.",
	};
	tt_grade_list l;
	for (size_t i = 0; i < TT_ARRAY_LEN(none); i++) {
		size_t got = run1(none[i], &l);
		if (got)
			fprintf(stderr, "unexpected distribution in: %s\n", none[i]);
		CHECK_INT(got, 0);
		tt_grade_list_release(&l);
	}
}

/* One grade can be a distribution when it accounts for the stated total. */
static void test_single_grade_all(void)
{
	tt_grade_list l;
	CHECK_INT(run1("All 6 audits were graded good.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 6, 0, 0, 6);
	CHECK_INT(l.v[0].stated, TT_GRADE_GOOD);
	tt_grade_list_release(&l);
}

static void test_table_down(void)
{
	static const row doc[] = {
		{H, "Grades of the audited cases"},
		{T, "Outstanding | 0"},
		{T, "Good | 6"},
		{T, "Requires improvement (RI) | 7"},
		{T, "Inadequate | 2 | 13%"},
		{T, "Total | 16"},
		{P, "The remaining case was not graded."},
	};
	tt_grade_list l;
	CHECK_INT(run(doc, TT_ARRAY_LEN(doc), &l), 1);
	CHECK_DIST(&l.v[0], 0, 6, 7, 2, 16); /* stated total kept, sum 15 */
	CHECK_INT(l.v[0].total_stated, 1);
	CHECK_INT(l.v[0].stated, 15);
	CHECK_INT(l.v[0].first, 1);
	CHECK_INT(l.v[0].last, 5);
	tt_grade_list_release(&l);
}

static void test_table_columns(void)
{
	/* one distribution per count column, labelled; % column skipped */
	static const row years[] = {
		{T, "Grade | 2018-19 | 2019-20 | % 2019-20"},
		{T, "Good | 5 | 9 | 45%"},
		{T, "Requires improvement | 8 | 9 | 45%"},
		{T, "Inadequate | 3 | 2 | 10%"},
	};
	tt_grade_list l;
	CHECK_INT(run(years, TT_ARRAY_LEN(years), &l), 2);
	CHECK_DIST(&l.v[0], 0, 5, 8, 3, 16);
	CHECK_MEM(l.v[0].label, l.v[0].label_len, "2018-19");
	CHECK_DIST(&l.v[1], 0, 9, 9, 2, 20);
	CHECK_MEM(l.v[1].label, l.v[1].label_len, "2019-20");
	tt_grade_list_release(&l);

	/* a Total column stands for its parts */
	static const row quarters[] = {
		{T, "Judgement | Q1 | Q2 | Total"},
		{T, "Good | 2 | 3 | 5"},
		{T, "Requires improvement | 4 | 1 | 5"},
		{T, "Inadequate | 1 | 0 | 1"},
	};
	CHECK_INT(run(quarters, TT_ARRAY_LEN(quarters), &l), 1);
	CHECK_DIST(&l.v[0], 0, 5, 5, 1, 11);
	CHECK_MEM(l.v[0].label, l.v[0].label_len, "Total");
	tt_grade_list_release(&l);

	/* a grade row lost a cell: which column? nothing */
	static const row holed[] = {
		{T, "Grade | Q1 | Q2"},
		{T, "Good | 2 | 3"},
		{T, "Requires improvement | 4"},
		{T, "Inadequate | 1 | 1"},
	};
	CHECK_INT(run(holed, TT_ARRAY_LEN(holed), &l), 0);
	tt_grade_list_release(&l);
}

static void test_table_across(void)
{
	static const row doc[] = {
		{T, "Quarter | Outstanding | Good | Requires improvement | Inadequate | Total"},
		{T, "Q1 | 1 | 4 | 6 | 2 | 13"},
		{T, "Q2 | 0 | 5 | 5 | 1 | 11"},
		{T, "Q3 | 3 | 4 | 1 | 8"}, /* an empty cell dropped: ambiguous */
		{P, "Figures for the fourth quarter follow."},
		{T, "Outstanding | Good | Requires improvement | Inadequate"},
		{T, "All audits | 1 | 9 | 12 | 3"},
	};
	tt_grade_list l;
	CHECK_INT(run(doc, TT_ARRAY_LEN(doc), &l), 3);
	CHECK_DIST(&l.v[0], 1, 4, 6, 2, 13);
	CHECK_MEM(l.v[0].label, l.v[0].label_len, "Q1");
	CHECK_INT(l.v[0].first, 0);
	CHECK_INT(l.v[0].last, 1);
	CHECK_DIST(&l.v[1], 0, 5, 5, 1, 11);
	CHECK_DIST(&l.v[2], 1, 9, 12, 3, 25);
	CHECK_MEM(l.v[2].label, l.v[2].label_len, "All audits");
	CHECK_INT(l.v[2].total_stated, 0);
	tt_grade_list_release(&l);
}

/* The same distribution in prose and then in a table is reported once. */
static void test_dedupe(void)
{
	static const row same[] = {
		{P, "Of the 13 audits, 2 were outstanding, 6 good, 4 requires "
		    "improvement and 1 inadequate."},
		{T, "Outstanding | 2"},
		{T, "Good | 6"},
		{T, "Requires improvement | 4"},
		{T, "Inadequate | 1"},
	};
	tt_grade_list l;
	CHECK_INT(run(same, TT_ARRAY_LEN(same), &l), 1);
	CHECK_INT(l.v[0].first, 0);
	CHECK_INT(l.v[0].last, 0);
	tt_grade_list_release(&l);

	/* different numbers are two distributions */
	static const row differ[] = {
		{P, "Of the 13 audits, 2 were outstanding, 6 good, 4 requires "
		    "improvement and 1 inadequate."},
		{T, "Outstanding | 1"},
		{T, "Good | 7"},
		{T, "Requires improvement | 4"},
		{T, "Inadequate | 1"},
	};
	CHECK_INT(run(differ, TT_ARRAY_LEN(differ), &l), 2);
	tt_grade_list_release(&l);
}

/* A total lent by a lead-in sentence; counts carried to the next sentence. */
static void test_lists_and_follow_on(void)
{
	static const row list[] = {
		{P, "The 10 multi-agency audits were graded as follows:"},
		{L, "Good: 3"},
		{L, "Requires improvement - 6 cases"},
		{L, "Inadequate: 1"},
		{P, "Themes from the audits are set out below."},
	};
	tt_grade_list l;
	CHECK_INT(run(list, TT_ARRAY_LEN(list), &l), 1);
	CHECK_DIST(&l.v[0], 0, 3, 6, 1, 10);
	CHECK_INT(l.v[0].total_stated, 1);
	CHECK_INT(l.v[0].first, 0);
	CHECK_INT(l.v[0].last, 3);
	tt_grade_list_release(&l);

	static const row follow[] = {
		{P, "Of the 12 audits, 5 were good."},
		{P, "Six required improvement and one was inadequate."},
	};
	CHECK_INT(run(follow, TT_ARRAY_LEN(follow), &l), 1);
	CHECK_DIST(&l.v[0], 0, 5, 6, 1, 12);
	CHECK_INT(l.v[0].last, 1);
	tt_grade_list_release(&l);
}

/* Years, ranges and dates are not counts; a repeated grade starts a new one. */
static void test_numbers_and_repeats(void)
{
	tt_grade_list l;
	CHECK_INT(run1("Of the audits completed in 2019, 4 were good and 2 were "
		       "inadequate.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 4, 0, 2, 6);
	CHECK_INT(l.v[0].total_stated, 0);
	tt_grade_list_release(&l);

	CHECK_INT(run1("In the first quarter, 6 audits were good and 2 inadequate; "
		       "in the second, 4 audits were good and 3 inadequate.", &l), 2);
	if (l.n == 2) {
		CHECK_DIST(&l.v[0], 0, 6, 0, 2, 8);
		CHECK_DIST(&l.v[1], 0, 4, 0, 3, 7);
	}
	tt_grade_list_release(&l);

	/* "Quarter 3", "Level 4", "14 May": labels and dates, not counts */
	CHECK_INT(run1("Audits in Quarter 3 were good and those of Level 4 cases "
		       "inadequate.", &l), 0);
	CHECK_INT(run1("On 14 May 2 audits were good and on 3 June 1 was "
		       "inadequate.", &l), 0);
	tt_grade_list_release(&l);
}

static void test_label(void)
{
	tt_grade_list l;
	CHECK_INT(run1("\xE2\x80\x98Risk assessment\xE2\x80\x99 was judged good in 5 "
		       "audits and inadequate in 2.", &l), 1);
	CHECK_DIST(&l.v[0], 0, 5, 0, 2, 7);
	CHECK_MEM(l.v[0].label, l.v[0].label_len, "Risk assessment");
	tt_grade_list_release(&l);
}

/* Appends to a list that already holds entries; nothing in, nothing out. */
static void test_append_and_empty(void)
{
	tt_grade_list l = TT_GRADE_LIST_INIT;
	CHECK_INT(tt_grades_extract(NULL, 0, &l), 0);
	row r = {P, "Four audits were good and 2 were inadequate."};
	tt_grade_sentence s = {r.text, strlen(r.text), r.kind};
	CHECK_INT(tt_grades_extract(&s, 1, &l), 1);
	CHECK_INT(tt_grades_extract(&s, 1, &l), 1); /* no dedupe across calls */
	CHECK_INT(l.n, 2);
	/* explicit length: the text after len is not read */
	tt_grade_sentence cut = {r.text, strlen("Four audits were good"), P};
	CHECK_INT(tt_grades_extract(&cut, 1, &l), 0);
	tt_grade_list_release(&l);
	CHECK(l.v == NULL);
	CHECK_INT(l.n, 0);
}

int main(void)
{
	TT_RUN(test_prose_count_first);
	TT_RUN(test_prose_number_words);
	TT_RUN(test_prose_grade_first);
	TT_RUN(test_prose_variants);
	TT_RUN(test_mismatched_total);
	TT_RUN(test_shares);
	TT_RUN(test_ofsted_judgements);
	TT_RUN(test_not_grade_counts);
	TT_RUN(test_single_grade_all);
	TT_RUN(test_table_down);
	TT_RUN(test_table_columns);
	TT_RUN(test_table_across);
	TT_RUN(test_dedupe);
	TT_RUN(test_lists_and_follow_on);
	TT_RUN(test_numbers_and_repeats);
	TT_RUN(test_label);
	TT_RUN(test_append_and_empty);
	return TT_DONE();
}
