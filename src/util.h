/*
 * util.h - allocation that never fails, the error object every library
 * module reports through, and small helpers shared by all layers.
 *
 * Out-of-memory is handled once, here: the x* allocators abort with a
 * message, so no caller checks their result.
 */
#ifndef TT_UTIL_H
#define TT_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define TT_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Returns a malloc'd NUL-terminated copy; the caller frees it. */
char *xstrdup(const char *s);
/* Copies n bytes and appends a NUL; the caller frees it. */
char *xmemdup(const void *p, size_t n);

/*
 * Grows array `a` (of `alloc` elements) so that it holds at least `nr`
 * elements, with geometric growth. Like git's ALLOC_GROW.
 */
#define TT_GROW(a, nr, alloc)                                              \
	do {                                                               \
		if ((size_t)(nr) > (size_t)(alloc)) {                      \
			size_t tt_grow_n = (alloc) ? (alloc) * 2 : 16;     \
			if (tt_grow_n < (size_t)(nr))                      \
				tt_grow_n = (size_t)(nr);                  \
			(a) = xrealloc((a), tt_grow_n * sizeof(*(a)));     \
			(alloc) = tt_grow_n;                               \
		}                                                          \
	} while (0)

/*
 * Status codes shared by library modules. Only the CLI maps them to exit
 * statuses (see cli.h): TT_EINPUT -> 2, TT_EFAIL -> 1.
 */
typedef enum {
	TT_OK = 0,
	TT_SKIP = 1,   /* input not usable (binary, empty...), run goes on */
	TT_EINPUT = 2, /* bad input or usage: the user can fix it */
	TT_EFAIL = 3   /* runtime failure: I/O, database, resources */
} tt_status;

/*
 * An error a library module hands back instead of printing. `file` may be
 * NULL; `line`/`col` are 1-based and 0 when unknown. The message is lower
 * case, names the subject in quotes, has no final period, and may carry a
 * hint after "; " (style.md).
 */
typedef struct tt_error {
	tt_status status;
	char *file;       /* owned; NULL when no file is involved */
	size_t line, col; /* 1-based; 0 = unknown */
	char msg[1024];
} tt_error;

void tt_error_init(tt_error *e);
void tt_error_release(tt_error *e);
/* Sets status, location and a printf-style message; returns `status`. */
tt_status tt_error_set(tt_error *e, tt_status status, const char *file,
		       size_t line, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Formats "file:line:col: msg" (parts omitted when unknown) into buf. */
void tt_error_format(const tt_error *e, char *buf, size_t size);

/* A growable list of owned strings (warnings, paths). */
typedef struct tt_strlist {
	char **v;
	size_t n, alloc;
} tt_strlist;

void tt_strlist_push(tt_strlist *l, const char *s);
void tt_strlist_pushf(tt_strlist *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void tt_strlist_release(tt_strlist *l);

/* 32-byte SHA-256 of a buffer, and its 64-char lowercase hex form. */
typedef struct tt_sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t nbuf;
} tt_sha256;
void tt_sha256_init(tt_sha256 *c);
void tt_sha256_update(tt_sha256 *c, const void *data, size_t n);
void tt_sha256_final(tt_sha256 *c, unsigned char out[32]);
/* hex must hold 65 bytes. */
void tt_sha256_hex(const void *data, size_t n, char hex[65]);

/*
 * Reads a whole file into *out (NUL-terminated, caller frees) and its
 * length into *len (may be NULL). Returns 0, or an errno value.
 */
int tt_read_file(const char *path, char **out, size_t *len);

/* Levenshtein distance in bytes, for "did you mean" hints. */
size_t tt_edit_distance(const char *a, const char *b);

/* Monotonic seconds, for progress and summaries. */
double tt_now(void);

#endif
