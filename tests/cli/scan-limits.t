Bounded cost: a rule whose pattern backtracks catastrophically hits the
PCRE2 match limit; that match is skipped, the rule is reported once with
the number of units and the first of them, and every other rule still runs.

  $ mkdir -p set/rules && ln -s $SRC/tests/rules-test/lexicons set/lexicons
  $ cp $SRC/tests/rules-test/rules/00-themes.rules set/rules/
  $ cat > set/rules/slow.rules <<'END'
  > rule slow.nested
  >   theme    hazard
  >   sense    risk
  >   trigger  (a+)+$
  > 
  > rule late.delay
  >   theme    lateness
  >   sense    deficit
  >   trigger  delay
  > END
  $ awk 'BEGIN { for (i = 0; i < 3; i++) { s = ""; for (k = 0; k < 5000; k++) s = s "a"; print s "b delay" } print "No delay." }' > long.txt
  $ themetrack scan --rules set/rules --lines long.txt
  unit	theme	polarity	rule	start	end	match
  1	lateness	concern	late.delay	5002	5007	delay
  2	lateness	concern	late.delay	5002	5007	delay
  3	lateness	concern	late.delay	5002	5007	delay
  4	lateness	strength	late.delay	3	8	delay
  themetrack: warning: rule 'slow.nested' exceeded the PCRE2 match limit on 3 units (first: 1); those matches were skipped
