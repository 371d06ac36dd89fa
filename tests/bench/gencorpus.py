#!/usr/bin/env python3
"""gencorpus.py - write N MB of synthetic safeguarding audit text for `make bench`.

Usage: gencorpus.py [--mb 270] [--seed 1] [--sample DIR] OUTDIR

The building blocks are the sentences, list items, table rows and headings
of the project's own fictional sample corpus (corpora/sample/*.md|txt).
Documents of varied length (log-normal, about 55 kB on average like the real
Ofsted corpus) and structure (markdown or plain-text headings, numbered or
not; paragraphs, bullet lists in several styles, pipe or tab tables) are
assembled from them, with authority names, years and numbers swapped and
sections reordered. Output: OUTDIR/texts/<authority>/<file>.md|.txt and
OUTDIR/manifest.csv (file,authority,year,audit_type,title,period), spread
over 8 authorities and 6 years. Same seed and size, same bytes.
Standard library only. MB here is 10^6 bytes.
"""
import argparse
import csv
import math
import os
import random
import re
import sys

AUTHORITIES = ["Northmoor", "Castlemere", "Ashcombe", "Kelderby",
               "Harrowfield", "Brindleford", "Ellesby", "Westmarsh"]
SAMPLE_AUTHORITIES = ["Northmoor", "Castlemere", "Ashcombe", "Kelderby"]
YEARS = [2015, 2016, 2017, 2018, 2019, 2020]
AUDIT_TYPES = {
    "multi_agency_audit": ["Multi-Agency Case Audit Summary", "Multi-Agency Audit: Findings and Learning"],
    "qa_annual": ["Annual Report on Case File Auditing", "Children's Services Case Audit Annual Report"],
    "early_help_briefing": ["Early Help Audit Briefing", "Early Help Multi-Agency Audit: Practitioner Briefing"],
    "thematic_audit": ["Thematic Multi-Agency Audit", "Thematic Audit: Final Report"],
    "case_review": ["Practice Learning Review", "Local Child Safeguarding Practice Review: Executive Summary"],
    "cse_thematic_audit": ["Child Sexual Exploitation: Multi-Agency Thematic Audit"],
}
TOPICS = ["Neglect", "Domestic Abuse", "Children in Need", "Child Protection Plans",
          "Disabled Children", "Child Sexual Exploitation", "Early Help", "Parental Mental Health",
          "Adolescents at Risk", "Children Missing Education", "Pre-birth Assessments"]
BULLETS = ["- ", "* ", "• ", "✓ ", "◼ "]
NUMWORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]

SENT_SPLIT = re.compile(r'(?<=[.!?…])["”’)]?\s+(?=[A-Z0-9"“‘(])')
LIST_RE = re.compile(r'^\s*(?:[-*•✓◼]|\d+[.)])\s+')
HEADING_MD = re.compile(r'^#{1,4}\s+(.*)$')
NUMHEAD = re.compile(r'^\d+(?:\.\d+)*\.?\s+(.{3,80})$')
YEAR_RE = re.compile(r'\b(20[01]\d)(?:([–-])(\d\d))?\b')
PROP_RE = re.compile(r'\b(\d{1,3}) (of|out of) (the )?(\d{1,3})\b')
NUM_RE = re.compile(r'(?<![\w.,/:–-])(\d{1,3})(?![\w.,/:%–-]|\d)')
PCT_RE = re.compile(r'\b(\d{1,3})\.(\d)%')


