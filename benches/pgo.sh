#!/usr/bin/env bash
# Builds gaogen with profile-guided optimisation (PGO): an instrumented release build, a training
# run, the merged profile, and the optimised release build.
#
# usage: benches/pgo.sh                      → $OUT/release/gaogen (default OUT=target-pgo)
# environment:
#   SHARED   the shared inputs (default ../shared next to the repository)
#   DATA     where the training directory is generated (default /work/bench-data; never the repo)
#   OUT      the target directory of the optimised build (default target-pgo in the repository)
#
# Needs llvm-profdata of the compiler's LLVM: `rustup component add llvm-tools`.
# Training inputs: the repository's fixtures, ../shared's seeds and corpus (when present) and 200
# reports with every sum broken (`gen.py --any`, directory pgo-any200 under DATA) — never the
# 1-in-10 directories (d1000, d10000 …) that BENCHMARKS.md measures. Each is checked in every
# output format and the seeds are parsed, so the profile covers reading, every rule and output.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
SHARED="${SHARED:-$repo/../shared}"
DATA="${DATA:-/work/bench-data}"
OUT="${OUT:-$repo/target-pgo}"
sysroot="$(rustc --print sysroot)"
profdata="$(find "$sysroot/lib/rustlib" -name llvm-profdata -type f | head -n 1)"
[ -x "$profdata" ] || { echo "no llvm-profdata for this compiler: rustup component add llvm-tools" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$repo"
RUSTFLAGS="-Cprofile-generate=$work/raw" cargo build --release -p gaogen --target-dir "$work/gen"
gaogen="$work/gen/release/gaogen"

inputs=("$repo/tests/fixtures")
if [ -d "$SHARED/seeds" ]; then
  inputs+=("$SHARED/seeds" "$SHARED/corpus")
  train="$DATA/pgo-any200"
  [ -d "$train" ] || python3 "$here/gen.py" "$SHARED" "$train" 200 --any
  inputs+=("$train")
fi
for fmt in json human sarif; do
  "$gaogen" check --format "$fmt" "${inputs[@]}" > /dev/null 2>&1 || true
done
"$gaogen" check --summary csv "${inputs[@]}" > /dev/null 2>&1 || true
for f in "$repo"/tests/fixtures/*.* "$SHARED"/seeds/*; do
  [ -f "$f" ] && { "$gaogen" parse --format json "$f" > /dev/null 2>&1 || true; }
done

"$profdata" merge -o "$work/merged.profdata" "$work/raw"
RUSTFLAGS="-Cprofile-use=$work/merged.profdata" cargo build --release -p gaogen --target-dir "$OUT"
echo "PGO build: $OUT/release/gaogen"
