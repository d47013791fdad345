using Build.Stages.Deploy.Ecs;
using Build.Tools.Aws.Ecs;

namespace Build.Tests.Stages.Deploy.Ecs;

public sealed class EcsFailureDetailsTests
{
    private const string Revision = "arn:aws:ecs:eu-west-1:123456789012:task-definition/app-dev:8";
    private static readonly DateTimeOffset Noon = new(2024, 6, 12, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Events_are_newest_first_bounded_in_number_and_length()
    {
        var events = Enumerable.Range(0, 8).Select(i => new EcsServiceEvent($"e{i}", Noon.AddSeconds(i), $"message {i}")).ToList();
        events.Add(new EcsServiceEvent("long", Noon.AddMinutes(5), new string('x', 1000)));

        var text = EcsFailureDetails.Events(events, max: 3, characters: 50);

        Assert.Equal($"Last events (newest first): 12:05:00 {new string('x', 50)}... (+950 characters); 12:00:07 message 7; 12:00:06 message 6 (+6 more).", text);
    }

    [Fact]
    public void Stopped_tasks_name_the_reason_and_every_container_exit_newest_first()
    {
        var tasks = new[]
        {
            Task("0aaa", Noon, "Essential container in task exited", new EcsTaskContainer("app", 1, null, "STOPPED"), new EcsTaskContainer("otel", null, null, "STOPPED")),
            Task("0bbb", Noon.AddMinutes(1), "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/app/0a1b)", new EcsTaskContainer("app", 137, null, "STOPPED")),
            Task("0ccc", Noon.AddMinutes(2), "CannotPullContainerError", new EcsTaskContainer("app", null, "CannotPullContainerError: pull image manifest has been retried 5 time(s): not found", "STOPPED")),
        };

        var text = EcsFailureDetails.StoppedTasks(tasks, Revision, max: 2);

        Assert.Equal(
            "Stopped tasks of app-dev:8 (newest first): 0ccc: CannotPullContainerError (container app: CannotPullContainerError: pull image manifest has been retried 5 time(s): not found); 0bbb: Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/app/0a1b) (container app exit 137) (+1 more).",
            text);
    }

    [Fact]
    public void Nothing_to_tell_is_said_plainly()
    {
        Assert.Equal("No service events.", EcsFailureDetails.Events([], 5, 100));
        Assert.Equal("No stopped tasks of app-dev:8.", EcsFailureDetails.StoppedTasks([], Revision, 3));
    }

    private static EcsTask Task(string id, DateTimeOffset stoppedAt, string reason, params EcsTaskContainer[] containers) =>
        new($"arn:aws:ecs:eu-west-1:123456789012:task/app-dev/{id}", Revision, "STOPPED", "STOPPED", "ecs-svc/1", reason, "EssentialContainerExited", stoppedAt, containers);
}
