/*
 * test_analyse.c - analyse.c: normalisation and its byte map, the
 * tokenizer's kinds and offsets, stems and the stem cache, the stem view
 * and the way back from a stem to display bytes, tt_doc_analyse.
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "text.h"
#include "buf.h"
#include "banned.h"

static tt_stemmer *st;

/* A sentence holding a malloc'd copy of text, analysed. */
static void sent_load(tt_sentence *s, const char *text)
{
	memset(s, 0, sizeof(*s));
	s->text_len = strlen(text);
	s->text = xmemdup(text, s->text_len);
	tt_sentence_analyse(s, st);
}

static void sent_free(tt_sentence *s)
{
	free(s->text);
	free(s->text_to_doc);
	free(s->norm);
	free(s->norm_to_text);
	free(s->tok);
	free(s->stems);
	memset(s, 0, sizeof(*s));
}

/* --- normalisation ------------------------------------------------------- */

static void check_norm(const char *text, const char *want)
{
	char *norm = NULL;
	size_t len = 0;
	uint32_t *map = NULL;
	tt_normalise(text, strlen(text), &norm, &len, &map);
	CHECK_MEM(norm, len, want);
	CHECK_INT(norm[len], 0);
	CHECK_INT(map[len], strlen(text));
	free(norm);
	free(map);
}

static void test_normalise_classes(void)
{
	/* single quotes and prime: ‘ ’ ‚ ‛ ′ */
	check_norm("\xE2\x80\x98" "a\xE2\x80\x99 \xE2\x80\x9A" "b\xE2\x80\x9B 5\xE2\x80\xB2",
		   "'a' 'b' 5'");
	/* double quotes and double prime: “ ” „ ″ */
	check_norm("\xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x9Er\xE2\x80\xB3", "\"q\" \"r\"");
	/* dashes: ‐ ‑ ‒ – — ― − */
	check_norm("a\xE2\x80\x90" "b\xE2\x80\x91" "c\xE2\x80\x92" "d\xE2\x80\x93" "e"
		   "\xE2\x80\x94" "f\xE2\x80\x95g\xE2\x88\x92h", "a-b-c-d-e-f-g-h");
	/* spaces: NBSP, U+2000-U+200A, U+202F, U+205F, U+3000 */
	check_norm("1\xC2\xA0" "2\xE2\x80\x80\xE2\x80\x81\xE2\x80\x82\xE2\x80\x83"
		   "\xE2\x80\x84\xE2\x80\x85\xE2\x80\x86\xE2\x80\x87\xE2\x80\x88"
		   "\xE2\x80\x89\xE2\x80\x8A" "3\xE2\x80\xAF" "4\xE2\x81\x9F" "5"
		   "\xE3\x80\x80" "6", "1 2           3 4 5 6");
	/* zero-width characters and the soft hyphen go: U+200B-D, U+FEFF, U+00AD */
	check_norm("a\xE2\x80\x8B" "b\xE2\x80\x8C" "c\xE2\x80\x8D" "d\xEF\xBB\xBF" "e",
		   "abcde");
	check_norm("safe\xC2\xADguarding", "safeguarding");
	/* ligatures: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ */
	check_norm("\xEF\xAC\x80 \xEF\xAC\x81 \xEF\xAC\x82 \xEF\xAC\x83 \xEF\xAC\x84 "
		   "\xEF\xAC\x85 \xEF\xAC\x86", "ff fi fl ffi ffl st st");
	check_norm("e\xEF\xAC\x80" "ective \xEF\xAC\x81nal", "effective final");
	/* ellipsis */
	check_norm("wait\xE2\x80\xA6 then", "wait... then");
	/* full-width ASCII */
	check_norm("\xEF\xBC\xA3\xEF\xBC\xB3\xEF\xBC\xA5\xEF\xBC\x91\xEF\xBC\x81",
		   "CSE1!");
	/* case and other characters are kept */
	check_norm("CAMHS Child caf\xC3\xA9 Zo\xC3\xAB \xE2\x82\xAC" "5 \xE2\x80\xA2 x",
		   "CAMHS Child caf\xC3\xA9 Zo\xC3\xAB \xE2\x82\xAC" "5 \xE2\x80\xA2 x");
	check_norm("", "");
	/* invalid UTF-8 (text not from a document) passes through unharmed */
	check_norm("a\xFF" "b\xE2\x80", "a\xFF" "b\xE2\x80");
}

