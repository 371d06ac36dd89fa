/* stats.c - Wilson intervals, Fisher's exact test, BH, keyness, co-occurrence. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>

#include "util.h"
#include "banned.h"

/* R's fisher.test: a table "no more likely" than the observed one may be
 * up to this factor more likely, to absorb rounding in tied tables. */
#define FISHER_REL_ERR 1e-7

static int count_ok(long long x)
{
	return x >= 0 && x <= TT_STATS_COUNT_MAX;
}

void tt_wilson(long long k, long long n, double z, double *lo, double *hi)
{
	if (!count_ok(k) || !count_ok(n) || k > n || !isfinite(z) || z < 0) {
		*lo = *hi = NAN;
		return;
	}
	if (n == 0) {
		*lo = 0;
		*hi = 1;
		return;
	}
	double nn = (double)n, p = (double)k / nn, z2 = z * z;
	double den = 1 + z2 / nn;
	double centre = (p + z2 / (2 * nn)) / den;
	double half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / den;
	/* The formula's ends are 0 and 1 at k == 0 and k == n in exact
	 * arithmetic; pin them, and keep rounding from excluding k/n. */
	*lo = k == 0 ? 0 : fmax(0, fmin(centre - half, p));
	*hi = k == n ? 1 : fmin(1, fmax(centre + half, p));
}

/* log C(n, k), for 0 <= k <= n. */
static double lchoose(double n, double k)
{
	return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
}

/*
 * Fisher's test on [[a, b], [c, d]]: the top-left cell x of a table with
 * these margins is hypergeometric on [lo, hi], P(x) proportional to
 * C(r1, x) C(r2, c1 - x). The sum over the whole support is scaled by the
 * mode's term (the largest, so the sum is in [1, hi - lo + 1]); the sum
 * over the tail is scaled by the largest term it can hold, so a tiny
 * p-value is not lost to underflow before the final division.
 */
static double fisher(long long a, long long b, long long c, long long d,
		     int two_sided)
{
	if (!count_ok(a) || !count_ok(b) || !count_ok(c) || !count_ok(d))
		return NAN;
	long long r1 = a + b, r2 = c + d, c1 = a + c, n = r1 + r2;
	long long lo = c1 > r2 ? c1 - r2 : 0, hi = r1 < c1 ? r1 : c1;
	if (lo == hi)
		return 1;

	double mode = floor(((double)r1 + 1) * ((double)c1 + 1) / ((double)n + 2));
	mode = fmin(fmax(mode, (double)lo), (double)hi);
	double lmode = lchoose((double)r1, mode) + lchoose((double)r2, (double)c1 - mode);
	double lobs = lchoose((double)r1, (double)a) + lchoose((double)r2, (double)c);
	/* Two-sided tail terms are all <= the observed one; the upper tail
	 * holds the mode when a <= mode, else decreases from a. */
	double ltail = two_sided ? lobs : fmax(lobs, lmode);
	double cut = lobs + log1p(FISHER_REL_ERR);
	double total = 0, tail = 0;

	for (long long x = lo; x <= hi; x++) {
		double l = lchoose((double)r1, (double)x) +
			   lchoose((double)r2, (double)(c1 - x));
		total += exp(l - lmode);
		if (two_sided ? l <= cut : x >= a)
			tail += exp(l - ltail);
	}
	if (tail <= 0)
		return 0;
	double p = exp(ltail - lmode + log(tail) - log(total));
	return fmin(1, fmax(0, p));
}

double tt_fisher_two_sided(long long a, long long b, long long c, long long d)
{
	return fisher(a, b, c, d, 1);
}

double tt_fisher_greater(long long a, long long b, long long c, long long d)
{
	return fisher(a, b, c, d, 0);
}

typedef struct bh_item {
	double p;
	size_t i;          /* index in the caller's array */
} bh_item;

static int bh_cmp(const void *x, const void *y)
{
	double p = ((const bh_item *)x)->p, q = ((const bh_item *)y)->p;
	return (p > q) - (p < q);
}

void tt_bh_adjust(const double *p, size_t n, double *q)
{
	if (n == 0)
		return;
	bh_item *it = xmalloc(n * sizeof(*it));
	size_t m = 0;
	/* Read every p before writing any q: q may be p. */
	for (size_t i = 0; i < n; i++) {
		if (isnan(p[i]))
			continue;
		it[m].p = p[i];
		it[m].i = i;
		m++;
	}
	for (size_t i = 0; i < n; i++)
		if (isnan(p[i]))
			q[i] = NAN;
	qsort(it, m, sizeof(*it), bh_cmp);
	/* Step up from the largest p; starting at 1 applies R's pmin(1, .). */
	double run = 1;
	for (size_t j = m; j > 0; j--) {
		double v = (double)m / (double)j * it[j - 1].p;
		if (v < run)
			run = v;
		q[it[j - 1].i] = run;
	}
	free(it);
}

static int keyness_ok(long long a, long long b, long long c, long long d)
{
	return count_ok(a) && count_ok(b) && count_ok(c) && count_ok(d) &&
	       a <= c && b <= d;
}

double tt_log_likelihood_g2(long long a, long long b, long long c, long long d)
{
	if (!keyness_ok(a, b, c, d) || c + d == 0)
		return NAN;
	if (a + b == 0)
		return 0;
	double f = (double)(a + b) / (double)(c + d);
	double e1 = (double)c * f, e2 = (double)d * f, s = 0;
	/* a > 0 implies c >= a > 0, so e1 > 0; likewise for b and e2. */
	if (a > 0)
		s += (double)a * log((double)a / e1);
	if (b > 0)
		s += (double)b * log((double)b / e2);
	return s > 0 ? 2 * s : 0;
}

double tt_log_ratio(long long a, long long b, long long c, long long d)
{
	if (!keyness_ok(a, b, c, d) || c == 0 || d == 0 || (a == 0 && b == 0))
		return NAN;
	double fa = a ? (double)a : 0.5, fb = b ? (double)b : 0.5;
	return log2((fa / (double)c) / (fb / (double)d));
}

static int cooccur_ok(long long both, long long a, long long b)
{
	return count_ok(both) && count_ok(a) && count_ok(b) && both <= a &&
	       both <= b;
}

double tt_jaccard(long long both, long long a, long long b)
{
	if (!cooccur_ok(both, a, b) || a + b == 0)
		return NAN;
	return (double)both / (double)(a + b - both);
}

double tt_lift(long long both, long long a, long long b, long long n)
{
	if (!cooccur_ok(both, a, b) || !count_ok(n) || a + b - both > n ||
	    a == 0 || b == 0)
		return NAN;
	return (double)both * (double)n / ((double)a * (double)b);
}

double tt_cooccur_fisher(long long both, long long a, long long b, long long n)
{
	if (!cooccur_ok(both, a, b) || !count_ok(n) || a + b - both > n)
		return NAN;
	return tt_fisher_two_sided(both, a - both, b - both, n - a - b + both);
}
