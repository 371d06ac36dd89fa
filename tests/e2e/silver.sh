#!/bin/sh
# Real text as a silver standard. In the Ofsted reports, the items of the
# "What needs to improve?" list are findings of shortfall: most should get
# a theme, and most of their hits should be concerns. Across reports with a
# published overall grade, the concern share of a report's judged hits
# should rise from outstanding to inadequate. Prints the figures
# (tests/gold/README.md quotes them) and fails if the signal is lost.
. "$SRC/tests/e2e/common.inc"
corp="$SHARED/corpora/ofsted-ilacs"
[ -f "$corp/manifest.csv" ] || skip "../shared/corpora/ofsted-ilacs not present"
mkdir rs && cp -r "$SRC/rules" "$SRC/lexicons" rs/
themetrack ingest --quiet --db o.db --rules rs/rules --manifest "$corp/manifest.csv" || fail "ingest"

set -- $(q o.db "
WITH items AS (SELECT s.id FROM sentences s JOIN sections sec ON sec.id = s.section_id
               WHERE sec.title LIKE 'What needs to improve%' AND s.kind = 'list_item')
SELECT (SELECT count(*) FROM items),
       (SELECT count(*) FROM items WHERE id IN (SELECT sentence_id FROM hit_evidence)),
       (SELECT count(*) FROM hit_evidence WHERE sentence_id IN items),
       (SELECT count(*) FROM hit_evidence WHERE sentence_id IN items AND polarity = 'concern')" | tr '|' ' ')
items=$1 tagged=$2 hits=$3 concern=$4
expect_ge "$items" 1000 "'What needs to improve?' items found"
echo "SILVER: $tagged of $items 'What needs to improve?' items tagged ($((tagged * 100 / items))%); $concern of their $hits hits are concerns ($((concern * 100 / hits))%)"
expect_ge "$((tagged * 100 / items))" 55 "per cent of items tagged"
expect_ge "$((concern * 100 / hits))" 70 "per cent of their hits that are concerns"

prev=-1
for g in outstanding good 'requires improvement' inadequate; do
	row=$(q o.db "SELECT count(DISTINCT h.document_id), CAST(1000.0 * sum(h.polarity = 'concern') / sum(h.polarity != 'mention') AS INTEGER)
	              FROM hit_evidence h JOIN document_meta m ON m.document_id = h.document_id
	              WHERE m.key = 'overall' AND m.value = '$g'")
	n=${row%%|*} share=${row#*|}
	echo "SILVER: overall $g: $n reports, concern share of judged hits $share per mille"
	[ "$share" -gt "$prev" ] || fail "concern share should rise with a worse grade ($g: $share after $prev)"
	prev=$share
done
echo "silver: ok"
