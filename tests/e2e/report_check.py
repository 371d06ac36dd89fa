#!/usr/bin/env python3
"""Checks a themetrack HTML report: parsed, not matched with regexes.

report_check.py REPORT.html TREND.csv COMPARE.csv [HOSTILE-TEXT...]

- the document parses, every element is closed in order (void elements
  aside) and the sections are all there;
- nothing would load from the network: no script, iframe, object, embed,
  link or img element; every src/href/xlink:href is a fragment (#...);
  every url(...) in a style or attribute is a fragment;
- the figures of its trend and compare tables equal the CSV written by
  `themetrack trend` and `themetrack compare` on the same database;
- each HOSTILE-TEXT appears in the text of the page, and none turned into
  markup (checked by the element rules above).
Prints what is wrong and exits 1, or exits 0.
"""
import csv
import html.parser
import re
import sys

VOID = {"meta", "br", "hr", "img", "link", "input", "area", "base", "col", "source", "wbr"}
FORBIDDEN = {"script", "iframe", "object", "embed", "link", "img", "image", "foreignobject",
             "frame", "frameset", "audio", "video", "base", "form"}
SECTIONS = ["analysed", "heatmap", "trends", "compare", "emerging", "recurring", "cooccur",
            "grades", "evidence"]


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids, self.text = [], [], set(), []
        self.tables, self.cur_table, self.cur_row, self.cur_cell = [], None, None, None
        self.caption, self.in_caption = "", False
        self.svgs = 0

    def attr_check(self, tag, attrs):
        for k, v in attrs:
            v = v or ""
            if k in ("src", "href", "xlink:href", "action", "formaction", "poster", "data"):
                if not v.startswith("#"):
                    self.errors.append(f"<{tag} {k}=\"{v}\"> points outside the page")
            if k.startswith("on"):
                self.errors.append(f"<{tag}> has an event handler {k}")
            for m in re.finditer(r"url\(\s*['\"]?([^)'\"]*)", v):
                if not m.group(1).startswith("#"):
                    self.errors.append(f"<{tag} {k}> loads {m.group(1)}")
            if k == "id":
                self.ids.add(v)

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN:
            self.errors.append(f"forbidden element <{tag}>")
        if tag == "svg":
            self.svgs += 1
        self.attr_check(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "table":
            self.cur_table = {"caption": "", "rows": []}
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr" and self.cur_table is not None:
            self.cur_row = []
        elif tag in ("td", "th") and self.cur_row is not None:
            self.cur_cell = []

    def handle_startendtag(self, tag, attrs):
        if tag in FORBIDDEN:
            self.errors.append(f"forbidden element <{tag}>")
        self.attr_check(tag, attrs)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '-'}>")
            return
        self.stack.pop()
        if tag == "caption":
            self.in_caption = False
        elif tag in ("td", "th") and self.cur_cell is not None:
            self.cur_row.append("".join(self.cur_cell).strip())
            self.cur_cell = None
        elif tag == "tr" and self.cur_row is not None:
            self.cur_table["rows"].append(self.cur_row)
            self.cur_row = None
        elif tag == "table" and self.cur_table is not None:
            self.tables.append(self.cur_table)
            self.cur_table = None

    def handle_data(self, data):
        self.text.append(data)
        if self.in_caption and self.cur_table is not None:
            self.cur_table["caption"] += data
        if self.cur_cell is not None:
            self.cur_cell.append(data)


def table_by_caption(page, caption):
    for t in page.tables:
        if t["caption"].strip() == caption:
            return t["rows"]
    return None


def compare_rows(name, got, csv_path, errors):
    with open(csv_path, newline="", encoding="utf-8") as f:
        want = list(csv.reader(f))
    if got is None:
        errors.append(f"{name}: table missing")
        return
    if got != want:
        for g, w in zip(got, want):
            if g != w:
                errors.append(f"{name}: report row {g} but CSV row {w}")
                break
        else:
            errors.append(f"{name}: {len(got)} rows in the report, {len(want)} in the CSV")


def main():
    path, trend_csv, compare_csv = sys.argv[1:4]
    hostile = sys.argv[4:]
    page = Page()
    with open(path, encoding="utf-8") as f:
        page.feed(f.read())
    page.close()
    errors = page.errors[:]
    if page.stack:
        errors.append(f"unclosed elements at the end: {page.stack}")
    for s in SECTIONS:
        if s not in page.ids:
            errors.append(f"section #{s} missing")
    if page.svgs < 3:
        errors.append(f"only {page.svgs} SVG charts")
    compare_rows("trend", table_by_caption(page, "themetrack trend --polarity concern"),
                 trend_csv, errors)
    compare_rows("compare", table_by_caption(page, "themetrack compare"), compare_csv, errors)
    text = "".join(page.text)
    for h in hostile:
        if h not in text:
            errors.append(f"hostile text {h!r} is not shown as text")
    for e in errors:
        print("report:", e)
    sys.exit(1 if errors else 0)


main()
