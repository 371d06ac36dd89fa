/*
 * rules_example.c - runs a rule's `example` lines through the whole rule
 * set, as `scan --lines` would see them (themetrack rules test).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "rules_int.h"
#include "banned.h"

unsigned tt_ruleset_run_example(const tt_ruleset *rs, tt_matcher *m,
				tt_stemmer *st, size_t i)
{
	const tt_example_info *ex = &rs->examples[i].info;
	size_t theme = rs->rules[ex->rule].info.theme;
	tt_doc d;
	tt_error err;
	tt_buf text = TT_BUF_INIT;
	unsigned mask = 0;

	tt_doc_init(&d);
	tt_error_init(&err);
	/* under a heading: a markdown document with the heading, then the
	 * sentence as its paragraph; otherwise one line */
	if (ex->under) {
		tt_buf_addf(&text, "# %s\n\n%s\n", ex->under, ex->text);
	} else {
		tt_buf_addstr(&text, ex->text);
		tt_buf_addch(&text, '\n');
	}
	if (tt_doc_from_mem(&d, "example", ex->under ? TT_FMT_MD : TT_FMT_TXT,
			    text.buf, text.len, &err) == TT_OK) {
		tt_doc_segment(&d, ex->under ? TT_SEG_DOCUMENT : TT_SEG_LINES);
		tt_doc_analyse(&d, st);
		tt_hits hits;
		tt_hits_init(&hits);
		for (size_t k = 0; k < d.nsent; k++) {
			if (d.sent[k].kind == TT_BLOCK_HEADING)
				continue;
			tt_hits_reset(&hits);
			tt_match_sentence(m, &d, &d.sent[k], &hits);
			for (size_t h = 0; h < hits.n; h++)
				if (hits.v[h].theme == theme)
					mask |= TT_POLMASK(hits.v[h].polarity);
		}
		tt_hits_release(&hits);
	}
	tt_error_release(&err);
	tt_buf_release(&text);
	tt_doc_release(&d);
	return mask;
}
