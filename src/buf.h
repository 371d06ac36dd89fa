/*
 * buf.h - the one growable byte buffer used for all text building.
 *
 * Invariants: `b->buf` is never NULL and always NUL-terminated at
 * `b->buf[b->len]`; an initialised, empty buffer points at a shared static
 * empty string and owns no memory (alloc == 0). tt_buf_detach() hands the
 * memory to the caller and leaves the buffer empty and reusable.
 */
#ifndef TT_BUF_H
#define TT_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct tt_buf {
	char *buf;    /* never NULL, NUL-terminated */
	size_t len;   /* bytes used, excluding the NUL */
	size_t alloc; /* bytes allocated; 0 while buf is the static empty string */
} tt_buf;

extern char tt_buf_empty[];
#define TT_BUF_INIT {tt_buf_empty, 0, 0}

void tt_buf_init(tt_buf *b);
void tt_buf_release(tt_buf *b);
/* Ensures room for `extra` more bytes plus the NUL. */
void tt_buf_grow(tt_buf *b, size_t extra);
void tt_buf_add(tt_buf *b, const void *data, size_t n);
void tt_buf_addstr(tt_buf *b, const char *s);
void tt_buf_addch(tt_buf *b, int c);
void tt_buf_addf(tt_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void tt_buf_vaddf(tt_buf *b, const char *fmt, va_list ap);
/* Truncates to `len` bytes (len <= b->len). */
void tt_buf_setlen(tt_buf *b, size_t len);
void tt_buf_reset(tt_buf *b);
/* Returns the malloc'd string (caller frees) and resets b; *len may be NULL. */
char *tt_buf_detach(tt_buf *b, size_t *len);

#endif
