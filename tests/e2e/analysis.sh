#!/bin/sh
# The cross-audit commands on the sample corpus with the shipped rules:
# the trends written into it (corpora/README.md) come out of trend and
# compare as designed, kwic and explain lead back to the right sentences,
# and grades recovers the distributions the documents state.
. "$SRC/tests/e2e/common.inc"

themetrack ingest --quiet --db s.db --manifest "$SRC/corpora/sample/manifest.csv" \
	|| fail "ingest of the sample corpus failed"

# docs_with per year for one theme and polarity, as "a,b,c,d".
per_year() {
	themetrack trend --db s.db --theme "$1" --polarity "$2" --format csv 2>/dev/null \
		| tr -d '\r' | awk -F, 'NR > 1 { printf "%s%s", sep, $4; sep = "," }'
}
expect_eq "$(per_year absent_fathers concern)" "1,2,3,4" "absent_fathers concern by year"
expect_eq "$(per_year elective_home_education concern)" "0,0,3,4" "elective_home_education concern by year"
expect_eq "$(per_year elective_home_education any)" "0,0,3,4" "elective home education absent before 2017"
expect_eq "$(per_year voice_of_child concern)" "4,3,2,1" "voice_of_child concern by year"
# As concerns fall, strengths rise: none in 2015, three of four in 2018.
v=$(per_year voice_of_child strength)
expect_eq "${v%%,*},${v##*,}" "0,3" "voice_of_child strength in 2015 and 2018"

# The table's documents per year are the manifest's.
expect_eq "$(themetrack trend --db s.db --theme neglect --format csv 2>/dev/null | tr -d '\r' \
	| awk -F, 'NR > 1 { printf "%s%s:%s", sep, $3, $5; sep = " " }')" \
	"2015:4 2016:4 2017:4 2018:4" "documents per year"

# The views agree with trend.
expect_eq "$(q s.db "SELECT group_concat(docs_with) FROM (SELECT docs_with FROM theme_share_by_year WHERE theme = 'absent_fathers' AND polarity = 'concern' ORDER BY year)")" \
	"1,2,3,4" "theme_share_by_year view"

# Compare first and last year: home education is new; absent fathers up.
cmp_row() {
	themetrack compare --db s.db --from 2015 --to 2018 --format csv 2>/dev/null | tr -d '\r' \
		| awk -F, -v t="$1" '$1 == t { print $3 "," $6 "," $12 }'
}
expect_eq "$(cmp_row elective_home_education)" "0,4,new" "compare: elective home education"
expect_eq "$(cmp_row absent_fathers)" "1,4,flat" "compare: absent fathers (1/4 to 4/4 is not significant with 4 audits a year)"
# Pooling two years on each side gives the test more documents.
expect_eq "$(themetrack compare --db s.db --from 2015..2016 --to 2017..2018 --theme elective_home_education --format csv 2>/dev/null | tr -d '\r' | awk -F, 'NR == 2 { print $3 "," $6 "," $12 }')" \
	"0,7,new" "compare pooled"

# kwic rows lead back to their sentences: each match is in its stored
# sentence, in a 2018 document of the authority named.
themetrack kwic --db s.db --theme absent_fathers --polarity concern --year 2018 --format json 2>/dev/null > k.json
n=$(grep -c '"hit_id"' k.json || true)
expect_ge "$n" 4 "kwic rows for absent fathers in 2018"
sqlite3 s.db "SELECT h.id, d.authority, d.year, instr(s.text, h.match) > 0 FROM hits h JOIN sentences s ON s.id = h.sentence_id JOIN documents d ON d.id = h.document_id WHERE h.theme = 'absent_fathers' AND h.polarity = 'concern' AND d.year = 2018 ORDER BY h.id" > want.txt
tr ',' '\n' < k.json | tr -d '{}[]' | awk -F: '$1 == "\"authority\"" { a = $2 } $1 == "\"year\"" { y = $2 } $1 == "\"hit_id\"" { print $2 "|" a "|" y "|1" }' \
	| tr -d '"' | sort -n > got.txt
sort -n want.txt > want.sorted
cmp -s got.txt want.sorted || { diff got.txt want.sorted | head; fail "kwic rows do not match the stored hits"; }

# explain reproduces a stored hit with the shipped rules.
id=$(head -n 1 want.sorted | cut -d'|' -f1)
out=$(themetrack explain --db s.db "$id" --format csv | tr -d '\r')
echo "$out" | grep -q '^theme,absent_fathers$' || fail "explain: theme: $out"
echo "$out" | grep -q '^reproduces,yes' || fail "explain: does not reproduce: $out"
echo "$out" | grep -q "^text," || fail "explain: no sentence text"

# kwic --pattern finds what SQL LIKE finds (the FTS prefilter loses nothing).
n=$(themetrack kwic --db s.db --pattern '\bchronology\b' --format csv | tr -d '\r' | awk 'NR > 1' | wc -l)
m=$(q s.db "SELECT count(*) FROM sentences WHERE ' ' || lower(text) || ' ' GLOB '*[^a-z]chronology[^a-z]*'")
expect_eq "$n" "$m" "kwic --pattern against SQL"

# grades: the distributions the documents state in prose.
g=$(themetrack grades --db s.db --format csv | tr -d '\r')
for want in "Northmoor,2015,.*,document,0,2,6,2,10,stated" "Castlemere,2017,.*,document,0,2,5,2,9,stated" \
	"Kelderby,2016,.*,document,0,4,5,1,10,stated" "Castlemere,2018,.*,Total,document,5,44,50,7,106,sum"; do
	echo "$g" | grep -q "^$want" || fail "grades: no row like '$want'"
done
expect_eq "$(themetrack grades --db s.db --by year --format csv | tr -d '\r' | awk -F, '$1 == 2016 { print $2 "," $3 "," $8 }')" \
	"4,0,126" "grades by year 2016"
# The Kelderby 2018 case review states no grades: no row at all.
echo "$g" | grep -q '^Kelderby,2018' && fail "grades: a row for a document without grades"
echo "analysis on the sample corpus: ok"
