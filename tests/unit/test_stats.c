/*
 * Unit tests: the statistics module against independently computed values.
 *
 * Sources of the reference values:
 *  - Fisher: Fisher's tea-tasting table [[3,1],[1,3]] (two-sided p = 17/35
 *    = 0.4857142857 and greater p = 17/70 = 0.2428571429, as R's
 *    fisher.test prints) and the dieting example [[1,9],[11,3]] (two-sided
 *    p = 0.002759, R; Wikipedia "Fisher's exact test"). The other tables
 *    were enumerated exactly in Python with math.comb and fractions:
 *    every table with the observed margins, the observed one's count
 *    C(r1,x) C(r2,c1-x) compared in integers with R's 1 + 1e-7 tolerance,
 *    the sum divided by C(n,c1) and rounded to a double once.
 *  - Wilson: Newcombe (1998), Statistics in Medicine 17:857-872, Table I,
 *    method 3 (4 decimal places), and the closed-form formula evaluated in
 *    Python with z = 1.959963984540054 for the 17-digit values.
 *  - BH, G2, Log Ratio, Jaccard, lift: worked by hand in the comments.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"
#include "test.h"

static int near(double a, double b, double tol)
{
	return fabs(a - b) <= tol;
}

/* |a - b| <= rel * |b|: for p-values far below 1e-6. */
static int near_rel(double a, double b, double rel)
{
	return fabs(a - b) <= rel * fabs(b);
}

static void test_fisher_textbook(void)
{
	CHECK(near(tt_fisher_two_sided(3, 1, 1, 3), 17.0 / 35, 1e-12));
	CHECK(near(tt_fisher_greater(3, 1, 1, 3), 17.0 / 70, 1e-12));
	/* The mirror table [[1,3],[3,1]] is exactly as likely as the observed
	 * one: only the 1e-7 tolerance keeps it in the two-sided sum whatever
	 * lgamma's rounding does, so the result is the same both ways round. */
	CHECK(near(tt_fisher_two_sided(1, 3, 3, 1), 17.0 / 35, 1e-12));
	CHECK(near(tt_fisher_greater(1, 3, 3, 1), 69.0 / 70, 1e-12));
	/* Dieting example: R gives 0.002759; exact enumeration below. */
	CHECK(near(tt_fisher_two_sided(1, 9, 11, 3), 0.0027594561852200836, 1e-12));
	CHECK(near(tt_fisher_greater(1, 9, 11, 3), 0.99996634809530216, 1e-12));
	/* Python exact enumeration. */
	CHECK(near(tt_fisher_two_sided(10, 2, 3, 15), 0.00053672411914343582, 1e-12));
	CHECK(near(tt_fisher_greater(10, 2, 3, 15), 0.00046518094336290503, 1e-12));
	CHECK(near(tt_fisher_two_sided(2, 7, 8, 2), 0.023014137565221155, 1e-12));
	CHECK(near(tt_fisher_greater(2, 7, 8, 2), 0.9990149169715733, 1e-12));
	CHECK(near(tt_fisher_two_sided(20, 980, 5, 995), 0.0038590206248560925, 1e-12));
	CHECK(near(tt_fisher_greater(20, 980, 5, 995), 0.0019295103124280463, 1e-12));
	/* Transposing the table or swapping both rows and columns keeps the
	 * margins' distribution, so the two-sided p. */
	CHECK(near(tt_fisher_two_sided(10, 3, 2, 15), 0.00053672411914343582, 1e-12));
	CHECK(near(tt_fisher_two_sided(15, 3, 2, 10), 0.00053672411914343582, 1e-12));
}

static void test_fisher_edges(void)
{
	/* [[0,5],[5,0]]: the observed table and its mirror are the two least
	 * likely of C(10,5) = 252 arrangements, 1 each: p = 2/252 = 1/126. */
	CHECK(near(tt_fisher_two_sided(0, 5, 5, 0), 1.0 / 126, 1e-12));
	CHECK(near(tt_fisher_greater(0, 5, 5, 0), 1, 1e-12));
	CHECK(near(tt_fisher_greater(5, 0, 0, 5), 1.0 / 252, 1e-12));
	/* Only one table has these margins: p = 1. */
	CHECK(tt_fisher_two_sided(0, 0, 0, 0) == 1);
	CHECK(tt_fisher_greater(0, 0, 0, 0) == 1);
	CHECK(tt_fisher_two_sided(1, 0, 0, 0) == 1);
	CHECK(tt_fisher_two_sided(0, 1, 0, 0) == 1);
	CHECK(tt_fisher_two_sided(0, 0, 0, 1) == 1);
	CHECK(tt_fisher_two_sided(0, 10, 0, 10) == 1);
	CHECK(tt_fisher_two_sided(7, 0, 3, 0) == 1);
	/* n = 2 on the diagonal: two tables, each 1/2; p = 1. */
	CHECK(near(tt_fisher_two_sided(1, 0, 0, 1), 1, 1e-12));
	CHECK(near(tt_fisher_greater(1, 0, 0, 1), 0.5, 1e-12));
	/* Invalid counts. */
	CHECK(isnan(tt_fisher_two_sided(-1, 2, 3, 4)));
	CHECK(isnan(tt_fisher_greater(1, 2, 3, -4)));
	CHECK(isnan(tt_fisher_two_sided(TT_STATS_COUNT_MAX + 1, 0, 0, 0)));
}

