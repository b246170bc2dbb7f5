#!/usr/bin/env python3
"""Runs gaogen over ../shared (real published reports) and asserts the facts the issues name.

Run by .ci/run when ../shared exists; the repository's own tests use tests/fixtures instead.
Prints one line per check and closes with 'N passed, N failed'.
"""
import json
import os
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from tally import check, finish  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
# GAOGEN_SHARED names ../shared when the checkout is elsewhere (a worktree).
SHARED = pathlib.Path(os.environ.get("GAOGEN_SHARED") or ROOT.parent / "shared")
GAOGEN = pathlib.Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target") / "debug" / "gaogen"



def parse(path):
    out = subprocess.run([str(GAOGEN), "parse", str(path)], capture_output=True, timeout=60)
    check(f"{path.name}: exit 0", out.returncode == 0, out.stderr.decode(errors="replace"))
    return json.loads(out.stdout) if out.returncode == 0 else None


def numbers(report, table):
    t = report["tables"][table]
    return sum(1 for r in t["rows"] for c in r["cells"] if c["value"]["kind"] in ("count", "amount"))


def row(report, table, rid):
    for r in report["tables"][table]["rows"]:
        if r["id"] == rid:
            return r
    return None


def values(report, table, rid):
    r = row(report, table, rid)
    return [c["value"].get("value") for c in r["cells"]] if r else None


def kinds(report):
    return [f["kind"] for f in report["findings"]]


seeds = {p.name[:3]: p for p in sorted((SHARED / "seeds").glob("*.txt"))}
for key, path in seeds.items():
    r = parse(path)
    if r is None:
        continue
    total = sum(numbers(r, t) for t in ("active_disclosure", "applications", "reviews_and_litigation"))
    if key in ("001", "004"):
        check(f"{key}: complete, 200 number cells", total == 200, total)
    if key == "000":
        for rid in ("disclosed", "partially_disclosed"):
            cells = row(r, "applications", rid)["cells"]
            check(f"000: {rid} carries only its 总计", [c["value"]["kind"] for c in cells][-1] == "count"
                  and all(c["value"]["kind"] != "count" for c in cells[:-1]), cells)
    if key == "003":
        check("003: （七） row ambiguous", row(r, "applications", "results_total")["status"] == "ambiguous")
        check("003: （七） keeps its 6 values", len(row(r, "applications", "results_total")["unplaced"]) == 6)
    if key == "002":
        check("002: heading 四 missing", not r["sections"][3]["found"])
        check("002: 表三 stops after （四）1", row(r, "applications", "unavailable_not_held")["status"] == "found"
              and row(r, "applications", "unavailable_needs_creation")["status"] == "missing")
        check("002: 15 values of 表四 placed", numbers(r, "reviews_and_litigation") == 15)
        check("002: 表二 行政许可 33", values(r, "active_disclosure", "licensing") == [33])

