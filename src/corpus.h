/*
 * corpus.h - the data model of the analysis commands: the filters every
 * query command takes (filters on documents and on hits), periods of
 * years, and a corpus: the documents a query covers with the theme facts
 * of the current tag run, loaded once from the store (store.h,
 * tt_store_corpus) and analysed in memory (analysis.h) without SQL.
 *
 * The unit of prevalence is the document; hits are secondary. Only
 * documents tagged by the current (latest finished) tag run count, so
 * every figure of one comparison comes from one rule set version.
 */
#ifndef TT_CORPUS_H
#define TT_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* A set of years, sorted and unique. */
typedef struct tt_period {
	int *years;
	size_t n;
	char *text;           /* as the user wrote it, for messages */
} tt_period;

/*
 * Parses a PERIOD: a year ("2016"), a range ("2015..2017"), a list
 * ("2015,2017") or a list of both ("2014,2016..2018"). Years are
 * 1900..2100. On error returns TT_EINPUT with a message naming the bad
 * part; p is then empty. Release with tt_period_release.
 */
tt_status tt_period_parse(tt_period *p, const char *s, tt_error *err);
void tt_period_release(tt_period *p);
int tt_period_has(const tt_period *p, int year);

/* Polarity filter values beyond tt_polarity (rules.h). */
#define TT_POL_ANY (-1)

/*
 * The filters of the query commands. Strings are owned by the filter
 * (tt_filter_release frees them). A NULL or empty field does not filter.
 */
typedef struct tt_filter {
	char **themes;        /* theme ids, groups expanded; nthemes == 0: all */
	size_t nthemes;
	int polarity;         /* tt_polarity, or TT_POL_ANY */
	char *authority;      /* caseless equality */
	char *type;           /* audit type, caseless equality */
	char *actor;          /* hit actor, caseless, "the " ignored */
	tt_period years;      /* n == 0: all years */
} tt_filter;

void tt_filter_init(tt_filter *f);
void tt_filter_release(tt_filter *f);
/* "concern", "strength", "mention" or "any" for a filter polarity. */
const char *tt_filter_polarity_name(int polarity);
/* Is theme id `t` selected (always true with no theme filter)? */
int tt_filter_theme(const tt_filter *f, const char *t);

/*
 * The actor key used for grouping and filtering: lower case, a leading
 * "the " removed, inner white space collapsed. Caller frees.
 */
char *tt_actor_key(const char *actor);

typedef struct tt_cdoc {
	long long id;
	int year;             /* 0 = unknown */
	const char *authority; /* these point into the corpus; NULL when unset */
	const char *type;
	const char *title;
	const char *name;     /* file name */
	long long words, sentences;
} tt_cdoc;

typedef struct tt_ctheme {
	const char *id;
	const char *label;
	const char *groups;   /* comma-separated group ids, or NULL */
} tt_ctheme;

/* How finely a corpus's facts are loaded (tt_store_corpus). */
typedef enum {
	TT_FACTS_NONE = 0,     /* documents and themes only */
	TT_FACTS_DOCUMENT = 1, /* one fact per document, theme, polarity, actor:
				  sentence is 0; enough for shares by document */
	TT_FACTS_SENTENCE = 2  /* one per sentence: co-occurrence in sentences,
				  and walking the documents (walk.h) */
} tt_facts_level;

/* One theme fact: a sentence (or a document) carrying a theme with a polarity. */
typedef struct tt_cfact {
	uint32_t doc;         /* index into docs */
	uint32_t theme;       /* index into themes */
	int32_t actor;        /* index into actors, or -1 */
	uint8_t polarity;     /* tt_polarity */
	long long sentence;   /* sentence id; 0 at TT_FACTS_DOCUMENT */
	long long hits;       /* hits of that theme and polarity there */
} tt_cfact;

typedef struct tt_corpus {
	long long run;        /* the current tag run; 0 when none */
	char ruleset[65];     /* its rule set version */
	char run_finished[32]; /* when it finished (ISO 8601) */
	tt_cdoc *docs;        /* documents matching the document filters and
				 tagged by the current run, by year then id */
	size_t ndocs;
	size_t untagged;      /* matching documents the run has not tagged */
	tt_ctheme *themes;    /* themes of the run's rule set, in its order */
	size_t nthemes;
	char **actors;        /* actor keys, sorted */
	size_t nactors;
	tt_cfact *facts;      /* facts of those documents passing the hit
				 filters (polarity, actor; not theme), by
				 document, sentence, theme */
	size_t nfacts;
	tt_strlist pool;      /* owns the documents' and themes' strings */
} tt_corpus;

void tt_corpus_release(tt_corpus *c);
/* Index of theme id in c, or -1. */
long tt_corpus_theme(const tt_corpus *c, const char *id);

/*
 * A view of c with only the facts of polarity `pol` (TT_POL_ANY: all):
 * *view shares c's documents, themes and strings and owns only its facts;
 * release it with tt_corpus_view_release, before c.
 */
void tt_corpus_polarity_view(const tt_corpus *c, int pol, tt_corpus *view);
void tt_corpus_view_release(tt_corpus *view);

/*
 * Replaces the group ids in f->themes by their member themes (the groups
 * of c's themes) and removes duplicates. An id that is neither a theme
 * nor a group gives TT_EINPUT naming it, with the nearest id as a hint.
 */
tt_status tt_corpus_expand_themes(const tt_corpus *c, tt_filter *f, tt_error *err);

#endif
