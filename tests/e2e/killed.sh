#!/bin/sh
# A killed ingest leaves every document either fully stored or absent, and
# running it again finishes the job with the same store as a clean run.
# A killed re-tag leaves the previous run current (queries answer as
# before) and the next tag resumes and ends where a clean re-tag ends.
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

# Re-tagging with a changed rule set, killed half-way.
mkdir rs2 && cp -r rs/rules rs/lexicons rs2/
printf '\n# a comment: a new rule set version, the same rules\n' >> rs2/rules/voice_of_child.rules
trend() { themetrack trend --db "$1" --polarity any --format csv 2>/dev/null; }
cp clean.db clean2.db
themetrack tag --quiet --db clean2.db --rules rs2/rules --jobs 2 || fail "clean re-tag"
trend clean2.db > after.csv
runs=$(q k.db 'SELECT max(id) FROM tag_runs')
themetrack tag --quiet --db k.db --rules rs2/rules --jobs 2 &
pid=$!
# Wait for the new run to start, then kill it a little later: re-tagging
# the corpus takes far longer than that.
while kill -0 "$pid" 2>/dev/null; do
	[ "$(q k.db 'SELECT max(id) FROM tag_runs' 2>/dev/null || echo 0)" != "$runs" ] && break
	sleep 0.1
done
sleep 2
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
expect_eq "$(q k.db 'PRAGMA integrity_check')" ok "integrity after a killed tag"
expect_eq "$(q k.db 'SELECT finished_at IS NULL FROM tag_runs ORDER BY id DESC LIMIT 1')" 1 "the killed run is unfinished"
echo "tag killed with $(q k.db 'SELECT count(*) FROM documents WHERE tagged_run = (SELECT max(id) FROM tag_runs)') documents re-tagged"
# Until the new run finishes, the old one answers, over the documents it
# still holds (those already re-tagged are left out, with a warning).
old=$(q k.db 'SELECT id FROM current_run')
expect_eq "$(themetrack trend --db k.db --theme neglect --format csv 2>/dev/null | tr -d '\r' | awk -F, 'NR > 1 { s += $5 } END { print s }')" \
	"$(q k.db "SELECT count(*) FROM documents WHERE tagged_run = $old")" "documents the current run answers for"
themetrack tag --quiet --db k.db --rules rs2/rules --jobs 2 || fail "tag after a kill"
trend k.db > k-after.csv
cmp -s after.csv k-after.csv || { diff after.csv k-after.csv | head; fail "re-tag after a kill differs from a clean re-tag"; }
expect_eq "$(q k.db 'SELECT count(DISTINCT run_id) FROM hits')" 1 "hits of one run only"
echo "killed: ok"
