#!/bin/sh
# Measures Matching throughput (normalise, normalise + match) in a release build,
# with three gazetteers: a 285-spelling set, the shipped feeds.conf, and 10,000
# generated spellings.
# Package.swift is fixed, so this builds a throwaway package in a temp folder whose
# targets point at Sources/FeedModel, Sources/Config (to read feeds.conf),
# Sources/Matching and bench/MatchThroughput.
#
# Usage: bench/match-throughput.sh [eval.jsonl] [megabytes]
# With BASELINE=<git ref> it also builds the bench against that ref's
# Sources/Matching and runs both, interleaved, so before/after come from the
# same run on the same (shared) machine.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
eval_file=${1:-$root/../shared/eval/relevance-dev.jsonl}
megabytes=${2:-64}
conf=$root/feeds.conf
base=${TMPDIR:-/tmp}/feedwatch-match-bench

# build DIR MATCHING_SOURCES: the throwaway package in DIR, Matching from the given folder.
build() {
    work=$1
    mkdir -p "$work/Sources"
    ln -sfn "$root/Sources/FeedModel" "$work/Sources/FeedModel"
    ln -sfn "$root/Sources/Config" "$work/Sources/Config"
    ln -sfn "$2" "$work/Sources/Matching"
    ln -sfn "$root/bench/MatchThroughput" "$work/Sources/MatchThroughput"
    cat > "$work/Package.swift" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "match-bench",
    targets: [
        .target(name: "FeedModel"),
        .target(name: "Config", dependencies: ["FeedModel"]),
        .target(name: "Matching", dependencies: ["FeedModel"]),
        .executableTarget(name: "MatchThroughput", dependencies: ["FeedModel", "Config", "Matching"]),
    ]
)
SWIFT
    if ! (cd "$work" && swift build -c release --product MatchThroughput >"$work/build.log" 2>&1); then
        cat "$work/build.log" >&2
        exit 1
    fi
}

build "$base/current" "$root/Sources/Matching"
if [ -n "${BASELINE:-}" ]; then
    rm -rf "$base/baseline-src" && mkdir -p "$base/baseline-src"
    git -C "$root" archive "$BASELINE" Sources/Matching | tar -x -C "$base/baseline-src"
    build "$base/baseline" "$base/baseline-src/Sources/Matching"
    for round in 1 2; do
        echo "## baseline ($BASELINE), round $round"
        "$base/baseline/.build/release/MatchThroughput" "$eval_file" "$megabytes" "$conf"
        echo "## current, round $round"
        "$base/current/.build/release/MatchThroughput" "$eval_file" "$megabytes" "$conf"
    done
else
    "$base/current/.build/release/MatchThroughput" "$eval_file" "$megabytes" "$conf"
fi
