#!/bin/sh
# The HTML report on the sample corpus, with one document carrying
# hostile text: it parses (Python's html.parser, not a regex), loads
# nothing from the network, has every section, shows the hostile text as
# text, and its trend and compare tables equal the commands' CSV. With
# chromium installed, a headless render is not blank and lays out the SVG.
. "$SRC/tests/e2e/common.inc"
command -v python3 >/dev/null 2>&1 || skip "python3 is needed to parse the report"

cp -r "$SRC/corpora/sample" sample
cat > sample/hostile.md <<'END'
# Audit <script>alert(1)</script>

## Areas for development

- Fathers were not invited to the core group "><img src=x onerror=alert(1)>.
- The plan said =HYPERLINK("http://example.com") and '; DROP TABLE documents; --.
END
printf 'hostile.md,"Eastham <b>bold</b>",2018,multi_agency_audit,"Audit <script>alert(1)</script>",\n' >> sample/manifest.csv
themetrack ingest --quiet --db s.db --manifest sample/manifest.csv || fail "ingest"
themetrack report --db s.db -o r.html 2> note.txt || { cat note.txt; fail "report failed"; }
grep -q 'wrote r.html' note.txt || fail "report did not say where it wrote: $(cat note.txt)"
expect_eq "$(q s.db 'SELECT count(*) FROM documents')" 17 "the hostile document is stored (nothing was dropped)"

themetrack trend --db s.db --polarity concern --format csv 2>/dev/null | tr -d '\r' > trend.csv
themetrack compare --db s.db --from 2015 --to 2018 --format csv 2>/dev/null | tr -d '\r' > compare.csv
python3 "$SRC/tests/e2e/report_check.py" r.html trend.csv compare.csv \
	'Audit <script>alert(1)</script>' 'Eastham <b>bold</b>' '"><img src=x onerror=alert(1)>' \
	|| fail "report check"

# Written whole or not at all: a directory that does not exist fails
# cleanly and leaves nothing behind.
themetrack report --db s.db -o missing/r.html 2> err.txt && fail "report into a missing directory succeeded"
grep -q "cannot write 'missing/r.html'" err.txt || fail "no clear error: $(cat err.txt)"

# A real browser, when there is one.
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -n "$chrome" ]; then
	flags="--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run --disable-dev-shm-usage"
	timeout 120 "$chrome" $flags --window-size=1200,3000 --screenshot="$work/shot.png" "file://$work/r.html" >/dev/null 2>&1 \
		|| fail "chromium could not render the report"
	size=$(wc -c < shot.png)
	expect_ge "$size" 40000 "screenshot size (a blank page compresses to a few kB)"
	timeout 120 "$chrome" $flags --dump-dom "file://$work/r.html" > dom.html 2>/dev/null || fail "chromium --dump-dom"
	expect_ge "$(grep -o '<svg' dom.html | wc -l)" 3 "SVG charts in the rendered DOM"
	expect_ge "$(grep -o '<rect' dom.html | wc -l)" 100 "SVG cells in the rendered DOM"
	grep -q '<script' dom.html && fail "a script element in the rendered DOM"
	echo "report (with chromium): ok"
else
	echo "report: ok (chromium not installed: browser rendering skipped)"
fi
