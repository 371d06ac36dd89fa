/*
 * rules_pattern.c - lexicons, pattern expansion ({name}, {~name}, ~word)
 * into PCRE2 syntax, compilation with exact error columns, and the
 * prefilter literals of each pattern.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "rules_int.h"
#include "banned.h"

/* --- lexicons ------------------------------------------------------------ */

void tt_lexicon_release(tt_lexicon *l)
{
	free(l->name);
	free(l->path);
	free(l->content);
	for (size_t i = 0; i < l->nterms; i++) {
		free(l->terms[i]);
		if (l->lit_plain)
			free(l->lit_plain[i]);
		if (l->lit_stem)
			free(l->lit_stem[i]);
	}
	free(l->terms);
	free(l->term_line);
	free(l->lit_plain);
	free(l->lit_stem);
	free(l->re_plain);
	free(l->re_stem);
	memset(l, 0, sizeof(*l));
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

long tt_rules_lexicon(tt_ruleset *rs, const char *name, size_t n, tt_error *err)
{
	for (size_t i = 0; i < rs->nlex; i++)
		if (strlen(rs->lex[i].name) == n && !memcmp(rs->lex[i].name, name, n))
			return (long)i;

	tt_buf path = TT_BUF_INIT;
	tt_buf_addf(&path, "%s/%.*s.txt", rs->lexdir, (int)n, name);
	char *content;
	size_t len;
	int e = tt_read_file(path.buf, &content, &len);
	if (e == ENOENT || e == ENOTDIR) {
		tt_buf_release(&path);
		return -1;
	}
	if (e) {
		tt_error_set(err, TT_EFAIL, path.buf, 0, 0, "cannot read lexicon: %s",
			     strerror(e));
		tt_buf_release(&path);
		return -2;
	}
	size_t nbad = 0, first_bad = 0, clen;
	char *clean = tt_utf8_sanitize(content, len, &clen, &nbad, &first_bad);
	free(clean);
	if (nbad) {
		size_t line = 1, col = 1;
		for (size_t i = 0; i < first_bad; i++) {
			if (content[i] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)content[i] & 0xC0) != 0x80) {
				col++;
			}
		}
		tt_error_set(err, TT_EINPUT, path.buf, line, col, "invalid UTF-8 in lexicon");
		free(content);
		tt_buf_release(&path);
		return -2;
	}

	TT_GROW(rs->lex, rs->nlex + 1, rs->lex_alloc);
	tt_lexicon *l = &rs->lex[rs->nlex];
	memset(l, 0, sizeof(*l));
	l->name = xmemdup(name, n);
	l->path = tt_buf_detach(&path, NULL);
	l->content = content;
	l->len = len;

	size_t alloc = 0, line = 0;
	for (size_t i = 0; i < len;) {
		size_t j = i;
		while (j < len && content[j] != '\n')
			j++;
		line++;
		size_t a = i, b = j;
		while (a < b && is_space((unsigned char)content[a]))
			a++;
		while (b > a && is_space((unsigned char)content[b - 1]))
			b--;
		i = j + 1;
		if (a == b || content[a] == '#')
			continue;
		int dup = 0;
		for (size_t k = 0; k < l->nterms && !dup; k++)
			dup = strlen(l->terms[k]) == b - a &&
			      !strncasecmp(l->terms[k], content + a, b - a);
		if (dup)
			continue;
		if (l->nterms + 1 > alloc) {
			alloc = alloc ? alloc * 2 : 16;
			l->terms = xrealloc(l->terms, alloc * sizeof(*l->terms));
			l->term_line = xrealloc(l->term_line, alloc * sizeof(*l->term_line));
		}
		l->terms[l->nterms] = xmemdup(content + a, b - a);
		l->term_line[l->nterms] = line;
		l->nterms++;
	}
	return (long)rs->nlex++;
}

/* --- escaping and term expansion ---------------------------------------- */

static int is_meta(int c)
{
	return c && strchr("\\^$.|?*+()[]{}#", c) != NULL;
}

static int is_wordbyte(unsigned char c)
{
	return isalnum(c) || c == '_' || c >= 0x80;
}

