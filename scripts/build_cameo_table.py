#!/usr/bin/env python3
"""Build data/cameo.tsv, dyad's CAMEO event code table.

One line per CAMEO code with its PLOVER event type, mode and contexts, its
quad class, its Goldstein value and its description. The coder reads this
table to turn the CAMEO code of a verb pattern into a PLOVER event.

Inputs (all under ../shared/peer, read-only):
  cameo/CAMEO.eventcodes.txt       GDELT copy: code -> description (311 codes)
  cameo/CAMEO.goldsteinscale.txt   GDELT copy: code -> Goldstein value
  cameo/icews-cameo-codes.csv      ICEWS (cp1252): adds code 1213, and names
  plover/CAMEO2PLOVER-2021.txt     CAMEO -> PLOVER (draft 0.8, 2021)

Usage:
  scripts/build_cameo_table.py [--eventcodes F] [--goldstein F] [--icews F]
                               [--plover F] [--out F]

Paths default to ../shared/peer/... relative to the repository root and the
output to data/cameo.tsv. Standard library only.

Decisions, so a reader does not have to rediscover them:

* Codes. The table has every code of the GDELT tables plus the codes ICEWS
  adds (only 1213). CAMEO2PLOVER also lists 1214 (reject intelligence
  cooperation), which no CAMEO table has and which has no Goldstein value: it
  is left out and reported on stderr.
* PLOVER type, mode, context come from CAMEO2PLOVER, following its quirks as
  written: `08` is listed twice (CONCEDE, then RETREAT): the first entry wins,
  so the root 08 is CONCEDE like 080; `175` is listed twice with the same
  mapping; 0813/0814 sit under the RETREAT section; 163 is COERCE, 1712
  ASSAULT, 175 ASSAULT, 191/192 COERCE and 201 ASSAULT although their roots
  say otherwise. A code the table does not list inherits type and contexts
  from its nearest listed ancestor (longest prefix), with an empty mode.
* Roots 01 (statements) and 02 (appeals), which PLOVER leaves out, are mapped
  here (MAP_01_02 below, each with its reason).
* Quad class is by CAMEO root: 01-05 verbal cooperation (1), 06-08 material
  cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
  So 012 (pessimistic comment) is ACCUSE but quad 1, and 163 is COERCE but
  quad 4 by its root 16: the quad class tells the CAMEO root, not the PLOVER
  type.
* Goldstein from the GDELT table; ICEWS only where GDELT lacks the code
  (1213: -4.0). The two disagree on four codes; GDELT is kept:
      016  GDELT -2.0  ICEWS -5.0
      022  GDELT  3.2  ICEWS  3.4
      164  GDELT -7.0  ICEWS -6.5
      165  GDELT -6.5  ICEWS -7.0
* Description from the GDELT table, except where it is wrong or garbled
  (DESCRIPTION_FIXES): GDELT's 101 and 105-108 carry the names of an older
  CAMEO draft that do not match the codes' meaning in CAMEO 1.1b3, in ICEWS
  and in CAMEO2PLOVER (e.g. GDELT "106 Demand withdrawal" is "Demand meeting,
  negotiation"); 044 has mojibake; 033, 0355 and 2041 have typos. Those take the
  ICEWS name. Whitespace is collapsed.
"""

import argparse
import csv
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared", "peer"))

# Codes whose GDELT description is replaced by the ICEWS name (see above).
DESCRIPTION_FIXES = {"033", "0355", "044", "101", "105", "106", "107", "108", "2041"}

# CAMEO roots 01 and 02 -> (PLOVER type, mode, contexts, why).
#
# 02 appeals are requests: PLOVER's REQUEST covers both CAMEO 02 (appeal) and
# 10 (demand), so each 02x code takes the mode and contexts of its 10x twin
# (021 <-> 101 ... 028 <-> 108). One exception: CAMEO2PLOVER gives 105
# (demand that target yields) the mode "change" although all of 1051-1056
# are "yield"; that looks like a slip, and 025 takes "yield" with 105's
# context.
#
# 01 statements have no PLOVER home; each is sent to the type whose meaning
# is closest, keeping the sign of its Goldstein value.
MAP_01 = {
    # A plain statement carries no conflict (Goldstein 0.0, quad 1); of the
    # verbal-cooperation types SUPPORT ("express support, approve") is the
    # weakest claim about the speaker. The lexicon keeps 010 to a few
    # explicit phrases ("commented on") so this rarely fires.
    "01": ("SUPPORT", "", "", "as 010"),
    "010": ("SUPPORT", "", "", "neutral statement: weakest verbal-cooperation type"),
    # Declining to comment is a refusal to cooperate verbally.
    "011": ("REJECT", "", "", "refusal (to comment)"),
    # Pessimism, scepticism about another's will is verbal disapproval, the
    # mode of 110/111.
    "012": ("ACCUSE", "disapprove", "", "pessimism is mild disapproval"),
    # Optimism, assurance, confidence in another: verbal approval.
    "013": ("SUPPORT", "", "", "optimism/confidence is approval"),
    # Studying or weighing a policy option is the first step towards
    # committing to it; AGREE covers "indicate willingness". Not CONSULT:
    # no second party is met. The coder marks such events hypothetical when
    # the text does.
    "014": ("AGREE", "", "", "weighing an option: tentative willingness"),
    # Admitting responsibility or an error without remorse is conceding.
    "015": ("CONCEDE", "", "", "admission is a concession"),
    # Denying an accusation rejects the accuser's claim.
    "016": ("REJECT", "", "", "denial rejects an accusation"),
    # Vigils, wreaths, attending funerals: symbolic solidarity.
    "017": ("SUPPORT", "", "", "symbolic act of solidarity"),
    # Condolences, sympathy: expressed support.
    "018": ("SUPPORT", "", "", "empathy is expressed support"),
    # Expressing a common understanding is agreement.
    "019": ("AGREE", "", "", "accord is agreement"),
}
# 02x -> the 10x code whose mode and context it takes.
MAP_02_TWIN = {
    "02": "10", "020": "100",
    "021": "101", "0211": "1011", "0212": "1012", "0213": "1013", "0214": "1014",
    "022": "102",
    "023": "103", "0231": "1031", "0232": "1032", "0233": "1033", "0234": "1034",
    "024": "104", "0241": "1041", "0242": "1042", "0243": "1043", "0244": "1044",
    "025": "105", "0251": "1051", "0252": "1052", "0253": "1053", "0254": "1054",
    "0255": "1055", "0256": "1056",
    "026": "106", "027": "107", "028": "108",
}
MODE_FIXES_02 = {"025": "yield"}


