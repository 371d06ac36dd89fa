/*
 * stats.h - the statistics behind trend and co-occurrence tables: Wilson
 * intervals for proportions, Fisher's exact test on 2x2 tables,
 * Benjamini-Hochberg q-values, keyness (log-likelihood G2 and Log Ratio)
 * and co-occurrence strength (Jaccard, lift).
 *
 * Pure functions: no I/O, no global state of their own, no allocation
 * except the scratch array of tt_bh_adjust (xmalloc, freed before it
 * returns). Counts are long long; a negative count, a count above
 * TT_STATS_COUNT_MAX (so sums of four counts cannot overflow), or a count
 * that is impossible for the other arguments (a subset larger than its
 * set) is invalid input and gives NAN, never an abort. Every function that returns
 * double returns NAN exactly when its value is undefined, as stated at
 * each declaration; callers print NAN as "-" or "NA".
 *
 * The Fisher functions call lgamma(), which on some C libraries (glibc)
 * also writes the global `signgam`; the value they compute does not depend
 * on it.
 */
#ifndef TT_STATS_H
#define TT_STATS_H

#include <limits.h>
#include <stddef.h>

/* The largest count any function here accepts. */
#define TT_STATS_COUNT_MAX (LLONG_MAX / 4)

/* z for a two-sided 95% interval: the 0.975 quantile of N(0, 1). */
#define TT_Z95 1.959963984540054

/*
 * Wilson score interval for k successes in n trials at normal quantile z
 * (TT_Z95 for 95%), stored in *lo and *hi, 0 <= *lo <= k/n <= *hi <= 1:
 *
 *   centre = (k/n + z^2/2n) / (1 + z^2/n)
 *   half   = z sqrt(k/n (1 - k/n) / n + z^2/4n^2) / (1 + z^2/n)
 *
 * (Wilson 1927; method 3 of Newcombe 1998). Edge cases:
 *
 *   k == 0      *lo is exactly 0
 *   k == n      *hi is exactly 1
 *   n == 0      no information: *lo = 0, *hi = 1 (not NAN, so tables
 *               print a full-width interval)
 *   invalid     k < 0, n < 0, k > n, or z negative or not finite:
 *               *lo = *hi = NAN
 */
void tt_wilson(long long k, long long n, double z, double *lo, double *hi);

/*
 * Fisher's exact test on the 2x2 table
 *
 *            col 1   col 2
 *   row 1      a       b
 *   row 2      c       d
 *
 * conditioned on its margins (hypergeometric distribution of the top-left
 * cell). Probabilities come from lgamma() in log space, scaled by the most
 * likely table before exponentiating, so counts into the tens of thousands
 * neither overflow nor lose the tail; time is linear in the smaller margin.
 * The result is clamped to [0, 1]. An all-zero table, or any table with a
 * zero margin, has only one possible table and gives 1. A p-value below
 * the smallest double underflows to 0. NAN on invalid input.
 *
 * tt_fisher_two_sided: the sum of the probabilities of all tables with
 * these margins that are no more likely than the observed one, with a
 * relative tolerance of 1e-7 so tables tied with it in exact arithmetic
 * count despite rounding (as R's fisher.test).
 *
 * tt_fisher_greater: one-sided, P(top-left cell >= a): small when a is
 * larger than independence predicts (odds ratio > 1; R's
 * alternative = "greater").
 */
double tt_fisher_two_sided(long long a, long long b, long long c, long long d);
double tt_fisher_greater(long long a, long long b, long long c, long long d);

/*
 * Benjamini-Hochberg adjusted p-values (q-values) for the n p-values p[],
 * into q[] (which may be the same array as p): the step-up procedure of R's
 * p.adjust(p, method = "BH"). With m the number of non-NAN p, and the
 * non-NAN p ranked 1..m in increasing order,
 *
 *   q(rank i) = min over j >= i of (m / j) * p(rank j), capped at 1
 *
 * so q is monotone in p and q >= p. Tied p get equal q. NAN in p gives NAN
 * in q at the same place and does not count in m. n == 0 does nothing.
 */
void tt_bh_adjust(const double *p, size_t n, double *q);

/*
 * Keyness of a term with frequency a in corpus 1 of c tokens and b in
 * corpus 2 of d tokens (so a <= c, b <= d).
 *
 * tt_log_likelihood_g2: Dunning's log-likelihood in the two-term form of
 * Rayson & Garside (2000), as used by the Lancaster UCREL log-likelihood
 * calculator:
 *
 *   E1 = c (a + b) / (c + d)     E2 = d (a + b) / (c + d)
 *   G2 = 2 (a ln(a / E1) + b ln(b / E2))     with 0 ln 0 = 0
 *
 * G2 >= 0 (rounding below 0 is returned as 0) and carries no sign: compare
 * a/c with b/d for the direction. a == b == 0 gives 0. NAN when c + d == 0
 * or the input is invalid (negative, a > c or b > d).
 *
 * tt_log_ratio: Hardie's (2014) Log Ratio, log2((a / c) / (b / d)): each
 * point is a doubling of relative frequency, positive when the term is
 * more frequent in corpus 1. As Hardie suggests, a zero frequency is
 * replaced by 0.5 so a term absent from one corpus gets a finite,
 * conservative value. NAN when a == b == 0 (no evidence either way),
 * when c or d is 0, or the input is invalid.
 */
double tt_log_likelihood_g2(long long a, long long b, long long c, long long d);
double tt_log_ratio(long long a, long long b, long long c, long long d);

/*
 * Co-occurrence of two themes over n units (documents or sentences): `a`
 * units carry theme A, `b` carry theme B, `both` carry both. Valid input
 * has 0 <= both <= a, 0 <= both <= b and, where n is given,
 * a + b - both <= n; anything else gives NAN.
 *
 * tt_jaccard:        both / (a + b - both); NAN when a == b == 0.
 * tt_lift:           both * n / (a * b), 1 under independence; NAN when a
 *                    or b is 0.
 * tt_cooccur_fisher: two-sided Fisher p for the table
 *                    [[both, a - both], [b - both, n - a - b + both]].
 */
double tt_jaccard(long long both, long long a, long long b);
double tt_lift(long long both, long long a, long long b, long long n);
double tt_cooccur_fisher(long long both, long long a, long long b, long long n);

#endif
