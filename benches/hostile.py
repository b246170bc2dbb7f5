#!/usr/bin/env python3
"""Hostile-input shapes at 1, 2, 4 and 8 MB through the release CLI: wall time and peak memory
(issue 9: every stage linear, no accepted input needing more than 10x its size in memory).

    cargo build --release -p gaogen
    python3 benches/hostile.py [path/to/gaogen] > /tmp/hostile.md

Inputs are generated here into a temporary directory; nothing is committed. Figures go to
BENCHMARKS.md ("Hostile inputs"). Time and memory are measured here, never asserted in a test.
"""
import io, os, subprocess, sys, tempfile, zipfile

MB = 1024 * 1024
EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "examples", "published", "township_2023.txt")


def paragraph(size):
    # One paragraph repeating a sentence the T3-7 pattern matches (issue 9 item 9, check part).
    head = open(EXAMPLE, encoding="utf-8").read()
    s = "全年新收政府信息公开申请13件，"
    return (head.replace("持续做好政府信息公开工作", s * (size // len(s.encode()))) ).encode()


def attributes(size):
    # One tag with as many attributes as fit (item 8).
    n = size // 9
    return ("<html><body><p>一、总体情况</p><div " + " ".join("a%d=1" % i for i in range(n)) + ">x</div></body></html>").encode()[:size] + b">"


def char_refs(size):
    # `&#` repeated (item 8).
    return b"<html><body><p>" + b"&#" * (size // 2) + b"</p></body></html>"


def table_run(size):
    # One line of `|1|1|1...` (item 7).
    return b"\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb\xe4\xbd\x93\xe6\x83\x85\xe5\x86\xb5\n" + b"|1" * (size // 2) + b"|\n"


def lines(size):
    # Many ordinary report lines (the normal shape, scaled).
    base = open(EXAMPLE, encoding="utf-8").read().encode()
    return (base * (size // len(base) + 1))[:size]


def grid_spans(size):
    # .docx rows of cells each spanning 64 grid columns (item 2); `size` is document.xml's size.
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>'
    row = "<w:tr>" + cell * 1000 + "</w:tr>"
    body = ('<w:document xmlns:w="x"><w:body><w:tbl><w:tblGrid>' + '<w:gridCol w:w="9"/>' * 8 + "</w:tblGrid>"
            + row * max(1, size // len(row)) + "</w:tbl></w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", body)
    return out.getvalue()


SHAPES = [("paragraph", paragraph, "txt"), ("attributes", attributes, "html"), ("char_refs", char_refs, "html"),
          ("table_run", table_run, "txt"), ("lines", lines, "txt"), ("grid_spans", grid_spans, "docx")]


def main():
    gaogen = sys.argv[1] if len(sys.argv) > 1 else "target/release/gaogen"
    print("| shape | input MB | file bytes | seconds | peak RSS MB | RSS / input | exit |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as d:
        for name, make, ext in SHAPES:
            for mb in (1, 2, 4, 8):
                path = os.path.join(d, "%s_%d.%s" % (name, mb, ext))
                data = make(mb * MB)
                open(path, "wb").write(data)
                r = subprocess.run(["/usr/bin/time", "-f", "%e %M", gaogen, "check", "--format", "json", path],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                secs, kb = r.stderr.strip().splitlines()[-1].split()
                rss = int(kb) / 1024
                print("| %s | %d | %d | %s | %.0f | %.1f | %d |" % (name, mb, len(data), secs, rss, rss / mb, r.returncode))
                sys.stdout.flush()
                os.remove(path)


if __name__ == "__main__":
    main()