/* Byte offset of the first byte of the last character of t[0..n). */
static size_t last_char(const char *t, size_t n)
{
	size_t i = n - 1;
	while (i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/*
 * A lexicon compiles to a trie-shaped alternation ("no(?:t(?: always|)|)"
 * rather than "not always|not|no"): PCRE2 then tries each character once
 * per position instead of once per term, which is many times faster on a
 * long lexicon. At each node the longer continuations come before the end
 * of a term, so the longest term matches (and backtracking still finds
 * the shorter ones). Units are whole characters, or a run of white space
 * and hyphens, which matches any run of white space or one hyphen.
 */
#define PLAIN_WS "(?:\\s*-\\s*|\\s+)"
#define STEM_END "(?=[ -])"

typedef struct trie {
	char unit[8];          /* one UTF-8 character, or "" for white space */
	struct trie *kid;
	size_t nkid, akid;
	int end;               /* a term ends here */
	const char *end_re;    /* what follows a term ending here */
} trie;

static void trie_free(trie *t)
{
	for (size_t i = 0; i < t->nkid; i++)
		trie_free(&t->kid[i]);
	free(t->kid);
}

/* The next unit of t at *i: a character (ASCII folded to lower case) or,
 * for `sep` bytes, "" for a run of them. */
static void next_unit(const char *t, size_t n, size_t *i, const char *sep, char unit[8])
{
	if (strchr(sep, t[*i])) {
		while (*i < n && strchr(sep, t[*i]))
			(*i)++;
		unit[0] = '\0';
		return;
	}
	size_t k = 1;
	while (*i + k < n && ((unsigned char)t[*i + k] & 0xC0) == 0x80 && k < 6)
		k++;
	memcpy(unit, t + *i, k);
	unit[k] = '\0';
	if (k == 1)
		unit[0] = (char)tolower((unsigned char)unit[0]);
	*i += k;
}

static void trie_add(trie *root, const char *t, size_t n, const char *sep,
		     const char *end_re)
{
	trie *node = root;
	char unit[8];
	for (size_t i = 0; i < n;) {
		next_unit(t, n, &i, sep, unit);
		trie *next = NULL;
		for (size_t k = 0; k < node->nkid && !next; k++)
			if (!strcmp(node->kid[k].unit, unit))
				next = &node->kid[k];
		if (!next) {
			TT_GROW(node->kid, node->nkid + 1, node->akid);
			next = &node->kid[node->nkid++];
			memset(next, 0, sizeof(*next));
			memcpy(next->unit, unit, sizeof(unit));
		}
		node = next;
	}
	node->end = 1;
	node->end_re = end_re;
}

static void trie_emit(const trie *t, const char *ws_re, tt_buf *b)
{
	size_t nalt = t->nkid + (t->end ? 1 : 0);
	if (nalt > 1)
		tt_buf_addstr(b, "(?:");
	for (size_t i = 0; i < t->nkid; i++) {
		const trie *k = &t->kid[i];
		if (i)
			tt_buf_addch(b, '|');
		if (!k->unit[0]) {
			tt_buf_addstr(b, ws_re);
		} else {
			if (is_meta((unsigned char)k->unit[0]))
				tt_buf_addch(b, '\\');
			tt_buf_addstr(b, k->unit);
		}
		trie_emit(k, ws_re, b);
	}
	if (t->end) {
		if (t->nkid)
			tt_buf_addch(b, '|');
		tt_buf_addstr(b, t->end_re);
	}
	if (nalt > 1)
		tt_buf_addch(b, ')');
}

/* Appends a stem-view literal: escaped, space or hyphen as [ -]. */
static void add_stem_literal(tt_buf *b, const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c == ' ' || c == '-') {
			tt_buf_addstr(b, "[ -]");
			continue;
		}
		if (is_meta(c))
			tt_buf_addch(b, '\\');
		tt_buf_addch(b, c);
	}
}

/*
 * The stem view of `text` (its tokens' stems joined by single spaces, no
 * trailing space), malloc'd; *ntok the number of tokens.
 */
static char *stem_text(tt_stemmer *st, const char *text, size_t n, size_t *ntok)
{
	tt_sentence s;
	memset(&s, 0, sizeof(s));
	s.text = xmemdup(text, n);
	s.text_len = n;
	tt_sentence_analyse(&s, st);
	size_t len = s.stems_len;
	while (len > 0 && s.stems[len - 1] == ' ')
		len--;
	char *r = xmemdup(s.stems, len);
	*ntok = s.ntok;
	free(s.text);
	free(s.norm);
	free(s.norm_to_text);
	free(s.tok);
	free(s.stems);
	return r;
}

/* Longest run of ASCII letters and digits in t[0..n), lower-cased, or
 * NULL when shorter than `min`. */
/*
 * Can byte c be part of a prefilter literal? Printable ASCII but space and
 * hyphen (which a lexicon term matches loosely); non-ASCII bytes are left
 * out because caseless matching may fold them.
 */
static int lit_byte(unsigned char c)
{
	return c > 0x20 && c < 0x7F && c != '-';
}

