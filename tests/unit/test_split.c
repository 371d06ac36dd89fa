/*
 * test_split.c - tt_split_sentences(): each case is a display text and the
 * exact sentences it must split into.
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "text.h"

/*
 * Splits `text` and compares with the NULL-terminated `want` list; on a
 * mismatch prints every sentence found and marks the test failed.
 */
static void check_split(int line, const char *text, const char *const *want)
{
	size_t (*r)[2] = NULL;
	size_t n = tt_split_sentences(text, strlen(text), &r);
	size_t nwant = 0;
	int ok = 1;
	while (want[nwant])
		nwant++;
	if (n != nwant)
		ok = 0;
	for (size_t i = 0; ok && i < n; i++) {
		size_t len = r[i][1] - r[i][0];
		if (strlen(want[i]) != len || memcmp(text + r[i][0], want[i], len) != 0)
			ok = 0;
	}
	if (!ok) {
		fprintf(stderr, "%s:%d: %s: split of \"%s\": got %zu, want %zu\n",
			__FILE__, line, tt_test_name, text, n, nwant);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "    got  [%.*s]\n", (int)(r[i][1] - r[i][0]),
				text + r[i][0]);
		for (size_t i = 0; i < nwant; i++)
			fprintf(stderr, "    want [%s]\n", want[i]);
		tt_test_failed_now = 1;
	}
	free(r);
}

#define SPLIT(text, ...) \
	check_split(__LINE__, (text), (const char *const[]){__VA_ARGS__, NULL})
#define SPLIT_NONE(text) \
	check_split(__LINE__, (text), (const char *const[]){NULL})

static void test_plain_sentences(void)
{
	SPLIT("The plan was reviewed. The child was seen.",
	      "The plan was reviewed.", "The child was seen.");
	SPLIT("Was the child seen? Yes, on two occasions.",
	      "Was the child seen?", "Yes, on two occasions.");
	SPLIT("The child was not seen! This is a serious gap.",
	      "The child was not seen!", "This is a serious gap.");
	SPLIT("Is the plan SMART?! The chair asked twice.",
	      "Is the plan SMART?!", "The chair asked twice.");
	SPLIT("One line.\nAnother line.", "One line.", "Another line.");
	SPLIT("  The plan.   Next one.  ", "The plan.", "Next one.");
}

static void test_no_final_punctuation(void)
{
	SPLIT("Quality of plans", "Quality of plans");
	SPLIT("Timely reviews of child protection plans",
	      "Timely reviews of child protection plans");
	SPLIT("Visits were made. Supervision to be recorded",
	      "Visits were made.", "Supervision to be recorded");
	SPLIT_NONE("");
	SPLIT_NONE("   ");
}

static void test_latin_abbreviations(void)
{
	SPLIT("Plans were weak, e.g. in case 3. Reviews were timely.",
	      "Plans were weak, e.g. in case 3.", "Reviews were timely.");
	SPLIT("Key agencies, i.e. Health and Police, attended.",
	      "Key agencies, i.e. Health and Police, attended.");
	SPLIT("Some cases, eg. two of them, were late.",
	      "Some cases, eg. two of them, were late.");
	SPLIT("Numbers rose, cf. last year. Cases fell.",
	      "Numbers rose, cf. last year.", "Cases fell.");
	SPLIT("Referrals vs. Re-referrals were compared.",
	      "Referrals vs. Re-referrals were compared.");
}

static void test_etc(void)
{
	SPLIT("Records, forms etc. and minutes were missing.",
	      "Records, forms etc. and minutes were missing.");
	SPLIT("The audit covered plans, reviews etc. The next audit is in May.",
	      "The audit covered plans, reviews etc.",
	      "The next audit is in May.");
	SPLIT("Forms, plans etc.", "Forms, plans etc.");
}

static void test_titles(void)
{
	SPLIT("Dr. Patel agreed. Mrs. Khan did not.",
	      "Dr. Patel agreed.", "Mrs. Khan did not.");
	SPLIT("Mr. Jones and Ms. Green attended the meeting.",
	      "Mr. Jones and Ms. Green attended the meeting.");
	SPLIT("Cllr. Brown chaired. Cllr Green spoke.",
	      "Cllr. Brown chaired.", "Cllr Green spoke.");
	SPLIT("St. Helens Council attended. So did the police.",
	      "St. Helens Council attended.", "So did the police.");
	SPLIT("Mrs Smith (the mother) refused. Mr Smith agreed.",
	      "Mrs Smith (the mother) refused.", "Mr Smith agreed.");
}

static void test_numbers(void)
{
	SPLIT("The policy is No. 5 in the list. It was new.",
	      "The policy is No. 5 in the list.", "It was new.");
	SPLIT("The answer was No. The family refused.",
	      "The answer was No.", "The family refused.");
	SPLIT("Refer to para. 4.2 of the guidance. Then act.",
	      "Refer to para. 4.2 of the guidance.", "Then act.");
	SPLIT("Approximately 3.7% of cases were inadequate. This is low.",
	      "Approximately 3.7% of cases were inadequate.", "This is low.");
	SPLIT("The rate was 42.1 per 10,000. It rose.",
	      "The rate was 42.1 per 10,000.", "It rose.");
	SPLIT("15 cases were audited. 3 were good.",
	      "15 cases were audited.", "3 were good.");
	SPLIT("The score was 4. Good progress was made.",
	      "The score was 4.", "Good progress was made.");
	SPLIT("See sections 4.1 and 4.2. The rest was fine.",
	      "See sections 4.1 and 4.2.", "The rest was fine.");
	SPLIT("The total was £5,000. £2,000 was spent on training.",
	      "The total was £5,000.", "£2,000 was spent on training.");
	SPLIT("See Vol. 3 of the report.", "See Vol. 3 of the report.");
	SPLIT("The meeting was at approx. 10 am. Everyone came.",
	      "The meeting was at approx. 10 am.", "Everyone came.");
}

