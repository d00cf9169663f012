#!/bin/sh
# Polling benchmark of issue 3: feedwatch against newsboat, same URLs, same concurrency,
# loopback feeds on 127.0.0.1-127.0.0.100 with real bodies, ETags and added latency.
#
# Usage: bench/poll/run.sh [--feeds 1000,10000] [--concurrency 16] [--latency-ms 50]
#                          [--per-host 1] [--host-gap-ms 0] [--gazetteer shipped|empty]
#                          [--tools feedwatch,newsboat] [--run-timeout 1800]
#                          [--no-build] [--keep] [--work DIR] [--json FILE]
#
# Builds feedwatch in release mode, installs newsboat with apt-get if it is missing
# (needs root), starts the feed server, runs each tool twice per feed count (first poll
# on an empty store, second poll where every feed answers 304) and prints one Markdown
# table per feed count with the targets of issue 3. Progress goes to stderr.
# Only 127.0.0.x is contacted. Every run is bounded by --run-timeout; the server is
# stopped on exit.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

build=yes
tools=feedwatch,newsboat
previous=
for arg in "$@"; do
    case $arg in
        --no-build) build=no ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        --tools=*) tools=${arg#--tools=} ;;
    esac
    [ "$previous" = --tools ] && tools=$arg
    previous=$arg
done

if [ ! -d "$root/../shared/corpus/real-feeds" ]; then
    echo "run.sh: corpus not found at $root/../shared/corpus/real-feeds" >&2
    exit 2
fi

if [ "$build" = yes ]; then
    echo "[bench] swift build -c release --product feedwatch" >&2
    (cd "$root" && timeout 3600 swift build -c release --product feedwatch >&2)
fi
feedwatch="$(cd "$root" && swift build -c release --show-bin-path)/feedwatch"
[ "${tools#*feedwatch}" = "$tools" ] || [ -x "$feedwatch" ] || { echo "run.sh: no release binary at $feedwatch (drop --no-build)" >&2; exit 2; }

if [ "${tools#*newsboat}" != "$tools" ] && ! command -v newsboat >/dev/null 2>&1; then
    echo "[bench] newsboat is missing: apt-get install -y newsboat" >&2
    if [ "$(id -u)" -ne 0 ]; then
        echo "run.sh: installing newsboat needs root (or run with --tools feedwatch)" >&2
        exit 2
    fi
    timeout 900 apt-get install -y newsboat >&2
fi

# The driver stops its own server on exit; this trap covers a killed driver.
driver_pid=
cleanup() {
    if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
        kill -TERM "$driver_pid" 2>/dev/null || true
        wait "$driver_pid" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Drop the flags this script handled; pass the rest to the driver.
for arg in "$@"; do
    shift
    [ "$arg" = --no-build ] || set -- "$@" "$arg"
done
python3 "$here/driver.py" --feedwatch "$feedwatch" "$@" &
driver_pid=$!
status=0
wait "$driver_pid" || status=$?
driver_pid=
exit $status