static char *longest_run(const char *t, size_t n, size_t min)
{
	size_t best = 0, bestlen = 0;
	for (size_t i = 0; i < n;) {
		if (!lit_byte((unsigned char)t[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && lit_byte((unsigned char)t[j]))
			j++;
		if (j - i > bestlen) {
			best = i;
			bestlen = j - i;
		}
		i = j;
	}
	if (bestlen < min || bestlen == 0)
		return NULL;
	char *r = xmemdup(t + best, bestlen);
	for (size_t i = 0; i < bestlen; i++)
		r[i] = (char)tolower((unsigned char)r[i]);
	return r;
}

/* Builds l->re_plain (and the plain prefilter literals). */
static void build_plain(tt_lexicon *l)
{
	if (l->re_plain)
		return;
	trie word, other;
	memset(&word, 0, sizeof(word));
	memset(&other, 0, sizeof(other));
	for (size_t i = 0; i < l->nterms; i++) {
		const char *t = l->terms[i];
		size_t n = strlen(t);
		const char *end_re = is_wordbyte((unsigned char)t[last_char(t, n)]) ? "\\b" : "";
		trie_add(is_wordbyte((unsigned char)t[0]) ? &word : &other, t, n, " \t-", end_re);
	}
	tt_buf b = TT_BUF_INIT;
	tt_buf_addstr(&b, "(?:");
	if (word.nkid) {
		tt_buf_addstr(&b, "\\b");
		trie_emit(&word, PLAIN_WS, &b);
	}
	if (other.nkid) {
		if (word.nkid)
			tt_buf_addch(&b, '|');
		trie_emit(&other, PLAIN_WS, &b);
	}
	tt_buf_addch(&b, ')');
	trie_free(&word);
	trie_free(&other);
	l->re_plain = tt_buf_detach(&b, NULL);

	l->lit_plain = xcalloc(l->nterms ? l->nterms : 1, sizeof(char *));
	for (size_t i = 0; i < l->nterms; i++) {
		l->lit_plain[i] = longest_run(l->terms[i], strlen(l->terms[i]), 2);
		if (!l->lit_plain[i]) {
			for (size_t k = 0; k < i; k++)
				free(l->lit_plain[k]);
			free(l->lit_plain);
			l->lit_plain = NULL;
			break;
		}
	}
}

/* Builds l->re_stem; returns the number of distinct stemmed terms. */
static size_t build_stem(tt_ruleset *rs, tt_lexicon *l)
{
	if (l->re_stem)
		return 1;
	char **stems = xcalloc(l->nterms ? l->nterms : 1, sizeof(*stems));
	size_t ns = 0;
	for (size_t i = 0; i < l->nterms; i++) {
		size_t ntok;
		char *st = stem_text(rs->stemmer, l->terms[i], strlen(l->terms[i]), &ntok);
		int dup = !*st;
		for (size_t k = 0; k < ns && !dup; k++)
			dup = !strcmp(stems[k], st);
		if (dup)
			free(st);
		else
			stems[ns++] = st;
	}
	if (!ns) {
		free(stems);
		return 0;
	}
	trie root;
	memset(&root, 0, sizeof(root));
	for (size_t i = 0; i < ns; i++)
		trie_add(&root, stems[i], strlen(stems[i]), " -", STEM_END);
	tt_buf b = TT_BUF_INIT;
	tt_buf_addstr(&b, "(?:\\b");
	trie_emit(&root, "[ -]", &b);
	tt_buf_addch(&b, ')');
	trie_free(&root);
	l->re_stem = tt_buf_detach(&b, NULL);

	int ok = 1;
	for (size_t i = 0; i < ns; i++) {
		char *lit = ok ? longest_run(stems[i], strlen(stems[i]), 2) : NULL;
		free(stems[i]);
		stems[i] = lit;
		if (!lit)
			ok = 0;
	}
	if (!ok) {
		for (size_t i = 0; i < ns; i++)
			free(stems[i]);
		free(stems);
		stems = NULL;
	}
	/* lit_stem holds ns entries then NULLs up to nterms */
	if (stems) {
		l->lit_stem = xcalloc(l->nterms + 1, sizeof(char *));
		memcpy(l->lit_stem, stems, ns * sizeof(char *));
		free(stems);
	}
	return ns;
}

/* --- pattern expansion ---------------------------------------------------- */

size_t tt_rules_col(const tt_srcpos *p, size_t off)
{
	size_t col = 1;
	for (size_t i = 0; i < off && i < p->len; i++)
		if (((unsigned char)p->text[i] & 0xC0) != 0x80)
			col++;
	return col;
}

/* The expanded pattern and, for each of its bytes, the source byte. */
typedef struct expansion {
	tt_buf out;
	size_t *map;
	size_t map_alloc;
} expansion;

static void emit(expansion *x, const char *s, size_t n, size_t src)
{
	TT_GROW(x->map, x->out.len + n + 1, x->map_alloc);
	for (size_t i = 0; i < n; i++)
		x->map[x->out.len + i] = src;
	tt_buf_add(&x->out, s, n);
}

static int is_quant_start(const char *p, size_t i, size_t n)
{
	if (i >= n)
		return 0;
	if (p[i] == '?' || p[i] == '*' || p[i] == '+')
		return 1;
	return p[i] == '{' && i + 1 < n && (isdigit((unsigned char)p[i + 1]) || p[i + 1] == ',');
}

static int is_stem_word_byte(unsigned char c)
{
	return isalnum(c) || c == '\'' || c == '-' || c >= 0x80;
}

static int is_name_byte(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '-';
}

/* Scans the pattern once to learn whether it holds stem terms. */
static int has_stem_terms(const char *p, size_t n)
{
	int incls = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\\') {
			if (i + 1 < n && p[i + 1] == 'Q') {
				const char *e = NULL;
				for (size_t k = i + 2; k + 1 < n; k++)
					if (p[k] == '\\' && p[k + 1] == 'E') {
						e = p + k;
						break;
					}
				if (!e)
					return 0;
				i = (size_t)(e - p) + 1;
				continue;
			}
			i++;
			continue;
		}
		if (incls) {
			if (p[i] == ']')
				incls = 0;
			continue;
		}
		if (p[i] == '[') {
			incls = 1;
			if (i + 1 < n && p[i + 1] == '^')
				i++;
			if (i + 1 < n && p[i + 1] == ']')
				i++;
			continue;
		}
		if (p[i] == '~' && i + 1 < n && is_stem_word_byte((unsigned char)p[i + 1]) &&
		    p[i + 1] != '-' && p[i + 1] != '\'')
			return 1;
		if (p[i] == '{' && i + 1 < n && p[i + 1] == '~')
			return 1;
	}
	return 0;
}

