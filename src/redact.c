/* redact.c - personal identifiers masked before storage. */
#include "redact.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "banned.h"

static const char *const kind_names[TT_RED_NKIND] = {
	"e-mail addresses", "phone numbers", "postcodes", "NHS numbers", "dates of birth",
	"names"};
static const char *const masks[TT_RED_NKIND] = {
	"[EMAIL]", "[PHONE]", "[POSTCODE]", "[NHS NUMBER]", "[DATE OF BIRTH]", "[NAME]"};

/* A name: O'Neill, Ní Bhriain, Smith-Jones, or an initial (K, P.). */
#define NAME_WORD                                                              \
	"(?:(?:\\p{Lu}['\u2019])?\\p{Lu}\\p{Ll}+(?:[-'\u2019]\\p{Lu}?\\p{Ll}+)?|\\p{Lu}\\b\\.?)"

/*
 * The patterns, in priority order (an earlier one wins an overlap). \K
 * starts the masked part after the words that identify it ("DOB: ").
 */
static const struct {
	tt_red_kind kind;
	const char *re;
} patterns[] = {
	{TT_RED_NAME,
	 "(?im)^[ \\t>*#-]*(?:report )?(?:author|authors|contact|contact details|"
	 "name of (?:the )?(?:auditor|reviewer|author)|auditor|auditors|reviewer|lead reviewer|"
	 "independent reviewer|prepared by|written by|compiled by)[ \\t]*:[ \\t]*\\K[^\\n]*\\S"},
	{TT_RED_EMAIL, "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"},
	{TT_RED_DOB,
	 "(?i)\\b(?:DOB|D\\.O\\.B\\.?|date of birth|born(?: on)?)\\b[ \\t]*[:.-]?[ \\t]*\\K"
	 "(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|"
	 "\\d{1,2}(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
	 "sept|oct|nov|dec)[a-z]*\\.?,?[ \\t]+\\d{4}|"
	 "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?[ \\t]+"
	 "\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]+\\d{4})"},
	{TT_RED_NHS, "(?<![\\d/.-])\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?![\\d/-])"},
	{TT_RED_PHONE,
	 "(?<![\\w/.])(?:\\+44[ \\t]?(?:\\(0\\)[ \\t]?)?|\\(0|0)\\d{2,4}\\)?(?:[ \\t-]?\\d){6,8}"
	 "(?![\\d/])"},
	{TT_RED_POSTCODE, "\\b[A-Z]{1,2}\\d[A-Z\\d]?[ \\t]?\\d[ABD-HJLNP-UW-Z]{2}\\b"},
	{TT_RED_NAME,
	 "\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?[ \\t]+\\K" NAME_WORD "(?:[ \\t]+" NAME_WORD ")?"},
};

struct tt_redactor {
	pcre2_code *code[TT_ARRAY_LEN(patterns)];
};

const char *tt_red_kind_name(tt_red_kind k)
{
	return k < TT_RED_NKIND ? kind_names[k] : "?";
}

tt_redactor *tt_redactor_new(void)
{
	tt_redactor *r = xcalloc(1, sizeof(*r));
	for (size_t i = 0; i < TT_ARRAY_LEN(patterns); i++) {
		int ec;
		PCRE2_SIZE eo;
		r->code[i] = pcre2_compile((PCRE2_SPTR)patterns[i].re, PCRE2_ZERO_TERMINATED,
					   PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &ec, &eo,
					   NULL);
		if (!r->code[i]) /* a fixed pattern: failing is a bug */
			abort();
		(void)pcre2_jit_compile(r->code[i], PCRE2_JIT_COMPLETE);
	}
	return r;
}

void tt_redactor_free(tt_redactor *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < TT_ARRAY_LEN(patterns); i++)
		pcre2_code_free(r->code[i]);
	free(r);
}

int tt_nhs_valid(const char d[10])
{
	int sum = 0;
	for (int i = 0; i < 10; i++)
		if (d[i] < '0' || d[i] > '9')
			return 0;
	for (int i = 0; i < 9; i++)
		sum += (d[i] - '0') * (10 - i);
	int check = 11 - sum % 11;
	if (check == 11)
		check = 0;
	return check != 10 && check == d[9] - '0';
}

typedef struct span {
	size_t s, e;
	tt_red_kind kind;
} span;

static int cmp_span(const void *a, const void *b)
{
	const span *x = a, *y = b;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return (x->e < y->e) - (x->e > y->e); /* longer first */
}

static int nhs_at(const char *in, size_t s, size_t e)
{
	char d[10];
	size_t k = 0;
	for (size_t i = s; i < e; i++)
		if (in[i] >= '0' && in[i] <= '9') {
			if (k == 10)
				return 0;
			d[k++] = in[i];
		}
	return k == 10 && tt_nhs_valid(d);
}

size_t tt_redact(const tt_redactor *r, const char *in, size_t n, tt_buf *out,
		 size_t counts[TT_RED_NKIND])
{
	span *v = NULL;
	size_t nv = 0, alloc = 0;
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);
	if (!md)
		abort();
	for (size_t p = 0; p < TT_ARRAY_LEN(patterns); p++) {
		size_t at = 0;
		while (at <= n) {
			int rc = pcre2_match(r->code[p], (PCRE2_SPTR)in, n, at, 0, md, NULL);
			if (rc < 0)
				break;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			size_t s = ov[0], e = ov[1];
			size_t next = e > ov[0] ? e : ov[0] + 1;
			if (s > e) /* \K past the end: nothing to mask */
				s = e;
			if (e > s && (patterns[p].kind != TT_RED_NHS || nhs_at(in, s, e))) {
				TT_GROW(v, nv + 1, alloc);
				v[nv].s = s;
				v[nv].e = e;
				v[nv++].kind = patterns[p].kind;
			}
			at = next;
			while (at < n && ((unsigned char)in[at] & 0xC0) == 0x80)
				at++;
		}
	}
	pcre2_match_data_free(md);
	/* Stable by start: an earlier pattern keeps its place among equals. */
	if (nv)
		qsort(v, nv, sizeof(*v), cmp_span);
	size_t pos = 0, masked = 0;
	for (size_t i = 0; i < nv; i++) {
		if (v[i].s < pos)
			continue; /* overlaps a mask already written */
		tt_buf_add(out, in + pos, v[i].s - pos);
		tt_buf_addstr(out, masks[v[i].kind]);
		counts[v[i].kind]++;
		masked++;
		pos = v[i].e;
	}
	tt_buf_add(out, in + pos, n - pos);
	free(v);
	return masked;
}
