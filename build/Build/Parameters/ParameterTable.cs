using Build.Core.Vulnerabilities;

namespace Build.Parameters;

/// <summary>
/// Every build parameter described once, next to its name in <see cref="ArgumentNames"/>: the values it takes, its
/// default and one line of meaning. The parsers read values through these (ranges and choices live only here),
/// <c>--help</c> lists them and a test keeps the README's Parameters table equal to them, row for row.
/// </summary>
public static class ParameterTable
{
    // Every run.
    public static readonly ParameterDescriptor Configuration = ParameterDescriptor.Choice(
        ArgumentNames.Configuration, BuildParameters.Configurations, "Release", "the build configuration, everywhere");

    public static readonly ParameterDescriptor Environment = ParameterDescriptor.Choice(
        ArgumentNames.Environment, EnvironmentNames.All, EnvironmentNames.Local, "where Push pushes, Plan, Apply and Drift run terraform and Deploy deploys") with
    {
        ReadmeNote = " (see [Environments](#environments))",
    };

    public static readonly ParameterDescriptor Version = ParameterDescriptor.Text(
        ArgumentNames.Version, "a SemVer: `1.2.3`, `v1.2.3-rc.1`", "from git", "overrides the computed version") with
    {
        Aliases = [ArgumentNames.BuildVersion],
        ReadmeNote = " (see [Versions](#versions))",
    };

    public static readonly ParameterDescriptor Artifacts = ParameterDescriptor.Text(
        ArgumentNames.Artifacts, "a folder inside the repository", "`artifacts`", "where every output goes, relative to the repository root whatever the current directory") with
    {
        ReadmeNote = ": a folder of its own inside the repository (`out/ci1` works; `out/` is git-ignored), see [Outputs](build/docs/outputs.md) for the rule",
    };

    public static readonly ParameterDescriptor KeepArtifacts = ParameterDescriptor.Switch(
        ArgumentNames.KeepArtifacts, "add to what earlier runs left in the artifacts folder instead of moving it to `.build/previous/`") with
    {
        ReadmeNote = ": for the later steps of one CI job, whose archive holds every step's outputs",
    };

    public static readonly ParameterDescriptor Cache = ParameterDescriptor.Choice(
        ArgumentNames.Cache, CacheModes.All, CacheModes.Auto, "skip Lint, Test, Accessibility and Image when their inputs are unchanged since they last passed here: `auto` skips locally, not on CI") with
    {
        ReadmeNote = "; `on` also on CI, `off` never (see [Faster runs](#faster-runs-parallel-tasks-and-unchanged-stages))",
    };

    public static readonly ParameterDescriptor NoCache = ParameterDescriptor.Switch(
        ArgumentNames.NoCache, "run every task even when its inputs are unchanged (same as `--cache off`)") with
    {
        Aliases = [ArgumentNames.Force],
    };

    public static readonly ParameterDescriptor LockWait = ParameterDescriptor.Number(
        ArgumentNames.LockWait, 0, BuildParameters.MaxLockWaitSeconds, BuildParameters.DefaultLockWaitSeconds, "seconds", "how long to wait for another build of this checkout to end before refusing with exit code 3") with
    {
        ReadmeNote = " (see [One build per checkout](build/docs/outputs.md#one-build-per-checkout))",
    };

    public static readonly ParameterDescriptor NoInstall = ParameterDescriptor.Switch(
        ArgumentNames.NoInstall, "`Prerequisites` only checks: one line per missing tool with the command that installs or starts it, then exit 1") with
    {
        ReadmeNote = " (without it, on Debian/Ubuntu as root or with passwordless sudo, it installs missing packages and starts the Docker engine and the local registry)",
    };

    // Test and Coverage.
    public static readonly ParameterDescriptor CoverageThreshold = ParameterDescriptor.Number(
        ArgumentNames.CoverageThreshold, 0, 100, BuildParameters.DefaultLineCoverageThreshold, "%", "minimum line coverage of the shipped app");

    public static readonly ParameterDescriptor BranchThreshold = ParameterDescriptor.Number(
        ArgumentNames.BranchThreshold, 0, 100, BuildParameters.DefaultBranchCoverageThreshold, "%", "minimum branch coverage of the shipped app");

    public static readonly ParameterDescriptor Tests = ParameterDescriptor.Choice(
        ArgumentNames.Tests, [BuildParameters.AllTests, BuildParameters.UnitTests], BuildParameters.AllTests, "which tests run: `all` (what CI runs) or `unit`, without the tests marked `[Integration]`") with
    {
        ReadmeNote = " (trait `Category=Integration`: they need a Docker engine, a registry, Chromium, shellcheck, terraform or docker-registry); the log and `summary.md` then say `unit only`",
    };

    // Accessibility.
    public static readonly ParameterDescriptor AccessibilityUrl = ParameterDescriptor.Text(
        ArgumentNames.AccessibilityUrl, "an absolute http(s) URL", "none: start `src/App`", "check this running site instead of starting the built service");

