using Build.Parameters;
using Build.Stages.Infrastructure;
using Build.Tests.Tools.Aws;

namespace Build.Tests.Stages.Deploy;

/// <summary>
/// <c>Build.dll --target Deploy --exclusive --environment &lt;env&gt;</c> with pre-deploy tasks recorded by Apply
/// (terraform's pre_deploy_tasks output): the migration (and prod's backup) run as one-off tasks of the new revision
/// against the fake ECS, and the service is updated only when every one exited 0.
/// </summary>
public sealed class EcsPreDeployEndToEndTests : IDisposable
{
    private static readonly string[] Subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"];
    private static readonly string[] SecurityGroups = ["sg-0123456789abcdef0"];
    private static readonly PreDeployTask Migration = new("migration", ["migrate"]);
    private static readonly PreDeployTask Backup = new("backup", ["backup"]);
    private static readonly string SecretPrefix = $"arn:aws:secretsmanager:{FakeEcs.Region}:{FakeEcs.AccountId}:secret:app-dev/";

    private readonly EcsDeployScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void A_failing_migration_fails_the_build_with_exit_code_and_reason_and_the_service_is_never_updated()
    {
        _scenario.Ecs.ScriptNextTask(FakeEcsOneOffTask.ExitsWith(1));
        _scenario.Record("dev", preDeploy: PreDeploy(Migration));

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(0, _scenario.Ecs.CountOf("UpdateService"));
        var last = run.ErrorLines[^1];
        Assert.Matches("stopped before the service was updated: the migration task [0-9a-f]{32} \\(app-dev:2, 'migrate'\\) exited 1: Essential container in task exited; logs: https://", last);
        Assert.Contains("app-dev/app-dev still runs app-dev:1", last, StringComparison.Ordinal);
        Assert.Equal(_scenario.Previous, _scenario.Service.TaskDefinition);
        Assert.False(File.Exists(_scenario.Build.Path("artifacts", "deploy", "dev.json")), "a failed deploy left a record");
    }

