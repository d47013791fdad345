#!/usr/bin/env bash
# Measures, in one run on this machine, the bootstrapper's overhead against the commands it replaces:
#   1. warm `./build.sh --tree` vs `dotnet run --project build/Build -- --tree`   (goal: ratio <= 0.5)
#   2. warm `./build.sh --target Test` vs the plain `dotnet test` it wraps       (goal: ratio <= 1.10)
# Prints medians of RUNS runs (default 5) and the ratios. Nothing is asserted: figures are for people.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${RUNS:-5}"

seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "benchmark: command failed: $*" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }' 
}

median() {
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

measure() {
  local label="$1"; shift
  local samples=()
  "$@" >/dev/null 2>&1 || true   # warm-up: builds, restores, JIT caches
  for _ in $(seq "$runs"); do samples+=("$(seconds "$@")"); done
  local m; m=$(median "${samples[@]}")
  printf '%-58s median %7.3f s  (runs: %s)\n' "$label" "$m" "$(printf '%.2f ' "${samples[@]}")" >&2
  echo "$m"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "Benchmark on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), $runs runs each" >&2
tree_boot=$(measure "./build.sh --tree" ./build.sh --tree)
tree_run=$(measure "dotnet run --project build/Build -- --tree" dotnet run --project build/Build -c Release -- --tree)
printf 'tree ratio (build.sh / dotnet run): %s   goal <= 0.5\n' "$(ratio "$tree_boot" "$tree_run")"

# The plain command that the Test target wraps: the same projects, loggers and collector, built first.
results="$(mktemp -d)"
plain_test() {
  dotnet build App.sln -c Release -v:q --nologo &&
  dotnet test App.sln -c Release --no-build --results-directory "$results" --logger "trx;LogFilePrefix=tests" --logger "console;verbosity=minimal" --collect "XPlat Code Coverage" -m:1
}
test_boot=$(measure "./build.sh --target Test" ./build.sh --target Test)
test_plain=$(measure "dotnet build + dotnet test (same arguments)" plain_test)
printf 'test ratio (build.sh / plain): %s   goal <= 1.10\n' "$(ratio "$test_boot" "$test_plain")"
rm -rf "$results"
