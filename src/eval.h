/*
 * eval.h - accuracy of a rule set against hand-labelled gold data.
 *
 * A gold set is a list of units (a sentence, or a line of a document),
 * each with the set of theme:polarity labels a person gave it; the rule
 * set's hits on the same unit give the predicted set. Per theme:
 *
 *   detection        a unit counts once per theme, whatever the polarity
 *   theme+polarity   each (theme, polarity) pair counts on its own
 *
 * precision, recall and F1 for both, micro (pooled counts) and macro
 * (mean of per-theme F1 over themes present in gold or predictions)
 * averages, Cohen's kappa on the per-unit category of each theme (none,
 * concern, strength, mention, or mixed), and a confusion table of
 * polarity errors (gold polarity x predicted polarity, with "none").
 *
 * The metric code knows nothing of files or rules: it takes bit masks.
 */
#ifndef TT_EVAL_H
#define TT_EVAL_H

#include <stddef.h>
#include <stdint.h>

#include "render.h"
#include "rules.h"
#include "util.h"

/* One unit: per theme, a TT_POLMASK set of polarities (0 = no label). */
typedef struct tt_eval_unit {
	char *id;          /* "g0012" or "file.md:14" */
	char *text;        /* the sentence, for --errors */
	uint8_t *gold;     /* ntheme masks */
	uint8_t *pred;     /* ntheme masks */
} tt_eval_unit;

typedef struct tt_eval {
	size_t ntheme;
	char **theme;      /* ids, owned */
	tt_eval_unit *u;
	size_t n, alloc;
} tt_eval;

void tt_eval_init(tt_eval *e, const tt_ruleset *rs);
void tt_eval_release(tt_eval *e);
/* Adds a unit with empty gold and predicted sets; returns it. */
tt_eval_unit *tt_eval_add(tt_eval *e, const char *id, const char *text);

/*
 * Parses "theme:polarity;theme:polarity" (or "") into u->gold. Errors name
 * `file`, `line` and the column of the bad label (TT_EINPUT).
 */
tt_status tt_eval_parse_labels(tt_eval *e, tt_eval_unit *u, const char *labels,
			       const char *file, size_t line, size_t col0, tt_error *err);

typedef struct tt_prf {
	size_t tp, fp, fn;
} tt_prf;

double tt_prf_precision(const tt_prf *c);
double tt_prf_recall(const tt_prf *c);
double tt_prf_f1(const tt_prf *c);

typedef struct tt_eval_theme {
	tt_prf det, pol;
	double kappa;      /* NaN when undefined (one category only) */
	size_t gold_units; /* units the gold labels with the theme */
} tt_eval_theme;

typedef struct tt_eval_result {
	tt_eval_theme *theme;   /* ntheme entries */
	tt_prf det, pol;        /* micro: pooled */
	double macro_det_f1, macro_pol_f1;
	size_t nmacro;          /* themes in the macro average */
	size_t confusion[4][4]; /* [gold][pred]: 0 none, 1+polarity */
	size_t units;
} tt_eval_result;

void tt_eval_score(const tt_eval *e, tt_eval_result *r);
void tt_eval_result_release(tt_eval_result *r);

/*
 * Cohen's kappa for two raters' category codes over n items (codes in
 * 0..k-1); NaN when chance agreement is 1.
 */
double tt_cohen_kappa(const int *a, const int *b, size_t n, int k);

/* Per-theme table (with "micro" and "macro" rows) and the confusion table. */
tt_table *tt_eval_table(const tt_eval *e, const tt_eval_result *r);
tt_table *tt_eval_confusion_table(const tt_eval_result *r);
/* Every false positive and false negative, theme+polarity level. */
tt_table *tt_eval_errors_table(const tt_eval *e);

#endif
