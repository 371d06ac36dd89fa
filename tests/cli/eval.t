eval against a tiny gold file with the test rule set.

  $ R=$SRC/tests/rules-test/rules
  $ printf 'id\ttext\tlabels\n' > g.tsv
  $ printf 's1\tThe children were not spoken to.\tkids_voice:concern\n' >> g.tsv
  $ printf 's2\tThe children were clearly heard.\tkids_voice:strength\n' >> g.tsv
  $ printf 's3\tThere was drift in two cases.\tlateness:concern\n' >> g.tsv
  $ printf 's4\tThe children went to school.\t\n' >> g.tsv
  $ printf 's5\tThe fire risk in the home had reduced.\thazard:concern\n' >> g.tsv
  $ themetrack eval --rules $R --gold g.tsv --format csv | tr -d '\r'
  theme,gold,det_p,det_r,det_f1,pol_p,pol_r,pol_f1,tp,fp,fn,kappa
  kids_voice,2,1.000,1.000,1.000,1.000,1.000,1.000,2,0,0,1.000
  lateness,1,1.000,1.000,1.000,1.000,1.000,1.000,1,0,0,1.000
  hazard,1,1.000,1.000,1.000,0.000,0.000,0.000,0,1,1,0.444
  micro,5,1.000,1.000,1.000,0.750,0.750,0.750,3,1,1,
  macro,3,,,1.000,,,0.667,,,,
  $ themetrack eval --rules $R --gold g.tsv --errors --format json
  [
  {"unit":"s5","error":"FN","label":"hazard:concern","gold":"hazard:concern","predicted":"hazard:strength","text":"The fire risk in the home had reduced."},
  {"unit":"s5","error":"FP","label":"hazard:strength","gold":"hazard:concern","predicted":"hazard:strength","text":"The fire risk in the home had reduced."}
  ]

Thresholds make it a check (exit 1), with the reason:

  $ themetrack eval --rules $R --gold g.tsv --min-f1 0.8 --min-theme-f1 0.5 --min-support 1 > /dev/null
  themetrack: micro theme+polarity F1 0.750 is below --min-f1 0.800
  themetrack: theme 'hazard': theme+polarity F1 0.000 is below --min-theme-f1 0.500
  [1]
  $ themetrack eval --rules $R --gold g.tsv --min-f1 0.7 > /dev/null

Bad gold files are refused with the place to fix:

  $ printf 'id\ttext\tlabels\ns1\tA sentence.\tkids_voice:good\n' > bad.tsv
  $ themetrack eval --rules $R --gold bad.tsv
  themetrack: bad.tsv:2:27: unknown polarity 'good'; expected concern, strength or mention
  [2]
  $ printf 'id\ttext\tlabels\ns1\tA sentence.\tvoice:concern\n' > bad2.tsv
  $ themetrack eval --rules $R --gold bad2.tsv
  themetrack: bad2.tsv:2:16: unknown theme 'voice' in the gold labels; the rule set does not declare it
  [2]
  $ printf 'text\tlabels\n' > bad3.tsv
  $ themetrack eval --rules $R --gold bad3.tsv
  themetrack: bad3.tsv:1:1: expected the header 'id<TAB>text<TAB>labels'
  [2]
  $ themetrack eval --rules $R
  themetrack: eval: give the gold data with --gold FILE.tsv or --gold FOLDER; see 'themetrack eval --help'
  [2]
