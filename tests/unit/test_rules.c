/*
 * test_rules.c - the rule engine: the parser (valid and malformed files,
 * exact file:line:col), lexicon expansion, stem terms and offset mapping,
 * every polarity path, clauses, headings, proportions, actors, limits,
 * versions, examples. Runs from the source root (uses lexicons/).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "rules.h"
#include "test.h"

static char root[PATH_MAX];     /* the source tree */
static char tmp[PATH_MAX];      /* our scratch directory; the cwd while testing */
static tt_stemmer *stemmer;

static const char *const cue_lexicons[] = {
	"negation", "pseudo_negation", "evaluative_positive", "evaluative_negative",
	"evidence_cues", "recommendation_cues", "recommendation_openers",
	"mention_cues", "clause_terminators", "concession_cues", "heading_strength",
	"heading_concern", "heading_mention", "agencies", "family_members"
};

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	char path[PATH_MAX + 64], target[PATH_MAX + 64];
	if (!getcwd(root, sizeof(root)))
		exit(1);
	snprintf(tmp, sizeof(tmp), "/tmp/tt-rules-XXXXXX");
	if (!mkdtemp(tmp))
		exit(1);
	if (chdir(tmp) != 0)
		exit(1);
	mkdir("lex", 0700);
	mkdir("rules", 0700);
	for (size_t i = 0; i < TT_ARRAY_LEN(cue_lexicons); i++) {
		snprintf(path, sizeof(path), "lex/%s.txt", cue_lexicons[i]);
		snprintf(target, sizeof(target), "%s/lexicons/%s.txt", root, cue_lexicons[i]);
		if (symlink(target, path) != 0)
			exit(1);
	}
	write_file("lex/kids.txt", "# kids - children\nchild\nchildren\nyoung person\nyoung people\n");
	write_file("lex/tools.txt", "# tools - with metacharacters\nC.A.F.\n(EHA)\nstep father\nearly help\nS47+\n");
	write_file("lex/carers.txt", "# carers - for stems\nfather\nstep-father\n");
	write_file("lex/empty.txt", "# empty - nothing\n\n");
	write_file("lex/themes_words.txt", "# words\nvoice of the child\n");
	stemmer = tt_stemmer_new();
}

static void teardown(void)
{
	char path[PATH_MAX + 64];
	for (size_t i = 0; i < TT_ARRAY_LEN(cue_lexicons); i++) {
		snprintf(path, sizeof(path), "lex/%s.txt", cue_lexicons[i]);
		unlink(path);
	}
	unlink("lex/kids.txt");
	unlink("lex/tools.txt");
	unlink("lex/carers.txt");
	unlink("lex/empty.txt");
	unlink("lex/themes_words.txt");
	unlink("rules/t.rules");
	unlink("rules/u.rules");
	rmdir("lex");
	rmdir("rules");
	if (chdir(root) != 0)
		exit(1);
	rmdir(tmp);
	tt_stemmer_free(stemmer);
}

static const char themes[] =
	"group trio\n"
	"  label \"Trio\"\n"
	"theme voice\n  label \"Voice\"\n  describe \"v\"\n"
	"theme info\n  label \"Info\"\n  describe \"i\"\n"
	"theme plans\n  label \"Plans\"\n  describe \"p\"\n"
	"theme delay\n  label \"Delay\"\n  describe \"d\"\n"
	"theme da\n  label \"DA\"\n  describe \"d\"\n  group trio\n"
	"theme tools\n  label \"Tools\"\n  describe \"t\"\n"
	"theme fathers\n  label \"Fathers\"\n  describe \"f\"\n"
	"theme gloss\n  label \"Glossary\"\n  describe \"g\"\n";

/* Loads rules/t.rules = themes + body (and rules/u.rules = extra if any). */
static tt_ruleset *load(const char *body, const char *extra, tt_error *err)
{
	tt_buf b = TT_BUF_INIT;
	tt_ruleset *rs = NULL;
	tt_buf_addstr(&b, themes);
	tt_buf_addstr(&b, body);
	write_file("rules/t.rules", b.buf);
	tt_buf_release(&b);
	if (extra)
		write_file("rules/u.rules", extra);
	else
		unlink("rules/u.rules");
	tt_error_init(err);
	tt_ruleset_load_dirs(&rs, "rules", "lex", err);
	return rs;
}

static const char engine_rules[] =
	"rule voice.r\n  theme voice\n  sense practice\n"
	"  trigger voice of the child|child's (?:voice|views)|wishes and feelings|children\n"
	"rule info.r\n  theme info\n  sense practice\n"
	"  trigger information sharing|shar(?:e|ed|ing) information\n"
	"rule plans.r\n  theme plans\n  sense practice\n  trigger \\bplans?\\b\n"
	"rule delay.r\n  theme delay\n  sense deficit\n  trigger ~delay|\\bdrift\\b\n"
	"rule da.r\n  theme da\n  sense risk\n  trigger domestic (?:abuse|violence)\n"
	"rule tools.r\n  theme tools\n  sense practice\n  trigger {tools}\n"
	"rule fathers.r\n  theme fathers\n  sense practice\n  trigger {~carers}\n"
	"  near 6 ~involv|seen|~assess|spoken\n"
	"rule gloss.r\n  theme gloss\n  polarity mention\n  trigger glossary\n"
	"rule gloss.default\n  theme gloss\n  sense practice\n  default strength\n  trigger index\n";

static tt_ruleset *engine;
static tt_matcher *matcher;
static tt_hits hits;
static tt_sentence sent;

/* Tags `text` as one sentence (no document) into `hits`. */
static void tag(const char *text)
{
	free(sent.text);
	free(sent.norm);
	free(sent.norm_to_text);
	free(sent.tok);
	free(sent.stems);
	memset(&sent, 0, sizeof(sent));
	sent.text = xstrdup(text);
	sent.text_len = strlen(text);
	sent.section = -1;
	sent.kind = TT_BLOCK_PARAGRAPH;
	tt_sentence_analyse(&sent, stemmer);
	tt_hits_reset(&hits);
	tt_match_sentence(matcher, NULL, &sent, &hits);
}

