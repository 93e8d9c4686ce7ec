#!/usr/bin/env python3
"""Rebuild dyad's imported dictionaries from PETRARCH2's Phoenix files.

Runs `dyad dict import` on ../shared/peer/petrarch2/dictionaries (the
PETRARCH2 distribution, MIT licence), then merges the result with the
hand-curated core in data/:

- data/actors/phoenix-people.txt: office-holders and other named people and
  bodies of Phoenix.Countries, with their date-restricted codes. The country
  blocks themselves are left out: data/actors/countries.txt covers every
  country, and the Phoenix blocks list towns as the country ("Herat" is AFG),
  which dyad leaves to its gazetteer.
- data/actors/phoenix-international.txt, data/actors/phoenix-nonstate.txt:
  international organisations, companies, NGOs, armed and political groups.
- the agents of Phoenix.agents.txt, appended to data/agents.txt below a
  marker line (everything below it is rewritten by this script).

A phrase the core (or an earlier imported entry) already has is dropped, so
the core always wins and `dyad dict lint` finds no conflicts; single-word
names of people are dropped too (a surname alone is too often someone
else). Counts and reasons are printed, and written to data/IMPORT.md.

Usage: python3 scripts/import_petrarch.py [PETRARCH_DICT_DIR]
"""

import collections
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
MARKER = "# ==== Imported from PETRARCH2 Phoenix.agents.txt by scripts/import_petrarch.py: do not edit below"
HEADER = """# Converted by scripts/import_petrarch.py (`dyad dict import`) from
# {source} of the PETRARCH2 distribution (MIT License, Copyright (c) 2014
# Open Event Data Alliance; ../shared/peer/petrarch2). Each block notes the
# line it came from. Do not edit by hand: put corrections in the core files
# (which win) or a user dictionary, and rerun the script.
"""


def key(phrase):
    """A phrase as the matcher sees it: lower-case words, punctuation apart."""
    p = phrase.strip().rstrip("*").lower()
    p = re.sub(r"([^\w\s])", r" \1 ", p)
    return " ".join(p.split())


def blocks(text):
    """(header, [lines]) for each block of a dyad actor file."""
    out = []
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if s[0] in "+@":
            if out:
                out[-1][1].append(s)
        else:
            out.append((s, []))
    return out


def core_keys(files):
    seen = set()
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                s = line.split(" #")[0].strip()
                if s.startswith("+"):
                    body = re.sub(r"\[[^\]]*\]", "", s[1:])
                    for p in body.split("|"):
                        if p.strip():
                            seen.add(key(p))
    return seen


def merge_actor_file(src, dst, source_name, seen, report, keep):
    with open(src, encoding="utf-8") as f:
        bl = blocks(f.read())
    out = [HEADER.format(source=source_name)]
    for header, lines in bl:
        m = re.match(r"(.*?)\[([^\]]*)\](.*)", header)
        code, rest = m.group(2), m.group(3)
        person = "kind=person" in rest
        reason = keep(code, rest)
        if reason:
            report[reason] += 1
            continue
        phrases, dated = [], []
        for l in lines:
            if l.startswith("@"):
                dated.append(l)
                continue
            for p in l[1:].split("|"):
                p = p.strip()
                k = key(p)
                if not k:
                    continue
                if k in seen:
                    report["phrase the core or an earlier entry already has"] += 1
                    continue
                if person and " " not in k:
                    report["single-word name of a person"] += 1
                    continue
                seen.add(k)
                phrases.append(p)
        if not phrases:
            report["entry left without phrases"] += 1
            continue
        out.append(header)
        for i in range(0, len(phrases), 6):
            out.append("+ " + " | ".join(phrases[i:i + 6]))
        out.extend(dated)
        out.append("")
        report["actors kept"] += 1
        report["phrases kept"] += len(phrases)
        report["dated codes kept"] += len(dated)
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "peer", "petrarch2", "dictionaries")
    dyad = os.path.join(ROOT, "target", "release", "dyad")
    if not os.path.exists(dyad):
        subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)
    tmp = tempfile.mkdtemp(prefix="dyad-import-")
    log = subprocess.run([dyad, "dict", "import", src, "-o", tmp], check=True, capture_output=True, text=True).stdout
    # The temporary paths change from run to run; the report keeps the counts.
    log = "\n".join(l for l in log.splitlines() if not l.startswith("wrote "))
    actors = os.path.join(DATA, "actors")
    core = [os.path.join(actors, n) for n in ("countries.txt", "groups.txt", "organisations.txt")]

    agents_path = os.path.join(DATA, "agents.txt")
    with open(agents_path, encoding="utf-8") as f:
        agents_core = f.read().split(MARKER)[0].rstrip("\n") + "\n"
    with open(agents_path, "w", encoding="utf-8") as f:
        f.write(agents_core)
    seen = core_keys(core + [agents_path])

    report = collections.Counter()
    def countries_keep(code, rest):
        if len(code) == 3 and "kind=country" in rest:
            return "country block (countries.txt covers countries)"
        return None
    merge_actor_file(os.path.join(tmp, "actors", "Phoenix.Countries.actors.txt"),
                     os.path.join(actors, "phoenix-people.txt"), "Phoenix.Countries.actors.txt",
                     seen, report, countries_keep)
    merge_actor_file(os.path.join(tmp, "actors", "Phoenix.International.actors.txt"),
                     os.path.join(actors, "phoenix-international.txt"), "Phoenix.International.actors.txt",
                     seen, report, lambda c, r: None)
    merge_actor_file(os.path.join(tmp, "actors", "Phoenix.MilNonState.actors.txt"),
                     os.path.join(actors, "phoenix-nonstate.txt"), "Phoenix.MilNonState.actors.txt",
                     seen, report, lambda c, r: None)

    # Agents: appended below the marker, phrases the core has dropped.
    with open(os.path.join(tmp, "agents.txt"), encoding="utf-8") as f:
        imported = blocks(f.read())
    lines = ["", MARKER, ""]
    for header, body in imported:
        phrases = []
        for l in body:
            for p in l[1:].split("|"):
                k = key(p)
                if k and k not in seen:
                    seen.add(k)
                    phrases.append(p.strip())
                elif k:
                    report["agent phrase the core already has"] += 1
        if phrases:
            lines.append(header)
            lines.append("+ " + " | ".join(phrases))
            report["agents kept"] += 1
    with open(agents_path, "a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    summary = ["# Import report", "", "`python3 scripts/import_petrarch.py` converted the PETRARCH2 Phoenix",
               "dictionaries and merged them with the core. `dyad dict import` said:", "", "```", log.strip(), "```", "",
               "Merging kept and left out:", "", "| what | count |", "|---|---|"]
    for k, v in sorted(report.items()):
        summary.append(f"| {k} | {v} |")
    with open(os.path.join(DATA, "IMPORT.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(summary) + "\n")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
