#!/usr/bin/env python3
"""Check the actor and agent dictionaries (data/actors/*.txt, data/agents.txt).

Checks the block format described in data/README.md: every line that is not
blank or a comment is a block header or a `+` phrase line; codes are built
from three-letter upper-case parts (agents start with `~`); header fields are
known; and no phrase is given two different codes, within a file or across
files. Prints counts per file.

With --corpus FILE.jsonl (repeatable) it also counts, for each block of
groups.txt, in how many documents one of its phrases occurs, as a rough
coverage report (plain token matching, not the coder's matcher).

Exit status 1 when an error was found. Usage:
    scripts/check_actor_files.py [--data DIR] [--corpus FILE.jsonl ...]
"""

import argparse
import collections
import json
import re
import sys
import unicodedata
from pathlib import Path

SECTORS = set(
    "GOV MIL REB OPP INS COP JUD LEG MED NGO IGO BUS CVL REF SPY EDU HLH REL "
    "LAB AGR CRM UAF ELI PTY MOD RAD".split()
)
KINDS = {"country", "org", "group", "person"}
AGENT_FLAGS = {"weak", "person"}

HEADER = re.compile(r"^(?P<name>[^\[\]+#][^\[\]]*?)\s*\[(?P<code>[^\]]*)\]\s*(?P<rest>.*)$")
PHRASE_LINE = re.compile(r"^\+\s*(?P<body>.*?)\s*(?:\[(?P<code>[^\]]*)\])?\s*$")
ACTOR_CODE = re.compile(r"^(?:[A-Z]{3})+$")
AGENT_CODE = re.compile(r"^~(?:[A-Z]{3})*$")
# Rough word splitting for the coverage report (not the coder's tokenizer).
WORD = re.compile(r"[^\W_]+(?:['.\-][^\W_]+)*\.?")


def strip_comment(line):
    """Drop a `#` comment that starts the line or follows whitespace."""
    if line.lstrip().startswith("#"):
        return ""
    m = re.search(r"\s#", line)
    return line[: m.start()] if m else line


def phrase_key(phrase):
    """How the matcher sees a phrase: case-folded unless written with capitals."""
    phrase = " ".join(phrase.split())
    return phrase if any(c.isupper() for c in phrase) else phrase.lower()


def fold(text):
    """Remove diacritics, for the near-duplicate warning."""
    return "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )


class Report:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def error(self, where, msg):
        self.errors += 1
        print(f"error: {where}: {msg}")

    def warn(self, where, msg):
        self.warnings += 1
        print(f"warning: {where}: {msg}")


def parse_file(path, is_agents, report):
    """Return a list of blocks: dict(name, code, fields, flags, phrases=[(phrase, code, line)])."""
    blocks = []
    current = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path}:{lineno}"
        line = strip_comment(raw).strip()
        if not line:
            continue
        if line.startswith("+"):
            if current is None:
                report.error(where, "phrase line before any block header")
                continue
            m = PHRASE_LINE.match(line)
            body, code = m.group("body"), m.group("code")
            if code is not None:
                check_code(code, is_agents, where, report)
            eff = code if code is not None else current["code"]
            for part in body.split("|"):
                phrase = " ".join(part.split())
                if not phrase:
                    report.error(where, "empty phrase")
                    continue
                if "[" in phrase or "]" in phrase:
                    report.error(where, f"bracket inside phrase {phrase!r}")
                letters = [c for c in phrase if c.isalpha()]
                if any(c.isupper() for c in letters) and not all(
                    c.isupper() for c in letters if c.isascii()
                ):
                    report.warn(where, f"mixed-case phrase {phrase!r}")
                current["phrases"].append((phrase, eff, lineno))
            continue
        m = HEADER.match(line)
        if not m:
            report.error(where, f"neither a header nor a + line: {line!r}")
            current = None
            continue
        code = m.group("code").strip()
        check_code(code, is_agents, where, report)
        fields, flags = {}, set()
        for tok in m.group("rest").split():
            if "=" in tok:
                key, _, value = tok.partition("=")
                fields[key] = value
            else:
                flags.add(tok)
        check_fields(fields, flags, is_agents, where, report)
        current = {
            "name": m.group("name").strip(),
            "code": code,
            "fields": fields,
            "flags": flags,
            "phrases": [],
            "where": where,
        }
        blocks.append(current)
    for b in blocks:
        if not b["phrases"]:
            report.error(b["where"], f"block {b['name']!r} has no phrases")
    return blocks


