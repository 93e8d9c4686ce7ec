#!/usr/bin/env python3
"""Check data/verbs.txt (and data/verb_forms.txt) against the grammar in data/README.md.

Usage: scripts/check_verbs.py [--data DIR] [--quiet]

Errors (exit status 1):
  * a block header `## CODE title` whose CODE is not in cameo.tsv;
  * a line that does not parse: a pattern element that is none of `word`,
    `~verb`, `a|b_c`, `(opt)`, `*`, `+`, `&set`; an `&set` used before it is
    defined or defined twice; an unknown option after `;`;
  * a pattern line before the first block;
  * the same pattern (with the same options) written twice, under one code or
    under two;
  * a modality or attribution word written into a pattern (those belong to
    cues.txt);
  * a `~verb` whose inflection the coder's rules get wrong and that has no
    line in verb_forms.txt: irregular verbs, consonant doubling (stop ->
    stopped, commit -> committed), -ee/-ie/-oe/-ye verbs (agree -> agreeing,
    die -> dying), -c verbs (panic -> panicked), -o verbs (veto -> vetoes);
  * a malformed or duplicate line in verb_forms.txt.

Report (stdout): pattern counts per CAMEO root and per PLOVER type, the CAMEO
codes without a pattern, and notes (headers whose title differs from the
table's description, alternatives or set items written twice).

Standard library only.
"""

import argparse
import collections
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

WORD = r"[a-z0-9][a-z0-9'\-\.]*"
WORD_RE = re.compile(rf"^{WORD}$")
MULTI_RE = re.compile(rf"^{WORD}(?:_{WORD})*$")
SET_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
VERB_RE = re.compile(r"^~[a-z][a-z\-]*$")
HEADER_RE = re.compile(r"^##\s+(\S+)\s+(\S.*)$")
SET_DEF_RE = re.compile(r"^&(\S+)\s*=\s*(.*)$")
OPTION_VALUE_RE = re.compile(r"^[a-z][a-z0-9_\-]*$")

# Words that mark modality: the coder reads them from cues.txt, so a pattern
# that contains one would either never match or hide the modality.
MODALITY_WORDS = {
    "not", "never", "n't", "will", "would", "shall", "should", "might", "may",
    "could", "must", "perhaps", "possibly", "allegedly", "reportedly",
}

# Common English verbs with irregular forms. A `~verb` whose lemma (or whose
# last part after a hyphen, or whose stem after a prefix) is here needs a line
# in verb_forms.txt.
IRREGULAR = set("""
arise awake be bear beat become begin bend bet bid bind bite bleed blow break
breed bring broadcast build burst buy cast catch choose cling come cost creep
cut deal dig do draw drink drive dwell eat fall feed feel fight find flee fling
fly forbid forecast foresee forget forgive forgo forsake freeze get give go
grind grow have hear hide hit hold hurt keep kneel know lay lead leave lend
let lie light lose make mean meet mislead misread mistake overcome overdo
overhear override overrun oversee overtake overthrow pay put quit read rebuild
recast redo repay reset resell retake rethink rewrite ride ring rise run saw
say see seek sell send set sew shake shear shed shine shoot show shrink shut
sing sink sit slay sleep slide sling slit sow speak speed spend spin spit
split spread spring stand steal stick sting stink strew stride strike string
strive swear sweep swell swim swing take teach tear tell think throw thrust
tread undergo understand undertake undo uphold upset wake wear weave wed weep
win wind withdraw withhold withstand wring write
""".split())

# Verbs whose irregular forms exist but whose regular forms are the usual
# ones in news English (burned, hanged, leaped, spelled): the coder's rules
# are right for them. Also lemmas the prefix rule below would misread
# (de+lay, de+ride, re+lay).
REGULAR = set("""
burn dream hang lean leap learn smell spell spill spoil prove delay deride
relay replay display decline
""".split())

# Verbs with the stress on a final closed syllable, which double their last
# consonant (commit -> committed), beyond what the rule below finds by itself.
DOUBLING_KNOWN = set("""
admit commit submit permit omit emit remit transmit acquit outwit befit refit
refer prefer confer defer infer transfer deter inter occur recur incur concur
expel compel repel propel dispel excel rebel patrol control equip regret abet
rebut begin forget beget kidnap outstrip handicap overstep embed imbed unplug
format zigzag allot outbid overlap unwrap entrap enrol extol annul distil
fulfil instil enthral unban debar
""".split())

