/*
 * analyse.c - the last text step: display text -> norm text (typographic
 * characters folded), norm -> tokens with byte offsets, tokens -> the stem
 * view the rule engine matches stem forms against.
 *
 * Everything here is linear in the text and allocates per sentence, never
 * per byte or per token: character classes come from tables, and stems
 * come from a per-thread cache in front of libstemmer.
 */
#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "buf.h"
#include "text.h"
#include "banned.h"

/* --- code points --------------------------------------------------------- */

/*
 * Non-ASCII code points that count as letters: Latin, Greek, Cyrillic,
 * Armenian, Hebrew, Arabic letters, the Indic and Thai blocks, Georgian,
 * Hangul, kana, CJK. Symbols, punctuation, spaces, U+FFFD and emoji are
 * not; nor are combining marks (mark_ranges). Sorted, disjoint.
 */
static const uint32_t letter_ranges[][2] = {
	{0x00AA, 0x00AA}, {0x00B5, 0x00B5}, {0x00BA, 0x00BA},
	{0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x02FF},
	{0x0370, 0x0373}, {0x0376, 0x0377}, {0x037A, 0x037D},
	{0x037F, 0x037F}, {0x0386, 0x0386}, {0x0388, 0x0481},
	{0x048A, 0x052F}, {0x0531, 0x0556}, {0x0560, 0x0588},
	{0x05D0, 0x05EA}, {0x0620, 0x064A}, {0x066E, 0x06D3}, {0x0900, 0x0963},
	{0x0966, 0x0DFF}, {0x0E01, 0x0E3A}, {0x0E40, 0x0E4E},
	{0x10A0, 0x10FF}, {0x1100, 0x11FF}, {0x1E00, 0x1FBC},
	{0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
	{0xFB00, 0xFB06}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A},
};

/*
 * Combining marks: part of the token they follow (a decomposed "cafe" +
 * U+0301, a struck-through word), never the start of one, and not
 * letters for the acronym test. Sorted, disjoint.
 */
static const uint32_t mark_ranges[][2] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},
	{0x0610, 0x061A}, {0x064B, 0x065F}, {0x1AB0, 0x1AFF},
	{0x1DC0, 0x1DFF}, {0x20D0, 0x20FF}, {0xFE20, 0xFE2F},
};

static int in_ranges(uint32_t cp, const uint32_t (*r)[2], size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < r[mid][0])
			hi = mid;
		else if (cp > r[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

static int is_letter_cp(uint32_t cp)
{
	return in_ranges(cp, letter_ranges, TT_ARRAY_LEN(letter_ranges));
}

static int is_mark_cp(uint32_t cp)
{
	return in_ranges(cp, mark_ranges, TT_ARRAY_LEN(mark_ranges));
}

/*
 * Simple lower-case mapping, no locale: ASCII, Latin-1 Supplement, Latin
 * Extended-A, Greek and Cyrillic capitals, Latin Extended Additional.
 * Never maps to a code point with a longer UTF-8 encoding, so lower-cased
 * text is never longer than its source.
 */
static uint32_t lower_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp < 0x100)
		return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7 ? cp + 32 : cp;
	if (cp < 0x180) {
		if (cp == 0x130)
			return 'i';
		if (cp == 0x178)
			return 0xFF;
		if ((cp < 0x138 && cp != 0x131) || (cp >= 0x14A && cp < 0x178))
			return cp & 1 ? cp : cp + 1;
		if ((cp >= 0x139 && cp < 0x149) || (cp >= 0x179 && cp < 0x17F))
			return cp & 1 ? cp + 1 : cp;
		return cp;
	}
	if (cp >= 0x386 && cp <= 0x3AB) {
		if (cp >= 0x391 && cp != 0x3A2)
			return cp + 32;
		if (cp == 0x386)
			return 0x3AC;
		if (cp >= 0x388 && cp <= 0x38A)
			return cp + 37;
		if (cp == 0x38C)
			return 0x3CC;
		if (cp == 0x38E || cp == 0x38F)
			return cp + 63;
		return cp;
	}
	if (cp >= 0x400 && cp <= 0x42F)
		return cp < 0x410 ? cp + 80 : cp + 32;
	if ((cp >= 0x1E00 && cp <= 0x1E95) || (cp >= 0x1EA0 && cp <= 0x1EFF))
		return cp & 1 ? cp : cp + 1;
	return cp;
}

