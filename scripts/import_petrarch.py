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
- data/verbs-cameo.txt: the verb patterns of CAMEO.2.0.txt for verbs
  data/verbs.txt does not have, less the generic ones (see VERBS_HEADER),
  and below a marker of data/verb_forms.txt the irregular forms it spells
  out for them.
- data/issues.txt: the issue phrases of Phoenix.IssueCoding.txt whose code
  has a PLOVER context (ISSUE_CONTEXTS).

A phrase the core (or an earlier imported entry) already has is dropped, so
the core always wins and `dyad dict lint` finds no conflicts; single-word
names of people are dropped too (a surname alone is too often someone
else), and so are the common nouns some Phoenix country blocks list as
names (GENERIC: "country", "nation" under Georgia). Counts and reasons
are printed, and written to data/IMPORT.md.

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


# Common nouns and adjectives that some Phoenix blocks list among a country's
# names; in news text they name no one actor.
GENERIC = {
    "country", "nation", "republic", "state", "kingdom", "territory",
    "sovereign state", "eurasian state", "occupied",
}


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
                if k in GENERIC:
                    report["common noun, names no one actor (GENERIC)"] += 1
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


VERBS_HEADER = """# CAMEO verb patterns converted by scripts/import_petrarch.py (`dyad dict
# import`) from CAMEO.2.0.txt of the PETRARCH2 distribution (MIT License,
# Copyright (c) 2014 Open Event Data Alliance; ../shared/peer/petrarch2; the
# licence text is in LICENSE-PETRARCH2). Each pattern notes the line it came
# from. Format: data/README.md ("Verb lexicon").
#
# dyad reads this file after verbs.txt, so the hand-curated core wins every
# equal match. The script left out (counts in IMPORT.md):
# - patterns whose code is not in cameo.tsv;
# - every verb the core has (as `~verb` or spelled out; also a multiword
#   verb whose first word is one, `~go_to`, `~set_up`) from the synonyms a
#   pattern lists (`~grant|~give * aid`), and the pattern when none is left:
#   the core's patterns alone code a verb it has;
# - a verb alone, with no other word: CAMEO.2.0 gives most verbs a default
#   code ("take", "leave", "see", "accord"), which on news text codes nearly
#   every clause;
# - patterns whose words, past the verb, are only prepositions, particles
#   and gaps ("~stand + by"), for the same reason;
# - a pattern with the same words as one kept before it.
# Do not edit by hand: put corrections in verbs.txt (which wins) or a user
# dictionary, and rerun the script.
"""

# Words that say nothing of what a pattern is about: a pattern whose words,
# past the verb, are all of these is as generic as the verb alone.
FUNCTION_WORDS = {
    "a", "an", "the", "to", "for", "with", "against", "on", "in", "into", "at", "from", "of", "by",
    "over", "about", "upon", "toward", "towards", "off", "out", "up", "down", "as", "under",
    "through", "across", "near", "between", "among", "after", "before", "behind", "within",
    "without", "back", "away", "it", "its", "their", "his", "her", "them", "him", "that", "this",
    "and", "or", "not", "be", "is", "are", "was", "were", "been", "will", "would", "has", "have",
    "had", "all", "any", "some", "more", "new", "own", "other", "further", "together", "again",
}


def pattern_elements(body):
    """The elements of a pattern body, each a sorted tuple of alternatives,
    so that two spellings of the same pattern compare equal."""
    out = []
    for raw in body.split():
        opt = raw.startswith("(") and raw.endswith(")")
        spec = raw[1:-1] if opt else raw
        alts = tuple(sorted(a.replace("_", " ") for a in spec.split("|")))
        out.append((opt, alts))
    return tuple(out)


def core_verbs(path):
    """The verbs verbs.txt codes: every `~lemma`, and every word written out
    in a pattern (the core spells out the forms of verbs that are also
    nouns: "shelled|shelling")."""
    lemmas, words = set(), set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            s = line.split(" #")[0].strip()
            if not s or s.startswith("#") or s.startswith("&"):
                continue
            for el in s.split(";")[0].split():
                for alt in el.strip("()").split("|"):
                    if alt.startswith("~"):
                        lemmas.add(alt[1:].lower())
                    elif alt and alt[0].isalpha():
                        words.add(alt.lower())
    return lemmas, words


