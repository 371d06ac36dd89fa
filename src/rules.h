/*
 * rules.h - the rule engine: loads and checks a rule set (rule files and
 * lexicons, rules/README.md), compiles it to PCRE2 (JIT), matches sentences
 * and decides each hit's polarity from the cues around it. Knows the text
 * layer (text.h), not the database.
 *
 * Threads: a tt_ruleset is immutable once loaded and may be shared by any
 * number of threads. Each thread matches through its own tt_matcher (PCRE2
 * match data, match context with the limits, JIT stack, scratch).
 *
 * Typical use:
 *
 *	tt_ruleset *rs;
 *	if (tt_ruleset_load(&rs, dir, &err) != TT_OK) ... report err ...
 *	tt_matcher *m = tt_matcher_new(rs);
 *	tt_hits hits;
 *	tt_hits_init(&hits);
 *	for each sentence s of doc d:
 *		tt_hits_reset(&hits);
 *		tt_match_sentence(m, d, s, &hits);
 *		... hits.v[0 .. hits.n) ...
 *	tt_hits_release(&hits);
 *	tt_matcher_free(m);
 *	tt_ruleset_free(rs);
 */
#ifndef TT_RULES_H
#define TT_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"
#include "util.h"

typedef struct tt_ruleset tt_ruleset;
typedef struct tt_matcher tt_matcher;

typedef enum {
	TT_POL_CONCERN = 0,
	TT_POL_STRENGTH = 1,
	TT_POL_MENTION = 2
} tt_polarity;

/* "concern", "strength", "mention". */
const char *tt_polarity_name(tt_polarity p);

/* What decided a hit's polarity (rules/README.md, "How polarity is decided"). */
typedef enum {
	TT_CUE_FIXED,          /* the rule's `polarity` */
	TT_CUE_NEGATION,       /* a negation cue (or "none of") */
	TT_CUE_EVALUATIVE,     /* an evaluative (or evidence) cue */
	TT_CUE_PROPORTION,     /* a proportion judged the finding */
	TT_CUE_RECOMMENDATION, /* a recommendation or action-seeking question */
	TT_CUE_MENTION,        /* a mention cue (training, definition, ...) */
	TT_CUE_HEADING,        /* the section heading context */
	TT_CUE_DEFAULT         /* nothing decided: the rule's default or sense */
} tt_cue_kind;

/* "fixed", "negation", "evaluative", "proportion", "recommendation",
 * "mention", "heading", "default". */
const char *tt_cue_kind_name(tt_cue_kind k);

/* --- loading ------------------------------------------------------------ */

/*
 * Loads every `*.rules` file of `dir` in sorted order, with lexicons from
 * `dir`/../lexicons. On success *out is a new rule set (free it with
 * tt_ruleset_free) and TT_OK is returned. On a bad set nothing is kept:
 * *out is NULL, and err holds TT_EINPUT with "file:line:col" and the
 * message (unknown keyword, lexicon, theme or group; duplicate id; bad
 * pattern with PCRE2's message; a pattern that can match the empty string;
 * bad example; unterminated string; missing cue lexicon ...), or TT_EFAIL
 * when a file cannot be read. Nothing is printed.
 */
tt_status tt_ruleset_load(tt_ruleset **out, const char *dir, tt_error *err);

/* As tt_ruleset_load with an explicit lexicon directory. */
tt_status tt_ruleset_load_dirs(tt_ruleset **out, const char *rules_dir,
			       const char *lexicon_dir, tt_error *err);

void tt_ruleset_free(tt_ruleset *rs);

/*
 * The rule set's version: SHA-256 (64 lower-case hex digits) over its rule
 * files (sorted, each with its name) and every lexicon it uses, cue
 * lexicons included (sorted by name). Owned by rs.
 */
const char *tt_ruleset_version(const tt_ruleset *rs);

/* The directory it was loaded from (owned by rs). */
const char *tt_ruleset_dir(const tt_ruleset *rs);
/* Its lexicon directory (owned by rs). */
const char *tt_ruleset_lexicon_dir(const tt_ruleset *rs);

/* --- themes, groups, rules (read-only views owned by rs) --------------- */

typedef struct tt_theme_info {
	const char *id;
	const char *label;
	const char *describe;
	const char *const *groups; /* group ids, ngroups of them */
	size_t ngroups;
	size_t nrules;             /* rules tagging this theme */
	size_t nexamples;          /* examples in those rules */
} tt_theme_info;

