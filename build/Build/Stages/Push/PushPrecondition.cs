using Build.Core;
using Build.Core.Environments;
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
