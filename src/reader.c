/*
 * reader.c - file bytes in, validated UTF-8 out: text files read as they
 * are, PDFs through pdftotext; then the BOM, NUL, empty-file and
 * invalid-UTF-8 checks every document goes through.
 *
 * A file is read into one buffer that grows geometrically (sized from
 * fstat for regular files), and validated in one pass with an ASCII fast
 * path; a valid file is not copied again.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "text.h"
#include "banned.h"

/* --- UTF-8 --------------------------------------------------------------- */

/*
 * Length of the well-formed sequence at s[0..n) per Unicode Table 3-7
 * (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or 0
 * when it is ill-formed, with *bad the length of its maximal subpart:
 * the longest prefix that could start a well-formed sequence (>= 1).
 */
static size_t utf8_check(const unsigned char *s, size_t n, size_t *bad)
{
	unsigned c = s[0], lo = 0x80, hi = 0xBF;
	size_t need;

	if (c < 0x80)
		return 1;
	if (c < 0xC2) {
		*bad = 1;
		return 0;
	} else if (c < 0xE0) {
		need = 1;
	} else if (c < 0xF0) {
		need = 2;
		if (c == 0xE0)
			lo = 0xA0; /* overlong */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (c < 0xF5) {
		need = 3;
		if (c == 0xF0)
			lo = 0x90; /* overlong */
		else if (c == 0xF4)
			hi = 0x8F; /* > U+10FFFF */
	} else {
		*bad = 1;
		return 0;
	}
	for (size_t k = 1; k <= need; k++) {
		if (k >= n || s[k] < lo || s[k] > hi) {
			*bad = k;
			return 0;
		}
		lo = 0x80;
		hi = 0xBF;
	}
	return need + 1;
}

/* Length of the longest valid UTF-8 prefix of s[0..n). */
static size_t utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0, bad;
	while (i < n) {
		/* Eight ASCII bytes at a time. */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i == n)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_check(s + i, n - i, &bad);
		if (!k)
			return i;
		i += k;
	}
	return n;
}

/*
 * Sanitizes src[0..n) of which the first `valid` bytes are known good;
 * see tt_utf8_sanitize.
 */
static char *utf8_sanitize_from(const char *src, size_t n, size_t valid,
				size_t *out_len, size_t *nbad, size_t *first_bad)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t alloc = n + n / 16 + 16, len = valid, i = valid, count = 0;
	char *out = xmalloc(alloc);

	memcpy(out, src, valid);
	while (i < n) {
		size_t run = utf8_valid_prefix(s + i, n - i);
		size_t bad = 0;
		if (i + run < n)
			utf8_check(s + i + run, n - i - run, &bad);
		if (len + run + 3 + 1 > alloc) {
			while (len + run + 3 + 1 > alloc)
				alloc *= 2;
			out = xrealloc(out, alloc);
		}
		memcpy(out + len, src + i, run);
		len += run;
		i += run;
		if (!bad)
			break;
		if (!count++)
			*first_bad = i;
		memcpy(out + len, "\xEF\xBF\xBD", 3);
		len += 3;
		i += bad;
	}
	out[len] = '\0';
	*out_len = len;
	*nbad = count;
	return out;
}

char *tt_utf8_sanitize(const char *src, size_t n, size_t *out_len,
		       size_t *nbad, size_t *first_bad)
{
	size_t valid = utf8_valid_prefix((const unsigned char *)src, n);
	return utf8_sanitize_from(src, n, valid, out_len, nbad, first_bad);
}

size_t tt_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t bad = 0, k;

	if (!n) {
		*cp = 0;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	/* Robust to invalid input all the same: U+FFFD, maximal subpart. */
	k = utf8_check(u, n, &bad);
	switch (k) {
	case 2:
		*cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
		return 2;
	case 3:
		*cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
		      (u[2] & 0x3F);
		return 3;
	case 4:
		*cp = (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3F) << 12 |
		      (uint32_t)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
		return 4;
	}
	*cp = 0xFFFD;
	return bad;
}

