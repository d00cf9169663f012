#!/bin/sh
# Keeps seeds/demo.conf in step with feeds.conf: demo.conf keeps its own header
# (comments, [settings], [feeds], up to and including the marker line) and gets
# a verbatim copy of everything in feeds.conf from its first [entity ...] line on
# (the gazetteer and the topics).
#   sync-demo-conf.sh           rewrite seeds/demo.conf
#   sync-demo-conf.sh --check   exit 1 (and say so) if seeds/demo.conf is out of date
set -eu

here=$(cd "$(dirname "$0")" && pwd)
conf="$here/../feeds.conf"
demo="$here/demo.conf"
marker='# ---- everything below is copied from ../feeds.conf by sync-demo-conf.sh: do not edit ----'

grep -qxF -- "$marker" "$demo" || { echo "sync-demo-conf: $demo has no marker line:" >&2; echo "  $marker" >&2; exit 2; }
grep -q '^\[entity ' "$conf" || { echo "sync-demo-conf: $conf has no [entity ...] section" >&2; exit 2; }
# The demo shows every digest format (the README's screenshot is its HTML digest).
demo_formats='digest_formats = markdown, html, json, atom'

tmp=$(mktemp "$demo.XXXXXX")
trap 'rm -f "$tmp"' EXIT
{
    # The header as it is, with digest_formats set in [settings] (added after `[settings]`
    # when missing, replaced when it names other formats).
    awk -v m="$marker" -v f="$demo_formats" '
        /^digest_formats[ \t]*=/ { next }
        { print }
        $0 == "[settings]" { print f }
        $0 == m { exit }' "$demo"
    echo
    awk 'copying || /^\[entity / { copying = 1; print }' "$conf"
} > "$tmp"

if [ "${1:-}" = "--check" ]; then
    if cmp -s "$tmp" "$demo"; then exit 0; fi
    echo "sync-demo-conf: seeds/demo.conf is out of date with feeds.conf; run seeds/sync-demo-conf.sh" >&2
    exit 1
fi
mv "$tmp" "$demo"
trap - EXIT