def read_sample(sample_dir):
    """Split every sample document into pools of building blocks."""
    pools = {"head": [], "sent": [], "item": [], "table": [], "label": []}
    names = sorted(f for f in os.listdir(sample_dir)
                   if f.endswith((".md", ".txt")) and f.lower() != "readme.md")
    if not names:
        sys.exit("gencorpus: no .md or .txt files in %s" % sample_dir)
    for name in names:
        with open(os.path.join(sample_dir, name), encoding="utf-8") as f:
            lines = f.read().replace("\r\n", "\n").split("\n")
        table = []
        for raw in lines + [""]:
            line = raw.rstrip()
            if "|" in line or "\t" in line:
                if not re.match(r'^\|?[\s:|-]+\|?$', line):
                    cells = [c.strip() for c in re.split(r'\t|\|', line.strip().strip("|"))]
                    table.append([c for c in cells if c != ""] or [""])
                continue
            if table:
                if len(table) >= 2:
                    pools["table"].append(table)
                table = []
            s = line.strip()
            if not s:
                continue
            m = HEADING_MD.match(s)
            if m:
                pools["head"].append(m.group(1).strip())
                continue
            if LIST_RE.match(s):
                item = LIST_RE.sub("", s)
                if len(item) > 3:
                    pools["item"].append(item)
                continue
            m = NUMHEAD.match(s)
            if m and len(s) < 80 and not s.endswith("."):
                pools["head"].append(m.group(1).strip())
                continue
            if (s.isupper() and len(s) < 90) or (s.startswith("**") and s.endswith("**")):
                pools["head"].append(s.strip("*").strip().title())
                continue
            if s.endswith(":") and len(s) < 60:
                pools["label"].append(s[:-1])
                continue
            for sent in SENT_SPLIT.split(s):
                if len(sent) > 15:
                    pools["sent"].append(sent)
    for k in pools:
        if k != "table":
            pools[k] = sorted(set(pools[k]))
    return pools


