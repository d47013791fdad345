using Build.Parameters;
using Build.Stages.CiFiles;
using Build.Stages.Deploy;
using Build.Stages.Image;
using Build.Stages.Test;
using Build.Tests.Stages.Accessibility;

namespace Build.Tests.Stages.CiFiles;

/// <summary>The shipped pipeline as decided (README "CI"), and the rules the model refuses to break.</summary>
public sealed class PipelineModelTests
{
    private static readonly CiPipeline Pipeline = ShippedPipeline.Pipeline;

    [Fact]
    public void Every_change_runs_the_chain_up_to_ImageScan_main_deploys_dev_and_a_tag_promotes_dev_s_image_to_staging_then_prod_with_approval()
    {
        Assert.Equal(
            [
                ("build", "", "PullRequest,MainBranch,VersionTag", ""),
                ("deploy-dev", "build", "MainBranch,VersionTag", "dev"),
                ("deploy-staging", "deploy-dev", "VersionTag", "staging"),
                ("deploy-prod", "deploy-staging", "VersionTag", "prod"),
                ("drift-dev", "", "Schedule", "dev"),
                ("drift-staging", "", "Schedule", "staging"),
                ("drift-prod", "", "Schedule", "prod"),
            ],
            Pipeline.Jobs.Select(job => (job.Id, job.Needs ?? "", string.Join(',', job.Triggers), job.Environment ?? "")));
        Assert.Equal(
            [
                "./build.sh --target ImageScan",
                "./build.sh --target Apply --environment dev --artifacts artifacts/deploy-dev",
                "./build.sh --target Deploy --environment dev --artifacts artifacts/deploy-dev --keep-artifacts",
                "./build.sh --target Apply --environment staging --artifacts artifacts/deploy-staging",
                "./build.sh --target Promote --environment staging --artifacts artifacts/deploy-staging --keep-artifacts --from dev",
                "./build.sh --target Deploy --environment staging --artifacts artifacts/deploy-staging --keep-artifacts --exclusive",
                "./build.sh --target Apply --environment prod --artifacts artifacts/deploy-prod --approve",
                "./build.sh --target Promote --environment prod --artifacts artifacts/deploy-prod --approve --keep-artifacts --from staging",
                "./build.sh --target Deploy --environment prod --artifacts artifacts/deploy-prod --approve --keep-artifacts --exclusive",
                "./build.sh --target Drift --environment dev --artifacts artifacts/drift-dev",
                "./build.sh --target Drift --environment staging --artifacts artifacts/drift-staging",
                "./build.sh --target Drift --environment prod --artifacts artifacts/drift-prod",
            ],
            Pipeline.Commands.Select(command => command.Line));
        Assert.Equal([typeof(ImageScanTask)], Pipeline.Job("build").Commands.Select(command => command.Target));
        Assert.Equal(typeof(DeployTask), Pipeline.Job("deploy-prod").Commands[^1].Target);
        Assert.Null(Pipeline.Job("build").CloudAccess);
        Assert.All(Pipeline.Jobs.Where(job => job.Deploys), job => Assert.Equal(new CiCloudAccess("AWS_ROLE_ARN", "AWS_REGION", $"aws-{job.Environment}"), job.CloudAccess));
        Assert.All(Pipeline.Jobs.Where(job => job.ChecksOnly), job => Assert.Equal(new CiCloudAccess("AWS_ROLE_ARN", "AWS_REGION", $"aws-drift-{job.Environment}"), job.CloudAccess));
        Assert.Equal(["drift-dev", "drift-staging", "drift-prod"], Pipeline.Jobs.Where(job => job.ChecksOnly).Select(job => job.CredentialsScope));
        Assert.Equal("17 5 * * *", Pipeline.Schedule);
        Assert.Equal(["deploy-prod"], Pipeline.Jobs.Where(job => job.Approval is not null).Select(job => job.Id));
        Assert.Equal("release-managers", Pipeline.Job("deploy-prod").Approval!.Submitter);
        Assert.Equal("artifacts/test-results/junit.xml", Pipeline.Job("build").JUnitFile);
    }

    [Fact]
    public void The_one_CI_test_command_is_the_READMEs_and_dot_ci_runs()
    {
        Assert.Equal(typeof(TestTask), Pipeline.TestCommand.Target);
        Assert.Equal("./build.sh --target Test", Pipeline.TestCommand.Line);
        Assert.Contains($"{Pipeline.TestCommand.Line}      # the tests", File.ReadAllText(Path.Combine(Repository.Root, "README.md")), StringComparison.Ordinal);
        Assert.Equal(Pipeline.TestCommand.Line, File.ReadAllLines(Path.Combine(Repository.Root, ".ci", "run")).Last(line => line.Length > 0));
    }

    [Fact]
    public void A_command_names_a_task_and_build_parameters_only_as_single_words()
    {
        Assert.Equal("ImageScan", CiCommand.Of<ImageScanTask>().TargetName);
        Assert.Throws<ArgumentException>(() => new CiCommand(typeof(string), []));
        Assert.Throws<ArgumentException>(() => new CiArgument("enviroment", "dev"));
        Assert.Throws<ArgumentException>(() => new CiArgument(ArgumentNames.Environment, "dev staging"));
        Assert.Throws<ArgumentException>(() => new CiArgument(ArgumentNames.Version, "$(git describe)"));
        Assert.Equal(["--target", "Test", "--tests", "unit", "--no-install"], CiCommand.Of<TestTask>(new(ArgumentNames.Tests, "unit"), new(ArgumentNames.NoInstall)).Words);
    }

    public static TheoryData<string, Func<CiJob, CiJob>> BrokenRules => new()
    {
        { "every call after a job's first passes --keep-artifacts", job => job with { Commands = [job.Commands[0], job.Commands[0]] } },
        { "--approve is passed exactly behind the job's approval", job => job with { Approval = null } },
        { "a job has cloud access exactly when it deploys to or checks an environment", job => job with { CloudAccess = null } },
        { "a job runs on the schedule exactly when it only checks", job => job with { Triggers = [CiTrigger.VersionTag, CiTrigger.Schedule], Needs = null } },
        { "a job runs on the schedule exactly when it only checks", job => job with { ChecksOnly = true } },
        { "writes elsewhere than the job's artifacts folder", job => job with { ArtifactsFolder = "artifacts" } },
        { "which it needs, does not", job => job with { Triggers = [CiTrigger.MainBranch] } },
        { "a pull request gets no credentials", job => job with { Triggers = [CiTrigger.PullRequest, CiTrigger.VersionTag], Needs = null } },
        { "which is not an earlier job", job => job with { Needs = "deploy-qa" } },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void A_pipeline_that_breaks_a_rule_is_refused_when_it_is_made(string rule, Func<CiJob, CiJob> breaking)
    {
        var jobs = Pipeline.Jobs.Select(job => job.Id == "deploy-prod" ? breaking(job) : job).ToList();

        var refused = Assert.Throws<InvalidOperationException>(() => new CiPipeline("build", jobs, Pipeline.TestCommand));

        Assert.StartsWith("CI job 'deploy-prod' breaks a rule of the pipeline model: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(rule, refused.Message, StringComparison.Ordinal);
    }
}
