themetrack rules check|test|list on the test rule set (tests/rules-test),
then bad rule sets: each is refused whole with file:line:col and exit 2.

  $ themetrack rules check --rules $SRC/tests/rules-test/rules | sed "s#$SRC/##"
  tests/rules-test/rules: 6 themes, 1 group, 8 rules, 30 examples, 6 files, 19 lexicons
  version [0-9a-f]+ (re)
  $ themetrack rules test --rules $SRC/tests/rules-test/rules
  30 examples: 30 passed, 0 failed
  $ themetrack rules list --rules $SRC/tests/rules-test/rules
  theme        label              groups     rules  examples
  kids_voice   Voice of the kids                 2        13
  lateness     Lateness                          1         5
  hazard       Hazards at home    household      1         4
  male_carers  Male carers                       2         3
  tooling      Assessment tools                  1         4
  glossary     Glossary                          1         1
  $ themetrack rules list --format csv --rules $SRC/tests/rules-test/rules | tr -d '\r'
  theme,label,groups,rules,examples
  kids_voice,Voice of the kids,,2,13
  lateness,Lateness,,1,5
  hazard,Hazards at home,household,1,4
  male_carers,Male carers,,2,3
  tooling,Assessment tools,,1,4
  glossary,Glossary,,1,1

A failing example: rules test prints the rule, the place, expected and
actual, and exits 1.

  $ mkdir -p t1/rules && ln -s $SRC/tests/rules-test/lexicons t1/lexicons
  $ cp $SRC/tests/rules-test/rules/00-themes.rules t1/rules/
  $ printf 'rule r1\n  theme lateness\n  sense deficit\n  trigger delay\n  example strength "There was a delay."\n  example none "No delay."\n' > t1/rules/a.rules
  $ themetrack rules test --quiet --rules t1/rules
  2 examples: 0 passed, 2 failed
  [1]
  $ themetrack rules test --rules t1/rules
  FAIL t1/rules/a.rules:5: rule r1, theme lateness: expected strength, got concern
       "There was a delay."
  FAIL t1/rules/a.rules:6: rule r1, theme lateness: expected none, got strength
       "No delay."
  2 examples: 0 passed, 2 failed
  [1]

Usage errors.

  $ themetrack rules
  themetrack: rules: missing subcommand; use check, test, list or export; see 'themetrack rules --help'
  [2]
  $ themetrack rules chek --rules t1/rules
  themetrack: rules: unknown subcommand 'chek'; did you mean 'check'?
  [2]
  $ themetrack rules check --rules nowhere
  themetrack: cannot open rules directory 'nowhere': No such file or directory
  [2]
  $ themetrack rules check extra --rules t1/rules
  themetrack: rules: unexpected argument 'extra'; see 'themetrack rules --help'
  [2]