static void test_months_and_times(void)
{
	SPLIT("The review was held in Jan. 2017 and again in Feb. 2018.",
	      "The review was held in Jan. 2017 and again in Feb. 2018.");
	SPLIT("He left on 3 Sept. The case closed.",
	      "He left on 3 Sept.", "The case closed.");
	SPLIT("Visits happened at 9 a.m. The family was at home.",
	      "Visits happened at 9 a.m.", "The family was at home.");
	SPLIT("Visits happened at 9 a.m. and 3 p.m. daily.",
	      "Visits happened at 9 a.m. and 3 p.m. daily.");
}

static void test_initials(void)
{
	SPLIT("J. Smith chaired the panel.", "J. Smith chaired the panel.");
	SPLIT("The report was written by A. B. Jones. It was accepted.",
	      "The report was written by A. B. Jones.", "It was accepted.");
	SPLIT("The report by J. Smith was read.",
	      "The report by J. Smith was read.");
	SPLIT("Dr A. Khan reviewed it. Nothing changed.",
	      "Dr A. Khan reviewed it.", "Nothing changed.");
	SPLIT("Concerns about Child A. The school raised them.",
	      "Concerns about Child A.", "The school raised them.");
	SPLIT("The data came from the U.K. and Ireland.",
	      "The data came from the U.K. and Ireland.");
}

static void test_quotes_and_brackets(void)
{
	SPLIT("She said, \"I feel safe.\" The worker recorded it.",
	      "She said, \"I feel safe.\"", "The worker recorded it.");
	SPLIT("The child was clear. \xE2\x80\x98I want to go home,\xE2\x80\x99 she said.",
	      "The child was clear.",
	      "\xE2\x80\x98I want to go home,\xE2\x80\x99 she said.");
	SPLIT("He said it was \xE2\x80\x9C" "fine.\xE2\x80\x9D Staff disagreed.",
	      "He said it was \xE2\x80\x9C" "fine.\xE2\x80\x9D", "Staff disagreed.");
	SPLIT("(This was escalated.) The manager agreed.",
	      "(This was escalated.)", "The manager agreed.");
	SPLIT("The case was closed (see Appendix 2). A review followed.",
	      "The case was closed (see Appendix 2).", "A review followed.");
	SPLIT("The LSCB (Local Safeguarding Children Board) met. Actions followed.",
	      "The LSCB (Local Safeguarding Children Board) met.",
	      "Actions followed.");
	SPLIT("Paragraph numbers (e.g. 4.2) are kept. Good.",
	      "Paragraph numbers (e.g. 4.2) are kept.", "Good.");
}

static void test_ellipsis(void)
{
	SPLIT("Actions were agreed\xE2\x80\xA6 Nothing happened.",
	      "Actions were agreed\xE2\x80\xA6", "Nothing happened.");
	SPLIT("Actions were agreed... and then dropped.",
	      "Actions were agreed... and then dropped.");
	SPLIT("Actions were agreed... Nothing happened.",
	      "Actions were agreed...", "Nothing happened.");
}

static void test_lower_case_continuation(void)
{
	SPLIT("Why? because the form was late.",
	      "Why? because the form was late.");
	SPLIT("Contact was made (approx. three times) with the family.",
	      "Contact was made (approx. three times) with the family.");
}

static void test_bracket_tags(void)
{
	SPLIT("The group needs more support. (Recommendation)",
	      "The group needs more support. (Recommendation)");
	SPLIT("Attendance was poor. (Paragraph 32) Staff left.",
	      "Attendance was poor. (Paragraph 32)", "Staff left.");
	SPLIT("Plans were weak. (Recommendation.) Reviews were late.",
	      "Plans were weak. (Recommendation.)", "Reviews were late.");
}

static void test_enumerators(void)
{
	SPLIT("5. Child sexual exploitation was a theme.",
	      "5. Child sexual exploitation was a theme.");
	SPLIT("No evidence. No plan. No review.",
	      "No evidence.", "No plan.", "No review.");
	SPLIT("It was done. \xC3\x89lodie attended.",
	      "It was done.", "\xC3\x89lodie attended.");
}

static void test_ranges(void)
{
	/* ranges are [start,end) byte offsets in the input */
	const char *t = "One two. Three four.";
	size_t (*r)[2] = NULL;
	size_t n = tt_split_sentences(t, strlen(t), &r);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(r[0][0], 0);
		CHECK_INT(r[0][1], 8);
		CHECK_INT(r[1][0], 9);
		CHECK_INT(r[1][1], 20);
	}
	free(r);
	r = NULL;
	n = tt_split_sentences("", 0, &r);
	CHECK_INT(n, 0);
	CHECK(r == NULL);
	/* only the first n bytes count */
	n = tt_split_sentences("Alpha. Beta.", 6, &r);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(r[0][1], 6);
	free(r);
}

int main(void)
{
	TT_RUN(test_plain_sentences);
	TT_RUN(test_no_final_punctuation);
	TT_RUN(test_latin_abbreviations);
	TT_RUN(test_etc);
	TT_RUN(test_titles);
	TT_RUN(test_numbers);
	TT_RUN(test_months_and_times);
	TT_RUN(test_initials);
	TT_RUN(test_quotes_and_brackets);
	TT_RUN(test_ellipsis);
	TT_RUN(test_lower_case_continuation);
	TT_RUN(test_bracket_tags);
	TT_RUN(test_enumerators);
	TT_RUN(test_ranges);
	return TT_DONE();
}
