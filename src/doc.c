/* doc.c - the tt_doc container: init, release, and kind names. */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "banned.h"

const char *tt_block_kind_name(tt_block_kind k)
{
	switch (k) {
	case TT_BLOCK_HEADING: return "heading";
	case TT_BLOCK_LIST_ITEM: return "list_item";
	case TT_BLOCK_TABLE_ROW: return "table_row";
	case TT_BLOCK_PARAGRAPH: return "paragraph";
	}
	return "paragraph";
}

void tt_doc_init(tt_doc *d)
{
	memset(d, 0, sizeof(*d));
}

void tt_doc_release(tt_doc *d)
{
	for (size_t i = 0; i < d->nsec; i++) {
		free(d->sec[i].title);
		free(d->sec[i].path);
	}
	free(d->sec);
	for (size_t i = 0; i < d->nsent; i++) {
		tt_sentence *s = &d->sent[i];
		free(s->text);
		free(s->text_to_doc);
		free(s->norm);
		free(s->norm_to_text);
		free(s->tok);
		free(s->stems);
	}
	free(d->sent);
	free(d->path);
	free(d->bytes);
	tt_strlist_release(&d->warnings);
	tt_doc_init(d);
}