/* Writes cp as UTF-8 (cp <= 0x10FFFF); returns the byte count. */
static size_t utf8_put(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* --- normalisation ------------------------------------------------------- */

/*
 * The norm form of one non-ASCII code point: writes it to rep and returns
 * its length (0: the character is dropped), or -1 to keep it as it is.
 * Every replacement is no longer than the character's UTF-8 form, so norm
 * is never longer than the display text.
 */
static int norm_char(uint32_t cp, char rep[3])
{
	static const char lig[7][4] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};

	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
		rep[0] = '\'';
		return 1;
	case 0x201C: case 0x201D: case 0x201E: case 0x2033:
		rep[0] = '"';
		return 1;
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212:
		rep[0] = '-';
		return 1;
	case 0x00A0: case 0x202F: case 0x205F: case 0x3000:
		rep[0] = ' ';
		return 1;
	case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x00AD:
		return 0;
	case 0x2026:
		memcpy(rep, "...", 3);
		return 3;
	}
	if (cp >= 0x2000 && cp <= 0x200A) {
		rep[0] = ' ';
		return 1;
	}
	if (cp >= 0xFB00 && cp <= 0xFB06) {
		size_t n = strlen(lig[cp - 0xFB00]);
		memcpy(rep, lig[cp - 0xFB00], n);
		return (int)n;
	}
	if (cp >= 0xFF01 && cp <= 0xFF5E) { /* full-width ASCII */
		rep[0] = (char)(cp - 0xFF01 + 0x21);
		return 1;
	}
	return -1;
}

void tt_normalise(const char *text, size_t len, char **norm, size_t *norm_len,
		  uint32_t **norm_to_text)
{
	char *out = xmalloc(len + 1);
	uint32_t *map = xmalloc((len + 1) * sizeof(*map));
	size_t i = 0, j = 0;

	assert(len < UINT32_MAX);
	while (i < len) {
		/* ASCII runs are copied as they are: the common case. */
		while (i < len && (unsigned char)text[i] < 0x80) {
			out[j] = text[i];
			map[j++] = (uint32_t)i++;
		}
		if (i == len)
			break;

		uint32_t cp;
		char rep[3];
		size_t k = tt_utf8_decode(text + i, len - i, &cp);
		int r = norm_char(cp, rep);
		if (r < 0) {
			for (size_t m = 0; m < k; m++) {
				out[j] = text[i + m];
				map[j++] = (uint32_t)(i + m);
			}
		} else {
			assert((size_t)r <= k);
			for (int m = 0; m < r; m++) {
				out[j] = rep[m];
				map[j++] = (uint32_t)i;
			}
		}
		i += k;
	}
	assert(j <= len);
	out[j] = '\0';
	map[j] = (uint32_t)len;
	*norm = out;
	*norm_len = j;
	*norm_to_text = map;
}

/* --- tokenizer ----------------------------------------------------------- */

enum {
	C_UPPER = 1,  /* A-Z */
	C_LOWER = 2,  /* a-z */
	C_DIGIT = 4,  /* 0-9 */
	C_HIGH = 8,   /* a byte >= 0x80: decode to classify */
	C_ALNUM = C_UPPER | C_LOWER | C_DIGIT
};

