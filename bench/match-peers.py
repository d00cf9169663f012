#!/usr/bin/env python3
"""Python's re as a peer of feedwatch's matcher (bench/match-throughput.sh).

One case-insensitive alternation of all spellings of a gazetteer between word
boundaries (longest first; a stem as stem\\w{0,max_suffix}), run with finditer over
the title and summary of every item of the eval file, like the Swift bench. The
spellings come from the JSON files that MatchThroughput writes (MATCH_SPELLINGS_DIR).
Rounds: until 3 s of process CPU time, at least one. Stdlib only.

Usage: match-peers.py EVAL.jsonl SPELLINGS.json...
Prints a RESULT line per gazetteer (tab-separated: label, tool, MB/s, notes).
"""
import json
import re
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    fields = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            item = json.loads(line)
            fields.append(item.get("title") or "")
            fields.append(item.get("summary") or "")
    corpus_bytes = sum(len(text.encode("utf-8")) for text in fields)

    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            gazetteer = json.load(f)
        suffix = gazetteer["max_suffix"]
        alternatives = sorted(
            {re.escape(s["text"]) + (r"\w{0,%d}" % suffix if s["stem"] else "") for s in gazetteer["spellings"]},
            key=len, reverse=True)
        started = time.process_time()
        pattern = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
        compile_ms = (time.process_time() - started) * 1000
        rounds, elapsed, hits = 0, 0.0, 0
        while rounds == 0 or elapsed < 3:
            started = time.process_time()
            for text in fields:
                for _ in pattern.finditer(text):
                    hits += 1
            elapsed += time.process_time() - started
            rounds += 1
        mbps = corpus_bytes * rounds / 1e6 / elapsed
        print("  Python %s re, one alternation of %d spellings: %.2f MB/s over %d rounds, compiled in %.0f ms"
              % (sys.version.split()[0], len(alternatives), mbps, rounds, compile_ms))
        print("RESULT\t%s\tPython %s re, one alternation (%d)\t%.2f\t%d hits"
              % (gazetteer["label"], sys.version.split()[0], len(alternatives), mbps, hits // rounds))


if __name__ == "__main__":
    main()