/* "theme:polarity" of every hit, joined by spaces. */
static const char *summary(void)
{
	static char buf[1024];
	tt_buf b = TT_BUF_INIT;
	for (size_t i = 0; i < hits.n; i++) {
		if (i)
			tt_buf_addch(&b, ' ');
		tt_buf_addf(&b, "%s:%s", hits.v[i].theme_id, tt_polarity_name(hits.v[i].polarity));
	}
	snprintf(buf, sizeof(buf), "%s", b.buf);
	tt_buf_release(&b);
	return buf;
}

static const tt_hit *hit_of(const char *theme)
{
	for (size_t i = 0; i < hits.n; i++)
		if (!strcmp(hits.v[i].theme_id, theme))
			return &hits.v[i];
	return NULL;
}

/* --- the parser ------------------------------------------------------------ */

static void test_load_valid(void)
{
	tt_error err;
	tt_ruleset *rs = load(
		"# a comment\n\n"
		"rule voice.heard\n"
		"  theme    voice\n"
		"  sense    practice\n"
		"  describe \"the child heard\"\n"
		"  trigger  {kids}\n"
		"  near 4   heard|seen\n"
		"  not near 2 never\n"
		"  require  \\w\n"
		"  exclude  (?-i)\\bKIDS\\b\n"
		"  clause\n"
		"  section  .\n"
		"  default  mention\n"
		"  example concern \"The children were not heard.\"\n"
		"  example concern+strength \"x\" under \"Areas for development\"\n"
		"  example none \"with \\\"quotes\\\" and \\\\\"\n",
		"rule z.fixed\n  theme gloss\n  polarity mention\n  trigger glossary\n", &err);
	CHECK(rs != NULL);
	if (!rs) {
		fprintf(stderr, "  %s:%zu:%zu: %s\n", err.file, err.line, err.col, err.msg);
		return;
	}
	CHECK_INT(tt_ruleset_ntheme(rs), 8);
	CHECK_INT(tt_ruleset_nrule(rs), 2);
	CHECK_INT(tt_ruleset_nfile(rs), 2);
	CHECK_INT(tt_ruleset_ngroup(rs), 1);
	CHECK_INT(tt_ruleset_nexample(rs), 3);
	CHECK_STR(tt_ruleset_rule(rs, 0)->id, "voice.heard");
	CHECK_STR(tt_ruleset_rule(rs, 0)->file, "rules/t.rules");
	CHECK_INT(tt_ruleset_rule(rs, 0)->line, 30);
	CHECK_INT(tt_ruleset_rule(rs, 0)->nexamples, 3);
	CHECK_STR(tt_ruleset_rule(rs, 1)->id, "z.fixed");
	long da = tt_ruleset_theme_find(rs, "da");
	CHECK_INT(da, 4);
	CHECK_INT(tt_ruleset_theme(rs, 4)->ngroups, 1);
	CHECK_STR(tt_ruleset_theme(rs, 4)->groups[0], "trio");
	CHECK_STR(tt_ruleset_theme(rs, 0)->label, "Voice");
	CHECK_INT(tt_ruleset_theme(rs, 0)->nrules, 1);
	CHECK_INT(tt_ruleset_theme(rs, 0)->nexamples, 3);
	CHECK_INT(tt_ruleset_group_find(rs, "trio"), 0);
	CHECK_INT(tt_ruleset_group(rs, 0)->nthemes, 1);
	CHECK_INT(tt_ruleset_group(rs, 0)->themes[0], 4);
	CHECK_STR(tt_ruleset_group(rs, 0)->describe, "");
	CHECK_INT(tt_ruleset_theme_find(rs, "nope"), -1);
	const tt_example_info *ex = tt_ruleset_example(rs, 1);
	CHECK_INT(ex->expect, TT_POLMASK(TT_POL_CONCERN) | TT_POLMASK(TT_POL_STRENGTH));
	CHECK_STR(ex->under, "Areas for development");
	CHECK_STR(tt_ruleset_example(rs, 2)->text, "with \"quotes\" and \\");
	CHECK_INT(tt_ruleset_example(rs, 2)->expect, 0);
	CHECK_INT(strlen(tt_ruleset_version(rs)), 64);
	tt_ruleset_free(rs);
	tt_error_release(&err);
}