/* Byte classes for the tokenizer (and the ASCII half of case folding). */
static const unsigned char cls[256] = {
	['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT,
	['4'] = C_DIGIT, ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT,
	['8'] = C_DIGIT, ['9'] = C_DIGIT,
	['A'] = C_UPPER, ['B'] = C_UPPER, ['C'] = C_UPPER, ['D'] = C_UPPER,
	['E'] = C_UPPER, ['F'] = C_UPPER, ['G'] = C_UPPER, ['H'] = C_UPPER,
	['I'] = C_UPPER, ['J'] = C_UPPER, ['K'] = C_UPPER, ['L'] = C_UPPER,
	['M'] = C_UPPER, ['N'] = C_UPPER, ['O'] = C_UPPER, ['P'] = C_UPPER,
	['Q'] = C_UPPER, ['R'] = C_UPPER, ['S'] = C_UPPER, ['T'] = C_UPPER,
	['U'] = C_UPPER, ['V'] = C_UPPER, ['W'] = C_UPPER, ['X'] = C_UPPER,
	['Y'] = C_UPPER, ['Z'] = C_UPPER,
	['a'] = C_LOWER, ['b'] = C_LOWER, ['c'] = C_LOWER, ['d'] = C_LOWER,
	['e'] = C_LOWER, ['f'] = C_LOWER, ['g'] = C_LOWER, ['h'] = C_LOWER,
	['i'] = C_LOWER, ['j'] = C_LOWER, ['k'] = C_LOWER, ['l'] = C_LOWER,
	['m'] = C_LOWER, ['n'] = C_LOWER, ['o'] = C_LOWER, ['p'] = C_LOWER,
	['q'] = C_LOWER, ['r'] = C_LOWER, ['s'] = C_LOWER, ['t'] = C_LOWER,
	['u'] = C_LOWER, ['v'] = C_LOWER, ['w'] = C_LOWER, ['x'] = C_LOWER,
	['y'] = C_LOWER, ['z'] = C_LOWER,
#define H8(b) [b] = C_HIGH, [b + 1] = C_HIGH, [b + 2] = C_HIGH, [b + 3] = C_HIGH, \
	[b + 4] = C_HIGH, [b + 5] = C_HIGH, [b + 6] = C_HIGH, [b + 7] = C_HIGH
	H8(0x80), H8(0x88), H8(0x90), H8(0x98), H8(0xA0), H8(0xA8), H8(0xB0),
	H8(0xB8), H8(0xC0), H8(0xC8), H8(0xD0), H8(0xD8), H8(0xE0), H8(0xE8),
	H8(0xF0), H8(0xF8),
#undef H8
};

/*
 * If p[i] starts a letter, returns its byte length and sets *cl to
 * C_UPPER, or C_LOWER for any other letter (caseless scripts included);
 * returns 0 when it is not a letter. Digits are not letters here.
 */
static size_t letter_at(const unsigned char *p, size_t i, size_t n, int *cl)
{
	unsigned c = cls[p[i]];
	if (c & (C_UPPER | C_LOWER)) {
		*cl = (int)c;
		return 1;
	}
	if (!(c & C_HIGH))
		return 0;
	uint32_t cp;
	size_t k = tt_utf8_decode((const char *)p + i, n - i, &cp);
	if (!is_letter_cp(cp))
		return 0;
	*cl = lower_cp(cp) != cp ? C_UPPER : C_LOWER;
	return k;
}

/* What a run of letters and digits was made of. */
typedef struct {
	int seen;      /* OR of C_UPPER, C_LOWER, C_DIGIT */
	size_t nchar;  /* letters and digits (code points) */
} run_info;

/*
 * Consumes letters and digits (and the combining marks on them) from i;
 * returns the end of the run. Needs p[n] == '\0': the NUL is the sentinel
 * that lets the ASCII loop go without a bounds test.
 */
static size_t scan_alnum(const unsigned char *p, size_t i, size_t n,
			 run_info *ri)
{
	int seen = 0;
	size_t nchar = 0;
	for (;;) {
		size_t from = i;
		unsigned c;
		while ((c = cls[p[i]]) & C_ALNUM) {
			seen |= (int)c;
			i++;
		}
		nchar += i - from;
		if (!(c & C_HIGH) || i >= n)
			break;
		int cl;
		size_t k = letter_at(p, i, n, &cl);
		if (k) {
			seen |= cl;
			nchar++;
			i += k;
			continue;
		}
		uint32_t cp;
		k = tt_utf8_decode((const char *)p + i, n - i, &cp);
		if (!is_mark_cp(cp))
			break;
		i += k; /* a combining mark goes with what it follows */
	}
	ri->seen |= seen;
	ri->nchar += nchar;
	return i;
}

static int is_digit_at(const unsigned char *p, size_t i, size_t n)
{
	return i < n && (cls[p[i]] & C_DIGIT);
}

static int is_alnum_at(const unsigned char *p, size_t i, size_t n)
{
	int cl;
	if (i >= n)
		return 0;
	return (cls[p[i]] & C_ALNUM) || letter_at(p, i, n, &cl);
}

static size_t skip_digits(const unsigned char *p, size_t i, size_t n)
{
	while (i < n && (cls[p[i]] & C_DIGIT))
		i++;
	return i;
}

/*
 * "e.g.", "i.e.", "U.K.": single letters each followed by a dot, at least
 * two of them; the last dot is optional. Returns the end of the span, or
 * 0 when the text at i is not such an abbreviation.
 */
static size_t scan_dotted(const unsigned char *p, size_t i, size_t n,
			  run_info *ri)
{
	size_t letters = 0;
	run_info r = {0, 0};
	for (;;) {
		int cl;
		size_t k = letter_at(p, i, n, &cl);
		if (!k || is_alnum_at(p, i + k, n))
			break;
		r.seen |= cl;
		r.nchar++;
		letters++;
		i += k;
		if (i >= n || p[i] != '.')
			break;
		i++;
	}
	if (letters < 2)
		return 0;
	*ri = r;
	return i;
}

/*
 * Word or acronym? An acronym has >= 2 capitals and digits, at least one
 * capital and no lower-case letter (CSE, S47, CAMHS, 3D), not counting a
 * possessive 's (NHS's) or a plural s after a capital or digit (LSCBs,
 * S47s).
 */
static tt_token_kind classify(const unsigned char *p, size_t start, size_t end,
			      const run_info *ri)
{
	run_info core = *ri;

	if (!(ri->seen & C_UPPER))
		return TT_TOK_WORD;
	if (ri->seen & C_LOWER) {
		size_t cend;
		if (end - start >= 3 && p[end - 2] == '\'' && p[end - 1] == 's')
			cend = end - 2;
		else if (end - start >= 3 && p[end - 1] == 's' &&
			 (cls[p[end - 2]] & (C_UPPER | C_DIGIT)))
			cend = end - 1;
		else
			return TT_TOK_WORD;
		/* Recount the part before the suffix, skipping joiners. */
		core.seen = 0;
		core.nchar = 0;
		for (size_t i = start; i < cend;) {
			int cl = cls[p[i]] & C_ALNUM;
			size_t k = cl ? 1 : letter_at(p, i, cend, &cl);
			if (k) {
				core.seen |= cl;
				core.nchar++;
			}
			i += k ? k : 1;
		}
	}
	if ((core.seen & C_LOWER) || core.nchar < 2)
		return TT_TOK_WORD;
	return TT_TOK_ACRONYM;
}

/*
 * Scans a word from i: runs of letters and digits joined by an apostrophe
 * followed by a letter (child's, o'clock) or a hyphen followed by a letter
 * or digit (step-father, COVID-19). A bare trailing ' or - is not part of
 * it. Adds what it saw to *ri.
 */
static size_t scan_word(const unsigned char *p, size_t i, size_t n,
			run_info *ri)
{
	for (;;) {
		int cl;
		i = scan_alnum(p, i, n, ri);
		if (i + 1 >= n)
			break;
		if (p[i] == '\'' && letter_at(p, i + 1, n, &cl))
			i++;
		else if (p[i] == '-' && is_alnum_at(p, i + 1, n))
			i++;
		else
			break;
	}
	return i;
}

void tt_tokenize(tt_sentence *s)
{
	const unsigned char *p = (const unsigned char *)(s->norm ? s->norm : "");
	size_t n = s->norm ? s->norm_len : 0;
	tt_token *tok = NULL;
	size_t ntok = 0, alloc = 0;
	size_t i = 0;

	assert(n < UINT32_MAX && p[n] == '\0');
	free(s->tok);
	/* Room for most sentences at once: English averages over 5 bytes a token. */
	TT_GROW(tok, n / 4 + 4, alloc);

	while (i < n) {
		unsigned c = cls[p[i]];
		int cl;
		if (!(c & (C_ALNUM | C_HIGH))) {
			i++;
			continue;
		}
		if (c & C_HIGH) {
			size_t k = letter_at(p, i, n, &cl);
			if (!k) {
				uint32_t cp;
				i += tt_utf8_decode((const char *)p + i, n - i, &cp);
				continue;
			}
		}

		size_t start = i, end;
		tt_token_kind kind;
		run_info ri = {0, 0};

		if (c & C_DIGIT) {
			end = skip_digits(p, i, n);
			for (;;) {
				if (end + 1 < n && (p[end] == '.' || p[end] == '-' ||
						    p[end] == '/') &&
				    is_digit_at(p, end + 1, n)) {
					end = skip_digits(p, end + 1, n);
				} else if (end + 3 < n && p[end] == ',' &&
					   is_digit_at(p, end + 1, n) &&
					   is_digit_at(p, end + 2, n) &&
					   is_digit_at(p, end + 3, n) &&
					   !is_digit_at(p, end + 4, n)) {
					end += 4;
				} else {
					break;
				}
			}
			if (end < n && p[end] == '%') {
				kind = TT_TOK_PERCENT;
				end++;
			} else if (end + 1 < n && p[end] == ' ' && p[end + 1] == '%') {
				kind = TT_TOK_PERCENT;
				end += 2;
			} else if (is_alnum_at(p, end, n)) {
				/* 17th, 1990s, 3D, 1.5m: digits run into letters */
				ri.seen = C_DIGIT;
				ri.nchar = end - start;
				end = scan_word(p, end, n, &ri);
				kind = classify(p, start, end, &ri);
			} else if (end + 1 < n && p[end] == '\'' && p[end + 1] == 's' &&
				   !is_alnum_at(p, end + 2, n)) {
				kind = TT_TOK_NUMBER; /* the 1990's */
				end += 2;
			} else {
				kind = TT_TOK_NUMBER;
			}
		} else {
			/* e.g., U.K.: a letter, then a dot */
			end = p[i + 1] == '.' ? scan_dotted(p, i, n, &ri) : 0;
			if (end) {
				kind = (ri.seen & C_LOWER) ? TT_TOK_WORD : TT_TOK_ACRONYM;
			} else {
				end = scan_word(p, start, n, &ri);
				kind = classify(p, start, end, &ri);
			}
		}

		TT_GROW(tok, ntok + 1, alloc);
		tok[ntok].start = (uint32_t)start;
		tok[ntok].end = (uint32_t)end;
		tok[ntok].stem_start = tok[ntok].stem_end = 0;
		tok[ntok].kind = kind;
		ntok++;
		i = end;
	}
	if (alloc - ntok > 1024) /* give back only what is worth it */
		tok = xrealloc(tok, (ntok ? ntok : 1) * sizeof(*tok));
	s->tok = tok;
	s->ntok = ntok;
}

/* --- stemmer ------------------------------------------------------------- */

/*
 * The cache. `slot` is an open-addressing table (linear probing, a power
 * of two, at most half full) of 8-byte slots: the word's hash and the
 * index of its entry. `ent` holds the entries densely in insertion order,
 * so the frequent words, met first, share a few hot cache lines; an entry
 * holds the lower-cased key and its stem inline when they fit (most
 * words), so a hit reads one slot and one entry. Every stem is also
 * copied into an arena whose chunks never move: that copy is what
 * tt_stem() returns, valid until tt_stemmer_free() however the tables
 * grow. The arena holds the key, a NUL, the stem, a NUL; a key too long
 * to sit inline is compared there.
 */
#define ENTRY_INLINE 48

typedef struct stem_entry {
	const char *stem;            /* the arena copy */
	uint32_t klen, slen;
	char kbuf[ENTRY_INLINE];     /* key then stem, if klen + slen fit */
} stem_entry;

typedef struct arena_chunk {
	struct arena_chunk *next;
	char data[];
} arena_chunk;

#define ARENA_CHUNK 65536
/* Cache limits for tt_sentence_analyse (tt_stem always caches). */
#define CACHE_MAX_ENTRIES (1u << 20)
#define CACHE_MAX_WORD 64

struct tt_stemmer {
	struct sb_stemmer *sb;
	uint64_t *slot;           /* 0: empty; else hash << 32 | (index + 1) */
	size_t cap;               /* slots: a power of two */
	stem_entry *ent;
	size_t n, ent_alloc;
	arena_chunk *chunks;
	char *arena;              /* free space in the current chunk */
	size_t arena_left;
	char *fold;               /* scratch: the lower-cased word */
	size_t fold_alloc;
	tt_buf out;               /* scratch: a stem being built */
};

tt_stemmer *tt_stemmer_new(void)
{
	struct sb_stemmer *sb = sb_stemmer_new("english", NULL);
	if (!sb)
		return NULL;
	tt_stemmer *st = xcalloc(1, sizeof(*st));
	st->sb = sb;
	st->cap = 8192;
	st->slot = xcalloc(st->cap, sizeof(*st->slot));
	tt_buf_init(&st->out);
	return st;
}

void tt_stemmer_free(tt_stemmer *st)
{
	if (!st)
		return;
	sb_stemmer_delete(st->sb);
	while (st->chunks) {
		arena_chunk *next = st->chunks->next;
		free(st->chunks);
		st->chunks = next;
	}
	free(st->slot);
	free(st->ent);
	free(st->fold);
	tt_buf_release(&st->out);
	free(st);
}

static char *arena_alloc(tt_stemmer *st, size_t n)
{
	arena_chunk *c;
	if (n > ARENA_CHUNK / 4) { /* a big string gets a chunk of its own */
		c = xmalloc(sizeof(*c) + n);
		c->next = st->chunks;
		st->chunks = c;
		return c->data;
	}
	if (n > st->arena_left) {
		c = xmalloc(sizeof(*c) + ARENA_CHUNK);
		c->next = st->chunks;
		st->chunks = c;
		st->arena = c->data;
		st->arena_left = ARENA_CHUNK;
	}
	char *p = st->arena;
	st->arena += n;
	st->arena_left -= n;
	return p;
}

/*
 * A folded key as the lookup sees it: its hash, and its first 16 bytes
 * as two little-endian words, zero-padded, for a compare without a loop.
 */
typedef struct fkey {
	uint32_t hash;
	size_t n;          /* length of the folded key */
	uint64_t c0, c1;
} fkey;

static uint64_t hash_mix(uint64_t h, uint64_t x)
{
	h = (h ^ x) * UINT64_C(0xBF58476D1CE4E5B9);
	return h ^ (h >> 29);
}

/*
 * Copies w[0..n) to out (lower-casing ASCII when `fold`) and fills *k:
 * one pass, one loop exit, the hash taken eight bytes at a time from
 * registers (a word load right after byte stores would stall). Returns
 * the OR of the input bytes, so a caller can see non-ASCII.
 */
static inline unsigned key_scan(const unsigned char *w, size_t n, char *out,
				int fold, fkey *k)
{
	uint64_t h = (uint64_t)n * UINT64_C(0x9E3779B97F4A7C15), x = 0;
	unsigned high = 0;

	k->c0 = k->c1 = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = w[i];
		high |= c;
		if (fold)
			c += (cls[c] & C_UPPER) << 5;
		out[i] = (char)c;
		x |= (uint64_t)c << (8 * (i & 7));
		if ((i & 7) == 7) {
			if (i == 7)
				k->c0 = x;
			else if (i == 15)
				k->c1 = x;
			h = hash_mix(h, x);
			x = 0;
		}
	}
	if (n & 7) {
		if (n < 8)
			k->c0 = x;
		else if (n < 16)
			k->c1 = x;
		h = hash_mix(h, x);
	}
	k->hash = (uint32_t)(h >> 32);
	k->n = n;
	return high;
}