def quad_class(code):
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def read_tsv_pairs(path):
    """Two-column TSV with a header -> dict (code -> value)."""
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f)
        for n, line in enumerate(f, start=2):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                sys.exit(f"{path}:{n}: expected 2 tab-separated fields")
            out[parts[0].strip()] = parts[1]
    return out


def read_icews(path):
    out = {}
    with open(path, encoding="cp1252", newline="") as f:
        for row in csv.DictReader(f):
            out[row["code"].strip()] = row
    return out


def read_plover(path):
    """CAMEO2PLOVER -> dict code -> (type, mode, [contexts]); first entry wins."""
    out = {}
    line_re = re.compile(r"^(\d+)\s*:\s*([^#]*)")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            m = line_re.match(line)
            if not m:
                continue
            code, body = m.group(1), m.group(2)
            fields = [x.strip() for x in body.split(",")]
            ptype = fields[0]
            mode = fields[1] if len(fields) > 1 else ""
            ctx = fields[2] if len(fields) > 2 else ""
            if len(fields) > 3 or not re.fullmatch(r"[A-Z]+", ptype):
                sys.exit(f"{path}:{n}: cannot read mapping line")
            contexts = [c.strip() for c in ctx.split(";") if c.strip()]
            if code in out:
                if out[code] != (ptype, mode, contexts):
                    print(f"note: {path}:{n}: {code} listed again as {ptype}; "
                          f"keeping first entry {out[code][0]}", file=sys.stderr)
                continue
            out[code] = (ptype, mode, contexts)
    return out


def fmt_goldstein(value):
    return f"{float(value):.1f}"


def clean(text):
    return re.sub(r"\s+", " ", text).strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eventcodes", default=os.path.join(SHARED, "cameo", "CAMEO.eventcodes.txt"))
    ap.add_argument("--goldstein", default=os.path.join(SHARED, "cameo", "CAMEO.goldsteinscale.txt"))
    ap.add_argument("--icews", default=os.path.join(SHARED, "cameo", "icews-cameo-codes.csv"))
    ap.add_argument("--plover", default=os.path.join(SHARED, "plover", "CAMEO2PLOVER-2021.txt"))
    ap.add_argument("--out", default=os.path.join(REPO, "data", "cameo.tsv"))
    args = ap.parse_args()

    names = read_tsv_pairs(args.eventcodes)
    gold = read_tsv_pairs(args.goldstein)
    icews = read_icews(args.icews)
    plover = read_plover(args.plover)

    codes = set(names) | set(gold) | set(icews)
    for code in sorted(set(plover) - codes):
        print(f"note: CAMEO2PLOVER code {code} is in no CAMEO table; left out", file=sys.stderr)

    rows = []
    for code in sorted(codes):
        if not re.fullmatch(r"[0-2][0-9]{1,3}", code):
            sys.exit(f"unexpected CAMEO code {code!r}")
        # PLOVER type, mode, contexts.
        if code[:2] == "01":
            ptype, mode, ctx, _why = MAP_01[code]
            contexts = [ctx] if ctx else []
        elif code[:2] == "02":
            twin = MAP_02_TWIN[code]
            ptype, mode, contexts = plover[twin]
            mode = MODE_FIXES_02.get(code, mode)
        elif code in plover:
            ptype, mode, contexts = plover[code]
        else:
            ancestor = next((code[:k] for k in range(len(code) - 1, 1, -1) if code[:k] in plover), None)
            if ancestor is None:
                sys.exit(f"{code}: no PLOVER mapping and no listed ancestor")
            ptype, _mode, contexts = plover[ancestor]
            mode = ""
        # Goldstein.
        if code in gold:
            goldstein = fmt_goldstein(gold[code])
        elif code in icews:
            goldstein = fmt_goldstein(icews[code]["goldstein"])
        else:
            sys.exit(f"{code}: no Goldstein value")
        # Description.
        if code in names and code not in DESCRIPTION_FIXES:
            desc = names[code]
        else:
            desc = icews[code]["name"]
        rows.append((code, ptype, mode, ",".join(contexts), str(quad_class(code)),
                     goldstein, clean(desc)))

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("code\tplover\tmode\tcontext\tquad\tgoldstein\tdescription\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} codes to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
