#!/usr/bin/env python3
"""patterns.py - one trigger pattern a line, for rg/pcre2grep and the peer.

Usage: patterns.py [--themetrack BIN] [--rules DIR] OUT

Prefers `BIN rules export --format pcre --rules DIR` (every rule's trigger as
compiled, lexicons expanded). When that subcommand is not available it falls
back to reading the `trigger` lines of DIR/*.rules itself, expanding
`{lexicon}` references from DIR/../lexicons the way rules/README.md describes
(literal terms, caseless, whole words, a space or hyphen matching white
space or a hyphen, longest first). Stem terms (`~word`, `{~name}`) are
matched by themetrack over the stemmed view of a sentence, which grep tools
cannot see: the fallback approximates them as word prefixes (`word\\w*`).
Prints on stderr which source was used ("export" or "fallback") - bench.sh
records it.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

SEP = r"(?:\s+|\s*-\s*)"


def lexicon_terms(lexdir, name):
    path = os.path.join(lexdir, name + ".txt")
    if not os.path.exists(path):
        return None
    terms, seen = [], set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = line.strip()
            if not t or t.startswith("#") or t.lower() in seen:
                continue
            seen.add(t.lower())
            terms.append(t)
    return sorted(terms, key=lambda t: (-len(t), t.lower()))


def term_regex(term, stem=False):
    words = [w for w in re.split(r"[\s-]+", term) if w]
    parts = []
    for w in words:
        esc = "".join(c if c.isalnum() else "\\" + c for c in w)
        parts.append(esc + (r"\w*" if stem else ""))
    body = SEP.join(parts)
    if term[:1].isalnum():
        body = r"\b" + body
    if term[-1:].isalnum() and not stem:
        body += r"\b"
    return body


def expand(pattern, lexdir, unknown):
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "{":
            m = re.match(r"\{(~?)([a-z0-9_]+)\}", pattern[i:])
            if m:
                terms = lexicon_terms(lexdir, m.group(2))
                if terms is None:
                    unknown.add(m.group(2))
                    out.append(re.escape(m.group(2)))
                else:
                    stem = m.group(1) == "~"
                    out.append("(?:" + "|".join(term_regex(t, stem) for t in terms) + ")")
                i += m.end()
                continue
        if c == "~":
            m = re.match(r"~(\w+)", pattern[i:])
            if m:
                out.append(r"\b" + m.group(1) + r"\w*")
                i += m.end()
                continue
        out.append(c)
        i += 1
    return "".join(out)


def fallback(rules, out):
    lexdir = os.path.join(rules, "..", "lexicons")
    unknown, pats = set(), []
    for path in sorted(glob.glob(os.path.join(rules, "*.rules"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^\s+trigger\s+(.*?)\s*$", line)
                if m:
                    pats.append(expand(m.group(1), lexdir, unknown))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(pats) + "\n")
    if unknown:
        print("patterns: unknown lexicons left as words: %s" % " ".join(sorted(unknown)), file=sys.stderr)
    return len(pats)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--themetrack", default="./themetrack")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("out")
    a = ap.parse_args()
    try:
        r = subprocess.run([a.themetrack, "rules", "export", "--format", "pcre", "--rules", a.rules],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        ok = r.returncode == 0 and r.stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    if ok:
        with open(a.out, "wb") as f:
            f.write(r.stdout)
        n = r.stdout.count(b"\n")
        print("patterns: export: %d patterns from '%s rules export --format pcre'" % (n, a.themetrack),
              file=sys.stderr)
    else:
        n = fallback(a.rules, a.out)
        print("patterns: fallback: %d trigger patterns read from %s/*.rules by tests/bench/patterns.py "
              "(themetrack rules export --format pcre not available)" % (n, a.rules), file=sys.stderr)


if __name__ == "__main__":
    main()