    public static readonly ParameterDescriptor AccessibilityMaxPages = ParameterDescriptor.Number(
        ArgumentNames.AccessibilityMaxPages, 1, AccessibilityParameters.MostPages, AccessibilityParameters.DefaultMaxPages, "pages", "most URLs the crawl opens; the start page and listed paths are always opened");

    public static readonly ParameterDescriptor AccessibilityImpact = ParameterDescriptor.Choice(
        ArgumentNames.AccessibilityImpact, ImpactLevels.Names, AccessibilityParameters.DefaultThreshold.Name(), "least impact of an accessibility violation that fails");

    public static readonly ParameterDescriptor AccessibilityPaths = ParameterDescriptor.Text(
        ArgumentNames.AccessibilityPaths, "paths, comma-separated (`/a,/b`)", "none", "more paths to check, on top of `build/accessibility/paths.txt`");

    public static readonly ParameterDescriptor BrowserPath = ParameterDescriptor.Text(
        ArgumentNames.BrowserPath, "an executable", "`A11Y_BROWSER_PATH`, else `/usr/bin/chromium`, else `chromium-browser`/`google-chrome` on PATH", "the Chromium or Chrome that runs the accessibility checks");

    // BaseImage, Image, ImageScan and Push.
    public static readonly ParameterDescriptor ImageRepository = ParameterDescriptor.Text(
        ArgumentNames.ImageRepository, "a repository name (`team/app` allowed)", $"`{ImageParameters.DefaultRepository}`", "repository name of the image");

    public static readonly ParameterDescriptor ImageBuildMode = ParameterDescriptor.Choice(
        ArgumentNames.ImageBuildMode, ImageBuildModes.All, ImageBuildModes.Prebuilt, "`prebuilt`: publish on the host, copy into the runtime stage (works offline); `sdk`: multi-stage build in `--sdk-image`") with
    {
        ReadmeNote = " (needs a pullable SDK image)",
    };

    public static readonly ParameterDescriptor BaseImage = ParameterDescriptor.Text(
        ArgumentNames.BaseImage, "`local` or an image reference", $"`{ImageParameters.LocalBase}` for `local`, else `{ImageParameters.MicrosoftBase}`", "runtime base image: `local` builds and uses the base made of Debian packages");

    public static readonly ParameterDescriptor SdkImage = ParameterDescriptor.Text(
        ArgumentNames.SdkImage, "an image reference", $"`{ImageParameters.MicrosoftSdk}`", "build stage image for `--image-build-mode sdk`");

    public static readonly ParameterDescriptor ImageBuilder = ParameterDescriptor.Choice(
        ArgumentNames.ImageBuilder, ImageBuilders.All, ImageBuilders.Auto, "the docker builder: BuildKit where buildx is installed (`auto`), or the one named (`legacy`: `DOCKER_BUILDKIT=0`)");

    public static readonly ParameterDescriptor ImageSizeBudget = ParameterDescriptor.Number(
        ArgumentNames.ImageSizeBudget, 1, 100_000, ImageParameters.DefaultSizeBudgetMegabytes, "MB", "largest compressed image (what a registry stores and a host pulls) ImageScan passes");

    public static readonly ParameterDescriptor Registry = ParameterDescriptor.Text(
        ArgumentNames.Registry, "`host:port`", $"`{ImageParameters.DefaultRegistry}`", "registry of the `local` environment");

    public static readonly ParameterDescriptor EcrRepository = ParameterDescriptor.Text(
        ArgumentNames.EcrRepository, "a repository name", "`<service_name>-<env>` from `terraform/environments/<env>.tfvars`", "ECR repository a cloud environment pushes to");

    // The vulnerability gate of ImageScan (trivy) and Push (ECR's scan).
    public static readonly ParameterDescriptor VulnerabilityThreshold = ParameterDescriptor.Choice(
        ArgumentNames.VulnerabilityThreshold, VulnerabilitySeverities.Names, VulnerabilityParameters.DefaultThreshold.ToName(), "lowest severity that fails ImageScan (trivy) and Push (ECR's scan)");

    public static readonly ParameterDescriptor VulnerabilityScan = ParameterDescriptor.Choice(
        ArgumentNames.VulnerabilityScan,
        VulnerabilityScanModes.All,
        null,
        "`required`: ImageScan fails when no vulnerability scanner (trivy) is installed; `optional`: it warns, and the summary says NOT RUN",
        $"`{VulnerabilityScanModes.Required}` when `CI=true`, else `{VulnerabilityScanModes.Optional}`");

    public static readonly ParameterDescriptor VulnerabilityIgnoreFile = ParameterDescriptor.Text(
        ArgumentNames.VulnerabilityIgnoreFile, "a JSON file", $"`{VulnerabilityParameters.DefaultIgnoreFile}`", "reviewed exceptions `{id, package?, reason, expires: yyyy-MM-dd}`") with
    {
        ReadmeNote = "; expired entries fail, entries expiring within 14 days warn",
    };

    public static readonly ParameterDescriptor ScanTimeout = ParameterDescriptor.Number(
        ArgumentNames.ScanTimeout, 1, VulnerabilityParameters.MaxScanTimeoutSeconds, VulnerabilityParameters.DefaultScanTimeoutSeconds, "seconds", "how long to wait for the ECR scan (also trivy's `--timeout`)");

