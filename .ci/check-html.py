#!/usr/bin/env python3
"""Loads every rendered example HTML page in headless Chromium and checks, from the DOM Chromium
built, that 表三 has its merged header cells and 25 data rows of 7 values (and 表四 15 values);
prints each page to PDF and checks the print layout: no section heading alone at a page foot, and
表三's header repeated on the next page when the table runs over.

Run by .ci/run after installing Debian's chromium. Closes with 'N passed, N failed'.
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from tally import check, finish  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent



class Tables(HTMLParser):
    """Collects, per table class, its rows as lists of (tag, attrs)."""

    def __init__(self):
        super().__init__()
        self.tables, self.current, self.row = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.current = attrs.get("class", "")
            self.tables[self.current] = []
        elif tag == "tr" and self.current is not None:
            self.row = []
            self.tables[self.current].append(self.row)
        elif tag in ("td", "th") and self.row is not None:
            self.row.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "table":
            self.current = None


def dom(page):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as profile:
        out = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
            capture_output=True, timeout=120,
        )
    return out.stdout.decode("utf-8", errors="replace")


for page in sorted((ROOT / "examples" / "rendered").glob("*.html")):
    text = dom(page)
    check(f"{page.name}: Chromium rendered a DOM", "<table" in text, text[:200])
    parser = Tables()
    parser.feed(text)
    t3 = parser.tables.get("t3", [])
    data_rows = [r for r in t3 if sum(1 for tag, _ in r if tag == "td") == 7]
    check(f"{page.name}: 表三 has 25 data rows of 7 values", len(data_rows) == 25, len(data_rows))
    merged = [(a.get("colspan"), a.get("rowspan")) for r in t3[:3] for tag, a in r if tag == "th"]
    expected = [("3", "3"), ("7", None), (None, "2"), ("5", None), (None, "2")]
    check(f"{page.name}: 表三 merged header cells", all(e in merged for e in expected), merged)
    spans = [a.get("rowspan") for r in t3[3:] for tag, a in r if tag == "th" and a.get("rowspan")]
    check(f"{page.name}: 表三 row groups span their rows", spans == ["22", "8", "3", "5", "3"], spans)
    t4 = parser.tables.get("t4", [])
    check(f"{page.name}: 表四 has 15 values", any(sum(1 for tag, _ in r if tag == "td") == 15 for r in t4))

def printed(page):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as profile:
        pdf = pathlib.Path(profile) / "page.pdf"
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.as_uri()],
            capture_output=True, timeout=120,
        )
        if not pdf.exists():
            return []
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True).stdout.decode()
    return [p for p in text.split("\f") if p.strip()]


split = 0
for page in sorted((ROOT / "examples" / "rendered").glob("*.html")):
    pages = printed(page)
    check(f"{page.name}: printed to PDF by Chromium", len(pages) > 1, len(pages))
    if not pages:
        continue
    feet = [[l.strip() for l in p.splitlines() if l.strip()][-1] for p in pages[:-1]]
    orphans = [f for f in feet if re.fullmatch(r"[一二三四五六]、\S+", f)]
    check(f"{page.name}: no section heading alone at a page foot (printed)", not orphans, orphans)
    first = next((i for i, p in enumerate(pages) if "一、本年新收政府信息公开申请数量" in p), None)
    last = next((i for i, p in enumerate(pages) if "四、结转下年度继续办理" in p), None)
    if first is not None and last is not None and last > first:
        split += 1
        check(f"{page.name}: 表三 printed over pages {first + 1}–{last + 1}, header repeated",
              all("申请人情况" in pages[i] for i in range(first + 1, last + 1)))
check("表三 printed over two pages in some example (so its repeated header was looked at)", split > 0)

finish()
