#!/usr/bin/python3
"""peer.py - the Python peer of `themetrack ingest`, for `make bench`.

Usage: /usr/bin/python3 peer.py --manifest CSV --patterns FILE --db OUT
                                [--max-mb N] [--json]

What a competent researcher would write for the same job with the usual
tools: nltk's SnowballStemmer('english') behind a dict cache, the rule
set's trigger patterns precompiled with `re` (caseless), and sqlite3 with
executemany inside one transaction. For each document of the manifest it
reads the file, splits sentences (blank lines, list bullets, table rows and
a sentence-end regex), tokenizes, stems (building the sentence's stem view
like themetrack's), runs every trigger pattern over every sentence, and
stores documents, sentences and hits. Each stage is timed; the summary gives
seconds per stage and MB/s (MB = 10^6 bytes of input text).

It is a fair peer for speed, not for accuracy: triggers only (no require /
near / exclude conditions, no polarity), and patterns `re` cannot compile
(PCRE verbs such as (*SKIP)(*FAIL)) are left out and counted.
--max-mb stops after the first documents that reach N MB (the peer is
slow; bench.sh runs it on a prefix of the corpus).
"""
import argparse
import csv
import json
import os
import re
import sqlite3
import sys
import time

from nltk.stem.snowball import SnowballStemmer

PARA_SPLIT = re.compile(r"\n\s*\n")
OWN_LINE = re.compile(r"^\s*(?:[-*\u2022\u2713\u25fc#]|\d+[.)]\s)|[|\t]")
SENT_SPLIT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]?\s+(?=[A-Z0-9\"'\u201c\u2018(])")
TOKEN = re.compile(r"\w+(?:[-'\u2019]\w+)*")

SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT UNIQUE, authority TEXT, year INTEGER,
                        audit_type TEXT, title TEXT, bytes INTEGER, words INTEGER);
CREATE TABLE sentences (id INTEGER PRIMARY KEY, document_id INTEGER, ordinal INTEGER,
                        words INTEGER, text TEXT, stems TEXT);
CREATE TABLE hits (id INTEGER PRIMARY KEY, sentence_id INTEGER, pattern INTEGER,
                   start INTEGER, "end" INTEGER, match TEXT);
CREATE INDEX hits_pattern ON hits(pattern);
CREATE INDEX sentences_document ON sentences(document_id);
"""


def load_patterns(path):
    compiled, bad = [], 0
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            p = line.rstrip("\n")
            if not p:
                continue
            if p.startswith("(?-i)"):          # PCRE's global flag; `re` wants it scoped
                p = "(?-i:" + p[5:] + ")"
            try:
                compiled.append((i, re.compile(p, re.IGNORECASE)))
            except re.error:
                bad += 1
    return compiled, bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--patterns", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--max-mb", type=float, default=0)
    ap.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    a = ap.parse_args()

    t0 = time.perf_counter()
    stage = dict.fromkeys(("read", "split", "tokenize", "stem", "match", "store"), 0.0)
    patterns, bad = load_patterns(a.patterns)
    stemmer = SnowballStemmer("english")
    cache = {}
    if os.path.exists(a.db):
        os.remove(a.db)
    db = sqlite3.connect(a.db)
    db.executescript(SCHEMA)
    db.execute("BEGIN")
    base = os.path.dirname(os.path.abspath(a.manifest))
    with open(a.manifest, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    nbytes = ndocs = nsent = nwords = nhits = 0
    sid = hid = 0
    clock = time.perf_counter
    for doc_id, row in enumerate(rows, 1):
        if a.max_mb and nbytes >= a.max_mb * 1e6:
            break
        t = clock()
        path = os.path.join(base, row["file"])
        with open(path, "rb") as fh:
            raw = fh.read()
        text = raw.decode("utf-8", errors="replace")
        t1 = clock(); stage["read"] += t1 - t
        sents = []
        for para in PARA_SPLIT.split(text):
            blocks, cur = [], []
            for line in para.split("\n"):     # list items, table rows, headings: own unit
                if OWN_LINE.search(line):
                    blocks.append(line)
                else:
                    cur.append(line)       # wrapped paragraph lines are joined
            blocks.append(" ".join(cur))
            for block in blocks:
                block = " ".join(block.split())
                if block:
                    sents.extend(s for s in SENT_SPLIT.split(block) if s)
        t2 = clock(); stage["split"] += t2 - t1
        toks = [TOKEN.findall(s) for s in sents]
        t3 = clock(); stage["tokenize"] += t3 - t2
        stems = []
        for words in toks:
            out = []
            for w in words:
                s = cache.get(w)
                if s is None:
                    s = cache[w] = stemmer.stem(w.lower())
                out.append(s)
            stems.append(" ".join(out) + " ")
        t4 = clock(); stage["stem"] += t4 - t3
        srows, hrows = [], []
        for k, s in enumerate(sents):
            sid += 1
            srows.append((sid, doc_id, k + 1, len(toks[k]), s, stems[k]))
            for pi, rx in patterns:
                for m in rx.finditer(s):
                    if m.end() > m.start():
                        hid += 1
                        hrows.append((hid, sid, pi, m.start(), m.end(), m.group()))
        t5 = clock(); stage["match"] += t5 - t4
        words = sum(len(x) for x in toks)
        db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?)",
                   (doc_id, path, row.get("authority"), row.get("year"), row.get("audit_type"),
                    row.get("title"), len(raw), words))
        db.executemany("INSERT INTO sentences VALUES (?,?,?,?,?,?)", srows)
        db.executemany("INSERT INTO hits VALUES (?,?,?,?,?,?)", hrows)
        stage["store"] += clock() - t5
        nbytes += len(raw); ndocs += 1; nsent += len(sents); nwords += words; nhits += len(hrows)
    t = clock()
    db.commit()
    db.close()
    stage["store"] += clock() - t
    total = clock() - t0
    mb = nbytes / 1e6
    res = {"docs": ndocs, "mb": mb, "sentences": nsent, "words": nwords, "hits": nhits,
           "patterns": len(patterns), "patterns_skipped": bad, "secs": total,
           "mb_s": mb / total if total else 0.0, "stages": stage, "stems_cached": len(cache)}
    if a.json:
        print(json.dumps(res))
        return
    print("peer: %d documents, %.2f MB, %d sentences, %d words, %d hits; %d patterns (%d left out: "
          "not valid for python re)" % (ndocs, mb, nsent, nwords, nhits, len(patterns), bad))
    for k, v in stage.items():
        print("  %-9s %8.2f s  %8.2f MB/s" % (k, v, mb / v if v else float("inf")))
    print("  %-9s %8.2f s  %8.2f MB/s" % ("total", total, res["mb_s"]))


if __name__ == "__main__":
    sys.exit(main())
