namespace Build.Stages.CiFiles;

/// <summary>A GitHub action pinned to a full commit SHA; the version it was released as goes in a comment.</summary>
public sealed record GitHubAction(string Repository, string Sha, string Version)
{
    /// <summary>Gets the <c>uses:</c> value and its comment.</summary>
    public string Uses => $"{Repository}@{Sha} # {Version}";
}

/// <summary>
/// The actions the workflow uses, each pinned to the commit its major tag named (a tag can be moved; a commit cannot).
/// Verified against GitHub runner logs ("Download action repository '…@v4' (SHA:…)") and pins with these version
/// comments in public repositories. To update: the commit of the new release's tag, and its version.
/// </summary>
public static class GitHubActionPins
{
    public static readonly GitHubAction Checkout = new("actions/checkout", "34e114876b0b11c390a56381ad16ebd13914f8d5", "v4.3.1");
    public static readonly GitHubAction SetupDotNet = new("actions/setup-dotnet", "67a3573c9a986a3f9c594539f4ab511d57bb3ce9", "v4.3.1");
    public static readonly GitHubAction Cache = new("actions/cache", "0057852bfaa89a56745cba8c7296529d2fc39830", "v4.3.0");
    public static readonly GitHubAction UploadArtifact = new("actions/upload-artifact", "ea165f8d65b6e75b540449e92b4886f43607fa02", "v4.6.2");
    public static readonly GitHubAction ConfigureAwsCredentials = new("aws-actions/configure-aws-credentials", "7474bc4690e29a8392af63c5b98e7449536d5c3a", "v4.3.1");
    public static readonly GitHubAction SetupTerraform = new("hashicorp/setup-terraform", "b9cd54a3c349d3f38e8881555d616ced269862dd", "v3.1.2");

    /// <summary>Trivy for ImageScan (CI runs --vuln-scan required): the commit two public repositories pin as v0.2.6.</summary>
    public static readonly GitHubAction SetupTrivy = new("aquasecurity/setup-trivy", "3fb12ec12f41e471780db15c232d5dd185dcb514", "v0.2.6");

    public static IReadOnlyList<GitHubAction> All { get; } = [Checkout, SetupDotNet, Cache, SetupTerraform, SetupTrivy, UploadArtifact, ConfigureAwsCredentials];
}
