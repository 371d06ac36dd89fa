/* eval.c - precision, recall, F1, kappa and polarity confusion. */
#include "eval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "banned.h"

static const char *const pol_names[3] = {"concern", "strength", "mention"};

void tt_eval_init(tt_eval *e, const tt_ruleset *rs)
{
	memset(e, 0, sizeof(*e));
	e->ntheme = tt_ruleset_ntheme(rs);
	e->theme = xcalloc(e->ntheme ? e->ntheme : 1, sizeof(char *));
	for (size_t i = 0; i < e->ntheme; i++)
		e->theme[i] = xstrdup(tt_ruleset_theme(rs, i)->id);
}

void tt_eval_release(tt_eval *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->u[i].id);
		free(e->u[i].text);
		free(e->u[i].gold);
		free(e->u[i].pred);
	}
	free(e->u);
	for (size_t i = 0; i < e->ntheme; i++)
		free(e->theme[i]);
	free(e->theme);
	memset(e, 0, sizeof(*e));
}

tt_eval_unit *tt_eval_add(tt_eval *e, const char *id, const char *text)
{
	TT_GROW(e->u, e->n + 1, e->alloc);
	tt_eval_unit *u = &e->u[e->n++];
	u->id = xstrdup(id);
	u->text = xstrdup(text);
	u->gold = xcalloc(e->ntheme ? e->ntheme : 1, 1);
	u->pred = xcalloc(e->ntheme ? e->ntheme : 1, 1);
	return u;
}

static long theme_index(const tt_eval *e, const char *id, size_t len)
{
	for (size_t i = 0; i < e->ntheme; i++)
		if (strlen(e->theme[i]) == len && !memcmp(e->theme[i], id, len))
			return (long)i;
	return -1;
}

tt_status tt_eval_parse_labels(tt_eval *e, tt_eval_unit *u, const char *labels,
			       const char *file, size_t line, size_t col0, tt_error *err)
{
	const char *p = labels;
	while (*p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t col = col0 + (size_t)(p - labels);
		const char *colon = memchr(p, ':', len);
		if (!len) {
			p += 1;
			continue;
		}
		if (!colon)
			return tt_error_set(err, TT_EINPUT, file, line, col,
					    "label '%.*s' is not theme:polarity", (int)len, p);
		long t = theme_index(e, p, (size_t)(colon - p));
		if (t < 0)
			return tt_error_set(err, TT_EINPUT, file, line, col,
					    "unknown theme '%.*s' in the gold labels; the rule "
					    "set does not declare it", (int)(colon - p), p);
		const char *pol = colon + 1;
		size_t plen = len - (size_t)(pol - p);
		int pi = -1;
		for (int k = 0; k < 3; k++)
			if (strlen(pol_names[k]) == plen && !memcmp(pol_names[k], pol, plen))
				pi = k;
		if (pi < 0)
			return tt_error_set(err, TT_EINPUT, file, line, col + (size_t)(pol - p),
					    "unknown polarity '%.*s'; expected concern, "
					    "strength or mention", (int)plen, pol);
		u->gold[t] |= (uint8_t)TT_POLMASK(pi);
		p += len + (end ? 1 : 0);
	}
	return TT_OK;
}

double tt_prf_precision(const tt_prf *c)
{
	return c->tp + c->fp ? (double)c->tp / (double)(c->tp + c->fp) : NAN;
}

double tt_prf_recall(const tt_prf *c)
{
	return c->tp + c->fn ? (double)c->tp / (double)(c->tp + c->fn) : NAN;
}

double tt_prf_f1(const tt_prf *c)
{
	size_t d = 2 * c->tp + c->fp + c->fn;
	return d ? 2.0 * (double)c->tp / (double)d : NAN;
}

double tt_cohen_kappa(const int *a, const int *b, size_t n, int k)
{
	if (!n)
		return NAN;
	double *pa = xcalloc((size_t)k, sizeof(double));
	double *pb = xcalloc((size_t)k, sizeof(double));
	size_t agree = 0;
	for (size_t i = 0; i < n; i++) {
		pa[a[i]] += 1;
		pb[b[i]] += 1;
		agree += a[i] == b[i];
	}
	double po = (double)agree / (double)n, pe = 0;
	for (int c = 0; c < k; c++)
		pe += (pa[c] / (double)n) * (pb[c] / (double)n);
	free(pa);
	free(pb);
	if (pe >= 1.0)
		return NAN;
	return (po - pe) / (1.0 - pe);
}