def check_code(code, is_agents, where, report):
    if is_agents:
        if not AGENT_CODE.match(code):
            report.error(where, f"agent code {code!r} is not ~ followed by three-letter parts")
    elif not ACTOR_CODE.match(code):
        report.error(where, f"actor code {code!r} is not made of three-letter upper-case parts")


def check_fields(fields, flags, is_agents, where, report):
    for key, value in fields.items():
        if key == "kind":
            if value not in KINDS:
                report.error(where, f"unknown kind {value!r}")
        elif key == "wikidata":
            if not re.fullmatch(r"Q[1-9][0-9]*", value):
                report.error(where, f"bad wikidata id {value!r}")
        elif key == "country":
            if value != "-" and not re.fullmatch(r"[A-Z]{3}", value):
                report.error(where, f"bad country {value!r}")
        elif key == "sector":
            for s in value.split(","):
                if s not in SECTORS:
                    report.error(where, f"unknown sector {s!r}")
        else:
            report.error(where, f"unknown field {key!r}")
    if is_agents:
        for f in flags - AGENT_FLAGS:
            report.error(where, f"unknown agent flag {f!r}")
    elif flags:
        report.error(where, f"unexpected words in header: {sorted(flags)}")


def corpus_coverage(blocks, corpora):
    """Document frequency of each block's phrases in the given corpora (lower-case phrases only)."""
    docs = []
    for path in corpora:
        with open(path, encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                docs.append(" " + " ".join(WORD.findall(text.lower())) + " ")
    rows = []
    for b in blocks:
        pats = [
            " " + " ".join(WORD.findall(p)) + " "
            for p, _, _ in b["phrases"]
            if p == p.lower()
        ]
        n = sum(1 for d in docs if any(p in d for p in pats))
        rows.append((n, b["name"], b["code"]))
    rows.sort(key=lambda r: (-r[0], r[1]))
    return rows, len(docs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = Path(__file__).resolve().parent.parent
    ap.add_argument("--data", type=Path, default=here / "data")
    ap.add_argument("--corpus", action="append", default=[], help="JSONL corpus for the groups coverage report")
    args = ap.parse_args()

    report = Report()
    files = sorted((args.data / "actors").glob("*.txt")) + [args.data / "agents.txt"]
    seen = {}  # phrase key -> (code, where)
    folded = collections.defaultdict(set)  # folded key -> {(key, code)}
    all_blocks = {}
    for path in files:
        if not path.exists():
            report.error(path, "missing")
            continue
        is_agents = path.name == "agents.txt"
        blocks = parse_file(path, is_agents, report)
        all_blocks[path.name] = blocks
        for b in blocks:
            for phrase, code, lineno in b["phrases"]:
                key = phrase_key(phrase)
                where = f"{path}:{lineno}"
                if key in seen and seen[key][0] != code:
                    report.error(
                        where,
                        f"phrase {phrase!r} is {code} here but {seen[key][0]} at {seen[key][1]}",
                    )
                elif key in seen and seen[key][1].split(":")[0] == str(path) and seen[key][0] == code:
                    pass  # harmless repeat with the same code
                seen.setdefault(key, (code, where))
                folded[fold(key)].add((key, code))
        n_phr = sum(len(b["phrases"]) for b in blocks)
        print(f"{path.name}: {len(blocks)} blocks, {n_phr} phrases")
    for fkey, variants in sorted(folded.items()):
        codes = {c for _, c in variants}
        if len(codes) > 1:
            report.warn("-", f"phrases equal without accents have different codes: {sorted(variants)}")
    total_blocks = sum(len(b) for b in all_blocks.values())
    total_phrases = sum(len(x["phrases"]) for b in all_blocks.values() for x in b)
    print(f"total: {total_blocks} blocks, {total_phrases} phrases, {len(seen)} distinct phrases")

    if args.corpus and "groups.txt" in all_blocks:
        rows, ndocs = corpus_coverage(all_blocks["groups.txt"], args.corpus)
        print(f"\ngroups.txt blocks by number of documents matched ({ndocs} documents):")
        for n, name, code in rows:
            if n:
                print(f"  {n:6d}  {name} [{code}]")
        print(f"  ({sum(1 for r in rows if not r[0])} blocks matched no document)")

    print(f"\n{report.errors} errors, {report.warnings} warnings")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