/* --- formats and checks -------------------------------------------------- */

static int ends_with_ci(const char *s, size_t n, const char *suffix)
{
	size_t m = strlen(suffix);
	if (m > n)
		return 0;
	for (size_t i = 0; i < m; i++) {
		unsigned char c = (unsigned char)s[n - m + i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != (unsigned char)suffix[i])
			return 0;
	}
	return 1;
}

tt_format tt_format_of(const char *path)
{
	size_t n = strlen(path);
	if (ends_with_ci(path, n, ".pdf"))
		return TT_FMT_PDF;
	if (ends_with_ci(path, n, ".md") || ends_with_ci(path, n, ".markdown"))
		return TT_FMT_MD;
	return TT_FMT_TXT;
}

/*
 * Is s[0..n) (valid UTF-8) nothing but white space: ASCII spaces and
 * controls \t \n \v \f \r, and the Unicode spaces and invisible
 * characters that normalisation turns into a space or removes?
 */
static int is_blank(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || (c >= '\t' && c <= '\r')) {
			i++;
			continue;
		}
		if (c < 0x80)
			return 0;
		uint32_t cp;
		i += tt_utf8_decode(s + i, n - i, &cp);
		if (!(cp == 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200D) ||
		      cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
		      cp == 0x205F || cp == 0x3000 || cp == 0xFEFF))
			return 0;
	}
	return 1;
}

/*
 * Takes ownership of raw[0..n) (with room for a NUL at raw[n]) and makes
 * it the document's text: refuses binary and blank input, strips a BOM,
 * replaces invalid UTF-8 and warns about it. Offsets in messages are
 * 0-based offsets in raw, that is in the file (or pdftotext's output).
 */
static tt_status doc_take(tt_doc *d, char *raw, size_t n, tt_error *err)
{
	const char *nul = memchr(raw, '\0', n);
	size_t bom = 0, valid;

	if (nul) {
		size_t at = (size_t)(nul - raw);
		free(raw);
		return tt_error_set(err, TT_SKIP, d->path, 0, 0,
				    "binary file (NUL byte at offset %zu), skipped", at);
	}
	if (n >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3))
		bom = 3;
	valid = utf8_valid_prefix((const unsigned char *)raw + bom, n - bom);
	if (valid == n - bom) {
		if (bom)
			memmove(raw, raw + bom, n - bom);
		d->bytes = raw;
		d->len = n - bom;
		d->bytes[d->len] = '\0';
	} else {
		size_t nbad = 0, first = 0;
		d->bytes = utf8_sanitize_from(raw + bom, n - bom, valid, &d->len,
					      &nbad, &first);
		free(raw);
		if (nbad > 1)
			tt_strlist_pushf(&d->warnings, "%s: invalid UTF-8 at byte %zu, "
					 "replaced with U+FFFD (%zu sequences)",
					 d->path, first + bom, nbad);
		else
			tt_strlist_pushf(&d->warnings, "%s: invalid UTF-8 at byte %zu, "
					 "replaced with U+FFFD", d->path, first + bom);
	}
	if (is_blank(d->bytes, d->len)) {
		free(d->bytes);
		d->bytes = NULL;
		d->len = 0;
		if (d->fmt == TT_FMT_PDF)
			return tt_error_set(err, TT_SKIP, d->path, 0, 0,
					    "no text in PDF (scanned image?), skipped");
		return tt_error_set(err, TT_SKIP, d->path, 0, 0, "empty file, skipped");
	}
	return TT_OK;
}

/* --- reading ------------------------------------------------------------- */

/* A growing read buffer; always has room for a final NUL. */
typedef struct {
	char *p;
	size_t len, alloc;
} rbuf;

static void rbuf_reserve(rbuf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->alloc)
		return;
	size_t n = b->alloc ? b->alloc : 8192;
	while (n < b->len + extra + 1)
		n *= 2;
	b->p = xrealloc(b->p, n);
	b->alloc = n;
}

/*
 * One read call into b, growing it only when it is full; returns the
 * byte count, 0 at EOF, -1 with errno on error.
 */