static void test_load_errors(void)
{
	static const struct {
		const char *body;
		const char *want;
	} cases[] = {
		{"rule r\n  theme voice\n  sense practice\n  trigger {nokids}\n",
		 "rules/t.rules:31:11: unknown lexicon 'nokids'; did you mean 'kids'?"},
		{"rule r\n  theme voice\n  sense practice\n  trigger a (b|{empty})\n",
		 "rules/t.rules:31:16: lexicon 'empty' has no terms"},
		{"rule r\n  theme voice\n  sense practice\n  trigger abc(\n",
		 "rules/t.rules:31:15: bad pattern: missing closing parenthesis"},
		{"rule r\n  theme voice\n  sense practice\n  trigger {kids} [z-a]\n",
		 "rules/t.rules:31:21: bad pattern: range out of order in character class"},
		{"rule r\n  theme voice\n  sense practice\n  trigger (?:x|y)*\n",
		 "rules/t.rules:31:11: pattern can match the empty string"},
		{"rule r\n  theme voice\n  sense practice\n  trigger x\n  require (?:y|)\n",
		 "rules/t.rules:32:11: pattern can match the empty string"},
		{"rule r\n  theme vioce\n  sense practice\n  trigger x\n",
		 "rules/t.rules:29:9: unknown theme 'vioce'; did you mean 'voice'?"},
		{"rule r\n  theme voice\n  sense practise\n  trigger x\n",
		 "rules/t.rules:30:9: unknown sense 'practise'; expected practice, deficit or risk; did you mean 'practice'?"},
		{"rule r\n  theme voice\n  sense practice\n  triger x\n",
		 "rules/t.rules:31:3: unknown keyword 'triger'; did you mean 'trigger'?"},
		{"rule r\n  theme voice\n  sense practice\n  trigger x\n  example postive \"a\"\n",
		 "rules/t.rules:32:11: unknown example result 'postive'; expected concern, strength, mention or none"},
		{"rule r\n  theme voice\n  sense practice\n  trigger x\n  example concern \"abc\n",
		 "rules/t.rules:32:19: unterminated string"},
		{"rule r\n  theme voice\n  sense practice\n  trigger x\n  example concern+ \"abc\"\n",
		 "rules/t.rules:32:18: missing polarity after '+'"},
		{"rule r\n  theme voice\n  sense practice\n  trigger x\nrule r\n  theme voice\n  sense practice\n  trigger y\n",
		 "rules/t.rules:32:6: duplicate rule 'r' (first at rules/t.rules:28:6)"},
		{"theme voice\n  label \"V\"\n  describe \"v\"\n",
		 "rules/t.rules:28:7: duplicate theme 'voice' (first at rules/t.rules:3:7)"},
		{"rule r\n  theme voice\n  trigger x\n",
		 "rules/t.rules:28:6: rule 'r' needs 'sense' or 'polarity'"},
		{"rule r\n  theme voice\n  sense risk\n  polarity concern\n  trigger x\n",
		 "rules/t.rules:31:3: rule 'r' has both 'sense' and 'polarity'; keep one"},
		{"rule r\n  theme voice\n  sense risk\n  trigger x\n  trigger y\n",
		 "rules/t.rules:32:3: duplicate 'trigger' in rule 'r'; use '|' for alternatives"},
		{"rule r\n  theme voice\n  sense risk\n  near 200 y\n  trigger x\n",
		 "rules/t.rules:31:8: bad distance '200'; expected a number of words from 1 to 100"},
		{"rule r\n  theme voice\n  sense risk\n  near 3\n  trigger x\n",
		 "rules/t.rules:31:9: missing pattern after 'near 3'"},
		{"rule r\n  theme voice\n  sense risk\n  trigger x ~ y\n",
		 "rules/t.rules:31:13: '~' must be followed by a word (write '\\~' for a tilde)"},
		{"rule r\n  theme voice\n  sense risk\n  trigger ~two {kids}\n",
		 "rules/t.rules:31:16: plain lexicon '{kids}' in a stem pattern; write '{~kids}'"},
		{"rule r\n  theme voice\n  sense risk\n  trigger {kids\n",
		 "rules/t.rules:31:11: bad lexicon reference; write {name} or {~name} (a '{' that starts no quantifier must be escaped as '\\{')"},
		{"rule r\n  theme voice\n  sense risk\n  trigger \xc3\xa9t\xc3\xa9 (\n",
		 "rules/t.rules:31:16: bad pattern: missing closing parenthesis"},
		{"rule\n",
		 "rules/t.rules:28:5: missing id after 'rule'"},
		{"rule a b\n",
		 "rules/t.rules:28:8: unexpected 'b' after the id"},
		{"theme Voice2\n",
		 "rules/t.rules:28:7: bad theme id 'Voice2'; use lower-case letters, digits and '_'"},
		{"theme t2\n  label \"T\"\n",
		 "rules/t.rules:28:7: theme 't2' has no 'describe'"},
		{"theme t2\n  label T\n  describe \"d\"\n",
		 "rules/t.rules:29:9: expected a string in double quotes after 'label'"},
		{"theme t2\n  label \"T\"\n  describe \"d\"\n  group nogroup\n",
		 "rules/t.rules:31:9: unknown group 'nogroup'; declare it with a 'group' block"},
		{"theme t2\n  label \"T\"\n  describe \"d\"\n  group trip\n",
		 "rules/t.rules:31:9: unknown group 'trip'; did you mean 'trio'?"},
		{"group g2\n  describe \"x\"\n",
		 "rules/t.rules:28:7: group 'g2' has no 'label'"},
		{"rule r\n  theme voice\n  sense risk\n  trigger x\n  example concern \"a\" below \"b\"\n",
		 "rules/t.rules:32:23: unexpected 'below' after the example; expected 'under \"HEADING\"' or nothing"},
		{"rule r\n  theme voice\n  sense risk\n  trigger x\n  label \"no\"\n",
		 "rules/t.rules:32:3: 'label' is not allowed in a rule block (only in a theme)"},
		{"ruel r\n",
		 "rules/t.rules:28:1: unknown keyword 'ruel'; did you mean 'rule'?"},
	};
	for (size_t i = 0; i < TT_ARRAY_LEN(cases); i++) {
		tt_error err;
		char buf[2048];
		tt_ruleset *rs = load(cases[i].body, NULL, &err);
		CHECK(rs == NULL);
		CHECK_INT(err.status, TT_EINPUT);
		tt_error_format(&err, buf, sizeof(buf));
		if (strcmp(buf, cases[i].want))
			fprintf(stderr, "  case %zu\n", i);
		CHECK_STR(buf, cases[i].want);
		tt_ruleset_free(rs);
		tt_error_release(&err);
	}

	/* an error in a later file names that file */
	tt_error err;
	char buf[2048];
	tt_ruleset *rs = load("", "rule r\n  theme nope\n  sense risk\n  trigger x\n", &err);
	CHECK(rs == NULL);
	tt_error_format(&err, buf, sizeof(buf));
	CHECK_STR(buf, "rules/u.rules:2:9: unknown theme 'nope'");
	tt_error_release(&err);

	/* a property before any block of its file */
	rs = load("", "  label \"x\"\n", &err);
	CHECK(rs == NULL);
	tt_error_format(&err, buf, sizeof(buf));
	CHECK_STR(buf, "rules/u.rules:1:3: 'label' outside a block; start one with 'rule ID', 'theme ID' or 'group ID'");
	tt_error_release(&err);

	/* a rules directory that is not there, or holds no rule files */
	rs = NULL;
	tt_error_init(&err);
	CHECK_INT(tt_ruleset_load_dirs(&rs, "nowhere", "lex", &err), TT_EINPUT);
	CHECK_STR(err.msg, "cannot open rules directory 'nowhere': No such file or directory");
	tt_error_release(&err);
	CHECK_INT(tt_ruleset_load_dirs(&rs, "lex", "lex", &err), TT_EINPUT);
	CHECK_STR(err.msg, "no .rules files in 'lex'");
	tt_error_release(&err);
	/* a missing cue lexicon */
	unlink("rules/u.rules");
	CHECK_INT(tt_ruleset_load_dirs(&rs, "rules", "rules", &err), TT_EINPUT);
	tt_error_format(&err, buf, sizeof(buf));
	CHECK_STR(buf, "rules/negation.txt: missing cue lexicon 'negation'; every rule set needs it (see rules/README.md)");
	tt_error_release(&err);
}

