#include "buf.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "banned.h"

char tt_buf_empty[1];

void tt_buf_init(tt_buf *b)
{
	b->buf = tt_buf_empty;
	b->len = 0;
	b->alloc = 0;
}

void tt_buf_release(tt_buf *b)
{
	if (b->alloc)
		free(b->buf);
	tt_buf_init(b);
}

void tt_buf_grow(tt_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->alloc)
		return;
	size_t n = b->alloc ? b->alloc : 64;
	while (n < need)
		n *= 2;
	if (b->alloc) {
		b->buf = xrealloc(b->buf, n);
	} else {
		b->buf = xmalloc(n);
		b->buf[0] = '\0';
	}
	b->alloc = n;
}

void tt_buf_add(tt_buf *b, const void *data, size_t n)
{
	if (!n)
		return;
	tt_buf_grow(b, n);
	memcpy(b->buf + b->len, data, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void tt_buf_addstr(tt_buf *b, const char *s)
{
	tt_buf_add(b, s, strlen(s));
}

void tt_buf_addch(tt_buf *b, int c)
{
	tt_buf_grow(b, 1);
	b->buf[b->len++] = (char)c;
	b->buf[b->len] = '\0';
}

void tt_buf_vaddf(tt_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(b->buf + b->len, b->alloc ? b->alloc - b->len : 0, fmt, cp);
	va_end(cp);
	assert(n >= 0);
	if ((size_t)n >= (b->alloc ? b->alloc - b->len : 0)) {
		tt_buf_grow(b, (size_t)n);
		n = vsnprintf(b->buf + b->len, b->alloc - b->len, fmt, ap);
	}
	b->len += (size_t)n;
	assert(b->buf[b->len] == '\0');
}

void tt_buf_addf(tt_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tt_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void tt_buf_setlen(tt_buf *b, size_t len)
{
	assert(len <= b->len);
	if (!b->alloc)
		return;
	b->len = len;
	b->buf[len] = '\0';
}

void tt_buf_reset(tt_buf *b)
{
	tt_buf_setlen(b, 0);
}

char *tt_buf_detach(tt_buf *b, size_t *len)
{
	char *s = b->alloc ? b->buf : xmemdup("", 0);
	if (len)
		*len = b->len;
	tt_buf_init(b);
	return s;
}