static void nearest_lexicon(const tt_ruleset *rs, const char *name, size_t n,
			    char *hint, size_t size);

/*
 * Expands src[0..n) (at byte `off` of the line in pos) into x. Returns
 * TT_OK, or TT_EINPUT with err set.
 */
static tt_status expand(tt_ruleset *rs, const tt_srcpos *pos, size_t off,
			const char *p, size_t n, int stem, expansion *x,
			tt_error *err)
{
	int incls = 0;

	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)p[i];
		size_t at = off + i;

		if (c == '\\') {
			if (i + 1 < n && p[i + 1] == 'Q') {
				size_t k = i + 2;
				while (k + 1 < n && !(p[k] == '\\' && p[k + 1] == 'E'))
					k++;
				k = k + 1 < n ? k + 2 : n;
				emit(x, p + i, k - i, at);
				i = k;
				continue;
			}
			size_t k = i + 1 < n ? 2 : 1;
			emit(x, p + i, k, at);
			i += k;
			continue;
		}
		if (incls) {
			if (c == ']')
				incls = 0;
			emit(x, p + i, 1, at);
			i++;
			continue;
		}
		if (c == '[') {
			size_t k = i + 1;
			if (k < n && p[k] == '^')
				k++;
			if (k < n && p[k] == ']')
				k++;
			emit(x, p + i, k - i, at);
			incls = 1;
			i = k;
			continue;
		}

		/* {name}, {~name} */
		if (c == '{' && i + 1 < n && (p[i + 1] == '~' || isalpha((unsigned char)p[i + 1]) || p[i + 1] == '_')) {
			size_t k = i + 1;
			int st = 0;
			if (p[k] == '~') {
				st = 1;
				k++;
			}
			size_t ns = k;
			while (k < n && is_name_byte((unsigned char)p[k]))
				k++;
			if (k >= n || p[k] != '}' || k == ns)
				return tt_error_set(err, TT_EINPUT, pos->file, pos->line,
						    tt_rules_col(pos, at),
						    "bad lexicon reference; write {name} or {~name} "
						    "(a '{' that starts no quantifier must be escaped as '\\{')");
			const char *name = p + ns;
			size_t nlen = k - ns;
			for (size_t q = 0; q < nlen; q++)
				if (isupper((unsigned char)name[q]) || name[q] == '-') {
					char hint[160];
					nearest_lexicon(rs, name, nlen, hint, sizeof(hint));
					return tt_error_set(err, TT_EINPUT, pos->file, pos->line,
							    tt_rules_col(pos, at),
							    "bad lexicon name '%.*s'; names are lower-case letters, digits and '_'%s",
							    (int)nlen, name, hint);
				}
			if (stem && !st)
				return tt_error_set(err, TT_EINPUT, pos->file, pos->line,
						    tt_rules_col(pos, at),
						    "plain lexicon '{%.*s}' in a stem pattern; write '{~%.*s}'",
						    (int)nlen, name, (int)nlen, name);
			long li = tt_rules_lexicon(rs, name, nlen, err);
			if (li == -2)
				return err->status;
			if (li < 0) {
				char hint[160];
				nearest_lexicon(rs, name, nlen, hint, sizeof(hint));
				return tt_error_set(err, TT_EINPUT, pos->file, pos->line,
						    tt_rules_col(pos, at),
						    "unknown lexicon '%.*s'%s", (int)nlen, name, hint);
			}
			tt_lexicon *l = &rs->lex[li];
			if (!l->nterms)
				return tt_error_set(err, TT_EINPUT, pos->file, pos->line,
						    tt_rules_col(pos, at),
						    "lexicon '%s' has no terms", l->name);
			if (st) {
				if (!build_stem(rs, l))
					return tt_error_set(err, TT_EINPUT, pos->file, pos->line,
							    tt_rules_col(pos, at),
							    "lexicon '%s' has no words to stem", l->name);
				emit(x, l->re_stem, strlen(l->re_stem), at);
			} else {
				build_plain(l);
				emit(x, l->re_plain, strlen(l->re_plain), at);
			}
			i = k + 1;
			continue;
		}

		/* ~word */
		if (c == '~' && (i + 1 >= n || !is_stem_word_byte((unsigned char)p[i + 1]) ||
				 p[i + 1] == '-' || p[i + 1] == '\''))
			return tt_error_set(err, TT_EINPUT, pos->file, pos->line,
					    tt_rules_col(pos, at),
					    "'~' must be followed by a word (write '\\~' for a tilde)");
		if (c == '~') {
			size_t k = i + 1;
			while (k < n && is_stem_word_byte((unsigned char)p[k]))
				k++;
			size_t ntok;
			char *sw = stem_text(rs->stemmer, p + i + 1, k - i - 1, &ntok);
			if (ntok != 1) {
				free(sw);
				return tt_error_set(err, TT_EINPUT, pos->file, pos->line,
						    tt_rules_col(pos, at),
						    "stem term '~%.*s' must be one word",
						    (int)(k - i - 1), p + i + 1);
			}
			tt_buf lit = TT_BUF_INIT;
			tt_buf_addstr(&lit, "\\b");
			add_stem_literal(&lit, sw, strlen(sw));
			tt_buf_addstr(&lit, STEM_END);
			emit(x, lit.buf, lit.len, at);
			tt_buf_release(&lit);
			free(sw);
			i = k;
			continue;
		}

		/* a counted quantifier {n}, {n,m}, {,m}: copied whole */
		if (c == '{' && is_quant_start(p, i, n)) {
			size_t k = i + 1;
			while (k < n && p[k] != '}')
				k++;
			k = k < n ? k + 1 : n;
			emit(x, p + i, k - i, at);
			i = k;
			continue;
		}

		/* an ordinary character */
		emit(x, p + i, 1, at);
		i++;
	}
	return TT_OK;
}