    [Fact]
    public void A_passing_migration_runs_the_new_revision_in_the_service_network_then_the_deploy_goes_on()
    {
        _scenario.Service.ScriptNext(FakeEcsRollout.Completes(polls: 1));
        _scenario.Record("dev", preDeploy: PreDeploy(Migration));

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var registered = _scenario.Service.TaskDefinition;
        Assert.NotEqual(_scenario.Previous, registered);
        var runTask = Assert.Single(_scenario.Ecs.RunTasks);
        Assert.Equal(registered, runTask["taskDefinition"]!.GetValue<string>());
        Assert.Equal(EcsDeployScenario.Cluster, runTask["cluster"]!.GetValue<string>());
        Assert.Equal("FARGATE", runTask["launchType"]!.GetValue<string>());
        var vpc = runTask["networkConfiguration"]!["awsvpcConfiguration"]!;
        Assert.Equal(Subnets, vpc["subnets"]!.AsArray().Select(subnet => subnet!.GetValue<string>()));
        Assert.Equal(SecurityGroups, vpc["securityGroups"]!.AsArray().Select(group => group!.GetValue<string>()));
        Assert.Equal("""[{"name":"app","command":["migrate"]}]""", runTask["overrides"]!["containerOverrides"]!.ToJsonString());
        var operations = _scenario.Ecs.Requests.Select(request => request.Operation).ToList();
        Assert.True(operations.IndexOf("RunTask") < operations.IndexOf("UpdateService"), string.Join(", ", operations));
        Assert.Matches("migration: task [0-9a-f]{32} started from app-dev:2 \\('migrate'", run.Output);
        Assert.Matches("migration task [0-9a-f]{32}: STOPPED, exit 0 in [0-9]+ s", run.Output);
        Assert.Contains("before UpdateService, one-off tasks from the new revision: migration ('migrate')", run.Output, StringComparison.Ordinal);
        using var record = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_scenario.Build.Path("artifacts", "deploy", "dev.json")));
        var ran = Assert.Single(record.RootElement.GetProperty("preDeployTasks").EnumerateArray().ToList());
        Assert.Equal(("migration", "migrate", 0), (ran.GetProperty("name").GetString(), ran.GetProperty("command").GetString(), ran.GetProperty("exitCode").GetInt32()));
        Assert.StartsWith("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Fecs$252Fapp-dev/log-events/", ran.GetProperty("logs").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_migration_task_that_never_starts_fails_before_UpdateService()
    {
        _scenario.Ecs.ScriptNextTask(FakeEcsOneOffTask.NeverStarts());
        _scenario.Record("dev", preDeploy: PreDeploy(Migration));

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"never started (TaskFailedToStart, no exit code): {FakeEcsOneOffTask.PullFailure}", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(0, _scenario.Ecs.CountOf("UpdateService"));
    }

    [Fact]
    public void Prod_runs_its_backup_before_the_migration_and_both_before_UpdateService()
    {
        _scenario.Service.ScriptNext(FakeEcsRollout.Completes(polls: 1));
        _scenario.Record("prod", preDeploy: PreDeploy(Backup, Migration));

        var run = _scenario.Build.Run(TimeSpan.FromMinutes(3), "--target", "Deploy", "--exclusive", "--environment", "prod", "--deploy-timeout", "60", $"--{ArgumentNames.Approve}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["backup", "migrate"], _scenario.Ecs.RunTasks.Select(runTask => runTask["overrides"]!["containerOverrides"]![0]!["command"]![0]!.GetValue<string>()));
        var requests = _scenario.Ecs.Requests.Select(request => request.Operation).ToList();
        Assert.True(requests.LastIndexOf("RunTask") < requests.IndexOf("UpdateService"), string.Join(", ", requests));
        Assert.True(run.Output.IndexOf("backup task", StringComparison.Ordinal) < run.Output.IndexOf("migration: task", StringComparison.Ordinal), run.Output);
    }

    [Fact]
    public void The_new_revision_carries_the_containers_secrets_unchanged()
    {
        var secrets = new Dictionary<string, string>
        {
            ["ConnectionStrings__Default"] = $"{SecretPrefix}ConnectionStrings__Default-AbCdEf",
        };
        _scenario.Ecs.SetSecrets(_scenario.Previous, "app", secrets);
        _scenario.Service.ScriptNext(FakeEcsRollout.Completes(polls: 1));
        _scenario.Record("dev", preDeploy: PreDeploy(Migration), secrets: new AppSecrets(SecretPrefix, secrets));

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var registration = Assert.Single(_scenario.Ecs.Registrations);
        Assert.Equal(
            _scenario.Ecs.TaskDefinition(_scenario.Previous)!["containerDefinitions"]![0]!["secrets"]!.ToJsonString(),
            registration["containerDefinitions"]![0]!["secrets"]!.ToJsonString());
        Assert.Contains("\"valueFrom\":\"arn:aws:secretsmanager:", registration.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_interrupt_during_the_migration_stops_the_task_exits_130_and_the_service_is_never_updated()
    {
        _scenario.Ecs.ScriptNextTask(FakeEcsOneOffTask.NeverStops());
        _scenario.Record("dev", preDeploy: PreDeploy(Migration));
        using var running = _scenario.StartDeploy("dev");
        running.WaitForOutput(": RUNNING, ", TimeSpan.FromMinutes(2));

        running.Interrupt(wholeGroup: false);
        var run = running.WaitForExit(TimeSpan.FromMinutes(4));

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("Interrupted (SIGINT) during Deploy", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Matches("interrupted before the service was updated: the migration task [0-9a-f]{32} \\('migrate'\\) was stopped \\(StopTask\\)", run.ErrorLines[^1]);
        Assert.Equal(1, _scenario.Ecs.ServedCountOf("StopTask"));
        Assert.Equal(0, _scenario.Ecs.CountOf("UpdateService"));
    }

    [Fact]
    public void A_secret_added_with_Apply_reaches_the_new_revision_and_a_foreign_one_stays()
    {
        const string foreign = $"arn:aws:ssm:{FakeEcs.Region}:{FakeEcs.AccountId}:parameter/shared/feature-flags";
        _scenario.Ecs.SetSecrets(_scenario.Previous, "app", new Dictionary<string, string> { ["FeatureFlags"] = foreign });
        _scenario.Service.ScriptNext(FakeEcsRollout.Completes(polls: 1));
        var added = $"{SecretPrefix}Payments__ApiKey-GhIjKl";
        _scenario.Record("dev", secrets: new AppSecrets(SecretPrefix, new Dictionary<string, string> { ["Payments__ApiKey"] = added }));

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var registration = Assert.Single(_scenario.Ecs.Registrations);
        Assert.Equal(
            $$"""[{"name":"FeatureFlags","valueFrom":"{{foreign}}"},{"name":"Payments__ApiKey","valueFrom":"{{added}}"}]""",
            registration["containerDefinitions"]![0]!["secrets"]!.ToJsonString());
        Assert.Contains("secrets: added Payments__ApiKey", run.Output, StringComparison.Ordinal);
    }

    private static PreDeployTasks PreDeploy(params PreDeployTask[] tasks) => new(tasks, Subnets, SecurityGroups, 600);
}
