using Build.Core;
using Build.Core.Environments;
using Build.Parameters;
using Build.Stages.Infrastructure;
using Build.Stages.Push;

namespace Build.Stages.Promote;

/// <summary>
/// A promotion goes one step up dev → staging → prod (so what reaches prod ran in staging), into a cloud environment,
/// with approval for prod: each checked before anything runs (exit 2). Then both ECR repositories are opened with the
/// credentials at hand: the source read only, the target scanning on push, as Push requires.
/// </summary>
public sealed class PromotePrecondition : StagePrecondition<PromoteTask>
{
    private EcrSession? _source;
    private EcrSession? _target;

    /// <summary>Gets the repository the image is copied from.</summary>
    public EcrSession Source => _source ?? throw new InvalidOperationException("Promote's precondition opens ECR before Setup.");

    /// <summary>Gets the repository the image is copied into.</summary>
    public EcrSession Target => _target ?? throw new InvalidOperationException("Promote's precondition opens ECR before Setup.");

    public override void Refuse(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = SourceName(context.Parameters);
        if (context.BuildEnvironment.IsProduction && !context.Parameters.Terraform.Approved && !ProductionApproval.CanAsk(context))
        {
            throw UsageError.Of($"Promoting to prod needs approval: pass --{ArgumentNames.Approve} (in CI, behind the environment's approval gate); nobody can answer the question here.");
        }
    }

    public override async Task PrepareAsync(BuildContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = (CloudEnvironment)context.BuildEnvironment;
        var source = new CloudEnvironment(SourceName(context.Parameters), context.Paths, repositoryOverride: null);
        _source = await EcrSession.OpenAsync(context, source, scanOnPushRequired: false, cancellation).ConfigureAwait(false);
        _target = await EcrSession.OpenAsync(context, target, cancellation).ConfigureAwait(false);
    }

    /// <summary>The environment to promote from: <c>--from</c>, which must be the one before <c>--environment</c>.</summary>
    public static string SourceName(BuildParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var target = parameters.Environment;
        var chain = string.Join(" → ", EnvironmentNames.PromotionChain);
        if (EnvironmentNames.PromotedFrom(target) is not { } previous)
        {
            throw UsageError.Of(EnvironmentNames.IsLocal(target)
                ? $"Promote copies an image between cloud environments ({chain}): pass --{ArgumentNames.Environment} staging or prod."
                : $"{target} is where images enter ({chain}): Push puts them there (./build.sh --target Deploy --environment {target}); Promote takes them on to {EnvironmentNames.PromotionChain[1]}.");
        }

        return parameters.PromoteFrom is null || parameters.PromoteFrom == previous
            ? previous
            : throw UsageError.Of($"--{ArgumentNames.From} {parameters.PromoteFrom}: {target} takes images from {previous} only ({chain}), so what reaches {target} ran in {previous} first.");
    }
}
