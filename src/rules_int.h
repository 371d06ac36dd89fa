/*
 * rules_int.h - the rule engine's internals, shared by src/rules_*.c only.
 *
 *   rules_load.c      rule-file parser, id resolution, version, accessors
 *   rules_pattern.c   lexicons, pattern expansion, PCRE2 compile, and
 *                     each pattern's prefilter literals
 *   rules_prefilter.c one Aho-Corasick pass per sentence over all literals
 *   rules_match.c     the matcher: triggers, conditions, limits, cache
 *   rules_polarity.c  cues, clauses, proportions, actors, polarity
 *   rules_example.c   `example` lines (themetrack rules test)
 */
#ifndef TT_RULES_INT_H
#define TT_RULES_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "rules.h"

/* Where a piece of source text is: its file and 1-based line; columns are
 * computed from byte offsets into `text` (the whole line). */
typedef struct tt_srcpos {
	const char *file;
	size_t line;
	const char *text;     /* the line, not NUL-terminated */
	size_t len;
} tt_srcpos;

/* 1-based column (in characters) of byte `off` of the line. */
size_t tt_rules_col(const tt_srcpos *p, size_t off);

typedef struct tt_lexicon {
	char *name;
	char *path;
	char *content;        /* file bytes, for the version hash */
	size_t len;
	char **terms;         /* trimmed terms, deduplicated caselessly */
	size_t nterms;
	size_t *term_line;    /* line of each term in the file */
	char *re_plain;       /* expansion over norm; NULL until built */
	char *re_stem;        /* expansion over the stem view; NULL until built */
	char **lit_plain;     /* prefilter literal per term (lower case), or */
	char **lit_stem;      /*   NULL when some term has none; lit_stem
				 holds one per distinct stem, NULL-ended */
} tt_lexicon;

/*
 * A compiled pattern. `lits`, when nlits > 0, is the prefilter: every
 * match contains at least one of these lower-case ASCII strings (in the
 * lower-cased view it runs on). nlits == 0: always run it.
 */
typedef struct tt_pattern {
	pcre2_code *code;
	int stem;             /* runs over s->stems, not s->norm */
	char *src;            /* source text as written */
	char *expanded;       /* the PCRE2 pattern compiled (lexicons expanded) */
	size_t line, col;     /* where it starts in its file */
	char **lits;
	size_t *litlen;       /* their lengths */
	size_t nlits;
	size_t uid;           /* patterns with the same source share a uid (and
				 so the matcher's per-sentence cache) */
} tt_pattern;

/* Conditions per rule, at most (the parser refuses more). */
#define TT_MAX_COND 32

typedef enum { COND_REQUIRE, COND_NEAR, COND_NOT_NEAR, COND_EXCLUDE } tt_cond_kind;

typedef struct tt_cond {
	tt_cond_kind kind;
	unsigned dist;        /* words, for near / not near */
	tt_pattern pat;
} tt_cond;

typedef enum { SENSE_NONE = -1, SENSE_PRACTICE, SENSE_DEFICIT, SENSE_RISK } tt_sense;

typedef struct tt_rule {
	tt_rule_info info;    /* public view; info.id/file owned here */
	size_t col;           /* column of the id */
	char *theme_name;     /* as written; resolved into info.theme */
	size_t theme_line, theme_col;
	tt_sense sense;
	int fixed;            /* polarity or -1 */
	int deflt;            /* polarity or -1 */
	int clause;           /* conditions look only in the trigger's clause */
	tt_pattern trigger;
	int has_trigger;
	tt_pattern section;
	int has_section;
	tt_cond *cond;
	size_t ncond, cond_alloc;
	char *describe;
} tt_rule;

typedef struct tt_theme {
	tt_theme_info info;   /* public view; strings owned here */
	char *file;
	size_t line, col;
	char **group_names;   /* as written */
	size_t *group_line, *group_col;
	const char **group_ids; /* resolved ids (owned by the groups) */
	size_t ngroups;
} tt_theme;

typedef struct tt_group {
	tt_group_info info;
	char *file;
	size_t line, col;
	size_t *themes;
	size_t nthemes;
} tt_group;

typedef struct tt_example {
	tt_example_info info; /* text/under/file owned here */
} tt_example;

typedef struct tt_ac tt_ac;

