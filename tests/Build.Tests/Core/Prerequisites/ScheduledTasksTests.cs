using Build.Core.Prerequisites;
using Build.Core.Secrets;
using Build.Stages.Compile;
using Build.Stages.Prerequisites;
using Build.Stages.Versioning;
using Build.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Build.Tests.Core.Prerequisites;

/// <summary>The real build host, in-process: the preflight records the run's tasks, and Prerequisites comes first in every chain.</summary>
[Collection(InProcessBuildGroup.Name)]
public sealed class ScheduledTasksTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("build-scheduled-").FullName;
    private readonly ScheduledTasks _scheduled = new();

    public ScheduledTasksTests() => File.WriteAllText(Path.Combine(_root, "App.sln"), "");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_preflight_records_the_runs_tasks_in_execution_order()
    {
        var run = DryRun("--target", "Compile");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal([typeof(PrerequisitesTask), typeof(RestoreTask), typeof(VersionTask), typeof(CompileTask)], _scheduled.Tasks);
    }

    [Fact]
    public void With_exclusive_only_the_target_is_scheduled_so_Prerequisites_does_not_run()
    {
        var run = DryRun("--target", "Compile", "--exclusive");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal([typeof(CompileTask)], _scheduled.Tasks);
    }

    [Theory]
    [InlineData("Restore")]
    [InlineData("Version")]
    [InlineData("Lint")]
    [InlineData("TerraformValidate")]
    [InlineData("Test")]
    [InlineData("Coverage")]
    [InlineData("Accessibility")]
    [InlineData("BaseImage")]
    [InlineData("Image")]
    [InlineData("ImageScan")]
    [InlineData("Push")]
    [InlineData("Plan")]
    [InlineData("Apply")]
    [InlineData("Deploy")]
    [InlineData("Default")]
    public void Every_chain_that_needs_a_tool_starts_with_Prerequisites(string target)
    {
        // Plan and Apply end the dry run with exit 1 for local (skipped: no cloud infrastructure); their plan still starts so.
        var run = DryRun("--target", target);

        Assert.True(_scheduled.Tasks.Count > 0, run.All);
        Assert.Equal(typeof(PrerequisitesTask), _scheduled.Tasks[0]);
        Assert.Single(_scheduled.Tasks, task => task == typeof(PrerequisitesTask));
        Assert.Matches(@"1\. Prerequisites\s", run.Output);
    }

    private HostRun DryRun(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var directory = Directory.GetCurrentDirectory();
        try
        {
            var exitCode = BuildHost.Create(new SecretRegistry())
                .UseWorkingDirectory(_root)
                .UseOutput(output, error)
                .ConfigureServices(services => services.AddSingleton(_scheduled))
                .Run([.. args, "--dryrun"]);
            return new HostRun(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(directory);
        }
    }
}
