#!/usr/bin/env bash
# Measures how long a build leaves a person without output: runs ./build.sh with the given arguments (default
# --target Test), stamps every line it prints (standard output and error, as they arrive) and prints the longest
# gaps between lines, each with the task that was running and the lines either side. Goal (issue #17): no gap
# above ~10 s. The stamped log stays in .build/bench/silence.log (SILENCE_LOG to change it); TOP gaps are shown
# (default 5). Exits with the build's exit code. Nothing is asserted: figures are for people.
#   build/bench/silence.sh --target Test --tests unit
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
log="${SILENCE_LOG:-$root/.build/bench/silence.log}"
top="${TOP:-5}"
[ "$#" -gt 0 ] || set -- --target Test
mkdir -p "$(dirname "$log")"

# $EPOCHREALTIME (bash 5): a clock reading per line without a process per line.
start="$EPOCHREALTIME"
set +e
(cd "$root" && ./build.sh "$@" 2>&1) | while IFS= read -r line || [ -n "$line" ]; do
  printf '%s\t%s\n' "$EPOCHREALTIME" "$line"
done > "$log"
status="${PIPESTATUS[0]}"
set -e
end="$EPOCHREALTIME"

# A task's banner is its name between two rules of '═' (Setup and TearDown: '─'); the gap belongs to the task whose
# banner came last. The run's start and end count as lines, so a silent start or end shows too.
awk -F '\t' -v start="$start" -v end="$end" -v top="$top" -v status="$status" -v args="$*" -v logfile="$log" '
  function shorten(text) { sub(/^[ \t]+/, "", text); sub(/[ \t]+$/, "", text); return length(text) > 70 ? substr(text, 1, 67) "..." : text }
  function gap(at, text) {
    n++; seconds[n] = at - previous; task[n] = current; before[n] = last; after[n] = text
    previous = at; last = text
  }
  BEGIN { previous = start; last = "(start)"; current = "(bootstrap)" }
  {
    text = substr($0, length($1) + 2)
    gap($1, text)
    if (rule && text ~ /^ [A-Za-z]+ *$/) { name = text; gsub(/ /, "", name); current = name }
    rule = (text ~ /^(═|─)+$/)
    lines++
  }
  END {
    gap(end, "(end)")
    printf "silence: ./build.sh %s: exit %d, %.1f s, %d lines (log: %s)\n", args, status, end - start, lines, logfile
    printf "longest silences (s, task, last line before, first line after):\n"
    for (k = 1; k <= top && k <= n; k++) {
      best = 0
      for (i = 1; i <= n; i++) if (!(i in used) && (best == 0 || seconds[i] > seconds[best])) best = i
      used[best] = 1
      printf "  %6.1f  %-14s %s  ->  %s\n", seconds[best], task[best], shorten(before[best]), shorten(after[best])
    }
  }' "$log"
exit "$status"
