#!/usr/bin/env python3
"""Python's re as a peer of feedwatch's matcher (bench/match-throughput.sh).

One case-insensitive alternation of all spellings of a gazetteer between word
boundaries (longest first; a stem as stem\\w{0,max_suffix}), run with finditer over
every field of every item of each input, like the Swift bench. Inputs and spellings
come from the JSON files that MatchThroughput writes (MATCH_SPELLINGS_DIR):
input-*.json ({"label", "fields"}) and gazetteer-*.json ({"label", "max_suffix",
"spellings"}). Fields in order, from the first again if need be, until 3 s of
process CPU time, at least one field. Stdlib only.

Usage: match-peers.py DIR
Prints a RESULT line per input x gazetteer (tab-separated: label, tool, MB/s, notes),
in the order of the Swift bench (gazetteers as written, inputs within each).
"""
import glob
import json
import os
import re
import sys
import time


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    inputs = [load(p) for p in sorted(glob.glob(os.path.join(folder, "input-*.json")))]
    inputs.sort(key=lambda i: i["label"] != "eval")
    gazetteers = [load(p) for p in glob.glob(os.path.join(folder, "gazetteer-*.json"))]
    order = ["bench set", "shipped feeds.conf", "10,000 spellings"]
    gazetteers.sort(key=lambda g: order.index(g["label"]) if g["label"] in order else len(order))
    version = sys.version.split()[0]

    for gazetteer in gazetteers:
        suffix = gazetteer["max_suffix"]
        alternatives = sorted(
            {re.escape(s["text"]) + (r"\w{0,%d}" % suffix if s["stem"] else "") for s in gazetteer["spellings"]},
            key=len, reverse=True)
        started = time.process_time()
        pattern = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
        compile_ms = (time.process_time() - started) * 1000
        for data in inputs:
            fields = [(text, len(text.encode("utf-8"))) for text in data["fields"]]
            label = "%s x %s" % (data["label"], gazetteer["label"])
            count, size, hits = 0, 0, 0
            started = time.process_time()
            elapsed = 0.0
            while count == 0 or elapsed < 3:
                text, length = fields[count % len(fields)]
                for _ in pattern.finditer(text):
                    hits += 1
                size += length
                count += 1
                elapsed = time.process_time() - started
            mbps = size / 1e6 / elapsed
            print("  %s: Python %s re, one alternation of %d spellings: %.2f MB/s over %d fields, compiled in %.0f ms"
                  % (label, version, len(alternatives), mbps, count, compile_ms))
            print("RESULT\t%s\tPython %s re, one alternation (%d)\t%.2f\t%d hits"
                  % (label, version, len(alternatives), mbps, hits))


if __name__ == "__main__":
    main()
