/*
 * grades_run.h - the audit grades stated in stored documents, as a table:
 * one row per distribution found (authority, year, title, label, scope,
 * outstanding, good, requires_improvement, inadequate, total, total_from,
 * sentence_id, evidence), or with by_year the totals per year of each
 * document's own distribution (year, documents, incomplete, outstanding,
 * good, requires_improvement, inadequate, total, share_good_or_better,
 * share_inadequate). See `themetrack grades --help` for the rules.
 */
#ifndef TT_GRADES_RUN_H
#define TT_GRADES_RUN_H

#include "corpus.h"
#include "render.h"
#include "store.h"

/* Documents passing f's document filters; *out is the caller's to free. */
tt_status tt_grades_table(tt_store *s, const tt_filter *f, int by_year, tt_table **out,
			  tt_error *err);

#endif
