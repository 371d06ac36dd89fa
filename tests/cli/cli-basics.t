The command line: help, version, unknown commands and options.

  $ themetrack --help | head -n 1
  usage: themetrack COMMAND [options]

  $ themetrack --help | grep -c '^  ingest '
  1

  $ themetrack ingest --help | head -n 1
  usage: themetrack ingest [options] PATH...

  $ themetrack ingest --help | grep -A 2 '^example:'
  example:
    themetrack ingest --db audits.db --manifest corpora/sample/manifest.csv
    themetrack ingest --db audits.db --authority Northmoor --year 2016 reports/

  $ themetrack --version
  themetrack [0-9]+\.[0-9]+\.[0-9]+ (re)
  PCRE2 10\.[0-9]+.* (re)
  SQLite 3\.[0-9.]+ (re)
  Snowball libstemmer .* (re)

Unknown commands and options name the nearest valid spelling and exit 2:

  $ themetrack ingets
  themetrack: unknown command 'ingets'; did you mean 'ingest'?
  [2]

  $ themetrack ingest --manifset m.csv
  themetrack: ingest: unknown option '--manifset'; did you mean '--manifest'?
  [2]

  $ themetrack ingest -Z x
  themetrack: ingest: unknown option '-Z'; see 'themetrack ingest --help'
  [2]

  $ themetrack ingest --db
  themetrack: ingest: option '--db' needs an argument; see 'themetrack ingest --help'
  [2]

  $ themetrack ingest --jobs 0 x
  themetrack: ingest: bad --jobs '0'; give a number from 1 to 256; see 'themetrack ingest --help'
  [2]

  $ themetrack ingest --year twenty x
  themetrack: ingest: bad year 'twenty'; use a year such as 2016 or a period such as 2016-17; see 'themetrack ingest --help'
  [2]

  $ themetrack ingest
  themetrack: ingest: nothing to ingest; give files, folders or --manifest; see 'themetrack ingest --help'
  [2]

Without a command, the usage goes to stderr and the status is 2:

  $ themetrack 2>&1 >/dev/null | head -n 4
  usage: themetrack COMMAND [options]
  
  Tags practice themes in safeguarding audit reports and tracks them
  across audits, years and authorities.
  $ themetrack 2>/dev/null
  [2]
