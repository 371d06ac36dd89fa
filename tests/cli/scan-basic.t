themetrack scan: tag text with a rule set and print the hits, no database.
These use the test rule set in tests/rules-test.

  $ R=$SRC/tests/rules-test/rules
  $ cat > s.txt <<'END'
  > The children were not spoken to in 4 of the 6 cases.
  > The children were clearly heard; the young people were not seen.
  > No delay was found, but drift was evident in two of the ten audits.
  > The fire risk in the home had reduced since the police became involved.
  > The C.A.F. was used effectively and the step-fathers were fully involved.
  > Only one of the fathers was assessed.
  > Partners to ensure that children are seen alone.
  > A briefing on drift was held.
  > Nothing to see here.
  > END

One unit per line with --lines; start and end are byte offsets in the line.

  $ themetrack scan --rules $R --lines s.txt
  unit	theme	polarity	rule	start	end	match
  1	kids_voice	concern	kids.heard	4	12	children
  2	kids_voice	strength	kids.heard	4	12	children
  2	kids_voice	concern	kids.heard	37	49	young people
  3	lateness	strength	late.delay	3	8	delay
  3	lateness	concern	late.delay	24	29	drift
  4	hazard	strength	hazard.fire	4	13	fire risk
  5	tooling	strength	tools.used	4	10	C.A.F.
  5	male_carers	strength	carers.involved	40	52	step-fathers
  6	male_carers	concern	carers.involved	16	23	fathers
  7	kids_voice	concern	kids.heard	24	32	children
  8	lateness	mention	late.delay	14	19	drift
  $ themetrack scan --rules $R --lines --format csv s.txt | tr -d '\r'
  unit,theme,polarity,rule,start,end,match
  1,kids_voice,concern,kids.heard,4,12,children
  2,kids_voice,strength,kids.heard,4,12,children
  2,kids_voice,concern,kids.heard,37,49,young people
  3,lateness,strength,late.delay,3,8,delay
  3,lateness,concern,late.delay,24,29,drift
  4,hazard,strength,hazard.fire,4,13,fire risk
  5,tooling,strength,tools.used,4,10,C.A.F.
  5,male_carers,strength,carers.involved,40,52,step-fathers
  6,male_carers,concern,carers.involved,16,23,fathers
  7,kids_voice,concern,kids.heard,24,32,children
  8,lateness,mention,late.delay,14,19,drift
  $ themetrack scan --rules $R --lines --format jsonl s.txt
  {"unit":"1","theme":"kids_voice","polarity":"concern","rule":"kids.heard","start":4,"end":12,"match":"children","sentence":"The children were not spoken to in 4 of the 6 cases.","section":null,"proportion":{"num":4,"den":6},"actor":null,"cue":"were not","cue_kind":"negation"}
  {"unit":"2","theme":"kids_voice","polarity":"strength","rule":"kids.heard","start":4,"end":12,"match":"children","sentence":"The children were clearly heard; the young people were not seen.","section":null,"proportion":null,"actor":null,"cue":"clearly","cue_kind":"evaluative"}
  {"unit":"2","theme":"kids_voice","polarity":"concern","rule":"kids.heard","start":37,"end":49,"match":"young people","sentence":"The children were clearly heard; the young people were not seen.","section":null,"proportion":null,"actor":null,"cue":"were not","cue_kind":"negation"}
  {"unit":"3","theme":"lateness","polarity":"strength","rule":"late.delay","start":3,"end":8,"match":"delay","sentence":"No delay was found, but drift was evident in two of the ten audits.","section":null,"proportion":null,"actor":null,"cue":"No","cue_kind":"negation"}
  {"unit":"3","theme":"lateness","polarity":"concern","rule":"late.delay","start":24,"end":29,"match":"drift","sentence":"No delay was found, but drift was evident in two of the ten audits.","section":null,"proportion":{"num":2,"den":10},"actor":null,"cue":"two of the ten","cue_kind":"proportion"}
  {"unit":"4","theme":"hazard","polarity":"strength","rule":"hazard.fire","start":4,"end":13,"match":"fire risk","sentence":"The fire risk in the home had reduced since the police became involved.","section":null,"proportion":null,"actor":"police","cue":"reduced","cue_kind":"evaluative"}
  {"unit":"5","theme":"tooling","polarity":"strength","rule":"tools.used","start":4,"end":10,"match":"C.A.F.","sentence":"The C.A.F. was used effectively and the step-fathers were fully involved.","section":null,"proportion":null,"actor":"fathers","cue":"effectively","cue_kind":"evaluative"}
  {"unit":"5","theme":"male_carers","polarity":"strength","rule":"carers.involved","start":40,"end":52,"match":"step-fathers","sentence":"The C.A.F. was used effectively and the step-fathers were fully involved.","section":null,"proportion":null,"actor":null,"cue":"fully","cue_kind":"evaluative"}
  {"unit":"6","theme":"male_carers","polarity":"concern","rule":"carers.involved","start":16,"end":23,"match":"fathers","sentence":"Only one of the fathers was assessed.","section":null,"proportion":{"num":1,"den":null},"actor":null,"cue":"Only one","cue_kind":"proportion"}
  {"unit":"7","theme":"kids_voice","polarity":"concern","rule":"kids.heard","start":24,"end":32,"match":"children","sentence":"Partners to ensure that children are seen alone.","section":null,"proportion":null,"actor":"Partners","cue":"Partners to","cue_kind":"recommendation"}
  {"unit":"8","theme":"lateness","polarity":"mention","rule":"late.delay","start":14,"end":19,"match":"drift","sentence":"A briefing on drift was held.","section":null,"proportion":null,"actor":null,"cue":"briefing","cue_kind":"mention"}

