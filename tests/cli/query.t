The query commands (trend, compare, cooccur, kwic, explain) on a small
store tagged with the test rule set: their fixed CSV headers, the counts
worked out from the documents below, the filters, and their errors. The
caption naming the tag run and rule set goes to stderr with csv and json.

  $ R=$SRC/tests/rules-test/rules
  $ printf '# Audit 2015\n\n## Areas for development\n\n- The children were not spoken to.\n- There was drift in two cases.\n' > north-2015.md
  $ printf '# Audit 2015\n\n## Findings\n\nThe views of the children were recorded well.\n' > castle-2015.md
  $ printf '# Audit 2016\n\n## Findings\n\nThe children were not spoken to.\n' > north-2016.md
  $ printf '# Audit 2017\n\n## Findings\n\nThere was drift in every case.\n' > north-2017.md
  $ printf '# Audit 2017\n\n## Findings\n\nThere was drift in the plan; the views of the children were missing.\nThe house fire was not reported.\n' > castle-2017.md
  $ for y in 2015 2016 2017; do themetrack ingest -q --db q.db --rules $R --authority Northmoor --year $y north-$y.md; done
  $ for y in 2015 2017; do themetrack ingest -q --db q.db --rules $R --authority Castlemere --year $y castle-$y.md; done
  $ sqlite3 q.db "SELECT d.name, h.theme, h.polarity FROM hits h JOIN documents d ON d.id = h.document_id ORDER BY d.name, h.theme"
  castle-2015.md|kids_voice|strength
  castle-2017.md|hazard|concern
  castle-2017.md|kids_voice|concern
  castle-2017.md|lateness|concern
  north-2015.md|kids_voice|concern
  north-2015.md|lateness|concern
  north-2016.md|kids_voice|concern
  north-2017.md|lateness|concern

Trend: concern by default; every year from the first to the last is a row.

  $ themetrack trend --db q.db --theme kids_voice,lateness --format csv | tr -d '\r'
  themetrack: documents with each theme \(concern\) by year; tag run 1, rule set [0-9a-f]+, finished [0-9TZ:-]+ (re)
  theme,polarity,group,docs_with,docs_total,share,ci_low,ci_high,hits,hits_per_10k_words
  kids_voice,concern,2015,1,2,0.500,0.095,0.905,1,384.62
  kids_voice,concern,2016,1,1,1.000,0.207,1.000,1,1250.00
  kids_voice,concern,2017,1,2,0.500,0.095,0.905,1,344.83
  lateness,concern,2015,1,2,0.500,0.095,0.905,1,384.62
  lateness,concern,2016,0,1,0.000,0.000,0.793,0,0.00
  lateness,concern,2017,2,2,1.000,0.342,1.000,2,689.66

A year filter fixes the groups, empty years included; filters compose.

  $ themetrack trend --db q.db --theme hazard --year 2014..2017 --format csv 2>/dev/null | tr -d '\r'
  theme,polarity,group,docs_with,docs_total,share,ci_low,ci_high,hits,hits_per_10k_words
  hazard,concern,2014,0,0,,,,0,
  hazard,concern,2015,0,2,0.000,0.000,0.658,0,0.00
  hazard,concern,2016,0,1,0.000,0.000,0.793,0,0.00
  hazard,concern,2017,1,2,0.500,0.095,0.905,1,344.83
  $ themetrack trend --db q.db --theme kids_voice --by authority --polarity any --format csv 2>/dev/null | tr -d '\r'
  theme,polarity,group,docs_with,docs_total,share,ci_low,ci_high,hits,hits_per_10k_words
  kids_voice,any,Castlemere,2,2,1.000,0.342,1.000,2,645.16
  kids_voice,any,Northmoor,2,3,0.667,0.208,0.939,2,625.00
  $ themetrack trend --db q.db --theme lateness --authority NORTHMOOR --format csv 2>/dev/null | tr -d '\r'
  theme,polarity,group,docs_with,docs_total,share,ci_low,ci_high,hits,hits_per_10k_words
  lateness,concern,2015,1,1,1.000,0.207,1.000,1,625.00
  lateness,concern,2016,0,1,0.000,0.000,0.793,0,0.00
  lateness,concern,2017,1,1,1.000,0.207,1.000,1,1250.00
  $ themetrack trend --db q.db --theme household --polarity strength
  documents with each theme \(strength\) by year; tag run 1, rule set [0-9a-f]+, finished [0-9TZ:-]+ (re)
  
  theme   polarity  group  docs_with  docs_total  share  ci_low  ci_high  hits  hits_per_10k_words
  hazard  strength  2015           0           2  0.000   0.000    0.658     0                0.00
  hazard  strength  2016           0           1  0.000   0.000    0.793     0                0.00
  hazard  strength  2017           0           2  0.000   0.000    0.658     0                0.00

