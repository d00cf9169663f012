#!/bin/sh
# Measures Matching throughput (normalise, normalise + match) in a release build.
# Package.swift is fixed, so this builds a throwaway package in a temp folder whose
# targets point at Sources/FeedModel, Sources/Matching and bench/MatchThroughput.
# Usage: bench/match-throughput.sh [eval.jsonl] [megabytes]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
eval_file=${1:-$root/../shared/eval/relevance-dev.jsonl}
megabytes=${2:-64}
work=${TMPDIR:-/tmp}/feedwatch-match-bench
mkdir -p "$work/Sources"
ln -sfn "$root/Sources/FeedModel" "$work/Sources/FeedModel"
ln -sfn "$root/Sources/Matching" "$work/Sources/Matching"
ln -sfn "$root/bench/MatchThroughput" "$work/Sources/MatchThroughput"
cat > "$work/Package.swift" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "match-bench",
    targets: [
        .target(name: "FeedModel"),
        .target(name: "Matching", dependencies: ["FeedModel"]),
        .executableTarget(name: "MatchThroughput", dependencies: ["FeedModel", "Matching"]),
    ]
)
SWIFT
cd "$work"
swift build -c release --product MatchThroughput >/dev/null
"$work/.build/release/MatchThroughput" "$eval_file" "$megabytes"
