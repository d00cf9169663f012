#!/usr/bin/env python3
"""Parse throughput of the Python peers over the real-feeds corpus (issue 4).

Peers: feedparser 6.0 (the reference for broken real-world feeds), fastfeedparser
and feedparser-rs, all from PyPI. They live in a venv under .build/bench/venv,
created and filled on first use, so the system Python stays untouched.

Every corpus file is read into memory first and parsed from bytes, so disk and
network never enter the timing. Each peer gets the best of N rounds (3 for
feedparser, which is slow, 5 for the others). An exception counts as a failure of
that file, never stops the run. One line per peer, in the same shape as the lines
of bench/bare-sax2.c and bench/ParseThroughput.swift so that
bench/parse-throughput.sh can put all of them in one table.

Usage: bench/parse-peers.py [corpus-dir] [--rounds N] [--peers a,b,c] [--stats]
"""
import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".build", "bench", "venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
# PyPI name, import name, default rounds.
PEERS = [
    ("feedparser", "feedparser", 3),
    ("fastfeedparser", "fastfeedparser", 5),
    ("feedparser-rs", "feedparser_rs", 5),
]
REQUIREMENTS = ["feedparser>=6.0,<7", "fastfeedparser", "feedparser-rs"]


def in_venv():
    return os.path.realpath(sys.prefix) == os.path.realpath(VENV)


def ensure_venv():
    """Re-run this script inside the venv, creating and filling it when needed."""
    if in_venv():
        return
    check = "import " + ", ".join(module for _, module, _ in PEERS)
    ready = os.path.exists(VENV_PYTHON) and subprocess.run(
        [VENV_PYTHON, "-c", check], stderr=subprocess.DEVNULL).returncode == 0
    if not ready:
        print(f"parse-peers: installing {', '.join(REQUIREMENTS)} into {os.path.relpath(VENV, ROOT)}",
              file=sys.stderr, flush=True)
        if not os.path.exists(VENV_PYTHON):
            subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([VENV_PYTHON, "-m", "pip", "install", "-q", *REQUIREMENTS], check=True)
    os.execv(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__), *sys.argv[1:]])


def load_corpus(folder):
    # Same selection as bench/bare-sax2.c and bench/ParseThroughput.swift: the
    # corpus folder also holds its README.md and a LICENSE file.
    names = sorted(n for n in os.listdir(folder)
                   if not n.startswith(".") and ".md" not in n and not n.startswith("LICENSE"))
    documents = []
    for name in names:
        with open(os.path.join(folder, name), "rb") as f:
            documents.append(f.read())
    return names, documents


def parse_function(module_name):
    module = __import__(module_name)
    # All three accept bytes; with bytes none of them mistakes content for a URL.
    return module.parse


def entries_of(result):
    # feedparser and fastfeedparser return dict subclasses, feedparser-rs an object
    # whose `in` does not take strings: ask for the attribute first.
    entries = getattr(result, "entries", None)
    if entries is None and isinstance(result, dict):
        entries = result.get("entries")
    return len(entries or [])


def measure(parse, documents, rounds):
    best = float("inf")
    items = failures = empty = 0
    for _ in range(rounds):
        items = failures = empty = 0
        start = time.perf_counter()
        for data in documents:
            try:
                count = entries_of(parse(data))
            except Exception:
                failures += 1
                continue
            items += count
            empty += count == 0
        best = min(best, time.perf_counter() - start)
    return best, items, failures, empty


def per_file(parse, names, documents):
    for name, data in zip(names, documents):
        try:
            result = parse(data)
            bozo = result.get("bozo", False) if hasattr(result, "get") else False
            print(f"  {name} items={entries_of(result)}" + (" bozo" if bozo else ""))
        except Exception as error:
            print(f"  {name} ERROR {type(error).__name__}: {str(error)[:120]}")


def main():
    parser = argparse.ArgumentParser(description="Parse throughput of feedparser, fastfeedparser, feedparser-rs")
    default_corpus = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "real-feeds")
    parser.add_argument("corpus", nargs="?", default=default_corpus)
    parser.add_argument("--rounds", type=int, help="rounds for every peer (default: 3 for feedparser, 5 for the others)")
    parser.add_argument("--peers", default=",".join(p for p, _, _ in PEERS), help="comma-separated PyPI names")
    parser.add_argument("--stats", action="store_true", help="also print items (or the error) per file")
    args = parser.parse_args()
    ensure_venv()

    from importlib.metadata import version
    names, documents = load_corpus(args.corpus)
    megabytes = sum(len(d) for d in documents) / 1e6
    wanted = args.peers.split(",")
    for package, module, default_rounds in PEERS:
        if package not in wanted:
            continue
        rounds = args.rounds or default_rounds
        parse = parse_function(module)
        best, items, failures, empty = measure(parse, documents, rounds)
        print(f"{package} {version(package)}: {len(documents)} files, {megabytes:.1f} MB, {items} items, "
              f"{failures} failures, {empty} files without items, best of {rounds}: {best:.3f} s = "
              f"{megabytes / best:.2f} MB/s, {len(documents) / best:.0f} feeds/s", flush=True)
        if args.stats:
            per_file(parse, names, documents)


if __name__ == "__main__":
    main()
