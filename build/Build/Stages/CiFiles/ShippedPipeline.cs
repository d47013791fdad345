using Build.Parameters;
using Build.Stages.Deploy;
using Build.Stages.Drift;
using Build.Stages.Image;
using Build.Stages.Infrastructure;
using Build.Stages.Promote;
using Build.Stages.Test;

namespace Build.Stages.CiFiles;

/// <summary>
/// The pipeline this repository ships (.github/workflows/build.yml and Jenkinsfile are rendered from it by
/// <c>./build.sh --target CiFiles</c>; Lint fails when a checked-in file differs).
/// <list type="bullet">
/// <item>Every change (pull request, main, v* tag): job <c>build</c> runs the chain up to ImageScan (Lint, Test,
/// Coverage, Accessibility, Image, ImageScan) for the local environment; nothing is pushed, no credentials.</item>
/// <item>main, and v* tags: <c>deploy-dev</c> after it runs <c>Apply</c>, then the whole <c>Deploy</c> chain for dev:
/// the gates run again on its own runner and the image it pushes is the one it scanned (a fresh runner has no image,
/// and a cloud environment's image has another base than the build job's, so the build job's artifacts are not
/// downloaded). Apply comes first so that a new environment's ECR repository exists before Push's precondition asks.</item>
/// <item>v* tags only: <c>deploy-staging</c>, then <c>deploy-prod</c> behind an approval (GitHub environment protection;
/// a Jenkins input) with <c>--approve</c>. These never build: each runs <c>Apply</c>, <c>Promote</c> (the image dev
/// got, or staging got, copied by digest) and <c>Deploy --exclusive</c>, which deploys the promoted record. What reaches
/// prod is byte for byte what ran in dev and staging.</item>
/// <item>The daily schedule (on main): <c>drift-&lt;env&gt;</c> for each cloud environment runs <c>Drift</c>, which fails when
/// the infrastructure changed outside terraform. Its credentials are its own (GitHub environment <c>drift-&lt;env&gt;</c>,
/// Jenkins credentials <c>aws-drift-&lt;env&gt;</c>): a read-only role, no approval to wait for.</item>
/// </list>
/// Each deploy job writes to a folder of its own (<c>artifacts/deploy-&lt;env&gt;</c>), so Jenkins' one archive per
/// run keeps every job's outputs apart. A v* tag on a commit main already deployed to dev rebuilds it with the release
/// version: Push keeps dev's <c>&lt;sha12&gt;</c> tag on main's image (tags never move) and tags the release image
/// with its version, which is what Promote then looks up.
/// </summary>
public static class ShippedPipeline
{
    public const string GitHubRoleVariable = "AWS_ROLE_ARN";
    public const string GitHubRegionVariable = "AWS_REGION";
    public const string ReleaseApprovers = "release-managers";

    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan DeployTimeout = TimeSpan.FromMinutes(90);
    public static readonly TimeSpan ApprovalTimeout = TimeSpan.FromHours(8);
    public static readonly TimeSpan DriftTimeout = TimeSpan.FromMinutes(30);

    public static CiPipeline Pipeline { get; } = new(
        "build",
        [
            new CiJob("build", "Build", [CiTrigger.PullRequest, CiTrigger.MainBranch, CiTrigger.VersionTag], [CiCommand.Of<ImageScanTask>()], BuildTimeout),
            DeployJob(EnvironmentNames.Dev, needs: "build", [CiTrigger.MainBranch, CiTrigger.VersionTag]),
            DeployJob(EnvironmentNames.Staging, needs: "deploy-dev", [CiTrigger.VersionTag]),
            DeployJob(EnvironmentNames.Prod, needs: "deploy-staging", [CiTrigger.VersionTag], new CiApproval(ReleaseApprovers, ApprovalTimeout)),
            DriftJob(EnvironmentNames.Dev),
            DriftJob(EnvironmentNames.Staging),
            DriftJob(EnvironmentNames.Prod),
        ],
        CiCommand.Of<TestTask>());

    private static CiJob DeployJob(string environment, string needs, IReadOnlyList<CiTrigger> triggers, CiApproval? approval = null)
    {
        var folder = $"{CiJob.DefaultArtifactsFolder}/deploy-{environment}";
        List<CiArgument> common = [new(ArgumentNames.Environment, environment), new(ArgumentNames.Artifacts, folder)];
        if (approval is not null)
        {
            common.Add(new(ArgumentNames.Approve));
        }

        List<CiArgument> keeping = [.. common, new(ArgumentNames.KeepArtifacts)];
        IReadOnlyList<CiCommand> commands = EnvironmentNames.PromotedFrom(environment) is { } source
            ? [CiCommand.Of<ApplyTask>([.. common]), CiCommand.Of<PromoteTask>([.. keeping, new(ArgumentNames.From, source)]), CiCommand.Of<DeployTask>([.. keeping]) with { Exclusive = true }]
            : [CiCommand.Of<ApplyTask>([.. common]), CiCommand.Of<DeployTask>([.. keeping])];
        return new CiJob($"deploy-{environment}", $"Deploy {environment}", triggers, commands, DeployTimeout)
        {
            Needs = needs,
            Environment = environment,
            CloudAccess = new CiCloudAccess(GitHubRoleVariable, GitHubRegionVariable, $"aws-{environment}"),
            Approval = approval,
            ArtifactsFolder = folder,
        };
    }

    private static CiJob DriftJob(string environment)
    {
        var folder = $"{CiJob.DefaultArtifactsFolder}/drift-{environment}";
        return new CiJob($"drift-{environment}", $"Drift {environment}", [CiTrigger.Schedule], [CiCommand.Of<DriftTask>(new(ArgumentNames.Environment, environment), new(ArgumentNames.Artifacts, folder))], DriftTimeout)
        {
            Environment = environment,
            ChecksOnly = true,
            CloudAccess = new CiCloudAccess(GitHubRoleVariable, GitHubRegionVariable, $"aws-drift-{environment}"),
            ArtifactsFolder = folder,
        };
    }
}