static void test_normalise_map(void)
{
	/* “Dad’s” – café: seen */
	const char *text = "\xE2\x80\x9C" "Dad\xE2\x80\x99s\xE2\x80\x9D \xE2\x80\x93 "
			   "caf\xC3\xA9: seen";
	static const uint32_t want[] = {
		0,                      /* " <- “ */
		3, 4, 5,                /* Dad */
		6,                      /* ' <- ’ */
		9,                      /* s */
		10,                     /* " <- ” */
		13, 14, 17,             /* space, - <- –, space */
		18, 19, 20, 21, 22,     /* c a f é (both bytes) */
		23, 24, 25, 26, 27, 28, /* ": seen" */
		29,                     /* norm_len -> text_len */
	};
	char *norm = NULL;
	size_t len = 0;
	uint32_t *map = NULL;
	tt_normalise(text, strlen(text), &norm, &len, &map);
	CHECK_STR(norm, "\"Dad's\" - caf\xC3\xA9: seen");
	CHECK_INT(len, TT_ARRAY_LEN(want) - 1);
	for (size_t i = 0; i < TT_ARRAY_LEN(want) && i <= len; i++)
		CHECK_INT(map[i], want[i]);
	/* "seen" found in norm maps to "seen" in the display text */
	const char *at = strstr(norm, "seen");
	CHECK(at != NULL);
	if (at) {
		size_t b = (size_t)(at - norm);
		CHECK_MEM(text + map[b], map[b + 4] - map[b], "seen");
	}
	free(norm);
	free(map);

	/* every byte of a replacement maps to its character's first byte */
	tt_normalise("\xEF\xAC\x83x\xE2\x80\xA6", 7, &norm, &len, &map);
	CHECK_STR(norm, "ffix...");
	static const uint32_t want2[] = {0, 0, 0, 3, 4, 4, 4, 7};
	CHECK_INT(len, 7);
	for (size_t i = 0; i <= len && i < TT_ARRAY_LEN(want2); i++)
		CHECK_INT(map[i], want2[i]);
	free(norm);
	free(map);

	/* removed characters leave no norm bytes */
	tt_normalise("a\xC2\xAD" "b\xE2\x80\x8B", 7, &norm, &len, &map);
	CHECK_STR(norm, "ab");
	CHECK_INT(map[0], 0);
	CHECK_INT(map[1], 3);
	CHECK_INT(map[2], 7);
	free(norm);
	free(map);
}

/* --- tokenizer ----------------------------------------------------------- */

/* Renders tokens as "K:text@start ..." with K one of W N P A. */
static void render_tokens(const tt_sentence *s, tt_buf *out)
{
	static const char kind[] = "WNPA";
	tt_buf_reset(out);
	for (size_t i = 0; i < s->ntok; i++) {
		const tt_token *t = &s->tok[i];
		if (i)
			tt_buf_addch(out, ' ');
		tt_buf_addf(out, "%c:%.*s@%u", kind[t->kind], (int)(t->end - t->start),
			    s->norm + t->start, t->start);
	}
}

