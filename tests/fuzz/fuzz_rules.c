/*
 * fuzz_rules.c - arbitrary bytes as a rule file. Once per process a
 * private directory is made under $TMPDIR with rules/ and a copy of
 * tests/rules-test/lexicons as lexicons/; each input is written to
 * rules/fuzz.rules (the only rule file) and loaded with
 * tt_ruleset_load_dirs. The load must succeed, or fail with TT_EINPUT and
 * a message (never crash, never print). When it loads, the views are
 * walked, every example is run, a few fixed sentences (with a heading for
 * the section conditions) are matched, every hit is checked to lie in its
 * sentence and explained, and the finding signals are computed.
 */
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "rules.h"

static char tmpdir[4096];
static char rules_dir[4200], lex_dir[4200], rule_file[4300];
static tt_stemmer *st;
static tt_doc doc; /* the fixed sentences, analysed once */

static const char sample[] =
	"# Findings\n"
	"\n"
	"The children were not spoken to in 4 of the 6 cases.\n"
	"The children were clearly heard; the young people were not seen.\n"
	"No delay was found, but drift was evident in two of the ten audits.\n"
	"The fire risk in the home had reduced since the police became involved.\n"
	"\n"
	"## Appendix: glossary\n"
	"\n"
	"- The C.A.F. was used effectively and the step-fathers were fully involved.\n"
	"- Only one of the fathers was assessed.\n"
	"\n"
	"Recommendation: partners to ensure that children are seen alone "
	"(see para. 3.2) \xE2\x80\x94 \xE2\x80\x9Cwithout delay\xE2\x80\x9D.\n"
	"| Area | Grade |\n|---|---|\n| Voice of the child | Requires improvement |\n";