static ssize_t rbuf_read(rbuf *b, int fd)
{
	ssize_t r;
	if (b->len + 1 >= b->alloc)
		rbuf_reserve(b, 65536);
	do
		r = read(fd, b->p + b->len, b->alloc - b->len - 1);
	while (r < 0 && errno == EINTR);
	if (r > 0)
		b->len += (size_t)r;
	return r;
}

/*
 * Reads fd to EOF into b; `hint` is the expected size (0: unknown), and a
 * file of that size is read into exactly hint + 1 bytes. Returns 0 or an
 * errno.
 */
static int read_all(int fd, size_t hint, rbuf *b)
{
	if (hint) {
		b->p = xrealloc(b->p, hint + 1);
		b->alloc = hint + 1;
	}
	for (;;) {
		ssize_t r;
		if (hint && b->len == hint && b->alloc == hint + 1) {
			/* Full as expected: probe for EOF without growing. */
			char c;
			do
				r = read(fd, &c, 1);
			while (r < 0 && errno == EINTR);
			if (r <= 0)
				return r < 0 ? errno : 0;
			rbuf_reserve(b, 65536);
			b->p[b->len++] = c;
		}
		r = rbuf_read(b, fd);
		if (r <= 0)
			return r < 0 ? errno : 0;
	}
}

static void strerror_into(int e, char *buf, size_t n)
{
	if (strerror_r(e, buf, n) != 0)
		snprintf(buf, n, "error %d", e);
}

static tt_status read_text(tt_doc *d, tt_error *err)
{
	char msg[256];
	struct stat sb;
	rbuf b = {NULL, 0, 0};
	int fd, e;

	do
		fd = open(d->path, O_RDONLY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0) {
		strerror_into(errno, msg, sizeof(msg));
		return tt_error_set(err, TT_EFAIL, d->path, 0, 0, "cannot open: %s", msg);
	}
	size_t hint = 0;
	if (!fstat(fd, &sb) && S_ISREG(sb.st_mode) && sb.st_size > 0)
		hint = (size_t)sb.st_size;
	e = read_all(fd, hint, &b);
	close(fd);
	if (e) {
		free(b.p);
		strerror_into(e, msg, sizeof(msg));
		return tt_error_set(err, TT_EFAIL, d->path, 0, 0, "cannot read: %s", msg);
	}
	if (!b.p)
		b.p = xmalloc(1);
	return doc_take(d, b.p, b.len, err);
}

/* --- PDF ----------------------------------------------------------------- */

/*
 * Finds `prog` in $PATH (as execvp would, an empty entry meaning the
 * current directory) and puts its path in *out. Returns 0 when absent.
 */
static int find_program(const char *prog, tt_buf *out)
{
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path;; ) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		struct stat sb;
		tt_buf_reset(out);
		if (n)
			tt_buf_add(out, p, n);
		else
			tt_buf_addch(out, '.');
		tt_buf_addch(out, '/');
		tt_buf_addstr(out, prog);
		if (!stat(out->buf, &sb) && S_ISREG(sb.st_mode) &&
		    !access(out->buf, X_OK))
			return 1;
		if (!colon)
			return 0;
		p = colon + 1;
	}
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/*
 * Runs `exe -enc UTF-8 FILE -` (no shell) with stdin from /dev/null;
 * collects stdout in *out and the last line of stderr in errline.
 * Returns 0 with *status from waitpid, or an errno.
 */