CSV is RFC 4180: every line, the header too, ends in CR LF.

  $ themetrack trend --db q.db --theme hazard --format csv 2>/dev/null | tr -cd '\r' | wc -c
  4

Compare: Fisher exact on documents, BH across rows, new when none before.

  $ themetrack compare --db q.db --from 2015 --to 2016..2017 --format csv | tr -d '\r'
  themetrack: documents with each theme \(concern\): 2015 \(a, 2 documents\) against 2016\.\.2017 \(b, 3 documents\); tag run 1, rule set [0-9a-f]+, finished [0-9TZ:-]+ (re)
  theme,polarity,docs_a,total_a,share_a,docs_b,total_b,share_b,diff,p_value,q_value,direction
  hazard,concern,0,2,0.000,1,3,0.333,0.333,1,1,new
  kids_voice,concern,1,2,0.500,2,3,0.667,0.167,1,1,flat
  lateness,concern,1,2,0.500,2,3,0.667,0.167,1,1,flat
  $ themetrack compare --db q.db --from 2015 --to 2017 --theme hazard --format json 2>/dev/null
  [
  {"theme":"hazard","polarity":"concern","docs_a":0,"total_a":2,"share_a":0.000,"docs_b":1,"total_b":2,"share_b":0.500,"diff":0.500,"p_value":1,"q_value":1,"direction":"new"}
  ]

Co-occurrence of any polarity, by document and by sentence.

  $ themetrack cooccur --db q.db --polarity any --format csv 2>/dev/null | tr -d '\r'
  theme_a,theme_b,both,units_a,units_b,units,jaccard,lift,p_value,q_value
  kids_voice,lateness,2,4,3,5,0.400,0.83,1,1
  lateness,hazard,1,3,1,5,0.333,1.67,1,1
  kids_voice,hazard,1,4,1,5,0.250,1.25,1,1
  $ themetrack cooccur --db q.db --polarity any --level sentence --format csv 2>/dev/null | tr -d '\r'
  theme_a,theme_b,both,units_a,units_b,units,jaccard,lift,p_value,q_value
  kids_voice,lateness,1,4,3,17,0.167,1.42,1,1

KWIC: the sentences behind a theme (group household = hazard), or a pattern.

  $ themetrack kwic --db q.db --theme household --format csv 2>/dev/null | tr -d '\r'
  authority,year,title,section,left,match,right,theme,polarity,actor,rule,hit_id,sentence_id
  Castlemere,2017,Audit 2017,Audit 2017 > Findings,The ,house fire,was not reported.,hazard,concern,,hazard.fire,8,17
  $ themetrack kwic --db q.db --theme lateness --year 2017 --width 12 --format csv 2>/dev/null | tr -d '\r'
  authority,year,title,section,left,match,right,theme,polarity,actor,rule,hit_id,sentence_id
  Castlemere,2017,Audit 2017,Audit 2017 > Findings,There was ,drift,in the plan,lateness,concern,,late.delay,6,16
  Northmoor,2017,Audit 2017,Audit 2017 > Findings,There was ,drift,in every ca,lateness,concern,,late.delay,4,10
  $ themetrack kwic --db q.db --pattern '\bdrift\b in (?:the|every)' --format csv | tr -d '\r'
  authority,year,title,section,left,match,right,theme,polarity,actor,rule,hit_id,sentence_id
  Castlemere,2017,Audit 2017,Audit 2017 > Findings,There was ,drift in the,plan; the views of the children were mi,,,,,,16
  Northmoor,2017,Audit 2017,Audit 2017 > Findings,There was ,drift in every,case.,,,,,,10
  $ themetrack kwic --db q.db --pattern 'CHILDREN were' --limit 1 --format csv | tr -d '\r'
  themetrack: stopped at --limit 1 rows
  authority,year,title,section,left,match,right,theme,polarity,actor,rule,hit_id,sentence_id
  Castlemere,2015,Audit 2015,Audit 2015 > Findings,The views of the ,children were,recorded well.,,,,,,13

Explain: the hit, its rule, trigger and the cue that decided it.

  $ id=$(themetrack kwic --db q.db --theme hazard --format csv 2>/dev/null | tail -n 1 | cut -d, -f12)
  $ themetrack explain --db q.db --rules $R "$id" --format csv | tr -d '\r' | grep -E '^(theme|polarity|match|rule|decided by|trigger|reproduces),' | tr -d '\r'
  theme,hazard
  polarity,concern
  match,"""house fire"" at bytes 4-14"
  rule,hazard.fire
  decided by,"the negation cue ""was not"""
  trigger,"'house fires?|fire risk' = ""house fire"""
  reproduces,yes: the trigger matches and every condition is met