corpus = SHARED / "corpus" / "pdf"
facts = {
    "huaian_city_2024": {
        "new_requests": 3119, "carried_over": 34, "results_total": 3050, "carried_forward": 103,
        "t4": [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20], "t3": "2021", "fee": "96171.6",
    },
    "hongze_district_2023": {
        "new_requests": 21, "carried_over": 0, "results_total": 21, "carried_forward": 0,
        "t4": [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0], "t3": "2019", "fee": "7730.28",
        "licensing": 550,
    },
    "hongze_district_2024": {
        "new_requests": 95, "carried_over": 0, "results_total": 95, "carried_forward": 0,
        "t4": [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3], "t3": "2019", "fee": "7545",
        "licensing": 9487,
    },
}
tmp = ROOT / "target" / "shared-text"
tmp.mkdir(parents=True, exist_ok=True)
for name, f in facts.items():
    pdf = corpus / f"{name}.pdf"
    if not pdf.exists():
        continue
    txt = tmp / f"{name}.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(txt)], check=True)
    r = parse(txt)
    if r is None:
        continue
    for rid in ("new_requests", "carried_over", "results_total", "carried_forward"):
        check(f"{name}: 表三 {rid} 总计 {f[rid]}", values(r, "applications", rid)[-1] == f[rid],
              values(r, "applications", rid))
    check(f"{name}: 表四 {f['t4']}", values(r, "reviews_and_litigation", "cases") == f["t4"],
          values(r, "reviews_and_litigation", "cases"))
    check(f"{name}: 表三 format {f['t3']}", r["tables"]["applications"]["version"] == f["t3"])
    check(f"{name}: 表二 fee {f['fee']}", values(r, "active_disclosure", "fees") == [f["fee"]],
          values(r, "active_disclosure", "fees"))
    if "licensing" in f:
        check(f"{name}: 表二 行政许可 {f['licensing']}", values(r, "active_disclosure", "licensing") == [f["licensing"]])
    expected = 175 if f["t3"] == "2021" else 161
    check(f"{name}: every 表三 value placed", numbers(r, "applications") == expected, numbers(r, "applications"))
    if name.startswith("hongze"):
        check(f"{name}: typo 「其他法律行政止公开」 found", "label_variant" in kinds(r))

# The PDFs checked directly give the findings of their pdftotext text.
for name in facts:
    pdf = corpus / f"{name}.pdf"
    runs = [subprocess.run([str(GAOGEN), "check", "--format", "json", str(p)], capture_output=True, timeout=60) for p in (pdf, tmp / f"{name}.txt")]
    codes = [sorted(d["code"] for f in json.loads(r.stdout)["files"] for d in f["diagnostics"]) for r in runs]
    check(f"{name}.pdf checked directly: same findings as its text", codes[0] == codes[1] and runs[0].returncode == runs[1].returncode, codes)

# gaogen diff over the two consecutive 洪泽区 years.
old_txt, new_txt = tmp / "hongze_district_2023.txt", tmp / "hongze_district_2024.txt"
if old_txt.exists() and new_txt.exists():
    out = subprocess.run([str(GAOGEN), "diff", "--format", "json", str(old_txt), str(new_txt)], capture_output=True, timeout=60)
    check("diff 洪泽区 2023 → 2024: exit 1 (differences)", out.returncode == 1, out.stderr.decode(errors="replace"))
    d = json.loads(out.stdout)
    t36 = [c for c in d["chain"] if c["code"] == "T3-6"]
    check("diff: T3-6 holds in all seven columns", len(t36) == 7 and all(c["status"] == "holds" for c in t36), t36)
    lic = [c for t in d["tables"] for c in t["changes"] if c["row"] == "licensing"]
    check("diff: 表二 行政许可 550 → 9487", [(c["old"]["value"], c["new"]["value"]) for c in lic] == [(550, 9487)], lic)
    check("diff: reuse ratio per section", len(d["text"]["sections"]) == 6)
    sec = {s["key"]: s for s in d["text"]["sections"]}
    five, six = sec["problems"], sec["other"]
    # 2024's 五 copies two of 2023's sentences with a phrase changed (about 40% of it).
    check("diff 洪泽区: 五's copied share is reported (30–60%)", 0.3 <= five["ratio"] <= 0.6, five["ratio"])
    check("diff 洪泽区: 六's fee sentence is excluded, not flagged",
          six["reused_chars"] == 0 and any("信息处理费" in e for e in six["excluded"])
          and not any(x["code"] == "D-REUSE" and "六、" in x["message"] for x in d["diagnostics"]),
          (six["reused_chars"], six["excluded"]))