typedef struct tt_group_info {
	const char *id;
	const char *label;
	const char *describe;      /* "" when not given */
	const size_t *themes;      /* theme indexes, nthemes of them */
	size_t nthemes;
} tt_group_info;

typedef struct tt_rule_info {
	const char *id;
	size_t theme;              /* theme index */
	const char *file;          /* path of its rule file */
	size_t line;               /* line of its `rule` header */
	size_t nexamples;
} tt_rule_info;

/* Themes in declaration order (files sorted, then order in file). */
size_t tt_ruleset_ntheme(const tt_ruleset *rs);
const tt_theme_info *tt_ruleset_theme(const tt_ruleset *rs, size_t i);
/* Index of the theme with this id, or -1. */
long tt_ruleset_theme_find(const tt_ruleset *rs, const char *id);

size_t tt_ruleset_ngroup(const tt_ruleset *rs);
const tt_group_info *tt_ruleset_group(const tt_ruleset *rs, size_t i);
/* Index of the group with this id, or -1. */
long tt_ruleset_group_find(const tt_ruleset *rs, const char *id);

size_t tt_ruleset_nrule(const tt_ruleset *rs);
const tt_rule_info *tt_ruleset_rule(const tt_ruleset *rs, size_t i);

/* Number of rule files and of distinct lexicons used (cue lexicons too). */
size_t tt_ruleset_nfile(const tt_ruleset *rs);
size_t tt_ruleset_nlexicon(const tt_ruleset *rs);

/* --- matching ----------------------------------------------------------- */

/*
 * One hit. Strings are owned by the tt_hits list they sit in (theme and
 * rule by the rule set) and stay valid until tt_hits_reset/release.
 */
typedef struct tt_hit {
	size_t theme;          /* theme index in the rule set */
	size_t rule;           /* rule index in the rule set */
	const char *theme_id;  /* owned by the rule set */
	const char *rule_id;   /* owned by the rule set */
	tt_polarity polarity;
	size_t start, end;     /* byte span of the trigger in s->text */
	char *match;           /* s->text[start..end), NUL-terminated */
	char *cue;             /* the deciding cue's text as written; the
				  heading title for TT_CUE_HEADING; "" for
				  fixed and default; "grade counts" for a
				  table row of numbers */
	tt_cue_kind cue_kind;
	char *actor;           /* agency or family member named in the hit's
				  clause, as written; NULL when none */
	long prop_num, prop_den; /* proportion in the hit's clause; -1 when the
				    text gives none (e.g. "most cases": -1/-1) */
} tt_hit;

typedef struct tt_hits {
	tt_hit *v;
	size_t n, alloc;
	size_t *limited;       /* rule indexes whose match on this sentence hit
				  a PCRE2 limit and was skipped */
	size_t nlimited, limited_alloc;
} tt_hits;

void tt_hits_init(tt_hits *h);
/* Empties the list (frees the hits' strings), keeping its memory. */
void tt_hits_reset(tt_hits *h);
void tt_hits_release(tt_hits *h);

/*
 * A per-thread matcher on rs (which must outlive it). Limits default to
 * TT_MATCH_LIMIT and TT_DEPTH_LIMIT. Never fails (aborts on OOM).
 */
#define TT_MATCH_LIMIT 500000u
#define TT_DEPTH_LIMIT 10000u
tt_matcher *tt_matcher_new(const tt_ruleset *rs);
void tt_matcher_free(tt_matcher *m);
void tt_matcher_set_limits(tt_matcher *m, uint32_t match_limit,
			   uint32_t depth_limit);

/*
 * Matches every rule against analysed sentence s (norm, tokens and stems
 * filled by tt_doc_analyse / tt_sentence_analyse) and APPENDS its hits to
 * out, in order of start offset, then rule. d supplies the section titles
 * for the heading context and may be NULL (no headings). A rule whose
 * match exceeds a PCRE2 limit is skipped for this sentence, listed in
 * out->limited and counted in the matcher (tt_matcher_limit_count).
 */
void tt_match_sentence(tt_matcher *m, const tt_doc *d, const tt_sentence *s,
		       tt_hits *out);

/* Sentences on which rule `rule` hit a limit, over the matcher's life. */
size_t tt_matcher_limit_count(const tt_matcher *m, size_t rule);

/* --- examples (themetrack rules test) ----------------------------------- */

/* Bit set of polarities; 0 means "no hit of the theme". */
#define TT_POLMASK(p) (1u << (p))

