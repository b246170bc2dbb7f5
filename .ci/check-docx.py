#!/usr/bin/env python3
"""Word output and input through LibreOffice (Debian's libreoffice-writer, installed by .ci/run):

- each example rendered to .docx opens in LibreOffice (converted to PDF without repair) and the
  PDF's text, read back through pdftotext by `gaogen check`, has every value and no finding;
- the Word file LibreOffice makes from each rendered HTML page parses with every value.

Closes with 'N passed, N failed'.
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
GAOGEN = ROOT / "target" / "debug" / "gaogen"
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


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
        ok = f is not None and f["summary"]["cells_read"] == 200 and f["summary"]["sections_found"] == 6 and not f["diagnostics"]
        check(f"{pdf.name} read back through pdftotext: 200 values, no finding", ok, f and f["summary"])

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

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
