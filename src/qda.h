/*
 * qda.h - the rule set as a REFI-QDA codebook (QDA-XML codebook 1.0, the
 * .qdc files NVivo, ATLAS.ti, MAXQDA and QualCoder import): one code per
 * theme with its label and description, a child code per polarity
 * (concern, strength, mention) so that coded segments keep their
 * polarity, and one set per theme group. GUIDs are derived from the ids,
 * so the same theme has the same GUID in every export and every version.
 */
#ifndef TT_QDA_H
#define TT_QDA_H

#include "buf.h"
#include "rules.h"

/*
 * A stable GUID for `kind` ("theme", "group", "polarity") and `id` (for a
 * polarity code "theme/polarity"): the first 16 bytes of SHA-256 over
 * "themetrack:" kind ":" id, with the version (5) and variant bits of RFC
 * 9562 set, written 8-4-4-4-12 in lower-case hex. out holds 37 bytes.
 */
void tt_qda_guid(const char *kind, const char *id, char out[37]);

/* Appends the codebook of rs to out (UTF-8 XML with its declaration). */
void tt_qda_codebook(tt_buf *out, const tt_ruleset *rs);

#endif
