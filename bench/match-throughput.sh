#!/bin/sh
# Measures Matching throughput (normalise, normalise + match) in a release build,
# on two inputs (the eval file's titles and summaries; title, summary and content
# of every item of the real-feeds corpus, parsed by FeedParser), each with three
# gazetteers: a 285-spelling set, the shipped feeds.conf, and 10,000
# generated spellings; in the same run the two peers of issue 5: one
# NSRegularExpression per entity in Swift (the Miniflux way) and Python's re with
# one alternation of all spellings (bench/match-peers.py, stdlib only). Ends with
# one Markdown table and the targets (>= 200 MB/s shipped, >= 100 MB/s 10,000).
# Package.swift is fixed, so this builds a throwaway package in a temp folder whose
# targets point at Sources/FeedModel, Sources/Config (to read feeds.conf),
# Sources/Parsing and Sources/CLibXML2 (to parse the feeds), Sources/Matching and
# bench/MatchThroughput.
#
# Usage: bench/match-throughput.sh [eval.jsonl] [megabytes] [real-feeds folder]
# With BASELINE=<git ref> it also builds the bench against that ref's
# Sources/Matching and runs both, interleaved, so before/after come from the
# same run on the same (shared) machine (peers only after the last round).
# Raw output also goes to $TMPDIR/feedwatch-match-bench/match-throughput.log.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
eval_file=${1:-$root/../shared/eval/relevance-dev.jsonl}
megabytes=${2:-64}
feeds=${3:-$root/../shared/corpus/real-feeds}
conf=$root/feeds.conf
base=${TMPDIR:-/tmp}/feedwatch-match-bench

# build DIR MATCHING_SOURCES: the throwaway package in DIR, Matching from the given folder.
build() {
    work=$1
    mkdir -p "$work/Sources"
    ln -sfn "$root/Sources/FeedModel" "$work/Sources/FeedModel"
    ln -sfn "$root/Sources/Config" "$work/Sources/Config"
    ln -sfn "$root/Sources/CLibXML2" "$work/Sources/CLibXML2"
    ln -sfn "$root/Sources/Parsing" "$work/Sources/Parsing"
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
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
        .target(name: "Parsing", dependencies: ["FeedModel", "CLibXML2"]),
        .target(name: "Matching", dependencies: ["FeedModel"]),
        .executableTarget(name: "MatchThroughput", dependencies: ["FeedModel", "Config", "Parsing", "Matching"]),
    ]
)
SWIFT
    if ! (cd "$work" && swift build -c release --product MatchThroughput >"$work/build.log" 2>&1); then
        cat "$work/build.log" >&2
        exit 1
    fi
}

build "$base/current" "$root/Sources/Matching"
spellings=$base/spellings
rm -rf "$spellings" && mkdir -p "$spellings"
log=$base/match-throughput.log
: >"$log"
if [ -n "${BASELINE:-}" ]; then
    rm -rf "$base/baseline-src" && mkdir -p "$base/baseline-src"
    git -C "$root" archive "$BASELINE" Sources/Matching | tar -x -C "$base/baseline-src"
    build "$base/baseline" "$base/baseline-src/Sources/Matching"
    for round in 1 2; do
        echo "## baseline ($BASELINE), round $round" | tee -a "$log"
        MATCH_NO_PEERS=1 "$base/baseline/.build/release/MatchThroughput" "$eval_file" "$megabytes" "$conf" "$feeds" | tee -a "$log"
        if [ "$round" = 1 ]; then
            echo "## current, round $round" | tee -a "$log"
            MATCH_NO_PEERS=1 "$base/current/.build/release/MatchThroughput" "$eval_file" "$megabytes" "$conf" "$feeds" | tee -a "$log"
        fi
    done
    echo "## current, round 2, with the peers" | tee -a "$log"
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$log"
MATCH_SPELLINGS_DIR=$spellings "$base/current/.build/release/MatchThroughput" "$eval_file" "$megabytes" "$conf" "$feeds" \
    | tee "$base/current.out" | tee -a "$log" | grep -v '^RESULT'
python3 "$root/bench/match-peers.py" "$spellings" \
    | tee "$base/peers.out" | tee -a "$log" | grep -v '^RESULT'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$log"

# One table: a row per input x gazetteer, a column per tool, and the targets.
cat "$base/current.out" "$base/peers.out" | grep '^RESULT' | awk -F '\t' '
    { label = $2; tool = $3; mbps[label, tool] = $4
      if (!(label in seenLabel)) { seenLabel[label] = 1; labels[++nl] = label }
      if (tool ~ /^feedwatch/) { fw[label] = $4; fwTool = tool; density[label] = $5 }
      else if (tool ~ /^Swift/) { rx[label] = $4; rxTool[label] = tool }
      else { py[label] = $4; pyTool[label] = tool } }
    END {
        print ""
        print "| input x gazetteer | hits per KB | feedwatch MB/s | NSRegularExpression per rule MB/s | Python re alternation MB/s | feedwatch / NSRegularExpression | feedwatch / Python re |"
        print "|---|---:|---:|---:|---:|---:|---:|"
        for (i = 1; i <= nl; i++) {
            l = labels[i]
            printf "| %s | %s | %.1f | %s | %s | %s | %s |\n", l, density[l], fw[l], (l in rx) ? rx[l] : "-", (l in py) ? py[l] : "-",
                (l in rx && rx[l] > 0) ? sprintf("%.0fx", fw[l] / rx[l]) : "-", (l in py && py[l] > 0) ? sprintf("%.1fx", fw[l] / py[l]) : "-"
        }
        print ""
        print "Targets of issue 5:"
        for (i = 1; i <= nl; i++) {
            l = labels[i]; target = 0
            if (l ~ /shipped/) target = 200
            if (l ~ /10,000/) target = 100
            if (target > 0) printf "- %s: feedwatch %.1f MB/s >= %d MB/s: %s\n", l, fw[l], target, (fw[l] >= target) ? "PASS" : "FAIL"
        }
    }'
