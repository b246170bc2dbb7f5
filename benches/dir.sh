#!/usr/bin/env bash
# gaogen check over a directory of generated reports, side by side with the naive script and grep.
#
# usage: benches/dir.sh [SIZE...]            (default: 1000 10000)
# environment:
#   SHARED   the shared inputs (default ../shared next to the repository); seeds/ and bench/ are used
#   DATA     where the generated directories are kept (default /work/bench-data; never in the repo)
#   GAOGEN   the binary (default $CARGO_TARGET_DIR/release/gaogen, else target/release/gaogen)
#   MODES    gaogen output modes to run (default "json"; "all" = json human sarif csv sjson);
#            also xlsx (check --summary xlsx -o), export-sqlite, export-csv, export-xlsx (gaogen export -o)
#   KINDS    which directories: "d" (1 in 10 broken), "any" (every sum broken); default "d any"
#   RUNS     timed runs of each command; the fastest is shown (default 3)
#
# For every SIZE and KIND the directory KIND<SIZE> under DATA is generated once by benches/gen.py
# (mutate.py in one interpreter; existing files are kept). Then, in the same run: gaogen check,
# `python3 cells.py` over the same files (the naive anchor, one core) and `grep -c 总计 -r`
# (output to a file), each under /usr/bin/time: wall seconds, CPU seconds, peak RSS.
# cells÷g: how many times faster gaogen is than cells.py; g÷grep: how many greps gaogen costs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
SHARED="${SHARED:-$repo/../shared}"
[ -d "$SHARED/seeds" ] || SHARED=/work/shared
DATA="${DATA:-/work/bench-data}"
GAOGEN="${GAOGEN:-${CARGO_TARGET_DIR:-$repo/target}/release/gaogen}"
MODES="${MODES:-json}"
[ "$MODES" = all ] && MODES="json human sarif csv sjson"
KINDS="${KINDS:-d any}"
RUNS="${RUNS:-3}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
[ -x "$GAOGEN" ] || { echo "no gaogen binary at $GAOGEN (cargo build --release -p gaogen)" >&2; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Runs "$@" RUNS times; prints "wall cpu rss_mb" of the fastest run.
measure() {
  local best="" line
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S %M' -o "$out/time" "$@" > "$out/stdout" 2> "$out/stderr" || true
    line="$(tail -n 1 "$out/time" | awk '{printf "%.2f %.2f %.1f", $1, $2 + $3, $4 / 1024}')"
    if [ -z "$best" ] || awk -v a="$line" -v b="$best" 'BEGIN{split(a,x," ");split(b,y," ");exit !(x[1]<y[1])}'; then
      best="$line"
    fi
  done
  echo "$best"
}

# The gaogen arguments of a mode, before the directory (files written go to $out, replaced).
mode_args() {
  case "$1" in
    json) echo "check --format json" ;;
    human) echo "check --format human" ;;
    sarif) echo "check --format sarif" ;;
    csv) echo "check --summary csv" ;;
    sjson) echo "check --summary json" ;;
    xlsx) echo "check --summary xlsx --force -o $out/summary.xlsx" ;;
    export-sqlite) echo "export --force -o $out/facts.sqlite" ;;
    export-csv) echo "export --force -o $out/facts.csv" ;;
    export-xlsx) echo "export --force -o $out/facts.xlsx" ;;
    *) echo "unknown mode $1" >&2; exit 2 ;;
  esac
}

printf '%-10s %-6s %-13s | %8s %7s %8s | %8s %7s %7s | %7s | %8s %8s\n' \
  directory files mode "gaogen s" "cpu s" "peak MB" "cells.py" "cpu s" "peak MB" "grep s" "cells÷g" "g÷grep"
for size in "${sizes[@]}"; do
  for kind in $KINDS; do
    dir="$DATA/$kind$size"
    flag=""; [ "$kind" = any ] && flag="--any"
    if [ "$(find "$dir" -name '*.txt' 2>/dev/null | wc -l)" -lt "$size" ]; then
      nice python3 "$here/gen.py" "$SHARED" "$dir" "$size" $flag
    fi
    files=$(find "$dir" -name '*.txt' | wc -l)
    cat "$dir"/* > /dev/null 2>&1 || find "$dir" -type f -exec cat {} + > /dev/null
    read -r gw _ _ <<< "$(measure grep -c 总计 -r "$dir")"
    read -r cw cc cm <<< "$(measure sh -c "find '$dir' -name '*.txt' -print0 | xargs -0 python3 '$SHARED/bench/cells.py'")"
    for mode in $MODES; do
      # shellcheck disable=SC2046
      read -r w c m <<< "$(measure "$GAOGEN" $(mode_args "$mode") "$dir")"
      printf '%-10s %-6s %-13s | %8s %7s %8s | %8s %7s %7s | %7s | %8s %8s\n' "$kind$size" "$files" "$mode" \
        "$w" "$c" "$m" "$cw" "$cc" "$cm" "$gw" \
        "$(awk -v a="$w" -v b="$cw" 'BEGIN{if (a > 0) printf "%.2f", b/a; else print "-"}')" \
        "$(awk -v a="$w" -v b="$gw" 'BEGIN{if (b > 0) printf "%.0f", a/b; else print "-"}')"
    done
  done
done