static void nearest_lexicon(const tt_ruleset *rs, const char *name, size_t n,
			    char *hint, size_t size)
{
	char *want = xmemdup(name, n);
	const char *best = NULL;
	size_t bestd = (size_t)-1;
	tt_strlist names = {0};
	tt_rules_list_dir(rs->lexdir, ".txt", 1, &names);
	for (size_t i = 0; i < names.n; i++) {
		size_t d = tt_edit_distance(want, names.v[i]);
		if (d < bestd) {
			bestd = d;
			best = names.v[i];
		}
	}
	if (best && tt_rules_close_enough(bestd, n))
		snprintf(hint, size, "; did you mean '%s'?", best);
	else
		hint[0] = '\0';
	tt_strlist_release(&names);
	free(want);
}

void tt_pattern_release(tt_pattern *p)
{
	pcre2_code_free(p->code);
	free(p->src);
	free(p->expanded);
	for (size_t i = 0; i < p->nlits; i++)
		free(p->lits[i]);
	free(p->lits);
	free(p->litlen);
	memset(p, 0, sizeof(*p));
}

#define TT_PCRE_FLAGS (PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF)

static void note_ovec(tt_ruleset *rs, pcre2_code *code)
{
	uint32_t cap = 0;
	pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &cap);
	if (cap + 1 > rs->max_ovec)
		rs->max_ovec = cap + 1;
}

/* --- the prefilter ----------------------------------------------------------- */

/*
 * The prefilter of a pattern is a set of lower-case ASCII strings such that
 * every match contains one of them; a sentence holding none of them is not
 * searched. It is found on the source pattern: an alternation needs a
 * literal in every branch; a sequence takes its best mandatory item: a run
 * of letters and digits (a character under ?, * or {0,...} is optional), a
 * group, a lexicon (each term's longest run) or a stem term. Lookarounds,
 * classes and escapes give nothing; verbs like (*ACCEPT), \Q...\E and the
 * x option make the analysis give up (no prefilter), as does any doubt.
 */
typedef struct litset {
	char **v;
	size_t n;
	int ok;               /* 0: no literal set is known */
} litset;

typedef struct lsctx {
	tt_ruleset *rs;
	const char *p;
	size_t n;
	int fail;
} lsctx;

static void ls_free(litset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static void ls_add(litset *s, const char *t, size_t n)
{
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(char *));
	char *c = xmemdup(t, n);
	for (size_t i = 0; i < n; i++)
		c[i] = (char)tolower((unsigned char)c[i]);
	s->v[s->n++] = c;
	s->ok = 1;
}

static size_t ls_minlen(const litset *s)
{
	size_t m = (size_t)-1;
	for (size_t i = 0; i < s->n; i++)
		if (strlen(s->v[i]) < m)
			m = strlen(s->v[i]);
	return s->n ? m : 0;
}

/* Is a a more selective prefilter than b? */
static int ls_better(const litset *a, const litset *b)
{
	if (!a->ok || !a->n)
		return 0;
	if (!b->ok || !b->n)
		return 1;
	size_t ma = ls_minlen(a), mb = ls_minlen(b);
	if (a->n == 1 && b->n > 1 && ma >= 3)
		return 1;
	if (b->n == 1 && a->n > 1 && mb >= 3)
		return 0;
	return ma > mb || (ma == mb && a->n < b->n);
}

