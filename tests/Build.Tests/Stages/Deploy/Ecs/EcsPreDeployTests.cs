using Build.Core.Secrets;
using Build.Stages.Deploy.Ecs;
using Build.Stages.Infrastructure;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;
using Build.Tools.Aws.Ecs;

namespace Build.Tests.Stages.Deploy.Ecs;

/// <summary>The pre-deploy tasks (migration, prod's backup) against the fake ECS on a stepping clock: RunTask of the new revision, DescribeTasks to STOPPED, and no UpdateService unless every task exited 0.</summary>
public sealed class EcsPreDeployTests : IDisposable
{
    private const string Cluster = "app-dev";
    private const string ServiceName = "app-dev";
    private const string NewArn = $"arn:aws:ecs:{FakeEcs.Region}:{FakeEcs.AccountId}:task-definition/app-dev:2";
    private static readonly string Image = $"{FakeEcs.AccountId}.dkr.ecr.{FakeEcs.Region}.amazonaws.com/app-dev@sha256:{new string('f', 64)}";
    private static readonly PreDeployTask Migration = new("migration", ["migrate"]);
    private static readonly PreDeployTask Backup = new("backup", ["backup", "--label", "before-deploy"]);

    private readonly SteppingClock _clock = new();
    private readonly FakeEcs _ecs;
    private readonly FakeEcsService _service;
    private readonly string _previous;
    private readonly List<EcsProgress> _progress = [];

    public EcsPreDeployTests()
    {
        _ecs = new FakeEcs(_clock);
        _previous = _ecs.AddTaskDefinition("app-dev", "app", "otel-collector");
        _service = _ecs.AddService(Cluster, ServiceName, _previous);
    }

    public void Dispose() => _ecs.Dispose();

    [Fact]
    public async Task A_migration_that_exits_0_runs_from_the_new_revision_in_the_service_network_before_UpdateService()
    {
        var deployment = await Deployer().DeployAsync(Request(Migration), CancellationToken.None);

        var run = Assert.Single(_ecs.RunTasks);
        Assert.Equal(NewArn, run["taskDefinition"]!.GetValue<string>());
        Assert.Equal("FARGATE", run["launchType"]!.GetValue<string>());
        Assert.Equal(Cluster, run["cluster"]!.GetValue<string>());
        var vpc = run["networkConfiguration"]!["awsvpcConfiguration"]!;
        Assert.Equal("""["subnet-0a","subnet-0b"]""", vpc["subnets"]!.ToJsonString());
        Assert.Equal("""["sg-0tasks"]""", vpc["securityGroups"]!.ToJsonString());
        Assert.Equal("DISABLED", vpc["assignPublicIp"]!.GetValue<string>());
        Assert.Equal("""[{"name":"app","command":["migrate"]}]""", run["overrides"]!["containerOverrides"]!.ToJsonString());
        Assert.Equal("app-build/migration", run["startedBy"]!.GetValue<string>());
        var operations = _ecs.Requests.Select(request => request.Operation).ToList();
        Assert.True(operations.LastIndexOf("DescribeTasks") < operations.IndexOf("UpdateService"), string.Join(", ", operations));
        Assert.Equal(NewArn, _service.TaskDefinition);

        var ran = Assert.Single(deployment.PreDeployRuns);
        Assert.Equal(("migration", "migrate", TimeSpan.FromSeconds(4)), (ran.Name, ran.Command, ran.Elapsed));
        var lines = _progress.Select(line => line.Line).ToList();
        Assert.Contains(lines, line => line.StartsWith($"migration: task {ran.TaskId} started from app-dev:2 ('migrate', subnets subnet-0a, subnet-0b, security groups sg-0tasks); logs: https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Fecs$252Fapp-dev/log-events/ecs$252Fapp$252F{ran.TaskId} (log group /ecs/app-dev, stream ecs/app/{ran.TaskId})", StringComparison.Ordinal));
        Assert.Contains($"migration task {ran.TaskId}: RUNNING, 2 s", lines);
        Assert.Contains($"migration task {ran.TaskId}: STOPPED, exit 0 in 4 s", lines);
        Assert.Equal(1, deployment.ApiCalls["RunTask"]);
    }