def regular_forms(lemma):
    """Rough regular forms of a verb, enough to recognise one the core
    spells out."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", stem + "ed", stem + "ing", lemma + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def merge_verbs(src, dst, core_path, cameo_path, report):
    """Writes the converted CAMEO patterns less what the core covers and
    what is too generic (see VERBS_HEADER); returns the lemmas kept."""
    with open(cameo_path, encoding="utf-8") as f:
        cameo = {l.split("\t")[0] for l in f if l.strip()}
    lemmas, words = core_verbs(core_path)
    # A verb is the core's when its first word is a form of a core verb or
    # a word the core spells out: `~go_to`, `~set_up` are the core's "go"
    # and "set".
    core_forms = set(words)
    for lemma in lemmas:
        core_forms |= regular_forms(lemma.split("_")[0])
    with open(core_path, encoding="utf-8") as f:
        core_patterns = set()
        for line in f:
            s = line.split(" #")[0].strip()
            if s and not s.startswith(("#", "&")):
                core_patterns.add(pattern_elements(s.split(";")[0]))
    sets, code, seen, used_sets, kept_lemmas = [], None, set(), set(), set()
    body_lines = []
    last_code = None
    with open(src, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines:
        s = line.strip()
        if s.startswith("## "):
            code = s.split()[1]
            continue
        if not s or s.startswith("#"):
            continue
        if s.startswith("&"):
            sets.append(s)
            continue
        text, _, origin = s.partition("  # ")
        body, _, options = text.partition(";")
        els = body.split()
        verb_at = next(i for i, e in enumerate(els) if e.startswith("~"))
        report["verb pattern lines converted"] += 1
        if code not in cameo:
            report["verb pattern: code not in cameo.tsv"] += 1
            continue
        if pattern_elements(body) in core_patterns:
            report["verb pattern: verbs.txt has the same pattern"] += 1
            continue
        verbs = [v[1:] for v in els[verb_at].split("|")]
        mine = [v for v in verbs if v.split("_")[0] not in core_forms
                and not regular_forms(v.split("_")[0]) & words]
        if not mine:
            report["verb pattern: every verb of it is one verbs.txt has"] += 1
            continue
        els[verb_at] = "|".join("~" + v for v in mine)
        rest = [e for i, e in enumerate(els) if i != verb_at]
        content = [e for e in rest if e not in ("*", "+") and not all(
            a in FUNCTION_WORDS for a in e.strip("()").split("|"))]
        if not rest:
            report["verb pattern: a verb alone"] += 1
            continue
        if not content:
            report["verb pattern: a verb with only prepositions or particles"] += 1
            continue
        key = pattern_elements(" ".join(els))
        if key in seen:
            report["verb pattern: same words as one kept before it"] += 1
            continue
        seen.add(key)
        if len(mine) < len(verbs):
            report["verb pattern: kept without the verbs verbs.txt has"] += 1
        for e in els:
            used_sets.update(a[1:] for a in e.strip("()").split("|") if a.startswith("&"))
        kept_lemmas.update(v.split("_")[0] for v in mine)
        if code != last_code:
            body_lines.append(f"## {code}")
            last_code = code
        opts = f" ;{options}" if options.strip() else ""
        body_lines.append(f"{' '.join(els)}{opts}  # {origin}")
        report["verb patterns kept"] += 1
    kept_sets = [d for d in sets if d[1:].split("=")[0].strip() in used_sets]
    report["word sets kept"] += len(kept_sets)
    out = [VERBS_HEADER] + kept_sets + [""] + body_lines
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return kept_lemmas


FORMS_MARKER = "# ==== Forms of verbs in verbs-cameo.txt, from CAMEO.2.0.txt, by scripts/import_petrarch.py: do not edit below"


def merge_verb_forms(src, dst, lemmas, report):
    """Appends the irregular forms CAMEO.2.0 spells out for the verbs kept,
    where verb_forms.txt has no line for the verb."""
    with open(dst, encoding="utf-8") as f:
        core = f.read().split(FORMS_MARKER)[0].rstrip("\n") + "\n"
    have = {l.split()[0] for l in core.splitlines() if l.strip() and not l.startswith("#")}
    added = []
    with open(src, encoding="utf-8") as f:
        for l in f:
            w = l.split()
            if w and not l.startswith("#") and w[0] in lemmas and w[0] not in have:
                have.add(w[0])
                added.append(l.strip())
    report["verb forms kept"] += len(added)
    with open(dst, "w", encoding="utf-8") as f:
        f.write(core + ("\n" + FORMS_MARKER + "\n\n" + "\n".join(added) + "\n" if added else ""))


# PETRARCH issue code -> PLOVER contexts. Contexts come from cameo.tsv's
# column where one fits; agriculture, cyber, disaster, election,
# environment, health, migration and terrorism are dyad's names, in PLOVER's
# style, for issues that column has no context for. Codes not listed are
# not shipped (no context fits: education, tourism, energy, the European
# Union as an actor, civil society, social movements, ...).
ISSUE_CONTEXTS = {
    "AGRICULTURE": "agriculture",
    "AIRSTRIKE": "military", "DRONE": "military", "IED": "military", "LANDMINE": "military",
    "ID_ARMS_DEAL": "military",
    "INTERNET_CENSORSHIP": "rights_freedoms", "MEDIA_CENSORSHIP": "rights_freedoms",
    "DISCRIMINATION": "rights_freedoms",
    "CORRUPTION": "corruption",
    "COUP_DISCUSSION": "political_institutions",
    "COMMON_ROBBERY": "crime", "DRUGS": "crime", "DRUG_CARTEL": "crime", "DRUG_CARTELS": "crime",
    "DRUG_TRADE": "crime", "ORGANIZED_CRIME": "crime", "ID_SMUGGLING": "crime",
    "HUMAN_TRAFFICKING": "crime,human_rights",
    "CYBER_SECURITY": "cyber", "MALWARE": "cyber",
    "AUSTERITY": "economic", "BAILOUT": "economic", "BANKRUPTCY": "economic", "BLACK_MARKET": "economic",
    "CURRENCY_RESERVES": "economic", "DEREGULATION": "economic", "EXCHANGE_RATE": "economic",
    "HOUSING_PRICES": "economic", "INTEREST_RATES": "economic", "LABOR_STRIKE": "economic",
    "LABOR_UNIONS": "economic", "MONOPOLY": "economic", "NATIONALIZE": "economic", "POVERTY": "economic",
    "PRIVATIZATION": "economic", "PROPERTY_RIGHTS": "economic", "SUBSIDIES": "economic",
    "TRADE_DISPUTE": "economic", "UNEMPLOYMENT": "economic", "FOREIGN_AID": "economic",
    "INT_FINANCIAL_INST": "economic", "SANCTIONS": "economic",
    "ELECTION": "election", "ELECTION_FRAUD": "election",
    "CLIMATE_CHANGE": "environment", "SELF_IDENTIFIED_ENVIRON_DISASTER": "environment",
    "NATURAL_DISASTER": "disaster",
    "DISEASE": "health", "ID_PANDEMIC": "health", "SEXTRANS_DISEASE": "health", "VACCINATION": "health",
    "HUMANITARIAN_CRISIS": "humanitarian", "REFUGEES": "humanitarian", "FOOD_SECURITY": "humanitarian",
    "HUMAN_RIGHTS": "human_rights", "ID_TORTURE": "human_rights", "POLITICAL_PRISONER": "human_rights",
    "ID_ATROCITY": "human_rights", "GENDER_VIOLENCE": "human_rights", "RAPE": "human_rights",
    "ID_DEMOCRACY": "democracy",
    "ID_IMMIGRATION": "migration",
    "ID_PROLIFERATION": "cbrn", "WMD": "cbrn", "BIOLOGICAL_WEAPONS": "cbrn", "CHEMICAL_WEAPONS": "cbrn",
    "NUCLEAR_WEAPONS": "cbrn", "RADIOLOGICAL_WEAPONS": "cbrn",
    "PEACEKEEPERS": "peacekeeping",
    "ID_JIHAD": "terrorism", "NAMED_TERROR_GROUP": "terrorism", "SUICIDE_ATTACK": "terrorism",
    "TERROR": "terrorism",
}

ISSUES_HEADER = """# Issue phrases: a sentence that contains one adds its PLOVER context to
# every event coded in it. Format: data/README.md ("Issues").
#
# Converted by scripts/import_petrarch.py (`dyad dict import`) from
# Phoenix.IssueCoding.txt of the PETRARCH2 distribution (MIT License,
# Copyright (c) 2014 Open Event Data Alliance; ../shared/peer/petrarch2; the
# licence text is in LICENSE-PETRARCH2). Each line notes the line it came
# from. Do not edit by hand: change the mapping in the script and rerun it.
#
# Which PETRARCH issue code gives which context (codes not listed are left
# out: no PLOVER context fits them). agriculture, cyber, disaster, election,
# environment, health, migration and terrorism are not in cameo.tsv's
# context column; they are dyad's names, in PLOVER's style, for issues that
# column has no context for.
#
{table}#
# An `ignore` phrase cancels every issue of its sentence. Kept are those of
# a shipped issue category that contain one of its phrases ("olive oil",
# "character assassination"): the others ("lunch", "oil" under crime) would
# cancel unrelated issues.
"""


def merge_issues(src, dst, report):
    """Writes the issue phrases whose code has a PLOVER context (see
    ISSUE_CONTEXTS), one `[CODE] context=...` block per code."""
    categories = []  # (category, [(code, phrases, origin)], [(ignore, origin)])
    with open(src, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            text, _, origin = s.partition("  # ")
            if text.startswith("["):
                categories.append((text.strip("[] "), [], []))
                continue
            code, _, phrases = text.partition(" = ")
            if code == "ignore":
                categories[-1][2].append((phrases.strip(), origin))
            else:
                categories[-1][1].append((code.strip(), [p.strip() for p in phrases.split("|")], origin))
    unmapped = set()
    by_context = collections.defaultdict(list)
    for code, ctx in sorted(ISSUE_CONTEXTS.items()):
        by_context[ctx].append(code)
    table = "".join(f"#   {ctx}: {', '.join(codes)}\n" for ctx, codes in sorted(by_context.items()))
    out = [ISSUES_HEADER.format(table=table)]
    for category, entries, ignores in categories:
        shipped = [(c, ps, o) for c, ps, o in entries if c in ISSUE_CONTEXTS]
        for c, ps, o in entries:
            if c not in ISSUE_CONTEXTS:
                report["issue line whose code has no PLOVER context"] += 1
                unmapped.add(c)
        if not shipped:
            report["issue ignore phrase of a category left out"] += len(ignores)
            continue
        last = None
        for code, phrases, origin in shipped:
            if code != last:
                out.append(f"\n[{code}] context={ISSUE_CONTEXTS[code]}")
                last = code
            out.append(f"{code} = {' | '.join(phrases)}  # {origin}")
            report["issue lines kept"] += 1
            report["issue phrases kept"] += len(phrases)
        words = [f" {key(p)} " for _, ps, _ in shipped for p in ps]
        for phrase, origin in ignores:
            k = f" {key(phrase)} "
            if any(w in k for w in words):
                out.append(f"ignore = {phrase}  # {origin}")
                report["issue ignore phrases kept"] += 1
            else:
                report["issue ignore phrase that contains none of its category's phrases"] += 1
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return sorted(unmapped)


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

    lemmas = merge_verbs(os.path.join(tmp, "verbs.txt"), os.path.join(DATA, "verbs-cameo.txt"),
                         os.path.join(DATA, "verbs.txt"), os.path.join(DATA, "cameo.tsv"), report)
    merge_verb_forms(os.path.join(tmp, "verb_forms.txt"), os.path.join(DATA, "verb_forms.txt"), lemmas, report)
    unmapped = merge_issues(os.path.join(tmp, "issues.txt"), os.path.join(DATA, "issues.txt"), report)

    with open(os.path.join(DATA, "discards.txt"), encoding="utf-8") as f:
        report["discards shipped (discards.txt, converted once and edited by hand)"] = sum(
            1 for l in f if l.strip() and not l.startswith("#"))
    summary = ["# Import report", "", "`python3 scripts/import_petrarch.py` converted the PETRARCH2 CAMEO.2.0",
               "and Phoenix dictionaries and merged them with the core. `dyad dict import` said:", "", "```",
               log.strip(), "```", "",
               "Merging kept and left out (verb patterns are counted after `~a|~b` synonyms",
               "share one line, as `dyad dict import` writes them):", "", "| what | count |", "|---|---|"]
    for k, v in sorted(report.items()):
        summary.append(f"| {k} | {v} |")
    summary += ["", "Issue codes left out (no PLOVER context fits): " + ", ".join(unmapped) + "."]
    with open(os.path.join(DATA, "IMPORT.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(summary) + "\n")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
