using Build.Core.Ci;
using Build.Core.Environments;
using Build.Core.Reporting;
using Build.Core.Secrets;
using Build.Core.Versioning;
using Build.Parameters;
using Cake.Core;
using Cake.Frosting;

namespace Build.Core;

/// <summary>
/// The typed facts of one build. Parameters are parsed and validated when the context is composed (pure, so a
/// bad value exits 2 before anything runs); facts that need I/O (root, environment, version) are filled by
/// <see cref="BuildLifetime"/> in Setup. After Setup every property is non-null, so tasks never re-check them.
/// </summary>
public sealed class BuildContext : FrostingContext
{
    private BuildVersion? _version;
    private ICiProvider? _ci;
    private string? _target;

    /// <summary>
    /// Composes the context: the repository root, every path (--artifacts checked against its rule) and the environment
    /// are facts of the command line and the checkout, known before any lifetime or precondition runs; a bad one is a
    /// usage error (exit 2) before the engine prints anything.
    /// </summary>
    public BuildContext(ICakeContext context, BuildParameters parameters, SecretRegistry secrets)
        : base(context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        Secrets = secrets;
        Paths = BuildPaths.For(BuildPaths.FindRoot(context.Environment.WorkingDirectory), parameters.ArtifactsDirectory);
        BuildEnvironment = BuildEnvironment.Resolve(parameters, Paths);
    }

    public SecretRegistry Secrets { get; }

    /// <summary>Gets what the build did so far; written to artifacts/ at the end of the run.</summary>
    public BuildReport Report { get; } = new();

    /// <summary>Gets the CI adapter: presentation only (groups, annotations, summary, masking).</summary>
    public ICiProvider Ci => _ci ?? throw NotSetUp();

    /// <summary>Gets the validated parameters (parsed when the context is composed, before any task).</summary>
    public BuildParameters Parameters { get; }

    public BuildPaths Paths { get; }

    public BuildVersion BuildVersion => _version ?? throw NotSetUp();

    public string BuildConfiguration => Parameters.Configuration;

    /// <summary>Gets the environment this run targets (local or a cloud one), resolved once in Setup.</summary>
    public BuildEnvironment BuildEnvironment { get; }

    public bool IsCi => CiVariable.IsSet(Environment.GetEnvironmentVariable(CiVariable.Name));

    /// <summary>Gets the target this run was asked for.</summary>
    public string Target => _target ?? throw NotSetUp();

    public bool IsSetUp => _version is not null;

    /// <summary>Gets what the stages of this run published for later stages (the image, the push, the plan).</summary>
    public StageResults Results { get; } = new();

    /// <summary>The facts Setup knows before it takes the run lock: enough for the checks that refuse a run early.</summary>
    internal void Initialize(string target, ICiProvider ci)
    {
        _target = target;
        _ci = ci;
    }

    /// <summary>The last fact of Setup; from here on the context is set up (<see cref="IsSetUp"/>).</summary>
    internal void RecordVersion(BuildVersion version) => _version = version;

    private static InvalidOperationException NotSetUp() =>
        new("The build context is read before Setup ran; read it from a task, not from a constructor.");
}
