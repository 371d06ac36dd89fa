/*
 * redact.h - masks personal identifiers in a document's text before
 * anything is stored (`ingest --redact`): e-mail addresses, UK phone
 * numbers, postcodes, NHS numbers (only with a valid check digit), dates
 * of birth (a date after "DOB", "date of birth" or "born"), names after a
 * title (Mr, Mrs, Ms, Miss, Mx, Dr) and the rest of author and contact
 * lines ("Author:", "Contact:", "Name of Auditor:"...). Each becomes a
 * readable mask ("[EMAIL]", "[NAME]") so the sentence still reads.
 *
 * A tt_redactor is immutable once made and may be shared by threads.
 */
#ifndef TT_REDACT_H
#define TT_REDACT_H

#include <stddef.h>

#include "buf.h"

typedef enum {
	TT_RED_EMAIL,
	TT_RED_PHONE,
	TT_RED_POSTCODE,
	TT_RED_NHS,
	TT_RED_DOB,
	TT_RED_NAME,
	TT_RED_NKIND
} tt_red_kind;

/* "e-mail addresses", "phone numbers", ... for summaries. */
const char *tt_red_kind_name(tt_red_kind k);

typedef struct tt_redactor tt_redactor;

tt_redactor *tt_redactor_new(void);
void tt_redactor_free(tt_redactor *r);

/*
 * Writes in[0..n) to out (appending) with the identifiers masked, and adds
 * how many of each kind it masked to counts[TT_RED_NKIND]. Returns the
 * number masked. The input must be valid UTF-8; so is the output.
 */
size_t tt_redact(const tt_redactor *r, const char *in, size_t n, tt_buf *out,
		 size_t counts[TT_RED_NKIND]);

/* Is the 10-digit string d a valid NHS number (modulus 11 check digit)? */
int tt_nhs_valid(const char d[10]);

#endif
