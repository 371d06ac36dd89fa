#!/bin/sh
# The discovery commands on the sample corpus (corpora/README.md): the
# theme written to appear only in 2017-18 is emerging, its wording leads
# the emerging terms, the Castlemere chronology recommendation is found
# as a chain over 2015, 2016 and 2018, and the planted finding without
# rule vocabulary is uncovered.
. "$SRC/tests/e2e/common.inc"

themetrack ingest --quiet --db s.db --manifest "$SRC/corpora/sample/manifest.csv" \
	|| fail "ingest of the sample corpus failed"
csv() { tr -d '\r'; }

# Themes: elective home education is new in 2017-18, and in 2017 alone
# against the default baseline (every earlier year).
row=$(themetrack emerging --db s.db --recent 2017..2018 --baseline 2015..2016 --themes --format csv 2>/dev/null \
	| csv | awk -F, '$1 == "elective_home_education" { print $3 "," $6 "," $12 }')
expect_eq "$row" "0,7,new" "emerging theme 2017-18"
row=$(themetrack emerging --db s.db --recent 2017 --themes --format csv 2>/dev/null \
	| csv | awk -F, '$1 == "elective_home_education" { print $4 "," $12 }')
expect_eq "$row" "8,new" "emerging theme 2017 against 2015-16"
# Nothing else is new or rising at q < 0.05 with four audits a year.
n=$(themetrack emerging --db s.db --recent 2017..2018 --baseline 2015..2016 --themes --format csv 2>/dev/null | csv | awk 'NR > 1' | wc -l)
expect_eq "$n" 1 "emerging themes"

# Terms: the wording of the new theme is among the five highest G2.
themetrack emerging --db s.db --recent 2017..2018 --baseline 2015..2016 --terms --limit 0 --format csv \
	2>/dev/null | csv > terms.csv
head -n 1 terms.csv | grep -qx 'term,words,docs_recent,docs_baseline,freq_recent,freq_baseline,g2,log_ratio,covered_by,stems' \
	|| fail "emerging terms header: $(head -n 1 terms.csv)"
top=$(awk -F, 'NR > 1 { print $7 "\t" $1 }' terms.csv | sort -t "$(printf '\t')" -k1 -g -r | head -n 5)
echo "$top" | grep -q 'home educat' || fail "home education not among the top emerging terms: $top"
# ... and is covered by its theme, absent from the baseline.
grep -q '^home education,2,[0-9]*,0,[0-9]*,0,.*elective_home_education' terms.csv \
	|| fail "home education row: $(grep '^home education,' terms.csv)"
# Uncovered terms come first.
awk -F, 'NR > 1 { if ($9 == "") { if (seen) bad = 1 } else seen = 1 } END { exit bad }' terms.csv \
	|| fail "a covered term before an uncovered one"

# Recurring: the chronology recommendation, Castlemere, 2015, 2016 and 2018.
themetrack recurring --db s.db --format json 2>/dev/null > rec.json
# (json: one object a line)
chain=$(grep -i 'chronolog' rec.json | grep '"authority":"Castlemere"' \
	| sed 's/.*"chain":\([0-9]*\).*/\1/' | sort | uniq -c | sort -rn | head -n 1 | awk '{ print $2 }')
[ -n "$chain" ] || fail "no recurring chain about chronologies"
years=$(grep "^{\"chain\":$chain," rec.json | sed 's/.*"year":\([0-9]*\).*/\1/' | sort -u | tr '\n' ' ')
expect_eq "$years" "2015 2016 2018 " "years of the chronology chain"

# Uncovered: the planted finding, and no sentence that carries a theme.
themetrack uncovered --db s.db --sentences --format csv 2>/dev/null | csv > unc.csv
grep -q 'Out-of-hours cover was poorly understood by staff' unc.csv || fail "planted finding not uncovered"
ids=$(awk -F, 'NR > 1 { print $NF }' unc.csv | tr '\n' ',' | sed 's/,$//')
expect_eq "$(q s.db "SELECT count(*) FROM hits WHERE sentence_id IN ($ids)")" 0 "uncovered sentences carry no hit"
echo "discovery on the sample corpus: ok"
