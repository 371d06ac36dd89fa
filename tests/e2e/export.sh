#!/bin/sh
# Exports: the REFI-QDA codebook has the structure of the QDA-XML
# codebook standard (namespace, required elements and attributes, GUID
# syntax, unique GUIDs, set members that exist), its GUIDs are stable, and
# the coded segments equal the stored hits, with formula cells neutralised.
. "$SRC/tests/e2e/common.inc"
command -v python3 >/dev/null 2>&1 || skip "python3 is needed to check the XML"

themetrack export codebook -o book.qdc 2> note.txt || { cat note.txt; fail "export codebook"; }
grep -q 'wrote the codebook of 25 themes' note.txt || fail "export note: $(cat note.txt)"
python3 - book.qdc <<'END' || fail "codebook structure"
import re, sys, xml.etree.ElementTree as ET
NS = "{urn:QDA-XML:codebook:1.0}"
GUID = re.compile(r"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")
root = ET.parse(sys.argv[1]).getroot()
errs = []
if root.tag != NS + "CodeBook":
    errs.append(f"root is {root.tag}")
codes = root.find(NS + "Codes")
if codes is None:
    errs.append("no Codes")
guids = []
def check_code(c, depth):
    for a in ("guid", "name", "isCodable"):
        if a not in c.attrib:
            errs.append(f"Code without {a}")
    if not GUID.match(c.get("guid", "")):
        errs.append(f"bad guid {c.get('guid')}")
    if c.get("isCodable") not in ("true", "false"):
        errs.append("isCodable not a boolean")
    if "color" in c.attrib and not re.match(r"^#[0-9A-Fa-f]{6}$", c.get("color")):
        errs.append(f"bad color {c.get('color')}")
    guids.append(c.get("guid"))
    kids = [k.tag for k in c]
    allowed = [NS + "Description", NS + "NoteRef", NS + "Code"]
    if any(k not in allowed for k in kids):
        errs.append(f"unexpected child in Code: {kids}")
    # Description first, then NoteRef, then Code (the schema's sequence)
    order = [allowed.index(k) for k in kids]
    if order != sorted(order):
        errs.append("Code children out of order")
    for k in c.findall(NS + "Code"):
        check_code(k, depth + 1)
top = codes.findall(NS + "Code") if codes is not None else []
if len(top) != 25:
    errs.append(f"{len(top)} theme codes, want 25")
for c in top:
    check_code(c, 0)
    if [k.get("name") for k in c.findall(NS + "Code")] != ["concern", "strength", "mention"]:
        errs.append("theme code without its three polarity codes")
if len(set(guids)) != len(guids):
    errs.append("duplicate GUIDs")
sets = root.find(NS + "Sets")
for s in (sets.findall(NS + "Set") if sets is not None else []):
    if not GUID.match(s.get("guid", "")) or not s.get("name"):
        errs.append("Set without guid or name")
    for m in s.findall(NS + "MemberCode"):
        if m.get("targetGUID") not in guids:
            errs.append(f"MemberCode {m.get('targetGUID')} names no code")
for e in errs:
    print("codebook:", e)
sys.exit(1 if errs else 0)
END
# Stable GUIDs: the same theme, the same GUID, in every export.
themetrack export codebook > again.qdc 2>/dev/null
cmp -s book.qdc again.qdc || fail "two exports of one rule set differ"
grep -q 'name="Voice of the child"' book.qdc || fail "theme labels"

# Segments: every current hit once; a formula-like cell neutralised.
themetrack ingest --quiet --db s.db --manifest "$SRC/corpora/sample/manifest.csv" || fail "ingest"
themetrack export segments --db s.db -o seg.csv 2>/dev/null || fail "export segments"
head -n 1 seg.csv | tr -d '\r' | grep -qx 'document,authority,year,title,section,sentence_id,sentence,start,end,match,theme,polarity,rule,ruleset,hit_id' \
	|| fail "segments header: $(head -n 1 seg.csv)"
n=$(python3 -c "import csv,sys; print(sum(1 for _ in csv.DictReader(open('seg.csv', newline=''))))")
expect_eq "$n" "$(q s.db 'SELECT count(*) FROM hit_evidence')" "segments = hits"
themetrack export segments --db s.db --format jsonl --theme absent_fathers > seg.jsonl 2>/dev/null
expect_eq "$(wc -l < seg.jsonl | tr -d ' ')" "$(q s.db "SELECT count(*) FROM hit_evidence WHERE theme = 'absent_fathers'")" "jsonl rows"
python3 -c "import json,sys; [json.loads(l) for l in open('seg.jsonl')]" || fail "jsonl does not parse"
printf '# Audit\n\n- =SUM(A1) the father was not invited to the core group.\n' > f.md
themetrack ingest --quiet --db f.db --year 2018 f.md
themetrack export segments --db f.db 2>/dev/null | grep -q "'=SUM(A1)" || fail "formula cell not neutralised"
themetrack export segments --db f.db --raw-csv 2>/dev/null | grep -q ',=SUM(A1)\|,"=SUM(A1)' || fail "--raw-csv"
themetrack export bogus 2>/dev/null && fail "unknown export accepted"
echo "exports: ok"