    // Plan and Apply.
    public static readonly ParameterDescriptor TerraformBackend = ParameterDescriptor.Choice(
        ArgumentNames.TerraformBackend, ["s3", "local", "emulator"], "s3", "where terraform keeps the state: the environment's S3 backend, this machine (offline: a plan for review), or this machine against an emulator") with
    {
        ReadmeNote = " (`s3`: the environment's `terraform/environments/<env>.s3.tfbackend`, `use_lockfile`; `local`: state in `.build/terraform/state/<env>.tfstate`, a plan `Apply` never applies; `emulator`: state in `.build/terraform/state/<env>-emulator.tfstate`, the provider calls `AWS_ENDPOINT_URL`, which must be set). See [Environments and Terraform](build/docs/terraform.md)",
    };

    public static readonly ParameterDescriptor LockTimeout = ParameterDescriptor.Text(
        ArgumentNames.LockTimeout, "a duration: `30s`, `5m`, `1h`", $"`{TerraformParameters.DefaultLockTimeout}`", "how long terraform waits for a state lock held by someone else");

    public static readonly ParameterDescriptor AllowDestroy = ParameterDescriptor.Switch(
        ArgumentNames.AllowDestroy, "let `Plan` destroy or replace protected resources");

    public static readonly ParameterDescriptor Approve = ParameterDescriptor.Switch(
        ArgumentNames.Approve, "approval to `Apply`, `Promote` and `Deploy` to `prod`") with
    {
        ReadmeNote = " (CI passes it behind its own approval gate)",
    };

    // Deploy.
    public static readonly ParameterDescriptor DeployPort = ParameterDescriptor.Number(
        ArgumentNames.DeployPort, 1024, 65535, DeployParameters.DefaultPort, null, "host port (on 127.0.0.1) of the local environment's container");

    public static readonly ParameterDescriptor HealthTimeout = ParameterDescriptor.Number(
        ArgumentNames.HealthTimeout, 1, 600, DeployParameters.DefaultHealthTimeoutSeconds, "seconds", "how long a newly started container has to answer `/health` with 200");

    public static readonly ParameterDescriptor DeployTimeout = ParameterDescriptor.Number(
        ArgumentNames.DeployTimeout, 10, 7200, DeployParameters.DefaultTimeoutSeconds, "seconds", "how long an ECS rollout may take to reach COMPLETED (SUCCESSFUL for BLUE_GREEN, CANARY, LINEAR: their bake times come on top)") with
    {
        ReadmeNote = " (a rollback after a failed smoke test gets as long again)",
    };

    // Release.
    public static readonly ParameterDescriptor Bump = ParameterDescriptor.Choice(
        ArgumentNames.Bump, ReleaseParameters.Bumps, ReleaseParameters.AutoBump, "which part of the highest `v*` tag's version `Release` raises; `auto` reads the conventional commits since the last tag") with
    {
        ReadmeNote = " (`feat` minor, others patch, `!` or `BREAKING CHANGE:` major, minor before 1.0.0); `--version` names the version instead (see [Releasing](#releasing))",
    };

    public static readonly ParameterDescriptor ReleaseBranch = ParameterDescriptor.Text(
        ArgumentNames.ReleaseBranch, "a branch name", $"`{ReleaseParameters.DefaultBranch}`", "the branch `Release` tags: HEAD must be on it and already pushed to `origin`");

    public static readonly ParameterDescriptor PushTag = ParameterDescriptor.Choice(
        ArgumentNames.PushTag, ["true", "false"], "true", "whether `Release` pushes the tag it creates to `origin` (`false` keeps it local)");

    public static readonly ParameterDescriptor ReleasePreview = ParameterDescriptor.Switch(
        ArgumentNames.ReleasePreview, "`Release` prints the version and the release notes and creates no tag");

    // Promote.
    public static readonly ParameterDescriptor From = ParameterDescriptor.Choice(
        ArgumentNames.From, EnvironmentNames.PromotionSources, null, "the environment `Promote` copies the image from: the one before `--environment` in dev → staging → prod", "the environment before `--environment`");

    /// <summary>Gets every parameter, in the README's order.</summary>
    public static IReadOnlyList<ParameterDescriptor> All { get; } =
    [
        Configuration, Environment, Version, Artifacts, KeepArtifacts, Cache, NoCache, LockWait, NoInstall,
        CoverageThreshold, BranchThreshold, Tests,
        AccessibilityUrl, AccessibilityMaxPages, AccessibilityImpact, AccessibilityPaths, BrowserPath,
        ImageRepository, ImageBuildMode, BaseImage, SdkImage, ImageBuilder, ImageSizeBudget, Registry, EcrRepository,
        VulnerabilityThreshold, VulnerabilityScan, VulnerabilityIgnoreFile, ScanTimeout,
        TerraformBackend, LockTimeout, AllowDestroy, Approve,
        DeployPort, HealthTimeout, DeployTimeout,
        Bump, ReleaseBranch, PushTag, ReleasePreview,
        From,
    ];
}
