#!/usr/bin/env python3
"""Write a benchmark corpus of at least SIZE megabytes (10^6 bytes) of JSON Lines.

usage: make_corpus.py SIZE_MB OUT.jsonl INPUT.jsonl...

The input articles are written in order, then again and again, until the
output reaches SIZE_MB; the copy after the first gets ids "<id>~r<k>", so
every document id is unique and event ids stay distinct. Documents are
re-serialised unchanged otherwise. Prints the number of documents and bytes.
Standard library only.
"""

import json
import sys


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    target = float(sys.argv[1]) * 1_000_000
    out_path = sys.argv[2]
    records = []
    for path in sys.argv[3:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    records.append(json.loads(line))
    if not records:
        sys.exit("no documents in " + " ".join(sys.argv[3:]))
    written = 0
    documents = 0
    copy = 0
    with open(out_path, "w", encoding="utf-8") as out:
        while written < target:
            for record in records:
                if written >= target:
                    break
                if copy > 0:
                    record = dict(record, id="%s~r%d" % (record.get("id"), copy))
                line = json.dumps(record, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                documents += 1
            copy += 1
    print("%s: %d documents, %d bytes" % (out_path, documents, written))


if __name__ == "__main__":
    main()