static void test_tokenize(void)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{"child's", "W:child's@0"},
		{"the child\xE2\x80\x99s views", "W:the@0 W:child's@4 W:views@12"},
		{"step-father", "W:step-father@0"},
		{"his step\xE2\x80\x91" "father", "W:his@0 W:step-father@4"},
		{"well-being", "W:well-being@0"},
		{"at 9 o'clock", "W:at@0 N:9@3 W:o'clock@5"},
		{"parents' views", "W:parents@0 W:views@9"},
		{"don't", "W:don't@0"},
		{"S47 enquiry", "A:S47@0 W:enquiry@4"},
		{"S47s and S47's", "A:S47s@0 W:and@5 A:S47's@9"},
		{"3.7% of cases", "P:3.7%@0 W:of@5 W:cases@8"},
		{"37 % of", "P:37 %@0 W:of@5"},
		{"3 of 10 (30%)", "N:3@0 W:of@2 N:10@5 P:30%@9"},
		{"in 2016-17 and 2016/17", "W:in@0 N:2016-17@3 W:and@11 N:2016/17@15"},
		{"1,200 children", "N:1,200@0 W:children@6"},
		{"1,2 and 1,2000", "N:1@0 N:2@2 W:and@4 N:1@8 N:2000@10"},
		{"\xC2\xA3" "1,200.50 spent", "N:1,200.50@2 W:spent@11"},
		{"in 2016.", "W:in@0 N:2016@3"},
		{"(CAMHS)", "A:CAMHS@1"},
		{"CAMHS' input", "A:CAMHS@0 W:input@7"},
		{"NHS's role", "A:NHS's@0 W:role@6"},
		{"LSCBs and IROs", "A:LSCBs@0 W:and@6 A:IROs@10"},
		{"CSE, CP and LAC.", "A:CSE@0 A:CP@5 W:and@8 A:LAC@12"},
		{"COVID-19 pandemic", "A:COVID-19@0 W:pandemic@9"},
		{"I saw A and OK", "W:I@0 W:saw@2 W:A@6 W:and@8 A:OK@12"},
		{"\xE2\x80\x9C" "engaged\xE2\x80\x9D well", "W:engaged@1 W:well@10"},
		{"'voice' of", "W:voice@1 W:of@8"},
		{"wait\xE2\x80\xA6 then", "W:wait@0 W:then@8"},
		{"safe...and", "W:safe@0 W:and@7"},
		{"pre- and post-natal", "W:pre@0 W:and@5 W:post-natal@9"},
		{"step-", "W:step@0"},
		{"safe--guarding", "W:safe@0 W:guarding@6"},
		{"e.g. the", "W:e.g.@0 W:the@5"},
		{"i.e., a plan", "W:i.e.@0 W:a@6 W:plan@8"},
		{"U.K. law", "A:U.K.@0 W:law@5"},
		{"A. Smith", "W:A@0 W:Smith@3"},
		{"and/or", "W:and@0 W:or@4"},
		{"17th May", "W:17th@0 W:May@5"},
		{"the 1990's", "W:the@0 N:1990's@4"},
		{"10am 3D", "W:10am@0 A:3D@5"},
		{"Year 7-11", "W:Year@0 N:7-11@5"},
		{"Zo\xC3\xAB\xE2\x80\x99s caf\xC3\xA9", "W:Zo\xC3\xAB's@0 W:caf\xC3\xA9@7"},
		{"\xC3\x89" "COLE na\xC3\xAF" "ve", "A:\xC3\x89" "COLE@0 W:na\xC3\xAF" "ve@7"},
		{"x\xEF\xBF\xBDy", "W:x@0 W:y@4"},
		/* combining marks follow their letter, and start nothing */
		{"cafe\xCC\x81 ok", "W:cafe\xCC\x81@0 W:ok@7"},
		{"a \xCC\xB6 b", "W:a@0 W:b@5"},
		{"2014\xCC\xB5-15", "N:2014@0 N:15@7"},
		{"a \xE2\x80\xA2 b \xE2\x82\xAC" "5", "W:a@0 W:b@6 N:5@11"},
		{"\xEF\xAC\x81nal", "W:final@0"},
		{"rock'n'roll", "W:rock'n'roll@0"},
		{"", ""},
		{" ... - ' \" ", ""},
	};
	tt_buf out = TT_BUF_INIT;
	for (size_t i = 0; i < TT_ARRAY_LEN(cases); i++) {
		tt_sentence s;
		sent_load(&s, cases[i].text);
		render_tokens(&s, &out);
		if (strcmp(out.buf, cases[i].want) != 0) {
			fprintf(stderr, "%s:%d: tokenize \"%s\": got \"%s\", want \"%s\"\n",
				__FILE__, __LINE__, cases[i].text, out.buf, cases[i].want);
			tt_test_failed_now = 1;
		}
		sent_free(&s);
	}
	tt_buf_release(&out);
}