# import → render → parse keeps every number of every real report, and unread cells unread.
work = ROOT / "target" / "shared-import"
work.mkdir(parents=True, exist_ok=True)
for path in list(seeds.values()) + sorted(tmp.glob("*.txt")):
    toml_path, md_path = work / (path.stem + ".toml"), work / (path.stem + ".md")
    imp = subprocess.run([str(GAOGEN), "import", str(path), "-o", str(toml_path), "--force"], capture_output=True, timeout=60)
    ren = subprocess.run([str(GAOGEN), "render", str(toml_path), "--allow-errors", "-o", str(md_path), "--force"], capture_output=True, timeout=60)
    if imp.returncode or ren.returncode:
        check(f"import/render {path.name}", False, (imp.stderr + ren.stderr).decode(errors="replace")[-400:])
        continue
    before, after = parse(path), parse(md_path)
    if before is None or after is None:
        continue
    same = True
    for table in ("active_disclosure", "applications", "reviews_and_litigation"):
        for r in before["tables"][table]["rows"]:
            if r["id"] == "results_total":
                continue
            for c in r["cells"]:
                if c["column"].endswith("total"):
                    continue
                back = next((x["value"] for rr in after["tables"][table]["rows"] if rr["id"] == r["id"] for x in rr["cells"] if x["column"] == c["column"]), None)
                is_num = lambda v: v is not None and v["kind"] in ("count", "amount")
                if is_num(c["value"]) != is_num(back) or (is_num(back) and str(c["value"]["value"]) != str(back["value"])):
                    same = False
    check(f"import → render → parse {path.name}: same numbers, unread cells unread", same)

# Column-by-column text: every 表三 value placed, or the ambiguity stated (never guessed).
for path in sorted((SHARED / "corpus" / "pdfminer-text").glob("*.txt")):
    out = subprocess.run([str(GAOGEN), "parse", str(path)], capture_output=True, timeout=60)
    check(f"pdfminer {path.name}: reads without error", out.returncode == 0, out.stderr.decode(errors="replace"))
    if out.returncode == 0:
        r = json.loads(out.stdout)
        expected = 175 if r["tables"]["applications"]["version"] == "2021" else 161
        stated = [f for f in r["findings"] if f["kind"] == "row_ambiguous" and "逐列" in f["message"]]
        check(f"pdfminer {path.name}: 表三 placed or its ambiguity stated", numbers(r, "applications") == expected or bool(stated))
        check(f"pdfminer {path.name}: some 表三 block placed by column", numbers(r, "applications") > 14 or path.name.startswith("huaian"))
        # Every cell the PDF gives (its pdftotext text read row by row), none read otherwise, no R-AMBIGUOUS.
        layout = tmp / path.name
        if layout.exists():
            truth = parse(layout)
            cells = lambda rep: {(t, row["id"], c["column"]): str(c["value"].get("value")) for t in ("active_disclosure", "applications", "reviews_and_litigation")
                                 for row in rep["tables"][t]["rows"] for c in row["cells"] if c["value"]["kind"] in ("count", "amount")}
            want, got = cells(truth), cells(r)
            wrong = {k: (v, want.get(k)) for k, v in got.items() if want.get(k) != v}
            check(f"pdfminer {path.name}: every cell of the PDF ({len(want)}), none wrong", got == want and not wrong,
                  (len(got), len(want), list(wrong.items())[:5]))
            check(f"pdfminer {path.name}: no R-AMBIGUOUS", "row_ambiguous" not in kinds(r), [f["message"] for f in r["findings"] if f["kind"] == "row_ambiguous"])