/*
 * Lower-cases word[0..len) into *buf (grown as needed, NUL-terminated);
 * returns its length, which is <= len.
 */
static size_t fold_word(char **buf, size_t *alloc, const char *word, size_t len)
{
	if (len + 1 > *alloc) {
		*alloc = len + 1 > 64 ? len + 1 : 64;
		free(*buf);
		*buf = xmalloc(*alloc);
	}
	char *out = *buf;
	size_t i = 0, j = 0;
	while (i < len) {
		unsigned char c = (unsigned char)word[i];
		if (c < 0x80) {
			out[j++] = (char)(c + ((cls[c] & C_UPPER) << 5));
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = tt_utf8_decode(word + i, len - i, &cp);
		uint32_t lc = lower_cp(cp);
		if (lc == cp) {
			memcpy(out + j, word + i, k);
			j += k;
		} else {
			j += utf8_put(out + j, lc);
		}
		i += k;
	}
	assert(j <= len);
	out[j] = '\0';
	return j;
}

/*
 * Lower-cases word into st->fold (NUL-terminated) and describes it in
 * *k. Non-ASCII words take a second, slower pass.
 */
static void fold_key(tt_stemmer *st, const char *word, size_t len, fkey *k)
{
	if (len + 1 > st->fold_alloc) {
		st->fold_alloc = len + 1 > 64 ? len + 1 : 64;
		free(st->fold);
		st->fold = xmalloc(st->fold_alloc);
	}
	if (key_scan((const unsigned char *)word, len, st->fold, 1, k) & 0x80) {
		size_t n = fold_word(&st->fold, &st->fold_alloc, word, len);
		key_scan((const unsigned char *)st->fold, n, st->fold, 0, k);
	}
	st->fold[k->n] = '\0';
}

/*
 * Stems the lower-cased word w[0..n) into st->out. A hyphenated word is
 * stemmed part by part (step-father -> step-father, not step-fath), so
 * that \bfather\b matches it in the stem view.
 */
static void stem_into(tt_stemmer *st, const char *w, size_t n)
{
	tt_buf_reset(&st->out);
	size_t i = 0;
	for (;;) {
		const char *dash = memchr(w + i, '-', n - i);
		size_t part = (dash ? (size_t)(dash - w) : n) - i;
		if (part > 0 && part < INT_MAX) {
			const sb_symbol *r = sb_stemmer_stem(st->sb,
				(const sb_symbol *)w + i, (int)part);
			if (r)
				tt_buf_add(&st->out, r, (size_t)sb_stemmer_length(st->sb));
			else
				tt_buf_add(&st->out, w + i, part);
		} else {
			tt_buf_add(&st->out, w + i, part);
		}
		if (!dash)
			break;
		tt_buf_addch(&st->out, '-');
		i += part + 1;
	}
}

static void cache_grow(tt_stemmer *st)
{
	size_t cap = st->cap * 2, mask = cap - 1;
	uint64_t *slot = xcalloc(cap, sizeof(*slot));
	for (size_t i = 0; i < st->cap; i++) {
		uint64_t v = st->slot[i];
		if (!v)
			continue;
		size_t j = (size_t)(v >> 32) & mask;
		while (slot[j])
			j = (j + 1) & mask;
		slot[j] = v;
	}
	free(st->slot);
	st->slot = slot;
	st->cap = cap;
}

/* Is e the entry of the folded key k (bytes in `fold`)? */
static int key_match(const stem_entry *e, const fkey *k, const char *fold)
{
	size_t n = k->n;
	if (e->klen != n)
		return 0;
	if (n + e->slen > ENTRY_INLINE)
		return !memcmp(e->stem - n - 1, fold, n);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (n <= 16) {
		/* 16 bytes of kbuf, masked to the key; the rest is zeroed,
		   so no byte read is undefined */
		uint64_t a0, a1, m0, m1;
		memcpy(&a0, e->kbuf, 8);
		memcpy(&a1, e->kbuf + 8, 8);
		m0 = n >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * n)) - 1;
		m1 = n >= 16 ? ~UINT64_C(0)
		     : n <= 8 ? 0 : (UINT64_C(1) << (8 * (n - 8))) - 1;
		return !(((a0 ^ k->c0) & m0) | ((a1 ^ k->c1) & m1));
	}
