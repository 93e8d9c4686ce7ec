#!/usr/bin/env bash
# dyad's speed benchmark: builds the release binary, then times `dyad code`
# as a whole process (bench/bench.py) and writes a Markdown table and JSON.
#
#   bench/run.sh           # 50 MB corpus, 1 and 2 threads, PETRARCH2 beside it:
#                          #   bench/results/latest.md and latest.json (commit them)
#   bench/run.sh --quick   # 2 MB, under a minute, PETRARCH2 optional: proves the
#                          #   benchmark runs; results in bench/work/quick/ (not kept)
#
# Needs ../shared beside the repository and python3 (standard library only).
# PETRARCH2 is set up on first use with ../shared/bench/petrarch2/setup.sh
# into bench/work/petrarch2 (Python 2.7 needed; when setup fails, the
# comparison is skipped with the reason). Corpora and outputs go to
# bench/work/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=()
OUT=bench/results
case "${1:-}" in
    "") ;;
    --quick) QUICK=(--quick); OUT=bench/work/quick ;;
    *) sed -n 2,14p "$0" >&2; exit 2 ;;
esac

command -v python3 >/dev/null || { echo "bench: python3 is required" >&2; exit 1; }
[ -d ../shared/corpus ] || { echo "bench: ../shared/corpus is missing (../shared must sit beside the repository)" >&2; exit 1; }

echo "bench: building the release binary" >&2
cargo build --release -q -p dyad-cli
python3 bench/bench.py target/release/dyad "$OUT" "${QUICK[@]}"
cat "$OUT/latest.md"
