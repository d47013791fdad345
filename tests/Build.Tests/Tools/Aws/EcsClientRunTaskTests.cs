using Build.Core.Secrets;
using Build.Tools.Aws;
using Build.Tools.Aws.Ecs;

namespace Build.Tests.Tools.Aws;

/// <summary>RunTask, DescribeTasks of a one-off task and StopTask on the wire, against the SigV4-checking fake ECS.</summary>
public sealed class EcsClientRunTaskTests : IDisposable
{
    private const string Cluster = "app-dev";

    private readonly FakeEcs _ecs = new();
    private readonly string _taskDefinition;

    public EcsClientRunTaskTests()
    {
        _taskDefinition = _ecs.AddTaskDefinition("app-dev", "app");
        _ecs.AddCluster(Cluster);
    }

    public void Dispose() => _ecs.Dispose();

    [Fact]
    public async Task RunTask_sends_one_FARGATE_task_in_the_given_network_with_the_command_override_signed_for_ecs()
    {
        var result = await Client().RunTaskAsync(new EcsRunTaskRequest(Cluster, _taskDefinition, "app", ["migrate", "--to", "latest"], ["subnet-0a"], ["sg-0b"], "app-build/migration"));

        var request = Assert.Single(_ecs.Requests);
        Assert.Null(request.Rejection);
        Assert.Equal(1, _ecs.VerifiedSignatures);
        Assert.Equal(
            $$$"""{"cluster":"app-dev","taskDefinition":"{{{_taskDefinition}}}","launchType":"FARGATE","count":1,"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0a"],"securityGroups":["sg-0b"],"assignPublicIp":"DISABLED"}},"overrides":{"containerOverrides":[{"name":"app","command":["migrate","--to","latest"]}]},"startedBy":"app-build/migration"}""",
            request.Body!.ToJsonString());
        var task = result.Task!;
        Assert.Empty(result.Failures);
        Assert.Equal(("PROVISIONING", _taskDefinition, "app-build/migration", false), (task.LastStatus, task.TaskDefinitionArn, task.StartedBy, task.IsStopped));
    }

    [Fact]
    public async Task A_task_is_followed_to_STOPPED_with_the_container_exit_code_and_StopTask_stops_another()
    {
        _ecs.ScriptNextTask(FakeEcsOneOffTask.ExitsWith(4, polls: 2)).ScriptNextTask(FakeEcsOneOffTask.NeverStops());
        var client = Client();
        var exits = (await client.RunTaskAsync(Request())).Task!;
        var runs = (await client.RunTaskAsync(Request())).Task!;

        var first = Assert.Single(await client.DescribeTasksAsync(Cluster, [exits.Arn]));
        var second = Assert.Single(await client.DescribeTasksAsync(Cluster, [exits.Arn]));
        await client.StopTaskAsync(Cluster, runs.Arn, "Deploy was interrupted");
        var stopped = Assert.Single(await client.DescribeTasksAsync(Cluster, [runs.Arn]));

        Assert.Equal("PENDING", first.LastStatus);
        Assert.Equal(("STOPPED", "EssentialContainerExited", (int?)4), (second.LastStatus, second.StopCode, second.Container("app")!.ExitCode));
        Assert.Equal(("STOPPED", "UserInitiated", "Deploy was interrupted"), (stopped.LastStatus, stopped.StopCode, stopped.StoppedReason));
    }

    [Fact]
    public async Task RunTask_failures_come_back_as_reason_and_detail_without_a_task()
    {
        _ecs.ScriptNextTask(FakeEcsOneOffTask.RunTaskFails());

        var result = await Client().RunTaskAsync(Request());

        Assert.Null(result.Task);
        Assert.Equal(["RESOURCE:ENI (no ENI available in subnet)"], result.Failures);
    }

    [Fact]
    public async Task A_container_the_task_definition_does_not_have_is_ECS_s_InvalidParameterException()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().RunTaskAsync(Request() with { Container = "worker" }));

        Assert.Contains("InvalidParameterException", error.Message, StringComparison.Ordinal);
        Assert.Empty(_ecs.RunTasks);
    }

    private EcsRunTaskRequest Request() => new(Cluster, _taskDefinition, "app", ["migrate"], ["subnet-0a"], ["sg-0b"]);

    private EcsClient Client() => new(_ecs.Settings(), new SecretRegistry(), new CapturingLog());
}