Errors name the problem and exit 2.

  $ themetrack compare --db q.db --from 2015
  themetrack: compare: give both --from PERIOD and --to PERIOD; see 'themetrack compare --help'
  [2]
  $ themetrack compare --db q.db --from 2015..2016 --to 2016
  themetrack: compare: --from '2015..2016' and --to '2016' share 2016; the periods must not overlap; see 'themetrack compare --help'
  [2]
  $ themetrack compare --db q.db --from 2019 --to 2015
  themetrack: compare: no tagged documents in --from '2019'; 'themetrack stats' lists the years stored
  [2]
  $ themetrack trend --db q.db --year 16
  themetrack: trend: --year: bad period '16' at '16'; give a year (2016), a range (2015..2017) or a list (2015,2017) of years 1900-2100; see 'themetrack trend --help'
  [2]
  $ themetrack trend --db q.db --theme kid_voice
  themetrack: trend: unknown theme or group 'kid_voice'; did you mean 'kids_voice'?
  [2]
  $ themetrack trend --db q.db --by colour
  themetrack: trend: unknown --by 'colour'; use year, authority, type or actor; see 'themetrack trend --help'
  [2]
  $ themetrack trend --db q.db --polarity bad
  themetrack: trend: unknown polarity 'bad'; use concern, strength, mention or any; see 'themetrack trend --help'
  [2]
  $ themetrack kwic --db q.db
  themetrack: kwic: give either --theme ID or --pattern RE; see 'themetrack kwic --help'
  [2]
  $ themetrack kwic --db q.db --theme hazard --pattern fire
  themetrack: kwic: give either --theme ID or --pattern RE; see 'themetrack kwic --help'
  [2]
  $ themetrack kwic --db q.db --pattern 'fire('
  themetrack: kwic: --pattern: bad pattern at column 6: missing closing parenthesis
  [2]
  $ themetrack kwic --db q.db --pattern 'x*'
  themetrack: kwic: --pattern: pattern 'x*' matches the empty string; make it require at least one character
  [2]
  $ themetrack kwic --db q.db --pattern fire --polarity concern
  themetrack: kwic: --polarity and --actor select hits; use them with --theme; see 'themetrack kwic --help'
  [2]
  $ themetrack explain --db q.db 999
  themetrack: explain: no hit 999 in the current tag run of 'q.db'; 'themetrack kwic' lists hit ids
  [2]
  $ themetrack explain --db q.db abc
  themetrack: explain: bad HIT_ID 'abc'; give the number from the hit_id column; see 'themetrack explain --help'
  [2]
  $ themetrack trend --db missing.db
  themetrack: missing.db: no such database; create it with 'themetrack ingest'
  [2]

Grades: a distribution stated in prose; an inspection judgement gives none.

  $ printf '# QA report 2016\n\nOf the 8 cases audited, 2 were good, 5 required improvement and 1 was inadequate.\nThe overall effectiveness of services is good.\n' > grades-2016.md
  $ themetrack ingest -q --db g.db --rules $R --authority Northmoor --year 2016 grades-2016.md
  $ themetrack grades --db g.db --format csv | tr -d '\r'
  authority,year,title,label,scope,outstanding,good,requires_improvement,inadequate,total,total_from,sentence_id,evidence
  Northmoor,2016,QA report 2016,,document,0,2,5,1,8,stated,2,"Of the 8 cases audited, 2 were good, 5 required improvement and 1 was inadequate."
  $ themetrack grades --db g.db --by year --format csv | tr -d '\r'
  year,documents,incomplete,outstanding,good,requires_improvement,inadequate,total,share_good_or_better,share_inadequate
  2016,1,0,0,2,5,1,8,0.250,0.125
  $ themetrack grades --db g.db --theme hazard
  themetrack: grades: grades are read from the text, not from theme hits; --theme, --polarity and --actor do not apply; see 'themetrack grades --help'
  [2]

