using System.Globalization;
using System.Text;
using Build.Tests.Tools.Aws;

namespace Build.Tests.Stages.Deploy;

/// <summary>
/// The real build app deploying to the fake ECS on the real clock: a successful deploy, a circuit-breaker rollback and
/// a throttling burst. Each asserts only the outcome; the figures (API calls, seconds from the fake's FAILED to the
/// build's exit) go to the file <c>ECS_DEPLOY_FIGURES</c> names, which <c>build/bench/ecs-deploy.sh</c> prints.
/// </summary>
public sealed class EcsDeployFiguresTests : IDisposable
{
    private readonly EcsDeployScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void A_successful_deploy()
    {
        _scenario.Service.ScriptNext(FakeEcsRollout.Completes(polls: 3));

        _scenario.Record("dev");
        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Report("success (COMPLETED on the 3rd poll)", run.ExitCode, null);
    }

    [Fact]
    public void A_circuit_breaker_rollback()
    {
        _scenario.Service.ScriptNext(FakeEcsRollout.FailsWithRollback() with { After = TimeSpan.FromSeconds(6) });

        _scenario.Record("dev");
        var run = _scenario.Deploy("dev");
        var exitedAt = DateTimeOffset.UtcNow;

        Assert.Equal(1, run.ExitCode);
        var failedAt = _scenario.Service.DeclaredFailedAt ?? throw new InvalidOperationException("The fake never declared the rollout FAILED.\n" + run);
        Report("FAILED + circuit-breaker rollback after 6 s", run.ExitCode, exitedAt - failedAt);
    }

    [Fact]
    public void A_throttling_burst_in_the_rollout()
    {
        _scenario.Service.ScriptNext(FakeEcsRollout.Completes(polls: 3) with { ThrottleAfterPoll = 1, Throttles = 6 });

        _scenario.Record("dev");
        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Report("success through 6 ThrottlingExceptions after poll 1", run.ExitCode, null);
    }

    private void Report(string scenario, int exitCode, TimeSpan? detection)
    {
        if (Environment.GetEnvironmentVariable("ECS_DEPLOY_FIGURES") is not { Length: > 0 } file)
        {
            return;
        }

        var calls = _scenario.Ecs.Requests.GroupBy(request => request.Operation).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => $"{group.Key} {group.Count()}{(group.Any(request => request.Rejection is not null) ? $" ({group.Count(request => request.Rejection is not null)} refused)" : "")}");
        var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{scenario}: exit {exitCode}; {_scenario.Ecs.Requests.Count} ECS calls: {string.Join(", ", calls)}");
        if (detection is { } seconds)
        {
            line.Append(CultureInfo.InvariantCulture, $"; FAILED to exit {seconds.TotalSeconds:0.00} s (poll interval 2-10 s)");
        }

        File.AppendAllText(file, line + Environment.NewLine);
    }
}
