#!/usr/bin/env python3
"""Word output and input through LibreOffice (Debian's libreoffice-writer, installed by .ci/run):

- each example rendered to .docx opens in LibreOffice (converted to PDF without repair) and the
  PDF's text, read back through pdftotext by `gaogen check`, has every value and no finding;
- the Word file LibreOffice makes from each rendered HTML page parses with every value;
- pagination: where 表三 runs over two pages its header rows (「申请人情况」) appear again on the
  second page, no section heading is the last line of a page, and every page has its number;
- legacy Word: a .doc that LibreOffice makes from each published example (and from each real seed
  in ../shared/seeds when present) is read by `gaogen parse x.doc` (through LibreOffice again) with
  every number cell the text gives, each with the same value.

Closes with 'N passed, N failed'.
"""
import json
import re
import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from tally import check, finish  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
GAOGEN = ROOT / "target" / "debug" / "gaogen"



def soffice(args, workdir):
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{profile}", "--headless", *args],
            cwd=workdir, capture_output=True, timeout=300,
        )


def report(path):
    out = subprocess.run([str(GAOGEN), "check", "--format", "json", str(path)], capture_output=True, timeout=120)
    files = json.loads(out.stdout)["files"] if out.stdout else []
    return out, (files[0] if files else None)


table_three_split = 0
work = ROOT / "target" / "docx-check"
work.mkdir(parents=True, exist_ok=True)
for toml in sorted((ROOT / "examples").glob("*.toml")):
    docx = work / f"{toml.stem}.docx"
    r = subprocess.run([str(GAOGEN), "render", str(toml), "--format", "docx", "-o", str(docx), "--force"], capture_output=True)
    check(f"{toml.name} rendered to Word", r.returncode == 0, r.stderr.decode(errors="replace"))
    pdf = docx.with_suffix(".pdf")
    pdf.unlink(missing_ok=True)
    r = soffice(["--convert-to", "pdf", "--outdir", str(work), str(docx)], work)
    check(f"{docx.name} opens in LibreOffice (converted to PDF)", pdf.exists() and pdf.stat().st_size > 1000, r.stderr.decode(errors="replace")[-300:])
    if pdf.exists():
        out, f = report(pdf)
        # Evaluator findings (E-, H-) judge the example's wording, which Word does not change;
        # every reading, structure and table finding would be a loss in the round trip.
        lost = [d["code"] for d in (f or {}).get("diagnostics", []) if not d["code"].startswith(("E-", "H-"))]
        ok = f is not None and f["summary"]["cells_read"] == 200 and f["summary"]["sections_found"] == 6 and not lost
        check(f"{pdf.name} read back through pdftotext: 200 values, no reading or table finding", ok, f and (f["summary"], lost))
        pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode().split("\f")
        pages = [p for p in pages if p.strip()]
        first = next(i for i, p in enumerate(pages) if "一、本年新收政府信息公开申请数量" in p)
        last = next(i for i, p in enumerate(pages) if "四、结转下年度继续办理" in p)
        if last > first:
            table_three_split += 1
            check(f"{pdf.name}: 表三 runs over pages {first + 1}–{last + 1}, its header repeated on each",
                  all("申请人情况" in pages[i] for i in range(first + 1, last + 1)))
        numbered = all(f"—{i + 1}—" in p.replace(" ", "") for i, p in enumerate(pages))
        check(f"{pdf.name}: every page numbered 「— n —」 in the footer", numbered)
        orphans = []
        for i, p in enumerate(pages):
            lines = [l.strip() for l in p.splitlines() if l.strip() and not l.strip().replace(" ", "").startswith("—")]
            if lines and re.fullmatch(r"[一二三四五六]、\S+", lines[-1]) and i + 1 < len(pages):
                orphans.append(lines[-1])
        check(f"{pdf.name}: no section heading alone at a page foot", not orphans, orphans)

check("表三 runs over two pages in some example (so its repeated header was looked at)", table_three_split > 0)

for html in sorted((ROOT / "examples" / "rendered").glob("*.html")):
    out_dir = work / "from-html"
    out_dir.mkdir(exist_ok=True)
    docx = out_dir / f"{html.stem}.docx"
    docx.unlink(missing_ok=True)
    r = soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir), str(html)], work)
    check(f"LibreOffice made Word from {html.name}", docx.exists(), r.stderr.decode(errors="replace")[-300:])
    if docx.exists():
        out, f = report(docx)
        check(f"{html.stem}.docx (LibreOffice) parses with every value", f is not None and f["summary"]["cells_read"] == 200, f and f["summary"])



def number_cells(path):
    out = subprocess.run([str(GAOGEN), "parse", str(path)], capture_output=True, timeout=300)
    if out.returncode != 0 or not out.stdout:
        return None
    cells = {}
    for key, table in json.loads(out.stdout)["tables"].items():
        for row in table.get("rows", []):
            for cell in row.get("cells", []):
                value = cell.get("value") or {}
                if value.get("kind") in ("count", "amount"):
                    cells[(key, row["id"], cell["column"])] = value.get("raw")
    return cells


texts = sorted((ROOT / "examples" / "published").glob("*.txt"))
seeds = ROOT.parent / "shared" / "seeds"
if seeds.is_dir():
    texts += sorted(seeds.glob("*.txt"))
legacy = work / "legacy"
legacy.mkdir(exist_ok=True)
for text in texts:
    doc = legacy / f"{text.stem}.doc"
    doc.unlink(missing_ok=True)
    r = soffice(["--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "doc:MS Word 97", "--outdir", str(legacy), str(text)], work)
    if not doc.exists():
        check(f"LibreOffice made {doc.name} from {text.name}", False, r.stderr.decode(errors="replace")[-300:])
        continue
    want, got = number_cells(text), number_cells(doc)
    ok = bool(want) and got is not None and all(got.get(k) == v for k, v in want.items())
    check(f"{doc.name} (Word 97, from {text.parent.name}/{text.name}) reads all {len(want or {})} number cells of the text",
          ok, None if got is None else [k for k, v in (want or {}).items() if got.get(k) != v][:5])

finish()