/* --- lexicons and stems --------------------------------------------------- */

static void test_lexicon_expansion(void)
{
	tt_error err;
	tt_ruleset *rs = load("rule t\n  theme tools\n  polarity mention\n  trigger {tools}\n", NULL, &err);
	CHECK(rs != NULL);
	if (!rs)
		return;
	tt_matcher *saved = matcher;
	matcher = tt_matcher_new(rs);
	static const struct {
		const char *text;
		const char *match; /* NULL: no hit */
	} cases[] = {
		{"The C.A.F. was done.", "C.A.F."},
		{"The CxAxFx was done.", NULL},
		{"An (EHA) was done.", "(EHA)"},
		{"An EHA was done.", NULL},
		{"the step father came", "step father"},
		{"the step-father came", "step-father"},
		{"the step  -  father came", "step  -  father"},
		{"the stepfather came", NULL},
		{"early-help offer", "early-help"},
		{"EARLY HELP offer", "EARLY HELP"},
		{"earlyhelp offer", NULL},
		{"helpful early helpers", NULL},
		{"a S47+ enquiry", "S47+"},
		{"a S47 enquiry", NULL},
	};
	for (size_t i = 0; i < TT_ARRAY_LEN(cases); i++) {
		tag(cases[i].text);
		if (!cases[i].match) {
			CHECK_INT(hits.n, 0);
			continue;
		}
		CHECK_INT(hits.n, 1);
		if (hits.n)
			CHECK_STR(hits.v[0].match, cases[i].match);
	}
	tt_matcher_free(matcher);
	matcher = saved;
	tt_ruleset_free(rs);
}

static void test_stems_and_offsets(void)
{
	/* {~carers} has "father": fathers, father's; ~involv a stem term */
	tag("Fathers were fully involved.");
	CHECK_STR(summary(), "fathers:strength");
	tag("The father's views: he was involved fully.");
	CHECK_STR(summary(), "fathers:strength");
	tag("The step-fathers were not assessed.");
	CHECK_STR(summary(), "fathers:concern");
	if (hits.n)
		CHECK_STR(hits.v[0].match, "step-fathers");
	tag("The fathering course was involving.");
	CHECK_INT(hits.n, 1);
	tag("The father attended the school fair.");
	CHECK_INT(hits.n, 0);
	/* ~delay: delays, delayed */
	tag("Decisions were delayed.");
	CHECK_STR(summary(), "delay:concern");
	/* offsets are display bytes, after multi-byte characters */
	const char *t = "\xc3\x89t\xc3\xa9 \xe2\x80\x94 \xe2\x80\x9c" "fathers\xe2\x80\x9d were not seen.";
	tag(t);
	CHECK_INT(hits.n, 1);
	if (hits.n) {
		CHECK_INT(hits.v[0].start, 13);
		CHECK_INT(hits.v[0].end, 20);
		CHECK_MEM(t + hits.v[0].start, hits.v[0].end - hits.v[0].start, "fathers");
		CHECK_STR(hits.v[0].cue, "were not");
	}
	/* a norm pattern after curly quotes: the ' in child's is folded */
	tag("The child\xe2\x80\x99s views were clearly recorded.");
	CHECK_STR(summary(), "voice:strength");
	if (hits.n)
		CHECK_STR(hits.v[0].match, "child\xe2\x80\x99s views");
}

/* --- polarity ---------------------------------------------------------------- */

