/*
 * split.c - sentence splitting of one block's display text.
 *
 * A boundary is a run of terminators ('.', '?', '!', "..." or U+2026),
 * optionally followed by closing quotes or brackets, followed by white
 * space and by something that can start a sentence: an upper-case letter,
 * a digit, a currency sign, or an opening quote or bracket before one of
 * those. A lower-case word never starts a sentence, so "etc. and", "e.g.
 * the" and "approx. two" do not split. After a single '.', the word before
 * it decides:
 *
 *   - titles and Latin abbreviations that are always followed by more of
 *     the same sentence (Mr, Mrs, Ms, Dr, Prof, Cllr, St, e.g., i.e., cf.,
 *     vs., viz.): never a boundary;
 *   - abbreviations that precede numbers (No., Nos., para., p., pp., Vol.,
 *     Fig., s., approx., Tel.): no boundary before a digit;
 *   - abbreviations that may end a sentence (etc., a.m., incl., Ltd, the
 *     months Jan. ... Dec., dotted forms like U.K.): a boundary only before
 *     an upper-case letter;
 *   - a single capital letter (an initial): no boundary when it starts
 *     the sentence ("J. Smith"), follows a title or another initial ("Dr
 *     A. B. Jones"), follows "by"/"and"/"from"/"with", or is followed by
 *     another initial; otherwise ("Child A. The school...") a boundary;
 *   - a chunk that holds no letter ("5." before a heading-like phrase, a
 *     bare enumerator) is never a sentence of its own.
 *
 * A short bracketed tag right after a boundary stays with the sentence
 * before it: "... in this group. (Recommendation)".
 *
 * Decimals ("3.7%"), dotted abbreviations ("e.g.,") and "end.The" have no
 * white space after the '.', so they are never boundaries.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "banned.h"

/* ASCII white space: everything the display text may hold between words. */
static int sp_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Decodes one code point leniently (no validation: display text is valid). */
static size_t sp_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0x80 || n < 2) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xE0) == 0xC0) {
		*cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	}
	if ((u[0] & 0xF0) == 0xE0 && n >= 3) {
		*cp = ((uint32_t)(u[0] & 0x0F) << 12) |
		      ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
		return 3;
	}
	if ((u[0] & 0xF8) == 0xF0 && n >= 4) {
		*cp = ((uint32_t)(u[0] & 0x07) << 18) |
		      ((uint32_t)(u[1] & 0x3F) << 12) |
		      ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
		return 4;
	}
	*cp = 0xFFFD;
	return 1;
}

/* Upper/lower case for ASCII and Latin-1 / Latin Extended-A letters. */
static int sp_is_upper(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return 1;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return 1;
	if (c >= 0x100 && c <= 0x17F)
		return (c & 1) == 0;
	if (c >= 0x391 && c <= 0x3A9)
		return 1;
	if (c >= 0x410 && c <= 0x42F)
		return 1;
	return 0;
}

static int sp_is_lower(uint32_t c)
{
	if (c >= 'a' && c <= 'z')
		return 1;
	if (c >= 0xDF && c <= 0xFF && c != 0xF7)
		return 1;
	if (c >= 0x100 && c <= 0x17F)
		return (c & 1) == 1;
	if (c >= 0x3B1 && c <= 0x3C9)
		return 1;
	if (c >= 0x430 && c <= 0x44F)
		return 1;
	return 0;
}

static int sp_is_letter(uint32_t c)
{
	return sp_is_upper(c) || sp_is_lower(c);
}

/* Closing quotes and brackets that may follow a terminator: ." .) .’ .” */
static int sp_is_closer(uint32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
	       c == 0x2019 || c == 0x201D || c == 0xBB || c == 0x203A;
}

/* Opening quotes and brackets that may start a sentence. */
static int sp_is_opener(uint32_t c)
{
	return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x2018 ||
	       c == 0x201C || c == 0xAB || c == 0x2039;
}

static int sp_is_currency(uint32_t c)
{
	return c == '$' || c == 0xA3 || c == 0x20AC || c == '#';
}

