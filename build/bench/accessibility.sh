#!/usr/bin/env bash
# Accessibility scan figures on the sample service, from one `./build.sh --target Accessibility` run (or, with
# --no-run, from the last run's artifacts/accessibility/accessibility.json): pages checked per second and the share
# of the target's time spent starting the browser. Extra arguments go to build.sh (e.g. --a11y-max-pages 5).
# Nothing is asserted: figures are for people.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
report="$root/artifacts/accessibility/accessibility.json"

if [ "${1:-}" = "--no-run" ]; then
  shift
else
  rm -f "$report"
  started=$(date +%s.%N)
  ./build.sh --target Accessibility "$@" >/dev/null 2>&1 || echo "accessibility.sh: the Accessibility target failed; figures are from its report." >&2
  ended=$(date +%s.%N)
  awk -v a="$started" -v b="$ended" 'BEGIN { printf "whole ./build.sh --target Accessibility run:  %7.2f s (incl. restore, compile)\n", b - a }'
fi

[ -f "$report" ] || { echo "accessibility.sh: no report at $report; run ./build.sh --target Accessibility first." >&2; exit 1; }

# One number per line from the flat top level of the JSON report (no jq needed).
figure() { sed -n "s/^  \"$1\": \([0-9.]*\),\{0,1\}$/\1/p" "$report" | head -n 1; }

pages=$(figure pages)
browser=$(figure browserStartSeconds)
service=$(figure serviceStartSeconds)
scan=$(figure scanSeconds)
total=$(figure totalSeconds)
rate=$(figure pagesPerSecond)
if [ -z "$pages" ] || [ -z "$scan" ] || [ -z "$total" ] || [ -z "$browser" ]; then
  echo "accessibility.sh: $report lacks the figures." >&2
  exit 1
fi

echo "Accessibility on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf 'pages scanned:                  %7d\n' "$pages"
printf 'service start (to /health):     %7.2f s\n' "${service:-0}"
printf 'browser start:                  %7.2f s\n' "$browser"
printf 'scan (open + axe + crawl):      %7.2f s\n' "$scan"
printf 'Accessibility target in all:    %7.2f s\n' "$total"
printf 'pages checked per second:       %7.2f\n' "$rate"
awk -v b="$browser" -v t="$total" 'BEGIN { printf "share of the target starting the browser: %.0f%%\n", 100 * b / t }'