# Prefixes after which a one-syllable stem keeps its stress (transmit, unban).
PREFIXES = ("counter", "under", "trans", "over", "out", "mis", "pre", "sub",
            "com", "con", "per", "re", "un", "up", "ad", "de", "ex", "in")

VOWELS = "aeiou"


def syllables(word):
    groups = re.findall(r"[aeiouy]+", word[1:]) if word[:1] == "y" else re.findall(r"[aeiouy]+", word)
    n = len(groups)
    if word.endswith("e") and not word.endswith(("ee", "le", "ye")) and n > 1:
        n -= 1
    return max(n, 1)


def is_cvc_monosyllable(stem):
    """One syllable ending in a single short vowel and a single consonant."""
    m = re.search(r"([^aeiou]|^)([aeiou])([b-df-hj-np-tvz])$", stem)
    if not m or stem.endswith(("w", "x", "y")):
        return False
    if syllables(stem) != 1:
        return False
    # "qu" is a consonant: quit, quip.
    return True


def inflection_trouble(lemma):
    """Why the coder's regular rules would inflect `lemma` wrongly, or None."""
    part = lemma.split("-")[-1]
    if part in REGULAR or lemma in REGULAR:
        return None
    if part in IRREGULAR or lemma in IRREGULAR:
        return "irregular"
    for pre in PREFIXES:
        if part.startswith(pre) and part[len(pre):] in IRREGULAR and len(part) > len(pre) + 1:
            return "irregular"
    if part in DOUBLING_KNOWN:
        return "doubles its final consonant"
    if is_cvc_monosyllable(part):
        return "doubles its final consonant"
    for pre in PREFIXES:
        stem = part[len(pre):]
        if part.startswith(pre) and len(stem) >= 3 and is_cvc_monosyllable(stem):
            return "doubles its final consonant"
    if part.endswith(("ee", "ye", "oe")):
        return "keeps its final e before -ing"
    if part.endswith("ie"):
        return "-ie -> -ying"
    if re.search(r"[aeiou]c$", part):
        return "-c -> -cked"
    if re.search(r"[^o]o$", part):
        return "-o -> -oes"
    return None


class Report:
    def __init__(self):
        self.errors = []
        self.notes = []

    def error(self, where, msg):
        self.errors.append(f"{where}: error: {msg}")

    def note(self, where, msg):
        self.notes.append(f"{where}: note: {msg}")


def strip_comment(line):
    if line.lstrip().startswith("#"):
        return ""
    m = re.search(r"\s#", line)
    if m:
        line = line[: m.start()]
    return line.strip()


def read_cameo(path, rep):
    table = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        want = ["code", "plover", "mode", "context", "quad", "goldstein", "description"]
        if header != want:
            rep.error(path, f"header {header} is not {want}")
        for n, line in enumerate(f, start=2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 7:
                rep.error(f"{path}:{n}", "expected 7 tab-separated fields")
                continue
            table[parts[0]] = {"plover": parts[1], "description": parts[6]}
    return table


def read_verb_forms(path, rep):
    forms = {}
    if not os.path.exists(path):
        rep.error(path, "missing")
        return forms
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, start=1):
            line = strip_comment(raw)
            if not line:
                continue
            where = f"{path}:{n}"
            words = line.split()
            if not 3 <= len(words) <= 5:
                rep.error(where, "expected `lemma past past_participle [third_person] [gerund]`")
                continue
            # A field may list other spellings: `sped|speeded`.
            if any(not re.fullmatch(r"[a-z][a-z\-']*", v) for w in words for v in w.split("|")):
                rep.error(where, "forms are lower-case words")
                continue
            if words[0] in forms:
                rep.error(where, f"lemma {words[0]!r} already listed on line {forms[words[0]][0]}")
                continue
            forms[words[0]] = (n, words[1:])
    return forms


