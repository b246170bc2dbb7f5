#!/usr/bin/env python3
"""Write one large report, for the memory of one large input (BENCHMARKS.md, issue 16: one 30 MB
input in at most 5x its size of memory).

usage: big.py SHARED OUT.txt [REPEATS]               tables (default 9936 repeats: 31.5 MB)
       big.py --narrative SHARED OUT.txt [REPEATS]   narrative (default 8592 repeats: 31.5 MB)

Tables: seed 001's lines 1-15 (title, preamble, section 一), then lines 16-337 (sections 二-四)
REPEATS times, then the rest (五, 六): every repetition after the first is rows already read, so
hundreds of thousands of R-UNPLACED diagnostics.
Narrative: seed 001's lines 1-4, then lines 5-15 (section 一's paragraphs) REPEATS times, then the
rest (sections 二-六, read once).
"""
import os
import sys

args = sys.argv[1:]
narrative = args[:1] == ['--narrative']
if narrative:
    args = args[1:]
shared, out = args[0], args[1]
repeats = int(args[2]) if len(args) > 2 else (8592 if narrative else 9936)
seeds = sorted(s for s in os.listdir(os.path.join(shared, 'seeds')) if s.endswith('.txt'))
with open(os.path.join(shared, 'seeds', seeds[1]), encoding='utf-8') as f:
    lines = f.read().split('\n')
if narrative:
    head, body, tail = lines[:4], lines[4:15], lines[15:]
else:
    head, body, tail = lines[:15], lines[15:337], lines[337:]
with open(out, 'w', encoding='utf-8') as f:
    f.write('\n'.join(head + body * repeats + tail))
print(f'{out}: {os.path.getsize(out)} bytes', file=sys.stderr)
