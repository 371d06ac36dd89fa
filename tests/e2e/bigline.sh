#!/bin/sh
# A 50 MB file on a single line (a bad export) ingests in one piece, with
# every sentence stored and the FTS index in step.
. "$SRC/tests/e2e/common.inc"
s='The plan was reviewed on time and the child was seen alone by the social worker. '
yes "$s" | tr -d '\n' | head -c 50000000 > big.txt
printf '\n' >> big.txt
[ "$(wc -l < big.txt)" -eq 1 ] || fail "generator should write one line"
themetrack ingest --quiet --no-tag --db big.db --year 2016 big.txt || fail "50 MB single line did not ingest"
# 50,000,000 / 81 bytes per sentence = 617,283 whole sentences and a partial one.
expect_eq "$(q big.db 'SELECT sentences FROM documents')" 617284 "sentences"
expect_eq "$(q big.db 'SELECT count(*) FROM sentences')" 617284 "stored sentences"
expect_eq "$(q big.db "SELECT count(*) FROM sentences WHERE text = '$(echo "$s" | sed 's/ $//')'")" 617283 "whole sentences"
q big.db "INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')" || fail "FTS index out of step"
echo "bigline: ok"
