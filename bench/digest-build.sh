#!/bin/sh
# Time to build one day's digest from a store of 30 days x N items a day (issue 6):
# read the day from the store, build the model, render Markdown, and the whole
# DigestRun.write. Prints one Markdown table, one row per store size.
#
# Builds feedwatch in release (its modules and GRDB), then links bench/DigestBuild.swift
# against those objects with swiftc, like bench/parse-throughput.sh. The stores are
# generated on first use and kept under .build/bench/digest (delete it to regenerate;
# 30 x 10,000 takes a minute or two).
#
# Usage: bench/digest-build.sh [--per-day 1000,3000,10000] [--days 30] [--feeds 200] [--rounds 5]
set -eu
cd "$(dirname "$0")/.."
out=.build/bench
mkdir -p "$out"
swift build -c release --product feedwatch >/dev/null
release=.build/release
# Objects of the current sources only: a deleted source leaves a stale .o behind.
objects() { for f in Sources/$1/*.swift Sources/$1/*/*.swift; do [ -f "$f" ] && echo "$release/$1.build/$(basename "$f").o"; done; }
grdb=.build/checkouts/GRDB.swift
# shellcheck disable=SC2046 # one word per object file
swiftc -O -parse-as-library -module-name DigestBuild bench/DigestBuild.swift \
    -I "$release/Modules" -I "$release" \
    -Xcc -fmodule-map-file="$grdb/Sources/GRDBSQLite/module.modulemap" \
    -Xcc -fmodule-map-file=Sources/CCurl/module.modulemap \
    -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap -Xcc -I/usr/include/libxml2 \
    -Xcc -fmodule-map-file=Sources/CZlib/module.modulemap \
    $(objects Monitor) $(objects Storage) $(objects Digest) $(objects Config) $(objects Fetching) \
    $(objects Parsing) $(objects Matching) $(objects FeedModel) "$release"/GRDB.build/*.o \
    -lcurl -lxml2 -lz -lsqlite3 -o "$out/digest-build"
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Digest build, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), $(nproc) CPUs, load average before: $load"
"$out/digest-build" --work "${DIGEST_WORK:-$out/digest}" "$@"