static int popcount3(unsigned m)
{
	return (int)(m & 1) + (int)((m >> 1) & 1) + (int)((m >> 2) & 1);
}

/* none 0, concern 1, strength 2, mention 3, mixed 4 */
static int category(unsigned m)
{
	if (!m)
		return 0;
	if (popcount3(m) > 1)
		return 4;
	return m == 1 ? 1 : m == 2 ? 2 : 3;
}

void tt_eval_score(const tt_eval *e, tt_eval_result *r)
{
	memset(r, 0, sizeof(*r));
	r->units = e->n;
	r->theme = xcalloc(e->ntheme ? e->ntheme : 1, sizeof(tt_eval_theme));
	int *ga = xcalloc(e->n ? e->n : 1, sizeof(int));
	int *pa = xcalloc(e->n ? e->n : 1, sizeof(int));
	double sum_det = 0, sum_pol = 0;

	for (size_t t = 0; t < e->ntheme; t++) {
		tt_eval_theme *th = &r->theme[t];
		for (size_t i = 0; i < e->n; i++) {
			unsigned g = e->u[i].gold[t], p = e->u[i].pred[t];
			th->det.tp += g && p;
			th->det.fp += !g && p;
			th->det.fn += g && !p;
			th->pol.tp += (size_t)popcount3(g & p);
			th->pol.fp += (size_t)popcount3(p & ~g);
			th->pol.fn += (size_t)popcount3(g & ~p);
			th->gold_units += g != 0;
			ga[i] = category(g);
			pa[i] = category(p);
			/* Polarity confusion: each missed gold polarity against
			 * what was predicted instead (or none), each extra
			 * prediction on a unit without the theme against none. */
			for (int k = 0; k < 3; k++) {
				if (!(g & TT_POLMASK(k)) || (p & TT_POLMASK(k)))
					continue;
				int any = 0;
				for (int q = 0; q < 3; q++)
					if ((p & TT_POLMASK(q)) && !(g & TT_POLMASK(q))) {
						r->confusion[k + 1][q + 1]++;
						any = 1;
					}
				if (!any)
					r->confusion[k + 1][0]++;
			}
			if (!g)
				for (int q = 0; q < 3; q++)
					if (p & TT_POLMASK(q))
						r->confusion[0][q + 1]++;
			if (g && p)
				for (int k = 0; k < 3; k++)
					if (g & p & TT_POLMASK(k))
						r->confusion[k + 1][k + 1]++;
		}
		th->kappa = tt_cohen_kappa(ga, pa, e->n, 5);
		r->det.tp += th->det.tp;
		r->det.fp += th->det.fp;
		r->det.fn += th->det.fn;
		r->pol.tp += th->pol.tp;
		r->pol.fp += th->pol.fp;
		r->pol.fn += th->pol.fn;
		if (th->det.tp + th->det.fp + th->det.fn) {
			r->nmacro++;
			sum_det += tt_prf_f1(&th->det);
			sum_pol += tt_prf_f1(&th->pol);
		}
	}
	r->macro_det_f1 = r->nmacro ? sum_det / (double)r->nmacro : NAN;
	r->macro_pol_f1 = r->nmacro ? sum_pol / (double)r->nmacro : NAN;
	free(ga);
	free(pa);
}

void tt_eval_result_release(tt_eval_result *r)
{
	free(r->theme);
	memset(r, 0, sizeof(*r));
}

static void prf_cells(tt_table *t, const tt_prf *c)
{
	tt_table_real(t, tt_prf_precision(c), 3);
	tt_table_real(t, tt_prf_recall(c), 3);
	tt_table_real(t, tt_prf_f1(c), 3);
}

