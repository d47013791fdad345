#!/usr/bin/env bash
# Figures of the ECS deploy against the fake ECS (the real build app, the real clock): API calls of a successful deploy,
# of a circuit-breaker rollback and of a deploy through a throttling burst, and the seconds from the fake declaring the
# rollout FAILED to the build's non-zero exit (goal: at most one poll interval, 2-10 s). Nothing is asserted here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
figures="$(mktemp)"
trap 'rm -f "$figures"' EXIT

dotnet build tests/Build.Tests/Build.Tests.csproj -c Release -v q -nologo >/dev/null
ECS_DEPLOY_FIGURES="$figures" dotnet test tests/Build.Tests/Build.Tests.csproj -c Release --no-build -nologo \
  --filter "FullyQualifiedName~EcsDeployFiguresTests" >/dev/null
sort "$figures"
