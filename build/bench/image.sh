#!/usr/bin/env bash
# Image figures, measured in one run on this machine (needs a running docker engine; nothing is pulled):
#   - the app image's size: on disk (docker's figure) and compressed (what a registry stores, what a host pulls)
#   - a cold Image target (fresh copy, nothing published) and docker build alone without its layer cache, against
#     the Image target again after a one-line source change
#   - how many image layers the rebuild reused (the base and the .NET runtime should be; only the app layer is new)
# It works on a throwaway copy of the working tree (the change is made there) under the repository name bench/app,
# and removes the copy and its images at the end. Nothing is asserted: figures are for people.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
repository="bench/app"

fail() { printf 'image.sh: %s\n' "$1" >&2; exit 1; }
docker info >/dev/null 2>&1 || fail "the docker engine does not answer; start it (dockerd > /tmp/dockerd.log 2>&1 &) and retry."

work="$(mktemp -d /tmp/image-bench-XXXXXX)"
cleanup() {
  docker image ls --format '{{.Repository}}:{{.Tag}}' | grep "^${repository}:" | xargs -r docker rmi --force >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# A copy of the working tree (uncommitted changes included), without build outputs.
tar -C "$root" --exclude='./artifacts' --exclude='./.build' --exclude='*/bin' --exclude='*/obj' -cf - . | tar -C "$work" -xf -
cd "$work"

seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >"$work/last.log" 2>&1 || { tail -n 20 "$work/last.log" >&2; fail "command failed: $*"; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }'
}

image_target() { ./build.sh --target Image --exclusive --image-repository "$repository"; }
image_id() { tr -d '\n' < artifacts/image/image.id; }
layers() { docker image inspect --format '{{range .RootFS.Layers}}{{println .}}{{end}}' "$1" | grep -v '^$'; }

echo "Image benchmark on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ)" >&2
# Untimed: the build app itself, the base image and a warm NuGet cache are not what is measured.
./build.sh --target BaseImage >/dev/null 2>&1 || fail "BaseImage failed; run ./build.sh --target BaseImage to see why."

cold=$(seconds image_target)
first=$(image_id)
./build.sh --target ImageScan --exclusive --image-repository "$repository" >/dev/null 2>&1 || true
size=$(sed -n 's/.*"size": "\([^"]*compressed[^"]*\)".*/\1/p' artifacts/build-report.json | head -n 1)

# The one-line source change: a sentence on the About page (compiled into App.dll).
sed -i 's|</h1>|</h1>\n<p>Benchmark build '"$(date +%s)"'.</p>|' src/App/Pages/About.cshtml
rebuild=$(seconds image_target)
second=$(image_id)

app_layer=$(docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}' "$second" | grep 'COPY ' | head -n 1 | cut -d'|' -f2)
total=$(layers "$first" | wc -l)
shared=$(comm -12 <(layers "$first" | sort) <(layers "$second" | sort) | wc -l)

# Last, because a build without cache leaves new intermediate images that later builds would take as their cache.
base=$(sed -n 's/.*"baseImage": "\([^"]*\)".*/\1/p' artifacts/image/image.json)
docker_cold=$(seconds env DOCKER_BUILDKIT=0 docker build --no-cache --quiet --file src/App/Dockerfile --target prebuilt \
  --build-arg BASE_IMAGE="$base" --tag "$repository:no-cache" .build/image/publish)

printf 'image size:                          %s\n' "${size:-unknown (ImageScan failed; see ./build.sh --target ImageScan)}"
printf 'cold Image target:                   %s s (fresh copy: publish from scratch; docker layer cache as found)\n' "$cold"
printf 'docker build alone, --no-cache:      %s s\n' "$docker_cold"
printf 'rebuild after a one-line change:     %s s (incremental publish + docker build)\n' "$rebuild"
printf 'layers reused by the rebuild:        %s of %s (the new one, the app layer: %s; all a push uploads)\n' "$shared" "$total" "$app_layer"
