/*
 * test_segment.c - tt_doc_segment(): headings of each kind and the section
 * path of what follows them, list markers and nesting, tables, paragraphs,
 * display text and its exact map to document bytes, hyphenation, page
 * furniture, paragraph numbers, and TT_SEG_LINES. Fixtures are written
 * for these tests in the layouts of real audit reports and of pdftotext
 * output; documents are filled by hand so the reader is not needed.
 */
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "text.h"

/* Fills d with `text` as a document's validated bytes and segments it. */
static void seg(tt_doc *d, const char *text, tt_seg_mode mode)
{
	tt_doc_init(d);
	d->path = xstrdup("fixture");
	d->len = strlen(text);
	d->bytes = xmemdup(text, d->len);
	tt_doc_segment(d, mode);
}

/* Index of the sentence whose display text is `text`, or -1. */
static int find(const tt_doc *d, const char *text)
{
	for (size_t i = 0; i < d->nsent; i++)
		if (strcmp(d->sent[i].text, text) == 0)
			return (int)i;
	return -1;
}

/* Index of the first sentence whose text contains `part`, or -1. */
static int find_part(const tt_doc *d, const char *part)
{
	for (size_t i = 0; i < d->nsent; i++)
		if (strstr(d->sent[i].text, part))
			return (int)i;
	return -1;
}

static const char *path_of(const tt_doc *d, int i)
{
	if (i < 0)
		return "(no such sentence)";
	int s = d->sent[i].section;
	return s >= 0 ? d->sec[s].path : "";
}

/* Kind name of sentence i ("(none)" when not found). */
static const char *kind_of(const tt_doc *d, int i)
{
	return i >= 0 ? tt_block_kind_name(d->sent[i].kind) : "(none)";
}

/* Checks sentence `text` exists with this kind and section path. */
#define SENT(d, text, kind, path)                                           \
	do {                                                                \
		int tt_i = find((d), (text));                               \
		if (tt_i < 0) {                                             \
			fprintf(stderr, "%s:%d: %s: no sentence \"%s\"\n",  \
				__FILE__, __LINE__, tt_test_name, (text));  \
			dump(d);                                            \
			tt_test_failed_now = 1;                             \
		} else {                                                    \
			CHECK_STR(kind_of((d), tt_i), (kind));              \
			CHECK_STR(path_of((d), tt_i), (path));              \
		}                                                           \
	} while (0)

