using Build.Core.Ci;
using Build.Core.Reporting;
using Build.Core.Secrets;
using Build.Parameters;
using Build.Stages.Versioning;
using Cake.Core;
using Cake.Frosting;

namespace Build.Core;

/// <summary>
/// The typed facts of one build. Parameters are parsed and validated when the context is composed (pure, so a
/// bad value exits 2 before anything runs); facts that need I/O (root, version) are filled by
/// <see cref="BuildLifetime"/> in Setup. After Setup every property is non-null, so tasks never re-check them.
/// </summary>
public sealed class BuildContext(ICakeContext context, BuildParameters parameters, SecretRegistry secrets) : FrostingContext(context)
{
    private BuildPaths? _paths;
    private BuildVersion? _version;
    private ICiProvider? _ci;
    private string? _target;

    public SecretRegistry Secrets { get; } = secrets;

    /// <summary>Gets what the build did so far; written to artifacts/ at the end of the run.</summary>
    public BuildReport Report { get; } = new();

    /// <summary>Gets the CI adapter: presentation only (groups, annotations, summary, masking).</summary>
    public ICiProvider Ci => _ci ?? throw NotSetUp();

    /// <summary>Gets the validated parameters (parsed when the context is composed, before any task).</summary>
    public BuildParameters Parameters { get; } = parameters;

    public BuildPaths Paths => _paths ?? throw NotSetUp();

    public BuildVersion BuildVersion => _version ?? throw NotSetUp();

    public string BuildConfiguration => Parameters.Configuration;

    public string EnvironmentName => Parameters.Environment;

    public bool IsLocalEnvironment => EnvironmentName == BuildEnvironments.Local;

    public bool IsProduction => EnvironmentName == BuildEnvironments.Prod;

    public bool IsCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the target this run was asked for.</summary>
    public string Target => _target ?? throw NotSetUp();

    public bool IsSetUp => _version is not null;

    /// <summary>Gets what the stages of this run published for later stages (the image, the push, the plan).</summary>
    public StageResults Results { get; } = new();

    internal void Initialize(string target, BuildPaths paths, BuildVersion version, ICiProvider ci)
    {
        _target = target;
        _ci = ci;
        _paths = paths;
        _version = version;
    }

    private static InvalidOperationException NotSetUp() =>
        new("The build context is read before Setup ran; read it from a task, not from a constructor.");
}