typedef struct tt_example_info {
	size_t rule;           /* rule index */
	const char *text;      /* the example sentence */
	const char *under;     /* heading title, or NULL */
	unsigned expect;       /* TT_POLMASK bits; 0 = none */
	const char *file;
	size_t line;
} tt_example_info;

size_t tt_ruleset_nexample(const tt_ruleset *rs);
const tt_example_info *tt_ruleset_example(const tt_ruleset *rs, size_t i);

/*
 * Runs example i: tags its sentence as one line with the whole rule set
 * (under its heading, if any) and returns the TT_POLMASK set of
 * polarities its rule's theme got. st may be NULL (no stemming).
 */
unsigned tt_ruleset_run_example(const tt_ruleset *rs, tt_matcher *m,
				tt_stemmer *st, size_t i);

/* Writes a mask as "concern+strength", or "none", into buf. */
void tt_polmask_format(unsigned mask, char *buf, size_t size);

/* --- explaining a hit (themetrack explain, scan --explain) -------------- */

/* One condition of a rule, as checked against one trigger match. */
typedef struct tt_cond_trace {
	const char *kind;      /* "require", "exclude", "near", "not near" */
	unsigned dist;         /* words, for near and not near */
	const char *pattern;   /* as written in the rule file (owned by rs) */
	int stem;              /* runs over the stem view */
	int held;              /* the condition was met */
	int found;             /* a match decided it (required words found, or
				  the excluded words that would veto) */
	size_t start, end;     /* that match's byte span in s->text */
} tt_cond_trace;

typedef struct tt_rule_trace {
	const char *rule_id, *theme_id, *file, *describe; /* owned by rs */
	size_t line;           /* line of the rule in file */
	const char *trigger;   /* the trigger pattern as written */
	int trigger_stem;      /* it runs over the stem view */
	const char *section;   /* the section pattern, or NULL */
	int section_held;
	int clause;            /* conditions look only in the trigger's clause */
	const char *fixed;     /* the rule's fixed polarity name, or NULL */
	const char *deflt;     /* its default polarity name, or NULL */
	int trigger_found;     /* a trigger match covers the span asked for */
	size_t tstart, tend;   /* that match's byte span in s->text */
	size_t ncond;
	tt_cond_trace cond[32];
} tt_rule_trace;

/*
 * Explains why rule `rule` fires on analysed sentence s (of d, which may
 * be NULL) at the byte span [start, end) of s->text: fills t with the
 * trigger match overlapping that span and, for each condition, whether it
 * held and which words decided it. Returns 1 when the trigger matches
 * there and every condition holds (the hit reproduces), else 0. Call it
 * after tt_match_sentence on the same sentence.
 */
int tt_rule_explain(tt_matcher *m, const tt_doc *d, const tt_sentence *s, size_t rule,
		    size_t start, size_t end, tt_rule_trace *t);

/* Index of the rule with this id, or -1. */
long tt_ruleset_rule_find(const tt_ruleset *rs, const char *id);

/*
 * Rule i's trigger as compiled: the PCRE2 pattern with its lexicons
 * expanded (caseless, UTF, Unicode properties), owned by rs; NULL when it
 * has none. *stem (may be NULL) says it runs over the stem view rather
 * than the text.
 */
const char *tt_ruleset_rule_trigger(const tt_ruleset *rs, size_t i, int *stem);

/* --- findings without a theme (themetrack uncovered, recurring) -------- */

/* What marks a sentence as a finding or a recommendation. */
enum {
	TT_SIG_NEGATIVE = 1,     /* a negative evaluative cue ("poor", "lacked") */
	TT_SIG_RECOMMEND = 2,    /* phrased as one: "should", "X to ensure", "must" */
	TT_SIG_PROPORTION = 4,   /* a proportion: "in 4 of the 9 cases", "37%" */
	TT_SIG_REC_HEADING = 8,  /* under a recommendations, learning points,
				    next steps or actions heading */
	TT_SIG_DEV_HEADING = 16  /* under an areas-for-development or
				    what-needs-to-improve heading */
};

typedef struct tt_signals tt_signals;

/* Signals with rs's cue lexicons (rs must outlive it); one per thread. */
tt_signals *tt_signals_new(const tt_ruleset *rs);
void tt_signals_free(tt_signals *g);
/* The TT_SIG_* bits of analysed sentence s of d (d may be NULL). */
unsigned tt_signals_of(tt_signals *g, const tt_doc *d, const tt_sentence *s);
/* "negative", "recommendation", "proportion", "rec-heading",
 * "dev-heading", joined by '+'. */
void tt_signals_format(unsigned bits, char *buf, size_t size);

#endif
