#!/bin/sh
# Parse throughput over the real-feeds corpus, in one run (issue 4): FeedParser
# (release build), bare libxml2 SAX2 push parsing in 64 KiB chunks and in one push
# of the whole document (the faster of the two is the limit), and the Python peers
# feedparser 6.0, fastfeedparser and feedparser-rs (bench/parse-peers.py, which
# installs them into .build/bench/venv on first use). Ends with one Markdown table
# and the targets of issue 4.
# Usage: bench/parse-throughput.sh [corpus-dir] [rounds] [--stats]
#   rounds: for FeedParser and libxml2 (default 5); when given it also applies to the
#   peers, which otherwise take 3 rounds (feedparser) and 5 (the others).
set -eu
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/real-feeds}
rounds=${2:-5}
peer_rounds=${2:+--rounds $2}
out=.build/bench
mkdir -p "$out"
cc -O2 -o "$out/bare-sax2" bench/bare-sax2.c $(pkg-config --cflags --libs libxml-2.0)
swift build -c release --target Parsing >/dev/null
# Objects of the current sources only: a deleted source leaves a stale .o behind.
objects() { for f in Sources/$1/*.swift; do echo ".build/release/$1.build/$(basename "$f").o"; done; }
swiftc -O -parse-as-library -module-name ParseThroughput bench/ParseThroughput.swift \
    -I .build/release/Modules -I .build/release -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap -Xcc -I/usr/include/libxml2 \
    $(objects Parsing) $(objects FeedModel) -lxml2 -o "$out/parse-throughput"
log="$out/parse-throughput.log"
load=$(cut -d' ' -f1-3 /proc/loadavg)
"$out/bare-sax2" "$corpus" "$rounds" | tee "$log"
"$out/parse-throughput" "$corpus" "$rounds" ${3:-} | tee -a "$log"
# shellcheck disable=SC2086 # peer_rounds is two words or nothing
python3 bench/parse-peers.py "$corpus" $peer_rounds ${3:-} | tee -a "$log"

echo
echo "Parse throughput, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), $(nproc) CPUs, load average before: $load"
echo
awk '
# The number just before `suffix` in s (the last word of what precedes it).
function before(s, suffix,   i, head, n, w) {
    i = index(s, suffix); if (i == 0) return ""
    head = substr(s, 1, i - 1); n = split(head, w, " "); return w[n]
}
function after(s, prefix,   i, w) {
    i = index(s, prefix); if (i == 0) return ""
    split(substr(s, i + length(prefix)), w, /[ :]/); return w[1]
}
function keep(key, name, line) {
    row[key] = 1; label[key] = name
    seconds[key] = before(line, " s = "); mbps[key] = before(line, " MB/s")
    feeds[key] = before(line, " feeds/s"); rounds[key] = after(line, "best of ")
    files[key] = before(line, " files"); megabytes[key] = before(line, " MB,")
    items[key] = before(line, " items"); failures[key] = before(line, " failures")
    if (items[key] == "") items[key] = "(" before(line, " elements") " elements)"
    if (failures[key] == "") failures[key] = "-"
}
/^bare libxml2 SAX2 push, 64 KiB chunks: / { keep("bare64", "bare libxml2 SAX2 push, 64 KiB chunks", $0) }
/^bare libxml2 SAX2 push, whole document: / { keep("barew", "bare libxml2 SAX2 push, whole document", $0) }
/^FeedParser: /      { keep("fw", "feedwatch FeedParser", $0) }
/^feedparser [0-9]/  { keep("fp", "feedparser " before($0, ":"), $0) }
/^fastfeedparser /   { keep("ffp", "fastfeedparser " before($0, ":"), $0) }
/^feedparser-rs /    { keep("fprs", "feedparser-rs " before($0, ":"), $0) }
function ratio(key) {
    if (!(key in row) || !("fw" in row) || seconds["fw"] + 0 == 0) return "-"
    if (key == "fw") return "-"
    if (key ~ /^bare/) return sprintf("%.0f %%", 100 * seconds[key] / seconds["fw"])
    return sprintf("%.2fx", seconds[key] / seconds["fw"])
}
function target(text, key, ok) {
    if (!(key in row) || !("fw" in row)) { printf "- %s: not measured\n", text; return }
    printf "- %s: %s\n", text, ok ? "PASS" : "FAIL"
}
END {
    # The limit: the faster way of feeding libxml2.
    limit = ("barew" in row) && (!("bare64" in row) || seconds["barew"] + 0 < seconds["bare64"] + 0) ? "barew" : "bare64"
    if (limit in row) label[limit] = label[limit] " (the limit)"
    split("fw bare64 barew fp ffp fprs", order, " ")
    print "| parser | MB/s | feeds/s | items | failures | best of | s per round | feedwatch vs this |"
    print "|---|---:|---:|---:|---:|---:|---:|---|"
    for (i = 1; i <= 6; i++) {
        k = order[i]; if (!(k in row)) continue
        printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", label[k], mbps[k], feeds[k], items[k], failures[k], rounds[k], seconds[k], ratio(k)
    }
    print ""
    printf "Corpus: %s files, %s MB, parsed from memory.\n", files["fw"], megabytes["fw"]
    for (i = 2; i <= 6; i++) { k = order[i]; if ((k in row) && files[k] != files["fw"]) printf "WARNING: %s parsed %s files, feedwatch %s\n", label[k], files[k], files["fw"] }
    print ""
    print "Targets of issue 4:"
    fw = seconds["fw"]
    target(sprintf("feedwatch >= 60 %% of bare libxml2 throughput, the faster mode (feedwatch at %s)", ratio(limit)), limit, seconds[limit] >= 0.6 * fw)
    target(sprintf("feedwatch >= 100x feedparser (feedwatch at %s)", ratio("fp")), "fp", seconds["fp"] >= 100 * fw)
    target(sprintf("feedwatch faster than fastfeedparser (feedwatch at %s)", ratio("ffp")), "ffp", seconds["ffp"] > fw)
    target(sprintf("feedwatch faster than feedparser-rs (feedwatch at %s)", ratio("fprs")), "fprs", seconds["fprs"] > fw)
}' "$log"
