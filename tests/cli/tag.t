Tagging through ingest and tag, with the small test rule set: every hit is
stored with its evidence, re-tagging with the same rules is a no-op, a new
rule set starts a new run, and only the latest run's hits are current.

  $ R=$SRC/tests/rules-test/rules
  $ cat > a.md <<'END'
  > # Audit of practice
  > 
  > ## Areas for development
  > 
  > - The children were not spoken to.
  > - There was drift in two cases.
  > END
  $ themetrack ingest --db t.db --rules $R --year 2016 a.md 2>&1 | sed 's/ in [0-9.]*s$//'
  themetrack: 1 document: 1 added, 0 unchanged, 0 replaced, 0 skipped; 4 sentences, 18 words, 2 hits \(rules [0-9a-f]+\) (re)
  $ sqlite3 -separator ' | ' t.db "SELECT theme, polarity, rule, match, cue_kind, section, sentence FROM hit_evidence ORDER BY hit_id"
  kids_voice | concern | kids.heard | children | negation | Audit of practice > Areas for development | The children were not spoken to.
  lateness | concern | late.delay | drift | heading | Audit of practice > Areas for development | There was drift in two cases.

The same rule set again: nothing to do.

  $ themetrack tag --db t.db --rules $R
  themetrack: already tagged with rules [0-9a-f]+ \(run 1, 1 documents, 2 hits\); nothing to do, --force re-tags (re)
  $ themetrack tag --db t.db --rules $R --force 2>&1 | sed 's/ in [0-9.]*s:/:/'
  themetrack: tagged 1 document \(4 sentences\) with rules [0-9a-f]+: run 2 now holds 2 hits over 1 documents (re)
  $ sqlite3 t.db "SELECT id, documents, hits, finished_at IS NOT NULL FROM tag_runs"
  1|1|2|1
  2|1|2|1
  $ sqlite3 t.db "SELECT DISTINCT run_id FROM hits"
  2

A new document joins the current run; one stored untagged is tagged later.

  $ printf 'The fire risk in the home was not assessed.\n' > b.txt
  $ themetrack ingest --quiet --db t.db --rules $R --year 2017 b.txt
  $ sqlite3 t.db "SELECT count(*), max(run_id) FROM hits"
  3|2
  $ printf 'The children were clearly heard.\n' > c.txt
  $ themetrack ingest --quiet --db t.db --no-tag --year 2017 c.txt
  $ sqlite3 t.db "SELECT name FROM documents WHERE tagged_run IS NULL"
  c.txt
  $ themetrack tag --db t.db --rules $R 2>&1 | sed 's/ in [0-9.]*s:/:/'
  themetrack: tagged 1 document \(1 sentences\) with rules [0-9a-f]+: run 2 now holds 4 hits over 3 documents (re)
  $ sqlite3 t.db "SELECT theme, polarity FROM hit_evidence WHERE name = 'c.txt'"
  kids_voice|strength

A changed rule set starts a new run over every document:

  $ cp -r $SRC/tests/rules-test rs2 && echo 'lateness' >> rs2/lexicons/tools.txt
  $ themetrack tag --quiet --db t.db --rules rs2/rules
  $ sqlite3 t.db "SELECT id, documents, hits FROM tag_runs WHERE id = 3"
  3|3|4
  $ sqlite3 t.db "SELECT count(*) FROM rulesets"
  2

A bad rule set is refused before the database is touched:

  $ printf 'rule x\n  theme nothing\n  sense risk\n  trigger fire\n' > rs2/rules/zz.rules
  $ themetrack tag --db t.db --rules rs2/rules
  themetrack: rs2/rules/zz.rules:2:9: unknown theme 'nothing'.* (re)
  [2]
  $ themetrack ingest --db t.db --rules rs2/rules b.txt
  themetrack: rs2/rules/zz.rules:2:9: unknown theme 'nothing'.* (re)
  [2]
  $ sqlite3 t.db "SELECT count(*) FROM tag_runs"
  3

tag needs an existing database:

  $ themetrack tag --db none.db --rules $R
  themetrack: none.db: no such database; create it with 'themetrack ingest'
  [2]