class Varier:
    """Swaps authority names, years and numbers in one document's text."""

    def __init__(self, rng, authority, year):
        self.rng, self.authority, self.year = rng, authority, year
        self.abbrev = "".join(w[0] for w in authority.split()) + "SCB"
        names = "|".join(SAMPLE_AUTHORITIES)
        self.auth_re = re.compile(r'\b(%s)\b' % names, re.I)
        self.abbr_re = re.compile(r'\b[NCAK]SCB\b')

    def _auth(self, m):
        a = self.authority
        return a.upper() if m.group(1).isupper() else a

    def _year(self, m):
        y = int(m.group(1)) - 2016 + self.year + self.rng.choice((-1, 0, 0, 0))
        if m.group(2):
            return "%d%s%02d" % (y, m.group(2), (y + 1) % 100)
        return str(y)

    def _prop(self, m):
        den = max(2, int(m.group(4)) + self.rng.randint(-3, 6))
        num = self.rng.randint(0, den)
        return "%d %s %s%d" % (num, m.group(2), m.group(3) or "", den)

    def _num(self, m):
        n = int(m.group(1))
        if n == 0 or self.rng.random() < 0.5:
            return m.group(0)
        return str(max(1, n + self.rng.randint(-n // 2 - 1, n // 2 + 2)))

    def _pct(self, m):
        return "%.1f%%" % (self.rng.uniform(5, 98))

    def __call__(self, text):
        text = self.auth_re.sub(self._auth, text)
        text = self.abbr_re.sub(self.abbrev, text)
        text = YEAR_RE.sub(self._year, text)
        text = PCT_RE.sub(self._pct, text)
        text = NUM_RE.sub(self._num, text)
        return PROP_RE.sub(self._prop, text)


def make_document(rng, pools, authority, year, audit_type, target):
    """Return (title, period, text, extension) of about `target` bytes."""
    vary = Varier(rng, authority, year)
    topic = rng.choice(TOPICS)
    title = "%s: %s" % (rng.choice(AUDIT_TYPES[audit_type]), topic)
    period = ""
    if audit_type == "qa_annual" or rng.random() < 0.2:
        period = "%d-%02d" % (year, (year + 1) % 100)
        title += " %s" % period
    style = rng.choice(("md", "md", "plain", "plain_num"))
    ext = ".md" if style == "md" else ".txt"
    bullet = rng.choice(BULLETS)
    out = []
    if style == "md":
        out.append("# %s Safeguarding Children Partnership\n\n## %s\n" % (authority, title))
    else:
        out.append("%s SAFEGUARDING CHILDREN PARTNERSHIP\n%s\n" % (authority.upper(), title.upper()))
    out.append("Audit completed: %s %d\nReported to: Quality Assurance Sub-Group\n"
               % (rng.choice(("March", "June", "October", "November")), year))
    size = sum(len(x) for x in out)
    section = 0
    while size < target:
        section += 1
        head = vary(rng.choice(pools["head"]))
        if style == "md":
            h = "## %d. %s" % (section, head) if rng.random() < 0.6 else "### " + head
        elif style == "plain_num":
            h = "%d. %s" % (section, head.upper() if rng.random() < 0.5 else head)
        else:
            h = head.upper() if rng.random() < 0.5 else "**%s**" % head
        block = [h, ""]
        for _ in range(rng.randint(1, 5)):
            kind = rng.random()
            if kind < 0.55:                       # a paragraph
                n = max(1, int(rng.gauss(4, 2)))
                block.append(" ".join(vary(rng.choice(pools["sent"])) for _ in range(n)))
            elif kind < 0.85:                     # a list, maybe under a label
                if pools["label"] and rng.random() < 0.3:
                    block.append(vary(rng.choice(pools["label"])) + ":")
                num = rng.random() < 0.25
                for i in range(rng.randint(2, 8)):
                    src = pools["item"] if rng.random() < 0.6 else pools["sent"]
                    lead = "%d. " % (i + 1) if num else bullet
                    block.append(lead + vary(rng.choice(src)))
            elif kind < 0.93 and pools["table"]:  # a table
                t = rng.choice(pools["table"])
                pipe = style == "md" or rng.random() < 0.3
                for r, row in enumerate(t):
                    cells = [vary(c) for c in row]
                    block.append("| " + " | ".join(cells) + " |" if pipe else "\t".join(cells))
                    if pipe and r == 0:
                        block.append("|" + "---|" * len(cells))
            else:                                 # a quote in its own paragraph
                block.append("As one practitioner told the panel: \u201c%s\u201d"
                             % vary(rng.choice(pools["sent"])))
            block.append("")
        text = "\n".join(block) + "\n"
        out.append(text)
        size += len(text.encode("utf-8"))
    return title, period, "\n".join(out), ext


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=270.0, help="size to write, MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=1)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--sample", default=os.path.join(here, "..", "..", "corpora", "sample"))
    ap.add_argument("--mean-kb", type=float, default=55.0, help="mean document size, kB")
    ap.add_argument("outdir")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pools = read_sample(a.sample)
    total, goal, rows, i = 0, int(a.mb * 1e6), [], 0
    types = sorted(AUDIT_TYPES)
    os.makedirs(os.path.join(a.outdir, "texts"), exist_ok=True)
    sigma = 0.8
    mu = math.log(a.mean_kb * 1000) - sigma * sigma / 2
    while total < goal:
        authority = AUTHORITIES[i % len(AUTHORITIES)]
        year = YEARS[(i // len(AUTHORITIES)) % len(YEARS)]
        audit_type = rng.choice(types)
        target = int(min(400000, max(3000, rng.lognormvariate(mu, sigma))))
        target = min(target, goal - total) if goal - total > 3000 else target
        title, period, text, ext = make_document(rng, pools, authority, year, audit_type, target)
        rel = "texts/%s/%s-%d-%s-%05d%s" % (authority.lower(), authority.lower(), year,
                                            audit_type.replace("_", "-"), i, ext)
        path = os.path.join(a.outdir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
        rows.append([rel, authority, year, audit_type, title, period])
        i += 1
    with open(os.path.join(a.outdir, "manifest.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "authority", "year", "audit_type", "title", "period"])
        w.writerows(rows)
    print("gencorpus: %d documents, %.1f MB in %s (seed %d)" % (i, total / 1e6, a.outdir, a.seed),
          file=sys.stderr)


if __name__ == "__main__":
    main()