static void die(const char *what)
{
	fprintf(stderr, "fuzz_rules: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out;
	char buf[8192];
	size_t n;
	if (!in)
		die(from);
	if (!(out = fopen(to, "wb")))
		die(to);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			die(to);
	fclose(in);
	if (fclose(out))
		die(to);
}

static void rm_tree(void)
{
	DIR *dh;
	struct dirent *e;
	char p[8192];
	const char *dirs[2] = {rules_dir, lex_dir};
	if (!tmpdir[0])
		return;
	for (int i = 0; i < 2; i++) {
		if (!(dh = opendir(dirs[i])))
			continue;
		while ((e = readdir(dh)))
			if (e->d_name[0] != '.') {
				snprintf(p, sizeof(p), "%s/%s", dirs[i], e->d_name);
				unlink(p);
			}
		closedir(dh);
		rmdir(dirs[i]);
	}
	rmdir(tmpdir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *t = getenv("TMPDIR");
	char src[8192], dst[8192];
	DIR *dh;
	struct dirent *e;

	snprintf(tmpdir, sizeof(tmpdir), "%s/tt-fuzz-rules-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir))
		die("mkdtemp");
	atexit(rm_tree);
	snprintf(rules_dir, sizeof(rules_dir), "%s/rules", tmpdir);
	snprintf(lex_dir, sizeof(lex_dir), "%s/lexicons", tmpdir);
	snprintf(rule_file, sizeof(rule_file), "%s/fuzz.rules", rules_dir);
	if (mkdir(rules_dir, 0700) || mkdir(lex_dir, 0700))
		die("mkdir");
	snprintf(src, sizeof(src), "%s/tests/rules-test/lexicons", fuzz_srcdir());
	if (!(dh = opendir(src)))
		die(src);
	while ((e = readdir(dh))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(src, sizeof(src), "%s/tests/rules-test/lexicons/%s",
			 fuzz_srcdir(), e->d_name);
		snprintf(dst, sizeof(dst), "%s/%s", lex_dir, e->d_name);
		copy_file(src, dst);
	}
	closedir(dh);

	if (!(st = tt_stemmer_new())) {
		fprintf(stderr, "fuzz_rules: libstemmer has no English stemmer\n");
		exit(1);
	}
	tt_error err;
	tt_error_init(&err);
	tt_doc_init(&doc);
	if (tt_doc_from_mem(&doc, "sample.md", TT_FMT_MD, sample, sizeof(sample) - 1,
			    &err) != TT_OK) {
		fprintf(stderr, "fuzz_rules: sample: %s\n", err.msg);
		exit(1);
	}
	tt_error_release(&err);
	tt_doc_segment(&doc, TT_SEG_DOCUMENT);
	tt_doc_analyse(&doc, st);
	return 0;
}

static void exercise(tt_ruleset *rs)
{
	char buf[256];

	FUZZ_CHECK(strlen(tt_ruleset_version(rs)) == 64);
	for (size_t i = 0; i < tt_ruleset_ntheme(rs); i++) {
		const tt_theme_info *t = tt_ruleset_theme(rs, i);
		FUZZ_CHECK(t && t->id && t->label);
		FUZZ_CHECK(tt_ruleset_theme_find(rs, t->id) == (long)i);
		for (size_t k = 0; k < t->ngroups; k++)
			FUZZ_CHECK(tt_ruleset_group_find(rs, t->groups[k]) >= 0);
	}
	for (size_t i = 0; i < tt_ruleset_ngroup(rs); i++) {
		const tt_group_info *g = tt_ruleset_group(rs, i);
		FUZZ_CHECK(g && g->id);
		for (size_t k = 0; k < g->nthemes; k++)
			FUZZ_CHECK(g->themes[k] < tt_ruleset_ntheme(rs));
	}
	for (size_t i = 0; i < tt_ruleset_nrule(rs); i++) {
		const tt_rule_info *r = tt_ruleset_rule(rs, i);
		int stem = 0;
		FUZZ_CHECK(r && r->id && r->theme < tt_ruleset_ntheme(rs));
		FUZZ_CHECK(tt_ruleset_rule_find(rs, r->id) == (long)i);
		(void)tt_ruleset_rule_trigger(rs, i, &stem);
	}

	tt_matcher *m = tt_matcher_new(rs);
	/* keep a pathological pattern from taking the whole time budget */
	tt_matcher_set_limits(m, 100000u, 2000u);
	for (size_t i = 0; i < tt_ruleset_nexample(rs) && i < 64; i++) {
		const tt_example_info *ex = tt_ruleset_example(rs, i);
		FUZZ_CHECK(ex && ex->text && ex->rule < tt_ruleset_nrule(rs));
		unsigned got = tt_ruleset_run_example(rs, m, i % 2 ? st : NULL, i);
		FUZZ_CHECK(got < 8u);
		tt_polmask_format(got, buf, sizeof(buf));
	}

	tt_hits hits;
	tt_rule_trace tr;
	tt_signals *sig = tt_signals_new(rs);
	tt_hits_init(&hits);
	for (size_t i = 0; i < doc.nsent; i++) {
		const tt_sentence *s = &doc.sent[i];
		tt_hits_reset(&hits);
		tt_match_sentence(m, &doc, s, &hits);
		for (size_t k = 0; k < hits.n; k++) {
			const tt_hit *h = &hits.v[k];
			FUZZ_CHECK(h->start <= h->end && h->end <= s->text_len);
			FUZZ_CHECK(h->rule < tt_ruleset_nrule(rs));
			FUZZ_CHECK(h->theme < tt_ruleset_ntheme(rs));
			FUZZ_CHECK(h->match && strlen(h->match) == h->end - h->start);
			FUZZ_CHECK(!memcmp(h->match, s->text + h->start, h->end - h->start));
			FUZZ_CHECK(h->cue != NULL);
			FUZZ_CHECK(k == 0 || hits.v[k - 1].start <= h->start);
			(void)tt_rule_explain(m, &doc, s, h->rule, h->start, h->end, &tr);
		}
		tt_signals_format(tt_signals_of(sig, &doc, s), buf, sizeof(buf));
	}
	tt_hits_release(&hits);
	tt_signals_free(sig);
	tt_matcher_free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(rule_file, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f))
		die(rule_file);

	tt_ruleset *rs = (tt_ruleset *)1;
	tt_error err;
	tt_error_init(&err);
	tt_status rc = tt_ruleset_load_dirs(&rs, rules_dir, lex_dir, &err);
	if (rc == TT_OK) {
		FUZZ_CHECK(rs != NULL);
		exercise(rs);
		tt_ruleset_free(rs);
	} else {
		FUZZ_CHECK(rs == NULL);
		FUZZ_CHECK(rc == TT_EINPUT);
		FUZZ_CHECK(err.msg[0] != '\0');
	}
	tt_error_release(&err);
	return 0;
}