#endif
	return !memcmp(e->kbuf, fold, n);
}

/*
 * Finds or makes the cache entry of word[0..len). Returns NULL when
 * may_skip_cache and the word is not worth keeping (too long, or the
 * cache is full): its stem is then in st->out, valid until the next call.
 * An entry pointer is valid until the next call too (the array may move);
 * its `stem` until tt_stemmer_free().
 */
static const stem_entry *stem_entry_of(tt_stemmer *st, const char *word,
				       size_t len, int may_skip_cache)
{
	fkey k;
	fold_key(st, word, len, &k);
	uint32_t h = k.hash;
	size_t n = k.n, mask = st->cap - 1, j = h & mask;
	uint64_t v;

	for (; (v = st->slot[j]) != 0; j = (j + 1) & mask) {
		if ((uint32_t)(v >> 32) != h)
			continue;
		const stem_entry *e = &st->ent[(uint32_t)v - 1];
		if (key_match(e, &k, st->fold))
			return e;
	}

	stem_into(st, st->fold, n);
	size_t slen = st->out.len;
	if (may_skip_cache && (n > CACHE_MAX_WORD || st->n >= CACHE_MAX_ENTRIES))
		return NULL;

	assert(n < UINT32_MAX && slen < UINT32_MAX && st->n < UINT32_MAX - 1);
	char *key = arena_alloc(st, n + 1 + slen + 1);
	memcpy(key, st->fold, n + 1);
	memcpy(key + n + 1, st->out.buf, slen + 1);
	TT_GROW(st->ent, st->n + 1, st->ent_alloc);
	stem_entry *e = &st->ent[st->n];
	memset(e, 0, sizeof(*e));
	e->stem = key + n + 1;
	e->klen = (uint32_t)n;
	e->slen = (uint32_t)slen;
	if (n + slen <= ENTRY_INLINE) {
		memcpy(e->kbuf, st->fold, n);
		memcpy(e->kbuf + n, st->out.buf, slen);
	}
	st->slot[j] = (uint64_t)h << 32 | (uint64_t)(st->n + 1);
	if (++st->n * 2 > st->cap)
		cache_grow(st);
	return e;
}