Standard input, with '-' or no file at all:

  $ echo 'There was a delay.' | themetrack scan --rules $R --lines -
  unit	theme	polarity	rule	start	end	match
  1	lateness	concern	late.delay	12	17	delay
  $ echo 'There was a delay.' | themetrack scan --rules $R --lines
  unit	theme	polarity	rule	start	end	match
  1	lateness	concern	late.delay	12	17	delay

Offsets are bytes of the original text, even after multi-byte characters
(the dash and the quotes are folded for matching, not in the output):

  $ printf 'Caf\303\251 \342\200\224 \342\200\234the children\342\200\235 were not heard.\n' | themetrack scan --rules $R --lines
  unit	theme	polarity	rule	start	end	match
  1	kids_voice	concern	kids.heard	17	25	children

Without --lines the document is segmented: units are FILE:SENTENCE, and a
list item takes its polarity from the heading above it.

  $ cat > d.md <<'END'
  > # Audit of practice
  > 
  > ## What went well
  > 
  > - Views of the children
  > 
  > ## Areas for development
  > 
  > - Views of the children
  > - Information sharing was good but there was drift in some cases.
  > END
  $ themetrack scan --rules $R d.md
  unit	theme	polarity	rule	start	end	match
  d.md:3	kids_voice	strength	kids.views.absent	0	21	Views of the children
  d.md:5	kids_voice	concern	kids.views.absent	0	21	Views of the children
  d.md:6	lateness	concern	late.delay	43	48	drift
  $ themetrack scan --rules $R --format jsonl d.md | grep -o '"section":"[^"]*"'
  "section":"Audit of practice > What went well"
  "section":"Audit of practice > Areas for development"
  "section":"Audit of practice > Areas for development"

Several files with --lines: units are FILE:LINE.

  $ echo 'There was drift.' > a.txt
  $ themetrack scan --rules $R --lines a.txt s.txt | head -n 3
  unit	theme	polarity	rule	start	end	match
  a.txt:1	lateness	concern	late.delay	10	15	drift
  s.txt:1	kids_voice	concern	kids.heard	4	12	children

Errors: a bad format is a usage error; a missing file fails the run (exit 1)
after the other files are scanned; a bad rule set is refused (exit 2).

  $ themetrack scan --rules $R --format xml s.txt
  themetrack: scan: unknown format 'xml'; use csv, tsv or jsonl; see 'themetrack scan --help'
  [2]
  $ themetrack scan --rules $R --lines missing.txt a.txt
  themetrack: missing.txt: cannot open: No such file or directory
  unit	theme	polarity	rule	start	end	match
  a.txt:1	lateness	concern	late.delay	10	15	drift
  [1]
  $ mkdir -p bad/rules && ln -s $SRC/tests/rules-test/lexicons bad/lexicons
  $ printf 'rule x\n  theme nothing\n  sense risk\n  trigger fire\n' > bad/rules/x.rules
  $ themetrack scan --rules bad/rules s.txt
  themetrack: bad/rules/x.rules:2:9: unknown theme 'nothing'
  [2]
