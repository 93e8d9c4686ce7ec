#!/usr/bin/env python3
"""The dyad speed benchmark; `bench/run.sh` builds dyad and calls this.

usage: bench.py DYAD_BINARY OUT_DIR [--quick]

Times `dyad code` as a whole process (JSON Lines in, events to a file, dates
and places on) on a corpus repeated from ../shared/corpus, with 1 and 2
threads; its start-up; peak RSS on a small and a large input; and, when
bench/work/petrarch2 has been set up, PETRARCH2 and dyad on the same
sentences. Writes OUT_DIR/latest.md and OUT_DIR/latest.json.
Standard library only.
"""

import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
WORK = os.path.join(BENCH, "work")
SHARED = os.path.join(ROOT, "..", "shared")
CORPORA = [
    os.path.join(SHARED, "corpus", "muc34", "articles.jsonl"),
    os.path.join(SHARED, "corpus", "india-police-events", "articles.jsonl"),
]
PETRARCH = os.path.join(SHARED, "bench", "petrarch2")
PETR_WORK = os.path.join(WORK, "petrarch2")
# A one-sentence document (our own words): start-up is everything dyad loads
# before it can code it.
STARTUP_DOC = {"id": "startup", "text": "Officials met in Geneva on Monday.", "published": "2024-03-04"}
SUMMARY = re.compile(r"documents ([\d,]+) · sentences ([\d,]+) · events ([\d,]+)")

# The targets: (key, what, how to read the measured value, met?).
TARGETS = [
    ("sentences_per_s_1t", "≥ 50,000 sentences/s, one thread, end to end", lambda v: v >= 50_000),
    ("petrarch2_ratio", "≥ 30× PETRARCH2 coding-only sentences/s", lambda v: v >= 30),
    ("startup_ms", "start-up ≤ 100 ms", lambda v: v <= 100),
    ("peak_rss_mb", "peak RSS ≤ 200 MB whatever the input size", lambda v: v <= 200),
    ("thread_ratio", "2 threads ≥ 1.8× one thread", lambda v: v >= 1.8),
    ("identical", "output identical whatever the thread count", lambda v: v is True),
]


def log(message):
    print("bench: " + message, file=sys.stderr, flush=True)


def run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=None):
    """Runs cmd; returns (exit status, wall seconds, peak RSS in MB, CPU seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=stderr, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux.
    return proc.returncode, wall, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def dyad_code(dyad, inp, out, threads, label):
    """One `dyad code` run: wall time, RSS and dyad's own counts."""
    err_path = out + ".stderr"
    with open(err_path, "wb") as err:
        status, wall, rss, cpu = run([dyad, "code", inp, "-o", out, "--threads", str(threads)], stderr=err)
    text = open(err_path, encoding="utf-8", errors="replace").read()
    if status != 0:
        sys.exit("bench: dyad code %s exited %d:\n%s" % (inp, status, text[-2000:]))
    m = SUMMARY.findall(text)
    if not m:
        sys.exit("bench: no summary line from dyad code %s:\n%s" % (inp, text[-2000:]))
    documents, sentences, events = (int(x.replace(",", "")) for x in m[-1])
    size = os.path.getsize(inp)
    log("%s: %.2f s, %d sentences, %.0f MB peak RSS" % (label, wall, sentences, rss))
    return {
        "run": label, "input": os.path.relpath(inp, ROOT), "input_bytes": size, "threads": threads,
        "documents": documents, "sentences": sentences, "events": events,
        "wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "peak_rss_mb": round(rss, 1),
        "documents_per_s": round(documents / wall, 1), "sentences_per_s": round(sentences / wall, 1),
        "mb_per_s": round(size / 1e6 / wall, 2),
        "sentences_per_cpu_s": round(sentences / cpu, 1) if cpu > 0 else None,
    }


def make_corpus(mb, path):
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(BENCH, "make_corpus.py"), str(mb), path] + CORPORA,
                       check=True, stdout=sys.stderr)
    return path


