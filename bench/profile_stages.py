#!/usr/bin/env python3
"""Where `dyad code` spends its time, stage by stage, from `perf script` output.

usage: profile_stages.py PERF_SCRIPT.txt [--json OUT.json] > TABLE.md

The input is `perf script --inline --full-source-path -F ip,sym,srcline`: one block per sample, frames
innermost first, inlined functions included (a release build keeps line
tables, so a stage inlined into its caller still shows as its own frame).
Each sample is given to stages by the function names on its stack:

- inclusive: the share of samples with the stage anywhere on the stack
  (a stage includes what it calls, allocation included);
- self: the share of samples whose innermost stage frame is this stage
  (the rows of this column add up to 100 %).

Standard library only.
"""

import json
import re
import sys

# (stage, regex) pairs. A frame is matched as "SOURCE_FILE FUNCTION": perf
# names an inlined frame by its bare function name ("find", "new"), so the
# file that defines it tells the stages apart. For each frame the first
# matching rule wins, so specific rules come before general ones.
START_UP = [
    ("start-up: dictionaries loaded", r"DictionaryArgs>?::load|Dictionaries>?::(compile|builtin|from_bytes)\b"),
    ("start-up: gazetteer loaded", r"Places>?::builtin|Gazetteer>?::from_text"),
]
STAGES = START_UP + [
    ("input: reading lines, JSON parsing", r"crates/input/src/"),
    ("normalisation", r"crates/text/src/(normalize|mojibake|entity)\.rs |crates/text/src/lib\.rs (dyad_text::NormText::)?new\b"),
    ("sentence split", r"crates/text/src/(sentences|abbrev)\.rs |split_sentences"),
    ("tokenise", r"crates/text/src/tokens\.rs |crates/text/src/lib\.rs (dyad_text::)?tokenize\b"),
    ("phrase matcher (actor and cue dictionaries)", r"crates/dict/src/phrase\.rs "),
    ("actor matching (noun phrases: build_mentions, rest)",
     r"crates/coder/src/analysis\.rs (dyad_coder::analysis::)?(build_mentions|combine|attach_names|agent_of_country|modifier_like)\b"),
    ("word classes and cue phrases (rest of analyse)", r"crates/coder/src/analysis\.rs (dyad_coder::analysis::)?analyse\b"),
    ("reference (resolve_mentions, discourse)", r"crates/coder/src/discourse\.rs |resolve_mentions\b"),
    ("verb pattern matching (triggers)", r"crates/coder/src/triggers\.rs "),
    ("roles, attribution, modality, composition",
     r"crates/coder/src/roles\.rs |crates/coder/src/lib\.rs \S*\b(code_triggers|frames|verb_tokens|compose_cue)\b"),
    ("dates (dyad_dates, when.rs)", r"crates/coder/src/when\.rs |crates/dates/src/"),
    ("places (dyad_places, place.rs)", r"crates/coder/src/place\.rs |crates/places/src/"),
    ("discards and issues", r"crates/dict/src/discards\.rs "),
    ("code_document (inclusive: all coding; self: per-document set-up)",
     r"crates/coder/src/lib\.rs \S*\b(code_document_with_stats|analyse_sentences|country_counts|char_byte_offsets)\b"),
    ("event assembly (code_sentence; self: building the records)", r"crates/coder/src/lib\.rs "),
    ("JSON output (serde_json, writing)", r"serde_json[-/.0-9]*/src/ser\.rs |crates/model/src/|crates/cli/src/code\.rs \S*\bevents\b|bufwriter\.rs "),
    ("allocation (mimalloc, page faults under it)", r"\s_?mi_|\s__rust_(alloc|dealloc|realloc)\b|\s__rdl_"),
]
COMPILED = [(name, re.compile(rx)) for name, rx in STAGES]
# Rows whose inclusive share needs a narrower rule than their own frames:
# code_sentence is where event assembly starts, and the other coder
# functions of lib.rs (resolve_mentions, closures) sit inside or beside it.
INCLUSIVE_ONLY = {
    "event assembly (code_sentence; self: building the records)": re.compile(r"\bcode_sentence\b"),
}
START_UP_NAMES = {name for name, _ in START_UP}
CODING = re.compile(r"code_all\b")


def samples(path):
    """Each sample as a list of "SOURCE_FILE FUNCTION" frames, innermost first."""
    frames = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                if frames:
                    yield frames
                frames = []
            elif line.startswith("\t"):
                parts = line.strip().split(None, 1)
                frames.append(["?", parts[1] if len(parts) == 2 else "?"])
            elif frames:
                # srcline: "  /path/file.rs:123 (inlined)" or "  [kernel.kallsyms][ip]"
                src = line.strip().split(" ")[0]
                frames[-1][0] = re.sub(r":\d+$", "", src)
    if frames:
        yield frames


def stages_of(frames):
    """(set of stages on the stack, the sample's own stage or None).

    A sample's own stage is its innermost stage frame, except that all of
    start-up counts as start-up."""
    on_stack = set()
    innermost = None
    for src, fn in frames:
        key = src + " " + fn
        for name, rx in COMPILED:
            if rx.search(key):
                if name not in INCLUSIVE_ONLY:
                    on_stack.add(name)
                if innermost is None:
                    innermost = name
                break
        for name, rx in INCLUSIVE_ONLY.items():
            if rx.search(fn):
                on_stack.add(name)
    start_up = [n for n, _ in START_UP if n in on_stack]
    if start_up:
        innermost = start_up[0]
    return on_stack, innermost


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    json_out = None
    if "--json" in args:
        i = args.index("--json")
        json_out = args[i + 1]
        del args[i:i + 2]
    total = 0
    coding = 0
    inclusive = {name: 0 for name, _ in STAGES}
    own = {name: 0 for name, _ in STAGES}
    own_other = 0
    for frames in samples(args[0]):
        total += 1
        if any(CODING.search(fn) for _, fn in frames):
            coding += 1
        on_stack, innermost = stages_of(frames)
        for name in on_stack:
            inclusive[name] += 1
        if innermost is None:
            own_other += 1
        else:
            own[innermost] += 1
    if total == 0:
        sys.exit("no samples in " + args[0])

    def pct(n):
        return 100.0 * n / total

    print("| stage | inclusive % | self % |")
    print("|---|---:|---:|")
    for name, _ in STAGES:
        print("| %s | %.1f | %.1f |" % (name, pct(inclusive[name]), pct(own[name])))
    print("| everything else (process start, exit, I/O, unmatched frames) | | %.1f |" % pct(own_other))
    print()
    print("%d samples; coding loop (`code_all`) in %.1f %% of them." % (total, pct(coding)))
    if json_out:
        with open(json_out, "w", encoding="utf-8") as f:
            json.dump({
                "samples": total,
                "coding_loop_pct": round(pct(coding), 2),
                "stages": [
                    {"stage": name.strip(), "inclusive_pct": round(pct(inclusive[name]), 2),
                     "self_pct": round(pct(own[name]), 2)}
                    for name, _ in STAGES
                ],
                "other_self_pct": round(pct(own_other), 2),
            }, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
