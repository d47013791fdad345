using System.Text.RegularExpressions;
using Build.Stages.CiFiles;
using Build.Tests.Core.Checkout;
using Build.Tests.Stages.Accessibility;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;

namespace Build.Tests.Stages.CiFiles;

/// <summary>
/// Every ./build.sh call of the checked-in workflow and Jenkinsfile, run by the real build app with --dryrun: an
/// unknown target or parameter, a bad value or a refusal before anything runs (a prod deploy without --approve)
/// fails it. The cloud environments' calls run their preflights, so Push's precondition asks ECR for the environment's
/// repository: it asks the fake ECR (AWS_ENDPOINT_URL_ECR, its test keys), in a committed checkout holding the
/// repository's own terraform/environments files.
/// </summary>
public sealed partial class CiCommandsDryRunTests : IDisposable
{
    private readonly BuildProcess _build = new();
    private readonly FakeEcr _ecr = new();

    public CiCommandsDryRunTests()
    {
        var environments = Path.Combine(Repository.Root, "terraform", "environments");
        Directory.CreateDirectory(_build.Path("terraform", "environments"));
        foreach (var file in Directory.EnumerateFiles(environments))
        {
            File.Copy(file, _build.Path("terraform", "environments", Path.GetFileName(file)));
        }

        CheckoutRepository.Init(_build);
        foreach (var environment in new[] { "dev", "staging", "prod" })
        {
            _ecr.AddRepository($"app-{environment}", immutableTags: true);
        }

        _build.Environment["AWS_ACCESS_KEY_ID"] = FakeEcr.AccessKey;
        _build.Environment["AWS_SECRET_ACCESS_KEY"] = FakeEcr.SecretKey;
        _build.Environment["AWS_ENDPOINT_URL_ECR"] = _ecr.Endpoint.ToString();
        _build.Environment["AWS_REGION"] = "";
        _build.Environment["AWS_DEFAULT_REGION"] = "";
        _build.Environment["AWS_PROFILE"] = "";
        _build.Environment["CI"] = "true";
    }

    public static TheoryData<string> Commands => [.. CommandLines()];

    public void Dispose()
    {
        _ecr.Dispose();
        _build.Dispose();
    }

    [Fact]
    public void The_files_hold_every_command_of_the_model_so_the_theory_below_runs_them_all()
    {
        Assert.Equal(ShippedPipeline.Pipeline.Commands.Select(command => command.Line).Distinct(StringComparer.Ordinal), CommandLines());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Each_command_of_the_CI_files_is_one_the_build_accepts(string command)
    {
        var words = command.Split(' ');
        Assert.Equal(CiCommand.Bootstrapper, words[0]);

        var run = _build.Run([.. words[1..], "--dryrun"]);

        Assert.True(run.ExitCode == 0, $"{command} --dryrun: {run}");
        var steps = StepLine().Matches(run.Output).Select(match => match.Groups["task"].Value).ToList();
        if (words.Contains("--exclusive"))
        {
            // A later command of a job: it runs its target alone on what the job's earlier commands left.
            Assert.Equal([words[2]], steps);
            return;
        }

        Assert.Equal("Prerequisites", steps[0]);
        Assert.Equal(words[2], steps[^1]);
        if (words[2] == "Promote")
        {
            var environment = words[Array.IndexOf(words, "--environment") + 1];
            Assert.Contains($"ECR (dev, read only)".Replace("dev", words[Array.IndexOf(words, "--from") + 1], StringComparison.Ordinal), run.Output, StringComparison.Ordinal);
            Assert.Contains($"ECR: {_ecr.RegistryHost}/app-{environment} in eu-west-1", run.Output, StringComparison.Ordinal);
        }

        if (command.Contains("--environment", StringComparison.Ordinal) && words[2] == "Deploy")
        {
            Assert.Contains("Push", steps);
            Assert.Contains("Apply", steps);
            Assert.Contains($"ECR: {_ecr.RegistryHost}/app-{words[Array.IndexOf(words, "--environment") + 1]} in eu-west-1", run.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--target Deplyo --environment dev", 2, "unknown target 'Deplyo'")]
    [InlineData("--target Deploy --environmnet dev", 2, "did you mean --environment?")]
    [InlineData("--target Deploy --environment prod", 2, "Deploying to prod needs approval")]
    [InlineData("--target Deploy --environment qa", 2, "qa")]
    public void A_command_the_build_would_refuse_fails_the_same_dry_run(string arguments, int exitCode, string message)
    {
        var run = _build.Run([.. arguments.Split(' '), "--dryrun"]);

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Contains(message, run.All, StringComparison.Ordinal);
    }

    // What both files run, each once.
    private static List<string> CommandLines()
    {
        var workflow = CiFileCommands.OfWorkflow(File.ReadAllText(Path.Combine(Repository.Root, GitHubWorkflow.Path)));
        var jenkins = CiFileCommands.OfJenkinsfile(File.ReadAllText(Path.Combine(Repository.Root, Jenkinsfile.Path)));
        return [.. workflow.Concat(jenkins).Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^\d+\. (?<task>\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex StepLine();
}