/* Cue lexicons the engine itself uses (rules/README.md). */
enum {
	CUE_NEGATION,
	CUE_PSEUDO,
	CUE_POSITIVE,
	CUE_NEGATIVE,
	CUE_EVIDENCE,
	CUE_RECOMMEND,
	CUE_OPENER,
	CUE_MENTION,
	CUE_TERMINATOR,
	CUE_CONCESSION,
	CUE_HEAD_STRENGTH,
	CUE_HEAD_CONCERN,
	CUE_HEAD_MENTION,
	CUE_AGENCY,
	CUE_FAMILY,
	CUE_NKIND
};
extern const char *const tt_cue_lexicon_names[CUE_NKIND];

struct tt_ruleset {
	char *dir;
	char *lexdir;
	char version[65];
	char **files;         /* rule file paths, sorted */
	size_t nfiles;

	tt_theme *themes;
	size_t nthemes, themes_alloc;
	tt_group *groups;
	size_t ngroups, groups_alloc;
	tt_rule *rules;
	size_t nrules, rules_alloc;
	tt_example *examples;
	size_t nexamples, examples_alloc;

	tt_lexicon *lex;      /* loaded lexicons, sorted by name at the end */
	size_t nlex, lex_alloc;

	pcre2_code *cue[CUE_NKIND]; /* compiled cue lexicons (over norm) */
	tt_ac *ac[2];         /* prefilter automata: over norm, over stems */
	char **usrc;          /* distinct pattern sources, by uid */
	size_t nusrc, usrc_alloc;
	uint32_t max_ovec;    /* largest capture count + 1 over all patterns */
	tt_stemmer *stemmer;  /* for expanding stem terms; load time only */
};

/* --- rules_load.c ------------------------------------------------------- */

/* Is an edit distance d to a word of length len close enough to suggest? */
int tt_rules_close_enough(size_t d, size_t len);

/* memmem (not in POSIX): the first n2 bytes of needle in hay[0..n), or NULL. */
const char *tt_rules_memmem(const char *hay, size_t n, const char *needle, size_t n2);

/* Names of dir's entries ending in `suffix`, sorted (the suffix removed
 * when `strip`); nothing when dir cannot be read. */
void tt_rules_list_dir(const char *dir, const char *suffix, int strip,
		       tt_strlist *out);

/* --- rules_pattern.c ---------------------------------------------------- */

/*
 * Finds lexicon `name` (loading lexdir/name.txt on first use). Returns its
 * index, -1 when there is no such file (err untouched), or -2 with err set
 * for a file that cannot be read or holds invalid UTF-8.
 */
long tt_rules_lexicon(tt_ruleset *rs, const char *name, size_t n, tt_error *err);

/*
 * Expands and compiles the pattern `src[0..n)` (a substring of the line in
 * `pos`, starting at byte `off`) into *out. On error sets err at the exact
 * column and returns TT_EINPUT.
 */
tt_status tt_rules_compile(tt_ruleset *rs, const tt_srcpos *pos, size_t off,
			   size_t n, tt_pattern *out, tt_error *err);

/* Compiles a cue lexicon as a whole-word alternation over norm. */
tt_status tt_rules_compile_cue(tt_ruleset *rs, int kind, tt_error *err);

void tt_pattern_release(tt_pattern *p);
void tt_lexicon_release(tt_lexicon *l);

/* --- rules_prefilter.c --------------------------------------------------- */

/* Builds rs->ac from the literals of every rule pattern. */
void tt_ac_build(tt_ruleset *rs);
void tt_ac_free(tt_ac *a);
size_t tt_ac_nlit(const tt_ac *a);
/* Sets ok[uid] for every pattern uid with a literal in text[0..n);
 * seen[] has a byte per literal, 0 on entry, for the caller to clear. */
void tt_ac_scan(const tt_ac *a, const char *text, size_t n, unsigned char *ok,
		unsigned char *seen);

/* --- rules_match.c / rules_polarity.c --------------------------------- */

/* A match: its span in s->norm and its token range [t0, t1). */
typedef struct tt_span {
	size_t ns, ne;
	size_t t0, t1;
} tt_span;

