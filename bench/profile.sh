#!/usr/bin/env bash
# Where `dyad code` spends its time, stage by stage: one thread, about 5 MB
# of ../shared/corpus (MUC-3/4, then India Police Events), dates and places
# on, whole process. Samples the release binary with `perf record -e
# cpu-clock` (call graphs by DWARF unwinding, inlined functions resolved from
# the line tables the release profile keeps) and writes
# bench/results/profile-<date>.md with a table of inclusive and self shares
# per stage (bench/profile_stages.py) and the hottest functions.
#
#   bench/profile.sh              # ~5 MB, 1999 samples/s
#   PROFILE_MB=2 bench/profile.sh # another size
#
# Needs perf (hardware counters are not needed) and python3. Work files go
# to bench/work/profile/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
SHARED="$ROOT/../shared/corpus"
WORK="$ROOT/bench/work/profile"
MB="${PROFILE_MB:-5}"
FREQ="${PROFILE_FREQ:-1999}"
DATE="$(date -u +%Y-%m-%d)"
OUT="$ROOT/bench/results/profile-$DATE.md"

command -v perf >/dev/null || { echo "profile.sh: perf is required (apt-get install linux-perf)" >&2; exit 1; }
for f in "$SHARED/muc34/articles.jsonl" "$SHARED/india-police-events/articles.jsonl"; do
    [ -f "$f" ] || { echo "profile.sh: $f is missing (../shared beside the repository)" >&2; exit 1; }
done
mkdir -p "$WORK" "$ROOT/bench/results"

echo "profile.sh: building the release binary" >&2
cargo build --release -q -p dyad-cli
DYAD="$ROOT/target/release/dyad"

CORPUS="$WORK/corpus-${MB}mb.jsonl"
python3 "$ROOT/bench/make_corpus.py" "$MB" "$CORPUS" \
    "$SHARED/muc34/articles.jsonl" "$SHARED/india-police-events/articles.jsonl" >&2

echo "profile.sh: perf record (one thread, $FREQ samples/s)" >&2
rm -f "$WORK/perf.data" "$WORK/events.jsonl"
perf record -q -e cpu-clock -F "$FREQ" --call-graph dwarf,16384 -o "$WORK/perf.data" \
    "$DYAD" code "$CORPUS" --threads 1 -o "$WORK/events.jsonl" 2> "$WORK/dyad.stderr" \
    || { echo "profile.sh: perf record failed (perf_event_paranoid? see $WORK/dyad.stderr)" >&2; exit 1; }
SUMMARY="$(grep '^documents' "$WORK/dyad.stderr" | tail -1)"

echo "profile.sh: resolving call stacks (takes a minute)" >&2
perf script -i "$WORK/perf.data" --inline --full-source-path -F ip,sym,srcline \
    > "$WORK/stacks.txt" 2>/dev/null
TABLE="$(python3 "$ROOT/bench/profile_stages.py" "$WORK/stacks.txt" --json "$WORK/stages.json")"
# `|| true`: head closes the pipe early on purpose.
TOP="$(perf report -i "$WORK/perf.data" --no-children --no-inline -g none --sort sym --stdio -q \
    2>/dev/null | grep -E '^ +[0-9]' | head -25 | cut -c1-150 || true)"

{
    echo "# Where the time goes: \`dyad code\`, one thread, $DATE"
    echo
    echo "Input: \`bench/make_corpus.py $MB\` (MUC-3/4 then India Police Events from"
    echo "\`../shared/corpus\`, $(wc -c < "$CORPUS") bytes), release build at commit"
    echo "\`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- crates || echo ' (with uncommitted changes)'),"
    echo "dates and places on, whole process (start-up included). Machine: $(nproc) cores,"
    echo "$(lscpu | sed -n 's/^Model name: *//p'). dyad's summary: \`$SUMMARY\`."
    echo
    echo "Method: \`perf record -e cpu-clock -F $FREQ --call-graph dwarf\` (wall-clock"
    echo "sampling, no hardware counters), stacks resolved with inlined frames, each"
    echo "frame given to a stage by its function and source file"
    echo "(\`bench/profile_stages.py\`). *Inclusive*: share of samples with the stage"
    echo "anywhere on the stack (it includes what the stage calls, allocation"
    echo "included). *Self*: share of samples whose innermost stage is this one; that"
    echo "column adds up to 100 %. Rerun: \`bench/profile.sh\`."
    echo
    echo "$TABLE"
    echo
    echo "## Hottest functions (self, \`perf report --no-children --sort sym\`)"
    echo
    echo '```'
    echo "$TOP"
    echo '```'
} > "$OUT"
echo "profile.sh: wrote $OUT" >&2