def startup(dyad, runs):
    path = os.path.join(WORK, "startup.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(STARTUP_DOC) + "\n")
    walls, rsss, cpus = [], [], []
    for _ in range(runs):
        status, wall, rss, cpu = run([dyad, "code", path, "-q", "-o", os.path.join(WORK, "startup.out.jsonl")])
        if status != 0:
            sys.exit("bench: dyad code %s exited %d" % (path, status))
        walls.append(wall)
        rsss.append(rss)
        cpus.append(cpu)
    log("start-up: median %.0f ms of %d runs" % (1000 * statistics.median(walls), runs))
    return {"runs": runs, "median_ms": round(1000 * statistics.median(walls), 1),
            "min_ms": round(1000 * min(walls), 1), "median_cpu_ms": round(1000 * statistics.median(cpus), 1),
            "peak_rss_mb": round(max(rsss), 1)}


def petrarch2(dyad, repeat, dyad_repeat):
    """PETRARCH2 on its own sample repeated `repeat` times, dyad on the same
    sentences repeated `dyad_repeat` times; None when PETRARCH2 is not set up."""
    if not os.path.exists(os.path.join(PETRARCH, "setup.sh")):
        return {"skipped": "%s is missing" % os.path.normpath(PETRARCH)}
    env = dict(os.environ, PETR_WORK=PETR_WORK, WITH_PY3="0")
    sample = os.path.join(PETR_WORK, "inputs", "sample.xml")
    if not os.path.exists(os.path.join(PETR_WORK, "env", "python2")) or not os.path.exists(sample):
        log("setting up PETRARCH2 in %s" % os.path.relpath(PETR_WORK, ROOT))
        os.makedirs(PETR_WORK, exist_ok=True)
        setup = subprocess.run([os.path.join(PETRARCH, "setup.sh")], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
        if setup.returncode != 0 or not os.path.exists(sample):
            return {"skipped": "PETRARCH2 setup failed: " + setup.stdout.strip()[-500:]}
    xml = os.path.join(PETR_WORK, "inputs", "sample_x%d.xml" % repeat)
    if not os.path.exists(xml):
        subprocess.run([sys.executable, os.path.join(PETRARCH, "make_input.py"), sample, str(repeat), xml],
                       check=True, stdout=sys.stderr)
    out = subprocess.run([os.path.join(PETRARCH, "run.sh"), xml, os.path.join(PETR_WORK, "events.txt")],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    report = [line[len("json: "):] for line in out.stdout.splitlines() if line.startswith("json: ")]
    if out.returncode != 0 or not report:
        return {"skipped": "PETRARCH2 run failed: " + out.stdout.strip()[-500:]}
    petr = json.loads(report[-1])
    whole = re.search(r"whole process: ([\d.]+) s", out.stdout)
    log("PETRARCH2 x%d: coding only %.0f sentences/s" % (repeat, petr["sent_per_s_code"]))
    jsonl = os.path.join(PETR_WORK, "sentences_x%d.jsonl" % dyad_repeat)
    with open(jsonl, "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, os.path.join(PETRARCH, "sentences_jsonl.py"), sample, str(dyad_repeat)],
                       check=True, stdout=f)
    d = dyad_code(dyad, jsonl, os.path.join(PETR_WORK, "dyad-events.jsonl"), 1,
                  "dyad, 1 thread, PETRARCH2's sentences x%d" % dyad_repeat)
    return {
        "repeat": repeat, "sentence_elements": petr["sentence_elements"],
        "dictionary_load_s": petr["t_dicts_s"], "coding_s": petr["t_code_s"],
        "coding_sentences_per_s": petr["sent_per_s_code"],
        "whole_process_s": float(whole.group(1)) if whole else None,
        "dyad_repeat": dyad_repeat, "dyad": d,
        "ratio": round(d["sentences_per_s"] / petr["sent_per_s_code"], 1),
    }


def machine():
    lscpu = subprocess.run(["lscpu"], stdout=subprocess.PIPE, text=True).stdout if shutil.which("lscpu") else ""
    model = re.search(r"Model name:\s*(.+)", lscpu)
    return {"cpu": model.group(1).strip() if model else platform.processor(), "cores": os.cpu_count(),
            "kernel": platform.release(), "host": platform.node()}


def commit():
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", "crates", "data"], cwd=ROOT).returncode != 0
    return rev.stdout.strip() + (" (uncommitted changes)" if dirty else "")


def markdown(r):
    rows = [r["large_1t"], r["large_2t"], r["small_1t"]]
    p = r["petrarch2"]
    lines = [
        "# dyad speed, %s" % r["date"], "",
        "Machine: %d cores, %s (%s). Commit %s. Release build, `dyad code FILE -o OUT --threads N`, "
        "dates and places on, whole process (start-up included), one run each%s." % (
            r["machine"]["cores"], r["machine"]["cpu"], r["machine"]["kernel"], r["commit"],
            " (quick mode: small inputs, figures not comparable)" if r["quick"] else ""),
        "Load average (1, 5, 15 min) before / after: %s / %s (a shared machine: other jobs slow "
        "the runs down)." % (" ".join(map(str, r["load_average_before"])), " ".join(map(str, r["load_average_after"]))),
        "Rerun: `bench/run.sh`.", "",
        "| run | input | documents | sentences | wall s | documents/s | sentences/s | MB/s | CPU s | peak RSS MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for x in rows + ([p["dyad"]] if "dyad" in p else []):
        lines.append("| %s | %s (%.1f MB) | %s | %s | %.2f | %s | %s | %.1f | %.2f | %.0f |" % (
            x["run"], x["input"], x["input_bytes"] / 1e6, f"{x['documents']:,}", f"{x['sentences']:,}",
            x["wall_s"], f"{x['documents_per_s']:,.0f}", f"{x['sentences_per_s']:,.0f}", x["mb_per_s"],
            x["cpu_s"], x["peak_rss_mb"]))
    s = r["startup"]
    lines += [
        "",
        "- start-up (one one-sentence document, every dictionary and the gazetteer loaded): median "
        "%.0f ms of %d runs (fastest %.0f ms; median CPU time %.0f ms), %.0f MB peak RSS" % (
            s["median_ms"], s["runs"], s["min_ms"], s["median_cpu_ms"], s["peak_rss_mb"]),
        "- 1 thread, per CPU second (user + system time, which a busy machine does not inflate): "
        "%s sentences" % f"{r['large_1t']['sentences_per_cpu_s']:,.0f}",
        "- 2 threads / 1 thread: %.2f× (sentences/s)" % r["thread_ratio"],
        "- output with 1 and 2 threads byte-identical (`cmp`): %s" % ("yes" if r["identical"] else "**no**"),
        "- peak RSS, %.1f MB input vs %.1f MB input (1 thread): %.0f MB vs %.0f MB" % (
            r["small_1t"]["input_bytes"] / 1e6, r["large_1t"]["input_bytes"] / 1e6,
            r["small_1t"]["peak_rss_mb"], r["large_1t"]["peak_rss_mb"]),
    ]
    if "skipped" in p:
        lines.append("- PETRARCH2: skipped (%s)" % p["skipped"])
    else:
        lines.append(
            "- PETRARCH2 (Python 2.7, unmodified, its GigaWord sample x%d = %s sentences, pre-parsed): coding only "
            "%s sentences/s (%.2f s; dictionary load %.2f s, whole process %s s). dyad, one thread, whole process, "
            "on the same sentences x%d: %s sentences/s, **%.1f×** PETRARCH2's coding-only rate. PETRARCH2 also "
            "needs a constituency parser (CoreNLP) in front of it, which dyad does not; the ratio leaves the "
            "parser out." % (
                p["repeat"], f"{p['sentence_elements']:,}", f"{p['coding_sentences_per_s']:,.0f}", p["coding_s"],
                p["dictionary_load_s"], p["whole_process_s"], p["dyad_repeat"],
                f"{p['dyad']['sentences_per_s']:,.0f}", p["ratio"]))
    lines += ["", "| target (the issue's) | measured | met |", "|---|---:|---|"]
    for t in r["targets"]:
        v = t["measured"]
        shown = "n/a" if v is None else ("yes" if v is True else "no" if v is False else f"{v:,}")
        lines.append("| %s | %s | %s |" % (t["target"], shown, "n/a" if t["met"] is None else "yes" if t["met"] else "no"))
    return "\n".join(lines) + "\n"


def main():
    args = sys.argv[1:]
    quick = "--quick" in args
    args = [a for a in args if a != "--quick"]
    if len(args) != 2:
        sys.exit(__doc__)
    dyad, out_dir = os.path.abspath(args[0]), os.path.abspath(args[1])
    for c in CORPORA:
        if not os.path.exists(c):
            sys.exit("bench: %s is missing: ../shared must sit beside the repository" % c)
    os.makedirs(WORK, exist_ok=True)
    os.makedirs(out_dir, exist_ok=True)
    large_mb, small_mb = (2, 0.5) if quick else (50, 2)
    large = make_corpus(large_mb, os.path.join(WORK, "corpus-%gmb.jsonl" % large_mb))
    small = make_corpus(small_mb, os.path.join(WORK, "corpus-%gmb.jsonl" % small_mb))
    r = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
         "quick": quick, "machine": machine(), "commit": commit(),
         "load_average_before": [round(x, 2) for x in os.getloadavg()]}
    r["startup"] = startup(dyad, 3 if quick else 7)
    out1, out2 = os.path.join(WORK, "events-1t.jsonl"), os.path.join(WORK, "events-2t.jsonl")
    r["large_1t"] = dyad_code(dyad, large, out1, 1, "dyad, 1 thread")
    r["large_2t"] = dyad_code(dyad, large, out2, 2, "dyad, 2 threads")
    r["identical"] = subprocess.run(["cmp", "-s", out1, out2]).returncode == 0
    r["small_1t"] = dyad_code(dyad, small, os.path.join(WORK, "events-small.jsonl"), 1, "dyad, 1 thread, small input")
    r["thread_ratio"] = round(r["large_2t"]["sentences_per_s"] / r["large_1t"]["sentences_per_s"], 2)
    r["petrarch2"] = petrarch2(dyad, *((5, 20) if quick else (100, 1000)))
    measured = {
        "sentences_per_s_1t": round(r["large_1t"]["sentences_per_s"]),
        "petrarch2_ratio": r["petrarch2"].get("ratio"),
        "startup_ms": r["startup"]["median_ms"],
        "peak_rss_mb": max(r[k]["peak_rss_mb"] for k in ("large_1t", "large_2t", "small_1t")),
        "thread_ratio": r["thread_ratio"],
        "identical": r["identical"],
    }
    r["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    r["targets"] = [{"key": k, "target": what, "measured": measured[k],
                     "met": None if measured[k] is None else bool(ok(measured[k]))} for k, what, ok in TARGETS]
    with open(os.path.join(out_dir, "latest.json"), "w", encoding="utf-8") as f:
        json.dump(r, f, indent=1, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(out_dir, "latest.md"), "w", encoding="utf-8") as f:
        f.write(markdown(r))
    log("wrote %s and latest.json" % os.path.join(out_dir, "latest.md"))


if __name__ == "__main__":
    main()