static int run_pdftotext(const char *exe, const char *file, rbuf *out,
			 char *errline, size_t errsize, int *status)
{
	int op[2] = {-1, -1}, ep[2] = {-1, -1};
	char errbuf[4096]; /* the tail of its stderr */
	size_t errlen = 0;
	pid_t pid;
	int e = 0;

	if (pipe(op) || pipe(ep)) {
		e = errno;
		goto fail;
	}
	fcntl(op[0], F_SETFD, FD_CLOEXEC);
	fcntl(ep[0], F_SETFD, FD_CLOEXEC);

	pid = fork();
	if (pid < 0) {
		e = errno;
		goto fail;
	}
	if (pid == 0) {
		/* Child: only async-signal-safe calls until exec. */
		char *const argv[] = {(char *)"pdftotext", (char *)"-enc",
				      (char *)"UTF-8", (char *)file, (char *)"-",
				      NULL};
		int nul = open("/dev/null", O_RDONLY);
		if (nul >= 0 && nul != 0) {
			dup2(nul, 0);
			close(nul);
		}
		dup2(op[1], 1);
		dup2(ep[1], 2);
		close(op[0]);
		close(op[1]);
		close(ep[0]);
		close(ep[1]);
		execv(exe, argv);
		_exit(127);
	}
	close_fd(&op[1]);
	close_fd(&ep[1]);

	/* Drain both pipes together so that neither can fill and block. */
	while (op[0] >= 0 || ep[0] >= 0) {
		struct pollfd pf[2];
		nfds_t np = 0;
		if (op[0] >= 0)
			pf[np++] = (struct pollfd){.fd = op[0], .events = POLLIN};
		if (ep[0] >= 0)
			pf[np++] = (struct pollfd){.fd = ep[0], .events = POLLIN};
		if (poll(pf, np, -1) < 0) {
			if (errno == EINTR)
				continue;
			e = errno;
			break;
		}
		for (nfds_t k = 0; k < np; k++) {
			if (!pf[k].revents)
				continue;
			if (pf[k].fd == op[0]) {
				ssize_t r = rbuf_read(out, op[0]);
				if (r <= 0)
					close_fd(&op[0]);
			} else {
				ssize_t r;
				char tmp[1024];
				do
					r = read(ep[0], tmp, sizeof(tmp));
				while (r < 0 && errno == EINTR);
				if (r <= 0) {
					close_fd(&ep[0]);
					continue;
				}
				/* Keep the tail: the last message is the telling one. */
				assert((size_t)r <= sizeof(errbuf));
				if (errlen + (size_t)r > sizeof(errbuf)) {
					size_t drop = errlen + (size_t)r - sizeof(errbuf);
					memmove(errbuf, errbuf + drop, errlen - drop);
					errlen -= drop;
				}
				memcpy(errbuf + errlen, tmp, (size_t)r);
				errlen += (size_t)r;
			}
		}
	}
	close_fd(&op[0]);
	close_fd(&ep[0]);
	while (waitpid(pid, status, 0) < 0) {
		if (errno != EINTR) {
			if (!e)
				e = errno;
			break;
		}
	}

	/* The last non-empty line of stderr. */
	while (errlen && (errbuf[errlen - 1] == '\n' || errbuf[errlen - 1] == '\r' ||
			  errbuf[errlen - 1] == '.'))
		errlen--;
	size_t from = errlen;
	while (from && errbuf[from - 1] != '\n')
		from--;
	snprintf(errline, errsize, "%.*s", (int)(errlen - from), errbuf + from);
	return e;

fail:
	close_fd(&op[0]);
	close_fd(&op[1]);
	close_fd(&ep[0]);
	close_fd(&ep[1]);
	return e;
}

