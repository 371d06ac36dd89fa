/*
 * fuzz_scan.c - `themetrack scan` end to end over the fixed test rule set
 * (tests/rules-test/rules with tests/rules-test/lexicons) on arbitrary
 * input text: read (tt_doc_from_mem), segment (whole document, and one
 * unit per line as scan --lines does), analyse, match every sentence.
 * Every hit must lie in its sentence's display text on character
 * boundaries, carry that text as its match, name a known rule and theme,
 * and come in order of start; each hit is explained (scan --explain) and
 * the sentence's finding signals computed (uncovered, recurring).
 */
#include "fuzz.h"
#include "rules.h"

static tt_ruleset *rs;
static tt_matcher *m;
static tt_signals *sig;
static tt_stemmer *st;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char rules[4096], lex[4096];
	tt_error err;

	snprintf(rules, sizeof(rules), "%s/tests/rules-test/rules", fuzz_srcdir());
	snprintf(lex, sizeof(lex), "%s/tests/rules-test/lexicons", fuzz_srcdir());
	tt_error_init(&err);
	if (tt_ruleset_load_dirs(&rs, rules, lex, &err) != TT_OK) {
		char msg[2048];
		tt_error_format(&err, msg, sizeof(msg));
		fprintf(stderr, "fuzz_scan: %s (set TT_FUZZ_SRCDIR to the source tree)\n", msg);
		exit(1);
	}
	tt_error_release(&err);
	m = tt_matcher_new(rs);
	sig = tt_signals_new(rs);
	st = tt_stemmer_new();
	if (!st) {
		fprintf(stderr, "fuzz_scan: libstemmer has no English stemmer\n");
		exit(1);
	}
	return 0;
}

static void scan(const uint8_t *data, size_t size, tt_format fmt, tt_seg_mode mode)
{
	tt_doc d;
	tt_error err;
	tt_hits hits;
	tt_rule_trace tr;
	char buf[256];

	tt_doc_init(&d);
	tt_error_init(&err);
	if (tt_doc_from_mem(&d, "fuzz", fmt, (const char *)data, size, &err) != TT_OK)
		goto done;
	tt_doc_segment(&d, mode);
	tt_doc_analyse(&d, st);
	tt_hits_init(&hits);
	for (size_t i = 0; i < d.nsent; i++) {
		const tt_sentence *s = &d.sent[i];
		tt_hits_reset(&hits);
		tt_match_sentence(m, &d, s, &hits);
		for (size_t k = 0; k < hits.n; k++) {
			const tt_hit *h = &hits.v[k];
			FUZZ_CHECK(h->start <= h->end && h->end <= s->text_len);
			FUZZ_CHECK(fuzz_at_boundary(s->text, s->text_len, h->start));
			FUZZ_CHECK(fuzz_at_boundary(s->text, s->text_len, h->end));
			FUZZ_CHECK(h->match && strlen(h->match) == h->end - h->start);
			FUZZ_CHECK(!memcmp(h->match, s->text + h->start, h->end - h->start));
			FUZZ_CHECK(h->rule < tt_ruleset_nrule(rs));
			FUZZ_CHECK(h->theme < tt_ruleset_ntheme(rs));
			FUZZ_CHECK(h->theme == tt_ruleset_rule(rs, h->rule)->theme);
			FUZZ_CHECK(h->polarity == TT_POL_CONCERN ||
				   h->polarity == TT_POL_STRENGTH ||
				   h->polarity == TT_POL_MENTION);
			FUZZ_CHECK(h->cue != NULL);
			FUZZ_CHECK(k == 0 || hits.v[k - 1].start <= h->start);
			(void)tt_rule_explain(m, &d, s, h->rule, h->start, h->end, &tr);
			FUZZ_CHECK(tr.ncond <= TT_ARRAY_LEN(tr.cond));
		}
		for (size_t k = 0; k < hits.nlimited; k++)
			FUZZ_CHECK(hits.limited[k] < tt_ruleset_nrule(rs));
		tt_signals_format(tt_signals_of(sig, &d, s), buf, sizeof(buf));
	}
	tt_hits_release(&hits);
done:
	tt_error_release(&err);
	tt_doc_release(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	scan(data, size, TT_FMT_MD, TT_SEG_DOCUMENT);
	scan(data, size, TT_FMT_TXT, TT_SEG_LINES);
	return 0;
}
