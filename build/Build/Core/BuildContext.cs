using Build.Core.Ci;
using Build.Core.Environments;
using Build.Core.Reporting;
using Build.Core.Secrets;
using Build.Parameters;
using Build.Stages.Image;
using Build.Stages.Infrastructure;
using Build.Stages.Push;
using Build.Stages.Versioning;
using Cake.Core;
using Cake.Frosting;

namespace Build.Core;

/// <summary>
/// The typed facts of one build. Parameters are parsed and validated when the context is composed (pure, so a
/// bad value exits 2 before anything runs); facts that need I/O (root, environment, version) are filled by
/// <see cref="BuildLifetime"/> in Setup. After Setup every property is non-null, so tasks never re-check them.
/// </summary>
public sealed class BuildContext(ICakeContext context, BuildParameters parameters, SecretRegistry secrets) : FrostingContext(context)
{
    private BuildPaths? _paths;
    private BuildEnvironment? _environment;
    private BuildVersion? _version;
    private ICiProvider? _ci;
    private string? _target;
    private ImageBuildResult? _image;
    private PushedImage? _pushedImage;

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

    /// <summary>Gets the environment this run targets (local or a cloud one), resolved once in Setup.</summary>
    public BuildEnvironment BuildEnvironment => _environment ?? throw NotSetUp();

    public bool IsCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets or sets the saved plan made by Plan in this run; Apply applies only this one.</summary>
    public PlanResult? TerraformPlan { get; set; }

    /// <summary>Gets or sets the infrastructure outputs read after Apply, for the deploy step.</summary>
    public TerraformOutputs? TerraformOutputs { get; set; }

    /// <summary>Gets the target this run was asked for.</summary>
    public string Target => _target ?? throw NotSetUp();

    public bool IsSetUp => _version is not null;

    /// <summary>Gets the image the Image target built in this run (tags, id, size, labels).</summary>
    public ImageBuildResult Image => _image ?? throw new CakeException("No image was built in this run: run the Image target (ImageScan and Push depend on it).");

    public bool HasImage => _image is not null;

    /// <summary>Gets what Push put in the registry (<c>repository@sha256:...</c>), for Deploy and Release.</summary>
    public PushedImage PushedImage => _pushedImage ?? throw new CakeException("No image was pushed in this run: run the Push target.");

    public bool HasPushedImage => _pushedImage is not null;

    /// <summary>Gets or sets the ECR client and repository of a cloud environment's Push, opened in Setup (null: not pushing to ECR in this run).</summary>
    public EcrSession? Ecr { get; set; }

    internal void RecordImage(ImageBuildResult image) => _image = image;

    internal void RecordPush(PushedImage pushed) => _pushedImage = pushed;

    /// <summary>The facts Setup knows before it takes the run lock: enough for the checks that refuse a run early.</summary>
    internal void Initialize(string target, BuildPaths paths, BuildEnvironment environment, ICiProvider ci)
    {
        _target = target;
        _ci = ci;
        _paths = paths;
        _environment = environment;
    }

    /// <summary>The last fact of Setup; from here on the context is set up (<see cref="IsSetUp"/>).</summary>
    internal void RecordVersion(BuildVersion version) => _version = version;

    private static InvalidOperationException NotSetUp() =>
        new("The build context is read before Setup ran; read it from a task, not from a constructor.");
}
