#!/bin/sh
# The five real seed reports: each ingests with no warning other than year
# inference, and the segmenter finds their headings and list items.
. "$SRC/tests/e2e/common.inc"
[ -d "$SHARED/seeds" ] || skip "../shared/seeds not present"
n=0
for f in "$SHARED"/seeds/*.md; do
	[ "$(basename "$f")" = README.md ] && continue
	n=$((n + 1))
	themetrack ingest --no-tag --db s.db "$f" 2> err.txt || { cat err.txt; fail "$f did not ingest"; }
	if grep -v 'inferred from the\|documents\?: ' err.txt | grep -q .; then
		cat err.txt; fail "$(basename "$f"): unexpected warnings"
	fi
	name=$(basename "$f")
	h=$(q s.db "SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.name = '$name' AND s.kind = 'heading'")
	l=$(q s.db "SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.name = '$name' AND s.kind = 'list_item'")
	expect_ge "$h" 3 "$name headings"
	expect_ge "$l" 5 "$name list items"
done
expect_eq "$n" 5 "seed files"
expect_eq "$(q s.db 'SELECT count(*) FROM documents WHERE year IS NULL')" 0 "every seed has an inferred year"
# List items under a shortfall heading carry it in their section path.
expect_ge "$(q s.db "SELECT count(*) FROM sentences s JOIN sections sec ON sec.id = s.section_id WHERE s.kind = 'list_item' AND (sec.path LIKE '%development%' OR sec.path LIKE '%strength%')")" 10 "list items under strength/development headings"
echo "seeds: ok"