static void test_polarity_paths(void)
{
	static const struct {
		const char *text;
		const char *want;
		const char *cue_kind;
	} cases[] = {
		/* fixed by the rule */
		{"The glossary was not good.", "gloss:mention", "fixed"},
		/* practice + negation, + evaluative, negated evaluative */
		{"The voice of the child was not evident.", "voice:concern", "negation"},
		{"There was no evidence of the voice of the child.", "voice:concern", "negation"},
		{"Information sharing was very effective.", "info:strength", "evaluative"},
		{"Information sharing was poor.", "info:concern", "evaluative"},
		{"Information sharing was not always effective.", "info:concern", "negation"},
		{"Information sharing was not good.", "info:concern", "negation"},
		{"The child's voice was clearly recorded.", "voice:strength", "evaluative"},
		{"Limited information sharing between health and social care.", "info:concern", "negation"},
		{"Plans were rarely reviewed.", "plans:concern", "negation"},
		{"Information sharing failed to happen.", "info:concern", "negation"},
		/* deficit: present, negated, improved */
		{"There was a delay in allocation.", "delay:concern", "default"},
		{"No delay was found.", "delay:strength", "negation"},
		{"Auditors found no missed opportunities to share information.", "info:strength", "negation"},
		{"There were no gaps in information sharing.", "info:strength", "negation"},
		{"There was no drift.", "delay:strength", "negation"},
		{"Delays have reduced.", "delay:strength", "evaluative"},
		{"Drift was evident.", "delay:concern", "default"},
		/* risk: present, good response, reduced, negated response */
		{"Domestic abuse was a feature.", "da:concern", "default"},
		{"Domestic abuse was well managed.", "da:strength", "evaluative"},
		{"The risk of domestic abuse had reduced.", "da:strength", "evaluative"},
		{"Domestic abuse was no longer a risk.", "da:strength", "evaluative"},
		{"Domestic abuse was not identified.", "da:concern", "negation"},
		{"There was clear evidence of domestic abuse.", "da:concern", "default"},
		/* pseudo-negation */
		{"Information sharing led to no further action.", "info:mention", "default"},
		{"Not only was information sharing good, it was timely.", "info:strength", "evaluative"},
		{"There is no doubt that information sharing was good.", "info:strength", "evaluative"},
		{"Practitioners did not hesitate to share information.", "info:mention", "default"},
		{"Information sharing about the child's well-being.", "info:mention", "default"},
		/* recommendation and questions */
		{"Partners to ensure that information sharing is timely.", "info:concern", "recommendation"},
		{"Managers should ensure plans are reviewed.", "plans:concern", "recommendation"},
		{"Plans need to be SMART.", "plans:concern", "recommendation"},
		{"How can we improve information sharing?", "info:concern", "recommendation"},
		{"Good plans should be commended.", "plans:strength", "evaluative"},
		/* mention cues */
		{"Training on domestic abuse was delivered to 200 staff.", "da:mention", "mention"},
		{"What is domestic abuse?", "da:mention", "mention"},
		{"A briefing on drift was held.", "delay:mention", "mention"},
		{"There was no training on domestic abuse.", "da:concern", "negation"},
		/* default */
		{"Plans were written.", "plans:mention", "default"},
		{"The index was updated.", "gloss:strength", "default"},
		/* proportions as judgements */
		{"Plans were good in only 2 of 10 cases.", "plans:concern", "proportion"},
		{"In 100% of cases plans were reviewed.", "plans:strength", "proportion"},
		{"In 4 of 6 cases plans were not reviewed.", "plans:concern", "negation"},
		{"Drift was found in 1 of 10 cases.", "delay:concern", "proportion"},
		{"None of the plans were poor.", "plans:strength", "negation"},
		{"In none of the cases was there drift.", "delay:strength", "negation"},
		/* a quantifier negation reaches over its clause */
		{"None of the plans in the sample was judged to be superficial.", "plans:strength", "negation"},
		/* double negation: a denial denied */
		{"There was no lack of information sharing.", "info:strength", "negation"},
		{"No case was without a plan.", "plans:strength", "negation"},
		{"Information sharing was not without its difficulties.", "info:strength", "negation"},
		/* a pseudo-negation hides the negation it shares a word with */
		{"The plans were not only SMART but detailed.", "plans:strength", "evaluative"},
		/* "not yet" negates; a negation negates the first cue after it */
		{"Plans are not yet consistently reviewed.", "plans:concern", "negation"},
		{"Managers are not yet consistently challenging drift.", "delay:concern", "negation"},
		/* hedges */
		{"The plans were holistic to some extent.", "plans:concern", "negation"},
		{"Plans were barely reviewed.", "plans:concern", "negation"},
		{"Plans were mostly, but not always, reviewed.", "plans:strength", "proportion"},
		{"Plans were largely absent.", "plans:concern", "evaluative"},
		/* comparatives: two objects, or the past */
		{"Plans are stronger than at the last inspection.", "plans:strength", "evaluative"},
		{"Information sharing was no less effective than before.", "info:strength", "negation"},
		/* an embedded question or a condition recommends nothing */
		{"The plan set out what the parents needed to change.", "plans:mention", "default"},
		{"The plan was good and will be reviewed should concerns arise.", "plans:strength", "evaluative"},
		/* questions: action-seeking, or an audit question */
		{"Are plans reviewed on time?", "plans:concern", "recommendation"},
		{"Was the plan reviewed?", "plans:mention", "default"},
		{"Audit tool, part 2: was the plan reviewed?", "plans:mention", "mention"},
		{"How well did plans work? This was the question the audit set out to answer.", "plans:mention", "mention"},
		/* a noun "need to", a condition "when ... needed": no recommendation */
		{"Plans reflected the need to obtain consent.", "plans:mention", "default"},
		{"Plans are updated when they are needed.", "plans:mention", "default"},
		/* a judgement nearer the hit than the mention cue wins */
		{"Plans were detailed and training was provided.", "plans:strength", "evaluative"},
		/* "missing from home" names a risk, it judges nothing */
		{"Plans for a boy missing from home were reviewed.", "plans:mention", "default"},
		{"Failures to share information were common.", "info:concern", "negation"},
	};
	for (size_t i = 0; i < TT_ARRAY_LEN(cases); i++) {
		tag(cases[i].text);
		if (strcmp(summary(), cases[i].want))
			fprintf(stderr, "  case %zu: %s\n", i, cases[i].text);
		CHECK_STR(summary(), cases[i].want);
		if (hits.n == 1)
			CHECK_STR(tt_cue_kind_name(hits.v[0].cue_kind), cases[i].cue_kind);
	}
}