static void test_fisher_huge(void)
{
	/* Python exact enumeration (integers with thousands of digits). */
	double p = tt_fisher_two_sided(5000, 4000, 4500, 4700);
	CHECK(isfinite(p));
	CHECK(near_rel(p, 3.062577442785148e-19, 1e-6));
	CHECK(near_rel(tt_fisher_greater(5000, 4000, 4500, 4700),
		       1.6531727019208943e-19, 1e-6));
	CHECK(near_rel(tt_fisher_two_sided(12000, 11000, 11500, 11800),
		       1.3504898579620494e-09, 1e-6));
	CHECK(near_rel(tt_fisher_greater(12000, 11000, 11500, 11800),
		       7.0376779560407908e-10, 1e-6));
	/* A balanced table is right at the mode: p = 1 (within rounding). */
	CHECK(near(tt_fisher_two_sided(20000, 20000, 20000, 20000), 1, 1e-9));
	/* [[20000,0],[0,20000]]: p = 2 / C(40000,20000), about 1e-12042, so
	 * it underflows to 0 - but cleanly, not to NaN. */
	p = tt_fisher_two_sided(20000, 0, 0, 20000);
	CHECK(p == 0);
	/* The same in the tail that is still representable: [[60,0],[0,60]]
	 * gives 2 / C(120,60) = 2 / 9.66e34 = 2.0706e-35 (C(120,60) =
	 * 96614908840363322603893139521372656 by Python's math.comb). */
	CHECK(near_rel(tt_fisher_two_sided(60, 0, 0, 60),
		       2.0 / 96614908840363322603893139521372656.0, 1e-9));
}

static void test_wilson_newcombe(void)
{
	double lo, hi;
	/* Newcombe (1998) Table I, method 3, to 4 decimal places. */
	tt_wilson(81, 263, TT_Z95, &lo, &hi);
	CHECK(near(lo, 0.2553, 5e-5) && near(hi, 0.3662, 5e-5));
	CHECK(near(lo, 0.25528851987827422, 1e-12));
	CHECK(near(hi, 0.36620957698280004, 1e-12));
	tt_wilson(15, 148, TT_Z95, &lo, &hi);
	CHECK(near(lo, 0.0624, 5e-5) && near(hi, 0.1605, 5e-5));
	CHECK(near(lo, 0.062386399530736297, 1e-12));
	CHECK(near(hi, 0.16048724172330803, 1e-12));
	tt_wilson(0, 20, TT_Z95, &lo, &hi);
	CHECK(lo == 0 && near(hi, 0.1611, 5e-5));
	CHECK(near(hi, 0.16112515805281938, 1e-12));
	tt_wilson(1, 29, TT_Z95, &lo, &hi);
	CHECK(near(lo, 0.0061, 5e-5) && near(hi, 0.1718, 5e-5));
	CHECK(near(lo, 0.0061132142927626532, 1e-12));
	CHECK(near(hi, 0.17175521879320288, 1e-12));
}

