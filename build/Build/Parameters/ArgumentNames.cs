namespace Build.Parameters;

/// <summary>The name of every build parameter, once. Each is read as <c>--name value</c>.</summary>
public static class ArgumentNames
{
    public const string Configuration = "configuration";
    public const string Environment = "environment";
    public const string Version = "version";
    public const string BuildVersion = "build-version";
    public const string Artifacts = "artifacts";
    public const string CoverageThreshold = "coverage-threshold";
    public const string BranchThreshold = "branch-threshold";
    public const string Tests = "tests";
    public const string LockWait = "lock-wait";
    public const string KeepArtifacts = "keep-artifacts";
}
