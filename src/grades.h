/*
 * grades.h - the grade distribution of the cases an audit report audited,
 * read from its sentences: how many were outstanding, good, requires
 * improvement and inadequate, and the total. Pure text in, numbers out: no
 * database, no rules, no allocation the caller has to track beyond the
 * result list.
 *
 * What is read (tt_grades_extract):
 *
 *   prose      counts next to grades in one sentence, count first
 *              ("Of the 15 cases audited, 3 were good, 9 required
 *              improvement and 3 were inadequate", "two cases were judged
 *              outstanding, seven good and one inadequate", "9 out of 10
 *              audits judged good and 1 as RI") or grade first ("graded as
 *              follows: Good 5, Requires Improvement 6, Inadequate 1",
 *              "Inadequate in 2 case audits, good in 7"). Counts are digits,
 *              the words zero..twenty, "none", "no"/"a"/"an"/"a single"
 *              before a case noun; a "(5%)" after a count is skipped. The
 *              sentence must be about cases or audits: it names one (case,
 *              audit, file, EHA), or speaks of grading (judged, graded,
 *              rated, scored, judgement) without naming an inspection,
 *              Ofsted or inspectors.
 *   totals     "of the N", "out of N", "N out of M", "(n=N)", "the N audits",
 *              "all N cases", "N cases were audited", "a total of N",
 *              "N cases, of which": the stated total. A sentence that only
 *              states a total ("The 12 audits were graded as follows:") lends
 *              it to a table or list that follows at once.
 *   follow-on  a sentence with a stated total whose counts fall short of it
 *              takes the counts of the next sentence when those name other
 *              grades and state no other total ("Of the 12 audits, 5 were
 *              good. Six required improvement and one was inadequate.").
 *   lists      consecutive short lines that each hold one grade and one
 *              count ("Good: 5", "Inadequate - 1 case"), with an optional
 *              "Total: 8" line.
 *   tables     (sentences of kind TT_BLOCK_TABLE_ROW, cells split at '|' or
 *              tab, empty cells absent as the segmenter leaves them):
 *              grades down the first column ("Good | 8", "Total | 15"),
 *              one count column, or several under a header row ("Grade |
 *              2016 | 2017": one distribution per count column, labelled by
 *              its header; when one column is headed Total/All/Overall, that
 *              column only; percentage columns skipped); or grades across a
 *              header row ("Type | Outstanding | Good | ...") with one
 *              distribution per data row, labelled by its first cell. Cells
 *              align by position; a row whose cell count does not fit its
 *              header (an empty cell was dropped) is ambiguous and skipped,
 *              and a down table with such a grade row, or with several
 *              count columns and no header, gives nothing.
 *   shares     percentages ("40% were good, 60% required improvement") give
 *              counts only with a stated total, when every percentage
 *              (whole numbers only) fits exactly one count out of that total
 *              (round half up); the result has `derived` set. Otherwise a
 *              sentence of shares gives nothing.
 *
 * What is not a grade count, and gives nothing: a grade with no count
 * (Ofsted's "The overall effectiveness of children's services is good",
 * "Requires improvement to be good", judgement tables "Label | Good");
 * "good or better", "good or outstanding", "good/outstanding", "less than
 * good", "at least good", "not good", "very good", "from RI to good"; a grade
 * word used as an adjective ("good practice in 3 cases", "inadequate
 * assessments"); numbers that are years, ranges (2016-17), dates,
 * decimals, durations ("3 months") or labels ("section 11", "Q1", "Level
 * 3").
 *
 * A distribution needs two or more grades with a count (zero counts as a
 * count when written), or one grade whose count equals the stated total
 * ("All 8 audits were graded good"). So a single count ("one case was
 * inadequate") gives nothing, and a sentence of grades without counts
 * never yields a row of zeros.
 *
 * Totals: `total` is the stated total when the text gives one, even when
 * it disagrees with the sum of the counts ("not applicable" cases, a grade
 * left out, a typo): `total_stated` says so, and the caller compares. With
 * no stated total, `total` is the sum.
 *
 * Duplicates: a report often states one distribution twice, in prose and
 * in a table. A distribution with the same four counts and total as the
 * one emitted just before it, within TT_GRADES_DEDUP_SPAN sentences and
 * with the same label (or either without one), is dropped; the first
 * statement is kept as it is.
 */
#ifndef TT_GRADES_H
#define TT_GRADES_H

#include <stddef.h>

/* Bits of tt_grade_dist.stated. */
enum {
	TT_GRADE_OUTSTANDING = 1,
	TT_GRADE_GOOD = 2,
	TT_GRADE_REQUIRES_IMPROVEMENT = 4,
	TT_GRADE_INADEQUATE = 8
};

/* How far apart (in sentences) a repeated distribution counts as a copy. */
#define TT_GRADES_DEDUP_SPAN 25

/*
 * One sentence of a document, in reading order: its display text (need
 * not be NUL-terminated) and the tt_block_kind of its block.
 */
typedef struct tt_grade_sentence {
	const char *text;
	size_t len;
	int kind; /* a tt_block_kind (text.h) */
} tt_grade_sentence;

typedef struct tt_grade_dist {
	long long outstanding, good, requires_improvement, inadequate;
	long long total;     /* stated total when total_stated, else the sum */
	int total_stated;    /* 1 when the text states the total */
	int derived;         /* 1 when counts come from percentages x total */
	unsigned stated;     /* TT_GRADE_* bits: grades given a count (a 0 in
				an unstated grade means "not mentioned") */
	size_t first, last;  /* evidence: sentence indexes, inclusive */
	const char *label;   /* points into the caller's text: a table row's
				first cell, a count column's header, or a
				sentence's leading quoted name ("'Plans' ...");
				NULL when none */
	size_t label_len;
} tt_grade_dist;

/* A growable result list; TT_GRADE_LIST_INIT or tt_grade_list_init. */
typedef struct tt_grade_list {
	tt_grade_dist *v;
	size_t n, alloc;
} tt_grade_list;

#define TT_GRADE_LIST_INIT {NULL, 0, 0}

void tt_grade_list_init(tt_grade_list *l);
/* Frees the list's array; the labels belong to the caller's text. */
void tt_grade_list_release(tt_grade_list *l);

/*
 * Reads the grade distributions stated in one document's sentences s[0..n)
 * and appends them to `out` in document order (by `first`). Returns the
 * number appended (0 for text that states none). The labels point into
 * s[].text and stay valid as long as that text. Never prints, never fails.
 */
size_t tt_grades_extract(const tt_grade_sentence *s, size_t n,
			 tt_grade_list *out);

#endif
