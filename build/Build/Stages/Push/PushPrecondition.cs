using Build.Core;
using Build.Core.Environments;
using Build.Parameters;
using Build.Tools.Git;
using Cake.Core;

namespace Build.Stages.Push;

/// <summary>
/// A cloud push needs a committed tree (an image in ECR must be one a commit describes) and the environment's ECR
/// repository, reachable with the credentials at hand and scanning on push: both checked before anything is built.
/// The session opened here is the one Push pushes through.
/// </summary>
public sealed class PushPrecondition : StagePrecondition<PushTask>
{
    private EcrSession? _session;

    /// <summary>Gets the ECR session of this run's cloud push.</summary>
    public EcrSession Session => _session ?? throw new InvalidOperationException("No ECR session was opened: Push's precondition opens it before Setup, for a cloud environment only.");

    /// <summary>A push is gated on the whole test suite and on the scan of the service this run builds: settings that weaken either are refused.</summary>
    public override void Refuse(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Parameters.Tests != BuildParameters.AllTests)
        {
            throw UsageError.Of($"--{ArgumentNames.Tests} {context.Parameters.Tests} runs part of the test suite, and a push is gated on all of it: drop --{ArgumentNames.Tests} (Push runs Lint, Test, Coverage, Accessibility and ImageScan first).");
        }

        if (context.Parameters.Accessibility.Url is { } url)
        {
            throw UsageError.Of($"--{ArgumentNames.AccessibilityUrl} {url} scans another service, and a push is gated on the scan of the service this run builds: drop --{ArgumentNames.AccessibilityUrl}.");
        }
    }

    public override async Task PrepareAsync(BuildContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.BuildEnvironment is not CloudEnvironment cloud)
        {
            return;
        }

        if (new GitRepository(context.Paths.Root.FullPath).IsDirty())
        {
            throw new CakeException($"The working tree has uncommitted changes: an image pushed to '{cloud.Name}' must be one a commit describes; commit or stash them (git status lists them), then push.");
        }

        _session = await EcrSession.OpenAsync(context, cloud, cancellation).ConfigureAwait(false);
    }
}