/* tt_tokenize on its own, on a sentence with only norm set. */
static void test_tokenize_alone(void)
{
	tt_sentence s;
	memset(&s, 0, sizeof(s));
	s.norm = xmemdup("Two words", 9);
	s.norm_len = 9;
	tt_tokenize(&s);
	CHECK_INT(s.ntok, 2);
	tt_tokenize(&s); /* again: replaces, does not leak */
	CHECK_INT(s.ntok, 2);
	CHECK_INT(s.tok[1].start, 4);
	CHECK_INT(s.tok[1].end, 9);
	CHECK_INT(s.tok[1].kind, TT_TOK_WORD);
	sent_free(&s);
}

/* --- stems --------------------------------------------------------------- */

static void check_stem(const char *word, const char *want)
{
	size_t n = 0;
	const char *got = tt_stem(st, word, strlen(word), &n);
	CHECK_MEM(got, n, want);
	CHECK_INT(got[n], 0);
}

static void test_stems(void)
{
	check_stem("fathers", "father");
	check_stem("Fathers", "father");
	check_stem("FATHERS", "father");
	check_stem("father's", "father");
	check_stem("child's", "child");
	check_stem("parents'", "parent");
	check_stem("engagement", "engag");
	check_stem("engaged", "engag");
	check_stem("engaging", "engag");
	check_stem("Engage", "engag");
	/* hyphenated words are stemmed part by part */
	check_stem("step-father", "step-father");
	check_stem("step-fathers", "step-father");
	check_stem("well-being", "well-be");
	/* acronyms: lower-cased, then stemmed like any word */
	check_stem("CAMHS", "camh");
	check_stem("camhs", "camh");
	check_stem("CSE", "cse");
	check_stem("NHS's", "nhs");
	check_stem("S47", "s47");
	/* Latin-1 and Latin Extended-A capitals are folded */
	check_stem("\xC3\x89" "COLE", "\xC3\xA9" "cole");
	check_stem("\xC5\x81\xC3\x93" "D\xC5\xB9", "\xC5\x82\xC3\xB3" "d\xC5\xBA");
	check_stem("\xC5\xB8", "\xC3\xBF");
	check_stem("", "");
}

static void test_stem_cache(void)
{
	size_t n1 = 0, n2 = 0;
	const char *a = tt_stem(st, "safeguarding", 12, &n1);
	const char *b = tt_stem(st, "Safeguarding", 12, &n2);
	CHECK(a == b);
	CHECK_INT(n1, n2);
	CHECK_MEM(a, n1, "safeguard");

	/* Many other words: the table grows, the old stem stays put. */
	char word[32];
	for (int i = 0; i < 50000; i++) {
		int len = snprintf(word, sizeof(word), "word%dings", i);
		size_t n;
		const char *s = tt_stem(st, word, (size_t)len, &n);
		if (i == 777)
			CHECK_MEM(s, n, "word777");
	}
	const char *c = tt_stem(st, "SAFEGUARDING", 12, NULL);
	CHECK(a == c);
	CHECK_MEM(a, n1, "safeguard");

	/* A long word is cached and kept too. */
	tt_buf longw = TT_BUF_INIT;
	for (int i = 0; i < 5000; i++)
		tt_buf_addstr(&longw, "ab");
	const char *l1 = tt_stem(st, longw.buf, longw.len, &n1);
	const char *l2 = tt_stem(st, longw.buf, longw.len, &n2);
	CHECK(l1 == l2);
	CHECK_INT(n1, longw.len);
	tt_buf_release(&longw);
}