static void dump(const tt_doc *d)
{
	for (size_t i = 0; i < d->nsent; i++)
		fprintf(stderr, "    [%s] %u {%s} %s\n",
			tt_block_kind_name(d->sent[i].kind), d->sent[i].line,
			path_of(d, (int)i), d->sent[i].text);
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/*
 * The invariants every sentence keeps: text_len + 1 map entries, the last
 * one doc_end; display bytes map into [doc_start, doc_end) in order; a
 * display byte is the document byte it maps to, except a space (from any
 * white space) and the " | " / ": " joins of table cells and judgements;
 * `line` is the line of doc_start.
 */
static void check_invariants(const tt_doc *d)
{
	for (size_t i = 0; i < d->nsent; i++) {
		const tt_sentence *s = &d->sent[i];
		CHECK(s->text_len > 0);
		CHECK(strlen(s->text) == s->text_len);
		CHECK(s->text_to_doc[s->text_len] == s->doc_end);
		CHECK(s->doc_start < s->doc_end && s->doc_end <= d->len);
		CHECK(s->text_to_doc[0] == s->doc_start);
		CHECK(s->norm == NULL && s->tok == NULL && s->stems == NULL);
		for (size_t j = 0; j < s->text_len; j++) {
			uint32_t o = s->text_to_doc[j];
			char c = s->text[j];
			CHECK(o >= s->doc_start && o < s->doc_end);
			if (j)
				CHECK(o >= s->text_to_doc[j - 1]);
			if (c == ' ')
				CHECK(is_ws(d->bytes[o]) || d->bytes[o] == '|' ||
				      d->bytes[o] == '\t');
			else if (c != '|' && c != ':')
				CHECK(d->bytes[o] == c);
		}
		uint32_t line = 1;
		for (size_t k = 0; k < s->doc_start; k++)
			if (d->bytes[k] == '\n')
				line++;
		CHECK_INT(s->line, line);
		CHECK(s->section < (int)d->nsec);
	}
	for (size_t i = 0; i < d->nsec; i++) {
		CHECK(d->sec[i].parent < (int)i);
		CHECK(d->sec[i].level >= 1);
		if (d->sec[i].parent >= 0)
			CHECK(d->sec[i].level > d->sec[d->sec[i].parent].level);
	}
}

/* --- headings ---------------------------------------------------------- */

static void test_atx_headings(void)
{
	tt_doc d;
	seg(&d,
	    "# Annual review of case audits\n"
	    "\n"
	    "## Method\n"
	    "\n"
	    "Ten files were read by two auditors.\n"
	    "\n"
	    "### Sampling ###\n"
	    "\n"
	    "Files were picked at random.\n"
	    "\n"
	    "## **Findings**\n"
	    "\n"
	    "Plans were rarely reviewed on time.\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "Annual review of case audits", "heading",
	     "Annual review of case audits");
	SENT(&d, "Ten files were read by two auditors.", "paragraph",
	     "Annual review of case audits > Method");
	SENT(&d, "Sampling", "heading",
	     "Annual review of case audits > Method > Sampling");
	SENT(&d, "Files were picked at random.", "paragraph",
	     "Annual review of case audits > Method > Sampling");
	SENT(&d, "Plans were rarely reviewed on time.", "paragraph",
	     "Annual review of case audits > Findings");
	CHECK_INT(d.nsec, 4);
	if (d.nsec == 4) {
		CHECK_INT(d.sec[0].level, 1);
		CHECK_INT(d.sec[1].level, 2);
		CHECK_INT(d.sec[2].level, 3);
		CHECK_INT(d.sec[3].level, 2);
		CHECK_STR(d.sec[3].title, "Findings");
		CHECK_INT(d.sec[3].parent, 0);
	}
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_bold_headings(void)
{
	tt_doc d;
	seg(&d,
	    "**Quarterly audit note**\n"
	    "\n"
	    "Eight cases were audited.\n"
	    "\n"
	    "__What worked well__\n"
	    "\n"
	    "- Visits were regular\n"
	    "\n"
	    "**Legal:** The board has a duty to act.\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "Quarterly audit note", "heading", "Quarterly audit note");
	SENT(&d, "Eight cases were audited.", "paragraph", "Quarterly audit note");
	SENT(&d, "What worked well", "heading", "What worked well");
	SENT(&d, "Visits were regular", "list_item", "What worked well");
	/* a bold lead-in is not a bold-only line: a paragraph, markup left out */
	SENT(&d, "Legal: The board has a duty to act.", "paragraph",
	     "What worked well");
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_caps_numbered_and_plain_headings(void)
{
	tt_doc d;
	seg(&d,
	    "REVIEW OF EARLY HELP CASES\n"
	    "\n"
	    "1. Introduction\n"
	    "\n"
	    "The review looked at twelve families.\n"
	    "\n"
	    "2. Findings\n"
	    "\n"
	    "Assessments were thorough.\n"
	    "\n"
	    "2.1 Voice of the child\n"
	    "\n"
	    "Wishes and feelings were recorded.\n"
	    "\n"
	    "Background\n"
	    "\n"
	    "The service began in 2015.\n"
	    "\n"
	    "Next steps\n"
	    "\n"
	    "Training will follow.\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "REVIEW OF EARLY HELP CASES", "heading",
	     "REVIEW OF EARLY HELP CASES");
	SENT(&d, "1. Introduction", "heading",
	     "REVIEW OF EARLY HELP CASES > 1. Introduction");
	SENT(&d, "The review looked at twelve families.", "paragraph",
	     "REVIEW OF EARLY HELP CASES > 1. Introduction");
	SENT(&d, "Assessments were thorough.", "paragraph",
	     "REVIEW OF EARLY HELP CASES > 2. Findings");
	SENT(&d, "Wishes and feelings were recorded.", "paragraph",
	     "REVIEW OF EARLY HELP CASES > 2. Findings > 2.1 Voice of the child");
	/* a plain heading after content: under the numbered one, flat */
	SENT(&d, "The service began in 2015.", "paragraph",
	     "REVIEW OF EARLY HELP CASES > 2. Findings > 2.1 Voice of the child > Background");
	SENT(&d, "Training will follow.", "paragraph",
	     "REVIEW OF EARLY HELP CASES > 2. Findings > 2.1 Voice of the child > Next steps");
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_numbered_list_is_not_heading(void)
{
	tt_doc d;
	seg(&d,
	    "Recommendations\n"
	    "\n"
	    "1. Partners to improve case recording\n"
	    "2. Managers to check plans monthly\n"
	    "3. Police to speak to children alone\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "Partners to improve case recording", "list_item",
	     "Recommendations");
	SENT(&d, "Managers to check plans monthly", "list_item",
	     "Recommendations");
	SENT(&d, "Police to speak to children alone", "list_item",
	     "Recommendations");
	CHECK_INT(d.nsec, 1);
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_colon_heading_scope(void)
{
	tt_doc d;
	seg(&d,
	    "## Quarter two\n"
	    "\n"
	    "Areas for development:\n"
	    "\n"
	    "- Quality of plans\n"
	    "- Recording of visits\n"
	    "\n"
	    "The service has invested in training this year.\n"
	    "\n"
	    "Auditors noted:\n"
	    "\n"
	    "Most families had a named worker.\n"
	    "\n"
	    "The panel meets monthly.\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "Areas for development:", "heading",
	     "Quarter two > Areas for development");
	SENT(&d, "Quality of plans", "list_item",
	     "Quarter two > Areas for development");
	SENT(&d, "Recording of visits", "list_item",
	     "Quarter two > Areas for development");
	/* prose after the list is not under the colon heading */
	SENT(&d, "The service has invested in training this year.", "paragraph",
	     "Quarter two");
	/* a colon heading scopes over the one paragraph that follows it */
	SENT(&d, "Most families had a named worker.", "paragraph",
	     "Quarter two > Auditors noted");
	SENT(&d, "The panel meets monthly.", "paragraph", "Quarter two");
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_lead_in_list_items(void)
{
	tt_doc d;
	seg(&d,
	    "Quarter one review:\n"
	    "\n"
	    "- Twelve files were read\n"
	    "- Areas of strength were:\n"
	    " - Timely visits\n"
	    " - Clear chronologies\n"
	    "- Areas for development were:\n"
	    " - Weak contingency plans\n"
	    " - Fathers not involved\n"
	    "- Two files were escalated\n"
	    "\n"
	    "Overall the picture is improving.\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "Twelve files were read", "list_item", "Quarter one review");
	SENT(&d, "Areas of strength were:", "heading",
	     "Quarter one review > Areas of strength were");
	SENT(&d, "Timely visits", "list_item",
	     "Quarter one review > Areas of strength were");
	SENT(&d, "Clear chronologies", "list_item",
	     "Quarter one review > Areas of strength were");
	SENT(&d, "Weak contingency plans", "list_item",
	     "Quarter one review > Areas for development were");
	SENT(&d, "Fathers not involved", "list_item",
	     "Quarter one review > Areas for development were");
	/* the lead-in's scope ends with its nested list */
	SENT(&d, "Two files were escalated", "list_item", "Quarter one review");
	SENT(&d, "Overall the picture is improving.", "paragraph", "");
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_nested_lead_ins(void)
{
	tt_doc d;
	seg(&d,
	    "- Outer point:\n"
	    "  - Inner point:\n"
	    "    - Deep item\n"
	    "  - Back in outer\n"
	    "- Top again\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "Deep item", "list_item", "Outer point > Inner point");
	SENT(&d, "Back in outer", "list_item", "Outer point");
	SENT(&d, "Top again", "list_item", "");
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_short_heading_with_full_stop(void)
{
	tt_doc d;
	seg(&d,
	    "Learning points.\n"
	    "\n"
	    "- Share good practice widely\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "Learning points.", "heading", "Learning points");
	SENT(&d, "Share good practice widely", "list_item", "Learning points");
	tt_doc_release(&d);
}

/* --- lists --------------------------------------------------------------- */

static void test_list_markers(void)
{
	tt_doc d;
	seg(&d,
	    "- dash item\n"
	    "* star item\n"
	    "+ plus item\n"
	    "\xE2\x80\xA2 bullet item\n"
	    "\xE2\x97\xBC square item\n"
	    "\xE2\x96\xAA small square item\n"
	    "\xE2\x97\x8F black circle item\n"
	    "\xE2\x9C\x93 tick item\n"
	    "\xE2\x9C\x94 heavy tick item\n"
	    "\xEF\x82\xA7 symbol font item\n"
	    "o letter o item\n"
	    "1. number dot item\n"
	    "2) number bracket item\n"
	    "a) letter item\n"
	    "(ii) roman item\n"
	    "- 3. dash and number item\n"
	    "- \xE2\x9C\x93 dash and tick item\n",
	    TT_SEG_DOCUMENT);
	static const char *const items[] = {
		"dash item", "star item", "plus item", "bullet item",
		"square item", "small square item", "black circle item",
		"tick item", "heavy tick item", "symbol font item",
		"letter o item", "number dot item", "number bracket item",
		"letter item", "roman item", "dash and number item",
		"dash and tick item",
	};
	CHECK_INT(d.nsent, TT_ARRAY_LEN(items));
	for (size_t i = 0; i < TT_ARRAY_LEN(items); i++)
		SENT(&d, items[i], "list_item", "");
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_list_continuation_and_split(void)
{
	tt_doc d;
	seg(&d,
	    "- A long item that wraps\n"
	    "  onto the next line\n"
	    "- Visits were timely. Plans were not reviewed.\n"
	    "- A final item\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "A long item that wraps onto the next line", "list_item", "");
	SENT(&d, "Visits were timely.", "list_item", "");
	SENT(&d, "Plans were not reviewed.", "list_item", "");
	CHECK_INT(d.nsent, 4);
	if (d.nsent == 4)
		CHECK_INT(d.sent[1].block, d.sent[2].block);
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_pdf_sub_bullets(void)
{
	/* pdftotext loses indentation: a new marker after ':' nests */
	tt_doc d;
	seg(&d,
	    "Children in the area\n"
	    "\xE2\x97\xBC The share of pupils on free meals:\n"
	    "\xE2\x80\x93 in primary schools is 12%\n"
	    "\xE2\x80\x93 in secondary schools is 10%.\n"
	    "\xE2\x97\xBC Few children are from minority groups.\n"
	    "\f"
	    "Next part\n"
	    "Text on the second page.\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "The share of pupils on free meals:", "heading",
	     "Children in the area > The share of pupils on free meals");
	SENT(&d, "in primary schools is 12%", "list_item",
	     "Children in the area > The share of pupils on free meals");
	SENT(&d, "in secondary schools is 10%.", "list_item",
	     "Children in the area > The share of pupils on free meals");
	SENT(&d, "Few children are from minority groups.", "list_item",
	     "Children in the area");
	check_invariants(&d);
	tt_doc_release(&d);
}

/* --- tables --------------------------------------------------------------- */

static void test_tables(void)
{
	tt_doc d;
	seg(&d,
	    "Area\tGood\tRequires improvement\n"
	    "Plans\t4\t\t6\n"
	    "\tLater cell only\t\n"
	    "\n"
	    "| Theme | Grade |\n"
	    "|:------|------:|\n"
	    "| Voice of the child | Good |\n"
	    "| Recording | |\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "Area | Good | Requires improvement", "table_row", "");
	SENT(&d, "Plans | 4 | 6", "table_row", "");
	SENT(&d, "Later cell only", "table_row", "");
	SENT(&d, "Theme | Grade", "table_row", "");
	SENT(&d, "Voice of the child | Good", "table_row", "");
	SENT(&d, "Recording", "table_row", "");
	CHECK_INT(d.nsent, 6);
	int i = find(&d, "Plans | 4 | 6");
	if (i >= 0) {
		/* the separator maps to the tab it stands for */
		const tt_sentence *s = &d.sent[i];
		CHECK(d.bytes[s->text_to_doc[5]] == '\t');
		CHECK(d.bytes[s->text_to_doc[6]] == '\t');
	}
	check_invariants(&d);
	tt_doc_release(&d);
}

/* --- paragraphs and display text ---------------------------------------- */

static void test_paragraphs(void)
{
	tt_doc d;
	seg(&d,
	    "The audit found that most children were seen alone and\n"
	    "their views were recorded. Fathers were rarely involved.\n"
	    "\n"
	    "A second paragraph follows.\n",
	    TT_SEG_DOCUMENT);
	CHECK_INT(d.nsent, 3);
	SENT(&d, "The audit found that most children were seen alone and "
		 "their views were recorded.", "paragraph", "");
	SENT(&d, "Fathers were rarely involved.", "paragraph", "");
	if (d.nsent == 3) {
		CHECK_INT(d.sent[0].block, d.sent[1].block);
		CHECK(d.sent[2].block > d.sent[1].block);
		CHECK_INT(d.sent[0].line, 1);
		CHECK_INT(d.sent[1].line, 2);
		CHECK_INT(d.sent[2].line, 4);
	}
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_text_to_doc(void)
{
	/* a line break collapsed to a space, and a 3-byte apostrophe */
	const char *text = "Intro line.\n\nThe child\xE2\x80\x99s  voice\n   was heard.\n";
	tt_doc d;
	seg(&d, text, TT_SEG_DOCUMENT);
	int i = find(&d, "The child\xE2\x80\x99s voice was heard.");
	CHECK(i >= 0);
	if (i >= 0) {
		const tt_sentence *s = &d.sent[i];
		const char *base = strstr(text, "The child");
		size_t off = (size_t)(base - text);
		CHECK_INT(s->doc_start, off);
		/* "The child" and the three bytes of U+2019 map one to one */
		for (size_t j = 0; j < 12; j++)
			CHECK_INT(s->text_to_doc[j], off + j);
		/* "s" then the collapsed "  " maps to its first space */
		CHECK_INT(s->text_to_doc[13], off + 13);
		CHECK(text[s->text_to_doc[13]] == ' ');
		/* the space for "\n   " maps to the newline */
		size_t sp = strlen("The child\xE2\x80\x99s voice");
		CHECK(s->text[sp] == ' ');
		CHECK(text[s->text_to_doc[sp]] == '\n');
		CHECK(s->text[sp + 1] == 'w');
		CHECK_INT(s->text_to_doc[sp + 1], (size_t)(strstr(text, "was") - text));
		CHECK_INT(s->text_to_doc[s->text_len], s->doc_end);
		CHECK_INT(s->doc_end, (size_t)(strstr(text, "heard.") - text) + 6);
		CHECK_INT(s->line, 3);
	}
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_inline_markup(void)
{
	tt_doc d;
	seg(&d,
	    "The <u>panel</u> met, see [the guidance \\(2015\\)](#) and "
	    "*note this*. <i>Minutes</i> were kept.\n",
	    TT_SEG_DOCUMENT);
	SENT(&d, "The panel met, see the guidance (2015) and note this.",
	     "paragraph", "");
	SENT(&d, "Minutes were kept.", "paragraph", "");
	check_invariants(&d);
	tt_doc_release(&d);
}

/* --- hyphenation -------------------------------------------------------- */

static void test_hyphenation(void)
{
	tt_doc d;
	seg(&d,
	    "The safeguarding team met. His step-father came. The\n"
	    "multiagency group and the multiagency panel sat.\n"
	    "\n"
	    "The safe-\n"
	    "guarding lead and the step-\n"
	    "father spoke about well-\n"
	    "being and assess-\n"
	    "ment of a non-\n"
	    "resident parent and a multi-\n"
	    "agency plan for 2016-\n"
	    "17 with the Anglo-\n"
	    "Saxon name.\n",
	    TT_SEG_DOCUMENT);
	int i = find_part(&d, "lead and");
	CHECK(i >= 0);
	if (i >= 0)
		CHECK_STR(d.sent[i].text,
			  "The safeguarding lead and the step-father spoke about "
			  "well-being and assessment of a non-resident parent and "
			  "a multiagency plan for 2016-17 with the Anglo-Saxon name.");
	check_invariants(&d);
	if (i >= 0) {
		/* "safeguarding": "safe" then "guarding" from the next line */
		const tt_sentence *s = &d.sent[i];
		const char *p = strstr(d.bytes, "safe-\n");
		CHECK_INT(s->text_to_doc[7], (size_t)(p - d.bytes) + 3);
		CHECK_INT(s->text_to_doc[8], (size_t)(p - d.bytes) + 6);
	}
	tt_doc_release(&d);
}

/* --- PDF text: furniture, page breaks, paragraph numbers ------------------ */

static const char pdf_text[] =
	"Inspection of Testshire services\n"
	"Judgement\n"
	"\n"
	"Grade\n"
	"\n"
	"Overall effectiveness\n"
	"\n"
	"Requires improvement\n"
	"to be good\n"
	"\n"
	"What needs to improve?\n"
	"\xE2\x97\xBC The timeliness of reviews for children in care.\n"
	"\n"
	"The help given to children: good\n"
	"1.\n"
	"\n"
	"Children receive help at the right time from a range of services that\n"
	"know them well. Early help workers build trusting relationships with\n"
	"\n"
	"Testshire children\xE2\x80\x99s services inspection\n"
	"4 to 8 March 2024\n"
	"\n"
	"2\n"
	"\n"
	"\f"
	"families and the plans are\n"
	"\n"
	"Testshire children\xE2\x80\x99s services inspection\n"
	"4 to 8 March 2024\n"
	"\n"
	"3\n"
	"\n"
	"\f"
	"reviewed regularly by the team.\n"
	"2. Managers oversee decisions and record clear reasons for them. They\n"
	"meet weekly with the decision-\n"
	"\n"
	"Testshire children\xE2\x80\x99s services inspection\n"
	"4 to 8 March 2024\n"
	"\n"
	"4\n"
	"\n"
	"\f"
	"making panel.\n"
	"\n"
	"Testshire children\xE2\x80\x99s services inspection\n"
	"4 to 8 March 2024\n"
	"\n"
	"5\n";

static void test_pdf_page_furniture(void)
{
	tt_doc d;
	seg(&d, pdf_text, TT_SEG_DOCUMENT);
	for (size_t i = 0; i < d.nsent; i++) {
		CHECK(strstr(d.sent[i].text, "services inspection") == NULL);
		CHECK(strstr(d.sent[i].text, "March 2024") == NULL);
		CHECK(strcmp(d.sent[i].text, "2") != 0);
		CHECK(strcmp(d.sent[i].text, "3") != 0);
	}
	/* the sentence runs across two page breaks and both footers */
	SENT(&d, "Early help workers build trusting relationships with families "
		 "and the plans are reviewed regularly by the team.",
	     "paragraph", "The help given to children: good");
	/* a paragraph number on its own line is left out of the text */
	SENT(&d, "Children receive help at the right time from a range of "
		 "services that know them well.",
	     "paragraph", "The help given to children: good");
	/* ... and one leading the paragraph too; the hyphen of a compound is kept */
	SENT(&d, "Managers oversee decisions and record clear reasons for them.",
	     "paragraph", "The help given to children: good");
	SENT(&d, "They meet weekly with the decision-making panel.",
	     "paragraph", "The help given to children: good");
	/* judgement cells make table rows; the bullet list has its heading */
	SENT(&d, "Judgement | Grade", "table_row",
	     "Inspection of Testshire services");
	SENT(&d, "Overall effectiveness | Requires improvement to be good",
	     "table_row", "Inspection of Testshire services");
	SENT(&d, "The timeliness of reviews for children in care.", "list_item",
	     "What needs to improve?");
	int i = find_part(&d, "Early help workers");
	if (i >= 0)
		CHECK_INT(d.sent[i].line, 18);
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_page_header_at_top(void)
{
	tt_doc d;
	seg(&d,
	    "Audit of neglect cases\n"
	    "First page text ends here.\n"
	    "\f"
	    "Audit of neglect cases 2023\n"
	    "Page 2 of 4\n"
	    "Second page text ends here.\n"
	    "\f"
	    "Audit of neglect cases 2023\n"
	    "Page 3 of 4\n"
	    "Third page text ends here.\n"
	    "\f"
	    "Audit of neglect cases 2023\n"
	    "Page 4 of 4\n"
	    "Last page text.\n",
	    TT_SEG_DOCUMENT);
	for (size_t i = 0; i < d.nsent; i++) {
		CHECK(strstr(d.sent[i].text, "2023") == NULL);
		CHECK(strstr(d.sent[i].text, "Page") == NULL);
	}
	CHECK(find(&d, "Second page text ends here.") >= 0);
	CHECK(find(&d, "Last page text.") >= 0);
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_footnote_across_page(void)
{
	tt_doc d;
	seg(&d,
	    "Summary of findings1\n"
	    "Managers provide oversight of the work of the teams and\n"
	    "\n"
	    "1\n"
	    "\n"
	    "A note on the framework used for the findings.\n"
	    "Report footer line\n"
	    "\f"
	    "check plans every month.\n"
	    "Report footer line\n"
	    "\f"
	    "The review team met the staff who work with families.\n"
	    "\n"
	    "12\n"
	    "\n"
	    "They agreed the plan was clear.\n"
	    "Report footer line\n",
	    TT_SEG_DOCUMENT);
	/* the footnote mark glued to the heading is left out too */
	SENT(&d, "Managers provide oversight of the work of the teams and "
		 "check plans every month.", "paragraph", "Summary of findings");
	SENT(&d, "A note on the framework used for the findings.", "paragraph",
	     "Summary of findings");
	int a = find_part(&d, "Managers provide"), b = find_part(&d, "A note on");
	CHECK(a >= 0 && b > a);
	/* a number with no mark glued to a word is no footnote: order kept */
	a = find_part(&d, "The review team");
	b = find_part(&d, "They agreed");
	CHECK(a >= 0 && b == a + 1);
	check_invariants(&d);
	tt_doc_release(&d);
}

/* --- TT_SEG_LINES --------------------------------------------------------- */

static void test_lines_mode(void)
{
	const char *text = "first line\r\n\r\n  second \t  line  \r\n# not a heading\r\nlast";
	tt_doc d;
	seg(&d, text, TT_SEG_LINES);
	CHECK_INT(d.nsent, 4);
	CHECK_INT(d.nsec, 0);
	if (d.nsent == 4) {
		CHECK_STR(d.sent[0].text, "first line");
		CHECK_INT(d.sent[0].line, 1);
		CHECK_STR(d.sent[1].text, "second line");
		CHECK_INT(d.sent[1].line, 3);
		CHECK_STR(d.sent[2].text, "# not a heading");
		CHECK_INT(d.sent[2].line, 4);
		CHECK_STR(d.sent[3].text, "last");
		CHECK_INT(d.sent[3].line, 5);
		for (size_t i = 0; i < 4; i++) {
			CHECK(d.sent[i].kind == TT_BLOCK_PARAGRAPH);
			CHECK_INT(d.sent[i].section, -1);
		}
		const tt_sentence *s = &d.sent[1];
		size_t off = (size_t)(strstr(text, "second") - text);
		CHECK_INT(s->doc_start, off);
		CHECK_INT(s->text_to_doc[6], off + 6); /* the first of " \t  " */
		CHECK_INT(s->text_to_doc[7], (size_t)(strstr(text, "line  ") - text));
		CHECK_INT(s->doc_end, (size_t)(strstr(text, "line  ") - text) + 4);
		CHECK_INT(d.sent[0].doc_end, 10); /* before the \r */
	}
	check_invariants(&d);
	tt_doc_release(&d);
}

static void test_empty_and_resegment(void)
{
	tt_doc d;
	seg(&d, "\n\n   \n\t\n", TT_SEG_DOCUMENT);
	CHECK_INT(d.nsent, 0);
	CHECK_INT(d.nsec, 0);
	tt_doc_release(&d);

	seg(&d, "# Heading\n\nText.\n", TT_SEG_DOCUMENT);
	CHECK_INT(d.nsent, 2);
	tt_doc_segment(&d, TT_SEG_LINES); /* replaces what was there */
	CHECK_INT(d.nsent, 2);
	CHECK_INT(d.nsec, 0);
	if (d.nsent == 2)
		CHECK_STR(d.sent[0].text, "# Heading");
	tt_doc_release(&d);
}

int main(void)
{
	TT_RUN(test_atx_headings);
	TT_RUN(test_bold_headings);
	TT_RUN(test_caps_numbered_and_plain_headings);
	TT_RUN(test_numbered_list_is_not_heading);
	TT_RUN(test_colon_heading_scope);
	TT_RUN(test_lead_in_list_items);
	TT_RUN(test_nested_lead_ins);
	TT_RUN(test_short_heading_with_full_stop);
	TT_RUN(test_list_markers);
	TT_RUN(test_list_continuation_and_split);
	TT_RUN(test_pdf_sub_bullets);
	TT_RUN(test_tables);
	TT_RUN(test_paragraphs);
	TT_RUN(test_text_to_doc);
	TT_RUN(test_inline_markup);
	TT_RUN(test_hyphenation);
	TT_RUN(test_pdf_page_furniture);
	TT_RUN(test_page_header_at_top);
	TT_RUN(test_footnote_across_page);
	TT_RUN(test_lines_mode);
	TT_RUN(test_empty_and_resegment);
	return TT_DONE();
}