def parse_element(tok, sets, where, rep):
    """Return a kind for one pattern element, or None after reporting."""
    if tok == "*":
        return "gap"
    if tok == "+":
        return "slot"
    if tok.startswith("~"):
        # `~grant|~give`: synonyms sharing the rest of the pattern.
        for alt in tok.split("|"):
            if not VERB_RE.match(alt):
                rep.error(where, f"bad verb element {alt!r} (one lower-case lemma after ~; synonyms as ~a|~b)")
                return None
        return "verb"
    if tok.startswith("&"):
        if "|" in tok:
            rep.error(where, f"{tok!r}: a word set cannot be an alternative; write it as its own element")
            return None
        name = tok[1:]
        if not SET_NAME_RE.match(name):
            rep.error(where, f"bad set name {tok!r}")
            return None
        if name not in sets:
            rep.error(where, f"set {tok} used before it is defined")
            return None
        return "set"
    optional = False
    body = tok
    if tok.startswith("(") or tok.endswith(")"):
        if not (tok.startswith("(") and tok.endswith(")")) or len(tok) < 3:
            rep.error(where, f"unbalanced optional {tok!r}")
            return None
        optional = True
        body = tok[1:-1]
    alts = body.split("|")
    for alt in alts:
        if alt.startswith("~"):
            rep.error(where, f"{tok!r}: `~verb` inside alternatives is not in the grammar; write one line per verb")
            return None
        if alt.startswith("&"):
            rep.error(where, f"{tok!r}: a word set cannot be an alternative; write it as its own element")
            return None
        if not MULTI_RE.match(alt):
            rep.error(where, f"{tok!r}: {alt!r} is not a lower-case word or words joined by _")
            return None
        # A multiword alternative is a fixed phrase ("military_might"); only a
        # lone modality word is a mistake.
        for w in [alt] if "_" not in alt else []:
            if w in MODALITY_WORDS:
                rep.error(where, f"{tok!r}: modality word {w!r} belongs in cues.txt, not in a pattern")
                return None
    if len(set(alts)) != len(alts):
        rep.note(where, f"{tok!r} repeats an alternative")
    return "opt" if optional else ("alt" if len(alts) > 1 else "word")


def parse_options(text, where, rep):
    opts = {}
    for tok in text.split():
        key, _, value = tok.partition("=")
        if key in opts:
            rep.error(where, f"option {key!r} given twice")
            return None
        if key in ("reciprocal", "noevent") and not value:
            opts[key] = True
        elif key == "target" and value == "subject":
            opts[key] = value
        elif key == "mode" and OPTION_VALUE_RE.match(value or ""):
            opts[key] = value
        elif key == "context" and value and all(OPTION_VALUE_RE.match(c) for c in value.split(",")):
            opts[key] = value
        else:
            rep.error(where, f"unknown option {tok!r} (mode=, context=, reciprocal, target=subject, noevent)")
            return None
    if "noevent" in opts and len(opts) > 1:
        rep.error(where, "noevent codes nothing: other options make no sense with it")
        return None
    return opts