/* --- the stem view ------------------------------------------------------- */

static void test_stem_view(void)
{
	tt_sentence s;

	sent_load(&s, "Fathers were not seen");
	CHECK_STR(s.stems, "father were not seen ");
	CHECK_INT(s.stems_len, 21);
	CHECK_INT(s.ntok, 4);
	CHECK_INT(s.tok[0].stem_start, 0);
	CHECK_INT(s.tok[0].stem_end, 6);
	CHECK_INT(s.tok[3].stem_start, 16);
	CHECK_INT(s.tok[3].stem_end, 20);
	sent_free(&s);

	/* numbers and percentages as their text; acronyms lower-cased */
	sent_load(&s, "In 3.7% (37 %) of 1,200 CAMHS referrals in 2016-17");
	CHECK_STR(s.stems, "in 3.7% 37% of 1,200 camh referr in 2016-17 ");
	CHECK_INT(s.tok[2].kind, TT_TOK_PERCENT);
	CHECK_MEM(s.stems + s.tok[2].stem_start,
		  s.tok[2].stem_end - s.tok[2].stem_start, "37%");
	sent_free(&s);

	/* every token's stem span holds its stem and is followed by a space */
	sent_load(&s, "The engagement of step\xE2\x80\x91" "fathers, e.g. in CSE work, "
		  "was poor\xE2\x80\xA6");
	CHECK_STR(s.stems, "the engag of step-father e.g. in cse work was poor ");
	for (size_t i = 0; i < s.ntok; i++) {
		CHECK(s.tok[i].stem_end > s.tok[i].stem_start);
		CHECK_INT(s.stems[s.tok[i].stem_end], ' ');
		if (i)
			CHECK_INT(s.tok[i].stem_start, s.tok[i - 1].stem_end + 1);
	}
	sent_free(&s);

	sent_load(&s, "");
	CHECK_STR(s.stems, "");
	CHECK_INT(s.stems_len, 0);
	CHECK_INT(s.ntok, 0);
	sent_free(&s);
}

/*
 * The rule engine's way back: a match in the stem view -> token -> norm
 * span -> norm_to_text -> display bytes, through a curly apostrophe and
 * an en dash (both multi-byte) before the match.
 */
static size_t token_at_stem_byte(const tt_sentence *s, size_t b)
{
	for (size_t i = 0; i < s->ntok; i++)
		if (b >= s->tok[i].stem_start && b < s->tok[i].stem_end)
			return i;
	return (size_t)-1;
}

static void test_stem_to_display(void)
{
	tt_sentence s;
	/* Mum’s partner – the step‑father – wasn’t seen */
	const char *text = "Mum\xE2\x80\x99s partner \xE2\x80\x93 the step\xE2\x80\x91"
			   "father \xE2\x80\x93 wasn\xE2\x80\x99t seen";
	sent_load(&s, text);
	CHECK_STR(s.norm, "Mum's partner - the step-father - wasn't seen");
	CHECK_STR(s.stems, "mum partner the step-father wasn't seen ");

	const char *m = strstr(s.stems, "father");
	CHECK(m != NULL);
	if (!m)
		goto out;
	size_t ti = token_at_stem_byte(&s, (size_t)(m - s.stems));
	CHECK_INT(ti, 3);
	if (ti >= s.ntok)
		goto out;
	const tt_token *t = &s.tok[ti];
	CHECK_INT(t->start, 20);
	CHECK_INT(t->end, 31);
	size_t ds = s.norm_to_text[t->start], de = s.norm_to_text[t->end];
	CHECK_INT(ds, 24);
	CHECK_INT(de, 37);
	CHECK_MEM(text + ds, de - ds, "step\xE2\x80\x91" "father");

	/* the last word, after three multi-byte characters */
	t = &s.tok[s.ntok - 1];
	ds = s.norm_to_text[t->start];
	de = s.norm_to_text[t->end];
	CHECK_MEM(text + ds, de - ds, "seen");
	CHECK_INT(de, s.text_len);

	/* a token whose display form holds the curly apostrophe */
	t = &s.tok[0];
	CHECK_MEM(text + s.norm_to_text[t->start],
		  s.norm_to_text[t->end] - s.norm_to_text[t->start],
		  "Mum\xE2\x80\x99s");
out:
	sent_free(&s);
}