/* Index after the escape at p[i] == '\\'. */
static size_t skip_escape(lsctx *c, size_t i)
{
	const char *p = c->p;
	size_t n = c->n;
	if (i + 1 >= n)
		return n;
	char e = p[i + 1];
	if (e == 'Q') {
		c->fail = 1;
		return n;
	}
	size_t k = i + 2;
	if (strchr("xopPNgk", e) && k < n && (p[k] == '{' || (e == 'k' && p[k] == '<'))) {
		char close = p[k] == '{' ? '}' : '>';
		while (k < n && p[k] != close)
			k++;
		return k < n ? k + 1 : n;
	}
	while (k < n && ((unsigned char)p[k] & 0xC0) == 0x80)
		k++;
	return k;
}

/* Index after the class opening at p[i] == '['. */
static size_t skip_class(lsctx *c, size_t i)
{
	const char *p = c->p;
	size_t n = c->n, k = i + 1;
	if (k < n && p[k] == '^')
		k++;
	if (k < n && p[k] == ']')
		k++;
	while (k < n && p[k] != ']') {
		if (p[k] == '\\') {
			k++;
		} else if (p[k] == '[' && k + 1 < n && p[k + 1] == ':') {
			const char *e = tt_rules_memmem(p + k, n - k, ":]", 2);
			if (e)
				k = (size_t)(e - p) + 1;
		}
		k++;
	}
	return k < n ? k + 1 : n;
}

/* Index after the group opening at p[i] == '(' (nested groups, classes
 * and escapes respected). */
static size_t skip_group(lsctx *c, size_t i)
{
	const char *p = c->p;
	size_t n = c->n, k = i + 1;
	int depth = 1;
	while (k < n && depth) {
		if (p[k] == '\\') {
			k = skip_escape(c, k);
		} else if (p[k] == '[') {
			k = skip_class(c, k);
		} else {
			if (p[k] == '(')
				depth++;
			else if (p[k] == ')')
				depth--;
			k++;
		}
	}
	return k;
}

/* Index after a quantifier at p[i] (with a lazy or possessive suffix), or
 * i when there is none; *opt says whether it allows zero repetitions. */
static size_t quant_end(lsctx *c, size_t i, int *opt)
{
	const char *p = c->p;
	size_t n = c->n, k = i;
	*opt = 0;
	if (k >= n)
		return k;
	if (p[k] == '?' || p[k] == '*' || p[k] == '+') {
		*opt = p[k] != '+';
		k++;
	} else if (is_quant_start(p, k, n)) {
		*opt = p[k + 1] == '0' || p[k + 1] == ',';
		while (k < n && p[k] != '}')
			k++;
		k = k < n ? k + 1 : n;
	} else {
		return k;
	}
	if (k < n && (p[k] == '?' || p[k] == '+'))
		k++;
	return k;
}

static litset an_alt(lsctx *c, size_t *i);

/* The literal set of the lexicon reference at p[*i] == '{'; *i moved on. */
static litset an_lexicon(lsctx *c, size_t *i)
{
	const char *p = c->p;
	litset r = {NULL, 0, 0};
	size_t k = *i + 1;
	int st = p[k] == '~';
	if (st)
		k++;
	size_t ns = k;
	while (k < c->n && p[k] != '}')
		k++;
	*i = k < c->n ? k + 1 : c->n;
	tt_error err;
	tt_error_init(&err);
	long li = tt_rules_lexicon(c->rs, p + ns, k - ns, &err);
	tt_error_release(&err);
	if (li < 0)
		return r;
	const tt_lexicon *l = &c->rs->lex[li];
	char **lits = st ? l->lit_stem : l->lit_plain;
	if (!lits)
		return r;
	for (size_t t = 0; t < l->nterms && lits[t]; t++)
		ls_add(&r, lits[t], strlen(lits[t]));
	return r;
}

/* Keeps the better of `item` and *best (freeing the other). */
static void ls_keep(litset *best, litset *item)
{
	if (ls_better(item, best)) {
		ls_free(best);
		*best = *item;
		memset(item, 0, sizeof(*item));
	} else {
		ls_free(item);
	}
}

static void ls_run(litset *best, const char *run, size_t *nrun)
{
	if (*nrun >= 2) {
		litset t = {NULL, 0, 0};
		ls_add(&t, run, *nrun);
		ls_keep(best, &t);
	}
	*nrun = 0;
}