/*
 * The stem of word[0..len) to copy from: inline in the entry when it is
 * there (the hot path of the stem view), else the arena or st->out. Valid
 * until the next call.
 */
static const char *stem_bytes(tt_stemmer *st, const char *word, size_t len,
			      size_t *out_len)
{
	const stem_entry *e = stem_entry_of(st, word, len, 1);
	if (!e) {
		*out_len = st->out.len;
		return st->out.buf;
	}
	*out_len = e->slen;
	return e->klen + e->slen <= ENTRY_INLINE ? e->kbuf + e->klen : e->stem;
}

const char *tt_stem(tt_stemmer *st, const char *word, size_t len,
		    size_t *out_len)
{
	const stem_entry *e = stem_entry_of(st, word, len, 0);
	if (out_len)
		*out_len = e->slen;
	return e->stem;
}

/* --- the stem view ------------------------------------------------------- */

/*
 * Fills s->stems from s->tok: words and acronyms stemmed (lower-cased),
 * numbers and percentages as their literal text ("37 %" as "37%"), each
 * followed by one space. Without a stemmer, words are only lower-cased.
 */
static void build_stems(tt_sentence *s, tt_stemmer *st)
{
	size_t alloc = s->norm_len + s->ntok + 1;
	char *out = xmalloc(alloc);
	size_t len = 0;
	char *lc = NULL;    /* lower-cased word when there is no stemmer */
	size_t lc_alloc = 0;

	for (size_t i = 0; i < s->ntok; i++) {
		tt_token *t = &s->tok[i];
		const char *w = s->norm + t->start;
		size_t wlen = t->end - t->start;
		const char *stem;
		size_t slen;

		if (t->kind == TT_TOK_NUMBER || t->kind == TT_TOK_PERCENT) {
			stem = w;
			slen = wlen;
		} else if (st) {
			stem = stem_bytes(st, w, wlen, &slen);
		} else {
			slen = fold_word(&lc, &lc_alloc, w, wlen);
			stem = lc;
		}
		if (len + slen + 1 >= alloc) {
			alloc = (len + slen + 1) * 2;
			out = xrealloc(out, alloc);
		}
		t->stem_start = (uint32_t)len;
		if (t->kind == TT_TOK_PERCENT && slen >= 2 && stem[slen - 2] == ' ') {
			memcpy(out + len, stem, slen - 2);
			out[len + slen - 2] = '%';
			slen--;
		} else {
			memcpy(out + len, stem, slen);
		}
		len += slen;
		t->stem_end = (uint32_t)len;
		out[len++] = ' ';
	}
	out[len] = '\0';
	free(lc);
	s->stems = out;
	s->stems_len = len;
}

void tt_sentence_analyse(tt_sentence *s, tt_stemmer *st)
{
	free(s->norm);
	free(s->norm_to_text);
	free(s->stems);
	tt_normalise(s->text ? s->text : "", s->text ? s->text_len : 0,
		     &s->norm, &s->norm_len, &s->norm_to_text);
	tt_tokenize(s);
	build_stems(s, st);
}

/*
 * d->nwords counts TT_TOK_WORD tokens only, as the store counts a
 * sentence's words: acronyms, numbers and percentages are not words.
 */
void tt_doc_analyse(tt_doc *d, tt_stemmer *st)
{
	d->nwords = 0;
	for (size_t i = 0; i < d->nsent; i++) {
		tt_sentence *s = &d->sent[i];
		tt_sentence_analyse(s, st);
		for (size_t k = 0; k < s->ntok; k++)
			d->nwords += s->tok[k].kind == TT_TOK_WORD;
	}
}