    [Fact]
    public async Task A_migration_that_exits_non_zero_stops_the_deploy_before_UpdateService_with_the_exit_code_and_reason()
    {
        _ecs.ScriptNextTask(FakeEcsOneOffTask.ExitsWith(3));

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(Migration), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.PreDeployTaskFailed, error.Kind);
        Assert.Equal((_previous, NewArn, (string?)null), (error.RunningTaskDefinition, error.NewTaskDefinition, error.DeploymentId));
        Assert.Matches(
            "^Deploy of .+ to ECS service app-dev/app-dev stopped before the service was updated: the migration task [0-9a-f]{32} \\(app-dev:2, 'migrate'\\) exited 3: Essential container in task exited; logs: https://eu-west-1\\.console\\.aws\\.amazon\\.com/cloudwatch/.+; app-dev/app-dev still runs app-dev:1 \\(app-dev:2 is registered but unused\\): fix the migration and deploy again\\.$",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(0, _ecs.CountOf("UpdateService"));
        Assert.Equal(_previous, _service.TaskDefinition);
        Assert.Equal(1, error.ApiCalls["RunTask"]);
    }

    [Fact]
    public async Task A_task_that_never_starts_fails_with_its_stop_code_and_reason_and_no_exit_code()
    {
        _ecs.ScriptNextTask(FakeEcsOneOffTask.NeverStarts());

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(Migration), CancellationToken.None));

        Assert.Contains($"never started (TaskFailedToStart, no exit code): {FakeEcsOneOffTask.PullFailure}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _ecs.CountOf("UpdateService"));
    }

    [Fact]
    public async Task RunTask_failures_fail_the_deploy_naming_them_before_UpdateService()
    {
        _ecs.ScriptNextTask(FakeEcsOneOffTask.RunTaskFails());

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(Migration), CancellationToken.None));

        Assert.Contains("the migration task (app-dev:2, 'migrate') never started: RunTask failed: RESOURCE:ENI (no ENI available in subnet)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _ecs.CountOf("DescribeTasks"));
        Assert.Equal(0, _ecs.CountOf("UpdateService"));
    }

    [Fact]
    public async Task A_task_that_does_not_stop_in_time_is_stopped_and_fails_the_deploy()
    {
        _ecs.ScriptNextTask(FakeEcsOneOffTask.NeverStops());

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(Migration, timeoutSeconds: 60), CancellationToken.None));

        Assert.Contains("did not stop within 60 s (timeoutSeconds in pre_deploy_tasks); the build stopped it (StopTask)", error.Message, StringComparison.Ordinal);
        var stop = Assert.Single(_ecs.Requests, request => request.Operation == "StopTask");
        var task = _ecs.Task(stop.Body!["task"]!.GetValue<string>())!;
        Assert.Equal(("STOPPED", "Deploy: migration did not finish within 60 s"), (task["lastStatus"]!.GetValue<string>(), task["stoppedReason"]!.GetValue<string>()));
        Assert.Equal(TimeSpan.FromSeconds(60), _clock.Elapsed);
        Assert.Equal(0, _ecs.CountOf("UpdateService"));
    }

    [Fact]
    public async Task An_interrupt_while_the_task_runs_stops_it_and_leaves_the_service_alone()
    {
        _ecs.ScriptNextTask(FakeEcsOneOffTask.NeverStops());
        using var interrupt = new CancellationTokenSource();
        var deployer = new EcsDeployer(Client(), NoSmoke, line =>
        {
            _progress.Add(line);
            if (line.Line.EndsWith("RUNNING, 2 s", StringComparison.Ordinal))
            {
                interrupt.Cancel();
            }
        }, _clock);

        var error = await Assert.ThrowsAsync<EcsPreDeployInterruptedException>(() => deployer.DeployAsync(Request(Migration), interrupt.Token));

        Assert.Matches("^the migration task [0-9a-f]{32} \\('migrate'\\) was stopped \\(StopTask\\); app-dev/app-dev was not updated and still runs app-dev:1; no deploy record was written\\.$", error.Message);
        Assert.Equal(1, _ecs.ServedCountOf("StopTask"));
        Assert.Equal(0, _ecs.CountOf("UpdateService"));
    }

    [Fact]
    public async Task Prod_s_backup_runs_first_and_a_failed_backup_means_no_migration_and_no_update()
    {
        _ecs.ScriptNextTask(FakeEcsOneOffTask.ExitsWith(0)).ScriptNextTask(FakeEcsOneOffTask.ExitsWith(0));
        var deployment = await Deployer().DeployAsync(Request(Backup, Migration), CancellationToken.None);

        Assert.Equal(["""["backup","--label","before-deploy"]""", """["migrate"]"""], _ecs.RunTasks.Select(run => run["overrides"]!["containerOverrides"]![0]!["command"]!.ToJsonString()));
        Assert.Equal(["backup", "migration"], deployment.PreDeployRuns.Select(run => run.Name));

        using var second = new EcsPreDeployTests();
        second._ecs.ScriptNextTask(FakeEcsOneOffTask.ExitsWith(2));
        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => second.Deployer().DeployAsync(Request(Backup, Migration), CancellationToken.None));
        Assert.Contains("the backup task", error.Message, StringComparison.Ordinal);
        Assert.Contains("exited 2", error.Message, StringComparison.Ordinal);
        Assert.Single(second._ecs.RunTasks);
        Assert.Equal(0, second._ecs.CountOf("UpdateService"));
    }

    [Fact]
    public async Task A_rollout_failure_after_a_passing_migration_does_not_report_the_migration_task_as_a_stopped_service_task()
    {
        _service.ScriptNext(FakeEcsRollout.FailsWithRollback(polls: 1) with { StoppedTasks = [new("Task failed container health checks", 137, null)] });

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(Migration), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.RolledBackByEcs, error.Kind);
        Assert.Contains("Task failed container health checks (container app exit 137)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("exit 0", error.Message, StringComparison.Ordinal);
        Assert.Single(_ecs.RunTasks);
    }

    [Fact]
    public async Task Pre_deploy_tasks_that_cannot_run_are_refused_before_ECS_is_called()
    {
        var request = Request(Migration) with { PreDeploy = new PreDeployTasks([Migration], [], ["sg-0tasks"], 1800) };

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(request, CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.Refused, error.Kind);
        Assert.Contains("the pre-deploy tasks cannot run: no subnets to run the tasks in", error.Message, StringComparison.Ordinal);
        Assert.Empty(_ecs.Requests);
    }

    [Fact]
    public async Task Without_pre_deploy_tasks_no_task_is_run()
    {
        await Deployer().DeployAsync(Request(), CancellationToken.None);

        Assert.Equal(0, _ecs.CountOf("RunTask"));
        Assert.Equal(1, _ecs.CountOf("UpdateService"));
    }

    private static Task<IReadOnlyList<string>> NoSmoke(Uri url, string? version, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyList<string>>(["smoke skipped"]);

    private static EcsDeployRequest Request(params PreDeployTask[] tasks) => Request(tasks, 1800);

    private static EcsDeployRequest Request(PreDeployTask task, int timeoutSeconds) => Request([task], timeoutSeconds);

    private static EcsDeployRequest Request(PreDeployTask[] tasks, int timeoutSeconds) =>
        new(Cluster, ServiceName, "app", Image, "1.2.3", new Uri("https://app-dev.example.org/"), TimeSpan.FromMinutes(10),
            PreDeploy: tasks.Length == 0 ? null : new PreDeployTasks(tasks, ["subnet-0a", "subnet-0b"], ["sg-0tasks"], timeoutSeconds));

    private EcsClient Client() => new(_ecs.Settings(), new SecretRegistry(), new CapturingLog());

    private EcsDeployer Deployer() => new(Client(), NoSmoke, _progress.Add, _clock);
}
