/*
 * Unit tests: ingest --redact (redact.c) on a labelled set written for it.
 * Each case is a line of audit text and the line as it must be stored:
 * identifiers masked, and decoys (numbers, dates and capitals that are not
 * personal data) left alone. The test prints how many identifiers it
 * caught and how many decoys it wrongly masked, and fails on any miss.
 * NHS numbers with a valid check digit were made with the modulus 11
 * algorithm (NHS Data Dictionary): 943 476 5919 is the standard example.
 */
#include <stdio.h>
#include <string.h>

#include "redact.h"
#include "test.h"

typedef struct rcase {
	const char *in, *want;
	int ids;    /* identifiers in the line */
	int decoys; /* things that look like one but are not */
} rcase;

static const rcase cases[] = {
	/* e-mail addresses */
	{"Contact the QA officer at j.smith@northmoor.gov.uk for the tool.",
	 "Contact the QA officer at [EMAIL] for the tool.", 1, 0},
	{"Returns went to qa-team@lscb.example.org.uk by Friday.",
	 "Returns went to [EMAIL] by Friday.", 1, 0},
	/* phone numbers */
	{"The duty desk is on 01632 960123 out of hours.",
	 "The duty desk is on [PHONE] out of hours.", 1, 0},
	{"Call +44 (0)20 7946 0958 or 07700 900461.",
	 "Call [PHONE] or [PHONE].", 2, 0},
	{"Ring (0161) 496 0000 for the MASH.", "Ring [PHONE] for the MASH.", 1, 0},
	/* postcodes */
	{"The family moved to NE1 4ST in March.", "The family moved to [POSTCODE] in March.", 1, 0},
	{"Previously at M13 9PL and then SW1A 1AA.",
	 "Previously at [POSTCODE] and then [POSTCODE].", 2, 0},
	/* NHS numbers: valid check digit masked, invalid left */
	{"NHS number 943 476 5919 was on the referral.",
	 "NHS number [NHS NUMBER] was on the referral.", 1, 0},
	{"Reference 943 476 5918 is a case number, not an NHS number.",
	 "Reference 943 476 5918 is a case number, not an NHS number.", 0, 1},
	/* dates of birth */
	{"Child A (DOB 12/03/2011) was seen alone.", "Child A (DOB [DATE OF BIRTH]) was seen alone.", 1, 0},
	{"Date of birth: 4 September 2009.", "Date of birth: [DATE OF BIRTH].", 1, 0},
	{"She was born on 1st March 2015 at home.", "She was born on [DATE OF BIRTH] at home.", 1, 0},
	/* names after titles, and author and contact lines */
	{"Mr K was never assessed.", "Mr [NAME] was never assessed.", 1, 0},
	{"Mrs Patel and Dr O'Neill attended the strategy meeting.",
	 "Mrs [NAME] and Dr [NAME] attended the strategy meeting.", 2, 0},
	{"Ms Jane Holloway chaired the review.", "Ms [NAME] chaired the review.", 1, 0},
	{"Author: Sarah Whitfield, Safeguarding Partnership Business Manager",
	 "Author: [NAME]", 1, 0},
	{"Name of Auditor: P. Okafor", "Name of Auditor: [NAME]", 1, 0},
	{"Contact: business.unit@kelderby.gov.uk, 01632 960555",
	 "Contact: [NAME]", 1, 0},
	/* decoys: figures, years, periods, plans, sections */
	{"In 12 of the 20 cases (60%) the plan was reviewed in 2016-17.",
	 "In 12 of the 20 cases (60%) the plan was reviewed in 2016-17.", 0, 3},
	{"The audit ran from 01/04/2016 to 31/03/2017.",
	 "The audit ran from 01/04/2016 to 31/03/2017.", 0, 2},
	{"Section 47 enquiries rose to 1,245 in the year; CP plans numbered 312.",
	 "Section 47 enquiries rose to 1,245 in the year; CP plans numbered 312.", 0, 3},
	{"The children were seen within 10 working days on 3 of 4 occasions.",
	 "The children were seen within 10 working days on 3 of 4 occasions.", 0, 2},
	{"Outcome Star scores rose from 2.5 to 4.1 over 12 weeks.",
	 "Outcome Star scores rose from 2.5 to 4.1 over 12 weeks.", 0, 2},
	{"The CIN plan and the TAF were reviewed by the IRO.",
	 "The CIN plan and the TAF were reviewed by the IRO.", 0, 3},
	{"Working Together 2018 and the DfE guidance were cited.",
	 "Working Together 2018 and the DfE guidance were cited.", 0, 2},
	{"The report was written in March 2019 and published on 12 May 2019.",
	 "The report was written in March 2019 and published on 12 May 2019.", 0, 2},
	{"Mr and Mrs were not recorded on the front sheet.",
	 "Mr and Mrs were not recorded on the front sheet.", 0, 1},
	{"Audit reference 2017/123/4567 was closed.",
	 "Audit reference 2017/123/4567 was closed.", 0, 1},
};