static void test_wilson_edges(void)
{
	double lo, hi;
	/* k = 0 and k = n: the open end is exactly 0 or 1, the other end
	 * z^2/(n + z^2) from it (Python formula: 0.2775327998628892 at
	 * n = 10, 0.79345068562276255 at n = 1). */
	tt_wilson(0, 10, TT_Z95, &lo, &hi);
	CHECK(lo == 0);
	CHECK(near(hi, 0.2775327998628892, 1e-12));
	tt_wilson(10, 10, TT_Z95, &lo, &hi);
	CHECK(hi == 1);
	CHECK(near(lo, 0.72246720013711074, 1e-12));
	tt_wilson(1, 1, TT_Z95, &lo, &hi);
	CHECK(hi == 1);
	CHECK(near(lo, 0.20654931437723745, 1e-12));
	tt_wilson(0, 1, TT_Z95, &lo, &hi);
	CHECK(lo == 0);
	CHECK(near(hi, 0.79345068562276255, 1e-12));
	/* 5/10: symmetric about 0.5 (Python formula). */
	tt_wilson(5, 10, TT_Z95, &lo, &hi);
	CHECK(near(lo, 0.236593090512564, 1e-12));
	CHECK(near(hi, 0.76340690948743606, 1e-12));
	CHECK(near(lo + hi, 1, 1e-12));
	/* n = 0: the whole unit interval, by contract. */
	tt_wilson(0, 0, TT_Z95, &lo, &hi);
	CHECK(lo == 0 && hi == 1);
	/* z = 0 collapses the interval to k/n. */
	tt_wilson(3, 12, 0, &lo, &hi);
	CHECK(near(lo, 0.25, 1e-15) && near(hi, 0.25, 1e-15));
	/* A huge n stays inside [0, 1] around k/n. */
	tt_wilson(1, 1000000000000LL, TT_Z95, &lo, &hi);
	CHECK(lo >= 0 && lo <= 1e-12 && hi >= 1e-12 && hi < 1e-11);
	/* Invalid input. */
	tt_wilson(11, 10, TT_Z95, &lo, &hi);
	CHECK(isnan(lo) && isnan(hi));
	tt_wilson(-1, 10, TT_Z95, &lo, &hi);
	CHECK(isnan(lo) && isnan(hi));
	tt_wilson(1, 10, -1, &lo, &hi);
	CHECK(isnan(lo) && isnan(hi));
	tt_wilson(1, 10, NAN, &lo, &hi);
	CHECK(isnan(lo) && isnan(hi));
}

static void test_bh(void)
{
	/*
	 * p = 0.01 0.04 0.03 0.005 NA 0.2, m = 5 (NA not counted).
	 * Ascending: 0.005 0.01 0.03 0.04 0.2 at ranks 1..5;
	 * (m/i) p:   0.025 0.025 0.05 0.05 0.2;
	 * running minimum from rank 5 down: 0.2 0.05 0.05 0.025 0.025.
	 * (What R's p.adjust(c(.01,.04,.03,.005,NA,.2), "BH") prints.)
	 */
	double p[6] = {0.01, 0.04, 0.03, 0.005, NAN, 0.2}, q[6];
	double want[6] = {0.025, 0.05, 0.05, 0.025, NAN, 0.2};
	tt_bh_adjust(p, 6, q);
	for (int i = 0; i < 6; i++) {
		if (i == 4)
			CHECK(isnan(q[i]));
		else
			CHECK(near(q[i], want[i], 1e-15));
	}
	/*
	 * Step-up visible: p = 0.01 0.012 0.05, m = 3: (m/i) p = 0.03 0.018
	 * 0.05; minimum from the top: 0.05, 0.018, min(0.03, 0.018) = 0.018.
	 * Done in place (q is p).
	 */
	double r[3] = {0.01, 0.012, 0.05};
	tt_bh_adjust(r, 3, r);
	CHECK(near(r[0], 0.018, 1e-15));
	CHECK(near(r[1], 0.018, 1e-15));
	CHECK(near(r[2], 0.05, 1e-15));
	/* Ties get equal q: p = 0.02 0.02 0.02 0.5: (m/i) p = 0.08 0.04
	 * 0.0267 0.5 -> 0.5 and, for all three ties, 4/3 * 0.02. */
	double t[4] = {0.02, 0.5, 0.02, 0.02};
	tt_bh_adjust(t, 4, t);
	CHECK(near(t[0], 0.08 / 3, 1e-15));
	CHECK(t[0] == t[2] && t[2] == t[3]);
	CHECK(near(t[1], 0.5, 1e-15));
	/* A single p is its own q; q is capped at 1 (here for p > 1). */
	double one[2] = {0.3, NAN};
	tt_bh_adjust(one, 2, one);
	CHECK(near(one[0], 0.3, 1e-15) && isnan(one[1]));
	double big[2] = {1.5, 0.9};
	tt_bh_adjust(big, 2, big);
	CHECK(big[0] == 1 && near(big[1], 1, 1e-15));
	/* All NaN, and n = 0 (no access at all). */
	double nn[2] = {NAN, NAN};
	tt_bh_adjust(nn, 2, nn);
	CHECK(isnan(nn[0]) && isnan(nn[1]));
	tt_bh_adjust(NULL, 0, NULL);
}

