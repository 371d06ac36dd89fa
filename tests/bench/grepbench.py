#!/usr/bin/env python3
"""grepbench.py - time `rg -P -i -c -f` or `pcre2grep -i -c -f` over a text.

Usage: grepbench.py rg|rg-native|pcre2grep PATTERNS TEXT

rg-native is ripgrep's own engine (no -P), as in the issue's "rg -f" figure:
it has no look-around, so only the patterns it accepts are run (counted).

The shipped rule set's patterns need PCRE (look-around, backreferences),
so ripgrep runs with -P. Two limits of the tools get in the way, and are
worked around here rather than hidden:

- rg joins every -f pattern into one alternation, which PCRE2 refuses as
  "regular expression is too large" for the whole rule set. The patterns
  are split into the fewest chunks rg accepts (halving on that error) and
  the text is scanned once per chunk; the times are summed (the count is
  then a sum of per-chunk line counts, not lines matching any pattern).
- pcre2grep refuses patterns longer than 8192 bytes (some triggers with
  expanded lexicons are longer); those are left out and counted.

Prints one JSON object: secs, count, chunks, skipped, maxrss_kb, note.
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

PCRE2GREP_MAX = 8192


def run(cmd):
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return time.perf_counter() - t, r


def compiles(tool, patfile):
    empty = os.path.join(tempfile.gettempdir(), "grepbench-empty.txt")
    open(empty, "w").close()
    _, r = run(cmd_for(tool, patfile, empty))
    return r.returncode in (0, 1), r.stderr.decode(errors="replace").strip()


def cmd_for(tool, patfile, text):
    if tool == "rg-native":
        return ["rg", "-i", "-c", "--no-filename", "-f", patfile, text]
    if tool == "rg":
        return ["rg", "-P", "-i", "-c", "--no-filename", "-f", patfile, text]
    return ["pcre2grep", "-i", "-c", "-f", patfile, text]


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("rg", "rg-native", "pcre2grep"):
        sys.exit(__doc__)
    tool, patpath, text = sys.argv[1:]
    with open(patpath, encoding="utf-8") as f:
        pats = [p for p in f.read().split("\n") if p]
    skipped = 0
    if tool == "pcre2grep":
        keep = [p for p in pats if len(p.encode()) <= PCRE2GREP_MAX]
        skipped, pats = len(pats) - len(keep), keep
    tmp = tempfile.mkdtemp(prefix="grepbench.")
    if tool == "rg-native":           # keep the patterns rg's engine accepts
        keep = []
        for p in pats:
            r = subprocess.run(["rg", "-i", "-c", "-e", p, os.devnull],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if r.returncode in (0, 1):
                keep.append(p)
        skipped, pats = len(pats) - len(keep), keep
    chunks, queue, n = [], [pats], 0
    while queue:                      # split until every chunk compiles
        part = queue.pop(0)
        n += 1
        path = os.path.join(tmp, "chunk%d.txt" % n)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(part) + "\n")
        ok, err = compiles(tool, path)
        if ok:
            chunks.append(path)
        elif len(part) > 1:
            queue[:0] = [part[:len(part) // 2], part[len(part) // 2:]]
        else:
            skipped += 1
            print("grepbench: %s refuses a pattern: %s" % (tool, err[-200:]), file=sys.stderr)
    total = len(pats) + (skipped if tool in ("pcre2grep", "rg-native") else 0)
    secs, count = 0.0, 0
    for path in chunks:
        dt, r = run(cmd_for(tool, path, text))
        secs += dt
        out = r.stdout.decode().strip()
        count += int(out.splitlines()[-1].split(":")[-1]) if out else 0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    note = []
    if len(chunks) > 1:
        note.append("%d passes (pattern set split: too large for one %s regex)" % (len(chunks), tool))
    if skipped:
        note.append("%d of %d patterns left out (%s)" % (skipped, total, {
            "pcre2grep": "longer than pcre2grep's 8192 bytes",
            "rg-native": "not supported by rg's own engine: look-around etc.",
            "rg": "refused by rg -P"}[tool]))
    print(json.dumps({"secs": secs, "count": count, "chunks": len(chunks), "skipped": skipped,
                      "maxrss_kb": rss, "note": "; ".join(note)}))


if __name__ == "__main__":
    main()
