/* search.c - a user's pattern over stored sentences, with an FTS prefilter. */
#include "search.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "rules.h"
#include "banned.h"

struct tt_search {
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
};

tt_status tt_search_new(tt_search **out, const char *pattern, tt_error *err)
{
	int ec;
	PCRE2_SIZE eo;
	*out = NULL;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
					 PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS |
					 PCRE2_MATCH_INVALID_UTF, &ec, &eo, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ec, msg, sizeof(msg));
		/* Column in characters, 1-based. */
		size_t col = 1;
		for (size_t i = 0; i < eo && pattern[i]; i++)
			col += ((unsigned char)pattern[i] & 0xC0) != 0x80;
		tt_error_set(err, TT_EINPUT, NULL, 0, 0, "bad pattern at column %zu: %s", col,
			     (const char *)msg);
		err->col = col;
		return TT_EINPUT;
	}
	tt_search *s = xcalloc(1, sizeof(*s));
	s->code = code;
	s->md = pcre2_match_data_create_from_pattern(code, NULL);
	s->mctx = pcre2_match_context_create(NULL);
	if (!s->md || !s->mctx)
		abort();
	pcre2_set_match_limit(s->mctx, TT_MATCH_LIMIT);
	pcre2_set_depth_limit(s->mctx, TT_DEPTH_LIMIT);
	if (pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0) {
		s->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
		if (s->jit)
			pcre2_jit_stack_assign(s->mctx, NULL, s->jit);
	}
	/* An empty match would print every sentence: refuse it. */
	if (pcre2_match(code, (PCRE2_SPTR)"", 0, 0, 0, s->md, s->mctx) >= 0) {
		tt_search_free(s);
		return tt_error_set(err, TT_EINPUT, NULL, 0, 0,
				    "pattern '%s' matches the empty string; make it require "
				    "at least one character", pattern);
	}
	*out = s;
	return TT_OK;
}

void tt_search_free(tt_search *s)
{
	if (!s)
		return;
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mctx);
	pcre2_jit_stack_free(s->jit);
	pcre2_code_free(s->code);
	free(s);
}

int tt_search_next(tt_search *s, const char *text, size_t len, size_t from, size_t *ms,
		   size_t *me)
{
	if (from > len)
		return 0;
	int rc = pcre2_match(s->code, (PCRE2_SPTR)text, len, from, 0, s->md, s->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
		return -1;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
	*ms = ov[0];
	*me = ov[1];
	if (*me < *ms) /* \K after the end: report the empty span at the end */
		*ms = *me;
	return 1;
}

static int is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The index of the ']' closing the class that opens at re[i] ('[');
 * a ']' first in the class (after any '^') is literal. */
static size_t class_end(const char *re, size_t n, size_t i)
{
	size_t j = i + 1;
	if (j < n && re[j] == '^')
		j++;
	if (j < n && re[j] == ']')
		j++;
	while (j < n && re[j] != ']') {
		if (re[j] == '\\')
			j++;
		j++;
	}
	return j;
}

char *tt_search_fts_query(const char *re)
{
	size_t n = strlen(re);
	int depth = 0;
	tt_buf q = TT_BUF_INIT;

	/* Anything that changes what a literal means: give up. */
	if (strstr(re, "\\Q") || strstr(re, "(?x") || strstr(re, "(?|"))
		return NULL;
	/* A top-level alternation makes nothing required. */
	for (size_t i = 0; i < n; i++) {
		if (re[i] == '\\') {
			i++;
			continue;
		}
		if (re[i] == '[') {
			i = class_end(re, n, i);
			continue;
		}
		if (re[i] == '(')
			depth++;
		else if (re[i] == ')')
			depth--;
		else if (re[i] == '|' && depth == 0)
			return NULL;
	}
	depth = 0;
	for (size_t i = 0; i < n; i++) {
		if (re[i] == '[') {
			i = class_end(re, n, i);
			continue;
		}
		if (re[i] == '(') {
			depth++;
			continue;
		}
		if (re[i] == ')') {
			depth--;
			continue;
		}
		if (re[i] != '\\')
			continue;
		if (i + 1 >= n || re[i + 1] != 'b' || depth != 0) {
			i++;
			continue;
		}
		/* \b word \b, not followed by a quantifier */
		size_t w = i + 2, e = w;
		while (e < n && is_word((unsigned char)re[e]))
			e++;
		if (e > w && e + 1 < n && re[e] == '\\' && re[e + 1] == 'b' &&
		    (e + 2 >= n || !strchr("?*{", re[e + 2]))) {
			tt_buf_addf(&q, "%s\"%.*s\"", q.len ? " " : "", (int)(e - w), re + w);
			i = e - 1;
		} else {
			i++;
		}
	}
	if (!q.len) {
		tt_buf_release(&q);
		return NULL;
	}
	return tt_buf_detach(&q, NULL);
}
