#!/bin/sh
# Data minimisation: the database is readable by its owner only, whatever
# the umask, and the binary has no way to reach a network (it imports no
# socket or name-lookup function).
. "$SRC/tests/e2e/common.inc"
printf '# Audit\n\n- The father was not invited to the core group.\n' > a.md
(umask 022 && themetrack ingest --quiet --db a.db --year 2018 a.md) || fail "ingest"
expect_eq "$(stat -c %a a.db)" 600 "database file mode"
# --redact masks identifiers before anything is stored, and says so.
printf '# Audit\n\nAuthor: Jo Bloggs, QA officer\n\n- Mr Smith (DOB 01/02/1980, 07700 900461, jo@example.org) was not invited to the core group.\n' > r.md
themetrack ingest --db r.db --redact --year 2018 r.md 2> note.txt || fail "ingest --redact"
grep -q 'redacted in the documents stored: 1 e-mail addresses, 1 phone numbers, 0 postcodes, 0 NHS numbers, 1 dates of birth, 2 names' note.txt \
	|| fail "redaction summary: $(cat note.txt)"
expect_eq "$(q r.db "SELECT count(*) FROM sentences WHERE text LIKE '%Smith%' OR text LIKE '%Bloggs%' OR text LIKE '%07700%' OR text LIKE '%example.org%' OR text LIKE '%1980%'")" 0 "identifiers stored"
expect_eq "$(q r.db "SELECT count(*) FROM sentences WHERE text LIKE 'Mr [NAME] (DOB [DATE OF BIRTH], [PHONE], [EMAIL]) was not invited%'")" 1 "masked sentence stored"
expect_eq "$(q r.db "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'smith OR bloggs'")" 0 "identifiers in the full-text index"
expect_ge "$(q r.db "SELECT count(*) FROM hits")" 1 "the masked sentence is still tagged"
bin=$(command -v themetrack)
if command -v nm >/dev/null 2>&1; then
	found=$(nm -D --undefined-only "$bin" | awk '{ print $NF }' | sed 's/@.*//' \
		| grep -x -E 'socket|connect|bind|listen|accept|accept4|getaddrinfo|gethostbyname|gethostbyname_r|sendto|recvfrom' || true)
	expect_eq "$found" "" "network functions imported by the binary"
	echo "privacy: ok"
else
	echo "privacy: ok (nm not installed: import check skipped)"
fi
