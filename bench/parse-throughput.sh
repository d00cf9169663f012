#!/bin/sh
# Parse throughput over the real-feeds corpus: FeedParser (release build) vs bare
# libxml2 SAX2 push parsing. Usage: bench/parse-throughput.sh [corpus-dir] [rounds] [--stats]
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/real-feeds}
rounds=${2:-5}
out=.build/bench
mkdir -p "$out"
cc -O2 -o "$out/bare-sax2" bench/bare-sax2.c $(pkg-config --cflags --libs libxml-2.0)
swift build -c release --target Parsing >/dev/null
# Objects of the current sources only: a deleted source leaves a stale .o behind.
objects() { for f in Sources/$1/*.swift; do echo ".build/release/$1.build/$(basename "$f").o"; done; }
swiftc -O -parse-as-library -module-name ParseThroughput bench/ParseThroughput.swift \
    -I .build/release/Modules -I .build/release -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap -Xcc -I/usr/include/libxml2 \
    $(objects Parsing) $(objects FeedModel) -lxml2 -o "$out/parse-throughput"
"$out/bare-sax2" "$corpus" "$rounds"
"$out/parse-throughput" "$corpus" "$rounds" ${3:-}