static void test_clauses(void)
{
	tag("Information sharing was good but plans were not SMART.");
	CHECK_STR(summary(), "info:strength plans:concern");
	tag("Information sharing was good; plans were poor.");
	CHECK_STR(summary(), "info:strength plans:concern");
	/* different objects of one theme: both */
	tag("CP plans were specific; CIN plans were weaker.");
	CHECK_STR(summary(), "plans:strength plans:concern");
	/* a hitless contrast clause judges the same object */
	tag("Plans were SMART but were not reviewed.");
	CHECK_STR(summary(), "plans:concern");
	tag("Although information sharing was good, it was not timely.");
	CHECK_STR(summary(), "info:concern");
	/* a concession on one object is a concern only */
	tag("Although the plan was detailed, the plans were not reviewed.");
	CHECK_STR(summary(), "plans:concern");
	/* the concession's own cue does not reach the main clause */
	tag("Although information sharing was poor, the plans were good.");
	CHECK_STR(summary(), "info:concern plans:strength");
	/* "however" ends the clause of "not" */
	tag("Plans were not updated, however information sharing was good.");
	CHECK_STR(summary(), "plans:concern info:strength");
	/* mentions give way to judgements of the same theme */
	tag("Plans were discussed and the plans were good.");
	CHECK_STR(summary(), "plans:strength");
	/* ", but" is a contrast like "but" */
	tag("Plans were SMART, but were not reviewed.");
	CHECK_STR(summary(), "plans:concern");
	tag("The father was seen, but little was done.");
	CHECK_STR(summary(), "fathers:concern");
	/* a contrast clause with a new subject is about another object */
	tag("Plans were detailed, but the school was not told.");
	CHECK_STR(summary(), "plans:strength");
	/* a strength qualified at once by the next clause gives way */
	tag("Plans were detailed but rarely were the plans reviewed.");
	CHECK_STR(summary(), "plans:concern");
	/* adverbial "yet", "all but", "but not always" after "mostly" do
	 * not end a clause */
	tag("Plans are not yet SMART.");
	CHECK_STR(summary(), "plans:concern");
	tag("Plans were reviewed in all but one of the twelve cases.");
	CHECK_STR(summary(), "plans:strength");
	CHECK_INT(hits.n ? hits.v[0].prop_num : 0, 11);
	CHECK_INT(hits.n ? hits.v[0].prop_den : 0, 12);
	/* two objects compared, or judged across ";" and "whereas" */
	tag("Plans were stronger for CP cases than for CIN cases.");
	CHECK_STR(summary(), "plans:concern plans:strength");
	tag("Information sharing with schools is less consistent than with health.");
	CHECK_STR(summary(), "info:concern info:strength");
	tag("Plans in the east team were good; in the west team it was sporadic.");
	CHECK_STR(summary(), "plans:concern plans:strength");
	tag("Information sharing with schools was good, whereas health was rarely told.");
	CHECK_STR(summary(), "info:concern info:strength");
	/* ... but not a bare negation that judges nothing named */
	tag("Plans were good, and there were no concerns.");
	CHECK_STR(summary(), "plans:strength");
	/* a comment clause decides an undecided hit */
	tag("Plans were reviewed monthly, which was good practice.");
	CHECK_STR(summary(), "plans:strength");
}

static void test_headings(void)
{
	tt_doc d;
	tt_doc_init(&d);
	d.nsec = d.sec_alloc = 4;
	d.sec = xcalloc(4, sizeof(*d.sec));
	static const char *const titles[] = {"Audit findings", "Areas for development",
					     "Plans", "What went well"};
	static const int parents[] = {-1, 0, 1, 0};
	for (int i = 0; i < 4; i++) {
		d.sec[i].title = xstrdup(titles[i]);
		d.sec[i].path = xstrdup(titles[i]);
		d.sec[i].parent = parents[i];
		d.sec[i].level = i == 2 ? 3 : i ? 2 : 1;
	}
	tt_sentence *s = &sent;
	static const struct {
		int section;
		tt_block_kind kind;
		const char *text;
		const char *want;
		const char *cue;
	} cases[] = {
		{1, TT_BLOCK_LIST_ITEM, "Quality of plans", "plans:concern", "Areas for development"},
		{2, TT_BLOCK_LIST_ITEM, "Quality of plans", "plans:concern", "Areas for development"},
		{3, TT_BLOCK_LIST_ITEM, "Quality of plans", "plans:strength", "What went well"},
		{0, TT_BLOCK_LIST_ITEM, "Quality of plans", "plans:mention", ""},
		{-1, TT_BLOCK_LIST_ITEM, "Quality of plans", "plans:mention", ""},
		/* the sentence's own cue wins */
		{3, TT_BLOCK_LIST_ITEM, "Plans were not reviewed", "plans:concern", "were not"},
		{1, TT_BLOCK_LIST_ITEM, "Plans were good", "plans:strength", "good"},
		/* a heading itself is a mention */
		{2, TT_BLOCK_HEADING, "Plans", "plans:mention", ""},
		/* a deficit's presumed concern gives way to a strength heading */
		{3, TT_BLOCK_LIST_ITEM, "Drift", "delay:strength", "What went well"},
		/* a grade table row is a mention */
		{1, TT_BLOCK_TABLE_ROW, "Plans 3 4 1", "plans:mention", "grade counts"},
	};
	for (size_t i = 0; i < TT_ARRAY_LEN(cases); i++) {
		tag(cases[i].text);
		s->section = cases[i].section;
		s->kind = cases[i].kind;
		tt_hits_reset(&hits);
		tt_match_sentence(matcher, &d, s, &hits);
		CHECK_STR(summary(), cases[i].want);
		if (hits.n)
			CHECK_STR(hits.v[0].cue, cases[i].cue);
	}
	tt_doc_release(&d);
}