# Scoring a directory: the 洪泽 2023 and 2024 PDFs and two seeds (issue 15's "must show").
import shutil
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    for name in ("hongze_district_2023.pdf", "hongze_district_2024.pdf"):
        shutil.copy(SHARED / "corpus" / "pdf" / name, tmp / name)
    for path in sorted((SHARED / "seeds").glob("*.txt"))[:2]:
        shutil.copy(path, tmp / path.name)
    out = subprocess.run([str(GAOGEN), "score", "--format", "json", str(tmp)], capture_output=True, timeout=120)
    check("score DIR (洪泽 2023/2024 + 2 seeds): exit 0", out.returncode == 0, out.stderr.decode(errors="replace"))
    if out.returncode == 0:
        reports = {pathlib.Path(r["path"]).name: r for r in json.loads(out.stdout)["reports"]}
        check("score: four reports scored", len(reports) == 4, list(reports))
        new = reports.get("hongze_district_2024.pdf", {})
        items = {i["id"]: i for i in new.get("items", [])}
        check("score: 洪泽 2024 paired with 2023", str(new.get("previous", "")).endswith("hongze_district_2023.pdf"), new.get("previous"))
        corrected = items.get("corrected", {})
        ev = corrected.get("evidence", [])
        check("score: 表四 纠正 case itemised (2 points, page and line, the cell's value)",
              corrected.get("deducted") == 2 and len(ev) == 1 and ev[0].get("page") == 4 and ev[0].get("line")
              and "结果纠正：1 件" in ev[0]["values"][0]["label"], corrected)
        reuse = items.get("reuse", {})
        check("score: reuse figure itemised with evidence",
              reuse.get("not_assessable") is False and "与上一年报告" in reuse.get("evidence", [{}])[0].get("message", "")
              and "hongze_district_2023.pdf" in reuse["evidence"][0]["message"], reuse)
        deadline = items.get("deadline", {})
        check("score: deadline not assessable (no date in the PDF) and shown as such, not full marks",
              deadline.get("not_assessable") is True and deadline.get("deducted") == 0
              and new.get("max") == 100 - deadline.get("points", 0)
              and deadline.get("evidence", [{}])[0].get("code") == "E-DEADLINE", deadline)
        check("score: 洪泽 2023 has no year before it", reports.get("hongze_district_2023.pdf", {}).get("previous") is None)
        text = subprocess.run([str(GAOGEN), "score", str(tmp)], capture_output=True, timeout=120).stdout.decode()
        check("score text: per-agency year table and 无法评估 shown", "各机关的报告年度" in text and "无法评估，不计入满分" in text)
    # check DIR pairs the same two years and runs the rules across years on them.
    out = subprocess.run([str(GAOGEN), "check", "--format", "json", str(tmp)], capture_output=True, timeout=120)
    check("check DIR (洪泽 2023/2024 + 2 seeds): JSON", out.returncode in (0, 1), out.stderr.decode(errors="replace"))
    if out.returncode in (0, 1):
        run = json.loads(out.stdout)
        pairs = run.get("pairs", [])
        check("check DIR: one pair, 洪泽 2023 → 2024", len(pairs) == 1
              and pairs[0]["previous"].endswith("hongze_district_2023.pdf")
              and pairs[0]["current"].endswith("hongze_district_2024.pdf") and pairs[0]["years"] == [2023, 2024], pairs)
        if pairs:
            chain = pairs[0]["chain"]
            codes = [d["code"] for d in pairs[0]["diagnostics"]]
            check("check DIR: T3-6 holds in every column (上年结转 0 = 结转下年度 0); the one broken link is last year's promises (D-PROMISE)",
                  chain["broken"] == 1 and chain["holds"] >= 7 and "T3-6" not in codes and codes == ["D-PROMISE"], (chain, codes))
            check("check DIR: reuse measured (30–60%)", 0.3 <= (pairs[0]["reuse"] or 0) <= 0.6, pairs[0]["reuse"])
        hongze = [a for a in run.get("agencies", []) if a["agency"] == "淮安市洪泽区人民政府"]
        check("check DIR: 洪泽's years listed", len(hongze) == 1 and [y["year"] for y in hongze[0]["years"]] == [2023, 2024], run.get("agencies"))
        check("check DIR: totals count the pair", run["totals"].get("pairs") == 1, run["totals"])
    text = subprocess.run([str(GAOGEN), "check", str(tmp)], capture_output=True, timeout=120).stdout.decode()
    check("check DIR text: pairs and the per-agency year table", "相邻年度比较" in text and "各机关的报告年度" in text)

finish()
