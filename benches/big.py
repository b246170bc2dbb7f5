#!/usr/bin/env python3
"""Write one large report: a seed's sections 二–四 (its table region) repeated, for the memory of
one large input (BENCHMARKS.md, issue 16: one 30 MB input in at most 5x its size of memory).

usage: big.py SHARED OUT.txt [REPEATS]   (default 9936 repeats of seed 001: 31.5 MB)
The seed's lines 1-15 (title, preamble, section 一), then lines 16-337 (sections 二-四) REPEATS
times, then the rest (五, 六).
"""
import os
import sys

shared, out = sys.argv[1], sys.argv[2]
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 9936
seeds = sorted(s for s in os.listdir(os.path.join(shared, 'seeds')) if s.endswith('.txt'))
with open(os.path.join(shared, 'seeds', seeds[1]), encoding='utf-8') as f:
    lines = f.read().split('\n')
head, tables, tail = lines[:15], lines[15:337], lines[337:]
with open(out, 'w', encoding='utf-8') as f:
    f.write('\n'.join(head + tables * repeats + tail))
print(f'{out}: {os.path.getsize(out)} bytes', file=sys.stderr)