static void test_proportions(void)
{
	static const struct {
		const char *text;
		long num, den;
		const char *want;
	} cases[] = {
		{"In 4 of the 6 cases plans were good.", 4, 6, "plans:strength"},
		{"4 out of 6 plans were good.", 4, 6, "plans:strength"},
		{"In two of the ten cases plans were reviewed.", 2, 10, "plans:concern"},
		{"Plans were reviewed in twenty-one of thirty cases.", 21, 30, "plans:strength"},
		{"In 100% of cases plans were reviewed.", 100, 100, "plans:strength"},
		{"In 45 per cent of cases plans were reviewed.", 45, 100, "plans:concern"},
		{"Only one case had plans.", 1, -1, "plans:concern"},
		{"Plans were reviewed in just 3 cases.", 3, -1, "plans:concern"},
		{"In the majority of cases plans were reviewed.", -1, -1, "plans:strength"},
		{"In most cases plans were reviewed.", -1, -1, "plans:strength"},
		{"In all cases plans were reviewed.", -1, -1, "plans:strength"},
		{"In all 8 cases plans were reviewed.", 8, 8, "plans:strength"},
		{"Half of the plans were reviewed.", -1, -1, "plans:concern"},
		{"Fewer than half of the plans were reviewed.", -1, -1, "plans:concern"},
		{"A minority of plans were reviewed.", -1, -1, "plans:concern"},
		{"None of the 5 plans were reviewed.", 0, 5, "plans:concern"},
		{"In some cases plans were reviewed.", -1, -1, "plans:concern"},
		{"In 3 cases plans were reviewed.", 3, -1, "plans:mention"},
		{"Only a handful of plans were reviewed.", -1, -1, "plans:concern"},
		{"Two-thirds of plans were reviewed.", 2, 3, "plans:strength"},
		{"A third of plans were reviewed.", 1, 3, "plans:concern"},
		{"In one in five cases plans were reviewed.", 1, 5, "plans:concern"},
		{"Plans were reviewed in some older open cases.", -1, -1, "plans:concern"},
		{"Plans were mostly reviewed.", -1, -1, "plans:strength"},
		{"Plans were reviewed.", -1, -1, "plans:mention"},
	};
	for (size_t i = 0; i < TT_ARRAY_LEN(cases); i++) {
		tag(cases[i].text);
		if (strcmp(summary(), cases[i].want))
			fprintf(stderr, "  case %zu: %s\n", i, cases[i].text);
		CHECK_STR(summary(), cases[i].want);
		if (hits.n) {
			CHECK_INT(hits.v[0].prop_num, cases[i].num);
			CHECK_INT(hits.v[0].prop_den, cases[i].den);
		}
	}
}

static void test_attribution(void)
{
	const tt_hit *h;
	tag("The police did not speak to the children.");
	h = hit_of("voice");
	CHECK(h != NULL);
	if (h) {
		CHECK_INT(h->polarity, TT_POL_CONCERN);
		CHECK_STR(h->actor, "police");
	}
	tag("The school did not share information with the GP.");
	h = hit_of("info");
	CHECK(h && h->actor && !strcmp(h->actor, "school"));
	tag("Mother did not share information.");
	h = hit_of("info");
	CHECK(h && h->actor && !strcmp(h->actor, "Mother"));
	tag("Information sharing was good but the health visitor was not told.");
	h = hit_of("info");
	CHECK(h && h->actor == NULL);
	tag("Plans were good.");
	CHECK(hits.n == 1 && hits.v[0].actor == NULL);
}

static void test_limits(void)
{
	tt_error err;
	tt_ruleset *rs = load("rule slow\n  theme da\n  sense risk\n  trigger (a+)+$\n"
			      "rule quick\n  theme delay\n  sense deficit\n  trigger delay\n",
			      NULL, &err);
	CHECK(rs != NULL);
	if (!rs)
		return;
	tt_matcher *saved = matcher;
	matcher = tt_matcher_new(rs);
	char *text = xmalloc(20001);
	memset(text, 'a', 20000);
	memcpy(text + 19990, "b delay!!!", 10);
	text[20000] = '\0';
	double t0 = tt_now();
	for (int i = 0; i < 3; i++)
		tag(text);
	double dt = tt_now() - t0;
	CHECK(dt < 5.0);
	CHECK_INT(hits.nlimited, 1);
	if (hits.nlimited)
		CHECK_INT(hits.limited[0], 0);
	CHECK_INT(tt_matcher_limit_count(matcher, 0), 3);
	CHECK_INT(tt_matcher_limit_count(matcher, 1), 0);
	CHECK_STR(summary(), "delay:concern");
	/* the same sentence under tighter limits, then a harmless one */
	tt_matcher_set_limits(matcher, 1000, 100);
	tag("aaaa");
	CHECK_INT(hits.nlimited, 0);
	CHECK_STR(summary(), "da:concern");
	free(text);
	tt_matcher_free(matcher);
	matcher = saved;
	tt_ruleset_free(rs);

	/* 200 rules, one catastrophic: 40 long sentences in bounded time */
	tt_buf body = TT_BUF_INIT;
	for (int i = 0; i < 199; i++)
		tt_buf_addf(&body, "rule r%d\n  theme delay\n  sense deficit\n"
			    "  trigger \\b(?:word%d|term%d)s?\\b|delay%d\n  near 5 a+\n", i, i, i, i);
	tt_buf_addstr(&body, "rule slow\n  theme da\n  sense risk\n  trigger (\\w+\\s?)+$\n");
	rs = load(body.buf, NULL, &err);
	tt_buf_release(&body);
	CHECK(rs != NULL);
	if (!rs)
		return;
	CHECK_INT(tt_ruleset_nrule(rs), 200);
	saved = matcher;
	matcher = tt_matcher_new(rs);
	text = xmalloc(4001);
	for (int i = 0; i < 4000; i++)
		text[i] = i % 10 == 9 ? ' ' : 'a';
	memcpy(text + 3990, "word7 ! ! ", 10);
	text[4000] = '\0';
	t0 = tt_now();
	for (int i = 0; i < 40; i++)
		tag(text);
	dt = tt_now() - t0;
	CHECK(dt < 20.0);
	CHECK_INT(tt_matcher_limit_count(matcher, 199), 40);
	CHECK_STR(summary(), "delay:concern");
	free(text);
	tt_matcher_free(matcher);
	matcher = saved;
	tt_ruleset_free(rs);
}