static void test_labelled_set(void)
{
	tt_redactor *r = tt_redactor_new();
	int ids = 0, decoys = 0, caught = 0, wrong = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const rcase *c = &cases[i];
		tt_buf out = TT_BUF_INIT;
		size_t counts[TT_RED_NKIND] = {0};
		size_t n = tt_redact(r, c->in, strlen(c->in), &out, counts);
		ids += c->ids;
		decoys += c->decoys;
		if (!strcmp(out.buf, c->want)) {
			caught += c->ids;
		} else {
			fprintf(stderr, "redact: %s\n   got: %s\n  want: %s\n", c->in, out.buf, c->want);
			caught += (int)n < c->ids ? (int)n : c->ids;
			wrong += (int)n > c->ids ? (int)n - c->ids : 0;
		}
		CHECK_STR(out.buf, c->want);
		tt_buf_release(&out);
	}
	printf("redact labelled set: %d of %d identifiers masked, %d of %d decoys wrongly masked\n",
	       caught, ids, wrong, decoys);
	CHECK_INT(caught, ids);
	CHECK_INT(wrong, 0);
	tt_redactor_free(r);
}

static void test_counts_and_nhs(void)
{
	tt_redactor *r = tt_redactor_new();
	const char *in = "Mr Jones (DOB 02/02/2002) on 07700 900461, a@b.co, NE1 4ST.";
	tt_buf out = TT_BUF_INIT;
	size_t counts[TT_RED_NKIND] = {0};
	CHECK_INT(tt_redact(r, in, strlen(in), &out, counts), 5);
	CHECK_INT(counts[TT_RED_NAME], 1);
	CHECK_INT(counts[TT_RED_DOB], 1);
	CHECK_INT(counts[TT_RED_PHONE], 1);
	CHECK_INT(counts[TT_RED_EMAIL], 1);
	CHECK_INT(counts[TT_RED_POSTCODE], 1);
	tt_buf_release(&out);
	CHECK(tt_nhs_valid("9434765919"));
	CHECK(!tt_nhs_valid("9434765918"));
	CHECK(!tt_nhs_valid("94347659x9"));
	/* Weighted sum 12 leaves 1 mod 11: the check digit would be 10,
	 * which no NHS number has. */
	CHECK(!tt_nhs_valid("0000000060"));
	CHECK(!tt_nhs_valid("0000000061"));
	/* UTF-8 text around a mask stays whole. */
	const char *u = "Café visit — Ms Ní Bhriain, 5 September 2019.";
	tt_buf o2 = TT_BUF_INIT;
	size_t c2[TT_RED_NKIND] = {0};
	tt_redact(r, u, strlen(u), &o2, c2);
	CHECK_STR(o2.buf, "Café visit — Ms [NAME], 5 September 2019.");
	tt_buf_release(&o2);
	tt_redactor_free(r);
}

int main(void)
{
	TT_RUN(test_labelled_set);
	TT_RUN(test_counts_and_nhs);
	return TT_DONE();
}
