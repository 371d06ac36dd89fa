#!/bin/sh
# The sample corpus through the CLI: ingest by manifest, idempotent
# re-ingest, identical stores for --jobs 1 and 2, replacement and pruning.
. "$SRC/tests/e2e/common.inc"
cp -r "$SRC/corpora/sample" sample

themetrack ingest --quiet --db a.db --jobs 1 --manifest sample/manifest.csv \
	|| fail "ingest of the sample corpus failed"
expect_eq "$(q a.db 'SELECT count(*) FROM documents')" 16 "documents"
expect_eq "$(q a.db 'SELECT group_concat(n) FROM (SELECT count(*) n FROM documents GROUP BY year ORDER BY year)')" "4,4,4,4" "documents per year"
expect_eq "$(q a.db 'SELECT count(DISTINCT authority) FROM documents')" 4 "authorities"
# Titles as the manifest gives them (RFC 4180: quoted commas and quotes).
manifest_titles=$(sqlite3 :memory: ".import --csv sample/manifest.csv m" "SELECT title FROM m ORDER BY title")
expect_eq "$(q a.db 'SELECT title FROM documents ORDER BY title')" "$manifest_titles" "titles"
expect_eq "$(q a.db "SELECT count(*) FROM documents WHERE title = 'Practice Learning Review: \"Ellie and Maya\", executive summary'")" 1 "title with quotes and a comma"
expect_eq "$(q a.db 'SELECT count(*) FROM documents WHERE sentences < 20 OR words < 400')" 0 "every document has its text"
expect_eq "$(q a.db 'SELECT count(*) FROM documents d WHERE sentences != (SELECT count(*) FROM sentences s WHERE s.document_id = d.id)')" 0 "sentence counts match"
expect_ge "$(q a.db "SELECT count(*) FROM sentences WHERE kind = 'heading'")" 80 "headings"
expect_ge "$(q a.db "SELECT count(*) FROM sentences WHERE kind = 'list_item'")" 150 "list items"
expect_ge "$(q a.db "SELECT count(*) FROM sentences WHERE kind = 'table_row'")" 16 "table rows"
q a.db "INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')" || fail "FTS index out of step"
expect_eq "$(q a.db "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'chronologies'")" \
	"$(q a.db "SELECT count(*) FROM sentences WHERE text LIKE '%chronolog%'")" "FTS finds what LIKE finds"
expect_eq "$(q a.db "PRAGMA integrity_check")" ok "integrity"

# Unchanged: nothing changes, and it says so.
out=$(themetrack ingest --db a.db --manifest sample/manifest.csv 2>&1)
echo "$out" | grep -q '16 documents: 0 added, 16 unchanged, 0 replaced, 0 skipped.*(nothing changed)' \
	|| fail "re-ingest should change nothing: $out"

# The same store for any --jobs (ids and ingest times aside).
dump() {
	q "$1" "SELECT name, content_hash, authority, year, period, audit_type, title, words, sentences FROM documents ORDER BY name"
	q "$1" "SELECT d.name, s.ordinal, s.kind, s.line, s.start, s.end, s.words, coalesce(sec.path, ''), s.text FROM sentences s JOIN documents d ON d.id = s.document_id LEFT JOIN sections sec ON sec.id = s.section_id ORDER BY d.name, s.ordinal"
}
themetrack ingest --quiet --db b.db --jobs 2 --manifest sample/manifest.csv || fail "ingest --jobs 2"
dump a.db > a.txt
dump b.db > b.txt
cmp -s a.txt b.txt || { diff a.txt b.txt | head -20; fail "--jobs 1 and --jobs 2 stores differ"; }

# A changed file replaces its old version; a vanished one stays unless --prune.
f=$(ls sample/*.md | head -n 1)
printf '\n## Addendum\n\nA further note on the plan was added after the audit.\n' >> "$f"
out=$(themetrack ingest --db a.db --manifest sample/manifest.csv 2>&1)
echo "$out" | grep -q '0 added, 15 unchanged, 1 replaced' || fail "replace: $out"
expect_eq "$(q a.db 'SELECT count(*) FROM documents')" 16 "documents after replace"
expect_eq "$(q a.db "SELECT count(*) FROM sentences WHERE text = 'A further note on the plan was added after the audit.'")" 1 "new sentence stored once"
rm "$f"
sed -i "/^$(basename "$f"),/d" sample/manifest.csv
themetrack ingest --quiet --db a.db --manifest sample/manifest.csv || fail "ingest after removal"
expect_eq "$(q a.db 'SELECT count(*) FROM documents')" 16 "vanished file kept without --prune"
out=$(themetrack ingest --prune --db a.db --manifest sample/manifest.csv 2>&1)
echo "$out" | grep -q '1 pruned' || fail "prune: $out"
expect_eq "$(q a.db 'SELECT count(*) FROM documents')" 15 "vanished file pruned"
expect_eq "$(q a.db 'SELECT count(*) FROM sentences s LEFT JOIN documents d ON d.id = s.document_id WHERE d.id IS NULL')" 0 "no orphan sentences"
q a.db "INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')" || fail "FTS index out of step after prune"
echo "sample corpus: ok"