/* A group at p[k] == '(': its literal set, *i moved after it. */
static litset an_group(lsctx *c, size_t k, size_t *i)
{
	const char *p = c->p;
	size_t n = c->n, j = k + 1;
	litset none = {NULL, 0, 0};
	int skip = 0;
	if (j < n && p[j] == '*') {
		c->fail = 1;
		skip = 1;
	} else if (j < n && p[j] == '?') {
		j++;
		if (j < n && (p[j] == ':' || p[j] == '>' || p[j] == '|')) {
			j++;
		} else if (j + 1 < n && p[j] == '<' && (p[j + 1] == '=' || p[j + 1] == '!')) {
			skip = 1;
		} else if (j < n && (p[j] == '<' || p[j] == '\'' || p[j] == 'P')) {
			char close = p[j] == '\'' ? '\'' : '>';
			j++;
			while (j < n && p[j] != close)
				j++;
			j++;
		} else if (j < n && (isalpha((unsigned char)p[j]) || p[j] == '-' || p[j] == '^') &&
			   p[j] != 'R' && p[j] != 'C' && p[j] != 'P') {
			while (j < n && (isalpha((unsigned char)p[j]) || p[j] == '-' || p[j] == '^')) {
				if (p[j] == 'x')
					c->fail = 1;
				j++;
			}
			if (j < n && p[j] == ')') {
				*i = j + 1; /* an option setting: no item */
				return none;
			}
			if (j < n && p[j] == ':')
				j++;
			else
				skip = 1;
		} else {
			skip = 1; /* lookahead, comment, condition, recursion, callout */
		}
	}
	if (skip) {
		*i = skip_group(c, k);
		return none;
	}
	*i = j;
	litset r = an_alt(c, i);
	if (*i < n && p[*i] == ')')
		(*i)++;
	return r;
}

static litset an_seq(lsctx *c, size_t *i)
{
	const char *p = c->p;
	size_t n = c->n;
	litset best = {NULL, 0, 0};
	char run[256];
	size_t nrun = 0;
	int opt;

	while (*i < n && p[*i] != '|' && p[*i] != ')') {
		size_t k = *i;
		unsigned char ch = (unsigned char)p[k];
		litset item = {NULL, 0, 0};

		if (lit_byte(ch) && !strchr("\\^$.|?*+()[]{}~", ch)) {
			size_t q = quant_end(c, k + 1, &opt);
			if (!opt && nrun < sizeof(run))
				run[nrun++] = (char)ch;
			if (q > k + 1)
				ls_run(&best, run, &nrun);
			*i = q;
			continue;
		}
		/* an escaped punctuation character is itself */
		if (ch == '\\' && k + 1 < n && lit_byte((unsigned char)p[k + 1]) &&
		    !isalnum((unsigned char)p[k + 1])) {
			size_t q = quant_end(c, k + 2, &opt);
			if (!opt && nrun < sizeof(run))
				run[nrun++] = p[k + 1];
			if (q > k + 2)
				ls_run(&best, run, &nrun);
			*i = q;
			continue;
		}
		ls_run(&best, run, &nrun);
		if (ch == '\\') {
			*i = quant_end(c, skip_escape(c, k), &opt);
			continue;
		}
		if (ch == '[') {
			*i = quant_end(c, skip_class(c, k), &opt);
			continue;
		}
		if (ch == '{' && k + 1 < n && (p[k + 1] == '~' || isalpha((unsigned char)p[k + 1]) ||
					      p[k + 1] == '_')) {
			item = an_lexicon(c, i);
		} else if (ch == '~' && k + 1 < n && is_stem_word_byte((unsigned char)p[k + 1])) {
			size_t e = k + 1, ntok;
			while (e < n && is_stem_word_byte((unsigned char)p[e]))
				e++;
			char *sw = stem_text(c->rs->stemmer, p + k + 1, e - k - 1, &ntok);
			char *r = longest_run(sw, strlen(sw), 2);
			if (r)
				ls_add(&item, r, strlen(r));
			free(r);
			free(sw);
			*i = e;
		} else if (ch == '(') {
			item = an_group(c, k, i);
		} else {
			size_t e = k + 1;
			while (e < n && ((unsigned char)p[e] & 0xC0) == 0x80)
				e++;
			*i = quant_end(c, e, &opt);
			continue;
		}
		*i = quant_end(c, *i, &opt);
		if (opt)
			ls_free(&item);
		else
			ls_keep(&best, &item);
	}
	ls_run(&best, run, &nrun);
	return best;
}

static litset an_alt(lsctx *c, size_t *i)
{
	litset acc = {NULL, 0, 1};
	for (;;) {
		litset b = an_seq(c, i);
		if (!b.ok || !b.n)
			acc.ok = 0;
		for (size_t k = 0; acc.ok && k < b.n; k++)
			ls_add(&acc, b.v[k], strlen(b.v[k]));
		ls_free(&b);
		if (*i < c->n && c->p[*i] == '|') {
			(*i)++;
			continue;
		}
		break;
	}
	if (!acc.ok)
		ls_free(&acc);
	return acc;
}