Bad rule sets. A helper writes one file into a fresh set and checks it.

  $ bad() { rm -rf b && mkdir -p b/rules && ln -s $SRC/tests/rules-test/lexicons b/lexicons && cp $SRC/tests/rules-test/rules/00-themes.rules b/rules/ && printf "$1" > b/rules/x.rules && themetrack rules check --rules b/rules; }
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger {delays}\n'
  themetrack: b/rules/x.rules:4:11: unknown lexicon 'delays'
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger {Kids}\n'
  themetrack: b/rules/x.rules:4:11: bad lexicon name 'Kids'; names are lower-case letters, digits and '_'; did you mean 'kids'?
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger late(ness\n'
  themetrack: b/rules/x.rules:4:20: bad pattern: missing closing parenthesis
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger {kids} a{2,1}\n'
  themetrack: b/rules/x.rules:4:19: bad pattern: numbers out of order in {} quantifier
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger late|x?\n'
  themetrack: b/rules/x.rules:4:11: pattern can match the empty string
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger \\b\n'
  themetrack: b/rules/x.rules:4:11: pattern can match the empty string
  [2]
  $ bad 'rule r\n  theme latenes\n  sense deficit\n  trigger late\n'
  themetrack: b/rules/x.rules:2:9: unknown theme 'latenes'; did you mean 'lateness'?
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigerr late\n'
  themetrack: b/rules/x.rules:4:3: unknown keyword 'trigerr'; did you mean 'trigger'?
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficits\n  trigger late\n'
  themetrack: b/rules/x.rules:3:9: unknown sense 'deficits'; expected practice, deficit or risk; did you mean 'deficit'?
  [2]
  $ bad 'rule r\n  theme lateness\n  trigger late\n'
  themetrack: b/rules/x.rules:1:6: rule 'r' needs 'sense' or 'polarity'
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n'
  themetrack: b/rules/x.rules:1:6: rule 'r' has no 'trigger'
  [2]
  $ bad 'rule r\n  sense deficit\n  trigger late\n'
  themetrack: b/rules/x.rules:1:6: rule 'r' has no 'theme'
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  polarity concern\n  trigger late\n'
  themetrack: b/rules/x.rules:4:3: rule 'r' has both 'sense' and 'polarity'; keep one
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger late\n  example positive "It was late."\n'
  themetrack: b/rules/x.rules:5:11: unknown example result 'positive'; expected concern, strength, mention or none
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger late\n  example concern "It was late.\n'
  themetrack: b/rules/x.rules:5:19: unterminated string
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger late\n  example concern "late" under\n'
  themetrack: b/rules/x.rules:5:31: missing string after 'under'
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger late\nrule r\n  theme lateness\n  sense deficit\n  trigger late\n'
  themetrack: b/rules/x.rules:5:6: duplicate rule 'r' (first at b/rules/x.rules:1:6)
  [2]
  $ bad 'theme lateness\n  label "Late"\n  describe "again"\n'
  themetrack: b/rules/x.rules:1:7: duplicate theme 'lateness' (first at b/rules/00-themes.rules:11:7)
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  near 0 late\n  trigger late\n'
  themetrack: b/rules/x.rules:4:8: bad distance '0'; expected a number of words from 1 to 100
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  not far 3 late\n  trigger late\n'
  themetrack: b/rules/x.rules:4:7: expected 'near' after 'not'
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger late ~ engage\n'
  themetrack: b/rules/x.rules:4:16: '~' must be followed by a word (write '\~' for a tilde)
  [2]
  $ bad '  theme lateness\n'
  themetrack: b/rules/x.rules:1:3: 'theme' must start in column 1
  [2]
  $ bad 'trigger late\n'
  themetrack: b/rules/x.rules:1:1: 'trigger' must be indented under a block
  [2]
  $ bad 'rules r\n'
  themetrack: b/rules/x.rules:1:1: unknown keyword 'rules'; did you mean 'rule'?
  [2]
  $ bad 'rule R\n'
  themetrack: b/rules/x.rules:1:6: bad rule id 'R'; use lower-case letters, digits and '_', '.' or '-'
  [2]
  $ bad 'theme t\n  label "T"\n  describe "d"\n  group nogroup\n'
  themetrack: b/rules/x.rules:4:9: unknown group 'nogroup'; declare it with a 'group' block
  [2]
  $ bad 'theme t\n  label "T" extra\n  describe "d"\n'
  themetrack: b/rules/x.rules:2:13: unexpected 'extra' after the string
  [2]
  $ bad 'theme t\n  label "T\\q"\n  describe "d"\n'
  themetrack: b/rules/x.rules:2:11: unknown escape in string; only \" and \\ are allowed
  [2]
  $ bad 'theme t\n  label "T"\n  trigger x\n'
  themetrack: b/rules/x.rules:3:3: 'trigger' is not allowed in a theme block (only in a rule)
  [2]
  $ bad 'group hazard\n  label "G"\n'
  themetrack: b/rules/x.rules:1:7: group 'hazard' has the id of a theme (b/rules/00-themes.rules:15:7)
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger caf\351\n'
  themetrack: b/rules/x.rules:4:14: invalid UTF-8
  [2]
  $ bad 'rule r\n  theme lateness\n  sense deficit\n  trigger caf\303\251 (?<=a+)b\n'
  themetrack: b/rules/x.rules:4:16: bad pattern: lookbehind assertion is not fixed length
  [2]

Export: every rule's trigger as compiled, one a line, for pcre2grep -f and
rg -P -f; lexicons are expanded, so no {name} is left.

  $ themetrack rules export --format pcre --rules $SRC/tests/rules-test/rules 2>/dev/null | grep -c .
  5
  $ themetrack rules export --format pcre --rules $SRC/tests/rules-test/rules 2>/dev/null | grep -c '[{][a-z_~]*[}]'
  0
  [1]
  $ themetrack rules export --format pcre --rules $SRC/tests/rules-test/rules 2>/dev/null | grep -F 'house fires?'
  house fires?|fire risk
  $ themetrack rules export --rules $SRC/tests/rules-test/rules
  themetrack: rules: export needs --format pcre; see 'themetrack rules --help'
  [2]
  $ themetrack rules list --format pcre --rules $SRC/tests/rules-test/rules
  themetrack: rules: --format pcre is for export; see 'themetrack rules --help'
  [2]
