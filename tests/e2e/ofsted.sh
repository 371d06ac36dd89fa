#!/bin/sh
# The 493 real Ofsted reports (pdftotext output): all ingest through their
# manifest, and what comes out are whole sentences: no line-wrap fragments,
# no page footers or page numbers. The sample PDFs ingest through pdftotext
# to the same sentences as their extracted texts.
. "$SRC/tests/e2e/common.inc"
corp="$SHARED/corpora/ofsted-ilacs"
[ -f "$corp/manifest.csv" ] || skip "../shared/corpora/ofsted-ilacs not present"

themetrack ingest --db o.db --jobs 2 --manifest "$corp/manifest.csv" 2> err.txt \
	|| { tail err.txt; fail "ingest of the Ofsted corpus failed"; }
total=$(($(wc -l < "$corp/manifest.csv") - 1))
expect_eq "$(q o.db 'SELECT count(*) FROM documents')" "$total" "documents"
grep -q "$total documents: $total added, 0 unchanged, 0 replaced, 0 skipped" err.txt \
	|| { tail -3 err.txt; fail "summary"; }
graded=$(sqlite3 :memory: ".import --csv $corp/manifest.csv m" "SELECT count(*) FROM m WHERE overall != ''")
expect_eq "$(q o.db "SELECT count(*) FROM document_meta WHERE key = 'overall'")" "$graded" "grades kept as metadata"

# Whole sentences: paragraph sentences end as sentences end.
para=$(q o.db "SELECT count(*) FROM sentences WHERE kind = 'paragraph'")
ended=$(q o.db "SELECT count(*) FROM sentences WHERE kind = 'paragraph' AND (text GLOB '*[.?!:;]' OR text GLOB '*[.?!][\"'')]' OR text GLOB '*[.?!]’' OR text GLOB '*[.?!]”')")
expect_ge "$((ended * 1000 / para))" 970 "per mille of paragraph sentences ending in punctuation"
# No fragments that start mid-sentence (a wrapped line on its own).
lower=$(q o.db "SELECT count(*) FROM sentences WHERE kind = 'paragraph' AND text GLOB '[a-z]*' AND text NOT GLOB 'e.g.*' AND text NOT GLOB 'i.e.*'")
[ $((lower * 1000 / para)) -le 10 ] || fail "too many paragraph sentences start in lower case: $lower of $para"
# Page furniture is gone: no bare page numbers, no repeated running headers.
expect_eq "$(q o.db "SELECT count(*) FROM sentences WHERE text GLOB '[0-9]' OR text GLOB '[0-9][0-9]' OR text GLOB '[0-9][0-9].'")" 0 "bare page or paragraph numbers"
# (The report title recurs as the running header of every page in the PDF
# text: it must be kept once, as the title, and dropped everywhere else.)
expect_ge "$(q o.db "SELECT count(DISTINCT document_id) FROM sentences WHERE text LIKE 'Inspection of % local authority children%services'")" 150 "reports with the running-header title"
rep=$(q o.db "SELECT count(*) FROM (SELECT document_id FROM sentences WHERE text LIKE 'Inspection of % local authority children%services' GROUP BY document_id HAVING count(*) > 1)")
expect_eq "$rep" 0 "documents with a running header kept more than once"
# Hyphenation across lines undone: no 'safe- guarding' style splits.
expect_eq "$(q o.db "SELECT count(*) FROM sentences WHERE text LIKE '%safe- guard%' OR text LIKE '%commis- sion%'")" 0 "split words"

if ! command -v pdftotext > /dev/null; then
	skip "pdftotext not installed (poppler-utils): PDF comparison not run"
fi
npdf=0
for pdf in "$corp"/pdf-sample/*.pdf; do
	base=$(basename "$pdf" .pdf)
	# 80465_durham_childrens_services_inspection_-_13_may_2025
	# The PDF is named by publication date, the text by the last day of the
	# inspection: take the URN's latest text dated on or before the PDF.
	urn=${base%%_*}
	d=$(echo "$base" | sed 's/.*_-_//')
	day=$(echo "$d" | cut -d_ -f1); mon=$(echo "$d" | cut -d_ -f2); yr=$(echo "$d" | cut -d_ -f3)
	case $mon in january) m=01;; february) m=02;; march) m=03;; april) m=04;; may) m=05;; june) m=06;;
		july) m=07;; august) m=08;; september) m=09;; october) m=10;; november) m=11;; december) m=12;; esac
	txt=
	for t in "$corp"/texts/"$urn"_*.txt; do
		td=$(basename "$t" .txt | sed 's/.*_//')
		if [ "$td" \< "$yr-$m-$day" ] || [ "$td" = "$yr-$m-$day" ]; then txt=$t; fi
	done
	[ -n "$txt" ] || fail "no extracted text for $base"
	themetrack ingest --quiet --db p.db --year "$yr" "$pdf" || fail "$base.pdf did not ingest"
	themetrack ingest --quiet --db t.db --year "$yr" "$txt" || fail "$txt did not ingest"
	q p.db "SELECT s.text FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.name = '$base.pdf' ORDER BY s.ordinal" > pdf.txt
	q t.db "SELECT s.text FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.name = '$(basename "$txt")' ORDER BY s.ordinal" > txt.txt
	expect_ge "$(wc -l < pdf.txt)" 100 "$base sentences"
	cmp -s pdf.txt txt.txt || { diff pdf.txt txt.txt | head; fail "$base: PDF and extracted text give different sentences"; }
	npdf=$((npdf + 1))
done
expect_eq "$npdf" 4 "PDFs compared"
echo "ofsted: ok"
