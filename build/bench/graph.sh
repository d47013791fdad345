#!/usr/bin/env bash
# Measures the task graph (issue #16) in one run on this machine, in this checkout:
#   1. the full local chain (./build.sh) run one task at a time (--parallel 1) vs the default (tasks in parallel),
#      and the default's wall time vs the sum of its tasks' durations      (goal: parallel / one-at-a-time < 1.0)
#   2. a rerun with nothing changed vs the first run                      (goal: < 0.1)
#   3. Lint, Test and Image (--exclusive --no-cache) each vs the raw commands they wrap   (goal: <= 1.05)
# Every ./build.sh run that must do the work passes --no-cache. Prints seconds and ratios; asserts nothing.
# CHAIN=0 skips 1 and 2 (after a full run); STAGES="Image" measures only the stages named in 3.
# Takes long: the chain runs the whole test suite three times (about 60 min on 2 cores).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
log_dir="$root/.build/bench/graph"
mkdir -p "$log_dir"

seconds() {
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  if ! "$@" >"$log_dir/$label.log" 2>&1; then
    echo "graph bench: '$label' failed; see $log_dir/$label.log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f\n", b - a }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

report_field() { python3 -c "import json,sys; print(json.load(open('artifacts/build-report.json'))['schedule'][sys.argv[1]])" "$1"; }

echo "Graph benchmark on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD)"
./build.sh --tree >/dev/null 2>&1   # builds the build app once, outside every measurement

if [[ "${CHAIN:-1}" == 1 ]]; then
  serial=$(seconds chain-parallel-1 ./build.sh --no-cache --parallel 1)
  serial_tasks=$(report_field taskSeconds)
  parallel=$(seconds chain-default ./build.sh --no-cache)
  parallel_tasks=$(report_field taskSeconds)
  critical=$(python3 -c "import json; s=json.load(open('artifacts/build-report.json'))['schedule']; print(' -> '.join(t['task'] for t in s['criticalPath']), '(%.1f s)' % sum(t['seconds'] for t in s['criticalPath']))")
  rerun=$(seconds chain-rerun ./build.sh)
  skipped=$(python3 -c "import json; print(', '.join(t['name'] for t in json.load(open('artifacts/build-report.json'))['tasks'] if t['status']=='Skipped'))")

  printf '%-62s %8s s  (sum of task durations %s s)\n' "./build.sh --parallel 1 (one at a time)" "$serial" "$serial_tasks"
  printf '%-62s %8s s  (sum of task durations %s s)\n' "./build.sh (--parallel $(nproc))" "$parallel" "$parallel_tasks"
  printf '%-62s %s\n' "critical path of the parallel run" "$critical"
  printf '%-62s %8s s  (skipped: %s)\n' "./build.sh again, nothing changed" "$rerun" "$skipped"
  printf 'chain ratio (parallel / one at a time):             %s   goal < 1.0\n' "$(ratio "$parallel" "$serial")"
  printf 'chain ratio (parallel wall / its summed task time):  %s\n' "$(ratio "$parallel" "$parallel_tasks")"
  printf 'rerun ratio (nothing changed / first run):          %s   goal < 0.1\n' "$(ratio "$rerun" "$parallel")"
fi

# 3. Each stage against the raw commands it wraps, after the chain built everything they need.
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
raw_lint() {
  dotnet format App.sln --verify-no-changes --no-restore &&
  git ls-files -z '*.sh' .ci/run | xargs -0 shellcheck
}
raw_test() {
  dotnet test App.sln -c Release --no-build --results-directory "$results" --logger "trx;LogFilePrefix=tests" --collect "XPlat Code Coverage"
}
# The same dotnet publish the Image stage runs (same properties and intermediate folder, so as warm as the stage's),
# then docker build of the context the Image stage laid out (runtime/ and app/ split into two layers, which is the
# build's work and not counted as raw) with the same build arguments.
image_field() { python3 -c "import json,sys; d=json.load(open('artifacts/image/image.json')); print(eval(sys.argv[1]))" "$1"; }
raw_image() {
  local version revision base created source
  version=$(image_field "d['labels']['org.opencontainers.image.version']")
  revision=$(image_field "d['labels']['org.opencontainers.image.revision']")
  created=$(image_field "d['labels']['org.opencontainers.image.created']")
  source=$(image_field "d['labels']['org.opencontainers.image.source']")
  base=$(image_field "d['baseImage']")
  dotnet publish src/App/App.csproj -c Release -r linux-x64 --self-contained -o .build/image/publish-output \
    --artifacts-path .build/image/msbuild -v:minimal -p:Version="$version" -p:InformationalVersion="$version+${revision:0:12}" \
    -p:GitCommit="$revision" -p:InvariantGlobalization=true -p:ContinuousIntegrationBuild=false &&
  docker build -q -f src/App/Dockerfile --target prebuilt --build-arg "BASE_IMAGE=$base" --build-arg "VERSION=$version" \
    --build-arg "REVISION=$revision" --build-arg "SOURCE=$source" --build-arg "CREATED=$created" \
    -t app-bench-raw:latest .build/image/publish
}
for stage in ${STAGES:-Lint Test Image}; do
  wrapped=$(seconds "stage-$stage" ./build.sh --target "$stage" --exclusive --no-cache)
  raw=$(seconds "raw-$stage" "raw_$(echo "$stage" | tr '[:upper:]' '[:lower:]')")
  printf '%-6s ./build.sh %7s s   raw %7s s   ratio %s   goal <= 1.05\n' "$stage" "$wrapped" "$raw" "$(ratio "$wrapped" "$raw")"
done
docker rmi -f app-bench-raw:latest >/dev/null 2>&1 || true