def check(data_dir, quiet):
    rep = Report()
    verbs_path = os.path.join(data_dir, "verbs.txt")
    table = read_cameo(os.path.join(data_dir, "cameo.tsv"), rep)
    forms = read_verb_forms(os.path.join(data_dir, "verb_forms.txt"), rep)

    sets = {}
    code = None
    seen = {}  # normalised pattern -> (code, where)
    patterns = []  # (code, opts, kinds, tokens, where)
    no_verb = 0  # patterns written with literal verb forms instead of ~verb
    verbs_used = collections.defaultdict(list)

    with open(verbs_path, encoding="utf-8") as f:
        lines = f.readlines()
    for n, raw in enumerate(lines, start=1):
        where = f"{verbs_path}:{n}"
        if raw.startswith("##"):
            m = HEADER_RE.match(raw.strip())
            if not m:
                rep.error(where, "block header must be `## CODE title`")
                code = None
                continue
            code, title = m.group(1), m.group(2).strip()
            if code not in table:
                rep.error(where, f"CAMEO code {code} is not in cameo.tsv")
                code = None
                continue
            want = re.sub(r"\s+", " ", table[code]["description"]).lower()
            if re.sub(r"\s+", " ", title).lower() != want:
                rep.note(where, f"title {title!r} differs from cameo.tsv {table[code]['description']!r}")
            continue
        line = strip_comment(raw)
        if not line:
            continue
        if line.startswith("&"):
            m = SET_DEF_RE.match(line)
            if not m or not SET_NAME_RE.match(m.group(1)):
                rep.error(where, "set definition must be `&name = a | b | c_d`")
                continue
            name = m.group(1)
            if name in sets:
                rep.error(where, f"set &{name} defined twice")
                continue
            items = [x.strip() for x in m.group(2).split("|")]
            bad = [x for x in items if not MULTI_RE.match(x)]
            if bad or not items:
                rep.error(where, f"set &{name}: bad items {bad}")
                continue
            if len(set(items)) != len(items):
                dup = sorted({x for x in items if items.count(x) > 1})
                rep.note(where, f"set &{name} repeats {dup}")
            sets[name] = items
            continue
        if code is None:
            rep.error(where, "pattern outside a valid `## CODE title` block")
            continue
        pat_text, semi, opt_text = line.partition(";")
        opts = parse_options(opt_text, where, rep) if semi else {}
        if opts is None:
            continue
        tokens = pat_text.split()
        if not tokens:
            rep.error(where, "options without a pattern")
            continue
        kinds = [parse_element(t, sets, where, rep) for t in tokens]
        if None in kinds:
            continue
        if kinds[0] in ("gap", "slot") or kinds[-1] == "gap":
            rep.error(where, "a pattern cannot start with `*` or `+`, or end with `*`")
            continue
        if kinds.count("slot") > 1:
            rep.error(where, "more than one recipient slot `+`")
            continue
        if any(a in ("gap", "slot") and b in ("gap", "slot") for a, b in zip(kinds, kinds[1:])):
            rep.error(where, "`*` and `+` cannot stand next to each other")
            continue
        if all(k in ("gap", "slot", "opt") for k in kinds):
            rep.error(where, "a pattern needs at least one required word, verb or set")
            continue
        key = " ".join(tokens) + (" ;" + " ".join(sorted(opt_text.split())) if semi else "")
        if key in seen:
            other_code, other_where = seen[key]
            rep.error(where, f"duplicate of {other_where} (code {other_code})")
            continue
        seen[key] = (code, where)
        for t in tokens:
            if t.startswith("~"):
                for alt in t.split("|"):
                    verbs_used[alt[1:]].append(where)
        if "verb" not in kinds:
            no_verb += 1
        patterns.append((code, opts, kinds, tokens, where))

    # Inflection: verbs the coder's rules get wrong need a verb_forms line.
    for lemma in sorted(verbs_used):
        why = inflection_trouble(lemma)
        if why and lemma not in forms:
            rep.error(verbs_used[lemma][0], f"~{lemma} {why}: add a line to verb_forms.txt")

    # Counts.
    coded = [p for p in patterns if "noevent" not in p[1]]
    by_root = collections.Counter(p[0][:2] for p in coded)
    by_type = collections.Counter(table[p[0]]["plover"] for p in coded)
    by_code = collections.Counter(p[0] for p in coded)
    missing = sorted(c for c in table if len(c) > 2 and c not in by_code)

    if not quiet:
        print(f"{len(patterns)} patterns ({len(coded)} coding, {len(patterns) - len(coded)} noevent), "
              f"{len(sets)} word sets, {len(verbs_used)} verbs, {len(forms)} verb_forms lines; "
              f"{no_verb} patterns spell out verb forms instead of ~verb")
        print("\npatterns per CAMEO root:")
        for root in sorted(by_root):
            print(f"  {root}  {by_root[root]:5d}  {table.get(root, {}).get('description', '')}")
        print("\npatterns per PLOVER type:")
        for ptype, n in sorted(by_type.items(), key=lambda x: -x[1]):
            print(f"  {ptype:10s} {n:5d}")
        all_types = {v["plover"] for v in table.values()}
        for ptype in sorted(all_types - set(by_type)):
            print(f"  {ptype:10s}     0")
        print(f"\nCAMEO codes without a pattern ({len(missing)}; the two-digit roots are "
              f"covered by their x0 codes and not listed):")
        for c in missing:
            print(f"  {c}  {table[c]['description']}")
        if rep.notes:
            print(f"\n{len(rep.notes)} notes:")
            for msg in rep.notes:
                print("  " + msg)
    for msg in rep.errors:
        print(msg, file=sys.stderr)
    if rep.errors:
        print(f"{len(rep.errors)} errors", file=sys.stderr)
        return 1
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(REPO, "data"))
    ap.add_argument("--quiet", action="store_true", help="print only errors")
    args = ap.parse_args()
    sys.exit(check(args.data, args.quiet))


if __name__ == "__main__":
    main()
