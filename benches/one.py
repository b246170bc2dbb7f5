#!/usr/bin/env python3
"""Whole-process wall time of short commands, run alternately (the machine's load drifts
alike for all of them); prints the median, p10 and p90 of each and its ratio to the first.

usage: benches/one.py RUNS 'COMMAND' 'COMMAND' ...
e.g.   benches/one.py 300 'grep -c 总计 r000000.txt' \\
           'target/release/gaogen check --format json r000000.txt' \\
           'target/release/gaogen --version' /bin/true
"""
import shlex
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs = int(sys.argv[1])
    commands = sys.argv[2:]
    argvs = [shlex.split(c) for c in commands]
    times: list[list[float]] = [[] for _ in argvs]
    for _ in range(runs):
        for i, argv in enumerate(argvs):
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[i].append(time.perf_counter() - start)
    first = statistics.median(times[0])
    for command, t in zip(commands, times):
        t.sort()
        m = statistics.median(t)
        print(
            f"median {m * 1000:.2f} ms  p10 {t[len(t) // 10] * 1000:.2f}"
            f"  p90 {t[9 * len(t) // 10] * 1000:.2f}  x{m / first:.2f}  {command}"
        )


if __name__ == "__main__":
    main()