/* Sets pat->lits from its source; none when the analysis is unsure. */
static void find_literals(tt_ruleset *rs, tt_pattern *pat)
{
	lsctx c = {rs, pat->src, strlen(pat->src), 0};
	size_t i = 0;
	litset s = an_alt(&c, &i);
	if (c.fail || i < c.n || !s.ok || !s.n) {
		ls_free(&s);
		return;
	}
	/* a literal that holds another is redundant: keep the shorter */
	int *drop = xcalloc(s.n, sizeof(int));
	for (size_t x = 0; x < s.n; x++) {
		size_t lx = strlen(s.v[x]);
		for (size_t y = 0; y < s.n && !drop[x]; y++) {
			size_t ly = strlen(s.v[y]);
			if (x == y)
				continue;
			if (ly < lx ? tt_rules_memmem(s.v[x], lx, s.v[y], ly) != NULL
				    : (ly == lx && y < x && !strcmp(s.v[x], s.v[y])))
				drop[x] = 1;
		}
	}
	size_t w = 0;
	for (size_t x = 0; x < s.n; x++) {
		if (drop[x])
			free(s.v[x]);
		else
			s.v[w++] = s.v[x];
	}
	free(drop);
	pat->lits = s.v;
	pat->nlits = w;
	pat->litlen = xcalloc(w ? w : 1, sizeof(size_t));
	for (size_t x = 0; x < w; x++)
		pat->litlen[x] = strlen(s.v[x]);
}

tt_status tt_rules_compile(tt_ruleset *rs, const tt_srcpos *pos, size_t off,
			   size_t n, tt_pattern *out, tt_error *err)
{
	const char *p = pos->text + off;
	expansion x = {TT_BUF_INIT, NULL, 0};
	int stem = has_stem_terms(p, n);
	tt_status rc = expand(rs, pos, off, p, n, stem, &x, err);
	if (rc != TT_OK)
		goto done;

	int ecode;
	PCRE2_SIZE eoff;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)x.out.buf, x.out.len, TT_PCRE_FLAGS,
					 &ecode, &eoff, NULL);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ecode, msg, sizeof(msg));
		size_t src = eoff < x.out.len ? x.map[eoff] : off + n;
		rc = tt_error_set(err, TT_EINPUT, pos->file, pos->line, tt_rules_col(pos, src),
				  "bad pattern: %s", (const char *)msg);
		goto done;
	}
	uint32_t minlen = 0;
	pcre2_pattern_info(code, PCRE2_INFO_MINLENGTH, &minlen);
	if (minlen == 0) {
		pcre2_code_free(code);
		rc = tt_error_set(err, TT_EINPUT, pos->file, pos->line, tt_rules_col(pos, off),
				  "pattern can match the empty string");
		goto done;
	}
	/* JIT when available; the interpreter otherwise, silently. */
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	note_ovec(rs, code);

	memset(out, 0, sizeof(*out));
	out->code = code;
	out->stem = stem;
	out->src = xmemdup(p, n);
	out->expanded = xmemdup(x.out.buf, x.out.len);
	out->line = pos->line;
	out->col = tt_rules_col(pos, off);
	find_literals(rs, out);
	/* one uid per distinct source (and view) */
	for (out->uid = 0; out->uid < rs->nusrc; out->uid++)
		if (rs->usrc[out->uid][0] == '0' + stem && !strcmp(rs->usrc[out->uid] + 1, out->src))
			break;
	if (out->uid == rs->nusrc) {
		tt_buf u = TT_BUF_INIT;
		tt_buf_addch(&u, '0' + stem);
		tt_buf_addstr(&u, out->src);
		TT_GROW(rs->usrc, rs->nusrc + 1, rs->usrc_alloc);
		rs->usrc[rs->nusrc++] = tt_buf_detach(&u, NULL);
	}
done:
	tt_buf_release(&x.out);
	free(x.map);
	return rc;
}

tt_status tt_rules_compile_cue(tt_ruleset *rs, int kind, tt_error *err)
{
	const char *name = tt_cue_lexicon_names[kind];
	long li = tt_rules_lexicon(rs, name, strlen(name), err);
	if (li == -2)
		return err->status;
	if (li < 0) {
		tt_buf path = TT_BUF_INIT;
		tt_buf_addf(&path, "%s/%s.txt", rs->lexdir, name);
		tt_error_set(err, TT_EINPUT, path.buf, 0, 0,
			     "missing cue lexicon '%s'; every rule set needs it (see rules/README.md)",
			     name);
		tt_buf_release(&path);
		return TT_EINPUT;
	}
	tt_lexicon *l = &rs->lex[li];
	if (!l->nterms)
		return TT_OK; /* no cues of this kind */
	build_plain(l);
	tt_buf re = TT_BUF_INIT;
	if (kind == CUE_OPENER)
		tt_buf_addstr(&re, "\\A[^\\p{L}\\p{N}]*");
	tt_buf_addstr(&re, l->re_plain);
	int ecode;
	PCRE2_SIZE eoff;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)re.buf, re.len, TT_PCRE_FLAGS,
					 &ecode, &eoff, NULL);
	tt_buf_release(&re);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ecode, msg, sizeof(msg));
		return tt_error_set(err, TT_EINPUT, l->path, 0, 0, "cannot compile cue lexicon: %s",
				    (const char *)msg);
	}
	(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	note_ovec(rs, code);
	rs->cue[kind] = code;
	return TT_OK;
}
