using Build.Core;
using Build.Core.Secrets;
using Cake.Core;

namespace Build.Parameters;

/// <summary>
/// The build's parameters, read from the command line and validated before any task runs.
/// A bad value is a usage error (exit code 2) that names the parameter and the accepted values.
/// </summary>
public sealed record BuildParameters(
    string Configuration,
    string Environment,
    string? VersionOverride,
    string ArtifactsDirectory,
    int LineCoverageThreshold,
    int BranchCoverageThreshold,
    TerraformParameters Terraform)
{
    /// <summary>Checked-in coverage gate of the shipped app; overridable per run.</summary>
    public const int DefaultLineCoverageThreshold = 80;
    public const int DefaultBranchCoverageThreshold = 60;

    /// <summary>How long a run waits by default for another run of the same checkout: long enough for one to finish writing its report.</summary>
    public const int DefaultLockWaitSeconds = 5;
    public const int MaxLockWaitSeconds = 86_400;

    /// <summary>What <c>--tests all</c> runs: every test (the default, and what CI runs).</summary>
    public const string AllTests = "all";

    /// <summary>What <c>--tests unit</c> runs: the tests that need nothing but the .NET SDK and git.</summary>
    public const string UnitTests = "unit";

    /// <summary>Gets which tests the Test target runs: <see cref="AllTests"/> or <see cref="UnitTests"/>.</summary>
    public string Tests { get; init; } = AllTests;

    /// <summary>Gets how long to wait for another run of this checkout to end before refusing (exit 3).</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(DefaultLockWaitSeconds);

    /// <summary>Gets whether this run adds to what earlier runs left in the artifacts folder (the later steps of one CI job) instead of moving it aside.</summary>
    public bool KeepArtifacts { get; init; }

    /// <summary>Gets whether unchanged stages are skipped: <see cref="CacheModes.On"/> or <see cref="CacheModes.Off"/> (auto is resolved by where the build runs).</summary>
    public string Cache { get; init; } = CacheModes.On;

    /// <summary>Gets whether the Prerequisites task only checks (one line per missing tool with its install command) instead of installing and starting what is missing.</summary>
    public bool NoInstall { get; init; }

    /// <summary>Gets the settings of the Accessibility target.</summary>
    public AccessibilityParameters Accessibility { get; init; } = AccessibilityParameters.Default;

    /// <summary>Gets the settings of the image stages (BaseImage, Image, ImageScan, Push).</summary>
    public ImageParameters Image { get; init; } = ImageParameters.Default;

    /// <summary>Gets the settings of Deploy.</summary>
    public DeployParameters Deploy { get; init; } = DeployParameters.Default;

    /// <summary>Gets the settings of the vulnerability gate (ImageScan).</summary>
    public VulnerabilityParameters Vulnerabilities { get; init; } = VulnerabilityParameters.Default;

    /// <summary>Gets <c>--from</c>: the environment Promote copies from (null: the one before <see cref="Environment"/>).</summary>
    public string? PromoteFrom { get; init; }

    /// <summary>Gets the settings of Release.</summary>
    public ReleaseParameters Release { get; init; } = ReleaseParameters.Default;

    /// <summary>The values of <c>--configuration</c>.</summary>
    public static readonly IReadOnlyList<string> Configurations = ["Release", "Debug"];

    /// <param name="arguments">The command line's arguments.</param>
    /// <param name="secrets">Where secret-looking argument values are registered for redaction.</param>
    /// <param name="environment">Reads an environment variable (defaults that depend on the machine: <c>CI</c>); the process's when null.</param>
    public static BuildParameters Parse(ICakeArguments arguments, SecretRegistry secrets, Func<string, string?>? environment = null)
    {
        SecretEnvironment.RegisterArguments(arguments, secrets);
        environment ??= System.Environment.GetEnvironmentVariable;
        var reader = new ArgumentReader(arguments);
        var environmentName = reader.Choice(ParameterTable.Environment);
        var parameters = new BuildParameters(
            reader.Choice(ParameterTable.Configuration),
            environmentName,
            reader.Text(ParameterTable.Version),
            reader.Text(ParameterTable.Artifacts) ?? "artifacts",
            reader.Number(ParameterTable.CoverageThreshold),
            reader.Number(ParameterTable.BranchThreshold),
            TerraformParameters.Parse(reader))
        {
            Tests = reader.Choice(ParameterTable.Tests),
            KeepArtifacts = reader.Switch(ParameterTable.KeepArtifacts),
            NoInstall = reader.Switch(ParameterTable.NoInstall),
            Cache = CacheModes.Resolve(reader.Choice(ParameterTable.Cache), reader.Switch(ParameterTable.NoCache), CiVariable.IsSet(environment(CiVariable.Name))),
            LockWait = TimeSpan.FromSeconds(reader.Number(ParameterTable.LockWait)),
            Accessibility = AccessibilityParameters.Parse(reader),
            Image = ImageParameters.Parse(reader, EnvironmentNames.IsLocal(environmentName)),
            Vulnerabilities = VulnerabilityParameters.Parse(reader, CiVariable.IsSet(environment(CiVariable.Name))),
            Deploy = DeployParameters.Parse(reader),
            Release = ReleaseParameters.Parse(reader),
            PromoteFrom = reader.ChoiceOrNull(ParameterTable.From),
        };
        reader.RejectUnknown();
        return parameters;
    }
}
