/* qda.c - the REFI-QDA codebook of a rule set. */
#include "qda.h"

#include <stdio.h>
#include <string.h>

#include "svg.h"
#include "banned.h"

void tt_qda_guid(const char *kind, const char *id, char out[37])
{
	tt_sha256 c;
	unsigned char h[32];
	tt_sha256_init(&c);
	tt_sha256_update(&c, "themetrack:", 11);
	tt_sha256_update(&c, kind, strlen(kind));
	tt_sha256_update(&c, ":", 1);
	tt_sha256_update(&c, id, strlen(id));
	tt_sha256_final(&c, h);
	h[6] = (unsigned char)((h[6] & 0x0F) | 0x50); /* version 5: name-based */
	h[8] = (unsigned char)((h[8] & 0x3F) | 0x80); /* RFC 9562 variant */
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	for (size_t i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[h[i] >> 4];
		out[o++] = hex[h[i] & 15];
	}
	out[o] = '\0';
}

/* Colours by theme, from the Okabe-Ito palette (safe for colour-blind readers). */
static const char *const colours[] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442",
				      "#0072B2", "#D55E00", "#CC79A7", "#000000"};

static const char *const polarity_label[] = {"concern", "strength", "mention"};
static const char *const polarity_colour[] = {"#D55E00", "#009E73", "#999999"};

void tt_qda_codebook(tt_buf *out, const tt_ruleset *rs)
{
	char guid[37];
	tt_buf_addstr(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
			   "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"themetrack ");
	tt_html_escape(out, TT_VERSION);
	tt_buf_addstr(out, ", rules ");
	tt_html_escape(out, tt_ruleset_version(rs));
	tt_buf_addstr(out, "\">\n  <Codes>\n");
	for (size_t i = 0; i < tt_ruleset_ntheme(rs); i++) {
		const tt_theme_info *t = tt_ruleset_theme(rs, i);
		tt_qda_guid("theme", t->id, guid);
		tt_buf_addf(out, "    <Code guid=\"%s\" name=\"", guid);
		tt_html_escape(out, t->label && *t->label ? t->label : t->id);
		tt_buf_addf(out, "\" isCodable=\"true\" color=\"%s\">\n      <Description>",
			    colours[i % TT_ARRAY_LEN(colours)]);
		tt_html_escape(out, t->describe);
		tt_buf_addstr(out, " (themetrack theme ");
		tt_html_escape(out, t->id);
		tt_buf_addstr(out, ")</Description>\n");
		for (size_t p = 0; p < 3; p++) {
			char id[256];
			snprintf(id, sizeof(id), "%s/%s", t->id, polarity_label[p]);
			tt_qda_guid("polarity", id, guid);
			tt_buf_addf(out, "      <Code guid=\"%s\" name=\"%s\" isCodable=\"true\" "
				    "color=\"%s\">\n        <Description>", guid, polarity_label[p],
				    polarity_colour[p]);
			tt_html_escape(out, t->label && *t->label ? t->label : t->id);
			tt_buf_addf(out, " judged as %s</Description>\n      </Code>\n",
				    p == 0 ? "a concern" : p == 1 ? "a strength" : "a mention (neither)");
		}
		tt_buf_addstr(out, "    </Code>\n");
	}
	tt_buf_addstr(out, "  </Codes>\n");
	if (tt_ruleset_ngroup(rs)) {
		tt_buf_addstr(out, "  <Sets>\n");
		for (size_t g = 0; g < tt_ruleset_ngroup(rs); g++) {
			const tt_group_info *gi = tt_ruleset_group(rs, g);
			tt_qda_guid("group", gi->id, guid);
			tt_buf_addf(out, "    <Set guid=\"%s\" name=\"", guid);
			tt_html_escape(out, gi->label && *gi->label ? gi->label : gi->id);
			tt_buf_addstr(out, "\">\n");
			if (gi->describe && *gi->describe) {
				tt_buf_addstr(out, "      <Description>");
				tt_html_escape(out, gi->describe);
				tt_buf_addstr(out, "</Description>\n");
			}
			for (size_t k = 0; k < gi->nthemes; k++) {
				tt_qda_guid("theme", tt_ruleset_theme(rs, gi->themes[k])->id, guid);
				tt_buf_addf(out, "      <MemberCode targetGUID=\"%s\"/>\n", guid);
			}
			tt_buf_addstr(out, "    </Set>\n");
		}
		tt_buf_addstr(out, "  </Sets>\n");
	}
	tt_buf_addstr(out, "</CodeBook>\n");
}
