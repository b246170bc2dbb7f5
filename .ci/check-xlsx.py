#!/usr/bin/env python3
"""The authoring workbook in LibreOffice Calc: its formulas compute gaogen's totals.

For each case, gaogen writes a workbook (`import FIXTURE -o x.xlsx`, or `init -o x.xlsx`); every
formula's cached result is then replaced by 0 and one input cell changed, so that only a real
recalculation gives the right totals. LibreOffice (headless, a private profile set to always
recalculate on load) converts every sheet to CSV; each number cell of `gaogen parse x.xlsx` (which
recomputes the totals from the inputs, and names each cell, e.g. 表三!J6) must stand in the CSV
with the same value, and a blank cell blank. Prints one line per check, then 'N passed, N failed'.
Needs soffice with Calc (Debian: libreoffice-calc).
"""
import csv
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from tally import check, finish  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
GAOGEN = pathlib.Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target") / "debug" / "gaogen"
# Field separator, quote, UTF-8, from line 1, …, values (not as shown), no formulas, every sheet.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""



def column_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - ord("A") + 1)
    return n - 1


def stale_copy(src, dst, bump):
    """Every cached formula result set to 0; `bump` = (sheet xml, cell, delta) changes one input."""
    formulas = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                text, n = re.subn(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1<v>0</v>", text)
                formulas += n
                if bump and name == bump[0]:
                    cell, delta = bump[1], bump[2]
                    pattern = rf'(<c r="{cell}"[^>]*><v>)([\d.]+)(</v>)'
                    text, hit = re.subn(pattern, lambda m: f"{m[1]}{int(float(m[2])) + delta}{m[3]}", text)
                    assert hit == 1, f"no number in {cell}"
                data = text.encode("utf-8")
            zout.writestr(name, data)
    return formulas


def sheet_xml(book, sheet):
    """The part holding a sheet, from the workbook's relationships."""
    with zipfile.ZipFile(book) as z:
        wb = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet name="{sheet}" sheetId="\d+" r:id="(rId\d+)"', wb)[1]
    target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"', rels) or re.search(rf'Target="([^"]+)"[^>]*Id="{rid}"', rels)
    return "xl/" + target[1].lstrip("/").removeprefix("xl/")


def cells_of(model):
    """(address, value or None for blank) of every table cell gaogen read."""
    out = []
    for table in model["tables"].values():
        for row in table["rows"]:
            for c in row["cells"]:
                if "cell" not in c:
                    continue
                v = c["value"]
                if v["kind"] in ("count", "amount"):
                    out.append((c["cell"], float(v["value"])))
                elif v["kind"] in ("empty", "missing"):
                    # A blank input, or a total left blank because a part is blank.
                    out.append((c["cell"], None))
    return out


def run(args, cwd):
    return subprocess.run([str(GAOGEN), *args], cwd=cwd, capture_output=True, timeout=120)


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    profile = tmp / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    cases = [
        ("import crlf_bom.txt", ["import", str(ROOT / "tests/fixtures/crlf_bom.txt")], ("表三", "D6", 5)),
        ("import pdftotext_layout.txt", ["import", str(ROOT / "tests/fixtures/pdftotext_layout.txt")], ("表四", "A6", 2)),
        ("import pdftotext_2019_table3.txt (2019 表三)", ["import", str(ROOT / "tests/fixtures/pdftotext_2019_table3.txt")], None),
        ("init (blank: totals stay blank)", ["init", "--agency", "示范县人民政府", "--year", "2024"], None),
    ]
    for i, (name, args, bump) in enumerate(cases):
        work = tmp / f"case{i}"
        work.mkdir()
        out = run([*args, "-o", "x.xlsx"], work)
        if not check(f"{name}: gaogen writes the workbook", out.returncode == 0, out.stderr.decode(errors="replace")):
            continue
        part = sheet_xml(work / "x.xlsx", bump[0]) if bump else None
        formulas = stale_copy(work / "x.xlsx", work / "stale.xlsx", (part, bump[1], bump[2]) if bump else None)
        check(f"{name}: the workbook has formulas ({formulas})", formulas >= 20, formulas)
        conv = subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", CSV_FILTER,
             "--outdir", str(work / "csv"), str(work / "stale.xlsx")],
            capture_output=True, timeout=300)
        sheets = {p.stem.removeprefix("stale-"): p for p in (work / "csv").glob("stale-*.csv")}
        if not check(f"{name}: LibreOffice opens it and writes every sheet as CSV",
                     conv.returncode == 0 and {"表二", "表三", "表四"} <= set(sheets), (conv.stderr.decode(errors="replace"), list(sheets))):
            continue
        grid = {s: list(csv.reader(p.open(encoding="utf-8"))) for s, p in sheets.items()}
        parsed = run(["parse", "stale.xlsx"], work)
        if not check(f"{name}: gaogen parse reads it back", parsed.returncode == 0, parsed.stderr.decode(errors="replace")):
            continue
        cells = cells_of(json.loads(parsed.stdout))
        wrong = []
        for address, value in cells:
            sheet, at = address.split("!")
            m = re.fullmatch(r"([A-Z]+)(\d+)", at)
            row, col = int(m[2]) - 1, column_index(m[1])
            rows = grid.get(sheet, [])
            shown = rows[row][col] if row < len(rows) and col < len(rows[row]) else ""
            if value is None:
                ok = shown == ""
            else:
                try:
                    ok = abs(float(shown) - value) < 1e-9
                except ValueError:
                    ok = False
            if not ok:
                wrong.append((address, shown, value))
        numbers = sum(1 for _, v in cells if v is not None)
        check(f"{name}: LibreOffice's values = gaogen's in all {len(cells)} cells ({numbers} numbers)",
              not wrong and len(cells) >= 150, wrong[:5])

finish()
