/*
 * Unit tests: the evaluation metrics, on hand-made masks with counts
 * worked out by hand (see each comment), and Cohen's kappa against the
 * textbook example of Cohen (1960) as given in most statistics texts:
 * two raters, 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no ->
 * po = 0.70, pe = 0.50, kappa = 0.40.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "test.h"

static int near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

static void test_kappa_textbook(void)
{
	int a[50], b[50], n = 0;
	for (int i = 0; i < 20; i++, n++) a[n] = 1, b[n] = 1;
	for (int i = 0; i < 5; i++, n++) a[n] = 1, b[n] = 0;
	for (int i = 0; i < 10; i++, n++) a[n] = 0, b[n] = 1;
	for (int i = 0; i < 15; i++, n++) a[n] = 0, b[n] = 0;
	CHECK(near(tt_cohen_kappa(a, b, 50, 2), 0.4));
	/* Perfect agreement on two categories is 1; one category only is undefined. */
	CHECK(near(tt_cohen_kappa(a, a, 50, 2), 1.0));
	int z[3] = {0, 0, 0};
	CHECK(isnan(tt_cohen_kappa(z, z, 3, 2)));
}

static void test_prf(void)
{
	tt_prf c = {8, 2, 4};
	CHECK(near(tt_prf_precision(&c), 0.8));
	CHECK(near(tt_prf_recall(&c), 8.0 / 12.0));
	CHECK(near(tt_prf_f1(&c), 16.0 / 22.0));
	tt_prf z = {0, 0, 0};
	CHECK(isnan(tt_prf_f1(&z)));
}

/* Two themes, A and B, hand-built (bit 0 concern, 1 strength, 2 mention). */
static void test_score(void)
{
	tt_eval e;
	memset(&e, 0, sizeof(e));
	e.ntheme = 2;
	e.theme = calloc(2, sizeof(char *));
	e.theme[0] = strdup("a");
	e.theme[1] = strdup("b");
	tt_eval_unit *u;
	u = tt_eval_add(&e, "1", "x"); u->gold[0] = 1; u->pred[0] = 1; /* A concern hit */
	u = tt_eval_add(&e, "2", "x"); u->gold[0] = 1; u->pred[0] = 2; /* A wrong polarity */
	u = tt_eval_add(&e, "3", "x"); u->gold[0] = 0; u->pred[0] = 4; /* A false positive */
	u = tt_eval_add(&e, "4", "x"); u->gold[1] = 3; u->pred[1] = 1; /* B mixed, half found */
	u = tt_eval_add(&e, "5", "x");                                  /* nothing */
	tt_eval_result r;
	tt_eval_score(&e, &r);
	/* A detection: tp 2 (units 1, 2), fp 1 (unit 3), fn 0. */
	CHECK_INT(r.theme[0].det.tp, 2);
	CHECK_INT(r.theme[0].det.fp, 1);
	CHECK_INT(r.theme[0].det.fn, 0);
	/* A polarity: tp 1, fp 2 (strength on 2, mention on 3), fn 1. */
	CHECK_INT(r.theme[0].pol.tp, 1);
	CHECK_INT(r.theme[0].pol.fp, 2);
	CHECK_INT(r.theme[0].pol.fn, 1);
	/* B: detection tp 1; polarity tp 1, fn 1. */
	CHECK_INT(r.theme[1].det.tp, 1);
	CHECK_INT(r.theme[1].pol.tp, 1);
	CHECK_INT(r.theme[1].pol.fn, 1);
	/* Micro polarity: tp 2, fp 2, fn 2 -> F1 0.5. */
	CHECK(near(tt_prf_f1(&r.pol), 0.5));
	/* Macro polarity F1: A 2/(2+3) = 0.4, B 2/3 -> mean 8/15. */
	CHECK(near(r.macro_pol_f1, (0.4 + 2.0 / 3.0) / 2));
	/* Confusion: gold concern -> pred strength once; none -> mention once;
	 * gold strength (unit 4) -> none once; diagonal concern twice. */
	CHECK_INT(r.confusion[1][2], 1);
	CHECK_INT(r.confusion[0][3], 1);
	CHECK_INT(r.confusion[2][0], 1);
	CHECK_INT(r.confusion[1][1], 2);
	/* Kappa for A over categories: gold (c,c,n,n,n) pred (c,s,m,n,n):
	 * po = 3/5; pe = (2*1 + 3*2)/25 = 8/25 -> kappa = (15-8)/17. */
	CHECK(near(r.theme[0].kappa, (0.6 - 8.0 / 25) / (1 - 8.0 / 25)));
	tt_eval_result_release(&r);
	tt_eval_release(&e);
}

int main(void)
{
	TT_RUN(test_kappa_textbook);
	TT_RUN(test_prf);
	TT_RUN(test_score);
	return TT_DONE();
}
