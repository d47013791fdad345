using Build.Parameters;
using Build.Stages.Deploy;
using Build.Stages.Image;
using Build.Stages.Infrastructure;
using Build.Stages.Test;

namespace Build.Stages.CiFiles;

/// <summary>
/// The pipeline this repository ships (.github/workflows/build.yml and Jenkinsfile are rendered from it by
/// <c>./build.sh --target CiFiles</c>; Lint fails when a checked-in file differs).
/// <list type="bullet">
/// <item>Every change (pull request, main, v* tag): job <c>build</c> runs the chain up to ImageScan (Lint, Test,
/// Coverage, Accessibility, Image, ImageScan) for the local environment; nothing is pushed, no credentials.</item>
/// <item>main, and v* tags: <c>deploy-dev</c> after it. v* tags only: then <c>deploy-staging</c>, then <c>deploy-prod</c>
/// behind an approval (GitHub environment protection; a Jenkins input) with <c>--approve</c>.</item>
/// </list>
/// Each deploy job runs <c>Apply</c>, then the whole <c>Deploy</c> chain for its environment (not <c>Push --exclusive</c>
/// on the build job's gate records): a fresh runner has no image in its Docker engine, and the image pushed to a cloud
/// environment is not even the build job's (a cloud environment builds on Microsoft's runtime-deps base, the local one
/// on the Debian-package base), so the gates run again on the same commit, in the same run as the push: simple, and
/// the image that is pushed is the very one that was scanned. The build job's artifacts are therefore not downloaded.
/// Apply comes first so that a new environment's ECR repository exists before Push's precondition asks for it; the
/// Deploy chain's Plan then finds nothing to change. Each deploy job writes to a folder of its own
/// (<c>artifacts/deploy-&lt;env&gt;</c>), so Jenkins' one archive per run keeps every job's outputs apart.
/// Until <c>Release</c> (promotion of one digest) exists, staging and prod are deployed from the tag like dev: each
/// job rebuilds, so each environment runs an image of the same commit, not the same digest. Known consequence: Push
/// never moves a tag, and the <c>&lt;sha12&gt;</c> tag names the commit, so a rebuild of a commit whose image an
/// environment's repository already holds under that tag (a v* tag on a commit main already deployed to dev, an rc
/// and a release tag on one commit, a re-run after a successful push) is refused there; promotion by digest
/// (<c>Release</c>) is what removes it.
/// </summary>
public static class ShippedPipeline
{
    public const string GitHubRoleVariable = "AWS_ROLE_ARN";
    public const string GitHubRegionVariable = "AWS_REGION";
    public const string ReleaseApprovers = "release-managers";

    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan DeployTimeout = TimeSpan.FromMinutes(90);
    public static readonly TimeSpan ApprovalTimeout = TimeSpan.FromHours(8);

    public static CiPipeline Pipeline { get; } = new(
        "build",
        [
            new CiJob("build", "Build", [CiTrigger.PullRequest, CiTrigger.MainBranch, CiTrigger.VersionTag], [CiCommand.Of<ImageScanTask>()], BuildTimeout),
            DeployJob(EnvironmentNames.Dev, needs: "build", [CiTrigger.MainBranch, CiTrigger.VersionTag]),
            DeployJob(EnvironmentNames.Staging, needs: "deploy-dev", [CiTrigger.VersionTag]),
            DeployJob(EnvironmentNames.Prod, needs: "deploy-staging", [CiTrigger.VersionTag], new CiApproval(ReleaseApprovers, ApprovalTimeout)),
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

        return new CiJob(
            $"deploy-{environment}",
            $"Deploy {environment}",
            triggers,
            [CiCommand.Of<ApplyTask>([.. common]), CiCommand.Of<DeployTask>([.. common, new(ArgumentNames.KeepArtifacts)])],
            DeployTimeout)
        {
            Needs = needs,
            Environment = environment,
            CloudAccess = new CiCloudAccess(GitHubRoleVariable, GitHubRegionVariable, $"aws-{environment}"),
            Approval = approval,
            ArtifactsFolder = folder,
        };
    }
}