/* Lengths of the terminators at t[i]: '.', '?', '!', U+2026; 0 if none. */
static size_t sp_terminator(const char *t, size_t n, size_t i)
{
	if (t[i] == '.' || t[i] == '?' || t[i] == '!')
		return 1;
	if (i + 2 < n && (unsigned char)t[i] == 0xE2 &&
	    (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0xA6)
		return 3;
	return 0;
}

static int sp_in_list(const char *w, const char *const *list, size_t nlist)
{
	for (size_t i = 0; i < nlist; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* Never a boundary after these (lower-cased, without the final '.'). */
static const char *const sp_never[] = {
	"mr", "mrs", "ms", "mx", "dr", "prof", "cllr", "clr", "st", "rev",
	"revd", "sgt", "insp", "supt", "det", "hon", "messrs", "mt", "e.g",
	"i.e", "eg", "ie", "cf", "viz", "vs", "v", "n.b", "nb", "sr", "snr",
	"fr",
};

/* No boundary before a digit after these. */
static const char *const sp_numpref[] = {
	"no", "nos", "para", "paras", "p", "pp", "vol", "vols", "fig", "figs",
	"ch", "chap", "sec", "s", "ss", "art", "ref", "refs", "approx", "c",
	"ca", "tel", "ext", "q", "op", "pg", "ed", "eds", "est", "min", "max",
	"reg", "regs", "sch", "pt", "rm", "appx", "app", "item", "nr",
};

/* A boundary after these only before an upper-case letter. */
static const char *const sp_endable[] = {
	"etc", "a.m", "p.m", "am", "pm", "incl", "inc", "ltd", "co", "dept",
	"govt", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
	"thur", "thurs", "fri", "sat", "sun", "yrs", "hrs", "mins", "wk", "wks",
	"no", "nos", "esp", "assoc", "dir", "mgr", "hosp", "univ",
};

/* Words after which a single capital with '.' reads as an initial. */
static const char *const sp_name_lead[] = {
	"by", "and", "from", "with", "dear", "cc", "mr", "mrs", "ms", "mx",
	"dr", "prof", "cllr", "clr", "rev", "sgt", "insp", "supt", "det",
};

/*
 * The word that ends just before the '.' at `dot` (t[ws..dot)), lower-cased
 * into w (at most cap-1 bytes). Leading openers are not part of it.
 * Returns 0 when the word is too long to be an abbreviation.
 */
static int sp_word_before(const char *t, size_t start, size_t dot, char *w,
			  size_t cap, size_t *ws)
{
	size_t b = dot;
	while (b > start && !sp_is_space((unsigned char)t[b - 1]))
		b--;
	/* skip openers: ( [ " ' and the UTF-8 quotes */
	for (;;) {
		if (b < dot && (t[b] == '(' || t[b] == '[' || t[b] == '"' ||
				t[b] == '\'')) {
			b++;
			continue;
		}
		if (b + 3 <= dot && (unsigned char)t[b] == 0xE2 &&
		    (unsigned char)t[b + 1] == 0x80 &&
		    ((unsigned char)t[b + 2] == 0x98 ||
		     (unsigned char)t[b + 2] == 0x9C)) {
			b += 3;
			continue;
		}
		break;
	}
	*ws = b;
	size_t len = dot - b;
	if (len == 0 || len >= cap)
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = t[b + i];
		w[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	w[len] = '\0';
	return 1;
}

/* Is w (as typed) a single capital letter, i.e. an initial? */
static int sp_is_initial(const char *t, size_t b, size_t dot)
{
	return dot == b + 1 && t[b] >= 'A' && t[b] <= 'Z';
}

/* Letters separated by dots ("u.k", "ph.d"): a dotted abbreviation. */
static int sp_is_dotted(const char *w)
{
	int dots = 0, letters = 0;
	for (const char *p = w; *p; p++) {
		if (*p == '.')
			dots++;
		else if (*p >= 'a' && *p <= 'z')
			letters++;
		else
			return 0;
	}
	return dots > 0 && letters > 0;
}

/* Offset of the first letter in t[a..n), or n. */
static size_t sp_first_letter(const char *t, size_t a, size_t n)
{
	size_t i = a;
	while (i < n) {
		uint32_t cp;
		size_t l = sp_decode(t + i, n - i, &cp);
		if (sp_is_letter(cp))
			return i;
		i += l;
	}
	return n;
}

enum { SP_NEXT_UPPER, SP_NEXT_DIGIT, SP_NEXT_LOWER, SP_NEXT_OTHER };

/* Classifies what starts at t[m]: after openers, a letter, digit or else. */
static int sp_next_kind(const char *t, size_t n, size_t m)
{
	uint32_t cp;
	size_t i = m, l;
	while (i < n) {
		l = sp_decode(t + i, n - i, &cp);
		if (!sp_is_opener(cp))
			break;
		i += l;
	}
	if (i >= n)
		return SP_NEXT_OTHER;
	sp_decode(t + i, n - i, &cp);
	if (sp_is_upper(cp))
		return SP_NEXT_UPPER;
	if ((cp >= '0' && cp <= '9') || sp_is_currency(cp))
		return SP_NEXT_DIGIT;
	if (sp_is_lower(cp))
		return SP_NEXT_LOWER;
	return SP_NEXT_OTHER;
}

/* Does an initial ("K." or "K.") start at t[m]? */
static int sp_next_is_initial(const char *t, size_t n, size_t m)
{
	return m + 1 < n && t[m] >= 'A' && t[m] <= 'Z' && t[m + 1] == '.';
}

/*
 * Decides whether the terminator run t[i..j) ends the sentence that began
 * at `start` (its first letter at `letter`), the next one starting at m.
 */
static int sp_is_boundary(const char *t, size_t n, size_t start,
			  size_t letter, size_t i, size_t j, size_t m)
{
	int next = sp_next_kind(t, n, m);
	if (next == SP_NEXT_LOWER || next == SP_NEXT_OTHER)
		return 0;
	if (letter >= i)
		return 0; /* no letter in the sentence so far */
	if (j - i != 1 || t[i] != '.')
		return 1; /* ?, !, ellipsis, "..": the next word decides */

	char w[24];
	size_t ws;
	if (!sp_word_before(t, start, i, w, sizeof(w), &ws))
		return 1;
	if (sp_in_list(w, sp_never, TT_ARRAY_LEN(sp_never)))
		return 0;
	if (next == SP_NEXT_DIGIT &&
	    sp_in_list(w, sp_numpref, TT_ARRAY_LEN(sp_numpref)))
		return 0;
	if (sp_in_list(w, sp_endable, TT_ARRAY_LEN(sp_endable)) ||
	    sp_is_dotted(w))
		return next == SP_NEXT_UPPER;
	if (sp_is_initial(t, ws, i)) {
		if (sp_next_is_initial(t, n, m))
			return 0;
		if (ws <= start)
			return 0; /* "J. Smith" starting the sentence */
		char pw[24];
		size_t pws;
		size_t pe = ws;
		while (pe > start && sp_is_space((unsigned char)t[pe - 1]))
			pe--;
		if (pe > start && t[pe - 1] == '.') {
			/* after another initial or a title: a name goes on */
			if (sp_word_before(t, start, pe - 1, pw, sizeof(pw),
					   &pws) &&
			    (sp_is_initial(t, pws, pe - 1) ||
			     sp_in_list(pw, sp_name_lead,
					TT_ARRAY_LEN(sp_name_lead))))
				return 0;
			return 1;
		}
		if (pe > start && sp_word_before(t, start, pe, pw, sizeof(pw),
						 &pws) &&
		    sp_in_list(pw, sp_name_lead, TT_ARRAY_LEN(sp_name_lead)))
			return 0;
		return 1;
	}
	return 1;
}

/*
 * A short bracketed tag at t[m] ("(Recommendation)", "(Paragraph 32)"):
 * at most 4 words and 60 bytes, no sentence inside, followed by the end
 * of the text or white space. Returns the offset after it (and after a
 * '.' that follows), else 0.
 */
static size_t sp_bracket_tag(const char *t, size_t n, size_t m)
{
	if (t[m] != '(')
		return 0;
	size_t r = m + 1;
	int words = 1;
	while (r < n && t[r] != ')' && r - m < 60) {
		if (t[r] == '(' || t[r] == '?' || t[r] == '!' ||
		    (t[r] == '.' && r + 1 < n && t[r + 1] != ')'))
			return 0;
		if (t[r] == ' ')
			words++;
		r++;
	}
	if (r >= n || t[r] != ')' || words > 4 || r == m + 1)
		return 0;
	r++;
	if (r < n && t[r] == '.')
		r++;
	if (r < n && !sp_is_space((unsigned char)t[r]))
		return 0;
	return r;
}

static void sp_push(size_t (**out)[2], size_t *nout, size_t *alloc,
		    const char *t, size_t a, size_t b)
{
	while (a < b && sp_is_space((unsigned char)t[a]))
		a++;
	while (b > a && sp_is_space((unsigned char)t[b - 1]))
		b--;
	if (a >= b)
		return;
	TT_GROW(*out, *nout + 1, *alloc);
	(*out)[*nout][0] = a;
	(*out)[*nout][1] = b;
	(*nout)++;
}

size_t tt_split_sentences(const char *t, size_t n, size_t (**out)[2])
{
	size_t nout = 0, alloc = 0;
	size_t start = 0, i = 0;
	size_t letter = SIZE_MAX; /* first letter at or after start, computed lazily */
	*out = NULL;
	while (i < n) {
		size_t tl = sp_terminator(t, n, i);
		if (!tl) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && (tl = sp_terminator(t, n, j)) != 0)
			j += tl;
		size_t k = j;
		while (k < n) {
			uint32_t cp;
			size_t l = sp_decode(t + k, n - k, &cp);
			if (!sp_is_closer(cp))
				break;
			k += l;
		}
		if (k >= n)
			break;
		if (!sp_is_space((unsigned char)t[k])) {
			i = j;
			continue;
		}
		size_t m = k;
		while (m < n && sp_is_space((unsigned char)t[m]))
			m++;
		if (m >= n)
			break;
		if (letter == SIZE_MAX || letter < start)
			letter = sp_first_letter(t, start, n);
		if (sp_is_boundary(t, n, start, letter, i, j, m)) {
			size_t tag = sp_bracket_tag(t, n, m);
			if (tag) {
				/* "...in this group. (Recommendation)" stays with it */
				k = tag;
				m = k;
				while (m < n && sp_is_space((unsigned char)t[m]))
					m++;
				if (m >= n)
					break;
			}
			sp_push(out, &nout, &alloc, t, start, k);
			start = m;
		}
		i = m;
	}
	sp_push(out, &nout, &alloc, t, start, n);
	return nout;
}