/* --- sentences and documents --------------------------------------------- */

static void test_reanalyse_and_no_stemmer(void)
{
	tt_sentence s;
	sent_load(&s, "Fathers were SEEN");
	tt_sentence_analyse(&s, st); /* again: replaces, does not leak */
	CHECK_STR(s.stems, "father were seen ");
	tt_sentence_analyse(&s, NULL); /* no stemmer: lower-cased words */
	CHECK_STR(s.stems, "fathers were seen ");
	sent_free(&s);
}

static void test_doc_analyse(void)
{
	static const char *texts[] = {
		"The child\xE2\x80\x99s voice was heard in 4 of 6 cases (67%).",
		"CAMHS and the LSCB were not involved.",
		"",
	};
	tt_doc d;
	tt_doc_init(&d);
	for (size_t i = 0; i < TT_ARRAY_LEN(texts); i++) {
		TT_GROW(d.sent, d.nsent + 1, d.sent_alloc);
		tt_sentence *s = &d.sent[d.nsent++];
		memset(s, 0, sizeof(*s));
		s->text_len = strlen(texts[i]);
		s->text = xmemdup(texts[i], s->text_len);
	}
	d.nwords = 99;
	tt_doc_analyse(&d, st);
	/* words count; acronyms, numbers and percentages do not */
	CHECK_INT(d.nwords, 8 + 5);
	CHECK_STR(d.sent[0].stems, "the child voic was heard in 4 of 6 case 67% ");
	CHECK_STR(d.sent[1].stems, "camh and the lscb were not involv ");
	CHECK_STR(d.sent[2].stems, "");
	tt_doc_release(&d);
}

/* Pathological input: one huge "word", a long run of joiners, dots. */
static void test_pathological(void)
{
	size_t n = 4u << 20;
	char *big = xmalloc(n + 1);
	tt_sentence s;

	for (size_t i = 0; i < n; i++)
		big[i] = "a-'."[i % 4];
	big[n] = '\0';
	double t0 = tt_now();
	sent_load(&s, big);
	CHECK(s.ntok > 0);
	sent_free(&s);

	memset(big, 'x', n);
	sent_load(&s, big);
	CHECK_INT(s.ntok, 1);
	CHECK_INT(s.stems_len, n + 1);
	sent_free(&s);

	for (size_t i = 0; i < n; i++)
		big[i] = "1,0.5-"[i % 6];
	sent_load(&s, big);
	CHECK(s.ntok > 0);
	sent_free(&s);
	CHECK(tt_now() - t0 < 20.0); /* linear: a generous bound for ASan */
	free(big);
}

int main(void)
{
	st = tt_stemmer_new();
	if (!st) {
		fprintf(stderr, "libstemmer has no English stemmer\n");
		return 1;
	}
	TT_RUN(test_normalise_classes);
	TT_RUN(test_normalise_map);
	TT_RUN(test_tokenize);
	TT_RUN(test_tokenize_alone);
	TT_RUN(test_stems);
	TT_RUN(test_stem_cache);
	TT_RUN(test_stem_view);
	TT_RUN(test_stem_to_display);
	TT_RUN(test_reanalyse_and_no_stemmer);
	TT_RUN(test_doc_analyse);
	TT_RUN(test_pathological);
	tt_stemmer_free(st);
	return TT_DONE();
}