/* A trigger match that passed its rule's conditions: a hit in waiting. */
typedef struct tt_cand {
	size_t rule;
	size_t ns, ne;        /* span in s->norm */
	size_t t0, t1;        /* token range [t0, t1) of the span */
	int clause;           /* clause index of ns */
	int polarity;         /* decided in rules_polarity.c */
	tt_cue_kind cue_kind;
	size_t cs, ce;        /* cue span in norm (cs == ce: none) */
	const char *cue_text; /* fixed text instead of a span (NULL: span) */
	int dropped;
	int both;             /* judged both ways: a strength hit is added */
	long pnum, pden;
	long actor;           /* index into the sentence's cue list, or -1 */
} tt_cand;

/* One cue match in a sentence. */
typedef struct tt_cue {
	int kind;             /* CUE_* */
	size_t s, e;          /* span in s->norm */
	size_t t;             /* index of the first token at or after s */
	int masked;           /* hidden by a longer overlapping cue */
} tt_cue;

typedef enum { PROP_UNKNOWN, PROP_HIGH, PROP_LOW, PROP_NONE } tt_prop_class;

typedef struct tt_prop {
	size_t s, e;          /* span in norm */
	long num, den;        /* -1 when not given */
	tt_prop_class cls;
} tt_prop;

/* How a clause is joined to the one before it (rules_polarity.c). */
enum {
	OPEN_PLAIN,           /* sentence start, ";", ", and" */
	OPEN_CONTRAST,        /* "but", "however", "yet" */
	OPEN_CONCESSION,      /* "although", "while", "despite" */
	OPEN_MAIN,            /* the main clause after an initial concession */
	OPEN_WHEREAS,         /* "whereas", "on the other hand": another object */
	OPEN_WHICH,           /* ", which": a comment on the clause before */
	OPEN_REASON           /* "because": the reason for the clause before */
};

typedef struct tt_clause {
	size_t s, e;          /* span in norm */
	size_t body;          /* where the words after the connective start */
	int opener;           /* OPEN_* */
	int initial_concession; /* opened the sentence with a concession word */
} tt_clause;

/* Per-sentence analysis, built once per sentence with candidates. */
typedef struct tt_sctx {
	const tt_ruleset *rs;
	const tt_doc *d;
	const tt_sentence *s;
	tt_cue *cue;
	size_t ncue, cue_alloc;
	tt_prop *prop;
	size_t nprop, prop_alloc;
	tt_clause *cl;
	size_t ncl, cl_alloc;
	int head_done;        /* heading context computed: */
	int head_v;           /*   +1 strength, -1 concern, 0 none */
	const char *head_title; /*   the deciding title (owned by the doc) */
	int label_v;          /* inline label ("What worked well: ..."): +1, -1, 0 */
	size_t label_end;     /*   its end in norm (the colon), 0 for none */
	int built;
} tt_sctx;

struct tt_matcher {
	const tt_ruleset *rs;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
	size_t *limit_count;  /* per rule */
	char *lower;          /* lower-cased norm (ASCII) */
	size_t lower_alloc;
	tt_cand *cand;
	size_t ncand, cand_alloc;
	tt_span *pool;        /* this sentence's pattern matches, by pattern: */
	size_t npool, pool_alloc;
	long *cache_n;        /*   per uid: -2 not run yet, -1 limit, else count */
	size_t *cache_off;    /*   per uid: offset of its matches in pool */
	size_t *touched;      /*   uids run on this sentence */
	size_t ntouched;
	unsigned char *pf_ok; /* per uid: a prefilter literal is in the sentence */
	unsigned char *seen[2]; /* per literal of rs->ac[v]: scratch */
	tt_sctx ctx;
};

/*
 * Runs p over `subj[0..n)` from `start`; returns 1 on a match with
 * the match span in ms and me, 0 on none, -1 when a PCRE2 limit was hit.
 */
int tt_rules_exec(tt_matcher *m, const pcre2_code *code, const char *subj,
		  size_t n, size_t start, size_t *ms, size_t *me);

/* Token index of the first token ending after norm offset `off`. */
size_t tt_rules_tok_at(const tt_sentence *s, size_t off);

/* Builds the sentence context (cues, clauses, proportions) once. */
void tt_sctx_build(tt_matcher *m, const tt_doc *d, const tt_sentence *s);
void tt_sctx_reset(tt_sctx *c);
void tt_sctx_release(tt_sctx *c);
/* Index of the clause holding norm offset `off`. */
int tt_sctx_clause_of(const tt_sctx *c, size_t off);

/* Decides polarity, actor and proportion of every candidate, merges them,
 * and appends the surviving hits to out. */
void tt_rules_decide(tt_matcher *m, tt_hits *out);

#endif
