using Build.Core;
using Build.Core.Secrets;
using Build.Stages.Compile;
using Build.Stages.Test;
using Build.Stages.Versioning;
using Build.Tests.Support;
using Cake.Core;
using Cake.Frosting;
using Microsoft.Extensions.DependencyInjection;

namespace Build.Tests.Core;

/// <summary>The real build host, in-process in a temporary checkout, with recording preconditions added to the stages' own.</summary>
[Collection(InProcessBuildGroup.Name)]
public sealed class StagePreconditionsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("build-preconditions-").FullName;
    private readonly List<string> _events = [];

    public StagePreconditionsTests() => File.WriteAllText(Path.Combine(_root, "App.sln"), "");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_preconditions_of_the_scheduled_tasks_run_in_execution_order_every_refusal_before_any_preparation()
    {
        // Registered out of order, with one for a task Compile does not need.
        var run = Run([Recording<CompileTask>(), Recording<TestTask>(), Recording<VersionTask>(), Recording<RestoreTask>()], "--target", "Compile", "--dryrun");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(
            ["refuse Restore", "refuse Version", "refuse Compile", "prepare Restore", "prepare Version", "prepare Compile"],
            _events);
        Assert.Matches(@"1\. Prerequisites\s+2\. Restore\s+3\. Version\s+4\. Compile", run.Output);
    }

    [Fact]
    public void With_exclusive_only_the_targets_preconditions_run()
    {
        var run = Run([Recording<RestoreTask>(), Recording<VersionTask>(), Recording<CompileTask>()], "--target", "Compile", "--exclusive", "--dryrun");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["refuse Compile", "prepare Compile"], _events);
    }

    [Fact]
    public void Preconditions_run_before_Setup_and_before_the_first_task()
    {
        var versionFile = Path.Combine(_root, "artifacts", "version.json");
        var seen = new List<string>();
        var looking = new RecordingPrecondition<VersionTask>(_events, prepare: context => seen.Add($"set up: {context.IsSetUp}, version.json: {File.Exists(versionFile)}"));

        var run = Run([looking], "--target", "Version");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["set up: False, version.json: False"], seen);
        Assert.True(File.Exists(versionFile), "the Version task did not run after its precondition");
    }

    [Fact]
    public void A_failing_precondition_stops_the_run_with_its_line_and_exit_code_before_anything_runs()
    {
        var failing = new RecordingPrecondition<VersionTask>(_events, "first", prepare: _ => throw new CakeException(4, "the package feed does not answer: check --feed"));

        var run = Run([failing, new RecordingPrecondition<VersionTask>(_events, "second")], "--target", "Version");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("Error: the package feed does not answer: check --feed", run.ErrorLines[^1]);
        Assert.Equal(["refuse first", "refuse second", "prepare first"], _events);
        Assert.DoesNotContain("for environment 'local'", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "artifacts")), "Setup or a task ran after a failed precondition");
    }

    [Fact]
    public void A_refusal_comes_before_any_preparation_of_an_earlier_task()
    {
        var refusing = new RecordingPrecondition<CompileTask>(_events, refuse: _ => throw UsageError.Of("--configuration Debug cannot be compiled here"));

        var run = Run([Recording<RestoreTask>(), refusing], "--target", "Compile");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Error: --configuration Debug cannot be compiled here", run.ErrorLines[^1]);
        Assert.Equal(["refuse Restore", "refuse Compile"], _events);
    }

    private RecordingPrecondition<TTask> Recording<TTask>()
        where TTask : IFrostingTask => new(_events);

    private HostRun Run(IReadOnlyList<IStagePrecondition> extra, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var directory = Directory.GetCurrentDirectory();
        try
        {
            var exitCode = BuildHost.Create(new SecretRegistry())
                .UseWorkingDirectory(_root)
                .UseOutput(output, error)
                .ConfigureServices(services =>
                {
                    foreach (var precondition in extra)
                    {
                        services.AddSingleton(precondition);
                    }
                })
                .Run(args);
            return new HostRun(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(directory);
        }
    }

    private sealed class RecordingPrecondition<TTask>(List<string> events, string? label = null, Action<BuildContext>? refuse = null, Action<BuildContext>? prepare = null) : StagePrecondition<TTask>
        where TTask : IFrostingTask
    {
        private string Name => label ?? typeof(TTask).Name[..^"Task".Length];

        public override void Refuse(BuildContext context)
        {
            events.Add($"refuse {Name}");
            refuse?.Invoke(context);
        }

        public override async Task PrepareAsync(BuildContext context, CancellationToken cancellation)
        {
            await Task.Yield();
            events.Add($"prepare {Name}");
            prepare?.Invoke(context);
        }
    }
}
