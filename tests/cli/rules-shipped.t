The shipped rule set (rules/ and lexicons/) loads, and every example in it
passes: capability 7 of the rule language, run by `make test`.

  $ themetrack rules check --rules $SRC/rules | sed "s#$SRC/##"
  rules: 25 themes, [0-9]+ groups?, [0-9]+ rules, [0-9]+ examples, [0-9]+ files, [0-9]+ lexicons (re)
  version [0-9a-f]+ (re)
  $ themetrack rules test --rules $SRC/rules
  [0-9]+ examples: [0-9]+ passed, 0 failed (re)

The 25 theme ids of shared/spec/themes.md, in order, with the toxic trio:

  $ themetrack rules list --format tsv --rules $SRC/rules | cut -f1,3 | sed 's/\t$//; s/\t/ /'
  theme groups
  voice_of_child
  absent_fathers
  disguised_compliance
  professional_curiosity
  information_sharing
  multi_agency_working
  thresholds
  management_oversight
  plans_quality
  assessment_quality
  case_recording
  history_chronology
  drift_delay
  escalation
  family_engagement
  domestic_abuse toxic_trio,risk
  parental_mental_health toxic_trio,risk
  substance_misuse toxic_trio,risk
  child_sexual_exploitation risk
  emotional_abuse risk
  neglect risk
  child_mental_health_services
  elective_home_education risk
  workforce_stability
  disability
