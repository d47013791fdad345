namespace Build.Parameters;

/// <summary>
/// The name of every build parameter, once, grouped by the stages that read it; each is given as <c>--name value</c>.
/// Each is described (values, default, meaning) in <see cref="ParameterTable"/>, right here: the parsers read through
/// those descriptions, error messages name them from here, and a name not in <see cref="All"/> is refused with the
/// closest of these suggested. The README's Parameters table lists exactly these (a test checks it, row for row).
/// </summary>
public static class ArgumentNames
{
    // Every run.
    public const string Configuration = "configuration";
    public const string Environment = "environment";
    public const string Version = "version";
    public const string BuildVersion = "build-version";
    public const string Artifacts = "artifacts";
    public const string KeepArtifacts = "keep-artifacts";
    public const string LockWait = "lock-wait";
    public const string NoInstall = "no-install";
    public const string Cache = "cache";
    public const string NoCache = "no-cache";
    public const string Force = "force";

    // Test and Coverage.
    public const string CoverageThreshold = "coverage-threshold";
    public const string BranchThreshold = "branch-threshold";
    public const string Tests = "tests";

    // Accessibility.
    public const string AccessibilityUrl = "a11y-url";
    public const string AccessibilityMaxPages = "a11y-max-pages";
    public const string AccessibilityImpact = "a11y-impact";
    public const string AccessibilityPaths = "a11y-paths";
    public const string BrowserPath = "browser-path";

    // BaseImage, Image, ImageScan and Push.
    public const string ImageRepository = "image-repository";
    public const string ImageBuildMode = "image-build-mode";
    public const string BaseImage = "base-image";
    public const string SdkImage = "sdk-image";
    public const string ImageBuilder = "image-builder";
    public const string ImageSizeBudget = "image-size-budget-mb";
    public const string Registry = "registry";
    public const string EcrRepository = "ecr-repository";

    // The vulnerability gate of ImageScan (trivy) and Push (ECR's scan).
    public const string VulnerabilityThreshold = "vuln-threshold";
    public const string VulnerabilityScan = "vuln-scan";
    public const string VulnerabilityIgnoreFile = "vuln-ignore-file";
    public const string ScanTimeout = "scan-timeout";

    // Plan and Apply.
    public const string TerraformBackend = "terraform-backend";
    public const string LockTimeout = "lock-timeout";
    public const string AllowDestroy = "allow-destroy";
    public const string Approve = "approve";

    // Deploy.
    public const string DeployPort = "deploy-port";
    public const string HealthTimeout = "health-timeout";
    public const string DeployTimeout = "deploy-timeout";

    // Release.
    public const string Bump = "bump";
    public const string ReleaseBranch = "release-branch";
    public const string PushTag = "push-tag";
    public const string ReleasePreview = "release-preview";

    // Promote.
    public const string From = "from";

    /// <summary>Gets every name above, in the README's order (a parameter's aliases after it): what the command line may hold besides the host's switches.</summary>
    public static IReadOnlyList<string> All { get; } = [.. ParameterTable.All.SelectMany(parameter => parameter.Names)];

    /// <summary>Whether <paramref name="name"/> is a build parameter (names are case-insensitive, as Cake's arguments are).</summary>
    public static bool IsKnown(string name) => All.Contains(name, StringComparer.OrdinalIgnoreCase);
}
