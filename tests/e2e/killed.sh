#!/bin/sh
# A killed ingest leaves every document either fully stored or absent, and
# running it again finishes the job with the same store as a clean run.
. "$SRC/tests/e2e/common.inc"
corp="$SHARED/corpora/ofsted-ilacs"
[ -f "$corp/manifest.csv" ] || skip "../shared/corpora/ofsted-ilacs not present"

dump() {
	q "$1" "SELECT name, content_hash, year, words, sentences FROM documents ORDER BY name"
	q "$1" "SELECT d.name, s.ordinal, s.text FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY d.name, s.ordinal"
	q "$1" "SELECT d.name, h.theme, h.polarity, h.rule, h.start FROM hit_evidence h JOIN documents d ON d.id = h.document_id ORDER BY d.name, h.sentence_ordinal, h.start, h.theme"
}
# One copy of the rule set for every run here, so all runs tag alike.
mkdir rs && cp -r "$SRC/rules" "$SRC/lexicons" rs/
export THEMETRACK_RULES="$work/rs/rules"
themetrack ingest --quiet --db clean.db --jobs 2 --manifest "$corp/manifest.csv" || fail "clean run"
dump clean.db > clean.txt

# Kill at several points: before the first commit, and once some batches
# have landed (polled, so the points hold whatever the machine's speed).
for target in 0 60 250; do
	themetrack ingest --quiet --db k.db --jobs 2 --manifest "$corp/manifest.csv" &
	pid=$!
	if [ "$target" -gt 0 ]; then
		while kill -0 "$pid" 2>/dev/null; do
			n=$(q k.db 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)
			[ "${n:-0}" -ge "$target" ] && break
			sleep 0.2
		done
	else
		sleep 0.3
	fi
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	[ -f k.db ] || continue
	expect_eq "$(q k.db 'PRAGMA integrity_check')" ok "integrity after a kill"
	expect_eq "$(q k.db 'SELECT count(*) FROM documents d WHERE sentences != (SELECT count(*) FROM sentences s WHERE s.document_id = d.id)')" 0 \
		"half-stored documents after a kill"
	echo "killed with $(q k.db 'SELECT count(*) FROM documents') documents stored (aimed at $target)"
done
themetrack ingest --quiet --db k.db --jobs 2 --manifest "$corp/manifest.csv" || fail "re-run after kills"
dump k.db > k.txt
cmp -s clean.txt k.txt || { diff clean.txt k.txt | head; fail "store after kills and a re-run differs from a clean run"; }
echo "killed: ok"
