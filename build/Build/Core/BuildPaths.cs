using Build.Core.Checkout;
using Cake.Core.IO;

namespace Build.Core;

/// <summary>Every path the build uses, derived once from the repository root.</summary>
public sealed record BuildPaths(DirectoryPath Root, DirectoryPath Artifacts)
{
    public FilePath Solution => Root.CombineWithFilePath("App.sln");

    public DirectoryPath Source => Root.Combine("src");

    public DirectoryPath Tests => Root.Combine("tests");

    public DirectoryPath TestResults => Artifacts.Combine("test-results");

    public FilePath VersionFile => Artifacts.CombineWithFilePath("version.json");

    /// <summary>Gets artifacts/release/: the notes and the record of what Release tagged.</summary>
    public DirectoryPath ReleaseReports => Artifacts.Combine("release");

    /// <summary>Gets artifacts/summary.md: the report for people (build-report.json beside it).</summary>
    public FilePath SummaryFile => Artifacts.CombineWithFilePath("summary.md");

    /// <summary>Gets artifacts/lint: dotnet format's report.</summary>
    public DirectoryPath LintReports => Artifacts.Combine("lint");

    /// <summary>Gets artifacts/lint/secrets.sarif: the secret scan's findings, ignored ones suppressed with their reason.</summary>
    public FilePath SecretScanSarif => LintReports.CombineWithFilePath("secrets.sarif");

    /// <summary>Gets build/secrets/ignore.json: the secret scan's reviewed exceptions, each with a reason and an expiry date.</summary>
    public FilePath SecretIgnoreFile => Root.Combine("build").Combine("secrets").CombineWithFilePath("ignore.json");

    /// <summary>Gets artifacts/coverage: the HTML report, merged Cobertura and Markdown summaries.</summary>
    public DirectoryPath CoverageReports => Artifacts.Combine("coverage");

    /// <summary>Gets artifacts/accessibility: the axe reports (HTML, JSON, SARIF).</summary>
    public DirectoryPath AccessibilityReports => Artifacts.Combine("accessibility");

    /// <summary>Gets artifacts/image: the image stages' reports and records (image.json, pushed-&lt;env&gt;.json).</summary>
    public DirectoryPath ImageReports => Artifacts.Combine("image");

    /// <summary>Gets artifacts/terraform: per environment, the plan, its summary and the outputs.</summary>
    public DirectoryPath TerraformReports => Artifacts.Combine("terraform");

    /// <summary>Gets artifacts/drift/&lt;env&gt;: the Drift target's drift.json (addresses and attribute names, never values).</summary>
    public DirectoryPath DriftReports(string environment) => Artifacts.Combine("drift").Combine(environment);

    /// <summary>Gets artifacts/promote/&lt;env&gt;: ECR's scan of the image promoted into an environment (ecr-scan.json, SARIF).</summary>
    public DirectoryPath PromoteReports(string environment) => Artifacts.Combine("promote").Combine(environment);

    /// <summary>Gets artifacts/deploy/&lt;env&gt;.json: what runs in an environment after Deploy.</summary>
    public FilePath DeployRecord(string environment) => Artifacts.Combine("deploy").CombineWithFilePath($"{environment}.json");

    /// <summary>Gets terraform/: the infrastructure, and in environments/ each cloud environment's settings and backend.</summary>
    public DirectoryPath Terraform => Root.Combine("terraform");

    /// <summary>Gets .build: the build's own caches, scratch and local terraform state (git-ignored, never archived).</summary>
    public DirectoryPath Cache => Root.Combine(".build");

    /// <summary>Gets where the outputs an earlier run left in the artifacts folder are moved at the start of a run.</summary>
    public DirectoryPath PreviousArtifacts => Cache.Combine("previous").Combine(Root.GetRelativePath(Artifacts));

    /// <summary>The checked-in settings of a cloud environment: terraform/environments/&lt;env&gt;.tfvars.</summary>
    public FilePath EnvironmentSettingsFile(string environment) => Terraform.Combine("environments").CombineWithFilePath($"{environment}.tfvars");

    /// <summary>The paths of the repository at <paramref name="root"/>, with <c>--artifacts</c> checked against <see cref="ArtifactsFolder"/>'s rule.</summary>
    public static BuildPaths For(DirectoryPath root, string artifacts) => new(root, ArtifactsFolder.Resolve(root, artifacts));

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds App.sln; a usage error if none.</summary>
    public static DirectoryPath FindRoot(DirectoryPath start)
    {
        for (var directory = start; directory is not null; directory = directory.GetParent())
        {
            if (File.Exists(directory.CombineWithFilePath("App.sln").FullPath))
            {
                return directory;
            }
        }

        throw UsageError.Of($"No App.sln found in '{start.FullPath}' or above: run the build from the repository.");
    }
}