static void test_version(void)
{
	tt_error err;
	char v1[65], v2[65], v3[65];
	tt_ruleset *rs = load("rule t\n  theme tools\n  polarity mention\n  trigger {tools}\n", NULL, &err);
	CHECK(rs != NULL);
	if (!rs)
		return;
	snprintf(v1, sizeof(v1), "%s", tt_ruleset_version(rs));
	tt_ruleset_free(rs);
	rs = load("rule t\n  theme tools\n  polarity mention\n  trigger {tools}\n", NULL, &err);
	snprintf(v2, sizeof(v2), "%s", tt_ruleset_version(rs));
	CHECK_INT(tt_ruleset_nlexicon(rs), 16);
	tt_ruleset_free(rs);
	CHECK_STR(v1, v2);
	/* a used lexicon changes the version; an unused one does not */
	write_file("lex/tools.txt", "# tools - with metacharacters\nC.A.F.\n(EHA)\nstep father\nearly help\nS47+\nTAF\n");
	rs = load("rule t\n  theme tools\n  polarity mention\n  trigger {tools}\n", NULL, &err);
	snprintf(v3, sizeof(v3), "%s", tt_ruleset_version(rs));
	tt_ruleset_free(rs);
	CHECK(strcmp(v1, v3) != 0);
	write_file("lex/kids.txt", "# kids - children\nchild\nchildren\nyoung person\nyoung people\nbaby\n");
	rs = load("rule t\n  theme tools\n  polarity mention\n  trigger {tools}\n", NULL, &err);
	CHECK_STR(tt_ruleset_version(rs), v3);
	tt_ruleset_free(rs);
	write_file("lex/tools.txt", "# tools - with metacharacters\nC.A.F.\n(EHA)\nstep father\nearly help\nS47+\n");
}

static void test_examples(void)
{
	tt_error err;
	tt_ruleset *rs = load(
		"rule d\n  theme delay\n  sense deficit\n  trigger ~delay\n"
		"  example concern \"There was a delay.\"\n"
		"  example strength \"No delay was found.\"\n"
		"  example none \"All was well.\"\n"
		"  example strength \"There was a delay.\"\n"
		"  example concern \"Delay\" under \"Areas for development\"\n"
		"  example strength \"Delay\" under \"What went well\"\n",
		NULL, &err);
	CHECK(rs != NULL);
	if (!rs)
		return;
	tt_matcher *m = tt_matcher_new(rs);
	static const unsigned want[] = {
		TT_POLMASK(TT_POL_CONCERN), TT_POLMASK(TT_POL_STRENGTH), 0,
		TT_POLMASK(TT_POL_CONCERN), TT_POLMASK(TT_POL_CONCERN),
		TT_POLMASK(TT_POL_STRENGTH)
	};
	CHECK_INT(tt_ruleset_nexample(rs), 6);
	for (size_t i = 0; i < 6 && i < tt_ruleset_nexample(rs); i++)
		CHECK_INT(tt_ruleset_run_example(rs, m, stemmer, i), want[i]);
	char buf[64];
	tt_polmask_format(TT_POLMASK(TT_POL_CONCERN) | TT_POLMASK(TT_POL_MENTION), buf, sizeof(buf));
	CHECK_STR(buf, "concern+mention");
	tt_polmask_format(0, buf, sizeof(buf));
	CHECK_STR(buf, "none");
	tt_matcher_free(m);
	tt_ruleset_free(rs);
}

static void test_prefilter(void)
{
	tt_error err;
	tt_ruleset *rs = load(
		"rule a\n  theme tools\n  polarity mention\n  trigger colou?r|\\bhue\\b\n"
		"rule b\n  theme plans\n  polarity mention\n  trigger (?-i)SKILL\n"
		"rule c\n  theme delay\n  polarity mention\n  trigger ab{2}c+d\n"
		"rule d\n  theme voice\n  polarity mention\n  trigger S\\.M\\.A\\.R\\.T|(?x) m a r k (?:s)? # c\n"
		"rule e\n  theme info\n  polarity mention\n  trigger {tools}|A&E\n",
		NULL, &err);
	CHECK(rs != NULL);
	if (!rs)
		return;
	tt_matcher *saved = matcher;
	matcher = tt_matcher_new(rs);
	tag("The COLOR and the Hue.");
	CHECK_STR(summary(), "tools:mention");
	CHECK_INT(hits.n, 1);
	tag("the hue");
	CHECK_STR(summary(), "tools:mention");
	/* caseless matching folds K and KELVIN SIGN: no false negative */
	tag("a \xe2\x84\xaaILL here");
	CHECK_INT(hits.n, 0);
	tag("a S\xe2\x84\xaaILL here");
	CHECK_INT(hits.n, 0); /* case-sensitive part: no match, rightly */
	tag("abbcccd");
	CHECK_STR(summary(), "delay:mention");
	tag("Plans were S.M.A.R.T. and marks given");
	CHECK_STR(summary(), "voice:mention");
	tag("the marks");
	CHECK_STR(summary(), "voice:mention");
	tag("Seen at a&e and by the c.a.f. team");
	CHECK_STR(summary(), "info:mention");
	tag("seen at ae");
	CHECK_INT(hits.n, 0);
	tt_matcher_free(matcher);
	matcher = saved;
	tt_ruleset_free(rs);
}

int main(void)
{
	tt_error err;
	setup();
	engine = load(engine_rules, NULL, &err);
	if (!engine) {
		fprintf(stderr, "engine rules: %s:%zu:%zu: %s\n", err.file, err.line, err.col, err.msg);
		tt_error_release(&err);
		teardown();
		return 1;
	}
	matcher = tt_matcher_new(engine);
	tt_hits_init(&hits);

	TT_RUN(test_load_valid);
	TT_RUN(test_load_errors);
	TT_RUN(test_lexicon_expansion);
	TT_RUN(test_stems_and_offsets);
	TT_RUN(test_polarity_paths);
	TT_RUN(test_clauses);
	TT_RUN(test_headings);
	TT_RUN(test_proportions);
	TT_RUN(test_attribution);
	TT_RUN(test_limits);
	TT_RUN(test_version);
	TT_RUN(test_examples);
	TT_RUN(test_prefilter);

	tt_hits_release(&hits);
	free(sent.text);
	free(sent.norm);
	free(sent.norm_to_text);
	free(sent.tok);
	free(sent.stems);
	tt_matcher_free(matcher);
	tt_ruleset_free(engine);
	teardown();
	return TT_DONE();
}
