Bad input to ingest: each case gets a clear message and a documented exit
status, and nothing already stored is lost.

  $ printf 'Fathers were seen in every case.\n' > good.txt
  $ themetrack ingest --no-tag --quiet --db t.db --year 2016 good.txt

An empty (or blank) file is skipped; with nothing else to ingest, exit 2:

  $ printf '' > empty.txt
  $ themetrack ingest --no-tag --db t.db --year 2016 empty.txt
  themetrack: warning: empty.txt: empty file, skipped
  themetrack: 1 document: 0 added, 0 unchanged, 0 replaced, 1 skipped; 0 sentences, 0 words in .* (re)
  [2]

  $ printf '  \n\n\t\n' > blank.md
  $ themetrack ingest --no-tag --db t.db --year 2016 blank.md 2>&1 | head -n 1
  themetrack: warning: blank.md: empty file, skipped

A binary file (NUL bytes) is skipped:

  $ printf 'PK\003\004\000\000binary' > report.txt
  $ themetrack ingest --no-tag --db t.db --year 2016 report.txt
  themetrack: warning: report.txt: binary file (NUL byte at offset 4), skipped
  themetrack: 1 document: 0 added, 0 unchanged, 0 replaced, 1 skipped; 0 sentences, 0 words in .* (re)
  [2]

Skipped files beside good ones are warnings (exit 0), or errors with --strict:

  $ themetrack ingest --no-tag --db t.db --year 2016 good.txt report.txt
  themetrack: warning: report.txt: binary file (NUL byte at offset 4), skipped
  themetrack: 2 documents: 0 added, 1 unchanged, 0 replaced, 1 skipped; 0 sentences, 0 words in .* (re)
  $ themetrack ingest --no-tag --strict --quiet --db t.db --year 2016 good.txt report.txt
  [2]

Invalid UTF-8 is replaced with U+FFFD, with the byte offset, and stored:

  $ printf 'The plan was not reviewed \377 on time.\n' > latin.txt
  $ themetrack ingest --no-tag --db t.db --year 2016 latin.txt
  themetrack: warning: latin.txt: invalid UTF-8 at byte 26, replaced with U+FFFD
  themetrack: 1 document: 1 added, 0 unchanged, 0 replaced, 0 skipped; 1 sentences, 7 words in .* (re)
  $ sqlite3 t.db "SELECT text FROM sentences WHERE text LIKE 'The plan%'" | grep -c "reviewed $(printf '\357\277\275') on"
  1

A folder with no readable files:

  $ mkdir nothing && touch nothing/data.csv nothing/.hidden.md
  $ themetrack ingest --no-tag --db t.db nothing
  themetrack: nothing: no .txt, .md or .pdf files found
  [2]

A path that does not exist:

  $ themetrack ingest --no-tag --db t.db missing.md
  themetrack: missing.md: No such file or directory
  [2]

A manifest naming a missing file, or with a bad year, is refused before the
database is touched:

  $ printf 'file,authority,year,audit_type,title\ngood.txt,A,2016,qa,T\nnope.md,A,2016,qa,T\n' > m1.csv
  $ themetrack ingest --no-tag --db t.db --manifest m1.csv
  themetrack: m1.csv:3:1: file 'nope.md' not found (looked for 'nope.md'); paths are relative to the manifest
  [2]
  $ printf 'file,authority,year,audit_type,title\ngood.txt,A,2016/2017,qa,T\n' > m2.csv
  $ themetrack ingest --no-tag --db t.db --manifest m2.csv
  themetrack: m2.csv:2:12: bad year '2016/2017'; use a year such as 2016 (and a period such as 2016-17 in the 'period' column)
  [2]
  $ printf 'file,authority,year\n"good.txt,A,2016\n' > m3.csv
  $ themetrack ingest --no-tag --db t.db --manifest m3.csv
  themetrack: m3.csv:2:1: unterminated quoted field; close it with '"'
  [2]

A database that cannot be created (a read-only place), and a file that is
not a database, both leave things as they were:

  $ themetrack ingest --no-tag --db /proc/themetrack-test.db good.txt
  themetrack: /proc/themetrack-test.db: cannot open database: unable to open database file; check that the directory exists and is writable
  [1]
  $ printf 'minutes of the board meeting, not a database at all, really not\n' > notes.db
  $ themetrack ingest --no-tag --db notes.db good.txt
  themetrack: notes.db: cannot read database: file is not a database; it is not a SQLite database, choose another file with --db
  [2]
  $ cat notes.db
  minutes of the board meeting, not a database at all, really not

What was stored before is still there:

  $ sqlite3 t.db "SELECT count(*) FROM documents"
  2
