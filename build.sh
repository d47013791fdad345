#!/usr/bin/env bash
# Bootstrapper: checks the .NET SDK that global.json asks for, restores the pinned .NET tools, rebuilds the
# build project only when its sources changed, then runs it with every argument. Exits with the build's code.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="$root/.build"
bin="$cache/bin"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() { printf 'build.sh: %s\n' "$1" >&2; exit 1; }

command -v dotnet >/dev/null 2>&1 \
  || fail "the .NET SDK is not installed; install the version in global.json from https://dot.net and retry."

required_sdk="$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$root/global.json" | head -n 1)"
if ! (cd "$root" && dotnet --version >/dev/null 2>&1); then
  fail "the .NET SDK $required_sdk that global.json asks for is not installed (found: $(dotnet --list-sdks | cut -d' ' -f1 | tr '\n' ' ')); install it from https://dot.net and retry."
fi

# A fingerprint of everything the build project is made from, shared with build.ps1, which computes it byte for byte
# the same way: the lower-case hex SHA-256 of sha256sum's listing ("<hash>  <path>\n" per file) of the files below,
# paths relative to the root and sorted bytewise (LC_ALL=C). find matches -path against those relative paths, so a
# checkout under a folder named bin or obj still counts its files.
fingerprint() {
  (cd "$root" && find build global.json Directory.Build.props Directory.Packages.props .editorconfig .config/dotnet-tools.json \
      -type f -not -path '*/bin/*' -not -path '*/obj/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

mkdir -p "$cache"
tools_stamp="$cache/tools.sha256"
tools_hash="$(sha256sum "$root/.config/dotnet-tools.json" | cut -d' ' -f1)"
if [ ! -f "$tools_stamp" ] || [ "$(cat "$tools_stamp")" != "$tools_hash" ]; then
  printf 'Restoring the pinned .NET tools (first run or .config/dotnet-tools.json changed)...\n' >&2
  (cd "$root" && dotnet tool restore >/dev/null) || fail "'dotnet tool restore' failed; see the output of 'dotnet tool restore'."
  printf '%s' "$tools_hash" > "$tools_stamp"
fi

# One stamp for both bootstrappers: whichever rebuilt last wrote it, so neither runs a binary built from other sources.
# It goes before the build and comes back after it: a failed or interrupted build leaves none.
build_stamp="$bin/.fingerprint"
current="$(fingerprint)"
if [ ! -f "$build_stamp" ] || [ "$(cat "$build_stamp")" != "$current" ]; then
  rm -f "$build_stamp"
  # Said at once, on standard error (standard output stays the build's): the build takes a while the first time.
  printf 'Building the build app (first run or build/ changed, ~1-2 min)...\n' >&2
  # dotnet build prints "Build succeeded / 0 Warning(s) / Time Elapsed" even with -clp:NoSummary: its output goes to
  # a file, shown only when the build fails, where it holds the compiler's errors. Meanwhile a line every 10 s.
  build_log="$cache/build-app.log"
  dotnet build "$root/build/Build/Build.csproj" --configuration Release --output "$bin" --nologo -clp:NoSummary -v:q >"$build_log" 2>&1 &
  build_pid=$!
  # A background job ignores Ctrl-C: stopping this script stops the build it started.
  trap 'kill "$build_pid" 2>/dev/null; exit 130' INT TERM
  seconds=0
  while kill -0 "$build_pid" 2>/dev/null; do
    sleep 1
    seconds=$((seconds + 1))
    if [ $((seconds % 10)) -eq 0 ] && kill -0 "$build_pid" 2>/dev/null; then
      printf 'Still building the build app: %d s\n' "$seconds" >&2
    fi
  done
  build_status=0
  wait "$build_pid" || build_status=$?
  trap - INT TERM
  if [ "$build_status" -ne 0 ]; then
    cat "$build_log" >&2
    fail "the build project does not compile; see the errors above."
  fi
  printf '%s' "$current" > "$build_stamp"
fi

cd "$root"
# The build names itself as people start it (--help, usage errors).
export BUILD_SCRIPT_NAME=./build.sh
# exec: the build app replaces this shell, so a signal sent to build.sh (CI cancellation, docker stop, kill) reaches
# the build itself, which stops its children gracefully and exits 130.
exec dotnet "$bin/Build.dll" "$@"
