#!/usr/bin/env python3
"""markdown_render.py - every golden expected.md, rendered as GitHub renders a comment, is the
report it means and nothing else: config text stays text.

    markdown_render.py [CASE_DIR...]   (default: every case that has an expected.md)

Renders with cmark-gfm (GitHub's fork of cmark; table, autolink and strikethrough extensions,
raw HTML let through so that an escape that failed shows as a tag) and checks:
  - the only elements are the report's own (h3, table, a, code, details, summary, ul, li, p);
  - the only links are the check pages, one per row, in the check column;
  - every table row has four cells, and there is one row per finding of expected.json;
  - each finding's message, read back from its cell, is the JSON message with control
    characters as spaces (so '<script>', '|', backticks and brackets survive as text);
  - no text reads as an @-mention.
Exit 77 (skip) without cmark-gfm; the Makefile's TEST_PKGS installs it.
"""
import glob
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ALLOWED = {"h3", "table", "thead", "tbody", "tr", "th", "td", "a", "code", "details",
           "summary", "ul", "li", "p"}
PAGE = re.compile(r"^https://github\.com/tlslint/tlslint/blob/main/docs/checks/[a-z0-9-]+\.md$")
MENTION = re.compile(r"(?:^|[^\w])@[A-Za-z0-9]")


class Doc(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.links, self.rows, self.text = [], [], [], []
        self.cell = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href"))
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)


def check(case, cmark):
    md = open(os.path.join(case, "expected.md")).read()
    findings = json.load(open(os.path.join(case, "expected.json")))["findings"]
    rendered = subprocess.run([cmark, "--unsafe", "-e", "table", "-e", "autolink", "-e",
                               "strikethrough"], input=md, capture_output=True, text=True,
                              check=True).stdout
    doc = Doc()
    doc.feed(rendered)
    errors = []
    odd = sorted(set(doc.tags) - ALLOWED)
    if odd:
        errors.append(f"elements not in the report's layout: {odd}")
    bad = [h for h in doc.links if not PAGE.match(h or "")]
    if bad:
        errors.append(f"links that are not check pages: {bad}")
    rows = doc.rows[1:] if doc.rows else []
    if findings and len(doc.links) != len(rows):
        errors.append(f"{len(doc.links)} links for {len(rows)} rows")
    if len(rows) != min(len(findings), 100):
        errors.append(f"{len(rows)} table rows for {len(findings)} findings")
    for i, row in enumerate(rows):
        if len(row) != 4:
            errors.append(f"row {i + 1} has {len(row)} cells: {row}")
            continue
        f = findings[i]
        want = re.sub(r"[\x00-\x1f\x7f]", " ", f["message"])
        got = row[3].replace("\u2060", "")
        if got != want:
            errors.append(f"row {i + 1} message reads back as {got!r}, not {want!r}")
        if row[1] != f["check"]:
            errors.append(f"row {i + 1} check is {row[1]!r}, not {f['check']!r}")
    text = "".join(doc.text)
    if MENTION.search(text):
        errors.append(f"an @-mention: {MENTION.search(text).group(0)!r}")
    for e in errors:
        print(f"FAIL: {case}: {e}")
    if not errors:
        print(f"ok: {case}: {len(rows)} rows")
    return not errors


def main(argv):
    cmark = shutil.which("cmark-gfm")
    if cmark is None:
        print("skip: no cmark-gfm (install it: make deps)")
        return 77
    cases = argv[1:] or sorted(os.path.dirname(p) for p in
                               glob.glob(os.path.join(REPO, "testdata", "*", "*", "expected.md")))
    if not cases:
        print("FAIL: no case has an expected.md")
        return 1
    ok = all([check(c, cmark) for c in cases])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