Emerging, uncovered and recurring: their headers and their errors.

  $ themetrack emerging --db q.db --rules $R --recent 2017 --themes --format csv 2>/dev/null | tr -d '\r'
  theme,polarity,docs_baseline,total_baseline,share_baseline,docs_recent,total_recent,share_recent,diff,p_value,q_value,status
  hazard,concern,0,3,0.000,1,2,0.500,0.500,0.4,0.6,new
  $ themetrack emerging --db q.db --rules $R --recent 2017 --terms --min-docs 1 --format csv 2>/dev/null | tr -d '\r'
  term,words,docs_recent,docs_baseline,freq_recent,freq_baseline,g2,log_ratio,covered_by,stems
  $ themetrack emerging --db q.db --rules $R --recent 2017 --format csv
  themetrack: emerging: with csv or json, choose --themes or --terms (one table per run); see 'themetrack emerging --help'
  [2]
  $ themetrack emerging --db q.db --rules $R --baseline 2015
  themetrack: emerging: give the recent period with --recent PERIOD; see 'themetrack emerging --help'
  [2]
  $ themetrack emerging --db q.db --rules $R --recent 2016 --baseline 2015..2016
  themetrack: emerging: --baseline and --recent share 2016; the periods must not overlap; see 'themetrack emerging --help'
  [2]
  $ themetrack emerging --db q.db --rules $R --recent 2014 --themes
  themetrack: emerging: no tagged documents in the recent period '2014'; 'themetrack stats' lists the years stored
  [2]
  $ themetrack uncovered --db q.db --rules $R --format csv 2>/dev/null | tr -d '\r' | head -n 1
  group,sentences,documents,years,example,sentence_ids
  $ themetrack uncovered --db q.db --rules $R --sentences --format csv 2>/dev/null | tr -d '\r' | head -n 1
  group,authority,year,title,section,signals,sentence,sentence_id
  $ themetrack uncovered --db q.db --rules $R --theme hazard
  themetrack: uncovered: uncovered lists sentences with no theme; --theme, --polarity and --actor do not apply; see 'themetrack uncovered --help'
  [2]
  $ themetrack recurring --db q.db --rules $R --format csv 2>/dev/null | tr -d '\r' | head -n 1
  chain,years,authorities,recommendation,year,authority,title,section,themes,similarity,sentence,sentence_id
  $ themetrack recurring --db q.db --rules $R --min-similarity 2
  themetrack: recurring: bad --min-similarity '2'; give a number above 0 and at most 1; see 'themetrack recurring --help'
  [2]

Report and exports: what they refuse.

  $ themetrack report --db q.db --rules $R --polarity concern
  themetrack: report: the report shows concerns and every polarity's evidence; --polarity, --actor and --format do not apply; see 'themetrack report --help'
  [2]
  $ themetrack report --db q.db --rules $R --year 2030
  themetrack: report: no tagged documents match; 'themetrack stats' shows what is stored
  [2]
  $ themetrack report --db q.db --rules $R -o r.html 2>&1 | sed 's/, [0-9]* kB)/, N kB)/'
  themetrack: wrote r.html (5 documents, N kB)
  $ themetrack export --db q.db
  themetrack: export: say what to export: codebook or segments; see 'themetrack export --help'
  [2]
  $ themetrack export --db q.db codebook --theme hazard
  themetrack: export: the codebook is the whole rule set; filters and --format do not apply; see 'themetrack export --help'
  [2]
  $ themetrack export --db q.db segments --rules $R
  themetrack: export: segments come from the database; --rules does not apply; see 'themetrack export --help'
  [2]
  $ themetrack export --db q.db segments --format json
  themetrack: export: unknown format 'json'; use csv or jsonl; see 'themetrack export --help'
  [2]
  $ themetrack export --db q.db segments --theme hazard | tr -d '\r'
  document,authority,year,title,section,sentence_id,sentence,start,end,match,theme,polarity,rule,ruleset,hit_id
  castle-2017.md,Castlemere,2017,Audit 2017,Audit 2017 > Findings,17,The house fire was not reported.,4,14,house fire,hazard,concern,hazard.fire,d2e4db46d263bea8ad6b85d6e519d31afa650935b67d5a9c0ccf14ebd116632f,8

A store with no tag run, and documents the current run has not tagged:

  $ themetrack ingest -q --db n.db --no-tag north-2015.md
  $ themetrack trend --db n.db
  themetrack: trend: 'n.db' has no finished tag run; run 'themetrack tag --db n.db' first
  [2]
  $ cp north-2017.md east-2017.md
  $ themetrack ingest -q --db q.db --no-tag --year 2017 --authority Eastham east-2017.md
  $ themetrack trend --db q.db --theme lateness --year 2017 --format csv | tr -d '\r'
  themetrack: warning: 1 document not tagged by the current run is left out; run 'themetrack tag' to include it
  themetrack: documents with each theme \(concern\) by year; tag run 1, rule set [0-9a-f]+, finished [0-9TZ:-]+ (re)
  theme,polarity,group,docs_with,docs_total,share,ci_low,ci_high,hits,hits_per_10k_words
  lateness,concern,2017,2,2,1.000,0.342,1.000,2,689.66
