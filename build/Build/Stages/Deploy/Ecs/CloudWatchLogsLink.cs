using Build.Tools.Aws.Ecs;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// Where a task's container logs go, from the task definition's <c>awslogs</c> logConfiguration: the log group, the
/// stream (<c>prefix/container/task-id</c>, as the awslogs driver names it) and the CloudWatch console's page of it.
/// </summary>
public sealed record CloudWatchLogsLink(string Group, string Stream, string Region)
{
    /// <summary>Gets the CloudWatch console page of the stream (the console wants the path parts escaped twice, '%' as '$25').</summary>
    public Uri ConsoleUrl => new(
        $"https://{Region}.console.aws.amazon.com/cloudwatch/home?region={Region}#logsV2:log-groups/log-group/{ConsoleEscape(Group)}/log-events/{ConsoleEscape(Stream)}");

    /// <summary>The logs of <paramref name="container"/> in task <paramref name="taskId"/>; null when the container does not log with awslogs.</summary>
    public static CloudWatchLogsLink? For(EcsTaskDefinition definition, string container, string taskId)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var logging = (definition.Definition["containerDefinitions"] as System.Text.Json.Nodes.JsonArray ?? [])
            .FirstOrDefault(candidate => candidate?["name"]?.GetValue<string>() == container)?["logConfiguration"];
        if (logging?["logDriver"]?.GetValue<string>() != "awslogs" || logging["options"] is not { } options)
        {
            return null;
        }

        var group = options["awslogs-group"]?.GetValue<string>();
        var region = options["awslogs-region"]?.GetValue<string>();
        var prefix = options["awslogs-stream-prefix"]?.GetValue<string>();
        return string.IsNullOrEmpty(group) || string.IsNullOrEmpty(region) || string.IsNullOrEmpty(prefix)
            ? null
            : new CloudWatchLogsLink(group, $"{prefix}/{container}/{taskId}", region);
    }

    /// <summary>"/ecs/app-dev" is "$252Fecs$252Fapp-dev".</summary>
    public static string ConsoleEscape(string value) => Uri.EscapeDataString(Uri.EscapeDataString(value)).Replace("%", "$", StringComparison.Ordinal);

    public override string ToString() => $"{ConsoleUrl} (log group {Group}, stream {Stream})";
}