static void test_keyness(void)
{
	/*
	 * a=10, b=2, c=d=1000: E1 = E2 = 1000 * 12 / 2000 = 6;
	 * G2 = 2 (10 ln(10/6) + 2 ln(2/6)) = 2 (5.1082562377 - 2.1972245773)
	 *    = 5.8220633207 (Python: 5.8220633206473744).
	 */
	CHECK(near(tt_log_likelihood_g2(10, 2, 1000, 1000), 5.8220633206473744, 1e-12));
	/* Swapping the corpora leaves G2 unchanged. */
	CHECK(near(tt_log_likelihood_g2(2, 10, 1000, 1000), 5.8220633206473744, 1e-12));
	/* a=10, b=0, c=1000, d=2000: E1 = 10/3; G2 = 2 * 10 ln 3 = 21.9722457734. */
	CHECK(near(tt_log_likelihood_g2(10, 0, 1000, 2000), 20 * log(3.0), 1e-12));
	/* a=100, b=50, c=1e6, d=2e6: E1 = 50, E2 = 100;
	 * G2 = 2 (100 ln 2 + 50 ln 0.5) = 100 ln 2 = 69.3147180560. */
	CHECK(near(tt_log_likelihood_g2(100, 50, 1000000, 2000000), 100 * log(2.0), 1e-9));
	/* Equal relative frequencies, or no occurrences: 0. */
	CHECK(tt_log_likelihood_g2(5, 5, 100, 100) == 0);
	CHECK(tt_log_likelihood_g2(0, 0, 100, 100) == 0);
	/* Large counts (Python formula: 159.0802967472398). */
	CHECK(near(tt_log_likelihood_g2(5000, 4000, 4500000, 4700000), 159.0802967472398, 1e-9));
	CHECK(isnan(tt_log_likelihood_g2(1, 0, 0, 0)));
	CHECK(isnan(tt_log_likelihood_g2(11, 0, 10, 10)));
	CHECK(isnan(tt_log_likelihood_g2(-1, 0, 10, 10)));

	/* Log Ratio: 30/1000 against 10/4000: ratio 0.03 / 0.0025 = 12. */
	CHECK(near(tt_log_ratio(30, 10, 1000, 4000), log2(12.0), 1e-12));
	/* A zero frequency counts as 0.5 (Hardie 2014):
	 * 10/1000 against 0.5/2000 -> 0.01 / 0.00025 = 40 -> 5.3219280949;
	 * 0.5/1000 against 7/2000 -> 1/7 -> -2.8073549221. */
	CHECK(near(tt_log_ratio(10, 0, 1000, 2000), 5.3219280948873626, 1e-12));
	CHECK(near(tt_log_ratio(0, 7, 1000, 2000), -2.8073549220576042, 1e-12));
	CHECK(near(tt_log_ratio(5, 5, 100, 100), 0, 1e-15));
	CHECK(isnan(tt_log_ratio(0, 0, 100, 100)));
	CHECK(isnan(tt_log_ratio(0, 1, 0, 100)));
	CHECK(isnan(tt_log_ratio(2, 1, 1, 100)));
}

static void test_cooccur(void)
{
	/* 3 of 8 units carry both themes, 4 carry each: union 5. */
	CHECK(near(tt_jaccard(3, 4, 4), 0.6, 1e-15));
	CHECK(tt_jaccard(0, 3, 2) == 0);
	CHECK(tt_jaccard(4, 4, 4) == 1);
	CHECK(isnan(tt_jaccard(0, 0, 0)));
	CHECK(isnan(tt_jaccard(3, 2, 4)));
	/* lift = 3 * 8 / (4 * 4) = 1.5; independence 2 * 10 / (4 * 5) = 1. */
	CHECK(near(tt_lift(3, 4, 4, 8), 1.5, 1e-15));
	CHECK(near(tt_lift(2, 4, 5, 10), 1, 1e-15));
	CHECK(tt_lift(0, 4, 5, 10) == 0);
	CHECK(isnan(tt_lift(0, 0, 5, 10)));
	CHECK(isnan(tt_lift(0, 6, 5, 10)));        /* union 11 > n */
	CHECK(isnan(tt_lift(1, 1, 1, -1)));
	/* both=3, a=4, b=4, n=8 is the tea-tasting table [[3,1],[1,3]]. */
	CHECK(near(tt_cooccur_fisher(3, 4, 4, 8), 17.0 / 35, 1e-12));
	CHECK(tt_cooccur_fisher(3, 4, 4, 8) == tt_fisher_two_sided(3, 1, 1, 3));
	CHECK(tt_cooccur_fisher(0, 0, 0, 0) == 1);
	CHECK(isnan(tt_cooccur_fisher(5, 4, 6, 10)));
	CHECK(isnan(tt_cooccur_fisher(0, 6, 5, 10)));
}

int main(void)
{
	TT_RUN(test_fisher_textbook);
	TT_RUN(test_fisher_edges);
	TT_RUN(test_fisher_huge);
	TT_RUN(test_wilson_newcombe);
	TT_RUN(test_wilson_edges);
	TT_RUN(test_bh);
	TT_RUN(test_keyness);
	TT_RUN(test_cooccur);
	return TT_DONE();
}
