#!/usr/bin/env python3
"""Build a benchmark directory of reports from ../shared/seeds with ../shared/bench/mutate.py.

usage: gen.py SHARED OUT_DIR COUNT [--any]
Runs mutate.py in this process (one interpreter for all files, not one per file): file i is made
from the i-th usable seed (round-robin) with seed number i; one report in ten of each seed's
((i // seeds) % 10 == 9) gets --break. With --any every number cell gets a distinct value and every sum fails (mutate.py --any).
Seeds mutate.py refuses (not all 200 number cells) are skipped, except with --any.
Existing files are kept, so a directory can be grown from 1,000 to 100,000.
"""
import os, sys

shared, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
any_mode = '--any' in sys.argv
sys.path.insert(0, os.path.join(shared, 'bench'))
import mutate  # noqa: E402

seeds_dir = os.path.join(shared, 'seeds')
seeds = sorted(os.path.join(seeds_dir, s) for s in os.listdir(seeds_dir) if s.endswith('.txt'))
usable = []
for s in seeds:
    sys.argv = ['mutate.py', s, '1', os.devnull, os.devnull] + (['--any'] if any_mode else [])
    try:
        mutate.main()
        usable.append(s)
    except SystemExit as e:
        print(f'skipped seed {os.path.basename(s)}: {e}', file=sys.stderr)
if not usable:
    sys.exit('no usable seed')
os.makedirs(out, exist_ok=True)
for i in range(count):
    target = os.path.join(out, f'r{i:06d}.txt')
    if os.path.exists(target):
        continue
    seed = usable[i % len(usable)]
    flags = ['--any'] if any_mode else (['--break'] if (i // len(usable)) % 10 == 9 else [])
    sys.argv = ['mutate.py', seed, str(i + 1), target + '.tmp', os.devnull] + flags
    mutate.main()
    os.replace(target + '.tmp', target)
print(f'{out}: {count} reports from {len(usable)} seeds', file=sys.stderr)