/* Extracts the text of the PDF at `file` (a path we could open). */
static tt_status read_pdf_file(tt_doc *d, const char *file, tt_error *err)
{
	tt_buf exe = TT_BUF_INIT, arg = TT_BUF_INIT;
	rbuf out = {NULL, 0, 0};
	char errline[512], msg[256];
	int status = 0, e;

	if (!find_program("pdftotext", &exe)) {
		tt_buf_release(&exe);
		return tt_error_set(err, TT_SKIP, d->path, 0, 0,
				    "pdftotext not found; install poppler-utils "
				    "to read PDF files, skipped");
	}
	/* "./-x.pdf", not "-x.pdf": a name is never taken for an option. */
	if (file[0] != '/')
		tt_buf_addstr(&arg, "./");
	tt_buf_addstr(&arg, file);
	e = run_pdftotext(exe.buf, arg.buf, &out, errline, sizeof(errline), &status);
	tt_buf_release(&exe);
	tt_buf_release(&arg);
	if (e) {
		free(out.p);
		strerror_into(e, msg, sizeof(msg));
		return tt_error_set(err, TT_EFAIL, d->path, 0, 0,
				    "cannot run pdftotext: %s", msg);
	}
	if (WIFSIGNALED(status)) {
		free(out.p);
		return tt_error_set(err, TT_EFAIL, d->path, 0, 0,
				    "pdftotext killed by signal %d", WTERMSIG(status));
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		free(out.p);
		return tt_error_set(err, TT_EFAIL, d->path, 0, 0,
				    "cannot run pdftotext");
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		free(out.p);
		if (errline[0])
			return tt_error_set(err, TT_SKIP, d->path, 0, 0,
					    "pdftotext failed with exit status %d (%s), skipped",
					    WEXITSTATUS(status), errline);
		return tt_error_set(err, TT_SKIP, d->path, 0, 0,
				    "pdftotext failed with exit status %d, skipped",
				    WEXITSTATUS(status));
	}
	if (!out.p)
		out.p = xmalloc(1);
	return doc_take(d, out.p, out.len, err);
}

static tt_status read_pdf(tt_doc *d, tt_error *err)
{
	char msg[256];
	int fd;

	/* Open it ourselves first, for the same messages as a text file. */
	do
		fd = open(d->path, O_RDONLY | O_CLOEXEC);
	while (fd < 0 && errno == EINTR);
	if (fd < 0) {
		strerror_into(errno, msg, sizeof(msg));
		return tt_error_set(err, TT_EFAIL, d->path, 0, 0, "cannot open: %s", msg);
	}
	close(fd);
	return read_pdf_file(d, d->path, err);
}

/* A PDF in memory goes through a temporary file, removed afterwards. */
static tt_status pdf_from_mem(tt_doc *d, const char *bytes, size_t len,
			      tt_error *err)
{
	const char *tmpdir = getenv("TMPDIR");
	tt_buf path = TT_BUF_INIT;
	char msg[256];
	tt_status st;
	int fd, e = 0;

	tt_buf_addstr(&path, tmpdir && *tmpdir ? tmpdir : "/tmp");
	tt_buf_addstr(&path, "/themetrack-XXXXXX");
	fd = mkstemp(path.buf);
	if (fd < 0) {
		e = errno;
	} else {
		for (size_t off = 0; off < len;) {
			ssize_t w = write(fd, bytes + off, len - off);
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0) {
				e = errno;
				break;
			}
			off += (size_t)w;
		}
		if (close(fd) && !e)
			e = errno;
	}
	if (e) {
		if (fd >= 0)
			unlink(path.buf);
		tt_buf_release(&path);
		strerror_into(e, msg, sizeof(msg));
		return tt_error_set(err, TT_EFAIL, d->path, 0, 0,
				    "cannot write temporary file: %s", msg);
	}
	st = read_pdf_file(d, path.buf, err);
	unlink(path.buf);
	tt_buf_release(&path);
	return st;
}

/* --- entry points -------------------------------------------------------- */

static void doc_start(tt_doc *d, const char *path, tt_format fmt)
{
	free(d->path);
	free(d->bytes);
	d->path = xstrdup(path);
	d->fmt = fmt;
	d->bytes = NULL;
	d->len = 0;
}

tt_status tt_doc_read(tt_doc *d, const char *path, tt_error *err)
{
	doc_start(d, path, tt_format_of(path));
	if (d->fmt == TT_FMT_PDF)
		return read_pdf(d, err);
	return read_text(d, err);
}

tt_status tt_doc_from_mem(tt_doc *d, const char *name, tt_format fmt,
			  const char *bytes, size_t len, tt_error *err)
{
	doc_start(d, name ? name : "-", fmt);
	if (fmt == TT_FMT_PDF)
		return pdf_from_mem(d, bytes, len, err);
	return doc_take(d, xmemdup(bytes, len), len, err);
}