tt_table *tt_eval_table(const tt_eval *e, const tt_eval_result *r)
{
	static const char *const cols[] = {"det_p", "det_r", "det_f1", "pol_p", "pol_r",
					   "pol_f1"};
	tt_table *t = tt_table_new();
	tt_table_col(t, "theme", TT_COL_TEXT);
	tt_table_col(t, "gold", TT_COL_INT);
	for (size_t i = 0; i < TT_ARRAY_LEN(cols); i++)
		tt_table_col(t, cols[i], TT_COL_REAL);
	tt_table_col(t, "tp", TT_COL_INT);
	tt_table_col(t, "fp", TT_COL_INT);
	tt_table_col(t, "fn", TT_COL_INT);
	tt_table_col(t, "kappa", TT_COL_REAL);
	for (size_t i = 0; i < e->ntheme; i++) {
		const tt_eval_theme *th = &r->theme[i];
		if (!th->gold_units && !th->det.fp)
			continue;
		tt_table_row(t);
		tt_table_text(t, e->theme[i]);
		tt_table_int(t, (long long)th->gold_units);
		prf_cells(t, &th->det);
		prf_cells(t, &th->pol);
		tt_table_int(t, (long long)th->pol.tp);
		tt_table_int(t, (long long)th->pol.fp);
		tt_table_int(t, (long long)th->pol.fn);
		tt_table_real(t, th->kappa, 3);
	}
	tt_table_row(t);
	tt_table_text(t, "micro");
	tt_table_int(t, (long long)r->units);
	prf_cells(t, &r->det);
	prf_cells(t, &r->pol);
	tt_table_int(t, (long long)r->pol.tp);
	tt_table_int(t, (long long)r->pol.fp);
	tt_table_int(t, (long long)r->pol.fn);
	tt_table_text(t, NULL);
	tt_table_row(t);
	tt_table_text(t, "macro");
	tt_table_int(t, (long long)r->nmacro);
	tt_table_text(t, NULL);
	tt_table_text(t, NULL);
	tt_table_real(t, r->macro_det_f1, 3);
	tt_table_text(t, NULL);
	tt_table_text(t, NULL);
	tt_table_real(t, r->macro_pol_f1, 3);
	return t;
}

tt_table *tt_eval_confusion_table(const tt_eval_result *r)
{
	static const char *const names[4] = {"none", "concern", "strength", "mention"};
	tt_table *t = tt_table_new();
	tt_table_col(t, "gold", TT_COL_TEXT);
	for (int q = 0; q < 4; q++) {
		char name[32];
		snprintf(name, sizeof(name), "pred_%s", names[q]);
		tt_table_col(t, name, TT_COL_INT);
	}
	for (int g = 0; g < 4; g++) {
		tt_table_row(t);
		tt_table_text(t, names[g]);
		for (int q = 0; q < 4; q++) {
			if (g == 0 && q == 0)
				tt_table_text(t, NULL);
			else
				tt_table_int(t, (long long)r->confusion[g][q]);
		}
	}
	return t;
}

static void mask_text(tt_buf *b, const char *theme, unsigned m)
{
	for (int k = 0; k < 3; k++)
		if (m & TT_POLMASK(k))
			tt_buf_addf(b, "%s%s:%s", b->len ? ";" : "", theme, pol_names[k]);
}

tt_table *tt_eval_errors_table(const tt_eval *e)
{
	tt_table *t = tt_table_new();
	tt_table_col(t, "unit", TT_COL_TEXT);
	tt_table_col(t, "error", TT_COL_TEXT);
	tt_table_col(t, "label", TT_COL_TEXT);
	tt_table_col(t, "gold", TT_COL_TEXT);
	tt_table_col(t, "predicted", TT_COL_TEXT);
	tt_table_col(t, "text", TT_COL_TEXT);
	for (size_t i = 0; i < e->n; i++) {
		const tt_eval_unit *u = &e->u[i];
		tt_buf gold = TT_BUF_INIT, pred = TT_BUF_INIT;
		for (size_t th = 0; th < e->ntheme; th++) {
			mask_text(&gold, e->theme[th], u->gold[th]);
			mask_text(&pred, e->theme[th], u->pred[th]);
		}
		for (size_t th = 0; th < e->ntheme; th++) {
			unsigned g = u->gold[th], p = u->pred[th];
			for (int k = 0; k < 3; k++) {
				int in_g = (g & TT_POLMASK(k)) != 0, in_p = (p & TT_POLMASK(k)) != 0;
				if (in_g == in_p)
					continue;
				char label[96];
				snprintf(label, sizeof(label), "%s:%s", e->theme[th], pol_names[k]);
				tt_table_row(t);
				tt_table_text(t, u->id);
				tt_table_text(t, in_p ? "FP" : "FN");
				tt_table_text(t, label);
				tt_table_text(t, gold.buf);
				tt_table_text(t, pred.buf);
				tt_table_text(t, u->text);
			}
		}
		tt_buf_release(&gold);
		tt_buf_release(&pred);
	}
	return t;
}
